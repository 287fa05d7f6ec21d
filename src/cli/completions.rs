//! `claims completions SHELL`: a shell completion script, generated from the one clap
//! definition of the command line (clap_complete).

use super::error::CliError;
use super::{Cli, GlobalArgs};
use clap::CommandFactory;
use std::io::{self, Write};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
EXAMPLES:
    claims completions bash > ~/.local/share/bash-completion/completions/claims
    claims completions zsh > ~/.zfunc/_claims        # with fpath+=~/.zfunc in ~/.zshrc
    claims completions fish > ~/.config/fish/completions/claims.fish
    claims completions powershell >> $PROFILE

The script completes every subcommand, flag and value list (formats, shells, levels)
of this version of claims; regenerate it after upgrading.")]
pub struct Args {
    /// The shell to write completions for.
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

pub fn run(_global: &GlobalArgs, args: Args) -> Result<ExitCode, CliError> {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "claims", &mut out);
    let mut stdout = io::stdout().lock();
    stdout.write_all(&out)?;
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
}
