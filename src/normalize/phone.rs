//! Phone numbers: E.164 via the phonenumber crate, extensions, and the
//! mapping of every source's type labels to one small vocabulary.
//!
//! A phone number is a hard identity key, so it is only turned into E.164
//! when the phonenumber crate (Google's libphonenumber metadata) says the
//! number is **valid** for its country, not merely of a possible length: a
//! wrong key merges strangers, a missing one only costs a merge, and the
//! original is always kept in `raw`. Numbers with `+CC` or `00CC` parse on
//! their own; national numbers need a region (`--region`, or one inferred
//! from the contact's other numbers with [`region_of`]).
//!
//! The crate is third-party code running on untrusted input, so its parser
//! sits behind `catch_unwind`: a panic there becomes "not parsed". Validity
//! and regions are read from its metadata by [`super::phone_meta`], which
//! answers as the crate does without the crate's global regex lock.
//! Exports repeat the same numbers (messages, several files per platform),
//! so results are cached per distinct (raw, region) in a bounded map.

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Mutex, OnceLock};

use phonenumber::{country, PhoneNumber};

use crate::normalize::{phone_meta, text};

/// A normalised phone number. `e164` is set only for valid numbers;
/// `extension` holds the digits after "x", "ext." or ";ext="; `raw` is the
/// trimmed original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneNorm {
    pub e164: Option<String>,
    pub extension: Option<String>,
    pub raw: String,
}

/// Longer inputs are not phone numbers; refusing them keeps the parser's
/// cost bounded on hostile input.
const MAX_INPUT_CHARS: usize = 64;

/// Bound on cached entries; a full shard is simply cleared, which is cheap and keeps memory
/// bounded however large the input. Large enough that a million-record run keeps every distinct
/// number it meets: the same person's number comes back in other files, far apart, and each parse
/// costs tens of microseconds. Runs empty it when done ([`clear_cache`]).
const CACHE_CAPACITY: usize = 1 << 20;

/// Independent locks, so the threads normalising in parallel rarely wait for each other.
const SHARDS: usize = 16;

type CacheValue = (Option<String>, Option<String>);

struct Cache {
    hasher: std::collections::hash_map::RandomState,
    shards: [Mutex<HashMap<Box<str>, CacheValue>>; SHARDS],
}

fn cache() -> &'static Cache {
    static CACHE: OnceLock<Cache> = OnceLock::new();
    CACHE.get_or_init(|| Cache {
        hasher: Default::default(),
        shards: std::array::from_fn(|_| Mutex::new(HashMap::new())),
    })
}

/// The cached answer for `key`, computing it with `compute` on a miss.
fn memo(key: String, compute: impl FnOnce() -> CacheValue) -> CacheValue {
    use std::hash::BuildHasher;
    let c = cache();
    let shard = (c.hasher.hash_one(&key) as usize) % SHARDS;
    let Some(lock) = c.shards.get(shard) else {
        return compute();
    };
    // A poisoned lock only means another thread panicked mid-insert; the map
    // is still usable, so take it rather than give up caching.
    if let Some(hit) = lock
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(key.as_str())
    {
        return hit.clone();
    }
    let value = compute();
    let mut map = lock.lock().unwrap_or_else(|e| e.into_inner());
    if map.len() >= CACHE_CAPACITY / SHARDS {
        map.clear();
    }
    map.insert(key.into_boxed_str(), value.clone());
    value
}

/// Empties the parse cache (after a run, so it does not outlive the data it was built from).
pub fn clear_cache() {
    for shard in &cache().shards {
        *shard.lock().unwrap_or_else(|e| e.into_inner()) = HashMap::new();
    }
}

/// Markers that introduce an extension, longest first so "extension" is
/// not read as "ext" + "ension".
const EXTENSION_MARKERS: &[&str] = &[";ext=", "extension", "ext.", "ext", "x", "#"];

/// Split "+1 415 555 0100 ext. 123" into the number and "123".
///
/// The marker must follow at least one digit and be followed by digits only
/// (after optional spaces, dots or colons), so letters in vanity numbers
/// ("1-800-FLOWERS") are not mistaken for an "x".
fn split_extension(s: &str) -> (String, Option<String>) {
    // Every marker has a letter or is `#`: most numbers have neither, and no marker to look for.
    if !s.bytes().any(|b| b.is_ascii_alphabetic() || b == b'#') {
        return (s.to_string(), None);
    }
    // ASCII lower-casing keeps byte offsets identical to `s`.
    let lower = s.to_ascii_lowercase();
    for marker in EXTENSION_MARKERS {
        let Some(at) = lower.find(marker) else {
            continue;
        };
        let (Some(number), Some(after)) = (s.get(..at), lower.get(at + marker.len()..)) else {
            continue;
        };
        let digits =
            after.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ':' | '='));
        let digits = digits.trim_end();
        let is_ext = number.chars().any(|c| c.is_ascii_digit())
            && !digits.is_empty()
            && digits.len() <= 10
            && digits.chars().all(|c| c.is_ascii_digit());
        if is_ext {
            return (number.trim().to_string(), Some(digits.to_string()));
        }
    }
    (s.to_string(), None)
}

