//! Event packs from the organiser's command line, with Debian's `minisign` tool on the other side: keys made
//! with `minisign -G` as the tests run (no key is committed), `pack check` and `pack build --sign`, and
//! signatures that each tool makes and the other verifies.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use workshop_core::pack::{archive, trust, KeySource, Limits, TrustedKey};

fn binary() -> PathBuf {
    gcm_workshop_tests::app_binary_path().unwrap_or_else(|e| panic!("{e}"))
}

fn builtin_pack() -> PathBuf {
    gcm_workshop_tests::workspace().join("packs/gcm-almaty-process-2023")
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// One run of the app in a home of its own (see [`Home`]).
fn app(args: &[&std::ffi::OsStr], env: &[(&str, &str)]) -> Run {
    let env: Vec<(&str, &std::ffi::OsStr)> = env.iter().map(|(k, v)| (*k, v.as_ref())).collect();
    Home::new().run(args, &env)
}

#[test]
fn pack_check_passes_the_built_in_pack() {
    let run = app(&["pack".as_ref(), "check".as_ref(), builtin_pack().as_os_str()], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("no problems"), "{}", run.stderr);
}

#[test]
fn pack_check_prints_file_line_and_message_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let src = builtin_pack();
    for rel in ["event.json", "locales/en/event.ftl", "locales/ru/event.ftl"] {
        std::fs::create_dir_all(dir.path().join(rel).parent().unwrap()).unwrap();
    }
    gcm_workshop_tests::copy_tree(&src, dir.path());
    // An English message the Russian side lacks, and an HTML tag.
    let en = dir.path().join("locales/en/event.ftl");
    let text = std::fs::read_to_string(&en).unwrap();
    std::fs::write(&en, format!("{text}\nextra-note = Only in English <b>bold</b>\n")).unwrap();
    let line = text.lines().count() + 2;
    let run = app(&["pack".as_ref(), "check".as_ref(), dir.path().as_os_str()], &[]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(
        lines.contains(&format!("locales/en/event.ftl:{line}: extra-note is in en but not in ru").as_str()),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with(&format!("locales/en/event.ftl:{line}: HTML is not allowed"))),
        "{lines:?}"
    );
}

