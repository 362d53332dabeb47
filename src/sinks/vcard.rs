//! vCard 3.0 (RFC 2426) and 4.0 (RFC 6350) output.
//!
//! Written for the address books people actually import into (Apple, Google, Outlook, Android):
//! CRLF line ends, lines folded at 75 octets without splitting a UTF-8 character, text values
//! escaped, FN and N always present, UID = the contact's stable id. Profiles go out as URL and
//! X-SOCIALPROFILE (3.0) or SOCIALPROFILE (4.0); events become a NOTE; CATEGORIES name the
//! platforms the person came from.

use crate::model::{Contact, Platform};
use std::collections::BTreeSet;
use std::io::Write;

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

fn types(labels: &[String], map: fn(&str) -> Option<&'static str>) -> Vec<String> {
    let mut t: Vec<String> = labels
        .iter()
        .filter_map(|l| map(l).map(String::from).or_else(|| Some(param(l))))
        .filter(|s| !s.is_empty())
        .collect();
    t.dedup();
    t
}

fn type_param(t: &[String], version: Version) -> String {
    if t.is_empty() {
        return String::new();
    }
    match version {
        Version::V3 => format!(";TYPE={}", t.join(",").to_uppercase()),
        Version::V4 => format!(";TYPE={}", t.join(",").to_lowercase()),
    }
}

fn tel_type(label: &str) -> Option<&'static str> {
    match label {
        "mobile" | "cell" => Some("cell"),
        "home" => Some("home"),
        "work" => Some("work"),
        "fax" => Some("fax"),
        "pager" => Some("pager"),
        "main" => Some("voice"),
        _ => None,
    }
}

fn email_type(label: &str) -> Option<&'static str> {
    match label {
        "home" | "personal" => Some("home"),
        "work" => Some("work"),
        _ => None,
    }
}

/// vCard service names for X-SOCIALPROFILE TYPE / SOCIALPROFILE SERVICE-TYPE.
fn service_name(service: &str) -> String {
    match service {
        "linkedin" => "linkedin".into(),
        "twitter" | "x" => "twitter".into(),
        other => param(other).to_lowercase(),
    }
}

fn card(c: &Contact, version: Version, out: &mut String) {
    line(out, "BEGIN:VCARD");
    line(
        out,
        match version {
            Version::V3 => "VERSION:3.0",
            Version::V4 => "VERSION:4.0",
        },
    );
    line(out, "PRODID:-//rolo//rolo//EN");
    line(out, &format!("UID:{}", escape(&c.id)));
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
    for e in &c.emails {
        let mut t = types(&e.labels, email_type);
        if version == Version::V3 {
            t.insert(0, "internet".into());
        }
        line(
            out,
            &format!("EMAIL{}:{}", type_param(&t, version), escape(&e.value)),
        );
    }
    for p in &c.phones {
        let t = type_param(&types(&p.labels, tel_type), version);
        let value = if p.value.is_empty() { &p.raw } else { &p.value };
        match version {
            Version::V4 if !p.value.is_empty() => {
                line(out, &format!("TEL;VALUE=uri{t}:tel:{}", p.value))
            }
            _ => line(out, &format!("TEL{t}:{}", escape(value))),
        }
    }
    for o in &c.organizations {
        if !o.name.is_empty() || !o.department.is_empty() {
            let org = if o.department.is_empty() {
                escape(&o.name)
            } else {
                format!("{};{}", escape(&o.name), escape(&o.department))
            };
            line(out, &format!("ORG:{org}"));
        }
        if !o.title.is_empty() {
            line(out, &format!("TITLE:{}", escape(&o.title)));
        }
    }
    for p in c.profiles.iter().filter(|p| !p.url.is_empty()) {
        let svc = service_name(&p.service);
        match version {
            Version::V3 => {
                line(out, &format!("URL:{}", p.url));
                line(out, &format!("X-SOCIALPROFILE;TYPE={svc}:{}", p.url));
            }
            Version::V4 => line(out, &format!("SOCIALPROFILE;SERVICE-TYPE={svc}:{}", p.url)),
        }
    }
    for u in &c.urls {
        let t = type_param(&types(&u.labels, |_| None), version);
        line(out, &format!("URL{t}:{}", u.value));
    }
    for a in &c.addresses {
        let t = type_param(&types(&a.labels, email_type), version);
        let street = if a.street.is_empty() {
            &a.raw
        } else {
            &a.street
        };
        line(
            out,
            &format!(
                "ADR{t}:;;{};{};{};{};{}",
                escape(street),
                escape(&a.locality),
                escape(&a.region),
                escape(&a.postal_code),
                escape(&a.country)
            ),
        );
    }
    if let Some(b) = &c.birthday {
        birthday(out, &b.value, version);
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
        line(out, &format!("CATEGORIES:{categories}"));
    }
    line(out, "END:VCARD");
}

