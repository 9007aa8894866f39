//! Zoom meeting links: turns what a participant pastes (a bare link or a whole invitation e-mail, English or
//! Russian) into a validated [`MeetingLink`], or says precisely why it cannot be used.
//!
//! The shell opens `MeetingLink::url` with the operating system, so this module is the gate that decides what the
//! app may ever open for a meeting.
//!
//! Architecture Invariant: every `MeetingLink` holds an `https` link, without user info or port, whose host is
//! one of Zoom's own domains — `zoom.us`, `zoom.com`, `zoomgov.com` or a subdomain of one (plain ASCII, no
//! punycode) — and whose path is `/j/<id>`, `/w/<id>` or `/my/<name>`. The link is kept verbatim: the opaque
//! `pwd` token is never rebuilt or narrowed.
//!
//! Architecture Invariant: for every link `parse_invitation` returns, `validate_link(&link.url)` accepts it with
//! the same fields (except `passcode`, which only the invitation text carries), so a saved link can be re-checked.
//!
//! Before links are looked for, what mail systems do to a text is undone (`transport`: quoted-printable,
//! iCalendar text, HTML references), and links that a mail gateway rewrote are unwrapped (`wrappers`).
//!
//! Choices the facts leave open:
//! - Several Zoom links in one text: duplicates of one meeting are normal (Zoom repeats the link, Outlook adds a
//!   safelink copy), so the first link of that meeting is taken, preferring one that carries `pwd`. A shortened
//!   copy (a chat preview or mail client prints the start of the link and `…`) gives way to the complete link it
//!   is a prefix of; a copy that ends in `…` and has no complete copy is refused (`truncated-link`). Copies of
//!   one meeting whose `pwd` tokens differ are refused with both links shown (`conflicting-links`), and links to
//!   *different* meetings are refused (`several-meetings`): guessing could send a participant to the wrong room.
//!   Meeting links (`/j/`, `/w/`) win over personal links (`/my/`); start, download and other Zoom links in an
//!   invitation are ignored when a usable link is present.
//! - Every "Meeting ID:" line in the text must agree with the link's id (`id-mismatch` otherwise).
//! - A link printed without a scheme (`zoom.us/j/…`, as on slides and posters) is accepted in an invitation and
//!   stored with `https://` in front; `validate_link` wants the scheme.
//! - When nothing usable is found, the refusal names the first Zoom-looking candidate's problem; a pasted text
//!   with no Zoom-looking candidate is `no-link`, unless it is a single bare link, whose own problem is named.

mod transport;
mod wrappers;

