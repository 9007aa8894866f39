//! `gcm-workshop calendar` (not written yet: its task fills this in).

use crate::cli::CalendarArgs;
use crate::state::AppState;

pub fn run(_args: CalendarArgs, _state: &AppState) -> i32 {
    crate::cli::usage_error("this subcommand is not available yet")
}
