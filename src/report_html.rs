//! The HTML run report (`--report FILE.html`): one static, self-contained page on which a person
//! looks over the merges instead of reading JSON.
//!
//! It shows the same bookkeeping as the JSON report (inputs, files, skipped, rejected, filtered,
//! warnings, errors) and, for each merged contact, its source records side by side with the
//! evidence, closest calls first. The page loads nothing from the network: CSS is inline, the small
//! filter script is inline and allowed by its hash in a Content-Security-Policy that forbids every
//! other resource, and everything works with scripts off (`<details>` does the expanding).
//!
//! Every piece of data goes through [`escape_html`] (names can hold `<script>`), and only
//! `http(s)` values become links, so a `javascript:` URL in an address book stays text. The page
//! holds contact data by design; like every output it is written 0600.
//!
//! Size stays proportional to the merges, never to the square of anything: at most
//! [`MAX_CARDS`] cards, [`MAX_COLUMNS`] columns per card and [`MAX_LOCATIONS`] locations per
//! reason; what is left out is counted, and the JSON report has it all.

use crate::error::Location;
use crate::model::{Contact, Platform, SourceRef};
use crate::report::{Issue, Report};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fmt::{self, Write};

/// Merged contacts shown as cards; the closest calls come first, so the cut loses the surest ones.
pub const MAX_CARDS: usize = 2_000;
/// Cards open when the page loads (the rest are one click, or "Expand all", away).
pub const OPEN_CARDS: usize = 200;
/// Source records shown as columns of one card.
pub const MAX_COLUMNS: usize = 20;
/// Locations listed per reason (rejected, warnings, skipped).
pub const MAX_LOCATIONS: usize = 1_000;
/// Reason groups with at most this many locations are shown open.
const OPEN_LOCATIONS: usize = 20;
/// Characters of a note shown in a cell.
const NOTE_CHARS: usize = 300;

