//! IPC tests of the worded live state the views show and refresh, through the mock-runtime harness in `mod.rs`.

use super::{en, harness, ru, Harness, DURING};
use serde_json::json;

/// The parts of `live` the views show, as one line: "status | detail | left | current>next".
fn live_line(h: &Harness) -> String {
    let v = h.invoke("live", json!({})).unwrap();
    let s = |k: &str| v[k].as_str().unwrap_or("").to_owned();
    format!("{} | {} | {} | {}>{}", s("status"), s("detail"), s("left"), s("current"), s("next"))
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
        (
            "2023-12-05T13:00:00+04:00",
            en(),
            "This workshop took place on 5 December 2023. | All materials remain available in this app. |  | >",
        ),
        (
            "2024-06-01T00:00:00Z",
            ru(),
            "Семинар состоялся 5 декабря 2023 г. | Все материалы по-прежнему доступны в приложении. |  | >",
        ),
    ];
    for (now, os, expect) in cases {
        let h = harness(None, now, os);
        assert_eq!(live_line(&h), expect, "{now}");
    }
    let soon = harness(None, "2023-12-05T09:50:00+04:00", en()).invoke("live", json!({})).unwrap();
    assert_eq!(
        (soon["phase"]["phase"].as_str(), soon["phase"]["soon"].as_bool()),
        (Some("before"), Some(true)),
        "the join panel's cue"
    );
    let during = harness(None, DURING, en()).invoke("live", json!({})).unwrap();
    let states: Vec<String> = during["states"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| format!("{}={}", s["id"].as_str().unwrap(), s["state"].as_str().unwrap()))
        .collect();
    assert_eq!(
        states.join(" "),
        "opening=past session-1=past session-2=now session-3=next session-4=later questions=later closing=later"
    );
}

/// `live.meeting` is `{"stage": …, "prominent": bool}`, prominent only soon or during and with a link in force;
/// it agrees with the join panel's `stage` and `prominent`.
#[test]
fn live_carries_the_join_cue() {
    let saved = r#"{"meeting":"https://zoom.us/j/123456789"}"#;
    let cue = |settings: Option<&str>, now: &str| {
        let h = harness(settings, now, en());
        let live = h.invoke("live", json!({})).unwrap()["meeting"].clone();
        let panel = h.invoke("meeting", json!({})).unwrap();
        assert_eq!(
            (&live["stage"], &live["prominent"]),
            (&panel["stage"], &panel["prominent"]),
            "live and meeting agree at {now}"
        );
        live.to_string()
    };
    assert_eq!(cue(Some(saved), "2023-12-05T09:44:00+04:00"), r#"{"prominent":false,"stage":"before"}"#);
    assert_eq!(cue(Some(saved), "2023-12-05T09:50:00+04:00"), r#"{"prominent":true,"stage":"soon"}"#);
    assert_eq!(cue(None, "2023-12-05T09:50:00+04:00"), r#"{"prominent":false,"stage":"soon"}"#);
    assert_eq!(cue(Some(saved), DURING), r#"{"prominent":true,"stage":"during"}"#);
    assert_eq!(cue(None, DURING), r#"{"prominent":false,"stage":"during"}"#);
    assert_eq!(cue(Some(saved), "2023-12-05T13:00:00+04:00"), r#"{"prominent":false,"stage":"after"}"#);
}
