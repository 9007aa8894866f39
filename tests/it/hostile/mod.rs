//! The hostile corpus (issue 14): every file of `tests/fixtures/hostile/` — invitations, settings files, event
//! packs, command lines — run through the built app, once in English and once in Russian, against its folder's
//! `expected.tsv`. For each run: the exit code; no panic and no signal; the message the participant reads is that
//! kind's Fluent message in the participant's language (and not in the other one); the words of the reason; and
//! nothing saved is lost (the meeting link saved before a refused input is still there, a settings file set aside
//! keeps its exact bytes, nothing is installed). Inputs too large to commit (a 10 MB invitation, a 1 MB settings
//! file, a 21 MiB pack) are made as the test runs, and the app's peak memory for each is printed
//! (`--nocapture`) and bounded.
//!
//! Linux only: the command lines use `/dev/full`, `/proc` and non-UTF-8 file names, and memory is read with
//! `wait4`.

mod corpus;

use gcm_workshop_tests::{app_binary_path, isolated, workspace};
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io::{Read, Write};
use std::os::unix::ffi::OsStringExt;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use workshop_core::i18n::shapes;
use workshop_core::{FluentValue, Lang, Localizer};

const FOLDERS: [&str; 4] = ["invitations", "settings", "packs", "args"];
const DURING: &str = "2023-12-05T10:41:00+04:00";
/// Peak memory no run may exceed, in KiB: the app needs about 60 MiB here; a huge input read whole would not fit.
const MEMORY_BOUND_KIB: u64 = 200 << 10;

fn root() -> PathBuf {
    workspace().join("tests/fixtures/hostile")
}

/// One line of an `expected.tsv`.
#[derive(Debug, Clone)]
struct Expected {
    file: String,
    exit: i32,
    kind: String,
    message: String,
    detail: String,
    note: String,
}

fn manifest(folder: &str) -> Vec<Expected> {
    let path = root().join(folder).join("expected.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some(corpus::HEADER), "{}: the header", path.display());
    lines
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 6, "{}: {line:?}", path.display());
            Expected {
                file: f[0].into(),
                exit: f[1].parse().unwrap_or_else(|_| panic!("{}: exit {:?}", path.display(), f[1])),
                kind: f[2].into(),
                message: f[3].into(),
                detail: f[4].into(),
                note: f[5].into(),
            }
        })
        .collect()
}

/// A finished run of the app.
struct Ran {
    /// `None` when a signal ended it.
    code: Option<i32>,
    signal: Option<i32>,
    stdout: String,
    stderr: String,
    /// The peak resident memory of this process (`ru_maxrss`, KiB).
    peak_kib: u64,
}

/// Runs `cmd` with `stdin` written to it (a reader that stops early is fine), and waits for it with `wait4`, whose
/// resource usage is this one process's.
// The child is reaped by `wait4`, which clippy does not know.
#[allow(clippy::zombie_processes)]
fn run(mut cmd: Command, stdin: Option<Vec<u8>>) -> Ran {
    let mut child = cmd
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the app binary runs");
    let writer = child.stdin.take().map(|mut pipe| {
        let bytes = stdin.unwrap_or_default();
        std::thread::spawn(move || drop(pipe.write_all(&bytes)))
    });
    let read = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut v = Vec::new();
            let _ = r.read_to_end(&mut v);
            v
        })
    };
    let out = read(Box::new(child.stdout.take().unwrap()));
    let err = read(Box::new(child.stderr.take().unwrap()));
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value; wait4 fills it for the child we started and reaps it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as i32, "wait4: {}", std::io::Error::last_os_error());
    if let Some(w) = writer {
        w.join().unwrap();
    }
    let (code, signal) = if libc::WIFEXITED(status) {
        (Some(libc::WEXITSTATUS(status)), None)
    } else {
        (None, libc::WIFSIGNALED(status).then(|| libc::WTERMSIG(status)))
    };
    Ran {
        code,
        signal,
        stdout: String::from_utf8_lossy(&out.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&err.join().unwrap()).into_owned(),
        peak_kib: usage.ru_maxrss as u64,
    }
}

