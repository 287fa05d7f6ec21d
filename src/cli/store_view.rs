//! What the store commands share: finding the store, output formats, dates, and the JSON
//! shape of a claim occurrence (`list`, `show`, `diff`, `export`).

use super::GlobalArgs;
use super::error::CliError;
use super::output;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use claims::hash::Id;
use claims::span::Span;
use claims::store::{Index, Resolver, Row, Store, StoreError, VersionEntry};
use serde::Serialize;
use std::io::{self, IsTerminal, Write};
use std::time::Duration;

/// Output format of the store's read commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A readable table.
    Table,
    /// One JSON document.
    Json,
    /// One JSON object per line.
    Jsonl,
}

/// The format asked for, or a table on a terminal and JSON Lines otherwise.
pub fn format_or_default(format: Option<Format>) -> Format {
    format.unwrap_or(if output::stdout_is_terminal() {
        Format::Table
    } else {
        Format::Jsonl
    })
}

/// The store named by --store / CLAIMS_STORE, or found above the working directory.
pub fn open_store(global: &GlobalArgs) -> Result<Store, CliError> {
    Ok(Store::locate(global.store.as_deref())?)
}

/// The store's index, with a warning on stderr for each article that reading it left out
/// (or whose older versions it left out) because a file is damaged: one damaged article
/// never stops a command that reads the whole store.
pub fn load_index(store: &Store) -> Result<Index, CliError> {
    let index = store.index()?;
    warn_damage(&index);
    Ok(index)
}

/// The warnings of [`load_index`].
pub fn warn_damage(index: &Index) {
    let mut stderr = io::stderr().lock();
    for d in &index.damage {
        let what = if d.skipped {
            "left out"
        } else {
            "shown without its older versions"
        };
        let _ = writeln!(
            stderr,
            "warning: article {:?} {what}: {}: {}; run `claims verify` to list every damaged file",
            output::sanitize_line(&d.article),
            d.path.display(),
            output::sanitize_line(&d.message)
        );
    }
}

/// Says on stderr that another writer holds the lock (once).
pub fn wait_message(store: &Store, timeout: Duration) -> impl FnMut(Option<u32>) + '_ {
    move |holder| {
        let who = holder.map_or("another claims process".to_owned(), |p| {
            format!("claims process {p}")
        });
        eprintln!(
            "waiting for {who} to finish writing to {} (giving up after {} s; see --lock-timeout)",
            store.root().display(),
            timeout.as_secs()
        );
    }
}

/// A date from the command line: `YYYY-MM-DD` (midnight UTC) or RFC 3339.
pub fn parse_date(value: &str) -> Result<DateTime<Utc>, StoreError> {
    if let Ok(t) = DateTime::parse_from_rfc3339(value) {
        return Ok(t.with_timezone(&Utc));
    }
    let date = NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| StoreError::BadDate {
        value: value.to_owned(),
        why: "expected YYYY-MM-DD or an RFC 3339 date-time",
    })?;
    Ok(Utc.from_utc_datetime(&date.and_hms_opt(0, 0, 0).unwrap_or_default()))
}

/// A stored `published` value as a date, when it reads as one (leniently: the first ten
/// characters as `YYYY-MM-DD`).
pub fn published_date(value: &str) -> Option<DateTime<Utc>> {
    parse_date(value)
        .ok()
        .or_else(|| value.get(..10).and_then(|d| parse_date(d).ok()))
}

pub fn time_text(secs: i64) -> String {
    Utc.timestamp_opt(secs, 0)
        .single()
        .map(|t| claims::store::format_time(&t))
        .unwrap_or_default()
}

#[derive(Serialize)]
pub struct SourceOut<'a> {
    /// The canonical name (after `sources.toml` and aliases learned across articles).
    pub name: &'a str,
    /// The name as extraction found it in this article.
    pub as_extracted: &'a str,
    pub kind: &'static str,
    pub role: Option<&'a str>,
    pub span: Option<Span>,
}

