//! Applies the normalisation rules to one record, as readers produced it.
//!
//! Readers fill raw strings; this is the one place they become canonical values. Nothing is
//! dropped: a value that cannot be normalised is kept as it was (a raw-only phone, an unparsed
//! date) or moved where it still shows (an invalid email becomes a note), with a warning that
//! names the record's location but not the value.

use super::{date, email, name, phone, profile, text};
use crate::error::Location;
use crate::model::{Contact, Name, Phone, SourceRef, ThinVec};
use crate::report::Issue;
use crate::vocab::profile::Service;

/// Options that change normalisation.
#[derive(Debug, Clone, Default)]
pub struct NormOptions {
    /// Default region (ISO 3166 alpha-2) for phone numbers written without a country code.
    pub region: Option<String>,
}

fn location(s: Option<&SourceRef>) -> Location {
    match s {
        Some(s) => Location::file(&s.input, &s.file).at_line(s.line),
        None => Location::default(),
    }
}

/// The warnings of one record, in order, at its location. The location is built only here, for
/// the few records that have a warning: most have none, and building it copies two paths.
fn issues<R: Into<String>>(
    c: &Contact,
    reasons: impl IntoIterator<Item = R>,
    warnings: &mut Vec<Issue>,
) {
    let mut reasons = reasons.into_iter().peekable();
    if reasons.peek().is_none() {
        return;
    }
    let loc = location(c.source());
    warnings.extend(reasons.map(|r| Issue::new(loc.clone(), r)));
}

/// Normalises a record in place; problems go to `warnings`.
pub fn normalize(c: &mut Contact, opts: &NormOptions, warnings: &mut Vec<Issue>) {
    let mut head = Vec::new();
    normalize_head(c, &mut head);
    let mut phones = Vec::new();
    normalize_phones(&mut c.phones, opts, &mut phones);
    let mut tail = Vec::new();
    normalize_tail(c, &mut tail);
    issues(c, head, warnings);
    issues(c, phones, warnings);
    issues(c, tail, warnings);
    dedupe_values(c);
    c.shrink_to_fit();
}

/// Normalises every record, with the same result and warnings (per record, in record order) as
/// [`normalize`] on each. Phone numbers are normalised in a parallel pass of their own beside the
/// rest: their results are cached per distinct number (`phone::normalize`), and their warnings
/// still come between a record's head and tail warnings.
pub fn normalize_all(
    records: &mut [Contact],
    opts: &NormOptions,
    progress: &dyn crate::progress::Progress,
) -> Vec<Issue> {
    use rayon::prelude::*;
    let batched = crate::progress::Batched::new(progress, records.len());
    let mut phones: Vec<ThinVec<Phone>> = records
        .iter_mut()
        .map(|c| std::mem::take(&mut c.phones))
        .collect();
    let (phone_reasons, rest) = rayon::join(
        || {
            phones
                .par_iter_mut()
                .map(|p| {
                    let mut reasons = Vec::new();
                    normalize_phones(p, opts, &mut reasons);
                    reasons
                })
                .collect::<Vec<_>>()
        },
        || {
            records
                .par_iter_mut()
                .enumerate()
                .map(|(i, c)| {
                    let (mut head, mut tail) = (Vec::new(), Vec::new());
                    normalize_head(c, &mut head);
                    normalize_tail(c, &mut tail);
                    batched.at(i);
                    (head, tail)
                })
                .collect::<Vec<_>>()
        },
    );
    batched.done();
    let mut warnings = Vec::new();
    for (((c, p), reasons), (head, tail)) in
        records.iter_mut().zip(phones).zip(phone_reasons).zip(rest)
    {
        c.phones = p;
        issues(c, head, &mut warnings);
        issues(c, reasons, &mut warnings);
        issues(c, tail, &mut warnings);
    }
    records.par_iter_mut().for_each(|c| {
        dedupe_values(c);
        c.shrink_to_fit();
    });
    warnings
}

/// Name, aliases and emails.
fn normalize_head(c: &mut Contact, warnings: &mut Vec<String>) {
    normalize_name(&mut c.name);
    for a in &mut c.aliases {
        a.value = text::clean(&a.value);
    }
    c.aliases.retain(|a| !a.value.is_empty());

    // Emails: split, validate; an invalid one is kept as a note so it is not lost.
    let mut emails = ThinVec::with_capacity(c.emails.len());
    for e in std::mem::take(&mut c.emails) {
        for part in email::split_multi(&e.value) {
            match email::normalize(&part) {
                Ok(v) => emails.push(crate::model::Email {
                    value: v,
                    labels: labels(&e.labels),
                    sources: e.sources.clone(),
                }),
                Err(email::EmailError::Empty) => {}
                Err(email::EmailError::Invalid(why)) => {
                    warnings.push(format!("invalid email kept as a note: {why}"));
                    c.notes.push(crate::model::Text {
                        value: format!("Invalid email: {}", text::clean(&part)),
                        sources: e.sources.clone(),
                    });
                }
            }
        }
    }
    c.emails = emails;
}