/// FN must not be empty for many importers; when rolo knows no name it says so plainly rather
/// than invent one from an email or handle.
fn display_name(c: &Contact) -> String {
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
    c.emails
        .first()
        .map(|e| e.value.clone())
        .or_else(|| c.phones.first().map(|p| p.raw.clone()))
        .or_else(|| c.profiles.first().map(|p| p.url.clone()))
        .unwrap_or_default()
}

fn birthday(out: &mut String, value: &str, version: Version) {
    // "--MM-DD" has no year: 4.0 writes it natively, 3.0 the way Apple does.
    if let Some(md) = value.strip_prefix("--") {
        match version {
            Version::V4 => line(out, &format!("BDAY:--{}", md.replace('-', ""))),
            Version::V3 => line(out, &format!("BDAY;X-APPLE-OMIT-YEAR=1604:1604-{md}")),
        }
    } else {
        let v = match version {
            Version::V4 => value.replace('-', ""),
            Version::V3 => value.to_string(),
        };
        line(out, &format!("BDAY:{v}"));
    }
}

fn photo(out: &mut String, value: &str, version: Version) {
    match (version, value.strip_prefix("data:")) {
        (Version::V3, Some(rest)) => {
            // data:image/jpeg;base64,XXXX → PHOTO;ENCODING=b;TYPE=JPEG:XXXX
            if let Some((meta, data)) = rest.split_once(',') {
                let ty = meta
                    .split(';')
                    .next()
                    .and_then(|m| m.strip_prefix("image/"))
                    .unwrap_or("jpeg")
                    .to_uppercase();
                line(out, &format!("PHOTO;ENCODING=b;TYPE={}:{data}", param(&ty)));
            }
        }
        (Version::V3, None) => line(out, &format!("PHOTO;VALUE=uri:{value}")),
        (Version::V4, _) => line(out, &format!("PHOTO:{value}")),
    }
}

/// Notes, then one line per event ("LinkedIn: connected 2023-03-15").
fn note_text(c: &Contact) -> String {
    let mut lines: Vec<String> = c.notes.iter().map(|n| n.value.clone()).collect();
    for e in &c.events {
        let svc = platform_label(&e.service);
        let kind = e.kind.replace('_', " ");
        let l = match (svc.is_empty(), e.date.is_empty()) {
            (false, false) => format!("{svc}: {kind} {}", e.date),
            (false, true) => format!("{svc}: {kind}"),
            (true, false) => format!("{kind} {}", e.date),
            (true, true) => kind,
        };
        lines.push(l);
    }
    lines.join("\n")
}

fn platform_label(service: &str) -> String {
    serde_json::from_value::<Platform>(serde_json::Value::String(service.to_string()))
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| service.to_string())
}

fn categories(c: &Contact) -> String {
    let mut set = BTreeSet::new();
    for s in &c.sources {
        set.insert(s.platform.display().to_string());
    }
    for g in &c.groups {
        set.insert(g.value.clone());
    }
    set.iter().map(|s| escape(s)).collect::<Vec<_>>().join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
