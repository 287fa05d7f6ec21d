//! The scanner: one pass over the bytes of a text, line by line.
//!
//! Most bytes are looked at once, through a 256-entry table that says whether a byte can
//! matter (a sentence mark, a closing parenthesis, a quote mark, a capital, a line break,
//! or the first byte of a multi-byte mark). At a sentence mark the scanner reads the *cluster* (the marks and the
//! closing quotes, brackets and citation numbers attached to it), the token before it and
//! the first word after it, and decides from English orthography whether the sentence ends
//! there. Every look back or ahead is bounded, so the whole scan is linear in the text.

use super::Sentence;
use super::lexicon::{self, Class};
use crate::span::Span;

/// Longest token looked at before a period (a longer one is an ordinary word).
const MAX_TOKEN_BYTES: usize = 48;
/// Longest word looked at after a mark.
const MAX_WORD_BYTES: usize = 32;
/// How far the bracket check looks each way for the brackets around a period.
const BRACKET_REACH: usize = 200;
/// How far back the start of the clause is looked for (for "At 6 a.m. Mr. Smith ...").
const CLAUSE_REACH: usize = 250;
/// Most opening quotes, brackets and dashes skipped before the next word.
const MAX_OPENERS: usize = 8;
/// Most spaces between a mark and a detached mark or citation still counted as its cluster
/// ("Really ? ? ?", "a gas. [1]").
const MAX_CLUSTER_GAP: usize = 3;

/// Bytes that can change the scanner's state; every other byte is skipped at once.
static INTERESTING: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    let bytes = b".!?)\n\r\x0b\x0c\"'";
    while k < bytes.len() {
        t[bytes[k] as usize] = true;
        k += 1;
    }
    // Capitals: a capitalised function word in mid-line may start a sentence whose
    // predecessor lost its final mark (a caption or dateline run into the text).
    let mut c = b'A';
    while c <= b'Z' {
        t[c as usize] = true;
        c += 1;
    }
    // Lead bytes of the multi-byte marks and line separators we know.
    t[0xC2] = true; // U+0085 NEL
    t[0xE2] = true; // … ‼ ⁇ ⁈ ⁉, U+2028, U+2029
    t[0xE3] = true; // 。
    t[0xEF] = true; // ． ！ ？ ｡
    t
};

/// What kind of mark ends a cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// One period.
    Period,
    /// Two or more periods, spaced periods or `…`: a trailing off, which ends a sentence
    /// only before a capital.
    Ellipsis,
    /// `!` or `?` (with or without periods).
    Strong,
    /// Full-width marks (`。`, `．`): end the sentence without a following space.
    FullWidth,
}

#[derive(Debug, Clone, Copy)]
struct Cluster {
    end: usize,
    mark: Mark,
    /// A closing quote is part of the cluster (`?”`, `!’`).
    quote: bool,
    /// The first mark is `!`.
    exclamation: bool,
    /// A mark follows a closing bracket or quote ("(Ibid.).", "Inc.)."): the last mark is
    /// not the abbreviation's, it ends the sentence.
    mark_after_closer: bool,
    /// The first mark is followed at once by `)` ("a.)", "ii.)").
    paren_after: bool,
    /// The marks are exactly two periods: a doubled period rather than an ellipsis.
    two_periods: bool,
    /// Two or more periods or `…` trail the marks ("Happy?... no one").
    trailing_off: bool,
    /// A detached closing quote mark (tokenised text: "to do ? '' Graham") of this kind
    /// is part of the cluster.
    detached_quote: Option<usize>,
}

/// The first thing after a cluster that tells whether a sentence begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Next<'t> {
    /// The line ends (perhaps after quotes or dashes).
    End,
    /// A capitalised word (the word, and where it starts).
    Upper(&'t str, usize),
    Lower,
    Digit,
    /// Another period or ellipsis.
    Dots,
    /// Punctuation that continues a sentence: `,` `;` `:` a closing bracket, `%`.
    Continuation,
    /// Anything else: a symbol, a letter without case.
    Other,
}

/// What lies between a cluster and the next word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Gap {
    /// White space.
    spaced: bool,
    /// Opening quotes or brackets, dashes or bullets.
    openers: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Split,
    /// Split unless the mark sits inside a short pair of brackets ("(see. section 4)").
    Weak,
    Keep,
}

/// What the token before a period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    /// No word before the period (it follows a bracket, a quote, a symbol).
    Nothing,
    Number,
    /// One capital letter: an initial ("Lloyd J. Austin").
    Initial,
    /// "I": the pronoun ("you and I. Did you"), or an initial after a name ("Albert I.
    /// Jones").
    PronounI,
    /// One lower-case letter ("contain v. If", "a. The first item").
    LowerLetter,
    Abbreviation(Class),
    /// An ordinary word; `short_capital` for a short capitalised word that may be an
    /// unknown abbreviation ("Mi.", "NE.").
    Word {
        short_capital: bool,
    },
}

/// A list marker inside a line: `a)`, `2.)`, `(iii)`, `1.`.
#[derive(Debug, Clone, Copy)]
struct Marker {
    /// Where its item starts (at the label, or at a bullet before it).
    start: usize,
    /// For a label with a period (`1.`), the end of that period: if the label turns out
    /// to open a list item, a sentence end found there is dropped.
    label_end: Option<usize>,
    in_list: bool,
}

/// How a list label is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// `a)`
    Paren,
    /// `a.)`
    PeriodParen,
    /// `(a)`
    Parens,
    /// `a.`
    Period,
}

const SHAPES: usize = 4;

/// Kinds of list numbering (digits, small and capital letters, small and capital roman
/// numerals) times their shapes.
const MARKER_SLOTS: usize = 5 * SHAPES;

pub(super) struct Scanner<'t> {
    text: &'t str,
    bytes: &'t [u8],
    out: Vec<Sentence>,
    paragraph: usize,
    /// The line being scanned: where it starts, where its current sentence starts.
    line_start: usize,
    sentence_start: usize,
    /// Sentence ends found by marks in this line, in order.
    ends: Vec<usize>,
    markers: Vec<Marker>,
    last_marker: [Option<(u8, usize)>; MARKER_SLOTS],
    /// Quote marks standing alone between spaces so far in this line (tokenised text),
    /// single and double: their parity tells whether the next one opens or closes.
    detached_quotes: [usize; 2],
}

