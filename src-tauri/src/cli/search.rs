//! `gcm-workshop search QUERY [--lang en|ru]`: the window's search (`workshop_core::search`, by word forms) for
//! scripts and tests. One place per line, best first: the section (the view's name in the language searched), the
//! place's title and the snippet around the match, separated by tabs. Nothing found: no output, exit 0, and
//! standard error says so (a line in English, then the window's line in the participant's language): that the
//! query is too short to search for (fewer than [`MIN_QUERY_CHARS`] letters), that the other language has the
//! words and in how many places, or that nothing has them.
//!
//! Exit codes: 0 searched (or nothing to search for); 2 an unknown language.

use super::output::write_stdout;
use crate::state::AppState;
use clap::Args;
use workshop_core::search::MIN_QUERY_CHARS;

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What to look for: words in any form («миграция» finds «миграции»), every one must occur.
    pub query: String,
}

pub fn run(args: SearchArgs, state: &AppState) -> i32 {
    let lang = state.lang();
    let l10n = state.l10n();
    let mut out = String::new();
    let query = args.query.trim();
    let answer = state.search_answer(query);
    if answer.hits.is_empty() {
        // Said as the window says it, so that "nothing found" is told apart from "nothing happened".
        let query_arg = ("query", query.to_owned().into());
        if query.chars().count() < MIN_QUERY_CHARS {
            eprintln!("gcm-workshop: nothing searched: a query needs at least {MIN_QUERY_CHARS} letters");
            eprintln!("{}", l10n.text(lang, "search-too-short"));
        } else if let Some(other) = &answer.elsewhere {
            let places = if other.count == 1 { "1 place".to_owned() } else { format!("{} places", other.count) };
            eprintln!("gcm-workshop: nothing found in {}; --lang {} finds {places}", lang.code(), other.lang.code());
            let words = [query_arg, ("count", other.count.into())];
            eprintln!("{}", l10n.text_with(lang, "search-status-elsewhere", &words));
        } else {
            eprintln!("gcm-workshop: nothing found, in any language");
            eprintln!("{}", l10n.text_with(lang, "search-status-none", &[query_arg]));
        }
    }
    for hit in answer.hits {
        let section = l10n.text(lang, &format!("nav-{}", hit.view));
        // A tab or line break inside a field would break the columns.
        let clean = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        out.push_str(&format!("{}\t{}\t{}\n", clean(&section), clean(&hit.title), clean(&hit.snippet)));
    }
    write_stdout(out.as_bytes())
}
