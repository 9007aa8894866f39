//! Declares our commands to Tauri's ACL, so the capability file can grant exactly these and nothing else.

const COMMANDS: &[&str] = &[
    "app_info",
    "localize",
    "set_language",
    "overview",
    "agenda",
    "resources",
    "open_resource",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run tauri-build");
}
