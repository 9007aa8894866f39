//! Participant comforts in the real window (issue 6): search by keyboard in both languages leading to the place
//! found, text size by Ctrl+plus / Ctrl+minus / Ctrl+0 and in Settings, the colour scheme, both remembered
//! across restarts, and the Print buttons with the print stylesheet.

use crate::harness::{Result, Session};
use crate::{english, has_cyrillic, show};
use serde_json::Value;

const DURING: &str = "2023-12-05T10:41:00+04:00";

// WebDriver key codes (the element "send keys" command holds a modifier until NULL).
const CTRL: char = '\u{E009}';
const NULL: char = '\u{E000}';
const ENTER: &str = "\u{E007}";
const DOWN: &str = "\u{E015}";

/// Types `keys` into whatever has the keyboard focus, as a person would.
async fn press(s: &Session, keys: &str) -> Result<()> {
    let el = s.raw().active_element().await?;
    el.send_keys(keys).await?;
    Ok(())
}

async fn ctrl(s: &Session, key: char) -> Result<()> {
    press(s, &format!("{CTRL}{key}{NULL}")).await
}

/// Waits until the element with keyboard focus has id `id`.
async fn wait_focus(s: &Session, id: &str) -> Result<()> {
    let script = format!("const a = document.activeElement; return !!a && a.id === {};", Value::from(id));
    s.wait_js(&format!("keyboard focus on #{id}"), &script).await.map(|_| ())
}

/// The anchors of the search results shown now, once the list has been filled for `query`.
async fn results(s: &Session, query: &str) -> Result<Vec<String>> {
    let script = format!(
        "const i = document.getElementById('search-input');
         const st = document.getElementById('search-status');
         if (!i || i.value !== {q} || !st || !st.textContent.includes({q_trim})) return null;
         return [...document.querySelectorAll('#search-results a.result')].map((a) => a.dataset.goAnchor);",
        q = Value::from(query),
        q_trim = Value::from(query.trim()),
    );
    let v = s.wait_js(&format!("search results for {query:?}"), &script).await?;
    Ok(v.as_array().map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_owned)).collect()).unwrap_or_default())
}

/// Puts `query` in the search box (replacing what was there) by typing it.
async fn type_query(s: &Session, query: &str) -> Result<()> {
    let input = s.wait_for("#search-input").await?;
    input.clear().await?;
    input.send_keys(query).await?;
    Ok(())
}

