//! Readers: one module per platform behind one trait, and the registry that picks among them.
//!
//! A [`Source`] recognises files by path and content ([`Source::detect`]) and turns a recognised
//! file into person records ([`Source::read`]). Adding a platform is one module and one line in
//! [`REGISTRY`]. Sources know nothing of normalisation, dedupe or output.

pub mod facebook;
pub mod fritzbox;
pub mod google;
pub mod google_atom;
pub mod input;
pub mod instagram;
pub mod json;
pub mod linkedin;
pub mod mastodon;
pub mod meta_html;
pub mod outlook;
pub mod rolo;
pub mod table;
pub mod telegram;
pub mod twitter;
pub mod unread;
pub mod vcard;
pub mod windows_contact;
pub mod xcard;

use crate::error::{ErrorKind, Location};
use crate::model::{Contact, Kind, Platform, SourceRef};
use crate::report::{FileReport, Issue, Report};
use input::{FileEntry, Limits, Visitor};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Every reader rolo has. Order matters only when two could claim a file: the first wins.
pub static REGISTRY: &[&dyn Source] = &[
    &linkedin::LinkedIn,
    &facebook::Facebook,
    &instagram::Instagram,
    &twitter::Twitter,
    &telegram::Telegram,
    &mastodon::Mastodon,
    &google::Google,
    &outlook::Outlook,
    &vcard::VCard,
    &xcard::XCard,
    &fritzbox::FritzBox,
    &rolo::Rolo,
];

/// A kind of file a source reads, for detection and for `rolo formats`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Format {
    /// Stable short name (`connections`).
    pub id: &'static str,
    /// The files, as a user would recognise them.
    pub files: &'static str,
    /// The kinds of record it yields.
    pub kinds: &'static [Kind],
}

/// The format of a reader's list with this id (readers that pick a format by a key or name).
pub fn format_by_id(formats: &'static [Format], id: &str) -> Option<&'static Format> {
    formats.iter().find(|f| f.id == id)
}

/// What detection sees of a file.
pub struct Sniff<'a> {
    /// Path inside the input.
    pub path: &'a str,
    /// Lower-cased last path segment.
    pub name: &'a str,
    /// The decoded start of the file (BOM stripped); may end mid-line.
    pub head: &'a str,
}

/// One platform's reader.
pub trait Source: Sync {
    fn platform(&self) -> Platform;
    /// Every kind of file this source reads.
    fn formats(&self) -> &'static [Format];
    /// Which of [`Source::formats`] this file is, if any.
    fn detect(&self, sniff: &Sniff<'_>) -> Option<&'static Format>;
    /// Reads the file's person records into `out`. An `Err` fails the whole file; problems with
    /// single rows go to `out` as warnings or rejections and reading goes on.
    fn read(&self, file: &FileEntry, format: &Format, out: &mut FileOut) -> Result<(), ErrorKind>;
}

/// What a reader produces from one file.
pub struct FileOut {
    location: Location,
    /// The location's input and file, shared by every record's source.
    input: Arc<str>,
    file: Arc<str>,
    platform: Platform,
    pub records: Vec<Contact>,
    pub warnings: Vec<Issue>,
    pub rejected: Vec<Issue>,
    /// Set by a reader when the file shows a day-first locale (a `;`-separated CSV, localized
    /// column names): ambiguous slashed dates are then read day first ([`FileOut::settle_dates`]).
    pub day_first_hint: bool,
}

impl FileOut {
    pub fn new(file: &FileEntry, platform: Platform) -> FileOut {
        FileOut::at(file.location(), platform)
    }

    fn at(location: Location, platform: Platform) -> FileOut {
        FileOut {
            input: location.input.as_str().into(),
            file: location.file.as_str().into(),
            location,
            platform,
            records: Vec::new(),
            warnings: Vec::new(),
            rejected: Vec::new(),
            day_first_hint: false,
        }
    }

