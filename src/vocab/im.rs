//! Instant-messaging services: the words formats use for them, shared by every reader and writer.
//!
//! A service appears as a vCard `IMPP` URI scheme (`xmpp:`, `sip:`, `skype:`), as Apple's
//! `X-SERVICE-TYPE` parameter (`Jabber`, `GoogleTalk`), as an old one-service property
//! (`X-JABBER`, `X-SKYPE`), as Google CSV's `IM 1 - Service` cell (`Google Talk`) or Android's
//! IM protocol. rolo keeps an IM address as a URI with the service's scheme
//! (`xmpp:jane@example.org`) and the service as its lower-case id (`xmpp`), so the same address
//! from any of these reads the same; [`canonical`] is that rule.

/// The services rolo knows by name. Any other service is kept as the word the source gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    Sip,
    Xmpp,
    Skype,
    Aim,
    Icq,
    Msn,
    Yahoo,
    GoogleTalk,
    Qq,
    GaduGadu,
    Irc,
    Matrix,
}

impl Service {
    pub const ALL: &'static [Service] = &[
        Service::Sip,
        Service::Xmpp,
        Service::Skype,
        Service::Aim,
        Service::Icq,
        Service::Msn,
        Service::Yahoo,
        Service::GoogleTalk,
        Service::Qq,
        Service::GaduGadu,
        Service::Irc,
        Service::Matrix,
    ];

    /// The id the model keeps (`service` of an IM address).
    pub fn id(self) -> &'static str {
        match self {
            Service::Sip => "sip",
            Service::Xmpp => "xmpp",
            Service::Skype => "skype",
            Service::Aim => "aim",
            Service::Icq => "icq",
            Service::Msn => "msn",
            Service::Yahoo => "yahoo",
            Service::GoogleTalk => "googletalk",
            Service::Qq => "qq",
            Service::GaduGadu => "gadugadu",
            Service::Irc => "irc",
            Service::Matrix => "matrix",
        }
    }

    /// The URI scheme of its addresses. Google Talk spoke XMPP, and Apple writes its addresses
    /// as `xmpp:` with `X-SERVICE-TYPE=GoogleTalk`.
    pub fn scheme(self) -> &'static str {
        match self {
            Service::Sip => "sip",
            Service::Xmpp | Service::GoogleTalk => "xmpp",
            Service::Skype => "skype",
            Service::Aim => "aim",
            Service::Icq => "icq",
            Service::Msn => "msnim",
            Service::Yahoo => "ymsgr",
            Service::Qq => "qq",
            Service::GaduGadu => "gg",
            Service::Irc => "irc",
            Service::Matrix => "matrix",
        }
    }

    /// The name address books show (Apple's `X-SERVICE-TYPE`, Google CSV's `IM 1 - Service`).
    pub fn display(self) -> &'static str {
        match self {
            Service::Sip => "SIP",
            Service::Xmpp => "Jabber",
            Service::Skype => "Skype",
            Service::Aim => "AIM",
            Service::Icq => "ICQ",
            Service::Msn => "MSN",
            Service::Yahoo => "Yahoo",
            Service::GoogleTalk => "Google Talk",
            Service::Qq => "QQ",
            Service::GaduGadu => "Gadu-Gadu",
            Service::Irc => "IRC",
            Service::Matrix => "Matrix",
        }
    }

    /// Every spelling of the service: its name in any format, or its URI scheme. Compared
    /// lower-cased without spaces, dashes or underscores (`Google Talk`, `GOOGLE_TALK`).
    pub fn parse(word: &str) -> Option<Service> {
        let w: String = word
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '_'))
            .flat_map(char::to_lowercase)
            .collect();
        Some(match w.as_str() {
            "sip" | "sips" => Service::Sip,
            "xmpp" | "jabber" => Service::Xmpp,
            "skype" | "skypeusername" => Service::Skype,
            "aim" => Service::Aim,
            "icq" => Service::Icq,
            "msn" | "msnim" | "windowslive" | "livemessenger" => Service::Msn,
            "yahoo" | "ymsgr" | "yahoomessenger" => Service::Yahoo,
            "googletalk" | "gtalk" | "hangouts" | "googlehangouts" => Service::GoogleTalk,
            "qq" => Service::Qq,
            "gadugadu" | "gg" => Service::GaduGadu,
            "irc" => Service::Irc,
            "matrix" => Service::Matrix,
            _ => return None,
        })
    }

    /// The service of an id the model keeps.
    pub fn from_id(id: &str) -> Option<Service> {
        Service::ALL.iter().copied().find(|s| s.id() == id)
    }
}

/// Android's IM protocols (`ContactsContract.CommonDataKinds.Im.PROTOCOL_*`), by code.
pub fn android_protocol(code: &str) -> Option<Service> {
    Some(match code.trim() {
        "0" => Service::Aim,
        "1" => Service::Msn,
        "2" => Service::Yahoo,
        "3" => Service::Skype,
        "4" => Service::Qq,
        "5" => Service::GoogleTalk,
        "6" => Service::Icq,
        "7" => Service::Xmpp,
        _ => return None,
    })
}