/// A record's phone numbers; what is wrong with them goes to `warnings`, for the record's location.
fn normalize_phones(
    phones: &mut ThinVec<Phone>,
    opts: &NormOptions,
    warnings: &mut Vec<&'static str>,
) {
    // Phones: a region inferred from another number of the same record when none is given.
    let region = opts.region.clone().or_else(|| {
        phones.iter().find_map(|p| {
            let n = phone::normalize(&p.raw, None);
            n.e164.as_deref().and_then(phone::region_of)
        })
    });
    for p in phones.iter_mut() {
        let n = phone::normalize(&p.raw, region.as_deref());
        p.raw = text::clean(&p.raw);
        match n.e164 {
            Some(v) => {
                p.value = match n.extension {
                    Some(ext) => format!("{v};ext={ext}"),
                    None => v,
                }
            }
            None => {
                p.value.clear();
                if !p.raw.is_empty() {
                    warnings.push(if region.is_none() {
                        "phone number without country code kept raw (use --region)"
                    } else {
                        "phone number not recognised, kept raw"
                    });
                }
            }
        }
        p.labels = p
            .labels
            .iter()
            .map(|l| {
                phone::label(l)
                    .map(String::from)
                    .unwrap_or_else(|| l.trim().to_lowercase())
            })
            .filter(|l| !l.is_empty())
            .collect();
    }
    phones.retain(|p| !p.raw.is_empty());
}

/// Everything after the phones: organisations, profiles, links, addresses, dates, notes, groups.
fn normalize_tail(c: &mut Contact, warnings: &mut Vec<String>) {
    for o in &mut c.organizations {
        o.name = text::clean(&o.name);
        o.title = text::clean(&o.title);
        o.department = text::clean(&o.department);
    }
    c.organizations
        .retain(|o| !(o.name.is_empty() && o.title.is_empty() && o.department.is_empty()));

    // Profiles: canonical URLs; anything that is no known profile stays as a plain URL.
    let mut profiles = ThinVec::with_capacity(c.profiles.len());
    for p in std::mem::take(&mut c.profiles) {
        let input = if p.url.is_empty() { &p.handle } else { &p.url };
        match profile::canonical(input, Some(&p.service)) {
            Some(canon) => profiles.push(crate::model::Profile {
                service: canon.service,
                url: canon.url,
                handle: canon.handle,
                id: p.id,
                sources: p.sources,
            }),
            None if !p.id.is_empty()
                || (p.url.trim().is_empty() && !p.handle.trim().is_empty()) =>
            {
                // An id or a handle rolo cannot make canonical is still kept as given.
                profiles.push(crate::model::Profile {
                    url: text::clean(&p.url),
                    handle: text::clean(&p.handle),
                    ..p
                })
            }
            None if p.url.trim().is_empty() || p.url.trim_end_matches('/').ends_with(".com") => {
                // A bare "https://www.linkedin.com/" identifies nobody: nothing to keep.
            }
            None => c.urls.push(crate::model::Url {
                value: text::clean(&p.url),
                labels: vec![],
                sources: p.sources,
            }),
        }
    }
    let mut urls = ThinVec::with_capacity(c.urls.len());
    for u in std::mem::take(&mut c.urls) {
        // A link labelled with a service ("Mastodon", "LinkedIn") is read as that service's.
        let hint = u.labels.iter().find_map(|l| Service::known(l));
        match profile::canonical(&u.value, hint.as_ref()) {
            Some(canon) => profiles.push(crate::model::Profile {
                service: canon.service,
                url: canon.url,
                handle: canon.handle,
                id: String::new(),
                sources: u.sources,
            }),
            None => urls.push(crate::model::Url {
                value: text::clean(&u.value),
                labels: labels(&u.labels),
                sources: u.sources,
            }),
        }
    }
    urls.retain(|u| !u.value.is_empty());
    c.profiles = profiles;
    c.urls = urls;

    for a in &mut c.addresses {
        // A formatted address and a street keep their lines ("Industrigata 50B\n0357 Oslo"):
        // joined with spaces they read as one run-on line.
        for f in [&mut a.street, &mut a.raw] {
            *f = text::clean_multiline(f);
        }
        for f in [
            &mut a.locality,
            &mut a.region,
            &mut a.postal_code,
            &mut a.country,
        ] {
            *f = text::clean(f);
        }
    }

    for e in &mut c.events {
        let raw = text::clean(&e.date);
        match date::parse(&raw) {
            Some(d) => e.date = d,
            None => {
                if !raw.is_empty() {
                    warnings.push(format!("{} date not understood, kept as written", e.kind));
                }
                e.date = raw;
            }
        }
    }
    c.events
        .retain(|e| !e.date.is_empty() || !e.kind.is_empty());
    for day in [&mut c.birthday, &mut c.anniversary] {
        if let Some(b) = day {
            let raw = text::clean(&b.value);
            b.value = date::parse(&raw).unwrap_or(raw);
        }
        if day.as_ref().is_some_and(|b| b.value.is_empty()) {
            *day = None;
        }
    }
    // IM addresses: one spelling of each (`vocab::im`), whatever the source wrote.
    let mut ims = ThinVec::with_capacity(c.ims.len());
    for i in std::mem::take(&mut c.ims) {
        let value = text::clean(&i.value);
        let service = text::clean(&i.service);
        let hint = (!service.is_empty()).then_some(service.as_str());
        if let Some((service, value)) = crate::vocab::im::canonical(&value, hint) {
            ims.push(crate::model::Im {
                value,
                service,
                labels: labels(&i.labels),
                sources: i.sources,
            });
        }
    }
    c.ims = ims;
    for r in &mut c.related {
        r.value = text::clean(&r.value);
        r.labels = labels(&r.labels);
    }
    c.related.retain(|r| !r.value.is_empty());
    for n in &mut c.notes {
        n.value = text::clean_multiline(&n.value);
    }
    c.notes.retain(|n| !n.value.is_empty());
    for g in &mut c.groups {
        g.value = text::clean(&g.value);
    }
    c.groups.retain(|g| !g.value.is_empty());
}

