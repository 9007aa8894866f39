//! The participant app's shell: parses the command line, loads state, and either runs a subcommand or opens
//! the window. `builder` is generic over the runtime so tests drive the same commands on the mock runtime.

pub mod cli;
mod cli_agenda;
mod cli_calendar;
mod cli_join;
pub mod clock;
pub mod commands;
pub mod error;
pub mod settings;
pub mod state;
pub mod window;

#[cfg(test)]
mod ipc_tests;

use clap::Parser;
use state::{AppState, OsInfo};
use tauri::Runtime;

/// Runs the app and returns the process exit code: 0 on success, 2 for bad input, 1 for other failures.
pub fn run() -> i32 {
    let cli = match cli::Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    let now = match cli.now.as_deref().map(clock::parse_now).transpose() {
        Ok(n) => n,
        Err(e) => {
            eprintln!("gcm-workshop: {e}");
            return 2;
        }
    };
    let state = AppState::load(settings::SettingsStore::default_location(), clock::Clock::starting_at(now), OsInfo::read());
    match cli.command {
        Some(cmd) => cli::run(cmd, &state),
        None => run_window(state),
    }
}

fn run_window(state: AppState) -> i32 {
    let app = builder(tauri::Builder::default(), state)
        .setup(|app| {
            window::create_main(app.handle())?;
            Ok(())
        })
        .build(context());
    match app {
        Ok(app) => {
            app.run(|_, _| {});
            0
        }
        Err(e) => {
            eprintln!("gcm-workshop: could not open the window: {e}");
            1
        }
    }
}

include!("command_names.rs");

/// The app's commands and state on any runtime.
pub fn builder<R: Runtime>(b: tauri::Builder<R>, state: AppState) -> tauri::Builder<R> {
    b.manage(state).invoke_handler(tauri::generate_handler![
        commands::app_info,
        commands::localize,
        commands::set_language,
        commands::overview,
        commands::agenda,
        commands::resources,
        commands::open_resource,
    ])
}

/// The app's configuration, capabilities and embedded `ui/`, generated at compile time.
pub fn context<R: Runtime>() -> tauri::Context<R> {
    tauri::generate_context!()
}
