//! Desktop reminders: the settings the window shows and changes, and a background thread that sleeps until
//! the next reminder is due (by the app's clock, so `--now` applies), re-reads the settings, and sends a
//! localised notification (`notify`): on Linux straight to the desktop's notification server over D-Bus, on
//! Windows through the official notification plugin. The webview cannot send notifications.

use crate::error::{Error, UiError};
use crate::state::AppState;
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError, Sender};
use std::sync::Mutex;
use std::time::Duration;
use tauri::{AppHandle, Manager, Runtime, State};
use workshop_core::reminders::{due, reminders};
use workshop_core::settings::REMINDER_MINUTES;
use workshop_core::wording::{reminder_notice, Notice};

/// The longest the thread sleeps without looking at the settings and the clock again.
const MAX_SLEEP: Duration = Duration::from_secs(60);

#[derive(Debug, Clone, Serialize)]
pub struct ReminderSettings {
    pub enabled: bool,
    pub minutes: u32,
    pub choices: [u32; 4],
}

impl AppState {
    pub fn reminder_settings(&self) -> ReminderSettings {
        let r = self.event_settings().reminders;
        ReminderSettings { enabled: r.enabled, minutes: r.minutes, choices: REMINDER_MINUTES }
    }

    pub fn set_reminders(&self, enabled: bool, minutes: u32) -> Result<ReminderSettings, Error> {
        if !REMINDER_MINUTES.contains(&minutes) {
            return Err(Error::ReminderMinutes(minutes));
        }
        self.update_event(|s| {
            s.reminders.enabled = enabled;
            s.reminders.minutes = minutes;
        })?;
        Ok(self.reminder_settings())
    }

    /// One look at the clock: the notices of reminders due after `since` and up to `now` (none when reminders
    /// are off), and how long to sleep before the next look.
    pub fn reminders_due(&self, since: DateTime<Utc>, now: DateTime<Utc>) -> (Vec<Notice>, Duration) {
        let r = self.event_settings().reminders;
        if !r.enabled {
            return (Vec::new(), MAX_SLEEP);
        }
        let (lang, tz) = (self.lang(), self.zone().0);
        let notices = due(&self.event(), r.minutes, since, now)
            .iter()
            .map(|rem| reminder_notice(&self.event(), &self.l10n(), lang, tz, rem, now))
            .collect();
        let sleep = reminders(&self.event(), r.minutes, now)
            .first()
            .and_then(|next| (next.at - now).to_std().ok())
            .map_or(MAX_SLEEP, |d| d.min(MAX_SLEEP));
        (notices, sleep)
    }
}

/// Wakes the reminder thread after a settings change, so a reminder switched on a second before it is due
/// is not missed.
pub struct Wake(Mutex<Sender<()>>);

/// Starts the reminder thread for the window's lifetime.
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let (tx, rx) = channel();
    app.manage(Wake(Mutex::new(tx)));
    let app = app.clone();
    let spawned = std::thread::Builder::new().name("reminders".into()).spawn(move || run(app, rx));
    if let Err(e) = spawned {
        eprintln!("gcm-workshop: reminders are unavailable: {e}");
    }
}

