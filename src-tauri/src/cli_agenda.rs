//! `gcm-workshop agenda` (not written yet: its task fills this in).

use crate::cli::AgendaArgs;
use crate::state::AppState;

pub fn run(_args: AgendaArgs, _state: &AppState) -> i32 {
    crate::cli::usage_error("this subcommand is not available yet")
}
