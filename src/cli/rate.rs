//! `claims rate ID`: a person's verdict on a claim, recorded as an immutable rating in
//! the store (`ratings/`), for `list --rated`, `show` and `export --format claimreview`.

use super::GlobalArgs;
use super::error::CliError;
use super::output::{self, write_json_line};
use super::store_view::{Format, open_store, wait_message};
use claims::hash::Id;
use claims::store::{
    Index, Rating, Ratings, Scale, Store, StoreError, format_time, rating_path, read_ratings,
    write_rating,
};
use serde::Serialize;
use std::io::{self, Write};
use std::process::ExitCode;
use std::time::Duration;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
The rating is a new file, ratings/ab/<62 hex>.toml, named by the sha256 of its canonical
form: it is never rewritten, and two people rating in two clones merge with git without
a conflict. Rating a claim again records a new rating that supersedes the current one;
the earlier ones stay (`claims show ID` lists them). `claims verify` checks every rating.
A numeric rating needs a scale: --best and --worst default to 5 and 1 (schema.org's
defaults); --worst may be above --best for scales that run the other way.

EXAMPLES:
    claims rate 8c71dc92 --verdict \"Misleading\" --rating 2 \\
        --note \"Seoul's figure is about 500; Washington's is thousands\" \\
        --url https://example.org/checks/troops --by \"Example Fact Check\"
    claims rate 8c71dc92 --verdict \"Correct\" --note \"Confirmed by the ministry\"
    claims list --rated
    claims export --format claimreview > claimreview.json")]
pub struct Args {
    /// The claim: its id or a unique prefix of one (at least 4 hex digits).
    #[arg(value_name = "ID")]
    pub id: String,
    /// The verdict in words ("False", "Misleading", "Mostly true").
    #[arg(long, value_name = "TEXT")]
    pub verdict: String,
    /// A numeric rating on the scale --worst..--best.
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub rating: Option<i64>,
    /// The best value of the scale [default: 5, with --rating].
    #[arg(
        long,
        value_name = "N",
        requires = "rating",
        allow_negative_numbers = true
    )]
    pub best: Option<i64>,
    /// The worst value of the scale [default: 1, with --rating].
    #[arg(
        long,
        value_name = "N",
        requires = "rating",
        allow_negative_numbers = true
    )]
    pub worst: Option<i64>,
    /// What the reviewer found: the reasoning behind the verdict.
    #[arg(long, value_name = "TEXT")]
    pub note: String,
    /// Where the review is published.
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    /// Who rates it (a person or the fact-checking organisation).
    #[arg(long, value_name = "NAME", env = "CLAIMS_REVIEWER")]
    pub by: Option<String>,
    /// How to print what was recorded [default: a line of text; json or jsonl].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Seconds to wait for another writer to finish before giving up.
    #[arg(long, value_name = "SECS", default_value_t = 60)]
    pub lock_timeout: u64,
}

#[derive(Serialize)]
struct RatedOut<'a> {
    id: String,
    path: String,
    #[serde(flatten)]
    rating: &'a Rating,
}

