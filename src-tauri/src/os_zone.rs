//! The computer's time zone setting, as an IANA name: the one place the shell asks the operating system.
//!
//! - Windows: the zone's registry key from `GetDynamicTimeZoneInformation` (`"Ekaterinburg Standard Time"`) and
//!   the user's region from `GetUserDefaultGeoName` (`"KZ"`), mapped through CLDR's `windowsZones`
//!   (`workshop_core::windows_zone`). This works wherever Win32 does, Wine included; the `iana-time-zone` crate's
//!   WinRT calendar (absent from Wine 8) is only the fallback.
//! - Elsewhere: `iana-time-zone` (`/etc/localtime` on Linux, the system setting on macOS).
//!
//! The `TZ` variable is read before this (`state::OsInfo::read`).

/// The computer's zone setting as an IANA name, or `None` when it cannot be read or names no zone CLDR knows.
pub fn os_zone_setting() -> Option<String> {
    #[cfg(windows)]
    if let Some(tz) = windows::zone() {
        return Some(tz.name().to_owned());
    }
    iana_time_zone::get_timezone().ok()
}

#[cfg(windows)]
mod windows {
    use chrono_tz::Tz;
    use windows_sys::Win32::Globalization::GetUserDefaultGeoName;
    use windows_sys::Win32::System::Time::{GetDynamicTimeZoneInformation, DYNAMIC_TIME_ZONE_INFORMATION};

    /// `GetDynamicTimeZoneInformation`'s failure value.
    const TIME_ZONE_ID_INVALID: u32 = u32::MAX;

    /// The zone from the Windows key and region; `None` when Windows reports no key or CLDR does not know it.
    pub(super) fn zone() -> Option<Tz> {
        let mut info = DYNAMIC_TIME_ZONE_INFORMATION::default();
        // SAFETY: `info` is a valid, writable DYNAMIC_TIME_ZONE_INFORMATION for the call's duration.
        if unsafe { GetDynamicTimeZoneInformation(&mut info) } == TIME_ZONE_ID_INVALID {
            return None;
        }
        let key = utf16_until_nul(&info.TimeZoneKeyName);
        let zone = workshop_core::windows_zone::zone_from_windows(&key, region().as_deref());
        if zone.is_none() && !key.is_empty() {
            eprintln!("gcm-workshop: the Windows time zone {key:?} has no IANA zone in CLDR; using the fallback");
        }
        zone
    }

    /// The user's region as ISO 3166 alpha-2 (or a UN M.49 number), e.g. "KZ"; Windows 10 1709 and later.
    fn region() -> Option<String> {
        let mut buf = [0u16; 16];
        // SAFETY: `buf` is writable for `buf.len()` UTF-16 units; the call writes at most that many, NUL included.
        let written = unsafe { GetUserDefaultGeoName(buf.as_mut_ptr(), buf.len() as i32) };
        (written > 1).then(|| utf16_until_nul(&buf))
    }

    fn utf16_until_nul(units: &[u16]) -> String {
        let end = units.iter().position(|&u| u == 0).unwrap_or(units.len());
        String::from_utf16_lossy(&units[..end])
    }
}
