// @ts-check
// GCM at a glance: the Global Compact's 23 objectives and 10 guiding principles, readable offline. Which ones
// there are is Rust's (`gcm`); their texts are Fluent's. A note says which titles are the official text and which
// (in Russian) a working translation, with a link to the official text in the reader's language.

import { call } from '../ipc.js';
import { html, mount } from '../html.js';

export async function render(/** @type {HTMLElement} */ main) {
  const { objectives, principles } = await call('gcm');
  mount(
    main,
    html`<h1 data-l10n-id="gcm-title"></h1>
      <p data-l10n-id="gcm-intro" data-l10n-rich></p>
      <p class="note" id="gcm-translation-note" data-l10n-id="gcm-translation-note" data-l10n-rich></p>
      <section aria-labelledby="gcm-objectives-heading">
        <h2 id="gcm-objectives-heading" data-l10n-id="gcm-objectives-heading"></h2>
        <ol class="objectives">
          ${objectives.map((n) => html`<li id="gcm-objective-${n}" tabindex="-1" data-l10n-id="gcm-objective-${n}"></li>`)}
        </ol>
      </section>
      <section aria-labelledby="gcm-principles-heading">
        <h2 id="gcm-principles-heading" data-l10n-id="gcm-principles-heading"></h2>
        <ul class="principles">
          ${principles.map((p) => html`<li id="gcm-principle-${p}" data-l10n-id="gcm-principle-${p}"></li>`)}
        </ul>
        <p data-l10n-id="gcm-capacity" data-l10n-rich></p>
      </section>`,
  );
}
