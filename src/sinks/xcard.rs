//! xCard (RFC 6351) output, written with quick-xml.
//!
//! The same contact as the vCard 4.0 writer, as XML: one `<vcard>` per contact inside
//! `<vcards xmlns="urn:ietf:params:xml:ns:vcard-4.0">`. Labels go out as `<type>` texts (custom
//! ones too: xCard has no need of Apple's X-ABLabel), PREF as `<pref><integer>1</integer></pref>`,
//! several organisations each in a `<group>` with their title, a raw address as its street plus a
//! `<label>` parameter. Events become the note and the platforms are categories, as in vCard.
//! Characters XML 1.0 cannot carry (control characters) are left out.

use super::vcard::{
    categories, date_form, display_name, is_company, note_text, raw_only, split_labels, DateForm,
    Prop,
};
use crate::model::{Address, Contact};
use crate::vocab::{im, related};
use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;
use std::io::{self, Write};

/// The namespace of the root element.
const NAMESPACE: &str = "urn:ietf:params:xml:ns:vcard-4.0";

type W<'a> = Writer<&'a mut dyn Write>;

pub fn write(contacts: &[Contact], w: &mut dyn Write) -> io::Result<()> {
    let mut xml: W<'_> = Writer::new_with_indent(w, b' ', 2);
    xml.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    xml.create_element("vcards")
        .with_attribute(("xmlns", NAMESPACE))
        .write_inner_content(|xml| {
            for c in contacts {
                card(xml, c)?;
            }
            Ok(())
        })?;
    xml.get_mut().write_all(b"\n")
}

/// Text XML 1.0 can carry: control characters other than tab and newline are dropped.
fn clean(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() || *c == '\t' || *c == '\n')
        .collect()
}

/// `<name><kind>value</kind></name>`.
fn value(xml: &mut W<'_>, kind: &str, v: &str) -> io::Result<()> {
    xml.create_element(kind)
        .write_text_content(BytesText::new(&clean(v)))?;
    Ok(())
}

fn simple(xml: &mut W<'_>, name: &str, kind: &str, v: &str) -> io::Result<()> {
    xml.create_element(name)
        .write_inner_content(|xml| value(xml, kind, v))?;
    Ok(())
}

/// `<parameters>` with the labels as `<type>` texts, PREF and any extra text parameters; nothing
/// when there are none.
fn parameters(
    xml: &mut W<'_>,
    types: &[&str],
    custom: &[String],
    extra: &[(&str, &str)],
) -> io::Result<()> {
    let pref = types.contains(&"pref");
    let listed: Vec<&str> = types
        .iter()
        .copied()
        .filter(|t| *t != "pref")
        .chain(custom.iter().map(|s| s.as_str()))
        .collect();
    let extra: Vec<&(&str, &str)> = extra.iter().filter(|(_, v)| !v.is_empty()).collect();
    if listed.is_empty() && !pref && extra.is_empty() {
        return Ok(());
    }
    xml.create_element("parameters")
        .write_inner_content(|xml| {
            if !listed.is_empty() {
                xml.create_element("type").write_inner_content(|xml| {
                    for t in &listed {
                        value(xml, "text", t)?;
                    }
                    Ok(())
                })?;
            }
            if pref {
                simple(xml, "pref", "integer", "1")?;
            }
            for (name, v) in &extra {
                simple(xml, name, "text", v)?;
            }
            Ok(())
        })?;
    Ok(())
}

