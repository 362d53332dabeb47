//! rolo: turn social-platform and address-book exports into one clean, deduplicated contact set.
//!
//! The pipeline, one module per stage: [`sources`] reads inputs into records, [`normalize`] makes
//! their values canonical, [`dedupe`] finds the same person and merges, [`sinks`] writes the
//! result. [`merge`] runs the whole pipeline, writing included, and returns the report; [`run`]
//! stops before writing. The binary only turns arguments into [`Options`] and [`Output`], and
//! prints.
#![forbid(unsafe_code)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod dedupe;
pub mod error;
pub mod model;
pub mod normalize;
pub mod order;
pub mod progress;
pub mod report;
pub mod report_html;
pub mod sinks;
pub mod sources;
pub mod vocab;

use dedupe::external::ClustersError;
use dedupe::DedupeOptions;
use error::{MergeError, OutputError};
use model::{Contact, Kind};
use normalize::record::NormOptions;
use progress::Progress;
use report::Report;
use sinks::output::{self, Target};
use sinks::vcard::Version;
use sinks::OutputFormat;
use sources::input::Limits;
use std::path::{Path, PathBuf};

/// Which kinds of record `merge` keeps.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum KindFilter {
    /// Everyone the user is connected to; blocked, muted, removed… are left out.
    #[default]
    Default,
    All,
    Only(Vec<Kind>),
}

impl KindFilter {
    pub fn keeps(&self, kind: Kind) -> bool {
        match self {
            KindFilter::Default => !kind.filtered_by_default(),
            KindFilter::All => kind != Kind::Owner,
            KindFilter::Only(list) => list.contains(&kind),
        }
    }
}

/// Everything that changes what a run produces.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub limits: Limits,
    pub normalize: NormOptions,
    pub dedupe: DedupeOptions,
    pub kinds: KindFilter,
    /// Keep the export's owner as a contact.
    pub include_owner: bool,
    /// Cluster assignments computed outside rolo (`--clusters FILE`, `dedupe::external`):
    /// applied instead of rolo's own matching; survivorship, ids, outputs and report as usual.
    pub clusters: Option<PathBuf>,
}

/// The contacts a run produced, and its report.
#[derive(Debug, Default)]
pub struct Outcome {
    pub contacts: Vec<Contact>,
    pub report: Report,
}

/// Reads, filters and normalises `inputs`: the records dedupe works on, in canonical order.
pub fn prepare(
    inputs: &[String],
    opts: &Options,
    progress: &dyn Progress,
) -> (Vec<Contact>, Report) {
    progress.stage("reading", inputs.len() as u64);
    let loaded = sources::load(inputs, opts.limits);
    progress.finish();
    let mut report = loaded.report;

    // Filtered in place: a second vector of every record would be hundreds of MiB more at 1M.
    let mut records = loaded.records;
    records.retain(|r| {
        let kind = r.source().map(|s| s.kind).unwrap_or_default();
        let keep = if kind == Kind::Owner {
            opts.include_owner
        } else {
            opts.kinds.keeps(kind)
        };
        if !keep {
            *report.filtered.entry(kind).or_insert(0) += 1;
        }
        keep
    });

    progress.stage("normalising", records.len() as u64);
    // In parallel; warnings come per record, in record order.
    let warnings = normalize::record::normalize_all(&mut records, &opts.normalize, progress);
    report.warnings.extend(warnings);
    normalize::phone::clear_cache();
    progress.finish();
    (records, report)
}

/// Reads, normalises, filters and deduplicates `inputs`. A clusters file (`opts.clusters`) that
/// cannot be applied is the report's one error and the outcome has no contacts: [`try_run`]
/// returns it as an error instead.
pub fn run(inputs: &[String], opts: &Options, progress: &dyn Progress) -> Outcome {
    try_run(inputs, opts, progress).unwrap_or_else(|e| Outcome {
        contacts: Vec::new(),
        report: Report {
            inputs: inputs.to_vec(),
            errors: vec![report::Issue::new(e.location, e.kind.to_string())],
            ..Report::default()
        },
    })
}

