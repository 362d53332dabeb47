//! `--report FILE.html`: a private, self-contained page that shows each merge with its sources and
//! evidence, escapes every value, loads nothing from the network and stays small.

mod common;

use assert_cmd::Command;
use rolo::model::{thin_vec, Contact, MergeInfo, Platform, SourceRef};
use rolo::report::Report;
use rolo::report_html::{escape_html, render, MAX_CARDS};
use std::path::Path;

fn rolo() -> Command {
    let mut c = Command::cargo_bin("rolo").unwrap();
    c.current_dir(common::root());
    c
}

/// Runs `merge` on `inputs` with a JSON output and an HTML report; returns (contacts, page).
fn merge_with_html_report(inputs: &[&str], dir: &Path) -> (Vec<Contact>, String) {
    let out = dir.join("out.json");
    let page = dir.join("report.html");
    rolo()
        .arg("merge")
        .args(inputs)
        .arg("-q")
        .arg("-o")
        .arg(&out)
        .arg("--report")
        .arg(&page)
        .assert()
        .success();
    let contacts: Vec<Contact> =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&page).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "the report holds contact data");
    }
    (contacts, std::fs::read_to_string(&page).unwrap())
}

/// Every tag's attributes that could load something, as `(tag, attribute value)`.
fn loading_attributes(page: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for tag in page.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or("");
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        for attr in ["src=", "href=", "srcset=", "action=", "poster=", "data="] {
            if let Some(pos) = tag.to_ascii_lowercase().find(&format!(" {attr}")) {
                let value = tag[pos + attr.len() + 1..].trim_start_matches(['"', '\'']);
                let value = value.split(['"', '\'']).next().unwrap_or("").to_string();
                found.push((format!("{name} {attr}"), value));
            }
        }
    }
    found
}

#[test]
fn html_report_is_private_and_loads_nothing_from_the_network() {
    let dir = tempfile::tempdir().unwrap();
    let (_, page) = merge_with_html_report(
        &["fixtures/demo", "fixtures/vcard", "fixtures/google"],
        dir.path(),
    );
    assert!(page.starts_with("<!DOCTYPE html>"));
    for (tag, value) in loading_attributes(&page) {
        // Only plain links: in-page anchors, and people's profile pages (followed on a click only).
        assert_eq!(
            tag, "a href=",
            "a {tag} attribute ({value}) loads a resource"
        );
        assert!(
            value.starts_with('#') || value.starts_with("https://") || value.starts_with("http://"),
            "unexpected link {value}"
        );
    }
    for a in page.split("<a ").skip(1) {
        let a = a.split('>').next().unwrap();
        if !a.starts_with("href=\"#") {
            assert!(
                a.contains("rel=\"noreferrer"),
                "external link without noreferrer: {a}"
            );
        }
    }
    let lower = page.to_ascii_lowercase();
    for resource in ["<link", "<img", "<iframe", "@import", "url(", "<script src"] {
        assert!(!lower.contains(resource), "the page uses {resource}");
    }
    assert!(
        page.contains("Content-Security-Policy\" content=\"default-src 'none'"),
        "a CSP forbids every resource"
    );
    // Works with scripts off: the script only reveals its own tools; cards are <details>.
    assert!(page.contains("id=\"tools\" hidden"));
    assert_eq!(page.matches("<script").count(), 1);
    // The page survived the trip through the permissions check; no temporary file is left behind.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn html_report_shows_every_merged_contact_with_its_sources_closest_calls_first() {
    let dir = tempfile::tempdir().unwrap();
    let (contacts, page) = merge_with_html_report(
        &["fixtures/demo", "fixtures/vcard", "fixtures/google"],
        dir.path(),
    );
    let mut merged: Vec<&Contact> = contacts.iter().filter(|c| c.merge.is_some()).collect();
    assert!(merged.len() >= 5, "the fixtures hold merges");
    merged.sort_by(|a, b| {
        let (sa, sb) = (
            a.merge.as_ref().unwrap().score,
            b.merge.as_ref().unwrap().score,
        );
        sa.total_cmp(&sb).then_with(|| a.id.cmp(&b.id))
    });
    assert_eq!(
        page.matches("<details class=\"card\"").count(),
        merged.len()
    );
    let mut last = 0;
    for c in &merged {
        let start = page
            .find(&format!("<details class=\"card\" id=\"{}\"", c.id))
            .unwrap_or_else(|| panic!("no card for {}", c.id));
        assert!(start > last, "{} is out of score order", c.id);
        last = start;
        let card = &page[start..start + page[start..].find("</details>").unwrap()];
        for s in &c.sources {
            let file = escape_html(&s.file);
            assert!(
                card.contains(&format!("{file}:{}</span>", s.line)),
                "{}: source {file}:{} missing",
                c.id,
                s.line
            );
        }
        for e in &c.merge.as_ref().unwrap().evidence {
            assert!(card.contains(&format!("<li>{}</li>", escape_html(e))));
        }
        for e in &c.emails {
            assert!(card.contains(&escape_html(&e.value)), "{}", e.value);
        }
    }
    let single = contacts.len() - merged.len();
    assert!(page.contains(&format!("{single} contacts made of one record each")));
}

