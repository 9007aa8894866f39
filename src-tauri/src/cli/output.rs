//! What the subcommands share: reading `--lang`, writing to standard output, reporting bad input.

use crate::error::Error;
use crate::state::AppState;
use std::io::Write;
use workshop_core::Lang;

/// Prints what went wrong twice on standard error — `detail` in English for logs and scripts, then `error`'s
/// message in the participant's language — and returns `code`.
pub fn report(state: &AppState, detail: impl std::fmt::Display, error: &Error, code: i32) -> i32 {
    report_in(state, state.lang(), detail, error, code)
}

/// [`report`] in `lang`: the language a command's `--lang` chose.
pub fn report_in(state: &AppState, lang: Lang, detail: impl std::fmt::Display, error: &Error, code: i32) -> i32 {
    eprintln!("gcm-workshop: {detail}");
    eprintln!("{}", error.localize(&state.l10n(), lang));
    code
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
