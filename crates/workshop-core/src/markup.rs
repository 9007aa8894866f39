//! The tiny inline markup used inside Fluent messages: `**strong**`, `*emphasis*` and `[text](target)`, where
//! a target is a resource id or `join`. It is parsed here into segments that the UI turns into DOM nodes with
//! `textContent`, so a translation can never inject HTML: anything that is not this markup stays literal text.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "t", rename_all = "lowercase")]
pub enum Segment {
    Text { s: String },
    Strong { c: Vec<Segment> },
    Em { c: Vec<Segment> },
    Link { to: String, c: Vec<Segment> },
}

/// Parses `src` into segments. Unclosed or malformed markup is kept as literal text.
pub fn parse(src: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    parse_into(src, &mut out, true);
    out
}

/// The plain text of a message, markup removed: what search and tests compare.
pub fn plain(src: &str) -> String {
    fn walk(segs: &[Segment], out: &mut String) {
        for s in segs {
            match s {
                Segment::Text { s } => out.push_str(s),
                Segment::Strong { c } | Segment::Em { c } | Segment::Link { c, .. } => walk(c, out),
            }
        }
    }
    let mut out = String::new();
    walk(&parse(src), &mut out);
    out
}

fn is_target(t: &str) -> bool {
    !t.is_empty() && t.len() <= 64 && t.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn push_text(out: &mut Vec<Segment>, s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(Segment::Text { s: prev }) = out.last_mut() {
        prev.push_str(s);
    } else {
        out.push(Segment::Text { s: s.to_owned() });
    }
}

fn parse_into(src: &str, out: &mut Vec<Segment>, links: bool) {
    let mut rest = src;
    while !rest.is_empty() {
        let Some(pos) = rest.find(['*', '[']) else {
            push_text(out, rest);
            return;
        };
        push_text(out, &rest[..pos]);
        rest = &rest[pos..];
        if let Some(after) = rest.strip_prefix("**") {
            if let Some(end) = after.find("**").filter(|&e| e > 0) {
                let mut c = Vec::new();
                parse_into(&after[..end], &mut c, links);
                out.push(Segment::Strong { c });
                rest = &after[end + 2..];
                continue;
            }
            push_text(out, "**");
            rest = after;
        } else if let Some(after) = rest.strip_prefix('*') {
            // A closing `*` that is not part of `**`.
            let end = after
                .char_indices()
                .find(|&(i, ch)| {
                    ch == '*' && !after[i + 1..].starts_with('*') && (i == 0 || !after[..i].ends_with('*'))
                })
                .map(|(i, _)| i)
                .filter(|&e| e > 0);
            if let Some(end) = end {
                let mut c = Vec::new();
                parse_into(&after[..end], &mut c, links);
                out.push(Segment::Em { c });
                rest = &after[end + 1..];
                continue;
            }
            push_text(out, "*");
            rest = after;
        } else {
            // `[text](target)`
            let after = &rest[1..];
            let link = links
                .then(|| after.find("](").map(|close| (close, &after[close + 2..])))
                .flatten()
                .and_then(|(close, tail)| tail.find(')').map(|end| (close, &tail[..end], end)))
                .filter(|(close, target, _)| *close > 0 && is_target(target) && !after[..*close].contains('['));
            if let Some((close, target, end)) = link {
                let mut c = Vec::new();
                parse_into(&after[..close], &mut c, false);
                out.push(Segment::Link { to: target.to_owned(), c });
                rest = &after[close + 2 + end + 1..];
                continue;
            }
            push_text(out, "[");
            rest = after;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &str) {
        let got = serde_json::to_string(&parse(input)).unwrap();
        assert_eq!(got, expect, "input: {input}");
    }

    #[test]
    fn markup() {
        check("plain", r#"[{"t":"text","s":"plain"}]"#);
        check("", "[]");
        check(
            "a **b** c",
            r#"[{"t":"text","s":"a "},{"t":"strong","c":[{"t":"text","s":"b"}]},{"t":"text","s":" c"}]"#,
        );
        check("*it*", r#"[{"t":"em","c":[{"t":"text","s":"it"}]}]"#);
        check("[GCM](gcm).", r#"[{"t":"link","to":"gcm","c":[{"t":"text","s":"GCM"}]},{"t":"text","s":"."}]"#);
        check("**[x](hub)**", r#"[{"t":"strong","c":[{"t":"link","to":"hub","c":[{"t":"text","s":"x"}]}]}]"#);
        check("[x](https://evil.example)", r#"[{"t":"text","s":"[x](https://evil.example)"}]"#);
        check("[x](javascript:alert(1))", r#"[{"t":"text","s":"[x](javascript:alert(1))"}]"#);
        check("<img src=x onerror=alert(1)>", r#"[{"t":"text","s":"<img src=x onerror=alert(1)>"}]"#);
        check("a * b", r#"[{"t":"text","s":"a * b"}]"#);
        check("**open", r#"[{"t":"text","s":"**open"}]"#);
        check("[open", r#"[{"t":"text","s":"[open"}]"#);
        check("[](gcm)", r#"[{"t":"text","s":"[](gcm)"}]"#);
        check("(*a, b*)", r#"[{"t":"text","s":"("},{"t":"em","c":[{"t":"text","s":"a, b"}]},{"t":"text","s":")"}]"#);
        check(
            "[a [b](gcm)](hub)",
            r#"[{"t":"text","s":"[a "},{"t":"link","to":"gcm","c":[{"t":"text","s":"b"}]},{"t":"text","s":"](hub)"}]"#,
        );
    }

    #[test]
    fn plain_text() {
        assert_eq!(plain("**Migration** is an *engine* of [growth](gcm)."), "Migration is an engine of growth.");
    }
}
