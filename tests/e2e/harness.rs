//! The end-to-end harness: one real app window per test, driven over WebDriver.
//!
//! ```text
//! test ──fantoccini──▶ tauri-driver (:P) ──▶ WebKitWebDriver (:Q) ──▶ gcm-workshop (WebKitGTK) on Xvfb
//! ```
//!
//! * Each [`Session`] gets its own virtual display (unless `DISPLAY` is set and `GCM_E2E_XVFB` is not `1`),
//!   its own free ports, its own `XDG_CONFIG_HOME` (fresh, or reused with [`Options::config_home`]) and fresh
//!   `XDG_DATA_HOME` / `XDG_CACHE_HOME`, so no state leaks between tests or from the developer's machine.
//! * Sessions are serialised by a process-wide lock: tests may run on several threads, windows open one at a time.
//! * Every wait polls a condition with a deadline (20 s, or `GCM_E2E_TIMEOUT_SECS`); a timeout names what was
//!   awaited and shows the page's current view, language and text, and where the driver's log is.
//! * Whatever happens (also a failed assertion), [`Drop`] ends the processes: SIGTERM to tauri-driver's process
//!   group (tauri-driver, WebKitWebDriver and the app), SIGKILL for anything left after a grace period, then Xvfb.
//! * Logs of tauri-driver, WebKitWebDriver and the app go to `target/e2e-logs/<test>.log`; screenshots to
//!   `target/screenshots/<name>.png`; with [`Options::strace`], the app's socket calls to
//!   `target/e2e-logs/<test>.strace`.

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use gcm_workshop_tests::{workspace, Xvfb};
use serde_json::{json, Value};
use std::fmt;
use std::fs::File;
use std::future::Future;
use std::io::{Read, Seek, SeekFrom};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

// ---------------------------------------------------------------------------------------------------------------
// Errors

/// A harness or WebDriver failure, with a message written for the person reading the test output.
pub struct Error(String);

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn msg(m: impl Into<String>) -> Error {
        Error(m.into())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

// `Debug` is what a failing `-> Result` test prints: show the message as written, not escaped.
impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

macro_rules! from_error {
    ($($t:ty => $what:literal),* $(,)?) => {$(
        impl From<$t> for Error {
            fn from(e: $t) -> Error {
                Error(format!(concat!($what, ": {}"), e))
            }
        }
    )*};
}

from_error! {
    fantoccini::error::CmdError => "WebDriver command failed",
    fantoccini::error::NewSessionError => "WebDriver session could not be created",
    std::io::Error => "I/O error",
    serde_json::Error => "JSON error",
}

// ---------------------------------------------------------------------------------------------------------------
// Locations and tools

/// Where screenshots go: `<workspace>/target/screenshots` (ignored by git).
pub fn screenshot_dir() -> PathBuf {
    workspace().join("target").join("screenshots")
}

fn log_dir() -> PathBuf {
    workspace().join("target").join("e2e-logs")
}

/// The app under test (see `gcm_workshop_tests::app_binary_path`), with a warning when it is older than the sources.
pub fn app_binary() -> Result<PathBuf> {
    let path = gcm_workshop_tests::app_binary_path().map_err(Error::msg)?;
    warn_if_stale(&path);
    Ok(path)
}

/// The e2e tests drive whatever binary exists; say so when the sources are newer than it.
fn warn_if_stale(bin: &Path) {
    fn newest(dir: &Path, acc: &mut Option<(std::time::SystemTime, PathBuf)>) {
        let Ok(rd) = std::fs::read_dir(dir) else { return };
        for e in rd.flatten() {
            let p = e.path();
            let Ok(md) = e.metadata() else { continue };
            if md.is_dir() {
                if p.file_name().is_some_and(|n| n != "target" && n != "gen" && n != "node_modules") {
                    newest(&p, acc);
                }
            } else if let Ok(t) = md.modified() {
                if !matches!(acc, Some((best, _)) if *best >= t) {
                    *acc = Some((t, p));
                }
            }
        }
    }
    let Ok(built) = std::fs::metadata(bin).and_then(|m| m.modified()) else { return };
    let ws = workspace();
    let mut acc = None;
    for d in ["src-tauri/src", "ui", "locales", "packs", "crates"] {
        newest(&ws.join(d), &mut acc);
    }
    if let Some((t, p)) = acc {
        if t > built {
            eprintln!(
                "e2e: warning: {} is newer than {}; run `cargo build -p gcm-workshop` to test the current code",
                p.display(),
                bin.display()
            );
        }
    }
}

fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|d| d.join(name)).find(|p| p.is_file())
}

