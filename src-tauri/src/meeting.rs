//! Joining the Zoom meeting: which link is in force, checking and saving a pasted invitation, opening the
//! meeting, copying its details. Shared by the window's commands (at the end of this file) and `gcm-workshop
//! join`.
//!
//! Architecture Invariant: the webview only names an action ("join", "copy the passcode"). What is opened or
//! copied always comes from a link Rust holds and has validated: the participant's saved link
//! (`settings.meeting`), else the organisers' (`meeting` in the event data). No command takes a URL.
//!
//! Architecture Invariant: a pasted text changes the settings only through `meeting_save`, and only when the
//! core parser accepts it; a refused text leaves the saved link and passcode as they were.

use crate::error::{Error, UiError};
use crate::opener::OpenTarget;
use crate::state::AppState;
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Runtime, State};
use workshop_core::meeting::{parse_invitation, validate_link, LinkKind, MeetingLink};
use workshop_core::schedule;
use workshop_core::views::MeetingStatus;
use workshop_core::Lang;

/// Where the link in force comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// Saved by the participant from their invitation.
    Saved,
    /// Shipped by the organisers in the event data.
    Event,
}

/// A link as the webview shows it. Shown only: the webview never sends it back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LinkView {
    pub url: String,
    pub host: String,
    pub kind: LinkKind,
    /// Grouped as Zoom prints it: `850 1234 5678`.
    pub meeting_id: Option<String>,
    pub passcode: Option<String>,
    /// A `/my/` link: Zoom's interpretation does not work there.
    pub personal: bool,
    /// Whether "Join from the browser" can be offered (it needs a meeting ID).
    pub browser: bool,
}

impl LinkView {
    pub fn new(link: &MeetingLink) -> LinkView {
        LinkView {
            url: link.url.clone(),
            host: link.host.clone(),
            kind: link.kind,
            meeting_id: link.meeting_id_display(),
            passcode: link.passcode.clone(),
            personal: link.is_personal(),
            browser: link.browser_url().is_some(),
        }
    }
}

/// Everything the join panel shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MeetingPanel {
    /// The link in force; `None` until the participant pastes an invitation (and no link was shipped).
    pub link: Option<LinkView>,
    pub source: Option<Source>,
    /// The organisers shipped a link: removing the participant's own falls back to it.
    pub event_link: bool,
    /// `stage` and `prominent`, the core's rule (`MeetingStatus`), the same as `live` sends as `meeting`.
    #[serde(flatten)]
    pub status: MeetingStatus,
    /// The event is interpreted into Russian: show how to listen.
    pub interpretation: bool,
    /// Show that guide open beside the button (Russian UI) rather than one click away.
    pub guide_open: bool,
}

/// What `copy_meeting` may copy: `"id"`, `"passcode"` or `"link"`. Any other value is refused when the command's
/// arguments are read, before any code runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CopyWhat {
    Id,
    Passcode,
    Link,
}

impl AppState {
    /// The organisers' link with its passcode, parsed and validated when the event was (`Event::meeting`).
    /// The organisers' link for today in the event's zone (a multi-day event may have one per day).
    pub fn event_meeting(&self) -> Option<MeetingLink> {
        let event = self.event();
        event.meeting_on(self.now().with_timezone(&event.tz).date_naive()).cloned()
    }

    /// The participant's saved link with its passcode. Settings are validated when loaded, so this re-check
    /// only guards against a future change of the rules.
    pub fn saved_meeting(&self) -> Option<MeetingLink> {
        let s = self.event_settings();
        let mut link = validate_link(s.meeting.as_deref()?).ok()?;
        link.passcode = s.passcode;
        Some(link)
    }

    /// The link in force: the participant's, else the organisers'.
    pub fn current_meeting(&self) -> Option<(MeetingLink, Source)> {
        self.saved_meeting().map(|l| (l, Source::Saved)).or_else(|| self.event_meeting().map(|l| (l, Source::Event)))
    }

