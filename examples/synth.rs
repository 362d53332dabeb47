//! Synthetic benchmark data: one invented population written out as every export rolo reads.
//!
//! `cargo run --release --example synth -- --people N --out DIR [--seed S] [--wide]` draws N
//! people, puts each on a random subset of platforms, and writes each platform's export in the
//! exact format of `formats/README.md`, with the variation real exports have (nicknames, dropped
//! diacritics, typos, credentials, emoji, ALL CAPS, national and international phone spellings,
//! in-book duplicates, same-name strangers, shared family inboxes, handle-only and id-only
//! accounts). `--wide` adds addresses, Febrl-like corruption of the address books, more handle
//! habits and nicknames outside rolo's table (`synth/wide.rs`).
//! Beside the exports it writes the ground truth `truth.csv` (`file,line,person_id,list,id_only`:
//! the line where each person record starts, as rolo reports it in `sources[]`; `id_only` marks
//! records that hold nothing but an opaque identifier — an X account id, or an Instagram or
//! Mastodon handle made of random words — so no field ties them to the person's other records) and
//! `truth-meta.json`, which `examples/score.rs` compares rolo's output against.
//!
//! Everything derives from the seed, so a run is reproducible byte for byte. Files are streamed
//! through a line-counting `BufWriter`, so the truth's line numbers are exact by construction and
//! a million records take seconds.

#[path = "synth/names.rs"]
mod names;
#[path = "synth/wide.rs"]
mod wide;

use fastrand::Rng;
use names::{cultures, Culture, Plan};
use std::collections::{BTreeMap, HashSet};
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;
use wide::Wide;

// ---------------------------------------------------------------------------------------------
// Arguments

struct Args {
    people: usize,
    out: PathBuf,
    seed: u64,
    /// The wide variant (examples/synth/wide.rs): addresses, birthdays, Febrl-like corruption
    /// of address books, more handle habits, nicknames outside rolo's table.
    wide: bool,
}

const USAGE: &str = "usage: synth [--people N] --out DIR [--seed S] [--wide]";

fn parse_args() -> Result<Args, String> {
    let mut people = 2000;
    let mut out = None;
    let mut seed = 42;
    let mut wide = false;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut val = |name: &str| it.next().ok_or(format!("{name} needs a value\n{USAGE}"));
        match a.as_str() {
            "--people" => {
                people = val("--people")?
                    .parse()
                    .map_err(|e| format!("--people: {e}"))?
            }
            "--out" => out = Some(PathBuf::from(val("--out")?)),
            "--seed" => seed = val("--seed")?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--wide" => wide = true,
            "-h" | "--help" => return Err(USAGE.to_string()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    let out = out.ok_or_else(|| USAGE.to_string())?;
    Ok(Args {
        people,
        out,
        seed,
        wide,
    })
}

// ---------------------------------------------------------------------------------------------
// Platforms and rates

/// One bit per list a person can be on.
#[derive(Clone, Copy)]
#[repr(u8)]
enum On {
    LiConn,
    LiContacts,
    LiInvite,
    LiMessage,
    Google,
    GoogleOld,
    Iphone,
    Android,
    Outlook,
    FbFriend,
    FbFollower,
    IgFollower,
    IgFollowing,
    XFollower,
    XFollowing,
    TgContact,
    TgFrequent,
    Mastodon,
}

/// Variation rates, in one place so that docs/benchmark-data.md can quote them.
mod rate {
    pub const LINKEDIN: f64 = 0.65;
    pub const LI_CONTACTS: f64 = 0.12;
    pub const LI_INVITE_CONNECTED: f64 = 0.12;
    pub const LI_INVITE_PENDING: f64 = 0.03;
    pub const LI_MESSAGE: f64 = 0.12;
    pub const GOOGLE: f64 = 0.45;
    pub const GOOGLE_OLD: f64 = 0.08;
    pub const IPHONE: f64 = 0.40;
    pub const ANDROID: f64 = 0.10;
    pub const OUTLOOK: f64 = 0.12;
    pub const FB_FRIEND: f64 = 0.30;
    pub const FB_FOLLOWER: f64 = 0.04;
    pub const INSTAGRAM: f64 = 0.28;
    pub const TWITTER: f64 = 0.10;
    pub const TELEGRAM: f64 = 0.08;
    pub const TG_FREQUENT: f64 = 0.35;
    pub const MASTODON: f64 = 0.04;
    /// People seen only as a social handle or account id.
    pub const HANDLE_ONLY: f64 = 0.03;
    pub const SAME_NAME: f64 = 0.02;
    pub const FAMILY_INBOX: f64 = 0.015;
    pub const IN_BOOK_DUPLICATE: f64 = 0.03;
    pub const HIDDEN_PROFILE: f64 = 0.005;
    pub const LI_EMAIL: f64 = 0.03;
    pub const CREDENTIAL: f64 = 0.05;
    pub const HAS_PHONE: f64 = 0.85;
    pub const HAS_EMAIL: f64 = 0.80;
    pub const HAS_WORK_EMAIL: f64 = 0.40;
    pub const HAS_BIRTHDAY: f64 = 0.40;
    pub const EMAIL_CASE: f64 = 0.05;
}

// ---------------------------------------------------------------------------------------------
// People

struct Phone {
    plan: &'static Plan,
    prefix: &'static str,
    sub: String,
}

impl Phone {
    fn grouped(&self) -> String {
        let mut s = String::with_capacity(self.sub.len() + 4);
        let mut at = 0;
        for (i, g) in self.plan.groups.iter().enumerate() {
            if i > 0 {
                s.push(if self.plan.cc == "1" || self.plan.cc == "7" {
                    '-'
                } else {
                    ' '
                });
            }
            s.push_str(self.sub.get(at..at + g).unwrap_or(""));
            at += g;
        }
        s
    }
    /// The prefix and the subscriber number as people space them: `40 123 456`, `612 345 678`.
    fn spaced(&self) -> String {
        let sep = if self.plan.glue { "" } else { " " };
        format!("{}{sep}{}", self.prefix, self.grouped())
    }
    /// `+386 40 123 456`
    fn intl(&self) -> String {
        format!("+{} {}", self.plan.cc, self.spaced())
    }
    /// `040 123 456`, `(415) 555-0123`, `8 (916) 123-45-67`
    fn national(&self) -> String {
        match self.plan.cc {
            "1" => format!("({}) {}", self.prefix, self.grouped()),
            "7" => format!("8 ({}) {}", self.prefix, self.grouped()),
            _ => format!("{}{}", self.plan.trunk, self.spaced()),
        }
    }
    /// `+38640123456`
    fn e164(&self) -> String {
        format!("+{}{}{}", self.plan.cc, self.prefix, self.sub)
    }
    /// The spelling one record uses: mostly international, often national, sometimes bare E.164.
    fn render(&self, rng: &mut Rng) -> String {
        let r = rng.f64();
        if r < 0.6 {
            self.intl()
        } else if r < 0.95 {
            self.national()
        } else {
            self.e164()
        }
    }
}

struct Person {
    id: u32,
    culture: &'static Culture,
    gi: usize,
    fi: usize,
    /// A second family name (Spanish), dropped on some platforms.
    family2: Option<&'static str>,
    middle: Option<&'static str>,
    credential: Option<&'static str>,
    email: Option<String>,
    work_email: Option<String>,
    family_email: Option<String>,
    phone: Option<Phone>,
    company: &'static str,
    title: &'static str,
    slug: String,
    ig: String,
    /// The Instagram handle is made of random words: nothing in it says who the person is.
    ig_opaque: bool,
    masto: String,
    /// The Mastodon handle is that opaque Instagram handle.
    masto_opaque: bool,
    x_id: u64,
    tg_id: u64,
    birthday: Option<(i64, u32, u32)>,
    /// Days since 1970-01-01 when the LinkedIn connection was made.
    connected: i64,
    on: u32,
    /// Wide variant: where the person lives.
    home: Option<wide::Home>,
    /// Wide variant: a nickname or spelling outside rolo's table the person goes by.
    alt_nick: Option<&'static str>,
}

impl Person {
    fn is(&self, on: On) -> bool {
        self.on & (1 << on as u8) != 0
    }
    fn set(&mut self, on: On) {
        self.on |= 1 << on as u8;
    }
    fn given(&self) -> &'static str {
        self.culture.given.get(self.gi).map_or("", |g| g.0)
    }
    fn nicks(&self) -> &'static [&'static str] {
        self.culture.given.get(self.gi).map_or(&[], |g| g.1)
    }
    fn family(&self) -> &'static str {
        self.culture.family.get(self.fi).copied().unwrap_or("")
    }
    fn native(&self) -> Option<(&'static str, &'static str)> {
        let (g, f) = self.culture.native?;
        Some((g.get(self.gi)?, f.get(self.fi)?))
    }
    fn cjk(&self) -> bool {
        self.culture.key == "chinese"
    }
}

fn pick<'a, T>(rng: &mut Rng, xs: &'a [T]) -> &'a T {
    &xs[rng.usize(..xs.len())]
}

fn chance(rng: &mut Rng, p: f64) -> bool {
    rng.f64() < p
}

