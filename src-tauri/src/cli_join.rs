//! `gcm-workshop join` (not written yet: its task fills this in).

use crate::cli::JoinArgs;
use crate::state::AppState;

pub fn run(_args: JoinArgs, _state: &AppState) -> i32 {
    crate::cli::usage_error("this subcommand is not available yet")
}