#[test]
fn pack_build_signs_with_a_minisign_key_and_minisign_verifies_it() {
    let dir = tempfile::tempdir().unwrap();
    let (public, secret) = gcm_workshop_tests::minisign_keys(dir.path(), "correct horse");
    let run = app(
        &[
            "pack".as_ref(),
            "build".as_ref(),
            builtin_pack().as_os_str(),
            "--out".as_ref(),
            dir.path().as_os_str(),
            "--sign".as_ref(),
            secret.as_os_str(),
        ],
        &[("MINISIGN_PASSWORD", "correct horse")],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let built = PathBuf::from(run.stdout.trim());
    assert_eq!(built, dir.path().join("gcm-almaty-process-2023-12-05-1.gcmpack"));
    // The key id the app printed is the one minisign wrote in the public key's comment.
    let key = TrustedKey::parse(&std::fs::read_to_string(&public).unwrap(), KeySource::User).unwrap();
    assert!(std::fs::read_to_string(&public).unwrap().contains(&key.id));
    assert!(run.stderr.contains(&format!("signed with key {}", key.id)), "{}", run.stderr);
    // minisign itself verifies pack.zip against its .minisig.
    let container = archive::read_container(&std::fs::read(&built).unwrap(), &Limits::default()).unwrap();
    std::fs::write(dir.path().join("pack.zip"), &container.pack_zip).unwrap();
    std::fs::write(dir.path().join("pack.zip.minisig"), container.signature.as_deref().unwrap()).unwrap();
    let verify =
        Command::new("minisign").arg("-Vm").arg(dir.path().join("pack.zip")).arg("-p").arg(&public).output().unwrap();
    assert!(verify.status.success(), "{}", String::from_utf8_lossy(&verify.stderr));
    // A wrong password is refused with exit 2 and nothing written.
    let other = dir.path().join("other.gcmpack");
    let run = app(
        &[
            "pack".as_ref(),
            "build".as_ref(),
            builtin_pack().as_os_str(),
            "--out".as_ref(),
            other.as_os_str(),
            "--sign".as_ref(),
            secret.as_os_str(),
        ],
        &[("MINISIGN_PASSWORD", "wrong")],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(!other.exists());
}

#[test]
fn a_pack_signed_by_hand_with_minisign_verifies_in_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let (public, secret) = gcm_workshop_tests::minisign_keys(dir.path(), "pw");
    let unsigned = dir.path().join("unsigned.gcmpack");
    let run = app(
        &["pack".as_ref(), "build".as_ref(), builtin_pack().as_os_str(), "--out".as_ref(), unsigned.as_os_str()],
        &[],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("not signed"), "{}", run.stderr);
    let container = archive::read_container(&std::fs::read(&unsigned).unwrap(), &Limits::default()).unwrap();
    assert!(container.signature.is_none());
    let zip = dir.path().join("pack.zip");
    std::fs::write(&zip, &container.pack_zip).unwrap();
    let mut sign = Command::new("minisign")
        .arg("-Sm")
        .arg(&zip)
        .arg("-s")
        .arg(&secret)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    use std::io::Write;
    sign.stdin.take().unwrap().write_all(b"pw\n").unwrap();
    assert!(sign.wait().unwrap().success());
    let signature = std::fs::read_to_string(dir.path().join("pack.zip.minisig")).unwrap();
    let keys = [TrustedKey::parse(&std::fs::read_to_string(&public).unwrap(), KeySource::Machine).unwrap()];
    let signer = trust::verify(&container.pack_zip, &signature, &keys).unwrap();
    assert_eq!(signer.source, KeySource::Machine);
    // One changed byte, and the same signature no longer verifies.
    let mut changed = container.pack_zip.clone();
    let last = changed.len() - 30;
    changed[last] ^= 1;
    assert_eq!(trust::verify(&changed, &signature, &keys).unwrap_err().code(), "bad-signature");
}

/// A participant's home: settings, installed packs and no machine-wide keys, all in a temporary folder.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        Home { dir: tempfile::tempdir().unwrap() }
    }

    fn packs_dir(&self) -> PathBuf {
        self.dir.path().join("data/gcm-workshop/packs")
    }

    fn installed(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.packs_dir())
            .map(|rd| rd.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
            .unwrap_or_default();
        names.sort();
        names
    }

    fn run(&self, args: &[&std::ffi::OsStr], env: &[(&str, &std::ffi::OsStr)]) -> Run {
        self.run_with(Command::new(binary()), args, env)
    }

    /// A run in a session of its own, without a controlling terminal (as from a service or a CI job). Windows
    /// has no controlling terminal: standard input (null here) is what counts.
    fn run_without_terminal(&self, args: &[&std::ffi::OsStr], env: &[(&str, &std::ffi::OsStr)]) -> Run {
        #[allow(unused_mut)]
        let mut cmd = Command::new(binary());
        #[cfg(unix)]
        {
            use std::os::unix::process::CommandExt;
            // SAFETY: setsid is async-signal-safe and touches no memory of the parent.
            unsafe {
                cmd.pre_exec(|| if libc::setsid() < 0 { Err(std::io::Error::last_os_error()) } else { Ok(()) });
            }
        }
        self.run_with(cmd, args, env)
    }

    fn run_with(&self, mut cmd: Command, args: &[&std::ffi::OsStr], env: &[(&str, &std::ffi::OsStr)]) -> Run {
        gcm_workshop_tests::isolated(&mut cmd, self.dir.path()).args(args);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.stdin(Stdio::null()).output().expect("the app binary runs");
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

fn os(s: &str) -> &std::ffi::OsStr {
    s.as_ref()
}

fn fixture_pack() -> PathBuf {
    gcm_workshop_tests::workspace().join("tests/fixtures/packs/rtcm-migration-data-2027")
}

/// Builds `src` signed with `secret` (password "pw") into `out`.
fn build_signed(src: &Path, out: &Path, secret: &Path) -> PathBuf {
    let run = app(
        &[os("pack"), os("build"), src.as_os_str(), os("--out"), out.as_os_str(), os("--sign"), secret.as_os_str()],
        &[("MINISIGN_PASSWORD", "pw")],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    PathBuf::from(run.stdout.trim())
}

#[test]
fn a_participant_trusts_the_key_opens_the_pack_and_sees_the_new_event() {
    let keys = tempfile::tempdir().unwrap();
    let (public, secret) = gcm_workshop_tests::minisign_keys(keys.path(), "pw");
    let v1 = build_signed(&fixture_pack(), &keys.path().join("v1.gcmpack"), &secret);
    let home = Home::new();
    let before = [("GCM_WORKSHOP_NOW", os("2027-03-01T09:00:00Z"))];

    // Not trusted yet: refused with the reason, nothing installed.
    let run = home.run(&[os("open"), v1.as_os_str()], &before);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("which is not trusted"), "{}", run.stderr);
    assert!(run.stderr.contains("which this computer does not trust"), "{}", run.stderr);
    assert_eq!(home.installed(), Vec::<String>::new());

    let run = home.run(&[os("trust"), os("add"), public.as_os_str()], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let key = TrustedKey::parse(&std::fs::read_to_string(&public).unwrap(), KeySource::User).unwrap();
    assert!(run.stdout.contains(&key.id) && run.stdout.contains(&key.fingerprint), "{}", run.stdout);
    assert!(run.stdout.contains("through a channel you trust"), "{}", run.stdout);

    let run = home.run(&[os("open"), v1.as_os_str()], &before);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with(
            "Installed “Training on migration data for policy makers” (16 March 2027 – 17 March 2027), version 1."
        ),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains(&format!("Signed with key {} (a key you added).", key.id)), "{}", run.stdout);
    assert_eq!(home.installed(), vec!["rtcm-migration-data-2027-03-16.gcmpack".to_owned()]);
    let run = home.run(&[os("open"), v1.as_os_str()], &before);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("already installed"), "{}", run.stdout);

    // The upcoming training is the one shown; the 2023 workshop is still there.
    let run = home.run(&[os("events")], &before);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    assert!(lines[0].starts_with("  gcm-almaty-process-2023-12-05   2023-12-05             past "), "{}", run.stdout);
    assert!(
        lines[1].starts_with(
            "* rtcm-migration-data-2027-03-16  2027-03-16/2027-03-17  upcoming  Training on migration data"
        ),
        "{}",
        run.stdout
    );

    let run = home.run(&[os("agenda"), os("--tz"), os("Asia/Almaty"), os("--lang"), os("ru")], &before);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("Тренинг по данным о миграции для разработчиков политики\n"), "{}", run.stdout);
    assert!(
        run.stdout.contains("Время в Бишкеке: Asia/Bishkek (UTC+6) · Ваше время: Asia/Almaty (UTC+5)"),
        "{}",
        run.stdout
    );
    // Two days: the dates, and each day's heading above its first item.
    assert!(run.stdout.contains("\nвторник, 16 марта 2027 г. – среда, 17 марта 2027 г.\n"), "{}", run.stdout);
    assert!(run.stdout.contains("\nсреда, 17 марта 2027 г.\n\n09:30–11:30 "), "{}", run.stdout);
    // The first column is as wide as its heading, "Время в Бишкеке".
    let row = run.stdout.lines().find(|l| l.starts_with("09:45–10:45 ")).unwrap_or_default();
    let cells: Vec<&str> = row.split("  ").map(str::trim).filter(|c| !c.is_empty()).collect();
    assert_eq!(cells[..3], ["09:45–10:45", "08:45–09:45", "Сессия 1: Источники данных о миграции"], "{}", run.stdout);

    let run = home.run(&[os("calendar")], &before);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("DTSTART:20270316T033000Z"), "{}", run.stdout);
    assert!(run.stdout.contains("SUMMARY:Training on migration data for policy makers"), "{}", run.stdout);

    let run = home.run(&[os("join"), os("--print")], &before);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.trim(), "https://us06web.zoom.us/j/81234567890?pwd=cXRhZ1BzQW5wTkZ3dE9mUHJZb2t4Zz09");
    // The second day has its own meeting link.
    let run = home.run(&[os("join"), os("--print")], &[("GCM_WORKSHOP_NOW", os("2027-03-17T04:00:00Z"))]);
    assert_eq!(run.stdout.trim(), "https://us06web.zoom.us/j/81234567891?pwd=bW9yZVBzQW5wTkZ3dE9mUHJZb2t4Zz09");

    // --event goes back to the built-in workshop; an unknown id is refused with the list.
    let run = home.run(&[os("--event"), os("gcm-almaty-process-2023-12-05"), os("agenda")], &before);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Baku time: Asia/Baku (UTC+4)"), "{}", run.stdout);
    let run = home.run(&[os("--event"), os("rtcm-2030"), os("agenda")], &before);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("the events are gcm-almaty-process-2023-12-05, rtcm-migration-data-2027-03-16"),
        "{}",
        run.stderr
    );

    // Version 2: a speaker confirmed, two items at a new time (a two-day event names the day), one added, the
    // break removed; then version 1 is refused.
    let v2_src = tempfile::tempdir().unwrap();
    gcm_workshop_tests::copy_tree(&fixture_pack(), v2_src.path());
    let json_path = v2_src.path().join("event.json");
    let json = std::fs::read_to_string(&json_path)
        .unwrap()
        .replace("\"version\": 1", "\"version\": 2")
        .replace("{ \"id\": \"statistician\", \"tbc\": true }", "{ \"id\": \"statistician\", \"tbc\": false }")
        .replace(
            "{ \"id\": \"break\", \"start\": \"10:45\", \"end\": \"11:00\", \"session\": null, \"topics\": [], \"speakers\": [] },\n",
            "",
        )
        .replace("\"id\": \"policy\", \"start\": \"11:00\"", "\"id\": \"policy\", \"start\": \"10:50\"")
        .replace(
            "{ \"id\": \"closing\"",
            "{ \"id\": \"questions\", \"start\": \"12:10\", \"end\": \"12:20\", \"session\": null, \"topics\": [], \"speakers\": [] },\n    { \"id\": \"closing\"",
        )
        .replace("\"id\": \"closing\", \"start\": \"12:10\"", "\"id\": \"closing\", \"start\": \"12:20\"");
    std::fs::write(&json_path, json).unwrap();
    for (lang, text) in [
        ("en", "agenda-questions-title = Questions and answers\n"),
        ("ru", "agenda-questions-title = Вопросы и ответы\n"),
    ] {
        let p = v2_src.path().join(format!("locales/{lang}/agenda.ftl"));
        let t = std::fs::read_to_string(&p).unwrap();
        std::fs::write(&p, format!("{t}{text}")).unwrap();
    }
    let v2 = build_signed(v2_src.path(), &keys.path().join("v2.gcmpack"), &secret);
    let run = home.run(&[os("open"), v2.as_os_str()], &before);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout.lines().filter(|l| l.starts_with("  ")).collect::<Vec<_>>(),
        vec![
            "  Confirmed: Representative of a national statistics office (Sources of migration data)",
            "  New time: From data to policy, now 16 March 2027, 10:50–12:10",
            "  New in the agenda: Questions and answers",
            "  New time: Closing and evaluation, now 16 March 2027, 12:20–12:30",
            "  Removed from the agenda: Break",
        ],
        "{}",
        run.stdout
    );
    let run = home.run(&[os("open"), v1.as_os_str()], &before);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("version 2 of \"rtcm-migration-data-2027-03-16\" is installed"), "{}", run.stderr);
    let stored = std::fs::read(home.packs_dir().join("rtcm-migration-data-2027-03-16.gcmpack")).unwrap();
    assert_eq!(stored, std::fs::read(&v2).unwrap(), "the newer version is kept");
}

