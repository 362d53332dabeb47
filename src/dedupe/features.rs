//! What dedupe compares, computed once per record.
//!
//! Matching runs over folded (transliterated, lower-case) forms so that "José Müller" on one
//! platform meets "Jose Muller" on another; nicknames are mapped to a canonical given name
//! ("Bob" → "robert"). None of this is shown to users.

use super::hash::{handle_key, text_key, FastMap};
use super::weights::{EVEN_ODDS, FAMILY_HI, GIVEN_HI};
use super::DedupeOptions;
use crate::model::{Contact, Kind, Name, Platform};
use crate::normalize::{email, keys, name};
use crate::vocab::profile::Service;
use rayon::prelude::*;
use std::borrow::Cow;

/// Organisation suffixes that say nothing about which organisation it is.
const ORG_NOISE: &[&str] = &[
    "inc",
    "ltd",
    "llc",
    "gmbh",
    "ag",
    "sa",
    "sas",
    "srl",
    "bv",
    "nv",
    "plc",
    "co",
    "corp",
    "corporation",
    "company",
    "limited",
    "the",
    "group",
    "ab",
    "as",
    "oy",
    "spa",
    "pvt",
];

/// Email providers: their domain says nothing about where a person works.
const MAIL_PROVIDERS: &[&str] = &[
    "gmail",
    "googlemail",
    "outlook",
    "hotmail",
    "live",
    "yahoo",
    "icloud",
    "proton",
    "protonmail",
    "aol",
    "gmx",
    "mail",
    "yandex",
    "example",
    "inbox",
    "post",
    "web",
    "freenet",
    "orange",
    "wanadoo",
];

/// Words people put around their name in a handle.
const HANDLE_AFFIXES: &[&str] = &[
    "the", "real", "its", "iam", "im", "official", "hey", "mr", "ms", "dr", "xo",
];

/// Services where one person has one account: two different profiles there are two people.
pub const SINGLE_ACCOUNT_SERVICES: &[&str] = &[Service::Linkedin.id(), Service::Facebook.id()];

/// A short text of the features: boxed to its exact length, as a million records hold
/// thirty of them each.
pub type Text = Box<str>;
/// A list of the features, boxed to its exact length (most hold one value or none).
pub type List<T = Text> = Box<[T]>;

/// What dedupe compares of one record. Scoring reads the fields in declaration order
/// (`repr(C)`): what every pair compares (the presence bits, the name ids and weights) comes
/// first, in the first cache lines, and a list is only read when both records have it. At a
/// million records the other record's features are rarely in cache, and each line read is a
/// wait. The texts and lists ([`Draft`] documents each) are packed in three allocations
/// (the texts and the keys) instead of one per text: a million records held thirty boxes each.
#[derive(Debug, Default, Clone)]
#[repr(C)]
pub struct Features {
    /// The numbers, read through `Deref` (`f.n_tokens`).
    pub head: Head,
    texts: Texts,
    /// `handle_keys`, `local_keys` and `name_handles` back to back; the first two end at
    /// `keys_ends`.
    keys: Box<[u64]>,
    keys_ends: [u32; 2],
}

/// What a record's features hold besides texts: what every pair compares first. [`Draft`] and
/// [`Features`] both hold one and read its fields as their own.
#[derive(Debug, Default, Clone)]
#[repr(C)]
pub struct Head {
    /// Which lists and texts are non-empty ([`Present`]); worked out by [`Draft::pack`].
    pub present: u32,
    /// Ids of the name texts, equal exactly when the texts are (0: not numbered; see
    /// [`NameIds`]).
    pub ids: NameIds,
    /// How many name tokens the name has (0: no name).
    pub n_tokens: u32,
    /// Records in the data bearing this family name.
    pub family_count: u32,
    pub ambiguity: u32,
    pub platform: Platform,
    pub kind: Kind,
    /// Term-frequency weights of this record's given and family name, and how many people of
    /// one list bear its full name; filled from [`Stats`] once all records are in.
    pub given_weight: f64,
    pub family_weight: f64,
    /// What agreeing on the given name's first letter is worth.
    pub initial_weight: f64,
    /// What name evidence loses in a large population (`Stats::name_offset`).
    pub name_offset: f64,
    /// The input the record came from, hashed (records of one export share it; 0: none).
    pub input: u64,
    /// Nickname groups of `given` (`keys::nickname_groups`; [`Features::given_canon`]).
    pub given_groups: &'static [&'static str],
    /// Where the name's handle spellings of each kind end (see `Draft::name_handles`): the
    /// first `name_handles_full` spell the whole name, up to `name_handles_family` an initial
    /// and the family name, the rest the given name and an initial; given name + family
    /// initial spellings end at `name_handles_initial`, and given + start of the family name
    /// (`michellesmi`) follow.
    pub name_handles_full: usize,
    pub name_handles_family: usize,
    pub name_handles_initial: usize,
}

/// Both read their [`Head`]'s fields as their own.
macro_rules! reads_head {
    ($($t:ty),*) => {$(
        impl std::ops::Deref for $t {
            type Target = Head;
            fn deref(&self) -> &Head {
                &self.head
            }
        }
        impl std::ops::DerefMut for $t {
            fn deref_mut(&mut self) -> &mut Head {
                &mut self.head
            }
        }
    )*};
}
reads_head!(Features, Draft);

/// The texts of one record's features (see [`Draft`]), back to back in one string: the ten
/// single texts, then the items of the fifteen lists in [`Many`] order.
#[derive(Debug, Default, Clone)]
struct Texts {
    text: Box<str>,
    /// Where each single text ends in `text`: kept inline, as the names are read for every
    /// pair and another allocation would be another cache miss.
    singles: [u32; SINGLES],
    /// Where each list item ends in `text`; an item starts where the one before it ends.
    ends: Box<[u32]>,
    /// Where each list's items end, counted after the single texts.
    lists: [u16; LISTS],
}

/// The single texts, in their order in [`Texts`].
#[derive(Clone, Copy)]
enum One {
    Given,
    GivenInitials,
    GivenTranslit,
    FamilyTranslit,
    Family,
    FamilyHead,
    FamilyTail,
    NameKey,
    BirthdayMd,
    BirthdayFull,
}
const SINGLES: usize = 10;

/// The lists, in their order in [`Texts`]. Profiles and streets are pairs: two lists each,
/// index for index.
#[derive(Clone, Copy)]
enum Many {
    Emails,
    EmailLocals,
    Phones,
    PhoneTails,
    ProfileServices,
    ProfileKeys,
    Handles,
    Orgs,
    OrgLetters,
    EmailDomains,
    Titles,
    Cities,
    Postcodes,
    StreetNumbers,
    StreetNames,
}
const LISTS: usize = 15;

/// Values of one kind matching reads of a record; a record with more is broken or hostile (the
/// output keeps them all), and the bound keeps the item counts in `u16`.
const LIST_MAX: usize = 4096;

