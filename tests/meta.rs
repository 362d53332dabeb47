//! Facebook and Instagram readers' behaviour, through the public API and the binary.

mod common;

use assert_cmd::Command;
use rolo::model::{Contact, Kind, Platform};
use rolo::sources::Loaded;
use rolo::vocab::profile::Service;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn load(input: &str) -> Loaded {
    std::env::set_current_dir(common::root()).unwrap();
    rolo::sources::load(&[input.to_string()], Default::default())
}

/// Records read from files whose path ends with `suffix`.
fn from<'a>(loaded: &'a Loaded, suffix: &str) -> Vec<&'a Contact> {
    loaded
        .records
        .iter()
        .filter(|r| r.sources[0].file.ends_with(suffix))
        .collect()
}

fn names(records: &[&Contact]) -> Vec<String> {
    let mut n: Vec<String> = records.iter().map(|r| r.name.full.clone()).collect();
    n.sort();
    n
}

fn json_at(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Every file under `dir`, relative to it, `/`-separated, sorted.
fn files_under(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap();
                let parts: Vec<String> = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                out.push(parts.join("/"));
            }
        }
    }
    out.sort();
    out
}

/// A copy of a fixture folder in a temporary directory, to break files in.
fn copy_fixture(rel: &str) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let src = common::root().join(rel);
    let dst = tmp.path().join("export");
    for f in files_under(&src) {
        let to = dst.join(&f);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(src.join(&f), to).unwrap();
    }
    (tmp, dst)
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn meta_mojibake_is_repaired_and_true_latin1_is_left_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("your_friends.json");
    write(
        &file,
        r#"{
  "friends_v2": [
    {"name": "Ho\u00c3\u00a0ng Minh", "timestamp": 1600000000},
    {"name": "Zo\u00eb Fischer", "timestamp": 1600000001}
  ]
}"#,
    );
    let loaded = load(file.to_str().unwrap());
    assert_eq!(
        names(&loaded.records.iter().collect::<Vec<_>>()),
        ["Hoàng Minh", "Zoë Fischer"]
    );
    // And in a real-shaped fixture: every name came out as valid, repaired text.
    let loaded = load("fixtures/facebook/2024");
    let all = names(&loaded.records.iter().collect::<Vec<_>>());
    assert!(all.contains(&"Bruno Kovač".to_string()), "{all:?}");
    assert!(all.contains(&"Maya 🌸 Lind".to_string()), "{all:?}");
    assert!(all.contains(&"张伟".to_string()), "{all:?}");
    assert!(
        all.iter().all(|n| !n.contains('Ã') && !n.contains('Ä')),
        "{all:?}"
    );
}

#[test]
fn facebook_friends_of_every_era_yield_one_record_per_entry() {
    for (case, file, key) in [
        ("2020", "friends/friends.json", "friends"),
        ("2022", "friends_and_followers/friends.json", "friends_v2"),
        (
            "2024",
            "connections/friends/your_friends.json",
            "friends_v2",
        ),
        (
            "2025",
            "connections/friends/your_friends.json",
            "friends_v2",
        ),
    ] {
        let dir = format!("fixtures/facebook/{case}");
        let entries = json_at(&common::root().join(&dir).join(file))[key]
            .as_array()
            .unwrap()
            .len();
        let loaded = load(&dir);
        let friends = from(&loaded, file);
        assert_eq!(friends.len(), entries, "{case}");
        assert!(friends.iter().all(|r| r.sources[0].kind == Kind::Friend));
        assert!(friends
            .iter()
            .all(|r| r.sources[0].platform == Platform::Facebook));
        for (i, r) in friends.iter().enumerate() {
            assert_eq!(r.sources[0].index, i as u64, "{case}");
            assert_eq!(r.events[0].kind, "friend_since", "{case}");
        }
        assert!(
            loaded.report.errors.is_empty(),
            "{case}: {:?}",
            loaded.report.errors
        );
    }
}

#[test]
fn facebook_records_start_on_their_entry_line_and_keep_the_raw_timestamp() {
    let loaded = load("fixtures/facebook/2024");
    let friends = from(&loaded, "your_friends.json");
    // Line 3 is the first entry's `{` (line 1 `{`, line 2 `"friends_v2": [`); 4 lines each.
    let lines: Vec<u64> = friends.iter().map(|r| r.sources[0].line).collect();
    assert_eq!(lines[..3], [3, 7, 11]);
    assert_eq!(friends[0].events[0].date, "1598000000");
    assert_eq!(friends[0].events[0].service, "facebook");
}

