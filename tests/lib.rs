//! Shared helpers for the integration and end-to-end test binaries (none yet).