    /// Reads every slashed date of the file's records (events, birthdays, anniversaries) in one order decided
    /// for the whole file (`normalize::date::decide_order`), and rewrites them as ISO dates;
    /// normalisation then leaves them as they are. A guess and a mix of orders are warnings.
    pub fn settle_dates(&mut self) {
        use crate::normalize::date::{self, FileOrder, Order};
        let mut numbers = Vec::new();
        let mut first_ambiguous = None;
        // The first line proving each order, for the warning of a file that mixes them.
        let (mut first_day_first, mut first_month_first) = (None, None);
        let mut day_first = self.day_first_hint;
        let mut twelve_hour = false;
        for r in &self.records {
            let line = r.source().map_or(0, |s| s.line);
            let values = r.events.iter().map(|e| e.date.as_str());
            let days = [&r.birthday, &r.anniversary].into_iter().flatten();
            for v in values.chain(days.map(|b| b.value.as_str())) {
                match date::slashed_numbers(v) {
                    Some((a, b)) => {
                        if a != b && (1..=12).contains(&a) && (1..=12).contains(&b) {
                            first_ambiguous.get_or_insert(line);
                        }
                        if a > 12 && b <= 12 {
                            first_day_first.get_or_insert(line);
                        }
                        if b > 12 && a <= 12 {
                            first_month_first.get_or_insert(line);
                        }
                        numbers.push((a, b));
                        let upper = v.trim_end().to_ascii_uppercase();
                        twelve_hour |= upper.ends_with("AM") || upper.ends_with("PM");
                    }
                    // A dotted date beside the slashed ones shows a day-first writer.
                    None => day_first |= is_dotted_date(v),
                }
            }
        }
        // A separator or language of the file's own says more than a clock style.
        let hint = if day_first {
            Some(Order::DayFirst)
        } else if twelve_hour {
            Some(Order::MonthFirst)
        } else {
            None
        };
        let decided = date::decide_order(&numbers, hint);
        match decided {
            FileOrder::Guessed(Order::MonthFirst) => self.warn(
                first_ambiguous.unwrap_or(1),
                "dates such as 03/04/2021 could be day or month first and nothing in the file \
                 says which: read month first",
            ),
            FileOrder::Mixed => self.warn(
                first_day_first.max(first_month_first).unwrap_or(1),
                "dates are written both day first and month first: each read the one way it can be",
            ),
            _ => {}
        }
        let Some(order) = decided.order() else {
            return;
        };
        let settle = |v: &mut String| {
            if date::slashed_numbers(v).is_some() {
                if let Some(iso) = date::parse_in(v, order) {
                    *v = iso;
                }
            }
        };
        for r in &mut self.records {
            for e in &mut r.events {
                settle(&mut e.date);
            }
            for b in [&mut r.birthday, &mut r.anniversary].into_iter().flatten() {
                settle(&mut b.value);
            }
        }
    }

    /// An empty output for the same file, for a reader that reads parts of one file on several
    /// cores; [`FileOut::append`] then takes the parts back in order.
    pub fn part(&self) -> FileOut {
        FileOut {
            input: self.input.clone(),
            file: self.file.clone(),
            ..FileOut::at(self.location.clone(), self.platform)
        }
    }

    /// Takes what a [`FileOut::part`] read, after everything already here: records are numbered
    /// on, so the file reads as if it had been read in one pass.
    pub fn append(&mut self, part: FileOut) {
        self.records.reserve(part.records.len());
        for r in part.records {
            self.push(r);
        }
        self.warnings.extend(part.warnings);
        self.rejected.extend(part.rejected);
        self.day_first_hint |= part.day_first_hint;
    }

    /// A new record starting at `line`; its `index` is set by [`FileOut::push`].
    pub fn start(&self, line: u64, kind: Kind) -> Contact {
        Contact::from_source(SourceRef {
            input: self.input.clone(),
            file: self.file.clone(),
            line,
            index: 0,
            platform: self.platform,
            kind,
            prior_id: String::new(),
        })
    }

    pub fn push(&mut self, mut record: Contact) {
        let index = self.records.len() as u64;
        if let Some(s) = record.sources.first_mut() {
            s.index = index;
        }
        self.records.push(record);
    }

    pub fn warn(&mut self, line: u64, reason: impl Into<String>) {
        self.warnings
            .push(Issue::new(self.location.at_line(line), reason));
    }

