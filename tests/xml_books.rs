//! XML address books other than xCard: Windows Contacts (`.contact`) and the FRITZ!Box phone book.

mod common;

use rolo::model::Platform;

fn load(input: &str) -> rolo::sources::Loaded {
    std::env::set_current_dir(common::root()).unwrap();
    rolo::sources::load(&[input.to_string()], Default::default())
}

#[test]
fn a_windows_contact_file_is_one_person_with_every_collection() {
    let loaded = load("fixtures/windows/contacts");
    assert!(
        loaded.report.errors.is_empty(),
        "{:?}",
        loaded.report.errors
    );
    let files: Vec<(&str, Platform)> = loaded
        .report
        .files
        .iter()
        .map(|f| (f.format.as_str(), f.platform))
        .collect();
    assert_eq!(files, [("windows-contact", Platform::Outlook)]);
    let out = common::run(&["fixtures/windows/contacts"]);
    let c = &out.contacts[0];
    assert_eq!(
        (
            c.name.given.as_str(),
            c.name.family.as_str(),
            c.name.nickname.as_str()
        ),
        ("Ingrid", "Solberg", "Inga")
    );
    assert_eq!(c.emails[0].value, "ingrid.solberg@example.org");
    assert_eq!(c.emails[0].labels, ["pref", "home"]);
    let phones: Vec<(&str, Vec<&str>)> = c
        .phones
        .iter()
        .map(|p| {
            (
                p.value.as_str(),
                p.labels.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        phones,
        [
            ("+4791234567", vec!["mobile"]),
            ("+4722112233", vec!["work"])
        ]
    );
    assert_eq!(c.addresses[0].locality, "Oslo");
    assert_eq!(c.addresses[0].labels, ["work"]);
    assert_eq!(c.organizations[0].department, "Logistics");
    assert_eq!(c.birthday.as_ref().unwrap().value, "1986-11-02");
    let notes: Vec<&str> = c.notes.iter().map(|n| n.value.as_str()).collect();
    assert_eq!(notes, ["Met at the Oslo logistics fair."]);
}

#[test]
fn windows_contact_people_dates_and_im_addresses_are_typed_values() {
    let out = common::run(&["fixtures/windows/contacts"]);
    let c = &out.contacts[0];
    // PersonCollection: the wab: label is the relation; the nil Person is nobody.
    assert_eq!(
        related(c),
        [
            ("Tor Solberg", vec!["spouse"]),
            ("Sigrid Solberg", vec!["child"]),
            ("Henrik Berge", vec!["manager"]),
            ("Liv Dahl", vec!["assistant"]),
        ]
    );
    // The date labelled wab:Anniversary, without its time of day.
    assert_eq!(c.anniversary.as_ref().unwrap().value, "2014-08-16");
    // IMAddressCollection: Protocol names the service; without one the address stays as written.
    assert_eq!(
        ims(c),
        [
            (
                "xmpp:ingrid.solberg@jabber.example.org",
                "xmpp",
                vec!["home", "pref"]
            ),
            ("skype:inga.solberg", "skype", vec!["work"]),
            ("ingrid-s@chat.example.net", "", vec![]),
        ]
    );
}

#[test]
fn a_fritzbox_phone_book_is_read_by_its_content() {
    let out = common::run(&["fixtures/fritzbox/phonebook"]);
    assert!(out.report.errors.is_empty(), "{:?}", out.report.errors);
    // Latin-1 as declared: no guess to warn about.
    assert!(out.report.warnings.is_empty(), "{:?}", out.report.warnings);
    assert_eq!(out.report.rejected.len(), 1, "the empty entry");
    let names: Vec<&str> = out.contacts.iter().map(|c| c.name.full.as_str()).collect();
    assert_eq!(names, ["Günther Krause", "Praxis Dr. Weber"]);
    let g = &out.contacts[0];
    assert_eq!(g.emails[0].labels, ["home"]);
    assert_eq!(g.phones[0].raw, "030 1234567");
    assert_eq!(g.phones[0].labels, ["home", "pref"]);
    assert!(g.photos.is_empty(), "the box's own file path is no photo");
    let groups: Vec<&str> = out.contacts[1]
        .groups
        .iter()
        .map(|x| x.value.as_str())
        .collect();
    assert_eq!(groups, ["Telefonbuch", "Important"]);
    assert_eq!(out.contacts[1].phones[1].labels, ["work", "fax"]);
    assert_eq!(out.contacts[0].sources[0].platform, Platform::Fritzbox);
}

#[test]
fn xml_address_books_are_found_inside_a_zip_under_any_name() {
    let dir = tempfile::tempdir().unwrap();
    let f = std::fs::File::create(dir.path().join("backup.zip")).unwrap();
    let mut z = zip::ZipWriter::new(f);
    for (name, path) in [
        (
            "box/export.xml",
            "fixtures/fritzbox/phonebook/phonebook.xml",
        ),
        (
            "Contacts/ingrid",
            "fixtures/windows/contacts/Ingrid Solberg.contact",
        ),
    ] {
        z.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        let data = std::fs::read(common::root().join(path)).unwrap();
        std::io::Write::write_all(&mut z, &data).unwrap();
    }
    z.finish().unwrap();
    let loaded = rolo::sources::load(
        &[dir.path().join("backup.zip").to_string_lossy().into_owned()],
        Default::default(),
    );
    let formats: Vec<&str> = loaded
        .report
        .files
        .iter()
        .map(|f| f.format.as_str())
        .collect();
    // Sorted by path: "Contacts/ingrid" before "box/export.xml".
    assert_eq!(formats, ["windows-contact", "fritzbox-phonebook"]);
    assert_eq!(loaded.records.len(), 3);
}

#[test]
fn a_google_atom_feed_gives_one_record_per_entry() {
    let out = common::run(&["fixtures/google/atom"]);
    assert!(out.report.errors.is_empty(), "{:?}", out.report.errors);
    let formats: Vec<&str> = out.report.files.iter().map(|f| f.format.as_str()).collect();
    assert_eq!(formats, ["google-atom"]);
    // The deleted entry is a rejection with its line, not a silent drop.
    assert_eq!(out.report.rejected.len(), 1);
    assert_eq!(out.report.rejected[0].location.line, Some(39));
    let priya = &out.contacts[0];
    assert_eq!(priya.name.nickname, "Pri");
    assert_eq!(priya.emails[0].labels, ["work", "pref"]);
    assert_eq!(priya.phones[1].labels, ["work", "fax"]);
    assert_eq!(priya.birthday.as_ref().unwrap().value, "--07-04");
    assert_eq!(
        priya.addresses[0].raw,
        "500 Pine St\nApt 3\nSeattle, WA 98101\nUSA"
    );
    let notes: Vec<&str> = priya.notes.iter().map(|n| n.value.as_str()).collect();
    assert_eq!(notes, ["Met at PyCon"]);
    // An entry with only a title is named by it.
    assert_eq!(out.contacts[1].name.full, "Tomasz Wójcik");
}

/// (value, service, labels) of each IM address; (value, labels) of each related person.
type Ims<'a> = Vec<(&'a str, &'a str, Vec<&'a str>)>;
type Relateds<'a> = Vec<(&'a str, Vec<&'a str>)>;

fn ims(c: &rolo::model::Contact) -> Ims<'_> {
    c.ims
        .iter()
        .map(|i| {
            (
                i.value.as_str(),
                i.service.as_str(),
                i.labels.iter().map(String::as_str).collect(),
            )
        })
        .collect()
}

