//! Atomic, durable writes with one sync per batch.
//!
//! Every file is written to a temporary file in its final folder (`.tmp-<pid>-<n>-...`),
//! then renamed into place. Durability is batched the way git's `core.fsyncMethod=batch`
//! does it: all records of a batch are written, the file system is synced once, they are
//! renamed, synced again, and only then are the refs renamed (and synced), so that a ref
//! never points at a record that is not on disk. On Linux the sync is one `syncfs(2)` of
//! the store's file system; elsewhere each file and folder is fsynced.

use std::collections::HashSet;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// File names starting with this are temporary files of a write in progress (or of a
/// writer that died): never records, ignored by git.
pub const TEMP_PREFIX: &str = ".tmp-";

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Creates a new temporary file in `dir` (which must exist) and writes `bytes` to it.
/// Does not sync.
pub fn write_temp(dir: &Path, bytes: &[u8]) -> io::Result<PathBuf> {
    static PID: std::sync::OnceLock<u32> = std::sync::OnceLock::new();
    let pid = *PID.get_or_init(std::process::id);
    loop {
        let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = dir.join(format!("{TEMP_PREFIX}{pid}-{n}"));
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut file) => {
                if let Err(e) = file.write_all(bytes) {
                    let _ = fs::remove_file(&path);
                    return Err(e);
                }
                return Ok(path);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Reads a file of the store without following a symbolic link and without reading more
/// than `limit` bytes. Anything but a regular file (a link, a folder, a device, a FIFO) is
/// refused: a store holds plain files only, and a link planted in a shared checkout must
/// not make `claims` read (or hang on) a file outside the store.
pub fn read_store_file(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    use std::io::Read;
    let (file, meta) = open_plain_file(path, limit)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64, limit));
    }
    Ok(bytes)
}

/// Opens a regular file of the store (never through a link, nor a device or FIFO) of at
/// most `limit` bytes, with its metadata.
fn open_plain_file(path: &Path, limit: u64) -> io::Result<(File, std::fs::Metadata)> {
    let file = open_no_follow(path, false)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file (a store holds plain files only)",
        ));
    }
    if meta.len() > limit {
        return Err(too_large(meta.len(), limit));
    }
    Ok((file, meta))
}

/// Reads a cache file (never through a link, nor from a device or FIFO) when it starts
/// with `header` and is at most `limit` bytes: `Ok(None)` when it starts otherwise (stale,
/// of another layout, or damaged), which is found without reading the rest.
pub fn read_cache_file(path: &Path, header: &[u8], limit: u64) -> io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    let (file, meta) = open_plain_file(path, limit)?;
    let mut file = file.take(limit);
    let mut start = vec![0; header.len()];
    if file.read_exact(&mut start).is_err() || start != header {
        return Ok(None);
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    bytes.extend_from_slice(&start);
    file.read_to_end(&mut bytes)?;
    Ok(Some(bytes))
}

fn too_large(bytes: u64, limit: u64) -> io::Error {
    io::Error::new(
        io::ErrorKind::FileTooLarge,
        format!("{bytes} bytes, over the limit of {limit} bytes for this file"),
    )
}

/// What a symbolic link inside the store is called in errors.
pub const LINK_REFUSED: &str = "a symbolic link: claims does not follow links inside the store (replace it with the file itself)";

/// Opens a file, refusing a symbolic link in its last component (`O_NOFOLLOW`), and
/// without blocking on a FIFO (`O_NONBLOCK`, which regular files ignore).
pub fn open_no_follow(path: &Path, write: bool) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    if write {
        options.write(true).create(true).truncate(false);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
        match options.open(path) {
            Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
                Err(io::Error::new(io::ErrorKind::InvalidInput, LINK_REFUSED))
            }
            other => other,
        }
    }
    #[cfg(not(unix))]
    {
        if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, LINK_REFUSED));
        }
        options.open(path)
    }
}

/// Checks that no folder between `root` (excluded) and `dir` (included) is a symbolic
/// link, so that what is written under `dir` stays inside the store. `root` itself may
/// be a link (`--store` given through one).
pub fn check_inside(root: &Path, dir: &Path) -> io::Result<()> {
    let Ok(rest) = dir.strip_prefix(root) else {
        return Ok(());
    };
    let mut at = root.to_path_buf();
    for part in rest.components() {
        at.push(part);
        match fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!("{}: {LINK_REFUSED}", at.display()),
                ));
            }
            _ => {}
        }
    }
    Ok(())
}

