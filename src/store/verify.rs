//! `verify`, like `git fsck`: recompute every hash, check every reference, and name
//! every file that is wrong. Leftovers of interrupted writes (temporary files, records no
//! ref reaches, a lock file naming a dead writer) are reported but are not errors: they
//! are what a crash is allowed to leave.

use super::fsio::{LINK_REFUSED, TEMP_PREFIX, read_store_file};
use super::init::GITATTRIBUTES_FILE;
use super::line_endings;
use super::lock::{self, LockState, WriteLock};
use super::name::ArticleName;
use super::rating::{RATINGS_DIR, check_rating_file, rating_reference_problems};
use super::record::{VersionRecord, parse_ref};
use super::{
    CACHE_DIR, MAX_CACHE_BYTES, MAX_CONFIG_BYTES, MAX_RECORD_BYTES, MAX_TEXT_BYTES, REFS_DIR,
    SOURCES_FILE, STORE_FILE, SourceConfig, Store, StoreError, TEXTS_DIR, VERSIONS_DIR,
};
use crate::claims::{canonical_form, claim_id};
use crate::hash::{Id, ObjectKind};
use crate::span::Span;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Damage: exit 2.
    Error,
    /// Left by an interrupted write; harmless, can be cleaned.
    Warning,
    /// Worth knowing, nothing to do.
    Note,
}

impl Severity {
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// One finding, about one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub severity: Severity,
    pub path: PathBuf,
    pub message: String,
}

/// What `verify` found.
#[derive(Debug, Clone, Default, Serialize)]
pub struct VerifyReport {
    pub refs: usize,
    pub versions: usize,
    pub texts: usize,
    pub claims: usize,
    pub ratings: usize,
    pub problems: Vec<Problem>,
    /// Articles with versions but no ref (`verify --repair` restores their refs).
    pub without_ref: Vec<Orphan>,
    /// Files whose line endings git converted at checkout (`core.autocrlf`).
    pub converted_line_endings: usize,
    /// Cache files that are damaged (`verify --repair` removes them).
    #[serde(skip)]
    pub damaged_caches: Vec<PathBuf>,
}

/// An article that has versions but no ref: its ref was deleted, or an `add` was
/// interrupted before writing it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Orphan {
    pub article: String,
    pub versions: usize,
    /// The version a restored ref points at: the newest one whose text is there.
    pub newest: Option<Id>,
}

impl VerifyReport {
    pub fn errors(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count()
    }

    fn converted(&mut self, path: &Path) {
        self.converted_line_endings += 1;
        self.push(Severity::Error, path, line_endings::CONVERTED);
    }

    fn push(&mut self, severity: Severity, path: impl Into<PathBuf>, message: impl Into<String>) {
        self.problems.push(Problem {
            severity,
            path: path.into(),
            message: message.into(),
        });
    }
}

struct VersionFacts {
    article: ArticleName,
    parent: Option<Id>,
    text: Id,
    logged_at: i64,
    /// The largest byte offset any span in it uses, and every span start/end, checked
    /// against the text.
    spans: Vec<Span>,
}

