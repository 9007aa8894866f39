//! The webview runtime. On Windows the window needs Microsoft Edge WebView2; where it is missing (an old or
//! locked-down Windows 10), the participant gets a native message box in their language instead of a window that
//! never appears, and the command line keeps working. On other systems the runtime is a package dependency, and
//! what can be missing is the display.

use crate::state::AppState;

/// Ok when the window can be opened; otherwise the participant has been told (message box) and the exit code is
/// returned.
#[cfg(windows)]
pub fn check(state: &AppState, _file: Option<&std::path::Path>) -> Result<(), i32> {
    match tauri::webview_version() {
        Ok(_) => Ok(()),
        Err(e) => {
            eprintln!("gcm-workshop: the WebView2 runtime is not available: {e}");
            let lang = state.lang();
            rfd::MessageDialog::new()
                .set_level(rfd::MessageLevel::Error)
                .set_title(state.text(lang, "webview-missing-title"))
                .set_description(state.text(lang, "webview-missing"))
                .set_buttons(rfd::MessageButtons::Ok)
                .show();
            Err(1)
        }
    }
}

/// Linux and the BSDs: GTK must reach a display (X11 or Wayland). Without one (an SSH session, a service, a
/// terminal without a desktop) the participant is told so, in their language, with the commands that work without
/// a window, instead of GTK's panic.
#[cfg(all(unix, not(target_os = "macos")))]
pub fn check(state: &AppState, file: Option<&std::path::Path>) -> Result<(), i32> {
    let display =
        std::env::var("WAYLAND_DISPLAY").ok().or_else(|| std::env::var("DISPLAY").ok()).filter(|d| !d.is_empty());
    // A display that is named may still be starting (a session just opened, a busy machine): asked again for about
    // a second before giving up. Without one, at once.
    let mut result = gtk::init();
    for _ in 0..if display.is_some() { 5 } else { 0 } {
        if result.is_ok() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
        result = gtk::init();
    }
    match result {
        Ok(()) => Ok(()),
        Err(e) => {
            match &display {
                Some(d) => eprintln!("gcm-workshop: the window cannot open: the display {d:?} cannot be reached ({e})"),
                None => eprintln!(
                    "gcm-workshop: the window cannot open: no display (DISPLAY and WAYLAND_DISPLAY are not set)"
                ),
            }
            let lang = state.lang();
            eprintln!("{}", state.text(lang, "window-no-display"));
            if let Some(file) = file {
                let path = ("file", file.display().to_string().into());
                eprintln!("{}", state.l10n().text_with(lang, "window-no-display-pack", &[path]));
            }
            Err(1)
        }
    }
}

/// The variable that makes WebKitGTK paint with Skia on the CPU rather than through OpenGL.
pub const CPU_PAINTING: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";

/// Linux: on a computer without a graphics processor (a virtual machine, a remote desktop, a server with Xvfb),
/// OpenGL is Mesa's software rasteriser, and WebKitGTK's painting "on the GPU" then emulates a GPU on the CPU,
/// which is slower than painting on the CPU outright. There WebKit is asked to paint on the CPU
/// (`WEBKIT_SKIA_ENABLE_CPU_RENDERING=1`, inherited by its web process), unless the variable is set already. With a
/// graphics device, nothing changes. Call before any thread starts: it sets an environment variable.
///
/// Under Xvfb (`scripts/bench`), the first view is still 150 ms sooner, and a view after its click 20–40 ms sooner.
///
/// There it also asks WebKit to paint without compositing (`WEBKIT_DISABLE_COMPOSITING_MODE=1`): the web process
/// paints one picture of the page, which the window draws, instead of layers that a compositor thread joins. Under
/// Xvfb the process tree's peak PSS falls from about 260 to 200 MB, a view is on screen 10–20 ms sooner after its
/// click, and the first view is still about 0.35 s after launch instead of 0.44 s (the window waits for the page,
/// `create_main`).
#[cfg(all(unix, not(target_os = "macos")))]
pub fn choose_painting() {
    if has_graphics_device(std::path::Path::new("/dev")) {
        return;
    }
    for variable in [CPU_PAINTING, NO_COMPOSITING] {
        if std::env::var_os(variable).is_none() {
            std::env::set_var(variable, "1");
        }
    }
}

