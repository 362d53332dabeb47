//! Google Contacts CSV, both headers Google has exported: the current one (`First Name,…,Labels,
//! E-mail 1 - Label,E-mail 1 - Value,…`, 2020 on) and the old "Google CSV" one (`Name,Given Name,
//! …,Group Membership,E-mail 1 - Type,E-mail 1 - Value,…`, often UTF-16).
//!
//! Google writes a contact's repeated values in numbered column groups (`Phone 3 - Value`) as many
//! as the exported data needs, and joins several values that share a label inside one cell with
//! ` ::: `. The groups are therefore discovered from the header by their `<Group> <N> - <Field>`
//! pattern, never from a fixed list, and every cell is split on ` ::: `. A label starting with `* `
//! marks the group holding the primary value. Relations are related people (the label the
//! relation), IM groups IM addresses (with their service), an event labelled Anniversary the
//! anniversary. Columns rolo has no field for (other events, custom fields, phonetic names, the
//! old format's Occupation or Mileage…) become notes (`Event (Graduation): …`) so nothing the file
//! holds is dropped.
//!
//! The file's own words (separator, marks, numbered columns, system groups) are in
//! `vocab::google_csv`, shared with the Google CSV sink, which writes what this reader reads back;
//! the label vocabulary (`normalize::labels::label_words`) is shared with the Outlook reader too.

use super::input::FileEntry;
use super::table::{decode, header_key, Row, Table};
use super::{FileOut, Format, Sniff, Source};
use crate::error::ErrorKind;
use crate::model::{smallvec, Address, Contact, Kind, Organization, Platform, Text};
use crate::vocab::google_csv::{group_name, numbered, parse_label, split_multi, MARK};

pub struct Google;

static FORMATS: &[Format] = &[
    Format {
        id: "google-csv",
        files: "contacts.csv (Google Contacts export, current header)",
        kinds: &[Kind::Contact],
    },
    Format {
        id: "google-csv-legacy",
        files: "google.csv (Google Contacts \"Google CSV\" export, old header, UTF-8 or UTF-16)",
        kinds: &[Kind::Contact],
    },
    Format {
        id: "google-atom",
        files: "GData / Atom XML contacts feed (Contacts API v3 backups)",
        kinds: &[Kind::Contact],
    },
];

use super::table::has;

fn has_numbered(h: &[String], fields: &[&str]) -> bool {
    h.iter()
        .filter_map(|k| numbered(k))
        .any(|(_, _, f)| fields.contains(&f))
}

/// Header tests. Outlook and Thunderbird CSVs also start with `First Name`, but neither has
/// numbered `<Group> <N> - <Field>` columns nor Google's `Labels`/`File As`/`Group Membership`.
fn matches(id: &str, h: &[String]) -> bool {
    match id {
        "google-csv" => {
            (has(h, "first name") || has(h, "last name"))
                && (has_numbered(h, &["label", "value"])
                    || (has(h, "labels") && (has(h, "file as") || has(h, "organization name"))))
        }
        "google-csv-legacy" => {
            (has(h, "name") || has(h, "given name") || has(h, "family name"))
                && (has(h, "group membership") || has_numbered(h, &["type", "value"]))
        }
        _ => false,
    }
}

impl Source for Google {
    fn platform(&self) -> Platform {
        Platform::Google
    }

    fn formats(&self) -> &'static [Format] {
        FORMATS
    }

    fn detect(&self, sniff: &Sniff<'_>) -> Option<&'static Format> {
        if super::google_atom::detect(sniff) {
            return super::format_by_id(FORMATS, "google-atom");
        }
        FORMATS
            .iter()
            .find(|f| Table::find(sniff.head, |h| matches(f.id, h)).is_some())
    }

    fn read(&self, file: &FileEntry, format: &Format, out: &mut FileOut) -> Result<(), ErrorKind> {
        if format.id == "google-atom" {
            return super::google_atom::read(file, out);
        }
        let decoded = decode(&file.data);
        if let Some(enc) = decoded.fallback {
            out.warnings.push(crate::report::Issue::new(
                file.location(),
                format!("not UTF-8: read as {enc}"),
            ));
        }
        let table = super::table::open(&decoded, format.id, out, |h| matches(format.id, h))?;
        let layout = Layout::of(&table);
        for row in table.rows() {
            match row {
                Ok(r) => {
                    let c = layout.record(&r, out);
                    if is_empty(&c) {
                        out.reject(r.line, "empty contact: no name or value");
                    } else {
                        out.push(c);
                    }
                }
                Err((line, e)) => out.reject(line, e.to_string()),
            }
        }
        Ok(())
    }
}

