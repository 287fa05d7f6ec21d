//! The versioned claim store: plain files under `claims/`, content-addressed with sha256,
//! shared by a team through git. The format is specified in `docs/store-format.md`.
//!
//! ```text
//! claims/
//!   store.toml              format version (a newer one is refused)
//!   sources.toml            canonical source names, roles, aliases: edited by hand only
//!   .gitignore              cache/, lock, .tmp-*
//!   .gitattributes          `* -text`: git never converts line endings
//!   refs/<article>          the article's newest version id (64 hex digits, newline)
//!   versions/ab/<62 hex>.toml   one article version with its claims (immutable)
//!   texts/ab/<62 hex>.txt       the article text as logged (immutable)
//!   cache/index             derived look-up index (rebuildable, ignored by git)
//!   lock                    the writers' OS file lock (ignored by git)
//! ```

mod add;
mod diff;
mod fsio;
mod index;
mod init;
mod line_endings;
mod lock;
mod name;
mod rating;
mod record;
mod sources;
mod toml_out;
mod verify;

pub use add::{AddOptions, Logged, Logger, Status};
pub use diff::{Change, ClaimDiff, diff_claims};
pub use fsio::{
    Batch, PathError, TEMP_PREFIX, check_inside, read_cache_file, read_store_file, write_atomic,
};
pub use index::{Damage, Index, Row, VersionEntry, header as index_cache_header};
pub use init::{GITATTRIBUTES, GITATTRIBUTES_FILE, InitOutcome, is_half_made};
pub use lock::{LockState, WriteLock};
pub use name::{ArticleName, MAX_NAME_BYTES, NameProblem};
pub use rating::{
    RATINGS_DIR, Rating, Ratings, Scale, StoredRating, rating_path, read_ratings, write_rating,
};
pub use record::{
    EARLIEST_TIME, LATEST_TIME, Occurrence, StoredCue, StoredSource, VersionRecord, format_time,
    parse_ref, ref_bytes, time_in_range, whole_seconds,
};
pub use sources::{
    Resolver, SOURCES_FILE, SOURCES_TEMPLATE, SourceConfig, SourceEntry, SourceSummary, key,
    summarize,
};
pub use verify::{Orphan, Problem, Repaired, Severity, VerifyReport, clean, repair, verify};

use crate::hash::{Id, ObjectKind, is_hex_prefix};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The store format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;
/// The store's folder name, found by walking up from the working directory.
pub const STORE_DIR: &str = "claims";
pub const STORE_FILE: &str = "store.toml";
pub const REFS_DIR: &str = "refs";
pub const VERSIONS_DIR: &str = "versions";
pub const TEXTS_DIR: &str = "texts";
pub const CACHE_DIR: &str = "cache";
const INDEX_FILE: &str = "index";

/// The largest version record read or written. Parsing a TOML record takes about 23
/// times its size in memory (a 62 MiB record: 1.5 GB), so this bounds what one damaged
/// or crafted record can cost to about 750 MB. A record this large holds some 180,000
/// claims, far beyond any article (`add` refuses an article whose record would be
/// larger).
pub const MAX_RECORD_BYTES: u64 = 32 * 1024 * 1024;
/// The largest cache file read (`cache/index`, `cache/audit-terms`): their offsets are
/// 32-bit, so a larger one is damage. Its header is checked before the rest is read, so
/// a stale or foreign file costs nothing.
pub const MAX_CACHE_BYTES: u64 = 4 * 1024 * 1024 * 1024;
/// The largest ref file read: one id and a newline, or a git conflict around two.
pub const MAX_REF_BYTES: u64 = 4096;
/// The largest `store.toml` or `sources.toml` read.
pub const MAX_CONFIG_BYTES: u64 = 16 * 1024 * 1024;

