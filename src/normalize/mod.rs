//! The normalisation layer: turns the raw strings every source reads into
//! comparable, displayable values (names, emails, phones, profile URLs,
//! dates) and into the match keys dedupe uses.
//!
//! It sits between the sources and dedupe so that both sides stay simple: a
//! source hands over what the export says, dedupe compares clean values.
//! Every function here is total: it never panics on any input, and a value
//! that cannot be normalised comes back as it was (or as `None`/`Err`, so
//! the caller keeps the original) rather than being dropped.
//!
//! Order matters for Meta exports: [`text::repair_mojibake`] first, then the
//! other functions (which all start with [`text::clean`]).

pub mod date;
pub mod email;
pub mod keys;
pub mod labels;
pub mod name;
pub mod phone;
pub mod phone_meta;
pub mod profile;
pub mod record;
pub mod script;
pub mod text;

#[cfg(test)]
mod tests {
    /// Every public function on input meant to break parsers: nothing may
    /// panic, and nothing may take long.
    #[test]
    fn no_function_panics_on_hostile_input() {
        let long_parens = "(".repeat(100_000);
        let long_quotes = "\"".repeat(100_000);
        let long_text = "a, b; ".repeat(50_000);
        let long_digits = "1".repeat(100_000);
        let cases = [
            "",
            " ",
            "\u{0}",
            "\u{FEFF}",
            "%",
            "%F0%9F",
            "@",
            "@@",
            "::: :::",
            ",,,,",
            "'",
            "'a",
            "(",
            ")(",
            "\"\"",
            "--",
            "--1",
            "9999-99-99",
            "0000-00-00",
            "99999999999999999999",
            "+",
            "+-0",
            "x",
            "ext",
            "https://",
            "https://@/",
            "http://[::1]/",
            "https://linkedin.com/in/%",
            "https://x.com/i/user/",
            "𝓔",
            "\u{1D455}",
            "\u{0301}",
            "a\u{0301}\u{0301}\u{0301}",
            "🏳️‍🌈",
            "ǅ",
            "İ",
            "ß",
            "ﬃ",
            "\u{10FFFF}",
            long_parens.as_str(),
            long_quotes.as_str(),
            long_text.as_str(),
            long_digits.as_str(),
        ];
        for s in cases {
            let _ = super::text::clean(s);
            let _ = super::text::clean_multiline(s);
            let _ = super::text::repair_mojibake(s);
            let parts = super::name::parse_full(s);
            let _ = super::name::display_full(&parts);
            let _ = super::name::from_parts(s, s);
            let _ = super::keys::sorted_token_key(s);
            let _ = super::keys::phonetic(s);
            let _ = super::keys::nickname_canonical(s);
            let _ = super::email::split_multi(s);
            let _ = super::email::normalize(s);
            let _ = super::email::match_key(s, true);
            let _ = super::phone::normalize(s, Some("US"));
            let _ = super::phone::region_of(s);
            let _ = super::phone::label(s);
            let _ = super::profile::canonical(s, Some(&crate::vocab::profile::Service::Mastodon));
            let _ = super::profile::canonical(s, Some(&crate::vocab::profile::Service::X));
            let _ = super::date::parse(s);
        }
    }
}