/// Apple's scheme for an address of a service that has none of its own (`x-apple:jane`): the
/// handle alone is the address.
pub const APPLE_SCHEME: &str = "x-apple";

/// `scheme:rest` when `s` starts with a URI scheme (a letter, then letters, digits, `+-.`).
pub fn split_scheme(s: &str) -> Option<(&str, &str)> {
    let (scheme, rest) = s.split_once(':')?;
    let mut chars = scheme.chars();
    let ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (ok && !rest.trim().is_empty()).then_some((scheme, rest))
}

/// The service id and the address of an IM value as a source wrote it, `hint` the service it
/// named (a parameter, a property, a column). A known service's address is a URI with its scheme
/// (`jane` on Skype → `skype:jane`); an address that already has a scheme keeps it (lower-cased);
/// an address of an unknown service without one stays as written. `None` for an empty value.
pub fn canonical(raw: &str, hint: Option<&str>) -> Option<(String, String)> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    let hint = hint.map(str::trim).filter(|h| !h.is_empty());
    let (scheme, rest) = match split_scheme(raw) {
        Some((s, r)) if s.eq_ignore_ascii_case(APPLE_SCHEME) => (None, r.trim()),
        Some((s, r)) => (Some(s), r),
        None => (None, raw),
    };
    let known = hint
        .and_then(Service::parse)
        .or_else(|| scheme.and_then(Service::parse));
    let service = match (known, hint) {
        (Some(s), _) => s.id().to_string(),
        (None, Some(h)) => h.to_lowercase(),
        (None, None) => String::new(),
    };
    let value = match (scheme, known) {
        (Some(s), _) => format!("{}:{rest}", s.to_ascii_lowercase()),
        (None, Some(k)) => format!("{}:{rest}", k.scheme()),
        (None, None) => rest.to_string(),
    };
    Some((service, value))
}

/// The address without its scheme when the scheme is the service's own (`skype:jane` → `jane`),
/// for formats that keep the service in a column of its own (Google CSV).
pub fn handle<'a>(service: &str, value: &'a str) -> &'a str {
    let own = Service::from_id(service).map(Service::scheme);
    match (split_scheme(value), own) {
        (Some((s, rest)), Some(own)) if s.eq_ignore_ascii_case(own) => rest,
        _ => value,
    }
}

/// The service as address books show it: a known one's name, any other as the model keeps it.
pub fn display(service: &str) -> &str {
    match Service::from_id(service) {
        Some(s) => s.display(),
        None => service,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(raw: &str, hint: Option<&str>) -> (String, String) {
        canonical(raw, hint).unwrap()
    }

    #[test]
    fn every_spelling_of_an_address_is_one_uri() {
        let want = ("xmpp".to_string(), "xmpp:jane@example.org".to_string());
        assert_eq!(c("xmpp:jane@example.org", None), want);
        assert_eq!(c("XMPP:jane@example.org", None), want);
        assert_eq!(c("jane@example.org", Some("Jabber")), want);
        assert_eq!(c("x-apple:jane@example.org", Some("jabber")), want);
        assert_eq!(
            c("jane@gmail.example", Some("Google Talk")),
            ("googletalk".into(), "xmpp:jane@gmail.example".into())
        );
        assert_eq!(
            c("sip:jane@example.org", Some("SIP")),
            ("sip".into(), "sip:jane@example.org".into())
        );
        assert_eq!(c("jane.doe", Some("skype")).1, "skype:jane.doe");
    }

    #[test]
    fn an_unknown_service_keeps_its_word_and_the_address_as_written() {
        assert_eq!(
            c("x-apple:ABCD1234", Some("Threema")),
            ("threema".into(), "ABCD1234".into())
        );
        assert_eq!(
            c("maja@example.org", None),
            (String::new(), "maja@example.org".into())
        );
        assert_eq!(canonical("  ", Some("skype")), None);
    }

    #[test]
    fn canonical_is_idempotent_and_handles_come_back() {
        for (raw, hint) in [
            ("jane", Some("AIM")),
            ("x-apple:ABCD", Some("Threema")),
            ("maja@example.org", None),
            ("jane@example.org", Some("GoogleTalk")),
        ] {
            let (s, v) = c(raw, hint);
            assert_eq!(c(&v, Some(&s)), (s.clone(), v.clone()), "{raw}");
            let h = handle(&s, &v);
            assert_eq!(c(h, Some(display(&s))), (s.clone(), v.clone()), "{raw}");
        }
    }

    #[test]
    fn every_service_parses_from_its_id_name_and_scheme() {
        for s in Service::ALL {
            assert_eq!(Service::parse(s.id()), Some(*s));
            assert_eq!(Service::parse(s.display()), Some(*s));
            assert_eq!(Service::from_id(s.id()), Some(*s));
        }
    }
}
