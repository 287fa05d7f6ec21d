//! Sentences: English news text into sentence spans.
//!
//! A rule-based segmenter built on English orthography rather than a trained model:
//!
//! - Every line break ends a sentence: news text separates paragraphs by single line
//!   breaks, and a line without a final mark (a headline, a dateline, a paragraph cut off
//!   mid-sentence) is still a sentence of its own. Each non-blank line is a paragraph.
//! - Inside a line, a sentence ends after `.`, `!`, `?`, `…` (with the closing quotes,
//!   brackets and citation numbers attached to them) followed by a space, when the token
//!   before and the word after say so:
//!   - an abbreviation list with a class for each entry: titles never end a sentence
//!     (`Sen.`, `Dr.`), company suffixes, states and `U.S.` only before a word that
//!     commonly opens one (`Inc. The ...` but `Inc. Chief Executive ...`), `No.` and
//!     `Jan.` not before a number, `a.m.` unless the clause opened with a preposition
//!     (`At 6 a.m. Mr. Smith arrived`), units after a number (`5 ft. 6 in.`);
//!   - single capitals are initials (`Lloyd J. Austin III`); a small word after a plain
//!     word still starts a sentence (`weapons. oil.`), except inside brackets;
//!   - `?” Smith asked` keeps the question inside its sentence; `?” He said` does not;
//!   - list labels (`1.`, `a)`, `(ii)`) start items, inline too once a second label
//!     continues the sequence (`1. Boil 2. Add`).
//! - A capitalised function word in mid-line followed by a small word starts a sentence
//!   whose predecessor lost its mark (a caption or dateline run into the text:
//!   `... constituency In the New Territories ...`); title case is left alone.
//! - Quotes do not suspend splitting: a quoted passage of several sentences is split like
//!   any other text, as news style requires (`“... this regard. They are ...”`).
//!
//! The scan is one pass over the bytes with bounded look-back and look-ahead, so its time
//! is linear in the text (about 400 MB/s on news); see `scan.rs` for the details and
//! `lexicon.rs` for the word lists.

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
