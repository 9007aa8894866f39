//! The `.gcmpack` container, read and written in memory: an outer zip with exactly `pack.zip` (the pack's files)
//! and `pack.zip.minisig` (a minisign signature of `pack.zip`'s bytes). Reading refuses anything a hostile file
//! could use: unsafe entry names, links, duplicates, encryption, and sizes over [`Limits`].

use super::{Limits, PackError, PackFiles};
use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};
use zip::result::ZipError;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

/// The inner archive's name in a `.gcmpack`.
pub const PACK_ZIP: &str = "pack.zip";
/// The signature's name in a `.gcmpack`: minisign's own `<file>.minisig`.
pub const PACK_SIG: &str = "pack.zip.minisig";

/// A `.gcmpack` taken apart: the inner archive's bytes (what the signature covers) and the signature's text,
/// if the pack is signed.
#[derive(Debug, Clone)]
pub struct Container {
    pub pack_zip: Vec<u8>,
    pub signature: Option<String>,
}

fn open(bytes: &[u8]) -> Result<ZipArchive<Cursor<&[u8]>>, ZipError> {
    ZipArchive::new(Cursor::new(bytes))
}

/// The zip signature every zip file starts with (a local file header).
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// Why `bytes` cannot be read as a zip, for a participant: empty or not a zip at all ([`PackError::NotAPack`]),
/// or a zip cut short or changed on the way ([`PackError::Damaged`]).
fn unreadable(bytes: &[u8], e: ZipError) -> PackError {
    if bytes.is_empty() {
        return PackError::NotAPack { detail: "the file is empty".into() };
    }
    if !bytes.starts_with(ZIP_MAGIC) {
        return PackError::NotAPack { detail: "it is not a zip file".into() };
    }
    damaged(e)
}

fn damaged(e: ZipError) -> PackError {
    let detail = match e {
        ZipError::Io(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => "it ends too early".to_owned(),
        ZipError::Io(e) => format!("it does not read back as written: {e}"),
        ZipError::InvalidArchive(m) if m.contains("EOCD") || m.contains("Unexpected end") => {
            "it ends too early: the zip directory at its end is missing".to_owned()
        }
        ZipError::InvalidArchive(m) => format!("its zip structure is broken: {m}"),
        ZipError::UnsupportedArchive(m) => format!("it uses a zip feature the app does not read: {m}"),
        other => other.to_string(),
    };
    PackError::Damaged { detail }
}

/// Reads a `.gcmpack`'s outer zip. Errors: [`PackError::NotAPack`] (empty, not a zip, no `pack.zip`),
/// [`PackError::Damaged`] (truncated, a checksum that fails),
/// [`PackError::TooLarge`], [`PackError::UnexpectedEntry`] (anything but the two entries, or a duplicate).
/// A pack with `pack.zip` and no signature is returned with `signature: None`; `open` refuses it later.
pub fn read_container(bytes: &[u8], limits: &Limits) -> Result<Container, PackError> {
    if bytes.len() as u64 > limits.max_packed {
        return Err(PackError::TooLarge { what: "the pack file".into(), limit: limits.max_packed });
    }
    let mut zip = open(bytes).map_err(|e| unreadable(bytes, e))?;
    if zip.has_duplicate_names() {
        // The zip crate keeps one of them; which one another tool would read is anyone's guess.
        return Err(PackError::UnexpectedEntry { name: duplicate_name(&mut zip) });
    }
    let mut pack_zip = None;
    let mut signature = None;
    for i in 0..zip.len() {
        let entry = zip.by_index(i).map_err(damaged)?;
        let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
        let slot = match name.as_str() {
            PACK_ZIP if pack_zip.is_none() => &mut pack_zip,
            PACK_SIG if signature.is_none() => &mut signature,
            _ => return Err(PackError::UnexpectedEntry { name }),
        };
        *slot = Some(read_entry(entry, &name, limits.max_packed)?);
    }
    let pack_zip = pack_zip.ok_or_else(|| PackError::NotAPack { detail: format!("it holds no {PACK_ZIP}") })?;
    let signature = signature
        .map(|s| String::from_utf8(s).map_err(|_| PackError::BadSignatureFile { detail: "not UTF-8 text".into() }))
        .transpose()?;
    Ok(Container { pack_zip, signature })
}

/// The names the zip crate saw more than once: it keeps only one entry per name, so the repeated name itself is
/// not at hand; the message lists the names it kept.
fn duplicate_name(zip: &mut ZipArchive<Cursor<&[u8]>>) -> String {
    let names: Vec<String> = zip.file_names().map(|n| n.map(|c| c.into_owned()).unwrap_or_default()).collect();
    format!("one of {}", names.join(", "))
}

/// Reads an entry whole, refusing encryption and more than `max` bytes (whatever its header claims).
fn read_entry(entry: zip::read::ZipFile<'_, Cursor<&[u8]>>, name: &str, max: u64) -> Result<Vec<u8>, PackError> {
    if entry.encrypted() {
        return Err(PackError::UnsafeEntry { name: name.into(), why: "is encrypted".into() });
    }
    if entry.size() > max {
        return Err(PackError::TooLarge { what: name.into(), limit: max });
    }
    let mut out = Vec::with_capacity(entry.size() as usize);
    entry.take(max + 1).read_to_end(&mut out).map_err(|e| match e.kind() {
        std::io::ErrorKind::UnexpectedEof => PackError::Damaged { detail: format!("{name} ends too early") },
        // The zip crate checks each entry's CRC-32 as it reads: a changed byte shows here.
        _ => PackError::Damaged { detail: format!("{name} does not read back as written ({e})") },
    })?;
    if out.len() as u64 > max {
        return Err(PackError::TooLarge { what: name.into(), limit: max });
    }
    Ok(out)
}

/// Why an entry name is unsafe, or `None` when it is a plain relative path: `/`-separated, no empty, `.` or `..`
/// component, no leading `/`, no backslash, no drive letter or colon, no control characters.
pub fn unsafe_name(name: &str) -> Option<&'static str> {
    if name.is_empty() {
        return Some("has an empty name");
    }
    if name.starts_with('/') {
        return Some("is an absolute path");
    }
    if name.contains('\\') {
        return Some("contains a backslash");
    }
    if name.contains(':') {
        return Some("contains a drive letter or colon");
    }
    if name.chars().any(char::is_control) {
        return Some("contains a control character");
    }
    let trimmed = name.strip_suffix('/').unwrap_or(name);
    if trimmed.split('/').any(|c| c.is_empty() || c == "." || c == "..") {
        return Some("has an empty, '.' or '..' path component");
    }
    None
}

