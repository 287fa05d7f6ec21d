//! `claims verify`: recompute every hash and check every reference, like `git fsck`.

use super::GlobalArgs;
use super::error::CliError;
use super::output::{self, Paint};
use super::store_view::{open_store, wait_message};
use claims::store::{LockState, Severity, StoreError, clean, repair, verify};
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;
use std::time::Duration;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Exit code 2 when any record is damaged or missing, naming each bad file. Temporary files
and a stale lock left by an interrupted write are warnings, records no ref reaches are
notes: neither fails verify. An article with versions but no ref (a deleted ref, or an
add interrupted before writing it) is a warning; --repair writes its ref again.")]
pub struct Args {
    /// Remove temporary files left by interrupted writes (under the writers' lock).
    #[arg(long)]
    pub clean: bool,
    /// Write the ref again of every article that has versions but no ref (pointing at
    /// its newest version), and remove leftover temporary files and damaged cache files.
    #[arg(long)]
    pub repair: bool,
    /// Print the report as JSON instead of text.
    #[arg(long, value_enum, default_value_t = VerifyFormat::Text)]
    pub format: VerifyFormat,
    /// Seconds to wait for a writer to finish before giving up.
    #[arg(long, value_name = "SECS", default_value_t = 60)]
    pub lock_timeout: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum VerifyFormat {
    Text,
    Json,
}

pub fn run(global: &GlobalArgs, args: Args) -> Result<ExitCode, CliError> {
    let store = open_store(global)?;
    // Read before taking the lock: taking it replaces a dead writer's process id.
    let before = store.lock_state();
    let timeout = Duration::from_secs(args.lock_timeout);
    // Hold the lock so no write is in flight while checking. A store that cannot be
    // locked (a read-only checkout) is checked without it.
    let lock = match store.lock(timeout, &mut wait_message(&store, timeout)) {
        Ok(lock) => Some(lock),
        Err(e @ StoreError::LockTimeout { .. }) => return Err(e.into()),
        Err(_) => None,
    };
    if args.clean || args.repair {
        let Some(lock) = &lock else {
            return Err(
                CliError::new("cannot take the store's write lock to clean or repair it")
                    .with_hint("check that the store folder is writable"),
            );
        };
        if args.repair {
            let done = repair(&store, lock)?;
            for (article, id) in &done.refs {
                println!("restored the ref of {article:?}: version {}", id.short(12));
            }
            for article in &done.not_restored {
                println!(
                    "could not restore {article:?}: its text is missing (add the article again)"
                );
            }
            println!(
                "restored {} ref(s), removed {} leftover temporary file(s) and {} damaged cache file(s)",
                done.refs.len(),
                done.temp_files,
                done.caches
            );
        } else {
            let removed = clean(&store, lock)?;
            println!("removed {removed} leftover temporary file(s)");
        }
    }
    let before = if args.clean || args.repair {
        LockState::Free
    } else {
        before
    };
    let report = verify(&store, lock.as_ref(), &before);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match args.format {
        VerifyFormat::Json => {
            output::write_json_pretty(&mut out, &report)?;
            writeln!(out)?;
        }
        VerifyFormat::Text => {
            let paint = Paint {
                enabled: output::use_color(global),
            };
            for p in &report.problems {
                let label = match p.severity {
                    Severity::Error => paint.bold(p.severity.as_str()),
                    Severity::Warning => paint.yellow(p.severity.as_str()),
                    Severity::Note => paint.dim(p.severity.as_str()),
                };
                writeln!(
                    out,
                    "{label}: {}: {}",
                    output::sanitize_line(&p.path.display().to_string()),
                    output::sanitize_line(&p.message)
                )?;
            }
            let count = |s| report.problems.iter().filter(|p| p.severity == s).count();
            writeln!(
                out,
                "checked {} refs, {} versions, {} texts, {} claim occurrences, {} ratings: {} error(s), {} warning(s), {} note(s)",
                report.refs,
                report.versions,
                report.texts,
                report.claims,
                report.ratings,
                count(Severity::Error),
                count(Severity::Warning),
                count(Severity::Note)
            )?;
        }
    }
    out.flush()?;
    let errors = report.errors();
    if errors > 0 {
        return Err(StoreError::Damaged { errors }.into());
    }
    Ok(ExitCode::SUCCESS)
}
