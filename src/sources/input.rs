//! Turning what the user named (zip, folder, file, `-`) into in-memory files.
//!
//! Zip members are read in memory, never extracted, under caps on size, ratio, depth and count, so
//! a zip bomb or a deep nest of zips fails that input with a clear error instead of filling memory.
//! Only a small head of each file is read first: the readers decide from it whether they want the
//! file, so the photos and videos in a Facebook archive are never inflated.

use crate::error::{ErrorKind, Location};
use crate::report::Issue;
use std::io::{Cursor, Read, Seek};
use std::path::Path;

/// Bytes of a file's head that detection sees.
pub const HEAD_BYTES: usize = 8 * 1024;

/// Caps that keep hostile archives harmless. Each can be raised from the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Total bytes read from all inputs (uncompressed).
    pub max_total_bytes: u64,
    /// Largest single file.
    pub max_file_bytes: u64,
    /// Largest uncompressed/compressed ratio of a zip member.
    pub max_ratio: u64,
    /// How many zips deep a zip may sit inside another.
    pub max_depth: u32,
    /// Members per archive.
    pub max_entries: usize,
    /// Longest line of a CSV or vCard file (JSON and XML are not read by lines and may be
    /// minified, so they are not held to it). Bounds the work a single record can cause.
    pub max_line_bytes: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_total_bytes: 8 << 30,
            max_file_bytes: 2 << 30,
            max_ratio: 100,
            max_depth: 4,
            max_entries: 1_000_000,
            max_line_bytes: 4 << 20,
        }
    }
}

/// One file found in an input, with its content once a reader wanted it.
#[derive(Debug, Clone)]
pub struct FileEntry {
    /// The input as the user gave it.
    pub input: String,
    /// Path inside the archive or folder (`/`-separated); the file name for a single file.
    pub path: String,
    pub data: Vec<u8>,
}

impl FileEntry {
    pub fn location(&self) -> Location {
        Location::file(&self.input, &self.path)
    }

    /// The last path segment.
    pub fn name(&self) -> &str {
        file_name(&self.path)
    }
}

pub fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// Why an empty file is skipped: it holds nobody, but a user who expected people in it should
/// see that it was empty rather than unrecognised.
const EMPTY: &str = "empty file";

const ENCRYPTED: &str =
    "member is encrypted; rolo cannot read encrypted archives (extract it with its password first)";

/// Expands a file already in memory, as if it were an input of its own (a zip is opened, any other
/// file goes to the visitor if it wants it). For in-memory callers such as the fuzz targets.
pub fn expand_bytes(
    input: &str,
    path: &str,
    data: Vec<u8>,
    limits: Limits,
    visitor: &mut dyn Visitor,
) {
    let mut budget = Budget { limits, used: 0 };
    if let Err(kind) = budget.take(data.len() as u64) {
        visitor.error(Location::file(input, path), kind);
        return;
    }
    bytes_input(input, path, data, &mut budget, 0, visitor);
}

/// What expansion hands back for each candidate file: its head, and a way to get all of it.
pub trait Visitor {
    /// Decide from the path and the head whether the file is wanted; when it is not, why (the
    /// reason the file is listed as skipped with).
    fn wants(&mut self, input: &str, path: &str, head: &[u8]) -> Result<(), String>;
    fn file(&mut self, file: FileEntry);
    fn skipped(&mut self, issue: Issue);
    fn error(&mut self, location: Location, kind: ErrorKind);
}

struct Budget {
    limits: Limits,
    used: u64,
}

impl Budget {
    fn take(&mut self, n: u64) -> Result<(), ErrorKind> {
        self.used = self.used.saturating_add(n);
        if self.used > self.limits.max_total_bytes {
            return Err(ErrorKind::Limit(
                format!(
                    "more than {} bytes uncompressed in all",
                    self.limits.max_total_bytes
                ),
                "--max-total-bytes",
            ));
        }
        Ok(())
    }
}

