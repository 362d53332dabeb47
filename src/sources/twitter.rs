//! X / Twitter "Download an archive of your data": the `data/*.js` files that name people.
//!
//! Every file is a JavaScript assignment, `window.YTD.<name>.partN = [ … ]`, of a JSON array.
//! Files are recognised by that assignment, not by their name, so split parts (`follower-part1.js`,
//! `follower.part1.js`) and renamed files read like the first part. The assignment is blanked out
//! byte for byte before parsing, so JSON errors and record lines point at the real file whatever
//! the layout (pretty-printed, one entry per line, or `[ {` … `}, {`).
//!
//! The archive holds no names or handles for other people: each record is an account id with the
//! `userLink` X wrote (`https://twitter.com/intent/user?user_id=…`), which normalisation turns
//! into `https://x.com/i/user/<id>`. Direct messages give their participants, one record per
//! person; the owner, who takes part in every message, is left out. `account.js` is the owner.

use super::input::FileEntry;
use super::json::{self, Lines, RawValue};
use super::table::decode;
use super::{FileOut, Format, Sniff, Source};
use crate::error::ErrorKind;
use crate::model::{smallvec, Contact, Kind, Platform, Profile};
use crate::vocab::profile::Service;
use serde::Deserialize;
use serde_json::Value;
use std::collections::HashMap;

pub struct Twitter;

const SERVICE: &str = "twitter";

static FORMATS: &[Format] = &[
    Format {
        id: "followers",
        files: "data/follower.js (and follower-part1.js, … for large accounts)",
        kinds: &[Kind::Follower],
    },
    Format {
        id: "following",
        files: "data/following.js (and its parts)",
        kinds: &[Kind::Following],
    },
    Format {
        id: "blocks",
        files: "data/block.js (and its parts)",
        kinds: &[Kind::Blocked],
    },
    Format {
        id: "mutes",
        files: "data/mute.js (and its parts)",
        kinds: &[Kind::Muted],
    },
    Format {
        id: "direct-messages",
        files: "data/direct-messages.js, direct-message.js (2019): one-to-one conversations",
        kinds: &[Kind::Message],
    },
    Format {
        id: "address-book",
        files: "data/contact.js (address book uploaded to X)",
        kinds: &[Kind::Contact],
    },
    Format {
        id: "owner-account",
        files: "data/account.js",
        kinds: &[Kind::Owner],
    },
];

/// The `window.YTD.<name>` of each format, and the key that wraps each entry of its array.
const VARIABLES: &[(&str, &str, &str)] = &[
    ("follower", "followers", "follower"),
    ("following", "following", "following"),
    ("block", "blocks", "blocking"),
    ("mute", "mutes", "muting"),
    ("direct_messages", "direct-messages", "dmConversation"),
    // Archives of 2019 and before: data/direct-message.js.
    ("direct_message", "direct-messages", "dmConversation"),
    ("contact", "address-book", "contact"),
    ("account", "owner-account", "account"),
];

/// The `<name>` of a `window.YTD.<name>.partN =` assignment at the start of `text`.
fn ytd_variable(text: &str) -> Option<&str> {
    let rest = text.trim_start().strip_prefix("window.YTD.")?;
    let dot = rest.find(".part")?;
    let name = rest.get(..dot)?;
    let after = rest.get(dot + ".part".len()..)?;
    let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let ok = digits > 0
        && after.get(digits..)?.trim_start().starts_with('=')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    ok.then_some(name)
}

fn entry_key(format_id: &str) -> &'static str {
    VARIABLES
        .iter()
        .find(|(_, id, _)| *id == format_id)
        .map(|(_, _, key)| *key)
        .unwrap_or("")
}

/// The JSON array of a `.js` file, with everything before its first `[` (the assignment) and a
/// trailing `;` turned into spaces. Byte offsets and lines stay those of the file.
fn unwrap_js(text: &str) -> Result<String, ErrorKind> {
    let start = text.find('[').ok_or_else(|| {
        ErrorKind::Other("no JSON array after the `window.YTD…` assignment".into())
    })?;
    let mut s = String::with_capacity(text.len());
    for c in text.get(..start).unwrap_or_default().chars() {
        if c == '\n' || c == '\r' {
            s.push(c);
        } else {
            s.extend(std::iter::repeat_n(' ', c.len_utf8()));
        }
    }
    let body = text.get(start..).unwrap_or_default();
    let trimmed = body.trim_end();
    match trimmed.strip_suffix(';') {
        Some(json) => {
            s.push_str(json);
            s.push(' ');
            s.push_str(body.get(trimmed.len()..).unwrap_or_default());
        }
        None => s.push_str(body),
    }
    Ok(s)
}

