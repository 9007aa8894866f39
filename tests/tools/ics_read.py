#!/usr/bin/env python3
"""Reads .ics files with python `icalendar` and prints, as JSON, what the VEVENT in each one says.

One of two independent readers that `tests/it/calendar_readers.rs` runs over every file the app can write (issue 9);
the other is `ics-read.mjs` (Mozilla's ical.js), which prints the same shape:

    {"reader": "icalendar 7.3.2",
     "files": [{"file": ..., "UID": ..., "SUMMARY": ..., "DESCRIPTION": ..., "LOCATION": ..., "URL": ... or null,
                "DTSTART": "2023-12-05T06:00:00Z", "DTEND": ...}, ...]}

Run it with the virtualenv `scripts/setup.sh` (`ensure_ics_readers`) creates:
`tests/fixtures/vendor/py/bin/python tests/tools/ics_read.py FILE...`. Exits 1 if a file cannot be read, does
not parse, holds a property the library could not read, or does not hold exactly one VEVENT with UTC times.
"""

import datetime
import json
import sys

import icalendar


def utc(event, name):
    value = event.get(name)
    if value is None:
        raise ValueError(f"no {name}")
    dt = value.dt
    if not isinstance(dt, datetime.datetime) or dt.utcoffset() != datetime.timedelta(0):
        raise ValueError(f"{name} is not a UTC date-time: {dt!r}")
    return dt.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def text(event, name):
    value = event.get(name)
    return None if value is None else str(value)


def read(path):
    with open(path, "rb") as f:
        calendar = icalendar.Calendar.from_ical(f.read())
    # The library is lenient: a property it cannot read is recorded here instead of raising.
    for component in calendar.walk():
        if component.errors:
            raise ValueError(f"{component.name}: {component.errors}")
    events = calendar.walk("VEVENT")
    if len(events) != 1:
        raise ValueError(f"{len(events)} VEVENTs, expected 1")
    event = events[0]
    return {
        "file": path,
        "UID": text(event, "UID"),
        "SUMMARY": text(event, "SUMMARY"),
        "DESCRIPTION": text(event, "DESCRIPTION"),
        "LOCATION": text(event, "LOCATION"),
        "URL": text(event, "URL"),
        "DTSTART": utc(event, "DTSTART"),
        "DTEND": utc(event, "DTEND"),
    }


def main(paths):
    if not paths:
        print("usage: ics_read.py FILE...", file=sys.stderr)
        return 2
    files = []
    for path in paths:
        try:
            files.append(read(path))
        except Exception as e:  # any failure to read is the answer: this file does not parse
            print(f"ics_read.py: {path}: {type(e).__name__}: {e}", file=sys.stderr)
            return 1
    json.dump({"reader": f"icalendar {icalendar.__version__}", "files": files}, sys.stdout, ensure_ascii=False)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
