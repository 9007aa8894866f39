//! Time zones by their places: the city and country of a zone in the interface language ("Almaty, Kazakhstan —
//! UTC+6", «Алматы, Казахстан — UTC+6»), the picker's search by city, country, IANA id or offset in English or
//! Russian, and a zone named on the command line by id, city or country.
//!
//! The names are CLDR's, not ours: exemplar cities from CLDR 48.2.0 `timeZoneNames` (a city CLDR derives from the
//! id is the id's last segment, and has no Russian form), country names from its `territories`, the ids of one
//! zone from `cldr-bcp47`'s `timezone.json`, and each zone's country from the tz database's `zone.tab` (tzdata
//! 2025b). `tools/cldr/zone-names.mjs` reduces them to `data/zone-names.tsv` and `data/territories.tsv`, embedded
//! here; regenerate with `(cd tools/cldr && npm ci) && node tools/cldr/zone-names.mjs`. The data is under the
//! Unicode License v3 (`data/LICENSE-UNICODE`). ICU4X would give the same names, at many times the size.
//!
//! Old spellings that CLDR lists as ids of a zone (`Asia/Calcutta`, `Europe/Kiev`, `US/Eastern`) have the place
//! of the zone they name. Russian falls back to English field by field.

use crate::Lang;
use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

/// `zone, country, en, ru, alias-of` per line; `#` lines are comments. See the module docs for the sources.
const ZONE_NAMES: &str = include_str!("../data/zone-names.tsv");
/// `code, en, ru` per line, only the countries `zone-names.tsv` uses.
const TERRITORIES: &str = include_str!("../data/territories.tsv");

/// Where a zone is, in one language: CLDR's exemplar city and the zone's country.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// "Almaty", «Алматы».
    pub city: &'static str,
    /// "Kazakhstan", «Казахстан»; `None` for a zone without a country in `zone.tab` (none today).
    pub country: Option<&'static str>,
}

/// A canonical zone of the data: names in both languages, empty where CLDR has none.
struct Zone {
    id: &'static str,
    city: [&'static str; 2],
    country: [&'static str; 2],
    /// City and country in both languages, as `words` makes them, for matching.
    words: Vec<String>,
    /// The country's other names ([`OTHER_COUNTRY_NAMES`]), for search and `resolve`.
    country_other: &'static [&'static str],
    /// The other ids of the zone that have a `/` (the bare ones, `CET`, `EST`, `PRC`, would only mislead a search).
    aliases: Vec<&'static str>,
}

/// Names by which the Almaty Process states are searched for besides CLDR's: the names their own officials write
/// (`../shared/facts/ru-glossary.md` lists «Кыргызстан»; CLDR's Russian says «Киргизия») and the English name
/// Türkiye had until 2022. Search only: the picker shows CLDR's names.
const OTHER_COUNTRY_NAMES: &[(&str, &[&str])] =
    &[("KG", &["Кыргызстан", "Кыргызская Республика", "Kyrgyz Republic"]), ("TR", &["Turkey"])];

struct Data {
    zones: Vec<Zone>,
    /// Every id, canonical or alias, in ASCII lower case → index into `zones`.
    by_id: HashMap<String, usize>,
}

fn data() -> &'static Data {
    static DATA: OnceLock<Data> = OnceLock::new();
    DATA.get_or_init(|| {
        let rows = |text: &'static str| text.lines().filter(|l| !l.starts_with('#')).map(|l| l.split('\t'));
        let mut countries: HashMap<&str, [&str; 2]> = HashMap::new();
        for mut f in rows(TERRITORIES) {
            let code = f.next().unwrap_or_default();
            countries.insert(code, [f.next().unwrap_or_default(), f.next().unwrap_or_default()]);
        }
        let mut zones = Vec::new();
        let mut aliases = Vec::new();
        for f in rows(ZONE_NAMES) {
            let f: Vec<&'static str> = f.collect();
            let [id, code, en, ru, alias_of] = f[..] else { panic!("zone-names.tsv: not five columns: {f:?}") };
            if !alias_of.is_empty() {
                aliases.push((id, alias_of));
                continue;
            }
            let country = countries.get(code).copied().unwrap_or_default();
            let country_other: &'static [&'static str] =
                OTHER_COUNTRY_NAMES.iter().find(|(c, _)| *c == code).map_or(&[], |(_, names)| names);
            let words = [en, ru, country[0], country[1]]
                .iter()
                .chain(country_other)
                .filter(|s| !s.is_empty())
                .map(|s| words(s))
                .collect();
            zones.push(Zone { id, city: [en, ru], country, words, country_other, aliases: Vec::new() });
        }
        let mut by_id: HashMap<String, usize> =
            zones.iter().enumerate().map(|(i, z)| (z.id.to_ascii_lowercase(), i)).collect();
        for (alias, canonical) in aliases {
            let i = by_id[&canonical.to_ascii_lowercase()];
            by_id.insert(alias.to_ascii_lowercase(), i);
            if alias.contains('/') {
                zones[i].aliases.push(alias);
            }
        }
        Data { zones, by_id }
    })
}

