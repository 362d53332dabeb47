//! Survivorship: several records of one person become one contact, losing nothing.
//!
//! Every distinct value is kept once, with the union of its labels and of its sources. The name
//! shown comes from the most complete record of the most trusted kind (unless more records agree
//! on a spelling one slip away); every other distinct name is kept in `aliases`. No name part is
//! lost: another record's prefix, middle name or suffix fills the shown name's empty part when
//! that record has the same given and family name, and is otherwise kept in its alias
//! ("Dr. Bob Smith, PhD"); every nickname joins the shown name's list.
//!
//! A record read back from rolo's own output (it carries a `prior_id`) is the contact as the user
//! last saw and perhaps edited it: it goes first, so its name is the one shown and its values
//! come before the new ones. Which id the contact keeps is [`super::ids`]' business.

use crate::model::{Contact, Kind, MergeInfo, Name, Text};
use crate::normalize::keys;
use std::collections::HashMap;

// Kept here too: callers knew these as `merge::…` before ids had a module of their own.
pub use super::ids::{make_id, record_key, source_key};

/// How far a kind of record is trusted for the name shown: address books and connection lists
/// were curated by a person; message participants and follows carry whatever name was typed.
fn trust(kind: Kind) -> u32 {
    match kind {
        Kind::Contact | Kind::Owner => 4,
        Kind::Connection | Kind::Friend => 3,
        Kind::Endorsement | Kind::Recommendation | Kind::Invitation | Kind::FrequentContact => 2,
        _ => 1,
    }
}

fn completeness(n: &Name) -> u32 {
    [&n.given, &n.family, &n.middle, &n.prefix, &n.suffix]
        .iter()
        .filter(|s| !s.is_empty())
        .count() as u32
        + u32::from(!n.full.is_empty())
}

/// The record whose name is shown: most trusted kind, then most complete, then first in
/// canonical order — unless its spelling is a slip of one that more records agree on ("Aain
/// Potin" in the address book, "Alain Potin" on LinkedIn, Facebook and in Gmail): then the
/// agreed spelling, from its best record. Every other spelling stays in `aliases`. `folded`
/// holds each member's folded name.
fn best_name(members: &[Contact], folded: &[String]) -> Option<usize> {
    let rank = |c: &Contact| {
        (
            c.source().map(|s| trust(s.kind)).unwrap_or(0),
            completeness(&c.name),
        )
    };
    let pick = |candidates: &mut dyn Iterator<Item = (usize, &Contact)>| {
        candidates
            .filter(|(_, c)| !c.name.is_empty())
            .max_by(|(ia, a), (ib, b)| rank(a).cmp(&rank(b)).then_with(|| ib.cmp(ia)))
            .map(|(i, _)| i)
    };
    let best = pick(&mut members.iter().enumerate())?;
    let mut votes: HashMap<&str, usize> = HashMap::new();
    for f in folded.iter().filter(|f| !f.is_empty()) {
        *votes.entry(f.as_str()).or_insert(0) += 1;
    }
    let mine = folded.get(best).map(String::as_str).unwrap_or("");
    let mine_votes = votes.get(mine).copied().unwrap_or(0);
    let words = |s: &str| s.split(' ').count();
    let agreed = votes
        .iter()
        .filter(|&(f, &n)| {
            n > mine_votes && words(f) == words(mine) && strsim::damerau_levenshtein(f, mine) <= 2
        })
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(f, _)| *f);
    match agreed {
        Some(f) => pick(
            &mut members
                .iter()
                .enumerate()
                .filter(|(i, _)| folded.get(*i).map(String::as_str) == Some(f)),
        ),
        None => Some(best),
    }
}

