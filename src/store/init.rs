//! Creating a store, and completing one that an interrupted `init` left half made.
//!
//! `init` writes its layout in a fixed order, each file atomically, and `store.toml`
//! last: a folder holding only pieces of that layout (and the temporary files of its
//! atomic writes) is what a killed `init` leaves, and is completed rather than refused.

use super::fsio::{self, TEMP_PREFIX};
use super::sources::{SOURCES_FILE, SOURCES_TEMPLATE};
use super::{FORMAT_VERSION, REFS_DIR, STORE_FILE, Store, StoreError, TEXTS_DIR, VERSIONS_DIR};
use std::fs;
use std::io;
use std::path::Path;

pub(super) const GITIGNORE: &str =
    "# Derived and transient files, never shared (docs/store-format.md).\n/cache/\n/lock\n.tmp-*\n";

/// Every file of the store is bytes that hash to their name: git must never convert line
/// endings (`core.autocrlf`, the Git for Windows default) nor apply filters to them.
pub const GITATTRIBUTES: &str = "# Store files are hashed byte for byte: git must never convert them (docs/store-format.md).\n* -text\n";
pub const GITATTRIBUTES_FILE: &str = ".gitattributes";
const GITIGNORE_FILE: &str = ".gitignore";

/// The folders `init` makes, in order.
const LAYOUT_DIRS: [&str; 3] = [REFS_DIR, VERSIONS_DIR, TEXTS_DIR];

/// What `init` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InitOutcome {
    Created,
    /// A folder an interrupted `init` left: the pieces it lacked were written.
    Completed {
        written: Vec<String>,
    },
    /// A store was there; `added` are the git files an older `init` did not write.
    AlreadyThere {
        added: Vec<String>,
    },
}

/// The files `init` writes before `store.toml`, in order, with their content.
fn layout_files() -> [(&'static str, &'static str); 3] {
    [
        (GITIGNORE_FILE, GITIGNORE),
        (GITATTRIBUTES_FILE, GITATTRIBUTES),
        (SOURCES_FILE, SOURCES_TEMPLATE),
    ]
}

pub(super) fn init(dir: &Path) -> Result<(Store, InitOutcome), StoreError> {
    if dir.join(STORE_FILE).exists() {
        let store = Store::open(dir)?;
        let added = write_missing_git_files(dir)?;
        return Ok((store, InitOutcome::AlreadyThere { added }));
    }
    let outcome = match fs::read_dir(dir).map(|mut entries| entries.next().is_none()) {
        Ok(true) => InitOutcome::Created,
        Ok(_) if is_half_made(dir) => InitOutcome::Completed {
            written: Vec::new(),
        },
        Ok(_) => {
            return Err(StoreError::InitNotEmpty {
                path: dir.to_owned(),
            });
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            fs::create_dir_all(dir).map_err(StoreError::io(dir))?;
            InitOutcome::Created
        }
        Err(e) => return Err(StoreError::io(dir)(e)),
    };
    let written = write_layout(dir)?;
    let outcome = match outcome {
        InitOutcome::Completed { .. } => InitOutcome::Completed { written },
        other => other,
    };
    Ok((
        Store {
            root: dir.to_owned(),
        },
        outcome,
    ))
}

/// Writes every missing piece of the layout (existing files are kept as they are),
/// `store.toml` last, then removes what earlier attempts left half written. Returns
/// the names written.
fn write_layout(dir: &Path) -> Result<Vec<String>, StoreError> {
    let mut written = Vec::new();
    for sub in LAYOUT_DIRS {
        let p = dir.join(sub);
        if !p.is_dir() {
            written.push(format!("{sub}/"));
        }
        fsio::ensure_dir(&p).map_err(StoreError::io(&p))?;
    }
    for (name, content) in layout_files() {
        if write_if_missing(dir, name, content)? {
            written.push(name.to_owned());
        }
    }
    let config = format!(
        "# A claims store: plain files shared through git (docs/store-format.md).\nformat = {FORMAT_VERSION}\n"
    );
    fsio::write_atomic(&dir.join(STORE_FILE), config.as_bytes(), true)?;
    written.push(STORE_FILE.to_owned());
    remove_temp_files(dir)?;
    Ok(written)
}

fn write_missing_git_files(dir: &Path) -> Result<Vec<String>, StoreError> {
    let mut added = Vec::new();
    for (name, content) in [
        (GITIGNORE_FILE, GITIGNORE),
        (GITATTRIBUTES_FILE, GITATTRIBUTES),
    ] {
        if write_if_missing(dir, name, content)? {
            added.push(name.to_owned());
        }
    }
    Ok(added)
}

fn write_if_missing(dir: &Path, name: &str, content: &str) -> Result<bool, StoreError> {
    let path = dir.join(name);
    if fs::symlink_metadata(&path).is_ok() {
        return Ok(false);
    }
    fsio::write_atomic(&path, content.as_bytes(), true)?;
    Ok(true)
}

/// Whether `dir` (with no `store.toml`) holds only what an interrupted `init` writes:
/// some of the three folders, empty but for temporary files, some of the three files,
/// and temporary files. Anything else (an article, a file of the user's, a link) means
/// it is not `init`'s to complete. An empty folder is not half made.
pub fn is_half_made(dir: &Path) -> bool {
    let Ok(entries) = fs::read_dir(dir) else {
        return false;
    };
    let files = layout_files();
    let mut any = false;
    let all_layout = entries.flatten().all(|entry| {
        any = true;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Ok(meta) = fs::symlink_metadata(entry.path()) else {
            return false;
        };
        if name.starts_with(TEMP_PREFIX) {
            meta.is_file()
        } else if LAYOUT_DIRS.contains(&name.as_str()) {
            meta.is_dir() && holds_only_temp_files(&entry.path())
        } else {
            meta.is_file() && files.iter().any(|(f, _)| *f == name)
        }
    });
    any && all_layout
}

fn holds_only_temp_files(dir: &Path) -> bool {
    fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .flatten()
            .all(|e| e.file_name().to_string_lossy().starts_with(TEMP_PREFIX))
    })
}

/// The temporary files of earlier, interrupted atomic writes in the store's folder and
/// the layout folders (no other process writes there before `store.toml` exists).
fn remove_temp_files(dir: &Path) -> Result<(), StoreError> {
    for sub in std::iter::once(dir.to_owned()).chain(LAYOUT_DIRS.map(|d| dir.join(d))) {
        let Ok(entries) = fs::read_dir(&sub) else {
            continue;
        };
        for e in entries.flatten() {
            let is_temp = e.file_name().to_string_lossy().starts_with(TEMP_PREFIX);
            if is_temp && e.file_type().is_ok_and(|t| t.is_file()) {
                let path = e.path();
                match fs::remove_file(&path) {
                    Ok(()) => {}
                    Err(err) if err.kind() == io::ErrorKind::NotFound => {}
                    Err(err) => return Err(StoreError::io(&path)(err)),
                }
            }
        }
    }
    Ok(())
}
