//! Matching that learns its weights from the records it is given (docs/dedupe.md §3).

mod common;

use assert_cmd::Command;
use rolo::dedupe::levels::Level;
use rolo::dedupe::{dedupe, DedupeOptions};
use rolo::model::{smallvec, Address, Contact, Kind, Platform, SourceRef, Text};
use rolo::normalize::record::{normalize, NormOptions};

/// A phone-book card.
fn card(index: u64, given: &str, family: &str) -> Contact {
    let mut c = Contact::from_source(SourceRef {
        input: "in".into(),
        file: "contacts.vcf".into(),
        line: index * 6 + 1,
        index,
        platform: Platform::Vcard,
        kind: Kind::Contact,
        ..SourceRef::default()
    });
    c.name.given = given.into();
    c.name.family = family.into();
    c
}

fn run(mut records: Vec<Contact>, opts: &DedupeOptions) -> rolo::dedupe::Deduped {
    let mut warnings = Vec::new();
    for r in &mut records {
        normalize(r, &NormOptions::default(), &mut warnings);
    }
    records.sort_by(|a, b| a.sources.cmp(&b.sources));
    dedupe(records, opts, &rolo::progress::Silent)
}

/// An invented word from a number: family names and streets nobody bears.
fn word(mut n: u64, len: usize) -> String {
    const SYL: [&str; 16] = [
        "ka", "lo", "mi", "ren", "tu", "sa", "vo", "bel", "dri", "gan", "ho", "pel", "qui", "ster",
        "wa", "zo",
    ];
    let mut s = String::new();
    for _ in 0..len {
        s.push_str(SYL[(n % 16) as usize]);
        n /= 16;
    }
    s
}

const GIVEN: [&str; 12] = [
    "Anna", "Benjamin", "Clara", "David", "Emma", "Felix", "Grace", "Henry", "Irene", "Jonas",
    "Laura", "Oliver",
];

/// `people` persons, each saved twice in one address book with a birth date and an address,
/// where the second card's given name is, one time in three, another name altogether (as in
/// census-like data such as Febrl): given names are weak evidence here, dates and addresses
/// strong.
fn census_like(people: u64) -> Vec<Contact> {
    let mut out = Vec::new();
    for p in 0..people {
        let family = word(p * 7919 + 13, 3);
        let given = GIVEN[(p % 12) as usize];
        let other = GIVEN[((p / 12 + p + 5) % 12) as usize];
        for copy in 0..2 {
            let g = if copy == 1 && p % 3 == 0 && other != given {
                other
            } else {
                given
            };
            let mut c = card(p * 2 + copy, g, &family);
            // A different date for every person: a month of 28 days, a year of 12 months.
            let day = p * 11;
            c.birthday = Some(Text {
                value: format!(
                    "{}-{:02}-{:02}",
                    1920 + day / 336,
                    1 + (day / 28) % 12,
                    1 + day % 28
                ),
                sources: smallvec![0],
            });
            c.addresses.push(Address {
                street: format!("{} {} street", 1 + p % 90, word(p * 104_729 + 7, 2)),
                locality: word(p % 40, 2),
                postal_code: format!("{}", 2000 + p % 900),
                sources: smallvec![0],
                ..Address::default()
            });
            out.push(c);
        }
    }
    out
}

#[test]
fn weights_are_learned_from_data_where_given_names_are_unreliable() {
    let records = census_like(600);
    let learned = run(records.clone(), &DedupeOptions::default());
    let builtin = run(
        records,
        &DedupeOptions {
            learn: false,
            ..DedupeOptions::default()
        },
    );
    let w = learned.model.w(Level::GivenDifferent);
    assert!(
        w > -8.0,
        "a different given name weighs {w} where a third of the pairs differ"
    );
    eprintln!(
        "{}",
        serde_json::to_string(&learned.model.to_file()).unwrap()
    );
    assert!(learned.model.w(Level::BirthdayExact) > 10.0);
    // Every person is found once.
    assert_eq!(learned.contacts.len(), 600);
    // Without learning, the built-in weights are used as they are.
    assert_eq!(builtin.model.w(Level::GivenDifferent), -12.0);
}

#[test]
fn a_small_phone_book_keeps_the_builtin_weights() {
    let records = vec![
        card(0, "Anna", "Berg"),
        card(1, "Anna", "Berg"),
        card(2, "Jonas", "Lund"),
        card(3, "Clara", "Holt"),
    ];
    let out = run(records, &DedupeOptions::default());
    for s in rolo::dedupe::levels::LEVELS {
        assert!(
            (out.model.w(s.level) - s.default).abs() < 1.0,
            "{} moved from {} to {} on four cards",
            s.id,
            s.default,
            out.model.w(s.level)
        );
    }
    assert_eq!(out.contacts.len(), 3);
}