impl<'t> Scanner<'t> {
    pub(super) fn new(text: &'t str) -> Self {
        Scanner {
            text,
            bytes: text.as_bytes(),
            out: Vec::with_capacity(text.len() / 128 + 1),
            paragraph: 0,
            line_start: 0,
            sentence_start: 0,
            ends: Vec::new(),
            markers: Vec::new(),
            last_marker: [None; MARKER_SLOTS],
            detached_quotes: [0; 2],
        }
    }

    pub(super) fn run(mut self) -> Vec<Sentence> {
        let bytes = self.bytes;
        let len = bytes.len();
        let mut i = 0;
        while i < len {
            let b = bytes[i];
            if !INTERESTING[b as usize] {
                i += 1;
                continue;
            }
            if let Some(n) = line_break_len(bytes, i) {
                self.end_line(i);
                i += n;
                self.begin_line(i);
                continue;
            }
            if b == b')' {
                self.note_marker(i);
                i += 1;
                continue;
            }
            if b == b'"' || b == b'\'' {
                if let Some((n, kind)) = self.detached_quote(i) {
                    self.detached_quotes[kind] += 1;
                    i += n;
                    continue;
                }
                i += 1;
                continue;
            }
            if b.is_ascii_uppercase() {
                if self.starts_run_on_sentence(i) {
                    self.ends.push(i);
                    self.sentence_start = i;
                }
                i += 1;
                continue;
            }
            if mark_at(bytes, i).is_some() {
                i = self.at_mark(i);
                continue;
            }
            i += 1;
        }
        self.end_line(len);
        self.out
    }

    fn begin_line(&mut self, start: usize) {
        self.line_start = start;
        self.sentence_start = start;
        self.ends.clear();
        self.markers.clear();
        self.last_marker = [None; MARKER_SLOTS];
        self.detached_quotes = [0; 2];
    }

    /// Closes the line ending at `end`: emits its sentences, cut at the marks' ends and
    /// before the markers of inline lists.
    fn end_line(&mut self, end: usize) {
        let before = self.out.len();
        let mut start = self.line_start;
        let mut e = 0;
        let mut m = 0;
        // A label's own period ("Steps: 1. Mix") is no sentence end once the label proves
        // to open a list item.
        // Both lists are in text order: one merge pass.
        let mut labels = self
            .markers
            .iter()
            .filter(|mk| mk.in_list)
            .filter_map(|mk| mk.label_end)
            .peekable();
        self.ends.retain(|&end| {
            while labels.next_if(|&l| l < end).is_some() {}
            labels.peek() != Some(&end)
        });
        loop {
            while m < self.markers.len() && !self.markers[m].in_list {
                m += 1;
            }
            let next_end = self.ends.get(e).copied();
            let next_marker = self.markers.get(m).map(|mk| mk.start);
            let cut = match (next_end, next_marker) {
                (Some(a), Some(b)) if a <= b => {
                    e += 1;
                    a
                }
                (_, Some(b)) => {
                    m += 1;
                    b
                }
                (Some(a), None) => {
                    e += 1;
                    a
                }
                (None, None) => break,
            };
            if cut > start {
                self.push(start, cut);
                start = cut;
            }
        }
        self.push(start, end);
        if self.out.len() > before {
            self.paragraph += 1;
        }
    }

    fn push(&mut self, start: usize, end: usize) {
        let span = trim(self.text, start, end);
        if !span.is_empty() {
            self.out.push(Sentence {
                span,
                paragraph: self.paragraph,
            });
        }
    }

    /// Handles the mark at `i`; returns where scanning goes on.
    fn at_mark(&mut self, i: usize) -> usize {
        let cluster = self.cluster(i);
        if let Some(kind) = cluster.detached_quote {
            self.detached_quotes[kind] += 1;
        }
        for k in i..cluster.end {
            if self.bytes[k] == b')' {
                self.note_marker(k);
            }
        }
        let (next, gap) = self.next_token(cluster.end);
        if next == Next::End {
            return cluster.end;
        }
        if !gap.spaced && cluster.mark != Mark::FullWidth {
            // "U.S.A", "3.5", "Yahoo!Inc", "Jr.'s": no space, no sentence end.
            return cluster.end;
        }
        if cluster.mark == Mark::Period
            && cluster.end == i + 1
            && self.note_period_label(i, cluster.end)
        {
            // "1. The first item 2. The second item": the label's period.
            return cluster.end;
        }
        let verdict = match cluster.mark {
            Mark::FullWidth => Verdict::Split,
            Mark::Ellipsis => ellipsis(next, cluster.two_periods),
            Mark::Strong => self.strong(i, &cluster, next, gap),
            Mark::Period => self.period(i, &cluster, next),
        };
        let split = match verdict {
            Verdict::Split => true,
            Verdict::Weak => !self.inside_brackets(i),
            Verdict::Keep => false,
        };
        if split {
            self.ends.push(cluster.end);
            self.sentence_start = cluster.end;
        }
        cluster.end
    }

    /// Reads the cluster that starts with the mark at `i`: further marks, closing quotes
    /// and brackets, citation numbers (`[1]`), and marks detached by a space as in
    /// tokenised text (`? ? ?`, `. . .`).
    fn cluster(&self, i: usize) -> Cluster {
        let b = self.bytes;
        let mut tally = Tally::default();
        let mut j = i;
        let mut quote = false;
        let mut closed = false;
        let mut mark_after_closer = false;
        let mut detached_quote = None;
        loop {
            if let Some((n, kind)) = mark_at(b, j) {
                tally.add(kind);
                mark_after_closer |= closed;
                j += n;
                continue;
            }
            if let Some((n, is_quote)) = self.closer_at(j) {
                quote |= is_quote;
                closed = true;
                tally.run = 0;
                j += n;
                continue;
            }
            if let Some(n) = citation_len(b, j) {
                j += n;
                continue;
            }
            // A detached single mark or a citation after a few spaces.
            let mut k = j;
            while k < b.len() && k - j < MAX_CLUSTER_GAP && matches!(b[k], b' ' | b'\t') {
                k += 1;
            }
            if k > j && k < b.len() {
                if let Some((n, kind)) = mark_at(b, k) {
                    let lone = mark_at(b, k + n).is_none()
                        && (k + n >= b.len() || is_space_or_break(b[k + n]));
                    if lone {
                        tally.add(kind);
                        j = k + n;
                        continue;
                    }
                }
                if let Some(n) = citation_len(b, k) {
                    j = k + n;
                    continue;
                }
                if !quote
                    && let Some((n, kind)) = self.detached_quote(k)
                    && self.detached_quote_closes(k, kind)
                {
                    detached_quote = Some(kind);
                    quote = true;
                    closed = true;
                    tally.run = 0;
                    j = k + n;
                    continue;
                }
            }
            break;
        }
        let mark = if tally.full_width {
            Mark::FullWidth
        } else if tally.strong {
            Mark::Strong
        } else if tally.ellipsis || tally.longest_run > 1 {
            Mark::Ellipsis
        } else {
            Mark::Period
        };
        Cluster {
            end: j,
            mark,
            quote,
            exclamation: b[i] == b'!',
            mark_after_closer,
            paren_after: b.get(i + 1) == Some(&b')'),
            two_periods: tally.longest_run == 2 && !tally.ellipsis,
            trailing_off: tally.ellipsis || tally.longest_run > 1,
            detached_quote,
        }
    }

