//! The shell's one error type, and its form for the UI: `{ kind, message }`, with the message localised.

use serde::ser::SerializeStruct;
use serde::Serialize;
use std::fmt;
use workshop_core::{Lang, Localizer};

#[derive(Debug)]
pub enum Error {
    UnknownLanguage(String),
    UnknownZone(String),
    /// A place name on the command line that names several zones (`--tz Kazakhstan`): the text, and the zones'
    /// ids.
    AmbiguousZone {
        query: String,
        candidates: Vec<String>,
    },
    UnknownResource(String),
    NoOfficialLink(String),
    OpenFailed {
        url: String,
        detail: String,
    },
    SettingsWrite {
        path: String,
        detail: String,
        cause: WriteCause,
    },
    /// The settings file could not be read in this run, so it is not written over and nothing can be saved.
    SettingsReadOnly {
        path: String,
    },
    Meeting(workshop_core::meeting::LinkError),
    NoMeeting,
    /// No meeting link can be used because the settings file, which may hold one, could not be read in this run.
    NoMeetingUnreadable {
        path: String,
    },
    /// An invitation file (or standard input) could not be read.
    InvitationUnreadable {
        source: String,
        detail: String,
    },
    /// The meeting in force lacks what was asked for (a passcode, a meeting ID for the browser client).
    NoMeetingDetail,
    Clipboard(String),
    Calendar(String),
    Cancelled,
    /// An agenda item id the event does not have.
    UnknownItem(String),
    /// A reminder lead time other than 5, 10, 15 or 30 minutes.
    ReminderMinutes(u32),
    /// A colour scheme other than system, light or dark.
    UnknownTheme(String),
    /// A text size the app does not offer: outside 80–200 %, or between its steps of 10.
    TextScale(i64),
    /// An event pack or a key that cannot be opened, installed or trusted (`workshop_core::pack`).
    Pack(workshop_core::pack::PackError),
    /// An installed pack or a trusted key could not be written.
    PackWrite {
        path: String,
        detail: String,
    },
    /// `--event` names no installed event.
    UnknownEvent(String),
    /// `--now` (or `GCM_WORKSHOP_NOW`) is not an RFC 3339 date and time: the value as given.
    InvalidNow(String),
    /// The command line does not parse: an unknown subcommand or option, a missing value, an argument that is not
    /// UTF-8 (clap says which, in English).
    Usage,
}

/// Why a file could not be written, as far as a participant can act on it: `reason` in `notice-settings-unsaved`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteCause {
    /// No space left on the disk (or over quota).
    Full,
    /// A read-only disk or folder, or no permission to write there.
    ReadOnly,
    /// Anything else; the OS's words are in the detail.
    Other,
}

impl WriteCause {
    pub fn of(e: &std::io::Error) -> WriteCause {
        use std::io::ErrorKind::*;
        match e.kind() {
            StorageFull | QuotaExceeded => WriteCause::Full,
            ReadOnlyFilesystem | PermissionDenied => WriteCause::ReadOnly,
            _ => WriteCause::Other,
        }
    }

    /// `full`, `read-only` or `other`: the Fluent selector.
    pub fn code(self) -> &'static str {
        match self {
            WriteCause::Full => "full",
            WriteCause::ReadOnly => "read-only",
            WriteCause::Other => "other",
        }
    }
}

