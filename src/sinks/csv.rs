//! Google Contacts CSV output: the header Google Contacts exports and imports today, one row per
//! contact, as many numbered column groups as the data needs.
//!
//! Written so that rolo reads it back into the same values (the Google CSV reader is its inverse):
//! one value per numbered group (no ` ::: ` joins), the primary value's label starting with `* `,
//! labels written in words the reader splits back apart ("Work Fax"). Like Google's own export it
//! ends lines with LF and has no BOM; the csv crate quotes only where needed. Google Contacts has a
//! single organization in its current header, so further ones go to `Organization 2 - …` groups
//! (the old header's columns, which the reader takes too). Events, aliases and profiles without a
//! link go to Notes, one line each, as the vCard NOTE does; `Labels` lists the platforms a contact
//! came from and its groups. Related people go to `Relation N` groups (one a relation), IM
//! addresses to `IM N` groups (label, service, the address without its service's scheme), the
//! anniversary to an `Event 1` labelled Anniversary.

use crate::model::{Address, Contact, Platform};
use crate::normalize::labels::is_label_word;
use crate::vocab::google_csv::{
    clean_group, column, group_cell, ADDRESS, ADDRESS_FIELDS, ANNIVERSARY, EMAIL, EVENT, IM,
    IM_FIELDS, LABEL_VALUE, MARK, MULTI, MY_CONTACTS, ORGANIZATION, ORG_FIELDS, PHONE, RELATION,
    SINGLES, WEBSITE,
};
use crate::vocab::{im, related};
use std::collections::BTreeSet;
use std::io::Write;

/// One contact laid out in columns.
struct Row {
    singles: Vec<String>,
    emails: Vec<[String; 2]>,
    phones: Vec<[String; 2]>,
    addresses: Vec<[String; 9]>,
    /// Organizations after the first.
    orgs: Vec<[String; 3]>,
    websites: Vec<[String; 2]>,
    relations: Vec<[String; 2]>,
    /// The anniversary, Google's event labelled Anniversary.
    events: Vec<[String; 2]>,
    ims: Vec<[String; 3]>,
}

pub fn write(contacts: &[Contact], w: &mut dyn Write) -> std::io::Result<()> {
    let rows: Vec<Row> = contacts.iter().map(row).collect();
    // At least one e-mail and one phone group, as Google's own export has: the header is then
    // recognisable even when no contact has either.
    let n_emails = rows
        .iter()
        .map(|r| r.emails.len())
        .max()
        .unwrap_or(0)
        .max(1);
    let n_phones = rows
        .iter()
        .map(|r| r.phones.len())
        .max()
        .unwrap_or(0)
        .max(1);
    let n_addresses = rows.iter().map(|r| r.addresses.len()).max().unwrap_or(0);
    let n_orgs = rows.iter().map(|r| r.orgs.len()).max().unwrap_or(0);
    let n_websites = rows.iter().map(|r| r.websites.len()).max().unwrap_or(0);
    let n_relations = rows.iter().map(|r| r.relations.len()).max().unwrap_or(0);
    let n_events = rows.iter().map(|r| r.events.len()).max().unwrap_or(0);
    let n_ims = rows.iter().map(|r| r.ims.len()).max().unwrap_or(0);

    let mut header: Vec<String> = SINGLES.iter().map(|s| s.to_string()).collect();
    let mut groups = |name: &str, fields: &[&str], n: usize, first: usize| {
        for i in first..first + n {
            for f in fields {
                header.push(column(name, i, f));
            }
        }
    };
    groups(EMAIL, &LABEL_VALUE, n_emails, 1);
    groups(PHONE, &LABEL_VALUE, n_phones, 1);
    groups(ADDRESS, &ADDRESS_FIELDS, n_addresses, 1);
    groups(ORGANIZATION, &ORG_FIELDS, n_orgs, 2);
    groups(WEBSITE, &LABEL_VALUE, n_websites, 1);
    groups(RELATION, &LABEL_VALUE, n_relations, 1);
    groups(EVENT, &LABEL_VALUE, n_events, 1);
    groups(IM, &IM_FIELDS, n_ims, 1);

    let mut out = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(w);
    out.write_record(&header).map_err(io)?;
    let mut record: Vec<&str> = Vec::with_capacity(header.len());
    for r in &rows {
        record.clear();
        record.extend(r.singles.iter().map(String::as_str));
        push_groups(&mut record, &r.emails, n_emails);
        push_groups(&mut record, &r.phones, n_phones);
        push_groups(&mut record, &r.addresses, n_addresses);
        push_groups(&mut record, &r.orgs, n_orgs);
        push_groups(&mut record, &r.websites, n_websites);
        push_groups(&mut record, &r.relations, n_relations);
        push_groups(&mut record, &r.events, n_events);
        push_groups(&mut record, &r.ims, n_ims);
        out.write_record(&record).map_err(io)?;
    }
    out.flush()
}

