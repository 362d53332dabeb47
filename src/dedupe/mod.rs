//! Finding the same person across records and merging them (SPEC §5).
//!
//! Candidate pairs come from shared keys, never from all pairs. Records are then joined, strongest
//! evidence first, under cannot-link constraints: two records of one platform list (two rows of
//! one Connections.csv) are different people, and no chain of merges may join them.

pub mod blocking;
mod cluster;
pub mod external;
pub mod features;
pub mod hash;
pub mod ids;
pub mod levels;
pub mod merge;
pub mod score;
pub mod strings;
pub mod train;
pub mod weights;

use crate::model::{Contact, MergeInfo};
use crate::normalize::keys;
use crate::progress::{Batched, Progress};
use crate::report::MergeReport;
use rayon::prelude::*;
use score::Comparison;
use std::collections::BTreeMap;

#[derive(Debug, Clone)]
pub struct DedupeOptions {
    /// When false, every record is its own contact (normalisation only).
    pub enabled: bool,
    /// Fold gmail dots and +tags for the email match key.
    pub fold_gmail: bool,
    /// Match probability (0–1) at or above which two records are joined.
    pub threshold: f64,
    /// Weights to use instead of learning them from the records (`--model FILE`).
    pub model: Option<weights::Model>,
    /// Learn the weights from the records (on by default; off: the built-in weights).
    pub learn: bool,
}

impl Default for DedupeOptions {
    fn default() -> DedupeOptions {
        DedupeOptions {
            enabled: true,
            fold_gmail: false,
            threshold: 0.5,
            model: None,
            learn: true,
        }
    }
}

/// The result of dedupe: contacts in output order, and one report entry per merge.
pub struct Deduped {
    pub contacts: Vec<Contact>,
    pub merges: Vec<MergeReport>,
    /// The weights the run used (learned, loaded or built in).
    pub model: weights::Model,
}