    /// A quote mark standing alone between spaces at `k` (`'`, `"` or `''`): its length
    /// and kind (0 single, 1 double).
    fn detached_quote(&self, k: usize) -> Option<(usize, usize)> {
        let b = self.bytes;
        if k > self.line_start && !matches!(b[k - 1], b' ' | b'\t') {
            return None;
        }
        let (n, kind) = match (b.get(k), b.get(k + 1)) {
            (Some(b'\''), Some(b'\'')) => (2, 1),
            (Some(b'\''), _) => (1, 0),
            (Some(b'"'), _) => (1, 1),
            _ => return None,
        };
        let after = b.get(k + n).copied();
        after.is_none_or(is_space_or_break).then_some((n, kind))
    }

    /// Whether the detached quote mark at `k` closes a quotation: it does when an odd
    /// number of them came before in the line; with an even number, when no other follows
    /// in the line and none came before (the quotation opened before the text began).
    fn detached_quote_closes(&self, k: usize, kind: usize) -> bool {
        let before = self.detached_quotes[kind];
        if before % 2 == 1 {
            return true;
        }
        let b = self.bytes;
        let ceiling = (k + BRACKET_REACH).min(b.len());
        let mut j = k + 1;
        while j < ceiling {
            if matches!(b[j], b'\n' | b'\r') {
                break;
            }
            if let Some((n, other)) = self.detached_quote(j) {
                if other == kind {
                    return false;
                }
                j += n;
            } else {
                j += 1;
            }
        }
        before == 0
    }

