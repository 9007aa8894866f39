//! End-to-end tests in the real window: the built `gcm-workshop` binary, driven through tauri-driver and
//! WebKitWebDriver on a virtual display (see `harness.rs`).
//!
//! Build the app first, then run (sessions are serialised by the harness anyway):
//!
//! ```sh
//! cargo build -p gcm-workshop
//! cargo test -p gcm-workshop-tests --test e2e -- --test-threads=1
//! ```
//!
//! Screenshots land in `target/screenshots/`, driver and app logs in `target/e2e-logs/`.

// The real window through WebKitWebDriver on Xvfb exists only on Linux; elsewhere this test binary is empty.
#![cfg(target_os = "linux")]

mod a11y;
mod appearance;
mod harness;
mod live;
mod meeting;
mod offline;
mod packs;
mod print;
mod search;
mod timezone;

use harness::{Options, Result, Session};

const AGENDA_IDS: [&str; 7] = ["opening", "session-1", "session-2", "session-3", "session-4", "questions", "closing"];
/// The workshop morning, in Baku time: a fixed "now" makes the views (and screenshots) reproducible.
const DURING_THE_WORKSHOP: &str = "2023-12-05T10:41:00+04:00";

fn has_cyrillic(t: &str) -> bool {
    t.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

fn has_latin(t: &str) -> bool {
    t.chars().any(|c| c.is_ascii_alphabetic())
}

fn english() -> Options {
    Options::new().env("LANG", "en_US.UTF-8")
}

fn russian() -> Options {
    Options::new().env("LANG", "ru_RU.UTF-8")
}

/// Every view in the navigation, read from the page, so a new view is covered without touching the tests.
async fn nav_views(s: &Session) -> Result<Vec<String>> {
    let v = s.js("return [...document.querySelectorAll('nav a[data-view]')].map((a) => a.dataset.view);").await?;
    Ok(v.as_array().map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_owned)).collect()).unwrap_or_default())
}

// WebDriver key codes (the element "send keys" command holds a modifier until NULL).
const CTRL: char = '\u{E009}';
const NULL: char = '\u{E000}';

/// Types `keys` into whatever has the keyboard focus, as a person would.
async fn press(s: &Session, keys: &str) -> Result<()> {
    let el = s.raw().active_element().await?;
    el.send_keys(keys).await?;
    Ok(())
}

/// Presses Ctrl+`key` wherever the keyboard focus is.
async fn ctrl(s: &Session, key: char) -> Result<()> {
    press(s, &format!("{CTRL}{key}{NULL}")).await
}

/// Shows `view` through its navigation link and checks the page agrees; returns the view's heading.
async fn show(s: &Session, view: &str) -> Result<String> {
    s.click(&format!("nav a[data-view=\"{view}\"]")).await?;
    let h1 = s.wait_view(view).await?;
    assert_eq!(s.count("main#main h1").await?, 1, "the {view} view should have exactly one h1");
    // A view that failed to render leaves the previous one's heading in place, and says so in an alert.
    if s.count("#alerts .alert-error").await? > 0 {
        let alert = s.text("#alerts .alert-error").await?;
        return Err(harness::Error::msg(format!("an error alert while showing {view}: {alert:?}")));
    }
    for other in nav_views(s).await? {
        let current = s.attr(&format!("nav a[data-view=\"{other}\"]"), "aria-current").await?;
        if other == view {
            assert_eq!(current.as_deref(), Some("page"), "nav link for {view} should be aria-current=page");
        } else {
            assert_ne!(current.as_deref(), Some("page"), "nav link for {other} is current while {view} is shown");
        }
    }
    Ok(h1)
}

/// Waits until every element matching `css` has text; there are `n` of them.
async fn all_filled(s: &Session, css: &str, n: usize) -> Result<()> {
    let script = format!(
        "const els = [...document.querySelectorAll({css:?})]; return els.length === {n} && els.every((e) => e.textContent.trim() !== '');"
    );
    s.wait_js(&format!("{n} filled `{css}`"), &script).await.map(|_| ())
}

