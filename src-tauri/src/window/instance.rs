//! One window at a time: launching the app again while its window is open brings that window to the front
//! (unminimised and focused) and the new process exits. Only the window is single: subcommands
//! (`gcm-workshop agenda`, …) never look for another instance.
//!
//! "One" means one per settings file: the instance is keyed by the identifier and the settings file's folder, so
//! a run with another `XDG_CONFIG_HOME` (a test, a second profile) is an instance of its own and never hands over
//! to — or is closed by — a window that belongs to other settings.
//!
//! On Linux the window owns the D-Bus name `<instance_id>.SingleInstance` on the session bus and serves
//! `org.SingleInstance.DBus.ExecuteCallback(argv: as, cwd: s)` at the name's path; a second launch calls it and
//! exits. These are the names and the method of tauri-plugin-single-instance, so this build and one made with
//! the plugin hand over to each other. It goes through GIO's D-Bus, which GTK brings already (the plugin's zbus
//! was about 0.8 MB of the binary, shared with the notification plugin). Without a session bus every launch opens
//! a window (nothing to coordinate through). On Windows it is the plugin.

use super::MAIN;
use std::path::Path;
use tauri::{plugin::TauriPlugin, AppHandle, Manager, Runtime};

/// What a second launch hands over: its arguments and its working folder.
#[cfg(all(unix, not(target_os = "macos")))]
type Handover<R> = dyn Fn(&AppHandle<R>, Vec<String>, String) + Send + Sync;

fn on_second_launch<R: Runtime>(app: &AppHandle<R>, args: Vec<String>, cwd: String) {
    bring_to_front(app);
    if let Some(path) = crate::packs::pack_argument(&args, Path::new(&cwd)) {
        open_in_window(app, &path);
    }
}

/// The single-instance plugin; register it before any other so a second launch exits before anything starts.
#[cfg(not(all(unix, not(target_os = "macos"))))]
pub fn plugin<R: Runtime>(identifier: &str, settings_file: &Path) -> TauriPlugin<R> {
    tauri_plugin_single_instance::Builder::new()
        .dbus_id(instance_id(identifier, settings_file))
        .callback(|app, args, cwd| on_second_launch(app, args, cwd))
        .build()
}

/// The single-instance plugin; register it before any other so a second launch exits before anything starts.
#[cfg(all(unix, not(target_os = "macos")))]
pub fn plugin<R: Runtime>(identifier: &str, settings_file: &Path) -> TauriPlugin<R> {
    let name = bus_name(&instance_id(identifier, settings_file));
    tauri::plugin::Builder::new("single-instance")
        .setup(move |app, _api| {
            match dbus::hold_or_hand_over(app, &name, Box::new(on_second_launch::<R>)) {
                Ok(dbus::Outcome::Holding(lock)) => {
                    app.manage(lock);
                }
                Ok(dbus::Outcome::HandedOver) => {
                    app.cleanup_before_exit();
                    std::process::exit(0);
                }
                Err(e) => eprintln!("gcm-workshop: no single window on this desktop ({e}); opening one anyway"),
            }
            Ok(())
        })
        .build()
}

/// The well-known bus name for an instance id, as tauri-plugin-single-instance spells it.
pub fn bus_name(instance_id: &str) -> String {
    format!("{instance_id}.SingleInstance")
}

/// The object path for a bus name, as tauri-plugin-single-instance spells it: dots become slashes, dashes
/// underscores.
pub fn object_path(bus_name: &str) -> String {
    format!("/{}", bus_name.replace('.', "/").replace('-', "_"))
}

/// The session bus side on Linux, through GIO.
#[cfg(all(unix, not(target_os = "macos")))]
mod dbus {
    use super::{object_path, Handover};
    use gtk::gio;
    use gtk::glib::{self, ToVariant};
    use tauri::{AppHandle, Runtime};

    const INTERFACE: &str = "org.SingleInstance.DBus";
    const INTROSPECTION: &str = r#"<node><interface name="org.SingleInstance.DBus"><method name="ExecuteCallback"><arg name="argv" type="as" direction="in"/><arg name="cwd" type="s" direction="in"/></method></interface></node>"#;
    /// `RequestName`'s flag DO_NOT_QUEUE and its answers (the D-Bus specification, "Message Bus Messages").
    const DO_NOT_QUEUE: u32 = 4;
    const PRIMARY_OWNER: u32 = 1;
    const ALREADY_OWNER: u32 = 4;

    /// The name held for the window's lifetime: the bus releases it when the connection closes with the process.
    pub struct Lock {
        _connection: gio::DBusConnection,
    }

    pub enum Outcome {
        /// This launch holds the name and serves the method: it is the window.
        Holding(Lock),
        /// Another window holds the name and took this launch's arguments: this launch should exit.
        HandedOver,
    }

