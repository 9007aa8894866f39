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
        // The window's words say "paste"; here the participant needs the command that saves a link.
        Err(Error::NoMeeting) => {
            eprintln!("gcm-workshop: {NO_LINK}");
            eprintln!("{}", state.text(state.lang(), "meeting-none-command-line"));
            return 2;
        }
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
            report(state, detail, &e, 2);
            eprintln!("{}", state.text(state.lang(), "meeting-link-unchanged"));
            return 2;
        }
        Err(e) => {
            let e = Error::InvitationUnreadable { source: name, detail: e.to_string() };
            return report(state, &e, &e, 2);
        }
    };
    let text = invitation_text(&bytes);
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

/// The text of an invitation file: UTF-8, or UTF-16 / UTF-32 with a byte-order mark as Windows saves text
/// (Notepad's "Unicode", PowerShell 5.1's `Get-Clipboard > invitation.txt`), read as a settings file is. Anything
/// else is Windows-1251, the code page of Russian Windows, in which Notepad (before Windows 10 1903) and Outlook's
/// "Save as text" save a Russian e-mail; read as UTF-8, its Cyrillic letters all became replacement characters
/// and the invitation was refused as not text. Binary data is still refused: its NULs and control characters
/// stay what they are.
fn invitation_text(bytes: &[u8]) -> String {
    workshop_core::settings::decode_text(bytes).unwrap_or_else(|_| bytes.iter().map(|&b| windows_1251(b)).collect())
}

/// One byte of Windows-1251 as the WHATWG Encoding Standard maps it (`index-windows-1251`).
fn windows_1251(b: u8) -> char {
    const HIGH: &str = "ЂЃ‚ѓ„…†‡€‰Љ‹ЊЌЋЏђ‘’“”•–—\u{98}™љ›њќћџ\u{a0}ЎўЈ¤Ґ¦§Ё©Є«¬\u{ad}®Ї°±Ііґµ¶·ё№є»јЅѕї";
    match b {
        0..=0x7f => char::from(b),
        0x80..=0xbf => HIGH.chars().nth(usize::from(b - 0x80)).unwrap_or(char::REPLACEMENT_CHARACTER),
        // А..я, in order.
        _ => char::from_u32(0x410 + u32::from(b - 0xc0)).unwrap_or(char::REPLACEMENT_CHARACTER),
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

    /// Issue 14 (hostile corpus): an invitation saved by PowerShell 5.1 or Notepad as UTF-16 was refused as "not
    /// text"; it is read like a settings file saved the same way.
    #[test]
    fn invitation_files_in_windows_encodings_are_read() {
        let link = "https://zoom.us/j/85012345678\r\n";
        let utf16 = |bom: [u8; 2], unit: fn(u16) -> [u8; 2]| -> Vec<u8> {
            bom.into_iter().chain(link.encode_utf16().flat_map(unit)).collect()
        };
        let cases: Vec<(&str, Vec<u8>, &str)> = vec![
            ("UTF-8", link.as_bytes().to_vec(), "ok https://zoom.us/j/85012345678"),
            ("UTF-8 with a BOM", [b"\xef\xbb\xbf", link.as_bytes()].concat(), "ok https://zoom.us/j/85012345678"),
            ("UTF-16LE with a BOM", utf16([0xff, 0xfe], u16::to_le_bytes), "ok https://zoom.us/j/85012345678"),
            ("UTF-16BE with a BOM", utf16([0xfe, 0xff], u16::to_be_bytes), "ok https://zoom.us/j/85012345678"),
            ("UTF-16LE without a BOM", utf16([0xff, 0xfe], u16::to_le_bytes)[2..].to_vec(), "err not-text"),
            ("UTF-16LE cut in a character", utf16([0xff, 0xfe], u16::to_le_bytes)[..9].to_vec(), "err not-text"),
            ("Latin-1", b"Join: https://zoom.us/j/85012345678 \xe9t\xe9".to_vec(), "ok https://zoom.us/j/85012345678"),
            (
                "binary data with NULs",
                b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR https://zoom.us/j/85012345678".to_vec(),
                "err not-text",
            ),
        ];
        for (what, bytes, expect) in cases {
            let got = match parse_invitation(&invitation_text(&bytes)) {
                Ok(l) => format!("ok {}", l.url),
                Err(e) => format!("err {}", e.code()),
            };
            assert_eq!(got, expect, "{what}");
        }
    }

    /// Issue 14 (hostile corpus): a Russian invitation saved on Russian Windows (Windows-1251) was refused as "not
    /// text"; it is read, passcode and all.
    #[test]
    fn a_russian_invitation_in_windows_1251_is_read() {
        let text = "Подключиться к конференции Zoom\nhttps://us06web.zoom.us/j/81234567890?pwd=aB.1\n\n\
                    Идентификатор конференции: 812 3456 7890\nКод доступа: 7Hx@2q\nЁлка ё № «»\n";
        // Windows-1251: А..я are 0xC0..0xFF; Ё 0xA8, ё 0xB8, № 0xB9, « 0xAB, » 0xBB.
        let bytes: Vec<u8> = text
            .chars()
            .map(|c| match c {
                'А'..='я' => (c as u32 - 0x410 + 0xc0) as u8,
                'Ё' => 0xa8,
                'ё' => 0xb8,
                '№' => 0xb9,
                '«' => 0xab,
                '»' => 0xbb,
                _ => c as u8,
            })
            .collect();
        assert!(std::str::from_utf8(&bytes).is_err());
        assert_eq!(invitation_text(&bytes), text);
        let link = parse_invitation(&invitation_text(&bytes)).unwrap();
        assert_eq!(
            (link.url.as_str(), link.passcode.as_deref()),
            ("https://us06web.zoom.us/j/81234567890?pwd=aB.1", Some("7Hx@2q"))
        );
        assert_eq!((0x80..=0xffu8).map(windows_1251).filter(|&c| c == char::REPLACEMENT_CHARACTER).count(), 0);
    }

    #[test]
    #[rustfmt::skip]
    fn reports() {
        check("https://zoom.us/j/85012345678?pwd=ab.1\nPasscode: 584706", Lang::En, "Meeting link: https://zoom.us/j/85012345678?pwd=ab.1\nMeeting ID: 850 1234 5678\nPasscode: 584706\nThe meeting link was saved.\n");
        check("https://zoom.us/j/123456789", Lang::Ru, "Ссылка на конференцию: https://zoom.us/j/123456789\nИдентификатор конференции: 123 456 789\nСсылка на конференцию сохранена.\n");
        check("https://zoom.us/my/jane.doe", Lang::En, "Meeting link: https://zoom.us/my/jane.doe\nThe meeting link was saved.\n");
    }
}
