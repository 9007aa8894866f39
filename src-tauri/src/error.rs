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
    Meeting(workshop_core::meeting::LinkError),
    NoMeeting,
    Calendar(String),
    Cancelled,
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
            Error::Meeting(_) => "meeting-link",
            Error::NoMeeting => "no-meeting",
            Error::Calendar(_) => "calendar",
            Error::Cancelled => "cancelled",
        }
    }

    /// The message in the participant's language.
    pub fn localize(&self, l10n: &Localizer, lang: Lang) -> String {
        match self {
            Error::Meeting(e) => l10n.text(lang, &format!("meeting-error-{}", e.code())),
            Error::UnknownLanguage(v) | Error::UnknownZone(v) | Error::UnknownResource(v) | Error::NoOfficialLink(v) => {
                l10n.text_with(lang, &format!("error-{}", self.kind()), &[("value", v.clone().into())])
            }
            Error::OpenFailed { url, .. } => l10n.text_with(lang, "error-open-failed", &[("value", url.clone().into())]),
            Error::SettingsWrite { path, .. } => {
                l10n.text_with(lang, "error-settings-write", &[("value", path.clone().into())])
            }
            Error::NoMeeting | Error::Calendar(_) | Error::Cancelled => l10n.text(lang, &format!("error-{}", self.kind())),
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
            Error::Meeting(e) => write!(f, "{e}"),
            Error::NoMeeting => write!(f, "no meeting link is saved yet"),
            Error::Calendar(d) => write!(f, "could not save the calendar file: {d}"),
            Error::Cancelled => write!(f, "cancelled"),
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
    }

    #[test]
    fn display_is_lowercase() {
        assert_eq!(Error::UnknownZone("Mars/Base".into()).to_string(), "unknown time zone \"Mars/Base\"");
    }
}
