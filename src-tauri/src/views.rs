//! What the views show: the app's title, language, zone and appearance (`app_info`), the overview, the agenda
//! and the resource cards, and opening a resource's official page by its id. Commands at the end of each
//! feature's file (here: all of them, as the state's operations live in `state.rs`).

use crate::error::UiError;
use crate::state::{AppInfo, AppState};
use tauri::State;
use workshop_core::views::{AgendaRow, Overview, ResourceCard};

#[tauri::command]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    state.app_info()
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
