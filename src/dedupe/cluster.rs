//! Clustering under constraints: candidate pairs scored, then joined strongest first with
//! union-find, refusing any join that would put two records of one platform list (or two
//! different profiles on a one-account service, or two known given names without a shared
//! birth date) in one cluster, and any name-only link whose name leads to several people.

use super::features::{Features, Prepared, SINGLE_ACCOUNT_SERVICES};
use super::hash::text_key;
use super::levels::{Field, Gamma, Level};
use super::score::{self, Comparison};
use super::weights::Model;
use super::{blocking, ids, train, Decision, DedupeOptions, Outcome};
use crate::model::{Contact, Kind};
use crate::progress::{Batched, Progress};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};

/// What a cluster must stay consistent with: the platform lists it holds (cannot-link), its
/// profiles on single-account services, its given names, and the contact details whose
/// disagreement with another cluster counts against joining them.
/// Values are kept as hashes (`text_key`): they are only ever compared for equality,
/// and a million clusters' worth of copied strings is memory the run does not need.
#[derive(Debug, Default, Clone)]
pub(super) struct Guard {
    lists: Vec<u32>,
    /// (service, profile key, form of the key: see `score::same_form`).
    accounts: Vec<(u64, u64, (bool, bool))>,
    givens: Vec<score::GivenKey>,
    phones: Vec<u64>,
    emails: Vec<u64>,
    orgs: Vec<u64>,
}

fn disjoint(a: &[u64], b: &[u64]) -> bool {
    !a.is_empty() && !b.is_empty() && !a.iter().any(|x| b.contains(x))
}

fn hashes<'a>(values: impl Iterator<Item = &'a str>) -> Vec<u64> {
    values.map(text_key).collect()
}

impl Guard {
    fn of(f: &Features, list: Option<u32>) -> Guard {
        let mut g = Guard {
            lists: list.into_iter().collect(),
            accounts: f
                .profiles()
                .filter(|(s, _)| SINGLE_ACCOUNT_SERVICES.contains(s))
                .map(|(s, k)| (text_key(s), text_key(k), score::form(k)))
                .collect(),
            givens: Vec::new(),
            phones: hashes(f.phone_tails()),
            emails: hashes(f.emails()),
            orgs: hashes(f.orgs()),
        };
        if f.given().len() >= 2 && !f.family().is_empty() {
            // `vec!` allocates one slot; a push would reserve four.
            g.givens = vec![score::GivenKey::new(f.given(), f.given_initials())];
        }
        g
    }

    /// Why `self` and `other` cannot be one person, if they cannot.
    fn conflict(&self, other: &Guard) -> Option<&'static str> {
        self.conflict_with(other, false)
    }

    /// [`Guard::conflict`]; with `personal` (the link shares a full birth date, which relatives
    /// do not share the way they share an inbox, a phone, an address or a family name), two
    /// given names do not rule the link out: the pair's weight has counted them.
    fn conflict_with(&self, other: &Guard, personal: bool) -> Option<&'static str> {
        if self
            .lists
            .iter()
            .any(|l| other.lists.binary_search(l).is_ok())
        {
            return Some("two records of one platform list");
        }
        for (s, k, form) in &self.accounts {
            if other
                .accounts
                .iter()
                .any(|(s2, k2, form2)| s2 == s && k2 != k && form == form2)
            {
                return Some("two different profiles on one service");
            }
        }
        for a in self.givens.iter().filter(|_| !personal) {
            if other.givens.iter().any(|b| !score::givens_compatible(a, b)) {
                return Some("incompatible given names in the cluster");
            }
        }
        None
    }

    /// Weight against joining: the clusters' phones, emails and organisations, taken as wholes,
    /// have nothing in common. A chain of links can otherwise join two people whose own records
    /// never met.
    fn disagreement(&self, other: &Guard) -> f64 {
        self.disagreement_beyond(other, &Gamma::default())
    }

    /// [`Guard::disagreement`] less what the pair's own comparison `counted` already: a pair
    /// whose emails differ has paid for it in its weight, and two clusters of one record each
    /// must not pay twice.
    fn disagreement_beyond(&self, other: &Guard, counted: &Gamma) -> f64 {
        let paid = |f: Field, l: Level| counted.get(f) == Some(l);
        let mut w = 0.0;
        if disjoint(&self.phones, &other.phones) && !paid(Field::Phone, Level::PhoneDifferent) {
            w += score::W_CLUSTER_PHONES_DIFFERENT;
        }
        if disjoint(&self.emails, &other.emails) && !paid(Field::Email, Level::EmailDifferent) {
            w += score::W_CLUSTER_EMAILS_DIFFERENT;
        }
        if disjoint(&self.orgs, &other.orgs) && !paid(Field::Organization, Level::OrgDifferent) {
            w += score::W_CLUSTER_ORGS_DIFFERENT;
        }
        w
    }

    fn absorb(&mut self, other: Guard) {
        self.lists.extend(other.lists);
        self.lists.sort_unstable();
        self.lists.dedup();
        for v in other.givens {
            if !self.givens.contains(&v) {
                self.givens.push(v);
            }
        }
        for (mine, theirs) in [
            (&mut self.phones, other.phones),
            (&mut self.emails, other.emails),
            (&mut self.orgs, other.orgs),
        ] {
            for v in theirs {
                if !mine.contains(&v) {
                    mine.push(v);
                }
            }
        }
        for a in other.accounts {
            if !self.accounts.contains(&a) {
                self.accounts.push(a);
            }
        }
    }
}

