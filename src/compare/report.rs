//! The result of comparing articles: the relations found between their claims, grouped
//! into the rows of the comparison table, a summary per article, and the statements no
//! article attributes.
//!
//! Everything refers to the store's index (`Occ::row` is a row of [`Index::rows`]), so a
//! comparison holds numbers, not copies of texts; the command line turns it into tables
//! and JSON.

use super::RelationKind;
use super::cluster::{self, Groups, Link};
use crate::attribution::SourceKind;
use crate::hash::Id;
use crate::store::Index;
use std::collections::{BTreeMap, BTreeSet};

/// One occurrence of a claim in a compared article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Occ {
    /// Position of the article in the comparison (its column).
    pub article: u32,
    /// The occurrence's row in the store index.
    pub row: u32,
}

/// A distinct claim (one id) and where the compared articles say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub id: Id,
    /// In article order, then text order.
    pub occurrences: Vec<Occ>,
    /// Not a statement: a fragment the extraction left ("in a statement", "his
    /// resignation", "Yes"). Its being said in several articles is no agreement.
    pub fragment: bool,
}

impl Statement {
    /// The compared articles saying it, ascending.
    pub fn articles(&self) -> BTreeSet<u32> {
        self.occurrences.iter().map(|o| o.article).collect()
    }

    /// How many compared articles say it (occurrences are in article order).
    pub fn article_count(&self) -> usize {
        first_per_article(&self.occurrences).len()
    }
}

/// A relation found between two statements (`a < b`: `a` is said first in article order).
#[derive(Debug, Clone, PartialEq)]
pub struct StatementLink {
    pub a: u32,
    pub b: u32,
    pub relation: RelationKind,
    pub score: f64,
    pub reasons: Vec<String>,
}

/// The rows of the table: statements grouped by their agreements, never across a
/// contradiction.
pub fn group_statements(statements: usize, links: &[StatementLink]) -> Groups {
    let agreements: Vec<Link> = links
        .iter()
        .filter(|l| l.relation == RelationKind::Agree)
        .map(|l| Link {
            a: l.a,
            b: l.b,
            score: l.score,
        })
        .collect();
    let contradictions: Vec<(u32, u32)> = links
        .iter()
        .filter(|l| l.relation == RelationKind::Contradict)
        .map(|l| (l.a, l.b))
        .collect();
    cluster::group(statements, &agreements, &contradictions)
}

/// The reason given for claims that are the same statement.
pub const SAME_CLAIM: &str = "same claim";

/// One match for output: claims of different articles that agree or contradict. For the
/// same claim said in several articles, every article's occurrence; otherwise one
/// occurrence of each side, `a` first, from two different articles.
#[derive(Debug, Clone, PartialEq)]
pub struct Match<'c> {
    pub relation: RelationKind,
    pub score: f64,
    pub reasons: &'c [String],
    pub claims: Vec<Occ>,
}

/// How an article stands towards a row's claim.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cell {
    pub article: u32,
    /// Its occurrences stating the row's claim (or one agreeing with it).
    pub agrees: Vec<u32>,
    /// Its occurrences contradicting the row's claim, with the reasons.
    pub contradicts: Vec<(u32, Vec<String>)>,
}

/// What a row of the table is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RowKind {
    Contradiction,
    Agreement,
}

impl RowKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RowKind::Contradiction => "contradiction",
            RowKind::Agreement => "agreement",
        }
    }
}

/// One row of the comparison table: a claim (a group of agreeing statements), and for
/// each article carrying it or something contradicting it, how it stands. Articles not
/// listed are absent.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub kind: RowKind,
    /// The occurrence standing for the row's claim.
    pub claim: Occ,
    /// Contradictions: the strongest; agreements: the weakest link of the group.
    pub score: f64,
    /// Why: the contradictions' reasons, or what the agreements rest on.
    pub reasons: Vec<String>,
    /// In article order.
    pub cells: Vec<Cell>,
}

/// Per article: its claims and how they fare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ArticleSummary {
    pub claims: usize,
    pub sourced: usize,
    pub unsourced: usize,
    /// Attributed to an unnamed group ("analysts say").
    pub vague: usize,
    /// Attributed to an unnamed person or group given anonymity.
    pub anonymous: usize,
    /// Claims that another compared article states too (same claim or agreeing).
    pub agreements: usize,
    /// Claims another compared article contradicts.
    pub contradictions: usize,
}

