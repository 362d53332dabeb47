//! Robustness: any input, no panic, nothing lost, clear errors, safe output.
//!
//! Every broken input in `fixtures/bad/<case>/` sits next to a good file (`good/Connections.csv`,
//! two connections): each test checks the exit code, the message naming input, file and line, and
//! that the good file was still read. Large inputs (zip bombs, nests of zips, a 10 MB line, deep
//! JSON, a giant photo) are generated into a temporary folder at test time. Then the limits and
//! their flags, the conservation of records over every fixture folder, output safety (atomic,
//! 0600, never over an input, nothing left on Ctrl-C while writing or matching, quiet broken pipe)
//! and determinism.

mod common;

use assert_cmd::Command;
use std::io::Write;
use std::path::{Path, PathBuf};

fn rolo() -> Command {
    let mut c = Command::cargo_bin("rolo").unwrap();
    c.current_dir(common::root());
    c
}

/// What a `rolo merge` run left: exit code, stderr, the report and the output contacts.
struct Run {
    code: i32,
    stderr: String,
    report: serde_json::Value,
    contacts: Vec<serde_json::Value>,
}

impl Run {
    /// Whether some output contact came from `file` (a path inside the input).
    fn has_record_from(&self, file: &str) -> bool {
        self.contacts.iter().any(|c| {
            c["sources"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s["file"] == file)
        })
    }

    fn names(&self) -> Vec<String> {
        self.contacts
            .iter()
            .map(|c| c["name"]["full"].as_str().unwrap().to_string())
            .collect()
    }

    fn file_records(&self, file: &str) -> Option<u64> {
        self.report["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["file"] == file)
            .map(|f| f["records"].as_u64().unwrap())
    }

    fn assert_good_file_read(&self) {
        assert_eq!(
            self.file_records("good/Connections.csv"),
            Some(2),
            "the good file next to the bad one must be read\n{}",
            self.stderr
        );
        assert!(self.has_record_from("good/Connections.csv"));
    }

    fn assert_stderr(&self, needle: &str) {
        assert!(
            self.stderr.contains(needle),
            "stderr lacks {needle:?}:\n{}",
            self.stderr
        );
    }
}

/// `rolo merge INPUTS... ARGS... --to json -o tmp --report tmp`, from `cwd`.
fn merge_in(cwd: &Path, inputs: &[&str], args: &[&str]) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.json");
    let report = dir.path().join("report.json");
    let assert = Command::cargo_bin("rolo")
        .unwrap()
        .current_dir(cwd)
        .arg("merge")
        .args(inputs)
        .args(args)
        .args(["--to", "json", "-o"])
        .arg(&out)
        .arg("--report")
        .arg(&report)
        .timeout(std::time::Duration::from_secs(60))
        .assert();
    let output = assert.get_output();
    let code = output.status.code().expect("rolo was killed by a signal");
    Run {
        code,
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        report: serde_json::from_slice(&std::fs::read(&report).unwrap_or_default())
            .unwrap_or(serde_json::Value::Null),
        contacts: serde_json::from_slice(&std::fs::read(&out).unwrap_or_default())
            .unwrap_or_default(),
    }
}

fn merge(inputs: &[&str], args: &[&str]) -> Run {
    merge_in(&common::root(), inputs, args)
}

/// A temporary folder holding a copy of the good LinkedIn file at `good/Connections.csv`.
fn case_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("good")).unwrap();
    std::fs::copy(
        common::root().join("fixtures/bad/truncated-zip/good/Connections.csv"),
        dir.path().join("good/Connections.csv"),
    )
    .unwrap();
    dir
}

fn merge_dir(dir: &Path, args: &[&str]) -> Run {
    merge_in(dir, &["."], args)
}

const HEADER: &str = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";

// ---------------------------------------------------------------------------------------------
// Zips, written by hand where the zip crate would refuse to write something this broken.

/// A raw deflate stream of the ASCII `prefix` then `n` zeros (n ≥ 1): literals, then a literal 0
/// and copies of 258 bytes at distance 1, with the fixed Huffman codes. Each copy is 13 bits, so 1 GiB is ~6.5 MiB of stream; built
/// in a few milliseconds where compressing with flate2 in a debug build would take minutes.
fn deflate_zeros(prefix: &str, n: u64) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        len: u32,
    }
    impl Bits {
        // Huffman codes go most significant bit first; everything else least significant first.
        fn code(&mut self, code: u32, len: u32) {
            let mut rev = 0u32;
            for i in 0..len {
                rev |= ((code >> i) & 1) << (len - 1 - i);
            }
            self.bits(rev, len);
        }
        fn bits(&mut self, v: u32, len: u32) {
            self.acc |= (v as u64) << self.len;
            self.len += len;
            while self.len >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.len -= 8;
            }
        }
    }
    let mut b = Bits {
        out: Vec::with_capacity((n / 258 * 13 / 8 + 16) as usize),
        acc: 0,
        len: 0,
    };
    b.bits(1, 1); // BFINAL
    b.bits(1, 2); // fixed Huffman
    for c in prefix.bytes() {
        assert!(c < 144, "ASCII only: literals 0-143 have 8-bit codes");
        b.code(0b0011_0000 + c as u32, 8);
    }
    b.code(0b0011_0000, 8); // literal 0
    let mut left = n - 1;
    while left >= 258 {
        b.code(0b1100_0101, 8); // length code 285 = 258
        b.code(0, 5); // distance code 0 = 1
        left -= 258;
    }
    for _ in 0..left {
        b.code(0b0011_0000, 8);
    }
    b.code(0, 7); // end of block
    b.bits(0, 7);
    b.out
}

