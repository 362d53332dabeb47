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

/// The root of `x` in the union-find `parent`, halving the path on the way.
fn root(parent: &mut [usize], mut x: usize) -> usize {
    while let Some(&p) = parent.get(x) {
        if p == x {
            break;
        }
        let gp = parent.get(p).copied().unwrap_or(p);
        if let Some(slot) = parent.get_mut(x) {
            *slot = gp;
        }
        x = p;
    }
    x
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

    pub(super) fn find(&mut self, x: usize) -> usize {
        root(&mut self.parent, x)
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
        let model = Model::default();
        let mut none = Vec::new();
        let progress = &crate::progress::Silent;
        let clusters = cluster(p, &owner_joins(records), &mut none, opts, &model, progress);
        return (clusters, none, model);
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
    progress.finish();
    progress.stage("clustering", decisions.len() as u64);
    let mut joins = owner_joins(records);
    joins.extend(known_joins(records));
    let clusters = cluster(p, &joins, &mut decisions, opts, &model, progress);
    (clusters, decisions, model)
}

/// Joins the records: the known `joins`, then `decisions` strongest first under the
/// constraints (setting each one's outcome), and spells out every cluster's evidence.
///
/// A join, a constraint, a name-only reach or an ambiguity only ever involves records linked by
/// a known join or a taken decision, so the connected components of those links are clustered
/// apart, in parallel, each exactly as the whole would be: its joins in order, then its links
/// in the global order. Unions keep the smaller record as the root, so the components' roots,
/// scores and evidence are those of one sequential run whatever the threads.
fn cluster(
    p: &Prepared,
    joins: &[Known],
    decisions: &mut [Decision],
    opts: &DedupeOptions,
    model: &Model,
    progress: &dyn Progress,
) -> Clusters {
    let min_weight = score::weight_for(opts.threshold);
    let taken = |d: &Decision| d.comparison.probability() >= opts.threshold;
    // A record beyond the constraints is in no component: its links are refused below, as
    // a union without its guard would be.
    let n = p.feats.len().min(p.lists.len());
    let within = |d: &Decision| d.a < n && d.b < n;
    let edges = joins.iter().map(|j| (j.0, j.1));
    let edges = edges.chain(decisions.iter().filter(|d| taken(d)).map(|d| (d.a, d.b)));
    let (component, count) = components(n, edges);
    // Greedy: strongest first, ties in record order, so one weak link cannot chain two people.
    // Every pair is once in the list, so the order is total and a parallel sort gives it.
    decisions.par_sort_unstable_by(|x, y| {
        y.comparison
            .weight
            .total_cmp(&x.comparison.weight)
            .then_with(|| (x.a, x.b).cmp(&(y.a, y.b)))
    });
    for d in decisions.iter_mut().filter(|d| taken(d) && !within(d)) {
        d.outcome = Outcome::Refused("internal: no such record");
    }
    let of = |i: usize| component.get(i).copied().unwrap_or(NONE);
    let members = Bucketed::new(count, (0..n).map(|i| (of(i), i)));
    let known = Bucketed::new(count, joins.iter().enumerate().map(|(k, j)| (of(j.0), k)));
    let links = Bucketed::new(
        count,
        decisions
            .iter()
            .enumerate()
            .filter(|(_, d)| taken(d) && within(d))
            .map(|(i, d)| (of(d.a), i)),
    );
    drop(component);
    // The bar counts each decision once: the links as their component decides them, the
    // others (never taken) here.
    let batched = Batched::new(progress, decisions.len());
    for position in links.flat.len()..decisions.len() {
        batched.at(position);
    }
    let run = Run {
        p,
        decisions,
        min_weight,
        model,
        batched: &batched,
    };
    // Components come out in order of their smallest record whatever the threads.
    let settled: Vec<Settled> = (0..count)
        .into_par_iter()
        .map(|k| {
            let joins = known.get(k).iter().filter_map(|&j| joins.get(j));
            run.component(members.get(k), joins, links.get(k), links.start(k))
        })
        .collect();
    batched.done();
    // Back to record numbers: every record points at its root, and each root holds its
    // cluster's score and evidence.
    let mut clusters = Clusters {
        parent: (0..n).collect(),
        // The components' guards were dropped with them.
        guards: Vec::new(),
        score: vec![1.0; n],
        evidence: vec![Vec::new(); n],
        log: Vec::new(),
    };
    for (k, part) in settled.into_iter().enumerate() {
        let members = members.get(k);
        let own = members.iter().zip(part.roots).zip(part.score);
        for (((&g, r), s), e) in own.zip(part.evidence) {
            let root = members.get(r).copied().unwrap_or(g);
            if let Some(slot) = clusters.parent.get_mut(g) {
                *slot = root;
            }
            if let Some(slot) = clusters.score.get_mut(g) {
                *slot = s;
            }
            if let Some(slot) = clusters.evidence.get_mut(g) {
                *slot = e;
            }
        }
        for (&i, outcome) in links.get(k).iter().zip(part.outcomes) {
            if let Some(d) = decisions.get_mut(i) {
                d.outcome = outcome;
            }
        }
    }
    clusters
}

/// No component: a record no link touches.
const NONE: usize = usize::MAX;

/// The connected components of records `0..n` under `edges` (pairs beyond `n` are left out):
/// each record's component, numbered in order of the components' smallest records, or [`NONE`]
/// for a record no edge touches; and how many components there are.
fn components(n: usize, edges: impl Iterator<Item = (usize, usize)>) -> (Vec<usize>, usize) {
    let mut parent: Vec<usize> = (0..n).collect();
    let mut linked = vec![false; n];
    for (a, b) in edges.filter(|&(a, b)| a < n && b < n) {
        for x in [a, b] {
            if let Some(l) = linked.get_mut(x) {
                *l = true;
            }
        }
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        // The smaller root stays: a component's root is its smallest record, met first below.
        if let Some(slot) = parent.get_mut(ra.max(rb)) {
            *slot = ra.min(rb);
        }
    }
    let mut component = vec![NONE; n];
    let mut count = 0;
    for (i, _) in linked.iter().enumerate().filter(|(_, &l)| l) {
        let r = root(&mut parent, i);
        let c = if r == i {
            count += 1;
            count - 1
        } else {
            component.get(r).copied().unwrap_or(NONE)
        };
        if let Some(slot) = component.get_mut(i) {
            *slot = c;
        }
    }
    (component, count)
}

/// Items grouped by a number below a count, each group keeping the items' order: one flat list
/// and where each group starts in it, rather than a million small lists.
struct Bucketed {
    start: Vec<usize>,
    flat: Vec<usize>,
}

impl Bucketed {
    /// `items` are (group, item); groups out of range are left out.
    fn new(count: usize, items: impl Iterator<Item = (usize, usize)> + Clone) -> Bucketed {
        let items = items.filter(move |&(g, _)| g < count);
        // Each group's size one place to the right, then summed: each group's start.
        let mut start = vec![0usize; count + 1];
        for (g, _) in items.clone() {
            if let Some(s) = start.get_mut(g + 1) {
                *s += 1;
            }
        }
        let mut total = 0;
        for s in &mut start {
            total += *s;
            *s = total;
        }
        let mut next = start.clone();
        let mut flat = vec![0usize; total];
        for (g, x) in items {
            if let Some(at) = next.get_mut(g) {
                if let Some(slot) = flat.get_mut(*at) {
                    *slot = x;
                }
                *at += 1;
            }
        }
        Bucketed { start, flat }
    }

    fn start(&self, k: usize) -> usize {
        self.start.get(k).copied().unwrap_or(0)
    }

    /// Group `k`'s items; none for a group out of range (even [`NONE`]).
    fn get(&self, k: usize) -> &[usize] {
        let end = k.checked_add(1).map_or(0, |e| self.start(e));
        self.flat.get(self.start(k)..end).unwrap_or_default()
    }
}

/// What every component's clustering reads.
struct Run<'a> {
    p: &'a Prepared,
    decisions: &'a [Decision],
    min_weight: f64,
    model: &'a Model,
    batched: &'a Batched<'a>,
}

