//! The invitation parser's tables: one `check(input, expect)` row per shape of input.

use super::*;

/// `ok <kind> host=… [id=…] [pwd=…] [passcode=…] url=…` or `err <code>`.
fn render(result: Result<MeetingLink, LinkError>) -> String {
    match result {
        Ok(link) => {
            let mut out =
                format!("ok {} host={}", serde_json::to_value(link.kind).unwrap().as_str().unwrap(), link.host);
            if let Some(id) = &link.meeting_id {
                out += &format!(" id={id}");
            }
            if let Some(pwd) = &link.pwd {
                out += &format!(" pwd={pwd}");
            }
            if let Some(passcode) = &link.passcode {
                out += &format!(" passcode={passcode}");
            }
            out + &format!(" url={}", link.url)
        }
        Err(e) => format!("err {}", e.code()),
    }
}

/// Checks `parse_invitation`, and that every link it accepts passes `validate_link` unchanged (the shell
/// saves `url` and re-validates it on load).
#[track_caller]
fn check(input: &str, expect: &str) {
    let result = parse_invitation(input);
    if let Ok(link) = &result {
        let again = validate_link(&link.url).expect("an accepted link must pass validate_link");
        assert_eq!(again, MeetingLink { passcode: None, ..link.clone() });
    }
    assert_eq!(render(result), expect, "input: {input:?}");
}

#[track_caller]
fn check_strict(input: &str, expect: &str) {
    assert_eq!(render(validate_link(input)), expect, "input: {input:?}");
}

const EN_INVITATION: &str = r#"Amr Taha is inviting you to a scheduled Zoom meeting.

Topic: GCM Regional Review - Almaty Process workshop
Time: May 15, 2025 10:00 AM Baku

Join Zoom Meeting
https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xWc2NVdE1tT0NlUGpQZz09

Meeting ID: 850 1234 5678
Passcode: 584706

---

One tap mobile
+13462487799,,85012345678#,,,,*584706# US (Houston)

---

Dial by your location
• +1 346 248 7799 US (Houston)

Meeting ID: 850 1234 5678
Passcode: 584706

Find your local number: https://us02web.zoom.us/u/kdAbCdEf12

Join by SIP
• 85012345678@zoomcrc.com
"#;

const RU_INVITATION: &str = r#"Канако Мабучи приглашает вас на запланированную конференцию: Zoom.

Тема: Региональный обзор ГДМ — Алматинский процесс
Время: 15 мая 2025 10:00 Баку

Подключиться к конференции Zoom
https://us06web.zoom.us/j/81234567890?pwd=aBcDeFgHiJkLmNoPqRsTuVwXyZ012345.1

Идентификатор конференции: 812 3456 7890
Код доступа: 7Hx@2q

---

Быстрое подключение с мобильного устройства
+74993506604,,81234567890#,,,,*123456# Российская Федерация
"#;

#[test]
#[rustfmt::skip]
fn accepts_real_world_links() {
    check("https://zoom.us/j/85012345678", "ok meeting host=zoom.us id=85012345678 url=https://zoom.us/j/85012345678");
    check("https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xWc2NVdE1tT0NlUGpQZz09", "ok meeting host=us02web.zoom.us id=85012345678 pwd=Yk5aR0xWc2NVdE1tT0NlUGpQZz09 url=https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xWc2NVdE1tT0NlUGpQZz09");
    check("https://us06web.zoom.us/j/81234567890?pwd=aBcDeFgHiJkLmNoPqRsTuVwXyZ012345.1", "ok meeting host=us06web.zoom.us id=81234567890 pwd=aBcDeFgHiJkLmNoPqRsTuVwXyZ012345.1 url=https://us06web.zoom.us/j/81234567890?pwd=aBcDeFgHiJkLmNoPqRsTuVwXyZ012345.1");
    check("https://un.zoom.us/j/9876543210?pwd=Ab-Cd_Ef%2BGh%3D.1", "ok meeting host=un.zoom.us id=9876543210 pwd=Ab-Cd_Ef%2BGh%3D.1 url=https://un.zoom.us/j/9876543210?pwd=Ab-Cd_Ef%2BGh%3D.1");
    check("https://zoom.us/j/123456789?from=addon&pwd=x.1&uname=A", "ok meeting host=zoom.us id=123456789 pwd=x.1 url=https://zoom.us/j/123456789?from=addon&pwd=x.1&uname=A");
    check("https://zoomgov.com/j/1601234567?pwd=T3dQ09", "ok meeting host=zoomgov.com id=1601234567 pwd=T3dQ09 url=https://zoomgov.com/j/1601234567?pwd=T3dQ09");
    check("https://agency.zoomgov.com/j/1612345678", "ok meeting host=agency.zoomgov.com id=1612345678 url=https://agency.zoomgov.com/j/1612345678");
    check("https://us06web.zoom.us/w/85012345678?tk=abc.DEF-123&pwd=QWERTY.1", "ok webinar host=us06web.zoom.us id=85012345678 pwd=QWERTY.1 url=https://us06web.zoom.us/w/85012345678?tk=abc.DEF-123&pwd=QWERTY.1");
    check("https://zoom.us/my/jane.doe", "ok personal host=zoom.us url=https://zoom.us/my/jane.doe");
    check("https://US02WEB.Zoom.US/j/85012345678", "ok meeting host=us02web.zoom.us id=85012345678 url=https://US02WEB.Zoom.US/j/85012345678");
    check("HTTPS://zoom.us/j/85012345678", "ok meeting host=zoom.us id=85012345678 url=HTTPS://zoom.us/j/85012345678");
    check("https://zoom.us/j/85012345678/", "ok meeting host=zoom.us id=85012345678 url=https://zoom.us/j/85012345678/");
    check("https://zoom.us/j/85012345678#success", "ok meeting host=zoom.us id=85012345678 url=https://zoom.us/j/85012345678#success");
    check("https://zoom.us/j/85012345678?pwd=", "ok meeting host=zoom.us id=85012345678 url=https://zoom.us/j/85012345678?pwd=");
    check("  https://zoom.us/j/85012345678  \n", "ok meeting host=zoom.us id=85012345678 url=https://zoom.us/j/85012345678");
    check("zoom.us/j/85012345678", "ok meeting host=zoom.us id=85012345678 url=https://zoom.us/j/85012345678");
}

