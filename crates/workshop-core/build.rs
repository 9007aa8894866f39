//! Embeds every `locales/<lang>/<area>.ftl` file into the core at compile time, so the app needs no files at
//! run time and a new area file is picked up without touching code.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut out = String::from("/// (language, area, Fluent source) for every embedded `.ftl` file.\n");
    out.push_str("pub static FILES: &[(&str, &str, &str)] = &[\n");
    let mut langs: Vec<_> = std::fs::read_dir(&root).expect("locales folder").flatten().collect();
    langs.sort_by_key(|e| e.file_name());
    for lang in langs {
        if !lang.path().is_dir() {
            continue;
        }
        println!("cargo:rerun-if-changed={}", lang.path().display());
        let mut files: Vec<_> = std::fs::read_dir(lang.path()).expect("locale folder").flatten().collect();
        files.sort_by_key(|e| e.file_name());
        for f in files {
            let p = f.path();
            if p.extension().and_then(|e| e.to_str()) != Some("ftl") {
                continue;
            }
            println!("cargo:rerun-if-changed={}", p.display());
            let area = p.file_stem().unwrap().to_string_lossy().into_owned();
            let abs = p.canonicalize().unwrap();
            writeln!(
                out,
                "    ({:?}, {:?}, include_str!({:?})),",
                lang.file_name().to_string_lossy(),
                area,
                abs.display().to_string()
            )
            .unwrap();
        }
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("locales.rs");
    std::fs::write(dest, out).unwrap();
}
