//! LinkedIn reader behaviour, through the public API.

mod common;

use assert_cmd::Command;
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
    for sample in ["sample-1", "sample-2", "sample-3", "sample-4"] {
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
    for sample in ["sample-1", "sample-2", "sample-3", "sample-4"] {
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
    let loaded = records("fixtures/linkedin/sample-1/messages.csv");
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
    let outcome = common::run(&["fixtures/linkedin/sample-2/Connections.csv"]);
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

/// The synthetic Excel re-save: `;` separators, Windows-1252, `dd.mm.yyyy` dates, the preamble
/// padded with separators.
const EXCEL_EUROPE: &str = "fixtures/linkedin/excel-europe/Connections.csv";

fn check_excel_europe(loaded: &rolo::sources::Loaded) {
    assert!(
        loaded.report.errors.is_empty(),
        "{:?}",
        loaded.report.errors
    );
    let files: Vec<_> = loaded
        .report
        .files
        .iter()
        .map(|f| f.format.as_str())
        .collect();
    assert_eq!(files, ["connections"]);
    assert_eq!(loaded.records.len(), 3);
    let jurgen = &loaded.records[0];
    assert_eq!(
        (jurgen.name.given.as_str(), jurgen.name.family.as_str()),
        ("Jürgen", "Weiß")
    );
    assert_eq!(jurgen.organizations[0].name, "Müller & Söhne GmbH");
    assert_eq!(jurgen.events[0].date, "14.02.2020");
    // A quoted `;` stays inside its field.
    assert_eq!(
        loaded.records[1].organizations[0].name,
        "Société Générale d'Exemple; Paris"
    );
    assert!(loaded
        .report
        .warnings
        .iter()
        .any(|w| w.reason == "not UTF-8: read as windows-1252"));
}

#[test]
fn excel_europe_connections_with_semicolons_are_read_alone() {
    check_excel_europe(&records(EXCEL_EUROPE));
}

#[test]
fn excel_europe_connections_are_read_inside_a_zip_in_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let data = std::fs::read(common::root().join(EXCEL_EUROPE)).unwrap();
    let f = std::fs::File::create(dir.path().join("Basic_LinkedInDataExport.zip")).unwrap();
    let mut z = zip::ZipWriter::new(f);
    z.start_file("Connections.csv", zip::write::SimpleFileOptions::default())
        .unwrap();
    std::io::Write::write_all(&mut z, &data).unwrap();
    z.finish().unwrap();
    let loaded = rolo::sources::load(
        &[dir.path().to_string_lossy().into_owned()],
        Default::default(),
    );
    check_excel_europe(&loaded);
    assert!(
        loaded.report.skipped.is_empty(),
        "{:?}",
        loaded.report.skipped
    );
}

#[test]
fn excel_europe_dates_are_read_day_first() {
    let out = common::run(&[EXCEL_EUROPE]);
    let dates: Vec<&str> = out
        .contacts
        .iter()
        .map(|c| c.events[0].date.as_str())
        .collect();
    // Sorted by name: Åsa, Céline, Jürgen.
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(sorted, ["2019-11-28", "2020-02-14", "2021-04-03"]);
}

fn run_text(name: &str, text: &str) -> (tempfile::TempDir, rolo::Outcome) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), text).unwrap();
    let input = dir.path().to_string_lossy().into_owned();
    let out = rolo::run(&[input], &rolo::Options::default(), &rolo::progress::Silent);
    (dir, out)
}

fn connected_on(out: &rolo::Outcome, given: &str) -> String {
    let c = out.contacts.iter().find(|c| c.name.given == given).unwrap();
    c.events[0].date.clone()
}

const CONN_HEADER: &str = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";

#[test]
fn one_day_above_twelve_makes_the_whole_file_day_first() {
    let text = format!("{CONN_HEADER}Ana,Ruiz,,,,,03/04/2021\nBea,Sanz,,,,,14/02/2020\n");
    let (_dir, out) = run_text("Connections.csv", &text);
    assert_eq!(connected_on(&out, "Ana"), "2021-04-03");
    assert_eq!(connected_on(&out, "Bea"), "2020-02-14");
    assert!(out.report.warnings.is_empty(), "{:?}", out.report.warnings);
}

#[test]
fn one_second_number_above_twelve_makes_the_whole_file_month_first() {
    let text = format!("{CONN_HEADER}Ana,Ruiz,,,,,03/04/2021\nBea,Sanz,,,,,02/14/2020\n");
    let (_dir, out) = run_text("Connections.csv", &text);
    assert_eq!(connected_on(&out, "Ana"), "2021-03-04");
    assert_eq!(connected_on(&out, "Bea"), "2020-02-14");
}

