//! Stable hashes of texts: blocking keys, handle spellings and values compared only for
//! equality are kept as 64-bit hashes rather than strings.

use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hash, Hasher};

/// A stable hash of one text, for comparing values by hash (the input an export came from).
pub fn text_key(s: &str) -> u64 {
    if s.is_empty() {
        0
    } else {
        key(0, &[s])
    }
}

/// The key of a handle, an email local part or a handle-like spelling of a name: equal texts
/// give equal keys, and the block of handles uses the same key.
pub fn handle_key(h: &str) -> u64 {
    key(8, &[h])
}

pub fn key(tag: u8, parts: &[&str]) -> u64 {
    // DefaultHasher::new() has fixed keys: stable within a run, which is all blocking needs.
    let mut h = DefaultHasher::new();
    tag.hash(&mut h);
    for p in parts {
        p.hash(&mut h);
    }
    h.finish()
}

/// A map for counting and numbering names in memory, with [`FastHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

/// The multiply-rotate hash of rustc and Firefox (FxHash), for maps whose order never shows:
/// a million records' names are counted and numbered through it, and SipHash (the std default)
/// cost more than the counting. It does not resist keys crafted to collide, which rolo's own
/// exports are not.
#[derive(Debug, Default, Clone, Copy)]
pub struct FastHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(
                <[u8; 8]>::try_from(c).unwrap_or_default(),
            ));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            if let Some(head) = last.get_mut(..rest.len()) {
                head.copy_from_slice(rest);
            }
            self.add(u64::from_le_bytes(last));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}
