//! `gcm-workshop join`: opens the Zoom meeting; `--print` prints the link instead; `--invitation FILE` (`-` for
//! standard input) reads an invitation, prints what it found and saves it. Only opening needs a desktop: the
//! other forms work without a display.
//!
//! Exit codes: 0 done; 2 bad input (a refused invitation, no link saved, an unreadable file) with the reason on
//! standard error; 1 the operating system could not open the link, or an invitation cannot be saved because the
//! settings file could not be read in this run (it is left untouched, issue 9).

use super::output::report;
use crate::error::Error;
use crate::state::AppState;
use clap::Args;
use std::io::Read;
use std::path::{Path, PathBuf};
use workshop_core::meeting::{MeetingLink, MAX_INPUT_CHARS};

#[derive(Debug, Args)]
pub struct JoinArgs {
    /// Print the link that would be opened instead of opening it.
    #[arg(long)]
    pub print: bool,
    /// Read an invitation (the e-mail text or the link) from FILE, or standard input with '-', and save its link.
    #[arg(long, value_name = "FILE")]
    pub invitation: Option<PathBuf>,
}

/// An invitation longer than this many bytes is refused unread: the parser takes at most `MAX_INPUT_CHARS`
/// characters, and a character is at most 4 bytes.
const MAX_INPUT_BYTES: u64 = MAX_INPUT_CHARS as u64 * 4;

const NO_LINK: &str =
    "no meeting link is saved yet; save the one from your invitation with `gcm-workshop join --invitation FILE` \
     (`-` reads standard input)";

pub fn run(args: JoinArgs, state: &AppState) -> i32 {
    if let Some(path) = &args.invitation {
        let code = save_invitation(path, state);
        if code != 0 || !args.print {
            return code;
        }
    }
    let url = match state.join_target() {
        Ok(target) => target,
        // With an unreadable settings file, "nothing saved" would be wrong: the link may well be in there.
        Err(Error::NoMeeting) if state.settings_writable().is_err() => {
            let e = Error::NoMeetingUnreadable { path: state.settings_path().display().to_string() };
            return report(state, &e, &e, 2);
        }
        Err(Error::NoMeeting) => return report(state, NO_LINK, &Error::NoMeeting, 2),
        Err(e) => return report(state, &e, &e, 2),
    };
    if args.print {
        println!("{url}");
        return 0;
    }
    match state.open(&url) {
        Ok(()) => {
            println!("{url}");
            0
        }
        Err(e) => {
            eprintln!("gcm-workshop: {e}");
            eprintln!("{}", state.text(state.lang(), "meeting-open-failed"));
            eprintln!("{url}");
            1
        }
    }
}

/// Reads, checks, reports and saves one invitation; returns the exit code.
fn save_invitation(path: &Path, state: &AppState) -> i32 {
    // The window keeps changes in memory when the file could not be read; here that would only pretend to save.
    if let Err(e) = state.settings_writable() {
        return report(state, &e, &e, 1);
    }
    let name = if path == Path::new("-") { "standard input".to_owned() } else { path.display().to_string() };
    let bytes = match read_limited(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::FileTooLarge => {
            // Read no further than the limit; said as the window says a pasted text that is too long.
            let e = Error::Meeting(workshop_core::meeting::LinkError::TooLong { chars: MAX_INPUT_BYTES as usize + 1 });
            let detail = format!("the invitation in {name} is longer than {MAX_INPUT_BYTES} bytes; an invitation e-mail is a few thousand characters");
            return report(state, detail, &e, 2);
        }
        Err(e) => {
            let e = Error::InvitationUnreadable { source: name, detail: e.to_string() };
            return report(state, &e, &e, 2);
        }
    };
    let text = String::from_utf8_lossy(&bytes);
    let lang = state.lang();
    match state.meeting_save(&text) {
        // Kept in memory only (a read-only folder, a full disk): for a command that exists to save, a failure.
        Ok(_) if state.settings_writable().is_err() => {
            let e = state.settings_writable().unwrap_err();
            let code = report(state, &e, &e, 1);
            eprintln!("{}", state.text(lang, "meeting-link-unchanged"));
            code
        }
        Ok(link) => {
            print!("{}", found_lines(&link, |id| state.text(lang, id)));
            if link.is_personal() {
                eprintln!("gcm-workshop: warning: {}", state.text(lang, "meeting-personal-warning"));
            }
            0
        }
        Err(Error::Meeting(e)) => {
            eprintln!("gcm-workshop: the invitation in {name} cannot be used: {e}");
            eprintln!("{}", e.localize(&state.l10n(), lang));
            eprintln!("{}", state.text(lang, "meeting-link-unchanged"));
            2
        }
        Err(e) => report(state, &e, &e, 1),
    }
}

/// The invitation's bytes, at most [`MAX_INPUT_BYTES`]: a longer one is an error of kind `FileTooLarge`, after
/// reading one byte past the limit and no more.
fn read_limited(path: &Path) -> std::io::Result<Vec<u8>> {
    let source: Box<dyn Read> =
        if path == Path::new("-") { Box::new(std::io::stdin().lock()) } else { Box::new(std::fs::File::open(path)?) };
    let mut bytes = Vec::new();
    source.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(std::io::ErrorKind::FileTooLarge.into());
    }
    Ok(bytes)
}

/// What was found, one `label: value` line each, then the confirmation, in the participant's language.
fn found_lines(link: &MeetingLink, text: impl Fn(&str) -> String) -> String {
    let mut out = format!("{}: {}\n", text("meeting-link-label"), link.url);
    if let Some(id) = link.meeting_id_display() {
        out += &format!("{}: {id}\n", text("meeting-id-label"));
    }
    if let Some(passcode) = &link.passcode {
        out += &format!("{}: {passcode}\n", text("meeting-passcode-label"));
    }
    out + &text("meeting-saved") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use workshop_core::meeting::parse_invitation;
    use workshop_core::{Lang, Localizer};

    fn check(input: &str, lang: Lang, expect: &str) {
        let l10n = Localizer::embedded();
        let link = parse_invitation(input).unwrap();
        assert_eq!(found_lines(&link, |id| l10n.text(lang, id)), expect);
    }

    #[test]
    #[rustfmt::skip]
    fn reports() {
        check("https://zoom.us/j/85012345678?pwd=ab.1\nPasscode: 584706", Lang::En, "Meeting link: https://zoom.us/j/85012345678?pwd=ab.1\nMeeting ID: 850 1234 5678\nPasscode: 584706\nThe meeting link was saved.\n");
        check("https://zoom.us/j/123456789", Lang::Ru, "Ссылка на конференцию: https://zoom.us/j/123456789\nИдентификатор конференции: 123 456 789\nСсылка на конференцию сохранена.\n");
        check("https://zoom.us/my/jane.doe", Lang::En, "Meeting link: https://zoom.us/my/jane.doe\nThe meeting link was saved.\n");
    }
}
