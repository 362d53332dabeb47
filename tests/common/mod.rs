//! Shared helpers for the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(rel: &str) -> String {
    // Relative to the crate root: golden outputs then do not depend on where the repo lives.
    let p = root().join(rel);
    assert!(p.exists(), "missing fixture {rel}");
    rel.to_string()
}

/// Runs the library pipeline with default options from the crate root.
pub fn run(inputs: &[&str]) -> rolo::Outcome {
    run_with(inputs, &rolo::Options::default())
}

/// Runs the library pipeline with `opts` from the crate root.
pub fn run_with(inputs: &[&str], opts: &rolo::Options) -> rolo::Outcome {
    std::env::set_current_dir(root()).unwrap();
    let inputs: Vec<String> = inputs.iter().map(|s| s.to_string()).collect();
    rolo::run(&inputs, opts, &rolo::progress::Silent)
}

/// Default options with matching off: every record its own contact.
pub fn no_dedupe() -> rolo::Options {
    rolo::Options {
        dedupe: rolo::dedupe::DedupeOptions {
            enabled: false,
            ..rolo::dedupe::DedupeOptions::default()
        },
        ..rolo::Options::default()
    }
}

/// Compares `actual` with the golden file, or rewrites it with UPDATE_GOLDEN=1.
pub fn golden(path: &Path, actual: &str) {
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_else(|_| {
        panic!(
            "no golden file {}; run with UPDATE_GOLDEN=1 to create it",
            path.display()
        )
    });
    if expected != actual {
        let diff: Vec<String> = expected
            .lines()
            .zip(actual.lines())
            .enumerate()
            .filter(|(_, (e, a))| e != a)
            .take(10)
            .map(|(i, (e, a))| format!("line {}:\n  expected: {e}\n  actual:   {a}", i + 1))
            .collect();
        panic!(
            "{} differs from the output (UPDATE_GOLDEN=1 rewrites it)\n{}\n(expected {} lines, actual {})",
            path.display(),
            diff.join("\n"),
            expected.lines().count(),
            actual.lines().count()
        );
    }
}