const STYLE: &str = r#"
:root{--fg:#1d1f23;--muted:#5f6670;--bg:#fff;--card:#f6f7f9;--line:#d9dde3;--accent:#2457c5;
--low:#b3261e;--mid:#9a6700;--high:#1a7f37;--same:#e6f4ea}
@media (prefers-color-scheme:dark){:root{--fg:#e6e8eb;--muted:#9aa3ad;--bg:#15171a;--card:#1e2125;
--line:#353a41;--accent:#7aa7ff;--low:#ff8a80;--mid:#e3b341;--high:#56d364;--same:#1f3a27}}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header,main,footer{max-width:1200px;margin:0 auto;padding:0 16px}
header{padding-top:16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
h3{font-size:14px;margin:12px 0 4px}
nav a{margin-right:12px;color:var(--accent)}a{color:var(--accent)}
.muted,.note{color:var(--muted)}.note{font-size:13px}
code,.loc{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.stats{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:8px;margin:12px 0}
.stats div{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:6px 10px}
.stats b{display:block;font-size:20px}
table{border-collapse:collapse;margin:4px 0}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
thead th{background:var(--card)}
.scroll{overflow-x:auto}
details.card{border:1px solid var(--line);border-radius:6px;margin:8px 0;background:var(--bg)}
details.card>summary{cursor:pointer;padding:8px 10px;background:var(--card);border-radius:6px}
details.card[open]>summary{border-bottom:1px solid var(--line);border-radius:6px 6px 0 0}
.cardbody{padding:8px 12px}
.score{display:inline-block;min-width:44px;text-align:center;border-radius:4px;padding:0 4px;
font:600 12px/1.6 ui-monospace,monospace;color:#fff}
.s-low{background:var(--low)}.s-mid{background:var(--mid)}.s-high{background:var(--high)}
.sources td,.sources th{min-width:160px;max-width:320px;overflow-wrap:anywhere}
.sources tbody th{min-width:0;white-space:nowrap;background:var(--card)}
.v{display:block;unicode-bidi:isolate}
.same{background:var(--same);border-radius:3px}
.lbl{color:var(--muted);font-size:12px}
.evidence{margin:4px 0 8px;padding-left:20px}
.issues td:first-child{white-space:nowrap}
.tools{margin:8px 0}.tools input{font:inherit;padding:4px 8px;width:320px;max-width:100%}
.tools button{font:inherit;margin-left:6px}
.error{color:var(--low)}
footer{margin:32px auto 24px;color:var(--muted);font-size:12px}
"#;

/// Filters cards by text and opens or closes them all. The page does not need it: without it the
/// tools stay hidden and `<details>` still expands each card.
const SCRIPT: &str = r#"(function(){
var t=document.getElementById('tools');if(!t)return;t.hidden=false;
var q=document.getElementById('q'),n=document.getElementById('shown');
var cards=Array.prototype.slice.call(document.querySelectorAll('details.card'));
var texts=cards.map(function(c){return c.textContent.toLowerCase();});
function f(){var s=q.value.trim().toLowerCase(),k=0;
cards.forEach(function(c,i){var m=!s||texts[i].indexOf(s)>=0;c.hidden=!m;if(m)k++;});
n.textContent=k+' of '+cards.length+' shown';}
q.addEventListener('input',f);
t.addEventListener('click',function(e){var o=e.target.getAttribute('data-open');if(o===null)return;
cards.forEach(function(c){if(!c.hidden)c.open=(o==='1');});});
f();})();"#;

/// Escapes text for HTML element content and double- or single-quoted attribute values.
///
/// C0 control characters other than tab, newline and carriage return become U+FFFD: HTML has no
/// place for them and some parsers drop or mangle them.
pub fn escape_html(s: &str) -> String {
    Esc(s).to_string()
}

/// [`escape_html`] as a `Display` wrapper, so the page is written without a copy per value.
struct Esc<'a>(&'a str);

impl fmt::Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.0;
        let mut last = 0;
        for (i, c) in s.char_indices() {
            let replacement = match c {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\t' | '\n' | '\r' => continue,
                c if c.is_control() => "\u{fffd}",
                _ => continue,
            };
            f.write_str(s.get(last..i).unwrap_or(""))?;
            f.write_str(replacement)?;
            last = i + c.len_utf8();
        }
        f.write_str(s.get(last..).unwrap_or(""))
    }
}

/// The whole page for one run. Deterministic: the same report and contacts give the same bytes.
pub fn render(report: &Report, contacts: &[Contact]) -> String {
    let mut out = String::with_capacity(64 * 1024);
    // Writing into a String cannot fail; the Result only exists because `fmt::Write` has one.
    let _ = page(&mut out, report, contacts);
    out
}

fn page(out: &mut String, report: &Report, contacts: &[Contact]) -> fmt::Result {
    let mut merged: Vec<&Contact> = contacts.iter().filter(|c| c.merge.is_some()).collect();
    merged.sort_by(|a, b| score(a).total_cmp(&score(b)).then_with(|| a.id.cmp(&b.id)));
    let single = contacts.len() - merged.len();

    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"
    )?;
    // Nothing but the inline style and this exact script may load or run: a value that slipped
    // through escaping still could not fetch anything or execute.
    writeln!(
        out,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'sha256-{}'; base-uri 'none'; form-action 'none'\">",
        base64(&Sha256::digest(SCRIPT.as_bytes()))
    )?;
    writeln!(out, "<meta name=\"referrer\" content=\"no-referrer\">")?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(
        out,
        "<title>rolo report</title>\n<style>{STYLE}</style>\n</head>\n<body>"
    )?;

    writeln!(out, "<header>\n<h1>rolo report</h1>")?;
    writeln!(
        out,
        "<p class=\"muted\">{} record{} read from {} input{}; {} contact{}, {} of them merged \
         from several records. Values in <span class=\"same\">green</span> appear in more than \
         one record of a contact.</p>",
        report.records_read(),
        plural(report.records_read() as usize),
        report.inputs.len(),
        plural(report.inputs.len()),
        contacts.len(),
        plural(contacts.len()),
        merged.len()
    )?;
    writeln!(
        out,
        "<nav><a href=\"#summary\">Summary</a><a href=\"#merges\">Merges</a>\
         <a href=\"#inputs\">Inputs</a><a href=\"#files\">Files</a><a href=\"#skipped\">Skipped</a>\
         <a href=\"#errors\">Errors</a><a href=\"#rejected\">Rejected</a>\
         <a href=\"#filtered\">Filtered</a><a href=\"#warnings\">Warnings</a></nav>\n</header>\n<main>"
    )?;

    summary(out, report, contacts.len(), merged.len())?;
    merges(out, &merged, single, contacts)?;
    inputs(out, report)?;
    files(out, report)?;
    issue_table(
        out,
        "skipped",
        "Skipped files",
        "Files that hold nothing rolo reads (photos, settings, tables without people).",
        &report.skipped,
    )?;
    issue_table(
        out,
        "errors",
        "Errors",
        "Inputs or files that could not be read at all; their records are absent.",
        &report.errors,
    )?;
    issues_by_reason(
        out,
        "rejected",
        "Rejected records",
        "Person records that were dropped, grouped by why.",
        &report.rejected,
    )?;
    filtered(out, report)?;
    issues_by_reason(
        out,
        "warnings",
        "Warnings",
        "Values or rows not taken as they were; the record itself was kept.",
        &report.warnings,
    )?;

    writeln!(
        out,
        "</main>\n<footer>Written by rolo {}. This page contains contact data: keep it private. \
         It loads nothing from the network.</footer>",
        Esc(env!("CARGO_PKG_VERSION"))
    )?;
    writeln!(out, "<script>{SCRIPT}</script>\n</body>\n</html>")
}

