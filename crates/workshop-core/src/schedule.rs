//! Agenda time maths: the event's local times as instants, the same instant in any time zone, the list of
//! zones offered to participants, and the live state ("starts in", "now", "next", "over") for a given "now".
//!
//! Offsets always come from the tz database for the instant in question, never from today's rules: Asia/Almaty
//! was UTC+6 on 5 December 2023 and is UTC+5 since March 2024, and participants opening the app later must
//! still see the times as they were.

use crate::event::{AgendaItem, Event};
use crate::format::{duration_parts, time_hm, utc_offset};
use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveTime, Offset, TimeZone, Utc};
use chrono_tz::{OffsetName, Tz};
use serde::Serialize;
use std::collections::HashSet;
use std::fmt;

/// The instant of a local date and time in `tz`.
///
/// Organisers may move the event to a zone with daylight saving time, so both odd cases are handled without
/// panicking, the way RFC 5545 (§3.3.5) and JavaScript's Temporal ("compatible") resolve them:
/// - a time that occurs twice (clocks go back) is the earlier of the two instants;
/// - a time that never occurs (clocks go forward) is moved forward by the length of the gap, i.e. read with
///   the offset in force just before the gap: 02:30 on a spring-forward night in Berlin is 03:30 CEST.
pub fn local_instant(tz: Tz, date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    let local = date.and_time(time);
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(earliest, _) => earliest.with_timezone(&Utc),
        LocalResult::None => {
            // A day before the gap is before the transition (tz rules never change twice within a day
            // around a gap), so its offset is the one the clocks were showing when they jumped.
            let before = tz.offset_from_utc_datetime(&(local - Duration::days(1))).fix();
            Utc.from_utc_datetime(&(local - before))
        }
    }
}

/// When the whole event starts and ends.
pub fn event_instants(ev: &Event) -> (DateTime<Utc>, DateTime<Utc>) {
    (local_instant(ev.tz, ev.date, ev.start), local_instant(ev.tz, ev.end_date, ev.end))
}

/// When one agenda item starts and ends.
pub fn item_instants(ev: &Event, item: &AgendaItem) -> (DateTime<Utc>, DateTime<Utc>) {
    (local_instant(ev.tz, item.date, item.start), local_instant(ev.tz, item.date, item.end))
}

/// An instant as shown in one time zone, next to the event's own local date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ZoneTime {
    /// IANA name, e.g. "Europe/Berlin".
    pub zone: String,
    /// The tz database abbreviation in force at that instant, e.g. "+04", "CET", "IST".
    pub abbrev: String,
    pub offset_seconds: i32,
    /// "UTC+4", "UTC+5:30", "UTC-3:30".
    pub offset: String,
    #[serde(serialize_with = "iso_date")]
    pub date: NaiveDate,
    /// "10:00".
    pub time: String,
    /// -1, 0 or +1: the local date compared with the event's date in its own zone.
    pub day_shift: i8,
}

fn iso_date<S: serde::Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&d.format("%Y-%m-%d"))
}

/// `instant` as seen in `tz`, with the offset in force at that instant.
pub fn in_zone(instant: DateTime<Utc>, tz: Tz, event_date: NaiveDate) -> ZoneTime {
    let local = instant.with_timezone(&tz);
    let offset_seconds = local.offset().fix().local_minus_utc();
    let date = local.date_naive();
    let shift = (date - event_date).num_days().clamp(i64::from(i8::MIN), i64::from(i8::MAX));
    ZoneTime {
        zone: tz.name().to_owned(),
        abbrev: local.offset().abbreviation().map_or_else(|| numeric_abbrev(offset_seconds), str::to_owned),
        offset_seconds,
        offset: utc_offset(offset_seconds),
        date,
        time: time_hm(local.time()),
        day_shift: shift as i8,
    }
}

/// chrono-tz gives no abbreviation where the tz database has only a numeric one ("+04" for Baku), so it is
/// rebuilt the way the tz database writes it: "+04", "+0545", "-0330".
fn numeric_abbrev(offset_seconds: i32) -> String {
    let sign = if offset_seconds < 0 { '-' } else { '+' };
    let abs = offset_seconds.unsigned_abs();
    let (h, m) = (abs / 3600, abs % 3600 / 60);
    if m == 0 {
        format!("{sign}{h:02}")
    } else {
        format!("{sign}{h:02}{m:02}")
    }
}