/// The app's Fluent messages, to recognise one in what a run printed whatever its arguments.
struct Messages {
    l10n: Localizer,
    vars: [BTreeMap<String, Vec<String>>; 2],
}

/// Stands for an argument of a message: any text.
const HOLE: char = '\u{E000}';

impl Messages {
    fn new() -> Messages {
        let vars = |lang| shapes(lang).into_iter().map(|(id, (_, v))| (id, v.into_iter().collect())).collect();
        Messages { l10n: Localizer::embedded(), vars: [vars(Lang::En), vars(Lang::Ru)] }
    }

    /// The message `id` in `lang` with its arguments as holes, once with every argument text and once with each
    /// one a number from 1 to 10 (so a plural's every form is there).
    fn templates(&self, lang: Lang, id: &str) -> Vec<String> {
        assert!(self.l10n.has(lang, id), "{id} is not a message in {}", lang.code());
        let vars = &self.vars[lang as usize][id];
        let hole = HOLE.to_string();
        let render = |number: Option<(&str, f64)>| {
            let args: Vec<(&str, FluentValue)> = vars
                .iter()
                .map(|v| match number {
                    Some((n, x)) if n == v => (v.as_str(), FluentValue::from(x)),
                    _ => (v.as_str(), FluentValue::from(hole.clone())),
                })
                .collect();
            self.l10n.text_with(lang, id, &args)
        };
        let mut out = vec![render(None)];
        for v in vars {
            out.extend((1..=10).map(|n| render(Some((v, f64::from(n))))));
        }
        for t in &out {
            let literal: usize = t.split(HOLE).map(|p| p.chars().count()).sum();
            assert!(literal >= 12, "{id} in {}: too little fixed text to recognise: {t:?}", lang.code());
        }
        out
    }

    /// Whether `text` holds the message `id` in `lang`: its fixed parts in order, anything in its holes.
    fn says(&self, lang: Lang, id: &str, text: &str) -> bool {
        self.templates(lang, id).iter().any(|t| {
            let mut from = 0;
            t.split(HOLE).filter(|p| !p.is_empty()).all(|part| match text[from..].find(part) {
                Some(i) => {
                    from += i + part.len();
                    true
                }
                None => false,
            })
        })
    }
}

/// Whether `message` is what an error of `kind` says (`Error::localize`): `error-<kind>`, or for a refused
/// link or pack the link's or the pack's own message; `-` is no error.
fn kind_fits(kind: &str, message: &str) -> bool {
    let error = ["error-", "meeting-error-", "pack-error-"].iter().any(|p| message.starts_with(p));
    match kind {
        "-" => !error,
        "meeting-link" => message.starts_with("meeting-error-"),
        "pack" => message.starts_with("pack-error-"),
        k => message == format!("error-{k}"),
    }
}

