//! Zoom meeting links: turns what a participant pastes (a bare link or a whole invitation e-mail, English or
//! Russian) into a validated [`MeetingLink`], or says precisely why it cannot be used.
//!
//! The shell opens `MeetingLink::url` with the operating system, so this module is the gate that decides what the
//! app may ever open for a meeting.
//!
//! Architecture Invariant: every `MeetingLink` holds an `https` link, without user info or port, whose host is
//! `zoom.us`, `zoomgov.com` or one of their subdomains (plain ASCII, no punycode), and whose path is `/j/<id>`,
//! `/w/<id>` or `/my/<name>`. The link is kept verbatim: the opaque `pwd` token is never rebuilt or narrowed.
//!
//! Architecture Invariant: for every link `parse_invitation` returns, `validate_link(&link.url)` accepts it with
//! the same fields (except `passcode`, which only the invitation text carries), so a saved link can be re-checked.
//!
//! Choices the facts leave open:
//! - Several Zoom links in one text: duplicates of one meeting are normal (Zoom repeats the link, Outlook adds a
//!   safelink copy), so the first link of that meeting is taken, preferring one that carries `pwd`. Links to two
//!   *different* meetings are refused (`several-meetings`): guessing could send a participant to the wrong room.
//!   Meeting links (`/j/`, `/w/`) win over personal links (`/my/`); start, download and other Zoom links in an
//!   invitation are ignored when a usable link is present.
//! - Every "Meeting ID:" line in the text must agree with the link's id (`id-mismatch` otherwise).
//! - A link printed without a scheme (`zoom.us/j/…`, as on slides and posters) is accepted in an invitation and
//!   stored with `https://` in front; `validate_link` wants the scheme.
//! - When nothing usable is found, the refusal names the first Zoom-looking candidate's problem; a pasted text
//!   with no Zoom-looking candidate is `no-link`, unless it is a single bare link, whose own problem is named.

use serde::Serialize;
use std::fmt;
use url::{Host, Url};

/// Longer input is refused before any scanning: an invitation e-mail is a few thousand characters.
pub const MAX_INPUT_CHARS: usize = 20_000;

/// Redirect wrappers seen in the wild nest at most twice (a safelink around a Google redirect).
const MAX_REDIRECT_DEPTH: usize = 3;

/// Zoom allows passcodes of up to 10 characters.
const MAX_PASSCODE_CHARS: usize = 10;

/// Inputs quoted in error messages are cut to this many characters so a message stays readable.
const QUOTE_CHARS: usize = 80;

/// What a Zoom link leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkKind {
    /// `/j/<id>`
    Meeting,
    /// `/w/<id>`
    Webinar,
    /// `/my/<name>`: a personal meeting room, where Zoom's interpretation does not work.
    Personal,
}

/// A Zoom link that passed every check, with what the invitation said about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MeetingLink {
    /// The https link to open, verbatim as found (after unwrapping redirects, `<...>` and trailing punctuation).
    pub url: String,
    /// The host, lowercase.
    pub host: String,
    pub kind: LinkKind,
    /// 9 to 11 ASCII digits; `None` for personal links.
    pub meeting_id: Option<String>,
    /// From a "Passcode:" / "Password:" / "Код доступа:" / "Пароль:" line of the invitation.
    pub passcode: Option<String>,
    /// The opaque `pwd` token of the query, verbatim (still percent-encoded if it was).
    pub pwd: Option<String>,
}

impl MeetingLink {
    /// The meeting id grouped as Zoom prints it: `850 1234 5678`, `123 456 7890`, `123 456 789`.
    pub fn meeting_id_display(&self) -> Option<String> {
        let id = self.meeting_id.as_deref()?;
        // The fields are public, so a hand-built value may hold anything: show it as it is rather than slice it.
        if !is_meeting_id(id) {
            return Some(id.to_string());
        }
        // 3-4-4 for 11 digits, 3-3-4 for 10, 3-3-3 for 9.
        let second = if id.len() == 11 { 7 } else { 6 };
        Some(format!("{} {} {}", &id[..3], &id[3..second], &id[second..]))
    }

    /// The web client's join page, for when the Zoom app cannot be used. It works only if the host allowed
    /// joining from the browser; personal links have no id to put in it.
    pub fn browser_url(&self) -> Option<String> {
        let id = self.meeting_id.as_deref()?;
        let app = if is_under(&self.host, "zoomgov.com") { "app.zoomgov.com" } else { "app.zoom.us" };
        Some(match &self.pwd {
            Some(pwd) => format!("https://{app}/wc/{id}/join?pwd={pwd}"),
            None => format!("https://{app}/wc/{id}/join"),
        })
    }

