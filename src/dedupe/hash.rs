//! Stable hashes of texts: blocking keys, handle spellings and values compared only for
//! equality are kept as 64-bit hashes rather than strings.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

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
