//! The invitation parser: never panics; a link it accepts passes its checks again.
#![no_main]
use libfuzzer_sys::fuzz_target;
use workshop_core::meeting::{parse_invitation, validate_link};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(link) = parse_invitation(&text) {
        assert!(link.url.starts_with("https://"), "{}", link.url);
        assert!(validate_link(&link.url).is_ok(), "accepted, then refused: {}", link.url);
    }
});
