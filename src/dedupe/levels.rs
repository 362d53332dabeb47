//! Comparisons as data: every field is compared through an ordered list of levels, the first
//! that holds wins, and one table holds every level with its built-in weight.
//!
//! A pair's comparison is its *gamma*: one level (or none, when a side lacks the field) per
//! field. The weight of a level is log₂(m/u) — how much more often two records of one person
//! reach it (m) than two records of different people (u). The built-in weights below are what
//! rolo uses when the data is too small to learn from; [`super::train`] estimates m and u from
//! the run's own records and shrinks towards them. docs/dedupe.md's table is generated from this
//! one (a test in tests/learning.rs keeps the doc in step and rewrites it with UPDATE_GOLDEN=1).

use serde::{Deserialize, Serialize};

/// A field compared between two records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Field {
    Email,
    Phone,
    Profile,
    Given,
    Family,
    Handle,
    Organization,
    Domain,
    Title,
    Birthday,
    Address,
    Export,
}

pub const FIELDS: [Field; 12] = [
    Field::Email,
    Field::Phone,
    Field::Profile,
    Field::Given,
    Field::Family,
    Field::Handle,
    Field::Organization,
    Field::Domain,
    Field::Title,
    Field::Birthday,
    Field::Address,
    Field::Export,
];

/// How a level's weight is found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A constant, learned from the data when there is enough of it.
    Learned,
    /// A constant that is never learned: identifiers whose chance agreement between two people
    /// is too rare to observe (an email, a profile), and conventions (the same export).
    Fixed,
    /// The value's own rarity in the data (term frequency): u is how often two records share
    /// that name, counted in the run's records; the number in the table is added to it.
    TermFrequency,
}

macro_rules! levels {
    ($( $name:ident = $field:ident, $id:literal, $kind:ident, $default:expr, $what:literal; )*) => {
        /// One level of one field's comparison.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[repr(u8)]
        pub enum Level { $( $name, )* }

        /// Every level, in the order of the enum (index = `Level as usize`).
        pub const LEVELS: &[Spec] = &[ $( Spec {
            level: Level::$name,
            field: Field::$field,
            id: $id,
            kind: Kind::$kind,
            default: $default,
            what: $what,
        }, )* ];
    };
}

/// What the table says of one level.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    pub level: Level,
    pub field: Field,
    /// Stable name, used in `--model` files and explanations.
    pub id: &'static str,
    pub kind: Kind,
    /// Built-in weight (log₂ m/u). For term-frequency levels: what is added to the name's own
    /// rarity weight (log₂ 0.95/u).
    pub default: f64,
    pub what: &'static str,
}