/// Union-find whose sets carry a [`Guard`]: a union that breaks it is refused.
pub(super) struct Clusters {
    pub(super) parent: Vec<usize>,
    pub(super) guards: Vec<Guard>,
    /// Per root: weakest accepted link and the evidence of every accepted link.
    pub(super) score: Vec<f64>,
    pub(super) evidence: Vec<Vec<String>>,
    /// Every join in order (root, child, why), whose evidence [`Clusters::settle_evidence`]
    /// spells out afterwards: spelling it needs a comparison per link, done in parallel.
    log: Vec<(usize, usize, Why)>,
}

/// Why two clusters joined: lines already written, or the index of the decision whose
/// comparison explains it.
enum Why {
    Lines(Vec<String>),
    Link(usize),
}

impl Clusters {
    fn new(guards: Vec<Guard>) -> Clusters {
        let n = guards.len();
        Clusters {
            parent: (0..n).collect(),
            guards,
            score: vec![1.0; n],
            evidence: vec![Vec::new(); n],
            log: Vec::new(),
        }
    }

    pub(super) fn find(&mut self, mut x: usize) -> usize {
        while let Some(&p) = self.parent.get(x) {
            if p == x {
                break;
            }
            let gp = self.parent.get(p).copied().unwrap_or(p);
            if let Some(slot) = self.parent.get_mut(x) {
                *slot = gp;
            }
            x = p;
        }
        x
    }

    /// Joins `a` and `b` whatever their weight, for records known to be one person without
    /// matching (the export's owner, one participant of a thread, a record read again); the
    /// constraints still apply, and a join they refuse is left undone.
    fn join(&mut self, a: usize, b: usize, why: &str) {
        let _ = self.union(
            a,
            b,
            f64::MAX,
            0.0,
            &Gamma::default(),
            Why::Lines(vec![why.to_string()]),
        );
    }

    /// Joins the sets of `a` and `b` (linked with `weight`) unless a constraint forbids it or
    /// the clusters' disagreement brings the weight under `min_weight`; returns why not.
    #[allow(clippy::too_many_arguments)]
    fn union(
        &mut self,
        a: usize,
        b: usize,
        weight: f64,
        min_weight: f64,
        pair: &Gamma,
        why: Why,
    ) -> Result<(), &'static str> {
        // A shared full birth date: see `Guard::conflict_with`.
        let personal = pair.get(Field::Birthday) == Some(Level::BirthdayExact);
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return Ok(());
        }
        let (Some(ga), Some(gb)) = (self.guards.get(ra), self.guards.get(rb)) else {
            return Err("internal: no such record");
        };
        if let Some(reason) = ga.conflict_with(gb, personal) {
            return Err(reason);
        }
        if weight + ga.disagreement_beyond(gb, pair) < min_weight {
            return Err("the clusters' contact details disagree");
        }
        let p = score::probability(weight);
        let (root, child) = if ra < rb { (ra, rb) } else { (rb, ra) };
        if let Some(slot) = self.parent.get_mut(child) {
            *slot = root;
        }
        let child_guard = self
            .guards
            .get_mut(child)
            .map(std::mem::take)
            .unwrap_or_default();
        if let Some(g) = self.guards.get_mut(root) {
            g.absorb(child_guard);
        }
        let child_score = self.score.get(child).copied().unwrap_or(1.0);
        if let Some(s) = self.score.get_mut(root) {
            *s = s.min(child_score).min(p);
        }
        self.log.push((root, child, why));
        Ok(())
    }

    /// Spells out the evidence of every join, the links' (`lines_of` a decision index) in
    /// parallel, then gathers it per cluster in the order the joins were made: each root's
    /// evidence, its child's after it, then the link's own lines not already there.
    fn settle_evidence(&mut self, lines_of: impl Fn(usize) -> Vec<String> + Sync) {
        let log: Vec<(usize, usize, Vec<String>)> = std::mem::take(&mut self.log)
            .into_par_iter()
            .map(|(root, child, why)| {
                let lines = match why {
                    Why::Lines(v) => v,
                    Why::Link(i) => lines_of(i),
                };
                (root, child, lines)
            })
            .collect();
        for (root, child, why) in log {
            let mut ev = self
                .evidence
                .get_mut(child)
                .map(std::mem::take)
                .unwrap_or_default();
            if let Some(e) = self.evidence.get_mut(root) {
                e.append(&mut ev);
                for w in why {
                    if !e.contains(&w) {
                        e.push(w);
                    }
                }
            }
        }
    }
}

