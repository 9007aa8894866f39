//! What the views show: the app's title, language, zone, appearance and text sizes (`app_info`), the overview,
//! the concept note's paragraphs (`concept`), the agenda (`{same_offset, rows}`), the resource cards, the GCM's
//! ids (`gcm`), and opening a resource's official page by its id (through `OpenTarget::resource`). The state's
//! operations first, the webview's commands at the end.

use crate::error::{Error, UiError};
use crate::opener::OpenTarget;
use crate::state::{AppState, ZoneSource};
use serde::Serialize;
use tauri::State;
use workshop_core::settings::{TextScaleLimits, TEXT_SCALE_LIMITS};
use workshop_core::views::{Agenda, Concept, Gcm, Overview, ResourceCard};
use workshop_core::Lang;

/// A one-time notice in the participant's language, and in every language the window offers, so that a notice
/// still open follows a change of language.
#[derive(Debug, Clone, Serialize)]
pub struct ShownNotice {
    pub id: String,
    pub message: String,
    /// Language code (`en`, `ru`) → the notice in that language.
    pub messages: std::collections::BTreeMap<&'static str, String>,
}

/// What the whole window needs: version, language, title, zone, appearance, the text sizes offered, notices.
#[derive(Debug, Clone, Serialize)]
pub struct AppInfo {
    pub version: &'static str,
    pub lang: Lang,
    pub title: String,
    pub zone: String,
    pub zone_source: ZoneSource,
    pub theme: workshop_core::settings::Theme,
    pub text_scale: u32,
    /// The sizes `set_text_scale` takes: `{"min": 80, "max": 200, "step": 10, "normal": 100}`, in percent.
    pub text_scale_limits: TextScaleLimits,
    /// `text_scale` is large enough for the one-column layout.
    pub large_text: bool,
    pub notices: Vec<ShownNotice>,
}

impl AppState {
    /// The window's state now; hands out the pending notices (each once), logging their details.
    pub fn app_info(&self) -> AppInfo {
        let lang = self.lang();
        let s = self.settings();
        let (tz, zone_source) = self.zone();
        let notices = self.shown_notices();
        AppInfo {
            version: env!("CARGO_PKG_VERSION"),
            lang,
            title: self.text(lang, "event-title"),
            zone: tz.name().to_owned(),
            zone_source,
            theme: s.theme,
            text_scale: s.text_scale,
            text_scale_limits: TEXT_SCALE_LIMITS,
            large_text: TEXT_SCALE_LIMITS.is_large(s.text_scale),
            notices,
        }
    }

    /// Hands out the pending notices (each once) in the participant's language and in each language, logging
    /// their details on standard error.
    pub fn shown_notices(&self) -> Vec<ShownNotice> {
        let lang = self.lang();
        self.take_notices()
            .into_iter()
            .map(|n| {
                eprintln!("gcm-workshop: {}", n.detail);
                let message = self.notice_text(lang, &n);
                let messages = Lang::ALL.iter().map(|&l| (l.code(), self.notice_text(l, &n))).collect();
                ShownNotice { id: n.id, message, messages }
            })
            .collect()
    }

    pub fn overview(&self) -> Overview {
        workshop_core::views::overview(&self.event(), &self.l10n(), self.lang(), self.zone().0, self.now())
    }

    /// `{"paragraphs": [1, …]}`: as many as the event pack has, in the participant's language.
    pub fn concept(&self) -> Concept {
        workshop_core::views::concept(&self.l10n(), self.lang())
    }

    /// `{"same_offset": bool, "rows": [...]}` in the participant's language and zone.
    pub fn agenda(&self) -> Agenda {
        workshop_core::views::agenda(&self.event(), self.lang(), self.zone().0, self.now())
    }

    pub fn resources(&self) -> Vec<ResourceCard> {
        workshop_core::views::resources(&self.event(), self.lang())
    }

