//! The live state the views show and refresh as time passes: the worded countdown or "happening now", the
//! running and the next item, the time left, and the join panel's cue `meeting: {stage, prominent}` (the words
//! and the rules are the core's, `wording::live` and `views::MeetingStatus`).

use crate::state::AppState;
use tauri::State;
use workshop_core::wording::{self, Live};

impl AppState {
    /// The live state now, with the join cue (`meeting`) prominent only when a meeting link is in force.
    pub fn live(&self) -> Live {
        wording::live(&self.event(), &self.l10n(), self.lang(), self.now(), self.current_meeting().is_some())
    }
}

#[tauri::command]
pub fn live(state: State<'_, AppState>) -> Live {
    state.live()
}
