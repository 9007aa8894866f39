//! The meeting in the real window (issue 5): the join panel — pasting an invitation, confirming, joining, copying,
//! refusing a hostile paste, the fallback when the computer cannot open the link, how the panel looks through the
//! day in both languages, and how it follows the clock while open.
//!
//! Opening is observed with stub launchers: the `open` crate (5.x) on Linux runs `xdg-open` first, found on
//! `PATH`, and tries `gio open`, `gnome-open` and `kde-open*` only if it is missing or fails. A stub `xdg-open`
//! first on the app's `PATH` that records its argument and exits 0 is therefore the one used; the failure test
//! stubs every launcher with one that records and exits 1.

use crate::harness::{Options, Result, Session};
use crate::{english, has_cyrillic, show};
use std::path::Path;

const LINK: &str = "https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xWc2NVdE1tT0NlUGpQZz09";

const INVITATION: &str = "Join Zoom Meeting
https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xWc2NVdE1tT0NlUGpQZz09
Meeting ID: 850 1234 5678
Passcode: 584706";

const HOSTILE: &str = "Join: https://zoom.us.evil.example/j/85012345678";
const CONFLICTING: &str =
    "Join: https://us02web.zoom.us/j/85012345678?pwd=abc.1\nor https://us02web.zoom.us/j/85012345678?pwd=xyz.1";

const DURING: &str = "2023-12-05T10:41:00+04:00";

/// Every launcher the `open` crate may try on Linux.
const LAUNCHERS: [&str; 6] = ["xdg-open", "gio", "gnome-open", "kde-open6", "kde-open5", "kde-open"];

/// A folder of stub launchers that append their last argument to `opened.txt` and exit with `status`.
struct Stubs {
    dir: tempfile::TempDir,
}

impl Stubs {
    fn new(launchers: &[&str], status: i32) -> Result<Stubs> {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::Builder::new().prefix("gcm-e2e-open-").tempdir()?;
        let log = dir.path().join("opened.txt");
        for name in launchers {
            let path = dir.path().join(name);
            // The URL is the last argument (`gio open URL`).
            let script = format!(
                "#!/bin/sh\nfor a in \"$@\"; do last=\"$a\"; done\nprintf '%s\\n' \"$last\" >> '{}'\nexit {status}\n",
                log.display()
            );
            std::fs::write(&path, script)?;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))?;
        }
        Ok(Stubs { dir })
    }

    /// `PATH` with the stubs first.
    fn path(&self) -> String {
        format!("{}:{}", self.dir.path().display(), std::env::var("PATH").unwrap_or_default())
    }

    fn opened(&self) -> Vec<String> {
        std::fs::read_to_string(self.dir.path().join("opened.txt"))
            .unwrap_or_default()
            .lines()
            .map(str::to_owned)
            .collect()
    }
}

fn saved(home: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(home.join("gcm-workshop/settings.json")).unwrap_or_default();
    serde_json::from_str(&text).unwrap_or(serde_json::Value::Null)
}

/// The built-in workshop's id: its settings are kept under `events.<id>` in the file.
const BUILTIN: &str = "gcm-almaty-process-2023-12-05";

fn saved_link(config: &Path) -> Option<String> {
    saved(config)["events"][BUILTIN]["meeting"].as_str().map(str::to_owned)
}

/// Types `text` into the join panel's paste box (replacing what is there) and asks for a check.
async fn paste(s: &Session, text: &str) -> Result<()> {
    let box_ = s.wait_visible("#join textarea").await?;
    box_.clear().await?;
    // WebKitWebDriver drops "\n" from typed text: press Enter (U+E007) for each line break instead.
    box_.send_keys(&text.replace('\n', "\u{E007}")).await?;
    let typed = s.js("return document.getElementById('join-paste').value;").await?;
    assert_eq!(typed.as_str(), Some(text), "what was typed into the paste box");
    s.click("#join form.join-paste button[type=\"submit\"]").await
}

async fn wait_opened(s: &Session, stubs: &Stubs, expect: &[&str]) -> Result<()> {
    let expect: Vec<String> = expect.iter().map(|e| e.to_string()).collect();
    s.wait_until(&format!("the stub launcher to record {expect:?}"), s.timeout(), || async {
        Ok((stubs.opened() == expect).then_some(()))
    })
    .await
}

