//! How the app looks: the colour scheme (the computer's, light or dark; also the window frame's GTK variant) and
//! the text size. The state operations first, the webview's commands at the end.

use crate::error::{Error, UiError};
use crate::state::AppState;
use crate::views::AppInfo;
use tauri::{Manager, Runtime, State};
use workshop_core::settings::{Theme, TEXT_SCALE_LIMITS};

impl AppState {
    pub fn set_theme(&self, name: &str) -> Result<Theme, Error> {
        let theme = parse_theme(name).ok_or_else(|| Error::UnknownTheme(name.to_owned()))?;
        self.update(|s| s.theme = theme)?;
        Ok(theme)
    }

    /// Sets the text size in percent of normal. The UI keeps to the sizes `app_info.text_scale_limits` gives
    /// (80–200 in steps of 10); anything else is refused (`TextScale`), not clamped or rounded, so a bug shows
    /// instead of silently changing the size.
    pub fn set_text_scale(&self, percent: i64) -> Result<u32, Error> {
        let p =
            u32::try_from(percent).ok().filter(|&p| TEXT_SCALE_LIMITS.offers(p)).ok_or(Error::TextScale(percent))?;
        self.update(|s| s.text_scale = p)?;
        Ok(p)
    }
}

pub fn parse_theme(name: &str) -> Option<Theme> {
    match name {
        "system" => Some(Theme::System),
        "light" => Some(Theme::Light),
        "dark" => Some(Theme::Dark),
        _ => None,
    }
}

/// Saves the colour scheme; the page follows through `data-theme`, the window's frame through its GTK theme.
#[tauri::command]
pub fn set_theme<R: Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    theme: String,
) -> Result<AppInfo, UiError> {
    let theme = state.ui(state.set_theme(&theme))?;
    if let Some(w) = app.get_webview_window(crate::window::MAIN) {
        let _ = w.set_theme(crate::window::frame_theme(theme));
    }
    Ok(state.app_info())
}

#[tauri::command]
pub fn set_text_scale(state: State<'_, AppState>, percent: i64) -> Result<AppInfo, UiError> {
    state.ui(state.set_text_scale(percent))?;
    Ok(state.app_info())
}
