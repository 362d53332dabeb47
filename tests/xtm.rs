//! X / Twitter, Telegram Desktop and Mastodon readers, through the public API and the binary.

mod common;

use assert_cmd::Command;
use predicates::prelude::*;
use rolo::model::{Contact, Kind, Platform};
use rolo::sources::Loaded;
use rolo::vocab::profile::Service;
use std::path::Path;

const X_OWNER: &str = "1000000000000000001";

fn load(inputs: &[&str]) -> Loaded {
    std::env::set_current_dir(common::root()).unwrap();
    let inputs: Vec<String> = inputs.iter().map(|s| s.to_string()).collect();
    rolo::sources::load(&inputs, Default::default())
}

fn of_kind(loaded: &Loaded, kind: Kind) -> Vec<&Contact> {
    loaded
        .records
        .iter()
        .filter(|r| r.sources[0].kind == kind)
        .collect()
}

/// Account ids of a kind's records, in file and line order.
fn ids(loaded: &Loaded, kind: Kind) -> Vec<String> {
    of_kind(loaded, kind)
        .iter()
        .map(|r| r.profiles[0].id.clone())
        .collect()
}

fn lines(loaded: &Loaded, kind: Kind) -> Vec<(String, u64)> {
    of_kind(loaded, kind)
        .iter()
        .map(|r| (r.sources[0].file.to_string(), r.sources[0].line))
        .collect()
}

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

fn x_id(n: u32) -> String {
    format!("20000000000000000{n:02}")
}

// ---------------------------------------------------------------- X / Twitter

#[test]
fn x_part_files_are_all_read() {
    for case in ["archive-2024", "archive-compact"] {
        let loaded = load(&[&format!("fixtures/twitter/{case}")]);
        assert!(loaded.report.errors.is_empty(), "{case}");
        let want: Vec<String> = (1..=5).map(x_id).collect();
        let mut got = ids(&loaded, Kind::Follower);
        got.sort();
        assert_eq!(got, want, "{case}");
        let files: Vec<_> = loaded
            .report
            .files
            .iter()
            .filter(|f| f.format == "followers")
            .map(|f| f.file.as_str())
            .collect();
        assert_eq!(files.len(), 2, "{case}: {files:?}");
    }
}

#[test]
fn x_pretty_and_one_line_layouts_give_the_same_people_at_their_own_lines() {
    let pretty = load(&["fixtures/twitter/archive-2024"]);
    let compact = load(&["fixtures/twitter/archive-compact"]);
    for kind in [Kind::Follower, Kind::Following, Kind::Blocked, Kind::Muted] {
        let sorted = |l: &Loaded| {
            let mut v = ids(l, kind);
            v.sort();
            v
        };
        assert_eq!(sorted(&pretty), sorted(&compact), "{kind}");
        assert!(!sorted(&pretty).is_empty(), "{kind}");
    }
    let first_part = |l: &Loaded| -> Vec<u64> {
        lines(l, Kind::Follower)
            .into_iter()
            .filter(|(f, _)| f == "data/follower.js")
            .map(|(_, n)| n)
            .collect()
    };
    assert_eq!(first_part(&pretty), [2, 8, 14]);
    assert_eq!(first_part(&compact), [2, 3, 4]);
    // 2019: `[ {` on the assignment's line, then `}, {`.
    let old = load(&["fixtures/twitter/archive-2019/data/follower.js"]);
    assert_eq!(
        lines(&old, Kind::Follower)
            .iter()
            .map(|(_, n)| *n)
            .collect::<Vec<_>>(),
        [1, 6]
    );
}

#[test]
fn x_records_carry_the_user_link_as_written_and_the_account_id() {
    let loaded = load(&["fixtures/twitter/archive-compact"]);
    let f = of_kind(&loaded, Kind::Follower)[0];
    assert_eq!(f.profiles.len(), 1);
    assert_eq!(f.profiles[0].service, Service::X);
    assert_eq!(f.profiles[0].id, x_id(1));
    assert_eq!(
        f.profiles[0].url,
        format!("https://twitter.com/intent/user?user_id={}", x_id(1))
    );
    assert!(f.name.is_empty(), "the archive has no names");
    // block.js of this archive has no userLink: the same link is built from the id.
    let b = of_kind(&loaded, Kind::Blocked)[0];
    assert_eq!(
        b.profiles[0].url,
        format!("https://twitter.com/intent/user?user_id={}", x_id(8))
    );
}

