//! LinkedIn's "Get a copy of your data" export: every file in it that names people.
//!
//! Files are recognised by their header row (found below any preamble), never by position, and
//! columns are taken by name, so the eras (2018, 2022 preamble, 2023 URL column, 2026 layouts) all
//! read through the same code. The export's owner (Profile.csv and friends) comes out as
//! [`Kind::Owner`] records, which `merge` leaves out unless asked.

use super::input::FileEntry;
use super::table::{decode, Row, Table};
use super::{FileOut, Format, Sniff, Source};
use crate::error::ErrorKind;
use crate::model::{smallvec, Contact, Kind, Platform, Profile};
use crate::normalize::{email, profile};
use std::collections::HashMap;

pub struct LinkedIn;

const SERVICE: &str = "linkedin";

static FORMATS: &[Format] = &[
    Format {
        id: "connections",
        files: "Connections.csv",
        kinds: &[Kind::Connection],
    },
    Format {
        id: "imported-contacts",
        files: "Contacts.csv, Imported Contacts.csv, ImportedContacts.csv",
        kinds: &[Kind::Contact],
    },
    Format {
        id: "invitations",
        files: "Invitations.csv",
        kinds: &[Kind::Invitation],
    },
    Format {
        id: "messages",
        files: "messages.csv, Messages.csv (2018), coach_messages.csv",
        kinds: &[Kind::Message],
    },
    Format {
        id: "endorsements",
        files: "Endorsement_Received_Info.csv, Endorsement_Given_Info.csv (UTF-8 or UTF-16LE TAB)",
        kinds: &[Kind::Endorsement],
    },
    Format {
        id: "recommendations",
        files: "Recommendations_Received.csv, Recommendations_Given.csv",
        kinds: &[Kind::Recommendation],
    },
    Format {
        id: "member-follows",
        files: "Member_Follows.csv",
        kinds: &[Kind::Following, Kind::Unfollowed],
    },
    Format {
        id: "owner-profile",
        files: "Profile.csv",
        kinds: &[Kind::Owner],
    },
    Format {
        id: "owner-emails",
        files: "Email Addresses.csv",
        kinds: &[Kind::Owner],
    },
    Format {
        id: "owner-phones",
        files: "PhoneNumbers.csv, Phone Numbers.csv, Whatsapp Phone Numbers.csv",
        kinds: &[Kind::Owner],
    },
    Format {
        id: "owner-positions",
        files: "Positions.csv",
        kinds: &[Kind::Owner],
    },
];

use super::table::{has, has_any};
use crate::vocab::profile::Service;

/// Header tests, one per format, in [`FORMATS`] order. Each names columns only LinkedIn writes
/// together, so an Outlook or Google CSV is never taken for a LinkedIn file.
fn matches(id: &str, h: &[String]) -> bool {
    match id {
        "connections" => has(h, "first name") && has(h, "last name") && has(h, "connected on"),
        "imported-contacts" => {
            has_any(h, &["firstname", "first name"])
                && has_any(h, &["emails", "email address"])
                && has_any(h, &["phonenumbers", "phone numbers"])
                && has_any(h, &["createdat", "created at"])
        }
        "invitations" => has(h, "from") && has(h, "to") && has(h, "sent at") && has(h, "direction"),
        "messages" => {
            (has(h, "conversation id") && has(h, "from") && has(h, "sender profile url"))
                || (has(h, "from")
                    && has(h, "to")
                    && has(h, "date")
                    && has(h, "direction")
                    && has(h, "folder"))
        }
        "endorsements" => {
            has(h, "endorsement date")
                && has_any(h, &["endorser first name", "endorsee first name"])
        }
        "recommendations" => {
            has(h, "first name") && has(h, "text") && has(h, "creation date") && has(h, "status")
        }
        "member-follows" => has(h, "fullname") && has(h, "status") && has(h, "date"),
        "owner-profile" => {
            has(h, "first name") && has(h, "last name") && has(h, "headline") && has(h, "summary")
        }
        "owner-emails" => has(h, "email address") && has(h, "confirmed") && has(h, "primary"),
        "owner-phones" => {
            has(h, "number")
                && has(h, "extension")
                && (has(h, "type") || has(h, "is_whatsapp_number"))
        }
        "owner-positions" => has(h, "company name") && has(h, "title") && has(h, "started on"),
        _ => false,
    }
}

