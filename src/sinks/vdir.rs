//! vdir output: a folder with one `<uid>.vcf` per contact, the layout khard, vdirsyncer and
//! other CardDAV tools keep an address book in.
//!
//! Each card is written atomically with mode 0600 ([`super::output::write_to`]), and only when
//! its bytes changed: a sync tool that watches the folder sees the cards that really changed.
//! A `.vcf` file in the folder that is no contact of this run (a person merged into another,
//! a card the user added by hand) is reported, never deleted: rolo does not remove a file it
//! cannot be sure it wrote.

use super::output::{write_to, Target};
use super::vcard::{self, Version};
use crate::error::OutputError;
use crate::model::Contact;
use std::collections::BTreeSet;
use std::path::Path;

/// What writing a vdir did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// Cards written (new or changed), by file name.
    pub written: Vec<String>,
    /// Cards whose file already held exactly this card.
    pub unchanged: usize,
    /// `.vcf` files in the folder that are no contact of this run, sorted; left in place.
    pub orphaned: Vec<String>,
}

/// The file name of a contact's card: its id, which is `r-` and hex digits; anything else a
/// filesystem could take amiss is left out.
pub fn file_name(c: &Contact) -> String {
    let stem: String =
        c.id.chars()
            .filter(|ch| ch.is_ascii_alphanumeric() || *ch == '-' || *ch == '_')
            .collect();
    if stem.is_empty() {
        "unnamed.vcf".to_string()
    } else {
        format!("{stem}.vcf")
    }
}

/// Writes `contacts` into `dir` (created 0700 when missing), one card a file.
pub fn write(dir: &Path, contacts: &[Contact], version: Version) -> Result<Changes, OutputError> {
    let io = |source| OutputError::Io {
        path: dir.to_path_buf(),
        source,
    };
    if !dir.is_dir() {
        std::fs::create_dir_all(dir).map_err(io)?;
        set_private_dir(dir).map_err(io)?;
    }
    let mut changes = Changes::default();
    let mut names: BTreeSet<String> = BTreeSet::new();
    let mut bytes = Vec::new();
    for c in contacts {
        let name = file_name(c);
        bytes.clear();
        vcard::write(std::slice::from_ref(c), version, &mut bytes).map_err(io)?;
        let path = dir.join(&name);
        if std::fs::read(&path).is_ok_and(|old| old == bytes) {
            changes.unchanged += 1;
        } else {
            write_to(&Target::File(path), |w| w.write_all(&bytes))?;
            changes.written.push(name.clone());
        }
        names.insert(name);
    }
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_card = name.to_ascii_lowercase().ends_with(".vcf");
        if is_card && !names.contains(&name) && entry.path().is_file() {
            changes.orphaned.push(name);
        }
    }
    changes.orphaned.sort();
    Ok(changes)
}

#[cfg(unix)]
fn set_private_dir(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o700))
}

#[cfg(not(unix))]
fn set_private_dir(_path: &Path) -> std::io::Result<()> {
    Ok(())
}
