//! The extraction pipeline: text -> sentences -> attributed statements -> atomic claims.

use crate::attribution;
use crate::claims::{self, Claim};
use crate::input::Document;
use crate::segment::{self, Sentence};
use crate::span::Span;
use serde::Serialize;

/// Everything extraction finds in one document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Extraction {
    /// Every sentence, in order, trimmed of surrounding white space.
    pub sentences: Vec<Span>,
    pub claims: Vec<Claim>,
    /// Spans that are not claims (truncated or garbled pieces).
    pub fragments: Vec<Span>,
    /// Paragraph index of each sentence, parallel to `sentences`.
    #[serde(skip)]
    pub paragraphs: Vec<usize>,
}

/// Extracts the claims of a document's body. Spans are into `doc.text`.
pub fn extract(doc: &Document) -> Extraction {
    let mut sentences = segment::split(doc.body_text());
    for s in &mut sentences {
        s.span = s.span.shift(doc.body.start);
    }
    extract_sentences(&doc.text, sentences)
}

/// Extracts the claims of a whole text.
pub fn extract_text(text: &str) -> Extraction {
    extract_sentences(text, segment::split(text))
}

fn extract_sentences(text: &str, sentences: Vec<Sentence>) -> Extraction {
    let statements = attribution::attribute(text, &sentences);
    let atomized = claims::atomize(text, &sentences, &statements);
    Extraction {
        paragraphs: sentences.iter().map(|s| s.paragraph).collect(),
        sentences: sentences.iter().map(|s| s.span).collect(),
        claims: atomized.claims,
        fragments: atomized.fragments,
    }
}
