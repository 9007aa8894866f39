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
use workshop_core::pack::changes::{changes, Change, Retimed};
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
    /// The version replaced by an upgrade: its texts name what was removed.
    pub previous: Option<Pack>,
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

    /// Everything beside the settings file, in `dir`: packs in `dir/packs`, keys in `dir/trusted-keys`, no
    /// machine-wide keys. What a state built for tests uses, so they never see this computer's packs.
    pub fn beside(dir: PathBuf) -> Library {
        Library { packs_dir: dir.join("packs"), user_keys_dir: dir.join("trusted-keys"), machine_keys_dir: None }
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
        // Windows: also the values IT sets in the registry (the MSI's ORGANISER_KEY, or group policy). Not when a
        // test names its own machine-keys folder.
        #[cfg(windows)]
        if std::env::var_os("GCM_WORKSHOP_MACHINE_KEYS").is_none() {
            keys.extend(registry::machine_keys());
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
        for path in files_with_extension(&self.packs_dir, pack::EXTENSION) {
            let opened = std::fs::read(&path)
                .map_err(|e| PackError::Unreadable { detail: e.to_string() })
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
                Err(e) => skipping(&path, &e),
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
        let entry = self.catalog().into_iter().find(|e| e.pack.event.id == id);
        // Another organiser's key may not take over an event: a newer version comes with the key that signed the
        // installed one, or with a key the app ships or the computer's administrators installed.
        if let Some(old) = entry.as_ref().and_then(|e| e.signer.as_ref()) {
            if old.fingerprint != opened.signer.fingerprint && opened.signer.source == KeySource::User {
                return Err(Error::Pack(PackError::SignerChanged {
                    id,
                    installed_key: old.id.clone(),
                    key_id: opened.signer.id.clone(),
                }));
            }
        }
        let installed = entry.map(|e| e.pack);
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
        let (changes, previous) = match (installed, outcome) {
            (Some(old), Install::Upgrade { .. }) => (changes(&old.event, &opened.pack.event), Some(old)),
            _ => (Vec::new(), None),
        };
        Ok(Installed { pack: opened.pack, signer: opened.signer, outcome, changes, previous })
    }

    /// Adds a public key the participant received from the organisers: checked, then written as
    /// `<settings folder>/trusted-keys/<key id>.pub`. Returns the key, and where it was trusted from already
    /// (then nothing is written).
    pub fn add_user_key(&self, text: &str) -> Result<(TrustedKey, Option<KeySource>), Error> {
        let key = TrustedKey::parse(text, KeySource::User).map_err(Error::Pack)?;
        if let Some(known) =
            self.keys().into_iter().filter(|k| k.fingerprint == key.fingerprint).min_by_key(|k| k.source)
        {
            return Ok((key, Some(known.source)));
        }
        let path = self.user_keys_dir.join(format!("{}.pub", key.id));
        write_atomically(&path, key.to_file_text().as_bytes())
            .map_err(|e| Error::PackWrite { path: path.display().to_string(), detail: e.to_string() })?;
        Ok((key, None))
    }
}

/// Keys in `Software\GCM Workshop\TrustedKeys` (HKLM, then HKCU): each string value is a minisign public key line
/// (`RW…`) or a whole `minisign.pub` text.
#[cfg(windows)]
mod registry {
    use super::{KeySource, TrustedKey};
    use windows_sys::Win32::System::Registry::{
        RegCloseKey, RegEnumValueW, RegOpenKeyExW, HKEY, HKEY_CURRENT_USER, HKEY_LOCAL_MACHINE, KEY_READ, REG_SZ,
    };

    const KEY: &str = "Software\\GCM Workshop\\TrustedKeys";

    pub(super) fn machine_keys() -> Vec<TrustedKey> {
        let mut keys = Vec::new();
        for root in [HKEY_LOCAL_MACHINE, HKEY_CURRENT_USER] {
            for (name, text) in values(root).into_iter().filter(|(_, t)| !t.trim().is_empty()) {
                match TrustedKey::parse(&text, KeySource::Machine) {
                    Ok(k) => keys.push(k),
                    Err(e) => eprintln!("gcm-workshop: skipping the registry key value {name:?}: {e}"),
                }
            }
        }
        keys
    }

    /// The string values (name, data) of `root\KEY`; none if the key does not exist.
    fn values(root: HKEY) -> Vec<(String, String)> {
        let path: Vec<u16> = KEY.encode_utf16().chain([0]).collect();
        let mut key: HKEY = std::ptr::null_mut();
        // SAFETY: `path` is NUL-terminated UTF-16; `key` receives a handle closed below.
        if unsafe { RegOpenKeyExW(root, path.as_ptr(), 0, KEY_READ, &mut key) } != 0 {
            return Vec::new();
        }
        let mut out = Vec::new();
        for index in 0.. {
            let mut name = [0u16; 256];
            let mut name_len = name.len() as u32;
            let mut data = [0u16; 2048];
            let mut data_len = (data.len() * 2) as u32;
            let mut kind = 0u32;
            // SAFETY: the buffers are writable for the lengths given (characters for the name, bytes for data).
            let status = unsafe {
                RegEnumValueW(
                    key,
                    index,
                    name.as_mut_ptr(),
                    &mut name_len,
                    std::ptr::null(),
                    &mut kind,
                    data.as_mut_ptr().cast(),
                    &mut data_len,
                )
            };
            if status != 0 {
                break;
            }
            if kind == REG_SZ {
                let units = &data[..(data_len as usize / 2)];
                let end = units.iter().position(|&u| u == 0).unwrap_or(units.len());
                out.push((
                    String::from_utf16_lossy(&name[..name_len as usize]),
                    String::from_utf16_lossy(&units[..end]),
                ));
            }
        }
        // SAFETY: `key` was opened above.
        unsafe { RegCloseKey(key) };
        out
    }
}

/// Every `*.<extension>` file directly in `dir`, sorted (none if the folder does not exist).
fn files_with_extension(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == extension)).collect())
        .unwrap_or_default();
    files.sort();
    files
}

