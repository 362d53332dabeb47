//! Facebook's "Download your information" export (JSON): friends, removed friends, friend
//! requests, followers, following, message participants and the owner's profile.
//!
//! Meta renames folders between eras (`friends/` ≤2020, `friends_and_followers/` 2021–23,
//! `connections/friends/` 2024+) but keeps each list under a telling top-level key
//! (`friends`, `friends_v2`, `deleted_friends_v2`, `following_v3`, …), so list files are recognised
//! by that key, not by where they sit. Message threads are recognised by their place
//! (`messages/inbox/<thread>/`) and their `participants` key.
//!
//! Meta writes every UTF-8 byte of a string as its own `\u00XX` escape ("mojibake"); every string
//! read here goes through [`fix`], which repairs that only where the result is valid UTF-8.
//!
//! The helpers shared with the Instagram reader (same company, same quirks) live here and are
//! `pub(super)`: [`fix`], [`first_key`], [`has_key`], [`unix_seconds`], [`read_thread`].

use super::input::FileEntry;
use super::json::{self, Lines, RawValue};
use super::meta_html;
use super::table::decode;
use super::{FileOut, Format, Sniff, Source};
use crate::error::ErrorKind;
use crate::model::{smallvec, Kind, Platform, Text};
use crate::normalize::text::repair_mojibake;
use crate::vocab::profile::Service;
use serde::Deserialize;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};

pub struct Facebook;

const SERVICE: &str = "facebook";

/// A list file: the keys Meta has used for its array over the eras, what an entry is, and the
/// event its timestamp becomes.
struct List {
    format: &'static str,
    keys: &'static [&'static str],
    kind: Kind,
    event: &'static str,
}

static LISTS: &[List] = &[
    List {
        format: "friends",
        keys: &["friends_v2", "friends"],
        kind: Kind::Friend,
        event: "friend_since",
    },
    List {
        format: "removed-friends",
        keys: &["deleted_friends_v2", "deleted_friends"],
        kind: Kind::RemovedFriend,
        event: "removed",
    },
    List {
        format: "friend-requests-sent",
        keys: &["sent_requests_v2", "sent_requests"],
        kind: Kind::FriendRequestSent,
        event: "friend_request_sent",
    },
    List {
        format: "friend-requests-received",
        keys: &["received_requests_v2", "received_requests"],
        kind: Kind::FriendRequestReceived,
        event: "friend_request_received",
    },
    List {
        format: "rejected-friend-requests",
        keys: &["rejected_requests_v2", "rejected_requests"],
        kind: Kind::Rejected,
        event: "friend_request_rejected",
    },
    List {
        format: "followers",
        keys: &["followers_v3", "followers_v2", "followers"],
        kind: Kind::Follower,
        event: "follows_you",
    },
    List {
        format: "following",
        keys: &["following_v3", "following_v2", "following"],
        kind: Kind::Following,
        event: "followed",
    },
];

static FORMATS: &[Format] = &[
    Format {
        id: "friends",
        files: "connections/friends/your_friends.json (2024+), friends_and_followers/friends.json \
                (2021–23), friends/friends.json (≤2020)",
        kinds: &[Kind::Friend],
    },
    Format {
        id: "removed-friends",
        files: "removed_friends.json",
        kinds: &[Kind::RemovedFriend],
    },
    Format {
        id: "friend-requests-sent",
        files: "sent_friend_requests.json, friend_requests_sent.json",
        kinds: &[Kind::FriendRequestSent],
    },
    Format {
        id: "friend-requests-received",
        files: "received_friend_requests.json, friend_requests_received.json",
        kinds: &[Kind::FriendRequestReceived],
    },
    Format {
        id: "rejected-friend-requests",
        files: "rejected_friend_requests.json",
        kinds: &[Kind::Rejected],
    },
    Format {
        id: "followers",
        files: "connections/followers/people_who_followed_you.json, followers.json",
        kinds: &[Kind::Follower],
    },
    Format {
        id: "following",
        files: "who_you've_followed.json (also who_you_ve_followed.json), who_you_follow.json, \
                following.json",
        kinds: &[Kind::Following],
    },
    Format {
        id: "html-lists",
        files: "the HTML export's pages of the lists above: your_friends.html, friends.html, \
                removed_friends.html, sent_/received_/rejected_friend_requests.html, \
                people_who_followed_you.html, followers.html, who_you've_followed.html, \
                who_you_follow.html, following.html",
        kinds: &[
            Kind::Friend,
            Kind::RemovedFriend,
            Kind::FriendRequestSent,
            Kind::FriendRequestReceived,
            Kind::Rejected,
            Kind::Follower,
            Kind::Following,
        ],
    },
    Format {
        id: "messages",
        files: "messages/inbox/<thread>/message_N.json (also archived_threads/, e2ee_cutover/)",
        kinds: &[Kind::Message],
    },
    Format {
        id: "owner-profile",
        files: "profile_information/profile_information.json",
        kinds: &[Kind::Owner],
    },
];

