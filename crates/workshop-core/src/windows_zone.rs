//! The Windows time zone a computer reports (`"Ekaterinburg Standard Time"`), as the IANA zone the app works in.
//!
//! Windows names its zones by registry key (`TimeZoneKeyName` of `GetDynamicTimeZoneInformation`), not by IANA
//! name. The mapping is CLDR's `windowsZones` table, through ICU4X (`icu_time`'s `WindowsParser`), which is what
//! Windows' own ICU uses: one Windows zone often covers several IANA zones, and the computer's region picks among
//! them ("West Asia Standard Time" is `Asia/Tashkent` for the world, `Asia/Dushanbe` in Tajikistan). The shell
//! reads the key and the region on Windows and passes their text here.

use crate::schedule::parse_zone;
use chrono_tz::Tz;
use icu_time::zone::iana::IanaParserExtended;
use icu_time::zone::WindowsParser;
use icu_time::TimeZone;

/// The IANA zone for a Windows time zone key, read with the computer's region when CLDR has a row for that region.
///
/// - `key`: the Windows zone's registry key name, exactly as Windows spells it (case-sensitive, ASCII), e.g.
///   `"Azerbaijan Standard Time"`; surrounding whitespace and NULs (a fixed-size Win32 buffer) are ignored.
/// - `region`: the computer's region as an ISO 3166 alpha-2 code (`"KZ"`) or UN M.49 number, any case; `None`, an
///   unknown code, or a region CLDR has no row for gives the zone's world-wide (`001`) mapping.
///
/// Returns `None` for a key CLDR does not list (a custom or misspelt zone); the app then asks the user.
///
/// # Example
/// ```
/// use workshop_core::windows_zone::zone_from_windows;
/// assert_eq!(zone_from_windows("West Asia Standard Time", Some("TJ")), Some(chrono_tz::Asia::Dushanbe));
/// assert_eq!(zone_from_windows("West Asia Standard Time", None), Some(chrono_tz::Asia::Tashkent));
/// assert_eq!(zone_from_windows("Azerbaijan Standard Time", Some("AZ")), Some(chrono_tz::Asia::Baku));
/// assert_eq!(zone_from_windows("Mars Standard Time", None), None);
/// ```
pub fn zone_from_windows(key: &str, region: Option<&str>) -> Option<Tz> {
    let key = key.trim_matches(|c: char| c == '\0' || c.is_whitespace());
    let parser = WindowsParser::new();
    let region = region.and_then(|r| r.trim().to_ascii_uppercase().parse::<icu_locale_core::subtags::Region>().ok());
    let zone = region.and_then(|r| parser.parse(key, Some(r))).or_else(|| parser.parse(key, None))?;
    iana_name(zone)
}

/// The tz database zone for a CLDR (BCP-47) zone: its canonical IANA name, or else any alias chrono-tz knows.
fn iana_name(zone: TimeZone) -> Option<Tz> {
    let iana = IanaParserExtended::new();
    let canonical = iana.iter().find(|t| t.time_zone == zone).map(|t| t.canonical);
    canonical
        .and_then(|name| parse_zone(name).ok())
        .or_else(|| iana.iter_all().filter(|t| t.time_zone == zone).find_map(|t| parse_zone(t.normalized).ok()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::{America, Asia, Etc, Europe};

    /// The zones of the Almaty Process states and observers, as their computers report them, and a few others.
    #[test]
    fn windows_keys_map_to_iana_zones() {
        let cases: &[(&str, Option<&str>, Option<Tz>)] = &[
            ("Afghanistan Standard Time", Some("AF"), Some(Asia::Kabul)),
            ("Azerbaijan Standard Time", Some("AZ"), Some(Asia::Baku)),
            ("Azerbaijan Standard Time", None, Some(Asia::Baku)),
            // Kazakhstan has been one zone, UTC+5, since March 2024: CLDR files it under West Asia, whose row for
            // KZ starts with Asia/Oral (the same offset today; Almaty was UTC+6 until then, which no Windows key
            // can tell apart). Central Asia (UTC+6) is Kyrgyzstan's.
            ("West Asia Standard Time", Some("KZ"), Some(Asia::Oral)),
            ("West Asia Standard Time", Some("kz"), Some(Asia::Oral)),
            ("Central Asia Standard Time", Some("KZ"), Some(Asia::Bishkek)),
            ("Central Asia Standard Time", Some("KG"), Some(Asia::Bishkek)),
            ("Central Asia Standard Time", None, Some(Asia::Bishkek)),
            ("West Asia Standard Time", Some("TJ"), Some(Asia::Dushanbe)),
            ("West Asia Standard Time", Some("TM"), Some(Asia::Ashgabat)),
            ("West Asia Standard Time", Some("UZ"), Some(Asia::Tashkent)),
            ("Ekaterinburg Standard Time", None, Some(Asia::Yekaterinburg)),
            // A region CLDR has no row for under this key: the world-wide row.
            ("Ekaterinburg Standard Time", Some("KZ"), Some(Asia::Yekaterinburg)),
            ("Turkey Standard Time", Some("TR"), Some(Europe::Istanbul)),
            ("Iran Standard Time", Some("IR"), Some(Asia::Tehran)),
            ("Pakistan Standard Time", Some("PK"), Some(Asia::Karachi)),
            ("W. Europe Standard Time", Some("IT"), Some(Europe::Rome)),
            ("W. Europe Standard Time", None, Some(Europe::Berlin)),
            ("Russian Standard Time", None, Some(Europe::Moscow)),
            ("Eastern Standard Time", Some("CA"), Some(America::Toronto)),
            ("UTC", None, Some(Etc::UTC)),
            // A fixed-size Win32 buffer read whole.
            ("Azerbaijan Standard Time\0\0\0", None, Some(Asia::Baku)),
            // An unknown region code is ignored, an unknown key is not guessed.
            ("Azerbaijan Standard Time", Some("Baku"), Some(Asia::Baku)),
            ("Mars Standard Time", None, None),
            ("azerbaijan standard time", None, None),
            ("", None, None),
        ];
        for &(key, region, want) in cases {
            assert_eq!(zone_from_windows(key, region), want, "{key:?} in {region:?}");
        }
    }

    /// Every zone CLDR knows (so every zone a Windows key can lead to) is one the tz database behind chrono-tz
    /// has, under its canonical name or an alias.
    #[test]
    fn every_cldr_zone_has_a_tz_database_zone() {
        let iana = IanaParserExtended::new();
        let unmapped: Vec<&str> = iana
            .iter()
            .filter(|t| t.time_zone != TimeZone::UNKNOWN && iana_name(t.time_zone).is_none())
            .map(|t| t.canonical)
            .collect();
        assert!(iana.iter().count() > 400);
        assert!(unmapped.is_empty(), "CLDR zones with no tz database zone: {unmapped:?}");
    }
}