fn run<R: Runtime>(app: AppHandle<R>, wake: Receiver<()>) {
    let state = app.state::<AppState>();
    let mut since = state.now();
    loop {
        let now = state.now();
        let (notices, sleep) = state.reminders_due(since, now);
        since = now;
        for n in notices {
            if let Err(e) = notify(&app, &n) {
                eprintln!("gcm-workshop: could not show a reminder: {e}");
            }
        }
        // Never wake early: a sleep that ends a hair before the due time would wait another round.
        match wake.recv_timeout(sleep + Duration::from_millis(50)) {
            Ok(()) | Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
    }
}

/// Shows `notice` through the plugin (Windows).
#[cfg(not(all(unix, not(target_os = "macos"))))]
fn notify<R: Runtime>(app: &AppHandle<R>, notice: &Notice) -> Result<(), String> {
    use tauri_plugin_notification::NotificationExt;
    app.notification().builder().title(&notice.title).body(&notice.body).show().map_err(|e| e.to_string())
}

/// Shows `notice` on Linux: `org.freedesktop.Notifications.Notify` on the session bus (the Desktop Notifications
/// Specification), through GIO, which GTK brings already; the notification plugin would add zbus. The app's
/// identifier names the sender, as the plugin does. The bus connection is GIO's shared one, open for the process's
/// lifetime, because some servers (GNOME's) close a notification when the connection that sent it goes away.
#[cfg(all(unix, not(target_os = "macos")))]
fn notify<R: Runtime>(app: &AppHandle<R>, notice: &Notice) -> Result<(), String> {
    use gtk::gio;
    use gtk::glib::{self, ToVariant};
    let bus = gio::bus_get_sync(gio::BusType::Session, gio::Cancellable::NONE).map_err(|e| e.to_string())?;
    let hints = std::collections::HashMap::<String, glib::Variant>::new();
    let actions: Vec<String> = Vec::new();
    // app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout (-1: the server decides)
    let params = (
        app.config().identifier.as_str(),
        0u32,
        "",
        notice.title.as_str(),
        notice.body.as_str(),
        actions,
        hints,
        -1i32,
    )
        .to_variant();
    bus.call_sync(
        Some("org.freedesktop.Notifications"),
        "/org/freedesktop/Notifications",
        "org.freedesktop.Notifications",
        "Notify",
        Some(&params),
        Some(glib::VariantTy::new("(u)").expect("a valid type")),
        gio::DBusCallFlags::NONE,
        5000,
        gio::Cancellable::NONE,
    )
    .map(|_| ())
    .map_err(|e| e.to_string())
}

#[tauri::command]
pub fn set_reminders<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    enabled: bool,
    minutes: u32,
) -> Result<ReminderSettings, UiError> {
    let r = state.ui(state.set_reminders(enabled, minutes))?;
    if let Some(w) = app.try_state::<Wake>() {
        let _ = w.0.lock().unwrap_or_else(|p| p.into_inner()).send(());
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Clock;
    use crate::settings::SettingsStore;
    use crate::state::OsInfo;

    fn state(settings: &str) -> (tempfile::TempDir, AppState) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.json");
        std::fs::write(&path, settings).unwrap();
        let os = OsInfo { locales: vec!["en-GB".into()], zone: Some("Asia/Almaty".into()) };
        (dir, AppState::load(SettingsStore::at(path), Clock::starting_at(None), os))
    }

    fn at(s: &str) -> DateTime<Utc> {
        crate::clock::parse_now(s).unwrap()
    }

    /// `expect`: "title / body" of each notice, then the sleep in seconds.
    fn check(settings: &str, since: &str, now: &str, expect: &str) {
        let (_dir, st) = state(settings);
        let (notices, sleep) = st.reminders_due(at(since), at(now));
        let mut got: Vec<String> = notices.iter().map(|n| format!("{} / {}", n.title, n.body)).collect();
        got.push(format!("sleep {}", sleep.as_secs()));
        assert_eq!(got.join("; "), expect, "{settings} {since}..{now}");
    }

    #[test]
    fn one_look_at_the_clock() {
        let on = r#"{"reminders":{"enabled":true,"minutes":10}}"#;
        let ru = r#"{"language":"ru","timezone":"Europe/Berlin","reminders":{"enabled":true,"minutes":15}}"#;
        check("{}", "2023-12-05T09:00:00+04:00", "2023-12-05T09:50:00+04:00", "sleep 60");
        check(on, "2023-12-05T09:49:00+04:00", "2023-12-05T09:49:30+04:00", "sleep 30");
        check(
            on,
            "2023-12-05T09:49:30+04:00",
            "2023-12-05T09:50:00+04:00",
            "GCM workshop — Almaty Process / The workshop starts in 10 minutes, at 12:00 your time.; sleep 60",
        );
        check(on, "2023-12-05T10:04:00+04:00", "2023-12-05T10:05:01+04:00", "Session 1: Global Compact for Safe, Orderly and Regular Migration (GCM) and UN Network on Migration (UNMN) / Starts in 10 minutes, at 12:15 your time.; sleep 60");
        check(ru, "2023-12-05T10:20:00+04:00", "2023-12-05T10:25:00+04:00", "Сессия 2: Текущее положение дел, ресурсы и дальнейшие шаги / Начнётся через 15 минут, в 07:40 по вашему времени.; sleep 60");
        check(on, "2023-12-05T11:50:00+04:00", "2023-12-05T13:00:00+04:00", "sleep 60");
    }

    #[test]
    fn only_offered_lead_times_are_saved() {
        let (dir, st) = state(r#"{"reminders":{"enabled":false,"minutes":10}}"#);
        let before = std::fs::read(dir.path().join("settings.json")).unwrap();
        assert_eq!(st.set_reminders(true, 7).unwrap_err().kind(), "reminder-minutes");
        assert_eq!(std::fs::read(dir.path().join("settings.json")).unwrap(), before);
        let r = st.set_reminders(true, 30).unwrap();
        assert_eq!((r.enabled, r.minutes), (true, 30));
        assert_eq!(st.event_settings().reminders.minutes, 30);
    }
}
