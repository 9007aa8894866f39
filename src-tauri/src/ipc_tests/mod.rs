//! IPC tests: every command invoked through Tauri's mock runtime with the app's real context (so the real
//! capability file applies), checking the JSON the webview receives, errors included, and that no command
//! can be made to open a URL the webview supplies.

use crate::clock::Clock;
use crate::error::Error;
use crate::opener::OpenTarget;
use crate::settings::SettingsStore;
use crate::state::{AppState, OsInfo};
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, Manager, WebviewWindow, WebviewWindowBuilder};

struct Harness {
    _app: App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    dir: tempfile::TempDir,
    opened: Arc<Mutex<Vec<String>>>,
}

fn harness(settings: Option<&str>, now: &str, os: OsInfo) -> Harness {
    harness_in(tempfile::tempdir().unwrap(), settings, now, os)
}

/// [`harness`] with its settings in `dir/gcm-workshop/` (a test may have mounted something there).
fn harness_in(dir: tempfile::TempDir, settings: Option<&str>, now: &str, os: OsInfo) -> Harness {
    let path = dir.path().join("gcm-workshop").join("settings.json");
    if let Some(text) = settings {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
    }
    let clock = Clock::starting_at(Some(crate::clock::parse_now(now).unwrap()));
    let opened = Arc::new(Mutex::new(Vec::new()));
    let rec = opened.clone();
    let state = AppState::load(SettingsStore::at(&path), clock, os)
        .with_opener(move |t: &OpenTarget| -> Result<(), Error> {
            rec.lock().unwrap().push(t.as_str().to_owned());
            Ok(())
        })
        // Packs and keys beside the settings: never this computer's.
        .with_library(crate::packs::Library::beside(path.parent().unwrap().to_path_buf()));
    let app = crate::builder(mock_builder(), state).build(crate::context()).unwrap();
    // No native dialog on the mock runtime: a save dialog answers "cancelled" unless a test says otherwise.
    app.manage(crate::calendar_export::SaveTo::new(|_| None));
    app.manage(crate::packs::OpenFrom::new(|_| None));
    let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
    Harness { _app: app, window, dir, opened }
}

fn ru() -> OsInfo {
    OsInfo { locales: vec!["ru-KZ".into()], zone: Some("Asia/Almaty".into()) }
}

fn en() -> OsInfo {
    OsInfo { locales: vec!["en-GB".into()], zone: Some("Europe/Berlin".into()) }
}

const DURING: &str = "2023-12-05T10:41:00+04:00";

impl Harness {
    /// The settings file's bytes, `None` when there is none.
    fn settings_file(&self) -> Option<Vec<u8>> {
        std::fs::read(self.dir.path().join("gcm-workshop/settings.json")).ok()
    }

