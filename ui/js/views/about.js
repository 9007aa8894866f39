// @ts-check
// About: the Almaty Process (members and observers), the Regional Training Center on Migration, and this app.

import { html, mount } from '../html.js';

const MEMBERS = ['afghanistan', 'azerbaijan', 'kazakhstan', 'kyrgyzstan', 'tajikistan', 'turkiye'];
const OBSERVERS = ['iran', 'italy', 'pakistan', 'turkmenistan'];

/**
 * @param {HTMLElement} main
 * @param {import('../types.js').App} app
 */
export async function render(main, app) {
  mount(
    main,
    html`<h1 data-l10n-id="about-title"></h1>
      <section aria-labelledby="about-almaty-heading">
        <h2 id="about-almaty-heading" data-l10n-id="about-almaty-heading"></h2>
        <p data-l10n-id="about-almaty-p1" data-l10n-rich></p>
        <p data-l10n-id="about-almaty-p2" data-l10n-rich></p>
        <div class="columns">
          <section aria-labelledby="about-members-heading">
            <h3 id="about-members-heading" data-l10n-id="about-members-heading"></h3>
            <ul>${MEMBERS.map((m) => html`<li data-l10n-id="about-member-${m}"></li>`)}</ul>
          </section>
          <section aria-labelledby="about-observers-heading">
            <h3 id="about-observers-heading" data-l10n-id="about-observers-heading"></h3>
            <ul>${OBSERVERS.map((m) => html`<li data-l10n-id="about-observer-${m}"></li>`)}</ul>
          </section>
        </div>
      </section>
      <section aria-labelledby="about-rtcm-heading">
        <h2 id="about-rtcm-heading" data-l10n-id="about-rtcm-heading"></h2>
        <p data-l10n-id="about-rtcm-p1" data-l10n-rich></p>
      </section>
      <section aria-labelledby="about-app-heading">
        <h2 id="about-app-heading" data-l10n-id="about-app-heading"></h2>
        <p data-l10n-id="about-app-p1" data-l10n-rich></p>
        <p><span data-l10n-id="about-version"></span> <span>${app.info ? app.info.version : ''}</span></p>
      </section>`,
  );
}
