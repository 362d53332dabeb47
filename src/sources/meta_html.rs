//! The HTML variant of Meta's "Download your information" export (Facebook and Instagram): the
//! list pages (friends, followers, following, …) read into plain entries, one per person, for the
//! Facebook and Instagram readers to turn into records.
//!
//! Meta writes every list page with one generator: each entry is a box (`<section class="_a6-g">`
//! since 2024, `<div class="pam _3-95 _2ph- _a6-g uiBoxWhite noborder">` in 2021–23,
//! `<div class="… _2lej uiBoxWhite noborder">` before) holding a heading (the name: `<h2>`, or a
//! block of class `_a6-h` / `_2lel`), a date (a block of class `_a72d` / `_a6-o` / `_2lem`, or on
//! Instagram a plain `<div>` after the link) and links (Instagram's profile links). Class names are
//! obfuscated and change, so only those few are relied on, and an entry without them still gives
//! its texts in order.
//!
//! Some pages write an entry as a table of label / value rows instead (Instagram's blocked,
//! restricted and close-friends pages in recent exports: `Name`, `Username`, `URL`, the labels in
//! the account's language), in one of two cell shapes: `<td>Label</td><td>value</td>`, or one
//! cell holding the label as its own text and the value in blocks inside it
//! (`<td colspan="2">Label<div><div>value</div></div></td>`). Those rows are read by the table's
//! structure, not by class names, into [`Entry::fields`]; the entry's texts keep them too. The page is parsed by a real HTML parser (`scraper`, html5ever underneath),
//! so entities, implied end tags and attribute quoting need nothing of rolo's own.
//!
//! The parsed tree keeps no line numbers; an entry's line is that of its box's start tag, found by
//! counting the boxes' start tags in the text in document order (the parser sees them in the same
//! order). When the two counts disagree (a box tag the scan cannot see), entries get line 1.

use scraper::node::Node;
use scraper::{ElementRef, Html};

/// Class names of an entry's box.
const BOX: &[&str] = &["_a6-g", "uiBoxWhite"];
/// Class names of an entry's heading (the name), besides `<h1>`–`<h3>`.
const HEADING: &[&str] = &["_a6-h", "_2lel", "_2lek"];
/// Class names of an entry's date.
const DATE: &[&str] = &["_a72d", "_a6-o", "_2lem"];

/// Class names and tags that only Meta's export pages carry, searched in a file's head.
const MARKERS: &[&str] = &["_a6-g", "_a705", "_a706", "uiboxwhite", "_2lej", "_4t5n"];

/// Whether the head of an HTML file looks like a page of Meta's export.
pub(super) fn is_meta_page(head: &str) -> bool {
    let lower: String = head.to_lowercase();
    (lower.contains("<html") || lower.contains("<!doctype html"))
        && MARKERS.iter().any(|m| lower.contains(m))
}

/// `your_friends.html` → `your_friends`; `None` for a file that is no HTML page.
pub(super) fn page_stem(name: &str) -> Option<&str> {
    name.strip_suffix(".html")
        .or_else(|| name.strip_suffix(".htm"))
}

/// One box of a list page.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Entry {
    /// The line of the box's start tag (1-based).
    pub line: u64,
    /// The heading's text: the name (Facebook) or the username (Instagram's following page).
    pub heading: String,
    /// The date as written, from the date block; empty when the box has none.
    pub date: String,
    /// Other texts of the box, in document order (outside heading, date and links).
    pub texts: Vec<String>,
    /// Links: `(href, text)`.
    pub links: Vec<(String, String)>,
    /// The rows of a label / value table in the box, in document order: `(label, value)`, the
    /// value's text whatever inline elements wrap it (a link's text, not its address).
    pub fields: Vec<(String, String)>,
}

impl Entry {
    /// The date: the date block's, else (Instagram, older pages) the last plain text after the
    /// first, else nothing.
    pub(super) fn date_text(&self) -> &str {
        if !self.date.is_empty() {
            return &self.date;
        }
        match self.texts.as_slice() {
            [_, .., last] => last,
            [only] if !self.heading.is_empty() || !self.links.is_empty() => only,
            _ => "",
        }
    }

