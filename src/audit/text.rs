//! The text of a draft as the rules see it: words and punctuation with byte spans, which
//! of them are inside quotation marks, which sentence each belongs to, HTML comments
//! (waiver markers, editors' notes) set aside, and line/column positions.
//!
//! Quotation marks are found in the text itself, not taken from extraction, so that the
//! rules that read "outside quotes" work whatever attribution found.

use crate::span::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters and digits, with inner hyphens, apostrophes, and `.`/`,` between digits.
    Word,
    /// One punctuation character (quotation marks included).
    Punct(char),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// Inside a quotation (between its marks; the marks themselves are not).
    pub in_quote: bool,
    /// Index into the sentences, or `NO_SENTENCE` for text between sentences.
    pub sentence: usize,
}

pub const NO_SENTENCE: usize = usize::MAX;

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct(c)
    }
}

/// A quotation in double quotation marks (straight or curly).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    /// From the opening mark to the closing mark included (to the paragraph's end when
    /// unclosed).
    pub outer: Span,
    /// The quoted words, between the marks.
    pub inner: Span,
    /// Whether a closing mark was found.
    pub closed: bool,
    /// Whether the next paragraph opens with a quotation mark (a quotation running over
    /// paragraphs legitimately leaves the first one unclosed).
    pub continues: bool,
}

/// A draft prepared for the rules.
#[derive(Debug)]
pub struct Text<'t> {
    pub text: &'t str,
    pub body: Span,
    pub sentences: Vec<Span>,
    pub paragraphs: Vec<usize>,
    pub tokens: Vec<Token>,
    pub quotes: Vec<Quote>,
    /// HTML comments `<!-- ... -->`: not article text.
    pub comments: Vec<Span>,
    /// Index of the first token of each sentence (tokens.len() when it has none), and
    /// one past its last; parallel to `sentences`.
    pub sentence_tokens: Vec<(usize, usize)>,
    lines: LineIndex,
}

impl<'t> Text<'t> {
    pub fn new(text: &'t str, body: Span, sentences: &[Span], paragraphs: &[usize]) -> Text<'t> {
        let comments = find_comments(text, body);
        let quotes = find_quotes(text, body, &comments);
        let mut tokens = tokenize(text, body, &comments);
        mark_quotes(&mut tokens, &quotes);
        let sentence_tokens = assign_sentences(&mut tokens, sentences);
        let mut paragraphs = paragraphs.to_vec();
        paragraphs.resize(sentences.len(), paragraphs.last().copied().unwrap_or(0));
        Text {
            text,
            body,
            sentences: sentences.to_vec(),
            paragraphs,
            tokens,
            quotes,
            comments,
            sentence_tokens,
            lines: LineIndex::new(text),
        }
    }

    pub fn slice(&self, span: Span) -> &'t str {
        span.slice(self.text)
    }

    pub fn tok(&self, i: usize) -> &'t str {
        self.tokens[i].span.slice(self.text)
    }

    /// Token `i` is the word `w` (ASCII case-insensitive; curly apostrophes folded).
    pub fn word_is(&self, i: usize, w: &str) -> bool {
        i < self.tokens.len() && self.tokens[i].is_word() && eq_folded(self.tok(i), w)
    }

    /// Token `i` is one of `words`.
    pub fn word_in(&self, i: usize, words: &[&str]) -> bool {
        i < self.tokens.len()
            && self.tokens[i].is_word()
            && words.iter().any(|w| eq_folded(self.tok(i), w))
    }

    pub fn is_capitalised(&self, i: usize) -> bool {
        self.tokens[i].is_word() && self.tok(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// The tokens of sentence `s`.
    pub fn sentence_range(&self, s: usize) -> std::ops::Range<usize> {
        let (a, b) = self.sentence_tokens[s];
        a..b
    }

    /// The sentence holding byte `pos`, if any.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= pos);
        (i < self.sentences.len() && self.sentences[i].start <= pos).then_some(i)
    }

    /// 1-based line and 1-based column in characters of byte `pos`.
    pub fn line_col(&self, pos: usize) -> (usize, usize) {
        self.lines.line_col(self.text, pos)
    }

    /// Whether byte `pos` is inside an HTML comment.
    pub fn in_comment(&self, pos: usize) -> bool {
        self.comments.iter().any(|c| c.start <= pos && pos < c.end)
    }

    /// Whether the line holding byte `pos` is a Markdown heading (`# ...`).
    pub fn is_heading(&self, pos: usize) -> bool {
        // The line start from the line index: searching back for the newline was linear
        // in the line's length, for every call (quadratic on a one-line draft).
        let line_start = self.lines.line_start(pos);
        self.text[line_start..].trim_start().starts_with('#')
    }

    /// The quotation whose outer span holds byte `pos`.
    pub fn quote_at(&self, pos: usize) -> Option<&Quote> {
        let i = self.quotes.partition_point(|q| q.outer.end <= pos);
        self.quotes.get(i).filter(|q| q.outer.start <= pos)
    }
}

