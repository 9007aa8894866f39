//! The calendar writer: any title and description give lines of at most 75 octets, CRLF-ended, whose SUMMARY reads
//! back as the title (control characters but line breaks and tabs dropped).
#![no_main]
use libfuzzer_sys::fuzz_target;
use workshop_core::calendar::{event_calendar, CalendarText};
use workshop_core::Event;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (title, description) = text.split_once('\u{0}').unwrap_or((&text, ""));
    let title: String = title.chars().filter(|c| !c.is_control()).collect();
    let cal = CalendarText {
        title: title.clone(),
        description: description.to_owned(),
        organiser: "Organiser: RTCM".into(),
        location: "Online, on Zoom".into(),
        items: Vec::new(),
    };
    let ics = event_calendar(&Event::embedded(), &cal, None);
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75 && !line.contains('\n') && !line.contains('\r'), "{line:?}");
    }
    let unfolded = ics.replace("\r\n ", "");
    let summary = unfolded.split("\r\n").find_map(|l| l.strip_prefix("SUMMARY:")).unwrap_or_default();
    let mut back = String::new();
    let mut chars = summary.chars();
    while let Some(c) = chars.next() {
        back.push(if c == '\\' {
            chars.next().map(|n| if n == 'n' || n == 'N' { '\n' } else { n }).unwrap_or('\\')
        } else {
            c
        });
    }
    assert_eq!(back, title);
});
