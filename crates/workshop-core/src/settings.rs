//! The participant's settings as a validated value: parsed from and written to JSON text here, read from and
//! written to disk by the shell. Anything that fails to parse or validate is a `SettingsError`, and the shell
//! sets the file aside rather than guess at what the participant meant.

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// Reminder lead times the UI offers, in minutes.
pub const REMINDER_MINUTES: [u32; 4] = [5, 10, 15, 30];
/// The smallest text size, in percent of normal.
pub const TEXT_SCALE_MIN: u32 = 80;
/// The largest text size, in percent of normal.
pub const TEXT_SCALE_MAX: u32 = 200;
/// The step between text sizes the UI offers, in percentage points.
pub const TEXT_SCALE_STEP: u32 = 10;
/// The normal text size, in percent: the default, and what "reset" goes back to.
pub const TEXT_SCALE_NORMAL: u32 = 100;
/// From this size on (percent) the window uses its one-column layout, so the navigation does not take half of it.
pub const TEXT_SCALE_LARGE: u32 = 150;

/// The text sizes the UI may set, sent to the webview in `app_info` as
/// `{"min": 80, "max": 200, "step": 10, "normal": 100}` (percent of normal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TextScaleLimits {
    pub min: u32,
    pub max: u32,
    pub step: u32,
    pub normal: u32,
}

/// The one set of text size limits, from the constants above.
pub const TEXT_SCALE_LIMITS: TextScaleLimits =
    TextScaleLimits { min: TEXT_SCALE_MIN, max: TEXT_SCALE_MAX, step: TEXT_SCALE_STEP, normal: TEXT_SCALE_NORMAL };

impl TextScaleLimits {
    /// Whether `percent` is one of the sizes offered: within `min..=max` and on a step counted from `min`.
    pub fn offers(&self, percent: u32) -> bool {
        (self.min..=self.max).contains(&percent) && (percent - self.min).is_multiple_of(self.step)
    }

