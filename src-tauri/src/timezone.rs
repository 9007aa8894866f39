//! The participant's time zone, for the window: the zone picker's list (offsets on the workshop's date) and
//! choosing a zone, or going back to the computer's. The webview's commands are at the end.

use crate::error::{Error, UiError};
use crate::state::{AppState, ZoneSource};
use chrono_tz::Tz;
use serde::Serialize;
use tauri::State;
use workshop_core::schedule::{event_instants, in_zone, parse_zone, region_zone_count, zone_list};

/// One zone of the picker, with its offset on the workshop's date (what matters, not today's).
#[derive(Debug, Clone, Serialize)]
pub struct ZoneEntry {
    pub zone: &'static str,
    pub offset: String,
}

/// The zone in force and where it comes from.
#[derive(Debug, Clone, Serialize)]
pub struct ZoneChoice {
    pub current: String,
    /// "UTC+6" on the workshop's date.
    pub offset: String,
    pub source: ZoneSource,
    /// The computer's zone, if it could be read and is known.
    pub computer: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Zones {
    /// The Almaty Process zones first (`region_count` of them), then every other zone.
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
        ZoneChoice { current: tz.name().to_owned(), offset: self.offset_on_the_day(tz), source, computer }
    }

    pub fn zones(&self) -> Zones {
        let zones = zone_list()
            .into_iter()
            .map(|zone| {
                let tz = zone.parse::<Tz>().expect("zone_list holds tz database names");
                ZoneEntry { zone, offset: self.offset_on_the_day(tz) }
            })
            .collect();
        Zones { zones, region_count: region_zone_count(), choice: self.zone_choice() }
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

#[tauri::command]
pub fn zones(state: State<'_, AppState>) -> Zones {
    state.zones()
}

#[tauri::command]
pub fn set_timezone(state: State<'_, AppState>, zone: Option<String>) -> Result<ZoneChoice, UiError> {
    state.ui(state.set_timezone(zone.as_deref()))
}
