//! View models: what each screen shows, computed from the event, the language, the participant's zone and
//! "now". Texts are referenced by Fluent id for the UI to translate; times and dates are formatted here, so
//! the webview never does time maths.

use crate::event::Event;
use crate::format;
use crate::i18n::Lang;
use crate::schedule::{self, Phase};
use chrono::{DateTime, Utc};
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
    /// -1, 0 or +1: the start's calendar day relative to the event's date in the event's zone.
    pub day_shift: i8,
}

pub fn zone_range(ev: &Event, tz: Tz, start: DateTime<Utc>, end: DateTime<Utc>, lang: Lang) -> ZoneRange {
    let s = schedule::in_zone(start, tz, ev.date);
    let e = schedule::in_zone(end, tz, ev.date);
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

#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    pub date: String,
    pub event: ZoneRange,
    pub local: ZoneRange,
    /// The participant's zone has the same offset as the event's on that day: one column is enough.
    pub same_offset: bool,
    pub phase: Phase,
}

pub fn overview(ev: &Event, lang: Lang, tz: Tz, now: DateTime<Utc>) -> Overview {
    let (start, end) = schedule::event_instants(ev);
    let event = zone_range(ev, ev.tz, start, end, lang);
    let local = zone_range(ev, tz, start, end, lang);
    Overview {
        date: format::date_with_weekday(ev.date, lang),
        same_offset: event.offset == local.offset && event.day_shift == local.day_shift,
        event,
        local,
        phase: schedule::phase(ev, now),
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

pub fn agenda(ev: &Event, lang: Lang, tz: Tz, now: DateTime<Utc>) -> Vec<AgendaRow> {
    let states = item_states(ev, now);
    ev.agenda
        .iter()
        .zip(states)
        .map(|(item, state)| {
            let (start, end) = schedule::item_instants(ev, item);
            AgendaRow {
                id: item.id.clone(),
                session: item.session,
                event: zone_range(ev, ev.tz, start, end, lang),
                local: zone_range(ev, tz, start, end, lang),
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
            host: r.url.as_deref().and_then(|u| url::Url::parse(u).ok()).and_then(|u| u.host_str().map(str::to_owned)),
        })
        .collect()
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
        let rows = agenda(&ev, lang, tz, now);
        let got: Vec<String> = rows
            .iter()
            .map(|r| format!("{} {}-{}/{}-{}{} {:?}", r.id, r.event.start, r.event.end, r.local.start, r.local.end, if r.local.day_shift != 0 { format!("({:+})", r.local.day_shift) } else { String::new() }, r.state).to_lowercase())
            .collect();
        assert_eq!(got.join("; "), expect);
    }

    #[test]
    fn agenda_rows() {
        check(at(10, 41), chrono_tz::Europe::Berlin, Lang::En, "opening 10:00-10:15/07:00-07:15 past; session-1 10:15-10:40/07:15-07:40 past; session-2 10:40-11:30/07:40-08:30 now; session-3 11:30-12:00/08:30-09:00 next; session-4 12:00-12:30/09:00-09:30 later; questions 12:30-12:55/09:30-09:55 later; closing 12:55-13:00/09:55-10:00 later");
        check(at(9, 0), chrono_tz::Pacific::Honolulu, Lang::En, "opening 10:00-10:15/20:00-20:15(-1) next; session-1 10:15-10:40/20:15-20:40(-1) later; session-2 10:40-11:30/20:40-21:30(-1) later; session-3 11:30-12:00/21:30-22:00(-1) later; session-4 12:00-12:30/22:00-22:30(-1) later; questions 12:30-12:55/22:30-22:55(-1) later; closing 12:55-13:00/22:55-23:00(-1) later");
        check(at(13, 0), chrono_tz::Asia::Baku, Lang::Ru, "opening 10:00-10:15/10:00-10:15 past; session-1 10:15-10:40/10:15-10:40 past; session-2 10:40-11:30/10:40-11:30 past; session-3 11:30-12:00/11:30-12:00 past; session-4 12:00-12:30/12:00-12:30 past; questions 12:30-12:55/12:30-12:55 past; closing 12:55-13:00/12:55-13:00 past");
    }

    #[test]
    fn overview_header() {
        let ev = Event::embedded();
        let o = overview(&ev, Lang::Ru, chrono_tz::Asia::Almaty, at(9, 0));
        assert_eq!((o.event.start.as_str(), o.event.end.as_str(), o.event.offset.as_str()), ("10:00", "13:00", "UTC+4"));
        assert_eq!((o.local.start.as_str(), o.local.offset.as_str()), ("12:00", "UTC+6"));
        assert_eq!(o.date, "вторник, 5 декабря 2023 г.");
        assert!(!o.same_offset);
    }

    #[test]
    fn resource_cards() {
        let ev = Event::embedded();
        let cards = resources(&ev, Lang::En);
        let gcm = cards.iter().find(|c| c.id == "gcm").unwrap();
        assert_eq!((gcm.host.as_deref(), gcm.date.as_deref(), gcm.symbol.as_deref()), (Some("undocs.org"), Some("19 December 2018"), Some("A/RES/73/195")));
        let imrf = cards.iter().find(|c| c.id == "imrf-progress-declaration").unwrap();
        assert_eq!(imrf.host, None);
    }
}
