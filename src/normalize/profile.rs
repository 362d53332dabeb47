//! Social profile URLs and handles: one canonical URL per person per service.
//!
//! A profile URL is as strong an identity key as an email, but the same
//! LinkedIn member appears percent-encoded in Connections.csv, raw UTF-8 in
//! Invitations.csv, without a scheme in Endorsements, and with `de.`/`www.`
//! prefixes or tracking queries elsewhere. [`canonical`] maps all spellings
//! of one profile to the same [`Profile`], so dedupe can compare strings.
//!
//! Choices (see NORMALISATION.md):
//! - Handles are lower-cased on every service: LinkedIn slugs, Instagram,
//!   X, GitHub, Telegram, Facebook and Mastodon names are case-insensitive,
//!   and one spelling is what makes the URL usable as a key.
//! - Canonical URLs keep non-ASCII characters decoded (IRIs): the same slug
//!   is then byte-equal whether it came encoded or raw.
//! - Numeric account ids (X intent links, Facebook `profile.php?id=`) live
//!   in the URL; `handle` is empty because no user name is known.
//!   [`account_id`] reads the id back.
//! - Old LinkedIn `/pub/<slug>/a/b/c` URLs keep their path: LinkedIn's own
//!   redirect to `/in/` reorders the segments and cannot be reproduced safely.

use crate::normalize::text;
use crate::vocab::profile::Service;

/// A canonical profile: `service` is always one of [`Service::KNOWN`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    pub service: Service,
    pub url: String,
    pub handle: String,
}

fn profile(service: Service, url: String, handle: String) -> Option<Profile> {
    Some(Profile {
        service,
        url,
        handle,
    })
}

/// A URL broken into the pieces the rules look at. Host is lower-case
/// without `www.`/`m.`/`mobile.`; path segments are still percent-encoded.
struct Url<'a> {
    host: String,
    segments: Vec<&'a str>,
    query: &'a str,
}

fn parse_url(s: &str) -> Option<Url<'_>> {
    let lower_start = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    let rest = if lower_start.starts_with("https://") {
        s.get(8..)?
    } else if lower_start.starts_with("http://") {
        s.get(7..)?
    } else if let Some(r) = s.strip_prefix("//") {
        r
    } else if s.contains("://") {
        // ftp://, intent:// … are not profiles.
        return None;
    } else {
        s
    };
    let (before_fragment, _) = rest.split_once('#').unwrap_or((rest, ""));
    let (before_query, query) = before_fragment
        .split_once('?')
        .unwrap_or((before_fragment, ""));
    let (authority, path) = before_query.split_once('/').unwrap_or((before_query, ""));
    // Drop user info and port.
    let host_port = authority.rsplit('@').next().unwrap_or_default();
    let host = host_port.split(':').next().unwrap_or_default();
    let mut host = host.trim_end_matches('.').to_lowercase();
    for prefix in ["www.", "m.", "mobile.", "web.", "mbasic."] {
        if let Some(h) = host.strip_prefix(prefix) {
            host = h.to_string();
        }
    }
    if host.is_empty() || !host.contains('.') {
        return None;
    }
    Some(Url {
        host,
        segments: path.split('/').filter(|p| !p.is_empty()).collect(),
        query,
    })
}

/// Decode `%XX` escapes (either hex case) as UTF-8; the input is returned
/// unchanged when the decoded bytes are not UTF-8.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = || {
            let hi = char::from(*bytes.get(i + 1)?).to_digit(16)?;
            let lo = char::from(*bytes.get(i + 2)?).to_digit(16)?;
            u8::try_from(hi * 16 + lo).ok()
        };
        match (b, hex()) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

/// Percent-encode only what would break a URL, leaving letters of every
/// script readable.
fn encode_unsafe(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_whitespace()
            || c.is_control()
            || matches!(c, '%' | '/' | '?' | '#' | '"' | '<' | '>')
        {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A path segment as a handle: decoded, NFC, lower-case, without a leading `@`.
fn slug(segment: &str) -> String {
    let decoded = text::nfc(percent_decode(segment));
    decoded.trim().trim_start_matches('@').to_lowercase()
}

fn query_param<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v)
        .filter(|v| !v.is_empty())
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit())
}

