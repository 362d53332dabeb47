//! vCard, jCard and xCard: every flavour read, broken input reported, and rolo's own output read
//! back to the same contacts (the round trip).

mod common;

use common::{no_dedupe, run_with};

use rolo::model::Contact;
use rolo::sinks::{self, vcard, OutputFormat};
use rolo::vocab::profile::Service;
use std::collections::BTreeSet;
use std::path::Path;

fn by_name<'a>(contacts: &'a [Contact], full: &str) -> &'a Contact {
    contacts
        .iter()
        .find(|c| c.name.full == full)
        .unwrap_or_else(|| panic!("no contact named {full}"))
}

fn labels(l: &[String]) -> Vec<&str> {
    l.iter().map(|s| s.as_str()).collect()
}

/// Warnings from reading, leaving out normalisation's (phones without a country code, invalid
/// emails), which the samples are entitled to.
fn read_warnings(r: &rolo::report::Report) -> Vec<&rolo::report::Issue> {
    r.warnings
        .iter()
        .filter(|w| !w.reason.contains("phone number") && !w.reason.contains("invalid email"))
        .collect()
}

#[test]
fn every_public_sample_is_read_without_a_warning() {
    let out = common::run(&[&common::fixture("fixtures/vcard/samples")]);
    let r = &out.report;
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert!(read_warnings(r).is_empty(), "{:?}", read_warnings(r));
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    let per_file: Vec<(String, u64)> = r
        .files
        .iter()
        .map(|f| (f.file.clone(), f.records))
        .collect();
    let expect = [
        ("mangstadt__ez-vcard__John_Doe_ANDROID.vcf", 6),
        ("mangstadt__ez-vcard__John_Doe_GMAIL.vcf", 1),
        ("mangstadt__ez-vcard__John_Doe_IPHONE.vcf", 1),
        ("mangstadt__ez-vcard__John_Doe_MAC_ADDRESS_BOOK.vcf", 1),
        ("mangstadt__ez-vcard__gmail-list.vcf", 3),
        ("mangstadt__ez-vcard__jcard-example.json", 1),
        ("mangstadt__ez-vcard__rfc2426-example.vcf", 2),
        ("mangstadt__ez-vcard__rfc6350-example.vcf", 1),
        ("py-vobject__vobject__radicale-1587.vcf", 1),
    ];
    let expect: Vec<(String, u64)> = expect.iter().map(|(f, n)| (f.to_string(), *n)).collect();
    assert_eq!(per_file, expect);
    // The jCard and vCard versions of RFC 6350's example are the same person, merged.
    let simon = by_name(&out.contacts, "Simon Perreault");
    assert_eq!(simon.sources.len(), 2);
    assert_eq!(simon.birthday.as_ref().unwrap().value, "--02-03");
}

#[test]
fn apple_groups_labels_profiles_and_no_year_birthdays() {
    let out = common::run(&[&common::fixture("fixtures/vcard/apple")]);
    let maja = by_name(&out.contacts, "Maja Elin Lindqvist");
    let mails: Vec<(&str, Vec<&str>)> = maja
        .emails
        .iter()
        .map(|e| (e.value.as_str(), labels(&e.labels)))
        .collect();
    assert_eq!(
        mails,
        [
            ("maja@nordlys.example", vec!["pref", "work"]),
            ("maja.lindqvist@mail.example", vec!["home"]),
            ("majsan@club.example", vec!["book club"]),
        ]
    );
    assert_eq!(labels(&maja.phones[2].labels), ["home", "fax"]);
    assert_eq!(maja.birthday.as_ref().unwrap().value, "--03-14");
    assert_eq!(maja.organizations[0].department, "Research");
    assert_eq!(maja.profiles[0].handle, "maja-lindqvist");
    assert_eq!(
        labels(&maja.urls[0].labels),
        ["pref", "homepage"],
        "{:?}",
        maja.urls
    );
    assert!(maja.photos[0]
        .value
        .starts_with("data:image/png;base64,iVBOR"));
    // Apple's IM, related name and labelled date are an IM address, a related person and the
    // anniversary.
    assert_eq!(
        ims(maja),
        [("skype:maja.lindqvist", "skype", vec!["home", "pref"])]
    );
    assert_eq!(related(maja), [("Erik Lindqvist", vec!["pref", "spouse"])]);
    assert_eq!(maja.anniversary.as_ref().unwrap().value, "2015-06-20");
    // The company card has no person's name; the group card is no person at all.
    let bakery = out
        .contacts
        .iter()
        .find(|c| c.organizations.iter().any(|o| o.name == "Fjord Bakery"))
        .unwrap();
    assert!(bakery.name.is_empty());
    assert_eq!(out.report.rejected.len(), 1);
    assert!(out.report.rejected[0].reason.contains("contact group"));
    assert_eq!(out.report.rejected[0].location.line, Some(52));
}

