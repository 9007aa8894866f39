// @ts-check
// How the app looks, from anywhere in it: the colour scheme and the text size setters (saved by Rust, applied
// through app.applyInfo), which the settings and the text size's keyboard shortcuts (main.js) use. The size's
// range and steps are Rust's (`app_info.text_scale_limits`).

import { call } from './ipc.js';
import { translate } from './l10n.js';

/** @typedef {import('./types.js').App} App */

/** Updates every text-size readout on the page (the one in Settings) after a change from anywhere. */
async function showTextScale(/** @type {number} */ percent) {
  const els = /** @type {HTMLElement[]} */ ([...document.querySelectorAll('[data-text-scale-value]')]);
  for (const el of els) el.dataset.l10nArgs = JSON.stringify({ percent });
  await Promise.all(els.map((el) => translate(el)));
}

/**
 * @param {App} app
 * @param {string} theme
 */
export async function setTheme(app, theme) {
  try {
    app.applyInfo(await call('set_theme', { theme }));
  } catch (e) {
    app.showError(e);
  }
}

/**
 * Sets the text size to `percent`, snapped to Rust's steps and kept within its range.
 * @param {App} app
 * @param {number} percent
 */
export async function setTextScale(app, percent) {
  if (!app.info) return;
  const { min, max, step } = app.info.text_scale_limits;
  const p = Math.min(max, Math.max(min, Math.round(percent / step) * step));
  if (app.info.text_scale === p) return;
  try {
    app.applyInfo(await call('set_text_scale', { percent: p }));
    await showTextScale(p);
  } catch (e) {
    app.showError(e);
  }
}

/**
 * Makes the text `steps` steps larger (or smaller, if negative).
 * @param {App} app
 * @param {number} steps
 */
export function stepTextScale(app, steps) {
  if (!app.info) return Promise.resolve();
  return setTextScale(app, app.info.text_scale + steps * app.info.text_scale_limits.step);
}

/** Back to the normal text size. */
export function resetTextScale(/** @type {App} */ app) {
  if (!app.info) return Promise.resolve();
  return setTextScale(app, app.info.text_scale_limits.normal);
}
