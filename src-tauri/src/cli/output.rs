//! What the subcommands share: reading `--lang`, writing to standard output, reporting bad input.

use crate::state::AppState;
use std::io::Write;
use workshop_core::Lang;

/// Prints `msg` as the program's error and returns exit code 2 (bad input).
pub fn usage_error(msg: impl std::fmt::Display) -> i32 {
    eprintln!("gcm-workshop: {msg}");
    2
}

/// `--lang` as given, else the saved or the computer's language; `Err` holds the exit code of a bad value.
pub fn lang_arg(arg: Option<&str>, state: &AppState) -> Result<Lang, i32> {
    match arg {
        None => Ok(state.lang()),
        Some(code) => {
            Lang::parse(code).ok_or_else(|| usage_error(format!("unknown language {code:?}, expected en or ru")))
        }
    }
}

/// Writes to standard output; a reader that went away (`| head`) is not an error.
pub fn write_stdout(bytes: &[u8]) -> i32 {
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
