//! The interface's language: Fluent messages formatted in Rust for the webview (`localize`, values, attributes,
//! arguments and inline markup), and switching between English and Russian.

use crate::error::UiError;
use crate::state::{AppInfo, AppState, L10nRequest, L10nResponse};
use tauri::{Manager, Runtime, State};

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
