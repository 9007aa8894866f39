#!/usr/bin/env node
// Reads .ics files with Mozilla's ical.js and prints, as JSON, what the VEVENT in each one says.
//
// One of two independent readers that `tests/it/calendar_readers.rs` runs over every file the app can write
// (issue 9); the other is `ics_read.py` (python icalendar), which prints the same shape:
//   {"reader": "ical.js 2.2.1", "files": [{"file", "UID", "SUMMARY", "DESCRIPTION", "LOCATION", "URL" (or null),
//                                          "DTSTART": "2023-12-05T06:00:00Z", "DTEND"}, ...]}
//
// ical.js is taken from tests/fixtures/vendor (git-ignored), where `scripts/setup.sh` (`ensure_ics_readers`)
// installs the pinned version: `node tests/tools/ics-read.mjs FILE...`. Exits 1 if a file cannot be read, does
// not parse, or does not hold exactly one VEVENT with UTC times.

import { readFileSync } from "node:fs";

const packageDir = new URL("../fixtures/vendor/node_modules/ical.js/", import.meta.url);

async function loadIcal() {
  const pkg = JSON.parse(readFileSync(new URL("package.json", packageDir), "utf8"));
  const module = await import(new URL(pkg.exports.import, packageDir));
  return { ICAL: module.default, version: pkg.version };
}

function utc(ICAL, event, name) {
  const time = event.getFirstPropertyValue(name);
  if (!(time instanceof ICAL.Time)) throw new Error(`no ${name}`);
  if (time.isDate || time.zone !== ICAL.Timezone.utcTimezone) {
    throw new Error(`${name} is not a UTC date-time: ${time.toString()}`);
  }
  return new Date(time.toUnixTime() * 1000).toISOString().replace(/\.000Z$/, "Z");
}

function text(event, name) {
  const value = event.getFirstPropertyValue(name);
  return value === null || value === undefined ? null : String(value);
}

function read(ICAL, path) {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(path, "utf8")));
  const events = calendar.getAllSubcomponents("vevent");
  if (events.length !== 1) throw new Error(`${events.length} VEVENTs, expected 1`);
  const event = events[0];
  return {
    file: path,
    UID: text(event, "uid"),
    SUMMARY: text(event, "summary"),
    DESCRIPTION: text(event, "description"),
    LOCATION: text(event, "location"),
    URL: text(event, "url"),
    DTSTART: utc(ICAL, event, "dtstart"),
    DTEND: utc(ICAL, event, "dtend"),
  };
}

const paths = process.argv.slice(2);
if (paths.length === 0) {
  console.error("usage: ics-read.mjs FILE...");
  process.exit(2);
}
let ICAL, version;
try {
  ({ ICAL, version } = await loadIcal());
} catch (e) {
  console.error(`ics-read.mjs: ical.js is not installed in ${packageDir.pathname}: ${e.message}`);
  process.exit(1);
}
const files = [];
for (const path of paths) {
  try {
    files.push(read(ICAL, path));
  } catch (e) {
    console.error(`ics-read.mjs: ${path}: ${e.name}: ${e.message}`);
    process.exit(1);
  }
}
console.log(JSON.stringify({ reader: `ical.js ${version}`, files }));