impl Source for LinkedIn {
    fn platform(&self) -> Platform {
        Platform::Linkedin
    }

    fn formats(&self) -> &'static [Format] {
        FORMATS
    }

    fn detect(&self, sniff: &Sniff<'_>) -> Option<&'static Format> {
        if !(sniff.name.ends_with(".csv") || sniff.name == "-") {
            return None;
        }
        FORMATS
            .iter()
            .find(|f| Table::find(sniff.head, |h| matches(f.id, h)).is_some())
    }

    fn read(&self, file: &FileEntry, format: &Format, out: &mut FileOut) -> Result<(), ErrorKind> {
        let decoded = decode(&file.data);
        let table = super::table::open(&decoded, format.id, out, |h| matches(format.id, h))?;
        // Excel re-saves on Windows write Windows-1252: readable, but say what was guessed.
        if let Some(enc) = decoded.fallback {
            out.warn(table.header_line, format!("not UTF-8: read as {enc}"));
        }
        let mut rows = Vec::new();
        for row in table.rows() {
            match row {
                Ok(r) => {
                    // A row with more or fewer fields than the header may have its values in the
                    // wrong columns: keep it (the person is real) but say so.
                    if r.fields.len() != table.headers.len() {
                        out.warn(
                            r.line,
                            format!(
                                "row has {} fields, the header {}",
                                r.fields.len(),
                                table.headers.len()
                            ),
                        );
                    }
                    rows.push(r);
                }
                Err((line, e)) => out.reject(line, e.to_string()),
            }
        }
        let lowered = file.name().to_lowercase();
        match format.id {
            "connections" => connections(&table, &rows, out),
            "imported-contacts" => imported_contacts(&table, &rows, out),
            "invitations" => invitations(&table, &rows, out),
            "messages" if table.has("conversation id") => messages(&table, &rows, out),
            "messages" => messages_2018(&table, &rows, out),
            "endorsements" => endorsements(&table, &rows, out),
            "recommendations" => recommendations(&table, &rows, out, lowered.contains("given")),
            "member-follows" => member_follows(&table, &rows, out),
            "owner-profile" => owner_profile(&table, &rows, out),
            "owner-emails" => owner_list(&table, &rows, out, "email address", false),
            "owner-phones" => owner_list(&table, &rows, out, "number", true),
            "owner-positions" => owner_positions(&table, &rows, out),
            _ => Ok(()),
        }
    }
}

/// Empty for the `NA` / `N/A` / `#N/A` that Excel users fill empty cells with; names are not
/// passed through here ("Na" is a family name).
fn not_na(v: &str) -> &str {
    if ["NA", "N/A", "#N/A", "n/a"].contains(&v) {
        ""
    } else {
        v
    }
}

/// Columns a format cannot do without.
fn require(table: &Table<'_>, names: &[&str]) -> Result<(), ErrorKind> {
    match names.iter().find(|n| !table.has(n)) {
        Some(missing) => Err(ErrorKind::MissingColumn(missing.to_string())),
        None => Ok(()),
    }
}

fn connections(table: &Table<'_>, rows: &[Row], out: &mut FileOut) -> Result<(), ErrorKind> {
    require(table, &["First Name", "Last Name", "Connected On"])?;
    let first = table.col("First Name");
    let last = table.col("Last Name");
    let url = table.col("URL");
    let mail = table.col("Email Address");
    let company = table.col("Company");
    let position = table.col("Position");
    let date = table.col("Connected On");
    for row in rows {
        let mut c = out.start(row.line, Kind::Connection);
        c.name.given = row.get(first).to_string();
        c.name.family = row.get(last).to_string();
        c.add_email(not_na(row.get(mail)), &[]);
        c.add_organization(not_na(row.get(company)), not_na(row.get(position)));
        c.add_profile(Service::Linkedin, not_na(row.get(url)), "");
        c.add_event("connected", row.get(date), SERVICE);
        if c.is_anonymous() {
            // LinkedIn hides members who limit their visibility: the row is a real connection.
            out.warn(
                row.line,
                "hidden profile: connection without name or link, kept unnamed",
            );
        }
        out.push(c);
    }
    Ok(())
}

