//! Safe output: atomic writes with mode 0600, never over an input, quiet on a closed pipe.
//!
//! A file is written to a temporary file in the target's own folder and renamed into place only
//! when complete, so an error or Ctrl-C never leaves a half-written file, and the user's previous
//! file stays intact until the new one is whole. The temporary file is created 0600 (tempfile's
//! default on Unix), so other people's data is never readable by other users, not even briefly.
//!
//! Only a regular file (or a new path) is replaced that way. A symbolic link is followed, so the
//! link stays and the file it points to is replaced. Anything else (`/dev/null`, a FIFO, a
//! terminal) is opened and written in place: renaming a file over it would replace the device
//! itself, which as root breaks every later program that writes to `/dev/null`.

use crate::error::OutputError;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Temporary files being written, so an interrupt can remove them (see [`remove_pending`]).
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Removes every temporary output file still being written. The binary calls this from its
/// Ctrl-C handler: an interrupted run leaves neither a partial output nor a stray temp file.
pub fn remove_pending() {
    if let Ok(mut list) = PENDING.lock() {
        for p in list.drain(..) {
            let _ = std::fs::remove_file(p);
        }
    }
}

fn track(path: &Path, add: bool) {
    if let Ok(mut list) = PENDING.lock() {
        if add {
            list.push(path.to_path_buf());
        } else {
            list.retain(|p| p != path);
        }
    }
}

/// Where output goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Stdout,
    File(PathBuf),
}

impl Target {
    pub fn parse(s: Option<&str>) -> Target {
        match s {
            None | Some("-") => Target::Stdout,
            Some(p) => Target::File(PathBuf::from(p)),
        }
    }
}

/// Refuses an output path that is one of the inputs, or an existing file inside a folder input
/// (rolo read it, or would read it next time). Paths are compared canonical, so `./a/../a/x`
/// and symlinks are caught. A new file inside a folder input is allowed.
pub fn check_not_input(path: &Path, inputs: &[String]) -> Result<(), OutputError> {
    let Ok(out) = path.canonicalize() else {
        return Ok(()); // does not exist yet: cannot be an input
    };
    for i in inputs {
        if let Ok(p) = Path::new(i).canonicalize() {
            if p == out || (p.is_dir() && out.starts_with(&p)) {
                return Err(OutputError::WouldOverwriteInput {
                    path: path.to_path_buf(),
                });
            }
        }
    }
    Ok(())
}

/// Set when standard output was found closed (see [`stdout_closed`]).
static STDOUT_CLOSED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether a write to standard output found the pipe closed: the reader went away before it
/// had everything, so what was written is not what the run made.
pub fn stdout_closed() -> bool {
    STDOUT_CLOSED.load(std::sync::atomic::Ordering::Relaxed)
}

/// Runs `body` against the target. A closed pipe on stdout is success: the reader went away
/// ([`stdout_closed`] says so afterwards).
pub fn write_to(
    target: &Target,
    body: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), OutputError> {
    match target {
        Target::Stdout => {
            let stdout = std::io::stdout();
            let mut w = BufWriter::new(stdout.lock());
            match body(&mut w).and_then(|_| w.flush()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                    STDOUT_CLOSED.store(true, std::sync::atomic::Ordering::Relaxed);
                    Ok(())
                }
                other => other.map_err(OutputError::Write),
            }
        }
        Target::File(path) => match Destination::of(path) {
            Destination::Special => write_in_place(path, body),
            Destination::Replace(real) => write_atomic(path, &real, body),
        },
    }
}

/// How a file target is written.
enum Destination {
    /// A regular file or a path not yet there (the link's target when `path` is a link).
    Replace(PathBuf),
    /// A device, FIFO or socket: written in place, never renamed over.
    Special,
}

impl Destination {
    fn of(path: &Path) -> Destination {
        // Follows links: a link to /dev/null is special, a link to a file replaces the file.
        match std::fs::metadata(path) {
            Ok(meta) if !meta.is_file() && !meta.is_dir() => Destination::Special,
            Ok(_) => Destination::Replace(path.canonicalize().unwrap_or_else(|_| path.into())),
            // Absent (or a dangling link): the path itself is created.
            Err(_) => Destination::Replace(path.to_path_buf()),
        }
    }
}

fn write_in_place(
    path: &Path,
    body: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), OutputError> {
    let io = |source| OutputError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(io)?;
    let mut w = BufWriter::new(file);
    body(&mut w).and_then(|_| w.flush()).map_err(io)
}

/// Writes `real` through a temporary file beside it; errors name `path`, as the user gave it.
fn write_atomic(
    path: &Path,
    real: &Path,
    body: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), OutputError> {
    let io = |source| OutputError::Io {
        path: path.to_path_buf(),
        source,
    };
    let dir = match real.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let tmp = tempfile::Builder::new()
        .prefix(".rolo-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(io)?;
    let tmp_path = tmp.path().to_path_buf();
    track(&tmp_path, true);
    let result = (|| {
        set_private(tmp.path()).map_err(io)?;
        let mut w = BufWriter::new(tmp.as_file());
        body(&mut w).and_then(|_| w.flush()).map_err(io)?;
        drop(w);
        tmp.as_file().sync_all().map_err(io)?;
        tmp.persist(real).map_err(|e| io(e.error))?;
        Ok(())
    })();
    track(&tmp_path, false);
    result
}

#[cfg(unix)]
fn set_private(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
}

#[cfg(not(unix))]
fn set_private(_path: &Path) -> std::io::Result<()> {
    Ok(())
}
