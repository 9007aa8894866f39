//! Every calendar file the app can write, read back by two independent readers and checked byte by byte
//! (issue 9: a long Russian DESCRIPTION was folded between the `\` and the `n` of an escape, and Google Calendar
//! is reported to drop such events). The readers are python `icalendar` (`tests/tools/ics_read.py`) and Mozilla's
//! ical.js (`tests/tools/ics-read.mjs`), at the versions pinned here and in `scripts/setup.sh`, which installs
//! them into the git-ignored `tests/fixtures/vendor/` (`scripts/test` does; by hand:
//! `. scripts/setup.sh && ensure_ics_readers`). The app binary is built by `scripts/test` too.

use chrono::{DateTime, NaiveDateTime, Utc};
use gcm_workshop_tests::workspace;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use workshop_core::schedule::{event_instants, item_instants};
use workshop_core::Event;

/// Keep equal to `ICALENDAR_VERSION` in `scripts/setup.sh`.
const ICALENDAR_VERSION: &str = "7.3.2";
/// Keep equal to `ICALJS_VERSION` in `scripts/setup.sh`.
const ICALJS_VERSION: &str = "2.2.1";

const LINK: &str = "https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xWc2NVdE1tT0NlUGpQZz09";

/// The properties both readers report, in the shape both print.
const PROPERTIES: [&str; 7] = ["UID", "SUMMARY", "DESCRIPTION", "LOCATION", "URL", "DTSTART", "DTEND"];

/// `$GCM_WORKSHOP_BIN`, else `<workspace>/target/debug/gcm-workshop` (as in `cli.rs`).
fn binary() -> PathBuf {
    gcm_workshop_tests::app_binary_path().unwrap_or_else(|e| panic!("{e}"))
}

/// Runs the app with its settings under `home` and `stdin` on standard input; expects success.
fn app(home: &Path, args: &[&str], stdin: &str) -> String {
    use std::io::Write;
    let mut child = gcm_workshop_tests::isolated(&mut Command::new(binary()), home)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the app binary runs");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{args:?}: {}\n{stdout}{}", out.status, String::from_utf8_lossy(&out.stderr));
    stdout
}

/// A reader: the command that runs it, and what it calls itself.
struct Reader {
    program: PathBuf,
    script: PathBuf,
    name: String,
}

/// Both readers, or a panic that says what is missing and how to install it: a missing reader is a failure, not
/// a reason to skip.
fn readers() -> [Reader; 2] {
    let vendor = workspace().join("tests/fixtures/vendor");
    let install = "install them with `. scripts/setup.sh && ensure_ics_readers` (scripts/test does this)";
    let python = vendor.join("py/bin/python");
    assert!(python.is_file(), "the python calendar reader is not installed: no {}\n{install}", python.display());
    let package = vendor.join("node_modules/ical.js/package.json");
    let version = std::fs::read_to_string(&package)
        .ok()
        .and_then(|t| serde_json::from_str::<Value>(&t).ok())
        .and_then(|p| p["version"].as_str().map(str::to_owned))
        .unwrap_or_else(|| panic!("ical.js is not installed: no {}\n{install}", package.display()));
    assert_eq!(
        version,
        ICALJS_VERSION,
        "{} holds ical.js {version}, the tests pin {ICALJS_VERSION}; {install}",
        package.display()
    );
    let node = std::env::var_os("PATH")
        .and_then(|paths| std::env::split_paths(&paths).map(|d| d.join("node")).find(|p| p.is_file()))
        .unwrap_or_else(|| panic!("node is not on PATH; it runs the ical.js reader\n{install}"));
    let tools = workspace().join("tests/tools");
    [
        Reader { program: python, script: tools.join("ics_read.py"), name: format!("icalendar {ICALENDAR_VERSION}") },
        Reader { program: node, script: tools.join("ics-read.mjs"), name: format!("ical.js {ICALJS_VERSION}") },
    ]
}

impl Reader {
    /// What the reader says each file holds, in order; `Err` holds its standard error if it refused one.
    fn read(&self, files: &[PathBuf]) -> Result<Vec<Value>, String> {
        let out = Command::new(&self.program).arg(&self.script).args(files).output().expect("the reader runs");
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        if !out.status.success() {
            return Err(format!("{} ({}): {stderr}", self.name, out.status));
        }
        let report: Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{}: not JSON ({e}): {}", self.name, String::from_utf8_lossy(&out.stdout)));
        assert_eq!(report["reader"], self.name.as_str(), "the reader's library is not the pinned version");
        let read = report["files"].as_array().unwrap_or_else(|| panic!("{}: no files in {report}", self.name)).clone();
        assert_eq!(read.len(), files.len(), "{}: {report}", self.name);
        for (value, file) in read.iter().zip(files) {
            assert_eq!(value["file"], file.to_str().unwrap(), "{}: files out of order", self.name);
        }
        Ok(read)
    }
}

