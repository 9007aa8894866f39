//! The `gcm-workshop` binary: all the work is in the library, so tests can build the same app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    std::process::exit(app_lib::run());
}
