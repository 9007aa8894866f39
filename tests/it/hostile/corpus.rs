//! The hostile corpus as data: every invitation, settings file and command line of `tests/fixtures/hostile/`
//! with what the app must do with it. The packs are written by the core's pack tests (keys made per run);
//! everything else here. The committed files are what these tables make
//! (`the_corpus_files_are_what_the_tables_make`); after changing a table, write them again with
//! `GCM_WRITE_HOSTILE_CORPUS=$PWD/tests/fixtures/hostile cargo test -p gcm-workshop-tests --test it hostile`.

/// One input and its expected outcome: a line of its folder's `expected.tsv`.
pub struct Case {
    /// `NN-what.ext`, numbered in table order.
    pub file: String,
    pub bytes: Vec<u8>,
    pub exit: i32,
    /// `Error::kind()` of the refusal, `-` for none.
    pub kind: String,
    /// The Fluent id of what the participant reads (an error, a notice, a confirmation), `-` for nothing.
    pub message: String,
    /// Words the output must contain: of the English reason for a refusal, the saved link for an accepted
    /// invitation, of the agenda for settings that are read; `-` for none.
    pub detail: String,
    pub note: &'static str,
}

/// The manifest's first line.
pub const HEADER: &str = "# file\texit\tkind\tmessage\tdetail\tnote";

/// `expected.tsv` for `cases`.
pub fn manifest(cases: &[Case]) -> String {
    let mut out = format!("{HEADER}\n");
    for c in cases {
        for field in [c.file.as_str(), &c.kind, &c.message, &c.detail, c.note] {
            assert!(!field.contains(['\t', '\n']) && !field.is_empty(), "{}: {field:?}", c.file);
        }
        out += &format!("{}\t{}\t{}\t{}\t{}\t{}\n", c.file, c.exit, c.kind, c.message, c.detail, c.note);
    }
    out
}

/// A case as the tables write it: note, file extension, bytes, exit code, kind, message, detail.
type Row = (&'static str, &'static str, Vec<u8>, i32, String, String, String);

/// Numbers the cases and names their files after their notes.
fn numbered(rows: Vec<Row>) -> Vec<Case> {
    rows.into_iter()
        .enumerate()
        .map(|(i, (note, ext, bytes, exit, kind, message, detail))| {
            let slug: Vec<String> = note
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_ascii_lowercase)
                .collect();
            let mut slug = slug.join("-");
            slug.truncate(60);
            let file = format!("{:02}-{}.{ext}", i + 1, slug.trim_end_matches('-'));
            Case { file, bytes, exit, kind, message, detail, note }
        })
        .collect()
}

/// The meeting link saved before every run (but the settings corpus's): a refused input must leave it.
pub const SAVED_LINK: &str = "https://zoom.us/j/99988877766";

/// The built-in workshop's id, under which `join` keeps the link.
pub const EVENT: &str = "gcm-almaty-process-2023-12-05";

const FULL: &str = "https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xWc2NVdE1tT0NlUGpQZz09";
const RU_LINK: &str = "https://us06web.zoom.us/j/81234567890?pwd=aBcDeFgHiJkLmNoPqRsTuVwXyZ012345.1";

const EN_INVITATION: &str = "Amr Taha is inviting you to a scheduled Zoom meeting.

Topic: Workshop on the GCM in the framework of the Almaty Process
Time: Dec 5, 2023 10:00 AM Baku

Join Zoom Meeting
https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xWc2NVdE1tT0NlUGpQZz09

Meeting ID: 850 1234 5678
Passcode: 584706

---

One tap mobile
+13462487799,,85012345678#,,,,*584706# US (Houston)

Find your local number: https://us02web.zoom.us/u/kdAbCdEf12
";

const RU_INVITATION: &str = "Канако Мабучи приглашает вас на запланированную конференцию: Zoom.

Тема: Семинар по ГДМ в рамках Алматинского процесса
Время: 5 дек. 2023 10:00 Баку

Подключиться к конференции Zoom
https://us06web.zoom.us/j/81234567890?pwd=aBcDeFgHiJkLmNoPqRsTuVwXyZ012345.1

Идентификатор конференции: 812 3456 7890
Код доступа: 7Hx@2q
";

/// Windows-1251, as Russian Windows saves text (only the characters used here).
fn windows_1251(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            'А'..='я' => (c as u32 - 0x410 + 0xc0) as u8,
            'Ё' => 0xa8,
            'ё' => 0xb8,
            '—' => 0x97,
            c if c.is_ascii() => c as u8,
            c => panic!("{c:?} is not in this Windows-1251 table"),
        })
        .collect()
}

fn utf16(text: &str, little_endian: bool, bom: bool) -> Vec<u8> {
    let unit = |u: u16| if little_endian { u.to_le_bytes() } else { u.to_be_bytes() };
    let mut out = if bom { unit(0xfeff).to_vec() } else { Vec::new() };
    out.extend(text.encode_utf16().flat_map(unit));
    out
}

fn crlf(text: &str) -> String {
    text.replace('\n', "\r\n")
}