    /// Whether text at `percent` is large enough for the one-column layout (from `TEXT_SCALE_LARGE` on).
    pub fn is_large(&self, percent: u32) -> bool {
        percent >= TEXT_SCALE_LARGE
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reminders {
    pub enabled: bool,
    pub minutes: u32,
}

impl Default for Reminders {
    fn default() -> Self {
        Reminders { enabled: false, minutes: 10 }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Geometry {
    pub width: u32,
    pub height: u32,
    pub x: i32,
    pub y: i32,
}

/// The event that the top-level `meeting`, `passcode` and `reminders` of older settings files belong to: the only
/// event there was before settings were kept per event.
pub const LEGACY_EVENT_ID: &str = "gcm-almaty-process-2023-12-05";

/// What the participant set for one event: the saved meeting link and its passcode, and reminders.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EventSettings {
    /// The meeting link the participant saved from their invitation, verbatim.
    pub meeting: Option<String>,
    /// The passcode found beside that link, if any.
    pub passcode: Option<String>,
    pub reminders: Reminders,
}

/// The settings file: language, zone, theme, text size, window and the event shown are the app's; the rest is kept per event
/// under `events.<event id>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, from = "RawSettings")]
pub struct Settings {
    /// The chosen language; `None` follows the computer's locale.
    pub language: Option<Lang>,
    /// An IANA zone name; `None` follows the computer's zone.
    pub timezone: Option<String>,
    pub theme: Theme,
    pub text_scale: u32,
    pub window: Option<Geometry>,
    /// The event the participant chose to show (its id), if they chose one; else the app picks.
    pub event: Option<String>,
    /// Per event id; an event without an entry has the defaults.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub events: BTreeMap<String, EventSettings>,
}

/// The file as read: today's fields, plus the top-level per-event fields of files written before there were
/// several events, which move to [`LEGACY_EVENT_ID`].
#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
struct RawSettings {
    language: Option<Lang>,
    timezone: Option<String>,
    theme: Theme,
    text_scale: u32,
    window: Option<Geometry>,
    event: Option<String>,
    events: BTreeMap<String, EventSettings>,
    meeting: Option<String>,
    passcode: Option<String>,
    reminders: Option<Reminders>,
}

impl Default for RawSettings {
    fn default() -> Self {
        let d = Settings::default();
        RawSettings {
            language: d.language,
            timezone: d.timezone,
            theme: d.theme,
            text_scale: d.text_scale,
            window: d.window,
            event: d.event,
            events: d.events,
            meeting: None,
            passcode: None,
            reminders: None,
        }
    }
}

impl From<RawSettings> for Settings {
    fn from(raw: RawSettings) -> Settings {
        let mut events = raw.events;
        if raw.meeting.is_some() || raw.passcode.is_some() || raw.reminders.is_some() {
            let legacy = events.entry(LEGACY_EVENT_ID.to_owned()).or_default();
            if legacy.meeting.is_none() {
                legacy.meeting = raw.meeting;
                legacy.passcode = raw.passcode;
            }
            if let Some(r) = raw.reminders.filter(|_| legacy.reminders == Reminders::default()) {
                legacy.reminders = r;
            }
        }
        Settings {
            language: raw.language,
            timezone: raw.timezone,
            theme: raw.theme,
            text_scale: raw.text_scale,
            window: raw.window,
            event: raw.event,
            events,
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            language: None,
            timezone: None,
            theme: Theme::System,
            text_scale: TEXT_SCALE_NORMAL,
            window: None,
            event: None,
            events: BTreeMap::new(),
        }
    }
}

impl Settings {
    /// The settings of event `id` (the defaults if it has none).
    pub fn event(&self, id: &str) -> EventSettings {
        self.events.get(id).cloned().unwrap_or_default()
    }

    /// The settings of event `id`, to change; an entry left at the defaults is dropped when written
    /// ([`Settings::to_json`]).
    pub fn event_mut(&mut self, id: &str) -> &mut EventSettings {
        self.events.entry(id.to_owned()).or_default()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsError(pub String);

impl fmt::Display for SettingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SettingsError {}

/// The text of a settings file's bytes: UTF-8 with or without a byte-order mark, or UTF-16 / UTF-32 with one
/// (Windows PowerShell 5.1's `>` and `Out-File` write UTF-16LE with a BOM; Notepad can save any of these).
/// Anything else is not text, and the file is corrupt.
pub fn decode_text(bytes: &[u8]) -> Result<String, SettingsError> {
    let not_text = |encoding: &str| SettingsError(format!("settings are not valid: the file is not {encoding} text"));
    // UTF-32LE's BOM begins with UTF-16LE's, so it is checked first.
    if let Some(rest) = bytes.strip_prefix(&[0xff, 0xfe, 0, 0]) {
        return decode_utf32(rest, u32::from_le_bytes).ok_or_else(|| not_text("UTF-32"));
    }
    if let Some(rest) = bytes.strip_prefix(&[0, 0, 0xfe, 0xff]) {
        return decode_utf32(rest, u32::from_be_bytes).ok_or_else(|| not_text("UTF-32"));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xff, 0xfe]) {
        return decode_utf16(rest, u16::from_le_bytes).ok_or_else(|| not_text("UTF-16"));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        return decode_utf16(rest, u16::from_be_bytes).ok_or_else(|| not_text("UTF-16"));
    }
    let rest = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]).unwrap_or(bytes);
    String::from_utf8(rest.to_vec()).map_err(|_| not_text("UTF-8"))
}

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Option<String> {
    let chunks = bytes.chunks_exact(2);
    if !chunks.remainder().is_empty() {
        return None;
    }
    let units: Vec<u16> = chunks.map(|c| unit([c[0], c[1]])).collect();
    String::from_utf16(&units).ok()
}

fn decode_utf32(bytes: &[u8], unit: fn([u8; 4]) -> u32) -> Option<String> {
    let chunks = bytes.chunks_exact(4);
    if !chunks.remainder().is_empty() {
        return None;
    }
    chunks.map(|c| char::from_u32(unit([c[0], c[1], c[2], c[3]]))).collect()
}

impl Settings {
    /// Reads the bytes of a settings file: [`decode_text`], then [`Settings::from_json`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Settings, SettingsError> {
        Settings::from_json(&decode_text(bytes)?)
    }

    /// Parses and validates settings text. Empty text is the defaults; a leading byte-order mark is skipped.
    pub fn from_json(text: &str) -> Result<Settings, SettingsError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.trim().is_empty() {
            return Ok(Settings::default());
        }
        let invalid = |e: serde_json::Error| SettingsError(format!("settings are not valid: {e}"));
        // serde would read `[]` as a struct of defaults; a settings file is an object or it is corrupt.
        let value: serde_json::Value = serde_json::from_str(text).map_err(invalid)?;
        if !value.is_object() {
            return Err(SettingsError("settings are not valid: expected a JSON object".into()));
        }
        let s: Settings = serde_json::from_value(value).map_err(invalid)?;
        s.validate()?;
        Ok(s)
    }

