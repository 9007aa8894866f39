//! The installable package (issue 6): the `.deb` that `packaging/build-packages.sh` builds (`scripts/test` runs it
//! before the tests) is unpacked into a scratch root with `dpkg -x`, as `dpkg -i` would lay it out, and checked:
//! the files, the desktop entry (English and Russian), the icons, the installed binary's command line, and — on a
//! virtual display with a private session bus — that a second launch brings the open window to the front and
//! exits, and that the window's size and place are remembered.
//!
//! Needs: `dpkg-deb`, `desktop-file-validate`, `Xvfb`, `dbus-daemon`, `xdotool` (all in scripts/setup.sh).

use gcm_workshop_tests::{workspace, Xvfb};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

const BIN: &str = "gcm-workshop";
const DESKTOP_FILE: &str = "usr/share/applications/GCM Workshop.desktop";
const IDENTIFIER: &str = "io.github.gcmworkshop.participant";
/// Waits poll a condition until this deadline; a slow machine only makes them take longer, never fail sooner.
const PATIENCE: Duration = Duration::from_secs(60);

/// The app's version: `[workspace.package] version` in the workspace's Cargo.toml.
fn version() -> String {
    let text = std::fs::read_to_string(workspace().join("Cargo.toml")).expect("workspace Cargo.toml");
    let section = text.split("[workspace.package]").nth(1).expect("a [workspace.package] table");
    let line = section.lines().find(|l| l.trim_start().starts_with("version")).expect("a workspace version");
    line.split('"').nth(1).expect("version = \"…\"").to_owned()
}

/// The one package of this version under `target/release/bundle/<kind>/`.
fn package(kind: &str) -> PathBuf {
    let dir = workspace().join("target/release/bundle").join(kind);
    let wanted = version();
    let found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.flatten().map(|e| e.path()).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.ends_with(&format!(".{kind}")) && name.contains(&wanted)
        })
        .collect();
    match found.as_slice() {
        [one] => one.clone(),
        [] => panic!(
            "no .{kind} package of version {} in {}.\nBuild the packages first with `packaging/build-packages.sh` \
             (`scripts/test` does that before running the tests).",
            version(),
            dir.display()
        ),
        many => panic!("more than one .{kind} package of version {} in {}: {many:?}", version(), dir.display()),
    }
}

fn run(cmd: &mut Command) -> Output {
    let out = cmd.output().unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    assert!(out.status.success(), "{cmd:?} failed ({}):\n{}", out.status, String::from_utf8_lossy(&out.stderr));
    out
}

/// The `.deb` unpacked with `dpkg -x` into `target/package-root`, once per test run.
fn root() -> &'static Path {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        let deb = package("deb");
        let root = workspace().join("target/package-root");
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&root).unwrap();
        run(Command::new("dpkg-deb").arg("-x").arg(&deb).arg(&root));
        root
    })
}

fn installed_bin() -> PathBuf {
    root().join("usr/bin").join(BIN)
}

/// `key=value` lines of the `[Desktop Entry]` group.
fn desktop_entry() -> Vec<(String, String)> {
    let path = root().join(DESKTOP_FILE);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .skip_while(|l| l.trim() != "[Desktop Entry]")
        .skip(1)
        .take_while(|l| !l.starts_with('['))
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect()
}

