//! IPC tests of event packs in the window: the Workshops view's list, switching, "Open event pack…" and the
//! trusted keys in Settings, with the Open dialog answered by the test (`OpenFrom`) and a key made for the run.

use super::{check, en, harness, Harness, DURING};
use crate::packs::{FileKind, OpenFrom};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tauri::Manager;
use workshop_core::pack::{archive, PackFiles};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// The fictional RTCM training (tests/fixtures/packs), signed with a key made now; (pack, public key file).
fn signed_fixture(dir: &Path) -> (PathBuf, PathBuf) {
    let root = workspace().join("tests/fixtures/packs/rtcm-migration-data-2027");
    let mut files = BTreeMap::new();
    for rel in ["event.json", "locales/en/event.ftl", "locales/en/agenda.ftl", "locales/en/resources.ftl"] {
        for lang_rel in [rel.to_owned(), rel.replace("/en/", "/ru/")] {
            files.insert(lang_rel.clone(), std::fs::read_to_string(root.join(&lang_rel)).unwrap());
        }
    }
    let inner = archive::write_files(&PackFiles::new(files));
    let kp = minisign::KeyPair::generate_unencrypted_keypair().unwrap();
    let sig = minisign::sign(None, &kp.sk, std::io::Cursor::new(&inner), None, None).unwrap().to_string();
    let pack = dir.join("rtcm.gcmpack");
    std::fs::write(&pack, archive::write_container(&inner, Some(&sig))).unwrap();
    let public = dir.join("organiser.pub");
    std::fs::write(&public, kp.pk.to_box().unwrap().to_string()).unwrap();
    (pack, public)
}

fn answer(h: &Harness, pack: Option<PathBuf>, key: Option<PathBuf>) {
    h.window.app_handle().state::<OpenFrom>().set(move |kind| match kind {
        FileKind::Pack => pack.clone(),
        FileKind::Key => key.clone(),
    });
}

fn ids(v: &Value) -> Vec<(String, bool)> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|e| (e["id"].as_str().unwrap().to_owned(), e["shown"].as_bool().unwrap()))
        .collect()
}

#[test]
fn the_workshops_view_lists_the_built_in_event_and_refuses_an_unknown_id() {
    let h = harness(None, DURING, en());
    let list = h.invoke("events", json!({})).unwrap();
    assert_eq!(ids(&list), vec![("gcm-almaty-process-2023-12-05".to_owned(), true)]);
    assert_eq!(list[0]["status"], "now");
    assert_eq!(list[0]["signer"], Value::Null);
    check(
        &h,
        "show_event",
        json!({"id": "rtcm-2030"}),
        r#"err {"kind":"unknown-event","message":"No installed event is called “rtcm-2030”."}"#,
    );
    assert_eq!(h.settings_file(), None, "nothing saved for an unknown id");
}

