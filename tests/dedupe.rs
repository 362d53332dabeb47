//! Dedupe behaviour: constraints and the cases SPEC §5 names.

use rolo::dedupe::{dedupe, DedupeOptions};
use rolo::model::{Contact, Kind, Platform, SourceRef};
use rolo::normalize::record::{normalize, NormOptions};
use rolo::vocab::profile::Service;

fn rec(
    file: &str,
    index: u64,
    platform: Platform,
    kind: Kind,
    given: &str,
    family: &str,
) -> Contact {
    let mut c = Contact::from_source(SourceRef {
        input: "in".into(),
        file: file.into(),
        line: index + 2,
        index,
        platform,
        kind,
        prior_id: String::new(),
    });
    c.name.given = given.into();
    c.name.family = family.into();
    c
}

/// A Facebook friend, a Google contact, a phone (vCard) contact, a LinkedIn connection: row
/// `index` of the file each platform writes them to.
fn friend(index: u64, given: &str, family: &str) -> Contact {
    rec(
        "your_friends.json",
        index,
        Platform::Facebook,
        Kind::Friend,
        given,
        family,
    )
}

fn google(index: u64, given: &str, family: &str) -> Contact {
    rec(
        "contacts.csv",
        index,
        Platform::Google,
        Kind::Contact,
        given,
        family,
    )
}

fn phone(index: u64, given: &str, family: &str) -> Contact {
    rec(
        "contacts.vcf",
        index,
        Platform::Vcard,
        Kind::Contact,
        given,
        family,
    )
}

/// A nameless Instagram follower known by `handle` alone.
fn follower(handle: &str) -> Contact {
    let mut c = rec(
        "followers_1.json",
        0,
        Platform::Instagram,
        Kind::Follower,
        "",
        "",
    );
    c.add_profile(
        Service::Instagram,
        &format!("https://www.instagram.com/{handle}"),
        handle,
    );
    c
}

fn connection(index: u64, given: &str, family: &str) -> Contact {
    rec(
        "Connections.csv",
        index,
        Platform::Linkedin,
        Kind::Connection,
        given,
        family,
    )
}

fn run(mut records: Vec<Contact>) -> Vec<Contact> {
    let mut warnings = Vec::new();
    for r in &mut records {
        normalize(r, &NormOptions::default(), &mut warnings);
    }
    records.sort_by(|a, b| a.sources.cmp(&b.sources));
    dedupe(records, &DedupeOptions::default(), &rolo::progress::Silent).contacts
}

fn together(contacts: &[Contact], a: (&str, u64), b: (&str, u64)) -> bool {
    contacts.iter().any(|c| {
        c.sources.iter().any(|s| *s.file == *a.0 && s.index == a.1)
            && c.sources.iter().any(|s| *s.file == *b.0 && s.index == b.1)
    })
}

#[test]
fn two_same_name_connections_stay_apart_even_through_a_chain() {
    let mut a = connection(0, "Jane", "Doe");
    a.add_email("jane@example.com", &[]);
    let mut b = connection(1, "Jane", "Doe");
    b.add_email("jane.doe@example.org", &[]);
    // A Gmail contact carrying both emails would chain the two connections together.
    let mut g = google(0, "Jane", "Doe");
    g.add_email("jane@example.com", &[]);
    g.add_email("jane.doe@example.org", &[]);
    let out = run(vec![a, b, g]);
    assert!(!together(
        &out,
        ("Connections.csv", 0),
        ("Connections.csv", 1)
    ));
    assert_eq!(out.iter().map(|c| c.sources.len()).sum::<usize>(), 3);
}

#[test]
fn a_family_inbox_does_not_merge_two_people() {
    let mut a = google(0, "Jane", "Doe");
    a.add_email("doe.family@example.com", &[]);
    let mut b = phone(0, "John", "Doe");
    b.add_email("doe.family@example.com", &[]);
    let out = run(vec![a, b]);
    assert_eq!(out.len(), 2);
}

#[test]
fn an_emailless_connection_merges_with_the_gmail_contact_of_same_name_and_company() {
    let mut a = connection(0, "Priya", "Natarajan");
    a.add_organization("Tailspin Labs", "Research Scientist");
    let mut g = google(0, "Priya", "Natarajan");
    g.add_email("priya@example.net", &[]);
    g.add_organization("Tailspin Labs Inc.", "");
    let out = run(vec![a, g]);
    assert_eq!(out.len(), 1, "{out:#?}");
    let m = out[0].merge.as_ref().unwrap();
    assert!(
        m.evidence.iter().any(|e| e.contains("organization")),
        "{m:?}"
    );
    assert_eq!(out[0].emails[0].value, "priya@example.net");
}

