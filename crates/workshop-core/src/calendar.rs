//! Calendar export (RFC 5545 `.ics`) for the whole event or one agenda item, built with the `icalendar` crate
//! so escaping and CRLF endings are the crate's job, not ours. Only its line folding is redone (see `refold`).
//!
//! The output is deterministic: UIDs derive from the event and item ids, so importing the file twice updates
//! the entry instead of duplicating it, and DTSTAMP is the event's start because the core has no clock.

use crate::event::{AgendaItem, Event};
use crate::format::{time_range, utc_offset};
use crate::schedule::{event_instants, item_instants};
use chrono::{DateTime, Offset, TimeZone, Utc};
use icalendar::{Calendar, Component, EventLike, Property};

/// Localised text for the export; the caller renders it from Fluent in the participant's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarText {
    /// The event's name, used as SUMMARY.
    pub title: String,
    /// A paragraph about the event.
    pub description: String,
    /// A whole line naming the organiser, e.g. "Organiser: Almaty Process / RTCM".
    pub organiser: String,
    /// Where the event takes place, as the pack says it ("Online, on Zoom"): LOCATION when no meeting link is
    /// known yet.
    pub location: String,
    /// (agenda item id, summary, description) for each agenda item. An item missing here is listed by its id.
    pub items: Vec<(String, String, String)>,
}

impl CalendarText {
    fn item<'a>(&'a self, id: &'a str) -> (&'a str, &'a str) {
        self.items
            .iter()
            .find(|(item_id, _, _)| item_id == id)
            .map_or((id, ""), |(_, summary, description)| (summary.as_str(), description.as_str()))
    }
}

const UID_DOMAIN: &str = "gcm-workshop";
const PRODID: &str = "-//GCM workshop//workshop-core//EN";

pub fn event_uid(ev: &Event) -> String {
    format!("{}@{UID_DOMAIN}", ev.id)
}

pub fn item_uid(ev: &Event, item: &AgendaItem) -> String {
    format!("{}.{}@{UID_DOMAIN}", item.id, ev.id)
}

/// "Asia/Baku, UTC+4": the zone of the local times written in descriptions, whose text clients never convert.
fn zone_line(ev: &Event, at: DateTime<Utc>) -> String {
    let offset = ev.tz.offset_from_utc_datetime(&at.naive_utc()).fix().local_minus_utc();
    format!("{}, {}", ev.tz.name(), utc_offset(offset))
}

/// The whole event as one VEVENT, its description listing the agenda.
pub fn event_calendar(ev: &Event, text: &CalendarText, meeting_url: Option<&str>) -> String {
    let (start, end) = event_instants(ev);
    let mut desc = vec![text.description.clone(), String::new(), zone_line(ev, start)];
    desc.extend(ev.agenda.iter().map(|item| format!("{} {}", time_range(item.start, item.end), text.item(&item.id).0)));
    let vevent = vevent(&event_uid(ev), &text.title, desc, start, end, ev, text, meeting_url);
    render(vevent)
}

/// One agenda item as one VEVENT; `None` if the event has no item with that id.
pub fn item_calendar(ev: &Event, item_id: &str, text: &CalendarText, meeting_url: Option<&str>) -> Option<String> {
    let item = ev.item(item_id)?;
    let (start, end) = item_instants(ev, item);
    let (summary, description) = text.item(item_id);
    let mut desc = Vec::new();
    if !description.is_empty() {
        desc.extend([description.to_owned(), String::new()]);
    }
    desc.extend([text.title.clone(), format!("{} ({})", time_range(item.start, item.end), zone_line(ev, start))]);
    // The item alone would read "Closing" in a calendar full of other meetings, so the event's name follows.
    let title = format!("{summary} – {}", text.title);
    Some(render(vevent(&item_uid(ev, item), &title, desc, start, end, ev, text, meeting_url)))
}