    pub fn meeting_panel(&self) -> MeetingPanel {
        let current = self.current_meeting();
        MeetingPanel {
            link: current.as_ref().map(|(l, _)| LinkView::new(l)),
            source: current.as_ref().map(|(_, s)| *s),
            event_link: self.event_meeting().is_some(),
            status: MeetingStatus::new(&schedule::meeting_phase(&self.event(), self.now()), current.is_some()),
            interpretation: self.event().interpretation.as_deref() == Some("ru"),
            guide_open: self.lang() == Lang::Ru,
        }
    }

    /// What a pasted invitation holds, without saving anything.
    pub fn meeting_check(&self, text: &str) -> Result<LinkView, Error> {
        parse_invitation(text).map(|l| LinkView::new(&l)).map_err(Error::Meeting)
    }

    /// Parses the invitation again and saves its link and passcode (a link without a passcode clears the old
    /// one: it belonged to another link).
    pub fn meeting_save(&self, text: &str) -> Result<MeetingLink, Error> {
        let link = parse_invitation(text).map_err(Error::Meeting)?;
        self.update_event(|s| {
            s.meeting = Some(link.url.clone());
            s.passcode = link.passcode.clone();
        })?;
        Ok(link)
    }

    /// Forgets the participant's link and passcode; the organisers' link, if any, is in force again.
    pub fn meeting_remove(&self) -> Result<(), Error> {
        self.update_event(|s| {
            s.meeting = None;
            s.passcode = None;
        })
        .map(|_| ())
    }

    /// What `join` opens: the link in force. `NoMeeting` when there is none.
    pub fn join_target(&self) -> Result<OpenTarget, Error> {
        let (link, _) = self.current_meeting().ok_or(Error::NoMeeting)?;
        OpenTarget::meeting(&link)
    }

    /// Opens the link in force with the operating system.
    pub fn join(&self) -> Result<(), Error> {
        self.open(&self.join_target()?)
    }

    /// Opens Zoom's web client for the meeting in force, as the core builds and checks it
    /// (`MeetingLink::browser_url`). `NoMeetingDetail` for a link without a meeting ID.
    pub fn join_browser(&self) -> Result<(), Error> {
        let (link, _) = self.current_meeting().ok_or(Error::NoMeeting)?;
        self.open(&OpenTarget::meeting_browser(&link)?)
    }

    /// The text `copy_meeting(what)` puts on the clipboard: the meeting ID as digits (Zoom's "Join a meeting"
    /// box takes them), the passcode, or the link.
    pub fn meeting_copy_text(&self, what: CopyWhat) -> Result<String, Error> {
        let (link, _) = self.current_meeting().ok_or(Error::NoMeeting)?;
        match what {
            CopyWhat::Id => link.meeting_id,
            CopyWhat::Passcode => link.passcode,
            CopyWhat::Link => Some(link.url),
        }
        .ok_or(Error::NoMeetingDetail)
    }
}

/// Where copied text goes: the system clipboard (`system_clipboard`), unless a `CopyTo` is managed (tests record
/// instead).
pub struct CopyTo(pub Copier);

/// Puts a text on the clipboard, or says why it could not.
pub type Copier = Box<dyn Fn(&str) -> Result<(), Error> + Send + Sync>;

fn write_clipboard<R: tauri::Runtime>(app: &tauri::AppHandle<R>, text: &str) -> Result<(), Error> {
    use tauri::Manager;
    if let Some(copy) = app.try_state::<CopyTo>() {
        return (copy.0)(text);
    }
    system_clipboard(app, text)
}

/// Linux: the clipboard of GTK, the window's own toolkit (X11 and Wayland alike), set on the main thread, and
/// handed to the desktop's clipboard manager so it outlives the app where one runs. GTK is in the tree already;
/// the clipboard plugin would add arboard and wl-clipboard-rs: the release binary was 555,504 bytes larger with it.
#[cfg(all(unix, not(target_os = "macos")))]
fn system_clipboard<R: tauri::Runtime>(app: &tauri::AppHandle<R>, text: &str) -> Result<(), Error> {
    let text = text.to_owned();
    app.run_on_main_thread(move || {
        let clipboard = gtk::Clipboard::get(&gtk::gdk::SELECTION_CLIPBOARD);
        clipboard.set_text(&text);
        clipboard.store();
    })
    .map_err(|e| Error::Clipboard(e.to_string()))
}

