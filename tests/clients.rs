//! Independent parsers read rolo's vCard output: Python's vobject, and khard for the single file
//! and for the vdir folder, by `scripts/check-clients.sh`.
//!
//! A client that is missing is a failure where the clients are required (`.ci/run` sets
//! `ROLO_REQUIRE_CLIENTS=1`; so does any CI that sets `CI`), and elsewhere a SKIPPED written
//! straight to the terminal: libtest hides what a passing test prints with `eprintln!`, so that
//! would be a green test that checked nothing.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Whether a missing client fails the test instead of skipping it.
fn required() -> bool {
    let set = |name: &str| {
        std::env::var(name)
            .map(|v| !matches!(v.trim(), "" | "0" | "false"))
            .unwrap_or(false)
    };
    set("ROLO_REQUIRE_CLIENTS") || set("CI")
}

/// A client is missing: panic when they are required, else say SKIPPED where it shows.
fn missing(what: &str) {
    assert!(
        !required(),
        "{what} (ROLO_REQUIRE_CLIENTS or CI is set: the clients are required; pip install \
         vobject khard)"
    );
    // Straight to the process's stderr, past libtest's capture.
    let _ = writeln!(std::io::stderr(), "SKIPPED: {what}");
}

fn vobject_available() -> bool {
    Command::new("python3")
        .args(["-c", "import vobject"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

fn khard_available() -> bool {
    Command::new("khard")
        .arg("--version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

/// Runs scripts/check-clients.sh on the built binary; `path` replaces PATH and
/// `require` sets or removes ROLO_REQUIRE_CLIENTS.
fn check_clients(path: Option<&Path>, require: Option<bool>) -> (Output, String) {
    // Found on the test's own PATH: `path` replaces the script's.
    let bash = which("bash").unwrap_or_else(|| PathBuf::from("bash"));
    let mut cmd = Command::new(bash);
    cmd.arg(common::root().join("scripts/check-clients.sh"))
        .env("ROLO", env!("CARGO_BIN_EXE_rolo"))
        .current_dir(common::root());
    if let Some(p) = path {
        cmd.env("PATH", p);
    }
    match require {
        Some(true) => {
            cmd.env("ROLO_REQUIRE_CLIENTS", "1");
        }
        Some(false) => {
            cmd.env_remove("ROLO_REQUIRE_CLIENTS");
        }
        None => {}
    }
    let out = cmd.output().expect("bash runs");
    let text = format!(
        "--- stdout\n{}\n--- stderr\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out, text)
}

#[test]
fn vcard_3_and_4_output_parse_with_python_vobject_and_khard() {
    if !vobject_available() {
        missing(
            "vcard_3_and_4_output_parse_with_python_vobject_and_khard: python3 with vobject is \
             not available (pip install vobject, or run scripts/check-clients.sh, which installs \
             it)",
        );
        return;
    }
    let (out, text) = check_clients(None, None);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "check-clients failed\n{text}");
    assert!(
        !stdout.contains("SKIPPED"),
        "vobject imports here, yet the script skipped:\n{text}"
    );
    assert!(
        stdout.contains("vCard 3.0 cards parsed and checked"),
        "{text}"
    );
    assert!(
        stdout.contains("vCard 4.0 cards parsed and checked"),
        "{text}"
    );
    // khard reads rolo's vdir output as it reads the single file (scripts/check-clients.sh).
    if khard_available() {
        for version in ["3.0", "4.0"] {
            assert!(
                stdout.contains(&format!("vdir vCard {version} cards listed")),
                "{text}"
            );
        }
    } else {
        missing("the khard checks (single file and vdir): khard is not installed");
    }
}

/// A folder for PATH holding the tools check-clients.sh uses and a `python3` running `python`
/// with `python_args` first, but no khard.
fn bin_without_khard(dir: &Path, python_args: &str) -> PathBuf {
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let real = Command::new("python3")
        .args(["-c", "import sys; print(sys.executable)"])
        .output()
        .expect("python3 runs");
    let real = String::from_utf8(real.stdout).unwrap().trim().to_string();
    let shim = bin.join("python3");
    std::fs::write(
        &shim,
        format!("#!/bin/sh\nexec '{real}' {python_args} \"$@\"\n"),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&shim, std::fs::Permissions::from_mode(0o755)).unwrap();
    for tool in [
        "sh", "dirname", "mktemp", "rm", "mkdir", "find", "wc", "cat", "cut", "sort", "grep",
    ] {
        let found = which(tool).unwrap_or_else(|| panic!("{tool} not found on PATH"));
        std::os::unix::fs::symlink(found, bin.join(tool)).unwrap();
    }
    bin
}

fn which(tool: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(tool))
        .find(|p| p.is_file())
}

fn python_available() -> bool {
    Command::new("python3")
        .arg("--version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

#[test]
fn a_missing_vobject_is_skipped_in_capitals_and_fails_when_required() {
    if !python_available() {
        missing("a_missing_vobject_is_…: python3 is not available");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    // `python -S` has no site-packages: neither vobject nor pip.
    let bin = bin_without_khard(dir.path(), "-S");
    let (out, text) = check_clients(Some(&bin), Some(false));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(stdout.contains("SKIPPED: "), "{text}");
    assert!(!stdout.contains("parsed and checked"), "{text}");

    let (out, text) = check_clients(Some(&bin), Some(true));
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("FAILED: "),
        "{text}"
    );
}

#[test]
fn a_missing_khard_is_skipped_in_capitals_and_fails_when_required() {
    if !vobject_available() {
        missing("a_missing_khard_is_…: python3 with vobject is not available");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let bin = bin_without_khard(dir.path(), "");
    let (out, text) = check_clients(Some(&bin), Some(false));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(stdout.contains("cards parsed and checked"), "{text}");
    assert!(stdout.contains("SKIPPED: khard"), "{text}");

    let (out, text) = check_clients(Some(&bin), Some(true));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(stdout.contains("FAILED: khard"), "{text}");
}
