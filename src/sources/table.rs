//! CSV as exports really write it: decoding, header finding, columns by name.
//!
//! Exports start with preambles (LinkedIn's `Notes:`), come as UTF-16LE with TABs (LinkedIn's 2022
//! endorsements), as Windows-1252 (Outlook), with `;` separators (any CSV re-saved by Excel in a
//! European locale), with or without BOM and final newline, with line breaks inside quoted fields. Every CSV reader goes through here so each quirk is handled once.

use crate::error::ErrorKind;
use std::borrow::Cow;
use std::collections::HashMap;

/// Text decoded from bytes, and what the decoding had to guess.
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    /// Set when the bytes were not UTF-8 and a fallback encoding was used.
    pub fallback: Option<&'static str>,
}

/// Decodes a text file: BOMs (UTF-8, UTF-16LE/BE) are honoured and stripped; UTF-16 without a BOM
/// is recognised by its NUL bytes; bytes that are not UTF-8 are read as Windows-1252, the encoding
/// of every such export seen (Outlook, Excel re-saves).
pub fn decode(data: &[u8]) -> Decoded<'_> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(data) {
        let body = data.get(bom_len..).unwrap_or_default();
        let (text, _) = enc.decode_without_bom_handling(body);
        return Decoded {
            text,
            fallback: None,
        };
    }
    if let Some(enc) = sniff_utf16(data) {
        let (text, _) = enc.decode_without_bom_handling(data);
        return Decoded {
            text,
            fallback: Some(enc.name()),
        };
    }
    match std::str::from_utf8(data) {
        Ok(s) => Decoded {
            text: Cow::Borrowed(s),
            fallback: None,
        },
        Err(e) if e.error_len().is_none() && e.valid_up_to() + 4 > data.len() => {
            // A multi-byte character cut at the end: keep what is valid (a truncated head).
            let valid = data.get(..e.valid_up_to()).unwrap_or_default();
            Decoded {
                text: String::from_utf8_lossy(valid),
                fallback: None,
            }
        }
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(data);
            Decoded {
                text,
                fallback: Some("windows-1252"),
            }
        }
    }
}

/// UTF-16 without BOM: ASCII-heavy text then has a NUL in every other byte.
fn sniff_utf16(data: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let sample = data.get(..data.len().min(512))?;
    if sample.len() < 4 {
        return None;
    }
    let even_nul = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    let half = sample.len() / 2;
    if odd_nul * 10 > half * 7 && even_nul == 0 {
        Some(encoding_rs::UTF_16LE)
    } else if even_nul * 10 > half * 7 && odd_nul == 0 {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// A CSV file with its header located.
pub struct Table<'a> {
    text: &'a str,
    /// Byte offset of the header line.
    offset: usize,
    /// 1-based line number of the header.
    pub header_line: u64,
    pub delimiter: u8,
    pub headers: Vec<String>,
    index: HashMap<String, usize>,
}

/// A data row with the line it starts on.
pub struct Row {
    pub line: u64,
    pub fields: csv::StringRecord,
}

/// Whether a header (in [`header_key`] form) has the column `k`.
pub fn has(h: &[String], k: &str) -> bool {
    h.iter().any(|x| x == k)
}

/// Whether a header has any of the columns `ks`.
pub fn has_any(h: &[String], ks: &[&str]) -> bool {
    ks.iter().any(|k| has(h, k))
}

/// The header row of `decoded` that `is_header` accepts; fails the file when there is none.
/// For readers that translate the header before checking it for duplicates ([`open`] does both).
pub fn find<'a>(
    decoded: &'a Decoded<'_>,
    format_id: &str,
    is_header: impl Fn(&[String]) -> bool,
) -> Result<Table<'a>, ErrorKind> {
    Table::find(&decoded.text, is_header)
        .ok_or_else(|| ErrorKind::Other(format!("no {format_id} header row found")))
}

/// Keys that occur more than once, each named once.
pub fn duplicates(keys: &[String]) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut dups: Vec<String> = Vec::new();
    for key in keys {
        if !key.is_empty() && !seen.insert(key.as_str()) && !dups.contains(key) {
            dups.push(key.clone());
        }
    }
    dups
}

/// The start of every CSV reader: the header row of `decoded` that `is_header` accepts, with a
/// warning per duplicate column name. Fails the file when no header is found. (Each reader says
/// itself where it reports a guessed encoding.)
pub fn open<'a>(
    decoded: &'a Decoded<'_>,
    format_id: &str,
    out: &mut super::FileOut,
    is_header: impl Fn(&[String]) -> bool,
) -> Result<Table<'a>, ErrorKind> {
    let table = Table::find(&decoded.text, is_header)
        .ok_or_else(|| ErrorKind::Other(format!("no {format_id} header row found")))?;
    // Excel separates with `;` where the decimal mark is a comma: a day-first locale.
    out.day_first_hint |= table.delimiter == b';';
    for name in table.duplicate_headers() {
        out.warn(
            table.header_line,
            format!("column {name:?} appears twice; the first is used"),
        );
    }
    Ok(table)
}