    /// The name: the heading, else the first plain text.
    pub(super) fn name_text(&self) -> &str {
        if !self.heading.is_empty() {
            return &self.heading;
        }
        self.texts.first().map_or("", String::as_str)
    }
}

/// The entries of a list page of `kind`, with a warning at line 1 when there are none (an empty
/// list, or a layout rolo does not know).
pub(super) fn list_entries(
    text: &str,
    kind: crate::model::Kind,
    out: &mut super::FileOut,
) -> Vec<Entry> {
    let found = entries(text);
    if found.is_empty() {
        out.warn(
            1,
            format!(
                "no {kind} entries found in the page (an empty list, or a layout rolo does not know)"
            ),
        );
    }
    found
}

/// The entries of a list page, in document order. Never fails: the parser recovers from any
/// input as browsers do; a page without boxes gives no entries.
pub(super) fn entries(text: &str) -> Vec<Entry> {
    let doc = Html::parse_document(text);
    let boxes: Vec<ElementRef<'_>> = doc
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(is_box)
        .collect();
    let lines = box_lines(text);
    let lines = (lines.len() == boxes.len()).then_some(lines);
    let mut out = Vec::new();
    for (i, b) in boxes.iter().enumerate() {
        // A box inside another is part of that entry.
        if b.ancestors()
            .filter_map(ElementRef::wrap)
            .any(|a| is_box(&a))
        {
            continue;
        }
        let mut e = Entry {
            line: lines.as_ref().and_then(|l| l.get(i).copied()).unwrap_or(1),
            ..Entry::default()
        };
        collect(*b, Role::Plain, &mut e);
        e.fields = fields(*b);
        if !e.heading.is_empty()
            || !e.date.is_empty()
            || !e.texts.is_empty()
            || !e.links.is_empty()
            || !e.fields.is_empty()
        {
            out.push(e);
        }
    }
    out
}

fn has_class(e: &ElementRef<'_>, names: &[&str]) -> bool {
    e.value().classes().any(|c| names.contains(&c))
}

fn is_box(e: &ElementRef<'_>) -> bool {
    has_class(e, BOX)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Plain,
    Heading,
    Date,
    Link,
}

/// Gathers an element's texts into the entry by the role of the block they sit in.
fn collect(el: ElementRef<'_>, role: Role, e: &mut Entry) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => {
                let s = squeeze(t);
                if s.is_empty() {
                    continue;
                }
                match role {
                    Role::Plain => e.texts.push(s),
                    Role::Heading => join(&mut e.heading, &s),
                    Role::Date => join(&mut e.date, &s),
                    Role::Link => {
                        if let Some((_, text)) = e.links.last_mut() {
                            join(text, &s);
                        }
                    }
                }
            }
            Node::Element(_) => {
                let Some(c) = ElementRef::wrap(child) else {
                    continue;
                };
                let name = c.value().name();
                if matches!(name, "script" | "style" | "template") {
                    continue;
                }
                let inner = if name == "a" {
                    let href = c.value().attr("href").unwrap_or_default();
                    e.links.push((href.trim().to_string(), String::new()));
                    Role::Link
                } else if role == Role::Link {
                    Role::Link
                } else if matches!(name, "h1" | "h2" | "h3") || has_class(&c, HEADING) {
                    Role::Heading
                } else if has_class(&c, DATE) {
                    Role::Date
                } else {
                    role
                };
                // A block inside a heading or a date is part of it.
                let inner = if matches!(role, Role::Heading | Role::Date) && inner != Role::Link {
                    role
                } else {
                    inner
                };
                collect(c, inner, e);
            }
            _ => {}
        }
    }
}

