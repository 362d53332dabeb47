//! The HTML variant of Facebook's and Instagram's export: the same contacts as the JSON variant,
//! recognised by content in a zip, a folder or alone. Through the binary.

mod common;

use assert_cmd::Command;
use serde_json::Value;
use std::io::Write;
use std::path::Path;

fn rolo() -> Command {
    let mut cmd = Command::cargo_bin("rolo").unwrap();
    cmd.current_dir(common::root());
    cmd
}

/// `rolo merge INPUT... --to json`, parsed.
fn merged(inputs: &[&str]) -> Vec<Value> {
    merged_with(inputs, &[])
}

/// `rolo merge INPUT... FLAGS... --to json`, parsed.
fn merged_with(inputs: &[&str], flags: &[&str]) -> Vec<Value> {
    let out = rolo()
        .arg("merge")
        .args(inputs)
        .args(flags)
        .args(["--to", "json", "-q"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice::<Vec<Value>>(&out.stdout).unwrap()
}

/// A contact as the person sees it: everything but where it was read (ids of contacts without a
/// profile derive from that, `sources` and `merge` name files and lines). Event dates to the
/// minute and without a zone: the HTML pages give the time in the account's zone without saying
/// which, and Instagram's without seconds.
fn people(contacts: Vec<Value>) -> Vec<String> {
    let mut out: Vec<String> = contacts
        .into_iter()
        .map(|mut c| {
            let obj = c.as_object_mut().unwrap();
            for key in ["id", "sources", "merge"] {
                obj.remove(key);
            }
            for e in obj["events"].as_array_mut().unwrap() {
                let date = e["date"].as_str().unwrap();
                e["date"] = Value::from(date.get(..16).unwrap_or(date));
            }
            c.to_string()
        })
        .collect();
    out.sort();
    out
}

#[test]
fn html_and_json_exports_of_the_same_people_give_the_same_contacts() {
    let fb = "fixtures/facebook/2024/connections";
    let ig = "fixtures/instagram/2025/connections/followers_and_following";
    let pairs: [(&str, Vec<String>); 4] = [
        (
            "fixtures/facebook/html-2024",
            vec![
                format!("{fb}/friends/your_friends.json"),
                format!("{fb}/followers/people_who_followed_you.json"),
                format!("{fb}/followers/who_you've_followed.json"),
            ],
        ),
        (
            "fixtures/facebook/html-2022",
            vec!["fixtures/facebook/2022/friends_and_followers/friends.json".into()],
        ),
        (
            "fixtures/facebook/html-2020",
            vec!["fixtures/facebook/2020/friends/friends.json".into()],
        ),
        (
            "fixtures/instagram/html-2025",
            vec![
                format!("{ig}/followers_1.json"),
                format!("{ig}/followers_2.json"),
                format!("{ig}/following.json"),
            ],
        ),
    ];
    for (html, json) in pairs {
        let from_html = people(merged(&[html]));
        let json: Vec<&str> = json.iter().map(String::as_str).collect();
        let from_json = people(merged(&json));
        assert!(!from_html.is_empty(), "{html}: no contacts");
        assert_eq!(from_html, from_json, "{html} against {json:?}");
    }
    // Both variants together: each person once.
    let both = merged(&[
        "fixtures/instagram/html-2025",
        &format!("{ig}/followers_1.json"),
        &format!("{ig}/followers_2.json"),
        &format!("{ig}/following.json"),
    ]);
    assert_eq!(both.len(), merged(&["fixtures/instagram/html-2025"]).len());
    // What the comparison rests on: names repaired, profiles and dates carried.
    let fb = merged(&["fixtures/facebook/html-2024"]);
    let ana = fb
        .iter()
        .find(|c| c["name"]["full"] == "Ana Hoàng")
        .unwrap();
    assert_eq!(ana["events"][0]["kind"], "friend_since");
    assert_eq!(ana["events"][0]["date"], "2020-08-21T08:53:20");
    let ig = merged(&["fixtures/instagram/html-2025"]);
    let anna = ig
        .iter()
        .find(|c| c["profiles"][0]["handle"] == "anna.schmidt")
        .unwrap();
    assert_eq!(
        anna["profiles"][0]["url"],
        "https://www.instagram.com/anna.schmidt"
    );
    assert_eq!(anna["name"]["full"], "");
    assert_eq!(anna["sources"].as_array().unwrap().len(), 2);
}

/// `rolo merge INPUT... --kinds all --to json`, parsed: blocked and restricted people too.
fn merged_all(inputs: &[&str]) -> Vec<Value> {
    merged_with(inputs, &["--kinds", "all"])
}

#[test]
fn instagram_label_table_pages_read_like_their_json_twins() {
    // blocked_profiles.html in the two-cell shape, restricted_profiles.html in the one-cell
    // shape: the same people as the label_values JSON of the same lists.
    let dir = "fixtures/instagram/html-tables/connections/followers_and_following";
    let ig = "fixtures/instagram/2025/connections/followers_and_following";
    let from_html = people(merged_all(&[
        &format!("{dir}/blocked_profiles.html"),
        &format!("{dir}/restricted_profiles.html"),
    ]));
    let from_json = people(merged_all(&[
        &format!("{ig}/blocked_profiles.json"),
        &format!("{ig}/restricted_profiles.json"),
    ]));
    assert_eq!(from_html.len(), 3, "{from_html:?}");
    assert_eq!(from_html, from_json);

    // close_friends.html: the Username row is the account, the URL row its bio link, even when
    // that link is another Instagram profile or a bare domain; a <span> around a value is no
    // matter.
    let friends = merged_all(&[&format!("{dir}/close_friends.html")]);
    let seen: Vec<(&str, &str, &str)> = friends
        .iter()
        .map(|c| {
            (
                c["name"]["full"].as_str().unwrap(),
                c["profiles"][0]["url"].as_str().unwrap(),
                c["events"][0]["kind"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            (
                "Anna Schmidt",
                "https://www.instagram.com/anna.schmidt",
                "close_friend_added"
            ),
            (
                "Linh Tran",
                "https://www.instagram.com/linh.tran",
                "close_friend_added"
            ),
        ]
    );
    assert_eq!(friends[0]["profiles"].as_array().unwrap().len(), 1);
    assert_eq!(friends[0]["sources"][0]["line"], 4);
}

#[test]
fn an_instagram_label_table_entry_without_username_or_name_is_rejected_at_its_line() {
    let tmp = tempfile::tempdir().unwrap();
    let page = tmp.path().join("blocked_profiles.html");
    let row = |label: &str, value: &str| {
        format!("<tr><td class=\"_a6_q\">{label}</td><td class=\"_2piu _a6_r\">{value}</td></tr>")
    };
    let entry = |rows: &str| {
        format!(
            "<div class=\"pam _3-95 _2ph- _a6-g uiBoxWhite noborder\"><div class=\"_a6-p\">\
             <table>{rows}</table></div><div class=\"_3-94 _a6-o\">Jan 02, 2025 12:00 pm</div></div>\n"
        )
    };
    std::fs::write(
        &page,
        format!(
            "<!DOCTYPE html>\n<html><body><div class=\"_a706\" role=\"main\"><h1>Blocked</h1>\n{}{}</div></body></html>\n",
            entry(&(row("Nombre", "Ana Ruiz") + &row("Nombre de usuario", "ana.ruiz"))),
            entry(&row("URL", "")),
        ),
    )
    .unwrap();
    let report = tmp.path().join("report.json");
    let out = rolo()
        .arg("merge")
        .arg(&page)
        .args(["--kinds", "all", "--to", "json", "--report"])
        .arg(&report)
        .output()
        .unwrap();
    assert!(out.status.success());
    let contacts: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    // Spanish labels: the username label is known in the account's language.
    assert_eq!(contacts.len(), 1);
    assert_eq!(contacts[0]["name"]["full"], "Ana Ruiz");
    assert_eq!(contacts[0]["profiles"][0]["handle"], "ana.ruiz");
    let report: Value = serde_json::from_str(&std::fs::read_to_string(report).unwrap()).unwrap();
    let rejected = report["rejected"].as_array().unwrap();
    assert_eq!(rejected.len(), 1, "{rejected:?}");
    assert_eq!(rejected[0]["location"]["line"], 4, "{rejected:?}");
}

/// `rolo inspect --json`: (file, platform, format, records) of every file read.
fn inspected(input: &Path) -> Vec<(String, String, String, u64)> {
    let out = rolo()
        .args(["inspect", "--json"])
        .arg(input)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut files: Vec<(String, String, String, u64)> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["file"].as_str().unwrap().to_string(),
                f["platform"].as_str().unwrap().to_string(),
                f["format"].as_str().unwrap().to_string(),
                f["records"].as_u64().unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(common::root().join(rel)).unwrap()
}

#[test]
fn html_pages_are_recognised_by_content_in_a_zip_and_a_folder() {
    let pages = [
        (
            "fixtures/facebook/html-2024/connections/friends/your_friends.html",
            "facebook",
            9,
        ),
        (
            "fixtures/facebook/html-2020/friends/friends.html",
            "facebook",
            4,
        ),
        (
            "fixtures/instagram/html-2025/connections/followers_and_following/following.html",
            "instagram",
            4,
        ),
    ];
    // Meta's zip: folders renamed as a user might unpack them; an HTML page that is not Meta's,
    // under a telling name, is not read as a friends list.
    let tmp = tempfile::tempdir().unwrap();
    let zip_path = tmp.path().join("facebook-export-Html.zip");
    let folder = tmp.path().join("unpacked");
    {
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
        let opts = zip::write::SimpleFileOptions::default();
        for (i, (rel, _, _)) in pages.iter().enumerate() {
            let name = format!(
                "part{i}/{}",
                Path::new(rel).file_name().unwrap().to_string_lossy()
            );
            zip.start_file(&name, opts).unwrap();
            zip.write_all(read(rel).as_bytes()).unwrap();
            let path = folder.join(&name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, read(rel)).unwrap();
        }
        zip.start_file("mine/followers.html", opts).unwrap();
        zip.write_all(
            b"<!DOCTYPE html><html><body><h1>My followers</h1><p>Someone</p></body></html>",
        )
        .unwrap();
        zip.finish().unwrap();
    }
    let expected: Vec<(String, String, String, u64)> = pages
        .iter()
        .enumerate()
        .map(|(i, (rel, platform, n))| {
            let name = Path::new(rel).file_name().unwrap().to_string_lossy();
            (
                format!("part{i}/{name}"),
                platform.to_string(),
                "html-lists".to_string(),
                *n,
            )
        })
        .collect();
    assert_eq!(inspected(&zip_path), expected);
    assert_eq!(inspected(&folder), expected);
    // The page that is no export: skipped with a warning, not read.
    let out = rolo().args(["inspect"]).arg(&zip_path).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("mine/followers.html") && stderr.contains("HTML"),
        "{stderr}"
    );
}

#[test]
fn html_entries_keep_their_line_and_nameless_ones_are_rejected_there() {
    let tmp = tempfile::tempdir().unwrap();
    let page = tmp.path().join("your_friends.html");
    std::fs::write(
        &page,
        "<!DOCTYPE html>\n<html><body><div class=\"_a706\" role=\"main\">\n\
         <section class=\"_a6-g\"><h2 class=\"_a6-h\">Jo Ng</h2>\
         <footer class=\"_a6-o\"><div class=\"_a72d\">Jan 02, 2023 3:04:05 pm</div></footer></section>\n\
         <section class=\"_a6-g\"><h2 class=\"_a6-h\"> </h2>\
         <footer class=\"_a6-o\"><div class=\"_a72d\">Jan 03, 2023 3:04:05 pm</div></footer></section>\n\
         </div></body></html>\n",
    )
    .unwrap();
    let report = tmp.path().join("report.json");
    let out = rolo()
        .arg("merge")
        .arg(&page)
        .args(["--to", "json", "--report"])
        .arg(&report)
        .output()
        .unwrap();
    assert!(out.status.success());
    let contacts: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(contacts.len(), 1);
    assert_eq!(contacts[0]["sources"][0]["line"], 3);
    assert_eq!(contacts[0]["events"][0]["date"], "2023-01-02T15:04:05");
    let report: Value = serde_json::from_str(&std::fs::read_to_string(report).unwrap()).unwrap();
    let rejected = report["rejected"].as_array().unwrap();
    assert_eq!(rejected.len(), 1, "{rejected:?}");
    assert_eq!(rejected[0]["location"]["line"], 4, "{rejected:?}");
}