/// A scored candidate pair.
#[derive(Debug, Clone)]
pub struct Decision {
    pub a: usize,
    pub b: usize,
    pub comparison: Comparison,
    /// Joined, or why not.
    pub outcome: Outcome,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Merged,
    BelowThreshold,
    Refused(&'static str),
}

/// Scores and decides every candidate pair, keeping the evidence: what `rolo review` shows,
/// with the model that weighed them.
pub fn review(records: &[Contact], opts: &DedupeOptions) -> (Vec<Decision>, weights::Model) {
    let p = features::prepare(records, opts, &crate::progress::Silent);
    let (_, decisions, model) = cluster::decide(records, &p, opts, true, &crate::progress::Silent);
    (decisions, model)
}

/// What a merged contact needs beside itself: its sorted member keys (for its id), its merge
/// score and evidence (for the report) and its folded name (for the output order).
struct Keyed {
    keys: Vec<String>,
    evidence: Option<(f64, Vec<String>)>,
    sort_key: String,
}

/// Clusters `records` (in canonical order) and merges each cluster.
pub fn dedupe(records: Vec<Contact>, opts: &DedupeOptions, progress: &dyn Progress) -> Deduped {
    progress.stage("features", records.len() as u64);
    let prepared = features::prepare(&records, opts, progress);
    progress.finish();
    let (mut clusters, _, model) = cluster::decide(&records, &prepared, opts, false, progress);
    // Millions of small frees: done beside the merging rather than before it.
    let guards = std::mem::take(&mut clusters.guards);
    let freeing = std::thread::Builder::new()
        .name("rolo-free".into())
        .spawn(move || drop((prepared, guards)))
        .ok();
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..records.len() {
        let root = clusters.find(i);
        groups.entry(root).or_default().push(i);
    }
    progress.finish();
    // Each record moves once, into its cluster's list: clusters in root order, members in
    // canonical order.
    let mut cluster_of = vec![0usize; records.len()];
    let mut work: Vec<(Vec<Contact>, Option<MergeInfo>)> = Vec::with_capacity(groups.len());
    for (k, (root, members)) in groups.into_iter().enumerate() {
        for &i in &members {
            if let Some(c) = cluster_of.get_mut(i) {
                *c = k;
            }
        }
        let info = (members.len() > 1).then(|| MergeInfo {
            score: round3(clusters.score.get(root).copied().unwrap_or(1.0)),
            evidence: clusters
                .evidence
                .get_mut(root)
                .map(std::mem::take)
                .unwrap_or_default(),
        });
        work.push((Vec::with_capacity(members.len()), info));
    }
    for (i, record) in records.into_iter().enumerate() {
        if let Some((members, _)) = cluster_of.get(i).and_then(|&k| work.get_mut(k)) {
            members.push(record);
        }
    }
    let key_of = if opts.enabled {
        merge::record_key
    } else {
        merge::source_key
    };
    let (contacts, merges) = merge_clusters(work, key_of, progress);
    // A panic while freeing would be a bug in drop code; the result is complete either way.
    if let Some(t) = freeing {
        let _ = t.join();
    }
    Deduped {
        contacts,
        merges,
        model,
    }
}

/// Merges the clusters a clusters file assigns (`--clusters FILE`, external.rs) instead of
/// matching: no features, blocking, training or scoring. Survivorship, ids and output order are
/// those of [`dedupe`]. A merge's score is 1 (the file decided; rolo weighed nothing) and its
/// evidence names the file's cluster. Returns the contacts and the warnings about the file.
pub fn dedupe_external(
    records: Vec<Contact>,
    assignments: &external::Assignments,
    progress: &dyn Progress,
) -> Result<(Deduped, Vec<crate::report::Issue>), external::ClustersError> {
    progress.stage("clustering", records.len() as u64);
    let grouping = external::group(&records, assignments)?;
    progress.finish();
    let mut slots: Vec<Option<Contact>> = records.into_iter().map(Some).collect();
    let work: Vec<(Vec<Contact>, Option<MergeInfo>)> = grouping
        .groups
        .into_iter()
        .map(|g| {
            let members: Vec<Contact> = g
                .members
                .iter()
                .filter_map(|&i| slots.get_mut(i).and_then(Option::take))
                .collect();
            let info = (members.len() > 1).then(|| MergeInfo {
                score: 1.0,
                evidence: vec![g.evidence],
            });
            (members, info)
        })
        .collect();
    drop(slots);
    let (contacts, merges) = merge_clusters(work, merge::record_key, progress);
    let deduped = Deduped {
        contacts,
        merges,
        model: weights::Model::default(),
    };
    Ok((deduped, grouping.warnings))
}

/// Merges each cluster's records, gives every contact its id (ids.rs) and puts the contacts in
/// output order: by folded name (unnamed last), then id. Returns them with one report entry per
/// merge. `key_of` is what a record contributes to its contact's id.
fn merge_clusters(
    work: Vec<(Vec<Contact>, Option<MergeInfo>)>,
    key_of: fn(&Contact) -> String,
    progress: &dyn Progress,
) -> (Vec<Contact>, Vec<MergeReport>) {
    // Counted in contacts: the clusters merged.
    progress.stage("merging", work.len() as u64);
    let batched = Batched::new(progress, work.len());
    // Contacts are large: they are written once where they are merged and moved once more, into
    // output order; everything else sorts indices or the small `Keyed` beside them.
    let mut contacts: Vec<Contact> = Vec::with_capacity(work.len());
    let mut keyed: Vec<Keyed> = Vec::with_capacity(work.len());
    work.into_par_iter()
        .enumerate()
        .map(|(k, (members, info))| {
            batched.at(k);
            let mut keys: Vec<String> = members.iter().map(key_of).collect();
            keys.sort();
            let evidence = info.as_ref().map(|i| (i.score, i.evidence.clone()));
            let contact = merge::merge(members, info);
            let sort_key = keys::fold(&contact.name.full);
            (
                contact,
                Keyed {
                    keys,
                    evidence,
                    sort_key,
                },
            )
        })
        .unzip_into_vecs(&mut contacts, &mut keyed);
    batched.done();
    // Ids: from the smallest member key; a collision takes the next key, deterministically.
    // Two contacts can share their smallest key (records kept apart despite one email): their
    // first sources, unique per record, settle the order so ids never depend on thread timing.
    let mut order: Vec<usize> = (0..contacts.len()).collect();
    order.par_sort_unstable_by(|&a, &b| {
        let keys = |i: usize| keyed.get(i).map(|k| &k.keys);
        let first = |i: usize| contacts.get(i).and_then(|c| c.sources.first());
        keys(a)
            .cmp(&keys(b))
            .then_with(|| first(a).cmp(&first(b)))
            .then(a.cmp(&b))
    });
    // Ids (ids.rs): a prior id read back from rolo's own output is kept, else one is derived
    // from the smallest member key.
    let mut retired = {
        let mut refs: Vec<Option<&mut Contact>> = contacts.iter_mut().map(Some).collect();
        ids::assign(
            &mut order
                .iter()
                .filter_map(|&i| {
                    let keys = keyed.get(i)?.keys.as_slice();
                    Some((keys, refs.get_mut(i)?.take()?))
                })
                .collect::<Vec<_>>(),
        )
    };
    let mut merges = Vec::new();
    let mut sort_keys = Vec::with_capacity(order.len());
    for (n, &i) in order.iter().enumerate() {
        let (Some(c), Some(k)) = (contacts.get(i), keyed.get_mut(i)) else {
            continue;
        };
        let retired = retired.remove(&n).unwrap_or_default();
        if let Some((score, evidence)) = k.evidence.take() {
            merges.push(MergeReport {
                id: c.id.clone(),
                records: c.sources.len(),
                score,
                evidence,
                retired,
            });
        }
        let sort_key = std::mem::take(&mut k.sort_key);
        sort_keys.push((sort_key.is_empty(), sort_key, c.id.clone(), i));
    }
    // Output order: by folded name (unnamed last), then id.
    sort_keys.par_sort_unstable();
    let mut slots: Vec<Option<Contact>> = contacts.into_iter().map(Some).collect();
    let contacts = sort_keys
        .into_iter()
        .filter_map(|(_, _, _, i)| slots.get_mut(i).and_then(Option::take))
        .collect();
    (contacts, merges)
}

/// Scores are shown with three decimals; more is noise and would make output churn.
fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