#[cfg(not(all(unix, not(target_os = "macos"))))]
pub fn choose_painting() {}

/// The variable that makes WebKitGTK paint the page straight into one picture of the window, without layers
/// composited in a thread of their own.
pub const NO_COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Whether WebKit paints without compositing (`NO_COMPOSITING` set, by `choose_painting` or by the participant).
/// Its window then waits for the page (`create_main`): shown before the page has painted once, GTK's first draw
/// of the window holds the main thread for up to 500 ms, waiting for a picture that cannot come while the page
/// has not loaded.
pub fn paints_without_compositing() -> bool {
    cfg!(all(unix, not(target_os = "macos"))) && std::env::var_os(NO_COMPOSITING).is_some_and(|v| v != "0")
}

/// The variable that turns JavaScriptCore's just-in-time compilers on or off (`0`: off).
pub const JIT: &str = "JSC_useJIT";

/// Linux: WebKitGTK runs the page's scripts in JavaScriptCore's interpreter, without its just-in-time compilers
/// (`JSC_useJIT=0`, inherited by the web process), unless the variable is set already. The app's scripts are small
/// and run a few times per click, so compiling them buys nothing measurable, while the compilers cost the web
/// process 5–8 MB of memory (PSS, measured under Xvfb); and a webview that writes no machine code while it runs
/// is a smaller target, as in the JIT-less modes of hardened browsers. Call before any thread starts: it sets an
/// environment variable. (Windows' WebView2 is Edge's engine, which this does not reach.)
#[cfg(all(unix, not(target_os = "macos")))]
pub fn run_scripts_without_jit() {
    if std::env::var_os(JIT).is_none() {
        std::env::set_var(JIT, "0");
    }
}

#[cfg(not(all(unix, not(target_os = "macos"))))]
pub fn run_scripts_without_jit() {}

/// Whether `dev` (the device folder, `/dev`) holds a graphics processor's device: a DRM render node
/// (`dri/renderD*`, Mesa's drivers) or NVIDIA's proprietary driver (`nvidiactl`).
pub fn has_graphics_device(dev: &std::path::Path) -> bool {
    let render_node = std::fs::read_dir(dev.join("dri"))
        .map(|entries| entries.flatten().any(|e| e.file_name().to_string_lossy().starts_with("renderD")))
        .unwrap_or(false);
    render_node || dev.join("nvidiactl").exists()
}

#[cfg(any(not(unix), target_os = "macos"))]
#[cfg(not(windows))]
pub fn check(_state: &AppState, _file: Option<&std::path::Path>) -> Result<(), i32> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::has_graphics_device;

    #[test]
    fn a_render_node_or_nvidia_is_a_graphics_device() {
        let table: &[(&[&str], bool)] = &[
            (&[], false),
            (&["dri/"], false),
            (&["dri/card0"], false),
            (&["dri/by-path/"], false),
            (&["dri/card0", "dri/renderD128"], true),
            (&["dri/renderD129"], true),
            (&["nvidiactl"], true),
            (&["nvidia0"], false),
            (&["null", "zero"], false),
        ];
        for (files, expect) in table {
            let dev = tempfile::tempdir().unwrap();
            for f in *files {
                let path = dev.path().join(f);
                if f.ends_with('/') {
                    std::fs::create_dir_all(&path).unwrap();
                } else {
                    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                    std::fs::write(&path, b"").unwrap();
                }
            }
            assert_eq!(has_graphics_device(dev.path()), *expect, "{files:?}");
        }
    }
}