fn read_keys(dir: &Path, source: KeySource) -> Vec<TrustedKey> {
    files_with_extension(dir, "pub")
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

// ---------------------------------------------------------------------------------------------------------------
// Wording shared by the command line and the window.

use crate::state::AppState;
use serde::Serialize;
use workshop_core::format::date_long;
use workshop_core::{markup, FluentValue, Lang, Localizer};

/// The plain title of a pack's event in `lang`.
pub fn title(l10n: &Localizer, lang: Lang) -> String {
    markup::plain(&l10n.text(lang, "event-title"))
}

/// Who signed a pack, as the participant reads it.
#[derive(Debug, Clone, Serialize)]
pub struct SignerView {
    /// minisign key id: up to 16 upper-case hex digits without leading zeros, as minisign writes it in a `.pub`
    /// comment.
    pub key: String,
    pub source: KeySource,
    /// "Signed with key … (a key you added)." in the participant's language.
    pub text: String,
}

/// A trusted key, as Settings lists it.
#[derive(Debug, Clone, Serialize)]
pub struct KeyView {
    pub id: String,
    pub fingerprint: String,
    pub source: KeySource,
    /// Where the trust comes from, in the participant's language.
    pub source_text: String,
}

/// One event of the "Workshops" view.
#[derive(Debug, Clone, Serialize)]
pub struct EventEntry {
    pub id: String,
    pub title: String,
    /// The date, long form, in the participant's language.
    pub date: String,
    /// `upcoming`, `now` or `past`.
    pub status: &'static str,
    pub status_text: String,
    /// The event the app shows now.
    pub shown: bool,
    /// `None` for the built-in workshop.
    pub signer: Option<SignerView>,
}

/// What opening a pack did, for the window: the headline, the signer, and what changed.
#[derive(Debug, Clone, Serialize)]
pub struct PackOpened {
    pub id: String,
    pub title: String,
    pub version: u32,
    /// `installed`, `upgraded` or `same`.
    pub outcome: &'static str,
    /// "Installed “…” (16 March 2027), version 1." in the participant's language.
    pub message: String,
    pub signer: SignerView,
    /// One line per change, in the participant's language (empty unless upgraded).
    pub changes: Vec<String>,
}

impl AppState {
    pub fn signer_view(&self, lang: Lang, key: &TrustedKey) -> SignerView {
        let l = self.l10n();
        let source = l.text(lang, &format!("pack-key-source-{}", key.source.as_str()));
        let text = l.text_with(lang, "pack-signed-by", &[("key", key.id.clone().into()), ("source", source.into())]);
        SignerView { key: key.id.clone(), source: key.source, text }
    }

    pub fn key_view(&self, lang: Lang, key: &TrustedKey) -> KeyView {
        KeyView {
            id: key.id.clone(),
            fingerprint: key.fingerprint.clone(),
            source: key.source,
            source_text: self.l10n().text(lang, &format!("pack-key-source-{}", key.source.as_str())),
        }
    }

    /// The keys trusted to sign packs (`[{id, fingerprint, source, source_text}]`), with their sources in the
    /// participant's language: Settings shows them (`settings_view`), and `trust_key` answers with them.
    pub fn trusted_key_views(&self) -> Vec<KeyView> {
        let lang = self.lang();
        self.library().keys().iter().map(|k| self.key_view(lang, k)).collect()
    }

    /// The events the app can show, in time order, in `lang`.
    pub fn event_entries(&self, lang: Lang) -> Vec<EventEntry> {
        let now = self.now();
        let shown = self.event().id.clone();
        self.library()
            .catalog()
            .iter()
            .map(|e| {
                let status = EventStatus::of(&e.pack, now).as_str();
                EventEntry {
                    id: e.pack.event.id.clone(),
                    title: title(&e.pack.localizer(), lang),
                    date: dates_long(&e.pack.event, lang),
                    status,
                    status_text: self.l10n().text(lang, &format!("events-status-{status}")),
                    shown: e.pack.event.id == shown,
                    signer: e.signer.as_ref().map(|k| self.signer_view(lang, k)),
                }
            })
            .collect()
    }

    /// Shows event `id` from now on, and remembers the choice for the next start. Errors: [`Error::UnknownEvent`].
    /// A settings write the disk refuses is not an error: the choice is kept in memory and the participant is told
    /// once (`notice-settings-unsaved`).
    pub fn show_event(&self, id: &str) -> Result<(), Error> {
        let catalog = self.library().catalog();
        let entry = choose(&catalog, Some(id), self.now())?;
        self.show_pack(&entry.pack);
        self.update(|s| s.event = Some(id.to_owned())).map(|_| ())
    }

    /// Installs the pack in `bytes` ([`Library::install`]) and words the outcome in `lang`.
    pub fn open_pack_bytes(&self, bytes: &[u8], lang: Lang) -> Result<PackOpened, Error> {
        Ok(self.word_opened(&self.library().install(bytes)?, lang))
    }

    /// What installing did, worded in `lang`.
    pub fn word_opened(&self, installed: &Installed, lang: Lang) -> PackOpened {
        let Installed { pack, signer, outcome, changes, previous } = installed;
        let l10n = pack.localizer();
        let old_l10n = previous.as_ref().map(Pack::localizer);
        let t = title(&l10n, lang);
        let mut args: Vec<(&str, FluentValue)> = vec![
            ("title", t.clone().into()),
            ("id", pack.event.id.clone().into()),
            ("version", pack.event.version.into()),
            ("date", dates_long(&pack.event, lang).into()),
        ];
        let (id, word) = match outcome {
            Install::New => ("pack-installed", "installed"),
            Install::Upgrade { from } => {
                args.push(("from", (*from).into()));
                ("pack-upgraded", "upgraded")
            }
            Install::Same | Install::Older { .. } => ("pack-same", "same"),
        };
        PackOpened {
            id: pack.event.id.clone(),
            title: t,
            version: pack.event.version,
            outcome: word,
            message: self.l10n().text_with(lang, id, &args),
            signer: self.signer_view(lang, signer),
            changes: changes
                .iter()
                .map(|c| {
                    let texts = PackTexts { new: &l10n, old: old_l10n.as_ref() };
                    change_text(&self.l10n(), &texts, lang, c, pack.event.end_date > pack.event.date)
                })
                .collect(),
        }
    }
}

/// The event's day, or its first and last day ("16 March 2027 – 17 March 2027"), long form in `lang`.
fn dates_long(ev: &workshop_core::Event, lang: Lang) -> String {
    if ev.end_date > ev.date {
        format!("{} – {}", date_long(ev.date, lang), date_long(ev.end_date, lang))
    } else {
        date_long(ev.date, lang)
    }
}

/// The texts of the version installed now and, for an upgrade, of the one it replaced.
pub struct PackTexts<'a> {
    pub new: &'a Localizer,
    pub old: Option<&'a Localizer>,
}

