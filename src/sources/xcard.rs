//! xCard (RFC 6351): vCard 4.0 as XML, `<vcards xmlns="urn:ietf:params:xml:ns:vcard-4.0">`.
//!
//! The XML is read with quick-xml into a small tree (depth-capped, so hostile nesting costs
//! nothing), and each `<vcard>` is turned into the same property form the vCard reader uses
//! ([`Prop`]), so both map to a contact by the same rules. Element names are matched by local
//! name: a prefixed namespace (`<vc:vcard>`) reads the same. Each card's line is the line of its
//! `<vcard>` tag.

use super::input::FileEntry;
use super::json::Lines;
use super::table::decode;
use super::vcard::{card_to_contact, Prop};
use super::{FileOut, Format, Sniff, Source};
use crate::error::ErrorKind;
use crate::model::{Kind, Platform};
use quick_xml::events::Event;

pub struct XCard;

static FORMATS: &[Format] = &[Format {
    id: "xcard",
    files: "*.xml with <vcards xmlns=\"urn:ietf:params:xml:ns:vcard-4.0\"> (RFC 6351)",
    kinds: &[Kind::Contact],
}];

/// The namespace every xCard document declares.
pub const NAMESPACE: &str = "urn:ietf:params:xml:ns:vcard-4.0";

/// Elements nested deeper than this are an error: xCard needs six levels.
const MAX_DEPTH: usize = 64;

impl Source for XCard {
    fn platform(&self) -> Platform {
        Platform::Xcard
    }

    fn formats(&self) -> &'static [Format] {
        FORMATS
    }

    fn detect(&self, sniff: &Sniff<'_>) -> Option<&'static Format> {
        let head = sniff
            .head
            .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        (head.starts_with('<') && head.to_ascii_lowercase().contains(NAMESPACE))
            .then(|| FORMATS.first())
            .flatten()
    }

    fn read(&self, file: &FileEntry, _format: &Format, out: &mut FileOut) -> Result<(), ErrorKind> {
        let decoded = decode(&file.data);
        let root = parse_tree(&decoded.text, out)?;
        let mut cards = Vec::new();
        collect_cards(&root, &mut cards);
        for card in cards {
            let mut props = Vec::new();
            for child in &card.children {
                if child.name == "group" {
                    let group = child.attr("name").unwrap_or_default().to_ascii_lowercase();
                    for p in &child.children {
                        props.push(prop(p, &group));
                    }
                } else {
                    props.push(prop(child, ""));
                }
            }
            card_to_contact(card.line, &props, out);
        }
        Ok(())
    }
}

/// One XML element: local name (lower-cased), attributes, text, children, line. Shared with the
/// other XML address books (Windows Contacts, FRITZ!Box), which read the same tree.
#[derive(Debug, Default)]
pub(super) struct Node {
    pub(super) name: String,
    pub(super) attrs: Vec<(String, String)>,
    pub(super) text: String,
    pub(super) children: Vec<Node>,
    pub(super) line: u64,
}

impl Node {
    pub(super) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The child elements called `name`.
    pub(super) fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Node> {
        self.children.iter().filter(move |n| n.name == name)
    }

    /// The trimmed text of the first child element called `name`, empty when there is none.
    pub(super) fn child_text(&self, name: &str) -> String {
        self.children_named(name)
            .next()
            .map(|n| n.text.trim().to_string())
            .unwrap_or_default()
    }
}

fn xml_error(lines: &Lines<'_>, pos: u64, e: impl std::fmt::Display) -> ErrorKind {
    ErrorKind::Other(format!(
        "invalid XML at line {}: {e}",
        lines.line_at(pos as usize)
    ))
}

fn start_node(
    e: &quick_xml::events::BytesStart<'_>,
    line: u64,
    lines: &Lines<'_>,
    pos: u64,
) -> Result<Node, ErrorKind> {
    let name = String::from_utf8_lossy(e.local_name().as_ref()).to_ascii_lowercase();
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|err| xml_error(lines, pos, err))?;
        let key = String::from_utf8_lossy(a.key.local_name().as_ref()).to_ascii_lowercase();
        let value = a
            .unescape_value()
            .map_err(|err| xml_error(lines, pos, err))?
            .into_owned();
        attrs.push((key, value));
    }
    Ok(Node {
        name,
        attrs,
        line,
        ..Node::default()
    })
}

