//! `claims compare [ARTICLE...]`: the store's articles against each other (and the
//! dispatch to `--against FILE`, in [`super::against`]).

use super::super::GlobalArgs;
use super::super::articles::article_time;
use super::super::error::CliError;
use super::super::lookup;
use super::super::output::{self, Paint, ellipsize, write_json_line};
use super::super::store_view::parse_date;
use super::super::store_view::{SourceOut, article_arg, open_store, published_date};
use super::render::{CsvWriter, Dress, Grid};
use super::{Args, FailOn, Format, Only};
use claims::compare::RelationKind;
use claims::compare::report::{Cell, Comparison, Occ, RowKind, Statement, TableRow};
use claims::compare::store_compare::{CompareOptions, compare};
use claims::hash::Id;
use claims::input::{DecodeOptions, Document};
use claims::store::key;
use claims::store::{Index, Resolver, Row, VersionEntry};
use serde::Serialize;
use std::collections::BTreeSet;
use std::io::{self, Write};
use std::process::ExitCode;

/// Up to this many articles, the table has a column per article; beyond, each row lists
/// the articles that carry its claim.
const MAX_COLUMNS: usize = 4;

pub fn run(global: &GlobalArgs, args: Args) -> Result<ExitCode, CliError> {
    let format = args.format.unwrap_or(if output::stdout_is_terminal() {
        Format::Table
    } else {
        Format::Jsonl
    });
    let paint = Paint {
        enabled: output::use_color(global) && format == Format::Table,
    };
    if let Some(path) = &args.against {
        if format == Format::Html {
            return Err(super::html_unsupported("--against"));
        }
        // Read the new article before the store: a bad file is reported as such.
        let doc = Document::read(path, DecodeOptions::default())?;
        let store = open_store(global)?;
        let index = super::super::store_view::load_index(&store)?;
        let resolver = Resolver::new(store.source_config()?, &index);
        return super::against::run(global, &index, &resolver, path, &doc, format, paint);
    }
    let names = args
        .articles
        .iter()
        .map(|a| article_arg(a).map(|n| n.as_str().to_owned()))
        .collect::<Result<Vec<_>, _>>()?;
    if let Some(m) = args.min_score
        && !(0.0..=1.0).contains(&m)
    {
        return Err(
            CliError::new(format!("--min-score {m} is not between 0 and 1"))
                .with_hint("scores run from 0 to 1; the same claim in two articles scores 1"),
        );
    }
    let store = open_store(global)?;
    let index = super::super::store_view::load_index(&store)?;
    let mut versions = select(&index, &names)?;
    narrow(&index, &mut versions, &args)?;
    let resolver = Resolver::new(store.source_config()?, &index);
    let comparison = compare(&index, &versions, &CompareOptions::default());
    let show = Show {
        only: args.only,
        min_score: args.min_score,
        limit: args.limit,
    };
    let with_unsourced = args.unsourced || args.only == Some(Only::Unsourced);
    let view = View {
        index: &index,
        resolver: &resolver,
        versions: &versions,
        comparison: &comparison,
        paint,
        show,
    };
    let mut out = super::super::pager::Out::new(global);
    match format {
        Format::Table => view.table(&mut out, Dress::Terminal, with_unsourced)?,
        Format::Markdown => view.table(&mut out, Dress::Markdown, with_unsourced)?,
        Format::Json => {
            output::write_json_pretty(&mut out, &view.json(with_unsourced))?;
            writeln!(out)?;
        }
        Format::Jsonl => view.jsonl(&mut out, with_unsourced)?,
        Format::Csv => view.csv(&mut out, with_unsourced)?,
        Format::Html => out.write_all(super::html::render(&view, &store).as_bytes())?,
    }
    out.finish()?;
    let contradictions = view
        .shown_rows()
        .iter()
        .filter(|r| r.kind == RowKind::Contradiction)
        .count();
    if args.fail_on == Some(FailOn::Contradiction) && contradictions > 0 {
        eprintln!("{contradictions} contradiction(s) found (--fail-on contradiction): exit code 1");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether --outlet, --since or --until choose the articles.
fn narrows(args: &Args) -> bool {
    args.outlet.is_some() || args.since.is_some() || args.until.is_some()
}

/// Keeps the articles of the outlets --outlet names, published within --since/--until.
fn narrow(index: &Index, versions: &mut Vec<&VersionEntry>, args: &Args) -> Result<(), CliError> {
    if !narrows(args) {
        return Ok(());
    }
    let since = args.since.as_deref().map(parse_date).transpose()?;
    let until = args.until.as_deref().map(parse_date).transpose()?;
    let outlets: Option<BTreeSet<String>> = match &args.outlet {
        Some(q) => {
            let found = lookup::outlets(index, q)?;
            lookup::note("outlet", q, &found.iter().cloned().collect::<Vec<_>>());
            Some(found.iter().map(|o| key(o)).collect())
        }
        None => None,
    };
    versions.retain(|v| {
        let when = article_time(index, v);
        outlets.as_ref().is_none_or(|set| {
            index
                .opt_str(v.outlet)
                .is_some_and(|o| set.contains(&key(o)))
        }) && since.is_none_or(|s| when >= s.timestamp())
            && until.is_none_or(|u| when < u.timestamp())
    });
    if versions.len() < 2 {
        return Err(CliError::new(format!(
            "{} article(s) match --outlet/--since/--until: comparing needs two or more",
            versions.len()
        ))
        .with_hint(
            "`claims articles` with the same --outlet/--since/--until lists what they match",
        ));
    }
    Ok(())
}

/// What of a comparison is shown: --only, --min-score, --limit.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Show {
    pub only: Option<Only>,
    pub min_score: Option<f64>,
    pub limit: Option<usize>,
}

impl Show {
    fn keeps(&self, relation: RowKind, score: f64) -> bool {
        let kind_ok = match self.only {
            None => true,
            Some(Only::Contradictions) => relation == RowKind::Contradiction,
            Some(Only::Agreements) => relation == RowKind::Agreement,
            Some(Only::Unsourced) => false,
        };
        kind_ok && self.min_score.is_none_or(|m| score >= m)
    }

    fn limit(&self) -> usize {
        self.limit.unwrap_or(usize::MAX)
    }
}

/// The versions to compare: the named articles' newest, in the order given, or every
/// article's newest, oldest published first.
fn select<'i>(index: &'i Index, names: &[String]) -> Result<Vec<&'i VersionEntry>, CliError> {
    if names.is_empty() {
        return Ok(by_date(index, index.heads()));
    }
    let mut out: Vec<&VersionEntry> = Vec::new();
    for name in names {
        let head = index
            .head(name)
            .ok_or_else(|| super::super::lookup::unknown_article(index, name))?;
        if !out.iter().any(|v| v.id == head.id) {
            out.push(head);
        }
    }
    if out.len() < 2 {
        return Err(CliError::new("comparing needs two articles or more").with_hint(
            "name two or more articles, or none to compare every article; `claims compare --against FILE` checks one article against the whole store",
        ));
    }
    Ok(out)
}