#[test]
fn facebook_lists_map_to_their_kinds_whatever_the_era() {
    let expect: &[(&str, &str, Kind, Option<&str>)] = &[
        (
            "2024",
            "removed_friends.json",
            Kind::RemovedFriend,
            Some("removed"),
        ),
        (
            "2024",
            "sent_friend_requests.json",
            Kind::FriendRequestSent,
            Some("friend_request_sent"),
        ),
        (
            "2024",
            "received_friend_requests.json",
            Kind::FriendRequestReceived,
            Some("friend_request_received"),
        ),
        (
            "2024",
            "rejected_friend_requests.json",
            Kind::Rejected,
            Some("friend_request_rejected"),
        ),
        ("2024", "people_who_followed_you.json", Kind::Follower, None),
        (
            "2024",
            "who_you've_followed.json",
            Kind::Following,
            Some("followed"),
        ),
        (
            "2025",
            "who_you_ve_followed.json",
            Kind::Following,
            Some("followed"),
        ),
        (
            "2022",
            "friend_requests_received.json",
            Kind::FriendRequestReceived,
            Some("friend_request_received"),
        ),
        (
            "2022",
            "friend_requests_sent.json",
            Kind::FriendRequestSent,
            Some("friend_request_sent"),
        ),
        (
            "2022",
            "removed_friends.json",
            Kind::RemovedFriend,
            Some("removed"),
        ),
        (
            "2022",
            "who_you_follow.json",
            Kind::Following,
            Some("followed"),
        ),
        (
            "2020",
            "friends/removed_friends.json",
            Kind::RemovedFriend,
            Some("removed"),
        ),
        (
            "2020",
            "friends/received_friend_requests.json",
            Kind::FriendRequestReceived,
            Some("friend_request_received"),
        ),
        (
            "2020",
            "friends/sent_friend_requests.json",
            Kind::FriendRequestSent,
            Some("friend_request_sent"),
        ),
        (
            "2020",
            "following_and_followers/following.json",
            Kind::Following,
            Some("followed"),
        ),
        (
            "2020",
            "following_and_followers/followers.json",
            Kind::Follower,
            None,
        ),
    ];
    for (case, file, kind, event) in expect {
        let loaded = load(&format!("fixtures/facebook/{case}"));
        let records = from(&loaded, file);
        assert!(!records.is_empty(), "{case} {file}");
        for r in records {
            assert_eq!(r.sources[0].kind, *kind, "{case} {file}");
            // Names only: Facebook gives no ids, emails or phones.
            assert!(!r.name.full.is_empty() && r.emails.is_empty() && r.profiles.is_empty());
            match event {
                Some(e) => assert_eq!(r.events[0].kind, *e, "{case} {file}"),
                None => assert!(r.events.is_empty(), "{case} {file}: followers have no date"),
            }
        }
    }
}

#[test]
fn facebook_files_are_recognised_by_their_keys_wherever_they_sit() {
    let tmp = tempfile::tempdir().unwrap();
    // A renamed, moved friends list is still a friends list; a post list is not a people file.
    write(
        &tmp.path().join("some/new/place/friends_list_2027.json"),
        "{\n  \"friends_v2\": [\n    {\"name\": \"Ada Lovelace\", \"timestamp\": 1600000000}\n  ]\n}",
    );
    write(
        &tmp.path().join("posts/your_posts_1.json"),
        "[{\"timestamp\": 1, \"title\": \"Ada Lovelace\"}]",
    );
    let loaded = load(tmp.path().to_str().unwrap());
    assert_eq!(loaded.records.len(), 1);
    assert_eq!(loaded.records[0].sources[0].kind, Kind::Friend);
    assert_eq!(loaded.report.skipped.len(), 1);
}

