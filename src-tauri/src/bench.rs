//! What `scripts/bench` cannot see from outside: the page's own timeline and where the navigation links are.
//! Compiled only with the `bench` feature (the product has no measurement code) and inert unless
//! `GCM_WORKSHOP_BENCH=1`.
//!
//! `tools/bench/measure.py` times the window from outside (mapped, painted and still, memory) and must not
//! disturb it, so the hook does nothing until asked: once the first page has loaded, it reads lines on standard
//! input, and for each `report` line it evaluates two scripts in the page (`eval_with_callback`, which needs no
//! webview command or permission) and prints
//!
//! ```text
//! bench: timing_at_ms=<ms since the process started> timing={"now": …, "marks": [[name, ms], …], …}
//! bench: targets_at_ms=<ms> targets=[{"view": "agenda", "x": …, "y": …}, {"lang": "ru", …}, …]
//! ```
//!
//! The app's window and the bare baseline (`examples/bare.rs`) install the same hook.

use std::io::BufRead;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::Duration;
use tauri::webview::PageLoadEvent;
use tauri::{Builder, Runtime, Webview};

/// The variable that turns the hook on: `GCM_WORKSHOP_BENCH=1`.
pub const ENV: &str = "GCM_WORKSHOP_BENCH";

/// The page's timeline in ms since its navigation started: the marks `ui/js/main.js` sets (`gcm:…`), every file
/// fetched (name, start, end), and `now`, when this ran.
const TIMING_JS: &str = "JSON.stringify({ now: Math.round(performance.now()), \
    marks: performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]), \
    fetched: performance.getEntriesByType('resource').map((r) => [r.name.split('/').pop(), Math.round(r.startTime), Math.round(r.responseEnd)]) })";
/// Where the navigation links and language buttons are: `[{"view"|"lang": …, "x": …, "y": …}]`, the centre of
/// each in CSS pixels from the page's top left (the window's, with no decorations and a scale of 1).
const TARGETS_JS: &str = "JSON.stringify([...document.querySelectorAll('a[data-view], button[data-lang]')].map((e) => { \
    const r = e.getBoundingClientRect(); \
    return { view: e.dataset.view, lang: e.dataset.lang, x: Math.round(r.x + r.width / 2), y: Math.round(r.y + r.height / 2) }; }))";
const ANSWER_WITHIN: Duration = Duration::from_secs(30);
/// `/proc` counts process start times in USER_HZ ticks, which Linux fixes at 100 per second.
const TICKS_PER_SECOND: f64 = 100.0;

/// `true` only when `GCM_WORKSHOP_BENCH` is exactly `1`.
pub fn enabled() -> bool {
    std::env::var_os(ENV).is_some_and(|v| v == "1")
}

/// Adds the page-load hook when benchmarking; otherwise returns the builder untouched.
/// It takes the builder's single `on_page_load` slot, which nothing else in the app uses.
pub fn hook<R: Runtime>(b: Builder<R>) -> Builder<R> {
    if !enabled() {
        return b;
    }
    let started = Arc::new(AtomicBool::new(false));
    b.on_page_load(move |webview, payload| {
        if matches!(payload.event(), PageLoadEvent::Finished) && !started.swap(true, Ordering::SeqCst) {
            let webview = webview.clone();
            std::thread::spawn(move || answer(webview));
        }
    })
}

/// Answers each `report` line on standard input until it closes.
fn answer<R: Runtime>(webview: Webview<R>) {
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else { return };
        if line.trim() != "report" {
            continue;
        }
        for (name, js) in [("timing", TIMING_JS), ("targets", TARGETS_JS)] {
            let (tx, rx) = mpsc::channel();
            if webview.eval_with_callback(js, move |r| drop(tx.send(r))).is_err() {
                return;
            }
            // The result is the JSON string, itself as JSON: decoded once here.
            let json = rx.recv_timeout(ANSWER_WITHIN).ok().and_then(|r| serde_json::from_str::<String>(&r).ok());
            println!("bench: {name}_at_ms={} {name}={}", ms_since_start(), json.unwrap_or_else(|| "null".into()));
        }
    }
}

/// Milliseconds since this process was started by the kernel (so dynamic loading counts), to 10 ms.
fn ms_since_start() -> u64 {
    let uptime = read("/proc/uptime").split_whitespace().next().and_then(|s| s.parse::<f64>().ok());
    let start = stat_field(std::process::id(), 22).map(|t| t as f64 / TICKS_PER_SECOND);
    match (uptime, start) {
        (Some(u), Some(s)) => ((u - s).max(0.0) * 1000.0).round() as u64,
        _ => 0,
    }
}

/// Field `n` (1-based, as in proc(5)) of `/proc/<pid>/stat`; the name in field 2 may contain spaces.
fn stat_field(pid: u32, n: usize) -> Option<u64> {
    let stat = read(&format!("/proc/{pid}/stat"));
    let rest = &stat[stat.rfind(')')? + 1..];
    rest.split_whitespace().nth(n.checked_sub(3)?)?.parse().ok()
}

/// A process may end between listing and reading it; it then counts as empty.
fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    // `/proc` is Linux's.
    #[cfg(target_os = "linux")]
    #[test]
    fn reads_own_process() {
        assert_eq!(stat_field(std::process::id(), 4), Some(u64::from(std::os::unix::process::parent_id())));
        assert!(stat_field(std::process::id(), 22).is_some());
        assert!(ms_since_start() < 24 * 3600 * 1000);
    }
}
