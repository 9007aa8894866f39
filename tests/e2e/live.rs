//! The live state in the real window (issue 4): the running and the next session during the workshop, the
//! countdown before it, and the "took place" message after it, on Overview and Agenda.

use crate::harness::{Options, Result, Session};
use crate::{english, has_cyrillic, record_untranslated, show, untranslated_moments};

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

/// Three seconds before Session 2 ends (11:30 Baku time): the clock runs on from here.
const END_OF_SESSION_2: &str = "2023-12-05T11:29:57+04:00";

#[tokio::test]
async fn as_session_3_begins_the_overview_moves_on_with_its_words() -> Result<()> {
    let s = Session::start(english().env("GCM_WORKSHOP_NOW", END_OF_SESSION_2)).await?;
    show(&s, "overview").await?;
    s.wait_text_contains("#status-now", "State of play, resources, and way forward").await?;
    record_untranslated(&s).await?;
    // The overview's live parts follow the clock every 15 seconds.
    let now = s.wait_text_contains("#status-now", "Chairmanship of Azerbaijan").await?;
    assert!(now.starts_with("Now") && now.contains("Session 3"), "overview's now line after 11:30: {now:?}");
    s.wait_text_contains("#status-next", "Session 4").await?;
    // The rebuilt lines came onto the page translated.
    assert_eq!(untranslated_moments(&s).await?, Vec::<String>::new(), "status lines shown before their words");
    s.close().await
}

#[tokio::test]
async fn before_the_workshop_a_countdown_in_russian() -> Result<()> {
    let s = Session::start(
        Options::new().config(r#"{"language":"ru"}"#).env("GCM_WORKSHOP_NOW", "2023-12-02T09:00:00+04:00"),
    )
    .await?;
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
