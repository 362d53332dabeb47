//! Match keys for dedupe: folded text, name tokens, nickname canonical
//! forms and a phonetic code. Keys are never shown to users.
//!
//! Dedupe blocks and scores on names written in any script and any casing,
//! with or without accents ("José" / "Jose"), in any order ("Doe Jane"), and
//! with nicknames ("Bob" / "Robert"). Each key here removes one of those
//! differences, so two spellings of one person produce the same string.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::normalize::{name, script};

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
    fold_ascii(&deunicode::deunicode(&script::romanize(&plain)))
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

/// Parse `canonical: alias, alias` lines into token -> the canonicals of its
/// groups: a canonical's own group first, then every group listing it as an
/// alias, in file order (so the first entry is the alias's primary group).
/// Malformed lines are skipped; a unit test keeps the shipped file free of
/// them.
fn parse_nicknames(table: &'static str) -> HashMap<&'static str, Vec<&'static str>> {
    let mut map: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
    for line in table.lines() {
        let line = line.split('#').next().unwrap_or_default().trim();
        let Some((canonical, aliases)) = line.split_once(':') else {
            continue;
        };
        let canonical = canonical.trim();
        if canonical.is_empty() {
            continue;
        }
        let own = map.entry(canonical).or_default();
        if own.first() != Some(&canonical) {
            own.retain(|c| *c != canonical);
            own.insert(0, canonical);
        }
        for alias in aliases.split(',').map(str::trim).filter(|a| !a.is_empty()) {
            let groups = map.entry(alias).or_default();
            if !groups.contains(&canonical) {
                groups.push(canonical);
            }
        }
    }
    map
}

fn nicknames() -> &'static HashMap<&'static str, Vec<&'static str>> {
    static MAP: OnceLock<HashMap<&'static str, Vec<&'static str>>> = OnceLock::new();
    MAP.get_or_init(|| parse_nicknames(NICKNAMES))
}

/// The canonical given name of a folded, lower-case name token's primary
/// (first) group ("bob" -> "robert", "kasia" -> "katarzyna", "chris" ->
/// "christopher"); the input itself when unknown. One string per token, for
/// blocking keys and statistics; use [`same_given_name`] to compare names.
pub fn nickname_canonical(token: &str) -> &str {
    canonical_of(token, nickname_groups(token))
}

/// Every canonical name whose group holds the folded token: its own group
/// first when it is a canonical, then the groups listing it as an alias in
/// file order ("chris" -> christopher, christine, christian, christos). Empty
/// when the table does not know the token.
pub fn nickname_groups(token: &str) -> &'static [&'static str] {
    nicknames()
        .get(token)
        .map(Vec::as_slice)
        .unwrap_or_default()
}

/// Whether two folded given-name tokens can name the same person by the
/// table: equal, or sharing a group ("chris"/"christine", "jon"/"jonathan").
/// Two full names are never the same through a shared short form:
/// "christine"/"christian" is false.
pub fn same_given_name(a: &str, b: &str) -> bool {
    a == b || groups_meet(nickname_groups(a), nickname_groups(b))
}

/// Whether two tokens' nickname groups (from [`nickname_groups`], looked up once by callers
/// that compare often) share a canonical name.
pub fn groups_meet(a: &[&str], b: &[&str]) -> bool {
    a.iter().any(|g| b.contains(g))
}

/// The canonical given name for a token whose groups are already looked up: the first group,
/// else the token itself (what [`nickname_canonical`] returns).
pub fn canonical_of<'a>(token: &'a str, groups: &'static [&'static str]) -> &'a str {
    groups.first().copied().unwrap_or(token)
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

fn is_vowel(c: Option<u8>) -> bool {
    matches!(c, Some(b'a' | b'e' | b'i' | b'o' | b'u'))
}

fn is_consonant(c: Option<u8>) -> bool {
    c.is_some_and(|c| c.is_ascii_lowercase()) && !is_vowel(c)
}