/// [`run`], failing when the clusters file (`opts.clusters`) cannot be read or names a record
/// the inputs do not hold. The file is read before the inputs.
pub fn try_run(
    inputs: &[String],
    opts: &Options,
    progress: &dyn Progress,
) -> Result<Outcome, ClustersError> {
    let assignments = match &opts.clusters {
        Some(path) => Some(dedupe::external::read(path)?),
        None => None,
    };
    let (records, mut report) = prepare(inputs, opts, progress);
    let deduped = match &assignments {
        Some(a) => {
            let (deduped, warnings) = dedupe::dedupe_external(records, a, progress)?;
            report.warnings.extend(warnings);
            deduped
        }
        None => dedupe::dedupe(records, &opts.dedupe, progress),
    };
    progress.finish();
    report.merges = deduped.merges;
    if opts.dedupe.enabled && assignments.is_none() {
        report.model = Some(deduped.model.to_file());
    }
    report.sort();
    Ok(Outcome {
        contacts: deduped.contacts,
        report,
    })
}

/// `--no-dedupe` without holding the data: reads file by file, normalises each file's records,
/// and hands every record, as a contact of its own, to `write` before reading the next file.
/// Memory holds one file's records at a time. Records come in input order, then file order;
/// ids come from where each record was read, so they are unique. Stops at the first write error.
pub fn run_streaming(
    inputs: &[String],
    opts: &Options,
    progress: &dyn Progress,
    write: &mut dyn FnMut(&Contact) -> std::io::Result<()>,
) -> std::io::Result<Report> {
    let mut filtered: std::collections::BTreeMap<Kind, u64> = Default::default();
    let mut warnings: Vec<report::Issue> = Vec::new();
    let mut failure: Option<std::io::Error> = None;
    let mut prior_given = std::collections::HashSet::new();
    progress.stage("streaming", 0);
    let mut each = |records: Vec<Contact>| {
        if failure.is_some() {
            return;
        }
        let mut kept: Vec<Contact> = Vec::with_capacity(records.len());
        for r in records {
            let kind = r.source().map(|s| s.kind).unwrap_or_default();
            let keep = if kind == Kind::Owner {
                opts.include_owner
            } else {
                opts.kinds.keeps(kind)
            };
            if keep {
                kept.push(r);
            } else {
                *filtered.entry(kind).or_insert(0) += 1;
            }
        }
        let batch = normalize::record::normalize_all(&mut kept, &opts.normalize, &progress::Silent);
        dedupe::ids::stream_ids(&mut kept, &mut prior_given);
        warnings.extend(batch);
        // Memory must not grow with the input: the parse cache lives for one file.
        normalize::phone::clear_cache();
        for r in &kept {
            if let Err(e) = write(r) {
                failure = Some(e);
                return;
            }
        }
        progress.advance(kept.len() as u64);
    };
    let mut report = sources::load_each(inputs, opts.limits, &mut each);
    progress.finish();
    if let Some(e) = failure {
        return Err(e);
    }
    report.filtered = filtered;
    report.warnings.extend(warnings);
    report.sort();
    Ok(report)
}

/// Where and how [`merge`] writes.
#[derive(Debug, Clone)]
pub struct Output {
    pub format: OutputFormat,
    /// A file, standard output, or for [`OutputFormat::Vdir`] a folder.
    pub target: Target,
    /// The vCard version of a vdir's cards.
    pub vcard_version: Version,
    /// The run report: JSON, or an HTML page when the name ends in `.html`.
    pub report: Option<PathBuf>,
}

/// What [`merge`] did.
#[derive(Debug, Default)]
pub struct Merged {
    /// The contacts written; empty when they were streamed (`--no-dedupe` to JSON Lines or vCard).
    pub contacts: Vec<Contact>,
    pub report: Report,
    /// How many contacts were written.
    pub written: usize,
    /// For a vdir: which cards changed, and which files are no contact any more.
    pub vdir: Option<sinks::vdir::Changes>,
    /// Standard output was closed before everything was written (a reader like `head` went
    /// away): `written` counts what was attempted and, when streaming, the report is empty.
    pub stdout_closed: bool,
}

impl Merged {
    /// The one summary line: records per platform, rejected, filtered, contacts written, merges.
    pub fn summary(&self, target: &Target) -> String {
        let dest = match target {
            Target::Stdout => "standard output".to_string(),
            Target::File(p) => p.display().to_string(),
        };
        self.report.summary(self.written, &dest)
    }
}