/// Checks the whole store. `_lock` proves the caller holds the writers' lock (or could
/// not take it on a read-only store), so what looks half-written really is left over.
/// `lock_before` is what the lock file said before the caller took the lock (taking it
/// overwrites the process id a dead writer left).
pub fn verify(store: &Store, _lock: Option<&WriteLock>, lock_before: &LockState) -> VerifyReport {
    let root = store.root();
    let mut report = VerifyReport::default();

    if let Err(e) = Store::open(root) {
        report.push(Severity::Error, root.join(STORE_FILE), e.to_string());
        return report;
    }
    let sources = root.join(SOURCES_FILE);
    match read_store_file(&sources, MAX_CONFIG_BYTES) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => {
                if let Err(message) = SourceConfig::parse(&text) {
                    report.push(Severity::Error, &sources, message);
                }
            }
            Err(_) => report.push(Severity::Error, &sources, "not UTF-8"),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => report.push(Severity::Error, &sources, format!("cannot read: {e}")),
    }
    // The folders themselves: a link would lead reads and writes out of the store.
    for sub in [
        REFS_DIR,
        VERSIONS_DIR,
        TEXTS_DIR,
        CACHE_DIR,
        RATINGS_DIR,
        lock::LOCK_FILE,
    ] {
        if is_link(&root.join(sub)) {
            report.push(Severity::Error, root.join(sub), LINK_REFUSED);
        }
    }

    // Texts: name = hash of the bytes.
    let mut texts: HashMap<Id, usize> = HashMap::new();
    for (path, id) in objects(&root.join(TEXTS_DIR), "txt", &mut report) {
        match read_store_file(&path, MAX_TEXT_BYTES) {
            Ok(bytes) => {
                let actual = Id::of(ObjectKind::Text, &bytes);
                if actual != id
                    && line_endings::crlf_to_lf(&bytes)
                        .is_some_and(|lf| Id::of(ObjectKind::Text, &lf) == id)
                {
                    report.converted(&path);
                } else if actual != id {
                    report.push(
                        Severity::Error,
                        &path,
                        format!("content hashes to {}, not to its name", actual.short(12)),
                    );
                } else if std::str::from_utf8(&bytes).is_err() {
                    report.push(Severity::Error, &path, "text is not UTF-8");
                } else {
                    texts.insert(id, bytes.len());
                }
            }
            Err(e) => report.push(Severity::Error, &path, format!("cannot read: {e}")),
        }
    }
    report.texts = texts.len();

    // Versions: canonical bytes, name = hash of the canonical form.
    let mut versions: HashMap<Id, VersionFacts> = HashMap::new();
    let mut version_paths: HashMap<Id, PathBuf> = HashMap::new();
    let mut claim_ids: HashSet<Id> = HashSet::new();
    for (path, id) in objects(&root.join(VERSIONS_DIR), "toml", &mut report) {
        let text = match read_store_file(&path, MAX_RECORD_BYTES) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(t) => t,
                Err(_) => {
                    report.push(Severity::Error, &path, "not UTF-8");
                    continue;
                }
            },
            Err(e) => {
                report.push(Severity::Error, &path, format!("cannot read: {e}"));
                continue;
            }
        };
        if let Some(lf) = line_endings::crlf_to_lf(text.as_bytes())
            && std::str::from_utf8(&lf)
                .ok()
                .and_then(|lf| VersionRecord::from_toml(lf).ok())
                .is_some_and(|rec| rec.id() == id)
        {
            // Counted, and read no further: its ref is reported through the same cause.
            report.converted(&path);
            continue;
        }
        let rec = match VersionRecord::from_toml(&text) {
            Ok(r) => r,
            Err(e) => {
                report.push(Severity::Error, &path, e.to_string());
                continue;
            }
        };
        let actual = rec.id();
        if actual != id {
            report.push(
                Severity::Error,
                &path,
                format!("content hashes to {}, not to its name", actual.short(12)),
            );
            continue;
        }
        if rec.to_toml() != text {
            report.push(
                Severity::Error,
                &path,
                "not in canonical form (edited by hand?): its bytes differ from what claims writes for its content",
            );
            continue;
        }
        let mut odd_ids = 0;
        for occ in &rec.claims {
            if claim_id(&canonical_form(&occ.text)) != occ.id {
                odd_ids += 1;
            }
        }
        if odd_ids > 0 {
            report.push(
                Severity::Note,
                &path,
                format!("{odd_ids} claim id(s) differ from this release's canonical form of their text (extracted by {})", rec.extractor),
            );
        }
        report.claims += rec.claims.len();
        claim_ids.extend(rec.claims.iter().map(|occ| occ.id));
        let mut spans = vec![rec.body];
        spans.extend(&rec.sentences);
        spans.extend(&rec.fragments);
        for occ in &rec.claims {
            spans.push(occ.span);
            spans.extend(occ.source.as_ref().and_then(|s| s.span));
            spans.extend(occ.cue.as_ref().and_then(|c| c.span));
        }
        versions.insert(
            id,
            VersionFacts {
                article: rec.article,
                parent: rec.parent,
                text: rec.text,
                logged_at: rec.logged_at.timestamp(),
                spans,
            },
        );
        version_paths.insert(id, path);
    }
    report.versions = versions.len();
    report.ratings = check_ratings(root, &claim_ids, &mut report);

    // Refs.
    let refs_dir = root.join(REFS_DIR);
    let mut reachable: HashSet<Id> = HashSet::new();
    let mut with_ref: HashSet<ArticleName> = HashSet::new();
    for entry in list_dir(&refs_dir, &mut report) {
        let name = entry
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        if name.starts_with(TEMP_PREFIX) {
            temp_file(&mut report, &entry);
            continue;
        }
        if is_link(&entry) {
            report.push(Severity::Error, &entry, LINK_REFUSED);
            continue;
        }
        if entry.is_dir() {
            report.push(Severity::Error, &entry, "unexpected folder among the refs");
            continue;
        }
        let article = match ArticleName::parse(&name) {
            Ok(a) if a.as_str() == name => a,
            _ => {
                report.push(
                    Severity::Error,
                    &entry,
                    "not a valid article name for a ref",
                );
                continue;
            }
        };
        report.refs += 1;
        with_ref.insert(article.clone());
        let bytes = match read_store_file(&entry, super::MAX_REF_BYTES) {
            Ok(b) => b,
            Err(e) => {
                report.push(Severity::Error, &entry, format!("cannot read: {e}"));
                continue;
            }
        };
        if parse_ref(&bytes).is_none()
            && line_endings::crlf_to_lf(&bytes).is_some_and(|lf| parse_ref(&lf).is_some())
        {
            report.converted(&entry);
            continue;
        }
        let Some(head) = parse_ref(&bytes) else {
            let conflict = bytes.starts_with(b"<<<<<<<");
            report.push(
                Severity::Error,
                &entry,
                if conflict {
                    "holds git conflict markers: both sides logged this article; keep one id (see `claims history`)"
                } else {
                    "a ref holds one version id (64 hex digits) and a newline"
                },
            );
            continue;
        };
        match versions.get(&head) {
            None => report.push(
                Severity::Error,
                &entry,
                format!(
                    "points at version {}, which is missing or damaged",
                    head.short(12)
                ),
            ),
            Some(v) if v.article != article => report.push(
                Severity::Error,
                &entry,
                format!(
                    "points at version {} of another article, {:?}",
                    head.short(12),
                    v.article.as_str()
                ),
            ),
            Some(_) => {
                let mut next = Some(head);
                while let Some(id) = next {
                    if !reachable.insert(id) {
                        break;
                    }
                    next = versions.get(&id).and_then(|v| v.parent);
                }
            }
        }
    }

    // References between records.
    let mut texts_used: HashSet<Id> = HashSet::new();
    let mut text_cache: HashMap<Id, String> = HashMap::new();
    for (id, facts) in &versions {
        let path = &version_paths[id];
        // What no ref reaches may be what an interrupted add left half-renamed (after a
        // power cut the renames of one step need not all persist): a note, not damage.
        let missing = if reachable.contains(id) {
            Severity::Error
        } else {
            Severity::Note
        };
        if let Some(parent) = facts.parent {
            match versions.get(&parent) {
                None => report.push(
                    missing,
                    path,
                    format!("its parent version {} is missing", parent.short(12)),
                ),
                Some(p) if p.article != facts.article => report.push(
                    Severity::Error,
                    path,
                    format!(
                        "its parent {} belongs to article {:?}",
                        parent.short(12),
                        p.article.as_str()
                    ),
                ),
                Some(_) => {}
            }
        }
        texts_used.insert(facts.text);
        match texts.get(&facts.text) {
            None => report.push(
                missing,
                path,
                format!(
                    "its article text {} is missing or damaged",
                    facts.text.short(12)
                ),
            ),
            Some(_) => {
                let text = text_cache.entry(facts.text).or_insert_with(|| {
                    read_store_file(&store.text_path(&facts.text), MAX_TEXT_BYTES)
                        .ok()
                        .and_then(|b| String::from_utf8(b).ok())
                        .unwrap_or_default()
                });
                if let Some(bad) = facts.spans.iter().find(|s| {
                    s.end > text.len()
                        || !text.is_char_boundary(s.start)
                        || !text.is_char_boundary(s.end)
                }) {
                    report.push(
                        Severity::Error,
                        path,
                        format!(
                            "span [{}, {}] does not fit its text of {} bytes",
                            bad.start,
                            bad.end,
                            text.len()
                        ),
                    );
                }
                if text_cache.len() > 256 {
                    text_cache.clear();
                }
            }
        }
    }

    // Articles with versions but no ref: hidden from every command.
    let mut orphans: BTreeMap<&ArticleName, Vec<Id>> = BTreeMap::new();
    for (id, facts) in &versions {
        if !reachable.contains(id) && !with_ref.contains(&facts.article) {
            orphans.entry(&facts.article).or_default().push(*id);
        }
    }
    for (article, ids) in &orphans {
        let parents: HashSet<Id> = ids.iter().filter_map(|id| versions[id].parent).collect();
        // The newest tip of its histories whose text is there.
        let newest = ids
            .iter()
            .filter(|id| !parents.contains(id) && texts.contains_key(&versions[id].text))
            .max_by_key(|id| (versions[id].logged_at, **id))
            .copied();
        let name = article.as_str();
        let fix = match newest {
            Some(id) => format!(
                "either way `claims verify --repair` writes its ref again, pointing at its newest version {}",
                id.short(12)
            ),
            None => {
                "its text is missing, so the ref cannot be restored: add the article again".into()
            }
        };
        report.push(
            Severity::Warning,
            refs_dir.join(name),
            format!(
                "article {name:?} has {} version(s) but no ref, so no command shows it. Either its ref was deleted (by hand, or by a git merge or checkout: `git log --diff-filter=D -- refs/{name}` run in the store shows the commit) or an `add` was interrupted before writing it (then git shows no deleted ref); {fix}",
                ids.len()
            ),
        );
        report.without_ref.push(Orphan {
            article: name.to_owned(),
            versions: ids.len(),
            newest,
        });
    }
    // Other unreachable records: an older history replaced in a merge, or what an
    // interrupted add leaves. Harmless.
    let mut dangling: Vec<&PathBuf> = versions
        .iter()
        .filter(|(id, f)| !reachable.contains(*id) && with_ref.contains(&f.article))
        .map(|(id, _)| &version_paths[id])
        .collect();
    dangling.sort();
    for path in dangling {
        report.push(
            Severity::Note,
            path,
            "no ref reaches this version (a history replaced when a git conflict was resolved, or left by an interrupted add; harmless)",
        );
    }
    let reachable_texts: HashSet<Id> = reachable
        .iter()
        .filter_map(|id| versions.get(id).map(|v| v.text))
        .collect();
    let mut unused: Vec<PathBuf> = texts
        .keys()
        .filter(|id| !reachable_texts.contains(id))
        .map(|id| store.text_path(id))
        .collect();
    unused.sort();
    for path in unused {
        report.push(
            Severity::Note,
            path,
            "no current history uses this text (left by an interrupted add; harmless)",
        );
    }

    // Leftovers in the store's own folder and the cache.
    for dir in [root.to_path_buf(), root.join(CACHE_DIR)] {
        if dir != root && is_link(&dir) {
            continue; // reported above; never list (or clean) a folder outside the store
        }
        if let Ok(entries) = fs::read_dir(&dir) {
            for e in entries.flatten() {
                if e.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
                    temp_file(&mut report, &e.path());
                }
            }
        }
    }
    check_caches(root, &mut report);
    if report.converted_line_endings > 0 {
        let summary = line_endings::summary(report.converted_line_endings, root);
        report.push(Severity::Error, root, summary);
    } else if !root.join(GITATTRIBUTES_FILE).exists() {
        report.push(
            Severity::Note,
            root.join(GITATTRIBUTES_FILE),
            format!("missing: a clone with core.autocrlf=true (the Git for Windows default) would convert the store's line endings; `claims init --store {}` adds it", root.display()),
        );
    }
    match lock_before {
        LockState::Stale { pid } => report.push(
            Severity::Warning,
            root.join(lock::LOCK_FILE),
            format!(
                "stale lock: {} stopped while writing (the lock itself was released; harmless: the next write, or `claims verify --clean`, clears it)",
                pid.map_or("a claims process".to_owned(), |p| format!("process {p}"))
            ),
        ),
        LockState::Held { .. } | LockState::Free => {}
    }
    report.problems.sort_by(|a, b| {
        a.severity
            .cmp(&b.severity)
            .then_with(|| a.path.cmp(&b.path))
    });
    report
}

