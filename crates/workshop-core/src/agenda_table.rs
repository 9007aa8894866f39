//! The agenda as a plain-text table for the terminal (`gcm-workshop agenda`): Baku time, the time in the
//! participant's zone, the item and its speakers, under a header naming both zones with their offsets on the
//! event's date, and the live state at "now" (a status line, the running and the next item marked). Long
//! texts wrap inside their column; the whole table fits 100 columns.

use crate::event::Event;
use crate::format;
use crate::i18n::{Lang, Localizer};
use crate::markup;
use crate::schedule::{event_instants, in_zone, item_instants};
use crate::views::ItemState;
use crate::wording::{item_label, live, speaker_name};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

const ITEM_WIDTH: usize = 38;
const SPEAKERS_WIDTH: usize = 34;
const GAP: &str = "  ";
/// The widest line: two time columns of 11, the item and the speakers, and three gaps.
const TABLE_WIDTH: usize = 100;

fn width(s: &str) -> usize {
    s.chars().count()
}

/// Breaks `text` into lines of at most `max` characters at spaces; a longer word is cut.
fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word = word.to_owned();
        while width(&word) > max {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let head: String = word.chars().take(max).collect();
            word = word.chars().skip(max).collect();
            lines.push(head);
        }
        if line.is_empty() {
            line = word;
        } else if width(&line) + 1 + width(&word) <= max {
            line.push(' ');
            line.push_str(&word);
        } else {
            lines.push(std::mem::replace(&mut line, word));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}

/// Lays out rows of cells (each cell a list of lines) in columns of the given widths.
fn table(rows: &[Vec<Vec<String>>], widths: &[usize], out: &mut String) {
    for row in rows {
        let height = row.iter().map(Vec::len).max().unwrap_or(0).max(1);
        for k in 0..height {
            let line: Vec<String> =
                row.iter().zip(widths).map(|(cell, &w)| pad(cell.get(k).map_or("", String::as_str), w)).collect();
            out.push_str(line.join(GAP).trim_end());
            out.push('\n');
        }
    }
}