fn push_groups<'a, const N: usize>(record: &mut Vec<&'a str>, groups: &'a [[String; N]], n: usize) {
    for i in 0..n {
        match groups.get(i) {
            Some(g) => record.extend(g.iter().map(String::as_str)),
            None => record.extend(std::iter::repeat_n("", N)),
        }
    }
}

/// A csv error as an I/O error, keeping a real I/O error (a closed pipe) as it was.
fn io(e: ::csv::Error) -> std::io::Error {
    match e.into_kind() {
        ::csv::ErrorKind::Io(e) => e,
        other => std::io::Error::other(format!("{other:?}")),
    }
}

fn row(c: &Contact) -> Row {
    let n = &c.name;
    let first_org = c.organizations.first();
    let org = |f: fn(&crate::model::Organization) -> &String| {
        first_org.map(f).cloned().unwrap_or_default()
    };
    // Google imports a photo URL; an embedded photo (a `data:` URI from a vCard) is written when
    // there is no URL, so a contact that is only a photo is still a row that reads back.
    let photo = c
        .photos
        .iter()
        .find(|p| p.value.starts_with("http://") || p.value.starts_with("https://"))
        .or_else(|| c.photos.first())
        .map(|p| p.value.clone())
        .unwrap_or_default();
    let singles = vec![
        n.given.clone(),
        n.middle.clone(),
        n.family.clone(),
        String::new(),
        String::new(),
        String::new(),
        n.prefix.clone(),
        n.suffix.clone(),
        n.nickname.clone(),
        // File As: a name when rolo knows only a full one it could not split.
        if n.given.is_empty() && n.family.is_empty() {
            n.full.clone()
        } else {
            String::new()
        },
        org(|o| &o.name),
        org(|o| &o.title),
        org(|o| &o.department),
        c.birthday
            .as_ref()
            .map(|b| b.value.clone())
            .unwrap_or_default(),
        notes(c),
        photo,
        labels(c),
    ];
    let emails = c
        .emails
        .iter()
        .map(|e| [label_text(&e.labels), e.value.clone()])
        .collect();
    let phones = c
        .phones
        .iter()
        .map(|p| {
            let value = if p.value.is_empty() {
                p.raw.clone()
            } else {
                p.value.replace(";ext=", " ext. ")
            };
            [label_text(&p.labels), value]
        })
        .collect();
    let addresses = c.addresses.iter().map(address).collect();
    let orgs = c
        .organizations
        .iter()
        .skip(1)
        .map(|o| [o.name.clone(), o.title.clone(), o.department.clone()])
        .collect();
    let mut websites: Vec<[String; 2]> = c
        .profiles
        .iter()
        .filter(|p| !p.url.is_empty())
        // The service as the label, so reading the file back knows which profile it is.
        .map(|p| {
            let mut label = p.service.id().to_string();
            if let Some(first) = label.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            [label, p.url.clone()]
        })
        .collect();
    websites.extend(
        c.urls
            .iter()
            .map(|u| [label_text(&u.labels), u.value.clone()]),
    );
    Row {
        singles,
        emails,
        phones,
        addresses,
        orgs,
        websites,
        relations: c.related.iter().flat_map(relations).collect(),
        events: c
            .anniversary
            .iter()
            .map(|a| [ANNIVERSARY.to_string(), a.value.clone()])
            .collect(),
        ims: c
            .ims
            .iter()
            .map(|i| {
                [
                    label_text(&i.labels),
                    im::display(&i.service).to_string(),
                    im::handle(&i.service, &i.value).to_string(),
                ]
            })
            .collect(),
    }
}