impl<'a> SourceOut<'a> {
    /// The source of a stored occurrence, its name resolved to the canonical one.
    pub fn of(index: &'a Index, resolver: &'a Resolver, row: &'a Row) -> Option<SourceOut<'a>> {
        row.source_kind.map(|kind| {
            let raw = index.str(row.source_name);
            SourceOut {
                name: resolver.resolve(raw),
                as_extracted: raw,
                kind: kind.as_str(),
                role: index.opt_str(row.source_role),
                span: row.source_span,
            }
        })
    }
}

#[derive(Serialize)]
pub struct CueOut<'a> {
    pub text: &'a str,
    pub span: Option<Span>,
}

/// One claim occurrence, as `list`, `show` and `export` print it.
#[derive(Serialize)]
pub struct OccurrenceOut<'a> {
    pub id: Id,
    pub text: &'a str,
    pub article: &'a str,
    pub version: Id,
    /// Whether the version is its article's newest.
    pub current: bool,
    pub source: Option<SourceOut<'a>>,
    pub cue: Option<CueOut<'a>>,
    pub quote: &'static str,
    pub span: Span,
    pub sentence: u32,
    pub title: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub published: Option<&'a str>,
    pub url: Option<&'a str>,
    pub logged_at: String,
}

impl<'a> OccurrenceOut<'a> {
    pub fn new(index: &'a Index, resolver: &'a Resolver, v: &VersionEntry, row: &'a Row) -> Self {
        OccurrenceOut {
            id: row.claim,
            text: index.str(row.text),
            article: index.str(v.article),
            version: v.id,
            current: v.head,
            source: SourceOut::of(index, resolver, row),
            cue: index.opt_str(row.cue_text).map(|text| CueOut {
                text,
                span: row.cue_span,
            }),
            quote: row.quote.as_str(),
            span: row.span,
            sentence: row.sentence,
            title: index.opt_str(v.title),
            outlet: index.opt_str(v.outlet),
            published: index.opt_str(v.published),
            url: index.opt_str(v.url),
            logged_at: time_text(v.logged_at),
        }
    }

    /// "Name (role)" or "unsourced".
    pub fn source_label(&self) -> String {
        match &self.source {
            Some(s) => match s.role {
                Some(role) if !role.is_empty() => {
                    format!("{} ({})", s.name, output::ellipsize(role, 40))
                }
                _ => s.name.to_owned(),
            },
            None => "unsourced".to_owned(),
        }
    }
}

/// Writes values as a JSON array (pretty) or JSON Lines.
pub struct JsonWriter<W: Write> {
    out: W,
    lines: bool,
    first: bool,
}

impl<W: Write> JsonWriter<W> {
    pub fn new(out: W, format: Format) -> io::Result<Self> {
        let mut w = JsonWriter {
            out,
            lines: format == Format::Jsonl,
            first: true,
        };
        if !w.lines {
            w.out.write_all(b"[")?;
        }
        Ok(w)
    }

    pub fn write<T: Serialize>(&mut self, value: &T) -> io::Result<()> {
        if self.lines {
            output::write_json_line(&mut self.out, value)?;
        } else {
            self.out
                .write_all(if self.first { b"\n" } else { b",\n" })?;
            output::write_json_pretty(&mut self.out, value)?;
        }
        self.first = false;
        Ok(())
    }

    pub fn finish(mut self) -> io::Result<W> {
        if !self.lines {
            self.out
                .write_all(if self.first { b"]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

/// Whether progress can be shown (stderr is a terminal).
pub fn stderr_is_terminal() -> bool {
    io::stderr().is_terminal()
}

/// The article named on the command line, as stored (lower case).
pub fn article_arg(given: &str) -> Result<claims::store::ArticleName, StoreError> {
    claims::store::ArticleName::parse(given).map_err(|problem| StoreError::InvalidName {
        given: given.to_owned(),
        problem,
    })
}
