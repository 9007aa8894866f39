//! The console companion of the Windows app. `gcm-workshop.exe` is a GUI-subsystem program (no console window
//! flashes when the participant starts it from the Start menu), so cmd and PowerShell neither wait for it nor show
//! what it prints. This small console-subsystem program is installed beside it as `gcm-workshop.com`, which the
//! shells find first when the participant types `gcm-workshop …` (PATHEXT lists .COM before .EXE): it runs
//! `gcm-workshop.exe` with the same arguments, relays its output to this console, and returns its exit code, so the
//! shell waits, prints, and sees `%ERRORLEVEL%` / `$LASTEXITCODE`. With no arguments (open the window) it starts
//! the window and returns at once, as the Start-menu shortcut would.
//!
//! Standard output and error always go through pipes that this program copies to its own: the GUI program then
//! never writes to a console it is not attached to, and Rust's standard output here writes Cyrillic to the console
//! as UTF-16. Standard input is handed over as it is when it is a file or a pipe (`type inv.txt | gcm-workshop join
//! --invitation -`), and relayed through a pipe when it is the console.
//!
//! When this program ends before the app does (Ctrl+C or Ctrl+Break in the console, the console window closed, or
//! the process killed), the app ends with it: on Windows the app runs in a job object that is killed when its last
//! handle, held only here, closes. Otherwise a `join --invitation -` waiting on standard input would be left
//! running invisibly.
//!
//! It holds no logic of the app and depends only on the standard library (and Windows' job API); on other systems it runs
//! `gcm-workshop` beside it the same way, so it builds and is tested everywhere.

use std::ffi::OsString;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;

/// The GUI program's file name, beside this one.
const TARGET: &str = if cfg!(windows) { "gcm-workshop.exe" } else { "gcm-workshop" };

fn main() {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let target = match std::env::current_exe() {
        Ok(me) => sibling(&me),
        Err(e) => {
            eprintln!("gcm-workshop: cannot locate the program: {e}");
            std::process::exit(1);
        }
    };
    std::process::exit(run(&target, &args));
}

/// Runs `target` with `args` as described above and returns the exit code to give the shell.
fn run(target: &Path, args: &[OsString]) -> i32 {
    let mut cmd = Command::new(target);
    cmd.args(args);
    if args.is_empty() {
        // The window: do not hold the console while it is open.
        return match cmd.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null()).spawn() {
            Ok(_) => 0,
            Err(e) => failed(target, &e),
        };
    }
    let relay_stdin = std::io::stdin().is_terminal();
    cmd.stdin(if relay_stdin { Stdio::piped() } else { Stdio::inherit() });
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => return failed(target, &e),
    };
    // Held until this program exits, whichever way it does.
    #[cfg(windows)]
    let _job = job::kill_on_close(&child);
    if let Some(mut to_child) = child.stdin.take() {
        // Detached: it may stay blocked on the console after the child is done; exiting ends it.
        thread::spawn(move || {
            let _ = std::io::copy(&mut std::io::stdin().lock(), &mut to_child);
        });
    }
    let out = child.stdout.take().map(|r| thread::spawn(move || copy_to(r, std::io::stdout())));
    let err = child.stderr.take().map(|r| thread::spawn(move || copy_to(r, std::io::stderr())));
    for t in [out, err].into_iter().flatten() {
        let _ = t.join();
    }
    match child.wait() {
        // The child's code as it is (Windows codes are 32-bit; a crash such as 0xC0000005 passes through too).
        Ok(status) => status.code().unwrap_or(1),
        Err(e) => failed(target, &e),
    }
}

/// Copies everything from `from` to `to`, flushing after each read so a prompt or a progress line shows at once.
fn copy_to(mut from: impl Read, mut to: impl Write) {
    let mut buf = [0u8; 8192];
    loop {
        match from.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                if to.write_all(&buf[..n]).and_then(|()| to.flush()).is_err() {
                    break; // the reader went away (e.g. `| more` quit); let the child finish on a broken pipe
                }
            }
        }
    }
}

/// `gcm-workshop.exe` in the folder of `me` (whatever this file is called: `gcm-workshop.com` when installed).
fn sibling(me: &Path) -> PathBuf {
    me.with_file_name(TARGET)
}

fn failed(target: &Path, e: &std::io::Error) -> i32 {
    eprintln!("gcm-workshop: cannot start {}: {e}", target.display());
    1
}

/// A job object that ends the app when this program ends.
#[cfg(windows)]
mod job {
    use std::os::windows::io::{AsRawHandle, FromRawHandle, OwnedHandle};
    use std::process::Child;
    use windows_sys::Win32::System::JobObjects::{
        AssignProcessToJobObject, CreateJobObjectW, JobObjectExtendedLimitInformation, SetInformationJobObject,
        JOBOBJECT_EXTENDED_LIMIT_INFORMATION, JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE,
    };

    /// Puts `child` in a new job whose processes are killed when the returned handle (the job's only one) closes,
    /// i.e. when this process exits. `None` if Windows refuses (then the app simply is not tied to this program).
    pub fn kill_on_close(child: &Child) -> Option<OwnedHandle> {
        // SAFETY: no security attributes, no name; a null return is checked before the handle is owned.
        let raw = unsafe { CreateJobObjectW(std::ptr::null(), std::ptr::null()) };
        if raw.is_null() {
            return None;
        }
        // SAFETY: `raw` is a fresh job handle that nothing else owns.
        let job = unsafe { OwnedHandle::from_raw_handle(raw) };
        let mut limits = JOBOBJECT_EXTENDED_LIMIT_INFORMATION::default();
        limits.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
        // SAFETY: `limits` is a valid JOBOBJECT_EXTENDED_LIMIT_INFORMATION of the size passed; the handles are live.
        let ok = unsafe {
            SetInformationJobObject(
                job.as_raw_handle(),
                JobObjectExtendedLimitInformation,
                (&raw const limits).cast(),
                size_of::<JOBOBJECT_EXTENDED_LIMIT_INFORMATION>() as u32,
            ) != 0
                && AssignProcessToJobObject(job.as_raw_handle(), child.as_raw_handle()) != 0
        };
        ok.then_some(job)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_target_is_beside_the_companion() {
        let me = Path::new("C:/Program Files/GCM Workshop/gcm-workshop.com");
        assert_eq!(sibling(me), Path::new("C:/Program Files/GCM Workshop").join(TARGET));
    }

    #[cfg(unix)]
    #[test]
    fn passes_the_arguments_and_returns_the_exit_code() {
        // A stand-in for the app: prints its arguments on both streams and exits with 2.
        let dir = std::env::temp_dir().join(format!("console-launcher-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let target = dir.join("fake-app");
        std::fs::write(&target, "#!/bin/sh\necho \"out $*\"\necho \"err $*\" >&2\nexit 2\n").unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o755)).unwrap();
        assert_eq!(run(&target, &["agenda".into(), "--lang".into(), "ru".into()]), 2);
        assert_eq!(run(&dir.join("missing"), &["agenda".into()]), 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