#[test]
fn facebook_message_participants_leave_out_the_owner() {
    let loaded = load("fixtures/facebook/2024");
    let messages: Vec<&Contact> = loaded
        .records
        .iter()
        .filter(|r| r.sources[0].kind == Kind::Message)
        .collect();
    let mut people = names(&messages);
    people.dedup();
    // Nora Vik owns the export: in every thread, never a record. In the two-person thread Ana
    // writes three times to Nora's once: the title, not the message count, tells who is who.
    assert_eq!(
        people,
        ["Ana Hoàng", "Bruno Kovač", "Chidi Okafor", "Pia Lund"]
    );
    // One record per participant per file: the group's two files give three each.
    assert_eq!(
        from(&loaded, "hikingcrew_10158000000000002/message_1.json").len(),
        3
    );
    assert_eq!(
        from(&loaded, "hikingcrew_10158000000000002/message_2.json").len(),
        3
    );
    // The deactivated account is unknown, reported with its line, not a person.
    assert!(from(&loaded, "facebookuser_10158000000000003/message_1.json").is_empty());
    assert!(loaded.report.warnings.iter().any(|w| w
        .location
        .file
        .ends_with("facebookuser_10158000000000003/message_1.json")
        && w.location.line == Some(3)
        && w.reason.contains("counted as unknown")));
    // Message requests are strangers writing first: skipped, and listed as skipped.
    assert!(loaded
        .report
        .skipped
        .iter()
        .any(|s| s.location.file.contains("message_requests/")));
    // The event is the person's latest message (seconds).
    let ana = from(&loaded, "anahoang_10158000000000001/message_1.json");
    assert_eq!(ana[0].events[0].kind, "messaged");
    assert_eq!(ana[0].events[0].date, "1700000009");
}

#[test]
fn facebook_owner_who_left_a_group_and_listed_first_elsewhere_is_still_left_out() {
    let loaded = load("fixtures/facebook/2025");
    // Kari Holm left the book club (is_still_participant false): both remaining members are
    // people, and Kari's old messages are reported, not read.
    assert_eq!(
        names(&from(&loaded, "bookclub_10159000000000001/message_1.json")),
        ["Rui Almeida", "Vera Costa"]
    );
    assert!(loaded
        .report
        .warnings
        .iter()
        .any(|w| w.reason.contains("not among the thread's participants")));
    // In an archived two-person thread Kari is listed first: the title still decides.
    assert_eq!(
        names(&from(
            &loaded,
            "tomascapek_10159000000000002/message_1.json"
        )),
        ["Tomás Čapek"]
    );
}

#[test]
fn facebook_profile_is_the_owner_and_not_a_contact() {
    let loaded = load("fixtures/facebook/2024");
    let owner = from(&loaded, "profile_information.json");
    assert_eq!(owner.len(), 1);
    assert_eq!(owner[0].sources[0].kind, Kind::Owner);
    assert_eq!(owner[0].name.full, "Nora Vik");
    assert_eq!(owner[0].emails[0].value, "nora.vik@example.com");
    assert_eq!(owner[0].birthday.as_ref().unwrap().value, "1990-04-12");
    let outcome = common::run(&["fixtures/facebook/2024"]);
    assert!(outcome.contacts.iter().all(|c| c.name.full != "Nora Vik"));
    assert_eq!(outcome.report.filtered.get(&Kind::Owner), Some(&1));
    // The 2020 profile sits under "profile".
    let old = load("fixtures/facebook/2020");
    assert_eq!(
        from(&old, "profile_information.json")[0].name.full,
        "Ilse de Vries"
    );
}

#[test]
fn removed_rejected_blocked_restricted_unfollowed_are_filtered_by_default_and_counted() {
    let outcome = common::run(&["fixtures/facebook/2024", "fixtures/instagram/2025"]);
    let f = &outcome.report.filtered;
    assert_eq!(f.get(&Kind::RemovedFriend), Some(&2));
    assert_eq!(f.get(&Kind::Rejected), Some(&1));
    assert_eq!(f.get(&Kind::Blocked), Some(&2));
    assert_eq!(f.get(&Kind::Restricted), Some(&1));
    assert_eq!(f.get(&Kind::Unfollowed), Some(&1));
    for c in &outcome.contacts {
        for s in &c.sources {
            assert!(!s.kind.filtered_by_default(), "{s:?}");
        }
    }
    // With every kind asked for, they are there.
    std::env::set_current_dir(common::root()).unwrap();
    let opts = rolo::Options {
        kinds: rolo::KindFilter::All,
        ..Default::default()
    };
    let all = rolo::run(
        &["fixtures/facebook/2024".to_string()],
        &opts,
        &rolo::progress::Silent,
    );
    assert!(all
        .contacts
        .iter()
        .any(|c| c.sources.iter().any(|s| s.kind == Kind::RemovedFriend)));
}

