//! vCard 3.0 (RFC 2426) and 4.0 (RFC 6350) output.
//!
//! Written for the address books people actually import into (Apple, Google, Outlook, Android)
//! and checked against Python's vobject (`scripts/check-clients.sh`): CRLF line ends, lines folded
//! at 75 octets without splitting a UTF-8 character, text values escaped, FN and N always present,
//! UID = the contact's stable id. Profiles go out as URL and X-SOCIALPROFILE (3.0) or
//! SOCIALPROFILE (4.0); events become a NOTE; CATEGORIES name the platforms the person came from.
//!
//! Labels that vCard has a TYPE for go out as TYPE (PREF as `TYPE=PREF` in 3.0, `PREF=1` in 4.0);
//! any other label goes out the way Apple and Google write custom labels, as an `itemN.X-ABLabel`
//! next to its property, so it survives an import and rolo reads it back unchanged. A raw address
//! goes out as its street plus a LABEL, so clients show it and rolo reads it back as raw.

use crate::model::{Address, Contact, Im, Related};
use crate::vocab::{im, related};
use std::collections::BTreeSet;
use std::io::Write;

/// The PRODID of every card rolo writes: how rolo knows a file it may update in place.
pub const PRODID: &str = "PRODID:-//rolo//rolo//EN";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    V3,
    V4,
}

pub fn write(contacts: &[Contact], version: Version, w: &mut dyn Write) -> std::io::Result<()> {
    let mut buf = String::new();
    for c in contacts {
        buf.clear();
        card(c, version, &mut buf);
        w.write_all(buf.as_bytes())?;
    }
    Ok(())
}

/// Escapes a text value (RFC 6350 §3.4): backslash, comma, semicolon, newline.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// A parameter value: only characters every parser takes unquoted.
fn param(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect()
}

/// A free-text parameter value (a handle, an address label): quoted when it holds `,;:`, with
/// RFC 6868 escapes for newline, double quote and caret.
fn param_text(s: &str) -> String {
    let mut v = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '^' => v.push_str("^^"),
            '"' => v.push_str("^'"),
            '\n' => v.push_str("^n"),
            c if c.is_control() => {}
            c => v.push(c),
        }
    }
    if v.contains([',', ';', ':', ' ']) {
        format!("\"{v}\"")
    } else {
        v
    }
}

/// Appends one content line, folded at 75 octets on character boundaries, with CRLF.
pub fn line(out: &mut String, content: &str) {
    let mut width = 0usize;
    for ch in content.chars() {
        let n = ch.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(ch);
        width += n;
    }
    out.push_str("\r\n");
}

/// Which labels a property has a vCard TYPE for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prop {
    Email,
    Tel,
    Adr,
    Url,
    Impp,
    Related,
}

/// The TYPE value for a label of `prop`, or `None` for a custom label.
pub fn type_for(prop: Prop, label: &str) -> Option<&'static str> {
    Some(match (prop, label) {
        (_, "home") => "home",
        (_, "work") => "work",
        (_, "pref") => "pref",
        (Prop::Email, "personal") => "home",
        (Prop::Tel, "mobile" | "cell") => "cell",
        (Prop::Tel, "fax") => "fax",
        (Prop::Tel, "pager") => "pager",
        (Prop::Tel, "main") => "main",
        (Prop::Tel, "voice") => "voice",
        (Prop::Tel, "text") => "text",
        (Prop::Tel, "video") => "video",
        (Prop::Tel, "textphone") => "textphone",
        (Prop::Tel, "msg") => "msg",
        (Prop::Tel, "car") => "car",
        (Prop::Tel, "isdn") => "isdn",
        (Prop::Tel, "bbs") => "bbs",
        (Prop::Tel, "modem") => "modem",
        (Prop::Tel, "pcs") => "pcs",
        (Prop::Tel, "iphone") => "iphone",
        (Prop::Adr, "postal") => "postal",
        (Prop::Adr, "parcel") => "parcel",
        (Prop::Adr, "dom") => "dom",
        (Prop::Adr, "intl") => "intl",
        (Prop::Related, l) => return related::vcard_type(l),
        _ => return None,
    })
}

/// Labels split into vCard TYPE values (deduplicated, in order) and custom labels.
pub fn split_labels(prop: Prop, labels: &[String]) -> (Vec<&'static str>, Vec<String>) {
    let mut types: Vec<&'static str> = Vec::new();
    let mut custom: Vec<String> = Vec::new();
    for l in labels {
        let l = l.trim();
        if l.is_empty() {
            continue;
        }
        match type_for(prop, &l.to_lowercase()) {
            Some(t) if !types.contains(&t) => types.push(t),
            Some(_) => {}
            None if !custom.iter().any(|c| c == l) => custom.push(l.to_string()),
            None => {}
        }
    }
    (types, custom)
}

