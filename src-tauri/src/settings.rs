//! Settings on disk: one JSON file in the OS config folder, shared by the window and the command line.
//! Writes are atomic (temporary file flushed, renamed, folder flushed) and locked: a change is applied to the file
//! as it is on disk under a lock on `settings.json.lock`, so two processes writing at once lose nothing. A file that was read but does not parse is moved aside with a
//! timestamped name and the app starts with defaults, telling the participant once. A file that cannot be read
//! (permissions, a folder in its place), or a corrupt one that cannot be moved aside, is left where it is: that run
//! works on defaults in memory and never writes over it (issue 9).

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
    /// The file was read but could not be used; it was moved to `moved_to` (or could not be moved: `None`, and
    /// then it must not be written over in this run).
    SetAside {
        reason: String,
        moved_to: Option<PathBuf>,
    },
    /// The file could not be read (`detail`: the OS error); it was left where it is and must not be written over
    /// in this run.
    Unreadable {
        detail: String,
    },
}

impl LoadNote {
    /// Whether the file on disk holds settings this run could not read and so must leave alone.
    pub fn keeps_file_read_only(&self) -> bool {
        matches!(self, LoadNote::Unreadable { .. } | LoadNote::SetAside { moved_to: None, .. })
    }
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

    /// Reads the settings. Never fails: a file that was read and does not parse is set aside, one that cannot be
    /// read is left in place, and either is reported. No file at all is the defaults.
    pub fn load(&self, stamp: &str) -> (Settings, LoadNote) {
        let bytes = match read_settings_file(&self.path) {
            Ok(bytes) if bytes.len() as u64 > MAX_SETTINGS_BYTES => {
                // Not a settings file the app wrote (those are a few hundred bytes): not parsed at all.
                let reason = format!("the file is larger than settings ever are (over {MAX_SETTINGS_BYTES} bytes)");
                return self.set_aside(reason, stamp);
            }
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Settings::default(), LoadNote::None),
            Err(e) => return (Settings::default(), LoadNote::Unreadable { detail: e.to_string() }),
        };
        match Settings::from_bytes(&bytes) {
            Ok(s) => (s, LoadNote::None),
            Err(e) => self.set_aside(e.to_string(), stamp),
        }
    }

    /// Moves the file to `settings.corrupt-<stamp>.json`, or `…-<stamp>-2.json` and so on when a file set aside
    /// in the same second is there: one set aside before is never written over. (Anything else in the way, such
    /// as a folder, makes the move fail, and the file then stays where it is.)
    fn set_aside(&self, reason: String, stamp: &str) -> (Settings, LoadNote) {
        let free = (1..=100)
            .map(|n| match n {
                1 => format!("settings.corrupt-{stamp}.json"),
                n => format!("settings.corrupt-{stamp}-{n}.json"),
            })
            .map(|name| self.path.with_file_name(name))
            .find(|p| !std::fs::symlink_metadata(p).is_ok_and(|m| m.is_file()));
        let Some(target) = free else {
            let reason = format!("{reason} (moving it aside failed: 100 files set aside in the same second)");
            return (Settings::default(), LoadNote::SetAside { reason, moved_to: None });
        };
        match std::fs::rename(&self.path, &target) {
            Ok(()) => (Settings::default(), LoadNote::SetAside { reason, moved_to: Some(target) }),
            Err(e) => {
                let reason = format!("{reason} (moving it aside failed: {e})");
                (Settings::default(), LoadNote::SetAside { reason, moved_to: None })
            }
        }
    }

    /// Writes atomically ([`write_atomically`]).
    pub fn save(&self, s: &Settings) -> Result<(), Error> {
        write_atomically(&self.path, format!("{}\n", s.to_json()).as_bytes()).map_err(|e| self.write_error(e))
    }

    fn write_error(&self, e: std::io::Error) -> Error {
        let cause = crate::error::WriteCause::of(&e);
        Error::SettingsWrite { path: self.path.display().to_string(), detail: e.to_string(), cause }
    }

    /// Removes `settings.json.tmp-<pid>` files that a writer killed mid-write left behind. Called with the lock
    /// held, when no write is under way.
    fn remove_stale_temporaries(&self) {
        let (Some(dir), Some(name)) = (self.path.parent(), self.path.file_name()) else { return };
        let prefix = format!("{}.tmp-", name.to_string_lossy());
        let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            if entry.file_name().to_string_lossy().starts_with(&prefix) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }

    /// The lock file beside the settings: `settings.json.lock`. Locked, never written; its content is empty.
    pub fn lock_path(&self) -> PathBuf {
        let mut name = self.path.file_name().unwrap_or_default().to_os_string();
        name.push(".lock");
        self.path.with_file_name(name)
    }

    /// Changes the settings on disk without losing another process's write (the window and a
    /// `gcm-workshop join --invitation` in a terminal, at once): takes an exclusive lock on [`Self::lock_path`]
    /// (the OS's advisory file lock, released when the file closes, even if the process dies), reads the file as
    /// it is now, applies `change`, writes atomically, and lets go. `current` is the caller's view, the base when
    /// the file is missing or no longer parses. Returns the settings written.
    ///
    /// Errors: `SettingsWrite` when the folder, the lock or the file cannot be written.
    pub fn update(&self, current: &Settings, change: impl FnOnce(&mut Settings)) -> Result<Settings, Error> {
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| self.write_error(e))?;
        }
        let lock = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.lock_path())
            .map_err(|e| self.write_error(e))?;
        lock.lock().map_err(|e| self.write_error(e))?;
        self.remove_stale_temporaries();
        let on_disk = read_settings_file(&self.path)
            .ok()
            .filter(|b| b.len() as u64 <= MAX_SETTINGS_BYTES)
            .and_then(|b| Settings::from_bytes(&b).ok());
        let mut next = on_disk.unwrap_or_else(|| current.clone());
        change(&mut next);
        let written = self.save(&next);
        // Unlocked when `lock` closes here, also on an error above.
        drop(lock);
        written.map(|()| next)
    }
}