impl Texts {
    /// Where item `i` (the single texts, then the list items) ends in `text`.
    fn end(&self, i: usize) -> u32 {
        match i.checked_sub(SINGLES) {
            None => self.singles.get(i).copied().unwrap_or(0),
            Some(j) => self.ends.get(j).copied().unwrap_or(0),
        }
    }

    fn item(&self, i: usize) -> &str {
        let start = i.checked_sub(1).map_or(0, |before| self.end(before));
        let end = self.end(i).max(start);
        self.text.get(start as usize..end as usize).unwrap_or("")
    }

    fn one(&self, which: One) -> &str {
        self.item(which as usize)
    }

    fn many(&self, which: Many) -> Items<'_> {
        let k = which as usize;
        let start = k
            .checked_sub(1)
            .and_then(|before| self.lists.get(before))
            .copied()
            .unwrap_or(0);
        let end = self.lists.get(k).copied().unwrap_or(start);
        Items {
            texts: self,
            at: SINGLES + usize::from(start),
            end: SINGLES + usize::from(end.max(start)),
        }
    }
}

/// The texts of one list of a record's features, in order (sorted, without repeats, for all
/// but the pairs' halves).
#[derive(Debug, Clone)]
pub struct Items<'a> {
    texts: &'a Texts,
    at: usize,
    end: usize,
}

impl<'a> Items<'a> {
    pub fn iter(&self) -> Items<'a> {
        self.clone()
    }

    pub fn is_empty(&self) -> bool {
        self.at >= self.end
    }

    pub fn first(&self) -> Option<&'a str> {
        self.get(0)
    }

    pub fn get(&self, i: usize) -> Option<&'a str> {
        let i = self.at.checked_add(i)?;
        (i < self.end).then(|| self.texts.item(i))
    }

    /// Whether the (sorted) list holds `x`.
    pub fn has(&self, x: &str) -> bool {
        let (mut lo, mut hi) = (self.at, self.end);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.texts.item(mid).cmp(x) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return true,
            }
        }
        false
    }
}

impl<'a> Iterator for Items<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        (self.at < self.end).then(|| {
            self.at += 1;
            self.texts.item(self.at - 1)
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.end.saturating_sub(self.at);
        (n, Some(n))
    }
}

impl ExactSizeIterator for Items<'_> {}

