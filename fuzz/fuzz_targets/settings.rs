//! The settings loader: never panics on any bytes; settings it accepts are written and read back unchanged.
#![no_main]
use libfuzzer_sys::fuzz_target;
use workshop_core::settings::Settings;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = Settings::from_bytes(data) {
        let again = Settings::from_json(&s.to_json()).expect("settings the app wrote read back");
        assert_eq!(again, s);
    }
});
