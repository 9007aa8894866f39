// @ts-check
// Agenda: every item with its time in Baku and in the participant's zone, session number, title, topics,
// speakers and TBC markers; the current item is marked "now" and the following one "next".

import { call } from '../ipc.js';
import { html, mount } from '../html.js';
import { applyLive, statusBlock, tick as tickLive } from '../live.js';
import { calendarButton, wireCalendarButtons } from '../calendar.js';

/** @typedef {import('../types.js').AgendaRow} AgendaRow */

function speaker(/** @type {AgendaRow['speakers'][number]} */ s) {
  return html`<li class="speaker">
    <span data-l10n-id="speaker-${s.id}"></span>${s.tbc ? html` <span class="tbc" data-l10n-id="agenda-tbc"></span>` : ''}
    <span class="role" data-l10n-id="speaker-${s.id}" data-l10n-attr="role"></span>
  </li>`;
}

// Both badges are in every row; CSS shows the one that matches the row's state, so the live refresh only
// changes classes.
function row(/** @type {AgendaRow} */ r) {
  // A multi-day event: the day as a heading row above its first item (Rust says where).
  const day = r.day ? html`<tr class="agenda-day"><th scope="rowgroup" colspan="3">${r.day}</th></tr>` : '';
  return html`${day}<tr id="item-${r.id}" class="agenda-item state-${r.state}" ${r.state === 'now' ? html`aria-current="time"` : ''}>
    <td class="when"><span class="time">${r.event.start}–${r.event.end}</span></td>
    <td class="when local"><span class="time">${r.local.start}–${r.local.end}</span>${r.local.day_shift ? html`<span class="day-shift">${r.local.date}</span>` : ''}</td>
    <th scope="row" class="what">
      <span class="badge badge-now" data-l10n-id="time-now-label"></span><span class="badge badge-next" data-l10n-id="time-next-label"></span>
      ${r.session ? html`<span class="session" data-l10n-id="agenda-session-label" data-l10n-args="${JSON.stringify({ number: r.session })}"></span>` : ''}
      <span class="title" id="title-${r.id}" data-l10n-id="agenda-${r.id}-title" data-l10n-rich></span>
      <p class="row-left" hidden></p>
      ${r.topics.length ? html`<ul class="topics">${r.topics.map((t) => html`<li data-l10n-id="agenda-${r.id}-topic-${t}" data-l10n-rich></li>`)}</ul>` : ''}
      ${r.speakers.length ? html`<ul class="speakers">${r.speakers.map(speaker)}</ul>` : ''}
      ${calendarButton(r.id)}
    </th>
  </tr>`;
}

/** @type {import('../live.js').RowInfo[]} */
let rowsInfo = [];

/**
 * @param {HTMLElement} main
 * @param {import('../types.js').App} app
 */
export async function render(main, app) {
  const [agenda, live] = await Promise.all([call('agenda'), call('live')]);
  const rows = agenda.rows;
  rowsInfo = rows.map((r) => ({ id: r.id, session: r.session }));
  const first = rows[0];
  const fallback = app && app.info && app.info.zone_source === 'fallback';
  mount(
    main,
    html`<h1 data-l10n-id="agenda-title"></h1>
      <p class="page-actions"><button type="button" data-print data-l10n-id="print-agenda"></button></p>
      ${statusBlock()}
      ${rows.some((r) => r.day) ? '' : html`<p class="agenda-date">${first.event.date}</p>`}
      ${fallback ? html`<p class="note" id="zone-fallback" data-l10n-id="time-zone-fallback"></p>` : ''}
      ${agenda.same_offset ? html`<p class="note" id="same-as-baku" data-l10n-id="event-zone-same"></p>` : ''}
      <table class="agenda">
        <thead><tr>
          <th scope="col"><span data-l10n-id="event-zone-label"></span><br><span class="zone">${first.event.zone} (${first.event.offset})</span></th>
          <th scope="col"><span data-l10n-id="time-your-label"></span><br><span class="zone" id="agenda-local-zone">${first.local.zone} (${first.local.offset})</span></th>
          <th scope="col" data-l10n-id="agenda-item-heading"></th>
        </tr></thead>
        <tbody>${rows.map(row)}</tbody>
      </table>`,
  );
  wireCalendarButtons(main, app);
  await applyLive(main, live, rowsInfo, { translated: false });
}

/** Called as time passes: updates only the live parts, so it never disturbs the reader. */
export async function tick(/** @type {HTMLElement} */ main) {
  await tickLive(main, rowsInfo);
}
