//! The live state the views show and refresh as time passes: the worded countdown or "happening now", the
//! running and the next item, and the time left (the words and the rules are the core's, `wording::live`).

use crate::state::AppState;
use tauri::State;
use workshop_core::wording::{self, Live};

impl AppState {
    pub fn live(&self) -> Live {
        wording::live(&self.event, &self.l10n, self.lang(), self.now())
    }
}

#[tauri::command]
pub fn live(state: State<'_, AppState>) -> Live {
    state.live()
}