#[test]
fn instagram_follower_parts_are_all_read() {
    let loaded = load("fixtures/instagram/2025");
    let one = from(&loaded, "followers_1.json");
    let two = from(&loaded, "followers_2.json");
    assert_eq!((one.len(), two.len()), (3, 2));
    for r in one.iter().chain(two.iter()) {
        assert_eq!(r.sources[0].kind, Kind::Follower);
        assert_eq!(r.events[0].kind, "follows_you");
    }
    // Each part counts its own records from 0.
    assert_eq!(two[0].sources[0].index, 0);
    assert_eq!(two[0].profiles[0].handle, "david.k");
}

#[test]
fn instagram_u_links_give_the_username_and_never_a_name() {
    let loaded = load("fixtures/instagram/2025");
    let following = from(&loaded, "following.json");
    let handles: Vec<&str> = following
        .iter()
        .map(|r| r.profiles[0].handle.as_str())
        .collect();
    assert_eq!(
        handles,
        ["anna.schmidt", "ben_travel", "gina.art", "hugo_cooks"]
    );
    for r in &following {
        assert_eq!(r.sources[0].kind, Kind::Following);
        assert_eq!(r.profiles[0].service, Service::Instagram);
        assert!(!r.profiles[0].url.contains("/_u/"), "{:?}", r.profiles[0]);
        assert!(r.name.is_empty(), "a handle is not a name: {:?}", r.name);
        assert_eq!(r.events[0].kind, "followed");
    }
    // The `_u/` link alone (no value, no title) still gives the username.
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("following.json");
    write(
        &file,
        r#"{"relationships_following": [{"title": "", "string_list_data": [{"href": "https://www.instagram.com/_u/only.link", "timestamp": 1700000000}]}]}"#,
    );
    let loaded = load(file.to_str().unwrap());
    assert_eq!(loaded.records[0].profiles[0].handle, "only.link");
}

#[test]
fn instagram_lists_map_to_their_kinds_in_every_era() {
    let expect: &[(&str, &str, Kind, usize)] = &[
        ("2025", "close_friends.json", Kind::CloseFriend, 1),
        (
            "2025",
            "pending_follow_requests.json",
            Kind::FollowRequestSent,
            2,
        ),
        (
            "2025",
            "follow_requests_you've_received.json",
            Kind::FollowRequestReceived,
            1,
        ),
        ("2025", "blocked_profiles.json", Kind::Blocked, 2),
        ("2025", "restricted_profiles.json", Kind::Restricted, 1),
        (
            "2025",
            "recently_unfollowed_profiles.json",
            Kind::Unfollowed,
            1,
        ),
        ("2023", "followers_1.json", Kind::Follower, 4),
        ("2023", "following.json", Kind::Following, 3),
        ("2023", "blocked_accounts.json", Kind::Blocked, 1),
        (
            "2023",
            "recently_unfollowed_accounts.json",
            Kind::Unfollowed,
            1,
        ),
        ("2021", "followers.json", Kind::Follower, 3),
        ("2021", "following.json", Kind::Following, 2),
        (
            "2021",
            "pending_follow_requests.json",
            Kind::FollowRequestSent,
            1,
        ),
    ];
    for (case, file, kind, n) in expect {
        let loaded = load(&format!("fixtures/instagram/{case}"));
        let records = from(&loaded, file);
        assert_eq!(records.len(), *n, "{case} {file}");
        assert!(
            records.iter().all(|r| r.sources[0].kind == *kind),
            "{case} {file}"
        );
        assert!(records
            .iter()
            .all(|r| r.sources[0].platform == Platform::Instagram));
    }
}

#[test]
fn instagram_labelled_entries_carry_the_display_name_instagram_gave() {
    let loaded = load("fixtures/instagram/2025");
    let blocked = from(&loaded, "blocked_profiles.json");
    assert_eq!(blocked[1].profiles[0].handle, "rude.zoe");
    assert_eq!(blocked[1].name.full, "Zoë Årud");
    // A list of one comes as a bare object.
    let restricted = from(&loaded, "restricted_profiles.json");
    assert_eq!(restricted[0].profiles[0].handle, "rude.guy");
    assert_eq!(restricted[0].sources[0].line, 1);
}