/// Oldest published first (an article without a published date counts from when it was
/// logged), then by name.
pub(super) fn by_date<'i>(
    index: &Index,
    mut versions: Vec<&'i VersionEntry>,
) -> Vec<&'i VersionEntry> {
    let when = |v: &VersionEntry| {
        index
            .opt_str(v.published)
            .and_then(published_date)
            .map_or(v.logged_at, |d| d.timestamp())
    };
    versions.sort_by(|a, b| {
        when(a)
            .cmp(&when(b))
            .then_with(|| index.str(a.article).cmp(index.str(b.article)))
    });
    versions
}

/// A claim as printed in JSON.
#[derive(Serialize)]
pub(super) struct ClaimOut<'a> {
    pub article: &'a str,
    pub id: Id,
    pub text: &'a str,
    pub source: Option<SourceOut<'a>>,
}

/// Who a row's claim is attributed to, for tables.
pub(super) fn source_label(index: &Index, resolver: &Resolver, row: &Row) -> String {
    match row.source_kind {
        Some(_) => resolver.resolve(index.str(row.source_name)).to_owned(),
        None => "unsourced".to_owned(),
    }
}

pub(super) fn rounded(score: f64) -> f64 {
    (score * 1000.0).round() / 1000.0
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    article: &'a str,
    version: Id,
    title: Option<&'a str>,
    outlet: Option<&'a str>,
    published: Option<&'a str>,
    claims: usize,
    sourced: usize,
    unsourced: usize,
    vague: usize,
    anonymous: usize,
    agreements: usize,
    contradictions: usize,
}

