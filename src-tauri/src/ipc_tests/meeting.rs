//! IPC tests of the join panel's commands, through the mock-runtime harness in `mod.rs`: what
//! the webview receives, what reaches the settings file, and what the injected opener and clipboard record.

use super::{check, en, harness, Harness, DURING};
use crate::error::Error;
use crate::meeting::CopyTo;
use crate::state::OsInfo;
use serde_json::json;
use std::sync::{Arc, Mutex};
use tauri::Manager;
use workshop_core::settings::LEGACY_EVENT_ID;

const LINK: &str = "https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xWc2NVdE1tT0NlUGpQZz09";

const INVITATION: &str = "Amr Taha is inviting you to a scheduled Zoom meeting.\n\nJoin Zoom Meeting\n\
https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xWc2NVdE1tT0NlUGpQZz09\n\nMeeting ID: 850 1234 5678\nPasscode: 584706\n";

const HOSTILE: &str = "Join Zoom Meeting\nhttps://zoom.us.evil.example/j/85012345678\nPasscode: 1";

fn saved_settings() -> String {
    format!(r#"{{"meeting":"{LINK}","passcode":"584706"}}"#)
}

impl Harness {
    fn opened(&self) -> Vec<String> {
        self.opened.lock().unwrap().clone()
    }

    /// Records what `copy_meeting` would put on the clipboard.
    fn record_copies(&self) -> Arc<Mutex<Vec<String>>> {
        let copied = Arc::new(Mutex::new(Vec::new()));
        let rec = copied.clone();
        self._app.manage(CopyTo(Box::new(move |t: &str| -> Result<(), Error> {
            rec.lock().unwrap().push(t.to_owned());
            Ok(())
        })));
        copied
    }
}

#[test]
fn check_shows_what_was_found_without_saving() {
    let h = harness(None, DURING, en());
    check(
        &h,
        "meeting_check",
        json!({"text": INVITATION}),
        &format!(
            r#"ok {{"browser":true,"host":"us02web.zoom.us","kind":"meeting","meeting_id":"850 1234 5678","passcode":"584706","personal":false,"url":"{LINK}"}}"#
        ),
    );
    assert_eq!(h.settings_file(), None, "checking must not write the settings file");
    check(
        &h,
        "meeting",
        json!({}),
        r#"ok {"event_link":false,"guide_open":false,"interpretation":true,"link":null,"prominent":false,"source":null,"stage":"during"}"#,
    );
}

#[test]
fn save_writes_link_and_passcode() {
    let h = harness(None, DURING, en());
    let panel = h.invoke("meeting_save", json!({"text": INVITATION})).unwrap();
    assert_eq!(
        (panel["source"].as_str(), panel["link"]["url"].as_str(), panel["prominent"].as_bool()),
        (Some("saved"), Some(LINK), Some(true))
    );
    assert_eq!(
        (
            h.saved()["events"][LEGACY_EVENT_ID]["meeting"].as_str(),
            h.saved()["events"][LEGACY_EVENT_ID]["passcode"].as_str()
        ),
        (Some(LINK), Some("584706"))
    );
}

#[test]
fn hostile_invitation_is_refused_and_changes_nothing() {
    let h = harness(Some(&saved_settings()), DURING, en());
    let before = h.settings_file();
    let refused = r#"err {"kind":"meeting-link","message":"This link does not lead to Zoom. Use the link from your invitation e-mail: its address ends in zoom.us, zoom.com or zoomgov.com (such as us02web.zoom.us)."}"#;
    check(&h, "meeting_check", json!({"text": HOSTILE}), refused);
    check(&h, "meeting_save", json!({"text": HOSTILE}), refused);
    check(
        &h,
        "meeting_save",
        json!({"text": "javascript:alert(1)"}),
        r#"err {"kind":"meeting-link","message":"The link must start with https://. Copy the link from your invitation e-mail."}"#,
    );
    check(
        &h,
        "meeting_save",
        json!({"text": ""}),
        r#"err {"kind":"meeting-link","message":"Paste your invitation e-mail or the Zoom link first."}"#,
    );
    assert_eq!(h.settings_file(), before, "a refused invitation must leave the settings file as it was");
    check(&h, "join", json!({}), "ok null");
    assert_eq!(h.opened(), vec![LINK.to_owned()]);

    let ru = harness(None, DURING, OsInfo { locales: vec!["ru-RU".into()], zone: Some("Asia/Baku".into()) });
    check(
        &ru,
        "meeting_save",
        json!({"text": HOSTILE}),
        r#"err {"kind":"meeting-link","message":"Эта ссылка ведёт не в Zoom. Используйте ссылку из письма с приглашением: её адрес оканчивается на zoom.us, zoom.com или zoomgov.com (например, us02web.zoom.us)."}"#,
    );
    assert_eq!(ru.settings_file(), None);
}

#[test]
fn join_opens_exactly_the_saved_link() {
    let h = harness(Some(&saved_settings()), DURING, en());
    check(&h, "join", json!({}), "ok null");
    // The webview cannot choose what opens: extra fields are ignored.
    check(&h, "join", json!({"url": "https://evil.example/", "text": "https://zoom.us/j/111111111"}), "ok null");
    check(&h, "join_browser", json!({"url": "https://evil.example/"}), "ok null");
    assert_eq!(
        h.opened(),
        vec![
            LINK.to_owned(),
            LINK.to_owned(),
            "https://app.zoom.us/wc/85012345678/join?pwd=Yk5aR0xWc2NVdE1tT0NlUGpQZz09".to_owned()
        ]
    );
}

#[test]
fn join_without_a_link_says_what_to_do() {
    let h = harness(None, DURING, en());
    let none =
        r#"err {"kind":"no-meeting","message":"No meeting link is saved yet. Paste your Zoom invitation first."}"#;
    check(&h, "join", json!({}), none);
    check(&h, "join", json!({"url": "https://evil.example/"}), none);
    check(&h, "join_browser", json!({}), none);
    check(&h, "copy_meeting", json!({"what": "link"}), none);
    assert_eq!(h.opened(), Vec::<String>::new());
}

#[test]
fn remove_forgets_the_link_and_passcode() {
    let h = harness(Some(&saved_settings()), DURING, en());
    let panel = h.invoke("meeting_remove", json!({})).unwrap();
    assert_eq!(panel["link"], json!(null));
    assert_eq!(
        (
            h.saved()["events"][LEGACY_EVENT_ID]["meeting"].clone(),
            h.saved()["events"][LEGACY_EVENT_ID]["passcode"].clone()
        ),
        (json!(null), json!(null))
    );
    check(
        &h,
        "join",
        json!({}),
        r#"err {"kind":"no-meeting","message":"No meeting link is saved yet. Paste your Zoom invitation first."}"#,
    );
}

#[test]
fn copy_names_a_detail_never_a_text() {
    let h = harness(Some(&saved_settings()), DURING, en());
    let copied = h.record_copies();
    for what in ["id", "passcode", "link"] {
        check(&h, "copy_meeting", json!({"what": what}), "ok null");
    }
    // An unknown target is refused when the arguments are read (`CopyWhat`), not reported as a missing detail.
    for bad in [json!({"what": "https://evil.example/"}), json!({"what": "Link"}), json!({"what": 1}), json!({})] {
        let err = h.invoke("copy_meeting", bad.clone()).unwrap_err().to_string();
        assert!(err.contains("copy_meeting") && err.contains("what"), "{bad}: {err}");
        assert!(!err.contains("no-meeting-detail"), "{bad}: {err}");
    }
    check(&h, "copy_meeting", json!({"what": "link", "text": "https://evil.example/"}), "ok null");
    assert_eq!(
        *copied.lock().unwrap(),
        vec!["85012345678".to_owned(), "584706".to_owned(), LINK.to_owned(), LINK.to_owned()]
    );
    assert_eq!(h.opened(), Vec::<String>::new(), "copying opens nothing");
}

#[test]
fn panel_is_prominent_soon_and_during_only() {
    let stage = |now: &str| {
        let h = harness(Some(&saved_settings()), now, en());
        let p = h.invoke("meeting", json!({})).unwrap();
        format!("{} {}", p["stage"].as_str().unwrap(), p["prominent"])
    };
    assert_eq!(stage("2023-12-05T09:00:00+04:00"), "before false");
    assert_eq!(stage("2023-12-05T09:50:00+04:00"), "soon true");
    assert_eq!(stage(DURING), "during true");
    assert_eq!(stage("2023-12-05T13:05:00+04:00"), "after false");
}

/// A link without a meeting ID (a personal room) has no web-client link and no ID to copy: that detail is missing.
#[test]
fn personal_link_lacks_the_browser_and_the_id() {
    let h = harness(Some(r#"{"meeting":"https://zoom.us/my/jane.doe"}"#), DURING, en());
    let missing = r#"err {"kind":"no-meeting-detail","message":"This detail is not in your invitation. Use the meeting link instead."}"#;
    check(&h, "join_browser", json!({}), missing);
    check(&h, "copy_meeting", json!({"what": "id"}), missing);
    check(&h, "join", json!({}), "ok null");
    assert_eq!(h.opened(), vec!["https://zoom.us/my/jane.doe".to_owned()]);
}

#[test]
fn the_webview_has_no_clipboard_access() {
    let h = harness(Some(&saved_settings()), DURING, en());
    assert!(h.invoke("plugin:clipboard-manager|read_text", json!({})).is_err());
    assert!(h.invoke("plugin:clipboard-manager|write_text", json!({"text": "x"})).is_err());
}
