//! Instagram's "Download your information" export (JSON): followers, following, close friends,
//! follow requests, blocked, restricted and unfollowed accounts, message participants, and the
//! owner's personal information.
//!
//! The lists sit in `connections/followers_and_following/` (no `connections/` before ~2023) and
//! come in three shapes, sometimes within one export:
//! - a bare array (`followers_1.json`, `followers_2.json`, …): the file name says what it is;
//! - an object with one `relationships_…` key (`following.json` → `relationships_following`): the
//!   key says what it is;
//! - entries with localized `label_values` (`blocked_profiles.json` and friends in recent exports,
//!   a single entry even without the array around it).
//!
//! The username is `string_list_data[].value`, else `title`, else a "username" label, else taken
//! from the link (`https://www.instagram.com/_u/<user>`). Instagram gives no display names in its
//! lists (only the labelled shape does): a record's name stays empty rather than being made up
//! from the handle. Strings are repaired of Meta's mojibake like Facebook's.

use super::facebook::{
    first_key, fix, has_key, is_facebook_page_name, is_instagram_page, is_thread_file, read_thread,
    unix_seconds,
};
use super::input::FileEntry;
use super::json::{self, Lines, RawValue};
use super::meta_html;
use super::table::decode;
use super::{FileOut, Format, Sniff, Source};
use crate::error::ErrorKind;
use crate::model::{Contact, Kind, Platform};
use crate::vocab::profile::Service;
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;

pub struct Instagram;

const SERVICE: &str = "instagram";

/// A list file: the `relationships_…` keys it has had, the file names it goes by (for the bare
/// array shape, without `.json` and part number), what an entry is and the event of its date.
struct List {
    format: &'static str,
    keys: &'static [&'static str],
    names: &'static [&'static str],
    kind: Kind,
    event: &'static str,
}

static LISTS: &[List] = &[
    List {
        format: "followers",
        keys: &["relationships_followers"],
        names: &["followers"],
        kind: Kind::Follower,
        event: "follows_you",
    },
    List {
        format: "following",
        keys: &["relationships_following"],
        names: &["following"],
        kind: Kind::Following,
        event: "followed",
    },
    List {
        format: "close-friends",
        keys: &["relationships_close_friends"],
        names: &["close_friends"],
        kind: Kind::CloseFriend,
        event: "close_friend_added",
    },
    List {
        format: "follow-requests-sent",
        keys: &[
            "relationships_follow_requests_sent",
            "relationships_permanent_follow_requests",
        ],
        names: &["pending_follow_requests", "recent_follow_requests"],
        kind: Kind::FollowRequestSent,
        event: "follow_request_sent",
    },
    List {
        format: "follow-requests-received",
        keys: &["relationships_follow_requests_received"],
        names: &[
            "follow_requests_you've_received",
            "follow_requests_you_ve_received",
        ],
        kind: Kind::FollowRequestReceived,
        event: "follow_request_received",
    },
    List {
        format: "blocked",
        keys: &["relationships_blocked_users"],
        names: &["blocked_profiles", "blocked_accounts"],
        kind: Kind::Blocked,
        event: "blocked",
    },
    List {
        format: "restricted",
        keys: &["relationships_restricted_users"],
        names: &["restricted_profiles", "restricted_accounts"],
        kind: Kind::Restricted,
        event: "restricted",
    },
    List {
        format: "unfollowed",
        keys: &["relationships_unfollowed_users"],
        names: &[
            "recently_unfollowed_profiles",
            "recently_unfollowed_accounts",
        ],
        kind: Kind::Unfollowed,
        event: "unfollowed",
    },
];