/// Records read back from rolo's own output first, the one whose id survives first (see
/// [`super::ids::prior_ids`]); the others after them, in the order given.
fn prior_first(members: &mut [Contact]) {
    if members
        .iter()
        .all(|m| m.sources.iter().all(|s| s.prior_id.is_empty()))
    {
        return;
    }
    let order = super::ids::prior_ids(&Contact {
        sources: members.iter().flat_map(|m| m.sources.clone()).collect(),
        events: {
            // Each member's events, pointing at its sources in the list above.
            let mut offset = 0;
            let mut all = Vec::new();
            for m in members.iter() {
                all.extend(m.events.iter().map(|e| crate::model::Event {
                    sources: e.sources.iter().map(|i| i + offset).collect(),
                    ..e.clone()
                }));
                offset += m.sources.len();
            }
            all
        },
        ..Contact::default()
    });
    let rank = |m: &Contact| {
        m.sources
            .iter()
            .filter_map(|s| order.iter().position(|id| *id == s.prior_id))
            .min()
            .unwrap_or(usize::MAX)
    };
    members.sort_by_key(rank);
}

/// Members read from one file in the order of their content (their record key), not of their
/// rows: an address book holding a person twice gives the same contact whichever row comes first.
/// Across files the canonical order stands. Keys are built only when two members share a file.
fn one_file_by_content(members: &mut [Contact]) {
    let shared = members.windows(2).any(|w| match w {
        [a, b] => matches!((a.source(), b.source()),
            (Some(x), Some(y)) if x.input == y.input && x.file == y.file),
        _ => false,
    });
    if shared {
        let file = |c: &Contact| c.source().map(|s| (s.input.clone(), s.file.clone()));
        members.sort_by_cached_key(|m| (file(m), record_key(m), m.sources.clone()));
    }
}

