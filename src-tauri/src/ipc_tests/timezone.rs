//! IPC tests of the zone picker and the choice of zone, through the mock-runtime harness in `mod.rs`.

use super::{check, en, harness, ru, DURING};
use crate::state::OsInfo;
use serde_json::{json, Value};

#[test]
fn zones_lists_the_region_first_with_offsets_on_the_day() {
    let h = harness(None, DURING, en());
    let v = h.invoke("zones", json!({})).unwrap();
    assert_eq!(v["region_count"], 18);
    let zones = v["zones"].as_array().unwrap();
    assert_eq!(zones[0], json!({"zone": "Asia/Baku", "offset": "UTC+4", "label": "Baku, Azerbaijan — UTC+4"}));
    // Almaty was UTC+6 on 5 December 2023 (UTC+5 only since March 2024).
    assert!(zones.contains(&json!({"zone": "Asia/Almaty", "offset": "UTC+6", "label": "Almaty, Kazakhstan — UTC+6"})));
    assert!(
        zones.contains(&json!({"zone": "Asia/Kolkata", "offset": "UTC+5:30", "label": "Kolkata, India — UTC+5:30"}))
    );
    // After the region, by label: "Abidjan, Côte d’Ivoire" before "Accra".
    let rest: Vec<&str> = zones[18..].iter().map(|z| z["label"].as_str().unwrap()).collect();
    let mut sorted = rest.clone();
    sorted.sort_by_key(|l| l.to_lowercase());
    assert_eq!(rest, sorted);
    // One entry per place: no old id beside the zone it names.
    assert!(!zones.iter().any(|z| z["zone"] == "Europe/Uzhgorod" || z["zone"] == "Asia/Calcutta"));
    assert!(zones.len() > 300);
    assert_eq!(
        (v["current"].as_str(), v["offset"].as_str(), v["source"].as_str(), v["computer"].as_str()),
        (Some("Europe/Berlin"), Some("UTC+1"), Some("computer"), Some("Europe/Berlin"))
    );
    let unknown = harness(None, DURING, OsInfo { locales: vec![], zone: Some("Not/AZone".into()) });
    let v = unknown.invoke("zones", json!({})).unwrap();
    assert_eq!(
        (v["current"].as_str(), v["source"].as_str(), &v["computer"]),
        (Some("UTC"), Some("fallback"), &Value::Null)
    );
}

#[test]
fn set_timezone_saves_a_known_zone_and_refuses_others() {
    let h = harness(None, DURING, en());
    check(
        &h,
        "set_timezone",
        json!({"zone": "asia/almaty"}),
        r#"ok {"computer":"Europe/Berlin","current":"Asia/Almaty","offset":"UTC+6","place":"Almaty, Kazakhstan","source":"chosen"}"#,
    );
    assert_eq!(h.saved()["timezone"], "Asia/Almaty");
    assert_eq!(h.invoke("app_info", json!({})).unwrap()["zone"], "Asia/Almaty");
    let o = h.invoke("overview", json!({})).unwrap();
    assert_eq!((o["local"]["start"].as_str(), o["local"]["offset"].as_str()), (Some("12:00"), Some("UTC+6")));
    let agenda = h.invoke("agenda", json!({})).unwrap();
    assert_eq!((&agenda["rows"][2]["local"]["start"], &agenda["same_offset"]), (&json!("12:40"), &json!(false)));

    let before = h.settings_file();
    check(
        &h,
        "set_timezone",
        json!({"zone": "Mars/Base"}),
        r#"err {"kind":"unknown-zone","message":"“Mars/Base” is not a time zone, city or country this app knows."}"#,
    );
    check(
        &h,
        "set_timezone",
        json!({"zone": ""}),
        r#"err {"kind":"unknown-zone","message":"“” is not a time zone, city or country this app knows."}"#,
    );
    check(
        &h,
        "set_timezone",
        json!({"zone": "+04:00"}),
        r#"err {"kind":"unknown-zone","message":"“+04:00” is not a time zone, city or country this app knows."}"#,
    );
    assert_eq!(h.settings_file(), before, "a refused zone leaves the file as it was");

    // A legacy name the computer may report is accepted and stored as the tz database spells it.
    check(
        &h,
        "set_timezone",
        json!({"zone": "Asia/Calcutta"}),
        r#"ok {"computer":"Europe/Berlin","current":"Asia/Calcutta","offset":"UTC+5:30","place":"Kolkata, India","source":"chosen"}"#,
    );
    // Back to the computer's zone.
    check(
        &h,
        "set_timezone",
        json!({"zone": null}),
        r#"ok {"computer":"Europe/Berlin","current":"Europe/Berlin","offset":"UTC+1","place":"Berlin, Germany","source":"computer"}"#,
    );
    check(
        &h,
        "set_timezone",
        json!({}),
        r#"ok {"computer":"Europe/Berlin","current":"Europe/Berlin","offset":"UTC+1","place":"Berlin, Germany","source":"computer"}"#,
    );
    assert_eq!(h.saved()["timezone"], Value::Null);
}

#[test]
fn set_timezone_in_russian_refuses_in_russian() {
    let h = harness(None, DURING, ru());
    check(
        &h,
        "set_timezone",
        json!({"zone": "Mars/Base"}),
        r#"err {"kind":"unknown-zone","message":"Часовой пояс, город или страна «Mars/Base» приложению неизвестны."}"#,
    );
    assert_eq!(h.settings_file(), None, "nothing was written");
}

/// The picker in Russian shows places by their Russian names, and the search finds a zone by city or country in
/// either language, by IANA id or by offset; the Almaty Process zones stay first.
#[test]
fn zones_are_places_found_by_city_country_id_or_offset_in_either_language() {
    let h = harness(None, DURING, ru());
    let all = h.invoke("zones", json!({"query": null})).unwrap();
    assert_eq!(all["zones"][0]["label"], "Баку, Азербайджан — UTC+4");
    assert_eq!(all["place"], "Алматы, Казахстан");
    let found = |q: &str| -> (Vec<String>, u64) {
        let v = h.invoke("zones", json!({ "query": q })).unwrap();
        let ids = v["zones"].as_array().unwrap().iter().map(|z| z["zone"].as_str().unwrap().to_owned()).collect();
        (ids, v["region_count"].as_u64().unwrap())
    };
    let cases: &[(&str, &[&str])] = &[
        ("Алматы", &["Asia/Almaty"]),
        ("almaty", &["Asia/Almaty"]),
        ("Бишкек", &["Asia/Bishkek"]),
        ("Кыргызстан", &["Asia/Bishkek"]),
        ("Душанбе", &["Asia/Dushanbe"]),
        ("Tashkent", &["Asia/Tashkent"]),
        ("asia/kabul", &["Asia/Kabul"]),
        ("Баку", &["Asia/Baku"]),
    ];
    for (q, want) in cases {
        assert_eq!(found(q).0, *want, "{q}");
    }
    // A country with several zones: all of them, the region's first.
    let (kz, region) = found("Казахстан");
    assert!(kz.len() >= 2 && kz.contains(&"Asia/Almaty".to_owned()), "{kz:?}");
    assert_eq!(region as usize, kz.len(), "Kazakhstan's zones are all in the region group: {kz:?}");
    let (six, region) = found("UTC+6");
    assert!(six.contains(&"Asia/Almaty".to_owned()) && six.contains(&"Asia/Bishkek".to_owned()), "{six:?}");
    assert!(region >= 2 && six.len() > region as usize, "{six:?}");
    assert_eq!(found("Атлантида").0, Vec::<String>::new());
}