#[test]
fn undecidable_dates_are_read_month_first_with_one_warning() {
    let text = format!("{CONN_HEADER}Ana,Ruiz,,,,,03/04/2021\nBea,Sanz,,,,,05/06/2020\n");
    let (_dir, out) = run_text("Connections.csv", &text);
    assert_eq!(connected_on(&out, "Ana"), "2021-03-04");
    let warnings: Vec<String> = out.report.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].ends_with("Connections.csv:2: dates such as 03/04/2021 could be day or month first and nothing in the file says which: read month first"), "{warnings:?}");
}

#[test]
fn a_semicolon_separated_file_reads_undecidable_dates_day_first() {
    let text = format!("{}Ana;Ruiz;;;;;03/04/2021\n", CONN_HEADER.replace(',', ";"));
    let (_dir, out) = run_text("Connections.csv", &text);
    assert_eq!(connected_on(&out, "Ana"), "2021-04-03");
    assert!(out.report.warnings.is_empty(), "{:?}", out.report.warnings);
}

#[test]
fn headlines_and_credentials_in_connection_names_leave_the_family_name() {
    let text = format!(
        "{CONN_HEADER}Jane,Taylor - Recruiter,,,,,16 Dec 2024\nJordan,\"Sam, MSPH\",,,,,16 Dec 2024\nHans,\"Müller, Dipl.-Ing.\",,,,,16 Dec 2024\n"
    );
    let (_dir, out) = run_text("Connections.csv", &text);
    let names: Vec<(&str, &str, &str)> = out
        .contacts
        .iter()
        .map(|c| {
            (
                c.name.full.as_str(),
                c.name.family.as_str(),
                c.name.suffix.as_str(),
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            ("Hans Müller", "Müller", "Dipl.-Ing."),
            ("Jane Taylor", "Taylor", ""),
            ("Jordan Sam", "Sam", "MSPH")
        ]
    );
}

#[test]
fn excel_na_fill_is_no_organisation_or_title() {
    let text = format!(
        "{CONN_HEADER}Ana,Ruiz,NA,NA,NA,NA,16 Dec 2024\nBea,Sanz,,,#N/A,Lead,16 Dec 2024\n"
    );
    let (_dir, out) = run_text("Connections.csv", &text);
    let ana = out.contacts.iter().find(|c| c.name.given == "Ana").unwrap();
    assert!(ana.organizations.is_empty(), "{:?}", ana.organizations);
    assert!(ana.emails.is_empty() && ana.urls.is_empty() && ana.profiles.is_empty());
    let bea = out.contacts.iter().find(|c| c.name.given == "Bea").unwrap();
    assert_eq!(
        (
            bea.organizations[0].name.as_str(),
            bea.organizations[0].title.as_str()
        ),
        ("", "Lead")
    );
}

#[test]
fn invitation_messages_are_kept_as_notes() {
    let text = "From,To,Sent At,Message,Direction\nNoor Haddad,Robin Vale,\"6/27/26, 7:35 AM\",\"Hi Robin, we met at the meetup.\",INCOMING\nRobin Vale,Lukas Brandt,\"6/28/26, 8:00 AM\",,OUTGOING\n";
    let (_dir, out) = run_text("Invitations.csv", text);
    let noor = out
        .contacts
        .iter()
        .find(|c| c.name.given == "Noor")
        .unwrap();
    let notes: Vec<&str> = noor.notes.iter().map(|n| n.value.as_str()).collect();
    assert_eq!(
        notes,
        ["LinkedIn invitation received: Hi Robin, we met at the meetup."]
    );
    let lukas = out
        .contacts
        .iter()
        .find(|c| c.name.given == "Lukas")
        .unwrap();
    assert!(lukas.notes.is_empty());
}

#[test]
fn owner_replies_in_2022_messages_are_tied_to_the_person() {
    let out = common::run(&["fixtures/linkedin/messages-2022"]);
    assert!(out.report.warnings.is_empty(), "{:?}", out.report.warnings);
    let last: Vec<(&str, &str)> = out
        .contacts
        .iter()
        .map(|c| (c.name.full.as_str(), c.events[0].date.as_str()))
        .collect();
    assert_eq!(
        last,
        [
            ("Ines Carvalho", "2022-05-02T07:15:00Z"),
            ("Lukas Brandt", "2022-02-11T12:30:00Z"),
            // The owner's reply of 18 April is the last exchange, not Noor's message of March.
            ("Noor Haddad", "2022-04-18T16:40:00Z"),
        ]
    );
}

#[test]
fn a_file_mixing_both_orders_warns_at_the_line_that_contradicts() {
    let text = format!(
        "{CONN_HEADER}Ana,Ruiz,,,,,14/02/2020\nBea,Sanz,,,,,03/04/2021\nCai,Lin,,,,,02/14/2020\n"
    );
    let (_dir, out) = run_text("Connections.csv", &text);
    assert_eq!(connected_on(&out, "Ana"), "2020-02-14");
    assert_eq!(connected_on(&out, "Cai"), "2020-02-14");
    let warnings: Vec<String> = out.report.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].ends_with("Connections.csv:4: dates are written both day first and month first: each read the one way it can be"),
        "{warnings:?}"
    );
}

