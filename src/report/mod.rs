//! Self-contained HTML reports of a comparison and of an audit: one file, no network
//! (inline CSS, a few lines of inline script, the charts as inline SVG).
//!
//! The callers (the command line) fill the plain models below from the store or the
//! audit; the writers ([`compare_html`], [`audit_html`]) only lay them out. Every piece
//! of text that comes from an article is escaped: article text is hostile input.

mod audit;
mod compare;
mod html;

pub use audit::audit_html;
pub use compare::compare_html;
pub use html::escape;

use crate::attribution::SourceKind;

/// How a claim is sourced, the classes the report colours by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Sourcing {
    Named,
    Institutional,
    Document,
    Anonymous,
    Vague,
    Unsourced,
}

impl Sourcing {
    /// In the order of the chart's segments and legend: the strongest sourcing first.
    pub const ALL: [Sourcing; 6] = [
        Sourcing::Named,
        Sourcing::Institutional,
        Sourcing::Document,
        Sourcing::Anonymous,
        Sourcing::Vague,
        Sourcing::Unsourced,
    ];

    pub fn of(kind: Option<SourceKind>) -> Sourcing {
        match kind {
            Some(SourceKind::Named) => Sourcing::Named,
            Some(SourceKind::Institutional) => Sourcing::Institutional,
            Some(SourceKind::Document) => Sourcing::Document,
            Some(SourceKind::Anonymous) => Sourcing::Anonymous,
            Some(SourceKind::Vague) => Sourcing::Vague,
            None => Sourcing::Unsourced,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Sourcing::Named => "named",
            Sourcing::Institutional => "institutional",
            Sourcing::Document => "document",
            Sourcing::Anonymous => "anonymous",
            Sourcing::Vague => "vague",
            Sourcing::Unsourced => "unsourced",
        }
    }
}

/// How many claims of a group (an outlet, a draft) are sourced each way.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SourcingCounts([usize; 6]);

impl SourcingCounts {
    pub fn add(&mut self, sourcing: Sourcing) {
        self.0[Self::slot(sourcing)] += 1;
    }

    pub fn get(&self, sourcing: Sourcing) -> usize {
        self.0[Self::slot(sourcing)]
    }

    pub fn total(&self) -> usize {
        self.0.iter().sum()
    }

    fn slot(sourcing: Sourcing) -> usize {
        Sourcing::ALL
            .iter()
            .position(|&s| s == sourcing)
            .unwrap_or_default()
    }
}

/// One bar of a sourcing chart: a label (an outlet, a draft) and its counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourcingBar {
    pub label: String,
    pub counts: SourcingCounts,
}

/// A part of a sentence to mark: byte offsets into [`Passage::sentence`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub sourcing: Sourcing,
    /// The claim's id (hex), the anchor it is linked by.
    pub claim: String,
}

/// A sentence of an article with its claims marked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    pub sentence: String,
    /// Sorted by start; overlapping marks are drawn up to where the next one starts.
    pub marks: Vec<Mark>,
}

/// One article's side of a matched claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    pub article: String,
    pub outlet: Option<String>,
    /// "agrees" or "contradicts" (the row's first side is the claim itself).
    pub stands: &'static str,
    /// Who the article quotes for it ("unsourced" when nobody).
    pub source: String,
    pub sourcing: Sourcing,
    pub claim: String,
    pub passage: Passage,
    /// Why this side contradicts the row's claim, when it does.
    pub reasons: Vec<String>,
}

/// Whether a matched claim is disputed or shared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchKind {
    Contradiction,
    Agreement,
}

/// A claim matched across articles: its sides, side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchedClaim {
    pub kind: MatchKind,
    pub score: f64,
    pub reasons: Vec<String>,
    pub sides: Vec<Side>,
}

/// Articles linked by the claims they share or dispute, with those claims.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    pub articles: Vec<String>,
    pub matches: Vec<MatchedClaim>,
}

/// An article compared, for the report's list of articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleLine {
    pub article: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub claims: usize,
}

/// Everything a comparison report shows.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareReport {
    pub title: String,
    pub articles: Vec<ArticleLine>,
    /// Stories with a contradiction first.
    pub stories: Vec<Story>,
    pub outlets: Vec<SourcingBar>,
    /// What the counts of the header say (e.g. "3 articles, 41 claims").
    pub summary: String,
}

/// One finding of an audit, as the report shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindingLine {
    pub id: String,
    pub level: String,
    pub rule: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub waived: Option<String>,
    /// The sentence holding the finding, with the flagged words marked.
    pub sentence: Option<(String, usize, usize)>,
}

/// One draft audited.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditedDraft {
    pub path: String,
    pub findings: Vec<FindingLine>,
    /// Every sentence of the draft with its claims marked by how they are sourced.
    pub passages: Vec<Passage>,
    pub sourcing: SourcingCounts,
}

/// Everything an audit report shows.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditReport {
    pub title: String,
    pub drafts: Vec<AuditedDraft>,
    pub summary: String,
}