/// True when a record holds nothing at all (groups alone say nothing about anyone).
pub fn is_empty(c: &Contact) -> bool {
    c.name.is_empty()
        && c.name.prefix.is_empty()
        && c.name.suffix.is_empty()
        && c.emails.is_empty()
        && c.phones.is_empty()
        && c.organizations.is_empty()
        && c.profiles.is_empty()
        && c.urls.is_empty()
        && c.addresses.is_empty()
        && c.birthday.is_none()
        && c.anniversary.is_none()
        && c.ims.is_empty()
        && c.related.is_empty()
        && c.notes.is_empty()
        && c.photos.is_empty()
        && c.aliases.is_empty()
}

/// What a single (unnumbered) column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Single {
    Full,
    Given,
    Middle,
    Family,
    Prefix,
    Suffix,
    Nickname,
    FileAs,
    Maiden,
    OrgName,
    OrgTitle,
    OrgDepartment,
    Birthday,
    Notes,
    Photo,
    Groups,
    /// Anything else: kept as a note `Header: value`.
    Other,
}

fn single(key: &str) -> Single {
    match key {
        "name" => Single::Full,
        "first name" | "given name" => Single::Given,
        "middle name" | "additional name" => Single::Middle,
        "last name" | "family name" => Single::Family,
        "name prefix" => Single::Prefix,
        "name suffix" => Single::Suffix,
        "nickname" => Single::Nickname,
        "file as" => Single::FileAs,
        "maiden name" => Single::Maiden,
        "organization name" => Single::OrgName,
        "organization title" => Single::OrgTitle,
        "organization department" => Single::OrgDepartment,
        "birthday" => Single::Birthday,
        "notes" => Single::Notes,
        "photo" => Single::Photo,
        "labels" | "group membership" => Single::Groups,
        _ => Single::Other,
    }
}

/// One numbered column group (`Address 2 - …`), its fields by lower-cased name.
struct Group {
    /// As the header spells it (`Custom Field`), for notes.
    name: String,
    key: String,
    fields: Vec<(String, usize)>,
}

impl Group {
    fn col(&self, names: &[&str]) -> Option<usize> {
        self.fields
            .iter()
            .find(|(f, _)| names.contains(&f.as_str()))
            .map(|(_, c)| *c)
    }
}

/// The columns of one file, classified once.
struct Layout {
    headers: Vec<String>,
    singles: Vec<(Single, usize)>,
    groups: Vec<Group>,
}

impl Layout {
    fn of(table: &Table<'_>) -> Layout {
        let mut singles = Vec::new();
        let mut groups: Vec<Group> = Vec::new();
        for (i, h) in table.headers.iter().enumerate() {
            let key = header_key(h);
            match numbered(&key) {
                Some((g, n, field)) => {
                    let (gkey, field) = (format!("{g} {n}"), field.to_string());
                    let name = numbered(h.trim()).map(|(g, _, _)| g).unwrap_or(g);
                    match groups.iter_mut().find(|x| x.key == gkey) {
                        Some(x) => x.fields.push((field, i)),
                        None => groups.push(Group {
                            name: name.to_string(),
                            key: gkey,
                            fields: vec![(field, i)],
                        }),
                    }
                }
                None => singles.push((single(&key), i)),
            }
        }
        Layout {
            headers: table.headers.clone(),
            singles,
            groups,
        }
    }

    fn header(&self, col: usize) -> &str {
        self.headers.get(col).map(|h| h.trim()).unwrap_or("")
    }