/// The settings every run but the settings corpus's starts with: a link saved before.
fn saved_settings() -> String {
    format!(r#"{{"events": {{"{}": {{"meeting": "{}", "passcode": "111"}}}}}}"#, corpus::EVENT, corpus::SAVED_LINK)
}

/// A folder of its own for one run: the settings folder (`XDG_CONFIG_HOME`), the data folder, a scratch folder
/// and a file in it for the command lines' `{tmp}` and `{file}`.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new(settings: Option<&[u8]>) -> Home {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("gcm-workshop")).unwrap();
        std::fs::create_dir_all(dir.path().join("scratch")).unwrap();
        std::fs::write(dir.path().join("scratch/a-file"), "x").unwrap();
        if let Some(bytes) = settings {
            std::fs::write(dir.path().join("gcm-workshop/settings.json"), bytes).unwrap();
        }
        Home { dir }
    }

    fn settings_dir(&self) -> PathBuf {
        self.dir.path().join("gcm-workshop")
    }

    fn settings(&self) -> Option<Vec<u8>> {
        std::fs::read(self.settings_dir().join("settings.json")).ok()
    }

    /// The files `settings.corrupt-*.json` and their bytes.
    fn set_aside(&self) -> Vec<(String, Vec<u8>)> {
        let mut found: Vec<(String, Vec<u8>)> = std::fs::read_dir(self.settings_dir())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("settings.corrupt-"))
            .map(|n| {
                let bytes = std::fs::read(self.settings_dir().join(&n)).unwrap();
                (n, bytes)
            })
            .collect();
        found.sort();
        found
    }

    fn installed(&self) -> Vec<String> {
        let dir = self.dir.path().join("data/gcm-workshop/packs");
        std::fs::read_dir(dir).into_iter().flatten().flatten().map(|e| e.file_name().to_string_lossy().into()).collect()
    }

    fn command(&self, lang: Lang) -> Command {
        let mut cmd = Command::new(app_binary_path().unwrap_or_else(|e| panic!("{e}")));
        isolated(&mut cmd, self.dir.path());
        cmd.env("LANG", if lang == Lang::Ru { "ru_RU.UTF-8" } else { "en_US.UTF-8" });
        cmd
    }
}

/// An `.args` file's arguments: one a line, `\xHH` a byte, `\n` a line end, `\\` a backslash; `{tmp}`, `{file}`,
/// `{workspace}`, `{corpus}` and `{lang}` (the run's language code) filled in first. An empty file is no
/// arguments.
fn arguments(bytes: &[u8], home: &Home, lang: Lang) -> Vec<OsString> {
    let text = std::str::from_utf8(bytes).expect("an .args file is UTF-8, other bytes escaped");
    let Some(text) = text.strip_suffix('\n') else {
        assert!(text.is_empty(), "an .args file ends with a line end");
        return Vec::new();
    };
    let scratch = home.dir.path().join("scratch");
    let fill = |s: &str| {
        s.replace("{tmp}", &scratch.display().to_string())
            .replace("{file}", &scratch.join("a-file").display().to_string())
            .replace("{workspace}", &workspace().display().to_string())
            .replace("{corpus}", &root().display().to_string())
            .replace("{lang}", lang.code())
    };
    text.split('\n')
        .map(|line| {
            let line = fill(line);
            let mut out = Vec::new();
            let mut rest = line.as_bytes();
            while let Some((&b, tail)) = rest.split_first() {
                rest = tail;
                if b != b'\\' {
                    out.push(b);
                    continue;
                }
                let (byte, tail) = match rest {
                    [b'\\', tail @ ..] => (b'\\', tail),
                    [b'n', tail @ ..] => (b'\n', tail),
                    [b'x', h, l, tail @ ..] => {
                        let hex = std::str::from_utf8(&[*h, *l]).ok().and_then(|s| u8::from_str_radix(s, 16).ok());
                        (hex.unwrap_or_else(|| panic!("a bad \\x escape in {line:?}")), tail)
                    }
                    _ => panic!("a bad escape in {line:?}"),
                };
                out.push(byte);
                rest = tail;
            }
            OsString::from_vec(out)
        })
        .collect()
}

/// Where a case comes from and how it is run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Folder {
    Invitations,
    Settings,
    Packs,
    Args,
}

/// The input itself: a file of the corpus (or one made for the run), or bytes for standard input.
enum Input {
    File(PathBuf),
    Stdin(Vec<u8>),
}

