//! The locale files — the app's (`locales/`) and the built-in event pack's
//! (`packs/gcm-almaty-process-2023/locales/`): they parse, `en` and `ru` have the same shape, the UI and the event
//! data find every message they use, the event's texts are the pack's, the Russian is Russian, and the concept
//! note is complete (issue 3).

use gcm_workshop_tests::workspace;
use std::collections::BTreeSet;
use workshop_core::i18n::{builtin_pack_files, shapes, shapes_of, Lang, Localizer, FILES};
use workshop_core::markup;
use workshop_core::views;
use workshop_core::Event;

#[test]
fn every_file_parses_without_duplicates() {
    Localizer::new().unwrap_or_else(|errs| panic!("locale errors:\n{}", errs.join("\n")));
    let areas = |lang: &str| FILES.iter().filter(|f| f.0 == lang).map(|f| f.1).collect::<BTreeSet<_>>();
    assert_eq!(areas("en"), areas("ru"), "both locales have the same area files");
    assert!(areas("en").len() >= 8, "{:?}", areas("en"));
    let pack = builtin_pack_files();
    let pack_areas = |lang: &str| pack.iter().filter(|f| f.0 == lang).map(|f| f.1).collect::<BTreeSet<_>>();
    assert_eq!(pack_areas("en"), pack_areas("ru"), "the pack has the same area files in both languages");
    assert_eq!(pack_areas("en"), ["agenda", "concept", "event", "resources"].into());
}

/// The event's texts live in its pack, the interface's in `locales/`: what another pack must provide is exactly
/// what the built-in one does, and no event text is left behind in the app.
#[test]
fn the_events_texts_are_the_packs() {
    let ev = Event::embedded();
    let pack = builtin_pack_files();
    for lang in Lang::ALL {
        let ids = |files: &[(&str, &str, &str)]| shapes_of(files, lang).into_keys().collect::<BTreeSet<_>>();
        let (app, packed) = (ids(FILES), ids(&pack));
        assert!(app.is_disjoint(&packed), "in both the app and the pack ({lang:?}): {:?}", app.intersection(&packed));
        let numbered = |id: &str, prefix: &str| {
            id.strip_prefix(prefix).is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        };
        let event_text = |id: &str| {
            ["event-title", "speaker-", "resource-"].iter().any(|p| id.starts_with(p))
                || numbered(id, "overview-aim-")
                || numbered(id, "concept-p")
                || ev.agenda.iter().any(|i| id.starts_with(&format!("agenda-{}-", i.id)))
                || ["overview-heading", "overview-held-by", "overview-where", "overview-languages"].contains(&id)
                || ["concept-heading", "concept-held-within", "concept-footnote", "calendar-description"].contains(&id)
                || id.starts_with("event-zone-")
        };
        let left: Vec<_> = app.iter().filter(|id| event_text(id)).collect();
        assert!(left.is_empty(), "event texts in the app's locales ({lang:?}) instead of the pack: {left:?}");
        let interface: Vec<_> = packed.iter().filter(|id| !event_text(id)).collect();
        assert!(interface.is_empty(), "not the event's texts, in the pack's locales ({lang:?}): {interface:?}");
    }
}

#[test]
fn ru_has_the_same_ids_attributes_and_variables_as_en() {
    let en = shapes(Lang::En);
    let ru = shapes(Lang::Ru);
    let missing: Vec<_> = en.keys().filter(|k| !ru.contains_key(*k)).collect();
    let obsolete: Vec<_> = ru.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(missing.is_empty(), "missing in ru: {missing:?}");
    assert!(obsolete.is_empty(), "obsolete in ru: {obsolete:?}");
    for (id, (attrs, vars)) in &en {
        let (ra, rv) = &ru[id];
        assert_eq!(attrs, ra, "attributes of {id}");
        assert_eq!(vars, rv, "variables of {id}");
    }
}