fn score(c: &Contact) -> f64 {
    c.merge.as_ref().map(|m| m.score).unwrap_or(0.0)
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn summary(out: &mut String, report: &Report, contacts: usize, merged: usize) -> fmt::Result {
    writeln!(
        out,
        "<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"stats\">"
    )?;
    let merged_records: usize = report.merges.iter().map(|m| m.records).sum();
    let stats: [(&str, u64); 11] = [
        ("inputs", report.inputs.len() as u64),
        ("files read", report.files.len() as u64),
        ("files skipped", report.skipped.len() as u64),
        ("records read", report.records_read()),
        ("rejected", report.rejected.len() as u64),
        ("filtered", report.filtered_total()),
        ("warnings", report.warnings.len() as u64),
        ("errors", report.errors.len() as u64),
        ("contacts", contacts as u64),
        ("merged contacts", merged as u64),
        ("records merged", merged_records as u64),
    ];
    for (label, n) in stats {
        writeln!(out, "<div><b>{n}</b>{label}</div>")?;
    }
    writeln!(out, "</div>")?;

    // Ids of last year's contacts that now live on under another id: what a sync tool sees go.
    let retired: Vec<(&str, &str)> = report
        .merges
        .iter()
        .flat_map(|m| m.retired.iter().map(|r| (r.as_str(), m.id.as_str())))
        .collect();
    if !retired.is_empty() {
        writeln!(
            out,
            "<h3>Earlier ids retired</h3>\n<table>\n<thead><tr><th>retired id</th><th>now part of</th></tr></thead><tbody>"
        )?;
        for (old, now) in retired {
            writeln!(
                out,
                "<tr><td><code>{}</code></td><td><a href=\"#{now}\"><code>{now}</code></a></td></tr>",
                Esc(old),
                now = Esc(now)
            )?;
        }
        writeln!(out, "</tbody></table>")?;
    }

    writeln!(
        out,
        "<h3>Records per platform</h3>\n<table>\n<thead><tr><th>platform</th><th>records</th></tr></thead><tbody>"
    )?;
    for (p, n) in report.records_per_platform() {
        writeln!(out, "<tr><td>{}</td><td>{n}</td></tr>", p.display())?;
    }
    writeln!(out, "</tbody></table>\n</section>")
}

fn merges(out: &mut String, merged: &[&Contact], single: usize, all: &[Contact]) -> fmt::Result {
    writeln!(
        out,
        "<section id=\"merges\">\n<h2>Merged contacts ({})</h2>",
        merged.len()
    )?;
    if merged.is_empty() {
        writeln!(out, "<p class=\"muted\">No records were merged.</p>")?;
    } else {
        writeln!(
            out,
            "<p class=\"note\">Lowest score first: the closest calls are the ones worth a look. \
             Each column is one source record; a cell shows the values that record gave. The \
             <em>other names</em> row shows names that differ from the name shown; an empty cell \
             there means the record gave the name shown, or no name.</p>"
        )?;
        writeln!(
            out,
            "<div class=\"tools\" id=\"tools\" hidden><input type=\"search\" id=\"q\" \
             placeholder=\"Filter by name, id, email, evidence…\" aria-label=\"Filter merged contacts\">\
             <button type=\"button\" data-open=\"1\">Expand all</button>\
             <button type=\"button\" data-open=\"0\">Collapse all</button> \
             <span class=\"muted\" id=\"shown\"></span></div>"
        )?;
        for (i, c) in merged.iter().take(MAX_CARDS).enumerate() {
            card(out, c, i < OPEN_CARDS)?;
        }
        if merged.len() > MAX_CARDS {
            writeln!(
                out,
                "<p class=\"note\">{} more merged contacts, all with a score of at least {:.2}, \
                 are not shown here; the JSON report (<code>--report FILE.json</code>) and the \
                 output list them all.</p>",
                merged.len() - MAX_CARDS,
                merged.get(MAX_CARDS).map(|c| score(c)).unwrap_or(0.0)
            )?;
        }
    }

    // Per platform of their one record: a count, never a list, so the page stays small.
    let mut per: BTreeMap<Platform, usize> = BTreeMap::new();
    for c in all.iter().filter(|c| c.merge.is_none()) {
        if let Some(s) = c.sources.first() {
            *per.entry(s.platform).or_insert(0) += 1;
        }
    }
    let parts: Vec<String> = per
        .iter()
        .map(|(p, n)| format!("{} {n}", p.display()))
        .collect();
    writeln!(
        out,
        "<h3>Unmerged contacts</h3>\n<p>{single} contact{} made of one record each{}; \
         they are in the output as read.</p>\n</section>",
        plural(single),
        if parts.is_empty() {
            String::new()
        } else {
            format!(" ({})", parts.join(", "))
        }
    )
}

/// One cell's worth of values per source record, in the contact's source order.
struct Row {
    label: &'static str,
    cells: Vec<String>,
}

impl Row {
    fn new(label: &'static str, columns: usize) -> Row {
        Row {
            label,
            cells: vec![String::new(); columns],
        }
    }

    /// Puts `html` (already escaped) in the cell of every shown source the value came from.
    fn add(&mut self, sources: &[usize], html: &str) {
        let class = if sources.len() > 1 { "v same" } else { "v" };
        for &s in sources {
            if let Some(cell) = self.cells.get_mut(s) {
                let _ = write!(cell, "<span class=\"{class}\">{html}</span>");
            }
        }
    }

    fn is_empty(&self) -> bool {
        self.cells.iter().all(String::is_empty)
    }
}

fn card(out: &mut String, c: &Contact, open: bool) -> fmt::Result {
    let Some(m) = &c.merge else { return Ok(()) };
    let s = m.score;
    let band = if s < 0.7 {
        "s-low"
    } else if s < 0.9 {
        "s-mid"
    } else {
        "s-high"
    };
    let mut platforms: Vec<&'static str> = c.sources.iter().map(|s| s.platform.display()).collect();
    platforms.sort_unstable();
    platforms.dedup();
    writeln!(
        out,
        "<details class=\"card\" id=\"{id}\"{open}><summary><span class=\"score {band}\">{s:.2}</span> \
         <b>{name}</b> <code>{id}</code> <span class=\"muted\">{n} records · {plat}</span></summary>\n\
         <div class=\"cardbody\">",
        id = Esc(&c.id),
        open = if open { " open" } else { "" },
        name = Esc(&display_name(c)),
        n = c.sources.len(),
        plat = Esc(&platforms.join(", ")),
    )?;

    writeln!(out, "<h3>Evidence</h3>\n<ul class=\"evidence\">")?;
    for e in &m.evidence {
        writeln!(out, "<li>{}</li>", Esc(e))?;
    }
    if m.evidence.is_empty() {
        writeln!(out, "<li class=\"muted\">none recorded</li>")?;
    }
    writeln!(out, "</ul>")?;

    let cols = c.sources.len().min(MAX_COLUMNS);
    writeln!(
        out,
        "<div class=\"scroll\"><table class=\"sources\">\n<thead><tr><th></th>"
    )?;
    for src in c.sources.iter().take(cols) {
        source_header(out, src)?;
    }
    writeln!(out, "</tr></thead>\n<tbody>")?;
    writeln!(
        out,
        "<tr><th>name shown</th><td colspan=\"{cols}\">{}</td></tr>",
        name_parts(c)
    )?;
    for row in rows(c, cols) {
        if row.is_empty() {
            continue;
        }
        write!(out, "<tr><th>{}</th>", row.label)?;
        for cell in &row.cells {
            write!(out, "<td>{cell}</td>")?;
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</tbody></table></div>")?;
    if c.sources.len() > cols {
        writeln!(
            out,
            "<p class=\"note\">{} more source records are not shown as columns; the JSON output \
             has every value with its sources.</p>",
            c.sources.len() - cols
        )?;
    }
    writeln!(out, "</div></details>")
}

fn display_name(c: &Contact) -> String {
    let n = &c.name;
    if !n.full.is_empty() {
        return n.full.clone();
    }
    let joined = [&n.given, &n.middle, &n.family]
        .iter()
        .filter(|s| !s.is_empty())
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    if !joined.is_empty() {
        return joined;
    }
    // No name at all (an X account id): the first identifier stands in.
    c.emails
        .first()
        .map(|e| e.value.clone())
        .or_else(|| c.profiles.first().map(profile_text))
        .unwrap_or_else(|| "(no name)".to_string())
}

fn name_parts(c: &Contact) -> String {
    let n = &c.name;
    let mut html = format!("<b>{}</b>", Esc(&display_name(c)));
    for (label, v) in [
        ("prefix", &n.prefix),
        ("given", &n.given),
        ("middle", &n.middle),
        ("family", &n.family),
        ("suffix", &n.suffix),
        ("nickname", &n.nickname),
    ] {
        if !v.is_empty() {
            let _ = write!(html, " <span class=\"lbl\">{label}</span> {}", Esc(v));
        }
    }
    html
}

fn source_header(out: &mut String, s: &SourceRef) -> fmt::Result {
    let loc = Location {
        input: s.input.to_string(),
        file: s.file.to_string(),
        line: Some(s.line),
    };
    let file = if s.file.is_empty() { &s.input } else { &s.file };
    write!(
        out,
        "<th>{} <span class=\"lbl\">{}</span><br><span class=\"loc\" title=\"{}\">{}:{}</span></th>",
        s.platform.display(),
        s.kind.as_str(),
        Esc(&loc.to_string()),
        Esc(file),
        s.line
    )
}

fn rows(c: &Contact, cols: usize) -> Vec<Row> {
    let mut aliases = Row::new("other names", cols);
    for a in &c.aliases {
        aliases.add(&a.sources, &Esc(&a.value).to_string());
    }
    let mut emails = Row::new("emails", cols);
    for e in &c.emails {
        emails.add(
            &e.sources,
            &with_labels(&Esc(&e.value).to_string(), &e.labels),
        );
    }
    let mut phones = Row::new("phones", cols);
    for p in &c.phones {
        let mut html = Esc(if p.value.is_empty() { &p.raw } else { &p.value }).to_string();
        if !p.value.is_empty() && !p.raw.is_empty() && p.raw != p.value {
            let _ = write!(html, " <span class=\"lbl\">({})</span>", Esc(&p.raw));
        }
        phones.add(&p.sources, &with_labels(&html, &p.labels));
    }
    let mut orgs = Row::new("organisations", cols);
    for o in &c.organizations {
        let parts: Vec<&str> = [&o.name, &o.department, &o.title]
            .iter()
            .filter(|s| !s.is_empty())
            .map(|s| s.as_str())
            .collect();
        orgs.add(&o.sources, &Esc(&parts.join(" · ")).to_string());
    }
    let mut profiles = Row::new("profiles", cols);
    for p in &c.profiles {
        let text = profile_text(p);
        let html = format!(
            "<span class=\"lbl\">{}</span> {}",
            Esc(p.service.id()),
            link(&p.url, &text)
        );
        profiles.add(&p.sources, &html);
    }
    let mut urls = Row::new("web links", cols);
    for u in &c.urls {
        urls.add(
            &u.sources,
            &with_labels(&link(&u.value, &u.value), &u.labels),
        );
    }
    let mut addresses = Row::new("addresses", cols);
    for a in &c.addresses {
        let parts: Vec<&str> = [
            &a.street,
            &a.locality,
            &a.region,
            &a.postal_code,
            &a.country,
        ]
        .iter()
        .filter(|s| !s.is_empty())
        .map(|s| s.as_str())
        .collect();
        let text = if parts.is_empty() {
            a.raw.clone()
        } else {
            parts.join(", ")
        };
        addresses.add(&a.sources, &with_labels(&Esc(&text).to_string(), &a.labels));
    }
    let mut birthday = Row::new("birthday", cols);
    if let Some(b) = &c.birthday {
        birthday.add(&b.sources, &Esc(&b.value).to_string());
    }
    let mut anniversary = Row::new("anniversary", cols);
    if let Some(a) = &c.anniversary {
        anniversary.add(&a.sources, &Esc(&a.value).to_string());
    }
    let mut ims = Row::new("IM", cols);
    for i in &c.ims {
        let text = Esc(&i.value).to_string();
        let mut labels = vec![i.service.clone()];
        labels.extend(i.labels.iter().cloned());
        labels.retain(|l| !l.is_empty());
        ims.add(&i.sources, &with_labels(&text, &labels));
    }
    let mut related = Row::new("related", cols);
    for r in &c.related {
        related.add(
            &r.sources,
            &with_labels(&Esc(&r.value).to_string(), &r.labels),
        );
    }
    let mut events = Row::new("events", cols);
    for e in &c.events {
        let html = format!(
            "{} <span class=\"lbl\">{}</span>",
            Esc(&e.kind),
            Esc(&e.date)
        );
        events.add(&e.sources, &html);
    }
    let mut groups = Row::new("groups", cols);
    for g in &c.groups {
        groups.add(&g.sources, &Esc(&g.value).to_string());
    }
    let mut notes = Row::new("notes", cols);
    for n in &c.notes {
        let short: String = n.value.chars().take(NOTE_CHARS).collect();
        let more = if short.len() < n.value.len() {
            "…"
        } else {
            ""
        };
        notes.add(&n.sources, &format!("{}{more}", Esc(&short)));
    }
    let mut photos = Row::new("photos", cols);
    for p in &c.photos {
        // Never an <img>: the page loads nothing. A mark says a photo is there.
        photos.add(&p.sources, "<span class=\"lbl\">photo (not shown)</span>");
    }
    vec![
        aliases,
        emails,
        phones,
        orgs,
        profiles,
        urls,
        ims,
        addresses,
        birthday,
        anniversary,
        related,
        events,
        groups,
        notes,
        photos,
    ]
}

fn profile_text(p: &crate::model::Profile) -> String {
    if !p.url.is_empty() {
        p.url.clone()
    } else if !p.handle.is_empty() {
        p.handle.clone()
    } else {
        p.id.clone()
    }
}

fn with_labels(html: &str, labels: &[String]) -> String {
    if labels.is_empty() {
        return html.to_string();
    }
    format!(
        "{html} <span class=\"lbl\">{}</span>",
        Esc(&labels.join(", "))
    )
}

/// A link to the person's page, for `http(s)` only: any other scheme (`javascript:`, `data:`)
/// stays text. `noreferrer` keeps the report's existence from the site.
fn link(url: &str, text: &str) -> String {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        format!(
            "<a href=\"{}\" rel=\"noreferrer noopener\">{}</a>",
            Esc(url),
            Esc(text)
        )
    } else {
        Esc(text).to_string()
    }
}

fn inputs(out: &mut String, report: &Report) -> fmt::Result {
    writeln!(
        out,
        "<section id=\"inputs\">\n<h2>Inputs ({})</h2>\n<ul>",
        report.inputs.len()
    )?;
    for i in &report.inputs {
        writeln!(out, "<li><code>{}</code></li>", Esc(i))?;
    }
    writeln!(out, "</ul>\n</section>")
}

fn files(out: &mut String, report: &Report) -> fmt::Result {
    writeln!(
        out,
        "<section id=\"files\">\n<h2>Files recognised ({})</h2>",
        report.files.len()
    )?;
    if report.files.is_empty() {
        return writeln!(out, "<p class=\"muted\">None.</p>\n</section>");
    }
    writeln!(
        out,
        "<div class=\"scroll\"><table>\n<thead><tr><th>file</th><th>platform</th><th>format</th>\
         <th>records</th><th>per kind</th></tr></thead><tbody>"
    )?;
    for f in &report.files {
        let loc = Location::file(&f.input, &f.file);
        let kinds: Vec<String> = f.kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
        write!(
            out,
            "<tr><td class=\"loc\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}",
            Esc(&loc.to_string()),
            f.platform.display(),
            Esc(&f.format),
            f.records,
            Esc(&kinds.join(", "))
        )?;
        if let Some(e) = &f.error {
            write!(out, " <span class=\"error\">failed: {}</span>", Esc(e))?;
        }
        writeln!(out, "</td></tr>")?;
    }
    writeln!(out, "</tbody></table></div>\n</section>")
}

/// A flat list of locations and reasons (skipped files, errors): short lists by nature.
fn issue_table(
    out: &mut String,
    id: &str,
    title: &str,
    about: &str,
    list: &[Issue],
) -> fmt::Result {
    writeln!(
        out,
        "<section id=\"{id}\">\n<h2>{title} ({})</h2>",
        list.len()
    )?;
    if list.is_empty() {
        return writeln!(out, "<p class=\"muted\">None.</p>\n</section>");
    }
    writeln!(out, "<p class=\"note\">{about}</p>")?;
    writeln!(
        out,
        "<div class=\"scroll\"><table class=\"issues\">\n<thead><tr><th>where</th><th>reason</th></tr></thead><tbody>"
    )?;
    for i in list.iter().take(MAX_LOCATIONS) {
        writeln!(
            out,
            "<tr><td class=\"loc\">{}</td><td>{}</td></tr>",
            Esc(&i.location.to_string()),
            Esc(&i.reason)
        )?;
    }
    writeln!(out, "</tbody></table></div>")?;
    more_note(out, list.len())?;
    writeln!(out, "</section>")
}

/// Issues grouped by reason, most frequent first, each group's locations behind a `<details>`.
fn issues_by_reason(
    out: &mut String,
    id: &str,
    title: &str,
    about: &str,
    list: &[Issue],
) -> fmt::Result {
    writeln!(
        out,
        "<section id=\"{id}\">\n<h2>{title} ({})</h2>",
        list.len()
    )?;
    if list.is_empty() {
        return writeln!(out, "<p class=\"muted\">None.</p>\n</section>");
    }
    writeln!(out, "<p class=\"note\">{about}</p>")?;
    let mut by_reason: BTreeMap<&str, Vec<&Location>> = BTreeMap::new();
    for i in list {
        by_reason
            .entry(i.reason.as_str())
            .or_default()
            .push(&i.location);
    }
    let mut groups: Vec<(&str, Vec<&Location>)> = by_reason.into_iter().collect();
    groups.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(b.0)));
    for (reason, locations) in groups {
        writeln!(
            out,
            "<details{}><summary>{} <span class=\"muted\">— {} time{}</span></summary>\n<ul class=\"loc\">",
            // A short list is open, so a handful of problems is seen without a click.
            if locations.len() <= OPEN_LOCATIONS { " open" } else { "" },
            Esc(reason),
            locations.len(),
            plural(locations.len())
        )?;
        for l in locations.iter().take(MAX_LOCATIONS) {
            writeln!(out, "<li>{}</li>", Esc(&l.to_string()))?;
        }
        writeln!(out, "</ul>")?;
        more_note(out, locations.len())?;
        writeln!(out, "</details>")?;
    }
    writeln!(out, "</section>")
}

