//! `claims articles`: the articles of the store, one line each: title, outlet, published
//! date, versions and claims of the newest version.

use super::GlobalArgs;
use super::error::CliError;
use super::lookup;
use super::output::{ellipsize, new_table};
use super::store_view::{
    Format, JsonWriter, format_or_default, open_store, parse_date, published_date, time_text,
};
use claims::hash::Id;
use claims::store::{Index, VersionEntry, key};
use serde::Serialize;
use std::collections::BTreeSet;
use std::io::Write;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Articles are listed oldest published first (an article without a published date counts
from when it was logged), then by name. `claims` and `sourced` count the claim
occurrences of the newest version; `versions` counts every version logged.

JSON: one object per article with `article`, `title`, `outlet`, `published`, `url`,
`versions`, `claims`, `sourced`, `unsourced`, `version` (the newest version's id) and
`logged_at` (when it was logged).

EXAMPLES:
    claims articles                           # every article
    claims articles --outlet fox              # outlets whose name holds \"fox\"
    claims articles --since 2024-10-01 --format json
    claims articles --format jsonl | jq -r .article")]
pub struct Args {
    /// Only articles of outlets whose name is or holds NAME (case does not matter).
    #[arg(long, value_name = "NAME")]
    pub outlet: Option<String>,
    /// Only articles published on or after DATE (YYYY-MM-DD or RFC 3339).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only articles published before DATE.
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Output format: table, json or jsonl [default: table on a terminal, jsonl
    /// otherwise].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    article: &'a str,
    title: Option<&'a str>,
    outlet: Option<&'a str>,
    published: Option<&'a str>,
    url: Option<&'a str>,
    versions: usize,
    claims: u32,
    sourced: usize,
    unsourced: usize,
    version: Id,
    logged_at: String,
}

/// When an article counts as published: its date, else when it was logged.
pub fn article_time(index: &Index, v: &VersionEntry) -> i64 {
    index
        .opt_str(v.published)
        .and_then(published_date)
        .map_or(v.logged_at, |d| d.timestamp())
}

pub fn run(global: &GlobalArgs, args: Args) -> Result<ExitCode, CliError> {
    let format = format_or_default(args.format);
    let since = args.since.as_deref().map(parse_date).transpose()?;
    let until = args.until.as_deref().map(parse_date).transpose()?;
    let store = open_store(global)?;
    let index = super::store_view::load_index(&store)?;
    let outlets: Option<BTreeSet<String>> = match &args.outlet {
        Some(q) => {
            let found = lookup::outlets(&index, q)?;
            lookup::note("outlet", q, &found.iter().cloned().collect::<Vec<_>>());
            Some(found.iter().map(|o| key(o)).collect())
        }
        None => None,
    };
    let mut heads = index.heads();
    heads.retain(|v| {
        let when = article_time(&index, v);
        outlets.as_ref().is_none_or(|set| {
            index
                .opt_str(v.outlet)
                .is_some_and(|o| set.contains(&key(o)))
        }) && since.is_none_or(|s| when >= s.timestamp())
            && until.is_none_or(|u| when < u.timestamp())
    });
    heads.sort_by(|a, b| {
        article_time(&index, a)
            .cmp(&article_time(&index, b))
            .then_with(|| index.str(a.article).cmp(index.str(b.article)))
    });
    let rows: Vec<ArticleOut> = heads
        .iter()
        .map(|v| {
            let name = index.str(v.article);
            let sourced = index
                .rows_of(v)
                .iter()
                .filter(|r| r.source_kind.is_some())
                .count();
            ArticleOut {
                article: name,
                title: index.opt_str(v.title),
                outlet: index.opt_str(v.outlet),
                published: index.opt_str(v.published),
                url: index.opt_str(v.url),
                versions: index.history(name).len(),
                claims: v.rows,
                sourced,
                unsourced: v.rows as usize - sourced,
                version: v.id,
                logged_at: time_text(v.logged_at),
            }
        })
        .collect();
    let mut out = super::pager::Out::new(global);
    match format {
        Format::Table => {
            if rows.is_empty() {
                writeln!(out, "no articles match")?;
            } else {
                let mut table = new_table([
                    "article",
                    "title",
                    "outlet",
                    "published",
                    "versions",
                    "claims",
                ]);
                for r in &rows {
                    table.add_row([
                        r.article.to_owned(),
                        ellipsize(r.title.unwrap_or(""), 60),
                        ellipsize(r.outlet.unwrap_or(""), 30),
                        r.published.unwrap_or("").to_owned(),
                        r.versions.to_string(),
                        r.claims.to_string(),
                    ]);
                }
                writeln!(out, "{table}")?;
                let claims: u32 = rows.iter().map(|r| r.claims).sum();
                writeln!(out, "{} article(s), {claims} claim(s)", rows.len())?;
            }
        }
        _ => {
            let mut w = JsonWriter::new(&mut out, format)?;
            for r in &rows {
                w.write(r)?;
            }
            w.finish()?;
        }
    }
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}
