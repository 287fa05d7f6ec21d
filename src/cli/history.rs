//! `claims history ARTICLE`: an article's versions, newest first.

use super::GlobalArgs;
use super::error::CliError;
use super::output::{ellipsize, new_table};
use super::store_view::{
    Format, JsonWriter, article_arg, format_or_default, open_store, time_text,
};
use claims::hash::Id;
use claims::store::{Index, VersionEntry};
use serde::Serialize;
use std::collections::HashMap;
use std::io::Write;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The article's name in the store.
    #[arg(value_name = "ARTICLE")]
    pub article: String,
    /// Output format [default: table on a terminal, jsonl otherwise].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

#[derive(Serialize)]
struct VersionOut<'a> {
    article: &'a str,
    version: Id,
    parent: Option<Id>,
    logged_at: String,
    text: Id,
    claims: u32,
    /// Claims this version added and removed relative to its parent (by claim id).
    added: usize,
    removed: usize,
    current: bool,
    title: Option<&'a str>,
    outlet: Option<&'a str>,
    published: Option<&'a str>,
    url: Option<&'a str>,
}

/// How many claim ids `new` has that `old` lacks, and the reverse (as multisets).
fn added_removed(index: &Index, old: Option<&VersionEntry>, new: &VersionEntry) -> (usize, usize) {
    let mut counts: HashMap<Id, i64> = HashMap::new();
    for r in index.rows_of(new) {
        *counts.entry(r.claim).or_default() += 1;
    }
    if let Some(old) = old {
        for r in index.rows_of(old) {
            *counts.entry(r.claim).or_default() -= 1;
        }
    }
    let added = counts
        .values()
        .filter(|&&n| n > 0)
        .map(|&n| n as usize)
        .sum();
    let removed = counts
        .values()
        .filter(|&&n| n < 0)
        .map(|&n| (-n) as usize)
        .sum();
    (added, removed)
}

pub fn run(global: &GlobalArgs, args: Args) -> Result<ExitCode, CliError> {
    let format = format_or_default(args.format);
    let name = article_arg(&args.article)?;
    let store = open_store(global)?;
    let index = super::store_view::load_index(&store)?;
    let history = index.history(name.as_str());
    if history.is_empty() {
        return Err(super::lookup::unknown_article(&index, name.as_str()));
    }
    let rows: Vec<VersionOut> = history
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let (added, removed) = added_removed(&index, history.get(i + 1).copied(), v);
            VersionOut {
                article: index.str(v.article),
                version: v.id,
                parent: v.parent,
                logged_at: time_text(v.logged_at),
                text: v.text,
                claims: v.rows,
                added,
                removed,
                current: v.head,
                title: index.opt_str(v.title),
                outlet: index.opt_str(v.outlet),
                published: index.opt_str(v.published),
                url: index.opt_str(v.url),
            }
        })
        .collect();
    let mut out = super::pager::Out::new(global);
    match format {
        Format::Table => {
            let mut table = new_table([
                "version",
                "logged at",
                "claims",
                "added",
                "removed",
                "title",
            ]);
            for r in &rows {
                table.add_row([
                    r.version.short(12),
                    r.logged_at.clone(),
                    r.claims.to_string(),
                    format!("+{}", r.added),
                    format!("-{}", r.removed),
                    ellipsize(r.title.unwrap_or(""), 50),
                ]);
            }
            writeln!(out, "{} ({} version(s), newest first)", name, rows.len())?;
            writeln!(out, "{table}")?;
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