/// The agenda in `lang`, with the second time column in `tz`, as it stands at `now`.
pub fn agenda_table(ev: &Event, l10n: &Localizer, lang: Lang, tz: Tz, now: DateTime<Utc>) -> String {
    let (start, _) = event_instants(ev);
    let baku = in_zone(start, ev.tz, ev.date);
    let local = in_zone(start, tz, ev.date);
    let baku_label = l10n.text(lang, "event-zone-label");
    let your_label = l10n.text(lang, "time-your-label");

    let mut out = String::new();
    for line in wrap(&l10n.text(lang, "event-title"), TABLE_WIDTH) {
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(&event_dates(ev, lang));
    out.push('\n');
    out.push_str(&format!(
        "{baku_label}: {} ({}) · {your_label}: {} ({})\n",
        baku.zone, baku.offset, local.zone, local.offset
    ));
    // The table shows no join cue, so whether a meeting link is known does not matter here.
    let state = live(ev, l10n, lang, now, false);
    let status: Vec<&str> = [Some(&state.status), state.detail.as_ref(), state.left.as_ref()]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    out.push_str(&status.join(" · "));
    out.push_str("\n\n");

    let mut rows: Vec<Vec<Vec<String>>> = Vec::new();
    // A multi-day event's table has the day above each day's first item.
    let mut day_headings: Vec<Option<String>> = Vec::new();
    let mut last_day = None;
    for (item, row_state) in ev.agenda.iter().zip(&state.states) {
        day_headings.push(
            (ev.is_multi_day() && last_day != Some(item.date)).then(|| format::date_with_weekday(item.date, lang)),
        );
        last_day = Some(item.date);
        let (s, e) = item_instants(ev, item);
        let (bs, be) = (in_zone(s, ev.tz, item.date), in_zone(e, ev.tz, item.date));
        let (ls, le) = (in_zone(s, tz, item.date), in_zone(e, tz, item.date));
        let mut local_cell = vec![format!("{}–{}", ls.time, le.time)];
        match ls.day_shift {
            d if d > 0 => local_cell.push(format!("({})", l10n.text(lang, "time-next-day"))),
            d if d < 0 => local_cell.push(format!("({})", l10n.text(lang, "time-previous-day"))),
            _ => {}
        }
        let marker = match row_state.state {
            ItemState::Now => format!("[{}] ", l10n.text(lang, "time-now-label")),
            ItemState::Next => format!("[{}] ", l10n.text(lang, "time-next-label")),
            ItemState::Past | ItemState::Later => String::new(),
        };
        let mut item_cell = wrap(&format!("{marker}{}", item_label(l10n, lang, item)), ITEM_WIDTH);
        for topic in &item.topics {
            let text = markup::plain(&l10n.text(lang, &format!("agenda-{}-topic-{topic}", item.id)));
            let lines = wrap(&text, ITEM_WIDTH - 2);
            item_cell.extend(lines.iter().enumerate().map(|(k, l)| format!("{} {l}", if k == 0 { "–" } else { " " })));
        }
        let speakers_cell = item
            .speakers
            .iter()
            .flat_map(|s| {
                let lines = wrap(&speaker_name(l10n, lang, &s.id, s.tbc), SPEAKERS_WIDTH - 2);
                lines.into_iter().enumerate().map(|(k, l)| format!("{} {l}", if k == 0 { "–" } else { " " }))
            })
            .collect();
        rows.push(vec![vec![format!("{}–{}", bs.time, be.time)], local_cell, item_cell, speakers_cell]);
    }
    let headings =
        [baku_label, your_label, l10n.text(lang, "agenda-item-heading"), l10n.text(lang, "schedule-speakers-heading")];
    let time_width = |col: usize| {
        rows.iter().flat_map(|r| r[col].iter()).map(|l| width(l)).chain([width(&headings[col])]).max().unwrap_or(0)
    };
    let widths = [time_width(0), time_width(1), ITEM_WIDTH, SPEAKERS_WIDTH];
    let head: Vec<Vec<String>> = headings.iter().map(|h| vec![h.clone()]).collect();
    let rule: Vec<Vec<String>> = widths.iter().map(|&w| vec!["-".repeat(w)]).collect();
    table(&[head, rule], &widths, &mut out);
    for (k, (row, day)) in rows.iter().zip(&day_headings).enumerate() {
        if k > 0 {
            out.push('\n');
        }
        if let Some(day) = day {
            out.push_str(&format!("{day}\n\n"));
        }
        table(std::slice::from_ref(row), &widths, &mut out);
    }
    out
}

/// The event's day, or first and last day, with weekdays: "Tuesday, 5 December 2023", or
/// "Tuesday, 16 March 2027 – Wednesday, 17 March 2027".
pub fn event_dates(ev: &Event, lang: Lang) -> String {
    if ev.is_multi_day() {
        format!("{} – {}", format::date_with_weekday(ev.date, lang), format::date_with_weekday(ev.end_date, lang))
    } else {
        format::date_with_weekday(ev.date, lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_wrap(text: &str, max: usize, expect: &[&str]) {
        assert_eq!(wrap(text, max), expect, "{text:?}");
    }

    #[test]
    fn wrapping() {
        check_wrap("", 10, &[]);
        check_wrap("one two three", 7, &["one two", "three"]);
        check_wrap("one two three", 13, &["one two three"]);
        check_wrap("abcdefghij xy", 4, &["abcd", "efgh", "ij", "xy"]);
        check_wrap("Текущее положение дел", 10, &["Текущее", "положение", "дел"]);
    }

    fn at(rfc3339: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(rfc3339).unwrap().with_timezone(&Utc)
    }

    fn table_for(lang: Lang, tz: Tz, now: &str) -> String {
        agenda_table(&Event::embedded(), &Localizer::embedded(), lang, tz, at(now))
    }

    const WEEK_BEFORE: &str = "2023-11-28T10:00:00+04:00";

    #[test]
    fn english_table_in_almaty_time() {
        let t = table_for(Lang::En, chrono_tz::Asia::Almaty, WEEK_BEFORE);
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(
            lines[0],
            "Workshop on the Global Compact for Safe, Orderly and Regular Migration (GCM) in the framework of the"
        );
        assert_eq!(lines[1], "Almaty Process");
        assert_eq!(lines[2], "Tuesday, 5 December 2023");
        assert_eq!(lines[3], "Baku time: Asia/Baku (UTC+4) · Your time: Asia/Almaty (UTC+6)");
        assert_eq!(lines[4], "Starts in 7 days");
        assert_eq!(lines[6], format!("Baku time    Your time    Item{}Speakers", " ".repeat(36)));
        assert_eq!(
            lines[8],
            format!("10:00–10:15  12:00–12:15  [Next] Opening{}– Representative (organisation not", " ".repeat(26))
        );
        assert_eq!(lines[9], format!("{}  yet specified) (TBC)", " ".repeat(66)));
        assert!(t.contains("10:40–11:30  12:40–13:30  Session 2: State of play, resources,    – Amr TAHA\n"), "{t}");
        assert!(t.contains("\n                          – Previous GCM Reviews (GCM Regional\n"), "{t}");
        assert!(t.contains("12:55–13:00  14:55–15:00  Closing Remarks"), "{t}");
        assert!(t.lines().all(|l| width(l) <= TABLE_WIDTH && l == l.trim_end()), "{t}");
    }

    #[test]
    fn during_the_workshop_the_running_item_is_marked() {
        let t = table_for(Lang::En, chrono_tz::Asia::Baku, "2023-12-05T10:41:00+04:00");
        assert!(t.contains("\nHappening now · 49 minutes left\n"), "{t}");
        assert!(t.contains("10:40–11:30  10:40–11:30  [Now] Session 2: State of play,"), "{t}");
        assert!(t.contains("11:30–12:00  11:30–12:00  [Next] Session 3: Chairmanship of"), "{t}");
        let after = table_for(Lang::Ru, chrono_tz::Asia::Baku, "2024-01-01T00:00:00Z");
        assert!(
            after
                .contains("\nСеминар состоялся 5 декабря 2023 г. · Все материалы по-прежнему доступны в приложении.\n"),
            "{after}"
        );
        assert!(!after.contains('['), "{after}");
    }

    #[test]
    fn russian_table_names_both_zones() {
        let t = table_for(Lang::Ru, chrono_tz::Europe::Berlin, WEEK_BEFORE);
        assert!(t.contains("\nвторник, 5 декабря 2023 г.\n"), "{t}");
        assert!(t.contains("Время в Баку: Asia/Baku (UTC+4) · Ваше время: Europe/Berlin (UTC+1)\n"), "{t}");
        assert!(t.contains("10:00–10:15   07:00–07:15  [Далее] Открытие"), "{t}");
        assert!(t.contains("(уточняется)"), "{t}");
    }

    #[test]
    fn a_day_apart_is_marked() {
        let t = table_for(Lang::En, chrono_tz::Pacific::Honolulu, WEEK_BEFORE);
        assert!(t.contains("10:00–10:15  20:00–20:15     [Next] Opening"), "{t}");
        assert!(t.contains("\n             (previous day)"), "{t}");
        // Denver: the workshop runs over midnight (23:00–02:00), only the first rows are on the day before.
        let t = table_for(Lang::En, chrono_tz::America::Denver, WEEK_BEFORE);
        let marked = t.lines().filter(|l| l.contains("(previous day)")).count();
        assert_eq!(marked, 3, "{t}");
        assert!(t.contains("12:00–12:30  01:00–01:30"), "{t}");
    }
}
