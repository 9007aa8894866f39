//! Search in the real window (issue 6): Ctrl+F or "/" from anywhere, typing, the keyboard through the results,
//! and the place found shown, focused and marked, in English and in Russian (case and ё/е folded); words found
//! only in the other language are offered there.

use crate::harness::{Result, Session};
use crate::{ctrl, english, has_cyrillic, press, DURING_THE_WORKSHOP};
use serde_json::Value;

const ENTER: &str = "\u{E007}";
const DOWN: &str = "\u{E015}";

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

#[tokio::test]
async fn search_by_keyboard_leads_to_the_place_found() -> Result<()> {
    let s = Session::start(english().env("GCM_WORKSHOP_NOW", DURING_THE_WORKSHOP)).await?;
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
    s.wait_js("focus on the first result", "return document.activeElement.matches('#search-results a.result');")
        .await?;
    press(&s, ENTER).await?;
    s.wait_view("gcm").await?;
    wait_focus(&s, "gcm-objective-20").await?;
    assert!(s.attr("#gcm-objective-20", "class").await?.unwrap_or_default().contains("search-target"));
    // The page scrolled down to the objective. The header with the language switch and the navigation stayed in
    // sight, and neither covers the objective or the current link.
    let sight = "const box = (q) => document.querySelector(q).getBoundingClientRect(); \
                 const header = box('.app-header'), link = box('.app-nav a[data-view=\"gcm\"]'); \
                 const lang = box('.lang-switch button[data-lang=\"ru\"]'), target = box('#gcm-objective-20'); \
                 return [window.scrollY > 0, lang.top >= 0 && lang.bottom <= header.bottom, \
                         link.top >= header.bottom && link.bottom <= window.innerHeight, \
                         target.top >= header.bottom && target.bottom <= window.innerHeight];";
    assert_eq!(
        s.js(sight).await?,
        serde_json::json!([true, true, true, true]),
        "scrolled; the language switch, the link and the objective in sight, none under the header"
    );
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
    // The English query from before is still in the box: the Russian texts lack it, and the line says the English
    // ones have it, with a button to show them.
    assert_eq!(results(&s, "Chairmanship").await?, Vec::<String>::new());
    let said = s.text("#search-status").await?;
    assert!(said.contains("В английском тексте найдено мест:"), "{said:?}");
    assert_eq!(s.text("#search-elsewhere button").await?, "Показать результаты на английском");
    s.screenshot("ru-search-elsewhere").await?;
    type_query(&s, "ДЕНЕЖНЫХ").await?;
    assert!(results(&s, "ДЕНЕЖНЫХ").await?.contains(&"gcm-objective-20".to_owned()));
    type_query(&s, "учёт").await?;
    let found = results(&s, "учёт").await?;
    assert!(found.iter().any(|a| a.starts_with("concept-p")), "«учёт» finds «учет» in the concept note: {found:?}");
    // By word forms: «обзоры» finds «обзор», «обзора», «обзоров», and the whole word is marked.
    type_query(&s, "обзоры").await?;
    let found = results(&s, "обзоры").await?;
    assert_eq!(found.len(), 12, "{found:?}");
    let marks = s
        .js("return [...document.querySelectorAll('#search-results mark')].map((m) => m.textContent.toLowerCase());")
        .await?;
    let marks: Vec<&str> = marks.as_array().unwrap().iter().filter_map(|m| m.as_str()).collect();
    for form in ["обзор", "обзоров", "обзоры"] {
        assert!(marks.contains(&form), "«{form}» marked whole: {marks:?}");
    }
    type_query(&s, "миграция").await?;
    assert!(results(&s, "миграция").await?.len() > 30);
    s.screenshot("ru-search").await?;
    type_query(&s, "учёт").await?;
    let found = results(&s, "учёт").await?;
    let first_concept = found.iter().find(|a| a.starts_with("concept-p")).unwrap().clone();
    s.click(&format!("#search-results a.result[data-go-anchor=\"{first_concept}\"]")).await?;
    s.wait_view("concept").await?;
    wait_focus(&s, &first_concept).await?;

    // Words found only in the other language: the button switches the app to it, and the same search shows them.
    ctrl(&s, 'f').await?;
    s.wait_view("search").await?;
    type_query(&s, "remittances").await?;
    assert_eq!(results(&s, "remittances").await?, Vec::<String>::new());
    assert!(s.text("#search-status").await?.contains("найдено мест: 1"));
    s.click("#search-elsewhere button").await?;
    s.wait_lang("en").await?;
    s.wait_view("search").await?;
    assert_eq!(results(&s, "remittances").await?, ["gcm-objective-20"]);
    s.wait_text_contains("#search-status", "One place found").await?;
    assert_eq!(s.js("return document.getElementById('search-elsewhere').hidden;").await?, Value::Bool(true));
    s.close().await
}
