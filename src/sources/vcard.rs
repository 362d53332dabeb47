//! vCard 2.1 / 3.0 / 4.0 and jCard: address books as phones, Apple, Google, Outlook and
//! Thunderbird write them.
//!
//! The work is split in two. rolo frames the file itself: it decodes the bytes (UTF-8, UTF-16,
//! and line by line a declared CHARSET or Windows-1252 for 8-bit 2.1 files), unfolds lines
//! (leading space or tab, 2.1 quoted-printable soft breaks, 2.1 base64 blocks), and finds each
//! `BEGIN:VCARD` … `END:VCARD`, so every card and every property keeps the line it starts on, which
//! calcard's API does not expose, and an unterminated card or a broken line becomes a warning
//! with its line. Each content line is then parsed by [calcard] (parameters, quoting, escapes,
//! structured values, quoted-printable with charsets, base64), one line at a time, under
//! `catch_unwind`: a parser panic on hostile input costs that line, never the run.
//!
//! What the parsed properties mean for a contact ([`Prop`] → [`Contact`]) is shared with the
//! xCard reader and with jCard below, so all three flavours map the same way. Dates are parsed
//! here, not by calcard, which misreads `--12-01` and 4.0 `1985-04-12`.

use super::input::FileEntry;
use super::json::{self, Lines, RawValue};
use super::table::decode;
use super::{FileOut, Format, Sniff, Source};
use crate::error::ErrorKind;
use crate::model::{
    smallvec, Address, Contact, Email, Kind, Organization, Phone, Platform, Text, ThinVec, Url,
};
use crate::normalize::profile;
use crate::vocab::profile::Service;
use crate::vocab::related;
use calcard::common::{Data, IanaString};
use calcard::vcard::{VCardEntry, VCardParameterName, VCardParameterValue, VCardValue};
use std::borrow::Cow;
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};

pub struct VCard;

static FORMATS: &[Format] = &[
    Format {
        id: "vcard",
        files: "*.vcf, *.vcard: vCard 2.1, 3.0, 4.0 (Apple, Google Takeout, Android, Outlook)",
        kinds: &[Kind::Contact],
    },
    Format {
        id: "jcard",
        files: "jCard JSON (RFC 7095)",
        kinds: &[Kind::Contact],
    },
];

/// A content line longer than this (after unfolding) is skipped with a warning: no real property
/// is that large, and it keeps a hostile file from costing more than its own size again.
pub const MAX_LINE_BYTES: usize = 16 << 20;

impl Source for VCard {
    fn platform(&self) -> Platform {
        Platform::Vcard
    }

    fn formats(&self) -> &'static [Format] {
        FORMATS
    }

    fn detect(&self, sniff: &Sniff<'_>) -> Option<&'static Format> {
        let head = sniff
            .head
            .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        let named = sniff.name.ends_with(".vcf") || sniff.name.ends_with(".vcard");
        if starts_with_ci(head, "BEGIN:VCARD")
            || (named && head.to_ascii_uppercase().contains("BEGIN:VCARD"))
        {
            return FORMATS.first();
        }
        let compact: String = head
            .chars()
            .filter(|c| !c.is_whitespace())
            .take(12)
            .collect::<String>()
            .to_ascii_lowercase();
        if compact.starts_with("[\"vcard\"") || compact.starts_with("[[\"vcard\"") {
            return FORMATS.get(1);
        }
        None
    }

    fn read(&self, file: &FileEntry, format: &Format, out: &mut FileOut) -> Result<(), ErrorKind> {
        let text = decode_text(&file.data);
        match format.id {
            "jcard" => read_jcard(&text, out),
            _ => {
                read_vcards(&text, out);
                Ok(())
            }
        }
    }
}

fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.get(..prefix.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(prefix))
}

// ---------------------------------------------------------------------------------------------
// Decoding and framing
// ---------------------------------------------------------------------------------------------

/// UTF-8 (BOM stripped) and UTF-16 decode as a whole. A file that is not UTF-8 is decoded line by
/// line: vCard 2.1 writers put raw 8-bit text in the line's declared CHARSET, and one such card
/// must not turn the UTF-8 of every other card into mojibake.
fn decode_text(data: &[u8]) -> Cow<'_, str> {
    let whole = decode(data);
    match whole.fallback {
        None | Some("UTF-16LE") | Some("UTF-16BE") => return whole.text,
        Some(_) => {}
    }
    let mut out = String::with_capacity(data.len() + data.len() / 8);
    for (i, line) in data.split(|b| *b == b'\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match std::str::from_utf8(line) {
            Ok(s) => out.push_str(s),
            Err(_) => {
                let enc = declared_charset(line).unwrap_or(encoding_rs::WINDOWS_1252);
                out.push_str(&enc.decode_without_bom_handling(line).0);
            }
        }
    }
    Cow::Owned(out)
}

/// The `CHARSET=` parameter of a raw content line, when encoding_rs knows it.
fn declared_charset(line: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let colon = line.iter().position(|b| *b == b':')?;
    let header = String::from_utf8_lossy(line.get(..colon)?).to_ascii_lowercase();
    let at = header.find("charset=")?;
    let label = header.get(at + 8..)?.split(';').next()?.trim_matches('"');
    encoding_rs::Encoding::for_label(label.as_bytes())
}

/// One content line after unfolding, with the physical line it starts on.
#[derive(Debug)]
struct Logical {
    line: u64,
    text: String,
    /// Quoted-printable: a trailing `=` continues on the next physical line.
    qp: bool,
    /// Base64 (2.1 style): following lines of base64 characters continue it.
    b64: bool,
}

/// Physical lines, numbered from 1. Lines end with LF, any CRs before it dropped (CRLF, and the
/// CR CR LF of files passed twice through a text-mode conversion); a file without any LF is split
/// at CRs (classic Mac).
fn physical_lines(text: &str) -> impl Iterator<Item = (u64, &str)> {
    let sep = if text.contains('\n') { '\n' } else { '\r' };
    text.split(sep)
        .map(|l| l.trim_end_matches('\r'))
        .enumerate()
        .map(|(i, l)| (i as u64 + 1, l))
}

/// The part of a content line before its first unquoted colon: group, name and parameters.
fn header_of(text: &str) -> Option<&str> {
    let mut quoted = false;
    for (i, c) in text.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ':' if !quoted => return text.get(..i),
            _ => {}
        }
    }
    None
}