#[test]
fn android_2_1_quoted_printable_charsets_and_bare_types() {
    let out = common::run(&[&common::fixture("fixtures/vcard/android-21")]);
    assert!(
        read_warnings(&out.report).is_empty(),
        "{:?}",
        out.report.warnings
    );
    let j = by_name(&out.contacts, "Jürgen Müller");
    assert_eq!(j.organizations[0].name, "Bäckerei Müller");
    assert_eq!(j.addresses[0].street, "Schönhauser Allee 80");
    assert_eq!(
        j.notes[0].value,
        "Nachbarin von oben. Gießt die Blumen, wenn wir verreist sind; Schlüssel liegt bei ihr."
    );
    assert_eq!(labels(&j.phones[0].labels), ["mobile", "pref"]);
    assert_eq!(labels(&j.phones[2].labels), ["work", "fax"]);
    assert_eq!(j.birthday.as_ref().unwrap().value, "1975-03-04");
    assert!(j.photos[0].value.starts_with("data:image/png;base64,"));
    // ISO-8859-1 quoted-printable, and raw Windows-1252 bytes with a declared charset.
    by_name(&out.contacts, "Åse Sørensen");
    by_name(&out.contacts, "Renée Dvorák");
    // A card with only an email is still a contact, at the line of its BEGIN.
    let only = out
        .contacts
        .iter()
        .find(|c| {
            c.emails
                .iter()
                .any(|e| e.value == "only.email@post.example")
        })
        .unwrap();
    assert!(only.name.is_empty());
    assert_eq!(only.sources[0].line, 27);
}

#[test]
fn rfc_6350_uri_phones_pref_and_caret_escapes() {
    let out = common::run(&[&common::fixture("fixtures/vcard/rfc6350")]);
    let a = by_name(&out.contacts, "Amélie Laurent");
    assert_eq!(a.phones[0].value, "+33612345678");
    assert_eq!(labels(&a.phones[0].labels), ["mobile", "pref"]);
    assert_eq!(labels(&a.emails[0].labels), ["work", "pref"]);
    // The caret-escaped line breaks of the LABEL parameter are kept.
    assert_eq!(a.addresses[0].raw, "12 rue des Lilas\n75011 Paris\nFrance");
    assert_eq!(a.name.nickname, "Ami, Lolo");
    assert_eq!(a.birthday.as_ref().unwrap().value, "--04-12");
    assert_eq!(out.report.rejected.len(), 1, "the KIND:group card");
}

#[test]
fn outlook_labels_become_raw_addresses() {
    let out = common::run(&[&common::fixture("fixtures/vcard/outlook")]);
    let c = by_name(&out.contacts, "Claire Dubois");
    assert_eq!(c.addresses.len(), 1);
    assert_eq!(c.addresses[0].locality, "Bruxelles");
    assert_eq!(
        c.addresses[0].raw,
        "Rue de la Loi 16\nBruxelles 1000\nBelgique"
    );
    assert_eq!(c.organizations[0].department, "Affaires européennes");
}

#[test]
fn broken_cards_are_warnings_with_their_lines_not_failures() {
    let out = common::run(&[&common::fixture("fixtures/vcard/broken")]);
    let r = &out.report;
    assert!(r.errors.is_empty());
    let warned: Vec<(u64, &str)> = r
        .warnings
        .iter()
        .map(|w| (w.location.line.unwrap_or(0), w.reason.as_str()))
        .collect();
    let lines: Vec<u64> = warned.iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, [1, 7, 10, 11, 24], "{warned:?}");
    assert!(warned[4].1.contains("not closed"));
    assert_eq!(r.rejected.len(), 1, "the empty card");
    let names: BTreeSet<&str> = out.contacts.iter().map(|c| c.name.full.as_str()).collect();
    let expect: BTreeSet<&str> = ["Grace Mensah", "Lars Berg", "Nadia Haddad", "Samuel Osei"]
        .into_iter()
        .collect();
    assert_eq!(names, expect);
}

