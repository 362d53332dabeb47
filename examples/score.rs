//! Scores rolo's dedupe against the ground truth that `examples/synth.rs` writes.
//!
//! `cargo run --release --example score -- --truth DIR/truth.csv --output rolo.jsonl
//! [--exclude-id-only] [--show N]` maps every input record (`sources[].file` + `line`) to the
//! output contact holding it and to the person it really is, then reports pairwise precision,
//! recall and F1 — over pairs of records put in one contact versus pairs of records of one
//! person — overall and per pair of platforms, with the records missing from the output (there
//! must be none), records the truth does not know, and cannot-link violations (two records of
//! one list that holds each person once, such as two rows of Connections.csv, in one contact).
//!
//! Pairs are never enumerated: records are sorted by (contact, person) and pairs counted from the
//! contingency table with n·(n−1)/2, so a million records score in about a second.

use serde::Deserialize;
use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::PathBuf;

const USAGE: &str =
    "usage: score --truth DIR/truth.csv --output rolo.json|rolo.jsonl [--exclude-id-only] [--show N]";

struct Args {
    truth: PathBuf,
    output: PathBuf,
    exclude_id_only: bool,
    show: usize,
}

fn parse_args() -> Result<Args, String> {
    let (mut truth, mut output, mut exclude_id_only, mut show) = (None, None, false, 20);
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut val = |name: &str| it.next().ok_or(format!("{name} needs a value\n{USAGE}"));
        match a.as_str() {
            "--truth" => truth = Some(PathBuf::from(val("--truth")?)),
            "--output" => output = Some(PathBuf::from(val("--output")?)),
            "--exclude-id-only" => exclude_id_only = true,
            "--show" => show = val("--show")?.parse().map_err(|e| format!("--show: {e}"))?,
            "-h" | "--help" => return Err(USAGE.to_string()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    Ok(Args {
        truth: truth.ok_or_else(|| USAGE.to_string())?,
        output: output.ok_or_else(|| USAGE.to_string())?,
        exclude_id_only,
        show,
    })
}

// ---------------------------------------------------------------------------------------------
// Truth

/// One generated record: who it is, where it comes from.
struct Rec {
    file: u32,
    line: u64,
    person: u32,
    /// Cannot-link list id (0 = address book, no constraint).
    list: u32,
    id_only: bool,
    platform: u8,
}

#[derive(Default)]
struct Truth {
    files: Vec<String>,
    file_idx: HashMap<String, u32>,
    platforms: Vec<String>,
    lists: Vec<String>,
    recs: Vec<Rec>,
    at: HashMap<(u32, u64), u32>,
}

fn intern(names: &mut Vec<String>, idx: &mut HashMap<String, u32>, s: &str) -> u32 {
    if let Some(&i) = idx.get(s) {
        return i;
    }
    let i = names.len() as u32;
    names.push(s.to_string());
    idx.insert(s.to_string(), i);
    i
}

fn load_truth<R: Read>(r: R) -> Result<Truth, String> {
    let mut rdr = csv::Reader::from_reader(r);
    let header = rdr.headers().map_err(|e| format!("truth: {e}"))?.clone();
    let col = |n: &str| header.iter().position(|h| h == n);
    let (Some(cf), Some(cl), Some(cp)) = (col("file"), col("line"), col("person_id")) else {
        return Err("truth: needs columns file,line,person_id".into());
    };
    let (clist, cid) = (col("list"), col("id_only"));
    let mut t = Truth::default();
    let mut plat_idx = HashMap::new();
    let mut list_idx = HashMap::new();
    t.lists.push(String::new());
    list_idx.insert(String::new(), 0);
    for (n, row) in rdr.records().enumerate() {
        let row = row.map_err(|e| format!("truth: {e}"))?;
        let get = |c: Option<usize>| c.and_then(|c| row.get(c)).unwrap_or("");
        let file = get(Some(cf));
        let line: u64 = get(Some(cl))
            .parse()
            .map_err(|e| format!("truth row {}: line: {e}", n + 2))?;
        let person: u32 = get(Some(cp))
            .parse()
            .map_err(|e| format!("truth row {}: person_id: {e}", n + 2))?;
        let fi = intern(&mut t.files, &mut t.file_idx, file);
        let platform = intern(
            &mut t.platforms,
            &mut plat_idx,
            file.split('/').next().unwrap_or(file),
        ) as u8;
        let list = match get(clist) {
            "" => 0,
            l => intern(&mut t.lists, &mut list_idx, &format!("{file}#{l}")),
        };
        let id = t.recs.len() as u32;
        if t.at.insert((fi, line), id).is_some() {
            return Err(format!("truth: {file}:{line} listed twice"));
        }
        t.recs.push(Rec {
            file: fi,
            line,
            person,
            list,
            id_only: get(cid) == "1",
            platform,
        });
    }
    Ok(t)
}

impl Truth {
    /// The truth file an output `file` names: the same path, or one with a prefix (the input
    /// folder, an archive name) in front of it.
    fn resolve(&self, file: &str) -> Option<u32> {
        if let Some(&i) = self.file_idx.get(file) {
            return Some(i);
        }
        file.char_indices()
            .filter(|&(_, c)| c == '/' || c == '!' || c == '\\')
            .find_map(|(i, _)| self.file_idx.get(&file[i + 1..]).copied())
    }
}

// ---------------------------------------------------------------------------------------------
// Output

#[derive(Deserialize)]
struct Contact {
    sources: Vec<Source>,
}

#[derive(Deserialize)]
struct Source {
    file: String,
    line: u64,
}

/// Calls `f(contact_index, sources)` for every contact of a JSON array or JSONL stream.
fn read_output<R: Read>(r: R, mut f: impl FnMut(u32, Vec<Source>)) -> Result<(), String> {
    let mut r = BufReader::with_capacity(1 << 20, r);
    let first = loop {
        let buf = r.fill_buf().map_err(|e| e.to_string())?;
        match buf.iter().position(|b| !b.is_ascii_whitespace()) {
            Some(i) => {
                let b = buf[i];
                r.consume(i);
                break Some(b);
            }
            None if buf.is_empty() => break None,
            None => {
                let n = buf.len();
                r.consume(n);
            }
        }
    };
    match first {
        None => Ok(()),
        Some(b'[') => {
            let all: Vec<Contact> =
                serde_json::from_reader(r).map_err(|e| format!("output: {e}"))?;
            for (i, c) in all.into_iter().enumerate() {
                f(i as u32, c.sources);
            }
            Ok(())
        }
        Some(_) => {
            for (i, c) in serde_json::Deserializer::from_reader(r)
                .into_iter::<Contact>()
                .enumerate()
            {
                let c = c.map_err(|e| format!("output contact {}: {e}", i + 1))?;
                f(i as u32, c.sources);
            }
            Ok(())
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Scoring

#[derive(Default, Clone, Copy, PartialEq, Debug)]
struct Pairs {
    /// Pairs in one contact that are one person.
    tp: u64,
    /// Pairs in one contact.
    predicted: u64,
    /// Pairs that are one person.
    truth: u64,
}

impl Pairs {
    fn precision(&self) -> f64 {
        if self.predicted == 0 {
            1.0
        } else {
            self.tp as f64 / self.predicted as f64
        }
    }
    fn recall(&self) -> f64 {
        if self.truth == 0 {
            1.0
        } else {
            self.tp as f64 / self.truth as f64
        }
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

#[derive(Default)]
struct Score {
    truth_records: u64,
    id_only: u64,
    excluded: u64,
    found: u64,
    missing: Vec<u32>,
    unknown: Vec<(String, u64)>,
    unknown_count: u64,
    duplicated: u64,
    contacts: u64,
    persons: u64,
    overall: Pairs,
    /// Per platform pair (a ≤ b), row-major over `platforms`.
    by_pair: Vec<Pairs>,
    violations: u64,
    violating_contacts: u64,
    violation_examples: Vec<(u32, u32)>,
}

fn c2(n: u64) -> u64 {
    n * n.saturating_sub(1) / 2
}

/// Pairs between platforms `a` and `b` among records whose per-platform counts are `c`.
fn add_pairs(by: &mut [Vec<u64>], c: &[u64]) {
    for a in 0..c.len() {
        if c[a] == 0 {
            continue;
        }
        by[a][a] += c2(c[a]);
        for b in a + 1..c.len() {
            by[a][b] += c[a] * c[b];
        }
    }
}

fn score<R: Read>(t: &Truth, output: R, exclude_id_only: bool) -> Result<Score, String> {
    let mut s = Score::default();
    let mut contact_of = vec![u32::MAX; t.recs.len()];
    let mut cache: HashMap<String, Option<u32>> = HashMap::new();
    read_output(output, |ci, sources| {
        s.contacts = s.contacts.max(u64::from(ci) + 1);
        for src in sources {
            let fi = match cache.get(&src.file) {
                Some(&fi) => fi,
                None => {
                    let fi = t.resolve(&src.file);
                    cache.insert(src.file.clone(), fi);
                    fi
                }
            };
            match fi.and_then(|fi| t.at.get(&(fi, src.line))) {
                Some(&r) if contact_of[r as usize] == u32::MAX => contact_of[r as usize] = ci,
                Some(_) => s.duplicated += 1,
                None => {
                    s.unknown_count += 1;
                    if s.unknown.len() < 50 {
                        s.unknown.push((src.file, src.line));
                    }
                }
            }
        }
    })?;

    // (contact, person, platform, list) of every scored record.
    let mut rows: Vec<(u32, u32, u8, u32)> = Vec::with_capacity(t.recs.len());
    let mut persons: HashMap<u32, ()> = HashMap::new();
    s.truth_records = t.recs.len() as u64;
    for (i, r) in t.recs.iter().enumerate() {
        s.id_only += u64::from(r.id_only);
        if exclude_id_only && r.id_only {
            s.excluded += 1;
            continue;
        }
        let ci = contact_of[i];
        if ci == u32::MAX {
            s.missing.push(i as u32);
            continue;
        }
        s.found += 1;
        persons.insert(r.person, ());
        rows.push((ci, r.person, r.platform, r.list));
    }
    s.persons = persons.len() as u64;
    let np = t.platforms.len();
    let zero = || vec![vec![0u64; np]; np];
    let (mut tp, mut pred, mut tru) = (zero(), zero(), zero());

    rows.sort_unstable();
    let mut lists: Vec<u32> = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let ci = rows[i].0;
        let end = rows[i..]
            .iter()
            .position(|r| r.0 != ci)
            .map_or(rows.len(), |k| i + k);
        let mut cc = vec![0u64; np];
        lists.clear();
        let mut j = i;
        while j < end {
            let pe = rows[j].1;
            let cell_end = rows[j..end]
                .iter()
                .position(|r| r.1 != pe)
                .map_or(end, |k| j + k);
            let mut cell = vec![0u64; np];
            for r in &rows[j..cell_end] {
                cell[r.2 as usize] += 1;
                cc[r.2 as usize] += 1;
                if r.3 != 0 {
                    lists.push(r.3);
                }
            }
            s.overall.tp += c2((cell_end - j) as u64);
            add_pairs(&mut tp, &cell);
            j = cell_end;
        }
        s.overall.predicted += c2((end - i) as u64);
        add_pairs(&mut pred, &cc);
        lists.sort_unstable();
        let before = s.violations;
        let mut k = 0;
        while k < lists.len() {
            let run = lists[k..]
                .iter()
                .position(|&l| l != lists[k])
                .unwrap_or(lists.len() - k);
            if run > 1 && s.violation_examples.len() < 20 {
                s.violation_examples.push((ci, lists[k]));
            }
            s.violations += c2(run as u64);
            k += run;
        }
        s.violating_contacts += u64::from(s.violations > before);
        i = end;
    }

    // True pairs: per person, counts per platform.
    rows.sort_unstable_by_key(|r| (r.1, r.2));
    let mut i = 0;
    while i < rows.len() {
        let pe = rows[i].1;
        let end = rows[i..]
            .iter()
            .position(|r| r.1 != pe)
            .map_or(rows.len(), |k| i + k);
        let mut c = vec![0u64; np];
        for r in &rows[i..end] {
            c[r.2 as usize] += 1;
        }
        s.overall.truth += c2((end - i) as u64);
        add_pairs(&mut tru, &c);
        i = end;
    }
    s.by_pair = (0..np * np)
        .map(|k| Pairs {
            tp: tp[k / np][k % np],
            predicted: pred[k / np][k % np],
            truth: tru[k / np][k % np],
        })
        .collect();
    Ok(s)
}

// ---------------------------------------------------------------------------------------------
// Report

fn report(t: &Truth, s: &Score, show: usize) {
    let o = &s.overall;
    println!("## rolo dedupe quality\n");
    println!("| measure | value |\n|---|---|");
    println!(
        "| records in truth | {} (id-only {}, excluded {}) |",
        s.truth_records, s.id_only, s.excluded
    );
    println!("| records found in output | {} |", s.found);
    println!("| records missing | {} |", s.missing.len());
    println!("| output records not in truth | {} |", s.unknown_count);
    println!("| records in two contacts | {} |", s.duplicated);
    println!("| output contacts | {} |", s.contacts);
    println!("| true persons (scored) | {} |", s.persons);
    println!(
        "| pairs: true / predicted / correct | {} / {} / {} |",
        o.truth, o.predicted, o.tp
    );
    println!("| precision | {:.4} |", o.precision());
    println!("| recall | {:.4} |", o.recall());
    println!("| F1 | {:.4} |", o.f1());
    println!(
        "| cannot-link violations (pairs / contacts) | {} / {} |",
        s.violations, s.violating_contacts
    );

    println!("\n### By platform pair\n");
    println!("| platforms | true pairs | predicted | correct | precision | recall | F1 |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    let np = t.platforms.len();
    let mut order: Vec<usize> = (0..np).collect();
    order.sort_by(|&a, &b| t.platforms[a].cmp(&t.platforms[b]));
    for (x, &a) in order.iter().enumerate() {
        for &b in &order[x..] {
            let (lo, hi) = (a.min(b), a.max(b));
            let p = s.by_pair[lo * np + hi];
            if p.truth == 0 && p.predicted == 0 {
                continue;
            }
            println!(
                "| {}–{} | {} | {} | {} | {:.4} | {:.4} | {:.4} |",
                t.platforms[a],
                t.platforms[b],
                p.truth,
                p.predicted,
                p.tp,
                p.precision(),
                p.recall(),
                p.f1()
            );
        }
    }

    if !s.missing.is_empty() {
        println!(
            "\n### Records missing from the output ({})\n",
            s.missing.len()
        );
        for &r in s.missing.iter().take(show) {
            let r = &t.recs[r as usize];
            println!(
                "- {}:{} (person {})",
                t.files[r.file as usize], r.line, r.person
            );
        }
    }
    if !s.unknown.is_empty() {
        println!(
            "\n### Output records not in the truth ({})\n",
            s.unknown_count
        );
        for (f, l) in s.unknown.iter().take(show) {
            println!("- {f}:{l}");
        }
    }
    if !s.violation_examples.is_empty() {
        println!("\n### Cannot-link violations (first contacts)\n");
        for (ci, l) in s.violation_examples.iter().take(show) {
            println!(
                "- contact #{} holds two records of {}",
                ci + 1,
                t.lists[*l as usize]
            );
        }
    }
    println!(
        "\nSUMMARY records={} found={} missing={} unknown={} precision={:.4} recall={:.4} f1={:.4} violations={}",
        s.truth_records - s.excluded,
        s.found,
        s.missing.len(),
        s.unknown_count,
        o.precision(),
        o.recall(),
        o.f1(),
        s.violations
    );
}

fn run(args: &Args) -> Result<(), String> {
    let open = |p: &PathBuf| File::open(p).map_err(|e| format!("{}: {e}", p.display()));
    let t = load_truth(io::BufReader::new(open(&args.truth)?))?;
    let s = score(&t, open(&args.output)?, args.exclude_id_only)?;
    report(&t, &s, args.show);
    Ok(())
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    if let Err(e) = run(&args) {
        eprintln!("score: {e}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUTH: &str = "file,line,person_id,list,id_only
linkedin/Connections.csv,5,1,connections,0
linkedin/Connections.csv,6,2,connections,0
google/contacts.csv,2,1,,0
google/contacts.csv,3,1,,0
google/contacts.csv,4,2,,0
twitter/data/follower.js,2,3,follower,1
";

    fn contact(srcs: &[(&str, u64)]) -> String {
        let s: Vec<String> = srcs
            .iter()
            .map(|(f, l)| format!(r#"{{"input":"d","file":"{f}","line":{l},"index":0}}"#))
            .collect();
        format!(
            r#"{{"id":"x","name":{{"full":"A"}},"sources":[{}]}}"#,
            s.join(",")
        )
    }

    fn jsonl(contacts: &[&[(&str, u64)]]) -> String {
        contacts.iter().map(|c| contact(c) + "\n").collect()
    }

    fn run_score(out: &str, exclude: bool) -> (Truth, Score) {
        let t = load_truth(TRUTH.as_bytes()).unwrap();
        let s = score(&t, out.as_bytes(), exclude).unwrap();
        (t, s)
    }

    const LI: &str = "linkedin/Connections.csv";
    const GO: &str = "google/contacts.csv";
    const TW: &str = "twitter/data/follower.js";

    #[test]
    fn perfect_clustering_scores_one() {
        let out = jsonl(&[
            &[(LI, 5), (GO, 2), (GO, 3)],
            &[(LI, 6), (GO, 4)],
            &[(TW, 2)],
        ]);
        let (_, s) = run_score(&out, false);
        assert_eq!(
            s.overall,
            Pairs {
                tp: 4,
                predicted: 4,
                truth: 4
            }
        );
        assert_eq!(s.f1(), 1.0);
        assert_eq!((s.missing.len(), s.unknown_count, s.violations), (0, 0, 0));
    }

    impl Score {
        fn f1(&self) -> f64 {
            self.overall.f1()
        }
    }

    #[test]
    fn singletons_have_full_precision_and_no_recall() {
        let out = jsonl(&[
            &[(LI, 5)],
            &[(LI, 6)],
            &[(GO, 2)],
            &[(GO, 3)],
            &[(GO, 4)],
            &[(TW, 2)],
        ]);
        let (_, s) = run_score(&out, false);
        assert_eq!(
            s.overall,
            Pairs {
                tp: 0,
                predicted: 0,
                truth: 4
            }
        );
        assert_eq!(s.overall.precision(), 1.0);
        assert_eq!(s.overall.recall(), 0.0);
    }

    #[test]
    fn merging_two_connections_is_a_cannot_link_violation() {
        let out = jsonl(&[&[(LI, 5), (LI, 6), (GO, 2), (GO, 3), (GO, 4)], &[(TW, 2)]]);
        let (_, s) = run_score(&out, false);
        assert_eq!(
            s.overall,
            Pairs {
                tp: 4,
                predicted: 10,
                truth: 4
            }
        );
        assert_eq!((s.violations, s.violating_contacts), (1, 1));
    }

    #[test]
    fn json_array_and_jsonl_score_alike() {
        let contacts: &[&[(&str, u64)]] = &[
            &[(LI, 5), (GO, 3)],
            &[(LI, 6), (GO, 4), (GO, 2)],
            &[(TW, 2)],
        ];
        let array = format!(
            "[\n{}\n]",
            contacts
                .iter()
                .map(|c| contact(c))
                .collect::<Vec<_>>()
                .join(",\n")
        );
        let (_, a) = run_score(&array, false);
        let (_, b) = run_score(&jsonl(contacts), false);
        assert_eq!(a.overall, b.overall);
        assert_eq!(
            a.overall,
            Pairs {
                tp: 2,
                predicted: 4,
                truth: 4
            }
        );
    }

    #[test]
    fn input_prefixes_in_file_paths_are_matched() {
        let out = jsonl(&[
            &[
                ("/tmp/bench/linkedin/Connections.csv", 5),
                ("export.zip!google/contacts.csv", 2),
            ],
            &[(LI, 6)],
            &[(GO, 3)],
            &[(GO, 4)],
            &[(TW, 2)],
        ]);
        let (_, s) = run_score(&out, false);
        assert_eq!(s.found, 6);
        assert_eq!(s.overall.tp, 1);
    }

    #[test]
    fn missing_and_unknown_records_are_reported() {
        let out = jsonl(&[&[(LI, 5), (GO, 2), (GO, 3)], &[(LI, 6), (GO, 99)]]);
        let (t, s) = run_score(&out, false);
        let missing: Vec<(String, u64)> = s
            .missing
            .iter()
            .map(|&r| {
                (
                    t.files[t.recs[r as usize].file as usize].clone(),
                    t.recs[r as usize].line,
                )
            })
            .collect();
        assert_eq!(missing, vec![(GO.to_string(), 4), (TW.to_string(), 2)]);
        assert_eq!(s.unknown, vec![(GO.to_string(), 99)]);
    }

    #[test]
    fn id_only_records_can_be_left_out() {
        let out = jsonl(&[&[(LI, 5), (GO, 2), (GO, 3)], &[(LI, 6), (GO, 4)]]);
        let (_, s) = run_score(&out, true);
        assert!(s.missing.is_empty());
        assert_eq!((s.excluded, s.found), (1, 5));
        assert_eq!(s.overall.f1(), 1.0);
    }

    #[test]
    fn platform_pairs_split_the_counts() {
        let out = jsonl(&[
            &[(LI, 5), (GO, 2)],
            &[(GO, 3)],
            &[(LI, 6), (GO, 4)],
            &[(TW, 2)],
        ]);
        let (t, s) = run_score(&out, false);
        let np = t.platforms.len();
        let li = t.platforms.iter().position(|p| p == "linkedin").unwrap();
        let go = t.platforms.iter().position(|p| p == "google").unwrap();
        let (lo, hi) = (li.min(go), li.max(go));
        assert_eq!(
            s.by_pair[lo * np + hi],
            Pairs {
                tp: 2,
                predicted: 2,
                truth: 3
            }
        );
        assert_eq!(
            s.by_pair[go * np + go],
            Pairs {
                tp: 0,
                predicted: 0,
                truth: 1
            }
        );
    }

    #[test]
    fn a_record_in_two_contacts_is_counted() {
        let out = jsonl(&[&[(LI, 5)], &[(LI, 5), (LI, 6)]]);
        let (_, s) = run_score(&out, false);
        assert_eq!(s.duplicated, 1);
    }
}
