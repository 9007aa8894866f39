//! Property tests of everything that reads outside input or writes for another program: the invitation parser,
//! the settings loader, the event-pack reader, the inline markup parser and the calendar writer. Each runs 2,000
//! generated cases on stable Rust in seconds (`proptest`); the inputs mix arbitrary text and bytes with
//! pieces of the real formats, so that the parsers get past their first check.

use proptest::prelude::*;
use workshop_core::calendar::{event_calendar, CalendarText};
use workshop_core::meeting::{parse_invitation, validate_link};
use workshop_core::pack::{self, archive, Limits};
use workshop_core::settings::{Settings, Theme};
use workshop_core::{markup, Event, Lang};

/// Text made of pieces of invitations and noise: hosts, paths, ids, passcodes, separators, odd characters.
fn invitation_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("https://".to_owned()),
        Just("http://".to_owned()),
        Just("us02web.zoom.us".to_owned()),
        Just("zoom.us".to_owned()),
        Just("zoomgov.com".to_owned()),
        Just("evil.example".to_owned()),
        Just("/j/".to_owned()),
        Just("/s/".to_owned()),
        Just("/my/".to_owned()),
        Just("?pwd=".to_owned()),
        Just("Passcode: ".to_owned()),
        Just("Meeting ID: ".to_owned()),
        Just("%2F".to_owned()),
        Just("=\r\n".to_owned()),
        Just("&amp;".to_owned()),
        Just("urldefense.proofpoint.com/v2/url?u=".to_owned()),
        "[0-9]{1,12}",
        "[A-Za-z0-9._-]{0,12}",
        "\\PC{0,8}",
        Just(" ".to_owned()),
        Just("\n".to_owned()),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

proptest! {
    // A failure prints its minimal input; it becomes a case in the tables, not a file beside the tests.
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    /// The parser never panics; what it accepts is an https link that the same checks accept again.
    #[test]
    fn invitation_parser_accepts_only_links_it_would_check_again(text in invitation_text()) {
        if let Ok(link) = parse_invitation(&text) {
            prop_assert!(link.url.starts_with("https://"), "{}", link.url);
            let again = validate_link(&link.url);
            prop_assert!(again.is_ok(), "{} accepted, then refused: {:?}", link.url, again.err());
        }
    }

    /// Any bytes: the settings loader never panics.
    #[test]
    fn settings_loader_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let _ = Settings::from_bytes(&bytes);
    }

    /// Valid settings written and read back are the same settings.
    #[test]
    fn settings_round_trip(
        language in prop::option::of(prop_oneof![Just(Lang::En), Just(Lang::Ru)]),
        zone in prop::option::of(prop::sample::select(vec!["Asia/Almaty", "Asia/Baku", "Europe/Berlin", "UTC"])),
        theme in prop_oneof![Just(Theme::System), Just(Theme::Light), Just(Theme::Dark)],
        step in 0u32..13,
        meeting in prop::option::of("https://zoom\\.us/j/[0-9]{9,11}"),
    ) {
        let mut s = Settings { language, timezone: zone.map(str::to_owned), theme, text_scale: 80 + step * 10, ..Settings::default() };
        // An event's settings equal to the defaults are not written (nothing to keep).
        if meeting.is_some() {
            s.event_mut("gcm-almaty-process-2023-12-05").meeting = meeting;
        }
        let back = Settings::from_json(&s.to_json());
        prop_assert_eq!(back.as_ref().ok(), Some(&s), "{:?}", back.as_ref().err());
    }

    /// The inline markup parser never panics, and its plain text is never longer than the source.
    #[test]
    fn markup_never_panics_and_only_removes(src in "[*\\[\\]()a-z <>&/:.-]{0,80}") {
        let _ = markup::parse(&src);
        let plain = markup::plain(&src);
        prop_assert!(plain.chars().count() <= src.chars().count(), "{:?} → {:?}", src, plain);
    }

    /// The calendar writer's SUMMARY and DESCRIPTION read back, unfolded and unescaped, as the text given; every
    /// line is CRLF-ended and at most 75 octets.
    #[test]
    fn calendar_text_reads_back(title in "[^\\p{Cc}]{0,120}", description in "[^\\p{Cc}]{0,60}(\n[^\\p{Cc}]{0,40}){0,3}") {
        let ev = Event::embedded();
        let text = CalendarText {
            title: title.clone(),
            description: description.clone(),
            organiser: "Organiser: RTCM".into(),
            location: "Online, on Zoom".into(),
            items: Vec::new(),
        };
        let ics = event_calendar(&ev, &text, None);
        prop_assert!(ics.ends_with("\r\n"));
        for line in ics.split("\r\n") {
            prop_assert!(line.len() <= 75, "{} octets: {:?}", line.len(), line);
            prop_assert!(!line.contains('\r') && !line.contains('\n'));
        }
        let unfolded = ics.replace("\r\n ", "");
        let value = |name: &str| -> String {
            let line = unfolded.split("\r\n").find(|l| l.starts_with(&format!("{name}:"))).unwrap_or_default();
            unescape(line.get(name.len() + 1..).unwrap_or_default())
        };
        prop_assert_eq!(value("SUMMARY"), title);
        prop_assert!(value("DESCRIPTION").starts_with(&description), "{:?}", value("DESCRIPTION"));
    }

    /// Any bytes, and a good pack with a byte changed: the pack reader never panics.
    #[test]
    fn pack_reader_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2000), at in any::<prop::sample::Index>(), xor in 1u8..) {
        let _ = archive::read_container(&bytes, &Limits::default());
        let _ = archive::read_files(&bytes, &Limits::default());
        let _ = pack::open(&bytes, &[], "x", &[]);
        let mut good = good_pack().clone();
        let i = at.index(good.len());
        good[i] ^= xor;
        let _ = pack::open(&good, &[], "x", &[]);
        let _ = archive::read_container(&good, &Limits::default()).and_then(|c| archive::read_files(&c.pack_zip, &Limits::default()));
    }
}

/// RFC 5545 TEXT unescaped: `\n`/`\N`, `\,`, `\;`, `\\`.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The built-in pack's files as a `.gcmpack` without a signature (the reader gets to every entry).
fn good_pack() -> &'static Vec<u8> {
    static PACK: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    PACK.get_or_init(|| {
        let p = pack::Pack::builtin();
        archive::write_container(&archive::write_files(&p.files), None)
    })
}
