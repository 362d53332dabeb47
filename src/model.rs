//! The contact model: the JSON contract of SPEC §3.
//!
//! One type, [`Contact`], serves both ends of the pipeline. A reader turns each input record into a
//! `Contact` with exactly one entry in `sources`, every value pointing at source `0`; dedupe then
//! merges several such contacts into one, concatenating their `sources` and re-pointing the values.
//! Keeping one type means a value can never lose its origin on the way through.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
pub use smallvec::{smallvec, SmallVec};
use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;
pub use thin_vec::{thin_vec, ThinVec};

use crate::vocab::profile::Service;

mod value;
pub use value::Value;

/// Indices into [`Contact::sources`]. Most values come from one or two records: held inline,
/// without an allocation of their own.
pub type SourceIds = SmallVec<[usize; 2]>;

/// One person in the output (or, before dedupe, one input record).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Contact {
    /// Stable identifier (`r-` + 12 hex digits), derived from the records, not from their order.
    pub id: String,
    pub name: Name,
    /// Other distinct names the merged records carried (no name is lost in a merge).
    #[serde(default)]
    #[schemars(with = "Vec<Text>")]
    pub aliases: ThinVec<Text>,
    #[schemars(with = "Vec<Email>")]
    pub emails: ThinVec<Email>,
    #[schemars(with = "Vec<Phone>")]
    pub phones: ThinVec<Phone>,
    #[schemars(with = "Vec<Organization>")]
    pub organizations: ThinVec<Organization>,
    #[schemars(with = "Vec<Profile>")]
    pub profiles: ThinVec<Profile>,
    /// Web links that are not a known service's profile.
    #[serde(default)]
    #[schemars(with = "Vec<Url>")]
    pub urls: ThinVec<Url>,
    /// Instant-messaging addresses (vCard `IMPP`).
    #[serde(default)]
    #[schemars(with = "Vec<Im>")]
    pub ims: ThinVec<Im>,
    #[schemars(with = "Vec<Address>")]
    pub addresses: ThinVec<Address>,
    pub birthday: Option<Text>,
    /// The anniversary (vCard 4 `ANNIVERSARY`), in the birthday's forms.
    #[serde(default)]
    pub anniversary: Option<Text>,
    /// People related to this one: spouse, manager, assistant, child… (vCard 4 `RELATED`).
    #[serde(default)]
    #[schemars(with = "Vec<Related>")]
    pub related: ThinVec<Related>,
    #[schemars(with = "Vec<Text>")]
    pub notes: ThinVec<Text>,
    #[schemars(with = "Vec<Text>")]
    pub photos: ThinVec<Text>,
    #[schemars(with = "Vec<Event>")]
    pub events: ThinVec<Event>,
    /// Address-book groups / labels (Google "Labels", vCard CATEGORIES).
    #[serde(default)]
    #[schemars(with = "Vec<Text>")]
    pub groups: ThinVec<Text>,
    #[schemars(with = "Vec<SourceRef>")]
    pub sources: ThinVec<SourceRef>,
    /// How this contact was merged; `null` for a contact made of one record.
    pub merge: Option<MergeInfo>,
}

/// A person's name. Empty strings mean "unknown": rolo never invents a name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Name {
    pub full: String,
    pub given: String,
    pub middle: String,
    pub family: String,
    pub prefix: String,
    pub suffix: String,
    pub nickname: String,
}

impl Name {
    pub fn is_empty(&self) -> bool {
        self.full.is_empty()
            && self.given.is_empty()
            && self.family.is_empty()
            && self.middle.is_empty()
            && self.nickname.is_empty()
    }
}

/// A plain value with its sources (notes, photos, aliases, birthday, anniversary, groups).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Text {
    pub value: String,
    pub sources: SourceIds,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Email {
    pub value: String,
    pub labels: Vec<String>,
    pub sources: SourceIds,
}