/// `rolo merge INPUT --to json ARGS`: its standard error, contacts and report.
fn merge_json(input: &str, args: &[&str]) -> (String, Vec<serde_json::Value>, serde_json::Value) {
    let dir = tempfile::tempdir().unwrap();
    let (out, report) = (dir.path().join("out.json"), dir.path().join("report.json"));
    let assert = Command::cargo_bin("rolo")
        .unwrap()
        .current_dir(common::root())
        .args(["merge", input, "--to", "json", "-o"])
        .arg(&out)
        .arg("--report")
        .arg(&report)
        .args(args)
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    let read = |p: &std::path::Path| -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap()
    };
    let contacts = read(&out).as_array().unwrap().clone();
    (stderr, contacts, read(&report))
}

/// Each contact's organisations as (name, title).
fn jobs(c: &serde_json::Value) -> Vec<(String, String)> {
    c["organizations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["name"].as_str().unwrap().to_string(),
                o["title"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn positions_are_the_owners_own_jobs_and_make_no_contact() {
    // Positions.csv lists the owner's jobs (company, title, description, location, dates); two
    // connections work at those companies.
    let dir = "fixtures/linkedin/owner-positions";
    let (stderr, contacts, report) = merge_json(dir, &[]);
    assert!(
        stderr.contains("read 4 records (linkedin 4); 0 rejected, 2 filtered; wrote 2 contacts"),
        "{stderr}"
    );
    let names: Vec<&str> = contacts
        .iter()
        .map(|c| c["name"]["full"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Tobin Aerlie", "Wren Castellane"]);
    // The connections keep their own job only: a shared company is no reason to lend them
    // the owner's titles.
    assert_eq!(
        jobs(&contacts[0]),
        [(
            "Quillmoor Analytics".to_string(),
            "Senior Data Engineer".to_string()
        )]
    );
    assert_eq!(
        jobs(&contacts[1]),
        [("Brackwell Logistics".to_string(), "Dispatcher".to_string())]
    );
    let positions = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["file"] == "Positions.csv")
        .unwrap();
    assert_eq!(positions["platform"], "linkedin");
    assert_eq!(positions["format"], "owner-positions");
    assert_eq!(positions["kinds"], serde_json::json!({"owner": 1}));
    assert_eq!(positions["records"], 1, "one owner, not one record per job");
    assert_eq!(report["filtered"], serde_json::json!({"owner": 2}));
}

#[test]
fn positions_join_the_owners_profile_when_the_owner_is_kept() {
    let (_, contacts, _) = merge_json("fixtures/linkedin/owner-positions", &["--include-owner"]);
    assert_eq!(contacts.len(), 3);
    let owner = contacts
        .iter()
        .find(|c| c["name"]["full"] == "Ilse Vantrof")
        .unwrap();
    let files: Vec<&str> = owner["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["file"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["Positions.csv", "Profile.csv"]);
    // Every job, in the file's order (the current one first), title kept; a job's place and
    // dates are not the person's address or events.
    let expected = [
        ("Quillmoor Analytics", "Senior Data Engineer"),
        ("Brackwell Logistics", "Data Engineer"),
        ("Brackwell Logistics", "Intern"),
    ]
    .map(|(o, t)| (o.to_string(), t.to_string()));
    assert_eq!(jobs(owner), expected);
    assert_eq!(owner["addresses"], serde_json::json!([]));
    assert_eq!(owner["events"], serde_json::json!([]));
    assert_eq!(owner["notes"], serde_json::json!([]));
}

#[test]
fn positions_alone_hold_only_the_owner_and_write_no_contact() {
    let (stderr, contacts, _) = merge_json("fixtures/linkedin/owner-positions/Positions.csv", &[]);
    assert!(contacts.is_empty(), "{contacts:?}");
    assert!(
        stderr.contains("read 1 records (linkedin 1); 0 rejected, 1 filtered; wrote 0 contacts"),
        "{stderr}"
    );
}