fn imported_contacts(table: &Table<'_>, rows: &[Row], out: &mut FileOut) -> Result<(), ErrorKind> {
    let first = table.col_any(&["FirstName", "First Name"]);
    let middle = table.col("MiddleName");
    let last = table.col_any(&["LastName", "Last Name"]);
    let full = table.col_any(&["FullName", "Full Name"]);
    let nick = table.col("NickName");
    let maiden = table.col("MaidenName");
    let prefix = table.col("NamePrefix");
    let suffix = table.col("NameSuffix");
    let companies = table.col("Companies");
    let title = table.col("Title");
    let emails = table.col_any(&["Emails", "Email Address"]);
    let phones = table.col_any(&["PhoneNumbers", "Phone Numbers"]);
    let addresses = table.col("Addresses");
    let sites = table.col("Sites");
    let birthday = table.col("Birthday");
    let location = table.col("Location");
    let profiles = table.col("Profiles");
    let im = table.col_any(&["InstantMessageHandles", "Instant Message Handles"]);
    for row in rows {
        let mut c = out.start(row.line, Kind::Contact);
        c.name.given = row.get(first).to_string();
        c.name.middle = row.get(middle).to_string();
        c.name.family = row.get(last).to_string();
        c.name.full = row.get(full).to_string();
        c.name.nickname = row.get(nick).to_string();
        c.name.prefix = row.get(prefix).to_string();
        c.name.suffix = row.get(suffix).to_string();
        let maiden = row.get(maiden);
        if !maiden.is_empty() {
            c.aliases.push(crate::model::Text {
                value: maiden.to_string(),
                sources: smallvec![0],
            });
        }
        for e in email::split_multi(row.get(emails)) {
            c.add_email(&e, &[]);
        }
        for p in split_list(row.get(phones)) {
            c.add_phone(p, &[]);
        }
        let title = not_na(row.get(title));
        let orgs: Vec<&str> = split_list(row.get(companies))
            .into_iter()
            .filter(|o| !not_na(o).is_empty())
            .collect();
        if orgs.is_empty() {
            c.add_organization("", title);
        }
        for o in orgs {
            c.add_organization(o, title);
        }
        for s in split_list(row.get(sites)) {
            c.add_url(s, &[]);
        }
        for p in split_list(row.get(profiles)) {
            c.add_url(p, &[]);
        }
        for h in split_list(row.get(im)) {
            c.add_note(&format!("IM: {h}"));
        }
        let addr = row.get(addresses);
        if !addr.is_empty() {
            c.addresses.push(raw_address(addr, "home"));
        }
        let loc = row.get(location);
        if !loc.is_empty() {
            c.addresses.push(raw_address(loc, "location"));
        }
        let bday = row.get(birthday);
        if !bday.is_empty() {
            c.birthday = Some(crate::model::Text {
                value: bday.to_string(),
                sources: smallvec![0],
            });
        }
        if c.is_anonymous() {
            out.reject(row.line, "empty contact: no name, email or phone");
            continue;
        }
        out.push(c);
    }
    Ok(())
}

fn raw_address(raw: &str, label: &str) -> crate::model::Address {
    crate::model::Address {
        raw: raw.to_string(),
        labels: vec![label.to_string()],
        sources: smallvec![0],
        ..Default::default()
    }
}

/// LinkedIn joins multi-values with ", ".
fn split_list(s: &str) -> Vec<&str> {
    s.split(',')
        .map(str::trim)
        .filter(|v| !v.is_empty() && !v.eq_ignore_ascii_case("null"))
        .collect()
}

fn invitations(table: &Table<'_>, rows: &[Row], out: &mut FileOut) -> Result<(), ErrorKind> {
    require(table, &["From", "To", "Direction"])?;
    let from = table.col("From");
    let to = table.col("To");
    let sent = table.col("Sent At");
    let direction = table.col("Direction");
    let message = table.col("Message");
    let from_url = table.col_any(&["inviterProfileUrl", "inviterProfileUrn"]);
    let to_url = table.col_any(&["inviteeProfileUrl", "inviteeProfileUrn"]);
    for row in rows {
        let (name, url, event) = match row.get(direction).to_ascii_uppercase().as_str() {
            "OUTGOING" => (row.get(to), row.get(to_url), "invitation_sent"),
            "INCOMING" => (row.get(from), row.get(from_url), "invitation_received"),
            _ => {
                out.reject(row.line, "invitation without INCOMING/OUTGOING direction");
                continue;
            }
        };
        let mut c = out.start(row.line, Kind::Invitation);
        c.name.full = name.to_string();
        add_linkedin_ref(&mut c, url);
        c.add_event(event, row.get(sent), SERVICE);
        let text = row.get(message);
        if !text.is_empty() {
            // What a person wrote when connecting is often the only context of who they are.
            let side = if event == "invitation_sent" {
                "sent"
            } else {
                "received"
            };
            c.add_note(&format!("LinkedIn invitation {side}: {text}"));
        }
        if c.is_anonymous() {
            out.reject(row.line, "invitation without a name or profile");
            continue;
        }
        out.push(c);
    }
    Ok(())
}

