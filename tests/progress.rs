//! The progress the library reports: every stage that counts its items reaches its count, so a
//! bar never sits at 0/N while the stage works.

use rolo::progress::Progress;
use std::sync::Mutex;

/// Every stage begun, with its total and the sum of what was advanced in it.
#[derive(Default)]
struct Recorder(Mutex<Vec<(String, u64, u64)>>);

impl Progress for Recorder {
    fn stage(&self, name: &str, total: u64) {
        self.0.lock().unwrap().push((name.to_string(), total, 0));
    }
    fn advance(&self, n: u64) {
        if let Some(last) = self.0.lock().unwrap().last_mut() {
            last.2 += n;
        }
    }
    fn finish(&self) {}
}

/// Two LinkedIn exports of the same `people` (one email each): `2 × people` records, one
/// candidate pair and one contact per person.
fn two_exports(people: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for export in ["a", "b"] {
        let mut csv =
            String::from("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
        for i in 0..people {
            csv.push_str(&format!(
                "Given{i},Family{i},,person{i}@example.com,,,01 Jan 2020\n"
            ));
        }
        std::fs::create_dir(dir.path().join(export)).unwrap();
        std::fs::write(dir.path().join(export).join("Connections.csv"), csv).unwrap();
    }
    dir
}

#[test]
fn every_counted_stage_of_a_merge_advances_to_its_total() {
    // More items than one batch of progress (4,096) in every stage, and a partial last batch.
    let people = 5_000;
    let dir = two_exports(people);
    let inputs = [dir.path().display().to_string()];
    let recorder = Recorder::default();
    let outcome = rolo::run(&inputs, &rolo::Options::default(), &recorder);
    assert_eq!(outcome.contacts.len(), people);
    let stages = recorder.0.into_inner().unwrap();
    let names: Vec<&str> = stages.iter().map(|s| s.0.as_str()).collect();
    for name in [
        "normalising",
        "features",
        "training",
        "scoring",
        "clustering",
        "merging",
    ] {
        assert!(names.contains(&name), "no {name} stage in {names:?}");
    }
    for (name, total, advanced) in &stages {
        if *name == "reading" {
            continue;
        }
        assert_eq!(advanced, total, "{name} advanced {advanced} of {total}");
    }
    let total = |n: &str| stages.iter().find(|s| s.0 == n).unwrap().1;
    assert_eq!(total("normalising"), 2 * people as u64);
    assert_eq!(total("scoring"), 2 * people as u64);
    assert!(total("clustering") >= people as u64);
    assert_eq!(total("merging"), people as u64);
    // Random pairs for u (all of them below 200,000) and the records that trained m.
    assert_eq!(total("training"), 200_000 + 2 * people as u64);
}

#[test]
fn a_stage_of_nothing_advances_by_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("Connections.csv"),
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n",
    )
    .unwrap();
    let recorder = Recorder::default();
    rolo::run(
        &[dir.path().display().to_string()],
        &rolo::Options::default(),
        &recorder,
    );
    for (name, total, advanced) in recorder.0.into_inner().unwrap() {
        if name != "reading" {
            assert_eq!((total, advanced), (0, 0), "{name}");
        }
    }
}