#[test]
fn x_direct_messages_give_one_record_per_person_and_leave_out_the_owner() {
    let loaded = load(&["fixtures/twitter/archive-2024/data/direct-messages.js"]);
    let msgs = of_kind(&loaded, Kind::Message);
    let got: Vec<_> = msgs.iter().map(|r| r.profiles[0].id.as_str()).collect();
    assert_eq!(got, [x_id(1).as_str(), x_id(10).as_str()]);
    assert!(msgs.iter().all(|r| r.profiles[0].id != X_OWNER));
    // The line of the first message the person is in; the latest of their messages' dates.
    assert_eq!(msgs[0].sources[0].line, 6);
    assert_eq!(msgs[0].events[0].kind, "messaged");
    assert_eq!(msgs[0].events[0].date, "2024-06-02T18:20:00.000Z");
    assert!(loaded.report.warnings.is_empty());

    // 2019's direct-message.js reads the same way.
    let old = load(&["fixtures/twitter/archive-2019/data/direct-message.js"]);
    assert_eq!(
        ids(&old, Kind::Message),
        ["2100000000000000003", "2100000000000000004"]
    );
}

#[test]
fn x_owner_that_cannot_be_told_apart_keeps_everyone_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "data/direct-messages.js",
        r#"window.YTD.direct_messages.part0 = [
  {"dmConversation":{"conversationId":"1-2","messages":[
    {"messageCreate":{"senderId":"1","recipientId":"2","createdAt":"2024-01-01T00:00:00.000Z"}},
    {"messageCreate":{"senderId":"2","recipientId":"1","createdAt":"2024-01-02T00:00:00.000Z"}}
  ]}}
]"#,
    );
    let loaded = load(&[dir.path().to_str().unwrap()]);
    assert_eq!(ids(&loaded, Kind::Message), ["1", "2"]);
    assert_eq!(loaded.report.warnings.len(), 1);
    assert!(loaded.report.warnings[0].reason.contains("owner"));
}

#[test]
fn x_account_is_the_owner_and_merge_leaves_it_blocked_and_muted_out() {
    let loaded = load(&["fixtures/twitter/archive-2024"]);
    let owner = of_kind(&loaded, Kind::Owner);
    assert_eq!(owner.len(), 1);
    assert_eq!(owner[0].name.full, "Fixture Owner");
    assert_eq!(owner[0].emails[0].value, "owner@example.org");
    assert_eq!(owner[0].profiles[0].handle, "fixture_owner");
    assert_eq!(owner[0].profiles[0].id, X_OWNER);

    let outcome = common::run(&["fixtures/twitter/archive-2024"]);
    let filtered = &outcome.report.filtered;
    assert_eq!(filtered.get(&Kind::Owner), Some(&1));
    assert_eq!(filtered.get(&Kind::Blocked), Some(&1));
    assert_eq!(filtered.get(&Kind::Muted), Some(&1));
    assert!(outcome
        .contacts
        .iter()
        .flat_map(|c| &c.sources)
        .all(|s| !matches!(s.kind, Kind::Owner | Kind::Blocked | Kind::Muted)));
    // A follower you follow and message is one person with three sources.
    let mutual = outcome
        .contacts
        .iter()
        .find(|c| c.profiles.iter().any(|p| p.id == x_id(1)))
        .unwrap();
    let kinds: Vec<Kind> = mutual.sources.iter().map(|s| s.kind).collect();
    assert_eq!(kinds, [Kind::Message, Kind::Follower, Kind::Following]);
}

#[test]
fn x_address_book_entries_are_contacts_and_empty_ones_are_rejected() {
    let loaded = load(&["fixtures/twitter/archive-2024/data/contact.js"]);
    let contacts = of_kind(&loaded, Kind::Contact);
    assert_eq!(contacts.len(), 2);
    assert_eq!(contacts[0].emails[0].value, "dana.reyes@example.com");
    assert_eq!(contacts[0].phones[0].raw, "+14155550123");
    assert!(
        contacts[1].emails.is_empty(),
        "missing emails are tolerated"
    );
    assert_eq!(loaded.report.rejected.len(), 1);
    assert_eq!(loaded.report.rejected[0].location.line, Some(21));
}

// ---------------------------------------------------------------- Telegram

#[test]
fn telegram_hex_escapes_are_repaired_before_parsing() {
    // Both fixtures hold `\xNN` escapes (a chat message; a contact's name), invalid JSON as is.
    for path in [
        "fixtures/telegram/desktop-export/result.json",
        "fixtures/telegram/contacts-only/telegram-export.json",
    ] {
        let raw = std::fs::read_to_string(common::root().join(path)).unwrap();
        assert!(serde_json::from_str::<serde_json::Value>(&raw).is_err());
        let loaded = load(&[path]);
        assert!(loaded.report.errors.is_empty(), "{path}");
    }
    let loaded = load(&["fixtures/telegram/contacts-only"]);
    let names: Vec<_> = of_kind(&loaded, Kind::Contact)
        .iter()
        .map(|c| c.name.given.clone())
        .collect();
    assert_eq!(names, ["Farah", "Gu\u{b}stav"]);
}

