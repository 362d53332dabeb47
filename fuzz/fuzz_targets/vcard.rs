//! Fuzz target: vCard 2.1/3.0/4.0 (folding, quoted-printable, charsets, base64) and jCard.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

const NAMES: &[&str] = &["contacts.vcf", "card.vcard", "jcard.json"];

fuzz_target!(|data: &[u8]| {
    let (name, body) = common::pick(data, NAMES);
    common::check(name, body);
});
