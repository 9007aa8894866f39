//! Undoes what mail and calendar systems do to the text of an invitation before a participant pastes it, so
//! that links are looked for in the text as its author wrote it:
//!
//! - **quoted-printable** ("show original" in a mail client; RFC 2045 §6.7): `=3D` for `=`, `=D0=9F` for the
//!   bytes of a UTF-8 character, and a soft line break (`=` at the end of a line) where the encoder wrapped a
//!   long line — usually in the middle of the join link;
//! - **iCalendar text** (the source of a calendar attachment; RFC 5545 §3.1 and §3.3.11): lines folded with
//!   "CRLF + space" and the escapes `\n`, `\,`, `\;` and `\\`;
//! - **HTML character references** (a copy of the HTML part): `&amp;` for `&` in a link's query;
//! - **a link in angle brackets wrapped across lines** (RFC 3986 appendix C: whitespace inside `<…>` is not part
//!   of the link), and **soft hyphens** (U+00AD) that a word processor left inside a word or a link.
//!
//! Each decoding runs only when the text shows its marks, because applied to plain text it would change it:
//! `pwd=AB12` is not the byte 0xAB followed by "12".

use std::borrow::Cow;

/// The text with every transport encoding it shows undone, in the order a raw mail source stacks them:
/// quoted-printable first (the mail's transfer encoding), then iCalendar text, then HTML references.
pub(super) fn decode(text: &str) -> Cow<'_, str> {
    let mut text = Cow::Borrowed(text);
    if is_quoted_printable(&text) {
        text = Cow::Owned(decode_quoted_printable(&text));
    }
    if is_icalendar(&text) {
        text = Cow::Owned(decode_icalendar(&text));
    }
    if let Cow::Owned(decoded) = html_escape::decode_html_entities(&text) {
        text = Cow::Owned(decoded);
    }
    if text.contains('\u{AD}') {
        text = Cow::Owned(text.replace('\u{AD}', ""));
    }
    if let Some(joined) = join_bracketed_links(&text) {
        text = Cow::Owned(joined);
    }
    text
}

/// The text with the line breaks (and the indentation after them) removed from inside `<http…>` spans, or `None`
/// when no span has one. A span with a space inside a line, or another `<`, is left alone: that is prose.
fn join_bracketed_links(text: &str) -> Option<String> {
    const MAX_SPAN: usize = 4000;
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut changed = false;
    while let Some(open) = rest.find('<') {
        let (before, from) = rest.split_at(open);
        out.push_str(before);
        let inner_end = from[1..].find(['<', '>']).map(|i| i + 1);
        let span = match inner_end {
            Some(end) if from.as_bytes()[end] == b'>' && end <= MAX_SPAN => &from[1..end],
            _ => {
                out.push('<');
                rest = &from[1..];
                continue;
            }
        };
        let is_link = span.get(..4).is_some_and(|s| s.eq_ignore_ascii_case("http"));
        if is_link && span.contains('\n') && only_line_breaks(span) {
            out.push('<');
            out.extend(span.split_whitespace());
            out.push('>');
            changed = true;
        } else {
            out.push('<');
            out.push_str(span);
            out.push('>');
        }
        rest = &from[span.len() + 2..];
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// Whether every run of whitespace in `span` holds a line break: wrapping, not words.
fn only_line_breaks(span: &str) -> bool {
    let mut run_has_break = true;
    let mut in_run = false;
    for c in span.chars() {
        if c.is_whitespace() {
            if !in_run {
                in_run = true;
                run_has_break = false;
            }
            run_has_break |= c == '\n';
        } else {
            if in_run && !run_has_break {
                return false;
            }
            in_run = false;
        }
    }
    !in_run || run_has_break
}

/// Whether the text shows quoted-printable marks: an encoded `=` (every link with a query has one once
/// encoded), the encoded bytes of a multi-byte UTF-8 character, or a soft line break on a line as long as
/// encoders wrap at (RFC 2045 §6.7 rule 5: at most 76 characters, the `=` included).
fn is_quoted_printable(text: &str) -> bool {
    let b = text.as_bytes();
    let hex = |i: usize| b.get(i).is_some_and(u8::is_ascii_hexdigit);
    let upper_hex = |i: usize, range: std::ops::RangeInclusive<u8>| b.get(i).is_some_and(|c| range.contains(c));
    let encoded_equals = text.contains("=3D") || text.contains("=3d");
    // =C2..=F4 followed by a continuation byte =80..=BF: one UTF-8 character, encoded.
    let encoded_utf8 = (0..b.len()).any(|i| {
        b[i] == b'='
            && upper_hex(i + 1, b'C'..=b'F')
            && hex(i + 2)
            && b.get(i + 3) == Some(&b'=')
            && upper_hex(i + 4, b'8'..=b'B')
            && hex(i + 5)
    });
    let soft_break = text.lines().any(|line| line.ends_with('=') && (60..=76).contains(&line.chars().count()));
    encoded_equals || encoded_utf8 || soft_break
}

/// Decodes quoted-printable with the `quoted_printable` crate, leniently (a stray `=` stays as it is). Text that
/// a mail client already decoded (a Cyrillic header beside a raw body) has characters quoted-printable cannot
/// hold, which the crate would drop: their bytes are encoded first, so they come back as they were. The crate
/// writes hard line breaks as CRLF; a text pasted with LF keeps LF.
fn decode_quoted_printable(text: &str) -> String {
    let mut input = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            input.push(c);
        } else {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                input.push_str(&format!("={b:02X}"));
            }
        }
    }
    let decoded = match quoted_printable::decode(&input, quoted_printable::ParseMode::Robust) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(_) => return text.to_string(),
    };
    if text.contains("\r\n") {
        decoded
    } else {
        decoded.replace("\r\n", "\n")
    }
}

