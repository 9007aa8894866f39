//! Settings on disk: one JSON file in the OS config folder, shared by the window and the command line.
//! Writes are atomic (temporary file, then rename). A corrupt file is moved aside with a timestamped name and
//! the app starts with defaults, telling the participant once; it is never silently overwritten.

use crate::error::Error;
use std::path::{Path, PathBuf};
use workshop_core::settings::Settings;

#[derive(Debug, Clone)]
pub struct SettingsStore {
    path: PathBuf,
}

/// What loading found, beside the settings themselves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadNote {
    None,
    /// The file could not be used; it was moved to `moved_to` (or could not be moved: `None`).
    SetAside { reason: String, moved_to: Option<PathBuf> },
}

impl SettingsStore {
    /// `$XDG_CONFIG_HOME/gcm-workshop/settings.json` on Linux, and the matching folder elsewhere.
    pub fn default_location() -> SettingsStore {
        let dir = dirs::config_dir().unwrap_or_else(std::env::temp_dir).join("gcm-workshop");
        SettingsStore { path: dir.join("settings.json") }
    }

    pub fn at(path: impl Into<PathBuf>) -> SettingsStore {
        SettingsStore { path: path.into() }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the settings. Never fails: what cannot be used is set aside and reported.
    pub fn load(&self, stamp: &str) -> (Settings, LoadNote) {
        let text = match std::fs::read(&self.path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(t) => t,
                Err(_) => return self.set_aside("settings file is not UTF-8 text".into(), stamp),
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Settings::default(), LoadNote::None),
            Err(e) => return self.set_aside(format!("settings file cannot be read: {e}"), stamp),
        };
        match Settings::from_json(&text) {
            Ok(s) => (s, LoadNote::None),
            Err(e) => self.set_aside(e.to_string(), stamp),
        }
    }

    fn set_aside(&self, reason: String, stamp: &str) -> (Settings, LoadNote) {
        let name = format!("settings.corrupt-{stamp}.json");
        let target = self.path.with_file_name(name);
        let moved_to = std::fs::rename(&self.path, &target).ok().map(|_| target);
        (Settings::default(), LoadNote::SetAside { reason, moved_to })
    }

    /// Writes atomically: a temporary file in the same folder, flushed, then renamed over the old one.
    pub fn save(&self, s: &Settings) -> Result<(), Error> {
        let fail = |e: std::io::Error| Error::SettingsWrite { path: self.path.display().to_string(), detail: e.to_string() };
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(fail)?;
        }
        let tmp = self.path.with_extension(format!("json.tmp-{}", std::process::id()));
        let write = || -> std::io::Result<()> {
            use std::io::Write;
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(s.to_json().as_bytes())?;
            f.write_all(b"\n")?;
            f.sync_all()?;
            std::fs::rename(&tmp, &self.path)
        };
        write().map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            fail(e)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use workshop_core::Lang;

    fn store() -> (tempfile::TempDir, SettingsStore) {
        let dir = tempfile::tempdir().unwrap();
        let s = SettingsStore::at(dir.path().join("cfg").join("settings.json"));
        (dir, s)
    }

    #[test]
    fn missing_file_is_defaults() {
        let (_d, s) = store();
        assert_eq!(s.load("x"), (Settings::default(), LoadNote::None));
    }

    #[test]
    fn save_then_load() {
        let (_d, s) = store();
        let v = Settings { language: Some(Lang::Ru), ..Settings::default() };
        s.save(&v).unwrap();
        assert_eq!(s.load("x"), (v, LoadNote::None));
        let leftovers: Vec<_> = std::fs::read_dir(s.path().parent().unwrap()).unwrap().flatten().map(|e| e.file_name()).collect();
        assert_eq!(leftovers, vec![std::ffi::OsString::from("settings.json")]);
    }

    #[test]
    fn corrupt_file_is_set_aside_not_lost() {
        let (_d, s) = store();
        std::fs::create_dir_all(s.path().parent().unwrap()).unwrap();
        std::fs::write(s.path(), b"{\"language\": \"ru\",, oops").unwrap();
        let (v, note) = s.load("20231205T064100Z");
        assert_eq!(v, Settings::default());
        let aside = s.path().with_file_name("settings.corrupt-20231205T064100Z.json");
        match note {
            LoadNote::SetAside { reason, moved_to } => {
                assert!(reason.starts_with("settings are not valid"), "{reason}");
                assert_eq!(moved_to.as_deref(), Some(aside.as_path()));
            }
            other => panic!("expected set aside, got {other:?}"),
        }
        assert_eq!(std::fs::read(&aside).unwrap(), b"{\"language\": \"ru\",, oops");
        assert!(!s.path().exists());
    }

    #[test]
    fn binary_file_is_set_aside() {
        let (_d, s) = store();
        std::fs::create_dir_all(s.path().parent().unwrap()).unwrap();
        std::fs::write(s.path(), [0xff, 0xfe, 0x00]).unwrap();
        assert!(matches!(s.load("t").1, LoadNote::SetAside { .. }));
    }
}
