//! Logging articles: extract, then record a new version when the text or metadata
//! changed. Writes are staged in batches and committed atomically (see `fsio`), under the
//! writers' lock, so a crash at any instant leaves a store `verify` passes and a rerun
//! of the same `add` completes.

use super::fsio::Batch;
use super::index::{Index, refs_fingerprint};
use super::lock::WriteLock;
use super::name::ArticleName;
use super::record::{Occurrence, VersionRecord, ref_bytes, whole_seconds};
use super::{MAX_RECORD_BYTES, REFS_DIR, Store, StoreError};
use crate::hash::{Id, ObjectKind};
use crate::input::{Document, Metadata};
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::time::Duration;

/// What extracted the claims, recorded in every version.
pub const EXTRACTOR: &str = concat!("claims ", env!("CARGO_PKG_VERSION"));

/// How to log.
#[derive(Debug, Clone)]
pub struct AddOptions {
    /// How long to wait for another writer before giving up.
    pub lock_timeout: Duration,
    /// The time recorded as `logged_at` (whole seconds are kept).
    pub logged_at: DateTime<Utc>,
    /// Articles per atomic commit: each commit costs three file system syncs.
    pub batch_size: usize,
    /// Sync to disk (on by default; off only when asked for).
    pub durable: bool,
    /// The largest version record written ([`MAX_RECORD_BYTES`]: what can be read back).
    /// Only ever lowered (by tests).
    pub max_record_bytes: u64,
}

impl Default for AddOptions {
    fn default() -> AddOptions {
        AddOptions {
            lock_timeout: Duration::from_secs(60),
            logged_at: Utc::now(),
            batch_size: 4096,
            durable: true,
            max_record_bytes: MAX_RECORD_BYTES,
        }
    }
}

/// What happened to one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// First version of a new article.
    New,
    /// A new version of a known article (text or metadata changed).
    Updated,
    /// The same text and metadata as its newest version: nothing written.
    Unchanged,
}

impl Status {
    pub const fn as_str(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Updated => "updated",
            Status::Unchanged => "unchanged",
        }
    }
}

/// One article's outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logged {
    pub article: ArticleName,
    /// Where it came from (path, `-`, or JSONL id).
    pub origin: String,
    pub status: Status,
    /// The article's newest version after this run.
    pub version: Id,
    pub parent: Option<Id>,
    /// Whether the text changed (an update may change metadata only).
    pub text_changed: bool,
    pub claims: usize,
    pub sourced: usize,
}

/// A writer session: holds the lock, stages articles and commits them in batches.
pub struct Logger<'s> {
    store: &'s Store,
    _lock: WriteLock,
    options: AddOptions,
    index: Index,
    batch: Batch,
    /// Names used in this run, with the input that used them first.
    names: HashMap<ArticleName, String>,
    staged: Vec<Logged>,
    committed: Vec<Logged>,
    changed: bool,
    /// A write failed: what was staged since the last commit is dropped, nothing more is
    /// committed, and the index (which holds the dropped articles) is not cached.
    failed: bool,
}