#[test]
fn the_hostile_corpus_is_refused_by_open_and_checked_by_pack_check() {
    let corpus = gcm_workshop_tests::workspace().join("tests/fixtures/hostile/packs");
    let table = std::fs::read_to_string(corpus.join("expected.tsv")).unwrap();
    let home = Home::new();
    // The corpus's key is trusted machine-wide, so each pack fails for its own reason, not for its key.
    let machine = [("GCM_WORKSHOP_MACHINE_KEYS", corpus.as_os_str())];
    let mut n = 0;
    for line in table.lines().filter(|l| !l.starts_with('#')) {
        let [file, _, _, message, word, what] = line.splitn(6, '\t').collect::<Vec<_>>()[..] else { panic!("{line}") };
        let code = message.strip_prefix("pack-error-").unwrap_or(message);
        let path = corpus.join(file);
        let run = home.run(&[os("open"), path.as_os_str()], &machine);
        assert_eq!(run.code, 2, "{what}: {}", run.stderr);
        assert!(run.stderr.contains(word), "{what}: {:?} does not say {word:?}", run.stderr);
        assert_eq!(
            run.stderr.lines().count(),
            if code == "invalid" { run.stderr.lines().count() } else { 2 },
            "{what}"
        );
        assert_eq!(home.installed(), Vec::<String>::new(), "{what}: nothing installed");
        // pack check looks at the files, not at who signed them.
        let signature_only =
            ["unsigned", "bad-signature-file", "unknown-key", "bad-signature", "builtin-id"].contains(&code);
        let run = home.run(&[os("pack"), os("check"), path.as_os_str()], &[]);
        assert_eq!(run.code, if signature_only { 0 } else { 2 }, "pack check, {what}: {}{}", run.stdout, run.stderr);
        n += 1;
    }
    assert!(n >= 40, "{n} hostile packs");
}

