//! `gcm-workshop calendar [--out FILE] [--item ID] [--lang en|ru]`: writes the workshop (or one agenda item)
//! as an iCalendar file, to standard output without `--out`. The same export as the window's "Add to calendar".
//!
//! Exit codes: 0 written; 2 bad input (an unknown language or item) with the reason on standard error; 1 the
//! file could not be written.

use crate::cli::{usage_error, CalendarArgs};
use crate::state::AppState;
use std::io::Write;
use workshop_core::Lang;

pub fn run(args: CalendarArgs, state: &AppState) -> i32 {
    let lang = match lang_arg(args.lang.as_deref(), state) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let file = match state.calendar_file(args.item.as_deref(), lang) {
        Ok(f) => f,
        Err(e) => {
            let ids: Vec<&str> = state.event.agenda.iter().map(|i| i.id.as_str()).collect();
            return usage_error(format!("{e}; the agenda items are {}", ids.join(", ")));
        }
    };
    match &args.out {
        None => write_stdout(file.ics.as_bytes()),
        Some(path) => match std::fs::write(path, file.ics.as_bytes()) {
            Ok(()) => {
                eprintln!("gcm-workshop: saved {}", path.display());
                0
            }
            Err(e) => {
                eprintln!("gcm-workshop: could not write {}: {e}", path.display());
                1
            }
        },
    }
}

/// `--lang` as given, else the saved or the computer's language; `Err` holds the exit code of a bad value.
pub(crate) fn lang_arg(arg: Option<&str>, state: &AppState) -> Result<Lang, i32> {
    match arg {
        None => Ok(state.lang()),
        Some(code) => Lang::parse(code)
            .ok_or_else(|| usage_error(format!("unknown language {code:?}, expected en or ru"))),
    }
}

/// Writes to standard output; a reader that went away (`| head`) is not an error.
pub(crate) fn write_stdout(bytes: &[u8]) -> i32 {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => 0,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("gcm-workshop: could not write to standard output: {e}");
            1
        }
    }
}