fn has_cyrillic(t: &str) -> bool {
    t.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

#[test]
fn deb_control_fields() {
    let out = run(Command::new("dpkg-deb").arg("-f").arg(package("deb")).args([
        "Package",
        "Version",
        "Architecture",
        "Depends",
    ]));
    let fields = String::from_utf8(out.stdout).unwrap();
    let check = |field: &str, expect: &dyn Fn(&str) -> bool| {
        let value = fields.lines().find_map(|l| l.strip_prefix(&format!("{field}: "))).unwrap_or("");
        assert!(expect(value), "control field {field}: {value:?}\n{fields}");
    };
    check("Package", &|v| v == BIN);
    check("Version", &|v| v == version());
    check("Architecture", &|v| v == "amd64");
    check("Depends", &|v| v.contains("libwebkit2gtk-4.1-0") && v.contains("libgtk-3-0"));
    // The binary's packed relocations (.cargo/config.toml) need glibc 2.36: apt says so rather than the loader.
    check("Depends", &|v| v.contains("libc6 (>= 2.36)"));
    let needs = run(Command::new("readelf").arg("-V").arg(installed_bin()));
    let needs = String::from_utf8_lossy(&needs.stdout);
    let newest = needs
        .split("Name: GLIBC_")
        .skip(1)
        .filter_map(|v| v.split_whitespace().next())
        .filter_map(|v| v.strip_prefix("2.").and_then(|m| m.parse::<u32>().ok()))
        .max();
    assert!(newest.is_some_and(|m| m <= 36), "the binary needs glibc 2.{newest:?}, newer than the package declares");
}

#[test]
fn deb_installs_binary_desktop_entry_and_icons() {
    let root = root();
    let check = |rel: &str| assert!(root.join(rel).is_file(), "{rel} is missing from the .deb");
    check("usr/bin/gcm-workshop");
    check(DESKTOP_FILE);
    for size in ["32x32", "64x64", "128x128", "256x256", "512x512"] {
        check(&format!("usr/share/icons/hicolor/{size}/apps/gcm-workshop.png"));
    }
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(installed_bin()).unwrap().permissions().mode();
    assert_eq!(mode & 0o111, 0o111, "the binary is not executable: {mode:o}");
}

#[test]
fn desktop_entry_in_english_and_russian() {
    let entry = desktop_entry();
    let get = |k: &str| entry.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
    let check = |key: &str, expect: &str| assert_eq!(get(key), Some(expect), "{key} in {DESKTOP_FILE}");
    check("Type", "Application");
    check("Name", "GCM Workshop");
    check("Name[ru]", "Семинар по ГДМ");
    check("Exec", &format!("{BIN} %f"));
    check("MimeType", "application/x-gcmpack;");
    check("Icon", BIN);
    check("StartupWMClass", BIN);
    check("Terminal", "false");
    check("Categories", "Education;");
    for key in ["GenericName", "Comment", "Keywords"] {
        let en = get(key).unwrap_or_else(|| panic!("{key} is missing"));
        let ru = get(&format!("{key}[ru]")).unwrap_or_else(|| panic!("{key}[ru] is missing"));
        assert!(!en.is_empty() && !has_cyrillic(en), "{key}: {en:?}");
        assert!(has_cyrillic(ru) && ru != en, "{key}[ru]: {ru:?}");
    }
    // What the entry names is in the package: the program, and the icon in the hicolor theme.
    let program = get("Exec").unwrap().split(' ').next().unwrap();
    assert!(root().join("usr/bin").join(program).is_file());
    assert!(root().join(format!("usr/share/icons/hicolor/128x128/apps/{}.png", get("Icon").unwrap())).is_file());
    let out =
        Command::new("desktop-file-validate").arg(root().join(DESKTOP_FILE)).output().expect("desktop-file-validate");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && !said.contains("error:") && !said.contains("warning:"),
        "desktop-file-validate: {said}"
    );
}

/// A double-click on a `.gcmpack` opens the app: the package declares the file type to shared-mime-info, and
/// `update-mime-database` (what the package's trigger runs) maps `*.gcmpack` to it.
#[test]
fn deb_registers_the_event_pack_file_type() {
    let xml = root().join("usr/share/mime/packages/gcm-workshop.xml");
    let text = std::fs::read_to_string(&xml).expect("the mime type file is in the package");
    assert!(
        text.contains(r#"<mime-type type="application/x-gcmpack">"#) && text.contains(r#"<glob pattern="*.gcmpack"/>"#)
    );
    let db = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(db.path().join("packages")).unwrap();
    std::fs::copy(&xml, db.path().join("packages/gcm-workshop.xml")).unwrap();
    let out = Command::new("update-mime-database").arg(db.path()).output().expect("update-mime-database");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let globs = std::fs::read_to_string(db.path().join("globs2")).unwrap();
    assert!(globs.lines().any(|l| l.ends_with(":application/x-gcmpack:*.gcmpack")), "{globs}");
}

#[test]
fn rpm_carries_the_same_files() {
    let rpm = std::fs::read(package("rpm")).unwrap();
    assert_eq!(&rpm[..4], &[0xed, 0xab, 0xee, 0xdb], "not an RPM file");
    // File names are in the (uncompressed) header; the payload is compressed.
    let has = |needle: &str| rpm.windows(needle.len()).any(|w| w == needle.as_bytes());
    for name in [
        "GCM Workshop.desktop",
        "/usr/share/icons/hicolor/128x128/apps/",
        "/usr/bin/",
        BIN,
        // The header keeps folder and file names apart.
        "/usr/share/mime/packages/",
        "gcm-workshop.xml",
    ] {
        assert!(has(name), "the .rpm's header does not name {name:?}");
    }
    assert!(has(&version()), "the .rpm's header does not carry version {}", version());
}

/// The installed binary on the command line, with its own settings folder.
fn cli(args: &[&str]) -> (i32, String, String) {
    let home = tempfile::tempdir().unwrap();
    let out = Command::new(installed_bin())
        .args(args)
        .env("XDG_CONFIG_HOME", home.path())
        .env("GCM_WORKSHOP_NOW", "2023-12-05T10:41:00+04:00")
        .env("LANG", "en_US.UTF-8")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).expect("UTF-8 output");
    (out.status.code().unwrap_or(-1), text(out.stdout), text(out.stderr))
}

