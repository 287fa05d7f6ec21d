//! `claims compare`: relating claims across articles. Three modes:
//! - `claims compare [ARTICLE...]`: the articles of the store against each other
//!   ([`store`]);
//! - `claims compare --against FILE`: a new article against the whole store ([`store`]);
//! - `claims compare --pairs FILE`: given pairs, without a store (the contract in
//!   `eval/FORMAT.md`), below.

mod against;
mod html;
mod render;
mod store;

use super::GlobalArgs;
use super::error::CliError;
use super::export::write_csv_row;
use super::output::{self, ellipsize, write_json_line};
use claims::compare::pairs::{MAX_PAIR_TEXT_BYTES, Pair, PairReader, PairsError};
use claims::compare::{ClaimFeatures, Relation, Signals, relate, relate_claims, signals};
use serde::Serialize;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
With no ARTICLE, the newest version of every article in the store is compared; with two
or more, those articles, in the order given (the first is the reference column).

Claims are matched without comparing every pair: an index of their content words, names,
numbers and dates proposes the few claims of other articles worth relating, and each
proposed pair is related as agree, contradict or neither, with reasons an editor can
check (\"number of troops: thousands vs about 500\", \"date: since 2002 vs since 2003\",
\"negation: 'China has not commented' vs 'China has publicly commented'\", \"antonym:
deepened vs reduced\"). The same claim said in two articles (same id) agrees at no cost
(\"same claim\"). A contradiction needs evidence that both claims state one fact; when in
doubt, claims are left unmatched. Two figures contradict only when a name both claims
share stands by them, no other name does, they are of the same time frame (\"in May\" is
not \"in August\", \"last year\" is not \"2004\"), and the articles were published within
7 days of each other or the claims date them alike: figures change, so articles without
a publication date (`published` in front matter, --published, or `date` in JSON Lines)
show none. Fragments (\"in a statement\") match nothing. Relations count only between
articles telling the same story (their claims share enough of their rarer words;
contradictions ask for more of them), so two reports on different events are seldom
said to disagree.

The table: one row per claim matched across articles, contradictions first. The claim,
then for each article: agrees, contradicts or absent, with who it quotes for it (and its
own wording when it differs), then why. A claim agreed on by several articles is one row.
With more than four articles, a row lists only the articles that carry the claim or
contradict it. Then a summary per article: claims; sourced and unsourced; vague (\"analysts
say\"); agreements and contradictions: its claims that another compared article states
too, or contradicts.

JSON: `articles` (the summaries), `matches` (each with `relation` agree or contradict,
`score`, `reasons`, and `claims`, each with `article`, `id`, `text`, `source`), `rows`
(the table), `stats`, and with --unsourced `unsourced`. JSON Lines: the same objects, one
a line, each with a `type`. CSV: the table, one line per claim and article (and the
unsourced statements with --unsourced); the summary is in the other formats.

--against FILE prints one row per claim of the new article: its source, its standing
(contradicted, known: the store has the same claim, confirmed: another article agrees,
or new) and what in the store it matches, with the article, its source and the reason.
The new article is of its `published` date, or of today when it has none (a draft).
JSON: `article`, `claims` (each with `standing`, `known` and `matches`), `summary`.

Filters: --outlet, --since and --until choose the articles compared (of the outlets
whose name is or holds NAME, published in the range); --only, --min-score and --limit
choose what is shown of the comparison (rows and matches, contradictions first). The
summary line and `stats.contradiction_rows` / `stats.agreement_rows` count the rows
shown.

Exit codes: 0 when the comparison ran (whatever it found), unless --fail-on
contradiction and a contradiction is shown: 1 (for a newsroom's CI, as `audit`); 2 for a
missing store, an unknown article, or a file that cannot be read.

EXAMPLES:
    claims compare                                   # every article's newest version
    claims compare --only contradictions --min-score 0.5
    claims compare --outlet fox --since 2024-10-01   # Fox outlets' articles since October
    claims compare --only unsourced --limit 20 --format markdown
    claims compare --fail-on contradiction --format jsonl > report.jsonl  # CI
    claims compare --format html > report.html      # a report to open in a browser
    claims compare --against draft.md")]
pub struct Args {
    /// Articles of the store to compare, two or more [default: every article, oldest
    /// published first]. Names as in `claims list` (lower case).
    #[arg(value_name = "ARTICLE")]
    pub articles: Vec<String>,
    /// Also list the statements no compared article attributes to anyone: claims without
    /// a source in every article saying them (or anything agreeing with them).
    #[arg(long, conflicts_with = "pairs")]
    pub unsourced: bool,
    /// Compare a new article, not stored, against every article of the store: for each
    /// of its claims, whether the store already has it (same claim), another article
    /// confirms it (agree) or contradicts it (with the article, its source and the
    /// reason). Text or Markdown with optional TOML front matter; `-` reads standard
    /// input. An article of the store with the same name (front matter `id` or file
    /// name) is left out: it is an earlier version of the same article.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["pairs", "articles"])]
    pub against: Option<PathBuf>,
    /// Relate the claim pairs of a JSON Lines file, `{"id": ..., "a": ..., "b": ...}` a
    /// line (`-` reads standard input), without a store: is `b` in agreement with `a`,
    /// in contradiction, or neither?
    #[arg(long, value_name = "FILE.jsonl")]
    pub pairs: Option<PathBuf>,
    /// Show only contradictions, only agreements, or only the statements nobody
    /// sources (as --unsourced, without the matches).
    #[arg(long, value_enum, value_name = "WHAT", conflicts_with_all = ["pairs", "against"])]
    pub only: Option<Only>,
    /// Show only matches scoring at least SCORE (0 to 1; the same claim scores 1).
    #[arg(long, value_name = "SCORE", conflicts_with_all = ["pairs", "against"])]
    pub min_score: Option<f64>,
    /// Compare only articles of outlets whose name is or holds NAME (case does not
    /// matter: "fox" is Fox News and Fox Business).
    #[arg(long, value_name = "NAME", conflicts_with_all = ["pairs", "against"])]
    pub outlet: Option<String>,
    /// Compare only articles published on or after DATE (YYYY-MM-DD or RFC 3339; an
    /// article without a published date counts from when it was logged).
    #[arg(long, value_name = "DATE", conflicts_with_all = ["pairs", "against"])]
    pub since: Option<String>,
    /// Compare only articles published before DATE.
    #[arg(long, value_name = "DATE", conflicts_with_all = ["pairs", "against"])]
    pub until: Option<String>,
    /// Show at most N rows (and N matches, N unsourced statements), contradictions
    /// first.
    #[arg(long, value_name = "N", conflicts_with_all = ["pairs", "against"])]
    pub limit: Option<usize>,
    /// Exit with 1 when a contradiction is shown (after the filters).
    #[arg(long, value_enum, value_name = "WHAT", conflicts_with_all = ["pairs", "against"])]
    pub fail_on: Option<FailOn>,
    /// Output format [default: table on a terminal, jsonl otherwise].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// With --pairs: add the evidence weighed for each pair (`signals`) to JSON output.
    #[arg(long)]
    pub explain: bool,
    /// With --pairs: relate each pair as two claims of equal standing, the rule used
    /// between articles (agree only when most of both align), instead of asking whether
    /// `b` states what `a` states.
    #[arg(long, requires = "pairs")]
    pub symmetric: bool,
}

/// What `--only` shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Only {
    /// Rows and matches that are contradictions.
    Contradictions,
    /// Rows and matches that are agreements.
    Agreements,
    /// The statements no compared article attributes (no rows, no matches).
    Unsourced,
}

/// What `--fail-on` exits 1 for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    /// A contradiction shown.
    Contradiction,
    /// Nothing: exit 0 whatever is found (the default).
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A readable table (for --pairs: one row per pair: id, relation, score, reasons).
    Table,
    /// One JSON document (for --pairs: an array of the pair objects).
    Json,
    /// One JSON object per line, each with a `type` (for --pairs: one per pair, the
    /// format the scorers read).
    Jsonl,
    /// The table as GitHub-flavoured Markdown, for notes and tickets.
    Markdown,
    /// Comma-separated values, quoted where needed, for spreadsheets.
    Csv,
    /// A self-contained HTML report (no network): matched claims grouped by story,
    /// contradictions first, the sentences side by side with claims coloured by source,
    /// and a chart of each outlet's sourcing. Not with --pairs or --against.
    Html,
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
        if args.explain {
            return Err(CliError::new("--explain goes with --pairs")
                .with_hint("`claims compare --pairs FILE.jsonl --explain --format jsonl`"));
        }
        return store::run(global, args);
    };
    if args.format == Some(Format::Html) {
        return Err(html_unsupported("--pairs"));
    }
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
    let reader = super::lines::open(path)?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let paint = output::Paint {
        enabled: output::use_color(global),
    };
    let header = ["id", "relation", "score", "reasons", "a", "b"];
    let mut grid = match format {
        Format::Table => Some(render::Grid::new(render::Dress::Terminal, &header)),
        Format::Markdown => Some(render::Grid::new(render::Dress::Markdown, &header)),
        _ => None,
    };
    let mut first = true;
    match format {
        Format::Json => out.write_all(b"[")?,
        Format::Csv => write_csv_row(&mut out, header)?,
        _ => {}
    }
    let mut skipped = 0u64;
    for pair in PairReader::new(reader, origin.clone()) {
        let pair = match pair {
            Ok(pair) => pair,
            // One bad line costs that pair only: say which and go on.
            Err(err @ PairsError::Line { .. }) => {
                eprintln!("warning: {err}; pair skipped");
                skipped += 1;
                continue;
            }
            Err(err) => return Err(pairs_error(err)),
        };
        let fa = ClaimFeatures::new(&pair.a);
        let fb = ClaimFeatures::new(&pair.b);
        let evidence = args.explain.then(|| signals(&fa, &fb));
        let mut relation = if args.symmetric {
            relate_claims(&fa, &fb)
        } else {
            relate(&fa, &fb)
        };
        for key in &pair.truncated {
            relation.reasons.push(format!(
                "truncated: {key} related on its first {MAX_PAIR_TEXT_BYTES} bytes"
            ));
        }
        match format {
            // Refused before the first pair is read.
            Format::Html => {}
            Format::Jsonl => {
                write_json_line(&mut out, &record(&pair, &relation, evidence.as_ref()))?
            }
            Format::Json => {
                out.write_all(if first { b"\n" } else { b",\n" })?;
                let value = record(&pair, &relation, evidence.as_ref());
                serde_json::to_writer(&mut out, &output::versioned(&value))
                    .map_err(io::Error::other)?;
            }
            Format::Csv => write_csv_row(
                &mut out,
                [
                    pair.id.as_str(),
                    relation.relation.as_str(),
                    &format!("{:.3}", relation.score),
                    &relation.reasons.join("; "),
                    &pair.a,
                    &pair.b,
                ],
            )?,
            Format::Table | Format::Markdown => {
                if let Some(grid) = grid.as_mut() {
                    let label = relation.relation.as_str();
                    let label = match (format, relation.relation) {
                        (Format::Markdown, _) => label.to_owned(),
                        (_, claims::compare::RelationKind::Contradict) => paint.yellow(label),
                        (_, claims::compare::RelationKind::Agree) => paint.bold(label),
                        (_, claims::compare::RelationKind::Neutral) => paint.dim(label),
                    };
                    grid.add(&[
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
        Format::Table | Format::Markdown => {
            if let Some(grid) = grid {
                grid.write(&mut out)?;
            }
        }
        Format::Jsonl | Format::Csv | Format::Html => {}
    }
    out.flush()?;
    if skipped > 0 && first {
        return Err(CliError::new(format!(
            "{origin}: no pair could be read ({skipped} line(s) skipped)"
        ))
        .with_hint(
            "each line must be a JSON object with \"id\" (string or number) and strings \"a\" and \"b\"",
        ));
    }
    if skipped > 0 {
        eprintln!(
            "warning: {origin}: {skipped} line(s) skipped; each line must be a JSON object with \"id\" (string or number) and strings \"a\" and \"b\""
        );
    }
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

/// --format html reports on the store's articles; the other modes have tables.
fn html_unsupported(mode: &str) -> CliError {
    CliError::new(format!("--format html is not available with {mode}"))
        .with_hint("drop --format html (table, json, jsonl, markdown and csv work here), or compare the store's articles: `claims compare --format html > report.html`")
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