/// `pack build`'s output and key, each mistake with its reason in English and in the computer's language, and the
/// exit code: 0 written, 2 refused (nothing written).
#[test]
fn pack_build_says_what_is_wrong_with_the_output_or_the_key() {
    let keys = tempfile::tempdir().unwrap();
    let (public, secret) = gcm_workshop_tests::minisign_keys(keys.path(), "pw");
    let (no_password_pub, no_password) = (keys.path().join("w.pub"), keys.path().join("w.key"));
    let made = Command::new("minisign")
        .args(["-G", "-W", "-p"])
        .arg(&no_password_pub)
        .arg("-s")
        .arg(&no_password)
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(made.success(), "minisign -G -W");
    let garbage = keys.path().join("garbage.key");
    std::fs::write(&garbage, "hello\n").unwrap();
    let missing = keys.path().join("missing.key");
    let src = fixture_pack();
    let out = tempfile::tempdir().unwrap();
    let o = |rel: &str| out.path().join(rel).into_os_string();
    let file_name = "rtcm-migration-data-2027-03-16-1.gcmpack";
    // (what, --out, --sign, MINISIGN_PASSWORD, exit code, words on standard error, the file written)
    type Case<'a> = (&'a str, std::ffi::OsString, &'a Path, Option<&'a str>, i32, &'a [&'a str], Option<PathBuf>);
    let cases: Vec<Case> = vec![
        (
            "a folder not made yet",
            o("dist/"),
            &secret,
            Some("pw"),
            0,
            &["signed with key"],
            Some(out.path().join("dist").join(file_name)),
        ),
        (
            "a file in folders not made yet",
            o("a/b/x.gcmpack"),
            &secret,
            Some("pw"),
            0,
            &["signed with key"],
            Some(out.path().join("a/b/x.gcmpack")),
        ),
        (
            "a name without .gcmpack",
            o("x.zip"),
            &secret,
            Some("pw"),
            2,
            &[
                "must end in .gcmpack",
                "Give a folder (ending in /) or a file name such as rtcm-migration-data-2027-03-16-1.gcmpack",
            ],
            None,
        ),
        (
            "the public key",
            o("p/"),
            &public,
            None,
            2,
            &["this is a minisign public key", "This is the public key (.pub)"],
            None,
        ),
        (
            "a file that is no key",
            o("g/"),
            &garbage,
            None,
            2,
            &["not a minisign secret key", "Make one with “minisign -G”"],
            None,
        ),
        ("a key file that is not there", o("m/"), &missing, None, 2, &["the key file cannot be read"], None),
        (
            "a key with a password, none given, no terminal",
            o("t/"),
            &secret,
            None,
            2,
            &["set MINISIGN_PASSWORD", "Set the MINISIGN_PASSWORD environment variable"],
            None,
        ),
        ("the wrong password", o("w/"), &secret, Some("nope"), 2, &["the password does not open this key"], None),
        (
            "a key without a password (minisign -G -W)",
            o("nw/"),
            &no_password,
            None,
            0,
            &["signed with key"],
            Some(out.path().join("nw").join(file_name)),
        ),
    ];
    let home = Home::new();
    for (what, out_arg, key, password, code, words, written) in cases {
        let args =
            [os("pack"), os("build"), src.as_os_str(), os("--out"), out_arg.as_os_str(), os("--sign"), key.as_os_str()];
        let env: Vec<(&str, &std::ffi::OsStr)> = password.iter().map(|p| ("MINISIGN_PASSWORD", os(p))).collect();
        let run = home.run_without_terminal(&args, &env);
        assert_eq!(run.code, code, "{what}: {}", run.stderr);
        for word in words {
            assert!(run.stderr.contains(word), "{what}: {word:?} not in {}", run.stderr);
        }
        match written {
            Some(path) => {
                assert_eq!(run.stdout.trim(), path.display().to_string(), "{what}");
                let bytes = std::fs::read(&path).unwrap();
                let c = archive::read_container(&bytes, &Limits::default()).unwrap();
                assert!(c.signature.is_some(), "{what}: signed");
            }
            None => assert_eq!(run.stdout, "", "{what}"),
        }
    }
    // Nothing was written for a refused build.
    for refused in ["x.zip", "p", "g", "m", "t", "w"] {
        assert!(!out.path().join(refused).exists(), "{refused} was written");
    }
    // Debian's minisign verifies what the key without a password signed.
    let pack = out.path().join("nw").join(file_name);
    let c = archive::read_container(&std::fs::read(pack).unwrap(), &Limits::default()).unwrap();
    let key = TrustedKey::parse(&std::fs::read_to_string(&no_password_pub).unwrap(), KeySource::User).unwrap();
    trust::verify(&c.pack_zip, c.signature.as_deref().unwrap(), std::slice::from_ref(&key)).unwrap();
}

