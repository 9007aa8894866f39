// Overview: the event at a glance — title, who holds it, when (Baku time and the participant's time), where,
// languages, the aims, and the live status.

import { call } from '../ipc.js';
import { html, mount } from '../html.js';

function range(r) {
  return html`<span class="time">${r.start}–${r.end}</span> <span class="zone">${r.zone} (${r.offset})</span>`;
}

export async function render(main) {
  const o = await call('overview');
  mount(
    main,
    html`<h1 data-l10n-id="event-title"></h1>
      <section class="status" data-phase="${o.phase.phase}" aria-labelledby="status-heading">
        <h2 id="status-heading" class="visually-hidden" data-l10n-id="overview-status-heading"></h2>
        <p id="status-text"></p>
      </section>
      <dl class="facts">
        <dt data-l10n-id="overview-when-label"></dt>
        <dd>
          <p class="date" id="event-date">${o.date}</p>
          <p><span class="label" data-l10n-id="time-baku-label"></span> <span id="time-event">${range(o.event)}</span></p>
          ${o.same_offset ? '' : html`<p><span class="label" data-l10n-id="time-your-label"></span> <span id="time-local">${range(o.local)}</span>${o.local.day_shift ? html` <span class="day-shift">${o.local.date}</span>` : ''}</p>`}
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
          ${[1, 2, 3, 4, 5].map((n) => html`<li data-l10n-id="overview-aim-${n}" data-l10n-rich></li>`)}
        </ul>
        <p data-l10n-id="overview-materials"></p>
      </section>`,
  );
  const status = main.querySelector('#status-text');
  const p = o.phase;
  if (p.phase === 'after') {
    status.dataset.l10nId = 'time-past';
    status.dataset.l10nArgs = JSON.stringify({ date: o.event.date });
  } else if (p.phase === 'during') {
    status.dataset.l10nId = 'time-live';
  } else {
    status.dataset.l10nId = p.soon ? 'time-soon' : 'overview-upcoming';
  }
}
