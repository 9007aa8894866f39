// Reduces the CLDR JSON packages pinned in package.json to the en and ru names the zone picker needs, and writes
// crates/workshop-core/data/zone-names.tsv and territories.tsv (read by workshop-core's zone_names.rs).
//
// Run after `npm ci` in this folder: `node tools/cldr/zone-names.mjs` from the repository root (or `npm run
// zone-names` here). The output is sorted and carries no date, so a second run with the same inputs changes
// nothing. ZONE_TAB=/path/to/zone.tab reads another tzdata (its tzdata.zi beside it gives the version).
//
// Sources:
// - the zones: the tz database's zone.tab (one ISO 3166 country per zone), from the system's tzdata;
// - zone ids: cldr-bcp47/bcp47/timezone.json, whose `_alias` lists every id of one zone, CLDR's own (sometimes
//   legacy, "Asia/Calcutta") id first, and whose `_iana` names the current IANA id when that differs;
// - cities: the exemplar cities of cldr-dates-full/main/{en,ru}/timeZoneNames.json, keyed by CLDR's id; where
//   CLDR has none (it then derives the city from the id) en gets the id's last segment and ru stays empty;
// - countries: cldr-localenames-full/main/{en,ru}/territories.json.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', '..', 'crates', 'workshop-core', 'data');
const zoneTab = process.env.ZONE_TAB ?? '/usr/share/zoneinfo/zone.tab';
const tzdataZi = join(dirname(zoneTab), 'tzdata.zi');
const LANGS = ['en', 'ru'];

const json = (path) => JSON.parse(readFileSync(join(here, 'node_modules', path), 'utf8'));
const cldrVersion = json('cldr-dates-full/package.json').version;
for (const pkg of ['cldr-localenames-full', 'cldr-bcp47']) {
  const v = json(`${pkg}/package.json`).version;
  if (v !== cldrVersion) throw new Error(`${pkg} is ${v} but cldr-dates-full is ${cldrVersion}`);
}
let tzVersion = 'unknown';
try {
  tzVersion = readFileSync(tzdataZi, 'utf8').match(/^# version (\S+)/)?.[1] ?? tzVersion;
} catch {
  // Only the header line loses the version.
}

// zone.tab: code, coordinates, zone, comment.
/** @type {Map<string, string>} zone → country */
const country = new Map();
for (const line of readFileSync(zoneTab, 'utf8').split('\n')) {
  if (line === '' || line.startsWith('#')) continue;
  const [code, , zone] = line.split('\t');
  country.set(zone, code);
}

// bcp47: every id of a zone → its ids (CLDR's first) and its current IANA id.
/** @type {Map<string, { cldr: string, iana: string, ids: string[] }>} */
const byId = new Map();
for (const [key, entry] of Object.entries(json('cldr-bcp47/bcp47/timezone.json').keyword.u.tz)) {
  if (key.startsWith('_') || entry._deprecated || !entry._alias) continue;
  const ids = entry._alias.split(' ');
  const zone = { cldr: ids[0], iana: entry._iana ?? ids[0], ids };
  for (const id of ids) byId.set(id, zone);
}

/** The exemplar city of CLDR's id in one language, or undefined. */
const cities = Object.fromEntries(
  LANGS.map((lang) => [lang, json(`cldr-dates-full/main/${lang}/timeZoneNames.json`).main[lang].dates.timeZoneNames.zone]),
);
function exemplar(lang, cldrId) {
  let node = cities[lang];
  for (const part of cldrId.split('/')) node = node?.[part];
  return node?.exemplarCity;
}

const clean = (s) => {
  if (/[\t\n]/.test(s)) throw new Error(`tab or newline in ${JSON.stringify(s)}`);
  return s;
};

/** @type {string[][]} */
const rows = [];
const canonical = new Set(country.keys());
const warnings = [];
for (const [zone, code] of country) {
  const cldr = byId.get(zone);
  if (!cldr) warnings.push(`${zone}: not in cldr-bcp47`);
  else if (cldr.iana !== zone) warnings.push(`${zone}: cldr's current id is ${cldr.iana}`);
  const cldrId = cldr?.cldr ?? zone;
  const en = exemplar('en', cldrId) ?? zone.split('/').pop().replaceAll('_', ' ');
  const ru = exemplar('ru', cldrId) ?? '';
  if (!ru) warnings.push(`${zone}: no ru exemplar city`);
  rows.push([zone, code, clean(en), clean(ru), '']);
  for (const alias of cldr?.ids ?? []) {
    if (alias === zone) continue;
    if (canonical.has(alias)) {
      warnings.push(`${alias}: in zone.tab and an alias of ${zone} in cldr`);
      continue;
    }
    rows.push([alias, '', '', '', zone]);
  }
}
const byKey = (a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
rows.sort(byKey);
for (let i = 1; i < rows.length; i++) {
  if (rows[i - 1][0] === rows[i][0]) throw new Error(`${rows[i][0]} twice`);
}

const territories = Object.fromEntries(
  LANGS.map((lang) => [lang, json(`cldr-localenames-full/main/${lang}/territories.json`).main[lang].localeDisplayNames.territories]),
);
const codes = [...new Set(rows.map((r) => r[1]).filter((c) => c))].sort();
const countryRows = codes.map((code) => {
  const [en, ru] = LANGS.map((lang) => territories[lang][code]);
  if (!en || !ru) throw new Error(`${code}: no territory name in cldr`);
  return [code, clean(en), clean(ru)];
});

const made =
  `# Made by \`node tools/cldr/zone-names.mjs\` from CLDR ${cldrVersion} (npm cldr-dates-full, ` +
  `cldr-localenames-full, cldr-bcp47) and tz ${tzVersion} zone.tab; Unicode licence in LICENSE-UNICODE. Do not edit.`;
const tsv = (columns, body) => [made, `# ${columns.join('\t')}`, ...body.map((r) => r.join('\t'))].join('\n') + '\n';
writeFileSync(join(out, 'zone-names.tsv'), tsv(['zone', 'country', 'en', 'ru', 'alias-of'], rows));
writeFileSync(join(out, 'territories.tsv'), tsv(['code', 'en', 'ru'], countryRows));
writeFileSync(join(out, 'LICENSE-UNICODE'), readFileSync(join(here, 'node_modules', 'cldr-dates-full', 'LICENSE')));

for (const w of warnings) console.warn(`note: ${w}`);
console.log(`${rows.length} zone rows (${country.size} zones), ${countryRows.length} countries, CLDR ${cldrVersion}, tz ${tzVersion}`);
