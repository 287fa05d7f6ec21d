//! `claims show ID`: one claim, by a unique id prefix, with every article and source
//! carrying it.

use super::GlobalArgs;
use super::error::CliError;
use super::output::{self, new_table};
use super::rate::RatingOut;
use super::store_view::{Format, OccurrenceOut, format_or_default, open_store};
use claims::store::Resolver;
use serde::Serialize;
use std::collections::BTreeSet;
use std::io::{self, Write};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A claim id or a unique prefix of one (at least 4 hex digits), as in git.
    #[arg(value_name = "ID")]
    pub id: String,
    /// Output format [default: table on a terminal, jsonl otherwise].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

#[derive(Serialize)]
struct ClaimOut<'a> {
    id: String,
    text: &'a str,
    /// Articles whose newest version carries the claim.
    articles: Vec<&'a str>,
    /// Sources it is attributed to there (canonical names).
    sources: Vec<&'a str>,
    unsourced_in: usize,
    /// The current rating (`claims rate`), with how many earlier ones it replaced.
    rating: Option<RatingOut<'a>>,
    /// Every occurrence, in current and earlier versions.
    occurrences: Vec<OccurrenceOut<'a>>,
}

pub fn run(global: &GlobalArgs, args: Args) -> Result<ExitCode, CliError> {
    let format = format_or_default(args.format);
    let store = open_store(global)?;
    let index = super::store_view::load_index(&store)?;
    let ratings = super::rate::load_ratings(&store)?;
    let id = super::rate::resolve_claim_arg(&store, &index, &ratings, &args.id)?;
    let rows = index.rows_with_claim(&id);
    let resolver = Resolver::new(store.source_config()?, &index);
    let mut occurrences: Vec<OccurrenceOut> = rows
        .iter()
        .map(|row| {
            OccurrenceOut::new(
                &index,
                &resolver,
                &index.versions[row.version as usize],
                row,
            )
        })
        .collect();
    occurrences.sort_by(|a, b| {
        b.current
            .cmp(&a.current)
            .then(a.article.cmp(b.article))
            .then(b.logged_at.cmp(&a.logged_at))
    });
    let current: Vec<&OccurrenceOut> = occurrences.iter().filter(|o| o.current).collect();
    let articles: BTreeSet<&str> = current.iter().map(|o| o.article).collect();
    let sources: BTreeSet<&str> = current
        .iter()
        .filter_map(|o| o.source.as_ref().map(|s| s.name))
        .collect();
    let unsourced_in = current.iter().filter(|o| o.source.is_none()).count();
    let text = occurrences.first().map_or("", |o| o.text);
    let claim = ClaimOut {
        id: id.to_hex(),
        text,
        articles: articles.into_iter().collect(),
        sources: sources.into_iter().collect(),
        unsourced_in,
        rating: RatingOut::current(&ratings, &id),
        occurrences: Vec::new(),
    };
    let mut out = super::pager::Out::new(global);
    match format {
        Format::Table => {
            writeln!(out, "claim {}", claim.id)?;
            writeln!(out, "{}", super::output::sanitize(claim.text))?;
            writeln!(
                out,
                "said in {} article(s); sources: {}",
                claim.articles.len(),
                if claim.sources.is_empty() {
                    "none".to_owned()
                } else {
                    super::output::sanitize_line(&claim.sources.join("; ")).into_owned()
                }
            )?;
            if let Some(r) = &claim.rating {
                write_rating(&mut out, r)?;
            }
            let mut table = new_table([
                "article", "version", "source", "cue", "quote", "outlet", "logged",
            ]);
            for o in &occurrences {
                let version = if o.current {
                    o.version.short(12)
                } else {
                    format!("{} (earlier)", o.version.short(12))
                };
                table.add_row([
                    o.article.to_owned(),
                    version,
                    o.source_label(),
                    o.cue.as_ref().map_or(String::new(), |c| c.text.to_owned()),
                    o.quote.to_owned(),
                    output::ellipsize(o.outlet.unwrap_or(""), 30),
                    o.logged_at.clone(),
                ]);
            }
            writeln!(out, "{table}")?;
        }
        Format::Json | Format::Jsonl => {
            let claim = ClaimOut {
                occurrences,
                ..claim
            };
            if format == Format::Json {
                output::write_json_pretty(&mut out, &claim)?;
                writeln!(out)?;
            } else {
                output::write_json_line(&mut out, &claim)?;
            }
        }
    }
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// The current rating under the claim: verdict, who and when, the note, and how many
/// earlier ratings it replaced.
fn write_rating(out: &mut impl Write, r: &RatingOut) -> io::Result<()> {
    let earlier = match r.earlier {
        0 => String::new(),
        n => format!(" (replacing {n} earlier rating(s), kept in the store)"),
    };
    writeln!(
        out,
        "rated {} by {} at {}{earlier}",
        output::sanitize_line(&r.label()),
        output::sanitize_line(r.by),
        r.rated_at
    )?;
    writeln!(out, "  {}", output::sanitize_line(r.note))?;
    if let Some(url) = r.url {
        writeln!(out, "  {}", output::sanitize_line(url))?;
    }
    Ok(())
}