/// Lower-case ASCII letters of a name, for emails and handles.
fn ascii_key(s: &str) -> String {
    deunicode::deunicode(s)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Draws the population. Same seed, same people.
fn people(n: usize, rng: &mut Rng, mut wide: Option<&mut Wide>) -> Vec<Person> {
    let cultures = cultures();
    let total: u32 = cultures.iter().map(|c| c.weight).sum();
    let mut used_mail: HashSet<String> = HashSet::with_capacity(n * 2);
    let mut used_slug: HashSet<String> = HashSet::with_capacity(n);
    let mut used_handle: HashSet<String> = HashSet::with_capacity(n);
    let mut used_phone: HashSet<String> = HashSet::with_capacity(n);
    let mut used_id: HashSet<u64> = HashSet::with_capacity(n);
    // For each same-name stranger, the person whose name they were given.
    let mut copied: Vec<Option<u32>> = Vec::with_capacity(n);
    let mut out: Vec<Person> = Vec::with_capacity(n);
    for id in 0..n {
        let mut w = rng.u32(..total);
        let mut culture = &cultures[0];
        for c in cultures {
            if w < c.weight {
                culture = c;
                break;
            }
            w -= c.weight;
        }
        // Names are drawn from long-tailed pools (names.rs): common names repeat, as John
        // Smith does, and most full names are unique. Those accidental collisions are real;
        // intended same-name strangers are added below at their own rate.
        let mut gi = culture.draw_given(rng);
        let mut fi = culture.draw_family(rng, gi);
        let mut family2 =
            (culture.key == "spanish").then(|| culture.family[culture.draw_family(rng, gi)]);
        let mut middle = None;
        if chance(rng, culture.middle) {
            middle = Some(culture.given[culture.draw_given_of(rng, culture.female(gi))].0);
        }
        // Same-name strangers: a distinct person with exactly someone else's name.
        let mut copy_of = None;
        if id > 0 && chance(rng, rate::SAME_NAME) {
            let j = rng.usize(..out.len());
            let o = &out[j];
            culture = o.culture;
            gi = o.gi;
            fi = o.fi;
            family2 = o.family2;
            middle = None;
            copy_of = Some(j as u32);
        }
        // A shared family inbox: a relative of someone drawn earlier, same family name.
        let mut family_of = None;
        if id > 0 && chance(rng, rate::FAMILY_INBOX) {
            let j = rng.usize(..out.len());
            if out[j].family_email.is_none() {
                let o = &out[j];
                if !std::ptr::eq(culture, o.culture) || o.gi == gi {
                    gi = o.culture.draw_given(rng);
                }
                culture = o.culture;
                if o.gi == gi {
                    gi = (o.gi + 1) % culture.given.len();
                }
                // Same family name, in the form for this relative (Ivanov, Ivanova).
                fi = culture.same_family(o.fi, gi);
                family2 = o.family2;
                copy_of = None;
                family_of = Some(j);
            }
        }
        copied.push(copy_of);
        let g = culture.given[gi].0;
        let f = culture.family[fi];
        let (gk, fk) = (ascii_key(g), ascii_key(f));
        let domain = *pick(rng, names::MAIL_DOMAINS);
        let email = chance(rng, rate::HAS_EMAIL).then(|| {
            let base = match rng.u8(..4) {
                0 => format!("{gk}.{fk}"),
                1 => format!("{gk}{fk}"),
                2 => format!("{}{fk}", &gk[..gk.len().min(1)]),
                _ => format!("{gk}_{fk}{}", rng.u32(60..100)),
            };
            unique_mail(&mut used_mail, &base, domain, rng)
        });
        let company = *pick(rng, names::COMPANIES);
        let work_email = chance(rng, rate::HAS_WORK_EMAIL).then(|| {
            let dom = format!("{}.example.com", ascii_key(company));
            unique_mail(&mut used_mail, &format!("{gk}.{fk}"), &dom, rng)
        });
        let phone = chance(rng, rate::HAS_PHONE).then(|| loop {
            let plan = &culture.plan;
            let digits: usize = plan.groups.iter().sum();
            let sub: String = (0..digits)
                .map(|i| char::from(b'0' + if i == 0 { rng.u8(1..10) } else { rng.u8(0..10) }))
                .collect();
            let prefix = *pick(rng, plan.prefixes);
            if used_phone.insert(format!("{}{prefix}{sub}", plan.cc)) {
                break Phone { plan, prefix, sub };
            }
        });
        let slug_base = format!("{}-{}", g.to_lowercase(), f.to_lowercase())
            .replace([' ', '\''], "-")
            .replace("--", "-");
        let slug_base = if culture.native.is_some() {
            ascii_slug(&slug_base)
        } else {
            slug_base
        };
        let slug = loop {
            let s = match rng.u8(..10) {
                0..=6 => format!("{slug_base}-{:x}", rng.u64(0x1000_0000..0xf_ffff_ffff)),
                7 | 8 => format!("{slug_base}{}", rng.u32(1..100)),
                _ => format!("{}{}", &gk[..gk.len().min(1)], fk),
            };
            if used_slug.insert(s.clone()) {
                break s;
            }
        };
        let mut ig_opaque;
        let ig = loop {
            ig_opaque = false;
            let h = match rng.u8(..10) {
                0..=2 => format!("{gk}.{fk}{}", rng.u32(1..100)),
                3 | 4 => format!("{gk}{fk}"),
                5 => format!("{gk}_{}", &fk[..fk.len().min(1)]),
                6 => format!("the{gk}{fk}"),
                _ => {
                    ig_opaque = true;
                    format!(
                        "{}_{}{}",
                        pick(rng, names::HANDLE_WORDS),
                        pick(rng, names::HANDLE_WORDS),
                        rng.u32(1..1000)
                    )
                }
            };
            if used_handle.insert(h.clone()) {
                break h;
            }
        };
        let masto_opaque = ig_opaque && chance(rng, 0.4);
        let masto = if masto_opaque || (!ig_opaque && chance(rng, 0.4)) {
            format!("{ig}@{}", pick(rng, names::MASTODON_HOSTS))
        } else {
            format!(
                "{}{fk}@{}",
                &gk[..gk.len().min(1)],
                pick(rng, names::MASTODON_HOSTS)
            )
        };
        let x_id = loop {
            let v = if chance(rng, 0.5) {
                rng.u64(10_000_000..3_000_000_000)
            } else {
                rng.u64(700_000_000_000_000_000..1_900_000_000_000_000_000)
            };
            if used_id.insert(v) {
                break v;
            }
        };
        let birthday = chance(rng, rate::HAS_BIRTHDAY)
            .then(|| (rng.i64(1950..2005), rng.u32(1..13), rng.u32(1..29)));
        let mut p = Person {
            id: id as u32,
            culture,
            gi,
            fi,
            family2,
            middle,
            credential: chance(rng, rate::CREDENTIAL).then(|| *pick(rng, names::CREDENTIALS)),
            email,
            work_email,
            family_email: None,
            phone,
            company,
            title: pick::<&str>(rng, names::TITLES),
            slug,
            ig,
            ig_opaque,
            masto,
            masto_opaque,
            x_id,
            tg_id: rng.u64(100_000_000..7_000_000_000),
            birthday,
            connected: rng.i64(days_from_civil(2010, 1, 1)..days_from_civil(2025, 6, 30)),
            on: 0,
            home: None,
            alt_nick: None,
        };
        if let Some(w) = wide.as_deref_mut() {
            w.person(&mut p, &used_handle);
        }
        if let Some(j) = family_of {
            let inbox = unique_mail(&mut used_mail, &format!("the{fk}s"), domain, rng);
            out[j].family_email = Some(inbox.clone());
            p.family_email = Some(inbox);
        }
        platforms(&mut p, rng);
        out.push(p);
    }
    if let Some(w) = wide {
        w.unique_handles(&mut out);
    }
    eprintln!("{}", name_stats(&out, &copied));
    out
}

/// How many people share their full name (given + family) with someone else: intended
/// same-name strangers (and the person they copy) apart from accidental collisions of common
/// names, overall and per culture.
fn name_stats(people: &[Person], copied: &[Option<u32>]) -> String {
    let root = |mut i: usize| {
        while let Some(j) = copied[i] {
            i = j as usize;
        }
        i
    };
    let mut groups: std::collections::HashMap<String, Vec<usize>> = Default::default();
    for (i, p) in people.iter().enumerate() {
        let key = format!("{} {} {}", p.given(), p.family(), p.family2.unwrap_or(""));
        groups.entry(key).or_default().push(i);
    }
    let (mut intended, mut accidental) = (0, 0);
    let mut per: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for p in people {
        per.entry(p.culture.key).or_default().0 += 1;
    }
    for g in groups.values().filter(|g| g.len() > 1) {
        let roots: HashSet<usize> = g.iter().map(|&i| root(i)).collect();
        if roots.len() == 1 {
            intended += g.len();
        } else {
            accidental += g.len();
            for &i in g {
                per.entry(people[i].culture.key).or_default().1 += 1;
            }
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    let n = people.len();
    let cultures: Vec<String> = per
        .iter()
        .map(|(k, &(all, acc))| format!("{k} {:.1}%", pct(acc, all)))
        .collect();
    format!(
        "synth: names: {:.2}% of {n} people share their full name: {:.2}% intended same-name \
         strangers, {:.2}% accidental ({})",
        pct(intended + accidental, n),
        pct(intended, n),
        pct(accidental, n),
        cultures.join(", ")
    )
}

fn ascii_slug(s: &str) -> String {
    deunicode::deunicode(s).to_lowercase().replace(' ', "-")
}

fn unique_mail(used: &mut HashSet<String>, base: &str, domain: &str, rng: &mut Rng) -> String {
    let mut m = format!("{base}@{domain}");
    while !used.insert(m.clone()) {
        m = format!("{base}{}@{domain}", rng.u32(1..10_000));
    }
    m
}

/// Which lists a person is on.
fn platforms(p: &mut Person, rng: &mut Rng) {
    if chance(rng, rate::HANDLE_ONLY) {
        match rng.u8(..4) {
            0 | 1 => p.set(On::IgFollower),
            2 => p.set(On::Mastodon),
            _ => p.set(On::XFollower),
        }
        return;
    }
    if chance(rng, rate::LINKEDIN) {
        p.set(On::LiConn);
        if chance(rng, rate::LI_INVITE_CONNECTED) {
            p.set(On::LiInvite);
        }
        if chance(rng, rate::LI_MESSAGE) {
            p.set(On::LiMessage);
        }
    } else if chance(rng, rate::LI_INVITE_PENDING) {
        p.set(On::LiInvite);
    }
    let book = [
        (On::LiContacts, rate::LI_CONTACTS),
        (On::Google, rate::GOOGLE),
        (On::GoogleOld, rate::GOOGLE_OLD),
        (On::Iphone, rate::IPHONE),
        (On::Android, rate::ANDROID),
        (On::Outlook, rate::OUTLOOK),
    ];
    for (on, r) in book {
        if chance(rng, r) {
            p.set(on);
        }
    }
    if chance(rng, rate::FB_FRIEND) {
        p.set(On::FbFriend);
    } else if chance(rng, rate::FB_FOLLOWER) {
        p.set(On::FbFollower);
    }
    if chance(rng, rate::INSTAGRAM) {
        match rng.u8(..10) {
            0..=5 => {
                p.set(On::IgFollower);
                p.set(On::IgFollowing);
            }
            6..=7 => p.set(On::IgFollower),
            _ => p.set(On::IgFollowing),
        }
    }
    if chance(rng, rate::TWITTER) {
        match rng.u8(..10) {
            0..=3 => {
                p.set(On::XFollower);
                p.set(On::XFollowing);
            }
            4..=6 => p.set(On::XFollower),
            _ => p.set(On::XFollowing),
        }
    }
    if p.phone.is_some() && chance(rng, rate::TELEGRAM) {
        p.set(On::TgContact);
        if chance(rng, rate::TG_FREQUENT) {
            p.set(On::TgFrequent);
        }
    }
    if chance(rng, rate::MASTODON) {
        p.set(On::Mastodon);
    }
    if p.on == 0 {
        p.set(On::LiConn);
    }
}

// ---------------------------------------------------------------------------------------------
// Names as one record shows them

/// How a platform tends to show names.
struct Style {
    nick: f64,
    fold: f64,
    native: f64,
    middle_full: f64,
    middle_initial: f64,
    drop_second_family: f64,
    caps: f64,
    lower: f64,
    typo: f64,
    emoji: f64,
    only_given: f64,
    /// Wide variant: the off-table nickname, for people who go by one.
    alt_nick: f64,
}

const LINKEDIN: Style = Style {
    nick: 0.08,
    fold: 0.08,
    native: 0.1,
    middle_full: 0.05,
    middle_initial: 0.15,
    drop_second_family: 0.4,
    caps: 0.01,
    lower: 0.01,
    typo: 0.0,
    emoji: 0.01,
    only_given: 0.0,
    alt_nick: 0.05,
};
const BOOK: Style = Style {
    nick: 0.25,
    fold: 0.2,
    native: 0.4,
    middle_full: 0.3,
    middle_initial: 0.1,
    drop_second_family: 0.5,
    caps: 0.015,
    lower: 0.01,
    typo: 0.05,
    emoji: 0.0,
    only_given: 0.03,
    alt_nick: 0.25,
};
const PHONE: Style = Style {
    nick: 0.35,
    fold: 0.25,
    native: 0.5,
    middle_full: 0.05,
    middle_initial: 0.05,
    drop_second_family: 0.6,
    caps: 0.02,
    lower: 0.02,
    typo: 0.05,
    emoji: 0.01,
    only_given: 0.05,
    alt_nick: 0.3,
};
const SOCIAL: Style = Style {
    nick: 0.3,
    fold: 0.05,
    native: 0.4,
    middle_full: 0.02,
    middle_initial: 0.0,
    drop_second_family: 0.5,
    caps: 0.005,
    lower: 0.01,
    typo: 0.01,
    emoji: 0.03,
    only_given: 0.0,
    alt_nick: 0.3,
};

struct Name {
    given: String,
    middle: String,
    family: String,
    /// Chinese characters: family name first, no space.
    cjk: bool,
}

impl Name {
    fn full(&self) -> String {
        if self.cjk {
            return format!("{}{}", self.family, self.given);
        }
        let mut s =
            String::with_capacity(self.given.len() + self.middle.len() + self.family.len() + 2);
        for part in [&self.given, &self.middle, &self.family] {
            if !part.is_empty() {
                if !s.is_empty() {
                    s.push(' ');
                }
                s.push_str(part);
            }
        }
        s
    }
}

fn render_name(p: &Person, st: &Style, rng: &mut Rng, wide: Option<&mut Wide>) -> Name {
    if let Some((g, f)) = p.native() {
        if chance(rng, st.native) {
            return Name {
                given: g.to_string(),
                middle: String::new(),
                family: f.to_string(),
                cjk: p.cjk(),
            };
        }
    }
    let nicks = p.nicks();
    let mut given = if !nicks.is_empty() && chance(rng, st.nick) {
        pick(rng, nicks).to_string()
    } else {
        p.given().to_string()
    };
    if let Some(alt) = wide.and_then(|w| w.alt_given(p, st.alt_nick)) {
        given = alt.to_string();
    }
    let mut family = p.family().to_string();
    if let Some(f2) = p.family2 {
        if !chance(rng, st.drop_second_family) {
            family.push(' ');
            family.push_str(f2);
        }
    }
    let mut middle = String::new();
    if let Some(m) = p.middle {
        let r = rng.f64();
        if r < st.middle_full {
            middle = m.to_string();
        } else if r < st.middle_full + st.middle_initial {
            middle = format!("{}.", m.chars().next().unwrap_or('X'));
        }
    }
    if chance(rng, st.only_given) {
        family.clear();
        middle.clear();
    }
    if chance(rng, st.fold) {
        given = deunicode::deunicode(&given);
        middle = deunicode::deunicode(&middle);
        family = deunicode::deunicode(&family);
    }
    if chance(rng, st.typo) {
        if rng.bool() || family.is_empty() {
            given = typo(&given, rng);
        } else {
            family = typo(&family, rng);
        }
    }
    let r = rng.f64();
    if r < st.caps {
        given = given.to_uppercase();
        middle = middle.to_uppercase();
        family = family.to_uppercase();
    } else if r < st.caps + st.lower {
        given = given.to_lowercase();
        middle = middle.to_lowercase();
        family = family.to_lowercase();
    }
    if chance(rng, st.emoji) {
        let e = pick(rng, names::EMOJI);
        if family.is_empty() {
            given = format!("{given} {e}");
        } else {
            family = format!("{family} {e}");
        }
    }
    Name {
        given,
        middle,
        family,
        cjk: false,
    }
}

/// One-letter edit: substitution, deletion, transposition or doubling, never of the first letter.
fn typo(s: &str, rng: &mut Rng) -> String {
    let mut cs: Vec<char> = s.chars().collect();
    if cs.len() < 4 {
        return s.to_string();
    }
    let i = rng.usize(1..cs.len() - 1);
    match rng.u8(..4) {
        0 => cs[i] = char::from(b'a' + rng.u8(..26)),
        1 => {
            cs.remove(i);
        }
        2 => cs.swap(i, i + 1),
        _ => cs.insert(i, cs[i]),
    }
    cs.into_iter().collect()
}

fn email_case(m: &str, rng: &mut Rng) -> String {
    if !chance(rng, rate::EMAIL_CASE) {
        return m.to_string();
    }
    let mut up = true;
    m.chars()
        .map(|c| {
            let o = if up { c.to_ascii_uppercase() } else { c };
            up = matches!(c, '.' | '@' | '_');
            o
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Dates

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `16 Dec 2024`
fn li_date(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{d:02} {} {y}", MONTHS[(m - 1) as usize])
}

/// `12/15/24, 7:47 AM`
fn li_short_date(days: i64, rng: &mut Rng) -> String {
    let (y, m, d) = civil_from_days(days);
    let h = rng.u32(1..13);
    format!(
        "{m}/{d}/{:02}, {h}:{:02} {}",
        y % 100,
        rng.u32(..60),
        if rng.bool() { "AM" } else { "PM" }
    )
}

fn unix(days: i64, rng: &mut Rng) -> i64 {
    days * 86_400 + rng.i64(0..86_400)
}

// ---------------------------------------------------------------------------------------------
// Output with line numbers

/// A buffered file that counts the newlines written, so a record's start line is known exactly.
struct Out {
    w: BufWriter<File>,
    /// Newlines written so far: the next byte is on line `nl + 1`.
    nl: u64,
}

impl Out {
    fn create(dir: &Path, rel: &str) -> io::Result<Out> {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        Ok(Out {
            w: BufWriter::with_capacity(1 << 16, File::create(path)?),
            nl: 0,
        })
    }
    fn line(&self) -> u64 {
        self.nl + 1
    }
    fn finish(mut self) -> io::Result<()> {
        self.w.flush()
    }
}

impl Write for Out {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.w.write(buf)?;
        self.nl += buf[..n].iter().filter(|&&b| b == b'\n').count() as u64;
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.w.flush()
    }
}

/// A CSV field with minimal quoting, as the exporters write it.
fn csv(w: &mut Out, s: &str) -> io::Result<()> {
    if s.contains([',', '"', '\n', '\r']) {
        w.write_all(b"\"")?;
        w.write_all(s.replace('"', "\"\"").as_bytes())?;
        w.write_all(b"\"")
    } else {
        w.write_all(s.as_bytes())
    }
}

/// A CSV row; `fields` are written with minimal quoting, separated by commas.
fn csv_row(w: &mut Out, fields: &[&str], eol: &str) -> io::Result<()> {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            w.write_all(b",")?;
        }
        csv(w, f)?;
    }
    w.write_all(eol.as_bytes())
}

/// A JSON string. With `meta`, every non-ASCII UTF-8 byte is written as its own `\u00XX`, the
/// way Facebook and Instagram exports do.
fn json_str(w: &mut Out, s: &str, meta: bool) -> io::Result<()> {
    w.write_all(b"\"")?;
    for c in s.chars() {
        match c {
            '"' => w.write_all(b"\\\"")?,
            '\\' => w.write_all(b"\\\\")?,
            c if (c as u32) < 0x20 => write!(w, "\\u{:04x}", c as u32)?,
            c if meta && !c.is_ascii() => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    write!(w, "\\u00{b:02x}")?;
                }
            }
            c => {
                let mut buf = [0u8; 4];
                w.write_all(c.encode_utf8(&mut buf).as_bytes())?;
            }
        }
    }
    w.write_all(b"\"")
}

fn percent_encode(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            o.push(char::from(b));
        } else {
            o.push_str(&format!("%{b:02X}"));
        }
    }
    o
}