    /// A closing quote or bracket at `j` attached to a mark: its length and whether it is a
    /// quote. Opening curly quotes count too when a space follows (they are then misused
    /// as closing ones).
    fn closer_at(&self, j: usize) -> Option<(usize, bool)> {
        let b = self.bytes;
        let c = *b.get(j)?;
        match c {
            b'"' | b'\'' | b'`' => Some((1, true)),
            b')' | b']' | b'}' => Some((1, false)),
            0xC2 if b.get(j + 1) == Some(&0xBB) => Some((2, true)), // »
            0xE2 | 0xE3 | 0xEF => {
                let ch = self.text.get(j..)?.chars().next()?;
                let n = ch.len_utf8();
                match ch {
                    '”' | '’' | '›' | '」' | '』' => Some((n, true)),
                    '“' | '‘' => {
                        let after = b.get(j + n).copied();
                        let closes = after.is_none_or(is_space_or_break)
                            || after.is_some_and(|a| matches!(a, b'"' | b'\'' | b')'));
                        closes.then_some((n, true))
                    }
                    '）' | '］' | '》' | '〉' => Some((n, false)),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The first word after a cluster, past spaces, opening quotes and brackets, dashes and
    /// bullets; and whether any space came first.
    fn next_token(&self, from: usize) -> (Next<'t>, Gap) {
        let b = self.bytes;
        let mut k = self.skip_spaces(from);
        let mut gap = Gap {
            spaced: k > from,
            openers: false,
        };
        for _ in 0..MAX_OPENERS {
            match self.opener_len(k) {
                Some(n) => {
                    k = self.skip_spaces(k + n);
                    gap.openers = true;
                }
                None => break,
            }
        }
        if k >= b.len() || line_break_len(b, k).is_some() {
            return (Next::End, gap);
        }
        let Some(c) = self.text.get(k..).and_then(|s| s.chars().next()) else {
            return (Next::End, gap);
        };
        let next = if c.is_uppercase() {
            Next::Upper(self.word_at(k), k)
        } else if c.is_lowercase() {
            Next::Lower
        } else if c.is_ascii_digit() {
            Next::Digit
        } else if c == '.' || c == '…' {
            Next::Dots
        } else if matches!(c, ',' | ';' | ':' | ')' | ']' | '}' | '?' | '!' | '%' | '/') {
            Next::Continuation
        } else {
            Next::Other
        };
        (next, gap)
    }

    /// Length of an opening quote, bracket, dash or bullet at `k`.
    fn opener_len(&self, k: usize) -> Option<usize> {
        let c = *self.bytes.get(k)?;
        let ch = if c < 0x80 {
            char::from(c)
        } else {
            self.text.get(k..)?.chars().next()?
        };
        is_opening(ch).then_some(ch.len_utf8())
    }

    /// Skips spaces (not line breaks) from `k`.
    fn skip_spaces(&self, mut k: usize) -> usize {
        let b = self.bytes;
        while k < b.len() {
            let c = b[k];
            if c == b' ' || c == b'\t' {
                k += 1;
            } else if c >= 0x80 && line_break_len(b, k).is_none() {
                match self.text.get(k..).and_then(|s| s.chars().next()) {
                    Some(ch) if is_space(ch) => k += ch.len_utf8(),
                    _ => break,
                }
            } else {
                break;
            }
        }
        k
    }

    /// The word starting at `k`: letters, digits and inner apostrophes, at most
    /// `MAX_WORD_BYTES`.
    fn word_at(&self, k: usize) -> &'t str {
        let text: &'t str = self.text;
        let rest = &text[k..];
        let mut end = 0;
        let mut chars = rest.char_indices().peekable();
        while let Some((at, ch)) = chars.next() {
            if at >= MAX_WORD_BYTES {
                break;
            }
            let inner_apostrophe =
                matches!(ch, '\'' | '’') && chars.peek().is_some_and(|&(_, n)| n.is_alphabetic());
            if ch.is_alphanumeric() || (at > 0 && inner_apostrophe) {
                end = at + ch.len_utf8();
            } else {
                break;
            }
        }
        &rest[..end]
    }

    /// The token before the period at `i` (letters, digits, inner periods and apostrophes),
    /// and whether spaces separate it from the period (tokenised text: "Mr . Smith").
    fn token_before(&self, i: usize) -> (&'t str, usize, bool) {
        let text: &'t str = self.text;
        let b = self.bytes;
        // The token belongs to the current sentence: after a full-width mark a sentence
        // starts without a space ("...。Next.").
        let floor = self.sentence_start.max(self.line_start).min(i);
        let mut end = i;
        while end > floor && i - end < MAX_CLUSTER_GAP && matches!(b[end - 1], b' ' | b'\t') {
            end -= 1;
        }
        let spaced = end < i;
        let mut start = end;
        let head = &text[floor..end];
        let mut chars = head.char_indices().rev().peekable();
        let mut after: Option<char> = None;
        while let Some((at, ch)) = chars.next() {
            let at = floor + at;
            if end - at > MAX_TOKEN_BYTES {
                break;
            }
            let before = chars.peek().map(|&(_, c)| c);
            let inner = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
            let keep = ch.is_alphanumeric()
                || (matches!(ch, '°' | 'º')
                    && after.is_none()
                    && matches!(before, Some('N' | 'n')))
                || (ch == '.' && after.is_some())
                || (matches!(ch, '\'' | '’' | '&' | '-') && inner(before) && inner(after));
            if !keep {
                break;
            }
            start = at;
            after = Some(ch);
        }
        // Periods belong inside a token ("U.S"), not before it ("..etc").
        while start < end && b[start] == b'.' {
            start += 1;
        }
        (&text[start..end], start, spaced)
    }

    /// Decides at a single period.
    fn period(&self, i: usize, cluster: &Cluster, next: Next) -> Verdict {
        if cluster.mark_after_closer {
            return regular(Token::Nothing, next);
        }
        if cluster.quote && next == Next::Lower {
            // 'He said "hello world." and left': the quoted sentence is embedded.
            return Verdict::Keep;
        }
        let (token, start, spaced) = self.token_before(i);
        let shouting = matches!(next, Next::Upper(w, _) if is_all_capitals(w));
        let class = self.classify_at(token, start, shouting);
        if cluster.quote && matches!(next, Next::Upper(..)) && !spaced {
            // 'Prisoner Cell Block H." Labour ...': a quotation closed after the period,
            // so the period was the sentence's, whatever the token (but "Mr." never).
            if !matches!(class, Token::Abbreviation(Class::Title | Class::Latin)) {
                return Verdict::Split;
            }
        }
        if spaced {
            // Tokenised text: only a known abbreviation keeps its special behaviour.
            return match class {
                Token::Abbreviation(c) => self.abbreviation(c, token, start, next),
                _ => regular(Token::Nothing, next),
            };
        }
        if (cluster.paren_after || self.starts_sentence(start)) && is_list_label(token, class) {
            // "1. apples", "b. The second item", "ii. First": a list label, not a sentence.
            return Verdict::Keep;
        }
        match class {
            Token::Initial => match next {
                Next::Upper(w, _) if lexicon::is_pronoun_starter(w) => Verdict::Split,
                _ => Verdict::Keep,
            },
            // "up 3.4% y/y. Analysts": a letter after a slash is no initial.
            Token::LowerLetter if start > self.line_start && self.bytes[start - 1] == b'/' => {
                regular(class, next)
            }
            Token::LowerLetter => Verdict::Keep,
            Token::PronounI => {
                let previous = self.previous_word(start);
                let after_name = previous.len() > 1 && previous.starts_with(char::is_uppercase);
                match next {
                    Next::Upper(w, _) if after_name && !lexicon::is_sentence_starter(w) => {
                        Verdict::Keep
                    }
                    _ => regular(class, next),
                }
            }
            Token::Abbreviation(c) => self.abbreviation(c, token, start, next),
            Token::Nothing | Token::Number | Token::Word { .. } => regular(class, next),
        }
    }

    fn abbreviation(&self, class: Class, token: &str, start: usize, next: Next) -> Verdict {
        let before_number = matches!(next, Next::Digit)
            || matches!(next, Next::Upper(w, _) if lexicon::is_roman_numeral(w));
        match class {
            Class::Title | Class::Latin => Verdict::Keep,
            Class::No => {
                if before_number {
                    Verdict::Keep
                } else {
                    regular(classify_word(token), next)
                }
            }
            Class::Prefix => prefix(before_number, token, next),
            Class::Generic => generic(next),
            Class::Weekday => match next {
                Next::Upper(w, _) if lexicon::abbreviation(w, false) == Some(Class::Month) => {
                    Verdict::Keep
                }
                Next::Upper(w, _) if lexicon::is_month_name(w) => Verdict::Keep,
                Next::Upper(..) => Verdict::Split,
                _ => Verdict::Keep,
            },
            Class::Month | Class::Final => ends_before_capital(next),
            Class::Time | Class::Era | Class::EraPrefix => self.time(class, start, next),
            Class::Unit => {
                if self.after_number(start) {
                    ends_before_capital(next)
                } else {
                    generic(next)
                }
            }
            Class::UnitWord => {
                if self.after_number(start) {
                    ends_before_capital(next)
                } else {
                    regular(classify_word(token), next)
                }
            }
            Class::UnitOrPrefix => {
                if self.after_number(start) {
                    ends_before_capital(next)
                } else {
                    prefix(before_number, token, next)
                }
            }
        }
    }

    /// `a.m.`, `p.m.`, `B.C.`, `A.D.` before the next word.
    fn time(&self, class: Class, start: usize, next: Next) -> Verdict {
        match next {
            Next::Upper(w, at) => {
                if lexicon::is_sentence_starter(w) {
                    Verdict::Split
                } else if self.is_abbreviation_like(w, at) {
                    // A time zone or another abbreviation: "11:58 p.m. PDT", "P.D.T."
                    Verdict::Keep
                } else if lexicon::is_day_or_month_name(w) {
                    // "at 3 a.m. Tuesday", "at 9 p.m. March 3": the date of the time.
                    Verdict::Keep
                } else if self.clause_opens_with_preposition(start) {
                    // "At 6 a.m. Mr. Smith arrived": the time was a fronted phrase.
                    Verdict::Keep
                } else {
                    Verdict::Split
                }
            }
            Next::Digit if class != Class::EraPrefix => Verdict::Split,
            _ => Verdict::Keep,
        }
    }

    /// Decides at `!` or `?`.
    fn strong(&self, i: usize, cluster: &Cluster, next: Next, gap: Gap) -> Verdict {
        let (token, _, spaced) = self.token_before(i);
        if cluster.exclamation && !spaced && lexicon::is_exclamation_name(token) {
            return Verdict::Keep;
        }
        match next {
            Next::Upper(_, at) => {
                if cluster.quote && self.attribution_follows(at) {
                    // "“Why now?” Smith asked." The question is inside the sentence.
                    Verdict::Keep
                } else {
                    Verdict::Split
                }
            }
            // "Why? because ...": a question mark with nothing after it but a space ends
            // the sentence even before a small letter, as informal writing has it; after
            // a quote ("?” he asked"), a dash ("say so? -- a bit") or an exclamation
            // ("thump! thump! down she came") the sentence goes on.
            Next::Lower
                if !cluster.exclamation
                    && !cluster.quote
                    && !cluster.trailing_off
                    && !gap.openers
                    && !spaced
                    && !self.title_before(i) =>
            {
                Verdict::Split
            }
            Next::Digit => Verdict::Weak,
            Next::Other => Verdict::Split,
            Next::Lower | Next::Dots | Next::Continuation | Next::End => Verdict::Keep,
        }
    }

    /// Whether the words before the mark at `i` look like a title in title case ("the film
    /// Shall We Dance? at number three"): two of the last three words capitalised.
    fn title_before(&self, i: usize) -> bool {
        let mut from = self
            .sentence_start
            .max(i.saturating_sub(MAX_TOKEN_BYTES * 2));
        while !self.text.is_char_boundary(from) {
            from += 1;
        }
        let head = &self.text[from..i];
        let mut capitals = 0;
        for word in head.rsplit(' ').filter(|w| !w.is_empty()).take(3) {
            if word.ends_with([',', ';', ':']) {
                break;
            }
            if word.chars().next().is_some_and(char::is_uppercase) {
                capitals += 1;
            }
        }
        capitals >= 2
    }

    /// Whether the token starting at `start` is the first thing of its sentence.
    fn starts_sentence(&self, start: usize) -> bool {
        // Back from the token over white space and opening marks, a bounded number of
        // characters, to the sentence start.
        let head = &self.text[self.sentence_start..start];
        let mut rest = head.char_indices().rev();
        for _ in 0..MAX_WORD_BYTES {
            match rest.next() {
                None => return true,
                Some((_, c)) if is_space(c) || is_opening(c) => {}
                Some(_) => return false,
            }
        }
        false
    }

    /// The word before the token at `start`, past one run of spaces (at most
    /// `MAX_TOKEN_BYTES` of it).
    fn previous_word(&self, start: usize) -> &'t str {
        let text: &'t str = self.text;
        let b = self.bytes;
        let mut end = start;
        while end > self.line_start && start - end < MAX_CLUSTER_GAP && b[end - 1] == b' ' {
            end -= 1;
        }
        let mut from = end;
        while from > self.line_start && end - from < MAX_TOKEN_BYTES && b[from - 1] != b' ' {
            from -= 1;
        }
        while !text.is_char_boundary(from) {
            from += 1;
        }
        &text[from..end]
    }

    /// Whether a number comes right before the token at `start` ("5 ft.", "6in.").
    fn after_number(&self, start: usize) -> bool {
        let b = self.bytes;
        let mut k = start;
        while k > self.line_start && start - k < 2 && b[k - 1] == b' ' {
            k -= 1;
        }
        k > self.line_start && b[k - 1].is_ascii_digit()
    }

    /// An all-capitals word ("PDT") or a single capital with a period ("P.D.T.").
    fn is_abbreviation_like(&self, word: &str, at: usize) -> bool {
        is_all_capitals(word) || word.len() == 1 && self.bytes.get(at + 1) == Some(&b'.')
    }

    /// Whether the clause holding the token at `start` began with a preposition (the
    /// clause starts at the sentence start or after a colon or semicolon).
    fn clause_opens_with_preposition(&self, start: usize) -> bool {
        let b = self.bytes;
        let floor = self.sentence_start.max(start.saturating_sub(CLAUSE_REACH));
        let mut k = start;
        while k > floor && !(matches!(b[k - 1], b':' | b';') && b[k] == b' ') {
            k -= 1;
        }
        while !self.text.is_char_boundary(k) {
            k += 1;
        }
        let mut k = self.skip_spaces(k);
        for _ in 0..MAX_OPENERS {
            match self.opener_len(k) {
                Some(n) => k = self.skip_spaces(k + n),
                None => break,
            }
        }
        k < start && lexicon::is_fronting_preposition(self.word_at(k))
    }

    /// Whether a speech verb follows within a few capitalised words from `at`: "Smith
    /// said", "Police Chief John Smith told".
    fn attribution_follows(&self, at: usize) -> bool {
        let b = self.bytes;
        if lexicon::is_sentence_starter(self.word_at(at)) {
            // '“Why not?” He said': a capitalised pronoun starts a new sentence.
            return false;
        }
        let mut k = at;
        for _ in 0..5 {
            let word = self.word_at(k);
            if word.is_empty() {
                return false;
            }
            if lexicon::is_speech_verb(word) {
                return true;
            }
            if !word.chars().next().is_some_and(char::is_uppercase) {
                return false;
            }
            k += word.len();
            if b.get(k) == Some(&b'.') {
                k += 1; // an initial: "John F. Smith said"
            }
            if b.get(k) != Some(&b' ') {
                return false;
            }
            k += 1;
        }
        false
    }

    /// Whether the mark at `i` sits inside a pair of brackets that closes in this line,
    /// within `BRACKET_REACH` bytes each way.
    fn inside_brackets(&self, i: usize) -> bool {
        let b = self.bytes;
        let floor = i.saturating_sub(BRACKET_REACH).max(self.line_start);
        let mut depth = 0usize;
        let mut k = i;
        let mut opened = false;
        while k > floor {
            k -= 1;
            match bracket_at(b, k) {
                Some(false) => depth += 1,
                Some(true) if depth == 0 => {
                    opened = true;
                    break;
                }
                Some(true) => depth -= 1,
                None => {}
            }
        }
        if !opened {
            return false;
        }
        let ceiling = (i + BRACKET_REACH).min(b.len());
        let mut depth = 0usize;
        for k in i + 1..ceiling {
            if matches!(b[k], b'\n' | b'\r') {
                return false;
            }
            match bracket_at(b, k) {
                Some(true) => depth += 1,
                Some(false) if depth == 0 => return true,
                Some(false) => depth -= 1,
                None => {}
            }
        }
        false
    }

    /// Whether the capitalised word at `i` starts a sentence although no mark ends the one
    /// before: a function word that only a sentence start capitalises ("... in any
    /// constituency In the New Territories ...", "United States - This past week"),
    /// followed by a lower-case word (so not a title in title case, "Lost In Translation"),
    /// or a preposition after a dateline's year ("May 7, 2015 On Tuesday").
    fn starts_run_on_sentence(&self, i: usize) -> bool {
        let b = self.bytes;
        if i < self.sentence_start + 2 || b[i - 1] != b' ' {
            return false;
        }
        let word = self.word_at(i);
        if b.get(i + word.len()) == Some(&b':') && lexicon::is_credit_label(word) {
            // "Black Widow and Captain America Image: Nick Moreau." A caption's credit.
            return b[i - 2].is_ascii_alphanumeric();
        }
        if !lexicon::is_run_on_starter(word) {
            return false;
        }
        let after = i + word.len();
        let lower_follows =
            b.get(after) == Some(&b' ') && b.get(after + 1).is_some_and(u8::is_ascii_lowercase);
        // The token before: a word or number, or a spaced dash.
        let mut k = i - 1;
        while k > self.sentence_start && b[k - 1] == b' ' {
            k -= 1;
        }
        if k <= self.sentence_start {
            return false;
        }
        let prev = b[k - 1];
        let spaced_dash = matches!(prev, b'-') && k >= 2 && b[k - 2] == b' '
            || k >= 4 && b[k - 1] == 0x80 + 0x14 && b[k - 2] == 0x80 && b[k - 3] == 0xE2 // —
            || k >= 4 && b[k - 1] == 0x80 + 0x13 && b[k - 2] == 0x80 && b[k - 3] == 0xE2; // –
        if spaced_dash {
            return lower_follows;
        }
        if !prev.is_ascii_alphanumeric() {
            return false;
        }
        if lower_follows {
            // Title case capitalises words of four letters or more ("Love After the
            // Storm"): such a word only starts a sentence after an uncapitalised one.
            let prev_word_start = self.text[self.sentence_start..k]
                .rfind(' ')
                .map_or(self.sentence_start, |p| self.sentence_start + p + 1);
            let prev_capitalised = b[prev_word_start].is_ascii_uppercase();
            // ... unless the small word after it is one that title case leaves small:
            // "Lovely Cottage This cottage is" is a headline run into its text.
            let small = self.word_at(after + 1);
            return word.len() < 4 || !prev_capitalised || !lexicon::is_title_small_word(small);
        }
        // "Thursday, May 7, 2015 On Tuesday": a date line's year, then a preposition.
        let year = k >= 4 + 4
            && b[k - 4..k].iter().all(u8::is_ascii_digit)
            && b[k - 5] == b' '
            && b[k - 6] == b','
            && b[k - 7].is_ascii_digit();
        year && lexicon::is_fronting_preposition(word)
    }

    /// Notes a possible list marker ending with the `)` at `p`: `a)`, `2.)`, `(iii)`.
    fn note_marker(&mut self, p: usize) {
        let b = self.bytes;
        if !b.get(p + 1).is_some_and(|&c| c == b' ' || c == b'\t') {
            return;
        }
        let dotted = p > self.line_start && b[p - 1] == b'.';
        let label_end = if dotted { p - 1 } else { p };
        let label_start = self.label_start(label_end);
        let label = &self.text[label_start..label_end];
        let boundary_before = |k: usize| k == self.line_start || is_space_or_break(b[k - 1]);
        let (start, shape) = if label_start > self.line_start && b[label_start - 1] == b'(' {
            if dotted || !boundary_before(label_start - 1) {
                return;
            }
            (label_start - 1, Shape::Parens)
        } else if boundary_before(label_start) {
            let shape = if dotted {
                Shape::PeriodParen
            } else {
                Shape::Paren
            };
            (label_start, shape)
        } else {
            return;
        };
        self.add_marker(start, label, shape, None);
    }

    /// Notes a possible list label before the period at `i` ("1. The first item 2. The
    /// second item", "• 9.", "b."), and says whether it continues a list begun in this
    /// line: then the period is the label's, not the sentence's.
    fn note_period_label(&mut self, i: usize, cluster_end: usize) -> bool {
        let b = self.bytes;
        let label_start = self.label_start(i);
        let label = &self.text[label_start..i];
        if label.bytes().any(|c| c.is_ascii_uppercase()) {
            // Capitals are initials ("J. K. Rowling"), not list labels.
            return false;
        }
        let mut start = label_start;
        if start > self.line_start && !matches!(b[start - 1], b' ' | b'\t') {
            // Only a bullet may touch the label ("⁃9.").
            match self.text[self.line_start..start].chars().next_back() {
                Some(c) if is_bullet(c) => start -= c.len_utf8(),
                _ => return false,
            }
        } else {
            // "• 9. The first item": the item starts at its bullet.
            let mut k = start;
            while k > self.line_start && start - k < 3 && matches!(b[k - 1], b' ' | b'\t') {
                k -= 1;
            }
            if let Some(c) = self.text[self.line_start..k].chars().next_back()
                && is_bullet(c)
            {
                start = k - c.len_utf8();
            }
        }
        self.add_marker(start, label, Shape::Period, Some(cluster_end))
    }

    /// Where a list label ending at `end` starts (at most four letters or digits back).
    fn label_start(&self, end: usize) -> usize {
        let b = self.bytes;
        let mut start = end;
        while start > self.line_start && end - start < 5 && b[start - 1].is_ascii_alphanumeric() {
            start -= 1;
        }
        start
    }

    /// Records a list marker starting at `start` with `label`; markers that continue a
    /// sequence of the same numbering and shape (`a)` then `b)`) make a list, and their
    /// items become sentences. Returns whether this marker continues a list.
    fn add_marker(
        &mut self,
        start: usize,
        label: &str,
        shape: Shape,
        label_end: Option<usize>,
    ) -> bool {
        let lb = label.as_bytes();
        if lb.is_empty() || lb.len() > 4 {
            return false;
        }
        let mut readings: [Option<(usize, u8)>; 2] = [None, None];
        if lb.iter().all(u8::is_ascii_digit) {
            if lb.len() <= 2 {
                readings[0] = label.parse::<u8>().ok().map(|v| (0, v));
            }
        } else if lb.len() == 1 && lb[0].is_ascii_lowercase() {
            readings[0] = Some((1, lb[0] - b'a' + 1));
        } else if lb.len() == 1 && lb[0].is_ascii_uppercase() {
            readings[0] = Some((2, lb[0] - b'A' + 1));
        }
        if let Some(v) = roman_value(label) {
            let kind = if lb[0].is_ascii_lowercase() { 3 } else { 4 };
            readings[1] = Some((kind, v));
        }
        if readings.iter().all(Option::is_none) {
            return false;
        }
        let index = self.markers.len();
        self.markers.push(Marker {
            start,
            label_end,
            in_list: false,
        });
        for (kind, value) in readings.into_iter().flatten() {
            let slot = kind * SHAPES + shape as usize;
            if let Some((prev_value, prev_index)) = self.last_marker[slot]
                && prev_value.checked_add(1) == Some(value)
            {
                self.markers[prev_index].in_list = true;
                self.markers[index].in_list = true;
            }
            self.last_marker[slot] = Some((value, index));
        }
        self.markers[index].in_list
    }
}

/// Characters that mark a list item.
fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '⁃' | '◦' | '▪' | '‣' | '*' | '-')
}