async fn check_overview_and_agenda(s: &Session) -> Result<()> {
    show(s, "overview").await?;
    s.wait_text_contains("#time-event", "10:00–13:00").await?;
    for id in ["#event-date", "#time-local", "#status-text"] {
        s.wait_text(id, "non-empty", |t| !t.trim().is_empty()).await?;
    }
    // The event pack's aims and concept paragraphs: as many as it has (five and thirteen), each with its text.
    all_filled(s, "ul.aims li", 5).await?;
    show(s, "concept").await?;
    all_filled(s, "article.concept p[id^=\"concept-p\"]", 13).await?;
    let paragraphs: Vec<String> = (1..=13).map(|n| format!("concept-p{n}")).collect();
    assert_eq!(s.ids("article.concept p[id^=\"concept-p\"]").await?, paragraphs, "concept paragraphs");

    show(s, "agenda").await?;
    assert_eq!(s.ids("tr.agenda-item").await?, AGENDA_IDS.map(|id| format!("item-{id}")), "agenda rows");
    for id in AGENDA_IDS {
        let class = s.attr(&format!("tr#item-{id}"), "class").await?.unwrap_or_default();
        let states: Vec<_> = class.split_whitespace().filter(|c| c.starts_with("state-")).collect();
        assert!(
            states.len() == 1 && ["state-now", "state-next", "state-past", "state-later"].contains(&states[0]),
            "agenda row {id} should have exactly one state class, has class={class:?}"
        );
    }
    Ok(())
}

/// Starts recording every moment the page's `<main>` holds an element still waiting for its words: after each
/// change to the page (a `MutationObserver`, which runs before the next frame can be painted), each
/// `data-l10n-id` element in view with neither text nor a label. Left out: elements that show one attribute of a
/// message (`data-l10n-attr`, such as a speaker's role, which not every speaker has) and those that take only
/// attributes. `untranslated_moments` reads the record.
pub(crate) async fn record_untranslated(s: &Session) -> Result<()> {
    s.js(r#"
        window.gcmUntranslated = [];
        const labelled = (el) => ['aria-label', 'title', 'alt', 'placeholder'].some((a) => el.hasAttribute(a));
        new MutationObserver(() => {
            const main = document.querySelector('main#main');
            if (!main) return;
            for (const el of main.querySelectorAll('[data-l10n-id]')) {
                if (el.closest('[hidden]') || el.matches('[data-l10n-attrs-only], [data-l10n-attr]')) continue;
                if (el.textContent.trim() === '' && !labelled(el)) {
                    window.gcmUntranslated.push(`${main.dataset.view}: ${el.dataset.l10nId}`);
                }
            }
        }).observe(document.body, { childList: true, subtree: true });
        return true;"#)
        .await?;
    Ok(())
}

/// What `record_untranslated` saw, each as `view: message id`, without repeats.
pub(crate) async fn untranslated_moments(s: &Session) -> Result<Vec<String>> {
    let v = s.js("return [...new Set(window.gcmUntranslated)];").await?;
    Ok(v.as_array().map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_owned)).collect()).unwrap_or_default())
}

#[tokio::test]
async fn every_view_in_both_languages() -> Result<()> {
    let s = Session::start(english().env("GCM_WORKSHOP_NOW", DURING_THE_WORKSHOP)).await?;
    s.wait_text("main h1", "non-empty", |t| !t.trim().is_empty()).await?;
    assert_eq!(s.html_lang().await?, "en");
    record_untranslated(&s).await?;

    let views = nav_views(&s).await?;
    assert!(views.len() >= 8, "views in the navigation: {views:?}");
    let mut english_headings = Vec::new();
    for view in &views {
        let h1 = show(&s, view).await?;
        assert!(has_latin(&h1) && !has_cyrillic(&h1), "English {view} heading: {h1:?}");
        english_headings.push(h1);
        s.screenshot(&format!("en-{view}")).await?;
    }
    check_overview_and_agenda(&s).await?;

    s.click("button[data-lang=\"ru\"]").await?;
    s.wait_lang("ru").await?;
    assert_eq!(s.attr("button[data-lang=\"ru\"]", "aria-pressed").await?.as_deref(), Some("true"));
    assert_eq!(s.attr("button[data-lang=\"en\"]", "aria-pressed").await?.as_deref(), Some("false"));

    for (view, en) in views.iter().zip(&english_headings) {
        show(&s, view).await?;
        // The heading is re-rendered in Russian: wait for it rather than racing the language switch.
        let h1 =
            s.wait_text(&format!("main#main[data-view=\"{view}\"] h1"), "Russian (Cyrillic)", has_cyrillic).await?;
        assert_ne!(&h1, en, "the {view} heading did not change with the language");
        s.screenshot(&format!("ru-{view}")).await?;
    }
    check_overview_and_agenda(&s).await?;
    // Each view, and the language switch, came onto the page with its words: no frame could show one without.
    assert_eq!(untranslated_moments(&s).await?, Vec::<String>::new(), "views shown before their words arrived");
    s.close().await
}

