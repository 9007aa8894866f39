//! Search across what a participant reads: the concept note (paragraphs from `views::concept`), the agenda, the
//! resource cards and the GCM's objectives and guiding principles (ids from `views::gcm`), in the current
//! language. Texts come from the Fluent bundles with their inline markup removed (`markup::plain`), so a hit is
//! found in what is shown, never in `**` or link targets.
//!
//! Matching folds case and a few look-alike characters (`ё` → `е`, typographic quotes and dashes) one char to
//! one char, so a match found in the folded text maps straight back to the original for the snippet. Every
//! word of the query must occur (as a substring, which suits Russian endings: «миграц» finds «миграции»).

use crate::event::Event;
use crate::i18n::{Lang, Localizer};
use crate::markup;
use crate::views;
use serde::Serialize;

/// Queries shorter than this (in characters, after trimming) find nothing: one letter matches everything.
pub const MIN_QUERY_CHARS: usize = 2;
/// Longer queries are cut: nobody types more, and it bounds the work a pasted text can cause.
pub const MAX_QUERY_CHARS: usize = 200;
/// Characters of context kept before the first match in a snippet, and the snippet's whole length.
const BEFORE: usize = 40;
const SNIPPET: usize = 160;

/// One place that matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hit {
    /// The view to show: `concept`, `agenda`, `resources` or `gcm`.
    pub view: &'static str,
    /// The id of the element to jump to in that view, e.g. `item-session-2`, `concept-p5`, `resource-gcm`,
    /// `gcm-objective-7`.
    pub anchor: String,
    /// What the place is called, in the current language.
    pub title: String,
    /// The text around the first match, plain.
    pub snippet: String,
    /// The same snippet cut into pieces, `mark` set on the pieces that match a query word.
    pub parts: Vec<Part>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    pub s: String,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub mark: bool,
}

/// A searchable place: where it is, what it is called, and its text.
struct Doc {
    view: &'static str,
    anchor: String,
    title: String,
    text: String,
}

/// Folds one character for matching. Always one char for one char, so offsets carry over.
fn fold(c: char) -> char {
    match c {
        'ё' | 'Ё' => 'е',
        '’' | '‘' | '`' => '\'',
        '“' | '”' | '«' | '»' | '„' => '"',
        '–' | '—' | '‑' | '−' => '-',
        '\u{a0}' | '\u{202f}' => ' ',
        _ => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        }
    }
}

fn folded(s: &str) -> Vec<char> {
    s.chars().map(fold).collect()
}

/// The query's words, folded; empty when the query is too short to search for.
pub fn query_words(query: &str) -> Vec<Vec<char>> {
    let q = query.trim();
    if q.chars().count() < MIN_QUERY_CHARS {
        return Vec::new();
    }
    let mut words: Vec<Vec<char>> = q.split_whitespace().map(folded).filter(|w| !w.is_empty()).collect();
    // A longer word first, so that overlapping marks prefer it; duplicates removed.
    words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    words.dedup();
    words
}

fn find(hay: &[char], needle: &[char], from: usize) -> Option<usize> {
    if needle.is_empty() || needle.len() > hay.len() {
        return None;
    }
    (from..=hay.len() - needle.len()).find(|&i| hay[i..i + needle.len()] == *needle)
}