/// Handle syntax shared by Instagram, X, GitHub and Telegram (letters,
/// digits, `_`, `.`, `-` with service-specific subsets checked by callers).
fn handle_ok(h: &str, extra: &[char], max: usize) -> bool {
    !h.is_empty()
        && h.chars().count() <= max
        && h.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || extra.contains(&c))
}

// ---------------------------------------------------------------------------
// Services
// ---------------------------------------------------------------------------

fn linkedin(url: &Url) -> Option<Profile> {
    match url.segments.as_slice() {
        ["in", s, ..] => {
            let slug = slug(s);
            if slug.is_empty() {
                return None;
            }
            profile(
                Service::Linkedin,
                format!("https://www.linkedin.com/in/{}", encode_unsafe(&slug)),
                slug,
            )
        }
        ["pub", s, rest @ ..] if !rest.is_empty() => {
            let slug = slug(s);
            let tail: Vec<String> = rest
                .iter()
                .map(|r| encode_unsafe(&slug_segment(r)))
                .collect();
            profile(
                Service::Linkedin,
                format!(
                    "https://www.linkedin.com/pub/{}/{}",
                    encode_unsafe(&slug),
                    tail.join("/")
                ),
                slug,
            )
        }
        _ => None,
    }
}

fn slug_segment(s: &str) -> String {
    percent_decode(s).to_lowercase()
}

fn linkedin_bare(h: &str) -> Option<Profile> {
    let slug = slug(h);
    if slug.is_empty() || slug.contains('/') {
        return None;
    }
    profile(
        Service::Linkedin,
        format!("https://www.linkedin.com/in/{}", encode_unsafe(&slug)),
        slug,
    )
}

const INSTAGRAM_RESERVED: &[&str] = &[
    "p",
    "reel",
    "reels",
    "stories",
    "explore",
    "accounts",
    "direct",
    "tv",
    "about",
    "developer",
    "legal",
    "web",
    "challenge",
];

fn instagram_handle(h: &str) -> Option<Profile> {
    let h = slug(h);
    if !handle_ok(&h, &['.'], 30) || INSTAGRAM_RESERVED.contains(&h.as_str()) {
        return None;
    }
    profile(
        Service::Instagram,
        format!("https://www.instagram.com/{h}"),
        h,
    )
}

fn instagram(url: &Url) -> Option<Profile> {
    match url.segments.as_slice() {
        ["_u", user, ..] | [user, ..] => instagram_handle(user),
        [] => None,
    }
}

const X_RESERVED: &[&str] = &[
    "home",
    "i",
    "intent",
    "search",
    "settings",
    "hashtag",
    "share",
    "explore",
    "notifications",
    "messages",
    "compose",
    "tos",
    "privacy",
    "login",
    "signup",
    "logout",
    "account",
];

fn x_id(id: &str) -> Option<Profile> {
    all_digits(id).then(|| Profile {
        service: Service::X,
        url: format!("https://x.com/i/user/{id}"),
        handle: String::new(),
    })
}

fn x_handle(h: &str) -> Option<Profile> {
    let h = slug(h);
    if !handle_ok(&h, &[], 15) || X_RESERVED.contains(&h.as_str()) {
        return None;
    }
    profile(Service::X, format!("https://x.com/{h}"), h)
}

fn x(url: &Url) -> Option<Profile> {
    match url.segments.as_slice() {
        ["intent", "user" | "follow", ..] => match query_param(url.query, "user_id") {
            Some(id) => x_id(id),
            None => query_param(url.query, "screen_name").and_then(x_handle),
        },
        ["i", "user", id, ..] => x_id(id),
        [user, ..] => x_handle(user),
        [] => None,
    }
}

const FACEBOOK_RESERVED: &[&str] = &[
    "groups",
    "pages",
    "events",
    "photo.php",
    "story.php",
    "watch",
    "marketplace",
    "sharer",
    "sharer.php",
    "share",
    "login",
    "home.php",
    "hashtag",
    "permalink.php",
    "messages",
    "gaming",
    "help",
    "policies",
    "privacy",
    "settings",
    "notifications",
];

