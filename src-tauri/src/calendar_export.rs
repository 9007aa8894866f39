//! Calendar export: the `.ics` text for the whole workshop or one agenda item, in the participant's language
//! and with the meeting link in force, shared by the window (`export_calendar`, through a native save dialog)
//! and `gcm-workshop calendar`.
//!
//! Architecture Invariant: the webview names only what to export (nothing, or an agenda item id). The dialog is
//! opened by Rust and the file written by Rust; the webview has no dialog or file-system permission.

use crate::error::{Error, UiError};
use crate::state::AppState;
use std::path::PathBuf;
use std::sync::Mutex;
use tauri::{AppHandle, Manager, Runtime, State};
use workshop_core::calendar::{event_calendar, item_calendar};
use workshop_core::wording::calendar_text;
use workshop_core::Lang;

/// An export ready to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarFile {
    pub ics: String,
    /// What the save dialog proposes: "gcm-workshop-2023-12-05.ics", "gcm-workshop-2023-12-05-session-2.ics".
    pub file_name: String,
}

impl AppState {
    /// The whole event (`None`) or one agenda item, in `lang`.
    pub fn calendar_file(&self, item: Option<&str>, lang: Lang) -> Result<CalendarFile, Error> {
        let text = calendar_text(&self.event(), &self.l10n(), lang);
        let url = self.current_meeting().map(|(link, _)| link.url);
        let stem = format!("gcm-workshop-{}", &self.event().date.format("%Y-%m-%d"));
        match item {
            None => Ok(CalendarFile {
                ics: event_calendar(&self.event(), &text, url.as_deref()),
                file_name: format!("{stem}.ics"),
            }),
            Some(id) => {
                let ics = item_calendar(&self.event(), id, &text, url.as_deref())
                    .ok_or_else(|| Error::UnknownItem(id.to_owned()))?;
                Ok(CalendarFile { ics, file_name: format!("{stem}-{id}.ics") })
            }
        }
    }
}

type Pick = Box<dyn Fn(&str) -> Option<PathBuf> + Send + Sync>;

/// Where an export is saved: the native dialog, unless a `SaveTo` is managed (tests choose a path, or cancel,
/// instead). Given the proposed file name; `None` when the participant cancels.
pub struct SaveTo(Mutex<Pick>);

impl SaveTo {
    pub fn new(pick: impl Fn(&str) -> Option<PathBuf> + Send + Sync + 'static) -> SaveTo {
        SaveTo(Mutex::new(Box::new(pick)))
    }

    /// Replaces the answer (managed state cannot be managed twice).
    pub fn set(&self, pick: impl Fn(&str) -> Option<PathBuf> + Send + Sync + 'static) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = Box::new(pick);
    }

    fn pick(&self, file_name: &str) -> Option<PathBuf> {
        (self.0.lock().unwrap_or_else(|p| p.into_inner()))(file_name)
    }
}

fn pick_path<R: Runtime>(app: &AppHandle<R>, file_name: &str, title: &str) -> Option<PathBuf> {
    use tauri_plugin_dialog::DialogExt;
    if let Some(save_to) = app.try_state::<SaveTo>() {
        return save_to.pick(file_name);
    }
    let mut dialog = app.dialog().file().set_file_name(file_name).set_title(title).add_filter("iCalendar", &["ics"]);
    if let Some(dir) = dirs::document_dir().or_else(dirs::home_dir) {
        dialog = dialog.set_directory(dir);
    }
    if let Some(w) = app.get_webview_window(crate::window::MAIN) {
        dialog = dialog.set_parent(&w);
    }
    match dialog.blocking_save_file().map(|p| p.into_path()) {
        Some(Ok(path)) => Some(path),
        Some(Err(e)) => {
            eprintln!("gcm-workshop: the save dialog returned no usable path: {e}");
            None
        }
        None => None,
    }
}

/// Asks where to save the export and writes it; returns the path written.
fn export<R: Runtime>(app: &AppHandle<R>, state: &AppState, item: Option<&str>) -> Result<PathBuf, Error> {
    let lang = state.lang();
    let file = state.calendar_file(item, lang)?;
    let title = state.text(lang, if item.is_some() { "calendar-add" } else { "calendar-add-event" });
    let path = pick_path(app, &file.file_name, &title).ok_or(Error::Cancelled)?;
    std::fs::write(&path, file.ics.as_bytes()).map_err(|e| Error::Calendar(format!("{}: {e}", path.display())))?;
    Ok(path)
}

/// Saves the whole event (`item` absent) or one agenda item as an `.ics` file, through the native save
/// dialog; returns the saved path. Async so that the dialog, which waits for the main thread, never blocks it.
#[tauri::command]
pub async fn export_calendar<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    item: Option<String>,
) -> Result<String, UiError> {
    let handle = app.clone();
    let result = tauri::async_runtime::spawn_blocking(move || {
        let state = handle.state::<AppState>();
        export(&handle, &state, item.as_deref())
    })
    .await
    .unwrap_or_else(|e| Err(Error::Calendar(e.to_string())));
    state.ui(result.map(|p| p.display().to_string()))
}
