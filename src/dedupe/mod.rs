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
    // Features are three allocations a record: freed at once, before the merging needs room.
    drop((prepared, std::mem::take(&mut clusters.guards)));
    // Clusters in root order, members in canonical order.
    let roots: Vec<usize> = (0..records.len()).map(|i| clusters.find(i)).collect();
    let mut order: Vec<usize> = (0..records.len()).collect();
    order.par_sort_unstable_by_key(|&i| (roots.get(i).copied().unwrap_or(i), i));
    progress.finish();
    let mut runs: Vec<(usize, Option<MergeInfo>)> = Vec::new();
    let mut at = 0;
    while let Some(&first) = order.get(at) {
        let root = roots.get(first).copied().unwrap_or(first);
        let len = order
            .get(at..)
            .unwrap_or(&[])
            .iter()
            .take_while(|&&i| roots.get(i) == Some(&root))
            .count()
            .max(1);
        at += len;
        let info = (len > 1).then(|| MergeInfo {
            score: round3(clusters.score.get(root).copied().unwrap_or(1.0)),
            evidence: clusters
                .evidence
                .get_mut(root)
                .map(std::mem::take)
                .unwrap_or_default(),
        });
        runs.push((len, info));
    }
    let key_of = if opts.enabled {
        merge::record_key
    } else {
        merge::source_key
    };
    let (contacts, merges) = merge_clusters(records, &order, runs, key_of, progress);
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
    let mut order = Vec::with_capacity(records.len());
    let runs = grouping
        .groups
        .into_iter()
        .map(|g| {
            order.extend_from_slice(&g.members);
            let info = (g.members.len() > 1).then(|| MergeInfo {
                score: 1.0,
                evidence: vec![g.evidence],
            });
            (g.members.len(), info)
        })
        .collect();
    let (contacts, merges) = merge_clusters(records, &order, runs, merge::record_key, progress);
    let deduped = Deduped {
        contacts,
        merges,
        model: weights::Model::default(),
    };
    Ok((deduped, grouping.warnings))
}

/// Merges each cluster's records, gives every contact its id (ids.rs) and puts the contacts in
/// output order: by folded name (unnamed last), then id. Returns them with one report entry per
/// merge. The clusters are `runs` of `by_cluster` (their lengths and merge infos), which holds
/// every record's index once; `key_of` is what a record contributes to its contact's id.
fn merge_clusters(
    mut records: Vec<Contact>,
    by_cluster: &[usize],
    runs: Vec<(usize, Option<MergeInfo>)>,
    key_of: fn(&Contact) -> String,
    progress: &dyn Progress,
) -> (Vec<Contact>, Vec<MergeReport>) {
    // Counted in contacts: the clusters merged.
    progress.stage("merging", runs.len() as u64);
    let batched = Batched::new(progress, runs.len());
    // Contacts are large (hundreds of bytes inline): the records are put in cluster order where
    // they are, each cluster is merged from its run of them into its first slot, and the slots
    // are closed up. No second vector of every record or contact is ever made.
    crate::order::permute(&mut records, by_cluster);
    let mut work: Vec<(&mut [Contact], Option<MergeInfo>)> = Vec::with_capacity(runs.len());
    let mut starts: Vec<usize> = Vec::with_capacity(runs.len());
    let mut rest: &mut [Contact] = &mut records;
    let mut at = 0;
    for (len, info) in runs {
        let all = std::mem::take(&mut rest);
        let (members, tail) = all.split_at_mut(len.min(all.len()));
        rest = tail;
        // A run without records would be a contact of nobody.
        if !members.is_empty() {
            starts.push(at);
            at += members.len();
            work.push((members, info));
        }
    }
    let mut keyed: Vec<Keyed> = work
        .into_par_iter()
        .enumerate()
        .map(|(k, (members, info))| {
            batched.at(k);
            let mut keys: Vec<String> = members.iter().map(key_of).collect();
            keys.sort();
            let evidence = info.as_ref().map(|i| (i.score, i.evidence.clone()));
            let taken = members.iter_mut().map(std::mem::take).collect();
            let contact = merge::merge(taken, info);
            let sort_key = keys::fold(&contact.name.full);
            if let Some(slot) = members.first_mut() {
                *slot = contact;
            }
            Keyed {
                keys,
                evidence,
                sort_key,
            }
        })
        .collect();
    // Closed up: the k-th contact to slot k. Slots before k are done and k is at most the k-th
    // start, so each swap brings a contact forward and sends back an emptied record.
    for (k, &start) in starts.iter().enumerate() {
        records.swap(k, start);
    }
    records.truncate(starts.len());
    let mut contacts = records;
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
    let order: Vec<usize> = sort_keys.into_iter().map(|(_, _, _, i)| i).collect();
    crate::order::permute(&mut contacts, &order);
    (contacts, merges)
}

/// Scores are shown with three decimals; more is noise and would make output churn.
fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
