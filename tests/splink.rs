//! The round trip through an external linker on the demo exports: rolo normalises
//! (`--no-dedupe --to jsonl`), `scripts/splink_link.py` links with Splink on DuckDB and writes
//! clusters, `rolo merge --clusters` merges them.
//!
//! Splink is a Python package this test never installs (`scripts/bench.sh` does, into
//! `$SPLINK_VENV` or /tmp/rolo-splink-venv). It uses `$SPLINK_PYTHON`, else the python of that
//! virtualenv, else `python3` when it imports splink. Without one the test says SKIPPED straight
//! to the terminal (libtest hides what a passing test prints); with `ROLO_REQUIRE_SPLINK=1` a
//! missing Splink is a failure instead.

mod common;

use assert_cmd::Command;
use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;

fn imports_splink(python: &PathBuf) -> bool {
    std::process::Command::new(python)
        .args(["-c", "import splink"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

/// A Python that has Splink, if there is one.
fn splink_python() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("SPLINK_PYTHON") {
        return Some(PathBuf::from(p));
    }
    let venv = std::env::var_os("SPLINK_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/tmp/rolo-splink-venv"));
    [venv.join("bin/python"), PathBuf::from("python3")]
        .into_iter()
        .find(imports_splink)
}

fn required() -> bool {
    std::env::var("ROLO_REQUIRE_SPLINK").is_ok_and(|v| !matches!(v.trim(), "" | "0" | "false"))
}

fn rolo() -> Command {
    let mut c = Command::cargo_bin("rolo").unwrap();
    c.current_dir(common::root());
    c
}

#[test]
fn splink_clusters_of_the_demo_merge_through_rolo() {
    let Some(python) = splink_python() else {
        assert!(
            !required(),
            "ROLO_REQUIRE_SPLINK is set and no Python with Splink was found (SPLINK_PYTHON, \
             SPLINK_VENV, /tmp/rolo-splink-venv, python3)"
        );
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED: the Splink round trip (no Python with splink: set SPLINK_PYTHON, or run \
             scripts/bench.sh once to install it)"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (records, clusters, out) = (
        dir.path().join("records.jsonl"),
        dir.path().join("clusters.csv"),
        dir.path().join("out.json"),
    );
    rolo()
        .args([
            "merge",
            "fixtures/demo",
            "--no-dedupe",
            "--to",
            "jsonl",
            "-qq",
            "-o",
        ])
        .arg(&records)
        .assert()
        .success();
    let linked = std::process::Command::new(&python)
        .arg(common::root().join("scripts/splink_link.py"))
        .arg(&records)
        .arg("-o")
        .arg(&clusters)
        .arg("-q")
        .output()
        .unwrap();
    assert!(
        linked.status.success(),
        "splink_link.py failed:\n{}",
        String::from_utf8_lossy(&linked.stderr)
    );
    let run = rolo()
        .args(["merge", "fixtures/demo", "--to", "json", "--clusters"])
        .arg(&clusters)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    // Splink named every record, and never two rows of one list in a cluster it built.
    assert!(!stderr.contains("not in the clusters file"), "{stderr}");
    assert!(!stderr.contains("split in"), "{stderr}");
    let contacts: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let sources: usize = contacts
        .iter()
        .map(|c| c["sources"].as_array().unwrap().len())
        .sum();
    assert_eq!(sources, 33, "every record in one contact");
    // Maren Holt's LinkedIn connection and her phone's card share an email: one contact.
    let maren = contacts
        .iter()
        .find(|c| {
            c["sources"].as_array().unwrap().iter().any(|s| {
                s["file"] == "linkedin/Connections.csv" && c["name"]["full"] == "Maren Holt"
            })
        })
        .expect("Maren Holt's contact");
    let platforms: Vec<&str> = maren["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["platform"].as_str().unwrap())
        .collect();
    assert!(platforms.contains(&"vcard"), "{platforms:?}");
    assert!(maren["merge"]["evidence"][0]
        .as_str()
        .unwrap()
        .starts_with("external cluster "));
}
