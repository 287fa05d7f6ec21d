//! `claims eval`: measure the tool on an annotated corpus, with the same figures as the
//! scorers in `shared/eval/`.

use super::GlobalArgs;
use super::error::CliError;
use claims::eval::{self, EvalError, Report};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to measure.
    #[arg(value_enum)]
    pub what: Measure,
    /// The annotated corpus (JSON Lines).
    #[arg(value_name = "GOLD.jsonl")]
    pub gold: PathBuf,
    /// Exit 1 when a figure falls below VALUE (repeatable), e.g. `--min exact=0.9`.
    #[arg(long, value_name = "METRIC=VALUE", value_parser = parse_min)]
    pub min: Vec<(String, f64)>,
    /// List each failing case with what was expected and what was found (segment only).
    #[arg(long)]
    pub show_failures: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Measure {
    /// Sentence boundaries against `{"id","text","expected":[...]}` records.
    Segment,
    /// Who-said-what against PolNeAR-style `{"id","text","attributions":[...]}` records
    /// (figures of score_attribution.py; the speech subset uses a speech-verb list derived
    /// from GenderGapTracker's, MIT).
    Attribution,
    /// Claim-pair relations against `{"id","a","b","label"}` records.
    Pairs,
}

fn parse_min(s: &str) -> Result<(String, f64), String> {
    let (k, v) = s
        .split_once('=')
        .ok_or_else(|| format!("expected METRIC=VALUE, got {s:?}"))?;
    let v: f64 = v.parse().map_err(|_| format!("{v:?} is not a number"))?;
    Ok((k.to_owned(), v))
}

pub fn run(_global: &GlobalArgs, args: Args) -> Result<ExitCode, CliError> {
    let report = match args.what {
        Measure::Segment => eval::segment::evaluate_with(&args.gold, args.show_failures),
        Measure::Attribution => eval::attribution::evaluate(&args.gold),
        Measure::Pairs => eval::pairs::evaluate(&args.gold),
    }
    .map_err(eval_error)?;
    print!("{}", report.text);
    check_minimums(&report, &args.min)
}

fn check_minimums(report: &Report, mins: &[(String, f64)]) -> Result<ExitCode, CliError> {
    let mut short = Vec::new();
    for (name, floor) in mins {
        let Some(value) = report.metric(name) else {
            let known: Vec<_> = report.metrics.iter().map(|(k, _)| k.as_str()).collect();
            return Err(CliError::new(format!("unknown metric in --min: {name}"))
                .with_hint(format!("known metrics: {}", known.join(", "))));
        };
        if value < *floor {
            short.push(format!("{name} {value:.3} < {floor:.3}"));
        }
    }
    if short.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        println!("FALLS SHORT: {}", short.join("; "));
        Ok(ExitCode::from(1))
    }
}

fn eval_error(err: EvalError) -> CliError {
    let hint = match &err {
        EvalError::Io { .. } => "check the path of the gold file",
        EvalError::Gold { .. } => {
            "the gold file must be JSON Lines in the layout `claims eval --help` names"
        }
        EvalError::NotBuilt(_) => "this measurement lands with its stage",
    };
    CliError::new(err.to_string()).with_hint(hint)
}
