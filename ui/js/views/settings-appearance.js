// @ts-check
// Settings for how the app looks: the colour scheme (the computer's, light or dark) and the text size (within
// Rust's range, also Ctrl+plus / Ctrl+minus / Ctrl+0 anywhere). Each change is saved by Rust and applied at once;
// the view is not re-rendered, so keyboard focus stays on the control just used.

import { find, html, mount } from '../html.js';
import { resetTextScale, setTheme, stepTextScale } from '../appearance.js';

const THEMES = ['system', 'light', 'dark'];

/**
 * Draws the section into `root`, untranslated: the settings view translates it with the rest.
 * @param {HTMLElement} root
 * @param {import('../types.js').App} app
 */
export async function renderAppearanceSettings(root, app) {
  const theme = app.info ? app.info.theme : 'system';
  const scale = app.info ? app.info.text_scale : 100;
  mount(
    root,
    html`<fieldset class="theme-settings" id="theme-settings">
        <legend data-l10n-id="settings-theme"></legend>
        ${THEMES.map((t) => html`<label><input type="radio" name="theme" value="${t}" ${t === theme ? html`checked` : ''}> <span data-l10n-id="settings-theme-${t}"></span></label>`)}
      </fieldset>
      <fieldset class="text-size-settings" id="text-size-settings">
        <legend data-l10n-id="settings-text-size"></legend>
        <p id="text-size-value" data-text-scale-value role="status" data-l10n-id="settings-text-size-value" data-l10n-args="${JSON.stringify({ percent: scale })}"></p>
        <p class="buttons">
          <button type="button" id="text-smaller" data-l10n-id="settings-text-smaller"></button>
          <button type="button" id="text-larger" data-l10n-id="settings-text-larger"></button>
          <button type="button" id="text-normal" data-l10n-id="settings-text-reset"></button>
        </p>
        <p class="hint" data-l10n-id="settings-text-hint"></p>
      </fieldset>`,
  );
  for (const input of /** @type {NodeListOf<HTMLInputElement>} */ (root.querySelectorAll('input[name="theme"]'))) {
    input.addEventListener('change', () => setTheme(app, input.value));
  }
  find(root, '#text-smaller').addEventListener('click', () => stepTextScale(app, -1));
  find(root, '#text-larger').addEventListener('click', () => stepTextScale(app, 1));
  find(root, '#text-normal').addEventListener('click', () => resetTextScale(app));
}
