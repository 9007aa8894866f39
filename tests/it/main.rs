//! Integration tests: the core and the locales as the app uses them. One binary, one module per area.

mod cli;
mod locales;
mod package;
