//! The writers' lock: an OS file lock on `claims/lock` (std `File::lock`), which the
//! kernel releases when the holder exits or is killed, so a dead writer never blocks the
//! next one. The holder writes its process id into the file while it holds the lock and
//! empties it on release: a lock file that still names a process while nobody holds the
//! lock is what a killed writer leaves (harmless; `verify` mentions it).

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The lock file's name in the store folder (ignored by git).
pub const LOCK_FILE: &str = "lock";

/// How often a waiting writer tries the lock again.
const POLL: Duration = Duration::from_millis(25);

/// Held while writing; dropping it releases the lock.
#[derive(Debug)]
pub struct WriteLock {
    file: File,
}

/// Why the lock could not be taken.
#[derive(Debug)]
pub enum LockError {
    Io(PathBuf, io::Error),
    /// Another process held it for the whole timeout.
    Timeout {
        path: PathBuf,
        waited: Duration,
        holder: Option<u32>,
    },
}

/// Opens (or creates) the lock file. A symbolic link is refused: the holder truncates
/// the file and writes its process id into it, which must never reach a file outside the
/// store through a link planted in a shared checkout.
fn open_lock_file(path: &Path) -> io::Result<File> {
    let file = super::fsio::open_no_follow(path, true)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the lock is not a regular file",
        ));
    }
    Ok(file)
}

/// The process id written in a lock file, if any.
pub fn holder_pid(file: &mut File) -> Option<u32> {
    let mut text = String::new();
    file.seek(SeekFrom::Start(0)).ok()?;
    file.read_to_string(&mut text).ok()?;
    text.trim().parse().ok()
}

/// Takes the lock on `store/lock`, waiting up to `timeout`. `on_wait` is called once,
/// with the holder's process id if known, when the lock is busy.
pub fn acquire(
    store: &Path,
    timeout: Duration,
    on_wait: &mut dyn FnMut(Option<u32>),
) -> Result<WriteLock, LockError> {
    let path = store.join(LOCK_FILE);
    let mut file = open_lock_file(&path).map_err(|e| LockError::Io(path.clone(), e))?;
    let start = Instant::now();
    let mut told = false;
    loop {
        match file.try_lock() {
            Ok(()) => break,
            Err(std::fs::TryLockError::WouldBlock) => {
                let holder = holder_pid(&mut file);
                if !told {
                    on_wait(holder);
                    told = true;
                }
                if start.elapsed() >= timeout {
                    return Err(LockError::Timeout {
                        path,
                        waited: start.elapsed(),
                        holder,
                    });
                }
                std::thread::sleep(POLL);
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(LockError::Io(path, e)),
        }
    }
    // Best effort: the pid is for people reading the file, the lock is the kernel's.
    let _ = file
        .set_len(0)
        .and_then(|()| file.seek(SeekFrom::Start(0)))
        .and_then(|_| writeln!(file, "{}", std::process::id()));
    Ok(WriteLock { file })
}

impl Drop for WriteLock {
    fn drop(&mut self) {
        let _ = self.file.set_len(0);
        let _ = self.file.unlock();
    }
}

/// What the lock file says about past writers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockState {
    /// No lock file, or an empty one that nobody holds.
    Free,
    /// Nobody holds the lock but the file names a process: a writer died holding it.
    Stale { pid: Option<u32> },
    /// Another process holds it now.
    Held { pid: Option<u32> },
}

/// Looks at the lock without waiting for it. Where the lock file cannot be opened for
/// writing (a read-only checkout), reports it as free.
pub fn inspect(store: &Path) -> LockState {
    let path = store.join(LOCK_FILE);
    if !path.exists() {
        return LockState::Free;
    }
    let Ok(mut file) = super::fsio::open_no_follow(&path, false) else {
        return LockState::Free;
    };
    if !file.metadata().is_ok_and(|m| m.is_file()) {
        return LockState::Free;
    }
    let pid = holder_pid(&mut file);
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    match file.try_lock() {
        Ok(()) => {
            let _ = file.unlock();
            if len > 0 {
                LockState::Stale { pid }
            } else {
                LockState::Free
            }
        }
        Err(_) => LockState::Held { pid },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_writer_times_out_then_gets_it() {
        let dir = tempfile::tempdir().unwrap();
        let held = acquire(dir.path(), Duration::ZERO, &mut |_| {}).unwrap();
        let mut waited_for = None;
        let err = acquire(dir.path(), Duration::from_millis(60), &mut |pid| {
            waited_for = Some(pid)
        })
        .unwrap_err();
        assert!(matches!(err, LockError::Timeout { .. }));
        assert_eq!(waited_for, Some(Some(std::process::id())));
        assert_eq!(
            inspect(dir.path()),
            LockState::Held {
                pid: Some(std::process::id())
            }
        );
        drop(held);
        assert_eq!(inspect(dir.path()), LockState::Free);
        acquire(dir.path(), Duration::ZERO, &mut |_| {}).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_lock_file_is_refused_and_its_target_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("precious");
        std::fs::write(&victim, "keep me\n").unwrap();
        let store = dir.path().join("store");
        std::fs::create_dir(&store).unwrap();
        std::os::unix::fs::symlink(&victim, store.join(LOCK_FILE)).unwrap();
        let err = acquire(&store, Duration::ZERO, &mut |_| {}).unwrap_err();
        assert!(matches!(err, LockError::Io(..)), "{err:?}");
        assert_eq!(inspect(&store), LockState::Free);
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me\n");
    }

    #[test]
    fn a_pid_left_behind_is_stale() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(LOCK_FILE), "999999\n").unwrap();
        assert_eq!(inspect(dir.path()), LockState::Stale { pid: Some(999999) });
    }
}
