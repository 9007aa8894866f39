//! Event packs: one signed file per workshop, which an organiser builds and a participant opens offline.
//!
//! A pack's files are `event.json` (the event model, see [`crate::event`]) and `locales/<lang>/<name>.ftl` (the
//! event's texts in `en` and `ru`). The built file, `<event-id>-<version>.gcmpack`, is a zip holding exactly
//! `pack.zip` (those files) and `pack.zip.minisig`, a minisign signature of `pack.zip`'s bytes
//! ([`archive`]). Opening one: [`archive::read_container`] → [`trust::verify`] against the trusted keys →
//! [`archive::read_files`] under [`Limits`] → [`Pack::from_files`], which runs every check of [`check`]. The
//! format is written down in `docs/event-pack.md`.
//!
//! Everything here works on bytes and text in memory; the shell reads and writes the files.

pub mod archive;
pub mod changes;
pub mod check;
pub mod trust;

#[cfg(test)]
mod tests;

use crate::event::{Event, EventError};
use std::collections::BTreeMap;
use std::fmt;

pub use check::Problem;
pub use trust::{KeySource, TrustedKey};

/// The pack format this app reads and writes (`"format"` in `event.json`).
pub use crate::event::FORMAT;

/// The file name extension of a built pack, without the dot.
pub const EXTENSION: &str = "gcmpack";

/// Size limits that keep a hostile pack (a zip bomb, thousands of entries) from exhausting the computer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The `.gcmpack` file itself, in bytes.
    pub max_packed: u64,
    /// All files of the pack together, unpacked, in bytes.
    pub max_unpacked: u64,
    /// One file, unpacked, in bytes.
    pub max_file: u64,
    /// Entries in `pack.zip`, directories included.
    pub max_entries: usize,
}

impl Default for Limits {
    /// 20 MiB packed, 20 MiB unpacked in all, 2 MiB per file, 500 entries.
    fn default() -> Limits {
        Limits { max_packed: 20 << 20, max_unpacked: 20 << 20, max_file: 2 << 20, max_entries: 500 }
    }
}

/// A pack's files: path inside the pack (`/`-separated, checked safe) → UTF-8 text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PackFiles(BTreeMap<String, String>);

impl PackFiles {
    pub fn new(files: BTreeMap<String, String>) -> PackFiles {
        PackFiles(files)
    }

    pub fn get(&self, path: &str) -> Option<&str> {
        self.0.get(path).map(String::as_str)
    }

    /// (path, text) in path order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(p, t)| (p.as_str(), t.as_str()))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A pack whose files passed every check: its event and its Fluent sources.
#[derive(Debug, Clone)]
pub struct Pack {
    pub event: Event,
    /// (language code, file stem, Fluent source) for each `locales/<lang>/<stem>.ftl`.
    pub ftl: Vec<(String, String, String)>,
    pub files: PackFiles,
}

impl Pack {
    /// Checks `files` ([`check::check`]) and, when nothing is wrong, gives the pack. `app_ids` are the message ids
    /// of the app's own interface, which a pack must not redefine.
    pub fn from_files(files: PackFiles, app_ids: &[String]) -> Result<Pack, Vec<Problem>> {
        let problems = check::check(&files, app_ids);
        if !problems.is_empty() {
            return Err(problems);
        }
        let event = Event::parse(files.get("event.json").unwrap_or_default())
            .map_err(|e| vec![Problem::new("event.json", None, e.to_string())])?;
        let ftl = files
            .iter()
            .filter_map(|(path, text)| {
                let rest = path.strip_prefix("locales/")?;
                let (lang, name) = rest.split_once('/')?;
                Some((lang.to_owned(), name.strip_suffix(".ftl")?.to_owned(), text.to_owned()))
            })
            .collect();
        Ok(Pack { event, ftl, files })
    }
}

impl Pack {
    /// The workshop built into the app (`packs/gcm-almaty-process-2023/`, embedded at build time). Its validity is
    /// pinned by tests, so this cannot fail in a released binary.
    pub fn builtin() -> Pack {
        let files = crate::event::BUILTIN_PACK.iter().map(|(p, t)| (p.to_string(), t.to_string())).collect();
        Pack::from_files(PackFiles::new(files), &app_message_ids())
            .unwrap_or_else(|problems| panic!("the built-in pack has problems: {problems:?}"))
    }

