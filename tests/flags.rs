//! Flags of `rolo merge` and `rolo inspect` through the binary, each shown to change what it says
//! it changes.

mod common;

use assert_cmd::Command;
use serde_json::Value;

fn rolo() -> Command {
    let mut c = Command::cargo_bin("rolo").unwrap();
    c.current_dir(common::root());
    c
}

/// `rolo merge ARGS --to json -qq`, parsed.
fn merged(args: &[&str], stdin: Option<&str>) -> Vec<Value> {
    let mut cmd = rolo();
    cmd.arg("merge").args(args).args(["--to", "json", "-qq"]);
    if let Some(s) = stdin {
        cmd.write_stdin(s);
    }
    let out = cmd.assert().success().get_output().stdout.clone();
    serde_json::from_slice::<Vec<Value>>(&out).unwrap()
}

const TWO_CARDS: &str = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jo Doe\r\nN:Doe;Jo;;;\r\nEMAIL:j.o.doe+news@gmail.com\r\nTEL:030 1234567\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Joanna Doe\r\nN:Doe;Joanna;;;\r\nEMAIL:jodoe@gmail.com\r\nEND:VCARD\r\n";

#[test]
fn stdin_is_read_as_an_input() {
    let out = merged(&["-", "--no-dedupe"], Some(TWO_CARDS));
    assert_eq!(out.len(), 2);
    assert_eq!(out[0]["sources"][0]["input"], "-");
}

#[test]
fn fold_gmail_makes_dots_and_tags_one_address() {
    assert_eq!(merged(&["-"], Some(TWO_CARDS)).len(), 2);
    assert_eq!(merged(&["-", "--fold-gmail"], Some(TWO_CARDS)).len(), 1);
}

#[test]
fn region_parses_numbers_written_without_a_country_code() {
    let phone = |args: &[&str]| {
        let out = merged(args, Some(TWO_CARDS));
        out.iter()
            .flat_map(|c| c["phones"].as_array().cloned().unwrap_or_default())
            .map(|p| p["value"].as_str().unwrap_or("").to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(phone(&["-", "--no-dedupe"]), vec![String::new()]);
    assert_eq!(
        phone(&["-", "--no-dedupe", "--region", "DE"]),
        vec!["+49301234567".to_string()]
    );
}

#[test]
fn kinds_list_keeps_only_the_kinds_named() {
    let all = merged(&["fixtures/demo", "--no-dedupe"], None);
    let friends = merged(&["fixtures/demo", "--no-dedupe", "--kinds", "friend"], None);
    assert!(!friends.is_empty() && friends.len() < all.len());
    for c in &friends {
        assert_eq!(c["sources"][0]["kind"], "friend");
    }
}

#[test]
fn a_higher_threshold_merges_less() {
    // The demo's Instagram handle spelling a friend's name is a link at even odds (0.5).
    let contacts = |t: &str| merged(&["fixtures/demo", "--threshold", t], None).len();
    assert!(contacts("0.6") > contacts("0.5"));
}

#[test]
fn explain_and_timings_write_to_standard_error() {
    let out = rolo()
        .args([
            "merge",
            "fixtures/demo",
            "--to",
            "json",
            "--explain",
            "--timings",
            "-q",
        ])
        .assert()
        .success()
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("rolo: merged "), "{err}");
    assert!(err.contains("rolo: timings"), "{err}");
    for stage in [
        "reading",
        "blocking",
        "training",
        "scoring",
        "clustering",
        "writing",
    ] {
        assert!(err.contains(stage), "no {stage} in {err}");
    }
    // Every stage line and the total carry the CPU time beside the wall time.
    let lines: Vec<&str> = err
        .lines()
        .skip_while(|l| !l.starts_with("rolo: timings"))
        .skip(1)
        .collect();
    assert!(lines.len() > 5, "{err}");
    for l in lines {
        assert!(
            l.contains(" s  cpu ") && l.trim_end().ends_with(|c: char| c.is_ascii_alphanumeric()),
            "{l}"
        );
    }
}

#[test]
fn inspect_json_is_the_report() {
    let out = rolo()
        .args(["inspect", "fixtures/demo", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert!(!v["files"].as_array().unwrap().is_empty());
    assert!(v["files"][0]["platform"].is_string());
}