/// The data's zone for an id or an alias, in any ASCII case.
fn zone(id: &str) -> Option<&'static Zone> {
    let data = data();
    data.by_id.get(&id.trim().to_ascii_lowercase()).map(|&i| &data.zones[i])
}

fn pick(names: [&'static str; 2], lang: Lang) -> &'static str {
    match lang {
        Lang::Ru if !names[1].is_empty() => names[1],
        _ => names[0],
    }
}

/// The current IANA id of a zone the data knows, for an id or an alias in any ASCII case: `"Asia/Calcutta"` →
/// `Some("Asia/Kolkata")`, `"asia/almaty"` → `Some("Asia/Almaty")`; `None` for `"UTC"`, `Etc/…` and unknown text.
pub fn canonical(zone_id: &str) -> Option<&'static str> {
    zone(zone_id).map(|z| z.id)
}

/// The city and country of a zone in `lang`.
///
/// - `zone`: an IANA id or an alias CLDR lists for a zone (`Asia/Calcutta`, `Europe/Kiev`, `US/Eastern`), in any
///   ASCII case.
/// - Russian names CLDR lacks fall back to English, city and country separately.
///
/// Returns `None` for `UTC`, `Etc/…` zones and ids the data does not know.
///
/// # Example
/// ```
/// use workshop_core::{zone_names::place, Lang};
/// let p = place("Asia/Almaty", Lang::Ru).unwrap();
/// assert_eq!((p.city, p.country), ("Алматы", Some("Казахстан")));
/// assert_eq!(place("Asia/Calcutta", Lang::En).unwrap().city, "Kolkata");
/// assert_eq!(place("UTC", Lang::En), None);
/// ```
pub fn place(zone_id: &str, lang: Lang) -> Option<Place> {
    let z = zone(zone_id)?;
    let country = pick(z.country, lang);
    Some(Place { city: pick(z.city, lang), country: (!country.is_empty()).then_some(country) })
}

/// The picker's text for a zone: place, an em dash, and `offset` as given (the app's `format::utc_offset`,
/// "UTC+6", "UTC+5:30").
///
/// - A zone with a place: "Almaty, Kazakhstan — UTC+6"; the country is left out when it reads as the city
///   ("Singapore — UTC+8").
/// - `UTC` (any ASCII case): "UTC" alone, its offset being its name.
/// - Any other zone without a place (`Etc/GMT-6`, unknown text): the id as given, "Etc/GMT-6 — UTC+6".
/// - An empty `offset` leaves out the dash and the offset.
///
/// # Example
/// ```
/// use workshop_core::{zone_names::label, Lang};
/// assert_eq!(label("Asia/Almaty", Lang::En, "UTC+6"), "Almaty, Kazakhstan — UTC+6");
/// assert_eq!(label("Asia/Almaty", Lang::Ru, "UTC+6"), "Алматы, Казахстан — UTC+6");
/// assert_eq!(label("UTC", Lang::Ru, "UTC+0"), "UTC");
/// ```
pub fn label(zone_id: &str, lang: Lang, offset: &str) -> String {
    if zone_id.trim().eq_ignore_ascii_case("utc") {
        return "UTC".to_owned();
    }
    let name = match place(zone_id, lang) {
        Some(Place { city, country: Some(country) }) if words(city) != words(country) => format!("{city}, {country}"),
        Some(Place { city, .. }) => city.to_owned(),
        None => zone_id.to_owned(),
    };
    if offset.is_empty() {
        name
    } else {
        format!("{name} — {offset}")
    }
}

/// Whether the picker's search `query` finds `zone` (shown with `offset`, e.g. "UTC+5:30").
///
/// After folding (case, `ё` → `е`, Latin diacritics, so "almaty", «АЛМАТЫ», "curacao" match), the query matches when
/// it:
/// - starts a word of the zone's city or country, in English or Russian, and may run on over the next words
///   («казах», "new yo", "united st"); punctuation and hyphens separate words on both sides;
/// - occurs anywhere in the IANA id or an alias with a `/` (`Asia/Calcutta`), as written ("asia/alm") or with `_`
///   and `/` read as spaces ("new york");
/// - names the offset: a sign or `UTC`/`GMT` is needed, then hours, optionally `:mm` or `mm` ("UTC+6", "+6",
///   "+06", "+6:00", "+0600", "GMT+6", "utc 6", "UTC−6" with a typographic minus). Hours alone find only whole
///   hours: "+5" finds UTC+5, not UTC+5:30. A bare "6" finds nothing.
///
/// A blank query matches every zone (the picker then shows the whole list); a trimmed query longer than
/// [`MAX_QUERY_CHARS`] matches none.
///
/// # Example
/// ```
/// use workshop_core::zone_names::matches;
/// assert!(matches("Asia/Almaty", "казах", "UTC+6"));
/// assert!(matches("Asia/Almaty", "+06:00", "UTC+6"));
/// assert!(!matches("Asia/Almaty", "6", "UTC+6"));
/// ```
pub fn matches(zone_id: &str, query: &str, offset: &str) -> bool {
    let query = query.trim();
    if query.is_empty() {
        return true;
    }
    if query.chars().nth(MAX_QUERY_CHARS).is_some() {
        return false;
    }
    if let (Some(q), Some(o)) = (offset_minutes(query), offset_minutes(offset)) {
        if q == o {
            return true;
        }
    }
    let plain: String = query.chars().map(fold).collect();
    let q = words(query);
    let in_id = |id: &str| {
        let id_plain: String = id.chars().map(fold).collect();
        id_plain.contains(&plain) || (!q.is_empty() && words(id).contains(&q))
    };
    if in_id(zone_id) {
        return true;
    }
    let Some(z) = zone(zone_id) else { return false };
    (!q.is_empty() && z.words.iter().any(|w| starts_a_word(w, &q))) || z.aliases.iter().any(|a| in_id(a))
}

/// The longest query [`matches`] and [`resolve`] look at, in characters: longer than any zone id, alias, city or
/// country name, so a longer text matches nothing, and is not folded and searched 400 times (a pasted page).
pub const MAX_QUERY_CHARS: usize = 100;

/// `needle` occurs in `hay` at its start or just after a space (both made by `words`).
fn starts_a_word(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(i, _)| i == 0 || hay[..i].ends_with(' '))
}

