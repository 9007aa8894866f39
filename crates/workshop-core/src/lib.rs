//! The participant app's pure core: the event model, agenda time maths, meeting-link parsing, Fluent bundles,
//! rich-text markup, search, calendar export, and the `TZ` variable's text read as a zone.
//!
//! Architecture Invariant: this crate does no IO (no files, no network, no clock, no environment) and never
//! depends on `tauri`. "Now" is always a parameter. The shell in `src-tauri/` does the IO and calls in here.

pub mod agenda_table;
pub mod calendar;
pub mod event;
pub mod format;
pub mod i18n;
pub mod markup;
pub mod meeting;
pub mod pack;
pub mod reminders;
pub mod schedule;
pub mod search;
pub mod settings;
pub mod tz_env;
pub mod views;
pub mod windows_zone;
pub mod wording;
pub mod zone_names;

pub use event::Event;
pub use fluent_bundle::FluentValue;
pub use i18n::{Lang, Localizer};
