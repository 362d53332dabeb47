//! Builds each culture's name pools from the lists in `names.rs` and draws from them.
//!
//! Real name frequencies are long-tailed: a few names are very common and most are rare. The
//! pools model that: each culture's given names (per sex) and family names are ranked, common
//! real names first, then composed ones (root + suffix, in a fixed shuffled order), and drawn with
//! weight `1 / (rank + k)`. Family names far outnumber the hand-written lists: they are composed
//! from real roots and the suffixes or particles of their culture (Lind + ström, Kowal + ski,
//! van der + Meer, Al- + Rashid), so most full names in a large population are unique while John
//! Smith still repeats. Every person is a random combination: no real individual is modelled.
//!
//! Pools are built once, at the first call of `cultures()`, from fixed data and a fixed shuffle
//! seed: the same run seed always gives the same people.

use super::{Given, Plan, Script, Spec, SPECS};
use fastrand::Rng;
use std::collections::HashSet;
use std::sync::OnceLock;

/// One culture's built name pools. `given` holds the male names, then the female ones;
/// `family` holds, in gendered cultures (Russian, Polish, Greek), the masculine and feminine form
/// of each family name side by side (`Ivanov`, `Ivanova`).
pub struct Culture {
    pub key: &'static str,
    /// Relative share of people.
    pub weight: u32,
    pub given: &'static [Given],
    pub family: &'static [&'static str],
    /// Share of people with a middle name.
    pub middle: f64,
    /// Native-script spellings, parallel to `given` and `family`, for non-Latin cultures.
    pub native: Option<(&'static [&'static str], &'static [&'static str])>,
    pub plan: Plan,
    /// First female index in `given`.
    female_from: usize,
    /// Cumulative weights of the male and of the female given names.
    given_cdf: [Vec<f64>; 2],
    /// Cumulative weights of the family names (one entry per name, both forms).
    family_cdf: Vec<f64>,
    /// 2 when `family` holds a masculine and a feminine form per name, else 1.
    forms: usize,
}

impl Culture {
    pub fn female(&self, gi: usize) -> bool {
        gi >= self.female_from
    }

    /// A given name of either sex.
    pub fn draw_given(&self, rng: &mut Rng) -> usize {
        let female = rng.bool();
        self.draw_given_of(rng, female)
    }

    /// A given name of one sex.
    pub fn draw_given_of(&self, rng: &mut Rng, female: bool) -> usize {
        let i = draw(&self.given_cdf[female as usize], rng);
        if female {
            self.female_from + i
        } else {
            i
        }
    }

    /// A family name, in the form that fits given name `gi`.
    pub fn draw_family(&self, rng: &mut Rng, gi: usize) -> usize {
        self.same_family(draw(&self.family_cdf, rng) * self.forms, gi)
    }

    /// Family name `fi` (of a relative) in the form that fits given name `gi`.
    pub fn same_family(&self, fi: usize, gi: usize) -> usize {
        if self.forms == 2 {
            fi / 2 * 2 + self.female(gi) as usize
        } else {
            fi
        }
    }

    /// Number of distinct family names (not forms).
    #[cfg(test)]
    pub fn family_names(&self) -> usize {
        self.family.len() / self.forms
    }
}

fn draw(cdf: &[f64], rng: &mut Rng) -> usize {
    let x = rng.f64() * cdf.last().copied().unwrap_or(0.0);
    cdf.partition_point(|&c| c <= x).min(cdf.len() - 1)
}

/// Zipf-like cumulative weights `1 / (rank + k)`.
fn zipf_cdf(n: usize, k: f64) -> Vec<f64> {
    let mut acc = 0.0;
    (0..n)
        .map(|r| {
            acc += 1.0 / (r as f64 + k);
            acc
        })
        .collect()
}

/// All cultures, built on first use.
pub fn cultures() -> &'static [Culture] {
    static CELL: OnceLock<Vec<Culture>> = OnceLock::new();
    CELL.get_or_init(|| SPECS.iter().enumerate().map(|(i, s)| build(i, s)).collect())
}

fn leak<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