/// A zip with one deflated member, declaring `declared` uncompressed bytes (may lie).
fn raw_zip(name: &str, deflated: &[u8], declared: u32) -> Vec<u8> {
    let mut z = Vec::new();
    let local = |z: &mut Vec<u8>, central: bool| {
        z.extend_from_slice(if central {
            b"PK\x01\x02"
        } else {
            b"PK\x03\x04"
        });
        if central {
            z.extend_from_slice(&20u16.to_le_bytes()); // made by
        }
        z.extend_from_slice(&20u16.to_le_bytes()); // version needed
        z.extend_from_slice(&0u16.to_le_bytes()); // flags
        z.extend_from_slice(&8u16.to_le_bytes()); // deflate
        z.extend_from_slice(&[0, 0, 0x21, 0]); // time, date (1980-01-01)
        z.extend_from_slice(&0u32.to_le_bytes()); // crc (never reached: the caps stop first)
        z.extend_from_slice(&(deflated.len() as u32).to_le_bytes());
        z.extend_from_slice(&declared.to_le_bytes());
        z.extend_from_slice(&(name.len() as u16).to_le_bytes());
        z.extend_from_slice(&0u16.to_le_bytes()); // extra
        if central {
            z.extend_from_slice(&[0; 6]); // comment len, disk, internal attrs
            z.extend_from_slice(&0u32.to_le_bytes()); // external attrs
            z.extend_from_slice(&0u32.to_le_bytes()); // local header offset
        }
        z.extend_from_slice(name.as_bytes());
    };
    local(&mut z, false);
    z.extend_from_slice(deflated);
    let cd_start = z.len();
    local(&mut z, true);
    let cd_len = z.len() - cd_start;
    z.extend_from_slice(b"PK\x05\x06");
    z.extend_from_slice(&[0; 4]);
    z.extend_from_slice(&1u16.to_le_bytes());
    z.extend_from_slice(&1u16.to_le_bytes());
    z.extend_from_slice(&(cd_len as u32).to_le_bytes());
    z.extend_from_slice(&(cd_start as u32).to_le_bytes());
    z.extend_from_slice(&0u16.to_le_bytes());
    z
}