/// Expands one input. Errors about the input as a whole, and per file, go to the visitor.
pub fn expand(input: &str, limits: Limits, visitor: &mut dyn Visitor) {
    let mut budget = Budget { limits, used: 0 };
    if input == "-" {
        let mut data = Vec::new();
        let max = limits.max_file_bytes;
        match std::io::stdin().take(max + 1).read_to_end(&mut data) {
            Ok(_) if data.len() as u64 > max => visitor.error(
                Location::input(input),
                ErrorKind::Limit(format!("file larger than {max} bytes"), "--max-file-bytes"),
            ),
            Ok(_) => bytes_input(input, "-", data, &mut budget, 0, visitor),
            Err(e) => visitor.error(Location::input(input), ErrorKind::Io(e)),
        }
        return;
    }
    let path = Path::new(input);
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            visitor.error(Location::input(input), ErrorKind::Io(e));
            return;
        }
    };
    if meta.is_dir() {
        walk_dir(input, path, &mut budget, visitor);
    } else {
        let name = file_name(input).to_string();
        disk_file(input, path, &name, &mut budget, visitor);
    }
}

fn walk_dir(input: &str, root: &Path, budget: &mut Budget, visitor: &mut dyn Visitor) {
    // Sorted so that the order of files never depends on the file system.
    let walker = walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let loc = match e.path().and_then(|p| p.strip_prefix(root).ok()) {
                    Some(rel) => Location::file(input, &rel_path(rel)),
                    None => Location::input(input),
                };
                let io = e
                    .into_io_error()
                    .unwrap_or_else(|| std::io::Error::other("file system loop"));
                visitor.error(loc, ErrorKind::Io(io));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = match entry.path().strip_prefix(root) {
            Ok(r) => rel_path(r),
            Err(_) => continue,
        };
        disk_file(input, entry.path(), &rel, budget, visitor);
    }
}

