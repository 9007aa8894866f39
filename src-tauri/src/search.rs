//! Search across the texts the app shows (concept note, agenda, resources, GCM objectives and principles), in
//! the participant's language; the matching is the core's (`workshop_core::search`).

use crate::state::AppState;
use tauri::State;
use workshop_core::search::Hit;

impl AppState {
    /// The places in the current language where `query` occurs (see `workshop_core::search`).
    pub fn search(&self, query: &str) -> Vec<Hit> {
        self.search_in(self.lang(), query)
    }

    /// The places in `lang` where `query` occurs.
    pub fn search_in(&self, lang: workshop_core::Lang, query: &str) -> Vec<Hit> {
        workshop_core::search::search(&self.event(), &self.l10n(), lang, query)
    }
}

#[tauri::command]
pub fn search(state: State<'_, AppState>, query: String) -> Vec<Hit> {
    state.search(&query)
}
