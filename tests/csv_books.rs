//! Address-book CSVs: Google Contacts (current and old headers), Outlook (outlook.com and
//! desktop), Thunderbird, and the Google Contacts CSV rolo writes, read back.

mod common;

use assert_cmd::Command;
use rolo::model::{Contact, Platform};
use rolo::sinks::OutputFormat;
use std::collections::BTreeSet;
use std::path::Path;

fn load(input: &str) -> rolo::sources::Loaded {
    std::env::set_current_dir(common::root()).unwrap();
    rolo::sources::load(&[input.to_string()], Default::default())
}

/// Writes `text` as a file in a fresh folder and loads it.
fn load_text(name: &str, bytes: &[u8]) -> (tempfile::TempDir, rolo::sources::Loaded) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let loaded = rolo::sources::load(&[path.to_string_lossy().into_owned()], Default::default());
    (dir, loaded)
}

fn run(inputs: &[&str], dedupe: bool) -> rolo::Outcome {
    let mut opts = rolo::Options::default();
    opts.dedupe.enabled = dedupe;
    common::run_with(inputs, &opts)
}

fn to_csv(contacts: &[Contact]) -> String {
    let mut buf = Vec::new();
    rolo::sinks::write(OutputFormat::Csv, contacts, &mut buf).unwrap();
    String::from_utf8(buf).unwrap()
}

fn emails(c: &Contact) -> Vec<(&str, Vec<&str>)> {
    c.emails
        .iter()
        .map(|e| {
            (
                e.value.as_str(),
                e.labels.iter().map(String::as_str).collect(),
            )
        })
        .collect()
}

fn by_given<'a>(records: &'a [Contact], given: &str) -> &'a Contact {
    records
        .iter()
        .find(|c| c.name.given == given)
        .unwrap_or_else(|| panic!("no record named {given}"))
}

#[test]
fn detection_tells_google_outlook_thunderbird_and_linkedin_apart() {
    let cases = [
        (
            "fixtures/google/current/contacts.csv",
            Platform::Google,
            "google-csv",
        ),
        (
            "fixtures/google/legacy/google.csv",
            Platform::Google,
            "google-csv-legacy",
        ),
        (
            "fixtures/google/samples/helix-crm-contacts.csv",
            Platform::Google,
            "google-csv",
        ),
        (
            "fixtures/outlook/live/contacts.csv",
            Platform::Outlook,
            "outlook-csv",
        ),
        (
            "fixtures/outlook/desktop/contacts.csv",
            Platform::Outlook,
            "outlook-csv",
        ),
        (
            "fixtures/outlook/thunderbird/abook.csv",
            Platform::Outlook,
            "thunderbird-csv",
        ),
        (
            "fixtures/demo/linkedin/Connections.csv",
            Platform::Linkedin,
            "connections",
        ),
        (
            "fixtures/demo/linkedin/Contacts.csv",
            Platform::Linkedin,
            "imported-contacts",
        ),
    ];
    for (path, platform, format) in cases {
        let loaded = load(path);
        assert!(
            loaded.report.errors.is_empty(),
            "{path}: {:?}",
            loaded.report.errors
        );
        let f = &loaded.report.files[0];
        assert_eq!(
            (f.platform, f.format.as_str()),
            (platform, format),
            "{path}"
        );
    }
}

#[test]
fn every_google_and_outlook_sample_reads_every_row() {
    // (folder, data rows, rejected empty rows)
    for (dir, rows, rejected) in [
        ("fixtures/google/samples", 7, 0),
        ("fixtures/google/current", 5, 1),
        ("fixtures/google/legacy", 2, 0),
        ("fixtures/outlook/live", 4, 1),
        ("fixtures/outlook/desktop", 3, 1),
        ("fixtures/outlook/thunderbird", 3, 0),
    ] {
        let loaded = load(dir);
        assert!(loaded.report.errors.is_empty(), "{dir}");
        assert_eq!(
            loaded.records.len() + loaded.report.rejected.len(),
            rows,
            "{dir}"
        );
        assert_eq!(loaded.report.rejected.len(), rejected, "{dir}");
        assert!(loaded
            .report
            .rejected
            .iter()
            .all(|r| r.reason.contains("empty contact") && r.location.line.is_some()));
    }
}

