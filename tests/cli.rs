//! The binary, run as a user would: exit codes, files, formats, messages.

mod common;

use assert_cmd::Command;
use predicates::prelude::*;

fn rolo() -> Command {
    let mut c = Command::cargo_bin("rolo").unwrap();
    c.current_dir(common::root());
    c
}

#[test]
fn merge_writes_vcard_with_mode_0600_and_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("merged.vcf");
    rolo()
        .args(["merge", "fixtures/demo", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "rolo: read 36 records (linkedin 19, facebook 4, instagram 3, twitter 1, telegram 4",
        ))
        .stderr(predicate::str::contains("wrote 14 contacts"));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("BEGIN:VCARD\r\nVERSION:3.0\r\n"));
    assert_eq!(text.matches("BEGIN:VCARD").count(), 14);
    assert!(
        text.lines().all(|l| l.len() <= 76),
        "folded at 75 octets + CR"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // no temporary file left behind
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

/// `-o` naming a symbolic link replaces the file it points to and leaves the link in place
/// (a merged file linked into a sync folder stays linked).
#[cfg(unix)]
#[test]
fn output_through_a_symlink_replaces_the_file_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.vcf");
    let link = dir.path().join("link.vcf");
    std::fs::write(&real, "old").unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    rolo()
        .args(["merge", "fixtures/demo", "-qq", "-o"])
        .arg(&link)
        .assert()
        .success();
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    let text = std::fs::read_to_string(&real).unwrap();
    assert_eq!(text.matches("BEGIN:VCARD").count(), 14);
}

/// `-o` naming something that is not a regular file (`/dev/null`, a FIFO) writes into it: a
/// temporary file renamed over it would replace the device node itself.
#[cfg(unix)]
#[test]
fn output_to_a_fifo_writes_into_it_and_leaves_it_a_fifo() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.vcf");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success(), "mkfifo failed");
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    rolo()
        .args(["merge", "fixtures/demo", "-qq", "-o"])
        .arg(&fifo)
        .assert()
        .success();
    // Checked before joining: were the FIFO replaced, the reader would wait forever.
    assert!(std::fs::symlink_metadata(&fifo)
        .unwrap()
        .file_type()
        .is_fifo());
    let text = reader.join().unwrap();
    assert_eq!(text.matches("BEGIN:VCARD").count(), 14);
}

#[test]
fn merge_to_stdout_defaults_to_json() {
    let out = rolo()
        .args(["merge", "fixtures/demo", "-qq"])
        .assert()
        .success()
        .stderr("")
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 14);
}

#[test]
fn jsonl_and_vcard4_are_chosen_by_to() {
    let out = rolo()
        .args(["merge", "fixtures/demo", "-q", "--to", "jsonl"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert_eq!(text.lines().count(), 14);
    for l in text.lines() {
        serde_json::from_str::<serde_json::Value>(l).unwrap();
    }
    rolo()
        .args(["merge", "fixtures/demo", "-q", "--to", "vcard4"])
        .assert()
        .success()
        .stdout(predicate::str::contains("VERSION:4.0\r\n"));
}

#[test]
fn output_over_an_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("Connections.csv");
    std::fs::copy(
        common::root().join("fixtures/demo/linkedin/Connections.csv"),
        &input,
    )
    .unwrap();
    rolo()
        .arg("merge")
        .arg(&input)
        .arg("-o")
        .arg(&input)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("refusing to write over an input"));
}

#[test]
fn an_input_with_nothing_recognised_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "hello").unwrap();
    rolo()
        .args(["merge", "-q"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("nothing rolo can read was found"));
}

