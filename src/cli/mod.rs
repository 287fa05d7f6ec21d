//! The command line: flags are defined once here and in each subcommand's file (clap
//! derive), which also generates `--help`. Each subcommand lives in its own file and
//! returns an exit code or a [`CliError`].

mod error;
mod output;

mod add;
mod articles;
mod audit;
mod claimreview;
mod compare;
mod completions;
mod diff;
mod eval;
mod export;
mod extract;
mod fields;
mod history;
mod init;
mod lines;
mod list;
mod lookup;
mod man;
mod pager;
mod rate;
mod show;
mod sources;
mod store_view;
mod suggest;
mod verify;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Track facts and claims in news articles, with their sources.
///
/// Articles are split into atomic claims with the source quoted for each, logged into a
/// versioned claim store that a team shares through git, compared across articles
/// (agreement, contradiction, unsourced statements), and drafts are audited for sourcing
/// before publication.
#[derive(Debug, Parser)]
#[command(name = "claims", version, max_term_width = 100)]
#[command(after_help = "\
Every JSON document and JSON Lines record the commands print starts with \"schema\": 1,
the version of its shape (raised only when a field changes meaning or goes away; new
fields do not raise it). In a JSON array each element carries it. The ClaimReview export
is schema.org's vocabulary and has none.

EXAMPLES:
    claims init && claims add story.md --outlet \"The Times\"
    claims list --format jsonl | jq 'select(.schema == 1) | .text'")]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every subcommand takes.
#[derive(Debug, Clone, clap::Args)]
pub struct GlobalArgs {
    /// The claim store to use [default: `./claims`, or the nearest `claims/` above the
    /// working directory that holds a `store.toml`].
    #[arg(long, global = true, env = "CLAIMS_STORE", value_name = "DIR")]
    pub store: Option<PathBuf>,
    /// When to colour output: `auto` colours on a terminal unless NO_COLOR is set;
    /// `always` colours even through a pipe or with NO_COLOR; `never` does not.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Do not page long output. On a terminal, output longer than the screen goes
    /// through PAGER (default `less -FRX`; an empty PAGER or `cat` pages nothing).
    #[arg(long, global = true)]
    pub no_pager: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a claim store (`./claims` unless --store says otherwise).
    Init(init::Args),
    /// Show the claims and sources of articles without storing anything.
    Extract(extract::Args),
    /// Log the claims of articles into the store.
    Add(add::Args),
    /// List the stored articles: title, outlet, published date, versions, claims.
    Articles(articles::Args),
    /// List stored claims, filtered by article, source, outlet or status.
    List(list::Args),
    /// Show one claim (by a unique id prefix) with every article and source carrying it.
    Show(show::Args),
    /// List every source: name, role, kind, aliases, claims and articles.
    Sources(sources::Args),
    /// The versions of an article, newest first.
    History(history::Args),
    /// Claims a revision of an article added, removed or changed.
    Diff(diff::Args),
    /// Compare claims across articles: agreement, contradiction, unsourced statements.
    Compare(compare::Args),
    /// Audit a draft's sourcing before publication, like a linter.
    Audit(audit::Args),
    /// Record a verdict on a claim (an immutable rating record; a later one supersedes).
    Rate(rate::Args),
    /// Recompute every hash in the store and check every reference.
    Verify(verify::Args),
    /// Export the store as JSON Lines or CSV.
    Export(export::Args),
    /// Measure extraction against an annotated corpus (segmentation or attribution).
    Eval(eval::Args),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(completions::Args),
    /// Print the manual page (roff), or write one page per subcommand with --dir.
    Man(man::Args),
}

/// Parses the command line, runs the subcommand and turns its outcome into an exit code.
pub fn main() -> ExitCode {
    ignore_file_size_signal();
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Init(args) => init::run(&cli.global, args),
        Command::Extract(args) => extract::run(&cli.global, args),
        Command::Add(args) => add::run(&cli.global, args),
        Command::Articles(args) => articles::run(&cli.global, args),
        Command::List(args) => list::run(&cli.global, args),
        Command::Show(args) => show::run(&cli.global, args),
        Command::Sources(args) => sources::run(&cli.global, args),
        Command::History(args) => history::run(&cli.global, args),
        Command::Diff(args) => diff::run(&cli.global, args),
        Command::Compare(args) => compare::run(&cli.global, args),
        Command::Audit(args) => audit::run(&cli.global, args),
        Command::Rate(args) => rate::run(&cli.global, args),
        Command::Verify(args) => verify::run(&cli.global, args),
        Command::Export(args) => export::run(&cli.global, args),
        Command::Eval(args) => eval::run(&cli.global, args),
        Command::Completions(args) => completions::run(&cli.global, args),
        Command::Man(args) => man::run(&cli.global, args),
    };
    match outcome {
        Ok(code) => code,
        Err(err) => err.report(),
    }
}

/// A write past the file size limit (`ulimit -f`) raises SIGXFSZ, which kills the process
/// by default; ignored, the write fails with EFBIG instead, which is reported like a full
/// disk (a clear message, exit 2, nothing half-logged).
fn ignore_file_size_signal() {
    #[cfg(unix)]
    // SAFETY: setting a signal's disposition to SIG_IGN installs no handler code; it is
    // done first thing, before any other thread exists.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}