impl PackTexts<'_> {
    /// Message `id` in `lang`, plain: from the new version, else (an item or speaker that was removed) the old.
    fn name(&self, lang: Lang, id: &str) -> Option<String> {
        let found = |l: &Localizer| l.has(lang, id).then(|| markup::plain(&l.text(lang, id)));
        found(self.new).or_else(|| self.old.and_then(found))
    }
}

/// One change in `lang`, items and speakers by their names: the new version's, or for one that was removed the
/// replaced version's (the id only if neither has it). `multi_day`: the new pack's event lasts more than one
/// day, so a moved item's day is named.
pub fn change_text(app: &Localizer, texts: &PackTexts<'_>, lang: Lang, change: &Change, multi_day: bool) -> String {
    let item = |id: &str| texts.name(lang, &format!("agenda-{id}-title")).unwrap_or_else(|| id.to_owned());
    let speaker = |id: &str| texts.name(lang, &format!("speaker-{id}")).unwrap_or_else(|| id.to_owned());
    let hm = |t: chrono::NaiveTime| t.format("%H:%M").to_string();
    let (id, args): (&str, Vec<(&str, String)>) = match change {
        Change::EventMoved { date, end_date, start, end } if date == end_date => (
            "pack-change-event-moved",
            vec![("date", date_long(*date, lang)), ("start", hm(*start)), ("end", hm(*end))],
        ),
        Change::EventMoved { date, end_date, start, end } => (
            "pack-change-event-moved-days",
            vec![
                ("date", date_long(*date, lang)),
                ("end_date", date_long(*end_date, lang)),
                ("start", hm(*start)),
                ("end", hm(*end)),
            ],
        ),
        Change::ItemRemoved { item: i } => ("pack-change-item-removed", vec![("item", item(i))]),
        Change::ItemAdded { item: i } => ("pack-change-item-added", vec![("item", item(i))]),
        Change::ItemRetimed { item: i, how, date, start, end } => {
            let id = match how {
                Retimed::Moved => "pack-change-item-moved",
                Retimed::Shortened => "pack-change-item-shortened",
                Retimed::Lengthened => "pack-change-item-lengthened",
                Retimed::Rescheduled => "pack-change-item-rescheduled",
            };
            // The day only where the event has more than one.
            let times = format!("{}–{}", hm(*start), hm(*end));
            let when = if multi_day { format!("{}, {times}", date_long(*date, lang)) } else { times };
            (id, vec![("item", item(i)), ("when", when)])
        }
        Change::SpeakerConfirmed { item: i, speaker: s } => {
            ("pack-change-speaker-confirmed", vec![("item", item(i)), ("speaker", speaker(s))])
        }
        Change::SpeakerAdded { item: i, speaker: s } => {
            ("pack-change-speaker-added", vec![("item", item(i)), ("speaker", speaker(s))])
        }
        Change::SpeakerRemoved { item: i, speaker: s } => {
            ("pack-change-speaker-removed", vec![("item", item(i)), ("speaker", speaker(s))])
        }
        Change::MeetingChanged => ("pack-change-meeting", vec![]),
    };
    let args: Vec<(&str, FluentValue)> = args.into_iter().map(|(k, v)| (k, v.into())).collect();
    app.text_with(lang, id, &args)
}

