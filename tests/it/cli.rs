//! The command line, run as a participant would: the built `gcm-workshop` binary with its own empty
//! `XDG_CONFIG_HOME`, checking standard output, standard error and the exit code.
//!
//! `agenda` and `calendar` (issue 4), `join` (issue 5), `TZ` and settings files that cannot be read (issue 9).
//! The binary is built by `scripts/test` before `cargo test`; by hand: `cargo build -p gcm-workshop`.
//!
//! `TZ` is removed from every run unless a test sets it, so the computer's zone is the OS setting.

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use std::path::{Path, PathBuf};
use std::process::Command;
use workshop_core::schedule::{event_instants, item_instants};
use workshop_core::Event;

/// `$GCM_WORKSHOP_BIN`, else `<workspace>/target/debug/gcm-workshop`.
fn binary() -> PathBuf {
    gcm_workshop_tests::app_binary_path().unwrap_or_else(|e| panic!("{e}"))
}

struct Output {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs the app with `args` and, if given, a settings file, in a fresh config folder.
fn run_with(args: &[&str], settings: Option<&str>, env: &[(&str, &str)]) -> Output {
    let home = tempfile::tempdir().unwrap();
    if let Some(text) = settings {
        std::fs::create_dir_all(home.path().join("gcm-workshop")).unwrap();
        std::fs::write(home.path().join("gcm-workshop/settings.json"), text).unwrap();
    }
    let mut cmd = Command::new(binary());
    gcm_workshop_tests::isolated(&mut cmd, home.path()).args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("the app binary runs");
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 output"),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn run(args: &[&str]) -> Output {
    run_with(args, None, &[])
}

const DURING: &str = "2023-12-05T10:41:00+04:00";

/// Runs and expects exit code 2 with nothing on standard output and `needle` on standard error.
fn check_refused(args: &[&str], env: &[(&str, &str)], needle: &str) {
    let out = run_with(args, None, env);
    assert_eq!(out.code, 2, "{args:?}: exit code; stderr: {}", out.stderr);
    assert_eq!(out.stdout, "", "{args:?}: nothing on standard output");
    assert!(out.stderr.starts_with("gcm-workshop: "), "{args:?}: {}", out.stderr);
    assert!(out.stderr.contains(needle), "{args:?}: stderr should mention {needle:?}: {}", out.stderr);
}

#[test]
fn agenda_in_almaty_time_in_russian() {
    let out = run(&["agenda", "--tz", "Asia/Almaty", "--lang", "ru", "--now", DURING]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let t = &out.stdout;
    assert!(t.contains("\nвторник, 5 декабря 2023 г.\n"), "{t}");
    assert!(t.contains("\nВремя в Баку: Asia/Baku (UTC+4) · Ваше время: Asia/Almaty (UTC+6)\n"), "{t}");
    assert!(t.contains("\nИдёт сейчас · Осталось: 49 минут\n"), "{t}");
    let opening = t.lines().find(|l| l.contains("Открытие")).expect("the opening row");
    assert!(opening.starts_with("10:00–10:15   12:00–12:15  "), "{opening:?}");
    assert!(t.contains("10:40–11:30   12:40–13:30  [Сейчас] Сессия 2"), "{t}");
    assert!(t.contains("11:30–12:00   13:30–14:00  [Далее] Сессия 3"), "{t}");
    assert!(t.contains("– Амр ТАХА") && t.contains("(уточняется)"), "speakers with the TBC marker: {t}");
}

#[test]
fn agenda_in_english_after_the_event() {
    let out = run(&["agenda", "--tz", "America/New_York", "--lang", "en", "--now", "2024-03-01T12:00:00Z"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("Baku time: Asia/Baku (UTC+4) · Your time: America/New_York (UTC-5)\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("\nThis workshop took place on 5 December 2023. · All materials remain available in this app.\n"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("10:00–10:15  01:00–01:15  Opening"), "{}", out.stdout);
}

#[test]
fn agenda_uses_the_saved_zone_and_language() {
    let out = run_with(&["agenda", "--now", DURING], Some(r#"{"language":"ru","timezone":"Europe/Berlin"}"#), &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("Ваше время: Europe/Berlin (UTC+1)"), "{}", out.stdout);
    // GCM_WORKSHOP_NOW stands in for --now.
    let out = run_with(&["agenda", "--tz", "UTC"], None, &[("GCM_WORKSHOP_NOW", "2023-12-05T09:50:00+04:00")]);
    assert!(out.stdout.contains("\nStarting soon · Starts in 10 minutes\n"), "{}", out.stdout);
}

/// `--lang` is one option of the whole command line: before the subcommand or after it, the same output, for
/// every command that prints words (`join` and `events` too); it is not saved, and the window does not take it.
#[test]
fn lang_applies_to_every_command_wherever_it_is_given() {
    let cases: &[(&[&str], &str)] = &[
        (&["agenda", "--now", DURING], "Ваше время"),
        (&["zones", "Almaty"], "Алматы, Казахстан"),
        (&["search", "миграция"], "Концептуальная записка"),
        (&["events"], "Семинар по Глобальному договору"),
    ];
    for (args, needle) in cases {
        let before: Vec<&str> = ["--lang", "ru"].iter().chain(args.iter()).copied().collect();
        let after: Vec<&str> = args.iter().chain(["--lang", "ru"].iter()).copied().collect();
        let (b, a) = (run(&before), run(&after));
        assert_eq!((b.code, a.code), (0, 0), "{args:?}: {} {}", b.stderr, a.stderr);
        assert!(b.stdout.contains(needle), "{before:?}: {}", b.stdout);
        assert_eq!(b.stdout, a.stdout, "{args:?}: the same wherever --lang is");
    }
    // A command's own message follows --lang too, over the saved language.
    let out = run_with(&["--lang", "ru", "join"], Some(r#"{"language":"en"}"#), &[]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("Ссылка на конференцию ещё не сохранена"), "{}", out.stderr);
    // The command line's words, not the window's: the command that saves a link, not "paste".
    assert!(out.stderr.contains("gcm-workshop join --invitation ФАЙЛ"), "{}", out.stderr);
    // Not saved: the next command without it speaks the saved language again.
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("gcm-workshop")).unwrap();
    std::fs::write(home.path().join("gcm-workshop/settings.json"), r#"{"language":"en"}"#).unwrap();
    let ru = join_in(home.path(), &["--lang", "ru", "agenda", "--now", DURING], "");
    assert!(ru.starts_with("exit 0\n") && ru.contains("Ваше время"), "{ru}");
    let en = join_in(home.path(), &["agenda", "--now", DURING], "");
    assert!(en.starts_with("exit 0\n") && en.contains("Your time"), "{en}");
    check_refused(&["--lang", "ru"], &[], "--lang is for the commands");
    check_refused(&["--lang", "xx", "events"], &[], "unknown language \"xx\", expected en or ru");
    // A refused command line is refused in the language its --lang asks for, over the saved one, however it fails.
    let usage_ru = "Команда не распознана";
    for args in [
        &["--lang", "ru"][..],
        &["--lang", "ru", "bogus"],
        &["--lang=ru", "agenda", "--frobnicate"],
        &["agenda", "--lang", "ru", "extra"],
        &["--lang", "ru", "agenda", "--now", "garbage"],
    ] {
        let out = run_with(args, Some(r#"{"language":"en"}"#), &[]);
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        let said = out.stderr.lines().last().unwrap_or_default();
        let expected = if args.contains(&"garbage") { "«garbage» — не дата и время" } else { usage_ru };
        assert!(said.starts_with(expected), "{args:?}: {}", out.stderr);
    }
}

#[test]
fn agenda_refuses_bad_input() {
    check_refused(&["agenda", "--tz", "Mars/Base"], &[], "unknown time zone \"Mars/Base\"");
    check_refused(&["agenda", "--tz", "Mars/Base"], &[], "IANA time zone name");
    check_refused(&["agenda", "--tz", "+04:00"], &[], "unknown time zone \"+04:00\"");
    // Said in the language `--lang` asks for, whichever order the options come in.
    check_refused(&["agenda", "--lang", "ru", "--tz", "Mars/Base"], &[], "Часовой пояс, город или страна «Mars/Base»");
    check_refused(&["agenda", "--tz", "Kazakhstan", "--lang", "ru"], &[], "Asia/Almaty");
    check_refused(&["agenda", "--tz", "Mars/Base", "--lang", "ru"], &[], "приложению неизвестны");
    check_refused(&["agenda", "--now", "garbage"], &[], "invalid time \"garbage\"");
    check_refused(&["agenda", "--now", "2023-12-05 10:41"], &[], "expected RFC 3339");
    check_refused(&["agenda"], &[("GCM_WORKSHOP_NOW", "garbage")], "invalid time \"garbage\"");
    check_refused(&["agenda", "--lang", "fr"], &[], "unknown language \"fr\", expected en or ru");
}

/// The DTSTART and DTEND of the only VEVENT, read with the independent `ical` crate.
fn instants(ics: &str) -> (DateTime<Utc>, DateTime<Utc>, ical::parser::ical::component::IcalEvent) {
    let cals: Vec<_> =
        ical::IcalParser::new(ics.as_bytes()).collect::<Result<_, _>>().unwrap_or_else(|e| panic!("{e}\n{ics}"));
    assert_eq!(cals.len(), 1, "{ics}");
    assert_eq!(cals[0].events.len(), 1, "{ics}");
    let ev = cals[0].events[0].clone();
    let get = |name: &str| {
        let v = ev
            .properties
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
            .unwrap_or_else(|| panic!("no {name}"));
        Utc.from_utc_datetime(
            &NaiveDateTime::parse_from_str(&v, "%Y%m%dT%H%M%SZ").unwrap_or_else(|e| panic!("{name} {v:?}: {e}")),
        )
    };
    (get("DTSTART"), get("DTEND"), ev)
}

fn property(ev: &ical::parser::ical::component::IcalEvent, name: &str) -> Option<String> {
    ev.properties.iter().find(|p| p.name == name).and_then(|p| p.value.clone())
}

#[test]
fn calendar_of_the_whole_event_matches_the_agenda() {
    let out = run(&["calendar", "--lang", "en"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let (start, end, ev) = instants(&out.stdout);
    assert_eq!((start, end), event_instants(&Event::embedded()));
    // No link saved: the pack's place, as written (TEXT escapes the comma; the `ical` reader keeps escapes).
    assert_eq!(property(&ev, "LOCATION").as_deref(), Some("Online\\, on Zoom"));
    assert!(property(&ev, "SUMMARY").unwrap().starts_with("Workshop on the Global Compact"));
    let ru = run(&["calendar", "--lang", "ru"]);
    assert!(property(&instants(&ru.stdout).2, "SUMMARY").unwrap().starts_with("Семинар по Глобальному договору"));
}

/// Every item's export starts and ends when the agenda table (in UTC) says it does.
#[test]
fn calendar_of_each_item_matches_the_agenda_table() {
    let table = run(&["agenda", "--tz", "UTC", "--lang", "en", "--now", DURING]).stdout;
    let ev = Event::embedded();
    for item in &ev.agenda {
        let out = run(&["calendar", "--item", &item.id]);
        assert_eq!(out.code, 0, "{}: {}", item.id, out.stderr);
        let (start, end, _) = instants(&out.stdout);
        assert_eq!((start, end), item_instants(&ev, item), "{}", item.id);
        let baku = |t: DateTime<Utc>| t.with_timezone(&ev.tz).format("%H:%M").to_string();
        let utc = |t: DateTime<Utc>| t.format("%H:%M").to_string();
        let row = format!("{}–{}  {}–{}  ", baku(start), baku(end), utc(start), utc(end));
        assert!(table.lines().any(|l| l.starts_with(&row)), "no agenda row {row:?} for {}:\n{table}", item.id);
    }
}

#[test]
fn calendar_writes_a_file_and_carries_the_saved_link() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("workshop.ics");
    let link = "https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xWc2NVdE1tT0NlUGpQZz09";
    let settings = format!(r#"{{"meeting":"{link}"}}"#);
    let out = run_with(&["calendar", "--out", file.to_str().unwrap(), "--item", "session-2"], Some(&settings), &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "", "the file, not standard output");
    let ics = std::fs::read_to_string(&file).unwrap();
    let (_, _, ev) = instants(&ics);
    assert_eq!(property(&ev, "URL").as_deref(), Some(link));
    let same = run_with(&["calendar", "--item", "session-2"], Some(&settings), &[]);
    assert_eq!(same.stdout, ics, "--out writes what standard output would show");
}

#[test]
fn calendar_refuses_bad_input() {
    check_refused(
        &["calendar", "--item", "session-9"],
        &[],
        "unknown agenda item \"session-9\"; the agenda items are opening, session-1",
    );
    check_refused(&["calendar", "--lang", "de"], &[], "unknown language \"de\"");
    // A folder that cannot be made (a file is in the way): exit 1, said in both languages.
    let blocker = tempfile::NamedTempFile::new().unwrap();
    let target = blocker.path().join("x.ics");
    let out = run(&["calendar", "--out", target.to_str().unwrap()]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains(&format!("could not write {}", target.display())), "{}", out.stderr);
    assert!(out.stderr.contains("The calendar file could not be saved."), "{}", out.stderr);
    // Folders that are missing are made.
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("new/folder/x.ics");
    let out = run(&["calendar", "--out", target.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(std::fs::read_to_string(&target).unwrap().starts_with("BEGIN:VCALENDAR"));
}

// ---------------------------------------------------------------------------------------------------------------
// `join` (issue 5): several runs on one settings folder, the invitation on standard input.

const JOIN_INVITATION: &str = "Amr Taha is inviting you to a scheduled Zoom meeting.

Join Zoom Meeting
https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xWc2NVdE1tT0NlUGpQZz09

Meeting ID: 850 1234 5678
Passcode: 584706
";

const JOIN_LINK: &str = "https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xWc2NVdE1tT0NlUGpQZz09";

/// Runs the app with settings under `home`, `stdin` on standard input, an English locale and no display;
/// renders `exit <code>\n<stdout>` plus `stderr: <stderr>` when there is any, for one comparison per case.
fn join_in(home: &Path, args: &[&str], stdin: &str) -> String {
    join_in_env(home, args, stdin, &[])
}

fn join_in_env(home: &Path, args: &[&str], stdin: &str, env: &[(&str, &str)]) -> String {
    join_in_as(Command::new(binary()), home, args, stdin, env)
}

fn join_in_as(mut cmd: Command, home: &Path, args: &[&str], stdin: &str, env: &[(&str, &str)]) -> String {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = gcm_workshop_tests::isolated(&mut cmd, home)
        .args(args)
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the app binary runs");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let mut s = format!("exit {}\n{}", out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout));
    let err = String::from_utf8_lossy(&out.stderr);
    if !err.is_empty() {
        s += &format!("stderr: {err}");
    }
    s
}

fn join_settings(home: &Path) -> Option<String> {
    std::fs::read_to_string(home.join("gcm-workshop/settings.json")).ok()
}

#[test]
fn join_saves_an_invitation_from_stdin_and_prints_its_link() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    assert_eq!(
        join_in(h, &["join", "--print"], ""),
        "exit 2\nstderr: gcm-workshop: no meeting link is saved yet; save the one from your invitation with `gcm-workshop join --invitation FILE` (`-` reads standard input)\nNo meeting link is saved yet. Save the one from your Zoom invitation: gcm-workshop join --invitation FILE. To read the invitation from standard input, give “-” instead of a file name.\n"
    );
    assert_eq!(
        join_in(h, &["join", "--invitation", "-"], JOIN_INVITATION),
        format!("exit 0\nMeeting link: {JOIN_LINK}\nMeeting ID: 850 1234 5678\nPasscode: 584706\nThe meeting link was saved.\n")
    );
    assert_eq!(join_in(h, &["join", "--print"], ""), format!("exit 0\n{JOIN_LINK}\n"));
    let saved: serde_json::Value = serde_json::from_str(&join_settings(h).unwrap()).unwrap();
    // Kept per event: the built-in workshop's entry.
    let saved = &saved["events"]["gcm-almaty-process-2023-12-05"];
    assert_eq!((saved["meeting"].as_str(), saved["passcode"].as_str()), (Some(JOIN_LINK), Some("584706")));

    // From a file, with --print: saves, then prints the link in force.
    let file = h.join("invitation.txt");
    std::fs::write(&file, "Join: https://zoom.us/j/123456789").unwrap();
    assert_eq!(
        join_in(h, &["join", "--print", "--invitation", file.to_str().unwrap()], ""),
        "exit 0\nMeeting link: https://zoom.us/j/123456789\nMeeting ID: 123 456 789\nThe meeting link was saved.\nhttps://zoom.us/j/123456789\n"
    );
}

#[test]
#[rustfmt::skip]
fn join_refuses_a_hostile_invitation_and_keeps_the_saved_link() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    assert!(join_in(h, &["join", "--invitation", "-"], JOIN_INVITATION).starts_with("exit 0\n"));
    let before = join_settings(h).unwrap();
    let cases = [
        ("Join Zoom Meeting\nhttps://zoom.us.evil.example/j/85012345678\n", "\"https://zoom.us.evil.example/j/85012345678\" does not lead to zoom: its host zoom.us.evil.example is not zoom.us, zoom.com or zoomgov.com\nThis link does not lead to Zoom. Use the link from your invitation e-mail: its address ends in zoom.us, zoom.com or zoomgov.com (such as us02web.zoom.us)."),
        ("javascript:alert(1)", "\"javascript:alert\" is not an https link\nThe link must start with https://. Copy the link from your invitation e-mail."),
        ("", "the text is empty\nPaste your invitation e-mail or the Zoom link first."),
    ];
    for (input, reason) in cases {
        assert_eq!(
            join_in(h, &["join", "--invitation", "-"], input),
            format!("exit 2\nstderr: gcm-workshop: the invitation in standard input cannot be used: {reason}\nThe saved meeting link was not changed.\n"),
            "input: {input:?}"
        );
        assert_eq!(join_settings(h).unwrap(), before, "a refused invitation must leave the settings file as it was");
    }
    assert_eq!(join_in(h, &["join", "--print"], ""), format!("exit 0\n{JOIN_LINK}\n"));
    let missing = h.join("no-such-file.txt");
    let out = join_in(h, &["join", "--invitation", missing.to_str().unwrap()], "");
    assert!(out.starts_with(&format!("exit 2\nstderr: gcm-workshop: cannot read the invitation from {}: ", missing.display())), "{out}");
}

/// `join --invitation` on a disk that refuses writes, made for real in a mount namespace (a read-only bind mount,
/// a full 64 KiB tmpfs; both stop root too): refused with the OS's reason and in the participant's language, the
/// saved link kept and still joinable, the file's bytes unchanged; the agenda works.
#[cfg(target_os = "linux")]
#[test]
#[rustfmt::skip]
fn join_on_a_disk_that_refuses_writes_keeps_the_saved_link() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    assert!(join_in(h, &["join", "--invitation", "-"], JOIN_INVITATION).starts_with("exit 0\n"));
    let dir = h.join("gcm-workshop");
    let mut saved: serde_json::Value = serde_json::from_str(&join_settings(h).unwrap()).unwrap();
    saved["language"] = "ru".into();
    std::fs::write(dir.join("settings.json"), saved.to_string()).unwrap();
    let copy = h.join("settings.copy.json");
    std::fs::copy(dir.join("settings.json"), &copy).unwrap();
    // Sets the fault up, runs the app ("$@"), then says whether the file as the app saw it kept its bytes.
    let faults = [
        ("read-only", r#"mount --bind "$D" "$D" && mount -o remount,bind,ro "$D""#, "Read-only file system"),
        ("full", r#"mount -t tmpfs -o size=64k tmpfs "$D" && cp "$S" "$D/settings.json" && { cat /dev/zero > "$D/filler" 2>/dev/null; true; }"#, "No space left on device"),
    ];
    let other = "Join Zoom Meeting\nhttps://zoom.us/j/98765432101\n";
    for (fault, setup, os_words) in faults {
        let script = format!(r#"{setup} || exit 99; "$@"; rc=$?; cmp -s "$D/settings.json" "$S" && echo "(settings unchanged)" >&2; exit $rc"#);
        let in_fault = || {
            let mut cmd = Command::new("unshare");
            cmd.args(["--user", "--map-root-user", "--mount", "--", "sh", "-c", &script, "sh"]).arg(binary());
            cmd
        };
        let env = [("D", dir.to_str().unwrap()), ("S", copy.to_str().unwrap())];
        let path = dir.join("settings.json");
        assert_eq!(
            join_in_as(in_fault(), h, &["join", "--invitation", "-"], other, &env),
            format!("exit 1\nstderr: gcm-workshop: could not save settings to {p}: {os_words} (os error {n})\nНе удалось сохранить настройки в {p}.\nСохранённая ссылка на конференцию не изменилась.\n(settings unchanged)\n",
                p = path.display(), n = if fault == "full" { 28 } else { 30 }),
            "{fault}"
        );
        assert_eq!(join_in_as(in_fault(), h, &["join", "--print"], "", &env), format!("exit 0\n{JOIN_LINK}\nstderr: (settings unchanged)\n"), "{fault}");
        let agenda = join_in_as(in_fault(), h, &["agenda", "--now", DURING], "", &env);
        assert!(agenda.starts_with("exit 0\n") && agenda.contains("Сессия 2"), "{fault}: {agenda}");
    }
    assert_eq!(std::fs::read(dir.join("settings.json")).unwrap(), std::fs::read(&copy).unwrap());
}

/// `join` opens the saved link with the desktop's handler: the `open` crate runs `xdg-open` first, found on
/// `PATH`, so a stub there records what would open. If every launcher fails, the link is offered to copy.
#[cfg(unix)]
#[test]
fn join_opens_the_saved_link_with_the_desktop() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    assert!(join_in(h, &["join", "--invitation", "-"], JOIN_INVITATION).starts_with("exit 0\n"));
    let stub_path = |dir: &Path, status: i32| {
        for name in ["xdg-open", "gio", "gnome-open", "kde-open6", "kde-open5", "kde-open"] {
            let script = format!("#!/bin/sh\nfor a in \"$@\"; do last=\"$a\"; done\nprintf '%s\\n' \"$last\" >> '{}/opened.txt'\nexit {status}\n", dir.display());
            std::fs::write(dir.join(name), script).unwrap();
            std::fs::set_permissions(dir.join(name), std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        format!("{}:{}", dir.display(), std::env::var("PATH").unwrap_or_default())
    };
    let ok = tempfile::tempdir().unwrap();
    let path = stub_path(ok.path(), 0);
    assert_eq!(join_in_env(h, &["join"], "", &[("PATH", &path)]), format!("exit 0\n{JOIN_LINK}\n"));
    assert_eq!(
        std::fs::read_to_string(ok.path().join("opened.txt")).unwrap(),
        format!("{JOIN_LINK}\n"),
        "xdg-open alone, with the saved link"
    );

    let failing = tempfile::tempdir().unwrap();
    let path = stub_path(failing.path(), 1);
    let out = join_in_env(h, &["join"], "", &[("PATH", &path)]);
    assert!(out.starts_with("exit 1\nstderr: gcm-workshop: could not open "), "{out}");
    assert!(
        out.ends_with(&format!(
            "Your computer could not open the link. Copy it and open it in your browser:\n{JOIN_LINK}\n"
        )),
        "{out}"
    );
}

// ---------------------------------------------------------------------------------------------------------------
// Issue 9: the computer's zone follows `TZ`; a settings file that cannot be read is left alone.

/// What `agenda` prints after "Your time: " with `TZ` as given (`None`: unset).
fn your_time(tz: Option<&str>) -> String {
    let env: Vec<(&str, &str)> = tz.map(|v| ("TZ", v)).into_iter().collect();
    let out = run_with(&["agenda", "--lang", "en", "--now", DURING], None, &env);
    assert_eq!(out.code, 0, "TZ={tz:?}: {}", out.stderr);
    let line = out
        .stdout
        .lines()
        .find(|l| l.contains("Your time: "))
        .unwrap_or_else(|| panic!("no zone line: {}", out.stdout));
    line.split("Your time: ").nth(1).unwrap().to_owned()
}

fn check_tz(tz: &str, expect: &str) {
    assert_eq!(your_time(Some(tz)), expect, "TZ={tz:?}");
}

/// Kind 6: `TZ=Asia/Almaty gcm-workshop agenda` showed the OS zone while `date` showed +06.
#[test]
#[rustfmt::skip]
fn agenda_follows_the_tz_variable() {
    let os = your_time(None);
    check_tz("Asia/Almaty", "Asia/Almaty (UTC+6)");
    check_tz(":Asia/Bishkek", "Asia/Bishkek (UTC+6)");
    check_tz(":/usr/share/zoneinfo/Asia/Tashkent", "Asia/Tashkent (UTC+5)");
    check_tz("/usr/share/zoneinfo/posix/Europe/Berlin", "Europe/Berlin (UTC+1)");
    check_tz(" UTC ", "UTC (UTC+0)");
    // Not a zone name: the OS setting, as if TZ were unset, and no crash.
    check_tz("posix/Asia/Almaty", "Asia/Almaty (UTC+6)");
    // A POSIX rule with one fixed offset is that offset (what `date` shows).
    check_tz("UTC-6", "Etc/GMT-6 (UTC+6)");
    check_tz("<+06>-6", "Etc/GMT-6 (UTC+6)");
    check_tz("UTC0", "Etc/GMT (UTC+0)");
    check_tz("Mars/Base", &os);
    check_tz("CET-1CEST,M3.5.0,M10.5.0/3", &os);
    // A value that is not used is said, not ignored in silence.
    let ignored = run_with(&["agenda", "--now", DURING], None, &[("TZ", "Mars/Base")]);
    assert!(ignored.stderr.contains("gcm-workshop: TZ=\"Mars/Base\" names no time zone the app can use; using the computer's setting"), "{}", ignored.stderr);
    check_tz("", &os);
    check_tz(":/etc/localtime", &os);
    // A zone the participant chose still comes first, and --tz before that.
    let saved = run_with(&["agenda", "--now", DURING], Some(r#"{"timezone":"Europe/Berlin"}"#), &[("TZ", "Asia/Almaty")]);
    assert!(saved.stdout.contains("Your time: Europe/Berlin (UTC+1)"), "{}", saved.stdout);
    let given = run_with(&["agenda", "--tz", "Asia/Baku", "--now", DURING], None, &[("TZ", "Asia/Almaty")]);
    assert!(given.stdout.contains("Your time: Asia/Baku (UTC+4)"), "{}", given.stdout);
}

/// A command that runs the app as a user who may not read a mode-000 file. Tests run as root in CI, and root
/// reads any file whatever its mode; there the app runs as `nobody` through util-linux's `setpriv`, so the OS
/// really refuses with "Permission denied". The folders on the way are opened up for that user to pass.
#[cfg(unix)]
fn unprivileged(home: &Path) -> Command {
    use std::os::unix::fs::PermissionsExt;
    if unsafe { libc::geteuid() } != 0 {
        return Command::new(binary());
    }
    for dir in [home.to_owned(), home.join("gcm-workshop")] {
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].into_iter().find(|p| Path::new(p).is_file());
    let setpriv = setpriv.expect("running as root: util-linux's setpriv is needed to run the app as nobody");
    let mut cmd = Command::new(setpriv);
    cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups"]).arg(binary());
    cmd
}

/// The files beside `settings.json` other than its lock file (`settings.json.lock`, made by the first write).
fn corrupt_files(home: &Path) -> Vec<String> {
    let names =
        std::fs::read_dir(home.join("gcm-workshop")).unwrap().flatten().map(|e| e.file_name().into_string().unwrap());
    names.filter(|n| n != "settings.json" && n != "settings.json.lock").collect()
}

/// Kind 7: with `settings.json` unreadable (mode 000 after a wrong `sudo`), `agenda` used to rename it to
/// `settings.corrupt-….json`, and the saved link was gone once the permissions were fixed.
#[cfg(unix)]
#[test]
fn an_unreadable_settings_file_is_left_in_place() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    assert!(join_in(h, &["join", "--invitation", "-"], JOIN_INVITATION).starts_with("exit 0\n"));
    let file = h.join("gcm-workshop/settings.json");
    let bytes = std::fs::read(&file).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).unwrap();
    let f = file.display();
    let notice = format!(
        "gcm-workshop: could not read {f}: Permission denied (os error 13); using default settings and leaving it as it is (nothing is saved in this run)\n\
         Your settings file {f} could not be read, so the app is using its default settings for now. The file was left as it is. \
         Changes you make now will not be saved until the file can be read.\n"
    );

    let agenda = join_in_as(unprivileged(h), h, &["agenda", "--tz", "UTC", "--now", DURING], "", &[]);
    assert!(agenda.starts_with("exit 0\n"), "{agenda}");
    assert!(agenda.contains("10:00–10:15  06:00–06:15  Opening"), "the agenda is printed: {agenda}");
    assert!(agenda.ends_with(&format!("stderr: {notice}")), "the notice once, on standard error: {agenda}");
    let calendar = join_in_as(unprivileged(h), h, &["calendar", "--item", "opening"], "", &[]);
    assert!(
        calendar.starts_with("exit 0\nBEGIN:VCALENDAR") && calendar.ends_with(&format!("stderr: {notice}")),
        "{calendar}"
    );
    let print = join_in_as(unprivileged(h), h, &["join", "--print"], "", &[]);
    assert!(
        print.starts_with(&format!(
            "exit 2\nstderr: {notice}gcm-workshop: no meeting link can be used: the settings file {f} could not be read \
             in this run\nNo meeting link can be used now: your settings file {f}, where your link is kept, could not be \
             read."
        )),
        "{print}"
    );

    // Saving would pretend: refused, exit 1, the file as it was.
    assert_eq!(
        join_in_as(unprivileged(h), h, &["join", "--invitation", "-"], "https://zoom.us/j/123456789", &[]),
        format!(
            "exit 1\nstderr: {notice}gcm-workshop: nothing was saved: the settings file {f} could not be read in this run and is left as it is\n\
             Nothing was saved: your settings file {f} could not be read, and the app does not write over a file it could not read. \
             Fix the file or its permissions, then try again.\n"
        )
    );
    assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0, "mode untouched");
    assert_eq!(corrupt_files(h), Vec::<String>::new(), "nothing set aside or written beside it");

    // In Russian, the notice is Russian.
    let ru = join_in_as(unprivileged(h), h, &["agenda"], "", &[("LANG", "ru_RU.UTF-8")]);
    assert!(
        ru.contains(&format!(
            "\nНе удалось прочитать файл настроек {f}, поэтому приложение пока работает с настройками по умолчанию."
        )),
        "{ru}"
    );

    // Permissions fixed: the link saved before is there.
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert_eq!(std::fs::read(&file).unwrap(), bytes, "bytes untouched");
    assert_eq!(join_in(h, &["join", "--print"], ""), format!("exit 0\n{JOIN_LINK}\n"));
}

/// Kind 7, other shapes: a folder where the file should be is not "corrupt" either.
#[test]
fn a_folder_in_place_of_the_settings_file_is_left_alone() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let file = h.join("gcm-workshop/settings.json");
    std::fs::create_dir_all(file.join("inside")).unwrap();
    let agenda = join_in(h, &["agenda", "--tz", "UTC"], "");
    assert!(agenda.starts_with("exit 0\n"), "{agenda}");
    assert!(agenda.contains(&format!("stderr: gcm-workshop: could not read {}: Is a directory (os error 21); using default settings and leaving it as it is", file.display())), "{agenda}");
    assert_eq!(join_in(h, &["join", "--invitation", "-"], JOIN_INVITATION).lines().next(), Some("exit 1"));
    assert!(file.join("inside").is_dir(), "the folder is left as it was");
    assert_eq!(corrupt_files(h), Vec::<String>::new());
}

/// Kind 7, saved by a Windows editor: file bytes → what `join --print` finds.
fn check_settings_bytes(bytes: &[u8], expect: &str) {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("gcm-workshop")).unwrap();
    std::fs::write(home.path().join("gcm-workshop/settings.json"), bytes).unwrap();
    let out = join_in(home.path(), &["join", "--print"], "");
    let got = match out.strip_prefix("exit 0\n") {
        Some(link) => format!("read {}", link.trim_end()),
        None if corrupt_files(home.path()).iter().any(|n| n.starts_with("settings.corrupt-")) => "set aside".to_owned(),
        None => format!("other: {out}"),
    };
    assert_eq!(got, expect, "bytes: {bytes:?}");
}

#[test]
#[rustfmt::skip]
fn settings_saved_by_windows_editors_are_read() {
    let json = "{\r\n  \"meeting\": \"https://zoom.us/j/123456789\"\r\n}\r\n";
    let utf16le: Vec<u8> = [0xff, 0xfe].into_iter().chain(json.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let utf16be: Vec<u8> = [0xfe, 0xff].into_iter().chain(json.encode_utf16().flat_map(u16::to_be_bytes)).collect();
    check_settings_bytes(json.as_bytes(), "read https://zoom.us/j/123456789");
    check_settings_bytes(&[b"\xef\xbb\xbf", json.as_bytes()].concat(), "read https://zoom.us/j/123456789");
    check_settings_bytes(&utf16le, "read https://zoom.us/j/123456789");
    check_settings_bytes(&utf16be, "read https://zoom.us/j/123456789");
    check_settings_bytes(&utf16le[1..], "set aside");
    check_settings_bytes(b"{\"meeting\": ", "set aside");
}

/// `search`: the window's search for scripts, one place per line (section, title, snippet), by word forms, in the
/// language asked for.
#[test]
fn search_prints_section_title_and_snippet_per_place() {
    let out = run(&["search", "миграция", "--lang", "ru"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines: Vec<Vec<&str>> = out.stdout.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(lines.len(), 38, "{}", out.stdout);
    assert!(lines.iter().all(|l| l.len() == 3), "three columns: {}", out.stdout);
    assert_eq!(lines[0][0], "Программа");
    assert!(lines[0][1].starts_with("Сессия 1 · Глобальный договор"), "{:?}", lines[0]);
    assert!(lines.iter().any(|l| l[0] == "Концептуальная записка" && l[2].contains("миграци")), "{}", out.stdout);
    for (query, lang, first_title) in [
        ("обзоры", "ru", "Региональный обзор ГДМ для региона ЕЭК ООН (март 2024 года)"),
        ("reviewed", "en", "GCM Regional Review for the UNECE region (March 2024)"),
        ("Reviews", "en", "GCM Regional Review for the UNECE region (March 2024)"),
    ] {
        let out = run(&["search", query, "--lang", lang]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert_eq!(out.stdout.lines().count(), 12, "{query}: {}", out.stdout);
        assert_eq!(out.stdout.lines().next().unwrap().split('\t').nth(1), Some(first_title), "{query}");
    }
    // Nothing found, or nothing to search for: nothing on standard output, and standard error says which.
    for (args, said) in [
        (
            &["search", "zzzqqq", "--lang", "en"][..],
            "gcm-workshop: nothing found, in any language\nNothing found for “zzzqqq”.\n",
        ),
        (
            &["search", " zzzqqq ", "--lang", "ru"],
            "gcm-workshop: nothing found, in any language\nПо запросу «zzzqqq» ничего не найдено.\n",
        ),
        (
            &["search", "m", "--lang", "en"],
            "gcm-workshop: nothing searched: a query needs at least 2 letters\nType at least two letters.\n",
        ),
        (
            &["search", "  ", "--lang", "ru"],
            "gcm-workshop: nothing searched: a query needs at least 2 letters\nВведите не меньше двух букв.\n",
        ),
    ] {
        let out = run(args);
        assert_eq!((out.code, out.stdout.as_str(), out.stderr.as_str()), (0, "", said), "{args:?}");
    }
    // Words only the other language has: nothing on standard output, and standard error says where they are.
    let elsewhere = run(&["search", "remittances", "--lang", "ru"]);
    assert_eq!((elsewhere.code, elsewhere.stdout.as_str()), (0, ""));
    assert_eq!(
        elsewhere.stderr,
        "gcm-workshop: nothing found in ru; --lang en finds 1 place\n\
         По запросу «remittances» в русском тексте ничего не найдено. В английском тексте найдено мест: 1.\n"
    );
    check_refused(&["search", "review", "--lang", "xx"], &[], "xx");
}

/// `zones`: places by their names in the language asked for, found by city, country, IANA id or offset in either
/// language; and `agenda --tz` takes a place that names one zone, refusing one that names several with the list.
#[test]
fn zones_are_listed_and_found_by_place_and_tz_takes_a_place() {
    let lines = |args: &[&str]| -> Vec<String> {
        let out = run(args);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        out.stdout.lines().map(str::to_owned).collect()
    };
    let cases: &[(&[&str], &[&str])] = &[
        (&["zones", "Алматы", "--lang", "ru"], &["Asia/Almaty\tАлматы, Казахстан\tUTC+6"]),
        (&["zones", "Almaty", "--lang", "en"], &["Asia/Almaty\tAlmaty, Kazakhstan\tUTC+6"]),
        (&["zones", "Бишкек", "--lang", "en"], &["Asia/Bishkek\tBishkek, Kyrgyzstan\tUTC+6"]),
        (&["zones", "Bishkek", "--lang", "ru"], &["Asia/Bishkek\tБишкек, Киргизия\tUTC+6"]),
        (&["zones", "Душанбе", "--lang", "ru"], &["Asia/Dushanbe\tДушанбе, Таджикистан\tUTC+5"]),
        (&["zones", "asia/tashkent", "--lang", "ru"], &["Asia/Tashkent\tТашкент, Узбекистан\tUTC+5"]),
        (&["zones", "Атлантида", "--lang", "ru"], &[]),
    ];
    for (args, want) in cases {
        assert_eq!(lines(args), *want, "{args:?}");
    }
    let kz = lines(&["zones", "Казахстан", "--lang", "ru"]);
    assert_eq!(kz[0], "Asia/Almaty\tАлматы, Казахстан\tUTC+6");
    assert!(kz.len() >= 5 && kz.iter().all(|l| l.contains(", Казахстан\t")), "{kz:?}");
    let six = lines(&["zones", "UTC+6", "--lang", "en"]);
    assert!(six.iter().all(|l| l.ends_with("\tUTC+6")) && six.len() >= 3, "{six:?}");
    let all = lines(&["zones", "--lang", "en"]);
    assert_eq!(all[0], "Asia/Baku\tBaku, Azerbaijan\tUTC+4");
    assert!(all.len() > 300);

    // agenda --tz: a city in either language, or an IANA id; a country with several zones is refused with them.
    let table = |tz: &str| run(&["agenda", "--tz", tz, "--lang", "en", "--now", DURING]);
    let by_id = table("Asia/Tashkent");
    assert_eq!(by_id.code, 0, "{}", by_id.stderr);
    for place in ["Ташкент", "tashkent", "Uzbekistan"] {
        let out = table(place);
        if place == "Uzbekistan" {
            // Two zones (Tashkent, Samarkand): the candidates are named.
            assert_eq!(out.code, 2);
            assert!(out.stderr.contains("Asia/Tashkent") && out.stderr.contains("Asia/Samarkand"), "{}", out.stderr);
        } else {
            assert_eq!((out.code, &out.stdout), (0, &by_id.stdout), "{place}: {}", out.stderr);
        }
    }
    check_refused(&["agenda", "--tz", "Казахстан", "--lang", "ru"], &[], "names more than one time zone");
    let out = run_with(&["agenda", "--tz", "Казахстан", "--lang", "ru"], None, &[("LANG", "ru_RU.UTF-8")]);
    assert!(out.stderr.contains("«Казахстан» — это несколько часовых поясов: Asia/Almaty"), "{}", out.stderr);
    check_refused(&["agenda", "--tz", "Atlantis"], &[], "gcm-workshop zones QUERY");
}

/// `kill -9` at moments spread over a whole write, 200 times (`join --invitation` saving a new link each time):
/// the settings file always parses and holds either the link saved before or the new one; never a torn file,
/// never a link from nowhere.
#[test]
fn killing_a_writer_at_any_moment_never_tears_the_settings() {
    use std::io::Write;
    use std::process::Stdio;
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("gcm-workshop/settings.json");
    let link = |i: u32| format!("https://zoom.us/j/812345{i:05}");
    let spawn = |i: u32| {
        let mut cmd = Command::new(binary());
        let mut child = gcm_workshop_tests::isolated(&mut cmd, home.path())
            .args(["join", "--invitation", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(link(i).as_bytes()).unwrap();
        child
    };
    let saved_link = || -> Option<String> {
        let bytes = std::fs::read(&file).ok()?;
        let s = workshop_core::settings::Settings::from_bytes(&bytes).unwrap_or_else(|e| panic!("torn settings: {e}"));
        s.events.values().next().and_then(|e| e.meeting.clone())
    };
    // How long one whole run takes here, so the kills are spread over all of it.
    let started = std::time::Instant::now();
    assert!(spawn(0).wait().unwrap().success());
    let whole = started.elapsed().as_micros().max(1000) as u64;
    let mut before = saved_link();
    assert_eq!(before.as_deref(), Some(link(0).as_str()));
    let mut seed = 0x2545_f491_4f6c_dd1d_u64 ^ whole;
    let (mut kept_old, mut took_new) = (0, 0);
    for i in 1..=200 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut child = spawn(i);
        std::thread::sleep(std::time::Duration::from_micros(seed % (whole + whole / 4)));
        let _ = child.kill();
        let _ = child.wait();
        let now = saved_link();
        if now == before {
            kept_old += 1;
        } else {
            assert_eq!(now.as_deref(), Some(link(i).as_str()), "write {i}: neither the old link nor the new");
            took_new += 1;
        }
        before = now;
    }
    assert!(kept_old > 0 && took_new > 0, "kills fell before and after the write: {kept_old} old, {took_new} new");
    // Temporary files of killed writers are cleared by the next write.
    assert!(spawn(201).wait().unwrap().success());
    assert_eq!(saved_link().as_deref(), Some(link(201).as_str()));
    let names: Vec<String> = std::fs::read_dir(file.parent().unwrap())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-"))
        .collect();
    assert!(names.is_empty(), "leftover temporary files: {names:?}");
}

/// Inputs far over any real size are refused with the reason and without reading them whole: a 10 MB invitation
/// file (on standard input the app stops reading the same way, and the writer sees a closed pipe), and a 1 MB settings file (set aside unread, the command goes on with defaults).
#[test]
fn huge_inputs_are_refused_with_the_reason() {
    let home = tempfile::tempdir().unwrap();
    let big = home.path().join("invitation.txt");
    std::fs::write(&big, format!("https://zoom.us/j/81234567890 {}", "x".repeat(10 << 20))).unwrap();
    let out = join_in(home.path(), &["join", "--invitation", big.to_str().unwrap()], "");
    assert!(out.starts_with("exit 2\n"), "{}", &out[..out.len().min(400)]);
    assert!(out.contains("is longer than 80000 bytes"), "{}", &out[..out.len().min(400)]);
    assert!(out.contains("The text is too long."), "{}", &out[..out.len().min(400)]);
    assert!(!home.path().join("gcm-workshop/settings.json").exists(), "nothing saved");

    let settings = format!("{{\"language\": \"ru\", \"padding\": \"{}\"}}", "a".repeat(1 << 20));
    let out = run_with(&["agenda", "--tz", "UTC", "--now", DURING], Some(&settings), &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("Opening"), "defaults (English), not the huge file's Russian: {}", out.stdout);
    assert!(out.stderr.contains("larger than settings ever are"), "{}", out.stderr);
}