#[test]
#[rustfmt::skip]
fn unwraps_what_mail_puts_around_links() {
    check("<https://us02web.zoom.us/j/85012345678?pwd=abc.1>", "ok meeting host=us02web.zoom.us id=85012345678 pwd=abc.1 url=https://us02web.zoom.us/j/85012345678?pwd=abc.1");
    check("Join here: https://zoom.us/j/85012345678?pwd=abc.1.", "ok meeting host=zoom.us id=85012345678 pwd=abc.1 url=https://zoom.us/j/85012345678?pwd=abc.1");
    check("(https://zoom.us/j/85012345678?pwd=xY09),", "ok meeting host=zoom.us id=85012345678 pwd=xY09 url=https://zoom.us/j/85012345678?pwd=xY09");
    check("«https://zoom.us/j/85012345678»", "ok meeting host=zoom.us id=85012345678 url=https://zoom.us/j/85012345678");
    check("\"https://zoom.us/j/85012345678?pwd=abc.1\"!", "ok meeting host=zoom.us id=85012345678 pwd=abc.1 url=https://zoom.us/j/85012345678?pwd=abc.1");
    check("'https://zoom.us/j/85012345678';", "ok meeting host=zoom.us id=85012345678 url=https://zoom.us/j/85012345678");
    check("Link:https://zoom.us/j/85012345678?", "ok meeting host=zoom.us id=85012345678 url=https://zoom.us/j/85012345678");
    check("[Join](https://zoom.us/j/85012345678)", "ok meeting host=zoom.us id=85012345678 url=https://zoom.us/j/85012345678");
    check("🎉 https://zoom.us/j/85012345678 🎉", "ok meeting host=zoom.us id=85012345678 url=https://zoom.us/j/85012345678");
    check("https://zoom.us/j/85012345678\u{202E}", "ok meeting host=zoom.us id=85012345678 url=https://zoom.us/j/85012345678");
    check("https://www.google.com/url?q=https://us02web.zoom.us/j/85012345678?pwd%3DabcDEF.1&sa=D&source=calendar&usg=AOvVaw1", "ok meeting host=us02web.zoom.us id=85012345678 pwd=abcDEF.1 url=https://us02web.zoom.us/j/85012345678?pwd=abcDEF.1");
    check("https://www.google.com/url?q=https%3A%2F%2Fzoom.us%2Fj%2F85012345678%3Fpwd%3Dx-y_z%252B09&sa=D", "ok meeting host=zoom.us id=85012345678 pwd=x-y_z%2B09 url=https://zoom.us/j/85012345678?pwd=x-y_z%2B09");
    check("https://nam02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fus02web.zoom.us%2Fj%2F85012345678%3Fpwd%3DabcDEF.1&data=05%7C01%7C&sdata=xyz&reserved=0", "ok meeting host=us02web.zoom.us id=85012345678 pwd=abcDEF.1 url=https://us02web.zoom.us/j/85012345678?pwd=abcDEF.1");
    check("https://us02web.zoom.us/j/85012345678<https://nam02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fus02web.zoom.us%2Fj%2F85012345678&data=05>", "ok meeting host=us02web.zoom.us id=85012345678 url=https://us02web.zoom.us/j/85012345678");
}

#[test]
#[rustfmt::skip]
fn reads_whole_invitations() {
    check(EN_INVITATION, "ok meeting host=us02web.zoom.us id=85012345678 pwd=Yk5aR0xWc2NVdE1tT0NlUGpQZz09 passcode=584706 url=https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xWc2NVdE1tT0NlUGpQZz09");
    check(RU_INVITATION, "ok meeting host=us06web.zoom.us id=81234567890 pwd=aBcDeFgHiJkLmNoPqRsTuVwXyZ012345.1 passcode=7Hx@2q url=https://us06web.zoom.us/j/81234567890?pwd=aBcDeFgHiJkLmNoPqRsTuVwXyZ012345.1");
    check("Join: https://zoom.us/j/85012345678\nMeeting\u{A0}ID:\u{A0}850\u{A0}1234\u{A0}5678\nPassword: abc123.", "ok meeting host=zoom.us id=85012345678 passcode=abc123 url=https://zoom.us/j/85012345678");
    check("Webinar ID: 850-1234-5678 https://zoom.us/w/85012345678 пароль: 9911", "ok webinar host=zoom.us id=85012345678 passcode=9911 url=https://zoom.us/w/85012345678");
    check("MEETING ID: 850 1234 5678\nPASSCODE : 42\nhttps://zoom.us/j/85012345678", "ok meeting host=zoom.us id=85012345678 passcode=42 url=https://zoom.us/j/85012345678");
    check("https://zoom.us/j/85012345678\nForgot your password? Passcodes are case-sensitive.", "ok meeting host=zoom.us id=85012345678 url=https://zoom.us/j/85012345678");
    check("Passcode: see below\nhttps://zoom.us/j/85012345678", "ok meeting host=zoom.us id=85012345678 url=https://zoom.us/j/85012345678");
    check("Start: https://zoom.us/s/85012345678?zak=abc\nJoin: https://zoom.us/j/85012345678?pwd=q.1", "ok meeting host=zoom.us id=85012345678 pwd=q.1 url=https://zoom.us/j/85012345678?pwd=q.1");
    check("https://zoom.us/j/85012345678 again https://zoom.us/j/85012345678?pwd=late09", "ok meeting host=zoom.us id=85012345678 pwd=late09 url=https://zoom.us/j/85012345678?pwd=late09");
    check("Room: https://zoom.us/my/jane.doe or https://zoom.us/j/85012345678", "ok meeting host=zoom.us id=85012345678 url=https://zoom.us/j/85012345678");
    check("Programme: https://www.un.org/en/migration\nZoom: https://zoom.us/j/85012345678", "ok meeting host=zoom.us id=85012345678 url=https://zoom.us/j/85012345678");
    check("https://zoom.us/my/jane.doe\nMeeting ID: 123 456 7890", "ok personal host=zoom.us url=https://zoom.us/my/jane.doe");
}