/// A profile URL, or a member URN (2023 invitations) kept as the profile's id.
fn add_linkedin_ref(c: &mut Contact, url: &str) {
    if url.starts_with("urn:li:") {
        c.profiles.push(Profile {
            service: Service::Linkedin,
            id: url.to_string(),
            sources: smallvec![0],
            ..Default::default()
        });
    } else {
        c.add_profile(Service::Linkedin, url, "");
    }
}

/// People aggregated over many rows (message participants, endorsers): one record per person,
/// starting at the first row they appear in.
#[derive(Default)]
struct Aggregate {
    by_key: HashMap<String, usize>,
    people: Vec<Person>,
}

#[derive(Default)]
struct Person {
    line: u64,
    full: String,
    given: String,
    family: String,
    url: String,
    latest: String,
}

impl Aggregate {
    /// Records a sighting and returns the person, for names to be filled where still empty.
    /// The latest date is tracked for ISO-like dates (they compare as text); else the first stays.
    fn see(&mut self, key: String, line: u64, url: &str, date: &str) -> Option<&mut Person> {
        let people = &mut self.people;
        let i = *self.by_key.entry(key).or_insert_with(|| {
            people.push(Person {
                line,
                latest: date.to_string(),
                ..Person::default()
            });
            people.len() - 1
        });
        let p = people.get_mut(i)?;
        if p.url.is_empty() && !url.is_empty() {
            p.url = url.to_string();
        }
        if date > p.latest.as_str() && date.starts_with(|c: char| c.is_ascii_digit()) {
            p.latest = date.to_string();
        }
        Some(p)
    }
}

fn fill(slot: &mut String, value: &str) {
    if slot.is_empty() {
        *slot = value.trim().to_string();
    }
}

/// The identity of a LinkedIn member in a file: canonical profile URL, else the name.
fn person_key(url: &str, name: &str) -> Option<String> {
    if let Some(p) = profile::canonical(url, Some(&Service::Linkedin)) {
        return Some(p.url);
    }
    let n = name.trim().to_lowercase();
    (!n.is_empty() && n != "linkedin member").then(|| format!("name:{n}"))
}