fn facebook_id(id: &str) -> Option<Profile> {
    all_digits(id).then(|| Profile {
        service: Service::Facebook,
        url: format!("https://www.facebook.com/profile.php?id={id}"),
        handle: String::new(),
    })
}

fn facebook_handle(h: &str) -> Option<Profile> {
    let h = slug(h);
    if !handle_ok(&h, &['.'], 50) || FACEBOOK_RESERVED.contains(&h.as_str()) {
        return None;
    }
    profile(
        Service::Facebook,
        format!("https://www.facebook.com/{h}"),
        h,
    )
}

fn facebook(url: &Url) -> Option<Profile> {
    match url.segments.as_slice() {
        ["profile.php", ..] => query_param(url.query, "id").and_then(facebook_id),
        ["people", _, id, ..] => facebook_id(id),
        [user, ..] => facebook_handle(user),
        [] => None,
    }
}

const GITHUB_RESERVED: &[&str] = &[
    "orgs",
    "settings",
    "about",
    "features",
    "topics",
    "marketplace",
    "login",
    "sponsors",
    "pricing",
    "explore",
    "notifications",
    "enterprise",
    "collections",
    "trending",
    "apps",
    "issues",
    "pulls",
    "search",
    "site",
    "security",
    "join",
];

fn github_handle(h: &str) -> Option<Profile> {
    let h = slug(h);
    if !handle_ok(&h, &['-'], 39) || GITHUB_RESERVED.contains(&h.as_str()) {
        return None;
    }
    profile(Service::Github, format!("https://github.com/{h}"), h)
}

fn github(url: &Url) -> Option<Profile> {
    // github.com/<user>/<repo> still names the user (or organisation).
    url.segments.first().and_then(|u| github_handle(u))
}

const TELEGRAM_RESERVED: &[&str] = &[
    "joinchat",
    "s",
    "c",
    "addstickers",
    "addemoji",
    "share",
    "proxy",
    "socks",
    "iv",
    "login",
];

fn telegram_handle(h: &str) -> Option<Profile> {
    let h = slug(h);
    if !handle_ok(&h, &[], 32) || TELEGRAM_RESERVED.contains(&h.as_str()) {
        return None;
    }
    profile(Service::Telegram, format!("https://t.me/{h}"), h)
}

fn telegram(url: &Url) -> Option<Profile> {
    // "t.me/+abc" invite links fail handle_ok and give None.
    url.segments.first().and_then(|u| telegram_handle(u))
}

/// Well-known Mastodon servers whose `/@user` URLs we recognise without a
/// hint; any other server needs the hint (TikTok, Medium, YouTube and
/// Threads use `/@user` too).
const MASTODON_HOSTS: &[&str] = &[
    "mastodon.social",
    "mastodon.online",
    "mstdn.social",
    "mas.to",
    "fosstodon.org",
    "hachyderm.io",
    "infosec.exchange",
    "techhub.social",
    "mastodon.world",
    "mstdn.jp",
    "universeodon.com",
    "social.vivaldi.net",
    "chaos.social",
    "mastodon.xyz",
    "toot.community",
    "ioc.exchange",
];

