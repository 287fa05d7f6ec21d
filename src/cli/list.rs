//! `claims list`: stored claims, filtered by article, source, outlet, status or date.

use super::GlobalArgs;
use super::error::CliError;
use super::lookup::{self, Sources};
use super::output::{ellipsize, new_table};
use super::rate::RatingOut;
use super::store_view::{
    Format, JsonWriter, OccurrenceOut, article_arg, format_or_default, open_store, parse_date,
    published_date,
};
use chrono::{DateTime, Utc};
use claims::store::{Index, Resolver, Row, VersionEntry, key};
use serde::Serialize;
use std::collections::BTreeSet;
use std::io::{self, Write};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
--source and --outlet match loosely: the name or an alias in any case, or any part of
one (\"boehner\" finds John Boehner, \"fox\" finds Fox News and Fox Business); the names
they matched are said on stderr, and a name matching nothing is an error with the
closest name as a hint.

EXAMPLES:
    claims list                               # every claim of every article's newest version
    claims list --source boehner              # claims attributed to John Boehner
    claims list --outlet fox --unsourced      # what Fox outlets assert without a source
    claims list --article seed-story --all-versions
    claims list --since 2024-10-01 --format json
    claims list --rated                       # claims with a verdict (`claims rate`)")]
pub struct Args {
    /// Only claims of this article (repeatable).
    #[arg(long, value_name = "NAME")]
    pub article: Vec<String>,
    /// Only claims attributed to this source: any of its names or aliases, or any part
    /// of one ("boehner" finds John Boehner); case does not matter.
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,
    /// Only claims from articles of this outlet: its name or any part of it ("fox"
    /// finds Fox News); case does not matter.
    #[arg(long, value_name = "NAME")]
    pub outlet: Option<String>,
    /// Only claims nobody is quoted for (the article's own assertions).
    #[arg(long)]
    pub unsourced: bool,
    /// Only articles published on or after DATE (YYYY-MM-DD or RFC 3339); an article
    /// without a published date counts from when it was logged.
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only article versions logged on or after DATE.
    #[arg(long, value_name = "DATE")]
    pub logged_since: Option<String>,
    /// Include claims of earlier versions, not only each article's newest.
    #[arg(long)]
    pub all_versions: bool,
    /// Only claims that have a rating (`claims rate`), with their current verdict.
    #[arg(long)]
    pub rated: bool,
    /// Output format [default: table on a terminal, jsonl otherwise].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

/// The filters of `list` and `export`.
pub struct Filter {
    pub articles: Vec<String>,
    pub source: Option<String>,
    pub outlet: Option<String>,
    pub unsourced: bool,
    pub since: Option<DateTime<Utc>>,
    pub logged_since: Option<DateTime<Utc>>,
    pub all_versions: bool,
    /// What --outlet resolved to (keys of the outlet names), after [`Filter::resolve`].
    pub outlets: Option<BTreeSet<String>>,
    /// What --source resolved to, after [`Filter::resolve`].
    pub sources: Option<Sources>,
}

impl Filter {
    /// Resolves the loose --source and --outlet queries against the store, saying on
    /// stderr which names they matched (an error with "did you mean" when none).
    pub fn resolve(&mut self, index: &Index, resolver: &Resolver) -> Result<(), CliError> {
        if let Some(q) = &self.outlet {
            let found = lookup::outlets(index, q)?;
            lookup::note("outlet", q, &found.iter().cloned().collect::<Vec<_>>());
            self.outlets = Some(found.iter().map(|o| key(o)).collect());
        }
        if let Some(q) = &self.source {
            let found = lookup::sources(index, resolver, q)?;
            lookup::note("source", q, &found.names);
            self.sources = Some(found);
        }
        Ok(())
    }

    pub fn from_args(args: &Args) -> Result<Filter, CliError> {
        let articles = args
            .article
            .iter()
            .map(|a| article_arg(a).map(|n| n.as_str().to_owned()))
            .collect::<Result<_, _>>()?;
        Ok(Filter {
            articles,
            source: args.source.clone(),
            outlet: args.outlet.clone(),
            unsourced: args.unsourced,
            since: args.since.as_deref().map(parse_date).transpose()?,
            logged_since: args.logged_since.as_deref().map(parse_date).transpose()?,
            all_versions: args.all_versions,
            outlets: None,
            sources: None,
        })
    }

    /// The versions to look in, checking that every named article exists.
    pub fn versions<'i>(&self, index: &'i Index) -> Result<Vec<&'i VersionEntry>, CliError> {
        let mut out = Vec::new();
        if self.articles.is_empty() {
            if self.all_versions {
                let mut all: Vec<_> = index.versions.iter().collect();
                all.sort_by(|a, b| {
                    index
                        .str(a.article)
                        .cmp(index.str(b.article))
                        .then(a.logged_at.cmp(&b.logged_at))
                });
                out = all;
            } else {
                out = index.heads();
            }
        } else {
            for name in &self.articles {
                let mut history = index.history(name);
                if history.is_empty() {
                    return Err(lookup::unknown_article(index, name));
                }
                if self.all_versions {
                    history.reverse();
                    out.extend(history);
                } else {
                    out.push(history[0]);
                }
            }
        }
        Ok(out
            .into_iter()
            .filter(|v| self.version_matches(index, v))
            .collect())
    }

    fn version_matches(&self, index: &Index, v: &VersionEntry) -> bool {
        if let Some(outlets) = &self.outlets {
            match index.opt_str(v.outlet) {
                Some(o) if outlets.contains(&key(o)) => {}
                _ => return false,
            }
        } else if let Some(outlet) = &self.outlet {
            match index.opt_str(v.outlet) {
                Some(o) if o.eq_ignore_ascii_case(outlet.trim()) => {}
                _ => return false,
            }
        }
        if let Some(since) = self.logged_since
            && v.logged_at < since.timestamp()
        {
            return false;
        }
        if let Some(since) = self.since {
            let when = index
                .opt_str(v.published)
                .and_then(published_date)
                .map_or(v.logged_at, |d| d.timestamp());
            if when < since.timestamp() {
                return false;
            }
        }
        true
    }

    pub fn row_matches(&self, index: &Index, resolver: &Resolver, row: &Row) -> bool {
        if self.unsourced && row.source_kind.is_some() {
            return false;
        }
        if let Some(sources) = &self.sources {
            if row.source_kind.is_none() || !sources.matches(resolver, index.str(row.source_name)) {
                return false;
            }
        } else if let Some(wanted) = &self.source {
            match row.source_kind {
                Some(_) => {
                    if !resolver.same(wanted, index.str(row.source_name)) {
                        return false;
                    }
                }
                None => return false,
            }
        }
        true
    }
}

