//! The main window's size and position, remembered in the settings file (`window`) and given back at the next
//! start. A saved place that is no longer on any screen (a monitor was unplugged) is dropped and the window
//! manager places the window; the size always fits the largest screen.
//!
//! Saving: a move or resize schedules one save a moment later (so a drag writes the file about once a second,
//! not per event), and closing the window saves at once. A maximised, minimised or full-screen window keeps the
//! last normal geometry, so restoring it later gives back the size the participant chose.

use crate::state::AppState;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tauri::{AppHandle, Manager, Runtime, WebviewWindow, WindowEvent};
use workshop_core::settings::Geometry;

/// The size of a first start, in logical pixels.
pub const DEFAULT_SIZE: (f64, f64) = (1100.0, 760.0);
/// The smallest size the layout is made for, in logical pixels.
pub const MIN_SIZE: (f64, f64) = (640.0, 480.0);
/// How long after a move or resize the geometry is written.
const SETTLE: Duration = Duration::from_millis(800);

/// A screen, in logical pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Screen {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Screen {
    fn contains(&self, (x, y): (f64, f64)) -> bool {
        x >= self.x && x < self.x + self.width && y >= self.y && y < self.y + self.height
    }
}

/// Where and how big the window opens; `position: None` leaves the place to the window manager.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    pub width: f64,
    pub height: f64,
    pub position: Option<(f64, f64)>,
}

/// The window's placement from the saved geometry and the screens there are now.
pub fn placement(saved: Option<Geometry>, screens: &[Screen]) -> Placement {
    let Some(g) = saved else {
        return Placement { width: DEFAULT_SIZE.0, height: DEFAULT_SIZE.1, position: None };
    };
    // With no screen reported there is nothing to fit.
    let largest = |side: fn(&Screen) -> f64| screens.iter().map(side).reduce(f64::max).unwrap_or(f64::INFINITY);
    let width = f64::from(g.width).min(largest(|s| s.width)).max(MIN_SIZE.0);
    let height = f64::from(g.height).min(largest(|s| s.height)).max(MIN_SIZE.1);
    // The window can be moved back only by its title bar: keep the place if the start of the title bar is on a
    // screen.
    let (x, y) = (f64::from(g.x), f64::from(g.y));
    let grip = (x + (width / 2.0).min(80.0), y + 10.0);
    let position = screens.iter().any(|s| s.contains(grip)).then_some((x, y));
    Placement { width, height, position }
}

/// The screens the window could open on, in logical pixels.
pub fn screens<R: Runtime>(app: &AppHandle<R>) -> Vec<Screen> {
    let monitors = app.available_monitors().unwrap_or_default();
    monitors
        .iter()
        .map(|m| {
            let scale = m.scale_factor();
            let pos = m.position().to_logical::<f64>(scale);
            let size = m.size().to_logical::<f64>(scale);
            Screen { x: pos.x, y: pos.y, width: size.width, height: size.height }
        })
        .collect()
}

/// Saves the window's geometry whenever it is moved or resized (once it settles) and when it closes. The geometry
/// the window opened with is not a choice of the participant's: while nothing is saved, it is not saved either (the
/// first configure events may arrive after this is registered, sooner or later as the machine is busy).
pub fn remember<R: Runtime>(window: &WebviewWindow<R>) {
    let scheduled = Arc::new(AtomicBool::new(false));
    let opened = current(window);
    let w = window.clone();
    window.on_window_event(move |event| match event {
        WindowEvent::Moved(_) | WindowEvent::Resized(_) => save_soon(&w, &scheduled, opened),
        WindowEvent::CloseRequested { .. } => save(&w, opened),
        _ => {}
    });
}

/// Saves after `SETTLE`, unless a save is already on its way (it will read the latest geometry).
fn save_soon<R: Runtime>(w: &WebviewWindow<R>, scheduled: &Arc<AtomicBool>, opened: Option<Geometry>) {
    if scheduled.swap(true, Ordering::SeqCst) {
        return;
    }
    let (w, scheduled) = (w.clone(), scheduled.clone());
    std::thread::spawn(move || {
        std::thread::sleep(SETTLE);
        // Cleared before reading, so a change from now on schedules another save.
        scheduled.store(false, Ordering::SeqCst);
        save(&w, opened);
    });
}