#[test]
fn a_common_name_alone_is_not_enough() {
    // Many John Smiths in the data: the name counts for little.
    let mut records = Vec::new();
    for i in 0..40 {
        let mut r = connection(i, "John", "Smith");
        r.add_organization(&format!("Company {i}"), "");
        records.push(r);
    }
    records.push(rec(
        "friends.json",
        0,
        Platform::Facebook,
        Kind::Friend,
        "John",
        "Smith",
    ));
    let out = run(records);
    assert_eq!(out.len(), 41);
}

#[test]
fn nicknames_and_diacritics_meet_with_a_shared_phone() {
    let mut a = connection(0, "Robert", "Müller");
    a.add_organization("Fabrikam", "");
    let mut b = phone(0, "Bob", "Muller");
    b.add_phone("+49 30 1234567", &["mobile"]);
    b.add_organization("Fabrikam GmbH", "");
    let mut c = google(0, "Robert", "Muller");
    c.add_phone("+49 30 1234567", &[]);
    let out = run(vec![a, b, c]);
    assert_eq!(out.len(), 1, "{out:#?}");
}

#[test]
fn different_linkedin_profiles_are_different_people() {
    let mut a = rec(
        "Invitations.csv",
        0,
        Platform::Linkedin,
        Kind::Invitation,
        "Ana",
        "Lima",
    );
    a.add_profile(
        Service::Linkedin,
        "https://www.linkedin.com/in/ana-lima-1",
        "",
    );
    let mut b = rec(
        "messages.csv",
        0,
        Platform::Linkedin,
        Kind::Message,
        "Ana",
        "Lima",
    );
    b.add_profile(
        Service::Linkedin,
        "https://www.linkedin.com/in/ana-lima-2",
        "",
    );
    let out = run(vec![a, b]);
    assert_eq!(out.len(), 2);
}

/// A Google Contacts CSV of (given, family, email) rows.
fn google_csv(rows: &[(&str, &str, &str)]) -> String {
    let mut s = String::from(
        "First Name,Middle Name,Last Name,Name Prefix,Name Suffix,Nickname,E-mail 1 - Label,\
         E-mail 1 - Value\n",
    );
    for (given, family, email) in rows {
        s.push_str(&format!("{given},,{family},,,,* Home,{email}\n"));
    }
    s
}

