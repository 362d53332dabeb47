//! `rolo merge --clusters FILE`: cluster assignments made outside rolo (scripts/splink_link.py),
//! applied instead of rolo's matching. Hand-written clusters files on the demo exports; no Python.

mod common;

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

fn rolo() -> Command {
    let mut c = Command::cargo_bin("rolo").unwrap();
    c.current_dir(common::root());
    c
}

/// The normalised records of `inputs` (`--no-dedupe --to jsonl`): the ids a clusters file names.
fn records(inputs: &[&str], dir: &Path) -> Vec<Value> {
    let out = dir.join("records.jsonl");
    rolo()
        .args(["merge", "--no-dedupe", "--to", "jsonl", "-qq", "-o"])
        .arg(&out)
        .args(inputs)
        .assert()
        .success();
    std::fs::read_to_string(&out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn id_of<'a>(records: &'a [Value], name: &str, platform: &str) -> &'a str {
    records
        .iter()
        .find(|r| r["name"]["full"] == name && r["sources"][0]["platform"] == platform)
        .unwrap_or_else(|| panic!("no {platform} record of {name}"))["id"]
        .as_str()
        .unwrap()
}

fn merge_json(inputs: &[&str], clusters: &Path, out: &Path) -> std::process::Output {
    rolo()
        .arg("merge")
        .args(inputs)
        .arg("--clusters")
        .arg(clusters)
        .args(["--to", "json", "-o"])
        .arg(out)
        .output()
        .unwrap()
}

fn contacts(out: &Path) -> Vec<Value> {
    serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap()
}

/// The file decides: two people rolo would never join (a Facebook friend and a Google contact
/// with nothing in common) become one contact when the file says so, with the file's cluster
/// as the merge evidence; records the file does not name stay contacts of their own, and the
/// warning says how many.
#[test]
fn records_put_together_are_merged_and_the_rest_stay_alone() {
    let dir = tempfile::tempdir().unwrap();
    let recs = records(&["fixtures/demo"], dir.path());
    let tomas = id_of(&recs, "Tomás Ferreira", "facebook");
    let priya = id_of(&recs, "Priya Natarajan", "google");
    let zoe = id_of(&recs, "Zoë Kowalski", "facebook");
    let clusters = dir.path().join("clusters.csv");
    std::fs::write(
        &clusters,
        format!("record_id,cluster_id\n{tomas},c1\n{zoe},c2\n{priya},c1\n"),
    )
    .unwrap();
    let out = dir.path().join("out.json");
    let run = merge_json(&["fixtures/demo"], &clusters, &out);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "rolo: warning: {}: 30 of 33 records are not in the clusters file: each stays a \
             contact of its own",
            clusters.display()
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains("wrote 32 contacts") && stderr.contains("(1 merges of 2 records)"),
        "{stderr}"
    );
    let contacts = contacts(&out);
    assert_eq!(contacts.len(), 32);
    let joined: Vec<&Value> = contacts
        .iter()
        .filter(|c| c["sources"].as_array().unwrap().len() > 1)
        .collect();
    assert_eq!(joined.len(), 1);
    let platforms: Vec<&str> = joined[0]["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["platform"].as_str().unwrap())
        .collect();
    assert_eq!(platforms, ["facebook", "google"]);
    assert_eq!(joined[0]["merge"]["evidence"][0], "external cluster c1");
    assert_eq!(joined[0]["merge"]["score"], 1.0);
    // Every record is in exactly one contact.
    let sources: usize = contacts
        .iter()
        .map(|c| c["sources"].as_array().unwrap().len())
        .sum();
    assert_eq!(sources, 33);
}

/// A clusters file made from rolo's own clusters gives rolo's own contacts: the ids, the
/// survivorship and the output are those of a normal merge.
#[test]
fn rolos_own_clusters_given_back_give_the_same_contacts() {
    let dir = tempfile::tempdir().unwrap();
    let recs = records(&["fixtures/demo"], dir.path());
    let normal = dir.path().join("normal.json");
    rolo()
        .args(["merge", "fixtures/demo", "-qq", "--to", "json", "-o"])
        .arg(&normal)
        .assert()
        .success();
    // Which contact each record went to, by where it was read.
    let place = |s: &Value| format!("{}|{}|{}", s["file"], s["kind"], s["index"]);
    let mut cluster_of = std::collections::HashMap::new();
    for c in contacts(&normal) {
        for s in c["sources"].as_array().unwrap() {
            cluster_of.insert(place(s), c["id"].as_str().unwrap().to_string());
        }
    }
    let mut file = String::new();
    for r in &recs {
        let cluster = &cluster_of[&place(&r["sources"][0])];
        file.push_str(&format!(
            "{{\"record_id\":\"{}\",\"cluster_id\":\"{cluster}\"}}\n",
            r["id"].as_str().unwrap()
        ));
    }
    let clusters = dir.path().join("clusters.jsonl");
    std::fs::write(&clusters, file).unwrap();
    let out = dir.path().join("out.json");
    let run = merge_json(&["fixtures/demo"], &clusters, &out);
    assert!(run.status.success());
    let (a, b) = (contacts(&normal), contacts(&out));
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x["id"], y["id"]);
        let strip = |v: &Value| {
            let mut v = v.clone();
            v["merge"] = Value::Null;
            v
        };
        assert_eq!(strip(x), strip(y));
    }
}