pub fn run(global: &GlobalArgs, args: Args) -> Result<ExitCode, CliError> {
    let verdict = one_line_arg(&args.verdict, "--verdict")?;
    if verdict.is_empty() {
        return Err(CliError::new("the verdict is empty")
            .with_hint("--verdict says it in words: \"False\", \"Misleading\", \"Correct\""));
    }
    let note = args.note.trim().to_owned();
    if note.is_empty() {
        return Err(CliError::new("the note is empty")
            .with_hint("--note says what the reviewer found, the reasoning behind the verdict"));
    }
    let scale = scale_arg(&args)?;
    let url = args.url.as_deref().map(url_arg).transpose()?;
    let by = args
        .by
        .clone()
        .or_else(|| std::env::var("USER").ok())
        .map(|b| b.trim().to_owned())
        .filter(|b| !b.is_empty())
        .ok_or_else(|| {
            CliError::new("who rates it is not known")
                .with_hint("give --by NAME (or set CLAIMS_REVIEWER)")
        })?;
    let by = one_line_arg(&by, "--by")?;
    let store = open_store(global)?;
    let index = super::store_view::load_index(&store)?;
    let claim = resolve_claim_arg(&store, &index, &load_ratings(&store)?, &args.id)?;
    let claim_text = index
        .rows_with_claim(&claim)
        .first()
        .map(|r| index.str(r.text).to_owned())
        .unwrap_or_default();
    let rated_at = claims::store::whole_seconds(super::add::logged_at()?);
    let timeout = Duration::from_secs(args.lock_timeout);
    let lock = store.lock(timeout, &mut wait_message(&store, timeout))?;
    // Read under the lock: the rating this one supersedes is the current one now.
    let ratings = read_ratings(&store)?;
    if !ratings.damage.is_empty() {
        return Err(CliError::new(format!(
            "{} rating file(s) of the store are damaged, so which rating is current is not known",
            ratings.damage.len()
        ))
        .with_hint("`claims verify` names them; restore them (e.g. `git checkout` in the store) or delete them, then rate again"));
    }
    let supersedes = ratings.current(&claim).map(|r| r.id);
    let rating = Rating {
        claim,
        claim_text,
        verdict,
        rating: scale,
        note,
        url,
        by,
        rated_at,
        supersedes,
    };
    let id = write_rating(&store, &lock, &rating)?;
    drop(lock);
    let path = rating_path(&store, &id);
    let mut out = io::stdout().lock();
    match args.format {
        Some(Format::Json) | Some(Format::Jsonl) => {
            let value = RatedOut {
                id: id.to_hex(),
                path: path.display().to_string(),
                rating: &rating,
            };
            if args.format == Some(Format::Json) {
                output::write_json_pretty(&mut out, &value)?;
                writeln!(out)?;
            } else {
                write_json_line(&mut out, &value)?;
            }
        }
        _ => {
            let score = rating
                .rating
                .map(|s| format!(" ({} on {}..{})", s.value, s.worst, s.best))
                .unwrap_or_default();
            writeln!(
                out,
                "rated claim {}: {}{score}, by {} at {}",
                claim.short(12),
                rating.verdict,
                rating.by,
                format_time(&rating.rated_at)
            )?;
            if let Some(p) = supersedes {
                writeln!(out, "supersedes rating {}", p.short(12))?;
            }
            writeln!(out, "wrote {}", path.display())?;
            if rating.url.is_none() {
                writeln!(
                    out,
                    "note: without --url the rating is left out of `claims export --format claimreview` (ClaimReview needs the review's address)"
                )?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// A value that must be one line (it goes into one-line fields of the export).
fn one_line_arg(value: &str, flag: &str) -> Result<String, CliError> {
    let value = value.trim();
    if value.chars().any(char::is_control) {
        return Err(CliError::new(format!(
            "{flag} holds a line break or another control character"
        ))
        .with_hint(format!("give {flag} as one line of text")));
    }
    Ok(value.to_owned())
}

/// The numeric rating, checked against its scale.
fn scale_arg(args: &Args) -> Result<Option<Scale>, CliError> {
    let Some(value) = args.rating else {
        return Ok(None);
    };
    let s = Scale {
        value,
        best: args.best.unwrap_or(5),
        worst: args.worst.unwrap_or(1),
    };
    if s.best == s.worst {
        return Err(CliError::new(format!(
            "the scale runs from {} to {}: best and worst must differ",
            s.worst, s.best
        ))
        .with_hint("give --best and --worst different values (the defaults are 5 and 1)"));
    }
    if !s.is_valid() {
        return Err(CliError::new(format!(
            "rating {} is not on the scale {} (worst) to {} (best)",
            s.value, s.worst, s.best
        ))
        .with_hint("give --best and --worst for another scale (the defaults are 5 and 1)"));
    }
    Ok(Some(s))
}

/// The review's address: an absolute http(s) URL with a host and no spaces.
fn url_arg(given: &str) -> Result<String, CliError> {
    let url = given.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    let host = rest.map(|r| r.split(['/', '?', '#']).next().unwrap_or(""));
    let ok = host.is_some_and(|h| !h.is_empty() && !h.starts_with(':'))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control());
    if !ok {
        return Err(
            CliError::new(format!("--url {given:?} is not an http or https address")).with_hint(
                "give the address where the review is published, e.g. https://example.org/checks/1",
            ),
        );
    }
    Ok(url.to_owned())
}

/// The store's ratings, with a warning on stderr for each damaged rating file left out
/// (as [`super::store_view::load_index`] does for articles).
pub fn load_ratings(store: &Store) -> Result<Ratings, CliError> {
    let ratings = read_ratings(store)?;
    let mut stderr = io::stderr().lock();
    for (path, message) in &ratings.damage {
        let _ = writeln!(
            stderr,
            "warning: rating left out: {}: {}; run `claims verify` to list every damaged file",
            path.display(),
            output::sanitize_line(message)
        );
    }
    Ok(ratings)
}

/// The claim a command-line id names. An unknown id gets a hint: the version or rating
/// it is the id of, or the claim id one typo away ("did you mean").
pub fn resolve_claim_arg(
    store: &Store,
    index: &Index,
    ratings: &Ratings,
    given: &str,
) -> Result<Id, CliError> {
    match store.resolve_claim(index, given) {
        Ok(id) => Ok(id),
        Err(StoreError::UnknownId { prefix }) => {
            let hint = unknown_id_hint(index, ratings, &prefix.to_ascii_lowercase());
            let err = CliError::from(StoreError::UnknownId { prefix });
            Err(match hint {
                Some(h) => err.with_hint(h),
                None => err,
            })
        }
        Err(e) => Err(e.into()),
    }
}

fn unknown_id_hint(index: &Index, ratings: &Ratings, prefix: &str) -> Option<String> {
    if let Some(v) = index
        .versions
        .iter()
        .find(|v| v.id.to_hex().starts_with(prefix))
    {
        let article = index.str(v.article);
        return Some(format!(
            "that is a version of article {article:?}: see `claims history {article}`"
        ));
    }
    let rated = ratings
        .by_claim
        .iter()
        .find(|(_, all)| all.iter().any(|r| r.id.to_hex().starts_with(prefix)));
    if let Some((claim, _)) = rated {
        return Some(format!(
            "that is a rating of claim {}: `claims show {}`",
            claim.short(12),
            claim.short(12)
        ));
    }
    let n = prefix.len().min(64);
    let mut seen = std::collections::BTreeSet::new();
    for row in &index.rows {
        let hex = row.claim.to_hex();
        if seen.insert(row.claim) && super::suggest::edit_distance(prefix, &hex[..n]) == 1 {
            return Some(format!("did you mean {}?", &hex[..n.max(12)]));
        }
    }
    None
}

/// A claim's current rating as the store commands print it.
#[derive(Serialize)]
pub struct RatingOut<'a> {
    pub id: String,
    pub verdict: &'a str,
    #[serde(flatten)]
    pub scale: Option<ScaleOut>,
    pub note: &'a str,
    pub url: Option<&'a str>,
    pub by: &'a str,
    pub rated_at: String,
    /// How many earlier ratings of the claim this one (directly or not) replaced.
    pub earlier: usize,
}

#[derive(Serialize)]
pub struct ScaleOut {
    pub rating: i64,
    pub best: i64,
    pub worst: i64,
}

impl<'a> RatingOut<'a> {
    /// The current rating of `claim`, if it has one.
    pub fn current(ratings: &'a Ratings, claim: &Id) -> Option<RatingOut<'a>> {
        let all = ratings.history(claim);
        all.first().map(|r| RatingOut {
            id: r.id.to_hex(),
            verdict: &r.rating.verdict,
            scale: r.rating.rating.map(|s| ScaleOut {
                rating: s.value,
                best: s.best,
                worst: s.worst,
            }),
            note: &r.rating.note,
            url: r.rating.url.as_deref(),
            by: &r.rating.by,
            rated_at: format_time(&r.rating.rated_at),
            earlier: all.len() - 1,
        })
    }

    /// "Misleading (2 on 1..5)".
    pub fn label(&self) -> String {
        match &self.scale {
            Some(s) => format!("{} ({} on {}..{})", self.verdict, s.rating, s.worst, s.best),
            None => self.verdict.to_owned(),
        }
    }
}