/// The octets of `bytes` between CRLFs (the last part is what follows the last CRLF).
fn split_crlf(bytes: &[u8]) -> Vec<&[u8]> {
    let mut lines = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i + 1 < bytes.len() {
        if &bytes[i..i + 2] == b"\r\n" {
            lines.push(&bytes[start..i]);
            start = i + 2;
            i += 2;
        } else {
            i += 1;
        }
    }
    lines.push(&bytes[start..]);
    lines
}

/// Unfolds a file octet by octet as RFC 5545 §3.1 says, and lists what is wrong with its folding: a line not
/// ended by CRLF, longer than 75 octets (the continuation space included) or ending in whitespace, a fold
/// inside a UTF-8 character, and a fold inside an escape — after which the logical line so far ends in an odd
/// run of backslashes (issue 9). Returns the logical lines and the problems.
fn unfold(bytes: &[u8]) -> (Vec<String>, Vec<String>) {
    let mut problems = Vec::new();
    let body = bytes.strip_suffix(b"\r\n").unwrap_or_else(|| {
        problems.push("the file does not end in CRLF".to_owned());
        bytes
    });
    let physical = split_crlf(body);
    let mut logical: Vec<Vec<u8>> = Vec::new();
    for (i, line) in physical.iter().enumerate() {
        let n = i + 1;
        let shown = String::from_utf8_lossy(line);
        if line.contains(&b'\r') || line.contains(&b'\n') {
            problems.push(format!("line {n}: a bare CR or LF: {shown:?}"));
        }
        if line.len() > 75 {
            problems.push(format!("line {n}: {} octets: {shown:?}", line.len()));
        }
        if std::str::from_utf8(line).is_err() {
            problems.push(format!("line {n}: a UTF-8 character is split: {shown:?}"));
        }
        if line.last().is_some_and(|b| b" \t".contains(b)) {
            problems.push(format!("line {n} ends in whitespace: {shown:?}"));
        }
        match (line.strip_prefix(b" "), logical.last_mut()) {
            (Some(rest), Some(last)) => last.extend_from_slice(rest),
            _ => logical.push(line.to_vec()),
        }
        let folded_here = physical.get(i + 1).is_some_and(|next| next.starts_with(b" "));
        let backslashes = logical.last().unwrap().iter().rev().take_while(|&&b| b == b'\\').count();
        if folded_here && backslashes % 2 == 1 {
            problems.push(format!("line {n}: folded inside an escape: {shown:?}"));
        }
    }
    let lines = logical.into_iter().map(|l| String::from_utf8_lossy(&l).into_owned()).collect();
    (lines, problems)
}

/// A TEXT value with its escapes undone (RFC 5545 §3.3.11); `Err` names an escape the RFC does not have.
fn unescape(value: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(c @ ('\\' | ',' | ';')) => out.push(c),
            other => return Err(format!("a stray backslash before {other:?} in {value:?}")),
        }
    }
    Ok(out)
}

/// The raw value of the only property `name` in the logical lines (our properties carry no parameters).
fn raw_value<'a>(lines: &'a [String], name: &str) -> Option<&'a str> {
    let prefix = format!("{name}:");
    let mut found = lines.iter().filter_map(|l| l.strip_prefix(&prefix));
    let value = found.next();
    assert!(found.next().is_none(), "{name} occurs twice");
    value
}

/// What our own reading of the file gives, in the readers' shape.
fn own_reading(lines: &[String]) -> Value {
    let text = |name: &str| raw_value(lines, name).map(|v| unescape(v).unwrap_or_else(|e| panic!("{name}: {e}")));
    let utc = |name: &str| {
        let v = raw_value(lines, name).unwrap_or_else(|| panic!("no {name}"));
        let t = NaiveDateTime::parse_from_str(v, "%Y%m%dT%H%M%SZ").unwrap_or_else(|e| panic!("{name} {v:?}: {e}"));
        t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
    };
    serde_json::json!({
        "UID": text("UID"),
        "SUMMARY": text("SUMMARY"),
        "DESCRIPTION": text("DESCRIPTION"),
        "LOCATION": text("LOCATION"),
        "URL": raw_value(lines, "URL"),
        "DTSTART": utc("DTSTART"),
        "DTEND": utc("DTEND"),
    })
}

