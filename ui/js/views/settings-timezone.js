// @ts-check
// Settings for the time zone: the participant's zone (a list of places searchable by city, country, IANA id or
// offset in either language, the Almaty Process countries first, and a way back to the computer's zone). Every change is saved by Rust at once; the section updates in place so
// keyboard focus stays where it was.

import { call } from '../ipc.js';
import { find, html, mount } from '../html.js';
import { message, translate } from '../l10n.js';

/**
 * @typedef {import('../types.js').ZoneEntry} ZoneEntry
 * @typedef {import('../types.js').ZoneChoice} ZoneChoice
 */

function zoneFieldset(/** @type {import('../types.js').Zones} */ data) {
  return html`<fieldset class="zone-settings" id="zone-settings">
    <legend data-l10n-id="time-zone-label"></legend>
    <p id="zone-current" class="zone-current"></p>
    <p id="zone-source" class="hint"></p>
    <p class="note" id="zone-fallback" data-l10n-id="time-zone-fallback" ${data.source === 'fallback' ? '' : html`hidden`}></p>
    <label for="zone-search" data-l10n-id="time-zone-search"></label>
    <input type="search" id="zone-search" autocomplete="off" spellcheck="false" aria-controls="zone-select">
    <label for="zone-select" data-l10n-id="time-zone-list"></label>
    <select id="zone-select" size="8"></select>
    <p id="zone-no-match" class="hint reserved" role="status"></p>
    <p><button type="button" id="zone-computer" data-l10n-id="time-zone-use-computer"></button></p>
    <p id="zone-status" class="saved" role="status"></p>
  </fieldset>`;
}

/**
 * Marks which zone is in force and where it comes from, for translation: returns the elements to translate.
 * @param {HTMLElement} root
 * @param {ZoneChoice} choice
 * @returns {HTMLElement[]}
 */
function showChoice(root, choice) {
  const current = find(root, '#zone-current');
  // A zone without a place of its own (Etc/UTC) is named once.
  current.dataset.l10nId = choice.place === choice.current ? 'time-zone-current-id' : 'time-zone-current';
  current.dataset.l10nArgs = JSON.stringify({ place: choice.place, zone: choice.current, offset: choice.offset });
  const source = find(root, '#zone-source');
  source.dataset.l10nId = choice.source === 'chosen' ? 'time-zone-chosen' : 'time-zone-from-computer';
  source.hidden = choice.source === 'fallback';
  find(root, '#zone-fallback').hidden = choice.source !== 'fallback';
  return [current, source];
}

/**
 * Draws the section into `root`, untranslated: the caller translates it (the settings view, with the rest).
 * @param {HTMLElement} root
 * @param {import('../types.js').App} app
 * @param {import('../types.js').Zones} data every zone (`zones` without a query), from `settings_view`
 * @param {import('../types.js').ZoneGroups} groups the names of the list's two groups, from `settings_view`
 */
export function renderTimezoneSettings(root, app, data, groups) {
  const { region: regionLabel, all: allLabel } = groups;
  /** @type {ZoneChoice} */
  let choice = {
    current: data.current,
    offset: data.offset,
    place: data.place,
    source: data.source,
    computer: data.computer,
  };
  mount(root, zoneFieldset(data));

  const search = /** @type {HTMLInputElement} */ (find(root, '#zone-search'));
  const select = /** @type {HTMLSelectElement} */ (find(root, '#zone-select'));
  const noMatch = find(root, '#zone-no-match');
  const status = find(root, '#zone-status');

  /** @param {import('../types.js').Zones} found */
  function show(found, /** @type {string} */ q) {
    // Some 400 options: built with the DOM's own constructors (text and values, never markup), which is several
    // times faster than the escaping template for a list this long, and Settings opens that much sooner.
    const groups = document.createDocumentFragment();
    /** @type {[string, ZoneEntry[]][]} */
    const lists = [
      [regionLabel, found.zones.slice(0, found.region_count)],
      [allLabel, found.zones.slice(found.region_count)],
    ];
    for (const [label, zones] of lists) {
      if (!zones.length) continue;
      const group = document.createElement('optgroup');
      group.label = label;
      for (const z of zones) {
        const option = new Option(z.label, z.zone, z.zone === choice.current, z.zone === choice.current);
        option.title = z.zone;
        group.append(option);
      }
      groups.append(group);
    }
    select.replaceChildren(groups);
    // The line keeps its place, empty when something matches, so the button below it never moves as one types;
    // a message for an older query that arrives late is dropped.
    const n = ++said;
    noMatch.textContent = '';
    if (found.zones.length === 0) {
      message('time-zone-no-match', { query: q.trim() })
        .then((text) => {
          if (n === said) noMatch.textContent = text;
        })
        .catch(app.showError);
    }
  }
  let said = 0;

  // Rust matches the query (city or country in either language, IANA id, offset); the answer to an older query
  // that arrives late is dropped.
  let asked = 0;
  async function fill() {
    const q = search.value;
    const n = ++asked;
    try {
      const found = q.trim() ? await call('zones', { query: q }) : data;
      if (n === asked) show(found, q);
    } catch (e) {
      app.showError(e);
    }
  }

  async function apply(/** @type {string | null} */ zone) {
    if (zone !== null && zone === choice.current && choice.source === 'chosen') return;
    try {
      choice = await call('set_timezone', { zone });
      if (app.info) {
        app.info.zone = choice.current;
        app.info.zone_source = choice.source;
      }
      await translate(showChoice(root, choice));
      status.textContent = await message('time-zone-saved', { zone: choice.place });
      if (zone === null) {
        search.value = '';
        await fill();
      }
    } catch (e) {
      app.showError(e);
    }
  }

  search.addEventListener('input', () => {
    fill();
  });
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
  find(root, '#zone-computer').addEventListener('click', () => apply(null));

  show(data, '');
  showChoice(root, choice);
}
