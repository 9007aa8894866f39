// @ts-check
// "Add to calendar" buttons. The webview only names what to export (the whole workshop or an agenda item id):
// Rust opens the native save dialog and writes the .ics file, then says where it went.

import { BackendError, call } from './ipc.js';
import { find, html } from './html.js';
import { message } from './l10n.js';

/**
 * A button exporting agenda item `item`, or the whole workshop when `item` is null. Beside it, a status line
 * says where the file went (the alerts at the top may be scrolled out of sight).
 * @param {string | null} item
 * @param {string} [l10nId]
 * @param {string | null} [id]
 */
export function calendarButton(item, l10nId = 'calendar-add', id = null) {
  return html`<span class="calendar"><button type="button" class="calendar-add" ${id ? html`id="${id}"` : ''}
    ${item ? html`data-item="${item}" aria-describedby="title-${item}"` : ''} data-l10n-id="${l10nId}"></button>
    <span class="calendar-status saved" role="status"></span></span>`;
}

/**
 * @param {HTMLButtonElement} button
 * @param {import('./types.js').App} app
 */
async function exportCalendar(button, app) {
  const item = button.dataset.item || null;
  const status = find(/** @type {HTMLElement} */ (button.parentElement), '.calendar-status');
  button.disabled = true;
  status.textContent = '';
  status.classList.remove('failed');
  try {
    const path = await call('export_calendar', { item });
    status.textContent = await message('calendar-saved', { path });
  } catch (e) {
    if (!(e instanceof BackendError) || e.kind !== 'cancelled') {
      status.textContent = (e instanceof Error && e.message) || String(e);
      status.classList.add('failed');
      app.showError(e);
    }
  } finally {
    button.disabled = false;
    button.focus();
  }
}

/**
 * Makes every calendar button inside `root` work.
 * @param {ParentNode} root
 * @param {import('./types.js').App} app
 */
export function wireCalendarButtons(root, app) {
  for (const b of /** @type {NodeListOf<HTMLButtonElement>} */ (root.querySelectorAll('button.calendar-add'))) {
    b.addEventListener('click', () => exportCalendar(b, app));
  }
}