/// Every `[start, end)` char range of `hay` covered by a word, merged and in order.
fn marks(hay: &[char], words: &[Vec<char>]) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    for w in words {
        let mut at = 0;
        while let Some(i) = find(hay, w, at) {
            ranges.push((i, i + w.len()));
            at = i + 1;
        }
    }
    ranges.sort();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in ranges {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// Moves `i` back to the start of its word (not further than `floor`).
fn word_start(chars: &[char], mut i: usize, floor: usize) -> usize {
    while i > floor && !chars[i - 1].is_whitespace() {
        i -= 1;
    }
    i
}

/// Moves `i` forward to the end of its word (not further than `ceil`).
fn word_end(chars: &[char], mut i: usize, ceil: usize) -> usize {
    while i < ceil && !chars[i].is_whitespace() {
        i += 1;
    }
    i
}

/// The snippet around char `first` (where the match is): whole words, `…` where text was cut, every range
/// in `ranges` marked.
fn snippet(text: &str, first: usize, ranges: &[(usize, usize)]) -> (String, Vec<Part>) {
    let chars: Vec<char> = text.chars().collect();
    // Near the end of the text, use the room after it for more context before the match.
    let mut start = first.saturating_sub(BEFORE).min(chars.len().saturating_sub(SNIPPET));
    if start > 0 {
        // Keep whole words: start after the space before the cut word, unless that eats into the match.
        let s = word_start(&chars, start, 0);
        start = if first - s <= BEFORE + 15 { s } else { word_end(&chars, start, first) };
    }
    let mut end = (start + SNIPPET).min(chars.len());
    if end < chars.len() {
        let e = word_end(&chars, end, chars.len());
        end = if e - end <= 15 { e } else { end };
    }
    // Trim the cut edges: whitespace, and at a cut end the punctuation that "…" replaces ("безопасным,…").
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    let cut = end < chars.len();
    while end > start && (chars[end - 1].is_whitespace() || (cut && ",;:–—-(".contains(chars[end - 1]))) {
        end -= 1;
    }
    let mut parts: Vec<Part> = Vec::new();
    let mut push = |s: String, mark: bool| {
        if s.is_empty() {
            return;
        }
        match parts.last_mut() {
            Some(p) if p.mark == mark => p.s.push_str(&s),
            _ => parts.push(Part { s, mark }),
        }
    };
    if start > 0 {
        push("…".into(), false);
    }
    let mut at = start;
    for &(s, e) in ranges {
        let (s, e) = (s.max(start), e.min(end));
        if s >= e {
            continue;
        }
        push(chars[at..s].iter().collect(), false);
        push(chars[s..e].iter().collect(), true);
        at = e;
    }
    push(chars[at..end].iter().collect(), false);
    if cut {
        push("…".into(), false);
    }
    (parts.iter().map(|p| p.s.as_str()).collect(), parts)
}

fn plain(l10n: &Localizer, lang: Lang, id: &str) -> String {
    markup::plain(&l10n.text(lang, id))
}

fn plain_attr(l10n: &Localizer, lang: Lang, id: &str, attr: &str) -> String {
    markup::plain(&l10n.attr(lang, id, attr))
}

/// Everything searchable, in the order of the app's navigation.
fn corpus(ev: &Event, l10n: &Localizer, lang: Lang) -> Vec<Doc> {
    let mut docs = Vec::new();
    let number = |id: &str, n: usize| l10n.text_with(lang, id, &[("number", (n as f64).into())]);

    // The concept view's own list (`views::concept`): as many paragraphs as the event pack has.
    for n in views::concept(l10n, lang).paragraphs {
        let id = format!("concept-p{n}");
        docs.push(Doc {
            view: "concept",
            anchor: id.clone(),
            title: number("search-concept-paragraph", usize::from(n)),
            text: plain(l10n, lang, &id),
        });
    }

    for item in &ev.agenda {
        let title = plain(l10n, lang, &format!("agenda-{}-title", item.id));
        let mut fields = vec![title.clone()];
        fields.extend(item.topics.iter().map(|t| plain(l10n, lang, &format!("agenda-{}-topic-{t}", item.id))));
        for s in &item.speakers {
            let id = format!("speaker-{}", s.id);
            fields.push(plain(l10n, lang, &id));
            fields.push(plain_attr(l10n, lang, &id, "role"));
        }
        let title = match item.session {
            Some(n) => format!("{} · {title}", number("agenda-session-label", usize::from(n))),
            None => title,
        };
        docs.push(Doc { view: "agenda", anchor: format!("item-{}", item.id), title, text: join(fields) });
    }

    for r in &ev.resources {
        let id = format!("resource-{}", r.id);
        let title = plain(l10n, lang, &id);
        let mut fields = vec![title.clone()];
        fields.extend(r.symbol.clone());
        fields.push(plain_attr(l10n, lang, &id, "description"));
        docs.push(Doc { view: "resources", anchor: id, title, text: join(fields) });
    }

    // The GCM view's own list (`views::gcm`), in the order it shows them.
    let gcm = views::gcm();
    for n in gcm.objectives {
        let id = format!("gcm-objective-{n}");
        docs.push(Doc {
            view: "gcm",
            anchor: id.clone(),
            title: number("search-gcm-objective", usize::from(n)),
            text: plain(l10n, lang, &id),
        });
    }
    for id in gcm.principles.iter().map(|p| format!("gcm-principle-{p}")) {
        docs.push(Doc {
            view: "gcm",
            anchor: id.clone(),
            title: l10n.text(lang, "search-gcm-principle"),
            text: plain(l10n, lang, &id),
        });
    }
    docs
}

fn join(fields: Vec<String>) -> String {
    fields.into_iter().map(|f| f.trim().to_owned()).filter(|f| !f.is_empty()).collect::<Vec<_>>().join(" · ")
}

/// Finds `query` in the app's texts in `lang`. Places where the whole query occurs as one phrase come first;
/// otherwise results keep the app's order (concept note, agenda, resources, GCM).
pub fn search(ev: &Event, l10n: &Localizer, lang: Lang, query: &str) -> Vec<Hit> {
    let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
    let query = query.as_str();
    let words = query_words(query);
    if words.is_empty() {
        return Vec::new();
    }
    let phrase = folded(&query.split_whitespace().collect::<Vec<_>>().join(" "));
    let mut hits: Vec<(bool, Hit)> = Vec::new();
    for doc in corpus(ev, l10n, lang) {
        let hay = folded(&doc.text);
        if !words.iter().all(|w| find(&hay, w, 0).is_some()) {
            continue;
        }
        let whole = find(&hay, &phrase, 0);
        // Where the whole phrase occurs, it alone is marked: marking "of" in every sentence helps nobody.
        let ranges = if whole.is_some() { marks(&hay, std::slice::from_ref(&phrase)) } else { marks(&hay, &words) };
        // The snippet shows the phrase when there is one, else the first word found.
        let first = whole.or(ranges.first().map(|r| r.0)).unwrap_or(0);
        let (snippet, parts) = snippet(&doc.text, first, &ranges);
        hits.push((whole.is_some(), Hit { view: doc.view, anchor: doc.anchor, title: doc.title, snippet, parts }));
    }
    // Stable: within each group the corpus order stays.
    hits.sort_by_key(|(phrase, _)| !phrase);
    hits.into_iter().map(|(_, h)| h).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs a search and renders each hit as `anchor: snippet` with matches in `[…]`.
    fn check(lang: Lang, query: &str, expect: &[&str]) {
        let ev = Event::embedded();
        let l10n = Localizer::embedded();
        let got: Vec<String> = search(&ev, &l10n, lang, query)
            .iter()
            .map(|h| {
                let s: String =
                    h.parts.iter().map(|p| if p.mark { format!("[{}]", p.s) } else { p.s.clone() }).collect();
                assert_eq!(s.replace(['[', ']'], ""), h.snippet, "parts and snippet agree");
                format!("{}: {s}", h.anchor)
            })
            .collect();
        assert_eq!(got, expect, "query {query:?} in {lang:?}");
    }

    fn anchors(lang: Lang, query: &str) -> Vec<String> {
        search(&Event::embedded(), &Localizer::embedded(), lang, query).into_iter().map(|h| h.anchor).collect()
    }

    #[test]
    fn too_short_or_blank_finds_nothing() {
        check(Lang::En, "", &[]);
        check(Lang::En, "   ", &[]);
        check(Lang::En, "a", &[]);
        check(Lang::Ru, " я ", &[]);
        check(Lang::En, "zzzzqqq", &[]);
        // A pasted wall of text is cut to its first MAX_QUERY_CHARS characters.
        check(Lang::En, &format!("{} nonsenseword", "remittances ".repeat(20)), &["gcm-objective-20: Promote faster, safer and cheaper transfer of [remittances] and foster financial inclusion of migrants"]);
    }

    #[test]
    fn finds_in_each_view_with_markup_removed() {
        // `**migration is an engine…**` is bold in the source: the markup is gone, the words are found.
        check(Lang::En, "engine of economic", &["concept-p2: If well governed, migration is an [engine of economic] growth, innovation, and sustainable development. It allows millions of people to seek new opportunities each…"]);
        check(Lang::En, "refresher", &["concept-p6: …countries involved in the scope of RTCM, with a [refresher] on the GCM, its purpose and how it can be integrated to strengthen the complementarity between the GCM…"]);
        check(Lang::En, "A/RES/73/195", &["resource-gcm: …Safe, Orderly and Regular Migration (GCM) · [A/RES/73/195] · The Intergovernmental Conference in Marrakech on 10–11 December 2018 adopted the Compact, and the UN General…"]);
        check(Lang::En, "remittances", &["gcm-objective-20: Promote faster, safer and cheaper transfer of [remittances] and foster financial inclusion of migrants"]);
        check(Lang::En, "Child-sensitive", &["gcm-principle-child-sensitive: [Child-sensitive]"]);
    }

    #[test]
    fn link_targets_are_not_text() {
        // `[resolution 73/195](gcm)`: "gcm" as a link target is not searchable text; "(sdg-declaration)" neither.
        assert_eq!(anchors(Lang::En, "sdg-declaration"), Vec::<String>::new());
    }

    #[test]
    fn agenda_items_are_found_by_title_topic_and_speaker() {
        assert_eq!(anchors(Lang::En, "closing remarks"), ["item-closing"]);
        assert_eq!(anchors(Lang::En, "360-degree"), ["item-session-1"]);
        let hits = search(&Event::embedded(), &Localizer::embedded(), Lang::En, "360-degree");
        assert_eq!(hits[0].title, "Session 1 · Global Compact for Safe, Orderly and Regular Migration (GCM) and UN Network on Migration (UNMN)");
        assert_eq!(hits[0].view, "agenda");
    }

    #[test]
    fn case_insensitive_and_every_word_must_occur() {
        assert_eq!(anchors(Lang::En, "REMITTANCES"), anchors(Lang::En, "remittances"));
        assert_eq!(anchors(Lang::En, "remittances financial"), ["gcm-objective-20"]);
        assert_eq!(anchors(Lang::En, "remittances nonsenseword"), Vec::<String>::new());
        // Word order does not matter.
        assert_eq!(anchors(Lang::En, "financial remittances"), ["gcm-objective-20"]);
    }

    #[test]
    fn cyrillic_case_and_yo_folding() {
        assert_eq!(anchors(Lang::Ru, "ДЕЗАГРЕГИРОВАННЫХ"), ["gcm-objective-1"]);
        // The Russian texts write «учет»; a participant may type «учёт», in any case.
        let plain = anchors(Lang::Ru, "учет");
        assert!(plain.contains(&"gcm-objective-1".to_owned()) || plain.len() >= 2, "{plain:?}");
        assert_eq!(anchors(Lang::Ru, "учёт"), plain);
        assert_eq!(anchors(Lang::Ru, "УЧЁТ"), plain);
        check(Lang::Ru, "финансовой ИНТЕГРАЦИИ", &["gcm-objective-20: Содействие более быстрому, безопасному и дешевому переводу денежных средств и поощрение [финансовой интеграции] мигрантов"]);
    }

    #[test]
    fn searches_the_current_language_only() {
        assert_eq!(anchors(Lang::Ru, "remittances"), Vec::<String>::new());
        assert_eq!(anchors(Lang::En, "переводов"), Vec::<String>::new());
        assert!(anchors(Lang::Ru, "денежных средств").contains(&"gcm-objective-20".to_owned()));
    }

    #[test]
    fn phrase_hits_come_first_and_snippets_mark_every_word() {
        // "regional review" as a phrase appears in concept p10/p11; items with both words apart come later.
        let all = anchors(Lang::En, "review regional");
        let phrase = anchors(Lang::En, "regional review");
        assert_eq!(all.len(), phrase.len(), "same places, whatever the word order");
        // No phrase: every word is marked, and the snippet starts a little before the first.
        let hits = search(&Event::embedded(), &Localizer::embedded(), Lang::En, "Azerbaijan chair");
        let first: String =
            hits[0].parts.iter().map(|p| if p.mark { format!("[{}]", p.s) } else { p.s.clone() }).collect();
        assert_eq!(first, "…the region. To this end, through the RTCM, [Azerbaijan], as the Almaty Process [Chair] for 2023-2024, plans to build capacity on GCM implementation, in order to extend…");
        assert!(hits.iter().any(|h| h.anchor == "item-session-3"), "Chairmanship of Azerbaijan");
    }

    #[test]
    fn folding_keeps_offsets() {
        assert_eq!(folded("ЁЛКА «Ёж» — İx").len(), "ЁЛКА «Ёж» — İx".chars().count());
        assert_eq!(folded("Ёж").iter().collect::<String>(), "еж");
        // Typographic apostrophes and dashes match their plain forms.
        assert_eq!(anchors(Lang::En, "Agenda's 17"), ["concept-p4"]);
    }

    #[test]
    fn snippet_cuts_on_words() {
        let text = format!("{} needle {}", "word ".repeat(30), "after ".repeat(40));
        let m = marks(&folded(&text), &[folded("needle")]);
        let (s, parts) = snippet(&text, m[0].0, &m);
        assert!(s.starts_with("…word ") && s.ends_with(" after…"), "cut between words: {s}");
        let at = s.find("needle").unwrap();
        assert!((30..60).contains(&at), "about 40 characters of context before the match: {s}");
        assert_eq!(parts.iter().filter(|p| p.mark).map(|p| p.s.as_str()).collect::<Vec<_>>(), ["needle"]);
        let (s, _) = snippet("short needle", 6, &marks(&folded("short needle"), &[folded("needle")]));
        assert_eq!(s, "short needle");
        // A comma where the text is cut gives way to the ellipsis.
        let text = format!("needle {}xy, {}", "abcd ".repeat(30), "more ".repeat(40));
        assert_eq!(text.chars().nth(SNIPPET - 1), Some(','), "the cut falls just after the comma");
        let (s, _) = snippet(&text, 0, &marks(&folded(&text), &[folded("needle")]));
        assert!(s.ends_with(" xy…"), "{s}");
    }
}
