//! Outlook contact CSVs: outlook.com's export (61 columns, `First Name,…,Business Country/Region,…`)
//! and desktop Outlook's (every field quoted, `"Title","First Name",…`, `Business Country` in older
//! versions, written in the Windows code page). Thunderbird's CSV address book, a sibling of these
//! fixed-column files, is read here too.
//!
//! Every column is classified by its name once per file: e-mail and phone columns carry their
//! label in the name ("Business Fax" → work + fax, "Primary Phone" → pref), addresses come in
//! Business / Home / Other column families, Spouse, Manager's Name, Assistant's Name and Children
//! are related people, Anniversary the anniversary, IMAddress (Thunderbird's Screen Name: AIM) an
//! IM address, and every column rolo has no field for (Office Location, Hobby, User 1…) becomes a
//! `Header: value` note. Outlook's defaults that say nothing (`Gender` "Unspecified", `Priority`
//! "Normal", a `0/0/00` date) are skipped. A file
//! that is not UTF-8 is read as Windows-1252 and the file gets a warning saying so.
//!
//! Desktop Outlook writes its column names in the language it is installed in (`Vorname`,
//! `E-Mail-Adresse`, `Tél. mobile`). `outlook-headers.tsv` maps each localized name to the English
//! one, so every language reads through the same classification; a localized header is also a
//! hint that the file's slashed dates are day first. Thunderbird localizes its header too:
//! `thunderbird-headers.tsv` does the same for it.

use super::input::FileEntry;
use super::table::{decode, header_key, Row, Table};
use super::{FileOut, Format, Sniff, Source};
use crate::error::ErrorKind;
use crate::model::{smallvec, Address, Contact, Kind, Organization, Platform, Text};
use crate::normalize::labels::label_words;
use std::collections::HashMap;
use std::sync::OnceLock;

pub struct Outlook;

static FORMATS: &[Format] = &[
    Format {
        id: "outlook-csv",
        files:
            "contacts.csv from outlook.com (61 columns) or desktop Outlook (quoted, Windows-1252; English, German, French, Spanish, Dutch, Norwegian or Polish headers)",
        kinds: &[Kind::Contact],
    },
    Format {
        id: "thunderbird-csv",
        files: "Thunderbird address book exported as CSV (English, German, French, Spanish, Dutch, \
                Polish, Italian, Brazilian Portuguese, Swedish, Czech, Russian or Japanese column \
                names)",
        kinds: &[Kind::Contact],
    },
    Format {
        id: "windows-contact",
        files: "*.contact (Windows Contacts XML, one person per file)",
        kinds: &[Kind::Contact],
    },
];

use super::table::{has, has_any};

/// Localized Outlook column names (lower-cased) to the English ones, from `outlook-headers.tsv`.
fn localized() -> &'static HashMap<String, String> {
    static TABLE: OnceLock<HashMap<String, String>> = OnceLock::new();
    TABLE.get_or_init(|| {
        include_str!("outlook-headers.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut cols = l.split('\t');
                let (_lang, from, to) = (cols.next()?, cols.next()?, cols.next()?);
                Some((header_key(from), header_key(to)))
            })
            .collect()
    })
}

/// A header key in English: a localized Outlook name is translated, any other kept. French names
/// the honorific and the job title both "Titre": `seen_title` says whether the first went by.
fn english(key: &str, seen_title: &mut bool) -> String {
    match localized().get(key) {
        Some(en) if en == "title" && *seen_title => "job title".into(),
        Some(en) => {
            *seen_title |= en == "title";
            en.clone()
        }
        None => key.to_string(),
    }
}

/// The header row in English keys, and whether any name was localized.
fn english_headers(h: &[String]) -> (Vec<String>, bool) {
    let mut seen_title = false;
    let keys: Vec<String> = h.iter().map(|k| english(k, &mut seen_title)).collect();
    let localized = keys.iter().zip(h).any(|(en, k)| en != k);
    (keys, localized)
}

/// One language of `thunderbird-headers.tsv`: its name and its (localized, English) header keys
/// in the order Thunderbird writes its columns.
type Language = (String, Vec<(String, String)>);