/// `pack check`'s count of problems in the computer's language, with plural forms: English one/other, Russian
/// one/few/many.
#[test]
fn pack_check_counts_problems_in_plural_forms() {
    let cases = [
        (1, "en_US.UTF-8", "gcm-workshop: {dir}: 1 problem", "The pack has 1 problem (listed above)."),
        (2, "en_US.UTF-8", "gcm-workshop: {dir}: 2 problems", "The pack has 2 problems (listed above)."),
        (1, "ru_RU.UTF-8", "gcm-workshop: {dir}: 1 problem", "В пакете 1 ошибка (см. выше)."),
        (3, "ru_RU.UTF-8", "gcm-workshop: {dir}: 3 problems", "В пакете 3 ошибки (см. выше)."),
        (5, "ru_RU.UTF-8", "gcm-workshop: {dir}: 5 problems", "В пакете 5 ошибок (см. выше)."),
        (21, "ru_RU.UTF-8", "gcm-workshop: {dir}: 21 problems", "В пакете 21 ошибка (см. выше)."),
    ];
    for (count, lang, english, localized) in cases {
        let dir = tempfile::tempdir().unwrap();
        gcm_workshop_tests::copy_tree(&builtin_pack(), dir.path());
        let en = dir.path().join("locales/en/event.ftl");
        let mut text = std::fs::read_to_string(&en).unwrap();
        for i in 0..count {
            text.push_str(&format!("only-in-english-{i} = English only\n"));
        }
        std::fs::write(&en, text).unwrap();
        let run = Home::new().run(&[os("pack"), os("check"), dir.path().as_os_str()], &[("LANG", os(lang))]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert_eq!(run.stdout.lines().count(), count);
        let english = english.replace("{dir}", &dir.path().display().to_string());
        assert_eq!(run.stderr.lines().collect::<Vec<_>>(), vec![english.as_str(), localized], "{count} {lang}");
    }
}

/// What a participant meets before a pack opens: no keys yet, the wrong half of a key, a key twice, a file that is
/// not there, a pack signed by a key not trusted yet, no display for the window. Each says what to do.
#[test]
fn trust_and_open_say_what_to_do_next() {
    let keys = tempfile::tempdir().unwrap();
    let (public, secret) = gcm_workshop_tests::minisign_keys(keys.path(), "pw");
    let pack = build_signed(&fixture_pack(), &keys.path().join("dist/"), &secret);
    let home = Home::new();
    let run = home.run(&[os("trust"), os("list")], &[]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{}", run.stderr);
    assert!(run.stderr.contains("No keys are trusted yet") && run.stderr.contains("gcm-workshop trust add KEY.pub"));
    let run = home.run(&[os("open"), pack.as_os_str()], &[]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("run `gcm-workshop trust add KEY.pub`"), "{}", run.stderr);
    assert!(run.stderr.contains("add it in Settings, “Add a key…”"), "{}", run.stderr);
    let run = home.run(&[os("open"), pack.as_os_str()], &[("LANG", os("ru_RU.UTF-8"))]);
    assert!(run.stderr.contains("добавьте его в настройках («Добавить ключ…»)"), "{}", run.stderr);

    let run = home.run(&[os("trust"), os("add"), secret.as_os_str()], &[]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("this is a minisign secret key, which must stay with the organisers"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("not a minisign public key"), "{}", run.stderr);
    let run = home.run(&[os("trust"), os("add"), public.as_os_str()], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("is now trusted"), "{}", run.stdout);
    let run = home.run(&[os("trust"), os("add"), public.as_os_str()], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("is already trusted on this computer (a key you added); nothing changed"),
        "{}",
        run.stdout
    );
    let run = home.run(&[os("trust"), os("list")], &[]);
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);

    let missing = keys.path().join("not-here.gcmpack");
    let cases: [(&Path, &str, &str); 3] = [
        (&missing, "file not found", "The file was not found."),
        (keys.path(), "the file cannot be read (it is a folder)", "The file cannot be read (it is a folder)."),
        (&public, "not an event pack (it is not a zip file)", "This file is not an event pack."),
    ];
    for (path, english, localized) in cases {
        let run = home.run(&[os("open"), path.as_os_str()], &[]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(run.stderr.contains(english) && run.stderr.contains(localized), "{}", run.stderr);
    }

    // A double-click with no display (an SSH session): the message, and nothing installed.
    let run = home.run(&[pack.as_os_str()], &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("the window cannot open: no display"), "{}", run.stderr);
    assert!(run.stderr.contains(&format!("gcm-workshop open \"{}\"", pack.display())), "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert_eq!(home.installed(), Vec::<String>::new());
    let run = home.run(&[], &[("LANG", os("ru_RU.UTF-8"))]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("Окно здесь открыть нельзя"), "{}", run.stderr);
    let missing_pack = keys.path().join("gone.gcmpack");
    let run = home.run(&[missing_pack.as_os_str()], &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("file not found") && !run.stderr.contains("gcm-workshop open"), "{}", run.stderr);
    let run = home.run(&[os("open"), pack.as_os_str()], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);

    // A newer version signed by another key the participant added may not take the event over.
    let other_keys = tempfile::tempdir().unwrap();
    let (other_public, other_secret) = gcm_workshop_tests::minisign_keys(other_keys.path(), "pw");
    let v2_src = tempfile::tempdir().unwrap();
    gcm_workshop_tests::copy_tree(&fixture_pack(), v2_src.path());
    let json =
        std::fs::read_to_string(v2_src.path().join("event.json")).unwrap().replace("\"version\": 1", "\"version\": 2");
    std::fs::write(v2_src.path().join("event.json"), json).unwrap();
    let v2 = build_signed(v2_src.path(), &other_keys.path().join("dist/"), &other_secret);
    assert_eq!(home.run(&[os("trust"), os("add"), other_public.as_os_str()], &[]).code, 0);
    let stored = home.packs_dir().join("rtcm-migration-data-2027-03-16.gcmpack");
    let before = std::fs::read(&stored).unwrap();
    let run = home.run(&[os("open"), v2.as_os_str()], &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("may not replace it"), "{}", run.stderr);
    assert!(run.stderr.contains("an update comes signed with the same key"), "{}", run.stderr);
    assert_eq!(std::fs::read(&stored).unwrap(), before, "the installed version is kept");
}

/// The organiser's and the clock's other mistakes: `pack build` given a built pack or a folder that is not there,
/// and a `--now` that is no date and time; each said in English and in the participant's language.
#[test]
fn pack_build_wants_a_folder_and_now_wants_a_date_and_time() {
    let keys = tempfile::tempdir().unwrap();
    let (_, secret) = gcm_workshop_tests::minisign_keys(keys.path(), "pw");
    let built = build_signed(&fixture_pack(), &keys.path().join("dist/"), &secret);
    let home = Home::new();
    let out = keys.path().join("again/");
    let run = home.run(&[os("pack"), os("build"), built.as_os_str(), os("--out"), out.as_os_str()], &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("pack build takes the pack's source folder"), "{}", run.stderr);
    assert!(run.stderr.contains("To check a built .gcmpack, use “pack check”."), "{}", run.stderr);
    let missing = keys.path().join("no-such-folder");
    let run = home.run(&[os("pack"), os("build"), missing.as_os_str(), os("--out"), out.as_os_str()], &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("file not found"), "{}", run.stderr);
    assert!(!out.exists(), "nothing written");
    let run = home.run(&[os("--now"), os("2026-10-14"), os("agenda")], &[("LANG", os("ru_RU.UTF-8"))]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("invalid time \"2026-10-14\""), "{}", run.stderr);
    assert!(run.stderr.contains("«2026-10-14» — не дата и время"), "{}", run.stderr);
}