#[test]
fn a_missing_input_fails_with_exit_1_and_others_still_load() {
    rolo()
        .args([
            "merge",
            "no/such/export.zip",
            "fixtures/demo",
            "--to",
            "json",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no/such/export.zip"))
        .stdout(predicate::str::contains("Maren Holt"));
}

#[test]
fn usage_errors_exit_2() {
    rolo().args(["merge"]).assert().code(2);
    rolo()
        .args(["merge", "fixtures/demo", "--to", "yaml"])
        .assert()
        .code(2);
}

#[test]
fn inspect_lists_files_kinds_and_skipped() {
    rolo()
        .args(["inspect", "fixtures/demo", "-v"])
        .assert()
        .success()
        .stdout(predicate::str::contains("connections"))
        .stdout(predicate::str::contains("connection 8"))
        .stdout(predicate::str::contains(
            "skipped: fixtures/demo!linkedin/Company Follows.csv",
        ));
}

#[test]
fn zip_inputs_read_like_folders() {
    let dir = tempfile::tempdir().unwrap();
    let zip_path = dir.path().join("Basic_LinkedInDataExport_01-01-2025.zip");
    let f = std::fs::File::create(&zip_path).unwrap();
    let mut z = zip::ZipWriter::new(f);
    let opts = zip::write::SimpleFileOptions::default();
    for name in ["Connections.csv", "messages.csv", "Invitations.csv"] {
        z.start_file(name, opts).unwrap();
        let data = std::fs::read(common::root().join("fixtures/demo/linkedin").join(name)).unwrap();
        std::io::Write::write_all(&mut z, &data).unwrap();
    }
    z.finish().unwrap();
    let out = rolo()
        .args(["inspect"])
        .arg(&zip_path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("Basic_LinkedInDataExport_01-01-2025.zip!Connections.csv"));
    assert!(text.contains("14 records in 3 files"), "{text}");
}

#[test]
fn strict_fails_on_a_warning_alone_and_on_a_rejection_alone() {
    // Three address books: one warning (an email with a space), one rejected row, neither.
    let dir = tempfile::tempdir().unwrap();
    let header = "First Name,Middle Name,Last Name,Name Prefix,Name Suffix,Nickname,\
                  E-mail 1 - Label,E-mail 1 - Value\n";
    let ada = "Ada,,King,,,,* Home,ada@example.com\n";
    for (name, extra, report) in [
        (
            "warning.csv",
            "Grace,,Hopper,,,,* Home,grace at example.com\n",
            "rolo: warning: warning.csv:3: invalid email kept as a note",
        ),
        (
            "rejected.csv",
            ",,,,,,* Home,\n",
            "rolo: rejected: rejected.csv:3: empty contact",
        ),
        ("clean.csv", "", ""),
    ] {
        std::fs::write(dir.path().join(name), format!("{header}{ada}{extra}")).unwrap();
        let run = |strict: bool| {
            let mut cmd = Command::cargo_bin("rolo").unwrap();
            cmd.current_dir(dir.path())
                .args(["merge", name, "-q", "--to", "json"]);
            if strict {
                cmd.arg("--strict");
            }
            cmd.output().unwrap()
        };
        let (plain, strict) = (run(false), run(true));
        assert_eq!(plain.status.code(), Some(0), "{name}");
        let stderr = String::from_utf8_lossy(&strict.stderr);
        if report.is_empty() {
            assert_eq!(strict.status.code(), Some(0), "{name}: {stderr}");
            assert_eq!(stderr, "", "{name}");
        } else {
            assert_eq!(strict.status.code(), Some(1), "{name}: {stderr}");
            assert!(stderr.contains(report), "{name}: {stderr}");
            assert_eq!(
                stderr.lines().count(),
                1,
                "{name}: one cause alone: {stderr}"
            );
        }
    }
}

#[test]
fn the_report_accounts_for_every_record() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.json");
    rolo()
        .args(["merge", "fixtures/demo", "-q", "-o"])
        .arg(dir.path().join("out.json"))
        .arg("--report")
        .arg(&report)
        .assert()
        .success();
    let r: serde_json::Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    assert_eq!(r["rejected"].as_array().unwrap().len(), 2);
    assert_eq!(r["filtered"]["owner"], 3);
    assert!(!r["merges"].as_array().unwrap().is_empty());
}

#[test]
fn no_dedupe_streams_the_same_contacts_as_the_in_memory_run() {
    let streamed = rolo()
        .args([
            "merge",
            "fixtures/demo",
            "-q",
            "--no-dedupe",
            "--to",
            "jsonl",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let in_memory = rolo()
        .args([
            "merge",
            "fixtures/demo",
            "-q",
            "--no-dedupe",
            "--to",
            "json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let mut a: Vec<serde_json::Value> = String::from_utf8(streamed)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut b: Vec<serde_json::Value> = serde_json::from_slice(&in_memory).unwrap();
    let by_id = |v: &serde_json::Value| v["id"].as_str().unwrap().to_string();
    a.sort_by_key(by_id);
    b.sort_by_key(by_id);
    assert_eq!(a.len(), 33);
    assert_eq!(a, b, "streaming and in-memory --no-dedupe differ");
}

/// `rolo merge fixtures/demo --to json ARGS`: its standard error.
fn demo_stderr(args: &[&str]) -> String {
    let out = rolo()
        .args(["merge", "fixtures/demo", "--to", "json"])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn quiet_hides_the_summary_but_not_warnings_and_rejections() {
    // The demo has two rejected records and two warnings (README).
    let loud = demo_stderr(&[]);
    assert!(loud.contains("rolo: read 36 records"), "{loud}");
    let quiet = demo_stderr(&["-q"]);
    assert!(!quiet.contains("rolo: read "), "{quiet}");
    for line in [
        "rolo: rejected: fixtures/demo!linkedin/Contacts.csv:4: empty contact",
        "rolo: warning: fixtures/demo!linkedin/Connections.csv:12: hidden profile",
    ] {
        assert!(loud.contains(line), "{loud}");
        assert!(quiet.contains(line), "-q hid {line:?}:\n{quiet}");
    }
    assert_eq!(
        quiet.lines().count(),
        loud.lines().count() - 1,
        "-q drops the summary alone:\n{loud}\n---\n{quiet}"
    );
    // -v lists every warning one by one, with -q too.
    let verbose = demo_stderr(&["-v"]);
    let (listed, summary) = verbose.trim_end().rsplit_once('\n').unwrap();
    assert!(summary.starts_with("rolo: read "), "{verbose}");
    assert_eq!(demo_stderr(&["-q", "-v"]), format!("{listed}\n"));
}

/// `rolo merge fixtures/demo ARGS` with standard error on a terminal (util-linux `script` gives
/// it one): what the terminal showed. `None` when `script` is not installed.
fn demo_on_a_terminal(args: &str) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let cmd = format!(
        "'{}' merge fixtures/demo -o '{}' {args}",
        assert_cmd::cargo::cargo_bin("rolo").display(),
        dir.path().join("out.vcf").display()
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .current_dir(common::root())
        .env("TERM", "xterm")
        .stdin(std::process::Stdio::null())
        .output()
        .ok()?;
    assert!(out.status.success(), "{out:?}");
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn progress_bars_show_on_a_terminal_with_whole_rates_and_not_with_quiet() {
    let Some(loud) = demo_on_a_terminal("") else {
        eprintln!("SKIPPED: util-linux `script` is not installed");
        return;
    };
    // Bars redraw their line: ESC [2K clears it.
    assert!(loud.contains("\x1b[2K"), "no progress shown:\n{loud:?}");
    assert!(loud.contains("training"), "{loud:?}");
    // A stage with nothing known to count is never drawn as a full bar of 0/0, and a stage that
    // has not advanced (reading, writing) spins instead of showing an empty bar.
    assert!(!loud.contains(" 0/0"), "{loud:?}");
    assert!(!loud.contains("] 0/"), "{loud:?}");
    // Rates are whole numbers: "4,407/s", not "4407.1234/s".
    for (i, _) in loud.match_indices("/s") {
        let before: String = loud[..i]
            .chars()
            .rev()
            .take_while(|c| !c.is_whitespace())
            .collect();
        assert!(
            before.chars().all(|c| c.is_ascii_digit() || c == ','),
            "rate {:?} in {loud:?}",
            before.chars().rev().collect::<String>()
        );
    }
    let quiet = demo_on_a_terminal("-q").unwrap();
    assert!(!quiet.contains("\x1b[2K"), "{quiet:?}");
    for stage in ["reading", "normalising", "scoring", "merging"] {
        assert!(!quiet.contains(stage), "-q showed {stage}: {quiet:?}");
    }
    assert!(quiet.contains("rolo: warning: "), "{quiet:?}");
}

#[test]
fn quiet_twice_or_silent_prints_nothing_but_errors() {
    for args in [
        &["-qq"][..],
        &["-q", "-q"],
        &["--silent"],
        &["--silent", "-v"],
    ] {
        assert_eq!(demo_stderr(args), "", "{args:?}");
    }
    // An error still shows.
    rolo()
        .args(["merge", "no-such-input", "--silent", "--to", "json"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("rolo: error:"));
}