/// The rating records: each well formed and named by its hash, rating a claim some
/// version holds, superseding a rating of the same claim. Returns how many are sound.
fn check_ratings(root: &Path, claim_ids: &HashSet<Id>, report: &mut VerifyReport) -> usize {
    let mut good = Vec::new();
    for (path, id) in objects(&root.join(RATINGS_DIR), "toml", report) {
        match check_rating_file(&path, Some(id)) {
            Ok((id, rating)) => good.push((path, id, rating)),
            Err(message) => report.push(Severity::Error, &path, message),
        }
    }
    for (path, message) in rating_reference_problems(&good, &|c| claim_ids.contains(c)) {
        report.push(Severity::Error, path, message);
    }
    good.len()
}

/// The cache files: derived, so damage there is a warning (the next command rebuilds
/// them), but a file over the limit or that claims did not write is named.
fn check_caches(root: &Path, report: &mut VerifyReport) {
    use std::io::Read;
    let dir = root.join(CACHE_DIR);
    if is_link(&dir) {
        return; // reported above
    }
    // The first bytes of each: the magic, then the layout version (a cache of another
    // version is only stale). The audit's cache is `src/audit/store.rs`.
    for (file, magic) in [("index", b"CLAIMSIX"), ("audit-terms", b"CLAIMSAT")] {
        let path = dir.join(file);
        let Ok(meta) = fs::symlink_metadata(&path) else {
            continue;
        };
        let why = if meta.file_type().is_symlink() {
            Some(LINK_REFUSED.to_owned())
        } else if !meta.is_file() {
            Some("not a regular file".to_owned())
        } else if meta.len() > MAX_CACHE_BYTES {
            Some(format!(
                "{} bytes, over the limit of {MAX_CACHE_BYTES} bytes for a cache file",
                meta.len()
            ))
        } else {
            let mut start = [0u8; 12];
            let read = super::fsio::open_no_follow(&path, false)
                .and_then(|mut f| f.read_exact(&mut start));
            if read.is_err() || &start[..8] != magic {
                Some("not a cache file claims wrote".to_owned())
            } else if file == "index"
                && super::index::is_own_layout(&start)
                && read_store_file(&path, MAX_CACHE_BYTES)
                    .ok()
                    .and_then(|b| super::Index::decode(&b))
                    .is_none()
            {
                Some("damaged".to_owned())
            } else {
                None
            }
        };
        if let Some(why) = why {
            report.push(
                Severity::Warning,
                &path,
                format!("damaged cache ({why}): harmless, the next command rebuilds it (`claims verify --repair` removes it now)"),
            );
            report.damaged_caches.push(path);
        }
    }
}

