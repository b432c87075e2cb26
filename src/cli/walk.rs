//! Finding the files to check, and reading them with a bound on their size.
//!
//! Folders are walked for `.md` and `.txt` files (hidden entries, `target`
//! and `node_modules` left out), in name order, and the walk survives what a
//! file system can hold:
//! - a folder that cannot be read is reported and the walk goes on with the
//!   rest;
//! - only regular files are read: a FIFO, socket or device with a `.txt`
//!   name (which would block or never end) is skipped with a note;
//! - a symbolic link is followed only when it leads inside the folder given
//!   (then what it leads to is checked where it lies, once), unless
//!   `--follow-links` is given; a link back to a folder being walked (`.`,
//!   two links forming a loop) is a loop, noted and not followed;
//! - a file larger than `--max-file-size` (64 MiB by default) is an error
//!   naming the limit, and at most that much is ever read from anything.
//!
//! A path named on the command line is read whatever it is (a FIFO from
//! `<(…)` included), within the size bound.

use std::collections::HashSet;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use clap::{Arg, ArgAction};

/// The default bound on the size of a file read: 64 MiB.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// `--max-file-size SIZE`, for every command that reads files.
pub fn max_file_size_arg() -> Arg {
    Arg::new("max-file-size")
        .long("max-file-size")
        .value_name("SIZE")
        .value_parser(parse_size)
        .help("Largest file read, in bytes or with K, M or G (KiB, MiB, GiB): larger ones are an error [default: 64M]")
}

/// `--follow-links`, for `check`.
pub fn follow_links_arg() -> Arg {
    Arg::new("follow-links")
        .long("follow-links")
        .action(ArgAction::SetTrue)
        .help("Follow symbolic links that lead out of the folders given (loops are still detected)")
}

/// `123`, `64K`, `200M`, `1G` (binary multiples; `KiB`, `MB`… accepted).
pub fn parse_size(v: &str) -> Result<u64, String> {
    let t = v.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (digits, unit) = t.split_at(split);
    let n: u64 = digits.parse().map_err(|_| format!("`{v}`: expected a size such as 100M, 2G or 5000000"))?;
    let factor: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        _ => return Err(format!("`{v}`: unknown unit (expected K, M or G)")),
    };
    n.checked_mul(factor).ok_or_else(|| format!("`{v}`: too large"))
}

/// Reads a file as UTF-8, reading at most `limit` bytes: a larger file is
/// an error that names the limit and the flag that raises it. Errors name
/// the file (and, for bad UTF-8, the byte offset).
pub fn read_bounded(path: &Path, limit: u64) -> Result<String, String> {
    let too_large = |size: &str| {
        format!(
            "{}: {size} is larger than the limit of {} (raise it with --max-file-size, e.g. --max-file-size {}M)",
            path.display(),
            human_size(limit),
            (limit >> 20).saturating_mul(2).max(1)
        )
    };
    let file = std::fs::File::open(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    if let Ok(meta) = file.metadata() {
        if meta.is_file() && meta.len() > limit {
            return Err(too_large(&format!("the file ({})", human_size(meta.len()))));
        }
    }
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    if bytes.len() as u64 > limit {
        return Err(too_large("what it holds"));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!("{}: not valid UTF-8 at byte offset {} (convert the file to UTF-8)", path.display(), e.utf8_error().valid_up_to())
    })
}

fn human_size(n: u64) -> String {
    if n >= 1 << 20 && n % (1 << 20) == 0 {
        format!("{} MiB", n >> 20)
    } else if n >= 1 << 20 {
        format!("{:.1} MiB", n as f64 / (1u64 << 20) as f64)
    } else {
        format!("{n} bytes")
    }
}

/// A file to check, and whether it was found by walking a folder (then a
/// file that is not a UN document is skipped) or named on the command line.
pub struct Input {
    pub path: PathBuf,
    pub walked: bool,
}

/// What a walk found: the files, notes on what it skipped, and errors
/// (paths that do not exist, folders that cannot be read).
#[derive(Default)]
pub struct Walk {
    pub files: Vec<Input>,
    pub notes: Vec<String>,
    pub errors: Vec<String>,
}