// ---------------------------------------------------------------------------------------------------------------
// The window's commands. The webview names what to do; Rust runs the file dialogs and reads the files.

use crate::error::UiError;
use std::sync::Mutex;
use tauri::{AppHandle, Manager, Runtime, State};

/// What an Open dialog is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A `.gcmpack`.
    Pack,
    /// A minisign public key (`.pub`).
    Key,
}

type Pick = Box<dyn Fn(FileKind) -> Option<PathBuf> + Send + Sync>;

/// Which file an Open dialog returns: the native dialog, unless an `OpenFrom` is managed (tests answer with a
/// path, or cancel, instead).
pub struct OpenFrom(Mutex<Pick>);

impl OpenFrom {
    pub fn new(pick: impl Fn(FileKind) -> Option<PathBuf> + Send + Sync + 'static) -> OpenFrom {
        OpenFrom(Mutex::new(Box::new(pick)))
    }

    /// Replaces the answer (managed state cannot be managed twice).
    pub fn set(&self, pick: impl Fn(FileKind) -> Option<PathBuf> + Send + Sync + 'static) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = Box::new(pick);
    }
}

fn pick_file<R: Runtime>(app: &AppHandle<R>, kind: FileKind, title: &str) -> Option<PathBuf> {
    use tauri_plugin_dialog::DialogExt;
    if let Some(open_from) = app.try_state::<OpenFrom>() {
        return (open_from.0.lock().unwrap_or_else(|p| p.into_inner()))(kind);
    }
    let mut dialog = app.dialog().file().set_title(title);
    dialog = match kind {
        FileKind::Pack => dialog.add_filter("GCM Workshop event pack", &[pack::EXTENSION]),
        FileKind::Key => dialog.add_filter("minisign public key", &["pub"]),
    };
    if let Some(dir) = dirs::download_dir().or_else(dirs::document_dir).or_else(dirs::home_dir) {
        dialog = dialog.set_directory(dir);
    }
    if let Some(w) = app.get_webview_window(crate::window::MAIN) {
        dialog = dialog.set_parent(&w);
    }
    match dialog.blocking_pick_file().map(|p| p.into_path()) {
        Some(Ok(path)) => Some(path),
        Some(Err(e)) => {
            eprintln!("gcm-workshop: the open dialog returned no usable path: {e}");
            None
        }
        None => None,
    }
}

