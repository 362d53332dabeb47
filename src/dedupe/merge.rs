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

use crate::model::{Contact, Kind, MergeInfo, Name, SourceIds, Text, ThinVec, Value};
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
            let mut all = ThinVec::new();
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
    for (m, folded) in members.into_iter().zip(folded) {
        let offset = out.sources.len();
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
        let aliases = std::iter::once((alias, folded, own_sources.collect::<SourceIds>())).chain(
            m.aliases.into_iter().map(|mut a| {
                let folded = keys::fold(&a.value);
                shift(&mut a.sources, offset);
                (a.value, folded, a.sources)
            }),
        );
        for (alias, folded, sources) in aliases {
            if folded.is_empty() || folded == shown {
                continue;
            }
            match alias_seen.get(&folded) {
                Some(&i) => {
                    if let Some(a) = out.aliases.get_mut(i) {
                        union(&mut a.sources, sources);
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
        fold(&mut out.emails, m.emails, offset);
        fold(&mut out.phones, m.phones, offset);
        fold(&mut out.organizations, m.organizations, offset);
        fold(&mut out.profiles, m.profiles, offset);
        fold(&mut out.urls, m.urls, offset);
        fold(&mut out.ims, m.ims, offset);
        fold(&mut out.related, m.related, offset);
        fold(&mut out.addresses, m.addresses, offset);
        fold_date(
            &mut out.birthday,
            &mut out.notes,
            m.birthday,
            "birthday",
            offset,
        );
        fold_date(
            &mut out.anniversary,
            &mut out.notes,
            m.anniversary,
            "anniversary",
            offset,
        );
        // A note already written out as whole lines of another (rolo's vCard joins a contact's
        // notes into one NOTE, which reads back as one note) is that note.
        fold_by(&mut out.notes, m.notes, offset, |x, n| {
            holds_lines(&x.value, &n.value)
        });
        fold(&mut out.photos, m.photos, offset);
        fold(&mut out.groups, m.groups, offset);
        fold(&mut out.events, m.events, offset);
        out.sources.extend(m.sources);
    }
    absorb_bare_organizations(&mut out.organizations);
    out
}

/// "Northwind Traders" alone next to "Northwind Traders, Head of Data" says nothing more: its
/// sources join the fuller entry instead of showing the company twice.
fn absorb_bare_organizations(orgs: &mut ThinVec<crate::model::Organization>) {
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
                let sources = orgs
                    .get_mut(i)
                    .map(|o| std::mem::take(&mut o.sources))
                    .unwrap_or_default();
                if let Some(target) = orgs.get_mut(j) {
                    union(&mut target.sources, sources);
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

/// Folds `from`, one record's values, into `into`, the merged contact's: a value already kept
/// takes the new one's labels and sources, and what it lacks; any other is kept after them.
/// `offset` is where the record's sources start in the merged contact.
fn fold<T: Value>(into: &mut ThinVec<T>, from: impl IntoIterator<Item = T>, offset: usize) {
    fold_by(into, from, offset, T::same)
}

/// [`fold`], with `same` saying which kept value a new one is.
fn fold_by<T: Value>(
    into: &mut ThinVec<T>,
    from: impl IntoIterator<Item = T>,
    offset: usize,
    same: impl Fn(&T, &T) -> bool,
) {
    for mut v in from {
        shift(v.sources_mut(), offset);
        match into.iter_mut().find(|x| same(x, &v)) {
            Some(x) => {
                x.complete_from(&mut v);
                if let (Some(have), Some(more)) = (x.labels_mut(), v.labels_mut()) {
                    union(have, std::mem::take(more));
                }
                union(x.sources_mut(), std::mem::take(v.sources_mut()));
            }
            None => into.push(v),
        }
    }
}

/// A birthday or anniversary: the same date read again joins the one kept; another date is not
/// lost, it becomes a note ("Other birthday: 1990-05-01").
fn fold_date(
    kept: &mut Option<Text>,
    notes: &mut ThinVec<Text>,
    date: Option<Text>,
    what: &str,
    offset: usize,
) {
    let Some(mut d) = date else { return };
    shift(&mut d.sources, offset);
    match kept {
        Some(x) if x.same(&d) => union(&mut x.sources, d.sources),
        Some(_) => {
            d.value = format!("Other {what}: {}", d.value);
            fold(notes, [d], 0);
        }
        None => *kept = Some(d),
    }
}

/// Source ids of a record's value moved to where its sources start in the merged contact.
fn shift(sources: &mut [usize], offset: usize) {
    sources.iter_mut().for_each(|s| *s += offset);
}

/// Adds the items of `from` that `into` lacks, in their order.
fn union<T: PartialEq, L: std::ops::Deref<Target = [T]> + Extend<T>>(
    into: &mut L,
    from: impl IntoIterator<Item = T>,
) {
    for v in from {
        if !into.contains(&v) {
            into.extend([v]);
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
