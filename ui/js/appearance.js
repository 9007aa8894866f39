// Comforts that work from anywhere in the app: keyboard shortcuts (Ctrl+F or / to search; Ctrl+plus, Ctrl+minus
// and Ctrl+0 for the text size), the colour scheme and text size setters (saved by Rust, applied through
// app.applyInfo), and the Print buttons.

import { call } from './ipc.js';
import { translate } from './l10n.js';

export const TEXT_SCALE = { min: 80, max: 200, step: 10, normal: 100 };

/** Updates every text-size readout on the page (the one in Settings) after a change from anywhere. */
async function showTextScale(percent) {
  const els = [...document.querySelectorAll('[data-text-scale-value]')];
  for (const el of els) el.dataset.l10nArgs = JSON.stringify({ percent });
  await Promise.all(els.map((el) => translate(el)));
}

export async function setTheme(app, theme) {
  try {
    app.applyInfo(await call('set_theme', { theme }));
  } catch (e) {
    app.showError(e);
  }
}

/** Sets the text size to `percent`, snapped to the 10 % steps and kept within 80–200 %. */
export async function setTextScale(app, percent) {
  const snapped = Math.round(percent / TEXT_SCALE.step) * TEXT_SCALE.step;
  const p = Math.min(TEXT_SCALE.max, Math.max(TEXT_SCALE.min, snapped));
  if (app.info && app.info.text_scale === p) return;
  try {
    app.applyInfo(await call('set_text_scale', { percent: p }));
    await showTextScale(p);
  } catch (e) {
    app.showError(e);
  }
}

export function stepTextScale(app, steps) {
  const now = app.info ? app.info.text_scale : TEXT_SCALE.normal;
  return setTextScale(app, now + steps * TEXT_SCALE.step);
}

/** Where typing a "/" means the character, not the shortcut. */
function typing(el) {
  if (!el || !(el instanceof Element)) return false;
  if (el.isContentEditable) return true;
  if (el.matches('textarea, select')) return true;
  return el.matches('input') && !['radio', 'checkbox', 'button', 'submit', 'reset'].includes(el.type);
}

/** Shows the search view and puts the cursor in its box, with what was typed before selected. */
export async function openSearch(app) {
  if (app.view !== 'search') await app.go('search');
  const input = document.getElementById('search-input');
  if (input) {
    input.focus();
    input.select();
  }
}

// Keys are matched by `code` too, so the shortcuts work with a Russian keyboard layout (Ctrl+F is Ctrl+А).
const is = (ev, keys, codes) => keys.includes(ev.key) || codes.includes(ev.code);

/** Installs the app-wide keyboard shortcuts and the Print buttons' behaviour. */
export function install(app) {
  document.addEventListener('keydown', (ev) => {
    const ctrl = (ev.ctrlKey || ev.metaKey) && !ev.altKey;
    if (ctrl && !ev.shiftKey && is(ev, ['f', 'F'], ['KeyF'])) {
      ev.preventDefault();
      openSearch(app).catch(app.showError);
    } else if (!ctrl && !ev.altKey && ev.key === '/' && !typing(ev.target)) {
      ev.preventDefault();
      openSearch(app).catch(app.showError);
    } else if (ctrl && is(ev, ['+', '='], ['Equal', 'NumpadAdd'])) {
      ev.preventDefault();
      stepTextScale(app, 1);
    } else if (ctrl && is(ev, ['-', '_'], ['Minus', 'NumpadSubtract'])) {
      ev.preventDefault();
      stepTextScale(app, -1);
    } else if (ctrl && is(ev, ['0'], ['Digit0', 'Numpad0'])) {
      ev.preventDefault();
      setTextScale(app, TEXT_SCALE.normal);
    }
  });
  // Print buttons (agenda, concept note): the print stylesheet leaves only the page's content.
  document.addEventListener('click', (ev) => {
    if (ev.target instanceof Element && ev.target.closest('button[data-print]')) window.print();
  });
}
