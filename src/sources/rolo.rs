//! rolo's own JSON and JSON Lines output, read back (docs/formats/rolo.md).
//!
//! Each contact is one record that keeps every value and carries the contact's id as its
//! `prior_id`, so last year's merged file can take this year's exports and every contact keeps
//! its id. The record's one source is the file it was read from: the exports the contact once
//! came from are not read again, and its `merge` is decided anew. (rolo's vCard output is read
//! back by the vCard reader, which knows a rolo card by its UID.)

use super::input::FileEntry;
use super::json::{self, Lines, RawValue};
use super::table::decode;
use super::{FileOut, Format, Sniff, Source};
use crate::error::ErrorKind;
use crate::model::{is_contact_id, smallvec, Contact, Kind, Platform, ThinVec};

pub struct Rolo;

static FORMATS: &[Format] = &[
    Format {
        id: "rolo-json",
        files: "rolo's own JSON output (an array of contacts with r- ids)",
        kinds: &[Kind::Contact],
    },
    Format {
        id: "rolo-jsonl",
        files: "rolo's own JSON Lines output (one contact with an r- id a line)",
        kinds: &[Kind::Contact],
    },
];

/// The start of `head` without whitespace, enough to see the first key and value.
fn compact(head: &str) -> String {
    head.chars()
        .filter(|c| !c.is_whitespace())
        .take(24)
        .collect()
}

/// Whether a file that starts with `head` is rolo's own JSON or JSON Lines output.
pub fn is_rolo_output(head: &str) -> bool {
    let c = compact(head);
    c.starts_with("[{\"id\":\"r-") || c.starts_with("{\"id\":\"r-")
}

impl Source for Rolo {
    fn platform(&self) -> Platform {
        Platform::Rolo
    }

    fn formats(&self) -> &'static [Format] {
        FORMATS
    }

    fn detect(&self, sniff: &Sniff<'_>) -> Option<&'static Format> {
        // rolo writes `id` first: no platform's export starts that way with an r- id.
        let c = compact(sniff.head);
        if c.starts_with("[{\"id\":\"r-") {
            FORMATS.first()
        } else if c.starts_with("{\"id\":\"r-") {
            FORMATS.get(1)
        } else {
            None
        }
    }

    fn read(&self, file: &FileEntry, format: &Format, out: &mut FileOut) -> Result<(), ErrorKind> {
        let decoded = decode(&file.data);
        let text = decoded.text.as_ref();
        if format.id == "rolo-jsonl" {
            for (i, l) in text.lines().enumerate() {
                let line = i as u64 + 1;
                if !l.trim().is_empty() {
                    one(json::parse_at(l, line), line, out);
                }
            }
            return Ok(());
        }
        let list: Vec<&RawValue> = json::parse(text)?;
        let lines = Lines::new(text);
        for raw in list {
            let line = lines.of(raw.get());
            one(json::parse_at(raw.get(), line), line, out);
        }
        Ok(())
    }
}

/// One contact of the file as a record, or a rejection that says why (never what it held).
fn one(parsed: Result<Contact, ErrorKind>, line: u64, out: &mut FileOut) {
    match parsed {
        Ok(c) => {
            let record = to_record(c, out.start(line, Kind::Contact));
            out.push(record);
        }
        Err(e) => out.reject(line, format!("not a contact of rolo's JSON: {e}")),
    }
}

/// The contact's values, each pointing at the record's one source.
fn to_record(c: Contact, mut r: Contact) -> Contact {
    if let Some(s) = r.sources.first_mut() {
        if is_contact_id(&c.id) {
            s.prior_id = c.id;
        }
    }
    fn own<T>(list: ThinVec<T>, mut set: impl FnMut(&mut T)) -> ThinVec<T> {
        list.into_iter()
            .map(|mut v| {
                set(&mut v);
                v
            })
            .collect()
    }
    let zero = || smallvec![0];
    r.name = c.name;
    r.aliases = own(c.aliases, |v| v.sources = zero());
    r.emails = own(c.emails, |v| v.sources = zero());
    r.phones = own(c.phones, |v| v.sources = zero());
    r.organizations = own(c.organizations, |v| v.sources = zero());
    r.profiles = own(c.profiles, |v| v.sources = zero());
    r.urls = own(c.urls, |v| v.sources = zero());
    r.ims = own(c.ims, |v| v.sources = zero());
    r.related = own(c.related, |v| v.sources = zero());
    r.addresses = own(c.addresses, |v| v.sources = zero());
    r.birthday = c.birthday.map(|mut b| {
        b.sources = zero();
        b
    });
    r.anniversary = c.anniversary.map(|mut a| {
        a.sources = zero();
        a
    });
    r.notes = own(c.notes, |v| v.sources = zero());
    r.photos = own(c.photos, |v| v.sources = zero());
    r.events = own(c.events, |v| v.sources = zero());
    r.groups = own(c.groups, |v| v.sources = zero());
    r
}