/// Why the store could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no claim store found: no `claims/store.toml` in {path} or any folder above it")]
    NotFound { path: PathBuf },
    #[error("{path} is not a claim store (it has no store.toml)")]
    NotAStore { path: PathBuf },
    #[error(
        "{path} is a half-made claim store: an interrupted `claims init` left it without store.toml"
    )]
    HalfMade { path: PathBuf },
    #[error("{path} is not empty and is not a claim store")]
    InitNotEmpty { path: PathBuf },
    #[error(
        "{path} was written in store format {found}, newer than format {supported} that this claims reads"
    )]
    NewerFormat {
        path: PathBuf,
        found: u64,
        supported: u32,
    },
    #[error("{path}: {message}")]
    BadConfig { path: PathBuf, message: String },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("{path}: damaged: {message}")]
    Corrupt { path: PathBuf, message: String },
    #[error("article name {given:?} refused: {problem}")]
    InvalidName { given: String, problem: NameProblem },
    #[error("{second} and {first} both map to article {name:?}; refused rather than merged")]
    NameCollision {
        name: String,
        first: String,
        second: String,
    },
    #[error("{origin}: no article name (standard input has no file name)")]
    NeedsName { origin: String },
    #[error(
        "{origin}: the article has no text (nothing but white space), so nothing was logged for it"
    )]
    EmptyArticle { origin: String },
    #[error("{flag} names one article, but more than one was given")]
    OneArticleOnly { flag: &'static str },
    #[error("no article named {name:?} in the store")]
    UnknownArticle { name: String },
    #[error("{prefix:?} is not a claim id prefix: {why}")]
    BadPrefix { prefix: String, why: &'static str },
    #[error("no claim id starts with {prefix}")]
    UnknownId { prefix: String },
    #[error("{prefix} is ambiguous: {} claims start with it", candidates.len())]
    AmbiguousId {
        prefix: String,
        candidates: Vec<String>,
    },
    #[error("article {article:?} has no version starting with {prefix:?}")]
    UnknownVersion { article: String, prefix: String },
    #[error("{prefix} is ambiguous: {} versions of {article:?} start with it", candidates.len())]
    AmbiguousVersion {
        article: String,
        prefix: String,
        candidates: Vec<String>,
    },
    #[error("another claims process has been writing to the store for {} s ({})", waited.as_secs(), holder.map_or("process unknown".to_owned(), |p| format!("process {p}")))]
    LockTimeout {
        path: PathBuf,
        waited: Duration,
        holder: Option<u32>,
    },
    #[error("{path}: {message}")]
    Sources { path: PathBuf, message: String },
    #[error("{value:?} is not a date: {why}")]
    BadDate { value: String, why: &'static str },
    #[error(
        "logged_at {time} is outside the dates a record holds (0000-01-01T00:00:00Z to 9999-12-31T23:59:59Z)"
    )]
    TimeOutOfRange { time: String },
    #[error("the store has {errors} problem(s)")]
    Damaged { errors: usize },
    #[error(
        "article {article:?}: its version record would be {bytes} bytes ({claims} claims), over the limit of {limit} bytes"
    )]
    RecordTooLarge {
        article: String,
        claims: usize,
        bytes: u64,
        limit: u64,
    },
}

impl StoreError {
    fn io(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
        move |source| StoreError::Io {
            path: path.to_owned(),
            source,
        }
    }
}

impl From<fsio::PathError> for StoreError {
    fn from(e: fsio::PathError) -> StoreError {
        StoreError::Io {
            path: e.path,
            source: e.source,
        }
    }
}

/// One ref: the article and its newest version.
pub type RefEntry = (ArticleName, Id);

/// An open claim store.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
}

impl Store {
    /// Creates a store in `dir` (which may exist if empty), or completes one an
    /// interrupted `init` left. An existing store is kept as it is, but for the git
    /// files (`.gitignore`, `.gitattributes`) an older release did not write.
    pub fn init(dir: &Path) -> Result<(Store, InitOutcome), StoreError> {
        init::init(dir)
    }