impl<'s> Logger<'s> {
    /// Takes the lock (waiting up to the timeout) and loads the index.
    pub fn start(
        store: &'s Store,
        mut options: AddOptions,
        on_wait: &mut dyn FnMut(Option<u32>),
    ) -> Result<Logger<'s>, StoreError> {
        options.logged_at = whole_seconds(options.logged_at);
        if !super::record::time_in_range(&options.logged_at) {
            return Err(StoreError::TimeOutOfRange {
                time: options.logged_at.to_rfc3339(),
            });
        }
        let lock = store.lock(options.lock_timeout, on_wait)?;
        let index = store.index()?;
        options.batch_size = options.batch_size.max(1);
        Ok(Logger {
            store,
            _lock: lock,
            batch: Batch::new(store.root(), options.durable),
            options,
            index,
            names: HashMap::new(),
            staged: Vec::new(),
            committed: Vec::new(),
            changed: false,
            failed: false,
        })
    }

    /// Logs one article under `name`. Refuses a name already used in this run.
    pub fn log(&mut self, name: ArticleName, doc: &Document) -> Result<Logged, StoreError> {
        if self.failed {
            return Err(StoreError::Io {
                path: self.store.root().to_owned(),
                source: std::io::Error::other("an earlier write of this run failed"),
            });
        }
        // An empty file is far more often a failed download or a wrong path than an
        // article: logging it would make an empty version that hides nothing but looks real.
        if doc.body_text().trim().is_empty() {
            return Err(StoreError::EmptyArticle {
                origin: doc.origin.clone(),
            });
        }
        if let Some(first) = self.names.get(&name) {
            return Err(StoreError::NameCollision {
                name: name.as_str().to_owned(),
                first: first.clone(),
                second: doc.origin.clone(),
            });
        }
        // An article left out of the index for damage is not logged over: a new version
        // with no parent would hide its history.
        if let Some(d) = self
            .index
            .damage
            .iter()
            .find(|d| d.skipped && d.article == name.as_str())
        {
            return Err(StoreError::Corrupt {
                path: d.path.clone(),
                message: d.message.clone(),
            });
        }
        self.names.insert(name.clone(), doc.origin.clone());
        let text_id = Id::of(ObjectKind::Text, doc.text.as_bytes());
        let head = self
            .index
            .head(name.as_str())
            .map(|v| (v.id, v.text, v.rows));
        let given_meta = doc.meta.clone();
        let (parent_id, meta) = match head {
            None => (None, given_meta),
            Some((head_id, head_text, head_rows)) => {
                if head_text == text_id && self.meta_already_there(&head_id, &given_meta) {
                    return Ok(self.push_unchanged(name, doc, head_id, head_rows));
                }
                let parent = self.store.read_version(&head_id)?;
                let merged = given_meta.or(parent.meta.clone());
                if head_text == text_id && merged == parent.meta {
                    return Ok(self.push_unchanged(name, doc, head_id, head_rows));
                }
                (Some(head_id), merged)
            }
        };

        let extraction = crate::extract(doc);
        let claims: Vec<Occurrence> = extraction.claims.iter().map(Occurrence::from).collect();
        let sourced = claims.iter().filter(|c| c.source.is_some()).count();
        let record = VersionRecord {
            article: name.clone(),
            parent: parent_id,
            text: text_id,
            body: doc.body,
            logged_at: self.options.logged_at,
            extractor: EXTRACTOR.to_owned(),
            meta,
            sentences: extraction.sentences,
            fragments: extraction.fragments,
            claims,
        };
        let version = record.id();
        let toml = record.to_toml();
        let limit = self.options.max_record_bytes.min(MAX_RECORD_BYTES);
        if toml.len() as u64 > limit {
            // It could not be read back: refuse it here rather than store it.
            return Err(StoreError::RecordTooLarge {
                article: name.as_str().to_owned(),
                claims: record.claims.len(),
                bytes: toml.len() as u64,
                limit,
            });
        }
        let text_path = self.store.text_path(&text_id);
        // A text may already be stored (an earlier version, another article); a new
        // version record almost never is.
        let staged = self
            .batch
            .stage_object(text_path, doc.text.as_bytes().to_vec(), true)
            .and_then(|()| {
                self.batch
                    .stage_object(self.store.version_path(&version), toml.into_bytes(), false)
            })
            .and_then(|()| {
                self.batch
                    .stage_ref(self.store.ref_path(&name), ref_bytes(&version).into_bytes())
            });
        if let Err(e) = staged {
            self.fail();
            return Err(e.into());
        }
        self.index.push_version(version, &record, true);
        self.changed = true;
        let logged = Logged {
            article: name,
            origin: doc.origin.clone(),
            status: if parent_id.is_some() {
                Status::Updated
            } else {
                Status::New
            },
            version,
            parent: parent_id,
            text_changed: head.is_none_or(|(_, t, _)| t != text_id),
            claims: record.claims.len(),
            sourced,
        };
        self.staged.push(logged.clone());
        if self.staged.len() >= self.options.batch_size {
            self.commit()?;
        }
        Ok(logged)
    }

    /// Whether every metadata field given is already the head's, judged from the index
    /// (no record to parse): true when nothing is given, or only the four indexed fields
    /// are and they match.
    fn meta_already_there(&self, head: &Id, given: &Metadata) -> bool {
        if *given == Metadata::default() {
            return true;
        }
        let Some(v) = self.index.version(head) else {
            return false;
        };
        let same = |g: &Option<String>, have: super::index::Str| {
            g.as_deref()
                .is_none_or(|g| self.index.opt_str(have) == Some(g))
        };
        given.extra.is_empty()
            && same(&given.title, v.title)
            && same(&given.outlet, v.outlet)
            && same(&given.url, v.url)
            && same(&given.published, v.published)
    }

    fn push_unchanged(&mut self, name: ArticleName, doc: &Document, head: Id, rows: u32) -> Logged {
        let sourced = self
            .index
            .version(&head)
            .map(|v| {
                self.index
                    .rows_of(v)
                    .iter()
                    .filter(|r| r.source_kind.is_some())
                    .count()
            })
            .unwrap_or(0);
        let logged = Logged {
            article: name,
            origin: doc.origin.clone(),
            status: Status::Unchanged,
            version: head,
            parent: None,
            text_changed: false,
            claims: rows as usize,
            sourced,
        };
        self.staged.push(logged.clone());
        logged
    }

    /// Makes everything staged so far durable and visible. On an error nothing staged
    /// since the last commit counts as logged (refs only ever point at complete records,
    /// so what the failed commit did rename is unreachable and harmless).
    pub fn commit(&mut self) -> Result<(), StoreError> {
        if self.failed {
            return Ok(());
        }
        if let Err(e) = self.batch.commit() {
            self.fail();
            return Err(e.into());
        }
        self.committed.append(&mut self.staged);
        Ok(())
    }

    /// After a failed write: drops the staged articles and their temporary files.
    fn fail(&mut self) {
        self.batch.abandon();
        self.staged.clear();
        self.failed = true;
    }

    /// Articles committed so far.
    pub fn committed(&self) -> &[Logged] {
        &self.committed
    }

    /// Commits what is staged, refreshes the index cache and releases the lock.
    pub fn finish(mut self) -> Result<Vec<Logged>, StoreError> {
        self.commit()?;
        if self.changed && !self.failed {
            let refs_dir = self.store.root().join(REFS_DIR);
            if let Ok(fp) = refs_fingerprint(&refs_dir) {
                self.index.fingerprint = fp;
                self.store.save_index(&mut self.index);
            }
        }
        Ok(std::mem::take(&mut self.committed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn doc(origin: &str, text: &str) -> Document {
        Document::from_text(origin, text)
    }

    fn options() -> AddOptions {
        AddOptions {
            durable: false,
            ..AddOptions::default()
        }
    }

    #[test]
    fn new_unchanged_updated() {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = Store::init(dir.path()).unwrap();
        let name = ArticleName::parse("story").unwrap();

        let mut logger = Logger::start(&store, options(), &mut |_| {}).unwrap();
        let first = logger
            .log(
                name.clone(),
                &doc("a", "The council met on Monday. It approved the budget."),
            )
            .unwrap();
        assert_eq!(first.status, Status::New);
        assert_eq!(first.claims, 2);
        logger.finish().unwrap();
        assert_eq!(store.read_ref(&name).unwrap(), Some(first.version));

        let mut logger = Logger::start(&store, options(), &mut |_| {}).unwrap();
        let same = logger
            .log(
                name.clone(),
                &doc("a", "The council met on Monday. It approved the budget."),
            )
            .unwrap();
        assert_eq!(same.status, Status::Unchanged);
        assert_eq!(same.version, first.version);
        let changed = logger.log(
            ArticleName::parse("other").unwrap(),
            &doc("b", "The river flooded the old town."),
        );
        assert_eq!(changed.unwrap().status, Status::New);
        logger.finish().unwrap();

        let mut logger = Logger::start(&store, options(), &mut |_| {}).unwrap();
        let revised = logger
            .log(name.clone(), &doc("a", "The council met on Monday. It approved the budget. The mayor resigned on Tuesday."))
            .unwrap();
        assert_eq!(revised.status, Status::Updated);
        assert_eq!(revised.parent, Some(first.version));
        logger.finish().unwrap();

        let rec = store.read_version(&revised.version).unwrap();
        assert_eq!(rec.parent, Some(first.version));
        assert_eq!(rec.claims.len(), 3);
        let index = store.index().unwrap();
        let history: Vec<Id> = index.history("story").iter().map(|v| v.id).collect();
        assert_eq!(history, vec![revised.version, first.version]);
    }

    #[test]
    fn one_name_twice_in_a_run_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = Store::init(dir.path()).unwrap();
        let name = ArticleName::parse("x").unwrap();
        let mut logger = Logger::start(&store, options(), &mut |_| {}).unwrap();
        logger.log(name.clone(), &doc("a/x.txt", "A.")).unwrap();
        let err = logger.log(name, &doc("b/x.txt", "B.")).unwrap_err();
        assert!(matches!(err, StoreError::NameCollision { .. }), "{err}");
        let logged = logger.finish().unwrap();
        assert_eq!(logged.len(), 1, "the first input is still logged");
    }

    #[test]
    fn a_record_too_large_is_refused_and_the_others_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = Store::init(dir.path()).unwrap();
        let mut logger = Logger::start(
            &store,
            AddOptions {
                max_record_bytes: 4096,
                ..options()
            },
            &mut |_| {},
        )
        .unwrap();
        logger
            .log(
                ArticleName::parse("small").unwrap(),
                &doc("a", "It rained."),
            )
            .unwrap();
        let long = "The council met on Monday. ".repeat(200);
        let err = logger
            .log(ArticleName::parse("long").unwrap(), &doc("b", &long))
            .unwrap_err();
        assert!(
            matches!(err, StoreError::RecordTooLarge { limit: 4096, .. }),
            "{err}"
        );
        let logged = logger.finish().unwrap();
        assert_eq!(logged.len(), 1);
        assert!(
            store
                .read_ref(&ArticleName::parse("long").unwrap())
                .unwrap()
                .is_none()
        );
        let report = crate::store::verify(&store, None, &store.lock_state());
        assert!(report.problems.is_empty(), "{:?}", report.problems);
    }

    /// Whatever `finish` reports as logged has its ref, and the index (cached or not)
    /// holds exactly the articles the refs hold.
    fn assert_logged_means_stored(store: &Store, logged: &[Logged]) {
        for l in logged {
            assert_eq!(
                store.read_ref(&l.article).unwrap(),
                Some(l.version),
                "{} reported logged but its ref is not there",
                l.article
            );
        }
        let index = store.index().unwrap();
        assert_eq!(index.article_count(), store.refs().unwrap().len());
    }

    /// A commit that fails half-way (here a ref cannot be renamed into place), followed
    /// by `finish` as `claims add` does: the articles of the failed batch must not count
    /// as logged, nor reach the index cache.
    #[test]
    fn a_failed_commit_drops_the_batch_and_caches_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = Store::init(dir.path()).unwrap();
        let mut logger = Logger::start(&store, options(), &mut |_| {}).unwrap();
        let name = |n: &str| ArticleName::parse(n).unwrap();
        logger
            .log(name("a0"), &doc("a0", "It rained on Monday."))
            .unwrap();
        logger.commit().unwrap();
        // A folder where a ref must go: renaming the ref over it fails.
        std::fs::create_dir(store.ref_path(&name("b1"))).unwrap();
        for (n, text) in [("b0", "One."), ("b1", "Two."), ("b2", "Three.")] {
            logger.log(name(n), &doc(n, text)).unwrap();
        }
        assert!(logger.commit().is_err());
        let logged = logger.finish().unwrap();
        assert_eq!(logged.len(), 1, "{logged:?}");
        std::fs::remove_dir(store.ref_path(&name("b1"))).unwrap();
        // (b0's ref may have been renamed before b1's failed: a complete article that a
        // rerun reports as unchanged.)
        assert_logged_means_stored(&store, &logged);
        let report = crate::store::verify(&store, None, &store.lock_state());
        assert_eq!(report.errors(), 0, "{:?}", report.problems);
    }

    /// A write that fails in the writer thread is noticed an article or more later.
    #[test]
    fn a_failed_write_drops_the_batch_and_caches_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = Store::init(dir.path()).unwrap();
        let mut logger = Logger::start(&store, options(), &mut |_| {}).unwrap();
        logger
            .log(
                ArticleName::parse("a0").unwrap(),
                &doc("a0", "It rained on Monday."),
            )
            .unwrap();
        logger.commit().unwrap();
        // A file where the fan-out folder of the next text must go: writing into it fails.
        let blocked = "The bridge reopened on Friday.";
        let fan = &Id::of(ObjectKind::Text, blocked.as_bytes()).to_hex()[..2];
        std::fs::write(store.root().join("texts").join(fan), "in the way").unwrap();
        let mut failed = false;
        for (i, text) in [blocked, "One.", "Two.", "Three.", "Four."]
            .iter()
            .enumerate()
        {
            let name = ArticleName::parse(&format!("b{i}")).unwrap();
            if logger.log(name, &doc("b", text)).is_err() {
                failed = true;
                break;
            }
        }
        failed |= logger.commit().is_err();
        let logged = logger.finish().unwrap();
        assert!(failed, "the write into a file was expected to fail");
        assert_logged_means_stored(&store, &logged);
        assert_eq!(
            logged.len(),
            1,
            "only the article committed before the failure"
        );
    }

    #[test]
    fn nothing_is_visible_before_commit() {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = Store::init(dir.path()).unwrap();
        let name = ArticleName::parse("x").unwrap();
        let mut logger = Logger::start(&store, options(), &mut |_| {}).unwrap();
        logger.log(name.clone(), &doc("a", "A.")).unwrap();
        assert_eq!(store.read_ref(&name).unwrap(), None);
        drop(logger);
        // Dropped without finishing: nothing logged, temporary files removed.
        assert_eq!(store.read_ref(&name).unwrap(), None);
        let lock_state = store.lock_state();
        let report = crate::store::verify(&store, None, &lock_state);
        assert!(report.problems.is_empty(), "{:?}", report.problems);
    }
}
