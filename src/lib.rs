//! rolo: turn social-platform and address-book exports into one clean, deduplicated contact set.
//!
//! The pipeline, one module per stage: [`sources`] reads inputs into records, [`normalize`] makes
//! their values canonical, [`dedupe`] finds the same person and merges, [`sinks`] writes the
//! result. [`run`] strings them together; the binary is a thin layer over it.
#![forbid(unsafe_code)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod dedupe;
pub mod error;
pub mod model;
pub mod normalize;
pub mod progress;
pub mod report;
pub mod report_html;
pub mod sinks;
pub mod sources;

use dedupe::DedupeOptions;
use model::{Contact, Kind};
use normalize::record::NormOptions;
use progress::Progress;
use report::Report;
use sources::input::Limits;

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

/// Reads, normalises, filters and deduplicates `inputs`.
pub fn run(inputs: &[String], opts: &Options, progress: &dyn Progress) -> Outcome {
    let (records, mut report) = prepare(inputs, opts, progress);
    let deduped = dedupe::dedupe(records, &opts.dedupe, progress);
    progress.finish();
    report.merges = deduped.merges;
    report.sort();
    Outcome {
        contacts: deduped.contacts,
        report,
    }
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
        for r in kept.iter_mut() {
            r.id = dedupe::ids::streamed_id(r, &mut prior_given);
        }
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