/// What may stand between a sentence mark and the first word of the next sentence:
/// opening quotes and brackets, dashes, bullets.
fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '`'
            | '('
            | '['
            | '{'
            | '“'
            | '‘'
            | '„'
            | '«'
            | '‹'
            | '¿'
            | '¡'
            | '（'
            | '［'
            | '「'
            | '『'
            | '–'
            | '—'
            | '―'
    ) || is_bullet(c)
}

/// An ellipsis ends a sentence only before a capital ("Happy... No one" but "I thought...
/// I would go": the pronoun's capital says nothing).
/// A doubled period ("Francisco.. I want") is a period typed twice and does end before
/// "I".
fn ellipsis(next: Next, two_periods: bool) -> Verdict {
    match next {
        Next::Upper(w, _) if w != "I" || two_periods => Verdict::Split,
        _ => Verdict::Keep,
    }
}

/// A period after an ordinary word.
fn regular(token: Token, next: Next) -> Verdict {
    match next {
        Next::Upper(..) | Next::Dots | Next::Other => Verdict::Split,
        Next::Lower => match token {
            // "Drive NE. for five miles", "Dr. Mi. arrived": probably an abbreviation.
            Token::Word {
                short_capital: true,
            } => Verdict::Keep,
            // "oil. weapons": a lower-case start after a plain word is still a new sentence,
            // unless brackets hold both ("(see. section 4)").
            _ => Verdict::Weak,
        },
        Next::Digit => Verdict::Weak,
        Next::Continuation | Next::End => Verdict::Keep,
    }
}