// ---------------------------------------------------------------------------------------------
// Ground truth

struct FileStat {
    records: u64,
    id_only: u64,
    list: bool,
}

struct Ctx {
    dir: PathBuf,
    rng: Rng,
    truth: BufWriter<File>,
    files: BTreeMap<String, FileStat>,
    records: u64,
    /// People who exist only as a LinkedIn hidden profile: ids from `people` upwards.
    next_ghost: u32,
    /// The wide variant's random stream, when it runs.
    wide: Option<Wide>,
}

impl Ctx {
    /// One truth row. `list` names the list inside `file` the record belongs to when the
    /// generator guarantees each person at most once in it (the scorer's cannot-link check:
    /// `connections`, `friends`, `followers`, …); empty for address books, which hold duplicates.
    fn truth(
        &mut self,
        file: &str,
        line: u64,
        pid: u32,
        list: &str,
        id_only: bool,
    ) -> io::Result<()> {
        writeln!(
            self.truth,
            "{file},{line},{pid},{list},{}",
            u8::from(id_only)
        )?;
        let st = self.files.entry(file.to_string()).or_insert(FileStat {
            records: 0,
            id_only: 0,
            list: !list.is_empty(),
        });
        st.records += 1;
        st.id_only += u64::from(id_only);
        self.records += 1;
        Ok(())
    }
}

