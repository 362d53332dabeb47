//! Files no reader takes, and which of them look like people all the same.
//!
//! An export folder holds many files that name nobody (settings, ads, photos); they are listed as
//! skipped and nothing more. A file that looks like an address book or a contact table — a CSV
//! whose header has a name column beside an email or phone column, a vCard, an XML or LDIF address
//! book, an HTML page of a people list no reader takes — is different: a user who expected its people would
//! otherwise lose them without a word. Such a file gets a warning naming it and why it was not
//! read, and is listed as skipped with that reason.

use super::table::{decode, header_key, parse_header_line};

/// The reason for a skipped file that looks like nothing rolo could read.
pub const NOT_READ: &str = "not a file rolo reads";

/// Lines of the head searched for a header row.
const HEADER_LINES: usize = 20;

/// Columns that hold a person's name, in the languages of the exports seen (compared with the
/// whole lower-cased column name: "Ad Name" or "Company Name" is no person's).
const NAME_COLUMNS: &[&str] = &[
    "name",
    "first name",
    "firstname",
    "last name",
    "lastname",
    "given name",
    "family name",
    "surname",
    "full name",
    "fullname",
    "display name",
    "vorname",
    "nachname",
    "prénom",
    "nom",
    "nombre",
    "apellidos",
    "apellido",
    "voornaam",
    "achternaam",
    "nome",
    "cognome",
    "sobrenome",
];

/// Parts of a column name that hold an email address or a phone number.
const REACH_COLUMNS: &[&str] = &[
    "mail",
    "phone",
    "telefon",
    "téléphone",
    "teléfono",
    "telefone",
    "telefono",
    "mobile",
    "mobil",
    "móvil",
    "handy",
    "messagerie",
    "correo",
];

/// Why a file that no reader took looks like people anyway, if it does.
pub fn near_miss(path: &str, head: &[u8]) -> Option<String> {
    let name = super::input::file_name(path).to_lowercase();
    let decoded = decode(head);
    let text = decoded.text.as_ref();
    let lower_start: String = text.chars().take(2048).collect::<String>().to_lowercase();
    if lower_start.contains("begin:vcard") {
        return Some("looks like a vCard but no card in it could be read as one".into());
    }
    if name.ends_with(".contact") || lower_start.contains("schemas.microsoft.com/contact") {
        return Some("Windows Contacts (.contact) name, but no Windows Contacts XML in it".into());
    }
    if lower_start.contains("<phonebooks") {
        return Some("FRITZ!Box phone book tag, but not at the start of an XML file".into());
    }
    if name.ends_with(".ldif") || name.ends_with(".ldi") {
        return Some("LDIF address book: a format rolo does not read; export as vCard".into());
    }
    if (name.ends_with(".html") || name.ends_with(".htm"))
        && ["friend", "follower", "following", "contact"]
            .iter()
            .any(|w| name.contains(w))
    {
        return Some(
            "HTML page of a people list that no reader takes: rolo reads the friends, followers \
             and following pages of Facebook's and Instagram's HTML export, and the JSON variant \
             of everything (choose JSON when downloading your information)"
                .into(),
        );
    }
    // Only a file that is a table by its name (or has none): a script or a page that quotes a
    // CSV header is not one.
    let tabular = [".csv", ".tsv", ".txt", ".tab"]
        .iter()
        .any(|e| name.ends_with(e))
        || !name.contains('.');
    if tabular {
        contact_table(text)
    } else {
        None
    }
}

/// A header row among the first lines with a name column and an email or phone column.
fn contact_table(text: &str) -> Option<String> {
    for line in text.lines().take(HEADER_LINES) {
        let (delimiter, headers) = parse_header_line(line.trim_end_matches('\r'));
        if headers.len() < 2 {
            continue;
        }
        let keys: Vec<String> = headers.iter().map(|h| header_key(h)).collect();
        let name = keys.iter().position(|k| is_name_column(k));
        let reach = keys
            .iter()
            .position(|k| REACH_COLUMNS.iter().any(|w| k.contains(w)));
        if let (Some(n), Some(r)) = (name, reach) {
            let column = |i: usize| headers.get(i).map_or("", |h| h.trim());
            return Some(format!(
                "looks like a contact table (columns {:?} and {:?}, separator {:?}) but matches \
                 no reader's header",
                column(n),
                column(r),
                char::from(delimiter)
            ));
        }
    }
    None
}

fn is_name_column(key: &str) -> bool {
    NAME_COLUMNS.contains(&key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_tables_are_told_from_other_tables() {
        let why = near_miss("x/people.csv", b"Vorname;Nachname;E-Mail\nA;B;c\n").unwrap();
        assert!(why.contains("\"Vorname\" and \"E-Mail\""), "{why}");
        assert!(why.contains("separator ';'"), "{why}");
        assert!(near_miss("Company Follows.csv", b"Organization,Followed On\nX,1\n").is_none());
        assert!(near_miss("Ads.csv", b"Ad Name,Clicked On,Phone Model\n").is_none());
        assert!(near_miss("Job Applications.csv", b"Application Date,Contact Email\n").is_none());
        assert!(near_miss("photo.jpg", b"\xff\xd8\xff\xe0 binary").is_none());
        assert!(near_miss("a.contact", b"<?xml version=\"1.0\"?><c:contact/>").is_some());
        assert!(near_miss("your_friends.html", b"<html>").is_some());
        assert!(near_miss("make.py", b"HEADER = \"First Name,Email\"\n").is_none());
    }
}
