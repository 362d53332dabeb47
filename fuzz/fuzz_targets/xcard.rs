//! Fuzz target: xCard (RFC 6351) XML.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

const NAMES: &[&str] = &["contacts.xml"];

fuzz_target!(|data: &[u8]| {
    let (name, body) = common::pick(data, NAMES);
    common::check(name, body);
});