    /// Opens the store in `dir`, refusing one written by a newer format.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        let config_path = dir.join(STORE_FILE);
        // A link or an oversized file here is a bad config (its hint says how to restore
        // it), not damage for `verify`, which cannot open such a store either.
        let read = read_file(&config_path, MAX_CONFIG_BYTES).map_err(|e| match e {
            StoreError::Corrupt { path, message } => StoreError::BadConfig { path, message },
            other => other,
        });
        let Some(bytes) = read? else {
            if init::is_half_made(dir) {
                return Err(StoreError::HalfMade {
                    path: dir.to_owned(),
                });
            }
            return Err(StoreError::NotAStore {
                path: dir.to_owned(),
            });
        };
        let text = String::from_utf8(bytes).map_err(|_| StoreError::BadConfig {
            path: config_path.clone(),
            message: "not UTF-8".into(),
        })?;
        let format = parse_config(&text).map_err(|message| StoreError::BadConfig {
            path: config_path.clone(),
            message,
        })?;
        if format > u64::from(FORMAT_VERSION) {
            return Err(StoreError::NewerFormat {
                path: config_path,
                found: format,
                supported: FORMAT_VERSION,
            });
        }
        Ok(Store {
            root: dir.to_owned(),
        })
    }

    /// Finds the store the way git finds `.git`: `claims/store.toml` in `start` or the
    /// nearest folder above it.
    pub fn discover(start: &Path) -> Result<Store, StoreError> {
        // Resolve `..` and links first: walking up is lexical.
        let start_abs = fs::canonicalize(start).unwrap_or_else(|_| start.to_owned());
        for dir in start_abs.ancestors() {
            let candidate = dir.join(STORE_DIR);
            if candidate.join(STORE_FILE).is_file() || init::is_half_made(&candidate) {
                return Store::open(&candidate);
            }
        }
        Err(StoreError::NotFound {
            path: start.to_owned(),
        })
    }

    /// The store named by `--store` / `CLAIMS_STORE`, or else the one found from the
    /// working directory.
    pub fn locate(explicit: Option<&Path>) -> Result<Store, StoreError> {
        match explicit {
            Some(dir) => Store::open(dir),
            None => {
                let cwd = std::env::current_dir().map_err(StoreError::io(Path::new(".")))?;
                Store::discover(&cwd)
            }
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn ref_path(&self, article: &ArticleName) -> PathBuf {
        self.root.join(REFS_DIR).join(article.as_str())
    }

    pub fn version_path(&self, id: &Id) -> PathBuf {
        fan_out(&self.root.join(VERSIONS_DIR), id, "toml")
    }

    pub fn text_path(&self, id: &Id) -> PathBuf {
        fan_out(&self.root.join(TEXTS_DIR), id, "txt")
    }

    fn index_path(&self) -> PathBuf {
        self.root.join(CACHE_DIR).join(INDEX_FILE)
    }

    /// The newest version of an article, from its ref.
    pub fn read_ref(&self, article: &ArticleName) -> Result<Option<Id>, StoreError> {
        let path = self.ref_path(article);
        match read_file(&path, MAX_REF_BYTES)? {
            Some(bytes) => record::parse_ref(&bytes)
                .map(Some)
                .ok_or(StoreError::Corrupt {
                    path,
                    message: if bytes.starts_with(b"<<<<<<<") {
                        "holds git conflict markers: both sides logged this article; keep one id (see `claims history`)".into()
                    } else {
                        "a ref holds one version id (64 hex digits) and a newline".into()
                    },
                }),
            None => Ok(None),
        }
    }

    /// Every ref, in name order. A ref that is damaged is an error naming it.
    pub fn refs(&self) -> Result<Vec<(ArticleName, Id)>, StoreError> {
        let (refs, damage) = self.scan_refs()?;
        match damage.into_iter().next() {
            Some(d) => Err(StoreError::Corrupt {
                path: d.path,
                message: d.message,
            }),
            None => Ok(refs),
        }
    }

    /// Every readable ref, in name order, and the damaged ones apart (a bad name, a bad
    /// id, git conflict markers, a link). Only an unreadable `refs/` folder is an error.
    pub fn scan_refs(&self) -> Result<(Vec<RefEntry>, Vec<Damage>), StoreError> {
        let dir = self.root.join(REFS_DIR);
        if fs::symlink_metadata(&dir).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(StoreError::Corrupt {
                path: dir,
                message: fsio::LINK_REFUSED.into(),
            });
        }
        let entries = match fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((Vec::new(), Vec::new())),
            Err(e) => return Err(StoreError::io(&dir)(e)),
        };
        let mut out = Vec::new();
        let mut damage = Vec::new();
        for entry in entries {
            let entry = entry.map_err(StoreError::io(&dir))?;
            let file_name = entry.file_name();
            let file_name = file_name.to_string_lossy();
            if file_name.starts_with(TEMP_PREFIX) {
                continue;
            }
            let path = entry.path();
            let name = match ArticleName::parse(&file_name) {
                Ok(n) if n.as_str() == file_name => n,
                _ => {
                    damage.push(Damage {
                        article: file_name.into_owned(),
                        path,
                        message: "not a valid article name".into(),
                        skipped: true,
                    });
                    continue;
                }
            };
            match self.read_ref(&name) {
                Ok(Some(id)) => out.push((name, id)),
                Ok(None) => continue, // removed meanwhile
                Err(e) => damage.push(Damage::of(name.as_str(), &path, e, true)),
            }
        }
        out.sort();
        damage.sort_by(|a, b| a.article.cmp(&b.article));
        Ok((out, damage))
    }

    /// Reads and checks one version record: its content must hash to its name.
    pub fn read_version(&self, id: &Id) -> Result<VersionRecord, StoreError> {
        let path = self.version_path(id);
        let bytes = read_file(&path, MAX_RECORD_BYTES)?.ok_or_else(|| StoreError::Corrupt {
            path: path.clone(),
            message: "version record is missing".into(),
        })?;
        let text = String::from_utf8(bytes).map_err(|_| StoreError::Corrupt {
            path: path.clone(),
            message: "not UTF-8".into(),
        })?;
        let rec = VersionRecord::from_toml(&text).map_err(|e| StoreError::Corrupt {
            path: path.clone(),
            message: e.to_string(),
        })?;
        if rec.id() != *id {
            return Err(StoreError::Corrupt {
                path,
                message: "content does not match its hash".into(),
            });
        }
        Ok(rec)
    }

    /// Reads an article text, checking its hash.
    pub fn read_text(&self, id: &Id) -> Result<String, StoreError> {
        let path = self.text_path(id);
        let bytes = read_file(&path, MAX_TEXT_BYTES)?.ok_or_else(|| StoreError::Corrupt {
            path: path.clone(),
            message: "article text is missing".into(),
        })?;
        if Id::of(ObjectKind::Text, &bytes) != *id {
            return Err(StoreError::Corrupt {
                path,
                message: "content does not match its hash".into(),
            });
        }
        String::from_utf8(bytes).map_err(|_| StoreError::Corrupt {
            path,
            message: "not UTF-8".into(),
        })
    }

    /// The look-up index: the cached one when it matches the refs, else rebuilt from the
    /// records (and cached again when the store is writable). A cache that is too large,
    /// damaged or of another layout is rebuilt, never an error; so is one that recorded
    /// damage (a restored file must be seen).
    pub fn index(&self) -> Result<Index, StoreError> {
        let refs_dir = self.root.join(REFS_DIR);
        let fingerprint = index::refs_fingerprint(&refs_dir).map_err(StoreError::io(&refs_dir))?;
        let header = index::header(&fingerprint);
        if let Ok(Some(bytes)) = fsio::read_cache_file(&self.index_path(), &header, MAX_CACHE_BYTES)
            && let Some(ix) = Index::decode(&bytes)
            && ix.fingerprint == fingerprint
            && ix.damage.is_empty()
        {
            return Ok(ix);
        }
        let mut ix = self.rebuild_index()?;
        ix.fingerprint = fingerprint;
        self.save_index(&mut ix);
        Ok(ix)
    }

    /// Builds the index from the refs and every version reachable from them. A damaged
    /// ref or head record leaves its article out, a damaged older version cuts its
    /// history there, and a ref or parent that leads into another article is not
    /// followed; each is listed in [`Index::damage`] for commands to warn about.
    pub fn rebuild_index(&self) -> Result<Index, StoreError> {
        let mut ix = Index::default();
        let (refs, mut damage) = self.scan_refs()?;
        for (name, head) in refs {
            let ref_path = self.ref_path(&name);
            if let Some(v) = ix.version(&head) {
                let owner = ix.str(v.article).to_owned();
                damage.push(Damage {
                    article: name.as_str().to_owned(),
                    path: ref_path,
                    message: format!(
                        "points at version {} of another article, {owner:?}",
                        head.short(12)
                    ),
                    skipped: true,
                });
                continue;
            }
            let mut chain: Vec<(Id, VersionRecord)> = Vec::new();
            let mut cut = false;
            let mut next = Some(head);
            while let Some(id) = next {
                if chain.iter().any(|(c, _)| *c == id) {
                    break;
                }
                if let Some(v) = ix.version(&id) {
                    // Only another article's version can already be indexed.
                    let owner = ix.str(v.article).to_owned();
                    let path = chain
                        .last()
                        .map_or(ref_path.clone(), |(c, _)| self.version_path(c));
                    damage.push(Damage {
                        article: name.as_str().to_owned(),
                        path,
                        message: format!(
                            "its parent {} belongs to article {owner:?}",
                            id.short(12)
                        ),
                        skipped: false,
                    });
                    cut = true;
                    break;
                }
                let read = self.read_version(&id).and_then(|rec| {
                    if rec.article == name {
                        Ok(rec)
                    } else {
                        Err(StoreError::Corrupt {
                            path: self.version_path(&id),
                            message: format!(
                                "belongs to article {:?}, but is in the history of {:?}",
                                rec.article.as_str(),
                                name.as_str()
                            ),
                        })
                    }
                });
                match read {
                    Ok(rec) => {
                        next = rec.parent;
                        chain.push((id, rec));
                    }
                    Err(e) => {
                        let path = self.version_path(&id);
                        damage.push(Damage::of(name.as_str(), &path, e, chain.is_empty()));
                        cut = true;
                        break;
                    }
                }
            }
            let Some(oldest) = chain.last().map(|(id, _)| *id) else {
                continue;
            };
            // Oldest first, so each version's parent is indexed before it.
            let last = chain.len();
            for (i, (id, rec)) in chain.into_iter().rev().enumerate() {
                ix.push_version(id, &rec, i + 1 == last);
            }
            if cut {
                ix.cut_parent(&oldest);
            }
        }
        ix.damage = damage;
        Ok(ix)
    }

    /// Writes the index cache; failures are ignored (it is only a cache).
    pub fn save_index(&self, ix: &mut Index) {
        let path = self.index_path();
        if let Some(dir) = path.parent()
            && fsio::check_inside(&self.root, dir).is_err()
        {
            return;
        }
        let bytes = ix.encode();
        let _ = fsio::write_atomic(&path, &bytes, false);
    }

    /// The hand-edited sources file (empty when absent).
    pub fn source_config(&self) -> Result<SourceConfig, StoreError> {
        let path = self.root.join(SOURCES_FILE);
        match read_file(&path, MAX_CONFIG_BYTES)? {
            Some(bytes) => {
                let text = String::from_utf8(bytes).map_err(|_| StoreError::Sources {
                    path: path.clone(),
                    message: "not UTF-8".into(),
                })?;
                SourceConfig::parse(&text).map_err(|message| StoreError::Sources { path, message })
            }
            None => Ok(SourceConfig::default()),
        }
    }

    /// Takes the writers' lock, waiting up to `timeout`; `on_wait` is told once if it
    /// has to wait (with the holder's process id when known).
    pub fn lock(
        &self,
        timeout: Duration,
        on_wait: &mut dyn FnMut(Option<u32>),
    ) -> Result<WriteLock, StoreError> {
        lock::acquire(&self.root, timeout, on_wait).map_err(|e| match e {
            lock::LockError::Io(path, source) => StoreError::Io { path, source },
            lock::LockError::Timeout {
                path,
                waited,
                holder,
            } => StoreError::LockTimeout {
                path,
                waited,
                holder,
            },
        })
    }

    /// What the lock file says now, without waiting (see [`LockState`]).
    pub fn lock_state(&self) -> LockState {
        lock::inspect(&self.root)
    }

    /// Resolves a version id prefix within an article's history.
    pub fn resolve_version(
        &self,
        index: &Index,
        article: &str,
        prefix: &str,
    ) -> Result<Id, StoreError> {
        check_prefix(prefix)?;
        let prefix = prefix.to_ascii_lowercase();
        let matches: Vec<Id> = index
            .history(article)
            .iter()
            .map(|v| v.id)
            .filter(|id| id.to_hex().starts_with(&prefix))
            .collect();
        match matches.as_slice() {
            [one] => Ok(*one),
            [] => Err(StoreError::UnknownVersion {
                article: article.to_owned(),
                prefix,
            }),
            many => Err(StoreError::AmbiguousVersion {
                article: article.to_owned(),
                prefix,
                candidates: many.iter().map(|id| id.short(12)).collect(),
            }),
        }
    }

    /// Resolves a claim id prefix (at least 4 hex digits, like git).
    pub fn resolve_claim(&self, index: &Index, prefix: &str) -> Result<Id, StoreError> {
        check_prefix(prefix)?;
        let found = index.claims_with_prefix(prefix, 10);
        match found.as_slice() {
            [one] => Ok(*one),
            [] => Err(StoreError::UnknownId {
                prefix: prefix.to_owned(),
            }),
            many => Err(StoreError::AmbiguousId {
                prefix: prefix.to_owned(),
                candidates: many.iter().map(|id| id.short(12)).collect(),
            }),
        }
    }
}

