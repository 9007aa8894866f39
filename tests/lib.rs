//! Shared helpers for the integration (`it`) and end-to-end (`e2e`) test binaries: where the workspace is, and a
//! private virtual X display.

#[cfg(unix)]
use std::io::{BufRead, BufReader};
#[cfg(unix)]
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
#[cfg(unix)]
use std::process::{Child, Command, Stdio};
#[cfg(unix)]
use std::time::{Duration, Instant};

/// The workspace root (the folder above this test crate).
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the test crate is inside the workspace").to_path_buf()
}

/// The app under test: `$GCM_WORKSHOP_BIN` (relative paths from the workspace root), else
/// `<workspace>/target/debug/gcm-workshop`; always absolute.
///
/// Errors: a message saying how to build it when there is no file there.
pub fn app_binary_path() -> Result<PathBuf, String> {
    let path = std::env::var_os("GCM_WORKSHOP_BIN")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .map(|p| if p.is_absolute() { p } else { workspace().join(p) })
        .unwrap_or_else(|| workspace().join("target").join("debug").join("gcm-workshop"));
    if !path.is_file() {
        return Err(format!(
            "the app binary is missing: {}\nbuild it first with `cargo build -p gcm-workshop` (scripts/test does \
             this), or point GCM_WORKSHOP_BIN at a built binary",
            path.display()
        ));
    }
    Ok(path)
}

/// Sets `cmd` up to run the app as in a clean session: settings under `home` (`XDG_CONFIG_HOME`), installed packs
/// under `home/data` (`XDG_DATA_HOME`), no machine-wide keys (`GCM_WORKSHOP_MACHINE_KEYS`), an English
/// locale, and none of the variables that would change what it prints — a language list, `--now`, a display,
/// `TZ`. Tests that need one of them set it afterwards.
pub fn isolated<'a>(cmd: &'a mut std::process::Command, home: &Path) -> &'a mut std::process::Command {
    cmd.env("XDG_CONFIG_HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("GCM_WORKSHOP_MACHINE_KEYS", home.join("machine-keys"))
        .env("LANG", "en_US.UTF-8");
    for name in ["LC_ALL", "LC_MESSAGES", "LANGUAGE", "GCM_WORKSHOP_NOW", "DISPLAY", "WAYLAND_DISPLAY", "TZ"] {
        cmd.env_remove(name);
    }
    cmd
}

/// A private virtual X display (Xvfb), ended when dropped: SIGTERM, so it removes its socket, then SIGKILL if it
/// lingers. Unix only (process groups, SIGTERM), like the tests that use it.
#[cfg(unix)]
pub struct Xvfb {
    child: Child,
    display: String,
}

#[cfg(unix)]
impl Xvfb {
    /// Starts Xvfb (1280×800, no TCP) on a display number it picks itself (`-displayfd`: no races with other X
    /// servers) and waits until it accepts connections. Its standard error goes to `stderr`. The error says what
    /// failed, for the caller to add where the log is.
    pub fn start(stderr: Stdio) -> Result<Xvfb, String> {
        let mut child = Command::new("Xvfb")
            .args(["-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(stderr)
            // Its own process group: a Ctrl+C in the terminal reaches the tests, which then end it themselves.
            .process_group(0)
            .spawn()
            .map_err(|e| format!("cannot start Xvfb: {e}"))?;
        // Xvfb writes the display number once it accepts connections; read it on a thread to bound the wait.
        let stdout = child.stdout.take().expect("piped stdout");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        let line = rx.recv_timeout(Duration::from_secs(15)).unwrap_or_default();
        let n = line.trim();
        let mut xvfb = Xvfb { child, display: format!(":{n}") };
        if n.is_empty() || n.parse::<u32>().is_err() {
            xvfb.stop();
            return Err("Xvfb did not start (no display number reported)".into());
        }
        Ok(xvfb)
    }

    /// The value for `DISPLAY`, e.g. `:99`.
    pub fn display(&self) -> &str {
        &self.display
    }

    fn stop(&mut self) {
        if self.child.try_wait().ok().flatten().is_some() {
            return;
        }
        // SAFETY: kill(2) sends a signal to the process we started; it has no memory effects.
        unsafe {
            libc::kill(self.child.id() as i32, libc::SIGTERM);
        }
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if self.child.try_wait().ok().flatten().is_some() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[cfg(unix)]
impl Drop for Xvfb {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A key pair made by Debian's `minisign` tool (`minisign -G`), protected by `password` as a person would type it
/// twice on standard input: (`dir/organiser.pub`, `dir/organiser.key`). Keys are made as tests run; none is
/// committed.
pub fn minisign_keys(dir: &Path, password: &str) -> (PathBuf, PathBuf) {
    use std::io::Write;
    let (public, secret) = (dir.join("organiser.pub"), dir.join("organiser.key"));
    let mut child = std::process::Command::new("minisign")
        .args(["-G", "-p"])
        .arg(&public)
        .arg("-s")
        .arg(&secret)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("minisign is installed (scripts/setup.sh)");
    child.stdin.take().unwrap().write_all(format!("{password}\n{password}\n").as_bytes()).unwrap();
    assert!(child.wait().unwrap().success(), "minisign -G failed");
    (public, secret)
}

/// Copies the folder `from` into `to` (created), recursively: a pack's source to edit in a test.
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_tree(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    /// The display comes up on a number of its own and goes away cleanly: SIGTERM lets Xvfb remove its socket,
    /// so later displays do not have to step around stale ones.
    #[test]
    fn xvfb_starts_and_ends_cleanly() {
        let x = Xvfb::start(Stdio::null()).unwrap();
        let n = x.display().strip_prefix(':').expect("a display like :99");
        let socket = PathBuf::from(format!("/tmp/.X11-unix/X{n}"));
        assert!(socket.exists(), "{} while Xvfb runs", socket.display());
        drop(x);
        assert!(!socket.exists(), "{} left behind", socket.display());
    }
}
