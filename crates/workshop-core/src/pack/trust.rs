//! Who may sign packs: minisign public keys (Ed25519), each with where its trust comes from, and the check of a
//! pack's signature against them (`minisign-verify`).

use super::PackError;
use base64::Engine as _;
use minisign_verify::{PublicKey, Signature};
use serde::Serialize;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/builtin_keys.rs"));
}

/// The keys shipped with the app (`packs/trusted-keys/*.pub`, embedded at build time). A file that is not a key
/// fails the build's tests, not the app: it is skipped here.
pub fn builtin_keys() -> Vec<TrustedKey> {
    embedded::BUILTIN_KEYS.iter().filter_map(|(_, text)| TrustedKey::parse(text, KeySource::Builtin).ok()).collect()
}

/// Every shipped key file, parsed: the build's test that none is broken.
pub fn builtin_key_files() -> Vec<(&'static str, Result<TrustedKey, PackError>)> {
    embedded::BUILTIN_KEYS.iter().map(|(name, text)| (*name, TrustedKey::parse(text, KeySource::Builtin))).collect()
}

/// Where the app's trust in a key comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum KeySource {
    /// Shipped with the app (`packs/trusted-keys/` at build time): the organisers' own keys.
    Builtin,
    /// Installed machine-wide by the computer's administrators (`/etc/gcm-workshop/trusted-keys/`,
    /// `%ProgramData%\gcm-workshop\trusted-keys\`).
    Machine,
    /// Added by the participant (`gcm-workshop trust add`, or Settings).
    User,
}

impl KeySource {
    /// The lowercase English name used on the command line and in JSON: `builtin`, `machine`, `user`.
    pub fn as_str(self) -> &'static str {
        match self {
            KeySource::Builtin => "builtin",
            KeySource::Machine => "machine",
            KeySource::User => "user",
        }
    }
}

/// A minisign public key the app trusts.
#[derive(Debug, Clone)]
pub struct TrustedKey {
    key: PublicKey,
    /// minisign's key id in uppercase hex, as `minisign` prints it in a key's comment line (`2B5E6E5C3F5B1A0D`):
    /// without leading zeros, so one key in sixteen has 15 digits or fewer (`C67BDABB202D081`).
    pub id: String,
    /// The public key itself in base64 (56 characters, `RW…`), as organisers publish it (`minisign -P …`): what a
    /// participant compares with what they received.
    pub fingerprint: String,
    pub source: KeySource,
}

/// The key id as minisign prints it (`minisign public key %PRIX64`): the 8 id bytes read as a little-endian
/// number, in uppercase hex without leading zeros, so that it reads as the comment line of the organisers' `.pub`.
fn key_id_hex(id: &[u8]) -> String {
    let mut le = [0u8; 8];
    le.copy_from_slice(&id[..8]);
    format!("{:X}", u64::from_le_bytes(le))
}

/// The decoded second line of a minisign file (key or signature), whose bytes 2..10 are the key id.
fn second_line_bytes(text: &str) -> Option<Vec<u8>> {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty() && !l.starts_with("untrusted comment:"))?;
    base64::engine::general_purpose::STANDARD.decode(line).ok()
}

impl TrustedKey {
    /// Parses a `minisign.pub` file (`untrusted comment: …` then the base64 key) or a bare base64 key line.
    /// Errors: [`PackError::WrongKeyHalf`] for a secret key (`minisign.key`), [`PackError::BadKey`] for anything
    /// else that is not an Ed25519 minisign public key.
    ///
    /// # Example
    /// ```
    /// use workshop_core::pack::{KeySource, TrustedKey};
    /// // A key made with `minisign -G`, which printed "minisign public key 6A9354E14FC1A39E".
    /// let file = "untrusted comment: minisign public key 6A9354E14FC1A39E\n\
    ///             RWSeo8FP4VSTao2vIvJIrvJlWm1I5dQhcpzSyKk0VI30UPzisBSxzcwK\n";
    /// let key = TrustedKey::parse(file, KeySource::User).unwrap();
    /// assert_eq!(key.id, "6A9354E14FC1A39E");
    /// assert_eq!(key.fingerprint, "RWSeo8FP4VSTao2vIvJIrvJlWm1I5dQhcpzSyKk0VI30UPzisBSxzcwK");
    /// ```
    pub fn parse(text: &str, source: KeySource) -> Result<TrustedKey, PackError> {
        let bad = |detail: &str| PackError::BadKey { detail: detail.into() };
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let line = text
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && !l.starts_with("untrusted comment:"))
            .ok_or_else(|| bad("the file holds no key"))?;
        match minisign_kind(line) {
            Some(MinisignKind::SecretKey { .. }) => return Err(PackError::WrongKeyHalf { secret_given: true }),
            Some(MinisignKind::Signature) => return Err(bad("the file is a minisign signature (.minisig), not a key")),
            Some(MinisignKind::PublicKey) | None => {}
        }
        let key = PublicKey::from_base64(line).map_err(|_| bad("the file does not hold an Ed25519 key in base64"))?;
        let bytes = second_line_bytes(line).ok_or_else(|| bad("the file does not hold an Ed25519 key in base64"))?;
        Ok(TrustedKey { key, id: key_id_hex(&bytes[2..10]), fingerprint: line.to_owned(), source })
    }

    /// The same key trusted from another source.
    pub fn with_source(&self, source: KeySource) -> TrustedKey {
        TrustedKey { source, ..self.clone() }
    }

    /// The key as a `minisign.pub` file, for storing a key the participant added.
    pub fn to_file_text(&self) -> String {
        format!("untrusted comment: minisign public key {}\n{}\n", self.id, self.fingerprint)
    }
}