fn more_note(out: &mut String, n: usize) -> fmt::Result {
    if n > MAX_LOCATIONS {
        writeln!(
            out,
            "<p class=\"note\">{} more not listed here; the JSON report lists every one.</p>",
            n - MAX_LOCATIONS
        )?;
    }
    Ok(())
}

fn filtered(out: &mut String, report: &Report) -> fmt::Result {
    writeln!(
        out,
        "<section id=\"filtered\">\n<h2>Filtered records ({})</h2>",
        report.filtered_total()
    )?;
    if report.filtered.is_empty() {
        return writeln!(out, "<p class=\"muted\">None.</p>\n</section>");
    }
    writeln!(
        out,
        "<p class=\"note\">Records left out on purpose, by kind: blocked, muted, removed… people and \
         the export's owner. <code>--kinds</code> and <code>--include-owner</code> keep them.</p>"
    )?;
    writeln!(
        out,
        "<table>\n<thead><tr><th>kind</th><th>records</th></tr></thead><tbody>"
    )?;
    for (k, n) in &report.filtered {
        writeln!(out, "<tr><td>{k}</td><td>{n}</td></tr>")?;
    }
    writeln!(out, "</tbody></table>\n</section>")
}

/// Standard base64 with padding, for the script's CSP hash (a dependency for 32 bytes is not worth it).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                let idx = ((n >> (18 - 6 * i)) & 63) as usize;
                out.push(char::from(ALPHABET.get(idx).copied().unwrap_or(b'A')));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_html_neutralises_markup_quotes_and_controls() {
        let cases = [
            (
                "<script>alert(1)</script>",
                "&lt;script&gt;alert(1)&lt;/script&gt;",
            ),
            ("a & b", "a &amp; b"),
            ("\" onmouseover='x'", "&quot; onmouseover=&#39;x&#39;"),
            ("&lt;", "&amp;lt;"),
            ("Zoë Ångström 李", "Zoë Ångström 李"),
            ("nul\u{0}bell\u{7}", "nul\u{fffd}bell\u{fffd}"),
            ("tab\tline\n", "tab\tline\n"),
            ("", ""),
        ];
        for (input, want) in cases {
            assert_eq!(escape_html(input), want, "{input:?}");
        }
    }

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (input, want) in cases {
            assert_eq!(base64(input.as_bytes()), want, "{input:?}");
        }
    }

    #[test]
    fn only_http_links_become_anchors() {
        assert!(link("https://example.com/a", "x").starts_with("<a href=\"https://example.com/a\""));
        assert!(link("HTTP://example.com", "x").starts_with("<a "));
        assert_eq!(link("javascript:alert(1)", "j"), "j");
        assert_eq!(link("data:text/html,<b>", "<b>"), "&lt;b&gt;");
    }
}
