// @ts-check
// Workshops: the events installed in the app (the built-in workshop and the packs opened), which one is shown,
// and "Open event pack…". Rust runs the Open dialog, checks the signature and installs; this view names what to
// do and shows what Rust said. Switching reloads the window, so every view comes from the event chosen.

import { call } from '../ipc.js';
import { find, html, mount } from '../html.js';
import { translate } from '../l10n.js';

/** @param {import('../types.js').EventEntry} e */
function eventItem(e) {
  return html`<li class="event-entry${e.shown ? ' shown' : ''}" id="event-${e.id}" data-event="${e.id}">
    <h2>${e.title}</h2>
    <p><span class="date">${e.date}</span> · <span class="event-status event-status-${e.status}">${e.status_text}</span></p>
    <p class="signer">${e.signer ? e.signer.text : html`<span data-l10n-id="events-builtin"></span>`}</p>
    ${e.shown
      ? html`<p class="current" data-l10n-id="events-shown"></p>`
      : html`<button type="button" class="show-event" data-event="${e.id}" data-l10n-id="events-show" data-l10n-args="${JSON.stringify({ title: e.title })}"></button>`}
  </li>`;
}

/** @param {import('../types.js').PackOpened} o */
function openedPanel(o) {
  return html`<section class="pack-opened" id="pack-opened" aria-labelledby="pack-opened-heading">
    <h2 id="pack-opened-heading" data-l10n-id="events-opened-heading"></h2>
    <p>${o.message}</p>
    <p class="signer">${o.signer.text}</p>
    ${o.changes.length
      ? html`<h3 data-l10n-id="events-changes-heading"></h3><ul class="changes">${o.changes.map((c) => html`<li>${c}</li>`)}</ul>`
      : ''}
    <button type="button" class="show-event" data-event="${o.id}" data-l10n-id="events-show-opened"></button>
  </section>`;
}

/**
 * Shows event `id` everywhere: Rust switches, then the window reloads on the Overview.
 * @param {string} id
 * @param {import('../types.js').App} app
 */
async function showEvent(id, app) {
  try {
    await call('show_event', { id });
    location.hash = '#overview';
    location.reload();
  } catch (e) {
    app.showError(e);
  }
}

/**
 * @param {HTMLElement} main
 * @param {import('../types.js').App} app
 * @param {import('../types.js').PackOpened | null} [opened]
 * @param {boolean} [translated] translates what it drew (after a pack is opened); the view's first draw leaves
 *   that to show()
 */
async function draw(main, app, opened = null, translated = true) {
  const list = await call('events');
  mount(
    main,
    html`<h1 data-l10n-id="events-title"></h1>
      <p data-l10n-id="events-intro"></p>
      <p><button type="button" id="open-pack" data-l10n-id="events-open"></button></p>
      <div id="pack-result" role="status">${opened ? openedPanel(opened) : ''}</div>
      <ul class="event-list" id="event-list">${list.map(eventItem)}</ul>`,
  );
  if (translated) await translate(main);
  find(main, '#open-pack').addEventListener('click', async () => {
    try {
      const result = await call('open_pack');
      await draw(main, app, result);
      find(main, '#pack-opened-heading').focus();
    } catch (e) {
      // Closing the dialog is not an error.
      if (!(e && typeof e === 'object' && 'kind' in e && e.kind === 'cancelled')) app.showError(e);
    }
  });
  for (const b of main.querySelectorAll('button.show-event')) {
    b.addEventListener('click', () => showEvent(b.getAttribute('data-event') || '', app));
  }
}

/**
 * @param {HTMLElement} main
 * @param {import('../types.js').App} app
 */
export async function render(main, app) {
  await draw(main, app, null, false);
}
