//! Fuzz target: every CSV reader (LinkedIn, Google, Outlook, Thunderbird, Mastodon), picked by file name and header.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

const NAMES: &[&str] = &["Connections.csv", "Contacts.csv", "messages.csv", "Invitations.csv", "Endorsement_Received_Info.csv", "Profile.csv", "PhoneNumbers.csv", "contacts.csv", "google.csv", "outlook.csv", "following_accounts.csv", "blocked_accounts.csv", "lists.csv"];

fuzz_target!(|data: &[u8]| {
    let (name, body) = common::pick(data, NAMES);
    common::check(name, body);
});