/// Runs one case in `lang` and says everything that is not as expected (empty: as expected), with the run's
/// peak memory.
fn check_case(m: &Messages, folder: Folder, row: &Expected, input: &Input, lang: Lang) -> (Vec<String>, u64) {
    let saved = saved_settings();
    let (home, cmd, stdin) = match (folder, input) {
        (Folder::Settings, Input::File(path)) => {
            let home = Home::new(Some(&std::fs::read(path).unwrap()));
            let mut cmd = home.command(lang);
            cmd.args(["agenda", "--now", DURING]);
            (home, cmd, None)
        }
        (Folder::Invitations, input) => {
            let home = Home::new(Some(saved.as_bytes()));
            let mut cmd = home.command(lang);
            cmd.args(["join", "--invitation"]);
            let stdin = match input {
                Input::File(path) => {
                    cmd.arg(path);
                    None
                }
                Input::Stdin(bytes) => {
                    cmd.arg("-");
                    Some(bytes.clone())
                }
            };
            (home, cmd, stdin)
        }
        (Folder::Packs, Input::File(path)) => {
            let home = Home::new(Some(saved.as_bytes()));
            let mut cmd = home.command(lang);
            // The corpus's key is trusted machine-wide, so each pack fails for its own reason.
            cmd.env("GCM_WORKSHOP_MACHINE_KEYS", root().join("packs")).arg("open").arg(path);
            (home, cmd, None)
        }
        (Folder::Args, Input::File(path)) => {
            let home = Home::new(Some(saved.as_bytes()));
            let mut cmd = home.command(lang);
            cmd.args(arguments(&std::fs::read(path).unwrap(), &home, lang));
            (home, cmd, None)
        }
        _ => unreachable!("{folder:?} from standard input"),
    };
    let ran = run(cmd, stdin);
    let mut problems = Vec::new();
    let output = format!("{}\n{}", ran.stdout, ran.stderr);
    let mut say = |p: String| problems.push(format!("{} ({}, {}): {p}", row.file, row.note, lang.code()));
    if let Some(sig) = ran.signal {
        say(format!("ended by signal {sig}"));
    }
    if ran.code == Some(101) || ran.stderr.contains("panicked") {
        say("panicked".into());
    }
    if ran.code != Some(row.exit) {
        say(format!("exit {:?}, expected {}", ran.code, row.exit));
    }
    if ran.peak_kib > MEMORY_BOUND_KIB {
        say(format!("peak memory {} KiB", ran.peak_kib));
    }
    let other = if lang == Lang::Ru { Lang::En } else { Lang::Ru };
    let mut messages = vec![row.message.as_str()];
    // A refused invitation also says the saved link was not changed.
    if folder == Folder::Invitations && row.kind == "meeting-link" {
        messages.push("meeting-link-unchanged");
    }
    for id in messages.into_iter().filter(|id| *id != "-") {
        if !m.says(lang, id, &output) {
            say(format!("does not say {id} in {}", lang.code()));
        }
        if m.l10n.text(lang, id) != m.l10n.text(other, id) && m.says(other, id, &output) {
            say(format!("says {id} in {}", other.code()));
        }
    }
    if row.detail != "-" && !output.contains(&row.detail) {
        say(format!("does not say {:?}", row.detail));
    }
    // Nothing saved is lost.
    match folder {
        Folder::Settings => {
            let Input::File(path) = input else { unreachable!() };
            let bytes = std::fs::read(path).unwrap();
            let aside = home.set_aside();
            if row.message == "notice-settings-reset" {
                match &aside[..] {
                    [(_, kept)] if *kept == bytes => {}
                    [(name, _)] => say(format!("{name} does not hold the file's bytes")),
                    other => say(format!("set aside: {:?}", other.iter().map(|a| &a.0).collect::<Vec<_>>())),
                }
                if home.settings().is_some() {
                    say("a settings.json is left".into());
                }
            } else {
                if !aside.is_empty() || home.settings().as_deref() != Some(&bytes[..]) {
                    say("the settings file was changed or set aside".into());
                }
                if ran.stderr.lines().any(|l| l.starts_with("gcm-workshop:")) {
                    say(format!("a message about settings that were read: {}", ran.stderr));
                }
            }
        }
        _ if folder == Folder::Invitations && row.exit == 0 => {
            let settings: serde_json::Value =
                serde_json::from_slice(&home.settings().unwrap_or_default()).unwrap_or(serde_json::Value::Null);
            let link = &settings["events"][corpus::EVENT]["meeting"];
            if link.as_str() != Some(row.detail.as_str()) {
                say(format!("saved {link}, expected {:?}", row.detail));
            }
        }
        _ => {
            if home.settings().as_deref() != Some(saved.as_bytes()) || !home.set_aside().is_empty() {
                say("the settings file was changed: the link saved before is lost".into());
            }
            if !home.installed().is_empty() {
                say(format!("installed {:?}", home.installed()));
            }
        }
    }
    if !problems.is_empty() {
        problems.push(format!("  stdout: {}\n  stderr: {}", clip(&ran.stdout), clip(&ran.stderr)));
    }
    (problems, ran.peak_kib)
}

