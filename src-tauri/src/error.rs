//! The shell's one error type, and its form for the UI: `{ kind, message }`, with the message localised.

use serde::ser::SerializeStruct;
use serde::Serialize;
use std::fmt;
use workshop_core::{Lang, Localizer};

#[derive(Debug)]
pub enum Error {
    UnknownLanguage(String),
    UnknownZone(String),
    UnknownResource(String),
    NoOfficialLink(String),
    OpenFailed { url: String, detail: String },
    SettingsWrite { path: String, detail: String },
    /// The settings file could not be read in this run, so it is not written over and nothing can be saved.
    SettingsReadOnly { path: String },
    Meeting(workshop_core::meeting::LinkError),
    NoMeeting,
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
    /// A text size outside 80–200 %.
    TextScale(i64),
}

impl Error {
    /// A stable kebab-case kind, also the suffix of the Fluent message `error-<kind>`.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::UnknownLanguage(_) => "unknown-language",
            Error::UnknownZone(_) => "unknown-zone",
            Error::UnknownResource(_) => "unknown-resource",
            Error::NoOfficialLink(_) => "no-official-link",
            Error::OpenFailed { .. } => "open-failed",
            Error::SettingsWrite { .. } => "settings-write",
            Error::SettingsReadOnly { .. } => "settings-read-only",
            Error::Meeting(_) => "meeting-link",
            Error::NoMeeting => "no-meeting",
            Error::NoMeetingDetail => "no-meeting-detail",
            Error::Clipboard(_) => "clipboard",
            Error::Calendar(_) => "calendar",
            Error::Cancelled => "cancelled",
            Error::UnknownItem(_) => "unknown-item",
            Error::ReminderMinutes(_) => "reminder-minutes",
            Error::UnknownTheme(_) => "unknown-theme",
            Error::TextScale(_) => "text-scale",
        }
    }

    /// The message in the participant's language.
    pub fn localize(&self, l10n: &Localizer, lang: Lang) -> String {
        match self {
            Error::Meeting(e) => e.localize(l10n, lang),
            Error::UnknownLanguage(v) | Error::UnknownZone(v) | Error::UnknownResource(v) | Error::NoOfficialLink(v) => {
                l10n.text_with(lang, &format!("error-{}", self.kind()), &[("value", v.clone().into())])
            }
            Error::OpenFailed { url, .. } => l10n.text_with(lang, "error-open-failed", &[("value", url.clone().into())]),
            Error::SettingsWrite { path, .. } | Error::SettingsReadOnly { path } => {
                l10n.text_with(lang, &format!("error-{}", self.kind()), &[("value", path.clone().into())])
            }
            Error::NoMeeting | Error::Calendar(_) | Error::Cancelled => l10n.text(lang, &format!("error-{}", self.kind())),
            Error::UnknownItem(v) => l10n.text_with(lang, "error-unknown-item", &[("value", v.clone().into())]),
            Error::ReminderMinutes(m) => l10n.text_with(lang, "error-reminder-minutes", &[("value", (*m).into())]),
            Error::UnknownTheme(v) => l10n.text_with(lang, "error-unknown-theme", &[("value", v.clone().into())]),
            Error::TextScale(p) => l10n.text_with(lang, "error-text-scale", &[("value", (*p as f64).into())]),
            Error::NoMeetingDetail | Error::Clipboard(_) => l10n.text(lang, &format!("error-{}", self.kind())),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::UnknownLanguage(v) => write!(f, "unknown language {v:?}, expected en or ru"),
            Error::UnknownZone(v) => write!(f, "unknown time zone {v:?}"),
            Error::UnknownResource(v) => write!(f, "unknown resource {v:?}"),
            Error::NoOfficialLink(v) => write!(f, "resource {v:?} has no confirmed official link"),
            Error::OpenFailed { url, detail } => write!(f, "could not open {url}: {detail}"),
            Error::SettingsWrite { path, detail } => write!(f, "could not save settings to {path}: {detail}"),
            Error::SettingsReadOnly { path } => {
                write!(f, "nothing was saved: the settings file {path} could not be read in this run and is left as it is")
            }
            Error::Meeting(e) => write!(f, "{e}"),
            Error::NoMeeting => write!(f, "no meeting link is saved yet"),
            Error::NoMeetingDetail => write!(f, "the meeting link in force does not give this detail"),
            Error::Clipboard(d) => write!(f, "could not copy to the clipboard: {d}"),
            Error::Calendar(d) => write!(f, "could not save the calendar file: {d}"),
            Error::Cancelled => write!(f, "cancelled"),
            Error::UnknownItem(v) => write!(f, "unknown agenda item {v:?}"),
            Error::ReminderMinutes(m) => write!(f, "reminder time {m} is not one of 5, 10, 15 or 30 minutes"),
            Error::UnknownTheme(v) => write!(f, "unknown colour scheme {v:?}, expected system, light or dark"),
            Error::TextScale(p) => write!(f, "text size {p}% is outside 80–200%"),
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
        check(Error::UnknownResource("nope".into()), Lang::En, r#"{"kind":"unknown-resource","message":"There is no resource called “nope” in this app."}"#);
        check(Error::UnknownResource("nope".into()), Lang::Ru, r#"{"kind":"unknown-resource","message":"В приложении нет материала «nope»."}"#);
        check(Error::NoMeeting, Lang::En, r#"{"kind":"no-meeting","message":"No meeting link is saved yet. Paste your Zoom invitation first."}"#);
        check(Error::SettingsReadOnly { path: "/c/settings.json".into() }, Lang::En, r#"{"kind":"settings-read-only","message":"Nothing was saved: your settings file /c/settings.json could not be read, and the app does not write over a file it could not read. Fix the file or its permissions, then try again."}"#);
        check(Error::SettingsReadOnly { path: "/c/settings.json".into() }, Lang::Ru, r#"{"kind":"settings-read-only","message":"Ничего не сохранено: не удалось прочитать файл настроек /c/settings.json, а такой файл приложение не перезаписывает. Исправьте файл или права доступа к нему и повторите попытку."}"#);
    }

    #[test]
    fn display_is_lowercase() {
        assert_eq!(Error::UnknownZone("Mars/Base".into()).to_string(), "unknown time zone \"Mars/Base\"");
        assert_eq!(
            Error::SettingsReadOnly { path: "/c/settings.json".into() }.to_string(),
            "nothing was saved: the settings file /c/settings.json could not be read in this run and is left as it is"
        );
    }
}
