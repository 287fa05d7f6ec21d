//! `claims init`: create a claim store.

use super::GlobalArgs;
use super::error::CliError;
use claims::store::{InitOutcome, STORE_DIR, Store};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(global: &GlobalArgs, _args: Args) -> Result<ExitCode, CliError> {
    let dir = global
        .store
        .clone()
        .unwrap_or_else(|| PathBuf::from(STORE_DIR));
    let (store, outcome) = Store::init(&dir)?;
    let shown = std::path::absolute(store.root()).unwrap_or_else(|_| store.root().to_owned());
    match outcome {
        InitOutcome::Created => {
            println!("Initialized an empty claim store in {}", shown.display());
            println!(
                "Log articles with `claims add FILE...`; share the store with git (`git add {}`).",
                store.root().display()
            );
        }
        InitOutcome::Completed { written } => {
            println!(
                "Completed the claim store in {} that an interrupted init left (wrote {}).",
                shown.display(),
                written.join(", ")
            );
        }
        InitOutcome::AlreadyThere { added } if added.is_empty() => {
            println!(
                "A claim store already exists in {}; nothing changed.",
                shown.display()
            );
        }
        InitOutcome::AlreadyThere { added } => {
            println!(
                "A claim store already exists in {}; added {}, which an older claims did not write (commit {} with git).",
                shown.display(),
                added.join(" and "),
                if added.len() == 1 { "it" } else { "them" }
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