fn iso(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// One file the app wrote, and what it should say.
struct Written {
    path: PathBuf,
    link: Option<&'static str>,
    /// LOCATION without a link: the pack's `overview-where` in the file's language.
    place: String,
    start: String,
    end: String,
}

/// Issue 9: each agenda item and the whole event, in English and Russian, without and with a saved meeting
/// link, written by `gcm-workshop calendar --out`: both readers parse every file and agree on every property;
/// the description is what an octet-level unfold and unescape gives, with no escape left in it; and the folding
/// is clean (CRLF, at most 75 octets, no fold inside an escape or a character).
#[test]
fn every_calendar_file_reads_alike_in_two_readers_and_folds_between_escapes() {
    let readers = readers();
    let ev = Event::embedded();
    let out = tempfile::tempdir().unwrap();
    let mut written = Vec::new();
    for link in [None, Some(LINK)] {
        let home = tempfile::tempdir().unwrap();
        if let Some(link) = link {
            let said = app(home.path(), &["join", "--invitation", "-"], link);
            assert!(said.contains("The meeting link was saved."), "{said}");
        }
        for lang in ["en", "ru"] {
            let targets = std::iter::once(None).chain(ev.agenda.iter().map(Some));
            for item in targets {
                let (start, end) = item.map_or_else(|| event_instants(&ev), |i| item_instants(&ev, i));
                let id = item.map_or("event", |i| i.id.as_str());
                let path =
                    out.path().join(format!("{lang}-{}-{id}.ics", if link.is_some() { "link" } else { "no-link" }));
                let mut args = vec!["calendar", "--out", path.to_str().unwrap(), "--lang", lang];
                args.extend(item.map(|i| ["--item", i.id.as_str()]).into_iter().flatten());
                app(home.path(), &args, "");
                let lang_code = workshop_core::Lang::parse(lang).unwrap();
                let place = workshop_core::Localizer::embedded().text(lang_code, "overview-where");
                written.push(Written { path, link, place, start: iso(start), end: iso(end) });
            }
        }
    }
    assert_eq!(written.len(), 2 * 2 * (ev.agenda.len() + 1));

    let paths: Vec<PathBuf> = written.iter().map(|w| w.path.clone()).collect();
    let [python, js] = readers.map(|r| r.read(&paths).unwrap_or_else(|e| panic!("a reader refused a file: {e}")));
    let mut problems = Vec::new();
    for ((file, py), js) in written.iter().zip(&python).zip(&js) {
        let name = file.path.file_name().unwrap().to_string_lossy();
        let (lines, folding) = unfold(&std::fs::read(&file.path).unwrap());
        problems.extend(folding.into_iter().map(|p| format!("{name}: {p}")));
        let ours = own_reading(&lines);
        for property in PROPERTIES {
            assert_eq!(py[property], js[property], "{name}: {property}: python icalendar and ical.js disagree");
            assert_eq!(py[property], ours[property], "{name}: {property}: the readers and our unfolding disagree");
        }
        for property in ["SUMMARY", "DESCRIPTION", "LOCATION"] {
            let text = py[property].as_str().unwrap_or_else(|| panic!("{name}: no {property}"));
            for escape in [r"\n", r"\N", r"\,", r"\;", r"\\"] {
                assert!(!text.contains(escape), "{name}: {property} holds the escape {escape}: {text:?}");
            }
        }
        assert_eq!((py["DTSTART"].as_str(), py["DTEND"].as_str()), (Some(&*file.start), Some(&*file.end)), "{name}");
        assert_eq!(py["LOCATION"], file.link.unwrap_or(&file.place), "{name}");
        assert_eq!(py["URL"], file.link.map_or(Value::Null, Value::from), "{name}");
    }
    assert!(problems.is_empty(), "the folding is wrong:\n{}", problems.join("\n"));
}

/// The octet-level check above can fail: it finds a fold inside an escape, inside a character, a long line, a
/// line ending in a space and a bare LF.
#[test]
fn the_fold_check_finds_planted_faults() {
    let problems = |ics: &str| unfold(ics.as_bytes()).1.join("\n");
    assert_eq!(problems("A:x\\\\\r\n \\n\r\n"), "", "`\\\\` then `\\n`, each whole on its line");
    assert!(problems("A:x\\\r\n n\r\n").contains("line 1: folded inside an escape"));
    assert!(problems("A:x\\\\\\\r\n n\r\n").contains("line 1: folded inside an escape"));
    assert!(problems(&format!("A:{}\r\n", "x".repeat(74))).contains("line 1: 76 octets"));
    assert!(problems("A:x \r\n y\r\n").contains("line 1 ends in whitespace"));
    assert!(problems("A:x\ny\r\n").contains("line 1: a bare CR or LF"));
    assert!(problems("A:x").contains("does not end in CRLF"));
    let mut split = b"A:\xd0\r\n \xb4\r\n".to_vec();
    assert!(unfold(&split).1.join("\n").contains("line 1: a UTF-8 character is split"));
    split = b"A:\xd0\xb4\r\n".to_vec();
    assert_eq!(unfold(&split), (vec!["A:д".to_owned()], vec![]));
}

/// Both readers exit non-zero on a file that does not parse, rather than print an empty reading.
#[test]
fn both_readers_refuse_a_file_that_does_not_parse() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ics");
    std::fs::write(&bad, "this is not a calendar\r\n").unwrap();
    for reader in readers() {
        assert!(reader.read(std::slice::from_ref(&bad)).is_err(), "{} read a broken file", reader.name);
    }
}