    pub fn is_personal(&self) -> bool {
        self.kind == LinkKind::Personal
    }
}

/// Why a text or link cannot be used to join. Inputs quoted in the variants are shortened for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    Empty,
    TooLong { chars: usize },
    NotText,
    NoLink,
    ExtraText { input: String },
    NotHttps { url: String },
    BadUrl { url: String },
    NotZoomHost { url: String, host: String },
    Credentials { url: String },
    Port { url: String },
    BadPath { url: String },
    StartLink { url: String },
    RegistrationLink { url: String },
    BadMeetingId { url: String, id: String },
    BadPersonalName { url: String, name: String },
    IdMismatch { link_id: String, text_id: String },
    SeveralMeetings { first: String, second: String },
}

impl LinkError {
    /// Every code `code()` can return; each has a Fluent message `meeting-error-<code>` in every locale.
    pub const CODES: [&'static str; 17] = [
        "empty",
        "too-long",
        "not-text",
        "no-link",
        "extra-text",
        "not-https",
        "bad-url",
        "not-zoom-host",
        "credentials",
        "port",
        "bad-path",
        "start-link",
        "registration-link",
        "bad-meeting-id",
        "bad-personal-name",
        "id-mismatch",
        "several-meetings",
    ];

    /// A stable kebab-case code, also the suffix of the Fluent message `meeting-error-<code>`.
    pub fn code(&self) -> &'static str {
        match self {
            LinkError::Empty => "empty",
            LinkError::TooLong { .. } => "too-long",
            LinkError::NotText => "not-text",
            LinkError::NoLink => "no-link",
            LinkError::ExtraText { .. } => "extra-text",
            LinkError::NotHttps { .. } => "not-https",
            LinkError::BadUrl { .. } => "bad-url",
            LinkError::NotZoomHost { .. } => "not-zoom-host",
            LinkError::Credentials { .. } => "credentials",
            LinkError::Port { .. } => "port",
            LinkError::BadPath { .. } => "bad-path",
            LinkError::StartLink { .. } => "start-link",
            LinkError::RegistrationLink { .. } => "registration-link",
            LinkError::BadMeetingId { .. } => "bad-meeting-id",
            LinkError::BadPersonalName { .. } => "bad-personal-name",
            LinkError::IdMismatch { .. } => "id-mismatch",
            LinkError::SeveralMeetings { .. } => "several-meetings",
        }
    }
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::Empty => write!(f, "the text is empty"),
            LinkError::TooLong { chars } => {
                write!(f, "the text is too long ({chars} characters, at most {MAX_INPUT_CHARS})")
            }
            LinkError::NotText => write!(f, "the input is binary data, not text"),
            LinkError::NoLink => write!(f, "no zoom link was found in the text"),
            LinkError::ExtraText { input } => {
                write!(f, "\"{input}\" is not a single link: it has other text around it")
            }
            LinkError::NotHttps { url } => write!(f, "\"{url}\" is not an https link"),
            LinkError::BadUrl { url } => write!(f, "\"{url}\" is not a well-formed web address"),
            LinkError::NotZoomHost { url, host } => {
                write!(f, "\"{url}\" does not lead to zoom: its host {host} is not zoom.us or zoomgov.com")
            }
            LinkError::Credentials { url } => write!(f, "\"{url}\" has a user name or password before the host"),
            LinkError::Port { url } => write!(f, "\"{url}\" names a port, which zoom links never do"),
            LinkError::BadPath { url } => write!(f, "\"{url}\" is not a zoom meeting, webinar or personal link"),
            LinkError::StartLink { url } => write!(f, "\"{url}\" is the host's start link, not a join link"),
            LinkError::RegistrationLink { url } => {
                write!(f, "\"{url}\" is a registration page, not a join link")
            }
            LinkError::BadMeetingId { url, id } => {
                write!(f, "\"{url}\" has the meeting id \"{id}\", which is not 9 to 11 digits")
            }
            LinkError::BadPersonalName { url, name } => {
                write!(
                    f,
                    "\"{url}\" has the personal link name \"{name}\", which is not 5 to 40 letters, digits or dots"
                )
            }
            LinkError::IdMismatch { link_id, text_id } => {
                write!(f, "the link is for meeting {link_id} but the text gives the meeting id {text_id}")
            }
            LinkError::SeveralMeetings { first, second } => {
                write!(f, "the text has links to different meetings ({first} and {second})")
            }
        }
    }
}

