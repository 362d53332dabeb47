//! Google Contacts as GData / Atom XML: the feed the Contacts API (v3) served and that backup
//! tools saved, `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:gd="http://schemas.google.com/g/2005"
//! xmlns:gContact="http://schemas.google.com/contact/2008">` with one `<entry>` per person (a lone
//! `<entry>` document reads the same).
//!
//! The `gd:` elements carry the values (`gd:name`, `gd:email address=… rel=…#work`,
//! `gd:phoneNumber rel=…#mobile`, `gd:structuredPostalAddress`, `gd:organization`, `gd:im`), the
//! `gContact:` ones the rest (`birthday when=…`, `nickname`, `website`, `relation`, `event`). A
//! `rel` URI's fragment is the label; a `primary="true"` value is `pref`. Relations are related
//! people (the `rel` or custom `label` the relation), `gd:im` IM addresses (the protocol's
//! fragment the service), the event `rel="anniversary"` (or labelled Anniversary) the
//! anniversary, as from Google's CSV; other events stay notes. Read by the Google source (format `google-atom`);
//! detected by the contact namespace in the content. Each record's line is its `<entry>` tag's.

use super::input::FileEntry;
use super::table::decode;
use super::xcard::{parse_tree, Node};
use super::{FileOut, Sniff};
use crate::error::ErrorKind;
use crate::model::{smallvec, Address, Kind, Organization, Text};

/// The GData contact namespace, which every contacts feed declares.
const NAMESPACE: &str = "http://schemas.google.com/contact/2008";

/// Whether the file is a GData contacts feed or entry.
pub fn detect(sniff: &Sniff<'_>) -> bool {
    let head = sniff
        .head
        .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    head.starts_with('<')
        && head.contains(NAMESPACE)
        && (head.contains("<feed") || head.contains("<entry"))
}

/// Reads every `<entry>` of the feed.
pub fn read(file: &FileEntry, out: &mut FileOut) -> Result<(), ErrorKind> {
    let decoded = decode(&file.data);
    let root = parse_tree(&decoded.text, out)?;
    let mut entries = Vec::new();
    collect_entries(&root, &mut entries);
    for entry in entries {
        read_entry(entry, out);
    }
    Ok(())
}

fn collect_entries<'a>(node: &'a Node, found: &mut Vec<&'a Node>) {
    for child in &node.children {
        if child.name == "entry" {
            found.push(child);
        } else {
            collect_entries(child, found);
        }
    }
}