/// Numbers about the work done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stats {
    pub occurrences: usize,
    pub statements: usize,
    pub candidate_pairs: usize,
    pub agreements: usize,
    pub contradictions: usize,
    /// Relations found between claims of articles telling different stories, left out.
    pub other_stories: usize,
}

/// The comparison of a set of articles.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// The compared versions, in column order.
    pub versions: Vec<Id>,
    pub statements: Vec<Statement>,
    /// Relations between distinct statements (never neutral).
    pub links: Vec<StatementLink>,
    pub groups: Groups,
    pub rows: Vec<TableRow>,
    pub summaries: Vec<ArticleSummary>,
    pub stats: Stats,
}

impl Comparison {
    /// A comparison of nothing.
    pub fn empty() -> Comparison {
        Comparison {
            versions: Vec::new(),
            statements: Vec::new(),
            links: Vec::new(),
            groups: Groups {
                group_of: Vec::new(),
                members: Vec::new(),
            },
            rows: Vec::new(),
            summaries: Vec::new(),
            stats: Stats::default(),
        }
    }

    pub fn new(
        index: &Index,
        versions: Vec<Id>,
        statements: Vec<Statement>,
        links: Vec<StatementLink>,
        groups: Groups,
        candidate_pairs: usize,
    ) -> Comparison {
        let mut c = Comparison {
            versions,
            statements,
            links,
            groups,
            rows: Vec::new(),
            summaries: Vec::new(),
            stats: Stats::default(),
        };
        c.rows = c.build_rows();
        c.summaries = c.summarize(index);
        c.stats = Stats {
            occurrences: c.statements.iter().map(|s| s.occurrences.len()).sum(),
            statements: c.statements.len(),
            candidate_pairs,
            agreements: c
                .links
                .iter()
                .filter(|l| l.relation == RelationKind::Agree)
                .count(),
            contradictions: c
                .links
                .iter()
                .filter(|l| l.relation == RelationKind::Contradict)
                .count(),
            other_stories: 0,
        };
        c
    }

