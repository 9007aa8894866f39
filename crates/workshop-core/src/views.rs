//! View models: what each screen shows, computed from the event, the language, the participant's zone and
//! "now". Texts are referenced by Fluent id for the UI to translate; times and dates are formatted here, so
//! the webview never does time maths.

use crate::event::Event;
use crate::format;
use crate::i18n::{Lang, Localizer};
use crate::schedule::{self, Phase};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::Serialize;

/// One time range as seen in one zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ZoneRange {
    pub zone: String,
    pub abbrev: String,
    pub offset: String,
    pub date: String,
    pub start: String,
    pub end: String,
    /// -1, 0 or +1: the start's calendar day relative to `day` (the event's or the item's day in the event's
    /// zone).
    pub day_shift: i8,
}

/// `start`–`end` as shown in `tz`, with the day shift from `day` (a day in the event's zone).
pub fn zone_range(day: NaiveDate, tz: Tz, start: DateTime<Utc>, end: DateTime<Utc>, lang: Lang) -> ZoneRange {
    let s = schedule::in_zone(start, tz, day);
    let e = schedule::in_zone(end, tz, day);
    ZoneRange {
        zone: s.zone,
        abbrev: s.abbrev,
        offset: s.offset,
        date: format::date_long(s.date, lang),
        start: s.time,
        end: e.time,
        day_shift: s.day_shift,
    }
}

/// The numbers `n` of the messages `<prefix>1`, `<prefix>2`, … counting up from 1 while the message exists in
/// `lang` or, as the participant would then see it, in `en`. An event pack has as many concept paragraphs or
/// aims as it likes; the views and search take them all.
pub fn numbered(l10n: &Localizer, lang: Lang, prefix: &str) -> Vec<u16> {
    let exists = |n: &u16| {
        let id = format!("{prefix}{n}");
        l10n.has(lang, &id) || l10n.has(Lang::En, &id)
    };
    (1..=u16::MAX).take_while(exists).collect()
}

#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    pub date: String,
    pub event: ZoneRange,
    pub local: ZoneRange,
    /// The participant's zone has the same offset as the event's on that day: one column is enough.
    pub same_offset: bool,
    pub phase: Phase,
    /// The aims' numbers, in order: their texts are the event pack's `overview-aim-<n>`.
    pub aims: Vec<u16>,
    /// An event over several days, day by day: from the day's first item to its last, in the event's zone and in
    /// `tz`. Empty for a one-day event, whose `event` and `local` say it all.
    pub days: Vec<OverviewDay>,
}

/// One day of an event over several days.
#[derive(Debug, Clone, Serialize)]
pub struct OverviewDay {
    /// The day in the event's zone, long form ("16 March 2027").
    pub date: String,
    pub event: ZoneRange,
    pub local: ZoneRange,
}

/// Each day that has agenda items, with the span of its items; empty for a one-day event.
fn days(ev: &Event, tz: Tz, lang: Lang) -> Vec<OverviewDay> {
    if ev.end_date == ev.date {
        return Vec::new();
    }
    let mut out: Vec<(chrono::NaiveDate, DateTime<Utc>, DateTime<Utc>)> = Vec::new();
    for item in &ev.agenda {
        let (s, e) = schedule::item_instants(ev, item);
        match out.last_mut() {
            Some((day, _, end)) if *day == item.date => *end = (*end).max(e),
            _ => out.push((item.date, s, e)),
        }
    }
    out.into_iter()
        .map(|(day, s, e)| OverviewDay {
            date: format::date_long(day, lang),
            event: zone_range(day, ev.tz, s, e, lang),
            local: zone_range(day, tz, s, e, lang),
        })
        .collect()
}

pub fn overview(ev: &Event, l10n: &Localizer, lang: Lang, tz: Tz, now: DateTime<Utc>) -> Overview {
    let (start, end) = schedule::event_instants(ev);
    let event = zone_range(ev.date, ev.tz, start, end, lang);
    let local = zone_range(ev.date, tz, start, end, lang);
    Overview {
        date: crate::agenda_table::event_dates(ev, lang),
        same_offset: same_offset(&event, &local),
        event,
        local,
        phase: schedule::phase(ev, now),
        aims: numbered(l10n, lang, "overview-aim-"),
        days: days(ev, tz, lang),
    }
}

/// The concept note view: `{"paragraphs": [1, …, 13]}`, the paragraphs' numbers in order. Their texts are the
/// event pack's `concept-p<n>`, each shown with the element id `concept-p<n>` (search's anchor).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Concept {
    pub paragraphs: Vec<u16>,
}