/// ASCII case-insensitive equality with the typographic apostrophe folded to `'`.
pub fn eq_folded(word: &str, pattern: &str) -> bool {
    if word.len() == pattern.len() {
        return word.eq_ignore_ascii_case(pattern);
    }
    let mut a = word.chars().map(fold_char);
    let mut b = pattern.chars().map(fold_char);
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x.eq_ignore_ascii_case(&y) => {}
            _ => return false,
        }
    }
}

fn fold_char(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{2032}' => '\'',
        '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{2014}' => '-',
        c => c,
    }
}

/// Lower-cases a word into `buf` (reused between calls) with apostrophes folded.
pub fn fold_into(word: &str, buf: &mut String) {
    buf.clear();
    for c in word.chars() {
        let c = fold_char(c);
        if c.is_ascii() {
            buf.push(c.to_ascii_lowercase());
        } else {
            buf.extend(c.to_lowercase());
        }
    }
}

/// Byte offsets of line starts, for 1-based line and character column.
#[derive(Debug)]
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { starts }
    }

    /// The byte offset where the line holding `pos` starts.
    fn line_start(&self, pos: usize) -> usize {
        let line = self.starts.partition_point(|&s| s <= pos);
        self.starts[line.max(1) - 1]
    }

    fn line_col(&self, text: &str, pos: usize) -> (usize, usize) {
        let pos = pos.min(text.len());
        let line = self.starts.partition_point(|&s| s <= pos);
        let start = self.starts[line - 1];
        let col = text
            .get(start..pos)
            .map_or(pos - start, |s| s.chars().count());
        (line, col + 1)
    }
}

fn find_comments(text: &str, body: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut pos = body.start;
    while let Some(i) = text[pos..body.end].find("<!--") {
        let start = pos + i;
        let end = text[start + 4..body.end]
            .find("-->")
            .map_or(body.end, |j| start + 4 + j + 3);
        out.push(Span::new(start, end));
        pos = end;
    }
    out
}

fn is_double_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{ab}' | '\u{bb}'
    )
}

/// Whether a quotation mark at `pos` opens (true) or closes (false) a quotation. Curly
/// marks say so themselves; a straight mark opens after white space or an opening
/// bracket and closes otherwise.
fn opens(text: &str, pos: usize, c: char) -> bool {
    opens_as(
        text,
        pos,
        c,
        text[pos..].chars().next().map_or(1, char::len_utf8),
    )
}

/// [`opens`] for the mark of `len` bytes at `pos`, read as `c`.
fn opens_as(text: &str, pos: usize, c: char, len: usize) -> bool {
    match c {
        '\u{201c}' | '\u{201e}' | '\u{ab}' => true,
        '\u{201d}' | '\u{bb}' => false,
        _ => {
            let before = text[..pos].chars().next_back();
            let after = text[pos + len..].chars().next();
            match before {
                None => true,
                Some(b) if b.is_whitespace() || matches!(b, '(' | '[' | '\u{2014}' | '-') => {
                    !after.is_none_or(char::is_whitespace)
                }
                Some(_) => false,
            }
        }
    }
}

/// Where the paragraph holding `pos` ends: at a blank line or the end of the body.
fn paragraph_end(text: &str, pos: usize, end: usize) -> usize {
    let rest = &text[pos..end];
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if offset > 0 && line.trim().is_empty() {
            return pos + offset;
        }
        offset += line.len();
    }
    end
}

fn line_end(text: &str, pos: usize, end: usize) -> usize {
    text[pos..end].find('\n').map_or(end, |i| pos + i)
}

fn next_nonspace(text: &str, pos: usize, end: usize) -> Option<char> {
    text[pos..end].chars().find(|c| !c.is_whitespace())
}

