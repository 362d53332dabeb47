//! Match keys (temporary minimal version).
pub fn fold(s: &str) -> String {
    let t = deunicode::deunicode(s).to_lowercase();
    let t: String = t
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn tokens(s: &str) -> Vec<String> {
    fold(s)
        .split(' ')
        .filter(|t| !t.is_empty())
        .map(String::from)
        .collect()
}

pub fn sorted_token_key(s: &str) -> String {
    let mut t = tokens(s);
    t.sort();
    t.join(" ")
}

pub fn nickname_canonical(token: &str) -> &str {
    token
}

pub fn phonetic(token: &str) -> String {
    token.to_string()
}
