// @ts-check
// Overview: the event at a glance — title, who holds it, when (Baku time and the participant's time), where,
// languages, the aims (as many as the event pack has: `overview.aims`), and the live status. The join panel comes
// first until the event is over, then last.

import { call } from '../ipc.js';
import { find, html, mount } from '../html.js';
import { applyLive, statusBlock, tick as tickLive } from '../live.js';
import { calendarButton, wireCalendarButtons } from '../calendar.js';
import * as meeting from './meeting.js';

function range(/** @type {import('../types.js').ZoneRange} */ r) {
  return html`<span class="time">${r.start}–${r.end}</span> <span class="zone">${r.zone} (${r.offset})</span>`;
}

/**
 * An event over several days: a line per day, with its hours in the event's zone and, when they differ, in the
 * participant's (the day named again where it shifts).
 * @param {import('../types.js').Overview} o
 */
function days(o) {
  return html`<ul class="days" id="event-days">
    ${o.days.map(
      (d) => html`<li>
        <span class="day">${d.date}</span>:
        ${o.same_offset
          ? html`<span class="label" data-l10n-id="event-zone-label-same"></span> ${range(d.event)}`
          : html`<span class="label" data-l10n-id="event-zone-label"></span> ${range(d.event)};
            <span class="label" data-l10n-id="time-your-label"></span> ${range(d.local)}${d.local.day_shift ? html` <span class="day-shift">${d.local.date}</span>` : ''}`}
      </li>`,
    )}
  </ul>`;
}

/** @type {import('../live.js').RowInfo[]} */
let rows = [];

/**
 * @param {HTMLElement} main
 * @param {import('../types.js').App} app
 * @param {import('../types.js').FirstView} [first] the data, when start-up already has it (`first_view`)
 */
export async function render(main, app, first) {
  const [o, live, agenda] = first
    ? [first.overview, first.live, first.agenda]
    : await Promise.all([call('overview'), call('live'), call('agenda')]);
  rows = agenda.rows.map((r) => ({ id: r.id, session: r.session }));
  const fallback = app && app.info && app.info.zone_source === 'fallback';
  // After the event the materials come first and the join panel steps back to the end (Rust says the stage).
  const over = live.meeting.stage === 'after';
  const join = html`<section id="join" tabindex="-1"></section>`;
  mount(
    main,
    html`<h1 data-l10n-id="event-title"></h1>
      ${statusBlock()}
      ${over ? '' : join}
      ${fallback ? html`<p class="note" id="zone-fallback" data-l10n-id="time-zone-fallback"></p>` : ''}
      <dl class="facts">
        <dt data-l10n-id="overview-when-label"></dt>
        <dd>
          <p class="date" id="event-date">${o.date}</p>
          ${o.days.length ? days(o) : o.same_offset
            ? html`<p><span class="label" data-l10n-id="event-zone-label-same"></span> <span id="time-event">${range(o.event)}</span></p>`
            : html`<p><span class="label" data-l10n-id="event-zone-label"></span> <span id="time-event">${range(o.event)}</span></p>
              <p><span class="label" data-l10n-id="time-your-label"></span> <span id="time-local">${range(o.local)}</span>${o.local.day_shift ? html` <span class="day-shift">${o.local.date}</span>` : ''}</p>`}
          <p>${calendarButton(null, 'calendar-add-event', 'calendar-event')}</p>
        </dd>
        <dt data-l10n-id="overview-held-by-label"></dt>
        <dd data-l10n-id="overview-held-by"></dd>
        <dt data-l10n-id="overview-where-label"></dt>
        <dd data-l10n-id="overview-where"></dd>
        <dt data-l10n-id="overview-languages-label"></dt>
        <dd data-l10n-id="overview-languages"></dd>
      </dl>
      <section aria-labelledby="aims-heading">
        <h2 id="aims-heading" data-l10n-id="overview-aims-heading"></h2>
        <ul class="aims">
          ${o.aims.map((n) => html`<li data-l10n-id="overview-aim-${n}" data-l10n-rich></li>`)}
        </ul>
        <p data-l10n-id="overview-materials"></p>
      </section>
      ${over ? join : ''}`,
  );
  wireCalendarButtons(main, app);
  await meeting.render(find(main, '#join'), app, 'overview', first && first.meeting);
  await applyLive(main, live, rows, { translated: false });
}

/** Called as time passes: updates only the live parts, so it never disturbs the reader. */
export async function tick(/** @type {HTMLElement} */ main) {
  await tickLive(main, rows);
}