#[allow(clippy::too_many_arguments)]
fn vevent(
    uid: &str,
    summary: &str,
    mut description: Vec<String>,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    ev: &Event,
    text: &CalendarText,
    meeting_url: Option<&str>,
) -> icalendar::Event {
    // ORGANIZER must be a cal-address URI (a mailto: link) and we have no address to give, so the organiser
    // is named in the description instead.
    description.extend([String::new(), text.organiser.clone()]);
    if let Some(url) = meeting_url {
        description.push(url.to_owned());
    }
    let (event_start, _) = event_instants(ev);
    let mut vevent = icalendar::Event::new();
    vevent
        .uid(uid)
        .timestamp(event_start)
        .starts(start)
        .ends(end)
        .summary(&clean(summary))
        .description(&clean(&description.join("\n")))
        .location(&clean(meeting_url.unwrap_or(&text.location)));
    if let Some(url) = meeting_url {
        vevent.url(&clean(url));
    }
    vevent.done()
}

fn render(vevent: icalendar::Event) -> String {
    let mut cal = Calendar::empty();
    cal.append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("PRODID", PRODID))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new("METHOD", "PUBLISH"))
        .push(vevent);
    refold(&cal.done().to_string())
}

/// Folds the crate's output again. icalendar 0.17 folds until at most 75 octets are left but then writes them
/// after the continuation space, so a last continuation line can be 76 octets long (RFC 5545 §3.1 allows 75).
/// Its folds are exactly "CRLF SPACE", and no value holds a raw CR (see [`clean`]), so unfolding is exact.
fn refold(ics: &str) -> String {
    let unfolded = ics.replace("\r\n ", "");
    let mut out = String::with_capacity(ics.len());
    for line in unfolded.split_terminator("\r\n") {
        fold_line(line, &mut out);
        out.push_str("\r\n");
    }
    out
}

/// At most 75 octets per physical line, the leading space included (RFC 5545 §3.1). A cut falls only between
/// units — a character, or a backslash escape with the character it escapes (`\n`, `\,`, `\\` …): the RFC allows
/// a fold anywhere between octets, but Google Calendar is reported to drop an event folded inside an escape
/// (issue 9). A cut is moved back so that no physical line ends in whitespace, which some readers trim.
fn fold_line(line: &str, out: &mut String) {
    let cuts = cut_points(line);
    let mut start = 0;
    let mut limit = 75;
    while line.len() - start > limit {
        // The last cut point within the limit; a unit is at most 5 octets, so it lies after `start`.
        let mut i = cuts.partition_point(|&c| c <= start + limit) - 1;
        let mut cut = cuts[i];
        while cuts[i] > start && line[..cuts[i]].ends_with(char::is_whitespace) {
            i -= 1;
        }
        if cuts[i] - start > limit / 2 {
            cut = cuts[i];
        }
        out.push_str(&line[start..cut]);
        out.push_str("\r\n ");
        start = cut;
        limit = 74;
    }
    out.push_str(&line[start..]);
}

/// The octet offsets where `line` may be folded: its ends and every boundary between two units.
fn cut_points(line: &str) -> Vec<usize> {
    let mut cuts = vec![0];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            chars.next();
        }
        cuts.push(line.len() - chars.as_str().len());
    }
    cuts
}

