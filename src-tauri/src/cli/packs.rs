//! The participant's side of event packs: `gcm-workshop open FILE`, `gcm-workshop trust add|list`,
//! `gcm-workshop events`. Exit 0 done; 2 a pack or key refused (the reason on standard error, in English and in
//! the participant's language; nothing installed); 1 a file could not be read or written.

use super::output::{report, write_stdout};
use crate::packs::{EventStatus, Library};
use crate::state::AppState;
use clap::{Args, Subcommand};
use std::path::PathBuf;
use workshop_core::pack::PackError;

#[derive(Debug, Args)]
pub struct OpenArgs {
    /// The event pack to install (<event-id>-<version>.gcmpack), signed by a trusted key.
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct TrustArgs {
    #[command(subcommand)]
    pub command: TrustCommand,
}

#[derive(Debug, Subcommand)]
pub enum TrustCommand {
    /// Trust packs signed with this minisign public key (a .pub file received from the organisers).
    Add {
        /// The organisers' public key file (minisign.pub).
        file: PathBuf,
    },
    /// List the keys this computer trusts, and where each comes from.
    List,
}

pub fn open(args: OpenArgs, state: &AppState, library: &Library) -> i32 {
    let lang = state.lang();
    let opened = crate::packs::read_pack_file(&args.file).and_then(|bytes| state.open_pack_bytes(&bytes, lang));
    let opened = match opened {
        Ok(o) => o,
        Err(e) => return report(state, format!("{}: {e}", args.file.display()), &e, 2),
    };
    let mut out = format!("{}\n{}\n", opened.message, opened.signer.text);
    if !opened.changes.is_empty() {
        out.push_str(&format!("{}\n", state.text(state.lang(), "pack-changes-label")));
    }
    for change in &opened.changes {
        out.push_str(&format!("  {change}\n"));
    }
    let stored = library.packs_dir().join(format!("{}.{}", opened.id, workshop_core::pack::EXTENSION));
    eprintln!("gcm-workshop: {} {} version {} ({})", opened.outcome, opened.id, opened.version, stored.display());
    write_stdout(out.as_bytes())
}

pub fn trust(args: TrustArgs, state: &AppState, library: &Library) -> i32 {
    let lang = state.lang();
    match args.command {
        TrustCommand::Add { file } => {
            let too_large = || PackError::BadKey { detail: "the file is too large for a key".into() };
            let added = crate::packs::read_at_most(&file, 4096, too_large)
                .and_then(|bytes| library.add_user_key(&String::from_utf8_lossy(&bytes)));
            let (key, already) = match added {
                Ok(k) => k,
                Err(e) => return report(state, format!("{}: {e}", file.display()), &e, 2),
            };
            let l = state.l10n();
            let id = ("key", key.id.clone().into());
            let first = match already {
                None => l.text_with(lang, "trust-added", &[id]),
                Some(source) => {
                    let source = l.text(lang, &format!("pack-key-source-{}", source.as_str()));
                    eprintln!("gcm-workshop: key {} is already trusted; nothing changed", key.id);
                    l.text_with(lang, "trust-already", &[id, ("source", source.into())])
                }
            };
            let out = format!(
                "{first}\n{}\n{}\n",
                l.text_with(lang, "trust-fingerprint", &[("fingerprint", key.fingerprint.clone().into())]),
                l.text(lang, "trust-warning"),
            );
            write_stdout(out.as_bytes())
        }
        TrustCommand::List => {
            let keys = library.keys();
            if keys.is_empty() {
                // Standard output stays a list (empty) for scripts; the person reading learns what to do.
                eprintln!("{}", state.text(lang, "trust-none-cli"));
                return 0;
            }
            let mut out = String::new();
            for key in keys {
                let view = state.key_view(lang, &key);
                out.push_str(&format!("{}  {}  {}\n", view.id, view.fingerprint, view.source_text));
            }
            write_stdout(out.as_bytes())
        }
    }
}

/// `gcm-workshop events`: every event the app can show, in time order, `*` before the one in force.
pub fn events(state: &AppState, library: &Library, shown: &str) -> i32 {
    let lang = state.lang();
    let now = state.now();
    let catalog = library.catalog();
    let rows: Vec<[String; 4]> = catalog
        .iter()
        .map(|e| {
            let status = state.l10n().text(lang, &format!("events-status-{}", EventStatus::of(&e.pack, now).as_str()));
            [
                e.pack.event.id.clone(),
                // ISO 8601: the day, or first/last day of an event over several days.
                if e.pack.event.end_date > e.pack.event.date {
                    format!("{}/{}", e.pack.event.date, e.pack.event.end_date)
                } else {
                    e.pack.event.date.to_string()
                },
                status,
                crate::packs::title(&e.pack.localizer(), lang),
            ]
        })
        .collect();
    let width = |i: usize| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0);
    let (w0, w1, w2) = (width(0), width(1), width(2));
    let mut out = String::new();
    for r in &rows {
        let mark = if r[0] == shown { '*' } else { ' ' };
        let pad = |s: &str, w: usize| format!("{s}{}", " ".repeat(w - s.chars().count()));
        out.push_str(&format!("{mark} {}  {}  {}  {}\n", pad(&r[0], w0), pad(&r[1], w1), pad(&r[2], w2), r[3]));
    }
    write_stdout(out.as_bytes())
}