/// At most 600 characters of `s`, for a failure's report.
fn clip(s: &str) -> String {
    let cut: String = s.chars().take(600).collect();
    if cut.len() < s.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

/// Runs `jobs` on two threads (the machines have two cores); the problems of all, and the peak memory per job.
fn run_all(m: &Messages, jobs: &[(Folder, Expected, Input)]) -> (Vec<String>, Vec<u64>) {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results = std::sync::Mutex::new(vec![(Vec::new(), 0); jobs.len()]);
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some((folder, row, input)) = jobs.get(i) else { break };
                let mut problems = Vec::new();
                let mut peak = 0;
                for lang in Lang::ALL {
                    let (p, kib) = check_case(m, *folder, row, input, lang);
                    problems.extend(p);
                    peak = peak.max(kib);
                }
                results.lock().unwrap()[i] = (problems, peak);
            });
        }
    });
    let results = results.into_inner().unwrap();
    (results.iter().flat_map(|r| r.0.clone()).collect(), results.iter().map(|r| r.1).collect())
}

/// The files of a corpus folder other than its manifest, its README and the packs' key.
fn files_in(folder: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join(folder))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().into_string().unwrap())
        .filter(|n| !["expected.tsv", "README.md", "corpus.pub"].contains(&n.as_str()))
        .collect();
    names.sort();
    names
}

#[test]
fn the_hostile_corpus_is_refused_or_read_as_expected_in_both_languages() {
    let m = Messages::new();
    let mut jobs = Vec::new();
    let mut counts = Vec::new();
    for (name, folder) in FOLDERS.iter().zip([Folder::Invitations, Folder::Settings, Folder::Packs, Folder::Args]) {
        let rows = manifest(name);
        let mut listed: Vec<String> = rows.iter().map(|r| r.file.clone()).collect();
        listed.sort();
        assert_eq!(files_in(name), listed, "{name}: every file has one line in expected.tsv, and every line a file");
        for row in rows {
            assert!(kind_fits(&row.kind, &row.message), "{name}/{}: kind {} with {}", row.file, row.kind, row.message);
            let path = root().join(name).join(&row.file);
            jobs.push((folder, row, Input::File(path)));
        }
        counts.push((*name, listed.len()));
    }
    let total: usize = counts.iter().map(|c| c.1).sum();
    assert!(total >= 200, "{total} inputs");
    let (problems, peaks) = run_all(&m, &jobs);
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
    let peak = |f: Folder| jobs.iter().zip(&peaks).filter(|(j, _)| j.0 == f).map(|(_, p)| *p).max().unwrap_or(0);
    let list: Vec<String> = counts.iter().map(|(n, c)| format!("{n} {c}")).collect();
    eprintln!("hostile corpus: {total} inputs ({}), each in en and ru, all as expected", list.join(", "));
    eprintln!(
        "hostile corpus: peak memory per run {} MiB (invitations {}, settings {}, packs {}, args {})",
        peaks.iter().max().unwrap_or(&0) >> 10,
        peak(Folder::Invitations) >> 10,
        peak(Folder::Settings) >> 10,
        peak(Folder::Packs) >> 10,
        peak(Folder::Args) >> 10,
    );
}

