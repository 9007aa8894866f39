// Settings: the participant's choices, saved on disk by Rust and remembered across restarts.

import { html, mount } from '../html.js';
import { renderTimeSettings } from './settings-time.js';
import { renderDisplaySettings } from './settings-display.js';
import * as join from './join.js';

export async function render(main, app) {
  const lang = app.info ? app.info.lang : 'en';
  mount(
    main,
    html`<h1 data-l10n-id="settings-title"></h1>
      <form class="settings" id="settings-form">
        <fieldset>
          <legend data-l10n-id="settings-language"></legend>
          <label><input type="radio" name="lang" value="en" ${lang === 'en' ? html`checked` : ''}> <span lang="en" data-l10n-id="lang-en"></span></label>
          <label><input type="radio" name="lang" value="ru" ${lang === 'ru' ? html`checked` : ''}> <span lang="ru" data-l10n-id="lang-ru"></span></label>
        </fieldset>
      </form>
      <div id="settings-time"></div>
      <div id="settings-display"></div>
      <section id="meeting-settings"></section>`,
  );
  await renderTimeSettings(main.querySelector('#settings-time'), app);
  await renderDisplaySettings(main.querySelector('#settings-display'), app);
  await join.render(main.querySelector('#meeting-settings'), app, 'settings');
  for (const input of main.querySelectorAll('input[name="lang"]')) {
    input.addEventListener('change', () => app.setLanguage(input.value));
  }
}
