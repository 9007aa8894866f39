//! IPC tests of the colour scheme and the text size: what reaches the settings file, or is refused without
//! touching it, through the mock-runtime harness in `mod.rs`.

use super::{check, en, harness, DURING};
use serde_json::json;

#[test]
fn theme_is_saved_and_unknown_refused() {
    let h = harness(None, DURING, en());
    let v = h.invoke("set_theme", json!({"theme": "dark"})).unwrap();
    assert_eq!(v["theme"], "dark");
    assert_eq!(h.saved()["theme"], "dark");
    assert_eq!(h.invoke("app_info", json!({})).unwrap()["theme"], "dark");
    check(
        &h,
        "set_theme",
        json!({"theme": "purple"}),
        r#"err {"kind":"unknown-theme","message":"“purple” is not a colour scheme this app offers. Choose the computer’s, light or dark."}"#,
    );
    assert_eq!(h.saved()["theme"], "dark", "a refused change leaves the file as it was");
    assert_eq!(h.invoke("set_theme", json!({"theme": "system"})).unwrap()["theme"], "system");
}

#[test]
fn text_scale_is_saved_on_a_step_and_refused_otherwise() {
    let h = harness(None, DURING, en());
    assert_eq!(h.invoke("set_text_scale", json!({"percent": 120})).unwrap()["text_scale"], 120);
    // Rust decides when the layout turns to one column; the UI only follows `large_text`.
    let large = |p: u32| h.invoke("set_text_scale", json!({"percent": p})).unwrap()["large_text"].clone();
    assert_eq!(
        (large(140), large(150), large(200), large(120)),
        (json!(false), json!(true), json!(true), json!(false))
    );
    assert_eq!(h.saved()["text_scale"], 120);
    assert_eq!(h.invoke("set_text_scale", json!({"percent": 80})).unwrap()["text_scale"], 80);
    assert_eq!(h.invoke("set_text_scale", json!({"percent": 200})).unwrap()["text_scale"], 200);
    check(
        &h,
        "set_text_scale",
        json!({"percent": 201}),
        r#"err {"kind":"text-scale","message":"Text size can be from 80% to 200% in steps of 10%, not 201%."}"#,
    );
    check(
        &h,
        "set_text_scale",
        json!({"percent": -5}),
        r#"err {"kind":"text-scale","message":"Text size can be from 80% to 200% in steps of 10%, not -5%."}"#,
    );
    check(
        &h,
        "set_text_scale",
        json!({"percent": 125}),
        r#"err {"kind":"text-scale","message":"Text size can be from 80% to 200% in steps of 10%, not 125%."}"#,
    );
    assert_eq!(h.saved()["text_scale"], 200, "a refused size leaves the file as it was");
    h.invoke("set_language", json!({"lang": "ru"})).unwrap();
    check(
        &h,
        "set_text_scale",
        json!({"percent": 79}),
        r#"err {"kind":"text-scale","message":"Размер текста может быть от 80 до 200 % с шагом 10 %, но не 79 %."}"#,
    );
    check(
        &h,
        "set_text_scale",
        json!({"percent": 85}),
        r#"err {"kind":"text-scale","message":"Размер текста может быть от 80 до 200 % с шагом 10 %, но не 85 %."}"#,
    );
    assert_eq!(h.saved()["text_scale"], 200, "sizes between steps are refused too");
    let limits = h.invoke("app_info", json!({})).unwrap()["text_scale_limits"].to_string();
    assert_eq!(limits, r#"{"max":200,"min":80,"normal":100,"step":10}"#);
}