#[test]
fn hostile_input_never_panics() {
    let dir = tempfile::tempdir().unwrap();
    let mut data = b"BEGIN:VCARD\r\nVERSION:2.1\r\n".to_vec();
    data.extend_from_slice(b"N;ENCODING=QUOTED-PRINTABLE;CHARSET=no-such:=ZZ=\r\n=\r\n");
    data.extend_from_slice(b"PHOTO;ENCODING=BASE64:");
    data.extend(std::iter::repeat_n(b'A', 1 << 20));
    data.extend_from_slice(b"\r\nTEL;;;;;=;=\"\":\r\nADR:;;;;;;;;;;;;;;;\r\n");
    data.extend_from_slice(b"BDAY:--99-99\r\nEMAIL;TYPE=\"unterminated:x@y\r\n");
    data.extend_from_slice(&[0xff, 0xfe, 0x00, b':', b'\r', b'\n']);
    for _ in 0..200 {
        data.extend_from_slice(b"AGENT:\r\nBEGIN:VCARD\r\n");
    }
    let path = dir.path().join("hostile.vcf");
    std::fs::write(&path, &data).unwrap();
    let out = common::run(&[path.to_str().unwrap()]);
    assert!(out.report.errors.is_empty(), "{:?}", out.report.errors);
    assert_eq!(out.report.files.len(), 1);
}

#[test]
fn google_takeout_is_found_in_folders_and_zips() {
    let folder = common::run(&[&common::fixture("fixtures/vcard/google-takeout")]);
    let dir = tempfile::tempdir().unwrap();
    let zip_path = dir.path().join("takeout-20250101T000000Z-001.zip");
    let mut z = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    let opts = zip::write::SimpleFileOptions::default();
    for label in ["Friends", "My Contacts"] {
        let rel = format!("Takeout/Contacts/{label}/{label}.vcf");
        z.start_file(rel.as_str(), opts).unwrap();
        let data = std::fs::read(
            common::root()
                .join("fixtures/vcard/google-takeout")
                .join(&rel),
        )
        .unwrap();
        std::io::Write::write_all(&mut z, &data).unwrap();
    }
    z.finish().unwrap();
    let zipped = common::run(&[zip_path.to_str().unwrap()]);
    let files: Vec<&str> = zipped
        .report
        .files
        .iter()
        .map(|f| f.file.as_str())
        .collect();
    assert_eq!(
        files,
        [
            "Takeout/Contacts/Friends/Friends.vcf",
            "Takeout/Contacts/My Contacts/My Contacts.vcf"
        ]
    );
    let strip = |o: &rolo::Outcome| -> Vec<(String, Vec<String>, usize)> {
        o.contacts
            .iter()
            .map(|c| {
                let mails = c.emails.iter().map(|e| e.value.clone()).collect();
                (c.name.full.clone(), mails, c.sources.len())
            })
            .collect()
    };
    assert_eq!(strip(&folder), strip(&zipped));
    // The person in two label files is one contact with both sources.
    let priya = by_name(&zipped.contacts, "Priya Raman");
    assert_eq!(priya.sources.len(), 2);
}

// ---------------------------------------------------------------------------------------------
// Round trip
// ---------------------------------------------------------------------------------------------

type Labelled = (String, Vec<String>);

/// Everything of a contact that vCard carries, as sorted sets.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Values {
    name: [String; 7],
    emails: Vec<Labelled>,
    phones: Vec<Labelled>,
    organizations: Vec<[String; 3]>,
    profiles: Vec<[String; 3]>,
    urls: Vec<Labelled>,
    addresses: Vec<([String; 6], Vec<String>)>,
    birthday: String,
    /// IM addresses: value, service, labels.
    ims: Vec<(String, String, Vec<String>)>,
    anniversary: String,
    related: Vec<Labelled>,
    /// Notes and events, as the single NOTE they are written to.
    note: String,
    /// Groups; for the original, the platforms too (they go out as categories).
    groups: Vec<String>,
    photos: Vec<String>,
}

fn sorted(mut l: Vec<String>) -> Vec<String> {
    l.sort();
    l.dedup();
    l
}

