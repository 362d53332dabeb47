//! Library errors and where they happened.
//!
//! Every error or warning about input carries a [`Location`] (input, file inside it, line) so that
//! a user can find the bad spot: `export.zip!Connections.csv:42`. Contact data never appears in a
//! message; only locations, column names and reasons do.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::PathBuf;

/// Where something is in the inputs.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Location {
    pub input: String,
    /// Path inside the archive or folder; empty when the problem is the input itself.
    pub file: String,
    /// 1-based line, when known.
    pub line: Option<u64>,
}

impl Location {
    pub fn input(input: &str) -> Location {
        Location {
            input: input.to_string(),
            file: String::new(),
            line: None,
        }
    }

    pub fn file(input: &str, file: &str) -> Location {
        Location {
            input: input.to_string(),
            file: file.to_string(),
            line: None,
        }
    }

    pub fn at_line(&self, line: u64) -> Location {
        Location {
            line: Some(line),
            ..self.clone()
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.input)?;
        // A single-file input names the file twice otherwise.
        if !self.file.is_empty() && !self.input.ends_with(&self.file) {
            write!(f, "!{}", self.file)?;
        }
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        Ok(())
    }
}

/// Why a file or input could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ErrorKind {
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    #[error("not a readable zip archive: {0}")]
    Zip(String),
    #[error("archive limit exceeded: {0} (raise it with {1})")]
    Limit(String, &'static str),
    /// A line longer than `--max-line-bytes` in a file read by lines (CSV, vCard).
    #[error("line {line} is {len} bytes long, more than {max} (raise it with --max-line-bytes)")]
    LineTooLong { line: u64, len: u64, max: u64 },
    #[error("CSV error: {0}")]
    Csv(String),
    /// Invalid JSON (or JS-wrapped JSON) at a line and column of the file.
    #[error("invalid JSON at line {line}, column {column}: {message}")]
    Json {
        line: u64,
        column: u64,
        message: String,
    },
    #[error("missing required column {0:?}")]
    MissingColumn(String),
    #[error("cannot decode text: {0}")]
    Encoding(String),
    #[error("nothing rolo can read was found")]
    NothingRecognised,
    #[error("{0}")]
    Other(String),
}

/// An error with its location.
#[derive(Debug, thiserror::Error)]
#[error("{location}: {kind}")]
pub struct Error {
    pub location: Location,
    #[source]
    pub kind: ErrorKind,
}

impl Error {
    pub fn new(location: Location, kind: ErrorKind) -> Error {
        Error { location, kind }
    }
}

/// Errors from writing output.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("{path}: refusing to write over an input")]
    WouldOverwriteInput { path: PathBuf },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("writing output: {0}")]
    Write(#[from] std::io::Error),
    #[error("serializing output: {0}")]
    Serialize(String),
}

/// Why `rolo::merge` stopped: the output could not be written, or the clusters file
/// (`--clusters`) could not be applied, in which case nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    #[error(transparent)]
    Output(#[from] OutputError),
    #[error(transparent)]
    Clusters(#[from] crate::dedupe::external::ClustersError),
}

impl ErrorKind {
    /// The line inside the file this error points at, when it knows one.
    pub fn line(&self) -> Option<u64> {
        match self {
            ErrorKind::Json { line, .. } | ErrorKind::LineTooLong { line, .. } => Some(*line),
            _ => None,
        }
    }

    /// From a serde_json error, with its position.
    pub fn json(e: &serde_json::Error) -> ErrorKind {
        // serde_json's Display appends " at line L column C"; keep only the reason.
        let text = e.to_string();
        let message = match text.rfind(" at line ") {
            Some(i) => text.get(..i).unwrap_or(&text).to_string(),
            None => text,
        };
        ErrorKind::Json {
            line: e.line() as u64,
            column: e.column() as u64,
            message,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
