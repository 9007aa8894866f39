//! The app's state and its operations, free of Tauri so that the window's commands and the command line share
//! them: the event, the Fluent bundles, the clock, the settings (in memory and on disk), what the OS told us,
//! and the opener. Its fields are private: each feature reaches them through the accessors here (`event()`,
//! `l10n()`, `settings_path()`, `open()`) in its own `impl AppState` block, and tests swap the opener with
//! `with_opener`.

use crate::clock::Clock;
use crate::error::Error;
use crate::opener::{open_with_os, OpenTarget, Opener};
use crate::settings::{LoadNote, SettingsStore};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use std::ffi::OsStr;
use std::path::Path;
use std::sync::{Arc, Mutex, RwLock};
use workshop_core::settings::Settings;
use workshop_core::tz_env::zone_from_tz_variable;
use workshop_core::{Event, Lang, Localizer};

/// Where the participant's zone came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ZoneSource {
    /// Picked in Settings or given with `--tz`.
    Chosen,
    /// The computer's zone.
    Computer,
    /// The computer's zone could not be read or is unknown: UTC is used, and the UI says so.
    Fallback,
}

/// A one-time message for the participant, e.g. that a corrupt settings file was set aside.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notice {
    pub id: String,
    pub args: serde_json::Map<String, serde_json::Value>,
    /// What happened, in English with the OS's words, for the log and the command line.
    #[serde(skip)]
    pub detail: String,
    /// The message already worded by the app in each language (an opened pack's outcome); else the Fluent
    /// message `id` with `args`.
    #[serde(skip)]
    pub worded: Vec<(Lang, String)>,
}

/// The event shown and the bundles with its texts: always replaced together.
struct Shown {
    event: Event,
    l10n: Localizer,
}

/// The event shown, as [`AppState::event`] gives it: derefs to [`Event`].
pub struct EventRef(Arc<Shown>);

impl std::ops::Deref for EventRef {
    type Target = Event;
    fn deref(&self) -> &Event {
        &self.0.event
    }
}

/// The bundles of the event shown, as [`AppState::l10n`] gives them: derefs to [`Localizer`].
pub struct L10nRef(Arc<Shown>);

impl std::ops::Deref for L10nRef {
    type Target = Localizer;
    fn deref(&self) -> &Localizer {
        &self.0.l10n
    }
}

/// Everything private: features reach it through the methods here and in their own `impl AppState` blocks.
pub struct AppState {
    /// The event shown and its texts; replaced as a whole when the participant switches events.
    shown: RwLock<Arc<Shown>>,
    clock: Clock,
    store: SettingsStore,
    settings: Mutex<Settings>,
    /// The settings file holds what this run could not read (see `LoadNote::keeps_file_read_only`): changes stay
    /// in memory and the file is never written over.
    settings_read_only: bool,
    /// Changes that did not reach the disk (a read-only folder, a full disk): kept in memory, and written with the
    /// next change that can be. See [`AppState::update`].
    unsaved: Mutex<Option<Unsaved>>,
    /// Whether the participant was told that changes cannot be saved (once per run).
    unsaved_told: std::sync::atomic::AtomicBool,
    /// The OS's preferred languages, most preferred first.
    os_locales: Vec<String>,
    os_zone: Option<String>,
    notices: Mutex<Vec<Notice>>,
    /// Opens a target with the OS; replaced in tests by a recorder (`with_opener`).
    opener: Opener,
    /// Where packs and trusted keys are (`packs.rs`).
    library: crate::packs::Library,
    /// A key the participant picked in Settings, shown to them and not yet trusted.
    pending_key: Mutex<Option<workshop_core::pack::TrustedKey>>,
    /// The language a command line asked for (`--lang`): it wins over the saved one for this run, and is never
    /// saved. `None` in the window.
    language: Option<Lang>,
}

/// Settings changed in memory that the last write could not put on disk.
struct Unsaved {
    /// The settings as last read from or written to the file: the base of [`Settings::merge3`] when a later
    /// write succeeds.
    base: Settings,
    /// Why the last write failed: the OS's words.
    detail: String,
    cause: crate::error::WriteCause,
}

/// What the OS reports, gathered at the edge so the rest can be tested with any values.
#[derive(Debug, Clone, Default)]
pub struct OsInfo {
    /// The OS's preferred languages, most preferred first (BCP 47 or POSIX), as `sys_locale` lists them:
    /// `LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG` on Linux; the user's preferred UI languages on Windows.
    pub locales: Vec<String>,
    pub zone: Option<String>,
}

