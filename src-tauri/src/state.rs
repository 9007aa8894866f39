//! The app's state and its operations, free of Tauri so that the window's commands and the command line share
//! them: the event, the Fluent bundles, the clock, the settings (in memory and on disk), what the OS told us.

use crate::clock::Clock;
use crate::error::Error;
use crate::settings::{LoadNote, SettingsStore};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use std::sync::Mutex;
use workshop_core::settings::Settings;
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
}

pub struct AppState {
    pub event: Event,
    pub l10n: Localizer,
    pub clock: Clock,
    pub store: SettingsStore,
    settings: Mutex<Settings>,
    os_locale: Option<String>,
    os_zone: Option<String>,
    notices: Mutex<Vec<Notice>>,
    /// Opens a link with the OS; replaced in tests by a recorder.
    pub opener: Opener,
}

pub type Opener = Box<dyn Fn(&str) -> Result<(), Error> + Send + Sync>;

/// What the OS reports, gathered at the edge so the rest can be tested with any values.
#[derive(Debug, Clone, Default)]
pub struct OsInfo {
    pub locale: Option<String>,
    pub zone: Option<String>,
}

impl OsInfo {
    pub fn read() -> OsInfo {
        OsInfo { locale: sys_locale::get_locale(), zone: iana_time_zone::get_timezone().ok() }
    }
}

impl AppState {
    /// Loads settings from `store` (setting a corrupt file aside) and builds the state.
    pub fn load(store: SettingsStore, clock: Clock, os: OsInfo) -> AppState {
        let stamp = Utc::now().format("%Y%m%dT%H%M%SZ").to_string();
        let (settings, note) = store.load(&stamp);
        let mut notices = Vec::new();
        if let LoadNote::SetAside { reason, moved_to } = note {
            eprintln!("gcm-workshop: {reason}; starting with default settings");
            let mut args = serde_json::Map::new();
            let moved = moved_to.map(|p| p.display().to_string()).unwrap_or_default();
            args.insert("path".into(), moved.into());
            notices.push(Notice { id: "notice-settings-reset".into(), args });
        }
        AppState {
            event: Event::embedded(),
            l10n: Localizer::embedded(),
            clock,
            store,
            settings: Mutex::new(settings),
            os_locale: os.locale,
            os_zone: os.zone,
            notices: Mutex::new(notices),
            opener: Box::new(open_url),
        }
    }

    pub fn settings(&self) -> Settings {
        self.settings.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Applies `change`, validates, writes to disk, and only then keeps it in memory: a failed write changes
    /// nothing.
    pub fn update(&self, change: impl FnOnce(&mut Settings)) -> Result<Settings, Error> {
        let mut guard = self.settings.lock().unwrap_or_else(|p| p.into_inner());
        let mut next = guard.clone();
        change(&mut next);
        self.store.save(&next)?;
        *guard = next.clone();
        Ok(next)
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    pub fn lang(&self) -> Lang {
        self.settings().language.unwrap_or_else(|| Lang::negotiate(self.os_locale.as_deref()))
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
    pub fn take_notices(&self) -> Vec<Notice> {
        std::mem::take(&mut *self.notices.lock().unwrap_or_else(|p| p.into_inner()))
    }

    /// Formats one message, logging a fallback to `en` so a missing translation is noticed.
    pub fn text(&self, lang: Lang, id: &str) -> String {
        let m = self.l10n.message(lang, id, None);
        if m.fell_back {
            eprintln!("gcm-workshop: message {id:?} is missing in {}", lang.code());
        }
        m.value
    }

    pub fn set_language(&self, code: &str) -> Result<Lang, Error> {
        let lang = Lang::parse(code).ok_or_else(|| Error::UnknownLanguage(code.to_owned()))?;
        self.update(|s| s.language = Some(lang))?;
        Ok(lang)
    }

    /// The official link of a resource, as held in the event data: the webview names only the id.
    pub fn resource_url(&self, id: &str) -> Result<String, Error> {
        let r = self.event.resource(id).ok_or_else(|| Error::UnknownResource(id.to_owned()))?;
        r.url.clone().ok_or_else(|| Error::NoOfficialLink(id.to_owned()))
    }
}

/// Opens a link we hold and have validated with the operating system's handler.
pub fn open_url(url: &str) -> Result<(), Error> {
    open::that_detached(url).map_err(|e| Error::OpenFailed { url: url.to_owned(), detail: e.to_string() })
}

/// One message the UI asks for: `rich` asks for the inline markup parsed into segments.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct L10nRequest {
    pub id: String,
    #[serde(default)]
    pub args: Option<serde_json::Map<String, serde_json::Value>>,
    #[serde(default)]
    pub rich: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct L10nResponse {
    pub value: String,
    pub attrs: std::collections::BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rich: Option<Vec<workshop_core::markup::Segment>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ShownNotice {
    pub id: String,
    pub message: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AppInfo {
    pub version: &'static str,
    pub lang: Lang,
    pub title: String,
    pub zone: String,
    pub zone_source: ZoneSource,
    pub theme: workshop_core::settings::Theme,
    pub text_scale: u32,
    pub notices: Vec<ShownNotice>,
}

impl AppState {
    pub fn localize(&self, requests: &[L10nRequest]) -> Vec<L10nResponse> {
        let lang = self.lang();
        requests
            .iter()
            .map(|r| {
                let args = r.args.as_ref().map(workshop_core::i18n::args_from_json);
                let m = self.l10n.message(lang, &r.id, args.as_ref());
                if m.fell_back {
                    eprintln!("gcm-workshop: message {:?} is missing in {}", r.id, lang.code());
                }
                let rich = r.rich.then(|| workshop_core::markup::parse(&m.value));
                L10nResponse { value: m.value, attrs: m.attrs, rich }
            })
            .collect()
    }

    pub fn app_info(&self) -> AppInfo {
        let lang = self.lang();
        let s = self.settings();
        let (tz, zone_source) = self.zone();
        let notices = self
            .take_notices()
            .into_iter()
            .map(|n| {
                let args = workshop_core::i18n::args_from_json(&n.args);
                let message = self.l10n.message(lang, &n.id, Some(&args)).value;
                ShownNotice { id: n.id, message }
            })
            .collect();
        AppInfo {
            version: env!("CARGO_PKG_VERSION"),
            lang,
            title: self.text(lang, "event-title"),
            zone: tz.name().to_owned(),
            zone_source,
            theme: s.theme,
            text_scale: s.text_scale,
            notices,
        }
    }

    pub fn overview(&self) -> workshop_core::views::Overview {
        workshop_core::views::overview(&self.event, self.lang(), self.zone().0, self.now())
    }

    pub fn agenda(&self) -> Vec<workshop_core::views::AgendaRow> {
        workshop_core::views::agenda(&self.event, self.lang(), self.zone().0, self.now())
    }

    pub fn resources(&self) -> Vec<workshop_core::views::ResourceCard> {
        workshop_core::views::resources(&self.event, self.lang())
    }

    /// Opens the official page of resource `id`. The URL comes from the event data, never from the caller.
    pub fn open_resource(&self, id: &str) -> Result<(), Error> {
        let url = self.resource_url(id)?;
        (self.opener)(&url)
    }

    /// Turns a shell error into what the UI receives, in the participant's language.
    pub fn ui<T>(&self, r: Result<T, Error>) -> Result<T, crate::error::UiError> {
        r.map_err(|e| {
            eprintln!("gcm-workshop: {e}");
            crate::error::UiError::new(&e, &self.l10n, self.lang())
        })
    }
}