/// Accessors named as [`Draft`]'s fields.
macro_rules! texts {
    ($($name:ident: $which:ident),* $(,)?) => {
        $(pub fn $name(&self) -> &str { self.texts.one(One::$which) })*
    };
}
macro_rules! lists {
    ($($name:ident: $which:ident),* $(,)?) => {
        $(pub fn $name(&self) -> Items<'_> { self.texts.many(Many::$which) })*
    };
}

impl Features {
    texts! {
        given: Given, given_initials: GivenInitials, given_translit: GivenTranslit,
        family_translit: FamilyTranslit, family: Family, family_head: FamilyHead,
        family_tail: FamilyTail, name_key: NameKey, birthday_md: BirthdayMd,
        birthday_full: BirthdayFull,
    }
    lists! {
        emails: Emails, email_locals: EmailLocals, phones: Phones, phone_tails: PhoneTails,
        handles: Handles, orgs: Orgs, org_letters: OrgLetters, email_domains: EmailDomains,
        titles: Titles, cities: Cities, postcodes: Postcodes,
    }

    /// `(service, url-or-id)` pairs.
    pub fn profiles(&self) -> std::iter::Zip<Items<'_>, Items<'_>> {
        let t = &self.texts;
        t.many(Many::ProfileServices).zip(t.many(Many::ProfileKeys))
    }

    /// `(house number, street name)` pairs.
    pub fn streets(&self) -> std::iter::Zip<Items<'_>, Items<'_>> {
        let t = &self.texts;
        t.many(Many::StreetNumbers).zip(t.many(Many::StreetNames))
    }

    fn key_part(&self, part: usize) -> &[u64] {
        let start = part
            .checked_sub(1)
            .and_then(|before| self.keys_ends.get(before))
            .map_or(0, |&e| e as usize);
        let end = self
            .keys_ends
            .get(part)
            .map_or(self.keys.len(), |&e| e as usize);
        self.keys.get(start..end.max(start)).unwrap_or(&[])
    }

    pub fn handle_keys(&self) -> &[u64] {
        self.key_part(0)
    }

    pub fn local_keys(&self) -> &[u64] {
        self.key_part(1)
    }

    pub fn name_handles(&self) -> &[u64] {
        self.key_part(2)
    }
}

impl Draft {
    /// The features these texts and lists make, packed, their presence bits worked out.
    pub fn pack(self) -> Features {
        let lists: [&[Text]; LISTS] = [
            &self.emails,
            &self.email_locals,
            &self.phones,
            &self.phone_tails,
            &[],
            &[],
            &self.handles,
            &self.orgs,
            &self.org_letters,
            &self.email_domains,
            &self.titles,
            &self.cities,
            &self.postcodes,
            &[],
            &[],
        ];
        let singles = [
            &self.given,
            &self.given_initials,
            &self.given_translit,
            &self.family_translit,
            &self.family,
            &self.family_head,
            &self.family_tail,
            &self.name_key,
            &self.birthday_md,
            &self.birthday_full,
        ];
        let len = |v: &[Text]| v.iter().take(LIST_MAX).map(|t| t.len()).sum::<usize>();
        let bytes = singles.iter().map(|t| t.len()).sum::<usize>()
            + lists.iter().map(|l| len(l)).sum::<usize>()
            + self
                .profiles
                .iter()
                .take(LIST_MAX)
                .map(|(s, k)| s.len() + k.len())
                .sum::<usize>()
            + self
                .streets
                .iter()
                .take(LIST_MAX)
                .map(|(n, s)| n.len() + s.len())
                .sum::<usize>();
        let items = lists.iter().map(|l| l.len().min(LIST_MAX)).sum::<usize>()
            + 2 * self.profiles.len().min(LIST_MAX)
            + 2 * self.streets.len().min(LIST_MAX);
        let mut text = String::with_capacity(bytes);
        let offset = |text: &String| u32::try_from(text.len()).unwrap_or(u32::MAX);
        let mut ends_of_singles = [0u32; SINGLES];
        for (end, s) in ends_of_singles.iter_mut().zip(singles) {
            text.push_str(s);
            *end = offset(&text);
        }
        let mut list_ends: Vec<u32> = Vec::with_capacity(items);
        let mut push = |s: &str| {
            text.push_str(s);
            list_ends.push(offset(&text));
        };
        let mut ends_of_lists = [0u16; LISTS];
        let mut count = 0usize;
        for (k, end) in ends_of_lists.iter_mut().enumerate() {
            let profiles = self.profiles.iter().take(LIST_MAX);
            let streets = self.streets.iter().take(LIST_MAX);
            // The pairs' halves are pushed from the pairs; the others from `lists`.
            const SERVICES: usize = Many::ProfileServices as usize;
            const KEYS: usize = Many::ProfileKeys as usize;
            const NUMBERS: usize = Many::StreetNumbers as usize;
            const NAMES: usize = Many::StreetNames as usize;
            count += match k {
                SERVICES => profiles.map(|(s, _)| push(s)).count(),
                KEYS => profiles.map(|(_, key)| push(key)).count(),
                NUMBERS => streets.map(|(n, _)| push(n)).count(),
                NAMES => streets.map(|(_, name)| push(name)).count(),
                _ => lists
                    .get(k)
                    .into_iter()
                    .flat_map(|l| l.iter().take(LIST_MAX))
                    .map(|t| push(t))
                    .count(),
            };
            // At most fifteen lists of LIST_MAX items: within u16.
            *end = u16::try_from(count).unwrap_or(u16::MAX);
        }
        let mut keys = Vec::with_capacity(
            self.handle_keys.len() + self.local_keys.len() + self.name_handles.len(),
        );
        keys.extend_from_slice(&self.handle_keys);
        let handles_end = keys.len();
        keys.extend_from_slice(&self.local_keys);
        let locals_end = keys.len();
        keys.extend_from_slice(&self.name_handles);
        let mut f = Features {
            head: self.head,
            texts: Texts {
                text: text.into_boxed_str(),
                singles: ends_of_singles,
                ends: list_ends.into_boxed_slice(),
                lists: ends_of_lists,
            },
            keys: keys.into_boxed_slice(),
            keys_ends: [
                u32::try_from(handles_end).unwrap_or(u32::MAX),
                u32::try_from(locals_end).unwrap_or(u32::MAX),
            ],
        };
        f.present = f.presence();
        f
    }

    /// [`Features::given_canon`] of the draft.
    pub fn given_canon(&self) -> &str {
        keys::canonical_of(&self.given, self.given_groups)
    }
}

/// A record's features as extraction builds them (and tests write them), each text and list
/// in a box of its own; [`Draft::pack`] turns them into [`Features`]. The field comments are
/// the features' documentation.
#[derive(Debug, Default, Clone)]
pub struct Draft {
    /// The numbers ([`Head`]), read through `Deref` (`d.n_tokens`).
    pub head: Head,
    /// Folded first given-name token (its nickname-canonical form: [`Features::given_canon`]).
    pub given: Text,
    /// Initials of a given name of several words ("jp" of Jean-Pierre); empty otherwise.
    pub given_initials: Text,
    /// Transliteration keys of `given` and `family` (Yevgeny and Evgenii meet).
    pub given_translit: Text,
    pub family_translit: Text,
    /// Folded family name without spaces ("van der berg" → "vanderberg").
    pub family: Text,
    /// The first surname of a multi-word family name, particles included ("rodriguez" of
    /// "Rodríguez Blanco", "delalamo" of "del Álamo Ortiz"); empty for a one-surname name.
    pub family_head: Text,
    /// For a name re-split by [`resplit_surname_middles`], the family name as first parsed
    /// ("jones" of "Mary Parker Jones", whose Parker the data knows as a surname: a maiden name
    /// kept in the middle is as likely as a Spanish first surname); empty otherwise.
    pub family_tail: Text,
    /// Sorted-token key of the whole name.
    pub name_key: Text,
    pub emails: List,
    /// Email local parts folded to letters only ("jane.doe92" → "janedoe").
    pub email_locals: List,
    /// E.164 values.
    pub phones: List,
    /// Last 8 digits of every number, parsed or raw: national and international spellings meet.
    pub phone_tails: List,
    /// `service url-or-id` keys.
    pub profiles: List<(Cow<'static, str>, Text)>,
    /// Handles folded to letters only (Instagram, X, Mastodon, GitHub, Telegram).
    pub handles: List,
    /// Handle keys of `handles` and of `email_locals`, index for index.
    pub handle_keys: List<u64>,
    pub local_keys: List<u64>,
    pub orgs: List,
    /// Organisation names and email domains as bare letters ("Los Pollos Logistics" and
    /// "@lospolloslogistics.example.com" both give "lospolloslogistics").
    pub org_letters: List,
    pub email_domains: List,
    pub titles: List,
    pub cities: List,
    /// Postcodes as letters and digits only ("SW1A 1AA" → "sw1a1aa").
    pub postcodes: List,
    /// Streets as (house number, street name as letters only): "60 Currong Street, Chactor" →
    /// ("60", "currongstreet"). The number may be empty.
    pub streets: List<(Text, Text)>,
    /// `MM-DD` and the full date when it has a year.
    pub birthday_md: Text,
    pub birthday_full: Text,
    /// Handle-like spellings of the name (see [`name_handles`]), computed once and kept as
    /// their handle keys (`blocking::handle_key`): the first `name_handles_full` spell the whole
    /// name, up to `name_handles_family` an initial and the family name, the rest the given name
    /// and an initial.
    pub name_handles: List<u64>,
}

/// Ids of a record's name texts, numbered run-wide by [`number_names`] so that name
/// comparisons, which mostly meet equal names, test two integers rather than two strings the
/// other record keeps elsewhere in memory. Texts compared with each other share a table (a given
/// name is compared with a family name too: swapped order). The numbering follows record order,
/// so it is the same whatever the thread schedule, and it never decides anything: equal ids are
/// equal texts.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
#[repr(C)]
pub struct NameIds {
    pub given: u32,
    pub canon: u32,
    pub given_translit: u32,
    pub family: u32,
    pub family_head: u32,
    pub family_tail: u32,
    pub family_translit: u32,
    pub name_key: u32,
}

/// Whether two texts with ids `x` and `y` (0: none) are equal: by the ids when both have one.
#[inline]
pub fn same(x: u32, a: &str, y: u32, b: &str) -> bool {
    if x != 0 && y != 0 {
        x == y
    } else {
        a == b
    }
}

/// Bits of [`Features::present`]: the field is non-empty.
pub struct Present;

impl Present {
    pub const EMAILS: u32 = 1 << 0;
    pub const EMAIL_LOCALS: u32 = 1 << 1;
    pub const PHONES: u32 = 1 << 2;
    pub const PHONE_TAILS: u32 = 1 << 3;
    pub const PROFILES: u32 = 1 << 4;
    pub const HANDLES: u32 = 1 << 5;
    pub const ORGS: u32 = 1 << 6;
    pub const ORG_LETTERS: u32 = 1 << 7;
    pub const EMAIL_DOMAINS: u32 = 1 << 8;
    pub const TITLES: u32 = 1 << 9;
    pub const CITIES: u32 = 1 << 10;
    pub const POSTCODES: u32 = 1 << 11;
    pub const STREETS: u32 = 1 << 12;
    pub const BIRTHDAY: u32 = 1 << 13;
}

impl Head {
    pub fn has_name(&self) -> bool {
        self.n_tokens > 0
    }
}

impl Features {
    /// Which fields are non-empty ([`Present`] bits).
    #[inline]
    pub fn present(&self) -> u32 {
        self.present
    }

    fn presence(&self) -> u32 {
        let bits = [
            (self.emails().is_empty(), Present::EMAILS),
            (self.email_locals().is_empty(), Present::EMAIL_LOCALS),
            (self.phones().is_empty(), Present::PHONES),
            (self.phone_tails().is_empty(), Present::PHONE_TAILS),
            (
                self.texts.many(Many::ProfileKeys).is_empty(),
                Present::PROFILES,
            ),
            (self.handles().is_empty(), Present::HANDLES),
            (self.orgs().is_empty(), Present::ORGS),
            (self.org_letters().is_empty(), Present::ORG_LETTERS),
            (self.email_domains().is_empty(), Present::EMAIL_DOMAINS),
            (self.titles().is_empty(), Present::TITLES),
            (self.cities().is_empty(), Present::CITIES),
            (self.postcodes().is_empty(), Present::POSTCODES),
            (
                self.texts.many(Many::StreetNames).is_empty(),
                Present::STREETS,
            ),
            (self.birthday_md().is_empty(), Present::BIRTHDAY),
        ];
        bits.iter()
            .filter(|(empty, _)| !empty)
            .fold(0, |m, (_, bit)| m | bit)
    }

    /// The nickname-canonical form of `given` ("robert" of "bob"): worked out when asked, it is
    /// `given` or a name of its groups.
    pub fn given_canon(&self) -> &str {
        keys::canonical_of(self.given(), self.given_groups)
    }

    pub fn given_word(&self) -> Word<'_> {
        Word {
            text: self.given(),
            canon: self.given_canon(),
            translit: self.given_translit(),
            groups: self.given_groups,
            initials: self.given_initials(),
            tail: "",
            count: 0,
            ids: WordIds {
                text: self.ids.given,
                canon: self.ids.canon,
                translit: self.ids.given_translit,
                tail: 0,
            },
        }
    }

    pub fn family_word(&self) -> Word<'_> {
        Word {
            text: self.family(),
            canon: self.family_head(),
            translit: self.family_translit(),
            groups: &[],
            initials: "",
            tail: self.family_tail(),
            count: self.family_count,
            ids: WordIds {
                text: self.ids.family,
                canon: self.ids.family_head,
                translit: self.ids.family_translit,
                tail: self.ids.family_tail,
            },
        }
    }
}

