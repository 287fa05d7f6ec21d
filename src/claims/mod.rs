//! Atomic claims: statements split into single assertions, fragments set aside, each claim
//! given a canonical form and a content id.

mod canonical;
mod fragments;
mod split;

pub use canonical::{canonical_form, claim_id};
pub use fragments::is_fragment;

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
/// A sentence whose shape says it is garbled or truncated (see [`is_fragment`]) becomes a
/// fragment and yields no claim. Every other statement is split into atomic pieces
/// (conservatively: "While X, Y"; "X, but they Y"; "He teaches X and is Y" with the
/// subject restored), each keeping the statement's source, cue and quote kind.
pub fn atomize(text: &str, sentences: &[Sentence], statements: &[Statement]) -> Atomized {
    let fragment = fragments::find(text, sentences);
    let fragments = sentences
        .iter()
        .zip(&fragment)
        .filter(|(_, f)| **f)
        .map(|(s, _)| s.span)
        .collect();
    let mut claims = Vec::with_capacity(statements.len() + statements.len() / 4);
    for st in statements {
        if fragment.get(st.sentence).copied().unwrap_or(false) {
            continue;
        }
        if let Some(own) = &st.text {
            // An act, worded by attribution: one claim, not split.
            claims.push(Claim {
                id: claim_id(&canonical_form(own)),
                text: own.clone(),
                span: st.content,
                sentence: st.sentence,
                quote: st.quote,
                source: st.source.clone(),
                cue: st.cue.clone(),
            });
            continue;
        }
        let restored = st.subject.map(|s| s.slice(text).trim());
        for piece in split::split(text, st.content, st.quote == QuoteKind::Direct) {
            let body = piece.span.slice(text);
            let claim_text = match (piece.subject.as_deref(), restored) {
                (Some(subj), _) => join(subj, body),
                (None, Some(subj)) => join(subj, body),
                (None, None) => body.to_owned(),
            };
            let quote = if st.quote == QuoteKind::Direct {
                QuoteKind::Direct
            } else if body.contains(['“', '”', '"'])
                || (st.quote == QuoteKind::Partial && st.content == piece.span)
            {
                QuoteKind::Partial
            } else {
                QuoteKind::None
            };
            claims.push(Claim {
                id: claim_id(&canonical_form(&claim_text)),
                text: claim_text,
                span: piece.span,
                sentence: st.sentence,
                quote,
                source: st.source.clone(),
                cue: st.cue.clone(),
            });
        }
    }
    Atomized { claims, fragments }
}

/// A restored subject and the rest of the claim: "He" + "is the Korea Chair" with the
/// first letter of the rest kept as written.
fn join(subject: &str, rest: &str) -> String {
    let mut s = String::with_capacity(subject.len() + rest.len() + 1);
    s.push_str(subject);
    s.push(' ');
    s.push_str(rest);
    s
}