impl OsInfo {
    /// The locale, and the computer's zone: `TZ` when it names one (as `date` reads it), else the OS setting.
    pub fn read() -> OsInfo {
        let tz = std::env::var_os("TZ");
        if let Some(value) = tz.as_deref().filter(|v| !v.is_empty()) {
            if value.to_str().and_then(zone_from_tz_variable).is_none() {
                eprintln!(
                    "gcm-workshop: TZ={value:?} names no time zone the app can use; using the computer's setting"
                );
            }
        }
        let zone = computer_zone_name(tz.as_deref(), crate::os_zone::os_zone_setting);
        OsInfo { locales: sys_locale::get_locales().collect(), zone }
    }
}

/// The computer's zone name: the `TZ` variable's when it is UTF-8 and names a zone (issue 9), else what
/// `os_setting` reports.
pub fn computer_zone_name(tz_variable: Option<&OsStr>, os_setting: impl FnOnce() -> Option<String>) -> Option<String> {
    tz_variable
        .and_then(OsStr::to_str)
        .and_then(zone_from_tz_variable)
        .map(|tz| tz.name().to_owned())
        .or_else(os_setting)
}

/// The settings file's folder (the current folder if the path has none).
fn store_dir(store: &SettingsStore) -> std::path::PathBuf {
    store.path().parent().unwrap_or(Path::new(".")).to_path_buf()
}

/// The one-time notice for what loading the settings found, if anything.
fn load_notice(store: &SettingsStore, note: &LoadNote) -> Option<Notice> {
    let file = store.path().display().to_string();
    let (id, path, detail) = match note {
        LoadNote::None => return None,
        LoadNote::SetAside { reason, moved_to: Some(to) } => {
            let to = to.display().to_string();
            ("notice-settings-reset", to.clone(), format!("{reason}; moved it to {to}, using default settings"))
        }
        LoadNote::SetAside { reason, moved_to: None } => (
            "notice-settings-kept",
            file.clone(),
            format!("{reason}; using default settings and leaving {file} as it is (nothing is saved in this run)"),
        ),
        LoadNote::Unreadable { detail } => (
            "notice-settings-unreadable",
            file.clone(),
            format!("could not read {file}: {detail}; using default settings and leaving it as it is (nothing is saved in this run)"),
        ),
    };
    let mut args = serde_json::Map::new();
    args.insert("path".into(), path.into());
    Some(Notice { id: id.into(), args, detail, worded: Vec::new() })
}

/// The one-time notice that settings cannot be saved in this run: `path`, and `reason` (`full`, `read-only` or
/// `other`) for the message to say what the participant can do.
fn unsaved_notice(path: &Path, error: &Error) -> Notice {
    let cause = match error {
        Error::SettingsWrite { cause, .. } => *cause,
        _ => crate::error::WriteCause::Other,
    };
    let mut args = serde_json::Map::new();
    args.insert("path".into(), path.display().to_string().into());
    args.insert("reason".into(), cause.code().into());
    Notice {
        id: "notice-settings-unsaved".into(),
        args,
        detail: format!("{error}; changes are kept until the app closes and saved with the next change that can be"),
        worded: Vec::new(),
    }
}

impl AppState {
    /// Loads settings from `store` (setting a corrupt file aside, leaving an unreadable one) and builds the state.
    pub fn load(store: SettingsStore, clock: Clock, os: OsInfo) -> AppState {
        let stamp = Utc::now().format("%Y%m%dT%H%M%SZ").to_string();
        let loaded = store.load(&stamp);
        let library = crate::packs::Library::default_location(store.path().parent().unwrap_or(Path::new(".")));
        AppState { library, ..AppState::from_loaded(store, clock, os, loaded) }
    }

    /// Builds the state from what `store.load` returned.
    pub fn from_loaded(store: SettingsStore, clock: Clock, os: OsInfo, loaded: (Settings, LoadNote)) -> AppState {
        let (settings, note) = loaded;
        let notices: Vec<Notice> = load_notice(&store, &note).into_iter().collect();
        let library = crate::packs::Library::beside(store_dir(&store));
        AppState {
            shown: RwLock::new(Arc::new(Shown { event: Event::embedded(), l10n: Localizer::embedded() })),
            clock,
            store,
            settings: Mutex::new(settings),
            settings_read_only: note.keeps_file_read_only(),
            unsaved: Mutex::new(None),
            unsaved_told: Default::default(),
            os_locales: os.locales,
            os_zone: os.zone,
            notices: Mutex::new(notices),
            opener: Box::new(open_with_os),
            library,
            pending_key: Mutex::new(None),
            language: None,
        }
    }