fn letters(s: &str) -> String {
    keys::fold(s)
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .collect()
}

fn org_key(s: &str) -> String {
    keys::tokens(s)
        .into_iter()
        .filter(|t| !ORG_NOISE.contains(&t.as_str()))
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn extract(c: &Contact, fold_gmail: bool) -> Features {
    extract_named(c, &c.name, fold_gmail)
}

/// Family name counts at least this, and this many times its given-name count, for a middle
/// name to be taken for a surname.
const SURNAME_MIN: u32 = 3;
const SURNAME_OVER_GIVEN: u32 = 4;

/// Records whose last middle names the data knows as family names, with the name re-split.
/// "Josefa Mendoza Guerrero", typed as one string (Facebook, Telegram), parses as given Josefa,
/// middle Mendoza, family Guerrero; but Spanish and Portuguese names carry two surnames, and
/// the data holds Mendoza as a family name often and as a given name rarely, so the family name
/// is Mendoza Guerrero. Without it, "Josefa Guerrero Ruiz" would look like the same woman
/// with her second surname dropped, and "Jiménez de la Fuente" would miss "de la Fuente".
pub fn resplit_surname_middles(records: &[Contact]) -> Vec<(usize, Name)> {
    type Counts = FastMap<String, (u32, u32)>;
    let counts: Counts = records
        .par_iter()
        .filter(|r| r.name.middle.is_empty() && !r.name.family.is_empty())
        .fold(Counts::default, |mut m, r| {
            if let Some(g) = keys::tokens(&r.name.given).into_iter().next() {
                m.entry(g).or_default().0 += 1;
            }
            for t in keys::tokens(&r.name.family) {
                if !name::is_particle(&t) {
                    m.entry(t).or_default().1 += 1;
                }
            }
            m
        })
        .reduce(Counts::default, |mut a, b| {
            for (k, (g, f)) in b {
                let e = a.entry(k).or_default();
                e.0 += g;
                e.1 += f;
            }
            a
        });
    let surname = |t: &str| {
        let key = keys::fold(t).replace(' ', "");
        counts.get(&key).is_some_and(|&(given, family)| {
            family >= SURNAME_MIN && family >= SURNAME_OVER_GIVEN * given
        })
    };
    records
        .par_iter()
        .enumerate()
        .filter(|(_, r)| !r.name.middle.is_empty() && !r.name.family.is_empty())
        .filter_map(|(i, r)| {
            let words: Vec<&str> = r.name.middle.split_whitespace().collect();
            let mut cut = words.len();
            while cut > 0 {
                let w = words.get(cut - 1).copied().unwrap_or("");
                let moved_one = cut < words.len();
                if surname(w) || (moved_one && name::is_particle(w)) {
                    cut -= 1;
                } else {
                    break;
                }
            }
            // Particles alone ("de") are not a surname.
            let moved = words.get(cut..)?;
            if !moved.iter().any(|w| surname(w)) {
                return None;
            }
            let mut n = r.name.clone();
            n.family = format!("{} {}", moved.join(" "), r.name.family);
            n.middle = words.get(..cut).unwrap_or(&[]).join(" ");
            Some((i, n))
        })
        .collect()
}

/// [`extract`] with the record's name replaced by `n`.
pub fn extract_named(c: &Contact, n: &Name, fold_gmail: bool) -> Features {
    draft_named(c, n, fold_gmail).pack()
}

/// [`extract_named`] before packing.
fn draft_named(c: &Contact, n: &Name, fold_gmail: bool) -> Draft {
    let mut f = Draft::default();
    if let Some(s) = c.source() {
        f.platform = s.platform;
        f.kind = s.kind;
        f.input = text_key(&s.input);
    }
    let full = if n.full.is_empty() {
        format!("{} {} {}", n.given, n.middle, n.family)
    } else {
        n.full.clone()
    };
    // Facebook and Telegram give "毛海华" unsplit; the phone knows 毛 and 海华.
    let guess = if n.given.is_empty() && n.family.is_empty() {
        name::split_unspaced_east_asian(&full)
    } else {
        None
    };
    let (given_src, family_src) = match guess {
        Some((family, given)) => (given, family),
        None => (n.given.as_str(), n.family.as_str()),
    };
    // Han, Kana and Hangul transliterate one syllable per character: "殷家晨" is Yin Jiachen,
    // not the three words "yin jia chen" (whose "jia" would pass for a short form of Jialin).
    let east_asian = name::is_east_asian(&full) && !given_src.is_empty() && !family_src.is_empty();
    let words = |s: &str| -> Vec<String> {
        let t = keys::tokens(s);
        if east_asian && !t.is_empty() {
            vec![t.concat()]
        } else {
            t
        }
    };
    let mut tokens = if east_asian {
        let mut t = words(family_src);
        t.extend(words(given_src));
        t
    } else {
        keys::tokens(&full)
    };
    // Credentials and prefixes are not the person: leave them out of the tokens when known.
    let noise: Vec<String> = keys::tokens(&format!("{} {}", n.prefix, n.suffix));
    tokens.retain(|t| !noise.contains(t));
    let given_words = words(given_src);
    if given_words.len() >= 2 {
        // "Jean-Pierre", "Juan Carlos": their initials ("jp", "jc") are a name of their own.
        f.given_initials = given_words.iter().filter_map(|w| w.get(..1)).collect();
    }
    f.given = given_words
        .into_iter()
        .next()
        .or_else(|| tokens.first().cloned())
        .unwrap_or_default()
        .into_boxed_str();
    let family_tokens = words(family_src);
    let mut head = String::new();
    for (i, t) in family_tokens.iter().enumerate() {
        head.push_str(t);
        if i + 1 < family_tokens.len() && !name::is_particle(t) {
            f.family_head = head.into_boxed_str();
            break;
        }
    }
    f.family = family_tokens.concat().into_boxed_str();
    if f.family.is_empty() && tokens.len() > 1 {
        f.family = tokens.last().map(|t| t.as_str().into()).unwrap_or_default();
    }
    f.given_groups = keys::nickname_groups(&f.given);
    f.given_translit = keys::translit_key(&f.given).into_boxed_str();
    f.family_translit = keys::translit_key(&f.family).into_boxed_str();
    tokens.sort();
    tokens.dedup();
    f.name_key = tokens.join(" ").into_boxed_str();
    f.n_tokens = u32::try_from(tokens.len()).unwrap_or(u32::MAX);

    let mut emails = Vec::new();
    let mut email_locals = Vec::new();
    let mut email_domains = Vec::new();
    for e in &c.emails {
        let key = email::match_key(&e.value, fold_gmail);
        if let Some((local, _)) = key.rsplit_once('@') {
            let l = letters(local);
            if l.len() >= 4 {
                email_locals.push(l);
            }
        }
        if let Some((_, domain)) = key.rsplit_once('@') {
            let first: String = domain
                .split('.')
                .next()
                .unwrap_or("")
                .chars()
                .filter(|c| c.is_ascii_alphabetic())
                .collect();
            if first.len() >= 4 && !MAIL_PROVIDERS.contains(&first.as_str()) {
                email_domains.push(first);
            }
        }
        emails.push(key);
    }
    let mut phones = Vec::new();
    let mut phone_tails = Vec::new();
    for p in &c.phones {
        if !p.value.is_empty() {
            let v = p.value.split(';').next().unwrap_or("").to_string();
            phones.push(v);
        }
        let src = if p.value.is_empty() { &p.raw } else { &p.value };
        let digits: String = src
            .split([';', 'x'])
            .next()
            .unwrap_or("")
            .chars()
            .filter(|c| c.is_ascii_digit())
            .collect();
        if digits.len() >= 8 {
            let tail = digits.get(digits.len() - 8..).unwrap_or("").to_string();
            phone_tails.push(tail);
        }
    }
    let mut profiles: Vec<(Cow<'static, str>, Text)> = Vec::new();
    let mut handles = Vec::new();
    for p in &c.profiles {
        let key = if p.url.is_empty() { &p.id } else { &p.url };
        if !key.is_empty() {
            profiles.push((service_id(&p.service), key.to_lowercase().into_boxed_str()));
        }
        if !p.handle.is_empty() && p.service != Service::Linkedin {
            let h = letters(p.handle.split('@').find(|s| !s.is_empty()).unwrap_or(""));
            if h.len() >= 3 {
                // "theaishasabbagh", "janedoeofficial": the name inside a decorated handle.
                for a in HANDLE_AFFIXES {
                    for core in [h.strip_prefix(a), h.strip_suffix(a)].into_iter().flatten() {
                        if core.len() >= 6 {
                            handles.push(core.to_string());
                        }
                    }
                }
                handles.push(h);
            }
        }
    }
    let mut orgs = Vec::new();
    let mut org_letters = Vec::new();
    let mut titles = Vec::new();
    for o in &c.organizations {
        let k = org_key(&o.name);
        if !k.is_empty() {
            let l: String = k.chars().filter(|c| c.is_ascii_alphabetic()).collect();
            if l.len() >= 4 {
                org_letters.push(l);
            }
            orgs.push(k);
        }
        let t = keys::fold(&o.title);
        if !t.is_empty() {
            titles.push(t);
        }
    }
    let mut cities = Vec::new();
    let mut postcodes = Vec::new();
    let mut streets = Vec::new();
    for a in &c.addresses {
        let city = keys::fold(&a.locality);
        if !city.is_empty() {
            cities.push(city);
        }
        let code: String = keys::fold(&a.postal_code)
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect();
        if code.len() >= 3 {
            postcodes.push(code);
        }
        if let Some((number, name)) = street_key(&a.street) {
            streets.push((number.into_boxed_str(), name.into_boxed_str()));
        }
    }
    if let Some(b) = &c.birthday {
        let v = b.value.as_str();
        if let Some(md) = v.strip_prefix("--") {
            f.birthday_md = md.get(..5).unwrap_or(md).into();
        } else if v.len() >= 10 {
            f.birthday_md = v.get(5..10).unwrap_or("").into();
            f.birthday_full = v.get(..10).unwrap_or("").into();
        }
    }
    f.emails = sorted(emails);
    f.email_locals = sorted(email_locals);
    f.phones = sorted(phones);
    f.phone_tails = sorted(phone_tails);
    f.handles = sorted(handles);
    f.orgs = sorted(orgs);
    f.org_letters = sorted(org_letters);
    f.email_domains = sorted(email_domains);
    f.titles = sorted(titles);
    f.cities = sorted(cities);
    f.postcodes = sorted(postcodes);
    profiles.sort();
    profiles.dedup();
    f.profiles = profiles.into_boxed_slice();
    streets.sort();
    streets.dedup();
    f.streets = streets.into_boxed_slice();
    // A LinkedIn vanity URL spells the name the member signed up with: "abdullah-mansour" for
    // a connection shown as Abdallah Mansour, "adrian-martinez" for Adrián Martínez Vicente
    // (the trailing id has digits).
    let vanity: Vec<String> = c
        .profiles
        .iter()
        .filter(|p| f.has_name() && p.service == Service::Linkedin && !p.handle.is_empty())
        .filter_map(|p| {
            let words: Vec<&str> = p
                .handle
                .split('-')
                .filter(|w| !w.is_empty() && !w.chars().any(|c| c.is_ascii_digit()))
                .collect();
            let slug = letters(&words.concat());
            (words.len() >= 2 && slug.len() >= 6).then_some(slug)
        })
        .collect();
    let (forms, full, family, initial) = name_handles(&f, &vanity);
    f.name_handles = forms.iter().map(|k| handle_key(k)).collect();
    f.name_handles_full = full;
    f.name_handles_family = family;
    f.name_handles_initial = initial;
    f.handle_keys = f.handles.iter().map(|h| handle_key(h)).collect();
    f.local_keys = f.email_locals.iter().map(|h| handle_key(h)).collect();
    f
}

/// A service's id, borrowed for the services rolo knows (nearly every profile).
fn service_id(s: &Service) -> Cow<'static, str> {
    match Service::KNOWN.iter().find(|k| *k == s) {
        Some(k) => Cow::Borrowed(k.id()),
        None => Cow::Owned(s.id().to_string()),
    }
}

/// `values` sorted, without repeats, each boxed to its length.
fn sorted(mut values: Vec<String>) -> List {
    values.sort();
    values.dedup();
    values.into_iter().map(String::into_boxed_str).collect()
}

/// The house number and street name of a street line: the first line (before a comma or line
/// break), its first word with a digit as the number, the other words as letters only.
/// "Flat 2, 60 Currong St" keeps "flat 2" as the first line: numbers of flats and houses are not
/// told apart, which only costs a weaker agreement.
fn street_key(street: &str) -> Option<(String, String)> {
    let line = street.split([',', '\n']).next().unwrap_or("");
    let mut number = String::new();
    let mut name = String::new();
    for w in keys::fold(line).split_whitespace() {
        if number.is_empty() && w.chars().any(|c| c.is_ascii_digit()) {
            number = w.chars().filter(char::is_ascii_alphanumeric).collect();
        } else {
            name.extend(w.chars().filter(char::is_ascii_alphabetic));
        }
    }
    (name.len() >= 3).then_some((number, name))
}

/// Handle-like keys a named record offers, for meeting handle-only records ("jane.doe92" ↔
/// Jane Doe), and how many of them come first as whole-name spellings: given+family and
/// family+given (also with the full form of a nickname: Alex Campbell may be
/// `alexandercampbell`, and the name `vanity` URLs spell), then initial+family, given+initial,
/// and given + the first two to four letters of the family name (`michellesmi`).
pub fn name_handles(f: &Draft, vanity: &[String]) -> (Vec<String>, usize, usize, usize) {
    let letters_of =
        |s: &str| -> String { s.chars().filter(|c| c.is_ascii_alphabetic()).collect() };
    let g = letters_of(&f.given);
    let canon = letters_of(f.given_canon());
    // Spanish and Portuguese double surnames: handles and emails often use the first alone.
    let fams = [letters_of(&f.family), letters_of(&f.family_head)];
    let mut full = Vec::new();
    let mut initial = Vec::new();
    let mut given_initial = Vec::new();
    let mut given_start = Vec::new();
    let push = |out: &mut Vec<String>, k: String| {
        if k.len() >= 3 && !out.contains(&k) {
            out.push(k);
        }
    };
    for fam in fams.iter().filter(|x| x.len() >= 2) {
        for given in [&g, &canon] {
            if given.len() >= 2 {
                push(&mut full, format!("{given}{fam}"));
                push(&mut full, format!("{fam}{given}"));
            }
        }
        if g.len() >= 2 {
            push(
                &mut initial,
                g.get(..1).map(|i| format!("{i}{fam}")).unwrap_or_default(),
            );
            push(
                &mut given_initial,
                fam.get(..1).map(|i| format!("{g}{i}")).unwrap_or_default(),
            );
            for k in 2..=4 {
                if fam.len() > k {
                    if let Some(start) = fam.get(..k) {
                        push(&mut given_start, format!("{g}{start}"));
                    }
                }
            }
        }
    }
    initial.retain(|k| !full.contains(k));
    given_initial.retain(|k| !full.contains(k) && !initial.contains(k));
    given_start.retain(|k| !full.contains(k) && !initial.contains(k) && !given_initial.contains(k));
    for v in vanity {
        if !full.contains(v) && !initial.contains(v) && !given_initial.contains(v) {
            full.push(v.clone());
        }
    }
    let n = full.len();
    full.extend(initial);
    let m = full.len();
    full.extend(given_initial);
    let o = full.len();
    full.extend(given_start);
    (full, n, m, o)
}

/// A cannot-link list: (input, file, kind) of a platform list file, whose rows are distinct
/// people, or of the contacts read back from one rolo output.
pub(super) type ListKey<'a> = (&'a str, &'a str, Kind);

/// The cannot-link list a record is on, if any.
pub(super) fn list_key(r: &Contact) -> Option<ListKey<'_>> {
    let s = r.source()?;
    if s.kind.is_distinct_list() {
        Some((&*s.input, &*s.file, s.kind))
    } else if !s.prior_id.is_empty() {
        // The contacts of one rolo output (ids.rs) are people rolo already told apart.
        Some(super::ids::prior_list(s))
    } else {
        None
    }
}

