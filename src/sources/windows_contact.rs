//! Windows Contacts: one `.contact` XML file per person (namespace
//! `http://schemas.microsoft.com/Contact`), as Windows Vista to 11 keep them in
//! `%USERPROFILE%\Contacts` and Windows Mail / Outlook Express export them.
//!
//! Every value sits in a collection (`NameCollection`, `EmailAddressCollection`,
//! `PhoneNumberCollection`, `PhysicalAddressCollection`, `PositionCollection`, `DateCollection`,
//! `UrlCollection`, `PersonCollection`, `IMAddressCollection`) whose entries carry a
//! `LabelCollection` (`Personal`, `Business`, `Cellular`, `Fax`, `Preferred`, `wab:Birthday`,
//! `wab:Spouse`, …). The people of `PersonCollection` are related people (their `wab:` label the
//! relation), the date labelled `wab:Anniversary` the anniversary, `IMAddress` (`Value`,
//! `Protocol`) an IM address; element and label names are the Windows SDK's contact property
//! constants (`CONTACTPROP_PUB_L1_IMADDRESSCOLLECTION`, `CONTACTLABEL_WAB_SPOUSE`, …). Detected
//! by the namespace in the content, not by the extension. Read by the Outlook source (format
//! `windows-contact`): the records come out under platform `outlook`, Microsoft's other address
//! book.

use super::input::FileEntry;
use super::table::decode;
use super::xcard::{parse_tree, Node};
use super::{FileOut, Sniff};
use crate::error::ErrorKind;
use crate::model::{smallvec, Address, Kind, Organization, Text};

/// The namespace every Windows Contacts file declares.
const NAMESPACE: &str = "http://schemas.microsoft.com/contact";

/// Whether the file is a Windows Contacts XML document.
pub fn detect(sniff: &Sniff<'_>) -> bool {
    let head = sniff
        .head
        .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let lower = head.to_ascii_lowercase();
    head.starts_with('<') && lower.contains(NAMESPACE) && lower.contains(":contact")
}

/// Reads the one person of a `.contact` file.
pub fn read(file: &FileEntry, out: &mut FileOut) -> Result<(), ErrorKind> {
    let decoded = decode(&file.data);
    let root = parse_tree(&decoded.text, out)?;
    let Some(contact) = root.children.iter().find(|n| n.name == "contact") else {
        return Err(ErrorKind::Other("no <contact> element".into()));
    };
    let mut c = out.start(contact.line, Kind::Contact);
    for name in entries(contact, "namecollection") {
        if c.name.is_empty() {
            c.name.full = name.child_text("formattedname");
            c.name.given = name.child_text("givenname");
            c.name.middle = name.child_text("middlename");
            c.name.family = name.child_text("familyname");
            c.name.prefix = name.child_text("prefix");
            c.name.suffix = name.child_text("suffix");
            c.name.nickname = name.child_text("nickname");
        }
    }
    for e in entries(contact, "emailaddresscollection") {
        let labels = labels(e);
        let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
        c.add_email(&e.child_text("address"), &labels);
    }
    for p in entries(contact, "phonenumbercollection") {
        let labels = labels(p);
        let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
        c.add_phone(&p.child_text("number"), &labels);
    }
    for a in entries(contact, "physicaladdresscollection") {
        let address = Address {
            street: [
                a.child_text("pobox"),
                a.child_text("street"),
                a.child_text("extendedaddress"),
            ]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("\n"),
            locality: a.child_text("locality"),
            region: a.child_text("region"),
            postal_code: a.child_text("postalcode"),
            country: a.child_text("country"),
            raw: a.child_text("addresslabel"),
            labels: labels(a),
            sources: smallvec![0],
        };
        c.addresses.push(address);
    }
    for p in entries(contact, "positioncollection") {
        let org = Organization {
            name: first_of(p, &["company", "organization"]),
            title: first_of(p, &["jobtitle", "role"]),
            department: p.child_text("department"),
            sources: smallvec![0],
        };
        c.organizations.push(org);
    }
    for u in entries(contact, "urlcollection") {
        let labels = labels(u);
        let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
        c.add_url(&u.child_text("value"), &labels);
    }
    for d in entries(contact, "datecollection") {
        let value = d.child_text("value");
        let date = value.split('T').next().unwrap_or_default().to_string();
        match wab_label(d).as_deref() {
            Some("birthday") if c.birthday.is_none() => {
                c.birthday = Some(Text {
                    value: date,
                    sources: smallvec![0],
                });
            }
            Some("anniversary") => c.add_anniversary(&date),
            Some(other) => c.add_note(&format!("{}: {date}", capitalise(other))),
            None => c.add_note(&format!("Date: {date}")),
        }
    }
    for p in entries(contact, "personcollection") {
        let labels = relation_labels(p);
        let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
        c.add_related(&p.child_text("formattedname"), &labels);
    }
    for im in entries(contact, "imaddresscollection") {
        // `Protocol` is free text ("ex: Messenger Protocol" in the SDK): a service rolo knows by
        // that word is named by its id, any other kept as its word.
        let labels = labels(im);
        let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
        c.add_im(&im.child_text("value"), &im.child_text("protocol"), &labels);
    }
    c.add_note(&contact.child_text("notes"));
    if super::google::is_empty(&c) {
        out.reject(contact.line, "empty contact: no name or value");
    } else {
        out.push(c);
    }
    Ok(())
}