#[derive(Serialize)]
struct MatchOut<'a> {
    relation: &'static str,
    score: f64,
    reasons: &'a [String],
    claims: Vec<ClaimOut<'a>>,
}

#[derive(Serialize)]
struct CellClaimOut<'a> {
    relation: &'static str,
    #[serde(flatten)]
    claim: ClaimOut<'a>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    reasons: &'a [String],
}

#[derive(Serialize)]
struct CellOut<'a> {
    article: &'a str,
    stands: &'static str,
    claims: Vec<CellClaimOut<'a>>,
}

#[derive(Serialize)]
struct RowOut<'a> {
    relation: &'static str,
    claim: ClaimOut<'a>,
    score: f64,
    reasons: &'a [String],
    /// Only the articles that carry the claim or contradict it: the others are absent.
    articles: Vec<CellOut<'a>>,
}

#[derive(Serialize)]
struct UnsourcedOut<'a> {
    id: Id,
    text: &'a str,
    articles: Vec<&'a str>,
}

#[derive(Serialize)]
struct StatsOut {
    articles: usize,
    claims: usize,
    distinct_claims: usize,
    candidate_pairs: usize,
    agreements: usize,
    contradictions: usize,
    /// Relations found between claims of articles telling different stories, left out.
    other_stories: usize,
    /// Rows of the table shown (after --only, --min-score, --limit) that are
    /// contradictions, and that are agreements: what the table's last line counts.
    contradiction_rows: usize,
    agreement_rows: usize,
}

#[derive(Serialize)]
struct ComparisonOut<'a> {
    articles: Vec<ArticleOut<'a>>,
    matches: Vec<MatchOut<'a>>,
    rows: Vec<RowOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unsourced: Option<Vec<UnsourcedOut<'a>>>,
    stats: StatsOut,
}

/// A JSON Lines record: the object with its `type`.
#[derive(Serialize)]
pub(super) struct Typed<T: Serialize> {
    #[serde(rename = "type")]
    pub kind: &'static str,
    #[serde(flatten)]
    pub value: T,
}

/// How an article stands towards a row's claim.
fn stands(cell: &Cell) -> &'static str {
    match (cell.agrees.is_empty(), cell.contradicts.is_empty()) {
        (false, true) => "agrees",
        (true, false) => "contradicts",
        _ => "agrees and contradicts",
    }
}

/// Everything needed to print a comparison.
pub(super) struct View<'a> {
    pub index: &'a Index,
    pub resolver: &'a Resolver,
    pub versions: &'a [&'a VersionEntry],
    pub comparison: &'a Comparison,
    pub paint: Paint,
    pub show: Show,
}

