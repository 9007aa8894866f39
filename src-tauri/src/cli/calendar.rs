//! `gcm-workshop calendar [--out FILE] [--item ID] [--lang en|ru]`: writes the workshop (or one agenda item)
//! as an iCalendar file, to standard output without `--out`. The same export as the window's "Add to calendar".
//!
//! Exit codes: 0 written; 2 bad input (an unknown language or item) with the reason on standard error; 1 the
//! file could not be written.

use super::output::{report, write_stdout};
use crate::error::Error;
use crate::state::AppState;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct CalendarArgs {
    /// Write to FILE instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Only this agenda item (e.g. session-2) instead of the whole event.
    #[arg(long, value_name = "ITEM")]
    pub item: Option<String>,
}

pub fn run(args: CalendarArgs, state: &AppState) -> i32 {
    let lang = state.lang();
    let file = match state.calendar_file(args.item.as_deref(), lang) {
        Ok(f) => f,
        Err(e) => {
            let event = state.event();
            let ids: Vec<&str> = event.agenda.iter().map(|i| i.id.as_str()).collect();
            return report(state, format!("{e}; the agenda items are {}", ids.join(", ")), &e, 2);
        }
    };
    match &args.out {
        None => write_stdout(file.ics.as_bytes()),
        Some(path) => {
            // Missing folders are made, as `pack build --out` does.
            let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
            match folder
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| std::fs::write(path, file.ics.as_bytes()))
            {
                Ok(()) => {
                    eprintln!("gcm-workshop: saved {}", path.display());
                    0
                }
                Err(e) => {
                    let error = Error::Calendar(e.to_string());
                    report(state, format!("could not write {}: {e}", path.display()), &error, 1)
                }
            }
        }
    }
}
