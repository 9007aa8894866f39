//! Every check of a pack's files (`gcm-workshop pack check`), each problem reported as `file:line: message`.
//!
//! - layout: only `event.json` and `locales/<en|ru>/<name>.ftl`, names of lowercase letters, digits and `-`;
//! - `event.json`: the event model's schema, types, zone, times in order, unique ids, `https` resource URLs and a
//!   meeting link the invitation parser accepts ([`crate::event::Event::parse`]), with the line of the field;
//! - `.ftl`: each file parses; no message twice; none that the app's interface already defines;
//! - `en` and `ru` hold the same messages and attributes; every id of `event.json` has its messages;
//! - markup: links (`[text](target)`) point to a resource of the pack or `join`; no HTML.

use super::PackFiles;
use crate::event::Event;
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// The languages every pack must hold, in this order.
pub const LANGUAGES: [&str; 2] = ["en", "ru"];

/// Messages every pack defines, besides those named by `event.json`'s ids.
/// The Overview, the concept note and the calendar description show them.
pub const REQUIRED: &[&str] = &[
    "event-title",
    "event-title-short",
    "overview-heading",
    "overview-held-by",
    "overview-where",
    "overview-languages",
    "overview-aim-1",
    "calendar-description",
    "event-zone-label",
    "event-zone-label-same",
    "event-zone-same",
    "concept-heading",
    "concept-held-within",
    "concept-p1",
    "concept-footnote",
];

/// Messages numbered from 1 without gaps: the concept note's paragraphs and the Overview's aims.
pub const NUMBERED: [&str; 2] = ["concept-p", "overview-aim-"];

/// One problem: where (a file of the pack, and a 1-based line when known) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: Option<u32>,
    pub message: String,
}

impl Problem {
    pub fn new(file: impl Into<String>, line: Option<u32>, message: impl Into<String>) -> Problem {
        Problem { file: file.into(), line, message: message.into() }
    }
}

