//! Finding the same person across records and merging them (SPEC §5).
//!
//! Candidate pairs come from shared keys, never from all pairs. Records are then joined, strongest
//! evidence first, under cannot-link constraints: two records of one platform list (two rows of
//! one Connections.csv) are different people, and no chain of merges may join them.

pub mod merge;

use crate::model::{Contact, Kind, MergeInfo};
use crate::normalize::{email, keys};
use crate::report::MergeReport;
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Clone)]
pub struct DedupeOptions {
    /// When false, every record is its own contact (normalisation only).
    pub enabled: bool,
    /// Fold gmail dots and +tags for the email match key.
    pub fold_gmail: bool,
}

impl Default for DedupeOptions {
    fn default() -> DedupeOptions {
        DedupeOptions {
            enabled: true,
            fold_gmail: false,
        }
    }
}

/// The result of dedupe: contacts in output order, and one report entry per merge.
pub struct Deduped {
    pub contacts: Vec<Contact>,
    pub merges: Vec<MergeReport>,
}

/// Union-find whose sets carry the platform lists they contain, so a union that would put two
/// records of one list together is refused.
struct Clusters {
    parent: Vec<usize>,
    lists: Vec<Vec<u32>>,
    evidence: Vec<Vec<String>>,
}

impl Clusters {
    fn new(lists: Vec<Vec<u32>>) -> Clusters {
        let n = lists.len();
        Clusters {
            parent: (0..n).collect(),
            lists,
            evidence: vec![Vec::new(); n],
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while let Some(&p) = self.parent.get(x) {
            if p == x {
                break;
            }
            let gp = self.parent.get(p).copied().unwrap_or(p);
            if let Some(slot) = self.parent.get_mut(x) {
                *slot = gp;
            }
            x = p;
        }
        x
    }

    /// Joins the sets of `a` and `b` unless that breaks a cannot-link. Returns whether joined.
    fn union(&mut self, a: usize, b: usize, why: &str) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return true;
        }
        let la = self.lists.get(ra).cloned().unwrap_or_default();
        let lb = self.lists.get(rb).cloned().unwrap_or_default();
        if la.iter().any(|l| lb.binary_search(l).is_ok()) {
            return false;
        }
        let (root, child) = if ra < rb { (ra, rb) } else { (rb, ra) };
        if let Some(p) = self.parent.get_mut(child) {
            *p = root;
        }
        let mut merged = la;
        merged.extend(lb);
        merged.sort_unstable();
        merged.dedup();
        if let Some(l) = self.lists.get_mut(root) {
            *l = merged;
        }
        let mut ev = std::mem::take(self.evidence.get_mut(child).unwrap_or(&mut Vec::new()));
        if let Some(e) = self.evidence.get_mut(root) {
            e.append(&mut ev);
            if !e.iter().any(|x| x == why) {
                e.push(why.to_string());
            }
        }
        true
    }
}

/// True when two names could be one person's: either is unknown, or they share a token.
/// Keeps a shared family inbox from merging two people on the email alone.
fn names_compatible(a: &Contact, b: &Contact) -> bool {
    let ta = keys::tokens(&a.name.full);
    let tb = keys::tokens(&b.name.full);
    ta.is_empty() || tb.is_empty() || ta.iter().any(|t| tb.contains(t))
}

/// Clusters `records` (in canonical order) and merges each cluster.
pub fn dedupe(records: Vec<Contact>, opts: &DedupeOptions) -> Deduped {
    // Cannot-link groups: one id per (input, file) of a distinct-list kind.
    let mut list_ids: HashMap<(String, String, Kind), u32> = HashMap::new();
    let lists: Vec<Vec<u32>> = records
        .iter()
        .map(|r| match r.source() {
            Some(s) if s.kind.is_distinct_list() => {
                let n = list_ids.len() as u32;
                vec![*list_ids
                    .entry((s.input.clone(), s.file.clone(), s.kind))
                    .or_insert(n)]
            }
            _ => Vec::new(),
        })
        .collect();
    let mut clusters = Clusters::new(lists);

    if opts.enabled {
        // Hard keys, in a fixed order of strength: profile, then owner, then email.
        let mut by_key: BTreeMap<(u8, String), Vec<usize>> = BTreeMap::new();
        for (i, r) in records.iter().enumerate() {
            for p in &r.profiles {
                if !p.url.is_empty() {
                    by_key
                        .entry((0, format!("{} {}", p.service, p.url)))
                        .or_default()
                        .push(i);
                } else if !p.id.is_empty() {
                    by_key
                        .entry((0, format!("{} {}", p.service, p.id)))
                        .or_default()
                        .push(i);
                }
            }
            if let Some(s) = r.source().filter(|s| s.kind == Kind::Owner) {
                by_key
                    .entry((1, format!("owner {} {}", s.platform, s.input)))
                    .or_default()
                    .push(i);
            }
            for e in &r.emails {
                by_key
                    .entry((2, email::match_key(&e.value, opts.fold_gmail)))
                    .or_default()
                    .push(i);
            }
        }
        for ((strength, key), members) in &by_key {
            let why = match strength {
                0 => format!("profile {key}"),
                1 => "export owner".to_string(),
                _ => format!("email {key}"),
            };
            for (j, &b) in members.iter().enumerate() {
                // Join b to the first earlier member it may join.
                for &a in members.iter().take(j) {
                    let ok = match (records.get(a), records.get(b)) {
                        (Some(ra), Some(rb)) => *strength < 2 || names_compatible(ra, rb),
                        _ => false,
                    };
                    if ok && clusters.union(a, b, &why) {
                        break;
                    }
                }
            }
        }
    }

    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..records.len() {
        let root = clusters.find(i);
        groups.entry(root).or_default().push(i);
    }
    let mut slots: Vec<Option<Contact>> = records.into_iter().map(Some).collect();
    let mut contacts = Vec::with_capacity(groups.len());
    let mut keyed: Vec<(Vec<String>, Contact, Option<Vec<String>>)> = Vec::new();
    for (root, members) in groups {
        let members: Vec<Contact> = members
            .iter()
            .filter_map(|&i| slots.get_mut(i).and_then(Option::take))
            .collect();
        let mut member_keys: Vec<String> = members.iter().map(merge::record_key).collect();
        member_keys.sort();
        let info = (members.len() > 1).then(|| MergeInfo {
            score: 1.0,
            evidence: clusters.evidence.get(root).cloned().unwrap_or_default(),
        });
        let ev = info.as_ref().map(|i| i.evidence.clone());
        keyed.push((member_keys, merge::merge(members, info), ev));
    }
    // Ids: from the smallest member key; a collision takes the next key, deterministically.
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    let mut used = std::collections::HashSet::new();
    let mut merges = Vec::new();
    for (member_keys, mut c, ev) in keyed {
        let mut n = 0usize;
        let base = member_keys.first().cloned().unwrap_or_default();
        let mut id = merge::make_id(&base);
        while used.contains(&id) {
            n += 1;
            id = merge::make_id(&format!("{base}#{n}"));
        }
        used.insert(id.clone());
        c.id = id;
        if let Some(evidence) = ev {
            merges.push(MergeReport {
                id: c.id.clone(),
                records: c.sources.len(),
                score: 1.0,
                evidence,
            });
        }
        contacts.push(c);
    }
    contacts.sort_by_cached_key(|c| {
        let n = keys::fold(&c.name.full);
        (n.is_empty(), n, c.id.clone())
    });
    Deduped { contacts, merges }
}
