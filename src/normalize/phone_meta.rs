//! Whether a parsed phone number is valid, and its region, read from libphonenumber's
//! metadata without the phonenumber crate's regex lock.
//!
//! The crate matches a number against its region's patterns through one process-wide regex
//! cache behind a mutex that stays held for the whole match, and looks each pattern up by its
//! text (hashed on every use): threads normalising in parallel queue there, and validation
//! was most of normalisation's time. This module reads the same metadata
//! (`phonenumber::metadata::DATABASE`) and compiles each region's patterns once, on first use,
//! into `regex::Regex`es that threads share without a lock. Its answers are the crate's own
//! (`PhoneNumber::is_valid`, `country().id()`), checked against it in the tests below; only
//! the crate's parser still goes through its cache.

use std::collections::HashMap;
use std::sync::OnceLock;

use phonenumber::metadata::{Descriptor, Metadata, DATABASE};
use phonenumber::{country, PhoneNumber, Type};
use regex::{Regex, RegexBuilder};

/// The number kinds that make a number valid: the crate's `number_type` returns one of these,
/// or "unknown" when none matches. Their order does not change the answer to "valid?".
const KINDS: [Type; 10] = [
    Type::PremiumRate,
    Type::TollFree,
    Type::SharedCost,
    Type::Voip,
    Type::PersonalNumber,
    Type::Pager,
    Type::Uan,
    Type::Voicemail,
    Type::FixedLine,
    Type::Mobile,
];

/// One descriptor's pattern. The crate accepts a value when its length is listed (or no
/// length is) and the pattern matches from the first character: `find` with a start of 0,
/// which is an anchored match.
struct Pattern {
    lengths: Vec<u16>,
    /// `None` when the pattern does not compile: it then matches nothing.
    regex: Option<Regex>,
}

fn anchored(source: &str) -> Option<Regex> {
    // The crate compiles metadata patterns with whitespace ignored; `(?:…)` keeps an
    // alternation inside the anchor. Matched texts are ASCII digits, so `\d` need not be
    // Unicode's (whose classes make compiling several times slower).
    RegexBuilder::new(&format!("^(?:{source})"))
        .ignore_whitespace(true)
        .unicode(false)
        .build()
        .ok()
}

impl Pattern {
    fn new(d: &Descriptor) -> Pattern {
        Pattern {
            lengths: d.possible_length().to_vec(),
            regex: anchored(d.national_number().as_str()),
        }
    }

    fn is_match(&self, value: &str) -> bool {
        let length_ok = self.lengths.is_empty()
            || u16::try_from(value.len()).is_ok_and(|n| self.lengths.contains(&n));
        length_ok && self.regex.as_ref().is_some_and(|r| r.is_match(value))
    }
}

/// A region's compiled patterns.
struct Region {
    general: Pattern,
    kinds: Vec<Pattern>,
    /// The region's leading-digits pattern, when the metadata gives one: among the regions
    /// that share a country code, it alone decides whether a number is this region's.
    leading: Option<Pattern>,
}

impl Region {
    fn compile(meta: &Metadata) -> Region {
        let d = meta.descriptors();
        Region {
            general: Pattern::new(d.general()),
            kinds: KINDS
                .iter()
                .filter_map(|k| d.get(*k))
                .map(Pattern::new)
                .collect(),
            leading: meta.leading_digits().map(|l| Pattern {
                lengths: Vec::new(),
                regex: anchored(l.as_str()),
            }),
        }
    }

    /// The crate's `number_type(meta, value) != Type::Unknown`.
    fn knows(&self, value: &str) -> bool {
        self.general.is_match(value) && self.kinds.iter().any(|k| k.is_match(value))
    }
}

/// Every region of the metadata, compiled on first use. Keyed by the address of the crate's
/// `Metadata`, which lives as long as the crate's static database: regions sharing the id
/// "001" (non-geographic codes) are told apart that way.
fn regions() -> &'static HashMap<usize, OnceLock<Region>> {
    static REGIONS: OnceLock<HashMap<usize, OnceLock<Region>>> = OnceLock::new();
    REGIONS.get_or_init(|| {
        every_region()
            .map(|(_, meta)| (address(meta), OnceLock::new()))
            .collect()
    })
}

/// Every entry of the metadata with its country code. By code, not by id: the non-geographic
/// entries all have the id "001", and the crate's map by id keeps only one of them.
fn every_region() -> impl Iterator<Item = (u16, &'static Metadata)> {
    // Country calling codes have one to three digits.
    (1..1000u16).flat_map(|code| {
        DATABASE
            .by_code(&code)
            .unwrap_or_default()
            .into_iter()
            .map(move |meta| (code, meta))
    })
}

fn address(meta: &Metadata) -> usize {
    std::ptr::from_ref(meta) as usize
}

fn compiled(meta: &Metadata) -> Option<&'static Region> {
    let cell = regions().get(&address(meta))?;
    Some(cell.get_or_init(|| Region::compile(meta)))
}