/// The people on a list, in the order the file holds them, with in-book duplicates for address
/// books (`dup_rate > 0`): a duplicate is the same person written again elsewhere in the file.
fn members(people: &[Person], on: On, dup_rate: f64, rng: &mut Rng) -> Vec<u32> {
    let mut v: Vec<u32> = people.iter().filter(|p| p.is(on)).map(|p| p.id).collect();
    if dup_rate > 0.0 {
        let dups: Vec<u32> = v
            .iter()
            .copied()
            .filter(|_| chance(rng, dup_rate))
            .collect();
        v.extend(dups);
    }
    rng.shuffle(&mut v);
    v
}

// ---------------------------------------------------------------------------------------------
// LinkedIn

const LI_NOTE: &str = "\"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261\"";

struct Owner {
    name: String,
    slug: String,
}

/// The name a person shows on LinkedIn, used alike by every LinkedIn file.
fn li_name(p: &Person, rng: &mut Rng, wide: Option<&mut Wide>) -> (String, String) {
    let n = render_name(p, &LINKEDIN, rng, wide);
    let mut first = n.given;
    if !n.middle.is_empty() {
        first = format!("{first} {}", n.middle);
    }
    let mut last = n.family;
    if let Some(c) = p.credential {
        if chance(rng, 0.7) {
            last = match rng.u8(..3) {
                0 => format!("{last}, {c}"),
                1 => format!("{last} {c}"),
                _ => format!("{last}, {c}, {}", pick(rng, names::CREDENTIALS)),
            };
        }
    }
    if chance(rng, 0.01) {
        first.push(' '); // trailing spaces, as in real exports
        last.push(' ');
    }
    (first, last)
}

fn linkedin(
    ctx: &mut Ctx,
    people: &[Person],
    li: &mut [Option<(String, String)>],
    owner: &Owner,
) -> io::Result<()> {
    let rng = &mut ctx.rng;
    for p in people {
        if p.is(On::LiConn) || p.is(On::LiInvite) || p.is(On::LiMessage) {
            li[p.id as usize] = Some(li_name(p, rng, ctx.wide.as_mut()));
        }
    }

    // Connections.csv: newest first, preamble, no final newline.
    let file = "linkedin/Connections.csv";
    let mut order: Vec<&Person> = people.iter().filter(|p| p.is(On::LiConn)).collect();
    order.sort_by_key(|p| std::cmp::Reverse(p.connected));
    let mut w = Out::create(&ctx.dir, file)?;
    write!(
        w,
        "Notes:\n{LI_NOTE}\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On"
    )?;
    for p in order {
        if chance(&mut ctx.rng, rate::HIDDEN_PROFILE) {
            w.write_all(b"\n")?;
            let ghost = ctx.next_ghost;
            ctx.next_ghost += 1;
            ctx.truth(file, w.line(), ghost, "connections", true)?;
            write!(w, ",,,,,,{}", li_date(p.connected))?;
        }
        w.write_all(b"\n")?;
        ctx.truth(file, w.line(), p.id, "connections", false)?;
        let rng = &mut ctx.rng;
        let (first, last) = li[p.id as usize].clone().unwrap_or_default();
        let url = format!("https://www.linkedin.com/in/{}", percent_encode(&p.slug));
        let email = if chance(rng, rate::LI_EMAIL) {
            p.email
                .as_deref()
                .or(p.work_email.as_deref())
                .map(|m| email_case(m, rng))
                .unwrap_or_default()
        } else {
            String::new()
        };
        let (company, title) = if chance(rng, 0.85) {
            (p.company, p.title)
        } else {
            ("", "")
        };
        let date = li_date(p.connected);
        csv_row(
            &mut w,
            &[&first, &last, &url, &email, company, title, &date],
            "",
        )?;
    }
    w.finish()?;

    // Invitations.csv: the owner on one side, raw UTF-8 profile URLs.
    let file = "linkedin/Invitations.csv";
    let mut w = Out::create(&ctx.dir, file)?;
    writeln!(
        w,
        "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl"
    )?;
    let list = members(people, On::LiInvite, 0.0, &mut ctx.rng);
    let owner_url = format!("https://www.linkedin.com/in/{}", owner.slug);
    for id in list {
        let p = &people[id as usize];
        ctx.truth(file, w.line(), p.id, "invitations", false)?;
        let rng = &mut ctx.rng;
        let (first, last) = li[p.id as usize].clone().unwrap_or_default();
        let name = format!("{} {}", first.trim_end(), last.trim_end());
        let url = format!("https://www.linkedin.com/in/{}", p.slug);
        let sent = li_short_date(p.connected - rng.i64(0..30), rng);
        let msg = if chance(rng, 0.1) {
            "Hi, I'd like to join your network."
        } else {
            ""
        };
        if rng.bool() {
            csv_row(
                &mut w,
                &[&owner.name, &name, &sent, msg, "OUTGOING", &owner_url, &url],
                "\n",
            )?;
        } else {
            csv_row(
                &mut w,
                &[&name, &owner.name, &sent, msg, "INCOMING", &url, &owner_url],
                "\n",
            )?;
        }
    }
    w.finish()?;

    // messages.csv: one conversation per person with the owner; the record starts at the
    // conversation's first row. The owner takes part in every conversation, so rolo can tell it.
    let list = members(people, On::LiMessage, 0.0, &mut ctx.rng);
    if list.len() >= 2 {
        let file = "linkedin/messages.csv";
        let mut w = Out::create(&ctx.dir, file)?;
        writeln!(w, "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER")?;
        for id in list {
            let p = &people[id as usize];
            ctx.truth(file, w.line(), p.id, "messages", false)?;
            let rng = &mut ctx.rng;
            let (first, last) = li[p.id as usize].clone().unwrap_or_default();
            let name = format!("{} {}", first.trim_end(), last.trim_end());
            let url = format!("https://www.linkedin.com/in/{}", p.slug);
            let conv = format!("2-{:016x}{:016x}==", rng.u64(..), rng.u64(..));
            let n = rng.usize(1..4);
            let mut t = unix(p.connected + rng.i64(0..400), rng);
            let from_owner_first = rng.bool();
            for k in 0..n {
                let (y, mo, d) = civil_from_days(t.div_euclid(86_400));
                let s = t.rem_euclid(86_400);
                let date = format!(
                    "{y}-{mo:02}-{d:02} {:02}:{:02}:{:02} UTC",
                    s / 3600,
                    s / 60 % 60,
                    s % 60
                );
                let text = *pick(
                    rng,
                    &[
                        "Thanks for connecting!",
                        "Great to meet you, let's catch up soon.",
                        "Sounds good.",
                        "Are you free next week?",
                        "Congrats on the new role!",
                    ],
                );
                if (k % 2 == 0) == from_owner_first {
                    csv_row(
                        &mut w,
                        &[
                            &conv,
                            "",
                            &owner.name,
                            &owner_url,
                            &name,
                            &url,
                            &date,
                            "",
                            text,
                            "INBOX",
                        ],
                        "\n",
                    )?;
                } else {
                    csv_row(
                        &mut w,
                        &[
                            &conv,
                            "",
                            &name,
                            &url,
                            &owner.name,
                            &owner_url,
                            &date,
                            "",
                            text,
                            "INBOX",
                        ],
                        "\n",
                    )?;
                }
                t += rng.i64(60..200_000);
            }
        }
        w.finish()?;
    }

    // Contacts.csv: the address book LinkedIn imported.
    let file = "linkedin/Contacts.csv";
    let mut w = Out::create(&ctx.dir, file)?;
    writeln!(w, "Source,FirstName,LastName,Companies,Title,Emails,PhoneNumbers,CreatedAt,Addresses,Sites,InstantMessageHandles,FullName,Birthday,Location,BookmarkedAt,Profiles")?;
    for id in members(
        people,
        On::LiContacts,
        rate::IN_BOOK_DUPLICATE,
        &mut ctx.rng,
    ) {
        let p = &people[id as usize];
        ctx.truth(file, w.line(), p.id, "", false)?;
        let rng = &mut ctx.rng;
        let n = render_name(p, &BOOK, rng, ctx.wide.as_mut());
        let (mut first, mut last) = if chance(rng, 0.1) {
            (String::new(), String::new())
        } else {
            (n.given, n.family)
        };
        let mut emails: Vec<String> = Vec::new();
        for m in [&p.email, &p.work_email, &p.family_email]
            .into_iter()
            .flatten()
        {
            if chance(rng, 0.8) {
                emails.push(email_case(m, rng));
            }
        }
        let mut phones: Vec<String> = Vec::new();
        if let Some(ph) = &p.phone {
            if chance(rng, 0.6) {
                phones.push(ph.render(rng));
                if chance(rng, 0.2) {
                    phones.push(ph.e164());
                }
            }
        }
        // A row without a name still has an email or phone (else it would name nobody).
        if first.is_empty() && emails.is_empty() && phones.is_empty() {
            emails.extend(p.email.clone().or(p.work_email.clone()));
            phones.extend(p.phone.as_ref().map(|ph| ph.intl()));
            if emails.is_empty() && phones.is_empty() {
                first = p.given().to_string();
                last = p.family().to_string();
            }
        }
        let company = if chance(rng, 0.5) { "null" } else { p.company };
        let title = if company == "null" { "" } else { p.title };
        let created = li_short_date(
            rng.i64(days_from_civil(2015, 1, 1)..days_from_civil(2024, 1, 1)),
            rng,
        );
        let src = *pick(rng, &["GOOGLE_CONTACTS", "OUTLOOK", "YAHOO", "ICLOUD"]);
        csv_row(
            &mut w,
            &[
                src,
                &first,
                &last,
                company,
                title,
                &emails.join(", "),
                &phones.join(", "),
                &created,
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
            ],
            "\n",
        )?;
    }
    w.finish()
}

