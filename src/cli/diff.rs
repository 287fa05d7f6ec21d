//! `claims diff ARTICLE [V1 V2]`: claims a revision added, removed or changed.

use super::GlobalArgs;
use super::error::CliError;
use super::output::{self, ellipsize, new_table};
use super::store_view::{Format, article_arg, format_or_default, open_store};
use claims::hash::Id;
use claims::store::{Change, Occurrence, Resolver, diff_claims};
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The article's name in the store.
    #[arg(value_name = "ARTICLE")]
    pub article: String,
    /// Two versions (id prefixes, older first) to compare [default: the newest version
    /// against its parent]. One version compares it with its parent.
    #[arg(value_name = "VERSION", num_args = 0..=2)]
    pub versions: Vec<String>,
    /// Output format [default: table on a terminal, jsonl otherwise].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

#[derive(Serialize)]
struct DiffOut<'a> {
    article: &'a str,
    /// `null` when the newer version is the article's first.
    from: Option<Id>,
    to: Id,
    added: &'a [Occurrence],
    removed: &'a [Occurrence],
    changed: &'a [Change],
}

#[derive(Serialize)]
struct LineOut<'a> {
    change: &'static str,
    article: &'a str,
    from: Option<Id>,
    to: Id,
    #[serde(flatten)]
    claim: &'a Occurrence,
    /// For a changed claim: the claim it replaces, and what differs.
    #[serde(skip_serializing_if = "Option::is_none")]
    old: Option<&'a Occurrence>,
    #[serde(skip_serializing_if = "Option::is_none")]
    what: Option<&'a [&'static str]>,
}

pub fn run(global: &GlobalArgs, args: Args) -> Result<ExitCode, CliError> {
    let format = format_or_default(args.format);
    let name = article_arg(&args.article)?;
    let store = open_store(global)?;
    let index = super::store_view::load_index(&store)?;
    let history = index.history(name.as_str());
    let Some(head) = history.first() else {
        return Err(super::lookup::unknown_article(&index, name.as_str()));
    };
    let (from, to) = match args.versions.as_slice() {
        [] => (head.parent, head.id),
        [one] => {
            let id = store.resolve_version(&index, name.as_str(), one)?;
            (index.version(&id).and_then(|v| v.parent), id)
        }
        [a, b, ..] => (
            Some(store.resolve_version(&index, name.as_str(), a)?),
            store.resolve_version(&index, name.as_str(), b)?,
        ),
    };
    let new = store.read_version(&to)?;
    let old = from.map(|id| store.read_version(&id)).transpose()?;
    let old_claims = old.as_ref().map_or(&[][..], |o| &o.claims[..]);
    let diff = diff_claims(old_claims, &new.claims);
    let resolver = Resolver::new(store.source_config()?, &index);
    let mut out = super::pager::Out::new(global);
    match format {
        Format::Table => {
            match from {
                Some(f) => writeln!(out, "{name}: {} -> {}", f.short(12), to.short(12))?,
                None => writeln!(
                    out,
                    "{name}: first version {} (every claim is new)",
                    to.short(12)
                )?,
            }
            let mut table = new_table(["", "claim", "source", "what changed"]);
            let source = |o: &Occurrence| match &o.source {
                Some(s) => resolver.resolve(&s.name).to_owned(),
                None => "unsourced".to_owned(),
            };
            for c in &diff.changed {
                let mut detail = Vec::new();
                for what in &c.what {
                    detail.push(match *what {
                        "text" => format!("was: {}", ellipsize(&c.old.text, 80)),
                        "source" => format!("source was: {}", source(&c.old)),
                        "cue" => format!(
                            "cue was: {}",
                            c.old.cue.as_ref().map_or("none", |q| q.text.as_str())
                        ),
                        "quote" => format!("quote was: {}", c.old.quote.as_str()),
                        other => other.to_owned(),
                    });
                }
                table.add_row([
                    "~".to_owned(),
                    ellipsize(&c.new.text, 100),
                    source(&c.new),
                    detail.join("; "),
                ]);
            }
            for o in &diff.removed {
                table.add_row([
                    "-".to_owned(),
                    ellipsize(&o.text, 100),
                    source(o),
                    "removed".to_owned(),
                ]);
            }
            for o in &diff.added {
                table.add_row([
                    "+".to_owned(),
                    ellipsize(&o.text, 100),
                    source(o),
                    "added".to_owned(),
                ]);
            }
            if diff.added.is_empty() && diff.removed.is_empty() && diff.changed.is_empty() {
                writeln!(out, "no claim changed")?;
            } else {
                writeln!(out, "{table}")?;
                writeln!(
                    out,
                    "{} added, {} removed, {} changed",
                    diff.added.len(),
                    diff.removed.len(),
                    diff.changed.len()
                )?;
            }
        }
        Format::Json => {
            let whole = DiffOut {
                article: name.as_str(),
                from,
                to,
                added: &diff.added,
                removed: &diff.removed,
                changed: &diff.changed,
            };
            output::write_json_pretty(&mut out, &whole)?;
            writeln!(out)?;
        }
        Format::Jsonl => {
            let line = |change, claim, old, what| LineOut {
                change,
                article: name.as_str(),
                from,
                to,
                claim,
                old,
                what,
            };
            for c in &diff.changed {
                output::write_json_line(
                    &mut out,
                    &line("changed", &c.new, Some(&c.old), Some(&c.what[..])),
                )?;
            }
            for o in &diff.removed {
                output::write_json_line(&mut out, &line("removed", o, None, None))?;
            }
            for o in &diff.added {
                output::write_json_line(&mut out, &line("added", o, None, None))?;
            }
        }
    }
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}
