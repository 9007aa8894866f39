//! The inline markup parser: never panics; its plain text only removes.
#![no_main]
use libfuzzer_sys::fuzz_target;
use workshop_core::markup;

fuzz_target!(|data: &[u8]| {
    let src = String::from_utf8_lossy(data);
    let _ = markup::parse(&src);
    assert!(markup::plain(&src).chars().count() <= src.chars().count());
});
