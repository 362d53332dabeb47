//! Related people, instant-messaging addresses and anniversaries: read from every shape that
//! carries them (Outlook and Google CSV, Thunderbird's screen name; the vCard shapes are in
//! `tests/vcard.rs`), written to every output and read back the same, and merged without losing
//! a value.

mod common;

use common::{no_dedupe, run_with};

use rolo::model::{smallvec, Contact, Kind, Platform, SourceRef, Text};
use rolo::sinks::{self, OutputFormat};

fn by_given<'a>(contacts: &'a [Contact], given: &str) -> &'a Contact {
    contacts
        .iter()
        .find(|c| c.name.given == given)
        .unwrap_or_else(|| panic!("no contact {given}"))
}

fn related(c: &Contact) -> Vec<(String, Vec<String>)> {
    c.related
        .iter()
        .map(|r| (r.value.clone(), r.labels.clone()))
        .collect()
}

fn ims(c: &Contact) -> Vec<(String, String, Vec<String>)> {
    c.ims
        .iter()
        .map(|i| (i.value.clone(), i.service.clone(), i.labels.clone()))
        .collect()
}

fn anniversary(c: &Contact) -> Option<&str> {
    c.anniversary.as_ref().map(|a| a.value.as_str())
}

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

#[test]
fn outlook_csv_spouse_manager_assistant_anniversary_and_im_are_typed() {
    let out = run_with(&["fixtures/outlook/people"], &no_dedupe());
    assert!(out.report.warnings.is_empty(), "{:?}", out.report.warnings);
    let hanne = by_given(&out.contacts, "Hanne");
    assert_eq!(
        related(hanne),
        [
            ("Ole Vik".to_string(), s(&["manager"])),
            ("Siv Lund".to_string(), s(&["assistant"])),
            ("Tor Berg".to_string(), s(&["spouse"])),
        ]
    );
    // The file's slashed dates are month first (14 is no month), the anniversary's too.
    assert_eq!(anniversary(hanne), Some("2012-09-14"));
    assert_eq!(hanne.birthday.as_ref().unwrap().value, "1986-03-02");
    assert_eq!(
        ims(hanne),
        [("hanne@chat.example.com".into(), String::new(), vec![])]
    );
    assert!(hanne.notes.is_empty(), "{:?}", hanne.notes);
    let tor = by_given(&out.contacts, "Tor");
    assert_eq!(related(tor), [("Hanne Berg".to_string(), s(&["spouse"]))]);
    assert!(tor.birthday.is_none(), "0/0/00 is Outlook's empty date");
}

#[test]
fn outlook_csv_placeholder_anniversary_is_no_anniversary() {
    let out = run_with(&["fixtures/outlook/live"], &no_dedupe());
    let arvid = by_given(&out.contacts, "Arvid");
    assert_eq!(anniversary(arvid), None);
    assert_eq!(
        related(arvid),
        [
            ("Kari Dahl".to_string(), s(&["manager"])),
            ("Ingrid Solberg".to_string(), s(&["spouse"])),
        ]
    );
    assert!(!arvid.notes.iter().any(|n| n.value.contains("IMAddress")));
}

#[test]
fn thunderbird_screen_name_is_an_aim_address() {
    let out = run_with(&["fixtures/outlook/thunderbird"], &no_dedupe());
    let mara = by_given(&out.contacts, "Mara");
    assert_eq!(ims(mara), [("aim:mara_i".into(), "aim".into(), vec![])]);
    assert!(!mara.notes.iter().any(|n| n.value.contains("mara_i")));
}

#[test]
fn google_csv_relations_im_and_anniversary_event_are_typed() {
    let out = run_with(&["fixtures/google/current"], &no_dedupe());
    let ines = by_given(&out.contacts, "Ines");
    assert_eq!(
        related(ines),
        [("Sam Lindqvist".to_string(), s(&["spouse"]))]
    );
    assert_eq!(
        ims(ines),
        [("skype:ines.ol".into(), "skype".into(), s(&["work"]))]
    );
    assert_eq!(anniversary(ines), Some("2015-06-20"));
}