fn values(c: &Contact, original: bool) -> Values {
    let n = &c.name;
    let mut v = Values {
        name: [
            n.full.clone(),
            n.given.clone(),
            n.middle.clone(),
            n.family.clone(),
            n.prefix.clone(),
            n.suffix.clone(),
            n.nickname.clone(),
        ],
        emails: c
            .emails
            .iter()
            .map(|e| (e.value.clone(), sorted(e.labels.clone())))
            .collect(),
        phones: c
            .phones
            .iter()
            .map(|p| {
                let v = if p.value.is_empty() { &p.raw } else { &p.value };
                (v.clone(), sorted(p.labels.clone()))
            })
            .collect(),
        organizations: c
            .organizations
            .iter()
            .map(|o| [o.name.clone(), o.title.clone(), o.department.clone()])
            .collect(),
        // A profile known only by a service-internal id (a Telegram user id) has nothing a
        // vCard can carry: docs/formats/vcard.md says so.
        profiles: c
            .profiles
            .iter()
            .filter(|p| !(p.url.is_empty() && p.handle.is_empty()))
            .map(|p| [p.service.id().to_string(), p.url.clone(), p.handle.clone()])
            .collect(),
        urls: c
            .urls
            .iter()
            .map(|u| (u.value.clone(), sorted(u.labels.clone())))
            .collect(),
        addresses: c
            .addresses
            .iter()
            .map(|a| {
                (
                    [
                        a.street.clone(),
                        a.locality.clone(),
                        a.region.clone(),
                        a.postal_code.clone(),
                        a.country.clone(),
                        a.raw.clone(),
                    ],
                    sorted(a.labels.clone()),
                )
            })
            .collect(),
        birthday: c
            .birthday
            .as_ref()
            .map(|b| b.value.clone())
            .unwrap_or_default(),
        ims: c
            .ims
            .iter()
            .map(|i| (i.value.clone(), i.service.clone(), sorted(i.labels.clone())))
            .collect(),
        anniversary: c
            .anniversary
            .as_ref()
            .map(|a| a.value.clone())
            .unwrap_or_default(),
        related: c
            .related
            .iter()
            .map(|r| (r.value.clone(), sorted(r.labels.clone())))
            .collect(),
        // Read back from rolo's own card, the event lines of the NOTE are events again.
        note: vcard::note_text(c),
        groups: if original {
            vcard::categories(c)
        } else {
            sorted(c.groups.iter().map(|g| g.value.clone()).collect())
        },
        photos: c.photos.iter().map(|p| p.value.clone()).collect(),
    };
    v.emails.sort();
    v.phones.sort();
    v.organizations.sort();
    v.profiles.sort();
    v.urls.sort();
    v.addresses.sort();
    v.ims.sort();
    v.related.sort();
    v.photos.sort();
    v
}