/// Lower-cased, trimmed, with BOM and quotes gone: the form headers are compared in.
pub fn header_key(h: &str) -> String {
    h.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '"')
        .to_lowercase()
}

/// The separator of a header line: the most frequent of comma, semicolon and TAB outside quotes,
/// comma on a tie. Excel writes `;` where the decimal mark is a comma (most of Europe), LinkedIn's
/// 2022 endorsements TAB.
pub fn sniff_delimiter(line: &str) -> u8 {
    let (mut comma, mut semi, mut tab) = (0usize, 0usize, 0usize);
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => comma += 1,
            ';' if !quoted => semi += 1,
            '\t' if !quoted => tab += 1,
            _ => {}
        }
    }
    if tab > comma && tab >= semi {
        b'\t'
    } else if semi > comma {
        b';'
    } else {
        b','
    }
}

/// Splits one line as a CSV header, with the separator [`sniff_delimiter`] finds.
pub fn parse_header_line(line: &str) -> (u8, Vec<String>) {
    let delimiter = sniff_delimiter(line);
    (delimiter, split_first_record(line, delimiter))
}

thread_local! {
    /// One csv-core reader per separator, reused: building one sets up its whole state machine,
    /// and detection splits the first lines of every file once per reader that looks at it.
    static SPLITTERS: std::cell::RefCell<Vec<(u8, csv_core::Reader)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The trimmed fields of the first CSV record in `text` (as the `csv` crate reads it, with
/// quotes, and flexible), empty when there is none.
fn split_first_record(text: &str, delimiter: u8) -> Vec<String> {
    SPLITTERS.with(|cell| {
        let mut readers = cell.borrow_mut();
        let at = match readers.iter().position(|(d, _)| *d == delimiter) {
            Some(at) => at,
            None => {
                let rdr = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
                readers.push((delimiter, rdr));
                readers.len() - 1
            }
        };
        let Some((_, rdr)) = readers.get_mut(at) else {
            return Vec::new();
        };
        rdr.reset();
        let mut input = text.as_bytes();
        let mut fields: Vec<String> = Vec::new();
        let mut field: Vec<u8> = Vec::new();
        let mut buf = [0u8; 1024];
        loop {
            let (result, read, written) = rdr.read_field(input, &mut buf);
            input = input.get(read..).unwrap_or_default();
            field.extend_from_slice(buf.get(..written).unwrap_or_default());
            match result {
                // The end of the input is said by reading once more with nothing.
                csv_core::ReadFieldResult::InputEmpty | csv_core::ReadFieldResult::OutputFull => {}
                csv_core::ReadFieldResult::Field { record_end } => {
                    fields.push(String::from_utf8_lossy(&field).trim().to_string());
                    field.clear();
                    if record_end {
                        break;
                    }
                }
                csv_core::ReadFieldResult::End => break,
            }
        }
        fields
    })
}

/// Lines scanned for a header before giving up (LinkedIn's preamble is three).
const HEADER_SCAN_LINES: usize = 20;

impl<'a> Table<'a> {
    /// Finds the first line, among the first few, whose fields satisfy `is_header`.
    pub fn find(text: &'a str, is_header: impl Fn(&[String]) -> bool) -> Option<Table<'a>> {
        let mut offset = 0usize;
        for (i, line) in text
            .split_inclusive('\n')
            .take(HEADER_SCAN_LINES)
            .enumerate()
        {
            let (delimiter, headers) = parse_header_line(line.trim_end_matches(['\r', '\n']));
            let keys: Vec<String> = headers.iter().map(|h| header_key(h)).collect();
            if is_header(&keys) {
                let mut index = HashMap::new();
                for (j, k) in keys.iter().enumerate() {
                    // The first of duplicate header names wins; later ones stay reachable by index.
                    index.entry(k.clone()).or_insert(j);
                }
                return Some(Table {
                    text,
                    offset,
                    header_line: i as u64 + 1,
                    delimiter,
                    headers,
                    index,
                });
            }
            offset += line.len();
        }
        None
    }

    /// The column of a header (compared lower-cased), if present.
    pub fn col(&self, name: &str) -> Option<usize> {
        self.index.get(&header_key(name)).copied()
    }

    /// The first present column among several spellings.
    pub fn col_any(&self, names: &[&str]) -> Option<usize> {
        names.iter().find_map(|n| self.col(n))
    }

    /// Header names that occur more than once (compared as [`header_key`]), each named once.
    pub fn duplicate_headers(&self) -> Vec<String> {
        let keys: Vec<String> = self.headers.iter().map(|h| header_key(h)).collect();
        duplicates(&keys)
    }

    pub fn has(&self, name: &str) -> bool {
        self.col(name).is_some()
    }

    /// Data rows after the header. Blank lines are skipped; a row that CSV cannot parse is
    /// returned as an error with its line, and reading goes on.
    pub fn rows(&self) -> impl Iterator<Item = Result<Row, (u64, ErrorKind)>> + '_ {
        let body = self.text.get(self.offset..).unwrap_or_default();
        read_rows(
            body,
            self.delimiter,
            true,
            self.header_line.saturating_sub(1),
        )
    }
}

/// Rows of a CSV file that has no header row (Mastodon's `blocked_accounts.csv`, `lists.csv`),
/// each with its 1-based line, under the same rules as [`Table::rows`].
pub fn headerless_rows(
    text: &str,
    delimiter: u8,
) -> impl Iterator<Item = Result<Row, (u64, ErrorKind)>> {
    read_rows(text, delimiter, false, 0)
}

/// Turns the byte positions csv reports into 1-based lines. csv's own line count leaves out the
/// blank lines it skips, and its position of a record lies before them: count line breaks
/// instead, from where the record's first field really starts. Positions only grow, so the
/// count goes on from the last one.
struct LineCounter<'a> {
    body: &'a [u8],
    at: usize,
    line: u64,
}

impl LineCounter<'_> {
    fn line_of(&mut self, pos: Option<&csv::Position>) -> u64 {
        let Some(pos) = pos else { return self.line };
        let mut start = (pos.byte() as usize).min(self.body.len());
        while matches!(self.body.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start > self.at {
            let skipped = self.body.get(self.at..start).unwrap_or_default();
            self.line += skipped.iter().filter(|&&b| b == b'\n').count() as u64;
            self.at = start;
        }
        self.line
    }
}

/// The rows of `body`; `base` is the number of lines before it in the file.
fn read_rows(
    body: &str,
    delimiter: u8,
    has_headers: bool,
    base: u64,
) -> std::vec::IntoIter<Result<Row, (u64, ErrorKind)>> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(has_headers)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(body.as_bytes());
    let mut records = Vec::new();
    let mut rec = csv::StringRecord::new();
    let mut lines = LineCounter {
        body: body.as_bytes(),
        at: 0,
        line: base + 1,
    };
    loop {
        match rdr.read_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => {
                let line = lines.line_of(rec.position());
                if rec.iter().all(|f| f.trim().is_empty()) && rec.len() <= 1 {
                    continue;
                }
                records.push(Ok(Row {
                    line,
                    fields: rec.clone(),
                }));
            }
            Err(e) => {
                let line = lines.line_of(e.position());
                records.push(Err((line, ErrorKind::Csv(csv_reason(&e)))));
                if !matches!(e.kind(), csv::ErrorKind::UnequalLengths { .. }) {
                    // Other CSV errors (I/O, UTF-8) do not recover.
                    if !matches!(e.kind(), csv::ErrorKind::Utf8 { .. }) {
                        break;
                    }
                }
            }
        }
    }
    records.into_iter()
}

