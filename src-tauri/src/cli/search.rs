//! `gcm-workshop search QUERY [--lang en|ru]`: the window's search (`workshop_core::search`, by word forms) for
//! scripts and tests. One place per line, best first: the section (the view's name in the language searched), the
//! place's title and the snippet around the match, separated by tabs. Nothing found: no output, exit 0; when the
//! other language has the words, standard error says so (a line in English, then the window's line).
//!
//! Exit codes: 0 searched; 2 an unknown language.

use super::output::write_stdout;
use crate::state::AppState;
use clap::Args;

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What to look for: words in any form («миграция» finds «миграции»), every one must occur.
    pub query: String,
}

pub fn run(args: SearchArgs, state: &AppState) -> i32 {
    let lang = state.lang();
    let l10n = state.l10n();
    let mut out = String::new();
    let answer = state.search_answer(&args.query);
    if let Some(other) = &answer.elsewhere {
        let places = if other.count == 1 { "1 place".to_owned() } else { format!("{} places", other.count) };
        eprintln!("gcm-workshop: nothing found in {}; --lang {} finds {places}", lang.code(), other.lang.code());
        let words = [("query", args.query.trim().to_owned().into()), ("count", other.count.into())];
        eprintln!("{}", l10n.text_with(lang, "search-status-elsewhere", &words));
    }
    for hit in answer.hits {
        let section = l10n.text(lang, &format!("nav-{}", hit.view));
        // A tab or line break inside a field would break the columns.
        let clean = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        out.push_str(&format!("{}\t{}\t{}\n", clean(&section), clean(&hit.title), clean(&hit.snippet)));
    }
    write_stdout(out.as_bytes())
}
