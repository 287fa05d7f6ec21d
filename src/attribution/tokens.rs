//! A light tokenizer for attribution: words, numbers, punctuation and quote marks with
//! byte spans, each word looked up once in the lexicon.
//!
//! Tokens never cross a sentence boundary (each sentence is tokenized on its own), so
//! every token knows its sentence and paragraph. No allocation per token beyond the
//! token vector itself.

use super::lexicon::{self, CueRef, Lex};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Number,
    Punct,
    /// An opening double quote mark (“, „, «, or a straight `"` that opens).
    Open,
    /// A closing double quote mark (”, », or a straight `"` that closes).
    Close,
}

/// Punctuation classes (the `ch` of a `Punct` token).
pub mod punct {
    pub const DASH: u8 = b'd';
    pub const ELLIPSIS: u8 = b'e';
    pub const SINGLE_QUOTE: u8 = b'q';
    pub const OTHER: u8 = b'o';
}

/// Families of double quote marks (the `ch` of `Open` and `Close` tokens): a quote
/// opened with one family and holding marks of another has a quote inside it.
pub mod quote_family {
    pub const CURLY: u8 = b'c';
    pub const STRAIGHT: u8 = b's';
    pub const DOUBLED: u8 = b'a';
    pub const GUILLEMET: u8 = b'g';
}

/// Letter-case shape of a word.
pub mod shape {
    /// First letter upper case ("Cha", "U.S.", "NATO").
    pub const CAP: u8 = 1;
    /// Two or more letters, all upper case ("NATO", "U.S.").
    pub const UPPER: u8 = 2;
    /// Ends with a period that belongs to the word ("J.", "Mr.", "U.S.").
    pub const ABBREV: u8 = 4;
    /// A possessive ("China’s", "officials’"): the lexicon saw the word without it.
    pub const POSS: u8 = 8;
    /// A single letter with a period: an initial ("J.").
    pub const INITIAL: u8 = 16;
    /// Contains a digit.
    pub const DIGIT: u8 = 32;
}

#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// For punctuation: the ASCII character, or one of the [`punct`] classes.
    pub ch: u8,
    pub shape: u8,
    pub lex: Lex,
    pub cue: Option<CueRef>,
    /// Index of the sentence it belongs to.
    pub sent: u32,
    pub para: u32,
    /// 1 + index of the quote region it lies in (marks included), 0 outside quotes.
    pub quote: u32,
}

impl Token {
    pub fn is_word(&self) -> bool {
        matches!(self.kind, Kind::Word | Kind::Number)
    }
    pub fn is(&self, flags: Lex) -> bool {
        self.lex & flags != 0
    }
    pub fn cap(&self) -> bool {
        self.kind == Kind::Word && self.shape & shape::CAP != 0
    }
    pub fn poss(&self) -> bool {
        self.shape & shape::POSS != 0
    }
    pub fn punct(&self, c: u8) -> bool {
        self.kind == Kind::Punct && self.ch == c
    }
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
    pub fn in_quote(&self) -> bool {
        self.quote != 0
    }
}

/// Appends the tokens of `text[start..end]` (one sentence) to `out`.
pub fn tokenize(text: &str, start: usize, end: usize, sent: u32, para: u32, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut i = start;
    while i < end {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let (ch, len) = decode(text, i);
        if ch.is_whitespace() {
            i += len;
            continue;
        }
        if ch.is_alphanumeric() {
            i = word(text, i, end, sent, para, out);
            continue;
        }
        // Two apostrophes (or two backticks) stand for a double quote mark in some
        // wire and newspaper texts: ''Like this,'' she said.
        let doubled = matches!(b, b'\'' | b'`') && i + 1 < end && bytes[i + 1] == b;
        if doubled {
            let opens = b == b'`' || i == start || {
                let prev = prev_char(text, i);
                prev.is_whitespace() || matches!(prev, '(' | '[' | '—' | '–' | '-' | ':')
            };
            out.push(Token {
                start: i,
                end: i + 2,
                kind: if opens { Kind::Open } else { Kind::Close },
                ch: quote_family::DOUBLED,
                shape: 0,
                lex: 0,
                cue: None,
                sent,
                para,
                quote: 0,
            });
            i += 2;
            continue;
        }
        let kind_ch = match ch {
            '“' | '„' => Some((Kind::Open, quote_family::CURLY)),
            '”' => Some((Kind::Close, quote_family::CURLY)),
            '«' => Some((Kind::Open, quote_family::GUILLEMET)),
            '»' => Some((Kind::Close, quote_family::GUILLEMET)),
            '"' => {
                let opens = i == start || {
                    let prev = prev_char(text, i);
                    prev.is_whitespace() || matches!(prev, '(' | '[' | '—' | '–' | '-' | ':')
                };
                Some((
                    if opens { Kind::Open } else { Kind::Close },
                    quote_family::STRAIGHT,
                ))
            }
            _ => None,
        };
        let (kind, c) = kind_ch.unwrap_or_else(|| {
            let c = match ch {
                ',' | ';' | ':' | '.' | '!' | '?' | '(' | ')' | '[' | ']' => ch as u8,
                // A hyphen standing alone (not inside a word) is used as a dash.
                '-' => punct::DASH,
                '—' | '–' | '―' => punct::DASH,
                '…' => punct::ELLIPSIS,
                '‘' | '’' | '\'' | '`' => punct::SINGLE_QUOTE,
                _ => punct::OTHER,
            };
            (Kind::Punct, c)
        });
        // "--" is a dash; "..." an ellipsis.
        let mut tok_end = i + len;
        let mut c = c;
        if ch == '-' && tok_end < end && bytes[tok_end] == b'-' {
            tok_end += 1;
            c = punct::DASH;
        } else if ch == '.' && tok_end + 1 < end && &bytes[tok_end..tok_end + 2] == b".." {
            tok_end += 2;
            c = punct::ELLIPSIS;
        }
        out.push(Token {
            start: i,
            end: tok_end,
            kind,
            ch: c,
            shape: 0,
            lex: 0,
            cue: None,
            sent,
            para,
            quote: 0,
        });
        i = tok_end;
    }
}

