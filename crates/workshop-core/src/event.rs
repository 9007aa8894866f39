//! The event as data: parsed from a pack's `event.json` — the built-in pack's,
//! `packs/gcm-almaty-process-2023/event.json`, is embedded at build time — and validated into types that cannot
//! hold a bad time, zone, id or link, so the rest of the app never re-checks them.

use crate::meeting::{parse_invitation, MeetingLink};
use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::fmt;

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin_pack.rs"));
}
/// The built-in event pack, `packs/gcm-almaty-process-2023/` (embedded by `build.rs`): (path inside the pack with
/// `/` separators, e.g. `event.json` or `locales/en/agenda.ftl`; the file's UTF-8 text), sorted by path.
pub use builtin::{BUILTIN_PACK, BUILTIN_PACK_NAME};

/// The built-in pack's event file, `packs/gcm-almaty-process-2023/event.json` (the same text as its `event.json`
/// entry in [`BUILTIN_PACK`]). Organisers edit this file to adapt the app to another event.
pub const EVENT_JSON: &str = include_str!("../../../packs/gcm-almaty-process-2023/event.json");

/// The pack format this app reads: `"format"` in `event.json`.
pub const FORMAT: u32 = 1;

/// A validated event. Every human-readable text lives in the Fluent files, keyed by the ids held here.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub id: String,
    /// The pack's version (`"version"` in the file, 1 or more): a pack with a higher version replaces a lower one.
    pub version: u32,
    pub tz: Tz,
    /// The first day.
    pub date: NaiveDate,
    /// The last day: `end_date` in the file, else `date` (a one-day event).
    pub end_date: NaiveDate,
    /// Start on the first day, in `tz`.
    pub start: NaiveTime,
    /// End on the last day, in `tz`.
    pub end: NaiveTime,
    pub languages: Vec<String>,
    pub interpretation: Option<String>,
    pub organiser: String,
    /// The meeting the organisers shipped, with the passcode its text gives: `meeting` in the file, a link or an
    /// invitation's text, parsed by `meeting::parse_invitation` when the event is parsed (a value it refuses is an
    /// `EventError` naming `meeting`). `None` when the file has `null` or blank text.
    pub meeting: Option<MeetingLink>,
    /// A meeting link for one day of a multi-day event (`meetings` in the file: `{"YYYY-MM-DD": link}`), by day;
    /// a day without one uses `meeting`.
    pub meetings: Vec<(NaiveDate, MeetingLink)>,
    pub agenda: Vec<AgendaItem>,
    pub resources: Vec<Resource>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AgendaItem {
    pub id: String,
    /// The item's day: `date` in the file, else the event's first day.
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub session: Option<u8>,
    pub topics: Vec<String>,
    pub speakers: Vec<Speaker>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    pub id: String,
    pub tbc: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Resource {
    pub id: String,
    /// An official `https` link; `None` where no official address is confirmed.
    pub url: Option<String>,
    /// The official text in another language, where it has its own address (`urls` in the file, by language
    /// code: `{"ru": "https://undocs.org/ru/A/RES/73/195"}`): `https` like `url`.
    pub urls: Vec<(crate::Lang, String)>,
    pub symbol: Option<String>,
    pub date: Option<NaiveDate>,
}

/// What is wrong with an event file, naming the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventError {
    /// The field's path (`agenda[2].end`, `resources[0].url`, `agenda[0].speakers[1].tbc`), or `(file)` for broken
    /// JSON and for a wrong value at the top level.
    pub field: String,
    /// What is wrong, lowercase English. Where serde_json found it, its message, ending "at line N column M".
    pub problem: String,
    /// Where serde_json found it: the 1-based line it stopped at. `None` for a check of the event model (find the
    /// field's line with [`crate::pack::check::locate`]).
    pub line: Option<u32>,
}

impl fmt::Display for EventError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "event file: {}: {}", self.field, self.problem)
    }
}

