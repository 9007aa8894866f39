//! What the app may open with the operating system, as a type only trusted sources can build — our equivalent of
//! the Tauri opener plugin's scope check.
//!
//! Architecture Invariant: the opener (`AppState`'s, the OS handler or a test's recorder) takes only an
//! [`OpenTarget`], and an `OpenTarget` is built only here: from the event data's resource link (https, checked
//! when the event was parsed) or from a meeting link the core validated (`meeting::validate_link`, and
//! `MeetingLink::browser_url` for Zoom's web client). There is no way from a `String` to the opener, so a URL the
//! webview sends can never be opened.

use crate::error::Error;
use workshop_core::meeting::{validate_link, MeetingLink};
use workshop_core::{Event, Lang};

/// A link the app may open: an `https` URL from a trusted source. Its only constructors are the functions below.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenTarget(String);

impl OpenTarget {
    /// The official page of the event's resource `id`, as the event data holds it (https, no user or port).
    ///
    /// The link for a reader of `lang`: the official text in that language where the event gives one.
    ///
    /// Errors: `UnknownResource` when the event has no resource `id`; `NoOfficialLink` when it has no confirmed
    /// link.
    pub fn resource(event: &Event, id: &str, lang: Lang) -> Result<OpenTarget, Error> {
        let r = event.resource(id).ok_or_else(|| Error::UnknownResource(id.to_owned()))?;
        r.url_in(lang).map(|u| OpenTarget(u.to_owned())).ok_or_else(|| Error::NoOfficialLink(id.to_owned()))
    }

    /// The meeting's own link, verbatim. `MeetingLink`'s fields are public, so the link is put through the core's
    /// check (`validate_link`) once more here, at the scope's edge: a value built by hand cannot slip through.
    ///
    /// Errors: `Meeting` with the core's reason when the link is not a Zoom join link.
    pub fn meeting(link: &MeetingLink) -> Result<OpenTarget, Error> {
        validate_link(&link.url).map(|checked| OpenTarget(checked.url)).map_err(Error::Meeting)
    }

    /// Zoom's web client for the meeting, as `MeetingLink::browser_url` builds it (the one check of that link).
    ///
    /// Errors: `NoMeetingDetail` when the link has no meeting ID (a personal link) or a part fails that check.
    pub fn meeting_browser(link: &MeetingLink) -> Result<OpenTarget, Error> {
        link.browser_url().map(OpenTarget).ok_or(Error::NoMeetingDetail)
    }

    /// The URL, to show or print (never to build another target from).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for OpenTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Opens a target: the OS handler in the app, a recorder in tests.
pub type Opener = Box<dyn Fn(&OpenTarget) -> Result<(), Error> + Send + Sync>;

/// Opens `target` with the operating system's handler, without waiting for it to exit.
///
/// Errors: `OpenFailed` with the URL and the OS's reason.
pub fn open_with_os(target: &OpenTarget) -> Result<(), Error> {
    open::that_detached(target.as_str())
        .map_err(|e| Error::OpenFailed { url: target.as_str().to_owned(), detail: e.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A target by kind (`resource <id>`, `meeting <url>`, `browser <url>`) → `ok <url>` or `err <kind>`.
    #[track_caller]
    fn check(what: &str, expect: &str) {
        let event = Event::embedded();
        let link = |url: &str| MeetingLink {
            url: url.to_owned(),
            host: "zoom.us".into(),
            kind: workshop_core::meeting::LinkKind::Meeting,
            meeting_id: Some("123456789".into()),
            passcode: None,
            pwd: None,
        };
        let got = match what.split_once(' ').unwrap() {
            ("resource", id) => OpenTarget::resource(&event, id, Lang::En),
            ("resource-ru", id) => OpenTarget::resource(&event, id, Lang::Ru),
            ("meeting", url) => OpenTarget::meeting(&link(url)),
            ("browser", host) => OpenTarget::meeting_browser(&MeetingLink { host: host.into(), ..link("") }),
            _ => unreachable!("{what}"),
        };
        let got = match got {
            Ok(t) => format!("ok {t}"),
            Err(e) => format!("err {}", e.kind()),
        };
        assert_eq!(got, expect, "{what}");
    }

    #[test]
    #[rustfmt::skip]
    fn only_trusted_sources_build_a_target() {
        check("resource gcm", "ok https://undocs.org/A/RES/73/195");
        check("resource-ru gcm", "ok https://undocs.org/ru/A/RES/73/195");
        check("resource-ru sdg-declaration", "ok https://undocs.org/ru/A/RES/78/1");
        check("resource-ru pledges", "ok https://migrationnetwork.un.org/submit-pledges");
        check("resource https://evil.example/", "err unknown-resource");
        check("resource imrf-progress-declaration", "err no-official-link");
        check("meeting https://zoom.us/j/123456789", "ok https://zoom.us/j/123456789");
        // A hand-built link (the fields are public) is checked again: the host it claims does not matter.
        check("meeting https://evil.example/j/123456789", "err meeting-link");
        check("meeting javascript:alert(1)", "err meeting-link");
        check("browser zoom.us", "ok https://app.zoom.us/wc/123456789/join");
        check("browser agency.zoomgov.com", "ok https://app.zoomgov.com/wc/123456789/join");
        check("browser evil.example", "err no-meeting-detail");
    }
}
