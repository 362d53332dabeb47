//! Fuzz target: X/Twitter archive JavaScript files (`window.YTD.x.part0 = [...]`).
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

const NAMES: &[&str] = &["data/follower.js", "data/following.js", "data/block.js", "data/mute.js", "data/direct-messages.js", "data/contact.js", "data/account.js"];

fuzz_target!(|data: &[u8]| {
    let (name, body) = common::pick(data, NAMES);
    common::check(name, body);
});