impl std::error::Error for LinkError {}

/// Finds the meeting link in a bare link or a whole pasted invitation, with the passcode the text gives.
pub fn parse_invitation(text: &str) -> Result<MeetingLink, LinkError> {
    check_text(text)?;
    let bare = !text.trim().chars().any(is_separator);
    let mut meetings: Vec<Found> = Vec::new();
    let mut personals: Vec<Found> = Vec::new();
    let mut first_error: Option<LinkError> = None;
    for candidate in candidates(text) {
        match check_link(&candidate.text, true, 0) {
            Ok(found) if found.link.is_personal() => personals.push(found),
            Ok(found) => meetings.push(found),
            Err(e) => {
                if first_error.is_none() && (bare || candidate.zoomish) {
                    first_error = Some(e);
                }
            }
        }
    }
    let mut link = match pick(meetings)? {
        Some(link) => link,
        None => match pick(personals)? {
            Some(link) => link,
            None => return Err(first_error.or_else(|| bare_error(text)).unwrap_or(LinkError::NoLink)),
        },
    };
    if let Some(link_id) = &link.meeting_id {
        if let Some(text_id) = labelled_ids(text).into_iter().find(|id| id != link_id) {
            return Err(LinkError::IdMismatch { link_id: link_id.clone(), text_id });
        }
    }
    link.passcode = passcode(text);
    Ok(link)
}

/// For a single pasted word that mentions Zoom but holds no recognisable link (`https:zoom.us/j/…`), the
/// reason that word fails, which says more than "no link".
fn bare_error(text: &str) -> Option<LinkError> {
    let text = text.trim();
    if text.chars().any(is_separator) || !is_zoomish(text) {
        return None;
    }
    check_link(text.trim_end_matches(is_trailing_punctuation), true, 0).err()
}

/// Checks one link, strictly: the whole input (less surrounding whitespace) must be the link, with its scheme,
/// and no `<...>`, punctuation or redirect around it.
pub fn validate_link(url: &str) -> Result<MeetingLink, LinkError> {
    check_text(url)?;
    let url = url.trim();
    if url.chars().any(is_separator) {
        return Err(LinkError::ExtraText { input: quote(url) });
    }
    check_link(url, false, 0).map(|found| found.link)
}

/// Refusals that need no link at all. Counting control characters catches binary data pasted by mistake
/// (an image, a `.docx`), which `from_utf8_lossy` turns into replacement characters and controls.
fn check_text(text: &str) -> Result<(), LinkError> {
    let chars = text.chars().count();
    if chars > MAX_INPUT_CHARS {
        return Err(LinkError::TooLong { chars });
    }
    let unreadable =
        text.chars().filter(|&c| c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))).count();
    if text.contains('\0') || unreadable * 4 > chars {
        return Err(LinkError::NotText);
    }
    if text.trim().is_empty() {
        return Err(LinkError::Empty);
    }
    Ok(())
}

/// Characters that cannot be part of a link we accept, so they end one: whitespace, controls, brackets and
/// quotes that wrap links in mail, and invisible format characters (zero-width spaces, bidi overrides) that
/// could make a link look different from what it is.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '<' | '>'
                | '"'
                | '«'
                | '»'
                | '“'
                | '”'
                | '„'
                | '('
                | ')'
                | '{'
                | '}'
                | '`'
                | '|'
                | '\u{FFFD}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2069}'
                | '\u{FEFF}'
        )
}

/// Punctuation that ends a sentence or a quotation rather than a link. `pwd` tokens end in a letter or digit
/// (`…09`, `….1`), so stripping these never cuts a real token.
fn is_trailing_punctuation(c: char) -> bool {
    matches!(c, '.' | ',' | ';' | ':' | ')' | '!' | '?' | '»' | '"' | '\'' | ']' | '}' | '>' | '…' | '。' | '，')
}

/// Schemes written without `//` that must still be seen (and refused) rather than skipped as prose. Kept narrow
/// so that "Personal data:" or "file: agenda.pdf" in an e-mail is not mistaken for a link.
const BARE_SCHEMES: [&str; 5] = ["javascript:", "vbscript:", "file:/", "zoommtg:", "zoomus:"];

struct Candidate {
    text: String,
    /// Whether it mentions Zoom or a Zoom path (or a script scheme): only such candidates explain a refusal of
    /// a longer text, which may well hold other links (a programme, a map).
    zoomish: bool,
}