/// One record can list a value twice (LinkedIn writes a number in several spellings): keep the
/// first, with the labels of all.
fn dedupe_values(c: &mut Contact) {
    fn by_key<T>(
        list: &mut ThinVec<T>,
        key: impl Fn(&T) -> String,
        labels: impl Fn(&mut T) -> &mut Vec<String>,
    ) {
        // Most lists hold one value or none: nothing to compare, and no keys to build.
        if list.len() < 2 {
            return;
        }
        let mut out: ThinVec<T> = ThinVec::with_capacity(list.len());
        let mut keys: Vec<String> = Vec::with_capacity(list.len());
        for mut v in list.drain(..) {
            let k = key(&v);
            match keys.iter().position(|x| *x == k) {
                Some(i) => {
                    if let Some(first) = out.get_mut(i) {
                        let extra = std::mem::take(labels(&mut v));
                        let have = labels(first);
                        for l in extra {
                            if !have.contains(&l) {
                                have.push(l);
                            }
                        }
                    }
                }
                None => {
                    keys.push(k);
                    out.push(v);
                }
            }
        }
        *list = out;
    }
    by_key(&mut c.emails, |e| e.value.to_lowercase(), |e| &mut e.labels);
    by_key(
        &mut c.phones,
        |p| {
            if p.value.is_empty() {
                p.raw.clone()
            } else {
                p.value.clone()
            }
        },
        |p| &mut p.labels,
    );
    by_key(&mut c.urls, |u| u.value.clone(), |u| &mut u.labels);
    by_key(&mut c.ims, |i| i.value.clone(), |i| &mut i.labels);
    by_key(&mut c.related, |r| r.value.clone(), |r| &mut r.labels);
    if c.profiles.len() > 1 {
        let mut seen = Vec::new();
        c.profiles.retain(|p| {
            let k = (p.service.clone(), p.url.clone(), p.id.clone());
            let fresh = !seen.contains(&k);
            seen.push(k);
            fresh
        });
    }
}

fn labels(raw: &[String]) -> Vec<String> {
    raw.iter()
        .map(|l| text::clean(l).to_lowercase())
        .filter(|l| !l.is_empty())
        .collect()
}

/// Structured parts are cleaned part by part; a lone full name is split.
fn normalize_name(n: &mut Name) {
    let parts = if !n.given.trim().is_empty() || !n.family.trim().is_empty() {
        let mut p = name::from_parts(&n.given, &n.family);
        for (slot, raw) in [
            (&mut p.middle, &n.middle),
            (&mut p.prefix, &n.prefix),
            (&mut p.suffix, &n.suffix),
            (&mut p.nickname, &n.nickname),
        ] {
            let v = text::clean(raw);
            if !v.is_empty() {
                *slot = v;
            }
        }
        if !p.middle.is_empty() {
            // `full` is given, middle and family: prefix and suffix have their own fields.
            p.full = name::display_full(&name::NameParts {
                prefix: String::new(),
                suffix: String::new(),
                ..p.clone()
            });
        }
        p
    } else if !n.full.trim().is_empty() {
        let mut p = name::parse_full(&n.full);
        let nick = text::clean(&n.nickname);
        if !nick.is_empty() {
            p.nickname = nick;
        }
        p
    } else {
        name::NameParts {
            nickname: text::clean(&n.nickname),
            ..Default::default()
        }
    };
    *n = Name {
        full: parts.full,
        given: parts.given,
        middle: parts.middle,
        family: parts.family,
        prefix: parts.prefix,
        suffix: parts.suffix,
        nickname: parts.nickname,
    };
}
