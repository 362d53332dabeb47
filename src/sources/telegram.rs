//! Telegram Desktop's data export in JSON (`result.json`): contacts, frequent contacts, the owner.
//!
//! The file is recognised by its content (the export's `about` text, `personal_information`, or
//! `contacts` with `frequent_contacts`), not by its name, so a renamed export still reads. Telegram
//! Desktop writes control characters inside strings as `\xNN`, which is not JSON; those escapes
//! are repaired to `\u00NN` before parsing, without moving any line. Chats are not read: they name
//! people only by display name, and the people one talks to are already in the lists read here.
//!
//! Entries that are no person, or name nobody, are rejected with a reason rather than dropped:
//! contacts with only a date (deleted accounts), bots, groups and channels among the frequent
//! contacts.

use super::input::FileEntry;
use super::json::{self, Lines, RawValue};
use super::table::decode;
use super::{FileOut, Format, Sniff, Source};
use crate::error::ErrorKind;
use crate::model::{smallvec, Contact, Kind, Platform, Profile};
use crate::vocab::profile::Service;
use serde::Deserialize;
use serde_json::Value;
use std::borrow::Cow;

pub struct Telegram;

const SERVICE: &str = "telegram";

static FORMATS: &[Format] = &[Format {
    id: "result-json",
    files: "result.json (Telegram Desktop export, machine-readable JSON)",
    kinds: &[Kind::Contact, Kind::FrequentContact, Kind::Owner],
}];

/// The first words of the `about` text every Telegram Desktop export starts with.
const ABOUT: &str = "\"Here is the data you requested";

/// True when `text` has `"key"` followed by a colon, i.e. the key of an object member.
fn has_key(text: &str, key: &str) -> bool {
    let quoted = format!("\"{key}\"");
    text.match_indices(&quoted).any(|(i, _)| {
        text.get(i + quoted.len()..)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
    })
}

impl Source for Telegram {
    fn platform(&self) -> Platform {
        Platform::Telegram
    }

    fn formats(&self) -> &'static [Format] {
        FORMATS
    }

    fn detect(&self, sniff: &Sniff<'_>) -> Option<&'static Format> {
        if !(sniff.name.ends_with(".json") || sniff.name == "-") {
            return None;
        }
        let head = sniff.head;
        let telegram = head.trim_start().starts_with('{')
            && (has_key(head, "personal_information")
                || (has_key(head, "contacts") && has_key(head, "frequent_contacts"))
                || (has_key(head, "about") && head.contains(ABOUT)));
        telegram.then(|| FORMATS.first()).flatten()
    }

    fn read(&self, file: &FileEntry, _format: &Format, out: &mut FileOut) -> Result<(), ErrorKind> {
        let decoded = decode(&file.data);
        let (text, repairs) = repair_hex_escapes(&decoded.text);
        let export: Export = json::parse(&text).map_err(|e| unshift(e, &repairs))?;
        let lines = Lines::new(&text);
        if let Some(raw) = export.personal_information {
            owner(raw, &lines, out);
        }
        if let Some(section) = export.contacts {
            for raw in section.list {
                contact(raw, &lines, out);
            }
        }
        if let Some(section) = export.frequent_contacts {
            for raw in section.list {
                frequent_contact(raw, &lines, out);
            }
        }
        Ok(())
    }
}

/// Where a repair added two bytes: 1-based line, and the column of its backslash after repair.
type Repair = (u64, u64);