/// Letter groups that romanisations spell differently, rewritten left to
/// right, longest first. `kh` and `ph` only inside a word: initially they
/// are distinct Vietnamese sounds (Khanh/Hanh, Phan/Fan); `tch` only at the
/// start: inside a word it is English (Mitchell is not Michel).
const TRANSLIT_GROUPS: &[(&[u8], &[u8], bool)] = &[
    // (from, to, also at the start of the word)
    (b"dzh", b"j", true),  // Russian Дж: Dzhamal / Jamal
    (b"tch", b"ch", true), // French/English Ч: Tchaikovsky / Chaikovsky
    (b"sch", b"sh", true), // German Ш: Schmidt / Shmidt
    (b"ks", b"x", true),   // Aleksandr / Alexandr, Ksenia / Xenia
    (b"kh", b"h", false),  // Х: Mikhail / Mihail, Zakharov / Zaharov
    (b"ph", b"f", false),  // Stephan / Stefan, Josephine / Josefine
];

/// A folding of a lower-case ASCII given- or family-name token that makes
/// common romanisations of one name equal: "Yevgeniy", "Evgeny", "Evgenii"
/// -> "evgeni"; "Aleksandr", "Alexander" -> "alexander" (but "alexandra"
/// stays apart); "Fyodorov", "Fedorov" -> "fedorov". Rules, in order:
///
/// 1. Only `a`-`z` are kept (upper case lowered; anything else dropped).
/// 2. `dzh`→`j`, `sch`→`sh`, `ks`→`x`; initial `tch`→`ch`; inside a word
///    `kh`→`h`, `ph`→`f` (see `TRANSLIT_GROUPS`).
/// 3. Initial `ye` before a consonant → `e` (Yekaterina / Ekaterina, Yegor /
///    Egor); initial `iu` → `yu` (Iurii / Yurii).
/// 4. Ё, and Е after a vowel: `yo` after a consonant → `e` (Pyotr / Petr,
///    Semyon / Semen); `yev` after a vowel → `ev` (Sergeyev / Sergeev,
///    Dostoyevsky / Dostoevsky; only before `v`, so Meyer stays Meier).
/// 5. Й and the soft sign: in words of four letters or more, a `y` or `j`
///    after the first letter, next to a vowel or at the end, → `i` (Andrey /
///    Andrej / Andrei, Natalya / Natalja / Natalia, Maya / Maja / Maia); not
///    before `u` or `i`, which keeps pinyin apart (Xiaoyun / Xiaojun, Liyi /
///    Li), nor a `y` between consonants (Lynn / Lin), nor in short words
///    (Raj / Ray, Dai / Day, Kai / Kay are different names).
/// 6. `ou` → `u` except at the end (Youssef / Yusef, Moustafa / Mustafa;
///    final pinyin Zhou / Zhu, Hou / Hu stay apart).
/// 7. A final `dr` or `tr` gets its `e` (Aleksandr / Alexander, Petr /
///    Peter), in words of four letters or more.
/// 8. A doubled consonant or `ii` once, in words of five letters or more
///    (Mohammed / Mohamed, Evgenii / Evgeni, Hoffmann / Hofmann); doubled
///    vowels are kept (Daan / Dan, Reed / Red, Lee / Le) and so are short
///    words (Tann / Tan, Ann / An).
///
/// Vowels otherwise stay as written, so different names stay apart (Mark /
/// Mary, Jan / Jana, Ivan / Iva, Nikola / Nikolai); spellings that differ in
/// a vowel (Khaled / Khalid, Muhammad / Mohammed) belong in the nickname
/// table. Known merges of distinct names: mid-word pinyin `ou` (Shoujun /
/// Shujun).
pub fn translit_key(token: &str) -> String {
    let letters: Vec<u8> = token
        .bytes()
        .map(|b| b.to_ascii_lowercase())
        .filter(u8::is_ascii_lowercase)
        .collect();
    let w = translit_groups(&letters);
    let w = translit_onset(w);
    let w = translit_iotated(&w);
    let w = translit_semivowels(&w);
    let w = translit_ou(&w);
    let mut w = translit_final_r(w);
    if w.len() >= 5 {
        w.dedup_by(|b, a| a == b && (*a == b'i' || is_consonant(Some(*a))));
    }
    w.into_iter().map(char::from).collect()
}