impl Error {
    /// A stable kebab-case kind, also the suffix of the Fluent message `error-<kind>`.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::UnknownLanguage(_) => "unknown-language",
            Error::UnknownZone(_) => "unknown-zone",
            Error::AmbiguousZone { .. } => "ambiguous-zone",
            Error::InvalidNow(_) => "invalid-now",
            Error::UnknownResource(_) => "unknown-resource",
            Error::NoOfficialLink(_) => "no-official-link",
            Error::OpenFailed { .. } => "open-failed",
            Error::SettingsWrite { .. } => "settings-write",
            Error::SettingsReadOnly { .. } => "settings-read-only",
            Error::Meeting(_) => "meeting-link",
            Error::NoMeeting => "no-meeting",
            Error::NoMeetingUnreadable { .. } => "no-meeting-unreadable",
            Error::InvitationUnreadable { .. } => "invitation-unreadable",
            Error::NoMeetingDetail => "no-meeting-detail",
            Error::Clipboard(_) => "clipboard",
            Error::Calendar(_) => "calendar",
            Error::Cancelled => "cancelled",
            Error::UnknownItem(_) => "unknown-item",
            Error::ReminderMinutes(_) => "reminder-minutes",
            Error::UnknownTheme(_) => "unknown-theme",
            Error::TextScale(_) => "text-scale",
            Error::Pack(_) => "pack",
            Error::PackWrite { .. } => "pack-write",
            Error::UnknownEvent(_) => "unknown-event",
            Error::Usage => "usage",
        }
    }

    /// The message in the participant's language.
    pub fn localize(&self, l10n: &Localizer, lang: Lang) -> String {
        match self {
            Error::Meeting(e) => e.localize(l10n, lang),
            Error::Pack(e) => e.localize(l10n, lang),
            Error::UnknownEvent(v) => l10n.text_with(lang, "error-unknown-event", &[("value", v.clone().into())]),
            Error::InvalidNow(v) => l10n.text_with(lang, "error-invalid-now", &[("value", v.clone().into())]),
            Error::AmbiguousZone { query, candidates } => l10n.text_with(
                lang,
                "error-ambiguous-zone",
                &[("value", query.clone().into()), ("zones", candidates.join(", ").into())],
            ),
            Error::PackWrite { path, .. } => {
                l10n.text_with(lang, "error-pack-write", &[("value", path.clone().into())])
            }
            Error::UnknownLanguage(v)
            | Error::UnknownZone(v)
            | Error::UnknownResource(v)
            | Error::NoOfficialLink(v) => {
                l10n.text_with(lang, &format!("error-{}", self.kind()), &[("value", v.clone().into())])
            }
            Error::OpenFailed { url, .. } => {
                l10n.text_with(lang, "error-open-failed", &[("value", url.clone().into())])
            }
            Error::SettingsWrite { path, .. }
            | Error::SettingsReadOnly { path }
            | Error::NoMeetingUnreadable { path }
            | Error::InvitationUnreadable { source: path, .. } => {
                l10n.text_with(lang, &format!("error-{}", self.kind()), &[("value", path.clone().into())])
            }
            Error::NoMeeting | Error::Calendar(_) | Error::Cancelled | Error::Usage => {
                l10n.text(lang, &format!("error-{}", self.kind()))
            }
            Error::UnknownItem(v) => l10n.text_with(lang, "error-unknown-item", &[("value", v.clone().into())]),
            Error::ReminderMinutes(m) => l10n.text_with(lang, "error-reminder-minutes", &[("value", (*m).into())]),
            Error::UnknownTheme(v) => l10n.text_with(lang, "error-unknown-theme", &[("value", v.clone().into())]),
            Error::TextScale(p) => {
                let limits = workshop_core::settings::TEXT_SCALE_LIMITS;
                let args = [
                    ("value", (*p as f64).into()),
                    ("min", limits.min.into()),
                    ("max", limits.max.into()),
                    ("step", limits.step.into()),
                ];
                l10n.text_with(lang, "error-text-scale", &args)
            }
            Error::NoMeetingDetail | Error::Clipboard(_) => l10n.text(lang, &format!("error-{}", self.kind())),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidNow(v) => {
                write!(f, "invalid time {v:?}; expected RFC 3339, e.g. 2023-12-05T10:41:00+04:00")
            }
            Error::UnknownLanguage(v) => write!(f, "unknown language {v:?}, expected en or ru"),
            Error::UnknownZone(v) => write!(f, "unknown time zone {v:?}"),
            Error::AmbiguousZone { query, candidates } => {
                write!(f, "{query:?} names more than one time zone: {}", candidates.join(", "))
            }
            Error::UnknownResource(v) => write!(f, "unknown resource {v:?}"),
            Error::NoOfficialLink(v) => write!(f, "resource {v:?} has no confirmed official link"),
            Error::OpenFailed { url, detail } => write!(f, "could not open {url}: {detail}"),
            Error::SettingsWrite { path, detail, .. } => write!(f, "could not save settings to {path}: {detail}"),
            Error::SettingsReadOnly { path } => {
                write!(
                    f,
                    "nothing was saved: the settings file {path} could not be read in this run and is left as it is"
                )
            }
            Error::Meeting(e) => write!(f, "{e}"),
            Error::NoMeeting => write!(f, "no meeting link is saved yet"),
            Error::NoMeetingUnreadable { path } => {
                write!(f, "no meeting link can be used: the settings file {path} could not be read in this run")
            }
            Error::InvitationUnreadable { source, detail } => {
                write!(f, "cannot read the invitation from {source}: {detail}")
            }
            Error::NoMeetingDetail => write!(f, "the meeting link in force does not give this detail"),
            Error::Clipboard(d) => write!(f, "could not copy to the clipboard: {d}"),
            Error::Calendar(d) => write!(f, "could not save the calendar file: {d}"),
            Error::Cancelled => write!(f, "cancelled"),
            Error::UnknownItem(v) => write!(f, "unknown agenda item {v:?}"),
            Error::ReminderMinutes(m) => write!(f, "reminder time {m} is not one of 5, 10, 15 or 30 minutes"),
            Error::UnknownTheme(v) => write!(f, "unknown colour scheme {v:?}, expected system, light or dark"),
            Error::Pack(e) => write!(f, "{e}"),
            Error::PackWrite { path, detail } => write!(f, "could not write {path}: {detail}"),
            Error::UnknownEvent(v) => write!(f, "no installed event has the id {v:?}"),
            Error::Usage => write!(f, "the command line was not understood; see gcm-workshop --help"),
            Error::TextScale(p) => {
                let limits = workshop_core::settings::TEXT_SCALE_LIMITS;
                write!(f, "text size {p}% is not one of {}–{}% in steps of {}%", limits.min, limits.max, limits.step)
            }
        }
    }
}