/// Reads a picked file, at most `limit` bytes: a bigger one is refused before it is read, and one whose size the
/// file system does not tell (`/dev/zero`, a pipe, a `/proc` file: size 0) is read no further than one byte past
/// the limit, so it costs no more memory than a file at the limit would.
pub fn read_at_most(path: &Path, limit: u64, too_large: impl FnOnce() -> PackError) -> Result<Vec<u8>, Error> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if meta.is_dir() {
        return Err(Error::Pack(PackError::Unreadable { detail: "it is a folder".into() }));
    }
    let mut bytes = Vec::new();
    if meta.len() <= limit {
        let file = std::fs::File::open(path).map_err(unreadable)?;
        file.take(limit + 1).read_to_end(&mut bytes).map_err(unreadable)?;
    }
    if meta.len() > limit || bytes.len() as u64 > limit {
        return Err(Error::Pack(too_large()));
    }
    Ok(bytes)
}

/// A file that cannot be read: [`PackError::NotFound`] when it is not there, else [`PackError::Unreadable`] with
/// the OS's words.
pub fn unreadable(e: std::io::Error) -> Error {
    Error::Pack(match e.kind() {
        std::io::ErrorKind::NotFound => PackError::NotFound,
        _ => PackError::Unreadable { detail: e.to_string() },
    })
}