/// One component clustered, in its members' numbering (their positions in record order): per
/// member its root, score and evidence; per link its outcome.
struct Settled {
    roots: Vec<usize>,
    score: Vec<f64>,
    evidence: Vec<Vec<String>>,
    outcomes: Vec<Outcome>,
}

impl Run<'_> {
    /// Clusters one component: `members` in record order, its `joins` in order, its `links`
    /// (taken decisions) strongest first, the first of them at `first` among all links.
    fn component<'j>(
        &self,
        members: &[usize],
        joins: impl Iterator<Item = &'j Known>,
        links: &[usize],
        first: usize,
    ) -> Settled {
        // Members are numbered by position, which keeps their order: the smaller root stays.
        let local = |g: usize| members.binary_search(&g).ok();
        let guards = members
            .iter()
            .map(|&g| match (self.p.feats.get(g), self.p.lists.get(g)) {
                (Some(f), Some(&l)) => Guard::of(f, l),
                _ => Guard::default(),
            })
            .collect();
        let mut clusters = Clusters::new(guards);
        for &(a, b, why) in joins {
            if let (Some(a), Some(b)) = (local(a), local(b)) {
                clusters.join(a, b, why);
            }
        }
        // Links with evidence beyond the name first; then links that rest on the name alone,
        // which are refused when the name leads to two clusters that cannot be one person.
        let mut outcomes = vec![Outcome::BelowThreshold; links.len()];
        let ends = |d: &Decision| Some((local(d.a)?, local(d.b)?));
        for beyond_name in [true, false] {
            let allowed = (!beyond_name).then(|| {
                let name_links = links.iter().filter_map(|&i| {
                    let d = self.decisions.get(i)?;
                    let (a, b) = ends(d).filter(|_| !d.comparison.beyond_name)?;
                    Some((a, b, d.comparison.closeness))
                });
                name_only(&mut clusters, name_links)
            });
            for (j, (&i, outcome)) in links.iter().zip(&mut outcomes).enumerate() {
                let Some(d) = self.decisions.get(i) else {
                    continue;
                };
                if d.comparison.beyond_name != beyond_name {
                    continue;
                }
                self.batched.at(first + j);
                let allows = match (ends(d), &allowed) {
                    (None, _) => Err("internal: no such record"),
                    (Some((a, b)), Some(allowed)) => allowed.allows(a, b).map(|()| (a, b)),
                    (Some(ends), None) => Ok(ends),
                };
                *outcome = match allows {
                    Ok((a, b)) => take(&mut clusters, i, a, b, d, self.min_weight),
                    Err(reason) => Outcome::Refused(reason),
                };
            }
        }
        // Evidence is only spelled out for links that are taken (or when explaining).
        clusters.settle_evidence(|i| {
            let Some(d) = self.decisions.get(i) else {
                return Vec::new();
            };
            if !d.comparison.evidence.is_empty() {
                return evidence_lines(&d.comparison);
            }
            match (self.p.feats.get(d.a), self.p.feats.get(d.b)) {
                (Some(fa), Some(fb)) => evidence_lines(&score::compare(fa, fb, self.model, true)),
                _ => Vec::new(),
            }
        });
        let roots = (0..members.len()).map(|x| clusters.find(x)).collect();
        Settled {
            roots,
            score: clusters.score,
            evidence: clusters.evidence,
            outcomes,
        }
    }
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

