//! `gcm-workshop zones [QUERY] [--lang en|ru]`: the zone picker for scripts and for finding a `--tz` value. One
//! zone per line, the Almaty Process zones first: the IANA id, the place in the language asked for, and the UTC
//! offset on the event's first day, separated by tabs. A QUERY keeps the zones whose city or country (English or
//! Russian), IANA id or offset it names, as the window's search does (`workshop_core::zone_names`).
//!
//! Also here: reading a `--tz` value, which may be a place.
//!
//! Exit codes: 0 printed (nothing found: no output); 2 an unknown language.

use super::output::{report_in, write_stdout};
use crate::error::Error;
use crate::state::AppState;
use chrono_tz::Tz;
use clap::Args;
use workshop_core::schedule::{parse_zone, zone_list};
use workshop_core::zone_names::{self, ZoneLookup};
use workshop_core::Lang;

#[derive(Debug, Args)]
pub struct ZonesArgs {
    /// A city, country, IANA id or UTC offset, in English or Russian (Алматы, Kazakhstan, asia/bish, UTC+6).
    pub query: Option<String>,
}

pub fn run(args: ZonesArgs, state: &AppState) -> i32 {
    let lang = state.lang();
    let zones = state.zones_in(lang, args.query.as_deref());
    let out: String = zones
        .zones
        .iter()
        .map(|z| format!("{}\t{}\t{}\n", z.zone, zone_names::label(z.zone, lang, ""), z.offset))
        .collect();
    write_stdout(out.as_bytes())
}

/// A `--tz` value: an IANA name (any case, old names too), else a city or a country that names exactly one zone
/// of the picker (`zone_names::resolve`). `Err` holds the exit code once the reason is printed: 2, with the
/// candidates when the place names several zones, said in `lang` (the command's `--lang`).
pub fn zone_arg(value: &str, lang: Lang, state: &AppState) -> Result<Tz, i32> {
    if let Ok(tz) = parse_zone(value) {
        return Ok(tz);
    }
    match zone_names::resolve(value, &zone_list()) {
        Ok(id) => Ok(parse_zone(&id).expect("the picker's zones are tz database names")),
        Err(ZoneLookup::Ambiguous { candidates }) => {
            let error = Error::AmbiguousZone { query: value.to_owned(), candidates };
            Err(report_in(state, lang, &error, &error, 2))
        }
        Err(ZoneLookup::Unknown) => {
            let detail = format!(
                "unknown time zone {value:?}; give an IANA time zone name such as Asia/Almaty, a city such as \
                 Bishkek, or a country with one zone; `gcm-workshop zones QUERY` lists them"
            );
            Err(report_in(state, lang, detail, &Error::UnknownZone(value.to_owned()), 2))
        }
    }
}