    fn record(&self, row: &Row, out: &FileOut) -> Contact {
        let mut c = out.start(row.line, Kind::Contact);
        let mut file_as = "";
        let (mut org_names, mut org_titles, mut org_depts) = ("", "", "");
        for &(what, col) in &self.singles {
            let v = row.get(Some(col));
            if v.is_empty() {
                continue;
            }
            match what {
                Single::Full => c.name.full = v.to_string(),
                Single::Given => c.name.given = v.to_string(),
                Single::Middle => c.name.middle = v.to_string(),
                Single::Family => c.name.family = v.to_string(),
                Single::Prefix => c.name.prefix = v.to_string(),
                Single::Suffix => c.name.suffix = v.to_string(),
                Single::Nickname => c.name.nickname = v.to_string(),
                Single::FileAs => file_as = v,
                Single::Maiden => c.aliases.push(Text {
                    value: v.to_string(),
                    sources: smallvec![0],
                }),
                Single::OrgName => org_names = v,
                Single::OrgTitle => org_titles = v,
                Single::OrgDepartment => org_depts = v,
                Single::Birthday => {
                    c.birthday = Some(Text {
                        value: v.to_string(),
                        sources: smallvec![0],
                    })
                }
                Single::Notes => c.add_note(v),
                Single::Photo => {
                    for p in split_multi(v).into_iter().filter(|p| !p.is_empty()) {
                        c.photos.push(Text {
                            value: p.to_string(),
                            sources: smallvec![0],
                        });
                    }
                }
                Single::Groups => {
                    for g in split_multi(v) {
                        if let Some(g) = group_name(g) {
                            c.add_group(g);
                        }
                    }
                }
                Single::Other => c.add_note(&format!("{}: {v}", self.header(col))),
            }
        }
        add_orgs(&mut c, &[org_names, org_titles, org_depts]);
        // "File As" is Google's sort name ("Doe, Jane", or the company's name for a company): a
        // name only when the row has neither a name nor an organization it could come from.
        if c.name.is_empty() && c.organizations.is_empty() && !file_as.is_empty() {
            c.name.full = file_as.to_string();
        }
        for g in &self.groups {
            self.group(g, row, &mut c);
        }
        c
    }

    /// One numbered group of one row: every ` ::: ` value with the group's labels.
    fn group(&self, g: &Group, row: &Row, c: &mut Contact) {
        let label_col = g.col(&["label", "type"]);
        let (primary, labels) = parse_label(row.get(label_col));
        let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
        let with_pref = |i: usize| -> Vec<&str> {
            let mut l = labels.clone();
            if primary && i == 0 {
                l.push("pref");
            }
            l
        };
        let values = |names: &[&str]| split_multi(row.get(g.col(names)));
        let base = g.key.rsplit_once(' ').map(|(b, _)| b).unwrap_or(&g.key);
        let mut used: Vec<usize> = label_col.into_iter().collect();
        match base {
            "e-mail" | "email" => {
                used.extend(g.col(&["value"]));
                for (i, v) in values(&["value"]).into_iter().enumerate() {
                    c.add_email(v, &with_pref(i));
                }
            }
            "phone" => {
                used.extend(g.col(&["value"]));
                for (i, v) in values(&["value"]).into_iter().enumerate() {
                    c.add_phone(v, &with_pref(i));
                }
            }
            "website" => {
                used.extend(g.col(&["value"]));
                for (i, v) in values(&["value"]).into_iter().enumerate() {
                    c.add_url(v, &with_pref(i));
                }
            }
            "address" => {
                const PARTS: [&str; 8] = [
                    "formatted",
                    "street",
                    "po box",
                    "extended address",
                    "city",
                    "region",
                    "postal code",
                    "country",
                ];
                let cols: Vec<Vec<&str>> = PARTS.iter().map(|p| values(&[p])).collect();
                used.extend(PARTS.iter().filter_map(|p| g.col(&[p])));
                let n = cols.iter().map(Vec::len).max().unwrap_or(0);
                for i in 0..n {
                    let part = |k: usize| cols.get(k).and_then(|v| v.get(i)).copied();
                    let part = |k: usize| part(k).unwrap_or("").to_string();
                    // PO box and extended address have no field of their own: kept with the street.
                    let street: Vec<String> = [part(1), part(3), part(2)]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect();
                    let a = Address {
                        raw: part(0),
                        street: street.join(", "),
                        locality: part(4),
                        region: part(5),
                        postal_code: part(6),
                        country: part(7),
                        labels: with_pref(i).iter().map(|s| s.to_string()).collect(),
                        sources: smallvec![0],
                    };
                    let empty = [&a.raw, &a.street, &a.locality, &a.region]
                        .iter()
                        .chain([&a.postal_code, &a.country].iter())
                        .all(|s| s.is_empty());
                    if !empty {
                        c.addresses.push(a);
                    }
                }
            }
            // A relation's label is the relation ("Spouse", "Referred By", a custom one).
            "relation" => {
                used.extend(g.col(&["value"]));
                let label = raw_label(row.get(label_col)).to_lowercase();
                let l: Vec<&str> = [label.as_str()]
                    .into_iter()
                    .filter(|l| !l.is_empty())
                    .collect();
                for (i, v) in values(&["value"]).into_iter().enumerate() {
                    let mut l = l.clone();
                    if primary && i == 0 {
                        l.push("pref");
                    }
                    c.add_related(v, &l);
                }
            }
            "im" => {
                let service_col = g.col(&["service"]);
                used.extend(g.col(&["value"]));
                used.extend(service_col);
                let services = split_multi(row.get(service_col));
                for (i, v) in values(&["value"]).into_iter().enumerate() {
                    let service = services.get(i).or(services.first()).copied();
                    c.add_im(v, service.unwrap_or_default(), &with_pref(i));
                }
            }
            // An event labelled Anniversary is the anniversary; any other stays a note below.
            "event" if raw_label(row.get(label_col)).eq_ignore_ascii_case("anniversary") => {
                used.extend(g.col(&["value"]));
                for v in values(&["value"]) {
                    c.add_anniversary(v);
                }
            }
            "organization" => {
                let cols = [&["name"][..], &["title"], &["department"]];
                used.extend(cols.iter().filter_map(|n| g.col(n)));
                let cells: Vec<&str> = cols.iter().map(|n| row.get(g.col(n))).collect();
                add_orgs(c, &cells);
            }
            _ => {
                // Relations, events, custom fields, IM…: notes, the label and any other field
                // (an IM's service) in parentheses.
                if let Some(vcol) = g.col(&["value"]) {
                    used.push(vcol);
                    let mut extra: Vec<String> = Vec::new();
                    let raw_label = raw_label(row.get(label_col));
                    if !raw_label.is_empty() {
                        extra.push(raw_label.to_string());
                    }
                    let others: Vec<usize> = g
                        .fields
                        .iter()
                        .map(|(_, col)| *col)
                        .filter(|col| !used.contains(col))
                        .collect();
                    for col in others {
                        let v = row.get(Some(col));
                        if !v.is_empty() {
                            extra.push(v.to_string());
                        }
                        used.push(col);
                    }
                    for v in values(&["value"]) {
                        if extra.is_empty() {
                            c.add_note(&format!("{}: {v}", g.name));
                        } else {
                            c.add_note(&format!("{} ({}): {v}", g.name, extra.join(", ")));
                        }
                    }
                }
            }
        }
        // Fields of a known group rolo has no place for (an organization's symbol or location).
        for (_, col) in g.fields.iter().filter(|(_, col)| !used.contains(col)) {
            let v = row.get(Some(*col));
            if !v.is_empty() {
                c.add_note(&format!("{}: {v}", self.header(*col)));
            }
        }
    }
}

