//! `claims audit`: the pre-publication sourcing audit, like a linter.

mod html;

use super::GlobalArgs;
use super::error::CliError;
use super::output::{self, Paint, ellipsize, new_table};
use claims::audit::config::{self, ConfigError};
use claims::audit::store::StoreClaims;
use claims::audit::{Auditor, FileReport, Finding, Level, Rule, StoreContext, Summary};
use claims::input::{DecodeOptions, Document};
use claims::store::{Store, StoreError};
use serde::Serialize;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
EXAMPLES:
    claims audit draft.md                        # findings by position, a summary per level
    claims audit --format github drafts/*.md     # workflow annotations for CI
    claims audit --format html draft.md > audit.html  # a report to open in a browser")]
pub struct Args {
    /// Drafts to audit: text or Markdown, with optional TOML front matter between `+++`
    /// lines (skipped, but counted in line numbers); `-` reads standard input.
    #[arg(
        value_name = "FILE",
        required_unless_present_any = ["explain", "list_rules", "dump_config"]
    )]
    pub files: Vec<PathBuf>,
    /// Output format [default: table on a terminal, line otherwise]. `line` is
    /// `path:line:col:level:rule:message`; `github` writes workflow annotations.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Exit with 1 when a finding (not waived) reaches this level.
    #[arg(long, value_enum, default_value_t = FailOn::Error, value_name = "LEVEL")]
    pub fail_on: FailOn,
    /// Show only findings at this level or above (does not change the exit code).
    #[arg(long, value_enum, default_value_t = MinLevel::Info, value_name = "LEVEL")]
    pub min_level: MinLevel,
    /// Explain a rule: what it flags, why, and the newsroom practice behind it.
    #[arg(long, value_name = "RULE", conflicts_with_all = ["files", "list_rules", "dump_config"])]
    pub explain: Option<String>,
    /// List the rules with their default levels.
    #[arg(long, conflicts_with_all = ["files", "dump_config"])]
    pub list_rules: bool,
    /// Print the configuration in force (for the first FILE, or the working directory)
    /// as TOML, and exit.
    #[arg(long)]
    pub dump_config: bool,
    /// Use this config file instead of the nearest `claims.toml` (the store's `[audit]`
    /// table still applies beneath it).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Also list waived findings, with the reason they were waived.
    #[arg(long)]
    pub show_waived: bool,
    /// Replace invalid UTF-8 with U+FFFD instead of refusing the file.
    #[arg(long)]
    pub lossy: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A table per file and a summary (for people).
    Table,
    /// One JSON document: {"files": [...], "summary": {...}}.
    Json,
    /// `path:line:col:level:rule:message`, one finding a line (for editors and grep).
    Line,
    /// GitHub Actions workflow annotations (`::warning file=...,line=...::message`).
    Github,
    /// A self-contained HTML report (no network): per draft, a chart of how its claims
    /// are sourced, its findings with the flagged words marked, and the draft with each
    /// claim coloured by its source.
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    /// Never exit with 1 (report only).
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum MinLevel {
    Info,
    Warning,
    Error,
}

impl MinLevel {
    fn level(self) -> Level {
        match self {
            MinLevel::Info => Level::Info,
            MinLevel::Warning => Level::Warning,
            MinLevel::Error => Level::Error,
        }
    }
}

pub fn run(global: &GlobalArgs, args: Args) -> Result<ExitCode, CliError> {
    if let Some(rule) = &args.explain {
        return explain(rule);
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if args.list_rules {
        list_rules(&mut out)?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let store = find_store(global)?;
    let store_dir = store.as_ref().map(|s| s.root().to_path_buf());
    let store_toml = store_dir
        .as_deref()
        .map(|d| d.join("store.toml"))
        .filter(|p| p.is_file());
    if args.dump_config {
        let dir = args
            .files
            .first()
            .map_or_else(working_dir, |f| draft_dir(f));
        let config = config::load(store_toml.as_deref(), args.config.as_deref(), &dir)
            .map_err(config_error)?;
        out.write_all(config.to_toml().as_bytes())?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    // The store-backed rules (contradicts-store, misquote, misattributed-quote) read the
    // newest version of every stored article through an index of their claims.
    let store_index = match &store {
        Some(store) => Some((
            super::store_view::load_index(store)?,
            store.root().to_path_buf(),
        )),
        None => None,
    };
    let stored = store_index
        .as_ref()
        .map(|(index, root)| StoreClaims::open(index, root));
    let relate = claims::audit::store::relate_claims;
    let store: Option<StoreContext> = stored.as_ref().map(|index| StoreContext {
        index,
        relate: &relate,
    });

    let format = args.format.unwrap_or(if output::stdout_is_terminal() {
        Format::Table
    } else {
        Format::Line
    });
    let paint = Paint {
        enabled: output::use_color(global),
    };
    let options = DecodeOptions { lossy: args.lossy };
    let min = args.min_level.level();
    let mut summary = Summary::default();
    let mut reports = Vec::new();
    let mut drafts = Vec::new();
    let mut failed = false;
    let mut cache: AuditorCache = Vec::new();
    for path in &args.files {
        match audit_file(
            path,
            options,
            store_toml.as_deref(),
            args.config.as_deref(),
            store,
            &mut cache,
        ) {
            Ok((report, doc, extraction)) => {
                summary.add(&report);
                match format {
                    Format::Html => drafts.push(html::Audited {
                        report,
                        doc,
                        extraction,
                    }),
                    Format::Json => reports.push(report),
                    Format::Line => write_lines(&mut out, &report, min, args.show_waived)?,
                    Format::Github => write_github(&mut out, &report, min, args.show_waived)?,
                    Format::Table => write_table(&mut out, &report, min, args.show_waived, paint)?,
                }
            }
            Err(err) => {
                // Report and go on with the other files; the exit code says it failed.
                out.flush()?;
                failed = true;
                err.report();
            }
        }
    }
    match format {
        Format::Json => write_json(
            &mut out,
            &reports,
            &summary,
            min,
            args.show_waived,
            store_dir.as_deref(),
        )?,
        Format::Table => writeln!(out, "{}", summary_line(&summary, paint))?,
        Format::Html => {
            out.write_all(html::render(&drafts, &summary, min, args.show_waived).as_bytes())?
        }
        Format::Line | Format::Github => {
            out.flush()?;
            if summary.files > 1 || output::stdout_is_terminal() {
                eprintln!("{}", summary_line(&summary, Paint { enabled: false }));
            }
        }
    }
    out.flush()?;
    if failed {
        return Ok(ExitCode::from(super::error::EXIT_ERROR));
    }
    let fail = match args.fail_on {
        FailOn::Error => summary.reaches(Level::Error),
        FailOn::Warning => summary.reaches(Level::Warning),
        FailOn::Info => summary.reaches(Level::Info),
        FailOn::Never => false,
    };
    Ok(if fail {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn working_dir() -> PathBuf {
    std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."))
}

/// The folder where the config search starts for a draft: its own folder (absolute, so
/// the search can walk above a relative path), or the working directory for stdin.
fn draft_dir(path: &Path) -> PathBuf {
    if path.as_os_str() == "-" {
        return working_dir();
    }
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    absolute
        .parent()
        .map_or_else(working_dir, Path::to_path_buf)
}

/// The claim store: `--store` (or CLAIMS_STORE) when given, which must be a store; else
/// the nearest `claims/store.toml` from the working directory up, if any.
fn find_store(global: &GlobalArgs) -> Result<Option<Store>, CliError> {
    match Store::locate(global.store.as_deref()) {
        Ok(store) => Ok(Some(store)),
        Err(StoreError::NotFound { .. }) if global.store.is_none() => Ok(None),
        Err(err) => Err(err.into()),
    }
}

/// Auditors by the config files they were built from: drafts in one folder share one
/// (building the phrase lists costs more than auditing a short draft).
type AuditorCache<'a> = Vec<(Vec<PathBuf>, Auditor<'a>)>;

fn audit_file<'a>(
    path: &Path,
    options: DecodeOptions,
    store_toml: Option<&Path>,
    explicit: Option<&Path>,
    store: Option<StoreContext<'a>>,
    cache: &mut AuditorCache<'a>,
) -> Result<(FileReport, Document, claims::extract::Extraction), CliError> {
    let doc = Document::read(path, options)?;
    if doc.body_text().trim().is_empty() {
        return Err(
            CliError::new(format!("{}: empty draft: nothing to audit", doc.origin)).with_hint(
                "check the path; a draft is text or Markdown with at least one sentence",
            ),
        );
    }
    let mut files: Vec<PathBuf> = store_toml.map(Path::to_path_buf).into_iter().collect();
    let local = match explicit {
        Some(p) => Some(p.to_path_buf()),
        None => config::find_config_file(&draft_dir(path)),
    };
    files.extend(local);
    let index = match cache.iter().position(|(key, _)| *key == files) {
        Some(i) => i,
        None => {
            let config =
                config::load(store_toml, explicit, &draft_dir(path)).map_err(config_error)?;
            cache.push((files, Auditor::new(config, store)));
            cache.len() - 1
        }
    };
    let auditor = &cache[index].1;
    let extraction = claims::extract(&doc);
    let report = auditor.audit(&doc, &extraction).map_err(config_error)?;
    Ok((report, doc, extraction))
}

fn config_error(err: ConfigError) -> CliError {
    let hint = match &err {
        ConfigError::Io { .. } => "check that the file exists and is readable".to_owned(),
        ConfigError::Syntax { .. } => "the file must be TOML with an [audit] table".to_owned(),
        ConfigError::Key { .. } => format!(
            "settings: [audit] vague-phrases, loaded-verbs, anonymity-reasons; [audit.rules] RULE = \"error\" | \"warning\" | \"info\" | \"off\"; [[audit.waivers]] id, reason. Rules: {}",
            config::known_rules()
        ),
        ConfigError::Marker { .. } => format!(
            "write `<!-- claims: allow RULE -- reason -->` on the line before the paragraph. Rules: {}",
            config::known_rules()
        ),
    };
    CliError::new(err.to_string()).with_hint(hint)
}

fn explain(rule: &str) -> Result<ExitCode, CliError> {
    let rule: Rule = rule.parse().map_err(|e: String| {
        CliError::new(e).with_hint("`claims audit --list-rules` lists the rules")
    })?;
    let mut out = io::stdout().lock();
    let store_note = if rule.needs_store() {
        " (needs a claim store)"
    } else {
        ""
    };
    writeln!(
        out,
        "{} (default level: {}){store_note}\n{}\n\n{}\n\nConfigure in claims.toml or the store's store.toml:\n  [audit.rules]\n  {} = \"off\"    # or \"error\", \"warning\", \"info\"\nWaive one finding: `<!-- claims: allow {} -- reason -->` before the paragraph, or\n  [[audit.waivers]] id = \"FINDING-ID\", reason = \"...\"",
        rule.id(),
        rule.default_level(),
        rule.summary(),
        rule.explain(),
        rule.id(),
        rule.id()
    )?;
    Ok(ExitCode::SUCCESS)
}

fn list_rules(out: &mut impl Write) -> io::Result<()> {
    let mut table = new_table(["rule", "default", "flags"]);
    for rule in Rule::ALL {
        let level = if rule == Rule::AnonymousSource {
            "warning (error for a bare \"a source\")".to_owned()
        } else {
            rule.default_level().to_string()
        };
        table.add_row([rule.id().to_owned(), level, rule.summary().to_owned()]);
    }
    writeln!(out, "{table}")
}

fn shown(report: &FileReport, min: Level, show_waived: bool) -> Vec<&Finding> {
    report.shown(min, show_waived).collect()
}

fn write_lines(
    out: &mut impl Write,
    report: &FileReport,
    min: Level,
    show_waived: bool,
) -> io::Result<()> {
    for f in shown(report, min, show_waived) {
        write!(
            out,
            "{}:{}:{}:{}:{}:{}",
            report.path, f.line, f.column, f.level, f.rule, f.message
        )?;
        if let Some(reason) = &f.waived {
            write!(out, " (waived: {reason})")?;
        }
        writeln!(out, " [{}]", f.id)?;
    }
    Ok(())
}

/// Escapes an annotation's message as GitHub's workflow commands require.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes an annotation property (file, title): also `:` and `,`.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn write_github(
    out: &mut impl Write,
    report: &FileReport,
    min: Level,
    show_waived: bool,
) -> io::Result<()> {
    for f in shown(report, min, show_waived) {
        if f.waived.is_some() {
            continue;
        }
        let command = match f.level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Info => "notice",
        };
        writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            escape_property(&report.path),
            f.line,
            f.column,
            f.end_line,
            f.end_column,
            escape_property(&format!("{} [{}]", f.rule, f.id)),
            escape_data(&f.message)
        )?;
    }
    Ok(())
}

fn write_table(
    out: &mut impl Write,
    report: &FileReport,
    min: Level,
    show_waived: bool,
    paint: Paint,
) -> io::Result<()> {
    let findings = shown(report, min, show_waived);
    if findings.is_empty() {
        return writeln!(
            out,
            "{}  no findings",
            paint.bold(&output::sanitize_line(&report.path))
        );
    }
    writeln!(
        out,
        "{}  {} finding{}",
        paint.bold(&output::sanitize_line(&report.path)),
        findings.len(),
        if findings.len() == 1 { "" } else { "s" }
    )?;
    let mut table = new_table(["line:col", "level", "rule", "message", "id"]);
    for f in findings {
        let level = match (f.waived.is_some(), f.level) {
            (true, _) => paint.dim("waived"),
            (false, Level::Error) => paint.red("error"),
            (false, Level::Warning) => paint.yellow("warning"),
            (false, Level::Info) => paint.cyan("info"),
        };
        let mut message = f.message.clone();
        if let Some(reason) = &f.waived {
            message.push_str(&format!(" (waived: {reason})"));
        }
        table.add_row([
            format!("{}:{}", f.line, f.column),
            level,
            f.rule.id().to_owned(),
            ellipsize(&message, 300),
            f.id.clone(),
        ]);
    }
    writeln!(out, "{table}")
}

fn summary_line(s: &Summary, paint: Paint) -> String {
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("{n} {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    let errors = plural(s.error, "error");
    let errors = if s.error > 0 {
        paint.red(&errors)
    } else {
        errors
    };
    let warnings = plural(s.warning, "warning");
    let warnings = if s.warning > 0 {
        paint.yellow(&warnings)
    } else {
        warnings
    };
    format!(
        "{}: {errors}, {warnings}, {} info, {} waived",
        plural(s.files, "file"),
        s.info,
        s.waived
    )
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    findings: Vec<&'a Finding>,
}

#[derive(Serialize)]
struct JsonSummary<'a> {
    #[serde(flatten)]
    counts: &'a Summary,
    /// The claim store the store-backed rules read, if any.
    store: Option<String>,
    /// How columns are counted.
    column_kind: &'static str,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    files: Vec<JsonFile<'a>>,
    summary: JsonSummary<'a>,
}

fn write_json(
    out: &mut impl Write,
    reports: &[FileReport],
    summary: &Summary,
    min: Level,
    show_waived: bool,
    store: Option<&Path>,
) -> io::Result<()> {
    let doc = JsonReport {
        files: reports
            .iter()
            .map(|r| JsonFile {
                path: &r.path,
                findings: shown(r, min, show_waived),
            })
            .collect(),
        summary: JsonSummary {
            counts: summary,
            store: store.map(|p| p.display().to_string()),
            column_kind: "unicodeCodePoints",
        },
    };
    super::output::write_json_pretty(&mut *out, &doc)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_escapes() {
        assert_eq!(escape_data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