levels! {
    EmailExact = Email, "email-exact", Fixed, 13.0, "the same address (match key)";
    EmailDifferent = Email, "email-different", Learned, -2.0, "both have addresses, none shared";
    PhoneExact = Phone, "phone-exact", Fixed, 12.0, "the same E.164 number";
    PhoneTail = Phone, "phone-tail", Fixed, 10.0, "the same last 8 digits (national and international spellings)";
    PhoneDifferent = Phone, "phone-different", Learned, -3.0, "both have numbers, none shared";
    ProfileExact = Profile, "profile-exact", Fixed, 18.0, "the same profile URL or account id";
    ProfileConflict = Profile, "profile-conflict", Fixed, -14.0, "different profiles on LinkedIn or Facebook (one account per person)";
    ProfileOther = Profile, "profile-other", Fixed, -4.0, "different profiles on another service";
    GivenExact = Given, "given-exact", TermFrequency, 0.0, "the same given name (weighs its rarity)";
    GivenNickname = Given, "given-nickname", TermFrequency, -1.0, "one nickname group, one transliteration, a prefix of 3+ letters, the initials of a compound name";
    GivenSimilar = Given, "given-similar", Learned, 4.0, "a typo: Jaro-Winkler ≥ 0.9 within two edits, or one edit when not both are known names";
    GivenVariant = Given, "given-variant", Learned, -12.0, "a near spelling that is another name (Louis/Louise, Mark/Mary, Noa/Noah)";
    GivenInitial = Given, "given-initial", TermFrequency, 0.0, "an initial against a full name (weighs the letter's rarity)";
    GivenDifferent = Given, "given-different", Learned, -12.0, "different given names";
    FamilyExact = Family, "family-exact", TermFrequency, 0.0, "the same family name (also one transliteration: Fedorov/Fyodorov)";
    FamilyDropped = Family, "family-dropped", TermFrequency, -1.0, "one of two surnames (Ortiz ~ Ortiz Hernández)";
    FamilySimilar = Family, "family-similar", Learned, 5.0, "a typo: Jaro-Winkler ≥ 0.92 or one edit";
    FamilyVariant = Family, "family-variant", Learned, -8.0, "two close spellings each borne by 3+ records (Vega/Vera)";
    FamilyDifferent = Family, "family-different", Learned, -8.0, "different family names (also a surname plus a suffix: Zupan/Zupančič)";
    HandleSame = Handle, "handle-same", Fixed, 6.0, "the same handle on two services";
    HandleName = Handle, "handle-name", TermFrequency, -1.0, "a handle (or email local part) spelling the other's whole name";
    HandleInitialFamily = Handle, "handle-initial-family", TermFrequency, -1.0, "a handle that is an initial and the family name (jdoe)";
    HandleGivenInitial = Handle, "handle-given-initial", TermFrequency, 3.0, "a handle that is the given name and the family initial (jane_d)";
    HandleGivenStart = Handle, "handle-given-start", TermFrequency, 2.0, "a handle that is the given name and the start of the family name (janedo)";
    EmailName = Handle, "email-name", Fixed, 2.0, "an email local part spelling the other's name when the names disagree";
    OrgExact = Organization, "org-exact", Learned, 4.0, "the same organisation (legal suffixes removed)";
    OrgSimilar = Organization, "org-similar", Learned, 3.0, "a close organisation name (Jaro-Winkler ≥ 0.9)";
    OrgDifferent = Organization, "org-different", Learned, -2.0, "different organisations";
    DomainOrg = Domain, "domain-org", Fixed, 3.0, "a work email domain at the other's organisation";
    TitleExact = Title, "title-exact", Learned, 1.5, "the same job title";
    TitleDifferent = Title, "title-different", Learned, 0.0, "different job titles";
    BirthdayExact = Birthday, "birthday-exact", Learned, 8.0, "the same date with its year";
    BirthdayClose = Birthday, "birthday-close", Learned, 3.0, "one digit apart, or day and month transposed";
    BirthdayMonthDay = Birthday, "birthday-month-day", Learned, 5.0, "the same day and month (a year missing on one side)";
    BirthdayDifferent = Birthday, "birthday-different", Learned, -8.0, "different birthdays";
    AddressExact = Address, "address-exact", Learned, 10.0, "the same house number and street, and the same postcode or city";
    AddressClose = Address, "address-close", Learned, 7.0, "a close street and the same or a close postcode or city, or the same postcode and city";
    StreetExact = Address, "street-exact", Learned, 8.0, "the same house number and street (nothing else to compare, or it differs)";
    StreetSimilar = Address, "street-similar", Learned, 6.0, "the same number on a close street name, or the same street with another number";
    PostcodeExact = Address, "postcode-exact", Learned, 5.0, "the same postcode (the streets, if both have one, differ)";
    PostcodeClose = Address, "postcode-close", Learned, 2.0, "a postcode one character apart";
    LocalityExact = Address, "locality-exact", Learned, 2.0, "the same city or suburb (and nothing closer)";
    LocalitySimilar = Address, "locality-similar", Learned, 1.0, "a close city name (Jaro-Winkler ≥ 0.9)";
    AddressDifferent = Address, "address-different", Learned, -1.0, "both have an address, no part of it agrees";
    SameExport = Export, "same-export", Fixed, 3.0, "the same name within one export (LinkedIn shows a member's name alike in every file)";
}