fn related(c: &rolo::model::Contact) -> Relateds<'_> {
    c.related
        .iter()
        .map(|r| {
            (
                r.value.as_str(),
                r.labels.iter().map(String::as_str).collect(),
            )
        })
        .collect()
}

#[test]
fn google_atom_relations_ims_and_anniversaries_are_typed_values() {
    let out = common::run(&["fixtures/google/atom"]);
    let priya = &out.contacts[0];
    assert_eq!(
        ims(priya),
        vec![("skype:priya.raman", "skype", vec!["other"])]
    );
    assert_eq!(related(priya), [("Arjun Raman", vec!["spouse"])]);
    assert_eq!(priya.anniversary.as_ref().unwrap().value, "2012-11-20");

    let zofia = &out.contacts[2];
    assert_eq!(zofia.name.full, "Zofia Nowak");
    // The protocol URI's fragment is the service; one rolo does not know keeps its word.
    assert_eq!(
        ims(zofia),
        [
            (
                "xmpp:zofia@jabber.example.org",
                "xmpp",
                vec!["home", "pref"]
            ),
            ("xmpp:zofia.nowak@gmail.example", "googletalk", vec!["chat"]),
            ("zn-4471", "netmeeting", vec!["work"]),
        ]
    );
    // A rel word with its dash a space; a custom label as written, lower-cased.
    assert_eq!(
        related(zofia),
        [
            ("Ewa Zielińska", vec!["domestic partner"]),
            ("Halina Nowak", vec!["godmother"]),
        ]
    );
    // The event labelled Anniversary is the anniversary; the other events stay notes.
    assert_eq!(zofia.anniversary.as_ref().unwrap().value, "2019-06-08");
    let notes: Vec<&str> = zofia.notes.iter().map(|n| n.value.as_str()).collect();
    assert_eq!(notes, ["Other: 2020-02-01", "Name day: 2020-12-15"]);
}