/// Whether a physical line opens a new standard property or card (`TEL;CELL:…`, `END:VCARD`).
/// Quoted-printable text never starts that way: `:` and `;` at the start would be encoded.
fn starts_property(phys: &str) -> bool {
    const NAMES: &[&str] = &[
        "BEGIN",
        "END",
        "VERSION",
        "FN",
        "N",
        "TEL",
        "EMAIL",
        "ADR",
        "LABEL",
        "ORG",
        "TITLE",
        "ROLE",
        "NOTE",
        "BDAY",
        "URL",
        "PHOTO",
        "NICKNAME",
        "UID",
        "REV",
        "CATEGORIES",
    ];
    let Some(header) = header_of(phys) else {
        return false;
    };
    let name = header.split(';').next().unwrap_or_default();
    let name = name.rsplit('.').next().unwrap_or(name).trim();
    NAMES.iter().any(|n| n.eq_ignore_ascii_case(name))
}

fn unfold(text: &str) -> Vec<Logical> {
    let mut out: Vec<Logical> = Vec::new();
    for (n, phys) in physical_lines(text) {
        if let Some(last) = out.last_mut() {
            // A broken writer may end the last QP line with `=` too: the next card boundary or
            // property is not a continuation, or one bad line would swallow the rest of the card.
            if last.qp && last.text.ends_with('=') && !starts_property(phys) {
                last.text.pop();
                last.text.push_str(phys);
                continue;
            }
            if let Some(rest) = phys.strip_prefix([' ', '\t']) {
                if last.text.len() < MAX_LINE_BYTES {
                    last.text.push_str(rest);
                }
                continue;
            }
            let t = phys.trim();
            if last.b64
                && !t.is_empty()
                && t.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
            {
                last.text.push_str(t);
                continue;
            }
        }
        let header = header_of(phys).unwrap_or_default().to_ascii_uppercase();
        out.push(Logical {
            line: n,
            text: phys.to_string(),
            qp: header.contains("QUOTED-PRINTABLE"),
            b64: header.contains("ENCODING=B") || header.split(';').any(|p| p == "BASE64"),
        });
    }
    out
}

/// A card's content lines, between its BEGIN and END.
struct RawCard {
    line: u64,
    lines: Vec<Logical>,
}

fn is_marker(text: &str, marker: &str) -> bool {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    compact.eq_ignore_ascii_case(marker)
}

/// Splits the logical lines into cards. Text outside cards, a missing END and a stray END are
/// warnings; a 2.1 `AGENT:` card nested inside another is skipped with its content.
fn frame(lines: Vec<Logical>, out: &mut FileOut) -> Vec<RawCard> {
    let mut cards = Vec::new();
    let mut current: Option<RawCard> = None;
    let mut nested = 0u32;
    let mut outside = false;
    for l in lines {
        let t = l.text.trim();
        if t.is_empty() {
            continue;
        }
        if is_marker(t, "BEGIN:VCARD") {
            outside = false;
            if let Some(card) = current.as_mut() {
                let agent = card.lines.last().is_some_and(|p| {
                    header_of(&p.text).is_some_and(|h| h.trim().eq_ignore_ascii_case("AGENT"))
                        && p.text.trim_end().ends_with(':')
                });
                if nested > 0 || agent {
                    nested += 1;
                    continue;
                }
            }
            if let Some(card) = current.take() {
                out.warn(
                    card.line,
                    "vCard not closed by END:VCARD before the next BEGIN:VCARD; read up to there",
                );
                cards.push(card);
            }
            current = Some(RawCard {
                line: l.line,
                lines: Vec::new(),
            });
        } else if is_marker(t, "END:VCARD") {
            if nested > 0 {
                nested -= 1;
            } else if let Some(card) = current.take() {
                cards.push(card);
            } else {
                out.warn(l.line, "END:VCARD without BEGIN:VCARD ignored");
            }
        } else if let Some(card) = current.as_mut() {
            if nested == 0 {
                card.lines.push(l);
            }
        } else if !outside {
            outside = true;
            out.warn(l.line, "text outside BEGIN:VCARD … END:VCARD ignored");
        }
    }
    if let Some(card) = current {
        out.warn(
            card.line,
            "last vCard not closed by END:VCARD; read to the end of the file",
        );
        cards.push(card);
    }
    cards
}

/// Cards parsed by one task: a phone's address book can hold a hundred thousand, and cards are
/// independent, so they are parsed on all cores, a chunk a task, and taken back in card order.
const CARDS_PER_TASK: usize = 512;

fn read_vcards(text: &str, out: &mut FileOut) {
    use rayon::prelude::*;
    let cards = frame(unfold(text), out);
    let whole: &FileOut = out;
    let parts: Vec<FileOut> = cards
        .par_chunks(CARDS_PER_TASK)
        .map(|chunk| {
            let mut part = whole.part();
            for raw in chunk {
                read_card(raw, &mut part);
            }
            part
        })
        .collect();
    for part in parts {
        out.append(part);
    }
}

fn read_card(raw: &RawCard, out: &mut FileOut) {
    let version = raw
        .lines
        .iter()
        .find_map(|l| {
            let h = header_of(&l.text)?;
            let name = h.rsplit('.').next().unwrap_or(h);
            name.trim().eq_ignore_ascii_case("VERSION").then(|| {
                l.text
                    .get(h.len() + 1..)
                    .unwrap_or_default()
                    .trim()
                    .to_string()
            })
        })
        .unwrap_or_else(|| "3.0".to_string());
    let mut props = Vec::with_capacity(raw.lines.len());
    for l in &raw.lines {
        if let Some(p) = parse_line(l, &version, out) {
            props.push(p);
        }
    }
    card_to_contact(raw.line, &props, out);
}