/// Reads the inner `pack.zip` into its files (path → UTF-8 text, a leading byte-order mark removed). Directory
/// entries are skipped. Errors: [`PackError::NotAPack`], [`PackError::Damaged`], [`PackError::UnsafeEntry`] (see [`unsafe_name`];
/// symbolic links; encryption), [`PackError::DuplicateEntry`], [`PackError::TooLarge`] (entries, a file, the total),
/// [`PackError::NotUtf8`].
pub fn read_files(pack_zip: &[u8], limits: &Limits) -> Result<PackFiles, PackError> {
    let mut zip = open(pack_zip).map_err(|e| unreadable(pack_zip, e))?;
    if zip.len() > limits.max_entries {
        return Err(PackError::TooLarge { what: "the number of files".into(), limit: limits.max_entries as u64 });
    }
    if zip.has_duplicate_names() {
        return Err(PackError::DuplicateEntry { name: duplicate_name(&mut zip) });
    }
    let mut files = BTreeMap::new();
    let mut total = 0u64;
    for i in 0..zip.len() {
        let entry = zip.by_index(i).map_err(damaged)?;
        let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
        if let Some(why) = unsafe_name(&name) {
            return Err(PackError::UnsafeEntry { name, why: why.into() });
        }
        if entry.is_symlink() {
            return Err(PackError::UnsafeEntry { name, why: "is a symbolic link".into() });
        }
        if entry.is_dir() {
            continue;
        }
        if files.contains_key(&name) {
            return Err(PackError::DuplicateEntry { name });
        }
        let bytes = read_entry(entry, &name, limits.max_file)?;
        total += bytes.len() as u64;
        if total > limits.max_unpacked {
            return Err(PackError::TooLarge { what: "the unpacked files".into(), limit: limits.max_unpacked });
        }
        let text = String::from_utf8(bytes).map_err(|_| PackError::NotUtf8 { file: name.clone() })?;
        let text = text.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(text);
        files.insert(name, text);
    }
    Ok(PackFiles::new(files))
}

fn options(method: CompressionMethod) -> SimpleFileOptions {
    // A fixed time stamp: the same files give the same bytes, so a rebuilt pack signs and compares the same.
    SimpleFileOptions::default()
        .compression_method(method)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644)
}

fn write_zip(entries: &[(&str, &[u8])], method: CompressionMethod) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        // Writing to memory cannot fail but for a bug; the names come from validated pack files.
        zip.start_file(*name, options(method)).expect("zip entry in memory");
        zip.write_all(bytes).expect("zip write in memory");
    }
    zip.finish().expect("zip in memory").into_inner()
}

/// The inner `pack.zip` for `files`, deflated, in path order, with fixed time stamps (reproducible bytes).
pub fn write_files(files: &PackFiles) -> Vec<u8> {
    let entries: Vec<(&str, &[u8])> = files.iter().map(|(p, t)| (p, t.as_bytes())).collect();
    write_zip(&entries, CompressionMethod::Deflated)
}

/// The `.gcmpack` holding `pack_zip` and, when given, its minisign signature. Deflated, though `pack.zip` is
/// compressed already: stored, its own zip records would show through, and a truncated `.gcmpack` would read as
/// the inner archive.
pub fn write_container(pack_zip: &[u8], signature: Option<&str>) -> Vec<u8> {
    let mut entries: Vec<(&str, &[u8])> = vec![(PACK_ZIP, pack_zip)];
    if let Some(sig) = signature {
        entries.push((PACK_SIG, sig.as_bytes()));
    }
    write_zip(&entries, CompressionMethod::Deflated)
}