/// Contacts made by hand with every kind of value vCard carries, normalised once (the round trip
/// normalises what it reads again, so the originals must be normal already).
fn hand_made() -> Vec<Contact> {
    use rolo::model::*;
    let src = |platform| SourceRef {
        input: "hand".into(),
        file: "hand".into(),
        line: 1,
        index: 0,
        platform,
        kind: Kind::Contact,
        prior_id: String::new(),
    };
    let mut a = Contact::from_source(src(Platform::Vcard));
    a.id = "r-000000000001".into();
    a.name = Name {
        given: "Zoë".into(),
        middle: "Q.".into(),
        family: "d'Arc; Smith".into(),
        prefix: "Dr.".into(),
        suffix: "Jr.".into(),
        nickname: "Zo, Z".into(),
        ..Name::default()
    };
    a.add_email("zoe@example.com", &["work", "pref", "Book club, north"]);
    a.add_email("zoe.home@example.com", &["other"]);
    a.add_phone("+1 415 555 0100", &["mobile", "pref"]);
    a.add_phone("+1 415 555 0101", &["main", "Cottage"]);
    a.add_phone("555-0199", &["fax", "home"]);
    a.add_organization("Acme, Inc.", "CTO");
    a.organizations[0].department = "R&D; Labs".into();
    a.add_organization("", "Volunteer");
    a.add_organization("Night School", "");
    a.add_profile(
        Service::Linkedin,
        "https://www.linkedin.com/in/zoe-darc",
        "",
    );
    a.add_url("https://zoe.example.com/blog?a=1,b=2", &["homepage"]);
    a.add_url("https://work.example.com", &["work", "Team page"]);
    a.addresses.push(Address {
        street: "1 Main St, Apt 2".into(),
        locality: "Springfield".into(),
        region: "IL".into(),
        postal_code: "62701".into(),
        country: "USA".into(),
        raw: "1 Main St, Apt 2, Springfield, IL 62701".into(),
        labels: vec!["home".into(), "pref".into()],
        sources: smallvec![0],
    });
    a.addresses.push(Address {
        raw: "c/o Ada; PO Box 7, Springfield".into(),
        labels: vec!["summer house".into()],
        sources: smallvec![0],
        ..Address::default()
    });
    a.birthday = Some(Text {
        value: "--02-29".into(),
        sources: smallvec![0],
    });
    a.add_im("zoe@example.org", "Jabber", &["home", "pref"]);
    a.add_im("sip:zoe@example.com", "", &["work"]);
    a.add_im("zoe.darc", "skype", &[]);
    a.add_im("zoe_g", "Google Talk", &[]);
    a.add_im("x-apple:ZOE-1234", "Threema", &["Night shift"]);
    a.add_im("zoe@chat.example", "", &[]);
    a.anniversary = Some(Text {
        value: "2010-06-12".into(),
        sources: smallvec![0],
    });
    a.add_related("Erik d'Arc; Smith, Jr.", &["spouse", "pref"]);
    a.add_related("Sofia Berg", &["manager"]);
    a.add_related("Nils Ek", &["assistant", "friend"]);
    a.add_related("Obi", &["godfather"]);
    a.add_related("Kim Lee", &["domestic partner"]);
    a.add_related("urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6", &["child"]);
    a.add_related("Pat", &[]);
    a.add_note("Line one; with, specials \\ and \"quotes\"\nLine two ^ caret");
    a.add_event("connected", "2023-03-15", "linkedin");
    a.add_group("Friends, close");
    a.add_group("Chess");
    a.photos.push(Text {
        value: "data:image/png;base64,iVBORw0KGgo=".into(),
        sources: smallvec![0],
    });
    a.photos.push(Text {
        value: "https://example.com/p/zoe.jpg".into(),
        sources: smallvec![0],
    });
    let mut b = Contact::from_source(src(Platform::Linkedin));
    b.id = "r-000000000002".into();
    b.name.nickname = "Shadow".into();
    b.add_email("shadow@example.com", &[]);
    b.birthday = Some(Text {
        value: "1980-07".into(),
        sources: smallvec![0],
    });
    b.anniversary = Some(Text {
        value: "--02-29".into(),
        sources: smallvec![0],
    });
    let mut c = Contact::from_source(src(Platform::Google));
    c.id = "r-000000000003".into();
    c.anniversary = Some(Text {
        value: "the first snow".into(),
        sources: smallvec![0],
    });
    c.add_organization("Fjord Bakery", "");
    c.add_phone("+47 22 55 01 00", &["work"]);
    c.birthday = Some(Text {
        value: "sometime in spring".into(),
        sources: smallvec![0],
    });
    let mut d = Contact::from_source(src(Platform::Vcard));
    d.id = "r-000000000004".into();
    d.add_email("only@example.com", &[]);
    d.name.given = "Ünïcødé 名前".into();
    let mut all = vec![a, b, c, d];
    let mut warnings = Vec::new();
    for c in &mut all {
        rolo::normalize::record::normalize(c, &Default::default(), &mut warnings);
    }
    all
}

fn round_trip(format: OutputFormat, file: &str) {
    let mut original = common::run(&["fixtures/demo", "fixtures/vcard", "fixtures/xcard"]);
    assert!(original.contacts.len() > 40);
    original.contacts.extend(hand_made());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(file);
    let mut bytes = Vec::new();
    sinks::write(format, &original.contacts, &mut bytes).unwrap();
    std::fs::write(&path, &bytes).unwrap();
    let back = run_with(&[path.to_str().unwrap()], &no_dedupe());
    let r = &back.report;
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    assert!(read_warnings(r).is_empty(), "{:?}", read_warnings(r));
    let mut want: Vec<Values> = original.contacts.iter().map(|c| values(c, true)).collect();
    let mut got: Vec<Values> = back.contacts.iter().map(|c| values(c, false)).collect();
    want.sort();
    got.sort();
    assert_eq!(want.len(), got.len());
    for (w, g) in want.iter().zip(&got) {
        assert_eq!(w, g, "{format:?}: a contact changed in the round trip");
    }
}