    /// Every match: contradictions first (strongest first), then agreements between
    /// different statements, then the same claim said in several articles.
    pub fn matches(&self) -> Vec<Match<'_>> {
        static SAME: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
        let same = SAME.get_or_init(|| vec![SAME_CLAIM.to_owned()]);
        let mut out = Vec::new();
        let mut links: Vec<&StatementLink> = self.links.iter().collect();
        links.sort_by(|x, y| {
            (x.relation != RelationKind::Contradict)
                .cmp(&(y.relation != RelationKind::Contradict))
                .then(y.score.total_cmp(&x.score))
                .then((x.a, x.b).cmp(&(y.a, y.b)))
        });
        for l in links {
            if let Some((x, y)) = self.pair_across(l.a, l.b) {
                out.push(Match {
                    relation: l.relation,
                    score: l.score,
                    reasons: &l.reasons,
                    claims: vec![x, y],
                });
            }
        }
        for s in self.statements.iter().filter(|s| !s.fragment) {
            let firsts = first_per_article(&s.occurrences);
            if firsts.len() > 1 {
                out.push(Match {
                    relation: RelationKind::Agree,
                    score: 1.0,
                    reasons: same,
                    claims: firsts,
                });
            }
        }
        out
    }

    /// The first occurrences of two statements that are in different articles.
    fn pair_across(&self, a: u32, b: u32) -> Option<(Occ, Occ)> {
        let (sa, sb) = (&self.statements[a as usize], &self.statements[b as usize]);
        for x in &sa.occurrences {
            for y in &sb.occurrences {
                if x.article != y.article {
                    return Some((*x, *y));
                }
            }
        }
        None
    }

    /// Statements no compared article attributes: neither they nor any statement
    /// agreeing with them has a source anywhere. Said in the most articles first.
    pub fn unsourced(&self, index: &Index) -> Vec<&Statement> {
        let sourced_group: Vec<bool> = self
            .groups
            .members
            .iter()
            .map(|m| {
                m.iter().any(|&s| {
                    self.statements[s as usize]
                        .occurrences
                        .iter()
                        .any(|o| index.rows[o.row as usize].source_kind.is_some())
                })
            })
            .collect();
        let mut out: Vec<&Statement> = self
            .statements
            .iter()
            .enumerate()
            .filter(|(n, _)| !sourced_group[self.groups.group_of[*n] as usize])
            .map(|(_, s)| s)
            .collect();
        out.sort_by_key(|s| {
            (
                std::cmp::Reverse(s.article_count()),
                s.occurrences[0].article,
                s.occurrences[0].row,
            )
        });
        out
    }

    fn summarize(&self, index: &Index) -> Vec<ArticleSummary> {
        let mut out = vec![ArticleSummary::default(); self.versions.len()];
        // Articles each statement is agreed with / contradicted by, through links.
        let mut agreed_in: Vec<BTreeSet<u32>> = vec![BTreeSet::new(); self.statements.len()];
        let mut contradicted_in: Vec<BTreeSet<u32>> = vec![BTreeSet::new(); self.statements.len()];
        for l in &self.links {
            let (a, b) = (l.a as usize, l.b as usize);
            let (arts_a, arts_b) = (self.statements[a].articles(), self.statements[b].articles());
            let target = match l.relation {
                RelationKind::Agree => &mut agreed_in,
                RelationKind::Contradict => &mut contradicted_in,
                RelationKind::Neutral => continue,
            };
            target[a].extend(arts_b.iter().copied());
            target[b].extend(arts_a.iter().copied());
        }
        for (n, s) in self.statements.iter().enumerate() {
            let articles = s.articles();
            for o in &s.occurrences {
                let row = &index.rows[o.row as usize];
                let sum = &mut out[o.article as usize];
                sum.claims += 1;
                match row.source_kind {
                    None => sum.unsourced += 1,
                    Some(kind) => {
                        sum.sourced += 1;
                        match kind {
                            SourceKind::Vague => sum.vague += 1,
                            SourceKind::Anonymous => sum.anonymous += 1,
                            _ => {}
                        }
                    }
                }
                let elsewhere = |set: &BTreeSet<u32>| set.iter().any(|&a| a != o.article);
                if (!s.fragment && elsewhere(&articles)) || elsewhere(&agreed_in[n]) {
                    sum.agreements += 1;
                }
                if elsewhere(&contradicted_in[n]) {
                    sum.contradictions += 1;
                }
            }
        }
        out
    }

    /// The table's rows: for each group of agreeing statements that a contradiction
    /// involves, one row with the contradicting articles; then each group said in
    /// several articles that no contradiction involves.
    fn build_rows(&self) -> Vec<TableRow> {
        let group_of = &self.groups.group_of;
        let members = &self.groups.members;
        // The first occurrence of each group, in article order: the earlier group of a
        // contradiction anchors its row.
        let first_of = |g: u32| -> Occ {
            members[g as usize]
                .iter()
                .map(|&s| self.statements[s as usize].occurrences[0])
                .min()
                .unwrap_or(Occ { article: 0, row: 0 })
        };
        // anchor group -> partner group -> (strongest score, reasons)
        let mut against: BTreeMap<u32, BTreeMap<u32, (f64, Vec<String>)>> = BTreeMap::new();
        for l in &self.links {
            if l.relation != RelationKind::Contradict {
                continue;
            }
            let (ga, gb) = (group_of[l.a as usize], group_of[l.b as usize]);
            let (anchor, partner) = if first_of(ga) <= first_of(gb) {
                (ga, gb)
            } else {
                (gb, ga)
            };
            let entry = against
                .entry(anchor)
                .or_default()
                .entry(partner)
                .or_insert((0.0, Vec::new()));
            entry.0 = entry.0.max(l.score);
            // Reasons read with the row's claim first.
            let flipped = anchor != ga;
            for r in &l.reasons {
                let r = if flipped { mirror_reason(r) } else { r.clone() };
                if !entry.1.contains(&r) {
                    entry.1.push(r);
                }
            }
        }
        let mut agree_links: BTreeMap<u32, Vec<&StatementLink>> = BTreeMap::new();
        for l in &self.links {
            let g = group_of[l.a as usize];
            if l.relation == RelationKind::Agree && g == group_of[l.b as usize] {
                agree_links.entry(g).or_default().push(l);
            }
        }
        let mut shown = vec![false; members.len()];
        let mut rows = Vec::new();
        for (&anchor, partners) in &against {
            shown[anchor as usize] = true;
            let mut cells: BTreeMap<u32, Cell> = BTreeMap::new();
            self.fill_agrees(anchor, &mut cells);
            let mut reasons: Vec<String> = Vec::new();
            let mut score: f64 = 0.0;
            for (&partner, (s, why)) in partners {
                shown[partner as usize] = true;
                score = score.max(*s);
                for r in why {
                    if !reasons.contains(r) {
                        reasons.push(r.clone());
                    }
                }
                for &st in &members[partner as usize] {
                    for o in first_per_article(&self.statements[st as usize].occurrences) {
                        cell(&mut cells, o.article)
                            .contradicts
                            .push((o.row, why.clone()));
                    }
                }
            }
            rows.push(TableRow {
                kind: RowKind::Contradiction,
                claim: self.representative(anchor),
                score,
                reasons,
                cells: cells.into_values().collect(),
            });
        }
        for (g, m) in members.iter().enumerate() {
            if shown[g] {
                continue;
            }
            let articles: BTreeSet<u32> = m
                .iter()
                .filter(|&&s| !self.statements[s as usize].fragment)
                .flat_map(|&s| {
                    self.statements[s as usize]
                        .occurrences
                        .iter()
                        .map(|o| o.article)
                })
                .collect();
            if articles.len() < 2 {
                continue;
            }
            let mut cells = BTreeMap::new();
            self.fill_agrees(g as u32, &mut cells);
            let (score, reasons) = self.agreement_basis(
                g as u32,
                agree_links.get(&(g as u32)).map_or(&[][..], Vec::as_slice),
            );
            rows.push(TableRow {
                kind: RowKind::Agreement,
                claim: self.representative(g as u32),
                score,
                reasons,
                cells: cells.into_values().collect(),
            });
        }
        rows.sort_by(|x, y| {
            x.kind
                .cmp(&y.kind)
                .then(y.cells.len().cmp(&x.cells.len()))
                .then(y.score.total_cmp(&x.score))
                .then(x.claim.cmp(&y.claim))
        });
        rows
    }

    fn fill_agrees(&self, group: u32, cells: &mut BTreeMap<u32, Cell>) {
        for &st in &self.groups.members[group as usize] {
            for o in first_per_article(&self.statements[st as usize].occurrences) {
                cell(cells, o.article).agrees.push(o.row);
            }
        }
    }

    /// The weakest agreement inside a group and the reasons it rests on.
    fn agreement_basis(&self, group: u32, links: &[&StatementLink]) -> (f64, Vec<String>) {
        let members = &self.groups.members[group as usize];
        let mut score: f64 = 1.0;
        let mut reasons = Vec::new();
        if members
            .iter()
            .any(|&s| self.statements[s as usize].article_count() > 1)
        {
            reasons.push(SAME_CLAIM.to_owned());
        }
        for l in links {
            score = score.min(l.score);
            for r in &l.reasons {
                if !reasons.contains(r) {
                    reasons.push(r.clone());
                }
            }
        }
        (score, reasons)
    }

    /// The occurrence standing for a group: its statement said in the most articles,
    /// the earliest on a tie, at its first occurrence.
    fn representative(&self, group: u32) -> Occ {
        self.groups.members[group as usize]
            .iter()
            .map(|&s| &self.statements[s as usize])
            .min_by_key(|s| (std::cmp::Reverse(s.article_count()), s.occurrences[0]))
            .map_or(Occ { article: 0, row: 0 }, |s| s.occurrences[0])
    }
}