/// Creates `dir` and its parents if missing.
pub fn ensure_dir(dir: &Path) -> io::Result<()> {
    match fs::create_dir_all(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

/// An I/O error with the path it concerns.
#[derive(Debug)]
pub struct PathError {
    pub path: PathBuf,
    pub source: io::Error,
}

fn at(path: &Path) -> impl FnOnce(io::Error) -> PathError + '_ {
    move |source| PathError {
        path: path.to_owned(),
        source,
    }
}

#[derive(Debug)]
struct Pending {
    temp: PathBuf,
    dest: PathBuf,
}

/// A file to write into a temporary file beside `dest`.
struct Job {
    dest: PathBuf,
    bytes: Vec<u8>,
    is_ref: bool,
}

/// What the writer thread wrote: temporary files for objects and refs.
#[derive(Debug, Default)]
struct Written {
    objects: Vec<Pending>,
    refs: Vec<Pending>,
}

/// The writer thread of one batch: file creation is kernel work that runs beside
/// extraction on another core.
struct Worker {
    jobs: std::sync::mpsc::SyncSender<Job>,
    handle: std::thread::JoinHandle<(Written, Option<PathError>)>,
}

/// Jobs queued ahead of the writer: bounds memory while keeping it busy.
const QUEUE: usize = 256;

impl Worker {
    fn spawn(root: PathBuf) -> Worker {
        let (jobs, rx) = std::sync::mpsc::sync_channel::<Job>(QUEUE);
        let handle = std::thread::spawn(move || {
            let mut written = Written::default();
            let mut dirs: HashSet<PathBuf> = HashSet::new();
            for job in rx {
                let dir = job.dest.parent().unwrap_or(Path::new(".")).to_owned();
                if !dirs.contains(&dir) {
                    // Checked before creating anything (a linked `versions/` must not
                    // get folders made outside the store) and after.
                    let made = check_inside(&root, &dir)
                        .and_then(|()| ensure_dir(&dir))
                        .and_then(|()| check_inside(&root, &dir));
                    if let Err(e) = made {
                        return (
                            written,
                            Some(PathError {
                                path: dir,
                                source: e,
                            }),
                        );
                    }
                    dirs.insert(dir.clone());
                }
                match write_temp(&dir, &job.bytes) {
                    Ok(temp) => {
                        let p = Pending {
                            temp,
                            dest: job.dest,
                        };
                        if job.is_ref {
                            written.refs.push(p);
                        } else {
                            written.objects.push(p);
                        }
                    }
                    Err(e) => {
                        return (
                            written,
                            Some(PathError {
                                path: dir,
                                source: e,
                            }),
                        );
                    }
                }
            }
            (written, None)
        });
        Worker { jobs, handle }
    }
}

/// Files staged for one atomic, durable commit. Staging hands the bytes to a writer
/// thread; `commit` waits for it, then syncs and renames.
pub struct Batch {
    /// Where to sync (any path on the store's file system).
    root: PathBuf,
    worker: Option<Worker>,
    /// Content-addressed files staged in this batch that may repeat (texts).
    staged: HashSet<PathBuf>,
    /// Files written by a writer thread that has finished (kept for cleaning up).
    written: Written,
    durable: bool,
}

impl std::fmt::Debug for Batch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Batch")
            .field("root", &self.root)
            .field("staged", &self.staged.len())
            .finish()
    }
}

