//! The interface's language: Fluent messages formatted in Rust for the webview (`localize`, values, attributes,
//! arguments and inline markup), and switching between English and Russian.

use crate::error::{Error, UiError};
use crate::state::AppState;
use crate::views::AppInfo;
use serde::Serialize;
use tauri::{Manager, Runtime, State};
use workshop_core::Lang;

/// One message the UI asks for: `rich` asks for the inline markup parsed into segments.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct L10nRequest {
    pub id: String,
    #[serde(default)]
    pub args: Option<serde_json::Map<String, serde_json::Value>>,
    #[serde(default)]
    pub rich: bool,
}

/// A message formatted for the UI: its value, its attributes, and the value's markup as segments when asked.
#[derive(Debug, Clone, Serialize)]
pub struct L10nResponse {
    pub value: String,
    pub attrs: std::collections::BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rich: Option<Vec<workshop_core::markup::Segment>>,
}

impl AppState {
    /// Formats each requested message in the participant's language, logging a fallback to `en`.
    pub fn localize(&self, requests: &[L10nRequest]) -> Vec<L10nResponse> {
        let lang = self.lang();
        requests
            .iter()
            .map(|r| {
                let args = r.args.as_ref().map(workshop_core::i18n::args_from_json);
                let m = self.l10n().message(lang, &r.id, args.as_ref());
                if m.fell_back {
                    eprintln!("gcm-workshop: message {:?} is missing in {}", r.id, lang.code());
                }
                let rich = r.rich.then(|| workshop_core::markup::parse(&m.value));
                L10nResponse { value: m.value, attrs: m.attrs, rich }
            })
            .collect()
    }

    /// Saves the interface language (`en` or `ru`); `UnknownLanguage` for any other code.
    pub fn set_language(&self, code: &str) -> Result<Lang, Error> {
        let lang = Lang::parse(code).ok_or_else(|| Error::UnknownLanguage(code.to_owned()))?;
        self.update(|s| s.language = Some(lang))?;
        Ok(lang)
    }
}

#[tauri::command]
pub fn localize(state: State<'_, AppState>, requests: Vec<L10nRequest>) -> Vec<L10nResponse> {
    state.localize(&requests)
}

/// Saves the language and retitles the window, so the switch takes effect without a restart.
#[tauri::command]
pub fn set_language<R: Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    lang: String,
) -> Result<AppInfo, UiError> {
    state.ui(state.set_language(&lang))?;
    let info = state.app_info();
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.set_title(&info.title);
    }
    Ok(info)
}
