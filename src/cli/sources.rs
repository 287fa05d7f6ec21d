//! `claims sources`: every source quoted in the store, with kind, role, aliases, and how
//! many claims in how many articles.

use super::GlobalArgs;
use super::error::CliError;
use super::output::{ellipsize, new_table};
use super::store_view::{Format, JsonWriter, format_or_default, open_store};
use claims::store::{Resolver, summarize};
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format [default: table on a terminal, jsonl otherwise].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

pub fn run(global: &GlobalArgs, args: Args) -> Result<ExitCode, CliError> {
    let format = format_or_default(args.format);
    let store = open_store(global)?;
    let index = super::store_view::load_index(&store)?;
    let resolver = Resolver::new(store.source_config()?, &index);
    let summaries = summarize(&index, &resolver);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match format {
        Format::Table => {
            if summaries.is_empty() {
                writeln!(out, "no sources: no stored claim is attributed to anyone")?;
            } else {
                let mut table =
                    new_table(["source", "kind", "role", "aliases", "claims", "articles"]);
                for s in &summaries {
                    let name = if s.edited {
                        format!("{} *", s.name)
                    } else {
                        s.name.clone()
                    };
                    table.add_row([
                        name,
                        s.kind.as_str().to_owned(),
                        ellipsize(s.role.as_deref().unwrap_or(""), 40),
                        ellipsize(&s.aliases.join(", "), 60),
                        s.claims.to_string(),
                        s.articles.to_string(),
                    ]);
                }
                writeln!(out, "{table}")?;
                writeln!(
                    out,
                    "{} source(s); * = edited in {}",
                    summaries.len(),
                    store.root().join(claims::store::SOURCES_FILE).display()
                )?;
            }
        }
        _ => {
            let mut w = JsonWriter::new(&mut out, format)?;
            for s in &summaries {
                w.write(s)?;
            }
            w.finish()?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
