//! Golden tests: every fixture folder read through the whole pipeline, compared as pretty JSON,
//! and what the run left out or questioned (records read per platform, rejected and filtered
//! records, warnings, skipped files) compared as text beside it (`<name>.report.txt`).
//! `UPDATE_GOLDEN=1 cargo test --test golden` rewrites the expected files after a deliberate change.

mod common;

use std::path::Path;

/// The folders whose merged output is pinned: the demo, and every `fixtures/<platform>/<case>/`
/// (`fixtures/bad/` holds broken inputs with tests of their own).
fn fixture_dirs() -> Vec<String> {
    let mut dirs = vec!["fixtures/demo".to_string()];
    let subdirs = |rel: &str| -> Vec<String> {
        let mut found: Vec<String> = std::fs::read_dir(common::root().join(rel))
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.path().is_dir())
            .map(|e| format!("{rel}/{}", e.file_name().to_string_lossy()))
            .collect();
        found.sort();
        found
    };
    for group in subdirs("fixtures") {
        if group != "fixtures/demo" && group != "fixtures/bad" {
            dirs.extend(subdirs(&group));
        }
    }
    dirs
}

#[test]
fn every_fixture_matches_its_golden_output() {
    let mut failures = Vec::new();
    for dir in fixture_dirs() {
        let outcome = common::run(&[&dir]);
        assert!(
            outcome.report.errors.is_empty(),
            "{dir}: errors {:?}",
            outcome.report.errors
        );
        let mut json = serde_json::to_string_pretty(&outcome.contacts).unwrap();
        json.push('\n');
        let name = dir.replace('/', "__");
        let report = report_text(&outcome.report);
        for (file, text) in [
            (format!("{name}.json"), &json),
            (format!("{name}.report.txt"), &report),
        ] {
            let path = common::root().join("tests/golden").join(file);
            if let Err(e) = std::panic::catch_unwind(|| common::golden(Path::new(&path), text)) {
                failures.push(
                    e.downcast_ref::<String>()
                        .cloned()
                        .unwrap_or_else(|| dir.clone()),
                );
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The run's report as lines a reviewer reads: records per platform, every rejected record and
/// warning with its location and reason, the filtered counts per kind, the skipped files.
fn report_text(r: &rolo::report::Report) -> String {
    let mut out = String::new();
    for (platform, n) in r.records_per_platform() {
        out.push_str(&format!("read: {platform} {n}\n"));
    }
    for (kind, n) in &r.filtered {
        out.push_str(&format!("filtered: {kind} {n}\n"));
    }
    for (what, list) in [
        ("rejected", &r.rejected),
        ("warning", &r.warnings),
        ("skipped", &r.skipped),
    ] {
        for i in list {
            out.push_str(&format!("{what}: {i}\n"));
        }
    }
    out
}