// ---------------------------------------------------------------------------------------------
// Google and Outlook CSV

fn birthday_iso(b: Option<(i64, u32, u32)>, rng: &mut Rng) -> String {
    match b {
        Some((y, m, d)) if chance(rng, 0.8) => format!("{y}-{m:02}-{d:02}"),
        Some((_, m, d)) => format!("--{m:02}-{d:02}"),
        None => String::new(),
    }
}

/// What an address book holds for one person: emails with labels, phones with labels.
struct BookEntry {
    name: Name,
    emails: Vec<(&'static str, String)>,
    phones: Vec<(&'static str, String)>,
    org: (&'static str, &'static str),
    birthday: Option<(i64, u32, u32)>,
    website: Option<String>,
    nickname: String,
    /// Wide variant only.
    address: Option<wide::Shown>,
}

fn book_entry(p: &Person, st: &Style, rng: &mut Rng, mut wide: Option<&mut Wide>) -> BookEntry {
    let mut name = render_name(p, st, rng, wide.as_deref_mut());
    if let Some(w) = wide.as_deref_mut() {
        w.corrupt_name(&mut name);
    }
    let mut emails = Vec::new();
    if let Some(m) = &p.email {
        if chance(rng, 0.85) {
            emails.push(("Home", email_case(m, rng)));
        }
    }
    if let Some(m) = &p.work_email {
        if chance(rng, 0.7) {
            emails.push(("Work", email_case(m, rng)));
        }
    }
    if let Some(m) = &p.family_email {
        emails.push(("Home", email_case(m, rng)));
    }
    let mut phones = Vec::new();
    if let Some(ph) = &p.phone {
        if chance(rng, 0.9) {
            phones.push(("Mobile", ph.render(rng)));
        }
    }
    if name.given.is_empty() && name.family.is_empty() && emails.is_empty() && phones.is_empty() {
        name.given = p.given().to_string();
    }
    let org = if chance(rng, 0.5) {
        (p.company, if chance(rng, 0.6) { p.title } else { "" })
    } else {
        ("", "")
    };
    let mut birthday = p.birthday.filter(|_| chance(rng, 0.6));
    let mut address = None;
    if let Some(w) = wide {
        birthday = w.birthday(p.birthday, birthday);
        address = w.address(p);
    }
    let website = chance(rng, 0.08).then(|| format!("https://www.linkedin.com/in/{}", p.slug));
    let nickname = if chance(rng, 0.05) {
        p.nicks().first().map(|s| s.to_string()).unwrap_or_default()
    } else {
        String::new()
    };
    BookEntry {
        name,
        emails,
        phones,
        org,
        birthday,
        website,
        nickname,
        address,
    }
}

/// Google Contacts' current CSV header.
const GOOGLE_HEADER: &str = "First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,Name Prefix,Name Suffix,Nickname,File As,Organization Name,Organization Title,Organization Department,Birthday,Notes,Photo,Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value,Website 1 - Label,Website 1 - Value";

/// The pre-2020 "Google CSV" header.
const GOOGLE_OLD_HEADER: &str = "Name,Given Name,Additional Name,Family Name,Yomi Name,Given Name Yomi,Additional Name Yomi,Family Name Yomi,Name Prefix,Name Suffix,Initials,Nickname,Short Name,Maiden Name,Birthday,Gender,Location,Billing Information,Directory Server,Mileage,Occupation,Hobby,Sensitivity,Priority,Subject,Notes,Group Membership,E-mail 1 - Type,E-mail 1 - Value,E-mail 2 - Type,E-mail 2 - Value,Phone 1 - Type,Phone 1 - Value,Organization 1 - Type,Organization 1 - Name,Organization 1 - Yomi Name,Organization 1 - Title,Organization 1 - Department,Organization 1 - Symbol,Organization 1 - Location,Organization 1 - Job Description,Website 1 - Type,Website 1 - Value";

/// The address columns of both Google CSVs (wide variant only); the old one says `Type` for
/// `Label`.
const GOOGLE_ADDRESS: &str = "Address 1 - Label,Address 1 - Formatted,Address 1 - Street,Address 1 - City,Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,Address 1 - Extended Address";

/// Writes a CSV header; the wide variant inserts Google's address columns after column `after`.
fn header(w: &mut Out, header: &str, after: &str, wide: bool) -> io::Result<()> {
    if !wide {
        return writeln!(w, "{header}");
    }
    let label = if header.contains("E-mail 1 - Type") {
        "Type"
    } else {
        "Label"
    };
    let addr = GOOGLE_ADDRESS.replace("Label", label);
    writeln!(
        w,
        "{}",
        header.replacen(&format!("{after},"), &format!("{after},{addr},"), 1)
    )
}

/// Google's address cells for a row (wide variant), to insert after column `after` of `header`.
fn google_address<'a>(
    row: &mut Vec<&'a str>,
    header: &str,
    after: &str,
    a: Option<&'a (wide::Shown, String)>,
) {
    let at = header
        .split(',')
        .position(|c| c == after)
        .map_or(row.len(), |i| i + 1);
    let cells: [&str; 9] = match a {
        Some((a, formatted)) => [
            "Home",
            formatted,
            &a.street,
            &a.locality,
            "",
            "",
            &a.postcode,
            a.country,
            "",
        ],
        None => [""; 9],
    };
    for (k, c) in cells.into_iter().enumerate() {
        row.insert(at + k, c);
    }
}

fn google(ctx: &mut Ctx, people: &[Person]) -> io::Result<()> {
    let file = "google/contacts.csv";
    let wide = ctx.wide.is_some();
    let mut w = Out::create(&ctx.dir, file)?;
    header(&mut w, GOOGLE_HEADER, "Phone 2 - Value", wide)?;
    for id in members(people, On::Google, rate::IN_BOOK_DUPLICATE, &mut ctx.rng) {
        let p = &people[id as usize];
        ctx.truth(file, w.line(), p.id, "", false)?;
        let rng = &mut ctx.rng;
        let e = book_entry(p, &BOOK, rng, ctx.wide.as_mut());
        // Several values of one label share a cell, joined with " ::: ".
        let mut emails: Vec<(String, String)> = Vec::new();
        for (i, (label, v)) in e.emails.iter().enumerate() {
            let label = if i == 0 {
                format!("* {label}")
            } else {
                label.to_string()
            };
            match emails.last_mut() {
                Some(last) if chance(rng, 0.3) => {
                    last.1 = format!("{} ::: {v}", last.1);
                }
                _ => emails.push((label, v.clone())),
            }
        }
        let mut phones: Vec<(String, String)> = e
            .phones
            .iter()
            .map(|(l, v)| (l.to_string(), v.clone()))
            .collect();
        if let (Some(first), Some(ph)) = (phones.first_mut(), &p.phone) {
            if chance(rng, 0.1) {
                first.1 = format!("{} ::: {}", first.1, ph.national());
            }
        }
        if let Some(ph) = &p.phone {
            if phones.len() == 1 && chance(rng, 0.05) {
                phones.push(("Work".to_string(), ph.e164()));
            }
        }
        let get = |v: &[(String, String)], i: usize| v.get(i).cloned().unwrap_or_default();
        let (e1, e2, p1, p2) = (
            get(&emails, 0),
            get(&emails, 1),
            get(&phones, 0),
            get(&phones, 1),
        );
        let notes = if chance(rng, 0.02) {
            "Met at the conference\nsecond row, by the window"
        } else {
            ""
        };
        let labels = if chance(rng, 0.2) {
            "* myContacts ::: Friends"
        } else {
            "* myContacts"
        };
        let bday = birthday_iso(e.birthday, rng);
        let (wl, wv) = match &e.website {
            Some(u) => ("Profile", u.as_str()),
            None => ("", ""),
        };
        let file_as = if chance(rng, 0.2) && !e.name.family.is_empty() {
            format!("{}, {}", e.name.family, e.name.given)
        } else {
            String::new()
        };
        let suffix = if chance(rng, 0.3) {
            p.credential.unwrap_or("")
        } else {
            ""
        };
        let addr = e.address.map(|a| {
            let f = if a.with_formatted {
                a.formatted()
            } else {
                String::new()
            };
            (a, f)
        });
        let mut row = vec![
            &e.name.given,
            &e.name.middle,
            &e.name.family,
            "",
            "",
            "",
            "",
            suffix,
            &e.nickname,
            &file_as,
            e.org.0,
            e.org.1,
            "",
            &bday,
            notes,
            "",
            labels,
            &e1.0,
            &e1.1,
            &e2.0,
            &e2.1,
            &p1.0,
            &p1.1,
            &p2.0,
            &p2.1,
            wl,
            wv,
        ];
        if wide {
            google_address(&mut row, GOOGLE_HEADER, "Phone 2 - Value", addr.as_ref());
        }
        csv_row(&mut w, &row, "\n")?;
    }
    w.finish()?;

    // An older Google export (the pre-2020 "Google CSV" header) the user kept.
    let file = "google/old/google.csv";
    let mut w = Out::create(&ctx.dir, file)?;
    header(&mut w, GOOGLE_OLD_HEADER, "Phone 1 - Value", wide)?;
    for id in members(people, On::GoogleOld, rate::IN_BOOK_DUPLICATE, &mut ctx.rng) {
        let p = &people[id as usize];
        ctx.truth(file, w.line(), p.id, "", false)?;
        let rng = &mut ctx.rng;
        let e = book_entry(p, &BOOK, rng, ctx.wide.as_mut());
        let full = e.name.full();
        let get = |v: &[(&'static str, String)], i: usize| {
            v.get(i)
                .map(|(l, v)| (format!("* {l}"), v.clone()))
                .unwrap_or_default()
        };
        let (e1, e2, p1) = (get(&e.emails, 0), get(&e.emails, 1), get(&e.phones, 0));
        let bday = birthday_iso(e.birthday, rng);
        let org_type = if e.org.0.is_empty() { "" } else { "* Work" };
        let (wt, wv) = match &e.website {
            Some(u) => ("Profile", u.as_str()),
            None => ("", ""),
        };
        let addr = e.address.map(|a| (a, String::new()));
        let mut row = vec![
            &full,
            &e.name.given,
            &e.name.middle,
            &e.name.family,
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            &e.nickname,
            "",
            "",
            &bday,
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "* My Contacts",
            &e1.0,
            &e1.1,
            &e2.0,
            &e2.1,
            &p1.0,
            &p1.1,
            org_type,
            e.org.0,
            "",
            e.org.1,
            "",
            "",
            "",
            "",
            wt,
            wv,
        ];
        if wide {
            google_address(
                &mut row,
                GOOGLE_OLD_HEADER,
                "Phone 1 - Value",
                addr.as_ref(),
            );
        }
        csv_row(&mut w, &row, "\n")?;
    }
    w.finish()
}

const OUTLOOK_HEADER: &str = "First Name,Middle Name,Last Name,Title,Suffix,Nickname,Given Yomi,Surname Yomi,E-mail Address,E-mail 2 Address,E-mail 3 Address,Home Phone,Home Phone 2,Business Phone,Business Phone 2,Mobile Phone,Car Phone,Other Phone,Primary Phone,Pager,Business Fax,Home Fax,Other Fax,Company Main Phone,Callback,Radio Phone,Telex,TTY/TDD Phone,IMAddress,Job Title,Department,Company,Office Location,Manager's Name,Assistant's Name,Assistant's Phone,Company Yomi,Business Street,Business City,Business State,Business Postal Code,Business Country/Region,Home Street,Home City,Home State,Home Postal Code,Home Country/Region,Other Street,Other City,Other State,Other Postal Code,Other Country/Region,Personal Web Page,Spouse,Schools,Hobby,Location,Web Page,Birthday,Anniversary,Notes";

fn outlook(ctx: &mut Ctx, people: &[Person]) -> io::Result<()> {
    let file = "outlook/contacts.csv";
    let cols: Vec<&str> = OUTLOOK_HEADER.split(',').collect();
    let col = |n: &str| cols.iter().position(|c| *c == n).unwrap_or(0);
    let (c_first, c_mid, c_last, c_suffix, c_nick) = (
        col("First Name"),
        col("Middle Name"),
        col("Last Name"),
        col("Suffix"),
        col("Nickname"),
    );
    let (c_e1, c_e2, c_mob, c_bus, c_home) = (
        col("E-mail Address"),
        col("E-mail 2 Address"),
        col("Mobile Phone"),
        col("Business Phone"),
        col("Home Phone"),
    );
    let (c_job, c_co, c_web, c_bday) = (
        col("Job Title"),
        col("Company"),
        col("Web Page"),
        col("Birthday"),
    );
    let (c_street, c_city, c_post, c_country) = (
        col("Home Street"),
        col("Home City"),
        col("Home Postal Code"),
        col("Home Country/Region"),
    );
    let mut w = Out::create(&ctx.dir, file)?;
    writeln!(w, "{OUTLOOK_HEADER}")?;
    let mut row: Vec<String> = vec![String::new(); cols.len()];
    for id in members(people, On::Outlook, rate::IN_BOOK_DUPLICATE, &mut ctx.rng) {
        let p = &people[id as usize];
        ctx.truth(file, w.line(), p.id, "", false)?;
        let rng = &mut ctx.rng;
        let e = book_entry(p, &BOOK, rng, ctx.wide.as_mut());
        row.iter_mut().for_each(String::clear);
        row[c_first] = e.name.given;
        row[c_mid] = e.name.middle;
        row[c_last] = e.name.family;
        row[c_nick] = e.nickname;
        if chance(rng, 0.3) {
            row[c_suffix] = p.credential.unwrap_or("").to_string();
        }
        for (i, (_, m)) in e.emails.iter().take(2).enumerate() {
            row[if i == 0 { c_e1 } else { c_e2 }] = m.clone();
        }
        if let Some((_, ph)) = e.phones.first() {
            row[*pick(rng, &[c_mob, c_mob, c_mob, c_bus, c_home])] = ph.clone();
        }
        row[c_job] = e.org.1.to_string();
        row[c_co] = e.org.0.to_string();
        row[c_web] = e.website.unwrap_or_default();
        if let Some((y, m, d)) = e.birthday {
            row[c_bday] = format!("{m}/{d}/{y}");
        }
        if let Some(a) = e.address {
            row[c_street] = a.street;
            row[c_city] = a.locality;
            row[c_post] = a.postcode;
            row[c_country] = a.country.to_string();
        }
        let refs: Vec<&str> = row.iter().map(String::as_str).collect();
        csv_row(&mut w, &refs, "\n")?;
    }
    w.finish()
}

// ---------------------------------------------------------------------------------------------
// vCard

/// A vCard text value with `\`, `,`, `;` and newlines escaped.
fn vesc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => o.push_str("\\\\"),
            ',' => o.push_str("\\,"),
            ';' => o.push_str("\\;"),
            '\n' => o.push_str("\\n"),
            c => o.push(c),
        }
    }
    o
}

