//! IPC tests of search: the places the webview receives, in the language in force, through the mock-runtime
//! harness in `mod.rs`.

use super::{check, en, harness, DURING};
use serde_json::json;

#[test]
fn search_returns_places_in_the_current_language() {
    let h = harness(None, DURING, en());
    check(
        &h,
        "search",
        json!({"query": "remittances"}),
        r#"ok [{"anchor":"gcm-objective-20","parts":[{"s":"Promote faster, safer and cheaper transfer of "},{"mark":true,"s":"remittances"},{"s":" and foster financial inclusion of migrants"}],"snippet":"Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants","title":"Objective 20","view":"gcm"}]"#,
    );
    check(&h, "search", json!({"query": "x"}), "ok []");
    check(&h, "search", json!({"query": ""}), "ok []");
    // After switching to Russian, the Russian texts are searched and titled in Russian.
    h.invoke("set_language", json!({"lang": "ru"})).unwrap();
    check(&h, "search", json!({"query": "remittances"}), "ok []");
    let hits = h.invoke("search", json!({"query": "ДЕНЕЖНЫХ"})).unwrap();
    let hit =
        hits.as_array().unwrap().iter().find(|x| x["anchor"] == "gcm-objective-20").expect("objective 20 in Russian");
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
