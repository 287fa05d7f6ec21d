//! `claims compare`: relating claims. For now the `--pairs FILE` mode, which relates given
//! pairs without a store (the contract in `eval/FORMAT.md`); comparing the articles of the
//! store (`[ARTICLE...]`, `--unsourced`, `--against FILE`) comes with the store.

use super::GlobalArgs;
use super::error::{CliError, not_built};
use super::output::{self, ellipsize, new_table, write_json_line};
use claims::compare::pairs::{Pair, PairReader, PairsError};
use claims::compare::{ClaimFeatures, Relation, Signals, relate, signals};
use serde::Serialize;
use std::io::{self, BufReader, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Articles of the store to compare [default: every article] (not built yet).
    #[arg(value_name = "ARTICLE")]
    pub articles: Vec<String>,
    /// Relate the claim pairs of a JSON Lines file, `{"id": ..., "a": ..., "b": ...}` a
    /// line (`-` reads standard input), without a store: is `b` in agreement with `a`,
    /// in contradiction, or neither?
    #[arg(long, value_name = "FILE.jsonl")]
    pub pairs: Option<PathBuf>,
    /// Output format [default: table on a terminal, jsonl otherwise].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Add the evidence weighed for each pair (`signals`) to JSON output.
    #[arg(long)]
    pub explain: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One row per pair: id, relation, score, reasons.
    Table,
    /// A JSON array of the pair objects.
    Json,
    /// One JSON object per pair per line (the format the scorers read).
    Jsonl,
}

/// One related pair as printed (`eval/FORMAT.md`).
#[derive(Serialize)]
struct PairOutput<'a> {
    id: &'a str,
    relation: &'static str,
    score: f64,
    reasons: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    signals: Option<&'a Signals>,
}

pub fn run(global: &GlobalArgs, args: Args) -> Result<ExitCode, CliError> {
    let Some(path) = &args.pairs else {
        return Err(not_built("compare").with_hint(
            "comparing the store's articles lands with the store; `claims compare --pairs FILE.jsonl` relates given pairs",
        ));
    };
    if !args.articles.is_empty() {
        return Err(
            CliError::new("--pairs relates the pairs of a file; it takes no ARTICLE")
                .with_hint("drop the article names, or drop --pairs"),
        );
    }
    let format = args.format.unwrap_or(if output::stdout_is_terminal() {
        Format::Table
    } else {
        Format::Jsonl
    });
    let origin = path.display().to_string();
    let reader: Box<dyn io::BufRead> = if path.as_os_str() == "-" {
        Box::new(io::stdin().lock())
    } else {
        let file = std::fs::File::open(path).map_err(|e| {
            CliError::new(format!("{origin}: cannot read: {e}"))
                .with_hint("check that the file exists and is readable")
        })?;
        Box::new(BufReader::with_capacity(1 << 16, file))
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let paint = output::Paint {
        enabled: output::use_color(global),
    };
    let mut table = (format == Format::Table)
        .then(|| new_table(["id", "relation", "score", "reasons", "a", "b"]));
    let mut first = true;
    if format == Format::Json {
        out.write_all(b"[")?;
    }
    for pair in PairReader::new(reader, origin) {
        let pair = pair.map_err(pairs_error)?;
        let fa = ClaimFeatures::new(&pair.a);
        let fb = ClaimFeatures::new(&pair.b);
        let evidence = args.explain.then(|| signals(&fa, &fb));
        let relation = relate(&fa, &fb);
        match format {
            Format::Jsonl => {
                write_json_line(&mut out, &record(&pair, &relation, evidence.as_ref()))?
            }
            Format::Json => {
                out.write_all(if first { b"\n" } else { b",\n" })?;
                serde_json::to_writer(&mut out, &record(&pair, &relation, evidence.as_ref()))
                    .map_err(io::Error::other)?;
            }
            Format::Table => {
                if let Some(table) = table.as_mut() {
                    let label = relation.relation.as_str();
                    let label = match relation.relation {
                        claims::compare::RelationKind::Contradict => paint.yellow(label),
                        claims::compare::RelationKind::Agree => paint.bold(label),
                        claims::compare::RelationKind::Neutral => paint.dim(label),
                    };
                    table.add_row([
                        pair.id.clone(),
                        label,
                        format!("{:.2}", relation.score),
                        relation.reasons.join("; "),
                        ellipsize(&pair.a, 80),
                        ellipsize(&pair.b, 120),
                    ]);
                }
            }
        }
        first = false;
    }
    match format {
        Format::Json => out.write_all(if first { b"]\n" } else { b"\n]\n" })?,
        Format::Table => {
            if let Some(table) = table {
                writeln!(out, "{table}")?;
            }
        }
        Format::Jsonl => {}
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn record<'a>(
    pair: &'a Pair,
    relation: &'a Relation,
    evidence: Option<&'a Signals>,
) -> PairOutput<'a> {
    PairOutput {
        id: &pair.id,
        relation: relation.relation.as_str(),
        // Three decimals: enough to rank, short to read.
        score: (relation.score * 1000.0).round() / 1000.0,
        reasons: &relation.reasons,
        signals: evidence,
    }
}

fn pairs_error(err: PairsError) -> CliError {
    let hint = match &err {
        PairsError::Io { .. } => "check that the file exists and is readable",
        PairsError::Line { .. } => {
            "each line must be a JSON object with \"id\" (string or number) and strings \"a\" and \"b\""
        }
    };
    CliError::new(err.to_string()).with_hint(hint)
}
