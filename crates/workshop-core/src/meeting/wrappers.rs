//! Links that a mail system, a search engine or a chat rewrote to pass through its own server ("URL defense",
//! "safe links", click-time protection). Where the wrapper carries the original link in a public format, it is
//! recovered here and then checked like any pasted link; where it keeps only an opaque id on its server, the
//! original cannot be recovered offline and the participant is asked for the original invitation.
//!
//! Formats (public, see `shared/facts/zoom-links.md` and the vendors' decoders):
//! - Google redirect: `https://www.google.com/url?q=<percent-encoded link>` (or `url=`);
//! - Microsoft Defender Safe Links: `https://<region>.safelinks.protection.outlook.com/?url=<link>&data=…`, and the
//!   Teams form `https://statics.teams.cdn.office.net/evergreen-assets/safelinks/1/atp-safelinks.html?url=<link>`;
//! - Proofpoint URL Defense v1 `https://urldefense.proofpoint.com/v1/url?u=<percent-encoded link>&k=…`,
//!   v2 `…/v2/url?u=<link with "-XX" for the byte XX and "_" for "/">&d=…`, and
//!   v3 `https://urldefense.com/v3/__<link>__;<base64url of the replaced characters>!!<ids>$`, where each `*` in
//!   the link stands for the next replaced character and `**X` for a run of them (X gives the run's length);
//! - Barracuda Link Protection `https://linkprotect.cudasvc.com/url?a=<link>&c=…`;
//! - Trend Micro click-time `https://<host>.trendmicro.com/wis/clicktime/v1/query?url=<link>&umid=…`;
//! - Trellix (FireEye) `https://protect2.fireeye.com/v1/url?k=…&u=<link>`;
//! - Sophos `https://<region>.protection.sophos.com?d=<domain>&u=<base64 of the link>&…`;
//! - Cisco Secure Email `https://secure-web.cisco.com/<token>/<percent-encoded link>`.
//!
//! Opaque (the link is only on the vendor's server): Mimecast (`protect-*.mimecast.com/s/<id>`,
//! `*.mimecastprotect.com/s/<id>`), Symantec click-time without a `u=` parameter, and the wrappers above when
//! their link parameter is missing.

use base64::Engine;
use url::Url;

/// What a link turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Wrapped {
    /// The original link, decoded.
    Link(String),
    /// A wrapper that hides the original link; the name of its vendor, for the message.
    Opaque(&'static str),
}

/// The original link inside `s`, or the vendor of a wrapper that hides it; `None` when `s` is not a wrapper.
pub(super) fn unwrap(s: &str) -> Option<Wrapped> {
    let parsed = Url::parse(s).ok()?;
    if !matches!(parsed.scheme(), "https" | "http") {
        return None;
    }
    let host = parsed.host_str()?.to_ascii_lowercase();
    let path = parsed.path();
    let param = |keys: &[&str]| -> Option<String> {
        parsed.query_pairs().find(|(k, _)| keys.contains(&k.as_ref())).map(|(_, v)| v.trim().to_string())
    };
    let link_or = |link: Option<String>, vendor: &'static str| {
        Some(link.filter(|l| !l.is_empty()).map_or(Wrapped::Opaque(vendor), Wrapped::Link))
    };
    if (host == "www.google.com" || host == "google.com") && path == "/url" {
        return param(&["q", "url"]).map(Wrapped::Link);
    }
    if is_under(&host, "safelinks.protection.outlook.com") {
        return link_or(param(&["url"]), "Microsoft Defender Safe Links");
    }
    if host == "statics.teams.cdn.office.net" && path.contains("/safelinks/") {
        return link_or(param(&["url"]), "Microsoft Defender Safe Links");
    }
    if host == "urldefense.proofpoint.com" && path == "/v1/url" {
        return link_or(param(&["u"]), "Proofpoint URL Defense");
    }
    if host == "urldefense.proofpoint.com" && path == "/v2/url" {
        return link_or(param(&["u"]).and_then(|u| proofpoint_v2(&u)), "Proofpoint URL Defense");
    }
    if host == "urldefense.com" && path.starts_with("/v3/") {
        return link_or(proofpoint_v3(s), "Proofpoint URL Defense");
    }
    if host == "linkprotect.cudasvc.com" {
        return link_or(param(&["a"]), "Barracuda Link Protection");
    }
    if (is_under(&host, "trendmicro.com") || is_under(&host, "trendmicro.eu")) && path.contains("/clicktime/") {
        return link_or(param(&["url"]), "Trend Micro");
    }
    if host == "protect2.fireeye.com" {
        return link_or(param(&["u"]), "Trellix (FireEye)");
    }
    if is_under(&host, "protection.sophos.com") {
        return link_or(param(&["u"]).and_then(|u| base64_text(&u)), "Sophos");
    }
    if host == "secure-web.cisco.com" {
        return link_or(cisco(&parsed), "Cisco Secure Email");
    }
    if host == "clicktime.symantec.com" {
        return link_or(param(&["u"]), "Symantec");
    }
    if (is_under(&host, "mimecast.com") && path.starts_with("/s/")) || is_under(&host, "mimecastprotect.com") {
        return Some(Wrapped::Opaque("Mimecast"));
    }
    None
}