/// Whether the text is (or holds) an iCalendar object.
fn is_icalendar(text: &str) -> bool {
    let upper = text.to_ascii_uppercase();
    upper.contains("BEGIN:VEVENT") || upper.contains("BEGIN:VCALENDAR")
}

/// Unfolds content lines and undoes the TEXT escapes. A backslash before any other character is kept.
fn decode_icalendar(text: &str) -> String {
    let unfolded = text.replace("\r\n ", "").replace("\r\n\t", "").replace("\n ", "").replace("\n\t", "");
    let mut out = String::with_capacity(unfolded.len());
    let mut chars = unfolded.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.peek() {
            Some('n' | 'N') => {
                out.push('\n');
                chars.next();
            }
            Some(&next @ (',' | ';' | '\\')) => {
                out.push(next);
                chars.next();
            }
            _ => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(input: &str, expect: &str) {
        assert_eq!(decode(input), expect, "input: {input:?}");
    }

    #[test]
    #[rustfmt::skip]
    fn plain_text_is_left_as_it_is() {
        check("https://zoom.us/j/85012345678?pwd=AB12CD", "https://zoom.us/j/85012345678?pwd=AB12CD");
        check("Код доступа: 584706", "Код доступа: 584706");
        check("https://zoom.us/j/85012345678?pwd=\nMeeting ID: 850 1234 5678", "https://zoom.us/j/85012345678?pwd=\nMeeting ID: 850 1234 5678");
        check("a = b, c=d", "a = b, c=d");
        check("C:\\new\\zoom.txt", "C:\\new\\zoom.txt");
        check("Fish & chips &c", "Fish & chips &c");
        check("?a=1&pwd=x&para=2", "?a=1&pwd=x&para=2");
    }

    #[test]
    #[rustfmt::skip]
    fn quoted_printable_is_decoded() {
        check("https://us02web.zoom.us/j/85012345678?pwd=3DYk5aR0xWc2NVdE1tT0NlUGpQ=\nZz09", "https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xWc2NVdE1tT0NlUGpQZz09");
        check("https://us02web.zoom.us/j/85012345678?pwd=3DYk5aR0xWc2NVdE1tT0NlUGpQ=\r\nZz09\r\n", "https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xWc2NVdE1tT0NlUGpQZz09\r\n");
        check("=D0=9A=D0=BE=D0=B4 =D0=B4=D0=BE=D1=81=D1=82=D1=83=D0=BF=D0=B0: 584706", "Код доступа: 584706");
        check("Тема: семинар\nJoin: https://zoom.us/j/850123=\n45678?pwd=3Dab.1", "Тема: семинар\nJoin: https://zoom.us/j/85012345678?pwd=ab.1");
        // Whitespace at the end of a line was added in transport (RFC 2045 §6.7 rule 3).
        check("a=3Db  \nc", "a=b\nc");
        // A soft break alone marks the text when the line is as long as encoders wrap at.
        check("Join Zoom Meeting https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xWc2N=\nVdE1tT0NlUGpQZz09", "Join Zoom Meeting https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xWc2NVdE1tT0NlUGpQZz09");
        // A stray "=" that is not an escape stays.
        check("charset=\"UTF-8\"\nhttps://zoom.us/j/85012345678?pwd=3Dx.1", "charset=\"UTF-8\"\nhttps://zoom.us/j/85012345678?pwd=x.1");
        check("a=3Db =E2=80=A6", "a=b …");
    }

    #[test]
    #[rustfmt::skip]
    fn html_character_references_are_decoded() {
        check("https://zoom.us/j/85012345678?pwd=abc.1&amp;uname=A", "https://zoom.us/j/85012345678?pwd=abc.1&uname=A");
        check("https://zoom.us/j/85012345678?from=addon&#38;pwd&#x3D;abc.1", "https://zoom.us/j/85012345678?from=addon&pwd=abc.1");
        check("&lt;https://zoom.us/j/85012345678&gt;", "<https://zoom.us/j/85012345678>");
        check("Passcode:&nbsp;584706", "Passcode:\u{A0}584706");
        check("https://zoom.us/j/850?pwd=3Dx&amp;y=3D1", "https://zoom.us/j/850?pwd=x&y=1");
    }

    #[test]
    #[rustfmt::skip]
    fn bracketed_links_wrapped_across_lines_are_joined() {
        check("Join: <https://zoom.us/j/85012345678?\n pwd=abc.1>", "Join: <https://zoom.us/j/85012345678?pwd=abc.1>");
        check("<https://zoom.us/j/850\r\n\t12345678> and <https://zoom.us/j/1\n2>", "<https://zoom.us/j/85012345678> and <https://zoom.us/j/12>");
        check("<https://zoom.us/j/85012345678 and more>", "<https://zoom.us/j/85012345678 and more>");
        check("<https://zoom.us/j/850\n12 345>", "<https://zoom.us/j/850\n12 345>");
        check("a < b\nand c > d", "a < b\nand c > d");
        check("<note\n on two lines>", "<note\n on two lines>");
        check("<<https://zoom.us/j/1\n2>", "<<https://zoom.us/j/12>");
        check("<https://zoom.us/j/1\n2", "<https://zoom.us/j/1\n2");
        check("Pass\u{AD}code: 584706", "Passcode: 584706");
    }

    #[test]
    #[rustfmt::skip]
    fn icalendar_text_is_unfolded_and_unescaped() {
        check("BEGIN:VEVENT\r\nDESCRIPTION:Join Zoom Meeting\\nhttps://us02web.zoom.us/j/8501\r\n 2345678?pwd=abc.1\\n\\nMeeting ID: 850 1234 5678\\, Passcode: 584706\r\nEND:VEVENT\r\n",
              "BEGIN:VEVENT\r\nDESCRIPTION:Join Zoom Meeting\nhttps://us02web.zoom.us/j/85012345678?pwd=abc.1\n\nMeeting ID: 850 1234 5678, Passcode: 584706\r\nEND:VEVENT\r\n");
        check("begin:vcalendar\nX-A:a\\;b\\\\c\\qd\n\tz", "begin:vcalendar\nX-A:a;b\\c\\qdz");
    }
}
