//! `gcm-workshop pack check PATH` and `gcm-workshop pack build DIR --out FILE [--sign SECRET_KEY_FILE]`: the
//! organiser's side of event packs (`workshop_core::pack`, format in `docs/event-pack.md`).
//!
//! - `check` takes a pack's source folder or a built `.gcmpack` (signed or not), prints each problem as
//!   `file:line: message` on standard output, and exits 0 when the pack is clean, 2 otherwise.
//! - `build` checks the folder, then writes `FILE.gcmpack` (or `FOLDER/<event-id>-<version>.gcmpack` when `--out`
//!   is a folder or ends with a separator), making missing folders, signed with a secret key made by
//!   `minisign -G` when `--sign` is given. An encrypted key's password is read from `MINISIGN_PASSWORD`, else
//!   asked on the terminal (refused with a hint when there is none); a key without a password (`-G -W`) is read
//!   as it is. Exit 0 written; 2 the folder has problems, `--out` names no folder and no `.gcmpack`, or the key
//!   cannot be used; 1 the file could not be written.

use super::output::write_stdout;
use crate::state::AppState;
use base64::Engine as _;
use clap::{Args, Subcommand};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use workshop_core::pack::trust::MinisignKind;
use workshop_core::pack::{self, archive, Limits, Pack, PackError, PackFiles, Problem};

#[derive(Debug, Args)]
pub struct PackArgs {
    #[command(subcommand)]
    pub command: PackCommand,
}

#[derive(Debug, Subcommand)]
pub enum PackCommand {
    /// Check a pack's folder or a .gcmpack file; print each problem as file:line: message.
    Check {
        /// The pack's source folder (event.json, locales/en, locales/ru) or a built .gcmpack.
        path: PathBuf,
    },
    /// Check a pack's folder and build the .gcmpack file, signed with --sign.
    Build {
        /// The pack's source folder.
        dir: PathBuf,
        /// The .gcmpack file to write, or a folder (made when missing; end it with /) to write
        /// <event-id>-<version>.gcmpack into.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// A minisign secret key file (made with `minisign -G`); without it the pack is unsigned, and the app
        /// will not open it.
        #[arg(long, value_name = "SECRET_KEY_FILE")]
        sign: Option<PathBuf>,
    },
}

pub fn run(args: PackArgs, state: &AppState) -> i32 {
    match args.command {
        PackCommand::Check { path } => check(&path, state),
        PackCommand::Build { dir, out, sign } => build(&dir, &out, sign.as_deref(), state),
    }
}

/// Prints a pack error: English first, then in the participant's language; returns 2.
fn refuse(state: &AppState, path: &Path, e: &PackError) -> i32 {
    eprintln!("gcm-workshop: {}: {e}", path.display());
    eprintln!("{}", e.localize(&state.l10n(), state.lang()));
    2
}

fn print_problems(state: &AppState, path: &Path, problems: &[Problem]) -> i32 {
    let text: String = problems.iter().map(|p| format!("{p}\n")).collect();
    write_stdout(text.as_bytes());
    let count = problems.len();
    let english = if count == 1 { "1 problem".to_owned() } else { format!("{count} problems") };
    eprintln!("gcm-workshop: {}: {english}", path.display());
    eprintln!("{}", state.l10n().text_with(state.lang(), "pack-check-problems", &[("count", count.into())]));
    2
}

