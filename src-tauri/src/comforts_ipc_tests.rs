//! IPC tests of the comforts' commands (issue 6), through the same mock-runtime harness as `ipc_tests`: search
//! results as the webview receives them, in the language in force, and the colour scheme and text size reaching
//! the settings file — or being refused without touching it.

use super::{check, en, harness, DURING};
use serde_json::json;

#[test]
fn search_returns_places_in_the_current_language() {
    let h = harness(None, DURING, en());
    check(&h, "search", json!({"query": "remittances"}), r#"ok [{"anchor":"gcm-objective-20","parts":[{"s":"Promote faster, safer and cheaper transfer of "},{"mark":true,"s":"remittances"},{"s":" and foster financial inclusion of migrants"}],"snippet":"Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants","title":"Objective 20","view":"gcm"}]"#);
    check(&h, "search", json!({"query": "x"}), "ok []");
    check(&h, "search", json!({"query": ""}), "ok []");
    // After switching to Russian, the Russian texts are searched and titled in Russian.
    h.invoke("set_language", json!({"lang": "ru"})).unwrap();
    check(&h, "search", json!({"query": "remittances"}), "ok []");
    let hits = h.invoke("search", json!({"query": "ДЕНЕЖНЫХ"})).unwrap();
    let hit = hits.as_array().unwrap().iter().find(|x| x["anchor"] == "gcm-objective-20").expect("objective 20 in Russian");
    assert_eq!((hit["title"].as_str(), hit["view"].as_str()), (Some("Цель 20"), Some("gcm")));
    // Every result names a view the UI has and an anchor of the form that view uses.
    let all = h.invoke("search", json!({"query": "ГДМ"})).unwrap();
    for x in all.as_array().unwrap() {
        let (view, anchor) = (x["view"].as_str().unwrap(), x["anchor"].as_str().unwrap());
        let prefix = match view {
            "concept" => "concept-p",
            "agenda" => "item-",
            "resources" => "resource-",
            "gcm" => "gcm-",
            other => panic!("unknown view {other}"),
        };
        assert!(anchor.starts_with(prefix), "{view} {anchor}");
    }
}

#[test]
fn theme_is_saved_and_unknown_refused() {
    let h = harness(None, DURING, en());
    let v = h.invoke("set_theme", json!({"theme": "dark"})).unwrap();
    assert_eq!(v["theme"], "dark");
    assert_eq!(h.saved()["theme"], "dark");
    assert_eq!(h.invoke("app_info", json!({})).unwrap()["theme"], "dark");
    check(&h, "set_theme", json!({"theme": "purple"}), r#"err {"kind":"unknown-theme","message":"“purple” is not a colour scheme this app offers. Choose the computer’s, light or dark."}"#);
    assert_eq!(h.saved()["theme"], "dark", "a refused change leaves the file as it was");
    assert_eq!(h.invoke("set_theme", json!({"theme": "system"})).unwrap()["theme"], "system");
}

#[test]
fn text_scale_is_saved_within_range_and_refused_outside() {
    let h = harness(None, DURING, en());
    assert_eq!(h.invoke("set_text_scale", json!({"percent": 120})).unwrap()["text_scale"], 120);
    assert_eq!(h.saved()["text_scale"], 120);
    assert_eq!(h.invoke("set_text_scale", json!({"percent": 80})).unwrap()["text_scale"], 80);
    assert_eq!(h.invoke("set_text_scale", json!({"percent": 200})).unwrap()["text_scale"], 200);
    check(&h, "set_text_scale", json!({"percent": 201}), r#"err {"kind":"text-scale","message":"Text size can be from 80% to 200%, not 201%."}"#);
    check(&h, "set_text_scale", json!({"percent": -5}), r#"err {"kind":"text-scale","message":"Text size can be from 80% to 200%, not -5%."}"#);
    assert_eq!(h.saved()["text_scale"], 200, "a refused size leaves the file as it was");
    h.invoke("set_language", json!({"lang": "ru"})).unwrap();
    check(&h, "set_text_scale", json!({"percent": 79}), r#"err {"kind":"text-scale","message":"Размер текста может быть от 80 до 200 %, но не 79 %."}"#);
}