/// Parses one content line with calcard. `None` for VERSION and for lines that are no property,
/// the latter with a warning.
fn parse_line(l: &Logical, version: &str, out: &mut FileOut) -> Option<Prop> {
    if l.text.len() > MAX_LINE_BYTES {
        out.warn(
            l.line,
            format!("property longer than {MAX_LINE_BYTES} bytes skipped"),
        );
        return None;
    }
    let Some(header) = header_of(&l.text) else {
        out.warn(l.line, "line without ':' is not a vCard property, ignored");
        return None;
    };
    let name = header.split(';').next().unwrap_or_default().trim();
    let bare = name.rsplit('.').next().unwrap_or(name);
    if bare.is_empty()
        || !name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b == b'_')
    {
        out.warn(l.line, "not a vCard property name, line ignored");
        return None;
    }
    if bare.eq_ignore_ascii_case("VERSION") {
        return None;
    }
    let raw = l
        .text
        .get(header.len() + 1..)
        .unwrap_or_default()
        .to_string();
    // 2.1 allows a bare QUOTED-PRINTABLE parameter, which calcard does not decode.
    let text = if header.to_ascii_uppercase().contains(";QUOTED-PRINTABLE") {
        let fixed = replace_ci(header, ";QUOTED-PRINTABLE", ";ENCODING=QUOTED-PRINTABLE");
        format!("{fixed}:{raw}")
    } else {
        l.text.clone()
    };
    let doc = format!("VERSION:{version}\n{text}\n");
    let parsed = catch_unwind(AssertUnwindSafe(|| {
        let mut parser = calcard::Parser::new(&doc);
        match parser.vcard() {
            calcard::Entry::VCard(card) => card
                .entries
                .into_iter()
                .find(|e| !matches!(e.name, calcard::vcard::VCardProperty::Version)),
            _ => None,
        }
    }));
    match parsed {
        Ok(Some(entry)) => Some(Prop::from_calcard(entry, l.line, raw)),
        Ok(None) => {
            out.warn(l.line, "vCard property could not be parsed, ignored");
            None
        }
        Err(_) => {
            out.warn(l.line, "vCard parser failed on this line; line ignored");
            None
        }
    }
}

fn replace_ci(s: &str, from: &str, to: &str) -> String {
    match s.to_ascii_uppercase().find(&from.to_ascii_uppercase()) {
        Some(i) => format!(
            "{}{to}{}",
            s.get(..i).unwrap_or_default(),
            s.get(i + from.len()..).unwrap_or_default()
        ),
        None => s.to_string(),
    }
}

// ---------------------------------------------------------------------------------------------
// The shared property form
// ---------------------------------------------------------------------------------------------

/// One property, whatever the syntax it was read from (vCard text, xCard, jCard).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prop {
    pub line: u64,
    /// Lower-cased group (`item1`), empty when none.
    pub group: String,
    /// Upper-cased property name.
    pub name: String,
    /// Upper-cased parameter names with one value each (a TYPE list gives several entries).
    pub params: Vec<(String, String)>,
    /// Components, each a list of values: `N` has five, `ORG` one per unit, `EMAIL` one.
    pub values: Vec<Vec<String>>,
    /// The value as written, for the dates rolo parses itself; may be empty (xCard).
    pub raw: String,
}

impl Prop {
    fn from_calcard(e: VCardEntry, line: u64, raw: String) -> Prop {
        let name = e.name.as_str().to_ascii_uppercase();
        let mut params = Vec::with_capacity(e.params.len());
        for p in e.params {
            let pname = p.name.as_str().to_ascii_uppercase();
            let value = match p.value {
                VCardParameterValue::Null => {
                    // 2.1 writes types bare: `TEL;CELL;PREF`, `EMAIL;INTERNET`, `PHOTO;JPEG`.
                    if matches!(p.name, VCardParameterName::Other(_)) {
                        params.push(("TYPE".to_string(), pname.to_ascii_lowercase()));
                        continue;
                    }
                    String::new()
                }
                // The name as written (`co-worker`, `main-number`), not the variant's.
                VCardParameterValue::Type(t) => t.as_str().to_ascii_lowercase(),
                other => caret_decode(&other.into_text()),
            };
            params.push((pname, value));
        }
        let binary = matches!(name.as_str(), "PHOTO" | "LOGO" | "SOUND" | "KEY");
        let mut values = Vec::with_capacity(e.values.len());
        for v in e.values {
            values.push(match v {
                VCardValue::Text(s) => vec![s],
                VCardValue::Component(list) => list,
                VCardValue::Binary(d) if binary => vec![data_uri(d, &params)],
                VCardValue::Binary(d) => vec![String::from_utf8_lossy(&d.data).into_owned()],
                VCardValue::PartialDateTime(_) => vec![raw.trim().to_string()],
                VCardValue::Integer(i) => vec![i.to_string()],
                VCardValue::Float(f) => vec![f.to_string()],
                VCardValue::Boolean(b) => vec![b.to_string()],
                VCardValue::Kind(k) => vec![format!("{k:?}").to_ascii_lowercase()],
                VCardValue::Sex(s) => vec![format!("{s:?}").to_ascii_lowercase()],
                VCardValue::GramGender(g) => vec![format!("{g:?}").to_ascii_lowercase()],
            });
        }
        Prop {
            line,
            group: e.group.unwrap_or_default().to_ascii_lowercase(),
            name,
            params,
            values,
            raw,
        }
    }

    fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn has_param(&self, name: &str) -> bool {
        self.params.iter().any(|(n, _)| n == name)
    }

    /// TYPE values, lower-cased. Lists are already split: calcard splits `TYPE=a,b` and
    /// `TYPE="a,b"`, xCard and jCard give one value per element; a comma left is part of a label.
    fn types(&self) -> Vec<String> {
        self.params
            .iter()
            .filter(|(n, _)| n == "TYPE")
            .map(|(_, t)| t.trim().trim_matches('"').to_lowercase())
            .filter(|t| !t.is_empty())
            .collect()
    }

    /// Every value of every component, in order.
    fn flat(&self) -> Vec<&str> {
        self.values
            .iter()
            .flatten()
            .map(|s| s.as_str())
            .filter(|s| !s.trim().is_empty())
            .collect()
    }

    /// The value of a single-valued property.
    fn text(&self) -> String {
        let parts: Vec<&str> = self.values.iter().flatten().map(|s| s.as_str()).collect();
        parts.join(",").trim().to_string()
    }

    /// One component, its list values joined by `sep`.
    fn component(&self, i: usize, sep: &str) -> String {
        self.values
            .get(i)
            .map(|c| {
                c.iter()
                    .map(|s| s.trim())
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(sep)
            })
            .unwrap_or_default()
    }
}