#[test]
fn installed_binary_runs_without_a_display() {
    let (code, out, err) = cli(&["--version"]);
    assert_eq!((code, out.as_str()), (0, format!("{BIN} {}\n", version()).as_str()), "--version; stderr: {err}");

    let (code, out, err) = cli(&["agenda", "--tz", "Europe/Berlin"]);
    assert_eq!(code, 0, "`gcm-workshop agenda` exited with {code}; stderr: {err}");
    assert!(!out.trim().is_empty(), "`gcm-workshop agenda` printed nothing; stderr: {err}");

    let (code, out, err) = cli(&["agenda", "--lang", "ru"]);
    assert_eq!(code, 0, "`gcm-workshop agenda --lang ru` exited with {code}; stderr: {err}");
    assert!(has_cyrillic(&out), "`gcm-workshop agenda --lang ru` is not in Russian: {out:?}");
}

// -- the window on a virtual display ----------------------------------------------------------------------------

/// A process ended (SIGKILL) when the test is done with it, also on a failed assertion.
struct Proc(Child);

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn wait_for<T>(what: &str, mut probe: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + PATIENCE;
    loop {
        if let Some(v) = probe() {
            return v;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Reads the first line a freshly started process writes to its standard output (a display number, an address).
fn first_line(child: &mut Child, what: &str) -> String {
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    assert!(!line.trim().is_empty(), "{what} did not start");
    line.trim().to_owned()
}

/// A virtual display and a private session bus: the desktop a participant's window lives on.
struct Desktop {
    bus: String,
    // Dropped in this order: the bus, then the display.
    _dbus: Proc,
    x: Xvfb,
}

impl Desktop {
    fn start() -> Desktop {
        let spawn = |cmd: &mut Command| {
            cmd.stdout(Stdio::piped()).stderr(Stdio::null()).spawn().unwrap_or_else(|e| panic!("{cmd:?}: {e}"))
        };
        let x = Xvfb::start(Stdio::null()).unwrap_or_else(|e| panic!("{e}"));
        let mut dbus = spawn(Command::new("dbus-daemon").args(["--session", "--nofork", "--print-address=1"]));
        let bus = first_line(&mut dbus, "dbus-daemon");
        Desktop { bus, _dbus: Proc(dbus), x }
    }

    fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut cmd = Command::new(program);
        cmd.env("DISPLAY", self.x.display())
            .env("DBUS_SESSION_BUS_ADDRESS", &self.bus)
            .env_remove("WAYLAND_DISPLAY")
            .env("GDK_BACKEND", "x11")
            .env("NO_AT_BRIDGE", "1")
            // A locale every machine has, so GTK does not warn about a missing one.
            .env("LANG", "C.UTF-8")
            .env("GCM_WORKSHOP_NOW", "2023-12-05T10:41:00+04:00");
        cmd
    }

    fn xdotool(&self, args: &[&str]) -> Option<String> {
        let out = self.command("xdotool").args(args).stderr(Stdio::null()).output().ok()?;
        out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
    }

    /// The single-instance names our app holds on this bus.
    fn instance_names(&self) -> Vec<String> {
        let out = self
            .command("dbus-send")
            .args(["--session", "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus"])
            .arg("org.freedesktop.DBus.ListNames")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let mut names: Vec<String> = text
            .lines()
            .filter_map(|l| l.trim().strip_prefix("string \"")?.strip_suffix('"').map(str::to_owned))
            .filter(|n| n.starts_with(&format!("{IDENTIFIER}.")) && n.ends_with(".SingleInstance"))
            .collect();
        names.sort();
        names
    }
}

/// One launch of the installed app with its own settings folder; standard error goes to `log`.
struct App {
    proc: Proc,
    config: PathBuf,
    log: PathBuf,
}

impl App {
    fn launch(desktop: &Desktop, home: &Path, log: PathBuf) -> App {
        App::launch_with(desktop, home, log, &[])
    }

    /// A launch with arguments (a `.gcmpack`, as a double-click gives it), trusting the keys in `home/keys`.
    fn launch_with(desktop: &Desktop, home: &Path, log: PathBuf, args: &[&Path]) -> App {
        App::spawn(desktop, home, log, args, &[])
    }

    /// A launch whose clock starts at `now` (`GCM_WORKSHOP_NOW`, RFC 3339).
    fn launch_at(desktop: &Desktop, home: &Path, log: PathBuf, now: &str) -> App {
        App::spawn(desktop, home, log, &[], &[("GCM_WORKSHOP_NOW", now)])
    }

    fn spawn(desktop: &Desktop, home: &Path, log: PathBuf, args: &[&Path], env: &[(&str, &str)]) -> App {
        let config = home.join("config");
        for dir in ["data", "cache"] {
            std::fs::create_dir_all(home.join(dir)).unwrap();
        }
        let mut cmd = desktop.command(installed_bin());
        // How WebKit paints and runs scripts is the app's choice here (`webkit_paints_on_the_cpu_without_…`).
        cmd.env_remove("WEBKIT_SKIA_ENABLE_CPU_RENDERING")
            .env_remove("WEBKIT_DISABLE_COMPOSITING_MODE")
            .env_remove("JSC_useJIT")
            .env("XDG_CONFIG_HOME", &config)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CACHE_HOME", home.join("cache"))
            .env("GCM_WORKSHOP_MACHINE_KEYS", home.join("keys"))
            .args(args)
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap());
        App { proc: Proc(cmd.spawn().unwrap()), config, log }
    }

    fn settings_file(&self) -> PathBuf {
        self.config.join("gcm-workshop/settings.json")
    }

    fn pid(&self) -> u32 {
        self.proc.0.id()
    }

    fn running(&mut self) -> bool {
        self.proc.0.try_wait().unwrap().is_none()
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Its window, once it is on screen.
    fn window(&mut self, desktop: &Desktop) -> String {
        let pid = self.pid().to_string();
        let found = wait_for("the app's window", || {
            if !self.running() {
                return Some(Err(self.log()));
            }
            desktop
                .xdotool(&["search", "--onlyvisible", "--pid", &pid])
                .and_then(|ids| ids.lines().last().map(|id| Ok(id.to_owned())))
        });
        found.unwrap_or_else(|log| panic!("the app exited before showing its window; its log:\n{log}"))
    }
}

fn geometry(desktop: &Desktop, window: &str) -> Option<String> {
    // "Window 123\n  Position: 40,30 (screen: 0)\n  Geometry: 900x650"
    let text = desktop.xdotool(&["getwindowgeometry", window])?;
    let pos = text.lines().find_map(|l| l.trim().strip_prefix("Position: "))?.split(' ').next()?.to_owned();
    let size = text.lines().find_map(|l| l.trim().strip_prefix("Geometry: "))?.to_owned();
    Some(format!("{size}+{}", pos.replace(',', "+")))
}

fn saved_window(app: &App) -> Value {
    let text = std::fs::read_to_string(app.settings_file()).unwrap_or_default();
    serde_json::from_str::<Value>(&text).map(|v| v["window"].clone()).unwrap_or(Value::Null)
}

#[test]
fn second_launch_brings_the_window_back_and_geometry_is_remembered() {
    let desktop = Desktop::start();
    let tmp = tempfile::tempdir().unwrap();
    let logs = workspace().join("target/package-test-logs");
    std::fs::create_dir_all(&logs).unwrap();
    let home = |name: &str| {
        let h = tmp.path().join(name);
        std::fs::create_dir_all(h.join("config/gcm-workshop")).unwrap();
        h
    };

    // The first window opens where it was left last time.
    let first_home = home("first");
    let saved = json!({ "width": 900, "height": 650, "x": 40, "y": 30 });
    std::fs::write(first_home.join("config/gcm-workshop/settings.json"), json!({ "window": saved }).to_string())
        .unwrap();
    let mut first = App::launch(&desktop, &first_home, logs.join("first.log"));
    let first_window = first.window(&desktop);
    assert_eq!(geometry(&desktop, &first_window).as_deref(), Some("900x650+40+30"), "restored geometry");
    let names = wait_for("the first window's single-instance name on the session bus", || {
        let n = desktop.instance_names();
        (n.len() == 1).then_some(n)
    });

    // Another settings folder is another instance: it opens its own window, beside the first.
    let mut other = App::launch(&desktop, &home("other"), logs.join("other.log"));
    let other_window = other.window(&desktop);
    assert_ne!(other_window, first_window);
    assert_eq!(desktop.instance_names().len(), 2, "the other instance should hold its own name");

    // Focus is elsewhere; launching again with the first one's settings hands over to it and exits.
    desktop.xdotool(&["windowfocus", &other_window]).expect("focus the other window");
    wait_for("focus on the other window", || (desktop.xdotool(&["getwindowfocus"])? == other_window).then_some(()));
    let mut again = App::launch(&desktop, &first_home, logs.join("again.log"));
    let status = wait_for("the second launch to exit", || again.proc.0.try_wait().unwrap());
    assert!(status.success(), "the second launch exited with {status}; its log:\n{}", again.log());
    wait_for("focus on the first window", || (desktop.xdotool(&["getwindowfocus"])? == first_window).then_some(()));
    assert!(first.log().contains("launched again"), "the first window was not told; its log:\n{}", first.log());
    assert!(first.running() && other.running(), "the open windows must stay open");
    let now = desktop.instance_names();
    assert!(now.len() == 2 && now.contains(&names[0]), "single-instance names now: {now:?}, first: {names:?}");

    // Moving and resizing the window is saved in its settings file.
    desktop.xdotool(&["windowsize", &first_window, "800", "600"]).expect("resize");
    desktop.xdotool(&["windowmove", &first_window, "100", "80"]).expect("move");
    let want = json!({ "width": 800, "height": 600, "x": 100, "y": 80 });
    wait_for("the new geometry in settings.json", || (saved_window(&first) == want).then_some(()));
    assert_eq!(saved_window(&other), Value::Null, "the other instance's settings must not change");
}

/// A double-click on a `.gcmpack` while the window is open: the new launch hands the file to the open window and
/// exits; the window installs the pack (signed with a key IT installed) and shows its event.
#[test]
fn a_pack_given_to_a_second_launch_opens_in_the_running_window() {
    let desktop = Desktop::start();
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    std::fs::create_dir_all(home.join("config/gcm-workshop")).unwrap();
    std::fs::create_dir_all(home.join("keys")).unwrap();
    let logs = workspace().join("target/package-test-logs");
    std::fs::create_dir_all(&logs).unwrap();

    // The organisers' key (public half where IT puts it) and their signed pack, built by the installed program.
    let (public, _) = gcm_workshop_tests::minisign_keys(tmp.path(), "pw");
    std::fs::rename(public, home.join("keys/organiser.pub")).unwrap();
    let pack = tmp.path().join("training.gcmpack");
    let built = Command::new(installed_bin())
        .args(["pack", "build"])
        .arg(workspace().join("tests/fixtures/packs/rtcm-migration-data-2027"))
        .arg("--out")
        .arg(&pack)
        .arg("--sign")
        .arg(tmp.path().join("organiser.key"))
        .env("MINISIGN_PASSWORD", "pw")
        .output()
        .unwrap();
    assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));

    let mut first = App::launch(&desktop, &home, logs.join("pack-first.log"));
    first.window(&desktop);
    wait_for("the window's single-instance name", || (desktop.instance_names().len() == 1).then_some(()));
    let mut again = App::launch_with(&desktop, &home, logs.join("pack-again.log"), &[&pack]);
    let status = wait_for("the second launch to exit", || again.proc.0.try_wait().unwrap());
    assert!(status.success(), "the second launch exited with {status}; its log:\n{}", again.log());
    let installed = home.join("data/gcm-workshop/packs/rtcm-migration-data-2027-03-16.gcmpack");
    wait_for("the pack installed by the open window", || installed.is_file().then_some(()));
    wait_for("the training shown and remembered", || {
        let text = std::fs::read_to_string(first.settings_file()).ok()?;
        let v: Value = serde_json::from_str(&text).ok()?;
        (v["event"] == "rtcm-migration-data-2027-03-16").then_some(())
    });
    assert!(
        first.log().contains("opening it in the window"),
        "the open window was not told; its log:\n{}",
        first.log()
    );
    assert!(first.running(), "the window must stay open");
}

