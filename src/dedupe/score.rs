//! Pair scoring: a Fellegi–Sunter style sum of log₂ likelihood ratios.
//!
//! Each field comparison adds its weight: log₂(P(agreement | same person) / P(agreement |
//! different people)). Agreement on a rare name counts for more than on a common one (term
//! frequencies from the data itself); disagreement on a strong field counts against. The total
//! maps to a probability with [`probability`]. The weights are documented in docs/dedupe.md.

use super::features::{same, Features, Items, Present, Word, SINGLE_ACCOUNT_SERVICES};
use super::levels::{Gamma, Level};
use super::strings::{jaro_winkler, one_edit};
use super::weights::Model;
use crate::model::Kind;
use crate::normalize::keys;

pub use super::weights::EVEN_ODDS;

/// The most a name alone can weigh, and how fast that falls as more records share the name.
pub const W_NAME_CAP: f64 = 13.0;
pub const W_NAME_CAP_SLOPE: f64 = 2.5;
/// Records bearing a family name from which a near spelling of it is taken for another surname
/// rather than a slip.
pub const SURNAME_SEEN: u32 = 3;

pub const W_CLUSTER_PHONES_DIFFERENT: f64 = -5.0;
pub const W_CLUSTER_EMAILS_DIFFERENT: f64 = -3.0;
pub const W_CLUSTER_ORGS_DIFFERENT: f64 = -2.0;

/// The weight at which [`probability`] reaches `p` (its inverse).
pub fn weight_for(p: f64) -> f64 {
    let p = p.clamp(1e-9, 1.0 - 1e-9);
    EVEN_ODDS + (p / (1.0 - p)).log2()
}

/// Maps a total weight to a match probability (logistic in base 2 around [`EVEN_ODDS`]).
pub fn probability(weight: f64) -> f64 {
    1.0 / (1.0 + (2f64).powf(EVEN_ODDS - weight))
}

/// One field's contribution, for explanations.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    pub field: &'static str,
    /// The level the field reached (none for the combined name line, whose levels are in
    /// `detail`).
    pub level: Option<Level>,
    pub weight: f64,
    pub detail: String,
}

#[derive(Debug, Clone, Default)]
pub struct Comparison {
    pub weight: f64,
    pub evidence: Vec<Evidence>,
    /// The level each field reached: what training counts.
    pub gamma: Gamma,
    /// Some evidence beyond the name agrees (an identifier, organisation, birthday…). Without
    /// it the pair rests on the name alone, which clustering treats with more care.
    pub beyond_name: bool,
    /// How closely the names (or a handle and a name) agree: 3 the same name, 2 a nickname,
    /// an initial, one of two surnames or a handle spelling part of it, 1 a typo; 0 no name
    /// evidence. Among several clusters a name-only record could join, a closer spelling wins
    /// over a typo.
    pub closeness: u8,
}

/// Levels whose agreement rests on the name (a handle or an address spelling it counts as the
/// name): a link with nothing else is a name-only link.
fn is_name_level(l: Level) -> bool {
    use super::levels::Field;
    matches!(l.field(), Field::Given | Field::Family | Field::Export)
        || matches!(
            l,
            Level::HandleName
                | Level::HandleInitialFamily
                | Level::HandleGivenInitial
                | Level::HandleGivenStart
                | Level::EmailName
        )
}

impl Comparison {
    /// Adds one level's contribution.
    fn add(&mut self, explain: bool, level: Level, weight: f64, detail: impl FnOnce() -> String) {
        self.gamma.set(level);
        self.weight += weight;
        if weight > 0.0 && !is_name_level(level) {
            self.beyond_name = true;
        }
        if explain {
            self.evidence.push(Evidence {
                field: level.field().id(),
                level: Some(level),
                weight,
                detail: detail(),
            });
        }
    }

    /// Adds one level at the model's weight for it.
    fn reach(&mut self, explain: bool, level: Level, m: &Model, detail: impl FnOnce() -> String) {
        self.add(explain, level, m.w(level), detail);
    }

    /// The combined name line: both fields' levels are recorded, one weight for both.
    fn add_name(
        &mut self,
        explain: bool,
        levels: [Option<Level>; 2],
        weight: f64,
        detail: impl FnOnce() -> String,
    ) {
        for l in levels.into_iter().flatten() {
            self.gamma.set(l);
        }
        self.weight += weight;
        if explain {
            self.evidence.push(Evidence {
                field: "name",
                level: None,
                weight,
                detail: detail(),
            });
        }
    }

    pub fn probability(&self) -> f64 {
        probability(self.weight)
    }
}