/// Zones of the Almaty Process member and observer states, host first, then by country in English
/// alphabetical order. Kazakhstan and Uzbekistan have several zones in the tz database.
const REGION_ZONES: &[&str] = &[
    "Asia/Baku",   // Azerbaijan (host)
    "Asia/Kabul",  // Afghanistan
    "Asia/Tehran", // Iran
    "Europe/Rome", // Italy
    "Asia/Almaty", // Kazakhstan
    "Asia/Aqtau",
    "Asia/Aqtobe",
    "Asia/Atyrau",
    "Asia/Oral",
    "Asia/Qostanay",
    "Asia/Qyzylorda",
    "Asia/Bishkek",    // Kyrgyzstan
    "Asia/Karachi",    // Pakistan
    "Asia/Dushanbe",   // Tajikistan
    "Europe/Istanbul", // Türkiye
    "Asia/Ashgabat",   // Turkmenistan
    "Asia/Tashkent",   // Uzbekistan
    "Asia/Samarkand",
];

/// The geographic areas of the tz database; names outside them ("US/Eastern", "Etc/GMT+3", "EST5EDT") are
/// legacy aliases that would only clutter the list.
const AREAS: &[&str] =
    &["Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific"];

/// Old spellings and abbreviations inside those areas, from the "Pre-1993 naming conventions", "Two-part
/// names that were renamed" and "Alternate names for the same location" sections of the tz `backward` file.
/// Merged zones such as Europe/Oslo stay: they are real places people search for.
const LEGACY: &[&str] = &[
    "Africa/Asmera",
    "America/Buenos_Aires",
    "America/Catamarca",
    "America/Cordoba",
    "America/Godthab",
    "America/Indianapolis",
    "America/Jujuy",
    "America/Knox_IN",
    "America/Louisville",
    "America/Mendoza",
    "America/Virgin",
    "Asia/Ashkhabad",
    "Asia/Calcutta",
    "Asia/Chungking",
    "Asia/Dacca",
    "Asia/Istanbul",
    "Asia/Katmandu",
    "Asia/Macao",
    "Asia/Rangoon",
    "Asia/Saigon",
    "Asia/Thimbu",
    "Asia/Ujung_Pandang",
    "Asia/Ulan_Bator",
    "Atlantic/Faeroe",
    "Australia/ACT",
    "Australia/LHI",
    "Australia/NSW",
    "Australia/North",
    "Australia/Queensland",
    "Australia/South",
    "Australia/Tasmania",
    "Australia/Victoria",
    "Australia/West",
    "Australia/Yancowinna",
    "Europe/Kiev",
    "Pacific/Ponape",
    "Pacific/Samoa",
    "Pacific/Truk",
];

/// The first `region_zone_count()` entries of [`zone_list`] are the Almaty Process zones.
pub fn region_zone_count() -> usize {
    REGION_ZONES.len()
}

/// Zones offered in the picker: the Almaty Process zones first, then every other current IANA name sorted (one
/// per zone: not the old ids CLDR lists as another name of a zone), then "UTC". No name appears twice.
pub fn zone_list() -> Vec<&'static str> {
    let mut seen: HashSet<&str> = REGION_ZONES.iter().copied().collect();
    let mut rest: Vec<&'static str> = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|tz| tz.name())
        .filter(|name| name.split_once('/').is_some_and(|(area, _)| AREAS.contains(&area)) && !LEGACY.contains(name))
        // One entry per zone: an old id CLDR keeps as another name of a zone (`Europe/Uzhgorod` for Kyiv) would
        // show the same place twice.
        .filter(|name| crate::zone_names::canonical(name) == Some(*name))
        .filter(|name| seen.insert(name))
        .collect();
    rest.sort_unstable();
    let mut list = REGION_ZONES.to_vec();
    list.extend(rest);
    list.push("UTC");
    list
}

/// A zone name that the tz database does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneError {
    pub name: String,
}

impl fmt::Display for ZoneError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown time zone {:?}", self.name)
    }
}

impl std::error::Error for ZoneError {}