fn read_entry(entry: &Node, out: &mut FileOut) {
    if entry.children_named("deleted").next().is_some() {
        out.reject(
            entry.line,
            "deleted entry: a tombstone of a synced feed, not a person",
        );
        return;
    }
    let mut c = out.start(entry.line, Kind::Contact);
    for name in entry.children_named("name") {
        c.name.given = name.child_text("givenname");
        c.name.middle = name.child_text("additionalname");
        c.name.family = name.child_text("familyname");
        c.name.prefix = name.child_text("nameprefix");
        c.name.suffix = name.child_text("namesuffix");
        c.name.full = name.child_text("fullname");
    }
    if c.name.is_empty() {
        c.name.full = entry.child_text("title");
    }
    c.name.nickname = entry.child_text("nickname");
    for e in entry.children_named("email") {
        let labels = labels(e);
        let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
        c.add_email(e.attr("address").unwrap_or_default(), &labels);
    }
    for p in entry.children_named("phonenumber") {
        let labels = labels(p);
        let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
        let number = match p.text.trim() {
            "" => p.attr("uri").unwrap_or_default().trim_start_matches("tel:"),
            t => t,
        };
        c.add_phone(number, &labels);
    }
    for a in entry.children_named("structuredpostaladdress") {
        c.addresses.push(Address {
            street: [
                a.child_text("pobox"),
                a.child_text("street"),
                a.child_text("neighborhood"),
            ]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("\n"),
            locality: a.child_text("city"),
            region: a.child_text("region"),
            postal_code: a.child_text("postcode"),
            country: a.child_text("country"),
            raw: a.child_text("formattedaddress"),
            labels: labels(a),
            sources: smallvec![0],
        });
    }
    for a in entry.children_named("postaladdress") {
        // The API's first version: one formatted text.
        c.addresses.push(Address {
            raw: a.text.trim().to_string(),
            labels: labels(a),
            sources: smallvec![0],
            ..Default::default()
        });
    }
    for o in entry.children_named("organization") {
        c.organizations.push(Organization {
            name: o.child_text("orgname"),
            title: o.child_text("orgtitle"),
            department: o.child_text("orgdepartment"),
            sources: smallvec![0],
        });
    }
    for w in entry.children_named("website") {
        let labels = labels(w);
        let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
        c.add_url(w.attr("href").unwrap_or_default(), &labels);
    }
    for b in entry.children_named("birthday") {
        let when = b.attr("when").unwrap_or_default().trim();
        if !when.is_empty() && c.birthday.is_none() {
            c.birthday = Some(Text {
                value: when.to_string(),
                sources: smallvec![0],
            });
        }
    }
    for im in entry.children_named("im") {
        // The protocol is a URI whose fragment names the service (`…/2005#JABBER`,
        // `#GOOGLE_TALK`); an unknown one (`#NETMEETING`) is kept as its word.
        let service = im
            .attr("protocol")
            .map(|p| fragment(p).trim())
            .unwrap_or_default();
        let labels = labels(im);
        let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
        c.add_im(im.attr("address").unwrap_or_default(), service, &labels);
    }
    for r in entry.children_named("relation") {
        let label = relation_label(r);
        let labels: Vec<&str> = label.as_deref().into_iter().collect();
        c.add_related(r.text.trim(), &labels);
    }
    for e in entry.children_named("event") {
        let anniversary = e.attr("rel").map(fragment) == Some("anniversary")
            || e.attr("label")
                .is_some_and(|l| l.trim().eq_ignore_ascii_case("anniversary"));
        let label = e
            .attr("label")
            .map(str::to_string)
            .or_else(|| e.attr("rel").map(display_word))
            .unwrap_or_else(|| "Date".into());
        for when in e.children_named("when") {
            let start = when.attr("starttime").unwrap_or_default().trim();
            if anniversary {
                c.add_anniversary(start);
            } else if !start.is_empty() {
                c.add_note(&format!("{label}: {start}"));
            }
        }
    }
    c.add_note(&entry.child_text("content"));
    if super::google::is_empty(&c) {
        out.reject(entry.line, "empty contact: no name or value");
    } else {
        out.push(c);
    }
}

/// A relation as rolo labels it: a custom `label` as written (lower-cased), else the `rel` word
/// with its dash a space (`domestic-partner` → domestic partner, `referred-by` → referred by);
/// none when the entry names neither.
fn relation_label(node: &Node) -> Option<String> {
    node.attr("label")
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_lowercase)
        .or_else(|| {
            node.attr("rel")
                .map(|r| fragment(r).trim().replace(['-', '_'], " ").to_lowercase())
                .filter(|r| !r.is_empty())
        })
}

/// The word a `rel` names: the fragment of a URI (`…/2005#anniversary`), or the value itself as
/// the contact schema's relations and events write it (`spouse`).
fn fragment(rel: &str) -> &str {
    rel.rsplit('#').next().unwrap_or(rel)
}

/// `rel="http://schemas.google.com/g/2005#work_fax"` → work, fax; a custom `label` as written;
/// `primary="true"` → pref.
fn labels(node: &Node) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if let Some(rel) = node.attr("rel") {
        for word in fragment(rel).split('_') {
            let label = match word {
                "mobile" => "mobile",
                "home" => "home",
                "work" => "work",
                "fax" => "fax",
                "pager" => "pager",
                "main" => "main",
                "car" => "car",
                "other" => "other",
                "assistant" => "assistant",
                _ => continue,
            };
            if !out.iter().any(|o| o == label) {
                out.push(label.to_string());
            }
        }
    }
    if let Some(label) = node.attr("label").map(str::trim).filter(|l| !l.is_empty()) {
        out.push(label.to_lowercase());
    }
    if node.attr("primary") == Some("true") {
        out.push("pref".into());
    }
    out
}

/// An event's `rel` word as people read it in a note: `other` → "Other".
fn display_word(rel: &str) -> String {
    let word = rel
        .rsplit('#')
        .next()
        .unwrap_or(rel)
        .replace(['_', '-'], " ");
    let lower = word.to_lowercase();
    let mut chars = lower.chars();
    match chars.next() {
        Some(f) => f.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