/// One content line, folded at 75 octets without splitting a character, CRLF-terminated.
fn vline(w: &mut Out, line: &str) -> io::Result<()> {
    let mut start = 0;
    let mut width = 0;
    for (i, c) in line.char_indices() {
        let len = c.len_utf8();
        if width + len > 75 {
            w.write_all(&line.as_bytes()[start..i])?;
            w.write_all(b"\r\n ")?;
            start = i;
            width = 1;
        }
        width += len;
    }
    w.write_all(&line.as_bytes()[start..])?;
    w.write_all(b"\r\n")
}

fn iphone(ctx: &mut Ctx, people: &[Person]) -> io::Result<()> {
    let file = "phone/contacts.vcf";
    let mut w = Out::create(&ctx.dir, file)?;
    for id in members(people, On::Iphone, rate::IN_BOOK_DUPLICATE, &mut ctx.rng) {
        let p = &people[id as usize];
        ctx.truth(file, w.line(), p.id, "", false)?;
        let rng = &mut ctx.rng;
        let e = book_entry(p, &PHONE, rng, ctx.wide.as_mut());
        w.write_all(
            b"BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//iPhone OS 17.5.1//EN\r\n",
        )?;
        vline(
            &mut w,
            &format!(
                "N:{};{};{};;",
                vesc(&e.name.family),
                vesc(&e.name.given),
                vesc(&e.name.middle)
            ),
        )?;
        vline(&mut w, &format!("FN:{}", vesc(&e.name.full())))?;
        if !e.nickname.is_empty() {
            vline(&mut w, &format!("NICKNAME:{}", vesc(&e.nickname)))?;
        }
        if !e.org.0.is_empty() {
            vline(&mut w, &format!("ORG:{};", vesc(e.org.0)))?;
            if !e.org.1.is_empty() {
                vline(&mut w, &format!("TITLE:{}", vesc(e.org.1)))?;
            }
        }
        let mut item = 0;
        for (i, (label, m)) in e.emails.iter().enumerate() {
            let pref = if i == 0 { ";type=pref" } else { "" };
            if chance(rng, 0.6) {
                item += 1;
                let ab = if *label == "Work" {
                    "_$!<Work>!$_"
                } else {
                    *pick(rng, &["_$!<Home>!$_", "_$!<Other>!$_", "iCloud", "School"])
                };
                vline(&mut w, &format!("item{item}.EMAIL;type=INTERNET{pref}:{m}"))?;
                vline(&mut w, &format!("item{item}.X-ABLabel:{ab}"))?;
            } else {
                vline(
                    &mut w,
                    &format!(
                        "EMAIL;type=INTERNET;type={}{pref}:{m}",
                        label.to_uppercase()
                    ),
                )?;
            }
        }
        for (i, (_, ph)) in e.phones.iter().enumerate() {
            let pref = if i == 0 { ";type=pref" } else { "" };
            vline(&mut w, &format!("TEL;type=CELL;type=VOICE{pref}:{ph}"))?;
        }
        if let Some(u) = &e.website {
            item += 1;
            vline(
                &mut w,
                &format!("item{item}.URL;type=pref:{}", u.replace(':', "\\:")),
            )?;
            vline(&mut w, &format!("item{item}.X-ABLabel:_$!<HomePage>!$_"))?;
        }
        if let Some(a) = &e.address {
            item += 1;
            vline(
                &mut w,
                &format!(
                    "item{item}.ADR;type=HOME;type=pref:;;{};{};;{};{}",
                    vesc(&a.street),
                    vesc(&a.locality),
                    vesc(&a.postcode),
                    vesc(a.country)
                ),
            )?;
            vline(&mut w, &format!("item{item}.X-ABADR:{}", a.cc))?;
        }
        match e.birthday {
            Some((_, m, d)) if chance(rng, 0.2) => vline(
                &mut w,
                &format!("BDAY;X-APPLE-OMIT-YEAR=1604:1604-{m:02}-{d:02}"),
            )?,
            Some((y, m, d)) => vline(&mut w, &format!("BDAY;value=date:{y}-{m:02}-{d:02}"))?,
            None => {}
        }
        w.write_all(b"END:VCARD\r\n")?;
    }
    w.finish()
}