/// Windows and macOS: Tauri's clipboard plugin.
#[cfg(not(all(unix, not(target_os = "macos"))))]
fn system_clipboard<R: tauri::Runtime>(app: &tauri::AppHandle<R>, text: &str) -> Result<(), Error> {
    use tauri_plugin_clipboard_manager::ClipboardExt;
    app.clipboard().write_text(text).map_err(|e| Error::Clipboard(e.to_string()))
}

// The webview's commands for the join panel: one-line wrappers, none taking a URL.

#[tauri::command]
pub fn meeting(state: State<'_, AppState>) -> MeetingPanel {
    state.meeting_panel()
}

#[tauri::command]
pub fn meeting_check(state: State<'_, AppState>, text: String) -> Result<LinkView, UiError> {
    state.ui(state.meeting_check(&text))
}

/// Saves after the participant confirmed what `meeting_check` showed for the same text.
#[tauri::command]
pub fn meeting_save(state: State<'_, AppState>, text: String) -> Result<MeetingPanel, UiError> {
    state.ui(state.meeting_save(&text))?;
    Ok(state.meeting_panel())
}

#[tauri::command]
pub fn meeting_remove(state: State<'_, AppState>) -> Result<MeetingPanel, UiError> {
    state.ui(state.meeting_remove())?;
    Ok(state.meeting_panel())
}

/// Async, so it runs off the main thread: `open` may wait up to 250 ms per launcher to see it fail.
#[tauri::command]
pub async fn join(state: State<'_, AppState>) -> Result<(), UiError> {
    state.ui(state.join())
}

#[tauri::command]
pub async fn join_browser(state: State<'_, AppState>) -> Result<(), UiError> {
    state.ui(state.join_browser())
}