use crate::i18n::{Lang, Localizer};
use serde::Serialize;
use std::fmt;
use url::{Host, Url};
use wrappers::Wrapped;

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

    /// The web client's join page, `https://app.zoom.us/wc/<id>/join[?pwd=<pwd>]` (`app.zoomgov.com` for a
    /// Zoom for Government host), for when the Zoom app cannot be used. It works only if the meeting's host allowed
    /// joining from the browser; personal links have no id to put in it (`None`).
    ///
    /// This is the one check of that link; the shell opens what it returns as it is. It is built only from parts
    /// checked here: the host must be one of Zoom's domains (it only picks which of the two fixed web-client hosts
    /// is written), the meeting id 9 to 11 ASCII digits, and `pwd` query-safe ASCII (no `&`, `#`, space or quote).
    /// So the result is always `https`, on `app.zoom.us` or `app.zoomgov.com`, with no user, port or fragment.
    /// The fields are public, so a hand-built value may hold anything: then any part that fails gives `None`.
    pub fn browser_url(&self) -> Option<String> {
        let id = self.meeting_id.as_deref().filter(|id| is_meeting_id(id))?;
        if !is_zoom_host(&self.host) {
            return None;
        }
        let app = if is_under(&self.host, "zoomgov.com") { "app.zoomgov.com" } else { "app.zoom.us" };
        Some(match &self.pwd {
            Some(pwd) if is_query_token(pwd) => format!("https://{app}/wc/{id}/join?pwd={pwd}"),
            Some(_) => return None,
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
    TooLong {
        chars: usize,
    },
    NotText,
    NoLink,
    ExtraText {
        input: String,
    },
    NotHttps {
        url: String,
    },
    BadUrl {
        url: String,
    },
    NotZoomHost {
        url: String,
        host: String,
    },
    Credentials {
        url: String,
    },
    Port {
        url: String,
    },
    BadPath {
        url: String,
    },
    StartLink {
        url: String,
    },
    RegistrationLink {
        url: String,
    },
    BadMeetingId {
        url: String,
        id: String,
    },
    BadPersonalName {
        url: String,
        name: String,
    },
    IdMismatch {
        link_id: String,
        text_id: String,
    },
    SeveralMeetings {
        first: String,
        second: String,
    },
    /// Two links to one meeting with different `pwd` tokens; both links, quoted.
    ConflictingLinks {
        first: String,
        second: String,
    },
    /// A link cut short and marked so (`…`, `...`), with no complete copy in the text.
    TruncatedLink {
        url: String,
    },
    /// A link that a mail security system replaced with an opaque one of its own (`gateway` names the vendor).
    RewrittenLink {
        url: String,
        gateway: String,
    },
}

impl LinkError {
    /// Every code `code()` can return; each has a Fluent message `meeting-error-<code>` in every locale.
    pub const CODES: [&'static str; 20] = [
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
        "conflicting-links",
        "truncated-link",
        "rewritten-link",
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
            LinkError::ConflictingLinks { .. } => "conflicting-links",
            LinkError::TruncatedLink { .. } => "truncated-link",
            LinkError::RewrittenLink { .. } => "rewritten-link",
        }
    }

    /// The Fluent message `meeting-error-<code>` in `lang`, with the links or vendor it names as arguments
    /// (`$first`, `$second`, `$url`, `$gateway`).
    pub fn localize(&self, l10n: &Localizer, lang: Lang) -> String {
        let id = format!("meeting-error-{}", self.code());
        match self {
            LinkError::ConflictingLinks { first, second } => {
                l10n.text_with(lang, &id, &[("first", first.clone().into()), ("second", second.clone().into())])
            }
            LinkError::TruncatedLink { url } => l10n.text_with(lang, &id, &[("url", url.clone().into())]),
            LinkError::RewrittenLink { url, gateway } => {
                l10n.text_with(lang, &id, &[("url", url.clone().into()), ("gateway", gateway.clone().into())])
            }
            _ => l10n.text(lang, &id),
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
                write!(f, "\"{url}\" does not lead to zoom: its host {host} is not zoom.us, zoom.com or zoomgov.com")
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
            LinkError::ConflictingLinks { first, second } => {
                write!(f, "the text has two links to the same meeting with different passcode tokens: \"{first}\" and \"{second}\"")
            }
            LinkError::TruncatedLink { url } => write!(f, "\"{url}\" is cut short and the text has no complete copy"),
            LinkError::RewrittenLink { url, gateway } => {
                write!(f, "\"{url}\" was rewritten by a mail security system ({gateway}) that hides the original link")
            }
        }
    }
}

impl std::error::Error for LinkError {}

/// Finds the meeting link in a bare link or a whole pasted invitation, with the passcode the text gives.
pub fn parse_invitation(text: &str) -> Result<MeetingLink, LinkError> {
    check_text(text)?;
    let text = &*transport::decode(text);
    let bare = !text.trim().chars().any(is_separator);
    let mut meetings: Vec<Found> = Vec::new();
    let mut personals: Vec<Found> = Vec::new();
    let mut first_error: Option<LinkError> = None;
    for candidate in candidates(text) {
        match check_link(&candidate.text, true, 0) {
            Ok(found) if found.link.is_personal() => personals.push(Found { truncated: candidate.truncated, ..found }),
            Ok(found) => meetings.push(Found { truncated: candidate.truncated, ..found }),
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
    /// Whether it mentions Zoom or a Zoom path (or a script scheme, or is a mail gateway's opaque link): only
    /// such candidates explain a refusal of a longer text, which may well hold other links (a programme, a map).
    zoomish: bool,
    /// Whether it ended in an ellipsis (`…`, `...`): a shortened copy.
    truncated: bool,
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
            return Some(Candidate { text, zoomish: true, truncated: false });
        } else if looks_like_host_and_path(token) && is_zoomish(token) {
            format!("https://{token}")
        } else {
            return None;
        }
    };
    let link = text.trim_end_matches(is_trailing_punctuation);
    let tail = &text[link.len()..];
    let truncated = tail.starts_with('…') || tail.starts_with("..");
    let zoomish = is_zoomish(link) || wrappers::is_opaque(link);
    Some(Candidate { text: link.to_string(), zoomish, truncated })
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
    /// The candidate ended in an ellipsis.
    truncated: bool,
}

/// Checks one candidate link. `unwrap` allows looking inside redirects and mail gateways' links (`wrappers`).
fn check_link(s: &str, unwrap: bool, depth: usize) -> Result<Found, LinkError> {
    let url = quote(s);
    let Some((scheme, rest)) = split_scheme(s) else {
        return Err(LinkError::NotHttps { url });
    };
    let scheme = scheme.to_ascii_lowercase();
    if unwrap && depth < MAX_REDIRECT_DEPTH && (scheme == "https" || scheme == "http") {
        match wrappers::unwrap(s) {
            Some(Wrapped::Link(inner)) => return check_link(&inner, unwrap, depth + 1),
            Some(Wrapped::Opaque(gateway)) => return Err(LinkError::RewrittenLink { url, gateway: gateway.into() }),
            None => {}
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
    Ok(Found { link, key, truncated: false })
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

/// The raw `pwd` value of the query, not decoded or re-encoded: it is an opaque token made by Zoom.
fn raw_pwd(s: &str) -> Option<String> {
    let before_fragment = s.split('#').next().unwrap_or(s);
    let (_, query) = before_fragment.split_once('?')?;
    query.split('&').find_map(|pair| pair.strip_prefix("pwd=")).filter(|v| !v.is_empty()).map(str::to_string)
}

/// Zoom's own domains: `zoom.us`, `zoom.com` (accounts' vanity domains) and `zoomgov.com` (Zoom for
/// Government), and their subdomains.
fn is_zoom_host(host: &str) -> bool {
    ["zoom.us", "zoom.com", "zoomgov.com"].iter().any(|domain| is_under(host, domain))
}

/// `host` is `domain` or a subdomain of it (a label boundary, so `evilzoom.us` is not under `zoom.us`).
fn is_under(host: &str, domain: &str) -> bool {
    host == domain || host.strip_suffix(domain).is_some_and(|rest| rest.ends_with('.') && rest.len() > 1)
}

/// A query value that cannot end the value or the query, or leave the URL: unreserved characters, percent-escapes
/// and the sub-delimiters other than `&`.
fn is_query_token(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%!$'()*+,;=:@/?".contains(&b))
}

fn is_meeting_id(id: &str) -> bool {
    (9..=11).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_digit())
}

/// The link of the one meeting the text leads to, preferring a complete copy with `pwd`, or why there is none to
/// trust.
///
/// Shortened copies go first: a link that is a prefix of another copy of the same meeting, or that ended in an
/// ellipsis and is a prefix of any other link (the cut may fall inside the meeting ID). What is left must be one
/// meeting whose `pwd` tokens agree — one token may be a shortened form of the other (a copy that ended in an
/// ellipsis), but two different tokens are a conflict. A meeting known only from copies that ended in an
/// ellipsis is refused: part of its link is missing.
fn pick(mut found: Vec<Found>) -> Result<Option<MeetingLink>, LinkError> {
    let longer: Vec<(String, String)> = found.iter().map(|f| (f.link.url.clone(), f.key.clone())).collect();
    found.retain(|f| {
        let url = &f.link.url;
        !longer.iter().any(|(other, key)| {
            other.len() > url.len() && other.starts_with(url.as_str()) && (f.truncated || *key == f.key)
        })
    });
    let Some(first) = found.first() else { return Ok(None) };
    if let Some(other) = found.iter().find(|f| f.key != first.key) {
        return Err(LinkError::SeveralMeetings { first: first.key.clone(), second: other.key.clone() });
    }
    // Tokens agree when they are equal, or when one is the start of the other and the shorter copy was cut.
    let agree = |a: &Found, b: &Found| match (a.link.pwd.as_deref(), b.link.pwd.as_deref()) {
        (Some(x), Some(y)) => {
            x == y
                || (x.len() < y.len() && a.truncated && y.starts_with(x))
                || (y.len() < x.len() && b.truncated && x.starts_with(y))
        }
        _ => true,
    };
    for (n, a) in found.iter().enumerate() {
        if let Some(b) = found[n + 1..].iter().find(|b| !agree(a, b)) {
            return Err(LinkError::ConflictingLinks { first: quote(&a.link.url), second: quote(&b.link.url) });
        }
    }
    let first_url = first.link.url.clone();
    let complete: Vec<Found> = found.into_iter().filter(|f| !f.truncated).collect();
    if complete.is_empty() {
        return Err(LinkError::TruncatedLink { url: quote(&first_url) });
    }
    let index = complete.iter().position(|f| f.link.pwd.is_some()).unwrap_or(0);
    Ok(complete.into_iter().nth(index).map(|f| f.link))
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
        // Zoom's passcodes hold letters, digits and a few signs, never "<": an HTML copy's tag ends the value.
        let value =
            rest.split(|c: char| c.is_whitespace() || c == '<').next()?.trim_end_matches(is_trailing_punctuation);
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
mod tests;
