//! The command line: with no subcommand the window opens; subcommands work without a display.

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "gcm-workshop", version, about = "Participant app for the GCM workshop in the framework of the Almaty Process (5 December 2023)")]
pub struct Cli {
    /// Stand at this moment instead of the real time (RFC 3339, e.g. 2023-12-05T10:41:00+04:00).
    #[arg(long, global = true, env = "GCM_WORKSHOP_NOW", value_name = "RFC3339")]
    pub now: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {}
