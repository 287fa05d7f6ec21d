//! `claims export`: the store's claim occurrences as JSON Lines or CSV, or the rated
//! claims as schema.org ClaimReview JSON-LD.

use super::GlobalArgs;
use super::error::CliError;
use super::list::Filter;
use super::output::write_json_line;
use super::store_view::{OccurrenceOut, open_store};
use claims::store::Resolver;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
--format claimreview writes one JSON-LD array of schema.org ClaimReview objects, one per
claim with a rating (`claims rate`), built from its current rating: claimReviewed (the
claim), reviewRating (the verdict as alternateName; ratingValue, bestRating and
worstRating when the rating is numeric), itemReviewed (a Claim: its author is the source
most articles give, else the outlet asserting it; its appearance is every article
carrying it, with url, headline, datePublished and publisher where the store has them),
author (the reviewer, --by, as an Organization), datePublished (the day of the rating)
and url (the review's address, --url). A rating without --url is left out with a
warning: ClaimReview requires the address. It carries no `schema` field: it is
schema.org's vocabulary, not a claims document.

EXAMPLES:
    claims export > claims.jsonl
    claims export --format csv --all-versions > claims.csv
    claims export --format claimreview > claimreview.json")]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
    pub format: ExportFormat,
    /// Include claims of earlier versions, not only each article's newest.
    #[arg(long)]
    pub all_versions: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// One claim occurrence per line, as `claims list --format jsonl`.
    Jsonl,
    /// One claim occurrence per row, with a header row (RFC 4180 quoting).
    Csv,
    /// schema.org ClaimReview JSON-LD for the rated claims (`claims rate`).
    Claimreview,
}

const CSV_HEADER: &[&str] = &[
    "id",
    "text",
    "article",
    "version",
    "current",
    "source",
    "source_kind",
    "source_role",
    "cue",
    "quote",
    "span_start",
    "span_end",
    "sentence",
    "title",
    "outlet",
    "published",
    "url",
    "logged_at",
];

pub fn run(global: &GlobalArgs, args: Args) -> Result<ExitCode, CliError> {
    let store = open_store(global)?;
    let index = super::store_view::load_index(&store)?;
    let resolver = Resolver::new(store.source_config()?, &index);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if args.format == ExportFormat::Claimreview {
        let ratings = super::rate::load_ratings(&store)?;
        let n = super::claimreview::write_claimreviews(&mut out, &index, &resolver, &ratings)?;
        out.flush()?;
        if n == 0 {
            eprintln!(
                "no rated claim to export: `claims rate ID --verdict ... --url ...` rates one"
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    let filter = Filter {
        articles: Vec::new(),
        source: None,
        outlet: None,
        unsourced: false,
        since: None,
        logged_since: None,
        all_versions: args.all_versions,
        outlets: None,
        sources: None,
    };
    if args.format == ExportFormat::Csv {
        write_csv_row(&mut out, CSV_HEADER.iter().copied())?;
    }
    for v in filter.versions(&index)? {
        for row in index.rows_of(v) {
            let occ = OccurrenceOut::new(&index, &resolver, v, row);
            match args.format {
                ExportFormat::Jsonl | ExportFormat::Claimreview => write_json_line(&mut out, &occ)?,
                ExportFormat::Csv => {
                    let id = occ.id.to_hex();
                    let version = occ.version.to_hex();
                    let (start, end) = (occ.span.start.to_string(), occ.span.end.to_string());
                    let sentence = occ.sentence.to_string();
                    let source = occ.source.as_ref();
                    write_csv_row(
                        &mut out,
                        [
                            id.as_str(),
                            occ.text,
                            occ.article,
                            version.as_str(),
                            if occ.current { "true" } else { "false" },
                            source.map_or("", |s| s.name),
                            source.map_or("", |s| s.kind),
                            source.and_then(|s| s.role).unwrap_or(""),
                            occ.cue.as_ref().map_or("", |c| c.text),
                            occ.quote,
                            start.as_str(),
                            end.as_str(),
                            sentence.as_str(),
                            occ.title.unwrap_or(""),
                            occ.outlet.unwrap_or(""),
                            occ.published.unwrap_or(""),
                            occ.url.unwrap_or(""),
                            occ.logged_at.as_str(),
                        ],
                    )?;
                }
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// One CSV record: fields holding a comma, quote or line break are quoted, quotes doubled.
/// A field that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a
/// tab or a carriage return: "CSV injection") is written with a `'` in front, which
/// spreadsheets show as text.
pub(super) fn write_csv_row<'a>(
    out: &mut impl Write,
    fields: impl IntoIterator<Item = &'a str>,
) -> io::Result<()> {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        let guarded;
        let field = if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            guarded = format!("'{field}");
            guarded.as_str()
        } else {
            field
        };
        if field.contains([',', '"', '\n', '\r']) {
            out.write_all(b"\"")?;
            out.write_all(field.replace('"', "\"\"").as_bytes())?;
            out.write_all(b"\"")?;
        } else {
            out.write_all(field.as_bytes())?;
        }
    }
    out.write_all(b"\r\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_needs_it() {
        let mut out = Vec::new();
        write_csv_row(&mut out, ["a", "b,c", "say \"hi\"", "x\ny"]).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\"\r\n"
        );
    }

    #[test]
    fn csv_guards_cells_a_spreadsheet_would_run() {
        let mut out = Vec::new();
        write_csv_row(
            &mut out,
            ["=1+2", "+x", "-3", "@SUM(A1)", "a=b", "\tx", "=a,b"],
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "'=1+2,'+x,'-3,'@SUM(A1),a=b,'\tx,\"'=a,b\"\r\n"
        );
    }
}
