//! Dates (temporary minimal version).
pub fn parse(s: &str) -> Option<String> {
    let s = s.trim();
    if s.len() >= 10 && s.as_bytes().get(4) == Some(&b'-') {
        return s.get(..10).map(String::from);
    }
    None
}

pub fn from_unix(_secs: i64) -> Option<String> {
    None
}
