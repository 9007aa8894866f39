//! The baseline for `scripts/bench`: a bare Tauri window with the app's Tauri version, features and profile, but
//! no state, no commands and a static page without scripts. Its config (`examples/bare/tauri.conf.json`) is the
//! app's — identifier, CSP, global Tauri script, capabilities, window icon — except that it embeds only that page
//! (`examples/bare/ui/index.html`), which lives outside `ui/` so the app never ships it. With
//! `GCM_WORKSHOP_BENCH=1` it answers the same `report` requests as the app (see `bench.rs`).
//!
//! `cargo build -p gcm-workshop --release --features bench --example bare` → `target/release/examples/bare`.
//! Examples also build with the dev-dependencies, whose `tauri` feature `test` only adds the unused `tauri::test`
//! module.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use tauri::{WebviewUrl, WebviewWindowBuilder};

fn main() {
    let app = app_lib::bench::hook(tauri::Builder::default())
        .setup(|app| {
            // The same label and size as the app's main window.
            WebviewWindowBuilder::new(app, "main", WebviewUrl::App("index.html".into()))
                .title("Bare Tauri window")
                .inner_size(1100.0, 760.0)
                .build()?;
            Ok(())
        })
        // The macro reads `tauri.conf.json` from the folder of the path it is given.
        .build(tauri::generate_context!("examples/bare/tauri.conf.json"));
    match app {
        Ok(app) => app.run(|_, _| {}),
        Err(e) => {
            eprintln!("bare: could not open the window: {e}");
            std::process::exit(1);
        }
    }
}
