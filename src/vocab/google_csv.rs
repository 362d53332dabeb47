//! Google Contacts CSV: the words of its header and of its cells, shared by the reader
//! (`sources::google`) and the writer (`sinks::csv`).
//!
//! Google writes a contact's repeated values in numbered column groups (`E-mail 2 - Value`),
//! joins several values that share a label inside one cell with ` ::: `, marks the label of the
//! primary value and its system groups with `* `, and puts every contact in "My Contacts".

/// The separator Google puts between several values in one cell.
pub const MULTI: &str = " ::: ";

/// The mark before the label of the primary value (`* Mobile`) and before a system group
/// (`* myContacts`, `* starred`).
pub const MARK: char = '*';

/// The fixed columns of the current header, in Google's order.
pub const SINGLES: [&str; 17] = [
    "First Name",
    "Middle Name",
    "Last Name",
    "Phonetic First Name",
    "Phonetic Middle Name",
    "Phonetic Last Name",
    "Name Prefix",
    "Name Suffix",
    "Nickname",
    "File As",
    "Organization Name",
    "Organization Title",
    "Organization Department",
    "Birthday",
    "Notes",
    "Photo",
    "Labels",
];

/// The numbered column groups (`<group> <n> - <field>`) and their fields.
pub const EMAIL: &str = "E-mail";
pub const PHONE: &str = "Phone";
pub const ADDRESS: &str = "Address";
pub const ORGANIZATION: &str = "Organization";
pub const WEBSITE: &str = "Website";
pub const RELATION: &str = "Relation";
pub const EVENT: &str = "Event";
pub const IM: &str = "IM";

/// The label of the event that is the anniversary (`Event 1 - Label`).
pub const ANNIVERSARY: &str = "Anniversary";

/// The fields of an IM group.
pub const IM_FIELDS: [&str; 3] = ["Label", "Service", "Value"];

/// The fields of an e-mail, phone, website, relation or event group.
pub const LABEL_VALUE: [&str; 2] = ["Label", "Value"];

/// The fields of an address group.
pub const ADDRESS_FIELDS: [&str; 9] = [
    "Label",
    "Formatted",
    "Street",
    "City",
    "PO Box",
    "Region",
    "Postal Code",
    "Country",
    "Extended Address",
];

/// The fields of an organization group (`Organization 2 - …`, the old header's columns).
pub const ORG_FIELDS: [&str; 3] = ["Name", "Title", "Department"];

/// The system group every contact is in, as Google writes it in `Labels`.
pub const MY_CONTACTS: &str = "myContacts";

/// The spellings of "My Contacts" (lower-cased): it says nothing about anyone.
const ALL_CONTACTS: &[&str] = &["mycontacts", "my contacts"];

/// Google's system groups besides My Contacts (lower-cased): written with the mark, so that Google
/// stars the contact. (The old Friends / Family / Coworkers system groups are plain labels today.)
pub const SYSTEM_GROUPS: &[&str] = &["starred"];

/// The header of one numbered column: `column("E-mail", 2, "Value")` is `E-mail 2 - Value`.
pub fn column(group: &str, n: usize, field: &str) -> String {
    format!("{group} {n} - {field}")
}

/// `E-mail 1 - Value` → (`E-mail`, 1, `Value`), keeping the header's spelling.
pub fn numbered(header: &str) -> Option<(&str, u32, &str)> {
    let (left, field) = header.split_once(" - ")?;
    let (group, n) = left.trim().rsplit_once(' ')?;
    let n = n.parse().ok()?;
    let (group, field) = (group.trim(), field.trim());
    (!group.is_empty() && !field.is_empty()).then_some((group, n, field))
}

/// Splits a cell on ` ::: `, keeping empty positions so parallel cells stay aligned. An empty
/// cell gives no value at all.
pub fn split_multi(cell: &str) -> Vec<&str> {
    if cell.trim().is_empty() {
        return Vec::new();
    }
    // On ":::" alone: the cell was trimmed, so a trailing empty value lost its space.
    cell.split(MULTI.trim()).map(str::trim).collect()
}

/// A group as rolo keeps it: without the system mark; `None` for "My Contacts".
pub fn group_name(raw: &str) -> Option<&str> {
    let g = raw.trim();
    let g = g.strip_prefix(MARK).unwrap_or(g).trim();
    (!g.is_empty() && !ALL_CONTACTS.contains(&g.to_lowercase().as_str())).then_some(g)
}

/// A group name fit for a `Labels` cell: one holding the separator would come back as two, so
/// the separator becomes a space; trimmed.
pub fn clean_group(group: &str) -> String {
    group.replace(MULTI.trim(), " ").trim().to_string()
}

/// A (clean) group as Google's `Labels` cell writes it: a system group with its mark.
pub fn group_cell(group: &str) -> String {
    if SYSTEM_GROUPS.contains(&group.to_lowercase().as_str()) {
        format!("{MARK} {group}")
    } else {
        group.to_string()
    }
}

/// A label cell: whether it marks the primary value, and its model labels.
pub fn parse_label(raw: &str) -> (bool, Vec<String>) {
    let t = raw.trim();
    match t.strip_prefix(MARK) {
        Some(rest) => (true, crate::normalize::labels::label_words(rest)),
        None => (false, crate::normalize::labels::label_words(t)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_headers_are_parsed_whatever_the_group() {
        assert_eq!(numbered("E-mail 12 - Value"), Some(("E-mail", 12, "Value")));
        assert_eq!(
            numbered("Custom Field 1 - Label"),
            Some(("Custom Field", 1, "Label"))
        );
        assert_eq!(numbered("First Name"), None);
        assert_eq!(numbered("E-mail 2 Address"), None);
        assert_eq!(
            numbered(&column(ADDRESS, 3, "Postal Code")),
            Some((ADDRESS, 3, "Postal Code"))
        );
    }

    #[test]
    fn groups_go_out_and_come_back_the_same() {
        assert_eq!(group_name("* myContacts"), None);
        assert_eq!(group_name(&format!("{MARK} {MY_CONTACTS}")), None);
        assert_eq!(group_name("* My Contacts"), None);
        assert_eq!(group_name("* starred"), Some("starred"));
        assert_eq!(group_name("Suppliers"), Some("Suppliers"));
        for g in ["starred", "Suppliers", "Family"] {
            assert_eq!(group_name(&group_cell(g)), Some(g));
        }
        assert_eq!(group_cell("starred"), "* starred");
        assert_eq!(split_multi(&group_cell(&clean_group(" a ::: b "))).len(), 1);
        assert_eq!(split_multi("a ::: b :::"), ["a", "b", ""]);
        assert!(split_multi(" ").is_empty());
    }
}