fn messages(table: &Table<'_>, rows: &[Row], out: &mut FileOut) -> Result<(), ErrorKind> {
    require(table, &["FROM", "SENDER PROFILE URL", "TO"])?;
    let from = table.col("FROM");
    let from_url = table.col("SENDER PROFILE URL");
    let to = table.col("TO");
    let to_urls = table.col("RECIPIENT PROFILE URLS");
    let date = table.col("DATE");

    // The owner takes part in every message; among the participants, it is the one seen most.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for row in rows {
        let mut keys: Vec<String> = Vec::new();
        keys.extend(person_key(row.get(from_url), row.get(from)));
        for u in split_urls(row.get(to_urls)) {
            keys.extend(person_key(u, ""));
        }
        keys.sort();
        keys.dedup();
        for k in keys {
            *seen.entry(k).or_insert(0) += 1;
        }
    }
    let owner = seen
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(k, _)| k.clone());

    // 2022 exports have no RECIPIENT PROFILE URLS: the owner's replies name the other side only.
    // Tie them to the people who wrote in the same conversation.
    let others = to_urls
        .is_none()
        .then(|| conversation_partners(table, rows, owner.as_deref()));

    let mut agg = Aggregate::default();
    for row in rows {
        let d = row.get(date);
        let sender_name = row.get(from);
        match person_key(row.get(from_url), sender_name) {
            Some(k) if Some(&k) != owner.as_ref() => {
                if let Some(p) = agg.see(k, row.line, row.get(from_url), d) {
                    fill(&mut p.full, sender_name);
                }
            }
            Some(_) if others.is_some() => {
                let conv = row.get(table.col("CONVERSATION ID"));
                let partners = others.as_ref().and_then(|o| o.get(conv));
                for (key, url, name) in reply_recipients(partners, row.get(to)) {
                    if let Some(p) = agg.see(key, row.line, &url, d) {
                        fill(&mut p.full, &name);
                    }
                }
                continue;
            }
            Some(_) => {}
            None if row.get(to).is_empty() && sender_name.is_empty() => {}
            None => out.warn(
                row.line,
                "message from an unknown sender (LinkedIn Member), not a person record",
            ),
        }
        let urls = split_urls(row.get(to_urls));
        // Without the column (2022), a recipient other than the owner is known from the rows
        // they sent; the owner's replies were tied above.
        if urls.is_empty() && !row.get(to).is_empty() && others.is_none() {
            out.warn(
                row.line,
                "message to an unknown recipient (no profile URL), not a person record",
            );
        }
        let names = split_recipient_names(row.get(to), urls.len());
        for (i, u) in urls.into_iter().enumerate() {
            if let Some(k) = person_key(u, "") {
                if Some(&k) != owner.as_ref() {
                    if let Some(p) = agg.see(k, row.line, u, d) {
                        fill(&mut p.full, names.get(i).copied().unwrap_or(""));
                    }
                }
            }
        }
    }
    push_aggregate(agg, out, Kind::Message, "messaged");
    Ok(())
}

/// A conversation's participants other than the owner, as (key, profile URL, name), from the
/// rows they sent.
type Partners = HashMap<String, Vec<(String, String, String)>>;

fn conversation_partners(table: &Table<'_>, rows: &[Row], owner: Option<&str>) -> Partners {
    let conv = table.col("CONVERSATION ID");
    let from = table.col("FROM");
    let from_url = table.col("SENDER PROFILE URL");
    let mut out: Partners = HashMap::new();
    for row in rows {
        let Some(key) = person_key(row.get(from_url), row.get(from)) else {
            continue;
        };
        if Some(key.as_str()) == owner {
            continue;
        }
        let list = out.entry(row.get(conv).to_string()).or_default();
        if !list.iter().any(|(k, _, _)| *k == key) {
            list.push((
                key,
                row.get(from_url).to_string(),
                row.get(from).to_string(),
            ));
        }
    }
    out
}

/// Who an owner's reply went to, in a file without recipient URLs: the one other participant of
/// a two-person conversation; else those of the conversation named in TO; else, when nobody
/// else wrote in it, the person TO names (by name only).
fn reply_recipients(
    partners: Option<&Vec<(String, String, String)>>,
    to: &str,
) -> Vec<(String, String, String)> {
    let partners = partners.map(Vec::as_slice).unwrap_or_default();
    if let [one] = partners {
        return vec![one.clone()];
    }
    let named: Vec<_> = partners
        .iter()
        .filter(|(_, _, name)| !name.is_empty() && to.to_lowercase().contains(&name.to_lowercase()))
        .cloned()
        .collect();
    if !named.is_empty() || !partners.is_empty() {
        return named;
    }
    person_key("", to)
        .map(|k| vec![(k, String::new(), to.trim().to_string())])
        .unwrap_or_default()
}

/// Group recipients' names are joined with a bare "," while names themselves may hold ", "
/// ("Doe, MBA"): split on commas not followed by a space, and trust the split only when it
/// yields one name per profile URL. Otherwise names stay unknown here (the URL still identifies).
fn split_recipient_names(s: &str, count: usize) -> Vec<&str> {
    if count == 1 {
        return vec![s];
    }
    let mut parts = Vec::new();
    let mut start = 0;
    let bytes = s.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b',' && bytes.get(i + 1) != Some(&b' ') {
            parts.push(s.get(start..i).unwrap_or("").trim());
            start = i + 1;
        }
    }
    parts.push(s.get(start..).unwrap_or("").trim());
    if parts.len() == count {
        parts
    } else {
        Vec::new()
    }
}

fn split_urls(s: &str) -> Vec<&str> {
    s.split(',')
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .collect()
}