/// Says once per run (the catalogue is read more than once) that an installed pack is left out, and why.
fn skipping(path: &Path, e: &PackError) {
    static SAID: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());
    let mut said = SAID.lock().unwrap_or_else(|p| p.into_inner());
    if !said.iter().any(|p| p == path) {
        said.push(path.to_path_buf());
        eprintln!("gcm-workshop: skipping the installed pack {}: {e}", path.display());
    }
}

/// The bytes of a `.gcmpack` at `path`, refused over the pack size limit.
pub fn read_pack_file(path: &Path) -> Result<Vec<u8>, Error> {
    let limit = pack::Limits::default().max_packed;
    read_at_most(path, limit, || PackError::TooLarge { what: "the pack file".into(), limit })
}

/// Runs `f` off the main thread (the dialogs wait for it), with the state.
async fn blocking<R: Runtime, T: Send + 'static>(
    app: AppHandle<R>,
    f: impl FnOnce(&AppHandle<R>, &AppState) -> Result<T, Error> + Send + 'static,
) -> Result<T, Error> {
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        f(&app, &state)
    })
    .await
    .unwrap_or_else(|e| Err(Error::Pack(PackError::Unreadable { detail: e.to_string() })))
}

/// The events the app can show (`[{id, title, date, status, status_text, shown, signer}]`), in time order.
#[tauri::command]
pub fn events(state: State<'_, AppState>) -> Vec<EventEntry> {
    state.event_entries(state.lang())
}

/// Shows event `id` from now on; the webview then reloads its views. Error kind `unknown-event`.
#[tauri::command]
pub fn show_event(state: State<'_, AppState>, id: String) -> Result<(), UiError> {
    state.ui(state.show_event(&id))
}

/// Asks for a `.gcmpack` with the native Open dialog and installs it (`cancelled` when the participant closes
/// the dialog; `pack` with the reason when it is refused, nothing installed).
#[tauri::command]
pub async fn open_pack<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Result<PackOpened, UiError> {
    let result = blocking(app, |app, state| {
        let lang = state.lang();
        let path = pick_file(app, FileKind::Pack, &state.text(lang, "events-open")).ok_or(Error::Cancelled)?;
        state.open_pack_bytes(&read_pack_file(&path)?, lang)
    })
    .await;
    state.ui(result)
}

/// Asks for a public key file with the native Open dialog and reads it; the key is held, not trusted, until
/// `trust_key` (the window shows its id, fingerprint and a warning first).
#[tauri::command]
pub async fn pick_key<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Result<KeyView, UiError> {
    let result = blocking(app, |app, state| {
        let lang = state.lang();
        let path = pick_file(app, FileKind::Key, &state.text(lang, "trust-pick")).ok_or(Error::Cancelled)?;
        let bytes =
            read_at_most(&path, 4096, || PackError::BadKey { detail: "the file is too large for a key".into() })?;
        let key = TrustedKey::parse(&String::from_utf8_lossy(&bytes), KeySource::User).map_err(Error::Pack)?;
        let view = state.key_view(lang, &key);
        state.hold_key(Some(key));
        Ok(view)
    })
    .await;
    state.ui(result)
}

/// Trusts the key held by `pick_key` (error `cancelled` when none is held) and returns the keys.
#[tauri::command]
pub fn trust_key(state: State<'_, AppState>) -> Result<Vec<KeyView>, UiError> {
    let key = state.take_key().ok_or(Error::Cancelled);
    let added = key.and_then(|k| state.library().add_user_key(&k.to_file_text()));
    state.ui(added.map(|_| state.trusted_key_views()))
}

