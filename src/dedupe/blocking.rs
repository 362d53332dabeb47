//! Candidate pairs from shared keys: never all pairs.
//!
//! Each record emits keys (email, phone tail, profile, several name keys, handle keys); records
//! sharing a key are candidates. Keys are hashed and sorted rather than put in maps, which keeps
//! memory flat at a million records, and keys held by one record only are dropped at once.
//! A block larger than [`MAX_BLOCK`] (a very common name) is compared only within a sliding
//! window over its members sorted by full name, so its cost stays linear in its size.
//!
//! Candidates are produced per record ([`Index::candidates`]) instead of as one global list of
//! pairs, so scoring can stream over records in parallel without holding every pair in memory.

use super::features::Features;
use super::hash::key;
use crate::normalize::keys;
use rayon::prelude::*;

/// Blocks up to this size are compared all-pairs.
pub const MAX_BLOCK: usize = 16;
/// Neighbours on each side each member of an oversized block is compared with.
pub const WINDOW: usize = 4;

/// The top bit of a member id in [`Index`]: the record holds the block's key only as a
/// spelling derived from its name (`michellesm`), not as a handle or address it has.
const DERIVED: u32 = 1 << 31;

/// The blocking keys of one record; `derived` gets the handle spellings made from its name
/// that exist only to meet a real handle (given name + start of the family name). Two records
/// meeting through such a spelling alone would be a block of everyone called Michelle Sm…, all
/// pairs its name keys already judge.
pub fn keys_of(f: &Features, out: &mut Vec<u64>, derived: &mut Vec<u64>) {
    for e in f.emails() {
        out.push(key(1, &[e]));
    }
    for t in f.phone_tails() {
        out.push(key(2, &[t]));
    }
    for (s, k) in f.profiles() {
        out.push(key(3, &[s, k]));
    }
    if f.has_name() {
        out.push(key(4, &[f.name_key()]));
        if !f.family().is_empty() {
            if let Some(i) = f.given().get(..1) {
                out.push(key(5, &[f.family(), i]));
            }
            out.push(key(6, &[f.given_canon(), f.family()]));
            // Either of two surnames alone ("Mary Parker Jones" and Mary Jones); the first one
            // meets through the name handles.
            if !f.family_tail().is_empty() {
                out.push(key(6, &[f.given_canon(), f.family_tail()]));
            }
            // A short form of several names (Chris) meets each of them (Christine, Christian).
            for g in keys::nickname_groups(f.given()) {
                if *g != f.given_canon() {
                    out.push(key(6, &[g, f.family()]));
                }
            }
            // Two romanisations of one name (Yevgeny Fyodorov, Evgenii Fedorov).
            out.push(key(9, &[f.given_translit(), f.family_translit()]));
            let pf = keys::phonetic(f.family());
            let pg = keys::phonetic(f.given_canon());
            out.push(key(7, &[&pf, &pg]));
            // Swapped order ("Doe John") meets the straight one here.
            out.push(key(6, &[keys::nickname_canonical(f.family()), f.given()]));
        }
        let (own, spelt) = f
            .name_handles()
            .split_at(f.name_handles_initial.min(f.name_handles().len()));
        out.extend_from_slice(own);
        derived.extend_from_slice(spelt);
    }
    out.extend(f.handle_keys().iter().chain(f.local_keys().iter()).copied());
    // Fields beside the name, so that a record whose name is misspelt, missing or swapped
    // still meets its twin: the birth date, the house (number and street, number and postcode),
    // and the sound of either name part with the postcode (a city is too coarse a block: it
    // brought pairs, not matches).
    if !f.birthday_full().is_empty() {
        out.push(key(10, &[f.birthday_full()]));
    }
    for (number, street) in f.streets() {
        if !number.is_empty() {
            out.push(key(11, &[number, street]));
            for code in f.postcodes() {
                out.push(key(12, &[number, code]));
            }
        }
    }
    if !f.postcodes().is_empty() {
        for part in [f.given(), f.family()].into_iter().filter(|p| p.len() >= 2) {
            let sound = keys::phonetic(part);
            for code in f.postcodes() {
                out.push(key(13, &[&sound, code]));
            }
        }
    }
}