impl std::error::Error for EventError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent {
    id: String,
    format: u32,
    version: u32,
    timezone: String,
    date: String,
    #[serde(default)]
    end_date: Option<String>,
    start: String,
    end: String,
    languages: Vec<String>,
    interpretation: Option<String>,
    organiser: String,
    meeting: Option<String>,
    #[serde(default)]
    meetings: std::collections::BTreeMap<String, String>,
    agenda: Vec<RawItem>,
    resources: Vec<RawResource>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    id: String,
    #[serde(default)]
    date: Option<String>,
    start: String,
    end: String,
    session: Option<u8>,
    topics: Vec<String>,
    speakers: Vec<RawSpeaker>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSpeaker {
    id: String,
    tbc: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawResource {
    id: String,
    url: Option<String>,
    #[serde(default)]
    urls: BTreeMap<String, String>,
    symbol: Option<String>,
    date: Option<String>,
}

fn err(field: impl Into<String>, problem: impl Into<String>) -> EventError {
    EventError { field: field.into(), problem: problem.into(), line: None }
}

fn time(field: &str, s: &str) -> Result<NaiveTime, EventError> {
    NaiveTime::parse_from_str(s, "%H:%M").map_err(|_| err(field, format!("invalid time {s:?}, expected HH:MM")))
}

fn date(field: &str, s: &str) -> Result<NaiveDate, EventError> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| err(field, format!("invalid date {s:?}, expected YYYY-MM-DD")))
}

/// Ids become parts of Fluent message ids and of calendar UIDs, so they are kept to `a-z`, digits and `-`.
fn id(field: &str, s: &str) -> Result<String, EventError> {
    let ok = !s.is_empty()
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-');
    if ok {
        Ok(s.to_owned())
    } else {
        Err(err(field, format!("invalid id {s:?}, expected lowercase letters, digits and '-'")))
    }
}

fn https_url(field: &str, s: &str) -> Result<String, EventError> {
    let parsed = url::Url::parse(s).map_err(|e| err(field, format!("invalid url {s:?}: {e}")))?;
    if parsed.scheme() != "https" || parsed.host_str().is_none() {
        return Err(err(field, format!("url {s:?} must be an https link")));
    }
    if !parsed.username().is_empty() || parsed.password().is_some() || parsed.port().is_some() {
        return Err(err(field, format!("url {s:?} must not carry a user, password or port")));
    }
    Ok(s.to_owned())
}

/// Only `format`, read before the whole file: a pack of another format is named as such, not by the first field
/// this app does not know.
#[derive(Deserialize)]
struct FormatProbe {
    format: Option<u32>,
}

fn format(n: u32) -> Result<(), EventError> {
    if n == FORMAT {
        Ok(())
    } else {
        Err(err("format", format!("unsupported pack format {n}; this app reads format {FORMAT}")))
    }
}

impl Event {
    /// The event embedded in this build: the built-in pack's `event.json`. Its validity is pinned by a test, so
    /// this cannot fail in a released binary.
    pub fn embedded() -> Event {
        let json = BUILTIN_PACK.iter().find(|(path, _)| *path == "event.json").expect("the pack has event.json").1;
        Event::parse(json).expect("embedded event file is checked by tests")
    }