/// Abbreviations that end a sentence only before a common sentence opener, or before a
/// personal title ("born in the U.S. Mr. Biden ..." but "the U.S. Sen. Bob Casey").
fn generic(next: Next) -> Verdict {
    match next {
        Next::Upper(w, _) if lexicon::is_sentence_starter(w) || lexicon::is_honorific(w) => {
            Verdict::Split
        }
        _ => Verdict::Keep,
    }
}

/// An abbreviation that comes before numbers ("Vol. 2", "Art. 5"); before a capital it
/// is more often the plain word ("modern art. The"), before a small letter still the
/// abbreviation ("Sec. of State").
fn prefix(before_number: bool, token: &str, next: Next) -> Verdict {
    match next {
        _ if before_number => Verdict::Keep,
        Next::Lower => Verdict::Keep,
        _ => regular(classify_word(token), next),
    }
}

/// Abbreviations that end a sentence before any capitalised word, and never before a
/// number (`5 lb. Nobody`, `in Feb. Nobody`, `a Ph.D. Her`, but `5 ft. 6 in.`).
fn ends_before_capital(next: Next) -> Verdict {
    match next {
        Next::Upper(..) => Verdict::Split,
        _ => Verdict::Keep,
    }
}

impl Scanner<'_> {
    /// Like [`classify`], and reads a spaced "a. m." / "p. m." as a time.
    fn classify_at(&self, token: &str, start: usize, shouting: bool) -> Token {
        let b = self.bytes;
        if matches!(token, "m" | "M")
            && start >= self.line_start + 3
            && b[start - 1] == b' '
            && b[start - 2] == b'.'
            && matches!(b[start - 3], b'a' | b'p' | b'A' | b'P')
            && (start == self.line_start + 3 || !b[start - 4].is_ascii_alphanumeric())
        {
            return Token::Abbreviation(Class::Time);
        }
        classify(token, shouting)
    }
}