/// The metadata a number of country code `code` and national significant number `national`
/// belongs to: the crate's `source_for`, then its lookup of the region's metadata.
fn source_for(code: u16, national: &str) -> Option<(&'static Metadata, &'static Region)> {
    let db: &'static phonenumber::metadata::Database = &DATABASE;
    let ids = db.region(&code)?;
    if let [only] = ids.as_slice() {
        let meta = if *only == "001" {
            db.by_code(&code)?.into_iter().next()?
        } else {
            only.parse::<country::Id>().ok()?;
            db.by_id(*only)?
        };
        return Some((meta, compiled(meta)?));
    }
    for id in ids {
        let meta = db.by_id(id)?;
        let region = compiled(meta)?;
        let here = match &region.leading {
            Some(leading) => leading.is_match(national),
            None => region.knows(national),
        };
        if here {
            id.parse::<country::Id>().ok()?;
            return Some((meta, region));
        }
    }
    None
}

/// Whether the crate would call `number` valid (`PhoneNumber::is_valid`).
pub fn is_valid(number: &PhoneNumber) -> bool {
    let national = number.national().to_string();
    source_for(number.code().value(), &national).is_some_and(|(_, region)| region.knows(&national))
}

/// The number in E.164, as the crate formats it: `+`, the country code, the national number
/// with its leading zeros.
pub fn e164(number: &PhoneNumber) -> String {
    format!("+{}{}", number.code().value(), number.national())
}

/// The region id ("US", "DE") of `number`, as the crate's `country().id()` gives it: the
/// region is chosen on the national number without its leading zeros.
pub fn region_id(number: &PhoneNumber) -> Option<String> {
    let national = number.national().value().to_string();
    let (meta, _) = source_for(number.code().value(), &national)?;
    let id = meta.id().parse::<country::Id>().ok()?;
    Some(id.as_ref().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Numbers around every example the metadata gives: the example itself, one digit
    /// shorter, one longer, and its first digit changed, in international form.
    fn around_examples() -> Vec<String> {
        let mut out = Vec::new();
        for (code, meta) in every_region() {
            for kind in KINDS.iter().chain(&[Type::ShortCode, Type::Emergency]) {
                let Some(example) = meta.descriptors().get(*kind).and_then(|d| d.example()) else {
                    continue;
                };
                let mut variants = vec![
                    example.to_string(),
                    example.chars().skip(1).collect(),
                    format!("{example}7"),
                ];
                for first in ['1', '9'] {
                    variants.push(format!(
                        "{first}{}",
                        example.chars().skip(1).collect::<String>()
                    ));
                }
                for v in variants {
                    out.push(format!("+{code}{v}"));
                    out.push(format!("+{code} 0{v}"));
                }
            }
        }
        out
    }

    #[test]
    fn answers_as_the_crate_does() {
        let numbers = around_examples();
        assert!(numbers.len() > 10_000, "{}", numbers.len());
        let (mut parsed, mut valid) = (0, 0);
        for n in &numbers {
            let Ok(p) = phonenumber::parse(None, n) else {
                continue;
            };
            parsed += 1;
            let crate_valid = p.is_valid();
            valid += usize::from(crate_valid);
            assert_eq!(is_valid(&p), crate_valid, "{n}");
            assert_eq!(
                region_id(&p),
                p.country().id().map(|id| id.as_ref().to_string()),
                "{n}"
            );
            if crate_valid {
                assert_eq!(
                    e164(&p),
                    p.format().mode(phonenumber::Mode::E164).to_string()
                );
            }
        }
        // Both answers occur often, so the comparison means something.
        assert!(
            valid > 2_000 && parsed - valid > 2_000,
            "{valid} of {parsed}"
        );
    }

    #[test]
    fn every_pattern_of_the_metadata_compiles() {
        let mut patterns = 0;
        for (code, meta) in every_region() {
            let r = Region::compile(meta);
            let all = std::iter::once(&r.general)
                .chain(&r.kinds)
                .chain(&r.leading);
            for p in all {
                assert!(p.regex.is_some(), "{} {code}", meta.id());
                patterns += 1;
            }
        }
        assert!(patterns > 1_000, "{patterns}");
    }

    #[test]
    fn national_numbers_with_regions() {
        for (number, region) in [
            ("030 1234567", country::Id::DE),
            ("06 12 34 56 78", country::Id::FR),
            ("(415) 555-0132", country::Id::US),
            ("02 1234 5678", country::Id::IT),
            ("020 7946 0958", country::Id::GB),
            ("0800 123 4567", country::Id::GB),
            ("12", country::Id::US),
        ] {
            let Ok(p) = phonenumber::parse(Some(region), number) else {
                continue;
            };
            assert_eq!(is_valid(&p), p.is_valid(), "{number}");
            assert_eq!(
                region_id(&p),
                p.country().id().map(|id| id.as_ref().to_string()),
                "{number}"
            );
        }
    }
}
