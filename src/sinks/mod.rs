//! Writers: one module per output format, chosen by [`OutputFormat`].
//!
//! A sink gets finished contacts and writes bytes; it never parses or decides anything about
//! people. [`output`] owns the safe file writing every sink shares.

pub mod csv;
pub mod json;
pub mod output;
pub mod vcard;
pub mod vdir;
pub mod xcard;

use crate::model::Contact;
use std::io::Write;

/// Every output format rolo writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// One JSON array of contacts (the JSON contract).
    Json,
    /// One contact per line.
    Jsonl,
    /// vCard 3.0, the format every address book imports.
    #[value(alias = "vcard3")]
    Vcard,
    /// vCard 4.0 (RFC 6350).
    Vcard4,
    /// Google Contacts CSV, the columns Google Contacts imports.
    Csv,
    /// xCard (RFC 6351), vCard 4.0 as XML.
    Xcard,
    /// A folder with one vCard file per contact (`<id>.vcf`), as khard and vdirsyncer keep them.
    Vdir,
}

/// A sink: its name, what it is, and how it writes.
pub struct SinkInfo {
    pub format: OutputFormat,
    pub name: &'static str,
    pub extensions: &'static [&'static str],
    pub description: &'static str,
}

/// Every writer rolo has, for format choice and `rolo formats`.
pub static SINKS: &[SinkInfo] = &[
    SinkInfo {
        format: OutputFormat::Json,
        name: "json",
        extensions: &["json"],
        description: "JSON array of contacts (SPEC §3 contract)",
    },
    SinkInfo {
        format: OutputFormat::Jsonl,
        name: "jsonl",
        extensions: &["jsonl", "ndjson"],
        description: "JSON Lines, one contact per line",
    },
    SinkInfo {
        format: OutputFormat::Vcard,
        name: "vcard",
        extensions: &["vcf", "vcard"],
        description: "vCard 3.0 (alias vcard3)",
    },
    SinkInfo {
        format: OutputFormat::Vcard4,
        name: "vcard4",
        extensions: &[],
        description: "vCard 4.0 (RFC 6350)",
    },
    SinkInfo {
        format: OutputFormat::Csv,
        name: "csv",
        extensions: &["csv"],
        description: "Google Contacts CSV (the header Google Contacts imports)",
    },
    SinkInfo {
        format: OutputFormat::Xcard,
        name: "xcard",
        extensions: &["xml"],
        description: "xCard (RFC 6351), vCard 4.0 as XML",
    },
    SinkInfo {
        format: OutputFormat::Vdir,
        name: "vdir",
        extensions: &[],
        description: "folder of <id>.vcf cards, vCard 3.0 or 4.0 by --vcard-version (-o DIR)",
    },
];

impl OutputFormat {
    /// Formats written contact by contact, with nothing before or after that depends on the
    /// data: `--no-dedupe` can stream them.
    pub fn streams(self) -> bool {
        matches!(
            self,
            OutputFormat::Jsonl | OutputFormat::Vcard | OutputFormat::Vcard4
        )
    }

    /// The format an output path implies by its extension, if any.
    pub fn from_path(path: &str) -> Option<OutputFormat> {
        let ext = std::path::Path::new(path)
            .extension()?
            .to_str()?
            .to_lowercase();
        SINKS
            .iter()
            .find(|s| s.extensions.contains(&ext.as_str()))
            .map(|s| s.format)
    }
}

/// Writes `contacts` in `format` to `w`.
pub fn write(format: OutputFormat, contacts: &[Contact], w: &mut dyn Write) -> std::io::Result<()> {
    match format {
        OutputFormat::Json => json::write_array(contacts, w),
        OutputFormat::Jsonl => json::write_lines(contacts, w),
        OutputFormat::Vcard => vcard::write(contacts, vcard::Version::V3, w),
        OutputFormat::Vcard4 => vcard::write(contacts, vcard::Version::V4, w),
        OutputFormat::Csv => csv::write(contacts, w),
        OutputFormat::Xcard => xcard::write(contacts, w),
        // A folder is no stream: vdir::write writes it.
        OutputFormat::Vdir => Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "vdir output is a folder (-o DIR)",
        )),
    }
}

/// One event as a line of a note, in vCard NOTE and Google CSV Notes alike:
/// "LinkedIn: connected 2023-03-15".
pub fn event_line(e: &crate::model::Event) -> String {
    e.note_line()
}
