//! JSON and JSON Lines: the contact model as SPEC §3 defines it, serialised by serde.

use crate::model::Contact;
use rayon::prelude::*;
use std::io::Write;

/// A top-level array, pretty-printed (two-space indent) and ending with a newline.
pub fn write_array(contacts: &[Contact], w: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, contacts)?;
    w.write_all(b"\n")
}

/// One compact contact per line. Serialising is most of the cost, so it runs on all cores, a
/// chunk of contacts per task, and the chunks are written in order: the output is the same bytes.
pub fn write_lines(contacts: &[Contact], w: &mut dyn Write) -> std::io::Result<()> {
    // Per round: a few MiB of serialised text in memory, enough tasks to keep every core busy.
    const CHUNK: usize = 512;
    const ROUND: usize = CHUNK * 32;
    for round in contacts.chunks(ROUND) {
        let chunks: Vec<std::io::Result<Vec<u8>>> = round
            .par_chunks(CHUNK)
            .map(|chunk| {
                let mut buf = Vec::with_capacity(chunk.len() * 1024);
                for c in chunk {
                    serde_json::to_writer(&mut buf, c)?;
                    buf.push(b'\n');
                }
                Ok(buf)
            })
            .collect();
        for chunk in chunks {
            w.write_all(&chunk?)?;
        }
    }
    Ok(())
}
