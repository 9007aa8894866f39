//! The `TZ` environment variable read as a time zone: the shell reads the variable and passes its text here, so
//! the computer's zone follows `TZ` as `date` does (issue 9) without the core touching the environment.
//!
//! Only what names a zone of the tz database is taken, plus a POSIX rule with one fixed whole-hour offset and no
//! daylight saving (`UTC-6`, `<+06>-6`), which is the tz database's `Etc/GMT-6`; everything else gives `None`,
//! and the shell falls back to the operating system's setting. A rule with daylight saving is not interpreted:
//! the app needs the offset on the event's date, which a rule written for today may not give.

use crate::schedule::parse_zone;
use chrono_tz::Tz;

/// The zone that a `TZ` value names, or `None` when it names none (then the OS setting applies).
///
/// Accepted shapes, after surrounding whitespace is trimmed and one leading `:` removed:
/// - an IANA name the tz database knows, in any ASCII case: `Asia/Almaty`, `:Asia/Almaty`, `UTC`, `Etc/UTC`,
///   `Etc/GMT-6`, and legacy names it still lists (`Asia/Calcutta`, `Europe/Kiev`, `EST5EDT`);
/// - a path into a zoneinfo folder: the part after the last `zoneinfo` (or `zoneinfo-…`) folder, without a
///   leading `posix/` or `right/`, e.g. `:/usr/share/zoneinfo/Asia/Almaty`, `/usr/share/zoneinfo/posix/Asia/Almaty`,
///   `/usr/lib/zoneinfo/Asia/Almaty`, `/var/db/timezone/zoneinfo/Asia/Almaty`; and a name relative to that folder
///   with `posix/` or `right/` in front (`posix/Asia/Almaty`), as glibc reads it;
/// - a POSIX rule of a standard time only, with a whole-hour offset of at most 14 hours: `UTC-6`, `<+06>-6`,
///   `ALMT-6:00` → `Etc/GMT-6` (POSIX counts hours west of Greenwich, as the `Etc/GMT` names do).
///
/// Refused (`None`): an empty value (glibc reads it as UTC, but it is far more often a variable cleared by
/// accident than a choice), a POSIX rule with daylight saving or a part-hour offset (`CET-1CEST,M3.5.0,M10.5.0/3`,
/// `<+0530>-5:30`), a path
/// that is not into a zoneinfo folder (`:/etc/localtime`, which *is* the OS setting), a path with `.` or `..`
/// components, and names the database does not have (`Mars/Base`, `Asia/Alma-Ata`).
///
/// # Example
/// ```
/// use workshop_core::tz_env::zone_from_tz_variable;
/// assert_eq!(zone_from_tz_variable(":Asia/Almaty"), Some(chrono_tz::Asia::Almaty));
/// assert_eq!(zone_from_tz_variable("/usr/share/zoneinfo/posix/Asia/Bishkek"), Some(chrono_tz::Asia::Bishkek));
/// assert_eq!(zone_from_tz_variable("UTC-6"), Some(chrono_tz::Etc::GMTMinus6));
/// assert_eq!(zone_from_tz_variable("CET-1CEST,M3.5.0,M10.5.0/3"), None);
/// ```
pub fn zone_from_tz_variable(value: &str) -> Option<Tz> {
    let value = value.trim();
    let value = value.strip_prefix(':').unwrap_or(value).trim();
    if value.is_empty() {
        return None;
    }
    let parts: Vec<&str> = value.split('/').collect();
    let zoneinfo = parts.iter().rposition(|p| *p == "zoneinfo" || p.starts_with("zoneinfo-"));
    let name = match zoneinfo {
        Some(i) => {
            let rest = &parts[i + 1..];
            let rest = match rest.first() {
                Some(&"posix") | Some(&"right") => &rest[1..],
                _ => rest,
            };
            rest.join("/")
        }
        // A path that does not lead into a zoneinfo folder names no zone we can know (`/etc/localtime`).
        None if value.starts_with('/') => return None,
        None => match value.split_once('/') {
            Some(("posix" | "right", rest)) => rest.to_owned(),
            _ => value.to_owned(),
        },
    };
    if name.split('/').any(|p| p.is_empty() || p == "." || p == "..") {
        return None;
    }
    parse_zone(&name).ok().or_else(|| fixed_offset_rule(value))
}