#[test]
fn instagram_files_that_hold_no_contacts_are_skipped_and_listed() {
    let loaded = load("fixtures/instagram/2025");
    let skipped: Vec<&str> = loaded
        .report
        .skipped
        .iter()
        .map(|s| s.location.file.as_str())
        .collect();
    assert!(skipped
        .iter()
        .any(|f| f.ends_with("threads/followers.json")));
    assert!(skipped
        .iter()
        .any(|f| f.ends_with("removed_suggestions.json")));
    // The owner's personal information is the owner; message partners are people.
    let owner = from(&loaded, "personal_information.json");
    assert_eq!(owner[0].sources[0].kind, Kind::Owner);
    assert_eq!(owner[0].profiles[0].handle, "demo.user");
    assert_eq!(owner[0].name.full, "Demo Müller");
    let messages = from(&loaded, "message_1.json");
    assert_eq!(names(&messages), ["Anna Schmidt"]);
    assert_eq!(messages[0].sources[0].platform, Platform::Instagram);
}

/// Counts, per file, the entries a fixture holds, and checks each is a record or a reported
/// reason: rejected, warned (unknown participant) or the thread's owner.
#[test]
fn no_person_is_dropped_without_a_counted_reason() {
    for group in ["facebook", "instagram"] {
        for case in files_under(&common::root().join("fixtures").join(group))
            .iter()
            .filter_map(|f| f.split('/').next().map(String::from))
            .collect::<std::collections::BTreeSet<_>>()
        {
            let dir = format!("fixtures/{group}/{case}");
            let loaded = load(&dir);
            for f in &loaded.report.files {
                let path = common::root().join(&dir).join(&f.file);
                let value = if f.format == "html-lists" {
                    Value::Null
                } else {
                    json_at(&path)
                };
                let at_file = |list: &[rolo::report::Issue]| {
                    list.iter().filter(|i| i.location.file == f.file).count()
                };
                let rejected = at_file(&loaded.report.rejected);
                let unknown = loaded
                    .report
                    .warnings
                    .iter()
                    .filter(|w| w.location.file == f.file && w.reason.contains("unknown"))
                    .count();
                let (entries, owner) = match f.format.as_str() {
                    "owner-profile" => (1, 0),
                    // An HTML page: one box a person. The fixtures start each on its own line,
                    // and a box nested in another (the label table pages) is part of its entry,
                    // so the lines holding a box are counted.
                    "html-lists" => {
                        let page = std::fs::read_to_string(&path).unwrap();
                        let boxes = page
                            .lines()
                            .filter(|l| {
                                l.contains("<section class=\"_a6-g\"")
                                    || l.contains("uiBoxWhite noborder\"")
                            })
                            .count();
                        (boxes, 0)
                    }
                    "messages" => {
                        let listed = value["participants"].as_array().unwrap().len();
                        let owner_listed = value["is_still_participant"] != Value::Bool(false);
                        (listed, usize::from(owner_listed))
                    }
                    _ => {
                        let list = match &value {
                            Value::Array(a) => a.len(),
                            Value::Object(o) if o.contains_key("label_values") => 1,
                            Value::Object(o) => {
                                o.values().next().unwrap().as_array().unwrap().len()
                            }
                            _ => unreachable!(),
                        };
                        (list, 0)
                    }
                };
                assert_eq!(
                    entries,
                    f.records as usize + rejected + unknown + owner,
                    "{dir}/{}",
                    f.file
                );
            }
            // And every record read is in the output or counted as filtered.
            let outcome = common::run(&[&dir]);
            let out: usize = outcome.contacts.iter().map(|c| c.sources.len()).sum();
            assert_eq!(
                out + outcome.report.filtered_total() as usize,
                loaded.records.len(),
                "{dir}"
            );
        }
    }
}

#[test]
fn entries_without_a_name_or_username_are_rejected_with_their_line() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        &tmp.path().join("friends.json"),
        "{\n  \"friends_v2\": [\n    {\"name\": \"\", \"timestamp\": 1},\n    {\"name\": \"Ada\"},\n    {\"name\": 7}\n  ]\n}",
    );
    write(
        &tmp.path().join("followers_1.json"),
        "[\n  {\"title\": \"\", \"string_list_data\": [{\"href\": \"\", \"timestamp\": 1}]}\n]",
    );
    let loaded = load(tmp.path().to_str().unwrap());
    assert_eq!(loaded.records.len(), 1);
    let rejected: Vec<(String, Option<u64>)> = loaded
        .report
        .rejected
        .iter()
        .map(|r| (r.location.file.clone(), r.location.line))
        .collect();
    assert_eq!(
        rejected,
        [
            ("followers_1.json".to_string(), Some(2)),
            ("friends.json".to_string(), Some(3)),
            ("friends.json".to_string(), Some(5)),
        ]
    );
    assert!(loaded.report.rejected[0]
        .reason
        .contains("without a username"));
    assert!(loaded.report.rejected[1].reason.contains("without a name"));
}

