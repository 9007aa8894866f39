// Every command the webview may call. Included by `build.rs` (to declare them to Tauri's ACL) and by the
// library (for tests that check the capability file and the handler agree with this list).
pub const COMMANDS: &[&str] = &[
    "app_info",
    "localize",
    "set_language",
    "overview",
    "agenda",
    "resources",
    "open_resource",
];