#[test]
fn open_pack_trust_and_switch() {
    let h = harness(None, DURING, en());
    let files = tempfile::tempdir().unwrap();
    let (pack, public) = signed_fixture(files.path());

    // Closing the dialog is "cancelled"; an untrusted signer is refused with the reason.
    check(&h, "open_pack", json!({}), r#"err {"kind":"cancelled","message":"Cancelled."}"#);
    answer(&h, Some(pack.clone()), Some(public.clone()));
    let refused = h.invoke("open_pack", json!({})).unwrap_err();
    assert_eq!(refused["kind"], "pack");
    assert!(refused["message"].as_str().unwrap().contains("which this computer does not trust"), "{refused}");

    // Settings: the key is shown first, trusted only when confirmed.
    let trusted = || h.invoke("settings_view", json!({})).unwrap()["trusted_keys"].clone();
    let before = trusted();
    let picked = h.invoke("pick_key", json!({})).unwrap();
    // The id as the organiser's `.pub` file from the minisign tool shows it: the minisign crate's comment (which
    // pads to 16 digits) without its leading zeros (one key in sixteen has one).
    let public_text = std::fs::read_to_string(&public).unwrap();
    let padded = public_text.lines().next().unwrap().rsplit(' ').next().unwrap();
    assert_eq!(padded.len(), 16, "{public_text}");
    assert_eq!(picked["id"].as_str().unwrap(), padded.trim_start_matches('0'), "{picked}");
    assert!(picked["fingerprint"].as_str().unwrap().starts_with("RW"));
    assert_eq!(trusted(), before, "not trusted before confirming");
    let keys = h.invoke("trust_key", json!({})).unwrap();
    assert_eq!(trusted(), keys, "Settings shows the keys trust_key answers with");
    let added = keys.as_array().unwrap().iter().find(|k| k["id"] == picked["id"]).expect("the key is trusted");
    assert_eq!((added["source"].as_str(), added["source_text"].as_str()), (Some("user"), Some("a key you added")));
    check(&h, "trust_key", json!({}), r#"err {"kind":"cancelled","message":"Cancelled."}"#);

    let opened = h.invoke("open_pack", json!({})).unwrap();
    assert_eq!(opened["outcome"], "installed");
    assert_eq!(
        opened["message"],
        "Installed “Training on migration data for policy makers” (16 March 2027 – 17 March 2027), version 1."
    );
    assert_eq!(opened["signer"]["source"], "user");
    assert_eq!(opened["changes"], json!([]));
    let again = h.invoke("open_pack", json!({})).unwrap();
    assert_eq!(again["outcome"], "same");

    // Both events listed; the built-in one is still shown until the participant switches.
    let list = h.invoke("events", json!({})).unwrap();
    assert_eq!(
        ids(&list),
        vec![("gcm-almaty-process-2023-12-05".to_owned(), true), ("rtcm-migration-data-2027-03-16".to_owned(), false)]
    );
    assert_eq!(list[1]["status"], "upcoming");
    assert_eq!(list[1]["signer"]["key"], picked["id"]);
    let anchors = |q: &str| -> Vec<String> {
        let hits = h.invoke("search", json!({"query": q})).unwrap()["hits"].clone();
        hits.as_array().unwrap().iter().map(|x| x["anchor"].as_str().unwrap().to_owned()).collect()
    };
    assert!(anchors("Marrakech").contains(&"resource-gcm".to_owned()), "the 2023 workshop's resources are searched");
    check(&h, "show_event", json!({"id": "rtcm-migration-data-2027-03-16"}), "ok null");
    assert_eq!(h.saved()["event"], "rtcm-migration-data-2027-03-16", "the choice is remembered");
    let overview = h.invoke("overview", json!({})).unwrap();
    assert_eq!(overview["event"]["zone"], "Asia/Bishkek");
    let info = h.invoke("app_info", json!({})).unwrap();
    assert_eq!(info["title"], "Training on migration data for policy makers");
    // Search covers the event shown: the training's agenda in both languages, not the 2023 workshop's.
    assert!(anchors("censuses").contains(&"item-sources".to_owned()), "{:?}", anchors("censuses"));
    assert!(
        !anchors("Marrakech").contains(&"resource-gcm".to_owned()),
        "the 2023 workshop's resources are not searched"
    );
    h.invoke("set_language", json!({"lang": "ru"})).unwrap();
    assert!(anchors("переписи").contains(&"item-sources".to_owned()), "{:?}", anchors("переписи"));
    h.invoke("set_language", json!({"lang": "en"})).unwrap();
    check(&h, "show_event", json!({"id": "gcm-almaty-process-2023-12-05"}), "ok null");
    assert_eq!(h.invoke("overview", json!({})).unwrap()["event"]["zone"], "Asia/Baku");

    // A hostile pack: refused with its reason, nothing more installed.
    answer(&h, Some(workspace().join("tests/fixtures/hostile/packs/05-unsigned.gcmpack")), None);
    let refused = h.invoke("open_pack", json!({})).unwrap_err();
    assert_eq!(refused["kind"], "pack");
    assert!(refused["message"].as_str().unwrap().starts_with("This event pack is not signed"), "{refused}");
    assert_eq!(h.invoke("events", json!({})).unwrap().as_array().unwrap().len(), 2);
}