/// RFC 6868 parameter escapes: `^n` newline, `^'` double quote, `^^` caret.
pub fn caret_decode(s: &str) -> String {
    if !s.contains('^') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '^' {
            match chars.peek() {
                Some('n') | Some('N') => {
                    out.push('\n');
                    chars.next();
                }
                Some('\'') => {
                    out.push('"');
                    chars.next();
                }
                Some('^') => {
                    out.push('^');
                    chars.next();
                }
                _ => out.push('^'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Binary data (a 2.1/3.0 base64 PHOTO) as a `data:` URI, its media type from the parser, the
/// legacy TYPE parameter or the bytes themselves.
fn data_uri(mut d: Data, params: &[(String, String)]) -> String {
    if d.content_type.as_deref().is_none_or(str::is_empty) {
        let from_type = params
            .iter()
            .filter(|(n, _)| n == "TYPE")
            .find_map(|(_, v)| image_type(v));
        let sniffed = match d.data.get(..4) {
            Some([0xff, 0xd8, ..]) => Some("image/jpeg"),
            Some([0x89, b'P', b'N', b'G']) => Some("image/png"),
            Some([b'G', b'I', b'F', b'8']) => Some("image/gif"),
            _ => None,
        };
        d.content_type = Some(
            from_type
                .or(sniffed)
                .unwrap_or("application/octet-stream")
                .to_string(),
        );
    }
    d.to_unwrapped_string()
}

fn image_type(t: &str) -> Option<&'static str> {
    match t.to_ascii_lowercase().as_str() {
        "jpeg" | "jpg" | "image/jpeg" => Some("image/jpeg"),
        "png" | "image/png" => Some("image/png"),
        "gif" | "image/gif" => Some("image/gif"),
        "bmp" => Some("image/bmp"),
        "tiff" | "tif" => Some("image/tiff"),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Properties to a contact
// ---------------------------------------------------------------------------------------------

/// An Apple label (`_$!<Mobile>!$_`, or custom text) as rolo labels.
fn apple_labels(label: &str) -> Vec<String> {
    let label = label.trim();
    match label
        .strip_prefix("_$!<")
        .and_then(|r| r.strip_suffix(">!$_"))
    {
        Some(inner) => match inner.to_ascii_lowercase().as_str() {
            "homefax" => vec!["home".into(), "fax".into()],
            "workfax" => vec!["work".into(), "fax".into()],
            "otherfax" => vec!["other".into(), "fax".into()],
            "assistantphone" => vec!["assistant".into()],
            "main" | "mainnumber" => vec!["main".into()],
            other => vec![other.to_string()],
        },
        None if label.is_empty() => vec![],
        None => vec![label.to_string()],
    }
}

/// A label as a person reads it in a note: the Apple wrapper removed.
fn apple_display(label: &str) -> String {
    let label = label.trim();
    label
        .strip_prefix("_$!<")
        .and_then(|r| r.strip_suffix(">!$_"))
        .unwrap_or(label)
        .to_string()
}

/// The labels of a property: its TYPE values (transport types left out), PREF, and the Apple
/// X-ABLabel of its group.
fn labels(p: &Prop, ab: &HashMap<String, String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |l: String| {
        if !l.is_empty() && !out.contains(&l) {
            out.push(l);
        }
    };
    for t in p.types() {
        match t.as_str() {
            "internet" | "x400" => {}
            "cell" => add("mobile".into()),
            "main-number" => add("main".into()),
            _ => add(t),
        }
    }
    if p.has_param("PREF") {
        add("pref".into());
    }
    if let Some(l) = (!p.group.is_empty()).then(|| ab.get(&p.group)).flatten() {
        for l in apple_labels(l) {
            add(l.to_lowercase());
        }
    }
    out
}

/// A vCard date in ISO form, through the shared date rules (`crate::normalize::date`), keeping only
/// the date of a date-time; Apple's year 1604 with `X-APPLE-OMIT-YEAR` means "no year", the one
/// vCard-specific rule here. Anything unparseable is kept as written for normalisation to report.
pub fn iso_date(raw: &str, omit_year: Option<&str>) -> String {
    let s = raw.trim();
    let Some(iso) = crate::normalize::date::parse(s) else {
        return s.to_string();
    };
    let date = iso.split('T').next().unwrap_or(&iso).to_string();
    match (date.get(..4), date.get(4..)) {
        (Some(y), Some(rest))
            if rest.len() == 6 && omit_year.is_some_and(|o| o.trim() == y || y == "1604") =>
        {
            format!("-{rest}")
        }
        _ => date,
    }
}

/// An IM property's service (a parameter, else the property's, else the URI scheme), link and
/// handle: for the services rolo keeps as profiles.
fn im_value(p: &Prop, service_hint: Option<&str>) -> (String, String, String) {
    let value = p.text();
    let (scheme, rest) = match value.split_once(':') {
        Some((s, r)) if !s.contains('/') && !s.contains('@') && !s.is_empty() => (s, r),
        _ => ("", value.as_str()),
    };
    let service = p
        .param("X-SERVICE-TYPE")
        .or(p.param("SERVICE-TYPE"))
        .or(service_hint)
        .unwrap_or(scheme)
        .trim()
        .to_string();
    let handle = rest.trim_start_matches('/').trim().to_string();
    let url = if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") {
        value.clone()
    } else {
        String::new()
    };
    (service, url, handle)
}

/// The old Apple/Evolution one-service properties (`X-SKYPE:alice`).
fn legacy_im(name: &str) -> Option<&'static str> {
    Some(match name {
        "X-AIM" => "AIM",
        "X-ICQ" => "ICQ",
        "X-JABBER" => "Jabber",
        "X-MSN" => "MSN",
        "X-YAHOO" => "Yahoo",
        "X-SKYPE" | "X-SKYPE-USERNAME" => "Skype",
        "X-GOOGLE-TALK" | "X-GTALK" => "Google Talk",
        "X-QQ" => "QQ",
        "X-TWITTER" => "twitter",
        "X-TELEGRAM" => "telegram",
        "X-MASTODON" => "mastodon",
        _ => return None,
    })
}

/// Anniversaries before vCard 4 had ANNIVERSARY.
fn vendor_anniversary(name: &str) -> bool {
    matches!(
        name,
        "X-MS-ANNIVERSARY"
            | "X-EVOLUTION-ANNIVERSARY"
            | "X-KADDRESSBOOK-X-ANNIVERSARY"
            | "X-ANNIVERSARY"
    )
}

/// Android's contact export (AOSP vCard 2.1) writes the data rows vCard has no property for as
/// `X-ANDROID-CUSTOM:<mime type>;<data1>;<data2>;…`: nickname, relation (data2 the type, data3
/// a custom label) and event (likewise). A relation is a related person like vCard 4's RELATED,
/// an anniversary the anniversary; another event is a note under its label.
fn android_custom(c: &mut Contact, p: &Prop) {
    let fields: Vec<String> = if p.values.len() > 1 {
        p.values.iter().map(|v| v.join(",")).collect()
    } else {
        p.text().split(';').map(str::to_string).collect()
    };
    let field = |i: usize| fields.get(i).map(|f| f.trim()).unwrap_or_default();
    let (mime, data1, kind, custom) = (field(0), field(1), field(2), field(3));
    if data1.is_empty() {
        return;
    }
    match mime.rsplit('/').next().unwrap_or_default() {
        "nickname" => {
            if c.name.nickname.is_empty() {
                c.name.nickname = data1.to_string();
            } else if !c.name.nickname.split(", ").any(|n| n == data1) {
                c.name.nickname = format!("{}, {data1}", c.name.nickname);
            }
        }
        "relation" => {
            // ContactsContract.CommonDataKinds.Relation.TYPE_*; 0 is custom, its label in data3.
            let label = match related::android_type(kind) {
                Some(l) => l,
                None if !custom.is_empty() => custom,
                None => "",
            };
            let labels: Vec<&str> = [label].into_iter().filter(|l| !l.is_empty()).collect();
            c.add_related(data1, &labels);
        }
        "contact_event" => {
            let d = iso_date(data1, None);
            match kind {
                "3" if c.birthday.is_none() => {
                    c.birthday = Some(Text {
                        value: d,
                        sources: smallvec![0],
                    })
                }
                "1" => c.add_anniversary(&d),
                _ if !custom.is_empty() => c.add_note(&format!("{custom}: {d}")),
                _ => c.add_note(&format!("Date: {d}")),
            }
        }
        _ => {}
    }
}

/// Organisation, department and title gathered across ORG / TITLE / ROLE lines.
#[derive(Default)]
struct OrgSlot {
    group: String,
    name: String,
    department: String,
    title: String,
}

fn place_title(slots: &mut [OrgSlot], group: &str, title: String) -> bool {
    let by_group = (!group.is_empty())
        .then(|| {
            slots
                .iter()
                .position(|s| s.group == group && s.title.is_empty())
        })
        .flatten();
    let free = by_group.or_else(|| {
        slots
            .iter()
            .position(|s| s.title.is_empty() && (s.group.is_empty() || s.group == group))
    });
    match free.and_then(|i| slots.get_mut(i)) {
        Some(s) => {
            s.title = title;
            true
        }
        None => false,
    }
}

fn same_text(a: &str, b: &str) -> bool {
    let a = a.trim();
    !a.is_empty() && a.eq_ignore_ascii_case(b.trim())
}

/// A name that is only a phone number written another way (rolo shows a nameless contact by the
/// number as written, and writes its TEL in E.164).
fn same_number(phone: &str, full: &str) -> bool {
    let only_number = full
        .chars()
        .all(|c| c.is_ascii_digit() || " +-().".contains(c));
    let key = phone_key(full);
    only_number && key.len() >= 3 && key == phone_key(phone)
}

/// Turns one card's properties into a contact (or a rejection) in `out`.
pub fn card_to_contact(line: u64, props: &[Prop], out: &mut FileOut) {
    let mut c = out.start(line, Kind::Contact);
    let ab: HashMap<String, String> = props
        .iter()
        .filter(|p| p.name == "X-ABLABEL" && !p.group.is_empty())
        .map(|p| (p.group.clone(), p.text()))
        .collect();
    let kind = props
        .iter()
        .find(|p| p.name == "KIND" || p.name == "X-ADDRESSBOOKSERVER-KIND")
        .map(|p| p.text().to_ascii_lowercase());
    if kind.as_deref() == Some("group") {
        out.reject(line, "vCard is a contact group (KIND:group), not a person");
        return;
    }
    let company = kind.as_deref() == Some("org")
        || props
            .iter()
            .any(|p| p.name == "X-ABSHOWAS" && p.text().eq_ignore_ascii_case("COMPANY"));

    let mut full_names: Vec<String> = Vec::new();
    let mut orgs: Vec<OrgSlot> = Vec::new();
    let mut titles: Vec<(String, String)> = Vec::new();
    let mut roles: Vec<(String, String)> = Vec::new();
    let mut labels_3: Vec<Prop> = Vec::new();
    let mut adr_groups: Vec<String> = Vec::new();
    let mut social_urls: Vec<String> = Vec::new();
    let mut plain_urls: Vec<&Prop> = Vec::new();
    let mut uid = String::new();
    let mut rolo_aliases: Vec<String> = Vec::new();

    for p in props {
        match p.name.as_str() {
            "FN" => {
                let v = p.text();
                if !v.is_empty() && !full_names.contains(&v) {
                    full_names.push(v);
                }
            }
            "N" => {
                if c.name.family.is_empty() && c.name.given.is_empty() {
                    c.name.family = p.component(0, " ");
                    c.name.given = p.component(1, " ");
                    c.name.middle = p.component(2, " ");
                    c.name.prefix = p.component(3, " ");
                    c.name.suffix = p.component(4, ", ");
                }
            }
            // rolo's 3.0 output: another name of the contact (4.0 writes a second FN).
            "X-ROLO-ALIAS" => {
                let v = p.text();
                if !v.is_empty() && !rolo_aliases.contains(&v) {
                    rolo_aliases.push(v);
                }
            }
            "NICKNAME" => {
                let v = p.flat().join(", ");
                if c.name.nickname.is_empty() {
                    c.name.nickname = v;
                } else if !v.is_empty() {
                    c.name.nickname = format!("{}, {v}", c.name.nickname);
                }
            }
            "EMAIL" => add_email(&mut c, p.text(), labels(p, &ab)),
            "TEL" => {
                let v = p.text();
                let v = match v.get(..4) {
                    Some(s) if s.eq_ignore_ascii_case("tel:") => v.get(4..).unwrap_or_default(),
                    _ => v.as_str(),
                };
                // VOICE is the default type: it says something only when it is the only one.
                let mut l = labels(p, &ab);
                if l.len() > 1 {
                    l.retain(|t| t != "voice");
                }
                add_phone(&mut c, v.trim(), l);
            }
            "ORG" => orgs.push(OrgSlot {
                group: p.group.clone(),
                name: p.component(0, ", "),
                department: (1..p.values.len())
                    .map(|i| p.component(i, ", "))
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(", "),
                title: String::new(),
            }),
            "TITLE" => titles.push((p.group.clone(), p.text())),
            "ROLE" => roles.push((p.group.clone(), p.text())),
            "ADR" => {
                let label = p.param("LABEL").map(str::trim).unwrap_or_default();
                let mut a = Address {
                    street: [
                        p.component(2, ", "),
                        p.component(1, ", "),
                        p.component(0, ", "),
                    ]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(", "),
                    locality: p.component(3, ", "),
                    region: p.component(4, ", "),
                    postal_code: p.component(5, ", "),
                    country: p.component(6, ", "),
                    raw: label.to_string(),
                    labels: labels(p, &ab),
                    sources: smallvec![0],
                };
                // rolo writes a raw-only address as its street plus LABEL: read it back as raw.
                if !a.raw.is_empty()
                    && a.street == a.raw
                    && a.locality.is_empty()
                    && a.region.is_empty()
                    && a.postal_code.is_empty()
                    && a.country.is_empty()
                {
                    a.street.clear();
                }
                if has_address(&a) {
                    c.addresses.push(a);
                    adr_groups.push(p.group.clone());
                }
            }
            "LABEL" => labels_3.push(p.clone()),
            "URL" => plain_urls.push(p),
            "X-SOCIALPROFILE" | "SOCIALPROFILE" => {
                let value = p.text();
                let (scheme, rest) = value.split_once(':').unwrap_or(("", value.as_str()));
                let is_web = value.contains("://");
                let service = p
                    .param("SERVICE-TYPE")
                    .map(str::to_string)
                    .or_else(|| {
                        p.types()
                            .into_iter()
                            .find(|t| !matches!(t.as_str(), "pref" | "home" | "work"))
                    })
                    .unwrap_or_default()
                    .to_ascii_lowercase();
                let handle = p
                    .param("X-USER")
                    .or(p.param("USERNAME"))
                    .map(str::trim)
                    .map(str::to_string)
                    .unwrap_or_else(|| {
                        if is_web {
                            String::new()
                        } else if p
                            .param("VALUE")
                            .is_some_and(|v| v.eq_ignore_ascii_case("text"))
                            || scheme.is_empty()
                        {
                            value.clone()
                        } else {
                            rest.to_string()
                        }
                    });
                let url = if is_web { value.clone() } else { String::new() };
                if is_web {
                    social_urls.push(value.trim().to_ascii_lowercase());
                }
                add_profile(&mut c, Service::from_word(&service), &url, &handle);
            }
            "IMPP" => add_im(&mut c, p, None, &ab),
            "BDAY" => {
                if c.birthday.is_none() {
                    let d = iso_date(&p.text(), p.param("X-APPLE-OMIT-YEAR"));
                    if !d.is_empty() {
                        c.birthday = Some(Text {
                            value: d,
                            sources: smallvec![0],
                        });
                    }
                }
            }
            "ANNIVERSARY" => {
                c.add_anniversary(&iso_date(&p.text(), p.param("X-APPLE-OMIT-YEAR")));
            }
            "X-ABDATE" => {
                let label = ab
                    .get(&p.group)
                    .map(|l| apple_display(l))
                    .unwrap_or_else(|| "Date".into());
                let d = iso_date(&p.text(), p.param("X-APPLE-OMIT-YEAR"));
                if label.eq_ignore_ascii_case("anniversary") {
                    c.add_anniversary(&d);
                } else if !d.is_empty() {
                    c.add_note(&format!("{label}: {d}"));
                }
            }
            // Apple's related names, vCard 4's RELATED: the relation from TYPE or the X-ABLabel.
            "X-ABRELATEDNAMES" | "RELATED" => {
                let l = labels(p, &ab);
                c.add_related(&p.text(), &l.iter().map(String::as_str).collect::<Vec<_>>());
            }
            "NOTE" => c.add_note(&p.text()),
            "UID" => uid = p.text(),
            "CATEGORIES" => {
                for g in p.flat() {
                    c.add_group(g.trim());
                }
            }
            "PHOTO" => {
                let v = p.text();
                if !v.is_empty() {
                    c.photos.push(Text {
                        value: v,
                        sources: smallvec![0],
                    });
                }
            }
            "X-ANDROID-CUSTOM" => android_custom(&mut c, p),
            "X-SIP" => add_im(&mut c, p, Some("SIP"), &ab),
            "X-MS-IMADDRESS" | "X-MS-IM" => add_im(&mut c, p, None, &ab),
            name => {
                if let Some(service) = legacy_im(name) {
                    add_im(&mut c, p, Some(service), &ab);
                } else if let Some(relation) = related::vendor_property(name) {
                    let mut l = labels(p, &ab);
                    l.insert(0, relation.to_string());
                    c.add_related(&p.text(), &l.iter().map(String::as_str).collect::<Vec<_>>());
                } else if vendor_anniversary(name) {
                    c.add_anniversary(&iso_date(&p.text(), None));
                } else if matches!(name, "X-EVOLUTION-BLOG-URL" | "X-EVOLUTION-VIDEO-URL") {
                    plain_urls.push(p);
                }
            }
        }
    }

    // URLs that repeat a social profile (rolo's 3.0 output writes both) are that profile.
    for p in plain_urls {
        let v = p.text();
        if v.is_empty() || social_urls.contains(&v.trim().to_ascii_lowercase()) {
            continue;
        }
        let l = labels(p, &ab);
        if let Some(u) = c.urls.iter_mut().find(|u| u.value == v) {
            merge_labels(&mut u.labels, l);
        } else {
            c.urls.push(Url {
                value: v,
                labels: l,
                sources: smallvec![0],
            });
        }
    }

    // 3.0 LABEL lines: the delivery label of the ADR in the same group, else of the first ADR
    // with the same types that has none.
    for l in labels_3 {
        let text = l.text();
        if text.is_empty() {
            continue;
        }
        let types = labels(&l, &ab);
        let by_group = (!l.group.is_empty())
            .then(|| adr_groups.iter().position(|g| *g == l.group))
            .flatten();
        let by_types = || {
            c.addresses
                .iter()
                .position(|a| a.raw.is_empty() && a.labels == types)
        };
        match by_group
            .or_else(by_types)
            .and_then(|i| c.addresses.get_mut(i))
        {
            Some(a) => {
                if a.street == text
                    && a.locality.is_empty()
                    && a.region.is_empty()
                    && a.postal_code.is_empty()
                    && a.country.is_empty()
                {
                    a.street.clear();
                }
                a.raw = text;
            }
            None => c.addresses.push(Address {
                raw: text,
                labels: types,
                sources: smallvec![0],
                ..Address::default()
            }),
        }
    }

    for (group, title) in titles {
        if !title.is_empty() && !place_title(&mut orgs, &group, title.clone()) {
            orgs.push(OrgSlot {
                group,
                title,
                ..OrgSlot::default()
            });
        }
    }
    for (group, role) in roles {
        if !role.is_empty() && !place_title(&mut orgs, &group, role.clone()) {
            c.add_note(&format!("Role: {role}"));
        }
    }

    // FN: the name as displayed. An FN that only repeats the nickname, an email, a phone, a link
    // or the organisation (importers fill FN that way, and so does rolo when it knows no name)
    // is no name when N is empty.
    let n_empty = c.name.family.is_empty()
        && c.name.given.is_empty()
        && c.name.middle.is_empty()
        && c.name.prefix.is_empty()
        && c.name.suffix.is_empty();
    let mut fns = full_names.into_iter();
    if let Some(full) = fns.next() {
        let echo = same_text(&full, &c.name.nickname)
            || c.emails.iter().any(|e| same_text(&e.value, &full))
            || c.phones
                .iter()
                .any(|p| same_text(&p.raw, &full) || same_number(&p.raw, &full))
            || c.urls.iter().any(|u| same_text(&u.value, &full))
            || c.profiles.iter().any(|p| same_text(&p.url, &full))
            || orgs.iter().any(|o| same_text(&o.name, &full));
        if company && n_empty {
            if orgs.is_empty() {
                orgs.push(OrgSlot {
                    name: full,
                    ..OrgSlot::default()
                });
            }
        } else if !(echo && n_empty) {
            c.name.full = full;
        }
    }
    for alias in fns.chain(rolo_aliases) {
        if alias != c.name.full && !c.aliases.iter().any(|a| a.value == alias) {
            c.aliases.push(Text {
                value: alias,
                sources: smallvec![0],
            });
        }
    }
    for o in orgs {
        if !(o.name.is_empty() && o.title.is_empty() && o.department.is_empty()) {
            c.organizations.push(Organization {
                name: o.name,
                title: o.title,
                department: o.department,
                sources: smallvec![0],
            });
        }
    }

    if crate::model::is_contact_id(uid.trim()) {
        read_back(&mut c, uid.trim());
    }

    if is_empty(&c) {
        out.reject(line, "empty vCard: no name or contact details");
        return;
    }
    out.push(c);
}

/// A card rolo wrote (its UID is a rolo id) is read back as that contact: the UID becomes the
/// record's prior id, and the NOTE lines rolo wrote for events become events again, so merging
/// the same exports into the card adds nothing twice. Its CATEGORIES stay groups: they name the
/// platforms the person came from, which this record no longer does itself.
fn read_back(c: &mut Contact, uid: &str) {
    if let Some(s) = c.sources.first_mut() {
        s.prior_id = uid.to_string();
    }
    let mut notes = ThinVec::with_capacity(c.notes.len());
    for n in std::mem::take(&mut c.notes) {
        let mut kept: Vec<&str> = Vec::new();
        for l in n.value.split('\n') {
            match crate::model::Event::from_note_line(l) {
                Some(e) => {
                    if !c
                        .events
                        .iter()
                        .any(|x| (&x.kind, &x.date, &x.service) == (&e.kind, &e.date, &e.service))
                    {
                        c.events.push(e);
                    }
                }
                None => kept.push(l),
            }
        }
        if !kept.is_empty() {
            notes.push(Text {
                value: kept.join("\n"),
                sources: n.sources,
            });
        }
    }
    c.notes = notes;
}

fn merge_labels(into: &mut Vec<String>, more: Vec<String>) {
    for l in more {
        if !into.contains(&l) {
            into.push(l);
        }
    }
}

/// Emails and phones are kept once per card, with the labels of every line that named them.
fn add_email(c: &mut Contact, value: String, labels: Vec<String>) {
    let value = value.trim().to_string();
    if value.is_empty() {
        return;
    }
    match c
        .emails
        .iter_mut()
        .find(|e| e.value.eq_ignore_ascii_case(&value))
    {
        Some(e) => merge_labels(&mut e.labels, labels),
        None => c.emails.push(Email {
            value,
            labels,
            sources: smallvec![0],
        }),
    }
}

fn phone_key(raw: &str) -> String {
    raw.chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect()
}

fn add_phone(c: &mut Contact, raw: &str, labels: Vec<String>) {
    if raw.is_empty() {
        return;
    }
    let key = phone_key(raw);
    let same = c
        .phones
        .iter_mut()
        .find(|p| p.raw == raw || (!key.is_empty() && phone_key(&p.raw) == key));
    match same {
        Some(p) => merge_labels(&mut p.labels, labels),
        None => c.phones.push(Phone {
            value: String::new(),
            raw: raw.to_string(),
            labels,
            sources: smallvec![0],
        }),
    }
}

fn add_profile(c: &mut Contact, service: Service, url: &str, handle: &str) {
    let dup = c
        .profiles
        .iter()
        .any(|p| p.service == service && p.url == url && p.handle == handle);
    if !dup {
        c.add_profile(service, url, handle);
    }
}

/// IMPP and the old one-service IM properties: a profile when rolo knows the service as one
/// (X, Telegram, Mastodon…), else an IM address.
fn add_im(c: &mut Contact, p: &Prop, hint: Option<&str>, ab: &HashMap<String, String>) {
    let (service, url, handle) = im_value(p, hint);
    if handle.is_empty() && url.is_empty() {
        return;
    }
    let key = Service::from_word(&service.to_ascii_lowercase());
    let probe = if url.is_empty() { &handle } else { &url };
    if profile::canonical(probe, Some(&key)).is_some() {
        add_profile(c, key, &url, &handle);
    } else {
        // The service named, not the scheme: `vocab::im` reads the scheme itself, and Apple's
        // `x-apple:` names none.
        let named = p
            .param("X-SERVICE-TYPE")
            .or(p.param("SERVICE-TYPE"))
            .or(hint)
            .unwrap_or_default();
        let l = labels(p, ab);
        c.add_im(
            &p.text(),
            named,
            &l.iter().map(String::as_str).collect::<Vec<_>>(),
        );
    }
}

fn has_address(a: &Address) -> bool {
    [
        &a.street,
        &a.locality,
        &a.region,
        &a.postal_code,
        &a.country,
        &a.raw,
    ]
    .iter()
    .any(|s| !s.trim().is_empty())
}

fn is_empty(c: &Contact) -> bool {
    c.is_anonymous()
        && c.aliases.is_empty()
        && c.urls.is_empty()
        && c.addresses.is_empty()
        && c.organizations.is_empty()
        && c.notes.is_empty()
        && c.photos.is_empty()
        && c.birthday.is_none()
        && c.anniversary.is_none()
        && c.ims.is_empty()
        && c.related.is_empty()
        && c.groups.is_empty()
}

// ---------------------------------------------------------------------------------------------
// jCard (RFC 7095)
// ---------------------------------------------------------------------------------------------

/// A jCard file: one `["vcard", [props]]` or an array of them.
fn read_jcard(text: &str, out: &mut FileOut) -> Result<(), ErrorKind> {
    let lines = Lines::new(text);
    let top: Vec<&RawValue> = json::parse(text)?;
    let single = top
        .first()
        .and_then(|v| serde_json::from_str::<String>(v.get()).ok())
        .is_some_and(|s| s.eq_ignore_ascii_case("vcard"));
    let cards: Vec<&RawValue> = if single {
        vec![serde_json::from_str::<&RawValue>(text).map_err(|e| ErrorKind::json(&e))?]
    } else {
        top
    };
    for card in cards {
        let line = lines.of(card.get());
        let parsed: Result<(String, Vec<&RawValue>), _> = serde_json::from_str(card.get());
        let Ok((tag, props)) = parsed else {
            out.warn(line, "not a jCard [\"vcard\", [properties]] array, skipped");
            continue;
        };
        if !tag.eq_ignore_ascii_case("vcard") {
            out.warn(line, "not a jCard [\"vcard\", [properties]] array, skipped");
            continue;
        }
        let mut list = Vec::with_capacity(props.len());
        for raw in props {
            let pline = lines.of(raw.get());
            match serde_json::from_str::<Vec<serde_json::Value>>(raw.get()) {
                Ok(items) => {
                    if let Some(p) = jcard_prop(&items, pline) {
                        list.push(p);
                    } else {
                        out.warn(
                            pline,
                            "jCard property is not [name, {params}, type, value…]",
                        );
                    }
                }
                Err(_) => out.warn(pline, "jCard property is not an array, ignored"),
            }
        }
        card_to_contact(line, &list, out);
    }
    Ok(())
}

fn json_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn jcard_prop(items: &[serde_json::Value], line: u64) -> Option<Prop> {
    let name = items.first()?.as_str()?.to_ascii_uppercase();
    let params_obj = items.get(1)?.as_object()?;
    let mut group = String::new();
    let mut params = Vec::new();
    for (k, v) in params_obj {
        let k = k.to_ascii_uppercase();
        let vals: Vec<String> = match v {
            serde_json::Value::Array(a) => a.iter().map(json_text).collect(),
            other => vec![json_text(other)],
        };
        if k == "GROUP" {
            group = vals.concat().to_ascii_lowercase();
            continue;
        }
        for v in vals {
            params.push((k.clone(), v));
        }
    }
    let mut values = Vec::new();
    for v in items.get(3..).unwrap_or_default() {
        match v {
            serde_json::Value::Array(parts) => {
                for part in parts {
                    values.push(match part {
                        serde_json::Value::Array(list) => list.iter().map(json_text).collect(),
                        other => vec![json_text(other)],
                    });
                }
            }
            other => values.push(vec![json_text(other)]),
        }
    }
    let raw = values
        .first()
        .and_then(|c| c.first())
        .cloned()
        .unwrap_or_default();
    Some(Prop {
        line,
        group,
        name,
        params,
        values,
        raw,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_every_vcard_form_become_iso() {
        for (raw, omit, want) in [
            ("19850412", None, "1985-04-12"),
            ("1985-04-12", None, "1985-04-12"),
            ("1953-10-15T23:10:00Z", None, "1953-10-15"),
            ("--0412", None, "--04-12"),
            ("--04-12", None, "--04-12"),
            ("1604-03-22", Some("1604"), "--03-22"),
            ("1985-04", None, "1985-04"),
            ("1985", None, "1985"),
            ("circa 1800", None, "circa 1800"),
            ("1985-13-40", None, "1985-13-40"),
        ] {
            assert_eq!(iso_date(raw, omit), want, "{raw}");
        }
    }

    #[test]
    fn caret_escapes_are_decoded() {
        assert_eq!(caret_decode("a^nb ^'q^' ^^ ^x"), "a\nb \"q\" ^ ^x");
    }

    #[test]
    fn unfolding_keeps_the_first_line_and_joins_folds_qp_and_base64() {
        let text = "A:1\r\n B\r\nN;ENCODING=QUOTED-PRINTABLE:x=\r\ny\r\nPHOTO;ENCODING=BASE64:AAAA\r\nBBBB\r\n\r\nC:2";
        let got: Vec<(u64, String)> = unfold(text).into_iter().map(|l| (l.line, l.text)).collect();
        assert_eq!(
            got,
            [
                (1, "A:1B".to_string()),
                (3, "N;ENCODING=QUOTED-PRINTABLE:xy".to_string()),
                (5, "PHOTO;ENCODING=BASE64:AAAABBBB".to_string()),
                (7, String::new()),
                (8, "C:2".to_string()),
            ]
        );
    }

    #[test]
    fn crlf_cr_cr_lf_and_classic_mac_line_ends_all_split_lines() {
        let lines: Vec<(u64, &str)> = physical_lines("a\r\r\nb\r\nc\nd").collect();
        assert_eq!(lines, [(1, "a"), (2, "b"), (3, "c"), (4, "d")]);
        let mac: Vec<(u64, &str)> = physical_lines("a\rb").collect();
        assert_eq!(mac, [(1, "a"), (2, "b")]);
    }

    #[test]
    fn apple_labels_are_unwrapped() {
        assert_eq!(apple_labels("_$!<Mobile>!$_"), ["mobile"]);
        assert_eq!(apple_labels("_$!<HomeFAX>!$_"), ["home", "fax"]);
        assert_eq!(apple_labels("Cottage"), ["Cottage"]);
    }
}