/// The entries of a collection (`<c:EmailAddressCollection><c:EmailAddress>…`).
fn entries<'a>(contact: &'a Node, collection: &'a str) -> impl Iterator<Item = &'a Node> {
    contact
        .children_named(collection)
        .flat_map(|n| n.children.iter())
}

fn first_of(node: &Node, children: &[&str]) -> String {
    children
        .iter()
        .map(|c| node.child_text(c))
        .find(|t| !t.is_empty())
        .unwrap_or_default()
}

fn raw_labels(node: &Node) -> impl Iterator<Item = &str> {
    node.children
        .iter()
        .filter(|n| n.name == "labelcollection")
        .flat_map(|n| n.children.iter())
        .map(|l| l.text.trim())
}

/// Windows' labels in rolo's words.
fn labels(node: &Node) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for l in raw_labels(node) {
        let label = match l.to_ascii_lowercase().as_str() {
            "personal" => "home",
            "business" => "work",
            "cellular" | "mobile" => "mobile",
            "fax" => "fax",
            "pager" => "pager",
            "preferred" => "pref",
            "car" => "car",
            "other" => "other",
            // Voice, Video, Msg, ISDN, SMTP and the like say nothing rolo keeps.
            _ => continue,
        };
        if !out.iter().any(|o| o == label) {
            out.push(label.to_string());
        }
    }
    out
}

/// How a person is related to the contact: the `wab:` labels (`wab:Spouse`, `wab:Child`,
/// `wab:Manager`, `wab:Assistant`) lower-cased, `Agent` (someone who acts on the contact's behalf)
/// as RFC 6350's `agent`, `Preferred` as pref; other labels (Personal, Business) say nothing
/// about the relation.
fn relation_labels(node: &Node) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for l in raw_labels(node) {
        let label = match l.strip_prefix("wab:") {
            Some(word) if !word.trim().is_empty() => word.trim().to_lowercase(),
            Some(_) => continue,
            None if l.eq_ignore_ascii_case("agent") => "agent".into(),
            None if l.eq_ignore_ascii_case("preferred") => "pref".into(),
            None => continue,
        };
        if !out.contains(&label) {
            out.push(label);
        }
    }
    out
}

/// The `wab:` label of a date or a person (`wab:Birthday`, `wab:Spouse`), lower-cased.
fn wab_label(node: &Node) -> Option<String> {
    raw_labels(node)
        .find_map(|l| l.strip_prefix("wab:"))
        .map(str::to_ascii_lowercase)
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(f) => f.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
