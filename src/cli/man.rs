//! `claims man`: the manual page (roff), generated from the one clap definition of the
//! command line (clap_mangen).

use super::error::CliError;
use super::{Cli, GlobalArgs};
use clap::CommandFactory;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
EXAMPLES:
    claims man | man -l -                     # read it now
    claims man > ~/.local/share/man/man1/claims.1
    claims man --dir ~/.local/share/man/man1   # claims.1 and claims-SUBCOMMAND.1 pages
    claims man compare | man -l -             # one subcommand's page")]
pub struct Args {
    /// Only this subcommand's page (claims-SUBCOMMAND(1)).
    #[arg(value_name = "SUBCOMMAND")]
    pub subcommand: Option<String>,
    /// Write claims.1 and one claims-SUBCOMMAND.1 per subcommand into DIR instead of
    /// printing the main page.
    #[arg(long, value_name = "DIR", conflicts_with = "subcommand")]
    pub dir: Option<PathBuf>,
}

pub fn run(_global: &GlobalArgs, args: Args) -> Result<ExitCode, CliError> {
    let cmd = Cli::command();
    if let Some(dir) = &args.dir {
        clap_mangen::generate_to(cmd, dir).map_err(|e| {
            CliError::new(format!(
                "cannot write manual pages to {}: {e}",
                dir.display()
            ))
            .with_hint("check that the folder exists and is writable")
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut page = Vec::new();
    match &args.subcommand {
        None => clap_mangen::Man::new(cmd).render(&mut page)?,
        Some(name) => {
            let names: Vec<String> = cmd
                .get_subcommands()
                .map(|c| c.get_name().to_owned())
                .collect();
            let Some(sub) = cmd.find_subcommand(name).cloned() else {
                let mut err = CliError::new(format!("no subcommand named {name:?}"));
                err = match super::suggest::did_you_mean(name, names.iter().map(String::as_str)) {
                    Some(s) => err.with_hint(format!("did you mean `claims man {s}`?")),
                    None => err.with_hint(format!("subcommands: {}", names.join(", "))),
                };
                return Err(err);
            };
            // One page per run: the leaked name lives as long as the process anyway.
            let title: &'static str = format!("claims-{}", sub.get_name()).leak();
            let sub = sub.name(title).version(env!("CARGO_PKG_VERSION"));
            clap_mangen::Man::new(sub).render(&mut page)?;
        }
    }
    let mut stdout = io::stdout().lock();
    stdout.write_all(&page)?;
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
}
