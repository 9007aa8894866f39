//! Embeds into the core at compile time, so the app needs no files at run time and a new file is picked up
//! without touching code:
//! - every `locales/<lang>/<area>.ftl` file (the app's interface) as `FILES` in `locales.rs`;
//! - every file of the built-in event pack, `packs/gcm-almaty-process-2023/` (its `event.json` and its
//!   `locales/<lang>/*.ftl`), as `BUILTIN_PACK` in `builtin_pack.rs`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The built-in pack's folder under `packs/`.
const BUILTIN_PACK: &str = "gcm-almaty-process-2023";

fn main() {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    std::fs::write(out_dir.join("locales.rs"), locales(&workspace.join("locales"))).unwrap();
    std::fs::write(out_dir.join("builtin_pack.rs"), pack(&workspace.join("packs").join(BUILTIN_PACK))).unwrap();
    std::fs::write(out_dir.join("builtin_keys.rs"), keys(&workspace.join("packs").join("trusted-keys"))).unwrap();
}

/// The minisign public keys shipped with the app: every `packs/trusted-keys/*.pub`, as (file name, text).
fn keys(dir: &Path) -> String {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "pub")).collect())
        .unwrap_or_default();
    files.sort();
    let mut out = String::from("/// (file name, minisign public key text) for every `packs/trusted-keys/*.pub`.\n");
    out.push_str("pub static BUILTIN_KEYS: &[(&str, &str)] = &[\n");
    for p in files {
        let abs = p.canonicalize().unwrap();
        println!("cargo:rerun-if-changed={}", abs.display());
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        writeln!(out, "    ({name:?}, include_str!({:?})),", abs.display().to_string()).unwrap();
    }
    out.push_str("];\n");
    out
}

fn locales(root: &Path) -> String {
    println!("cargo:rerun-if-changed={}", root.display());
    let mut out = String::from("/// (language, area, Fluent source) for every embedded `.ftl` file.\n");
    out.push_str("pub static FILES: &[(&str, &str, &str)] = &[\n");
    let mut langs: Vec<_> = std::fs::read_dir(root).expect("locales folder").flatten().collect();
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
    out
}

/// Every file under `dir`, recursively, as (path relative to `root` with `/` separators, absolute path). Folders
/// are watched too, so an added or removed file triggers a rebuild.
fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, PathBuf)>) {
    println!("cargo:rerun-if-changed={}", dir.display());
    for e in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())).flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(root, &p, out);
        } else {
            let rel = p.strip_prefix(root).unwrap();
            let parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_str().unwrap_or_else(|| panic!("{}: not UTF-8", p.display())).to_owned())
                .collect();
            out.push((parts.join("/"), p.canonicalize().unwrap()));
        }
    }
}

fn pack(root: &Path) -> String {
    let mut files = Vec::new();
    walk(root, root, &mut files);
    files.sort();
    let mut out = String::new();
    writeln!(out, "/// The built-in pack's folder name under `packs/`.").unwrap();
    writeln!(out, "pub const BUILTIN_PACK_NAME: &str = {BUILTIN_PACK:?};").unwrap();
    out.push_str("/// (path inside the pack with `/` separators, UTF-8 text) for every built-in pack file, by path.\n");
    out.push_str("pub static BUILTIN_PACK: &[(&str, &str)] = &[\n");
    for (rel, abs) in files {
        println!("cargo:rerun-if-changed={}", abs.display());
        writeln!(out, "    ({rel:?}, include_str!({:?})),", abs.display().to_string()).unwrap();
    }
    out.push_str("];\n");
    out
}