/// Reads `store.toml` and returns its `format` version (other tables, such as
/// `[audit]`, are read by their own modules).
pub fn parse_config(text: &str) -> Result<u64, String> {
    let table: toml::Table = toml::from_str(text).map_err(|e| record::one_line(&e))?;
    match table.get("format") {
        Some(toml::Value::Integer(n)) if *n >= 1 => Ok(*n as u64),
        Some(_) => Err("`format` must be a positive integer".into()),
        None => Err("no `format` version".into()),
    }
}

/// The largest article text read back: the largest article accepted.
pub(crate) const MAX_TEXT_BYTES: u64 = crate::input::MAX_DOCUMENT_BYTES as u64;

/// Reads a file of the store (see [`fsio::read_store_file`]): `None` when it does not
/// exist; a link, a folder or a file over `limit` is damage that `verify` names.
fn read_file(path: &Path, limit: u64) -> Result<Option<Vec<u8>>, StoreError> {
    match fsio::read_store_file(path, limit) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::InvalidInput | io::ErrorKind::FileTooLarge
            ) =>
        {
            Err(StoreError::Corrupt {
                path: path.to_owned(),
                message: e.to_string(),
            })
        }
        Err(e) => Err(StoreError::io(path)(e)),
    }
}

/// The shortest id prefix accepted, as in git.
pub const MIN_PREFIX: usize = 4;