fn translit_groups(w: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(w.len());
    let mut i = 0;
    while let Some(rest) = w.get(i..).filter(|r| !r.is_empty()) {
        let hit = TRANSLIT_GROUPS.iter().find(|(from, _, initial)| {
            rest.starts_with(from)
                && (if *from == b"tch" {
                    i == 0
                } else {
                    *initial || i > 0
                })
        });
        match (hit, rest.first()) {
            (Some((from, to, _)), _) => {
                out.extend_from_slice(to);
                i += from.len();
            }
            (None, Some(&c)) => {
                out.push(c);
                i += 1;
            }
            (None, None) => break,
        }
    }
    out
}

fn translit_onset(mut w: Vec<u8>) -> Vec<u8> {
    if w.starts_with(b"ye") && w.len() >= 4 && is_consonant(w.get(2).copied()) {
        w.remove(0);
    } else if w.starts_with(b"iu") {
        if let Some(first) = w.first_mut() {
            *first = b'y';
        }
    }
    w
}

fn translit_iotated(w: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(w.len());
    let mut i = 0;
    while let Some(&c) = w.get(i) {
        let prev = i.checked_sub(1).and_then(|p| w.get(p)).copied();
        let next = w.get(i + 1).copied();
        if c == b'y' && i > 0 {
            if next == Some(b'o') && is_consonant(prev) {
                out.push(b'e');
                i += 2;
                continue;
            }
            if next == Some(b'e') && is_vowel(prev) && w.get(i + 2) == Some(&b'v') {
                i += 1;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

fn translit_semivowels(w: &[u8]) -> Vec<u8> {
    if w.len() < 4 {
        return w.to_vec();
    }
    let mut out = Vec::with_capacity(w.len());
    for (i, &c) in w.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|p| w.get(p)).copied();
        let next = w.get(i + 1).copied();
        let semivowel = matches!(c, b'y' | b'j')
            && i > 0
            && !matches!(next, Some(b'u' | b'i'))
            && (next.is_none() || is_vowel(prev) || is_vowel(next));
        out.push(if semivowel { b'i' } else { c });
    }
    out
}

fn translit_ou(w: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(w.len());
    for (i, &c) in w.iter().enumerate() {
        // Drop the `o` of a non-final "ou"; the `u` stays.
        if c == b'o' && w.get(i + 1) == Some(&b'u') && i + 2 < w.len() {
            continue;
        }
        out.push(c);
    }
    out
}

fn translit_final_r(mut w: Vec<u8>) -> Vec<u8> {
    if w.len() >= 4 && (w.ends_with(b"dr") || w.ends_with(b"tr")) {
        let at = w.len() - 1;
        w.insert(at, b'e');
    }
    w
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// The straightforward form of [`fold`], before its fast path: both must agree.
    fn fold_reference(s: &str) -> String {
        let plain = name::strip_symbols(s);
        let ascii = deunicode::deunicode(&script::romanize(&plain)).to_ascii_lowercase();
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
            ("Χρυσούλα Δημάκη", "chrysoula dimaki"),
            ("Фёдоров", "fyodorov"),
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
            // Multi-group aliases keep their first (older) group.
            ("chris", "christopher"),
            ("sam", "samuel"),
            ("pat", "patrick"),
            ("jackie", "john"),
            ("jon", "john"),
            ("jo", "josephine"),
            ("fran", "frances"),
            ("gabi", "gabrielle"),
            ("enzo", "vincent"),
            ("vlad", "vladimir"),
            ("ted", "edward"),
            ("harry", "henry"),
            // New groups.
            ("christine", "christine"),
            ("christian", "christian"),
            ("darek", "dariusz"),
            ("lojze", "alojz"),
            ("meta", "margaret"),
            ("raj", "rajesh"),
            ("xyzzy", "xyzzy"),
            ("", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(nickname_canonical(input), expected, "input {input:?}");
        }
    }

    #[test]
    fn nickname_groups_cases() {
        let cases: &[(&str, &[&str])] = &[
            (
                "chris",
                &["christopher", "christine", "christian", "christos"],
            ),
            ("sam", &["samuel", "samantha"]),
            ("jo", &["josephine", "joan", "john"]),
            ("jon", &["john", "jonathan"]),
            ("bob", &["robert"]),
            ("robert", &["robert"]),
            ("christine", &["christine"]),
            ("xyzzy", &[]),
            ("", &[]),
        ];
        for (input, expected) in cases {
            assert_eq!(nickname_groups(input), *expected, "input {input:?}");
        }
    }

    #[test]
    fn same_given_name_cases() {
        let same = [
            ("chris", "christopher"),
            ("chris", "christine"),
            ("chris", "christian"),
            ("kris", "krystian"),
            ("sam", "samantha"),
            ("sam", "samuel"),
            ("pat", "patricia"),
            ("jackie", "jacqueline"),
            ("jackie", "john"),
            ("jon", "jonathan"),
            ("jon", "john"),
            ("harry", "harold"),
            ("ted", "theodore"),
            ("kathy", "kathleen"),
            ("meg", "megan"),
            ("millie", "amelia"),
            ("dani", "danielle"),
            ("bob", "robert"),
            ("darek", "dariusz"),
            ("gosia", "malgorzata"),
            ("raj", "rajesh"),
            ("xyzzy", "xyzzy"),
        ];
        for (a, b) in same {
            assert!(same_given_name(a, b), "{a:?} / {b:?}");
            assert!(same_given_name(b, a), "{b:?} / {a:?}");
        }
        let different = [
            ("christine", "christian"),
            ("christopher", "christine"),
            ("samuel", "samantha"),
            ("patrick", "patricia"),
            ("john", "jonathan"),
            ("john", "jacqueline"),
            ("mark", "mary"),
            ("alexander", "alexandra"),
            ("bob", "bill"),
            ("xyzzy", "plugh"),
            ("xyzzy", ""),
        ];
        for (a, b) in different {
            assert!(!same_given_name(a, b), "{a:?} / {b:?}");
            assert!(!same_given_name(b, a), "{b:?} / {a:?}");
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
            assert!(!canonical.is_empty() && !canonical.contains(' '));
            canonicals.insert(canonical);
            let mut in_line = HashSet::new();
            for alias in list.split(',').map(str::trim) {
                assert_eq!(fold(alias), alias, "alias {alias:?} not folded");
                assert!(!alias.is_empty() && !alias.contains(' '), "line {line:?}");
                assert!(in_line.insert(alias), "alias {alias:?} twice in {line:?}");
                assert_ne!(alias, canonical, "{alias:?} is its own alias");
                aliases.insert(alias);
                pairs += 1;
            }
        }
        // The header's rule: a full name is only the canonical of its own group.
        for c in &canonicals {
            assert!(!aliases.contains(c), "canonical {c:?} is also an alias");
        }
        // A group continued on a later line does not repeat an alias.
        for (token, groups) in nicknames() {
            let unique: HashSet<_> = groups.iter().collect();
            assert_eq!(unique.len(), groups.len(), "{token:?} in {groups:?}");
        }
        assert!(pairs >= 2000, "only {pairs} alias pairs");
        assert!(canonicals.len() >= 350, "only {} groups", canonicals.len());
    }

    #[test]
    fn translit_key_equal() {
        let groups: &[&[&str]] = &[
            &[
                "Yevgeny", "Evgeny", "Evgenii", "Evgeniy", "Yevgeniy", "Evgenij",
            ],
            &["Yekaterina", "Ekaterina"],
            &["Yelena", "Elena"],
            &["Yegor", "Egor"],
            &["Aleksandr", "Alexandr", "Alexander", "Aleksander"],
            &["Aleksey", "Alexei", "Alexey", "Aleksei", "Alexej"],
            &["Dmitry", "Dmitri", "Dmitrii", "Dmitriy", "Dmitrij"],
            &["Andrey", "Andrei", "Andrej"],
            &["Sergey", "Sergei", "Sergej"],
            &["Nikolay", "Nikolai", "Nikolaj"],
            &["Yuri", "Yury", "Iurii", "Yurii", "Yuriy"],
            &["Natalya", "Natalia", "Natalja"],
            &["Tatyana", "Tatiana", "Tatjana"],
            &["Mariya", "Maria"],
            &["Yuliya", "Yulia", "Iuliia"],
            &["Kseniya", "Ksenia", "Xenia"],
            &["Maya", "Maja", "Maia"],
            &["Fyodor", "Fedor"],
            &["Fyodorov", "Fedorov"],
            &["Pyotr", "Petr", "Peter"],
            &["Semyon", "Semen"],
            &["Artyom", "Artem"],
            &["Mikhail", "Mihail"],
            &["Zakharov", "Zaharov"],
            &["Sergeyev", "Sergeev"],
            &["Dostoyevsky", "Dostoevsky", "Dostoevskii"],
            &["Tchaikovsky", "Chaikovsky", "Chaikovskiy"],
            &["Schmidt", "Shmidt"],
            &["Dzhamal", "Jamal"],
            &["Stephan", "Stefan"],
            &["Mohammed", "Mohamed"],
            &["Youssef", "Yousef", "Yusef"],
            &["Moustafa", "Mustafa"],
            &["Oussama", "Usama"],
            &["Zaynab", "Zainab"],
            &["Sulayman", "Sulaiman"],
            &["Bryan", "Brian"],
            &["Hoffmann", "Hofmann"],
            &["Meijer", "Meyer"],
            &["Ilya", "Ilia", "Ilja"],
            &["Mayer", "Maier"],
            &["Meyer", "Meier"],
            &["Nikolayev", "Nikolaev"],
        ];
        for group in groups {
            let first = group.first().map(|s| translit_key(s)).unwrap();
            for name in group.iter() {
                assert_eq!(translit_key(name), first, "{name:?} vs {group:?}");
            }
        }
        assert_eq!(translit_key("Yevgeniy"), "evgeni");
        assert_eq!(translit_key("Aleksandr"), "alexander");
    }

    #[test]
    fn translit_key_different() {
        let pairs = [
            ("Mark", "Mary"),
            ("Alexander", "Alexandra"),
            ("Aleksandr", "Aleksandra"),
            ("Jan", "Jana"),
            ("Daniel", "Daniela"),
            ("Ivan", "Iva"),
            ("Nikola", "Nikolai"),
            ("Khaled", "Khalid"),
            ("Khanh", "Hanh"),
            ("Khan", "Han"),
            ("Phan", "Fan"),
            ("Zhou", "Zhu"),
            ("Hou", "Hu"),
            ("Xiaojun", "Xiaoyun"),
            ("Liyi", "Li"),
            ("Lynn", "Lin"),
            ("Yan", "Jan"),
            ("Julia", "Yulia"),
            ("Anna", "Hanna"),
            ("Maria", "Mario"),
            ("Marko", "Mirko"),
            ("Raj", "Ray"),
            ("Dai", "Day"),
            ("Lee", "Le"),
            ("Daan", "Dan"),
            ("Tann", "Tan"),
            ("Moore", "More"),
            ("Mitchell", "Michel"),
            ("Holly", "Hooli"),
        ];
        for (a, b) in pairs {
            assert_ne!(translit_key(a), translit_key(b), "{a:?} / {b:?}");
        }
    }

    #[test]
    fn translit_key_odd_input() {
        let long = "y".repeat(10_000) + &"ou".repeat(5_000);
        let odd = [
            "",
            "y",
            "j",
            "ye",
            "yo",
            "iu",
            "dr",
            "tr",
            "kh",
            "ph",
            "dzh",
            "tch",
            "ks",
            "yyy",
            "jjj",
            "ouou",
            "yey",
            "yoy",
            "yedr",
            "123",
            "O'Neil",
            "ÉLODIE",
            "王小明",
            "🚀",
            "\0\u{10ffff}",
            " \t\n",
            "ZHOU",
            long.as_str(),
        ];
        for s in odd {
            let key = translit_key(s);
            assert!(
                key.bytes().all(|b| b.is_ascii_lowercase()),
                "{s:?} -> {key:?}"
            );
            assert_eq!(translit_key(&key), key, "{s:?}");
        }
        assert_eq!(translit_key("O'Neil"), "oneil");
        assert_eq!(translit_key("123"), "");
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