#[test]
fn a_saved_model_is_reused_and_a_broken_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("model.json");
    let first = dir.path().join("first.json");
    let second = dir.path().join("second.json");
    let demo = common::root().join("fixtures/demo");
    Command::cargo_bin("rolo")
        .unwrap()
        .args(["merge", "-q", "--save-model"])
        .arg(&model)
        .arg(&demo)
        .arg("-o")
        .arg(&first)
        .assert()
        .success();
    let text = std::fs::read_to_string(&model).unwrap();
    let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(parsed["format"], "rolo-model/1");
    assert!(parsed["levels"].as_array().unwrap().len() == rolo::dedupe::levels::LEVELS.len());
    Command::cargo_bin("rolo")
        .unwrap()
        .args(["merge", "-q", "--model"])
        .arg(&model)
        .arg(&demo)
        .arg("-o")
        .arg(&second)
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(&first).unwrap(),
        std::fs::read_to_string(&second).unwrap()
    );
    std::fs::write(&model, text.replace("rolo-model/1", "other/9")).unwrap();
    Command::cargo_bin("rolo")
        .unwrap()
        .args(["merge", "-q", "--model"])
        .arg(&model)
        .arg(&demo)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("unknown model format"));
}

#[test]
fn the_level_table_in_the_docs_is_the_one_in_the_code() {
    let path = common::root().join("docs/dedupe.md");
    let doc = std::fs::read_to_string(&path).unwrap();
    let (start, end) = ("<!-- levels:start -->\n", "<!-- levels:end -->");
    let from = doc
        .find(start)
        .expect("docs/dedupe.md has a levels:start marker")
        + start.len();
    let to = doc
        .find(end)
        .expect("docs/dedupe.md has a levels:end marker");
    let table = rolo::dedupe::levels::markdown();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        let updated = format!("{}{table}{}", &doc[..from], &doc[to..]);
        std::fs::write(&path, updated).unwrap();
        return;
    }
    assert_eq!(
        &doc[from..to],
        table,
        "docs/dedupe.md's level table differs from src/dedupe/levels.rs: run UPDATE_GOLDEN=1 cargo test --test learning"
    );
}

#[test]
fn a_shared_birth_date_lifts_the_family_inbox_rule_and_nothing_else_does() {
    let with = |c: &mut Contact, email: &str, born: Option<&str>| {
        c.add_email(email, &[]);
        if let Some(b) = born {
            c.birthday = Some(Text {
                value: b.into(),
                sources: smallvec![0],
            });
        }
    };
    // Relatives sharing an inbox stay two people.
    let mut jane = card(0, "Jane", "Doe");
    let mut john = card(1, "John", "Doe");
    with(&mut jane, "doe.family@example.com", None);
    with(&mut john, "doe.family@example.com", None);
    let builtin = DedupeOptions {
        learn: false,
        ..DedupeOptions::default()
    };
    assert_eq!(run(vec![jane, john], &builtin).contacts.len(), 2);
    // The same two cards with one full birth date are one person whose given name was replaced.
    let mut jane = card(0, "Jane", "Doe");
    let mut john = card(1, "John", "Doe");
    with(&mut jane, "doe.family@example.com", Some("1961-04-12"));
    with(&mut john, "doe.family@example.com", Some("1961-04-12"));
    assert_eq!(run(vec![jane, john], &builtin).contacts.len(), 1);
    // Different birth dates are no such evidence.
    let mut jane = card(0, "Jane", "Doe");
    let mut john = card(1, "John", "Doe");
    with(&mut jane, "doe.family@example.com", Some("1961-04-12"));
    with(&mut john, "doe.family@example.com", Some("1958-09-30"));
    assert_eq!(run(vec![jane, john], &builtin).contacts.len(), 2);
}

#[test]
fn the_model_goes_to_standard_output_only_when_the_contacts_do_not() {
    let dir = tempfile::tempdir().unwrap();
    let demo = common::root().join("fixtures/demo");
    // Contacts to a file: the model alone on standard output.
    let out = dir.path().join("out.vcf");
    let run = Command::cargo_bin("rolo")
        .unwrap()
        .args(["merge", "-q", "--save-model", "-"])
        .arg(&demo)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let model: serde_json::Value = serde_json::from_slice(&run.get_output().stdout).unwrap();
    assert_eq!(model["format"], "rolo-model/1");
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .starts_with("BEGIN:VCARD"));
    // Contacts to standard output too (no -o, or -o -): refused before anything is read or
    // written, as a usage error.
    for output in [&[][..], &["-o", "-"]] {
        Command::cargo_bin("rolo")
            .unwrap()
            .args(["merge", "--save-model", "-"])
            .arg(&demo)
            .args(output)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicates::str::contains(
                "--save-model - writes the model to standard output, where the contacts go too",
            ));
    }
}
