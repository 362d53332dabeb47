//! The model: one weight per comparison level, estimated from the run's own records.
//!
//! Fellegi–Sunter as Splink and fastLink do it, without labels:
//! - **u** (how often two records of *different* people reach a level) from random pairs of
//!   records: nearly every random pair is two people;
//! - **m** (how often two records of *one* person reach it) by expectation–maximisation over the
//!   candidate pairs blocking found, both classes free (the u EM finds there describes blocked
//!   pairs of two people and is only used inside EM);
//! - each learned weight log₂(m/u) is shrunk towards the built-in one (`levels::LEVELS`) by how
//!   much evidence stood behind it, so a 40-card phone book behaves as the built-in weights say
//!   and Febrl's 5,000 records speak for themselves.
//!
//! Everything is deterministic: the records arrive in canonical order, the samples are taken by
//! position with a fixed generator, and sums run in a fixed order.

use super::blocking::Index;
use super::features::Features;
use super::levels::{Gamma, Kind, Level, LEVELS, NONE, N_FIELDS, N_LEVELS};
use super::score;
use super::weights::{LevelParams, Model, ModelFile, FORMAT};
use crate::progress::{Batched, Progress};
use rayon::prelude::*;
use std::collections::HashMap;

/// Random pairs drawn for u.
const U_PAIRS: u64 = 200_000;
/// Records whose candidate pairs train m (every record when there are fewer).
const M_RECORDS: usize = 60_000;
/// Expectation–maximisation rounds (it settles in a dozen on every data set measured).
const EM_ROUNDS: usize = 30;
/// Pseudo-observations of the built-in weight: a level seen fewer times than this leans on it.
const PRIOR_STRENGTH: f64 = 5.0;
/// Random pairs that count as one observation of a level's u when weighing a learned weight
/// against the built-in one.
const U_PER_EVIDENCE: f64 = 100.0;
/// Learned weights stay within this of ±: a level that never occurs among random pairs would
/// otherwise weigh without bound.
const MAX_WEIGHT: f64 = 20.0;

/// A small deterministic generator (SplitMix64) for drawing random pairs.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// Pairs reaching each level, and pairs with each field (non-null), weighted.
type Counts = ([f64; N_LEVELS], [f64; N_FIELDS]);

/// Level counts among random pairs, and how many pairs were drawn.
fn random_counts(feats: &[Features], base: &Model, progress: &dyn Progress) -> (Counts, u64) {
    let n = feats.len() as u64;
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    if n < 2 {
        return (([0.0; N_LEVELS], [0.0; N_FIELDS]), 0);
    }
    let all = n * (n - 1) / 2;
    if all <= U_PAIRS {
        for i in 0..feats.len() {
            for j in i + 1..feats.len() {
                pairs.push((i, j));
            }
        }
    } else {
        let mut rng = SplitMix(n);
        while (pairs.len() as u64) < U_PAIRS {
            let i = (rng.next() % n) as usize;
            let j = (rng.next() % n) as usize;
            if i != j {
                pairs.push((i.min(j), i.max(j)));
            }
        }
    }
    let counted = pairs.len() as u64;
    // Chunks in a fixed order and summed in that order: the same counts whatever the threads.
    let per_chunk: Vec<Counts> = pairs
        .par_chunks(4096)
        .map(|chunk| {
            let mut c = ([0.0; N_LEVELS], [0.0; N_FIELDS]);
            for &(i, j) in chunk {
                if let (Some(a), Some(b)) = (feats.get(i), feats.get(j)) {
                    tally(&score::compare(a, b, base, false).gamma, &mut c, 1.0);
                }
            }
            progress.advance(chunk.len() as u64);
            c
        })
        .collect();
    let mut total = ([0.0; N_LEVELS], [0.0; N_FIELDS]);
    for (levels, fields) in per_chunk {
        total.0.iter_mut().zip(levels).for_each(|(x, y)| *x += y);
        total.1.iter_mut().zip(fields).for_each(|(x, y)| *x += y);
    }
    (total, counted)
}

/// Adds `weight` to every level `g` reached and to every field it has.
fn tally(g: &Gamma, (levels, fields): &mut Counts, weight: f64) {
    for (f, &v) in g.0.iter().enumerate() {
        if v != NONE {
            if let Some(c) = levels.get_mut(usize::from(v)) {
                *c += weight;
            }
            if let Some(c) = fields.get_mut(f) {
                *c += weight;
            }
        }
    }
}