fn format(id: &str) -> Option<&'static Format> {
    super::format_by_id(FORMATS, id)
}

/// The HTML export's list pages: file name without `.html` → the list (its JSON twin's format).
static HTML_PAGES: &[(&str, &str)] = &[
    ("your_friends", "friends"),
    ("friends", "friends"),
    ("removed_friends", "removed-friends"),
    ("sent_friend_requests", "friend-requests-sent"),
    ("friend_requests_sent", "friend-requests-sent"),
    ("received_friend_requests", "friend-requests-received"),
    ("friend_requests_received", "friend-requests-received"),
    ("rejected_friend_requests", "rejected-friend-requests"),
    ("people_who_followed_you", "followers"),
    ("followers", "followers"),
    ("who_you've_followed", "following"),
    ("who_you_ve_followed", "following"),
    ("who_you_follow", "following"),
    ("following", "following"),
];

/// The list an HTML page of the export is, by its file name (lower-cased).
fn html_list(name: &str) -> Option<&'static List> {
    let stem = meta_html::page_stem(name)?;
    let (_, id) = HTML_PAGES.iter().find(|(s, _)| *s == stem)?;
    LISTS.iter().find(|l| l.format == *id)
}

/// Whether Facebook's export has an HTML list page of this file name (`followers.html` is also
/// Instagram's; `blocked_profiles.html` only Instagram's).
pub(super) fn is_facebook_page_name(name: &str) -> bool {
    html_list(name).is_some()
}

/// Whether an HTML page is Instagram's: its lists' folder, or its profile links.
pub(super) fn is_instagram_page(path: &str, head: &str) -> bool {
    path.to_lowercase().contains("followers_and_following/")
        || head.to_lowercase().contains("instagram.com/")
}

impl Source for Facebook {
    fn platform(&self) -> Platform {
        Platform::Facebook
    }