fn rel_path(p: &Path) -> String {
    p.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn disk_file(input: &str, path: &Path, rel: &str, budget: &mut Budget, visitor: &mut dyn Visitor) {
    let loc = Location::file(input, rel);
    let result = (|| -> Result<(), ErrorKind> {
        let mut f = std::fs::File::open(path)?;
        let len = f.metadata()?.len();
        let mut head = Vec::with_capacity(HEAD_BYTES.min(len as usize));
        (&mut f).take(HEAD_BYTES as u64).read_to_end(&mut head)?;
        let is_zip = head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06");
        if head.is_empty() {
            visitor.skipped(Issue::new(loc.clone(), EMPTY));
            return Ok(());
        }
        if !is_zip {
            if let Err(why) = visitor.wants(input, rel, &head) {
                visitor.skipped(Issue::new(loc.clone(), why));
                return Ok(());
            }
        }
        if len > budget.limits.max_file_bytes {
            return Err(ErrorKind::Limit(
                format!("file larger than {} bytes", budget.limits.max_file_bytes),
                "--max-file-bytes",
            ));
        }
        budget.take(len)?;
        let mut data = head;
        f.read_to_end(&mut data)?;
        if is_zip {
            read_zip(input, rel, data, budget, 1, visitor);
        } else {
            visitor.file(FileEntry {
                input: input.to_string(),
                path: rel.to_string(),
                data,
            });
        }
        Ok(())
    })();
    if let Err(kind) = result {
        visitor.error(loc, kind);
    }
}

/// A whole file already in memory (standard input, or a zip member).
fn bytes_input(
    input: &str,
    path: &str,
    data: Vec<u8>,
    budget: &mut Budget,
    depth: u32,
    visitor: &mut dyn Visitor,
) {
    if data.is_empty() {
        visitor.skipped(Issue::new(Location::file(input, path), EMPTY));
    } else if data.starts_with(b"PK\x03\x04") || data.starts_with(b"PK\x05\x06") {
        read_zip(input, path, data, budget, depth + 1, visitor);
    } else {
        match visitor.wants(input, path, data.get(..HEAD_BYTES).unwrap_or(&data)) {
            Ok(()) => visitor.file(FileEntry {
                input: input.to_string(),
                path: path.to_string(),
                data,
            }),
            Err(why) => visitor.skipped(Issue::new(Location::file(input, path), why)),
        }
    }
}

/// Reads a zip held in memory. `prefix` is the zip's own path inside the input ("" at top level
/// when the input itself is the zip), so nested members show as `inner.zip/Connections.csv`.
fn read_zip(
    input: &str,
    zip_path: &str,
    data: Vec<u8>,
    budget: &mut Budget,
    depth: u32,
    visitor: &mut dyn Visitor,
) {
    let prefix = if zip_path == file_name(input) || zip_path == "-" {
        String::new()
    } else {
        format!("{zip_path}/")
    };
    let loc = if prefix.is_empty() {
        Location::input(input)
    } else {
        Location::file(input, zip_path)
    };
    if depth > budget.limits.max_depth {
        visitor.error(
            loc,
            ErrorKind::Limit(
                format!("zip nested more than {} deep", budget.limits.max_depth),
                "--max-depth",
            ),
        );
        return;
    }
    let mut archive = match zip::ZipArchive::new(Cursor::new(data)) {
        Ok(a) => a,
        Err(e) => {
            visitor.error(loc, ErrorKind::Zip(e.to_string()));
            return;
        }
    };
    if archive.len() > budget.limits.max_entries {
        visitor.error(
            loc,
            ErrorKind::Limit(
                format!("more than {} members", budget.limits.max_entries),
                "--max-entries",
            ),
        );
        return;
    }
    // Members in name order: the order inside a zip must not change the output.
    let mut names: Vec<(String, usize)> = (0..archive.len())
        .filter_map(|i| archive.name_for_index(i).map(|n| (n.replace('\\', "/"), i)))
        .collect();
    names.sort();
    for (name, i) in names {
        if name.ends_with('/') {
            continue;
        }
        let member = format!("{prefix}{name}");
        let mloc = Location::file(input, &member);
        if let Err(kind) = read_member(input, &member, &mut archive, i, budget, depth, visitor) {
            visitor.error(mloc, kind);
        }
    }
}

fn read_member<R: Read + Seek>(
    input: &str,
    member: &str,
    archive: &mut zip::ZipArchive<R>,
    index: usize,
    budget: &mut Budget,
    depth: u32,
    visitor: &mut dyn Visitor,
) -> Result<(), ErrorKind> {
    // `by_index` refuses an encrypted member with "Password required"; ask the raw entry first so
    // the message says what is wrong and what to do.
    let encrypted = archive
        .by_index_raw(index)
        .map(|f| f.encrypted())
        .map_err(|e| ErrorKind::Zip(e.to_string()))?;
    if encrypted {
        return Err(ErrorKind::Zip(ENCRYPTED.into()));
    }
    let mut f = archive
        .by_index(index)
        .map_err(|e| ErrorKind::Zip(e.to_string()))?;
    let declared = f.size();
    let compressed = f.compressed_size().max(1);
    let limits = budget.limits;
    if declared / compressed > limits.max_ratio {
        return Err(ErrorKind::Limit(
            format!("compression ratio above {}", limits.max_ratio),
            "--max-ratio",
        ));
    }
    let mut head = Vec::new();
    (&mut f)
        .take(HEAD_BYTES as u64)
        .read_to_end(&mut head)
        .map_err(|e| ErrorKind::Zip(e.to_string()))?;
    let is_zip = head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06");
    if !is_zip {
        if let Err(why) = visitor.wants(input, member, &head) {
            visitor.skipped(Issue::new(Location::file(input, member), why));
            return Ok(());
        }
    }
    // The declared size can lie; read at most the cap and fail if there is more.
    let cap = limits
        .max_file_bytes
        .min(compressed.saturating_mul(limits.max_ratio));
    let mut data = head;
    (&mut f)
        .take(cap.saturating_add(1).saturating_sub(data.len() as u64))
        .read_to_end(&mut data)
        .map_err(|e| ErrorKind::Zip(e.to_string()))?;
    if data.len() as u64 > cap {
        return Err(ErrorKind::Limit(
            format!("member inflates beyond {cap} bytes"),
            "--max-ratio / --max-file-bytes",
        ));
    }
    budget.take(data.len() as u64)?;
    drop(f);
    if is_zip {
        read_zip(input, member, data, budget, depth + 1, visitor);
    } else {
        visitor.file(FileEntry {
            input: input.to_string(),
            path: member.to_string(),
            data,
        });
    }
    Ok(())
}