/// A phone number. `value` is E.164 when the number could be parsed, else empty (a raw-only value).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Phone {
    pub value: String,
    pub raw: String,
    pub labels: Vec<String>,
    pub sources: SourceIds,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Organization {
    pub name: String,
    pub title: String,
    #[serde(default)]
    pub department: String,
    pub sources: SourceIds,
}

/// A profile on a known service. `url` is canonical; `handle` the user name where one exists;
/// `id` a service-internal identifier (LinkedIn member URN, X account id) where that is all there is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Profile {
    // In JSON the service's lower-case id (`linkedin`, `x`; another service's word as given).
    #[schemars(with = "String")]
    pub service: Service,
    pub url: String,
    pub handle: String,
    #[serde(default)]
    pub id: String,
    pub sources: SourceIds,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Url {
    pub value: String,
    pub labels: Vec<String>,
    pub sources: SourceIds,
}

/// An instant-messaging address. `value` is a URI with the service's scheme
/// (`xmpp:jane@example.org`, `sip:jane@example.org`, `skype:jane.doe`), or the address as written
/// when its service has no scheme rolo knows; `service` the service's lower-case id (`xmpp`,
/// `sip`, `skype`, `aim`, `googletalk`…, another service's name as given, empty when unknown).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Im {
    pub value: String,
    pub service: String,
    pub labels: Vec<String>,
    pub sources: SourceIds,
}

/// A person related to this one. `value` is their name as written, or a URI (`urn:uuid:…`,
/// `mailto:…`); `labels` the relation (`spouse`, `manager`, `assistant`, `child`, `parent`,
/// `friend`, …, or a custom label as written, lower-cased).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Related {
    pub value: String,
    pub labels: Vec<String>,
    pub sources: SourceIds,
}

/// A postal address. `raw` keeps a one-line form when the source gave no structure.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Address {
    pub street: String,
    pub locality: String,
    pub region: String,
    pub postal_code: String,
    pub country: String,
    pub raw: String,
    pub labels: Vec<String>,
    pub sources: SourceIds,
}

/// Something that happened between the owner and this person (connected, invited, messaged…).
/// `date` is ISO 8601 (date or date-time, possibly partial) or, when unparseable, the original text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Event {
    // A word of the readers' own vocabulary nearly always ("connected", "linkedin"): borrowed,
    // not allocated per record.
    #[schemars(with = "String")]
    pub kind: Cow<'static, str>,
    pub date: String,
    #[schemars(with = "String")]
    pub service: Cow<'static, str>,
    pub sources: SourceIds,
}

impl Event {
    /// The event as one line of a note, in vCard NOTE and Google CSV Notes alike:
    /// "LinkedIn: connected 2023-03-15".
    pub fn note_line(&self) -> String {
        let svc = Platform::label_of(&self.service);
        let kind = self.kind.replace('_', " ");
        match (svc.is_empty(), self.date.is_empty()) {
            (false, false) => format!("{svc}: {kind} {}", self.date),
            (false, true) => format!("{svc}: {kind}"),
            (true, false) => format!("{kind} {}", self.date),
            (true, true) => kind,
        }
    }

    /// Reads back a line [`Event::note_line`] wrote for a platform rolo knows: its service label,
    /// the kind in words, then the date when the last word starts with a digit. Any other line
    /// is no event. Its one source is `0`.
    pub fn from_note_line(line: &str) -> Option<Event> {
        let (label, rest) = line.split_once(": ")?;
        let service = Platform::ALL
            .iter()
            .find(|p| p.display() == label)?
            .as_str();
        let (words, date) = match rest.rsplit_once(' ') {
            Some((w, d)) if d.starts_with(|c: char| c.is_ascii_digit()) => (w, d),
            _ => (rest, ""),
        };
        let ok = |c: char| c.is_ascii_lowercase() || c == ' ';
        if words.is_empty() || !words.chars().all(ok) {
            return None;
        }
        Some(Event {
            kind: words.replace(' ', "_").into(),
            date: date.to_string(),
            service: service.into(),
            sources: smallvec![0],
        })
    }
}