fn break_json(path: &Path) {
    // Drop the comma after the first entry: line 6 starts the second entry's `{`.
    let text = std::fs::read_to_string(path).unwrap();
    let broken = text.replacen("},\n", "}\n", 1);
    assert_ne!(text, broken);
    std::fs::write(path, broken).unwrap();
}

#[test]
fn bad_json_fails_only_its_file_with_input_file_line_and_column() {
    let (_tmp, dir) = copy_fixture("fixtures/facebook/2024");
    let bad = "connections/friends/your_friends.json";
    break_json(&dir.join(bad));
    let input = dir.to_str().unwrap().to_string();
    let loaded = rolo::sources::load(std::slice::from_ref(&input), Default::default());
    assert_eq!(loaded.report.errors.len(), 1, "{:?}", loaded.report.errors);
    let e = &loaded.report.errors[0];
    assert_eq!(e.location.input, input);
    assert_eq!(e.location.file, bad);
    assert_eq!(e.location.line, Some(7));
    assert!(
        e.reason.contains("invalid JSON at line 7, column 5"),
        "{}",
        e.reason
    );
    // That file gave nothing; every other file of the folder did.
    assert!(from(&loaded, bad).is_empty());
    let report = loaded.report.files.iter().find(|f| f.file == bad).unwrap();
    assert!(report.error.is_some());
    assert_eq!(from(&loaded, "removed_friends.json").len(), 2);
    assert_eq!(from(&loaded, "people_who_followed_you.json").len(), 3);
    assert!(!from(&loaded, "hikingcrew_10158000000000002/message_1.json").is_empty());

    // The binary says so on stderr and exits 1, still writing what it could read.
    let out = Command::cargo_bin("rolo")
        .unwrap()
        .args(["merge", &input])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let expected = format!("rolo: error: {input}!{bad}:7: invalid JSON at line 7, column 5");
    assert!(stderr.contains(&expected), "{stderr}");
    let contacts: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!contacts.as_array().unwrap().is_empty());
}

#[test]
fn a_broken_follower_part_leaves_the_other_parts_readable() {
    let (_tmp, dir) = copy_fixture("fixtures/instagram/2025");
    let bad = "connections/followers_and_following/followers_2.json";
    std::fs::write(dir.join(bad), "[\n  {\"title\": \"\",\n").unwrap();
    let input = dir.to_str().unwrap().to_string();
    let loaded = rolo::sources::load(std::slice::from_ref(&input), Default::default());
    assert_eq!(loaded.report.errors.len(), 1);
    let e = &loaded.report.errors[0];
    assert_eq!((e.location.file.as_str(), e.location.line), (bad, Some(3)));
    assert!(
        e.reason.starts_with("invalid JSON at line 3, column "),
        "{}",
        e.reason
    );
    assert_eq!(from(&loaded, "followers_1.json").len(), 3);
    assert!(from(&loaded, "followers_2.json").is_empty());
}

#[test]
fn a_list_damaged_from_its_first_byte_still_fails_loudly_in_its_folder() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        &tmp.path().join("connections/friends/removed_friends.json"),
        "\u{0}\u{0}garbage",
    );
    write(
        &tmp.path().join("connections/friends/your_friends.json"),
        "{\"friends_v2\": [{\"name\": \"Ada Lovelace\", \"timestamp\": 1}]}",
    );
    let loaded = load(tmp.path().to_str().unwrap());
    assert_eq!(loaded.records.len(), 1);
    assert_eq!(loaded.report.errors.len(), 1, "{:?}", loaded.report.errors);
    assert_eq!(
        loaded.report.errors[0].location.file,
        "connections/friends/removed_friends.json"
    );
    assert!(loaded.report.errors[0]
        .reason
        .contains("invalid JSON at line 1, column 1"));
}
