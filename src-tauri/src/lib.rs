//! The participant app's shell: parses the command line, loads state, and either runs a subcommand or opens
//! the window. `builder` is generic over the runtime so tests drive the same commands on the mock runtime.

// The shell's parts, each a feature with its state operations first and its webview commands at the end.
pub mod appearance;
#[cfg(feature = "bench")]
pub mod bench;
pub mod calendar_export;
pub mod cli;
pub mod clock;
pub mod error;
pub mod l10n;
pub mod live;
pub mod meeting;
pub mod opener;
pub mod os_zone;
pub mod packs;
pub mod reminders;
pub mod search;
pub mod settings;
pub mod state;
pub mod timezone;
pub mod views;
pub mod window;

#[cfg(test)]
mod ipc_tests;

/// Without the `bench` feature there is no measuring hook: the builder passes through unchanged.
#[cfg(not(feature = "bench"))]
mod bench {
    pub fn hook<R: tauri::Runtime>(b: tauri::Builder<R>) -> tauri::Builder<R> {
        b
    }
}

use clap::Parser;
use state::{AppState, OsInfo};
use tauri::Runtime;

/// Runs the app and returns the process exit code: 0 on success, 2 for bad input, 1 for other failures.
pub fn run() -> i32 {
    let cli = match cli::Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            if !e.use_stderr() {
                // --help, --version
                return 0;
            }
            // clap's words are English; what they mean follows in the participant's language.
            return cli::usage_error(&state_for_refusal(lang_in_args(std::env::args_os())));
        }
    };
    let lang = cli.lang.as_deref().and_then(workshop_core::Lang::parse);
    // A lone argument is an event pack to open (a double-click); anything else is a mistyped subcommand.
    if let Some(file) = cli.file.as_ref().filter(|f| !f.to_string_lossy().to_ascii_lowercase().ends_with(".gcmpack")) {
        let detail = format!(
            "{:?} is neither a subcommand nor an event pack (.gcmpack); see gcm-workshop --help",
            file.display().to_string()
        );
        return cli::report_error(&state_for_refusal(lang), detail, &error::Error::Usage, 2);
    }
    if let (Some(file), Some(_)) = (&cli.file, &cli.command) {
        let detail = format!("{} cannot be given with a subcommand; use gcm-workshop open FILE", file.display());
        return cli::report_error(&state_for_refusal(lang), detail, &error::Error::Usage, 2);
    }
    let now = match cli.now.as_deref().map(clock::parse_now).transpose() {
        Ok(n) => n,
        Err(e) => {
            let error = error::Error::InvalidNow(cli.now.clone().unwrap_or_default());
            return cli::report_error(&state_for_refusal(lang), e, &error, 2);
        }
    };
    let state =
        AppState::load(settings::SettingsStore::default_location(), clock::Clock::starting_at(now), OsInfo::read());
    // `--lang` before or after the subcommand, for everything the command says; the window chooses its own.
    let state = match cli.lang.as_deref() {
        None => state,
        Some(code) => match workshop_core::Lang::parse(code) {
            Some(lang) if cli.command.is_some() => state.speaking(lang),
            Some(lang) => {
                let detail = "--lang is for the commands (agenda, search, join…); the window's language is chosen \
                              in the window (the buttons at the top, or Settings)";
                return cli::report_error(&state.speaking(lang), detail, &error::Error::Usage, 2);
            }
            None => {
                let error = error::Error::UnknownLanguage(code.to_owned());
                return cli::report_error(&state, &error, &error, 2);
            }
        },
    };
    let state = match choose_event(state, cli.event.as_deref()) {
        Ok(s) => s,
        Err(code) => return code,
    };
    match cli.command {
        Some(cmd) => cli::run(cmd, &state),
        None => {
            // A pack that is not there is said first: the advice below would name it.
            if let Some(file) = cli.file.as_deref().filter(|f| !f.exists()) {
                let error = error::Error::Pack(workshop_core::pack::PackError::NotFound);
                return cli::report_error(&state, format!("{}: {error}", file.display()), &error, 2);
            }
            // While this is the only thread: how WebKit paints, from what this computer has, and how it runs
            // the page's scripts.
            window::runtime::choose_painting();
            window::runtime::run_scripts_without_jit();
            // Before anything is installed: without a display, nothing happens but the message.
            if let Err(code) = window::runtime::check(&state, cli.file.as_deref()) {
                return code;
            }
            if let Some(file) = &cli.file {
                state.open_at_launch(file);
            }
            run_window(state)
        }
    }
}

/// The state for refusing a command line before it runs: the settings, for the participant's language (or
/// `lang`, from `--lang`), at the real time.
fn state_for_refusal(lang: Option<workshop_core::Lang>) -> AppState {
    let state =
        AppState::load(settings::SettingsStore::default_location(), clock::Clock::starting_at(None), OsInfo::read());
    match lang {
        Some(lang) => state.speaking(lang),
        None => state,
    }
}

