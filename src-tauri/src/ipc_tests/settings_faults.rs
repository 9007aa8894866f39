//! Settings on a disk that refuses writes: a read-only folder and a full disk, made for real in a mount
//! namespace (`unshare --user --map-root-user --mount`, where a read-only bind mount and a small tmpfs stop root
//! too). The window goes on working, says once that settings cannot be saved, loses nothing, and saves every
//! waiting change once the disk takes writes again.

#[cfg(target_os = "linux")]
use super::*;

/// The IPC test that runs inside the namespace; this file's other test starts it there.
#[cfg(target_os = "linux")]
const INNER: &str = "ipc_tests::settings_faults::window_commands_survive_a_disk_that_refuses_writes";

#[cfg(target_os = "linux")]
#[test]
fn read_only_folder_and_full_disk() {
    for fault in ["read-only", "full"] {
        let out = std::process::Command::new("unshare")
            .args(["--user", "--map-root-user", "--mount", "--"])
            .arg(std::env::current_exe().unwrap())
            .args([INNER, "--exact", "--ignored", "--nocapture", "--test-threads=1"])
            .env("GCM_TEST_DISK_FAULT", fault)
            .output()
            .expect("unshare (util-linux) runs");
        let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert!(out.status.success() && stdout.contains("1 passed"), "{fault}: {}\n{stdout}\n{stderr}", out.status);
    }
}

#[cfg(target_os = "linux")]
fn mount(args: &[&str]) {
    let st = std::process::Command::new("mount").args(args).status().unwrap();
    assert!(st.success(), "mount {args:?}: {st}");
}

#[cfg(target_os = "linux")]
#[test]
#[ignore = "needs a mount namespace: run by read_only_folder_and_full_disk"]
fn window_commands_survive_a_disk_that_refuses_writes() {
    let fault = std::env::var("GCM_TEST_DISK_FAULT").expect("GCM_TEST_DISK_FAULT is read-only or full");
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("gcm-workshop");
    std::fs::create_dir_all(&folder).unwrap();
    let f = folder.to_str().unwrap();
    let original = "{\"language\": \"en\", \"theme\": \"light\"}\n";
    let filler = dir.path().join("gcm-workshop/filler");
    if fault == "full" {
        mount(&["-t", "tmpfs", "-o", "size=64k", "tmpfs", f]);
    }
    let h = harness_in(dir, Some(original), DURING, en());
    // The lock file (empty, made when a write starts) aside: what is in the folder.
    let listing = || {
        let mut names: Vec<_> = std::fs::read_dir(&folder)
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .filter(|n| n != "settings.json.lock")
            .collect();
        names.sort();
        names
    };
    match fault.as_str() {
        "read-only" => {
            mount(&["--bind", f, f]);
            mount(&["-o", "remount,bind,ro", f]);
        }
        _ => {
            // Fill the disk: write until it refuses.
            use std::io::Write;
            let mut file = std::fs::File::create(&filler).unwrap();
            while file.write_all(&[0; 4096]).is_ok() {}
            let _ = file.sync_all();
        }
    }
    let before = listing();

    // The language switches, and the participant is told once, in the new language, why nothing is saved: in
    // what `set_language` returns (the window shows an `AppInfo`'s notices), or else in `notices`.
    let info = h.invoke("set_language", json!({"lang": "ru"})).unwrap();
    assert_eq!(info["lang"], "ru");
    let mut told = info["notices"].as_array().unwrap().clone();
    told.extend(h.invoke("notices", json!({})).unwrap().as_array().unwrap().iter().cloned());
    assert_eq!(told.len(), 1, "{told:?}");
    assert_eq!(told[0]["id"], "notice-settings-unsaved");
    let why = if fault == "full" {
        "на диске нет места"
    } else {
        "в эту папку нельзя записывать"
    };
    let message = told[0]["message"].as_str().unwrap();
    assert!(message.contains(why) && message.contains(f), "{message}");
    assert!(told[0]["messages"]["en"].as_str().unwrap().starts_with("Your settings could not be saved to"));

    // More changes: kept, not told again; the file and the folder are as they were.
    assert_eq!(h.invoke("set_theme", json!({"theme": "dark"})).unwrap()["theme"], "dark");
    assert_eq!(h.invoke("set_text_scale", json!({"percent": 150})).unwrap()["text_scale"], 150);
    assert_eq!(h.invoke("notices", json!({})).unwrap(), json!([]), "told once");
    assert_eq!(h.invoke("app_info", json!({})).unwrap()["notices"], json!([]), "told once");
    assert_eq!(std::fs::read_to_string(folder.join("settings.json")).unwrap(), original, "file untouched");
    assert_eq!(listing(), before, "nothing left beside it");

    // The disk takes writes again: the next change saves every change that waited.
    match fault.as_str() {
        "read-only" => mount(&["-o", "remount,bind,rw", f]),
        _ => std::fs::remove_file(&filler).unwrap(),
    }
    h.invoke("set_timezone", json!({"zone": "Asia/Baku"})).unwrap();
    let saved = h.saved();
    assert_eq!(
        (&saved["language"], &saved["theme"], &saved["text_scale"], &saved["timezone"]),
        (&json!("ru"), &json!("dark"), &json!(150), &json!("Asia/Baku")),
        "{saved}"
    );
    assert_eq!(h.invoke("notices", json!({})).unwrap(), json!([]));
    let stray: Vec<_> = listing().into_iter().filter(|n| n.to_string_lossy().contains(".tmp-")).collect();
    assert!(stray.is_empty(), "{stray:?}");
}

/// ui/js/ipc.js asks for `notices` after the commands that save settings: the same list as Rust's.
#[test]
fn the_window_asks_for_notices_after_every_command_that_saves() {
    let js = include_str!("../../../ui/js/ipc.js");
    let start = js.find("const SAVES_SETTINGS = new Set([").expect("ipc.js lists SAVES_SETTINGS");
    let list = &js[start..start + js[start..].find("]);").unwrap()];
    let names: Vec<&str> = list.split('\'').skip(1).step_by(2).collect();
    assert_eq!(names, crate::SAVES_SETTINGS);
}