/// A related person as Google's relations: one group per relation (Google gives a relation one
/// label), the first marked primary when the person is.
fn relations(r: &crate::model::Related) -> Vec<[String; 2]> {
    let pref = r.labels.iter().any(|l| l == "pref");
    let mut labels: Vec<String> = r
        .labels
        .iter()
        .filter(|l| *l != "pref")
        .map(|l| related::google_label(l))
        .collect();
    if labels.is_empty() {
        labels.push(String::new());
    }
    labels
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let label = match (pref && i == 0, l.is_empty()) {
                (true, true) => MARK.to_string(),
                (true, false) => format!("{MARK} {l}"),
                (false, _) => l,
            };
            [label, r.value.clone()]
        })
        .collect()
}

/// `Formatted` is the one-line form the source gave (rolo keeps it in `raw`); Google builds its
/// own from the parts otherwise.
fn address(a: &Address) -> [String; 9] {
    [
        label_text(&a.labels),
        a.raw.clone(),
        a.street.clone(),
        a.locality.clone(),
        String::new(),
        a.region.clone(),
        a.postal_code.clone(),
        a.country.clone(),
        String::new(),
    ]
}

/// A value's labels as one Google label: `* ` for the primary value, then the labels in words.
/// Labels the reader splits back into words are written side by side ("Work Fax"); any other set
/// of several is written comma-separated, which the reader splits too.
pub fn label_text(labels: &[String]) -> String {
    let primary = labels.iter().any(|l| l == "pref");
    let rest: Vec<&str> = labels
        .iter()
        .map(String::as_str)
        .filter(|l| *l != "pref" && !l.is_empty())
        .collect();
    let words: Vec<String> = rest.iter().map(|l| related::title_case(l)).collect();
    let text = if rest.iter().all(|l| is_label_word(l)) {
        words.join(" ")
    } else {
        words.join(", ")
    };
    match (primary, text.is_empty()) {
        (true, true) => MARK.to_string(),
        (true, false) => format!("{MARK} {text}"),
        (false, _) => text,
    }
}

/// Notes, then aliases, profiles without a link, and one line per event.
fn notes(c: &Contact) -> String {
    let mut lines: Vec<String> = c.notes.iter().map(|n| n.value.clone()).collect();
    for a in &c.aliases {
        lines.push(format!("Also known as: {}", a.value));
    }
    for p in c.profiles.iter().filter(|p| p.url.is_empty()) {
        let who = if p.handle.is_empty() {
            &p.id
        } else {
            &p.handle
        };
        if !who.is_empty() {
            lines.push(format!("{}: {who}", p.service.display()));
        }
    }
    lines.extend(c.events.iter().map(super::event_line));
    lines.join("\n")
}

/// `* myContacts`, the platforms the contact came from, then its groups. Google itself is left
/// out: in Google's own address book it says nothing, and leaving it out makes a Google CSV read
/// and written again come out the same.
fn labels(c: &Contact) -> String {
    let mut out = vec![format!("{MARK} {MY_CONTACTS}")];
    let mut seen: BTreeSet<String> = BTreeSet::new();
    seen.insert(MY_CONTACTS.to_lowercase());
    let platforms: BTreeSet<&str> = c
        .sources
        .iter()
        // A record read back from rolo's own output brought its platforms as groups.
        .filter(|s| s.platform != Platform::Google && s.prior_id.is_empty())
        .map(|s| s.platform.display())
        .collect();
    let groups = c.groups.iter().map(|g| g.value.as_str());
    for g in platforms.into_iter().chain(groups) {
        let g = clean_group(g);
        if g.is_empty() || !seen.insert(g.to_lowercase()) {
            continue;
        }
        out.push(group_cell(&g));
    }
    out.join(MULTI)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn labels_are_written_in_words_the_reader_splits_back() {
        assert_eq!(label_text(&s(&["work", "fax"])), "Work Fax");
        assert_eq!(label_text(&s(&["mobile", "pref"])), "* Mobile");
        assert_eq!(label_text(&s(&["pref"])), "*");
        assert_eq!(label_text(&s(&["grandma's"])), "Grandma's");
        assert_eq!(label_text(&s(&["work", "home page"])), "Work, Home Page");
        assert_eq!(label_text(&[]), "");
        for labels in [
            s(&["work", "fax"]),
            s(&["work", "home page"]),
            s(&["pref", "home"]),
        ] {
            let (primary, back) = crate::vocab::google_csv::parse_label(&label_text(&labels));
            let mut expected: Vec<String> =
                labels.iter().filter(|l| *l != "pref").cloned().collect();
            expected.sort();
            let mut back = back;
            back.sort();
            assert_eq!(back, expected);
            assert_eq!(primary, labels.iter().any(|l| l == "pref"));
        }
    }
}
