//! `gcm-workshop agenda [--lang en|ru] [--tz ZONE]`: prints the agenda as a plain table with Baku time and
//! the time in ZONE (the saved or the computer's zone when not given), as it stands at the app's "now"
//! (`--now` applies). The table is written by the core; this file only turns the arguments into values.
//!
//! Exit codes: 0 printed; 2 bad input (an unknown language or zone, a place naming several zones) with the reason
//! on standard error.

use super::output::write_stdout;
use crate::state::AppState;
use clap::Args;
use workshop_core::agenda_table::agenda_table;

#[derive(Debug, Args)]
pub struct AgendaArgs {
    /// Time zone for the second column: an IANA name (Asia/Almaty), or a city or country naming one zone
    /// (Bishkek, «Ташкент»); default: the saved choice, else the computer's.
    #[arg(long, value_name = "ZONE")]
    pub tz: Option<String>,
}

pub fn run(args: AgendaArgs, state: &AppState) -> i32 {
    let lang = state.lang();
    let tz = match args.tz.as_deref() {
        Some(name) => match super::zones::zone_arg(name, lang, state) {
            Ok(tz) => tz,
            Err(code) => return code,
        },
        None => state.zone().0,
    };
    let table = agenda_table(&state.event(), &state.l10n(), lang, tz, state.now());
    write_stdout(table.as_bytes())
}