    /// Opens the official page of resource `id`. The URL comes from the event data, never from the caller.
    pub fn open_resource(&self, id: &str) -> Result<(), Error> {
        self.open(&OpenTarget::resource(&self.event(), id, self.lang())?)
    }
}

#[tauri::command]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    state.app_info()
}

/// Everything the first view (the overview) needs, in one round trip at start-up: each field is what its own
/// command returns (`app_info`, `overview`, `live`, `agenda`, `meeting`), taken at the same moment.
#[derive(Debug, Clone, Serialize)]
pub struct FirstView {
    pub info: AppInfo,
    pub overview: Overview,
    pub live: workshop_core::wording::Live,
    pub agenda: Agenda,
    pub meeting: crate::meeting::MeetingPanel,
}

/// The first view's data in one answer (`FirstView`): start-up asks once instead of five times, each round trip
/// waiting behind the window's first frames.
#[tauri::command]
pub fn first_view(state: State<'_, AppState>) -> FirstView {
    FirstView {
        info: state.app_info(),
        overview: state.overview(),
        live: state.live(),
        agenda: state.agenda(),
        meeting: state.meeting_panel(),
    }
}

/// The names of the time-zone list's two groups in the participant's language: the Almaty Process countries'
/// zones, then all the others (Fluent `time-zone-region`, `time-zone-all`).
#[derive(Debug, Clone, Serialize)]
pub struct ZoneGroups {
    pub region: String,
    pub all: String,
}

/// Everything the Settings view needs, in one round trip, taken at the same moment: `zones` and `meeting` as
/// those commands return them (`zones` without a query), the reminders as `set_reminders` answers, the trusted
/// keys as `trust_key` answers, and the zone list's group names.
#[derive(Debug, Clone, Serialize)]
pub struct SettingsView {
    pub zones: crate::timezone::Zones,
    pub zone_groups: ZoneGroups,
    pub reminders: crate::reminders::ReminderSettings,
    pub meeting: crate::meeting::MeetingPanel,
    pub trusted_keys: Vec<crate::packs::KeyView>,
}

/// The Settings view's data in one answer (`SettingsView`): the view asks once instead of six times, each round
/// trip waiting its turn on the window's main thread.
#[tauri::command]
pub fn settings_view(state: State<'_, AppState>) -> SettingsView {
    let lang = state.lang();
    SettingsView {
        zones: state.zones(None),
        zone_groups: ZoneGroups {
            region: state.text(lang, "time-zone-region"),
            all: state.text(lang, "time-zone-all"),
        },
        reminders: state.reminder_settings(),
        meeting: state.meeting_panel(),
        trusted_keys: state.trusted_key_views(),
    }
}

/// The notices that arose since the last `app_info` or `notices` (a settings write that failed), each once:
/// `[{id, message, messages: {en, ru}}]`, empty when there are none.
#[tauri::command]
pub fn notices(state: State<'_, AppState>) -> Vec<ShownNotice> {
    state.shown_notices()
}

#[tauri::command]
pub fn overview(state: State<'_, AppState>) -> Overview {
    state.overview()
}

#[tauri::command]
pub fn concept(state: State<'_, AppState>) -> Concept {
    state.concept()
}

#[tauri::command]
pub fn agenda(state: State<'_, AppState>) -> Agenda {
    state.agenda()
}

#[tauri::command]
pub fn resources(state: State<'_, AppState>) -> Vec<ResourceCard> {
    state.resources()
}

#[tauri::command]
pub fn open_resource(state: State<'_, AppState>, id: String) -> Result<(), UiError> {
    state.ui(state.open_resource(&id))
}

/// The GCM's objectives and guiding principles as ids in display order:
/// `{"objectives": [1, …, 23], "principles": ["people-centred", …]}`; the texts are Fluent messages.
#[tauri::command]
pub fn gcm() -> Gcm {
    workshop_core::views::gcm()
}