fn leak_str(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// Items of a comma-separated list; `_` is the empty item (a head without a particle).
fn items(s: &'static str) -> impl Iterator<Item = &'static str> {
    s.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| if t == "_" { "" } else { t })
}

/// Latin spelling of a native-script name.
fn latin(script: Script, native: &str) -> String {
    match script {
        Script::Latin => native.to_string(),
        Script::Cyrillic => translit_ru(native),
        Script::Greek => translit_el(native),
        Script::Han => pinyin(native),
    }
}

/// A given-name entry: `Latin=nick/nick` or, in other scripts, `Native[:Latin][=nick/nick]`.
/// Returns (Latin, nicknames, native).
fn parse_given(script: Script, e: &'static str) -> (&'static str, Vec<&'static str>, &'static str) {
    let (name, nicks) = e.split_once('=').unwrap_or((e, ""));
    let nicks: Vec<&str> = nicks.split('/').filter(|n| !n.is_empty()).collect();
    if script == Script::Latin {
        return (name, nicks, "");
    }
    match name.split_once(':') {
        Some((native, lat)) => (lat, nicks, native),
        None => (leak_str(latin(script, name)), nicks, name),
    }
}

/// Joins a root and a suffix; `Anders` + `sson` is `Andersson`, `Lars` + `sen` is `Larsen`.
fn join(head: &str, sep: &str, tail: &str) -> String {
    if sep.is_empty() && head.ends_with('s') && tail.starts_with('s') {
        return format!("{head}{}", &tail[1..]);
    }
    format!("{head}{sep}{tail}")
}

/// Fixed seed of the shuffle that orders composed names (not the run seed: the pools are the
/// same world for every run).
const POOL_SEED: u64 = 0x6e61_6d65_7330;

struct Pool {
    /// (Latin, nicknames, native)
    given: [Vec<(&'static str, Vec<&'static str>, &'static str)>; 2],
    /// Masculine form per family name, native form when the culture has one.
    family: Vec<String>,
}

fn build(idx: usize, s: &Spec) -> Culture {
    let mut rng = Rng::with_seed(POOL_SEED ^ idx as u64);
    let mut pool = Pool {
        given: [Vec::new(), Vec::new()],
        family: Vec::new(),
    };
    for (sex, list) in [s.male, s.female].into_iter().enumerate() {
        let mut seen: HashSet<&str> = HashSet::new();
        for e in items(list) {
            let g = parse_given(s.script, e);
            if seen.insert(g.0) {
                pool.given[sex].push(g);
            }
        }
        // Composed given names (Indian compounds, Chinese two-character names) follow the
        // listed ones, in a fixed shuffled order.
        let mut composed = Vec::new();
        for c in s.given_compose.iter().filter(|c| c.female == (sex == 1)) {
            for h in items(c.heads) {
                for t in items(c.tails) {
                    composed.push(join(h, c.sep, t));
                }
            }
        }
        rng.shuffle(&mut composed);
        for n in composed {
            let lat = leak_str(latin(s.script, &n));
            let native = if s.script == Script::Latin {
                ""
            } else {
                leak_str(n)
            };
            if seen.insert(lat) {
                pool.given[sex].push((lat, Vec::new(), native));
            }
        }
    }
    let mut seen: HashSet<String> = HashSet::new();
    for f in items(s.family) {
        if seen.insert(f.to_string()) {
            pool.family.push(f.to_string());
        }
    }
    let mut composed = Vec::new();
    for c in s.family_compose {
        for h in items(c.heads) {
            for t in items(c.tails) {
                // "Bergberg", "Krishnakrishnan": a root never repeats in its own suffix.
                if h.is_empty() || !t.to_lowercase().starts_with(&h.to_lowercase()) {
                    composed.push(join(h, c.sep, t));
                }
            }
        }
    }
    rng.shuffle(&mut composed);
    for f in composed {
        if !s.deny.contains(&f.as_str()) && seen.insert(f.clone()) {
            pool.family.push(f);
        }
    }

    let female_from = pool.given[0].len();
    let given_cdf = [
        zipf_cdf(pool.given[0].len(), s.given_k),
        zipf_cdf(pool.given[1].len(), s.given_k),
    ];
    let mut given = Vec::new();
    let mut native_given = Vec::new();
    for (lat, nicks, native) in pool.given.into_iter().flatten() {
        given.push((lat, leak(nicks)));
        native_given.push(native);
    }
    let forms = if s.feminine.is_some() { 2 } else { 1 };
    let mut family = Vec::new();
    let mut native_family = Vec::new();
    for f in &pool.family {
        let mut forms_of = vec![f.clone()];
        if let Some(fem) = s.feminine {
            forms_of.push(fem(f));
        }
        for form in forms_of {
            if s.script == Script::Latin {
                family.push(leak_str(form));
            } else {
                family.push(leak_str(latin(s.script, &form)));
                native_family.push(leak_str(form));
            }
        }
    }
    Culture {
        key: s.key,
        weight: s.weight,
        family_cdf: zipf_cdf(pool.family.len(), s.family_k),
        given: leak(given),
        family: leak(family),
        middle: s.middle,
        native: (s.script != Script::Latin).then(|| (leak(native_given), leak(native_family))),
        plan: s.plan,
        female_from,
        given_cdf,
        forms,
    }
}

// ---------------------------------------------------------------------------------------------
// Feminine family names

/// Russian: Иванов → Иванова, Ильин → Ильина, Покровский → Покровская.
pub fn feminine_ru(m: &str) -> String {
    if let Some(stem) = m.strip_suffix("ий") {
        return format!("{stem}ая");
    }
    if ["ов", "ев", "ёв", "ин", "ын"]
        .iter()
        .any(|s| m.ends_with(s))
    {
        return format!("{m}а");
    }
    m.to_string()
}

/// Polish: Kowalski → Kowalska, Nowicki → Nowicka; Nowak, Wójcik stay.
pub fn feminine_pl(m: &str) -> String {
    match m.strip_suffix('i') {
        Some(stem) if stem.ends_with("sk") || stem.ends_with("ck") || stem.ends_with("dzk") => {
            format!("{stem}a")
        }
        _ => m.to_string(),
    }
}

/// Greek: Παπαδόπουλος → Παπαδοπούλου, Νικολαΐδης → Νικολαΐδου, Παπαδάκης → Παπαδάκη,
/// Βλάχος → Βλάχου, Παππάς → Παππά; genitive names (Γεωργίου) stay.
pub fn feminine_el(m: &str) -> String {
    let rules: &[(&str, &str)] = &[
        ("όπουλος", "οπούλου"),
        ("ίδης", "ίδου"),
        ("ιάδης", "ιάδου"),
        ("ός", "ού"),
        ("ος", "ου"),
        ("ής", "ή"),
        ("ης", "η"),
        ("άς", "ά"),
        ("ας", "α"),
    ];
    for (m_end, f_end) in rules {
        if let Some(stem) = m.strip_suffix(m_end) {
            return format!("{stem}{f_end}");
        }
    }
    m.to_string()
}

// ---------------------------------------------------------------------------------------------
// Romanisation

/// Russian, as passports and most people write it (Дмитрий → Dmitry, Васильев → Vasilyev,
/// Фёдоров → Fedorov); `deunicode` gives nearly the same (Dmitrii, Vasil'ev, Fiodorov).
pub fn translit_ru(s: &str) -> String {
    let cs: Vec<char> = s.chars().collect();
    let mut out = String::new();
    for (i, &c) in cs.iter().enumerate() {
        let next = cs.get(i + 1).copied();
        let lower: String = c.to_lowercase().collect();
        let t = match lower.as_str() {
            "а" => "a",
            "б" => "b",
            "в" => "v",
            "г" => "g",
            "д" => "d",
            // Васильев → Vasilyev.
            "е" | "ё" if i > 0 && matches!(cs[i - 1], 'ь' | 'ъ') => "ye",
            "е" | "ё" | "э" => "e",
            "ж" => "zh",
            "з" => "z",
            // -ий, -ый at the end: Dmitry, Yury.
            "и" if next == Some('й') && i + 2 == cs.len() => "",
            "ы" if next == Some('й') && i + 2 == cs.len() => "",
            "и" => "i",
            "й" => "y",
            "к" => "k",
            "л" => "l",
            "м" => "m",
            "н" => "n",
            "о" => "o",
            "п" => "p",
            "р" => "r",
            "с" => "s",
            "т" => "t",
            "у" => "u",
            "ф" => "f",
            "х" => "kh",
            "ц" => "ts",
            "ч" => "ch",
            "ш" => "sh",
            "щ" => "shch",
            "ъ" | "ь" => "",
            "ы" => "y",
            "ю" => "yu",
            "я" => "ya",
            _ => {
                out.push(c);
                continue;
            }
        };
        push_cased(&mut out, t, c.is_uppercase());
    }
    out
}

/// Greek, ELOT 743 as Greek passports write it (Ιωάννης → Ioannis, Χρήστος → Christos,
/// Ευάγγελος → Evangelos); `deunicode` writes η as e and χ as kh (Ioannes, Khristos).
pub fn translit_el(s: &str) -> String {
    let cs: Vec<char> = s.chars().collect();
    let base = |c: char| -> char {
        match c {
            'ά' => 'α',
            'έ' => 'ε',
            'ή' => 'η',
            'ί' | 'ϊ' | 'ΐ' => 'ι',
            'ό' => 'ο',
            'ύ' | 'ϋ' | 'ΰ' => 'υ',
            'ώ' => 'ω',
            'Ά' => 'Α',
            'Έ' => 'Ε',
            'Ή' => 'Η',
            'Ί' => 'Ι',
            'Ό' => 'Ο',
            'Ύ' => 'Υ',
            'Ώ' => 'Ω',
            c => c,
        }
    };
    let low = |c: char| base(c).to_lowercase().next().unwrap_or(c);
    let mut out = String::new();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        let up = c.is_uppercase();
        let l = low(c);
        let n = cs.get(i + 1).map(|&c| low(c));
        let diaeresis_next = matches!(cs.get(i + 1), Some('ϊ' | 'ΐ' | 'ϋ' | 'ΰ'));
        let (t, used): (&str, usize) = match (l, n) {
            ('ο', Some('υ')) if !diaeresis_next => ("ou", 2),
            ('α' | 'ε', Some('υ')) if !diaeresis_next => {
                let after = cs.get(i + 2).map(|&c| low(c));
                let voiceless = matches!(
                    after,
                    None | Some('θ' | 'κ' | 'ξ' | 'π' | 'σ' | 'ς' | 'τ' | 'φ' | 'χ' | 'ψ')
                );
                let t = match (l, voiceless) {
                    ('α', true) => "af",
                    ('α', false) => "av",
                    (_, true) => "ef",
                    _ => "ev",
                };
                (t, 2)
            }
            ('γ', Some('γ')) => ("ng", 2),
            ('γ', Some('ξ')) => ("nx", 2),
            ('γ', Some('χ')) => ("nch", 2),
            ('μ', Some('π')) if i == 0 => ("b", 2),
            ('ν', Some('τ')) if i == 0 => ("d", 2),
            ('α', _) => ("a", 1),
            ('β', _) => ("v", 1),
            ('γ', _) => ("g", 1),
            ('δ', _) => ("d", 1),
            ('ε', _) => ("e", 1),
            ('ζ', _) => ("z", 1),
            ('η', _) => ("i", 1),
            ('θ', _) => ("th", 1),
            ('ι', _) => ("i", 1),
            ('κ', _) => ("k", 1),
            ('λ', _) => ("l", 1),
            ('μ', _) => ("m", 1),
            ('ν', _) => ("n", 1),
            ('ξ', _) => ("x", 1),
            ('ο', _) => ("o", 1),
            ('π', _) => ("p", 1),
            ('ρ', _) => ("r", 1),
            ('σ' | 'ς', _) => ("s", 1),
            ('τ', _) => ("t", 1),
            ('υ', _) => ("y", 1),
            ('φ', _) => ("f", 1),
            ('χ', _) => ("ch", 1),
            ('ψ', _) => ("ps", 1),
            ('ω', _) => ("o", 1),
            _ => {
                out.push(c);
                i += 1;
                continue;
            }
        };
        push_cased(&mut out, t, up);
        i += used;
    }
    out
}

/// Chinese characters in pinyin without tones, syllables run together (王 → Wang, 志伟 →
/// Zhiwei, 欧阳 → Ouyang): `deunicode` gives the same syllables, spaced.
pub fn pinyin(s: &str) -> String {
    let syl: String = deunicode::deunicode(s)
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_lowercase();
    let mut cs = syl.chars();
    match cs.next() {
        Some(f) => f.to_ascii_uppercase().to_string() + cs.as_str(),
        None => String::new(),
    }
}

fn push_cased(out: &mut String, t: &str, upper: bool) {
    let mut cs = t.chars();
    if upper {
        if let Some(f) = cs.next() {
            out.push(f.to_ascii_uppercase());
        }
    }
    out.push_str(cs.as_str());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// rolo folds names with `keys::fold` (Greek by ELOT 743, the rest with deunicode): the
    /// Latin spelling of every native name must fold to the same or a very close string.
    fn fold(s: &str) -> String {
        rolo::normalize::keys::fold(s).replace(' ', "")
    }

    /// Latin and native spellings of one name, folded, are close: Jaro-Winkler at least 0.7
    /// for every name and at least 0.9 on average per culture. Chinese and Greek fold to the
    /// same string; Russian mostly (Фёдоров folds to fyodorov, which `translit_key` equates
    /// with Fedorov).
    #[test]
    fn native_and_latin_agree_after_folding() {
        let mut bad = Vec::new();
        for c in cultures() {
            let Some((ng, nf)) = c.native else { continue };
            assert_eq!(ng.len(), c.given.len(), "{}", c.key);
            assert_eq!(nf.len(), c.family.len(), "{}", c.key);
            let pairs = c
                .given
                .iter()
                .map(|g| g.0)
                .zip(ng.iter().copied())
                .chain(c.family.iter().copied().zip(nf.iter().copied()));
            let (mut sum, mut n, mut same) = (0.0, 0, 0);
            let mut worst = (1.0, String::new());
            for (lat, nat) in pairs {
                let (a, b) = (fold(lat), fold(nat));
                let jw = strsim::jaro_winkler(&a, &b);
                sum += jw;
                n += 1;
                same += (a == b) as usize;
                if jw < worst.0 {
                    worst = (jw, format!("{lat} / {nat}"));
                }
                if jw < 0.7 {
                    bad.push(format!("{}: {lat} / {nat} ({jw:.3})", c.key));
                }
            }
            let mean = sum / n as f64;
            eprintln!(
                "{:8} {n} names, {same} fold equal, mean Jaro-Winkler {mean:.3}, lowest {:.3} {}",
                c.key, worst.0, worst.1
            );
            assert!(mean >= 0.9, "{}: mean {mean:.3}", c.key);
        }
        assert!(bad.is_empty(), "{bad:#?}");
    }

    #[test]
    fn pools_are_large_and_names_unique() {
        for c in cultures() {
            assert!(c.given.len() >= 60, "{}: {} given", c.key, c.given.len());
            // Unique within a sex; a few are both (Hui: 辉 and 慧).
            for sex in [&c.given[..c.female_from], &c.given[c.female_from..]] {
                let mut seen = HashSet::new();
                for g in sex {
                    assert!(seen.insert(g.0), "{}: {} twice", c.key, g.0);
                }
            }
            let fam: HashSet<&str> = c.family.iter().copied().collect();
            assert!(fam.len() * c.forms >= c.family.len() / 2, "{}", c.key);
            eprintln!(
                "{:13} given {:4} ({} female), family {:5}",
                c.key,
                c.given.len(),
                c.given.len() - c.female_from,
                c.family_names()
            );
        }
    }

    #[test]
    fn feminine_forms() {
        assert_eq!(feminine_ru("Иванов"), "Иванова");
        assert_eq!(feminine_ru("Покровский"), "Покровская");
        assert_eq!(feminine_pl("Kowalski"), "Kowalska");
        assert_eq!(feminine_pl("Nowicki"), "Nowicka");
        assert_eq!(feminine_pl("Nowak"), "Nowak");
        assert_eq!(feminine_el("Παπαδόπουλος"), "Παπαδοπούλου");
        assert_eq!(feminine_el("Παπαδάκης"), "Παπαδάκη");
        assert_eq!(feminine_el("Γεωργίου"), "Γεωργίου");
        assert_eq!(translit_ru("Дмитрий"), "Dmitry");
        assert_eq!(translit_ru("Васильева"), "Vasilyeva");
        assert_eq!(translit_el("Ευάγγελος"), "Evangelos");
        assert_eq!(translit_el("Ευτυχία"), "Eftychia");
        assert_eq!(translit_el("Χρήστος"), "Christos");
        assert_eq!(pinyin("欧阳"), "Ouyang");
    }
}