/// Merges `members` (in canonical order) into one contact.
pub fn merge(mut members: Vec<Contact>, info: Option<MergeInfo>) -> Contact {
    if members.len() == 1 {
        if let Some(c) = members.into_iter().next() {
            return Contact { merge: info, ..c };
        }
        return Contact::default();
    }
    one_file_by_content(&mut members);
    prior_first(&mut members);
    // Every member's name folded once: for the shown name's vote and for the aliases.
    let folded: Vec<String> = members.iter().map(|c| keys::fold(&c.name.full)).collect();
    // The user's own card names the person: no vote overrules it.
    let trusted = members
        .first()
        .filter(|m| m.sources.iter().any(|s| !s.prior_id.is_empty()) && !m.name.is_empty())
        .map(|_| 0);
    let best = trusted.or_else(|| best_name(&members, &folded));

    let mut out = Contact {
        merge: info,
        ..Contact::default()
    };
    if let Some(b) = best.and_then(|i| members.get(i)) {
        out.name = b.name.clone();
    }
    let shown = best
        .and_then(|i| folded.get(i))
        .cloned()
        .unwrap_or_default();
    let mut alias_seen: HashMap<String, usize> = HashMap::new();
    // Folded (name, title) of each organisation kept so far, in `out.organizations` order.
    let mut org_keys: Vec<(String, String)> = Vec::new();
    for (m, folded) in members.into_iter().zip(folded) {
        let offset = out.sources.len();
        let shift = |s: &[usize]| s.iter().map(|i| i + offset).collect::<Vec<_>>();
        let own_sources = offset..offset + m.sources.len();

        // Every part of this record's name is shown, or its alias spells them out.
        let (alias, folded) = if take_parts(&mut out.name, &m.name) {
            (m.name.full.clone(), folded)
        } else {
            let alias = display_full(&m.name);
            let folded = keys::fold(&alias);
            (alias, folded)
        };
        // A record's own aliases (a maiden name, a name rolo's earlier output kept) count as
        // its name's spelling does: one alias per folded spelling, never the shown name, so a
        // card read back does not gain a copy of an alias a new record spells again.
        let aliases = std::iter::once((alias, folded, own_sources.collect::<Vec<_>>())).chain(
            m.aliases.into_iter().map(|a| {
                let folded = keys::fold(&a.value);
                (a.value, folded, shift(&a.sources))
            }),
        );
        for (alias, folded, sources) in aliases {
            if folded.is_empty() || folded == shown {
                continue;
            }
            match alias_seen.get(&folded) {
                Some(&i) => {
                    if let Some(a) = out.aliases.get_mut(i) {
                        union(&mut a.sources, &sources);
                    }
                }
                None => {
                    alias_seen.insert(folded, out.aliases.len());
                    out.aliases.push(Text {
                        value: alias,
                        sources,
                    });
                }
            }
        }
        for e in m.emails {
            match out
                .emails
                .iter_mut()
                .find(|x| same_email(&x.value, &e.value))
            {
                Some(x) => {
                    union(&mut x.labels, &e.labels);
                    union_shifted(&mut x.sources, &e.sources, offset);
                }
                None => out.emails.push(crate::model::Email {
                    sources: shift(&e.sources),
                    ..e
                }),
            }
        }
        for p in m.phones {
            match out.phones.iter_mut().find(|x| same_phone(x, &p)) {
                Some(x) => {
                    union(&mut x.labels, &p.labels);
                    union_shifted(&mut x.sources, &p.sources, offset);
                }
                None => out.phones.push(crate::model::Phone {
                    sources: shift(&p.sources),
                    ..p
                }),
            }
        }
        for o in m.organizations {
            let key = (keys::fold(&o.name), keys::fold(&o.title));
            match org_keys.iter().position(|k| *k == key) {
                Some(i) => {
                    if let Some(x) = out.organizations.get_mut(i) {
                        union_shifted(&mut x.sources, &o.sources, offset);
                    }
                }
                None => {
                    org_keys.push(key);
                    out.organizations.push(crate::model::Organization {
                        sources: shift(&o.sources),
                        ..o
                    });
                }
            }
        }
        for p in m.profiles {
            // A profile read back from a vCard has lost its service-internal id: the same URL
            // without an id is the same profile.
            match out.profiles.iter_mut().find(|x| {
                x.service == p.service
                    && x.url == p.url
                    && (x.id == p.id || (!x.url.is_empty() && (x.id.is_empty() || p.id.is_empty())))
            }) {
                Some(x) => {
                    if x.id.is_empty() {
                        x.id = p.id;
                    }
                    union_shifted(&mut x.sources, &p.sources, offset)
                }
                None => out.profiles.push(crate::model::Profile {
                    sources: shift(&p.sources),
                    ..p
                }),
            }
        }
        for u in m.urls {
            match out.urls.iter_mut().find(|x| x.value == u.value) {
                Some(x) => {
                    union(&mut x.labels, &u.labels);
                    union_shifted(&mut x.sources, &u.sources, offset);
                }
                None => out.urls.push(crate::model::Url {
                    sources: shift(&u.sources),
                    ..u
                }),
            }
        }
        for i in m.ims {
            match out.ims.iter_mut().find(|x| x.value == i.value) {
                Some(x) => {
                    if x.service.is_empty() {
                        x.service = i.service;
                    }
                    union(&mut x.labels, &i.labels);
                    union_shifted(&mut x.sources, &i.sources, offset);
                }
                None => out.ims.push(crate::model::Im {
                    sources: shift(&i.sources),
                    ..i
                }),
            }
        }
        for r in m.related {
            match out.related.iter_mut().find(|x| x.value == r.value) {
                Some(x) => {
                    union(&mut x.labels, &r.labels);
                    union_shifted(&mut x.sources, &r.sources, offset);
                }
                None => out.related.push(crate::model::Related {
                    sources: shift(&r.sources),
                    ..r
                }),
            }
        }
        for a in m.addresses {
            let key = (
                &a.street,
                &a.locality,
                &a.region,
                &a.postal_code,
                &a.country,
                &a.raw,
            );
            match out.addresses.iter_mut().find(|x| {
                (
                    &x.street,
                    &x.locality,
                    &x.region,
                    &x.postal_code,
                    &x.country,
                    &x.raw,
                ) == key
            }) {
                Some(x) => {
                    union(&mut x.labels, &a.labels);
                    union_shifted(&mut x.sources, &a.sources, offset);
                }
                None => out.addresses.push(crate::model::Address {
                    sources: shift(&a.sources),
                    ..a
                }),
            }
        }
        if let Some(b) = m.birthday {
            match &mut out.birthday {
                Some(x) if x.value == b.value => union_shifted(&mut x.sources, &b.sources, offset),
                Some(_) => add_text(
                    &mut out.notes,
                    format!("Other birthday: {}", b.value),
                    shift(&b.sources),
                ),
                None => {
                    out.birthday = Some(Text {
                        value: b.value,
                        sources: shift(&b.sources),
                    })
                }
            }
        }
        if let Some(a) = m.anniversary {
            match &mut out.anniversary {
                Some(x) if x.value == a.value => union_shifted(&mut x.sources, &a.sources, offset),
                Some(_) => add_text(
                    &mut out.notes,
                    format!("Other anniversary: {}", a.value),
                    shift(&a.sources),
                ),
                None => {
                    out.anniversary = Some(Text {
                        value: a.value,
                        sources: shift(&a.sources),
                    })
                }
            }
        }
        for n in m.notes {
            add_note(&mut out.notes, n.value, shift(&n.sources));
        }
        for p in m.photos {
            add_text(&mut out.photos, p.value, shift(&p.sources));
        }
        for g in m.groups {
            add_text(&mut out.groups, g.value, shift(&g.sources));
        }
        for e in m.events {
            match out
                .events
                .iter_mut()
                .find(|x| x.kind == e.kind && x.date == e.date && x.service == e.service)
            {
                Some(x) => union_shifted(&mut x.sources, &e.sources, offset),
                None => out.events.push(crate::model::Event {
                    sources: shift(&e.sources),
                    ..e
                }),
            }
        }
        out.sources.extend(m.sources);
    }
    absorb_bare_organizations(&mut out.organizations);
    out
}

