//! Sentences: English news text into sentence spans.
//!
//! A rule-based segmenter built on English orthography rather than a trained model:
//!
//! - Every line break ends a sentence: news text separates paragraphs by single line
//!   breaks, and a line without a final mark (a headline, a dateline, a paragraph cut off
//!   mid-sentence) is still a sentence of its own. Each non-blank line is a paragraph.
//! - Inside a line, a sentence ends after `.`, `!`, `?`, `…` (with the closing quotes,
//!   brackets and citation numbers attached to them) followed by a space, when the token
//!   before and the word after say so: an abbreviation list with a class for each entry
//!   (titles never end a sentence, `Inc.` or `U.S.` only before a word that commonly opens
//!   one, `a.m.` unless a fronted phrase precedes, `No.` not before a number), initials
//!   (`Lloyd J. Austin`), list labels (`1.`, `a)`), the case of the next word, and
//!   brackets (`(see. section 4)`).
//! - Quotes do not suspend splitting: a quoted passage of several sentences is split like
//!   any other text, as news style requires (`“... this regard. They are ...”`).
//!
//! The scan is one pass over the bytes with bounded look-back and look-ahead, so its time
//! is linear in the text; see [`scan`] for the details.

mod lexicon;
mod scan;

use crate::span::Span;

/// One sentence of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Trimmed of surrounding white space; never empty.
    pub span: Span,
    /// Index of the paragraph (block of text between blank lines or line breaks) it
    /// belongs to, counted from 0.
    pub paragraph: usize,
}

/// Splits `text` into sentences. Spans are byte offsets into `text`, on char boundaries,
/// in order, not overlapping, trimmed of white space and never empty; every character of
/// the text that is not white space lies in exactly one sentence.
pub fn split(text: &str) -> Vec<Sentence> {
    scan::Scanner::new(text).run()
}

/// White space as the segmenter trims it: Unicode white space and the byte-order mark.
pub fn is_space(c: char) -> bool {
    scan::is_space(c)
}

#[cfg(test)]
mod tests;
