//! The participant's side of event packs: `gcm-workshop open FILE`, `gcm-workshop trust add|list`,
//! `gcm-workshop events`. Exit 0 done; 2 a pack or key refused (the reason on standard error, in English and in
//! the participant's language; nothing installed); 1 a file could not be read or written.

use super::output::{report, write_stdout};
use crate::error::Error;
use crate::packs::{EventStatus, Installed, Library};
use crate::state::AppState;
use clap::{Args, Subcommand};
use std::path::{Path, PathBuf};
use workshop_core::format::date_long;
use workshop_core::pack::changes::Change;
use workshop_core::pack::{Install, KeySource, PackError, TrustedKey};
use workshop_core::{markup, Lang, Localizer};

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

fn title(l10n: &Localizer, lang: Lang) -> String {
    markup::plain(&l10n.text(lang, "event-title"))
}

fn source_text(state: &AppState, lang: Lang, source: KeySource) -> String {
    state.l10n().text(lang, &format!("pack-key-source-{}", source.as_str()))
}

fn key_line(state: &AppState, lang: Lang, key: &TrustedKey) -> String {
    state.l10n().text_with(
        lang,
        "pack-signed-by",
        &[("key", key.id.clone().into()), ("source", source_text(state, lang, key.source).into())],
    )
}

pub fn open(args: OpenArgs, state: &AppState, library: &Library) -> i32 {
    let lang = state.lang();
    let bytes = match read_limited(&args.file) {
        Ok(b) => b,
        Err(e) => return report(state, format!("{}: {e}", args.file.display()), &e, 2),
    };
    let installed = match library.install(&bytes) {
        Ok(i) => i,
        Err(e) => return report(state, format!("{}: {e}", args.file.display()), &e, 2),
    };
    let Installed { pack, signer, outcome, changes } = &installed;
    let l10n = pack.localizer();
    let mut out = String::new();
    let args = |extra: &[(&'static str, String)]| -> Vec<(&'static str, workshop_core::FluentValue<'static>)> {
        let mut v: Vec<(&'static str, workshop_core::FluentValue<'static>)> = vec![
            ("title", title(&l10n, lang).into()),
            ("id", pack.event.id.clone().into()),
            ("version", pack.event.version.into()),
            ("date", date_long(pack.event.date, lang).into()),
        ];
        v.extend(extra.iter().map(|(k, s)| (*k, s.clone().into())));
        v
    };
    let line = match outcome {
        Install::New => state.l10n().text_with(lang, "pack-installed", &args(&[])),
        Install::Upgrade { from } => {
            state.l10n().text_with(lang, "pack-upgraded", &args(&[("from", from.to_string())]))
        }
        Install::Same => state.l10n().text_with(lang, "pack-same", &args(&[])),
        Install::Older { .. } => unreachable!("refused by install"),
    };
    out.push_str(&format!("{line}\n{}\n", key_line(state, lang, signer)));
    for change in changes {
        out.push_str(&format!("  {}\n", change_text(state.l10n(), &l10n, lang, change)));
    }
    let stored = library.packs_dir().join(format!("{}.{}", pack.event.id, workshop_core::pack::EXTENSION));
    eprintln!(
        "gcm-workshop: {} {} version {} ({})",
        outcome_word(*outcome),
        pack.event.id,
        pack.event.version,
        stored.display()
    );
    write_stdout(out.as_bytes())
}

fn outcome_word(o: Install) -> &'static str {
    match o {
        Install::New => "installed",
        Install::Upgrade { .. } => "upgraded",
        Install::Same => "already installed",
        Install::Older { .. } => "refused",
    }
}