fn shared<'a>(mut a: Items<'a>, b: Items<'_>) -> Option<&'a str> {
    a.find(|x| b.has(x))
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Agree {
    Exact,
    Nickname,
    /// One of two surnames dropped (family names only).
    Dropped,
    Similar(f64),
    Initial,
    /// A near spelling that is another name in its own right (Louis/Louise; Vega/Vera when
    /// both are common in the data). How much that says is learned from the data: in some data
    /// sets it is another person, in others a typo.
    Variant,
    Missing,
    Different,
}

/// Two given names: exact, nickname forms of one name (also a short form shared by several
/// names, and two romanisations of one name: Yevgeny/Evgenii), a typo, a near spelling that is
/// another name, an initial, or different.
pub fn given_agreement(a: Word<'_>, b: Word<'_>) -> Agree {
    let (tr_a, tr_b) = (a.translit, b.translit);
    let (initials_a, initials_b) = (a.initials, b.initials);
    let (ga, gb) = (a.groups, b.groups);
    let (ia, ib) = (a.ids, b.ids);
    let (a, a_canon, b, b_canon) = (a.text, a.canon, b.text, b.canon);
    if a.is_empty() || b.is_empty() {
        return Agree::Missing;
    }
    if same(ia.text, a, ib.text, b) {
        return Agree::Exact;
    }
    if same(ia.canon, a_canon, ib.canon, b_canon) || keys::groups_meet(ga, gb) {
        return Agree::Nickname;
    }
    if !tr_a.is_empty() && same(ia.translit, tr_a, ib.translit, tr_b) {
        return Agree::Nickname;
    }
    // "JP" for Jean-Pierre, "JC" for Juan Carlos.
    if (a.len() == 2 && a == initials_b) || (b.len() == 2 && b == initials_a) {
        return Agree::Nickname;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() == 1 {
        return if long.starts_with(short) {
            Agree::Initial
        } else {
            Agree::Different
        };
    }
    if short.len() >= 3 && long.starts_with(short) {
        // One more letter is usually another name (Louis/Louise, Adrian/Adriana), sometimes a
        // letter lost (Noa for Noah): a level of its own; the same name's forms (Ann/Anna) are
        // in the nickname table.
        return if long.len() == short.len() + 1 {
            Agree::Variant
        } else {
            Agree::Nickname
        };
    }
    // A typo is one or two slips; Jaro-Winkler alone finds "Jiaqiang"/"Jiaying" or
    // "Xiaojie"/"Xiaoli" close, and they are different names.
    let jw = jaro_winkler(a, b);
    let both_known = !ga.is_empty() && !gb.is_empty();
    if jw >= 0.9 && short.len() >= 4 && strsim::damerau_levenshtein(a, b) <= 2 {
        return if both_known {
            Agree::Variant
        } else {
            Agree::Similar(jw)
        };
    }
    // One typo ("Aicha"/"Aisha" is a spelling, "Antione"/"Antoine" a slip), unless both are
    // names in their own right ("Mark"/"Mary": a variant).
    if short.len() >= 4 && long.len() <= short.len() + 1 && one_edit(a, b) {
        if both_known {
            Agree::Variant
        } else {
            Agree::Similar(jw)
        }
    } else {
        Agree::Different
    }
}

/// Two family names: exact (also two romanisations of one name: Fedorov/Fyodorov), one of two
/// surnames dropped ("Ortiz" of "Ortiz Hernández"), a typo, a variant, or different. A surname
/// inside another one is not a match by itself: "Zupan" and "Zupančič", "Nowak" and
/// "Nowakowski" are different families.
pub fn family_agreement(x: Word<'_>, y: Word<'_>) -> Agree {
    let (a, a_head, b, b_head) = (x.text, x.canon, y.text, y.canon);
    let (ix, iy) = (x.ids, y.ids);
    if a.is_empty() || b.is_empty() {
        return Agree::Missing;
    }
    if same(ix.text, a, iy.text, b)
        || (!x.translit.is_empty() && same(ix.translit, x.translit, iy.translit, y.translit))
    {
        return Agree::Exact;
    }
    // Either surname alone: "Ortiz" of "Ortiz Hernández", "Jones" of "Parker Jones".
    let (a_tail, b_tail) = (x.tail, y.tail);
    if [
        ((ix.canon, a_head), (iy.text, b)),
        ((iy.canon, b_head), (ix.text, a)),
        ((ix.tail, a_tail), (iy.text, b)),
        ((iy.tail, b_tail), (ix.text, a)),
    ]
    .iter()
    .any(|&((ip, part), (iw, whole))| part.len() >= 3 && same(ip, part, iw, whole))
    {
        return Agree::Dropped;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // A surname plus a suffix is another surname (Peter/Peterson, Zupan/Zupančič), however
    // close Jaro-Winkler finds them.
    if long.starts_with(short) && long.len() >= short.len() + 2 {
        return Agree::Different;
    }
    let jw = jaro_winkler(a, b);
    let close = (jw >= 0.92 && short.len() >= 4)
        || (short.len() >= 3 && long.len() <= short.len() + 1 && one_edit(a, b));
    if !close {
        return Agree::Different;
    }
    // Two spellings each borne by several records may be two families (Vega and Vera) or one
    // slip repeated: a level whose weight the data decides.
    if x.count >= SURNAME_SEEN && y.count >= SURNAME_SEEN {
        Agree::Variant
    } else {
        // Close spellings, and one-letter slips ("Nar"/"Nair"), are the same family name typed
        // twice, not two families.
        Agree::Similar(jw)
    }
}

/// Whether two given names could belong to one person (cluster-level check). Only two names
/// that are both known and different ("John"/"Jane") rule it out: an unknown spelling ("Toyn")
/// may be a typo, a near spelling (Noa/Noah) may be a slip, and the pair's own weight has
/// already counted the difference.
pub fn givens_compatible(a: &GivenKey, b: &GivenKey) -> bool {
    given_agreement(a.word(), b.word()) != Agree::Different
        || a.groups.is_empty()
        || b.groups.is_empty()
}

/// A given name as clusters keep it for [`givens_compatible`]: looked up once, compared often.
#[derive(Debug, Clone, PartialEq)]
pub struct GivenKey {
    pub text: String,
    pub translit: String,
    pub groups: &'static [&'static str],
    /// Initials of a given name of several words (`Features::given_initials`).
    pub initials: String,
}

impl GivenKey {
    pub fn new(text: &str, initials: &str) -> GivenKey {
        let groups = keys::nickname_groups(text);
        GivenKey {
            text: text.to_string(),
            translit: keys::translit_key(text),
            groups,
            initials: initials.to_string(),
        }
    }

    fn word(&self) -> Word<'_> {
        Word {
            text: &self.text,
            canon: keys::canonical_of(&self.text, self.groups),
            translit: &self.translit,
            groups: self.groups,
            initials: &self.initials,
            tail: "",
            count: 0,
            ids: Default::default(),
        }
    }
}

/// What a handle spelling `x`'s whole name weighs: like the name (same cap for names one list
/// holds several times), a little less since the handle is the person's choice.
fn whole_name_handle(x: &Features, m: &Model) -> f64 {
    (x.given_weight + x.family_weight - x.name_offset).min(name_cap(x.ambiguity))
        + m.w(Level::HandleName)
}

/// What any handle match with `x`'s name loses when several people of one list bear the name.
fn handle_ambiguity(x: &Features) -> f64 {
    4.0 * f64::from(x.ambiguity).log2()
}

/// The most a name alone weighs when one source holds it `count` times.
fn name_cap(count: u32) -> f64 {
    W_NAME_CAP - W_NAME_CAP_SLOPE * f64::from(count.max(1)).log2()
}

fn given_level(g: Agree) -> Option<Level> {
    Some(match g {
        Agree::Exact => Level::GivenExact,
        Agree::Nickname => Level::GivenNickname,
        Agree::Similar(_) => Level::GivenSimilar,
        Agree::Initial => Level::GivenInitial,
        Agree::Variant => Level::GivenVariant,
        Agree::Different => Level::GivenDifferent,
        Agree::Missing | Agree::Dropped => return None,
    })
}

fn family_level(f: Agree) -> Option<Level> {
    Some(match f {
        Agree::Exact => Level::FamilyExact,
        Agree::Dropped => Level::FamilyDropped,
        Agree::Similar(_) => Level::FamilySimilar,
        Agree::Variant => Level::FamilyVariant,
        Agree::Different => Level::FamilyDifferent,
        Agree::Missing | Agree::Nickname | Agree::Initial => return None,
    })
}

/// Adds the name comparison; returns whether both parts of the names agree (exactly, as
/// nicknames or as typos).
fn name_weight(
    a: &Features,
    b: &Features,
    m: &Model,
    personal: bool,
    c: &mut Comparison,
    explain: bool,
) -> bool {
    if !a.has_name() || !b.has_name() {
        return false;
    }
    // Straight and swapped ("Doe John"), keep the better reading.
    let straight = (
        given_agreement(a.given_word(), b.given_word()),
        family_agreement(a.family_word(), b.family_word()),
    );
    // Only an exact swapped reading counts, so it is checked only when the straight one is not
    // exact (and without the similarity measures).
    let (ia, ib) = (&a.ids, &b.ids);
    let swapped_exact = || {
        !a.given().is_empty()
            && !a.family().is_empty()
            && same(ia.given, a.given(), ib.family, b.family())
            && (same(ia.family, a.family(), ib.given, b.given())
                || (!a.family_translit().is_empty()
                    && same(
                        ia.family_translit,
                        a.family_translit(),
                        ib.given_translit,
                        b.given_translit(),
                    )))
    };
    let (g, f, swap) = if straight.0 == Agree::Exact && straight.1 == Agree::Exact {
        (straight.0, straight.1, false)
    } else if same(ia.name_key, a.name_key(), ib.name_key, b.name_key()) && a.n_tokens >= 2 {
        // The same words, parsed differently ("Ezra Ford | Omar" and "Ezra | Ford Omar").
        (Agree::Exact, Agree::Exact, false)
    } else if swapped_exact() {
        (Agree::Exact, Agree::Exact, true)
    } else {
        (straight.0, straight.1, false)
    };
    let gw = a.given_weight;
    let fw = a.family_weight;
    let mut w = 0.0;
    // The explanation is only spelled out when asked for: most pairs are never explained.
    let mut parts: Vec<String> = Vec::new();
    let note = |p: &mut Vec<String>, f: &dyn Fn() -> String| {
        if explain {
            p.push(f());
        }
    };
    let gl = given_level(g);
    let fl = family_level(f);
    let lw = |l: Option<Level>| l.map_or(0.0, |l| m.w(l));
    match g {
        Agree::Exact | Agree::Nickname => w += gw + lw(gl),
        Agree::Initial => w += a.initial_weight.min(b.initial_weight) + lw(gl),
        // A near miss weighs what the data says a near miss is worth, whatever the name: typos
        // do not get rarer with the name.
        Agree::Similar(_) | Agree::Variant | Agree::Different => w += lw(gl),
        Agree::Missing | Agree::Dropped => {}
    }
    if let Some(l) = gl {
        note(&mut parts, &|| match g {
            Agree::Similar(jw) => format!("{} {jw:.2}", l.id()),
            _ => l.id().to_string(),
        });
    }
    // Two given names and one family name are relatives (the family inbox) unless the records
    // also share a full birth date, which relatives do not.
    let relatives = matches!(g, Agree::Different | Agree::Variant) && !personal;
    match f {
        // Two given names and one family name (however spelt: one of two surnames, a typo):
        // relatives (the family inbox), not one person whose given name changed. The shared
        // family name does not make up for it.
        Agree::Exact | Agree::Dropped | Agree::Similar(_) if relatives => {}
        Agree::Exact => w += fw + lw(fl),
        Agree::Dropped => {
            // The surname both bear ("Serrano" of "Serrano Macías") is as rare as it is alone,
            // less a bit for the other surname one of them leaves out.
            let single = if same(ia.family_head, a.family_head(), ib.family, b.family())
                || same(ia.family_tail, a.family_tail(), ib.family, b.family())
            {
                b
            } else {
                a
            };
            w += single.family_weight + lw(fl);
        }
        Agree::Similar(_) | Agree::Variant | Agree::Different => w += lw(fl),
        Agree::Missing | Agree::Nickname | Agree::Initial => {}
    }
    if let Some(l) = fl {
        note(&mut parts, &|| match f {
            Agree::Exact | Agree::Dropped | Agree::Similar(_) if relatives => {
                format!("{} (relatives: not counted)", l.id())
            }
            Agree::Similar(jw) => format!("{} {jw:.2}", l.id()),
            _ => l.id().to_string(),
        });
    }
    if w > 0.0 && a.name_offset > 0.0 {
        w = (w - a.name_offset).max(0.0);
        note(&mut parts, &|| {
            format!("large population −{:.1}", a.name_offset)
        });
    }
    // However rare its parts, a full name that one list holds several times belongs to several
    // people: the name alone is at best a guess among them (capped below even odds), which
    // other evidence (an organisation, an address) can still settle.
    let count = a.ambiguity.max(b.ambiguity);
    if w > 0.0 {
        w = w.min(name_cap(count));
    }
    if count > 1 {
        note(&mut parts, &|| {
            format!("name held {count} times by one list")
        });
    }
    if swap {
        note(&mut parts, &|| "swapped order".to_string());
    }
    c.closeness = if matches!(g, Agree::Different | Agree::Variant)
        || matches!(f, Agree::Different | Agree::Variant)
    {
        0
    } else if matches!(g, Agree::Similar(_)) || matches!(f, Agree::Similar(_)) {
        1
    } else if matches!(g, Agree::Exact) && matches!(f, Agree::Exact) {
        3
    } else {
        2
    };
    c.add_name(explain, [gl, fl], w, || {
        format!(
            "name {} ~ {}: {}",
            a.name_key(),
            b.name_key(),
            parts.join(", ")
        )
    });
    // One platform shows a member's name the same way in every file of one export (a
    // connection and their messages). Two of its lists (friends and followers) hold different
    // people as often as the same one, and an address book is typed by hand: there the name is
    // just a name.
    if g == Agree::Exact
        && f == Agree::Exact
        && a.platform == b.platform
        && a.input != 0
        && a.input == b.input
        && count < 2
        && !(a.kind.is_distinct_list() && b.kind.is_distinct_list())
        && a.kind != Kind::Contact
        && b.kind != Kind::Contact
    {
        c.reach(explain, Level::SameExport, m, || "same-export".to_string());
    }
    matches!(g, Agree::Exact | Agree::Nickname | Agree::Similar(_))
        && matches!(f, Agree::Exact | Agree::Similar(_) | Agree::Dropped)
}

/// Two profile keys are comparable only in the same form: a LinkedIn member URN says nothing
/// against a vanity URL, nor an X account id against a handle.
pub fn same_form(a: &str, b: &str) -> bool {
    form(a) == form(b)
}

/// The form of a profile key: a LinkedIn member URN, an X account-id URL, or a vanity URL.
pub fn form(k: &str) -> (bool, bool) {
    (k.starts_with("urn:"), k.contains("/i/user/"))
}

/// Two spellings of one length that differ in exactly one position (a digit slipped).
fn one_apart(x: &str, y: &str) -> bool {
    x.len() == y.len() && x.bytes().zip(y.bytes()).filter(|(p, q)| p != q).count() == 1
}

/// Birthdays: the same date, one digit slipped or day and month transposed, the same day and
/// month (one side without a year), or different.
fn birthday_level(a: &Features, b: &Features) -> Option<Level> {
    if a.birthday_md().is_empty() || b.birthday_md().is_empty() {
        return None;
    }
    let (fa, fb): (&str, &str) = (a.birthday_full(), b.birthday_full());
    if !fa.is_empty() && !fb.is_empty() {
        if fa == fb {
            return Some(Level::BirthdayExact);
        }
        // YYYY-MM-DD against YYYY-DD-MM.
        let transposed = fa.get(..4) == fb.get(..4)
            && fa.get(5..7) == fb.get(8..10)
            && fa.get(8..10) == fb.get(5..7);
        return Some(if one_apart(fa, fb) || transposed {
            Level::BirthdayClose
        } else {
            Level::BirthdayDifferent
        });
    }
    Some(if a.birthday_md() == b.birthday_md() {
        Level::BirthdayMonthDay
    } else {
        Level::BirthdayDifferent
    })
}

/// An address is one field, its levels in order: house number and street, then postcode, then
/// city. Its parts say the same thing (where the person lives), so they are not added up: two
/// neighbours agree on all three.
fn address_level(a: &Features, b: &Features) -> Option<Level> {
    // Each part: None when a side lacks it, else 2 the same, 1 close, 0 different.
    let street = (a.present() & b.present() & Present::STREETS != 0).then(|| {
        let mut best = 0;
        for (na, sa) in a.streets() {
            for (nb, sb) in b.streets() {
                let same_number = !na.is_empty() && na == nb;
                if same_number && sa == sb {
                    return 2;
                }
                if sa == sb || (same_number && jaro_winkler(sa, sb) >= 0.88) {
                    best = 1;
                }
            }
        }
        best
    });
    let postcode = (!a.postcodes().is_empty() && !b.postcodes().is_empty()).then(|| {
        if shared(a.postcodes(), b.postcodes()).is_some() {
            2
        } else if a
            .postcodes()
            .iter()
            .any(|x| b.postcodes().iter().any(|y| one_apart(x, y)))
        {
            1
        } else {
            0
        }
    });
    // The city's Jaro-Winkler is only worked out when nothing closer decides the level.
    let has_city = !a.cities().is_empty() && !b.cities().is_empty();
    let city_exact = has_city && shared(a.cities(), b.cities()).is_some();
    let city_close = || {
        has_city
            && a.cities()
                .iter()
                .any(|x| b.cities().iter().any(|y| jaro_winkler(x, y) >= 0.9))
    };
    let (s, p) = (street.unwrap_or(0), postcode.unwrap_or(0));
    Some(if s == 2 && (p == 2 || city_exact) {
        Level::AddressExact
    } else if (s >= 1 && (p >= 1 || city_exact || city_close())) || (p == 2 && city_exact) {
        Level::AddressClose
    } else if s == 2 {
        Level::StreetExact
    } else if s == 1 {
        Level::StreetSimilar
    } else if p == 2 {
        Level::PostcodeExact
    } else if p == 1 {
        Level::PostcodeClose
    } else if city_exact {
        Level::LocalityExact
    } else if city_close() {
        Level::LocalitySimilar
    } else if street.is_some() || postcode.is_some() || has_city {
        Level::AddressDifferent
    } else {
        return None;
    })
}

/// Scores one candidate pair with the model's weights. With `explain`, every contribution is
/// recorded.
pub fn compare(a: &Features, b: &Features, m: &Model, explain: bool) -> Comparison {
    let mut c = Comparison::default();
    // A field is only looked at when both records have it: the other record's lists are
    // rarely in cache, and most records have few fields.
    let both = a.present() & b.present();
    let has = |bits: u32| both & bits != 0;

    if has(Present::EMAILS) {
        if let Some(e) = shared(a.emails(), b.emails()) {
            c.reach(explain, Level::EmailExact, m, || format!("email {e}"));
        } else {
            let l = Level::EmailDifferent;
            c.reach(explain, l, m, || "emails differ".into());
        }
    }

    if has(Present::PHONES | Present::PHONE_TAILS) {
        if let Some(p) = shared(a.phones(), b.phones()) {
            c.reach(explain, Level::PhoneExact, m, || format!("phone {p}"));
        } else if let Some(t) = shared(a.phone_tails(), b.phone_tails()) {
            c.reach(explain, Level::PhoneTail, m, || format!("phone ending {t}"));
        } else if !a.phone_tails().is_empty() && !b.phone_tails().is_empty() {
            let l = Level::PhoneDifferent;
            c.reach(explain, l, m, || "phones differ".into());
        }
    }

    if has(Present::PROFILES) {
        profiles(a, b, m, &mut c, explain);
    }

    let birthday = if has(Present::BIRTHDAY) {
        birthday_level(a, b)
    } else {
        None
    };
    let personal = birthday == Some(Level::BirthdayExact);
    let names_agree = name_weight(a, b, m, personal, &mut c, explain);
    handles(a, b, m, names_agree, &mut c, explain);

    if has(Present::ORGS) {
        if let Some(o) = shared(a.orgs(), b.orgs()) {
            c.reach(explain, Level::OrgExact, m, || format!("organization {o}"));
        } else {
            let best = a
                .orgs()
                .iter()
                .flat_map(|x| b.orgs().iter().map(move |y| jaro_winkler(x, y)))
                .fold(0.0, f64::max);
            if best >= 0.9 {
                c.reach(explain, Level::OrgSimilar, m, || {
                    format!("organization {best:.2} (jaro-winkler)")
                });
            } else {
                let l = Level::OrgDifferent;
                c.reach(explain, l, m, || "organizations differ".into());
            }
        }
    }
    // A work address at the other record's organisation.
    for (x, y) in [(a, b), (b, a)] {
        if x.present() & Present::EMAIL_DOMAINS == 0 || y.present() & Present::ORG_LETTERS == 0 {
            continue;
        }
        if let Some(d) = shared(x.email_domains(), y.org_letters()) {
            c.reach(explain, Level::DomainOrg, m, || {
                format!("email domain {d} ~ organization")
            });
            break;
        }
    }
    if has(Present::TITLES) {
        if let Some(t) = shared(a.titles(), b.titles()) {
            c.reach(explain, Level::TitleExact, m, || format!("title {t}"));
        } else {
            let l = Level::TitleDifferent;
            c.reach(explain, l, m, || "titles differ".into());
        }
    }
    let address = if has(Present::STREETS | Present::POSTCODES | Present::CITIES) {
        address_level(a, b)
    } else {
        None
    };
    for (level, value) in [
        address.map(|l| {
            let v = match l {
                Level::AddressExact
                | Level::AddressClose
                | Level::StreetExact
                | Level::StreetSimilar => a.streets().next().map(|s| s.1),
                Level::PostcodeExact | Level::PostcodeClose => a.postcodes().first(),
                _ => a.cities().first(),
            };
            (l, v)
        }),
        birthday.map(|l| {
            let v = if l == Level::BirthdayExact {
                a.birthday_full()
            } else {
                a.birthday_md()
            };
            (l, Some(v))
        }),
    ]
    .into_iter()
    .flatten()
    {
        c.reach(explain, level, m, || match (level, value) {
            (
                Level::LocalityExact
                | Level::PostcodeExact
                | Level::AddressExact
                | Level::StreetExact
                | Level::BirthdayExact
                | Level::BirthdayMonthDay,
                Some(v),
            ) => format!("{} {v}", level.id()),
            _ => level.id().to_string(),
        });
    }
    c
}

/// Profiles: the same one, or two of one service that cannot both be the person's.
fn profiles(a: &Features, b: &Features, m: &Model, c: &mut Comparison, explain: bool) {
    let mut profile_agree = false;
    for (svc, key) in a.profiles() {
        if b.profiles().any(|(s, k)| s == svc && k == key) {
            profile_agree = true;
            c.reach(explain, Level::ProfileExact, m, || format!("profile {key}"));
            break;
        }
    }
    if !profile_agree {
        for (svc, key) in a.profiles() {
            if b.profiles().any(|(s, k)| s == svc && same_form(k, key)) {
                let l = if SINGLE_ACCOUNT_SERVICES.contains(&svc) {
                    Level::ProfileConflict
                } else {
                    Level::ProfileOther
                };
                c.reach(explain, l, m, || format!("{svc} profiles different"));
                break;
            }
        }
    }
}

/// Handles: against each other, against the other side's name and email local part.
fn handles(
    a: &Features,
    b: &Features,
    m: &Model,
    names_agree: bool,
    c: &mut Comparison,
    explain: bool,
) {
    if a.present() & b.present() & Present::HANDLES != 0 {
        if let Some(h) = shared(a.handles(), b.handles()) {
            c.reach(explain, Level::HandleSame, m, || format!("handle {h}"));
        }
    }
    for (x, y) in [(a, b), (b, a)] {
        if x.has_name() && !y.has_name() {
            // Nothing of `y` to spell `x`'s name.
            if y.present() & (Present::HANDLES | Present::EMAIL_LOCALS) == 0 {
                continue;
            }
            let keys = x.name_handles();
            // The best spelling any of them reaches, not the first found: "sophieadams" less
            // its affix "ms" is the given name and the start of the family name, but whole it
            // spells the whole name.
            let hit = y
                .handles()
                .iter()
                .zip(y.handle_keys())
                .chain(y.email_locals().iter().zip(y.local_keys()))
                .filter_map(|(h, k)| Some((h, keys.iter().position(|n| n == k)?)))
                .min_by_key(|&(_, at)| at);
            if let Some((h, at)) = hit {
                // A handle that spells the whole name is as rare as the name: it counts like a
                // name match (same cap for names one source holds several times), a little less
                // since it is the person's choice; an initial and a family name count like the
                // family name with a matching initial; the given name and a letter or the start
                // of the family name count like the given name and that much of the family
                // name. Nothing when several people of one list bear the name.
                let (level, base) = if at < x.name_handles_full {
                    (
                        Level::HandleName,
                        whole_name_handle(x, m) - m.w(Level::HandleName),
                    )
                } else if at < x.name_handles_family {
                    (
                        Level::HandleInitialFamily,
                        x.family_weight + x.initial_weight - x.name_offset,
                    )
                } else if at < x.name_handles_initial {
                    (Level::HandleGivenInitial, x.given_weight - x.name_offset)
                } else {
                    (Level::HandleGivenStart, x.given_weight - x.name_offset)
                };
                let w = base + m.w(level) - handle_ambiguity(x);
                c.closeness = c
                    .closeness
                    .max(if level == Level::HandleName { 3 } else { 2 });
                c.add(explain, level, w, || {
                    format!("handle {h} ~ name {}", x.name_key())
                });
            } else if let Some((h, _)) =
                y.handles().iter().zip(y.handle_keys()).find(|(h, k)| {
                    h.len() >= 6 && !x.family().is_empty() && x.local_keys().contains(k)
                })
            {
                // The handle is the other's email address before the @ ("adamupcombe" and
                // adam_upcombe72@ of a contact saved as "Aam Upcombe"): one username chosen
                // twice, as telling as a handle spelling the whole name.
                let w = whole_name_handle(x, m) - handle_ambiguity(x);
                c.closeness = c.closeness.max(3);
                c.add(explain, Level::HandleName, w, || {
                    format!("handle {h} = email local part")
                });
            }
        } else if x.has_name()
            && y.has_name()
            && !names_agree
            && y.present() & Present::EMAIL_LOCALS != 0
        {
            // Supporting only: an email local part that spells the other's name when the names
            // themselves do not agree ("Becky" with rkelly@ and Rebecca Kelly). When it also
            // spells its own record's name it says nothing the names have not said already.
            let keys = x.name_handles();
            if let Some((h, k)) = y
                .email_locals()
                .iter()
                .zip(y.local_keys())
                .find(|(_, k)| keys.contains(k) && !y.name_handles().contains(k))
            {
                // A record with a given name alone ("Mona", "Joaquin") whose address spells the
                // other's whole name or its initial and family name (mona_abdulhalim68@,
                // jbenito@): the address supplies the family name. Given name and address
                // together count like the whole name, a little less (the population offset is
                // already off the given name's weight).
                let full = keys.iter().take(x.name_handles_family).any(|n| n == k);
                let base = m.w(Level::EmailName);
                let w = if full && y.family().is_empty() {
                    let given = (y.given_weight.min(x.given_weight) - x.name_offset).max(0.0);
                    (x.family_weight - 1.0)
                        .min(name_cap(x.ambiguity) - 1.0 - given)
                        .max(base)
                } else {
                    base
                };
                c.closeness = c.closeness.max(2);
                c.add(explain, Level::EmailName, w, || {
                    format!("email local part {h} ~ name")
                });
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedupe::features::{name_handles, Draft, Head, List};
    use crate::dedupe::hash::handle_key;
    use crate::dedupe::levels::{Field, LEVELS};
    use std::collections::HashSet;

    fn named(given: &str, family: &str) -> Draft {
        let mut f = Draft {
            given: given.into(),
            family: family.into(),
            name_key: format!("{given} {family}").into(),
            head: Head {
                given_groups: keys::nickname_groups(given),
                n_tokens: 2,
                given_weight: 6.0,
                family_weight: 8.0,
                initial_weight: 3.0,
                ambiguity: 1,
                ..Head::default()
            },
            ..Draft::default()
        };
        let (forms, full, family_end, initial_end) = name_handles(&f, &[]);
        f.name_handles = forms.iter().map(|k| handle_key(k)).collect();
        f.name_handles_full = full;
        f.name_handles_family = family_end;
        f.name_handles_initial = initial_end;
        f
    }

    fn with_handle(h: &str) -> Draft {
        Draft {
            handles: list(&[h]),
            handle_keys: vec![handle_key(h)].into(),
            ..Draft::default()
        }
    }

    fn list(v: &[&str]) -> List {
        v.iter().map(|&s| s.into()).collect()
    }

    /// One pair per level that reaches it, and the field it shows on.
    fn cases() -> Vec<(Level, Features, Features)> {
        let d = Draft::default;
        let mut out = Vec::new();
        let mut add = |l: Level, a: Draft, b: Draft| out.push((l, a.pack(), b.pack()));
        let emails = |v: &[&str]| Draft {
            emails: list(v),
            ..d()
        };
        add(
            Level::EmailExact,
            emails(&["a@x.org"]),
            emails(&["a@x.org"]),
        );
        add(
            Level::EmailDifferent,
            emails(&["a@x.org"]),
            emails(&["b@x.org"]),
        );
        let phones = |p: &[&str], t: &[&str]| Draft {
            phones: list(p),
            phone_tails: list(t),
            ..d()
        };
        add(
            Level::PhoneExact,
            phones(&["+4712345678"], &["12345678"]),
            phones(&["+4712345678"], &["12345678"]),
        );
        add(
            Level::PhoneTail,
            phones(&[], &["12345678"]),
            phones(&["+4712345678"], &["12345678"]),
        );
        add(
            Level::PhoneDifferent,
            phones(&[], &["12345678"]),
            phones(&[], &["87654321"]),
        );
        let profile = |s: &str, k: &str| Draft {
            profiles: vec![(s.to_string().into(), k.into())].into(),
            ..d()
        };
        add(
            Level::ProfileExact,
            profile("linkedin", "https://linkedin.com/in/a"),
            profile("linkedin", "https://linkedin.com/in/a"),
        );
        add(
            Level::ProfileConflict,
            profile("linkedin", "https://linkedin.com/in/a"),
            profile("linkedin", "https://linkedin.com/in/b"),
        );
        add(
            Level::ProfileOther,
            profile("github", "https://github.com/a"),
            profile("github", "https://github.com/b"),
        );
        add(
            Level::GivenExact,
            named("anna", "berg"),
            named("anna", "berg"),
        );
        add(
            Level::GivenNickname,
            named("alexander", "berg"),
            named("alex", "berg"),
        );
        add(
            Level::GivenSimilar,
            named("qwertyx", "berg"),
            named("qwertxy", "berg"),
        );
        add(
            Level::GivenVariant,
            named("louis", "berg"),
            named("louise", "berg"),
        );
        add(
            Level::GivenInitial,
            named("j", "berg"),
            named("john", "berg"),
        );
        add(
            Level::GivenDifferent,
            named("anna", "berg"),
            named("zoe", "berg"),
        );
        add(
            Level::FamilyExact,
            named("anna", "berg"),
            named("anna", "berg"),
        );
        let mut double = named("ana", "ortizhernandez");
        double.family_head = "ortiz".into();
        add(Level::FamilyDropped, double, named("ana", "ortiz"));
        add(
            Level::FamilySimilar,
            named("anna", "berglund"),
            named("anna", "berglnud"),
        );
        let mut vega = named("ana", "vega");
        let mut vera = named("ana", "vera");
        vega.family_count = 3;
        vera.family_count = 3;
        add(Level::FamilyVariant, vega, vera);
        add(
            Level::FamilyDifferent,
            named("anna", "berg"),
            named("anna", "smith"),
        );
        add(
            Level::HandleSame,
            with_handle("janedoe"),
            with_handle("janedoe"),
        );
        add(
            Level::HandleName,
            named("jane", "doe"),
            with_handle("janedoe"),
        );
        add(
            Level::HandleInitialFamily,
            named("jane", "doe"),
            with_handle("jdoe"),
        );
        add(
            Level::HandleGivenInitial,
            named("jane", "doe"),
            with_handle("janed"),
        );
        add(
            Level::HandleGivenStart,
            named("michelle", "smith"),
            with_handle("michellesmi"),
        );
        let mut becky = named("zelda", "kelly");
        becky.email_locals = list(&["rkelly"]);
        becky.local_keys = vec![handle_key("rkelly")].into();
        add(Level::EmailName, named("rebecca", "kelly"), becky);
        let orgs = |v: &[&str]| Draft {
            orgs: list(v),
            ..d()
        };
        add(Level::OrgExact, orgs(&["initech"]), orgs(&["initech"]));
        add(
            Level::OrgSimilar,
            orgs(&["initech systems"]),
            orgs(&["initech system"]),
        );
        add(Level::OrgDifferent, orgs(&["initech"]), orgs(&["globex"]));
        add(
            Level::DomainOrg,
            Draft {
                email_domains: list(&["initech"]),
                ..d()
            },
            Draft {
                org_letters: list(&["initech"]),
                ..d()
            },
        );
        let titles = |v: &[&str]| Draft {
            titles: list(v),
            ..d()
        };
        add(Level::TitleExact, titles(&["cto"]), titles(&["cto"]));
        add(Level::TitleDifferent, titles(&["cto"]), titles(&["ceo"]));
        let born = |md: &str, full: &str| Draft {
            birthday_md: md.into(),
            birthday_full: full.into(),
            ..d()
        };
        add(
            Level::BirthdayExact,
            born("04-09", "1956-04-09"),
            born("04-09", "1956-04-09"),
        );
        add(
            Level::BirthdayClose,
            born("04-09", "1956-04-09"),
            born("04-08", "1956-04-08"),
        );
        add(
            Level::BirthdayMonthDay,
            born("04-09", ""),
            born("04-09", "1956-04-09"),
        );
        add(
            Level::BirthdayDifferent,
            born("04-09", "1956-04-09"),
            born("11-30", "1971-11-30"),
        );
        let street = |n: &str, s: &str| Draft {
            streets: vec![(n.into(), s.into())].into(),
            ..d()
        };
        add(
            Level::StreetExact,
            street("60", "currongstreet"),
            street("60", "currongstreet"),
        );
        let home = |n: &str, s: &str, code: &str, town: &str| Draft {
            streets: vec![(n.into(), s.into())].into(),
            postcodes: list(&[code]),
            cities: list(&[town]),
            ..d()
        };
        add(
            Level::AddressExact,
            home("60", "currongstreet", "2232", "chactor"),
            home("60", "currongstreet", "2232", "chactor"),
        );
        add(
            Level::AddressClose,
            home("60", "currongstreet", "2232", "chactor"),
            home("6", "currongstreet", "2232", "chactor"),
        );
        add(
            Level::StreetSimilar,
            street("60", "currongstreet"),
            street("6", "currongstreet"),
        );
        add(
            Level::AddressDifferent,
            street("60", "currongstreet"),
            street("12", "mainroad"),
        );
        let code = |v: &[&str]| Draft {
            postcodes: list(v),
            ..d()
        };
        add(Level::PostcodeExact, code(&["2232"]), code(&["2232"]));
        add(Level::PostcodeClose, code(&["2232"]), code(&["2233"]));

        let city = |v: &[&str]| Draft {
            cities: list(v),
            ..d()
        };
        add(Level::LocalityExact, city(&["oslo"]), city(&["oslo"]));
        add(
            Level::LocalitySimilar,
            city(&["wellington point"]),
            city(&["wellingtn point"]),
        );

        let export = || {
            let mut f = named("anna", "berg");
            f.kind = Kind::Message;
            f.input = 7;
            f
        };
        add(Level::SameExport, export(), export());
        out
    }

    #[test]
    fn every_level_is_reached_by_its_case() {
        let model = Model::default();
        let mut covered = HashSet::new();
        for (level, a, b) in cases() {
            let c = compare(&a, &b, &model, true);
            assert_eq!(
                c.gamma.get(level.field()),
                Some(level),
                "{}: got {:?}",
                level.id(),
                c.gamma.levels().map(Level::id).collect::<Vec<_>>()
            );
            covered.insert(level);
        }
        let missing: Vec<&str> = LEVELS
            .iter()
            .filter(|s| !covered.contains(&s.level))
            .map(|s| s.id)
            .collect();
        assert!(missing.is_empty(), "levels without a case: {missing:?}");
    }

    #[test]
    fn numbered_features_score_as_unnumbered_ones() {
        use crate::dedupe::features::number_names;
        let model = Model::default();
        let plain = cases();
        let mut all: Vec<Features> = plain
            .iter()
            .flat_map(|(_, a, b)| [a.clone(), b.clone()])
            .collect();
        // Swapped and crossed names too, against every other case.
        all.push(named("berg", "anna").pack());
        all.push(named("ortiz", "ana").pack());
        let mut numbered = all.clone();
        number_names(&mut numbered);
        for (i, (a, b)) in all.iter().zip(&numbered).enumerate() {
            for (c, d) in all.iter().zip(&numbered) {
                let (x, y) = (compare(a, c, &model, true), compare(b, d, &model, true));
                assert_eq!(x.weight.to_bits(), y.weight.to_bits(), "case {i}");
                assert_eq!(x.gamma, y.gamma, "case {i}");
                assert_eq!(x.evidence, y.evidence, "case {i}");
                assert_eq!(x.closeness, y.closeness, "case {i}");
                assert_eq!(x.beyond_name, y.beyond_name, "case {i}");
            }
        }
    }

    #[test]
    fn a_level_weighs_what_the_model_says() {
        let (a, b) = (
            Draft {
                emails: list(&["a@x.org"]),
                ..Draft::default()
            }
            .pack(),
            Draft {
                emails: list(&["a@x.org"]),
                ..Draft::default()
            }
            .pack(),
        );
        let mut file = Model::default().to_file();
        for p in &mut file.levels {
            if p.level == "email-exact" {
                p.weight = 21.5;
            }
        }
        let model = Model::from_file(file).unwrap();
        assert_eq!(compare(&a, &b, &model, false).weight, 21.5);
        assert_eq!(compare(&a, &b, &Model::default(), false).weight, 13.0);
    }

    #[test]
    fn a_shared_birth_date_is_not_read_as_relatives() {
        let model = Model::default();
        let (a, b) = (named("benjamin", "webb"), named("alessandra", "webb"));
        let relatives = compare(&a.clone().pack(), &b.clone().pack(), &model, false).weight;
        let mut a2 = a;
        let mut b2 = b;
        for f in [&mut a2, &mut b2] {
            f.birthday_md = "04-15".into();
            f.birthday_full = "1986-04-15".into();
        }
        let personal = compare(&a2.pack(), &b2.pack(), &model, false);
        // The family name now counts, beside the birthday's own weight.
        assert!(personal.weight > relatives + model.w(Level::BirthdayExact) + 1.0);
        assert_eq!(personal.gamma.get(Field::Family), Some(Level::FamilyExact));
    }

    #[test]
    fn a_handle_reaches_its_best_spelling_not_its_first() {
        let model = Model::default();
        let name = named("sophie", "adams");
        // Less its affix "ms", "sophieadams" is the given name and the start of the family
        // name; whole, it spells the whole name. The affix-stripped core is listed first.
        let mut handle = with_handle("sophieada");
        handle.handles = list(&["sophieada", "sophieadams"]);
        handle.handle_keys = vec![handle_key("sophieada"), handle_key("sophieadams")].into();
        let name = name.pack();
        let c = compare(&name, &handle.pack(), &model, false);
        assert_eq!(c.gamma.get(Field::Handle), Some(Level::HandleName));
        let whole = compare(&name, &with_handle("sophieadams").pack(), &model, false);
        assert_eq!(c.weight, whole.weight);
    }
}
