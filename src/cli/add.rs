//! `claims add`: log articles' claims into the store.

use super::GlobalArgs;
use super::error::CliError;
use super::output::{ellipsize, new_table};
use super::store_view::{
    Format, JsonWriter, open_store, parse_date, stderr_is_terminal, wait_message,
};
use chrono::{DateTime, TimeZone, Utc};
use claims::input::{DecodeOptions, Document, JsonlReader, Metadata};
use claims::store::{AddOptions, ArticleName, Logged, Logger, Status, StoreError};
use serde::Serialize;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Adding the same text again changes nothing (and says so); a changed text or new metadata
makes a new version whose parent is the previous one. History is never rewritten.
Articles are named by --article, else the front matter or JSONL `id`, else the file name,
as lower-case slugs (bbc/business/001.txt -> bbc-business-001); two inputs of one run
that map to one name are refused. SOURCE_DATE_EPOCH fixes the logged-at time.
With --input-format jsonl, --id-field, --text-field, --title-field, --outlet-field,
--url-field and --date-field name the fields a corpus uses; fields not mapped are kept as
extra metadata.

EXAMPLES:
    claims add story.md --outlet \"The Times\" --published 2024-10-25
    claims add --input-format jsonl articles.jsonl
    claims add --input-format jsonl --id-field event_id,outlet --date-field date basil.jsonl
    claims add --format jsonl drafts/*.md           # one JSON line per article")]
pub struct Args {
    /// Articles to log: text or Markdown with optional TOML front matter (`+++` lines:
    /// title, outlet, url, published, id); `-` reads standard input.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// How the input is laid out: one article a file, or JSON Lines of
    /// `{"id": ..., "text": ..., "title": ..., "outlet": ...}` records.
    #[arg(long, value_enum, default_value_t = InputFormat::Text)]
    pub input_format: InputFormat,
    #[command(flatten)]
    pub fields: super::fields::FieldArgs,
    /// The article's name in the store [default: front matter or JSONL `id`, else the
    /// file name, made into a slug]. Lower-case letters, digits, `-`, `_`, `.`.
    #[arg(long, value_name = "NAME")]
    pub article: Option<String>,
    /// The article's title (wins over front matter).
    #[arg(long)]
    pub title: Option<String>,
    /// The outlet that published it (wins over front matter).
    #[arg(long)]
    pub outlet: Option<String>,
    /// Where it was published (wins over front matter).
    #[arg(long)]
    pub url: Option<String>,
    /// When it was published: YYYY-MM-DD or RFC 3339 (wins over front matter).
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
    /// Replace invalid UTF-8 with U+FFFD instead of refusing the file.
    #[arg(long)]
    pub lossy: bool,
    /// How to print the summary [default: table].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Seconds to wait for another writer to finish before giving up.
    #[arg(long, value_name = "SECS", default_value_t = 60)]
    pub lock_timeout: u64,
    /// Articles per atomic commit (each commit costs three file system syncs). For
    /// crash tests, which need many commits to interrupt.
    #[arg(long, hide = true, default_value_t = 4096)]
    pub batch_size: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    Text,
    Jsonl,
}

/// Above this many articles the summary table shows totals instead of one row each.
const ROWS_SHOWN: usize = 30;

pub fn run(global: &GlobalArgs, args: Args) -> Result<ExitCode, CliError> {
    // Flags that name or describe one article cannot apply to several.
    if args.files.len() > 1 {
        for (flag, given) in [
            ("--article", args.article.is_some()),
            ("--title", args.title.is_some()),
            ("--url", args.url.is_some()),
        ] {
            if given {
                return Err(StoreError::OneArticleOnly { flag }.into());
            }
        }
    }
    args.fields
        .field_map(args.input_format == InputFormat::Jsonl)?;
    let several = args.files.len() > 1 || args.input_format == InputFormat::Jsonl;
    if let Some(p) = &args.published {
        parse_date(p)?;
    }
    let explicit_name = match &args.article {
        Some(given) => {
            Some(
                ArticleName::parse(given).map_err(|problem| StoreError::InvalidName {
                    given: given.clone(),
                    problem,
                })?,
            )
        }
        None => None,
    };
    let flags_meta = Metadata {
        title: args.title.clone(),
        outlet: args.outlet.clone(),
        url: args.url.clone(),
        published: args.published.clone(),
        extra: Default::default(),
    };
    let store = open_store(global)?;
    let timeout = Duration::from_secs(args.lock_timeout);
    let options = AddOptions {
        lock_timeout: timeout,
        logged_at: logged_at()?,
        batch_size: args.batch_size,
        ..AddOptions::default()
    };
    let mut logger = Logger::start(&store, options, &mut wait_message(&store, timeout))?;
    let mut progress = Progress::new(several && stderr_is_terminal());
    let mut session = Session {
        explicit_name,
        flags_meta,
        count: 0,
    };
    let outcome = feed(&args, &mut logger, &mut session, &mut progress);
    progress.done();
    // Whatever was logged before an error stays logged: commit it, then report both.
    let logged = match (outcome, logger.finish()) {
        (Ok(()), Ok(logged)) => logged,
        (Err(e), Ok(logged)) => {
            print_summary(&args, &logged)?;
            return Err(e);
        }
        (_, Err(e)) => return Err(e.into()),
    };
    print_summary(&args, &logged)?;
    Ok(ExitCode::SUCCESS)
}

struct Session {
    explicit_name: Option<ArticleName>,
    flags_meta: Metadata,
    count: usize,
}

impl Session {
    fn log(&mut self, logger: &mut Logger, mut doc: Document, path: &Path) -> Result<(), CliError> {
        self.count += 1;
        if self.count > 1 && self.explicit_name.is_some() {
            return Err(StoreError::OneArticleOnly { flag: "--article" }.into());
        }
        if self.count > 1 && (self.flags_meta.title.is_some() || self.flags_meta.url.is_some()) {
            let flag = if self.flags_meta.title.is_some() {
                "--title"
            } else {
                "--url"
            };
            return Err(StoreError::OneArticleOnly { flag }.into());
        }
        let name = match (&self.explicit_name, &doc.id) {
            (Some(name), _) => name.clone(),
            (None, Some(id)) => ArticleName::slug(id),
            (None, None) if path.as_os_str() == "-" => {
                return Err(StoreError::NeedsName {
                    origin: doc.origin.clone(),
                }
                .into());
            }
            (None, None) => {
                let stem = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                ArticleName::slug(&stem)
            }
        };
        doc.meta = self.flags_meta.clone().or(std::mem::take(&mut doc.meta));
        logger.log(name, &doc)?;
        Ok(())
    }
}

fn feed(
    args: &Args,
    logger: &mut Logger,
    session: &mut Session,
    progress: &mut Progress,
) -> Result<(), CliError> {
    let options = DecodeOptions { lossy: args.lossy };
    let fields = args
        .fields
        .field_map(args.input_format == InputFormat::Jsonl)?;
    for path in &args.files {
        match args.input_format {
            InputFormat::Text => {
                let doc = Document::read(path, options)?;
                session.log(logger, doc, path)?;
                progress.tick(session.count);
            }
            InputFormat::Jsonl => {
                let origin = path.display().to_string();
                let reader = super::lines::open(path)?;
                for doc in JsonlReader::with_fields(reader, origin, fields.clone()) {
                    session.log(logger, doc?, path)?;
                    progress.tick(session.count);
                }
            }
        }
    }
    Ok(())
}

/// `logged_at`: now, or `SOURCE_DATE_EPOCH` (seconds) for reproducible stores.
pub(super) fn logged_at() -> Result<DateTime<Utc>, CliError> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) if !v.is_empty() => {
            let Ok(secs) = v.trim().parse::<i64>() else {
                return Err(CliError::new(format!(
                    "SOURCE_DATE_EPOCH={v:?} is not a number of seconds"
                ))
                .with_hint("unset it, or set it to seconds since 1970 (date +%s)"));
            };
            match Utc.timestamp_opt(secs, 0).single() {
                Some(t) if claims::store::time_in_range(&t) => Ok(t),
                _ => Err(CliError::new(format!(
                    "SOURCE_DATE_EPOCH={v:?} is outside the dates the store holds (0000-01-01T00:00:00Z to 9999-12-31T23:59:59Z, {} to {} seconds); nothing was logged",
                    claims::store::EARLIEST_TIME,
                    claims::store::LATEST_TIME
                ))
                .with_hint("unset it, or set it to seconds since 1970 (date +%s)")),
            }
        }
        _ => Ok(Utc::now()),
    }
}

/// A one-line counter on stderr, only on a terminal.
struct Progress {
    enabled: bool,
    start: Instant,
    last: Instant,
    shown: bool,
}

impl Progress {
    fn new(enabled: bool) -> Progress {
        let now = Instant::now();
        Progress {
            enabled,
            start: now,
            last: now,
            shown: false,
        }
    }

    fn tick(&mut self, count: usize) {
        if !self.enabled || self.last.elapsed() < Duration::from_millis(100) {
            return;
        }
        self.last = Instant::now();
        let rate = count as f64 / self.start.elapsed().as_secs_f64().max(1e-3);
        eprint!("\rlogging: {count} articles ({rate:.0}/s)\x1b[K");
        self.shown = true;
    }

    fn done(&mut self) {
        if self.shown {
            eprint!("\r\x1b[K");
        }
    }
}

#[derive(Serialize)]
struct LoggedOut<'a> {
    article: &'a str,
    origin: &'a str,
    status: Status,
    version: String,
    parent: Option<String>,
    text_changed: bool,
    claims: usize,
    sourced: usize,
}

fn print_summary(args: &Args, logged: &[Logged]) -> Result<(), CliError> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match args.format.unwrap_or(Format::Table) {
        Format::Table => table(&mut out, logged)?,
        format => {
            let mut w = JsonWriter::new(&mut out, format)?;
            for l in logged {
                w.write(&LoggedOut {
                    article: l.article.as_str(),
                    origin: &l.origin,
                    status: l.status,
                    version: l.version.to_hex(),
                    parent: l.parent.map(|p| p.to_hex()),
                    text_changed: l.text_changed,
                    claims: l.claims,
                    sourced: l.sourced,
                })?;
            }
            w.finish()?;
        }
    }
    out.flush()?;
    Ok(())
}

fn table(out: &mut impl Write, logged: &[Logged]) -> io::Result<()> {
    let count = |s: Status| logged.iter().filter(|l| l.status == s).count();
    let (new, updated, unchanged) = (
        count(Status::New),
        count(Status::Updated),
        count(Status::Unchanged),
    );
    let claims: usize = logged
        .iter()
        .filter(|l| l.status != Status::Unchanged)
        .map(|l| l.claims)
        .sum();
    if logged.is_empty() {
        return writeln!(out, "nothing logged");
    }
    if logged.len() <= ROWS_SHOWN {
        let mut t = new_table(["article", "status", "version", "claims", "sourced", "from"]);
        for l in logged {
            let status = match (l.status, l.text_changed) {
                (Status::Unchanged, _) => "unchanged (same text)".to_owned(),
                (Status::Updated, false) => "updated (metadata)".to_owned(),
                (s, _) => s.as_str().to_owned(),
            };
            t.add_row([
                l.article.as_str().to_owned(),
                status,
                l.version.short(12),
                l.claims.to_string(),
                l.sourced.to_string(),
                ellipsize(&l.origin, 40),
            ]);
        }
        writeln!(out, "{t}")?;
    } else {
        let mut t = new_table(["status", "articles", "claims"]);
        for s in [Status::New, Status::Updated, Status::Unchanged] {
            let rows: Vec<_> = logged.iter().filter(|l| l.status == s).collect();
            t.add_row([
                s.as_str().to_owned(),
                rows.len().to_string(),
                rows.iter().map(|l| l.claims).sum::<usize>().to_string(),
            ]);
        }
        writeln!(out, "{t}")?;
        writeln!(out, "(one row per article with --format jsonl)")?;
    }
    if new + updated == 0 {
        writeln!(
            out,
            "nothing changed: {unchanged} {} already stored with the same text",
            if unchanged == 1 {
                "article is"
            } else {
                "articles are"
            }
        )
    } else {
        writeln!(
            out,
            "logged: {new} new, {updated} updated, {unchanged} unchanged ({claims} claims recorded)"
        )
    }
}
