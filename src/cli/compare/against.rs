//! `claims compare --against FILE`: a new article, not stored, against every article of
//! the store.

use super::super::output::{Paint, ellipsize, write_json_line};
use super::Format;
use super::render::{CsvWriter, Dress, Grid};
use super::store::{ClaimOut, Typed, View, by_date, rounded};
use claims::compare::RelationKind;
use claims::compare::report::{Comparison, SAME_CLAIM};
use claims::compare::store_compare::{
    AgainstResult, CompareOptions, NewClaim, compare_against, day_of,
};
use claims::hash::Id;
use claims::input::Document;
use claims::store::{ArticleName, Index, Resolver, VersionEntry};
use serde::Serialize;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

/// How many articles a table cell names before "and N more".
const MAX_LISTED: usize = 5;

/// The article's name in the store if it were added: front matter `id`, else the file
/// name.
fn name_of(doc: &Document, path: &Path) -> Option<ArticleName> {
    match &doc.id {
        Some(id) => Some(ArticleName::slug(id)),
        None if path.as_os_str() == "-" => None,
        None => path
            .file_stem()
            .map(|s| ArticleName::slug(&s.to_string_lossy())),
    }
}

/// How a new claim stands towards the store.
fn standing(r: &AgainstResult) -> &'static str {
    if r.related
        .iter()
        .any(|(_, rel)| rel.relation == RelationKind::Contradict)
    {
        "contradicted"
    } else if !r.known.is_empty() {
        "known"
    } else if !r.related.is_empty() {
        "confirmed"
    } else {
        "new"
    }
}

#[derive(Serialize)]
struct NewSourceOut<'a> {
    name: &'a str,
    as_extracted: &'a str,
    kind: &'static str,
    role: Option<&'a str>,
}

#[derive(Serialize)]
struct RelatedOut<'a> {
    relation: &'static str,
    score: f64,
    reasons: &'a [String],
    claim: ClaimOut<'a>,
}

#[derive(Serialize)]
struct NewClaimOut<'a> {
    id: Id,
    text: &'a str,
    source: Option<NewSourceOut<'a>>,
    /// contradicted, known (same claim in the store), confirmed (agreed), or new.
    standing: &'static str,
    known: Vec<ClaimOut<'a>>,
    matches: Vec<RelatedOut<'a>>,
}

#[derive(Serialize)]
struct AgainstArticleOut<'a> {
    origin: &'a str,
    name: Option<&'a str>,
    title: Option<&'a str>,
    outlet: Option<&'a str>,
    published: Option<&'a str>,
}

#[derive(Serialize, Default)]
struct AgainstSummary {
    claims: usize,
    known: usize,
    confirmed: usize,
    contradicted: usize,
    new: usize,
    /// Articles of the store compared with.
    articles: usize,
}

#[derive(Serialize)]
struct AgainstOut<'a> {
    article: AgainstArticleOut<'a>,
    /// The stored article of the same name, left out of the comparison.
    left_out: Option<&'a str>,
    claims: Vec<NewClaimOut<'a>>,
    summary: AgainstSummary,
}

