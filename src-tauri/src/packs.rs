//! Event packs on this computer: the keys it trusts, the packs installed in the app's data folder, which event
//! the app shows, and installing a `.gcmpack` (`gcm-workshop open`). The rules live in `workshop_core::pack`;
//! this module reads and writes the files.
//!
//! - Installed packs: `<data folder>/gcm-workshop/packs/<event-id>.gcmpack`, the signed file as received (Linux
//!   `~/.local/share/gcm-workshop/packs/`, Windows `%APPDATA%\gcm-workshop\packs\`). Each is verified again
//!   whenever the app starts; one that no longer verifies (its key was removed, the file was changed) is skipped
//!   with a message on standard error.
//! - Trusted keys (minisign `.pub` files): shipped with the app (`packs/trusted-keys/`); installed machine-wide by
//!   IT in `/etc/gcm-workshop/trusted-keys/` (Linux) or `%ProgramData%\gcm-workshop\trusted-keys\` (Windows), or
//!   the folder named by `GCM_WORKSHOP_MACHINE_KEYS`; added by the participant in `<settings folder>/trusted-keys/`.

use crate::error::Error;
use crate::settings::write_atomically;
use chrono::{DateTime, Utc};
use std::path::{Path, PathBuf};
use workshop_core::pack::changes::{changes, Change};
use workshop_core::pack::{self, trust, Install, KeySource, Pack, PackError, TrustedKey};
use workshop_core::schedule::event_instants;

/// Where this computer keeps packs and keys.
#[derive(Debug, Clone)]
pub struct Library {
    packs_dir: PathBuf,
    user_keys_dir: PathBuf,
    machine_keys_dir: Option<PathBuf>,
}

/// An event the app can show: the built-in one or an installed pack, with who signed it.
#[derive(Debug, Clone)]
pub struct CatalogEntry {
    pub pack: Pack,
    /// `None` for the built-in workshop (it is part of the app).
    pub signer: Option<TrustedKey>,
}

/// Where an event stands at a given instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventStatus {
    Upcoming,
    Now,
    Past,
}

impl EventStatus {
    pub fn of(pack: &Pack, now: DateTime<Utc>) -> EventStatus {
        let (start, end) = event_instants(&pack.event);
        if now < start {
            EventStatus::Upcoming
        } else if now < end {
            EventStatus::Now
        } else {
            EventStatus::Past
        }
    }

    /// `upcoming`, `now`, `past`: the tail of the Fluent message `events-status-<…>`.
    pub fn as_str(self) -> &'static str {
        match self {
            EventStatus::Upcoming => "upcoming",
            EventStatus::Now => "now",
            EventStatus::Past => "past",
        }
    }
}

/// What installing a pack did.
#[derive(Debug, Clone)]
pub struct Installed {
    pub pack: Pack,
    pub signer: TrustedKey,
    pub outcome: Install,
    /// From the installed version to this one (empty unless an upgrade).
    pub changes: Vec<Change>,
}

/// The machine-wide keys folder on this system, unless `GCM_WORKSHOP_MACHINE_KEYS` names another.
fn machine_keys_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("GCM_WORKSHOP_MACHINE_KEYS").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    if cfg!(windows) {
        std::env::var_os("ProgramData").map(|p| PathBuf::from(p).join("gcm-workshop").join("trusted-keys"))
    } else {
        Some(PathBuf::from("/etc/gcm-workshop/trusted-keys"))
    }
}

impl Library {
    /// The usual places; `settings_dir` is the folder of `settings.json`, which also holds the participant's keys.
    pub fn default_location(settings_dir: &Path) -> Library {
        let data = dirs::data_dir().unwrap_or_else(std::env::temp_dir).join("gcm-workshop");
        Library {
            packs_dir: data.join("packs"),
            user_keys_dir: settings_dir.join("trusted-keys"),
            machine_keys_dir: machine_keys_dir(),
        }
    }

    /// Explicit folders (tests).
    pub fn at(packs_dir: PathBuf, user_keys_dir: PathBuf, machine_keys_dir: Option<PathBuf>) -> Library {
        Library { packs_dir, user_keys_dir, machine_keys_dir }
    }

    pub fn packs_dir(&self) -> &Path {
        &self.packs_dir
    }

    /// Every trusted key: shipped, machine-wide, the participant's. A file that is not a key is reported on
    /// standard error and skipped.
    pub fn keys(&self) -> Vec<TrustedKey> {
        let mut keys = trust::builtin_keys();
        if let Some(dir) = &self.machine_keys_dir {
            keys.extend(read_keys(dir, KeySource::Machine));
        }
        keys.extend(read_keys(&self.user_keys_dir, KeySource::User));
        keys
    }