fn push_aggregate(agg: Aggregate, out: &mut FileOut, kind: Kind, event: &'static str) {
    let mut people = agg.people;
    people.sort_by_key(|p| p.line);
    for p in people {
        let mut c = out.start(p.line, kind);
        c.name.full = p.full;
        c.name.given = p.given;
        c.name.family = p.family;
        add_linkedin_ref(&mut c, &p.url);
        c.add_event(event, &p.latest, SERVICE);
        out.push(c);
    }
}

/// The 2018 `Messages.csv`: names only, the direction says which side is the other person.
fn messages_2018(table: &Table<'_>, rows: &[Row], out: &mut FileOut) -> Result<(), ErrorKind> {
    let from = table.col("From");
    let to = table.col("To");
    let date = table.col("Date");
    let direction = table.col("Direction");
    let mut agg = Aggregate::default();
    for row in rows {
        let name = match row.get(direction).to_ascii_uppercase().as_str() {
            "INCOMING" => row.get(from),
            "OUTGOING" => row.get(to),
            _ => {
                out.warn(row.line, "message without INCOMING/OUTGOING direction");
                continue;
            }
        };
        match person_key("", name) {
            Some(k) => {
                if let Some(p) = agg.see(k, row.line, "", row.get(date)) {
                    fill(&mut p.full, name);
                }
            }
            None => out.warn(row.line, "message with an unknown correspondent"),
        }
    }
    push_aggregate(agg, out, Kind::Message, "messaged");
    Ok(())
}

fn endorsements(table: &Table<'_>, rows: &[Row], out: &mut FileOut) -> Result<(), ErrorKind> {
    let received = table.has("Endorser First Name");
    let (first, last, url, event) = if received {
        (
            "Endorser First Name",
            "Endorser Last Name",
            "Endorser Public Url",
            "endorsed_you",
        )
    } else {
        (
            "Endorsee First Name",
            "Endorsee Last Name",
            "Endorsee Public Url",
            "you_endorsed",
        )
    };
    let first = table.col(first);
    let last = table.col(last);
    let url = table.col(url);
    let date = table.col("Endorsement Date");
    let mut agg = Aggregate::default();
    for row in rows {
        let full = format!("{} {}", row.get(first), row.get(last));
        match person_key(row.get(url), &full) {
            Some(k) => {
                if let Some(p) = agg.see(k, row.line, row.get(url), row.get(date)) {
                    fill(&mut p.given, row.get(first));
                    fill(&mut p.family, row.get(last));
                }
            }
            None => out.reject(row.line, "endorsement without a name or profile"),
        }
    }
    push_aggregate(agg, out, Kind::Endorsement, event);
    Ok(())
}

fn recommendations(
    table: &Table<'_>,
    rows: &[Row],
    out: &mut FileOut,
    given: bool,
) -> Result<(), ErrorKind> {
    let first = table.col("First Name");
    let last = table.col("Last Name");
    let company = table.col("Company");
    let title = table.col("Job Title");
    let date = table.col("Creation Date");
    let event = if given {
        "you_recommended"
    } else {
        "recommended_you"
    };
    for row in rows {
        let mut c = out.start(row.line, Kind::Recommendation);
        c.name.given = row.get(first).to_string();
        c.name.family = row.get(last).to_string();
        c.add_organization(row.get(company), row.get(title));
        c.add_event(event, row.get(date), SERVICE);
        if c.name.is_empty() {
            out.reject(row.line, "recommendation without a name");
            continue;
        }
        out.push(c);
    }
    Ok(())
}

fn member_follows(table: &Table<'_>, rows: &[Row], out: &mut FileOut) -> Result<(), ErrorKind> {
    let name = table.col("FullName");
    let status = table.col("Status");
    let date = table.col("Date");
    for row in rows {
        let active = !row.get(status).eq_ignore_ascii_case("unfollow");
        let kind = if active {
            Kind::Following
        } else {
            Kind::Unfollowed
        };
        let mut c = out.start(row.line, kind);
        c.name.full = row.get(name).to_string();
        c.add_event(
            if active { "followed" } else { "unfollowed" },
            row.get(date),
            SERVICE,
        );
        if c.name.is_empty() {
            out.reject(row.line, "follow without a name");
            continue;
        }
        out.push(c);
    }
    Ok(())
}