#[test]
fn a_control_character_inside_a_telegram_name_is_removed_not_made_a_space() {
    // The fixture's `Gu\x0Bstav`: a vertical tab where no space was typed (docs/normalisation.md).
    let out = Command::cargo_bin("rolo")
        .unwrap()
        .current_dir(common::root())
        .args([
            "merge",
            "fixtures/telegram/contacts-only",
            "-q",
            "--to",
            "json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let contacts: Vec<Contact> = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = contacts.iter().map(|c| c.name.full.as_str()).collect();
    assert!(names.contains(&"Gustav"), "{names:?}");
}

#[test]
fn telegram_contact_with_only_dates_is_rejected_with_its_line() {
    let loaded = load(&["fixtures/telegram/desktop-export"]);
    let contacts = of_kind(&loaded, Kind::Contact);
    assert_eq!(contacts.len(), 4);
    let ben = contacts[0];
    assert_eq!(
        (ben.name.given.as_str(), ben.name.family.as_str()),
        ("Ben", "Ito")
    );
    assert_eq!(ben.phones[0].raw, "+81 90 0000 0000");
    assert_eq!(ben.events[0].kind, "added");
    assert_eq!(ben.events[0].date, "1704276000");
    assert_eq!(ben.sources[0].line, 21);
    let date_only: Vec<_> = loaded
        .report
        .rejected
        .iter()
        .filter(|i| i.reason.contains("only a date"))
        .collect();
    assert_eq!(date_only.len(), 1);
    assert_eq!(date_only[0].location.line, Some(28));
}

#[test]
fn telegram_frequent_contacts_are_people_only_and_the_rest_is_counted() {
    let loaded = load(&["fixtures/telegram/desktop-export"]);
    let frequent = of_kind(&loaded, Kind::FrequentContact);
    let got: Vec<_> = frequent
        .iter()
        .map(|c| (c.name.full.as_str(), c.profiles[0].id.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("Ben Ito", "100000002"),
            ("Chiara", "100000003"),
            ("Elif Demir", "100000004")
        ]
    );
    let skipped: Vec<_> = loaded
        .report
        .rejected
        .iter()
        .filter(|i| i.reason.contains("not a person"))
        .collect();
    assert_eq!(skipped.len(), 2, "the bot and the group");
    assert!(skipped.iter().any(|i| i.reason.contains("inline_bots")));
    assert!(skipped
        .iter()
        .any(|i| i.reason.contains("public_supergroup")));
}

#[test]
fn telegram_personal_information_is_the_owner() {
    let loaded = load(&["fixtures/telegram/desktop-export"]);
    let owner = of_kind(&loaded, Kind::Owner);
    assert_eq!(owner.len(), 1);
    assert_eq!(owner[0].name.given, "Ana");
    assert_eq!(owner[0].name.family, "Kovač");
    assert_eq!(owner[0].phones[0].raw, "+386 40 000 000");
    assert_eq!(owner[0].profiles[0].handle, "ana_k");
    assert_eq!(owner[0].profiles[0].id, "100000001");
    assert_eq!(owner[0].notes.len(), 1, "the bio");
    let f = &loaded.report.files[0];
    let kinds: Vec<_> = f.kinds.iter().map(|(k, n)| (*k, *n)).collect();
    assert_eq!(
        kinds,
        [
            (Kind::Contact, 4),
            (Kind::FrequentContact, 3),
            (Kind::Owner, 1)
        ]
    );
}

#[test]
fn telegram_is_recognised_by_content_not_by_name() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "result.json",
        r#"{"name": "x", "type": "personal_chat", "messages": []}"#,
    );
    write(
        dir.path(),
        "backup/export.json",
        "{\n \"contacts\": {\"list\": [{\"first_name\": \"Ida\", \"date_unixtime\": \"1\"}]},\n \"frequent_contacts\": {\"list\": []}\n}",
    );
    let loaded = load(&[dir.path().to_str().unwrap()]);
    assert_eq!(loaded.report.files.len(), 1);
    assert_eq!(loaded.report.files[0].file, "backup/export.json");
    assert_eq!(loaded.report.files[0].platform, Platform::Telegram);
    assert_eq!(
        loaded.report.skipped.len(),
        1,
        "the single-chat result.json"
    );
    assert_eq!(of_kind(&loaded, Kind::Contact)[0].sources[0].line, 2);
}

