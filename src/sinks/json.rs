//! JSON and JSON Lines: the contact model as SPEC §3 defines it, serialised by serde.

use crate::model::Contact;
use std::io::Write;

/// A top-level array, pretty-printed (two-space indent) and ending with a newline.
pub fn write_array(contacts: &[Contact], w: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, contacts)?;
    w.write_all(b"\n")
}

/// One compact contact per line.
pub fn write_lines(contacts: &[Contact], w: &mut dyn Write) -> std::io::Result<()> {
    for c in contacts {
        serde_json::to_writer(&mut *w, c)?;
        w.write_all(b"\n")?;
    }
    Ok(())
}
