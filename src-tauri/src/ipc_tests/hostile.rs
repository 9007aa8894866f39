//! IPC tests of the hostile corpus (`tests/fixtures/hostile/`, issue 14) through the window's own commands: every
//! invitation the window can be given (text: the corpus's files that are UTF-8 or carry a byte-order mark) pasted
//! into `meeting_check` and `meeting_save`, every pack opened with "Open event pack…" (`open_pack`), and every
//! settings file that is text found at start (`app_info`'s notices), each in English and in Russian. The kind, the
//! message in the window's language, and that nothing saved changes are as the corpus's `expected.tsv` says for
//! the command line.

use super::{en, harness, ru, Harness, DURING};
use crate::packs::{FileKind, OpenFrom};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use tauri::Manager;
use workshop_core::{FluentValue, Lang, Localizer};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().join("tests/fixtures/hostile")
}

/// One line of a folder's `expected.tsv`: file, exit code, kind, message id, detail.
struct Row {
    file: String,
    exit: i32,
    kind: String,
    message: String,
    detail: String,
}

fn rows(folder: &str) -> Vec<Row> {
    let text = std::fs::read_to_string(corpus().join(folder).join("expected.tsv")).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let exit = f[1].parse().unwrap();
            Row { file: f[0].into(), exit, kind: f[2].into(), message: f[3].into(), detail: f[4].into() }
        })
        .collect()
}

const SAVED_LINK: &str = "https://zoom.us/j/99988877766";
const EVENT: &str = "gcm-almaty-process-2023-12-05";

