//! AVM FRITZ!Box phone book export (Telefonie › Telefonbuch › Sichern): an XML file
//! `<phonebooks><phonebook name="…"><contact>…</contact></phonebook></phonebooks>`.
//!
//! Each `<contact>` holds `<person><realName>`, `<telephony>` with `<number type="home|mobile|
//! work|fax_work|intern|memo|other" prio="1">` and `<services>` with `<email classifier="private|
//! business|other">`; `<category>1</category>` marks an important person. The phone book's name
//! becomes a group. The box writes UTF-8 or ISO-8859-1 (declared in the XML declaration); a
//! non-UTF-8 file is read as Windows-1252 (a superset), with a warning unless it was declared. Detected by the `<phonebooks>` root in the content.

use super::input::FileEntry;
use super::table::decode;
use super::xcard::{parse_tree, Node};
use super::{FileOut, Format, Sniff, Source};
use crate::error::ErrorKind;
use crate::model::{smallvec, Kind, Platform, Text};

pub struct FritzBox;

static FORMATS: &[Format] = &[Format {
    id: "fritzbox-phonebook",
    files: "FRITZ!Box phone book export (XML, <phonebooks>)",
    kinds: &[Kind::Contact],
}];

impl Source for FritzBox {
    fn platform(&self) -> Platform {
        Platform::Fritzbox
    }

    fn formats(&self) -> &'static [Format] {
        FORMATS
    }

    fn detect(&self, sniff: &Sniff<'_>) -> Option<&'static Format> {
        let head = sniff
            .head
            .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        (head.starts_with('<') && head.contains("<phonebooks"))
            .then(|| FORMATS.first())
            .flatten()
    }

    fn read(&self, file: &FileEntry, _format: &Format, out: &mut FileOut) -> Result<(), ErrorKind> {
        let decoded = decode(&file.data);
        // Latin-1 as the file declares it is no guess; undeclared, it is.
        let head: String = decoded
            .text
            .chars()
            .take(100)
            .collect::<String>()
            .to_lowercase();
        let declared = head.contains("iso-8859-1") || head.contains("windows-1252");
        if let (Some(enc), false) = (decoded.fallback, declared) {
            out.warn(1, format!("not UTF-8: read as {enc}"));
        }
        let root = parse_tree(&decoded.text, out)?;
        let books = root
            .children
            .iter()
            .filter(|n| n.name == "phonebooks")
            .flat_map(|n| n.children.iter())
            .filter(|n| n.name == "phonebook");
        for book in books {
            let book_name = book.attr("name").unwrap_or_default().trim();
            for contact in book.children.iter().filter(|n| n.name == "contact") {
                read_contact(contact, book_name, out);
            }
        }
        Ok(())
    }
}

fn read_contact(contact: &Node, book: &str, out: &mut FileOut) {
    let mut c = out.start(contact.line, Kind::Contact);
    for person in contact.children_named("person") {
        c.name.full = person.child_text("realname");
        for url in person.children_named("imageurl") {
            let v = url.text.trim();
            // The box's own `file:///var/…` paths point into its flash: not a photo anyone has.
            if v.starts_with("http://") || v.starts_with("https://") {
                c.photos.push(Text {
                    value: v.to_string(),
                    sources: smallvec![0],
                });
            }
        }
    }
    for number in contact
        .children_named("telephony")
        .flat_map(|t| t.children_named("number"))
    {
        let mut labels: Vec<&str> = match number.attr("type").unwrap_or_default() {
            "home" => vec!["home"],
            "mobile" => vec!["mobile"],
            "work" => vec!["work"],
            "fax_work" => vec!["work", "fax"],
            "fax" => vec!["fax"],
            "intern" => vec!["internal"],
            "memo" => vec!["memo"],
            _ => vec![],
        };
        if number.attr("prio") == Some("1") {
            labels.push("pref");
        }
        c.add_phone(number.text.trim(), &labels);
    }
    for email in contact
        .children_named("services")
        .flat_map(|s| s.children_named("email"))
    {
        let labels: &[&str] = match email.attr("classifier").unwrap_or_default() {
            "private" => &["home"],
            "business" | "work" => &["work"],
            _ => &[],
        };
        c.add_email(email.text.trim(), labels);
    }
    if !book.is_empty() {
        c.add_group(book);
    }
    if contact.child_text("category") == "1" {
        c.add_group("Important");
    }
    if c.is_anonymous() {
        out.reject(contact.line, "empty contact: no name, email or phone");
    } else {
        out.push(c);
    }
}