fn tauri_driver_binary() -> Result<PathBuf> {
    if let Some(p) = std::env::var_os("TAURI_DRIVER").filter(|v| !v.is_empty()).map(PathBuf::from) {
        return if p.is_file() {
            Ok(p)
        } else {
            Err(Error::msg(format!(
                "TAURI_DRIVER points at {}, which does not exist; unset it, or install tauri-driver with \
                 `cargo install tauri-driver --locked`",
                p.display()
            )))
        };
    }
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    on_path("tauri-driver")
        .or_else(|| cargo_home.map(|c| c.join("bin").join("tauri-driver")).filter(|p| p.is_file()))
        .ok_or_else(|| {
            Error::msg(
                "tauri-driver is not installed (looked in PATH and ~/.cargo/bin).\n\
                 Install it with `cargo install tauri-driver --locked` (or run `scripts/test`, which installs it).",
            )
        })
}

fn webkit_driver_binary() -> Result<PathBuf> {
    if let Some(p) = std::env::var_os("WEBKIT_WEBDRIVER").filter(|v| !v.is_empty()).map(PathBuf::from) {
        return if p.is_file() {
            Ok(p)
        } else {
            Err(Error::msg(format!(
                "WEBKIT_WEBDRIVER points at {}, which does not exist; unset it, or install WebKitWebDriver with \
                 `sudo apt-get install webkit2gtk-driver`",
                p.display()
            )))
        };
    }
    on_path("WebKitWebDriver")
        .or_else(|| Some(PathBuf::from("/usr/bin/WebKitWebDriver")).filter(|p| p.is_file()))
        .ok_or_else(|| {
            Error::msg(
                "WebKitWebDriver is not installed.\n\
                 On Debian/Ubuntu: `sudo apt-get install webkit2gtk-driver` (or run `scripts/test`, which installs it).",
            )
        })
}

fn strace_binary() -> Result<PathBuf> {
    on_path("strace").ok_or_else(|| {
        Error::msg(
            "strace is not installed, and the socket check needs it.\n\
             On Debian/Ubuntu: `sudo apt-get install strace` (or run `scripts/test`, which installs it).",
        )
    })
}

fn xvfb_binary() -> Result<PathBuf> {
    on_path("Xvfb").ok_or_else(|| {
        Error::msg(
            "Xvfb is not installed, and the end-to-end tests need a display.\n\
             On Debian/Ubuntu: `sudo apt-get install xvfb` (or run `scripts/test`), or run under an existing X display.",
        )
    })
}