#[test]
fn google_numbered_groups_of_any_count_are_found_from_the_header() {
    let csv = "First Name,Last Name,Labels,E-mail 7 - Label,E-mail 7 - Value,Phone 12 - Label,Phone 12 - Value,Website 3 - Label,Website 3 - Value\n\
               Ada,Quill,* myContacts,Work,ada@example.com,Mobile,+1 415 555 0100,Blog,https://ada.example.org\n";
    let (_d, loaded) = load_text("contacts.csv", csv.as_bytes());
    let c = &loaded.records[0];
    assert_eq!(emails(c), [("ada@example.com", vec!["work"])]);
    assert_eq!(c.phones[0].raw, "+1 415 555 0100");
    assert_eq!(c.phones[0].labels, ["mobile"]);
    assert_eq!(c.urls[0].value, "https://ada.example.org");
    assert_eq!(c.urls[0].labels, ["blog"]);
}

#[test]
fn google_multi_values_are_split_and_the_primary_one_marked() {
    let loaded = load("fixtures/google/current/contacts.csv");
    let ines = by_given(&loaded.records, "Ines");
    assert_eq!(
        emails(ines),
        [
            ("ines@northwind.example.com", vec!["work", "pref"]),
            ("i.okafor@northwind.example.com", vec!["work"]),
            ("ines.ol@example.org", vec!["home"]),
            ("nessa@example.net", vec!["grandma's"]),
        ]
    );
    let phones: Vec<(&str, Vec<&str>)> = ines
        .phones
        .iter()
        .map(|p| {
            (
                p.raw.as_str(),
                p.labels.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        phones,
        [
            ("+1 415 555 0142", vec!["mobile", "pref"]),
            ("+1 415 555 0143", vec!["mobile"]),
            ("+1 415 555 0190", vec!["work", "fax"]),
            ("+1 628 555 0111", vec!["google voice"]),
        ]
    );
    // Two work addresses in one group, parts zipped by position.
    let cities: Vec<&str> = ines.addresses.iter().map(|a| a.locality.as_str()).collect();
    assert_eq!(cities, ["Portland", "Portland", "Seattle"]);
    assert_eq!(ines.addresses[1].street, "1 Harbor Rd, PO Box 12");
    assert_eq!(ines.birthday.as_ref().unwrap().value, "--04-23");
    assert_eq!(
        ines.photos[0].value,
        "https://lh3.googleusercontent.com/contacts/EXAMPLE-photo-1"
    );
}

#[test]
fn google_labels_become_groups_without_my_contacts() {
    let loaded = load("fixtures/google/current/contacts.csv");
    let groups: Vec<&str> = by_given(&loaded.records, "Ines")
        .groups
        .iter()
        .map(|g| g.value.as_str())
        .collect();
    assert_eq!(groups, ["starred", "Friends", "Book Club"]);
    let legacy = load("fixtures/google/legacy/google.csv");
    let groups: Vec<&str> = by_given(&legacy.records, "Greta")
        .groups
        .iter()
        .map(|g| g.value.as_str())
        .collect();
    assert_eq!(groups, ["Friends", "Climbing"]);
}

#[test]
fn google_custom_fields_other_events_and_unknown_columns_become_notes() {
    let loaded = load("fixtures/google/current/contacts.csv");
    let notes: Vec<&str> = by_given(&loaded.records, "Ines")
        .notes
        .iter()
        .map(|n| n.value.as_str())
        .collect();
    for expected in [
        "Custom Field (Badge): A-113",
        "Phonetic First Name: EE-nes",
        "Met at the optics meetup.\nPrefers e-mail.",
    ] {
        assert!(notes.contains(&expected), "{expected:?} not in {notes:?}");
    }
    // Relations, the anniversary and IM addresses have fields of their own.
    for gone in ["Relation", "Event", "IM"] {
        assert!(
            !notes.iter().any(|n| n.starts_with(gone)),
            "{gone} in {notes:?}"
        );
    }
}

#[test]
fn google_old_header_in_utf16_reads_with_its_organizations() {
    let loaded = load("fixtures/google/legacy/google.csv");
    assert!(
        loaded.report.warnings.is_empty(),
        "{:?}",
        loaded.report.warnings
    );
    let greta = by_given(&loaded.records, "Greta");
    let orgs: Vec<(&str, &str)> = greta
        .organizations
        .iter()
        .map(|o| (o.name.as_str(), o.title.as_str()))
        .collect();
    assert_eq!(
        orgs,
        [
            ("Holm Arkitekter", "Partner"),
            ("Climbing Club Nord", "Treasurer"),
            ("City Museum", "Volunteer")
        ]
    );
    assert_eq!(greta.aliases[0].value, "Berg");
    let jun = loaded
        .records
        .iter()
        .find(|c| c.name.full == "Jun Park")
        .unwrap();
    assert_eq!(jun.birthday.as_ref().unwrap().value, "--07-14");
}

#[test]
fn google_file_as_names_only_a_row_without_name_or_organization() {
    let loaded = load("fixtures/google/current/contacts.csv");
    let bakery = loaded
        .records
        .iter()
        .find(|c| c.organizations.iter().any(|o| o.name == "Harbor Bakery"))
        .unwrap();
    assert!(bakery.name.is_empty(), "{:?}", bakery.name);
    let csv = "First Name,Last Name,File As,Labels,E-mail 1 - Label,E-mail 1 - Value\n,,\"Doe, Jane\",* myContacts,,\n";
    let (_d, loaded) = load_text("contacts.csv", csv.as_bytes());
    assert_eq!(loaded.records[0].name.full, "Doe, Jane");
}

#[test]
fn outlook_windows_1252_is_decoded_and_reported_on_the_file() {
    let loaded = load("fixtures/outlook/desktop/contacts.csv");
    let renee = by_given(&loaded.records, "Renée");
    assert_eq!(renee.name.family, "Müller");
    assert_eq!(renee.organizations[0].name, "Café Zürich GmbH");
    let w: Vec<_> = loaded
        .report
        .warnings
        .iter()
        .filter(|w| w.reason.contains("windows-1252"))
        .collect();
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].location.file, "contacts.csv");
    assert_eq!(w[0].location.line, None);
    // A UTF-8 Outlook file gets no such warning.
    assert!(load("fixtures/outlook/live").report.warnings.is_empty());
}

