//! What changed between two versions of an event, for the participant who opens a newer pack: agenda items added,
//! removed or moved in time, speakers confirmed, the event's own time or meeting link changed.

use crate::event::Event;
use chrono::{NaiveDate, NaiveTime};

/// One change, by id; the shell words it with the new (or, for a removed item, the old) pack's texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// The event's date or times changed (in the event's zone).
    EventMoved {
        date: NaiveDate,
        start: NaiveTime,
        end: NaiveTime,
    },
    ItemAdded {
        item: String,
    },
    ItemRemoved {
        item: String,
    },
    /// Start or end (event time) changed: the new times.
    ItemMoved {
        item: String,
        start: NaiveTime,
        end: NaiveTime,
    },
    /// A speaker who was "to be confirmed" is confirmed.
    SpeakerConfirmed {
        item: String,
        speaker: String,
    },
    SpeakerAdded {
        item: String,
        speaker: String,
    },
    SpeakerRemoved {
        item: String,
        speaker: String,
    },
    /// The shipped meeting link changed, appeared or went away.
    MeetingChanged,
}

/// The changes from `old` to `new`, in agenda order (removed items after the others).
///
/// # Example
/// ```
/// use workshop_core::pack::changes::{changes, Change};
/// let old = workshop_core::Event::embedded();
/// let mut new = old.clone();
/// new.agenda[1].speakers.clear();
/// assert_eq!(
///     changes(&old, &new),
///     vec![Change::SpeakerRemoved { item: "session-1".into(), speaker: "kanako-mabuchi".into() }]
/// );
/// ```
pub fn changes(old: &Event, new: &Event) -> Vec<Change> {
    let mut out = Vec::new();
    if (old.date, old.start, old.end) != (new.date, new.start, new.end) {
        out.push(Change::EventMoved { date: new.date, start: new.start, end: new.end });
    }
    for item in &new.agenda {
        let Some(before) = old.item(&item.id) else {
            out.push(Change::ItemAdded { item: item.id.clone() });
            continue;
        };
        if (before.start, before.end) != (item.start, item.end) {
            out.push(Change::ItemMoved { item: item.id.clone(), start: item.start, end: item.end });
        }
        for s in &item.speakers {
            match before.speakers.iter().find(|b| b.id == s.id) {
                None => out.push(Change::SpeakerAdded { item: item.id.clone(), speaker: s.id.clone() }),
                Some(b) if b.tbc && !s.tbc => {
                    out.push(Change::SpeakerConfirmed { item: item.id.clone(), speaker: s.id.clone() })
                }
                Some(_) => {}
            }
        }
        for b in &before.speakers {
            if !item.speakers.iter().any(|s| s.id == b.id) {
                out.push(Change::SpeakerRemoved { item: item.id.clone(), speaker: b.id.clone() });
            }
        }
    }
    for before in &old.agenda {
        if new.item(&before.id).is_none() {
            out.push(Change::ItemRemoved { item: before.id.clone() });
        }
    }
    if old.meeting.as_ref().map(|m| &m.url) != new.meeting.as_ref().map(|m| &m.url) {
        out.push(Change::MeetingChanged);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::Speaker;

    fn t(s: &str) -> NaiveTime {
        NaiveTime::parse_from_str(s, "%H:%M").unwrap()
    }

    #[test]
    fn each_kind_of_change_is_found() {
        let old = Event::embedded();
        assert_eq!(changes(&old, &old), vec![]);
        let mut new = old.clone();
        new.agenda.retain(|i| i.id != "questions");
        new.agenda[0].speakers[0].tbc = false;
        new.agenda[1].speakers.push(Speaker { id: "guest".into(), tbc: true });
        new.agenda[4].start = t("12:05");
        let mut extra = new.agenda[4].clone();
        extra.id = "break".into();
        new.agenda.insert(5, extra);
        assert_eq!(
            changes(&old, &new),
            vec![
                Change::SpeakerConfirmed { item: "opening".into(), speaker: "rep-sms-opening".into() },
                Change::SpeakerAdded { item: "session-1".into(), speaker: "guest".into() },
                Change::ItemMoved { item: "session-4".into(), start: t("12:05"), end: t("12:30") },
                Change::ItemAdded { item: "break".into() },
                Change::ItemRemoved { item: "questions".into() },
            ]
        );
        let mut moved = old.clone();
        moved.date = moved.date.succ_opt().unwrap();
        assert!(matches!(changes(&old, &moved)[..], [Change::EventMoved { .. }]));
    }
}
