//! Search across the texts the app shows (concept note, agenda, resources, GCM objectives and principles), in
//! the participant's language, saying which other language has the words when that one has none; the matching is
//! the core's (`workshop_core::search`).

use crate::state::AppState;
use serde::Serialize;
use tauri::State;
use workshop_core::search::Hit;
use workshop_core::Lang;

/// What a search answers: `{hits, elsewhere}`, the places in the participant's language and, when there are none
/// there, where else the words are (a query typed before a change of language finds nothing in the new one).
#[derive(Debug, Clone, Serialize)]
pub struct SearchAnswer {
    pub hits: Vec<Hit>,
    /// `{lang, count}`: another language whose texts have the words in `count` places (1 or more); `None` when
    /// `hits` is not empty or no language has them.
    pub elsewhere: Option<Elsewhere>,
}

/// Another language in which a query finds `count` places.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Elsewhere {
    pub lang: Lang,
    pub count: usize,
}

impl AppState {
    /// The places in `lang` where `query` occurs (see `workshop_core::search`).
    pub fn search_in(&self, lang: Lang, query: &str) -> Vec<Hit> {
        workshop_core::search::search(&self.event(), &self.l10n(), lang, query)
    }

    /// The places in the current language where `query` occurs; when there are none, the first other language
    /// (in `Lang::ALL` order) that has some, and how many.
    pub fn search_answer(&self, query: &str) -> SearchAnswer {
        let lang = self.lang();
        let hits = self.search_in(lang, query);
        let elsewhere = if hits.is_empty() {
            Lang::ALL
                .into_iter()
                .filter(|&other| other != lang)
                .map(|other| Elsewhere { lang: other, count: self.search_in(other, query).len() })
                .find(|e| e.count > 0)
        } else {
            None
        };
        SearchAnswer { hits, elsewhere }
    }
}

#[tauri::command]
pub fn search(state: State<'_, AppState>, query: String) -> SearchAnswer {
    state.search_answer(&query)
}
