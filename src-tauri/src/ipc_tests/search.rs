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
        r#"ok {"elsewhere":null,"hits":[{"anchor":"gcm-objective-20","parts":[{"s":"Promote faster, safer and cheaper transfer of "},{"mark":true,"s":"remittances"},{"s":" and foster financial inclusion of migrants"}],"snippet":"Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants","title":"Objective 20","view":"gcm"}]}"#,
    );
    check(&h, "search", json!({"query": "x"}), r#"ok {"elsewhere":null,"hits":[]}"#);
    check(&h, "search", json!({"query": ""}), r#"ok {"elsewhere":null,"hits":[]}"#);
    // After switching to Russian, the Russian texts are searched and titled in Russian; the English query finds
    // nothing there, and the answer says where it would.
    h.invoke("set_language", json!({"lang": "ru"})).unwrap();
    check(&h, "search", json!({"query": "remittances"}), r#"ok {"elsewhere":{"count":1,"lang":"en"},"hits":[]}"#);
    let hits = h.invoke("search", json!({"query": "ДЕНЕЖНЫХ"})).unwrap()["hits"].clone();
    let hit =
        hits.as_array().unwrap().iter().find(|x| x["anchor"] == "gcm-objective-20").expect("objective 20 in Russian");
    assert_eq!((hit["title"].as_str(), hit["view"].as_str()), (Some("Цель 20"), Some("gcm")));
    // Every result names a view the UI has and an anchor of the form that view uses.
    let all = h.invoke("search", json!({"query": "ГДМ"})).unwrap()["hits"].clone();
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

/// `elsewhere` names the other language only when the current one has nothing and the other has something, with
/// its count; in both directions.
#[test]
fn search_says_which_other_language_has_the_words() {
    let h = harness(None, DURING, en());
    let answer = |q: &str| h.invoke("search", json!({"query": q})).unwrap();
    let ru_count = |q: &str| {
        h.invoke("set_language", json!({"lang": "ru"})).unwrap();
        let n = answer(q)["hits"].as_array().unwrap().len();
        h.invoke("set_language", json!({"lang": "en"})).unwrap();
        n
    };
    // In English: a Russian word is found in Russian only.
    let n = ru_count("переводов");
    assert!(n >= 1, "the Russian texts have «переводов»");
    assert_eq!(answer("переводов"), json!({"elsewhere": {"lang": "ru", "count": n}, "hits": []}));
    // Words that both languages have, and words that none has: nothing elsewhere.
    assert!(!answer("Almaty").as_object().unwrap()["hits"].as_array().unwrap().is_empty());
    assert_eq!(answer("Almaty")["elsewhere"], json!(null), "found here, so not looked for elsewhere");
    assert_eq!(answer("qwertyuiop"), json!({"elsewhere": null, "hits": []}));
    assert_eq!(answer("щщщщ"), json!({"elsewhere": null, "hits": []}));
}
