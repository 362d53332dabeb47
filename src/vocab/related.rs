//! Related people: the words formats use for how a person is related to the contact, shared by
//! every reader and writer.
//!
//! rolo keeps a relation as a lower-case label (`spouse`, `manager`, `domestic partner`, or a
//! custom label as written, `godfather`). vCard 4 writes single-word relations as
//! `RELATED;TYPE=`, Apple an `X-ABLabel` (`_$!<Spouse>!$_`), Android a type code, Outlook and
//! Evolution a property or column of their own, Google CSV a `Relation N - Label` cell.

/// The relations address books name, as rolo labels them, with Android's type code
/// (`ContactsContract.CommonDataKinds.Relation.TYPE_*`).
const RELATIONS: &[(&str, &str)] = &[
    ("assistant", "1"),
    ("brother", "2"),
    ("child", "3"),
    ("domestic partner", "4"),
    ("father", "5"),
    ("friend", "6"),
    ("manager", "7"),
    ("mother", "8"),
    ("parent", "9"),
    ("partner", "10"),
    ("referred by", "11"),
    ("relative", "12"),
    ("sister", "13"),
    ("spouse", "14"),
];

/// The relation of an Android type code; `None` for 0 (custom: the label is in the next field).
pub fn android_type(code: &str) -> Option<&'static str> {
    RELATIONS
        .iter()
        .find(|(_, c)| *c == code.trim())
        .map(|(l, _)| *l)
}

/// The vCard 4 `RELATED;TYPE=` values: RFC 6350's and the single-word relations above. A label
/// that is none of these (it has a space, or is custom) goes out as an `X-ABLabel`.
pub fn vcard_type(label: &str) -> Option<&'static str> {
    const RFC_6350: &[&str] = &[
        "contact",
        "acquaintance",
        "friend",
        "met",
        "co-worker",
        "colleague",
        "co-resident",
        "neighbor",
        "child",
        "parent",
        "sibling",
        "spouse",
        "kin",
        "muse",
        "crush",
        "date",
        "sweetheart",
        "me",
        "agent",
        "emergency",
    ];
    RFC_6350
        .iter()
        .chain(RELATIONS.iter().map(|(l, _)| l))
        .find(|t| **t == label && !t.contains(' '))
        .copied()
}

/// Outlook's, Evolution's and KDE's one-relation properties and the relation they name.
pub fn vendor_property(name: &str) -> Option<&'static str> {
    Some(match name {
        "X-MS-SPOUSE" | "X-EVOLUTION-SPOUSE" | "X-KADDRESSBOOK-X-SPOUSENAME" | "X-SPOUSE" => {
            "spouse"
        }
        "X-MS-MANAGER" | "X-EVOLUTION-MANAGER" | "X-KADDRESSBOOK-X-MANAGERSNAME" | "X-MANAGER" => {
            "manager"
        }
        "X-MS-ASSISTANT"
        | "X-EVOLUTION-ASSISTANT"
        | "X-KADDRESSBOOK-X-ASSISTANTSNAME"
        | "X-ASSISTANT" => "assistant",
        "X-MS-CHILD" | "X-MS-CHILDREN" => "child",
        _ => return None,
    })
}

/// A relation as Apple's `X-ABLabel` writes it: its own wrapped name for the relations Apple
/// lists, any other label as text.
pub fn apple_label(label: &str) -> String {
    match label {
        "assistant" | "brother" | "child" | "father" | "friend" | "manager" | "mother"
        | "parent" | "partner" | "sister" | "spouse" => format!("_$!<{}>!$_", title_case(label)),
        other => other.to_string(),
    }
}

/// A relation as Google CSV writes it (`Domestic Partner`, `Referred By`); a custom label as
/// rolo keeps it.
pub fn google_label(label: &str) -> String {
    if RELATIONS.iter().any(|(l, _)| *l == label) {
        title_case(label)
    } else {
        label.to_string()
    }
}

/// Each space-separated word with its first letter in upper case ("domestic partner" →
/// "Domestic Partner"), as labels are shown in address books.
pub fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f.to_uppercase().chain(cs).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// Whether a related person's value is a URI (`urn:uuid:…`, `mailto:…`, `https://…`) rather than
/// a name: vCard 4 writes the one as a URI, the other with `VALUE=text`.
pub fn is_uri(value: &str) -> bool {
    const SCHEMES: &[&str] = &[
        "urn", "mailto", "http", "https", "tel", "sip", "xmpp", "cid",
    ];
    value.split_once(':').is_some_and(|(s, rest)| {
        !rest.is_empty() && SCHEMES.iter().any(|k| s.eq_ignore_ascii_case(k))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn android_codes_name_the_relations_aosp_lists() {
        assert_eq!(android_type("14"), Some("spouse"));
        assert_eq!(android_type("1"), Some("assistant"));
        assert_eq!(android_type("4"), Some("domestic partner"));
        assert_eq!(android_type("0"), None);
        assert_eq!(android_type("99"), None);
    }

    #[test]
    fn single_word_relations_are_vcard_types_others_apple_labels() {
        assert_eq!(vcard_type("spouse"), Some("spouse"));
        assert_eq!(vcard_type("manager"), Some("manager"));
        assert_eq!(vcard_type("co-worker"), Some("co-worker"));
        assert_eq!(vcard_type("domestic partner"), None);
        assert_eq!(vcard_type("godfather"), None);
        assert_eq!(apple_label("spouse"), "_$!<Spouse>!$_");
        assert_eq!(apple_label("godfather"), "godfather");
        assert_eq!(google_label("referred by"), "Referred By");
        assert_eq!(google_label("godfather"), "godfather");
    }

    #[test]
    fn only_real_uris_are_uris() {
        assert!(is_uri("urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6"));
        assert!(is_uri("mailto:erik@example.org"));
        assert!(is_uri("https://example.org/erik"));
        assert!(!is_uri("Erik Lindgren"));
        assert!(!is_uri("Dr: Erik"));
        assert!(!is_uri("urn:"));
    }
}
