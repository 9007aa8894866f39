// @ts-check
// Resources: a card for every document and initiative the note links or names. "Open" asks Rust to open the
// official page it holds for that card; the webview only ever sends the card's id.

import { call } from '../ipc.js';
import { html, mount } from '../html.js';

function card(/** @type {import('../types.js').ResourceCard} */ r) {
  return html`<li class="card" id="resource-${r.id}" tabindex="-1">
    <h2 data-l10n-id="resource-${r.id}"></h2>
    ${r.symbol || r.date ? html`<dl class="meta">
      ${r.symbol ? html`<dt data-l10n-id="resources-symbol-label"></dt><dd>${r.symbol}</dd>` : ''}
      ${r.date ? html`<dt data-l10n-id="resources-date-label"></dt><dd>${r.date}</dd>` : ''}
    </dl>` : ''}
    <p data-l10n-id="resource-${r.id}" data-l10n-attr="description" data-l10n-rich></p>
    ${r.host
      ? html`<p><button type="button" class="open" data-open="${r.id}" data-l10n-id="resources-open"></button> <span class="host" data-l10n-id="resources-open-title" data-l10n-args="${JSON.stringify({ host: r.host })}"></span></p>`
      : html`<p class="no-link" data-l10n-id="resources-no-link"></p>`}
  </li>`;
}

/**
 * @param {HTMLElement} main
 * @param {import('../types.js').App} app
 */
export async function render(main, app) {
  const cards = await call('resources');
  mount(
    main,
    html`<h1 data-l10n-id="resources-title"></h1>
      <p data-l10n-id="resources-intro"></p>
      <ul class="cards">${cards.map(card)}</ul>`,
  );
  for (const b of main.querySelectorAll('[data-open]')) {
    b.addEventListener('click', () => call('open_resource', { id: b.getAttribute('data-open') }).catch(app.showError));
  }
}