#[test]
fn outlook_title_is_the_honorific_and_job_title_the_position() {
    let loaded = load("fixtures/outlook/desktop/contacts.csv");
    let renee = by_given(&loaded.records, "Renée");
    assert_eq!(renee.name.prefix, "Dr.");
    assert_eq!(renee.organizations[0].title, "Geschäftsführerin");
    assert_eq!(renee.organizations[0].department, "Verwaltung");
}

#[test]
fn outlook_phone_columns_keep_their_labels_and_primary_merges_into_its_number() {
    let loaded = load("fixtures/outlook/live/contacts.csv");
    let arvid = by_given(&loaded.records, "Arvid");
    let phones: Vec<(&str, Vec<&str>)> = arvid
        .phones
        .iter()
        .map(|p| {
            (
                p.raw.as_str(),
                p.labels.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        phones,
        [
            ("+47 22 55 50 10", vec!["home"]),
            ("+47 23 55 50 20", vec!["work"]),
            ("+47 466 55 501", vec!["mobile", "main"]),
            ("+47 23 55 50 30", vec!["pager"]),
            ("+47 23 55 50 29", vec!["work", "fax"]),
        ]
    );
    assert_eq!(
        emails(arvid),
        [
            ("arvid.solberg@example.com", vec![]),
            ("arvid@example.org", vec![])
        ]
    );
}

#[test]
fn outlook_placeholder_dates_and_defaults_say_nothing() {
    let loaded = load("fixtures/outlook/desktop/contacts.csv");
    let juergen = by_given(&loaded.records, "Jürgen");
    assert!(juergen.birthday.is_none());
    // Gender "Unspecified", Priority "Normal", Anniversary 0/0/00, Initials: no notes at all.
    assert!(juergen.notes.is_empty(), "{:?}", juergen.notes);
    let arvid = load("fixtures/outlook/live/contacts.csv");
    let arvid = by_given(&arvid.records, "Arvid");
    // Slashed dates are settled per file as they are read (15 cannot be a month).
    assert_eq!(arvid.birthday.as_ref().unwrap().value, "1988-06-15");
    assert!(!arvid.notes.iter().any(|n| n.value.contains("0/0/00")));
}

#[test]
fn outlook_addresses_groups_and_extra_columns_are_kept() {
    let loaded = load("fixtures/outlook/desktop/contacts.csv");
    let renee = by_given(&loaded.records, "Renée");
    let a = &renee.addresses[0];
    assert_eq!(a.labels, ["work"]);
    assert_eq!(a.street, "Bahnhofstraße 12, 3. Stock, Postfach 45");
    assert_eq!(
        (a.locality.as_str(), a.country.as_str()),
        ("Zürich", "Switzerland")
    );
    let groups: Vec<&str> = renee.groups.iter().map(|g| g.value.as_str()).collect();
    assert_eq!(groups, ["Kunden", "VIP"]);
    assert!(renee.notes.iter().any(|n| n.value == "User 1: Stammkundin"));
}

#[test]
fn thunderbird_address_book_reads_with_a_year_less_birthday() {
    let loaded = load("fixtures/outlook/thunderbird/abook.csv");
    assert_eq!(loaded.records.len(), 3);
    let mara = by_given(&loaded.records, "Mara");
    assert_eq!(mara.birthday.as_ref().unwrap().value, "--09-03");
    assert_eq!(mara.urls[0].labels, ["work"]);
    assert_eq!(mara.addresses[0].street, "Ilica 10, Stan 3");
}

#[test]
fn thunderbird_localized_headers_read_like_the_english_ones() {
    // German: every column through the table, birthday from its three columns.
    let loaded = load("fixtures/outlook/thunderbird-de/adressbuch.csv");
    assert_eq!(loaded.report.files[0].format, "thunderbird-csv");
    assert_eq!(loaded.records.len(), 2);
    let jonas = by_given(&loaded.records, "Jonas");
    assert_eq!(
        (
            jonas.name.family.as_str(),
            jonas.name.full.as_str(),
            jonas.name.nickname.as_str()
        ),
        ("Weber", "Jonas Weber", "Joe")
    );
    let emails: Vec<&str> = jonas.emails.iter().map(|e| e.value.as_str()).collect();
    assert_eq!(emails, ["jonas.weber@example.de", "j.weber@example.com"]);
    let phones: Vec<(&str, &[String])> = jonas
        .phones
        .iter()
        .map(|p| (p.raw.as_str(), p.labels.as_slice()))
        .collect();
    assert_eq!(phones[0], ("+49 30 5550100", &["work".to_string()][..]));
    assert_eq!(phones[2], ("+49 151 55501010", &["mobile".to_string()][..]));
    assert_eq!(jonas.birthday.as_ref().unwrap().value, "1984-07-12");
    assert_eq!(jonas.organizations[0].name, "Tagesblatt Beispiel");
    assert_eq!(jonas.organizations[0].title, "Redakteur");
    assert_eq!(jonas.addresses[0].locality, "Berlin");
    assert_eq!(jonas.addresses[0].labels, ["home"]);
    assert!(jonas
        .notes
        .iter()
        .any(|n| n.value == "Kennengelernt auf der Messe."));
    let lena = by_given(&loaded.records, "Lena");
    assert_eq!(lena.birthday.as_ref().unwrap().value, "--03-09");

    // French names the home and the work city, state and postcode alike: first home, then work.
    let loaded = load("fixtures/outlook/thunderbird-fr/carnet.csv");
    assert_eq!(loaded.report.files[0].format, "thunderbird-csv");
    assert!(
        loaded.report.warnings.is_empty(),
        "{:?}",
        loaded.report.warnings
    );
    let claire = by_given(&loaded.records, "Claire");
    assert_eq!(claire.name.family, "Dubois");
    assert_eq!(claire.emails[0].value, "claire.dubois@example.fr");
    let places: Vec<(&str, &str, &[String])> = claire
        .addresses
        .iter()
        .map(|a| {
            (
                a.locality.as_str(),
                a.postal_code.as_str(),
                a.labels.as_slice(),
            )
        })
        .collect();
    assert_eq!(
        places,
        [
            ("Lyon", "69001", &["home".to_string()][..]),
            ("Paris", "75001", &["work".to_string()][..])
        ]
    );
    assert_eq!(claire.birthday.as_ref().unwrap().value, "--02-14");
    assert_eq!(claire.organizations[0].title, "Architecte");
}

#[test]
fn thunderbird_headers_in_italian_portuguese_swedish_czech_russian_and_japanese_are_read() {
    // One file per language, each with the header Thunderbird's own translation writes.
    for (file, given, family, email, home, work, title) in [
        (
            "it.csv",
            "Giulia",
            "Ferraro",
            "giulia.ferraro@example.it",
            "Torino",
            "Milano",
            "Ingegnera",
        ),
        (
            "pt-BR.csv",
            "Rafael",
            "Souza",
            "rafael.souza@example.com.br",
            "Campinas",
            "São Paulo",
            "Analista",
        ),
        (
            "sv.csv",
            "Elin",
            "Lindqvist",
            "elin.lindqvist@example.se",
            "Uppsala",
            "Stockholm",
            "Projektledare",
        ),
        (
            "cs.csv",
            "Pavel",
            "Novotný",
            "pavel.novotny@example.cz",
            "Brno",
            "Praha",
            "Účetní",
        ),
        (
            "ru.csv",
            "Анна",
            "Смирнова",
            "anna.smirnova@example.ru",
            "Казань",
            "Москва",
            "Редактор",
        ),
        (
            "ja.csv",
            "花子",
            "佐藤",
            "hanako.sato@example.jp",
            "横浜市",
            "千代田区",
            "課長",
        ),
    ] {
        let loaded = load(&format!("fixtures/outlook/thunderbird-l10n/{file}"));
        assert_eq!(loaded.report.files[0].format, "thunderbird-csv", "{file}");
        assert_eq!(loaded.records.len(), 1, "{file}");
        let c = by_given(&loaded.records, given);
        assert_eq!(c.name.family, family, "{file}");
        assert_eq!(c.emails[0].value, email, "{file}");
        assert_eq!(c.phones[0].labels, ["mobile"], "{file}");
        assert_eq!(c.organizations[0].title, title, "{file}");
        // Home city first, work city second, even where both columns have one name (Czech).
        let places: Vec<(&str, &[String])> = c
            .addresses
            .iter()
            .map(|a| (a.locality.as_str(), a.labels.as_slice()))
            .collect();
        assert_eq!(
            places,
            [
                (home, &["home".to_string()][..]),
                (work, &["work".to_string()][..])
            ],
            "{file}"
        );
    }
    let one = |file: &str| {
        load(&format!("fixtures/outlook/thunderbird-l10n/{file}"))
            .records
            .remove(0)
    };
    assert_eq!(one("it.csv").birthday.unwrap().value, "1988-05-21");
    assert_eq!(one("pt-BR.csv").birthday.unwrap().value, "--11-03");
    assert_eq!(one("ja.csv").name.full, "佐藤 花子");
    // Czech names the display name and the screen name alike: the first is the name, the
    // second the AIM screen name.
    let pavel = one("cs.csv");
    assert_eq!(pavel.name.full, "Pavel Novotný");
    assert_eq!(pavel.ims[0].value, "aim:pavel.aim");
    // Swedish names its four custom columns alike: each value is kept.
    let elin = one("sv.csv");
    let notes: Vec<&str> = elin.notes.iter().map(|n| n.value.as_str()).collect();
    assert_eq!(
        notes,
        ["Annan uppgift 1: Vegetarian", "Annan uppgift 1: Tennis"]
    );
}

/// The values a round trip must keep, in a form that compares across the two runs.
fn fingerprint(c: &Contact, with_platforms: bool) -> String {
    let n = &c.name;
    let sorted = |l: &[String]| {
        let mut l: Vec<String> = l.to_vec();
        l.sort();
        l
    };
    let mut groups: BTreeSet<String> = c.groups.iter().map(|g| g.value.to_lowercase()).collect();
    if with_platforms {
        groups.extend(
            c.sources
                .iter()
                .filter(|s| s.platform != Platform::Google)
                .map(|s| s.platform.display().to_lowercase()),
        );
    }
    let v = serde_json::json!({
        "name": [&n.given, &n.middle, &n.family, &n.prefix, &n.suffix, &n.nickname],
        "emails": c.emails.iter().map(|e| (&e.value, sorted(&e.labels))).collect::<Vec<_>>(),
        "phones": c.phones.iter().map(|p| {
            (if p.value.is_empty() { &p.raw } else { &p.value }, sorted(&p.labels))
        }).collect::<Vec<_>>(),
        "orgs": c.organizations.iter().map(|o| (&o.name, &o.title, &o.department)).collect::<Vec<_>>(),
        "profiles": c.profiles.iter().filter(|p| !p.url.is_empty()).map(|p| &p.url).collect::<Vec<_>>(),
        "urls": c.urls.iter().map(|u| (&u.value, sorted(&u.labels))).collect::<Vec<_>>(),
        "birthday": c.birthday.as_ref().map(|b| &b.value),
        "anniversary": c.anniversary.as_ref().map(|a| &a.value),
        "related": c.related.iter().map(|r| (&r.value, sorted(&r.labels))).collect::<Vec<_>>(),
        "ims": c.ims.iter().map(|i| (&i.value, &i.service, sorted(&i.labels))).collect::<Vec<_>>(),
        "groups": groups,
    });
    v.to_string()
}

#[test]
fn google_csv_output_reads_back_with_every_value_and_label() {
    let inputs = ["fixtures/demo", "fixtures/google", "fixtures/outlook"];
    let first = run(&inputs, true);
    assert!(first.contacts.len() > 20);
    let csv = to_csv(&first.contacts);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rolo.csv");
    std::fs::write(&path, &csv).unwrap();
    let again = run(&[path.to_str().unwrap()], false);
    assert!(again.report.errors.is_empty(), "{:?}", again.report.errors);
    assert!(
        again.report.rejected.is_empty(),
        "{:?}",
        again.report.rejected
    );
    let mut expected: Vec<String> = first
        .contacts
        .iter()
        .map(|c| fingerprint(c, true))
        .collect();
    let mut actual: Vec<String> = again
        .contacts
        .iter()
        .map(|c| fingerprint(c, false))
        .collect();
    expected.sort();
    actual.sort();
    assert_eq!(expected.len(), actual.len());
    for (e, a) in expected.iter().zip(&actual) {
        assert_eq!(e, a);
    }
}

#[test]
fn google_csv_written_read_and_written_again_is_the_same() {
    let first = run(
        &["fixtures/demo", "fixtures/google", "fixtures/outlook"],
        true,
    );
    let csv1 = to_csv(&first.contacts);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rolo.csv");
    std::fs::write(&path, &csv1).unwrap();
    let again = run(&[path.to_str().unwrap()], false);
    let csv2 = to_csv(&again.contacts);
    // Contacts come out in rolo's order (names, then ids that depend on the sources): compare
    // the header and the set of rows.
    let rows = |s: &str| -> Vec<Vec<String>> {
        let mut r: Vec<Vec<String>> = csv::Reader::from_reader(s.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect();
        r.sort();
        r
    };
    assert_eq!(csv1.lines().next(), csv2.lines().next());
    assert_eq!(rows(&csv1), rows(&csv2));
}

#[test]
fn google_csv_output_has_google_s_header_and_one_row_per_contact() {
    let out = run(&["fixtures/google/current", "fixtures/outlook/live"], true);
    let csv = to_csv(&out.contacts);
    assert!(csv.starts_with(
        "First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,\
         Name Prefix,Name Suffix,Nickname,File As,Organization Name,Organization Title,\
         Organization Department,Birthday,Notes,Photo,Labels,E-mail 1 - Label,E-mail 1 - Value,"
    ));
    assert!(!csv.contains('\r'), "LF line ends, as Google's export");
    let mut rdr = csv::Reader::from_reader(csv.as_bytes());
    let header = rdr.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), out.contacts.len());
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    // Ines has four e-mails: four numbered groups, the primary one starred.
    assert!(header.iter().any(|h| h == "E-mail 4 - Value"));
    assert!(!header.iter().any(|h| h == "E-mail 5 - Value"));
    let ines = rows
        .iter()
        .find(|r| &r[col("First Name")] == "Ines")
        .unwrap();
    assert_eq!(&ines[col("E-mail 1 - Label")], "* Work");
    assert_eq!(&ines[col("Phone 3 - Label")], "Work Fax");
    assert_eq!(&ines[col("Birthday")], "--04-23");
    assert_eq!(
        &ines[col("Labels")],
        "* myContacts ::: * starred ::: Friends ::: Book Club"
    );
    let arvid = rows
        .iter()
        .find(|r| &r[col("First Name")] == "Arvid")
        .unwrap();
    assert_eq!(&arvid[col("Labels")], "* myContacts ::: Outlook");
    assert_eq!(&arvid[col("Name Prefix")], "Mr.");
    assert!(!arvid[col("Notes")].contains("Spouse"));
    assert_eq!(&arvid[col("Relation 1 - Label")], "Manager");
    assert_eq!(&arvid[col("Relation 1 - Value")], "Kari Dahl");
    assert_eq!(&arvid[col("Relation 2 - Label")], "Spouse");
    assert_eq!(&arvid[col("Relation 2 - Value")], "Ingrid Solberg");
    assert_eq!(&arvid[col("IM 1 - Value")], "arvid@im.example.com");
    assert_eq!(&ines[col("IM 1 - Service")], "Skype");
    assert_eq!(&ines[col("IM 1 - Value")], "ines.ol");
    assert_eq!(&ines[col("Event 1 - Label")], "Anniversary");
    assert_eq!(&ines[col("Event 1 - Value")], "2015-06-20");
}

#[test]
fn events_go_to_notes_and_platforms_to_labels() {
    let out = run(&["fixtures/demo"], true);
    let csv = to_csv(&out.contacts);
    let mut rdr = csv::Reader::from_reader(csv.as_bytes());
    let header = rdr.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let li = rdr
        .records()
        .map(|r| r.unwrap())
        .find(|r| &r[col("First Name")] == "Li" && &r[col("Last Name")] == "Wei")
        .unwrap();
    assert!(li[col("Notes")].contains("LinkedIn: connected"));
    assert_eq!(&li[col("Labels")], "* myContacts ::: LinkedIn");
    assert_eq!(&li[col("Website 1 - Label")], "Linkedin");
}

#[test]
fn to_csv_and_the_csv_extension_write_google_csv() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("contacts.csv");
    Command::cargo_bin("rolo")
        .unwrap()
        .current_dir(common::root())
        .args(["merge", "fixtures/google/current", "-q", "-o"])
        .arg(&out)
        .assert()
        .success();
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("First Name,Middle Name,Last Name,"));
    let stdout = Command::cargo_bin("rolo")
        .unwrap()
        .current_dir(common::root())
        .args(["merge", "fixtures/google/current", "-q", "--to", "csv"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(String::from_utf8(stdout).unwrap(), text);
    assert!(Path::new(&out).exists());
}

#[test]
fn outlook_csv_with_german_french_and_spanish_headers_is_read() {
    for (dir, format) in [
        ("fixtures/outlook/desktop-de", "outlook-csv"),
        ("fixtures/outlook/desktop-fr", "outlook-csv"),
        ("fixtures/outlook/desktop-es", "outlook-csv"),
        ("fixtures/outlook/desktop-nl", "outlook-csv"),
    ] {
        let loaded = load(dir);
        assert!(
            loaded.report.errors.is_empty(),
            "{dir}: {:?}",
            loaded.report.errors
        );
        let formats: Vec<&str> = loaded
            .report
            .files
            .iter()
            .map(|f| f.format.as_str())
            .collect();
        assert_eq!(formats, [format], "{dir}");
        assert!(loaded.report.skipped.is_empty(), "{dir}");
    }
    let out = run(&["fixtures/outlook/desktop-de"], false);
    let klaus = out
        .contacts
        .iter()
        .find(|c| c.name.given == "Klaus")
        .unwrap();
    assert_eq!(klaus.name.family, "Becker");
    assert_eq!(klaus.name.prefix, "Dr.");
    assert_eq!(emails(klaus), [("klaus.becker@example.com", vec![])]);
    let phones: Vec<(&str, &[String])> = klaus
        .phones
        .iter()
        .map(|p| (p.value.as_str(), p.labels.as_slice()))
        .collect();
    assert_eq!(
        phones,
        [
            ("+49891234567", &["work".to_string()][..]),
            ("+4915123456789", &["mobile".to_string()][..])
        ]
    );
    assert_eq!(klaus.organizations[0].name, "Beispiel AG");
    assert_eq!(klaus.organizations[0].title, "Einkaufsleiter");
    assert_eq!(klaus.organizations[0].department, "Einkauf");
    assert_eq!(klaus.addresses[0].locality, "München");
    assert_eq!(klaus.birthday.as_ref().unwrap().value, "1975-03-04");
    // "Partner" is the Spouse column: a related person. Outlook's defaults are dropped.
    assert_eq!(klaus.related[0].value, "Petra");
    assert_eq!(klaus.related[0].labels, ["spouse"]);
    let notes: Vec<&str> = klaus.notes.iter().map(|n| n.value.as_str()).collect();
    assert!(!notes.iter().any(|n| n.starts_with("Partner")), "{notes:?}");
    assert!(!notes
        .iter()
        .any(|n| n.starts_with("Geschlecht") || n.starts_with("Jahrestag")));

    let out = run(&["fixtures/outlook/desktop-fr"], false);
    let elodie = out
        .contacts
        .iter()
        .find(|c| c.name.given == "Élodie")
        .unwrap();
    assert_eq!(elodie.name.prefix, "Mme");
    // The second "Titre" is the job title.
    assert_eq!(elodie.organizations[0].title, "Directrice commerciale");
    assert_eq!(elodie.emails.len(), 2);
    // `;`-separated, French headers: 03/04/1982 is 3 April.
    assert_eq!(elodie.birthday.as_ref().unwrap().value, "1982-04-03");
    assert!(elodie.notes.is_empty(), "{:?}", elodie.notes);

    let out = run(&["fixtures/outlook/desktop-es"], false);
    let maria = &out.contacts[0];
    assert_eq!(maria.name.family, "García López");
    assert_eq!(maria.name.middle, "José");
    assert_eq!(maria.birthday.as_ref().unwrap().value, "1979-12-25");
    assert_eq!(maria.organizations[0].title, "Jefa de compras");

    // Dutch: `;`, dashed dates read day first, "Niet opgegeven" / "Normaal" are no notes.
    let out = run(&["fixtures/outlook/desktop-nl"], false);
    let sanne = &out.contacts[0];
    assert_eq!(
        (sanne.name.given.as_str(), sanne.name.family.as_str()),
        ("Sanne", "de Vries")
    );
    assert_eq!(sanne.organizations[0].name, "Voorbeeld B.V.");
    assert_eq!(sanne.birthday.as_ref().unwrap().value, "1990-03-07");
    assert!(sanne.notes.is_empty(), "{:?}", sanne.notes);
}

#[test]
fn formatted_addresses_keep_their_line_breaks_through_every_output() {
    let out = run(&["fixtures/google/current/contacts.csv"], false);
    let c = out
        .contacts
        .iter()
        .find(|c| c.addresses.iter().any(|a| !a.raw.is_empty()))
        .unwrap();
    let raw = &c.addresses[0].raw;
    assert_eq!(raw, "12 Alder Way\nApt 4\nPortland, OR 97201\nUS");
    // Google CSV out: the Formatted cell holds the lines; read back, they are the same.
    let csv_text = to_csv(std::slice::from_ref(c));
    assert!(
        csv_text.contains("\"12 Alder Way\nApt 4\nPortland, OR 97201\nUS\""),
        "{csv_text}"
    );
    let (_dir, back) = load_text("contacts.csv", csv_text.as_bytes());
    assert_eq!(
        back.records[0].addresses[0].raw,
        "12 Alder Way\nApt 4\nPortland, OR 97201\nUS"
    );
    // vCard out escapes them as \n.
    let mut buf = Vec::new();
    rolo::sinks::write(OutputFormat::Vcard, std::slice::from_ref(c), &mut buf).unwrap();
    let vcf = String::from_utf8(buf).unwrap().replace("\r\n ", "");
    assert!(vcf.contains("12 Alder Way\\nApt 4\\nPortland"), "{vcf}");
}

#[test]
fn a_photo_only_contact_survives_google_csv_out_and_back() {
    let vcf =
        "BEGIN:VCARD\r\nVERSION:3.0\r\nPHOTO;ENCODING=b;TYPE=PNG:iVBORw0KGgo=\r\nEND:VCARD\r\n";
    let (_dir, loaded) = load_text("photo.vcf", vcf.as_bytes());
    assert_eq!(loaded.records.len(), 1, "{:?}", loaded.report);
    let csv_text = to_csv(&loaded.records);
    let (_dir, back) = load_text("contacts.csv", csv_text.as_bytes());
    assert!(
        back.report.rejected.is_empty(),
        "{:?}",
        back.report.rejected
    );
    assert_eq!(back.records.len(), 1);
    assert_eq!(back.records[0].photos.len(), 1);
}