/// The language a command line that clap refused asks for: the value of its last `--lang VALUE` or
/// `--lang=VALUE` before any `--`, when it is `en` or `ru`; else `None`.
fn lang_in_args(args: impl IntoIterator<Item = std::ffi::OsString>) -> Option<workshop_core::Lang> {
    let args: Vec<String> = args.into_iter().map(|a| a.to_string_lossy().into_owned()).collect();
    let mut found = None;
    let mut rest = args.iter().skip(1).take_while(|a| *a != "--");
    while let Some(arg) = rest.next() {
        let value = match arg.strip_prefix("--lang") {
            Some("") => rest.next().map(String::as_str),
            Some(v) => v.strip_prefix('='),
            None => None,
        };
        if let Some(lang) = value.and_then(workshop_core::Lang::parse) {
            found = Some(lang);
        }
    }
    found
}

/// The state presenting the event to show: `--event ID`, else the one chosen in the window, else the one happening
/// now, else the next upcoming, else the most recent (`packs::choose`). The built-in workshop needs no change; without installed packs nothing is read.
fn choose_event(state: AppState, requested: Option<&str>) -> Result<AppState, i32> {
    let catalog = state.library().catalog();
    // The event chosen in the window last, while it is installed, unless --event names one.
    let saved = state.settings().event.filter(|id| catalog.iter().any(|e| &e.pack.event.id == id));
    match packs::choose(&catalog, requested.or(saved.as_deref()), state.now()) {
        Ok(entry) if entry.signer.is_none() => Ok(state),
        Ok(entry) => Ok(state.with_pack(&entry.pack)),
        Err(e) => {
            let ids: Vec<&str> = catalog.iter().map(|e| e.pack.event.id.as_str()).collect();
            Err(cli::report_error(&state, format!("{e}; the events are {}", ids.join(", ")), &e, 2))
        }
    }
}

fn run_window(state: AppState) -> i32 {
    let context = context();
    // First of all plugins: a second launch hands over to the open window and exits before anything starts.
    let single = window::instance::plugin(&context.config().identifier, state.settings_path());
    let app = bench::hook(builder(tauri::Builder::default().plugin(single), state))
        .setup(|app| {
            window::create_main(app.handle())?;
            reminders::start(app.handle());
            Ok(())
        })
        .build(context);
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
    let b = b.manage(state).plugin(tauri_plugin_dialog::init());
    // Linux copies through GTK's clipboard (`meeting::system_clipboard`) and notifies over GIO's D-Bus
    // (`reminders::notify`); the others through the plugins.
    #[cfg(not(all(unix, not(target_os = "macos"))))]
    let b = b.plugin(tauri_plugin_clipboard_manager::init()).plugin(tauri_plugin_notification::init());
    b.invoke_handler(tauri::generate_handler![
        views::app_info,
        views::first_view,
        views::settings_view,
        views::notices,
        l10n::localize,
        l10n::set_language,
        views::overview,
        views::concept,
        views::agenda,
        views::resources,
        views::open_resource,
        meeting::meeting,
        meeting::meeting_check,
        meeting::meeting_save,
        meeting::meeting_remove,
        meeting::join,
        meeting::join_browser,
        meeting::copy_meeting,
        timezone::zones,
        timezone::set_timezone,
        live::live,
        reminders::set_reminders,
        calendar_export::export_calendar,
        search::search,
        appearance::set_theme,
        appearance::set_text_scale,
        views::gcm,
        packs::events,
        packs::show_event,
        packs::open_pack,
        packs::pick_key,
        packs::trust_key,
    ])
}

/// The app's configuration, capabilities and embedded `ui/`, generated at compile time.
pub fn context<R: Runtime>() -> tauri::Context<R> {
    tauri::generate_context!()
}

#[cfg(test)]
mod tests {
    use super::lang_in_args;
    use workshop_core::Lang;

    /// The language of a command line clap refused, for its refusal: each way `--lang` can be written.
    #[test]
    fn lang_in_args_reads_each_spelling_of_lang() {
        let cases: &[(&[&str], Option<Lang>)] = &[
            (&["--lang", "ru", "--frobnicate"], Some(Lang::Ru)),
            (&["agenda", "--frobnicate", "--lang=ru"], Some(Lang::Ru)),
            (&["--lang", "RU", "agenda", "x"], Some(Lang::Ru)),
            (&["--lang", "ru", "search", "--lang", "en", "--x"], Some(Lang::En)),
            (&["--lang", "fr", "--x"], None),
            (&["--lang"], None),
            (&["--language", "ru"], None),
            (&["--lang=", "--x"], None),
            (&["search", "--", "--lang", "ru"], None),
            (&["--frobnicate"], None),
        ];
        for (args, expected) in cases {
            let argv = std::iter::once("gcm-workshop").chain(args.iter().copied()).map(std::ffi::OsString::from);
            assert_eq!(lang_in_args(argv), *expected, "{args:?}");
        }
    }
}