/// The full link from the issue's examples, and the meeting it leads to.
const FULL: &str = "https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xWc2NVdE1tT0NlUGpQZz09";
const FULL_OK: &str = "ok meeting host=us02web.zoom.us id=85012345678 pwd=Yk5aR0xWc2NVdE1tT0NlUGpQZz09 url=https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xWc2NVdE1tT0NlUGpQZz09";

/// Issue 9, kind 2: a shortened copy before (or after) the full link.
#[test]
#[rustfmt::skip]
fn the_complete_copy_wins_over_a_shortened_one() {
    check(&format!("Join: https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xWc2NVdE1tT0Nl…\n\nJoin Zoom Meeting\n{FULL}"), FULL_OK);
    check(&format!("Join: https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xWc2NVdE1tT0Nl...\n{FULL}"), FULL_OK);
    check(&format!("{FULL}\nPreview: https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xW…"), FULL_OK);
    // Without an ellipsis, a prefix of a copy of the same meeting is still a shortened copy.
    check(&format!("https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xWc2NV\n{FULL}"), FULL_OK);
    check(&format!("https://us02web.zoom.us/j/85012345678?pwd=\n{FULL}"), FULL_OK);
    // Cut inside the meeting ID: a different "meeting" only in appearance.
    check(&format!("Join: https://us02web.zoom.us/j/8501234567…\n{FULL}"), FULL_OK);
    check(&format!("Join: https://us02web.zoom.us/j/85012345…\n{FULL}"), FULL_OK);
    // Cut before the query, with other parameters after pwd in the full copy.
    check("https://zoom.us/j/85012345678?pwd=ab…\nhttps://zoom.us/j/85012345678?pwd=abcd.1&uname=Guest", "ok meeting host=zoom.us id=85012345678 pwd=abcd.1 url=https://zoom.us/j/85012345678?pwd=abcd.1&uname=Guest");
    // A cut token agrees with the full one even when the parameters are in another order.
    check("https://zoom.us/j/85012345678?from=addon&pwd=ab…\nhttps://zoom.us/j/85012345678?pwd=abcd.1", "ok meeting host=zoom.us id=85012345678 pwd=abcd.1 url=https://zoom.us/j/85012345678?pwd=abcd.1");
    // Only a shortened copy: refused, not saved half.
    check("Join: https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xWc2NVdE1tT0Nl…", "err truncated-link");
    check("Join: https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xWc2NVdE1tT0Nl...", "err truncated-link");
    // A link that ends a sentence is not shortened.
    check("Join here: https://zoom.us/j/85012345678?pwd=abc.1.", "ok meeting host=zoom.us id=85012345678 pwd=abc.1 url=https://zoom.us/j/85012345678?pwd=abc.1");
    // Two real meetings whose IDs are prefixes of each other are still two meetings.
    check("https://zoom.us/j/123456789\nhttps://zoom.us/j/1234567890", "err several-meetings");
}

/// Issue 9, kind 2: copies of one meeting that truly disagree are refused with both shown.
#[test]
#[rustfmt::skip]
fn conflicting_copies_of_one_meeting_are_refused() {
    check("https://zoom.us/j/85012345678?pwd=abc.1\nhttps://zoom.us/j/85012345678?pwd=xyz.1", "err conflicting-links");
    check(&format!("{FULL}\nhttps://us02web.zoom.us/j/85012345678?pwd=Zz09Yk5a"), "err conflicting-links");
    check("https://zoom.us/j/85012345678?pwd=abc…\nhttps://zoom.us/j/85012345678?pwd=xyz.1\nhttps://zoom.us/j/85012345678?pwd=abcd.1", "err conflicting-links");
    // A shortened copy whose start does not match the full link is a conflict, not a preview.
    check(&format!("Join: https://us02web.zoom.us/j/85012345678?pwd=Zz09Yk…\n{FULL}"), "err conflicting-links");
    // Without an ellipsis, a shorter token is another token.
    check("https://zoom.us/j/85012345678?from=addon&pwd=ab\nhttps://zoom.us/j/85012345678?pwd=abcd.1", "err conflicting-links");
    let e = parse_invitation("https://zoom.us/j/85012345678?pwd=abc.1\nhttps://zoom.us/j/85012345678?pwd=xyz.1").unwrap_err();
    assert_eq!(e, LinkError::ConflictingLinks { first: "https://zoom.us/j/85012345678?pwd=abc.1".into(), second: "https://zoom.us/j/85012345678?pwd=xyz.1".into() });
    let l10n = Localizer::embedded();
    for lang in [Lang::En, Lang::Ru] {
        let message = e.localize(&l10n, lang);
        assert!(message.contains("https://zoom.us/j/85012345678?pwd=abc.1") && message.contains("https://zoom.us/j/85012345678?pwd=xyz.1"), "{message}");
    }
}

