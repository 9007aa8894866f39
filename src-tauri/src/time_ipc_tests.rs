//! IPC tests of the time commands (issue 4), through the same mock-runtime harness as `ipc_tests`: the zone
//! picker and the choice of zone, the worded live state the views show, reminder settings, and calendar
//! export through an injected save target (the native dialog is not opened in tests).

use super::{check, en, harness, Harness, DURING};
use crate::calendar_export::SaveTo;
use crate::state::OsInfo;
use serde_json::{json, Value};
use std::path::PathBuf;
use tauri::Manager;

fn ru() -> OsInfo {
    OsInfo { locale: Some("ru-KZ".into()), zone: Some("Asia/Almaty".into()) }
}

impl Harness {
    fn settings_file(&self) -> Option<Vec<u8>> {
        std::fs::read(self.dir.path().join("gcm-workshop/settings.json")).ok()
    }

    /// The save dialog answers `answer` (a file name inside the test's folder, or `None`: cancelled).
    fn save_as(&self, answer: Option<&str>) -> Option<PathBuf> {
        let path = answer.map(|name| self.dir.path().join(name));
        let chosen = path.clone();
        self._app.state::<SaveTo>().set(move |_proposed: &str| chosen.clone());
        path
    }
}

/// The parts of `live` the views show, as one line: "status | detail | left | current>next".
fn live_line(h: &Harness) -> String {
    let v = h.invoke("live", json!({})).unwrap();
    let s = |k: &str| v[k].as_str().unwrap_or("").to_owned();
    format!("{} | {} | {} | {}>{}", s("status"), s("detail"), s("left"), s("current"), s("next"))
}

#[test]
fn zones_lists_the_region_first_with_offsets_on_the_day() {
    let h = harness(None, DURING, en());
    let v = h.invoke("zones", json!({})).unwrap();
    assert_eq!(v["region_count"], 18);
    let zones = v["zones"].as_array().unwrap();
    assert_eq!(zones[0], json!({"zone": "Asia/Baku", "offset": "UTC+4"}));
    // Almaty was UTC+6 on 5 December 2023 (UTC+5 only since March 2024).
    assert!(zones.contains(&json!({"zone": "Asia/Almaty", "offset": "UTC+6"})));
    assert!(zones.contains(&json!({"zone": "Asia/Kolkata", "offset": "UTC+5:30"})));
    assert!(zones.len() > 300);
    assert_eq!(
        (v["current"].as_str(), v["offset"].as_str(), v["source"].as_str(), v["computer"].as_str()),
        (Some("Europe/Berlin"), Some("UTC+1"), Some("computer"), Some("Europe/Berlin"))
    );
    let unknown = harness(None, DURING, OsInfo { locale: None, zone: Some("Not/AZone".into()) });
    let v = unknown.invoke("zones", json!({})).unwrap();
    assert_eq!((v["current"].as_str(), v["source"].as_str(), &v["computer"]), (Some("UTC"), Some("fallback"), &Value::Null));
}