/// The label / value rows of the tables in a box. A row of two or more cells is the first
/// cell's text and the others'; a row of one cell is the cell's own text (the label) and the text
/// of the blocks inside it (the value). A row holding a table of its own is left to that table's
/// rows, and a row without a label gives nothing.
fn fields(b: ElementRef<'_>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for row in b
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().name() == "tr")
    {
        let nested = row
            .descendants()
            .filter_map(ElementRef::wrap)
            .any(|e| e.value().name() == "table");
        if nested {
            continue;
        }
        let cells: Vec<ElementRef<'_>> = row
            .children()
            .filter_map(ElementRef::wrap)
            .filter(|c| matches!(c.value().name(), "td" | "th"))
            .collect();
        let (label, value) = match cells.as_slice() {
            [] => continue,
            [only] => {
                let own: Vec<String> = only
                    .children()
                    .filter_map(|n| match n.value() {
                        Node::Text(t) => Some(squeeze(t)),
                        _ => None,
                    })
                    .filter(|t| !t.is_empty())
                    .collect();
                let inner: Vec<String> = only
                    .children()
                    .filter_map(ElementRef::wrap)
                    .map(text_of)
                    .filter(|t| !t.is_empty())
                    .collect();
                (own.join(" "), inner.join(" "))
            }
            [first, rest @ ..] => {
                let value: Vec<String> = rest
                    .iter()
                    .map(|c| text_of(*c))
                    .filter(|t| !t.is_empty())
                    .collect();
                (text_of(*first), value.join(" "))
            }
        };
        if !label.is_empty() {
            out.push((label, value));
        }
    }
    out
}

/// Every text inside an element, squeezed and joined by spaces (scripts and styles aside).
fn text_of(el: ElementRef<'_>) -> String {
    let mut out = String::new();
    for n in el.descendants() {
        if let Node::Text(t) = n.value() {
            let inside_code = n
                .ancestors()
                .filter_map(ElementRef::wrap)
                .take_while(|a| a.id() != el.id())
                .any(|a| matches!(a.value().name(), "script" | "style" | "template"));
            let s = squeeze(t);
            if !s.is_empty() && !inside_code {
                join(&mut out, &s);
            }
        }
    }
    out
}

