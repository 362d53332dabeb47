//! LinkedIn reader behaviour, through the public API.

mod common;

use rolo::model::{Kind, Platform};

fn records(dir: &str) -> rolo::sources::Loaded {
    std::env::set_current_dir(common::root()).unwrap();
    rolo::sources::load(&[dir.to_string()], Default::default())
}

fn data_rows_after_header(path: &str) -> usize {
    let text = std::fs::read_to_string(common::root().join(path)).unwrap();
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let rows: Vec<_> = rdr.records().map(|r| r.unwrap()).collect();
    let header = rows
        .iter()
        .position(|r| r.iter().any(|f| f == "Connected On"))
        .unwrap();
    rows.len() - header - 1
}

#[test]
fn connections_yield_one_record_per_data_row_and_never_the_preamble() {
    for sample in ["Feynman10", "abhishekwebcode", "mgjslearn", "mohamedeways"] {
        let path = format!("fixtures/linkedin/{sample}/Connections.csv");
        let expected = data_rows_after_header(&path);
        let loaded = records(&path);
        let conns: Vec<_> = loaded
            .records
            .iter()
            .filter(|r| r.sources[0].kind == Kind::Connection)
            .collect();
        assert_eq!(conns.len(), expected, "{sample}");
        assert!(conns.iter().all(|c| c.name.given != "Notes:"));
        // index is the position among the file's records, line the 1-based start line.
        for (i, c) in conns.iter().enumerate() {
            assert_eq!(c.sources[0].index, i as u64);
        }
        assert!(conns.iter().all(|c| c.sources[0].line >= 2));
    }
}

#[test]
fn every_linkedin_sample_reads_without_error() {
    for sample in ["Feynman10", "abhishekwebcode", "mgjslearn", "mohamedeways"] {
        let loaded = records(&format!("fixtures/linkedin/{sample}"));
        assert!(
            loaded.report.errors.is_empty(),
            "{sample}: {:?}",
            loaded.report.errors
        );
        assert!(loaded
            .report
            .files
            .iter()
            .all(|f| f.platform == Platform::Linkedin));
        assert!(loaded.records.len() > 5, "{sample}");
    }
}

#[test]
fn hidden_profiles_are_kept_unnamed_and_reported() {
    let loaded = records("fixtures/demo/linkedin/Connections.csv");
    let hidden: Vec<_> = loaded
        .records
        .iter()
        .filter(|r| r.name.is_empty())
        .collect();
    assert_eq!(hidden.len(), 1);
    assert_eq!(hidden[0].sources[0].line, 12);
    assert!(loaded
        .report
        .warnings
        .iter()
        .any(|w| w.reason.contains("hidden profile") && w.location.line == Some(12)));
}

#[test]
fn the_owner_is_not_a_contact_unless_asked() {
    let outcome = common::run(&["fixtures/demo/linkedin"]);
    assert!(!outcome
        .contacts
        .iter()
        .any(|c| c.name.full.contains("Sam Rivera")));
    assert_eq!(outcome.report.filtered.get(&Kind::Owner), Some(&2));

    let opts = rolo::Options {
        include_owner: true,
        ..Default::default()
    };
    let out = rolo::run(
        &["fixtures/demo/linkedin".to_string()],
        &opts,
        &rolo::progress::Silent,
    );
    let owners: Vec<_> = out
        .contacts
        .iter()
        .filter(|c| c.sources.iter().any(|s| s.kind == Kind::Owner))
        .collect();
    assert_eq!(
        owners.len(),
        1,
        "Profile.csv and Email Addresses.csv are one person"
    );
    assert_eq!(owners[0].emails[0].value, "sam.rivera@example.com");
}

#[test]
fn message_participants_are_aggregated_and_the_owner_excluded() {
    let loaded = records("fixtures/demo/linkedin/messages.csv");
    let names: Vec<_> = loaded
        .records
        .iter()
        .map(|r| r.name.full.as_str())
        .collect();
    assert_eq!(names, ["Maren Holt", "Amara Okafor", "Li Wei"]);
    // Maren wrote and was written to: one record, from the first line she appears on.
    assert_eq!(loaded.records[0].sources[0].line, 2);
    assert!(loaded
        .report
        .warnings
        .iter()
        .any(|w| w.reason.contains("unknown sender")));
}

#[test]
fn group_recipients_are_split_on_the_url_column() {
    let loaded = records("fixtures/linkedin/Feynman10/messages.csv");
    let moss = loaded
        .records
        .iter()
        .find(|r| r.profiles.iter().any(|p| p.url.contains("moss-juno")))
        .unwrap();
    assert_eq!(moss.name.full, "Moss Juno");
    let lamb = loaded
        .records
        .iter()
        .find(|r| r.profiles.iter().any(|p| p.url.ends_with("/in/lamb")))
        .unwrap();
    assert!(lamb.name.full.starts_with("Shaw Noa, FICS"));
    assert!(
        !loaded.records.iter().any(|r| r.name.full == "Fink Jansen"),
        "owner excluded"
    );
}

