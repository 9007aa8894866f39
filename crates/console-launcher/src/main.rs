//! The console companion of the Windows app. `gcm-workshop.exe` is a GUI-subsystem program (no console window
//! flashes when the participant starts it from the Start menu), so cmd and PowerShell neither wait for it nor show
//! what it prints. This small console-subsystem program is installed beside it as `gcm-workshop.com`, which the
//! shells find first when the participant types `gcm-workshop …`: it runs `gcm-workshop.exe` with the same
//! arguments, the child inherits this console's standard input, output and error, and the companion returns the
//! child's exit code. With no arguments (open the window) it starts the window and returns at once, as the
//! Start-menu shortcut would.
//!
//! It holds no logic of its own and depends on nothing but the standard library; on other systems it is a plain
//! pass-through, so it builds and is tested everywhere.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// The GUI program's file name, beside this one.
const TARGET: &str = if cfg!(windows) { "gcm-workshop.exe" } else { "gcm-workshop" };

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let target = match std::env::current_exe() {
        Ok(me) => sibling(&me),
        Err(e) => {
            eprintln!("gcm-workshop: cannot locate the program: {e}");
            return ExitCode::from(1);
        }
    };
    let mut cmd = Command::new(&target);
    cmd.args(&args);
    if args.is_empty() {
        // The window: do not hold the console while it is open.
        return match cmd.spawn() {
            Ok(_) => ExitCode::SUCCESS,
            Err(e) => failed(&target, &e),
        };
    }
    match cmd.status() {
        // An exit code outside 0..=255 (a Windows status such as 0xC0000005) is reported as 1.
        Ok(status) => ExitCode::from(status.code().and_then(|c| u8::try_from(c).ok()).unwrap_or(1)),
        Err(e) => failed(&target, &e),
    }
}

/// `gcm-workshop.exe` in the folder of `me` (whatever this file is called: `gcm-workshop.com` when installed).
fn sibling(me: &Path) -> PathBuf {
    me.with_file_name(TARGET)
}

fn failed(target: &Path, e: &std::io::Error) -> ExitCode {
    eprintln!("gcm-workshop: cannot start {}: {e}", target.display());
    ExitCode::from(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_target_is_beside_the_companion() {
        let me = Path::new("C:/Program Files/GCM Workshop/gcm-workshop.com");
        assert_eq!(sibling(me), Path::new("C:/Program Files/GCM Workshop").join(TARGET));
    }
}