/// A POSIX TZ rule of a standard time only — a name of at least three letters (or `<…>` quoted), then an offset
/// `[+-]hh[:00[:00]]` west of Greenwich, and nothing else — as the `Etc/GMT±h` zone with that offset.
fn fixed_offset_rule(value: &str) -> Option<Tz> {
    let rest = if let Some(quoted) = value.strip_prefix('<') {
        let end = quoted.find('>')?;
        let name = &quoted[..end];
        if name.len() < 3 || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '-') {
            return None;
        }
        &quoted[end + 1..]
    } else {
        let letters = value.chars().take_while(char::is_ascii_alphabetic).count();
        if letters < 3 {
            return None;
        }
        &value[letters..]
    };
    let (sign, digits) = match rest.as_bytes().first()? {
        b'-' => (-1, &rest[1..]),
        b'+' => (1, &rest[1..]),
        _ => (1, rest),
    };
    let mut parts = digits.split(':');
    let hours: i32 =
        parts.next().filter(|h| (1..=2).contains(&h.len()) && h.bytes().all(|b| b.is_ascii_digit()))?.parse().ok()?;
    if parts.any(|p| p != "00") || hours > 14 {
        return None;
    }
    let west = sign * hours;
    let name = match west {
        0 => "Etc/GMT".to_owned(),
        w if w > 0 => format!("Etc/GMT+{w}"),
        w => format!("Etc/GMT{w}"),
    };
    name.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: Option<&str>) {
        assert_eq!(zone_from_tz_variable(input).map(|tz| tz.name()), expect, "TZ={input:?}");
    }

    #[test]
    #[rustfmt::skip]
    fn tz_values() {
        // Names, with or without the leading colon, and surrounding whitespace.
        check("Asia/Almaty", Some("Asia/Almaty"));
        check(":Asia/Almaty", Some("Asia/Almaty"));
        check(":Asia/Bishkek", Some("Asia/Bishkek"));
        check("  Asia/Almaty\n", Some("Asia/Almaty"));
        check(" : Asia/Almaty ", Some("Asia/Almaty"));
        check("asia/almaty", Some("Asia/Almaty"));
        check("America/Argentina/Buenos_Aires", Some("America/Argentina/Buenos_Aires"));
        check("UTC", Some("UTC"));
        check("Etc/UTC", Some("Etc/UTC"));
        check(":UTC", Some("UTC"));
        check("GMT", Some("GMT"));
        check("Etc/GMT-6", Some("Etc/GMT-6"));
        // Legacy names the tz database still lists, as a computer may report them.
        check("Asia/Calcutta", Some("Asia/Calcutta"));
        check("Europe/Kiev", Some("Europe/Kiev"));
        check("US/Eastern", Some("US/Eastern"));
        // EST5EDT looks like a POSIX rule but is a tz database name (a zone file exists), so glibc reads the file.
        check("EST5EDT", Some("EST5EDT"));
        check("Asia/Alma-Ata", None);
        // Paths into a zoneinfo folder.
        check(":/usr/share/zoneinfo/Asia/Almaty", Some("Asia/Almaty"));
        check("/usr/share/zoneinfo/Asia/Almaty", Some("Asia/Almaty"));
        check("/usr/share/zoneinfo/posix/Asia/Almaty", Some("Asia/Almaty"));
        check("/usr/share/zoneinfo/right/Asia/Almaty", Some("Asia/Almaty"));
        check("/usr/lib/zoneinfo/Asia/Tashkent", Some("Asia/Tashkent"));
        check("/usr/share/zoneinfo-posix/Asia/Dushanbe", Some("Asia/Dushanbe"));
        check("/var/db/timezone/zoneinfo/Europe/Berlin", Some("Europe/Berlin"));
        check("/etc/zoneinfo/UTC", Some("UTC"));
        check("/usr/share/zoneinfo/Etc/UTC", Some("Etc/UTC"));
        check("/usr/share/zoneinfo/", None);
        check("/usr/share/zoneinfo/posix/", None);
        check("/usr/share/zoneinfo/Asia//Almaty", None);
        check("/usr/share/zoneinfo/Asia/../Asia/Almaty", None);
        check("/usr/share/zoneinfo/../../../etc/passwd", None);
        check(":/etc/localtime", None);
        check("/etc/localtime", None);
        // Refused: empty, POSIX rules, traversal, garbage.
        check("", None);
        check(":", None);
        check("   ", None);
        // A POSIX rule of a standard time only is a fixed offset: the Etc/GMT zone with it (issue 9, as `date`).
        check("UTC-6", Some("Etc/GMT-6"));
        check("<+06>-6", Some("Etc/GMT-6"));
        check("<+05>-05:00", Some("Etc/GMT-5"));
        check("ALMT-6:00:00", Some("Etc/GMT-6"));
        check("UTC0", Some("Etc/GMT"));
        check("EST5", Some("Etc/GMT+5"));
        check("XYZ-14", Some("Etc/GMT-14"));
        check("XYZ+12", Some("Etc/GMT+12"));
        check("XYZ+13", None);
        check("XYZ-15", None);
        check("<+0530>-5:30", None);
        check("<+1>-1", None);
        check("CET-1CEST,M3.5.0,M10.5.0/3", None);
        check("CET-1CEST", None);
        check("UT-6", None);
        check("UTC-", None);
        check("UTC-006", None);
        // Names relative to the zoneinfo folder, as glibc reads them.
        check("posix/Asia/Almaty", Some("Asia/Almaty"));
        check("right/Asia/Almaty", Some("Asia/Almaty"));
        check("posix/../etc/passwd", None);
        check("../etc/passwd", None);
        check("./Asia/Almaty", None);
        check("Mars/Base", None);
        check("+06:00", None);
        check("Asia/Almaty\0", None);
        check("Азия/Алматы", None);
    }
}
