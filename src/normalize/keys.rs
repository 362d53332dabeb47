//! Match keys for dedupe: folded text, name tokens, nickname canonical
//! forms and a phonetic code. Keys are never shown to users.
//!
//! Dedupe blocks and scores on names written in any script and any casing,
//! with or without accents ("José" / "Jose"), in any order ("Doe Jane"), and
//! with nicknames ("Bob" / "Robert"). Each key here removes one of those
//! differences, so two spellings of one person produce the same string.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::normalize::name;

/// Fold text for comparison: fancy letters and symbols dropped,
/// transliterated to ASCII (deunicode: "Müller" -> "muller", "王小明" ->
/// "wang xiao ming", "Алексей" -> "aleksei"), lower-cased, apostrophes
/// removed ("O'Neil" -> "oneil"), every other character that is not
/// `[a-z0-9]` turned into a space, spaces collapsed.
pub fn fold(s: &str) -> String {
    // Symbols and fancy letters are all outside ASCII, and transliteration leaves printable
    // ASCII as it is (control characters it drops): most names skip both, and their allocations.
    if s.bytes().all(|b| (0x20..0x7F).contains(&b)) {
        return fold_ascii(s);
    }
    let plain = name::strip_symbols(s);
    fold_ascii(&deunicode::deunicode(&plain))
}

/// Lower-cased, apostrophes dropped, anything but `[a-z0-9]` a separator, one space between words.
fn fold_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.chars().map(|c| c.to_ascii_lowercase()) {
        if matches!(c, '\'' | '`') {
            continue;
        }
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    out
}

/// The folded words of `s`.
pub fn tokens(s: &str) -> Vec<String> {
    fold(s)
        .split(' ')
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// Folded words sorted and joined with a space: "Doe, Jane" and "Jane Doe"
/// give the same key "doe jane".
pub fn sorted_token_key(s: &str) -> String {
    let mut t = tokens(s);
    t.sort_unstable();
    t.join(" ")
}

/// Family name plus the initial of the given name ("doe j"), a blocking key
/// that survives nicknames and missing middle names. Empty when there is no
/// family name.
pub fn family_initial_key(given: &str, family: &str) -> String {
    let family = fold(family);
    if family.is_empty() {
        return String::new();
    }
    match fold(given).chars().next() {
        Some(initial) => format!("{family} {initial}"),
        None => family,
    }
}

/// The nickname table, shipped in the crate (see the file's header).
const NICKNAMES: &str = include_str!("nicknames.txt");

/// Parse `canonical: alias, alias` lines into alias -> canonical (each
/// canonical also maps to itself). Malformed lines are skipped; a unit test
/// keeps the shipped file free of them.
fn parse_nicknames(table: &'static str) -> HashMap<&'static str, &'static str> {
    let mut map = HashMap::new();
    for line in table.lines() {
        let line = line.split('#').next().unwrap_or_default().trim();
        let Some((canonical, aliases)) = line.split_once(':') else {
            continue;
        };
        let canonical = canonical.trim();
        if canonical.is_empty() {
            continue;
        }
        map.entry(canonical).or_insert(canonical);
        for alias in aliases.split(',').map(str::trim).filter(|a| !a.is_empty()) {
            // First group wins, as the file's header promises.
            map.entry(alias).or_insert(canonical);
        }
    }
    map
}

fn nicknames() -> &'static HashMap<&'static str, &'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| parse_nicknames(NICKNAMES))
}

/// The canonical given name for a folded, lower-case name token ("bob" ->
/// "robert", "kasia" -> "katarzyna"); the input itself when unknown.
pub fn nickname_canonical(token: &str) -> &str {
    nicknames().get(token).copied().unwrap_or(token)
}

/// Whether a folded token is a given name the table knows (as a name or a pet form). Two known,
/// different names are two names; an unknown one a letter away from a known one is likely a typo.
pub fn is_known_name(token: &str) -> bool {
    nicknames().contains_key(token)
}

