// Every command the webview may call. Included by `build.rs` (to declare them to Tauri's ACL) and by the
// library (for tests that check the capability file and the handler agree with this list).
pub const COMMANDS: &[&str] = &[
    "app_info",
    "first_view",
    "settings_view",
    "notices",
    "localize",
    "set_language",
    "overview",
    "concept",
    "agenda",
    "resources",
    "open_resource",
    "meeting",
    "meeting_check",
    "meeting_save",
    "meeting_remove",
    "join",
    "join_browser",
    "copy_meeting",
    "zones",
    "set_timezone",
    "live",
    "set_reminders",
    "export_calendar",
    "search",
    "set_theme",
    "set_text_scale",
    "gcm",
    "events",
    "show_event",
    "open_pack",
    "pick_key",
    "trust_key",
];

// The commands that change the settings file. After one succeeds, the window asks for `notices` (ui/js/ipc.js
// lists the same names; an IPC test checks both lists agree): a write that failed is told there, once.
#[allow(dead_code)]
pub const SAVES_SETTINGS: &[&str] = &[
    "set_language",
    "meeting_save",
    "meeting_remove",
    "set_timezone",
    "set_reminders",
    "set_theme",
    "set_text_scale",
    "show_event",
    "open_pack",
];