/// Whether `s` is a link of a wrapper that hides the original: such a link in an invitation explains why no
/// Zoom link was found, so it is reported like a Zoom-looking one.
pub(super) fn is_opaque(s: &str) -> bool {
    matches!(unwrap(s), Some(Wrapped::Opaque(_)))
}

fn is_under(host: &str, domain: &str) -> bool {
    host == domain || host.strip_suffix(domain).is_some_and(|rest| rest.ends_with('.') && rest.len() > 1)
}

/// v2: `-XX` is the byte with hex value XX, `_` is `/`.
fn proofpoint_v2(u: &str) -> Option<String> {
    let b = u.as_bytes();
    let escapes_ok = b.iter().enumerate().filter(|(_, &c)| c == b'-').all(|(i, _)| {
        b.get(i + 1).is_some_and(u8::is_ascii_hexdigit) && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit)
    });
    if !escapes_ok {
        return None;
    }
    let percent = u.replace('-', "%").replace('_', "/");
    percent_encoding::percent_decode_str(&percent).decode_utf8().ok().map(|s| s.into_owned())
}

/// The lengths that `**X` runs stand for: `A` is 2, `B` 3, …, `_` 65.
const V3_RUN_LENGTHS: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// v3: the link between `/v3/__` and `__;`, with each `*` replaced by the next character of the base64url text
/// between `__;` and the first `!`.
fn proofpoint_v3(s: &str) -> Option<String> {
    let rest = &s[s.find("/v3/__")? + "/v3/__".len()..];
    let end = rest.find("__;")?;
    let (link, after) = (&rest[..end], &rest[end + "__;".len()..]);
    let encoded = &after[..after.find('!').unwrap_or(after.len())];
    let replaced = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(encoded.trim_end_matches('=')).ok()?;
    let replaced: Vec<char> = String::from_utf8(replaced).ok()?.chars().collect();
    let mut next = replaced.into_iter();
    let mut out = String::with_capacity(link.len());
    let mut chars = link.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '*' {
            out.push(c);
        } else if chars.peek() == Some(&'*') {
            chars.next();
            let len = V3_RUN_LENGTHS.find(chars.next()?)? + 2;
            for _ in 0..len {
                out.push(next.next()?);
            }
        } else {
            out.push(next.next()?);
        }
    }
    Some(out)
}

/// A base64 parameter (standard or URL-safe alphabet, with or without padding) that holds text.
fn base64_text(v: &str) -> Option<String> {
    use base64::engine::general_purpose::{STANDARD_NO_PAD, URL_SAFE_NO_PAD};
    let v = v.trim_end_matches('=');
    let bytes = STANDARD_NO_PAD.decode(v).or_else(|_| URL_SAFE_NO_PAD.decode(v)).ok()?;
    String::from_utf8(bytes).ok()
}

