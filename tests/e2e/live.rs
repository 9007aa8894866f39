//! Time in the real window (issue 4): the running and the next session during the workshop, the countdown
//! before it, the "took place" message after it, and a zone picked in Settings changing the Agenda's times.

use crate::harness::{Options, Result, Session};
use crate::{english, has_cyrillic, show};
use fantoccini::Locator;

/// The middle of Session 2 (10:40–11:30 Baku time).
const MID_SESSION_2: &str = "2023-12-05T11:05:00+04:00";

/// The row's single `state-…` class.
async fn row_state(s: &Session, id: &str) -> Result<String> {
    let class = s.attr(&format!("tr#item-{id}"), "class").await?.unwrap_or_default();
    Ok(class.split_whitespace().find(|c| c.starts_with("state-")).unwrap_or("").to_owned())
}

#[tokio::test]
async fn during_session_2_it_is_now_and_session_3_next() -> Result<()> {
    let s = Session::start(english().env("GCM_WORKSHOP_NOW", MID_SESSION_2)).await?;
    show(&s, "overview").await?;
    s.wait_text_contains("#status-text", "Happening now").await?;
    let now = s.wait_text_contains("#status-now", "State of play, resources, and way forward").await?;
    assert!(now.contains("Session 2") && now.contains("minutes left"), "overview's now line: {now:?}");
    s.wait_text_contains("#status-next", "Chairmanship of Azerbaijan").await?;

    show(&s, "agenda").await?;
    s.wait_text_contains("#status-text", "Happening now").await?;
    let states = [
        ("opening", "state-past"),
        ("session-1", "state-past"),
        ("session-2", "state-now"),
        ("session-3", "state-next"),
        ("session-4", "state-later"),
        ("questions", "state-later"),
        ("closing", "state-later"),
    ];
    for (id, expect) in states {
        assert_eq!(row_state(&s, id).await?, expect, "agenda row {id}");
    }
    assert_eq!(s.attr("tr#item-session-2", "aria-current").await?.as_deref(), Some("time"));
    assert_eq!(s.attr("tr#item-session-3", "aria-current").await?, None);
    // Only the matching badge is shown, and the time left is in the running row.
    assert_eq!(s.text("tr#item-session-2 .badge-now").await?, "Now");
    assert_eq!(s.text("tr#item-session-3 .badge-next").await?, "Next");
    assert_eq!(s.text("tr#item-session-2 .badge-next").await?, "", "a hidden badge has no visible text");
    let left = s.text("tr#item-session-2 .row-left").await?;
    assert!(left.ends_with("minutes left") && left.starts_with("2"), "time left at 11:05: {left:?}");
    assert_eq!(s.count("tr .row-left:not([hidden])").await?, 1, "time left shows in one row only");
    s.screenshot("time-agenda-during-session-2").await?;
    s.close().await
}

#[tokio::test]
async fn before_the_workshop_a_countdown_in_russian() -> Result<()> {
    let s = Session::start(Options::new().config(r#"{"language":"ru"}"#).env("GCM_WORKSHOP_NOW", "2023-12-02T09:00:00+04:00")).await?;
    s.wait_lang("ru").await?;
    s.wait_text_contains("#status-text", "До начала: 3 дня, 1 час").await?;
    show(&s, "agenda").await?;
    s.wait_text_contains("#status-text", "До начала: 3 дня").await?;
    assert_eq!(row_state(&s, "opening").await?, "state-next");
    let h1 = s.text("main h1").await?;
    assert!(has_cyrillic(&h1), "{h1:?}");
    s.screenshot("time-agenda-before-ru").await?;
    s.close().await
}

#[tokio::test]
async fn after_the_workshop_it_took_place() -> Result<()> {
    let s = Session::start(english().env("GCM_WORKSHOP_NOW", "2024-02-01T12:00:00+04:00")).await?;
    show(&s, "overview").await?;
    s.wait_text_contains("#status-text", "This workshop took place on 5 December 2023").await?;
    s.wait_text_contains("#status-detail", "All materials remain available").await?;
    show(&s, "agenda").await?;
    s.wait_text_contains("#status-text", "This workshop took place on 5 December 2023").await?;
    for id in crate::AGENDA_IDS {
        assert_eq!(row_state(&s, id).await?, "state-past", "agenda row {id}");
    }
    // Every material stays available.
    show(&s, "resources").await?;
    assert!(s.count("li.card").await? > 5);
    s.screenshot("time-resources-after").await?;
    s.close().await
}

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
    s.wait_text_contains("#zone-current", "Asia/Almaty (UTC+6)").await?;
    s.wait_text_contains("#zone-status", "Time zone set to Asia/Almaty").await?;
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