/// A string or number field as text (X writes ids as strings; other tools as numbers).
fn text_of(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.trim().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// The link X writes for an account it knows only by id.
fn intent_link(id: &str) -> String {
    format!("https://twitter.com/intent/user?user_id={id}")
}

/// The `user_id` of an intent link, for entries that lack `accountId`.
fn id_from_link(link: &str) -> String {
    link.split_once("user_id=")
        .map(|(_, rest)| rest.split(['&', '#']).next().unwrap_or(""))
        .filter(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
        .unwrap_or("")
        .to_string()
}

/// The account profile of a record: the link as X wrote it (or built from the id) and the id.
fn account_profile(id: &str, link: &str) -> Profile {
    Profile {
        service: Service::X,
        url: if link.is_empty() {
            intent_link(id)
        } else {
            link.to_string()
        },
        handle: String::new(),
        id: id.to_string(),
        sources: smallvec![0],
    }
}

/// The object an entry wraps (`{"follower": {…}}`); any single wrapped object if the key differs.
fn unwrap_entry<'v>(entry: &'v Value, key: &str) -> Option<&'v Value> {
    let obj = entry.as_object()?;
    obj.get(key)
        .or_else(|| match obj.len() {
            1 => obj.values().next(),
            _ => None,
        })
        .filter(|v| v.is_object())
}

impl Source for Twitter {
    fn platform(&self) -> Platform {
        Platform::Twitter
    }

    fn formats(&self) -> &'static [Format] {
        FORMATS
    }

    fn detect(&self, sniff: &Sniff<'_>) -> Option<&'static Format> {
        if !(sniff.name.ends_with(".js") || sniff.name == "-") {
            return None;
        }
        let var = ytd_variable(sniff.head)?;
        let (_, id, _) = VARIABLES.iter().find(|(v, _, _)| *v == var)?;
        super::format_by_id(FORMATS, id)
    }

    fn read(&self, file: &FileEntry, format: &Format, out: &mut FileOut) -> Result<(), ErrorKind> {
        let decoded = decode(&file.data);
        let text = unwrap_js(&decoded.text)?;
        let entries: Vec<&RawValue> = json::parse(&text)?;
        let lines = Lines::new(&text);
        let key = entry_key(format.id);
        match format.id {
            "followers" => follow_list(&entries, &lines, key, Kind::Follower, out),
            "following" => follow_list(&entries, &lines, key, Kind::Following, out),
            "blocks" => follow_list(&entries, &lines, key, Kind::Blocked, out),
            "mutes" => follow_list(&entries, &lines, key, Kind::Muted, out),
            "direct-messages" => direct_messages(&entries, &lines, out),
            "address-book" => address_book(&entries, &lines, key, out),
            "owner-account" => owner(&entries, &lines, key, out),
            _ => {}
        }
        Ok(())
    }
}

/// One entry of the array: its line, and its value (entries are small; DMs are read typed).
fn entries_with_lines<'t>(
    entries: &[&'t RawValue],
    lines: &Lines<'_>,
) -> impl Iterator<Item = (u64, Result<Value, ErrorKind>)> + 't {
    let located: Vec<(u64, &'t RawValue)> =
        entries.iter().map(|r| (lines.of(r.get()), *r)).collect();
    located
        .into_iter()
        .map(|(line, raw)| (line, json::parse_at::<Value>(raw.get(), line)))
}

/// follower.js, following.js, block.js, mute.js: `{"<key>": {"accountId", "userLink"}}`.
fn follow_list(entries: &[&RawValue], lines: &Lines<'_>, key: &str, kind: Kind, out: &mut FileOut) {
    for (line, entry) in entries_with_lines(entries, lines) {
        let entry = match entry {
            Ok(v) => v,
            Err(e) => {
                out.reject(line, format!("entry not understood: {e}"));
                continue;
            }
        };
        let inner = unwrap_entry(&entry, key);
        let link = text_of(inner.and_then(|i| i.get("userLink")));
        let mut id = text_of(inner.and_then(|i| i.get("accountId")));
        if id.is_empty() {
            id = id_from_link(&link);
        }
        if id.is_empty() {
            out.reject(line, "entry without an accountId");
            continue;
        }
        let mut c = out.start(line, kind);
        c.profiles.push(account_profile(&id, &link));
        out.push(c);
    }
}