#[test]
fn ids_do_not_depend_on_input_order() {
    // Through the binary: the library's dedupe takes records in canonical order, so reversing
    // its input would test nothing the run does. Ada King is in two inputs (one email), Grace
    // Hopper, with no identifier, takes her id from where she was read.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.csv"),
        google_csv(&[("Ada", "King", "ada@example.com")]),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.vcf"),
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada King\r\nN:King;Ada;;;\r\n\
         EMAIL:ada@example.com\r\nEND:VCARD\r\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("c.csv"),
        google_csv(&[("Grace", "Hopper", "")]),
    )
    .unwrap();
    let run = |inputs: &[&str]| {
        let out = assert_cmd::Command::cargo_bin("rolo")
            .unwrap()
            .current_dir(dir.path())
            .arg("merge")
            .args(inputs)
            .args(["-q", "--to", "json"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let first = run(&["a.csv", "b.vcf", "c.csv"]);
    let contacts: Vec<Contact> = serde_json::from_str(&first).unwrap();
    assert_eq!(contacts.len(), 2, "{first}");
    for order in [
        ["a.csv", "c.csv", "b.vcf"],
        ["b.vcf", "a.csv", "c.csv"],
        ["b.vcf", "c.csv", "a.csv"],
        ["c.csv", "a.csv", "b.vcf"],
        ["c.csv", "b.vcf", "a.csv"],
    ] {
        assert_eq!(first, run(&order), "{order:?}");
    }
}

#[test]
fn a_handle_spelling_the_full_form_of_a_nickname_meets_the_name() {
    // Alex Kowalczyk in the phone; `alexander.kowalczyk` on Instagram, nothing else known.
    let a = phone(0, "Alex", "Kowalczyk");
    let b = follower("alexander.kowalczyk");
    let out = run(vec![a, b]);
    assert_eq!(out.len(), 1, "{out:#?}");
}

#[test]
fn a_surname_inside_another_is_a_different_family() {
    // Zupan and Zupančič are two Slovene families; Nowak and Nowakowski two Polish ones.
    for (x, y) in [("Zupan", "Zupančič"), ("Nowak", "Nowakowski")] {
        let a = rec(
            "friends.json",
            0,
            Platform::Facebook,
            Kind::Friend,
            "Nina",
            x,
        );
        let b = connection(0, "Nina", y);
        assert_eq!(run(vec![a, b]).len(), 2, "{x} / {y}");
    }
}

#[test]
fn a_dropped_second_surname_still_meets() {
    // Facebook shows both Spanish surnames, LinkedIn the first alone; same phone.
    let mut a = rec(
        "friends.json",
        0,
        Platform::Facebook,
        Kind::Friend,
        "Álvaro",
        "Ortiz Hernández",
    );
    a.add_organization("Fabrikam", "");
    let mut b = connection(0, "Alvaro", "Ortiz");
    b.add_organization("Fabrikam", "");
    assert_eq!(run(vec![a, b]).len(), 1);
}

#[test]
fn the_same_words_split_differently_are_the_same_name() {
    // "Ezra Ford | Omar" and "Ezra | Ford Omar": one name, parsed two ways.
    let mut a = google(0, "Ezra Ford", "Omar");
    a.add_organization("Contoso", "");
    let mut b = connection(0, "Ezra", "Ford Omar");
    b.add_organization("Contoso", "");
    assert_eq!(run(vec![a, b]).len(), 1);
}

#[test]
fn telegram_frequent_contacts_are_distinct_people() {
    // Two top peers with one name are two accounts: a list, never merged with each other.
    let mut a = rec(
        "result.json",
        0,
        Platform::Telegram,
        Kind::FrequentContact,
        "Ivan",
        "Petrov",
    );
    a.add_phone("+7 916 123 45 67", &[]);
    let mut b = rec(
        "result.json",
        1,
        Platform::Telegram,
        Kind::FrequentContact,
        "Ivan",
        "Petrov",
    );
    b.add_phone("+7 916 123 45 67", &[]);
    assert_eq!(run(vec![a, b]).len(), 2);
}

#[test]
fn two_romanisations_and_a_shared_short_form_meet() {
    // Yevgeny Fyodorov and Evgenii Fedorov are one Russian name written two ways; Chris is a
    // short form of Christine as much as of Christopher.
    let mut a = connection(0, "Yevgeny", "Fyodorov");
    a.add_organization("Contoso", "");
    let mut b = google(0, "Evgenii", "Fedorov");
    b.add_organization("Contoso", "");
    let mut c = phone(0, "Chris", "Lindqvist");
    c.add_phone("+46 70 123 45 67", &[]);
    let mut d = connection(1, "Christine", "Lindqvist");
    d.add_phone("+46 70 123 45 67", &[]);
    let out = run(vec![a, b, c, d]);
    assert_eq!(out.len(), 2, "{out:#?}");
}

#[test]
fn a_shared_family_inbox_with_unlisted_given_names_stays_apart() {
    // Derek and Maggie Warren share thewarrens@: relatives, not one person.
    let mut a = google(0, "Derek", "Warren");
    a.add_email("thewarrens@example.org", &[]);
    let mut b = google(1, "Maggie", "Warren");
    b.add_email("thewarrens@example.org", &[]);
    assert_eq!(run(vec![a, b]).len(), 2);
}

#[test]
fn an_address_spelling_the_whole_name_supplies_a_missing_family_name() {
    // The phone knows "Mona" and her address; Facebook knows Mona Abdulhalim.
    let mut a = phone(0, "Mona", "");
    a.add_email("mona_abdulhalim68@inbox.example.org", &[]);
    let b = friend(0, "Mona", "Abdulhalim");
    assert_eq!(run(vec![a, b]).len(), 1);
    // Without the address the given name alone is not enough.
    let a = phone(0, "Mona", "");
    let b = friend(0, "Mona", "Abdulhalim");
    assert_eq!(run(vec![a, b]).len(), 2);
}

#[test]
fn an_exact_name_is_not_made_ambiguous_by_a_typo_of_another_persons() {
    // Two people one letter apart (Wexcombe, Welcombe) whose phones differ, and a Facebook
    // friend spelled as given.
    let people = |spelled: &str| {
        let mut a = google(0, "Adam", "Wexcombe");
        a.add_phone("+12065089774", &[]);
        let mut b = phone(0, "Adam", "Welcombe");
        b.add_phone("+12065550101", &[]);
        let f = friend(0, "Adam", spelled);
        vec![a, b, f]
    };
    // Spelled exactly like one of them, the friend joins that one.
    let out = run(people("Wexcombe"));
    assert_eq!(out.len(), 2);
    assert!(together(
        &out,
        ("contacts.csv", 0),
        ("your_friends.json", 0)
    ));
    // Spelled like neither, one typo from each, the friend is left alone.
    assert_eq!(run(people("Wecombe")).len(), 3);
}

#[test]
fn an_organisation_tells_two_namesakes_of_one_list_apart() {
    let mut records = Vec::new();
    for (i, org) in ["Initech", "Globex"].iter().enumerate() {
        let mut r = connection(i as u64, "Aisha", "Khalil");
        r.add_organization(org, "");
        records.push(r);
    }
    let mut g = google(0, "Aisha", "Khalil");
    g.add_organization("Initech", "");
    records.push(g);
    let out = run(records);
    assert_eq!(out.len(), 2);
    assert!(together(&out, ("Connections.csv", 0), ("contacts.csv", 0)));
}

#[test]
fn two_common_surnames_one_letter_apart_are_two_families() {
    let friend = || friend(0, "Josefa", "Vera");
    let contact = || google(0, "Josefa", "Vega");
    // Alone, one letter apart is a slip.
    assert_eq!(run(vec![friend(), contact()]).len(), 1);
    // Among three other Vegas and three other Veras it is another family.
    let mut records = vec![friend(), contact()];
    for (i, (given, family)) in [
        ("Ana", "Vega"),
        ("Luis", "Vega"),
        ("Pilar", "Vega"),
        ("Marta", "Vera"),
        ("Jorge", "Vera"),
        ("Sergio", "Vera"),
    ]
    .iter()
    .enumerate()
    {
        records.push(connection(i as u64, given, family));
    }
    assert_eq!(run(records).len(), 8);
}

#[test]
fn greek_and_unspaced_chinese_names_meet_their_latin_spellings() {
    // The phone has the Greek spelling, LinkedIn the Latin one; one address.
    let mut a = phone(0, "Χρυσούλα", "Δημάκη");
    a.add_email("chrysouladimaki@inbox.example.org", &[]);
    let mut b = rec(
        "Contacts.csv",
        0,
        Platform::Linkedin,
        Kind::Contact,
        "Chrysoula",
        "Dimaki",
    );
    b.add_email("chrysouladimaki@inbox.example.org", &[]);
    assert_eq!(run(vec![a, b]).len(), 1);
    // Facebook gives "毛海华" in one piece; the phone knows family 毛 and given 海华.
    let mut friend = friend(0, "", "");
    friend.name.full = "毛海华".into();
    let phone = phone(0, "海华", "毛");
    assert_eq!(run(vec![friend, phone]).len(), 1);
}

#[test]
fn a_middle_name_the_data_knows_as_a_surname_is_the_first_surname() {
    // Facebook's "Josefa Mendoza Guerrero" parses as middle name Mendoza; the address books
    // know Mendoza (and Jiménez) as family names, so she is a Mendoza Guerrero: not the Josefa
    // Guerrero Ruiz of LinkedIn, and Francisco Jiménez de la Fuente is Fran Jiménez de la Fuente.
    let mut records = Vec::new();
    for (i, (given, family)) in [
        ("Ana", "Mendoza"),
        ("Luis", "Mendoza Ruiz"),
        ("Pilar", "Mendoza"),
        ("Marta", "Jiménez"),
        ("Jorge", "Jiménez Vera"),
        ("Sergio", "Jiménez"),
    ]
    .iter()
    .enumerate()
    {
        let mut r = google(i as u64, given, family);
        r.add_phone(&format!("+3461000000{i}"), &[]);
        records.push(r);
    }
    for (i, full) in ["Josefa Mendoza Guerrero", "Francisco Jimenez de la Fuente"]
        .iter()
        .enumerate()
    {
        let mut f = friend(i as u64, "", "");
        f.name.full = full.to_string();
        records.push(f);
    }
    records.push(connection(0, "Josefa", "Guerrero Ruiz"));
    records.push(connection(1, "Fran", "Jiménez de la Fuente"));
    let out = run(records);
    assert!(!together(
        &out,
        ("your_friends.json", 0),
        ("Connections.csv", 0)
    ));
    assert!(together(
        &out,
        ("your_friends.json", 1),
        ("Connections.csv", 1)
    ));
}

#[test]
fn one_letter_more_is_another_given_name() {
    let pair = |a: &str, b: &str| vec![friend(0, a, "Dupont"), google(0, b, "Dupont")];
    assert_eq!(run(pair("Louise", "Louis")).len(), 2);
    assert_eq!(run(pair("Kamila", "Kamil")).len(), 2);
    assert_eq!(run(pair("Alex", "Alexander")).len(), 1);
    assert_eq!(run(pair("Anna", "Ann")).len(), 1);
}

#[test]
fn a_handle_equal_to_the_others_address_before_the_at_meets_it() {
    // Saved with a typo, "Aam Upcombe", but the address is adam_upcombe72@.
    let mut a = google(0, "Aam", "Upcombe");
    a.add_email("adam_upcombe72@mail.example.com", &[]);
    assert_eq!(run(vec![a, follower("adam.upcombe")]).len(), 1);
    // A given name alone says nothing of whose address it is.
    let mut a = google(0, "Zainab", "");
    a.add_email("zainab_darwish81@example.net", &[]);
    assert_eq!(run(vec![a, follower("zainab.darwish40")]).len(), 2);
}

#[test]
fn initials_of_a_compound_given_name_are_that_name() {
    // "JP" in the phone with Jean-Pierre's number; Jean-Pierre Blanc on LinkedIn with it too.
    let mut a = phone(0, "JP", "Blanc");
    a.add_phone("+33641088072", &[]);
    let mut b = google(0, "Jean-Pierre", "Blanc");
    b.add_phone("+33641088072", &[]);
    assert_eq!(run(vec![a, b]).len(), 1);
}

#[test]
fn the_spelling_most_records_agree_on_is_shown_over_a_slip() {
    // The address book (the most trusted source) has a slip; LinkedIn and the phone agree.
    let mut a = google(0, "Aain", "Potin");
    a.add_email("alain.potin@example.org", &[]);
    let mut b = connection(0, "Alain", "Potin");
    b.add_email("alain.potin@example.org", &[]);
    let mut c = phone(0, "Alain", "Potin");
    c.add_email("alain.potin@example.org", &[]);
    let out = run(vec![a, b, c]);
    assert_eq!(out.len(), 1);
    let merged = &out[0];
    assert_eq!(merged.name.full, "Alain Potin");
    assert!(merged.aliases.iter().any(|x| x.value == "Aain Potin"));
    // A nickname is not a slip: the address book's "Bob" stays.
    let mut a = google(0, "Bob", "Potin");
    a.add_email("bob.potin@example.org", &[]);
    let mut b = connection(0, "Robert", "Potin");
    b.add_email("bob.potin@example.org", &[]);
    let mut c = friend(0, "Robert", "Potin");
    c.add_email("bob.potin@example.org", &[]);
    let out = run(vec![a, b, c]);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].name.full, "Bob Potin");
}