#[test]
fn vcard3_round_trip_keeps_every_value() {
    round_trip(OutputFormat::Vcard, "out.vcf");
}

#[test]
fn vcard4_round_trip_keeps_every_value() {
    round_trip(OutputFormat::Vcard4, "out.vcf");
}

#[test]
fn xcard_round_trip_keeps_every_value() {
    round_trip(OutputFormat::Xcard, "out.xml");
}

#[test]
fn xml_output_is_xcard() {
    assert_eq!(
        OutputFormat::from_path("out.xml"),
        Some(OutputFormat::Xcard)
    );
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("contacts.xml");
    assert_cmd::Command::cargo_bin("rolo")
        .unwrap()
        .current_dir(common::root())
        .args(["merge", "fixtures/vcard/apple", "-q", "-o"])
        .arg(&out)
        .assert()
        .success();
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<vcards xmlns=\"urn:ietf:params:xml:ns:vcard-4.0\">"));
    assert_eq!(text.matches("<vcard>").count(), 3);
    assert!(Path::new(&out).exists());
}

/// A contact's related people as (name, relations), its IM addresses as (URI, service, labels).
fn related(c: &Contact) -> Vec<(&str, Vec<&str>)> {
    c.related
        .iter()
        .map(|r| (r.value.as_str(), labels(&r.labels)))
        .collect()
}

fn ims(c: &Contact) -> Vec<(&str, &str, Vec<&str>)> {
    c.ims
        .iter()
        .map(|i| (i.value.as_str(), i.service.as_str(), labels(&i.labels)))
        .collect()
}

fn notes(c: &Contact) -> Vec<&str> {
    c.notes.iter().map(|n| n.value.as_str()).collect()
}

#[test]
fn android_custom_relations_events_and_ims_are_typed_values() {
    let out = common::run(&[&common::fixture("fixtures/vcard/vendor-fields")]);
    assert!(out.report.warnings.is_empty(), "{:?}", out.report.warnings);
    let chidi = by_name(&out.contacts, "Chidi Okafor");
    assert_eq!(chidi.name.nickname, "Chi");
    assert_eq!(
        related(chidi),
        [
            ("Amaka Okafor", vec!["spouse"]),
            ("Obi", vec!["godfather"]),
            ("Ada Okafor", vec!["mother"]),
            ("Tunde Bello", vec!["manager"]),
        ]
    );
    assert_eq!(chidi.anniversary.as_ref().unwrap().value, "2012-09-15");
    assert_eq!(chidi.birthday.as_ref().unwrap().value, "1984-03-02");
    assert_eq!(
        ims(chidi),
        [
            ("sip:chidi@example.com", "sip", vec!["home"]),
            ("skype:chidi.okafor", "skype", vec![]),
            ("xmpp:chidi@chat.example.com", "googletalk", vec!["work"]),
        ]
    );
    // An event of no type rolo has a field for stays a note under its label.
    assert_eq!(notes(chidi), ["First met: 2019-01-07"]);
}

#[test]
fn outlook_x_ms_fields_are_related_people_an_im_and_an_anniversary() {
    let out = common::run(&[&common::fixture("fixtures/vcard/vendor-fields")]);
    let maja = by_name(&out.contacts, "Maja Lindgren");
    assert_eq!(
        related(maja),
        [
            ("Erik Lindgren", vec!["spouse"]),
            ("Sofia Berg", vec!["manager"]),
            ("Nils Ek", vec!["assistant"]),
        ]
    );
    // Outlook names no service: the address is kept as written.
    assert_eq!(ims(maja), [("maja@example.org", "", vec![])]);
    assert_eq!(maja.anniversary.as_ref().unwrap().value, "2010-06-12");
    assert!(maja.notes.is_empty(), "{:?}", maja.notes);
}