impl std::error::Error for Error {}

/// What a command's caller in the webview receives on failure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UiError {
    pub kind: &'static str,
    pub message: String,
}

impl UiError {
    pub fn new(err: &Error, l10n: &Localizer, lang: Lang) -> UiError {
        UiError { kind: err.kind(), message: err.localize(l10n, lang) }
    }
}

impl Serialize for UiError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("UiError", 2)?;
        st.serialize_field("kind", self.kind)?;
        st.serialize_field("message", &self.message)?;
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(err: Error, lang: Lang, expect: &str) {
        let l10n = Localizer::embedded();
        assert_eq!(serde_json::to_string(&UiError::new(&err, &l10n, lang)).unwrap(), expect);
    }

    #[test]
    fn ui_error_json() {
        check(
            Error::UnknownResource("nope".into()),
            Lang::En,
            r#"{"kind":"unknown-resource","message":"There is no resource called “nope” in this app."}"#,
        );
        check(
            Error::UnknownResource("nope".into()),
            Lang::Ru,
            r#"{"kind":"unknown-resource","message":"В приложении нет материала «nope»."}"#,
        );
        check(
            Error::NoMeeting,
            Lang::En,
            r#"{"kind":"no-meeting","message":"No meeting link is saved yet. Paste your Zoom invitation first."}"#,
        );
        check(
            Error::SettingsReadOnly { path: "/c/settings.json".into() },
            Lang::En,
            r#"{"kind":"settings-read-only","message":"Nothing was saved: your settings file /c/settings.json could not be read, and the app does not write over a file it could not read. Fix the file or its permissions, then try again."}"#,
        );
        check(
            Error::SettingsReadOnly { path: "/c/settings.json".into() },
            Lang::Ru,
            r#"{"kind":"settings-read-only","message":"Ничего не сохранено: не удалось прочитать файл настроек /c/settings.json, а такой файл приложение не перезаписывает. Исправьте файл или права доступа к нему и повторите попытку."}"#,
        );
    }

    /// One sample of every variant. The `match` has no wildcard: a new variant does not compile until it is
    /// listed here, so `every_variant_has_words` covers it.
    fn samples() -> Vec<Error> {
        let all = vec![
            Error::UnknownLanguage("fr".into()),
            Error::UnknownZone("Mars/Base".into()),
            Error::AmbiguousZone {
                query: "Kazakhstan".into(),
                candidates: vec!["Asia/Almaty".into(), "Asia/Oral".into()],
            },
            Error::UnknownResource("nope".into()),
            Error::NoOfficialLink("imrf-progress-declaration".into()),
            Error::OpenFailed { url: "https://zoom.us/j/123456789".into(), detail: "no handler".into() },
            Error::SettingsWrite {
                path: "/c/settings.json".into(),
                detail: "No space left on device (os error 28)".into(),
                cause: WriteCause::Full,
            },
            Error::SettingsReadOnly { path: "/c/settings.json".into() },
            Error::Meeting(workshop_core::meeting::LinkError::NoLink),
            Error::NoMeeting,
            Error::NoMeetingUnreadable { path: "/c/settings.json".into() },
            Error::InvitationUnreadable { source: "invitation.txt".into(), detail: "permission denied".into() },
            Error::NoMeetingDetail,
            Error::Clipboard("no display".into()),
            Error::Calendar("read-only folder".into()),
            Error::Cancelled,
            Error::UnknownItem("session-9".into()),
            Error::ReminderMinutes(7),
            Error::UnknownTheme("purple".into()),
            Error::TextScale(125),
            Error::Pack(workshop_core::pack::PackError::Unsigned),
            Error::PackWrite { path: "/d/packs/x.gcmpack".into(), detail: "disk full".into() },
            Error::UnknownEvent("rtcm-2030".into()),
            Error::InvalidNow("2023-12-05".into()),
            Error::Usage,
        ];
        for e in &all {
            match e {
                Error::UnknownLanguage(_)
                | Error::UnknownZone(_)
                | Error::AmbiguousZone { .. }
                | Error::UnknownResource(_)
                | Error::NoOfficialLink(_)
                | Error::OpenFailed { .. }
                | Error::SettingsWrite { .. }
                | Error::SettingsReadOnly { .. }
                | Error::Meeting(_)
                | Error::NoMeeting
                | Error::NoMeetingUnreadable { .. }
                | Error::InvitationUnreadable { .. }
                | Error::NoMeetingDetail
                | Error::Clipboard(_)
                | Error::Calendar(_)
                | Error::Cancelled
                | Error::UnknownItem(_)
                | Error::ReminderMinutes(_)
                | Error::UnknownTheme(_)
                | Error::TextScale(_)
                | Error::Pack(_)
                | Error::PackWrite { .. }
                | Error::UnknownEvent(_)
                | Error::InvalidNow(_)
                | Error::Usage => {}
            }
        }
        all
    }

    /// Every variant: `Display` starts lowercase and has no trailing period (it goes to the log and the command
    /// line), and its message exists in en and ru (never a raw id or an empty text).
    #[test]
    fn every_variant_has_words() {
        let l10n = Localizer::embedded();
        let samples = samples();
        let mut kinds: Vec<&str> = samples.iter().map(Error::kind).collect();
        kinds.sort_unstable();
        kinds.dedup();
        assert_eq!(kinds.len(), samples.len(), "one sample per variant, each with its own kind");
        for e in &samples {
            let text = e.to_string();
            assert!(text.starts_with(|c: char| !c.is_uppercase()), "{:?}: {text:?} starts lowercase", e.kind());
            assert!(!text.ends_with('.'), "{:?}: {text:?} has no trailing period", e.kind());
            let id = match e {
                Error::Meeting(m) => format!("meeting-error-{}", m.code()),
                Error::Pack(p) => format!("pack-error-{}", p.code()),
                _ => format!("error-{}", e.kind()),
            };
            for lang in Lang::ALL {
                assert!(l10n.has(lang, &id), "{id} in {lang:?}");
                let message = e.localize(&l10n, lang);
                assert!(!message.trim().is_empty() && !message.contains(&id), "{id} in {lang:?}: {message:?}");
            }
        }
    }

    #[test]
    #[rustfmt::skip]
    fn display_is_lowercase() {
        assert_eq!(Error::UnknownZone("Mars/Base".into()).to_string(), "unknown time zone \"Mars/Base\"");
        assert_eq!(
            Error::SettingsReadOnly { path: "/c/settings.json".into() }.to_string(),
            "nothing was saved: the settings file /c/settings.json could not be read in this run and is left as it is"
        );
        assert_eq!(Error::TextScale(125).to_string(), "text size 125% is not one of 80–200% in steps of 10%");
        check(Error::TextScale(125), Lang::En, r#"{"kind":"text-scale","message":"Text size can be from 80% to 200% in steps of 10%, not 125%."}"#);
        check(Error::TextScale(125), Lang::Ru, r#"{"kind":"text-scale","message":"Размер текста может быть от 80 до 200 % с шагом 10 %, но не 125 %."}"#);
    }
}