// ---------------------------------------------------------------- Mastodon

#[test]
fn mastodon_headerless_files_are_read() {
    let loaded = load(&["fixtures/mastodon/export-2018"]);
    assert!(loaded.report.errors.is_empty());
    let handles = |kind| -> Vec<String> {
        of_kind(&loaded, kind)
            .iter()
            .map(|c| c.profiles[0].handle.clone())
            .collect()
    };
    assert_eq!(
        handles(Kind::Following),
        ["alice@mastodon.social", "jules@social.example"]
    );
    assert_eq!(handles(Kind::Muted), ["kim@example.social"]);
    assert_eq!(handles(Kind::Blocked), ["dave@example.social"]);
    assert_eq!(of_kind(&loaded, Kind::Following)[1].sources[0].line, 2);
    assert_eq!(
        of_kind(&loaded, Kind::Following)[0].profiles[0].service,
        Service::Mastodon
    );
}

#[test]
fn mastodon_export_reads_every_list_with_its_kind() {
    let loaded = load(&["fixtures/mastodon/export-2024"]);
    assert!(loaded.report.errors.is_empty());
    let count = |k| of_kind(&loaded, k).len();
    assert_eq!(count(Kind::Following), 3);
    assert_eq!(count(Kind::Follower), 2);
    assert_eq!(count(Kind::Muted), 1);
    assert_eq!(count(Kind::Blocked), 2);
    assert_eq!(count(Kind::ListMember), 4);
    // Header rows are not people: the first following starts on line 2.
    assert_eq!(of_kind(&loaded, Kind::Following)[0].sources[0].line, 2);
    // Domain blocks and bookmarks hold no people.
    assert_eq!(loaded.report.skipped.len(), 2);
}

#[test]
fn mastodon_list_titles_become_groups() {
    let loaded = load(&["fixtures/mastodon/export-2024/lists.csv"]);
    let got: Vec<_> = of_kind(&loaded, Kind::ListMember)
        .iter()
        .map(|c| {
            (
                c.groups[0].value.as_str(),
                c.profiles[0].handle.as_str(),
                c.sources[0].line,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("Friends", "alice@mastodon.social", 1),
            ("Friends", "bob@example.social", 2),
            ("Work, past and present", "bob@example.social", 3),
            ("Work", "ivan@chaos.example", 4),
        ]
    );
}

#[test]
fn mastodon_headerless_files_need_both_their_name_and_their_content() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "people.csv", "alice@mastodon.social\n");
    write(
        dir.path(),
        "blocked_accounts.csv",
        "hello world\nsecond line\n",
    );
    write(dir.path(), "lists.csv", "alice@mastodon.social\n");
    write(
        dir.path(),
        "muted_accounts (1).csv",
        "@kim@example.social\nnot an address\n",
    );
    write(
        dir.path(),
        "x/blocked_accounts.csv",
        "dave@example.social\n",
    );
    let loaded = load(&[dir.path().to_str().unwrap()]);
    let read: Vec<_> = loaded
        .report
        .files
        .iter()
        .map(|f| f.file.as_str())
        .collect();
    assert_eq!(read, ["x/blocked_accounts.csv"]);
    assert_eq!(loaded.report.skipped.len(), 4);
}

#[test]
fn mastodon_rows_that_are_no_account_are_rejected_with_their_line() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "following_accounts.csv",
        "Account address,Show boosts,Notify on new posts,Languages\nalice@mastodon.social,true,false,\njust-a-name,true,false,\n,true,false,\n",
    );
    let loaded = load(&[dir.path().to_str().unwrap()]);
    assert_eq!(of_kind(&loaded, Kind::Following).len(), 1);
    let rejected: Vec<_> = loaded
        .report
        .rejected
        .iter()
        .map(|i| i.location.line)
        .collect();
    assert_eq!(rejected, [Some(3), Some(4)]);
}

#[test]
fn mastodon_merge_leaves_out_blocked_and_muted_and_counts_them() {
    let outcome = common::run(&["fixtures/mastodon/export-2024"]);
    assert_eq!(outcome.report.filtered.get(&Kind::Blocked), Some(&2));
    assert_eq!(outcome.report.filtered.get(&Kind::Muted), Some(&1));
    let opts = rolo::Options {
        kinds: rolo::KindFilter::All,
        ..Default::default()
    };
    std::env::set_current_dir(common::root()).unwrap();
    let all = rolo::run(
        &["fixtures/mastodon/export-2024".to_string()],
        &opts,
        &rolo::progress::Silent,
    );
    assert!(all.report.filtered.is_empty());
    let sources: usize = all.contacts.iter().map(|c| c.sources.len()).sum();
    assert_eq!(sources, 12);
}

