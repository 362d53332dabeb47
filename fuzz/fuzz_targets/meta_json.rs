//! Fuzz target: Facebook and Instagram JSON (friends, followers, messages, profiles), with Meta's mojibake.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

const NAMES: &[&str] = &["friends_and_followers/friends.json", "connections/friends/your_friends.json", "removed_friends.json", "followers.json", "messages/inbox/a_1/message_1.json", "profile_information/profile_information.json", "followers_1.json", "following.json", "blocked_profiles.json", "your_instagram_activity/messages/inbox/a_1/message_1.json", "personal_information/personal_information.json"];

fuzz_target!(|data: &[u8]| {
    let (name, body) = common::pick(data, NAMES);
    common::check(name, body);
});