/// Reads the document into a tree under a synthetic root. An unclosed document is read up to
/// its end with a warning; malformed XML fails the file with its line.
pub(super) fn parse_tree(text: &str, out: &mut FileOut) -> Result<Node, ErrorKind> {
    let lines = Lines::new(text);
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().trim_text(false);
    let mut stack: Vec<Node> = vec![Node::default()];
    loop {
        let pos = reader.buffer_position();
        let line = lines.line_at(pos as usize);
        let event = reader
            .read_event()
            .map_err(|e| xml_error(&lines, reader.error_position(), e))?;
        match event {
            Event::Start(e) => {
                if stack.len() > MAX_DEPTH {
                    return Err(ErrorKind::Other(format!(
                        "XML nested more than {MAX_DEPTH} elements deep at line {line}"
                    )));
                }
                stack.push(start_node(&e, line, &lines, pos)?);
            }
            Event::Empty(e) => {
                let node = start_node(&e, line, &lines, pos)?;
                if let Some(top) = stack.last_mut() {
                    top.children.push(node);
                }
            }
            Event::End(_) if stack.len() > 1 => {
                if let Some(node) = stack.pop() {
                    if let Some(top) = stack.last_mut() {
                        top.children.push(node);
                    }
                }
            }
            Event::Text(t) => {
                let s = t.unescape().map_err(|e| xml_error(&lines, pos, e))?;
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&s);
                }
            }
            Event::CData(t) => {
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&String::from_utf8_lossy(&t.into_inner()));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if stack.len() > 1 {
        let line = stack.get(1).map(|n| n.line).unwrap_or(1);
        out.warn(
            line,
            "XML not closed at the end of the file; read up to there",
        );
        while stack.len() > 1 {
            if let Some(node) = stack.pop() {
                if let Some(top) = stack.last_mut() {
                    top.children.push(node);
                }
            }
        }
    }
    Ok(stack.pop().unwrap_or_default())
}

fn collect_cards<'a>(node: &'a Node, cards: &mut Vec<&'a Node>) {
    for child in &node.children {
        if child.name == "vcard" {
            cards.push(child);
        } else {
            collect_cards(child, cards);
        }
    }
}

/// The components of the structured properties, in vCard order.
fn components(name: &str) -> Option<&'static [&'static str]> {
    match name {
        "n" => Some(&["surname", "given", "additional", "prefix", "suffix"]),
        "adr" => Some(&[
            "pobox", "ext", "street", "locality", "region", "code", "country",
        ]),
        "gender" => Some(&["sex", "identity"]),
        _ => None,
    }
}

fn prop(node: &Node, group: &str) -> Prop {
    let mut params = Vec::new();
    for p in node.children_named("parameters") {
        for param in &p.children {
            let pname = param.name.to_ascii_uppercase();
            if param.children.is_empty() {
                params.push((pname, param.text.trim().to_string()));
            } else {
                for v in &param.children {
                    params.push((pname.clone(), v.text.trim().to_string()));
                }
            }
        }
    }
    let values: Vec<Vec<String>> = match components(&node.name) {
        Some(parts) => parts
            .iter()
            .map(|part| {
                node.children
                    .iter()
                    .filter(|c| c.name == *part)
                    .map(|c| c.text.clone())
                    .collect()
            })
            .collect(),
        None => node
            .children
            .iter()
            .filter(|c| c.name != "parameters")
            .map(|c| vec![c.text.clone()])
            .collect(),
    };
    let raw = values
        .first()
        .and_then(|c| c.first())
        .cloned()
        .unwrap_or_default();
    Prop {
        line: node.line,
        group: group.to_string(),
        name: node.name.to_ascii_uppercase(),
        params,
        values,
        raw,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::input::FileEntry;

    fn read(xml: &str) -> FileOut {
        let file = FileEntry {
            input: "t.xml".into(),
            path: "t.xml".into(),
            data: xml.as_bytes().to_vec(),
        };
        let mut out = FileOut::new(&file, Platform::Xcard);
        let format = FORMATS.first().cloned().unwrap();
        XCard.read(&file, &format, &mut out).unwrap();
        out
    }

    #[test]
    fn groups_and_prefixed_namespaces_are_read() {
        let out = read(
            r#"<?xml version="1.0"?>
<x:vcards xmlns:x="urn:ietf:params:xml:ns:vcard-4.0">
 <x:vcard>
  <x:fn><x:text>Ada Lovelace</x:text></x:fn>
  <x:group name="item1"><x:org><x:text>Analytical</x:text></x:org>
   <x:title><x:text>Programmer</x:text></x:title></x:group>
 </x:vcard>
</x:vcards>"#,
        );
        let c = &out.records[0];
        assert_eq!(c.name.full, "Ada Lovelace");
        assert_eq!(c.organizations[0].title, "Programmer");
        assert_eq!(c.sources[0].line, 3);
    }

    #[test]
    fn an_unclosed_document_is_read_with_a_warning() {
        let out = read(
            "<vcards xmlns=\"urn:ietf:params:xml:ns:vcard-4.0\"><vcard><fn><text>Ada</text></fn>",
        );
        assert_eq!(out.records.len(), 1);
        assert_eq!(out.warnings.len(), 1);
    }
}