#[test]
fn a_linkedin_vanity_url_spells_the_name_for_handles() {
    // The connection's name was saved with a slip; the vanity URL spells it right, and so does
    // the Instagram handle.
    let mut a = connection(0, "Aditla", "Sawant");
    a.add_profile(
        Service::Linkedin,
        "https://www.linkedin.com/in/aditya-sawant-1f2e3d",
        "aditya-sawant-1f2e3d",
    );
    assert_eq!(run(vec![a, follower("aditya.sawant")]).len(), 1);
}

#[test]
fn a_maiden_name_kept_as_a_middle_name_does_not_hide_the_family_name() {
    // Parker is a family name in this data, so "Mary Parker Jones" reads as two surnames; she
    // is still the Mary Jones of the address book.
    let mut records: Vec<Contact> = ["Anne", "Tom", "Lucy"]
        .iter()
        .enumerate()
        .map(|(i, g)| connection(i as u64, g, "Parker"))
        .collect();
    let mut f = friend(0, "", "");
    f.name.full = "Mary Parker Jones".into();
    records.push(f);
    records.push(google(0, "Mary", "Jones"));
    let out = run(records);
    assert!(together(
        &out,
        ("your_friends.json", 0),
        ("contacts.csv", 0)
    ));
}

fn part_mut<'a>(n: &'a mut rolo::model::Name, part: &str) -> &'a mut String {
    match part {
        "prefix" => &mut n.prefix,
        "middle" => &mut n.middle,
        "suffix" => &mut n.suffix,
        _ => &mut n.nickname,
    }
}

