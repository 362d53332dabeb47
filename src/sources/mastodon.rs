//! Mastodon's CSV exports (Preferences → Import and export → Data export): follows, followers,
//! mutes, blocks and lists.
//!
//! Files with a header are recognised by it (`Account address` and the columns beside it). Some
//! files have no header at all (`blocked_accounts.csv`, `lists.csv`, and the follows and mutes of
//! old servers): those are recognised only when both the file name and the content agree, every
//! line being an account address (`user@host`) or, for lists, `title,user@host`. Each person is a
//! profile `user@host`, which normalisation turns into `https://host/@user`.

use super::input::FileEntry;
use super::table::{decode, headerless_rows, parse_header_line, Row, Table};
use super::{FileOut, Format, Sniff, Source};
use crate::error::ErrorKind;
use crate::model::{Kind, Platform};
use crate::vocab::profile::Service;

pub struct Mastodon;

static FORMATS: &[Format] = &[
    Format {
        id: "following",
        files: "following_accounts.csv",
        kinds: &[Kind::Following],
    },
    Format {
        id: "followers",
        files: "follower_accounts.csv",
        kinds: &[Kind::Follower],
    },
    Format {
        id: "muted",
        files: "muted_accounts.csv",
        kinds: &[Kind::Muted],
    },
    Format {
        id: "blocked",
        files: "blocked_accounts.csv (no header)",
        kinds: &[Kind::Blocked],
    },
    Format {
        id: "lists",
        files: "lists.csv (no header: list title, account)",
        kinds: &[Kind::ListMember],
    },
];

const ADDRESS: &str = "account address";

fn format(id: &str) -> Option<&'static Format> {
    super::format_by_id(FORMATS, id)
}

/// The format a file's name says, for files whose content alone cannot (no header, or only
/// `Account address`). Browsers' copies (`lists (1).csv`) keep the name's start.
fn format_by_name(name: &str) -> Option<&'static str> {
    [
        ("following_accounts", "following"),
        ("follower_accounts", "followers"),
        ("followers_accounts", "followers"),
        ("muted_accounts", "muted"),
        ("blocked_accounts", "blocked"),
        ("lists", "lists"),
    ]
    .into_iter()
    .find(|(stem, _)| name.starts_with(stem))
    .map(|(_, id)| id)
}

/// The format of a file with an `Account address` header: its other columns tell follows and
/// mutes; a lone `Account address` column needs the file name.
fn format_by_header(table: &Table<'_>, name: &str) -> Option<&'static str> {
    if ["show boosts", "notify on new posts", "languages"]
        .iter()
        .any(|h| table.has(h))
    {
        Some("following")
    } else if table.has("hide notifications") {
        Some("muted")
    } else {
        format_by_name(name).filter(|id| *id != "lists")
    }
}

fn has_address_header(h: &[String]) -> bool {
    h.iter().any(|k| k == ADDRESS)
}

/// `user@host` (a leading `@` allowed): the account without the `@`, or `None`.
pub fn account_address(s: &str) -> Option<&str> {
    let s = s.trim();
    let s = s.strip_prefix('@').unwrap_or(s);
    let (user, host) = s.split_once('@')?;
    let user_ok = !user.is_empty()
        && user
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-'));
    let host_ok = host.contains('.')
        && !host.starts_with(['.', '-'])
        && !host.ends_with(['.', '-'])
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | ':'));
    (user_ok && host_ok).then_some(s)
}

/// Whether every line of a header-less file's head looks like `format` wants. The last line of a
/// head that does not end with a line break may be cut short, so it is not judged.
fn headerless_content(format_id: &str, head: &str) -> bool {
    let mut lines: Vec<&str> = head.lines().collect();
    if lines.len() > 1 && !head.ends_with('\n') {
        lines.pop();
    }
    let lines: Vec<&str> = lines.into_iter().filter(|l| !l.trim().is_empty()).collect();
    !lines.is_empty()
        && lines.iter().all(|line| {
            let (_, fields) = parse_header_line(line);
            match (format_id, fields.as_slice()) {
                ("lists", [title, account]) => {
                    !title.is_empty() && account_address(account).is_some()
                }
                ("lists", _) => false,
                (_, [account, ..]) => account_address(account).is_some(),
                _ => false,
            }
        })
}