fn candidates(text: &str) -> Vec<Candidate> {
    text.split(is_separator).filter_map(candidate).collect()
}

/// The link-like part of one token, if any, without trailing punctuation.
fn candidate(token: &str) -> Option<Candidate> {
    let text = if let Some(pos) = token.find("://") {
        // Walk back over the scheme's characters: "Link:https://…" starts at "https".
        let before = &token[..pos];
        let scheme_len =
            before.chars().rev().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')).count();
        let scheme = &before[before.len() - scheme_len..];
        let letter = scheme.find(|c: char| c.is_ascii_alphabetic())?;
        token[pos - scheme_len + letter..].to_string()
    } else {
        let start = token.find(|c: char| c.is_alphanumeric())?;
        let token = &token[start..];
        let lower = token.to_ascii_lowercase();
        if BARE_SCHEMES.iter().any(|s| lower.starts_with(s)) {
            // Nobody writes these in an invitation by accident: always worth naming in a refusal.
            let text = token.trim_end_matches(is_trailing_punctuation).to_string();
            return Some(Candidate { text, zoomish: true });
        } else if looks_like_host_and_path(token) && is_zoomish(token) {
            format!("https://{token}")
        } else {
            return None;
        }
    };
    let text = text.trim_end_matches(is_trailing_punctuation).to_string();
    let zoomish = is_zoomish(&text);
    Some(Candidate { text, zoomish })
}

/// `zoom.us/j/…`, `us02web.zoom.us/my/…`, `user@host.com/…`: a dotted host with a letters-only top-level label,
/// then a slash. Rules out prose such as "e.g./", "and/or", "1.5/2".
fn looks_like_host_and_path(token: &str) -> bool {
    let Some(slash) = token.find('/') else { return false };
    let head = &token[..slash];
    if !head.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | ':' | '@' | '%')) {
        return false;
    }
    let host = head.rsplit('@').next().unwrap_or(head);
    let host = host.split(':').next().unwrap_or(host);
    match host.rsplit_once('.') {
        Some((rest, tld)) => !rest.is_empty() && tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic),
        None => false,
    }
}

fn is_zoomish(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.contains("zoom") || ["/j/", "/w/", "/s/", "/my/"].iter().any(|p| lower.contains(p))
}

/// A checked link plus what identifies its meeting, to tell duplicates from different meetings.
struct Found {
    link: MeetingLink,
    key: String,
}