fn settings_file(s: &Session) -> Value {
    let text = std::fs::read_to_string(s.config_dir().join("settings.json")).unwrap_or_default();
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

async fn wait_saved(s: &Session, what: &str, pred: impl Fn(&Value) -> bool) -> Result<()> {
    s.wait_until(&format!("settings.json to record {what}"), s.timeout(), || async {
        Ok(pred(&settings_file(s)).then_some(()))
    })
    .await
}

/// The root font size in CSS pixels (16 at 100 %).
async fn root_font_px(s: &Session) -> Result<f64> {
    let v = s.js("return parseFloat(getComputedStyle(document.documentElement).fontSize);").await?;
    Ok(v.as_f64().unwrap_or(0.0))
}

async fn wait_font_px(s: &Session, px: f64) -> Result<()> {
    let script = format!("return Math.abs(parseFloat(getComputedStyle(document.documentElement).fontSize) - {px}) < 0.05;");
    s.wait_js(&format!("the root font size to be {px}px"), &script).await.map(|_| ())
}

const BODY_BG: &str = "return getComputedStyle(document.body).backgroundColor;";

#[tokio::test]
async fn search_by_keyboard_leads_to_the_place_found() -> Result<()> {
    let s = Session::start(english().env("GCM_WORKSHOP_NOW", DURING)).await?;
    s.wait_view("overview").await?;

    // Ctrl+F from anywhere opens Search with the cursor in the box.
    ctrl(&s, 'f').await?;
    s.wait_view("search").await?;
    wait_focus(&s, "search-input").await?;
    press(&s, "REMITTANCES").await?;
    assert_eq!(results(&s, "REMITTANCES").await?, ["gcm-objective-20"]);
    assert_eq!(s.js("return document.querySelector('#search-results mark').textContent;").await?, "remittances");
    s.wait_text_contains("#search-status", "One place found").await?;
    s.screenshot("en-search").await?;

    // Down moves into the results; Enter shows the objective, focused and marked.
    press(&s, DOWN).await?;
    s.wait_js("focus on the first result", "return document.activeElement.matches('#search-results a.result');").await?;
    press(&s, ENTER).await?;
    s.wait_view("gcm").await?;
    wait_focus(&s, "gcm-objective-20").await?;
    assert!(s.attr("#gcm-objective-20", "class").await?.unwrap_or_default().contains("search-target"));
    s.screenshot("en-search-to-objective").await?;

    // "/" brings the box back with the last query; a concept paragraph and an agenda row are found too.
    press(&s, "/").await?;
    s.wait_view("search").await?;
    wait_focus(&s, "search-input").await?;
    assert_eq!(s.js("return document.getElementById('search-input').value;").await?, "REMITTANCES");
    type_query(&s, "Chairmanship").await?;
    let found = results(&s, "Chairmanship").await?;
    assert_eq!(found.first().map(String::as_str), Some("item-session-3"), "the agenda before the resources: {found:?}");
    s.click("#search-results a.result[data-go-anchor=\"item-session-3\"]").await?;
    s.wait_view("agenda").await?;
    wait_focus(&s, "item-session-3").await?;

    // In Russian, the same box searches the Russian texts, ignoring case and ё/е.
    s.click("button[data-lang=\"ru\"]").await?;
    s.wait_lang("ru").await?;
    ctrl(&s, 'f').await?;
    s.wait_view("search").await?;
    s.wait_text("main#main[data-view=\"search\"] h1", "Russian", has_cyrillic).await?;
    type_query(&s, "ДЕНЕЖНЫХ").await?;
    assert!(results(&s, "ДЕНЕЖНЫХ").await?.contains(&"gcm-objective-20".to_owned()));
    type_query(&s, "учёт").await?;
    let found = results(&s, "учёт").await?;
    assert!(found.iter().any(|a| a.starts_with("concept-p")), "«учёт» finds «учет» in the concept note: {found:?}");
    s.screenshot("ru-search").await?;
    let first_concept = found.iter().find(|a| a.starts_with("concept-p")).unwrap().clone();
    s.click(&format!("#search-results a.result[data-go-anchor=\"{first_concept}\"]")).await?;
    s.wait_view("concept").await?;
    wait_focus(&s, &first_concept).await?;
    s.close().await
}

#[tokio::test]
async fn text_size_and_colour_scheme_are_remembered() -> Result<()> {
    let home = tempfile::Builder::new().prefix("gcm-e2e-home-").tempdir()?;
    let s = Session::start(english().config_home(home.path())).await?;
    s.wait_view("overview").await?;
    assert_eq!(root_font_px(&s).await?, 16.0);

    // Ctrl+plus twice, Ctrl+minus once, from the keyboard anywhere.
    ctrl(&s, '=').await?;
    wait_font_px(&s, 17.6).await?;
    ctrl(&s, '=').await?;
    wait_font_px(&s, 19.2).await?;
    wait_saved(&s, "text size 120", |v| v["text_scale"] == 120).await?;
    ctrl(&s, '-').await?;
    wait_font_px(&s, 17.6).await?;
    ctrl(&s, '0').await?;
    wait_font_px(&s, 16.0).await?;

    // The same in Settings, where the size is shown.
    show(&s, "settings").await?;
    s.click("#text-larger").await?;
    wait_font_px(&s, 17.6).await?;
    s.wait_text_contains("#text-size-value", "110%").await?;
    wait_saved(&s, "text size 110", |v| v["text_scale"] == 110).await?;

    // Dark, chosen in Settings, applies at once.
    let light_bg = s.js(BODY_BG).await?;
    s.click("input[name=\"theme\"][value=\"dark\"]").await?;
    s.wait_js("data-theme=dark", "return document.documentElement.dataset.theme === 'dark';").await?;
    s.wait_js("a dark page", "return getComputedStyle(document.body).backgroundColor === 'rgb(20, 24, 29)';").await?;
    wait_saved(&s, "the dark scheme", |v| v["theme"] == "dark").await?;
    s.screenshot("en-settings-dark").await?;
    s.close().await?;

    // Both are remembered.
    let s = Session::start(english().config_home(home.path())).await?;
    s.wait_view("overview").await?;
    assert_eq!(s.js("return document.documentElement.dataset.theme;").await?, "dark");
    wait_font_px(&s, 17.6).await?;
    show(&s, "settings").await?;
    assert_eq!(s.js("return document.querySelector('input[name=\"theme\"]:checked').value;").await?, "dark");
    s.click("input[name=\"theme\"][value=\"light\"]").await?;
    s.wait_js("the light page back", &format!("return getComputedStyle(document.body).backgroundColor === {light_bg};")).await?;
    s.click("#text-normal").await?;
    wait_font_px(&s, 16.0).await?;
    wait_saved(&s, "light at 100%", |v| v["theme"] == "light" && v["text_scale"] == 100).await?;
    s.close().await
}

/// Shows the page as the print stylesheet lays it out (the window cannot be printed to a file over WebDriver).
const AS_PRINTED: &str = "document.querySelector('link[href=\"css/print.css\"]').media = 'all'; return true;";

#[tokio::test]
async fn print_buttons_print_clean_pages() -> Result<()> {
    // Dark on screen: the printout is still black on white.
    let s = Session::start(english().env("GCM_WORKSHOP_NOW", DURING).config(r#"{"theme":"dark"}"#)).await?;
    s.wait_view("overview").await?;
    // The real window.print() opens the system's print dialog; here it is replaced by a counter.
    s.js("window.__printed = 0; window.print = () => { window.__printed += 1; }; return true;").await?;
    for (view, button) in [("agenda", "print-agenda"), ("concept", "print-concept")] {
        show(&s, view).await?;
        s.click(&format!("button[data-print][data-l10n-id=\"{button}\"]")).await?;
    }
    assert_eq!(s.js("return window.__printed;").await?, 2);

    for view in ["agenda", "concept"] {
        show(&s, view).await?;
        s.js(AS_PRINTED).await?;
        let check = s
            .js(r#"
                const shown = (el) => !!el && getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0;
                const xref = document.querySelector('main a.xref');
                return {
                  nav: shown(document.querySelector('nav')),
                  buttons: [...document.querySelectorAll('button')].filter(shown).length,
                  bg: getComputedStyle(document.body).backgroundColor,
                  fg: getComputedStyle(document.querySelector('main h1')).color,
                  xref: xref ? [getComputedStyle(xref).color === getComputedStyle(xref.parentElement).color, getComputedStyle(xref).textDecorationLine] : null,
                  title: shown(document.querySelector('.brand-title')),
                };"#)
            .await?;
        assert_eq!(check["nav"], false, "{view}: navigation is not printed");
        assert_eq!(check["buttons"], 0, "{view}: no buttons are printed");
        assert_eq!((check["bg"].as_str(), check["fg"].as_str()), (Some("rgb(255, 255, 255)"), Some("rgb(0, 0, 0)")), "{view}: black on white");
        assert_eq!(check["title"], true, "{view}: the event's name heads the page");
        if view == "concept" {
            assert_eq!(check["xref"], serde_json::json!([true, "none"]), "links print as the text around them");
        }
        s.screenshot(&format!("print-{view}")).await?;
        s.js("document.querySelector('link[href=\"css/print.css\"]').media = 'print'; return true;").await?;
    }
    s.close().await
}

/// What the page sees of the desktop's scheme, and the colour it paints.
const SCHEME: &str = r#"return { dark: matchMedia('(prefers-color-scheme: dark)').matches, theme: document.documentElement.dataset.theme, bg: getComputedStyle(document.body).backgroundColor };"#;

#[tokio::test]
async fn system_scheme_follows_the_desktop_unless_overridden() -> Result<()> {
    // A dark GTK theme on the desktop, the app on "system": WebKitGTK reports prefers-color-scheme: dark.
    let s = Session::start(english().env("GTK_THEME", "Adwaita:dark")).await?;
    s.wait_view("overview").await?;
    let v = s.js(SCHEME).await?;
    assert_eq!((v["dark"].as_bool(), v["theme"].as_str(), v["bg"].as_str()), (Some(true), Some("system"), Some("rgb(20, 24, 29)")), "{v}");
    s.screenshot("en-system-dark").await?;
    // Light chosen in Settings wins over the desktop.
    show(&s, "settings").await?;
    s.click("input[name=\"theme\"][value=\"light\"]").await?;
    s.wait_js("a light page on a dark desktop", r#"return getComputedStyle(document.body).backgroundColor === "rgb(255, 255, 255)";"#).await?;
    s.close().await?;

    // A light desktop, the app set to dark: the window asks GTK for its dark variant, which WebKitGTK reports to
    // the page as prefers-color-scheme: dark; the page is dark either way through data-theme.
    let s = Session::start(english().env("GTK_THEME", "Adwaita").config(r#"{"theme":"dark"}"#)).await?;
    s.wait_view("overview").await?;
    let v = s.js(SCHEME).await?;
    assert_eq!((v["dark"].as_bool(), v["theme"].as_str(), v["bg"].as_str()), (Some(true), Some("dark"), Some("rgb(20, 24, 29)")), "{v}");
    // Back to "system": the window, and with it prefers-color-scheme, follows the light desktop again.
    show(&s, "settings").await?;
    s.click("input[name=\"theme\"][value=\"system\"]").await?;
    s.wait_js("the light desktop's scheme", r#"return !matchMedia('(prefers-color-scheme: dark)').matches && getComputedStyle(document.body).backgroundColor === "rgb(255, 255, 255)";"#).await?;
    s.close().await
}