pub const N_LEVELS: usize = LEVELS.len();
pub const N_FIELDS: usize = FIELDS.len();

impl Level {
    pub fn spec(self) -> &'static Spec {
        // The table is built by the same macro as the enum, index for index.
        &LEVELS[self as usize]
    }

    pub fn id(self) -> &'static str {
        self.spec().id
    }

    pub fn field(self) -> Field {
        self.spec().field
    }

    pub fn from_id(id: &str) -> Option<Level> {
        LEVELS.iter().find(|s| s.id == id).map(|s| s.level)
    }
}

impl Field {
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn id(self) -> &'static str {
        match self {
            Field::Email => "email",
            Field::Phone => "phone",
            Field::Profile => "profile",
            Field::Given => "given",
            Field::Family => "family",
            Field::Handle => "handle",
            Field::Organization => "organization",
            Field::Domain => "domain",
            Field::Title => "title",
            Field::Birthday => "birthday",
            Field::Address => "address",
            Field::Export => "export",
        }
    }
}

/// No level for this field (a side lacks it).
pub const NONE: u8 = u8::MAX;

/// One level (or none) per field: what a pair's comparison reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Gamma(pub [u8; N_FIELDS]);

impl Default for Gamma {
    fn default() -> Gamma {
        Gamma([NONE; N_FIELDS])
    }
}

impl Gamma {
    /// Records `level` for its field; the first level recorded for a field wins.
    pub fn set(&mut self, level: Level) {
        if let Some(slot) = self.0.get_mut(level.field().index()) {
            if *slot == NONE {
                *slot = level as u8;
            }
        }
    }

    pub fn get(&self, field: Field) -> Option<Level> {
        let v = *self.0.get(field.index())?;
        LEVELS.get(usize::from(v)).map(|s| s.level)
    }

    pub fn levels(&self) -> impl Iterator<Item = Level> + '_ {
        self.0
            .iter()
            .filter_map(|&v| LEVELS.get(usize::from(v)).map(|s| s.level))
    }
}

/// The level table as a markdown table (docs/dedupe.md), from the code itself.
pub fn markdown() -> String {
    let mut out = String::from(
        "| field | level | built-in weight | from the data | what |\n|---|---|---:|---|---|\n",
    );
    for s in LEVELS {
        let (w, learned) = match s.kind {
            Kind::Learned => (format!("{:+}", s.default), "m and u"),
            Kind::Fixed => (format!("{:+}", s.default), "no"),
            Kind::TermFrequency if s.default == 0.0 => ("rarity".to_string(), "rarity"),
            Kind::TermFrequency => (format!("rarity {:+}", s.default), "rarity"),
        };
        out.push_str(&format!(
            "| {} | `{}` | {} | {} | {} |\n",
            s.field.id(),
            s.id,
            w,
            learned,
            s.what
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_and_enum_agree() {
        for (i, s) in LEVELS.iter().enumerate() {
            assert_eq!(s.level as usize, i, "{}", s.id);
            assert_eq!(Level::from_id(s.id), Some(s.level));
        }
        for (i, f) in FIELDS.iter().enumerate() {
            assert_eq!(f.index(), i);
        }
    }

    #[test]
    fn gamma_keeps_the_first_level_of_a_field() {
        let mut g = Gamma::default();
        g.set(Level::EmailExact);
        g.set(Level::EmailDifferent);
        g.set(Level::BirthdayClose);
        assert_eq!(g.get(Field::Email), Some(Level::EmailExact));
        assert_eq!(g.get(Field::Birthday), Some(Level::BirthdayClose));
        assert_eq!(g.get(Field::Phone), None);
        assert_eq!(g.levels().count(), 2);
    }
}
