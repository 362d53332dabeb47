//! The run report: what was read, skipped, rejected, filtered and merged.
//!
//! It is the bookkeeping behind rolo's promise that nothing is lost without a word: every input
//! record is either in an output contact, or listed here as rejected or filtered with a reason.

use crate::error::Location;
use crate::model::{Kind, Platform};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One problem, at one place. `reason` never holds contact data.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Issue {
    pub location: Location,
    pub reason: String,
}

impl Issue {
    pub fn new(location: Location, reason: impl Into<String>) -> Issue {
        Issue {
            location,
            reason: reason.into(),
        }
    }
}

impl std::fmt::Display for Issue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.location, self.reason)
    }
}

/// A file a reader recognised, with what it found in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileReport {
    pub input: String,
    pub file: String,
    pub platform: Platform,
    /// The reader's name for this kind of file (`connections`, `messages`, …).
    pub format: String,
    /// Person records read, per kind.
    pub kinds: BTreeMap<Kind, u64>,
    pub records: u64,
    /// Rows of this file the reader saw but dropped (each listed in [`Report::rejected`]).
    #[serde(default)]
    pub rejected: u64,
    /// Set when the whole file failed; its records are then absent.
    pub error: Option<String>,
}

/// A merge decision, for the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MergeReport {
    pub id: String,
    pub records: usize,
    pub score: f64,
    pub evidence: Vec<String>,
    /// Ids of earlier rolo contacts that are now part of this one and are no longer used: a sync
    /// tool that knew them sees them gone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub retired: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub inputs: Vec<String>,
    pub files: Vec<FileReport>,
    /// Files that hold nothing rolo reads (photos, settings, non-people CSVs).
    pub skipped: Vec<Issue>,
    /// Inputs or files that could not be read at all.
    pub errors: Vec<Issue>,
    /// Values or rows that were not taken as they were (invalid email, unknown sender, …).
    pub warnings: Vec<Issue>,
    /// Person records dropped, with why.
    pub rejected: Vec<Issue>,
    /// Person records left out on purpose (kind filter, the owner), per kind.
    pub filtered: BTreeMap<Kind, u64>,
    pub merges: Vec<MergeReport>,
    /// The weights matching used: m, u and the weight of every comparison level, and λ
    /// (docs/dedupe.md). Absent with `--no-dedupe`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<crate::dedupe::weights::ModelFile>,
    /// Cards in a vdir output folder that are no contact of this run (left in place).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub orphaned_cards: Vec<String>,
}

impl Report {
    /// The summary line a run ends with: records read per platform, rejected, filtered,
    /// contacts written to `dest`, merges, and ids retired when there are any.
    pub fn summary(&self, contacts: usize, dest: &str) -> String {
        let per: Vec<String> = self
            .records_per_platform()
            .iter()
            .map(|(p, n)| format!("{p} {n}"))
            .collect();
        let merged_records: usize = self.merges.iter().map(|m| m.records).sum();
        let mut line = format!(
            "rolo: read {} records ({}); {} rejected, {} filtered; wrote {} contacts to {} ({} merges of {} records)",
            self.records_read(),
            if per.is_empty() { "none".to_string() } else { per.join(", ") },
            self.rejected.len(),
            self.filtered_total(),
            contacts,
            dest,
            self.merges.len(),
            merged_records,
        );
        let retired = self.retired_ids().len();
        if retired > 0 {
            line.push_str(&format!("; {retired} earlier ids retired"));
        }
        line
    }

    /// Whether the run failed: an input or output could not be read or written, or with
    /// `strict`, any record was rejected or any warning raised.
    pub fn failed(&self, strict: bool) -> bool {
        !self.errors.is_empty()
            || (strict && (!self.rejected.is_empty() || !self.warnings.is_empty()))
    }

    /// Person records read, per platform.
    pub fn records_per_platform(&self) -> BTreeMap<Platform, u64> {
        let mut out = BTreeMap::new();
        for f in &self.files {
            *out.entry(f.platform).or_insert(0) += f.records;
        }
        out
    }

    pub fn records_read(&self) -> u64 {
        self.files.iter().map(|f| f.records).sum()
    }

    /// Person rows the readers saw: the records read plus the rows rejected. Conservation holds as
    /// `rows_seen == records_read + rejected` and `records_read == filtered + Σ sources of the
    /// output contacts`: every row is in a contact, filtered, or rejected with a reason. Files that
    /// failed as a whole are in [`Report::errors`] and count zero records.
    pub fn rows_seen(&self) -> u64 {
        self.records_read() + self.rejected.len() as u64
    }

    /// Every id of rolo's earlier output that no contact carries any more, sorted.
    pub fn retired_ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = self
            .merges
            .iter()
            .flat_map(|m| m.retired.iter().map(String::as_str))
            .collect();
        ids.sort_unstable();
        ids
    }

    pub fn filtered_total(&self) -> u64 {
        self.filtered.values().sum()
    }

    /// Sorts every list so the report is deterministic whatever the input order.
    pub fn sort(&mut self) {
        self.files
            .sort_by(|a, b| (&a.input, &a.file).cmp(&(&b.input, &b.file)));
        self.skipped.sort();
        self.errors.sort();
        self.warnings.sort();
        self.rejected.sort();
        self.merges.sort_by(|a, b| a.id.cmp(&b.id));
    }
}
