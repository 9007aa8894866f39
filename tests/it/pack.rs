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

fn app(args: &[&std::ffi::OsStr], env: &[(&str, &str)]) -> Run {
    let home = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(binary());
    gcm_workshop_tests::isolated(&mut cmd, home.path()).args(args);
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

/// A key pair made by the `minisign` tool, protected by `password` (given on standard input, as typed).
fn minisign_keys(dir: &Path, password: &str) -> (PathBuf, PathBuf) {
    let (public, secret) = (dir.join("organiser.pub"), dir.join("organiser.key"));
    let mut child = Command::new("minisign")
        .args(["-G", "-p"])
        .arg(&public)
        .arg("-s")
        .arg(&secret)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("minisign is installed (scripts/setup.sh)");
    use std::io::Write;
    child.stdin.take().unwrap().write_all(format!("{password}\n{password}\n").as_bytes()).unwrap();
    assert!(child.wait().unwrap().success());
    (public, secret)
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
    copy_tree(&src, dir.path());
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

fn copy_tree(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
fn pack_build_signs_with_a_minisign_key_and_minisign_verifies_it() {
    let dir = tempfile::tempdir().unwrap();
    let (public, secret) = minisign_keys(dir.path(), "correct horse");
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
    let (public, secret) = minisign_keys(dir.path(), "pw");
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