fn free_port() -> Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// The last `max` bytes of a log file, for error messages.
fn tail(path: &Path, max: u64) -> String {
    let Ok(mut f) = File::open(path) else { return String::new() };
    let len = f.metadata().map(|m| m.len()).unwrap_or(0);
    let _ = f.seek(SeekFrom::Start(len.saturating_sub(max)));
    let mut buf = Vec::new();
    let _ = f.read_to_end(&mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

/// `timeout` for every wait: 20 s, or `GCM_E2E_TIMEOUT_SECS`.
pub fn default_timeout() -> Duration {
    std::env::var("GCM_E2E_TIMEOUT_SECS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .map(Duration::from_secs)
        .unwrap_or(Duration::from_secs(20))
}

// ---------------------------------------------------------------------------------------------------------------
// Processes

fn signal_group(pgid: i32, sig: i32) {
    if pgid > 0 {
        // SAFETY: kill(2) with a negative pid signals a process group; it has no memory effects.
        unsafe {
            libc::kill(-pgid, sig);
        }
    }
}

/// Whether any live (non-zombie) process is left in the process group, from /proc.
fn group_alive(pgid: i32) -> bool {
    let Ok(rd) = std::fs::read_dir("/proc") else { return false };
    for e in rd.flatten() {
        let name = e.file_name();
        let Some(pid) = name.to_str().and_then(|n| n.parse::<i32>().ok()) else { continue };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else { continue };
        // "pid (comm) state ppid pgrp ..." — comm may contain spaces and parentheses: split after the last ')'.
        let Some(rest) = stat.rfind(')').map(|i| &stat[i + 1..]) else { continue };
        let fields: Vec<&str> = rest.split_whitespace().collect();
        if fields.len() > 2 && fields[2].parse::<i32>() == Ok(pgid) && fields[0] != "Z" && fields[0] != "X" {
            return true;
        }
    }
    false
}

fn wait_child(child: &mut Child, within: Duration) -> bool {
    let deadline = Instant::now() + within;
    loop {
        match child.try_wait() {
            Ok(Some(_)) | Err(_) => return true,
            Ok(None) if Instant::now() >= deadline => return false,
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
        }
    }
}

/// A process started in its own process group, ended with SIGTERM to the whole group (then SIGKILL if needed).
struct Group {
    child: Child,
    what: &'static str,
}

impl Group {
    fn spawn(mut cmd: Command, what: &'static str) -> Result<Group> {
        cmd.process_group(0);
        let child = cmd.spawn().map_err(|e| Error::msg(format!("cannot start {what}: {e}")))?;
        Ok(Group { child, what })
    }

    fn pgid(&self) -> i32 {
        self.child.id() as i32
    }

    fn exited(&mut self) -> Option<std::process::ExitStatus> {
        self.child.try_wait().ok().flatten()
    }

    fn stop(&mut self) {
        let pgid = self.pgid();
        // SIGTERM to the group: tauri-driver, WebKitWebDriver and the app all get it. (SIGKILL on tauri-driver
        // alone would leave WebKitWebDriver running and holding its port.)
        signal_group(pgid, libc::SIGTERM);
        let leader_gone = wait_child(&mut self.child, Duration::from_secs(5));
        let deadline = Instant::now() + Duration::from_secs(5);
        while group_alive(pgid) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        if !leader_gone || group_alive(pgid) {
            eprintln!("e2e: {} (process group {pgid}) did not end on SIGTERM; sending SIGKILL", self.what);
            signal_group(pgid, libc::SIGKILL);
            let _ = self.child.wait();
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Options and sessions

/// How to start the app for one test.
#[derive(Debug, Default, Clone)]
pub struct Options {
    /// Extra environment for tauri-driver, inherited by WebKitWebDriver and the app (applied last, so it wins).
    pub env: Vec<(String, String)>,
    /// Content to pre-write into `$XDG_CONFIG_HOME/gcm-workshop/settings.json` before the app starts.
    pub config: Option<String>,
    /// Reuse this folder as `XDG_CONFIG_HOME` (e.g. to restart the app on the same settings); the caller owns it.
    /// `None`: a fresh temporary folder, deleted with the session.
    pub config_home: Option<PathBuf>,
    /// Arguments for the app, e.g. a `.gcmpack` to open as a double-click would.
    pub args: Vec<String>,
    /// Run the app under `strace -f`, recording its socket calls and those of its WebKit processes to
    /// [`Session::strace_log`] (slower: for the one test that checks them).
    pub strace: bool,
}

impl Options {
    pub fn new() -> Options {
        Options::default()
    }

    pub fn env(mut self, key: impl Into<String>, value: impl Into<String>) -> Options {
        self.env.push((key.into(), value.into()));
        self
    }

    pub fn config(mut self, settings_json: impl Into<String>) -> Options {
        self.config = Some(settings_json.into());
        self
    }

    pub fn config_home(mut self, dir: impl Into<PathBuf>) -> Options {
        self.config_home = Some(dir.into());
        self
    }

    pub fn arg(mut self, arg: impl Into<String>) -> Options {
        self.args.push(arg.into());
        self
    }

    pub fn strace(mut self) -> Options {
        self.strace = true;
        self
    }
}

/// One window session at a time in this test binary.
static SERIAL: Mutex<()> = Mutex::new(());

/// A running app, driven over WebDriver. Dropping it ends every process it started.
pub struct Session {
    client: Option<Client>,
    driver: Option<Group>,
    xvfb: Option<Xvfb>,
    /// The X display the window is on, for screenshots (`screenshot`).
    display: String,
    config_home: PathBuf,
    log: PathBuf,
    strace_log: Option<PathBuf>,
    timeout: Duration,
    _tmp: tempfile::TempDir,
    _serial: MutexGuard<'static, ()>,
}

/// The name of the running test (libtest names the thread after it), for log files.
fn test_name() -> String {
    let t = std::thread::current();
    let name = t.name().unwrap_or("e2e").rsplit("::").next().unwrap_or("e2e").to_owned();
    name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect()
}

async fn wait_port(port: u16, what: &str, driver: &mut Group, log: &Path, timeout: Duration) -> Result<()> {
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let deadline = Instant::now() + timeout;
    loop {
        if TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
            return Ok(());
        }
        if let Some(status) = driver.exited() {
            return Err(Error::msg(format!(
                "tauri-driver exited ({status}) before {what} listened on port {port}. Log ({}):\n{}",
                log.display(),
                tail(log, 4000)
            )));
        }
        if Instant::now() >= deadline {
            return Err(Error::msg(format!(
                "{what} did not listen on port {port} within {timeout:?}. Log ({}):\n{}",
                log.display(),
                tail(log, 4000)
            )));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

impl Session {
    /// Starts a display (if needed), tauri-driver and the app, and opens a WebDriver session on its window.
    pub async fn start(opts: Options) -> Result<Session> {
        // Check everything before taking the lock or starting anything, so a missing tool fails fast and clearly.
        let app = app_binary()?;
        let tauri_driver = tauri_driver_binary()?;
        let webkit_driver = webkit_driver_binary()?;
        let strace = if opts.strace { Some(strace_binary()?) } else { None };
        let own_display = std::env::var("GCM_E2E_XVFB").is_ok_and(|v| v == "1")
            || std::env::var_os("DISPLAY").unwrap_or_default().is_empty();
        if own_display {
            xvfb_binary()?;
        }

        let serial = SERIAL.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let timeout = default_timeout();
        let tmp = tempfile::Builder::new().prefix("gcm-e2e-").tempdir()?;
        let config_home = match &opts.config_home {
            Some(dir) => dir.clone(),
            None => tmp.path().join("config"),
        };
        std::fs::create_dir_all(config_home.join("gcm-workshop"))?;
        if let Some(text) = &opts.config {
            std::fs::write(config_home.join("gcm-workshop").join("settings.json"), text)?;
        }
        std::fs::create_dir_all(tmp.path().join("data"))?;
        std::fs::create_dir_all(tmp.path().join("cache"))?;

        std::fs::create_dir_all(log_dir())?;
        let name = test_name();
        let log = log_dir().join(format!("{name}.log"));

        let xvfb = if own_display {
            let xvfb_log = log_dir().join(format!("{name}.xvfb.log"));
            let started = Xvfb::start(File::create(&xvfb_log)?.into())
                .map_err(|e| Error::msg(format!("{e}. Its log ({}):\n{}", xvfb_log.display(), tail(&xvfb_log, 3000))));
            Some(started?)
        } else {
            None
        };
        let display = match &xvfb {
            Some(x) => x.display().to_owned(),
            None => std::env::var("DISPLAY").unwrap_or_default(),
        };

        let port = free_port()?;
        let native_port = loop {
            let p = free_port()?;
            if p != port {
                break p;
            }
        };

        let log_file = File::create(&log)?;
        let mut cmd = Command::new(&tauri_driver);
        cmd.arg("--port")
            .arg(port.to_string())
            .arg("--native-port")
            .arg(native_port.to_string())
            .arg("--native-driver")
            .arg(&webkit_driver)
            .stdin(Stdio::null())
            .stdout(log_file.try_clone()?)
            .stderr(log_file);
        // A predictable locale unless the test sets one: no stray LC_* from the developer's shell.
        for (k, _) in std::env::vars_os() {
            if k.to_str().is_some_and(|k| k.starts_with("LC_") || k == "LANGUAGE") {
                cmd.env_remove(&k);
            }
        }
        cmd.env("LANG", "en_US.UTF-8")
            .env("DISPLAY", &display)
            .env("XDG_CONFIG_HOME", &config_home)
            .env("XDG_DATA_HOME", tmp.path().join("data"))
            // No machine-wide keys from this computer's /etc: only what a test installs.
            .env("GCM_WORKSHOP_MACHINE_KEYS", tmp.path().join("machine-keys"))
            .env("XDG_CACHE_HOME", tmp.path().join("cache"))
            // No accessibility bus on a headless machine: don't let GTK wait for one.
            .env("NO_AT_BRIDGE", "1");
        if xvfb.is_some() {
            cmd.env_remove("WAYLAND_DISPLAY").env("GDK_BACKEND", "x11");
        }
        for (k, v) in &opts.env {
            cmd.env(k, v);
        }
        let driver = Group::spawn(cmd, "tauri-driver")?;

        // From here on, Drop cleans up whatever fails.
        let strace_log = strace.is_some().then(|| log_dir().join(format!("{name}.strace")));
        let mut session = Session {
            client: None,
            driver: Some(driver),
            xvfb,
            display: display.clone(),
            config_home,
            log,
            strace_log,
            timeout,
            _tmp: tmp,
            _serial: serial,
        };
        let log = session.log.clone();
        {
            let driver = session.driver.as_mut().expect("just started");
            wait_port(port, "tauri-driver", driver, &log, timeout).await?;
            wait_port(native_port, "WebKitWebDriver", driver, &log, timeout).await?;
        }

        // Under strace, WebKitWebDriver starts strace, which starts the app; `-f` follows the app's WebKit web and
        // network processes too. Only the calls that make a socket or name an address are traced (and `execve`, to
        // know which programs ran), without their data (`-s 0`), and seccomp stops the app only for those, so the window stays quick enough.
        let (application, args) = match (&strace, &session.strace_log) {
            (Some(strace), Some(out)) => {
                // A log left by an earlier run must not stand in for this one's.
                let _ = std::fs::remove_file(out);
                let trace = "trace=execve,socket,connect,bind,listen,sendto,sendmsg,sendmmsg";
                let mut args: Vec<String> = ["-f", "--seccomp-bpf", "-s", "0", "-e", trace].map(String::from).into();
                args.extend(["-o".into(), out.display().to_string(), "--".into(), app.display().to_string()]);
                args.extend(opts.args.iter().cloned());
                (strace.clone(), args)
            }
            _ => (app.clone(), opts.args.clone()),
        };
        let mut caps = serde_json::Map::new();
        caps.insert("tauri:options".into(), json!({ "application": application, "args": args }));
        let mut builder = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new());
        builder.capabilities(caps);
        let url = format!("http://127.0.0.1:{port}");
        let connect = builder.connect(&url);
        match tokio::time::timeout(timeout, connect).await {
            Ok(Ok(client)) => session.client = Some(client),
            Ok(Err(e)) => {
                return Err(Error::msg(format!(
                    "could not open the app {} through WebDriver: {e}\nLog ({}):\n{}",
                    app.display(),
                    log.display(),
                    tail(&log, 4000)
                )))
            }
            Err(_) => {
                return Err(Error::msg(format!(
                    "opening the app timed out after {timeout:?}. Log ({}):\n{}",
                    log.display(),
                    tail(&log, 4000)
                )))
            }
        }
        // The app is ready when its first view has a heading and the navigation has its labels: until then the
        // links are empty (zero-size) and a click could land on nothing.
        session.wait_text("main#main h1", "non-empty", |t| !t.trim().is_empty()).await?;
        session.wait_text("nav a[data-view=\"settings\"]", "non-empty", |t| !t.trim().is_empty()).await?;
        Ok(session)
    }

    fn client(&self) -> &Client {
        self.client.as_ref().expect("the session is open")
    }

    /// The raw fantoccini client, for what the helpers don't cover.
    pub fn raw(&self) -> &Client {
        self.client()
    }

    /// This session's `XDG_CONFIG_HOME`.
    pub fn config_home(&self) -> &Path {
        &self.config_home
    }

    /// The app's settings folder: `$XDG_CONFIG_HOME/gcm-workshop`.
    pub fn config_dir(&self) -> PathBuf {
        self.config_home.join("gcm-workshop")
    }

    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// Where strace writes the app's socket calls (`target/e2e-logs/<test>.strace`), for a session started with
    /// [`Options::strace`]; complete once the session is closed.
    pub fn strace_log(&self) -> Option<&Path> {
        self.strace_log.as_deref()
    }

    /// Ends the WebDriver session (the app closes) and every process; waits until they are gone.
    pub async fn close(mut self) -> Result<()> {
        let result = match self.client.take() {
            Some(c) => match tokio::time::timeout(Duration::from_secs(10), c.close()).await {
                Ok(r) => r.map_err(Error::from),
                Err(_) => Err(Error::msg("closing the WebDriver session timed out")),
            },
            None => Ok(()),
        };
        self.stop();
        result
    }

    fn stop(&mut self) {
        if let Some(mut d) = self.driver.take() {
            d.stop();
        }
        // Dropping the display ends Xvfb.
        self.xvfb = None;
    }

    // -- waiting ------------------------------------------------------------------------------------------------

    /// Polls `probe` until it yields `Some`, for at most `timeout`. Errors from the probe count as "not yet"; the
    /// last one is shown if time runs out, with the page's current state.
    pub async fn wait_until<T, F, Fut>(&self, what: &str, timeout: Duration, mut probe: F) -> Result<T>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<Option<T>>>,
    {
        let deadline = Instant::now() + timeout;
        let mut last_err = None;
        loop {
            match probe().await {
                Ok(Some(v)) => return Ok(v),
                Ok(None) => {}
                Err(e) => last_err = Some(e),
            }
            if Instant::now() >= deadline {
                let mut msg = format!("timed out after {timeout:?} waiting for {what}");
                if let Some(e) = last_err {
                    msg.push_str(&format!("\nlast error: {e}"));
                }
                msg.push_str(&format!("\n{}", self.describe_page().await));
                return Err(Error::msg(msg));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The page's view, language, alerts and visible text, for failure messages.
    pub async fn describe_page(&self) -> String {
        let script = r#"
            const main = document.querySelector('main');
            return {
              view: main ? main.getAttribute('data-view') : null,
              lang: document.documentElement.lang,
              text: document.body ? document.body.innerText : '(no body)'
            };"#;
        let page = match self.client.as_ref() {
            Some(c) => match tokio::time::timeout(Duration::from_secs(5), c.execute(script, vec![])).await {
                Ok(Ok(v)) => v,
                Ok(Err(e)) => return format!("(could not read the page: {e}; log: {})", self.log.display()),
                Err(_) => return format!("(the page did not answer; log: {})", self.log.display()),
            },
            None => return "(no session)".into(),
        };
        let mut text = page["text"].as_str().unwrap_or("").trim().to_owned();
        if text.chars().count() > 1500 {
            text = text.chars().take(1500).collect::<String>() + " …";
        }
        format!(
            "page: view={} lang={}; log: {}\n--- page text ---\n{text}\n---",
            page["view"],
            page["lang"],
            self.log.display()
        )
    }

    async fn find(&self, css: &str) -> Result<Option<Element>> {
        match self.client().find(Locator::Css(css)).await {
            Ok(e) => Ok(Some(e)),
            Err(e) if e.is_no_such_element() => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Waits until an element matches `css` and returns it.
    pub async fn wait_for(&self, css: &str) -> Result<Element> {
        self.wait_until(&format!("an element matching `{css}`"), self.timeout, || self.find(css)).await
    }

    /// Waits until an element matching `css` is displayed and returns it.
    pub async fn wait_visible(&self, css: &str) -> Result<Element> {
        self.wait_until(&format!("a visible element matching `{css}`"), self.timeout, || async move {
            match self.find(css).await? {
                Some(e) if e.is_displayed().await? => Ok(Some(e)),
                _ => Ok(None),
            }
        })
        .await
    }

    /// Waits until no element matches `css`.
    pub async fn wait_gone(&self, css: &str) -> Result<()> {
        self.wait_until(&format!("no element matching `{css}`"), self.timeout, || async move {
            Ok(self.find(css).await?.is_none().then_some(()))
        })
        .await
    }

    /// Waits until the visible text of the element matching `css` satisfies `pred`, within `timeout`; returns it.
    pub async fn wait_text_within(
        &self,
        css: &str,
        what: &str,
        timeout: Duration,
        pred: impl Fn(&str) -> bool,
    ) -> Result<String> {
        let pred = &pred;
        let seen = std::cell::RefCell::new(String::new());
        let seen = &seen;
        let r = self
            .wait_until(&format!("the text of `{css}` to be {what}"), timeout, || async move {
                let Some(e) = self.find(css).await? else { return Ok(None) };
                let t = e.text().await?;
                *seen.borrow_mut() = t.clone();
                Ok(pred(&t).then_some(t))
            })
            .await;
        r.map_err(|e| Error::msg(format!("{e}\n(last text of `{css}`: {:?})", seen.borrow())))
    }

    /// Waits until the visible text of `css` satisfies `pred` (described by `what`, e.g. "non-empty").
    pub async fn wait_text(&self, css: &str, what: &str, pred: impl Fn(&str) -> bool) -> Result<String> {
        self.wait_text_within(css, what, self.timeout, pred).await
    }

    /// Waits until the visible text of `css` contains `needle`.
    pub async fn wait_text_contains(&self, css: &str, needle: &str) -> Result<String> {
        self.wait_text(css, &format!("containing {needle:?}"), |t| t.contains(needle)).await
    }

    /// Waits until `script` (a function body; use `return`) yields a truthy value; returns that value.
    pub async fn wait_js(&self, what: &str, script: &str) -> Result<Value> {
        self.wait_until(what, self.timeout, || async move {
            let v = self.js(script).await?;
            let truthy = match &v {
                Value::Null => false,
                Value::Bool(b) => *b,
                Value::Number(n) => n.as_f64() != Some(0.0),
                Value::String(s) => !s.is_empty(),
                _ => true,
            };
            Ok(truthy.then_some(v))
        })
        .await
    }

    /// Waits until `<html lang>` is `lang`.
    pub async fn wait_lang(&self, lang: &str) -> Result<()> {
        let script = format!("return document.documentElement.lang === {};", json!(lang));
        self.wait_js(&format!("<html lang=\"{lang}\">"), &script).await.map(|_| ())
    }

    /// Waits until the view `view` is shown with a non-empty `h1`; returns the heading's text.
    pub async fn wait_view(&self, view: &str) -> Result<String> {
        self.wait_text(&format!("main#main[data-view=\"{view}\"] h1"), "non-empty", |t| !t.trim().is_empty()).await
    }

    // -- reading and acting -------------------------------------------------------------------------------------

    /// Waits for the element and clicks it (retrying while it is not yet clickable), scrolled into the middle of
    /// the window first as a participant would scroll to it. WebDriver's own scrolling puts an element at the top
    /// edge, under the header that stays there in the two-column layout, and its click then lands on the header.
    pub async fn click(&self, css: &str) -> Result<()> {
        self.wait_until(&format!("a clickable element matching `{css}`"), self.timeout, || async move {
            let Some(e) = self.find(css).await? else { return Ok(None) };
            if !e.is_displayed().await? {
                return Ok(None);
            }
            let script = "arguments[0].scrollIntoView({ block: 'center', inline: 'nearest' });";
            self.client().execute(script, vec![serde_json::to_value(&e)?]).await?;
            e.click().await?;
            Ok(Some(()))
        })
        .await
    }

    /// The visible text of the element matching `css` (waits for the element).
    pub async fn text(&self, css: &str) -> Result<String> {
        Ok(self.wait_for(css).await?.text().await?)
    }

    /// An attribute of the element matching `css` (waits for the element).
    pub async fn attr(&self, css: &str, name: &str) -> Result<Option<String>> {
        Ok(self.wait_for(css).await?.attr(name).await?)
    }

    /// How many elements match `css` now (no waiting).
    pub async fn count(&self, css: &str) -> Result<usize> {
        Ok(self.client().find_all(Locator::Css(css)).await?.len())
    }

    /// The `id` attribute of every element matching `css` now, in document order.
    pub async fn ids(&self, css: &str) -> Result<Vec<String>> {
        let mut out = Vec::new();
        for e in self.client().find_all(Locator::Css(css)).await? {
            out.push(e.attr("id").await?.unwrap_or_default());
        }
        Ok(out)
    }

    /// `<html lang>` now.
    pub async fn html_lang(&self) -> Result<String> {
        Ok(self.js("return document.documentElement.lang;").await?.as_str().unwrap_or_default().to_owned())
    }

    /// Runs `script` (a function body; use `return` for a result) in the page.
    pub async fn js(&self, script: &str) -> Result<Value> {
        Ok(self.client().execute(script, vec![]).await?)
    }

    /// Waits until fonts are loaded and two frames have been painted, so what the DOM says is also on screen.
    pub async fn settle(&self) -> Result<()> {
        let script = r#"
            const done = arguments[arguments.length - 1];
            const frames = () => requestAnimationFrame(() => requestAnimationFrame(() => done(true)));
            (document.fonts ? document.fonts.ready : Promise.resolve()).then(frames, frames);"#;
        match tokio::time::timeout(self.timeout, self.client().execute_async(script, vec![])).await {
            Ok(r) => r.map(|_| ()).map_err(Error::from),
            Err(_) => Err(Error::msg(format!("the page did not paint within {:?}", self.timeout))),
        }
    }

    /// Saves a PNG of the window, as the X server shows it, to `target/screenshots/<name>.png` and returns the path.
    /// Taken from the display (ImageMagick's `import`), not through WebDriver: WebKitWebDriver's screenshot waits
    /// for the page's next "presentation update", which WebKit painting without compositing (the app's choice on
    /// a computer without a graphics device, as here) may never send while the page stands still.
    pub async fn screenshot(&self, name: &str) -> Result<PathBuf> {
        self.settle().await?;
        // The frame just painted reaches the X server with GTK's next draw.
        tokio::time::sleep(Duration::from_millis(50)).await;
        let find = std::process::Command::new("xdotool")
            .args(["search", "--onlyvisible", "--class", "gcm-workshop"])
            .env("DISPLAY", &self.display)
            .output()?;
        let ids = String::from_utf8_lossy(&find.stdout).to_string();
        // The app's window (GTK's 10×10 leader window is never mapped, so it is not listed).
        let id = ids.lines().next().ok_or_else(|| Error::msg(format!("no visible window to take `{name}` from")))?;
        let shot = std::process::Command::new("import")
            .args(["-window", id, "png:-"])
            .env("DISPLAY", &self.display)
            .output()?;
        if !shot.status.success() {
            return Err(Error::msg(format!("import: {}", String::from_utf8_lossy(&shot.stderr))));
        }
        let png = shot.stdout;
        if !png.starts_with(b"\x89PNG") {
            return Err(Error::msg(format!("the screenshot `{name}` is not a PNG ({} bytes)", png.len())));
        }
        let dir = screenshot_dir();
        std::fs::create_dir_all(&dir)?;
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png)?;
        Ok(path)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // The WebDriver client cannot be closed without awaiting; ending the process group closes the app.
        self.stop();
    }
}