// ---------------------------------------------------------------- all three

#[test]
fn bad_json_fails_only_that_file_naming_input_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "data/follower.js",
        "window.YTD.follower.part0 = [\n  {\"follower\": {\"accountId\": \"1\"}},\n  {\"follower\": {\"accountId\": \"2\",}}\n]",
    );
    write(
        dir.path(),
        "data/following.js",
        "window.YTD.following.part0 = [\n  {\"following\": {\"accountId\": \"3\"}}\n]",
    );
    write(
        dir.path(),
        "telegram/result.json",
        "{\n \"about\": \"Here is the data you requested.\",\n \"contacts\": {\"list\": [\n  {\"first_name\": \"A\\x01\" \"last_name\": \"B\"}\n ]}\n}",
    );
    write(
        dir.path(),
        "following_accounts.csv",
        "alice@mastodon.social\n",
    );
    let input = dir.path().to_str().unwrap();
    let loaded = load(&[input]);

    let errors: Vec<String> = loaded.report.errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    let follower = format!("{input}!data/follower.js:3: invalid JSON at line 3, column 34: ");
    assert!(errors[0].starts_with(&follower), "{}", errors[0]);
    // The column as written, before `\x01` became `\u0001`.
    let telegram = format!("{input}!telegram/result.json:4: invalid JSON at line 4, column 26: ");
    assert!(errors[1].starts_with(&telegram), "{}", errors[1]);
    let failed: Vec<_> = loaded
        .report
        .files
        .iter()
        .filter(|f| f.error.is_some())
        .map(|f| (f.file.as_str(), f.records))
        .collect();
    assert_eq!(
        failed,
        [("data/follower.js", 0), ("telegram/result.json", 0)]
    );
    // The other files still load.
    let following: Vec<_> = of_kind(&loaded, Kind::Following)
        .iter()
        .map(|c| (c.sources[0].platform, &*c.sources[0].file))
        .collect();
    assert_eq!(
        following,
        [
            (Platform::Twitter, "data/following.js"),
            (Platform::Mastodon, "following_accounts.csv")
        ]
    );
}

#[test]
fn the_binary_reports_a_bad_file_and_reads_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "data/block.js",
        "window.YTD.block.part0 = [\n  {\"blocking\": }\n]",
    );
    write(
        dir.path(),
        "data/mute.js",
        "window.YTD.mute.part0 = [ {\"muting\": {\"accountId\": \"9\"}} ]",
    );
    let mut cmd = Command::cargo_bin("rolo").unwrap();
    cmd.current_dir(common::root())
        .arg("inspect")
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("muted 1"))
        .stderr(predicate::str::contains(
            "data/block.js:2: invalid JSON at line 2, column 16",
        ));
}

/// Entries in a fixture file, counted independently of the readers.
fn entries_in(path: &Path) -> usize {
    let text = std::fs::read_to_string(path).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    if name.ends_with(".js") {
        let body = &text[text.find('[').unwrap()..];
        let v: Vec<serde_json::Value> = serde_json::from_str(body).unwrap();
        v.len()
    } else if name.ends_with(".json") {
        let fixed = text.replace("\\x07", "\\u0007").replace("\\x0B", "\\u000B");
        let v: serde_json::Value = serde_json::from_str(&fixed).unwrap();
        let list = |k: &str| v[k]["list"].as_array().map_or(0, |a| a.len());
        list("contacts")
            + list("frequent_contacts")
            + usize::from(v.get("personal_information").is_some())
    } else {
        let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
        lines - usize::from(text.starts_with("Account address"))
    }
}

#[test]
fn no_person_is_dropped_without_a_counted_reason() {
    for platform in ["twitter", "telegram", "mastodon"] {
        for case in std::fs::read_dir(common::root().join("fixtures").join(platform)).unwrap() {
            let case = case.unwrap().path();
            let rel = case
                .strip_prefix(common::root())
                .unwrap()
                .to_str()
                .unwrap()
                .to_string();
            let loaded = load(&[&rel]);
            for f in &loaded.report.files {
                if f.format == "direct-messages" {
                    continue; // people, not entries: checked by the DM tests
                }
                let rejected = loaded
                    .report
                    .rejected
                    .iter()
                    .filter(|i| i.location.file == f.file)
                    .count() as u64;
                let entries = entries_in(&case.join(&f.file)) as u64;
                assert_eq!(f.records + rejected, entries, "{rel}/{}", f.file);
            }
        }
    }
}