/// A source folder's files, as the pack would hold them: `/`-separated relative paths, UTF-8 text. Hidden files
/// (`.DS_Store`, `.git`) are skipped; links are refused like in a built pack; limits apply the same way.
pub fn read_folder(dir: &Path) -> Result<PackFiles, PackError> {
    let limits = Limits::default();
    let mut files = BTreeMap::new();
    let mut total = 0u64;
    let mut stack = vec![(dir.to_path_buf(), String::new())];
    while let Some((folder, prefix)) = stack.pop() {
        let entries = std::fs::read_dir(&folder)
            .map_err(|e| PackError::NotAPack { detail: format!("{}: {e}", folder.display()) })?;
        for entry in entries {
            let entry = entry.map_err(|e| PackError::NotAPack { detail: format!("{}: {e}", folder.display()) })?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let rel = format!("{prefix}{name}");
            let kind = entry.file_type().map_err(|e| PackError::NotAPack { detail: format!("{rel}: {e}") })?;
            if kind.is_symlink() {
                return Err(PackError::UnsafeEntry { name: rel, why: "is a symbolic link".into() });
            }
            if kind.is_dir() {
                stack.push((entry.path(), format!("{rel}/")));
                continue;
            }
            // A device, a pipe or a socket is no pack's file, and reading one may never end (`pack check /dev`).
            if !kind.is_file() {
                return Err(PackError::UnsafeEntry { name: rel, why: "is not a regular file".into() });
            }
            if files.len() >= limits.max_entries {
                return Err(PackError::TooLarge {
                    what: "the number of files".into(),
                    limit: limits.max_entries as u64,
                });
            }
            let mut bytes = Vec::new();
            std::fs::File::open(entry.path())
                .and_then(|f| f.take(limits.max_file + 1).read_to_end(&mut bytes))
                .map_err(|e| PackError::NotAPack { detail: format!("{rel}: {e}") })?;
            if bytes.len() as u64 > limits.max_file {
                return Err(PackError::TooLarge { what: rel, limit: limits.max_file });
            }
            total += bytes.len() as u64;
            if total > limits.max_unpacked {
                return Err(PackError::TooLarge { what: "the unpacked files".into(), limit: limits.max_unpacked });
            }
            let text = String::from_utf8(bytes).map_err(|_| PackError::NotUtf8 { file: rel.clone() })?;
            files.insert(rel, text.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(text));
        }
    }
    Ok(PackFiles::new(files))
}

fn check(path: &Path, state: &AppState) -> i32 {
    let files = if path.is_dir() {
        read_folder(path)
    } else {
        let limits = Limits::default();
        let bytes = match crate::packs::read_pack_file(path) {
            Ok(b) => b,
            Err(e) => return super::output::report(state, format!("{}: {e}", path.display()), &e, 2),
        };
        archive::read_container(&bytes, &limits).and_then(|c| {
            match c.signature.as_deref().map(pack::trust::signature_key_id) {
                Some(Some(key)) => eprintln!("gcm-workshop: signed with key {key}"),
                Some(None) => eprintln!("gcm-workshop: the signature cannot be read"),
                None => eprintln!("gcm-workshop: not signed (the app will not open it)"),
            }
            archive::read_files(&c.pack_zip, &limits)
        })
    };
    let files = match files {
        Ok(f) => f,
        Err(e) => return refuse(state, path, &e),
    };
    let problems = pack::check::check(&files, &pack::app_message_ids());
    if problems.is_empty() {
        eprintln!("gcm-workshop: {}: no problems", path.display());
        0
    } else {
        print_problems(state, path, &problems)
    }
}