static FORMATS: &[Format] = &[
    Format {
        id: "followers",
        files: "followers_1.json, followers_2.json, … (all parts); followers.json \
                (relationships_followers, before 2022)",
        kinds: &[Kind::Follower],
    },
    Format {
        id: "following",
        files: "following.json (relationships_following)",
        kinds: &[Kind::Following],
    },
    Format {
        id: "close-friends",
        files: "close_friends.json",
        kinds: &[Kind::CloseFriend],
    },
    Format {
        id: "follow-requests-sent",
        files: "pending_follow_requests.json, recent_follow_requests.json",
        kinds: &[Kind::FollowRequestSent],
    },
    Format {
        id: "follow-requests-received",
        files: "follow_requests_you've_received.json",
        kinds: &[Kind::FollowRequestReceived],
    },
    Format {
        id: "blocked",
        files: "blocked_profiles.json",
        kinds: &[Kind::Blocked],
    },
    Format {
        id: "restricted",
        files: "restricted_profiles.json",
        kinds: &[Kind::Restricted],
    },
    Format {
        id: "unfollowed",
        files: "recently_unfollowed_profiles.json, recently_unfollowed_accounts.json",
        kinds: &[Kind::Unfollowed],
    },
    Format {
        id: "html-lists",
        files: "the HTML export's pages of the lists above: followers_1.html, … (all parts), \
                following.html, close_friends.html, pending_follow_requests.html, \
                blocked_profiles.html, …",
        kinds: &[
            Kind::Follower,
            Kind::Following,
            Kind::CloseFriend,
            Kind::FollowRequestSent,
            Kind::FollowRequestReceived,
            Kind::Blocked,
            Kind::Restricted,
            Kind::Unfollowed,
        ],
    },
    Format {
        id: "messages",
        files: "your_instagram_activity/messages/inbox/<thread>/message_N.json",
        kinds: &[Kind::Message],
    },
    Format {
        id: "owner-profile",
        files: "personal_information/personal_information.json",
        kinds: &[Kind::Owner],
    },
];

fn format(id: &str) -> Option<&'static Format> {
    super::format_by_id(FORMATS, id)
}

/// The list a bare-array file or an HTML page is, by its name: `followers_2.json` and
/// `followers_2.html` → followers.
fn list_by_name(name: &str) -> Option<&'static List> {
    let stem = name
        .strip_suffix(".json")
        .or_else(|| meta_html::page_stem(name))?;
    let stem = match stem.rsplit_once('_') {
        Some((base, part)) if !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()) => base,
        _ => stem,
    };
    LISTS.iter().find(|l| l.names.contains(&stem))
}

impl Source for Instagram {
    fn platform(&self) -> Platform {
        Platform::Instagram
    }

    fn formats(&self) -> &'static [Format] {
        FORMATS
    }

    fn detect(&self, sniff: &Sniff<'_>) -> Option<&'static Format> {
        if meta_html::page_stem(sniff.name).is_some() {
            // A page named as only Instagram names its lists needs no more evidence: the label
            // table pages (blocked, restricted, close friends…) link to no profile.
            let ours = list_by_name(sniff.name).is_some()
                && meta_html::is_meta_page(sniff.head)
                && (is_instagram_page(sniff.path, sniff.head)
                    || !is_facebook_page_name(sniff.name));
            return ours.then(|| format("html-lists")).flatten();
        }
        if !sniff.name.ends_with(".json") {
            return None;
        }
        if sniff
            .path
            .to_lowercase()
            .contains("your_instagram_activity/")
            && is_thread_file(sniff.path, &["messages"])
        {
            return has_key(sniff.head, "participants")
                .then(|| format("messages"))
                .flatten();
        }
        let head = sniff.head.trim_start();
        // In the lists' own folder the file name is evidence enough, so that a damaged list
        // fails loudly instead of being skipped as "not a people file".
        let in_lists_folder = sniff
            .path
            .to_lowercase()
            .contains("followers_and_following/");
        let by_name = || format(list_by_name(sniff.name)?.format);
        match first_key(head) {
            Some("profile_user") => format("owner-profile"),
            Some(key) if key.starts_with("relationships_") => {
                match LISTS.iter().find(|l| l.keys.contains(&key)) {
                    Some(list) => format(list.format),
                    None if in_lists_folder => by_name(),
                    None => None,
                }
            }
            // A labelled list of one entry comes without the array around it.
            Some(_) if has_key(head, "label_values") || in_lists_folder => by_name(),
            Some(_) => None,
            None if head.starts_with('[')
                && (has_key(head, "string_list_data")
                    || has_key(head, "label_values")
                    || in_lists_folder) =>
            {
                by_name()
            }
            None if in_lists_folder => by_name(),
            None => None,
        }
    }

    fn read(&self, file: &FileEntry, format: &Format, out: &mut FileOut) -> Result<(), ErrorKind> {
        let decoded = decode(&file.data);
        let text: &str = &decoded.text;
        match format.id {
            "messages" => read_thread(text, &file.path, out, SERVICE),
            "owner-profile" => owner_profile(text, out),
            "html-lists" => {
                let name = super::input::file_name(&file.path).to_lowercase();
                match list_by_name(&name) {
                    Some(list) => read_html_list(text, list, out),
                    None => Ok(()),
                }
            }
            id => match LISTS.iter().find(|l| l.format == id) {
                Some(list) => read_list(text, list, out),
                None => Ok(()),
            },
        }
    }
}

