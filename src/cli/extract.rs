//! `claims extract`: the claims and sources of articles, without storing anything.

use super::GlobalArgs;
use super::error::CliError;
use super::output::{self, ellipsize, new_table, write_json_line};
use claims::Extraction;
use claims::input::{DecodeOptions, Document, JsonlReader};
use serde::Serialize;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
EXAMPLES:
    claims extract story.md                        # a table on a terminal, JSON Lines otherwise
    claims extract --format json story.md          # the contract of ../shared/eval/FORMAT.md
    claims extract --input-format jsonl docs.jsonl # {\"id\", \"text\", ...} records, streamed
    claims extract --input-format jsonl --id-field event_id,outlet --date-field date basil.jsonl")]
pub struct Args {
    /// Articles to read: text or Markdown, with optional TOML front matter between `+++`
    /// lines; `-` reads standard input.
    #[arg(value_name = "FILE", default_value = "-")]
    pub files: Vec<PathBuf>,
    /// How the input is laid out: one article a file, or JSON Lines of
    /// `{"id": ..., "text": ...}` records (streamed, in constant memory).
    #[arg(long, value_enum, default_value_t = InputFormat::Text)]
    pub input_format: InputFormat,
    #[command(flatten)]
    pub fields: super::fields::FieldArgs,
    /// Output format [default: table on a terminal, jsonl otherwise].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Replace invalid UTF-8 with U+FFFD instead of refusing the file (offsets are then
    /// into the repaired text).
    #[arg(long)]
    pub lossy: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    Text,
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One row per claim: sentence, claim, source, kind, cue.
    Table,
    /// A JSON array with one object per article.
    Json,
    /// One JSON object per article per line (the format the scorers read).
    Jsonl,
}

/// One article's extraction as printed (the contract in `eval/FORMAT.md`).
#[derive(Serialize)]
struct DocumentOutput<'a> {
    id: &'a str,
    #[serde(flatten)]
    extraction: &'a Extraction,
}

pub fn run(global: &GlobalArgs, args: Args) -> Result<ExitCode, CliError> {
    let format = args.format.unwrap_or(if output::stdout_is_terminal() {
        Format::Table
    } else {
        Format::Jsonl
    });
    let options = DecodeOptions { lossy: args.lossy };
    let fields = args
        .fields
        .field_map(args.input_format == InputFormat::Jsonl)?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut printer = Printer {
        format,
        first: true,
        paint: output::Paint {
            enabled: output::use_color(global),
        },
    };
    printer.begin(&mut out)?;
    for path in &args.files {
        match args.input_format {
            InputFormat::Text => {
                let doc = Document::read(path, options)?;
                printer.document(&mut out, &doc)?;
            }
            InputFormat::Jsonl => {
                let origin = path.display().to_string();
                let reader = super::lines::open(path)?;
                for doc in JsonlReader::with_fields(reader, origin, fields.clone()) {
                    printer.document(&mut out, &doc?)?;
                }
            }
        }
    }
    printer.end(&mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

struct Printer {
    format: Format,
    first: bool,
    paint: output::Paint,
}

impl Printer {
    fn begin(&mut self, out: &mut impl Write) -> io::Result<()> {
        if self.format == Format::Json {
            out.write_all(b"[")?;
        }
        Ok(())
    }

    fn end(&mut self, out: &mut impl Write) -> io::Result<()> {
        if self.format == Format::Json {
            out.write_all(if self.first { b"]\n" } else { b"\n]\n" })?;
        }
        Ok(())
    }

    fn document(&mut self, out: &mut impl Write, doc: &Document) -> io::Result<()> {
        let extraction = claims::extract(doc);
        let record = DocumentOutput {
            id: doc.id.as_deref().unwrap_or(&doc.origin),
            extraction: &extraction,
        };
        match self.format {
            Format::Jsonl => write_json_line(out, &record)?,
            Format::Json => {
                out.write_all(if self.first { b"\n" } else { b",\n" })?;
                output::write_json_pretty(&mut *out, &record)?;
            }
            Format::Table => self.table(out, doc, &extraction)?,
        }
        self.first = false;
        Ok(())
    }

    fn table(&self, out: &mut impl Write, doc: &Document, ex: &Extraction) -> io::Result<()> {
        if !self.first {
            writeln!(out)?;
        }
        let title = doc.meta.title.as_deref().unwrap_or(&doc.origin);
        writeln!(
            out,
            "{}  {} sentences, {} claims, {} fragments",
            self.paint.bold(&output::sanitize_line(title)),
            ex.sentences.len(),
            ex.claims.len(),
            ex.fragments.len()
        )?;
        let mut table = new_table(["#", "claim", "source", "kind", "cue"]);
        for claim in &ex.claims {
            let (source, kind) = match &claim.source {
                Some(s) => {
                    let name = match &s.role {
                        Some(role) => format!("{} ({})", s.name, ellipsize(role, 40)),
                        None => s.name.clone(),
                    };
                    (name, s.kind.as_str().to_owned())
                }
                None => (self.paint.dim("unsourced"), String::new()),
            };
            let cue = claim.cue.as_ref().map(|c| c.text.as_str()).unwrap_or("");
            table.add_row([
                (claim.sentence + 1).to_string(),
                ellipsize(&claim.text, 160),
                source,
                kind,
                cue.to_owned(),
            ]);
        }
        writeln!(out, "{table}")?;
        for frag in &ex.fragments {
            let line = 1 + doc.text[..frag.start].matches('\n').count();
            writeln!(
                out,
                "{} line {line}: {}",
                self.paint.yellow("fragment"),
                ellipsize(frag.slice(&doc.text), 80)
            )?;
        }
        Ok(())
    }
}