/// One contact with every shape of the three value kinds, normalised as a read record is.
fn hand_made() -> Vec<Contact> {
    let src = SourceRef {
        input: "hand".into(),
        file: "hand".into(),
        line: 1,
        index: 0,
        platform: Platform::Vcard,
        kind: Kind::Contact,
        prior_id: String::new(),
    };
    let mut a = Contact::from_source(src.clone());
    a.id = "r-0000000000a1".into();
    a.name.given = "Hanne".into();
    a.name.family = "Berg".into();
    a.add_email("hanne.berg@example.com", &[]);
    a.add_im("hanne@example.org", "Jabber", &["home", "pref"]);
    a.add_im("sip:hanne@example.com", "", &["work"]);
    a.add_im("hanne.b", "Skype", &[]);
    a.add_im("hanne_g", "Google Talk", &[]);
    a.add_im("x-apple:HB-42", "Threema", &["night shift"]);
    a.add_im("hanne@chat.example.com", "", &[]);
    a.add_related("Tor Berg; Jr., the 2nd", &["spouse", "pref"]);
    a.add_related("Ole Vik", &["manager"]);
    a.add_related("Siv Lund", &["assistant", "friend"]);
    a.add_related("Obi", &["godfather"]);
    a.add_related("Kim Lee", &["domestic partner"]);
    a.add_related("urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6", &["child"]);
    a.add_related("Pat", &[]);
    a.anniversary = Some(Text {
        value: "2012-09-14".into(),
        sources: smallvec![0],
    });
    let mut b = Contact::from_source(src);
    b.id = "r-0000000000a2".into();
    b.name.given = "Tor".into();
    b.add_email("tor@example.org", &[]);
    b.anniversary = Some(Text {
        value: "--09-14".into(),
        sources: smallvec![0],
    });
    let mut all = vec![a, b];
    let mut warnings = Vec::new();
    for c in &mut all {
        rolo::normalize::record::normalize(c, &Default::default(), &mut warnings);
    }
    assert!(warnings.is_empty(), "{warnings:?}");
    all
}

type Kept = (
    Vec<(String, String, Vec<String>)>,
    Vec<(String, Vec<String>)>,
    Option<String>,
);

/// The three value kinds of a contact, labels sorted (a format may list them in another order).
fn kept(c: &Contact) -> Kept {
    let sorted = |mut l: Vec<String>| {
        l.sort();
        l
    };
    let mut i: Vec<_> = ims(c)
        .into_iter()
        .map(|(v, s, l)| (v, s, sorted(l)))
        .collect();
    let mut r: Vec<_> = related(c)
        .into_iter()
        .map(|(v, l)| (v, sorted(l)))
        .collect();
    i.sort();
    r.sort();
    (i, r, anniversary(c).map(str::to_string))
}

fn round_trip(format: OutputFormat, file: &str) -> String {
    let original = hand_made();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(file);
    let mut bytes = Vec::new();
    sinks::write(format, &original, &mut bytes).unwrap();
    std::fs::write(&path, &bytes).unwrap();
    let back = run_with(&[path.to_str().unwrap()], &no_dedupe());
    assert!(
        back.report.rejected.is_empty(),
        "{:?}",
        back.report.rejected
    );
    assert!(
        back.report.warnings.is_empty(),
        "{:?}",
        back.report.warnings
    );
    assert_eq!(back.contacts.len(), original.len());
    for o in &original {
        let b = by_given(&back.contacts, &o.name.given);
        assert_eq!(kept(b), kept(o), "{format:?}");
        assert!(
            b.notes.is_empty(),
            "{format:?}: nothing becomes a note: {:?}",
            b.notes
        );
    }
    String::from_utf8(bytes).unwrap()
}

#[test]
fn vcard3_writes_apple_related_names_impp_and_anniversary_dates_and_reads_them_back() {
    let text = round_trip(OutputFormat::Vcard, "out.vcf");
    assert!(text.contains("X-ABRELATEDNAMES;TYPE=PREF:Tor Berg\\; Jr.\\, the 2nd\r\n"));
    assert!(text.contains("X-ABLabel:_$!<Spouse>!$_\r\n"));
    assert!(text.contains("X-ABLabel:godfather\r\n"));
    assert!(text.contains("IMPP;TYPE=HOME,PREF;X-SERVICE-TYPE=Jabber:xmpp:hanne@example.org\r\n"));
    assert!(text.contains("IMPP;X-SERVICE-TYPE=\"Google Talk\":xmpp:hanne_g\r\n"));
    assert!(text.contains("IMPP:x-apple:hanne@chat.example.com\r\n"));
    assert!(text.contains("X-ABDATE:2012-09-14\r\n"));
    assert!(text.contains("X-ABDATE;X-APPLE-OMIT-YEAR=1604:1604-09-14\r\n"));
    assert!(text.contains("X-ABLabel:_$!<Anniversary>!$_\r\n"));
}

#[test]
fn vcard4_writes_related_impp_and_anniversary_and_reads_them_back() {
    let text = round_trip(OutputFormat::Vcard4, "out.vcf");
    assert!(text.contains("RELATED;TYPE=spouse;PREF=1;VALUE=text:Tor Berg\\; Jr.\\, the 2nd\r\n"));
    assert!(text.contains("RELATED;TYPE=manager;VALUE=text:Ole Vik\r\n"));
    assert!(text.contains("RELATED;TYPE=child:urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6\r\n"));
    assert!(text.contains("IMPP;SERVICE-TYPE=Skype:skype:hanne.b\r\n"));
    assert!(text.contains("ANNIVERSARY:20120914\r\n"));
    assert!(text.contains("ANNIVERSARY:--0914\r\n"));
}

#[test]
fn xcard_json_and_jsonl_carry_related_ims_and_anniversaries() {
    let xml = round_trip(OutputFormat::Xcard, "out.xml");
    assert!(xml.contains("<related>"), "{xml}");
    assert!(xml.contains("<anniversary>"), "{xml}");
    let json = round_trip(OutputFormat::Json, "out.json");
    assert!(json.contains("\"related\": ["), "{json}");
    round_trip(OutputFormat::Jsonl, "out.jsonl");
}