#[derive(Deserialize)]
struct DmEntry<'a> {
    #[serde(rename = "dmConversation", borrow)]
    conversation: Option<Conversation<'a>>,
}

#[derive(Deserialize)]
struct Conversation<'a> {
    #[serde(borrow, default)]
    messages: Vec<&'a RawValue>,
}

#[derive(Deserialize)]
struct DmEvent {
    #[serde(rename = "messageCreate")]
    create: Option<MessageCreate>,
}

#[derive(Deserialize)]
struct MessageCreate {
    #[serde(rename = "senderId")]
    sender: Option<Value>,
    #[serde(rename = "recipientId")]
    recipient: Option<Value>,
    #[serde(rename = "createdAt")]
    created: Option<String>,
}

/// One message: where it starts, who took part, when.
struct Sighting {
    line: u64,
    ids: Vec<String>,
    date: String,
}

/// direct-messages.js: one record per person other than the owner, at the line of the message
/// they first appear in, with the date of the latest message.
fn direct_messages(entries: &[&RawValue], lines: &Lines<'_>, out: &mut FileOut) {
    let mut sightings = Vec::new();
    for raw in entries {
        let line = lines.of(raw.get());
        let entry: DmEntry = match json::parse_at(raw.get(), line) {
            Ok(e) => e,
            Err(e) => {
                out.warn(line, format!("conversation not understood, skipped: {e}"));
                continue;
            }
        };
        let Some(conversation) = entry.conversation else {
            out.warn(line, "entry without dmConversation, skipped");
            continue;
        };
        for m in conversation.messages {
            let line = lines.of(m.get());
            let event: DmEvent = match json::parse_at(m.get(), line) {
                Ok(e) => e,
                Err(e) => {
                    out.warn(line, format!("message not understood, skipped: {e}"));
                    continue;
                }
            };
            // Reactions and other events name nobody new.
            let Some(create) = event.create else { continue };
            let sender = text_of(create.sender.as_ref());
            let recipient = text_of(create.recipient.as_ref());
            if sender.is_empty() || recipient.is_empty() {
                out.warn(line, "message without sender or recipient id");
            }
            let mut ids: Vec<String> = [sender, recipient]
                .into_iter()
                .filter(|id| !id.is_empty())
                .collect();
            ids.dedup();
            sightings.push(Sighting {
                line,
                ids,
                date: create.created.unwrap_or_default().trim().to_string(),
            });
        }
    }

    // The owner takes part in every message: the one id seen in the most messages. When another
    // id ties (a single conversation), the owner cannot be told apart and nobody is left out.
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for s in &sightings {
        for id in &s.ids {
            *seen.entry(id.as_str()).or_insert(0) += 1;
        }
    }
    let top = seen.values().copied().max().unwrap_or(0);
    let leaders: Vec<&str> = seen
        .iter()
        .filter(|(_, n)| **n == top)
        .map(|(id, _)| *id)
        .collect();
    let owner = match leaders.as_slice() {
        [one] => Some(one.to_string()),
        _ => {
            if let Some(first) = sightings.first() {
                out.warn(
                    first.line,
                    "the archive's owner cannot be told apart in these messages (one \
                     conversation only): every participant is kept",
                );
            }
            None
        }
    };

    let mut index: HashMap<String, usize> = HashMap::new();
    let mut people: Vec<(u64, String, String)> = Vec::new();
    for s in sightings {
        for id in s.ids {
            if Some(&id) == owner.as_ref() {
                continue;
            }
            match index.get(&id) {
                Some(&i) => {
                    if let Some(p) = people.get_mut(i) {
                        // ISO 8601 in one format: text order is time order.
                        if s.date > p.2 {
                            p.2 = s.date.clone();
                        }
                    }
                }
                None => {
                    index.insert(id.clone(), people.len());
                    people.push((s.line, id, s.date.clone()));
                }
            }
        }
    }
    for (line, id, date) in people {
        let mut c = out.start(line, Kind::Message);
        c.profiles.push(account_profile(&id, ""));
        c.add_event("messaged", &date, SERVICE);
        out.push(c);
    }
}

