//! Emails (temporary minimal version).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmailError {
    Empty,
    Invalid(String),
}

pub fn split_multi(s: &str) -> Vec<String> {
    s.replace(" ::: ", ",")
        .split([',', ';', '\n'])
        .map(str::trim)
        .filter(|v| !v.is_empty() && !v.eq_ignore_ascii_case("null"))
        .map(String::from)
        .collect()
}

pub fn normalize(s: &str) -> Result<String, EmailError> {
    let s = s.trim();
    let s = s.strip_prefix("mailto:").unwrap_or(s);
    if s.is_empty() {
        return Err(EmailError::Empty);
    }
    match s.rsplit_once('@') {
        Some((local, domain)) if !local.is_empty() && domain.contains('.') && !s.contains(' ') => {
            Ok(format!("{local}@{}", domain.to_lowercase()))
        }
        _ => Err(EmailError::Invalid("not an address".into())),
    }
}

pub fn match_key(email: &str, _fold_gmail: bool) -> String {
    email.to_lowercase()
}