impl fmt::Display for Problem {
    /// `file:line: message`, or `file: message` when the line is not known.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

fn is_name(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// 1-based line of byte offset `pos` in `text`.
fn line_of(text: &str, pos: usize) -> u32 {
    text[..pos.min(text.len())].bytes().filter(|&b| b == b'\n').count() as u32 + 1
}

/// Runs every check on `files`; an empty list means the pack is clean. `app_ids` are the app's own message ids.
pub fn check(files: &PackFiles, app_ids: &[String]) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (path, _) in files.iter() {
        let ok = path == "event.json"
            || path
                .strip_prefix("locales/")
                .and_then(|r| r.split_once('/'))
                .is_some_and(|(lang, f)| LANGUAGES.contains(&lang) && f.strip_suffix(".ftl").is_some_and(is_name));
        if !ok {
            problems.push(Problem::new(
                path,
                None,
                "unexpected file: a pack holds event.json and locales/<en|ru>/<name>.ftl only, <name> of lowercase \
                 letters, digits and hyphens (agenda.ftl, my-texts.ftl)",
            ));
        }
    }
    let json = files.get("event.json");
    let event = match json {
        None => {
            problems.push(Problem::new("event.json", None, "missing: every pack has an event.json"));
            None
        }
        Some(json) => match Event::parse(json) {
            Ok(e) => Some(e),
            Err(e) if e.line.is_some() => {
                // serde_json's own message, without its " at line N column M" tail; the field's line (its key) when
                // serde_json named a field, else where it stopped.
                let message = e.problem.rfind(" at line ").map_or(e.problem.as_str(), |i| &e.problem[..i]);
                let (line, message) = match e.field.as_str() {
                    "(file)" => (e.line, message.to_owned()),
                    field => (locate(json, field).or(e.line), format!("{field}: {message}")),
                };
                problems.push(Problem::new("event.json", line, message));
                None
            }
            Err(e) => {
                problems.push(Problem::new(
                    "event.json",
                    locate(json, &e.field),
                    format!("{}: {}", e.field, e.problem),
                ));
                None
            }
        },
    };
    let app: BTreeSet<&str> = app_ids.iter().map(String::as_str).collect();
    // lang → message id (with `.attribute` entries) → where and what
    let mut defined: BTreeMap<&str, BTreeMap<String, Defined>> = BTreeMap::new();
    for lang in LANGUAGES {
        let mut ids = BTreeMap::new();
        let prefix = format!("locales/{lang}/");
        let mut any = false;
        for (path, text) in files.iter().filter(|(p, _)| p.starts_with(&prefix) && p.ends_with(".ftl")) {
            any = true;
            ftl_file(path, text, &app, &mut ids, &mut problems);
        }
        if any {
            defined.insert(lang, ids);
        } else {
            problems.push(Problem::new(
                format!("locales/{lang}"),
                None,
                "missing: every pack has its texts in en and ru",
            ));
        }
    }
    for (lang, ids) in &defined {
        numbered_gaps(ids, lang, &mut problems);
    }
    // Parity: the same messages and attributes in every language that has texts at all.
    for (lang, ids) in &defined {
        for (other, other_ids) in &defined {
            if lang == other {
                continue;
            }
            for (id, d) in ids {
                if !other_ids.contains_key(id) {
                    problems.push(Problem::new(&d.file, Some(d.line), format!("{id} is in {lang} but not in {other}")));
                }
            }
        }
    }
    // Translation: a Russian text word for word the English one was left untranslated.
    if let (Some(en), Some(ru)) = (defined.get("en"), defined.get("ru")) {
        for (id, r) in ru {
            let same = |e: &Defined| e.value == r.value || comparable(&e.text) == comparable(&r.text);
            if en.get(id).is_some_and(|e| same(e) && words(&r.text) >= 2) {
                problems.push(Problem::new(
                    &r.file,
                    Some(r.line),
                    format!("{id} is the same in ru as in en: it is not translated"),
                ));
            }
        }
    }
    if let (Some(event), Some(json)) = (&event, json) {
        let resources: BTreeSet<&str> = event.resources.iter().map(|r| r.id.as_str()).collect();
        for need in needed(event) {
            if app.contains(need.id.as_str()) || defined.values().any(|ids| ids.contains_key(&need.id)) {
                // Defined somewhere: a language that lacks it is reported by the parity check, with its line.
                continue;
            }
            match &need.field {
                Some(field) => problems.push(Problem::new(
                    "event.json",
                    locate(json, field),
                    format!(
                        "{} is missing from {}: every language needs it for {}",
                        need.id,
                        LANGUAGES.map(|l| format!("locales/{l}")).join(" and "),
                        need.what
                    ),
                )),
                None => {
                    for lang in defined.keys() {
                        let (file, line) = where_to_add(files, lang);
                        problems.push(Problem::new(
                            file,
                            Some(line),
                            format!("{} is missing: every pack defines it (see docs/event-pack.md)", need.id),
                        ));
                    }
                }
            }
        }
        for (path, text) in files.iter().filter(|(p, _)| p.ends_with(".ftl")) {
            markup(path, text, &resources, &mut problems);
        }
    }
    problems.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    problems.dedup();
    problems
}

/// Parses one `.ftl` file, recording its messages (and `id.attribute`s) with their lines.
fn ftl_file(
    path: &str,
    text: &str,
    app: &BTreeSet<&str>,
    ids: &mut BTreeMap<String, Defined>,
    problems: &mut Vec<Problem>,
) {
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(r) => r,
        Err((r, errors)) => {
            for e in errors {
                problems.push(Problem::new(
                    path,
                    Some(line_of(text, e.pos.start)),
                    format!("Fluent syntax: {}", e.kind),
                ));
            }
            r
        }
    };
    // How many times each id was met in this file so far: a duplicate is reported at its own line.
    let mut met: BTreeMap<String, usize> = BTreeMap::new();
    for entry in &resource.body {
        let (id, value, attrs) = match entry {
            ast::Entry::Message(m) => (m.id.name.to_owned(), m.value.as_ref(), &m.attributes),
            ast::Entry::Term(t) => (format!("-{}", t.id.name), Some(&t.value), &t.attributes),
            _ => continue,
        };
        let nth = met.entry(id.clone()).or_insert(0);
        let line = message_line(text, &id, *nth);
        *nth += 1;
        if app.contains(id.as_str()) {
            problems.push(Problem::new(path, Some(line), format!("{id} is one of the app's own messages")));
        }
        if let Some(first) = ids.get(&id) {
            problems.push(Problem::new(
                path,
                Some(line),
                format!("{id} is defined twice (first at {}:{})", first.file, first.line),
            ));
            continue;
        }
        let defined = |pattern: Option<&ast::Pattern<&str>>, line: u32| Defined {
            file: path.to_owned(),
            line,
            value: format!("{pattern:?}"),
            text: pattern.map(pattern_text).unwrap_or_default(),
        };
        ids.insert(id.clone(), defined(value, line));
        for a in attrs {
            let at = attribute_line(text, line, a.id.name);
            ids.insert(format!("{id}.{}", a.id.name), defined(Some(&a.value), at));
        }
    }
}