/// One entry, in any of the three shapes.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Entry {
    title: Option<String>,
    string_list_data: Vec<StringData>,
    label_values: Vec<LabelValue>,
    timestamp: Option<Value>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct StringData {
    href: Option<String>,
    value: Option<String>,
    timestamp: Option<Value>,
}

/// `{"label": "Username", "value": "…"}`; labels are localized. Other items (nested `dict`s) are
/// tolerated and ignored.
#[derive(Deserialize, Default)]
#[serde(default)]
struct LabelValue {
    label: Option<String>,
    value: Option<Value>,
}

fn read_list(text: &str, list: &List, out: &mut FileOut) -> Result<(), ErrorKind> {
    let lines = Lines::new(text);
    let root: &RawValue = json::parse(text)?;
    let entries: Vec<&RawValue> = match root.get().trim_start().as_bytes().first() {
        Some(b'[') => json::parse_at(root.get(), lines.of(root.get()))?,
        Some(b'{') => {
            let map: BTreeMap<String, &RawValue> = json::parse_at(root.get(), 1)?;
            if map.contains_key("label_values") || map.contains_key("string_list_data") {
                vec![root]
            } else {
                // The known key, else the one `relationships_…` array (keys get renamed).
                let mut renamed = map
                    .iter()
                    .filter(|(k, v)| {
                        k.starts_with("relationships_") && v.get().trim_start().starts_with('[')
                    })
                    .map(|(_, v)| v);
                let only = match (renamed.next(), renamed.next()) {
                    (Some(v), None) => Some(v),
                    _ => None,
                };
                let array = list
                    .keys
                    .iter()
                    .find_map(|k| map.get(*k))
                    .or(only)
                    .ok_or_else(|| {
                        ErrorKind::Other(format!(
                            "no {} list in the file (expected the key {:?})",
                            list.format,
                            list.keys.first().copied().unwrap_or_default()
                        ))
                    })?;
                json::parse_at(array.get(), lines.of(array.get()))?
            }
        }
        _ => {
            return Err(ErrorKind::Other(format!(
                "no {} list in the file",
                list.format
            )))
        }
    };
    for raw in entries {
        let line = lines.of(raw.get());
        let entry: Entry = match json::parse_at(raw.get(), line) {
            Ok(e) => e,
            Err(e) => {
                out.reject(line, format!("{} entry not understood: {e}", list.kind));
                continue;
            }
        };
        let person = person(&entry);
        if person.handle.is_empty() && person.name.is_empty() {
            out.reject(line, format!("{} without a username", list.kind));
            continue;
        }
        let mut c = out.start(line, list.kind);
        fill(&mut c, &person);
        if let Some(ts) = person.timestamp {
            c.add_event(list.event, &ts.to_string(), SERVICE);
        }
        out.push(c);
    }
    Ok(())
}

/// A list page of the HTML export: the same records as its JSON twin. The username comes from
/// the profile link (`/_u/` deep links too), else the heading, else the link's text; the date is
/// the text after the link, as written (normalisation reads it; the page gives no zone).
fn read_html_list(text: &str, list: &List, out: &mut FileOut) -> Result<(), ErrorKind> {
    let entries = meta_html::list_entries(text, list.kind, out);
    let clean = |s: &str| fix(s).trim().trim_start_matches('@').trim().to_string();
    for e in entries {
        if !e.fields.is_empty() {
            read_html_table_entry(&e, list, out);
            continue;
        }
        let from_link = e
            .links
            .iter()
            .find_map(|(href, _)| handle_from_url(&fix(href)));
        let link_text = e
            .links
            .iter()
            .map(|(_, t)| clean(t))
            .find(|t| !t.is_empty() && !t.contains('/'));
        let handle = from_link
            .map(|h| clean(&h))
            .filter(|h| !h.is_empty())
            .or_else(|| Some(clean(&e.heading)).filter(|h| !h.is_empty()))
            .or(link_text)
            .unwrap_or_default();
        if handle.is_empty() {
            out.reject(e.line, format!("{} without a username", list.kind));
            continue;
        }
        let mut c = out.start(e.line, list.kind);
        fill(
            &mut c,
            &Person {
                handle,
                ..Person::default()
            },
        );
        let date = fix(e.date_text());
        if !date.trim().is_empty() {
            c.add_event(list.event, date.trim(), SERVICE);
        }
        out.push(c);
    }
    Ok(())
}