/// An id no record of the run has is an error naming the file and line; nothing is written.
/// Something that is not a rolo id is not repeated (it might be an address).
#[test]
fn an_unknown_id_is_an_error_with_file_and_line_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let recs = records(&["fixtures/demo"], dir.path());
    let known = recs[0]["id"].as_str().unwrap();
    let clusters = dir.path().join("clusters.csv");
    let out = dir.path().join("out.json");
    for (line3, shown) in [
        (
            "r-000000000000,2",
            "no record of this run has the id r-000000000000",
        ),
        ("maren.holt@example.org,2", "not a rolo record id"),
    ] {
        std::fs::write(
            &clusters,
            format!("record_id,cluster_id\n{known},1\n{line3}\n"),
        )
        .unwrap();
        let run = merge_json(&["fixtures/demo"], &clusters, &out);
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains(&format!("rolo: error: {}:3: {shown}", clusters.display())),
            "{stderr}"
        );
        assert!(!stderr.contains("maren"), "{stderr}");
        assert!(!out.exists());
    }
}

/// Two rows of one Connections.csv are two people whatever the file says: the cluster is split,
/// with a warning at the line of the record that had to leave.
#[test]
fn two_rows_of_one_connections_file_are_never_one_contact() {
    let dir = tempfile::tempdir().unwrap();
    let recs = records(&["fixtures/demo"], dir.path());
    let rows: Vec<&str> = recs
        .iter()
        .filter(|r| r["sources"][0]["file"] == "linkedin/Connections.csv")
        .take(2)
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    let clusters = dir.path().join("clusters.csv");
    std::fs::write(&clusters, format!("{},x\n{},x\n", rows[0], rows[1])).unwrap();
    let out = dir.path().join("out.json");
    let run = merge_json(&["fixtures/demo"], &clusters, &out);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{}:2: a cluster holds two records of one platform list (linkedin/Connections.csv): \
             split in 2",
            clusters.display()
        )),
        "{stderr}"
    );
    assert_eq!(contacts(&out).len(), 33);
    // --strict makes the split a failure.
    let strict = rolo()
        .args(["merge", "fixtures/demo", "--strict", "-qq", "--clusters"])
        .arg(&clusters)
        .arg("-o")
        .arg(dir.path().join("strict.json"))
        .output()
        .unwrap();
    assert_eq!(strict.status.code(), Some(1));
}

/// The same inputs in another order, with the file's lines in another order, give the same
/// output byte for byte.
#[test]
fn the_order_of_inputs_and_of_lines_does_not_change_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = [
        "fixtures/demo/linkedin",
        "fixtures/demo/google",
        "fixtures/demo/phone",
    ];
    let recs = records(&inputs, dir.path());
    // One cluster per family name: joins the demo's people across the three exports.
    let mut lines: Vec<String> = recs
        .iter()
        .map(|r| {
            let family = r["name"]["family"]
                .as_str()
                .unwrap_or_default()
                .to_lowercase();
            let cluster = if family.is_empty() {
                r["id"].as_str().unwrap().to_string()
            } else {
                family
            };
            format!("{},{cluster}", r["id"].as_str().unwrap())
        })
        .collect();
    let forward = dir.path().join("forward.csv");
    std::fs::write(&forward, lines.join("\n")).unwrap();
    lines.reverse();
    let backward = dir.path().join("backward.csv");
    std::fs::write(&backward, lines.join("\n")).unwrap();
    let (a, b) = (dir.path().join("a.vcf"), dir.path().join("b.vcf"));
    let mut reversed = inputs;
    reversed.reverse();
    for (ins, file, out) in [(&inputs, &forward, &a), (&reversed, &backward, &b)] {
        rolo()
            .arg("merge")
            .args(ins.iter())
            .arg("--clusters")
            .arg(file)
            .arg("-o")
            .arg(out)
            .assert()
            .success();
    }
    let (a, b) = (std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
    assert_eq!(a, b);
    assert!(String::from_utf8_lossy(&a).matches("BEGIN:VCARD").count() < recs.len());
}

#[test]
fn clusters_conflict_with_no_dedupe_and_model_options() {
    for extra in [["--no-dedupe"], ["--builtin-weights"]] {
        rolo()
            .args(["merge", "fixtures/demo", "--clusters", "c.csv"])
            .args(extra)
            .assert()
            .code(2);
    }
}