/// Classifies the token before a period. `shouting`: the next word is in capitals too, so
/// a token in capitals may be a capitalised abbreviation ("PVT. LTD.").
fn classify(token: &str, shouting: bool) -> Token {
    if token.is_empty() {
        return Token::Nothing;
    }
    // "7a.m" is "a.m" after a number.
    let t = if token.as_bytes()[0].is_ascii_digit() && token.contains('.') {
        let letters = token.trim_start_matches(|c: char| c.is_ascii_digit());
        if letters.starts_with(|c: char| c.is_ascii_alphabetic()) {
            letters
        } else {
            token
        }
    } else {
        token
    };
    let tb = t.as_bytes();
    if tb.iter().any(u8::is_ascii_digit)
        && tb
            .iter()
            .all(|&c| c.is_ascii_digit() || c == b'.' || c == b',')
    {
        return Token::Number;
    }
    let mut chars = t.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return if c == 'I' {
            Token::PronounI
        } else if c.is_uppercase() {
            Token::Initial
        } else if c.is_lowercase() {
            Token::LowerLetter
        } else if c.is_numeric() {
            Token::Number
        } else {
            Token::Nothing
        };
    }
    if matches!(t, "N°" | "Nº" | "n°" | "nº") {
        return Token::Abbreviation(Class::No);
    }
    if let Some(class) = lexicon::abbreviation(t, shouting) {
        return Token::Abbreviation(class);
    }
    let short_letter_parts = t
        .split('.')
        .all(|part| part.chars().count() <= 2 && part.chars().all(char::is_alphabetic));
    if t.contains('.') && short_letter_parts {
        // An unknown dotted form of short parts ("K.C.", "U.S.", "N.E."): an
        // abbreviation. Longer parts make a file or host name ("page.html", "bbc.co.uk").
        return Token::Abbreviation(Class::Generic);
    }
    classify_word(t)
}

