//! Search across what a participant reads: the concept note (paragraphs from `views::concept`), the agenda, the
//! resource cards and the GCM's objectives and guiding principles (ids from `views::gcm`), in the current
//! language. Texts come from the Fluent bundles with their inline markup removed (`markup::plain`), so a hit is
//! found in what is shown, never in `**` or link targets.
//!
//! Matching is by word forms. Texts and queries are folded (case, `ё` → `е`, typographic quotes and dashes; one
//! char to one char, so a match maps straight back to the original for the snippet) and cut into words (runs of
//! letters and digits). A query word matches a text word when their Snowball stems are equal (`rust-stemmers`,
//! the English or Russian algorithm of the language searched: «миграция» finds «миграции», «миграцию»; "review"
//! finds "reviews", "reviewed"), when the text word starts with what was typed («миграц», "remit"), or when it
//! starts with the query word's stem of four letters or more («миграция» → «миграц» finds «миграционной»). Every
//! query word must match; the whole matched word is marked. Places whose heading (an agenda item's or a
//! resource's title, a GCM objective or principle) holds every word come first, then places holding the query
//! as a phrase, then the rest, each group in the app's order.

use crate::event::Event;
use crate::i18n::{Lang, Localizer};
use crate::markup;
use crate::views;
use rust_stemmers::{Algorithm, Stemmer};
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
    /// The place's own heading as searched (an item's or resource's title, an objective); empty for body text.
    heading: String,
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

/// A word of a text: its `[start, end)` char range, and its folded form and stem.
#[derive(Debug, Clone)]
struct Word {
    start: usize,
    end: usize,
    folded: String,
    stem: String,
}

/// The stemmer for `lang`'s texts (Snowball).
fn stemmer(lang: Lang) -> Stemmer {
    Stemmer::create(match lang {
        Lang::En => Algorithm::English,
        Lang::Ru => Algorithm::Russian,
    })
}

/// The words of already folded text: maximal runs of letters and digits, with their char ranges.
fn words_of(folded: &[char], stemmer: &Stemmer) -> Vec<Word> {
    let mut words = Vec::new();
    let mut i = 0;
    while i < folded.len() {
        if !folded[i].is_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        while i < folded.len() && folded[i].is_alphanumeric() {
            i += 1;
        }
        let word: String = folded[start..i].iter().collect();
        let stem = stemmer.stem(&word).into_owned();
        words.push(Word { start, end: i, folded: word, stem });
    }
    words
}

/// The query's words, folded and stemmed for `lang`, in the order typed; empty when the query is too short to
/// search for.
fn query_words(query: &str, lang: Lang) -> Vec<Word> {
    let q = query.trim();
    if q.chars().count() < MIN_QUERY_CHARS {
        return Vec::new();
    }
    words_of(&folded(q), &stemmer(lang))
}

/// Whether text word `w` is a form of query word `q` (see the module's documentation).
fn matches(q: &Word, w: &Word) -> bool {
    w.stem == q.stem
        || w.folded.starts_with(&q.folded)
        || (q.stem.chars().count() >= 4 && w.folded.starts_with(&q.stem))
}

/// The index of the first text word where the query's words follow one another, if any.
fn phrase_at(words: &[Word], query: &[Word]) -> Option<usize> {
    if query.is_empty() || query.len() > words.len() {
        return None;
    }
    (0..=words.len() - query.len()).find(|&i| query.iter().zip(&words[i..]).all(|(q, w)| matches(q, w)))
}

/// The char ranges to mark: the phrase's words when there is a phrase, else every word matching a query word.
fn marks(words: &[Word], query: &[Word], phrase: Option<usize>) -> Vec<(usize, usize)> {
    match phrase {
        Some(i) => vec![(words[i].start, words[i + query.len() - 1].end)],
        None => words.iter().filter(|w| query.iter().any(|q| matches(q, w))).map(|w| (w.start, w.end)).collect(),
    }
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
            heading: String::new(),
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
        let heading = title.clone();
        let title = match item.session {
            Some(n) => format!("{} · {title}", number("agenda-session-label", usize::from(n))),
            None => title,
        };
        docs.push(Doc { view: "agenda", anchor: format!("item-{}", item.id), title, heading, text: join(fields) });
    }

    for r in &ev.resources {
        let id = format!("resource-{}", r.id);
        let title = plain(l10n, lang, &id);
        let mut fields = vec![title.clone()];
        fields.extend(r.symbol.clone());
        fields.push(plain_attr(l10n, lang, &id, "description"));
        docs.push(Doc { view: "resources", anchor: id, heading: title.clone(), title, text: join(fields) });
    }

    // The GCM view's own list (`views::gcm`), in the order it shows them.
    let gcm = views::gcm();
    for n in gcm.objectives {
        let id = format!("gcm-objective-{n}");
        let text = plain(l10n, lang, &id);
        docs.push(Doc {
            view: "gcm",
            anchor: id.clone(),
            title: number("search-gcm-objective", usize::from(n)),
            heading: text.clone(),
            text,
        });
    }
    for id in gcm.principles.iter().map(|p| format!("gcm-principle-{p}")) {
        let text = plain(l10n, lang, &id);
        docs.push(Doc {
            view: "gcm",
            anchor: id.clone(),
            title: l10n.text(lang, "search-gcm-principle"),
            heading: text.clone(),
            text,
        });
    }
    docs
}