    pub fn reject(&mut self, line: u64, reason: impl Into<String>) {
        self.rejected
            .push(Issue::new(self.location.at_line(line), reason));
    }
}

/// Finds the reader for a file.
pub fn detect(path: &str, head: &[u8]) -> Option<(&'static dyn Source, &'static Format)> {
    let decoded = table::decode(head);
    let name = input::file_name(path).to_lowercase();
    let sniff = Sniff {
        path,
        name: &name,
        head: &decoded.text,
    };
    REGISTRY
        .iter()
        .find_map(|s| s.detect(&sniff).map(|f| (*s, f)))
}

/// Everything read from the inputs, before normalisation.
#[derive(Debug, Default)]
pub struct Loaded {
    pub records: Vec<Contact>,
    pub report: Report,
}

/// Reads every input: recognises files, runs their readers, and records what happened.
/// Never fails as a whole: a bad input or file is an error in the report and the rest goes on.
pub fn load(inputs: &[String], limits: Limits) -> Loaded {
    let mut loader = Loader::new(limits);
    expand_all(inputs, limits, &mut loader);
    loader.finish()
}

/// Reads every input like [`load`], but hands each file's records to `each` as soon as the file is
/// read instead of keeping them: memory then holds one file's records at a time. Records come in
/// input order, then file order (sorted within each input). Returns the report.
pub fn load_each(inputs: &[String], limits: Limits, each: &mut dyn FnMut(Vec<Contact>)) -> Report {
    let mut loader = Loader::new(limits);
    loader.each = Some(each);
    expand_all(inputs, limits, &mut loader);
    loader.report.sort();
    loader.report
}

fn expand_all(inputs: &[String], limits: Limits, loader: &mut Loader<'_>) {
    for input in inputs {
        loader.report.inputs.push(input.clone());
        let before = loader.report.files.len();
        let errors_before = loader.report.errors.len();
        input::expand(input, limits, loader);
        // Whether the input held anything is known once its files are read.
        loader.flush();
        let found = loader.report.files.len() > before;
        if !found && loader.report.errors.len() == errors_before {
            loader.report.errors.push(Issue::new(
                Location::input(input),
                ErrorKind::NothingRecognised.to_string(),
            ));
        }
    }
}

/// Reads one file held in memory, named `path`, as if it were an input of its own (a zip is
/// opened and its members read). For callers without files on disk: the fuzz targets, tools.
pub fn read_bytes(path: &str, data: &[u8]) -> Loaded {
    let mut loader = Loader::new(Limits::default());
    loader.report.inputs.push(path.to_string());
    input::expand_bytes(
        path,
        input::file_name(path),
        data.to_vec(),
        Limits::default(),
        &mut loader,
    );
    loader.finish()
}

/// Files waiting to be read together: the readers are independent, so a batch is read on all
/// cores. Bounded in bytes, so memory does not hold many raw files at once.
const BATCH_BYTES: usize = 64 << 20;

struct Loader<'a> {
    limits: Limits,
    /// Each file's records, in reading order; joined once at the end. One growing `Vec` would be
    /// copied at every doubling (at a million records: hundreds of MiB moved, twice resident).
    parts: Vec<Vec<Contact>>,
    /// Files not read yet, and their bytes (see [`BATCH_BYTES`]).
    pending: Vec<FileEntry>,
    pending_bytes: usize,
    report: Report,
    /// When set, each file's records go here instead of into `parts`.
    each: Option<&'a mut dyn FnMut(Vec<Contact>)>,
}

impl<'a> Loader<'a> {
    fn new(limits: Limits) -> Loader<'a> {
        Loader {
            limits,
            parts: Vec::new(),
            pending: Vec::new(),
            pending_bytes: 0,
            report: Report::default(),
            each: None,
        }
    }

    /// Reads the pending files in parallel and takes their results in file order, so the
    /// outcome is the same as reading them one by one.
    fn flush(&mut self) {
        use rayon::prelude::*;
        let files = std::mem::take(&mut self.pending);
        self.pending_bytes = 0;
        let limits = self.limits;
        let done: Vec<Option<FileDone>> = files
            .into_par_iter()
            .map(|f| read_file(f, limits))
            .collect();
        for d in done.into_iter().flatten() {
            self.take(d);
        }
    }

    fn take(&mut self, mut d: FileDone) {
        if let Some(e) = d.error {
            self.report.errors.push(e);
        }
        self.report.files.push(d.file);
        self.report.warnings.append(&mut d.warnings);
        self.report.rejected.append(&mut d.rejected);
        match &mut self.each {
            Some(each) => each(d.records),
            None => self.parts.push(d.records),
        }
    }

    fn finish(mut self) -> Loaded {
        self.flush();
        let total = self.parts.iter().map(Vec::len).sum();
        let mut records = Vec::with_capacity(total);
        for part in std::mem::take(&mut self.parts) {
            records.extend(part);
        }
        // Records in a canonical order so that everything downstream is independent of input order.
        records.sort_by(|a, b| a.sources.cmp(&b.sources));
        self.report.sort();
        Loaded {
            records,
            report: self.report,
        }
    }
}