/// Thunderbird's localized column names, from `thunderbird-headers.tsv` (lower-cased keys).
fn thunderbird_languages() -> &'static Vec<Language> {
    static TABLE: OnceLock<Vec<Language>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut langs: Vec<Language> = Vec::new();
        for l in include_str!("thunderbird-headers.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
        {
            let mut cols = l.split('\t');
            let (Some(lang), Some(from), Some(to)) = (cols.next(), cols.next(), cols.next()) else {
                continue;
            };
            let pair = (header_key(from), header_key(to));
            match langs.iter_mut().find(|(name, _)| name == lang) {
                Some((_, pairs)) => pairs.push(pair),
                None => langs.push((lang.to_string(), vec![pair])),
            }
        }
        langs
    })
}

/// A Thunderbird header row in English keys, and whether any name was localized. The language is
/// the one that knows most of the row's names; a name it lists twice (French "Ville", home then
/// work) takes its English names in turn, as Thunderbird writes the columns in that order.
fn thunderbird_english(h: &[String]) -> (Vec<String>, bool) {
    let known = |pairs: &[(String, String)]| {
        h.iter()
            .filter(|k| pairs.iter().any(|(from, _)| from == *k))
            .count()
    };
    let best = thunderbird_languages()
        .iter()
        .map(|(_, pairs)| (known(pairs), pairs))
        .filter(|(n, _)| *n > 0)
        .max_by_key(|(n, _)| *n);
    let Some((_, pairs)) = best else {
        return (h.to_vec(), false);
    };
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let keys: Vec<String> = h
        .iter()
        .map(|k| {
            let turn = seen.entry(k.as_str()).or_insert(0);
            let mut matching = pairs.iter().filter(|(from, _)| from == k);
            let english = matching
                .clone()
                .nth(*turn)
                .or_else(|| matching.next())
                .map(|(_, to)| to.clone());
            *turn += 1;
            english.unwrap_or_else(|| k.clone())
        })
        .collect();
    let localized = keys.iter().zip(h).any(|(en, k)| en != k);
    (keys, localized)
}

/// Header tests. Google's header has numbered `E-mail 1 - Value` columns instead of `E-mail
/// Address`; LinkedIn's files have neither; Thunderbird says `Primary Email`.
fn matches(id: &str, h: &[String]) -> bool {
    match id {
        "outlook-csv" => {
            let (h, _) = english_headers(h);
            let h = h.as_slice();
            has(h, "first name")
                && has(h, "last name")
                && has_any(h, &["e-mail address", "e-mail 2 address"])
                && has_any(h, &["mobile phone", "business phone", "home phone"])
        }
        "thunderbird-csv" => {
            let (h, _) = thunderbird_english(h);
            let h = h.as_slice();
            has(h, "first name")
                && has(h, "last name")
                && has(h, "display name")
                && has(h, "primary email")
        }
        _ => false,
    }
}

impl Source for Outlook {
    fn platform(&self) -> Platform {
        Platform::Outlook
    }

