//! The webview runtime. On Windows the window needs Microsoft Edge WebView2; where it is missing (an old or
//! locked-down Windows 10), the participant gets a native message box in their language instead of a window that
//! never appears, and the command line keeps working. On other systems the runtime is a package dependency.

use crate::state::AppState;

/// Ok when the window can be opened; otherwise the participant has been told (message box) and the exit code is
/// returned.
#[cfg(windows)]
pub fn check(state: &AppState) -> Result<(), i32> {
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

#[cfg(not(windows))]
pub fn check(_state: &AppState) -> Result<(), i32> {
    Ok(())
}
