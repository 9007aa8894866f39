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
                "unexpected file: a pack holds event.json and locales/<en|ru>/<name>.ftl only",
            ));
        }
    }
    let event = match files.get("event.json") {
        None => {
            problems.push(Problem::new("event.json", None, "missing: every pack has an event.json"));
            None
        }
        Some(json) => match Event::parse(json) {
            Ok(e) => Some(e),
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
    // lang → message id (with `.attribute` entries) → (file, line)
    let mut defined: BTreeMap<&str, BTreeMap<String, (String, u32)>> = BTreeMap::new();
    for lang in LANGUAGES {
        let mut ids = BTreeMap::new();
        let prefix = format!("locales/{lang}/");
        let mut any = false;
        for (path, text) in files.iter().filter(|(p, _)| p.starts_with(&prefix) && p.ends_with(".ftl")) {
            any = true;
            ftl_file(path, text, &app, &mut ids, &mut problems);
        }
        if !any {
            problems.push(Problem::new(
                format!("locales/{lang}"),
                None,
                "missing: every pack has its texts in en and ru",
            ));
        }
        defined.insert(lang, ids);
    }
    // Parity: the same messages and attributes in every language.
    for (lang, ids) in &defined {
        for (other, other_ids) in &defined {
            if lang == other {
                continue;
            }
            for (id, (file, line)) in ids {
                if !other_ids.contains_key(id) {
                    problems.push(Problem::new(file, Some(*line), format!("{id} is in {lang} but not in {other}")));
                }
            }
        }
    }
    if let Some(event) = &event {
        let resources: BTreeSet<&str> = event.resources.iter().map(|r| r.id.as_str()).collect();
        let mut needed: Vec<String> = REQUIRED.iter().map(|s| s.to_string()).collect();
        for item in &event.agenda {
            needed.push(format!("agenda-{}-title", item.id));
            needed.extend(item.topics.iter().map(|t| format!("agenda-{}-topic-{t}", item.id)));
            needed.extend(item.speakers.iter().map(|s| format!("speaker-{}", s.id)));
        }
        needed.extend(event.resources.iter().map(|r| format!("resource-{}", r.id)));
        needed.sort();
        needed.dedup();
        for lang in LANGUAGES {
            for id in &needed {
                if !defined[lang].contains_key(id) && !app.contains(id.as_str()) {
                    problems.push(Problem::new(
                        format!("locales/{lang}"),
                        None,
                        format!("{id} is missing: event.json names it"),
                    ));
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
    ids: &mut BTreeMap<String, (String, u32)>,
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
    for entry in &resource.body {
        let (id, attrs): (String, Vec<String>) = match entry {
            ast::Entry::Message(m) => {
                (m.id.name.to_owned(), m.attributes.iter().map(|a| a.id.name.to_owned()).collect())
            }
            ast::Entry::Term(t) => {
                (format!("-{}", t.id.name), t.attributes.iter().map(|a| a.id.name.to_owned()).collect())
            }
            _ => continue,
        };
        let line = message_line(text, &id);
        if app.contains(id.as_str()) {
            problems.push(Problem::new(path, Some(line), format!("{id} is one of the app's own messages")));
        }
        if let Some((file, first)) = ids.get(&id) {
            problems.push(Problem::new(path, Some(line), format!("{id} is defined twice (first at {file}:{first})")));
            continue;
        }
        ids.insert(id.clone(), (path.to_owned(), line));
        for a in attrs {
            ids.insert(format!("{id}.{a}"), (path.to_owned(), line));
        }
    }
}

/// The line where message `id` is defined (`id =` at the start of a line); 1 if not found.
fn message_line(text: &str, id: &str) -> u32 {
    text.lines()
        .position(|l| l.strip_prefix(id).is_some_and(|rest| rest.trim_start().starts_with('=')))
        .map_or(1, |i| i as u32 + 1)
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