/// Static `data-l10n-id="…"` and `l10nId = '…'` uses in `ui/`; ids built from data are checked below.
fn ui_ids() -> BTreeSet<String> {
    let mut files = Vec::new();
    let mut stack = vec![workspace().join("ui")];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if matches!(p.extension().and_then(|x| x.to_str()), Some("html" | "js")) {
                files.push(p);
            }
        }
    }
    let mut ids = BTreeSet::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for marker in ["data-l10n-id=\"", "l10nId = '", "message('"] {
            for part in text.split(marker).skip(1) {
                let id: String = part.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
                let next = part[id.len()..].chars().next();
                if !id.is_empty() && matches!(next, Some('"') | Some('\'')) {
                    ids.insert(id);
                }
            }
        }
    }
    ids
}

#[test]
fn every_ui_id_exists_in_en() {
    let l = Localizer::embedded();
    let ids = ui_ids();
    assert!(ids.len() > 30, "found only {ids:?}");
    let missing: Vec<_> = ids.iter().filter(|id| !l.has(Lang::En, id)).collect();
    assert!(missing.is_empty(), "ui uses ids missing in en: {missing:?}");
}

#[test]
fn every_event_item_speaker_topic_and_resource_has_messages() {
    let l = Localizer::embedded();
    let ev = Event::embedded();
    let mut need = vec!["event-title".to_owned()];
    for item in &ev.agenda {
        need.push(format!("agenda-{}-title", item.id));
        need.extend(item.topics.iter().map(|t| format!("agenda-{}-topic-{t}", item.id)));
        need.extend(item.speakers.iter().map(|s| format!("speaker-{}", s.id)));
    }
    for r in &ev.resources {
        need.push(format!("resource-{}", r.id));
        for lang in Lang::ALL {
            assert!(
                !l.attr(lang, &format!("resource-{}", r.id), "description").is_empty(),
                "{} description in {lang:?}",
                r.id
            );
        }
    }
    for lang in Lang::ALL {
        let missing: Vec<_> = need.iter().filter(|id| !l.has(lang, id)).collect();
        assert!(missing.is_empty(), "missing in {lang:?}: {missing:?}");
    }
}

#[test]
fn every_link_in_a_message_leads_somewhere() {
    let ev = Event::embedded();
    let l = Localizer::embedded();
    fn targets(segs: &[markup::Segment], out: &mut Vec<String>) {
        for s in segs {
            match s {
                markup::Segment::Link { to, c } => {
                    out.push(to.clone());
                    targets(c, out);
                }
                markup::Segment::Strong { c } | markup::Segment::Em { c } => targets(c, out),
                markup::Segment::Text { .. } => {}
            }
        }
    }
    for lang in Lang::ALL {
        for id in shapes(lang).keys() {
            let m = l.message(lang, id, None);
            let mut all = vec![m.value];
            all.extend(m.attrs.into_values());
            for text in all {
                let mut t = Vec::new();
                targets(&markup::parse(&text), &mut t);
                for to in t {
                    assert!(to == "join" || ev.resource(&to).is_some(), "{id} ({lang:?}) links to unknown {to:?}");
                }
            }
        }
    }
}

/// Drops `(…)` and `{…}` spans: original-language names the glossary keeps in parentheses, and placeables.
fn without_spans(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '{' => depth += 1,
            ')' | '}' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Letters of `text` once link targets, Latin-script names, symbols, URLs and parenthesised originals are set
/// aside.
fn cyrillic_share(text: &str) -> Option<f64> {
    let plain = without_spans(&markup::plain(text));
    let kept: String = plain
        .split_whitespace()
        .filter(|w| !w.contains("://") && !w.contains('/') && !w.chars().any(|c| c.is_ascii_digit()))
        .filter(|w| !w.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase()))
        .collect::<Vec<_>>()
        .join(" ");
    let letters: Vec<char> = kept.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 4 {
        return None;
    }
    let cyr = letters.iter().filter(|c| ('\u{0400}'..='\u{04FF}').contains(*c)).count();
    Some(cyr as f64 / letters.len() as f64)
}