/// Leading letter groups that sound like another spelling; rewriting them
/// first lets the Soundex code, which keeps the first letter as written,
/// match "Catherine"/"Katherine", "Philip"/"Filip", "Schmidt"/"Smidt".
const ONSETS: &[(&str, &str)] = &[
    ("sch", "s"),
    ("ph", "f"),
    ("pf", "f"),
    ("kn", "n"),
    ("gn", "n"),
    ("wr", "r"),
    ("ps", "s"),
    ("ce", "se"),
    ("ci", "si"),
    ("cy", "sy"),
    ("c", "k"),
    ("q", "k"),
];

fn soundex_digit(c: char) -> Option<char> {
    match c {
        'b' | 'f' | 'p' | 'v' => Some('1'),
        'c' | 'g' | 'j' | 'k' | 'q' | 's' | 'x' | 'z' => Some('2'),
        'd' | 't' => Some('3'),
        'l' => Some('4'),
        'm' | 'n' => Some('5'),
        'r' => Some('6'),
        _ => None,
    }
}

/// A phonetic key: American Soundex (first letter plus three digits, e.g.
/// "Robert" -> "R163") computed on the folded token after rewriting a few
/// initial letter groups (see `ONSETS`). Soundex is crude but predictable,
/// cheap, and good at the spelling variants that matter for blocking
/// ("Meyer"/"Meier", "Müller"/"Mueller"). Empty when the token has no letters.
pub fn phonetic(token: &str) -> String {
    let letters: String = fold(token)
        .chars()
        .filter(char::is_ascii_lowercase)
        .collect();
    let mut word = letters.clone();
    for (from, to) in ONSETS {
        if let Some(rest) = letters.strip_prefix(from) {
            word = format!("{to}{rest}");
            break;
        }
    }
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let mut code = String::with_capacity(4);
    code.push(first.to_ascii_uppercase());
    let mut previous = soundex_digit(first);
    for c in chars {
        if code.len() == 4 {
            break;
        }
        // h and w do not separate equal codes; vowels do.
        if matches!(c, 'h' | 'w') {
            continue;
        }
        let digit = soundex_digit(c);
        if let Some(d) = digit.filter(|d| Some(*d) != previous) {
            code.push(d);
        }
        previous = digit;
    }
    while code.len() < 4 {
        code.push('0');
    }
    code
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// The straightforward form of [`fold`], before its fast path: both must agree.
    fn fold_reference(s: &str) -> String {
        let plain = name::strip_symbols(s);
        let ascii = deunicode::deunicode(&plain).to_ascii_lowercase();
        let spaced: String = ascii
            .chars()
            .filter(|c| !matches!(c, '\'' | '`'))
            .map(|c| {
                if c.is_ascii_lowercase() || c.is_ascii_digit() {
                    c
                } else {
                    ' '
                }
            })
            .collect();
        spaced.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn fold_matches_its_reference() {
        let mut rng = fastrand::Rng::with_seed(7);
        let alphabet: Vec<char> = (0u8..128)
            .map(char::from)
            .chain("éÉüßØøŁłİı王小明Алексей ½ⅫＡ𝐀☁️👍🏽·’\u{200B}\u{00A0}".chars())
            .collect();
        for _ in 0..20_000 {
            let len = rng.usize(0..12);
            let s: String = (0..len)
                .filter_map(|_| alphabet.get(rng.usize(..alphabet.len())).copied())
                .collect();
            assert_eq!(fold(&s), fold_reference(&s), "input {s:?}");
        }
    }

    #[test]
    fn fold_cases() {
        let cases = [
            ("Jane Doe", "jane doe"),
            ("  JOSÉ   García ", "jose garcia"),
            ("Müller", "muller"),
            ("Łukasz Żółć", "lukasz zolc"),
            ("O'Neil", "oneil"),
            ("O’Neil", "oneil"),
            ("Anne-Marie", "anne marie"),
            ("Doe, Jane", "doe jane"),
            ("𝓔𝔃𝓻𝓪 𝓕𝓸𝓻𝓭", "ezra ford"),
            ("Ben Carver ☁", "ben carver"),
            ("Jane 🚀", "jane"),
            ("王小明", "wang xiao ming"),
            ("Алексей Иванов", "aleksei ivanov"),
            ("Γιώργος", "giorgos"),
            ("Straße", "strasse"),
            ("", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(fold(input), expected, "input {input:?}");
        }
    }

    #[test]
    fn token_keys() {
        let cases = [
            ("Jane Doe", (vec!["jane", "doe"], "doe jane")),
            ("Doe, Jane", (vec!["doe", "jane"], "doe jane")),
            (
                "van der Berg, Jan",
                (vec!["van", "der", "berg", "jan"], "berg der jan van"),
            ),
            ("", (vec![], "")),
        ];
        for (input, (toks, sorted)) in cases {
            assert_eq!(tokens(input), toks, "input {input:?}");
            assert_eq!(sorted_token_key(input), sorted, "input {input:?}");
        }
    }

    #[test]
    fn family_initial_keys() {
        let cases = [
            (("Jane", "Doe"), "doe j"),
            (("", "Doe"), "doe"),
            (("Jane", ""), ""),
            (("Élodie", "Müller"), "muller e"),
        ];
        for ((given, family), expected) in cases {
            assert_eq!(
                family_initial_key(given, family),
                expected,
                "input {given:?} {family:?}"
            );
        }
    }

    #[test]
    fn nickname_canonical_cases() {
        let cases = [
            ("bob", "robert"),
            ("rob", "robert"),
            ("robbie", "robert"),
            ("bobby", "robert"),
            ("robert", "robert"),
            ("liz", "elizabeth"),
            ("beth", "elizabeth"),
            ("betty", "elizabeth"),
            ("lizzie", "elizabeth"),
            ("kasia", "katarzyna"),
            ("bill", "william"),
            ("alex", "alexander"),
            ("sasha", "alexander"),
            ("misha", "michael"),
            ("pepe", "jose"),
            ("paco", "francis"),
            ("gosia", "malgorzata"),
            ("honza", "john"), // Czech pet form of Jan, which is John
            ("hans", "john"),
            ("lasse", "lars"),
            ("zhenya", "eugene"),
            ("xyzzy", "xyzzy"),
            ("", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(nickname_canonical(input), expected, "input {input:?}");
        }
    }

    #[test]
    fn nickname_table_is_well_formed() {
        let mut aliases = HashSet::new();
        let mut canonicals = HashSet::new();
        let mut pairs = 0;
        for line in NICKNAMES.lines() {
            let line = line.split('#').next().unwrap_or_default().trim();
            if line.is_empty() {
                continue;
            }
            let (canonical, list) = line.split_once(':').unwrap();
            let canonical = canonical.trim();
            assert_eq!(
                fold(canonical),
                canonical,
                "canonical {canonical:?} not folded"
            );
            assert!(
                canonicals.insert(canonical),
                "canonical {canonical:?} twice"
            );
            for alias in list.split(',').map(str::trim) {
                assert_eq!(fold(alias), alias, "alias {alias:?} not folded");
                assert!(!alias.is_empty() && !alias.contains(' '), "line {line:?}");
                assert!(aliases.insert(alias), "alias {alias:?} in two groups");
                pairs += 1;
            }
        }
        for c in &canonicals {
            assert!(!aliases.contains(c), "canonical {c:?} is also an alias");
        }
        assert!(pairs >= 300, "only {pairs} alias pairs");
    }

    #[test]
    fn phonetic_cases() {
        let cases = [
            ("Robert", "R163"),
            ("Rupert", "R163"),
            ("Ashcraft", "A261"),
            ("Tymczak", "T522"),
            ("Pfister", "F236"),
            ("Catherine", "K365"),
            ("Katherine", "K365"),
            ("Philip", "F410"),
            ("Filip", "F410"),
            ("Meyer", "M600"),
            ("Meier", "M600"),
            ("Müller", "M460"),
            ("Mueller", "M460"),
            ("Schmidt", "S530"),
            ("Smidt", "S530"),
            ("Lee", "L000"),
            ("王", "W520"),
            ("☁", ""),
            ("", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(phonetic(input), expected, "input {input:?}");
        }
    }
}