/// Prepare a number for the crate: drop a `tel:` scheme, turn a leading
/// international `00` into `+`, and fullwidth plus into ASCII.
fn prepare(s: &str) -> String {
    let s = s.replace('＋', "+");
    let s = s.trim();
    let s = match s.get(..4) {
        Some(p) if p.eq_ignore_ascii_case("tel:") => s.get(4..).unwrap_or_default(),
        _ => s,
    };
    let s = s.trim();
    if let Some(rest) = s.strip_prefix("00") {
        return format!("+{rest}");
    }
    s.to_string()
}

/// Regular expressions the phonenumber crate may keep compiled. Its own cache holds 100, far
/// fewer than the patterns of the countries in a typical address book, so it recompiled regexes
/// on most calls (measured: 95% of normalisation time). Every metadata pattern fits in this.
const REGEX_CACHE: usize = 20_000;

fn parse_guarded(region: Option<country::Id>, number: &str) -> Option<PhoneNumber> {
    static ENLARGED: OnceLock<()> = OnceLock::new();
    ENLARGED.get_or_init(|| {
        if let Ok(mut cache) = phonenumber::metadata::DATABASE.cache().lock() {
            *cache = regex_cache::RegexCache::new(REGEX_CACHE);
        }
    });
    catch_unwind(AssertUnwindSafe(|| phonenumber::parse(region, number).ok())).ok()?
}

/// The crate's answer for one number: (E.164 if valid, extension it found).
fn parse_number(number: &str, region: Option<&str>) -> CacheValue {
    let id = region.and_then(|r| r.trim().to_ascii_uppercase().parse::<country::Id>().ok());
    let Some(parsed) = parse_guarded(id, number) else {
        return (None, None);
    };
    let ext = parsed.extension().map(|e| e.to_string());
    let e164 = phone_meta::is_valid(&parsed).then(|| phone_meta::e164(&parsed));
    (e164, ext)
}

fn cached_parse(number: &str, region: Option<&str>) -> CacheValue {
    // Without a known region, the crate can only place a number by its `+` (or fullwidth `＋`,
    // also in an RFC 3966 phone-context): with neither, its answer is always "no number".
    // Common (national numbers before the region is known) and free to answer here.
    let known_region =
        region.is_some_and(|r| r.trim().to_ascii_uppercase().parse::<country::Id>().is_ok());
    if !known_region && !number.contains(['+', '＋']) {
        return (None, None);
    }
    // The key spells the region's length so that no two (number, region) pairs share one.
    let key = match region {
        Some(r) => format!("r{}:{}{number}", r.len(), r.to_ascii_uppercase()),
        None => format!("n{number}"),
    };
    memo(key, || parse_number(number, region))
}

/// Normalise a phone number. `region` is an ISO 3166 alpha-2 code ("US",
/// "DE") used for numbers without a country code; an unknown region is
/// ignored. See the module doc for when `e164` is set.
pub fn normalize(raw: &str, region: Option<&str>) -> PhoneNorm {
    let trimmed = raw.trim().to_string();
    let cleaned = text::clean(raw);
    if cleaned.is_empty() || cleaned.chars().count() > MAX_INPUT_CHARS {
        return PhoneNorm {
            e164: None,
            extension: None,
            raw: trimmed,
        };
    }
    let (number, extension) = split_extension(&cleaned);
    let number = prepare(&number);
    let (e164, crate_ext) = if number.chars().any(|c| c.is_ascii_digit()) {
        cached_parse(&number, region)
    } else {
        (None, None)
    };
    PhoneNorm {
        e164,
        extension: extension.or(crate_ext),
        raw: trimmed,
    }
}

/// The ISO region ("US", "CA", "DE") of an international number, used to
/// read the other, national numbers of the same contact.
pub fn region_of(e164: &str) -> Option<String> {
    // Every record of a person asks again for the same number: cached like parses.
    memo(format!("c{e164}"), || (region_of_uncached(e164), None)).0
}

fn region_of_uncached(e164: &str) -> Option<String> {
    let number = prepare(&text::clean(e164));
    if !number.starts_with('+') || number.chars().count() > MAX_INPUT_CHARS {
        return None;
    }
    phone_meta::region_id(&parse_guarded(None, &number)?)
}