/// Distinct comparison patterns among the candidate pairs of a sample of records, with how
/// many pairs showed each and the built-in model's probability summed over them (EM's start).
fn candidate_patterns(
    feats: &[Features],
    lists: &[Option<u32>],
    index: &Index,
    base: &Model,
    progress: &dyn Progress,
) -> (Vec<(Gamma, f64, f64)>, u64, f64) {
    let step = sample_step(feats.len());
    let batched = Batched::new(progress, feats.len().div_ceil(step));
    // Per record in record order, then summed in that order: a float sum split over threads
    // as the scheduler chose would differ in its last bits from run to run.
    let per_record: Vec<Vec<(Gamma, f64)>> = (0..feats.len())
        .into_par_iter()
        .step_by(step)
        .enumerate()
        .map(|(k, a)| {
            batched.at(k);
            let mut cands = Vec::new();
            index.candidates(a as u32, &mut cands);
            let list_a = lists.get(a).copied().flatten();
            cands
                .into_iter()
                .filter_map(|b| {
                    let b = b as usize;
                    if list_a.is_some() && lists.get(b).copied().flatten() == list_a {
                        return None;
                    }
                    let c = score::compare(feats.get(a)?, feats.get(b)?, base, false);
                    Some((c.gamma, c.probability()))
                })
                .collect()
        })
        .collect();
    let mut map = HashMap::<Gamma, (f64, f64)>::new();
    for (g, p) in per_record.into_iter().flatten() {
        let e = map.entry(g).or_default();
        e.0 += 1.0;
        e.1 += p;
    }
    batched.done();
    let mut patterns: Vec<(Gamma, f64, f64)> =
        map.into_iter().map(|(g, (n, p))| (g, n, p)).collect();
    // Patterns in a fixed order for EM's sums.
    patterns.sort_by_key(|p| p.0);
    let pairs = patterns.iter().map(|p| p.1).sum::<f64>() as u64;
    (patterns, pairs, step as f64)
}

/// Every `step`-th record trains m: at most [`M_RECORDS`] of them.
fn sample_step(records: usize) -> usize {
    records.div_ceil(M_RECORDS).max(1)
}

