// GCM at a glance: the Global Compact's 23 objectives and 10 guiding principles, readable offline.

import { html, mount } from '../html.js';

const PRINCIPLES = [
  'people-centred', 'international-cooperation', 'national-sovereignty', 'rule-of-law', 'sustainable-development',
  'human-rights', 'gender-responsive', 'child-sensitive', 'whole-of-government', 'whole-of-society',
];

export async function render(main) {
  const objectives = Array.from({ length: 23 }, (_, i) => i + 1);
  mount(
    main,
    html`<h1 data-l10n-id="gcm-title"></h1>
      <p data-l10n-id="gcm-intro" data-l10n-rich></p>
      <section aria-labelledby="gcm-objectives-heading">
        <h2 id="gcm-objectives-heading" data-l10n-id="gcm-objectives-heading"></h2>
        <ol class="objectives">
          ${objectives.map((n) => html`<li id="gcm-objective-${n}" tabindex="-1" data-l10n-id="gcm-objective-${n}"></li>`)}
        </ol>
      </section>
      <section aria-labelledby="gcm-principles-heading">
        <h2 id="gcm-principles-heading" data-l10n-id="gcm-principles-heading"></h2>
        <ul class="principles">
          ${PRINCIPLES.map((p) => html`<li id="gcm-principle-${p}" data-l10n-id="gcm-principle-${p}"></li>`)}
        </ul>
        <p data-l10n-id="gcm-capacity" data-l10n-rich></p>
      </section>`,
  );
}