/// A custom label as X-ABLabel text: Apple's own names for the labels it knows.
fn ab_label(label: &str) -> String {
    match label {
        "other" => "_$!<Other>!$_".into(),
        "homepage" => "_$!<HomePage>!$_".into(),
        "assistant" => "_$!<AssistantPhone>!$_".into(),
        other => other.to_string(),
    }
}

/// `;TYPE=…` (and `;PREF=1` in 4.0) for the given TYPE values.
fn type_param(types: &[&str], version: Version) -> String {
    let pref = types.contains(&"pref");
    let t: Vec<&str> = match version {
        Version::V3 => types.to_vec(),
        Version::V4 => types.iter().copied().filter(|t| *t != "pref").collect(),
    };
    let mut out = String::new();
    if !t.is_empty() {
        match version {
            Version::V3 => out.push_str(&format!(";TYPE={}", t.join(",").to_uppercase())),
            Version::V4 => out.push_str(&format!(";TYPE={}", t.join(","))),
        }
    }
    if pref && version == Version::V4 {
        out.push_str(";PREF=1");
    }
    out
}

/// The `itemN.` groups of one card.
struct Groups(usize);

impl Groups {
    fn next(&mut self) -> String {
        self.0 += 1;
        format!("item{}.", self.0)
    }
}

/// A property whose labels go out as TYPE values and custom labels.
struct Labelled<'a> {
    name: &'a str,
    /// Parameters after the TYPE ones (`;VALUE=uri`).
    extra: &'a str,
    value: &'a str,
    types: &'a [&'a str],
    custom: &'a [String],
}

impl Labelled<'_> {
    /// The line itself, then an X-ABLabel in the same group for the last custom label (any
    /// others go out as TYPE x-names before it). Last, because a reader (rolo's too) lists TYPE
    /// values before the X-ABLabel: the labels read back come in the order they were written,
    /// and a card merged into its own output again does not swap them.
    fn write(&self, out: &mut String, groups: &mut Groups, version: Version) {
        let mut t = type_param(self.types, version);
        let before_last = self.custom.len().saturating_sub(1);
        for more in self.custom.iter().take(before_last) {
            let p = param(more);
            if !p.is_empty() {
                let p = match version {
                    Version::V3 => p.to_uppercase(),
                    Version::V4 => p.to_lowercase(),
                };
                t.push_str(&format!(";TYPE={p}"));
            }
        }
        let (name, extra, value) = (self.name, self.extra, self.value);
        match self.custom.last() {
            Some(label) => {
                let g = groups.next();
                line(out, &format!("{g}{name}{t}{extra}:{value}"));
                line(out, &format!("{g}X-ABLabel:{}", escape(&ab_label(label))));
            }
            None => line(out, &format!("{name}{t}{extra}:{value}")),
        }
    }
}

