// @ts-check
// Settings: the participant's choices, saved on disk by Rust and remembered across restarts — language, time
// zone, reminders, appearance, the meeting link and the keys trusted to sign event packs, each section in its own
// module.

import { call } from '../ipc.js';
import { find, html, mount } from '../html.js';
import { renderTimezoneSettings } from './settings-timezone.js';
import { renderReminderSettings } from './settings-reminders.js';
import { renderAppearanceSettings } from './settings-appearance.js';
import { renderTrustSettings } from './settings-trust.js';
import * as meeting from './meeting.js';

/**
 * @param {HTMLElement} main
 * @param {import('../types.js').App} app
 */
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
      <div id="settings-timezone"></div>
      <div id="settings-reminders"></div>
      <div id="settings-appearance"></div>
      <section id="meeting-settings"></section>
      <div id="settings-trust"></div>`,
  );
  // Every section's state in one round trip; show() translates the whole view after.
  const data = await call('settings_view');
  renderTimezoneSettings(find(main, '#settings-timezone'), app, data.zones, data.zone_groups);
  renderReminderSettings(find(main, '#settings-reminders'), app, data.reminders);
  await Promise.all([
    renderAppearanceSettings(find(main, '#settings-appearance'), app),
    meeting.render(find(main, '#meeting-settings'), app, 'settings', data.meeting),
    renderTrustSettings(find(main, '#settings-trust'), app, data.trusted_keys),
  ]);
  for (const input of /** @type {NodeListOf<HTMLInputElement>} */ (main.querySelectorAll('input[name="lang"]'))) {
    input.addEventListener('change', () => app.setLanguage(input.value));
  }
}
