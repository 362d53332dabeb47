//! Independent parsers read rolo's vCard output: Python's vobject (and khard when installed, for
//! the single file and for the vdir folder), by
//! `scripts/check-clients.sh`. Without python3 and vobject the test says so on stderr and passes:
//! it is skipped, not silently green.

mod common;

use std::process::Command;

fn vobject_available() -> bool {
    Command::new("python3")
        .args(["-c", "import vobject"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

#[test]
fn vcard_3_and_4_output_parse_with_python_vobject() {
    if !vobject_available() {
        eprintln!(
            "SKIPPED: vcard_3_and_4_output_parse_with_python_vobject: python3 with vobject is not \
             available (pip install vobject, or run scripts/check-clients.sh, which installs it)"
        );
        return;
    }
    let out = Command::new("bash")
        .arg(common::root().join("scripts/check-clients.sh"))
        .env("ROLO", env!("CARGO_BIN_EXE_rolo"))
        .current_dir(common::root())
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "check-clients failed\n--- stdout\n{stdout}\n--- stderr\n{stderr}"
    );
    assert!(
        !stdout.contains("SKIPPED"),
        "vobject imports here, yet the script skipped:\n{stdout}"
    );
    assert!(
        stdout.contains("vCard 3.0 cards parsed and checked"),
        "{stdout}"
    );
    assert!(
        stdout.contains("vCard 4.0 cards parsed and checked"),
        "{stdout}"
    );
    // khard reads rolo's vdir output as it reads the single file (scripts/check-clients.sh).
    if khard_available() {
        for version in ["3.0", "4.0"] {
            assert!(
                stdout.contains(&format!("vdir vCard {version} cards listed")),
                "{stdout}"
            );
        }
    } else {
        eprintln!(
            "SKIPPED: the khard checks (single file and vdir): khard is not installed \
             (pip install khard; .ci/run installs it)"
        );
    }
    eprintln!("{stdout}");
}

fn khard_available() -> bool {
    Command::new("khard")
        .arg("--version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}