/// An entry written as a label / value table: read by its labels as the JSON twin's
/// `label_values` are (Name, Username; the URL row is the account's bio link, a profile of its
/// own only when no username is given), dated by the page's date block.
fn read_html_table_entry(e: &meta_html::Entry, list: &List, out: &mut FileOut) {
    let mut p = Person::default();
    let mut href = String::new();
    from_labels(
        &mut p,
        &mut href,
        e.fields.iter().map(|(l, v)| (l.as_str(), v.as_str())),
    );
    if p.handle.is_empty() {
        p.handle = handle_from_url(&href).unwrap_or_default();
    }
    if p.handle.is_empty() && p.name.is_empty() {
        out.reject(e.line, format!("{} without a username", list.kind));
        return;
    }
    let mut c = out.start(e.line, list.kind);
    fill(&mut c, &p);
    // Only the date block: the table's values are no date.
    let date = fix(&e.date);
    if !date.trim().is_empty() {
        c.add_event(list.event, date.trim(), SERVICE);
    }
    out.push(c);
}

/// What an entry says about its person.
#[derive(Default)]
struct Person {
    handle: String,
    /// A display name, only where Instagram gave one (the labelled shape).
    name: String,
    timestamp: Option<i64>,
}

fn fill(c: &mut Contact, p: &Person) {
    c.name.full = p.name.clone();
    if !p.handle.is_empty() {
        // The canonical profile link, built from the handle: `/_u/` deep links and missing
        // hrefs then give the same URL as the plain ones.
        let url = format!("https://www.instagram.com/{}", p.handle);
        c.add_profile(Service::Instagram, &url, &p.handle);
    }
}

/// Username: `value`, else `title`, else a username label, else from the link.
fn person(e: &Entry) -> Person {
    let clean = |s: &str| fix(s).trim().trim_start_matches('@').trim().to_string();
    let mut p = Person::default();
    let mut href = String::new();
    for sd in &e.string_list_data {
        if p.handle.is_empty() {
            p.handle = clean(sd.value.as_deref().unwrap_or_default());
        }
        if href.is_empty() {
            href = fix(sd.href.as_deref().unwrap_or_default());
        }
        if p.timestamp.is_none() {
            p.timestamp = sd.timestamp.as_ref().and_then(unix_seconds);
        }
    }
    if p.handle.is_empty() {
        p.handle = clean(e.title.as_deref().unwrap_or_default());
    }
    let labelled = e.label_values.iter().filter_map(|lv| match &lv.value {
        Some(Value::String(s)) => Some((lv.label.as_deref().unwrap_or_default(), s.as_str())),
        _ => None,
    });
    from_labels(&mut p, &mut href, labelled);
    if p.handle.is_empty() {
        p.handle = handle_from_url(&href).unwrap_or_default();
    }
    if p.timestamp.is_none() {
        p.timestamp = e.timestamp.as_ref().and_then(unix_seconds);
    }
    p
}

/// The labelled shape, in JSON (`label_values`) and in the HTML pages' label / value tables alike:
/// the first username label is the handle, the first name label the name, the first URL label
/// the link (the account's bio link, used only when there is no username).
fn from_labels<'a>(
    p: &mut Person,
    href: &mut String,
    labelled: impl Iterator<Item = (&'a str, &'a str)>,
) {
    let clean = |s: &str| fix(s).trim().trim_start_matches('@').trim().to_string();
    for (label, value) in labelled {
        let value = fix(value);
        match label_kind(&fix(label).to_lowercase()) {
            Label::Username if p.handle.is_empty() => p.handle = clean(&value),
            Label::Url if href.is_empty() => *href = value,
            Label::Name if p.name.is_empty() => p.name = value.trim().to_string(),
            _ => {}
        }
    }
}

enum Label {
    Username,
    Name,
    Url,
    Other,
}

/// Labels are written in the account's language ("Username", "Nome de usuário", …).
fn label_kind(label: &str) -> Label {
    const USER: &[&str] = &[
        "user",
        "usuário",
        "usuario",
        "utilisateur",
        "benutzer",
        "utente",
        "gebruiker",
        "użytkownik",
        "kullanıcı",
        "handle",
    ];
    const NAME: &[&str] = &[
        "name", "nome", "nombre", "nom", "naam", "imię", "isim", "ad",
    ];
    let l = label.trim();
    if l == "url" || l == "link" {
        Label::Url
    } else if USER.iter().any(|u| l.contains(u)) {
        Label::Username
    } else if NAME
        .iter()
        .any(|n| l == *n || l.starts_with(&format!("{n} ")))
    {
        Label::Name
    } else {
        Label::Other
    }
}