/// A reminder reaches the desktop's notification server: `org.freedesktop.Notifications.Notify` on the session
/// bus, from the app's identifier, in the participant's language (tests/tools/notification-server records it).
#[test]
fn a_reminder_reaches_the_desktop_notification_server() {
    let desktop = Desktop::start();
    let tmp = tempfile::tempdir().unwrap();
    let logs = workspace().join("target/package-test-logs");
    std::fs::create_dir_all(&logs).unwrap();
    let received = tmp.path().join("notifications.jsonl");
    let mut server = desktop
        .command(workspace().join("tests/tools/notification-server"))
        .arg(&received)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    assert_eq!(first_line(&mut server, "the notification server").trim(), "ready");
    let _server = Proc(server);

    for (lang, expect) in
        [("en", "The workshop starts in 15 minutes, at 10:00"), ("ru", "Семинар начнётся через 15 минут")]
    {
        let home = tmp.path().join(lang);
        std::fs::create_dir_all(home.join("config/gcm-workshop")).unwrap();
        let settings = json!({
            "language": lang,
            "timezone": "Asia/Baku",
            "events": { "gcm-almaty-process-2023-12-05": { "reminders": { "enabled": true, "minutes": 15 } } }
        });
        std::fs::write(home.join("config/gcm-workshop/settings.json"), settings.to_string()).unwrap();
        let before = std::fs::read_to_string(&received).unwrap_or_default().lines().count();
        // Two seconds before the reminder for the start (10:00 Baku time, 15 minutes before).
        let mut app =
            App::launch_at(&desktop, &home, logs.join(format!("reminder-{lang}.log")), "2023-12-05T09:44:58+04:00");
        app.window(&desktop);
        let line = wait_for("the reminder at the notification server", || {
            std::fs::read_to_string(&received).ok()?.lines().nth(before).map(str::to_owned)
        });
        let got: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(got["app"], IDENTIFIER, "{got}");
        assert!(!got["summary"].as_str().unwrap_or_default().is_empty(), "{got}");
        assert!(
            got["body"].as_str().unwrap_or_default().contains(expect),
            "{lang}: {got}; the app's log:\n{}",
            app.log()
        );
    }
}