/// Per-record features, cannot-link list ids and frequency stats.
pub struct Prepared {
    pub feats: Vec<Features>,
    pub lists: Vec<Option<u32>>,
}

pub fn prepare(
    records: &[Contact],
    opts: &DedupeOptions,
    progress: &dyn crate::progress::Progress,
) -> Prepared {
    let batched = crate::progress::Batched::new(progress, records.len());
    let mut feats: Vec<Features> = records
        .par_iter()
        .enumerate()
        .map(|(i, r)| {
            batched.at(i);
            extract(r, opts.fold_gmail)
        })
        .collect();
    batched.done();
    let resplit: Vec<(usize, Features)> = resplit_surname_middles(records)
        .into_par_iter()
        .filter_map(|(i, name)| {
            let r = records.get(i)?;
            let mut f = draft_named(r, &name, opts.fold_gmail);
            f.family_tail = keys::tokens(&r.name.family).concat().into_boxed_str();
            Some((i, f.pack()))
        })
        .collect();
    for (i, new) in resplit {
        if let Some(f) = feats.get_mut(i) {
            *f = new;
        }
    }
    let mut list_ids: FastMap<ListKey<'_>, u32> = FastMap::default();
    // Name ambiguity is counted per (platform, kind): one platform's connections, friends or
    // address book hold a person about once, so a name seen twice there is two people.
    let mut group_ids: FastMap<(crate::model::Platform, Kind), u32> = FastMap::default();
    let mut lists = Vec::with_capacity(records.len());
    let mut groups = Vec::with_capacity(records.len());
    for r in records {
        let s = r.source();
        let n = group_ids.len() as u32;
        let group = s.map(|s| (s.platform, s.kind)).unwrap_or_default();
        groups.push(*group_ids.entry(group).or_insert(n));
        lists.push(list_key(r).map(|key| {
            let n = list_ids.len() as u32;
            *list_ids.entry(key).or_insert(n)
        }));
    }
    let numbered = number_names(&mut feats);
    let stats = Stats::new(&feats, &groups, numbered);
    stats.fill(&mut feats);
    drop(stats);
    Prepared { feats, lists }
}

