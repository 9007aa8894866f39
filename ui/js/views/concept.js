// @ts-check
// Concept note: the organisers' full text, paragraph by paragraph, with its emphasis, the paragraph 29
// quotation and the footnote; linked phrases lead to the matching resource card. How many paragraphs there are
// is Rust's (`concept`: as many `concept-p<n>` as the event pack has); their texts are Fluent's.

import { call } from '../ipc.js';
import { html, mount } from '../html.js';

export async function render(/** @type {HTMLElement} */ main) {
  const { paragraphs: paras } = await call('concept');
  mount(
    main,
    html`<article class="concept">
      <h1 data-l10n-id="concept-title"></h1>
      <p class="page-actions"><button type="button" data-print data-l10n-id="print-concept"></button></p>
      <p class="kicker" data-l10n-id="concept-heading"></p>
      <p class="meta" data-l10n-id="concept-held-within"></p>
      <p class="meta" data-l10n-id="concept-participate" data-l10n-rich></p>
      ${paras.map((n) => html`<p id="concept-p${n}" data-l10n-id="concept-p${n}" data-l10n-rich></p>`)}
      <aside class="footnote" aria-labelledby="fn-heading">
        <h2 id="fn-heading" class="visually-hidden" data-l10n-id="concept-footnotes"></h2>
        <p data-l10n-id="concept-footnote" data-l10n-rich></p>
      </aside>
    </article>`,
  );
}
