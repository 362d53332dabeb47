//! Names (temporary minimal version).
use super::text::clean;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NameParts {
    pub full: String,
    pub given: String,
    pub middle: String,
    pub family: String,
    pub prefix: String,
    pub suffix: String,
    pub nickname: String,
}

pub fn parse_full(full: &str) -> NameParts {
    let full = clean(full);
    let mut toks: Vec<&str> = full.split(' ').filter(|t| !t.is_empty()).collect();
    let mut p = NameParts {
        full: full.clone(),
        ..Default::default()
    };
    if toks.len() >= 2 {
        p.family = toks.pop().unwrap_or_default().to_string();
        p.given = toks.remove(0).to_string();
        p.middle = toks.join(" ");
    } else if let Some(t) = toks.first() {
        p.given = t.to_string();
    }
    p
}

pub fn from_parts(given: &str, family: &str) -> NameParts {
    let given = clean(given);
    let family = clean(family);
    let full = format!("{given} {family}").trim().to_string();
    NameParts {
        full,
        given,
        family,
        ..Default::default()
    }
}

pub fn display_full(p: &NameParts) -> String {
    let mut s = [&p.prefix, &p.given, &p.middle, &p.family]
        .iter()
        .filter(|x| !x.is_empty())
        .map(|x| x.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    if !p.suffix.is_empty() {
        s.push_str(", ");
        s.push_str(&p.suffix);
    }
    s
}
