//! Fuzz target: the normalisation functions on arbitrary text (dates, emails, phones, profile
//! URLs and handles, names, mojibake repair, matching keys). None may panic on any input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rolo::normalize::{date, email, keys, name, phone, profile, script, text};

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let _ = date::parse(&s);
    let _ = email::split_multi(&s);
    let _ = email::normalize(&s);
    let _ = email::match_key(&s, true);
    let _ = phone::normalize(&s, Some("US"));
    let _ = phone::normalize(&s, None);
    let _ = phone::label(&s);
    let _ = profile::canonical(&s, None);
    let _ = profile::canonical(&s, Some("linkedin"));
    let _ = profile::canonical(&s, Some("twitter"));
    let _ = profile::percent_decode(&s);
    let parts = name::parse_full(&s);
    let _ = name::display_full(&parts);
    let (a, b) = s.split_at(s.char_indices().nth(s.chars().count() / 2).map_or(0, |(i, _)| i));
    let _ = name::from_parts(a, b);
    let _ = name::undecorate(&s);
    let _ = name::split_unspaced_east_asian(&s);
    let _ = script::romanize(&s);
    let _ = text::repair_mojibake(&s);
    let _ = text::clean_multiline(&s);
    let _ = keys::sorted_token_key(&s);
    let _ = keys::family_initial_key(a, b);
    for t in keys::tokens(&s) {
        let _ = keys::phonetic(&t);
        let _ = keys::nickname_canonical(&t);
        let _ = keys::translit_key(&t);
    }
});
