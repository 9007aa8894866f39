//! IPC tests of the reminder settings, through the mock-runtime harness in `mod.rs`.

use super::{check, en, harness, DURING};
use serde_json::json;
use workshop_core::settings::LEGACY_EVENT_ID;

#[test]
fn reminder_settings_are_validated_and_saved() {
    let h = harness(None, DURING, en());
    let shown = |h: &super::Harness| h.invoke("settings_view", json!({})).unwrap()["reminders"].to_string();
    assert_eq!(shown(&h), r#"{"choices":[5,10,15,30],"enabled":false,"minutes":10}"#);
    check(
        &h,
        "set_reminders",
        json!({"enabled": true, "minutes": 7}),
        r#"err {"kind":"reminder-minutes","message":"Reminders can come 5, 10, 15 or 30 minutes before, not 7."}"#,
    );
    assert_eq!(h.settings_file(), None, "a refused lead time writes nothing");
    check(
        &h,
        "set_reminders",
        json!({"enabled": true, "minutes": 30}),
        r#"ok {"choices":[5,10,15,30],"enabled":true,"minutes":30}"#,
    );
    assert_eq!(h.saved()["events"][LEGACY_EVENT_ID]["reminders"], json!({"enabled": true, "minutes": 30}));
    assert_eq!(shown(&h), r#"{"choices":[5,10,15,30],"enabled":true,"minutes":30}"#, "Settings shows what was saved");
    assert!(h.invoke("set_reminders", json!({"enabled": "yes", "minutes": 5})).is_err());
    assert_eq!(h.saved()["events"][LEGACY_EVENT_ID]["reminders"], json!({"enabled": true, "minutes": 30}));
}
