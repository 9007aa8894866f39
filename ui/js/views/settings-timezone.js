// Settings for time: the participant's time zone (a searchable list, the Almaty Process countries first, and
// a way back to the computer's zone) and desktop reminders. Every change is saved by Rust at once; the
// view updates in place so keyboard focus stays where it was.

import { call } from '../ipc.js';
import { html, mount } from '../html.js';
import { message, translate } from '../l10n.js';

/** Matches a zone against what the participant typed: part of the name ("new york", "almaty") or an offset. */
function matches(z, query) {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const name = z.zone.toLowerCase();
  const offset = z.offset.toLowerCase();
  return name.includes(q.replace(/\s+/g, '_')) || offset.startsWith(q) || offset.startsWith(`utc${q}`);
}

function option(z, current) {
  return html`<option value="${z.zone}" ${z.zone === current ? html`selected` : ''}>${z.zone} (${z.offset})</option>`;
}

function zoneFieldset(data) {
  return html`<fieldset class="zone-settings" id="zone-settings">
    <legend data-l10n-id="time-zone-label"></legend>
    <p id="zone-current" class="zone-current"></p>
    <p id="zone-source" class="hint"></p>
    <p class="note" id="zone-fallback" data-l10n-id="time-zone-fallback" ${data.source === 'fallback' ? '' : html`hidden`}></p>
    <label for="zone-search" data-l10n-id="time-zone-search"></label>
    <input type="search" id="zone-search" autocomplete="off" spellcheck="false" aria-controls="zone-select">
    <label for="zone-select" data-l10n-id="time-zone-list"></label>
    <select id="zone-select" size="8"></select>
    <p id="zone-no-match" class="hint" hidden></p>
    <p><button type="button" id="zone-computer" data-l10n-id="time-zone-use-computer"></button></p>
    <p id="zone-status" class="saved" role="status"></p>
  </fieldset>`;
}

function reminderFieldset(r) {
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

/** Shows which zone is in force and where it comes from. */
async function showChoice(root, choice) {
  const current = root.querySelector('#zone-current');
  current.dataset.l10nId = 'time-zone-current';
  current.dataset.l10nArgs = JSON.stringify({ zone: choice.current, offset: choice.offset });
  const source = root.querySelector('#zone-source');
  source.dataset.l10nId = choice.source === 'chosen' ? 'time-zone-chosen' : 'time-zone-from-computer';
  source.hidden = choice.source === 'fallback';
  root.querySelector('#zone-fallback').hidden = choice.source !== 'fallback';
  await translate(current);
  await translate(source);
}

export async function renderTimeSettings(root, app) {
  const [data, rem] = await Promise.all([call('zones'), call('reminder_settings')]);
  let choice = { current: data.current, offset: data.offset, source: data.source, computer: data.computer };
  const region = data.zones.slice(0, data.region_count);
  const rest = data.zones.slice(data.region_count);
  mount(root, html`${zoneFieldset(data)}${reminderFieldset(rem)}`);

  const search = root.querySelector('#zone-search');
  const select = root.querySelector('#zone-select');
  const noMatch = root.querySelector('#zone-no-match');
  const status = root.querySelector('#zone-status');
  const [regionLabel, allLabel] = await Promise.all([message('time-zone-region'), message('time-zone-all')]);

  function fill() {
    const q = search.value;
    const a = region.filter((z) => matches(z, q));
    const b = rest.filter((z) => matches(z, q));
    mount(
      select,
      html`${a.length ? html`<optgroup label="${regionLabel}">${a.map((z) => option(z, choice.current))}</optgroup>` : ''}
        ${b.length ? html`<optgroup label="${allLabel}">${b.map((z) => option(z, choice.current))}</optgroup>` : ''}`,
    );
    const none = a.length + b.length === 0;
    noMatch.hidden = !none;
    if (none) {
      noMatch.dataset.l10nId = 'time-zone-no-match';
      noMatch.dataset.l10nArgs = JSON.stringify({ query: q.trim() });
      translate(noMatch).catch(app.showError);
    }
  }

  async function apply(zone) {
    if (zone !== null && zone === choice.current && choice.source === 'chosen') return;
    try {
      choice = await call('set_timezone', { zone });
      if (app.info) {
        app.info.zone = choice.current;
        app.info.zone_source = choice.source;
      }
      await showChoice(root, choice);
      status.textContent = await message('time-zone-saved', { zone: choice.current });
      if (zone === null) {
        search.value = '';
        fill();
      }
    } catch (e) {
      app.showError(e);
    }
  }

  search.addEventListener('input', fill);
  search.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' && select.options.length) {
      ev.preventDefault();
      select.focus();
      if (select.selectedIndex < 0) select.selectedIndex = 0;
    } else if (ev.key === 'Enter' && select.options.length) {
      ev.preventDefault();
      const pick = select.selectedIndex >= 0 ? select.value : select.options[0].value;
      select.value = pick;
      apply(pick);
    }
  });
  select.addEventListener('change', () => {
    if (select.value) apply(select.value);
  });
  select.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && select.value) {
      ev.preventDefault();
      apply(select.value);
    }
  });
  root.querySelector('#zone-computer').addEventListener('click', () => apply(null));

  const enabled = root.querySelector('#reminders-enabled');
  const minutes = root.querySelector('#reminders-minutes');
  const remStatus = root.querySelector('#reminders-status');
  async function saveReminders() {
    try {
      const r = await call('set_reminders', { enabled: enabled.checked, minutes: Number(minutes.value) });
      remStatus.textContent = await message(r.enabled ? 'reminders-saved-on' : 'reminders-saved-off');
    } catch (e) {
      app.showError(e);
    }
  }
  enabled.addEventListener('change', saveReminders);
  minutes.addEventListener('change', saveReminders);

  fill();
  await showChoice(root, choice);
  await translate(root);
}