fn card(c: &Contact, version: Version, out: &mut String) {
    let mut groups = Groups(0);
    line(out, "BEGIN:VCARD");
    line(
        out,
        match version {
            Version::V3 => "VERSION:3.0",
            Version::V4 => "VERSION:4.0",
        },
    );
    line(out, PRODID);
    line(out, &format!("UID:{}", escape(&c.id)));
    if is_company(c) {
        match version {
            Version::V3 => line(out, "X-ABShowAs:COMPANY"),
            Version::V4 => line(out, "KIND:org"),
        }
    }
    let n = &c.name;
    line(out, &format!("FN:{}", escape(&display_name(c))));
    line(
        out,
        &format!(
            "N:{};{};{};{};{}",
            escape(&n.family),
            escape(&n.given),
            escape(&n.middle),
            escape(&n.prefix),
            escape(&n.suffix)
        ),
    );
    if !n.nickname.is_empty() {
        line(out, &format!("NICKNAME:{}", escape(&n.nickname)));
    }
    // The other names the merged records carried (a spelling with another prefix, middle name
    // or suffix, a maiden name): vCard 4.0 allows several FN, the first the one shown; 3.0
    // allows one, so there they go out as X-ROLO-ALIAS (docs/formats/rolo.md).
    for a in c.aliases.iter().filter(|a| !a.value.is_empty()) {
        let property = match version {
            Version::V3 => "X-ROLO-ALIAS",
            Version::V4 => "FN",
        };
        line(out, &format!("{property}:{}", escape(&a.value)));
    }
    for e in &c.emails {
        let (mut types, custom) = split_labels(Prop::Email, &e.labels);
        if version == Version::V3 {
            types.insert(0, "internet");
        }
        let value = escape(&e.value);
        let l = Labelled {
            name: "EMAIL",
            extra: "",
            value: &value,
            types: &types,
            custom: &custom,
        };
        l.write(out, &mut groups, version);
    }
    for p in &c.phones {
        let (types, custom) = split_labels(Prop::Tel, &p.labels);
        let (extra, value) = match version {
            Version::V4 if !p.value.is_empty() => (";VALUE=uri", format!("tel:{}", p.value)),
            // A 3.0 TEL is no URI: an extension goes out the way people write it.
            _ if !p.value.is_empty() => ("", escape(&p.value.replace(";ext=", " ext. "))),
            _ => ("", escape(&p.raw)),
        };
        let l = Labelled {
            name: "TEL",
            extra,
            value: &value,
            types: &types,
            custom: &custom,
        };
        l.write(out, &mut groups, version);
    }
    // Several organisations: each ORG with its TITLE in one group, so they pair up again.
    let grouped = c.organizations.len() > 1;
    for o in &c.organizations {
        let g = if grouped {
            groups.next()
        } else {
            String::new()
        };
        if !o.name.is_empty() || !o.department.is_empty() {
            let org = if o.department.is_empty() {
                escape(&o.name)
            } else {
                format!("{};{}", escape(&o.name), escape(&o.department))
            };
            line(out, &format!("{g}ORG:{org}"));
        }
        if !o.title.is_empty() {
            line(out, &format!("{g}TITLE:{}", escape(&o.title)));
        }
    }
    for p in &c.profiles {
        let svc = param(&p.service.vcard_type());
        let user = |name: &str| {
            if p.handle.is_empty() {
                String::new()
            } else {
                format!(";{name}={}", param_text(&p.handle))
            }
        };
        match (version, p.url.is_empty()) {
            (_, true) if p.handle.is_empty() => {}
            (Version::V3, false) => {
                line(out, &format!("URL:{}", p.url));
                let u = user("X-USER");
                line(out, &format!("X-SOCIALPROFILE;TYPE={svc}{u}:{}", p.url));
            }
            (Version::V3, true) => {
                let u = user("X-USER");
                line(
                    out,
                    &format!("X-SOCIALPROFILE;TYPE={svc}{u}:x-apple:{}", p.handle),
                );
            }
            (Version::V4, false) => {
                let u = user("USERNAME");
                line(
                    out,
                    &format!("SOCIALPROFILE;SERVICE-TYPE={svc}{u}:{}", p.url),
                );
            }
            (Version::V4, true) => {
                let u = user("USERNAME");
                let h = escape(&p.handle);
                line(
                    out,
                    &format!("SOCIALPROFILE;SERVICE-TYPE={svc}{u};VALUE=text:{h}"),
                );
            }
        }
    }
    for u in &c.urls {
        let (types, custom) = split_labels(Prop::Url, &u.labels);
        let l = Labelled {
            name: "URL",
            extra: "",
            value: &u.value,
            types: &types,
            custom: &custom,
        };
        l.write(out, &mut groups, version);
    }
    for i in &c.ims {
        impp(out, &mut groups, i, version);
    }
    for a in &c.addresses {
        address(out, &mut groups, a, version);
    }
    if let Some(b) = &c.birthday {
        birthday(out, &b.value, version);
    }
    if let Some(a) = &c.anniversary {
        anniversary(out, &mut groups, &a.value, version);
    }
    for r in &c.related {
        related_person(out, &mut groups, r, version);
    }
    for p in &c.photos {
        photo(out, &p.value, version);
    }
    let note = note_text(c);
    if !note.is_empty() {
        line(out, &format!("NOTE:{}", escape(&note)));
    }
    let categories = categories(c);
    if !categories.is_empty() {
        let list: Vec<String> = categories.iter().map(|s| escape(s)).collect();
        line(out, &format!("CATEGORIES:{}", list.join(",")));
    }
    line(out, "END:VCARD");
}