    /// The same state speaking `lang` whatever the settings say, for one command line (`--lang`); nothing is saved.
    pub fn speaking(self, lang: Lang) -> AppState {
        AppState { language: Some(lang), ..self }
    }

    /// The same state with packs and keys in `library` (tests keep them in their own folder).
    pub fn with_library(self, library: crate::packs::Library) -> AppState {
        AppState { library, ..self }
    }

    /// Where packs and trusted keys are.
    pub fn library(&self) -> &crate::packs::Library {
        &self.library
    }

    /// Holds `key` until the participant confirms it (`trust_pending`), replacing any key held before.
    pub fn hold_key(&self, key: Option<workshop_core::pack::TrustedKey>) {
        *self.pending_key.lock().unwrap_or_else(|p| p.into_inner()) = key;
    }

    /// The key held, taken.
    pub fn take_key(&self) -> Option<workshop_core::pack::TrustedKey> {
        self.pending_key.lock().unwrap_or_else(|p| p.into_inner()).take()
    }

    /// The same state with `opener` in place of the OS handler (tests record what would open).
    #[cfg(test)]
    pub(crate) fn with_opener(
        self,
        opener: impl Fn(&OpenTarget) -> Result<(), Error> + Send + Sync + 'static,
    ) -> AppState {
        AppState { opener: Box::new(opener), ..self }
    }

    /// The same state with another event (tests of the organisers' meeting link).
    #[cfg(test)]
    pub(crate) fn with_event(self, event: Event) -> AppState {
        self.set_shown(Shown { event, l10n: Localizer::embedded() });
        self
    }

    /// The same state presenting `pack`'s event and texts instead of the built-in workshop's.
    pub fn with_pack(self, pack: &workshop_core::pack::Pack) -> AppState {
        self.show_pack(pack);
        self
    }

    /// From now on, presents `pack`'s event and texts (the window's "Workshops" view switches with this).
    pub fn show_pack(&self, pack: &workshop_core::pack::Pack) {
        self.set_shown(Shown { event: pack.event.clone(), l10n: pack.localizer() });
    }

    fn set_shown(&self, shown: Shown) {
        *self.shown.write().unwrap_or_else(|p| p.into_inner()) = Arc::new(shown);
    }

