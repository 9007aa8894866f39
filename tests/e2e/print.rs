//! The Print buttons in the real window (issue 6): they print, and the print stylesheet leaves clean black-on-white
//! pages of the agenda and the concept note, also when the screen is dark.

use crate::harness::{Result, Session};
use crate::{english, show, DURING_THE_WORKSHOP};

/// Shows the page as the print stylesheet lays it out (the window cannot be printed to a file over WebDriver).
const AS_PRINTED: &str = "document.querySelector('link[href=\"css/print.css\"]').media = 'all'; return true;";

#[tokio::test]
async fn print_buttons_print_clean_pages() -> Result<()> {
    // Dark on screen: the printout is still black on white.
    let s =
        Session::start(english().env("GCM_WORKSHOP_NOW", DURING_THE_WORKSHOP).config(r#"{"theme":"dark"}"#)).await?;
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
        assert_eq!(
            (check["bg"].as_str(), check["fg"].as_str()),
            (Some("rgb(255, 255, 255)"), Some("rgb(0, 0, 0)")),
            "{view}: black on white"
        );
        assert_eq!(check["title"], true, "{view}: the event's name heads the page");
        if view == "concept" {
            assert_eq!(check["xref"], serde_json::json!([true, "none"]), "links print as the text around them");
        }
        s.screenshot(&format!("print-{view}")).await?;
        s.js("document.querySelector('link[href=\"css/print.css\"]').media = 'print'; return true;").await?;
    }
    s.close().await
}