#[test]
fn invitations_take_the_other_side_by_direction() {
    let loaded = records("fixtures/demo/linkedin/Invitations.csv");
    let names: Vec<_> = loaded
        .records
        .iter()
        .map(|r| r.name.full.as_str())
        .collect();
    assert_eq!(names, ["Jonas Ekberg", "Hugo Brandt", "Tomás Ferreira"]);
}

#[test]
fn imported_contacts_split_multi_values_and_reject_empty_rows() {
    let loaded = records("fixtures/demo/linkedin/Contacts.csv");
    assert_eq!(loaded.records.len(), 2);
    assert_eq!(loaded.records[0].emails.len(), 2);
    assert_eq!(loaded.report.rejected.len(), 1);
    assert_eq!(loaded.report.rejected[0].location.line, Some(4));
}

#[test]
fn the_same_person_across_linkedin_files_becomes_one_contact() {
    let outcome = common::run(&["fixtures/demo"]);
    let li = outcome
        .contacts
        .iter()
        .find(|c| c.name.full == "Li Wei")
        .unwrap();
    let kinds: Vec<Kind> = li.sources.iter().map(|s| s.kind).collect();
    assert!(kinds.contains(&Kind::Connection));
    assert!(kinds.contains(&Kind::Message));
    assert!(kinds.contains(&Kind::Endorsement));
    // every value points at a real source
    for p in &li.profiles {
        assert!(p.sources.iter().all(|&i| i < li.sources.len()));
    }
}

#[test]
fn every_accepted_record_is_in_exactly_one_contact() {
    let loaded = records("fixtures/demo");
    let outcome = common::run(&["fixtures/demo"]);
    let in_contacts: usize = outcome.contacts.iter().map(|c| c.sources.len()).sum();
    let filtered = outcome.report.filtered_total() as usize;
    assert_eq!(in_contacts + filtered, loaded.records.len());
    let mut seen = std::collections::HashSet::new();
    for c in &outcome.contacts {
        for s in &c.sources {
            assert!(seen.insert((s.file.clone(), s.index)), "{s:?} twice");
        }
    }
}

#[test]
fn utf16le_tab_endorsements_read_like_the_utf8_ones() {
    let loaded = records("fixtures/linkedin/synthetic-2022-2026/Endorsement Received Info.csv");
    assert!(
        loaded.report.errors.is_empty(),
        "{:?}",
        loaded.report.errors
    );
    let names: Vec<_> = loaded
        .records
        .iter()
        .map(|r| {
            (
                r.name.given.as_str(),
                r.name.family.as_str(),
                r.sources[0].line,
            )
        })
        .collect();
    assert_eq!(names, [("Åsa", "Lindgren", 2), ("Kwame", "Mensah", 4)]);
}

#[test]
fn quoted_line_breaks_keep_record_lines_right() {
    let loaded = records("fixtures/linkedin/synthetic-2022-2026/messages.csv");
    let lines: Vec<_> = loaded
        .records
        .iter()
        .map(|r| (r.name.full.as_str(), r.sources[0].line))
        .collect();
    // The first message spans lines 2–5; the owner (Robin Vale) is in every message.
    assert_eq!(lines, [("Kwame Mensah", 2), ("Åsa Lindgren", 7)]);
}

#[test]
fn linkedin_dates_become_iso_8601() {
    let outcome = common::run(&["fixtures/linkedin/abhishekwebcode/Connections.csv"]);
    let eli = outcome
        .contacts
        .iter()
        .find(|c| c.name.given == "Eli")
        .unwrap();
    assert_eq!(eli.events[0].date, "2018-01-08T18:14");
    let outcome = common::run(&["fixtures/demo/linkedin/Connections.csv"]);
    let maren = outcome
        .contacts
        .iter()
        .find(|c| c.name.given == "Maren")
        .unwrap();
    assert_eq!(maren.events[0].date, "2023-03-14");
}

#[test]
fn the_same_member_percent_encoded_and_raw_is_one_contact() {
    let outcome = common::run(&["fixtures/demo/linkedin"]);
    let tomas: Vec<_> = outcome
        .contacts
        .iter()
        .filter(|c| c.name.family == "Ferreira")
        .collect();
    assert_eq!(tomas.len(), 1);
    assert_eq!(tomas[0].sources.len(), 2);
    assert_eq!(
        tomas[0].profiles[0].url,
        "https://www.linkedin.com/in/tomás-ferreira-77e1"
    );
}