/// Turns Telegram's `\xNN` escapes into JSON's `\u00NN`. Backslashes are taken in pairs with the
/// character they escape, so an escaped backslash followed by `x41` (`\\x41`) is left alone and
/// valid escapes are never touched. No line break is added or removed.
fn repair_hex_escapes(text: &str) -> (Cow<'_, str>, Vec<Repair>) {
    if !text.contains("\\x") {
        return (Cow::Borrowed(text), Vec::new());
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + 16);
    let mut repairs = Vec::new();
    let mut line = 1u64;
    let mut line_start = 0usize; // offset in `out` of the current line
    let mut copied = 0usize; // bytes of `text` already in `out`
    let mut i = 0usize;
    while i < bytes.len() {
        match bytes.get(i) {
            Some(b'\n') => {
                out.push_str(text.get(copied..=i).unwrap_or_default());
                copied = i + 1;
                line += 1;
                line_start = out.len();
                i += 1;
            }
            Some(b'\\') => {
                let hex = |k: usize| bytes.get(i + k).is_some_and(u8::is_ascii_hexdigit);
                if bytes.get(i + 1) == Some(&b'x') && hex(2) && hex(3) {
                    out.push_str(text.get(copied..i).unwrap_or_default());
                    repairs.push((line, (out.len() - line_start) as u64 + 1));
                    out.push_str("\\u00");
                    out.push_str(text.get(i + 2..i + 4).unwrap_or_default());
                    i += 4;
                    copied = i;
                } else if bytes.get(i + 1) == Some(&b'\n') {
                    // Not valid JSON either way; step only past the backslash to count the line.
                    i += 1;
                } else {
                    i += 2;
                }
            }
            _ => i += 1,
        }
    }
    out.push_str(text.get(copied..).unwrap_or_default());
    (Cow::Owned(out), repairs)
}

/// Maps a parse error's column back to the file as written, before repairs widened its line.
fn unshift(e: ErrorKind, repairs: &[Repair]) -> ErrorKind {
    match e {
        ErrorKind::Json {
            line,
            column,
            message,
        } => {
            let widened = repairs
                .iter()
                .filter(|(l, c)| *l == line && *c < column)
                .count() as u64;
            ErrorKind::Json {
                line,
                column: column.saturating_sub(2 * widened),
                message,
            }
        }
        other => other,
    }
}

#[derive(Deserialize)]
struct Export<'a> {
    #[serde(borrow, default)]
    personal_information: Option<&'a RawValue>,
    #[serde(borrow, default)]
    contacts: Option<Section<'a>>,
    #[serde(borrow, default)]
    frequent_contacts: Option<Section<'a>>,
}

#[derive(Deserialize)]
struct Section<'a> {
    #[serde(borrow, default)]
    list: Vec<&'a RawValue>,
}