    pub fn parse(json: &str) -> Result<Event, EventError> {
        if let Ok(FormatProbe { format: Some(n) }) = serde_json::from_str(json) {
            format(n)?;
        }
        let raw: RawEvent =
            serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_str(json)).map_err(|e| {
                let path = e.path().to_string();
                let inner = e.into_inner();
                let line = u32::try_from(inner.line()).ok().filter(|&l| l > 0);
                // A wrong value (type, unknown field, missing field) is named by its field; broken JSON by its line.
                let field = if inner.classify() == serde_json::error::Category::Data && path != "." {
                    path
                } else {
                    "(file)".into()
                };
                EventError { line, ..err(field, inner.to_string()) }
            })?;
        format(raw.format)?;
        if raw.version < 1 {
            return Err(err("version", format!("invalid version {}, expected 1 or more", raw.version)));
        }
        let tz: Tz =
            raw.timezone.parse().map_err(|_| err("timezone", format!("unknown time zone {:?}", raw.timezone)))?;
        let day = date("date", &raw.date)?;
        let last_day = raw.end_date.as_deref().map(|d| date("end_date", d)).transpose()?.unwrap_or(day);
        if last_day < day {
            return Err(err("end_date", "the last day must not be before the first (date)"));
        }
        if (last_day - day).num_days() > 30 {
            return Err(err("end_date", "an event lasts at most 31 days"));
        }
        let start = time("start", &raw.start)?;
        let end = time("end", &raw.end)?;
        if day.and_time(end) <= day.and_time(start) && last_day == day {
            return Err(err("end", "the event must end after it starts"));
        }
        let (first, last) = (day.and_time(start), last_day.and_time(end));
        if raw.languages.is_empty() {
            return Err(err("languages", "at least one language is needed"));
        }
        if raw.organiser.trim().is_empty() {
            return Err(err("organiser", "must not be empty"));
        }
        let mut agenda = Vec::with_capacity(raw.agenda.len());
        let mut seen = HashSet::new();
        let mut cursor = first;
        for (i, item) in raw.agenda.into_iter().enumerate() {
            let f = |name: &str| format!("agenda[{i}].{name}");
            let item_id = id(&f("id"), &item.id)?;
            if !seen.insert(item_id.clone()) {
                return Err(err(f("id"), format!("duplicate id {item_id:?}")));
            }
            let item_day = item.date.as_deref().map(|d| date(&f("date"), d)).transpose()?.unwrap_or(day);
            if item_day < day || item_day > last_day {
                return Err(err(f("date"), "an item's day must be one of the event's days (date to end_date)"));
            }
            let s = time(&f("start"), &item.start)?;
            let e = time(&f("end"), &item.end)?;
            if e <= s {
                return Err(err(f("end"), "an item must end after it starts"));
            }
            if item_day.and_time(s) < first {
                return Err(err(f("start"), "an item must not start before the event (its date and start)"));
            }
            if item_day.and_time(s) < cursor {
                return Err(err(f("start"), "items must be in order and must not overlap"));
            }
            if item_day.and_time(e) > last {
                return Err(err(f("end"), "an item must end by the end of the event"));
            }
            cursor = item_day.and_time(e);
            let topics = item
                .topics
                .iter()
                .enumerate()
                .map(|(t, topic)| id(&f(&format!("topics[{t}]")), topic))
                .collect::<Result<_, _>>()?;
            let speakers = item
                .speakers
                .iter()
                .enumerate()
                .map(|(k, sp)| Ok(Speaker { id: id(&f(&format!("speakers[{k}].id")), &sp.id)?, tbc: sp.tbc }))
                .collect::<Result<_, _>>()?;
            agenda.push(AgendaItem {
                id: item_id,
                date: item_day,
                start: s,
                end: e,
                session: item.session,
                topics,
                speakers,
            });
        }
        if agenda.is_empty() {
            return Err(err("agenda", "at least one agenda item is needed"));
        }
        let mut resources = Vec::with_capacity(raw.resources.len());
        let mut seen = HashSet::new();
        for (i, r) in raw.resources.into_iter().enumerate() {
            let f = |name: &str| format!("resources[{i}].{name}");
            let rid = id(&f("id"), &r.id)?;
            if !seen.insert(rid.clone()) {
                return Err(err(f("id"), format!("duplicate id {rid:?}")));
            }
            let url = r.url.as_deref().map(|u| https_url(&f("url"), u)).transpose()?;
            let mut urls = Vec::with_capacity(r.urls.len());
            for (code, u) in &r.urls {
                let field = f(&format!("urls.{code}"));
                let lang = crate::Lang::parse(code)
                    .filter(|l| l.code() == code)
                    .ok_or_else(|| err(&field, format!("unknown language {code:?}, expected en or ru")))?;
                urls.push((lang, https_url(&field, u)?));
            }
            let d = r.date.as_deref().map(|d| date(&f("date"), d)).transpose()?;
            resources.push(Resource { id: rid, url, urls, symbol: r.symbol, date: d });
        }
        let meeting = raw
            .meeting
            .filter(|m| !m.trim().is_empty())
            .map(|m| parse_invitation(&m).map_err(|e| err("meeting", e.to_string())))
            .transpose()?;
        let mut meetings = Vec::with_capacity(raw.meetings.len());
        for (d, text) in &raw.meetings {
            let field = format!("meetings.{d}");
            let on = date(&field, d)?;
            if on < day || on > last_day {
                return Err(err(field, "a meeting's day must be one of the event's days (date to end_date)"));
            }
            meetings.push((on, parse_invitation(text).map_err(|e| err(&field, e.to_string()))?));
        }
        Ok(Event {
            id: id("id", &raw.id)?,
            version: raw.version,
            tz,
            date: day,
            end_date: last_day,
            start,
            end,
            languages: raw.languages,
            interpretation: raw.interpretation,
            organiser: raw.organiser,
            meeting,
            meetings,
            agenda,
            resources,
        })
    }

    /// Whether the event lasts more than one day.
    pub fn is_multi_day(&self) -> bool {
        self.end_date > self.date
    }

    /// The meeting link for `day` (in the event's zone): that day's own (`meetings`), else `meeting`, else the
    /// first day's own link on or after `day`, else the last one before. `None` when the event ships none.
    pub fn meeting_on(&self, day: NaiveDate) -> Option<&MeetingLink> {
        self.meetings
            .iter()
            .find(|(d, _)| *d == day)
            .map(|(_, m)| m)
            .or(self.meeting.as_ref())
            .or_else(|| self.meetings.iter().find(|(d, _)| *d >= day).map(|(_, m)| m))
            .or_else(|| self.meetings.last().map(|(_, m)| m))
    }

    pub fn item(&self, id: &str) -> Option<&AgendaItem> {
        self.agenda.iter().find(|i| i.id == id)
    }

    pub fn resource(&self, id: &str) -> Option<&Resource> {
        self.resources.iter().find(|r| r.id == id)
    }
}

