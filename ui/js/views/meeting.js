// @ts-check
// The meeting: the join panel (on Overview, and for managing the link in Settings): the Zoom link from the
// participant's invitation, the Join button, copying the meeting ID and passcode, and how to listen to the Russian
// interpretation. Rust decides everything that matters — which link is in force, whether a pasted text is
// usable, what opens, the stage of the day and when the panel is prominent — so the panel only names actions
// ("join", "copy the passcode"), never a URL.

import { BackendError, call } from '../ipc.js';
import { find, html, mount } from '../html.js';
import { translate } from '../l10n.js';

/**
 * @typedef {import('../types.js').App} App
 * @typedef {import('../types.js').LinkView} LinkView
 * @typedef {import('../types.js').MeetingPanel} MeetingPanel
 * @typedef {import('../types.js').Stage} Stage
 */

// What survives a re-render (the overview refreshes as time passes; the language can switch): what the
// participant pasted and where they are in checking it.
const draft = {
  text: '',
  /** The pasted text was checked and is awaiting "Save this meeting": what Rust found in it. */
  found: /** @type {LinkView | null} */ (null),
  /** The pasted text was refused: Rust's localised reason. */
  error: /** @type {string | null} */ (null),
  /** The paste box is open although a link is known ("Change link"). */
  editing: false,
  /** The OS could not open the link: offer it as text to copy. */
  openFailed: false,
  guideOpen: false,
  /** A Fluent id for the status line: saved, removed, copied, opening. */
  status: /** @type {string | null} */ (null),
};

function clearDraft() {
  Object.assign(draft, { text: '', found: null, error: null, editing: false });
}

/**
 * @param {string} p the panel's id, prefixing its elements' ids
 * @param {LinkView} link
 * @param {{ copy: boolean, showLink: boolean }} options
 */
function details(p, link, { copy, showLink }) {
  return html`<dl class="join-details">
      ${showLink ? html`<div><dt data-l10n-id="meeting-link-label"></dt><dd><code class="join-url">${link.url}</code></dd></div>` : ''}
      ${link.meeting_id
        ? html`<div><dt data-l10n-id="meeting-id-label"></dt>
            <dd><span class="join-value" id="${p}-id">${link.meeting_id}</span>
              ${copy ? html`<button type="button" class="small" data-copy="id" data-l10n-id="meeting-copy-id"></button>` : ''}</dd></div>`
        : ''}
      ${link.passcode
        ? html`<div><dt data-l10n-id="meeting-passcode-label"></dt>
            <dd><span class="join-value" id="${p}-passcode">${link.passcode}</span>
              ${copy ? html`<button type="button" class="small" data-copy="passcode" data-l10n-id="meeting-copy-passcode"></button>` : ''}</dd></div>`
        : ''}
    </dl>
    ${link.personal ? html`<p class="join-warning" data-l10n-id="meeting-personal-warning"></p>` : ''}`;
}

function guide(/** @type {MeetingPanel} */ panel) {
  if (!panel.interpretation) return '';
  const steps = html`<ol>${[1, 2, 3, 4].map((n) => html`<li data-l10n-id="meeting-interpretation-step${n}"></li>`)}</ol>`;
  if (panel.guide_open) {
    return html`<section class="join-guide" aria-labelledby="join-guide-heading">
        <h3 id="join-guide-heading" data-l10n-id="meeting-interpretation-title"></h3>${steps}</section>`;
  }
  return html`<details class="join-guide" ${draft.guideOpen ? html`open` : ''}>
      <summary data-l10n-id="meeting-interpretation-show"></summary>${steps}</details>`;
}

/**
 * The Fluent id of the line saying where the day stands, if one is shown.
 * @param {Stage} stage
 * @param {boolean} known a link is known
 * @returns {string | null}
 */
function stageId(stage, known) {
  return { before: null, soon: 'meeting-soon', during: 'meeting-live', after: known ? 'meeting-over' : null }[stage];
}

function stageLine(/** @type {MeetingPanel} */ panel) {
  const id = stageId(panel.stage, !!panel.link);
  return html`<p class="join-stage" ${id ? html`data-l10n-id="${id}"` : html`hidden`}></p>`;
}

