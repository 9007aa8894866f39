//! The event-pack reader, layer by layer: the outer zip, the inner zip, and the checks of `event.json` and the
//! `.ftl` texts (the input also read as one of those files, chosen by its first byte). Never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::collections::BTreeMap;
use std::sync::OnceLock;
use workshop_core::pack::{self, archive, Limits, PackFiles};

/// The built-in pack's files, made once.
fn builtin() -> &'static BTreeMap<String, String> {
    static FILES: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    FILES.get_or_init(|| pack::Pack::builtin().files.iter().map(|(p, t)| (p.to_owned(), t.to_owned())).collect())
}

fuzz_target!(|data: &[u8]| {
    let limits = Limits::default();
    if let Ok(c) = archive::read_container(data, &limits) {
        let _ = archive::read_files(&c.pack_zip, &limits);
    }
    let _ = archive::read_files(data, &limits);
    let _ = pack::open(data, &[], "x", &[]);
    let replaced = ["event.json", "locales/en/agenda.ftl", "locales/ru/concept.ftl"];
    let Some((&first, rest)) = data.split_first() else { return };
    let mut files = builtin().clone();
    files.insert(replaced[usize::from(first) % replaced.len()].to_owned(), String::from_utf8_lossy(rest).into_owned());
    let _ = pack::check::check(&PackFiles::new(files), &[]);
});