#[test]
fn html_report_lists_files_skipped_rejected_filtered_and_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("report.json");
    rolo()
        .args(["merge", "fixtures/demo", "fixtures/vcard", "-q", "-o"])
        .arg(dir.path().join("out.vcf"))
        .arg("--report")
        .arg(&json)
        .assert()
        .success();
    let report: Report = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let (_, page) = merge_with_html_report(&["fixtures/demo", "fixtures/vcard"], dir.path());

    assert!(!report.skipped.is_empty() && !report.rejected.is_empty());
    assert!(!report.warnings.is_empty() && !report.filtered.is_empty());
    for input in &report.inputs {
        assert!(page.contains(&format!("<li><code>{}</code></li>", escape_html(input))));
    }
    for f in &report.files {
        assert!(page.contains(&escape_html(&f.file)), "file {}", f.file);
    }
    for i in report
        .skipped
        .iter()
        .chain(&report.rejected)
        .chain(&report.warnings)
    {
        assert!(
            page.contains(&escape_html(&i.location.to_string())),
            "location of {i}"
        );
        assert!(page.contains(&escape_html(&i.reason)), "reason of {i}");
    }
    for (kind, n) in &report.filtered {
        assert!(page.contains(&format!("<tr><td>{kind}</td><td>{n}</td></tr>")));
    }
    for (platform, n) in report.records_per_platform() {
        assert!(page.contains(&format!(
            "<tr><td>{}</td><td>{n}</td></tr>",
            platform.display()
        )));
    }
    // One group per reason, with its count.
    let reasons: std::collections::BTreeSet<&str> =
        report.warnings.iter().map(|i| i.reason.as_str()).collect();
    let section = &page[page.find("id=\"warnings\"").unwrap()..];
    assert_eq!(section.matches("<details").count(), reasons.len());
}

#[test]
fn hostile_values_are_escaped_and_never_become_markup_or_links() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.vcf");
    std::fs::write(
        &book,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:<script>alert(1)</script>\r\n\
         EMAIL:xss@example.com\r\nORG:\"><img src=x onerror=alert(2)>\r\n\
         URL:javascript:alert(3)\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:3.0\r\nFN:<script>alert(1)</script>\r\n\
         EMAIL:xss@example.com\r\nNOTE:<b onmouseover=alert(4)>hi</b>\r\nEND:VCARD\r\n",
    )
    .unwrap();
    let book = book.to_str().unwrap().to_string();
    let (contacts, page) = merge_with_html_report(&[&book], dir.path());
    assert_eq!(
        contacts.len(),
        1,
        "the two cards merge, so they show as a card"
    );
    let c = &contacts[0];
    assert!(c.name.full.contains("<script>"), "{:?}", c.name);

    assert_eq!(
        page.matches("<script").count(),
        1,
        "only the page's own script"
    );
    assert!(page.contains(&escape_html(&c.name.full)));
    assert!(page.contains("&lt;script&gt;"));
    // The attack text is there, but only as text.
    for raw in ["<img", "<b onmouseover", "href=\"javascript"] {
        assert!(!page.contains(raw), "{raw} got through");
    }
    assert!(page.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
    assert!(
        page.contains("javascript:alert(3)"),
        "a non-http URL stays text"
    );
    assert!(page.contains("&lt;b onmouseover=alert(4)&gt;hi&lt;/b&gt;"));
}

