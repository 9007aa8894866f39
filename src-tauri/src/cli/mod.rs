//! The command line: with no subcommand the window opens; subcommands work without a display and print to
//! standard output. Bad input prints a clear error to standard error and exits with code 2. One-time notices
//! (a settings file set aside, or one that could not be read) go to standard error first, in the participant's
//! language.

mod agenda;
mod calendar;
mod join;
mod output;
mod pack;
mod packs;
mod search;
mod zones;

use crate::state::AppState;
pub use agenda::AgendaArgs;
pub use calendar::CalendarArgs;
use clap::{Parser, Subcommand};
pub use join::JoinArgs;
pub use pack::PackArgs;
pub use packs::{OpenArgs, TrustArgs};
pub use search::SearchArgs;
pub use zones::ZonesArgs;

#[derive(Debug, Parser)]
#[command(
    name = "gcm-workshop",
    version,
    about = "Participant app for the workshops of the Almaty Process and the RTCM: agenda, times, materials and the Zoom link, offline"
)]
pub struct Cli {
    /// Stand at this moment instead of the real time (RFC 3339, e.g. 2023-12-05T10:41:00+04:00).
    #[arg(long, global = true, env = "GCM_WORKSHOP_NOW", value_name = "RFC3339")]
    pub now: Option<String>,

    /// Use this event (its id, see `events`); by default the one chosen in the window, else the one happening
    /// now, else the next, else the latest.
    #[arg(long, global = true, value_name = "ID")]
    pub event: Option<String>,

    /// The language of what a command prints and says: en or ru (default: the one chosen in the window, else the
    /// computer's). Not saved; the window's own language is chosen in the window.
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<String>,

    /// An event pack (.gcmpack) to open in the window, as a double-click on one does.
    #[arg(value_name = "FILE")]
    pub file: Option<std::path::PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the agenda as a table: the event's time, time in ZONE, item, speakers.
    Agenda(AgendaArgs),
    /// Write the event as an iCalendar (.ics) file, to standard output without --out.
    Calendar(CalendarArgs),
    /// Search the concept note, agenda, resources and GCM by word forms: section, title, snippet per line.
    Search(SearchArgs),
    /// List time zones by place (city, country, IANA id or offset, in English or Russian): id, place, offset.
    Zones(ZonesArgs),
    /// Open the Zoom meeting, print its link, or save the link from an invitation.
    Join(JoinArgs),
    /// For organisers: check an event pack, or build and sign one (see docs/event-pack.md).
    Pack(PackArgs),
    /// Install an event pack (.gcmpack) signed by a trusted key.
    Open(OpenArgs),
    /// Add or list the keys trusted to sign event packs.
    Trust(TrustArgs),
    /// List the events installed: id, date, status, title; * marks the one shown.
    Events,
}

/// Refuses before a subcommand runs: the notices (a settings file set aside while loading is said here too), then
/// the error in English and in the participant's language; returns `code`.
pub fn report_error(state: &AppState, detail: impl std::fmt::Display, error: &crate::error::Error, code: i32) -> i32 {
    print_notices(state);
    output::report(state, detail, error, code)
}

/// After clap's own message (English) for a command line that does not parse: the notices, then what it means in
/// the participant's language; returns 2.
pub fn usage_error(state: &AppState) -> i32 {
    print_notices(state);
    eprintln!("{}", crate::error::Error::Usage.localize(&state.l10n(), state.lang()));
    2
}

/// Runs a subcommand and returns the exit code.
pub fn run(cmd: Command, state: &AppState) -> i32 {
    print_notices(state);
    match cmd {
        Command::Open(a) => packs::open(a, state, state.library()),
        Command::Trust(a) => packs::trust(a, state, state.library()),
        Command::Events => packs::events(state, state.library(), &state.event().id),
        Command::Agenda(a) => agenda::run(a, state),
        Command::Calendar(a) => calendar::run(a, state),
        Command::Search(a) => search::run(a, state),
        Command::Zones(a) => zones::run(a, state),
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