    /// The app's interface texts and this pack's, in one bundle per language. Cannot fail for a pack that passed
    /// its checks (they include the bundle's own: syntax, duplicates, the app's ids).
    pub fn localizer(&self) -> crate::Localizer {
        crate::Localizer::with_pack(&self.ftl)
            .unwrap_or_else(|errors| panic!("a checked pack's texts do not load: {errors:?}"))
    }
}

/// A pack that was opened from a signed file: the pack, who signed it, and the file's bytes as they were.
#[derive(Debug, Clone)]
pub struct SignedPack {
    pub pack: Pack,
    pub signer: TrustedKey,
    pub bytes: Vec<u8>,
}

/// Opens a `.gcmpack` for installing: the signature must verify with one of `keys`, the files must pass every
/// check, and a pack with `builtin_id` (the event built into the app) must be signed with a key shipped with the
/// app. Errors: every [`PackError`].
pub fn open(bytes: &[u8], keys: &[TrustedKey], builtin_id: &str, app_ids: &[String]) -> Result<SignedPack, PackError> {
    let limits = Limits::default();
    let container = archive::read_container(bytes, &limits)?;
    let signature = container.signature.as_deref().ok_or(PackError::Unsigned)?;
    let signer = trust::verify(&container.pack_zip, signature, keys)?.clone();
    let files = archive::read_files(&container.pack_zip, &limits)?;
    let pack = Pack::from_files(files, app_ids).map_err(|problems| PackError::Invalid { problems })?;
    if pack.event.id == builtin_id && signer.source != KeySource::Builtin {
        return Err(PackError::BuiltinId { id: pack.event.id, key_id: signer.id });
    }
    Ok(SignedPack { pack, signer, bytes: bytes.to_vec() })
}

/// What installing a pack of `offered` version does when `installed` (if any) is there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Install {
    /// No pack with this id is installed.
    New,
    /// A lower version is installed and is replaced.
    Upgrade { from: u32 },
    /// The same version is installed: nothing to do.
    Same,
    /// A higher version is installed: refused ([`PackError::Older`]).
    Older { installed: u32 },
}

impl Install {
    pub fn decide(installed: Option<u32>, offered: u32) -> Install {
        match installed {
            None => Install::New,
            Some(v) if v < offered => Install::Upgrade { from: v },
            Some(v) if v == offered => Install::Same,
            Some(v) => Install::Older { installed: v },
        }
    }
}

/// Why a pack cannot be opened or installed. `Display` is lowercase English for logs and the command line;
/// [`PackError::code`] names the Fluent message (`pack-error-<code>`) that says it in the participant's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackError {
    /// The file does not exist (the shell reads it).
    NotFound,
    /// The file exists but cannot be read: permissions, a folder, a device error (the OS's words).
    Unreadable { detail: String },
    /// Empty, not a zip, or a zip without `pack.zip`: not an event pack at all.
    NotAPack { detail: String },
    /// A zip that does not read back as written: cut short, or bytes changed on the way (checksums, structure).
    Damaged { detail: String },
    /// The `.gcmpack` holds something besides `pack.zip` and `pack.zip.minisig`, or one of them twice.
    UnexpectedEntry { name: String },
    /// No `pack.zip.minisig`.
    Unsigned,
    /// `pack.zip.minisig` is not a minisign signature.
    BadSignatureFile { detail: String },
    /// Signed by a key the app does not trust.
    UnknownKey { key_id: String },
    /// The signature does not match: the pack changed after signing.
    BadSignature { key_id: String },
    /// A public key file that is not a minisign public key.
    BadKey { detail: String },
    /// A minisign secret key where a public key belongs (`trust add`), or the reverse (`pack build --sign`).
    WrongKeyHalf { secret_given: bool },
    /// An entry name or kind that could escape the pack's folder.
    UnsafeEntry { name: String, why: String },
    /// The same path twice in `pack.zip`.
    DuplicateEntry { name: String },
    /// Over a [`Limits`] value (bytes, or a count for entries).
    TooLarge { what: String, limit: u64 },
    /// A file that is not UTF-8 text.
    NotUtf8 { file: String },
    /// The files fail the checks of `pack check`.
    Invalid { problems: Vec<Problem> },
    /// The built-in event's id, signed with a key not shipped with the app.
    BuiltinId { id: String, key_id: String },
    /// A newer version of this event is already installed.
    Older { id: String, installed: u32, offered: u32 },
    /// The installed version of this event was signed with another key, and the offered one's key is one the
    /// participant added (not shipped with the app, not installed by the computer's administrators).
    SignerChanged { id: String, installed_key: String, key_id: String },
}