/// `https://www.instagram.com/<user>` or `…/_u/<user>` → `<user>`.
fn handle_from_url(href: &str) -> Option<String> {
    let at = href.find("instagram.com/")?;
    let rest = href.get(at + "instagram.com/".len()..)?;
    let rest = rest.strip_prefix("_u/").unwrap_or(rest);
    let user = rest.split(['/', '?', '#']).next()?.trim();
    let reserved = [
        "", "accounts", "explore", "p", "reel", "reels", "stories", "direct",
    ];
    (!reserved.contains(&user)).then(|| user.to_string())
}

/// `personal_information.json`: `{"profile_user": [{"string_map_data": {"Username": {"value"},
/// "Name": {"value"}, "Email": {"value"}, …}}]}`, keys localized like labels.
#[derive(Deserialize)]
struct PersonalInfo<'a> {
    #[serde(borrow, default)]
    profile_user: Vec<&'a RawValue>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ProfileUser {
    string_map_data: BTreeMap<String, MapValue>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct MapValue {
    value: Option<Value>,
}

fn owner_profile(text: &str, out: &mut FileOut) -> Result<(), ErrorKind> {
    let lines = Lines::new(text);
    let doc: PersonalInfo = json::parse(text)?;
    for raw in doc.profile_user.iter().take(1) {
        let line = lines.of(raw.get());
        let user: ProfileUser = json::parse_at(raw.get(), line)?;
        let mut p = Person::default();
        let mut c = out.start(line, Kind::Owner);
        for (key, v) in &user.string_map_data {
            let Some(Value::String(value)) = &v.value else {
                continue;
            };
            let value = fix(value);
            let key = fix(key).to_lowercase();
            if key.contains("confirm") {
                continue;
            } else if key.contains("mail") {
                c.add_email(&value, &[]);
            } else if key.contains("phone") {
                c.add_phone(&value, &[]);
            } else {
                match label_kind(&key) {
                    Label::Username => p.handle = value.trim().trim_start_matches('@').to_string(),
                    Label::Name => p.name = value.trim().to_string(),
                    _ => {}
                }
            }
        }
        fill(&mut c, &p);
        out.push(c);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(json: &str) -> Person {
        person(&serde_json::from_str(json).unwrap())
    }

    #[test]
    fn username_from_value_then_title_then_link() {
        let p = entry(
            r#"{"title": "", "media_list_data": [], "string_list_data": [
                {"href": "https://www.instagram.com/jane.doe", "value": "jane.doe", "timestamp": 1700000000}]}"#,
        );
        assert_eq!(
            (p.handle.as_str(), p.timestamp),
            ("jane.doe", Some(1_700_000_000))
        );
        assert!(p.name.is_empty());
        let p = entry(
            r#"{"title": "jane.doe", "string_list_data": [
                {"href": "https://www.instagram.com/_u/jane.doe", "timestamp": 1}]}"#,
        );
        assert_eq!(p.handle, "jane.doe");
        let p = entry(
            r#"{"title": "", "string_list_data": [{"href": "https://www.instagram.com/_u/jane.doe"}]}"#,
        );
        assert_eq!(p.handle, "jane.doe");
    }

    #[test]
    fn labelled_entries_give_username_and_display_name() {
        let p = entry(
            r#"{"timestamp": 1740655193, "media": [], "label_values": [
                {"label": "URL", "value": ""},
                {"label": "Nome", "value": "Sarah Ex\u00c3\u00a9mplo"},
                {"label": "Nome de usu\u00c3\u00a1rio", "value": "sarah.exemplo"}],
               "fbid": "1"}"#,
        );
        assert_eq!(p.handle, "sarah.exemplo");
        assert_eq!(p.name, "Sarah Exémplo");
        assert_eq!(p.timestamp, Some(1_740_655_193));
    }

    #[test]
    fn bare_arrays_are_known_by_file_name_and_part() {
        assert_eq!(
            list_by_name("followers_2.json").map(|l| l.kind),
            Some(Kind::Follower)
        );
        assert_eq!(
            list_by_name("followers.json").map(|l| l.kind),
            Some(Kind::Follower)
        );
        assert_eq!(
            list_by_name("blocked_profiles.json").map(|l| l.kind),
            Some(Kind::Blocked)
        );
        assert!(list_by_name("liked_posts.json").is_none());
    }
}