/// How many ids each table of [`number_names`] gave (0 included, for no id).
#[derive(Debug, Clone, Copy, Default)]
pub struct Numbered {
    /// Given and family names and surnames (compared with each other: swapped order).
    pub names: usize,
    /// Canonical given names.
    pub canons: usize,
    /// Name keys.
    pub keys: usize,
}

/// Numbers the name texts of every record ([`NameIds`]) in record order. Texts only ever
/// compared with each other share a table; the four tables are numbered side by side.
pub(super) fn number_names(feats: &mut [Features]) -> Numbered {
    fn names(f: &Features) -> [&str; 4] {
        [f.given(), f.family(), f.family_head(), f.family_tail()]
    }
    fn translits(f: &Features) -> [&str; 2] {
        [f.given_translit(), f.family_translit()]
    }
    fn canon(f: &Features) -> [&str; 1] {
        [f.given_canon()]
    }
    fn key(f: &Features) -> [&str; 1] {
        [f.name_key()]
    }
    let all: &[Features] = feats;
    let ((name_ids, n_names), ((translit_ids, _), ((canon_ids, n_canons), (key_ids, n_keys)))) =
        rayon::join(
            || number(all, names),
            || {
                rayon::join(
                    || number(all, translits),
                    || rayon::join(|| number(all, canon), || number(all, key)),
                )
            },
        );
    let ids = name_ids
        .into_iter()
        .zip(translit_ids)
        .zip(canon_ids.into_iter().zip(key_ids));
    for (f, (([given, family, family_head, family_tail], [gt, ft]), ([canon], [key]))) in
        feats.iter_mut().zip(ids)
    {
        f.ids = NameIds {
            given,
            canon,
            given_translit: gt,
            family,
            family_head,
            family_tail,
            family_translit: ft,
            name_key: key,
        };
    }
    Numbered {
        names: n_names,
        canons: n_canons,
        keys: n_keys,
    }
}