#[test]
fn google_csv_writes_relation_event_and_im_groups_and_reads_them_back() {
    let text = round_trip(OutputFormat::Csv, "out.csv");
    let header = text.lines().next().unwrap();
    for column in [
        "Relation 1 - Label",
        "Relation 1 - Value",
        "Event 1 - Label",
        "Event 1 - Value",
        "IM 1 - Label",
        "IM 1 - Service",
        "IM 1 - Value",
    ] {
        assert!(header.contains(column), "{column} not in {header}");
    }
    assert!(text.contains("* Spouse,"), "{text}");
    assert!(text.contains("Anniversary,2012-09-14"), "{text}");
    assert!(text.contains("Google Talk,hanne_g"), "{text}");
}

const CARD_A: &str = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Hanne Berg\r\nN:Berg;Hanne;;;\r\n\
EMAIL:hanne.berg@example.com\r\nRELATED;TYPE=spouse;VALUE=text:Tor Berg\r\n\
IMPP;TYPE=home:xmpp:hanne@example.org\r\nANNIVERSARY:20120914\r\nEND:VCARD\r\n";

const CARD_B: &str = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Hanne Berg\r\nN:Berg;Hanne;;;\r\n\
EMAIL:hanne.berg@example.com\r\nX-MS-SPOUSE:Tor Berg\r\nitem1.X-ABRELATEDNAMES:Tor Berg\r\n\
item1.X-ABLabel:_$!<Partner>!$_\r\nX-MS-MANAGER:Ole Vik\r\n\
X-JABBER;TYPE=WORK:hanne@example.org\r\nX-SKYPE:hanne.b\r\nX-MS-ANNIVERSARY:20120914\r\n\
END:VCARD\r\n";

const CARD_C: &str = "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Hanne Berg\r\nN:Berg;Hanne;;;\r\n\
EMAIL;INTERNET:hanne.berg@example.com\r\nX-MS-ANNIVERSARY:20130101\r\nEND:VCARD\r\n";

#[test]
fn merged_records_keep_each_related_person_and_im_once_with_every_label_and_source() {
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for (name, card) in [("a.vcf", CARD_A), ("b.vcf", CARD_B), ("c.vcf", CARD_C)] {
        let p = dir.path().join(name);
        std::fs::write(&p, card).unwrap();
        paths.push(p.to_str().unwrap().to_string());
    }
    let forward: Vec<&str> = paths.iter().map(String::as_str).collect();
    let backward: Vec<&str> = forward.iter().rev().copied().collect();
    let out = run_with(&forward, &rolo::Options::default());
    assert_eq!(out.contacts.len(), 1, "the three cards are one person");
    let hanne = &out.contacts[0];
    assert_eq!(hanne.sources.len(), 3);
    let file = |i: usize| hanne.sources[i].file.to_string();
    let from = |sources: &[usize]| {
        let mut f: Vec<String> = sources.iter().map(|i| file(*i)).collect();
        f.sort();
        f
    };
    // The same person from two cards is one value with both relations and both sources.
    assert_eq!(hanne.related.len(), 2, "{:?}", hanne.related);
    let tor = &hanne.related[0];
    assert_eq!(tor.value, "Tor Berg");
    assert_eq!(tor.labels, ["spouse", "partner"]);
    assert_eq!(from(&tor.sources), ["a.vcf", "b.vcf"]);
    assert_eq!(related(hanne)[1], ("Ole Vik".to_string(), s(&["manager"])));
    // The same address under two spellings (IMPP, X-JABBER) is one, with both labels.
    assert_eq!(
        ims(hanne),
        [
            (
                "xmpp:hanne@example.org".into(),
                "xmpp".into(),
                s(&["home", "work"])
            ),
            ("skype:hanne.b".into(), "skype".into(), vec![]),
        ]
    );
    assert_eq!(from(&hanne.ims[0].sources), ["a.vcf", "b.vcf"]);
    // One anniversary from two cards; the third card's other date is kept, as a note.
    let a = hanne.anniversary.as_ref().unwrap();
    assert_eq!(a.value, "2012-09-14");
    assert_eq!(from(&a.sources), ["a.vcf", "b.vcf"]);
    let other: Vec<&Text> = hanne
        .notes
        .iter()
        .filter(|n| n.value == "Other anniversary: 2013-01-01")
        .collect();
    assert_eq!(other.len(), 1, "{:?}", hanne.notes);
    assert_eq!(from(&other[0].sources), ["c.vcf"]);
    // The inputs in another order give the same contact.
    let again = run_with(&backward, &rolo::Options::default());
    let json = |c: &[Contact]| {
        let mut v = Vec::new();
        sinks::write(OutputFormat::Jsonl, c, &mut v).unwrap();
        String::from_utf8(v).unwrap()
    };
    let strip = |s: String| s.replace(dir.path().to_str().unwrap(), "");
    assert_eq!(strip(json(&again.contacts)), strip(json(&out.contacts)));
}