/// Issue 9, kind 3: "show original" mail sources and HTML copies.
#[test]
#[rustfmt::skip]
fn reads_quoted_printable_and_html_sources() {
    check("Join Zoom Meeting\nhttps://us02web.zoom.us/j/85012345678?pwd=3DYk5aR0xWc2NVdE1tT0NlUGpQ=\nZz09\n\nMeeting ID: 850 1234 5678\nPasscode: 584706\n", &format!("{} passcode=584706 url={FULL}", FULL_OK.rsplit_once(" url=").unwrap().0));
    check("https://us02web.zoom.us/j/85012345678?pwd=3DYk5aR0xWc2NVdE1tT0NlUGpQ=\r\nZz09\r\n", FULL_OK);
    // The soft break falls inside the meeting ID, and the Russian labels are encoded bytes.
    check("=D0=9F=D0=BE=D0=B4=D0=BA=D0=BB=D1=8E=D1=87=D0=B8=D1=82=D1=8C=D1=81=D1=8F: https://us02web.zoom.us/j/850=\n12345678?pwd=3DYk5aR0xWc2NVdE1tT0NlUGpQZz09\n=D0=9A=D0=BE=D0=B4 =D0=B4=D0=BE=D1=81=D1=82=D1=83=D0=BF=D0=B0: 584706", &format!("{} passcode=584706 url={FULL}", FULL_OK.rsplit_once(" url=").unwrap().0));
    // Headers above the body are left alone.
    check("Content-Type: text/plain; charset=\"UTF-8\"\nContent-Transfer-Encoding: quoted-printable\n\nhttps://us02web.zoom.us/j/85012345678?pwd=3DYk5aR0xWc2NVdE1tT0NlUGpQZz09", FULL_OK);
    check("<a href=\"https://zoom.us/j/85012345678?pwd=abc.1&amp;uname=A\">Join</a>", "ok meeting host=zoom.us id=85012345678 pwd=abc.1 url=https://zoom.us/j/85012345678?pwd=abc.1&uname=A");
    check("<a href=3D\"https://zoom.us/j/85012345678?pwd=3Dabc.1&amp;uname=3DA\">Join</a>", "ok meeting host=zoom.us id=85012345678 pwd=abc.1 url=https://zoom.us/j/85012345678?pwd=abc.1&uname=A");
    check("https://zoom.us/j/85012345678?uname=A&amp;pwd=abc.1", "ok meeting host=zoom.us id=85012345678 pwd=abc.1 url=https://zoom.us/j/85012345678?uname=A&pwd=abc.1");
    // A calendar attachment's source: folded inside the link, escapes right after it.
    check("BEGIN:VEVENT\r\nDESCRIPTION:Join Zoom Meeting\\nhttps://us02web.zoom.us/j/8501\r\n 2345678?pwd=Yk5aR0xWc2NVdE1tT0NlUGpQZz09\\n\\nMeeting ID: 850 1234 5678\\nPasscode: 584706\r\nEND:VEVENT", &format!("{} passcode=584706 url={FULL}", FULL_OK.rsplit_once(" url=").unwrap().0));
    // The passcode in an HTML copy ends where its tag starts.
    check("<p>Join: <a href=\"https://zoom.us/j/85012345678?pwd=abc.1&amp;uname=A\">link</a><br>Passcode:&nbsp;584706</p>", "ok meeting host=zoom.us id=85012345678 pwd=abc.1 passcode=584706 url=https://zoom.us/j/85012345678?pwd=abc.1&uname=A");
    check("https://zoom.us/j/85012345678<br>Passcode: 584706</p>", "ok meeting host=zoom.us id=85012345678 passcode=584706 url=https://zoom.us/j/85012345678");
    check("Passcode: 584706<br>\nhttps://zoom.us/j/85012345678", "ok meeting host=zoom.us id=85012345678 passcode=584706 url=https://zoom.us/j/85012345678");
    // A link in angle brackets that the mail client wrapped across lines (RFC 3986 appendix C) is joined again.
    check("Join: <https://us02web.zoom.us/j/85012345678?\n pwd=Yk5aR0xWc2NVdE1tT0NlUGpQZz09>", FULL_OK);
    check("Join: <https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xWc2NV\r\n dE1tT0NlUGpQZz09>\r\n", FULL_OK);
    check("<https://us02web.zoom.us/j/850123\n45678?pwd=Yk5aR0xWc2NVdE1tT0NlUGpQZz09>", FULL_OK);
    // Soft hyphens that a word processor left in a link are invisible and not part of it.
    check("Join: https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xWc2NV\u{AD}dE1tT0NlUGpQZz09", FULL_OK);
    // Plain text that only looks like an encoding is read as it is.
    check("https://zoom.us/j/85012345678?pwd=AB12CD.1", "ok meeting host=zoom.us id=85012345678 pwd=AB12CD.1 url=https://zoom.us/j/85012345678?pwd=AB12CD.1");
}

