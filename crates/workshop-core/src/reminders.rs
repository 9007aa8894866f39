//! When desktop reminders are due: a chosen number of minutes before the event and before each numbered
//! session. Pure: the shell's background thread asks what is due between two instants of its clock.
//!
//! The opening starts with the event, so it has no reminder of its own (the event's covers it); the other
//! unnumbered items (questions, closing) follow on without a break and get none.

use crate::event::Event;
use crate::schedule::{event_instants, item_instants};
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

/// What a reminder is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase", tag = "kind", content = "index")]
pub enum Target {
    Event,
    /// Index into the event's agenda.
    Item(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reminder {
    /// When to remind.
    pub at: DateTime<Utc>,
    /// When the thing reminded of starts.
    pub starts: DateTime<Utc>,
    pub target: Target,
}

/// Every reminder for a lead time of `minutes`, in time order.
fn all(ev: &Event, minutes: u32) -> Vec<Reminder> {
    let lead = Duration::minutes(i64::from(minutes));
    let (start, _) = event_instants(ev);
    let mut out = vec![Reminder { at: start - lead, starts: start, target: Target::Event }];
    for (i, item) in ev.agenda.iter().enumerate() {
        let (s, _) = item_instants(ev, item);
        if item.session.is_some() && s != start {
            out.push(Reminder { at: s - lead, starts: s, target: Target::Item(i) });
        }
    }
    out.sort_by_key(|r| r.at);
    out
}

/// The reminders still to come after `now` (strictly later), in time order. Nothing is scheduled for a time
/// already past.
pub fn reminders(ev: &Event, minutes: u32, now: DateTime<Utc>) -> Vec<Reminder> {
    all(ev, minutes).into_iter().filter(|r| r.at > now).collect()
}

/// The reminders that fell due after `since` and at or before `now`, for the thing reminded of has not started
/// yet. A computer that slept through a reminder shows it on waking if it is still useful, and never tells the
/// participant about a session that is already under way.
pub fn due(ev: &Event, minutes: u32, since: DateTime<Utc>, now: DateTime<Utc>) -> Vec<Reminder> {
    all(ev, minutes).into_iter().filter(|r| since < r.at && r.at <= now && now < r.starts).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// 5 December 2023, Baku time (UTC+4), with seconds.
    fn baku(h: u32, m: u32, s: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2023, 12, 5, h - 4, m, s).unwrap()
    }

    fn show(rs: &[Reminder]) -> String {
        let ev = Event::embedded();
        rs.iter()
            .map(|r| {
                let what = match r.target {
                    Target::Event => "event".to_owned(),
                    Target::Item(i) => ev.agenda[i].id.clone(),
                };
                let at = r.at.with_timezone(&ev.tz).format("%H:%M");
                format!("{at} {what}")
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn check(minutes: u32, now: DateTime<Utc>, expect: &str) {
        assert_eq!(show(&reminders(&Event::embedded(), minutes, now)), expect, "{minutes} min at {now}");
    }

    #[test]
    fn schedule_before_during_and_after() {
        let all10 = "09:50 event, 10:05 session-1, 10:30 session-2, 11:20 session-3, 11:50 session-4";
        check(10, baku(8, 0, 0), all10);
        check(10, Utc.with_ymd_and_hms(2023, 1, 1, 0, 0, 0).unwrap(), all10);
        check(5, baku(8, 0, 0), "09:55 event, 10:10 session-1, 10:35 session-2, 11:25 session-3, 11:55 session-4");
        check(15, baku(8, 0, 0), "09:45 event, 10:00 session-1, 10:25 session-2, 11:15 session-3, 11:45 session-4");
        check(30, baku(8, 0, 0), "09:30 event, 09:45 session-1, 10:10 session-2, 11:00 session-3, 11:30 session-4");
        // Boundaries: a reminder exactly at "now" is no longer to come; one a second later is.
        check(10, baku(9, 49, 59), all10);
        check(10, baku(9, 50, 0), "10:05 session-1, 10:30 session-2, 11:20 session-3, 11:50 session-4");
        check(30, baku(9, 45, 0), "10:10 session-2, 11:00 session-3, 11:30 session-4");
        check(10, baku(11, 49, 59), "11:50 session-4");
        check(10, baku(11, 50, 0), "");
        check(10, baku(13, 0, 0), "");
        check(10, Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap(), "");
    }

    #[test]
    fn reminders_carry_the_start_they_point_to() {
        let ev = Event::embedded();
        let rs = reminders(&ev, 15, baku(8, 0, 0));
        assert_eq!((rs[0].starts, rs[0].target), (baku(10, 0, 0), Target::Event));
        assert_eq!((rs[2].starts, rs[2].target), (baku(10, 40, 0), Target::Item(2)));
        assert!(rs.iter().all(|r| r.starts - r.at == Duration::minutes(15)));
    }

    fn check_due(minutes: u32, since: DateTime<Utc>, now: DateTime<Utc>, expect: &str) {
        assert_eq!(show(&due(&Event::embedded(), minutes, since, now)), expect, "{since}..{now}");
    }

    #[test]
    fn due_between_two_looks_at_the_clock() {
        check_due(10, baku(9, 0, 0), baku(9, 49, 59), "");
        check_due(10, baku(9, 0, 0), baku(9, 50, 0), "09:50 event");
        // Already shown at the last look: not again.
        check_due(10, baku(9, 50, 0), baku(9, 50, 30), "");
        check_due(10, baku(9, 49, 59), baku(9, 50, 0), "09:50 event");
        // Woken at 10:07 after sleeping since 09:00: the event has started, session 1 has not.
        check_due(10, baku(9, 0, 0), baku(10, 7, 0), "10:05 session-1");
        // Woken after the workshop: nothing.
        check_due(10, baku(9, 0, 0), baku(13, 30, 0), "");
        check_due(30, baku(9, 0, 0), baku(9, 59, 59), "09:30 event, 09:45 session-1");
        check_due(30, baku(9, 0, 0), baku(10, 0, 0), "09:45 session-1");
    }

    #[test]
    fn target_json_is_pinned() {
        assert_eq!(serde_json::to_string(&Target::Event).unwrap(), r#"{"kind":"event"}"#);
        assert_eq!(serde_json::to_string(&Target::Item(2)).unwrap(), r#"{"kind":"item","index":2}"#);
    }
}