/// What a minisign file holds, told by the size of its base64 line once decoded (minisign's formats, all
/// starting with the algorithm `Ed`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MinisignKind {
    /// `minisign.pub`: algorithm, key id, Ed25519 public key (42 bytes).
    PublicKey,
    /// `minisign.key`: algorithm, KDF, checksum algorithm, salt, limits, then key id, secret key and checksum
    /// (158 bytes); `encrypted` unless the KDF is none (`minisign -G -W`).
    SecretKey { encrypted: bool },
    /// `.minisig`: algorithm, key id, signature (74 bytes).
    Signature,
}

/// The kind of minisign file `text` is (`untrusted comment:` lines skipped), or `None` for anything else.
pub fn minisign_kind(text: &str) -> Option<MinisignKind> {
    let bytes = second_line_bytes(text.strip_prefix('\u{feff}').unwrap_or(text))?;
    if !bytes.starts_with(b"E") {
        return None;
    }
    match bytes.len() {
        42 => Some(MinisignKind::PublicKey),
        158 => Some(MinisignKind::SecretKey { encrypted: bytes[2..4] != [0, 0] }),
        74 => Some(MinisignKind::Signature),
        _ => None,
    }
}

/// The key id a minisign signature names, if the text is a signature at all.
pub fn signature_key_id(signature: &str) -> Option<String> {
    let bytes = second_line_bytes(signature)?;
    (bytes.len() == 74).then(|| key_id_hex(&bytes[2..10]))
}

/// Verifies `signature` (the `.minisig` text) over `data` with the trusted key it names.
///
/// Returns that key. Errors: [`PackError::BadSignatureFile`] (not a minisign signature),
/// [`PackError::UnknownKey`] (no trusted key has its id), [`PackError::BadSignature`] (the data or the signature's
/// trusted comment changed after signing, or a legacy non-prehashed signature).
pub fn verify<'k>(data: &[u8], signature: &str, keys: &'k [TrustedKey]) -> Result<&'k TrustedKey, PackError> {
    let sig = Signature::decode(signature.trim_start_matches('\u{feff}'))
        .map_err(|_| PackError::BadSignatureFile { detail: "not a minisign signature".into() })?;
    let key_id = signature_key_id(signature)
        .ok_or_else(|| PackError::BadSignatureFile { detail: "not a minisign signature".into() })?;
    // The most trusted source first: a key shipped with the app wins over the same key added by hand.
    let mut candidates: Vec<&TrustedKey> = keys.iter().filter(|k| k.id == key_id).collect();
    candidates.sort_by_key(|k| k.source);
    let key = candidates.first().ok_or(PackError::UnknownKey { key_id: key_id.clone() })?;
    key.key.verify(data, &sig, false).map_err(|_| PackError::BadSignature { key_id })?;
    Ok(key)
}

#[cfg(test)]
mod key_id_tests {
    use super::key_id_hex;

    /// The id bytes as a key stores them (little-endian) → what minisign's `.pub` comment line says.
    #[test]
    fn key_ids_read_as_minisign_prints_them() {
        let table: &[(u64, &str)] = &[
            (0x2B5E_6E5C_3F5B_1A0D, "2B5E6E5C3F5B1A0D"),
            (0x0C67_BDAB_B202_D081, "C67BDABB202D081"),
            (0x010C_0330_B705_70A1, "10C0330B70570A1"),
            (0x0000_0000_0000_00FF, "FF"),
            (0, "0"),
            (u64::MAX, "FFFFFFFFFFFFFFFF"),
        ];
        for (id, expect) in table {
            assert_eq!(key_id_hex(&id.to_le_bytes()), *expect, "{id:#018x}");
        }
    }
}
