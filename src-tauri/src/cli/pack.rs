//! `gcm-workshop pack check PATH` and `gcm-workshop pack build DIR --out FILE [--sign SECRET_KEY_FILE]`: the
//! organiser's side of event packs (`workshop_core::pack`, format in `docs/event-pack.md`).
//!
//! - `check` takes a pack's source folder or a built `.gcmpack` (signed or not), prints each problem as
//!   `file:line: message` on standard output, and exits 0 when the pack is clean, 2 otherwise.
//! - `build` checks the folder, then writes `FILE` (or `DIR/<event-id>-<version>.gcmpack` when `--out` is a
//!   folder), signed with a secret key made by `minisign -G` when `--sign` is given. An encrypted key's password
//!   is asked on the terminal, or read from `MINISIGN_PASSWORD` (not echoed anywhere). Exit 0 written, 2 the
//!   folder has problems or the key cannot be used, 1 the file could not be written.

use super::output::write_stdout;
use crate::state::AppState;
use clap::{Args, Subcommand};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
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
        /// The .gcmpack file to write, or a folder to write <event-id>-<version>.gcmpack into.
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

fn print_problems(path: &Path, problems: &[Problem]) -> i32 {
    let text: String = problems.iter().map(|p| format!("{p}\n")).collect();
    write_stdout(text.as_bytes());
    eprintln!("gcm-workshop: {}: {} problem(s)", path.display(), problems.len());
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
            if files.len() >= limits.max_entries {
                return Err(PackError::TooLarge {
                    what: "the number of files".into(),
                    limit: limits.max_entries as u64,
                });
            }
            let bytes =
                std::fs::read(entry.path()).map_err(|e| PackError::NotAPack { detail: format!("{rel}: {e}") })?;
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
        std::fs::read(path)
            .map_err(|e| PackError::NotAPack { detail: e.to_string() })
            .and_then(|bytes| archive::read_container(&bytes, &limits))
            .and_then(|c| {
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
        print_problems(path, &problems)
    }
}

fn build(dir: &Path, out: &Path, sign: Option<&Path>, state: &AppState) -> i32 {
    let files = match read_folder(dir) {
        Ok(f) => f,
        Err(e) => return refuse(state, dir, &e),
    };
    let pack = match Pack::from_files(files, &pack::app_message_ids()) {
        Ok(p) => p,
        Err(problems) => return print_problems(dir, &problems),
    };
    let inner = archive::write_files(&pack.files);
    let file_name = format!("{}-{}.{}", pack.event.id, pack.event.version, pack::EXTENSION);
    let signature = match sign {
        None => None,
        Some(key_path) => match sign_with(key_path, &inner, &pack, &file_name) {
            Ok(s) => Some(s),
            Err(detail) => {
                eprintln!("gcm-workshop: cannot sign with {}: {detail}", key_path.display());
                return 2;
            }
        },
    };
    let bytes = archive::write_container(&inner, signature.as_deref());
    let target = if out.is_dir() { out.join(&file_name) } else { out.to_path_buf() };
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

/// Signs `data` with the minisign secret key in `key_path`; the trusted comment names the event and version.
fn sign_with(key_path: &Path, data: &[u8], pack: &Pack, file_name: &str) -> Result<String, String> {
    let text = std::fs::read_to_string(key_path).map_err(|e| e.to_string())?;
    let boxed = minisign::SecretKeyBox::from_string(&text).map_err(|e| e.to_string())?;
    let sk = match boxed.clone().into_unencrypted_secret_key() {
        Ok(sk) => sk,
        Err(_) => boxed.into_secret_key(std::env::var("MINISIGN_PASSWORD").ok()).map_err(|e| e.to_string())?,
    };
    let comment = format!("file:{file_name} event:{} version:{}", pack.event.id, pack.event.version);
    minisign::sign(None, &sk, std::io::Cursor::new(data), Some(&comment), None)
        .map(|s| s.to_string())
        .map_err(|e| e.to_string())
}