/// Checks one candidate link. `unwrap` allows looking inside Google and Outlook redirect links.
fn check_link(s: &str, unwrap: bool, depth: usize) -> Result<Found, LinkError> {
    let url = quote(s);
    let Some((scheme, rest)) = split_scheme(s) else {
        return Err(LinkError::NotHttps { url });
    };
    let scheme = scheme.to_ascii_lowercase();
    if unwrap && depth < MAX_REDIRECT_DEPTH && (scheme == "https" || scheme == "http") {
        if let Some(inner) = redirect_target(s) {
            return check_link(&inner, unwrap, depth + 1);
        }
    }
    if scheme != "https" {
        return Err(LinkError::NotHttps { url });
    }
    // The url crate, like browsers, reads "https:zoom.us" and "https:\\zoom.us" as "https://zoom.us"; the
    // operating system's URL handler might not. Only the plain form is accepted, so what we check is what opens.
    let Some(after) = rest.strip_prefix("//") else {
        return Err(LinkError::BadUrl { url });
    };
    if s.contains('\\') || s.chars().any(is_separator) {
        return Err(LinkError::BadUrl { url });
    }
    let parsed = Url::parse(s).map_err(|_| LinkError::BadUrl { url: url.clone() })?;

    let authority = &after[..after.find(['/', '?', '#']).unwrap_or(after.len())];
    // "https:///zoom.us" parses as zoom.us, but it is not how anyone writes a link.
    if authority.is_empty() {
        return Err(LinkError::BadUrl { url });
    }
    let (userinfo, host_port) = match authority.rfind('@') {
        Some(at) => (Some(&authority[..at]), &authority[at + 1..]),
        None => (None, authority),
    };
    let raw_host = host_port.split(':').next().unwrap_or("");
    let host = match parsed.host() {
        Some(Host::Domain(d)) => d.to_ascii_lowercase(),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    // The parsed host must be the very text that was written: no IDN (`zоom.us` becomes `xn--…`), no
    // percent-escapes, no full-width dots that the parser would quietly map to ".".
    let plain = !raw_host.is_empty()
        && raw_host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        && raw_host.eq_ignore_ascii_case(&host)
        && !host.split('.').any(|label| label.starts_with("xn--"));
    if !matches!(parsed.host(), Some(Host::Domain(_))) || !plain || !is_zoom_host(&host) {
        let host = if host.is_empty() { raw_host.to_string() } else { host };
        return Err(LinkError::NotZoomHost { url, host: quote(&host) });
    }
    if userinfo.is_some() || !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(LinkError::Credentials { url });
    }
    // Checked in the raw text: the parser drops a default ":443", and an empty ":" too.
    if host_port.contains(':') || parsed.port().is_some() {
        return Err(LinkError::Port { url });
    }

    let mut segments: Vec<&str> = parsed.path().split('/').skip(1).collect();
    if segments.len() > 1 && segments.last() == Some(&"") {
        segments.pop();
    }
    let (kind, meeting_id, key) = match segments.as_slice() {
        ["s", ..] => return Err(LinkError::StartLink { url }),
        ["webinar" | "meeting", "register", ..] => return Err(LinkError::RegistrationLink { url }),
        [prefix @ ("j" | "w"), id] => {
            if !is_meeting_id(id) {
                return Err(LinkError::BadMeetingId { url, id: quote(id) });
            }
            let kind = if *prefix == "j" { LinkKind::Meeting } else { LinkKind::Webinar };
            (kind, Some(id.to_string()), id.to_string())
        }
        ["my", name] => {
            let ok = (5..=40).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.');
            if !ok {
                return Err(LinkError::BadPersonalName { url, name: quote(name) });
            }
            (LinkKind::Personal, None, format!("{host}/my/{}", name.to_ascii_lowercase()))
        }
        _ => return Err(LinkError::BadPath { url }),
    };
    let link = MeetingLink { url: s.to_string(), host, kind, meeting_id, passcode: None, pwd: raw_pwd(s) };
    Ok(Found { link, key })
}

/// `("https", "//zoom.us/…")` when the text starts with a well-formed scheme.
fn split_scheme(s: &str) -> Option<(&str, &str)> {
    let colon = s.find(':')?;
    let scheme = &s[..colon];
    let mut chars = scheme.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    (first_ok && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
        .then(|| (scheme, &s[colon + 1..]))
}

/// The link inside a Google (`/url?q=`) or Outlook safelinks (`?url=`) redirect, percent-decoded.
fn redirect_target(s: &str) -> Option<String> {
    let parsed = Url::parse(s).ok()?;
    let host = parsed.host_str()?.to_ascii_lowercase();
    let keys: &[&str] = if (host == "www.google.com" || host == "google.com") && parsed.path() == "/url" {
        &["q", "url"]
    } else if host.ends_with(".safelinks.protection.outlook.com") {
        &["url"]
    } else {
        return None;
    };
    parsed.query_pairs().find(|(k, _)| keys.contains(&k.as_ref())).map(|(_, v)| v.trim().to_string())
}

/// The raw `pwd` value of the query, not decoded or re-encoded: it is an opaque token made by Zoom.
fn raw_pwd(s: &str) -> Option<String> {
    let before_fragment = s.split('#').next().unwrap_or(s);
    let (_, query) = before_fragment.split_once('?')?;
    query.split('&').find_map(|pair| pair.strip_prefix("pwd=")).filter(|v| !v.is_empty()).map(str::to_string)
}

fn is_zoom_host(host: &str) -> bool {
    is_under(host, "zoom.us") || is_under(host, "zoomgov.com")
}

/// `host` is `domain` or a subdomain of it (a label boundary, so `evilzoom.us` is not under `zoom.us`).
fn is_under(host: &str, domain: &str) -> bool {
    host == domain || host.strip_suffix(domain).is_some_and(|rest| rest.ends_with('.') && rest.len() > 1)
}

fn is_meeting_id(id: &str) -> bool {
    (9..=11).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_digit())
}

/// The first link of the first meeting, preferring a copy with `pwd`; refuses links to different meetings.
fn pick(found: Vec<Found>) -> Result<Option<MeetingLink>, LinkError> {
    let Some(first) = found.first() else { return Ok(None) };
    if let Some(other) = found.iter().find(|f| f.key != first.key) {
        return Err(LinkError::SeveralMeetings { first: first.key.clone(), second: other.key.clone() });
    }
    let index = found.iter().position(|f| f.link.pwd.is_some()).unwrap_or(0);
    Ok(found.into_iter().nth(index).map(|f| f.link))
}