/// Joins `a` and `b`, the pair of `d` (decision `i`), if the clusters allow it: the outcome.
fn take(
    clusters: &mut Clusters,
    i: usize,
    a: usize,
    b: usize,
    d: &Decision,
    min_weight: f64,
) -> Outcome {
    // Already one cluster: nothing to join, and its evidence would not be kept.
    if clusters.find(a) == clusters.find(b) {
        return Outcome::Merged;
    }
    let pair = d.comparison.gamma;
    match clusters.union(a, b, d.comparison.weight, min_weight, &pair, Why::Link(i)) {
        Ok(()) => Outcome::Merged,
        Err(reason) => Outcome::Refused(reason),
    }
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

/// What the taken name-only `links` (a, b, closeness), strongest first, allow.
fn name_only(clusters: &mut Clusters, links: impl Iterator<Item = (usize, usize, u8)>) -> NameOnly {
    let root: Vec<usize> = (0..clusters.parent.len())
        .map(|i| clusters.find(i))
        .collect();
    // Per cluster: the clusters its name-only links reach, with the closest spelling.
    let mut reach: HashMap<usize, Vec<(usize, u8)>> = HashMap::new();
    for (a, b, closeness) in links {
        let (Some(&ra), Some(&rb)) = (root.get(a), root.get(b)) else {
            continue;
        };
        if ra == rb {
            continue;
        }
        for (x, y) in [(ra, rb), (rb, ra)] {
            let v = reach.entry(x).or_default();
            match v.iter_mut().find(|(z, _)| *z == y) {
                Some((_, c)) => *c = (*c).max(closeness),
                None => v.push((y, closeness)),
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