fn csv_reason(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => "invalid UTF-8 in a field".into(),
        csv::ErrorKind::UnequalLengths { .. } => "row has a different number of fields".into(),
        _ => e.to_string(),
    }
}

impl Row {
    /// A trimmed field by column index; empty when the column or the cell is missing. The literal
    /// `null` that LinkedIn writes for an empty value counts as empty.
    pub fn get(&self, col: Option<usize>) -> &str {
        let v = col.and_then(|c| self.fields.get(c)).unwrap_or("").trim();
        if v.eq_ignore_ascii_case("null") {
            ""
        } else {
            v
        }
    }

    pub fn is_blank(&self) -> bool {
        self.fields.iter().all(|f| f.trim().is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_conn(h: &[String]) -> bool {
        h.iter().any(|k| k == "first name") && h.iter().any(|k| k == "connected on")
    }

    #[test]
    fn preamble_is_skipped_and_lines_are_absolute() {
        let text = "Notes:\n\"A sentence, with a comma.\"\n\nFirst Name,Last Name,Connected On\nA,B,1 Jan 2020\nC,D,2 Jan 2020";
        let t = Table::find(text, is_conn).unwrap();
        assert_eq!(t.header_line, 4);
        let rows: Vec<_> = t.rows().map(|r| r.ok().unwrap()).collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 5);
        assert_eq!(rows[1].line, 6);
        assert_eq!(rows[1].get(t.col("last name")), "D");
    }

    #[test]
    fn quoted_newlines_keep_the_start_line() {
        let text = "First Name,Last Name,Connected On\n\"A\nA\",B,x\nC,D,y\n";
        let t = Table::find(text, is_conn).unwrap();
        let rows: Vec<_> = t.rows().map(|r| r.ok().unwrap()).collect();
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[1].line, 4);
    }

