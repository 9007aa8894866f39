//! The webview runtime. On Windows the window needs Microsoft Edge WebView2; where it is missing (an old or
//! locked-down Windows 10), the participant gets a native message box in their language instead of a window that
//! never appears, and the command line keeps working. On other systems the runtime is a package dependency, and
//! what can be missing is the display.

use crate::state::AppState;

/// Ok when the window can be opened; otherwise the participant has been told (message box) and the exit code is
/// returned.
#[cfg(windows)]
pub fn check(state: &AppState, _file: Option<&std::path::Path>) -> Result<(), i32> {
    match tauri::webview_version() {
        Ok(_) => Ok(()),
        Err(e) => {
            eprintln!("gcm-workshop: the WebView2 runtime is not available: {e}");
            let lang = state.lang();
            rfd::MessageDialog::new()
                .set_level(rfd::MessageLevel::Error)
                .set_title(state.text(lang, "webview-missing-title"))
                .set_description(state.text(lang, "webview-missing"))
                .set_buttons(rfd::MessageButtons::Ok)
                .show();
            Err(1)
        }
    }
}

/// Linux and the BSDs: GTK must reach a display (X11 or Wayland). Without one (an SSH session, a service, a
/// terminal without a desktop) the participant is told so, in their language, with the commands that work without
/// a window, instead of GTK's panic.
#[cfg(all(unix, not(target_os = "macos")))]
pub fn check(state: &AppState, file: Option<&std::path::Path>) -> Result<(), i32> {
    let display =
        std::env::var("WAYLAND_DISPLAY").ok().or_else(|| std::env::var("DISPLAY").ok()).filter(|d| !d.is_empty());
    // A display that is named may still be starting (a session just opened, a busy machine): asked again for about
    // a second before giving up. Without one, at once.
    let mut result = gtk::init();
    for _ in 0..if display.is_some() { 5 } else { 0 } {
        if result.is_ok() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
        result = gtk::init();
    }
    match result {
        Ok(()) => Ok(()),
        Err(e) => {
            match &display {
                Some(d) => eprintln!("gcm-workshop: the window cannot open: the display {d:?} cannot be reached ({e})"),
                None => eprintln!(
                    "gcm-workshop: the window cannot open: no display (DISPLAY and WAYLAND_DISPLAY are not set)"
                ),
            }
            let lang = state.lang();
            eprintln!("{}", state.text(lang, "window-no-display"));
            if let Some(file) = file {
                let path = ("file", file.display().to_string().into());
                eprintln!("{}", state.l10n().text_with(lang, "window-no-display-pack", &[path]));
            }
            Err(1)
        }
    }
}

#[cfg(any(not(unix), target_os = "macos"))]
#[cfg(not(windows))]
pub fn check(_state: &AppState, _file: Option<&std::path::Path>) -> Result<(), i32> {
    Ok(())
}