fn join(fields: Vec<String>) -> String {
    fields.into_iter().map(|f| f.trim().to_owned()).filter(|f| !f.is_empty()).collect::<Vec<_>>().join(" · ")
}

/// Finds `query` in the app's texts in `lang`, by word forms (see the module's documentation). Places whose heading
/// holds every query word come first, then places holding the query as a phrase, then the rest; within each
/// group the app's order (concept note, agenda, resources, GCM).
pub fn search(ev: &Event, l10n: &Localizer, lang: Lang, query: &str) -> Vec<Hit> {
    let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
    let stemmer = stemmer(lang);
    let query = query_words(&query, lang);
    if query.is_empty() {
        return Vec::new();
    }
    let all_in = |words: &[Word]| query.iter().all(|q| words.iter().any(|w| matches(q, w)));
    let mut hits: Vec<(u8, Hit)> = Vec::new();
    for doc in corpus(ev, l10n, lang) {
        let words = words_of(&folded(&doc.text), &stemmer);
        if !all_in(&words) {
            continue;
        }
        // A phrase needs two words or more; one word is marked wherever it occurs.
        let phrase = if query.len() > 1 { phrase_at(&words, &query) } else { None };
        let in_heading = !doc.heading.is_empty() && all_in(&words_of(&folded(&doc.heading), &stemmer));
        let ranges = marks(&words, &query, phrase);
        // The snippet shows the phrase when there is one, else the first word found.
        let first = ranges.first().map_or(0, |r| r.0);
        let (snippet, parts) = snippet(&doc.text, first, &ranges);
        let rank = if in_heading {
            0
        } else if phrase.is_some() {
            1
        } else {
            2
        };
        hits.push((rank, Hit { view: doc.view, anchor: doc.anchor, title: doc.title, snippet, parts }));
    }
    // Stable: within each group the corpus order stays.
    hits.sort_by_key(|(rank, _)| *rank);
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

    /// Word forms, in both languages: each query with the places it finds (in order: headings first) and the words
    /// marked first in the first place. A form of a word finds the same places as the word.
    #[test]
    #[rustfmt::skip]
    fn word_forms_find_the_same_places() {
        const REVIEW: &[&str] = &["resource-unece-review-2024", "resource-unece-excom-note", "resource-imrf-progress-declaration", "resource-regional-reviews", "concept-p9", "concept-p10", "concept-p11", "concept-p12", "item-session-2", "resource-pledges", "resource-gcm-talks", "resource-champion-countries"];
        const MIGRANTS: &[&str] = &["gcm-objective-4", "gcm-objective-8", "gcm-objective-9", "gcm-objective-13", "gcm-objective-15", "gcm-objective-16", "gcm-objective-19", "gcm-objective-20", "concept-p1", "concept-p3", "concept-p4", "concept-p5", "resource-sdg-declaration", "resource-gcm-talks", "resource-network-workplan", "resource-world-migration-report"];
        let cases: &[(Lang, &str, &[&str], &str)] = &[
            (Lang::Ru, "обзор", REVIEW, "обзор"),
            (Lang::Ru, "обзоры", REVIEW, "обзор"),
            (Lang::Ru, "обзора", REVIEW, "обзор"),
            (Lang::Ru, "обзоров", REVIEW, "обзор"),
            (Lang::Ru, "ОБЗОРАМ", REVIEW, "обзор"),
            (Lang::En, "review", REVIEW, "Review"),
            (Lang::En, "reviews", REVIEW, "Review"),
            (Lang::En, "Reviews", REVIEW, "Review"),
            (Lang::En, "reviewed", REVIEW, "Review"),
            (Lang::En, "reviewing", REVIEW, "Review"),
            (Lang::Ru, "мигранты", MIGRANTS, "мигрантов"),
            (Lang::Ru, "мигрантов", MIGRANTS, "мигрантов"),
            (Lang::Ru, "мигрантам", MIGRANTS, "мигрантов"),
            (Lang::Ru, "денежные переводы", &["gcm-objective-20"], "переводу|денежных"),
            (Lang::Ru, "дезагрегированные данные", &["gcm-objective-1"], "дезагрегированных данных"),
            (Lang::Ru, "председательство", &["item-session-3", "concept-p8", "resource-almaty-process"], "Председательство"),
            (Lang::Ru, "Алматинский процесс", &["item-session-3", "resource-almaty-process", "concept-p6", "concept-p7", "concept-p8", "item-opening", "item-session-2"], "Алматинском процессе"),
            (Lang::Ru, "учёт", &["gcm-principle-gender-responsive", "gcm-principle-child-sensitive", "concept-p4", "concept-p7", "concept-p8"], "Учет"),
            (Lang::Ru, "торговля людьми", &["gcm-objective-10"], "торговли людьми"),
            (Lang::Ru, "реинтеграция", &["gcm-objective-21"], "реинтеграции"),
            (Lang::Ru, "возвращения", &["gcm-objective-21"], "возвращению"),
            (Lang::Ru, "обязательства", &["resource-pledges", "concept-p2", "concept-p10", "concept-p12", "item-session-2"], "обязательств"),
            (Lang::Ru, "миграционной", &["gcm-objective-12", "gcm-objective-14", "concept-p7", "concept-p12", "item-session-3", "item-session-4", "item-closing"], "миграционных"),
            (Lang::En, "migrant", &["gcm-objective-4", "gcm-objective-8", "gcm-objective-9", "gcm-objective-15", "gcm-objective-16", "gcm-objective-19", "gcm-objective-20", "concept-p1", "concept-p3", "concept-p4", "concept-p5", "resource-sdg-declaration", "resource-gcm-talks", "resource-network-workplan", "resource-world-migration-report"], "migrants"),
            (Lang::En, "remittance", &["gcm-objective-20"], "remittances"),
            (Lang::En, "remit", &["gcm-objective-20"], "remittances"),
            (Lang::En, "trafficked", &["gcm-objective-10"], "trafficking"),
            (Lang::En, "return", &["gcm-objective-21"], "return"),
            (Lang::En, "champion countries", &["resource-champion-countries", "concept-p12", "item-session-2"], "Champion Countries"),
            (Lang::En, "pledge", &["resource-pledges", "concept-p10", "concept-p12", "item-session-2"], "pledging"),
            (Lang::En, "smuggling", &["gcm-objective-9", "resource-gcm-talks", "resource-network-workplan"], "smuggling"),
            (Lang::En, "UNECE", &["resource-unece-review-2024", "resource-unece-excom-note", "concept-p9", "resource-champion-countries", "resource-regional-reviews"], "UNECE"),
            (Lang::En, "disaggregated data", &["gcm-objective-1"], "disaggregated data"),
            (Lang::En, "360-degree", &["item-session-1"], "360-degree"),
            (Lang::En, "A/RES/73/195", &["resource-gcm"], "A/RES/73/195"),
        ];
        assert!(cases.len() >= 30);
        for (lang, query, places, marked) in cases {
            let hits = search(&Event::embedded(), &Localizer::embedded(), *lang, query);
            let got: Vec<&str> = hits.iter().map(|h| h.anchor.as_str()).collect();
            assert_eq!(got, *places, "{query:?} in {lang:?}");
            let first: Vec<&str> = hits[0].parts.iter().filter(|p| p.mark).map(|p| p.s.as_str()).collect();
            // The words marked first in the first place (a word is marked wherever it occurs in the snippet).
            assert!(first.join("|").starts_with(marked), "marked in the first place for {query:?}: {first:?}");
        }
    }

    /// One word is marked wherever it occurs in a snippet, not only the first time.
    #[test]
    fn one_word_is_marked_every_time() {
        let hits = search(&Event::embedded(), &Localizer::embedded(), Lang::Ru, "миграция");
        let marks: Vec<&str> = hits[0].parts.iter().filter(|p| p.mark).map(|p| p.s.as_str()).collect();
        assert_eq!(marks, ["миграции", "миграции"], "{}", hits[0].snippet);
    }

    /// «миграция», as the issue found it: every form of the word in the Russian texts, not the 4 places a
    /// substring found; places whose heading holds it first.
    #[test]
    fn migration_in_russian_finds_every_form() {
        let anchors_of = |q: &str| anchors(Lang::Ru, q);
        let all = anchors_of("миграция");
        assert_eq!(all.len(), 38, "{all:?}");
        for form in ["миграции", "миграцию", "миграц", "МИГРАЦИЯ"] {
            assert_eq!(anchors_of(form), all, "{form}");
        }
        assert_eq!(&all[..3], ["item-session-1", "item-session-4", "resource-gcm"]);
        // Every form the texts use is marked, as a whole word.
        let marked: std::collections::BTreeSet<String> =
            search(&Event::embedded(), &Localizer::embedded(), Lang::Ru, "миграция")
                .iter()
                .flat_map(|h| h.parts.iter().filter(|p| p.mark).map(|p| p.s.to_lowercase()))
                .collect();
        for form in ["миграции", "миграцией", "миграционной", "миграция"] {
            assert!(marked.contains(form), "{form} not marked: {marked:?}");
        }
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
        // `[resolution 73/195](gcm)`: a link target is not searchable text. "sdg-declaration" finds the words SDG
        // and declaration where they are shown, never the target itself.
        let hits = search(&Event::embedded(), &Localizer::embedded(), Lang::En, "sdg-declaration");
        assert!(!hits.is_empty());
        for h in hits {
            assert!(!h.snippet.contains("sdg-declaration") && !h.snippet.contains("]("), "{}", h.snippet);
        }
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
        // The agenda item whose title holds both words comes first; in it and elsewhere every matching word is
        // marked whole ("Chair" finds "Chairmanship").
        let hits = search(&Event::embedded(), &Localizer::embedded(), Lang::En, "Azerbaijan chair");
        let marked = |h: &Hit| -> String {
            h.parts.iter().map(|p| if p.mark { format!("[{}]", p.s) } else { p.s.clone() }).collect()
        };
        assert_eq!(marked(&hits[0]), "[Chairmanship] of [Azerbaijan] in Almaty Process: priorities and vision · Representative from the State Migration Service (SMS) of the Republic of [Azerbaijan]");
        let concept = hits.iter().find(|h| h.view == "concept").unwrap();
        assert_eq!(marked(concept), "…the region. To this end, through the RTCM, [Azerbaijan], as the Almaty Process [Chair] for 2023-2024, plans to build capacity on GCM implementation, in order to extend…");
        assert!(hits.iter().any(|h| h.anchor == "item-session-3"), "Chairmanship of Azerbaijan");
    }

    #[test]
    fn folding_keeps_offsets() {
        assert_eq!(folded("ЁЛКА «Ёж» — İx").len(), "ЁЛКА «Ёж» — İx".chars().count());
        assert_eq!(folded("Ёж").iter().collect::<String>(), "еж");
        // Typographic apostrophes and dashes match their plain forms.
        assert_eq!(anchors(Lang::En, "Agenda's 17"), ["concept-p4"]);
    }

    /// The marks of `needle` in `text`, as `search` makes them.
    fn needle_marks(text: &str) -> Vec<(usize, usize)> {
        let st = stemmer(Lang::En);
        marks(&words_of(&folded(text), &st), &query_words("needle", Lang::En), None)
    }

    #[test]
    fn snippet_cuts_on_words() {
        let text = format!("{} needle {}", "word ".repeat(30), "after ".repeat(40));
        let m = needle_marks(&text);
        let (s, parts) = snippet(&text, m[0].0, &m);
        assert!(s.starts_with("…word ") && s.ends_with(" after…"), "cut between words: {s}");
        let at = s.find("needle").unwrap();
        assert!((30..60).contains(&at), "about 40 characters of context before the match: {s}");
        assert_eq!(parts.iter().filter(|p| p.mark).map(|p| p.s.as_str()).collect::<Vec<_>>(), ["needle"]);
        let (s, _) = snippet("short needle", 6, &needle_marks("short needle"));
        assert_eq!(s, "short needle");
        // A comma where the text is cut gives way to the ellipsis.
        let text = format!("needle {}xy, {}", "abcd ".repeat(30), "more ".repeat(40));
        assert_eq!(text.chars().nth(SNIPPET - 1), Some(','), "the cut falls just after the comma");
        let (s, _) = snippet(&text, 0, &needle_marks(&text));
        assert!(s.ends_with(" xy…"), "{s}");
    }
}