impl PackError {
    /// The Fluent message id's tail: `pack-error-<code>`.
    pub fn code(&self) -> &'static str {
        match self {
            PackError::NotFound => "not-found",
            PackError::Unreadable { .. } => "unreadable",
            PackError::NotAPack { .. } => "not-a-pack",
            PackError::Damaged { .. } => "damaged",
            PackError::UnexpectedEntry { .. } => "unexpected-entry",
            PackError::Unsigned => "unsigned",
            PackError::BadSignatureFile { .. } => "bad-signature-file",
            PackError::UnknownKey { .. } => "unknown-key",
            PackError::BadSignature { .. } => "bad-signature",
            PackError::BadKey { .. } => "bad-key",
            PackError::WrongKeyHalf { secret_given: true } => "secret-key",
            PackError::WrongKeyHalf { secret_given: false } => "public-key",
            PackError::UnsafeEntry { .. } => "unsafe-entry",
            PackError::DuplicateEntry { .. } => "duplicate-entry",
            PackError::TooLarge { .. } => "too-large",
            PackError::NotUtf8 { .. } => "not-utf8",
            PackError::Invalid { .. } => "invalid",
            PackError::BuiltinId { .. } => "builtin-id",
            PackError::Older { .. } => "older",
            PackError::SignerChanged { .. } => "signer-changed",
        }
    }

    /// The Fluent arguments of the message: names as in `locales/*/pack.ftl`.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            PackError::NotAPack { detail }
            | PackError::Damaged { detail }
            | PackError::Unreadable { detail }
            | PackError::BadSignatureFile { detail }
            | PackError::BadKey { detail } => vec![("detail", detail.clone())],
            PackError::NotFound | PackError::WrongKeyHalf { .. } => vec![],
            PackError::UnexpectedEntry { name } | PackError::DuplicateEntry { name } => vec![("name", name.clone())],
            PackError::Unsigned => vec![],
            PackError::UnknownKey { key_id } | PackError::BadSignature { key_id } => vec![("key", key_id.clone())],
            PackError::UnsafeEntry { name, why } => vec![("name", name.clone()), ("why", why.clone())],
            PackError::TooLarge { what, limit } => vec![("what", what.clone()), ("limit", limit.to_string())],
            PackError::NotUtf8 { file } => vec![("file", file.clone())],
            PackError::Invalid { problems } => vec![
                ("count", problems.len().to_string()),
                ("first", problems.first().map(ToString::to_string).unwrap_or_default()),
            ],
            PackError::BuiltinId { id, key_id } => vec![("id", id.clone()), ("key", key_id.clone())],
            PackError::Older { id, installed, offered } => {
                vec![("id", id.clone()), ("installed", installed.to_string()), ("offered", offered.to_string())]
            }
            PackError::SignerChanged { id, installed_key, key_id } => {
                vec![("id", id.clone()), ("installed", installed_key.clone()), ("key", key_id.clone())]
            }
        }
    }
}

impl PackError {
    /// The Fluent message `pack-error-<code>` in `lang`, with [`PackError::args`] (`count` as a number).
    pub fn localize(&self, l10n: &crate::Localizer, lang: crate::Lang) -> String {
        // `count` is a number, so that Fluent picks its plural form (one, few, many).
        let args: Vec<(&str, fluent_bundle::FluentValue)> = self
            .args()
            .into_iter()
            .map(|(k, v)| match (k, v.parse::<u32>()) {
                ("count", Ok(n)) => (k, n.into()),
                (_, _) => (k, v.into()),
            })
            .collect();
        l10n.text_with(lang, &format!("pack-error-{}", self.code()), &args)
    }
}