/// Two or more ASCII capitals and nothing else ("PDT", "LTD").
fn is_all_capitals(word: &str) -> bool {
    word.len() >= 2 && word.bytes().all(|c| c.is_ascii_uppercase())
}

fn classify_word(word: &str) -> Token {
    let mut chars = word.chars();
    let capital = chars.next().is_some_and(char::is_uppercase);
    let short = word.chars().count() <= 3 && word.chars().all(char::is_alphabetic);
    Token::Word {
        short_capital: capital && short,
    }
}

/// A label that opens a list item: a number of up to three digits, one letter, or a roman
/// numeral.
fn is_list_label(token: &str, class: Token) -> bool {
    match class {
        Token::Number => token.len() <= 3 && token.bytes().all(|c| c.is_ascii_digit()),
        Token::Initial | Token::LowerLetter => true,
        _ => token.len() == 1 || (token.len() <= 4 && lexicon::is_roman_numeral(token)),
    }
}

fn roman_value(label: &str) -> Option<u8> {
    const NUMERALS: [&str; 15] = [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv",
        "xv",
    ];
    let lower = label.len() <= 4 && label.bytes().all(|c| c.is_ascii_lowercase());
    let upper = label.len() <= 4 && label.bytes().all(|c| c.is_ascii_uppercase());
    if !lower && !upper {
        return None;
    }
    NUMERALS
        .iter()
        .position(|n| n.eq_ignore_ascii_case(label))
        .map(|p| p as u8 + 1)
}

/// The marks of a cluster, counted.
#[derive(Debug, Default)]
struct Tally {
    /// Periods in the current run (adjacent or spaced) and the longest run: two or more
    /// make an ellipsis, but "(Ibid.)." is two single periods.
    run: usize,
    longest_run: usize,
    ellipsis: bool,
    strong: bool,
    full_width: bool,
}

impl Tally {
    fn add(&mut self, kind: MarkChar) {
        match kind {
            MarkChar::Period => {
                self.run += 1;
                self.longest_run = self.longest_run.max(self.run);
            }
            MarkChar::Ellipsis => self.ellipsis = true,
            MarkChar::Strong => self.strong = true,
            MarkChar::FullWidth => self.full_width = true,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MarkChar {
    Period,
    Ellipsis,
    Strong,
    FullWidth,
}

/// A sentence mark at `i`: its length and kind.
fn mark_at(b: &[u8], i: usize) -> Option<(usize, MarkChar)> {
    match *b.get(i)? {
        b'.' => Some((1, MarkChar::Period)),
        b'!' | b'?' => Some((1, MarkChar::Strong)),
        0xE2 => match (b.get(i + 1)?, b.get(i + 2)?) {
            (0x80, 0xA6) => Some((3, MarkChar::Ellipsis)), // …
            (0x80, 0xBC) | (0x81, 0x87..=0x89) => Some((3, MarkChar::Strong)), // ‼ ⁇ ⁈ ⁉
            _ => None,
        },
        0xE3 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x82) => {
            Some((3, MarkChar::FullWidth)) // 。
        }
        0xEF => match (b.get(i + 1)?, b.get(i + 2)?) {
            (0xBC, 0x8E | 0x81 | 0x9F) | (0xBD, 0xA1) => Some((3, MarkChar::FullWidth)), // ．！？｡
            _ => None,
        },
        _ => None,
    }
}

/// A citation number right at `j`: `[1]`, `[2–11]`, `[7,8]`.
fn citation_len(b: &[u8], j: usize) -> Option<usize> {
    if b.get(j) != Some(&b'[') {
        return None;
    }
    let mut k = j + 1;
    let mut digits = 0;
    while k < b.len() && k - j <= 12 {
        match b[k] {
            b'0'..=b'9' => digits += 1,
            b',' | b'-' | b' ' => {}
            0xE2 if b.get(k + 1) == Some(&0x80) && b.get(k + 2) == Some(&0x93) => k += 2, // –
            b']' if digits > 0 => return Some(k + 1 - j),
            _ => return None,
        }
        k += 1;
    }
    None
}

/// Whether `k` holds an opening (`Some(true)`) or closing (`Some(false)`) bracket, ASCII
/// or full-width.
fn bracket_at(b: &[u8], k: usize) -> Option<bool> {
    match b[k] {
        b'(' | b'[' | b'{' => Some(true),
        b')' | b']' | b'}' => Some(false),
        0xEF if b.get(k + 1) == Some(&0xBC) => match b.get(k + 2) {
            Some(0x88 | 0xBB) => Some(true),  // （ ［
            Some(0x89 | 0xBD) => Some(false), // ） ］
            _ => None,
        },
        _ => None,
    }
}

/// A line break at `i` and its length: LF, CR, VT, FF, NEL, U+2028, U+2029.
fn line_break_len(b: &[u8], i: usize) -> Option<usize> {
    match b[i] {
        b'\n' | b'\r' | 0x0B | 0x0C => Some(1),
        0xC2 if b.get(i + 1) == Some(&0x85) => Some(2),
        0xE2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xA8 | 0xA9)) => Some(3),
        _ => None,
    }
}

fn is_space_or_break(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

/// White space as the segmenter sees it: Unicode white space and the byte-order mark.
pub(super) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// `start..end` with white space removed from both ends (empty if nothing else is left).
fn trim(text: &str, start: usize, end: usize) -> Span {
    let s = &text[start..end];
    let head = s.trim_start_matches(is_space);
    let lead = s.len() - head.len();
    let body = head.trim_end_matches(is_space);
    Span::new(start + lead, start + lead + body.len())
}