/// Trains the model on the run's records: u from random pairs, m by EM over candidate pairs.
/// Its progress stage counts the random pairs compared and the records whose candidates trained
/// m (EM over the distinct patterns that found is quick).
pub fn train(
    feats: &[Features],
    lists: &[Option<u32>],
    index: &Index,
    progress: &dyn Progress,
) -> Model {
    let n = feats.len() as u64;
    let random_total = if n < 2 {
        0
    } else {
        (n * (n - 1) / 2).min(U_PAIRS)
    };
    let sampled = feats.len().div_ceil(sample_step(feats.len())) as u64;
    progress.stage("training", random_total + sampled);
    let base = Model::default();
    let ((u_levels, u_fields), random_pairs) = random_counts(feats, &base, progress);
    let (patterns, candidate_pairs, step) =
        candidate_patterns(feats, lists, index, &base, progress);

    // EM over the candidate pairs, both classes free (as fastLink does): blocking picked
    // pairs that agree on something, so the pairs of different people among them do not look
    // like random pairs, and holding u at its random-pair value would let the class of one
    // person absorb them all. It starts from the built-in model's posteriors, which puts it
    // in the right one of the two labellings. Only m is kept: the weights divide it by the
    // random-pair u above, which is what two people reach in the population.
    let mut post: Vec<f64> = patterns
        .iter()
        .map(|(_, n, p)| if *n > 0.0 { p / n } else { 0.0 })
        .collect();
    let mut m = [0.0f64; N_LEVELS];
    let mut m_seen = [0.0f64; N_LEVELS];
    let mut lambda = 0.0;
    // Expected pairs of one person among the candidates, and how many of them have each field.
    let mut matched_pairs = 0.0;
    let mut matched_fields = [0.0f64; N_FIELDS];
    for _ in 0..EM_ROUNDS {
        // Per class (one person, two people): level and field mass under the posteriors.
        let mut classes: [Counts; 2] = [([0.0; N_LEVELS], [0.0; N_FIELDS]); 2];
        let (mut matched, mut total) = (0.0, 0.0);
        for ((g, n, _), p) in patterns.iter().zip(&post) {
            let [one, two] = &mut classes;
            tally(g, one, n * p);
            tally(g, two, n * (1.0 - p));
            matched += n * p;
            total += n;
        }
        if total <= 0.0 || matched <= 0.0 || matched >= total {
            break;
        }
        lambda = (matched / total).clamp(1e-6, 1.0 - 1e-6);
        matched_pairs = matched;
        matched_fields = classes[0].1;
        let mut ub = [0.0f64; N_LEVELS];
        for (i, s) in LEVELS.iter().enumerate() {
            let f = s.field.index();
            let share = |(levels, fields): &Counts| {
                let lm = levels.get(i).copied().unwrap_or(0.0);
                let fm = fields.get(f).copied().unwrap_or(0.0);
                ((lm + 0.5) / (fm + 1.0), lm)
            };
            let ((mi, seen), (ui, _)) = (share(&classes[0]), share(&classes[1]));
            if let (Some(a), Some(b), Some(c)) = (m.get_mut(i), m_seen.get_mut(i), ub.get_mut(i)) {
                *a = mi;
                *b = seen;
                *c = ui;
            }
        }
        let prior = (lambda / (1.0 - lambda)).log2();
        for ((g, _, _), p) in patterns.iter().zip(post.iter_mut()) {
            let w = prior + g.levels().map(|l| ratio(&m, &ub, l)).sum::<f64>();
            *p = 1.0 / (1.0 + (-w).exp2());
        }
    }

    // u per level from the random pairs, less the pairs of one person among them: in a small
    // address book a "random" pair is often the same person twice. The matching pairs in the
    // data are about λ × the candidate pairs (scaled up when only a sample of records trained).
    let all_pairs = {
        let n = feats.len() as f64;
        (n * (n - 1.0) / 2.0).max(1.0)
    };
    let match_rate = (matched_pairs * step / all_pairs).clamp(0.0, 1.0);
    let expected_matches = match_rate * random_pairs as f64;
    let mut u = [0.0f64; N_LEVELS];
    let mut u_seen = [0.0f64; N_LEVELS];
    let mut u_nonnull = [0.0f64; N_LEVELS];
    for (i, s) in LEVELS.iter().enumerate() {
        let f = s.field.index();
        let share = if matched_pairs > 0.0 {
            matched_fields.get(f).copied().unwrap_or(0.0) / matched_pairs
        } else {
            0.0
        };
        let mi = m.get(i).copied().unwrap_or(0.0);
        let seen = u_levels.get(i).copied().unwrap_or(0.0);
        let nonnull = u_fields.get(f).copied().unwrap_or(0.0);
        let seen = (seen - expected_matches * share * mi).max(0.0);
        let nonnull = (nonnull - expected_matches * share).max(0.0);
        if let (Some(x), Some(y), Some(z)) = (u.get_mut(i), u_seen.get_mut(i), u_nonnull.get_mut(i))
        {
            // Half an observation keeps an unseen level finite.
            *x = (seen + 0.5) / (nonnull + 1.0);
            *y = seen;
            *z = nonnull;
        }
    }

    let mut model = base;
    let mut levels = Vec::with_capacity(N_LEVELS);
    for (i, s) in LEVELS.iter().enumerate() {
        let mi = m.get(i).copied().unwrap_or(0.0);
        let ui = u.get(i).copied().unwrap_or(1.0);
        let ms = m_seen.get(i).copied().unwrap_or(0.0);
        let us = u_seen.get(i).copied().unwrap_or(0.0);
        let weight = if s.kind == Kind::Learned && candidate_pairs > 0 {
            let learned = ratio(&m, &u, s.level);
            // Evidence behind the estimate: the pairs of one person that reached the level, and
            // the random pairs the level's u was measured over (a level never seen among
            // 200,000 random pairs is known to be rare; among six it is not known at all).
            let measured_over = u_nonnull.get(i).copied().unwrap_or(0.0) / U_PER_EVIDENCE;
            let evidence = ms.min(measured_over);
            let w = (evidence * learned + PRIOR_STRENGTH * s.default) / (evidence + PRIOR_STRENGTH);
            model.set(s.level, w);
            w
        } else {
            s.default
        };
        levels.push(LevelParams {
            level: s.id.to_string(),
            field: s.field.id().to_string(),
            m: (candidate_pairs > 0).then_some(round6(mi)),
            u: (random_pairs > 0).then_some(round6(ui)),
            matches_seen: (candidate_pairs > 0).then_some(round6(ms)),
            random_seen: (random_pairs > 0).then_some(round6(us)),
            weight: round6(weight),
            builtin: s.default,
        });
    }
    model.file = Some(ModelFile {
        format: FORMAT.to_string(),
        lambda: (candidate_pairs > 0).then_some(round6(lambda)),
        candidate_pairs,
        random_pairs,
        levels,
    });
    model
}

fn ratio(m: &[f64; N_LEVELS], u: &[f64; N_LEVELS], l: Level) -> f64 {
    let mi = m.get(l as usize).copied().unwrap_or(0.0);
    let ui = u.get(l as usize).copied().unwrap_or(1.0);
    (mi / ui).log2().clamp(-MAX_WEIGHT, MAX_WEIGHT)
}

fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}
