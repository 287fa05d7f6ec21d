//! `claims compare --format html`: the comparison as a self-contained report, its
//! matched claims grouped by story, each side with its sentence read from the store.

use super::store::{View, source_label};
use claims::compare::report::{Occ, RowKind, TableRow};
use claims::report::{
    ArticleLine, CompareReport, Mark, MatchKind, MatchedClaim, Passage, Side, Sourcing,
    SourcingBar, SourcingCounts, Story, compare_html,
};
use claims::store::{Row, Store};
use std::collections::{BTreeMap, HashMap};

/// The report for the rows the filters keep.
pub fn render(view: &View<'_>, store: &Store) -> String {
    let mut texts = Sentences::new(store);
    let rows = view.shown_rows();
    let report = CompareReport {
        title: "Claims compared".to_owned(),
        articles: articles(view),
        stories: stories(view, &rows, &mut texts),
        outlets: outlets(view),
        summary: summary(view, &rows),
    };
    compare_html(&report)
}

fn summary(view: &View<'_>, rows: &[&TableRow]) -> String {
    let contradictions = rows
        .iter()
        .filter(|r| r.kind == RowKind::Contradiction)
        .count();
    format!(
        "{} article(s), {} claim(s): {} contradiction(s) and {} agreement(s) across articles",
        view.versions.len(),
        view.comparison.stats.occurrences,
        contradictions,
        rows.len() - contradictions
    )
}

fn articles(view: &View<'_>) -> Vec<ArticleLine> {
    let ix = view.index;
    view.versions
        .iter()
        .zip(&view.comparison.summaries)
        .map(|(v, s)| ArticleLine {
            article: ix.str(v.article).to_owned(),
            title: ix.opt_str(v.title).map(str::to_owned),
            outlet: ix.opt_str(v.outlet).map(str::to_owned),
            published: ix.opt_str(v.published).map(str::to_owned),
            claims: s.claims,
        })
        .collect()
}

/// Each outlet's claims (over the articles compared) counted by how they are sourced.
fn outlets(view: &View<'_>) -> Vec<SourcingBar> {
    let mut by_outlet: BTreeMap<String, SourcingCounts> = BTreeMap::new();
    for v in view.versions {
        let outlet = view.index.opt_str(v.outlet).unwrap_or("(no outlet)");
        let counts = by_outlet.entry(outlet.to_owned()).or_default();
        for row in view.index.rows_of(v) {
            counts.add(Sourcing::of(row.source_kind));
        }
    }
    by_outlet
        .into_iter()
        .map(|(label, counts)| SourcingBar { label, counts })
        .collect()
}

/// Rows grouped by story: articles linked by a row shown are one story (relations only
/// count between articles telling the same story). Stories with a contradiction first,
/// then by size; rows keep their order (contradictions first).
fn stories(view: &View<'_>, rows: &[&TableRow], texts: &mut Sentences) -> Vec<Story> {
    let mut groups = Groups::new(view.versions.len());
    for r in rows {
        let first = r.claim.article as usize;
        for c in &r.cells {
            groups.join(first, c.article as usize);
        }
    }
    let mut stories: BTreeMap<usize, (Vec<usize>, Vec<MatchedClaim>)> = BTreeMap::new();
    for r in rows {
        let root = groups.root(r.claim.article as usize);
        stories
            .entry(root)
            .or_default()
            .1
            .push(matched(view, r, texts));
    }
    for a in 0..view.versions.len() {
        if let Some(story) = stories.get_mut(&groups.root(a)) {
            story.0.push(a);
        }
    }
    let mut out: Vec<Story> = stories
        .into_values()
        .map(|(articles, matches)| Story {
            articles: articles
                .into_iter()
                .map(|a| view.index.str(view.versions[a].article).to_owned())
                .collect(),
            matches,
        })
        .collect();
    let disputed = |s: &Story| {
        s.matches
            .iter()
            .filter(|m| m.kind == MatchKind::Contradiction)
            .count()
    };
    out.sort_by(|a, b| {
        disputed(b)
            .cmp(&disputed(a))
            .then(b.matches.len().cmp(&a.matches.len()))
    });
    out
}