/// Quoted-printable as Android writes it: every byte that is not a letter or digit as `=XX`,
/// soft line breaks (`=` CRLF) before 76 columns. `prefix_len` is what precedes it on the line.
fn qp(w: &mut Out, s: &str, prefix_len: usize) -> io::Result<()> {
    let mut col = prefix_len;
    for b in s.bytes() {
        let enc = if b.is_ascii_alphanumeric() || b == b';' {
            1
        } else {
            3
        };
        if col + enc > 75 {
            w.write_all(b"=\r\n")?;
            col = 0;
        }
        if enc == 1 {
            w.write_all(&[b])?;
        } else {
            write!(w, "={b:02X}")?;
        }
        col += enc;
    }
    w.write_all(b"\r\n")
}

fn android(ctx: &mut Ctx, people: &[Person]) -> io::Result<()> {
    let file = "phone/android/contacts.vcf";
    let mut w = Out::create(&ctx.dir, file)?;
    for id in members(people, On::Android, rate::IN_BOOK_DUPLICATE, &mut ctx.rng) {
        let p = &people[id as usize];
        ctx.truth(file, w.line(), p.id, "", false)?;
        let rng = &mut ctx.rng;
        let e = book_entry(p, &PHONE, rng, ctx.wide.as_mut());
        w.write_all(b"BEGIN:VCARD\r\nVERSION:2.1\r\n")?;
        let n = format!(
            "{};{};{};;",
            e.name.family.replace(';', ""),
            e.name.given.replace(';', ""),
            e.name.middle.replace(';', "")
        );
        let full = e.name.full();
        if full.is_ascii() {
            vline(&mut w, &format!("N:{n}"))?;
            vline(&mut w, &format!("FN:{full}"))?;
        } else {
            let pre = "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:";
            w.write_all(pre.as_bytes())?;
            qp(&mut w, &n, pre.len())?;
            let pre = "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:";
            w.write_all(pre.as_bytes())?;
            qp(&mut w, &full, pre.len())?;
        }
        for (i, (_, ph)) in e.phones.iter().enumerate() {
            vline(
                &mut w,
                &format!("TEL;CELL{}:{ph}", if i == 0 { ";PREF" } else { "" }),
            )?;
        }
        for (label, m) in &e.emails {
            vline(&mut w, &format!("EMAIL;{}:{m}", label.to_uppercase()))?;
        }
        if !e.org.0.is_empty() {
            vline(&mut w, &format!("ORG:{}", e.org.0))?;
            if !e.org.1.is_empty() {
                vline(&mut w, &format!("TITLE:{}", e.org.1))?;
            }
        }
        if let Some(a) = &e.address {
            let adr = format!(
                ";;{};{};;{};{}",
                a.street.replace(';', ""),
                a.locality.replace(';', ""),
                a.postcode,
                a.country
            );
            if adr.is_ascii() {
                vline(&mut w, &format!("ADR;HOME:{adr}"))?;
            } else {
                let pre = "ADR;HOME;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:";
                w.write_all(pre.as_bytes())?;
                qp(&mut w, &adr, pre.len())?;
            }
        }
        if let Some((y, m, d)) = e.birthday {
            vline(&mut w, &format!("BDAY:{y}-{m:02}-{d:02}"))?;
        }
        w.write_all(b"END:VCARD\r\n")?;
    }
    w.finish()
}

// ---------------------------------------------------------------------------------------------
// Facebook, Instagram, X

fn social_name(p: &Person, rng: &mut Rng, wide: Option<&mut Wide>) -> String {
    render_name(p, &SOCIAL, rng, wide).full()
}

fn facebook(ctx: &mut Ctx, people: &[Person]) -> io::Result<()> {
    for (on, file, key, stamp) in [
        (
            On::FbFriend,
            "facebook/connections/friends/your_friends.json",
            "friends_v2",
            true,
        ),
        (
            On::FbFollower,
            "facebook/connections/followers/people_who_followed_you.json",
            "followers_v3",
            false,
        ),
    ] {
        let mut w = Out::create(&ctx.dir, file)?;
        write!(w, "{{\n  \"{key}\": [")?;
        let mut first = true;
        for id in members(people, on, 0.0, &mut ctx.rng) {
            let p = &people[id as usize];
            w.write_all(if first { b"\n    " } else { b",\n    " })?;
            first = false;
            ctx.truth(file, w.line(), p.id, key, false)?;
            let rng = &mut ctx.rng;
            let name = social_name(p, rng, ctx.wide.as_mut());
            w.write_all(b"{\n      \"name\": ")?;
            json_str(&mut w, &name, true)?;
            if stamp {
                write!(
                    w,
                    ",\n      \"timestamp\": {}",
                    unix(p.connected - rng.i64(0..2000), rng)
                )?;
            }
            w.write_all(b"\n    }")?;
        }
        w.write_all(if first { b"]\n}" } else { b"\n  ]\n}" })?;
        w.finish()?;
    }
    Ok(())
}

fn instagram(ctx: &mut Ctx, people: &[Person]) -> io::Result<()> {
    // followers_1.json: a bare array, username in `value`.
    let file = "instagram/connections/followers_and_following/followers_1.json";
    let mut w = Out::create(&ctx.dir, file)?;
    w.write_all(b"[")?;
    let mut first = true;
    for id in members(people, On::IgFollower, 0.0, &mut ctx.rng) {
        let p = &people[id as usize];
        w.write_all(if first { b"\n  " } else { b",\n  " })?;
        first = false;
        ctx.truth(file, w.line(), p.id, "followers", p.ig_opaque)?;
        let t = unix(p.connected, &mut ctx.rng);
        write!(w, "{{\n    \"title\": \"\",\n    \"media_list_data\": [\n      \n    ],\n    \"string_list_data\": [\n      {{\n        \"href\": \"https://www.instagram.com/{0}\",\n        \"value\": \"{0}\",\n        \"timestamp\": {t}\n      }}\n    ]\n  }}", p.ig)?;
    }
    w.write_all(if first { b"]" } else { b"\n]" })?;
    w.finish()?;

    // following.json: the newer layout, username in `title`, `_u/` links, no `value`.
    let file = "instagram/connections/followers_and_following/following.json";
    let mut w = Out::create(&ctx.dir, file)?;
    w.write_all(b"{\n  \"relationships_following\": [")?;
    let mut first = true;
    for id in members(people, On::IgFollowing, 0.0, &mut ctx.rng) {
        let p = &people[id as usize];
        w.write_all(if first { b"\n    " } else { b",\n    " })?;
        first = false;
        ctx.truth(file, w.line(), p.id, "following", p.ig_opaque)?;
        let t = unix(p.connected, &mut ctx.rng);
        write!(w, "{{\n      \"title\": \"{0}\",\n      \"string_list_data\": [\n        {{\n          \"href\": \"https://www.instagram.com/_u/{0}\",\n          \"timestamp\": {t}\n        }}\n      ]\n    }}", p.ig)?;
    }
    w.write_all(if first { b"]\n}" } else { b"\n  ]\n}" })?;
    w.finish()
}

