//! Contact ids: which id a contact gets, and which it keeps from rolo's own earlier output.
//!
//! A contact made only of new records gets `r-` and 12 hex digits of SHA-256 over its smallest
//! record key (profile URL, else email, else phone, else where it was read): the same inputs give
//! the same ids, whatever their order. A contact that holds a record read back from rolo's own
//! output (its `prior_id`) keeps that id instead, so an address book or sync tool that knows the
//! card by its UID sees it updated, not replaced. When two former contacts are now one person,
//! the older id survives and the other is retired (listed in the merge report).
//!
//! "Older" is what rolo can know without keeping history: the prior contact whose earliest dated
//! event (connected, friend since, added…) is earliest, then the smaller id. It depends only on
//! the records, never on the order of the inputs.
//!
//! Prior ids never take part in matching: they only decide which id a cluster keeps.

use crate::model::Contact;
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// The key a record contributes to its contact's id: its strongest identifier when it has one
/// (so ids survive a re-export), else where it was read.
pub fn record_key(c: &Contact) -> String {
    // Every record of a run needs one: joined by hand, one allocation each, no formatting.
    if let Some(p) = c
        .profiles
        .iter()
        .find(|p| !p.url.is_empty() || !p.id.is_empty())
    {
        return concat(&["p:", &p.url, "|", &p.id]);
    }
    if let Some(e) = c.emails.first() {
        if !e.value.is_ascii() {
            return concat(&["e:", &e.value.to_lowercase()]);
        }
        let mut key = concat(&["e:", &e.value]);
        key.make_ascii_lowercase();
        return key;
    }
    if let Some(p) = c.phones.iter().find(|p| !p.value.is_empty()) {
        return concat(&["t:", &p.value]);
    }
    match c.source() {
        Some(s) => format!(
            "s:{}|{}|{}|{}",
            crate::sources::input::file_name(&s.input),
            s.file,
            s.kind,
            s.index
        ),
        None => String::new(),
    }
}

fn concat(parts: &[&str]) -> String {
    let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    parts.iter().for_each(|p| s.push_str(p));
    s
}

/// With `--no-dedupe` every record is its own contact: its id comes from where it was read, which
/// is unique, and the same whether the run streams or not.
pub fn source_key(c: &Contact) -> String {
    match c.source() {
        Some(s) => format!("n:{}|{}|{}|{}", s.input, s.file, s.kind, s.index),
        None => String::new(),
    }
}

/// `r-` and 12 hex digits of SHA-256 over the key.
pub fn make_id(key: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(key.as_bytes());
    let mut id = String::with_capacity(14);
    id.push_str("r-");
    for b in digest.iter().take(6) {
        for nibble in [b >> 4, b & 0xf] {
            id.extend(HEX.get(usize::from(nibble)).map(|&c| char::from(c)));
        }
    }
    id
}

/// A prior id a contact carries, with what makes it older than another.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Prior {
    /// Undated (`true`) sorts after dated.
    undated: bool,
    /// The earliest ISO date among the events of the record(s) that carried the id.
    earliest: String,
    id: String,
}

/// The prior ids `c` carries (on its sources), oldest first, each once. Works on one record and
/// on a merged contact alike: an event's sources say which records it came from.
pub fn prior_ids(c: &Contact) -> Vec<String> {
    let mut best: HashMap<&str, Prior> = HashMap::new();
    for (i, s) in c.sources.iter().enumerate() {
        if s.prior_id.is_empty() {
            continue;
        }
        let earliest = c
            .events
            .iter()
            .filter(|e| e.sources.contains(&i))
            .map(|e| e.date.as_str())
            // ISO dates compare as text; a date kept as written does not count.
            .filter(|d| d.starts_with(|ch: char| ch.is_ascii_digit()))
            .min();
        let p = Prior {
            undated: earliest.is_none(),
            earliest: earliest.unwrap_or_default().to_string(),
            id: s.prior_id.clone(),
        };
        match best.get_mut(s.prior_id.as_str()) {
            Some(q) if p < *q => *q = p,
            Some(_) => {}
            None => {
                best.insert(&s.prior_id, p);
            }
        }
    }
    let mut list: Vec<Prior> = best.into_values().collect();
    list.sort();
    list.into_iter().map(|p| p.id).collect()
}

