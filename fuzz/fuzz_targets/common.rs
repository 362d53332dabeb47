//! Shared by the reader targets: read one in-memory file under a chosen name, then run what follows
//! reading (normalisation, dedupe, every writer) on what came out, so a crash anywhere downstream
//! of a hostile file is found too, and check the bookkeeping on the way.

/// Picks a name from `names` with the first byte, so one target covers several detections.
pub fn pick<'a>(data: &'a [u8], names: &[&'a str]) -> (&'a str, &'a [u8]) {
    match data.split_first() {
        Some((b, rest)) if !names.is_empty() => (names[*b as usize % names.len()], rest),
        _ => (names.first().copied().unwrap_or("input"), data),
    }
}

/// Reads `data` as `path`, normalises, dedupes and writes every format. Panics (a fuzz finding)
/// when a record goes missing: the report's count, the records and the output sources must agree.
pub fn check(path: &str, data: &[u8]) {
    let mut loaded = rolo::sources::read_bytes(path, data);
    let read = loaded.report.records_read();
    assert_eq!(read as usize, loaded.records.len(), "report and records disagree");
    let opts = rolo::Options::default();
    let mut warnings = Vec::new();
    for r in &mut loaded.records {
        rolo::normalize::record::normalize(r, &opts.normalize, &mut warnings);
    }
    let records = std::mem::take(&mut loaded.records);
    let deduped = rolo::dedupe::dedupe(records, &opts.dedupe, &rolo::progress::Silent);
    let sources: usize = deduped.contacts.iter().map(|c| c.sources.len()).sum();
    assert_eq!(sources, read as usize, "dedupe lost or duplicated a record");
    for format in [
        rolo::sinks::OutputFormat::Json,
        rolo::sinks::OutputFormat::Vcard,
        rolo::sinks::OutputFormat::Vcard4,
        rolo::sinks::OutputFormat::Csv,
        rolo::sinks::OutputFormat::Xcard,
    ] {
        let mut out = Vec::new();
        let _ = rolo::sinks::write(format, &deduped.contacts, &mut out);
    }
}
