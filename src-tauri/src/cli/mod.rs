//! The command line: with no subcommand the window opens; subcommands work without a display and print to
//! standard output. Bad input prints a clear error to standard error and exits with code 2. One-time notices
//! (a settings file set aside, or one that could not be read) go to standard error first, in the participant's
//! language.

mod agenda;
mod calendar;
mod join;
mod output;
mod pack;

use crate::state::AppState;
pub use agenda::AgendaArgs;
pub use calendar::CalendarArgs;
use clap::{Parser, Subcommand};
pub use join::JoinArgs;
pub use pack::PackArgs;

#[derive(Debug, Parser)]
#[command(
    name = "gcm-workshop",
    version,
    about = "Participant app for the GCM workshop in the framework of the Almaty Process (5 December 2023)"
)]
pub struct Cli {
    /// Stand at this moment instead of the real time (RFC 3339, e.g. 2023-12-05T10:41:00+04:00).
    #[arg(long, global = true, env = "GCM_WORKSHOP_NOW", value_name = "RFC3339")]
    pub now: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the agenda as a table: Baku time, time in ZONE, item, speakers.
    Agenda(AgendaArgs),
    /// Write the event as an iCalendar (.ics) file, to standard output without --out.
    Calendar(CalendarArgs),
    /// Open the Zoom meeting, print its link, or save the link from an invitation.
    Join(JoinArgs),
    /// For organisers: check an event pack, or build and sign one (see docs/event-pack.md).
    Pack(PackArgs),
}

/// Runs a subcommand and returns the exit code.
pub fn run(cmd: Command, state: &AppState) -> i32 {
    print_notices(state);
    match cmd {
        Command::Agenda(a) => agenda::run(a, state),
        Command::Calendar(a) => calendar::run(a, state),
        Command::Join(a) => join::run(a, state),
        Command::Pack(a) => pack::run(a, state),
    }
}

/// Prints each notice not yet shown, once: what happened (English, the OS's words), then the notice in the
/// participant's language.
fn print_notices(state: &AppState) {
    let lang = state.lang();
    for n in state.take_notices() {
        eprintln!("gcm-workshop: {}", n.detail);
        eprintln!("{}", state.notice_text(lang, &n));
    }
}