    fn invoke(&self, cmd: &str, body: Value) -> Result<Value, Value> {
        get_ipc_response(
            &self.window,
            InvokeRequest {
                cmd: cmd.into(),
                callback: tauri::ipc::CallbackFn(0),
                error: tauri::ipc::CallbackFn(1),
                url: "tauri://localhost".parse().unwrap(),
                body: tauri::ipc::InvokeBody::Json(body),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|b| b.deserialize::<Value>().unwrap())
    }

    fn saved(&self) -> Value {
        let text = std::fs::read_to_string(self.dir.path().join("gcm-workshop/settings.json")).unwrap();
        serde_json::from_str(&text).unwrap()
    }
}

/// Runs `cmd` with `body` and compares the result, rendered as `ok <json>` or `err <json>`, with `expect`.
fn check(h: &Harness, cmd: &str, body: Value, expect: &str) {
    let got = match h.invoke(cmd, body) {
        Ok(v) => format!("ok {v}"),
        Err(v) => format!("err {v}"),
    };
    assert_eq!(got, expect, "command {cmd}");
}

#[test]
fn app_info_reports_language_zone_and_title() {
    let h = harness(None, DURING, en());
    check(
        &h,
        "app_info",
        json!({}),
        r#"ok {"lang":"en","large_text":false,"notices":[],"text_scale":100,"text_scale_limits":{"max":200,"min":80,"normal":100,"step":10},"theme":"system","title":"Workshop on the Global Compact for Safe, Orderly and Regular Migration (GCM) in the framework of the Almaty Process","version":"0.1.0","zone":"Europe/Berlin","zone_source":"computer"}"#,
    );
    let ru = harness(None, DURING, OsInfo { locales: vec!["ru-KZ".into()], zone: Some("Not/AZone".into()) });
    let v = ru.invoke("app_info", json!({})).unwrap();
    assert_eq!(
        (v["lang"].as_str(), v["zone"].as_str(), v["zone_source"].as_str()),
        (Some("ru"), Some("UTC"), Some("fallback"))
    );
}

#[test]
fn first_view_answers_as_its_five_commands_do() {
    let (before, after) = ("2023-12-04T09:00:00+04:00", "2023-12-05T14:00:00+04:00");
    for (lang, when) in [(en(), before), (en(), DURING), (ru(), after)] {
        let h = harness(None, when, lang);
        let first = h.invoke("first_view", json!({})).unwrap();
        let fields: Vec<&str> = first.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(fields, ["agenda", "info", "live", "meeting", "overview"]);
        for (field, command) in [
            ("info", "app_info"),
            ("overview", "overview"),
            ("live", "live"),
            ("agenda", "agenda"),
            ("meeting", "meeting"),
        ] {
            assert_eq!(first[field], h.invoke(command, json!({})).unwrap(), "{field} at {when}");
        }
    }
}

#[test]
fn settings_view_answers_as_zones_meeting_and_localize_do() {
    for lang in [en(), ru()] {
        let h = harness(None, DURING, lang);
        let view = h.invoke("settings_view", json!({})).unwrap();
        let fields: Vec<&str> = view.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(fields, ["meeting", "reminders", "trusted_keys", "zone_groups", "zones"]);
        // `reminders` and `trusted_keys` have no command of their own: the IPC tests of reminders and packs check
        // them against what `set_reminders` and `trust_key` answer.
        assert_eq!(view["zones"], h.invoke("zones", json!({"query": null})).unwrap());
        assert_eq!(view["meeting"], h.invoke("meeting", json!({})).unwrap());
        let names =
            h.invoke("localize", json!({"requests": [{"id": "time-zone-region"}, {"id": "time-zone-all"}]})).unwrap();
        assert_eq!(view["zone_groups"], json!({"region": names[0]["value"], "all": names[1]["value"]}));
    }
    let ru = harness(None, DURING, ru()).invoke("settings_view", json!({})).unwrap();
    assert_eq!(ru["zone_groups"]["all"], "Все часовые пояса");
}

#[test]
fn localize_formats_values_attributes_args_and_markup() {
    let h = harness(None, DURING, en());
    check(&h, "localize", json!({"requests": [{"id": "nav-agenda"}]}), r#"ok [{"attrs":{},"value":"Agenda"}]"#);
    check(
        &h,
        "localize",
        json!({"requests": [{"id": "lang-switch"}]}),
        r#"ok [{"attrs":{"aria-label":"Language"},"value":""}]"#,
    );
    check(
        &h,
        "localize",
        json!({"requests": [{"id": "agenda-session-label", "args": {"number": 2}}]}),
        r#"ok [{"attrs":{},"value":"Session 2"}]"#,
    );
    let rich = h.invoke("localize", json!({"requests": [{"id": "concept-participate", "rich": true}]})).unwrap();
    assert_eq!(
        rich,
        json!([{"attrs": {}, "value": "Participate [here](join).", "rich": [{"t": "text", "s": "Participate "}, {"t": "link", "to": "join", "c": [{"t": "text", "s": "here"}]}, {"t": "text", "s": "."}]}])
    );
    // An unknown id never shows as a raw key.
    check(&h, "localize", json!({"requests": [{"id": "no-such-message"}]}), r#"ok [{"attrs":{},"value":""}]"#);
}

#[test]
fn set_language_saves_and_refuses_unknown() {
    let h = harness(None, DURING, en());
    let v = h.invoke("set_language", json!({"lang": "ru"})).unwrap();
    assert_eq!(v["lang"], "ru");
    assert_eq!(v["title"], "Семинар по Глобальному договору о безопасной, упорядоченной и легальной миграции (ГДМ) в рамках Алматинского процесса");
    assert_eq!(h.saved()["language"], "ru");
    check(
        &h,
        "set_language",
        json!({"lang": "fr"}),
        r#"err {"kind":"unknown-language","message":"«fr» — такого языка в приложении нет. Выберите английский или русский."}"#,
    );
    assert_eq!(h.saved()["language"], "ru", "a refused change leaves the file as it was");
}

#[test]
fn overview_and_agenda_follow_the_clock_and_zone() {
    let h = harness(None, DURING, en());
    let o = h.invoke("overview", json!({})).unwrap();
    assert_eq!(o["event"]["start"], "10:00");
    assert_eq!(o["local"]["start"], "07:00");
    assert_eq!(o["local"]["offset"], "UTC+1");
    assert_eq!(o["phase"]["phase"], "during");
    assert_eq!(o["aims"], json!([1, 2, 3, 4, 5]), "the built-in pack's aims, for overview-aim-<n>");
    let agenda = h.invoke("agenda", json!({})).unwrap();
    assert_eq!(agenda["same_offset"], json!(false), "Berlin is not Baku's UTC+4");
    let states: Vec<String> = agenda["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| format!("{}={}", r["id"].as_str().unwrap(), r["state"].as_str().unwrap()))
        .collect();
    assert_eq!(
        states.join(" "),
        "opening=past session-1=past session-2=now session-3=next session-4=later questions=later closing=later"
    );
    let after = harness(None, "2024-01-01T00:00:00Z", en());
    assert_eq!(after.invoke("overview", json!({})).unwrap()["phase"]["phase"], "after");
}

/// `concept` lists the concept note's paragraphs as the event pack has them, in the language in force.
#[test]
fn concept_lists_the_packs_paragraphs() {
    let h = harness(None, DURING, en());
    check(&h, "concept", json!({}), r#"ok {"paragraphs":[1,2,3,4,5,6,7,8,9,10,11,12,13]}"#);
    h.invoke("set_language", json!({"lang": "ru"})).unwrap();
    check(&h, "concept", json!({}), r#"ok {"paragraphs":[1,2,3,4,5,6,7,8,9,10,11,12,13]}"#);
}

/// `agenda` is `{"same_offset": bool, "rows": [...]}`; `same_offset` follows the participant's zone on the
/// event's date (Baku's UTC+4: Tbilisi yes, Almaty no).
#[test]
fn agenda_says_whether_one_time_column_is_enough() {
    let shape = |zone: &str| {
        let h = harness(None, DURING, OsInfo { locales: vec!["en-GB".into()], zone: Some(zone.into()) });
        let v = h.invoke("agenda", json!({})).unwrap();
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        let rows = v["rows"].as_array().unwrap();
        let first = &rows[0];
        format!(
            "{keys:?} same_offset={} rows={} first={} {}/{}",
            v["same_offset"],
            rows.len(),
            first["id"],
            first["event"]["offset"],
            first["local"]["offset"]
        )
    };
    assert_eq!(
        shape("Asia/Baku"),
        r#"["rows", "same_offset"] same_offset=true rows=7 first="opening" "UTC+4"/"UTC+4""#
    );
    assert_eq!(
        shape("Asia/Tbilisi"),
        r#"["rows", "same_offset"] same_offset=true rows=7 first="opening" "UTC+4"/"UTC+4""#
    );
    assert_eq!(
        shape("Asia/Almaty"),
        r#"["rows", "same_offset"] same_offset=false rows=7 first="opening" "UTC+4"/"UTC+6""#
    );
}

/// `gcm`: the objectives' numbers and the principles' ids in display order, the same in either language.
#[test]
fn gcm_lists_objectives_and_principles() {
    let expect = r#"ok {"objectives":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23],"principles":["people-centred","international-cooperation","national-sovereignty","rule-of-law","sustainable-development","human-rights","gender-responsive","child-sensitive","whole-of-government","whole-of-society"]}"#;
    check(&harness(None, DURING, en()), "gcm", json!({}), expect);
    check(&harness(None, DURING, ru()), "gcm", json!({}), expect);
}

#[test]
fn resources_list_cards_with_hosts() {
    let h = harness(None, DURING, en());
    let cards = h.invoke("resources", json!({})).unwrap();
    let gcm = cards.as_array().unwrap().iter().find(|c| c["id"] == "gcm").unwrap();
    assert_eq!(
        gcm.to_string(),
        r#"{"date":"19 December 2018","host":"undocs.org","id":"gcm","symbol":"A/RES/73/195"}"#
    );
}

#[test]
fn open_resource_opens_only_links_rust_holds() {
    let h = harness(None, DURING, en());
    check(&h, "open_resource", json!({"id": "gcm"}), "ok null");
    check(
        &h,
        "open_resource",
        json!({"id": "https://evil.example/"}),
        r#"err {"kind":"unknown-resource","message":"There is no resource called “https://evil.example/” in this app."}"#,
    );
    check(
        &h,
        "open_resource",
        json!({"id": "imrf-progress-declaration"}),
        r#"err {"kind":"no-official-link","message":"No official link is confirmed for “imrf-progress-declaration”, so the app does not open one."}"#,
    );
    // A URL smuggled in an extra field is ignored: the id alone decides.
    check(&h, "open_resource", json!({"id": "gfmd", "url": "https://evil.example/"}), "ok null");
    assert_eq!(
        *h.opened.lock().unwrap(),
        vec!["https://undocs.org/A/RES/73/195".to_owned(), "https://gfmd.org".to_owned()]
    );
}

/// A Russian reader opens the official Russian text where the event gives one (the GCM view's link, the SDG
/// declaration's card), and the one link otherwise.
#[test]
fn open_resource_opens_the_official_text_in_the_readers_language() {
    let h = harness(None, DURING, ru());
    for id in ["gcm", "sdg-declaration", "gfmd"] {
        check(&h, "open_resource", json!({ "id": id }), "ok null");
    }
    assert_eq!(
        *h.opened.lock().unwrap(),
        ["https://undocs.org/ru/A/RES/73/195", "https://undocs.org/ru/A/RES/78/1", "https://gfmd.org"]
    );
    let cards = h.invoke("resources", json!({})).unwrap();
    let sdg = cards.as_array().unwrap().iter().find(|c| c["id"] == "sdg-declaration").unwrap();
    assert_eq!((&sdg["symbol"], &sdg["date"]), (&json!("A/RES/78/1"), &json!("29 сентября 2023 г.")));
}

#[test]
fn no_command_opens_a_url_from_the_webview() {
    let h = harness(None, DURING, en());
    let evil = "https://evil.example/";
    for cmd in crate::COMMANDS {
        let _ = h.invoke(cmd, json!({"url": evil, "id": evil, "lang": evil, "requests": []}));
    }
    assert!(h.opened.lock().unwrap().iter().all(|u| u != evil), "opened: {:?}", h.opened.lock().unwrap());
}

#[test]
fn commands_outside_the_capability_are_refused() {
    let h = harness(None, DURING, en());
    assert!(h.invoke("plugin:opener|open_url", json!({"url": "https://evil.example/"})).is_err());
    assert!(h.invoke("plugin:shell|open", json!({"path": "https://evil.example/"})).is_err());
    assert!(h.invoke("no_such_command", json!({})).is_err());
}

#[test]
fn corrupt_settings_are_set_aside_and_reported_once() {
    let h = harness(Some("{\"language\": \"ru\",, oops"), DURING, en());
    let v = h.invoke("app_info", json!({})).unwrap();
    assert_eq!(v["lang"], "en");
    let notices = v["notices"].as_array().unwrap();
    assert_eq!(notices.len(), 1);
    assert!(notices[0]["message"].as_str().unwrap().starts_with("Your settings file could not be read"), "{v}");
    let aside: Vec<_> = std::fs::read_dir(h.dir.path().join("gcm-workshop"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().into_string().unwrap())
        .collect();
    assert!(aside.iter().any(|n| n.starts_with("settings.corrupt-") && n.ends_with(".json")), "{aside:?}");
    assert_eq!(h.invoke("app_info", json!({})).unwrap()["notices"], json!([]), "told once");
}

#[test]
fn capability_grants_exactly_our_commands() {
    let cap: Value = serde_json::from_str(include_str!("../../capabilities/main.json")).unwrap();
    assert_eq!(cap["windows"], json!(["main"]));
    let granted: Vec<String> =
        cap["permissions"].as_array().unwrap().iter().map(|p| p.as_str().unwrap().to_owned()).collect();
    let expected: Vec<String> = crate::COMMANDS.iter().map(|c| format!("allow-{}", c.replace('_', "-"))).collect();
    assert_eq!(granted, expected, "capabilities/main.json must grant exactly the commands in command_names.rs");
}

#[test]
fn every_declared_command_is_registered() {
    let h = harness(None, DURING, en());
    for cmd in crate::COMMANDS {
        if let Err(e) = h.invoke(cmd, json!({})) {
            let text = e.to_string();
            assert!(!text.contains("not found"), "{cmd} is declared but not registered: {text}");
        }
    }
}

// One module per feature, named as the feature's module in the shell.
mod appearance;
mod calendar_export;
mod hostile;
mod live;
mod meeting;
mod packs;
mod reminders;
mod search;
mod settings_faults;
mod timezone;