    fn formats(&self) -> &'static [Format] {
        FORMATS
    }

    fn detect(&self, sniff: &Sniff<'_>) -> Option<&'static Format> {
        if meta_html::page_stem(sniff.name).is_some() {
            let ours = html_list(sniff.name).is_some()
                && meta_html::is_meta_page(sniff.head)
                && !is_instagram_page(sniff.path, sniff.head);
            return ours.then(|| format("html-lists")).flatten();
        }
        if !sniff.name.ends_with(".json") {
            return None;
        }
        if is_thread_file(sniff.path, &["messages"]) && !is_instagram_path(sniff.path) {
            return has_key(sniff.head, "participants")
                .then(|| format("messages"))
                .flatten();
        }
        let Some(key) = first_key(sniff.head) else {
            // A damaged start: in its own folder, the file name is evidence enough, so that the
            // file fails loudly instead of being skipped as "not a people file".
            return by_name(sniff.path, sniff.name);
        };
        if key == "profile_v2" || (key == "profile" && sniff.name == "profile_information.json") {
            return format("owner-profile");
        }
        let list = LISTS.iter().find(|l| l.keys.contains(&key))?;
        format(list.format)
    }

    fn read(&self, file: &FileEntry, format: &Format, out: &mut FileOut) -> Result<(), ErrorKind> {
        let decoded = decode(&file.data);
        let text: &str = &decoded.text;
        match format.id {
            "messages" => read_thread(text, &file.path, out, SERVICE),
            "owner-profile" => owner_profile(text, out),
            "html-lists" => {
                let name = super::input::file_name(&file.path).to_lowercase();
                match html_list(&name) {
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

/// A list page of the HTML export: the same records as its JSON twin (name, and the date as
/// written, which normalisation reads; the page gives the time without a zone).
fn read_html_list(text: &str, list: &List, out: &mut FileOut) -> Result<(), ErrorKind> {
    let entries = meta_html::list_entries(text, list.kind, out);
    for e in entries {
        let name = fix(e.name_text());
        if name.trim().is_empty() {
            out.reject(e.line, format!("{} without a name", list.kind));
            continue;
        }
        let mut c = out.start(e.line, list.kind);
        c.name.full = name;
        let date = fix(e.date_text());
        if !date.trim().is_empty() {
            c.add_event(list.event, date.trim(), SERVICE);
        }
        out.push(c);
    }
    Ok(())
}

/// A list file known by its name and folder (used only when its content cannot tell).
fn by_name(path: &str, name: &str) -> Option<&'static Format> {
    let lower = path.to_lowercase();
    let mut parts = lower.rsplit(['/', '\\']);
    parts.next();
    let folder = parts.next()?;
    if !matches!(
        folder,
        "friends" | "followers" | "friends_and_followers" | "following_and_followers"
    ) {
        return None;
    }
    let id = match name {
        "your_friends.json" | "friends.json" => "friends",
        "removed_friends.json" => "removed-friends",
        "sent_friend_requests.json" | "friend_requests_sent.json" => "friend-requests-sent",
        "received_friend_requests.json" | "friend_requests_received.json" => {
            "friend-requests-received"
        }
        "rejected_friend_requests.json" => "rejected-friend-requests",
        "people_who_followed_you.json" | "followers.json" => "followers",
        "who_you've_followed.json"
        | "who_you_ve_followed.json"
        | "who_you_follow.json"
        | "following.json" => "following",
        _ => return None,
    };
    format(id)
}

/// Repairs Meta's mojibake in one string read from an export.
pub(super) fn fix(s: &str) -> String {
    repair_mojibake(s)
}

/// The first key of the top-level object, read from the head of a file: Meta's list files hold
/// one key, so it names the file's content whatever the file is called.
pub(super) fn first_key(head: &str) -> Option<&str> {
    let rest = head.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let rest = rest.strip_prefix('{')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    let end = rest.find('"')?;
    let key = rest.get(..end)?;
    // A key with escapes is none of Meta's keys.
    (!key.contains('\\')).then_some(key)
}

/// Whether `"key"` occurs as an object key (followed by `:`) in the head of a file.
pub(super) fn has_key(head: &str, key: &str) -> bool {
    let quoted = format!("\"{key}\"");
    head.match_indices(&quoted).any(|(i, _)| {
        head.get(i + quoted.len()..)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
    })
}

/// Whether `path` is a JSON file inside a message thread folder:
/// `<root>/<inbox|archived_threads|e2ee_cutover>/<thread>/<file>.json`, where `<root>` is one of
/// `roots` (`messages`). Message requests and filtered threads are left out on purpose: they hold
/// strangers who wrote first, not people the owner talks to.
pub(super) fn is_thread_file(path: &str, roots: &[&str]) -> bool {
    let lower = path.to_lowercase();
    let parts: Vec<&str> = lower.split(['/', '\\']).collect();
    let n = parts.len();
    if n < 4 {
        return false;
    }
    let (root, folder) = (parts[n - 4], parts[n - 3]);
    roots.contains(&root) && matches!(folder, "inbox" | "archived_threads" | "e2ee_cutover")
}

fn is_instagram_path(path: &str) -> bool {
    path.to_lowercase().contains("your_instagram_activity")
}

/// Unix seconds from a JSON number or digit string. Meta writes seconds almost everywhere and
/// milliseconds in messages (`timestamp_ms`); the magnitude tells them apart. Zero and negative
/// values mean "unknown".
pub(super) fn unix_seconds(v: &Value) -> Option<i64> {
    let n = match v {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64))?,
        Value::String(s) => s.trim().parse::<i64>().ok()?,
        _ => return None,
    };
    match n {
        i64::MIN..=0 => None,
        1..=99_999_999_999 => Some(n),
        100_000_000_000..=99_999_999_999_999 => Some(n / 1_000),
        100_000_000_000_000..=99_999_999_999_999_999 => Some(n / 1_000_000),
        _ => None,
    }
}

/// One entry of a friends-style list: `{"name": "…", "timestamp": <unix s>}`.
#[derive(Deserialize, Default)]
#[serde(default)]
struct NameEntry {
    name: Option<String>,
    timestamp: Option<Value>,
}

fn read_list(text: &str, list: &List, out: &mut FileOut) -> Result<(), ErrorKind> {
    let lines = Lines::new(text);
    let root: BTreeMap<String, &RawValue> = json::parse(text)?;
    let Some(array) = list.keys.iter().find_map(|k| root.get(*k)) else {
        return Err(ErrorKind::Other(format!(
            "no {} list in the file (expected the key {:?})",
            list.format,
            list.keys.first().copied().unwrap_or_default()
        )));
    };
    let entries: Vec<&RawValue> = json::parse_at(array.get(), lines.of(array.get()))?;
    for raw in entries {
        let line = lines.of(raw.get());
        let entry: NameEntry = match json::parse_at(raw.get(), line) {
            Ok(e) => e,
            Err(e) => {
                out.reject(line, format!("{} entry not understood: {e}", list.kind));
                continue;
            }
        };
        let name = fix(entry.name.as_deref().unwrap_or_default());
        if name.trim().is_empty() {
            out.reject(line, format!("{} without a name", list.kind));
            continue;
        }
        let mut c = out.start(line, list.kind);
        c.name.full = name;
        if let Some(ts) = entry.timestamp.as_ref().and_then(unix_seconds) {
            c.add_event(list.event, &ts.to_string(), SERVICE);
        }
        out.push(c);
    }
    Ok(())
}

/// The owner's profile (`profile_v2`; `profile` before 2021).
#[derive(Deserialize)]
struct ProfileDoc<'a> {
    #[serde(borrow, default)]
    profile_v2: Option<&'a RawValue>,
    #[serde(borrow, default)]
    profile: Option<&'a RawValue>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Profile {
    name: Option<ProfileName>,
    emails: Option<ProfileEmails>,
    birthday: Option<Birthday>,
    phone_numbers: Vec<ProfilePhone>,
    username: String,
    profile_uri: String,
}

/// `{"full_name", "first_name", "middle_name", "last_name"}`, or a plain string in old exports.
#[derive(Deserialize)]
#[serde(untagged)]
enum ProfileName {
    Parts {
        #[serde(default)]
        full_name: String,
        #[serde(default)]
        first_name: String,
        #[serde(default)]
        middle_name: String,
        #[serde(default)]
        last_name: String,
    },
    Full(String),
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ProfileEmails {
    emails: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Birthday {
    year: i64,
    month: i64,
    day: i64,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ProfilePhone {
    phone_type: String,
    phone_number: String,
}

fn owner_profile(text: &str, out: &mut FileOut) -> Result<(), ErrorKind> {
    let lines = Lines::new(text);
    let doc: ProfileDoc = json::parse(text)?;
    let Some(raw) = doc.profile_v2.or(doc.profile) else {
        return Err(ErrorKind::Other("no profile_v2 object in the file".into()));
    };
    let line = lines.of(raw.get());
    let p: Profile = json::parse_at(raw.get(), line)?;
    let mut c = out.start(line, Kind::Owner);
    match p.name {
        Some(ProfileName::Parts {
            full_name,
            first_name,
            middle_name,
            last_name,
        }) => {
            c.name.full = fix(&full_name);
            c.name.given = fix(&first_name);
            c.name.middle = fix(&middle_name);
            c.name.family = fix(&last_name);
        }
        Some(ProfileName::Full(full)) => c.name.full = fix(&full),
        None => {}
    }
    for e in p.emails.map(|e| e.emails).unwrap_or_default() {
        c.add_email(&fix(&e), &[]);
    }
    for ph in &p.phone_numbers {
        let label = fix(&ph.phone_type).to_lowercase();
        let labels: Vec<&str> = [label.as_str()]
            .into_iter()
            .filter(|l| !l.is_empty())
            .collect();
        c.add_phone(&fix(&ph.phone_number), &labels);
    }
    if let Some(b) = p
        .birthday
        .filter(|b| (1..=12).contains(&b.month) && b.day >= 1)
    {
        let value = if b.year > 0 {
            format!("{:04}-{:02}-{:02}", b.year, b.month, b.day)
        } else {
            format!("--{:02}-{:02}", b.month, b.day)
        };
        c.birthday = Some(Text {
            value,
            sources: smallvec![0],
        });
    }
    c.add_profile(Service::Facebook, &fix(&p.profile_uri), &fix(&p.username));
    out.push(c);
    Ok(())
}

/// One message thread file (`message_N.json`), Facebook's or Instagram's (same shape).
#[derive(Deserialize)]
struct Thread<'a> {
    #[serde(borrow, default)]
    participants: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    messages: Vec<&'a RawValue>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    is_still_participant: Option<bool>,
    #[serde(default)]
    thread_path: Option<String>,
}

/// `{"name": "…"}`; Messenger's end-to-end-encrypted export writes plain strings.
#[derive(Deserialize)]
#[serde(untagged)]
enum Participant {
    Named {
        #[serde(default)]
        name: Option<String>,
    },
    Plain(String),
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ThreadMessage {
    #[serde(alias = "senderName")]
    sender_name: Option<String>,
    timestamp_ms: Option<Value>,
    timestamp: Option<Value>,
}

/// Names Meta puts in place of a deleted or deactivated account: nobody's name.
fn is_placeholder(name: &str) -> bool {
    let n = name.trim().to_lowercase();
    n.is_empty() || n == "facebook user" || n == "instagram user"
}

/// Reads the participants of one thread file: one [`Kind::Message`] record per participant other
/// than the owner, each file on its own (dedupe joins the same name across files and threads).
///
/// Who the owner is must be decided from this file alone, since each file is read separately:
/// 1. a two-person thread is titled with the other person's name, and its folder is named after
///    them (`janedoe_1234…`): the participant who is not the title is the owner;
/// 2. otherwise, unless `is_still_participant` is false (the owner left and is not listed), the
///    owner is the only named participant when all others are unknown (deleted accounts), else
///    the last participant, which is where Meta lists the owner.
pub(super) fn read_thread(
    text: &str,
    path: &str,
    out: &mut FileOut,
    service: &'static str,
) -> Result<(), ErrorKind> {
    let lines = Lines::new(text);
    let thread: Thread = json::parse(text)?;

    // Participants in file order, with their line; unknown ones are reported, not read.
    let mut people: Vec<(u64, String)> = Vec::new();
    let mut listed = 0usize;
    for raw in &thread.participants {
        let line = lines.of(raw.get());
        listed += 1;
        let name = match json::parse_at::<Participant>(raw.get(), line) {
            Ok(Participant::Named { name }) => fix(name.as_deref().unwrap_or_default()),
            Ok(Participant::Plain(name)) => fix(&name),
            Err(e) => {
                out.reject(line, format!("participant not understood: {e}"));
                continue;
            }
        };
        if is_placeholder(&name) {
            out.warn(
                line,
                "participant without a name (deleted or deactivated account), counted as unknown",
            );
            people.push((line, String::new()));
            continue;
        }
        people.push((line, name));
    }

    // Latest message per sender, and in the whole thread.
    let mut latest: HashMap<String, i64> = HashMap::new();
    let mut thread_latest: Option<i64> = None;
    let mut first_line_of: HashMap<String, u64> = HashMap::new();
    for raw in &thread.messages {
        let line = lines.of(raw.get());
        let Ok(m) = json::parse_at::<ThreadMessage>(raw.get(), line) else {
            continue;
        };
        let ts = m
            .timestamp_ms
            .as_ref()
            .or(m.timestamp.as_ref())
            .and_then(unix_seconds);
        if let Some(ts) = ts {
            thread_latest = Some(thread_latest.map_or(ts, |t| t.max(ts)));
        }
        let sender = fix(m.sender_name.as_deref().unwrap_or_default());
        if is_placeholder(&sender) {
            continue;
        }
        first_line_of.entry(sender.clone()).or_insert(line);
        if let Some(ts) = ts {
            let e = latest.entry(sender).or_insert(ts);
            *e = (*e).max(ts);
        }
    }

    let folder = thread
        .thread_path
        .as_deref()
        .map(fix)
        .unwrap_or_else(|| parent_folder(path).to_string());
    let owner = thread_owner(
        &people,
        listed,
        thread.title.as_deref().map(fix).as_deref(),
        &folder,
        thread.is_still_participant,
    );

    let mut seen: Vec<&str> = Vec::new();
    for (line, name) in &people {
        if name.is_empty() || Some(name) == owner.as_ref() || seen.contains(&name.as_str()) {
            continue;
        }
        seen.push(name);
        let mut c = out.start(*line, Kind::Message);
        c.name.full = name.clone();
        if let Some(ts) = latest.get(name).copied().or(thread_latest) {
            c.add_event("messaged", &ts.to_string(), service);
        }
        out.push(c);
    }

    // People who wrote but are no longer listed (they left a group) are not read: nothing tells
    // them from the owner when the owner left. Say so, with where the first of them wrote.
    let mut gone: Vec<(u64, &String)> = first_line_of
        .iter()
        .filter(|(n, _)| Some(*n) != owner.as_ref() && !people.iter().any(|(_, p)| p == *n))
        .map(|(n, l)| (*l, n))
        .collect();
    gone.sort();
    if let Some((line, _)) = gone.first() {
        out.warn(
            *line,
            format!(
                "{} message sender(s) not among the thread's participants (left the thread), \
                 not read as people",
                gone.len()
            ),
        );
    }
    Ok(())
}

/// The thread's folder name from the file's path (`…/inbox/<folder>/message_1.json`).
fn parent_folder(path: &str) -> &str {
    let mut parts = path.rsplit(['/', '\\']);
    parts.next();
    parts.next().unwrap_or_default()
}

/// Letters and digits only, transliterated and lower-cased: how Meta names thread folders.
fn slug(s: &str) -> String {
    deunicode::deunicode(s)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_lowercase()
}

/// The owner of a thread, decided from this thread alone (see [`read_thread`]).
fn thread_owner(
    people: &[(u64, String)],
    listed: usize,
    title: Option<&str>,
    folder: &str,
    still_participant: Option<bool>,
) -> Option<String> {
    if let [(_, a), (_, b)] = people {
        if listed == 2 && !a.is_empty() && !b.is_empty() && a != b {
            // The title of a two-person thread is the other person's name.
            if let Some(t) = title.map(str::trim).filter(|t| !t.is_empty()) {
                if t == a {
                    return Some(b.clone());
                }
                if t == b {
                    return Some(a.clone());
                }
            }
            // The folder is `<other person's name, squeezed>_<id>`.
            let last = folder.rsplit(['/', '\\']).next().unwrap_or_default();
            let stem = slug(last.rsplit_once('_').map_or(last, |(s, _)| s));
            if !stem.is_empty() {
                let (sa, sb) = (slug(a), slug(b));
                if stem == sa && stem != sb {
                    return Some(b.clone());
                }
                if stem == sb && stem != sa {
                    return Some(a.clone());
                }
            }
        }
    }
    if still_participant == Some(false) {
        return None;
    }
    // A thread always holds its owner: when everyone else is unknown, the one name is theirs.
    let mut known = people.iter().filter(|(_, n)| !n.is_empty());
    if let (Some((_, only)), None) = (known.next(), known.next()) {
        return Some(only.clone());
    }
    people
        .last()
        .map(|(_, n)| n.clone())
        .filter(|n| !n.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mojibake_is_repaired_and_true_latin1_left_alone() {
        let doc: NameEntry = serde_json::from_str(r#"{"name": "Ho\u00c3\u00a0ng"}"#).unwrap();
        assert_eq!(fix(doc.name.as_deref().unwrap()), "Hoàng");
        let doc: NameEntry = serde_json::from_str(r#"{"name": "Zo\u00eb"}"#).unwrap();
        assert_eq!(fix(doc.name.as_deref().unwrap()), "Zoë");
    }

    #[test]
    fn first_key_names_the_list() {
        assert_eq!(
            first_key("\u{feff}{\n  \"friends_v2\": ["),
            Some("friends_v2")
        );
        assert_eq!(first_key("[{\"title\": \"\"}]"), None);
        assert!(has_key("{\n \"participants\" : [", "participants"));
        assert!(!has_key("{\"title\": \"participants\"}", "participants"));
    }

    #[test]
    fn timestamps_in_seconds_milliseconds_and_text() {
        assert_eq!(
            unix_seconds(&Value::from(1_600_000_000)),
            Some(1_600_000_000)
        );
        assert_eq!(
            unix_seconds(&Value::from(1_600_000_000_123i64)),
            Some(1_600_000_000)
        );
        assert_eq!(
            unix_seconds(&Value::from("1600000000")),
            Some(1_600_000_000)
        );
        assert_eq!(unix_seconds(&Value::from(0)), None);
        assert_eq!(unix_seconds(&Value::Null), None);
    }

    #[test]
    fn thread_files_sit_in_inbox_folders() {
        assert!(is_thread_file(
            "your_facebook_activity/messages/inbox/janedoe_123/message_1.json",
            &["messages"]
        ));
        assert!(is_thread_file(
            "messages/archived_threads/x_1/message_2.json",
            &["messages"]
        ));
        assert!(!is_thread_file(
            "messages/message_requests/x_1/message_1.json",
            &["messages"]
        ));
        assert!(!is_thread_file(
            "messages/inbox/message_1.json",
            &["messages"]
        ));
    }

    fn people(names: &[&str]) -> Vec<(u64, String)> {
        names
            .iter()
            .enumerate()
            .map(|(i, n)| (i as u64 + 3, n.to_string()))
            .collect()
    }

    #[test]
    fn the_owner_of_a_two_person_thread_is_who_the_title_is_not() {
        // The owner listed first, and the other person writing more: the title still decides.
        let p = people(&["Me Myself", "Jane Doe"]);
        assert_eq!(
            thread_owner(&p, 2, Some("Jane Doe"), "inbox/janedoe_1", None).as_deref(),
            Some("Me Myself")
        );
        // No title: the folder is named after the other person.
        assert_eq!(
            thread_owner(&p, 2, None, "inbox/janedoe_1", None).as_deref(),
            Some("Me Myself")
        );
        // Neither: Meta lists the owner last.
        assert_eq!(
            thread_owner(&p, 2, None, "inbox/x_1", None).as_deref(),
            Some("Jane Doe")
        );
    }

    #[test]
    fn a_group_owner_is_the_last_participant_unless_they_left() {
        let p = people(&["A B", "C D", "Me Myself"]);
        assert_eq!(
            thread_owner(&p, 3, Some("Trip"), "inbox/trip_1", Some(true)).as_deref(),
            Some("Me Myself")
        );
        assert_eq!(
            thread_owner(&p, 3, Some("Trip"), "inbox/trip_1", Some(false)),
            None
        );
    }
}