pub fn run(global: &GlobalArgs, args: Args) -> Result<ExitCode, CliError> {
    let format = format_or_default(args.format);
    let mut filter = Filter::from_args(&args)?;
    let store = open_store(global)?;
    let index = super::store_view::load_index(&store)?;
    let resolver = Resolver::new(store.source_config()?, &index);
    filter.resolve(&index, &resolver)?;
    let versions = filter.versions(&index)?;
    let mut out = super::pager::Out::new(global);
    let ratings = super::rate::load_ratings(&store)?;
    let rows = versions.iter().flat_map(|v| {
        index
            .rows_of(v)
            .iter()
            .filter(|r| filter.row_matches(&index, &resolver, r))
            .filter(|r| !args.rated || ratings.current(&r.claim).is_some())
            .map(|r| RatedOccurrence {
                occurrence: OccurrenceOut::new(&index, &resolver, v, r),
                rating: RatingOut::current(&ratings, &r.claim),
            })
    });
    match format {
        Format::Table => write_table(&mut out, rows, args.rated)?,
        _ => {
            let mut w = JsonWriter::new(&mut out, format)?;
            for occ in rows {
                w.write(&occ)?;
            }
            w.finish()?;
        }
    }
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// A claim occurrence with its claim's current rating, when it has one.
#[derive(Serialize)]
struct RatedOccurrence<'a> {
    #[serde(flatten)]
    occurrence: OccurrenceOut<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rating: Option<RatingOut<'a>>,
}

fn write_table<'a>(
    out: &mut impl Write,
    rows: impl Iterator<Item = RatedOccurrence<'a>>,
    rated: bool,
) -> io::Result<()> {
    let mut header = vec!["claim", "text", "source", "article"];
    if rated {
        header.push("verdict");
    }
    let mut table = new_table(header);
    let mut n = 0;
    for RatedOccurrence { occurrence, rating } in rows {
        n += 1;
        let mut cells = vec![
            occurrence.id.short(12),
            ellipsize(occurrence.text, 120),
            occurrence.source_label(),
            occurrence.article.to_owned(),
        ];
        if rated {
            cells.push(rating.map(|r| r.label()).unwrap_or_default());
        }
        table.add_row(cells);
    }
    if n == 0 {
        writeln!(out, "no claims match")?;
    } else {
        writeln!(out, "{table}")?;
        writeln!(out, "{n} claim occurrence(s)")?;
    }
    Ok(())
}