#[test]
fn report_format_follows_the_extension() {
    let dir = tempfile::tempdir().unwrap();
    for (name, html) in [
        ("r.json", false),
        ("r.HTM", true),
        ("r.html", true),
        ("report", false),
    ] {
        let path = dir.path().join(name);
        rolo()
            .args(["merge", "fixtures/demo", "-q", "-o"])
            .arg(dir.path().join("out.json"))
            .arg("--report")
            .arg(&path)
            .assert()
            .success();
        let text = std::fs::read_to_string(&path).unwrap();
        if html {
            assert!(text.starts_with("<!DOCTYPE html>"), "{name}");
        } else {
            serde_json::from_str::<Report>(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
}

#[test]
fn html_report_is_identical_whatever_the_input_order() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let (_, one) = merge_with_html_report(&["fixtures/demo", "fixtures/google"], a.path());
    let (_, two) = merge_with_html_report(&["fixtures/google", "fixtures/demo"], b.path());
    // The inputs list keeps the order given on the command line; everything else must match.
    let strip = |p: &str| {
        p[p.find("<section id=\"merges\">").unwrap()..p.find("<section id=\"inputs\">").unwrap()]
            .to_string()
    };
    assert_eq!(strip(&one), strip(&two));
}

fn record(i: usize, platform: Platform) -> SourceRef {
    SourceRef {
        input: "in".into(),
        file: "f.csv".into(),
        line: i as u64 + 2,
        index: i as u64,
        platform,
        ..SourceRef::default()
    }
}

#[test]
fn a_large_run_gives_a_capped_page_that_counts_what_it_leaves_out() {
    let merged = MAX_CARDS + 150;
    let single = 100_000;
    let mut contacts = Vec::with_capacity(merged + single);
    for i in 0..merged {
        contacts.push(Contact {
            id: format!("r-m{i:011}"),
            sources: thin_vec![record(i, Platform::Linkedin), record(i, Platform::Google)],
            merge: Some(MergeInfo {
                // Scores run downwards so the page must sort them.
                score: 1.0 - i as f64 / (merged as f64 * 2.0),
                evidence: vec!["email".into()],
            }),
            ..Contact::default()
        });
    }
    for i in 0..single {
        contacts.push(Contact {
            id: format!("r-s{i:011}"),
            sources: thin_vec![record(i, Platform::Instagram)],
            ..Contact::default()
        });
    }
    let page = render(&Report::default(), &contacts);
    assert_eq!(page.matches("<details class=\"card\"").count(), MAX_CARDS);
    assert!(page.contains("150 more merged contacts"));
    // The lowest score comes first; the surest 150 are the ones left out.
    let first = page.find("<details class=\"card\"").unwrap();
    assert!(page[first..].starts_with(&format!(
        "<details class=\"card\" id=\"r-m{:011}\"",
        merged - 1
    )));
    assert!(!page.contains("id=\"r-m00000000000\""));
    assert!(
        !page.contains("r-s00000000000"),
        "unmerged contacts are counted, not listed"
    );
    assert!(page.contains("100000 contacts made of one record each (Instagram 100000)"));
    assert!(page.len() < 8_000_000, "{} bytes", page.len());
}