    fn shown(&self) -> Arc<Shown> {
        self.shown.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// The event shown. A snapshot: a switch of event meanwhile does not change it.
    pub fn event(&self) -> EventRef {
        EventRef(self.shown())
    }

    /// The Fluent bundles, for messages in a language the caller chose.
    pub fn l10n(&self) -> L10nRef {
        L10nRef(self.shown())
    }

    /// Where the settings file is (or would be): also what makes one window per settings folder.
    pub fn settings_path(&self) -> &Path {
        self.store.path()
    }

    /// Opens `target` with the opener in force (the OS's, or a test's recorder).
    pub fn open(&self, target: &OpenTarget) -> Result<(), Error> {
        (self.opener)(target)
    }

    pub fn settings(&self) -> Settings {
        self.settings.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Applies `change` in memory and writes it to disk under the file lock, merged field by field over the file
    /// as it is now ([`Settings::merge3`]), so another process's change since we read the file is kept.
    ///
    /// A write that fails (a read-only folder, a full disk) loses nothing: the change stays in memory, the
    /// participant is told once per run (`notice-settings-unsaved`), and every change waiting in memory is written
    /// with the next write that succeeds. [`AppState::settings_writable`] says so meanwhile, for callers that must
    /// not pretend to have saved. When the settings file could not be read in this run, changes stay in memory
    /// and the file is left alone (the participant was told so at start). Returns the settings now in force: as
    /// written (merged with the file), or as kept in memory when the write failed. Never fails today; the `Result`
    /// is for callers that must not go on after a write they needed.
    pub fn update(&self, change: impl FnOnce(&mut Settings)) -> Result<Settings, Error> {
        let mut guard = self.settings.lock().unwrap_or_else(|p| p.into_inner());
        let mut next = guard.clone();
        change(&mut next);
        if self.settings_read_only {
            *guard = next.clone();
            return Ok(next);
        }
        let mut unsaved = self.unsaved.lock().unwrap_or_else(|p| p.into_inner());
        let base = unsaved.as_ref().map_or_else(|| guard.clone(), |u| u.base.clone());
        match self.store.update(&base, |disk| *disk = Settings::merge3(disk, &base, &next)) {
            Ok(written) => {
                *unsaved = None;
                *guard = written.clone();
                Ok(written)
            }
            Err(error) => {
                if !self.unsaved_told.swap(true, std::sync::atomic::Ordering::Relaxed) {
                    self.push_notice(unsaved_notice(self.settings_path(), &error));
                }
                let (detail, cause) = match error {
                    Error::SettingsWrite { detail, cause, .. } => (detail, cause),
                    other => (other.to_string(), crate::error::WriteCause::Other),
                };
                *unsaved = Some(Unsaved { base, detail, cause });
                *guard = next.clone();
                Ok(next)
            }
        }
    }

    /// The participant's settings for the event shown (`events.<id>` in the file).
    pub fn event_settings(&self) -> workshop_core::settings::EventSettings {
        self.settings().event(&self.event().id)
    }

    /// [`AppState::update`] of the event shown's own settings.
    pub fn update_event(
        &self,
        change: impl FnOnce(&mut workshop_core::settings::EventSettings),
    ) -> Result<Settings, Error> {
        let id = self.event().id.clone();
        self.update(|s| change(s.event_mut(&id)))
    }

    /// `Err` when changes would not reach the disk in this run, for callers that must not pretend to have saved
    /// (`gcm-workshop join --invitation`): `SettingsReadOnly` when the file could not be read in this run, or the
    /// last write's `SettingsWrite` (path, the OS's words, cause) while changes wait in memory.
    pub fn settings_writable(&self) -> Result<(), Error> {
        if self.settings_read_only {
            return Err(Error::SettingsReadOnly { path: self.settings_path().display().to_string() });
        }
        match &*self.unsaved.lock().unwrap_or_else(|p| p.into_inner()) {
            Some(u) => Err(Error::SettingsWrite {
                path: self.settings_path().display().to_string(),
                detail: u.detail.clone(),
                cause: u.cause,
            }),
            None => Ok(()),
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    pub fn lang(&self) -> Lang {
        if let Some(lang) = self.language {
            return lang;
        }
        self.settings().language.unwrap_or_else(|| Lang::negotiate(&self.os_locales))
    }

    /// The participant's zone and where it came from.
    pub fn zone(&self) -> (Tz, ZoneSource) {
        if let Some(tz) = self.settings().timezone.and_then(|z| z.parse::<Tz>().ok()) {
            return (tz, ZoneSource::Chosen);
        }
        self.computer_zone()
    }

    pub fn computer_zone(&self) -> (Tz, ZoneSource) {
        match self.os_zone.as_deref().and_then(|z| z.parse::<Tz>().ok()) {
            Some(tz) => (tz, ZoneSource::Computer),
            None => (Tz::UTC, ZoneSource::Fallback),
        }
    }

    /// Notices not yet shown; each is handed out once.
    /// Adds a notice to show once (the window's next `app_info`, or the command line's next report).
    pub fn push_notice(&self, notice: Notice) {
        self.notices.lock().unwrap_or_else(|p| p.into_inner()).push(notice);
    }

    pub fn take_notices(&self) -> Vec<Notice> {
        std::mem::take(&mut *self.notices.lock().unwrap_or_else(|p| p.into_inner()))
    }

    /// A notice in `lang`.
    pub fn notice_text(&self, lang: Lang, n: &Notice) -> String {
        if let Some((_, text)) = n.worded.iter().find(|(l, _)| *l == lang) {
            return text.clone();
        }
        let args = workshop_core::i18n::args_from_json(&n.args);
        self.l10n().message(lang, &n.id, Some(&args)).value
    }

    /// Formats one message, logging a fallback to `en` so a missing translation is noticed.
    pub fn text(&self, lang: Lang, id: &str) -> String {
        let m = self.l10n().message(lang, id, None);
        if m.fell_back {
            eprintln!("gcm-workshop: message {id:?} is missing in {}", lang.code());
        }
        m.value
    }
}

impl AppState {
    /// Turns a shell error into what the UI receives, in the participant's language.
    pub fn ui<T>(&self, r: Result<T, Error>) -> Result<T, crate::error::UiError> {
        r.map_err(|e| {
            eprintln!("gcm-workshop: {e}");
            crate::error::UiError::new(&e, &self.l10n(), self.lang())
        })
    }
}

// Unix only: `TZ` as raw bytes, file modes and owners.
#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::PermissionsExt;
    use std::path::Path;

    /// `TZ` (raw bytes, `None` when unset) and the OS setting → the computer's zone name (issue 9).
    fn check(tz: Option<&[u8]>, os: Option<&str>, expect: Option<&str>) {
        let got = computer_zone_name(tz.map(OsStr::from_bytes), || os.map(str::to_owned));
        assert_eq!(got.as_deref(), expect, "TZ={tz:?}, OS {os:?}");
    }

    #[test]
    #[rustfmt::skip]
    fn computer_zone_follows_tz_then_the_os() {
        check(Some(b"Asia/Almaty"), Some("Etc/UTC"), Some("Asia/Almaty"));
        check(Some(b":Asia/Bishkek"), Some("Etc/UTC"), Some("Asia/Bishkek"));
        check(Some(b":/usr/share/zoneinfo/Asia/Tashkent"), Some("Etc/UTC"), Some("Asia/Tashkent"));
        check(Some(b"asia/almaty"), None, Some("Asia/Almaty"));
        check(Some(b"Mars/Base"), Some("Europe/Berlin"), Some("Europe/Berlin"));
        check(Some(b"UTC0"), Some("Europe/Berlin"), Some("Etc/GMT"));
        check(Some(b"CET-1CEST,M3.5.0,M10.5.0/3"), Some("Europe/Berlin"), Some("Europe/Berlin"));
        check(Some(b""), Some("Europe/Berlin"), Some("Europe/Berlin"));
        check(Some(b":/etc/localtime"), Some("Europe/Berlin"), Some("Europe/Berlin"));
        check(Some(b"Asia/\xffAlmaty"), Some("Europe/Berlin"), Some("Europe/Berlin"));
        check(None, Some("Europe/Berlin"), Some("Europe/Berlin"));
        check(Some(b"Mars/Base"), None, None);
        check(None, None, None);
    }

    /// The settings file as this run found it.
    enum Found {
        /// A file the OS refuses to let us read: mode 000 when not root; as root (who reads anything) the store's
        /// finding is given as the OS would report it, on a real file whose bytes and mode are checked.
        NoPermission,
        /// Corrupt, and a non-empty folder where it would be moved aside, so it stays.
        CorruptUnmovable,
    }

    fn running_as_root(dir: &Path) -> bool {
        use std::os::unix::fs::MetadataExt;
        let probe = dir.join("probe");
        std::fs::write(&probe, b"").unwrap();
        let uid = std::fs::metadata(&probe).unwrap().uid();
        std::fs::remove_file(probe).unwrap();
        uid == 0
    }

    /// In a run that could not read the settings file, changes stay in memory: the window still switches language
    /// and text size, while the file keeps its bytes and mode and nothing new appears beside it (issue 9).
    fn check_read_only(found: Found, notice: &str) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.json");
        let bytes: &[u8] = b"{\"language\": \"en\", \"meeting\": \"https://zoom.us/j/123456789\"}\n";
        let store = SettingsStore::at(&path);
        let loaded = match found {
            Found::NoPermission => {
                std::fs::write(&path, bytes).unwrap();
                if running_as_root(dir.path()) {
                    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
                    (Settings::default(), LoadNote::Unreadable { detail: "Permission denied (os error 13)".into() })
                } else {
                    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
                    store.load("T")
                }
            }
            Found::CorruptUnmovable => {
                std::fs::write(&path, &bytes[..10]).unwrap();
                std::fs::create_dir_all(dir.path().join("settings.corrupt-T.json/blocker")).unwrap();
                store.load("T")
            }
        };
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode();
        let listing = |p: &Path| {
            let mut names: Vec<_> = std::fs::read_dir(p).unwrap().flatten().map(|e| e.file_name()).collect();
            names.sort();
            names
        };
        let (before_mode, before_names) = (mode(&path), listing(dir.path()));
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        let before_bytes = std::fs::read(&path).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(before_mode)).unwrap();

        let st = AppState::from_loaded(store, Clock::starting_at(None), OsInfo::default(), loaded);
        assert_eq!(st.settings_writable().map_err(|e| e.kind()), Err("settings-read-only"));
        assert_eq!(st.set_language("ru").unwrap(), Lang::Ru);
        assert_eq!(st.update(|s| s.text_scale = 150).unwrap().text_scale, 150);
        assert_eq!((st.lang(), st.settings().text_scale), (Lang::Ru, 150), "changes are kept in memory");

        assert_eq!(mode(&path), before_mode, "mode untouched");
        assert_eq!(listing(dir.path()), before_names, "nothing written beside it");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), before_bytes, "bytes untouched");

        let info = st.app_info();
        let ids: Vec<_> = info.notices.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, [notice]);
        let message = &info.notices[0].message;
        assert!(
            message.contains(&format!("файл настроек {}", path.display())),
            "in Russian, naming the file: {message}"
        );
        assert!(message.contains("не будут сохранены"), "says changes are not saved: {message}");
        assert!(st.app_info().notices.is_empty(), "told once");
    }

    #[test]
    fn read_only_settings_change_memory_only() {
        check_read_only(Found::NoPermission, "notice-settings-unreadable");
        check_read_only(Found::CorruptUnmovable, "notice-settings-kept");
    }
}