/// A label cell as written, without the primary mark.
fn raw_label(cell: &str) -> &str {
    cell.strip_prefix(MARK).unwrap_or(cell).trim()
}

/// Organizations from name, title and department cells, zipped on ` ::: `.
fn add_orgs(c: &mut Contact, cells: &[&str]) {
    let parts: Vec<Vec<&str>> = cells.iter().map(|v| split_multi(v)).collect();
    let n = parts.iter().map(Vec::len).max().unwrap_or(0);
    for i in 0..n {
        let get = |k: usize| parts.get(k).and_then(|p| p.get(i)).copied().unwrap_or("");
        let o = Organization {
            name: get(0).to_string(),
            title: get(1).to_string(),
            department: get(2).to_string(),
            sources: smallvec![0],
        };
        if !(o.name.is_empty() && o.title.is_empty() && o.department.is_empty()) {
            c.organizations.push(o);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::labels::*;

    #[test]
    fn labels_split_into_known_words_or_stay_whole() {
        assert_eq!(label_words("Work Fax"), ["work", "fax"]);
        assert_eq!(label_words("Business Fax"), ["work", "fax"]);
        assert_eq!(label_words("Mobile Phone"), ["mobile"]);
        assert_eq!(label_words("Home Phone 2"), ["home"]);
        assert_eq!(label_words("TTY/TDD Phone"), ["other"]);
        assert_eq!(label_words("Grandma's"), ["grandma's"]);
        assert_eq!(label_words("Home Page"), ["home page"]);
        assert_eq!(label_words("Work, School"), ["work", "school"]);
        assert_eq!(parse_label("* Work"), (true, vec!["work".to_string()]));
        assert_eq!(parse_label(""), (false, vec![]));
    }

    #[test]
    fn label_words_are_their_own_labels() {
        for w in ["work", "home", "mobile", "fax", "pager", "other", "main"] {
            assert!(is_label_word(w), "{w}");
        }
        assert!(!is_label_word("grandma's"));
        assert!(!is_label_word("home page"));
        assert!(!is_label_word("business"));
    }

    #[test]
    fn every_column_the_csv_sink_writes_is_one_this_reader_knows() {
        use crate::vocab::google_csv::SINGLES;
        for column in SINGLES {
            let known = single(&header_key(column)) != Single::Other;
            // Phonetic names have no field in the model: a note, as for any other column.
            assert!(known || column.starts_with("Phonetic"), "{column}");
        }
    }
}