/// `IMPP` in both versions, as Apple writes it in 3.0 too: the address as a URI, the service as
/// `X-SERVICE-TYPE` (3.0) or `SERVICE-TYPE` (4.0). An address of a service with no scheme of its
/// own goes out as Apple's `x-apple:` URI, which rolo reads back as the address alone.
fn impp(out: &mut String, groups: &mut Groups, i: &Im, version: Version) {
    let (types, custom) = split_labels(Prop::Impp, &i.labels);
    let service = param_text(im::display(&i.service));
    let extra = match (version, service.is_empty()) {
        (_, true) => String::new(),
        (Version::V3, false) => format!(";X-SERVICE-TYPE={service}"),
        (Version::V4, false) => format!(";SERVICE-TYPE={service}"),
    };
    let value = match im::split_scheme(&i.value) {
        Some(_) => i.value.clone(),
        None => format!("{}:{}", im::APPLE_SCHEME, i.value),
    };
    let l = Labelled {
        name: "IMPP",
        extra: &extra,
        value: &escape_uri(&value),
        types: &types,
        custom: &custom,
    };
    l.write(out, groups, version);
}

/// A URI value: only the characters that end a content line's value are escaped away.
fn escape_uri(s: &str) -> String {
    s.chars().filter(|c| !c.is_control()).collect()
}

/// 4.0: `ANNIVERSARY` in the birthday's forms. 3.0 has no anniversary: Apple's and Google's
/// `X-ABDATE` labelled `_$!<Anniversary>!$_`, which both read (and rolo reads back).
fn anniversary(out: &mut String, groups: &mut Groups, value: &str, version: Version) {
    match version {
        Version::V4 => date_line(out, "ANNIVERSARY", value, version),
        Version::V3 => {
            let g = groups.next();
            date_line(out, &format!("{g}X-ABDATE"), value, version);
            line(out, &format!("{g}X-ABLabel:_$!<Anniversary>!$_"));
        }
    }
}

/// 4.0: `RELATED;TYPE=spouse;VALUE=text:Name` (a URI as itself), a relation that is no TYPE
/// value as an `X-ABLabel`. 3.0: Apple's `X-ABRELATEDNAMES` with its `X-ABLabel`, one line per
/// relation (Apple gives a related name one label), which rolo reads back as one person.
fn related_person(out: &mut String, groups: &mut Groups, r: &Related, version: Version) {
    let pref = r.labels.iter().any(|l| l == "pref");
    match version {
        Version::V4 => {
            let (types, custom) = split_labels(Prop::Related, &r.labels);
            let (extra, value) = if related::is_uri(&r.value) {
                ("", escape_uri(&r.value))
            } else {
                (";VALUE=text", escape(&r.value))
            };
            let l = Labelled {
                name: "RELATED",
                extra,
                value: &value,
                types: &types,
                custom: &custom,
            };
            l.write(out, groups, version);
        }
        Version::V3 => {
            let value = escape(&r.value);
            let relations: Vec<&String> = r.labels.iter().filter(|l| *l != "pref").collect();
            let t = if pref { ";TYPE=PREF" } else { "" };
            if relations.is_empty() {
                line(out, &format!("X-ABRELATEDNAMES{t}:{value}"));
            }
            for (i, relation) in relations.into_iter().enumerate() {
                let g = groups.next();
                let t = if i == 0 { t } else { "" };
                line(out, &format!("{g}X-ABRELATEDNAMES{t}:{value}"));
                let label = escape(&related::apple_label(relation));
                line(out, &format!("{g}X-ABLabel:{label}"));
            }
        }
    }
}

/// A contact without a person's name but with an organisation is the organisation's card:
/// `X-ABShowAs:COMPANY` (Apple) in 3.0, `KIND:org` in 4.0 and xCard.
pub fn is_company(c: &Contact) -> bool {
    c.name.is_empty() && c.organizations.iter().any(|o| !o.name.is_empty())
}

/// True when an address has no structured part (only `raw`).
pub fn raw_only(a: &Address) -> bool {
    [
        &a.street,
        &a.locality,
        &a.region,
        &a.postal_code,
        &a.country,
    ]
    .iter()
    .all(|s| s.is_empty())
}