/// The message ids of the app's own interface (`locales/en`), which a pack may not define.
pub fn app_message_ids() -> Vec<String> {
    let mut ids = Vec::new();
    for (_, _, source) in crate::i18n::FILES.iter().filter(|f| f.0 == "en") {
        let resource = fluent_syntax::parser::parse(*source).unwrap_or_else(|(r, _)| r);
        for entry in resource.body {
            match entry {
                fluent_syntax::ast::Entry::Message(m) => ids.push(m.id.name.to_owned()),
                fluent_syntax::ast::Entry::Term(t) => ids.push(format!("-{}", t.id.name)),
                _ => {}
            }
        }
    }
    ids
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PackError::NotFound => write!(f, "file not found"),
            PackError::Unreadable { detail } => write!(f, "the file cannot be read ({detail})"),
            PackError::NotAPack { detail } => write!(f, "not an event pack ({detail})"),
            PackError::Damaged { detail } => {
                write!(f, "the event pack is damaged or incomplete ({detail}); ask the organisers to send it again")
            }
            PackError::UnexpectedEntry { name } => {
                write!(f, "unexpected entry {name:?}: a pack holds only pack.zip and pack.zip.minisig, once each")
            }
            PackError::Unsigned => write!(f, "the pack is not signed"),
            PackError::BadSignatureFile { detail } => write!(f, "the pack's signature cannot be read: {detail}"),
            PackError::UnknownKey { key_id } => write!(
                f,
                "the pack is signed with key {key_id}, which is not trusted; to trust the organisers' key, run \
                 `gcm-workshop trust add KEY.pub` (or Settings, Add a key…) with the .pub file they sent you"
            ),
            PackError::BadSignature { key_id } => {
                write!(f, "the signature by key {key_id} does not match: the pack was changed after signing")
            }
            PackError::BadKey { detail } => write!(f, "not a minisign public key ({detail})"),
            PackError::WrongKeyHalf { secret_given: true } => write!(
                f,
                "this is a minisign secret key, which must stay with the organisers; trust the public key (.pub) instead"
            ),
            PackError::WrongKeyHalf { secret_given: false } => write!(
                f,
                "this is a minisign public key; signing takes the secret key made by `minisign -G` (minisign.key)"
            ),
            PackError::UnsafeEntry { name, why } => write!(f, "unsafe entry {name:?}: it {why}"),
            PackError::DuplicateEntry { name } => write!(f, "the entry {name:?} appears twice"),
            PackError::TooLarge { what, limit } => write!(f, "{what} is over the limit of {limit}"),
            PackError::NotUtf8 { file } => write!(f, "{file} is not UTF-8 text"),
            PackError::Invalid { problems } => {
                match problems.len() {
                    1 => write!(f, "the pack has 1 problem")?,
                    n => write!(f, "the pack has {n} problems")?,
                }
                for p in problems {
                    write!(f, "\n{p}")?;
                }
                Ok(())
            }
            PackError::BuiltinId { id, key_id } => write!(
                f,
                "the pack claims the built-in event {id:?} but is signed with key {key_id}, which is not shipped with the app"
            ),
            PackError::Older { id, installed, offered } => {
                write!(f, "version {installed} of {id:?} is installed; this pack is the older version {offered}")
            }
            PackError::SignerChanged { id, installed_key, key_id } => write!(
                f,
                "{id:?} is installed signed with key {installed_key}; this pack is signed with key {key_id}, which \
                 may not replace it (only the same key, a key shipped with the app or one installed by the \
                 computer's administrators may)"
            ),
        }
    }
}

impl std::error::Error for PackError {}

impl From<EventError> for Problem {
    fn from(e: EventError) -> Problem {
        Problem::new("event.json", None, e.to_string())
    }
}