/// Where one input record came from.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
pub struct SourceRef {
    // Shared by every record of one input and file: a million records hold a few hundred paths.
    /// The input as given on the command line.
    #[schemars(with = "String")]
    pub input: Arc<str>,
    /// Path inside the archive or folder; the file name for a single file.
    #[schemars(with = "String")]
    pub file: Arc<str>,
    /// 1-based line where the record starts.
    pub line: u64,
    /// 0-based position among the person records read from that file.
    pub index: u64,
    pub platform: Platform,
    pub kind: Kind,
    /// The id this record carried as a contact of rolo's own output (a vCard `UID`, a JSON `id`)
    /// when it was read back: the contact it joins keeps that id. Absent for every other record.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub prior_id: String,
}

/// Whether `s` has the form of a contact id rolo gives (`r-` and 12 lower-case hex digits): a
/// vCard UID of that form was written by rolo, and is kept when the card is read back.
pub fn is_contact_id(s: &str) -> bool {
    s.len() == 14
        && s.starts_with("r-")
        && s.bytes()
            .skip(2)
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct MergeInfo {
    pub score: f64,
    pub evidence: Vec<String>,
}

/// The platforms rolo reads.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Platform {
    #[default]
    Linkedin,
    Facebook,
    Instagram,
    Twitter,
    Telegram,
    Mastodon,
    Google,
    Outlook,
    Vcard,
    Xcard,
    // AVM FRITZ!Box phone book export (a doc comment here would split the schema enum).
    Fritzbox,
    // rolo's own JSON / JSON Lines output, read back.
    Rolo,
}

impl Platform {
    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Linkedin => "linkedin",
            Platform::Facebook => "facebook",
            Platform::Instagram => "instagram",
            Platform::Twitter => "twitter",
            Platform::Telegram => "telegram",
            Platform::Mastodon => "mastodon",
            Platform::Google => "google",
            Platform::Outlook => "outlook",
            Platform::Vcard => "vcard",
            Platform::Xcard => "xcard",
            Platform::Fritzbox => "fritzbox",
            Platform::Rolo => "rolo",
        }
    }

    /// The name users see (vCard CATEGORIES, summaries).
    pub fn display(self) -> &'static str {
        match self {
            Platform::Linkedin => "LinkedIn",
            Platform::Facebook => "Facebook",
            Platform::Instagram => "Instagram",
            Platform::Twitter => "X",
            Platform::Telegram => "Telegram",
            Platform::Mastodon => "Mastodon",
            Platform::Google => "Google",
            Platform::Outlook => "Outlook",
            Platform::Vcard => "vCard",
            Platform::Xcard => "xCard",
            Platform::Fritzbox => "FRITZ!Box",
            Platform::Rolo => "rolo",
        }
    }
}

impl Platform {
    pub const ALL: &'static [Platform] = &[
        Platform::Linkedin,
        Platform::Facebook,
        Platform::Instagram,
        Platform::Twitter,
        Platform::Telegram,
        Platform::Mastodon,
        Platform::Google,
        Platform::Outlook,
        Platform::Vcard,
        Platform::Xcard,
        Platform::Fritzbox,
        Platform::Rolo,
    ];

    /// The platform whose [`Platform::as_str`] is `service`.
    pub fn parse(service: &str) -> Option<Platform> {
        Platform::ALL
            .iter()
            .copied()
            .find(|p| p.as_str() == service)
    }

    /// The name users see for a service ("linkedin" → "LinkedIn"), or the service as written.
    pub fn label_of(service: &str) -> &str {
        match Platform::parse(service) {
            Some(p) => p.display(),
            None => service,
        }
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What relation an input record expresses. Serialized in snake_case (`removed_friend`).
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// LinkedIn connection.
    #[default]
    Connection,
    /// An address-book entry (vCard, Google, Outlook, LinkedIn's imported contacts, Telegram).
    Contact,
    Invitation,
    Message,
    Endorsement,
    Recommendation,
    Friend,
    Follower,
    Following,
    CloseFriend,
    FriendRequestSent,
    FriendRequestReceived,
    FollowRequestSent,
    FollowRequestReceived,
    FrequentContact,
    RemovedFriend,
    Unfollowed,
    Blocked,
    Muted,
    Restricted,
    Rejected,
    ListMember,
    /// The export's owner: not a contact unless `--include-owner`.
    Owner,
}

