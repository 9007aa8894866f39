//! Dates, times and UTC offsets written out for the UI language, 24-hour everywhere.
//!
//! These are the few strings Fluent cannot build for us (month and weekday names in the right case), so they
//! are written here and passed into Fluent messages as plain variables.

use crate::i18n::Lang;
use chrono::{Datelike, NaiveDate, NaiveTime, Timelike, Weekday};

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Russian needs the genitive after a day number: "5 декабря", not "5 декабрь".
const MONTHS_RU_GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

fn weekday(w: Weekday, lang: Lang) -> &'static str {
    let i = w.num_days_from_monday() as usize;
    match lang {
        Lang::En => ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][i],
        // Russian weekday names are lowercase in running text.
        Lang::Ru => ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"][i],
    }
}

/// "5 December 2023" / "5 декабря 2023 г.".
pub fn date_long(d: NaiveDate, lang: Lang) -> String {
    let m = d.month0() as usize;
    match lang {
        Lang::En => format!("{} {} {}", d.day(), MONTHS_EN[m], d.year()),
        Lang::Ru => format!("{} {} {} г.", d.day(), MONTHS_RU_GENITIVE[m], d.year()),
    }
}

/// "Tuesday, 5 December 2023" / "вторник, 5 декабря 2023 г.".
pub fn date_with_weekday(d: NaiveDate, lang: Lang) -> String {
    format!("{}, {}", weekday(d.weekday(), lang), date_long(d, lang))
}

/// "10:00". Seconds are dropped: agenda times are whole minutes.
pub fn time_hm(t: NaiveTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// "10:00–10:15", with an en dash as both languages write ranges.
pub fn time_range(start: NaiveTime, end: NaiveTime) -> String {
    format!("{}–{}", time_hm(start), time_hm(end))
}

/// "UTC+4", "UTC+5:30", "UTC-3:30", "UTC+0".
///
/// The sign is the ASCII hyphen-minus rather than U+2212 so that a participant who copies the text into a
/// search box or an email gets something every tool understands. Zero is "UTC+0" so every zone reads the same
/// way in a list.
pub fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let abs = seconds.unsigned_abs();
    let (h, m) = (abs / 3600, abs % 3600 / 60);
    if m == 0 {
        format!("UTC{sign}{h}")
    } else {
        format!("UTC{sign}{h}:{m:02}")
    }
}

/// Splits a duration into whole days, hours and minutes, rounding down; a negative duration counts as zero.
pub fn duration_parts(secs: i64) -> (u32, u32, u32) {
    let secs = secs.max(0);
    let days = u32::try_from(secs / 86_400).unwrap_or(u32::MAX);
    let hours = (secs % 86_400 / 3600) as u32;
    let minutes = (secs % 3600 / 60) as u32;
    (days, hours, minutes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn check_date(date: &str, en: &str, ru: &str) {
        assert_eq!(date_with_weekday(d(date), Lang::En), en, "en {date}");
        assert_eq!(date_with_weekday(d(date), Lang::Ru), ru, "ru {date}");
        let long_en = en.split_once(", ").unwrap().1;
        let long_ru = ru.split_once(", ").unwrap().1;
        assert_eq!(date_long(d(date), Lang::En), long_en, "en {date}");
        assert_eq!(date_long(d(date), Lang::Ru), long_ru, "ru {date}");
    }

    #[test]
    fn dates_in_both_languages() {
        check_date("2023-12-05", "Tuesday, 5 December 2023", "вторник, 5 декабря 2023 г.");
        check_date("2024-01-01", "Monday, 1 January 2024", "понедельник, 1 января 2024 г.");
        check_date("2024-02-29", "Thursday, 29 February 2024", "четверг, 29 февраля 2024 г.");
        check_date("2018-12-19", "Wednesday, 19 December 2018", "среда, 19 декабря 2018 г.");
        check_date("2024-03-11", "Monday, 11 March 2024", "понедельник, 11 марта 2024 г.");
        check_date("2023-04-14", "Friday, 14 April 2023", "пятница, 14 апреля 2023 г.");
        check_date("2023-05-06", "Saturday, 6 May 2023", "суббота, 6 мая 2023 г.");
        check_date("2023-06-18", "Sunday, 18 June 2023", "воскресенье, 18 июня 2023 г.");
        check_date("2022-06-07", "Tuesday, 7 June 2022", "вторник, 7 июня 2022 г.");
        check_date("2023-07-20", "Thursday, 20 July 2023", "четверг, 20 июля 2023 г.");
        check_date("2023-08-31", "Thursday, 31 August 2023", "четверг, 31 августа 2023 г.");
        check_date("2023-09-18", "Monday, 18 September 2023", "понедельник, 18 сентября 2023 г.");
        check_date("2023-10-01", "Sunday, 1 October 2023", "воскресенье, 1 октября 2023 г.");
        check_date("2021-11-30", "Tuesday, 30 November 2021", "вторник, 30 ноября 2021 г.");
    }

    fn check_offset(seconds: i32, expect: &str) {
        assert_eq!(utc_offset(seconds), expect, "{seconds}");
    }

    #[test]
    fn offsets() {
        check_offset(0, "UTC+0");
        check_offset(4 * 3600, "UTC+4");
        check_offset(5 * 3600 + 1800, "UTC+5:30");
        check_offset(5 * 3600 + 2700, "UTC+5:45");
        check_offset(8 * 3600 + 2700, "UTC+8:45");
        check_offset(14 * 3600, "UTC+14");
        check_offset(-(3 * 3600 + 1800), "UTC-3:30");
        check_offset(-11 * 3600, "UTC-11");
        check_offset(-1800, "UTC-0:30");
    }

    fn check_time(t: &str, expect: &str) {
        assert_eq!(time_hm(NaiveTime::parse_from_str(t, "%H:%M:%S").unwrap()), expect);
    }

    #[test]
    fn times_are_24_hour() {
        check_time("00:00:00", "00:00");
        check_time("09:05:00", "09:05");
        check_time("13:00:59", "13:00");
        check_time("23:59:00", "23:59");
        let t = |s| NaiveTime::parse_from_str(s, "%H:%M").unwrap();
        assert_eq!(time_range(t("10:00"), t("13:00")), "10:00–13:00");
    }

    fn check_parts(secs: i64, expect: (u32, u32, u32)) {
        assert_eq!(duration_parts(secs), expect, "{secs}");
    }

    #[test]
    fn parts() {
        check_parts(-5, (0, 0, 0));
        check_parts(0, (0, 0, 0));
        check_parts(59, (0, 0, 0));
        check_parts(60, (0, 0, 1));
        check_parts(3599, (0, 0, 59));
        check_parts(3600, (0, 1, 0));
        check_parts(86_399, (0, 23, 59));
        check_parts(86_400 * 3 + 3600 * 4 + 60 * 5 + 7, (3, 4, 5));
    }
}
