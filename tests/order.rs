//! Order independence through the binary: the same exports given in another order — the
//! arguments, the members of a zip, the rows of a CSV file, the cards of a vCard file — give the
//! same output, byte for byte.
//!
//! Rows and cards are the one order that shows in the input itself: a record's line and index
//! change with it, so the comparison is of vCard and CSV output (which name no line), and the
//! records reordered all carry an identifier (a record without one takes its id from where it
//! was read).

mod common;

use assert_cmd::Command;
use std::path::Path;

/// `rolo merge INPUTS -q ARGS` in `cwd`: its standard output, after checking it succeeded.
fn merge(cwd: &Path, inputs: &[&str], args: &[&str]) -> Vec<u8> {
    let out = Command::cargo_bin("rolo")
        .unwrap()
        .current_dir(cwd)
        .arg("merge")
        .args(inputs)
        .arg("-q")
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn assert_same(what: &str, a: &[u8], b: &[u8]) {
    if a != b {
        let (a, b) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
        let first = a
            .lines()
            .zip(b.lines())
            .position(|(x, y)| x != y)
            .unwrap_or(a.lines().count().min(b.lines().count()));
        let around = |s: &str| {
            s.lines()
                .skip(first.saturating_sub(3))
                .take(8)
                .collect::<Vec<_>>()
                .join("\n")
        };
        panic!(
            "{what}: the output differs from line {}\n--- one order\n{}\n--- the other\n{}",
            first + 1,
            around(&a),
            around(&b)
        );
    }
}

/// The demo's pieces as separate inputs: five platforms that share people.
const PIECES: [&str; 6] = [
    "fixtures/demo/linkedin",
    "fixtures/demo/google",
    "fixtures/demo/phone",
    "fixtures/demo/facebook",
    "fixtures/demo/telegram",
    "fixtures/demo/instagram",
];

#[test]
fn the_order_of_the_arguments_does_not_change_the_output() {
    let root = common::root();
    let forward = merge(&root, &PIECES, &["--to", "json"]);
    let mut reversed = PIECES;
    reversed.reverse();
    assert_same(
        "arguments reversed",
        &forward,
        &merge(&root, &reversed, &["--to", "json"]),
    );
    // A rotation puts a different input first and last.
    let mut rotated = PIECES;
    rotated.rotate_left(2);
    assert_same(
        "arguments rotated",
        &forward,
        &merge(&root, &rotated, &["--to", "json"]),
    );
}

/// Every file under `dir`, as (path relative to `dir` with `/`, bytes), sorted by path.
fn files_under(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

fn write_zip(path: &Path, members: &[(String, Vec<u8>)]) {
    use std::io::Write;
    let mut z = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, data) in members {
        z.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        z.write_all(data).unwrap();
    }
    z.finish().unwrap();
}

#[test]
fn the_order_of_a_zips_members_does_not_change_the_output() {
    let members = files_under(&common::root().join("fixtures/demo"));
    assert!(members.len() > 10, "{}", members.len());
    let (one, two) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    write_zip(&one.path().join("export.zip"), &members);
    let mut reversed = members.clone();
    reversed.reverse();
    write_zip(&two.path().join("export.zip"), &reversed);
    assert_same(
        "zip members reversed",
        &merge(one.path(), &["export.zip"], &["--to", "json"]),
        &merge(two.path(), &["export.zip"], &["--to", "json"]),
    );
}

/// `text` with the rows after its header line (the first line starting with `header`) reversed;
/// rows for which `keep` is false are dropped.
fn reverse_rows(text: &str, header: &str, keep: impl Fn(&str) -> bool) -> (String, String) {
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with(header))
        .expect("header");
    let head = &lines[..=at];
    let rows: Vec<&str> = lines[at + 1..]
        .iter()
        .copied()
        .filter(|l| !l.trim().is_empty() && keep(l))
        .collect();
    let join = |rows: &mut dyn Iterator<Item = &&str>| {
        let mut s = head.join("\n");
        for r in rows {
            s.push('\n');
            s.push_str(r);
        }
        s.push('\n');
        s
    };
    (join(&mut rows.iter()), join(&mut rows.iter().rev()))
}

/// The cards of a vCard file in their order and reversed.
fn reverse_cards(text: &str) -> (String, String) {
    let cards: Vec<String> = text
        .split_inclusive("END:VCARD")
        .filter(|c| c.contains("BEGIN:VCARD"))
        .map(|c| format!("{}\r\n", c.trim()))
        .collect();
    assert!(cards.len() > 1, "{} cards", cards.len());
    (cards.concat(), cards.iter().rev().cloned().collect())
}

#[test]
fn the_order_of_the_rows_and_cards_in_a_file_does_not_change_the_output() {
    let demo = common::root().join("fixtures/demo");
    let read = |rel: &str| std::fs::read_to_string(demo.join(rel)).unwrap();
    let (one, two) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let put = |dir: &Path, rel: &str, text: &str| {
        let p = dir.join("demo").join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    // LinkedIn connections (with their profile link: the hidden profile has none), the Google
    // address book, the phone's cards; the other pieces as they are.
    let (a, b) = reverse_rows(&read("linkedin/Connections.csv"), "First Name,", |row| {
        row.contains("linkedin.com/in/")
    });
    put(one.path(), "linkedin/Connections.csv", &a);
    put(two.path(), "linkedin/Connections.csv", &b);
    // The address book holds Jonas Ekberg twice (a second email): its two rows merge, and the
    // merged card must not depend on which row comes first.
    let google = format!(
        "{}Jonas,,Ekberg,,,,,,,,Fabrikam,,,,,,* myContacts,Home,jonas@example.org,,,Mobile,\
         +46 70 555 12 34,,\n",
        read("google/contacts.csv")
    );
    let (a, b) = reverse_rows(&google, "First Name,", |_| true);
    put(one.path(), "google/contacts.csv", &a);
    put(two.path(), "google/contacts.csv", &b);
    let (a, b) = reverse_cards(&read("phone/contacts.vcf"));
    put(one.path(), "phone/contacts.vcf", &a);
    put(two.path(), "phone/contacts.vcf", &b);
    for rel in ["facebook", "telegram"] {
        for (file, data) in files_under(&demo.join(rel)) {
            for dir in [one.path(), two.path()] {
                let p = dir.join("demo").join(rel).join(&file);
                std::fs::create_dir_all(p.parent().unwrap()).unwrap();
                std::fs::write(p, &data).unwrap();
            }
        }
    }
    assert_ne!(
        std::fs::read(one.path().join("demo/google/contacts.csv")).unwrap(),
        std::fs::read(two.path().join("demo/google/contacts.csv")).unwrap(),
        "the rows were reversed"
    );
    for to in ["vcard", "csv"] {
        assert_same(
            &format!("rows and cards reversed, --to {to}"),
            &merge(one.path(), &["demo"], &["--to", to]),
            &merge(two.path(), &["demo"], &["--to", to]),
        );
    }
}