impl Source for Mastodon {
    fn platform(&self) -> Platform {
        Platform::Mastodon
    }

    fn formats(&self) -> &'static [Format] {
        FORMATS
    }

    fn detect(&self, sniff: &Sniff<'_>) -> Option<&'static Format> {
        if !(sniff.name.ends_with(".csv") || sniff.name == "-") {
            return None;
        }
        // A header, if any, is the first line: Mastodon writes no preamble.
        let first = sniff.head.lines().next().unwrap_or("");
        if let Some(table) = Table::find(first, has_address_header) {
            return format(format_by_header(&table, sniff.name)?);
        }
        let id = format_by_name(sniff.name)?;
        headerless_content(id, sniff.head)
            .then(|| format(id))
            .flatten()
    }

    fn read(&self, file: &FileEntry, format: &Format, out: &mut FileOut) -> Result<(), ErrorKind> {
        let decoded = decode(&file.data);
        let text: &str = &decoded.text;
        let kind = format.kinds.first().copied().unwrap_or(Kind::Following);
        let first = text.lines().next().unwrap_or("");
        let table = Table::find(first, has_address_header)
            .and_then(|_| Table::find(text, has_address_header));
        match table {
            Some(table) => {
                let col = table.col(ADDRESS);
                for row in table.rows() {
                    match row {
                        Ok(r) => account(&r, col, None, kind, out),
                        Err((line, e)) => out.reject(line, e.to_string()),
                    }
                }
            }
            None => {
                let lists = format.id == "lists";
                for row in headerless_rows(text, b',') {
                    match row {
                        Ok(r) if lists => account(&r, Some(1), Some(0), kind, out),
                        Ok(r) => account(&r, Some(0), None, kind, out),
                        Err((line, e)) => out.reject(line, e.to_string()),
                    }
                }
            }
        }
        Ok(())
    }
}

/// One row: the account in column `col`, and for lists the list's title as a group.
fn account(row: &Row, col: Option<usize>, title: Option<usize>, kind: Kind, out: &mut FileOut) {
    let raw = row.get(col);
    if raw.is_empty() {
        out.reject(row.line, "row without an account address");
        return;
    }
    let Some(address) = account_address(raw) else {
        out.reject(row.line, "not an account address (user@host)");
        return;
    };
    let mut c = out.start(row.line, kind);
    c.add_profile(Service::Mastodon, "", address);
    if title.is_some() {
        c.add_group(row.get(title));
    }
    out.push(c);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_addresses() {
        for (s, want) in [
            ("alice@mastodon.social", Some("alice@mastodon.social")),
            ("@alice@mastodon.social", Some("alice@mastodon.social")),
            (
                " bob_2@sub.example.social ",
                Some("bob_2@sub.example.social"),
            ),
            ("carol@localhost", None),
            ("carol", None),
            ("a@b@c.d", None),
            ("https://mastodon.social/@alice", None),
            ("Account address", None),
            ("example.social", None),
        ] {
            assert_eq!(account_address(s), want, "{s}");
        }
    }

    #[test]
    fn headerless_files_need_every_line_to_be_an_account() {
        assert!(headerless_content("blocked", "a@x.social\nb@y.social\n"));
        assert!(headerless_content(
            "blocked",
            "a@x.social\r\n\r\nb@y.social"
        ));
        // A head cut inside its last line is judged on the lines before.
        assert!(headerless_content("blocked", "a@x.social\nb@y.soc"));
        assert!(!headerless_content(
            "blocked",
            "a@x.social\nexample.social\n"
        ));
        assert!(!headerless_content("blocked", ""));
        assert!(headerless_content(
            "lists",
            "Friends,a@x.social\n\"A, B\",b@y.social\n"
        ));
        assert!(!headerless_content("lists", "a@x.social\n"));
    }
}