/// Whether `out` may be written over `inputs`. Everything is read before anything is written,
/// except when streaming, so rolo's own output given as an input is updated in place (`rolo
/// merge contacts.vcf new/ -o contacts.vcf`, or a vdir folder). Any other input (an export), a
/// file inside a folder input, or a report over an input is refused.
fn check_target(path: &Path, inputs: &[String], in_place: bool) -> Result<(), OutputError> {
    let same = |i: &String| match (Path::new(i).canonicalize(), path.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if in_place && inputs.iter().any(same) && written_by_rolo(path) {
        // Only the input itself may be its output: not another input inside a folder given too.
        let others: Vec<String> = inputs.iter().filter(|i| !same(i)).cloned().collect();
        return output::check_not_input(path, &others);
    }
    output::check_not_input(path, inputs)
}

/// A vdir folder, a vCard file rolo wrote (its first card names rolo as PRODID), rolo's JSON, or
/// rolo's xCard.
fn written_by_rolo(path: &Path) -> bool {
    use std::io::Read;
    if path.is_dir() {
        return true;
    }
    // Only a regular file is peeked at: opening a FIFO to read would wait for a writer.
    if !path.is_file() {
        return false;
    }
    let mut head = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| f.take(4096).read_to_end(&mut head));
    let head = String::from_utf8_lossy(&head);
    let compact: String = head.chars().filter(|c| !c.is_whitespace()).collect();
    read.is_ok()
        && (head.contains(sinks::vcard::PRODID)
            || sources::rolo::is_rolo_output(&head)
            // rolo's xCard opens each card with its UID.
            || compact.contains("<vcard><uid><text>r-"))
}

/// The whole run: read, normalise, dedupe, merge, write to `out`, and write the report.
/// `--no-dedupe` to a format written contact by contact streams file by file instead (memory
/// does not grow with the input). Errors are output errors, and a clusters file that cannot be
/// applied (nothing is written then): problems with inputs are in the report.
pub fn merge(
    inputs: &[String],
    opts: &Options,
    out: &Output,
    progress: &dyn Progress,
) -> Result<Merged, MergeError> {
    let streams = !opts.dedupe.enabled
        && opts.clusters.is_none()
        && out.report.is_none()
        && out.format.streams();
    // The clusters file is an input too: no output may replace it.
    let mut guarded = inputs.to_vec();
    guarded.extend(opts.clusters.iter().map(|p| p.display().to_string()));
    if let Target::File(path) = &out.target {
        check_target(path, &guarded, !streams)?;
    }
    if let Some(path) = &out.report {
        output::check_not_input(path, &guarded)?;
    }
    if streams {
        let mut written = 0usize;
        let mut report = None;
        output::write_to(&out.target, |w| {
            let mut write = |c: &Contact| {
                written += 1;
                sinks::write(out.format, std::slice::from_ref(c), w)
            };
            report = Some(run_streaming(inputs, opts, progress, &mut write)?);
            Ok(())
        })?;
        return Ok(Merged {
            report: report.unwrap_or_default(),
            written,
            stdout_closed: out.target == Target::Stdout && output::stdout_closed(),
            ..Merged::default()
        });
    }
    let Outcome {
        contacts,
        mut report,
    } = try_run(inputs, opts, progress)?;
    progress.stage("writing", contacts.len() as u64);
    let vdir = match (&out.format, &out.target) {
        (OutputFormat::Vdir, Target::File(dir)) => {
            Some(sinks::vdir::write(dir, &contacts, out.vcard_version)?)
        }
        _ => {
            output::write_to(&out.target, |w| sinks::write(out.format, &contacts, w))?;
            None
        }
    };
    progress.finish();
    if let Some(v) = &vdir {
        report.orphaned_cards = v.orphaned.clone();
    }
    if let Some(path) = &out.report {
        // The extension picks the form (SPEC §3): a page to look at, else JSON for tools.
        let lower = path.to_string_lossy().to_ascii_lowercase();
        let html = lower.ends_with(".html") || lower.ends_with(".htm");
        output::write_to(&Target::File(path.clone()), |w| {
            if html {
                w.write_all(report_html::render(&report, &contacts).as_bytes())
            } else {
                serde_json::to_writer_pretty(&mut *w, &report)?;
                w.write_all(b"\n")
            }
        })?;
    }
    Ok(Merged {
        written: contacts.len(),
        stdout_closed: out.target == Target::Stdout && output::stdout_closed(),
        contacts,
        report,
        vdir,
    })
}