impl<'a> View<'a> {
    fn article(&self, n: u32) -> &'a str {
        self.index.str(self.versions[n as usize].article)
    }

    fn row(&self, row: u32) -> &'a Row {
        &self.index.rows[row as usize]
    }

    fn text(&self, row: u32) -> &'a str {
        self.index.str(self.row(row).text)
    }

    pub fn claim_out(&self, occ: Occ) -> ClaimOut<'a> {
        let row = self.row(occ.row);
        ClaimOut {
            article: self.article(occ.article),
            id: row.claim,
            text: self.index.str(row.text),
            source: SourceOut::of(self.index, self.resolver, row),
        }
    }

    fn articles_out(&self) -> Vec<ArticleOut<'a>> {
        self.versions
            .iter()
            .zip(&self.comparison.summaries)
            .map(|(v, s)| ArticleOut {
                article: self.index.str(v.article),
                version: v.id,
                title: self.index.opt_str(v.title),
                outlet: self.index.opt_str(v.outlet),
                published: self.index.opt_str(v.published),
                claims: s.claims,
                sourced: s.sourced,
                unsourced: s.unsourced,
                vague: s.vague,
                anonymous: s.anonymous,
                agreements: s.agreements,
                contradictions: s.contradictions,
            })
            .collect()
    }

    /// The table's rows that --only and --min-score keep, at most --limit of them.
    pub fn shown_rows(&self) -> Vec<&'a TableRow> {
        self.comparison
            .rows
            .iter()
            .filter(|r| self.show.keeps(r.kind, r.score))
            .take(self.show.limit())
            .collect()
    }

    fn matches_out(&self) -> Vec<MatchOut<'a>> {
        self.comparison
            .matches()
            .into_iter()
            .filter(|m| {
                let kind = match m.relation {
                    RelationKind::Contradict => RowKind::Contradiction,
                    _ => RowKind::Agreement,
                };
                self.show.keeps(kind, m.score)
            })
            .take(self.show.limit())
            .map(|m| MatchOut {
                relation: m.relation.as_str(),
                score: rounded(m.score),
                reasons: m.reasons,
                claims: m.claims.iter().map(|&o| self.claim_out(o)).collect(),
            })
            .collect()
    }

    fn row_out(&self, r: &'a TableRow) -> RowOut<'a> {
        RowOut {
            relation: r.kind.as_str(),
            claim: self.claim_out(r.claim),
            score: rounded(r.score),
            reasons: &r.reasons,
            articles: r
                .cells
                .iter()
                .map(|c| CellOut {
                    article: self.article(c.article),
                    stands: stands(c),
                    claims: c
                        .agrees
                        .iter()
                        .map(|&row| CellClaimOut {
                            relation: "agrees",
                            claim: self.claim_out(Occ {
                                article: c.article,
                                row,
                            }),
                            reasons: &[],
                        })
                        .chain(c.contradicts.iter().map(|(row, why)| CellClaimOut {
                            relation: "contradicts",
                            claim: self.claim_out(Occ {
                                article: c.article,
                                row: *row,
                            }),
                            reasons: why,
                        }))
                        .collect(),
                })
                .collect(),
        }
    }

    fn unsourced_out(&self) -> Vec<UnsourcedOut<'a>> {
        self.comparison
            .unsourced(self.index)
            .into_iter()
            .take(self.show.limit())
            .map(|s: &Statement| UnsourcedOut {
                id: s.id,
                text: self.text(s.occurrences[0].row),
                articles: s.articles().into_iter().map(|a| self.article(a)).collect(),
            })
            .collect()
    }

    fn stats_out(&self) -> StatsOut {
        let s = &self.comparison.stats;
        let rows = self.shown_rows();
        let contradiction_rows = rows
            .iter()
            .filter(|r| r.kind == RowKind::Contradiction)
            .count();
        StatsOut {
            contradiction_rows,
            agreement_rows: rows.len() - contradiction_rows,
            articles: self.versions.len(),
            claims: s.occurrences,
            distinct_claims: s.statements,
            candidate_pairs: s.candidate_pairs,
            agreements: s.agreements,
            contradictions: s.contradictions,
            other_stories: s.other_stories,
        }
    }

    fn json(&self, with_unsourced: bool) -> ComparisonOut<'a> {
        ComparisonOut {
            articles: self.articles_out(),
            matches: self.matches_out(),
            rows: self
                .shown_rows()
                .into_iter()
                .map(|r| self.row_out(r))
                .collect(),
            unsourced: with_unsourced.then(|| self.unsourced_out()),
            stats: self.stats_out(),
        }
    }

    fn jsonl(&self, out: &mut impl Write, with_unsourced: bool) -> io::Result<()> {
        for value in self.articles_out() {
            write_json_line(
                out,
                &Typed {
                    kind: "article",
                    value,
                },
            )?;
        }
        for value in self.matches_out() {
            write_json_line(
                out,
                &Typed {
                    kind: "match",
                    value,
                },
            )?;
        }
        for r in self.shown_rows() {
            write_json_line(
                out,
                &Typed {
                    kind: "row",
                    value: self.row_out(r),
                },
            )?;
        }
        if with_unsourced {
            for value in self.unsourced_out() {
                write_json_line(
                    out,
                    &Typed {
                        kind: "unsourced",
                        value,
                    },
                )?;
            }
        }
        write_json_line(
            out,
            &Typed {
                kind: "stats",
                value: self.stats_out(),
            },
        )
    }

    /// The table one line per row and article (absent articles left out), then the
    /// unsourced statements one line per article.
    fn csv(&self, out: &mut impl Write, with_unsourced: bool) -> io::Result<()> {
        let mut w = CsvWriter::new(out);
        w.row(&[
            "row",
            "relation",
            "claim_id",
            "claim",
            "article",
            "stands",
            "id",
            "text",
            "source",
            "source_kind",
            "reasons",
        ])?;
        for (n, r) in self.shown_rows().into_iter().enumerate() {
            let anchor = self.row(r.claim.row);
            let row_fields = [
                (n + 1).to_string(),
                r.kind.as_str().to_owned(),
                anchor.claim.to_hex(),
                self.index.str(anchor.text).to_owned(),
            ];
            for c in &r.cells {
                let lines = c
                    .agrees
                    .iter()
                    .map(|&row| (row, "agrees", r.reasons.join("; ")))
                    .chain(
                        c.contradicts
                            .iter()
                            .map(|(row, why)| (*row, "contradicts", why.join("; "))),
                    );
                for (row, stand, why) in lines {
                    let occ = self.row(row);
                    let mut fields: Vec<String> = row_fields.to_vec();
                    fields.extend([
                        self.article(c.article).to_owned(),
                        stand.to_owned(),
                        occ.claim.to_hex(),
                        self.index.str(occ.text).to_owned(),
                        occ.source_kind.map_or(String::new(), |_| {
                            source_label(self.index, self.resolver, occ)
                        }),
                        occ.source_kind.map_or("", |k| k.as_str()).to_owned(),
                        why,
                    ]);
                    w.row(&fields)?;
                }
            }
        }
        if with_unsourced {
            for (n, u) in self.unsourced_out().into_iter().enumerate() {
                for article in &u.articles {
                    w.row(&[
                        format!("u{}", n + 1),
                        "unsourced".to_owned(),
                        u.id.to_hex(),
                        u.text.to_owned(),
                        (*article).to_owned(),
                        "unsourced".to_owned(),
                        u.id.to_hex(),
                        u.text.to_owned(),
                        String::new(),
                        String::new(),
                        String::new(),
                    ])?;
                }
            }
        }
        w.into_inner().flush()
    }

    /// What an article's cell says: how it stands, who it quotes, and its own wording
    /// where it differs from the row's claim.
    fn cell_text(&self, r: &TableRow, c: &Cell) -> String {
        let claim_text = self.text(r.claim.row);
        let mut lines = Vec::new();
        let mut describe = |label: String, row: u32| {
            let occ = self.row(row);
            lines.push(format!(
                "{label} ({})",
                source_label(self.index, self.resolver, occ)
            ));
            let text = self.index.str(occ.text);
            if text != claim_text {
                lines.push(format!("“{}”", ellipsize(text, 100)));
            }
        };
        for &row in &c.agrees {
            describe("agrees".to_owned(), row);
        }
        for (row, _) in &c.contradicts {
            describe(self.paint.yellow("contradicts"), *row);
        }
        lines.join("\n")
    }

    fn table(&self, out: &mut impl Write, dress: Dress, with_unsourced: bool) -> io::Result<()> {
        let heading = |out: &mut dyn Write, title: &str| -> io::Result<()> {
            match dress {
                Dress::Markdown => writeln!(out, "## {title}\n"),
                Dress::Terminal => writeln!(out, "{}", self.paint.bold(title)),
            }
        };
        let rows = self.shown_rows();
        let n_articles = self.versions.len();
        let only_unsourced = self.show.only == Some(Only::Unsourced);
        if !only_unsourced {
            heading(out, "Claims matched across articles")?;
        }
        if only_unsourced {
        } else if rows.is_empty() {
            writeln!(out, "no claim of one article matches a claim of another")?;
        } else if n_articles <= MAX_COLUMNS {
            let mut header = vec!["#".to_owned(), "claim".to_owned()];
            header.extend((0..n_articles as u32).map(|a| self.article(a).to_owned()));
            header.push("why".to_owned());
            let mut grid = Grid::new(dress, &header);
            for (n, r) in rows.iter().enumerate() {
                let mut line = vec![(n + 1).to_string(), self.claim_cell(r)];
                for a in 0..n_articles as u32 {
                    line.push(match r.cells.iter().find(|c| c.article == a) {
                        Some(c) => self.cell_text(r, c),
                        None => self.paint.dim("absent"),
                    });
                }
                line.push(r.reasons.join("; "));
                grid.add(&line);
            }
            grid.write(out)?;
        } else {
            let mut grid = Grid::new(dress, &["#", "claim", "article", "stands", "why"]);
            for (n, r) in rows.iter().enumerate() {
                for (k, c) in r.cells.iter().enumerate() {
                    let first = k == 0;
                    grid.add(&[
                        if first {
                            (n + 1).to_string()
                        } else {
                            String::new()
                        },
                        if first {
                            self.claim_cell(r)
                        } else {
                            String::new()
                        },
                        self.article(c.article).to_owned(),
                        self.cell_text(r, c),
                        if first {
                            r.reasons.join("; ")
                        } else {
                            String::new()
                        },
                    ]);
                }
            }
            grid.write(out)?;
        }
        if !only_unsourced {
            writeln!(out)?;
        }
        heading(out, "Articles")?;
        let mut grid = Grid::new(
            dress,
            &[
                "article",
                "claims",
                "sourced",
                "unsourced",
                "vague",
                "agreements",
                "contradictions",
            ],
        );
        for (a, s) in self.comparison.summaries.iter().enumerate() {
            grid.add(&[
                self.article(a as u32).to_owned(),
                s.claims.to_string(),
                s.sourced.to_string(),
                s.unsourced.to_string(),
                s.vague.to_string(),
                s.agreements.to_string(),
                s.contradictions.to_string(),
            ]);
        }
        if grid.is_empty() {
            writeln!(out, "no articles in the store")?;
        } else {
            grid.write(out)?;
        }
        if with_unsourced {
            writeln!(out)?;
            heading(out, "Statements no article attributes")?;
            let list = self.unsourced_out();
            if list.is_empty() {
                writeln!(out, "none: every claim is attributed somewhere")?;
            } else {
                let mut grid = Grid::new(dress, &["claim", "articles"]);
                for u in &list {
                    grid.add(&[ellipsize(u.text, 200), u.articles.join(", ")]);
                }
                grid.write(out)?;
            }
        }
        let stats = self.stats_out();
        writeln!(
            out,
            "\n{} article(s), {} claim(s): {} contradiction(s) and {} agreement(s) across articles",
            stats.articles, stats.claims, stats.contradiction_rows, stats.agreement_rows
        )
    }

    fn claim_cell(&self, r: &TableRow) -> String {
        let label = match r.kind {
            RowKind::Contradiction => self.paint.yellow("contradiction"),
            RowKind::Agreement => self.paint.bold("agreement"),
        };
        format!("{label}\n{}", ellipsize(self.text(r.claim.row), 160))
    }
}
