//! Candidate pairs from shared keys: never all pairs.
//!
//! Each record emits keys (email, phone tail, profile, several name keys, handle keys); records
//! sharing a key are candidates. Keys are hashed and sorted rather than put in maps, which keeps
//! memory flat at a million records. A block larger than [`MAX_BLOCK`] (a very common name) is
//! compared only within a sliding window over its members sorted by full name, so cost stays
//! linear in its size instead of quadratic.

use super::features::{name_handles, Features};
use crate::normalize::keys;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

/// Blocks up to this size are compared all-pairs.
pub const MAX_BLOCK: usize = 48;
/// Neighbours each member of an oversized block is compared with.
pub const WINDOW: usize = 12;

fn key(tag: u8, parts: &[&str]) -> u64 {
    // DefaultHasher with fixed keys (SipHash 1-3, keys 0): stable within a run, which is all
    // blocking needs.
    let mut h = DefaultHasher::new();
    tag.hash(&mut h);
    for p in parts {
        p.hash(&mut h);
    }
    h.finish()
}

/// The blocking keys of one record.
pub fn keys_of(f: &Features, out: &mut Vec<u64>) {
    for e in &f.emails {
        out.push(key(1, &[e]));
    }
    for t in &f.phone_tails {
        out.push(key(2, &[t]));
    }
    for (s, k) in &f.profiles {
        out.push(key(3, &[s, k]));
    }
    if f.has_name() {
        out.push(key(4, &[&f.name_key]));
        if !f.family.is_empty() {
            if let Some(i) = f.given.get(..1) {
                out.push(key(5, &[&f.family, i]));
            }
            out.push(key(6, &[&f.given_canon, &f.family]));
            let pf = keys::phonetic(&f.family);
            let pg = keys::phonetic(&f.given_canon);
            out.push(key(7, &[&pf, &pg]));
            // Swapped order ("Doe John") meets the straight one here.
            out.push(key(6, &[keys::nickname_canonical(&f.family), &f.given]));
        }
        for h in name_handles(f) {
            out.push(key(8, &[&h]));
        }
    }
    for h in f.handles.iter().chain(f.email_locals.iter()) {
        out.push(key(8, &[h]));
    }
}

/// All candidate pairs `(i, j)` with `i < j`, sorted and without repeats.
pub fn candidate_pairs(feats: &[Features]) -> Vec<(u32, u32)> {
    let mut entries: Vec<(u64, u32)> = Vec::with_capacity(feats.len() * 8);
    let mut buf = Vec::new();
    for (i, f) in feats.iter().enumerate() {
        buf.clear();
        keys_of(f, &mut buf);
        buf.sort_unstable();
        buf.dedup();
        entries.extend(buf.iter().map(|&k| (k, i as u32)));
    }
    entries.sort_unstable();
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    let mut start = 0;
    while start < entries.len() {
        let k = entries.get(start).map(|e| e.0);
        let mut end = start;
        while end < entries.len() && entries.get(end).map(|e| e.0) == k {
            end += 1;
        }
        let members: Vec<u32> = entries
            .get(start..end)
            .unwrap_or_default()
            .iter()
            .map(|e| e.1)
            .collect();
        block_pairs(&members, feats, &mut pairs);
        start = end;
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

fn block_pairs(members: &[u32], feats: &[Features], pairs: &mut Vec<(u32, u32)>) {
    if members.len() < 2 {
        return;
    }
    if members.len() <= MAX_BLOCK {
        for (x, &a) in members.iter().enumerate() {
            for &b in members.iter().skip(x + 1) {
                pairs.push((a.min(b), a.max(b)));
            }
        }
        return;
    }
    // Sorted neighbourhood: similar full names (and then organisations) sit side by side.
    let mut sorted: Vec<u32> = members.to_vec();
    sorted.sort_by_cached_key(|&i| {
        let f = feats.get(i as usize);
        (
            f.map(|f| f.name_key.clone()).unwrap_or_default(),
            f.and_then(|f| f.orgs.first().cloned()).unwrap_or_default(),
            i,
        )
    });
    for (x, &a) in sorted.iter().enumerate() {
        for &b in sorted.iter().skip(x + 1).take(WINDOW) {
            pairs.push((a.min(b), a.max(b)));
        }
    }
}