/// A reason written for the pair `(a, b)`, rewritten for `(b, a)`: "label: X vs Y" puts
/// the other side first. Other reasons do not depend on the order.
pub fn mirror_reason(reason: &str) -> String {
    super::fact::mirror(reason)
}

fn cell(cells: &mut BTreeMap<u32, Cell>, article: u32) -> &mut Cell {
    cells.entry(article).or_insert_with(|| Cell {
        article,
        ..Cell::default()
    })
}

/// The first occurrence in each article (an article repeating a claim says it once).
/// Occurrences are in article order.
fn first_per_article(occurrences: &[Occ]) -> Vec<Occ> {
    let mut out: Vec<Occ> = Vec::new();
    for o in occurrences {
        if out.last().is_none_or(|x| x.article != o.article) {
            out.push(*o);
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::attribution::QuoteKind;
    use crate::claims::{canonical_form, claim_id};
    use crate::hash::ObjectKind;
    use crate::input::Metadata;
    use crate::span::Span;
    use crate::store::{ArticleName, Occurrence, StoredSource, VersionRecord};
    use chrono::{TimeZone, Utc};

    /// A claim of a test article: its text and, if attributed, the source and its kind.
    pub type TestClaim<'a> = (&'a str, Option<(&'a str, SourceKind)>);

    /// An index holding one version of each article, in the order given, each published
    /// on 25 October 2024.
    pub fn index_of(articles: &[(&str, &[TestClaim])]) -> Index {
        let mut ix = Index::default();
        for (name, claims) in articles {
            let meta = Metadata {
                published: Some("2024-10-25".to_owned()),
                ..Metadata::default()
            };
            let rec = VersionRecord {
                article: ArticleName::parse(name).expect("a test name"),
                parent: None,
                text: Id::of(ObjectKind::Text, name.as_bytes()),
                body: Span::new(0, 1),
                logged_at: Utc.with_ymd_and_hms(2024, 10, 25, 0, 0, 0).unwrap(),
                extractor: "test".into(),
                meta,
                sentences: Vec::new(),
                fragments: Vec::new(),
                claims: claims
                    .iter()
                    .enumerate()
                    .map(|(k, (text, source))| Occurrence {
                        id: claim_id(&canonical_form(text)),
                        text: (*text).to_owned(),
                        span: Span::new(0, text.len()),
                        sentence: k,
                        quote: QuoteKind::None,
                        source: source.map(|(name, kind)| StoredSource {
                            name: name.to_owned(),
                            kind,
                            role: None,
                            span: None,
                        }),
                        cue: None,
                    })
                    .collect(),
            };
            ix.push_version(rec.id(), &rec, true);
        }
        ix
    }

    /// Statements of the index's versions, in order (every claim distinct).
    fn statements(ix: &Index) -> Vec<Statement> {
        let mut out: Vec<Statement> = Vec::new();
        for (article, v) in ix.versions.iter().enumerate() {
            for (k, row) in ix.rows_of(v).iter().enumerate() {
                let occ = Occ {
                    article: article as u32,
                    row: v.first_row + k as u32,
                };
                match out.iter_mut().find(|s| s.id == row.claim) {
                    Some(s) => s.occurrences.push(occ),
                    None => out.push(Statement {
                        id: row.claim,
                        occurrences: vec![occ],
                        fragment: false,
                    }),
                }
            }
        }
        out
    }

    fn link(a: u32, b: u32, relation: RelationKind, reason: &str) -> StatementLink {
        StatementLink {
            a,
            b,
            relation,
            score: 0.8,
            reasons: vec![reason.to_owned()],
        }
    }

    fn comparison(ix: &Index, links: Vec<StatementLink>) -> Comparison {
        let statements = statements(ix);
        let groups = group_statements(statements.len(), &links);
        let versions = ix.versions.iter().map(|v| v.id).collect();
        Comparison::new(ix, versions, statements, links, groups, 0)
    }

    const LAWMAKER: Option<(&str, SourceKind)> =
        Some(("a South Korean lawmaker", SourceKind::Anonymous));
    const AUSTIN: Option<(&str, SourceKind)> = Some(("Lloyd J. Austin III", SourceKind::Named));
    const ANALYSTS: Option<(&str, SourceKind)> = Some(("analysts", SourceKind::Vague));

    /// seed: 0 thousands (Austin), 1 isolate (unsourced), 2 not commented (unsourced)
    /// seoul: 3 about 500 (lawmaker), 4 sent troops (Austin), 5 isolate (same claim), 6
    /// pay with technology (analysts)
    /// beijing: 7 thousands test bonds (unsourced)
    fn three_articles() -> Index {
        index_of(&[
            (
                "seed",
                &[
                    ("North Korea sent thousands of troops to Russia", AUSTIN),
                    ("Western countries seek to isolate Russia", None),
                    ("China has not commented", None),
                ],
            ),
            (
                "seoul",
                &[
                    (
                        "North Korea has sent about 500 soldiers to Russia",
                        LAWMAKER,
                    ),
                    ("North Korea had sent troops to Russia", AUSTIN),
                    ("Western countries seek to isolate Russia", None),
                    ("Russia could pay with technology", ANALYSTS),
                ],
            ),
            (
                "beijing",
                &[("Thousands of troops will test the bonds", None)],
            ),
        ])
    }

    fn three_links() -> Vec<StatementLink> {
        vec![
            link(
                0,
                3,
                RelationKind::Contradict,
                "number: thousands vs about 500",
            ),
            link(0, 4, RelationKind::Agree, "support"),
            link(
                3,
                6,
                RelationKind::Contradict,
                "number: about 500 vs thousands",
            ),
            link(0, 6, RelationKind::Agree, "support"),
        ]
    }

    #[test]
    fn statements_said_twice_are_one() {
        let ix = three_articles();
        let st = statements(&ix);
        assert_eq!(st.len(), 7);
        assert_eq!(st[1].article_count(), 2);
        assert_eq!(st[1].articles().into_iter().collect::<Vec<_>>(), [0, 1]);
    }

    #[test]
    fn one_row_per_contradicted_group_with_reasons_read_from_its_claim() {
        let ix = three_articles();
        let c = comparison(&ix, three_links());
        let first = &c.rows[0];
        assert_eq!(first.kind, RowKind::Contradiction);
        // The group {thousands, sent troops, test bonds} is the row; "about 500"
        // contradicts it, its reasons read thousands first even where the link was
        // written the other way round.
        assert_eq!(first.claim.row, 0);
        assert_eq!(first.reasons, ["number: thousands vs about 500"]);
        let cells: Vec<(u32, usize, usize)> = first
            .cells
            .iter()
            .map(|c| (c.article, c.agrees.len(), c.contradicts.len()))
            .collect();
        // seed agrees; seoul agrees (Austin) and contradicts (the lawmaker); beijing agrees.
        assert_eq!(cells, [(0, 1, 0), (1, 1, 1), (2, 1, 0)]);
        // Then the same claim in two articles; the contradicted claim gets no row of
        // its own.
        assert_eq!(c.rows.len(), 2);
        assert_eq!(c.rows[1].kind, RowKind::Agreement);
        assert_eq!(c.rows[1].reasons, [SAME_CLAIM]);
    }

    #[test]
    fn summaries_count_sources_and_relations() {
        let ix = three_articles();
        let c = comparison(&ix, three_links());
        let seed = c.summaries[0];
        assert_eq!(
            (seed.claims, seed.sourced, seed.unsourced),
            (3, 1, 2),
            "{seed:?}"
        );
        // thousands (agreed by seoul and beijing) and isolate (same claim in seoul).
        assert_eq!((seed.agreements, seed.contradictions), (2, 1));
        let seoul = c.summaries[1];
        assert_eq!((seoul.vague, seoul.anonymous), (1, 1));
        assert_eq!((seoul.agreements, seoul.contradictions), (2, 1));
        let beijing = c.summaries[2];
        assert_eq!((beijing.agreements, beijing.contradictions), (1, 1));
    }

    #[test]
    fn unsourced_lists_only_what_no_article_attributes() {
        let ix = three_articles();
        let c = comparison(&ix, three_links());
        let texts: Vec<&str> = c
            .unsourced(&ix)
            .iter()
            .map(|s| ix.str(ix.rows[s.occurrences[0].row as usize].text))
            .collect();
        // "test the bonds" is unsourced in beijing, but agrees with claims Austin is
        // quoted for; the claim said in two articles comes first.
        assert_eq!(
            texts,
            [
                "Western countries seek to isolate Russia",
                "China has not commented"
            ]
        );
    }

    #[test]
    fn matches_pair_different_articles_and_list_every_article_of_a_same_claim() {
        let ix = three_articles();
        let c = comparison(&ix, three_links());
        let m = c.matches();
        assert_eq!(m[0].relation, RelationKind::Contradict);
        assert!(m.iter().all(|m| m.claims.len() >= 2));
        for x in &m {
            let arts: BTreeSet<u32> = x.claims.iter().map(|o| o.article).collect();
            assert_eq!(arts.len(), x.claims.len(), "{x:?}");
        }
        let same: Vec<&Match> = m.iter().filter(|x| x.reasons == [SAME_CLAIM]).collect();
        assert_eq!(same.len(), 1);
        assert_eq!(same[0].claims.len(), 2);
    }

    #[test]
    fn mirror_puts_the_other_side_first() {
        assert_eq!(mirror_reason("number: 70 vs 75"), "number: 75 vs 70");
        assert_eq!(mirror_reason("antonym: a vs b"), "antonym: b vs a");
        assert_eq!(
            mirror_reason("negation: 'not x' vs 'x'"),
            "negation: 'x' vs 'not x'"
        );
        assert_eq!(
            mirror_reason("number of troops: 500 vs thousands"),
            "number of troops: thousands vs 500"
        );
        // Reasons without two sides stay as they are.
        assert_eq!(mirror_reason("same claim"), "same claim");
        assert_eq!(
            mirror_reason("support: each states what the other does (90% and 80%)"),
            "support: each states what the other does (90% and 80%)"
        );
    }

    #[test]
    fn nothing_to_compare() {
        let ix = index_of(&[("only", &[("A claim here", None)])]);
        let c = comparison(&ix, Vec::new());
        assert!(c.rows.is_empty() && c.matches().is_empty());
        assert_eq!(c.summaries[0].claims, 1);
        assert!(Comparison::empty().rows.is_empty());
    }
}