#[test]
fn evolution_fields_are_related_people_ims_and_an_anniversary() {
    let out = common::run(&[&common::fixture("fixtures/vcard/vendor-fields")]);
    let luc = by_name(&out.contacts, "Luc Moreau");
    assert_eq!(
        related(luc),
        [
            ("Anne Moreau", vec!["spouse"]),
            ("Paul Girard", vec!["manager"]),
            ("Chloé Roux", vec!["assistant"]),
        ]
    );
    assert_eq!(
        ims(luc),
        [
            ("xmpp:luc@jabber.example.org", "xmpp", vec!["home"]),
            ("aim:lucmoreau", "aim", vec!["work"]),
        ]
    );
    assert_eq!(luc.anniversary.as_ref().unwrap().value, "2005-05-21");
    assert!(luc.notes.is_empty(), "{:?}", luc.notes);
    assert_eq!(luc.urls[0].value, "https://blog.example.org/luc");
}

#[test]
fn vcard4_related_impp_and_anniversary_are_read() {
    let out = common::run(&[&common::fixture("fixtures/vcard/vendor-fields")]);
    let ingeborg = by_name(&out.contacts, "Ingeborg Quist");
    assert_eq!(
        related(ingeborg),
        [
            ("Sami Quist", vec!["spouse"]),
            (
                "urn:uuid:8a2f4c1e-0d3b-4e5f-9a6b-7c8d9e0f1a2b",
                vec!["child"]
            ),
            ("Rana Aziz", vec!["co-worker", "friend"]),
        ]
    );
    assert_eq!(
        ims(ingeborg),
        [
            ("xmpp:ingeborg@example.org", "xmpp", vec!["pref"]),
            ("ABCD1234", "threema", vec![]),
        ]
    );
    assert_eq!(ingeborg.anniversary.as_ref().unwrap().value, "--11-04");
}