fn twitter(ctx: &mut Ctx, people: &[Person]) -> io::Result<()> {
    for (on, file, key) in [
        (On::XFollower, "twitter/data/follower.js", "follower"),
        (On::XFollowing, "twitter/data/following.js", "following"),
    ] {
        let mut w = Out::create(&ctx.dir, file)?;
        write!(w, "window.YTD.{key}.part0 = [")?;
        let mut first = true;
        for id in members(people, on, 0.0, &mut ctx.rng) {
            let p = &people[id as usize];
            w.write_all(if first { b"\n  " } else { b",\n  " })?;
            first = false;
            ctx.truth(file, w.line(), p.id, key, true)?;
            write!(w, "{{\n    \"{key}\" : {{\n      \"accountId\" : \"{0}\",\n      \"userLink\" : \"https://twitter.com/intent/user?user_id={0}\"\n    }}\n  }}", p.x_id)?;
        }
        w.write_all(if first { b"]" } else { b"\n]" })?;
        w.finish()?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Telegram, Mastodon

fn telegram(ctx: &mut Ctx, people: &[Person], owner: &Owner) -> io::Result<()> {
    let file = "telegram/result.json";
    let mut w = Out::create(&ctx.dir, file)?;
    let (og, of) = owner.name.split_once(' ').unwrap_or((&owner.name, ""));
    write!(w, "{{\n \"about\": \"Here is the data you requested. Remember: Telegram is ad free, it doesn't use your data for ad targeting and doesn't sell it to others.\",\n \"personal_information\": {{\n  \"user_id\": 100000001,\n  \"first_name\": \"{og}\",\n  \"last_name\": \"{of}\",\n  \"phone_number\": \"+386 40 000 000\",\n  \"username\": \"@owner\",\n  \"bio\": \"\"\n }},\n \"contacts\": {{\n  \"about\": \"If you allow access, your contacts are continuously synced with Telegram.\",\n  \"list\": [")?;
    // Telegram's contacts are the phone's address book synced (no account id): one person may be
    // there twice, so it is not a list of distinct people (rolo merges within it).
    let list = "";
    let mut first = true;
    for id in members(people, On::TgContact, 0.0, &mut ctx.rng) {
        let p = &people[id as usize];
        w.write_all(if first { b"\n   " } else { b",\n   " })?;
        first = false;
        ctx.truth(file, w.line(), p.id, list, false)?;
        let rng = &mut ctx.rng;
        let n = render_name(p, &PHONE, rng, ctx.wide.as_mut());
        w.write_all(b"{")?;
        let mut sep = "\n";
        for (k, v) in [
            ("first_name", n.given.as_str()),
            ("last_name", n.family.as_str()),
        ] {
            if !v.is_empty() {
                write!(w, "{sep}    \"{k}\": ")?;
                json_str(&mut w, v, false)?;
                sep = ",\n";
            }
        }
        if let Some(ph) = &p.phone {
            write!(
                w,
                "{sep}    \"phone_number\": \"{}\"",
                if chance(rng, 0.9) {
                    ph.intl()
                } else {
                    ph.national()
                }
            )?;
        }
        let t = unix(p.connected, rng);
        let (y, mo, d) = civil_from_days(t.div_euclid(86_400));
        let s = t.rem_euclid(86_400);
        write!(w, ",\n    \"date\": \"{y}-{mo:02}-{d:02}T{:02}:{:02}:{:02}\",\n    \"date_unixtime\": \"{t}\"\n   }}", s / 3600, s / 60 % 60, s % 60)?;
    }
    w.write_all(if first { b"]\n }," } else { b"\n  ]\n }," })?;
    write!(w, "\n \"frequent_contacts\": {{\n  \"about\": \"This rating shows which people you are likelier to message frequently.\",\n  \"list\": [")?;
    let list = "frequent_contacts";
    let mut first = true;
    for id in members(people, On::TgFrequent, 0.0, &mut ctx.rng) {
        let p = &people[id as usize];
        w.write_all(if first { b"\n   " } else { b",\n   " })?;
        first = false;
        ctx.truth(file, w.line(), p.id, list, false)?;
        let rng = &mut ctx.rng;
        let name = render_name(p, &PHONE, rng, ctx.wide.as_mut()).full();
        write!(w, "{{\n    \"id\": {},\n    \"category\": \"people\",\n    \"type\": \"user\",\n    \"name\": ", p.tg_id)?;
        json_str(&mut w, &name, false)?;
        write!(w, ",\n    \"rating\": {:.4}\n   }}", rng.f64())?;
    }
    // Bots are not people: rolo must leave them out, and the truth has no row for them.
    for (i, bot) in ["Gif Bot", "Weather Bot"].iter().enumerate() {
        w.write_all(if first { b"\n   " } else { b",\n   " })?;
        first = false;
        write!(w, "{{\n    \"id\": {},\n    \"category\": \"inline_bots\",\n    \"type\": \"user\",\n    \"name\": \"{bot}\",\n    \"rating\": 0.1\n   }}", 900_000_000 + i)?;
    }
    w.write_all(b"\n  ]\n }\n}\n")?;
    w.finish()
}

fn mastodon(ctx: &mut Ctx, people: &[Person]) -> io::Result<()> {
    let file = "mastodon/following_accounts.csv";
    let mut w = Out::create(&ctx.dir, file)?;
    writeln!(
        w,
        "Account address,Show boosts,Notify on new posts,Languages"
    )?;
    for id in members(people, On::Mastodon, 0.0, &mut ctx.rng) {
        let p = &people[id as usize];
        ctx.truth(file, w.line(), p.id, "following", p.masto_opaque)?;
        let rng = &mut ctx.rng;
        let langs = *pick(rng, &["", "", "", "en", "en, de", "fr"]);
        csv_row(
            &mut w,
            &[
                &p.masto,
                if rng.bool() { "true" } else { "false" },
                if chance(rng, 0.2) { "true" } else { "false" },
                langs,
            ],
            "\n",
        )?;
    }
    w.finish()
}

// ---------------------------------------------------------------------------------------------

fn run(args: &Args) -> io::Result<()> {
    let started = Instant::now();
    fs::create_dir_all(&args.out)?;
    let mut rng = Rng::with_seed(args.seed);
    let mut wide = args.wide.then(|| Wide::new(args.seed));
    let people = people(args.people, &mut rng, wide.as_mut());
    let owner = Owner {
        name: "Morgan Example".to_string(),
        slug: "morgan-example-0a1b2c3d".to_string(),
    };
    let mut truth = BufWriter::with_capacity(1 << 16, File::create(args.out.join("truth.csv"))?);
    writeln!(truth, "file,line,person_id,list,id_only")?;
    let mut ctx = Ctx {
        dir: args.out.clone(),
        rng,
        truth,
        files: BTreeMap::new(),
        records: 0,
        next_ghost: args.people as u32,
        wide,
    };
    let mut li: Vec<Option<(String, String)>> = vec![None; people.len()];
    linkedin(&mut ctx, &people, &mut li, &owner)?;
    google(&mut ctx, &people)?;
    outlook(&mut ctx, &people)?;
    iphone(&mut ctx, &people)?;
    android(&mut ctx, &people)?;
    facebook(&mut ctx, &people)?;
    instagram(&mut ctx, &people)?;
    twitter(&mut ctx, &people)?;
    telegram(&mut ctx, &people, &owner)?;
    mastodon(&mut ctx, &people)?;
    ctx.truth.flush()?;

    let mut platforms: BTreeMap<&str, u64> = BTreeMap::new();
    let mut files = serde_json::Map::new();
    let mut id_only = 0;
    for (f, st) in &ctx.files {
        *platforms
            .entry(f.split('/').next().unwrap_or(""))
            .or_default() += st.records;
        id_only += st.id_only;
        files.insert(
            f.clone(),
            serde_json::json!({"records": st.records, "id_only": st.id_only, "list": st.list}),
        );
    }
    let mut meta = serde_json::json!({
        "generator": "rolo examples/synth.rs",
        "seed": args.seed,
        "people": args.people,
        "hidden_profiles": ctx.next_ghost as usize - args.people,
        "records": ctx.records,
        "id_only_records": id_only,
        "platforms": platforms,
        "files": files,
        "truth_columns": "file,line,person_id,list,id_only",
    });
    if args.wide {
        meta["variant"] = serde_json::json!("wide");
    }
    fs::write(
        args.out.join("truth-meta.json"),
        serde_json::to_string_pretty(&meta)? + "\n",
    )?;
    eprintln!(
        "synth: {} people, {} records ({} id-only) in {:.2}s -> {}",
        args.people,
        ctx.records,
        id_only,
        started.elapsed().as_secs_f64(),
        args.out.display()
    );
    Ok(())
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    if let Err(e) = run(&args) {
        eprintln!("synth: {e}");
        std::process::exit(1);
    }
}