fn matched(view: &View<'_>, r: &TableRow, texts: &mut Sentences) -> MatchedClaim {
    let mut sides = Vec::new();
    for c in &r.cells {
        for &row in &c.agrees {
            let occ = Occ {
                article: c.article,
                row,
            };
            let stands = if occ == r.claim { "states" } else { "agrees" };
            sides.push(side(view, occ, stands, Vec::new(), texts));
        }
        for (row, why) in &c.contradicts {
            let occ = Occ {
                article: c.article,
                row: *row,
            };
            sides.push(side(view, occ, "contradicts", why.clone(), texts));
        }
    }
    // The claim the row is about comes first, then the others in column order.
    sides.sort_by_key(|s| s.stands != "states");
    MatchedClaim {
        kind: match r.kind {
            RowKind::Contradiction => MatchKind::Contradiction,
            RowKind::Agreement => MatchKind::Agreement,
        },
        score: r.score,
        reasons: r.reasons.clone(),
        sides,
    }
}

fn side(
    view: &View<'_>,
    occ: Occ,
    stands: &'static str,
    reasons: Vec<String>,
    texts: &mut Sentences,
) -> Side {
    let row = &view.index.rows[occ.row as usize];
    let version = &view.versions[occ.article as usize];
    let sourcing = Sourcing::of(row.source_kind);
    let claim = row.claim.to_hex();
    let passage = texts
        .passage(view, row, &claim, sourcing)
        .unwrap_or_else(|| Passage {
            sentence: view.index.str(row.text).to_owned(),
            marks: vec![Mark {
                start: 0,
                end: view.index.str(row.text).len(),
                sourcing,
                claim: claim.clone(),
            }],
        });
    Side {
        article: view.index.str(version.article).to_owned(),
        outlet: view.index.opt_str(version.outlet).map(str::to_owned),
        stands,
        source: source_label(view.index, view.resolver, row),
        sourcing,
        claim,
        passage,
        reasons,
    }
}

/// The sentences of the versions shown, read from the store once each.
struct Sentences<'s> {
    store: &'s Store,
    /// A version's text and sentence spans, or None when its files cannot be read (the
    /// report then shows the claim alone).
    read: HashMap<u32, Option<(String, Vec<claims::span::Span>)>>,
}

impl<'s> Sentences<'s> {
    fn new(store: &'s Store) -> Sentences<'s> {
        Sentences {
            store,
            read: HashMap::new(),
        }
    }

    fn passage(
        &mut self,
        view: &View<'_>,
        row: &Row,
        claim: &str,
        sourcing: Sourcing,
    ) -> Option<Passage> {
        let store = self.store;
        let entry = self.read.entry(row.version).or_insert_with(|| {
            let v = view.index.versions.get(row.version as usize)?;
            let record = store.read_version(&v.id).ok()?;
            let text = store.read_text(&record.text).ok()?;
            Some((text, record.sentences))
        });
        let (text, sentences) = entry.as_ref()?;
        let sentence = *sentences.get(row.sentence as usize)?;
        let body = text.get(sentence.start..sentence.end)?;
        let start = row.span.start.checked_sub(sentence.start)?;
        let end = row.span.end.min(sentence.end).checked_sub(sentence.start)?;
        Some(Passage {
            sentence: body.to_owned(),
            marks: vec![Mark {
                start,
                end,
                sourcing,
                claim: claim.to_owned(),
            }],
        })
    }
}

/// Union-find over the articles compared.
struct Groups(Vec<usize>);

impl Groups {
    fn new(n: usize) -> Groups {
        Groups((0..n).collect())
    }

    fn root(&mut self, mut a: usize) -> usize {
        while self.0[a] != a {
            self.0[a] = self.0[self.0[a]];
            a = self.0[a];
        }
        a
    }

    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}