function pasteForm(/** @type {string} */ p, /** @type {MeetingPanel} */ panel) {
  return html`<form class="join-paste" id="${p}-form" novalidate>
      <label for="${p}-paste" data-l10n-id="meeting-paste-label"></label>
      <p class="hint" id="${p}-help" data-l10n-id="meeting-none-help"></p>
      <textarea id="${p}-paste" rows="5" spellcheck="false" aria-describedby="${p}-help ${p}-error">${draft.text}</textarea>
      <div class="join-error" id="${p}-error" role="alert">${draft.error
        ? html`<p class="join-error-title" data-l10n-id="meeting-error-title"></p><p class="join-error-message">${draft.error}</p>`
        : ''}</div>
      <div class="button-row">
        <button type="submit" data-l10n-id="meeting-paste-check"></button>
        ${panel.link ? html`<button type="button" data-action="cancel" data-l10n-id="meeting-cancel"></button>` : ''}
      </div>
    </form>`;
}

function confirmBox(/** @type {string} */ p, /** @type {LinkView} */ found) {
  return html`<div class="join-found" id="${p}-found" tabindex="-1" aria-labelledby="${p}-found-heading">
      <h3 id="${p}-found-heading" data-l10n-id="meeting-found"></h3>
      ${details(p, found, { copy: false, showLink: true })}
      <div class="button-row">
        <button type="button" class="primary" data-action="confirm" data-l10n-id="meeting-confirm"></button>
        <button type="button" data-action="cancel" data-l10n-id="meeting-cancel"></button>
      </div>
    </div>`;
}

/**
 * @param {string} p
 * @param {MeetingPanel} panel
 * @param {string} place
 */
function markup(p, panel, place) {
  const link = panel.link;
  const overview = place === 'overview';
  const joinButton = overview
    ? link
      ? html`<button type="button" class="join-button${panel.prominent ? ' primary' : ''}" id="join-button" data-action="join" data-l10n-id="meeting-join"></button>
          ${link.browser ? html`<button type="button" id="join-browser" data-action="browser" data-l10n-id="meeting-browser"></button>` : ''}`
      : html`<button type="button" class="join-button" id="join-button" data-action="focus-paste" aria-describedby="${p}-help" data-l10n-id="meeting-join-none"></button>`
    : '';
  return html`<h2 id="${p}-heading" data-l10n-id="${overview ? 'meeting-heading' : 'meeting-settings-heading'}"></h2>
    ${overview ? stageLine(panel) : ''}
    ${joinButton ? html`<div class="join-actions">${joinButton}</div>` : ''}
    ${link
      ? html`${details(p, link, { copy: true, showLink: !overview })}
        ${draft.openFailed
          ? html`<div class="join-fallback" role="alert"><p data-l10n-id="meeting-open-failed"></p>
              <p><code class="join-url" id="${p}-url">${link.url}</code></p>
              <button type="button" data-copy="link" data-l10n-id="meeting-copy-link"></button></div>`
          : ''}
        ${overview ? guide(panel) : ''}
        <p class="hint join-source" data-l10n-id="${panel.source === 'saved' ? 'meeting-source-saved' : 'meeting-source-event'}"></p>
        ${draft.editing || draft.found ? '' : html`<div class="button-row">
            <button type="button" data-action="change" data-l10n-id="meeting-change"></button>
            ${panel.source === 'saved' ? html`<button type="button" data-action="remove" data-l10n-id="meeting-remove"></button>` : ''}
          </div>`}`
      : ''}
    ${draft.found ? confirmBox(p, draft.found) : !link || draft.editing ? pasteForm(p, panel) : ''}
    ${!link && overview ? guide(panel) : ''}
    <p class="saved join-status" id="${p}-status" role="status">${draft.status ? html`<span data-l10n-id="${draft.status}"></span>` : ''}</p>`;
}

/**
 * Renders the panel into `el` (a section with an id: "join" on the overview, where the concept note's
 * "Participate here" lands). `place` is "overview" (join button, timing, interpretation guide) or "settings"
 * (managing the link). The caller translates `el` after the first render; re-renders here translate themselves.
 * @param {HTMLElement} el
 * @param {App} app
 * @param {'overview' | 'settings'} [place]
 * @param {MeetingPanel} [known] the panel, when the caller already has it (start-up's `first_view`)
 */
export async function render(el, app, place = 'overview', known) {
  const panel = known || (await call('meeting'));
  draft.status = null;
  if (draft.error && draft.text) {
    // The reason was worded in the language of its time: ask again, so a language switch reaches it too.
    try {
      draft.found = await call('meeting_check', { text: draft.text });
      draft.error = null;
    } catch (e) {
      if (e instanceof BackendError && e.kind === 'meeting-link') draft.error = e.message;
    }
  }
  draw(el, app, place, panel);
}

/**
 * @param {HTMLElement} el
 * @param {App} app
 * @param {'overview' | 'settings'} place
 * @param {MeetingPanel} panel
 */