/// The percent-encoded link that forms the path after Cisco's token.
fn cisco(parsed: &Url) -> Option<String> {
    let path = parsed.path().strip_prefix('/')?;
    let (_token, encoded) = path.split_once('/')?;
    let link = percent_encoding::percent_decode_str(encoded).decode_utf8().ok()?;
    (link.starts_with("http://") || link.starts_with("https://")).then(|| link.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(input: &str, expect: Option<Wrapped>) {
        assert_eq!(unwrap(input), expect, "input: {input:?}");
    }

    fn link(s: &str) -> Option<Wrapped> {
        Some(Wrapped::Link(s.to_string()))
    }

    const ZOOM: &str = "https://us02web.zoom.us/j/85012345678?pwd=abc";

    #[test]
    #[rustfmt::skip]
    fn recovers_links_from_public_formats() {
        check("https://www.google.com/url?q=https://us02web.zoom.us/j/85012345678?pwd%3Dabc&sa=D", link(ZOOM));
        check("https://nam02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fus02web.zoom.us%2Fj%2F85012345678%3Fpwd%3Dabc&data=05", link(ZOOM));
        check("https://statics.teams.cdn.office.net/evergreen-assets/safelinks/1/atp-safelinks.html?url=https%3A%2F%2Fus02web.zoom.us%2Fj%2F85012345678%3Fpwd%3Dabc&locale=en-gb", link(ZOOM));
        check("https://urldefense.proofpoint.com/v1/url?u=https%3A%2F%2Fus02web.zoom.us%2Fj%2F85012345678%3Fpwd%3Dabc&k=abc", link(ZOOM));
        check("https://urldefense.proofpoint.com/v2/url?u=https-3A__us02web.zoom.us_j_85012345678-3Fpwd-3Dabc&d=DwMFaQ&c=abc&r=xyz&m=1&s=2&e=", link(ZOOM));
        check("https://urldefense.com/v3/__https://us02web.zoom.us/j/85012345678?pwd=abc__;!!AbC!xyz$", link(ZOOM));
        // "*" marks a replaced character: here the "&" of the query ("Jg" is base64url for "&").
        check("https://urldefense.com/v3/__https://zoom.us/j/85012345678?pwd=abc*uname=A__;Jg!!AbC!xyz$", link("https://zoom.us/j/85012345678?pwd=abc&uname=A"));
        // "**A" is a run of two replaced characters ("JiY" is "&&").
        check("https://urldefense.com/v3/__https://zoom.us/j/85012345678?a=1**Apwd=x__;JiY!!AbC$", link("https://zoom.us/j/85012345678?a=1&&pwd=x"));
        check("https://linkprotect.cudasvc.com/url?a=https%3a%2f%2fus02web.zoom.us%2fj%2f85012345678%3fpwd%3dabc&c=E,1,xyz&typo=1", link(ZOOM));
        check("https://imsva91-ctp.trendmicro.com/wis/clicktime/v1/query?url=https%3a%2f%2fus02web.zoom.us%2fj%2f85012345678%3fpwd%3dabc&umid=1234", link(ZOOM));
        check("https://protect2.fireeye.com/v1/url?k=31323334-501d5122-313273af-454445555731-1&q=1&e=u&u=https%3A%2F%2Fus02web.zoom.us%2Fj%2F85012345678%3Fpwd%3Dabc", link(ZOOM));
        check("https://eu-central-1.protection.sophos.com?d=zoom.us&u=aHR0cHM6Ly91czAyd2ViLnpvb20udXMvai84NTAxMjM0NTY3OD9wd2Q9YWJj&i=1&t=2&h=3", link(ZOOM));
        check("https://secure-web.cisco.com/1AbCdEf-token/https%3A%2F%2Fus02web.zoom.us%2Fj%2F85012345678%3Fpwd%3Dabc", link(ZOOM));
        check("https://clicktime.symantec.com/15sM1?u=https%3A%2F%2Fus02web.zoom.us%2Fj%2F85012345678%3Fpwd%3Dabc", link(ZOOM));
    }

    #[test]
    #[rustfmt::skip]
    fn names_wrappers_that_hide_the_link() {
        check("https://protect-eu.mimecast.com/s/AbCdEfGhIjKlMnOp?domain=us02web.zoom.us", Some(Wrapped::Opaque("Mimecast")));
        check("https://url.uk.m.mimecastprotect.com/s/AbCdEf", Some(Wrapped::Opaque("Mimecast")));
        check("https://clicktime.symantec.com/15sM1Abc", Some(Wrapped::Opaque("Symantec")));
        check("https://linkprotect.cudasvc.com/url?c=E,1,xyz", Some(Wrapped::Opaque("Barracuda Link Protection")));
        check("https://nam02.safelinks.protection.outlook.com/?data=05", Some(Wrapped::Opaque("Microsoft Defender Safe Links")));
        check("https://urldefense.com/v3/__https://zoom.us/j/85012345678*__;!!AbC$", Some(Wrapped::Opaque("Proofpoint URL Defense")));
        check("https://urldefense.proofpoint.com/v2/url?u=https-3A__zoom.us_j_1-ZZ&d=x", Some(Wrapped::Opaque("Proofpoint URL Defense")));
        assert!(is_opaque("https://protect-eu.mimecast.com/s/AbCdEf"));
        assert!(!is_opaque(ZOOM));
    }

    #[test]
    #[rustfmt::skip]
    fn other_links_are_not_wrappers() {
        check(ZOOM, None);
        check("https://www.google.com/search?q=https://zoom.us/j/85012345678", None);
        check("https://safelinks.protection.outlook.com.evil.com/?url=https://zoom.us/j/1", None);
        check("https://evil-urldefense.com/v3/__https://zoom.us/j/1__;!!x$", None);
        check("https://www.mimecast.com/products/", None);
        check("javascript:alert(1)", None);
        check("not a link", None);
    }
}