fn decode(text: &str, i: usize) -> (char, usize) {
    // `i` is always on a char boundary: the scanner only ever advances by whole chars.
    match text[i..].chars().next() {
        Some(c) => (c, c.len_utf8()),
        None => (' ', 1),
    }
}

fn prev_char(text: &str, i: usize) -> char {
    text[..i].chars().next_back().unwrap_or(' ')
}

/// Scans one word from `i`; returns where it ends.
fn word(text: &str, start: usize, end: usize, sent: u32, para: u32, out: &mut Vec<Token>) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    let mut has_dot = false;
    let mut letters = 0usize;
    let mut upper = 0usize;
    let mut digit = false;
    let mut first_upper = false;
    loop {
        // Inside: letters and digits.
        while i < end {
            let b = bytes[i];
            if b.is_ascii_alphanumeric() {
                if b.is_ascii_digit() {
                    digit = true;
                } else {
                    if letters == 0 {
                        first_upper = b.is_ascii_uppercase();
                    }
                    letters += 1;
                    upper += b.is_ascii_uppercase() as usize;
                }
                i += 1;
            } else if b < 0x80 {
                break;
            } else {
                let (c, len) = decode(text, i);
                if !c.is_alphanumeric() {
                    break;
                }
                if c.is_alphabetic() {
                    if letters == 0 {
                        first_upper = c.is_uppercase();
                    }
                    letters += 1;
                    upper += c.is_uppercase() as usize;
                }
                i += len;
            }
        }
        // A joiner followed by an alphanumeric continues the word: don't, U.S, AT&T, 3.5.
        if i >= end {
            break;
        }
        let (c, len) = decode(text, i);
        let joins = matches!(c, '\'' | '’' | '-' | '.' | '&' | '/' | '‑')
            || (c == ',' && bytes[i - 1].is_ascii_digit());
        if !joins || i + len >= end {
            break;
        }
        let (next, _) = decode(text, i + len);
        if !next.is_alphanumeric() || (c == ',' && !next.is_ascii_digit()) {
            break;
        }
        if c == '.' {
            // "U.S", "a.m", "3.5", "Ph.D" join; "said.Trump" (a missing space) does not.
            // ("R-N.Y": the segment starts after a hyphen too.)
            let seg_start = bytes[start..i]
                .iter()
                .rposition(|&x| x == b'.' || x == b'-')
                .map(|p| start + p + 1)
                .unwrap_or(start);
            let short = i - seg_start <= 2;
            let numeric = bytes[i - 1].is_ascii_digit() && next.is_ascii_digit();
            if !short && !numeric {
                break;
            }
            has_dot = true;
        }
        i += len;
    }
    let mut shape_bits = 0u8;
    if digit {
        shape_bits |= shape::DIGIT;
    }
    if first_upper {
        shape_bits |= shape::CAP;
    }
    if letters >= 2 && upper == letters {
        shape_bits |= shape::UPPER;
    }
    // The stem the lexicon sees: without a possessive ending.
    let mut stem_end = i;
    let w = &bytes[start..i];
    if w.len() > 2 && (w.ends_with(b"'s") || w.ends_with(b"'S")) {
        stem_end = i - 2;
        shape_bits |= shape::POSS;
    } else if w.len() > 4 && (w.ends_with("’s".as_bytes()) || w.ends_with("’S".as_bytes())) {
        stem_end = i - 4;
        shape_bits |= shape::POSS;
    } else if i < end && letters > 1 && bytes[i - 1] == b's' {
        // officials’ / officials'
        let (c, len) = decode(text, i);
        // (Not the first of two apostrophes standing for a closing quote: "doubts''".)
        let next_ok = i + len >= end || {
            let next = decode(text, i + len).0;
            let doubled = c == '\'' && next == '\'';
            !(next.is_alphanumeric() || doubled)
        };
        if (c == '’' || c == '\'') && next_ok {
            shape_bits |= shape::POSS;
            let tok_end = i + len;
            push_word(text, start, tok_end, i, shape_bits, sent, para, out);
            return tok_end;
        }
    }
    // A trailing period belongs to initials, dotted abbreviations and known short forms.
    let mut tok_end = i;
    if i < end && bytes[i] == b'.' && shape_bits & shape::POSS == 0 {
        let single_letter = letters == 1 && !digit && i - start <= 2;
        let known = lexicon::is_abbreviation(&text[start..i]);
        if single_letter || has_dot || known {
            tok_end = i + 1;
            stem_end = tok_end;
            shape_bits |= shape::ABBREV;
            if single_letter && first_upper {
                shape_bits |= shape::INITIAL;
            }
        }
    }
    push_word(text, start, tok_end, stem_end, shape_bits, sent, para, out);
    tok_end
}