/// Gives each contact its id. `clusters` holds each contact with its sorted member keys, in a
/// deterministic order (by member keys, then first source). Returns, by position in
/// `clusters`, the prior ids a contact carried that no contact keeps: the retired ids (only
/// contacts that have some; a run without prior ids allocates nothing per contact for them).
///
/// A contact keeps its oldest prior id; when two contacts claim one id (the same card read twice
/// and kept apart), the first in order keeps it and the other takes its next prior id or a new
/// one. Every prior id read is reserved, so a new contact never takes an id that once named
/// someone else.
pub fn assign(clusters: &mut [(&[String], &mut Contact)]) -> BTreeMap<usize, Vec<String>> {
    let priors: Vec<(usize, Vec<String>)> = clusters
        .iter()
        .enumerate()
        .filter(|(_, (_, c))| c.sources.iter().any(|s| !s.prior_id.is_empty()))
        .map(|(i, (_, c))| (i, prior_ids(c)))
        .collect();
    let mut used: HashSet<String> = HashSet::new();
    let mut chosen: HashMap<usize, String> = HashMap::new();
    // First choices first, then second choices for those that lost theirs.
    for round in 0..2 {
        for (i, list) in &priors {
            if chosen.contains_key(i) {
                continue;
            }
            let pick = if round == 0 {
                list.first().filter(|id| !used.contains(*id))
            } else {
                list.iter().find(|id| !used.contains(*id))
            };
            if let Some(id) = pick {
                used.insert(id.clone());
                chosen.insert(*i, id.clone());
            }
        }
    }
    let kept: HashSet<String> = used.clone();
    used.reserve(clusters.len());
    used.extend(priors.iter().flat_map(|(_, l)| l.iter().cloned()));
    // Each contact's first-choice id, hashed on every core; taken in order below.
    let first_choice: Vec<String> = clusters
        .par_iter()
        .map(|(keys, _)| make_id(keys.first().map_or("", |k| k.as_str())))
        .collect();
    for ((i, (keys, c)), first) in clusters.iter_mut().enumerate().zip(first_choice) {
        c.id = match chosen.remove(&i) {
            Some(id) => id,
            None => {
                let base = keys.first().map_or("", |k| k.as_str());
                let mut id = first;
                let mut n = 0usize;
                while used.contains(&id) {
                    n += 1;
                    id = make_id(&format!("{base}#{n}"));
                }
                used.insert(id.clone());
                id
            }
        };
    }
    priors
        .into_iter()
        .filter_map(|(i, list)| {
            let retired: BTreeSet<String> =
                list.into_iter().filter(|id| !kept.contains(id)).collect();
            (!retired.is_empty()).then(|| (i, retired.into_iter().collect()))
        })
        .collect()
}

/// Records read again that rolo's earlier output already holds, where matching cannot see it: a
/// record whose own key gives the id a record read back from rolo's output carries was that
/// contact (the key named it). Pairs (prior record, record). Only keys a vCard cannot carry
/// count — a profile (a Telegram user id has no place in a card) or where a record without
/// identifiers was read (a hidden LinkedIn profile); emails and phones, which a family may
/// share, are left to matching.
pub fn read_again(records: &[Contact]) -> Vec<(usize, usize)> {
    let mut prior: HashMap<&str, usize> = HashMap::new();
    for (i, r) in records.iter().enumerate() {
        if let Some(s) = r.source().filter(|s| !s.prior_id.is_empty()) {
            prior.entry(s.prior_id.as_str()).or_insert(i);
        }
    }
    if prior.is_empty() {
        return Vec::new();
    }
    records
        .iter()
        .enumerate()
        .filter(|(_, r)| r.source().is_some_and(|s| s.prior_id.is_empty()))
        .filter_map(|(i, r)| {
            let key = record_key(r);
            if !(key.starts_with("p:") || key.starts_with("s:")) {
                return None;
            }
            prior.get(make_id(&key).as_str()).map(|&p| (p, i))
        })
        .collect()
}

/// The cannot-link list of a record read back from rolo's own output: every contact of one input
/// (a merged file, a vdir folder) was told apart from the others when it was written, so two of
/// them are never merged again, directly or through a chain — two friends both called Anna Berg
/// stay two cards even when the export that kept them apart is not read again. Contacts of two
/// inputs (your file and your partner's) may merge; the older id survives. The key cannot meet
/// a platform list's: an address-book kind is never a list.
pub fn prior_list(s: &crate::model::SourceRef) -> (&str, &str, crate::model::Kind) {
    (&*s.input, "", crate::model::Kind::Contact)
}