/// "Northwind Traders" alone next to "Northwind Traders, Head of Data" says nothing more: its
/// sources join the fuller entry instead of showing the company twice.
fn absorb_bare_organizations(orgs: &mut Vec<crate::model::Organization>) {
    let mut i = 0;
    while i < orgs.len() {
        let bare = orgs
            .get(i)
            .is_some_and(|o| o.title.is_empty() && o.department.is_empty() && !o.name.is_empty());
        let fuller = bare
            .then(|| {
                let name = orgs.get(i).map(|o| keys::fold(&o.name)).unwrap_or_default();
                orgs.iter().enumerate().position(|(j, o)| {
                    j != i
                        && (!o.title.is_empty() || !o.department.is_empty())
                        && keys::fold(&o.name) == name
                })
            })
            .flatten();
        match fuller {
            Some(j) => {
                let sources = orgs.get(i).map(|o| o.sources.clone()).unwrap_or_default();
                if let Some(target) = orgs.get_mut(j) {
                    union(&mut target.sources, &sources);
                    target.sources.sort_unstable();
                }
                orgs.remove(i);
            }
            None => i += 1,
        }
    }
}

/// Takes the parts of `m` the shown name lacks: its prefix, middle name and suffix fill empty
/// parts when `m` has the shown given and family name (a middle name of another spelling may
/// belong to another given name); its nicknames join the shown list (", " between them, as the
/// vCard reader joins several). Returns whether every part of `m` is now shown.
fn take_parts(shown: &mut Name, m: &Name) -> bool {
    // Folding allocates: equal strings need none, and most records have no part to give.
    let same = |a: &str, b: &str| a == b || keys::fold(a) == keys::fold(b);
    let gives = !(m.prefix.is_empty() && m.middle.is_empty() && m.suffix.is_empty());
    let same_name = gives && same(&shown.given, &m.given) && same(&shown.family, &m.family);
    let mut all = true;
    for (slot, part) in [
        (&mut shown.prefix, &m.prefix),
        (&mut shown.middle, &m.middle),
        (&mut shown.suffix, &m.suffix),
    ] {
        if part.is_empty() || same(slot, part) {
            continue;
        }
        if slot.is_empty() && same_name {
            slot.clone_from(part);
        } else {
            all = false;
        }
    }
    for nick in m.nickname.split(", ").filter(|n| !n.trim().is_empty()) {
        if !shown.nickname.split(", ").any(|x| same(x, nick)) {
            if !shown.nickname.is_empty() {
                shown.nickname.push_str(", ");
            }
            shown.nickname.push_str(nick);
        }
    }
    all
}