    /// The built-in workshop and every installed pack that still verifies, by id. An installed pack with the
    /// built-in id (only a key shipped with the app can sign one) and a higher version replaces the built-in one.
    pub fn catalog(&self) -> Vec<CatalogEntry> {
        let keys = self.keys();
        let builtin = Pack::builtin();
        let builtin_id = builtin.event.id.clone();
        let mut entries = vec![CatalogEntry { pack: builtin, signer: None }];
        for path in pack_files(&self.packs_dir) {
            let opened = std::fs::read(&path)
                .map_err(|e| PackError::NotAPack { detail: e.to_string() })
                .and_then(|bytes| pack::open(&bytes, &keys, &builtin_id, &pack::app_message_ids()));
            match opened {
                Ok(p) => {
                    let entry = CatalogEntry { pack: p.pack, signer: Some(p.signer) };
                    match entries.iter_mut().find(|e| e.pack.event.id == entry.pack.event.id) {
                        Some(old) if old.pack.event.version < entry.pack.event.version => *old = entry,
                        Some(_) => {}
                        None => entries.push(entry),
                    }
                }
                Err(e) => eprintln!("gcm-workshop: skipping the installed pack {}: {e}", path.display()),
            }
        }
        entries.sort_by_key(|e| event_instants(&e.pack.event).0);
        entries
    }

    /// Installs a `.gcmpack`'s bytes: verified and checked ([`pack::open`]), then copied atomically into the
    /// packs folder, unless the same version is there (nothing to do) or a newer one ([`PackError::Older`]).
    /// Nothing is written when anything fails.
    pub fn install(&self, bytes: &[u8]) -> Result<Installed, Error> {
        let keys = self.keys();
        let builtin = Pack::builtin();
        let opened = pack::open(bytes, &keys, &builtin.event.id, &pack::app_message_ids()).map_err(Error::Pack)?;
        let id = opened.pack.event.id.clone();
        let installed = self.catalog().into_iter().find(|e| e.pack.event.id == id).map(|e| e.pack);
        let outcome = Install::decide(installed.as_ref().map(|p| p.event.version), opened.pack.event.version);
        match outcome {
            Install::Older { installed } => {
                return Err(Error::Pack(PackError::Older { id, installed, offered: opened.pack.event.version }));
            }
            Install::Same => {}
            Install::New | Install::Upgrade { .. } => {
                let path = self.packs_dir.join(format!("{id}.{}", pack::EXTENSION));
                write_atomically(&path, &opened.bytes)
                    .map_err(|e| Error::PackWrite { path: path.display().to_string(), detail: e.to_string() })?;
            }
        }
        let changes = match (&installed, outcome) {
            (Some(old), Install::Upgrade { .. }) => changes(&old.event, &opened.pack.event),
            _ => Vec::new(),
        };
        Ok(Installed { pack: opened.pack, signer: opened.signer, outcome, changes })
    }

    /// Adds a public key the participant received from the organisers: checked, then written as
    /// `<settings folder>/trusted-keys/<key id>.pub`. Returns the key.
    pub fn add_user_key(&self, text: &str) -> Result<TrustedKey, Error> {
        let key = TrustedKey::parse(text, KeySource::User).map_err(Error::Pack)?;
        let path = self.user_keys_dir.join(format!("{}.pub", key.id));
        write_atomically(&path, key.to_file_text().as_bytes())
            .map_err(|e| Error::PackWrite { path: path.display().to_string(), detail: e.to_string() })?;
        Ok(key)
    }
}

/// Every `*.gcmpack` directly in `dir`, sorted (none if the folder does not exist).
fn pack_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == pack::EXTENSION)).collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn read_keys(dir: &Path, source: KeySource) -> Vec<TrustedKey> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "pub")).collect())
        .unwrap_or_default();
    files.sort();
    files
        .into_iter()
        .filter_map(|p| {
            match std::fs::read_to_string(&p)
                .map_err(|e| e.to_string())
                .and_then(|t| TrustedKey::parse(&t, source).map_err(|e| e.to_string()))
            {
                Ok(k) => Some(k),
                Err(e) => {
                    eprintln!("gcm-workshop: skipping the key file {}: {e}", p.display());
                    None
                }
            }
        })
        .collect()
}

/// The event to show: `requested` by id, else the one happening now, else the next upcoming, else the most
/// recent. Errors: [`Error::UnknownEvent`] for an id no entry has.
pub fn choose<'c>(
    catalog: &'c [CatalogEntry],
    requested: Option<&str>,
    now: DateTime<Utc>,
) -> Result<&'c CatalogEntry, Error> {
    if let Some(id) = requested {
        return catalog.iter().find(|e| e.pack.event.id == id).ok_or_else(|| Error::UnknownEvent(id.to_owned()));
    }
    let status = |e: &&CatalogEntry| EventStatus::of(&e.pack, now);
    let pick = catalog
        .iter()
        .find(|e| status(e) == EventStatus::Now)
        .or_else(|| catalog.iter().filter(|e| status(e) == EventStatus::Upcoming).min_by_key(|e| start(e)))
        .or_else(|| catalog.iter().max_by_key(|e| event_instants(&e.pack.event).1));
    // The catalog always holds the built-in workshop.
    Ok(pick.expect("the catalog is never empty"))
}

fn start(e: &CatalogEntry) -> DateTime<Utc> {
    event_instants(&e.pack.event).0
}