#[tokio::test]
async fn paste_confirm_join_copy_and_refuse() -> Result<()> {
    let stubs = Stubs::new(&["xdg-open"], 0)?;
    let s = Session::start(english().env("GCM_WORKSHOP_NOW", DURING).env("PATH", stubs.path())).await?;
    s.wait_view("overview").await?;
    let config = s.config_home().to_path_buf();

    // No link yet: the button explains and leads to the paste box.
    s.wait_text_contains("#join-button", "Add your Zoom invitation").await?;
    s.click("#join-button").await?;
    s.wait_js("focus in the paste box", "return document.activeElement && document.activeElement.id === 'join-paste';")
        .await?;
    s.screenshot("join-en-empty").await?;

    paste(&s, INVITATION).await?;
    let found = s.wait_text_contains("#join-found", "850 1234 5678").await?;
    assert!(found.contains("584706") && found.contains(LINK), "what was found: {found:?}");
    assert_eq!(saved_link(&config), None, "checking must not save");
    s.screenshot("join-en-confirm").await?;
    s.click("#join-found [data-action=\"confirm\"]").await?;
    s.wait_until("settings.json to hold the link", s.timeout(), || async {
        Ok((saved_link(&config).as_deref() == Some(LINK)).then_some(()))
    })
    .await?;
    assert_eq!(saved(&config)["events"][BUILTIN]["passcode"], "584706");
    s.wait_text_contains("#join-button", "Join the meeting").await?;
    assert!(
        s.attr("#join", "class").await?.unwrap_or_default().contains("prominent"),
        "during the event the panel is prominent"
    );

    s.click("#join-button").await?;
    wait_opened(&s, &stubs, &[LINK]).await?;

    // Copy through Rust's clipboard, then paste it back in the page to see what the system clipboard holds.
    s.click("#join [data-copy=\"id\"]").await?;
    s.wait_text_contains("#join-status", "Copied").await?;
    s.click("#join [data-action=\"change\"]").await?;
    let box_ = s.wait_visible("#join textarea").await?;
    box_.clear().await?;
    box_.send_keys("\u{E009}v\u{E000}").await?;
    s.wait_until("the pasted clipboard to hold the meeting ID", s.timeout(), || async {
        let v = s.js("return document.getElementById('join-paste').value;").await?;
        Ok((v.as_str() == Some("85012345678")).then_some(()))
    })
    .await?;

    // A hostile paste: the reason shows, nothing is saved, Join still opens the saved link.
    let before = std::fs::read(config.join("gcm-workshop/settings.json"))?;
    paste(&s, HOSTILE).await?;
    s.wait_text_contains("#join-error", "This link does not lead to Zoom").await?;
    s.screenshot("join-en-refused").await?;
    assert_eq!(std::fs::read(config.join("gcm-workshop/settings.json"))?, before, "a refused paste changes nothing");
    // Two different links to one meeting (issue 9): refused, and both are shown so the participant can ask.
    paste(&s, CONFLICTING).await?;
    let shown = s.wait_text_contains("#join-error", "two different links").await?;
    for link in ["pwd=abc.1", "pwd=xyz.1"] {
        assert!(shown.contains(link), "both links are shown: {shown}");
    }
    s.screenshot("join-en-conflicting").await?;
    assert_eq!(std::fs::read(config.join("gcm-workshop/settings.json"))?, before, "a refused paste changes nothing");
    s.click("#join [data-action=\"cancel\"]").await?;
    s.wait_gone("#join textarea").await?;
    s.click("#join-button").await?;
    wait_opened(&s, &stubs, &[LINK, LINK]).await?;

    // Remove: back to the paste box, the file has no link.
    s.click("#join [data-action=\"remove\"]").await?;
    s.wait_text_contains("#join-status", "removed").await?;
    assert_eq!(saved_link(&config), None);
    s.wait_text_contains("#join-button", "Add your Zoom invitation").await?;
    s.close().await
}

#[tokio::test]
async fn concept_participate_link_lands_on_the_join_panel() -> Result<()> {
    let s = Session::start(english().env("GCM_WORKSHOP_NOW", DURING)).await?;
    // Let the first view finish: main.js does not drop a render that is overtaken by a later one.
    s.wait_for("#join-button").await?;
    show(&s, "concept").await?;
    s.click("a.xref[data-target=\"join\"]").await?;
    s.wait_view("overview").await?;
    s.wait_js("focus on the join panel", "const a = document.activeElement; return !!a && a.id === 'join';").await?;
    s.close().await
}