fn card(xml: &mut W<'_>, c: &Contact) -> io::Result<()> {
    xml.create_element("vcard").write_inner_content(|xml| {
        simple(xml, "uid", "text", &c.id)?;
        if is_company(c) {
            simple(xml, "kind", "text", "org")?;
        }
        simple(xml, "fn", "text", &display_name(c))?;
        let n = &c.name;
        xml.create_element("n").write_inner_content(|xml| {
            for (part, v) in [
                ("surname", &n.family),
                ("given", &n.given),
                ("additional", &n.middle),
                ("prefix", &n.prefix),
                ("suffix", &n.suffix),
            ] {
                value(xml, part, v)?;
            }
            Ok(())
        })?;
        if !n.nickname.is_empty() {
            simple(xml, "nickname", "text", &n.nickname)?;
        }
        // Other names the records carried: more fn elements, as in vCard 4.0.
        for a in c.aliases.iter().filter(|a| !a.value.is_empty()) {
            simple(xml, "fn", "text", &a.value)?;
        }
        for e in &c.emails {
            let (types, custom) = split_labels(Prop::Email, &e.labels);
            xml.create_element("email").write_inner_content(|xml| {
                parameters(xml, &types, &custom, &[])?;
                value(xml, "text", &e.value)
            })?;
        }
        for p in &c.phones {
            let (types, custom) = split_labels(Prop::Tel, &p.labels);
            xml.create_element("tel").write_inner_content(|xml| {
                parameters(xml, &types, &custom, &[])?;
                if p.value.is_empty() {
                    value(xml, "text", &p.raw)
                } else {
                    value(xml, "uri", &format!("tel:{}", p.value))
                }
            })?;
        }
        let grouped = c.organizations.len() > 1;
        for (i, o) in c.organizations.iter().enumerate() {
            let write_org = |xml: &mut W<'_>| -> io::Result<()> {
                if !o.name.is_empty() || !o.department.is_empty() {
                    xml.create_element("org").write_inner_content(|xml| {
                        value(xml, "text", &o.name)?;
                        if !o.department.is_empty() {
                            value(xml, "text", &o.department)?;
                        }
                        Ok(())
                    })?;
                }
                if !o.title.is_empty() {
                    simple(xml, "title", "text", &o.title)?;
                }
                Ok(())
            };
            if grouped {
                let name = format!("org{}", i + 1);
                xml.create_element("group")
                    .with_attribute(("name", name.as_str()))
                    .write_inner_content(write_org)?;
            } else {
                write_org(xml)?;
            }
        }
        for p in &c.profiles {
            if p.url.is_empty() && p.handle.is_empty() {
                continue;
            }
            xml.create_element("socialprofile")
                .write_inner_content(|xml| {
                    let extra = [
                        ("service-type", p.service.id()),
                        ("username", p.handle.as_str()),
                    ];
                    parameters(xml, &[], &[], &extra)?;
                    if p.url.is_empty() {
                        value(xml, "text", &p.handle)
                    } else {
                        value(xml, "uri", &p.url)
                    }
                })?;
        }
        for u in &c.urls {
            let (types, custom) = split_labels(Prop::Url, &u.labels);
            xml.create_element("url").write_inner_content(|xml| {
                parameters(xml, &types, &custom, &[])?;
                value(xml, "uri", &u.value)
            })?;
        }
        for i in &c.ims {
            let (types, custom) = split_labels(Prop::Impp, &i.labels);
            xml.create_element("impp").write_inner_content(|xml| {
                let service = [("service-type", im::display(&i.service))];
                parameters(xml, &types, &custom, &service)?;
                match im::split_scheme(&i.value) {
                    Some(_) => value(xml, "uri", &i.value),
                    None => value(xml, "uri", &format!("{}:{}", im::APPLE_SCHEME, i.value)),
                }
            })?;
        }
        for a in &c.addresses {
            address(xml, a)?;
        }
        for (name, day) in [("bday", &c.birthday), ("anniversary", &c.anniversary)] {
            if let Some(b) = day {
                let (kind, v) = match date_form(&b.value) {
                    DateForm::NoYear(md) => ("date", format!("--{}", md.replace('-', ""))),
                    DateForm::Date(d) if d.len() == 10 => ("date", d.replace('-', "")),
                    DateForm::Date(d) => ("date", d),
                    DateForm::Text => ("text", b.value.clone()),
                };
                simple(xml, name, kind, &v)?;
            }
        }
        for r in &c.related {
            let (types, custom) = split_labels(Prop::Related, &r.labels);
            xml.create_element("related").write_inner_content(|xml| {
                parameters(xml, &types, &custom, &[])?;
                let kind = if related::is_uri(&r.value) {
                    "uri"
                } else {
                    "text"
                };
                value(xml, kind, &r.value)
            })?;
        }
        for p in &c.photos {
            simple(xml, "photo", "uri", &p.value)?;
        }
        let note = note_text(c);
        if !note.is_empty() {
            simple(xml, "note", "text", &note)?;
        }
        let cats = categories(c);
        if !cats.is_empty() {
            xml.create_element("categories")
                .write_inner_content(|xml| {
                    for cat in &cats {
                        value(xml, "text", cat)?;
                    }
                    Ok(())
                })?;
        }
        Ok(())
    })?;
    Ok(())
}

fn address(xml: &mut W<'_>, a: &Address) -> io::Result<()> {
    let (types, custom) = split_labels(Prop::Adr, &a.labels);
    let street = if raw_only(a) { &a.raw } else { &a.street };
    xml.create_element("adr").write_inner_content(|xml| {
        parameters(xml, &types, &custom, &[("label", a.raw.as_str())])?;
        for (part, v) in [
            ("pobox", ""),
            ("ext", ""),
            ("street", street.as_str()),
            ("locality", a.locality.as_str()),
            ("region", a.region.as_str()),
            ("code", a.postal_code.as_str()),
            ("country", a.country.as_str()),
        ] {
            value(xml, part, v)?;
        }
        Ok(())
    })?;
    Ok(())
}