impl Kind {
    pub const ALL: &'static [Kind] = &[
        Kind::Connection,
        Kind::Contact,
        Kind::Invitation,
        Kind::Message,
        Kind::Endorsement,
        Kind::Recommendation,
        Kind::Friend,
        Kind::Follower,
        Kind::Following,
        Kind::CloseFriend,
        Kind::FriendRequestSent,
        Kind::FriendRequestReceived,
        Kind::FollowRequestSent,
        Kind::FollowRequestReceived,
        Kind::FrequentContact,
        Kind::RemovedFriend,
        Kind::Unfollowed,
        Kind::Blocked,
        Kind::Muted,
        Kind::Restricted,
        Kind::Rejected,
        Kind::ListMember,
        Kind::Owner,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Connection => "connection",
            Kind::Contact => "contact",
            Kind::Invitation => "invitation",
            Kind::Message => "message",
            Kind::Endorsement => "endorsement",
            Kind::Recommendation => "recommendation",
            Kind::Friend => "friend",
            Kind::Follower => "follower",
            Kind::Following => "following",
            Kind::CloseFriend => "close_friend",
            Kind::FriendRequestSent => "friend_request_sent",
            Kind::FriendRequestReceived => "friend_request_received",
            Kind::FollowRequestSent => "follow_request_sent",
            Kind::FollowRequestReceived => "follow_request_received",
            Kind::FrequentContact => "frequent_contact",
            Kind::RemovedFriend => "removed_friend",
            Kind::Unfollowed => "unfollowed",
            Kind::Blocked => "blocked",
            Kind::Muted => "muted",
            Kind::Restricted => "restricted",
            Kind::Rejected => "rejected",
            Kind::ListMember => "list_member",
            Kind::Owner => "owner",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.iter().copied().find(|k| k.as_str() == s)
    }

    /// Records of these kinds, from one file, are distinct people by construction (one row per
    /// connection, one entry per friend): dedupe never merges two of them (SPEC §5, cannot-link).
    pub fn is_distinct_list(self) -> bool {
        matches!(
            self,
            Kind::Connection
                | Kind::Friend
                | Kind::Follower
                | Kind::Following
                | Kind::CloseFriend
                | Kind::Blocked
                | Kind::Muted
                | Kind::Restricted
                | Kind::RemovedFriend
                | Kind::Unfollowed
                // Telegram's top peers: one entry per account id.
                | Kind::FrequentContact
        )
    }

    /// Kinds `merge` leaves out by default: people the user is not (or no longer) connected to.
    pub fn filtered_by_default(self) -> bool {
        matches!(
            self,
            Kind::Blocked
                | Kind::Muted
                | Kind::Restricted
                | Kind::RemovedFriend
                | Kind::Rejected
                | Kind::Unfollowed
                | Kind::Owner
        )
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Builders used by readers: every value added points at source 0, the record's only source.
impl Contact {
    pub fn from_source(source: SourceRef) -> Contact {
        Contact {
            sources: thin_vec![source],
            ..Contact::default()
        }
    }

    /// The record's own source (readers' records have exactly one).
    pub fn source(&self) -> Option<&SourceRef> {
        self.sources.first()
    }

    pub fn add_email(&mut self, value: &str, labels: &[&str]) {
        if !value.trim().is_empty() {
            push(
                &mut self.emails,
                Email {
                    value: value.to_string(),
                    labels: to_strings(labels),
                    sources: smallvec![0],
                },
            );
        }
    }

    pub fn add_phone(&mut self, raw: &str, labels: &[&str]) {
        if !raw.trim().is_empty() {
            push(
                &mut self.phones,
                Phone {
                    value: String::new(),
                    raw: raw.to_string(),
                    labels: to_strings(labels),
                    sources: smallvec![0],
                },
            );
        }
    }

    pub fn add_organization(&mut self, name: &str, title: &str) {
        if !name.trim().is_empty() || !title.trim().is_empty() {
            push(
                &mut self.organizations,
                Organization {
                    name: name.to_string(),
                    title: title.to_string(),
                    department: String::new(),
                    sources: smallvec![0],
                },
            );
        }
    }

    /// A profile URL or handle as the source gave it; normalisation makes it canonical.
    pub fn add_profile(&mut self, service: Service, url: &str, handle: &str) {
        if !url.trim().is_empty() || !handle.trim().is_empty() {
            push(
                &mut self.profiles,
                Profile {
                    service,
                    url: url.to_string(),
                    handle: handle.to_string(),
                    id: String::new(),
                    sources: smallvec![0],
                },
            );
        }
    }

    pub fn add_url(&mut self, value: &str, labels: &[&str]) {
        if !value.trim().is_empty() {
            push(
                &mut self.urls,
                Url {
                    value: value.to_string(),
                    labels: to_strings(labels),
                    sources: smallvec![0],
                },
            );
        }
    }

    /// An IM address as the source wrote it, `service` the service it named (empty when none):
    /// kept as [`crate::vocab::im::canonical`] spells it.
    pub fn add_im(&mut self, value: &str, service: &str, labels: &[&str]) {
        let hint = (!service.trim().is_empty()).then_some(service);
        if let Some((service, value)) = crate::vocab::im::canonical(value, hint) {
            push(
                &mut self.ims,
                Im {
                    value,
                    service,
                    labels: to_strings(labels),
                    sources: smallvec![0],
                },
            );
        }
    }

    /// A related person (a name or a URI) with the relation as labels (`spouse`).
    pub fn add_related(&mut self, value: &str, labels: &[&str]) {
        if !value.trim().is_empty() {
            push(
                &mut self.related,
                Related {
                    value: value.to_string(),
                    labels: to_strings(labels),
                    sources: smallvec![0],
                },
            );
        }
    }

    /// The anniversary, unless the record has one already: a second one is a note
    /// (`Anniversary: …`), as a second birthday is.
    pub fn add_anniversary(&mut self, date: &str) {
        let date = date.trim();
        if date.is_empty() {
            return;
        }
        match &self.anniversary {
            None => {
                self.anniversary = Some(Text {
                    value: date.to_string(),
                    sources: smallvec![0],
                })
            }
            Some(a) if a.value == date => {}
            Some(_) => self.add_note(&format!("Anniversary: {date}")),
        }
    }

    pub fn add_event(
        &mut self,
        kind: impl Into<Cow<'static, str>>,
        date: &str,
        service: impl Into<Cow<'static, str>>,
    ) {
        push(
            &mut self.events,
            Event {
                kind: kind.into(),
                date: date.to_string(),
                service: service.into(),
                sources: smallvec![0],
            },
        );
    }

    pub fn add_note(&mut self, value: &str) {
        if !value.trim().is_empty() {
            push(
                &mut self.notes,
                Text {
                    value: value.to_string(),
                    sources: smallvec![0],
                },
            );
        }
    }

    pub fn add_group(&mut self, value: &str) {
        if !value.trim().is_empty() {
            push(
                &mut self.groups,
                Text {
                    value: value.to_string(),
                    sources: smallvec![0],
                },
            );
        }
    }

    /// Gives back the spare capacity of every list. A `Vec` grows to four elements at its first
    /// push, and most records hold one email, one phone, one event…: at a million records the
    /// unused slots were most of the memory the records took.
    pub fn shrink_to_fit(&mut self) {
        fn each<T>(list: &mut ThinVec<T>, f: impl FnMut(&mut T)) {
            list.shrink_to_fit();
            list.iter_mut().for_each(f);
        }
        for texts in [
            &mut self.aliases,
            &mut self.notes,
            &mut self.photos,
            &mut self.groups,
        ] {
            each(texts, |t| t.sources.shrink_to_fit());
        }
        for d in [&mut self.birthday, &mut self.anniversary]
            .into_iter()
            .flatten()
        {
            d.sources.shrink_to_fit();
        }
        each(&mut self.emails, |e| {
            e.labels.shrink_to_fit();
            e.sources.shrink_to_fit();
        });
        each(&mut self.phones, |p| {
            p.labels.shrink_to_fit();
            p.sources.shrink_to_fit();
        });
        each(&mut self.organizations, |o| o.sources.shrink_to_fit());
        each(&mut self.profiles, |p| p.sources.shrink_to_fit());
        each(&mut self.urls, |u| {
            u.labels.shrink_to_fit();
            u.sources.shrink_to_fit();
        });
        each(&mut self.ims, |i| {
            i.labels.shrink_to_fit();
            i.sources.shrink_to_fit();
        });
        each(&mut self.related, |r| {
            r.labels.shrink_to_fit();
            r.sources.shrink_to_fit();
        });
        each(&mut self.addresses, |a| {
            a.labels.shrink_to_fit();
            a.sources.shrink_to_fit();
        });
        each(&mut self.events, |e| e.sources.shrink_to_fit());
        self.sources.shrink_to_fit();
    }

    /// True when the record identifies nobody: no name and no identifier at all.
    pub fn is_anonymous(&self) -> bool {
        self.name.is_empty()
            && self.emails.is_empty()
            && self.phones.is_empty()
            && self.profiles.is_empty()
    }
}

/// A readers' push: most records hold one value of a kind, and a `Vec` would make room for four.
fn push<T>(list: &mut ThinVec<T>, value: T) {
    if list.is_empty() {
        list.reserve_exact(1);
    }
    list.push(value);
}

fn to_strings(labels: &[&str]) -> Vec<String> {
    labels.iter().map(|s| s.to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_note_lines_read_back_as_the_events_they_were() {
        for (kind, date, service) in [
            ("connected", "2023-03-14", "linkedin"),
            ("friend_since", "2021-01-01T00:00:00Z", "facebook"),
            ("invitation_sent", "2025-03-04T18:40", "linkedin"),
            ("endorsed_you", "", "linkedin"),
            ("messaged", "2024-12-16T19:02:11Z", "twitter"),
        ] {
            let e = Event {
                kind: kind.into(),
                date: date.into(),
                service: service.into(),
                sources: smallvec![0],
            };
            assert_eq!(Event::from_note_line(&e.note_line()), Some(e));
        }
    }

    #[test]
    fn other_note_lines_are_no_events() {
        for line in [
            "Met at the 2019 conference",
            "Role: Treasurer",
            "LinkedIn: Call Back 2024",
            "Myspace: connected 2005-01-01",
            "LinkedIn: ",
        ] {
            assert_eq!(Event::from_note_line(line), None, "{line}");
        }
    }

    #[test]
    fn only_rolo_shaped_ids_are_contact_ids() {
        assert!(is_contact_id("r-0123456789ab"));
        for s in [
            "r-0123456789AB",
            "r-0123456789a",
            "x-0123456789ab",
            "",
            "r-01234567890ab",
        ] {
            assert!(!is_contact_id(s), "{s}");
        }
    }
}