/// Scores every candidate pair and decides, strongest first, under the constraints. With
/// `explain`, comparisons keep their evidence (for `review` and the merge report).
pub(super) fn decide(
    records: &[Contact],
    p: &Prepared,
    opts: &DedupeOptions,
    explain: bool,
    progress: &dyn Progress,
) -> (Clusters, Vec<Decision>, Model) {
    if !opts.enabled {
        let mut clusters = seeded(p, &owner_joins(records), &[]);
        clusters.settle_evidence(|_| Vec::new());
        return (clusters, Vec::new(), Model::default());
    }
    progress.stage("blocking", 0);
    let index = blocking::Index::build(&p.feats);
    progress.finish();
    let model = match &opts.model {
        Some(m) => m.clone(),
        None if opts.learn => {
            let m = train::train(&p.feats, &p.lists, &index, progress);
            progress.finish();
            m
        }
        None => Model::default(),
    };
    progress.stage("scoring", p.feats.len() as u64);
    let batched = Batched::new(progress, p.feats.len());
    let min_weight = score::weight_for(opts.threshold);
    let weights = &model;
    // Records are scored in parallel, each against its candidates; only pairs that could be
    // taken are kept (all of them when explaining), so memory does not grow with the pairs.
    let mut decisions: Vec<Decision> = (0..p.feats.len() as u32)
        .into_par_iter()
        .flat_map_iter(|a| {
            let mut cands = Vec::new();
            index.candidates(a, &mut cands);
            let a = a as usize;
            batched.at(a);
            let list_a = p.lists.get(a).copied().flatten();
            let fa = p.feats.get(a);
            cands.into_iter().filter_map(move |b| {
                let b = b as usize;
                // Two rows of one list are different people: not even worth scoring.
                if list_a.is_some() && p.lists.get(b).copied().flatten() == list_a {
                    return None;
                }
                let comparison = score::compare(fa?, p.feats.get(b)?, weights, explain);
                (explain || comparison.weight >= min_weight).then_some(Decision {
                    a,
                    b,
                    comparison,
                    outcome: Outcome::BelowThreshold,
                })
            })
        })
        .collect();
    batched.done();
    drop(index);
    // Greedy: strongest first, ties in record order, so one weak link cannot chain two people.
    progress.finish();
    progress.stage("clustering", decisions.len() as u64);
    // The constraints are built once the index is gone: a million records' guards beside
    // it would only add to the peak.
    let mut joins = owner_joins(records);
    joins.extend(known_joins(records));
    let mut clusters = seeded(p, &joins, &decisions);
    drop(joins);
    // Every pair is once in the list, so the order is total and a parallel sort gives it.
    decisions.par_sort_unstable_by(|x, y| {
        y.comparison
            .weight
            .total_cmp(&x.comparison.weight)
            .then_with(|| (x.a, x.b).cmp(&(y.a, y.b)))
    });
    // Links with evidence beyond the name first; then links that rest on the name alone, which
    // are refused when the name leads to two clusters that cannot be one person. The bar counts
    // each decision once: in the first pass unless it waits for the second.
    let taken = |d: &Decision| d.comparison.probability() >= opts.threshold;
    let mut done = 0usize;
    let batched = Batched::new(progress, decisions.len());
    for (i, d) in decisions.iter_mut().enumerate() {
        if d.comparison.beyond_name || !taken(d) {
            batched.at(done);
            done += 1;
        }
        if d.comparison.beyond_name && taken(d) {
            take(&mut clusters, i, d, min_weight);
        }
    }
    let allowed = name_only(&mut clusters, &decisions, opts.threshold);
    for (i, d) in decisions
        .iter_mut()
        .enumerate()
        .filter(|(_, d)| !d.comparison.beyond_name && taken(d))
    {
        batched.at(done);
        done += 1;
        match allowed.allows(d.a, d.b) {
            Ok(()) => take(&mut clusters, i, d, min_weight),
            Err(reason) => d.outcome = Outcome::Refused(reason),
        }
    }
    // Evidence is only spelled out for links that are taken (or when explaining).
    clusters.settle_evidence(|i| {
        let Some(d) = decisions.get(i) else {
            return Vec::new();
        };
        if !d.comparison.evidence.is_empty() {
            return evidence_lines(&d.comparison);
        }
        match (p.feats.get(d.a), p.feats.get(d.b)) {
            (Some(fa), Some(fb)) => evidence_lines(&score::compare(fa, fb, &model, true)),
            _ => Vec::new(),
        }
    });
    batched.done();
    (clusters, decisions, model)
}