/// Whitespace runs (line breaks of the page's source, `&nbsp;`) to one space, trimmed.
fn squeeze(s: &str) -> String {
    s.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn join(into: &mut String, s: &str) {
    if !into.is_empty() {
        into.push(' ');
    }
    into.push_str(s);
}

/// The line of every box start tag in the text, in document order: a `class` attribute holding
/// one of [`BOX`] inside a tag.
fn box_lines(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let (mut line, mut counted) = (1u64, 0usize);
    for (at, _) in text.match_indices("class=") {
        let Some(rest) = text.get(at + "class=".len()..) else {
            continue;
        };
        let value = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => rest.get(1..).and_then(|r| r.split(q).next()),
            _ => rest.split(|c: char| c.is_whitespace() || c == '>').next(),
        };
        let Some(value) = value else { continue };
        if !value.split_whitespace().any(|c| BOX.contains(&c)) {
            continue;
        }
        // Only an attribute inside a tag: the nearest `<` before it is nearer than any `>`.
        let before = text.get(..at).unwrap_or_default();
        if before.rfind('<') < before.rfind('>') || before.rfind('<').is_none() {
            continue;
        }
        line += text
            .get(counted..at)
            .map_or(0, |s| s.bytes().filter(|b| *b == b'\n').count() as u64);
        counted = at;
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facebook_boxes_of_three_eras() {
        let page = "<!DOCTYPE html><html><head><style>._a6-g{}</style></head><body>\n\
            <h1>Your friends</h1>\n\
            <section class=\"_a6-g\"><h2 class=\"_2ph_ _a6-h _a6-i\">O&#039;Brien &amp; Sons</h2>\
            <footer class=\"_3-94 _a6-o\"><div class=\"_a72d\">Jan 01, 2021 12:00:00 am</div></footer></section>\n\
            <div class=\"pam _3-95 _2ph- _a6-g uiBoxWhite noborder\"><div class=\"_2ph_ _a6-h _a6-i\">Ana</div>\
            <div class=\"_3-94 _a6-o\"><div class=\"_a72d\">Feb 02, 2022 1:02:03 pm</div></div></div>\n\
            <div class=\"pam _3-95 _2pi0 _2lej uiBoxWhite noborder\"><div class=\"_3-96 _2pio _2lek _2lel\">Bo</div>\
            <div class=\"_3-94 _2lem\">Mar 3, 2019</div></div>\n\
            </body></html>";
        let e = entries(page);
        assert_eq!(e.len(), 3, "{e:?}");
        assert_eq!(
            (e[0].name_text(), e[0].date_text(), e[0].line),
            ("O'Brien & Sons", "Jan 01, 2021 12:00:00 am", 3)
        );
        assert_eq!(
            (e[1].name_text(), e[1].date_text(), e[1].line),
            ("Ana", "Feb 02, 2022 1:02:03 pm", 4)
        );
        assert_eq!(
            (e[2].name_text(), e[2].date_text(), e[2].line),
            ("Bo", "Mar 3, 2019", 5)
        );
    }

    #[test]
    fn instagram_boxes_give_links_and_the_date_after_them() {
        let page = "<html><body><main>\n\
            <div class=\"pam _3-95 _2ph- _a6-g uiBoxWhite noborder\"><div class=\"_a6-p\"><div><div>\
            <a target=\"_blank\" href=\"https://www.instagram.com/jane\">jane</a></div>\
            <div>Jul 25, 2024 1:28 pm</div></div></div></div>\n\
            <div class=\"pam _3-95 _2ph- _a6-g uiBoxWhite noborder\"><h2 class=\"_3-95 _2pim _a6-h _a6-i\">bo.b</h2>\
            <div class=\"_a6-p\"><div><div><a target=\"_blank\" href=\"https://www.instagram.com/_u/bo.b\">\
            https://www.instagram.com/_u/bo.b</a></div><div>Jul 24, 2024 6:23 am</div></div></div></div>\n\
            </main></body></html>";
        let e = entries(page);
        assert_eq!(e.len(), 2);
        assert_eq!(
            e[0].links,
            vec![(
                "https://www.instagram.com/jane".to_string(),
                "jane".to_string()
            )]
        );
        assert_eq!((e[0].date_text(), e[0].line), ("Jul 25, 2024 1:28 pm", 2));
        assert_eq!(
            (e[1].heading.as_str(), e[1].date_text(), e[1].line),
            ("bo.b", "Jul 24, 2024 6:23 am", 3)
        );
    }

    #[test]
    fn label_tables_give_fields_in_both_cell_shapes() {
        let page = "<html><body>\n\
            <div class=\"pam _a6-g uiBoxWhite\"><div class=\"_a6-p\"><div class=\"pam _a6-g uiBoxWhite\">\
            <table><tr><td class=\"_a6_q\">Nombre</td><td class=\"_a6_r\">Zo&euml;</td></tr>\
            <tr><td class=\"_a6_q\">Nombre de usuario</td><td class=\"_a6_r\"><span>zoe.r</span></td></tr>\
            <tr><td class=\"_a6_q\">URL</td><td class=\"_a6_r\"><a href=\"https://linktr.ee/z\">linktr.ee</a></td></tr>\
            </table></div></div><div class=\"_3-94 _a6-o\">Jan 07, 2025 12:00 pm</div></div>\n\
            <div class=\"pam _a6-g uiBoxWhite\"><table><tr><td colspan=\"2\" class=\"_2pin _a6_q\">Username\
            <div><div>rude.guy</div></div></td></tr><tr><td colspan=\"2\">URL<div><div></div></div></td></tr>\
            <tr><td><table><tr><td>Inner</td><td>row</td></tr></table></td></tr></table></div>\n\
            </body></html>";
        let e = entries(page);
        assert_eq!(e.len(), 2, "{e:?}");
        let f = |i: usize| -> Vec<(&str, &str)> {
            e[i].fields
                .iter()
                .map(|(l, v)| (l.as_str(), v.as_str()))
                .collect()
        };
        assert_eq!(
            f(0),
            [
                ("Nombre", "Zoë"),
                ("Nombre de usuario", "zoe.r"),
                ("URL", "linktr.ee")
            ]
        );
        assert_eq!(
            (e[0].date.as_str(), e[0].line),
            ("Jan 07, 2025 12:00 pm", 2)
        );
        // The one-cell shape; the row holding a table gives only that table's row.
        assert_eq!(
            f(1),
            [("Username", "rude.guy"), ("URL", ""), ("Inner", "row")]
        );
    }

    #[test]
    fn a_page_is_known_by_meta_markers() {
        assert!(is_meta_page(
            "<!DOCTYPE html><html><body><section class=\"_a6-g\">"
        ));
        assert!(!is_meta_page("<html><body><h1>My friends</h1>"));
        assert!(entries("not html at all <<>> \u{0}").is_empty());
    }
}