#[tokio::test]
async fn language_choice_is_remembered() -> Result<()> {
    let home = tempfile::Builder::new().prefix("gcm-e2e-home-").tempdir()?;
    let settings = home.path().join("gcm-workshop").join("settings.json");

    let s = Session::start(english().config_home(home.path())).await?;
    s.wait_text("main h1", "non-empty", |t| !t.trim().is_empty()).await?;
    assert_eq!(s.html_lang().await?, "en", "a fresh start under LANG=en_US should be in English");
    s.click("button[data-lang=\"ru\"]").await?;
    s.wait_lang("ru").await?;
    // The choice reaches the settings file (written asynchronously).
    s.wait_until("settings.json to record the Russian language", s.timeout(), || async {
        let text = std::fs::read_to_string(&settings).unwrap_or_default();
        Ok(serde_json::from_str::<serde_json::Value>(&text).ok().filter(|v| v["language"] == "ru").map(|_| ()))
    })
    .await?;
    s.close().await?;

    let s = Session::start(english().config_home(home.path())).await?;
    s.wait_lang("ru").await?;
    let h1 = s.wait_text("main h1", "Russian (Cyrillic)", has_cyrillic).await?;
    assert!(has_cyrillic(&h1));
    assert_eq!(s.attr("button[data-lang=\"ru\"]", "aria-pressed").await?.as_deref(), Some("true"));
    s.close().await
}

#[tokio::test]
async fn os_locale_picks_russian() -> Result<()> {
    let s = Session::start(Options::new().env("LANG", "ru_RU.UTF-8").env("LC_ALL", "ru_RU.UTF-8")).await?;
    s.wait_lang("ru").await?;
    s.wait_text("main h1", "Russian (Cyrillic)", has_cyrillic).await?;
    s.screenshot("locale-ru").await?;
    s.close().await
}

#[tokio::test]
async fn corrupt_settings_are_set_aside() -> Result<()> {
    const BROKEN: &str = r#"{"language": "ru",, broken"#;
    let s = Session::start(english().config(BROKEN)).await?;
    s.wait_text("main h1", "non-empty", |t| !t.trim().is_empty()).await?;

    let alert = s.wait_visible("#alerts .alert").await?;
    let message = alert.text().await?;
    assert!(!message.trim().is_empty(), "the alert about the settings file is empty");
    s.screenshot("corrupt-settings").await?;
    // Defaults after setting the file aside: English under LANG=en_US, not the broken file's "ru".
    assert_eq!(s.html_lang().await?, "en");

    let dir = s.config_dir();
    let aside: Vec<_> = std::fs::read_dir(&dir)?
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let n = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            n.starts_with("settings.corrupt-") && n.ends_with(".json")
        })
        .collect();
    assert_eq!(aside.len(), 1, "expected one settings.corrupt-*.json in {}, found {aside:?}", dir.display());
    assert_eq!(std::fs::read(&aside[0])?, BROKEN.as_bytes(), "the set-aside file must keep the original bytes");
    if let Ok(now) = std::fs::read_to_string(dir.join("settings.json")) {
        assert!(serde_json::from_str::<serde_json::Value>(&now).is_ok(), "settings.json is still broken: {now:?}");
    }
    s.close().await
}

#[tokio::test]
async fn concept_link_lands_on_resource_card() -> Result<()> {
    let s = Session::start(english()).await?;
    show(&s, "concept").await?;
    s.click("a.xref[data-target=\"gcm\"]").await?;
    s.wait_view("resources").await?;
    let nav = s.attr("nav a[data-view=\"resources\"]", "aria-current").await?;
    assert_eq!(nav.as_deref(), Some("page"));
    s.wait_js(
        "focus on the card #resource-gcm (document.activeElement)",
        "const a = document.activeElement; return !!a && a.id === 'resource-gcm' && a.matches('li.card');",
    )
    .await?;
    s.screenshot("concept-to-resource-gcm").await?;
    s.close().await
}
