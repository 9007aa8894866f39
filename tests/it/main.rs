//! Integration tests: the core and the locales, as the app uses them.