/// `what`: "id", "passcode" or "link"; anything else is refused by Tauri before this runs.
#[tauri::command]
pub fn copy_meeting<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, what: CopyWhat) -> Result<(), UiError> {
    let text = state.ui(state.meeting_copy_text(what))?;
    state.ui(write_clipboard(&app, &text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Clock;
    use crate::opener::OpenTarget;
    use crate::settings::SettingsStore;
    use crate::state::OsInfo;
    use workshop_core::event::EVENT_JSON;
    use workshop_core::Event;

    const LINK: &str = "https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xWc2NVdE1tT0NlUGpQZz09";
    const EVENT_LINK: &str = "https://zoom.us/j/123456789";

    /// The embedded event with `meeting` set to `text` in the file, parsed as the app parses it at start-up.
    fn event_with_meeting(text: &str) -> Event {
        const NONE: &str = "\"meeting\": null";
        assert!(EVENT_JSON.contains(NONE), "the built-in pack's event.json ships a meeting link: adapt these tests");
        let json = EVENT_JSON.replacen(NONE, &format!("\"meeting\": {}", serde_json::Value::from(text)), 1);
        Event::parse(&json).unwrap_or_else(|e| panic!("{e}"))
    }

    fn state(settings: &str, event_meeting: Option<&str>, now: &str, locale: &str) -> (tempfile::TempDir, AppState) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.json");
        std::fs::write(&path, settings).unwrap();
        let clock = Clock::starting_at(Some(crate::clock::parse_now(now).unwrap()));
        let os = OsInfo { locales: vec![locale.into()], zone: Some("Asia/Baku".into()) };
        let mut s = AppState::load(SettingsStore::at(path), clock, os);
        if let Some(text) = event_meeting {
            s = s.with_event(event_with_meeting(text));
            assert!(s.event_meeting().is_some(), "the injected event has a link");
        }
        (dir, s)
    }

    /// `<source> <url> id=<id> pass=<passcode> <stage>[ prominent][ guide-open]`, or `none <stage>`.
    fn render(p: &MeetingPanel) -> String {
        let stage = serde_json::to_value(p.status.stage).unwrap().as_str().unwrap().to_owned();
        let mut out = match (&p.link, p.source) {
            (Some(l), Some(src)) => format!(
                "{} {} id={} pass={} {stage}",
                serde_json::to_value(src).unwrap().as_str().unwrap(),
                l.url,
                l.meeting_id.as_deref().unwrap_or("-"),
                l.passcode.as_deref().unwrap_or("-")
            ),
            _ => format!("none {stage}"),
        };
        if p.status.prominent {
            out += " prominent";
        }
        if p.guide_open {
            out += " guide-open";
        }
        out
    }

    #[track_caller]
    fn check(settings: &str, event_meeting: Option<&str>, now: &str, locale: &str, expect: &str) {
        let (_d, s) = state(settings, event_meeting, now, locale);
        assert_eq!(render(&s.meeting_panel()), expect);
    }

    #[test]
    #[rustfmt::skip]
    fn panel_follows_source_and_time() {
        let saved = format!(r#"{{"meeting":"{LINK}","passcode":"584706"}}"#);
        check("{}", None, "2023-12-05T09:00:00+04:00", "en-GB", "none before");
        check("{}", None, "2023-12-05T10:41:00+04:00", "en-GB", "none during");
        check(&saved, None, "2023-12-05T09:44:59+04:00", "en-GB", &format!("saved {LINK} id=850 1234 5678 pass=584706 before"));
        check(&saved, None, "2023-12-05T09:45:00+04:00", "en-GB", &format!("saved {LINK} id=850 1234 5678 pass=584706 soon prominent"));
        check(&saved, None, "2023-12-05T09:50:00+04:00", "ru-RU", &format!("saved {LINK} id=850 1234 5678 pass=584706 soon prominent guide-open"));
        check(&saved, None, "2023-12-05T10:41:00+04:00", "en-GB", &format!("saved {LINK} id=850 1234 5678 pass=584706 during prominent"));
        check(&saved, None, "2023-12-05T13:00:00+04:00", "en-GB", &format!("saved {LINK} id=850 1234 5678 pass=584706 after"));
        // The participant's link overrides the organisers'; without it the organisers' is in force.
        check(&saved, Some(EVENT_LINK), "2023-12-05T10:41:00+04:00", "en-GB", &format!("saved {LINK} id=850 1234 5678 pass=584706 during prominent"));
        check("{}", Some(EVENT_LINK), "2023-12-05T10:41:00+04:00", "en-GB", "event https://zoom.us/j/123456789 id=123 456 789 pass=- during prominent");
        check("{}", Some("https://zoom.us/j/123456789 Passcode: 4242"), "2023-12-05T08:00:00+04:00", "en-GB", "event https://zoom.us/j/123456789 id=123 456 789 pass=4242 before");
        check("{}", Some(EVENT_LINK), "2023-12-05T13:00:00+04:00", "ru-RU", "event https://zoom.us/j/123456789 id=123 456 789 pass=- after guide-open");
        // A shipped link the parser refuses never gets this far: `Event::parse` names it (core event.rs tests).
    }

    #[test]
    fn save_remove_and_fall_back() {
        let (_d, s) = state("{}", Some(EVENT_LINK), "2023-12-05T10:41:00+04:00", "en-GB");
        let join_url = |s: &AppState| s.join_target().map(|t| t.as_str().to_owned());
        assert_eq!(join_url(&s).unwrap(), EVENT_LINK);
        s.meeting_save(&format!("Join: {LINK}\nPasscode: 584706")).unwrap();
        assert_eq!(
            (s.event_settings().meeting.as_deref(), s.event_settings().passcode.as_deref()),
            (Some(LINK), Some("584706"))
        );
        assert_eq!(join_url(&s).unwrap(), LINK);
        // A refused text changes nothing.
        assert_eq!(s.meeting_save("https://evil.example/j/123456789").unwrap_err().kind(), "meeting-link");
        assert_eq!(s.event_settings().meeting.as_deref(), Some(LINK));
        // A new link without a passcode drops the old passcode.
        s.meeting_save("https://zoom.us/j/98765432101").unwrap();
        assert_eq!(
            (s.event_settings().meeting.as_deref(), s.event_settings().passcode),
            (Some("https://zoom.us/j/98765432101"), None)
        );
        s.meeting_remove().unwrap();
        assert_eq!((s.event_settings().meeting, s.event_settings().passcode), (None, None));
        assert_eq!(join_url(&s).unwrap(), EVENT_LINK, "the organisers' link is in force again");
    }

    #[test]
    #[rustfmt::skip]
    fn copy_texts() {
        let saved = format!(r#"{{"meeting":"{LINK}","passcode":"584706"}}"#);
        let (_d, s) = state(&saved, None, "2023-12-05T10:41:00+04:00", "en-GB");
        let got = |what: CopyWhat| s.meeting_copy_text(what).map_err(|e| e.kind().to_owned());
        assert_eq!(got(CopyWhat::Id), Ok("85012345678".to_owned()));
        assert_eq!(got(CopyWhat::Passcode), Ok("584706".to_owned()));
        assert_eq!(got(CopyWhat::Link), Ok(LINK.to_owned()));
        let (_d, personal) = state(r#"{"meeting":"https://zoom.us/my/jane.doe"}"#, None, "2023-12-05T10:41:00+04:00", "en-GB");
        assert_eq!(personal.meeting_copy_text(CopyWhat::Id).map_err(|e| e.kind()), Err("no-meeting-detail"));
        assert_eq!(personal.meeting_copy_text(CopyWhat::Passcode).map_err(|e| e.kind()), Err("no-meeting-detail"));
        assert_eq!(personal.join_browser().map_err(|e| e.kind()), Err("no-meeting-detail"));
        let (_d, none) = state("{}", None, "2023-12-05T10:41:00+04:00", "en-GB");
        assert_eq!(none.meeting_copy_text(CopyWhat::Link).map_err(|e| e.kind()), Err("no-meeting"));
        // The organisers' passcode is copied when their link is in force.
        let (_d, event) = state("{}", Some("https://zoom.us/j/123456789\nPasscode: 4242"), "2023-12-05T10:41:00+04:00", "en-GB");
        assert_eq!(event.meeting_copy_text(CopyWhat::Passcode).map_err(|e| e.kind()), Ok("4242".to_owned()));
    }

    /// `what` is read as a `CopyWhat` at the IPC boundary: exactly the three lowercase names.
    #[test]
    fn copy_what_names() {
        let parse = |v: &str| serde_json::from_value::<CopyWhat>(serde_json::Value::from(v)).ok();
        assert_eq!(
            [parse("id"), parse("passcode"), parse("link")],
            [Some(CopyWhat::Id), Some(CopyWhat::Passcode), Some(CopyWhat::Link)]
        );
        for bad in ["Id", "LINK", "", "url", "https://evil.example/"] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn browser_link_is_built_from_the_saved_link() {
        let saved = format!(r#"{{"meeting":"{LINK}"}}"#);
        let opened = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let rec = opened.clone();
        let record = move |t: &OpenTarget| {
            rec.lock().unwrap().push(t.as_str().to_owned());
            Ok(())
        };
        let (_d, s) = state(&saved, None, "2023-12-05T10:41:00+04:00", "en-GB");
        let s = s.with_opener(record.clone());
        s.join_browser().unwrap();
        s.join().unwrap();
        // The organisers' link on a Zoom for Government host: the web client is Zoom for Government's too.
        let (_d, gov) =
            state("{}", Some("https://agency.zoomgov.com/j/1612345678?pwd=x09"), "2023-12-05T10:41:00+04:00", "en-GB");
        let gov = gov.with_opener(record);
        gov.join_browser().unwrap();
        gov.join().unwrap();
        assert_eq!(
            *opened.lock().unwrap(),
            vec![
                "https://app.zoom.us/wc/85012345678/join?pwd=Yk5aR0xWc2NVdE1tT0NlUGpQZz09".to_owned(),
                LINK.to_owned(),
                "https://app.zoomgov.com/wc/1612345678/join?pwd=x09".to_owned(),
                "https://agency.zoomgov.com/j/1612345678?pwd=x09".to_owned(),
            ]
        );
    }
}
