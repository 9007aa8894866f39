//! The time zone in the real window (issue 4): a zone picked in Settings by keyboard changes the Agenda's times
//! (Baku's stay), is saved, and "use the computer's zone" goes back.

use crate::harness::{Result, Session};
use crate::{english, russian, show};
use fantoccini::Locator;

/// The middle of Session 2 (10:40–11:30 Baku time).
const MID_SESSION_2: &str = "2023-12-05T11:05:00+04:00";

#[tokio::test]
async fn a_zone_picked_in_settings_changes_the_agenda() -> Result<()> {
    let s = Session::start(english().env("GCM_WORKSHOP_NOW", MID_SESSION_2)).await?;
    show(&s, "settings").await?;
    s.wait_text_contains("#zone-current", "Times are shown for").await?;
    // By keyboard: type in the search box, Enter takes the match.
    let search = s.raw().find(Locator::Css("#zone-search")).await?;
    search.send_keys("almaty").await?;
    s.wait_js("the list filtered to Almaty", "const o = document.querySelectorAll('#zone-select option'); return o.length === 1 && o[0].value === 'Asia/Almaty';").await?;
    search.send_keys("\u{E007}").await?;
    s.wait_text_contains("#zone-current", "Almaty, Kazakhstan (Asia/Almaty, UTC+6)").await?;
    s.wait_text_contains("#zone-status", "Time zone set to Almaty, Kazakhstan").await?;
    let settings = s.config_dir().join("settings.json");
    s.wait_until("settings.json to record Asia/Almaty", s.timeout(), || async {
        let text = std::fs::read_to_string(&settings).unwrap_or_default();
        Ok(serde_json::from_str::<serde_json::Value>(&text).ok().filter(|v| v["timezone"] == "Asia/Almaty").map(|_| ()))
    })
    .await?;
    s.screenshot("time-settings-zone").await?;

    show(&s, "agenda").await?;
    s.wait_text_contains("#agenda-local-zone", "Asia/Almaty (UTC+6)").await?;
    assert_eq!(s.text("tr#item-opening td.local .time").await?, "12:00–12:15");
    assert_eq!(s.text("tr#item-session-2 td.local .time").await?, "12:40–13:30");
    assert_eq!(s.text("tr#item-session-2 td.when:not(.local) .time").await?, "10:40–11:30", "Baku time stays");

    // Back to the computer's zone.
    show(&s, "settings").await?;
    s.click("#zone-computer").await?;
    s.wait_text_contains("#zone-source", "your computer's time zone").await?;
    show(&s, "agenda").await?;
    let zone = s.text("#agenda-local-zone").await?;
    assert!(!zone.contains("Asia/Almaty"), "{zone:?}");
    s.close().await
}

/// In Russian, the picker lists places by their Russian names, typing a city or a country in Russian finds the
/// zone (issue 13), and a query that finds nothing is answered in Russian without moving what is below.
#[tokio::test]
async fn the_picker_finds_places_by_their_russian_names_and_says_when_none_match() -> Result<()> {
    let s = Session::start(russian().env("GCM_WORKSHOP_NOW", MID_SESSION_2)).await?;
    show(&s, "settings").await?;
    s.wait_text_contains("#zone-current", "Время указано по часовому поясу").await?;
    s.wait_js("the first place in Russian", "const o = document.querySelector('#zone-select option'); return !!o && o.textContent === 'Баку, Азербайджан — UTC+4';").await?;
    let search = s.raw().find(Locator::Css("#zone-search")).await?;
    search.send_keys("Бишкек").await?;
    s.wait_js("the list filtered to Bishkek", "const o = document.querySelectorAll('#zone-select option'); return o.length === 1 && o[0].value === 'Asia/Bishkek' && o[0].textContent === 'Бишкек, Киргизия — UTC+6';").await?;
    search.clear().await?;
    search.send_keys("Казахстан").await?;
    s.wait_js("Kazakhstan's zones", "const o = [...document.querySelectorAll('#zone-select option')]; return o.length >= 5 && o[0].value === 'Asia/Almaty' && o.every((x) => x.textContent.includes('Казахстан'));").await?;
    s.screenshot("ru-time-zone-picker").await?;

    // Nothing matches: the line under the list says so, in Russian, in the place kept for it, so the button below
    // does not move; a match empties the line again.
    let button_top = "return document.querySelector('#zone-computer').getBoundingClientRect().top;";
    let before = s.js(button_top).await?;
    assert_eq!(s.text("#zone-no-match").await?, "", "no message while places match");
    search.clear().await?;
    search.send_keys("zzzz").await?;
    s.wait_text_contains("#zone-no-match", "Нет часового пояса, подходящего под «zzzz»").await?;
    assert_eq!(s.count("#zone-select option").await?, 0);
    assert_eq!(s.js(button_top).await?, before, "the button below the message stays in place");
    s.screenshot("ru-time-zone-no-match").await?;
    search.clear().await?;
    search.send_keys("Казахстан").await?;
    s.wait_js("the message gone once places match", "return document.querySelector('#zone-no-match').textContent === '' && document.querySelectorAll('#zone-select option').length >= 5;").await?;
    search.send_keys("\u{E007}").await?;
    s.wait_text_contains("#zone-current", "Алматы, Казахстан (Asia/Almaty, UTC+6)").await?;
    s.close().await
}