/// Strings of a field that may be one string or an array of them.
fn strings_of(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(items)) => items.iter().map(|i| text_of(Some(i))).collect(),
        other => vec![text_of(other)],
    }
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect()
}

/// contact.js: the address book the owner uploaded, `{"contact": {"id", "emails", "phoneNumbers"}}`.
fn address_book(entries: &[&RawValue], lines: &Lines<'_>, key: &str, out: &mut FileOut) {
    for (line, entry) in entries_with_lines(entries, lines) {
        let entry = match entry {
            Ok(v) => v,
            Err(e) => {
                out.reject(line, format!("entry not understood: {e}"));
                continue;
            }
        };
        let inner = unwrap_entry(&entry, key);
        let mut c = out.start(line, Kind::Contact);
        for e in strings_of(inner.and_then(|i| i.get("emails"))) {
            c.add_email(&e, &[]);
        }
        for p in strings_of(inner.and_then(|i| i.get("phoneNumbers"))) {
            c.add_phone(&p, &[]);
        }
        if c.is_anonymous() {
            out.reject(line, "address-book entry without email or phone");
            continue;
        }
        out.push(c);
    }
}

/// account.js: the owner's user name, email, display name and account id.
fn owner(entries: &[&RawValue], lines: &Lines<'_>, key: &str, out: &mut FileOut) {
    for (line, entry) in entries_with_lines(entries, lines) {
        let Ok(entry) = entry else {
            out.warn(line, "account entry not understood, skipped");
            continue;
        };
        let Some(inner) = unwrap_entry(&entry, key) else {
            out.warn(line, "account entry without account, skipped");
            continue;
        };
        let mut c: Contact = out.start(line, Kind::Owner);
        c.name.full = text_of(inner.get("accountDisplayName"));
        c.add_email(&text_of(inner.get("email")), &[]);
        let id = text_of(inner.get("accountId"));
        let username = text_of(inner.get("username"));
        if !username.is_empty() || !id.is_empty() {
            // The user name is the handle; the id stays the id. An intent link (all a profile
            // built from the id could be) would only hide the handle.
            c.profiles.push(Profile {
                service: Service::X,
                url: if username.is_empty() {
                    intent_link(&id)
                } else {
                    String::new()
                },
                handle: username,
                id,
                sources: smallvec![0],
            });
        }
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ytd_assignments_are_recognised() {
        for (head, want) in [
            ("window.YTD.follower.part0 = [", Some("follower")),
            ("\n  window.YTD.follower.part12=[ {", Some("follower")),
            (
                "window.YTD.direct_messages.part0 = [",
                Some("direct_messages"),
            ),
            (
                "window.YTD.direct_messages_group.part0 = [",
                Some("direct_messages_group"),
            ),
            ("window.YTD.follower = [", None),
            ("window.YTD.follower.partX = [", None),
            ("window.__THAR_CONFIG = {", None),
            ("[{\"follower\":{}}]", None),
        ] {
            assert_eq!(ytd_variable(head), want, "{head}");
        }
    }

    #[test]
    fn unwrapping_keeps_offsets_and_lines() {
        let text = "window.YTD.mute.part0 = [ {\n  \"muting\" : {\"accountId\" : \"1\"}\n} ];\n";
        let s = unwrap_js(text).unwrap();
        assert_eq!(s.len(), text.len());
        assert_eq!(s.find('['), text.find('['));
        assert!(s.trim_start().starts_with('['));
        let v: Vec<Value> = json::parse(&s).unwrap();
        assert_eq!(v.len(), 1);
    }

    #[test]
    fn a_json_error_points_into_the_file_not_the_array() {
        let text = "window.YTD.follower.part0 = [\n  {\"follower\": {\"accountId\": \"1\",}}\n]";
        let s = unwrap_js(text).unwrap();
        let err = json::parse::<Vec<&RawValue>>(&s).unwrap_err();
        match err {
            ErrorKind::Json { line, column, .. } => assert_eq!((line, column), (2, 34)),
            other => panic!("{other}"),
        }
    }

    #[test]
    fn ids_come_from_intent_links_when_missing() {
        assert_eq!(
            id_from_link("https://twitter.com/intent/user?user_id=42"),
            "42"
        );
        assert_eq!(id_from_link("https://x.com/someone"), "");
    }
}
