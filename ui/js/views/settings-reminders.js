// @ts-check
// Settings for reminders: a desktop notification some minutes before the event and each session (Rust's
// reminders thread sends them). Every change is saved by Rust at once; the section updates in place so keyboard
// focus stays where it was.

import { call } from '../ipc.js';
import { find, html, mount } from '../html.js';
import { message } from '../l10n.js';

function reminderFieldset(/** @type {import('../types.js').ReminderSettings} */ r) {
  return html`<fieldset class="reminder-settings" id="reminder-settings">
    <legend data-l10n-id="reminders-legend"></legend>
    <label><input type="checkbox" id="reminders-enabled" ${r.enabled ? html`checked` : ''}> <span data-l10n-id="reminders-enable"></span></label>
    <label for="reminders-minutes" data-l10n-id="reminders-minutes"></label>
    <select id="reminders-minutes">
      ${r.choices.map((m) => html`<option value="${m}" ${m === r.minutes ? html`selected` : ''} data-l10n-id="reminders-minutes-option" data-l10n-args="${JSON.stringify({ minutes: m })}"></option>`)}
    </select>
    <p class="hint" data-l10n-id="reminders-note"></p>
    <p id="reminders-status" class="saved" role="status"></p>
  </fieldset>`;
}

/**
 * Draws the section into `root`, untranslated: the settings view translates it with the rest.
 * @param {HTMLElement} root
 * @param {import('../types.js').App} app
 * @param {import('../types.js').ReminderSettings} settings from `settings_view`
 */
export function renderReminderSettings(root, app, settings) {
  mount(root, reminderFieldset(settings));
  const enabled = /** @type {HTMLInputElement} */ (find(root, '#reminders-enabled'));
  const minutes = /** @type {HTMLSelectElement} */ (find(root, '#reminders-minutes'));
  const status = find(root, '#reminders-status');
  async function save() {
    try {
      const r = await call('set_reminders', { enabled: enabled.checked, minutes: Number(minutes.value) });
      status.textContent = await message(r.enabled ? 'reminders-saved-on' : 'reminders-saved-off');
    } catch (e) {
      app.showError(e);
    }
  }
  enabled.addEventListener('change', save);
  minutes.addEventListener('change', save);
}
