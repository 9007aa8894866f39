//! Integration tests: the core and the locales as the app uses them. One binary, one module per area.

mod calendar_readers;
mod cli;
mod locales;
mod package;
