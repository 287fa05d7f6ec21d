//! Attributed statements: for each sentence, what is reported, by whom, with which cue.
//!
//! PLACEHOLDER: every sentence is one unsourced statement. The real attribution stage
//! (cues, source mentions with roles, back-references, quotes over several sentences,
//! source kinds) replaces it.

use crate::segment::Sentence;
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// How a source is identified in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// A person named in the text ("Victor D. Cha").
    Named,
    /// A government, country or organisation speaking as a body ("The U.S.", "the ministry").
    Institutional,
    /// An unnamed group ("analysts", "critics").
    Vague,
    /// An unnamed person or group given anonymity ("a source close to ...").
    Anonymous,
    /// A document ("a report", "court filings").
    Document,
}

impl SourceKind {
    pub const ALL: [SourceKind; 5] = [
        SourceKind::Named,
        SourceKind::Institutional,
        SourceKind::Vague,
        SourceKind::Anonymous,
        SourceKind::Document,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            SourceKind::Named => "named",
            SourceKind::Institutional => "institutional",
            SourceKind::Vague => "vague",
            SourceKind::Anonymous => "anonymous",
            SourceKind::Document => "document",
        }
    }
}

/// Whether a claim's content is quoted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// The content is inside quote marks.
    Direct,
    /// Part of the content is quoted ("calling on countries not to “add fuel to the fire.”").
    Partial,
    /// No quote marks.
    None,
}

impl QuoteKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::None => "none",
        }
    }
}

/// Who a statement is attributed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The resolved name ("Victor D. Cha" for "Cha said" or "he said").
    pub name: String,
    pub kind: SourceKind,
    /// Title or description given in the text ("Secretary of Defense").
    pub role: Option<String>,
    /// The mention naming the source for this statement: in its own sentence where there
    /// is one, else the nearest earlier mention it was resolved from.
    pub span: Option<Span>,
}

/// The words that mark the attribution ("said", "according to").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cue {
    pub text: String,
    pub span: Option<Span>,
}

/// A piece of a sentence that asserts something, with its attribution if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// Index of the sentence it comes from.
    pub sentence: usize,
    /// The reported content (for a direct quote, the words inside the quote marks), or
    /// for an unsourced statement the statement itself.
    pub content: Span,
    pub quote: QuoteKind,
    pub source: Option<Source>,
    pub cue: Option<Cue>,
}

/// Finds the attributed statements of every sentence.
pub fn attribute(_text: &str, sentences: &[Sentence]) -> Vec<Statement> {
    sentences
        .iter()
        .enumerate()
        .map(|(i, s)| Statement {
            sentence: i,
            content: s.span,
            quote: QuoteKind::None,
            source: None,
            cue: None,
        })
        .collect()
}