fn check_prefix(prefix: &str) -> Result<(), StoreError> {
    let bad = |why| StoreError::BadPrefix {
        prefix: prefix.to_owned(),
        why,
    };
    if !is_hex_prefix(&prefix.to_ascii_lowercase()) {
        return Err(bad("ids are hex digits 0-9 and a-f"));
    }
    if prefix.len() < MIN_PREFIX {
        return Err(bad("give at least 4 hex digits"));
    }
    Ok(())
}

fn fan_out(dir: &Path, id: &Id, ext: &str) -> PathBuf {
    let hex = id.to_hex();
    dir.join(&hex[..2]).join(format!("{}.{ext}", &hex[2..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn init_then_open_then_discover() {
        let dir = tempfile::tempdir().unwrap();
        let store_dir = dir.path().join("claims");
        let (_, outcome) = Store::init(&store_dir).unwrap();
        assert_eq!(outcome, InitOutcome::Created);
        assert_eq!(
            Store::init(&store_dir).unwrap().1,
            InitOutcome::AlreadyThere { added: vec![] }
        );
        let deep = dir.path().join("a/b/c");
        fs::create_dir_all(&deep).unwrap();
        let found = Store::discover(&deep).unwrap();
        assert_eq!(found.root(), fs::canonicalize(&store_dir).unwrap());
        let elsewhere = tempfile::tempdir().unwrap();
        if Store::discover(elsewhere.path()).is_ok() {
            // A store above the temporary folder: nothing to test here.
            return;
        }
        assert!(matches!(
            Store::discover(elsewhere.path()),
            Err(StoreError::NotFound { .. })
        ));
    }

    #[test]
    fn newer_format_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        Store::init(dir.path()).unwrap();
        fs::write(dir.path().join(STORE_FILE), "format = 2\n").unwrap();
        assert!(matches!(
            Store::open(dir.path()),
            Err(StoreError::NewerFormat { found: 2, .. })
        ));
    }

    #[test]
    fn init_refuses_a_folder_with_other_things() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("notes.txt"), "x").unwrap();
        assert!(matches!(
            Store::init(dir.path()),
            Err(StoreError::InitNotEmpty { .. })
        ));
    }
}