fn temp_file(report: &mut VerifyReport, path: &Path) {
    report.push(
        Severity::Warning,
        path,
        "leftover temporary file of an interrupted write (harmless; `claims verify --clean` removes it)",
    );
}

fn is_link(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// The entries of a folder, sorted; nothing for a folder that is a link (reported
/// separately).
fn list_dir(dir: &Path, report: &mut VerifyReport) -> Vec<PathBuf> {
    if is_link(dir) {
        return Vec::new();
    }
    match fs::read_dir(dir) {
        Ok(entries) => {
            let mut out: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
            out.sort();
            out
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => {
            report.push(Severity::Error, dir, format!("cannot read folder: {e}"));
            Vec::new()
        }
    }
}

/// The content-addressed files under a fan-out folder, with the id their name gives.
/// Anything else found there is reported.
fn objects(dir: &Path, ext: &str, report: &mut VerifyReport) -> Vec<(PathBuf, Id)> {
    let mut out = Vec::new();
    for sub in list_dir(dir, report) {
        let sub_name = sub
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        if sub_name.starts_with(TEMP_PREFIX) {
            temp_file(report, &sub);
            continue;
        }
        let fan_ok = sub_name.len() == 2
            && sub_name
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if is_link(&sub) {
            report.push(Severity::Error, &sub, LINK_REFUSED);
            continue;
        }
        if !sub.is_dir() || !fan_ok {
            report.push(
                Severity::Error,
                &sub,
                "unexpected entry (not a fan-out folder)",
            );
            continue;
        }
        for file in list_dir(&sub, report) {
            let name = file
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            if name.starts_with(TEMP_PREFIX) {
                temp_file(report, &file);
                continue;
            }
            if is_link(&file) {
                report.push(Severity::Error, &file, LINK_REFUSED);
                continue;
            }
            let id = name
                .strip_suffix(&format!(".{ext}"))
                .and_then(|stem| format!("{sub_name}{stem}").parse::<Id>().ok());
            match id {
                Some(id) if file.is_file() => out.push((file, id)),
                _ => report.push(
                    Severity::Error,
                    &file,
                    format!("unexpected file: records are named <62 hex digits>.{ext}"),
                ),
            }
        }
    }
    out
}

/// Removes leftover temporary files (under the writers' lock). Returns how many.
pub fn clean(store: &Store, _lock: &WriteLock) -> Result<usize, StoreError> {
    let report = verify(store, Some(_lock), &LockState::Free);
    remove_temps(&report)
}

fn remove_temps(report: &VerifyReport) -> Result<usize, StoreError> {
    let mut removed = 0;
    for p in &report.problems {
        let is_temp = p
            .path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with(TEMP_PREFIX));
        if p.severity == Severity::Warning && is_temp {
            // A folder of that name is no claims leftover, but is removed all the same
            // (never through a link: `remove_dir_all` does not follow them).
            let is_dir = fs::symlink_metadata(&p.path).is_ok_and(|m| m.is_dir());
            let result = if is_dir {
                fs::remove_dir_all(&p.path)
            } else {
                fs::remove_file(&p.path)
            };
            match result {
                Ok(()) => removed += 1,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(source) => {
                    return Err(StoreError::Io {
                        path: p.path.clone(),
                        source,
                    });
                }
            }
        }
    }
    Ok(removed)
}

/// What `verify --repair` did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Repaired {
    /// Refs written again: the article and the version it points at now.
    pub refs: Vec<(String, Id)>,
    /// Articles with versions but no ref that could not be restored (no text).
    pub not_restored: Vec<String>,
    pub temp_files: usize,
    pub caches: usize,
}