/// Label words and the category they mean. Several words may appear in one
/// label ("Work Fax", `TYPE=WORK,VOICE`); [`label`] picks the category with
/// the highest priority (lowest number), so fax beats work.
const LABEL_WORDS: &[(&str, &str, u8)] = &[
    ("fax", "fax", 0),
    ("facsimile", "fax", 0),
    ("telefax", "fax", 0),
    ("homefax", "fax", 0),
    ("workfax", "fax", 0),
    ("otherfax", "fax", 0),
    ("pager", "pager", 1),
    ("beeper", "pager", 1),
    ("cell", "mobile", 2),
    ("cellular", "mobile", 2),
    ("mobile", "mobile", 2),
    ("iphone", "mobile", 2),
    ("handy", "mobile", 2),
    ("mobil", "mobile", 2),
    ("portable", "mobile", 2),
    ("movil", "mobile", 2),
    ("móvil", "mobile", 2),
    ("celular", "mobile", 2),
    ("whatsapp", "mobile", 2),
    ("main", "main", 3),
    ("primary", "main", 3),
    ("company", "work", 4),
    ("work", "work", 4),
    ("business", "work", 4),
    ("office", "work", 4),
    ("arbeit", "work", 4),
    ("geschäftlich", "work", 4),
    ("büro", "work", 4),
    ("travail", "work", 4),
    ("home", "home", 5),
    ("private", "home", 5),
    ("privat", "home", 5),
    ("personal", "home", 5),
    ("domicile", "home", 5),
    ("other", "other", 6),
    ("car", "other", 6),
    ("radio", "other", 6),
    ("callback", "other", 6),
    ("telex", "other", 6),
    ("tty", "other", 6),
    ("tdd", "other", 6),
    ("isdn", "other", 6),
    ("assistant", "other", 6),
    ("assistantphone", "other", 6),
    ("voice", "other", 7),
];

