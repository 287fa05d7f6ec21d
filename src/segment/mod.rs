//! Sentences: English news text into sentence spans.
//!
//! PLACEHOLDER: splits after `.`, `!` or `?` followed by white space, and at blank lines.
//! The real segmenter (abbreviations, initials, quotes, lists, headlines) replaces it.

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

/// Splits `text` into sentences. Spans are byte offsets into `text`.
pub fn split(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut para_start = 0;
    for (i, line) in line_starts(text) {
        let end = i + line.len();
        split_paragraph(text, Span::new(para_start.max(i), end), paragraph, &mut out);
        if !line.trim().is_empty() {
            paragraph += 1;
        }
        para_start = end;
    }
    out
}

fn line_starts(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = 0;
    text.split_inclusive('\n').map(move |line| {
        let start = pos;
        pos += line.len();
        (start, line)
    })
}

fn split_paragraph(text: &str, range: Span, paragraph: usize, out: &mut Vec<Sentence>) {
    let bytes = text.as_bytes();
    let mut start = range.start;
    let mut i = range.start;
    while i < range.end {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?')
            && (i + 1 >= range.end || bytes[i + 1].is_ascii_whitespace())
        {
            push(text, Span::new(start, i + 1), paragraph, out);
            start = i + 1;
        }
        i += 1;
    }
    push(text, Span::new(start, range.end), paragraph, out);
}

fn push(text: &str, span: Span, paragraph: usize, out: &mut Vec<Sentence>) {
    let span = span.trim(text);
    if !span.is_empty() {
        out.push(Sentence { span, paragraph });
    }
}