/// Repairs what can be repaired without a copy (under the writers' lock): writes a ref
/// again for every article that has versions but no ref, pointing at its newest version
/// whose text is there; removes leftover temporary files and damaged cache files.
pub fn repair(store: &Store, lock: &WriteLock) -> Result<Repaired, StoreError> {
    let report = verify(store, Some(lock), &LockState::Free);
    let mut done = Repaired::default();
    for orphan in &report.without_ref {
        let Some(id) = orphan.newest else {
            done.not_restored.push(orphan.article.clone());
            continue;
        };
        let name =
            ArticleName::parse(&orphan.article).map_err(|problem| StoreError::InvalidName {
                given: orphan.article.clone(),
                problem,
            })?;
        let path = store.ref_path(&name);
        let refs = store.root().join(REFS_DIR);
        super::fsio::check_inside(store.root(), &refs).map_err(StoreError::io(&refs))?;
        super::fsio::write_atomic(&path, super::ref_bytes(&id).as_bytes(), true)?;
        done.refs.push((orphan.article.clone(), id));
    }
    done.temp_files = remove_temps(&report)?;
    for path in &report.damaged_caches {
        let is_dir = fs::symlink_metadata(path).is_ok_and(|m| m.is_dir());
        let result = if is_dir {
            fs::remove_dir_all(path)
        } else {
            fs::remove_file(path)
        };
        match result {
            Ok(()) => done.caches += 1,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(source) => {
                return Err(StoreError::Io {
                    path: path.clone(),
                    source,
                });
            }
        }
    }
    Ok(done)
}