/// Map a phone type label from any source to "mobile", "home", "work",
/// "fax", "pager", "main" or "other"; `None` when unknown (the caller keeps
/// the raw label lower-cased).
///
/// Understands Google ("Mobile", "Work Fax", "* Home" with the primary
/// star), vCard types (`CELL`, `WORK,VOICE`, `type=HOME;type=FAX`), Apple
/// (`_$!<Mobile>!$_`), Outlook column names ("Business Phone 2", "Home
/// Fax", "Company Main Phone") and a few German/French/Spanish words.
/// Words that say nothing about the kind (pref, msg, text, video, phone)
/// are ignored; a bare `VOICE` is "other".
pub fn label(raw_label: &str) -> Option<&'static str> {
    let lower = raw_label.to_lowercase();
    // Most labels are plain words: no wrapper to replace, and no copies made for it.
    let wrapped = ["_$!<", ">!$_", "type="].iter().any(|w| lower.contains(w));
    let unwrapped = if wrapped {
        lower
            .replace("_$!<", " ")
            .replace(">!$_", " ")
            .replace("type=", " ")
    } else {
        lower
    };
    unwrapped
        .split(|c: char| !c.is_alphanumeric())
        .filter_map(|word| {
            LABEL_WORDS
                .iter()
                .find(|(w, _, _)| *w == word)
                .map(|(_, category, priority)| (*priority, *category))
        })
        .min()
        .map(|(_, category)| category)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(e164: Option<&str>, ext: Option<&str>, raw: &str) -> PhoneNorm {
        PhoneNorm {
            e164: e164.map(str::to_string),
            extension: ext.map(str::to_string),
            raw: raw.to_string(),
        }
    }

    #[test]
    fn normalize_cases() {
        let cases = [
            (
                ("+1 415 555 0100", None),
                norm(Some("+14155550100"), None, "+1 415 555 0100"),
            ),
            (
                ("(415) 555-0100", Some("US")),
                norm(Some("+14155550100"), None, "(415) 555-0100"),
            ),
            (
                ("(415) 555-0100", Some("us")),
                norm(Some("+14155550100"), None, "(415) 555-0100"),
            ),
            (("(415) 555-0100", None), norm(None, None, "(415) 555-0100")),
            (
                ("(415) 555-0100", Some("ZZ")),
                norm(None, None, "(415) 555-0100"),
            ),
            (
                ("0049 30 1234567", None),
                norm(Some("+49301234567"), None, "0049 30 1234567"),
            ),
            (
                ("+49 (0) 30 1234567", None),
                norm(Some("+49301234567"), None, "+49 (0) 30 1234567"),
            ),
            (
                (" +386 40 000 000 ", None),
                norm(Some("+38640000000"), None, "+386 40 000 000"),
            ),
            (
                ("+41 79 123 45 67", None),
                norm(Some("+41791234567"), None, "+41 79 123 45 67"),
            ),
            (
                ("801.555.0142", Some("US")),
                norm(Some("+18015550142"), None, "801.555.0142"),
            ),
            (
                ("901 06 000", Some("NO")),
                norm(Some("+4790106000"), None, "901 06 000"),
            ),
            // Extensions in every spelling.
            (
                ("+1 415 555 0100 x123", None),
                norm(Some("+14155550100"), Some("123"), "+1 415 555 0100 x123"),
            ),
            (
                ("+1 415 555 0100 ext. 123", None),
                norm(
                    Some("+14155550100"),
                    Some("123"),
                    "+1 415 555 0100 ext. 123",
                ),
            ),
            (
                ("+1 415 555 0100 Extension 7", None),
                norm(
                    Some("+14155550100"),
                    Some("7"),
                    "+1 415 555 0100 Extension 7",
                ),
            ),
            (
                ("tel:+1-418-656-9254;ext=102", None),
                norm(
                    Some("+14186569254"),
                    Some("102"),
                    "tel:+1-418-656-9254;ext=102",
                ),
            ),
            // Valid means valid: a fictional number stays raw-only.
            (
                ("+81 90 0000 0000", None),
                norm(None, None, "+81 90 0000 0000"),
            ),
            (("123456", Some("DE")), norm(None, None, "123456")),
            (
                ("+1 800 FLOWERS", None),
                norm(Some("+18003569377"), None, "+1 800 FLOWERS"),
            ),
            (("", None), norm(None, None, "")),
            (("not a number", None), norm(None, None, "not a number")),
            (("x123", None), norm(None, None, "x123")),
        ];
        for ((raw, region), expected) in cases {
            assert_eq!(normalize(raw, region), expected, "input {raw:?} {region:?}");
        }
    }

    #[test]
    fn normalize_survives_hostile_input() {
        let long = "9".repeat(10_000);
        let cases = [
            long.as_str(),
            "+",
            "++++",
            "00",
            "+0",
            "+999 999",
            "\u{0}\u{1}",
            "+١٢٣٤٥٦٧٨٩",
        ];
        for raw in cases {
            let out = normalize(raw, Some("US"));
            assert_eq!(out.raw, raw.trim(), "input {raw:?}");
        }
    }

    #[test]
    fn no_plus_and_no_region_is_what_the_crate_says() {
        let cases = [
            "(415) 555-0100",
            "0049 30 1234567",
            "4930 1234567",
            "14155550100",
            "054 837 9020",
            "1-800-FLOWERS",
            "5550100;phone-context=example.com",
            "011 44 20 7946 0958",
        ];
        for raw in cases {
            let number = prepare(raw);
            if number.contains('+') {
                continue;
            }
            for region in [None, Some("ZZ"), Some("")] {
                assert_eq!(
                    cached_parse(&number, region),
                    parse_number(&number, region),
                    "input {raw:?} {region:?}"
                );
            }
        }
    }

    #[test]
    fn region_of_cases() {
        let cases = [
            ("+14155550100", Some("US")),
            ("+14186569254", Some("CA")),
            ("+49301234567", Some("DE")),
            ("+38640000000", Some("SI")),
            ("4155550100", None),
            ("", None),
        ];
        for (input, expected) in cases {
            assert_eq!(region_of(input).as_deref(), expected, "input {input:?}");
        }
    }

    #[test]
    fn label_cases() {
        let cases = [
            ("Mobile", Some("mobile")),
            ("* Mobile", Some("mobile")),
            ("iPhone", Some("mobile")),
            ("CELL", Some("mobile")),
            ("cell,voice,pref", Some("mobile")),
            ("_$!<Mobile>!$_", Some("mobile")),
            ("_$!<HomeFAX>!$_", Some("fax")),
            ("Work Fax", Some("fax")),
            ("WORK,FAX", Some("fax")),
            ("type=HOME;type=FAX", Some("fax")),
            ("Home Fax", Some("fax")),
            ("Business Fax", Some("fax")),
            ("Business Phone", Some("work")),
            ("Business Phone 2", Some("work")),
            ("WORK,VOICE,MSG", Some("work")),
            ("work,cell,voice,video,text", Some("mobile")),
            ("Home Phone", Some("home")),
            ("HOME", Some("home")),
            ("_$!<Home>!$_", Some("home")),
            ("Company Main Phone", Some("main")),
            ("Primary Phone", Some("main")),
            ("_$!<Main>!$_", Some("main")),
            ("Pager", Some("pager")),
            ("PAGER", Some("pager")),
            ("Other Phone", Some("other")),
            ("Car Phone", Some("other")),
            ("Radio Phone", Some("other")),
            ("TTY/TDD Phone", Some("other")),
            ("VOICE", Some("other")),
            ("_$!<AssistantPhone>!$_", Some("other")),
            ("Handy", Some("mobile")),
            ("Spouse", None),
            ("", None),
        ];
        for (input, expected) in cases {
            assert_eq!(label(input), expected, "input {input:?}");
        }
    }
}
