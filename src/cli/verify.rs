//! `claims verify`.

use super::GlobalArgs;
use super::error::{CliError, not_built};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_global: &GlobalArgs, _args: Args) -> Result<ExitCode, CliError> {
    Err(not_built("verify"))
}
