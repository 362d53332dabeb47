//! rolo in the user's shell and tools: schema, completions, man page, formats.

mod common;

use assert_cmd::Command;
use predicates::prelude::*;

fn rolo() -> Command {
    let mut c = Command::cargo_bin("rolo").unwrap();
    c.current_dir(common::root());
    c
}

fn stdout_of(args: &[&str]) -> String {
    let out = rolo()
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn the_demo_output_validates_against_the_schema() {
    let schema: serde_json::Value = serde_json::from_str(&stdout_of(&["schema"])).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let validator = jsonschema::validator_for(&schema).unwrap();
    let output: serde_json::Value = serde_json::from_str(&stdout_of(&[
        "merge",
        "fixtures/demo",
        "-q",
        "--to",
        "json",
    ]))
    .unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&output)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // And the schema is strict enough to reject a broken contact.
    let broken = serde_json::json!([{"id": 5}]);
    assert!(!validator.is_valid(&broken));
    // Every golden output (tests/golden: each fixture folder merged) is valid too.
    let mut checked = 0;
    for entry in std::fs::read_dir(common::root().join("tests/golden")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let golden: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let errors: Vec<String> = validator
                .iter_errors(&golden)
                .take(5)
                .map(|e| format!("{} at {}", e, e.instance_path()))
                .collect();
            assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
            checked += 1;
        }
    }
    assert!(checked > 40, "{checked} golden outputs");
    // A field too many, or one missing, anywhere in a contact is an error too.
    let contact = &output[0];
    let mut extra = contact.clone();
    extra["nmae"] = serde_json::json!("typo");
    let mut missing = contact.clone();
    missing.as_object_mut().unwrap().remove("aliases");
    let mut inner = contact.clone();
    inner["name"]["title"] = serde_json::json!("Dr.");
    let mut no_middle = contact.clone();
    no_middle["name"].as_object_mut().unwrap().remove("middle");
    for (what, c) in [
        ("an unknown field", extra),
        ("no aliases", missing),
        ("an unknown name part", inner),
        ("no middle name", no_middle),
    ] {
        assert!(
            !validator.is_valid(&serde_json::json!([c])),
            "{what} passed the schema"
        );
    }
}

#[test]
fn completions_exist_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let text = stdout_of(&["completions", shell]);
        assert!(text.contains("merge"), "{shell}");
    }
}

#[test]
fn the_man_page_names_every_subcommand() {
    let text = stdout_of(&["man"]);
    assert!(text.starts_with(".ie") || text.contains(".TH rolo"));
    for sub in ["merge", "inspect", "review", "formats", "schema"] {
        assert!(text.contains(sub), "{sub}");
    }
}

#[test]
fn formats_lists_every_registered_reader_and_sink() {
    let text = stdout_of(&["formats"]);
    for source in rolo::sources::REGISTRY {
        assert!(text.contains(source.platform().display()));
        for f in source.formats() {
            assert!(text.contains(f.id), "{}", f.id);
        }
    }
    for sink in rolo::sinks::SINKS {
        assert!(text.contains(sink.name));
    }
}

#[test]
fn review_shows_decisions_with_evidence() {
    rolo()
        .args(["review", "fixtures/demo", "--limit", "100"])
        .assert()
        .success()
        .stdout(predicate::str::contains("merged"))
        .stdout(predicate::str::contains(
            "profile https://www.linkedin.com/in/",
        ));
}

#[test]
fn docs_formats_shows_what_rolo_formats_prints_and_every_platform_has_a_page() {
    let printed = stdout_of(&["formats"]);
    let doc = std::fs::read_to_string(common::root().join("docs/formats.md")).unwrap();
    assert!(
        doc.contains(printed.trim_end()),
        "docs/formats.md is out of date: paste the output of `rolo formats` into it"
    );
    for source in rolo::sources::REGISTRY {
        let page = match source.platform() {
            rolo::model::Platform::Xcard => "xcard",
            p => p.as_str(),
        };
        let path = common::root().join(format!("docs/formats/{page}.md"));
        assert!(path.exists(), "no docs/formats/{page}.md");
    }
}

#[test]
fn the_readme_example_shows_the_real_summary_of_the_demo() {
    let dir = tempfile::tempdir().unwrap();
    let out = rolo()
        .args(["merge", "fixtures/demo", "-o"])
        .arg(dir.path().join("merged.vcf"))
        .assert()
        .success()
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8(out).unwrap();
    let summary = stderr
        .lines()
        .find(|l| l.starts_with("rolo: read "))
        .unwrap()
        .replace(
            &dir.path().join("merged.vcf").display().to_string(),
            "merged.vcf",
        );
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    assert!(
        readme.contains(&summary),
        "README's example is out of date; the demo now says:\n{summary}"
    );
}

#[test]
fn docs_schema_is_what_rolo_schema_prints() {
    let printed = stdout_of(&["schema"]);
    let doc = std::fs::read_to_string(common::root().join("docs/contact.schema.json")).unwrap();
    assert_eq!(
        doc, printed,
        "docs/contact.schema.json is out of date: rolo schema > docs/contact.schema.json"
    );
}