    #[test]
    fn utf16le_tab_file_decodes() {
        let s = "Endorsement Date\tSkill Name\r\n2022\tRust\r\n";
        let mut bytes = vec![0xFF, 0xFE];
        for u in s.encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes);
        let t = Table::find(&d.text, |h| h.iter().any(|k| k == "skill name")).unwrap();
        assert_eq!(t.delimiter, b'\t');
        let rows: Vec<_> = t.rows().map(|r| r.ok().unwrap()).collect();
        assert_eq!(rows[0].get(t.col("Skill Name")), "Rust");
    }

    #[test]
    fn crlf_and_lf_files_give_the_same_lines() {
        for text in [
            "A,B\r\n1,2\r\n\r\n3,4\r\n",
            "A,B\n1,2\n\n3,4\n",
            "A\tB\r\n1\t2\r\n\r\n3\t4",
        ] {
            let t = Table::find(text, |h| h.iter().any(|k| k == "a")).unwrap();
            let lines: Vec<u64> = t.rows().map(|r| r.ok().unwrap().line).collect();
            assert_eq!(lines, [2, 4], "{text:?}");
        }
    }

    #[test]
    fn windows_1252_falls_back() {
        let d = decode(b"Name\nM\xfcller\n");
        assert_eq!(d.text, "Name\nMüller\n");
        assert_eq!(d.fallback, Some("windows-1252"));
    }

    #[test]
    fn null_literal_is_empty() {
        let t = Table::find("A,B\nnull,x\n", |h| h.iter().any(|k| k == "a")).unwrap();
        let r = t.rows().next().unwrap().ok().unwrap();
        assert_eq!(r.get(t.col("a")), "");
        assert_eq!(r.get(t.col("b")), "x");
    }

    #[test]
    fn headerless_rows_start_at_line_one_and_skip_blank_lines() {
        let text = "Friends,a@example.social\n\n\"Work, old\",b@example.social\r\nc@example.social";
        let rows: Vec<_> = headerless_rows(text, b',')
            .map(|r| r.ok().unwrap())
            .collect();
        let got: Vec<(u64, usize, &str)> = rows
            .iter()
            .map(|r| (r.line, r.fields.len(), r.get(Some(0))))
            .collect();
        assert_eq!(
            got,
            [
                (1, 2, "Friends"),
                (3, 2, "Work, old"),
                (4, 1, "c@example.social")
            ]
        );
    }

    #[test]
    fn blank_lines_between_rows_count() {
        let text = "A,B\nx,1\n\n\ny,2\r\n\r\nz,3\n";
        let t = Table::find(text, |h| h.iter().any(|k| k == "a")).unwrap();
        let lines: Vec<u64> = t.rows().map(|r| r.ok().unwrap().line).collect();
        assert_eq!(lines, [2, 5, 7]);
    }

    #[test]
    fn header_lines_split_as_the_csv_crate_splits_them() {
        let lines = [
            "",
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
            "Vorname;Nachname;E-Mail-Adresse",
            "a\tb\tc",
            "\"Name, full\",\"say \"\"hi\"\"\",x",
            "\"unclosed,quote",
            " spaced , fields ,",
            ",,,",
            "\u{feff}Notes:",
            "one field",
            "\"\"",
            "a,b\nc,d",
            "\na,b",
            "é,ü,李",
        ];
        let long = format!("{},end", "x".repeat(3000));
        for line in lines.iter().copied().chain([long.as_str()]) {
            for delimiter in [b',', b';', b'\t'] {
                let expected: Vec<String> = csv::ReaderBuilder::new()
                    .has_headers(false)
                    .flexible(true)
                    .delimiter(delimiter)
                    .from_reader(line.as_bytes())
                    .records()
                    .next()
                    .and_then(|r| r.ok())
                    .map(|r| r.iter().map(|f| f.trim().to_string()).collect())
                    .unwrap_or_default();
                assert_eq!(split_first_record(line, delimiter), expected, "{line:?}");
            }
        }
    }
}