/// A message or attribute as one language defines it.
struct Defined {
    file: String,
    line: u32,
    /// The pattern's syntax tree, written out: equal when two languages say exactly the same.
    value: String,
    /// The pattern's plain text (placeables left out).
    text: String,
}

fn pattern_text(pattern: &ast::Pattern<&str>) -> String {
    pattern
        .elements
        .iter()
        .filter_map(|e| match e {
            ast::PatternElement::TextElement { value } => Some(*value),
            ast::PatternElement::Placeable { .. } => None,
        })
        .collect()
}

/// Words with at least two letters: one name ("Zoom") may stay the same in every language, a phrase may not.
fn words(text: &str) -> usize {
    text.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2).count()
}

/// A message the pack must define: its id, and for one that `event.json` names, the field that names it.
struct Needed {
    id: String,
    /// `agenda[1].speakers[0].id`; `None` for the messages every pack defines ([`REQUIRED`]).
    field: Option<String>,
    /// "the agenda item \"opening\"", for the problem's wording.
    what: String,
}

/// Every message `event`'s ids call for, besides [`REQUIRED`], once each, in file order.
fn needed(event: &Event) -> Vec<Needed> {
    let mut out: Vec<Needed> =
        REQUIRED.iter().map(|id| Needed { id: id.to_string(), field: None, what: String::new() }).collect();
    let mut push = |id: String, field: String, what: String| {
        if !out.iter().any(|n| n.id == id) {
            out.push(Needed { id, field: Some(field), what });
        }
    };
    for (i, item) in event.agenda.iter().enumerate() {
        let what = format!("the agenda item {:?}", item.id);
        push(format!("agenda-{}-title", item.id), format!("agenda[{i}].id"), what);
        for (t, topic) in item.topics.iter().enumerate() {
            let what = format!("the topic {topic:?} of {:?}", item.id);
            push(format!("agenda-{}-topic-{topic}", item.id), format!("agenda[{i}].topics[{t}]"), what);
        }
        for (s, speaker) in item.speakers.iter().enumerate() {
            let what = format!("the speaker {:?}", speaker.id);
            push(format!("speaker-{}", speaker.id), format!("agenda[{i}].speakers[{s}].id"), what);
        }
    }
    for (r, resource) in event.resources.iter().enumerate() {
        push(
            format!("resource-{}", resource.id),
            format!("resources[{r}].id"),
            format!("the resource {:?}", resource.id),
        );
    }
    out
}

/// Where a message missing from `lang` belongs: the end of its `event.ftl`, else of its first file.
fn where_to_add(files: &PackFiles, lang: &str) -> (String, u32) {
    let prefix = format!("locales/{lang}/");
    let event_ftl = format!("{prefix}event.ftl");
    let (path, text) = files
        .get(&event_ftl)
        .map(|t| (event_ftl.clone(), t))
        .or_else(|| files.iter().find(|(p, _)| p.starts_with(&prefix)).map(|(p, t)| (p.to_owned(), t)))
        .unwrap_or((event_ftl, ""));
    (path, text.lines().count().max(1) as u32)
}

/// The line where message `id` is defined for the `nth` time (from 0: `id =` at the start of a line); 1 if not
/// found.
fn message_line(text: &str, id: &str, nth: usize) -> u32 {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.strip_prefix(id).is_some_and(|rest| rest.trim_start().starts_with('=')))
        .nth(nth)
        .map_or(1, |(i, _)| i as u32 + 1)
}