const ID_LABELS: [&str; 9] = [
    "meeting id",
    "webinar id",
    "идентификатор конференции",
    "идентификатор вебинара",
    "идентификатор встречи",
    "идентификатор собрания",
    "id конференции",
    "id вебинара",
    "id встречи",
];

const PASSCODE_LABELS: [&str; 5] = ["passcode", "password", "код доступа", "пароль", "код конференции"];

/// Meeting ids the text gives after an id label, digits only (`Meeting ID: 850 1234 5678` → `85012345678`).
fn labelled_ids(text: &str) -> Vec<String> {
    after_labels(text, &ID_LABELS)
        .into_iter()
        .filter_map(|rest| {
            let rest = rest.trim_start_matches(|c: char| c == ':' || c == '：' || (c.is_whitespace() && c != '\n'));
            let mut digits = String::new();
            let mut chars = rest.chars().peekable();
            while let Some(c) = chars.next() {
                if c.is_ascii_digit() {
                    digits.push(c);
                } else if matches!(c, ' ' | '\u{A0}' | '\u{2009}' | '\u{202F}' | '-')
                    && chars.peek().is_some_and(char::is_ascii_digit)
                    && !digits.is_empty()
                {
                    continue;
                } else {
                    break;
                }
                if digits.len() > 11 {
                    break;
                }
            }
            is_meeting_id(&digits).then_some(digits)
        })
        .collect()
}

/// The first passcode the text gives after a passcode label and a colon. A digit is required so that prose
/// ("Password: see below") is not shown as a passcode; Zoom's generated passcodes always have one.
fn passcode(text: &str) -> Option<String> {
    after_labels(text, &PASSCODE_LABELS).into_iter().find_map(|rest| {
        let rest = rest.trim_start_matches(|c: char| c.is_whitespace() && c != '\n');
        let rest = rest.strip_prefix(':').or_else(|| rest.strip_prefix('：'))?;
        let rest = rest.trim_start();
        let value = rest.split(char::is_whitespace).next()?.trim_end_matches(is_trailing_punctuation);
        let ok = !value.is_empty()
            && value.chars().count() <= MAX_PASSCODE_CHARS
            && value.chars().all(|c| c.is_ascii_graphic())
            && value.chars().any(|c| c.is_ascii_digit());
        ok.then(|| value.to_string())
    })
}

/// The text right after each occurrence of any label that starts a word, compared case-insensitively
/// (Cyrillic included), with any whitespace in the text matching a space in the label.
fn after_labels<'a>(text: &'a str, labels: &[&str]) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut previous: Option<char> = None;
    for (i, c) in text.char_indices() {
        if !previous.is_some_and(char::is_alphanumeric) {
            for label in labels {
                if let Some(len) = starts_with_label(&text[i..], label) {
                    out.push(&text[i + len..]);
                }
            }
        }
        previous = Some(c);
    }
    out
}

/// The byte length of `label` at the start of `hay`, if it is there.
fn starts_with_label(hay: &str, label: &str) -> Option<usize> {
    let mut hay_chars = hay.char_indices();
    for l in label.chars() {
        let (_, h) = hay_chars.next()?;
        let same = if l == ' ' { h.is_whitespace() && h != '\n' } else { h.to_lowercase().eq(l.to_lowercase()) };
        if !same {
            return None;
        }
    }
    let len = hay_chars.next().map_or(hay.len(), |(i, _)| i);
    // The label must end a word too: "passcodes" is not "passcode".
    if hay[len..].chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    Some(len)
}

fn quote(s: &str) -> String {
    if s.chars().count() <= QUOTE_CHARS {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(QUOTE_CHARS - 1).collect();
        out.push('…');
        out
    }
}

#[cfg(test)]
mod tests {
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
            r#""https://zоom.us/j/85012345678" does not lead to zoom: its host xn--zom-sed.us is not zoom.us or zoomgov.com"#
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
        let en = include_str!("../../../locales/en/meeting.ftl");
        let ru = include_str!("../../../locales/ru/meeting.ftl");
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
            '@', ':', '/', '\\', '%', '.', '#', '?', '&', '=', ' ', '\n', '<', '>', '"', 'о', '。', '\u{202E}',
            '\u{200B}', '\u{301}', '1', 'x', 'é', '🎉',
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
}