/// Why `resolve` gave no zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ZoneLookup {
    /// The text names more than one zone of the list (a country with several zones, a city name two zones
    /// share): their ids, in the list's order.
    Ambiguous { candidates: Vec<String> },
    /// Neither an id nor a city or country name of a zone in the list.
    Unknown,
}

impl fmt::Display for ZoneLookup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ZoneLookup::Ambiguous { candidates } => {
                write!(f, "more than one time zone has that name: {}", candidates.join(", "))
            }
            ZoneLookup::Unknown => f.write_str("no time zone, city or country has that name"),
        }
    }
}

impl std::error::Error for ZoneLookup {}

/// The zone of `zones` (the picker's list, `schedule::zone_list()`) that a command-line option names.
///
/// Tried in order, the query trimmed:
/// 1. an id of `zones` in any ASCII case ("asia/almaty"), or an alias of one ("Asia/Calcutta" → `Asia/Kolkata`);
/// 2. a whole city name in English or Russian, folded as in [`matches`] («ташкент», "Bishkek"), naming one zone;
/// 3. a whole country name in English or Russian naming a country with one zone in `zones` ("Kyrgyzstan").
///
/// Zones of `zones` that are aliases of one zone count once, as that zone (so "Kyiv" is `Europe/Kyiv` even though
/// the list also holds `Europe/Zaporozhye`).
///
/// # Errors
/// [`ZoneLookup::Ambiguous`] when a city or country names several zones («Казахстан»: `Asia/Almaty`,
/// `Asia/Aqtau`, …), [`ZoneLookup::Unknown`] when nothing matches or the trimmed query is longer than
/// [`MAX_QUERY_CHARS`].
///
/// # Example
/// ```
/// use workshop_core::{schedule::zone_list, zone_names::{resolve, ZoneLookup}};
/// let zones = zone_list();
/// assert_eq!(resolve("Ташкент", &zones).unwrap(), "Asia/Tashkent");
/// assert_eq!(resolve("asia/almaty", &zones).unwrap(), "Asia/Almaty");
/// assert_eq!(resolve("Atlantis", &zones), Err(ZoneLookup::Unknown));
/// ```
pub fn resolve(query: &str, zones: &[&str]) -> Result<String, ZoneLookup> {
    let query = query.trim();
    if query.chars().nth(MAX_QUERY_CHARS).is_some() {
        return Err(ZoneLookup::Unknown);
    }
    if query.is_empty() {
        return Err(ZoneLookup::Unknown);
    }
    if let Some(found) = zones.iter().find(|z| z.eq_ignore_ascii_case(query)) {
        return Ok((*found).to_owned());
    }
    if let Some(id) = canonical(query).filter(|id| zones.contains(id)) {
        return Ok(id.to_owned());
    }
    let q = words(query);
    let fields: [fn(&Zone) -> Vec<&'static str>; 2] =
        [|z| z.city.to_vec(), |z| z.country.iter().chain(z.country_other).copied().collect()];
    for field in fields {
        let mut found: Vec<&str> = Vec::new();
        for &id in zones {
            let Some(z) = zone(id) else { continue };
            if field(z).iter().any(|name| !name.is_empty() && words(name) == q) {
                // An alias in the list counts as its zone, when that zone is listed too.
                let id = if zones.contains(&z.id) { z.id } else { id };
                if !found.contains(&id) {
                    found.push(id);
                }
            }
        }
        match found[..] {
            [] => continue,
            [one] => return Ok(one.to_owned()),
            _ => return Err(ZoneLookup::Ambiguous { candidates: found.iter().map(|s| (*s).to_owned()).collect() }),
        }
    }
    Err(ZoneLookup::Unknown)
}

/// An offset as the app writes it ("UTC+5:30") or a participant types it ("+05:30", "gmt-3", "UTC 6", "+0530"),
/// in minutes east of UTC; `None` without a sign or a `UTC`/`GMT` in front, or out of range.
fn offset_minutes(text: &str) -> Option<i32> {
    let s: String = text.chars().map(fold).filter(|c| !c.is_whitespace()).collect();
    let (prefixed, s) = match s.strip_prefix("utc").or_else(|| s.strip_prefix("gmt")) {
        Some(rest) => (true, rest),
        None => (false, s.as_str()),
    };
    let (sign, s) = match s.as_bytes().first() {
        Some(b'+') => (1, &s[1..]),
        Some(b'-') => (-1, &s[1..]),
        _ if prefixed => (1, s),
        _ => return None,
    };
    let digits = |t: &str| !t.is_empty() && t.len() <= 2 && t.bytes().all(|b| b.is_ascii_digit());
    let (h, m) = match s.split_once(':') {
        Some((h, m)) if digits(h) && m.len() == 2 && digits(m) => (h, m),
        None if digits(s) => (s, "0"),
        None if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) => s.split_at(2),
        _ => return None,
    };
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    (h <= 14 && m < 60).then_some(sign * (h * 60 + m))
}