fn owner_profile(table: &Table<'_>, rows: &[Row], out: &mut FileOut) -> Result<(), ErrorKind> {
    let first = table.col("First Name");
    let last = table.col("Last Name");
    let maiden = table.col("Maiden Name");
    let birth = table.col("Birth Date");
    let websites = table.col("Websites");
    let address = table.col("Address");
    for row in rows.iter().take(1) {
        let mut c = out.start(row.line, Kind::Owner);
        c.name.given = row.get(first).to_string();
        c.name.family = row.get(last).to_string();
        let maiden = row.get(maiden);
        if !maiden.is_empty() {
            c.aliases.push(crate::model::Text {
                value: maiden.to_string(),
                sources: smallvec![0],
            });
        }
        let b = row.get(birth);
        if !b.is_empty() {
            c.birthday = Some(crate::model::Text {
                value: b.to_string(),
                sources: smallvec![0],
            });
        }
        for w in split_list(row.get(websites)) {
            // "PORTFOLIO:https://…": the label before the first colon that precedes the URL.
            let (label, url) = match w.split_once(':') {
                Some((l, rest)) if !rest.starts_with("//") => (l.to_lowercase(), rest),
                _ => (String::new(), w),
            };
            c.add_url(url, &[label.as_str()]);
        }
        let a = row.get(address);
        if !a.is_empty() {
            c.addresses.push(raw_address(a, "home"));
        }
        out.push(c);
    }
    Ok(())
}

/// The owner's emails or phones: one owner record holding every value of the file.
fn owner_list(
    table: &Table<'_>,
    rows: &[Row],
    out: &mut FileOut,
    column: &str,
    phones: bool,
) -> Result<(), ErrorKind> {
    require(table, &[column])?;
    let col = table.col(column);
    let kind = table.col("Type");
    let mut owner: Option<Contact> = None;
    for row in rows {
        let v = row.get(col);
        if v.is_empty() {
            continue;
        }
        let c = owner.get_or_insert_with(|| out.start(row.line, Kind::Owner));
        if phones {
            let label = row.get(kind).to_lowercase();
            let labels: Vec<&str> = [label.as_str()]
                .into_iter()
                .filter(|l| !l.is_empty())
                .collect();
            c.add_phone(v, &labels);
        } else {
            c.add_email(v, &[]);
        }
    }
    if let Some(c) = owner {
        out.push(c);
    }
    Ok(())
}