/// The processes whose parent is `pid`, by their command name (`/proc/<pid>/stat`).
fn children(pid: u32) -> Vec<(u32, String)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Some(child) = entry.file_name().to_str().and_then(|n| n.parse::<u32>().ok()) else { continue };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else { continue };
        // "pid (comm) state ppid …": the name may hold spaces, so split after its closing parenthesis.
        let (Some(open), Some(close)) = (stat.find('('), stat.rfind(')')) else { continue };
        let ppid = stat[close + 1..].split_whitespace().nth(1).and_then(|p| p.parse::<u32>().ok());
        if ppid == Some(pid) {
            found.push((child, stat[open + 1..close].to_owned()));
        }
    }
    found
}

/// Without a graphics device (Xvfb on a machine with no DRM render node, as in CI) WebKit's web process paints on
/// the CPU and without compositing (`window::runtime::choose_painting`); with one, the app leaves WebKit as it is. Either way it runs the
/// page's scripts without the JIT (`window::runtime::run_scripts_without_jit`).
#[test]
fn webkit_paints_on_the_cpu_without_compositing_only_without_a_graphics_device_and_runs_scripts_without_jit() {
    let has_gpu = std::fs::read_dir("/dev/dri")
        .map(|d| d.flatten().any(|e| e.file_name().to_string_lossy().starts_with("renderD")))
        .unwrap_or(false)
        || Path::new("/dev/nvidiactl").exists();
    let desktop = Desktop::start();
    let tmp = tempfile::tempdir().unwrap();
    let logs = workspace().join("target/package-test-logs");
    std::fs::create_dir_all(&logs).unwrap();
    let mut app = App::spawn(&desktop, tmp.path(), logs.join("painting.log"), &[], &[]);
    app.window(&desktop);
    let web = wait_for("WebKit's web process", || {
        children(app.pid()).into_iter().find(|(_, name)| name.starts_with("WebKitWebProces")).map(|(pid, _)| pid)
    });
    let environ = std::fs::read(format!("/proc/{web}/environ")).unwrap();
    let cpu = environ.split(|&b| b == 0).any(|v| v == b"WEBKIT_SKIA_ENABLE_CPU_RENDERING=1");
    assert_eq!(cpu, !has_gpu, "graphics device: {has_gpu}; CPU painting asked: {cpu}");
    let flat = environ.split(|&b| b == 0).any(|v| v == b"WEBKIT_DISABLE_COMPOSITING_MODE=1");
    assert_eq!(flat, !has_gpu, "graphics device: {has_gpu}; painting without compositing asked: {flat}");
    assert!(environ.split(|&b| b == 0).any(|v| v == b"JSC_useJIT=0"), "the web process should run without the JIT");
}