fn build(dir: &Path, out: &Path, sign: Option<&Path>, state: &AppState) -> i32 {
    if !dir.exists() {
        return refuse(state, dir, &PackError::NotFound);
    }
    if !dir.is_dir() {
        eprintln!(
            "gcm-workshop: {}: pack build takes the pack's source folder (event.json and locales/), not a file; \
             `gcm-workshop pack check FILE` checks a built pack",
            dir.display()
        );
        eprintln!("{}", state.text(state.lang(), "pack-build-not-a-folder"));
        return 2;
    }
    let files = match read_folder(dir) {
        Ok(f) => f,
        Err(e) => return refuse(state, dir, &e),
    };
    let pack = match Pack::from_files(files, &pack::app_message_ids()) {
        Ok(p) => p,
        Err(problems) => return print_problems(state, dir, &problems),
    };
    let inner = archive::write_files(&pack.files);
    let file_name = format!("{}-{}.{}", pack.event.id, pack.event.version, pack::EXTENSION);
    let target = match target(out, &file_name) {
        Ok(t) => t,
        Err(()) => {
            eprintln!("gcm-workshop: {}: the pack's file name must end in .{}", out.display(), pack::EXTENSION);
            let args = [("out", out.display().to_string().into()), ("name", file_name.into())];
            eprintln!("{}", state.l10n().text_with(state.lang(), "pack-build-out-name", &args));
            return 2;
        }
    };
    let signature = match sign {
        None => None,
        Some(key_path) => match sign_with(key_path, &inner, &pack, &file_name) {
            Ok(s) => Some(s),
            Err(e) => {
                eprintln!("gcm-workshop: cannot sign with {}: {e}", key_path.display());
                eprintln!("{}", state.text(state.lang(), e.message_id()));
                return 2;
            }
        },
    };
    let bytes = archive::write_container(&inner, signature.as_deref());
    if let Some(folder) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
        if let Err(e) = std::fs::create_dir_all(folder) {
            eprintln!("gcm-workshop: could not create the folder {}: {e}", folder.display());
            return 1;
        }
    }
    if let Err(e) = crate::settings::write_atomically(&target, &bytes) {
        eprintln!("gcm-workshop: could not write {}: {e}", target.display());
        return 1;
    }
    match signature.as_deref().and_then(pack::trust::signature_key_id) {
        Some(key) => eprintln!("gcm-workshop: signed with key {key}"),
        None => eprintln!("gcm-workshop: not signed: `pack check` accepts it, the app will not open it"),
    }
    write_stdout(format!("{}\n", target.display()).as_bytes())
}

/// Where `--out` puts the pack: into a folder when `out` is one or ends with a path separator (the folder is
/// made when missing), else at `out` itself, which must end in `.gcmpack` (`Err` otherwise) so a double-click
/// opens it.
fn target(out: &Path, file_name: &str) -> Result<PathBuf, ()> {
    let text = out.as_os_str().to_string_lossy();
    if out.is_dir() || text.ends_with('/') || text.ends_with(std::path::MAIN_SEPARATOR) {
        return Ok(out.join(file_name));
    }
    let extension = out.extension().map(|e| e.to_string_lossy().to_ascii_lowercase());
    match extension.as_deref() {
        Some(pack::EXTENSION) => Ok(out.to_path_buf()),
        _ => Err(()),
    }
}

/// Why a key cannot sign: each has an English line (`Display`) and a message in the organiser's language.
#[derive(Debug)]
enum SignError {
    /// The key file cannot be read (the OS's words).
    Unreadable(std::io::Error),
    /// A public key (`minisign.pub`) where the secret key belongs.
    PublicKey,
    /// Not a minisign secret key at all.
    NotASecretKey,
    /// The key has a password, `MINISIGN_PASSWORD` is not set, and there is no terminal to ask on.
    PasswordNeeded,
    /// The password given does not open the key.
    WrongPassword,
}

impl SignError {
    fn message_id(&self) -> &'static str {
        match self {
            SignError::Unreadable(_) => "pack-sign-unreadable",
            SignError::PublicKey => "pack-sign-public-key",
            SignError::NotASecretKey => "pack-sign-not-a-key",
            SignError::PasswordNeeded => "pack-sign-password-needed",
            SignError::WrongPassword => "pack-sign-wrong-password",
        }
    }
}

impl std::fmt::Display for SignError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SignError::Unreadable(e) => write!(f, "the key file cannot be read ({e})"),
            SignError::PublicKey => write!(f, "{}", PackError::WrongKeyHalf { secret_given: false }),
            SignError::NotASecretKey => write!(f, "not a minisign secret key (made by `minisign -G`: minisign.key)"),
            SignError::PasswordNeeded => write!(
                f,
                "the key is protected by a password and there is no terminal to ask for it: set MINISIGN_PASSWORD"
            ),
            SignError::WrongPassword => write!(f, "the password does not open this key"),
        }
    }
}

/// Whether a password can be asked for: minisign asks on the controlling terminal.
fn can_ask_password() -> bool {
    #[cfg(unix)]
    {
        std::fs::OpenOptions::new().read(true).write(true).open("/dev/tty").is_ok()
    }
    #[cfg(not(unix))]
    {
        use std::io::IsTerminal;
        std::io::stdin().is_terminal()
    }
}

