//! IPC tests of calendar export through an injected save target (the native dialog is not opened in tests),
//! through the mock-runtime harness in `mod.rs`.

use super::{check, en, harness, Harness, DURING};
use crate::calendar_export::SaveTo;
use serde_json::json;
use std::path::PathBuf;
use tauri::Manager;

impl Harness {
    /// The save dialog answers `answer` (a file name inside the test's folder, or `None`: cancelled).
    fn save_as(&self, answer: Option<&str>) -> Option<PathBuf> {
        let path = answer.map(|name| self.dir.path().join(name));
        let chosen = path.clone();
        self._app.state::<SaveTo>().set(move |_proposed: &str| chosen.clone());
        path
    }
}

#[test]
fn export_calendar_writes_where_the_dialog_says() {
    let h = harness(Some(r#"{"language":"ru"}"#), DURING, en());
    let path = h.save_as(Some("workshop.ics")).unwrap();
    let got = h.invoke("export_calendar", json!({})).unwrap();
    assert_eq!(got, json!(path.display().to_string()));
    let ics = std::fs::read_to_string(&path).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
    assert!(ics.contains("DTSTART:20231205T060000Z\r\n") && ics.contains("DTEND:20231205T090000Z\r\n"), "{ics}");
    assert!(ics.contains("SUMMARY:Семинар по Глобальному договору"), "in the UI language: {ics}");

    let item = h.save_as(Some("session-2.ics")).unwrap();
    h.invoke("export_calendar", json!({"item": "session-2"})).unwrap();
    let ics = std::fs::read_to_string(&item).unwrap();
    assert!(ics.contains("DTSTART:20231205T064000Z\r\n") && ics.contains("DTEND:20231205T073000Z\r\n"), "{ics}");
    assert!(ics.contains("UID:session-2.gcm-almaty-process-2023-12-05@gcm-workshop\r\n"), "{ics}");

    check(
        &h,
        "export_calendar",
        json!({"item": "session-9"}),
        r#"err {"kind":"unknown-item","message":"В программе нет пункта «session-9»."}"#,
    );
    check(
        &h,
        "export_calendar",
        json!({"item": "../../etc/passwd"}),
        r#"err {"kind":"unknown-item","message":"В программе нет пункта «../../etc/passwd»."}"#,
    );
    h.save_as(None);
    check(&h, "export_calendar", json!({}), r#"err {"kind":"cancelled","message":"Отменено."}"#);
}

#[test]
fn export_calendar_proposes_a_file_name_and_reports_write_failures() {
    let h = harness(None, DURING, en());
    let proposed = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let rec = proposed.clone();
    let target = h.dir.path().join("no-such-folder").join("x.ics");
    let t = target.clone();
    h._app.state::<SaveTo>().set(move |name: &str| {
        rec.lock().unwrap().push(name.to_owned());
        Some(t.clone())
    });
    check(
        &h,
        "export_calendar",
        json!({"item": "closing"}),
        r#"err {"kind":"calendar","message":"The calendar file could not be saved."}"#,
    );
    assert_eq!(*proposed.lock().unwrap(), vec!["gcm-workshop-2023-12-05-closing.ics".to_owned()]);
    assert!(!target.exists());
}

#[test]
fn the_webview_has_no_dialog_or_notification_access() {
    let h = harness(None, DURING, en());
    for (cmd, body) in [
        ("plugin:dialog|save", json!({"options": {}})),
        ("plugin:dialog|open", json!({"options": {}})),
        ("plugin:dialog|message", json!({"message": "hi"})),
        ("plugin:notification|notify", json!({"options": {"title": "x"}})),
        ("plugin:notification|request_permission", json!({})),
    ] {
        assert!(h.invoke(cmd, body).is_err(), "{cmd} must be refused");
    }
}
