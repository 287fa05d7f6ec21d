//! Atomic claims: statements split into single assertions, fragments set aside, each claim
//! given a canonical form and a content id.

mod canonical;

pub use canonical::{canonical_form, claim_id};

use crate::attribution::{Cue, QuoteKind, Source, Statement};
use crate::hash::Id;
use crate::segment::Sentence;
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// One atomic claim and where, and by whom, it was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// sha256 of the canonical form (see [`claim_id`]).
    pub id: Id,
    /// The claim as stored.
    pub text: String,
    /// The claim's content in the document.
    pub span: Span,
    /// Index of the sentence it comes from.
    pub sentence: usize,
    pub quote: QuoteKind,
    pub source: Option<Source>,
    pub cue: Option<Cue>,
}

/// What atomisation produces for a document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Atomized {
    pub claims: Vec<Claim>,
    /// Spans that are not claims (garbled or truncated pieces).
    pub fragments: Vec<Span>,
}

/// Splits statements into atomic claims and sets fragments aside.
///
/// PLACEHOLDER: one claim per statement, no fragments.
pub fn atomize(text: &str, _sentences: &[Sentence], statements: &[Statement]) -> Atomized {
    let claims = statements
        .iter()
        .map(|st| {
            let claim_text = st.content.slice(text).to_owned();
            Claim {
                id: claim_id(&canonical_form(&claim_text)),
                text: claim_text,
                span: st.content,
                sentence: st.sentence,
                quote: st.quote,
                source: st.source.clone(),
                cue: st.cue.clone(),
            }
        })
        .collect();
    Atomized {
        claims,
        fragments: Vec::new(),
    }
}