/// Any name the tz database knows, including legacy aliases a computer may report ("Asia/Calcutta"), matched
/// without regard to ASCII case.
pub fn parse_zone(name: &str) -> Result<Tz, ZoneError> {
    let trimmed = name.trim();
    trimmed
        .parse::<Tz>()
        .ok()
        .or_else(|| chrono_tz::TZ_VARIANTS.iter().copied().find(|tz| tz.name().eq_ignore_ascii_case(trimmed)))
        .ok_or_else(|| ZoneError { name: name.to_owned() })
}

/// "Starting soon" is shown from this many seconds before the start, inclusive.
pub const SOON_SECONDS: i64 = 15 * 60;

/// Where the event stands at a given instant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "phase", rename_all = "lowercase")]
pub enum Phase {
    Before {
        starts_in_seconds: i64,
        /// The start is at most [`SOON_SECONDS`] away.
        soon: bool,
    },
    /// From the event's start (inclusive) to its end (exclusive).
    During {
        /// Index into `agenda` of the running item; `None` during a break the organisers left between items
        /// (or before the first / after the last item, if the agenda does not fill the event).
        current: Option<usize>,
        /// The item after the running one, or the one that ends the break.
        next: Option<usize>,
        /// Seconds until the running item ends; during a break, until the break ends (the next item starts,
        /// or the event ends).
        current_ends_in_seconds: i64,
    },
    After,
}

/// Whole seconds from `now` until `then`, rounded up: a clock a fraction of a second past 09:44:59 is still
/// more than 15 minutes before 10:00, and must not flip to "soon" early (truncating would say 900).
fn seconds_until(now: DateTime<Utc>, then: DateTime<Utc>) -> i64 {
    (then - now).num_milliseconds().saturating_add(999).div_euclid(1000)
}

/// The live state at `now`. Each boundary belongs to what starts there: at exactly 10:40 the item starting at
/// 10:40 is current, and at exactly the event's end the event is over.
pub fn phase(ev: &Event, now: DateTime<Utc>) -> Phase {
    let (start, end) = event_instants(ev);
    if now < start {
        let starts_in_seconds = seconds_until(now, start);
        return Phase::Before { starts_in_seconds, soon: starts_in_seconds <= SOON_SECONDS };
    }
    if now >= end {
        return Phase::After;
    }
    let spans: Vec<_> = ev.agenda.iter().map(|item| item_instants(ev, item)).collect();
    if let Some(i) = spans.iter().position(|&(s, e)| s <= now && now < e) {
        return Phase::During {
            current: Some(i),
            next: (i + 1 < spans.len()).then_some(i + 1),
            current_ends_in_seconds: seconds_until(now, spans[i].1),
        };
    }
    let next = spans.iter().position(|&(s, _)| s > now);
    let break_ends = next.map_or(end, |n| spans[n].0);
    Phase::During { current: None, next, current_ends_in_seconds: seconds_until(now, break_ends) }
}

/// Overnight in an event over several days: between the last item of one day and the first of a later day, the
/// morning before it included. Gives that next item's index and the seconds until it starts; `None` at any other time,
/// including a break within one day.
pub fn resumes(ev: &Event, now: DateTime<Utc>) -> Option<(usize, i64)> {
    let Phase::During { current: None, next: Some(n), .. } = phase(ev, now) else { return None };
    let item = &ev.agenda[n];
    let overnight = n > 0 && item.date > ev.agenda[n - 1].date;
    overnight.then(|| (n, seconds_until(now, item_instants(ev, item).0)))
}

/// Where the event stands for the meeting link: as [`phase`], except that overnight between two days of an event
/// it is before the next day's start (so "Join" is not prominent all night).
pub fn meeting_phase(ev: &Event, now: DateTime<Utc>) -> Phase {
    match resumes(ev, now) {
        Some((_, secs)) => Phase::Before { starts_in_seconds: secs, soon: secs <= SOON_SECONDS },
        None => phase(ev, now),
    }
}

/// A countdown reduced to its largest unit and the one below it, for Fluent to word ("3 days, 4 hours",
/// "2 hours, 5 minutes", "1 minute"). A zero field is left out of the wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Countdown {
    pub days: u32,
    pub hours: u32,
    pub minutes: u32,
    /// Under a minute: all fields are zero and the UI says "less than a minute".
    pub less_than_minute: bool,
}