#[test]
fn russian_values_are_russian() {
    // Names of languages in their own language, and proper names kept in Latin script by the glossary.
    let allowed: BTreeSet<&str> =
        ["lang-en", "speaker-amr-taha", "speaker-kanako-mabuchi", "speaker-azrah-karim-rajput"].into();
    let l = Localizer::embedded();
    let mut bad = Vec::new();
    for id in shapes(Lang::Ru).keys().filter(|id| !allowed.contains(id.as_str())) {
        let m = l.message(Lang::Ru, id, None);
        for (part, text) in std::iter::once(("value".to_owned(), m.value)).chain(m.attrs) {
            if let Some(share) = cyrillic_share(&text) {
                if share < 0.6 {
                    bad.push(format!("{id}.{part} ({:.0}% Cyrillic): {text}", share * 100.0));
                }
            }
        }
    }
    assert!(bad.is_empty(), "not Russian enough:\n{}", bad.join("\n"));
    // The check itself can fail: an English text is caught.
    assert!(cyrillic_share("This is an English sentence about migration.").unwrap() < 0.1);
}

/// The concept note's body paragraphs from the organisers' text, markup and page furniture removed.
fn source_paragraphs() -> Vec<String> {
    let text = std::fs::read_to_string(workspace().join("tests/fixtures/concept-note.txt")).unwrap();
    let body = &text[text.find("CONCEPT NOTE").unwrap() + "CONCEPT NOTE".len()..text.find("AGENDA").unwrap()];
    let mut paras: Vec<String> = Vec::new();
    let mut joined = false;
    for line in body.lines().map(str::trim) {
        if line.is_empty() || line.contains("ALMATY PROCESS") || line.contains("АЛМАТИНСКИЙ") {
            // The page break splits one paragraph: a paragraph ending without a full stop continues.
            joined = paras.last().map(|p| !p.ends_with('.')).unwrap_or(false);
            continue;
        }
        if line.starts_with('¹') {
            continue;
        }
        let clean = line.replace("\\(", "(").replace("\\)", ")").replace("](#)", "]");
        let clean = markup::plain(&clean.replace(['[', ']'], ""));
        if joined {
            let last = paras.last_mut().unwrap();
            last.push(' ');
            last.push_str(&clean);
            joined = false;
        } else {
            paras.push(clean);
        }
    }
    paras
}