function draw(el, app, place, panel) {
  const p = el.id;
  el.classList.add('join');
  el.classList.toggle('prominent', place === 'overview' && panel.prominent);
  el.dataset.stage = panel.stage;
  el.dataset.known = String(!!panel.link);
  el.setAttribute('aria-labelledby', `${p}-heading`);
  mount(el, markup(p, panel, place));

  /**
   * @param {MeetingPanel | null} next
   * @param {string} focus
   */
  const redraw = async (next, focus) => {
    draw(el, app, place, next || (await call('meeting')));
    await translate(el);
    const target = el.querySelector(focus);
    if (target instanceof HTMLElement) target.focus();
  };
  const status = (/** @type {string} */ id) => {
    draft.status = id;
    const line = find(el, '.join-status');
    mount(line, html`<span data-l10n-id="${id}"></span>`);
    translate(line).catch(app.showError);
  };

  const box = el.querySelector('textarea');
  if (box) box.addEventListener('input', () => (draft.text = box.value));
  const details = /** @type {HTMLDetailsElement | null} */ (el.querySelector('details.join-guide'));
  if (details) details.addEventListener('toggle', () => (draft.guideOpen = details.open));

  const form = el.querySelector('form.join-paste');
  if (form && box) {
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      draft.text = box.value;
      draft.status = null;
      try {
        draft.found = await call('meeting_check', { text: draft.text });
        draft.error = null;
        await redraw(panel, '.join-found');
      } catch (e) {
        if (!(e instanceof BackendError) || e.kind !== 'meeting-link') return app.showError(e);
        draft.found = null;
        draft.error = e.message;
        await redraw(panel, 'textarea');
      }
    });
  }

  // Assigned, not added: `el` outlives the redraws, and each draw brings a fresh `panel`.
  el.onclick = async (ev) => {
    const button = ev.target instanceof Element ? ev.target.closest('button') : null;
    if (!button || !el.contains(button)) return;
    const what = button.dataset.copy;
    try {
      if (what) {
        await call('copy_meeting', { what });
        status('meeting-copied');
        return;
      }
      switch (button.dataset.action) {
        case 'join':
        case 'browser':
          draft.openFailed = false;
          try {
            await call(button.dataset.action === 'join' ? 'join' : 'join_browser');
            status('meeting-opening');
          } catch (e) {
            if (!(e instanceof BackendError) || e.kind !== 'open-failed') throw e;
            draft.openFailed = true;
            draft.status = null;
            await redraw(panel, '.join-fallback button');
          }
          return;
        case 'focus-paste': {
          // While a checked paste awaits confirmation, that is the next step.
          const next = el.querySelector('textarea') || el.querySelector('.join-found');
          if (next instanceof HTMLElement) next.focus();
          return;
        }
        case 'change':
          draft.editing = true;
          draft.status = null;
          return await redraw(panel, 'textarea');
        case 'cancel': {
          // Nothing was saved: the link in force stays as it was.
          clearDraft();
          draft.status = null;
          return await redraw(panel, panel.link ? '[data-action="change"]' : 'textarea');
        }
        case 'confirm': {
          const next = await call('meeting_save', { text: draft.text });
          clearDraft();
          draft.openFailed = false;
          draft.status = 'meeting-saved';
          return await redraw(next, place === 'overview' ? '#join-button' : '[data-action="change"]');
        }
        case 'remove': {
          const next = await call('meeting_remove');
          clearDraft();
          draft.openFailed = false;
          draft.status = 'meeting-removed';
          return await redraw(next, next.link ? '[data-action="change"]' : 'textarea');
        }
        default:
      }
    } catch (e) {
      app.showError(e);
    }
  };
}

// As time passes the overview updates only its live parts (live.js announces each update with `gcm:live`):
// the panel follows in place — stage line and prominence, both Rust's (`live.meeting`) — without redrawing what
// the reader may be using.
window.addEventListener('gcm:live', (ev) => {
  const el = document.getElementById('join');
  const meeting = ev.detail && ev.detail.meeting;
  if (!el || !meeting || !el.classList.contains('join')) return;
  const { stage, prominent } = meeting;
  if (stage === el.dataset.stage && prominent === el.classList.contains('prominent')) return;
  const known = el.dataset.known === 'true';
  el.dataset.stage = stage;
  el.classList.toggle('prominent', prominent);
  const button = el.querySelector('#join-button');
  if (button && known) button.classList.toggle('primary', prominent);
  const line = el.querySelector('.join-stage');
  if (!(line instanceof HTMLElement)) return;
  const id = stageId(stage, known);
  line.hidden = !id;
  if (id) {
    line.dataset.l10nId = id;
    translate(line).catch((e) => console.error(e));
  } else {
    line.textContent = '';
  }
});