fn find_quotes(text: &str, body: Span, comments: &[Span]) -> Vec<Quote> {
    let mut quotes = Vec::new();
    let mut open: Option<usize> = None;
    let mut comment = 0;
    for (i, c) in text[body.start..body.end].char_indices() {
        let pos = body.start + i;
        while comment < comments.len() && comments[comment].end <= pos {
            comment += 1;
        }
        if comment < comments.len() && comments[comment].start <= pos {
            continue;
        }
        if let Some(start) = open {
            // A blank line ends an unclosed quotation.
            if c == '\n' && text[pos + 1..body.end].starts_with(['\n', '\r']) {
                let cont = next_nonspace(text, pos, body.end).is_some_and(is_double_quote);
                quotes.push(unclosed(text, start, pos, cont));
                open = None;
                continue;
            }
        }
        if !is_double_quote(c) {
            continue;
        }
        let mut opening = opens(text, pos, c);
        // A curly mark typed the wrong way round (“Who are you?“ he asked): trust its
        // place over its shape when the shape makes no sense.
        let by_place = opens_as(text, pos, '"', c.len_utf8());
        if opening != by_place && (open.is_some() == opening) {
            opening = by_place;
        }
        match open {
            None if opening => open = Some(pos),
            None => {} // a stray closing mark: nothing to pair it with
            Some(start) if !opening => {
                let len = c.len_utf8();
                quotes.push(Quote {
                    outer: Span::new(start, pos + len),
                    inner: inner_span(text, start, pos),
                    closed: true,
                    continues: false,
                });
                open = None;
            }
            Some(start) => {
                // An opening mark while one is open: the first was never closed. End it
                // at the end of its line (one paragraph a line) or just before this mark.
                let end = line_end(text, start, pos);
                quotes.push(unclosed(text, start, end, true));
                open = Some(pos);
            }
        }
    }
    if let Some(start) = open {
        let end = paragraph_end(text, start, body.end);
        let end = text[start..end].trim_end().len() + start;
        quotes.push(unclosed(text, start, end, false));
    }
    quotes
}

fn unclosed(text: &str, start: usize, end: usize, continues: bool) -> Quote {
    let end = start + text[start..end].trim_end().len();
    Quote {
        outer: Span::new(start, end),
        inner: inner_span(text, start, end),
        closed: false,
        continues,
    }
}