/// Ids (from 1, in record order) of the texts `texts` gives of each record, and how many ids
/// there are (0 included).
fn number<'a, const N: usize>(
    feats: &'a [Features],
    texts: fn(&'a Features) -> [&'a str; N],
) -> (Vec<[u32; N]>, usize) {
    let mut table: FastMap<&str, u32> = FastMap::default();
    let ids = feats
        .iter()
        .map(|f| {
            texts(f).map(|s| {
                // A run holds far fewer than 4 billion distinct names (records are numbered
                // in u32).
                let next = u32::try_from(table.len() + 1).unwrap_or(u32::MAX);
                *table.entry(s).or_insert(next)
            })
        })
        .collect();
    (ids, table.len() + 1)
}

/// One side of a name comparison: the folded token, its nickname-canonical form (for a family
/// name: its first surname, see `Features::family_head`) and its transliteration key
/// (`keys::translit_key`).
#[derive(Debug, Clone, Copy)]
pub struct Word<'a> {
    pub text: &'a str,
    pub canon: &'a str,
    pub translit: &'a str,
    /// Nickname groups of a given name (`keys::nickname_groups`), looked up once per record.
    pub groups: &'static [&'static str],
    /// Initials of a given name of several words ("jp" of Jean-Pierre).
    pub initials: &'a str,
    /// A family name's surnames after the first (`Features::family_tail`).
    pub tail: &'a str,
    /// Records in the data bearing this word (family names only; 0: not counted).
    pub count: u32,
    /// Ids of `text`, `canon`, `translit` and `tail` ([`NameIds`]; 0: none).
    pub ids: WordIds,
}

/// The [`NameIds`] of one [`Word`].
#[derive(Debug, Default, Clone, Copy)]
pub struct WordIds {
    pub text: u32,
    pub canon: u32,
    pub translit: u32,
    pub tail: u32,
}

/// Name frequencies in the data, for term-frequency adjusted weights. Names are counted by
/// their [`NameIds`], which [`prepare`] gives every record first.
#[derive(Debug, Default)]
pub struct Stats {
    /// Records per canonical given name and per family name, by id.
    given: Vec<u32>,
    family: Vec<u32>,
    /// First letters of given names.
    initials: FastMap<char, u32>,
    /// Most records sharing one name key (by id) within a single list file: ≥ 2 proves several
    /// people; 0: not counted. Address books are not counted: one person saved twice is a
    /// duplicate, not two people.
    ambiguity: Vec<u32>,
    named: u32,
    /// Distinct (canonical given, family) names: a rough count of the people in the data.
    people: u32,
}

impl Stats {
    /// Counts the names of `feats`, numbered by [`number_names`].
    pub fn new(feats: &[Features], files: &[u32], numbered: Numbered) -> Stats {
        let mut s = Stats {
            given: vec![0; numbered.canons],
            family: vec![0; numbered.names],
            ambiguity: vec![0; numbered.keys],
            ..Stats::default()
        };
        let mut per_file: FastMap<(u32, u32), u32> = FastMap::default();
        let mut people: Vec<(u32, u32)> = Vec::new();
        let bump = |counts: &mut Vec<u32>, id: u32| {
            if let Some(n) = counts.get_mut(id as usize) {
                *n += 1;
            }
        };
        for (f, file) in feats.iter().zip(files) {
            if !f.has_name() {
                continue;
            }
            s.named += 1;
            people.push((f.ids.canon, f.ids.family));
            if !f.given_canon().is_empty() {
                bump(&mut s.given, f.ids.canon);
            }
            if let Some(i) = f.given().chars().next() {
                *s.initials.entry(i).or_insert(0) += 1;
            }
            if !f.family().is_empty() {
                bump(&mut s.family, f.ids.family);
            }
            // Address books may hold one person twice; only lists prove two people.
            if f.kind.is_distinct_list() {
                *per_file.entry((f.ids.name_key, *file)).or_insert(0) += 1;
            }
        }
        people.par_sort_unstable();
        people.dedup();
        s.people = u32::try_from(people.len()).unwrap_or(u32::MAX);
        for ((key, _), n) in per_file {
            if let Some(e) = s.ambiguity.get_mut(key as usize) {
                *e = (*e).max(n);
            }
        }
        s
    }

    /// log₂(m/u) where u, the chance that two different people share this value, is its
    /// frequency in the data smoothed towards a typical population frequency `1/prior`: with
    /// little data, names count as much as they do in a population; with much, the data decides.
    /// The ceiling `hi` rises with the population (by [`Stats::name_offset`]): among many
    /// people a name held once is rarer than any name among few, and the offset takes it back.
    fn weight(&self, n: Option<u32>, prior: f64, lo: f64, hi: f64) -> f64 {
        let n = f64::from(n.unwrap_or(0));
        let u = (n + 1.0) / (f64::from(self.named) + prior);
        (0.95 / u).log2().clamp(lo, hi + self.name_offset())
    }

