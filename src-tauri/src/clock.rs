//! The app's notion of "now": the real clock, or a clock that starts at a given instant (`--now`,
//! `GCM_WORKSHOP_NOW`) and runs on from there, so demos and tests can stand at any moment of the event.

use chrono::{DateTime, Utc};
use std::time::Instant;

#[derive(Debug, Clone)]
pub enum Clock {
    System,
    From { start: DateTime<Utc>, at: Instant },
}

impl Clock {
    pub fn starting_at(start: Option<DateTime<Utc>>) -> Clock {
        match start {
            Some(start) => Clock::From { start, at: Instant::now() },
            None => Clock::System,
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        match self {
            Clock::System => Utc::now(),
            Clock::From { start, at } => *start + chrono::Duration::from_std(at.elapsed()).unwrap_or_default(),
        }
    }
}

/// Parses an RFC 3339 instant given on the command line or in the environment.
pub fn parse_now(s: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(s.trim())
        .map(|d| d.with_timezone(&Utc))
        .map_err(|e| format!("invalid time {s:?} ({e}); expected RFC 3339, e.g. 2023-12-05T10:41:00+04:00"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &str) {
        let got = match parse_now(input) {
            Ok(d) => d.to_rfc3339(),
            Err(e) => e,
        };
        assert_eq!(got, expect);
    }

    #[test]
    fn parse() {
        check("2023-12-05T10:41:00+04:00", "2023-12-05T06:41:00+00:00");
        check("2023-12-05T06:00:00Z", "2023-12-05T06:00:00+00:00");
        check("2023-12-05 10:41", "invalid time \"2023-12-05 10:41\" (premature end of input); expected RFC 3339, e.g. 2023-12-05T10:41:00+04:00");
        check(
            "yesterday",
            "invalid time \"yesterday\" (premature end of input); expected RFC 3339, e.g. 2023-12-05T10:41:00+04:00",
        );
    }

    #[test]
    fn fixed_clock_runs_on() {
        let start = parse_now("2023-12-05T06:41:00Z").unwrap();
        let c = Clock::starting_at(Some(start));
        let now = c.now();
        assert!(now >= start && now - start < chrono::Duration::seconds(5));
    }
}