/// A string or number field as text (`date_unixtime` is a string, ids are numbers).
fn text_of(v: &Value, key: &str) -> String {
    match v.get(key) {
        Some(Value::String(s)) => s.trim().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// An entry as a JSON object, or a rejection saying why not.
fn object(
    raw: &RawValue,
    lines: &Lines<'_>,
    what: &str,
    out: &mut FileOut,
) -> Option<(u64, Value)> {
    let line = lines.of(raw.get());
    match json::parse_at::<Value>(raw.get(), line) {
        Ok(v) if v.is_object() => Some((line, v)),
        _ => {
            out.reject(line, format!("{what} entry is not a JSON object"));
            None
        }
    }
}

/// A Telegram account known by its numeric id (0 means none).
fn add_account(c: &mut Contact, id: &str, username: &str) {
    let id = if id == "0" { "" } else { id };
    let handle = username.trim().trim_start_matches('@');
    if !id.is_empty() || !handle.is_empty() {
        c.profiles.push(Profile {
            service: Service::Telegram,
            url: String::new(),
            handle: handle.to_string(),
            id: id.to_string(),
            sources: smallvec![0],
        });
    }
}

/// `contacts.list[]`: the phone book Telegram synced, `first_name`, `last_name`, `phone_number`,
/// `date` / `date_unixtime` (when added); empty fields are left out by the exporter.
fn contact(raw: &RawValue, lines: &Lines<'_>, out: &mut FileOut) {
    let Some((line, v)) = object(raw, lines, "contact", out) else {
        return;
    };
    let mut c = out.start(line, Kind::Contact);
    c.name.given = text_of(&v, "first_name");
    c.name.family = text_of(&v, "last_name");
    c.add_phone(&text_of(&v, "phone_number"), &[]);
    add_account(&mut c, &text_of(&v, "user_id"), "");
    if c.name.is_empty() && c.phones.is_empty() {
        out.reject(
            line,
            "contact with only a date (no name, no phone: a deleted account)",
        );
        return;
    }
    let mut added = text_of(&v, "date_unixtime");
    if added.is_empty() {
        added = text_of(&v, "date");
    }
    if !added.is_empty() {
        c.add_event("added", &added, SERVICE);
    }
    out.push(c);
}

/// `frequent_contacts.list[]`: Telegram's top peers, `{id, category, type, name, rating}`. Only
/// users in the `people` and `calls` ratings are people; bots (`inline_bots`), groups and
/// channels are rejected with their category and type.
fn frequent_contact(raw: &RawValue, lines: &Lines<'_>, out: &mut FileOut) {
    let Some((line, v)) = object(raw, lines, "frequent contact", out) else {
        return;
    };
    let category = text_of(&v, "category");
    let kind = text_of(&v, "type");
    if kind != "user" || !matches!(category.as_str(), "people" | "calls") {
        out.reject(
            line,
            format!("frequent contact is not a person (category {category:?}, type {kind:?})"),
        );
        return;
    }
    let mut c = out.start(line, Kind::FrequentContact);
    c.name.full = text_of(&v, "name");
    if c.name.is_empty() {
        out.reject(line, "frequent contact without a name (a deleted account)");
        return;
    }
    add_account(&mut c, &text_of(&v, "id"), "");
    out.push(c);
}

/// `personal_information`: the owner, with `user_id`, names, phone, `username`, `bio`.
fn owner(raw: &RawValue, lines: &Lines<'_>, out: &mut FileOut) {
    let Some((line, v)) = object(raw, lines, "personal_information", out) else {
        return;
    };
    let mut c = out.start(line, Kind::Owner);
    c.name.given = text_of(&v, "first_name");
    c.name.family = text_of(&v, "last_name");
    c.add_phone(&text_of(&v, "phone_number"), &[]);
    add_account(&mut c, &text_of(&v, "user_id"), &text_of(&v, "username"));
    c.add_note(&text_of(&v, "bio"));
    out.push(c);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_escapes_become_unicode_escapes() {
        let (s, repairs) = repair_hex_escapes(r#"{"a": "x\x01y\x1Fz"}"#);
        assert_eq!(s, r#"{"a": "x\u0001y\u001Fz"}"#);
        assert_eq!(repairs, [(1, 9), (1, 16)]);
        let v: Value = serde_json::from_str(&s).unwrap();
        assert_eq!(v["a"], "x\u{1}y\u{1f}z");
    }

    #[test]
    fn escaped_backslashes_and_valid_escapes_are_left_alone() {
        for text in [
            r#"{"a": "C:\\x41"}"#,
            r#"{"a": "\\\\x41"}"#,
            r#"{"a": "\u0078\n\"x41"}"#,
            r#"{"a": "\xZZ"}"#,
            "{\"a\": \"no escapes at all\"}",
        ] {
            let (s, repairs) = repair_hex_escapes(text);
            assert_eq!(s, text);
            assert!(repairs.is_empty(), "{text}");
        }
        // An escaped backslash, then a real \x escape.
        let (s, _) = repair_hex_escapes(r#""\\\x41""#);
        assert_eq!(s, r#""\\\u0041""#);
    }

    #[test]
    fn repairs_keep_lines_and_errors_keep_the_written_column() {
        let text = "{\n \"a\": \"\\x01\",\n \"b\": \"\\x02\" x\n}";
        let (s, repairs) = repair_hex_escapes(text);
        assert_eq!(s.lines().count(), text.lines().count());
        let err = json::parse::<Value>(&s).unwrap_err();
        match unshift(err, &repairs) {
            // `x` is at column 14 of line 3 as written.
            ErrorKind::Json { line, column, .. } => assert_eq!((line, column), (3, 14)),
            other => panic!("{other}"),
        }
    }

    #[test]
    fn keys_are_found_only_as_keys() {
        assert!(has_key("{\"contacts\" : {", "contacts"));
        assert!(!has_key("{\"a\": \"contacts\"}", "contacts"));
        assert!(!has_key("{\"frequent_contacts\": 1}", "contacts"));
    }
}
