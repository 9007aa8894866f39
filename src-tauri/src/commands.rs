//! The commands the webview may call. Each is a one-line wrapper over `AppState`; none takes a URL.

use crate::error::UiError;
use crate::state::{AppInfo, AppState, L10nRequest, L10nResponse};
use tauri::{Manager, Runtime, State};
use workshop_core::views::{AgendaRow, Overview, ResourceCard};

#[tauri::command]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    state.app_info()
}

#[tauri::command]
pub fn localize(state: State<'_, AppState>, requests: Vec<L10nRequest>) -> Vec<L10nResponse> {
    state.localize(&requests)
}

/// Saves the language and retitles the window, so the switch takes effect without a restart.
#[tauri::command]
pub fn set_language<R: Runtime>(app: tauri::AppHandle<R>, state: State<'_, AppState>, lang: String) -> Result<AppInfo, UiError> {
    state.ui(state.set_language(&lang))?;
    let info = state.app_info();
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.set_title(&info.title);
    }
    Ok(info)
}

#[tauri::command]
pub fn overview(state: State<'_, AppState>) -> Overview {
    state.overview()
}

#[tauri::command]
pub fn agenda(state: State<'_, AppState>) -> Vec<AgendaRow> {
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
