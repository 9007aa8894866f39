//! The main window: titled in the participant's language, sized for reading, and locked to the app's own
//! pages — a navigation anywhere else is refused, so no remote content ever loads in the webview.

pub mod geometry;
pub mod instance;
pub mod runtime;

use crate::state::AppState;
use tauri::{AppHandle, Manager, Runtime, WebviewUrl, WebviewWindowBuilder};

pub const MAIN: &str = "main";

/// Only the app's own origin may be shown (`tauri://localhost` on Linux and macOS, `http://tauri.localhost`
/// on Windows).
pub fn is_app_url(url: &tauri::Url) -> bool {
    match url.scheme() {
        "tauri" => url.host_str() == Some("localhost"),
        "http" | "https" => url.host_str() == Some("tauri.localhost"),
        _ => false,
    }
}

pub fn create_main<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let state = app.state::<AppState>();
    let title = state.text(state.lang(), "event-title");
    // Where the participant left it last time, if that is still on a screen.
    let place = geometry::placement(state.settings().window, &geometry::screens(app));
    let mut builder = WebviewWindowBuilder::new(app, MAIN, WebviewUrl::App("index.html".into()))
        .title(title)
        .inner_size(place.width, place.height)
        .min_inner_size(geometry::MIN_SIZE.0, geometry::MIN_SIZE.1)
        .resizable(true);
    if let Some((x, y)) = place.position {
        builder = builder.position(x, y);
    }
    // Without compositing, the window appears once the page has loaded (see `runtime::paints_without_compositing`);
    // should the page never finish loading, after 3 s all the same.
    let wait_for_page = runtime::paints_without_compositing();
    let window = builder
        .visible(!wait_for_page)
        .on_page_load(|window, payload| {
            if payload.event() == tauri::webview::PageLoadEvent::Finished {
                let _ = window.show();
            }
        })
        .on_navigation(|url| {
            let ok = is_app_url(url);
            if !ok {
                eprintln!("gcm-workshop: refused navigation to {url}");
            }
            ok
        })
        .build()?;
    // The participant's colour scheme for the frame (GTK's dark variant; WebKitGTK's prefers-color-scheme follows
    // it). Set after building: on Linux the builder's `.theme()` does not reach WebKitGTK.
    let _ = window.set_theme(frame_theme(state.settings().theme));
    geometry::remember(&window);
    if wait_for_page {
        let window = window.clone();
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_secs(3));
            let _ = window.show();
        });
    }
    Ok(())
}

/// The window's GTK theme variant for a setting: `None` follows the desktop.
pub fn frame_theme(theme: workshop_core::settings::Theme) -> Option<tauri::Theme> {
    match theme {
        workshop_core::settings::Theme::System => None,
        workshop_core::settings::Theme::Light => Some(tauri::Theme::Light),
        workshop_core::settings::Theme::Dark => Some(tauri::Theme::Dark),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(url: &str, expect: bool) {
        assert_eq!(is_app_url(&url.parse().unwrap()), expect, "{url}");
    }

    #[test]
    fn only_own_pages() {
        check("tauri://localhost/index.html", true);
        check("http://tauri.localhost/index.html", true);
        check("https://zoom.us/j/123456789", false);
        check("https://undocs.org/A/RES/73/195", false);
        check("tauri://evil.example/", false);
        check("http://tauri.localhost.evil.example/", false);
        check("file:///etc/passwd", false);
        check("javascript:alert(1)", false);
    }
}