/// One change in the participant's language, with the pack's names for items and speakers.
fn change_text(app: &Localizer, pack_l10n: &Localizer, lang: Lang, change: &Change) -> String {
    let item = |id: &str| markup::plain(&pack_l10n.text(lang, &format!("agenda-{id}-title")));
    let speaker = |id: &str| markup::plain(&pack_l10n.text(lang, &format!("speaker-{id}")));
    let hm = |t: chrono::NaiveTime| t.format("%H:%M").to_string();
    let (id, args): (&str, Vec<(&str, String)>) = match change {
        Change::EventMoved { date, start, end } => (
            "pack-change-event-moved",
            vec![("date", date_long(*date, lang)), ("start", hm(*start)), ("end", hm(*end))],
        ),
        // A removed item's title is no longer in the new pack: its id says which it was.
        Change::ItemRemoved { item: i } => ("pack-change-item-removed", vec![("item", i.clone())]),
        Change::ItemAdded { item: i } => ("pack-change-item-added", vec![("item", item(i))]),
        Change::ItemMoved { item: i, start, end } => {
            ("pack-change-item-moved", vec![("item", item(i)), ("start", hm(*start)), ("end", hm(*end))])
        }
        Change::SpeakerConfirmed { item: i, speaker: s } => {
            ("pack-change-speaker-confirmed", vec![("item", item(i)), ("speaker", speaker(s))])
        }
        Change::SpeakerAdded { item: i, speaker: s } => {
            ("pack-change-speaker-added", vec![("item", item(i)), ("speaker", speaker(s))])
        }
        Change::SpeakerRemoved { item: i, speaker: s } => {
            ("pack-change-speaker-removed", vec![("item", item(i)), ("speaker", s.clone())])
        }
        Change::MeetingChanged => ("pack-change-meeting", vec![]),
    };
    let args: Vec<(&str, workshop_core::FluentValue)> = args.into_iter().map(|(k, v)| (k, v.into())).collect();
    app.text_with(lang, id, &args)
}

/// Reads at most the pack size limit (a bigger file is refused before it is read whole).
fn read_limited(path: &Path) -> Result<Vec<u8>, Error> {
    let limit = workshop_core::pack::Limits::default().max_packed;
    let meta = std::fs::metadata(path).map_err(|e| Error::Pack(PackError::NotAPack { detail: e.to_string() }))?;
    if meta.len() > limit {
        return Err(Error::Pack(PackError::TooLarge { what: "the pack file".into(), limit }));
    }
    std::fs::read(path).map_err(|e| Error::Pack(PackError::NotAPack { detail: e.to_string() }))
}

pub fn trust(args: TrustArgs, state: &AppState, library: &Library) -> i32 {
    let lang = state.lang();
    match args.command {
        TrustCommand::Add { file } => {
            let text = match std::fs::read(&file) {
                Ok(b) if b.len() <= 4096 => String::from_utf8_lossy(&b).into_owned(),
                Ok(_) => {
                    let e = Error::Pack(PackError::BadKey { detail: "the file is too large for a key".into() });
                    return report(state, format!("{}: {e}", file.display()), &e, 2);
                }
                Err(err) => {
                    let e = Error::Pack(PackError::BadKey { detail: err.to_string() });
                    return report(state, format!("{}: {e}", file.display()), &e, 2);
                }
            };
            match library.add_user_key(&text) {
                Ok(key) => {
                    let l = state.l10n();
                    let out = format!(
                        "{}\n{}\n{}\n",
                        l.text_with(lang, "trust-added", &[("key", key.id.clone().into())]),
                        l.text_with(lang, "trust-fingerprint", &[("fingerprint", key.fingerprint.clone().into())]),
                        l.text(lang, "trust-warning"),
                    );
                    write_stdout(out.as_bytes())
                }
                Err(e) => report(state, format!("{}: {e}", file.display()), &e, 2),
            }
        }
        TrustCommand::List => {
            let mut out = String::new();
            for key in library.keys() {
                out.push_str(&format!("{}  {}  {}\n", key.id, key.fingerprint, source_text(state, lang, key.source)));
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
            [e.pack.event.id.clone(), e.pack.event.date.to_string(), status, title(&e.pack.localizer(), lang)]
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
