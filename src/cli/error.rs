//! The one place where library errors become what a person reads: a message, a hint that
//! says what to do, and an exit code (0 success, 1 audit findings, 2 usage, input or
//! store errors).

use claims::Error;
use claims::input::InputError;
use claims::store::StoreError;
use std::io::{self, Write};
use std::process::ExitCode;

/// Exit code for usage, input, config and store errors.
pub const EXIT_ERROR: u8 = 2;

/// An error on its way to the user.
#[derive(Debug)]
pub struct CliError {
    pub message: String,
    pub hint: Option<String>,
    pub code: u8,
    /// Output stopped because the reader went away (`claims list | head`): exit quietly.
    pub broken_pipe: bool,
}

impl CliError {
    pub fn new(message: impl Into<String>) -> CliError {
        CliError {
            message: message.into(),
            hint: None,
            code: EXIT_ERROR,
            broken_pipe: false,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> CliError {
        self.hint = Some(hint.into());
        self
    }

    /// Prints the message and hint to stderr and returns the exit code.
    pub fn report(&self) -> ExitCode {
        if self.broken_pipe {
            return ExitCode::SUCCESS;
        }
        let mut stderr = io::stderr().lock();
        let _ = writeln!(stderr, "error: {}", self.message);
        if let Some(hint) = &self.hint {
            let _ = writeln!(stderr, "hint: {hint}");
        }
        ExitCode::from(self.code)
    }
}

impl From<io::Error> for CliError {
    fn from(err: io::Error) -> CliError {
        let mut out = CliError::new(format!("cannot write output: {err}"));
        out.broken_pipe = is_broken_pipe(&err);
        out
    }
}

/// Whether writing failed because the reader went away, also when the JSON writer
/// wrapped that error in its own.
fn is_broken_pipe(err: &io::Error) -> bool {
    err.kind() == io::ErrorKind::BrokenPipe
        || err
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<serde_json::Error>())
            .and_then(serde_json::Error::io_error_kind)
            == Some(io::ErrorKind::BrokenPipe)
}

impl From<InputError> for CliError {
    fn from(err: InputError) -> CliError {
        let hint = match &err {
            InputError::Io { .. } => "check that the file exists and is readable",
            InputError::NotUtf8 { .. } => {
                "convert the file to UTF-8 (iconv -f WINDOWS-1252 -t UTF-8), or pass --lossy to replace invalid bytes"
            }
            InputError::Binary { .. } => "claims reads plain text or Markdown articles",
            InputError::FrontMatter { .. } => {
                "front matter is TOML between two `+++` lines: title, outlet, url, published"
            }
            InputError::Jsonl { .. } => {
                "each line must be a JSON object with an id and a text field (\"id\" and \"text\" unless --id-field and --text-field name others)"
            }
            InputError::TooLarge { .. } => {
                "split the file into articles; one article is at most 64 MiB"
            }
            InputError::LineTooLong { .. } => "split the record, or check the input is JSON Lines",
        };
        CliError::new(err.to_string()).with_hint(hint)
    }
}

impl From<StoreError> for CliError {
    fn from(err: StoreError) -> CliError {
        let hint = store_hint(&err);
        CliError::new(err.to_string()).with_hint(hint)
    }
}

/// What to do about a store error.
fn store_hint(err: &StoreError) -> String {
    match err {
        StoreError::NotFound { .. } => {
            "run `claims init` to create a store, or point --store (or CLAIMS_STORE) at one".into()
        }
        StoreError::NotAStore { path } => format!(
            "create one with `claims init --store {}`, or check the --store / CLAIMS_STORE path",
            path.display()
        ),
        StoreError::HalfMade { path } => format!(
            "`claims init --store {}` completes it (it keeps what is there and writes the rest)",
            path.display()
        ),
        StoreError::InitNotEmpty { .. } => {
            "choose an empty or new folder for the store with --store DIR".into()
        }
        StoreError::NewerFormat { .. } => {
            "upgrade claims to a release that reads this format (the store is left untouched)"
                .into()
        }
        StoreError::BadConfig { .. } => {
            "store.toml must hold `format = 1`; restore it from git (`git checkout -- claims/store.toml`)".into()
        }
        StoreError::Io { source, .. } => match source.kind() {
            io::ErrorKind::StorageFull | io::ErrorKind::FileTooLarge | io::ErrorKind::QuotaExceeded => {
                "the disk is full or a file size limit (ulimit -f) was reached: free space and run the same command again; what was logged before is kept (`claims verify` checks it)".into()
            }
            io::ErrorKind::InvalidInput => {
                "claims never follows links (nor reads devices) inside the store: replace the path named with the plain file or folder, e.g. from git; `claims verify` lists every such path".into()
            }
            io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
                "the store is not writable here: check the folder's permissions (reading commands still work)".into()
            }
            _ => "check the path's permissions and free disk space".into(),
        },
        StoreError::Corrupt { .. } => {
            "run `claims verify` to list every damaged file, then restore them from git or another clone".into()
        }
        StoreError::InvalidName { given, .. } => {
            let slug = claims::store::ArticleName::slug(given);
            format!(
                "article names use lower-case letters, digits, `-`, `_` and `.`; try --article {slug}"
            )
        }
        StoreError::NameCollision { .. } => {
            "give the inputs different ids (front matter `id`, JSONL `id`) or add them one at a time with --article NAME; articles before this one were logged".into()
        }
        StoreError::EmptyArticle { .. } => {
            "check the file (an interrupted download or a wrong path?); anything logged before it stays logged".into()
        }
        StoreError::NeedsName { .. } => {
            "name the article with --article NAME, or an `id` in its front matter".into()
        }
        StoreError::OneArticleOnly { .. } => {
            "add one article at a time with this flag, or put it in each file's front matter".into()
        }
        StoreError::UnknownArticle { .. } => "`claims list` and `claims sources` show what is stored; article names are lower case".into(),
        StoreError::BadPrefix { .. } => {
            "give at least 4 hex digits of an id from `claims list`".into()
        }
        StoreError::UnknownId { .. } => "`claims list --format jsonl` prints every claim id".into(),
        StoreError::AmbiguousId { candidates, .. } => format!(
            "give more digits; candidates: {}",
            candidates.join(", ")
        ),
        StoreError::UnknownVersion { article, .. } => {
            format!("`claims history {article}` lists its versions")
        }
        StoreError::AmbiguousVersion { candidates, .. } => format!(
            "give more digits; candidates: {}",
            candidates.join(", ")
        ),
        StoreError::LockTimeout { .. } => {
            "wait for the other `claims add` to finish, or raise --lock-timeout (a killed writer releases the lock by itself)".into()
        }
        StoreError::Sources { path, .. } => format!(
            "fix {} by hand: a list of [[source]] tables with name, kind, role, aliases",
            path.display()
        ),
        StoreError::BadDate { .. } => {
            "dates are YYYY-MM-DD or RFC 3339 (2024-10-25T09:30:00Z)".into()
        }
        StoreError::TimeOutOfRange { .. } => {
            "log with the current time, or a SOURCE_DATE_EPOCH between -62167219200 and 253402300799".into()
        }
        StoreError::Damaged { .. } => {
            "restore the files named above from git (`git checkout -- <file>`, or `git restore`) or copy them from another clone of the store; then run `claims verify` again. With no copy anywhere, deleting the damaged article's ref (claims/refs/NAME) drops its history so that it can be added again".into()
        }
        StoreError::RecordTooLarge { .. } => {
            "split the article into smaller ones (a record this large could not be read back); articles before it were logged".into()
        }
    }
}

impl From<Error> for CliError {
    fn from(err: Error) -> CliError {
        match err {
            Error::Input(e) => e.into(),
            Error::Store(e) => e.into(),
        }
    }
}
