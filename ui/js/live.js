// @ts-check
// The parts of Overview and Agenda that change as time passes: the status line (countdown, "starting soon",
// "happening now", "took place"), the running and the next item, and the time left. The words come worded
// from Rust (`live`); this module only puts them in place, so a refresh never disturbs focus or scrolling.
// It also tells other parts of the page (the join panel) where the event stands: `main[data-phase]`,
// `main[data-soon]`, and a `gcm:live` event on window carrying the same data.

import { call } from './ipc.js';
import { html, mount } from './html.js';
import { translate } from './l10n.js';

/**
 * An agenda row as the status lines need it.
 * @typedef {{ id: string, session: number | null }} RowInfo
 * @typedef {import('./types.js').Live} Live
 */

/** The status block both views show at the top; `applyLive` fills it. */
export function statusBlock() {
  return html`<section class="status" id="status" aria-labelledby="status-heading">
    <h2 id="status-heading" class="visually-hidden" data-l10n-id="overview-status-heading"></h2>
    <p id="status-text"></p>
    <p id="status-detail" class="status-detail" hidden></p>
    <p id="status-now" class="status-now" hidden></p>
    <p id="status-next" class="status-next" hidden></p>
  </section>`;
}

function phaseName(/** @type {Live} */ live) {
  return live.phase.phase;
}

/**
 * @param {HTMLElement | null} el
 * @param {string | null | undefined} text
 */
function setText(el, text) {
  if (!el) return;
  el.textContent = text || '';
  el.hidden = !text;
}

/**
 * "Now · Session 2 · State of play…" or "Next · …", built from Fluent ids. When the line's item changed, its new
 * content is built off the page, to be translated before it replaces the old (`applyLive`): returned as
 * `{ el, next, id }`; otherwise the line is updated in place and the result is null.
 * @param {HTMLElement | null} el
 * @param {'now' | 'next'} kind
 * @param {string | null} id
 * @param {string | null} left
 * @param {RowInfo[]} rows
 */
function itemLine(el, kind, id, left, rows) {
  if (!el) return null;
  if (!id) {
    el.hidden = true;
    el.dataset.item = '';
    return null;
  }
  /** @type {HTMLElement | null} */
  let next = null;
  const row = rows.find((r) => r.id === id);
  if (el.dataset.item !== id) {
    next = document.createElement('p');
    mount(
      next,
      html`<span class="badge badge-${kind}" data-l10n-id="time-${kind}-label"></span>
        ${row && row.session ? html`<span class="session" data-l10n-id="agenda-session-label" data-l10n-args="${JSON.stringify({ number: row.session })}"></span>: ` : ''}<a class="item-link" href="#item-${id}" data-l10n-id="agenda-${id}-title" data-l10n-rich></a><span class="time-left"></span>`,
    );
    // A rich title may hold links of its own; inside the item's link they are text (l10n.js), so the whole
    // title leads to the agenda row.
  }
  const span = (next || el).querySelector('.time-left');
  if (span) span.textContent = left ? ` · ${left}` : '';
  if (next) return { el, next, id };
  el.hidden = false;
  return null;
}

/**
 * Puts `live` into the current view: status lines, agenda row classes and badges, the time left in the
 * running row. `rows` (optional) are the agenda rows' ids and session numbers, for the overview's lines.
 * Rebuilt status lines are translated in one round trip before they are shown, unless `translated` is false: a
 * view's `render` draws off the page and leaves them to the translation of the whole view that follows it.
 * @param {HTMLElement} main
 * @param {Live} live
 * @param {RowInfo[]} [rows]
 * @param {{ translated?: boolean }} [options]
 */
export async function applyLive(main, live, rows = [], { translated = true } = {}) {
  const phase = phaseName(live);
  const soon = live.phase.phase === 'before' && live.phase.soon;
  main.dataset.phase = phase;
  main.dataset.soon = String(soon);
  const status = main.querySelector('#status');
  if (status instanceof HTMLElement) {
    status.dataset.phase = phase;
    status.dataset.soon = String(soon);
  }
  const el = (/** @type {string} */ css) => /** @type {HTMLElement | null} */ (main.querySelector(css));
  setText(el('#status-text'), live.status);
  setText(el('#status-detail'), live.detail);
  const rebuilt = [
    itemLine(el('#status-now'), 'now', live.current, live.left, rows),
    itemLine(el('#status-next'), 'next', phase === 'during' ? live.next : null, null, rows),
  ].filter((line) => line !== null);
  if (translated && rebuilt.length) await translate(rebuilt.map((line) => line.next));
  for (const { el: line, next, id } of rebuilt) {
    line.replaceChildren(...next.childNodes);
    line.dataset.item = id;
    line.hidden = false;
  }

  for (const s of live.states) {
    const tr = main.querySelector(`#item-${CSS.escape(s.id)}`);
    if (!tr) continue;
    for (const c of [...tr.classList]) if (c.startsWith('state-')) tr.classList.remove(c);
    tr.classList.add(`state-${s.state}`);
    if (s.state === 'now') tr.setAttribute('aria-current', 'time');
    else tr.removeAttribute('aria-current');
    const left = /** @type {HTMLElement | null} */ (tr.querySelector('.row-left'));
    if (left) setText(left, s.state === 'now' ? live.left : '');
  }
  window.dispatchEvent(new CustomEvent('gcm:live', { detail: live }));
}

/**
 * Fetches the live state and applies it.
 * @param {HTMLElement} main
 * @param {RowInfo[]} [rows]
 */
export async function tick(main, rows = []) {
  await applyLive(main, await call('live'), rows);
}