#[allow(clippy::too_many_arguments)]
fn push_word(
    text: &str,
    start: usize,
    end: usize,
    stem_end: usize,
    shape_bits: u8,
    sent: u32,
    para: u32,
    out: &mut Vec<Token>,
) {
    let first = text.as_bytes()[start];
    let kind = if first.is_ascii_digit() {
        Kind::Number
    } else {
        Kind::Word
    };
    let (lex, cue) = if kind == Kind::Word {
        lexicon::lookup(&text[start..stem_end])
    } else {
        (0, None)
    };
    out.push(Token {
        start,
        end,
        kind,
        ch: 0,
        shape: shape_bits,
        lex,
        cue,
        sent,
        para,
        quote: 0,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        tokenize(text, 0, text.len(), 0, 0, &mut out);
        out.iter().map(|t| t.text(text).to_owned()).collect()
    }

    #[test]
    fn words_keep_initials_abbreviations_and_possessives() {
        assert_eq!(
            toks("Lloyd J. Austin III, the U.S. envoy, said Mr. Kim’s plan “failed.”"),
            [
                "Lloyd", "J.", "Austin", "III", ",", "the", "U.S.", "envoy", ",", "said", "Mr.",
                "Kim’s", "plan", "“", "failed", ".", "”"
            ]
        );
    }

    #[test]
    fn straight_quotes_open_and_close_by_context() {
        let text = "He said \"no\" twice.";
        let mut out = Vec::new();
        tokenize(text, 0, text.len(), 0, 0, &mut out);
        let kinds: Vec<Kind> = out.iter().map(|t| t.kind).collect();
        assert_eq!(kinds[2], Kind::Open);
        assert_eq!(kinds[4], Kind::Close);
    }

    #[test]
    fn doubled_apostrophes_are_quote_marks() {
        let text = "''We won,'' he said.";
        let mut out = Vec::new();
        tokenize(text, 0, text.len(), 0, 0, &mut out);
        assert_eq!(out[0].kind, Kind::Open);
        assert_eq!(out[4].kind, Kind::Close);
        // After a word ending in "s" too (not a plural possessive).
        let text = "''I have doubts'' about it";
        out.clear();
        tokenize(text, 0, text.len(), 0, 0, &mut out);
        assert_eq!(out[3].text(text), "doubts");
        assert_eq!(out[4].kind, Kind::Close);
        assert_eq!(
            toks("He said.Then he left"),
            ["He", "said", ".", "Then", "he", "left"]
        );
    }

    #[test]
    fn dashes_and_numbers() {
        assert_eq!(
            toks("It cost 3.5 billion -- or 1,000 each—a lot..."),
            [
                "It", "cost", "3.5", "billion", "--", "or", "1,000", "each", "—", "a", "lot", "..."
            ]
        );
    }

    #[test]
    fn possessive_is_looked_up_without_its_ending() {
        let text = "the officials’ view";
        let mut out = Vec::new();
        tokenize(text, 0, text.len(), 0, 0, &mut out);
        assert!(out[1].poss());
        assert_eq!(out[1].text(text), "officials’");
    }
}