/// The one list of the concept note's paragraphs, for the view and for search.
pub fn concept(l10n: &Localizer, lang: Lang) -> Concept {
    Concept { paragraphs: numbered(l10n, lang, "concept-p") }
}

/// The two ranges of the same instants agree in UTC offset and calendar day: one time column is enough.
fn same_offset(event: &ZoneRange, local: &ZoneRange) -> bool {
    event.offset == local.offset && event.day_shift == local.day_shift
}

/// Where the event stands, as the join panel and the live cue need it. Serialised lowercase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MeetingStage {
    /// More than [`schedule::SOON_SECONDS`] before the start.
    Before,
    /// At most [`schedule::SOON_SECONDS`] (15 minutes) before the start.
    Soon,
    /// From the start (inclusive) to the end (exclusive).
    During,
    After,
}

impl MeetingStage {
    pub fn of(phase: &Phase) -> MeetingStage {
        match phase {
            Phase::Before { soon: false, .. } => MeetingStage::Before,
            Phase::Before { soon: true, .. } => MeetingStage::Soon,
            Phase::During { .. } => MeetingStage::During,
            Phase::After => MeetingStage::After,
        }
    }
}

/// The meeting's standing for the UI: `{"stage": "before"|"soon"|"during"|"after", "prominent": bool}`. Sent in
/// `live` (as `meeting`) and flattened into the join panel (`meeting`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MeetingStatus {
    pub stage: MeetingStage,
    /// Primary styling for "Join": a meeting link is known (the participant's saved one or the organisers') and
    /// the event starts within 15 minutes or is running.
    pub prominent: bool,
}

impl MeetingStatus {
    /// The rule, in one place: prominent when `link_known` and the stage is soon or during.
    pub fn new(phase: &Phase, link_known: bool) -> MeetingStatus {
        let stage = MeetingStage::of(phase);
        MeetingStatus { stage, prominent: link_known && matches!(stage, MeetingStage::Soon | MeetingStage::During) }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemState {
    Past,
    Now,
    Next,
    Later,
}

#[derive(Debug, Clone, Serialize)]
pub struct SpeakerRow {
    pub id: String,
    pub tbc: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct AgendaRow {
    pub id: String,
    /// A multi-day event's day, with weekday, on the first item of each day (a heading above it); else `None`.
    pub day: Option<String>,
    pub session: Option<u8>,
    pub event: ZoneRange,
    pub local: ZoneRange,
    pub topics: Vec<String>,
    pub speakers: Vec<SpeakerRow>,
    pub state: ItemState,
}

/// Where each agenda item stands at `now`, in agenda order.
pub fn item_states(ev: &Event, now: DateTime<Utc>) -> Vec<ItemState> {
    let phase = schedule::phase(ev, now);
    ev.agenda
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let (_, end) = schedule::item_instants(ev, item);
            match &phase {
                Phase::Before { .. } => {
                    if i == 0 {
                        ItemState::Next
                    } else {
                        ItemState::Later
                    }
                }
                Phase::After => ItemState::Past,
                Phase::During { current, next, .. } => {
                    if Some(i) == *current {
                        ItemState::Now
                    } else if Some(i) == *next {
                        ItemState::Next
                    } else if end <= now {
                        ItemState::Past
                    } else {
                        ItemState::Later
                    }
                }
            }
        })
        .collect()
}

/// The agenda view: `{"same_offset": bool, "rows": [AgendaRow, …]}`.
#[derive(Debug, Clone, Serialize)]
pub struct Agenda {
    /// The participant's zone has the same UTC offset and day as the event's zone on the event's date (at its
    /// start): the view shows one time column instead of two.
    pub same_offset: bool,
    /// The items in agenda order.
    pub rows: Vec<AgendaRow>,
}

/// The agenda in `lang`, with times in the event's zone and in `tz`, and where each item stands at `now`.
pub fn agenda(ev: &Event, lang: Lang, tz: Tz, now: DateTime<Utc>) -> Agenda {
    let (start, end) = schedule::event_instants(ev);
    let same = same_offset(&zone_range(ev.date, ev.tz, start, end, lang), &zone_range(ev.date, tz, start, end, lang));
    Agenda { same_offset: same, rows: agenda_rows(ev, lang, tz, now) }
}

fn agenda_rows(ev: &Event, lang: Lang, tz: Tz, now: DateTime<Utc>) -> Vec<AgendaRow> {
    let states = item_states(ev, now);
    let mut previous = None;
    ev.agenda
        .iter()
        .zip(states)
        .map(|(item, state)| {
            let (start, end) = schedule::item_instants(ev, item);
            AgendaRow {
                id: item.id.clone(),
                session: item.session,
                day: (ev.is_multi_day() && Some(item.date) != previous.replace(item.date))
                    .then(|| format::date_with_weekday(item.date, lang)),
                event: zone_range(item.date, ev.tz, start, end, lang),
                local: zone_range(item.date, tz, start, end, lang),
                topics: item.topics.clone(),
                speakers: item.speakers.iter().map(|s| SpeakerRow { id: s.id.clone(), tbc: s.tbc }).collect(),
                state,
            }
        })
        .collect()
}

#[derive(Debug, Clone, Serialize)]
pub struct ResourceCard {
    pub id: String,
    pub symbol: Option<String>,
    pub date: Option<String>,
    /// The host of the official link, shown so the participant knows where "Open" leads.
    pub host: Option<String>,
}

pub fn resources(ev: &Event, lang: Lang) -> Vec<ResourceCard> {
    ev.resources
        .iter()
        .map(|r| ResourceCard {
            id: r.id.clone(),
            symbol: r.symbol.clone(),
            date: r.date.map(|d| format::date_long(d, lang)),
            host: r.url_in(lang).and_then(|u| url::Url::parse(u).ok()).and_then(|u| u.host_str().map(str::to_owned)),
        })
        .collect()
}

/// How many objectives the Global Compact has; their Fluent ids are `gcm-objective-1` … `gcm-objective-23`.
pub const GCM_OBJECTIVES: u8 = 23;

/// The Global Compact's ten guiding principles, in the order the Compact lists them (and the app shows them).
/// Each has the Fluent message `gcm-principle-<id>`; the locale test checks there are no others.
pub const GCM_PRINCIPLES: [&str; 10] = [
    "people-centred",
    "international-cooperation",
    "national-sovereignty",
    "rule-of-law",
    "sustainable-development",
    "human-rights",
    "gender-responsive",
    "child-sensitive",
    "whole-of-government",
    "whole-of-society",
];

/// The GCM view: `{"objectives": [1, …, 23], "principles": ["people-centred", …]}`, ids in display order. The
/// texts are the Fluent messages `gcm-objective-<n>` and `gcm-principle-<id>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Gcm {
    pub objectives: Vec<u8>,
    pub principles: Vec<&'static str>,
}