/// Issue 9, kind 4: links that mail security gateways rewrote.
#[test]
#[rustfmt::skip]
fn unwraps_mail_security_gateways() {
    let abc = "ok meeting host=us02web.zoom.us id=85012345678 pwd=abc url=https://us02web.zoom.us/j/85012345678?pwd=abc";
    check("https://urldefense.com/v3/__https://us02web.zoom.us/j/85012345678?pwd=abc__;!!AbC!xyz$", abc);
    check("Join: https://urldefense.com/v3/__https://us02web.zoom.us/j/85012345678?pwd=abc__;!!AbC!xyz$ \nMeeting ID: 850 1234 5678", abc);
    check("https://urldefense.proofpoint.com/v2/url?u=https-3A__us02web.zoom.us_j_85012345678-3Fpwd-3Dabc&d=DwMFaQ&c=x&r=y&m=z&s=w&e=", abc);
    check("https://urldefense.proofpoint.com/v1/url?u=https%3A%2F%2Fus02web.zoom.us%2Fj%2F85012345678%3Fpwd%3Dabc&k=x", abc);
    check("https://linkprotect.cudasvc.com/url?a=https%3a%2f%2fus02web.zoom.us%2fj%2f85012345678%3fpwd%3dabc&c=E,1,x&typo=1", abc);
    check("https://eu-central-1.protection.sophos.com?d=zoom.us&u=aHR0cHM6Ly91czAyd2ViLnpvb20udXMvai84NTAxMjM0NTY3OD9wd2Q9YWJj&i=1&t=2&h=3", abc);
    check("https://secure-web.cisco.com/1AbC-token/https%3A%2F%2Fus02web.zoom.us%2Fj%2F85012345678%3Fpwd%3Dabc", abc);
    // Nested: Safe Links around Proofpoint v2.
    check("https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Furldefense.proofpoint.com%2Fv2%2Furl%3Fu%3Dhttps-3A__us02web.zoom.us_j_85012345678-3Fpwd-3Dabc%26d%3Dx&data=05", abc);
    // The wrapped link is checked like any other.
    check("https://urldefense.com/v3/__https://evil.example/j/85012345678__;!!AbC$", "err not-zoom-host");
    check("https://urldefense.proofpoint.com/v2/url?u=http-3A__zoom.us_j_85012345678&d=x", "err not-https");
    // Opaque wrappers: the original cannot be recovered offline.
    check("https://protect-eu.mimecast.com/s/AbCdEfGhIjKlMnOp?domain=us02web.zoom.us", "err rewritten-link");
    check("Join Zoom Meeting\nhttps://protect-eu.mimecast.com/s/AbCdEfGh\nMeeting ID: 850 1234 5678", "err rewritten-link");
    check("https://linkprotect.cudasvc.com/url?c=E,1,xyz", "err rewritten-link");
    // An opaque link beside the real one does not hide it.
    check("Map: https://protect-eu.mimecast.com/s/AbCd\nhttps://zoom.us/j/85012345678", "ok meeting host=zoom.us id=85012345678 url=https://zoom.us/j/85012345678");
    let e = parse_invitation("https://protect-eu.mimecast.com/s/AbCd").unwrap_err();
    assert_eq!(e.to_string(), "\"https://protect-eu.mimecast.com/s/AbCd\" was rewritten by a mail security system (Mimecast) that hides the original link");
    assert!(e.localize(&Localizer::embedded(), Lang::Ru).contains("Mimecast"));
}

/// Issue 9, kind 5: Zoom's own domains, and only them.
#[test]
#[rustfmt::skip]
fn accepts_zoom_domains_and_nothing_else() {
    check("https://examplecompany.zoom.com/j/85012345678?pwd=Yk5a.1", "ok meeting host=examplecompany.zoom.com id=85012345678 pwd=Yk5a.1 url=https://examplecompany.zoom.com/j/85012345678?pwd=Yk5a.1");
    check("https://zoom.com/j/85012345678", "ok meeting host=zoom.com id=85012345678 url=https://zoom.com/j/85012345678");
    check("https://us06web.zoom.com/w/85012345678", "ok webinar host=us06web.zoom.com id=85012345678 url=https://us06web.zoom.com/w/85012345678");
    check("https://Example.Zoom.COM/my/jane.doe", "ok personal host=example.zoom.com url=https://Example.Zoom.COM/my/jane.doe");
    check("examplecompany.zoom.com/j/85012345678", "ok meeting host=examplecompany.zoom.com id=85012345678 url=https://examplecompany.zoom.com/j/85012345678");
    check("https://zoomgov.com/j/1601234567", "ok meeting host=zoomgov.com id=1601234567 url=https://zoomgov.com/j/1601234567");
    check("https://zoom.com.evil.example/j/85012345678", "err not-zoom-host");
    check("https://evilzoom.com/j/85012345678", "err not-zoom-host");
    check("https://zoom.co/j/85012345678", "err not-zoom-host");
    check("https://zoom.community/j/85012345678", "err not-zoom-host");
    check("https://zoom.us.com/j/85012345678", "err not-zoom-host");
    check("https://zoomus.com/j/85012345678", "err not-zoom-host");
    check("https://xn--zom-sed.com/j/85012345678", "err not-zoom-host");
    check("https://zoom.com:443/j/85012345678", "err port");
    assert_eq!(parse_invitation("https://acme.zoom.com/j/85012345678?pwd=x.1").unwrap().browser_url().as_deref(), Some("https://app.zoom.us/wc/85012345678/join?pwd=x.1"));
}

