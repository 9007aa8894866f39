//! Sentences the core puts together from Fluent messages, for the window, the command line and desktop
//! notifications alike: countdowns and time left, the live status line, the texts of a calendar export and of
//! a reminder. Numbers go to Fluent as numbers, so Russian plurals come out right.

use crate::calendar::CalendarText;
use crate::event::{AgendaItem, Event};
use crate::format;
use crate::i18n::{Lang, Localizer};
use crate::markup;
use crate::reminders::{Reminder, Target};
use crate::schedule::{self, countdown_parts, Phase};
use crate::views::{item_states, ItemState, MeetingStatus};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use fluent_bundle::FluentValue;
use serde::Serialize;

/// "3 days, 4 hours", "2 часа, 5 минут": at most two units (see `countdown_parts`), after rounding up to a
/// whole minute. A clock that runs on from 10:41:00 is at 10:41:00.2 a moment later, and a session ending at
/// 11:30 should still have "49 minutes left", not 48; a start is never announced as a minute too early.
/// "less than a minute" is left for zero.
pub fn duration_text(l10n: &Localizer, lang: Lang, secs: i64) -> String {
    let c = countdown_parts((secs.max(0) + 59) / 60 * 60);
    if c.less_than_minute {
        return l10n.text(lang, "time-less-than-minute");
    }
    [("time-days", c.days), ("time-hours", c.hours), ("time-minutes", c.minutes)]
        .into_iter()
        .filter(|&(_, n)| n > 0)
        .map(|(id, n)| l10n.text_with(lang, id, &[("count", FluentValue::from(n))]))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "Starts in 3 days, 4 hours".
pub fn starts_in_text(l10n: &Localizer, lang: Lang, secs: i64) -> String {
    l10n.text_with(lang, "time-starts-in", &[("duration", duration_text(l10n, lang, secs).into())])
}

/// "25 minutes left".
pub fn time_left_text(l10n: &Localizer, lang: Lang, secs: i64) -> String {
    l10n.text_with(lang, "time-left", &[("duration", duration_text(l10n, lang, secs).into())])
}

/// An item's name as one line of plain text: "Session 2: State of play, resources, and way forward".
pub fn item_label(l10n: &Localizer, lang: Lang, item: &AgendaItem) -> String {
    let title = markup::plain(&l10n.text(lang, &format!("agenda-{}-title", item.id)));
    match item.session {
        Some(n) => {
            let label = l10n.text_with(lang, "agenda-session-label", &[("number", FluentValue::from(n))]);
            format!("{label}: {title}")
        }
        None => title,
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemStateRow {
    pub id: String,
    pub state: ItemState,
}

/// The parts of the Overview and Agenda that change as time passes, worded for the UI language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Live {
    pub phase: Phase,
    /// The status line: "Starts in 3 days, 4 hours", "Starting soon", "Happening now", "This workshop took
    /// place on 5 December 2023."
    pub status: String,
    /// A second line where there is one: the countdown when starting soon, that the materials remain after.
    pub detail: Option<String>,
    /// Time left in the running item: "25 minutes left".
    pub left: Option<String>,
    /// Ids of the running and the following item.
    pub current: Option<String>,
    pub next: Option<String>,
    pub states: Vec<ItemStateRow>,
    /// The join panel's cue: `{"stage": "before"|"soon"|"during"|"after", "prominent": bool}`.
    pub meeting: MeetingStatus,
}

/// The live state at `now` in `lang`. `meeting_link_known`: a meeting link is in force (the participant's saved
/// one or the organisers'), which `meeting.prominent` needs.
pub fn live(ev: &Event, l10n: &Localizer, lang: Lang, now: DateTime<Utc>, meeting_link_known: bool) -> Live {
    let phase = schedule::phase(ev, now);
    let meeting = MeetingStatus::new(&schedule::meeting_phase(ev, now), meeting_link_known);
    let id = |i: Option<usize>| i.map(|i| ev.agenda[i].id.clone());
    let (status, detail, left, current, next) = match &phase {
        Phase::Before { starts_in_seconds, soon: false } => {
            (starts_in_text(l10n, lang, *starts_in_seconds), None, None, None, Some(ev.agenda[0].id.clone()))
        }
        Phase::Before { starts_in_seconds, soon: true } => (
            l10n.text(lang, "time-soon"),
            Some(starts_in_text(l10n, lang, *starts_in_seconds)),
            None,
            None,
            Some(ev.agenda[0].id.clone()),
        ),
        // Overnight between two days: when the programme continues, and how long until then.
        Phase::During { .. } if schedule::resumes(ev, now).is_some() => {
            let (n, secs) = schedule::resumes(ev, now).expect("just checked");
            let on = format::date_long(ev.agenda[n].date, lang);
            (
                l10n.text_with(lang, "time-resumes", &[("date", on.into())]),
                Some(starts_in_text(l10n, lang, secs)),
                None,
                None,
                Some(ev.agenda[n].id.clone()),
            )
        }
        Phase::During { current, next, current_ends_in_seconds } => (
            l10n.text(lang, "time-live"),
            None,
            current.map(|_| time_left_text(l10n, lang, *current_ends_in_seconds)),
            id(*current),
            id(*next),
        ),
        Phase::After => (
            l10n.text_with(lang, "time-past", &[("date", format::date_long(ev.end_date, lang).into())]),
            Some(l10n.text(lang, "time-materials")),
            None,
            None,
            None,
        ),
    };
    let states = ev
        .agenda
        .iter()
        .zip(item_states(ev, now))
        .map(|(item, state)| ItemStateRow { id: item.id.clone(), state })
        .collect();
    Live { phase, status, detail, left, current, next, states, meeting }
}

/// The texts of a calendar export in `lang`.
pub fn calendar_text(ev: &Event, l10n: &Localizer, lang: Lang) -> CalendarText {
    let items = ev
        .agenda
        .iter()
        .map(|item| {
            let mut lines: Vec<String> = item
                .topics
                .iter()
                .map(|t| format!("– {}", markup::plain(&l10n.text(lang, &format!("agenda-{}-topic-{t}", item.id)))))
                .collect();
            if !item.speakers.is_empty() {
                if !lines.is_empty() {
                    lines.push(String::new());
                }
                lines.push(l10n.text(lang, "calendar-speakers"));
                lines.extend(item.speakers.iter().map(|s| format!("– {}", speaker_name(l10n, lang, &s.id, s.tbc))));
            }
            (item.id.clone(), item_label(l10n, lang, item), lines.join("\n"))
        })
        .collect();
    CalendarText {
        title: l10n.text(lang, "event-title"),
        description: l10n.text(lang, "calendar-description"),
        organiser: l10n.text(lang, "calendar-organiser"),
        location: markup::plain(&l10n.text(lang, "overview-where")),
        items,
    }
}

/// "Amr TAHA", or "Representative from … (TBC)" for a speaker not yet confirmed.
pub fn speaker_name(l10n: &Localizer, lang: Lang, id: &str, tbc: bool) -> String {
    let name = markup::plain(&l10n.text(lang, &format!("speaker-{id}")));
    if tbc {
        format!("{name} ({})", l10n.text(lang, "agenda-tbc"))
    } else {
        name
    }
}

/// A desktop notification's texts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notice {
    pub title: String,
    pub body: String,
}

/// The notification for reminder `r`, shown at `now`: the minutes are those really left (a late reminder
/// says so), and the start is given in the participant's zone `tz`.
pub fn reminder_notice(ev: &Event, l10n: &Localizer, lang: Lang, tz: Tz, r: &Reminder, now: DateTime<Utc>) -> Notice {
    let secs = (r.starts - now).num_seconds().max(0);
    let minutes = ((secs + 59) / 60).max(1);
    let time = schedule::in_zone(r.starts, tz, ev.date).time;
    let args = [("minutes", FluentValue::from(minutes)), ("time", FluentValue::from(time))];
    match r.target {
        Target::Event => {
            Notice { title: l10n.text(lang, "event-title-short"), body: l10n.text_with(lang, "reminder-event", &args) }
        }
        Target::Item(i) => {
            Notice { title: item_label(l10n, lang, &ev.agenda[i]), body: l10n.text_with(lang, "reminder-item", &args) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn l10n() -> Localizer {
        Localizer::embedded()
    }

    const DAY: i64 = 86_400;
    const HOUR: i64 = 3600;
    const MIN: i64 = 60;

    fn check_duration(secs: i64, en: &str, ru: &str) {
        let l = l10n();
        assert_eq!(duration_text(&l, Lang::En, secs), en, "en {secs}");
        assert_eq!(duration_text(&l, Lang::Ru, secs), ru, "ru {secs}");
    }

    #[test]
    fn countdown_wording_in_both_languages() {
        check_duration(DAY, "1 day", "1 день");
        check_duration(2 * DAY, "2 days", "2 дня");
        check_duration(5 * DAY, "5 days", "5 дней");
        check_duration(21 * DAY, "21 days", "21 день");
        check_duration(22 * DAY, "22 days", "22 дня");
        check_duration(HOUR, "1 hour", "1 час");
        check_duration(2 * HOUR, "2 hours", "2 часа");
        check_duration(5 * HOUR, "5 hours", "5 часов");
        check_duration(21 * HOUR, "21 hours", "21 час");
        check_duration(22 * HOUR, "22 hours", "22 часа");
        check_duration(MIN, "1 minute", "1 минута");
        check_duration(2 * MIN, "2 minutes", "2 минуты");
        check_duration(5 * MIN, "5 minutes", "5 минут");
        check_duration(21 * MIN, "21 minutes", "21 минута");
        check_duration(22 * MIN, "22 minutes", "22 минуты");
        check_duration(11 * MIN, "11 minutes", "11 минут");
        check_duration(3 * DAY + 4 * HOUR + 58 * MIN, "3 days, 4 hours", "3 дня, 4 часа");
        check_duration(21 * DAY + 22 * HOUR, "21 days, 22 hours", "21 день, 22 часа");
        check_duration(2 * HOUR + 5 * MIN, "2 hours, 5 minutes", "2 часа, 5 минут");
        check_duration(HOUR + 21 * MIN, "1 hour, 21 minutes", "1 час, 21 минута");
        // Rounded up to the minute: a running clock is a fraction past the minute it started at.
        check_duration(49 * MIN - 1, "49 minutes", "49 минут");
        check_duration(2 * HOUR + 4 * MIN + 1, "2 hours, 5 minutes", "2 часа, 5 минут");
        check_duration(DAY - 30, "1 day", "1 день");
        check_duration(1, "1 minute", "1 минута");
        check_duration(0, "less than a minute", "меньше минуты");
        check_duration(-5, "less than a minute", "меньше минуты");
    }

    #[test]
    fn starts_in_and_left_sentences() {
        let l = l10n();
        assert_eq!(starts_in_text(&l, Lang::En, 3 * DAY + 4 * HOUR), "Starts in 3 days, 4 hours");
        assert_eq!(starts_in_text(&l, Lang::Ru, 3 * DAY + 4 * HOUR), "До начала: 3 дня, 4 часа");
        assert_eq!(time_left_text(&l, Lang::En, 25 * MIN), "25 minutes left");
        assert_eq!(time_left_text(&l, Lang::Ru, 25 * MIN), "Осталось: 25 минут");
        assert_eq!(time_left_text(&l, Lang::Ru, 21 * MIN), "Осталось: 21 минута");
    }

    /// 5 December 2023, Baku time.
    fn baku(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2023, 12, 5, h - 4, m, 0).unwrap()
    }

    /// `expect`: "status | detail | left | current>next".
    fn check_live(now: DateTime<Utc>, lang: Lang, expect: &str) {
        let v = live(&Event::embedded(), &l10n(), lang, now, false);
        let got = format!(
            "{} | {} | {} | {}>{}",
            v.status,
            v.detail.unwrap_or_default(),
            v.left.unwrap_or_default(),
            v.current.unwrap_or_default(),
            v.next.unwrap_or_default()
        );
        assert_eq!(got, expect, "{now}");
    }

    /// `live` carries the join cue from `MeetingStatus`, prominent only with a known link.
    #[test]
    fn live_carries_the_meeting_cue() {
        let cue = |now: DateTime<Utc>, known: bool| {
            serde_json::to_value(live(&Event::embedded(), &l10n(), Lang::En, now, known)).unwrap()["meeting"]
                .to_string()
        };
        assert_eq!(cue(baku(9, 0), true), r#"{"prominent":false,"stage":"before"}"#);
        assert_eq!(cue(baku(9, 50), true), r#"{"prominent":true,"stage":"soon"}"#);
        assert_eq!(cue(baku(9, 50), false), r#"{"prominent":false,"stage":"soon"}"#);
        assert_eq!(cue(baku(10, 41), true), r#"{"prominent":true,"stage":"during"}"#);
        assert_eq!(cue(baku(13, 0), true), r#"{"prominent":false,"stage":"after"}"#);
    }

    #[test]
    fn live_status_before_during_after() {
        check_live(baku(10, 0) - chrono::Duration::days(3), Lang::En, "Starts in 3 days |  |  | >opening");
        check_live(baku(6, 0) - chrono::Duration::days(3), Lang::Ru, "До начала: 3 дня, 4 часа |  |  | >opening");
        check_live(baku(9, 44), Lang::En, "Starts in 16 minutes |  |  | >opening");
        check_live(baku(9, 45), Lang::En, "Starting soon | Starts in 15 minutes |  | >opening");
        check_live(baku(9, 59), Lang::Ru, "Скоро начало | До начала: 1 минута |  | >opening");
        check_live(baku(10, 41), Lang::En, "Happening now |  | 49 minutes left | session-2>session-3");
        check_live(baku(11, 5), Lang::Ru, "Идёт сейчас |  | Осталось: 25 минут | session-2>session-3");
        check_live(baku(12, 59), Lang::En, "Happening now |  | 1 minute left | closing>");
        check_live(
            baku(13, 0),
            Lang::En,
            "This workshop took place on 5 December 2023. | All materials remain available in this app. |  | >",
        );
        check_live(
            baku(13, 0),
            Lang::Ru,
            "Семинар состоялся 5 декабря 2023 г. | Все материалы по-прежнему доступны в приложении. |  | >",
        );
    }

    #[test]
    fn live_states_follow_the_agenda() {
        let v = live(&Event::embedded(), &l10n(), Lang::En, baku(10, 41), false);
        let states: Vec<String> = v.states.iter().map(|s| format!("{}={:?}", s.id, s.state)).collect();
        assert_eq!(
            states.join(" "),
            "opening=Past session-1=Past session-2=Now session-3=Next session-4=Later questions=Later closing=Later"
        );
        assert_eq!(serde_json::to_value(&v).unwrap()["phase"]["phase"], "during");
    }

    #[test]
    fn calendar_texts_in_both_languages() {
        let ev = Event::embedded();
        let en = calendar_text(&ev, &l10n(), Lang::En);
        assert!(en.title.starts_with("Workshop on the Global Compact"), "{}", en.title);
        assert!(en.organiser.starts_with("Organised by: The Almaty Process"), "{}", en.organiser);
        let (id, summary, desc) = &en.items[2];
        assert_eq!(
            (id.as_str(), summary.as_str()),
            ("session-2", "Session 2: State of play, resources, and way forward")
        );
        assert!(desc.starts_with("– Previous GCM Reviews (GCM Regional Review 2020"), "{desc}");
        assert!(desc.ends_with("Speakers:\n– Amr TAHA\n– Azrah KARIM RAJPUT"), "{desc}");
        let (_, opening, desc) = &en.items[0];
        assert_eq!(opening, "Opening");
        assert!(desc.starts_with("Speakers:\n– Representative (organisation not yet specified) (TBC)\n"), "{desc}");
        let ru = calendar_text(&ev, &l10n(), Lang::Ru);
        assert_eq!(ru.items[2].1, "Сессия 2: Текущее положение дел, ресурсы и дальнейшие шаги");
        assert!(ru.organiser.starts_with("Организатор: Алматинский процесс"), "{}", ru.organiser);
        assert!(ru.items[0].2.contains("(уточняется)"), "{}", ru.items[0].2);
        assert_eq!(en.items.len(), ev.agenda.len());
    }

    fn check_notice(lang: Lang, tz: Tz, minutes: u32, index: usize, late_by: i64, expect: &str) {
        let ev = Event::embedded();
        let r = crate::reminders::reminders(&ev, minutes, baku(8, 0))[index];
        let n = reminder_notice(&ev, &l10n(), lang, tz, &r, r.at + chrono::Duration::seconds(late_by));
        assert_eq!(format!("{} / {}", n.title, n.body), expect);
    }

    #[test]
    fn reminder_notices() {
        let almaty = chrono_tz::Asia::Almaty;
        check_notice(
            Lang::En,
            almaty,
            10,
            0,
            0,
            "GCM workshop — Almaty Process / The workshop starts in 10 minutes, at 12:00 your time.",
        );
        check_notice(
            Lang::Ru,
            almaty,
            5,
            0,
            0,
            "Семинар по ГДМ — Алматинский процесс / Семинар начнётся через 5 минут, в 12:00 по вашему времени.",
        );
        check_notice(
            Lang::En,
            chrono_tz::Asia::Baku,
            15,
            2,
            0,
            "Session 2: State of play, resources, and way forward / Starts in 15 minutes, at 10:40 your time.",
        );
        check_notice(Lang::Ru, almaty, 30, 1, 9 * 60, "Сессия 1: Глобальный договор о безопасной, упорядоченной и легальной миграции (ГДМ) и Сеть ООН по вопросам миграции / Начнётся через 21 минуту, в 12:15 по вашему времени.");
        check_notice(
            Lang::En,
            almaty,
            5,
            0,
            4 * 60 + 30,
            "GCM workshop — Almaty Process / The workshop starts in 1 minute, at 12:00 your time.",
        );
        check_notice(Lang::Ru, almaty, 30, 1, 28 * 60, "Сессия 1: Глобальный договор о безопасной, упорядоченной и легальной миграции (ГДМ) и Сеть ООН по вопросам миграции / Начнётся через 2 минуты, в 12:15 по вашему времени.");
    }
}

/// Overnight in an event over several days: not "happening now", but when the programme continues; the join
/// link is not prominent until the next day's start is near.
#[cfg(test)]
mod overnight_tests {
    use super::*;
    use crate::views::MeetingStage;

    #[test]
    fn between_two_days_the_programme_continues_the_next_day() {
        let json = r#"{"id": "two-days", "format": 1, "version": 1, "timezone": "Asia/Bishkek",
          "date": "2027-03-16", "end_date": "2027-03-17", "start": "09:30", "end": "12:30",
          "languages": ["en", "ru"], "interpretation": null, "organiser": "RTCM", "meeting": null,
          "agenda": [
            {"id": "a", "start": "09:30", "end": "17:00", "session": null, "topics": [], "speakers": []},
            {"id": "b", "date": "2027-03-17", "start": "09:30", "end": "12:30", "session": null, "topics": [], "speakers": []}],
          "resources": []}"#;
        let ev = Event::parse(json).unwrap();
        let l10n = crate::Localizer::embedded();
        let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        // 20:00 in Bishkek on the first day (UTC+6).
        let night = live(&ev, &l10n, Lang::En, at("2027-03-16T14:00:00Z"), true);
        assert_eq!(night.status, "The programme continues on 17 March 2027.");
        assert_eq!(night.detail.as_deref(), Some("Starts in 13 hours, 30 minutes"));
        assert_eq!((night.current.as_deref(), night.next.as_deref()), (None, Some("b")));
        assert_eq!(night.meeting.stage, MeetingStage::Before);
        assert!(!night.meeting.prominent);
        let ru = live(&ev, &l10n, Lang::Ru, at("2027-03-16T14:00:00Z"), true);
        assert_eq!(ru.status, "Программа продолжится 17 марта 2027 г.");
        // Early on the second day it is still before it; ten minutes before it, soon; during it, happening now.
        let morning = live(&ev, &l10n, Lang::En, at("2027-03-17T01:00:00Z"), true);
        assert_eq!(
            (morning.status.as_str(), morning.meeting.stage),
            ("The programme continues on 17 March 2027.", MeetingStage::Before)
        );
        assert_eq!(live(&ev, &l10n, Lang::En, at("2027-03-17T03:20:00Z"), true).meeting.stage, MeetingStage::Soon);
        let day2 = live(&ev, &l10n, Lang::En, at("2027-03-17T04:00:00Z"), true);
        assert_eq!((day2.status.as_str(), day2.current.as_deref()), ("Happening now", Some("b")));
        // A break within one day is still "happening now".
        let one_day = Event::embedded();
        assert_eq!(live(&one_day, &l10n, Lang::En, at("2023-12-05T06:41:00Z"), true).status, "Happening now");
    }
}