    pub fn validate(&self) -> Result<(), SettingsError> {
        if let Some(tz) = &self.timezone {
            tz.parse::<chrono_tz::Tz>().map_err(|_| SettingsError(format!("unknown time zone {tz:?} in settings")))?;
        }
        let ok_id = |id: &str| {
            !id.is_empty()
                && id.len() <= 100
                && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        };
        if let Some(id) = self.event.as_deref().filter(|id| !ok_id(id)) {
            return Err(SettingsError(format!("event id {id:?} in settings is not valid")));
        }
        for (id, e) in &self.events {
            if !ok_id(id) {
                return Err(SettingsError(format!("event id {id:?} in settings is not valid")));
            }
            if let Some(m) = &e.meeting {
                crate::meeting::validate_link(m)
                    .map_err(|e| SettingsError(format!("saved meeting link is not valid: {e}")))?;
            }
            if !REMINDER_MINUTES.contains(&e.reminders.minutes) {
                return Err(SettingsError(format!(
                    "reminder time {} is not one of 5, 10, 15 or 30 minutes",
                    e.reminders.minutes
                )));
            }
        }
        // Only the range: a size between steps (a hand edit) is still readable, and the file is not set aside for it.
        if !(TEXT_SCALE_MIN..=TEXT_SCALE_MAX).contains(&self.text_scale) {
            return Err(SettingsError(format!("text size {}% is out of range", self.text_scale)));
        }
        Ok(())
    }

    /// The file's text, pretty-printed; events whose settings are all defaults are left out.
    pub fn to_json(&self) -> String {
        let mut s = self.clone();
        s.events.retain(|_, e| *e != EventSettings::default());
        serde_json::to_string_pretty(&s).expect("settings always serialise")
    }

    /// Three-way merge, field by field: what `mine` changed since `base` (both as this process saw them) laid over
    /// `disk` (the file as it is now, perhaps changed by another process). A field `mine` left as in `base` keeps
    /// `disk`'s value; objects (`window`, `events`, one event's settings) merge key by key, so a meeting saved for
    /// one event and reminders set for another both survive. Used by every write of the window's settings
    /// (`AppState::update`), so that changes that waited in memory after a failed write are laid over the file too.
    /// Should the merged settings not validate, `mine` is returned.
    ///
    /// ```
    /// use workshop_core::settings::Settings;
    /// let base = Settings::default();
    /// let mine = Settings { text_scale: 150, ..base.clone() };
    /// let disk = Settings { timezone: Some("Asia/Baku".into()), ..base.clone() };
    /// let merged = Settings::merge3(&disk, &base, &mine);
    /// assert_eq!((merged.text_scale, merged.timezone.as_deref()), (150, Some("Asia/Baku")));
    /// ```
    pub fn merge3(disk: &Settings, base: &Settings, mine: &Settings) -> Settings {
        // `events` is left out of the file when empty; here it is always there, so that absent means removed.
        let value = |s: &Settings| {
            let mut v = serde_json::from_str::<serde_json::Value>(&s.to_json()).ok()?;
            v.as_object_mut()?.entry("events").or_insert_with(|| serde_json::json!({}));
            Some(v)
        };
        let merged = merge_values(value(disk), value(base), value(mine));
        // Each field is valid in one of the three; should their union not be, `mine` is what the participant sees.
        merged
            .and_then(|v| serde_json::from_value::<Settings>(v).ok())
            .filter(|s| s.validate().is_ok())
            .unwrap_or_else(|| mine.clone())
    }
}