fn owner_positions(table: &Table<'_>, rows: &[Row], out: &mut FileOut) -> Result<(), ErrorKind> {
    let company = table.col("Company Name");
    let title = table.col("Title");
    let mut owner: Option<Contact> = None;
    for row in rows {
        let c = owner.get_or_insert_with(|| out.start(row.line, Kind::Owner));
        c.add_organization(row.get(company), row.get(title));
    }
    if let Some(c) = owner {
        out.push(c);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The format LinkedIn's reader takes a file named `name` starting with `head` for.
    fn detected(name: &str, head: &str) -> Option<&'static str> {
        let lowered = name.to_lowercase();
        LinkedIn
            .detect(&Sniff {
                path: name,
                name: &lowered,
                head,
            })
            .map(|f| f.id)
    }

    #[test]
    fn connections_are_found_below_the_notes_preamble() {
        let head = "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\nAna,Lima,,,,,01 Jan 2020\n";
        assert_eq!(detected("Connections.csv", head), Some("connections"));
        // The header decides, not the file name.
        assert_eq!(detected("export-2024.csv", head), Some("connections"));
    }

    #[test]
    fn every_owner_file_is_recognised_by_its_header() {
        for (head, id) in [
            (
                "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary\n",
                "owner-profile",
            ),
            (
                "Email Address,Confirmed,Primary,Updated On\n",
                "owner-emails",
            ),
            ("Number,Extension,Type\n", "owner-phones"),
            ("Extension,Number,Is_Whatsapp_Number\n", "owner-phones"),
            (
                "Company Name,Title,Description,Location,Started On,Finished On\n",
                "owner-positions",
            ),
        ] {
            assert_eq!(detected("x.csv", head), Some(id), "{head}");
        }
    }

    #[test]
    fn other_address_books_and_non_csv_files_are_not_taken() {
        // Google Contacts and Outlook share First Name / Last Name, never Connected On.
        for head in [
            "First Name,Middle Name,Last Name,Nickname,E-mail 1 - Value\n",
            "First Name,Last Name,E-mail Address,Business Phone,Company,Job Title\n",
            "Company Name,Title,Description\n",
        ] {
            assert_eq!(detected("contacts.csv", head), None, "{head}");
        }
        let head = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
        assert_eq!(detected("Connections.json", head), None);
    }

    #[test]
    fn excel_fill_for_empty_cells_is_empty_and_real_values_stay() {
        for na in ["NA", "N/A", "#N/A", "n/a"] {
            assert_eq!(not_na(na), "", "{na}");
        }
        for kept in ["Na", "na", "NASA", "", "Northwind"] {
            assert_eq!(not_na(kept), kept);
        }
    }

    #[test]
    fn lists_split_on_commas_without_blanks_or_null() {
        assert_eq!(
            split_list(" a@example.com, b@example.com ,,null, NULL ,c"),
            ["a@example.com", "b@example.com", "c"]
        );
        assert!(split_list("").is_empty());
        assert_eq!(
            split_urls("https://a.example, ,https://b.example"),
            ["https://a.example", "https://b.example"]
        );
    }

    #[test]
    fn group_recipients_split_on_bare_commas_only_when_there_is_one_name_per_url() {
        assert_eq!(
            split_recipient_names("Ana Lima,Bo Chen", 2),
            ["Ana Lima", "Bo Chen"]
        );
        // ", " belongs to a name ("Doe, MBA"); only a bare "," separates two.
        assert_eq!(
            split_recipient_names("Jo Doe, MBA,Bo Chen", 2),
            ["Jo Doe, MBA", "Bo Chen"]
        );
        // One recipient: the whole text, commas and all.
        assert_eq!(split_recipient_names("Doe,Jo", 1), ["Doe,Jo"]);
        // The split does not give one name per URL: no names rather than wrong ones.
        assert!(split_recipient_names("Ana Lima,Bo Chen,Cy Dale", 2).is_empty());
        assert!(split_recipient_names("Jo Doe, MBA", 2).is_empty());
    }

    #[test]
    fn a_member_is_known_by_the_canonical_profile_url_else_by_the_name() {
        let by_url = person_key("https://www.linkedin.com/in/maren-holt-4a1b2c/", "Maren");
        let same = person_key("linkedin.com/in/maren-holt-4a1b2c", "M. Holt");
        assert!(by_url.is_some());
        assert_eq!(by_url, same, "one profile written two ways is one member");
        assert!(!by_url.unwrap_or_default().starts_with("name:"));
        assert_eq!(
            person_key("", "  Ana LIMA "),
            Some("name:ana lima".to_string())
        );
        // LinkedIn's placeholder for a hidden sender, and no name at all, are nobody.
        assert_eq!(person_key("", "LinkedIn Member"), None);
        assert_eq!(person_key("", "   "), None);
    }

    #[test]
    fn an_aggregated_member_keeps_the_first_line_url_and_the_latest_iso_date() {
        let mut agg = Aggregate::default();
        for (line, url, date) in [
            (3, "", "2024-01-02 10:00:00 UTC"),
            (
                5,
                "https://www.linkedin.com/in/ana",
                "2023-05-01 09:00:00 UTC",
            ),
            (
                8,
                "https://www.linkedin.com/in/other",
                "2024-03-04 08:00:00 UTC",
            ),
            // Not ISO-like: text order says nothing about time, so it never wins.
            (9, "", "Mar 2025"),
        ] {
            agg.see("name:ana".into(), line, url, date);
        }
        agg.see("name:bo".into(), 4, "", "2022-01-01");
        assert_eq!(agg.people.len(), 2);
        let ana = &agg.people[0];
        assert_eq!(ana.line, 3);
        assert_eq!(ana.url, "https://www.linkedin.com/in/ana");
        assert_eq!(ana.latest, "2024-03-04 08:00:00 UTC");
        assert_eq!(agg.people[1].line, 4);
    }

    #[test]
    fn a_name_is_filled_once_and_trimmed() {
        let mut slot = String::new();
        fill(&mut slot, "  Ana ");
        fill(&mut slot, "Bo");
        assert_eq!(slot, "Ana");
    }
}