fn save<R: Runtime>(w: &WebviewWindow<R>, opened: Option<Geometry>) {
    let Some(g) = current(w) else { return };
    let state = w.state::<AppState>();
    let saved = state.settings().window;
    if saved == Some(g) || (saved.is_none() && opened == Some(g)) {
        return;
    }
    if let Err(e) = state.update(|s| s.window = Some(g)) {
        eprintln!("gcm-workshop: window size not saved: {e}");
    }
}

/// The window's normal geometry in logical pixels; `None` while it is maximised, minimised or full screen.
fn current<R: Runtime>(w: &WebviewWindow<R>) -> Option<Geometry> {
    let abnormal = |r: tauri::Result<bool>| r.unwrap_or(true);
    if abnormal(w.is_minimized()) || abnormal(w.is_maximized()) || abnormal(w.is_fullscreen()) {
        return None;
    }
    let scale = w.scale_factor().ok()?;
    let size = w.inner_size().ok()?.to_logical::<f64>(scale);
    let pos = w.outer_position().ok()?.to_logical::<f64>(scale);
    Some(Geometry {
        width: size.width.round() as u32,
        height: size.height.round() as u32,
        x: pos.x.round() as i32,
        y: pos.y.round() as i32,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const FULL_HD: Screen = Screen { x: 0.0, y: 0.0, width: 1920.0, height: 1080.0 };
    const LEFT_OF_IT: Screen = Screen { x: -1280.0, y: 0.0, width: 1280.0, height: 1024.0 };
    const SMALL: Screen = Screen { x: 0.0, y: 0.0, width: 1024.0, height: 600.0 };

    fn g(width: u32, height: u32, x: i32, y: i32) -> Option<Geometry> {
        Some(Geometry { width, height, x, y })
    }

    fn check(saved: Option<Geometry>, screens: &[Screen], expect: &str) {
        let p = placement(saved, screens);
        let at = match p.position {
            Some((x, y)) => format!("at {x},{y}"),
            None => "placed by the window manager".to_owned(),
        };
        assert_eq!(format!("{}x{} {at}", p.width, p.height), expect, "saved {saved:?} on {screens:?}");
    }

    #[test]
    fn placement_from_saved_geometry() {
        check(None, &[FULL_HD], "1100x760 placed by the window manager");
        check(g(900, 650, 50, 60), &[FULL_HD], "900x650 at 50,60");
        // A window manager may put the frame a few pixels off the screen's edge.
        check(g(900, 650, -4, 0), &[FULL_HD], "900x650 at -4,0");
        check(g(1000, 700, -1200, 100), &[LEFT_OF_IT, FULL_HD], "1000x700 at -1200,100");
        // The left monitor was unplugged: the window comes back where the window manager puts it.
        check(g(1000, 700, -1200, 100), &[FULL_HD], "1000x700 placed by the window manager");
        check(g(1000, 700, 100, 1075), &[FULL_HD], "1000x700 placed by the window manager");
        check(g(1000, 700, 5000, 100), &[FULL_HD], "1000x700 placed by the window manager");
        // Bigger than any screen: fits the largest; never below the smallest size the layout is made for.
        check(g(3000, 2000, 0, 0), &[SMALL], "1024x600 at 0,0");
        check(g(3000, 2000, 0, 0), &[SMALL, FULL_HD], "1920x1080 at 0,0");
        check(g(200, 100, 10, 10), &[FULL_HD], "640x480 at 10,10");
        check(g(0, 0, 10, 10), &[FULL_HD], "640x480 at 10,10");
        // No screen reported: keep the size, let the window manager place it.
        check(g(900, 650, 50, 60), &[], "900x650 placed by the window manager");
    }
}