fn inner_span(text: &str, open: usize, close: usize) -> Span {
    let mark_len = text[open..].chars().next().map_or(1, char::len_utf8);
    Span::new((open + mark_len).min(close), close)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn tokenize(text: &str, body: Span, comments: &[Span]) -> Vec<Token> {
    let mut tokens = Vec::with_capacity((body.len() / 5).max(8));
    let bytes = text.as_bytes();
    let mut pos = body.start;
    let mut comment = 0;
    while pos < body.end {
        while comment < comments.len() && comments[comment].end <= pos {
            comment += 1;
        }
        if comment < comments.len() && comments[comment].start <= pos {
            pos = comments[comment].end;
            continue;
        }
        let Some(c) = text[pos..body.end].chars().next() else {
            break;
        };
        if c.is_whitespace() {
            pos += c.len_utf8();
            continue;
        }
        if !is_word_char(c) {
            let len = c.len_utf8();
            tokens.push(Token {
                span: Span::new(pos, pos + len),
                kind: TokenKind::Punct(c),
                in_quote: false,
                sentence: NO_SENTENCE,
            });
            pos += len;
            continue;
        }
        let start = pos;
        let mut end = pos;
        let mut chars = text[pos..body.end].char_indices().peekable();
        while let Some((i, ch)) = chars.next() {
            if is_word_char(ch) {
                end = pos + i + ch.len_utf8();
                continue;
            }
            // A joiner stays inside a word when a word character follows it: "75-year",
            // "Korea’s", "2,225", "3.5" (but not "U.S." or "end.").
            let joins = match ch {
                '-' | '\'' | '\u{2019}' | '\u{2011}' => true,
                '.' | ',' => bytes[end - 1].is_ascii_digit(),
                _ => false,
            };
            let next_is_word = chars.peek().is_some_and(|&(_, n)| {
                if matches!(ch, '.' | ',') {
                    n.is_ascii_digit()
                } else {
                    is_word_char(n)
                }
            });
            if joins && next_is_word {
                continue;
            }
            break;
        }
        tokens.push(Token {
            span: Span::new(start, end),
            kind: TokenKind::Word,
            in_quote: false,
            sentence: NO_SENTENCE,
        });
        pos = end;
    }
    tokens
}

fn mark_quotes(tokens: &mut [Token], quotes: &[Quote]) {
    let mut q = 0;
    for t in tokens.iter_mut() {
        while q < quotes.len() && quotes[q].outer.end <= t.span.start {
            q += 1;
        }
        if let Some(quote) = quotes.get(q) {
            t.in_quote = quote.inner.start <= t.span.start && t.span.end <= quote.inner.end;
        }
    }
}

fn assign_sentences(tokens: &mut [Token], sentences: &[Span]) -> Vec<(usize, usize)> {
    let mut ranges = vec![(usize::MAX, 0); sentences.len()];
    let mut s = 0;
    for (i, t) in tokens.iter_mut().enumerate() {
        while s < sentences.len() && sentences[s].end <= t.span.start {
            s += 1;
        }
        if s < sentences.len() && sentences[s].start <= t.span.start {
            t.sentence = s;
            let range = &mut ranges[s];
            range.0 = range.0.min(i);
            range.1 = i + 1;
        }
    }
    let len = tokens.len();
    for range in &mut ranges {
        if range.0 == usize::MAX {
            *range = (len, len);
        }
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Text<'_> {
        Text::new(s, Span::new(0, s.len()), &[Span::new(0, s.len())], &[0])
    }

    fn words<'a>(t: &'a Text<'a>) -> Vec<&'a str> {
        (0..t.tokens.len())
            .filter(|&i| t.tokens[i].is_word())
            .map(|i| t.tok(i))
            .collect()
    }

    #[test]
    fn words_keep_inner_joiners() {
        let t = text("Korea’s 75-year ties, 2,225 items at 3.5%. U.S. end.");
        assert_eq!(
            words(&t),
            [
                "Korea’s",
                "75-year",
                "ties",
                "2,225",
                "items",
                "at",
                "3.5",
                "U",
                "S",
                "end"
            ]
        );
    }

    #[test]
    fn curly_and_straight_quotes_pair() {
        let s = "“One two,” Cha said. He said \"three four\" and left.";
        let t = text(s);
        assert_eq!(t.quotes.len(), 2);
        assert_eq!(t.slice(t.quotes[0].inner), "One two,");
        assert_eq!(t.slice(t.quotes[1].inner), "three four");
        let said: Vec<_> = t
            .tokens
            .iter()
            .filter(|tk| tk.span.slice(s) == "said")
            .collect();
        assert!(said.iter().all(|tk| !tk.in_quote));
        let two = t
            .tokens
            .iter()
            .find(|tk| tk.span.slice(s) == "two")
            .unwrap();
        assert!(two.in_quote);
    }

    #[test]
    fn a_curly_mark_the_wrong_way_round_still_closes() {
        let s = "“Who can guarantee you happiness?“ he asked. “Nobody.”";
        let t = text(s);
        assert_eq!(t.quotes.len(), 2, "{:?}", t.quotes);
        assert!(t.quotes.iter().all(|q| q.closed));
        assert_eq!(t.slice(t.quotes[1].inner), "Nobody.");
    }

    #[test]
    fn unclosed_quote_ends_at_its_paragraph() {
        let s = "He said \"it is over.\n\nNext paragraph here.";
        let t = text(s);
        assert_eq!(t.quotes.len(), 1);
        assert!(!t.quotes[0].closed);
        assert_eq!(t.slice(t.quotes[0].inner), "it is over.");
        assert!(!t.quotes[0].continues);
    }

    #[test]
    fn comments_are_not_text() {
        let s = "<!-- claims: allow x -- \"why\" -->\nAnalysts say so.";
        let t = text(s);
        assert_eq!(t.comments.len(), 1);
        assert!(t.quotes.is_empty());
        assert_eq!(words(&t), ["Analysts", "say", "so"]);
    }

    #[test]
    fn line_and_column_count_characters() {
        let s = "ab\n“é” x";
        let t = text(s);
        let x = s.find('x').unwrap();
        assert_eq!(t.line_col(x), (2, 5));
        assert_eq!(t.line_col(0), (1, 1));
    }
}