/// The one list of the GCM's objectives and principles, for the view and for search.
pub fn gcm() -> Gcm {
    Gcm { objectives: (1..=GCM_OBJECTIVES).collect(), principles: GCM_PRINCIPLES.to_vec() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        // Baku is UTC+4 on the event's date.
        Utc.with_ymd_and_hms(2023, 12, 5, h - 4, m, 0).unwrap()
    }

    fn check(now: DateTime<Utc>, tz: Tz, lang: Lang, expect: &str) {
        let ev = Event::embedded();
        let rows = agenda(&ev, lang, tz, now).rows;
        let got: Vec<String> = rows
            .iter()
            .map(|r| {
                format!(
                    "{} {}-{}/{}-{}{} {:?}",
                    r.id,
                    r.event.start,
                    r.event.end,
                    r.local.start,
                    r.local.end,
                    if r.local.day_shift != 0 { format!("({:+})", r.local.day_shift) } else { String::new() },
                    r.state
                )
                .to_lowercase()
            })
            .collect();
        assert_eq!(got.join("; "), expect);
    }

    #[test]
    fn agenda_rows() {
        check(at(10, 41), chrono_tz::Europe::Berlin, Lang::En, "opening 10:00-10:15/07:00-07:15 past; session-1 10:15-10:40/07:15-07:40 past; session-2 10:40-11:30/07:40-08:30 now; session-3 11:30-12:00/08:30-09:00 next; session-4 12:00-12:30/09:00-09:30 later; questions 12:30-12:55/09:30-09:55 later; closing 12:55-13:00/09:55-10:00 later");
        check(at(9, 0), chrono_tz::Pacific::Honolulu, Lang::En, "opening 10:00-10:15/20:00-20:15(-1) next; session-1 10:15-10:40/20:15-20:40(-1) later; session-2 10:40-11:30/20:40-21:30(-1) later; session-3 11:30-12:00/21:30-22:00(-1) later; session-4 12:00-12:30/22:00-22:30(-1) later; questions 12:30-12:55/22:30-22:55(-1) later; closing 12:55-13:00/22:55-23:00(-1) later");
        check(at(13, 0), chrono_tz::Asia::Baku, Lang::Ru, "opening 10:00-10:15/10:00-10:15 past; session-1 10:15-10:40/10:15-10:40 past; session-2 10:40-11:30/10:40-11:30 past; session-3 11:30-12:00/11:30-12:00 past; session-4 12:00-12:30/12:00-12:30 past; questions 12:30-12:55/12:30-12:55 past; closing 12:55-13:00/12:55-13:00 past");
    }

    /// The agenda's `same_offset` for a zone: the same offset and day as Baku's on 5 December 2023.
    #[test]
    #[rustfmt::skip]
    fn agenda_same_offset() {
        let ev = Event::embedded();
        let same = |tz: Tz| agenda(&ev, Lang::En, tz, at(9, 0)).same_offset;
        assert!(same(chrono_tz::Asia::Baku));
        assert!(same(chrono_tz::Asia::Tbilisi), "UTC+4 too");
        assert!(same(chrono_tz::Asia::Dubai));
        assert!(!same(chrono_tz::Asia::Almaty));
        assert!(!same(chrono_tz::Europe::Berlin));
        assert!(!same(chrono_tz::UTC));
        assert!(!same(chrono_tz::Pacific::Honolulu));
        // It agrees with the Overview's, and with the first row (which starts with the event) as the UI read it.
        for tz in [chrono_tz::Asia::Baku, chrono_tz::Asia::Almaty, chrono_tz::Pacific::Kiritimati] {
            let a = agenda(&ev, Lang::Ru, tz, at(9, 0));
            let first = &a.rows[0];
            assert_eq!(a.same_offset, first.event.offset == first.local.offset && first.event.day_shift == first.local.day_shift, "{tz}");
            assert_eq!(a.same_offset, overview(&ev, &Localizer::embedded(), Lang::Ru, tz, at(9, 0)).same_offset, "{tz}");
        }
        let json = serde_json::to_value(agenda(&ev, Lang::En, chrono_tz::Asia::Baku, at(9, 0))).unwrap();
        assert_eq!((json["same_offset"].as_bool(), json["rows"].as_array().map(Vec::len)), (Some(true), Some(7)));
    }

    /// The meeting's stage and prominence at a Baku time, with or without a known link.
    #[track_caller]
    fn check_status(h: u32, m: u32, link_known: bool, expect: &str) {
        let s = MeetingStatus::new(&schedule::phase(&Event::embedded(), at(h, m)), link_known);
        assert_eq!(serde_json::to_string(&s).unwrap(), expect);
    }

    #[test]
    #[rustfmt::skip]
    fn meeting_status_is_prominent_soon_and_during_with_a_link() {
        check_status(9, 44, true, r#"{"stage":"before","prominent":false}"#);
        check_status(9, 45, true, r#"{"stage":"soon","prominent":true}"#);
        check_status(9, 45, false, r#"{"stage":"soon","prominent":false}"#);
        check_status(10, 0, true, r#"{"stage":"during","prominent":true}"#);
        check_status(12, 59, true, r#"{"stage":"during","prominent":true}"#);
        check_status(12, 59, false, r#"{"stage":"during","prominent":false}"#);
        check_status(13, 0, true, r#"{"stage":"after","prominent":false}"#);
    }

    /// A one-day event has no day list; one over two days has a line per day with that day's hours, in the event's
    /// zone and the participant's (the day shifting where the zone is far off).
    #[test]
    fn an_event_over_two_days_is_shown_day_by_day() {
        let one = Event::embedded();
        let l10n = crate::i18n::Localizer::embedded();
        let now = one.date.and_hms_opt(0, 0, 0).unwrap().and_utc();
        assert!(overview(&one, &l10n, Lang::En, one.tz, now).days.is_empty());
        let mut two = one.clone();
        let next = one.date.succ_opt().unwrap();
        two.end_date = next;
        two.end = chrono::NaiveTime::from_hms_opt(12, 0, 0).unwrap();
        let n = two.agenda.len();
        for item in &mut two.agenda[n - 3..] {
            item.date = next;
        }
        let tz: Tz = "America/New_York".parse().unwrap();
        let o = overview(&two, &l10n, Lang::En, tz, now);
        let seen: Vec<(String, String, String, String, String, i8)> = o
            .days
            .iter()
            .map(|d| {
                let (e, l) = (&d.event, &d.local);
                (
                    d.date.clone(),
                    format!("{}–{}", e.start, e.end),
                    e.zone.clone(),
                    format!("{}–{}", l.start, l.end),
                    l.zone.clone(),
                    l.day_shift,
                )
            })
            .collect();
        let day = |d: &str, e: &str, l: &str, shift: i8| {
            (d.to_owned(), e.to_owned(), "Asia/Baku".to_owned(), l.to_owned(), "America/New_York".to_owned(), shift)
        };
        assert_eq!(
            seen,
            vec![
                day("5 December 2023", "10:00–12:00", "01:00–03:00", 0),
                day("6 December 2023", "12:00–13:00", "03:00–04:00", 0),
            ]
        );
    }

    /// The GCM's ids, in display order, each with its text in every language; and no principle in the locale
    /// files that the list lacks.
    #[test]
    fn gcm_ids_match_the_locale_files() {
        let g = gcm();
        assert_eq!(
            serde_json::to_string(&g).unwrap(),
            r#"{"objectives":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23],"principles":["people-centred","international-cooperation","national-sovereignty","rule-of-law","sustainable-development","human-rights","gender-responsive","child-sensitive","whole-of-government","whole-of-society"]}"#
        );
        let l10n = crate::i18n::Localizer::embedded();
        for lang in Lang::ALL {
            let shapes = crate::i18n::shapes(lang);
            let mut in_files: Vec<&str> = shapes.keys().filter_map(|id| id.strip_prefix("gcm-principle-")).collect();
            let mut listed = g.principles.clone();
            in_files.sort_unstable();
            listed.sort_unstable();
            assert_eq!(in_files, listed, "gcm-principle-* in {lang:?}");
            let objectives = shapes
                .keys()
                .filter(|id| id.strip_prefix("gcm-objective-").is_some_and(|n| n.parse::<u8>().is_ok()))
                .count();
            assert_eq!(objectives, usize::from(GCM_OBJECTIVES), "gcm-objective-<n> in {lang:?}");
            for n in &g.objectives {
                assert!(l10n.has(lang, &format!("gcm-objective-{n}")), "gcm-objective-{n} in {lang:?}");
            }
        }
    }

    #[test]
    fn overview_header() {
        let ev = Event::embedded();
        let o = overview(&ev, &Localizer::embedded(), Lang::Ru, chrono_tz::Asia::Almaty, at(9, 0));
        assert_eq!(
            (o.event.start.as_str(), o.event.end.as_str(), o.event.offset.as_str()),
            ("10:00", "13:00", "UTC+4")
        );
        assert_eq!((o.local.start.as_str(), o.local.offset.as_str()), ("12:00", "UTC+6"));
        assert_eq!(o.date, "вторник, 5 декабря 2023 г.");
        assert!(!o.same_offset);
        assert_eq!(o.aims, [1, 2, 3, 4, 5], "the built-in pack's five aims");
    }

    /// Concept paragraphs and overview aims: as many as the bundle has, counted up from 1 to the first gap; a
    /// message only in `en` counts (the participant sees it in English).
    #[test]
    fn numbered_messages_are_counted_in_the_bundle() {
        let l10n = Localizer::embedded();
        for lang in Lang::ALL {
            assert_eq!(concept(&l10n, lang).paragraphs, (1..=13).collect::<Vec<_>>(), "{lang:?}");
            assert_eq!(numbered(&l10n, lang, "overview-aim-"), [1, 2, 3, 4, 5], "{lang:?}");
        }
        let files = [
            ("en", "a", "p1 = One\np2 = Two\np3 = Three\np5 = Five\naim-1 = A\n"),
            ("ru", "a", "p1 = Один\np2 = Два\n"),
        ];
        let l10n = Localizer::from_files(&files).unwrap();
        assert_eq!(numbered(&l10n, Lang::En, "p"), [1, 2, 3], "stops at the first gap");
        assert_eq!(numbered(&l10n, Lang::Ru, "p"), [1, 2, 3], "p3 falls back to en");
        assert_eq!(numbered(&l10n, Lang::Ru, "aim-"), [1]);
        assert_eq!(numbered(&l10n, Lang::En, "none-"), Vec::<u16>::new());
        assert_eq!(serde_json::to_string(&concept(&l10n, Lang::En)).unwrap(), r#"{"paragraphs":[]}"#);
    }

    #[test]
    fn resource_cards() {
        let ev = Event::embedded();
        let cards = resources(&ev, Lang::En);
        let gcm = cards.iter().find(|c| c.id == "gcm").unwrap();
        assert_eq!(
            (gcm.host.as_deref(), gcm.date.as_deref(), gcm.symbol.as_deref()),
            (Some("undocs.org"), Some("19 December 2018"), Some("A/RES/73/195"))
        );
        let imrf = cards.iter().find(|c| c.id == "imrf-progress-declaration").unwrap();
        assert_eq!(imrf.host, None);
    }
}
