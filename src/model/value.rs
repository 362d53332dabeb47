//! What the kinds of value a contact lists have in common: when two are the same value, and
//! where their labels and sources are. Merging folds every kind through one generic path with
//! this ([`crate::dedupe::merge`]); what differs between kinds is said here, once per kind.

use super::{
    Address, Email, Event, Im, Organization, Phone, Profile, Related, SourceIds, Text, Url,
};
use crate::normalize::keys;

/// A value of a contact: an email, a phone, a link… read from one or more records.
pub trait Value {
    /// Whether `other` is this value read again: it then joins this one instead of being listed.
    fn same(&self, other: &Self) -> bool;

    /// The records (indices into `Contact::sources`) this value was read from.
    fn sources_mut(&mut self) -> &mut SourceIds;

    /// The value's labels (`home`, `work`, a relation…); `None` for a kind without labels.
    fn labels_mut(&mut self) -> Option<&mut Vec<String>> {
        None
    }

    /// Takes from `other`, the same value, what it knows and this one does not (a profile's id,
    /// an IM's service). Most kinds have nothing more than labels and sources.
    fn complete_from(&mut self, _other: &mut Self) {}
}

/// An empty field takes the other's.
fn fill(empty: &mut String, other: &mut String) {
    if empty.is_empty() {
        *empty = std::mem::take(other);
    }
}

// The accessors, alike in every kind that has the field.
macro_rules! sources {
    () => {
        fn sources_mut(&mut self) -> &mut SourceIds {
            &mut self.sources
        }
    };
}
macro_rules! labels {
    () => {
        fn labels_mut(&mut self) -> Option<&mut Vec<String>> {
            Some(&mut self.labels)
        }
    };
}

impl Value for Email {
    /// Emails compare case-insensitively; without allocating in the common all-ASCII case.
    fn same(&self, other: &Self) -> bool {
        let (a, b) = (&self.value, &other.value);
        if a.is_ascii() && b.is_ascii() {
            a.eq_ignore_ascii_case(b)
        } else {
            a.to_lowercase() == b.to_lowercase()
        }
    }
    sources!();
    labels!();
}

impl Value for Phone {
    /// Two phones are one when their E.164 values, or for a raw-only number its digits and `+`,
    /// are the same; compared without building either key.
    fn same(&self, other: &Self) -> bool {
        fn key(p: &Phone) -> impl Iterator<Item = char> + '_ {
            let raw = p.value.is_empty();
            let s = if raw { &p.raw } else { &p.value };
            s.chars()
                .filter(move |c| !raw || c.is_ascii_digit() || *c == '+')
        }
        key(self).eq(key(other))
    }
    sources!();
    labels!();
}

impl Value for Organization {
    /// The same folded name and title: the department stays the first record's.
    fn same(&self, other: &Self) -> bool {
        // Folding allocates: equal strings need none.
        let same = |a: &str, b: &str| a == b || keys::fold(a) == keys::fold(b);
        same(&self.name, &other.name) && same(&self.title, &other.title)
    }
    sources!();
}

impl Value for Profile {
    /// A profile read back from a vCard has lost its service-internal id: the same URL without
    /// an id is the same profile.
    fn same(&self, other: &Self) -> bool {
        self.service == other.service
            && self.url == other.url
            && (self.id == other.id
                || (!self.url.is_empty() && (self.id.is_empty() || other.id.is_empty())))
    }
    sources!();
    fn complete_from(&mut self, other: &mut Self) {
        fill(&mut self.id, &mut other.id);
    }
}

impl Value for Im {
    fn same(&self, other: &Self) -> bool {
        self.value == other.value
    }
    sources!();
    labels!();
    fn complete_from(&mut self, other: &mut Self) {
        fill(&mut self.service, &mut other.service);
    }
}

impl Value for Address {
    /// Every part the same; the labels may differ.
    fn same(&self, other: &Self) -> bool {
        self.street == other.street
            && self.locality == other.locality
            && self.region == other.region
            && self.postal_code == other.postal_code
            && self.country == other.country
            && self.raw == other.raw
    }
    sources!();
    labels!();
}

impl Value for Event {
    fn same(&self, other: &Self) -> bool {
        self.kind == other.kind && self.date == other.date && self.service == other.service
    }
    sources!();
}

/// Photos, groups, a birthday: the same text. (Notes and aliases have their own rules, in
/// merge.rs.)
impl Value for Text {
    fn same(&self, other: &Self) -> bool {
        self.value == other.value
    }
    sources!();
}

impl Value for Url {
    fn same(&self, other: &Self) -> bool {
        self.value == other.value
    }
    sources!();
    labels!();
}

impl Value for Related {
    fn same(&self, other: &Self) -> bool {
        self.value == other.value
    }
    sources!();
    labels!();
}