/// The ids of records written on their own while streaming (`--no-dedupe`): a record's prior id
/// when it has one not given yet in this run, else one from where it was read. `given` holds the
/// prior ids given so far (only those: memory grows with rolo's own records, not the input).
pub fn stream_ids(records: &mut [Contact], given: &mut HashSet<String>) {
    records
        .par_iter_mut()
        .for_each(|r| r.id = make_id(&source_key(r)));
    for r in records.iter_mut() {
        if let Some(s) = r.sources.first().filter(|s| !s.prior_id.is_empty()) {
            if given.insert(s.prior_id.clone()) {
                r.id = s.prior_id.clone();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{smallvec, thin_vec, Event, SourceRef};

    fn prior(id: &str, date: &str) -> Contact {
        Contact {
            events: thin_vec![Event {
                kind: "connected".into(),
                date: date.into(),
                service: "linkedin".into(),
                sources: smallvec![0],
            }],
            sources: thin_vec![SourceRef {
                prior_id: id.into(),
                ..SourceRef::default()
            }],
            ..Contact::default()
        }
    }

    #[test]
    fn the_id_with_the_earliest_event_is_the_older_one() {
        let mut c = prior("r-bbbbbbbbbbbb", "2019-05-01");
        let other = prior("r-aaaaaaaaaaaa", "2021-01-01");
        c.sources.push(other.sources[0].clone());
        c.events.push(Event {
            sources: smallvec![1],
            ..other.events[0].clone()
        });
        assert_eq!(prior_ids(&c), ["r-bbbbbbbbbbbb", "r-aaaaaaaaaaaa"]);
    }

    #[test]
    fn undated_prior_ids_come_after_dated_ones_then_by_id() {
        let mut c = prior("r-cccccccccccc", "");
        c.sources.push(SourceRef {
            prior_id: "r-bbbbbbbbbbbb".into(),
            ..SourceRef::default()
        });
        c.sources.push(SourceRef {
            prior_id: "r-ffffffffffff".into(),
            ..SourceRef::default()
        });
        c.events.push(Event {
            date: "2024-02-02".into(),
            sources: smallvec![2],
            ..Event::default()
        });
        assert_eq!(
            prior_ids(&c),
            ["r-ffffffffffff", "r-bbbbbbbbbbbb", "r-cccccccccccc"]
        );
    }

    #[test]
    fn a_contact_keeps_its_prior_id_and_retires_the_others() {
        let mut merged = prior("r-000000000002", "2020-01-01");
        merged.sources.push(SourceRef {
            prior_id: "r-000000000001".into(),
            ..SourceRef::default()
        });
        let mut fresh = Contact::default();
        let (k1, k2) = (vec!["e:a@example.org".to_string()], vec!["e:b".to_string()]);
        let mut clusters = [(&k1[..], &mut merged), (&k2[..], &mut fresh)];
        let retired = assign(&mut clusters);
        assert_eq!(merged.id, "r-000000000002");
        assert_eq!(fresh.id, make_id("e:b"));
        assert_eq!(
            retired,
            BTreeMap::from([(0, vec!["r-000000000001".to_string()])])
        );
    }

    #[test]
    fn a_contested_prior_id_goes_to_the_first_contact_the_other_gets_a_new_one() {
        let mut a = prior("r-000000000001", "2020-01-01");
        let mut b = prior("r-000000000001", "2020-01-01");
        let (ka, kb) = (vec!["e:a".to_string()], vec!["e:b".to_string()]);
        let mut clusters = [(&ka[..], &mut a), (&kb[..], &mut b)];
        let retired = assign(&mut clusters);
        assert_eq!(a.id, "r-000000000001");
        assert_eq!(b.id, make_id("e:b"));
        assert!(retired.is_empty(), "{retired:?}");
    }

    #[test]
    fn a_new_contact_never_takes_a_retired_id() {
        // The retired id is what a fresh contact keyed "e:x" would be given.
        let retired_id = make_id("e:x");
        let mut merged = prior("r-000000000001", "2020-01-01");
        merged.sources.push(SourceRef {
            prior_id: retired_id.clone(),
            ..SourceRef::default()
        });
        let mut fresh = Contact::default();
        let (k1, k2) = (vec!["e:a".to_string()], vec!["e:x".to_string()]);
        let mut clusters = [(&k1[..], &mut merged), (&k2[..], &mut fresh)];
        assign(&mut clusters);
        assert_ne!(fresh.id, retired_id);
        assert_eq!(fresh.id, make_id("e:x#1"));
    }

    #[test]
    fn streamed_records_keep_a_prior_id_once() {
        let c = prior("r-000000000001", "");
        let mut records = vec![c.clone(), c.clone(), Contact::default()];
        let mut given = HashSet::new();
        stream_ids(&mut records, &mut given);
        assert_eq!(records[0].id, "r-000000000001");
        assert_eq!(records[1].id, make_id(&source_key(&c)));
        assert_eq!(records[2].id, make_id(""));
    }
}