/// Latin letters U+00C0–U+017F without their diacritics, in lower case; `.` keeps the letter (æ, ß, ŋ, œ…).
const LATIN: &[u8; 192] = b"aaaaaa.ceeeeiiiidnooooo.ouuuuy..aaaaaa.ceeeeiiiidnooooo.ouuuuy.y\
aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii..jjkk.lllllll\
lllnnnnnn...oooooo..rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// Folds one character for matching: lower case, `ё` → `е`, Latin letters without diacritics, typographic
/// apostrophes and minus signs as ASCII. (`search.rs` folds differently: one char for one char, keeping
/// diacritics, as its snippets need.)
fn fold(c: char) -> char {
    match c {
        'ё' | 'Ё' => 'е',
        '’' | '‘' | '`' => '\'',
        '−' | '–' | '—' => '-',
        'ș' | 'Ș' | 'ş' | 'Ş' => 's',
        'ț' | 'Ț' | 'ţ' | 'Ţ' => 't',
        '\u{c0}'..='\u{17f}' if LATIN[c as usize - 0xc0] != b'.' => char::from(LATIN[c as usize - 0xc0]),
        _ => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        }
    }
}

/// Folded letters and digits, every other run of characters one space, none at the ends: "Ust’-Nera" → "ust
/// nera", "America/New_York" → "america new york".
fn words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().map(fold) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::zone_list;

    fn check_label(zone: &str, offset: &str, en: &str, ru: &str) {
        assert_eq!(label(zone, Lang::En, offset), en, "en {zone}");
        assert_eq!(label(zone, Lang::Ru, offset), ru, "ru {zone}");
    }

    #[test]
    fn labels() {
        check_label("Asia/Almaty", "UTC+6", "Almaty, Kazakhstan — UTC+6", "Алматы, Казахстан — UTC+6");
        check_label("Asia/Bishkek", "UTC+6", "Bishkek, Kyrgyzstan — UTC+6", "Бишкек, Киргизия — UTC+6");
        check_label("Asia/Dushanbe", "UTC+5", "Dushanbe, Tajikistan — UTC+5", "Душанбе, Таджикистан — UTC+5");
        check_label("Asia/Tashkent", "UTC+5", "Tashkent, Uzbekistan — UTC+5", "Ташкент, Узбекистан — UTC+5");
        check_label("Asia/Samarkand", "UTC+5", "Samarkand, Uzbekistan — UTC+5", "Самарканд, Узбекистан — UTC+5");
        check_label("Asia/Ashgabat", "UTC+5", "Ashgabat, Turkmenistan — UTC+5", "Ашхабад, Туркменистан — UTC+5");
        check_label("Asia/Baku", "UTC+4", "Baku, Azerbaijan — UTC+4", "Баку, Азербайджан — UTC+4");
        check_label("Asia/Tbilisi", "UTC+4", "Tbilisi, Georgia — UTC+4", "Тбилиси, Грузия — UTC+4");
        check_label("Asia/Yerevan", "UTC+4", "Yerevan, Armenia — UTC+4", "Ереван, Армения — UTC+4");
        check_label("Asia/Kabul", "UTC+4:30", "Kabul, Afghanistan — UTC+4:30", "Кабул, Афганистан — UTC+4:30");
        check_label("Asia/Karachi", "UTC+5", "Karachi, Pakistan — UTC+5", "Карачи, Пакистан — UTC+5");
        check_label("Asia/Dhaka", "UTC+6", "Dhaka, Bangladesh — UTC+6", "Дакка, Бангладеш — UTC+6");
        check_label("Asia/Tehran", "UTC+3:30", "Tehran, Iran — UTC+3:30", "Тегеран, Иран — UTC+3:30");
        check_label("Europe/Istanbul", "UTC+3", "Istanbul, Türkiye — UTC+3", "Стамбул, Турция — UTC+3");
        check_label("Europe/Moscow", "UTC+3", "Moscow, Russia — UTC+3", "Москва, Россия — UTC+3");
        check_label("Europe/Rome", "UTC+1", "Rome, Italy — UTC+1", "Рим, Италия — UTC+1");
        check_label("Asia/Qyzylorda", "UTC+5", "Kyzylorda, Kazakhstan — UTC+5", "Кызылорда, Казахстан — UTC+5");
        // Renamed zones: the current id and the old spelling read alike.
        check_label("Europe/Kyiv", "UTC+2", "Kyiv, Ukraine — UTC+2", "Киев, Украина — UTC+2");
        check_label("Europe/Kiev", "UTC+2", "Kyiv, Ukraine — UTC+2", "Киев, Украина — UTC+2");
        check_label("Asia/Kolkata", "UTC+5:30", "Kolkata, India — UTC+5:30", "Калькутта, Индия — UTC+5:30");
        check_label("Asia/Calcutta", "UTC+5:30", "Kolkata, India — UTC+5:30", "Калькутта, Индия — UTC+5:30");
        check_label("asia/saigon", "UTC+7", "Ho Chi Minh City, Vietnam — UTC+7", "Хошимин, Вьетнам — UTC+7");
        check_label(
            "America/New_York",
            "UTC-5",
            "New York, United States — UTC-5",
            "Нью-Йорк, Соединенные Штаты — UTC-5",
        );
        check_label(
            "America/Argentina/Buenos_Aires",
            "UTC-3",
            "Buenos Aires, Argentina — UTC-3",
            "Буэнос-Айрес, Аргентина — UTC-3",
        );
        // A city that reads as its country is written once.
        check_label("Asia/Singapore", "UTC+8", "Singapore — UTC+8", "Сингапур — UTC+8");
        check_label("UTC", "UTC+0", "UTC", "UTC");
        check_label("Etc/GMT-6", "UTC+6", "Etc/GMT-6 — UTC+6", "Etc/GMT-6 — UTC+6");
        check_label("Mars/Olympus", "", "Mars/Olympus", "Mars/Olympus");
        check_label("Asia/Almaty", "", "Almaty, Kazakhstan", "Алматы, Казахстан");
    }

    fn check_match(zone: &str, offset: &str, query: &str, expect: bool) {
        assert_eq!(matches(zone, query, offset), expect, "{query:?} in {zone} ({offset})");
    }

    #[test]
    fn matching() {
        let yes = |zone, offset, query| check_match(zone, offset, query, true);
        let no = |zone, offset, query| check_match(zone, offset, query, false);
        // City and country, both languages, any case, ё and diacritics folded.
        yes("Asia/Almaty", "UTC+6", "almaty");
        yes("Asia/Almaty", "UTC+6", "АЛМАТЫ");
        yes("Asia/Almaty", "UTC+6", "Алматы");
        yes("Asia/Almaty", "UTC+6", "алм");
        yes("Asia/Almaty", "UTC+6", "Казахстан");
        yes("Asia/Almaty", "UTC+6", "kazakh");
        yes("Asia/Bishkek", "UTC+6", "bishkek");
        yes("Asia/Bishkek", "UTC+6", "Киргиз");
        yes("Asia/Bishkek", "UTC+6", "Кыргызстан");
        yes("Asia/Bishkek", "UTC+6", "kyrgyz republic");
        yes("Europe/Istanbul", "UTC+3", "turkey");
        yes("Asia/Dushanbe", "UTC+5", "Душанбе");
        yes("Asia/Dushanbe", "UTC+5", "tajik");
        yes("Asia/Tashkent", "UTC+5", "Tashkent");
        yes("Asia/Tashkent", "UTC+5", "Ташкент");
        yes("Asia/Tashkent", "UTC+5", "узбек");
        yes("Europe/Istanbul", "UTC+3", "turkiye");
        yes("America/Curacao", "UTC-4", "curaçao");
        yes("America/Curacao", "UTC-4", "CURACAO");
        yes("America/New_York", "UTC-5", "соединённые шт");
        yes("America/New_York", "UTC-5", "united st");
        yes("America/New_York", "UTC-5", "нью-йорк");
        yes("America/New_York", "UTC-5", "нью йорк");
        yes("Asia/Kamchatka", "UTC+12", "камчат");
        yes("Europe/Kyiv", "UTC+2", "Киев");
        // The IANA id, as written or with `_` and `/` as spaces, and old spellings.
        yes("Asia/Almaty", "UTC+6", "asia/alm");
        yes("Asia/Almaty", "UTC+6", "maty");
        yes("America/New_York", "UTC-5", "new york");
        yes("America/New_York", "UTC-5", "new_york");
        yes("America/New_York", "UTC-5", "us/eastern");
        yes("Europe/Kyiv", "UTC+2", "kiev");
        yes("Asia/Kolkata", "UTC+5:30", "calcutta");
        yes("UTC", "UTC+0", "utc");
        // The offset, with a sign or UTC/GMT.
        yes("Asia/Almaty", "UTC+6", "UTC+6");
        yes("Asia/Almaty", "UTC+6", "+6");
        yes("Asia/Almaty", "UTC+6", "+06");
        yes("Asia/Almaty", "UTC+6", "+6:00");
        yes("Asia/Almaty", "UTC+6", "+0600");
        yes("Asia/Almaty", "UTC+6", "GMT+6");
        yes("Asia/Almaty", "UTC+6", "utc 6");
        yes("Asia/Kolkata", "UTC+5:30", "+5:30");
        yes("Asia/Kolkata", "UTC+5:30", "UTC+05:30");
        yes("America/St_Johns", "UTC-3:30", "UTC−3:30");
        yes("America/Sao_Paulo", "UTC-3", "-3");
        yes("Europe/London", "UTC+0", "+0");
        // Not matches.
        no("Asia/Almaty", "UTC+6", "6");
        no("Asia/Almaty", "UTC+6", "06");
        no("Asia/Almaty", "UTC+6", "+5");
        no("Asia/Almaty", "UTC+6", "-6");
        no("Asia/Kolkata", "UTC+5:30", "+5");
        no("Asia/Almaty", "UTC+6", "лматы");
        no("Asia/Almaty", "UTC+6", "stan");
        no("Asia/Almaty", "UTC+6", "Ташкент");
        no("Asia/Almaty", "UTC+6", "uzbek");
        no("Asia/Tashkent", "UTC+5", "kazakhstan");
        no("Europe/Brussels", "UTC+1", "cet");
        no("Asia/Almaty", "UTC+6", "UTC");
        no("Mars/Olympus", "UTC+6", "mars olympus x");
        // Blank: everything.
        yes("Asia/Almaty", "UTC+6", "  ");
    }

    #[test]
    fn offsets() {
        let cases: &[(&str, Option<i32>)] = &[
            ("UTC+6", Some(360)),
            ("UTC+5:30", Some(330)),
            ("UTC-3:30", Some(-210)),
            ("UTC+0", Some(0)),
            ("utc", None),
            ("UTC+", None),
            ("+14", Some(840)),
            ("+15", None),
            ("+5:3", None),
            ("+5:75", None),
            ("+123", None),
            ("6", None),
            ("+6h", None),
        ];
        for (text, expect) in cases {
            assert_eq!(offset_minutes(text), *expect, "{text}");
        }
    }

    fn check_resolve(query: &str, expect: Result<&str, &[&str]>) {
        let expect = match expect {
            Ok(zone) => Ok(zone.to_owned()),
            Err([]) => Err(ZoneLookup::Unknown),
            Err(c) => Err(ZoneLookup::Ambiguous { candidates: c.iter().map(|s| (*s).to_owned()).collect() }),
        };
        assert_eq!(resolve(query, &zone_list()), expect, "{query}");
    }

    #[test]
    fn resolving() {
        let kz: &[&str] = &[
            "Asia/Almaty",
            "Asia/Aqtau",
            "Asia/Aqtobe",
            "Asia/Atyrau",
            "Asia/Oral",
            "Asia/Qostanay",
            "Asia/Qyzylorda",
        ];
        check_resolve("Ташкент", Ok("Asia/Tashkent"));
        check_resolve("Bishkek", Ok("Asia/Bishkek"));
        check_resolve(" asia/almaty ", Ok("Asia/Almaty"));
        check_resolve("ASIA/CALCUTTA", Ok("Asia/Kolkata"));
        check_resolve("utc", Ok("UTC"));
        check_resolve("алматы", Ok("Asia/Almaty"));
        check_resolve("Kyiv", Ok("Europe/Kyiv"));
        check_resolve("Киев", Ok("Europe/Kyiv"));
        check_resolve("Kyrgyzstan", Ok("Asia/Bishkek"));
        check_resolve("Киргизия", Ok("Asia/Bishkek"));
        check_resolve("Кыргызстан", Ok("Asia/Bishkek"));
        check_resolve("Turkey", Ok("Europe/Istanbul"));
        check_resolve("Türkiye", Ok("Europe/Istanbul"));
        check_resolve("Singapore", Ok("Asia/Singapore"));
        check_resolve("New York", Ok("America/New_York"));
        check_resolve("Казахстан", Err(kz));
        check_resolve("kazakhstan", Err(kz));
        check_resolve("Uzbekistan", Err(&["Asia/Tashkent", "Asia/Samarkand"]));
        check_resolve("Atlantis", Err(&[]));
        check_resolve("Alma", Err(&[]));
        check_resolve("", Err(&[]));
    }

    #[test]
    fn errors_read_as_sentences() {
        let e = ZoneLookup::Ambiguous { candidates: vec!["Asia/Tashkent".into(), "Asia/Samarkand".into()] };
        assert_eq!(e.to_string(), "more than one time zone has that name: Asia/Tashkent, Asia/Samarkand");
        assert_eq!(ZoneLookup::Unknown.to_string(), "no time zone, city or country has that name");
    }

    /// No zone id, alias, city or country name is as long as the longest query looked at; a longer query (a
    /// pasted page) matches nothing, and a name at the limit still does.
    #[test]
    fn queries_longer_than_any_name_match_nothing() {
        let zones = zone_list();
        let longest = zones
            .iter()
            .flat_map(|z| {
                let mut names = vec![z.to_string()];
                for lang in Lang::ALL {
                    if let Some(p) = place(z, lang) {
                        names.push(p.city.to_string());
                        names.extend(p.country.map(str::to_string));
                    }
                }
                names
            })
            .map(|n| n.chars().count())
            .max()
            .unwrap();
        assert!(longest < MAX_QUERY_CHARS, "{longest}");
        let padded = format!("{}Almaty", " ".repeat(MAX_QUERY_CHARS));
        assert!(matches("Asia/Almaty", &padded, "UTC+5"), "surrounding blanks do not count");
        let long = "Almaty ".repeat(MAX_QUERY_CHARS / 7 + 1);
        assert!(!matches("Asia/Almaty", &long, "UTC+5"));
        assert_eq!(resolve(&long, &zones), Err(ZoneLookup::Unknown));
        assert_eq!(resolve("Almaty", &zones).unwrap(), "Asia/Almaty");
    }

    #[test]
    fn folding() {
        assert_eq!(words("Ust’-Nera"), "ust nera");
        assert_eq!(words("América/São_Paulo"), "america sao paulo");
        assert_eq!(words("Ёлкино  — ÅLAND, Curaçao"), "елкино aland curacao");
        assert_eq!(words("Dumont d’Urville"), "dumont d urville");
        assert_eq!(words("Ciudad Juárez; Łódź, Bucureșți"), "ciudad juarez lodz bucuresti");
    }

    /// Every zone the picker offers has a city and a country in both languages (Russian through the fallback
    /// where CLDR has no Russian city); the Almaty Process zones have Russian cities of their own.
    #[test]
    fn every_listed_zone_has_a_place() {
        let list = zone_list();
        let missing: Vec<_> =
            list.iter().filter(|z| **z != "UTC" && Lang::ALL.iter().any(|&l| place(z, l).is_none())).collect();
        assert!(missing.is_empty(), "zones without a place: {missing:?}");
        for lang in Lang::ALL {
            for z in list.iter().filter(|z| **z != "UTC") {
                let p = place(z, lang).unwrap();
                assert!(!p.city.is_empty() && p.country.is_some(), "{z} {}", lang.code());
            }
        }
        for z in &list[..crate::schedule::region_zone_count()] {
            assert!(!zone(z).unwrap().city[1].is_empty(), "{z}: no Russian city");
        }
    }

    #[test]
    fn data_is_consistent() {
        let data = data();
        assert!(ZONE_NAMES.starts_with("# Made by `node tools/cldr/zone-names.mjs` from CLDR "));
        assert!(data.zones.len() > 400, "{}", data.zones.len());
        for z in &data.zones {
            assert!(!z.city[0].is_empty() && !z.country[0].is_empty() && !z.country[1].is_empty(), "{}", z.id);
            assert!(z.id.parse::<chrono_tz::Tz>().is_ok(), "{} is not a tz name", z.id);
        }
        // Sorted by id, as the script writes it, so a regenerated file diffs cleanly.
        let ids: Vec<&str> =
            ZONE_NAMES.lines().filter(|l| !l.starts_with('#')).map(|l| l.split('\t').next().unwrap()).collect();
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "zone-names.tsv is not sorted");
    }
}