/// What reading one file gave.
struct FileDone {
    file: FileReport,
    error: Option<Issue>,
    records: Vec<Contact>,
    warnings: Vec<Issue>,
    rejected: Vec<Issue>,
}

/// Reads one recognised file (`None` when no reader claims it).
fn read_file(file: FileEntry, limits: Limits) -> Option<FileDone> {
    let (source, format) = detect(&file.path, &file.data)?;
    let mut out = FileOut::new(&file, source.platform());
    let result = match overlong_line(&file.data, limits.max_line_bytes) {
        Some((line, len)) => Err(ErrorKind::LineTooLong {
            line,
            len,
            max: limits.max_line_bytes,
        }),
        None => source.read(&file, format, &mut out),
    };
    out.settle_dates();
    let mut kinds = BTreeMap::new();
    let mut issue = None;
    let error = match result {
        Ok(()) => {
            for r in &out.records {
                if let Some(s) = r.source() {
                    *kinds.entry(s.kind).or_insert(0) += 1;
                }
            }
            None
        }
        Err(kind) => {
            let loc = match kind.line() {
                Some(l) => file.location().at_line(l),
                None => file.location(),
            };
            issue = Some(Issue::new(loc, kind.to_string()));
            // The file failed as a whole: one error stands for all of it, so rows it had
            // already rejected are not counted a second time.
            out.records.clear();
            out.rejected.clear();
            Some(kind.to_string())
        }
    };
    let FileEntry { input, path, data } = file;
    drop(data);
    Some(FileDone {
        file: FileReport {
            input,
            file: path,
            platform: source.platform(),
            format: format.id.to_string(),
            records: out.records.len() as u64,
            rejected: out.rejected.len() as u64,
            kinds,
            error,
        },
        error: issue,
        records: out.records,
        warnings: out.warnings,
        rejected: out.rejected,
    })
}

/// `14.02.2020`, `1.2.20`: the way most of Europe writes a date.
fn is_dotted_date(v: &str) -> bool {
    let v = v.trim();
    let date = v.split_once(' ').map_or(v, |(d, _)| d);
    let parts: Vec<&str> = date.split('.').collect();
    matches!(parts.as_slice(), [d, m, y]
        if (1..=2).contains(&d.len()) && (1..=2).contains(&m.len()) && matches!(y.len(), 2 | 4)
            && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit())))
}

/// The first line longer than `max` bytes, as (1-based line, its length), in a file read by lines.
/// JSON, JavaScript-wrapped JSON and XML are exempt: they may be minified onto one line, and their
/// parsers do not work line by line.
fn overlong_line(data: &[u8], max: u64) -> Option<(u64, u64)> {
    if data.len() as u64 <= max {
        return None;
    }
    let text_start = data
        .iter()
        .position(|b| {
            !matches!(
                b,
                b' ' | b'\t' | b'\r' | b'\n' | 0xEF | 0xBB | 0xBF | 0xFE | 0xFF | 0
            )
        })
        .and_then(|i| data.get(i));
    if matches!(text_start, Some(b'{' | b'[' | b'<')) || data.starts_with(b"window.") {
        return None;
    }
    (1u64..)
        .zip(data.split(|b| *b == b'\n'))
        .find(|(_, chunk)| chunk.len() as u64 > max)
        .map(|(line, chunk)| (line, chunk.len() as u64))
}

impl Visitor for Loader<'_> {
    fn wants(&mut self, input: &str, path: &str, head: &[u8]) -> Result<(), String> {
        if detect(path, head).is_some() {
            return Ok(());
        }
        match unread::near_miss(path, head) {
            // A file that looks like people but that no reader takes: say so, out loud.
            Some(why) => {
                self.report
                    .warnings
                    .push(Issue::new(Location::file(input, path), why.clone()));
                Err(why)
            }
            None => Err(unread::NOT_READ.to_string()),
        }
    }

    fn file(&mut self, file: FileEntry) {
        if self.each.is_some() {
            // Streaming: one file at a time is the point.
            if let Some(d) = read_file(file, self.limits) {
                self.take(d);
            }
            return;
        }
        self.pending_bytes += file.data.len();
        self.pending.push(file);
        if self.pending_bytes >= BATCH_BYTES {
            self.flush();
        }
    }

    fn skipped(&mut self, issue: Issue) {
        self.report.skipped.push(issue);
    }

    fn error(&mut self, location: Location, kind: ErrorKind) {
        self.report
            .errors
            .push(Issue::new(location, kind.to_string()));
    }
}