#[test]
fn set_timezone_saves_a_known_zone_and_refuses_others() {
    let h = harness(None, DURING, en());
    check(&h, "set_timezone", json!({"zone": "asia/almaty"}), r#"ok {"computer":"Europe/Berlin","current":"Asia/Almaty","offset":"UTC+6","source":"chosen"}"#);
    assert_eq!(h.saved()["timezone"], "Asia/Almaty");
    assert_eq!(h.invoke("app_info", json!({})).unwrap()["zone"], "Asia/Almaty");
    let o = h.invoke("overview", json!({})).unwrap();
    assert_eq!((o["local"]["start"].as_str(), o["local"]["offset"].as_str()), (Some("12:00"), Some("UTC+6")));
    let rows = h.invoke("agenda", json!({})).unwrap();
    assert_eq!(rows[2]["local"]["start"], "12:40");

    let before = h.settings_file();
    check(&h, "set_timezone", json!({"zone": "Mars/Base"}), r#"err {"kind":"unknown-zone","message":"“Mars/Base” is not a time zone this app knows."}"#);
    check(&h, "set_timezone", json!({"zone": ""}), r#"err {"kind":"unknown-zone","message":"“” is not a time zone this app knows."}"#);
    check(&h, "set_timezone", json!({"zone": "+04:00"}), r#"err {"kind":"unknown-zone","message":"“+04:00” is not a time zone this app knows."}"#);
    assert_eq!(h.settings_file(), before, "a refused zone leaves the file as it was");

    // A legacy name the computer may report is accepted and stored as the tz database spells it.
    check(&h, "set_timezone", json!({"zone": "Asia/Calcutta"}), r#"ok {"computer":"Europe/Berlin","current":"Asia/Calcutta","offset":"UTC+5:30","source":"chosen"}"#);
    // Back to the computer's zone.
    check(&h, "set_timezone", json!({"zone": null}), r#"ok {"computer":"Europe/Berlin","current":"Europe/Berlin","offset":"UTC+1","source":"computer"}"#);
    check(&h, "set_timezone", json!({}), r#"ok {"computer":"Europe/Berlin","current":"Europe/Berlin","offset":"UTC+1","source":"computer"}"#);
    assert_eq!(h.saved()["timezone"], Value::Null);
}

#[test]
fn set_timezone_in_russian_refuses_in_russian() {
    let h = harness(None, DURING, ru());
    check(&h, "set_timezone", json!({"zone": "Mars/Base"}), r#"err {"kind":"unknown-zone","message":"Часовой пояс «Mars/Base» приложению неизвестен."}"#);
    assert_eq!(h.settings_file(), None, "nothing was written");
}

#[test]
fn live_texts_before_during_and_after() {
    let cases = [
        ("2023-12-02T09:00:00+04:00", en(), "Starts in 3 days, 1 hour |  |  | >opening"),
        ("2023-12-02T09:00:00+04:00", ru(), "До начала: 3 дня, 1 час |  |  | >opening"),
        ("2023-12-05T08:55:00+04:00", ru(), "До начала: 1 час, 5 минут |  |  | >opening"),
        ("2023-12-05T09:50:00+04:00", en(), "Starting soon | Starts in 10 minutes |  | >opening"),
        (DURING, en(), "Happening now |  | 49 minutes left | session-2>session-3"),
        (DURING, ru(), "Идёт сейчас |  | Осталось: 49 минут | session-2>session-3"),
        ("2023-12-05T12:34:00+04:00", ru(), "Идёт сейчас |  | Осталось: 21 минута | questions>closing"),
        ("2023-12-05T13:00:00+04:00", en(), "This workshop took place on 5 December 2023. | All materials remain available in this app. |  | >"),
        ("2024-06-01T00:00:00Z", ru(), "Семинар состоялся 5 декабря 2023 г. | Все материалы по-прежнему доступны в приложении. |  | >"),
    ];
    for (now, os, expect) in cases {
        let h = harness(None, now, os);
        assert_eq!(live_line(&h), expect, "{now}");
    }
    let soon = harness(None, "2023-12-05T09:50:00+04:00", en()).invoke("live", json!({})).unwrap();
    assert_eq!((soon["phase"]["phase"].as_str(), soon["phase"]["soon"].as_bool()), (Some("before"), Some(true)), "the join panel's cue");
    let during = harness(None, DURING, en()).invoke("live", json!({})).unwrap();
    let states: Vec<String> = during["states"].as_array().unwrap().iter().map(|s| format!("{}={}", s["id"].as_str().unwrap(), s["state"].as_str().unwrap())).collect();
    assert_eq!(states.join(" "), "opening=past session-1=past session-2=now session-3=next session-4=later questions=later closing=later");
}

#[test]
fn reminder_settings_are_validated_and_saved() {
    let h = harness(None, DURING, en());
    check(&h, "reminder_settings", json!({}), r#"ok {"choices":[5,10,15,30],"enabled":false,"minutes":10}"#);
    check(&h, "set_reminders", json!({"enabled": true, "minutes": 7}), r#"err {"kind":"reminder-minutes","message":"Reminders can come 5, 10, 15 or 30 minutes before, not 7."}"#);
    assert_eq!(h.settings_file(), None, "a refused lead time writes nothing");
    check(&h, "set_reminders", json!({"enabled": true, "minutes": 30}), r#"ok {"choices":[5,10,15,30],"enabled":true,"minutes":30}"#);
    assert_eq!(h.saved()["reminders"], json!({"enabled": true, "minutes": 30}));
    assert!(h.invoke("set_reminders", json!({"enabled": "yes", "minutes": 5})).is_err());
    assert_eq!(h.saved()["reminders"], json!({"enabled": true, "minutes": 30}));
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

    check(&h, "export_calendar", json!({"item": "session-9"}), r#"err {"kind":"unknown-item","message":"В программе нет пункта «session-9»."}"#);
    check(&h, "export_calendar", json!({"item": "../../etc/passwd"}), r#"err {"kind":"unknown-item","message":"В программе нет пункта «../../etc/passwd»."}"#);
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
    check(&h, "export_calendar", json!({"item": "closing"}), r#"err {"kind":"calendar","message":"The calendar file could not be saved."}"#);
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