fn saved_settings() -> String {
    format!(r#"{{"events": {{"{EVENT}": {{"meeting": "{SAVED_LINK}", "passcode": "111"}}}}}}"#)
}

/// Whether `text` is the message `id` in `lang` whatever its arguments: its fixed parts, in order, with every
/// argument text, or one of them a number from 1 to 10 (so every plural form is tried).
fn is_message(lang: Lang, id: &str, text: &str) -> bool {
    const HOLE: &str = "\u{E000}";
    let l10n = Localizer::embedded();
    let vars: Vec<String> =
        workshop_core::i18n::shapes(lang).remove(id).map(|s| s.1.into_iter().collect()).unwrap_or_default();
    let render = |number: Option<(&str, f64)>| {
        let args: Vec<(&str, FluentValue)> = vars
            .iter()
            .map(|v| match number {
                Some((n, x)) if n == v => (v.as_str(), FluentValue::from(x)),
                _ => (v.as_str(), FluentValue::from(HOLE)),
            })
            .collect();
        l10n.text_with(lang, id, &args)
    };
    let mut templates = vec![render(None)];
    for v in &vars {
        templates.extend((1..=10).map(|n| render(Some((v, f64::from(n))))));
    }
    templates.iter().any(|t| {
        let mut from = 0;
        !t.is_empty()
            && t.split(HOLE).filter(|p| !p.is_empty()).all(|part| match text[from..].find(part) {
                Some(i) => {
                    from += i + part.len();
                    true
                }
                None => false,
            })
    })
}

/// The window in `lang`, with the link saved before (or `settings` as found).
fn window(lang: Lang, settings: Option<&str>) -> Harness {
    let saved = saved_settings();
    harness(Some(settings.unwrap_or(&saved)), DURING, if lang == Lang::Ru { ru() } else { en() })
}

/// Every invitation the window can be given, pasted: `meeting_check` never writes, `meeting_save` refuses with
/// the kind and the message the command line gives (in the window's language) and leaves the saved link, or saves
/// the link the corpus expects.
#[test]
fn hostile_invitations_pasted_into_the_window() {
    let mut pasted = 0;
    for row in rows("invitations") {
        let bytes = std::fs::read(corpus().join("invitations").join(&row.file)).unwrap();
        // What a paste can hold: text. A file in a legacy code page or binary data never reaches the window.
        let Ok(text) = workshop_core::settings::decode_text(&bytes) else { continue };
        pasted += 1;
        for lang in Lang::ALL {
            let h = window(lang, None);
            let before = h.settings_file();
            let what = format!("{} ({})", row.file, lang.code());
            let checked = h.invoke("meeting_check", json!({ "text": text }));
            assert_eq!(h.settings_file(), before, "{what}: meeting_check wrote");
            let saved = h.invoke("meeting_save", json!({ "text": text }));
            match (row.exit, saved) {
                (0, Ok(_)) => {
                    assert!(checked.is_ok(), "{what}: meeting_check refused what meeting_save took: {checked:?}");
                    assert_eq!(h.saved()["events"][EVENT]["meeting"], row.detail.as_str(), "{what}");
                }
                (0, Err(e)) => panic!("{what}: refused: {e}"),
                (_, Ok(v)) => panic!("{what}: saved {v}"),
                (_, Err(e)) => {
                    assert_eq!(checked.as_ref().err(), Some(&e), "{what}: meeting_check and meeting_save agree");
                    assert_eq!(e["kind"], row.kind.as_str(), "{what}: {e}");
                    let message = e["message"].as_str().unwrap();
                    assert!(is_message(lang, &row.message, message), "{what}: {message:?} is not {}", row.message);
                    assert_eq!(h.settings_file(), before, "{what}: the saved link must stay");
                }
            }
        }
    }
    assert!(pasted >= 80, "{pasted} invitations pasted");
}

/// Every pack of the corpus opened with "Open event pack…", its key trusted by the participant: refused with the
/// pack's reason in the window's language; nothing installed, the settings as they were.
#[test]
fn hostile_packs_opened_in_the_window() {
    let packs = corpus().join("packs");
    for row in rows("packs") {
        for lang in Lang::ALL {
            let h = window(lang, None);
            let keys = h.dir.path().join("gcm-workshop/trusted-keys");
            std::fs::create_dir_all(&keys).unwrap();
            std::fs::copy(packs.join("corpus.pub"), keys.join("corpus.pub")).unwrap();
            let before = h.settings_file();
            let path = packs.join(&row.file);
            h.window.app_handle().state::<OpenFrom>().set(move |kind| (kind == FileKind::Pack).then(|| path.clone()));
            let what = format!("{} ({})", row.file, lang.code());
            let e = h.invoke("open_pack", json!({})).expect_err(&what);
            assert_eq!(e["kind"], row.kind.as_str(), "{what}: {e}");
            let message = e["message"].as_str().unwrap();
            assert!(is_message(lang, &row.message, message), "{what}: {message:?} is not {}", row.message);
            let events = h.invoke("events", json!({})).unwrap();
            assert_eq!(events.as_array().map(Vec::len), Some(1), "{what}: only the built-in event");
            assert_eq!(h.settings_file(), before, "{what}");
        }
    }
}

/// Every settings file of the corpus that is text (the harness writes text), found when the window starts: set
/// aside whole with the notice in the window's language, or read and left as it was.
#[test]
fn hostile_settings_found_by_the_window() {
    let mut found = 0;
    for row in rows("settings") {
        let bytes = std::fs::read(corpus().join("settings").join(&row.file)).unwrap();
        let Ok(text) = std::str::from_utf8(&bytes) else { continue };
        found += 1;
        for lang in Lang::ALL {
            let h = window(lang, Some(text));
            let what = format!("{} ({})", row.file, lang.code());
            let info = h.invoke("app_info", json!({})).unwrap();
            let notices = info["notices"].as_array().unwrap();
            let dir = h.dir.path().join("gcm-workshop");
            let aside: Vec<PathBuf> = std::fs::read_dir(&dir)
                .unwrap()
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("settings.corrupt-"))
                .collect();
            if row.message == "notice-settings-reset" {
                assert_eq!(notices.len(), 1, "{what}: {info}");
                assert_eq!(notices[0]["id"], "notice-settings-reset", "{what}");
                let message = notices[0]["message"].as_str().unwrap();
                assert!(is_message(lang, &row.message, message), "{what}: {message:?}");
                assert_eq!(aside.len(), 1, "{what}: {aside:?}");
                assert_eq!(std::fs::read(&aside[0]).unwrap(), bytes, "{what}: set aside whole");
            } else {
                assert_eq!(notices, &Vec::<Value>::new(), "{what}");
                assert!(aside.is_empty(), "{what}: {aside:?}");
                assert_eq!(h.settings_file(), Some(bytes.clone()), "{what}: left as it was");
            }
        }
    }
    assert!(found >= 45, "{found} settings files");
}