#[test]
#[rustfmt::skip]
fn refuses_inconsistent_invitations() {
    check("https://zoom.us/j/85012345678\nMeeting ID: 850 1234 5679", "err id-mismatch");
    check("Идентификатор конференции: 812 3456 7890\nhttps://zoom.us/j/85012345678", "err id-mismatch");
    check("Day 1: https://zoom.us/j/85012345678\nDay 2: https://zoom.us/j/81234567890", "err several-meetings");
    check("https://zoom.us/my/jane.doe https://zoom.us/my/john.doe", "err several-meetings");
    check("Meeting ID: 850 1234 5678\nPasscode: 584706", "err no-link");
    check("See the programme at https://www.un.org/en/migration.", "err no-link");
    check("hello world", "err no-link");
    check("Start: https://zoom.us/s/85012345678\nSee https://www.un.org/", "err start-link");
}

#[test]
#[rustfmt::skip]
fn refuses_hostile_and_wrong_links() {
    check("javascript:alert(1)", "err not-https");
    check("javascript://zoom.us/%0Aalert(1)", "err not-https");
    check("file:///C:/zoom.us/j/85012345678", "err not-https");
    check("http://zoom.us/j/85012345678", "err not-https");
    check("zoommtg://zoom.us/join?confno=85012345678&pwd=abc", "err not-https");
    check("https://zoom.us.example.com/j/85012345678", "err not-zoom-host");
    check("https://example.com/zoom.us/j/85012345678", "err not-zoom-host");
    check("example.com/zoom.us/j/1", "err not-zoom-host");
    check("https://zoom.us@evil.com/j/85012345678", "err not-zoom-host");
    check("https://evilzoom.us/j/85012345678", "err not-zoom-host");
    check("https://zоom.us/j/85012345678", "err not-zoom-host");
    check("https://xn--zom-sed.us/j/85012345678", "err not-zoom-host");
    check("https://xn--80ak6aa92e.zoom.us/j/85012345678", "err not-zoom-host");
    check("https://zoom。us/j/85012345678", "err not-zoom-host");
    check("https://zoom%2Eus/j/85012345678", "err not-zoom-host");
    check("https://zoom.us./j/85012345678", "err not-zoom-host");
    check("https://1.2.3.4/j/85012345678", "err not-zoom-host");
    check("https://[::1]/j/85012345678", "err not-zoom-host");
    check("https://evil.com#@zoom.us/j/85012345678", "err not-zoom-host");
    check("https:///zoom.us/j/85012345678", "err bad-url");
    check("https://www.google.com/url?q=https://evil.com/j/85012345678&sa=D", "err not-zoom-host");
    check("https://user:pass@zoom.us/j/85012345678", "err credentials");
    check("https://@zoom.us/j/85012345678", "err credentials");
    check("https://zoom.us:8443/j/85012345678", "err port");
    check("https://zoom.us:443/j/85012345678", "err port");
    check("https://zoom.us:/j/85012345678", "err port");
    check("https:zoom.us/j/85012345678", "err bad-url");
    check("https://zoom.us\\@evil.com/j/85012345678", "err bad-url");
    check("https://zoom.us/s/85012345678?zak=eyJ0eXAi", "err start-link");
    check("https://zoom.us/j/../s/85012345678", "err start-link");
    check("https://us06web.zoom.us/webinar/register/WN_abcDEF123", "err registration-link");
    check("https://zoom.us/download", "err bad-path");
    check("https://zoom.us/J/85012345678", "err bad-path");
    check("https://zoom.us/j/12345678", "err bad-meeting-id");
    check("https://zoom.us/j/123456789012", "err bad-meeting-id");
    check("https://zoom.us/j/85O12345678", "err bad-meeting-id");
    check("https://zoom.us/j/٨٥٠١٢٣٤٥٦٧٨", "err bad-meeting-id");
    check("https://zoom.us/j/8501234\u{200B}5678", "err bad-meeting-id");
    check("https://zoom.us/my/abcd", "err bad-personal-name");
    check("https://zoom.us/my/jane_doe", "err bad-personal-name");
    check(&format!("https://zoom.us/my/{}", "a".repeat(41)), "err bad-personal-name");
}

#[test]
#[rustfmt::skip]
fn refuses_what_is_not_an_invitation() {
    check("", "err empty");
    check("  \n\t \u{A0}", "err empty");
    check("a\0b https://zoom.us/j/85012345678", "err not-text");
    check(&format!("{}https://zoom.us/j/85012345678", "\u{1}\u{FFFD}".repeat(6)), "err not-text");
    check(&format!("https://zoom.us/j/85012345678?pwd={}", "a".repeat(MAX_INPUT_CHARS)), "err too-long");
    let padded = format!("https://zoom.us/j/85012345678 {}", "x".repeat(MAX_INPUT_CHARS - 30));
    assert_eq!(padded.chars().count(), MAX_INPUT_CHARS);
    check(&padded, "ok meeting host=zoom.us id=85012345678 url=https://zoom.us/j/85012345678");
}

#[test]
#[rustfmt::skip]
fn validate_link_is_strict() {
    check_strict("https://zoom.us/j/85012345678?pwd=abc.1", "ok meeting host=zoom.us id=85012345678 pwd=abc.1 url=https://zoom.us/j/85012345678?pwd=abc.1");
    check_strict(" https://zoom.us/my/jane.doe\n", "ok personal host=zoom.us url=https://zoom.us/my/jane.doe");
    check_strict("<https://zoom.us/j/85012345678>", "err extra-text");
    check_strict("Join: https://zoom.us/j/85012345678", "err extra-text");
    check_strict("https://zoom.us/j/85012345678 https://zoom.us/j/85012345678", "err extra-text");
    check_strict("https://zoom.us/j/85012345678.", "err bad-meeting-id");
    check_strict("zoom.us/j/85012345678", "err not-https");
    check_strict("https://www.google.com/url?q=https://zoom.us/j/85012345678", "err not-zoom-host");
    check_strict("", "err empty");
    check_strict("http://zoom.us/j/85012345678", "err not-https");
}

