//! Profile services: the social networks rolo keeps profiles of, and the words formats use for
//! them, shared by every reader, the URL canonicaliser and every writer.
//!
//! A service appears as the id rolo's JSON keeps (`linkedin`, `x`), as a vCard
//! `X-SOCIALPROFILE;TYPE=` / `SOCIALPROFILE;SERVICE-TYPE=` word (`twitter` for X: the word Apple's
//! Contacts and older readers know), as a Google CSV website label (`Linkedin`), as the name users
//! see (`LinkedIn`) and as the hosts of its profile URLs. A service rolo does not know is kept as
//! the word the source gave ([`Service::Other`]), so a card's `TYPE=somethingnew` is written back
//! as it came.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A profile's service. In JSON it is its [`Service::id`], a lower-case string; any string
/// reads back, one rolo does not know as [`Service::Other`].
///
/// `Other` holds only words that name no known service: build services from words with
/// [`Service::from_word`], never `Other` directly, so that equal services compare equal.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Service {
    Linkedin,
    Facebook,
    Instagram,
    /// X, formerly Twitter (`twitter` reads as X).
    X,
    Telegram,
    Mastodon,
    Github,
    /// A service rolo does not know, as the source named it (empty when it named none).
    Other(String),
}

impl Default for Service {
    /// No service named: the empty word.
    fn default() -> Self {
        Service::Other(String::new())
    }
}

impl Service {
    /// Every service rolo knows.
    pub const KNOWN: &'static [Service] = &[
        Service::Linkedin,
        Service::Facebook,
        Service::Instagram,
        Service::X,
        Service::Telegram,
        Service::Mastodon,
        Service::Github,
    ];

    /// The id the model keeps and JSON shows (`linkedin`, `x`); another service's word as given.
    pub const fn id(&self) -> &str {
        match self {
            Service::Linkedin => "linkedin",
            Service::Facebook => "facebook",
            Service::Instagram => "instagram",
            Service::X => "x",
            Service::Telegram => "telegram",
            Service::Mastodon => "mastodon",
            Service::Github => "github",
            Service::Other(word) => word.as_str(),
        }
    }

    /// The name users see (notes, summaries); another service's word as given.
    pub fn display(&self) -> &str {
        match self {
            Service::Linkedin => "LinkedIn",
            Service::Facebook => "Facebook",
            Service::Instagram => "Instagram",
            Service::X => "X",
            Service::Telegram => "Telegram",
            Service::Mastodon => "Mastodon",
            Service::Github => "GitHub",
            Service::Other(word) => word,
        }
    }

    /// The vCard `X-SOCIALPROFILE` `TYPE` / `SOCIALPROFILE` `SERVICE-TYPE` word, lower-case.
    /// X stays `twitter`, the word address books recognise; another service's word is
    /// lower-cased (the writer escapes it as a parameter value).
    pub fn vcard_type(&self) -> Cow<'_, str> {
        match self {
            Service::X => Cow::Borrowed("twitter"),
            Service::Other(word) => Cow::Owned(word.to_lowercase()),
            known => Cow::Borrowed(known.id()),
        }
    }

    /// The hosts of the service's profile URLs (a subdomain of one counts too). Mastodon has
    /// none: it is any server, recognised by the shape of its URLs.
    pub fn hosts(&self) -> &'static [&'static str] {
        match self {
            Service::Linkedin => &["linkedin.com"],
            Service::Facebook => &["facebook.com", "fb.com"],
            Service::Instagram => &["instagram.com", "instagr.am"],
            Service::X => &["twitter.com", "x.com"],
            Service::Telegram => &["t.me", "telegram.me"],
            Service::Github => &["github.com"],
            Service::Mastodon | Service::Other(_) => &[],
        }
    }

    /// The known service a word names: its id or name in any case, or a former name
    /// (`twitter`). `None` for any other word.
    pub fn known(word: &str) -> Option<Service> {
        let w = word.trim().to_lowercase();
        if w == "twitter" {
            return Some(Service::X);
        }
        Service::KNOWN.iter().find(|s| s.id() == w).cloned()
    }

    /// The service a word names: a known one (see [`Service::known`]), else the word as given.
    pub fn from_word(word: &str) -> Service {
        Service::known(word).unwrap_or_else(|| Service::Other(word.to_string()))
    }

    /// The known service whose profile URLs live on `host` (lower-case, without `www.`).
    pub fn of_host(host: &str) -> Option<Service> {
        let is = |domain: &str| {
            host == domain
                || host
                    .strip_suffix(domain)
                    .is_some_and(|sub| sub.ends_with('.'))
        };
        Service::KNOWN
            .iter()
            .find(|s| s.hosts().iter().any(|d| is(d)))
            .cloned()
    }

    /// Whether the source named no service.
    pub fn is_empty(&self) -> bool {
        self.id().is_empty()
    }
}

impl fmt::Display for Service {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl Serialize for Service {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for Service {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let word = String::deserialize(deserializer)?;
        Ok(Service::from_word(&word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> Vec<Service> {
        let mut all = Service::KNOWN.to_vec();
        all.push(Service::Other("somethingnew".into()));
        all.push(Service::Other(String::new()));
        all
    }

    #[test]
    fn every_service_round_trips_through_its_id_and_json() {
        for s in all() {
            assert_eq!(Service::from_word(s.id()), s, "{s:?}");
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(json, format!("\"{}\"", s.id()));
            assert_eq!(serde_json::from_str::<Service>(&json).unwrap(), s, "{json}");
        }
    }

    #[test]
    fn known_ids_are_lower_case_and_distinct() {
        for (i, s) in Service::KNOWN.iter().enumerate() {
            assert_eq!(s.id(), s.id().to_lowercase());
            assert_eq!(Service::known(s.display()), Some(s.clone()));
            assert!(Service::KNOWN[..i].iter().all(|t| t.id() != s.id()));
        }
    }

    #[test]
    fn an_unknown_word_is_kept_as_given_and_written_back() {
        let s: Service = serde_json::from_str("\"SomethingNew\"").unwrap();
        assert_eq!(s, Service::Other("SomethingNew".into()));
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"SomethingNew\"");
        assert_eq!(s.vcard_type(), "somethingnew");
        assert_eq!(Service::known("myspace"), None);
    }

    #[test]
    fn former_names_and_any_case_read_as_the_known_service() {
        assert_eq!(Service::from_word("twitter"), Service::X);
        assert_eq!(Service::from_word(" Twitter "), Service::X);
        assert_eq!(Service::from_word("LinkedIn"), Service::Linkedin);
        assert_eq!(Service::X.vcard_type(), "twitter");
        assert_eq!(Service::Linkedin.vcard_type(), "linkedin");
    }

    #[test]
    fn hosts_name_their_service() {
        assert_eq!(Service::of_host("linkedin.com"), Some(Service::Linkedin));
        assert_eq!(Service::of_host("de.linkedin.com"), Some(Service::Linkedin));
        assert_eq!(Service::of_host("twitter.com"), Some(Service::X));
        assert_eq!(Service::of_host("t.me"), Some(Service::Telegram));
        assert_eq!(Service::of_host("notlinkedin.com"), None);
        assert_eq!(Service::of_host("mastodon.social"), None);
    }
}
