//! Fuzz target: Telegram Desktop's result.json, including its `\\xNN` escape repair.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

const NAMES: &[&str] = &["result.json"];

fuzz_target!(|data: &[u8]| {
    let (name, body) = common::pick(data, NAMES);
    common::check(name, body);
});