    /// Serves the method, then asks for the name; when another holds it, calls that one's method instead.
    pub fn hold_or_hand_over<R: Runtime>(
        app: &AppHandle<R>,
        name: &str,
        handover: Box<Handover<R>>,
    ) -> Result<Outcome, glib::Error> {
        let bus = gio::bus_get_sync(gio::BusType::Session, gio::Cancellable::NONE)?;
        let path = object_path(name);
        let node = gio::DBusNodeInfo::for_xml(INTROSPECTION)?;
        let interface = node.lookup_interface(INTERFACE).expect("the introspection names the interface");
        let app = app.clone();
        let registration = bus.register_object(
            &path,
            &interface,
            move |_, _, _, _, method, params, invocation| match (method, params.get::<(Vec<String>, String)>()) {
                ("ExecuteCallback", Some((argv, cwd))) => {
                    handover(&app, argv, cwd);
                    invocation.return_value(None);
                }
                _ => invocation.return_dbus_error("org.freedesktop.DBus.Error.InvalidArgs", "argv: as, cwd: s"),
            },
            |_, _, _, _, _| ().to_variant(),
            |_, _, _, _, _, _| false,
        )?;
        let reply = bus.call_sync(
            Some("org.freedesktop.DBus"),
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus",
            "RequestName",
            Some(&(name, DO_NOT_QUEUE).to_variant()),
            Some(glib::VariantTy::new("(u)").expect("a valid type")),
            gio::DBusCallFlags::NONE,
            -1,
            gio::Cancellable::NONE,
        )?;
        if matches!(reply.get::<(u32,)>(), Some((PRIMARY_OWNER | ALREADY_OWNER,))) {
            return Ok(Outcome::Holding(Lock { _connection: bus }));
        }
        let _ = bus.unregister_object(registration);
        let args: Vec<String> = std::env::args_os().map(|a| a.to_string_lossy().into_owned()).collect();
        let cwd = std::env::current_dir().unwrap_or_default().to_string_lossy().into_owned();
        bus.call_sync(
            Some(name),
            &path,
            INTERFACE,
            "ExecuteCallback",
            Some(&(args, cwd).to_variant()),
            None,
            gio::DBusCallFlags::NONE,
            -1,
            gio::Cancellable::NONE,
        )?;
        Ok(Outcome::HandedOver)
    }
}

/// `<identifier>.p<hash of the settings folder>`: a valid D-Bus name (elements of letters, digits and `_`,
/// not starting with a digit) that is the same for every launch with the same settings.
pub fn instance_id(identifier: &str, settings_file: &Path) -> String {
    let dir = settings_file.parent().unwrap_or(settings_file);
    // The same folder spelt differently (a symlink, `..`) is the same instance, once the folder exists.
    let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    format!("{identifier}.p{:016x}", fnv1a(dir.to_string_lossy().as_bytes()))
}

/// FNV-1a, 64 bits: stable across Rust versions and builds, unlike `DefaultHasher`, so two builds of the app
/// agree on the name.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// A second launch with a `.gcmpack` (a double-click while the window is open): installed here, then the window
/// reloads on the Workshops view, which shows the notice and the event.
fn open_in_window<R: Runtime>(app: &AppHandle<R>, path: &Path) {
    eprintln!("gcm-workshop: launched again with {}; opening it in the window", path.display());
    app.state::<crate::state::AppState>().open_at_launch(path);
    if let Some(w) = app.get_webview_window(MAIN) {
        let _ = w.eval("location.hash = '#events'; location.reload();");
    }
}

fn bring_to_front<R: Runtime>(app: &AppHandle<R>) {
    eprintln!("gcm-workshop: launched again; bringing the open window to the front");
    if let Some(w) = app.get_webview_window(MAIN) {
        let _ = w.unminimize();
        let _ = w.show();
        let _ = w.set_focus();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(settings_file: &str, expect: &str) {
        assert_eq!(instance_id("io.github.gcmworkshop.participant", Path::new(settings_file)), expect);
    }

    #[test]
    fn keyed_by_settings_folder() {
        check("/nonexistent/a/gcm-workshop/settings.json", "io.github.gcmworkshop.participant.pb8ccc8f74dc45cb7");
        check("/nonexistent/a/gcm-workshop/other.json", "io.github.gcmworkshop.participant.pb8ccc8f74dc45cb7");
        check("/nonexistent/b/gcm-workshop/settings.json", "io.github.gcmworkshop.participant.pdcabcaa86545e534");
    }

    /// The plugin's spelling, so builds with and without it hand over to each other.
    #[test]
    fn bus_name_and_path_as_the_plugin_spells_them() {
        let name = bus_name("io.github.gcmworkshop.participant.pb8ccc8f74dc45cb7");
        assert_eq!(name, "io.github.gcmworkshop.participant.pb8ccc8f74dc45cb7.SingleInstance");
        assert_eq!(object_path(&name), "/io/github/gcmworkshop/participant/pb8ccc8f74dc45cb7/SingleInstance");
        assert_eq!(object_path("a-b.c"), "/a_b/c");
    }

    #[test]
    fn fnv1a_reference_values() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }
}