/// Whole units, rounded down. Only the largest non-zero unit and the unit right below it are kept: "1 day,
/// 30 minutes" would be more precise than anyone needs a day ahead, so that reads "1 day".
pub fn countdown_parts(secs: i64) -> Countdown {
    let (days, hours, minutes) = duration_parts(secs);
    let (days, hours, minutes) = if days > 0 {
        (days, hours, 0)
    } else if hours > 0 {
        (0, hours, minutes)
    } else {
        (0, 0, minutes)
    };
    Countdown { days, hours, minutes, less_than_minute: days == 0 && hours == 0 && minutes == 0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn time(s: &str) -> NaiveTime {
        NaiveTime::parse_from_str(s, "%H:%M").unwrap()
    }

    #[test]
    fn event_and_items_in_utc() {
        let ev = Event::embedded();
        assert_eq!(event_instants(&ev), (utc("2023-12-05T06:00:00Z"), utc("2023-12-05T09:00:00Z")));
        let got: Vec<String> = ev
            .agenda
            .iter()
            .map(|item| {
                let (s, e) = item_instants(&ev, item);
                format!("{} {}-{}", item.id, s.format("%H:%M"), e.format("%H:%M"))
            })
            .collect();
        assert_eq!(
            got,
            [
                "opening 06:00-06:15",
                "session-1 06:15-06:40",
                "session-2 06:40-07:30",
                "session-3 07:30-08:00",
                "session-4 08:00-08:30",
                "questions 08:30-08:55",
                "closing 08:55-09:00",
            ]
        );
    }

    fn check_local(zone: &str, local: &str, expect_utc: &str) {
        let (d, t) = local.split_once(' ').unwrap();
        let got = local_instant(parse_zone(zone).unwrap(), date(d), time(t));
        assert_eq!(got, utc(expect_utc), "{zone} {local}");
    }

    #[test]
    fn local_times_that_occur_twice_or_never() {
        check_local("Asia/Baku", "2023-12-05 10:00", "2023-12-05T06:00:00Z");
        // Baku still had DST in 2015: summer +05.
        check_local("Asia/Baku", "2015-07-01 10:00", "2015-07-01T05:00:00Z");
        // Berlin spring forward 2023-03-26 02:00 -> 03:00: 02:30 does not exist, moved forward to 03:30 CEST.
        check_local("Europe/Berlin", "2023-03-26 02:30", "2023-03-26T01:30:00Z");
        // Berlin fall back 2023-10-29 03:00 -> 02:00: 02:30 occurs twice, the earlier (CEST) wins.
        check_local("Europe/Berlin", "2023-10-29 02:30", "2023-10-29T00:30:00Z");
        // New York spring forward 2024-03-10 02:00 -> 03:00.
        check_local("America/New_York", "2024-03-10 02:15", "2024-03-10T07:15:00Z");
        // Samoa skipped 30 December 2011 entirely (-10 DST to +14): moved forward 24 hours.
        check_local("Pacific/Apia", "2011-12-30 10:00", "2011-12-30T20:00:00Z");
        // Lord Howe moves its clocks by half an hour.
        check_local("Australia/Lord_Howe", "2023-10-01 02:15", "2023-09-30T15:45:00Z");
    }

    /// `expect` is "offset time day_shift" for 10:00 Baku on 5 December 2023.
    fn check_zone(zone: &str, expect: &str) {
        let ev = Event::embedded();
        let (start, _) = event_instants(&ev);
        let z = in_zone(start, parse_zone(zone).unwrap(), ev.date);
        let got = format!("{} {} {:+}", z.offset, z.time, z.day_shift);
        assert_eq!(got, expect, "{zone}");
        assert_eq!(z.zone, zone);
        assert_eq!(utc_offset(z.offset_seconds), z.offset);
        assert_eq!((z.date - ev.date).num_days(), i64::from(z.day_shift));
    }

    #[test]
    fn ten_o_clock_in_baku_around_the_world() {
        check_zone("Asia/Baku", "UTC+4 10:00 +0");
        check_zone("UTC", "UTC+0 06:00 +0");
        // Kazakhstan moved to a single zone (+5) in March 2024; in December 2023 Almaty was still +6.
        check_zone("Asia/Almaty", "UTC+6 12:00 +0");
        check_zone("Asia/Qostanay", "UTC+6 12:00 +0");
        check_zone("Asia/Qyzylorda", "UTC+5 11:00 +0");
        check_zone("Asia/Aqtau", "UTC+5 11:00 +0");
        check_zone("Asia/Bishkek", "UTC+6 12:00 +0");
        check_zone("Asia/Dushanbe", "UTC+5 11:00 +0");
        check_zone("Asia/Ashgabat", "UTC+5 11:00 +0");
        check_zone("Asia/Tashkent", "UTC+5 11:00 +0");
        check_zone("Asia/Samarkand", "UTC+5 11:00 +0");
        check_zone("Asia/Karachi", "UTC+5 11:00 +0");
        check_zone("Europe/Istanbul", "UTC+3 09:00 +0");
        check_zone("Europe/Rome", "UTC+1 07:00 +0");
        check_zone("Europe/Berlin", "UTC+1 07:00 +0");
        check_zone("Europe/London", "UTC+0 06:00 +0");
        check_zone("Europe/Moscow", "UTC+3 09:00 +0");
        // Half- and quarter-hour offsets; Iran dropped DST in 2022.
        check_zone("Asia/Tehran", "UTC+3:30 09:30 +0");
        check_zone("Asia/Kabul", "UTC+4:30 10:30 +0");
        check_zone("Asia/Kolkata", "UTC+5:30 11:30 +0");
        check_zone("Asia/Kathmandu", "UTC+5:45 11:45 +0");
        check_zone("Australia/Eucla", "UTC+8:45 14:45 +0");
        check_zone("America/St_Johns", "UTC-3:30 02:30 +0");
        // Southern-hemisphere summer time on that date.
        check_zone("Australia/Sydney", "UTC+11 17:00 +0");
        check_zone("Australia/Adelaide", "UTC+10:30 16:30 +0");
        check_zone("Australia/Brisbane", "UTC+10 16:00 +0");
        check_zone("Pacific/Auckland", "UTC+13 19:00 +0");
        check_zone("Pacific/Chatham", "UTC+13:45 19:45 +0");
        check_zone("America/Santiago", "UTC-3 03:00 +0");
        check_zone("America/Sao_Paulo", "UTC-3 03:00 +0");
        // Northern-hemisphere winter.
        check_zone("America/New_York", "UTC-5 01:00 +0");
        check_zone("America/Chicago", "UTC-6 00:00 +0");
        // Both sides of the date line: late the evening before, or already the next day.
        check_zone("America/Los_Angeles", "UTC-8 22:00 -1");
        check_zone("America/Anchorage", "UTC-9 21:00 -1");
        check_zone("Pacific/Honolulu", "UTC-10 20:00 -1");
        check_zone("Pacific/Pago_Pago", "UTC-11 19:00 -1");
        check_zone("Pacific/Kiritimati", "UTC+14 20:00 +0");
        check_zone("Pacific/Tongatapu", "UTC+13 19:00 +0");
        check_zone("Asia/Tokyo", "UTC+9 15:00 +0");
    }

    /// `expect` is "offset date time day_shift" for `instant` against an event on `event_date`.
    fn check_instant(instant: &str, zone: &str, event_date: &str, expect: &str) {
        let z = in_zone(utc(instant), parse_zone(zone).unwrap(), date(event_date));
        assert_eq!(format!("{} {} {} {:+}", z.offset, z.date, z.time, z.day_shift), expect, "{zone}");
    }

    #[test]
    fn end_of_the_event_crosses_midnight_far_east_and_west() {
        let day = "2023-12-05";
        check_instant("2023-12-05T09:00:00Z", "Pacific/Kiritimati", day, "UTC+14 2023-12-05 23:00 +0");
        check_instant("2023-12-05T10:00:00Z", "Pacific/Kiritimati", day, "UTC+14 2023-12-06 00:00 +1");
        check_instant("2023-12-05T09:00:00Z", "Pacific/Pago_Pago", day, "UTC-11 2023-12-04 22:00 -1");
        check_instant("2023-12-05T11:00:00Z", "Pacific/Pago_Pago", day, "UTC-11 2023-12-05 00:00 +0");
        // The offset is the one at the instant: Almaty is UTC+5 after March 2024, Berlin +2 in summer.
        check_instant("2024-12-05T06:00:00Z", "Asia/Almaty", "2024-12-05", "UTC+5 2024-12-05 11:00 +0");
        check_instant("2024-06-05T06:00:00Z", "Europe/Berlin", "2024-06-05", "UTC+2 2024-06-05 08:00 +0");
        // Far-off instants saturate instead of wrapping.
        check_instant("2024-12-05T06:00:00Z", "Asia/Baku", day, "UTC+4 2024-12-05 10:00 +127");
    }

    #[test]
    fn abbreviations_come_from_the_tz_database() {
        let ev = Event::embedded();
        let (start, _) = event_instants(&ev);
        let abbrev = |zone: &str| in_zone(start, parse_zone(zone).unwrap(), ev.date).abbrev;
        assert_eq!(abbrev("Asia/Baku"), "+04");
        assert_eq!(abbrev("Europe/Berlin"), "CET");
        assert_eq!(abbrev("Asia/Kolkata"), "IST");
        assert_eq!(abbrev("Australia/Sydney"), "AEDT");
        assert_eq!(abbrev("America/New_York"), "EST");
        assert_eq!(abbrev("UTC"), "UTC");
        assert_eq!(abbrev("Asia/Almaty"), "+06");
        assert_eq!(abbrev("Asia/Kathmandu"), "+0545");
        assert_eq!(abbrev("America/St_Johns"), "NST");
        assert_eq!(abbrev("Asia/Tehran"), "+0330");
        assert_eq!(abbrev("America/Noronha"), "-02");
    }

    #[test]
    fn zone_time_json_is_pinned() {
        let ev = Event::embedded();
        let (start, _) = event_instants(&ev);
        let json = serde_json::to_string(&in_zone(start, chrono_tz::Asia::Kathmandu, ev.date)).unwrap();
        assert_eq!(
            json,
            r#"{"zone":"Asia/Kathmandu","abbrev":"+0545","offset_seconds":20700,"offset":"UTC+5:45","date":"2023-12-05","time":"11:45","day_shift":0}"#
        );
    }

    fn check_parse(name: &str, expect: &str) {
        let got = match parse_zone(name) {
            Ok(tz) => tz.name().to_owned(),
            Err(e) => e.to_string(),
        };
        assert_eq!(got, expect, "{name:?}");
    }

    #[test]
    fn zone_names() {
        check_parse("Asia/Baku", "Asia/Baku");
        check_parse("asia/baku", "Asia/Baku");
        check_parse("EUROPE/ROME", "Europe/Rome");
        check_parse(" Asia/Almaty ", "Asia/Almaty");
        check_parse("america/argentina/buenos_aires", "America/Argentina/Buenos_Aires");
        check_parse("Asia/Calcutta", "Asia/Calcutta");
        check_parse("UTC", "UTC");
        check_parse("Asia/Bakuu", "unknown time zone \"Asia/Bakuu\"");
        check_parse("", "unknown time zone \"\"");
        check_parse("+04:00", "unknown time zone \"+04:00\"");
    }

    #[test]
    fn zone_list_has_the_region_first_and_no_legacy_names() {
        let list = zone_list();
        assert_eq!(&list[..region_zone_count()], REGION_ZONES);
        assert_eq!(list[0], "Asia/Baku");
        let unique: HashSet<_> = list.iter().collect();
        assert_eq!(unique.len(), list.len(), "duplicate names");
        for name in &list {
            assert!(parse_zone(name).is_ok(), "{name}");
        }
        let rest = &list[region_zone_count()..list.len() - 1];
        assert!(rest.windows(2).all(|w| w[0] < w[1]), "the rest is sorted");
        assert_eq!(list.last(), Some(&"UTC"));
        for present in ["Europe/Oslo", "Asia/Kolkata", "America/Argentina/Buenos_Aires", "Pacific/Kiritimati"] {
            assert!(list.contains(&present), "{present} missing");
        }
        for absent in ["Asia/Calcutta", "US/Eastern", "Etc/GMT+3", "EST5EDT", "Europe/Kiev", "Australia/NSW"] {
            assert!(!list.contains(&absent), "{absent} listed");
        }
        for legacy in LEGACY {
            assert!(parse_zone(legacy).is_ok(), "{legacy} is not a tz name: the list is stale");
        }
        assert!(list.len() > 300, "{}", list.len());
    }

    /// `at` is a Baku wall-clock time on the event date, or a full RFC 3339 instant.
    fn check_phase(at: &str, expect: Phase) {
        let ev = Event::embedded();
        let now = if at.len() == 5 || at.len() == 8 {
            let t = NaiveTime::parse_from_str(at, "%H:%M").or_else(|_| NaiveTime::parse_from_str(at, "%H:%M:%S"));
            local_instant(ev.tz, ev.date, t.unwrap())
        } else {
            utc(at)
        };
        assert_eq!(phase(&ev, now), expect, "{at}");
    }

    fn during(current: usize, next: Option<usize>, ends_in: i64) -> Phase {
        Phase::During { current: Some(current), next, current_ends_in_seconds: ends_in }
    }

    fn before(secs: i64, soon: bool) -> Phase {
        Phase::Before { starts_in_seconds: secs, soon }
    }

    #[test]
    fn live_phase_at_every_boundary() {
        check_phase("2022-12-05T06:00:00Z", before(365 * 86_400, false));
        check_phase("09:00", before(3600, false));
        check_phase("09:44:59", before(15 * 60 + 1, false));
        // A running clock is a fraction past the second: still not "soon" (seconds are rounded up).
        check_phase("2023-12-05T05:44:59.500Z", before(15 * 60 + 1, false));
        check_phase("2023-12-05T05:44:59.999Z", before(15 * 60 + 1, false));
        check_phase("2023-12-05T06:40:00.001Z", during(2, Some(3), 50 * 60));
        check_phase("09:45", before(15 * 60, true));
        check_phase("09:59", before(60, true));
        check_phase("09:59:59", before(1, true));
        check_phase("10:00", during(0, Some(1), 15 * 60));
        check_phase("10:14:59", during(0, Some(1), 1));
        check_phase("10:15", during(1, Some(2), 25 * 60));
        check_phase("10:39", during(1, Some(2), 60));
        check_phase("10:40", during(2, Some(3), 50 * 60));
        check_phase("10:41", during(2, Some(3), 49 * 60));
        check_phase("11:30", during(3, Some(4), 30 * 60));
        check_phase("12:00", during(4, Some(5), 30 * 60));
        check_phase("12:30", during(5, Some(6), 25 * 60));
        check_phase("12:55", during(6, None, 5 * 60));
        check_phase("12:59", during(6, None, 60));
        check_phase("12:59:59", during(6, None, 1));
        check_phase("13:00", Phase::After);
        check_phase("13:01", Phase::After);
        check_phase("2024-12-05T06:00:00Z", Phase::After);
    }

    #[test]
    fn breaks_between_items_have_no_current_item() {
        // Organisers shorten session 3 to end at 11:50, leaving a ten-minute break before session 4.
        let json = crate::event::EVENT_JSON
            .replacen(r#""start": "11:30", "end": "12:00""#, r#""start": "11:30", "end": "11:50""#, 1)
            .replacen(r#""start": "10:00", "end": "10:15""#, r#""start": "10:05", "end": "10:15""#, 1);
        let ev = Event::parse(&json).unwrap();
        let at = |t: &str| phase(&ev, local_instant(ev.tz, ev.date, time(t)));
        let gap = |next, ends_in| Phase::During { current: None, next, current_ends_in_seconds: ends_in };
        assert_eq!(at("10:00"), gap(Some(0), 5 * 60));
        assert_eq!(at("10:05"), during(0, Some(1), 10 * 60));
        assert_eq!(at("11:49"), during(3, Some(4), 60));
        assert_eq!(at("11:50"), gap(Some(4), 10 * 60));
        assert_eq!(at("11:59"), gap(Some(4), 60));
        assert_eq!(at("12:00"), during(4, Some(5), 30 * 60));
    }

    #[test]
    fn phase_json_is_pinned() {
        let json = |p: &Phase| serde_json::to_string(p).unwrap();
        assert_eq!(json(&before(600, true)), r#"{"phase":"before","starts_in_seconds":600,"soon":true}"#);
        assert_eq!(
            json(&during(2, Some(3), 60)),
            r#"{"phase":"during","current":2,"next":3,"current_ends_in_seconds":60}"#
        );
        assert_eq!(
            json(&Phase::During { current: None, next: None, current_ends_in_seconds: 5 }),
            r#"{"phase":"during","current":null,"next":null,"current_ends_in_seconds":5}"#
        );
        assert_eq!(json(&Phase::After), r#"{"phase":"after"}"#);
    }

    /// `expect` is "days hours minutes", or "<1m".
    fn check_countdown(secs: i64, expect: &str) {
        let c = countdown_parts(secs);
        let got =
            if c.less_than_minute { "<1m".to_owned() } else { format!("{}d {}h {}m", c.days, c.hours, c.minutes) };
        assert_eq!(got, expect, "{secs}");
    }

    #[test]
    fn countdown_keeps_two_units() {
        check_countdown(-30, "<1m");
        check_countdown(0, "<1m");
        check_countdown(59, "<1m");
        check_countdown(60, "0d 0h 1m");
        check_countdown(119, "0d 0h 1m");
        check_countdown(15 * 60, "0d 0h 15m");
        check_countdown(3600, "0d 1h 0m");
        check_countdown(2 * 3600 + 5 * 60 + 59, "0d 2h 5m");
        check_countdown(86_399, "0d 23h 59m");
        check_countdown(86_400, "1d 0h 0m");
        check_countdown(86_400 + 30 * 60, "1d 0h 0m");
        check_countdown(3 * 86_400 + 4 * 3600 + 59 * 60, "3d 4h 0m");
        check_countdown(365 * 86_400, "365d 0h 0m");
    }

    fn fluent_format(
        bundle: &fluent_bundle::FluentBundle<fluent_bundle::FluentResource>,
        id: &str,
        count: i64,
    ) -> String {
        let msg = bundle.get_message(id).unwrap_or_else(|| panic!("{id} missing"));
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("count", count);
        let mut errors = vec![];
        let out = bundle.format_pattern(msg.value().unwrap(), Some(&args), &mut errors);
        assert!(errors.is_empty(), "{id}: {errors:?}");
        out.into_owned()
    }

    fn bundle(
        lang: unic_langid::LanguageIdentifier,
        ftl: &'static str,
    ) -> fluent_bundle::FluentBundle<fluent_bundle::FluentResource> {
        let res = fluent_bundle::FluentResource::try_new(ftl.to_owned()).unwrap_or_else(|(_, e)| panic!("{e:?}"));
        let mut b = fluent_bundle::FluentBundle::new(vec![lang]);
        b.set_use_isolating(false);
        b.add_resource(res).unwrap_or_else(|e| panic!("{e:?}"));
        b
    }

    #[test]
    fn duration_units_are_pluralised() {
        let en = bundle(unic_langid::langid!("en"), include_str!("../../../locales/en/time.ftl"));
        let ru = bundle(unic_langid::langid!("ru"), include_str!("../../../locales/ru/time.ftl"));
        let check = |id: &str, count: i64, expect_en: &str, expect_ru: &str| {
            assert_eq!(fluent_format(&en, id, count), expect_en);
            assert_eq!(fluent_format(&ru, id, count), expect_ru);
        };
        check("time-days", 1, "1 day", "1 день");
        check("time-days", 2, "2 days", "2 дня");
        check("time-days", 5, "5 days", "5 дней");
        check("time-days", 11, "11 days", "11 дней");
        check("time-days", 21, "21 days", "21 день");
        check("time-days", 22, "22 days", "22 дня");
        check("time-hours", 1, "1 hour", "1 час");
        check("time-hours", 2, "2 hours", "2 часа");
        check("time-hours", 5, "5 hours", "5 часов");
        check("time-hours", 21, "21 hours", "21 час");
        check("time-hours", 22, "22 hours", "22 часа");
        check("time-minutes", 1, "1 minute", "1 минута");
        check("time-minutes", 2, "2 minutes", "2 минуты");
        check("time-minutes", 5, "5 minutes", "5 минут");
        check("time-minutes", 21, "21 minutes", "21 минута");
        check("time-minutes", 22, "22 minutes", "22 минуты");
        check("time-minutes", 14, "14 minutes", "14 минут");
    }
}
