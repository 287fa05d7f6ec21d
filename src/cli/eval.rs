//! `claims eval`: measure the tool on an annotated corpus, with the same figures as the
//! scorers in `shared/eval/`.

use super::GlobalArgs;
use super::error::{CliError, not_built};
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Measure {
    /// Sentence boundaries against `{"id","text","expected":[...]}` records.
    Segment,
    /// Who-said-what against PolNeAR-style `{"id","text","attributions":[...]}` records.
    Attribution,
    /// Claim-pair relations against `{"id","a","b","label"}` records.
    Pairs,
}

pub fn run(_global: &GlobalArgs, _args: Args) -> Result<ExitCode, CliError> {
    Err(not_built("eval"))
}