// ---------------------------------------------------------------------------------------------------------------
// A pack given when the app starts: a double-click on a `.gcmpack`, or a second launch with one.

/// The `.gcmpack` among a launch's arguments (`gcm-workshop FILE`), resolved against `cwd`: the last argument
/// that is not an option and ends in `.gcmpack`.
pub fn pack_argument(args: &[String], cwd: &Path) -> Option<PathBuf> {
    let arg =
        args.iter().skip(1).rev().find(|a| !a.starts_with('-') && a.to_ascii_lowercase().ends_with(".gcmpack"))?;
    let path = PathBuf::from(arg);
    Some(if path.is_absolute() { path } else { cwd.join(path) })
}

impl AppState {
    /// Installs the pack at `path` for the window and, when it is installed, shows its event. Either way a notice
    /// says what happened (the pack and who signed it, or why it was refused), once, in the window, in the
    /// language the window is in when it shows it.
    pub fn open_at_launch(&self, path: &Path) {
        let result = read_pack_file(path).and_then(|bytes| self.library().install(&bytes));
        let text = |lang: Lang| match &result {
            Ok(installed) => {
                let o = self.word_opened(installed, lang);
                let mut text = format!("{} {}", o.message, o.signer.text);
                if !o.changes.is_empty() {
                    text.push_str(&format!(" {} {}", self.text(lang, "pack-changes-label"), o.changes.join(" · ")));
                }
                text
            }
            Err(e) => e.localize(&self.l10n(), lang),
        };
        let detail = match &result {
            Ok(i) => format!("{}: opened {} version {}", path.display(), i.pack.event.id, i.pack.event.version),
            Err(e) => format!("{}: {e}", path.display()),
        };
        let worded: Vec<(Lang, String)> = Lang::ALL.iter().map(|&lang| (lang, text(lang))).collect();
        let mut args = serde_json::Map::new();
        args.insert("text".into(), worded[0].1.clone().into());
        if let Ok(i) = &result {
            if let Err(e) = self.show_event(&i.pack.event.id) {
                eprintln!("gcm-workshop: {e}");
            }
        }
        self.push_notice(crate::state::Notice { id: "notice-pack".into(), args, detail, worded });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `read_at_most(path, 8, …)` gives: `ok <n> bytes` or `err <code>: <message>`.
    fn check(path: &Path, expect: &str) {
        let got = match read_at_most(path, 8, || PackError::TooLarge { what: "the file".into(), limit: 8 }) {
            Ok(bytes) => format!("ok {} bytes", bytes.len()),
            Err(Error::Pack(e)) => format!("err {}: {e}", e.code()),
            Err(e) => format!("other {e}"),
        };
        assert_eq!(got, expect, "{}", path.display());
    }

    /// Issue 14 (hostile corpus): `gcm-workshop open /dev/zero` read until memory ran out (23 GB, then the
    /// kernel killed it), as did `pack check` and `trust add`: a file whose size is not known is read only up to
    /// the limit.
    #[test]
    #[rustfmt::skip]
    fn reads_no_more_than_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let file = |name: &str, bytes: &[u8]| {
            std::fs::write(dir.path().join(name), bytes).unwrap();
            dir.path().join(name)
        };
        check(&file("small", b"12345678"), "ok 8 bytes");
        check(&file("empty", b""), "ok 0 bytes");
        check(&file("big", b"123456789"), "err too-large: the file is over the limit of 8");
        check(dir.path(), "err unreadable: the file cannot be read (it is a folder)");
        check(&dir.path().join("missing"), "err not-found: file not found");
        #[cfg(unix)]
        {
            check(Path::new("/dev/zero"), "err too-large: the file is over the limit of 8");
            check(Path::new("/dev/null"), "ok 0 bytes");
        }
    }
}