fn address(out: &mut String, groups: &mut Groups, a: &Address, version: Version) {
    let (types, custom) = split_labels(Prop::Adr, &a.labels);
    let street = if raw_only(a) { &a.raw } else { &a.street };
    let value = format!(
        ";;{};{};{};{};{}",
        escape(street),
        escape(&a.locality),
        escape(&a.region),
        escape(&a.postal_code),
        escape(&a.country)
    );
    let t = type_param(&types, version);
    let label = match version {
        Version::V4 if !a.raw.is_empty() => format!(";LABEL={}", param_text(&a.raw)),
        _ => String::new(),
    };
    let needs_group = !custom.is_empty() || (version == Version::V3 && !a.raw.is_empty());
    let g = if needs_group {
        groups.next()
    } else {
        String::new()
    };
    let mut extra = String::new();
    for more in custom.iter().skip(1) {
        let p = param(more);
        if !p.is_empty() {
            extra.push_str(&format!(";TYPE={p}"));
        }
    }
    line(out, &format!("{g}ADR{t}{extra}{label}:{value}"));
    if version == Version::V3 && !a.raw.is_empty() {
        line(out, &format!("{g}LABEL{t}{extra}:{}", escape(&a.raw)));
    }
    if let Some(first) = custom.first() {
        line(out, &format!("{g}X-ABLabel:{}", escape(&ab_label(first))));
    }
}

/// FN must not be empty for many importers: the name, else the nickname, else the organisation,
/// else the first email, phone or profile link, so that the card can be told apart in a list
/// (rolo reads such an FN back as no name).
pub fn display_name(c: &Contact) -> String {
    if !c.name.full.is_empty() {
        return c.name.full.clone();
    }
    let parts: Vec<&str> = [&c.name.given, &c.name.family]
        .iter()
        .filter(|s| !s.is_empty())
        .map(|s| s.as_str())
        .collect();
    if !parts.is_empty() {
        return parts.join(" ");
    }
    if !c.name.nickname.is_empty() {
        return c.name.nickname.clone();
    }
    if let Some(o) = c.organizations.iter().find(|o| !o.name.is_empty()) {
        return o.name.clone();
    }
    c.emails
        .first()
        .map(|e| e.value.clone())
        // E.164 when known: the TEL says the same, and a card read back shows the same FN.
        .or_else(|| {
            c.phones.first().map(|p| {
                if p.value.is_empty() {
                    p.raw.clone()
                } else {
                    p.value.clone()
                }
            })
        })
        .or_else(|| c.profiles.first().map(|p| p.url.clone()))
        .unwrap_or_default()
}

/// How a birthday value is written.
pub enum DateForm {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    Date(String),
    /// `--MM-DD`: no year.
    NoYear(String),
    /// Anything else: text as it was.
    Text,
}

/// Sorts a birthday into the forms vCard can carry as a date.
pub fn date_form(value: &str) -> DateForm {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if let Some(md) = value.strip_prefix("--") {
        let parts: Vec<&str> = md.split('-').collect();
        return match parts.as_slice() {
            [m, d] if m.len() == 2 && d.len() == 2 && digits(m) && digits(d) => {
                DateForm::NoYear(format!("{m}-{d}"))
            }
            _ => DateForm::Text,
        };
    }
    let parts: Vec<&str> = value.split('-').collect();
    let ok = match parts.as_slice() {
        [y] => y.len() == 4 && digits(y),
        [y, m] => y.len() == 4 && m.len() == 2 && digits(y) && digits(m),
        [y, m, d] => {
            y.len() == 4 && m.len() == 2 && d.len() == 2 && digits(y) && digits(m) && digits(d)
        }
        _ => false,
    };
    if ok {
        DateForm::Date(value.to_string())
    } else {
        DateForm::Text
    }
}

fn birthday(out: &mut String, value: &str, version: Version) {
    date_line(out, "BDAY", value, version);
}

/// A date property (`BDAY`, `ANNIVERSARY`, Apple's `X-ABDATE`) in the form its value allows.
fn date_line(out: &mut String, name: &str, value: &str, version: Version) {
    match (date_form(value), version) {
        // "--MM-DD" has no year: 4.0 writes it natively, 3.0 the way Apple does.
        (DateForm::NoYear(md), Version::V4) => {
            line(out, &format!("{name}:--{}", md.replace('-', "")))
        }
        (DateForm::NoYear(md), Version::V3) => {
            line(out, &format!("{name};X-APPLE-OMIT-YEAR=1604:1604-{md}"))
        }
        // 4.0 wants the basic form for a full date, and keeps the dash of a year-month.
        (DateForm::Date(d), Version::V4) if d.len() == 10 => {
            line(out, &format!("{name}:{}", d.replace('-', "")))
        }
        (DateForm::Date(d), _) => line(out, &format!("{name}:{d}")),
        (DateForm::Text, Version::V4) => line(out, &format!("{name};VALUE=text:{}", escape(value))),
        (DateForm::Text, Version::V3) => line(out, &format!("{name}:{}", escape(value))),
    }
}