#[tokio::test]
async fn when_the_computer_cannot_open_the_link_it_is_offered_to_copy() -> Result<()> {
    let stubs = Stubs::new(&LAUNCHERS, 1)?;
    let config = format!(r#"{{"meeting":"{LINK}","passcode":"584706"}}"#);
    let s = Session::start(english().env("GCM_WORKSHOP_NOW", DURING).env("PATH", stubs.path()).config(config)).await?;
    s.click("#join-button").await?;
    let fallback = s.wait_text_contains("#join .join-fallback", LINK).await?;
    assert!(fallback.contains("could not open the link"), "{fallback:?}");
    assert_eq!(stubs.opened().first().map(String::as_str), Some(LINK), "xdg-open is tried first, with the saved link");
    s.click("#join .join-fallback [data-copy=\"link\"]").await?;
    s.wait_text_contains("#join-status", "Copied").await?;
    s.screenshot("join-en-open-failed").await?;
    s.close().await
}

/// Before, 15 minutes before (soon), during and after the event, in both languages: always there once a link is
/// known, prominent when soon or during, "over" after; the interpretation guide open in Russian, one click away
/// in English.
#[tokio::test]
async fn panel_through_the_day_in_both_languages() -> Result<()> {
    let moments = [
        ("before", "2023-12-05T09:00:00+04:00", false),
        ("soon", "2023-12-05T09:50:00+04:00", true),
        ("during", DURING, true),
        ("after", "2023-12-05T13:30:00+04:00", false),
    ];
    for lang in ["en", "ru"] {
        for (stage, now, prominent) in moments {
            let config = format!(r#"{{"language":"{lang}","meeting":"{LINK}","passcode":"584706"}}"#);
            let s = Session::start(Options::new().env("GCM_WORKSHOP_NOW", now).config(config)).await?;
            s.wait_lang(lang).await?;
            let button = s.wait_text("#join-button", "non-empty", |t| !t.trim().is_empty()).await?;
            assert_eq!(has_cyrillic(&button), lang == "ru", "{lang} {stage}: join button {button:?}");
            assert_eq!(s.attr("#join", "data-stage").await?.as_deref(), Some(stage));
            let class = s.attr("#join", "class").await?.unwrap_or_default();
            assert_eq!(
                class.split_whitespace().any(|c| c == "prominent"),
                prominent,
                "{lang} {stage}: class={class:?}"
            );
            let passcode = s.text("#join-passcode").await?;
            assert_eq!(passcode, "584706");
            if stage == "after" {
                s.wait_text("#join .join-stage", "the meeting-over line", |t| {
                    t.contains("over") || t.contains("завершилась")
                })
                .await?;
            }
            let guide_open = s.count("#join section.join-guide").await? == 1;
            let guide_closed = s.count("#join details.join-guide").await? == 1;
            assert_eq!(
                (guide_open, guide_closed),
                (lang == "ru", lang == "en"),
                "{lang} {stage}: interpretation guide"
            );
            s.screenshot(&format!("join-{lang}-{stage}")).await?;
            if stage == "during" {
                // Settings manages the same link.
                show(&s, "settings").await?;
                s.wait_text_contains("#meeting-settings", LINK).await?;
                assert!(s.text("#meeting-settings-passcode").await? == "584706");
                s.js("document.getElementById('meeting-settings').scrollIntoView();").await?;
                s.screenshot(&format!("join-{lang}-settings")).await?;
            }
            s.close().await?;
        }
    }
    Ok(())
}

/// The panel follows the clock in place, as Rust's live state says (`live.meeting`): open a moment before the
/// "soon" threshold (15 minutes before the start), it becomes prominent at the next live refresh (every 15 s)
/// without being redrawn.
#[tokio::test]
async fn panel_becomes_prominent_as_the_start_nears() -> Result<()> {
    let config = format!(r#"{{"meeting":"{LINK}","passcode":"584706"}}"#);
    let s = Session::start(english().env("GCM_WORKSHOP_NOW", "2023-12-05T09:44:50+04:00").config(config)).await?;
    s.wait_text_contains("#join-button", "Join the meeting").await?;
    assert_eq!(s.attr("#join", "data-stage").await?.as_deref(), Some("before"));
    // Marks the panel's button: a redraw would replace it, an update in place keeps the mark.
    s.js("document.getElementById('join-button').dataset.probe = 'kept'; return true;").await?;
    let script = "const j = document.getElementById('join'); \
                  return j.dataset.stage === 'soon' && j.classList.contains('prominent');";
    s.wait_until("the panel to turn soon and prominent", s.timeout() * 2, || async {
        Ok(s.js(script).await?.as_bool().filter(|b| *b).map(|_| ()))
    })
    .await?;
    assert_eq!(s.attr("#join-button", "data-probe").await?.as_deref(), Some("kept"), "updated in place");
    assert!(s.attr("#join-button", "class").await?.unwrap_or_default().contains("primary"));
    s.wait_text("#join .join-stage", "the meeting-soon line", |t| !t.trim().is_empty()).await?;
    s.close().await
}
