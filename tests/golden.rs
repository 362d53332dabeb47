//! Golden tests: every fixture folder read through the whole pipeline, compared as pretty JSON.
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
        let path = common::root()
            .join("tests/golden")
            .join(format!("{name}.json"));
        if let Err(e) = std::panic::catch_unwind(|| common::golden(Path::new(&path), &json)) {
            failures.push(
                e.downcast_ref::<String>()
                    .cloned()
                    .unwrap_or_else(|| dir.clone()),
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