/// Invitations, for `gcm-workshop join --invitation FILE` (and the window's paste box): what mail systems do to
/// them (see `shared/facts/zoom-links.md`), attacks, and text that is not an invitation.
#[rustfmt::skip]
pub fn invitations() -> Vec<Case> {
    let b = |s: &str| s.as_bytes().to_vec();
    let ok = |note, ext, bytes: Vec<u8>, url: &str| -> Row {
        (note, ext, bytes, 0, "-".into(), "meeting-saved".into(), url.into())
    };
    let no = |note, ext, bytes: Vec<u8>, code: &str, words: &str| -> Row {
        (note, ext, bytes, 2, "meeting-link".into(), format!("meeting-error-{code}"), words.into())
    };
    let safelink = "https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fus02web.zoom.us%2Fj%2F85012345678%3Fpwd%3DYk5aR0xWc2NVdE1tT0NlUGpQZz09&data=05%7C02%7Cparticipant%40example.org%7C1a2b%7C0%7C0%7C638371234567890123&sdata=abc%2Bdef%3D&reserved=0";
    let big_text = format!("Join: https://zoom.us/j/85012345678\n{}", "Lorem ipsum dolor sit amet. ".repeat(800));
    let over_bytes = format!("Join: https://zoom.us/j/85012345678\n{}", "x".repeat(81_000));
    numbered(vec![
        // Accepted: real invitations and what mail systems do to them.
        ok("the English invitation Zoom writes", "txt", b(EN_INVITATION), FULL),
        ok("the Russian invitation Zoom writes", "txt", b(RU_INVITATION), RU_LINK),
        ok("Windows line ends", "txt", b(&crlf(EN_INVITATION)), FULL),
        ok("a UTF-8 byte-order mark", "txt", [b"\xef\xbb\xbf".as_slice(), EN_INVITATION.as_bytes()].concat(), FULL),
        ok("UTF-16LE with a byte-order mark, as PowerShell 5.1 saves it", "txt", utf16(&crlf(EN_INVITATION), true, true), FULL),
        ok("UTF-16BE with a byte-order mark", "txt", utf16(RU_INVITATION, false, true), RU_LINK),
        ok("the Russian invitation in Windows-1251, as Russian Windows saves it", "txt", windows_1251(RU_INVITATION), RU_LINK),
        ok("Latin-1 accents around the link", "txt", b"R\xe9union de travail\nhttps://zoom.us/j/85012345678\nMot de passe : 584706\n".to_vec(), "https://zoom.us/j/85012345678"),
        ok("Outlook Safe Links around the link", "txt", b(&format!("Join Zoom Meeting\n{safelink}\n\nMeeting ID: 850 1234 5678\nPasscode: 584706\n")), FULL),
        ok("Outlook plain text: the link then its Safe Links copy in angle brackets", "txt", b(&format!("Join Zoom Meeting\n{FULL}<{safelink}>\n")), FULL),
        ok("Proofpoint URL Defense v2", "txt", b("Join: https://urldefense.proofpoint.com/v2/url?u=https-3A__us02web.zoom.us_j_85012345678-3Fpwd-3DYk5aR0xWc2NVdE1tT0NlUGpQZz09&d=DwMFaQ&c=euGZstcaTDllvimEN8b7jXrwqOf-v5A_CdpgnVfiiMM&r=x&m=y&s=z&e=\nMeeting ID: 850 1234 5678\n"), FULL),
        ok("Proofpoint URL Defense v3", "txt", b("Join: https://urldefense.com/v3/__https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xWc2NVdE1tT0NlUGpQZz09__;!!AbCdEfG!xyz123$ \n"), FULL),
        ok("Outlook Safe Links around Proofpoint v2", "txt", b("https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Furldefense.proofpoint.com%2Fv2%2Furl%3Fu%3Dhttps-3A__us02web.zoom.us_j_85012345678-3Fpwd-3DYk5aR0xWc2NVdE1tT0NlUGpQZz09%26d%3Dx&data=05"), FULL),
        ok("a Google Calendar redirect", "txt", b("https://www.google.com/url?q=https://us02web.zoom.us/j/85012345678?pwd%3DYk5aR0xWc2NVdE1tT0NlUGpQZz09&sa=D&source=calendar&usg=AOvVaw1"), FULL),
        ok("Barracuda Link Protection", "txt", b("https://linkprotect.cudasvc.com/url?a=https%3a%2f%2fus02web.zoom.us%2fj%2f85012345678%3fpwd%3dYk5aR0xWc2NVdE1tT0NlUGpQZz09&c=E,1,x&typo=1"), FULL),
        ok("Sophos, the link in base64", "txt", b("https://eu-central-1.protection.sophos.com?d=zoom.us&u=aHR0cHM6Ly91czAyd2ViLnpvb20udXMvai84NTAxMjM0NTY3OA==&i=1&t=2&h=3"), "https://us02web.zoom.us/j/85012345678"),
        ok("Cisco Secure Email", "txt", b("https://secure-web.cisco.com/1AbC-token/https%3A%2F%2Fus02web.zoom.us%2Fj%2F85012345678"), "https://us02web.zoom.us/j/85012345678"),
        ok("a Mimecast link beside the real one", "txt", b("Map: https://protect-eu.mimecast.com/s/AbCdEfGh\nJoin: https://zoom.us/j/85012345678\n"), "https://zoom.us/j/85012345678"),
        ok("the raw source, quoted-printable with a soft break in the token", "eml", b("Content-Type: text/plain; charset=\"UTF-8\"\nContent-Transfer-Encoding: quoted-printable\n\nJoin Zoom Meeting\nhttps://us02web.zoom.us/j/85012345678?pwd=3DYk5aR0xWc2NVdE1tT0NlUGpQ=\nZz09\n\nMeeting ID: 850 1234 5678\nPasscode: 584706\n"), FULL),
        ok("quoted-printable Russian labels and a break in the meeting ID", "eml", b("=D0=9F=D0=BE=D0=B4=D0=BA=D0=BB=D1=8E=D1=87=D0=B8=D1=82=D1=8C=D1=81=D1=8F: https://us02web.zoom.us/j/850=\n12345678?pwd=3DYk5aR0xWc2NVdE1tT0NlUGpQZz09\n=D0=9A=D0=BE=D0=B4 =D0=B4=D0=BE=D1=81=D1=82=D1=83=D0=BF=D0=B0: 584706\n"), FULL),
        ok("an HTML-only invitation with &amp; in the link", "html", b("<html><body><p>Join Zoom Meeting<br><a href=\"https://zoom.us/j/85012345678?pwd=abc.1&amp;uname=Participant\">https://zoom.us/j/85012345678?pwd=abc.1&amp;uname=Participant</a></p><p>Passcode:&nbsp;584706</p></body></html>"), "https://zoom.us/j/85012345678?pwd=abc.1&uname=Participant"),
        ok("HTML, quoted-printable", "eml", b("<a href=3D\"https://zoom.us/j/85012345678?pwd=3Dabc.1&amp;uname=3DA\">Join</a>"), "https://zoom.us/j/85012345678?pwd=abc.1&uname=A"),
        ok("a javascript: link whose text is the Zoom link", "html", b("<a href=\"javascript:alert(document.cookie)\">https://zoom.us/j/85012345678</a>"), "https://zoom.us/j/85012345678"),
        ok("the calendar attachment, folded inside the link", "ics", b("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:GCM workshop\r\nDESCRIPTION:Join Zoom Meeting\\nhttps://us02web.zoom.us/j/8501\r\n 2345678?pwd=Yk5aR0xWc2NVdE1tT0NlUGpQZz09\\n\\nMeeting ID: 850 1234 5678\\nPasscode: 584706\r\nLOCATION:https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xWc2NVdE1tT0NlUGpQZz09\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"), FULL),
        ok("a link in angle brackets wrapped by the mail client", "txt", b("Join: <https://us02web.zoom.us/j/85012345678?\n pwd=Yk5aR0xWc2NVdE1tT0NlUGpQZz09>\n"), FULL),
        ok("a chat preview cut with an ellipsis before the full link", "txt", b(&format!("Join: https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xWc2NV…\n\nJoin Zoom Meeting\n{FULL}\n")), FULL),
        ok("the link in Russian quotes, then a full stop", "txt", b("Ссылка: «https://zoom.us/j/85012345678».\n"), "https://zoom.us/j/85012345678"),
        ok("the link in parentheses, then a comma", "txt", b("(https://zoom.us/j/85012345678?pwd=xY09), see you\n"), "https://zoom.us/j/85012345678?pwd=xY09"),
        ok("a Markdown link", "md", b("[Join the workshop](https://zoom.us/j/85012345678)\n"), "https://zoom.us/j/85012345678"),
        ok("a zero-width space after the link", "txt", b("https://zoom.us/j/85012345678\u{200B} Passcode: 584706\n"), "https://zoom.us/j/85012345678"),
        ok("a right-to-left override after the link", "txt", b("https://zoom.us/j/85012345678\u{202E}\n"), "https://zoom.us/j/85012345678"),
        ok("a soft hyphen a word processor left in the token", "txt", b("Join: https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xWc2NV\u{AD}dE1tT0NlUGpQZz09\n"), FULL),
        ok("no-break spaces in the meeting ID line", "txt", b("Join: https://zoom.us/j/85012345678\nMeeting\u{A0}ID:\u{A0}850\u{A0}1234\u{A0}5678\nPassword: abc123.\n"), "https://zoom.us/j/85012345678"),
        ok("full-width digits in the meeting ID line", "txt", b("Meeting ID: ８５０ １２３４ ５６７８ https://zoom.us/j/85012345678\n"), "https://zoom.us/j/85012345678"),
        ok("the host in capitals", "txt", b("https://US02WEB.Zoom.US/j/85012345678"), "https://US02WEB.Zoom.US/j/85012345678"),
        ok("a link printed without https://, as on a poster", "txt", b("Zoom: us02web.zoom.us/j/85012345678\n"), "https://us02web.zoom.us/j/85012345678"),
        ok("Zoom for Government", "txt", b("https://agency.zoomgov.com/j/1612345678?pwd=T3dQ09"), "https://agency.zoomgov.com/j/1612345678?pwd=T3dQ09"),
        ok("an account's zoom.com vanity host", "txt", b("https://examplecompany.zoom.com/j/85012345678?pwd=Yk5a.1"), "https://examplecompany.zoom.com/j/85012345678?pwd=Yk5a.1"),
        ok("a webinar link", "txt", b("Webinar ID: 850-1234-5678 https://us06web.zoom.us/w/85012345678?tk=abc.DEF-123&pwd=QWERTY.1 пароль: 9911\n"), "https://us06web.zoom.us/w/85012345678?tk=abc.DEF-123&pwd=QWERTY.1"),
        ok("a personal meeting room (saved, with a warning)", "txt", b("https://zoom.us/my/jane.doe"), "https://zoom.us/my/jane.doe"),
        ok("the host's start link beside the join link", "txt", b("Start: https://zoom.us/s/85012345678?zak=eyJ0eXAi\nJoin: https://zoom.us/j/85012345678?pwd=q.1\n"), "https://zoom.us/j/85012345678?pwd=q.1"),
        ok("the link twice, the second with the token", "txt", b("https://zoom.us/j/85012345678 again https://zoom.us/j/85012345678?pwd=late09"), "https://zoom.us/j/85012345678?pwd=late09"),
        ok("a whole e-mail with headers and a signature", "eml", b(&format!("From: \"Almaty Process Secretariat\" <secretariat@example.org>\nTo: participants@example.org\nSubject: Invitation: GCM workshop, 5 December\nDate: Mon, 27 Nov 2023 09:12:44 +0000\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\nDear colleagues,\n\n{EN_INVITATION}\nBest regards,\nThe Secretariat\nhttps://www.iom.int/almaty-process\n")), FULL),
        ok("a multipart e-mail, plain and HTML parts", "eml", b(&format!("MIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=\"b1\"\n\n--b1\nContent-Type: text/plain; charset=utf-8\n\nJoin: {FULL}\n\n--b1\nContent-Type: text/html; charset=utf-8\n\n<a href=\"{FULL}\">Join</a>\n--b1--\n")), FULL),
        ok("the link with a tab and trailing spaces", "txt", b("\tJoin:\thttps://zoom.us/j/85012345678   \n"), "https://zoom.us/j/85012345678"),
        ok("a link hard-wrapped at 76 columns without brackets", "txt", b("Join: https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xWc2NVdE1tT0NlUGpQ\nZz09\n"), "https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xWc2NVdE1tT0NlUGpQ"),
        ok("a phishing link's text is the real Zoom link", "html", b("<a href=\"https://evil.example/j/85012345678\">https://zoom.us/j/85012345678</a>"), "https://zoom.us/j/85012345678"),
        ok("just under the length limit", "txt", b(&format!("https://zoom.us/j/85012345678 {}", "x".repeat(20_000 - 30))), "https://zoom.us/j/85012345678"),
        // Refused: nothing usable, said why.
        no("an empty file", "txt", Vec::new(), "empty", "the text is empty"),
        no("only spaces and line ends", "txt", b("  \n\t \u{A0}\r\n"), "empty", "the text is empty"),
        no("a NUL byte in the text", "txt", b("Join\0 https://zoom.us/j/85012345678"), "not-text", "binary data"),
        no("a PNG image", "png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\x1f\xf3\xffa\0\0\0\x19tEXtSoftware\0https://zoom.us/j/85012345678".to_vec(), "not-text", "binary data"),
        no("a .docx (a zip) instead of its text", "docx", b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0\xdf\xa4\xd2lZ\x01\0\0 \x05\0\0\x13\0\x08\x02[Content_Types].xml \xa2\x04\x02(\xa0\0\x02\0\0\0\0\0\0https://zoom.us/j/85012345678".to_vec(), "not-text", "binary data"),
        no("UTF-16 without a byte-order mark", "txt", utf16("https://zoom.us/j/85012345678\n", true, false), "not-text", "binary data"),
        no("UTF-16 with a byte-order mark, cut in the middle of a character", "txt", utf16("https://zoom.us/j/85012345678", true, true)[..41].to_vec(), "not-text", "binary data"),
        no("only the meeting ID and passcode, no link", "txt", b("Meeting ID: 850 1234 5678\nPasscode: 584706\n"), "no-link", "no zoom link"),
        no("an ordinary e-mail without a link", "txt", b("Dear colleagues,\n\nPlease find the programme attached.\nhttps://www.un.org/en/migration\n"), "no-link", "no zoom link"),
        no("one word", "txt", b("hello"), "no-link", "no zoom link"),
        no("a MIME body in base64 that hides the link", "eml", b("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\nSm9pbjogaHR0cHM6Ly96b29tLnVzL2ovODUwMTIzNDU2Nzg=\n"), "no-link", "no zoom link"),
        no("a look-alike host: zoom.us.evil.example", "txt", b("Join Zoom Meeting\nhttps://zoom.us.evil.example/j/85012345678\n"), "not-zoom-host", "zoom.us.evil.example"),
        no("user info before the host: zoom.us@evil.example", "txt", b("https://zoom.us@evil.example/j/1234567890"), "not-zoom-host", "evil.example"),
        no("a user name and password", "txt", b("https://user:pass@zoom.us/j/85012345678"), "credentials", "user name or password"),
        no("an IDN homograph with a Cyrillic o", "txt", b("https://zоom.us/j/85012345678"), "not-zoom-host", "xn--zom-sed.us"),
        no("a punycode host", "txt", b("https://xn--zom-sed.us/j/85012345678"), "not-zoom-host", "xn--zom-sed.us"),
        no("a full-width dot in the host", "txt", b("https://zoom。us/j/85012345678"), "not-zoom-host", "does not lead to zoom"),
        no("an IP address", "txt", b("https://1.2.3.4/j/85012345678"), "not-zoom-host", "1.2.3.4"),
        no("zoom.us in the path of another host", "txt", b("https://example.com/zoom.us/j/85012345678"), "not-zoom-host", "example.com"),
        no("a javascript: link", "txt", b("javascript:alert(1)"), "not-https", "not an https link"),
        no("a javascript: link dressed as Zoom", "txt", b("javascript://zoom.us/%0Aalert(1)"), "not-https", "not an https link"),
        no("a data: URL", "txt", b("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==//zoom.us/j/85012345678"), "not-https", "not an https link"),
        no("plain http", "txt", b("http://zoom.us/j/85012345678"), "not-https", "not an https link"),
        no("a file: link", "txt", b("file:///C:/zoom.us/j/85012345678"), "not-https", "not an https link"),
        no("the client's zoommtg: link", "txt", b("zoommtg://zoom.us/join?confno=85012345678&pwd=abc"), "not-https", "not an https link"),
        no("a port", "txt", b("https://zoom.us:8443/j/85012345678"), "port", "names a port"),
        no("three slashes", "txt", b("https:///zoom.us/j/85012345678"), "bad-url", "not a well-formed web address"),
        no("a backslash before the at sign", "txt", b("https://zoom.us\\@evil.com/j/85012345678"), "bad-url", "not a well-formed web address"),
        no("only the host's start link", "txt", b("Start: https://zoom.us/s/85012345678?zak=eyJ0eXAiOiJKV1Qi\nSee https://www.un.org/\n"), "start-link", "start link"),
        no("a registration page", "txt", b("Register: https://us06web.zoom.us/webinar/register/WN_abcDEF123\n"), "registration-link", "registration page"),
        no("Zoom's download page", "txt", b("https://zoom.us/download"), "bad-path", "not a zoom meeting"),
        no("a meeting ID of 8 digits", "txt", b("https://zoom.us/j/12345678"), "bad-meeting-id", "not 9 to 11 digits"),
        no("a zero-width space inside the meeting ID", "txt", b("https://zoom.us/j/8501234\u{200B}5678"), "bad-meeting-id", "not 9 to 11 digits"),
        no("Arabic-Indic digits in the meeting ID", "txt", b("https://zoom.us/j/٨٥٠١٢٣٤٥٦٧٨"), "bad-meeting-id", "not 9 to 11 digits"),
        no("a combining accent on the last digit", "txt", b("https://zoom.us/j/85012345678\u{301}"), "bad-meeting-id", "not 9 to 11 digits"),
        no("a personal name with an underscore", "txt", b("https://zoom.us/my/jane_doe"), "bad-personal-name", "personal"),
        no("the meeting ID line disagrees with the link", "txt", b("https://zoom.us/j/85012345678\nMeeting ID: 850 1234 5679\n"), "id-mismatch", "85012345679"),
        no("two days, two meetings", "txt", b("Day 1: https://zoom.us/j/85012345678\nDay 2: https://zoom.us/j/81234567890\n"), "several-meetings", "different meetings"),
        no("two copies of one meeting with different tokens", "txt", b("https://zoom.us/j/85012345678?pwd=abc.1\nhttps://zoom.us/j/85012345678?pwd=xyz.1\n"), "conflicting-links", "different passcode tokens"),
        no("only a copy cut short with an ellipsis", "txt", b("Join: https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xWc2NVdE1tT0Nl…\n"), "truncated-link", "cut short"),
        no("Mimecast hides the link", "txt", b("Join Zoom Meeting\nhttps://protect-eu.mimecast.com/s/AbCdEfGhIjKl?domain=us02web.zoom.us\nMeeting ID: 850 1234 5678\n"), "rewritten-link", "Mimecast"),
        no("Barracuda without the link", "txt", b("https://linkprotect.cudasvc.com/url?c=E,1,xyz"), "rewritten-link", "Barracuda"),
        no("Proofpoint wrapping another host", "txt", b("https://urldefense.com/v3/__https://evil.example/j/85012345678__;!!AbC$"), "not-zoom-host", "evil.example"),
        no("a Google redirect to another host", "txt", b("https://www.google.com/url?q=https://evil.example/j/85012345678&sa=D"), "not-zoom-host", "evil.example"),
        no("an HTML link to a look-alike host", "html", b("<a href=\"https://zoom.us.evil.example/j/85012345678\">Join Zoom Meeting</a>"), "not-zoom-host", "zoom.us.evil.example"),
        no("a right-to-left override inside the host", "txt", b("https://zoom.\u{202E}su/j/85012345678"), "not-zoom-host", "its host zoom is not"),
        no("over 20,000 characters", "txt", b(&big_text), "too-long", "at most 20000"),
        no("over 80,000 bytes, refused unread", "txt", b(&over_bytes), "too-long", "longer than 80000 bytes"),
    ])
}

/// Settings files as they are found on disk: for any command (`gcm-workshop agenda`), the file is read, or set
/// aside as `settings.corrupt-<time>.json` with its bytes as they were and a notice.
#[rustfmt::skip]
pub fn settings() -> Vec<Case> {
    let b = |s: &str| s.as_bytes().to_vec();
    let read = |note, bytes: Vec<u8>, words: &str| -> Row { (note, "json", bytes, 0, "-".into(), "-".into(), words.into()) };
    let aside = |note, bytes: Vec<u8>, words: &str| -> Row {
        (note, "json", bytes, 0, "-".into(), "notice-settings-reset".into(), words.into())
    };
    let ru = r#"{"language": "ru"}"#;
    let many_events: String = (0..700).map(|i| format!("\"event-{i:04}\": {{\"reminders\": {{\"enabled\": true, \"minutes\": 15}}}}")).collect::<Vec<_>>().join(",\n    ");
    let many_events = format!("{{\n  \"events\": {{\n    {many_events}\n  }}\n}}\n");
    numbered(vec![
        // Read: what the app itself writes, and what editors and people do to it that still means the same.
        read("empty", Vec::new(), "-"),
        read("only a line end", b("\n"), "-"),
        read("an empty object", b("{}"), "-"),
        read("Russian chosen", b(ru), "Открытие"),
        read("Windows line ends", b("{\r\n  \"language\": \"ru\"\r\n}\r\n"), "Открытие"),
        read("a UTF-8 byte-order mark", [b"\xef\xbb\xbf".as_slice(), ru.as_bytes()].concat(), "Открытие"),
        read("two UTF-8 byte-order marks", [b"\xef\xbb\xbf\xef\xbb\xbf".as_slice(), ru.as_bytes()].concat(), "Открытие"),
        read("UTF-16LE with a byte-order mark, as PowerShell 5.1 saves it", utf16(ru, true, true), "Открытие"),
        read("UTF-16BE with a byte-order mark", utf16(ru, false, true), "Открытие"),
        read("UTF-32LE with a byte-order mark", [0xff, 0xfe, 0, 0].into_iter().chain(ru.chars().flat_map(|c| (c as u32).to_le_bytes())).collect(), "Открытие"),
        read("a key given twice: the last one counts", b(r#"{"language": "en", "language": "ru"}"#), "Открытие"),
        read("a zone chosen", b(r#"{"timezone": "Asia/Almaty"}"#), "Asia/Almaty (UTC+6)"),
                read("an event that is not installed", b(r#"{"event": "rtcm-2030-01-01", "language": "en"}"#), "Opening"),
        read("settings of events that are not installed", b(r#"{"events": {"rtcm-2030-01-01": {"meeting": "https://zoom.us/j/123456789"}}, "language": "en"}"#), "Opening"),
        read("the meeting link of an older file", b(r#"{"meeting": "https://zoom.us/j/85012345678", "passcode": "584706", "language": "en"}"#), "Opening"),
        read("a text size between steps", b(r#"{"text_scale": 85, "language": "en"}"#), "Opening"),
        read("a window far off screen", b(r#"{"window": {"width": 1, "height": 1, "x": -2147483648, "y": 2147483647}, "language": "en"}"#), "Opening"),
        read("700 events, under the size limit", b(&many_events), "-"),
        // Set aside: bytes kept as they were, defaults used, the participant told once.
        aside("JSON cut short", b(r#"{"language": "ru", "timezone": "Asia/Alm"#), "EOF while parsing"),
        aside("a language that is a number", b(r#"{"language": 1}"#), "invalid type"),
        aside("a language the app does not have", b(r#"{"language": "fr"}"#), "unknown variant `fr`"),
        aside("a language in capitals", b(r#"{"language": "RU"}"#), "unknown variant `RU`"),
        aside("a text size that is text", b(r#"{"text_scale": "150%"}"#), "invalid type"),
        aside("a number too large for a double", b(r#"{"text_scale": 1e400}"#), "number out of range"),
        aside("a number too large for the field", b(r#"{"text_scale": 99999999999999999999}"#), "expected u32"),
        aside("a negative text size", b(r#"{"text_scale": -100}"#), "expected u32"),
        aside("a text size out of range", b(r#"{"text_scale": 500}"#), "text size 500% is out of range"),
        aside("a window wider than a u32", b(r#"{"window": {"width": 4294967296, "height": 600, "x": 0, "y": 0}}"#), "expected u32"),
        aside("a zone that is not IANA", b(r#"{"timezone": "UTC+99"}"#), "unknown time zone \"UTC+99\""),
        aside("a zone that is a path", b(r#"{"timezone": "../../etc/passwd"}"#), "unknown time zone \"../../etc/passwd\""),
        aside("an old zone name, which --tz takes", b(r#"{"timezone": "Asia/Alma-Ata"}"#), "unknown time zone \"Asia/Alma-Ata\""),
        aside("an empty zone", b(r#"{"timezone": ""}"#), "unknown time zone \"\""),
        aside("a colour scheme the app does not have", b(r#"{"theme": "purple"}"#), "unknown variant `purple`"),
        aside("reminders 7 minutes before", b(r#"{"events": {"gcm-almaty-process-2023-12-05": {"reminders": {"enabled": true, "minutes": 7}}}}"#), "reminder time 7"),
        aside("a saved link to a look-alike host", b(r#"{"events": {"gcm-almaty-process-2023-12-05": {"meeting": "https://zoom.us.evil.example/j/85012345678"}}}"#), "saved meeting link is not valid"),
        aside("a saved javascript: link", b(r#"{"meeting": "javascript:alert(1)"}"#), "saved meeting link is not valid"),
        aside("an event id that is a path", b(r#"{"event": "../../etc"}"#), "event id \"../../etc\" in settings is not valid"),
        aside("an empty event id", b(r#"{"events": {"": {}}}"#), "event id \"\" in settings is not valid"),
        aside("a field the app does not know", b(r#"{"language": "ru", "autoupdate": true}"#), "unknown field `autoupdate`"),
        aside("a JSON array", b("[]"), "expected a JSON object"),
        aside("null", b("null"), "expected a JSON object"),
        aside("a string", b(r#""settings""#), "expected a JSON object"),
        aside("a number", b("42"), "expected a JSON object"),
        aside("two objects one after the other", b("{}{}"), "trailing characters"),
        aside("a trailing comma", b(r#"{"language": "ru",}"#), "trailing comma"),
        aside("a comment", b("// my settings\n{\"language\": \"ru\"}"), "expected value"),
        aside("single quotes", b("{'language': 'ru'}"), "key must be a string"),
        aside("NaN", b(r#"{"text_scale": NaN}"#), "expected value"),
        aside("a NUL byte inside a string", b("{\"language\": \"r\0u\"}"), "control character"),
        aside("a lone surrogate escape", b(r#"{"timezone": "\ud800"}"#), "unexpected end of hex escape"),
        aside("not UTF-8", b"{\"language\": \"\xff\xfe\"}".to_vec(), "not UTF-8 text"),
        aside("UTF-16 of odd length", [0xff, 0xfe, b'{', 0, b'}'].to_vec(), "not UTF-16 text"),
        aside("UTF-16 with an unpaired surrogate", [0xff, 0xfe, b'{', 0, 0x00, 0xd8, b'}', 0].to_vec(), "not UTF-16 text"),
        aside("nested 200 deep: over the parser's limit", b(&format!("{{\"window\": {}{}}}", "[".repeat(200), "]".repeat(200))), "recursion limit exceeded"),
        aside("60,000 brackets", b(&"[".repeat(60_000)), "recursion limit exceeded"),
        aside("an invitation saved as settings", b(EN_INVITATION), "expected value"),
        aside("a zone name of 50,000 letters", b(&format!("{{\"timezone\": \"{}\"}}", "A".repeat(50_000))), "unknown time zone"),
        aside("just over 64 KiB, set aside unread", b(&format!("{}{{\"language\": \"ru\"}}", " ".repeat(65_536))), "larger than settings ever are"),
    ])
}

/// Command lines: one argument per line of an `.args` file, escaped as `args/README.md` says (`\xHH` a byte,
/// `\n` a line end, `\\` a backslash) with `{tmp}`, `{file}`, `{workspace}`, `{corpus}` and `{lang}` filled in by
/// the test.
#[rustfmt::skip]
pub fn args() -> Vec<Case> {
    let a = |lines: &[&str]| -> Vec<u8> { lines.iter().map(|l| format!("{l}\n")).collect::<String>().into_bytes() };
    let ok = |note, lines: &[&str], words: &str| -> Row { (note, "args", a(lines), 0, "-".into(), "-".into(), words.into()) };
    // Not refused, but the participant reads `message` all the same.
    let said = |note, lines: &[&str], message: &str, words: &str| -> Row {
        (note, "args", a(lines), 0, "-".into(), message.into(), words.into())
    };
    let no = |note, lines: &[&str], exit: i32, kind: &str, words: &str| -> Row {
        (note, "args", a(lines), exit, kind.into(), format!("error-{kind}"), words.into())
    };
    let pack = |note, lines: &[&str], code: &str, words: &str| -> Row {
        (note, "args", a(lines), 2, "pack".into(), format!("pack-error-{code}"), words.into())
    };
    let meeting = |note, lines: &[&str], code: &str, words: &str| -> Row {
        (note, "args", a(lines), 2, "meeting-link".into(), format!("meeting-error-{code}"), words.into())
    };
    let window = |note, lines: &[&str]| -> Row {
        (note, "args", a(lines), 1, "-".into(), "window-no-display".into(), "no display".into())
    };
    let during = "2023-12-05T10:41:00+04:00";
    let long_zone = "Europe/".to_owned() + &"x".repeat(10_000);
    let long_name = format!("{{tmp}}/{}.ics", "a".repeat(300));
    let long_query = "migration ".repeat(6_000);
    let place_query = "Алматы ".repeat(500);
    let builtin = "{workspace}/packs/gcm-almaty-process-2023";
    numbered(vec![
        // --now
        no("--now not a time", &["agenda", "--now", "garbage"], 2, "invalid-now", "invalid time \"garbage\""),
        no("--now with a space for the T", &["agenda", "--now", "2023-12-05 10:41"], 2, "invalid-now", "expected RFC 3339"),
        no("--now empty", &["agenda", "--now", ""], 2, "invalid-now", "invalid time \"\""),
        no("--now a date alone", &["agenda", "--now", "2023-12-05"], 2, "invalid-now", "invalid time"),
        no("--now 30 February", &["agenda", "--now", "2023-02-30T10:00:00Z"], 2, "invalid-now", "invalid time"),
        no("--now in the year 99999", &["agenda", "--now", "99999-01-01T00:00:00Z"], 2, "invalid-now", "invalid time"),
        no("--now an offset of 99 hours", &["agenda", "--now", "2023-12-05T10:41:00+99:00"], 2, "invalid-now", "out of range"),
        no("--now a Unix time", &["agenda", "--now", "1701758460"], 2, "invalid-now", "invalid time"),
        ok("--now in the year 0", &["agenda", "--tz", "UTC", "--lang", "en", "--now", "0000-01-01T00:00:00Z"], "Opening"),
        ok("--now a leap second", &["agenda", "--tz", "UTC", "--lang", "en", "--now", "2016-12-31T23:59:60Z"], "Opening"),
        ok("--now an offset of 23:59", &["agenda", "--tz", "UTC", "--lang", "en", "--now", "2023-12-05T10:41:00+23:59"], "Opening"),
        no("--now not UTF-8", &["agenda", "--now", "2023-12-05T10:41:00\\xff"], 2, "usage", "invalid UTF-8"),
        // --tz
        no("--tz unknown", &["agenda", "--tz", "Mars/Base", "--now", during], 2, "unknown-zone", "unknown time zone \"Mars/Base\""),
        no("--tz empty", &["agenda", "--tz", "", "--now", during], 2, "unknown-zone", "unknown time zone \"\""),
        no("--tz a path", &["agenda", "--tz", "../../etc/passwd", "--now", during], 2, "unknown-zone", "unknown time zone \"../../etc/passwd\""),
        no("--tz UTC+99", &["agenda", "--tz", "UTC+99", "--now", during], 2, "unknown-zone", "unknown time zone \"UTC+99\""),
        no("--tz an offset", &["agenda", "--tz", "+04:00", "--now", during], 2, "unknown-zone", "unknown time zone \"+04:00\""),
        ok("--tz a line end after the zone", &["agenda", "--tz", "Asia/Almaty\\n", "--lang", "en", "--now", during], "Asia/Almaty (UTC+6)"),
        no("--tz 10,000 letters", &["agenda", "--tz", &long_zone, "--now", during], 2, "unknown-zone", "unknown time zone"),
        no("--tz a country with several zones", &["agenda", "--tz", "Kazakhstan", "--now", during], 2, "ambiguous-zone", "names more than one time zone"),
        no("--tz not UTF-8", &["agenda", "--tz", "Asia/\\xc0\\xaf", "--now", during], 2, "usage", "invalid UTF-8"),
        ok("--tz in small letters", &["agenda", "--tz", "asia/almaty", "--lang", "en", "--now", during], "Asia/Almaty (UTC+6)"),
        ok("--tz a city in Russian", &["agenda", "--tz", "Бишкек", "--lang", "en", "--now", during], "Asia/Bishkek (UTC+6)"),
        // --lang, --event
        no("--lang unknown", &["agenda", "--lang", "xx"], 2, "unknown-language", "unknown language \"xx\""),
        no("--lang empty", &["search", "migration", "--lang", ""], 2, "unknown-language", "unknown language \"\""),
        ok("--lang before the subcommand", &["--lang", "ru", "agenda", "--tz", "UTC", "--now", during], "Открытие"),
        no("--lang without a command", &["--lang", "{lang}"], 2, "usage", "--lang is for the commands"),
        no("--lang and an option no command has", &["--lang", "{lang}", "agenda", "--frobnicate"], 2, "usage", "unexpected argument '--frobnicate'"),
        ok("--lang in capitals", &["agenda", "--lang", "RU", "--tz", "UTC", "--now", during], "Открытие"),
        no("--event unknown", &["--event", "rtcm-2030-01-01", "agenda"], 2, "unknown-event", "no installed event has the id \"rtcm-2030-01-01\""),
        no("--event empty", &["agenda", "--event", ""], 2, "unknown-event", "no installed event has the id \"\""),
        no("--event a path", &["agenda", "--event", "../../../etc/passwd"], 2, "unknown-event", "../../../etc/passwd"),
        // calendar --out to odd places
        no("--out /dev/full", &["calendar", "--out", "/dev/full"], 1, "calendar", "No space left on device"),
        no("--out a /proc file", &["calendar", "--out", "/proc/version"], 1, "calendar", "could not write /proc/version"),
        no("--out a folder under /proc that cannot be made", &["calendar", "--out", "/proc/self/x/y.ics"], 1, "calendar", "could not write /proc/self/x/y.ics"),
        no("--out inside a file", &["calendar", "--out", "{file}/x.ics"], 1, "calendar", "could not write"),
        no("--out a folder", &["calendar", "--out", "{tmp}"], 1, "calendar", "Is a directory"),
        no("--out a name of 300 letters", &["calendar", "--out", &long_name], 1, "calendar", "File name too long"),
        no("--out empty", &["calendar", "--out", ""], 2, "usage", "a value is required for '--out <FILE>'"),
        ok("--out a name that is not UTF-8", &["calendar", "--out", "{tmp}/\\xff\\xfe.ics"], "saved"),
        ok("--out /dev/null", &["calendar", "--out", "/dev/null"], "saved /dev/null"),
        no("calendar --item unknown", &["calendar", "--item", "session-9"], 2, "unknown-item", "unknown agenda item \"session-9\""),
        no("calendar --item empty", &["calendar", "--item", ""], 2, "unknown-item", "unknown agenda item \"\""),
        // search and zones
        ok("search 60,000 characters", &["search", &long_query, "--lang", "en"], "-"),
        said("search an empty query", &["search", ""], "search-too-short", "nothing searched"),
        said("search what looks like a pattern", &["search", ".*[(\\\\"], "search-status-none", "nothing found"),
        no("search not UTF-8", &["search", "\\xd0", "--lang", "{lang}"], 2, "usage", "invalid UTF-8"),
        no("search without a query", &["search"], 2, "usage", "required arguments were not provided"),
        ok("zones a long query", &["zones", &place_query, "--lang", "ru"], "-"),
        ok("zones UTC+99", &["zones", "UTC+99"], "-"),
        ok("zones right-to-left marks", &["zones", "\u{202E}ytamlA\u{202C}"], "-"),
        no("zones not UTF-8", &["zones", "\\xff"], 2, "usage", "invalid UTF-8"),
        // files that are not what they say
        pack("open /dev/zero", &["open", "/dev/zero"], "too-large", "the pack file is over the limit"),
        pack("open /dev/null", &["open", "/dev/null"], "not-a-pack", "empty"),
        pack("open a folder", &["open", "{tmp}"], "unreadable", "it is a folder"),
        pack("open a file that is not there", &["open", "{tmp}/no-such.gcmpack"], "not-found", "file not found"),
        pack("pack check /dev/zero", &["pack", "check", "/dev/zero"], "too-large", "the pack file is over the limit"),
        (
            "pack build signed with /dev/zero",
            "args",
            a(&["pack", "build", builtin, "--out", "{tmp}/", "--sign", "/dev/zero"]),
            2,
            "-".into(),
            "pack-sign-not-a-key".into(),
            "not a minisign secret key".into(),
        ),
        pack("trust add /dev/zero", &["trust", "add", "/dev/zero"], "bad-key", "too large for a key"),
        pack("trust add /dev/null", &["trust", "add", "/dev/null"], "bad-key", "-"),
        pack("trust add a pack instead of a key", &["trust", "add", "{corpus}/packs/05-unsigned.gcmpack"], "bad-key", "-"),
        meeting("join --invitation /dev/zero", &["join", "--invitation", "/dev/zero"], "too-long", "longer than 80000 bytes"),
        meeting("join --invitation /dev/null", &["join", "--invitation", "/dev/null"], "empty", "the text is empty"),
        no("join --invitation a folder", &["join", "--invitation", "{tmp}"], 2, "invitation-unreadable", "Is a directory"),
        no("join --invitation a name that is not UTF-8", &["join", "--invitation", "{tmp}/\\xff.txt"], 2, "invitation-unreadable", "No such file"),
        no("join --invitation /proc/self/mem", &["join", "--invitation", "/proc/self/mem"], 2, "invitation-unreadable", "Input/output error"),
        // what is not a command line at all
        no("a subcommand mistyped", &["agend"], 2, "usage", "\"agend\" is neither a subcommand nor an event pack"),
        no("an option mistyped", &["agenda", "--frobnicate"], 2, "usage", "unexpected argument '--frobnicate'"),
        no("a stray argument", &["agenda", "extra"], 2, "usage", "unexpected argument 'extra'"),
        no("a short option that does not exist", &["-x"], 2, "usage", "unexpected argument '-x'"),
        no("a pack and a subcommand", &["x.gcmpack", "agenda"], 2, "usage", "cannot be given with a subcommand"),
        no("a subcommand not UTF-8", &["\\xff\\xfe"], 2, "usage", "neither a subcommand nor an event pack"),
        no("pack without what to do", &["pack"], 2, "usage", "Usage: gcm-workshop pack"),
        pack("a pack that is not there, alone", &["{tmp}/nothere.gcmpack"], "not-found", "file not found"),
        window("no arguments: the window, and no display", &[]),
        window("a pack alone: the window, and no display", &["{corpus}/packs/05-unsigned.gcmpack"]),
    ])
}