#[test]
fn error_messages_say_what_was_wrong() {
    let message = |input: &str| parse_invitation(input).unwrap_err().to_string();
    assert_eq!(message("http://zoom.us/j/123"), r#""http://zoom.us/j/123" is not an https link"#);
    assert_eq!(
        message("https://zоom.us/j/85012345678"),
        r#""https://zоom.us/j/85012345678" does not lead to zoom: its host xn--zom-sed.us is not zoom.us, zoom.com or zoomgov.com"#
    );
    assert_eq!(
        message("https://zoom.us/j/85012345678\nMeeting ID: 850 1234 5679"),
        "the link is for meeting 85012345678 but the text gives the meeting id 85012345679"
    );
    let long = message(&format!("https://zoom.us/j/{}", "1".repeat(200)));
    assert!(long.contains('…'), "{long}");
    assert!(long.chars().count() < 250, "{long}");
    assert_eq!(message(""), "the text is empty");
}

#[test]
fn meeting_id_display_groups_like_zoom() {
    let id = |input: &str| parse_invitation(input).unwrap().meeting_id_display();
    assert_eq!(id("https://zoom.us/j/85012345678").as_deref(), Some("850 1234 5678"));
    assert_eq!(id("https://zoom.us/j/1234567890").as_deref(), Some("123 456 7890"));
    assert_eq!(id("https://zoom.us/j/123456789").as_deref(), Some("123 456 789"));
    assert_eq!(id("https://zoom.us/my/jane.doe"), None);
    let odd = MeetingLink {
        meeting_id: Some("８５０１２".into()),
        ..parse_invitation("https://zoom.us/j/123456789").unwrap()
    };
    assert_eq!(odd.meeting_id_display().as_deref(), Some("８５０１２"));
}

#[test]
fn browser_url_points_at_the_web_client() {
    let browser = |input: &str| parse_invitation(input).unwrap().browser_url();
    assert_eq!(
        browser("https://us02web.zoom.us/j/85012345678?pwd=Ab-c%2Bd.1").as_deref(),
        Some("https://app.zoom.us/wc/85012345678/join?pwd=Ab-c%2Bd.1")
    );
    assert_eq!(browser("https://zoom.us/w/123456789").as_deref(), Some("https://app.zoom.us/wc/123456789/join"));
    assert_eq!(
        browser("https://agency.zoomgov.com/j/1612345678?pwd=x09").as_deref(),
        Some("https://app.zoomgov.com/wc/1612345678/join?pwd=x09")
    );
    assert_eq!(browser("https://zoom.us/my/jane.doe"), None);
    // Hand-built values (the fields are public) get no web-client link unless every part passes.
    let base = parse_invitation("https://zoom.us/j/123456789?pwd=abc.1").unwrap();
    let hand = |f: &dyn Fn(&mut MeetingLink)| {
        let mut l = base.clone();
        f(&mut l);
        l.browser_url()
    };
    assert_eq!(hand(&|_| {}).as_deref(), Some("https://app.zoom.us/wc/123456789/join?pwd=abc.1"));
    assert_eq!(hand(&|l| l.host = "evil.example".into()), None);
    assert_eq!(hand(&|l| l.host = "zoom.us.evil.example".into()), None);
    assert_eq!(hand(&|l| l.meeting_id = Some("123@evil.example".into())), None);
    assert_eq!(hand(&|l| l.meeting_id = Some("12345".into())), None);
    assert_eq!(hand(&|l| l.pwd = Some("x#@evil.example".into())), None);
    assert_eq!(hand(&|l| l.pwd = Some("x&next=https://evil.example".into())), None);
    assert_eq!(hand(&|l| l.pwd = Some("a b".into())), None);
    assert_eq!(hand(&|l| l.pwd = Some(String::new())), None);
    assert!(parse_invitation("https://zoom.us/my/jane.doe").unwrap().is_personal());
    assert!(!parse_invitation("https://zoom.us/w/123456789").unwrap().is_personal());
}

#[test]
fn serialises_for_the_ui() {
    let link = parse_invitation("https://zoom.us/w/123456789?pwd=x.1\nPasscode: 42").unwrap();
    assert_eq!(
        serde_json::to_string(&link).unwrap(),
        r#"{"url":"https://zoom.us/w/123456789?pwd=x.1","host":"zoom.us","kind":"webinar","meeting_id":"123456789","passcode":"42","pwd":"x.1"}"#
    );
}

#[test]
fn every_error_code_has_messages_in_both_locales() {
    let en = include_str!("../../../../locales/en/meeting.ftl");
    let ru = include_str!("../../../../locales/ru/meeting.ftl");
    for code in LinkError::CODES {
        assert!(code.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'), "{code}");
        for (lang, ftl) in [("en", en), ("ru", ru)] {
            let id = format!("\nmeeting-error-{code} =");
            assert!(ftl.contains(&id), "{lang} has no message meeting-error-{code}");
        }
    }
    let samples = [
        LinkError::Empty,
        LinkError::TooLong { chars: 1 },
        LinkError::NotText,
        LinkError::NoLink,
        LinkError::ExtraText { input: String::new() },
        LinkError::NotHttps { url: String::new() },
        LinkError::BadUrl { url: String::new() },
        LinkError::NotZoomHost { url: String::new(), host: String::new() },
        LinkError::Credentials { url: String::new() },
        LinkError::Port { url: String::new() },
        LinkError::BadPath { url: String::new() },
        LinkError::StartLink { url: String::new() },
        LinkError::RegistrationLink { url: String::new() },
        LinkError::BadMeetingId { url: String::new(), id: String::new() },
        LinkError::BadPersonalName { url: String::new(), name: String::new() },
        LinkError::IdMismatch { link_id: String::new(), text_id: String::new() },
        LinkError::SeveralMeetings { first: String::new(), second: String::new() },
        LinkError::ConflictingLinks { first: String::new(), second: String::new() },
        LinkError::TruncatedLink { url: String::new() },
        LinkError::RewrittenLink { url: String::new(), gateway: String::new() },
    ];
    let codes: Vec<&str> = samples.iter().map(LinkError::code).collect();
    assert_eq!(codes, LinkError::CODES);
    for e in &samples {
        let message = e.to_string();
        assert!(!message.ends_with('.') && message.starts_with(|c: char| !c.is_uppercase()), "{message}");
    }
}

/// A small deterministic generator, so the garbage tests need no extra dependency and repeat exactly.
struct XorShift(u64);
impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// What must hold for any accepted link, whatever the input.
#[track_caller]
fn assert_safe(input: &str, link: &MeetingLink) {
    let parsed = Url::parse(&link.url).unwrap_or_else(|e| panic!("{input:?} gave an unparsable {link:?}: {e}"));
    assert_eq!(parsed.scheme(), "https", "{input:?}");
    assert!(is_zoom_host(&link.host) && parsed.host_str() == Some(link.host.as_str()), "{input:?} gave {link:?}");
    assert!(parsed.username().is_empty() && parsed.password().is_none() && parsed.port().is_none(), "{input:?}");
    assert_eq!(validate_link(&link.url).map(|l| l.url), Ok(link.url.clone()), "{input:?}");
}

#[test]
fn binary_garbage_is_refused_without_panicking() {
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    for round in 0..2000 {
        let len = rng.below(600);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        let text = String::from_utf8_lossy(&bytes);
        assert!(parse_invitation(&text).is_err(), "round {round}");
        assert!(validate_link(&text).is_err(), "round {round}");
    }
    check(&String::from_utf8_lossy(&[0xff, 0xfe, 0x00, 0x68, 0x74, 0x74, 0x70, 0x73]), "err not-text");
}

#[test]
fn mutated_links_are_refused_or_safe() {
    const PALETTE: [char; 24] = [
        '@', ':', '/', '\\', '%', '.', '#', '?', '&', '=', ' ', '\n', '<', '>', '"', 'о', '。', '\u{202E}', '\u{200B}',
        '\u{301}', '1', 'x', 'é', '🎉',
    ];
    let seeds = [
        "https://us02web.zoom.us/j/85012345678?pwd=Yk5aR0xWc2NVdE1tT0NlUGpQZz09",
        "https://zoom.us/my/jane.doe",
        "https://www.google.com/url?q=https://zoom.us/j/85012345678?pwd%3Dab.1&sa=D",
        EN_INVITATION,
        RU_INVITATION,
    ];
    let mut rng = XorShift(42);
    for seed in seeds {
        for _ in 0..1500 {
            let mut chars: Vec<char> = seed.chars().collect();
            for _ in 0..1 + rng.below(3) {
                let at = rng.below(chars.len() + 1);
                let c = PALETTE[rng.below(PALETTE.len())];
                match rng.below(3) {
                    0 => chars.insert(at, c),
                    1 if at < chars.len() => chars[at] = c,
                    _ if at < chars.len() => {
                        chars.remove(at);
                    }
                    _ => chars.push(c),
                }
            }
            let input: String = chars.into_iter().collect();
            for link in [parse_invitation(&input), validate_link(&input)].into_iter().flatten() {
                assert_safe(&input, &link);
            }
        }
    }
}

#[test]
fn odd_unicode_does_not_panic() {
    let inputs = [
        "\u{FEFF}https://zoom.us/j/85012345678",
        "https://zoom.us/j/85012345678\u{301}",
        "Meeting ID: ８５０ １２３４ ５６７８ https://zoom.us/j/85012345678",
        "Passcode:",
        "Пароль",
        "Код доступа: \u{301}",
        "ﬃ https://ZOOM.US/j/85012345678 ǅ",
        "İ\u{307}https://zoom.us/j/123456789",
        "://zoom.us/j/85012345678",
        "https://",
        "https://zoom.us",
        "🎉://zoom.us/j/85012345678",
        "𝕙𝕥𝕥𝕡𝕤://zoom.us/j/85012345678",
    ];
    for input in inputs {
        for link in [parse_invitation(input), validate_link(input)].into_iter().flatten() {
            assert_safe(input, &link);
        }
    }
    check(
        "\u{FEFF}https://zoom.us/j/85012345678",
        "ok meeting host=zoom.us id=85012345678 url=https://zoom.us/j/85012345678",
    );
    check("https://zoom.us/j/85012345678\u{301}", "err bad-meeting-id");
    check(
        "Meeting ID: ８５０ １２３４ ５６７８ https://zoom.us/j/85012345678",
        "ok meeting host=zoom.us id=85012345678 url=https://zoom.us/j/85012345678",
    );
    check("https://zoom.us", "err bad-path");
    check("𝕙𝕥𝕥𝕡𝕤://zoom.us/j/85012345678", "err not-https");
}