impl Resource {
    /// The official link for a reader of `lang`: the text in that language where it has its own address, else
    /// `url`.
    pub fn url_in(&self, lang: crate::Lang) -> Option<&str> {
        self.urls.iter().find(|(l, _)| *l == lang).map(|(_, u)| u.as_str()).or(self.url.as_deref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Replaces `from` by `to` in the embedded event file and returns the parse error, or "ok".
    fn check(from: &str, to: &str, expect: &str) {
        assert!(EVENT_JSON.contains(from), "fixture text {from:?} not in event.json");
        let json = EVENT_JSON.replacen(from, to, 1);
        let got = match Event::parse(&json) {
            Ok(_) => "ok".to_owned(),
            Err(e) => e.to_string(),
        };
        assert_eq!(got, expect);
    }

    #[test]
    fn embedded_event_is_valid() {
        let e = Event::parse(EVENT_JSON).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(e, Event::embedded(), "EVENT_JSON is the built-in pack's event.json");
        assert_eq!((e.id.as_str(), e.version), ("gcm-almaty-process-2023-12-05", 1));
        assert_eq!(e.tz, chrono_tz::Asia::Baku);
        assert_eq!(e.date.to_string(), "2023-12-05");
        assert_eq!(e.agenda.len(), 7);
        assert_eq!(e.agenda.first().unwrap().start, e.start);
        assert_eq!(e.agenda.last().unwrap().end, e.end);
    }

    #[test]
    fn invalid_fields_are_named() {
        check("\"Asia/Baku\"", "\"Asia/Bakuu\"", "event file: timezone: unknown time zone \"Asia/Bakuu\"");
        check(
            "\"date\": \"2023-12-05\"",
            "\"date\": \"2023-13-05\"",
            "event file: date: invalid date \"2023-13-05\", expected YYYY-MM-DD",
        );
        check("\"end\": \"13:00\",", "\"end\": \"09:00\",", "event file: end: the event must end after it starts");
        check(
            "\"start\": \"10:15\"",
            "\"start\": \"10:1x\"",
            "event file: agenda[1].start: invalid time \"10:1x\", expected HH:MM",
        );
        check("\"id\": \"session-1\"", "\"id\": \"opening\"", "event file: agenda[1].id: duplicate id \"opening\"");
        check(
            "\"id\": \"session-1\"",
            "\"id\": \"Session 1\"",
            "event file: agenda[1].id: invalid id \"Session 1\", expected lowercase letters, digits and '-'",
        );
        check(
            "\"start\": \"10:40\", \"end\": \"11:30\"",
            "\"start\": \"10:30\", \"end\": \"11:30\"",
            "event file: agenda[2].start: items must be in order and must not overlap",
        );
        check(
            "\"start\": \"10:00\", \"end\": \"10:15\"",
            "\"start\": \"09:30\", \"end\": \"10:15\"",
            "event file: agenda[0].start: an item must not start before the event (its date and start)",
        );
        check(
            "\"start\": \"12:55\", \"end\": \"13:00\"",
            "\"start\": \"12:55\", \"end\": \"13:05\"",
            "event file: agenda[6].end: an item must end by the end of the event",
        );
        check(
            "\"https://gfmd.org\"",
            "\"http://gfmd.org\"",
            "event file: resources[12].url: url \"http://gfmd.org\" must be an https link",
        );
        check(
            "\"https://gfmd.org\"",
            "\"https://x:y@gfmd.org\"",
            "event file: resources[12].url: url \"https://x:y@gfmd.org\" must not carry a user, password or port",
        );
        check("\"id\": \"gfmd\"", "\"id\": \"hub\"", "event file: resources[12].id: duplicate id \"hub\"");
        check(
            "\"tbc\": false",
            "\"tbc\": \"no\"",
            "event file: agenda[0].speakers[2].tbc: invalid type: string \"no\", expected a boolean at line 20 column 39",
        );
        check("\"meeting\": null", "\"meeting\": \"https://zoom.us.evil.example/j/123456789\"", "event file: meeting: \"https://zoom.us.evil.example/j/123456789\" does not lead to zoom: its host zoom.us.evil.example is not zoom.us, zoom.com or zoomgov.com");
        check(
            "\"meeting\": null",
            "\"meeting\": \"http://zoom.us/j/123456789\"",
            "event file: meeting: \"http://zoom.us/j/123456789\" is not an https link",
        );
        check(
            "\"meeting\": null",
            "\"meeting\": \"https://zoom.us/s/123456789\"",
            "event file: meeting: \"https://zoom.us/s/123456789\" is the host's start link, not a join link",
        );
        check("\"meeting\": null", "\"meeting\": \"https://zoom.us/j/12345\"", "event file: meeting: \"https://zoom.us/j/12345\" has the meeting id \"12345\", which is not 9 to 11 digits");
        check(
            "\"meeting\": null",
            "\"meeting\": \"Join the workshop on Zoom\"",
            "event file: meeting: no zoom link was found in the text",
        );
        check(
            "\"meeting\": null",
            "\"meeting\": 42",
            "event file: meeting: invalid type: integer `42`, expected a string at line 12 column 15",
        );
        // Accepted: a link, an invitation's text (its passcode kept), blank text (no link).
        check("\"meeting\": null", "\"meeting\": \"https://zoom.us/j/123456789\"", "ok");
        check("\"meeting\": null", "\"meeting\": \"   \"", "ok");
    }

    /// The pack's `format` and `version`: format 1 only (named even when the rest of a newer format's file is
    /// unknown to this app), version 1 or more.
    #[test]
    #[rustfmt::skip]
    fn format_and_version_are_checked() {
        check("\"format\": 1,", "\"format\": 2,", "event file: format: unsupported pack format 2; this app reads format 1");
        check("\"format\": 1,", "\"format\": 0,", "event file: format: unsupported pack format 0; this app reads format 1");
        check("\"format\": 1,", "\"format\": 2, \"sponsors\": [],", "event file: format: unsupported pack format 2; this app reads format 1");
        check("\"format\": 1,", "\"format\": 2, \"timezone\": 4,", "event file: format: unsupported pack format 2; this app reads format 1");
        check("\"format\": 1,", "\"format\": \"1\",", "event file: format: invalid type: string \"1\", expected u32 at line 3 column 15");
        check("\"format\": 1,", "\"format\": -1,", "event file: format: invalid value: integer `-1`, expected u32 at line 3 column 14");
        check("\"format\": 1,", "\"format\": null,", "event file: format: invalid type: null, expected u32 at line 3 column 16");
        check("\"format\": 1,", "", "event file: (file): missing field `format` at line 75 column 1");
        check("\"version\": 1,", "\"version\": 0,", "event file: version: invalid version 0, expected 1 or more");
        check("\"version\": 1,", "\"version\": 1.5,", "event file: version: invalid type: floating point `1.5`, expected u32 at line 4 column 16");
        check("\"version\": 1,", "", "event file: (file): missing field `version` at line 75 column 1");
        // A format-1 file with a field this app does not know is still refused by name.
        check("\"version\": 1,", "\"version\": 1, \"sponsors\": [],", "event file: sponsors: unknown field `sponsors`, expected one of `id`, `format`, `version`, `timezone`, `date`, `end_date`, `start`, `end`, `languages`, `interpretation`, `organiser`, `meeting`, `meetings`, `agenda`, `resources` at line 4 column 26");
        // Accepted: a later version of the same pack.
        check("\"version\": 1,", "\"version\": 7,", "ok");
        let ev = Event::parse(&EVENT_JSON.replacen("\"version\": 1,", "\"version\": 7,", 1)).unwrap();
        assert_eq!(ev.version, 7);
    }

    /// `meeting` → the link and passcode the event holds, or `none`.
    fn check_meeting(value: &str, expect: &str) {
        let ev = Event::parse(&EVENT_JSON.replacen("\"meeting\": null", &format!("\"meeting\": {value}"), 1)).unwrap();
        let got = ev
            .meeting
            .map_or("none".to_owned(), |m| format!("{} pass={}", m.url, m.passcode.as_deref().unwrap_or("-")));
        assert_eq!(got, expect, "meeting: {value}");
    }

    #[test]
    #[rustfmt::skip]
    fn meeting_is_parsed_at_load() {
        check_meeting("null", "none");
        check_meeting("\"\"", "none");
        check_meeting("\"https://zoom.us/j/123456789\"", "https://zoom.us/j/123456789 pass=-");
        check_meeting("\"Join Zoom Meeting\\nhttps://us02web.zoom.us/j/85012345678?pwd=abc1\\nPasscode: 584706\"", "https://us02web.zoom.us/j/85012345678?pwd=abc1 pass=584706");
    }
}

/// Events over several days: `end_date`, each item's `date`, a meeting link per day (`meetings`).
#[cfg(test)]
mod multi_day_tests {
    use super::*;

    const TWO_DAYS: &str = r#"{
  "id": "two-days", "format": 1, "version": 1, "timezone": "Asia/Bishkek",
  "date": "2027-03-16", "end_date": "2027-03-17", "start": "09:30", "end": "12:30",
  "languages": ["en", "ru"], "interpretation": null, "organiser": "RTCM",
  "meeting": "https://zoom.us/j/81234567890",
  "meetings": { "2027-03-17": "https://zoom.us/j/81234567891" },
  "agenda": [
    { "id": "a", "start": "09:30", "end": "17:00", "session": null, "topics": [], "speakers": [] },
    { "id": "b", "date": "2027-03-17", "start": "09:00", "end": "12:30", "session": null, "topics": [], "speakers": [] }
  ],
  "resources": []
}"#;

    fn check(from: &str, to: &str, expect: &str) {
        assert!(TWO_DAYS.contains(from), "{from:?}");
        let got = match Event::parse(&TWO_DAYS.replacen(from, to, 1)) {
            Ok(_) => "ok".to_owned(),
            Err(e) => e.to_string(),
        };
        assert_eq!(got, expect, "{from:?} → {to:?}");
    }

    #[test]
    fn days_items_and_meetings_are_read() {
        let e = Event::parse(TWO_DAYS).unwrap();
        assert!(e.is_multi_day());
        assert_eq!((e.date.to_string(), e.end_date.to_string()), ("2027-03-16".into(), "2027-03-17".into()));
        assert_eq!(e.agenda.iter().map(|i| i.date.to_string()).collect::<Vec<_>>(), ["2027-03-16", "2027-03-17"]);
        let url = |d: &str| e.meeting_on(d.parse().unwrap()).map(|m| m.url.clone());
        assert_eq!(url("2027-03-16").as_deref(), Some("https://zoom.us/j/81234567890"));
        assert_eq!(url("2027-03-17").as_deref(), Some("https://zoom.us/j/81234567891"));
        assert_eq!(url("2027-03-01").as_deref(), Some("https://zoom.us/j/81234567890"));
        let (start, end) = crate::schedule::event_instants(&e);
        assert_eq!(
            (start.to_rfc3339(), end.to_rfc3339()),
            ("2027-03-16T03:30:00+00:00".into(), "2027-03-17T06:30:00+00:00".into())
        );
        // A one-day event is what it was: its items on its day.
        let one = Event::embedded();
        assert!(!one.is_multi_day() && one.agenda.iter().all(|i| i.date == one.date));
    }

    #[test]
    fn multi_day_rules() {
        check(
            "\"end_date\": \"2027-03-17\"",
            "\"end_date\": \"2027-03-15\"",
            "event file: end_date: the last day must not be before the first (date)",
        );
        check(
            "\"end_date\": \"2027-03-17\"",
            "\"end_date\": \"2027-05-17\"",
            "event file: end_date: an event lasts at most 31 days",
        );
        check(
            "\"end_date\": \"2027-03-17\"",
            "\"end_date\": \"17.03.2027\"",
            "event file: end_date: invalid date \"17.03.2027\", expected YYYY-MM-DD",
        );
        // Over two days the last day's end may be earlier in the day than the first day's start.
        check(
            "\"end\": \"12:30\",\n  \"languages\"",
            "\"end\": \"08:00\",\n  \"languages\"",
            "event file: agenda[1].end: an item must end by the end of the event",
        );
        check(
            "\"id\": \"b\", \"date\": \"2027-03-17\"",
            "\"id\": \"b\", \"date\": \"2027-03-18\"",
            "event file: agenda[1].date: an item's day must be one of the event's days (date to end_date)",
        );
        check(
            "\"id\": \"b\", \"date\": \"2027-03-17\"",
            "\"id\": \"b\", \"date\": \"2027-03-16\"",
            "event file: agenda[1].start: an item must not start before the event (its date and start)",
        );
        check(
            "\"id\": \"b\", \"date\": \"2027-03-17\"",
            "\"id\": \"b\"",
            "event file: agenda[1].start: an item must not start before the event (its date and start)",
        );
        check(
            "\"meetings\": { \"2027-03-17\"",
            "\"meetings\": { \"2027-03-18\"",
            "event file: meetings.2027-03-18: a meeting's day must be one of the event's days (date to end_date)",
        );
        check("https://zoom.us/j/81234567891", "https://evil.example/j/81234567891", "event file: meetings.2027-03-17: \"https://evil.example/j/81234567891\" does not lead to zoom: its host evil.example is not zoom.us, zoom.com or zoomgov.com");
        check(
            "\"start\": \"09:30\", \"end\": \"17:00\"",
            "\"start\": \"09:00\", \"end\": \"17:00\"",
            "event file: agenda[0].start: an item must not start before the event (its date and start)",
        );
    }
}