/// A record's name with its prefix and suffix, for an alias that keeps them.
fn display_full(n: &Name) -> String {
    crate::normalize::name::display_full(&crate::normalize::name::NameParts {
        full: n.full.clone(),
        given: n.given.clone(),
        middle: n.middle.clone(),
        family: n.family.clone(),
        prefix: n.prefix.clone(),
        suffix: n.suffix.clone(),
        nickname: String::new(),
    })
}

/// Emails compare case-insensitively; without allocating in the common all-ASCII case.
fn same_email(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.to_lowercase() == b.to_lowercase()
    }
}

/// Two phones are one when their E.164 values, or for a raw-only number its digits and `+`, are
/// the same; compared without building either key.
fn same_phone(a: &crate::model::Phone, b: &crate::model::Phone) -> bool {
    fn key(p: &crate::model::Phone) -> impl Iterator<Item = char> + '_ {
        let raw = p.value.is_empty();
        let s = if raw { &p.raw } else { &p.value };
        s.chars()
            .filter(move |c| !raw || c.is_ascii_digit() || *c == '+')
    }
    key(a).eq(key(b))
}

/// A note already written out as whole lines of another (rolo's vCard joins a contact's notes
/// into one NOTE, which reads back as one note) is that note: its sources join it.
fn add_note(list: &mut Vec<Text>, value: String, sources: Vec<usize>) {
    match list.iter_mut().find(|x| holds_lines(&x.value, &value)) {
        Some(x) => union(&mut x.sources, &sources),
        None => list.push(Text { value, sources }),
    }
}

/// Whether `needle` is `hay`, or whole lines of it (starting and ending at line breaks).
fn holds_lines(hay: &str, needle: &str) -> bool {
    if hay.len() == needle.len() || !hay.contains('\n') {
        return hay == needle;
    }
    !needle.is_empty()
        && hay.match_indices(needle).any(|(i, _)| {
            let end = i + needle.len();
            let starts = i == 0 || hay.get(..i).is_some_and(|h| h.ends_with('\n'));
            let ends = end == hay.len() || hay.get(end..).is_some_and(|t| t.starts_with('\n'));
            starts && ends
        })
}

fn add_text(list: &mut Vec<Text>, value: String, sources: Vec<usize>) {
    match list.iter_mut().find(|x| x.value == value) {
        Some(x) => union(&mut x.sources, &sources),
        None => list.push(Text { value, sources }),
    }
}

/// [`union`] of `from`'s source ids moved by `offset`.
fn union_shifted(into: &mut Vec<usize>, from: &[usize], offset: usize) {
    for v in from.iter().map(|i| i + offset) {
        if !into.contains(&v) {
            into.push(v);
        }
    }
}

fn union<T: Clone + PartialEq>(into: &mut Vec<T>, from: &[T]) {
    for v in from {
        if !into.contains(v) {
            into.push(v.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::holds_lines;

    #[test]
    fn a_note_is_held_only_as_whole_lines() {
        assert!(holds_lines("a", "a"));
        assert!(holds_lines("a\nb\nc", "a"));
        assert!(holds_lines("a\nb\nc", "b"));
        assert!(holds_lines("a\nb\nc", "b\nc"));
        assert!(holds_lines("ab\nb", "b"));
        assert!(!holds_lines("ab\nc", "b"));
        assert!(!holds_lines("abc", "b"));
        assert!(!holds_lines("a\nbc", "b"));
        assert!(!holds_lines("a\nb", ""));
    }
}