/// Signs `data` with the minisign secret key in `key_path`; the trusted comment names the event and version.
/// An encrypted key's password comes from `MINISIGN_PASSWORD`, else minisign asks on the terminal.
fn sign_with(key_path: &Path, data: &[u8], pack: &Pack, file_name: &str) -> Result<String, SignError> {
    // Keys are a few hundred bytes; `--sign /dev/zero` must not read forever.
    let mut bytes = Vec::new();
    std::fs::File::open(key_path)
        .and_then(|f| f.take(64 << 10).read_to_end(&mut bytes))
        .map_err(SignError::Unreadable)?;
    let text = String::from_utf8_lossy(&bytes);
    let sk = match pack::trust::minisign_kind(&text) {
        Some(MinisignKind::PublicKey) => return Err(SignError::PublicKey),
        Some(MinisignKind::SecretKey { encrypted: true }) => {
            let boxed = minisign::SecretKeyBox::from_string(&text).map_err(|_| SignError::NotASecretKey)?;
            let password = std::env::var("MINISIGN_PASSWORD").ok();
            if password.is_none() && !can_ask_password() {
                return Err(SignError::PasswordNeeded);
            }
            boxed.into_secret_key(password).map_err(|_| SignError::WrongPassword)?
        }
        Some(MinisignKind::SecretKey { encrypted: false }) => {
            // `minisign -G -W` leaves the checksum of a key without a password empty, which the minisign crate's
            // box reader refuses; the key's bytes themselves are read as they are.
            let line = text.lines().map(str::trim).find(|l| !l.is_empty() && !l.starts_with("untrusted comment:"));
            let raw = line.and_then(|l| base64::engine::general_purpose::STANDARD.decode(l).ok());
            raw.and_then(|r| minisign::SecretKey::from_bytes(&r).ok()).ok_or(SignError::NotASecretKey)?
        }
        Some(MinisignKind::Signature) | None => return Err(SignError::NotASecretKey),
    };
    let comment = format!("file:{file_name} event:{} version:{}", pack.event.id, pack.event.version);
    minisign::sign(None, &sk, std::io::Cursor::new(data), Some(&comment), None)
        .map(|s| s.to_string())
        // Signing bytes in memory with a key that opened fails only on a key the crate cannot use.
        .map_err(|_| SignError::NotASecretKey)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `read_folder` gives for a folder holding `name`, made by `make`: `ok <files>` or `err <code>: <message>`.
    fn check(name: &str, make: impl FnOnce(&Path), expect: &str) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("event.json"), "{}").unwrap();
        make(&dir.path().join(name));
        let got = match read_folder(dir.path()) {
            Ok(files) => format!("ok {}", files.iter().map(|(p, _)| p).collect::<Vec<_>>().join(" ")),
            Err(e) => format!("err {}: {e}", e.code()),
        };
        assert_eq!(got, expect, "{name}");
    }

    /// Issue 14 (hostile corpus): a pipe in a pack's folder made `pack check` wait for ever, and a device
    /// (`pack check /dev`) read without end; neither is a file a pack can hold.
    #[test]
    #[rustfmt::skip]
    fn a_folder_holds_only_regular_files_under_the_limit() {
        check("notes.txt", |p| std::fs::write(p, "x").unwrap(), "ok event.json notes.txt");
        check("big.ftl", |p| std::fs::write(p, vec![b'a'; (2 << 20) + 1]).unwrap(), "err too-large: big.ftl is over the limit of 2097152");
        #[cfg(unix)]
        {
            check("pipe", |p| assert!(std::process::Command::new("mkfifo").arg(p).status().unwrap().success()), "err unsafe-entry: unsafe entry \"pipe\": it is not a regular file");
            check("socket", |p| drop(std::os::unix::net::UnixListener::bind(p).unwrap()), "err unsafe-entry: unsafe entry \"socket\": it is not a regular file");
            check("zero", |p| std::os::unix::fs::symlink("/dev/zero", p).unwrap(), "err unsafe-entry: unsafe entry \"zero\": it is a symbolic link");
        }
    }
}
