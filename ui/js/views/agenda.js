// Agenda: every item with its time in Baku and in the participant's zone, session number, title, topics,
// speakers and TBC markers; the current item is marked "now" and the following one "next".

import { call } from '../ipc.js';
import { html, mount } from '../html.js';

function speaker(s) {
  return html`<li class="speaker">
    <span data-l10n-id="speaker-${s.id}"></span>${s.tbc ? html` <span class="tbc" data-l10n-id="agenda-tbc"></span>` : ''}
    <span class="role" data-l10n-id="speaker-${s.id}" data-l10n-attr="role"></span>
  </li>`;
}

function row(r) {
  const badge =
    r.state === 'now' ? html`<span class="badge badge-now" data-l10n-id="time-now-label"></span>` :
    r.state === 'next' ? html`<span class="badge badge-next" data-l10n-id="time-next-label"></span>` : '';
  return html`<tr id="item-${r.id}" class="agenda-item state-${r.state}" ${r.state === 'now' ? html`aria-current="time"` : ''}>
    <td class="when"><span class="time">${r.event.start}–${r.event.end}</span></td>
    <td class="when local"><span class="time">${r.local.start}–${r.local.end}</span>${r.local.day_shift ? html`<span class="day-shift">${r.local.date}</span>` : ''}</td>
    <th scope="row" class="what">
      ${badge}
      ${r.session ? html`<span class="session" data-l10n-id="agenda-session-label" data-l10n-args="${JSON.stringify({ number: r.session })}"></span>` : ''}
      <span class="title" data-l10n-id="agenda-${r.id}-title" data-l10n-rich></span>
      ${r.topics.length ? html`<ul class="topics">${r.topics.map((t) => html`<li data-l10n-id="agenda-${r.id}-topic-${t}" data-l10n-rich></li>`)}</ul>` : ''}
      ${r.speakers.length ? html`<ul class="speakers">${r.speakers.map(speaker)}</ul>` : ''}
    </th>
  </tr>`;
}

export async function render(main) {
  const rows = await call('agenda');
  const first = rows[0];
  mount(
    main,
    html`<h1 data-l10n-id="agenda-title"></h1>
      <p class="agenda-date">${first.event.date}</p>
      <table class="agenda">
        <thead><tr>
          <th scope="col"><span data-l10n-id="time-baku-label"></span><br><span class="zone">${first.event.zone} (${first.event.offset})</span></th>
          <th scope="col"><span data-l10n-id="time-your-label"></span><br><span class="zone" id="agenda-local-zone">${first.local.zone} (${first.local.offset})</span></th>
          <th scope="col" data-l10n-id="agenda-item-heading"></th>
        </tr></thead>
        <tbody>${rows.map(row)}</tbody>
      </table>`,
  );
}