/// Blocks in compressed form: members of every block with two or more records, contiguous,
/// and for every record the blocks it is in (with its position there).
pub struct Index {
    /// Record ids, block after block ([`DERIVED`] marks a derived spelling); an oversized block is
    /// in sorted-neighbourhood order.
    members: Vec<u32>,
    /// `(start, end)` of each block in `members`.
    blocks: Vec<(u32, u32)>,
    /// Per record, `(block, position in block)`: rows `offsets[i]..offsets[i + 1]`.
    memberships: Vec<(u32, u32)>,
    offsets: Vec<u32>,
}

/// Entries are gathered in `1 << PART_BITS` parts by the top bits of their key; each part is
/// sorted and cut into blocks in turn, so only one part is ever held sorted beside the others,
/// and the blocks come out in key order all the same.
const PART_BITS: u32 = 3;
/// Records whose keys one task works out.
const CHUNK: usize = 1 << 14;

fn part(k: u64) -> usize {
    (k >> (64 - PART_BITS)) as usize
}

/// The (key, record) entries of a chunk of records starting at record `first`, one vector
/// per part, each allocated to its length.
fn chunk_entries(first: usize, chunk: &[Features]) -> Vec<Vec<(u64, u32)>> {
    let (mut own, mut derived) = (Vec::new(), Vec::new());
    let mut all: Vec<(u64, u32)> = Vec::new();
    for (j, f) in chunk.iter().enumerate() {
        own.clear();
        derived.clear();
        keys_of(f, &mut own, &mut derived);
        own.sort_unstable();
        own.dedup();
        derived.sort_unstable();
        derived.dedup();
        // A key the record holds for real is not also derived for it.
        derived.retain(|k| own.binary_search(k).is_err());
        let i = (first + j) as u32;
        all.extend(own.iter().map(|&k| (k, i)));
        all.extend(derived.iter().map(|&k| (k, i | DERIVED)));
    }
    let mut counts = [0usize; 1 << PART_BITS];
    for &(k, _) in &all {
        if let Some(c) = counts.get_mut(part(k)) {
            *c += 1;
        }
    }
    let mut parts: Vec<Vec<(u64, u32)>> = counts.iter().map(|&n| Vec::with_capacity(n)).collect();
    for e in all {
        if let Some(v) = parts.get_mut(part(e.0)) {
            v.push(e);
        }
    }
    parts
}

/// Whether the run of entries of one key is a block: two or more records, at least one
/// holding the key for real.
fn is_block(run: &[(u64, u32)]) -> bool {
    run.len() >= 2 && run.iter().any(|e| e.1 & DERIVED == 0)
}

/// The runs of equal keys in sorted entries.
fn runs(entries: &[(u64, u32)]) -> impl Iterator<Item = &[(u64, u32)]> {
    entries.chunk_by(|x, y| x.0 == y.0)
}

impl Index {
    pub fn build(feats: &[Features]) -> Index {
        // Keys per chunk of records on every core, then each part sorted in parallel: the same
        // entries in the same order as one sequential build and sort.
        let mut chunks: Vec<Vec<Vec<(u64, u32)>>> = feats
            .par_chunks(CHUNK)
            .enumerate()
            .map(|(c, chunk)| chunk_entries(c * CHUNK, chunk))
            .collect();

        let mut members: Vec<u32> = Vec::new();
        let mut blocks: Vec<(u32, u32)> = Vec::new();
        for p in 0..1usize << PART_BITS {
            let len = chunks.iter().map(|c| c.get(p).map_or(0, Vec::len)).sum();
            let mut entries: Vec<(u64, u32)> = Vec::with_capacity(len);
            for c in &mut chunks {
                if let Some(v) = c.get_mut(p) {
                    entries.extend(std::mem::take(v));
                }
            }
            entries.par_sort_unstable();
            // Counted first so that the kept vectors are allocated to their length.
            let (n_members, n_blocks) = runs(&entries)
                .filter(|run| is_block(run))
                .fold((0, 0), |(m, b), run| (m + run.len(), b + 1));
            members.reserve_exact(n_members);
            blocks.reserve_exact(n_blocks);
            for block in runs(&entries).filter(|run| is_block(run)) {
                let first = members.len() as u32;
                let mut ids: Vec<u32> = block.iter().map(|e| e.1).collect();
                if ids.len() > MAX_BLOCK {
                    // Sorted neighbourhood: similar full names, then organisations, side by side.
                    ids.sort_by_cached_key(|&i| {
                        let f = feats.get((i & !DERIVED) as usize);
                        (
                            f.map_or("", |f| f.name_key()),
                            f.and_then(|f| f.orgs().first()).map_or("", |o| o),
                            i & !DERIVED,
                        )
                    });
                }
                members.extend(ids);
                blocks.push((first, members.len() as u32));
            }
        }
        drop(chunks);

        // Invert: for each record, the blocks it is in.
        let mut counts = vec![0u32; feats.len() + 1];
        for &m in &members {
            if let Some(c) = counts.get_mut((m & !DERIVED) as usize + 1) {
                *c += 1;
            }
        }
        for i in 1..counts.len() {
            let prev = counts.get(i - 1).copied().unwrap_or(0);
            if let Some(c) = counts.get_mut(i) {
                *c += prev;
            }
        }
        let offsets = counts.clone();
        let mut fill = counts;
        let mut memberships = vec![(0u32, 0u32); members.len()];
        for (b, &(s, e)) in blocks.iter().enumerate() {
            for pos in s..e {
                let Some(&m) = members.get(pos as usize) else {
                    continue;
                };
                let m = m & !DERIVED;
                if let Some(slot) = fill.get_mut(m as usize) {
                    if let Some(cell) = memberships.get_mut(*slot as usize) {
                        *cell = (b as u32, pos - s);
                    }
                    *slot += 1;
                }
            }
        }
        Index {
            members,
            blocks,
            memberships,
            offsets,
        }
    }