    fn formats(&self) -> &'static [Format] {
        FORMATS
    }

    fn detect(&self, sniff: &Sniff<'_>) -> Option<&'static Format> {
        if super::windows_contact::detect(sniff) {
            return super::format_by_id(FORMATS, "windows-contact");
        }
        FORMATS
            .iter()
            .find(|f| Table::find(sniff.head, |h| matches(f.id, h)).is_some())
    }

    fn read(&self, file: &FileEntry, format: &Format, out: &mut FileOut) -> Result<(), ErrorKind> {
        if format.id == "windows-contact" {
            return super::windows_contact::read(file, out);
        }
        let decoded = decode(&file.data);
        if let Some(enc) = decoded.fallback {
            out.warnings.push(crate::report::Issue::new(
                file.location(),
                format!("not UTF-8: read as {enc}"),
            ));
        }
        let table = super::table::find(&decoded, format.id, |h| matches(format.id, h))?;
        let thunderbird = format.id == "thunderbird-csv";
        let raw_keys: Vec<String> = table.headers.iter().map(|h| header_key(h)).collect();
        let (keys, localized) = if thunderbird {
            thunderbird_english(&raw_keys)
        } else {
            english_headers(&raw_keys)
        };
        // Outlook's own English headers are day-first hints only through their separator; a
        // translated header row comes from an installation in a day-first language.
        out.day_first_hint |= localized || table.delimiter == b';';
        for name in super::table::duplicates(&keys) {
            out.warn(
                table.header_line,
                format!("column {name:?} appears twice; the first is used"),
            );
        }
        let cols: Vec<(Col, usize)> = keys
            .iter()
            .enumerate()
            .map(|(i, key)| {
                let col = if thunderbird {
                    thunderbird_col(key)
                } else {
                    outlook_col(key)
                };
                (col, i)
            })
            .collect();
        for row in table.rows() {
            match row {
                Ok(r) => {
                    let c = record(&table, &keys, &cols, &r, out);
                    if super::google::is_empty(&c) {
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

/// The part of an address a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Raw,
    Street,
    PoBox,
    City,
    Region,
    PostalCode,
    Country,
}

/// What a column holds.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Col {
    Given,
    Middle,
    Family,
    Full,
    Prefix,
    Suffix,
    Nickname,
    Email,
    Phone(Vec<String>),
    Company,
    JobTitle,
    Department,
    Birthday,
    BirthYear,
    BirthMonth,
    BirthDay,
    Notes,
    Categories,
    Url(&'static str),
    /// An IM address, with the service the column names (empty when none).
    Im(&'static str),
    /// A related person's name, with the relation.
    Related(&'static str),
    Anniversary,
    Address(&'static str, Part),
    /// Derived from other columns (Initials, an e-mail's display name or SMTP type): nothing to keep.
    Derived,
    /// Any other column: a `Header: value` note.
    Other,
}

fn address_label(prefix: &str) -> Option<&'static str> {
    match prefix {
        "business" | "work" => Some("work"),
        "home" => Some("home"),
        "other" => Some("other"),
        _ => None,
    }
}

fn outlook_col(key: &str) -> Col {
    match key {
        "first name" => return Col::Given,
        "middle name" => return Col::Middle,
        "last name" => return Col::Family,
        // Outlook's Title is the honorific (Mr., Dr.); the job title is "Job Title".
        "title" => return Col::Prefix,
        "suffix" => return Col::Suffix,
        "nickname" => return Col::Nickname,
        "company" => return Col::Company,
        "job title" => return Col::JobTitle,
        "department" => return Col::Department,
        "birthday" => return Col::Birthday,
        "notes" => return Col::Notes,
        "categories" => return Col::Categories,
        "web page" => return Col::Url(""),
        "personal web page" => return Col::Url("home"),
        "business web page" => return Col::Url("work"),
        "imaddress" | "im address" => return Col::Im(""),
        "spouse" => return Col::Related("spouse"),
        "manager's name" => return Col::Related("manager"),
        "assistant's name" => return Col::Related("assistant"),
        "children" => return Col::Related("child"),
        "anniversary" => return Col::Anniversary,
        "initials" => return Col::Derived,
        _ => {}
    }
    if let Some(rest) = key.strip_prefix("e-mail") {
        let rest = rest.trim_start_matches(|c: char| c == ' ' || c.is_ascii_digit());
        return match rest {
            "address" => Col::Email,
            "type" | "display name" => Col::Derived,
            _ => Col::Other,
        };
    }
    if let Some((prefix, rest)) = key.split_once(' ') {
        if let Some(label) = address_label(prefix) {
            let part = match rest {
                "street" | "street 2" | "street 3" => Some(Part::Street),
                "city" => Some(Part::City),
                "state" => Some(Part::Region),
                "postal code" => Some(Part::PostalCode),
                "country/region" | "country" => Some(Part::Country),
                "address po box" | "po box" => Some(Part::PoBox),
                "address" => Some(Part::Raw),
                _ => None,
            };
            if let Some(part) = part {
                return Col::Address(label, part);
            }
        }
    }
    let is_phone = key.ends_with(" phone")
        || key.contains(" phone ")
        || key.ends_with(" fax")
        || matches!(key, "pager" | "callback" | "telex" | "isdn");
    if is_phone {
        return Col::Phone(label_words(key));
    }
    Col::Other
}

fn thunderbird_col(key: &str) -> Col {
    match key {
        "first name" => Col::Given,
        "last name" => Col::Family,
        "display name" => Col::Full,
        "nickname" => Col::Nickname,
        "primary email" | "secondary email" => Col::Email,
        "work phone" => Col::Phone(vec!["work".into()]),
        "home phone" => Col::Phone(vec!["home".into()]),
        "fax number" => Col::Phone(vec!["fax".into()]),
        "pager number" => Col::Phone(vec!["pager".into()]),
        "mobile number" => Col::Phone(vec!["mobile".into()]),
        "home address" | "home address 2" => Col::Address("home", Part::Street),
        "work address" | "work address 2" => Col::Address("work", Part::Street),
        "home city" => Col::Address("home", Part::City),
        "work city" => Col::Address("work", Part::City),
        "home state" => Col::Address("home", Part::Region),
        "work state" => Col::Address("work", Part::Region),
        "home zipcode" => Col::Address("home", Part::PostalCode),
        "work zipcode" => Col::Address("work", Part::PostalCode),
        "home country" => Col::Address("home", Part::Country),
        "work country" => Col::Address("work", Part::Country),
        "job title" => Col::JobTitle,
        "department" => Col::Department,
        "organization" => Col::Company,
        // Thunderbird's first web page is the work one, the second the home one.
        "web page 1" => Col::Url("work"),
        "web page 2" => Col::Url("home"),
        "birth year" => Col::BirthYear,
        "birth month" => Col::BirthMonth,
        "birth day" => Col::BirthDay,
        "notes" => Col::Notes,
        // Thunderbird's "Screen Name" is the AIM screen name (its `_AimScreenName` field).
        "screen name" => Col::Im("aim"),
        _ => Col::Other,
    }
}

/// Values Outlook writes for "not set", which say nothing about the person (in English and in
/// the languages of `outlook-headers.tsv`). `key` is the English header.
fn is_default(key: &str, v: &str) -> bool {
    let v = v.to_lowercase();
    match key {
        "gender" => matches!(
            v.as_str(),
            "unspecified"
                | "nicht angegeben"
                | "non spécifié"
                | "sin especificar"
                | "niet opgegeven"
                | "ikke angitt"
                | "nieokreślona"
        ),
        "priority" | "sensitivity" => matches!(v.as_str(), "normal" | "normale" | "normaal"),
        "private" => matches!(v.as_str(), "false" | "aus" | "falsch" | "faux" | "falso"),
        _ => is_placeholder_date(&v),
    }
}

/// Outlook's empty date, `0/0/00` (also seen as `1/0/00`, `0/0/0000`, and `0.0.00` / `0-0-00`
/// from German and Dutch installations): a month or day of zero.
pub fn is_placeholder_date(v: &str) -> bool {
    let v = v.trim();
    let sep = if v.contains('.') {
        '.'
    } else if v.contains('-') {
        '-'
    } else {
        '/'
    };
    let parts: Vec<&str> = v.split(sep).collect();
    parts.len() == 3
        && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit()))
        && parts
            .iter()
            .take(2)
            .any(|p| p.parse::<u32>().ok() == Some(0))
}

/// Address parts gathered over one row, per label.
#[derive(Default)]
struct AddressParts {
    raw: String,
    street: Vec<String>,
    city: String,
    region: String,
    postal: String,
    country: String,
}

fn record(
    table: &Table<'_>,
    keys: &[String],
    cols: &[(Col, usize)],
    row: &Row,
    out: &FileOut,
) -> Contact {
    let mut c = out.start(row.line, Kind::Contact);
    let (mut company, mut job, mut dept) = ("", "", "");
    let (mut year, mut month, mut day) = ("", "", "");
    let mut addresses: Vec<(&'static str, AddressParts)> = Vec::new();
    for (col, i) in cols {
        let v = row.get(Some(*i));
        if v.is_empty() {
            continue;
        }
        let header = table.headers.get(*i).map(|h| h.trim()).unwrap_or("");
        match col {
            Col::Given => c.name.given = v.to_string(),
            Col::Middle => c.name.middle = v.to_string(),
            Col::Family => c.name.family = v.to_string(),
            Col::Full => c.name.full = v.to_string(),
            Col::Prefix => c.name.prefix = v.to_string(),
            Col::Suffix => c.name.suffix = v.to_string(),
            Col::Nickname => c.name.nickname = v.to_string(),
            Col::Email => add_email(&mut c, v),
            Col::Phone(labels) => add_phone(&mut c, v, labels),
            Col::Company => company = v,
            Col::JobTitle => job = v,
            Col::Department => dept = v,
            Col::Birthday if is_placeholder_date(v) => {}
            Col::Birthday => {
                c.birthday = Some(Text {
                    value: v.to_string(),
                    sources: smallvec![0],
                })
            }
            Col::BirthYear => year = v,
            Col::BirthMonth => month = v,
            Col::BirthDay => day = v,
            Col::Notes => c.add_note(v),
            Col::Categories => {
                for g in v.split(';').map(str::trim) {
                    c.add_group(g);
                }
            }
            Col::Url(label) => {
                let labels: Vec<&str> = [*label].into_iter().filter(|l| !l.is_empty()).collect();
                c.add_url(v, &labels);
            }
            Col::Im(service) => c.add_im(v, service, &[]),
            Col::Related(relation) => c.add_related(v, &[relation]),
            Col::Anniversary if is_placeholder_date(v) => {}
            Col::Anniversary => c.add_anniversary(v),
            Col::Address(label, part) => {
                let i = match addresses.iter().position(|(l, _)| l == label) {
                    Some(i) => i,
                    None => {
                        addresses.push((label, AddressParts::default()));
                        addresses.len() - 1
                    }
                };
                if let Some((_, a)) = addresses.get_mut(i) {
                    match part {
                        Part::Raw => a.raw = v.to_string(),
                        Part::Street | Part::PoBox => a.street.push(v.to_string()),
                        Part::City => a.city = v.to_string(),
                        Part::Region => a.region = v.to_string(),
                        Part::PostalCode => a.postal = v.to_string(),
                        Part::Country => a.country = v.to_string(),
                    }
                }
            }
            Col::Derived => {}
            Col::Other if is_default(keys.get(*i).map_or("", String::as_str), v) => {}
            Col::Other => c.add_note(&format!("{header}: {v}")),
        }
    }
    if !(company.is_empty() && job.is_empty() && dept.is_empty()) {
        c.organizations.push(Organization {
            name: company.to_string(),
            title: job.to_string(),
            department: dept.to_string(),
            sources: smallvec![0],
        });
    }
    if let Some(b) = thunderbird_birthday(year, month, day) {
        c.birthday = Some(Text {
            value: b,
            sources: smallvec![0],
        });
    }
    for (label, a) in addresses {
        c.addresses.push(Address {
            street: a.street.join(", "),
            locality: a.city,
            region: a.region,
            postal_code: a.postal,
            country: a.country,
            raw: a.raw,
            labels: vec![label.to_string()],
            sources: smallvec![0],
        });
    }
    c
}

/// Thunderbird splits the birthday in three columns; a missing year gives `--MM-DD`.
fn thunderbird_birthday(year: &str, month: &str, day: &str) -> Option<String> {
    let m: u32 = month.parse().ok()?;
    let d: u32 = day.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some(match year.parse::<u32>() {
        Ok(y) if y > 0 => format!("{y:04}-{m:02}-{d:02}"),
        _ => format!("--{m:02}-{d:02}"),
    })
}

fn add_email(c: &mut Contact, v: &str) {
    if !c.emails.iter().any(|e| e.value.eq_ignore_ascii_case(v)) {
        c.add_email(v, &[]);
    }
}

/// Outlook repeats a number under "Primary Phone": one phone with both columns' labels.
fn add_phone(c: &mut Contact, v: &str, labels: &[String]) {
    let digits = |s: &str| -> String { s.chars().filter(char::is_ascii_digit).collect() };
    let key = digits(v);
    if let Some(p) = c
        .phones
        .iter_mut()
        .find(|p| !key.is_empty() && digits(&p.raw) == key)
    {
        for l in labels {
            if !p.labels.contains(l) {
                p.labels.push(l.clone());
            }
        }
        return;
    }
    let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
    c.add_phone(v, &labels);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_columns_carry_their_labels() {
        assert_eq!(
            outlook_col("mobile phone"),
            Col::Phone(vec!["mobile".into()])
        );
        assert_eq!(
            outlook_col("business fax"),
            Col::Phone(vec!["work".into(), "fax".into()])
        );
        assert_eq!(
            outlook_col("primary phone"),
            Col::Phone(vec!["main".into()])
        );
        assert_eq!(outlook_col("home phone 2"), Col::Phone(vec!["home".into()]));
        assert_eq!(outlook_col("pager"), Col::Phone(vec!["pager".into()]));
        assert_eq!(
            outlook_col("company main phone"),
            Col::Phone(vec!["work".into(), "main".into()])
        );
    }

    #[test]
    fn title_is_the_honorific_and_addresses_are_families() {
        assert_eq!(outlook_col("title"), Col::Prefix);
        assert_eq!(outlook_col("job title"), Col::JobTitle);
        assert_eq!(
            outlook_col("business country/region"),
            Col::Address("work", Part::Country)
        );
        assert_eq!(
            outlook_col("business country"),
            Col::Address("work", Part::Country)
        );
        assert_eq!(
            outlook_col("home address po box"),
            Col::Address("home", Part::PoBox)
        );
        assert_eq!(outlook_col("e-mail 2 address"), Col::Email);
        assert_eq!(outlook_col("e-mail 2 display name"), Col::Derived);
        assert_eq!(outlook_col("spouse"), Col::Related("spouse"));
        assert_eq!(outlook_col("manager's name"), Col::Related("manager"));
        assert_eq!(outlook_col("anniversary"), Col::Anniversary);
        assert_eq!(outlook_col("office location"), Col::Other);
    }

    #[test]
    fn localized_headers_read_as_english() {
        let mut seen = false;
        let en = |k: &str, seen: &mut bool| english(k, seen);
        assert_eq!(en("vorname", &mut seen), "first name");
        assert_eq!(en("e-mail-adresse", &mut seen), "e-mail address");
        assert_eq!(en("mobiltelefon", &mut seen), "mobile phone");
        assert_eq!(en("tél. mobile", &mut seen), "mobile phone");
        assert_eq!(en("apellidos", &mut seen), "last name");
        assert_eq!(en("straße geschäftlich", &mut seen), "business street");
        assert_eq!(en("unknown column", &mut seen), "unknown column");
        // French "Titre" twice: honorific, then job title.
        assert_eq!(en("titre", &mut seen), "title");
        assert_eq!(en("titre", &mut seen), "job title");
        assert_eq!(outlook_col("telefon privat"), Col::Other);
        assert_eq!(
            outlook_col(&en("telefon privat", &mut seen)),
            Col::Phone(vec!["home".into()])
        );
    }

    #[test]
    fn the_localized_table_is_well_formed() {
        let text = include_str!("outlook-headers.tsv");
        let mut seen: HashMap<String, String> = HashMap::new();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 3, "{line:?}");
            assert!(
                ["de", "fr", "es", "nl", "nb", "pl"].contains(&cols[0]),
                "{line:?}"
            );
            let (from, to) = (header_key(cols[1]), header_key(cols[2]));
            // Every target is a name the English classification knows.
            assert!(
                outlook_col(&to) != Col::Other
                    || matches!(
                        to.as_str(),
                        "gender"
                            | "priority"
                            | "private"
                            | "sensitivity"
                            | "user 1"
                            | "user 2"
                            | "user 3"
                            | "user 4"
                    ),
                "{line:?}"
            );
            if let Some(old) = seen.insert(from.clone(), to.clone()) {
                assert_eq!(old, to, "{from:?} maps to two names");
            }
        }
    }

    #[test]
    fn placeholder_dates_are_none() {
        assert!(is_placeholder_date("0/0/00"));
        assert!(is_placeholder_date("1/0/00"));
        assert!(is_placeholder_date("0/0/0000"));
        assert!(is_placeholder_date("0.0.00"));
        assert!(is_placeholder_date("0-0-00"));
        assert!(!is_placeholder_date("6/15/1988"));
        assert!(!is_placeholder_date("1988-06-15"));
    }

    #[test]
    fn thunderbird_birthday_without_year_has_no_year() {
        assert_eq!(
            thunderbird_birthday("", "3", "7").as_deref(),
            Some("--03-07")
        );
        assert_eq!(
            thunderbird_birthday("1990", "12", "1").as_deref(),
            Some("1990-12-01")
        );
        assert_eq!(thunderbird_birthday("", "", ""), None);
    }
}