fn part(n: &rolo::model::Name, part: &str) -> String {
    part_mut(&mut n.clone(), part).clone()
}

const PARTS: [(&str, &str, &str); 4] = [
    ("prefix", "Mrs.", "Dr."),
    ("middle", "Byron", "Lovelace"),
    ("suffix", "Jr.", "PhD"),
    ("nickname", "Addie", "Countess"),
];

/// The address book's Ada King (shown) and the LinkedIn connection of the same person (one email).
fn ada_twice() -> (Contact, Contact) {
    let mut a = google(0, "Ada", "King");
    a.add_email("ada@example.com", &[]);
    let mut b = connection(0, "Ada", "King");
    b.add_email("ada@example.com", &[]);
    (a, b)
}

#[test]
fn a_name_part_of_a_record_not_shown_fills_the_shown_name() {
    // The demo's LinkedIn "Natarajan, PhD" lost its suffix to the address book's plain name.
    for (name, _, value) in PARTS {
        let (a, mut b) = ada_twice();
        *part_mut(&mut b.name, name) = value.into();
        let out = run(vec![a, b]);
        assert_eq!(out.len(), 1, "{name}: {out:#?}");
        assert_eq!(
            out[0].name.given, "Ada",
            "{name}: the address book's name is shown"
        );
        assert_eq!(
            part(&out[0].name, name),
            value,
            "{name}: {:#?}",
            out[0].name
        );
    }
}