    /// Records sharing a block with `i` and greater than `i`, sorted, without repeats. Each
    /// candidate pair is thus produced exactly once, by its smaller record.
    pub fn candidates(&self, i: u32, out: &mut Vec<u32>) {
        out.clear();
        let from = self.offsets.get(i as usize).copied().unwrap_or(0) as usize;
        let to = self.offsets.get(i as usize + 1).copied().unwrap_or(0) as usize;
        for &(b, pos) in self.memberships.get(from..to).unwrap_or_default() {
            let Some(&(s, e)) = self.blocks.get(b as usize) else {
                continue;
            };
            let block = self.members.get(s as usize..e as usize).unwrap_or_default();
            let range = if block.len() <= MAX_BLOCK {
                block
            } else {
                let lo = (pos as usize).saturating_sub(WINDOW);
                let hi = (pos as usize + WINDOW + 1).min(block.len());
                block.get(lo..hi).unwrap_or_default()
            };
            // A derived spelling meets only records that hold it for real.
            let derived = block.get(pos as usize).is_some_and(|&m| m & DERIVED != 0);
            out.extend(
                range
                    .iter()
                    .filter(|&&j| !derived || j & DERIVED == 0)
                    .map(|&j| j & !DERIVED)
                    .filter(|&j| j > i),
            );
        }
        out.sort_unstable();
        out.dedup();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedupe::features::{Draft, Head};
    use crate::dedupe::hash::handle_key;

    /// A record with a name of its own (no other record's), name-derived spellings (`spelt`)
    /// and real handles (`handles`).
    fn rec(spelt: &[&str], handles: &[&str]) -> Features {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Draft {
            head: Head {
                n_tokens: 1,
                ..Head::default()
            },
            name_key: format!("name {n}").into(),
            name_handles: spelt.iter().map(|s| handle_key(s)).collect(),
            handle_keys: handles.iter().map(|s| handle_key(s)).collect(),
            ..Draft::default()
        }
        .pack()
    }

    fn pairs(feats: &[Features]) -> Vec<(u32, u32)> {
        let index = Index::build(feats);
        let mut out = Vec::new();
        let mut cands = Vec::new();
        for i in 0..feats.len() as u32 {
            index.candidates(i, &mut cands);
            out.extend(cands.iter().map(|&j| (i, j)));
        }
        out
    }

    #[test]
    fn a_derived_spelling_meets_a_real_handle_but_not_another_derived_one() {
        let feats = vec![
            rec(&["michellesm"], &[]),
            rec(&["michellesm"], &[]),
            rec(&[], &["michellesm"]),
        ];
        assert_eq!(pairs(&feats), vec![(0, 2), (1, 2)]);
        // Without the real handle there is no block at all.
        assert!(pairs(feats.get(..2).unwrap()).is_empty());
    }

    #[test]
    fn a_key_held_for_real_is_not_also_derived() {
        let feats = vec![rec(&["anna"], &["anna"]), rec(&["anna"], &[])];
        assert_eq!(pairs(&feats), vec![(0, 1)]);
    }
}
