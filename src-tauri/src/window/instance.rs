//! One window at a time: launching the app again while its window is open brings that window to the front
//! (unminimised and focused) and the new process exits. Only the window is single: subcommands
//! (`gcm-workshop agenda`, …) never look for another instance.
//!
//! "One" means one per settings file: the instance is keyed by the identifier and the settings file's folder, so
//! a run with another `XDG_CONFIG_HOME` (a test, a second profile) is an instance of its own and never hands over
//! to — or is closed by — a window that belongs to other settings. On Linux the plugin owns a D-Bus name on the
//! session bus; without a session bus it lets every launch open a window (nothing to coordinate through).

use super::MAIN;
use std::path::Path;
use tauri::{plugin::TauriPlugin, AppHandle, Manager, Runtime};

/// The single-instance plugin; register it before any other so a second launch exits before anything starts.
pub fn plugin<R: Runtime>(identifier: &str, settings_file: &Path) -> TauriPlugin<R> {
    tauri_plugin_single_instance::Builder::new()
        .dbus_id(instance_id(identifier, settings_file))
        .callback(|app, args, cwd| {
            bring_to_front(app);
            if let Some(path) = crate::packs::pack_argument(&args, Path::new(&cwd)) {
                open_in_window(app, &path);
            }
        })
        .build()
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

    #[test]
    fn fnv1a_reference_values() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }
}
