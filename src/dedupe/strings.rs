//! String similarity for the comparisons every candidate pair goes through: the same answers
//! as `strsim`'s functions, without allocating per call (a table, a hash map, a vector of flags)
//! for the short strings names, organisations and cities are.

/// Whether the Damerau–Levenshtein distance of `a` and `b` (in characters) is exactly 1: one
/// character replaced, added or dropped, or two neighbours swapped. The same answer as
/// `strsim::damerau_levenshtein(a, b) == 1` without its table and hash map, for the pairs of
/// different names nearly every comparison checks.
pub fn one_edit(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    let (short, long) = if la <= lb { (a, b) } else { (b, a) };
    let diff = la.abs_diff(lb);
    if diff > 1 {
        return false;
    }
    // The first character where they part (byte offsets into each).
    let Some((i, (x, y))) = short
        .char_indices()
        .zip(long.chars())
        .find(|((_, x), y)| x != y)
        .map(|((i, x), y)| (i, (x, y)))
    else {
        // One is the other plus a last character, or they are equal.
        return diff == 1;
    };
    let s_after = short.get(i + x.len_utf8()..).unwrap_or("");
    let l_after = long.get(i + y.len_utf8()..).unwrap_or("");
    if diff == 1 {
        // Drop the longer one's character here; the rest must match.
        return short.get(i..) == Some(l_after);
    }
    // Replaced here, or swapped with the next.
    if s_after == l_after {
        return true;
    }
    let (mut s_next, mut l_next) = (s_after.chars(), l_after.chars());
    match (s_next.next(), l_next.next()) {
        (Some(x2), Some(y2)) => x2 == y && y2 == x && s_next.as_str() == l_next.as_str(),
        _ => false,
    }
}

/// Jaro–Winkler similarity, computed exactly as `strsim::jaro_winkler` (same matches, same
/// transpositions, same arithmetic in the same order, so the same `f64`), with the flags in two
/// machine words for ASCII strings of up to 64 characters; longer or non-ASCII strings go to
/// `strsim`.
pub fn jaro_winkler(a: &str, b: &str) -> f64 {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    if !a.is_ascii() || !b.is_ascii() || x.len() > 64 || y.len() > 64 {
        return strsim::jaro_winkler(a, b);
    }
    let sim = jaro_ascii(x, y);
    if sim > 0.7 {
        let prefix = x.iter().take(4).zip(y).take_while(|(p, q)| p == q).count();
        sim + 0.1 * prefix as f64 * (1.0 - sim)
    } else {
        sim
    }
}

/// Jaro similarity of two ASCII strings of at most 64 bytes (`strsim::generic_jaro`'s steps).
fn jaro_ascii(a: &[u8], b: &[u8]) -> f64 {
    let (a_len, b_len) = (a.len(), b.len());
    if a_len == 0 && b_len == 0 {
        return 1.0;
    } else if a_len == 0 || b_len == 0 {
        return 0.0;
    }
    let range = (a_len.max(b_len) / 2).saturating_sub(1);
    let (mut a_flags, mut b_flags) = (0u64, 0u64);
    let mut matches = 0usize;
    for (i, ca) in a.iter().enumerate() {
        let lo = i.saturating_sub(range);
        let hi = b_len.min(i + range + 1);
        for j in lo..hi {
            if b.get(j) == Some(ca) && b_flags & (1 << j) == 0 {
                a_flags |= 1 << i;
                b_flags |= 1 << j;
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }
    let mut transpositions = 0usize;
    let mut k = 0usize;
    for (i, ca) in a.iter().enumerate() {
        if a_flags & (1 << i) == 0 {
            continue;
        }
        while k < b_len && b_flags & (1 << k) == 0 {
            k += 1;
        }
        if b.get(k) != Some(ca) {
            transpositions += 1;
        }
        k += 1;
    }
    transpositions /= 2;
    ((matches as f64 / a_len as f64)
        + (matches as f64 / b_len as f64)
        + ((matches - transpositions) as f64 / matches as f64))
        / 3.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edit_is_damerau_levenshtein_one() {
        let words = [
            "", "a", "ab", "ba", "abc", "acb", "bac", "abcd", "abdc", "abd", "abcde", "anna",
            "ana", "annа", "antoine", "antione", "antonie", "aicha", "aisha", "nair", "nar",
            "louis", "louise", "zoë", "zoe", "zoëe", "jürgen", "jurgen", "jügren", "李雷", "雷李",
            "李", "müller", "muller", "mülle", "ca", "abc ", " abc",
        ];
        for a in words {
            for b in words {
                let expected = strsim::damerau_levenshtein(a, b) == 1;
                assert_eq!(one_edit(a, b), expected, "{a:?} {b:?}");
            }
        }
        // Every string of up to four letters over a three-letter alphabet (one of them wide).
        let mut all = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = all
                .iter()
                .filter(|w| w.chars().count() == all.last().map_or(0, |l| l.chars().count()))
                .flat_map(|w| ["a", "b", "é"].map(|c| format!("{w}{c}")))
                .collect();
            all.extend(longer);
        }
        for a in &all {
            for b in &all {
                let expected = strsim::damerau_levenshtein(a, b) == 1;
                assert_eq!(one_edit(a, b), expected, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn jaro_winkler_is_strsims_to_the_bit() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "martha",
            "marhta",
            "dwayne",
            "duane",
            "dixon",
            "dicksonx",
            "jellyfish",
            "smellyfish",
            "antoine",
            "antione",
            "antonie",
            "aicha",
            "aisha",
            "jiaqiang",
            "jiaying",
            "xiaojie",
            "xiaoli",
            "zoë",
            "zoe",
            "müller",
            "muller",
            "wonkaconfectionery",
            "wonka confectionery",
            "trey research",
            "treyresearch",
            "a very long organisation name that goes past sixty four letters, surely",
            "a very long organisation name that goes past sixty four letters, surely not",
        ];
        for a in words {
            for b in words {
                assert_eq!(
                    jaro_winkler(a, b).to_bits(),
                    strsim::jaro_winkler(a, b).to_bits(),
                    "{a:?} {b:?}"
                );
            }
        }
        let mut all = vec![String::new()];
        for _ in 0..5 {
            let longest = all.last().map_or(0, String::len);
            let longer: Vec<String> = all
                .iter()
                .filter(|w| w.len() == longest)
                .flat_map(|w| ["a", "b", "c"].map(|c| format!("{w}{c}")))
                .collect();
            all.extend(longer);
        }
        for a in &all {
            for b in &all {
                assert_eq!(
                    jaro_winkler(a, b).to_bits(),
                    strsim::jaro_winkler(a, b).to_bits(),
                    "{a:?} {b:?}"
                );
            }
        }
    }
}