/// A file's or folder's identity (device and inode), to see the same one
/// reached twice.
#[cfg(unix)]
fn identity(meta: &std::fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt as _;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn identity(_: &std::fs::Metadata) -> Option<(u64, u64)> {
    None
}

struct Walker<'a> {
    out: &'a mut Walk,
    follow_links: bool,
    /// The folder given, canonical: links leading outside it are not
    /// followed without `--follow-links`.
    root: PathBuf,
    /// Folders on the current path (for loops) and files already listed.
    open: Vec<(u64, u64)>,
    seen_files: HashSet<(u64, u64)>,
}

/// Adds what `path` names to `out`: the file itself, or the `.md` and
/// `.txt` files of the folder, walked.
pub fn collect(path: &Path, follow_links: bool, out: &mut Walk) {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            out.errors.push(format!("{}: {e}", path.display()));
            return;
        }
    };
    if !meta.is_dir() {
        out.files.push(Input { path: path.to_path_buf(), walked: false });
        return;
    }
    let root = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let mut walker = Walker { out, follow_links, root, open: Vec::new(), seen_files: HashSet::new() };
    walker.folder(path, &meta);
}

impl Walker<'_> {
    fn folder(&mut self, path: &Path, meta: &std::fs::Metadata) {
        let id = identity(meta);
        if let Some(id) = id {
            if self.open.contains(&id) {
                self.out.notes.push(format!("{}: skipped: a symbolic link loop (it leads back to a folder being walked)", path.display()));
                return;
            }
        }
        let entries = match std::fs::read_dir(path) {
            Ok(r) => r,
            Err(e) => {
                self.out.errors.push(format!("{}: cannot read folder: {e}; the rest is checked", path.display()));
                return;
            }
        };
        let mut paths: Vec<PathBuf> = Vec::new();
        for entry in entries {
            match entry {
                Ok(e) => paths.push(e.path()),
                Err(e) => self.out.errors.push(format!("{}: cannot read an entry: {e}", path.display())),
            }
        }
        paths.sort();
        self.open.extend(id);
        for entry in paths {
            let name = entry.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.starts_with('.') || name == "target" || name == "node_modules" {
                continue;
            }
            self.entry(&entry);
        }
        if id.is_some() {
            self.open.pop();
        }
    }

    fn entry(&mut self, entry: &Path) {
        let candidate = matches!(entry.extension().and_then(|e| e.to_str()), Some("md" | "txt"));
        let Ok(own) = std::fs::symlink_metadata(entry) else { return };
        let link = own.file_type().is_symlink();
        let meta = if link {
            match std::fs::metadata(entry) {
                Ok(m) => m,
                Err(_) => {
                    if candidate {
                        self.out.notes.push(format!("{}: skipped: a broken symbolic link", entry.display()));
                    }
                    return;
                }
            }
        } else {
            own
        };
        if !meta.is_dir() && !candidate {
            return;
        }
        if link {
            let target = std::fs::canonicalize(entry).unwrap_or_default();
            let inside = target.starts_with(&self.root);
            let is_loop = meta.is_dir() && identity(&meta).is_some_and(|id| self.open.contains(&id));
            if is_loop {
                self.out.notes.push(format!("{}: skipped: a symbolic link loop (it leads back to a folder being walked)", entry.display()));
                return;
            }
            if inside && !self.follow_links {
                // Checked where it lies, under its own name.
                return;
            }
            if !inside && !self.follow_links {
                self.out.notes.push(format!(
                    "{}: skipped: a symbolic link to {}, outside the folder given (--follow-links follows it)",
                    entry.display(),
                    target.display()
                ));
                return;
            }
        }
        if meta.is_dir() {
            self.folder(entry, &meta);
        } else if meta.is_file() {
            if identity(&meta).is_some_and(|id| !self.seen_files.insert(id)) {
                return; // the same file reached twice
            }
            self.out.files.push(Input { path: entry.to_path_buf(), walked: true });
        } else {
            self.out.notes.push(format!("{}: skipped: not a regular file ({})", entry.display(), kind_of(&meta)));
        }
    }
}

/// What a file that is not a regular file or folder is.
fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
    }
    let _ = meta;
    "a special file"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_with_units() {
        assert_eq!(parse_size("5000"), Ok(5000));
        assert_eq!(parse_size("64K"), Ok(64 * 1024));
        assert_eq!(parse_size("200M"), Ok(200 << 20));
        assert_eq!(parse_size("2GiB"), Ok(2 << 30));
        assert!(parse_size("ten").is_err() && parse_size("5T").is_err() && parse_size("99999999999999G").is_err());
    }
}
