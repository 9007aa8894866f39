//! Search across the texts the app shows (concept note, agenda, resources, GCM objectives and principles), in
//! the participant's language; the matching is the core's (`workshop_core::search`).

use crate::state::AppState;
use tauri::State;
use workshop_core::search::Hit;

impl AppState {
    /// The places in the current language where `query` occurs (see `workshop_core::search`).
    pub fn search(&self, query: &str) -> Vec<Hit> {
        workshop_core::search::search(&self.event(), &self.l10n(), self.lang(), query)
    }
}

#[tauri::command]
pub fn search(state: State<'_, AppState>, query: String) -> Vec<Hit> {
    state.search(&query)
}