/// A zip of `(name, bytes)` members, in the order given, written with the zip crate.
fn zip_of(members: &[(&str, &[u8])], stored: bool) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let method = if stored {
        zip::CompressionMethod::Stored
    } else {
        zip::CompressionMethod::Deflated
    };
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(method)
        .last_modified_time(zip::DateTime::default());
    for (name, data) in members {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn connections(rows: usize) -> String {
    let mut s = String::from(HEADER);
    for i in 0..rows {
        s.push_str(&format!("Given{i},Family{i},,,,,01 Jan 2020\n"));
    }
    s
}

// ---------------------------------------------------------------------------------------------
// The corpus of broken inputs: one test per case.

#[test]
fn truncated_zip_fails_alone_with_its_name() {
    let r = merge(&["fixtures/bad/truncated-zip"], &[]);
    assert_eq!(r.code, 1);
    r.assert_stderr("fixtures/bad/truncated-zip!export.zip: not a readable zip archive");
    r.assert_good_file_read();
}

#[test]
fn encrypted_member_fails_alone_and_its_plain_neighbours_are_read() {
    let r = merge(&["fixtures/bad/encrypted-zip"], &[]);
    assert_eq!(r.code, 1);
    r.assert_stderr(
        "encrypted-zip!export.zip/Connections.csv: not a readable zip archive: member is encrypted",
    );
    r.assert_good_file_read();
    assert_eq!(r.file_records("plain.zip/Connections.csv"), Some(2));
}

#[test]
fn zip_bomb_is_refused_by_its_ratio_without_inflating() {
    let dir = case_dir();
    // 1 GiB of zeros in ~6.5 MiB, declared honestly.
    let gib = 1u64 << 30;
    let bomb = raw_zip("Connections.csv", &deflate_zeros("", gib), gib as u32);
    std::fs::write(dir.path().join("bomb.zip"), bomb).unwrap();
    let r = merge_dir(dir.path(), &[]);
    assert_eq!(r.code, 1);
    r.assert_stderr("bomb.zip/Connections.csv: archive limit exceeded: compression ratio above 100 (raise it with --max-ratio)");
    r.assert_good_file_read();
}

#[test]
fn zip_bomb_with_a_lying_size_stops_at_the_cap() {
    let dir = case_dir();
    // A header rolo wants, then 64 MiB of zeros, declared as 100 bytes: the ratio check
    // passes, so inflation itself must stop at the cap.
    let bomb = raw_zip("Connections.csv", &deflate_zeros(HEADER, 64 << 20), 100);
    std::fs::write(dir.path().join("liar.zip"), bomb).unwrap();
    let r = merge_dir(dir.path(), &[]);
    assert_eq!(r.code, 1);
    r.assert_stderr("liar.zip/Connections.csv: archive limit exceeded: member inflates beyond");
    r.assert_good_file_read();
}

#[test]
fn deep_nest_of_zips_is_refused_past_the_depth_and_read_with_the_flag() {
    let dir = case_dir();
    let mut data = zip_of(&[("Connections.csv", connections(1).as_bytes())], false);
    for level in 0..10 {
        let name = format!("level{level}.zip");
        data = zip_of(&[(&name, &data)], true);
    }
    std::fs::write(dir.path().join("nest.zip"), &data).unwrap();
    let r = merge_dir(dir.path(), &[]);
    assert_eq!(r.code, 1);
    r.assert_stderr("zip nested more than 4 deep (raise it with --max-depth)");
    r.assert_good_file_read();
    let r = merge_dir(dir.path(), &["--max-depth", "12"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.contacts.len(), 3);
}

#[test]
fn utf16_without_bom_is_decoded_with_a_warning() {
    let r = merge(&["fixtures/bad/utf16-no-bom"], &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.assert_stderr("utf16-no-bom!Connections.csv:1: not UTF-8: read as UTF-16LE");
    assert!(r.names().contains(&"Zoë Ångström".to_string()));
    r.assert_good_file_read();
}

#[test]
fn windows_1252_is_decoded_with_a_warning() {
    let r = merge(&["fixtures/bad/windows-1252"], &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.assert_stderr("windows-1252!Connections.csv:1: not UTF-8: read as windows-1252");
    assert!(r.names().contains(&"Renée Müller".to_string()));
    r.assert_good_file_read();
    // A guess is a warning: --strict refuses it.
    assert_eq!(merge(&["fixtures/bad/windows-1252"], &["--strict"]).code, 1);
}

#[test]
fn excel_resave_with_bom_crlf_and_short_dates_reads_cleanly() {
    let r = merge(&["fixtures/bad/excel-resave"], &["--strict"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let hana = r
        .contacts
        .iter()
        .find(|c| c["name"]["full"] == "Hana Sato")
        .unwrap();
    assert_eq!(hana["events"][0]["date"], "2024-06-18");
    assert_eq!(r.file_records("Connections.csv"), Some(2));
    r.assert_good_file_read();
}

#[test]
fn empty_files_are_listed_as_empty_and_the_rest_is_read() {
    let r = merge(&["fixtures/bad/empty"], &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let skipped: Vec<(String, String)> = r.report["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["location"]["file"].as_str().unwrap().to_string(),
                s["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for f in [
        "Connections.csv",
        "contacts.vcf",
        "friends_and_followers/friends.json",
    ] {
        assert!(
            skipped.contains(&(f.to_string(), "empty file".to_string())),
            "{f} in {skipped:?}"
        );
    }
    r.assert_good_file_read();
    rolo()
        .args(["inspect", "-v", "fixtures/bad/empty"])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "skipped: fixtures/bad/empty!contacts.vcf: empty file",
        ));
}

#[test]
fn header_only_file_is_read_as_zero_records_without_complaint() {
    let r = merge(&["fixtures/bad/header-only"], &["--strict"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.file_records("Connections.csv"), Some(0));
    r.assert_good_file_read();
}

#[test]
fn duplicate_header_names_warn_at_the_header_and_the_first_column_wins() {
    let r = merge(&["fixtures/bad/duplicate-headers"], &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.assert_stderr(
        "duplicate-headers!Connections.csv:1: column \"email address\" appears twice; the first is used",
    );
    let kai = r
        .contacts
        .iter()
        .find(|c| c["name"]["full"] == "Kai Moe")
        .unwrap();
    assert_eq!(kai["emails"][0]["value"], "kai@example.com");
    r.assert_good_file_read();
}

#[test]
fn ragged_rows_are_kept_with_a_warning_on_their_line() {
    let r = merge(&["fixtures/bad/ragged-rows"], &["-v"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.assert_stderr("ragged-rows!Connections.csv:3: row has 2 fields, the header 7");
    r.assert_stderr("ragged-rows!Connections.csv:4: row has 10 fields, the header 7");
    assert_eq!(r.file_records("Connections.csv"), Some(4));
    r.assert_good_file_read();
    assert_eq!(merge(&["fixtures/bad/ragged-rows"], &["--strict"]).code, 1);
}

#[test]
fn ten_megabyte_line_fails_its_file_naming_the_line() {
    let dir = case_dir();
    let mut data = HEADER.as_bytes().to_vec();
    data.extend(std::iter::repeat_n(b'x', 10 << 20));
    std::fs::write(dir.path().join("Connections.csv"), data).unwrap();
    let r = merge_dir(dir.path(), &[]);
    assert_eq!(r.code, 1);
    r.assert_stderr(
        "Connections.csv:2: line 2 is 10485760 bytes long, more than 4194304 (raise it with --max-line-bytes)",
    );
    r.assert_good_file_read();
}

#[test]
fn line_length_cap_is_set_by_its_flag() {
    let dir = case_dir();
    let long = format!("{HEADER}Long,Line,,,,{},01 Jan 2020\n", "p".repeat(5000));
    std::fs::write(dir.path().join("Connections.csv"), long).unwrap();
    let r = merge_dir(dir.path(), &["--max-line-bytes", "1000"]);
    assert_eq!(r.code, 1);
    r.assert_stderr("Connections.csv:2: line 2 is 5025 bytes long, more than 1000");
    r.assert_good_file_read();
    let r = merge_dir(dir.path(), &["--max-line-bytes", "10000"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.contacts.len(), 3);
}

#[test]
fn minified_json_is_not_held_to_the_line_cap() {
    let dir = case_dir();
    let friends: Vec<String> = (0..200)
        .map(|i| format!(r#"{{"name":"Friend {i}","timestamp":1600000000}}"#))
        .collect();
    let json = format!(r#"{{"friends_v2":[{}]}}"#, friends.join(","));
    std::fs::create_dir(dir.path().join("friends_and_followers")).unwrap();
    std::fs::write(dir.path().join("friends_and_followers/friends.json"), json).unwrap();
    let r = merge_dir(dir.path(), &["--max-line-bytes", "1000", "--no-dedupe"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.contacts.len(), 202);
}

#[test]
fn deeply_nested_json_is_read_or_rejected_without_overflowing_the_stack() {
    // Committed: 5,000 levels in a field rolo ignores; the friend is read.
    let r = merge(&["fixtures/bad/deep-json"], &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.names().contains(&"Deep Friend".to_string()));
    r.assert_good_file_read();
    // Generated: a million levels where the friend's name should be, and as the whole list.
    let dir = case_dir();
    let deep = 1_000_000;
    let name = format!(
        "{{\"friends_v2\": [\n{{\"name\": {}{}, \"timestamp\": 1}}]}}",
        "[".repeat(deep),
        "]".repeat(deep)
    );
    let list = format!(
        "{{\"friends_v2\": {}{}}}",
        "[".repeat(deep),
        "]".repeat(deep)
    );
    std::fs::create_dir_all(dir.path().join("a/friends_and_followers")).unwrap();
    std::fs::create_dir_all(dir.path().join("b/friends_and_followers")).unwrap();
    std::fs::write(
        dir.path().join("a/friends_and_followers/friends.json"),
        name,
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b/friends_and_followers/friends.json"),
        list,
    )
    .unwrap();
    // Each entry fails alone: rejected with its line, the run goes on.
    let r = merge_dir(dir.path(), &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.assert_stderr("a/friends_and_followers/friends.json:2: friend entry not understood: invalid JSON at line 2");
    r.assert_stderr("b/friends_and_followers/friends.json:1: friend entry not understood");
    assert_eq!(r.report["rejected"].as_array().unwrap().len(), 2);
    r.assert_good_file_read();
}

#[test]
fn telegram_hex_escapes_are_repaired_and_other_invalid_escapes_fail_the_file() {
    let r = merge(&["fixtures/bad/json-escapes"], &[]);
    assert_eq!(r.code, 1);
    r.assert_stderr(
        "json-escapes!facebook/friends_and_followers/friends.json:4: invalid JSON at line 4, column 21: invalid escape",
    );
    assert!(r.has_record_from("telegram/result.json"));
    assert!(r
        .names()
        .iter()
        .any(|n| n.starts_with("Ru") && n.ends_with("Ek")));
    r.assert_good_file_read();
}

#[test]
fn vcard_without_end_and_with_broken_quoted_printable_keeps_every_card() {
    let r = merge(&["fixtures/bad/vcard-broken"], &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.assert_stderr("vcard-broken!unterminated.vcf:6: last vCard not closed by END:VCARD");
    assert_eq!(r.file_records("unterminated.vcf"), Some(2));
    assert!(r.names().contains(&"Open Card".to_string()));
    // A QP line wrongly ending in `=` must not swallow the next property or the card's END.
    assert_eq!(r.file_records("quoted-printable.vcf"), Some(2));
    let phones: Vec<&serde_json::Value> = r
        .contacts
        .iter()
        .flat_map(|c| c["phones"].as_array().unwrap())
        .collect();
    assert_eq!(phones.len(), 1, "the TEL after a broken QP line is kept");
    r.assert_good_file_read();
}

#[test]
fn giant_base64_photo_is_read_folded_and_refused_unfolded() {
    let dir = case_dir();
    let photo: String = "QUJD".repeat(1 << 20); // 4 MiB of base64
    let folded: Vec<&str> = photo
        .as_bytes()
        .chunks(74)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect();
    let card = |photo: &str| {
        format!(
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Photo Person\r\nPHOTO;ENCODING=b;TYPE=JPEG:{photo}\r\nEMAIL:photo@example.com\r\nEND:VCARD\r\n"
        )
    };
    std::fs::write(dir.path().join("folded.vcf"), card(&folded.join("\r\n "))).unwrap();
    std::fs::write(dir.path().join("unfolded.vcf"), card(&photo)).unwrap();
    let r = merge_dir(dir.path(), &[]);
    assert_eq!(r.code, 1);
    assert_eq!(r.file_records("folded.vcf"), Some(1));
    r.assert_stderr("unfolded.vcf:4: line 4 is");
    r.assert_good_file_read();
}

#[test]
fn binary_garbage_named_csv_is_skipped_and_alone_is_an_error() {
    let r = merge(&["fixtures/bad/garbage-csv"], &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.report["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["location"]["file"] == "Connections.csv"
            && s["reason"] == "not a file rolo reads"));
    r.assert_good_file_read();
    let r = merge(&["fixtures/bad/garbage-csv/Connections.csv"], &[]);
    assert_eq!(r.code, 1);
    r.assert_stderr("fixtures/bad/garbage-csv/Connections.csv: nothing rolo can read was found");
}

#[test]
fn fuzzed_random_bytes_under_every_name_never_panic() {
    // A cheap, deterministic stand-in for the fuzzers in `cargo test`: random bytes, and
    // fixtures with random bytes flipped, under every kind of name.
    let names = [
        "Connections.csv",
        "contacts.csv",
        "friends.json",
        "result.json",
        "data/follower.js",
        "contacts.vcf",
        "contacts.xml",
        "export.zip",
        "messages/inbox/x_1/message_1.json",
        "Ingrid.contact",
        "Kontakte.CSV",
    ];
    let seeds = [
        "fixtures/demo/linkedin/Connections.csv",
        "fixtures/telegram/desktop-export/result.json",
        "fixtures/vcard/broken/broken.vcf",
        "fixtures/facebook/2024/connections/friends/your_friends.json",
        "fixtures/windows/contacts/Ingrid Solberg.contact",
        "fixtures/fritzbox/phonebook/phonebook.xml",
        "fixtures/outlook/desktop-de/Kontakte.CSV",
        "fixtures/linkedin/excel-europe/Connections.csv",
    ];
    let mut rng = fastrand::Rng::with_seed(8);
    for seed in seeds {
        let base = std::fs::read(common::root().join(seed)).unwrap();
        for name in names {
            for _ in 0..3 {
                let mut data = base.clone();
                for _ in 0..rng.usize(1..20) {
                    let i = rng.usize(..data.len());
                    data[i] = rng.u8(..);
                }
                let _ = rolo::sources::read_bytes(name, &data);
                let noise: Vec<u8> = (0..rng.usize(..2000)).map(|_| rng.u8(..)).collect();
                let _ = rolo::sources::read_bytes(name, &noise);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Limits and their flags.

#[test]
fn entry_count_cap_is_set_by_its_flag() {
    let dir = case_dir();
    let csv = connections(1);
    let names: Vec<String> = (0..20).map(|i| format!("dir{i}/Connections.csv")).collect();
    let members: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), csv.as_bytes())).collect();
    std::fs::write(dir.path().join("many.zip"), zip_of(&members, false)).unwrap();
    let r = merge_dir(dir.path(), &["--max-entries", "10"]);
    assert_eq!(r.code, 1);
    r.assert_stderr(
        "many.zip: archive limit exceeded: more than 10 members (raise it with --max-entries)",
    );
    r.assert_good_file_read();
    let r = merge_dir(dir.path(), &["--max-entries", "20", "--no-dedupe"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.contacts.len(), 22);
}

#[test]
fn total_and_file_size_caps_are_set_by_their_flags() {
    let dir = case_dir();
    std::fs::write(dir.path().join("big.csv"), connections(200)).unwrap();
    let r = merge_dir(dir.path(), &["--max-file-bytes", "1000"]);
    assert_eq!(r.code, 1);
    r.assert_stderr("big.csv: archive limit exceeded: file larger than 1000 bytes (raise it with --max-file-bytes)");
    r.assert_good_file_read();
    let r = merge_dir(dir.path(), &["--max-total-bytes", "1000"]);
    assert_eq!(r.code, 1);
    r.assert_stderr("more than 1000 bytes uncompressed in all (raise it with --max-total-bytes)");
    let r = merge_dir(dir.path(), &["--no-dedupe"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.contacts.len(), 202);
}

#[test]
fn compression_ratio_cap_is_set_by_its_flag() {
    let dir = case_dir();
    // A real file padded with 200 KiB of blank lines: deflate squeezes it ~1000:1.
    let csv = connections(1);
    let mut data = csv.into_bytes();
    data.extend(std::iter::repeat_n(b'\n', 200 << 10));
    std::fs::write(
        dir.path().join("padded.zip"),
        zip_of(&[("Connections.csv", &data)], false),
    )
    .unwrap();
    let r = merge_dir(dir.path(), &[]);
    assert_eq!(r.code, 1);
    r.assert_stderr(
        "padded.zip/Connections.csv: archive limit exceeded: compression ratio above 100",
    );
    r.assert_good_file_read();
    let r = merge_dir(dir.path(), &["--max-ratio", "5000"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.contacts.len(), 3);
}

// ---------------------------------------------------------------------------------------------
// Conservation: every row a reader saw is in a contact, filtered, or rejected with a reason.

fn every_fixture_folder() -> Vec<String> {
    let mut dirs = vec!["fixtures/demo".to_string()];
    let sub = |rel: &str| -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(common::root().join(rel))
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.path().is_dir())
            .map(|e| format!("{rel}/{}", e.file_name().to_string_lossy()))
            .collect();
        v.sort();
        v
    };
    for group in sub("fixtures") {
        if group != "fixtures/demo" {
            dirs.extend(sub(&group));
        }
    }
    dirs
}

#[test]
fn every_fixture_folder_accounts_for_every_record() {
    for dir in every_fixture_folder() {
        for opts in [
            rolo::Options::default(),
            rolo::Options {
                kinds: rolo::KindFilter::All,
                include_owner: true,
                ..rolo::Options::default()
            },
        ] {
            std::env::set_current_dir(common::root()).unwrap();
            let out = rolo::run(std::slice::from_ref(&dir), &opts, &rolo::progress::Silent);
            let r = &out.report;
            let in_contacts: u64 = out.contacts.iter().map(|c| c.sources.len() as u64).sum();
            assert_eq!(
                r.records_read(),
                in_contacts + r.filtered_total(),
                "{dir}: records read = records in contacts + filtered"
            );
            assert_eq!(
                r.rows_seen(),
                in_contacts + r.filtered_total() + r.rejected.len() as u64,
                "{dir}: rows seen = contacts + filtered + rejected"
            );
            let per_file: u64 = r.files.iter().map(|f| f.rejected).sum();
            assert_eq!(
                per_file,
                r.rejected.len() as u64,
                "{dir}: every rejection belongs to a file"
            );
            for f in &r.files {
                assert_eq!(
                    f.kinds.values().sum::<u64>(),
                    f.records,
                    "{dir}: {}",
                    f.file
                );
            }
        }
    }
}

#[test]
fn strict_fails_on_a_rejected_row() {
    // The demo has one rejected row (see tests/cli.rs); without --strict it still succeeds.
    rolo()
        .args(["merge", "fixtures/demo", "-q"])
        .assert()
        .success();
    rolo()
        .args(["merge", "fixtures/demo", "-q", "--strict"])
        .assert()
        .code(1);
    rolo()
        .args(["merge", "fixtures/bad/excel-resave/good", "-q", "--strict"])
        .assert()
        .success();
}

// ---------------------------------------------------------------------------------------------
// Output safety.

#[test]
fn output_over_an_input_is_refused_by_any_path_or_symlink() {
    let dir = case_dir();
    let input = dir.path().join("good/Connections.csv");
    let before = std::fs::read(&input).unwrap();
    std::os::unix::fs::symlink(&input, dir.path().join("link.csv")).unwrap();
    for (inputs, out) in [
        (
            vec!["good/Connections.csv"],
            "./good/../good/Connections.csv",
        ),
        (vec!["./good/Connections.csv"], "link.csv"),
        (vec!["link.csv"], "good/Connections.csv"),
        // A file inside a folder input is an input too.
        (vec!["."], "good/Connections.csv"),
    ] {
        Command::cargo_bin("rolo")
            .unwrap()
            .current_dir(dir.path())
            .arg("merge")
            .args(&inputs)
            .args(["-q", "--to", "csv", "-o", out])
            .assert()
            .code(1)
            .stderr(predicates::str::contains("refusing to write over an input"));
        assert_eq!(
            std::fs::read(&input).unwrap(),
            before,
            "{inputs:?} -o {out}"
        );
    }
    // The report is held to the same rule.
    Command::cargo_bin("rolo")
        .unwrap()
        .current_dir(dir.path())
        .args([
            "merge",
            "good",
            "-q",
            "-o",
            "out.json",
            "--report",
            "good/Connections.csv",
        ])
        .assert()
        .code(1);
    assert_eq!(std::fs::read(&input).unwrap(), before);
}

#[test]
fn failed_write_leaves_no_file_behind() {
    let dir = case_dir();
    rolo()
        .args(["merge", "fixtures/bad/excel-resave/good", "-q", "-o"])
        .arg(dir.path().join("missing/out.json"))
        .assert()
        .code(1)
        .stderr(predicates::str::contains("missing/out.json"));
    let left: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(left, vec![dir.path().join("good")]);
}

fn big_input(dir: &Path, rows: usize) -> PathBuf {
    let p = dir.join("big/Connections.csv");
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, connections(rows)).unwrap();
    p.parent().unwrap().to_path_buf()
}

#[test]
fn ctrl_c_while_writing_leaves_neither_output_nor_temp_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = big_input(dir.path(), 20_000);
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("rolo"))
        .arg("merge")
        .arg(&input)
        .args(["-q", "--no-dedupe", "--to", "json", "-o"])
        .arg(out_dir.join("out.json"))
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait for the temporary output file: the interrupt must land while the output is written.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    let temp_seen = loop {
        let temp = std::fs::read_dir(&out_dir).unwrap().any(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with(".rolo-")
        });
        if temp || std::time::Instant::now() > deadline {
            break temp;
        }
        if child.try_wait().unwrap().is_some() {
            break false;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    };
    assert!(temp_seen, "rolo finished before it could be interrupted");
    let killed = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130), "{status:?}");
    let left: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

#[test]
fn ctrl_c_during_dedupe_leaves_neither_output_nor_temp_file() {
    // Two exports of the same 25,000 people: matching 50,000 records takes seconds, long after
    // its first stage shows.
    let dir = tempfile::tempdir().unwrap();
    for export in ["a", "b"] {
        let mut csv = String::from(HEADER);
        for i in 0..25_000 {
            csv.push_str(&format!(
                "Given{i},Family{},,person{i}@example.com,Company {},,01 Jan 2020\n",
                i % 5_000,
                i % 300
            ));
        }
        std::fs::create_dir(dir.path().join(export)).unwrap();
        std::fs::write(dir.path().join(export).join("Connections.csv"), csv).unwrap();
    }
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    // A terminal (util-linux `script`), so the progress bars name each stage as it begins, and
    // Ctrl-C is typed into it: the terminal sends SIGINT as it would to a user's rolo.
    let cmd = format!(
        "'{}' merge '{}' -o '{}'",
        assert_cmd::cargo::cargo_bin("rolo").display(),
        dir.path().display(),
        out_dir.join("out.json").display()
    );
    let Ok(mut child) = std::process::Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .env("TERM", "xterm")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
    else {
        eprintln!("SKIPPED: util-linux `script` is not installed");
        return;
    };
    let shown = std::sync::Arc::new(std::sync::Mutex::new(Vec::<u8>::new()));
    let reader = {
        let shown = shown.clone();
        let mut stdout = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n @ 1..) = std::io::Read::read(&mut stdout, &mut buf) {
                shown.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        })
    };
    let text = |shown: &std::sync::Mutex<Vec<u8>>| {
        String::from_utf8_lossy(&shown.lock().unwrap()).into_owned()
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(300);
    let in_dedupe = loop {
        let seen = text(&shown);
        if seen.contains("features") || seen.contains("scoring") {
            break !seen.contains("writing") && !seen.contains("rolo: read ");
        }
        if child.try_wait().unwrap().is_some() || std::time::Instant::now() > deadline {
            break false;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    };
    assert!(
        in_dedupe,
        "dedupe never showed before the run ended:\n{}",
        text(&shown)
    );
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"\x03").unwrap();
    stdin.flush().unwrap();
    let status = child.wait().unwrap();
    drop(stdin);
    reader.join().unwrap();
    let seen = text(&shown);
    assert_eq!(status.code(), Some(130), "{status:?}\n{seen}");
    assert!(!seen.contains("rolo: read "), "the run finished: {seen}");
    let left: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

#[test]
fn closed_pipe_exits_zero_without_a_wrong_summary() {
    let dir = tempfile::tempdir().unwrap();
    let input = big_input(dir.path(), 5_000);
    // Streaming (--no-dedupe) and in memory; quiet and not: the summary is left out rather than
    // claim "read 0 records" or every contact written.
    for args in [
        &["--no-dedupe", "-q"][..],
        &["--no-dedupe"],
        &["--builtin-weights"],
    ] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("rolo"))
            .arg("merge")
            .arg(&input)
            .args(["--to", "jsonl"])
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Like `| head -1`: read one line, then close the pipe.
        let mut stdout = child.stdout.take().unwrap();
        let mut first = Vec::new();
        let mut byte = [0u8; 1];
        while std::io::Read::read(&mut stdout, &mut byte).unwrap() == 1 && byte[0] != b'\n' {
            first.push(byte[0]);
        }
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        assert!(first.starts_with(b"{\"id\":"), "{args:?}");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Determinism.

fn merged_bytes(cwd: &Path, inputs: &[&str], to: &str) -> Vec<u8> {
    Command::cargo_bin("rolo")
        .unwrap()
        .current_dir(cwd)
        .arg("merge")
        .args(inputs)
        .args(["-q", "--to", to])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone()
}

#[test]
fn input_order_does_not_change_the_output() {
    let inputs = [
        "fixtures/demo",
        "fixtures/vcard/apple",
        "fixtures/facebook/2024",
        "fixtures/google/current",
    ];
    let root = common::root();
    for to in ["json", "vcard"] {
        let first = merged_bytes(&root, &inputs, to);
        let mut rng = fastrand::Rng::with_seed(3);
        for _ in 0..3 {
            let mut shuffled = inputs.to_vec();
            rng.shuffle(&mut shuffled);
            assert!(
                first == merged_bytes(&root, &shuffled, to),
                "{shuffled:?} --to {to}"
            );
        }
    }
}

#[test]
fn member_order_inside_a_zip_does_not_change_the_output() {
    let base = common::root().join("fixtures/twitter/archive-2024");
    let mut members: Vec<(String, Vec<u8>)> = walkdir_files(&base);
    members.push((
        "linkedin/Connections.csv".into(),
        std::fs::read(common::root().join("fixtures/demo/linkedin/Connections.csv")).unwrap(),
    ));
    assert!(members.len() > 3);
    let mut outputs = Vec::new();
    let mut rng = fastrand::Rng::with_seed(5);
    for _ in 0..3 {
        rng.shuffle(&mut members);
        let refs: Vec<(&str, &[u8])> = members
            .iter()
            .map(|(n, d)| (n.as_str(), d.as_slice()))
            .collect();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("export.zip"), zip_of(&refs, false)).unwrap();
        outputs.push(merged_bytes(dir.path(), &["export.zip"], "json"));
    }
    assert!(!outputs[0].is_empty());
    assert!(outputs.iter().all(|o| *o == outputs[0]));
}

fn walkdir_files(base: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![base.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p
                    .strip_prefix(base)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, std::fs::read(&p).unwrap()));
            }
        }
    }
    out
}

#[test]
fn files_that_look_like_people_but_match_no_reader_are_warned_about_and_listed() {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read(common::root().join("fixtures/bad/excel-resave/good/Connections.csv"))
        .unwrap();
    std::fs::write(dir.path().join("Connections.csv"), good).unwrap();
    std::fs::write(
        dir.path().join("Mitglieder.csv"),
        "Vorname;Nachname;E-Mail;Verein\nAnna;Muster;anna@example.org;TSV\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("Ada.contact"),
        "Ada Lovelace, exported as plain text by mistake\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("Ads Clicked.csv"),
        "Ad clicked Date,Ad Title/Id\n",
    )
    .unwrap();
    let r = merge_dir(dir.path(), &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.assert_stderr(
        "Mitglieder.csv: looks like a contact table (columns \"Vorname\" and \"E-Mail\", \
         separator ';') but matches no reader's header",
    );
    r.assert_stderr(
        "Ada.contact: Windows Contacts (.contact) name, but no Windows Contacts XML in it",
    );
    let skipped: Vec<(String, String)> = r.report["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["location"]["file"].as_str().unwrap().to_string(),
                s["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(skipped.len(), 3, "{skipped:?}");
    assert!(skipped
        .iter()
        .any(|(f, why)| f == "Mitglieder.csv" && why.contains("contact table")));
    assert!(skipped
        .iter()
        .any(|(f, why)| f == "Ads Clicked.csv" && why == "not a file rolo reads"));
    // Only the two that look like people are warnings; --strict refuses them.
    assert!(!r.stderr.contains("Ads Clicked.csv"), "{}", r.stderr);
    assert_eq!(merge_dir(dir.path(), &["--strict"]).code, 1);
    assert_eq!(r.file_records("Connections.csv"), Some(2));
}