/// A join of two records known to be one person without matching, and why.
type Known = (usize, usize, &'static str);

/// The export's owner: all owner records of one input are one person.
fn owner_joins(records: &[Contact]) -> Vec<Known> {
    let mut joins = Vec::new();
    let mut owners: BTreeMap<(String, &str), usize> = BTreeMap::new();
    for (i, r) in records.iter().enumerate() {
        if let Some(s) = r.source().filter(|s| s.kind == Kind::Owner) {
            let first = *owners
                .entry((s.platform.to_string(), &*s.input))
                .or_insert(i);
            if first != i {
                joins.push((first, i, "export owner"));
            }
        }
    }
    joins
}

/// The records known to be one person without matching, besides the export owner's.
fn known_joins(records: &[Contact]) -> Vec<Known> {
    let mut joins = Vec::new();
    // A conversation split over several files (Facebook and Instagram write message_1.json,
    // message_2.json, … in one thread folder) lists its participants in each: the same name in
    // two files of one thread is one participant. Within one file two equal names stay two.
    let mut threads: BTreeMap<(&str, &str, String), (usize, &str)> = BTreeMap::new();
    for (i, r) in records.iter().enumerate() {
        let Some(s) = r.source().filter(|s| s.kind == Kind::Message) else {
            continue;
        };
        let Some((folder, _)) = s.file.rsplit_once('/') else {
            continue;
        };
        let name = crate::normalize::keys::fold(&r.name.full);
        if name.is_empty() {
            continue;
        }
        let (first, file) = *threads
            .entry((&*s.input, folder, name))
            .or_insert((i, &*s.file));
        if file != &*s.file {
            joins.push((
                first,
                i,
                "one participant of a conversation split over several files",
            ));
        }
    }
    // A record whose own key named a contact of rolo's earlier output (ids.rs): the card read
    // back cannot carry that key, so matching cannot see it.
    for (a, b) in ids::read_again(records) {
        joins.push((
            a,
            b,
            "the record that named this contact in rolo's earlier output",
        ));
    }
    joins
}

/// The clusters before matching, one per record, joined by `joins`. Only records of `joins`
/// or of `decisions` can ever be in a join, so only theirs of the constraints are worked out:
/// the others' would be memory never read.
fn seeded(p: &Prepared, joins: &[Known], decisions: &[Decision]) -> Clusters {
    let mut needed = vec![false; p.feats.len()];
    let pairs = joins.iter().map(|j| (j.0, j.1));
    for (a, b) in pairs.chain(decisions.iter().map(|d| (d.a, d.b))) {
        for i in [a, b] {
            if let Some(n) = needed.get_mut(i) {
                *n = true;
            }
        }
    }
    let guards = p
        .feats
        .iter()
        .zip(&p.lists)
        .zip(needed)
        .map(|((f, l), needed)| {
            if needed {
                Guard::of(f, *l)
            } else {
                Guard::default()
            }
        })
        .collect();
    let mut clusters = Clusters::new(guards);
    for &(a, b, why) in joins {
        clusters.join(a, b, why);
    }
    clusters
}

/// Joins the pair of `d` (decision `i`) if the clusters allow it, and records the outcome.
fn take(clusters: &mut Clusters, i: usize, d: &mut Decision, min_weight: f64) {
    // Already one cluster: nothing to join, and its evidence would not be kept.
    if clusters.find(d.a) == clusters.find(d.b) {
        d.outcome = Outcome::Merged;
        return;
    }
    let pair = d.comparison.gamma;
    let why = Why::Link(i);
    d.outcome = match clusters.union(d.a, d.b, d.comparison.weight, min_weight, &pair, why) {
        Ok(()) => Outcome::Merged,
        Err(reason) => Outcome::Refused(reason),
    };
}

/// What the name-only links of pass 1's clusters allow.
struct NameOnly {
    /// Each record's cluster after the links with evidence beyond the name.
    root: Vec<usize>,
    /// Clusters whose name-only links reach two clusters that cannot be one person (their
    /// lists, profiles or given names conflict, or their phones, emails or organisations are
    /// disjoint): the name is shared by several people and says nothing about which one this
    /// is. Only the closest spellings count: a typo of another person's name does not
    /// make an exact name ambiguous.
    ambiguous: HashSet<usize>,
    /// Cluster pairs (smaller first) linked by a looser spelling than another link of one of
    /// them, to a cluster the looser one cannot join: "Adam Wexcombe" goes to the Adam Wexcombe,
    /// not to the Adam Welcombe it is a typo away from.
    dominated: HashSet<(usize, usize)>,
}

impl NameOnly {
    fn allows(&self, a: usize, b: usize) -> Result<(), &'static str> {
        let (Some(&ra), Some(&rb)) = (self.root.get(a), self.root.get(b)) else {
            return Err("internal: no such record");
        };
        if self.ambiguous.contains(&ra) || self.ambiguous.contains(&rb) {
            Err("the name leads to several people")
        } else if self.dominated.contains(&(ra.min(rb), ra.max(rb))) {
            Err("a closer name leads to another person")
        } else {
            Ok(())
        }
    }
}

