//! Start-up and memory figures for `scripts/bench`; compiled only with the `bench` feature (the product has no
//! measurement code) and inert unless `GCM_WORKSHOP_BENCH=1`. It reads Linux's `/proc`.
//!
//! The app's window and the bare baseline (`examples/bare.rs`) install the same hook, so both are measured the
//! same way. When the first page has loaded, the hook polls it until its first view is on screen: a `main h1`
//! with text, which the app has only after its IPC calls and translation, and the static baseline page
//! (`examples/bare/ui/index.html`) has at once. Polling with `eval_with_callback` needs no webview command or
//! permission. It then prints to stdout
//!
//! ```text
//! bench: ready_ms=<ms since the process started> rss_kb=<VmRSS of this process>
//! bench: settled_rss_kb=<VmRSS summed over this process and its descendants> settled_pss_kb=<the same for Pss> procs=<n>
//! ```
//!
//! the second line 1.5 s later, followed by a `bench: process=<name> settled_pss_kb=<…>` line for each process in
//! the tree, and exits 0. The descendants are WebKitGTK's web and network processes, which
//! hold most of a webview's memory; RSS counts shared libraries once per process, PSS shares them out. It
//! prints figures and asserts nothing: the machines are shared and noisy.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};
use tauri::webview::PageLoadEvent;
use tauri::{Builder, Manager, Runtime, Webview};

pub const ENV: &str = "GCM_WORKSHOP_BENCH";

/// True once the first view's heading has been rendered and translated.
const READY_JS: &str =
    "(() => { const h = document.querySelector('main h1'); return !!(h && h.textContent.trim()); })()";
const POLL: Duration = Duration::from_millis(5);
const SETTLE: Duration = Duration::from_millis(1500);
const GIVE_UP: Duration = Duration::from_secs(60);
/// `/proc` counts process start times in USER_HZ ticks, which Linux fixes at 100 per second.
const TICKS_PER_SECOND: f64 = 100.0;

pub fn enabled() -> bool {
    std::env::var_os(ENV).is_some_and(|v| v == "1")
}

/// Adds the measuring page-load hook when benchmarking; otherwise returns the builder untouched.
/// It takes the builder's single `on_page_load` slot, which nothing else in the app uses.
pub fn hook<R: Runtime>(b: Builder<R>) -> Builder<R> {
    if !enabled() {
        return b;
    }
    let started = Arc::new(AtomicBool::new(false));
    b.on_page_load(move |webview, payload| {
        if matches!(payload.event(), PageLoadEvent::Finished) && !started.swap(true, Ordering::SeqCst) {
            let webview = webview.clone();
            std::thread::spawn(move || measure(webview));
        }
    })
}

fn measure<R: Runtime>(webview: Webview<R>) {
    let code = if wait_until_ready(&webview) {
        println!("bench: ready_ms={} rss_kb={}", ms_since_start(), status_kb(std::process::id(), "VmRSS:"));
        std::thread::sleep(SETTLE);
        let tree = process_tree(std::process::id());
        let rss: u64 = tree.iter().map(|&p| status_kb(p, "VmRSS:")).sum();
        let pss: u64 = tree.iter().map(|&p| pss_kb(p)).sum();
        println!("bench: settled_rss_kb={rss} settled_pss_kb={pss} procs={}", tree.len());
        for &p in &tree {
            println!("bench: process={} settled_pss_kb={}", process_name(p), pss_kb(p));
        }
        0
    } else {
        println!("bench: error=no `main h1` with text within {} s", GIVE_UP.as_secs());
        1
    };
    webview.app_handle().exit(code);
}

fn wait_until_ready<R: Runtime>(webview: &Webview<R>) -> bool {
    let deadline = Instant::now() + GIVE_UP;
    let (tx, rx) = mpsc::channel();
    while Instant::now() < deadline {
        let tx = tx.clone();
        if webview
            .eval_with_callback(READY_JS, move |r| {
                let _ = tx.send(r == "true");
            })
            .is_err()
        {
            return false;
        }
        if rx.recv_timeout(GIVE_UP).unwrap_or(false) {
            return true;
        }
        std::thread::sleep(POLL);
    }
    false
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

/// This process and all its descendants, found through the parent ids in `/proc/<pid>/stat`.
fn process_tree(root: u32) -> Vec<u32> {
    let parents: Vec<(u32, u32)> = std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| Some((pid, stat_field(pid, 4)? as u32)))
        .collect();
    let mut tree = vec![root];
    let mut i = 0;
    while i < tree.len() {
        let parent = tree[i];
        tree.extend(parents.iter().filter(|&&(_, pp)| pp == parent).map(|&(p, _)| p));
        i += 1;
    }
    tree
}

/// `main` for this process, else the file name of the program (WebKitWebProcess, WebKitNetworkProcess, …).
fn process_name(pid: u32) -> String {
    if pid == std::process::id() {
        return "main".into();
    }
    let cmdline = read(&format!("/proc/{pid}/cmdline"));
    let program = cmdline.split('\0').next().unwrap_or_default();
    match program.rsplit('/').next() {
        Some(name) if !name.is_empty() => name.replace(char::is_whitespace, "_"),
        _ => read(&format!("/proc/{pid}/comm")).trim().replace(char::is_whitespace, "_"),
    }
}

/// Field `n` (1-based, as in proc(5)) of `/proc/<pid>/stat`; the name in field 2 may contain spaces.
fn stat_field(pid: u32, n: usize) -> Option<u64> {
    let stat = read(&format!("/proc/{pid}/stat"));
    let rest = &stat[stat.rfind(')')? + 1..];
    rest.split_whitespace().nth(n.checked_sub(3)?)?.parse().ok()
}

fn status_kb(pid: u32, key: &str) -> u64 {
    kb_line(&read(&format!("/proc/{pid}/status")), key)
}

fn pss_kb(pid: u32) -> u64 {
    kb_line(&read(&format!("/proc/{pid}/smaps_rollup")), "Pss:")
}

fn kb_line(text: &str, key: &str) -> u64 {
    text.lines().find_map(|l| l.strip_prefix(key)).and_then(|v| v.split_whitespace().next()?.parse().ok()).unwrap_or(0)
}

/// A process may end between listing and reading it; it then counts as empty.
fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, key: &str, expect: u64) {
        assert_eq!(kb_line(text, key), expect, "{key} in {text:?}");
    }

    #[test]
    fn reads_kb_lines() {
        check("Name:\tx\nVmRSS:\t  123456 kB\n", "VmRSS:", 123456);
        check("Rss:  10 kB\nPss:  7 kB\nPss_Anon: 3 kB\n", "Pss:", 7);
        check("Name:\tx\n", "VmRSS:", 0);
        check("", "Pss:", 0);
    }

    // `/proc` is Linux's.
    #[cfg(target_os = "linux")]
    #[test]
    fn reads_own_process() {
        assert_eq!(stat_field(std::process::id(), 4), Some(u64::from(std::os::unix::process::parent_id())));
        assert!(stat_field(std::process::id(), 22).is_some());
        assert!(status_kb(std::process::id(), "VmRSS:") > 0);
        assert_eq!(process_tree(std::process::id())[0], std::process::id());
    }
}
