//! Integration tests: the core and the locales as the app uses them. One binary, one module per area.

mod calendar_readers;
mod cli;
// The hostile corpus through the built app: Linux paths (/dev/full, /proc) and wait4 for the memory.
#[cfg(target_os = "linux")]
mod hostile;
mod locales;
mod pack;
// Unpacks the .deb with dpkg and runs it on Xvfb: Linux only.
#[cfg(target_os = "linux")]
mod package;