impl Batch {
    /// `durable = false` skips the syncs (atomicity is kept; a power cut may lose the
    /// batch). Used only where the caller asked for it explicitly.
    pub fn new(root: &Path, durable: bool) -> Batch {
        Batch {
            root: root.to_owned(),
            worker: None,
            staged: HashSet::new(),
            written: Written::default(),
            durable,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.worker.is_none() && self.written.objects.is_empty() && self.written.refs.is_empty()
    }

    fn send(&mut self, job: Job) -> Result<(), PathError> {
        let root = &self.root;
        let worker = self
            .worker
            .get_or_insert_with(|| Worker::spawn(root.clone()));
        if worker.jobs.send(job).is_err() {
            // The writer stopped on an error: collect it.
            self.join()?;
        }
        Ok(())
    }

    /// Waits for the writer thread; its first error, if any.
    fn join(&mut self) -> Result<(), PathError> {
        let Some(worker) = self.worker.take() else {
            return Ok(());
        };
        drop(worker.jobs);
        let (written, error) = worker.handle.join().unwrap_or_else(|_| {
            (
                Written::default(),
                Some(PathError {
                    path: self.root.clone(),
                    source: io::Error::other("the writer thread panicked"),
                }),
            )
        });
        self.written.objects.extend(written.objects);
        self.written.refs.extend(written.refs);
        match error {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// Stages an immutable, content-addressed file. Skipped when it is already staged,
    /// and when `skip_existing` is set and it exists: the same name means the same
    /// content. (Replacing an existing record with the same bytes is harmless, and
    /// cheaper than asking whether it exists when it almost never does.)
    pub fn stage_object(
        &mut self,
        dest: PathBuf,
        bytes: Vec<u8>,
        skip_existing: bool,
    ) -> Result<(), PathError> {
        if skip_existing {
            if self.staged.contains(&dest) || dest.exists() {
                return Ok(());
            }
            self.staged.insert(dest.clone());
        }
        self.send(Job {
            dest,
            bytes,
            is_ref: false,
        })
    }

    /// Stages a ref (a small mutable file), replaced after every object is durable.
    pub fn stage_ref(&mut self, dest: PathBuf, bytes: Vec<u8>) -> Result<(), PathError> {
        self.send(Job {
            dest,
            bytes,
            is_ref: true,
        })
    }

    /// Makes everything staged visible and durable: sync, rename objects, sync, rename
    /// refs, sync. A crash at any point leaves either the old ref or the new one, and a
    /// new ref only once what it points at is on disk.
    pub fn commit(&mut self) -> Result<(), PathError> {
        if let Err(e) = self.join() {
            self.abandon();
            return Err(e);
        }
        if self.written.objects.is_empty() && self.written.refs.is_empty() {
            return Ok(());
        }
        let all: Vec<PathBuf> = self
            .written
            .objects
            .iter()
            .chain(&self.written.refs)
            .map(|p| p.temp.clone())
            .collect();
        self.sync(&all)?;
        // In staging order, so what a record refers to (its text) appears before it.
        let mut renamed = Vec::with_capacity(self.written.objects.len());
        let objects = std::mem::take(&mut self.written.objects);
        let mut objects = objects.into_iter();
        for p in objects.by_ref() {
            if let Err(e) = fs::rename(&p.temp, &p.dest) {
                let _ = fs::remove_file(&p.temp);
                for rest in objects.chain(std::mem::take(&mut self.written.refs)) {
                    let _ = fs::remove_file(&rest.temp);
                }
                return Err(at(&p.dest)(e));
            }
            renamed.push(p.dest);
        }
        self.sync_dirs(&renamed)?;
        let mut ref_dests = Vec::with_capacity(self.written.refs.len());
        // In staging order: a ref staged twice ends with the later one.
        let mut refs = std::mem::take(&mut self.written.refs).into_iter();
        for p in refs.by_ref() {
            if let Err(e) = fs::rename(&p.temp, &p.dest) {
                let _ = fs::remove_file(&p.temp);
                for rest in refs {
                    let _ = fs::remove_file(&rest.temp);
                }
                return Err(at(&p.dest)(e));
            }
            ref_dests.push(p.dest);
        }
        self.sync_dirs(&ref_dests)?;
        self.staged.clear();
        Ok(())
    }

    /// Removes staged temporary files (after an error, before commit).
    pub fn abandon(&mut self) {
        let _ = self.join();
        for p in self
            .written
            .objects
            .drain(..)
            .chain(self.written.refs.drain(..))
        {
            let _ = fs::remove_file(&p.temp);
        }
        self.staged.clear();
    }

    /// Makes the data of `files` durable.
    fn sync(&self, files: &[PathBuf]) -> Result<(), PathError> {
        if !self.durable {
            return Ok(());
        }
        if cfg!(target_os = "linux") {
            return sync_file_system(&self.root);
        }
        for f in files {
            File::open(f)
                .and_then(|file| file.sync_all())
                .map_err(at(f))?;
        }
        Ok(())
    }

    /// Makes the renames into the folders of `files` durable.
    fn sync_dirs(&self, files: &[PathBuf]) -> Result<(), PathError> {
        if !self.durable {
            return Ok(());
        }
        if cfg!(target_os = "linux") {
            return sync_file_system(&self.root);
        }
        let dirs: HashSet<&Path> = files.iter().filter_map(|f| f.parent()).collect();
        for d in dirs {
            sync_dir(d).map_err(at(d))?;
        }
        Ok(())
    }
}

impl Drop for Batch {
    fn drop(&mut self) {
        self.abandon();
    }
}

/// Writes one file atomically and durably on its own (temp, fsync, rename, fsync the
/// folder): for the few single files outside batches (`store.toml`, the cache).
pub fn write_atomic(dest: &Path, bytes: &[u8], durable: bool) -> Result<(), PathError> {
    let dir = dest.parent().unwrap_or(Path::new("."));
    ensure_dir(dir).map_err(at(dir))?;
    let temp = write_temp(dir, bytes).map_err(at(dir))?;
    let result = (|| {
        if durable {
            File::open(&temp)?.sync_all()?;
        }
        fs::rename(&temp, dest)?;
        if durable {
            sync_dir(dir)?;
        }
        Ok(())
    })();
    result.map_err(|e| {
        let _ = fs::remove_file(&temp);
        PathError {
            path: dest.to_owned(),
            source: e,
        }
    })
}

/// fsync of a folder, which makes the renames into it durable (a no-op where folders
/// cannot be opened, as on Windows).
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// One `syncfs(2)` of the file system holding `path`: everything written to it so far is
/// durable afterwards, at the cost of one flush.
#[cfg(target_os = "linux")]
fn sync_file_system(path: &Path) -> Result<(), PathError> {
    use std::os::fd::AsRawFd;
    let dir = File::open(path).map_err(at(path))?;
    // SAFETY: `syncfs` only reads the descriptor, which `dir` keeps open for the call.
    let rc = unsafe { libc::syncfs(dir.as_raw_fd()) };
    if rc != 0 {
        return Err(PathError {
            path: path.to_owned(),
            source: io::Error::last_os_error(),
        });
    }
    Ok(())
}

#[cfg(not(target_os = "linux"))]
fn sync_file_system(_path: &Path) -> Result<(), PathError> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_moves_objects_then_refs() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let mut batch = Batch::new(root, true);
        batch
            .stage_object(root.join("objects/ab/cd"), b"object".to_vec(), true)
            .unwrap();
        batch
            .stage_ref(root.join("refs/x"), b"ref\n".to_vec())
            .unwrap();
        // Staged but not visible yet.
        batch.join().unwrap();
        assert!(!root.join("objects/ab/cd").exists());
        assert!(!root.join("refs/x").exists());
        batch.commit().unwrap();
        assert_eq!(fs::read(root.join("objects/ab/cd")).unwrap(), b"object");
        assert_eq!(fs::read(root.join("refs/x")).unwrap(), b"ref\n");
        let leftovers: Vec<_> = fs::read_dir(root.join("objects/ab"))
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .starts_with(TEMP_PREFIX)
            })
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn dropping_an_uncommitted_batch_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        {
            let mut batch = Batch::new(root, false);
            batch
                .stage_object(root.join("o/x"), b"1".to_vec(), true)
                .unwrap();
            batch.join().unwrap();
            assert_eq!(fs::read_dir(root.join("o")).unwrap().count(), 1);
        }
        assert_eq!(fs::read_dir(root.join("o")).unwrap().count(), 0);
    }

    #[cfg(unix)]
    #[test]
    fn store_reads_refuse_links_devices_folders_and_oversized_files() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("f");
        fs::write(&file, b"12345").unwrap();
        assert_eq!(read_store_file(&file, 5).unwrap(), b"12345");
        let err = read_store_file(&file, 4).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::FileTooLarge);
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&file, &link).unwrap();
        let err = read_store_file(&link, 100).unwrap_err();
        assert!(err.to_string().contains("symbolic link"), "{err}");
        std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero")).unwrap();
        assert!(read_store_file(&dir.path().join("zero"), u64::MAX).is_err());
        // An endless device reached directly (no link) is not a regular file.
        let err = read_store_file(Path::new("/dev/zero"), u64::MAX).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
        assert!(read_store_file(dir.path(), u64::MAX).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn nothing_is_written_into_a_linked_folder() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("store");
        let outside = dir.path().join("outside");
        fs::create_dir_all(&root).unwrap();
        fs::create_dir_all(&outside).unwrap();
        std::os::unix::fs::symlink(&outside, root.join("versions")).unwrap();
        let mut batch = Batch::new(&root, false);
        let staged = batch
            .stage_object(root.join("versions/ab/cd.toml"), b"x".to_vec(), false)
            .and_then(|()| batch.commit());
        let err = staged.unwrap_err();
        assert!(err.source.to_string().contains("symbolic link"), "{err:?}");
        assert_eq!(
            fs::read_dir(&outside).unwrap().count(),
            0,
            "nothing made outside"
        );
        assert!(check_inside(&root, &root.join("refs")).is_ok());
    }

    #[test]
    fn write_atomic_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("f");
        write_atomic(&f, b"one", true).unwrap();
        write_atomic(&f, b"two", true).unwrap();
        assert_eq!(fs::read(&f).unwrap(), b"two");
    }
}