fn mastodon_account(user: &str, host: &str) -> Option<Profile> {
    let user = slug(user);
    let host = host.trim().trim_end_matches('.').to_lowercase();
    let host_ok = host.contains('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
    if !handle_ok(&user, &['.', '-'], 64) || !host_ok {
        return None;
    }
    profile(
        Service::Mastodon,
        format!("https://{host}/@{user}"),
        format!("@{user}@{host}"),
    )
}

fn mastodon(url: &Url, hinted: bool) -> Option<Profile> {
    let known = MASTODON_HOSTS.contains(&url.host.as_str())
        || url.host.contains("mastodon")
        || url.host.contains("mstdn");
    if !hinted && !known {
        return None;
    }
    match url.segments.as_slice() {
        [at_user, ..] if at_user.starts_with('@') => {
            let decoded = percent_decode(at_user);
            let account = decoded.trim_start_matches('@');
            // "https://host/@user@other.host" shows a remote account.
            match account.split_once('@') {
                Some((user, other)) => mastodon_account(user, other),
                None => mastodon_account(account, &url.host),
            }
        }
        ["users", user, ..] => mastodon_account(user, &url.host),
        _ => None,
    }
}

/// `@user@host` anywhere, `user@host` when hinted.
fn mastodon_address(s: &str, hinted: bool) -> Option<Profile> {
    let (had_at, rest) = match s.strip_prefix('@') {
        Some(r) => (true, r),
        None => (false, s),
    };
    if !had_at && !hinted {
        return None;
    }
    let (user, host) = rest.split_once('@')?;
    mastodon_account(user, host)
}

// ---------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------

/// Whether the input is a URL rather than a bare handle.
fn looks_like_url(s: &str) -> bool {
    if s.contains("://") || s.starts_with("//") || s.contains('/') {
        return true;
    }
    // "www.linkedin.com" or "instagram.com" alone: a URL that names nobody.
    let host = s.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    Service::of_host(host).is_some()
}

fn bare(handle: &str, service: &Service) -> Option<Profile> {
    let h = handle.trim().trim_start_matches('@');
    if h.is_empty() {
        return None;
    }
    match service {
        Service::Linkedin => linkedin_bare(h),
        Service::Instagram => instagram_handle(h),
        Service::X if all_digits(h) && h.len() > 15 => x_id(h),
        Service::X => x_handle(h),
        Service::Facebook if all_digits(h) && h.len() > 8 => facebook_id(h),
        Service::Facebook => facebook_handle(h),
        Service::Github => github_handle(h),
        Service::Telegram => telegram_handle(h),
        Service::Mastodon | Service::Other(_) => None,
    }
}

/// The canonical profile for a URL, or for a bare handle when `hint` names
/// the service. `None` when the input identifies no profile we know (the
/// caller keeps it as a plain URL).
///
/// A URL is judged by its host; the hint only matters for bare handles and
/// for Mastodon servers we cannot recognise by name.
pub fn canonical(input: &str, hint: Option<&Service>) -> Option<Profile> {
    // vCard writers escape ':' as '\:'; readers do not always undo it.
    let cleaned = text::clean(input).replace("\\:", ":");
    let s = cleaned.trim_matches(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"'));
    if s.is_empty() {
        return None;
    }
    let hinted_mastodon = hint == Some(&Service::Mastodon);

    if let Some(p) = mastodon_address(s, hinted_mastodon).filter(|_| !s.contains('/')) {
        return Some(p);
    }
    if !looks_like_url(s) {
        return bare(s, hint?);
    }
    let url = parse_url(s)?;
    match Service::of_host(&url.host) {
        Some(Service::Linkedin) => linkedin(&url),
        Some(Service::Instagram) => instagram(&url),
        Some(Service::X) => x(&url),
        Some(Service::Facebook) => facebook(&url),
        Some(Service::Github) => github(&url),
        Some(Service::Telegram) => telegram(&url),
        Some(Service::Mastodon | Service::Other(_)) | None => mastodon(&url, hinted_mastodon),
    }
}

/// The numeric account id a canonical profile URL carries (X intent links,
/// Facebook `profile.php?id=`), for use as a match key.
pub fn account_id(p: &Profile) -> Option<&str> {
    let id = match p.service {
        Service::X => p.url.strip_prefix("https://x.com/i/user/"),
        Service::Facebook => p
            .url
            .strip_prefix("https://www.facebook.com/profile.php?id="),
        _ => None,
    }?;
    all_digits(id).then_some(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(service: &str, url: &str, handle: &str) -> Option<Profile> {
        Some(Profile {
            service: Service::from_word(service),
            url: url.into(),
            handle: handle.into(),
        })
    }

    #[test]
    fn linkedin_urls() {
        let li = |slug: &str| {
            p(
                "linkedin",
                &format!("https://www.linkedin.com/in/{slug}"),
                slug,
            )
        };
        let cases = [
            ("https://www.linkedin.com/in/janedoe", li("janedoe")),
            ("https://www.linkedin.com/in/JaneDoe/", li("janedoe")),
            ("http://linkedin.com/in/janedoe?trk=abc#x", li("janedoe")),
            ("https://de.linkedin.com/in/janedoe/", li("janedoe")),
            ("www.linkedin.com/in/janedoe", li("janedoe")),
            ("linkedin.com/in/janedoe/de", li("janedoe")),
            ("https://www.linkedin.com/in/anika-t%C3%B6ve-kira-ines-f4acce77", li("anika-töve-kira-ines-f4acce77")),
            ("https://www.linkedin.com/in/anika-t%c3%b6ve-kira-ines-f4acce77", li("anika-töve-kira-ines-f4acce77")),
            ("https://www.linkedin.com/in/üri-asha-west-f1ac3bd5", li("üri-asha-west-f1ac3bd5")),
            ("https://www.linkedin.com/in/%C3%9Cri-asha-west-f1ac3bd5", li("üri-asha-west-f1ac3bd5")),
            (
                "https://www.linkedin.com/in/%F0%9D%93%94%F0%9D%94%83%F0%9D%93%BB%F0%9D%93%AA-63b6c7601",
                li("𝓔𝔃𝓻𝓪-63b6c7601"),
            ),
            ("https://www.linkedin.com/in/𝓔𝔃𝓻𝓪-63b6c7601", li("𝓔𝔃𝓻𝓪-63b6c7601")),
            ("https://www.linkedin.com/in/ben-carver-%E2%98%81-da75a7c5", li("ben-carver-☁-da75a7c5")),
            // A stray '%' is not an escape: kept in the handle, encoded in the URL.
            ("https://www.linkedin.com/in/bad%ZZ", p("linkedin", "https://www.linkedin.com/in/bad%25zz", "bad%zz")),
            (
                "https://www.linkedin.com/pub/john-smith/12/345/678",
                p("linkedin", "https://www.linkedin.com/pub/john-smith/12/345/678", "john-smith"),
            ),
            ("https://www.linkedin.com/", None),
            ("https://www.linkedin.com/in/", None),
            ("www.linkedin.com", None),
            ("https://www.linkedin.com/company/acme", None),
            ("https://lnkd.in/abc", None),
        ];
        for (input, expected) in cases {
            assert_eq!(canonical(input, None), expected, "input {input:?}");
        }
    }

    #[test]
    fn other_service_urls() {
        let cases = [
            (
                "https://www.instagram.com/jane.doe/",
                p(
                    "instagram",
                    "https://www.instagram.com/jane.doe",
                    "jane.doe",
                ),
            ),
            (
                "https://instagram.com/_u/Jane.Doe",
                p(
                    "instagram",
                    "https://www.instagram.com/jane.doe",
                    "jane.doe",
                ),
            ),
            ("https://www.instagram.com/p/Cxyz/", None),
            (
                "https://twitter.com/JaneDoe",
                p("x", "https://x.com/janedoe", "janedoe"),
            ),
            (
                "https://mobile.twitter.com/janedoe?s=20",
                p("x", "https://x.com/janedoe", "janedoe"),
            ),
            (
                "https://x.com/janedoe/status/123",
                p("x", "https://x.com/janedoe", "janedoe"),
            ),
            (
                "https://twitter.com/intent/user?user_id=12345",
                p("x", "https://x.com/i/user/12345", ""),
            ),
            (
                "https://x.com/i/user/12345",
                p("x", "https://x.com/i/user/12345", ""),
            ),
            ("https://twitter.com/intent/user?user_id=abc", None),
            ("https://twitter.com/home", None),
            (
                "https://www.facebook.com/jane.doe",
                p("facebook", "https://www.facebook.com/jane.doe", "jane.doe"),
            ),
            (
                "https://m.facebook.com/profile.php?id=100004&ref=x",
                p(
                    "facebook",
                    "https://www.facebook.com/profile.php?id=100004",
                    "",
                ),
            ),
            ("https://www.facebook.com/groups/123", None),
            (
                "https://github.com/BurntSushi/ripgrep",
                p("github", "https://github.com/burntsushi", "burntsushi"),
            ),
            (
                "https://t.me/Ana_K",
                p("telegram", "https://t.me/ana_k", "ana_k"),
            ),
            ("https://t.me/+AbCdEf", None),
            (
                "https://mastodon.social/@Alice",
                p(
                    "mastodon",
                    "https://mastodon.social/@alice",
                    "@alice@mastodon.social",
                ),
            ),
            (
                "https://mastodon.social/@bob@example.social",
                p(
                    "mastodon",
                    "https://example.social/@bob",
                    "@bob@example.social",
                ),
            ),
            ("https://www.tiktok.com/@someone", None),
            ("https://example.com/", None),
            ("http\\://www.ibm.com", None),
            ("ftp://linkedin.com/in/jane", None),
            ("", None),
        ];
        for (input, expected) in cases {
            assert_eq!(canonical(input, None), expected, "input {input:?}");
        }
    }

    #[test]
    fn bare_handles_with_hints() {
        let cases = [
            (
                ("janedoe", "linkedin"),
                p("linkedin", "https://www.linkedin.com/in/janedoe", "janedoe"),
            ),
            (
                ("@Jane.Doe", "instagram"),
                p(
                    "instagram",
                    "https://www.instagram.com/jane.doe",
                    "jane.doe",
                ),
            ),
            (
                ("@JaneDoe", "twitter"),
                p("x", "https://x.com/janedoe", "janedoe"),
            ),
            (
                ("@JaneDoe", "x"),
                p("x", "https://x.com/janedoe", "janedoe"),
            ),
            (
                ("1234567890123456789", "x"),
                p("x", "https://x.com/i/user/1234567890123456789", ""),
            ),
            (
                ("jane.doe", "facebook"),
                p("facebook", "https://www.facebook.com/jane.doe", "jane.doe"),
            ),
            (
                ("@ana_k", "telegram"),
                p("telegram", "https://t.me/ana_k", "ana_k"),
            ),
            (
                ("octocat", "github"),
                p("github", "https://github.com/octocat", "octocat"),
            ),
            (
                ("alice@mastodon.social", "mastodon"),
                p(
                    "mastodon",
                    "https://mastodon.social/@alice",
                    "@alice@mastodon.social",
                ),
            ),
            (
                ("@alice@Mastodon.Social", "mastodon"),
                p(
                    "mastodon",
                    "https://mastodon.social/@alice",
                    "@alice@mastodon.social",
                ),
            ),
            (
                ("https://example.social/@carol", "mastodon"),
                p(
                    "mastodon",
                    "https://example.social/@carol",
                    "@carol@example.social",
                ),
            ),
            (("not a handle", "x"), None),
            (("janedoe", "myspace"), None),
            (("@", "x"), None),
        ];
        for ((input, hint), expected) in cases {
            assert_eq!(
                canonical(input, Some(&Service::from_word(hint))),
                expected,
                "input {input:?} {hint:?}"
            );
        }
        // Without a hint: only the unambiguous Mastodon form is understood.
        let unhinted = [
            (
                "@alice@mastodon.social",
                p(
                    "mastodon",
                    "https://mastodon.social/@alice",
                    "@alice@mastodon.social",
                ),
            ),
            ("alice@mastodon.social", None),
            ("janedoe", None),
        ];
        for (input, expected) in unhinted {
            assert_eq!(canonical(input, None), expected, "input {input:?}");
        }
    }

    #[test]
    fn account_ids() {
        let cases = [
            (
                "https://twitter.com/intent/user?user_id=12345",
                Some("12345"),
            ),
            (
                "https://www.facebook.com/profile.php?id=100004",
                Some("100004"),
            ),
            ("https://x.com/janedoe", None),
        ];
        for (input, expected) in cases {
            let profile = canonical(input, None);
            assert_eq!(
                profile.as_ref().and_then(account_id),
                expected,
                "input {input:?}"
            );
        }
    }

    #[test]
    fn percent_decode_cases() {
        let cases = [
            ("t%C3%B6ve", "töve"),
            ("t%c3%b6ve", "töve"),
            ("100%", "100%"),
            ("%4", "%4"),
            ("%FF%FE", "%FF%FE"),
            ("plain", "plain"),
        ];
        for (input, expected) in cases {
            assert_eq!(percent_decode(input), expected, "input {input:?}");
        }
    }
}