#[test]
fn a_name_part_that_differs_from_the_shown_one_is_kept_in_an_alias() {
    for (name, shown, other) in PARTS {
        let (mut a, mut b) = ada_twice();
        *part_mut(&mut a.name, name) = shown.into();
        *part_mut(&mut b.name, name) = other.into();
        let out = run(vec![a, b]);
        assert_eq!(out.len(), 1, "{name}: {out:#?}");
        let c = &out[0];
        assert!(part(&c.name, name).contains(shown), "{name}: {:#?}", c.name);
        let kept = part(&c.name, name).contains(other)
            || c.aliases.iter().any(|a| a.value.contains(other));
        assert!(
            kept,
            "{name}: {other:?} lost: {:#?} {:#?}",
            c.name, c.aliases
        );
    }
}

#[test]
fn the_name_parts_of_another_given_name_go_to_its_alias_not_the_shown_name() {
    // "Robert" is shown; the Bob record's middle name may belong to "Bob" alone.
    let mut a = google(0, "Robert", "Smith");
    a.add_email("bob@example.com", &[]);
    let mut b = connection(0, "Bob", "Smith");
    b.add_email("bob@example.com", &[]);
    b.name.prefix = "Dr.".into();
    b.name.middle = "J.".into();
    b.name.suffix = "PhD".into();
    let out = run(vec![a, b]);
    assert_eq!(out.len(), 1, "{out:#?}");
    let c = &out[0];
    assert_eq!(c.name.given, "Robert");
    assert_eq!(c.name.middle, "", "{:#?}", c.name);
    let aliases: Vec<&str> = c.aliases.iter().map(|a| a.value.as_str()).collect();
    assert_eq!(aliases, ["Dr. Bob J. Smith, PhD"]);
}

#[test]
fn one_participant_of_a_thread_split_over_two_files_is_one_contact() {
    let message = |file: &str| {
        rec(
            file,
            0,
            Platform::Facebook,
            Kind::Message,
            "Chidi",
            "Okafor",
        )
    };
    // Two friends of that name make the name ambiguous: only the thread can tell.
    let records = vec![
        friend(0, "Chidi", "Okafor"),
        friend(1, "Chidi", "Okafor"),
        message("messages/inbox/hikingcrew_1/message_1.json"),
        message("messages/inbox/hikingcrew_1/message_2.json"),
    ];
    let out = run(records);
    assert_eq!(out.len(), 3);
    assert!(together(
        &out,
        ("messages/inbox/hikingcrew_1/message_1.json", 0),
        ("messages/inbox/hikingcrew_1/message_2.json", 0)
    ));
}