/// TEXT values may not hold control characters other than tab; line breaks become "\n" escapes in the crate,
/// so a CR from a pasted Windows text is turned into a plain line break.
fn clean(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDateTime;
    use ical::parser::ical::component::{IcalCalendar, IcalEvent};

    fn text() -> CalendarText {
        CalendarText {
            title: "Семинар по Глобальному договору о безопасной, упорядоченной и легальной миграции".into(),
            description: "Online workshop; with commas, semicolons; and a backslash \\ – in one long line \
                          that has to be folded more than once because it is far longer than 75 octets."
                .into(),
            organiser: "Organiser: Almaty Process / Regional Training Center on Migration (RTCM)".into(),
            location: "Онлайн, на платформе Zoom".into(),
            items: Event::embedded()
                .agenda
                .iter()
                .map(|i| (i.id.clone(), format!("Summary of {}", i.id), format!("Описание пункта {}", i.id)))
                .collect(),
        }
    }

    /// Parses with the independent `ical` crate and returns the only VEVENT.
    fn parse(ics: &str) -> IcalEvent {
        let cals: Vec<IcalCalendar> =
            ical::IcalParser::new(ics.as_bytes()).collect::<Result<_, _>>().unwrap_or_else(|e| panic!("{e}\n{ics}"));
        assert_eq!(cals.len(), 1);
        let cal = cals.into_iter().next().unwrap();
        let prop = |name: &str| cal.properties.iter().find(|p| p.name == name).and_then(|p| p.value.clone());
        assert_eq!(prop("VERSION").as_deref(), Some("2.0"));
        assert_eq!(prop("PRODID").as_deref(), Some(PRODID));
        assert_eq!(cal.events.len(), 1);
        cal.events.into_iter().next().unwrap()
    }

    fn value(ev: &IcalEvent, name: &str) -> String {
        let matches: Vec<_> = ev.properties.iter().filter(|p| p.name == name).collect();
        assert_eq!(matches.len(), 1, "{name}");
        matches[0].value.clone().unwrap_or_default()
    }

    fn instant(v: &str) -> DateTime<Utc> {
        assert!(v.ends_with('Z'), "{v} is not UTC");
        Utc.from_utc_datetime(&NaiveDateTime::parse_from_str(v, "%Y%m%dT%H%M%SZ").unwrap())
    }

    /// RFC 5545 §3.1 and §3.3.11: CRLF endings, lines of at most 75 octets; returns the unfolded lines.
    fn unfold(ics: &str) -> Vec<String> {
        assert!(ics.ends_with("\r\n"));
        let mut lines: Vec<String> = Vec::new();
        for line in ics.strip_suffix("\r\n").unwrap().split("\r\n") {
            assert!(!line.contains('\n') && !line.contains('\r'), "bare line break in {line:?}");
            assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
            match line.strip_prefix(' ') {
                Some(rest) => lines.last_mut().expect("continuation without a line").push_str(rest),
                None => lines.push(line.to_owned()),
            }
        }
        lines
    }

    fn unescape(v: &str) -> String {
        let mut out = String::new();
        let mut chars = v.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n' | 'N') => out.push('\n'),
                    Some(other) => out.push(other),
                    None => panic!("dangling backslash in {v:?}"),
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    /// The unfolded, unescaped value of a text property, read without the `ical` crate (which trims
    /// whitespace at fold points).
    fn text_value(ics: &str, name: &str) -> String {
        let prefix = format!("{name}:");
        let line = unfold(ics).into_iter().find(|l| l.starts_with(&prefix)).unwrap_or_else(|| panic!("no {name}"));
        unescape(&line[prefix.len()..])
    }

    /// Checks one item's export: instants, UID, summary and location.
    fn check_item(item_id: &str, url: Option<&str>) {
        let ev = Event::embedded();
        let ics = item_calendar(&ev, item_id, &text(), url).unwrap();
        unfold(&ics);
        let parsed = parse(&ics);
        let (start, end) = item_instants(&ev, ev.item(item_id).unwrap());
        assert_eq!(instant(&value(&parsed, "DTSTART")), start, "{item_id}");
        assert_eq!(instant(&value(&parsed, "DTEND")), end, "{item_id}");
        assert_eq!(instant(&value(&parsed, "DTSTAMP")), event_instants(&ev).0);
        assert_eq!(value(&parsed, "UID"), format!("{item_id}.gcm-almaty-process-2023-12-05@gcm-workshop"));
        assert_eq!(text_value(&ics, "SUMMARY"), format!("Summary of {item_id} – {}", text().title));
        assert_eq!(text_value(&ics, "LOCATION"), url.unwrap_or(&text().location));
        assert_eq!(ics, item_calendar(&ev, item_id, &text(), url).unwrap(), "not deterministic");
    }

    #[test]
    fn every_item_round_trips() {
        let url = Some("https://us02web.zoom.us/j/1234567890?pwd=abcDEF");
        for item in Event::embedded().agenda {
            check_item(&item.id, None);
            check_item(&item.id, url);
        }
    }

    #[test]
    fn unknown_item_has_no_calendar() {
        assert_eq!(item_calendar(&Event::embedded(), "session-9", &text(), None), None);
    }

    #[test]
    fn whole_event_round_trips() {
        let ev = Event::embedded();
        let url = "https://us02web.zoom.us/j/1234567890";
        let ics = event_calendar(&ev, &text(), Some(url));
        assert_eq!(ics, event_calendar(&ev, &text(), Some(url)), "not deterministic");
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
        let parsed = parse(&ics);
        assert_eq!(value(&parsed, "UID"), "gcm-almaty-process-2023-12-05@gcm-workshop");
        assert_eq!(value(&parsed, "DTSTART"), "20231205T060000Z");
        assert_eq!(value(&parsed, "DTEND"), "20231205T090000Z");
        assert_eq!(value(&parsed, "DTSTAMP"), "20231205T060000Z");
        assert_eq!(value(&parsed, "URL"), url);
        assert_eq!(text_value(&ics, "LOCATION"), url);
        assert_eq!(text_value(&ics, "SUMMARY"), text().title);
        let expect = [
            text().description.as_str(),
            "",
            "Asia/Baku, UTC+4",
            "10:00–10:15 Summary of opening",
            "10:15–10:40 Summary of session-1",
            "10:40–11:30 Summary of session-2",
            "11:30–12:00 Summary of session-3",
            "12:00–12:30 Summary of session-4",
            "12:30–12:55 Summary of questions",
            "12:55–13:00 Summary of closing",
            "",
            "Organiser: Almaty Process / Regional Training Center on Migration (RTCM)",
            url,
        ]
        .join("\n");
        assert_eq!(text_value(&ics, "DESCRIPTION"), expect);
        let lines = unfold(&ics);
        assert!(!lines.iter().any(|l| l.starts_with("ORGANIZER")));
    }

    #[test]
    fn without_a_link_the_place_is_the_pack_s_and_there_is_no_url() {
        let ev = Event::embedded();
        let ics = event_calendar(&ev, &text(), None);
        let parsed = parse(&ics);
        assert_eq!(text_value(&ics, "LOCATION"), "Онлайн, на платформе Zoom");
        assert!(!parsed.properties.iter().any(|p| p.name == "URL"));
        assert!(text_value(&ics, "DESCRIPTION").ends_with("(RTCM)"));
    }

    #[test]
    fn item_description_names_event_and_local_times() {
        let ev = Event::embedded();
        let ics = item_calendar(&ev, "session-2", &text(), None).unwrap();
        assert_eq!(
            text_value(&ics, "DESCRIPTION"),
            format!(
                "Описание пункта session-2\n\n{}\n10:40–11:30 (Asia/Baku, UTC+4)\n\n{}",
                text().title,
                text().organiser
            )
        );
    }

    /// The physical lines of folded text (CRLF-separated, no final CRLF): each at most 75 octets, none ending in
    /// whitespace, and no fold inside an escape — the logical line up to a fold may not end in an odd run of
    /// backslashes (issue 9). A fold inside a UTF-8 character cannot happen in a `str`.
    fn check_physical_lines(folded: &str) {
        let lines: Vec<&str> = folded.split("\r\n").collect();
        let mut logical = String::new();
        for (i, line) in lines.iter().enumerate() {
            assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
            assert!(!line.ends_with(char::is_whitespace), "ends in whitespace: {line:?}");
            match line.strip_prefix(' ') {
                Some(rest) if i > 0 => logical.push_str(rest),
                _ => logical = (*line).to_owned(),
            }
            if lines.get(i + 1).is_some_and(|next| next.starts_with(' ')) {
                let backslashes = logical.bytes().rev().take_while(|&b| b == b'\\').count();
                assert!(backslashes % 2 == 0, "folded inside an escape after {logical:?}");
            }
        }
    }

    /// `expect` is the octet length of each physical line, continuation space included.
    fn check_fold(line: &str, expect: &[usize]) {
        let mut out = String::new();
        fold_line(line, &mut out);
        let lens: Vec<usize> = out.split("\r\n").map(str::len).collect();
        assert_eq!(lens, expect, "{out:?}");
        assert_eq!(out.replace("\r\n ", ""), line);
        check_physical_lines(&out);
    }

    #[test]
    fn folding() {
        check_fold("", &[0]);
        check_fold(&"x".repeat(75), &[75]);
        check_fold(&"x".repeat(76), &[75, 2]);
        check_fold(&"x".repeat(75 + 74), &[75, 75]);
        check_fold(&"x".repeat(75 + 75), &[75, 75, 2]);
        // The crate's own folding writes a 76-octet last line here.
        check_fold(&"x".repeat(150), &[75, 75, 2]);
        // Two-octet letters are never split.
        check_fold(&"д".repeat(80), &[74, 75, 13]);
        // Three-octet characters.
        check_fold(&"–".repeat(50), &[75, 73, 4]);
        // No physical line ends in a space: the cut moves back before "b".
        check_fold(&format!("{} b{}", "a".repeat(74), "c".repeat(10)), &[74, 13]);
        check_fold(&format!("{}   {}", "a".repeat(72), "c".repeat(10)), &[72, 14]);
    }

    /// Issue 9: a fold never splits an escape (`\n`, `\N`, `\,`, `\;`, `\\`) nor a character next to one.
    #[test]
    fn folding_never_splits_an_escape() {
        let x = |n: usize| "x".repeat(n);
        // `\n` at each place around the 75-octet limit of the first line.
        check_fold(&format!("{}\\n{}", x(72), x(20)), &[75, 20]);
        check_fold(&format!("{}\\n{}", x(73), x(20)), &[75, 21]);
        check_fold(&format!("{}\\n{}", x(74), x(20)), &[74, 23]);
        check_fold(&format!("{}\\N{}", x(74), x(20)), &[74, 23]);
        check_fold(&format!("{}\\n{}", x(75), x(20)), &[75, 23]);
        // … and of a continuation line (74 octets after the space).
        check_fold(&format!("{}\\n{}", x(147), x(5)), &[75, 75, 6]);
        check_fold(&format!("{}\\n{}", x(148), x(5)), &[75, 74, 8]);
        check_fold(&format!("{}\\n{}", x(149), x(5)), &[75, 75, 8]);
        // Runs of three backslashes (`\\` then `\n`) and of four (two `\\`): the cut leaves an even run before it.
        check_fold(&format!("{}\\\\\\n{}", x(72), x(3)), &[74, 6]);
        check_fold(&format!("{}\\\\\\n{}", x(73), x(3)), &[75, 6]);
        check_fold(&format!("{}\\\\\\n{}", x(74), x(3)), &[74, 8]);
        check_fold(&format!("{}\\\\\\\\{}", x(73), x(3)), &[75, 6]);
        check_fold(&format!("{}\\\\\\\\{}", x(74), x(3)), &[74, 8]);
        check_fold(&format!("{}{}", x(74), "\\\\".repeat(5)), &[74, 11]);
        // `\,` and `\;`.
        check_fold(&format!("{}\\,{}", x(74), x(3)), &[74, 6]);
        check_fold(&format!("{}\\;{}", x(74), x(3)), &[74, 6]);
        check_fold(&format!("{}\\;{}", x(73), x(3)), &[75, 4]);
        // Two-octet letters next to an escape: neither is split.
        check_fold(&format!("{}\\nд{}", "д".repeat(36), x(3)), &[74, 6]);
        check_fold(&format!("x{}\\nд{}", "д".repeat(36), x(3)), &[75, 6]);
        check_fold(&format!("{}\\nд", "д".repeat(37)), &[74, 5]);
        // Three- and four-octet characters (a dash, an emoji) before and after an escape.
        check_fold(&format!("{}–\\n{}", x(72), x(3)), &[75, 6]);
        check_fold(&format!("{}–\\n{}", x(73), x(3)), &[73, 9]);
        check_fold(&format!("{}😀\\n{}", x(71), x(3)), &[75, 6]);
        check_fold(&format!("{}\\n😀{}", x(72), x(3)), &[74, 8]);
        check_fold(&format!("{}\\n😀{}", x(73), x(3)), &[75, 8]);
        // A space before an escape: the cut moves back before both, so the line does not end in the space.
        check_fold(&format!("{} \\n{}", x(73), x(3)), &[73, 7]);
        // A line made only of escapes, starting on an even and an odd octet.
        check_fold(&"\\n".repeat(80), &[74, 75, 13]);
        check_fold(&format!("x{}", "\\n".repeat(80)), &[75, 75, 13]);
        check_fold(&"\\\\".repeat(80), &[74, 75, 13]);
        check_fold(&r"\,\;\\\n".repeat(20), &[74, 75, 13]);
    }

    /// Issue 9: every file the app can write — the whole event and each agenda item, in English and Russian
    /// (the real Fluent texts), without and with a saved meeting link — has CRLF lines of at most 75 octets and
    /// no fold inside an escape. The Russian descriptions were folded between `\` and `n`.
    #[test]
    fn no_file_the_app_writes_folds_inside_an_escape() {
        let ev = Event::embedded();
        let l10n = crate::Localizer::embedded();
        let link = "https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xWc2NVdE1tT0NlUGpQZz09";
        let mut escapes = 0;
        for lang in crate::Lang::ALL {
            let text = crate::wording::calendar_text(&ev, &l10n, lang);
            for url in [None, Some(link)] {
                let mut files = vec![event_calendar(&ev, &text, url)];
                files.extend(ev.agenda.iter().map(|item| item_calendar(&ev, &item.id, &text, url).unwrap()));
                for ics in files {
                    let body = ics.strip_suffix("\r\n").expect("a final CRLF");
                    assert!(!body.replace("\r\n", "").contains(['\r', '\n']), "bare line break: {ics}");
                    check_physical_lines(body);
                    escapes += body.matches('\\').count();
                }
            }
        }
        assert!(escapes > 100, "the texts should hold escapes to check, found {escapes}");
    }

    fn check_clean(input: &str, expect: &str) {
        assert_eq!(clean(input), expect, "{input:?}");
    }

    #[test]
    fn control_characters_are_cleaned() {
        check_clean("a\r\nb", "a\nb");
        check_clean("a\rb", "a\nb");
        check_clean("a\tb\u{7}c\u{0}", "a\tbc");
        check_clean("Ташкент; Баку, Алматы", "Ташкент; Баку, Алматы");
    }

    #[test]
    fn pasted_windows_line_breaks_survive_the_round_trip() {
        let ev = Event::embedded();
        let mut t = text();
        t.description = format!("First line\r\nSecond line {}\r\nThird", "с пробелами ".repeat(12));
        let ics = event_calendar(&ev, &t, None);
        let description = text_value(&ics, "DESCRIPTION");
        assert!(description.starts_with(&t.description.replace("\r\n", "\n")), "{description:?}");
        // The independent parser reads the same text (it trims whitespace at fold points, which we avoid).
        assert_eq!(unescape(&value(&parse(&ics), "DESCRIPTION")), description);
    }

    #[test]
    fn uids_are_stable_and_distinct() {
        let ev = Event::embedded();
        let uids: Vec<String> =
            std::iter::once(event_uid(&ev)).chain(ev.agenda.iter().map(|i| item_uid(&ev, i))).collect();
        let again: Vec<String> =
            std::iter::once(event_uid(&ev)).chain(ev.agenda.iter().map(|i| item_uid(&ev, i))).collect();
        assert_eq!(uids, again);
        let unique: std::collections::HashSet<_> = uids.iter().collect();
        assert_eq!(unique.len(), uids.len());
        assert_eq!(uids[3], "session-2.gcm-almaty-process-2023-12-05@gcm-workshop");
    }
}
