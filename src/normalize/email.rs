//! Email addresses: splitting multi-value fields, syntax checking, and the
//! match key dedupe compares.
//!
//! Exports put several addresses in one field (Google ` ::: `, LinkedIn
//! `", "`, Outlook `;`), wrap them in display names or `mailto:`, and write
//! `null` for nothing. An address is a strong identity key, so a value that
//! is not an address must be rejected (the caller keeps it as text and
//! reports it) rather than turned into a key that merges strangers.
//!
//! The check is deliberately hand-written and modest (RFC 5321 lengths, one
//! `@`, dot-atom local part, a dotted domain of valid labels) rather than a
//! full RFC 5322 parser: exports never hold quoted local parts or IP-literal
//! domains, and a crate would add a dependency for cases we never meet.
//! Non-ASCII (internationalised) addresses are accepted as typed.

use crate::normalize::text;

/// Why a value is not a usable email address. The reason never contains the
/// value itself, so it can go into logs and reports as is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    #[error("empty email address")]
    Empty,
    #[error("invalid email address: {0}")]
    Invalid(String),
}

fn invalid(reason: &str) -> EmailError {
    EmailError::Invalid(reason.to_string())
}

/// Split a field holding several addresses on `,`, `;`, ` ::: ` and line
/// breaks; trims, drops empties and the literal `null`.
///
/// Separators inside double quotes or angle brackets do not split, so
/// `"Doe, Jane" <jane@x.org>` stays one value. A piece that holds several
/// bare addresses separated by spaces only is split on the spaces.
pub fn split_multi(s: &str) -> Vec<String> {
    // Most fields hold one address: without a separator the field is the one piece, and the
    // copy made character by character below is not needed.
    let pieces = if s.contains([',', ';', '\n', '\r']) || s.contains(":::") {
        split_on_separators(s)
    } else {
        vec![s.to_string()]
    };
    pieces
        .iter()
        .flat_map(|p| split_bare_on_spaces(&text::clean(p)))
        .filter(|p| !p.is_empty() && !p.eq_ignore_ascii_case("null"))
        .collect()
}

/// The pieces of `s` between separators outside quotes and angle brackets.
fn split_on_separators(s: &str) -> Vec<String> {
    let unified = s.replace(":::", "\n");
    let mut pieces = Vec::new();
    let mut current = String::new();
    let mut in_quotes = false;
    let mut in_angle = false;
    for c in unified.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '<' if !in_quotes => in_angle = true,
            '>' if !in_quotes => in_angle = false,
            ',' | ';' | '\n' | '\r' if !in_quotes && !in_angle => {
                pieces.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    pieces.push(current);
    pieces
}

/// "a@x.org b@y.org" -> two values; anything with a display name stays whole.
fn split_bare_on_spaces(p: &str) -> Vec<String> {
    let bare = !p.contains(['<', '"']);
    if bare && p.matches('@').count() > 1 && p.contains(' ') {
        p.split(' ').map(str::to_string).collect()
    } else {
        vec![p.to_string()]
    }
}

/// Strip what surrounds an address: `mailto:` (and its `?subject=` query),
/// a display name with angle brackets, wrapping quotes or brackets.
fn unwrap_address(s: &str) -> &str {
    let mut s = s.trim();
    // Display name: take what is inside the last <...>.
    if let (Some(open), Some(close)) = (s.rfind('<'), s.rfind('>')) {
        if let Some(inner) = s.get(open + 1..close) {
            s = inner.trim();
        }
    }
    let lower_prefix = s.get(..7).map(str::to_ascii_lowercase);
    if lower_prefix.as_deref() == Some("mailto:") {
        s = s.get(7..).unwrap_or_default();
        s = s.split('?').next().unwrap_or_default();
    }
    s.trim_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>' | '(' | ')'))
}

/// RFC 5322 "atext" plus the dot, and any non-ASCII letter (RFC 6531).
fn is_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || "!#$%&'*+/=?^_`{|}~-.".contains(c)
        || (!c.is_ascii() && c.is_alphanumeric())
}

fn check_local(local: &str) -> Result<(), EmailError> {
    if local.is_empty() {
        return Err(invalid("empty local part"));
    }
    if local.len() > 64 {
        return Err(invalid("local part longer than 64 octets"));
    }
    if !local.chars().all(is_local_char) {
        return Err(invalid("forbidden character in local part"));
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err(invalid("misplaced dot in local part"));
    }
    Ok(())
}

fn check_domain(domain: &str) -> Result<(), EmailError> {
    if domain.is_empty() {
        return Err(invalid("empty domain"));
    }
    if domain.len() > 253 {
        return Err(invalid("domain longer than 253 octets"));
    }
    if !domain.contains('.') {
        return Err(invalid("domain has no dot"));
    }
    for label in domain.split('.') {
        let ok_chars = label.chars().all(|c| {
            c.is_ascii_alphanumeric() || c == '-' || (!c.is_ascii() && c.is_alphanumeric())
        });
        if label.is_empty() || label.len() > 63 || !ok_chars {
            return Err(invalid("malformed domain label"));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(invalid("domain label starts or ends with a hyphen"));
        }
    }
    let tld = domain.rsplit('.').next().unwrap_or_default();
    if tld.chars().all(|c| c.is_ascii_digit()) {
        return Err(invalid("numeric top-level domain"));
    }
    Ok(())
}