/// The line of attribute `.name` of the message defined at line `message` (its indented lines below); the
/// message's line if not found.
fn attribute_line(text: &str, message: u32, name: &str) -> u32 {
    text.lines()
        .enumerate()
        .skip(message as usize)
        .take_while(|(_, l)| l.is_empty() || l.starts_with([' ', '\t']))
        .find(|(_, l)| {
            l.trim_start()
                .strip_prefix('.')
                .and_then(|r| r.strip_prefix(name))
                .is_some_and(|r| r.trim_start().starts_with('='))
        })
        .map_or(message, |(i, _)| i as u32 + 1)
}

/// A text as compared for "not translated": lower case, spaces collapsed, end punctuation dropped.
fn comparable(text: &str) -> String {
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    words.join(" ").trim_end_matches(['.', '!', '?', ':', ';', ',', '…']).to_owned()
}

/// The numbered messages (`concept-p<n>`, `overview-aim-<n>`) of one language: the app shows them from 1 up to the
/// first gap, so a gap would hide every later one.
fn numbered_gaps(ids: &BTreeMap<String, Defined>, lang: &str, problems: &mut Vec<Problem>) {
    for prefix in NUMBERED {
        let mut numbers: Vec<(u32, &Defined)> =
            ids.iter().filter_map(|(id, d)| id.strip_prefix(prefix)?.parse::<u32>().ok().map(|n| (n, d))).collect();
        numbers.sort_by_key(|(n, _)| *n);
        for (expected, (n, d)) in (1..).zip(numbers) {
            if n != expected {
                problems.push(Problem::new(
                    &d.file,
                    Some(d.line),
                    format!(
                        "{prefix}{n} follows a gap: {prefix}{expected} is missing in {lang}, and the app shows \
                         {prefix}1, {prefix}2, … only up to the first gap"
                    ),
                ));
                break;
            }
        }
    }
}

/// Markup problems line by line: HTML tags, and link targets that are not a resource of the pack or `join`.
fn markup(path: &str, text: &str, resources: &BTreeSet<&str>, problems: &mut Vec<Problem>) {
    for (i, line) in text.lines().enumerate() {
        if line.trim_start().starts_with('#') {
            continue;
        }
        let n = Some(i as u32 + 1);
        let bytes = line.as_bytes();
        if bytes.windows(2).any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!')) {
            problems.push(Problem::new(
                path,
                n,
                "HTML is not allowed in texts; use **strong**, *emphasis* and [text](resource-id)",
            ));
        }
        let mut rest = line;
        while let Some(pos) = rest.find("](") {
            let after = &rest[pos + 2..];
            let target = after.split(')').next().unwrap_or(after);
            if target != "join" && !resources.contains(target) {
                problems.push(Problem::new(
                    path,
                    n,
                    format!("link target {target:?} is not a resource of this pack (or join)"),
                ));
            }
            rest = after;
        }
    }
}

/// The 1-based line of an `EventError` field path in `event.json` (`agenda[2].end`, `resources[0].url`,
/// `timezone`), found in the JSON's syntax tree; the line of the deepest part found, or `None` for `(file)`.
pub fn locate(json: &str, field: &str) -> Option<u32> {
    use jsonc_parser::ast::Value;
    use jsonc_parser::common::Ranged;
    if field == "(file)" {
        // serde_json's message carries "at line N column M".
        return None;
    }
    let ast = jsonc_parser::parse_to_ast(json, &Default::default(), &Default::default()).ok()?;
    let mut value = ast.value?;
    let mut line = None;
    for part in field.split('.') {
        let (key, index) = match part.split_once('[') {
            Some((k, i)) => (k, i.trim_end_matches(']').parse::<usize>().ok()),
            None => (part, None),
        };
        let Value::Object(obj) = value else { break };
        let Some(prop) = obj.properties.into_iter().find(|p| p.name.as_str() == key) else { break };
        line = Some(line_of(json, prop.range.start));
        value = prop.value;
        if let Some(i) = index {
            let Value::Array(arr) = value else { break };
            let Some(el) = arr.elements.into_iter().nth(i) else { break };
            line = Some(line_of(json, el.start()));
            value = el;
        }
    }
    line
}