/// Inputs far over any real size, made now (too large to commit), refused with the reason in the participant's
/// language, without reading them whole: the peak memory of each run is printed and stays under the bound.
#[test]
fn huge_inputs_are_refused_with_the_reason_in_bounded_memory() {
    let m = Messages::new();
    let dir = tempfile::tempdir().unwrap();
    let make = |name: &str, bytes: &[u8]| {
        std::fs::write(dir.path().join(name), bytes).unwrap();
        dir.path().join(name)
    };
    let row = |file: &str, exit, kind: &str, message: &str, detail: &str| Expected {
        file: file.into(),
        exit,
        kind: kind.into(),
        message: message.into(),
        detail: detail.into(),
        note: file.into(),
    };
    let invitation = format!("Join: https://zoom.us/j/85012345678\n{}", "x".repeat(10_000_000)).into_bytes();
    let settings = format!("{{\"language\": \"ru\", \"padding\": \"{}\"}}", "a".repeat(1 << 20)).into_bytes();
    let pack = dir.path().join("21-mib.gcmpack");
    // Sparse: 21 MiB that take no room on disk.
    std::fs::File::create(&pack).unwrap().set_len(21 << 20).unwrap();
    let too_long = ("meeting-link", "meeting-error-too-long", "longer than 80000 bytes");
    let jobs = vec![
        (
            Folder::Settings,
            row("for comparison, an ordinary settings file", 0, "-", "-", "-"),
            Input::File(make("settings.json", br#"{"language": "en"}"#)),
        ),
        (
            Folder::Invitations,
            row("a 10 MB invitation file", 2, too_long.0, too_long.1, too_long.2),
            Input::File(make("invitation.txt", &invitation)),
        ),
        (
            Folder::Invitations,
            row("a 10 MB invitation on standard input", 2, too_long.0, too_long.1, too_long.2),
            Input::Stdin(invitation.clone()),
        ),
        (
            Folder::Settings,
            row("a 1 MB settings file", 0, "-", "notice-settings-reset", "larger than settings ever are"),
            Input::File(make("settings-1mb.json", &settings)),
        ),
        (
            Folder::Settings,
            row("100,000 brackets", 0, "-", "notice-settings-reset", "larger than settings ever are"),
            Input::File(make("brackets.json", &b"[".repeat(100_000))),
        ),
        (
            Folder::Packs,
            row("a 21 MiB pack", 2, "pack", "pack-error-too-large", "over the limit of 20971520"),
            Input::File(pack),
        ),
    ];
    let (problems, peaks) = run_all(&m, &jobs);
    for ((_, row, _), peak) in jobs.iter().zip(&peaks) {
        eprintln!("hostile corpus: {}: peak memory {:.1} MiB", row.file, *peak as f64 / 1024.0);
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

/// The committed invitations, settings and command lines are what `corpus.rs` makes, so the tables and the files
/// cannot drift apart. With `GCM_WRITE_HOSTILE_CORPUS=<corpus root>` they are written first.
#[test]
fn the_hostile_corpus_files_are_what_the_tables_make() {
    let tables = [("invitations", corpus::invitations()), ("settings", corpus::settings()), ("args", corpus::args())];
    if let Some(dir) = std::env::var_os("GCM_WRITE_HOSTILE_CORPUS") {
        for (name, cases) in &tables {
            let folder = PathBuf::from(&dir).join(name);
            std::fs::create_dir_all(&folder).unwrap();
            for old in std::fs::read_dir(&folder).unwrap().flatten() {
                if old.file_name() != "README.md" {
                    std::fs::remove_file(old.path()).unwrap();
                }
            }
            for c in cases {
                std::fs::write(folder.join(&c.file), &c.bytes).unwrap();
            }
            std::fs::write(folder.join("expected.tsv"), corpus::manifest(cases)).unwrap();
        }
    }
    for (name, cases) in &tables {
        let folder = root().join(name);
        let mut made: Vec<String> = cases.iter().map(|c| c.file.clone()).collect();
        made.sort();
        assert_eq!(files_in(name), made, "{name}: the files are the table's (write them again, see corpus.rs)");
        for c in cases {
            assert!(c.bytes.len() <= 100_000, "{name}/{}: {} bytes is too large to commit", c.file, c.bytes.len());
            let on_disk = std::fs::read(folder.join(&c.file)).unwrap();
            assert!(
                on_disk == c.bytes,
                "{name}/{}: not what the table makes (write them again, see corpus.rs)",
                c.file
            );
        }
        let manifest = std::fs::read_to_string(folder.join("expected.tsv")).unwrap();
        assert_eq!(manifest, corpus::manifest(cases), "{name}/expected.tsv");
    }
}

/// The `.args` escapes.
#[test]
fn hostile_args_files_decode_their_escapes() {
    let home = Home::new(None);
    let check = |file: &str, expect: &[&[u8]]| {
        let got: Vec<Vec<u8>> =
            arguments(file.as_bytes(), &home, Lang::Ru).into_iter().map(OsString::into_vec).collect();
        assert_eq!(got, expect.iter().map(|a| a.to_vec()).collect::<Vec<_>>(), "{file:?}");
    };
    check("", &[]);
    check("agenda\n", &[b"agenda"]);
    check("a\n\nb\n", &[b"a", b"", b"b"]);
    check("\\xff\\x00z\n", &[b"\xff\x00z"]);
    check("a\\\\b\\nc\n", &[b"a\\b\nc"]);
    let tmp = home.dir.path().join("scratch").display().to_string();
    check("{tmp}/x\n", &[format!("{tmp}/x").as_bytes()]);
    check("{file}\n", &[format!("{tmp}/a-file").as_bytes()]);
}

/// The message check can fail: it finds a message whatever its arguments and plural form, and only in its own
/// language.
#[test]
fn hostile_message_check_tells_the_languages_apart() {
    let m = Messages::new();
    let cases: &[(Lang, &str, &str, bool)] = &[
        (Lang::En, "error-usage", "The command was not understood. “gcm-workshop --help” lists the commands and their options.", true),
        (Lang::Ru, "error-usage", "The command was not understood. “gcm-workshop --help” lists the commands and their options.", false),
        (Lang::En, "error-unknown-zone", "gcm-workshop: unknown time zone \"x\"\n“Mars/Base” is not a time zone, city or country this app knows.", true),
        (Lang::En, "error-unknown-zone", "“Mars/Base” is not a time zone this app knows.", false),
        (Lang::Ru, "pack-error-invalid", "В пакете мероприятия 3 ошибки, например: event.json:1: x", true),
        (Lang::Ru, "pack-error-invalid", "В пакете мероприятия 1 ошибка: event.json:1: x", true),
        (Lang::En, "pack-error-invalid", "В пакете мероприятия 1 ошибка: event.json:1: x", false),
        (Lang::Ru, "notice-settings-reset", "Your settings file could not be read, so the app started with its default settings. The old file was kept as /x.", false),
    ];
    for (lang, id, text, expect) in cases {
        assert_eq!(m.says(*lang, id, text), *expect, "{id} in {}: {text:?}", lang.code());
    }
    assert!(
        kind_fits("usage", "error-usage")
            && kind_fits("pack", "pack-error-unsigned")
            && kind_fits("-", "meeting-saved")
    );
    assert!(
        !kind_fits("usage", "error-unknown-zone")
            && !kind_fits("-", "error-usage")
            && !kind_fits("pack", "meeting-error-empty")
    );
}