fn name_only(clusters: &mut Clusters, decisions: &[Decision], threshold: f64) -> NameOnly {
    let root: Vec<usize> = (0..clusters.parent.len())
        .map(|i| clusters.find(i))
        .collect();
    // Per cluster: the clusters its name-only links reach, with the closest spelling.
    let mut reach: HashMap<usize, Vec<(usize, u8)>> = HashMap::new();
    for d in decisions
        .iter()
        .filter(|d| !d.comparison.beyond_name && d.comparison.probability() >= threshold)
    {
        let (Some(&ra), Some(&rb)) = (root.get(d.a), root.get(d.b)) else {
            continue;
        };
        if ra == rb {
            continue;
        }
        for (x, y) in [(ra, rb), (rb, ra)] {
            let v = reach.entry(x).or_default();
            match v.iter_mut().find(|(z, _)| *z == y) {
                Some((_, c)) => *c = (*c).max(d.comparison.closeness),
                None => v.push((y, d.comparison.closeness)),
            }
        }
    }
    let clash = |x: usize, y: usize| match (clusters.guards.get(x), clusters.guards.get(y)) {
        (Some(gx), Some(gy)) => {
            gx.conflict(gy).is_some() || gx.disagreement(gy) <= score::W_CLUSTER_ORGS_DIFFERENT
        }
        _ => false,
    };
    let mut ambiguous = HashSet::new();
    let mut dominated = HashSet::new();
    for (&r, others) in &reach {
        // A handful of candidates is the rule; past a few dozen the name is common anyway.
        let others = &others[..others.len().min(32)];
        let best = others.iter().map(|&(_, c)| c).max().unwrap_or(0);
        let top: Vec<usize> = others
            .iter()
            .filter(|&&(_, c)| c == best)
            .map(|&(x, _)| x)
            .collect();
        let top_clash = top
            .iter()
            .enumerate()
            .any(|(i, &x)| top.iter().skip(i + 1).any(|&y| clash(x, y)));
        if top_clash {
            ambiguous.insert(r);
            continue;
        }
        for &(x, c) in others {
            if c < best && top.iter().any(|&y| clash(x, y)) {
                dominated.insert((r.min(x), r.max(x)));
            }
        }
    }
    NameOnly {
        root,
        ambiguous,
        dominated,
    }
}

pub(super) fn evidence_lines(c: &Comparison) -> Vec<String> {
    c.evidence
        .iter()
        .filter(|e| e.weight > 0.0)
        .map(|e| e.detail.clone())
        .collect()
}