fn photo(out: &mut String, value: &str, version: Version) {
    match (version, value.strip_prefix("data:")) {
        (Version::V3, Some(rest)) => {
            // data:image/jpeg;base64,XXXX → PHOTO;ENCODING=b;TYPE=JPEG:XXXX
            match rest.split_once(',') {
                Some((meta, data)) if meta.to_ascii_lowercase().ends_with(";base64") => {
                    let ty = meta
                        .split(';')
                        .next()
                        .and_then(|m| m.strip_prefix("image/"))
                        .unwrap_or("jpeg")
                        .to_uppercase();
                    line(out, &format!("PHOTO;ENCODING=b;TYPE={}:{data}", param(&ty)));
                }
                _ => line(out, &format!("PHOTO;VALUE=uri:{value}")),
            }
        }
        (Version::V3, None) => line(out, &format!("PHOTO;VALUE=uri:{value}")),
        (Version::V4, _) => line(out, &format!("PHOTO:{value}")),
    }
}

/// Notes, then one line per event ("LinkedIn: connected 2023-03-15").
pub fn note_text(c: &Contact) -> String {
    let mut lines: Vec<String> = c.notes.iter().map(|n| n.value.clone()).collect();
    lines.extend(c.events.iter().map(super::event_line));
    lines.join("\n")
}

/// The platforms the person came from, then their groups, each once, sorted. A record read back
/// from rolo's own output brought its platforms as groups; the file it was read from is none.
pub fn categories(c: &Contact) -> Vec<String> {
    let mut set = BTreeSet::new();
    for s in c.sources.iter().filter(|s| s.prior_id.is_empty()) {
        set.insert(s.platform.display().to_string());
    }
    for g in &c.groups {
        set.insert(g.value.clone());
    }
    set.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{smallvec, thin_vec, Email, Phone};

    #[test]
    fn folding_never_splits_a_character_and_keeps_75_octets() {
        let mut out = String::new();
        let value = format!("NOTE:{}", "é".repeat(100));
        line(&mut out, &value);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{value}\r\n"));
    }

    #[test]
    fn escaping_covers_the_special_characters() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn custom_labels_go_out_as_x_ablabel_and_pref_as_the_version_wants() {
        let c = Contact {
            emails: thin_vec![Email {
                value: "a@example.com".into(),
                labels: vec!["work".into(), "pref".into(), "Cottage 2".into()],
                sources: smallvec![0],
            }],
            phones: thin_vec![Phone {
                value: "+14155550100".into(),
                raw: "(415) 555-0100".into(),
                labels: vec!["mobile".into(), "other".into()],
                sources: smallvec![0],
            }],
            ..Contact::default()
        };
        let mut v3 = String::new();
        card(&c, Version::V3, &mut v3);
        assert!(
            v3.contains("item1.EMAIL;TYPE=INTERNET,WORK,PREF:a@example.com\r\n"),
            "{v3}"
        );
        assert!(v3.contains("item1.X-ABLabel:Cottage 2\r\n"), "{v3}");
        assert!(v3.contains("item2.TEL;TYPE=CELL:+14155550100\r\n"), "{v3}");
        assert!(v3.contains("item2.X-ABLabel:_$!<Other>!$_\r\n"), "{v3}");
        let mut v4 = String::new();
        card(&c, Version::V4, &mut v4);
        assert!(
            v4.contains("item1.EMAIL;TYPE=work;PREF=1:a@example.com\r\n"),
            "{v4}"
        );
        assert!(
            v4.contains("item2.TEL;TYPE=cell;VALUE=uri:tel:+14155550100\r\n"),
            "{v4}"
        );
    }

    #[test]
    fn birthdays_keep_their_precision() {
        for (value, v3, v4) in [
            ("1985-04-12", "BDAY:1985-04-12", "BDAY:19850412"),
            (
                "--04-12",
                "BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-12",
                "BDAY:--0412",
            ),
            ("1985-04", "BDAY:1985-04", "BDAY:1985-04"),
            (
                "circa 1800",
                "BDAY:circa 1800",
                "BDAY;VALUE=text:circa 1800",
            ),
        ] {
            let mut out = String::new();
            birthday(&mut out, value, Version::V3);
            assert_eq!(out, format!("{v3}\r\n"));
            out.clear();
            birthday(&mut out, value, Version::V4);
            assert_eq!(out, format!("{v4}\r\n"));
        }
    }
}