/// The largest settings file the app reads: 64 KiB. Its own are a few hundred bytes, a few KiB with many events;
/// anything larger was not written by it and is set aside unread.
pub const MAX_SETTINGS_BYTES: u64 = 64 << 10;

/// Reads at most one byte more than [`MAX_SETTINGS_BYTES`]: a huge file (or `/dev/zero` linked in its place)
/// costs no more than that.
fn read_settings_file(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?.take(MAX_SETTINGS_BYTES + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Writes `bytes` to `path` atomically: its folder is created if missing, then a temporary file beside it is
/// written, flushed to disk, renamed over `path` (retried briefly on Windows, see [`rename_over`]), and the folder
/// flushed. On error the temporary file is removed and `path` is as it was. Used for settings, installed packs
/// and built packs.
pub fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".tmp-{}", std::process::id()));
    let tmp = path.with_file_name(name);
    let write = || -> std::io::Result<()> {
        use std::io::Write;
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        rename_over(&tmp, path)?;
        sync_folder(path);
        Ok(())
    };
    write().inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// Renames `from` over `to`. On Windows a file another process (an antivirus, a backup tool, a second copy of the
/// app reading it) holds open refuses the rename for a moment: tried again for up to about a second.
fn rename_over(from: &Path, to: &Path) -> std::io::Result<()> {
    let mut tries = 0;
    loop {
        match std::fs::rename(from, to) {
            Err(e) if cfg!(windows) && e.kind() == std::io::ErrorKind::PermissionDenied && tries < 20 => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            done => return done,
        }
    }
}

