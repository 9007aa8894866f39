//! What changed between two versions of an event, for the participant who opens a newer pack: agenda items added,
//! removed or moved in time, speakers confirmed, the event's own time or meeting link changed.

use crate::event::Event;
use chrono::{NaiveDate, NaiveTime};

/// One change, by id; the shell words it with the new (or, for a removed item, the old) pack's texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// The event's days or times changed (in the event's zone): the new first and last day, start and end.
    EventMoved {
        date: NaiveDate,
        end_date: NaiveDate,
        start: NaiveTime,
        end: NaiveTime,
    },
    ItemAdded {
        item: String,
    },
    ItemRemoved {
        item: String,
    },
    /// The item's day, start or end (event time) changed: how, and the new day and times.
    ItemRetimed {
        item: String,
        how: Retimed,
        date: NaiveDate,
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

/// How an agenda item's time changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retimed {
    /// Another start (or day), the same length.
    Moved,
    /// The same start, an earlier end.
    Shortened,
    /// The same start, a later end.
    Lengthened,
    /// Another start (or day) and another length.
    Rescheduled,
}

impl Retimed {
    /// How an item that ran `before` (day, start, end) runs `after`; `None` when nothing changed.
    pub fn of(before: (NaiveDate, NaiveTime, NaiveTime), after: (NaiveDate, NaiveTime, NaiveTime)) -> Option<Retimed> {
        let length = |(d, s, e): (NaiveDate, NaiveTime, NaiveTime)| {
            // An item that ends at or before its start runs past midnight.
            let end = if e <= s { d.succ_opt().unwrap_or(d) } else { d };
            end.and_time(e) - d.and_time(s)
        };
        if before == after {
            return None;
        }
        let (same_start, same_length) = ((before.0, before.1) == (after.0, after.1), length(before) == length(after));
        Some(match (same_start, same_length) {
            (false, true) => Retimed::Moved,
            (true, _) if length(after) < length(before) => Retimed::Shortened,
            (true, _) => Retimed::Lengthened,
            (false, false) => Retimed::Rescheduled,
        })
    }
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
    if (old.date, old.end_date, old.start, old.end) != (new.date, new.end_date, new.start, new.end) {
        out.push(Change::EventMoved { date: new.date, end_date: new.end_date, start: new.start, end: new.end });
    }
    for item in &new.agenda {
        let Some(before) = old.item(&item.id) else {
            out.push(Change::ItemAdded { item: item.id.clone() });
            continue;
        };
        let after = (item.date, item.start, item.end);
        if let Some(how) = Retimed::of((before.date, before.start, before.end), after) {
            out.push(Change::ItemRetimed {
                item: item.id.clone(),
                how,
                date: item.date,
                start: item.start,
                end: item.end,
            });
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
                Change::ItemRetimed {
                    item: "session-4".into(),
                    how: Retimed::Rescheduled,
                    date: old.date,
                    start: t("12:05"),
                    end: t("12:30")
                },
                Change::ItemAdded { item: "break".into() },
                Change::ItemRemoved { item: "questions".into() },
            ]
        );
        let mut moved = old.clone();
        moved.date = moved.date.succ_opt().unwrap();
        assert!(matches!(changes(&old, &moved)[..], [Change::EventMoved { .. }]));
    }

    #[test]
    fn how_an_item_time_changed() {
        let d = NaiveDate::from_ymd_opt(2027, 3, 16).unwrap();
        let next = d.succ_opt().unwrap();
        let at = |day: NaiveDate, s: &str, e: &str| (day, t(s), t(e));
        let before = at(d, "10:00", "10:30");
        let cases = [
            (at(d, "10:00", "10:30"), None),
            (at(d, "10:15", "10:45"), Some(Retimed::Moved)),
            (at(next, "10:00", "10:30"), Some(Retimed::Moved)),
            (at(d, "10:00", "10:20"), Some(Retimed::Shortened)),
            (at(d, "10:00", "11:00"), Some(Retimed::Lengthened)),
            (at(d, "09:45", "10:30"), Some(Retimed::Rescheduled)),
            (at(next, "10:00", "10:20"), Some(Retimed::Rescheduled)),
            (at(d, "10:30", "10:00"), Some(Retimed::Rescheduled)),
        ];
        for (after, want) in cases {
            assert_eq!(Retimed::of(before, after), want, "{after:?}");
        }
        // Past midnight: 23:30–00:30 is an hour, as long as 22:00–23:00.
        assert_eq!(Retimed::of(at(d, "22:00", "23:00"), at(d, "23:30", "00:30")), Some(Retimed::Moved));
    }
}