/// Normalise one address: trim, strip `mailto:` and display names
/// (`"Jane" <j@x.org>`, `Jane <j@x.org>`), check the syntax, lower-case the
/// domain; the local part is kept as typed (it is case-sensitive in
/// principle; [`match_key`] folds case for comparison).
pub fn normalize(s: &str) -> Result<String, EmailError> {
    let cleaned = text::clean(s);
    let address = unwrap_address(&cleaned);
    if address.is_empty() {
        return Err(EmailError::Empty);
    }
    if address.contains(char::is_whitespace) {
        return Err(invalid("contains whitespace"));
    }
    let Some((local, domain)) = address.rsplit_once('@') else {
        return Err(invalid("missing @"));
    };
    if local.contains('@') {
        return Err(invalid("more than one @"));
    }
    // A trailing dot is the DNS root, not part of the name.
    let domain = domain.strip_suffix('.').unwrap_or(domain).to_lowercase();
    check_local(local)?;
    check_domain(&domain)?;
    let out = format!("{local}@{domain}");
    if out.len() > 254 {
        return Err(invalid("address longer than 254 octets"));
    }
    Ok(out)
}

/// The key dedupe compares: the whole address lower-cased. With
/// `fold_gmail`, Gmail addresses also lose the dots and `+tag` of their
/// local part and `googlemail.com` becomes `gmail.com`, because Gmail
/// delivers all of those spellings to the same mailbox.
pub fn match_key(email: &str, fold_gmail: bool) -> String {
    let lower = email.trim().to_lowercase();
    if !fold_gmail {
        return lower;
    }
    match lower.rsplit_once('@') {
        Some((local, "gmail.com" | "googlemail.com")) => {
            let base = local.split('+').next().unwrap_or_default();
            let undotted: String = base.chars().filter(|c| *c != '.').collect();
            format!("{undotted}@gmail.com")
        }
        _ => lower,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_multi_cases() {
        let cases: [(&str, &[&str]); 11] = [
            ("a@x.org", &["a@x.org"]),
            ("a@x.org, b@y.org", &["a@x.org", "b@y.org"]),
            ("a@x.org;b@y.org", &["a@x.org", "b@y.org"]),
            ("a@x.org ::: b@y.org", &["a@x.org", "b@y.org"]),
            ("a@x.org\nb@y.org\r\n", &["a@x.org", "b@y.org"]),
            ("null", &[]),
            ("NULL, a@x.org", &["a@x.org"]),
            ("", &[]),
            (" , ; ", &[]),
            (
                "\"Doe, Jane\" <jane@x.org>, b@y.org",
                &["\"Doe, Jane\" <jane@x.org>", "b@y.org"],
            ),
            ("a@x.org b@y.org", &["a@x.org", "b@y.org"]),
        ];
        for (input, expected) in cases {
            assert_eq!(split_multi(input), expected, "input {input:?}");
        }
    }

    #[test]
    fn normalize_accepts_and_cleans() {
        let cases = [
            ("jane@example.com", "jane@example.com"),
            ("  Jane.Doe@Example.COM ", "Jane.Doe@example.com"),
            ("mailto:jane@example.com", "jane@example.com"),
            ("MAILTO:jane@example.com?subject=hi", "jane@example.com"),
            ("\"Jane Doe\" <jane@example.com>", "jane@example.com"),
            ("Jane Doe <jane@example.com>", "jane@example.com"),
            ("<jane@example.com>", "jane@example.com"),
            ("jane+news@example.co.uk", "jane+news@example.co.uk"),
            ("kerr@example-6567.es", "kerr@example-6567.es"),
            ("xxxxxxx245@gmail.com", "xxxxxxx245@gmail.com"),
            ("jane@example.com.", "jane@example.com"),
            ("jürgen@müller.DE", "jürgen@müller.de"),
            ("\u{FEFF}jane@example.com\u{200B}", "jane@example.com"),
        ];
        for (input, expected) in cases {
            assert_eq!(
                normalize(input),
                Ok(expected.to_string()),
                "input {input:?}"
            );
        }
    }

    #[test]
    fn normalize_rejects_with_reason() {
        let cases = [
            ("", EmailError::Empty),
            ("   ", EmailError::Empty),
            ("mailto:", EmailError::Empty),
            ("jane", invalid("missing @")),
            ("jane@localhost", invalid("domain has no dot")),
            ("jane doe@example.com", invalid("contains whitespace")),
            ("a@b@example.com", invalid("more than one @")),
            ("@example.com", invalid("empty local part")),
            ("jane@", invalid("empty domain")),
            (
                "jane..doe@example.com",
                invalid("misplaced dot in local part"),
            ),
            (".jane@example.com", invalid("misplaced dot in local part")),
            ("jane@example..com", invalid("malformed domain label")),
            (
                "jane@-example.com",
                invalid("domain label starts or ends with a hyphen"),
            ),
            ("jane@example.123", invalid("numeric top-level domain")),
            (
                "ja(ne@example.com",
                invalid("forbidden character in local part"),
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(normalize(input), Err(expected), "input {input:?}");
        }
        let long_local = format!("{}@example.com", "a".repeat(65));
        assert_eq!(
            normalize(&long_local),
            Err(invalid("local part longer than 64 octets"))
        );
    }

    #[test]
    fn match_key_cases() {
        let cases = [
            (("Jane.Doe@Example.com", false), "jane.doe@example.com"),
            (
                ("Jane.Doe+news@Gmail.com", false),
                "jane.doe+news@gmail.com",
            ),
            (("Jane.Doe+news@Gmail.com", true), "janedoe@gmail.com"),
            (("j.a.n.e@googlemail.com", true), "jane@gmail.com"),
            (("J.Doe+news@GoogleMail.com", true), "jdoe@gmail.com"),
            (("jane.doe+x@example.com", true), "jane.doe+x@example.com"),
            (("not an address", true), "not an address"),
            (("", true), ""),
        ];
        for ((input, fold), expected) in cases {
            assert_eq!(match_key(input, fold), expected, "input {input:?}");
        }
    }
}
