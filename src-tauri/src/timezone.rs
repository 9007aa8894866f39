//! The participant's time zone, for the window: the zone picker's list (offsets on the workshop's date) and
//! choosing a zone, or going back to the computer's. The webview's commands are at the end.

use crate::error::{Error, UiError};
use crate::state::{AppState, ZoneSource};
use chrono_tz::Tz;
use serde::Serialize;
use tauri::State;
use workshop_core::schedule::{event_instants, in_zone, parse_zone, region_zone_count, zone_list};
use workshop_core::zone_names;

/// One zone of the picker, with its offset on the workshop's date (what matters, not today's).
#[derive(Debug, Clone, Serialize)]
pub struct ZoneEntry {
    /// The IANA id.
    pub zone: &'static str,
    /// "UTC+6" on the event's first day.
    pub offset: String,
    /// City and country in the interface language, and the offset: «Алматы, Казахстан — UTC+6» (CLDR's names,
    /// `workshop_core::zone_names`).
    pub label: String,
}

/// The zone in force and where it comes from.
#[derive(Debug, Clone, Serialize)]
pub struct ZoneChoice {
    pub current: String,
    /// "UTC+6" on the workshop's date.
    pub offset: String,
    /// The zone's city and country in the interface language ("Almaty, Kazakhstan"), or its id where it has none.
    pub place: String,
    pub source: ZoneSource,
    /// The computer's zone, if it could be read and is known.
    pub computer: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Zones {
    /// The Almaty Process zones first (`region_count` of them), then every other zone; only those a query names
    /// when one was given.
    pub zones: Vec<ZoneEntry>,
    pub region_count: usize,
    #[serde(flatten)]
    pub choice: ZoneChoice,
}

impl AppState {
    fn offset_on_the_day(&self, tz: Tz) -> String {
        in_zone(event_instants(&self.event()).0, tz, self.event().date).offset
    }

    pub fn zone_choice(&self) -> ZoneChoice {
        let (tz, source) = self.zone();
        let computer = match self.computer_zone() {
            (tz, ZoneSource::Computer) => Some(tz.name().to_owned()),
            _ => None,
        };
        let place = zone_names::label(tz.name(), self.lang(), "");
        ZoneChoice { current: tz.name().to_owned(), offset: self.offset_on_the_day(tz), place, source, computer }
    }

    /// The picker's zones whose city, country (English or Russian), IANA id or offset `query` names
    /// (`zone_names::matches`); all of them for `None` or a blank query. The Almaty Process zones first, in their
    /// order; then the others by their label in the interface language.
    pub fn zones(&self, query: Option<&str>) -> Zones {
        self.zones_in(self.lang(), query)
    }

    /// [`AppState::zones`] with the places in `lang`.
    pub fn zones_in(&self, lang: workshop_core::Lang, query: Option<&str>) -> Zones {
        let query = query.unwrap_or("");
        let entries = |list: &[&'static str]| -> Vec<ZoneEntry> {
            list.iter()
                .map(|&zone| {
                    let tz = zone.parse::<Tz>().expect("zone_list holds tz database names");
                    let offset = self.offset_on_the_day(tz);
                    ZoneEntry { zone, label: zone_names::label(zone, lang, &offset), offset }
                })
                .filter(|e| zone_names::matches(e.zone, query, &e.offset))
                .collect()
        };
        let list = zone_list();
        let (region, rest) = list.split_at(region_zone_count());
        let mut zones = entries(region);
        let region_count = zones.len();
        let mut others = entries(rest);
        others.sort_by_cached_key(|e| e.label.to_lowercase());
        zones.extend(others);
        Zones { zones, region_count, choice: self.zone_choice() }
    }

    /// Saves `zone` (any tz database name, in any ASCII case), or forgets the choice with `None` so the
    /// computer's zone applies again. An unknown name changes nothing.
    pub fn set_timezone(&self, zone: Option<&str>) -> Result<ZoneChoice, Error> {
        let name = match zone {
            Some(z) => Some(parse_zone(z).map_err(|_| Error::UnknownZone(z.to_owned()))?.name().to_owned()),
            None => None,
        };
        self.update(|s| s.timezone = name)?;
        Ok(self.zone_choice())
    }
}

/// The picker's zones, those `query` names when given (city, country, IANA id or offset, in English or Russian).
#[tauri::command]
pub fn zones(state: State<'_, AppState>, query: Option<String>) -> Zones {
    state.zones(query.as_deref())
}

#[tauri::command]
pub fn set_timezone(state: State<'_, AppState>, zone: Option<String>) -> Result<ZoneChoice, UiError> {
    state.ui(state.set_timezone(zone.as_deref()))
}
