//! How the app looks, in the real window (issue 6): the text size by Ctrl+plus / Ctrl+minus / Ctrl+0 and in
//! Settings, the colour scheme chosen in Settings or following the desktop, both remembered across restarts.

use crate::harness::{Result, Session};
use crate::{ctrl, english, show};
use serde_json::Value;

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
    let script =
        format!("return Math.abs(parseFloat(getComputedStyle(document.documentElement).fontSize) - {px}) < 0.05;");
    s.wait_js(&format!("the root font size to be {px}px"), &script).await.map(|_| ())
}

const BODY_BG: &str = "return getComputedStyle(document.body).backgroundColor;";

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
    s.wait_js(
        "the light page back",
        &format!("return getComputedStyle(document.body).backgroundColor === {light_bg};"),
    )
    .await?;
    s.click("#text-normal").await?;
    wait_font_px(&s, 16.0).await?;
    wait_saved(&s, "light at 100%", |v| v["theme"] == "light" && v["text_scale"] == 100).await?;
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
    assert_eq!(
        (v["dark"].as_bool(), v["theme"].as_str(), v["bg"].as_str()),
        (Some(true), Some("system"), Some("rgb(20, 24, 29)")),
        "{v}"
    );
    s.screenshot("en-system-dark").await?;
    // Light chosen in Settings wins over the desktop.
    show(&s, "settings").await?;
    s.click("input[name=\"theme\"][value=\"light\"]").await?;
    s.wait_js(
        "a light page on a dark desktop",
        r#"return getComputedStyle(document.body).backgroundColor === "rgb(255, 255, 255)";"#,
    )
    .await?;
    s.close().await?;

    // A light desktop, the app set to dark: the window asks GTK for its dark variant, which WebKitGTK reports to
    // the page as prefers-color-scheme: dark; the page is dark either way through data-theme.
    let s = Session::start(english().env("GTK_THEME", "Adwaita").config(r#"{"theme":"dark"}"#)).await?;
    s.wait_view("overview").await?;
    let v = s.js(SCHEME).await?;
    assert_eq!(
        (v["dark"].as_bool(), v["theme"].as_str(), v["bg"].as_str()),
        (Some(true), Some("dark"), Some("rgb(20, 24, 29)")),
        "{v}"
    );
    // Back to "system": the window, and with it prefers-color-scheme, follows the light desktop again.
    show(&s, "settings").await?;
    s.click("input[name=\"theme\"][value=\"system\"]").await?;
    s.wait_js("the light desktop's scheme", r#"return !matchMedia('(prefers-color-scheme: dark)').matches && getComputedStyle(document.body).backgroundColor === "rgb(255, 255, 255)";"#).await?;
    s.close().await
}