    /// The weight of the canonical given name with id `canon`.
    pub fn given_weight(&self, canon: u32) -> f64 {
        self.weight(
            self.given.get(canon as usize).copied(),
            500.0,
            1.5,
            GIVEN_HI,
        )
    }

    /// The weight of the family name with id `family`.
    pub fn family_weight(&self, family: u32) -> f64 {
        self.weight(
            self.family.get(family as usize).copied(),
            2000.0,
            2.0,
            FAMILY_HI,
        )
    }

    /// What a matching first letter of the given name is worth: about log₂ 15 on average,
    /// less for common letters.
    pub fn initial_weight(&self, given: &str) -> f64 {
        let n = given
            .chars()
            .next()
            .and_then(|i| self.initials.get(&i).copied());
        let u = (f64::from(n.unwrap_or(0)) + 1.0) / (f64::from(self.named) + 15.0);
        (1.0 / u).log2().clamp(1.0, 5.0)
    }

    /// What a name match loses in a large population. Name weights are log₂(1/u) with u the
    /// chance that two people share the name, so a name-only match is even odds when about 2¹²
    /// people could have met it; among P people the expected number of others bearing it grows
    /// with P, and the posterior odds fall by log₂(P / 2¹²). Never negative: small address books
    /// keep the population-based weights.
    pub fn name_offset(&self) -> f64 {
        (f64::from(self.people.max(1)).log2() - EVEN_ODDS).max(0.0)
    }

    /// Writes each record's name weights and ambiguity into its features.
    pub fn fill(&self, feats: &mut [Features]) {
        let offset = self.name_offset();
        feats.par_iter_mut().for_each(|f| {
            f.name_offset = offset;
            f.given_weight = self.given_weight(f.ids.canon);
            f.family_weight = self.family_weight(f.ids.family);
            f.family_count = self.family.get(f.ids.family as usize).copied().unwrap_or(0);
            f.initial_weight = self.initial_weight(f.given());
            f.ambiguity = self.ambiguity(f.ids.name_key);
        });
    }

    /// How many people of one list bear the name key with id `name_key` (1: not counted).
    pub fn ambiguity(&self, name_key: u32) -> u32 {
        self.ambiguity
            .get(name_key as usize)
            .copied()
            .unwrap_or(0)
            .max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(prefix: &str, n: usize) -> List {
        (0..n).map(|i| format!("{prefix}{i:05}").into()).collect()
    }

    /// Every text and list reads back from the packed features as the draft held it, each in
    /// its place: a slip of one index between two lists would show.
    #[test]
    fn packing_keeps_every_text_and_list_in_its_place() {
        let singles = [
            "given",
            "gi",
            "givent",
            "familyt",
            "family",
            "head",
            "tail",
            "key",
            "03-14",
            "1990-03-14",
        ];
        let d = Draft {
            given: singles[0].into(),
            given_initials: singles[1].into(),
            given_translit: singles[2].into(),
            family_translit: singles[3].into(),
            family: singles[4].into(),
            family_head: singles[5].into(),
            family_tail: singles[6].into(),
            name_key: singles[7].into(),
            birthday_md: singles[8].into(),
            birthday_full: singles[9].into(),
            emails: list("e", 3),
            email_locals: list("l", 2),
            phones: list("p", 1),
            phone_tails: list("t", 2),
            profiles: vec![
                (Cow::Borrowed("linkedin"), "in/a".into()),
                (Cow::Borrowed("x"), "b".into()),
            ]
            .into(),
            handles: list("h", 2),
            handle_keys: vec![1, 2].into(),
            local_keys: vec![3].into(),
            orgs: list("o", 1),
            org_letters: list("ol", 2),
            email_domains: list("d", 1),
            titles: list("ti", 1),
            cities: list("c", 2),
            postcodes: list("pc", 1),
            streets: vec![
                ("60".into(), "currongstreet".into()),
                ("".into(), "high".into()),
            ]
            .into(),
            name_handles: vec![7, 8, 9].into(),
            head: Head {
                n_tokens: 2,
                ..Head::default()
            },
        };
        let f = d.clone().pack();
        let got = [
            f.given(),
            f.given_initials(),
            f.given_translit(),
            f.family_translit(),
            f.family(),
            f.family_head(),
            f.family_tail(),
            f.name_key(),
            f.birthday_md(),
            f.birthday_full(),
        ];
        assert_eq!(got, singles);
        let same = |items: Items<'_>, want: &List| {
            assert_eq!(items.len(), want.len());
            assert!(items.eq(want.iter().map(|t| &**t)));
        };
        same(f.emails(), &d.emails);
        same(f.email_locals(), &d.email_locals);
        same(f.phones(), &d.phones);
        same(f.phone_tails(), &d.phone_tails);
        same(f.handles(), &d.handles);
        same(f.orgs(), &d.orgs);
        same(f.org_letters(), &d.org_letters);
        same(f.email_domains(), &d.email_domains);
        same(f.titles(), &d.titles);
        same(f.cities(), &d.cities);
        same(f.postcodes(), &d.postcodes);
        let profiles: Vec<(&str, &str)> = f.profiles().collect();
        assert_eq!(profiles, vec![("linkedin", "in/a"), ("x", "b")]);
        let streets: Vec<(&str, &str)> = f.streets().collect();
        assert_eq!(streets, vec![("60", "currongstreet"), ("", "high")]);
        assert_eq!(f.handle_keys(), &[1, 2]);
        assert_eq!(f.local_keys(), &[3]);
        assert_eq!(f.name_handles(), &[7, 8, 9]);
        assert_eq!(f.present(), (1 << 14) - 1, "every field is present");
        for e in d.emails.iter() {
            assert!(f.emails().has(e));
        }
        assert!(!f.emails().has("e00003") && !f.emails().has("") && !f.phones().has("e00000"));
        assert_eq!(f.emails().get(1), Some("e00001"));
        assert_eq!(f.emails().get(3), None);
    }

    #[test]
    fn empty_features_have_nothing_present() {
        let f = Draft::default().pack();
        assert_eq!(f.present(), 0);
        assert!(f.given().is_empty() && f.emails().is_empty() && f.profiles().next().is_none());
        assert!(f.handle_keys().is_empty() && f.name_handles().is_empty());
        assert_eq!(f.emails().first(), None);
    }

    /// A broken record with thousands of values of one kind: matching reads the first
    /// `LIST_MAX`, and the lists after it are intact.
    #[test]
    fn a_list_beyond_the_bound_is_cut_and_the_next_list_is_intact() {
        let f = Draft {
            emails: list("e", LIST_MAX + 900),
            phones: list("p", 2),
            ..Draft::default()
        }
        .pack();
        assert_eq!(f.emails().len(), LIST_MAX);
        assert_eq!(
            f.emails().last(),
            Some(format!("e{:05}", LIST_MAX - 1).as_str())
        );
        assert!(f.phones().eq(["p00000", "p00001"]));
    }
}
