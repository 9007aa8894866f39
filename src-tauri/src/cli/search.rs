//! `gcm-workshop search QUERY [--lang en|ru]`: the window's search (`workshop_core::search`, by word forms) for
//! scripts and tests. One place per line, best first: the section (the view's name in the language searched), the
//! place's title and the snippet around the match, separated by tabs. Nothing found: no output, exit 0.
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
    for hit in state.search_in(lang, &args.query) {
        let section = l10n.text(lang, &format!("nav-{}", hit.view));
        // A tab or line break inside a field would break the columns.
        let clean = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        out.push_str(&format!("{}\t{}\t{}\n", clean(&section), clean(&hit.title), clean(&hit.snippet)));
    }
    write_stdout(out.as_bytes())
}