/// Flushes the folder of `path` to disk, so that the rename itself survives a power cut (Unix; Windows has no
/// folder handles to flush and its renames are journaled). A failure here leaves a good file: it is not an error.
fn sync_folder(path: &Path) {
    #[cfg(unix)]
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
    }
    #[cfg(not(unix))]
    let _ = path;
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

    /// Two writers at once, as the window and a terminal are (each with a store of its own, so each takes the lock
    /// through its own file), each changing its own field 200 times, while a reader reads the file: the file always
    /// parses, and in the end it holds both writers' last values; neither write was lost.
    #[test]
    fn two_writers_at_once_lose_nothing() {
        let (_d, s) = store();
        let path = s.path().to_path_buf();
        let zones = ["Asia/Almaty", "Asia/Baku", "Asia/Bishkek", "Asia/Dushanbe", "Asia/Tashkent"];
        let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let reader = {
            let (path, done) = (path.clone(), done.clone());
            std::thread::spawn(move || {
                let mut reads = 0;
                while !done.load(std::sync::atomic::Ordering::Relaxed) {
                    if let Ok(bytes) = std::fs::read(&path) {
                        Settings::from_bytes(&bytes).unwrap_or_else(|e| panic!("a torn file: {e}"));
                        reads += 1;
                    }
                }
                reads
            })
        };
        let scale = |i: u32| 80 + (i % 13) * 10;
        let a = {
            let s = SettingsStore::at(&path);
            std::thread::spawn(move || {
                for i in 0..200 {
                    s.update(&Settings::default(), |v| v.text_scale = scale(i)).unwrap();
                }
            })
        };
        let b = {
            let s = SettingsStore::at(&path);
            std::thread::spawn(move || {
                for i in 0..200 {
                    s.update(&Settings::default(), |v| v.timezone = Some(zones[i % zones.len()].to_owned())).unwrap();
                }
            })
        };
        a.join().unwrap();
        b.join().unwrap();
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        assert!(reader.join().unwrap() > 0, "the reader read the file");
        let (last, note) = s.load("x");
        assert_eq!(note, LoadNote::None);
        assert_eq!((last.text_scale, last.timezone.as_deref()), (scale(199), Some(zones[199 % zones.len()])));
    }

    /// A file far larger than any settings file is set aside unread, and the app goes on with defaults.
    #[test]
    fn a_huge_file_is_set_aside_unread() {
        let (_d, s) = store();
        std::fs::create_dir_all(s.path().parent().unwrap()).unwrap();
        let huge = format!("{{\"language\": \"ru\", \"x\": \"{}\"}}", "a".repeat(1 << 20));
        std::fs::write(s.path(), &huge).unwrap();
        let (settings, note) = s.load("20231205T060000Z");
        assert_eq!(settings, Settings::default());
        match note {
            LoadNote::SetAside { reason, moved_to: Some(to) } => {
                assert!(reason.contains("larger than settings ever are"), "{reason}");
                assert_eq!(std::fs::read_to_string(to).unwrap(), huge, "kept as it was");
            }
            other => panic!("{other:?}"),
        }
    }

    /// `update` starts from the file as it is on disk, not from the caller's older view of it.
    #[test]
    fn update_keeps_what_another_process_wrote() {
        let (_d, s) = store();
        let window_view = Settings::default();
        // A terminal saved a language since the window read the file.
        s.save(&Settings { language: Some(Lang::Ru), ..Settings::default() }).unwrap();
        let next = s.update(&window_view, |v| v.text_scale = 150).unwrap();
        assert_eq!((next.language, next.text_scale), (Some(Lang::Ru), 150));
        assert_eq!(s.load("x").0, next);
        // No file (or one that no longer parses): the caller's view is the base.
        std::fs::write(s.path(), "{ not json").unwrap();
        let view = Settings { language: Some(Lang::En), ..Settings::default() };
        let next = s.update(&view, |v| v.text_scale = 120).unwrap();
        assert_eq!((next.language, next.text_scale), (Some(Lang::En), 120));
    }

    #[test]
    fn save_then_load() {
        let (_d, s) = store();
        let v = Settings { language: Some(Lang::Ru), ..Settings::default() };
        s.save(&v).unwrap();
        assert_eq!(s.load("x"), (v, LoadNote::None));
        let leftovers: Vec<_> =
            std::fs::read_dir(s.path().parent().unwrap()).unwrap().flatten().map(|e| e.file_name()).collect();
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

        // Two more corrupt files in the same second: each beside the one before, none written over.
        for (n, bytes) in [(2, &b"[1, 2"[..]), (3, &b"\xff\xfe\x00"[..])] {
            std::fs::write(s.path(), bytes).unwrap();
            let (_, note) = s.load("20231205T064100Z");
            let aside_n = s.path().with_file_name(format!("settings.corrupt-20231205T064100Z-{n}.json"));
            assert!(matches!(&note, LoadNote::SetAside { moved_to: Some(p), .. } if *p == aside_n), "{note:?}");
            assert_eq!(std::fs::read(&aside_n).unwrap(), bytes);
        }
        assert_eq!(std::fs::read(&aside).unwrap(), b"{\"language\": \"ru\",, oops", "the first is kept");
    }

    // Unix only, like `load_outcomes`: a symbolic link, and the OS error texts as Linux words them.
    /// What stands at the settings path before loading.
    #[cfg(unix)]
    enum Put {
        Bytes(&'static [u8]),
        /// A folder named `settings.json`.
        Folder,
        /// `settings.json` a symbolic link to itself.
        SymlinkLoop,
        /// The settings folder is a file, so the path cannot be opened.
        FileAsFolder,
        /// Corrupt bytes, and a non-empty folder where they would be moved, so the move fails.
        CorruptUnmovable,
    }

    /// Loads after `put` (stamp `T`) and renders the outcome: `read <language>`, `set aside: <reason>`, `kept
    /// (could not move): <reason>` or `left in place: <OS error>`, checking what is on disk for each (issue 9).
    #[cfg(unix)]
    fn check(put: Put, expect: &str) {
        let (d, s) = store();
        let dir = s.path().parent().unwrap().to_owned();
        std::fs::create_dir_all(&dir).unwrap();
        let aside = dir.join("settings.corrupt-T.json");
        let mut bytes: Option<&[u8]> = None;
        match put {
            Put::Bytes(b) => {
                std::fs::write(s.path(), b).unwrap();
                bytes = Some(b);
            }
            Put::Folder => std::fs::create_dir(s.path()).unwrap(),
            Put::SymlinkLoop => std::os::unix::fs::symlink(s.path(), s.path()).unwrap(),
            Put::FileAsFolder => {
                std::fs::remove_dir(&dir).unwrap();
                std::fs::write(&dir, b"{}").unwrap();
            }
            Put::CorruptUnmovable => {
                std::fs::write(s.path(), b"{oops").unwrap();
                std::fs::create_dir_all(aside.join("blocker")).unwrap();
                bytes = Some(b"{oops");
            }
        }
        let (settings, note) = s.load("T");
        let got = match &note {
            LoadNote::None => format!("read {}", settings.language.map_or("none", |l| l.code())),
            LoadNote::SetAside { reason, moved_to: Some(to) } => {
                assert_eq!(to, &aside);
                assert_eq!(std::fs::read(&aside).ok().as_deref(), bytes, "the file moved aside whole");
                assert!(!s.path().exists());
                format!("set aside: {reason}")
            }
            LoadNote::SetAside { reason, moved_to: None } => format!("kept (could not move): {reason}"),
            LoadNote::Unreadable { detail } => format!("left in place: {detail}"),
        };
        if !matches!(note, LoadNote::None) {
            assert_eq!(settings, Settings::default(), "defaults when the file cannot be used");
        }
        assert_eq!(note.keeps_file_read_only(), got.starts_with("kept") || got.starts_with("left"));
        if note.keeps_file_read_only() {
            if let Some(b) = bytes {
                assert_eq!(std::fs::read(s.path()).unwrap(), b, "left as it was");
            }
            let names: Vec<_> =
                std::fs::read_dir(&dir).into_iter().flatten().flatten().map(|e| e.file_name()).collect();
            assert!(names.iter().all(|n| n == "settings.json" || aside.ends_with(n)), "nothing new: {names:?}");
        }
        assert_eq!(got, expect);
        drop(d);
    }

    #[cfg(unix)]
    #[test]
    #[rustfmt::skip]
    fn load_outcomes() {
        check(Put::Bytes(b"{\"language\": \"ru\"}"), "read ru");
        check(Put::Bytes(b""), "read none");
        // Saved by Windows editors: a UTF-8 byte-order mark, CRLF line ends, UTF-16 with a BOM (PowerShell 5.1 `>`).
        check(Put::Bytes(b"\xef\xbb\xbf{\"language\": \"ru\"}"), "read ru");
        check(Put::Bytes(b"{\r\n  \"language\": \"ru\"\r\n}\r\n"), "read ru");
        check(Put::Bytes(b"\xff\xfe{\0\"\0l\0a\0n\0g\0u\0a\0g\0e\0\"\0:\0\"\0r\0u\0\"\0}\0\r\0\n\0"), "read ru");
        check(Put::Bytes(b"\xfe\xff\0{\0\"\0l\0a\0n\0g\0u\0a\0g\0e\0\"\0:\0\"\0r\0u\0\"\0}"), "read ru");
        // Read, and not settings: set aside.
        check(Put::Bytes(b"{\"language\": \"ru\",, oops"), "set aside: settings are not valid: key must be a string at line 1 column 19");
        check(Put::Bytes(&[0xff, 0xfe, 0x00]), "set aside: settings are not valid: the file is not UTF-16 text");
        check(Put::Bytes(&[0x80, 0x81]), "set aside: settings are not valid: the file is not UTF-8 text");
        check(Put::Bytes(b"{\"language\": \"fr\"}"), "set aside: settings are not valid: unknown variant `fr`, expected `en` or `ru`");
        // Not readable: left in place, read-only for this run.
        check(Put::Folder, "left in place: Is a directory (os error 21)");
        check(Put::SymlinkLoop, "left in place: Too many levels of symbolic links (os error 40)");
        check(Put::FileAsFolder, "left in place: Not a directory (os error 20)");
        // Corrupt, and the move failed: kept, read-only for this run.
        check(Put::CorruptUnmovable, "kept (could not move): settings are not valid: key must be a string at line 1 column 2 (moving it aside failed: Is a directory (os error 21))");
    }
}