pub(super) fn run(
    global: &super::super::GlobalArgs,
    index: &Index,
    resolver: &Resolver,
    path: &Path,
    doc: &Document,
    format: Format,
    paint: Paint,
) -> Result<ExitCode, super::super::error::CliError> {
    let extraction = claims::extract(doc);
    let name = name_of(doc, path);
    let left_out = name
        .as_ref()
        .filter(|n| index.head(n.as_str()).is_some())
        .map(|n| n.as_str().to_owned());
    let versions: Vec<&VersionEntry> = by_date(index, index.heads())
        .into_iter()
        .filter(|v| Some(index.str(v.article)) != left_out.as_deref())
        .collect();
    let new_claims: Vec<NewClaim> = extraction
        .claims
        .iter()
        .map(|c| NewClaim {
            id: c.id,
            text: &c.text,
        })
        .collect();
    // The new article is of its publication date, or (a draft) of today.
    let published = doc
        .meta
        .published
        .as_deref()
        .and_then(day_of)
        .or_else(|| day_of(&chrono::Utc::now().format("%Y-%m-%d").to_string()));
    let results = compare_against(
        index,
        &versions,
        &new_claims,
        published,
        &CompareOptions::default(),
    );
    let view = View {
        index,
        resolver,
        versions: &versions,
        comparison: &Comparison::empty(),
        paint,
        show: super::store::Show::default(),
    };
    let mut summary = AgainstSummary {
        claims: results.len(),
        articles: versions.len(),
        ..AgainstSummary::default()
    };
    let claims_out: Vec<NewClaimOut> = extraction
        .claims
        .iter()
        .zip(&results)
        .map(|(c, r)| {
            let st = standing(r);
            match st {
                "contradicted" => summary.contradicted += 1,
                "known" => summary.known += 1,
                "confirmed" => summary.confirmed += 1,
                _ => summary.new += 1,
            }
            NewClaimOut {
                id: c.id,
                text: &c.text,
                source: c.source.as_ref().map(|s| NewSourceOut {
                    name: resolver.resolve(&s.name),
                    as_extracted: &s.name,
                    kind: s.kind.as_str(),
                    role: s.role.as_deref(),
                }),
                standing: st,
                known: r.known.iter().map(|&o| view.claim_out(o)).collect(),
                matches: r
                    .related
                    .iter()
                    .map(|(o, rel)| RelatedOut {
                        relation: rel.relation.as_str(),
                        score: rounded(rel.score),
                        reasons: &rel.reasons,
                        claim: view.claim_out(*o),
                    })
                    .collect(),
            }
        })
        .collect();
    let result = AgainstOut {
        article: AgainstArticleOut {
            origin: &doc.origin,
            name: name.as_ref().map(ArticleName::as_str),
            title: doc.meta.title.as_deref(),
            outlet: doc.meta.outlet.as_deref(),
            published: doc.meta.published.as_deref(),
        },
        left_out: left_out.as_deref(),
        claims: claims_out,
        summary,
    };
    let mut out = super::super::pager::Out::new(global);
    match format {
        Format::Json => {
            super::super::output::write_json_pretty(&mut out, &result)?;
            writeln!(out)?;
        }
        Format::Jsonl => {
            for value in &result.claims {
                write_json_line(
                    &mut out,
                    &Typed {
                        kind: "claim",
                        value,
                    },
                )?;
            }
            write_json_line(
                &mut out,
                &Typed {
                    kind: "summary",
                    value: &result.summary,
                },
            )?;
        }
        Format::Csv => against_csv(&mut out, &result)?,
        // Refused before the article is read.
        Format::Html => {}
        Format::Table => against_table(&mut out, &result, Dress::Terminal, paint)?,
        Format::Markdown => against_table(&mut out, &result, Dress::Markdown, paint)?,
    }
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

fn claim_label(c: &ClaimOut) -> String {
    let source = c.source.as_ref().map_or("unsourced", |s| s.name);
    format!("{} ({source})", c.article)
}

fn against_table(
    out: &mut impl Write,
    result: &AgainstOut,
    dress: Dress,
    paint: Paint,
) -> io::Result<()> {
    if let Some(name) = result.left_out {
        writeln!(
            out,
            "{name} is in the store: its stored versions are left out of the comparison\n"
        )?;
    }
    let mut grid = Grid::new(dress, &["#", "claim", "source", "standing", "in the store"]);
    for (n, c) in result.claims.iter().enumerate() {
        let mut lines: Vec<String> = Vec::new();
        if !c.known.is_empty() {
            let mut names: Vec<String> = c.known.iter().take(MAX_LISTED).map(claim_label).collect();
            if c.known.len() > MAX_LISTED {
                names.push(format!("and {} more", c.known.len() - MAX_LISTED));
            }
            lines.push(format!("{SAME_CLAIM}: {}", names.join(", ")));
        }
        for m in &c.matches {
            let label = if m.relation == "contradict" {
                paint.yellow("contradicts")
            } else {
                "agrees".to_owned()
            };
            lines.push(format!(
                "{label}: {}: “{}” ({})",
                claim_label(&m.claim),
                ellipsize(m.claim.text, 100),
                m.reasons.join("; ")
            ));
        }
        let st = match c.standing {
            "contradicted" => paint.yellow("contradicted"),
            "new" => paint.dim("new"),
            other => other.to_owned(),
        };
        grid.add(&[
            (n + 1).to_string(),
            ellipsize(c.text, 160),
            c.source.as_ref().map_or("unsourced", |s| s.name).to_owned(),
            st,
            lines.join("\n"),
        ]);
    }
    if grid.is_empty() {
        writeln!(out, "no claims found in {}", result.article.origin)?;
    } else {
        grid.write(out)?;
    }
    let s = &result.summary;
    writeln!(
        out,
        "{} claim(s) against {} article(s): {} already in the store, {} confirmed, {} contradicted, {} new",
        s.claims, s.articles, s.known, s.confirmed, s.contradicted, s.new
    )
}

fn against_csv(out: &mut impl Write, result: &AgainstOut) -> io::Result<()> {
    let mut w = CsvWriter::new(out);
    w.row(&[
        "claim_id",
        "claim",
        "source",
        "standing",
        "relation",
        "article",
        "id",
        "text",
        "article_source",
        "reasons",
    ])?;
    for c in &result.claims {
        let head = [
            c.id.to_hex(),
            c.text.to_owned(),
            c.source.as_ref().map_or("", |s| s.name).to_owned(),
            c.standing.to_owned(),
        ];
        let other = |relation: &str, claim: &ClaimOut, reasons: String| -> Vec<String> {
            let mut f = head.to_vec();
            f.extend([
                relation.to_owned(),
                claim.article.to_owned(),
                claim.id.to_hex(),
                claim.text.to_owned(),
                claim.source.as_ref().map_or("", |s| s.name).to_owned(),
                reasons,
            ]);
            f
        };
        let mut any = false;
        for k in &c.known {
            w.row(&other(SAME_CLAIM, k, String::new()))?;
            any = true;
        }
        for m in &c.matches {
            w.row(&other(m.relation, &m.claim, m.reasons.join("; ")))?;
            any = true;
        }
        if !any {
            let mut f = head.to_vec();
            f.extend(std::iter::repeat_n(String::new(), 6));
            w.row(&f)?;
        }
    }
    w.into_inner().flush()
}
