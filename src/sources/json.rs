//! JSON as the platforms write it, with the line each record starts on.
//!
//! Readers deserialize into borrowed [`RawValue`]s for the array they care about, then ask
//! [`Lines::of`] where each element sits in the file, so JSON records carry a real `line` like
//! CSV rows do. Parse errors keep serde_json's line and column.

use crate::error::ErrorKind;
use serde::Deserialize;
pub use serde_json::value::RawValue;

/// Deserializes `text`, mapping errors to [`ErrorKind::Json`] with their position.
pub fn parse<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, ErrorKind> {
    serde_json::from_str(text).map_err(|e| ErrorKind::json(&e))
}

/// Deserializes one element (usually a [`RawValue`] slice of the file). Errors are relative to
/// the element, so the caller adds the element's line.
pub fn parse_at<'a, T: Deserialize<'a>>(text: &'a str, base_line: u64) -> Result<T, ErrorKind> {
    serde_json::from_str(text).map_err(|e| match ErrorKind::json(&e) {
        ErrorKind::Json {
            line,
            column,
            message,
        } => ErrorKind::Json {
            line: base_line + line.saturating_sub(1),
            column,
            message,
        },
        other => other,
    })
}

/// Line starts of a text, for turning byte offsets into 1-based line numbers.
pub struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Lines<'a> {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { text, starts }
    }

    /// The 1-based line of a byte offset.
    pub fn line_at(&self, offset: usize) -> u64 {
        match self.starts.binary_search(&offset) {
            Ok(i) => i as u64 + 1,
            Err(i) => i as u64,
        }
    }

    /// The line where `part`, a slice borrowed from the same text, starts; 1 if it is not one.
    pub fn of(&self, part: &str) -> u64 {
        let base = self.text.as_ptr() as usize;
        let at = part.as_ptr() as usize;
        if at >= base && at <= base + self.text.len() {
            self.line_at(at - base)
        } else {
            1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_know_their_line() {
        let text = "{\n \"list\": [\n  {\"a\": 1},\n\n  {\"a\": 2}\n ]\n}";
        #[derive(Deserialize)]
        struct Doc<'a> {
            #[serde(borrow)]
            list: Vec<&'a RawValue>,
        }
        let doc: Doc = parse(text).unwrap();
        let lines = Lines::new(text);
        let got: Vec<u64> = doc.list.iter().map(|r| lines.of(r.get())).collect();
        assert_eq!(got, [3, 5]);
    }

    #[test]
    fn errors_keep_line_and_column() {
        let err = parse::<serde_json::Value>("{\n  \"a\": trux\n}").unwrap_err();
        assert!(matches!(err, ErrorKind::Json { line: 2, .. }), "{err}");
    }
}