/// `rolo merge INPUT... -q ARGS` through the binary: its standard output.
fn rolo_out(inputs: &[&Path], args: &[&str]) -> String {
    let out = assert_cmd::Command::cargo_bin("rolo")
        .unwrap()
        .arg("merge")
        .args(inputs)
        .arg("-q")
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn name_parts_kept_only_in_an_alias_go_out_in_vcard_and_read_back() {
    // One person in two address books: the shown name keeps the first card's prefix, middle name
    // and suffix; the second card's (Prof., Louise, MD) live only in its alias. Both nicknames
    // are kept.
    let dir = tempfile::tempdir().unwrap();
    for (file, full, n, nick) in [
        (
            "a.vcf",
            "Dr. Anna Maria Berg PhD",
            "Berg;Anna;Maria;Dr.;PhD",
            "Annie",
        ),
        (
            "b.vcf",
            "Prof. Anna Louise Berg MD",
            "Berg;Anna;Louise;Prof.;MD",
            "Nan",
        ),
    ] {
        let card = format!(
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{full}\r\nN:{n}\r\nNICKNAME:{nick}\r\nEMAIL:anna.berg@example.org\r\nEND:VCARD\r\n"
        );
        std::fs::write(dir.path().join(file), card).unwrap();
    }
    let books = [dir.path().join("a.vcf"), dir.path().join("b.vcf")];
    let books: Vec<&Path> = books.iter().map(|p| p.as_path()).collect();
    let merged: serde_json::Value =
        serde_json::from_str(&rolo_out(&books, &["--to", "json"])).unwrap();
    let name_and_aliases = |contacts: &serde_json::Value| {
        let c = &contacts.as_array().unwrap()[0];
        let aliases: Vec<String> = c["aliases"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["value"].as_str().unwrap().to_string())
            .collect();
        (c["name"].clone(), aliases)
    };
    let (name, aliases) = name_and_aliases(&merged);
    assert_eq!(merged.as_array().unwrap().len(), 1);
    assert_eq!(name["prefix"], "Dr.");
    assert_eq!(name["nickname"], "Annie, Nan");
    assert_eq!(aliases, ["Prof. Anna Louise Berg, MD"]);

    for (format, alias_line) in [
        ("vcard", "\r\nX-ROLO-ALIAS:Prof. Anna Louise Berg\\, MD\r\n"),
        ("vcard4", "\r\nFN:Prof. Anna Louise Berg\\, MD\r\n"),
        // xCard: a second fn element, as in vCard 4.0.
        (
            "xcard",
            "<fn>\n      <text>Prof. Anna Louise Berg, MD</text>",
        ),
    ] {
        let written = rolo_out(&books, &["--to", format]);
        assert!(
            written.contains(alias_line),
            "{format}: no {alias_line:?} in\n{written}"
        );
        // The shown name stays the first FN: the alias never displaces it.
        let first_fn = written
            .find("FN:Anna Maria Berg")
            .or(written.find("<text>Anna Maria Berg"));
        let alias_at = written.find("Prof. Anna").unwrap();
        assert!(
            first_fn.is_some_and(|f| f < alias_at),
            "{format}:\n{written}"
        );
        // Read back: the same name, nicknames and alias.
        let file = dir.path().join(format!("out.{format}"));
        std::fs::write(&file, &written).unwrap();
        let again: serde_json::Value =
            serde_json::from_str(&rolo_out(&[file.as_path()], &["--to", "json"])).unwrap();
        assert_eq!(
            name_and_aliases(&again),
            (name.clone(), aliases.clone()),
            "{format}"
        );
    }
}

#[test]
fn a_social_profile_on_an_unknown_service_keeps_its_word_through_json_and_back() {
    // A service rolo has no rules for: its TYPE word is the profile's service in JSON, and
    // rolo's JSON read back writes the same X-SOCIALPROFILE line.
    let dir = tempfile::tempdir().unwrap();
    let line = "X-SOCIALPROFILE;TYPE=somethingnew;X-USER=janedoe:x-apple:janedoe";
    let card = format!(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jane Doe\r\nN:Doe;Jane;;;\r\n{line}\r\nEND:VCARD\r\n"
    );
    let vcf = dir.path().join("in.vcf");
    std::fs::write(&vcf, card).unwrap();

    let json = rolo_out(&[&vcf], &["--to", "json"]);
    let contacts: serde_json::Value = serde_json::from_str(&json).unwrap();
    let profiles = &contacts[0]["profiles"];
    assert_eq!(profiles.as_array().unwrap().len(), 1, "{json}");
    assert_eq!(profiles[0]["service"], "somethingnew");
    assert_eq!(profiles[0]["handle"], "janedoe");

    let json_file = dir.path().join("out.json");
    std::fs::write(&json_file, &json).unwrap();
    let again: serde_json::Value =
        serde_json::from_str(&rolo_out(&[&json_file], &["--to", "json"])).unwrap();
    assert_eq!(&again[0]["profiles"], profiles, "read back: {again}");
    let written = rolo_out(&[&json_file], &["--to", "vcard"]);
    assert!(
        written.contains(&format!("\r\n{line}\r\n")),
        "no {line:?} in\n{written}"
    );
}

/// A large address book is parsed in parallel chunks of cards: records, warnings and
/// rejections must come out as one pass over the file gives them, records numbered in order.
#[test]
fn a_large_book_reads_as_one_pass() {
    let mut book = String::new();
    let (mut broken, mut empty) = (Vec::new(), 0);
    for i in 0..1_300 {
        book.push_str("BEGIN:VCARD\r\nVERSION:3.0\r\n");
        if i % 211 == 5 {
            empty += 1;
        } else {
            book.push_str(&format!("FN:Person {i}\r\nEMAIL:p{i}@example.org\r\n"));
            if i % 97 == 3 {
                broken.push(book.matches("\r\n").count() as u64 + 1);
                book.push_str("this line has no colon\r\n");
            }
        }
        book.push_str("END:VCARD\r\n");
    }
    let loaded = rolo::sources::read_bytes("book.vcf", book.as_bytes());
    let records = &loaded.records;
    assert_eq!(records.len(), 1_300 - empty);
    for (i, r) in records.iter().enumerate() {
        let s = r.source().expect("a source");
        assert_eq!(s.index, i as u64, "record {i} numbered in file order");
    }
    let lines: Vec<u64> = records
        .iter()
        .filter_map(|r| r.source())
        .map(|s| s.line)
        .collect();
    assert!(
        lines.windows(2).all(|w| w[0] < w[1]),
        "records in card order"
    );
    // Four empty cards (5, 216, 427, 638) come before the 701st record.
    assert_eq!(
        records.get(700).map(|r| r.name.full.as_str()),
        Some("Person 704")
    );
    let warned: Vec<u64> = loaded
        .report
        .warnings
        .iter()
        .filter_map(|w| w.location.line)
        .collect();
    assert_eq!(warned, broken);
    assert_eq!(loaded.report.rejected.len(), empty);
}