/// [`Settings::merge3`] on JSON values; `None` is a key that is absent.
fn merge_values(
    disk: Option<serde_json::Value>,
    base: Option<serde_json::Value>,
    mine: Option<serde_json::Value>,
) -> Option<serde_json::Value> {
    use serde_json::Value;
    if mine == base {
        return disk;
    }
    match (disk, base, mine) {
        (Some(Value::Object(mut d)), b, Some(Value::Object(m))) => {
            let b = match b {
                Some(Value::Object(b)) => b,
                _ => serde_json::Map::new(),
            };
            let keys: std::collections::BTreeSet<String> = d.keys().chain(b.keys()).chain(m.keys()).cloned().collect();
            for k in keys {
                match merge_values(d.get(&k).cloned(), b.get(&k).cloned(), m.get(&k).cloned()) {
                    Some(v) => d.insert(k, v),
                    None => d.remove(&k),
                };
            }
            Some(Value::Object(d))
        }
        (_, _, mine) => mine,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &str) {
        let got = match Settings::from_json(input) {
            Ok(s) => format!("ok {}", serde_json::to_string(&s).unwrap()),
            Err(e) => format!("err {e}"),
        };
        assert_eq!(got, expect, "input: {input}");
    }

    const DEFAULTS: &str =
        r#"{"language":null,"timezone":null,"theme":"system","text_scale":100,"window":null,"event":null}"#;

    #[test]
    fn parse() {
        check("", &format!("ok {DEFAULTS}"));
        check("{}", &format!("ok {DEFAULTS}"));
        check(r#"{"language":"ru"}"#, &format!("ok {}", DEFAULTS.replace(r#""language":null"#, r#""language":"ru""#)));
        check(
            r#"{"timezone":"Europe/Berlin"}"#,
            &format!("ok {}", DEFAULTS.replace(r#""timezone":null"#, r#""timezone":"Europe/Berlin""#)),
        );
        check(
            r#"{"theme":"dark","text_scale":125}"#,
            &format!("ok {}", DEFAULTS.replace("system", "dark").replace("100", "125")),
        );
        check(
            "\u{feff}{\"language\":\"ru\"}",
            &format!("ok {}", DEFAULTS.replace(r#""language":null"#, r#""language":"ru""#)),
        );
        check("{", "err settings are not valid: EOF while parsing an object at line 1 column 1");
        check("[]", "err settings are not valid: expected a JSON object");
        check("null", "err settings are not valid: expected a JSON object");
        check(r#"{"language":"fr"}"#, "err settings are not valid: unknown variant `fr`, expected `en` or `ru`");
        check(r#"{"timezone":"Mars/Olympus"}"#, "err unknown time zone \"Mars/Olympus\" in settings");
        check(
            r#"{"reminders":{"enabled":true,"minutes":7}}"#,
            "err reminder time 7 is not one of 5, 10, 15 or 30 minutes",
        );
        check(r#"{"text_scale":5000}"#, "err text size 5000% is out of range");
        check(r#"{"colour":"red"}"#, "err settings are not valid: unknown field `colour`, expected one of `language`, `timezone`, `theme`, `text_scale`, `window`, `event`, `events`, `meeting`, `passcode`, `reminders`");
        check(
            r#"{"events":{"rtcm-x":{"reminders":{"enabled":true,"minutes":7}}}}"#,
            "err reminder time 7 is not one of 5, 10, 15 or 30 minutes",
        );
        check(r#"{"events":{"Bad Id":{}}}"#, "err event id \"Bad Id\" in settings is not valid");
        check(
            r#"{"events":{"rtcm-x":{"meeting":"https://evil.example/j/1"}}}"#,
            r#"err saved meeting link is not valid: "https://evil.example/j/1" does not lead to zoom: its host evil.example is not zoom.us, zoom.com or zoomgov.com"#,
        );
    }

    /// Files written before settings were kept per event: their meeting, passcode and reminders belong to the
    /// 2023 workshop; an entry already there for it wins.
    #[test]
    fn top_level_event_settings_move_to_the_2023_workshop() {
        let link = "https://us02web.zoom.us/j/85012345678";
        let s = Settings::from_json(&format!(
            r#"{{"language":"ru","meeting":"{link}","passcode":"584706","reminders":{{"enabled":true,"minutes":15}}}}"#
        ))
        .unwrap();
        let e = s.event(LEGACY_EVENT_ID);
        assert_eq!((e.meeting.as_deref(), e.passcode.as_deref()), (Some(link), Some("584706")));
        assert_eq!(e.reminders, Reminders { enabled: true, minutes: 15 });
        assert_eq!(s.event("rtcm-x"), EventSettings::default());
        let json: serde_json::Value = serde_json::from_str(&s.to_json()).unwrap();
        assert_eq!(json["events"][LEGACY_EVENT_ID]["meeting"], link);
        assert!(json.get("meeting").is_none() && json.get("reminders").is_none());
        assert_eq!(Settings::from_json(&s.to_json()).unwrap(), s);
        let both = Settings::from_json(&format!(
            r#"{{"meeting":"https://zoom.us/j/123456789","events":{{"{LEGACY_EVENT_ID}":{{"meeting":"{link}"}}}}}}"#
        ))
        .unwrap();
        assert_eq!(both.event(LEGACY_EVENT_ID).meeting.as_deref(), Some(link));
        let mut s = Settings::default();
        s.event_mut("rtcm-x");
        assert!(!s.to_json().contains("rtcm-x"), "an entry at the defaults is not written");
    }

    /// File bytes as an editor may have saved them (issue 9, kind 7): `ok <language>` or `err <reason>`.
    fn check_bytes(bytes: &[u8], expect: &str) {
        let got = match Settings::from_bytes(bytes) {
            Ok(s) => format!("ok {}", s.language.map_or("none", |l| l.code())),
            Err(e) => format!("err {e}"),
        };
        assert_eq!(got, expect, "bytes: {bytes:?}");
    }

    fn utf16(text: &str, bom: [u8; 2], unit: fn(u16) -> [u8; 2]) -> Vec<u8> {
        bom.into_iter().chain(text.encode_utf16().flat_map(unit)).collect()
    }

    fn utf32(text: &str, bom: [u8; 4], unit: fn(u32) -> [u8; 4]) -> Vec<u8> {
        bom.into_iter().chain(text.chars().flat_map(|c| unit(c as u32))).collect()
    }

    #[test]
    #[rustfmt::skip]
    fn bytes_saved_by_editors() {
        let ru = "{\"language\": \"ru\", \"passcode\": \"ёлка\"}";
        check_bytes(ru.as_bytes(), "ok ru");
        check_bytes(b"\xef\xbb\xbf{\"language\": \"ru\"}", "ok ru");
        check_bytes(b"\xef\xbb\xbf", "ok none");
        check_bytes(b"{\r\n  \"language\": \"ru\",\r\n  \"theme\": \"dark\"\r\n}\r\n", "ok ru");
        check_bytes(b"\xef\xbb\xbf{\r\n  \"language\": \"ru\"\r\n}\r\n", "ok ru");
        check_bytes(&utf16(ru, [0xff, 0xfe], u16::to_le_bytes), "ok ru");
        check_bytes(&utf16(ru, [0xfe, 0xff], u16::to_be_bytes), "ok ru");
        check_bytes(&utf16("{\r\n\"language\":\"ru\"\r\n}\r\n", [0xff, 0xfe], u16::to_le_bytes), "ok ru");
        check_bytes(&utf32(ru, [0xff, 0xfe, 0, 0], u32::to_le_bytes), "ok ru");
        check_bytes(&utf32(ru, [0, 0, 0xfe, 0xff], u32::to_be_bytes), "ok ru");
        check_bytes(&[0xff, 0xfe], "ok none");
        check_bytes(b"", "ok none");
        // Not text, or broken text: corrupt.
        check_bytes(&[0xff, 0xfe, b'{', 0, b'}'], "err settings are not valid: the file is not UTF-16 text");
        check_bytes(&[0xff, 0xfe, 0x00, 0xd8, b'{', 0], "err settings are not valid: the file is not UTF-16 text");
        check_bytes(&[0, 0, 0xfe, 0xff, 0, 0x11, 0, 0], "err settings are not valid: the file is not UTF-32 text");
        check_bytes(&[0xff, 0xfe, 0x00], "err settings are not valid: the file is not UTF-16 text");
        check_bytes(b"{\"passcode\": \"\xe5\xeb\xea\xe0\"}", "err settings are not valid: the file is not UTF-8 text");
        // UTF-16 without a BOM is not guessed at: read as UTF-8 it has NUL bytes, which JSON does not allow.
        check_bytes(b"{\0}\0", "err settings are not valid: key must be a string at line 1 column 2");
    }

    /// Sizes `TEXT_SCALE_LIMITS.offers`: the range's ends, every step, nothing between steps or outside.
    #[test]
    fn text_scale_steps() {
        let offered: Vec<u32> = (0..=300).filter(|&p| TEXT_SCALE_LIMITS.offers(p)).collect();
        assert_eq!(offered, [80, 90, 100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200]);
        assert!(offered.contains(&TEXT_SCALE_NORMAL) && offered.contains(&Settings::default().text_scale));
        let large: Vec<u32> = offered.iter().copied().filter(|&p| TEXT_SCALE_LIMITS.is_large(p)).collect();
        assert_eq!(large, [150, 160, 170, 180, 190, 200]);
        assert_eq!(
            serde_json::to_string(&TEXT_SCALE_LIMITS).unwrap(),
            r#"{"min":80,"max":200,"step":10,"normal":100}"#
        );
    }

    #[test]
    fn round_trip() {
        let s = Settings { language: Some(Lang::Ru), text_scale: 150, ..Settings::default() };
        assert_eq!(Settings::from_json(&s.to_json()).unwrap(), s);
    }

    #[test]
    fn merge3_keeps_both_sides_changes() {
        let s = |json: &str| Settings::from_json(json).unwrap();
        let meeting = |id: &str, link: &str| format!(r#""{id}": {{"meeting": "{link}"}}"#);
        let (a, b) = ("https://zoom.us/j/1234567890", "https://zoom.us/j/9876543210");
        // (disk now, base = before my change, mine = after it, expected)
        let cases: Vec<(String, String, String, String)> = vec![
            // Mine changed a field, disk another: both.
            (
                r#"{"timezone": "Asia/Baku"}"#.into(),
                "{}".into(),
                r#"{"text_scale": 150}"#.into(),
                r#"{"timezone": "Asia/Baku", "text_scale": 150}"#.into(),
            ),
            // Both changed the same field: mine wins.
            (
                r#"{"text_scale": 120}"#.into(),
                "{}".into(),
                r#"{"text_scale": 150}"#.into(),
                r#"{"text_scale": 150}"#.into(),
            ),
            // Mine changed nothing: disk as it is.
            (
                r#"{"language": "ru"}"#.into(),
                r#"{"language": "en"}"#.into(),
                r#"{"language": "en"}"#.into(),
                r#"{"language": "ru"}"#.into(),
            ),
            // Mine set a field back to the default (null): the default.
            (
                r#"{"timezone": "Asia/Baku", "theme": "dark"}"#.into(),
                r#"{"timezone": "Asia/Baku"}"#.into(),
                "{}".into(),
                r#"{"theme": "dark"}"#.into(),
            ),
            // Events merge by id: mine saved a meeting for one, disk for another.
            (
                format!(r#"{{"events": {{{}}}}}"#, meeting("x", a)),
                "{}".into(),
                format!(r#"{{"events": {{{}}}}}"#, meeting("y", b)),
                format!(r#"{{"events": {{{}, {}}}}}"#, meeting("x", a), meeting("y", b)),
            ),
            // Mine removed an event's meeting: removed, the other event's kept.
            (
                format!(r#"{{"events": {{{}, {}}}}}"#, meeting("x", a), meeting("y", b)),
                format!(r#"{{"events": {{{}}}}}"#, meeting("y", b)),
                "{}".into(),
                format!(r#"{{"events": {{{}}}}}"#, meeting("x", a)),
            ),
        ];
        for (disk, base, mine, expect) in cases {
            let (disk, base, mine) = (s(&disk), s(&base), s(&mine));
            assert_eq!(Settings::merge3(&disk, &base, &mine), s(&expect), "disk {disk:?} base {base:?} mine {mine:?}");
            // No change of mine keeps the disk; a disk nobody else changed becomes mine.
            assert_eq!(Settings::merge3(&disk, &base, &base), disk);
            assert_eq!(Settings::merge3(&base, &base, &mine), mine);
        }
    }
}