fn normalise(s: &str) -> String {
    s.replace(['’', '‘'], "'")
        .replace(['“', '”'], "\"")
        .replace('¹', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_concept_paragraph_is_in_the_english_text() {
    let l = Localizer::embedded();
    let en: Vec<String> = (1..=40)
        .map(|n| format!("concept-p{n}"))
        .filter(|id| l.has(Lang::En, id))
        .map(|id| normalise(&markup::plain(&l.text(Lang::En, &id))))
        .collect();
    let src = source_paragraphs();
    assert_eq!(src.len(), 13, "source paragraphs: {src:#?}");
    for p in &src {
        let p = normalise(p);
        assert!(en.contains(&p), "paragraph not in en:\n{p}");
    }
    assert_eq!(en.len(), src.len(), "en has exactly the source's paragraphs");
    // The UI shows exactly that many paragraphs, in both languages: the `concept` view model's list, which the
    // view renders as it is.
    for lang in Lang::ALL {
        let want: Vec<u16> = (1..=13).collect();
        assert_eq!(views::concept(&l, lang).paragraphs, want, "the concept view's paragraphs in {lang:?}");
    }
    let js = std::fs::read_to_string(workspace().join("ui/js/views/concept.js")).unwrap();
    assert!(
        js.contains("await call('concept')") && js.contains("concept-p${n}"),
        "ui/js/views/concept.js must show the paragraphs `concept` lists"
    );
}

/// Every `.ftl` file we ship or test with, as (path, language, text): the app's, the packs', the fixtures'.
fn all_ftl_files() -> Vec<(String, String, String)> {
    let root = workspace();
    let mut out = Vec::new();
    let mut stack = vec![root.join("locales"), root.join("packs"), root.join("tests/fixtures/packs")];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = e.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "ftl") {
                let lang = path.parent().unwrap().file_name().unwrap().to_string_lossy().into_owned();
                let rel = path.strip_prefix(&root).unwrap().display().to_string();
                out.push((rel, lang, std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    assert!(out.len() >= 20, "{} files", out.len());
    out
}

/// Names that were wrong and were replaced (see `../shared/facts/ru-glossary.md`): none comes back, in any case
/// form, in any locale file. The UN Network on Migration's own Russian name is «Сеть ООН по вопросам миграции»;
/// the Almaty Process has one long Russian form; no official source calls it a "consultative process on mixed
/// migration".
#[test]
fn retired_names_do_not_come_back() {
    let retired: &[(&str, &[&str])] = &[
        (
            "ru",
            &[
                "Сеть ООН по миграции",
                "Сети ООН по миграции",
                "Сетью ООН по миграции",
                "сети ООН по миграции",
                "Сети по миграции",
                "Платформа Сети по миграции",
                "Алматинский процесс по вопросам защиты",
                "Алматинского процесса по вопросам защиты",
                "смешанной миграции и международной защите",
            ],
        ),
        ("en", &["Mixed Migration and International Protection", "UN Network for Migration"]),
    ];
    let mut found = Vec::new();
    for (path, lang, text) in all_ftl_files() {
        for (l, forms) in retired {
            if *l != lang {
                continue;
            }
            // Comments may name a retired form to warn against it.
            for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim_start().starts_with('#')) {
                for form in *forms {
                    if line.contains(form) {
                        found.push(format!("{path}:{}: {form:?}", n + 1));
                    }
                }
            }
        }
    }
    assert!(found.is_empty(), "retired names:\n{}", found.join("\n"));
    // One long Russian form of the Almaty Process, wherever it is spelt out.
    let long = "Алматинский процесс по защите беженцев и международной миграции";
    let about = Localizer::embedded().text(Lang::Ru, "about-almaty-p1");
    assert!(about.contains(long), "{about}");
    assert_eq!(Localizer::embedded().text(Lang::Ru, "resource-almaty-process"), long);
}

/// The Russian GCM view says plainly which titles are a working translation and links to the official Russian
/// text, which Rust opens for a Russian reader; the paragraph 29 quotation says the same.
#[test]
fn russian_gcm_titles_are_labelled_a_working_translation() {
    let l10n = Localizer::embedded();
    let note = l10n.text(Lang::Ru, "gcm-translation-note");
    assert!(note.contains("**рабочий перевод**") && note.contains("целей 3–23"), "{note}");
    assert!(note.contains("](gcm)"), "links to the resolution: {note}");
    let p5 = l10n.text(Lang::Ru, "concept-p5");
    assert!(p5.contains("в рабочем переводе") && p5.contains("[резолюции A/RES/78/1](sdg-declaration)"), "{p5}");
    let ev = Event::embedded();
    assert_eq!(ev.resource("gcm").unwrap().url_in(Lang::Ru), Some("https://undocs.org/ru/A/RES/73/195"));
    assert_eq!(ev.resource("gcm").unwrap().url_in(Lang::En), Some("https://undocs.org/A/RES/73/195"));
    let sdg = ev.resource("sdg-declaration").unwrap();
    assert_eq!(
        (sdg.symbol.as_deref(), sdg.date.map(|d| d.to_string())),
        (Some("A/RES/78/1"), Some("2023-09-29".into()))
    );
    assert_eq!(sdg.url_in(Lang::Ru), Some("https://undocs.org/ru/A/RES/78/1"));
    // The markup's links point to resources of the pack.
    for id in ["gcm-translation-note"] {
        for lang in Lang::ALL {
            for seg in markup::parse(&l10n.text(lang, id)) {
                if let markup::Segment::Link { to, .. } = seg {
                    assert!(ev.resource(&to).is_some(), "{id} ({lang:?}) links to {to}");
                }
            }
        }
    }
}
