//! Splitting a statement into atomic claims, conservatively: a wrong split is worse than
//! none. Two shapes are split:
//!
//! - a concessive or contrastive lead clause: "While X, Y" / "Although X, Y" -> X; Y;
//! - coordinated clauses: "X, but they Y" (a new subject), "He teaches X and is Y"
//!   (the same subject, restored in the second claim: "He is Y"); a pronoun subject
//!   that stands for the first clause's subject gets it back ("Beijing is uneasy, but
//!   it will not ..." -> "Beijing will not ..."), except inside a direct quote.
//!
//! Nothing is split inside parentheses, and each part must keep at least three words.

use crate::claims::fragments::core_of;
use crate::span::Span;

/// One atomic piece of a statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub span: Span,
    /// A subject to put before the piece's text ("He" for "is the Korea Chair ...").
    pub subject: Option<String>,
}

#[derive(Debug, Clone, Copy)]
struct Word<'t> {
    start: usize,
    end: usize,
    /// The word without surrounding punctuation.
    core: &'t str,
    /// Punctuation right after the word (",", ";").
    comma: bool,
    semicolon: bool,
    /// Inside parentheses.
    nested: bool,
    /// Word classes ([`CONJ`], [`AUX_W`], ...), looked up once.
    class: u8,
}

const CONJ: u8 = 1;
const AUX_W: u8 = 2;
const PRONOUN_W: u8 = 4;
const LEAD_W: u8 = 8;
const DISCOURSE_W: u8 = 16;

fn classify(core: &str) -> u8 {
    let b = core.as_bytes();
    if b.is_empty() || b.len() > 8 {
        return 0;
    }
    let mut buf = [0u8; 8];
    for (o, c) in buf.iter_mut().zip(b) {
        *o = c.to_ascii_lowercase();
    }
    match &buf[..b.len()] {
        b"and" => CONJ | DISCOURSE_W,
        b"but" => CONJ | DISCOURSE_W,
        b"so" | b"yet" => DISCOURSE_W,
        b"is" | b"was" | b"are" | b"were" | b"has" | b"have" | b"had" | b"will" | b"would"
        | b"can" | b"could" | b"may" | b"might" | b"should" | b"must" | b"does" | b"did"
        | b"do" | b"cannot" => AUX_W,
        b"he" | b"she" | b"it" | b"they" | b"we" | b"i" | b"you" => PRONOUN_W,
        b"while" | b"although" | b"though" | b"whereas" => LEAD_W,
        _ => 0,
    }
}

const PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i", "you"];
const AUX: &[&str] = &[
    "is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "could", "may",
    "might", "should", "must", "does", "did", "do", "cannot",
];

fn words(text: &str, span: Span) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let s = span.slice(text);
    let mut pos = span.start;
    for raw in s.split_inclusive(char::is_whitespace) {
        let start = pos;
        pos += raw.len();
        let w = raw.trim_end();
        if w.is_empty() {
            continue;
        }
        let opens = w.bytes().filter(|&b| b == b'(').count() as i32;
        let closes = w.bytes().filter(|&b| b == b')').count() as i32;
        depth += opens;
        let nested = depth > 0;
        depth = (depth - closes).max(0);
        let core = core_of(w);
        let trailing = w.trim_end_matches(['”', '"', '’', '\'', ')']);
        out.push(Word {
            start,
            end: start + w.len(),
            core,
            comma: trailing.ends_with(','),
            semicolon: trailing.ends_with(';'),
            nested,
            class: classify(core),
        });
    }
    out
}

fn is(word: &str, list: &[&str]) -> bool {
    list.iter().any(|x| word.eq_ignore_ascii_case(x))
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Splits a statement's content into atomic pieces. `subject` is a subject the whole
/// statement lacks (restored by attribution).
/// `verbatim`: the statement is a direct quote, whose words are never replaced (a
/// pronoun keeps standing for its antecedent).
pub fn split(text: &str, span: Span, verbatim: bool) -> Vec<Piece> {
    let s = span.slice(text);
    let mut out = Vec::new();
    // Most statements hold no place to split: look at words only when one may.
    let lead = s
        .split_whitespace()
        .find(|w| classify(core_of(w)) & DISCOURSE_W == 0);
    let may_split = s.contains(" and ")
        || s.contains(" but ")
        || s.contains(';')
        || lead.is_some_and(|w| classify(core_of(w)) & LEAD_W != 0);
    if !may_split {
        out.extend(piece_of(&words_upto(text, span, 3), None).map(|mut p| {
            p.span.end = span.end;
            p
        }));
        return out;
    }
    let ws = words(text, span);
    if ws.len() > MAX_WORDS {
        // Not a sentence anyone wrote: keep it whole rather than search it.
        out.extend(piece_of(&ws, None));
        return out;
    }
    split_words(text, &ws, None, verbatim, &mut out);
    out
}

/// The longest statement searched for places to split, in words.
const MAX_WORDS: usize = 150;

/// The first words of a span (enough to skip a leading "But").
fn words_upto(text: &str, span: Span, n: usize) -> Vec<Word<'_>> {
    let mut ws = Vec::with_capacity(n);
    let s = span.slice(text);
    let mut pos = span.start;
    for raw in s.split_inclusive(char::is_whitespace) {
        let start = pos;
        pos += raw.len();
        let w = raw.trim_end();
        if w.is_empty() {
            continue;
        }
        let core = core_of(w);
        ws.push(Word {
            start,
            end: start + w.len(),
            core,
            comma: w.ends_with(','),
            semicolon: false,
            nested: false,
            class: classify(core),
        });
        if ws.len() >= n {
            break;
        }
    }
    ws
}

fn piece_of(ws: &[Word], subject: Option<String>) -> Option<Piece> {
    let mut a = 0;
    // A leading "But" or "And" is not part of the claim.
    while a + 1 < ws.len() && ws[a].class & DISCOURSE_W != 0 && !ws[a].comma {
        a += 1;
    }
    let first = ws.get(a)?;
    let last = ws.last()?;
    Some(Piece {
        span: Span::new(first.start, last.end),
        subject,
    })
}

/// The piece without a trailing comma or semicolon.
fn trimmed(text: &str, mut p: Piece) -> Piece {
    let s = p.span.slice(text);
    let t = s.trim_end_matches([',', ';', ':']);
    p.span.end -= s.len() - t.len();
    p
}

fn split_words(
    text: &str,
    ws: &[Word],
    subject: Option<String>,
    verbatim: bool,
    out: &mut Vec<Piece>,
) {
    if ws.len() < 7 {
        out.extend(piece_of(ws, subject));
        return;
    }
    // "While X, Y": both are asserted.
    let mut lead = 0;
    while lead < ws.len() && ws[lead].class & DISCOURSE_W != 0 && !ws[lead].comma {
        lead += 1;
    }
    if lead < ws.len()
        && ws[lead].class & LEAD_W != 0
        && !ws[lead].comma
        && let Some(c) =
            (lead + 3..ws.len().saturating_sub(4)).find(|&i| ws[i].comma && !ws[i].nested)
    {
        let left = &ws[lead + 1..=c];
        let right = &ws[c + 1..];
        if left.len() >= 3 && right.len() >= 4 {
            out.extend(piece_of(left, None).map(|p| trimmed(text, p)));
            split_words(text, right, subject, verbatim, out);
            return;
        }
    }
    // Coordinated clauses.
    for k in 3..ws.len().saturating_sub(3) {
        let w = ws[k];
        if w.nested {
            continue;
        }
        let conj = w.class & CONJ != 0;
        let after_comma = ws[k - 1].comma || ws[k - 1].semicolon;
        if !conj && !ws[k - 1].semicolon {
            continue;
        }
        let r0 = if conj { k + 1 } else { k };
        if r0 + 3 > ws.len() {
            continue;
        }
        let first = ws[r0].core;
        let second = ws[r0 + 1].core;
        let left_end = k;
        if left_end < 3 {
            continue;
        }
        let left = &ws[..left_end];
        if !has_verb(left) {
            continue;
        }
        // A new subject: ", but they cannot ...", "; it expects ...".
        let pronoun_subject = is(first, PRONOUNS)
            && (is(second, AUX)
                || second.ends_with('s')
                || second.ends_with("ed")
                || is(second, &["not", "never", "also"])
                || second.ends_with("n't")
                || second.ends_with("n’t"));
        let named_subject = after_comma
            && capitalised(first)
            && !is(first, PRONOUNS)
            && ws[r0..ws.len().min(r0 + 4)]
                .iter()
                .skip(1)
                .any(|w| is(w.core, AUX));
        if (pronoun_subject && (after_comma || !conj || is(w.core, &["but"]))) || named_subject {
            out.extend(piece_of(left, subject.clone()).map(|p| trimmed(text, p)));
            // "Beijing is uneasy, but it will not abandon Pyongyang": the pronoun stands
            // for the first clause's subject, which the second claim gets back.
            let antecedent = (pronoun_subject && !verbatim)
                .then(|| subject_of(text, left))
                .flatten()
                .filter(|subj| agrees(first, second, subj));
            match antecedent {
                Some(subj) => split_words(text, &ws[r0 + 1..], Some(subj), verbatim, out),
                None => split_words(text, &ws[r0..], None, verbatim, out),
            }
            return;
        }
        // The same subject: "He teaches ... and is the Korea Chair ...".
        if conj
            && is(first, AUX)
            && !ws[k - 1].semicolon
            && let Some(subj) = subject_of(text, left).or_else(|| subject.clone())
        {
            out.extend(piece_of(left, subject.clone()).map(|p| trimmed(text, p)));
            split_words(text, &ws[r0..], Some(subj), verbatim, out);
            return;
        }
    }
    out.extend(piece_of(ws, subject));
}

/// Whether pronoun `pronoun` (followed by `next`) can stand for `subject`: "it" for a
/// singular name or noun phrase, "they" for a plural one, "he"/"she" for a name; never
/// an expletive "it" ("it is unclear whether ...").
fn agrees(pronoun: &str, next: &str, subject: &str) -> bool {
    let words: Vec<&str> = subject.split_whitespace().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    if is(first, PRONOUNS) || words.len() > 6 {
        return false;
    }
    let last = core_of(last);
    let plural = words.iter().any(|w| is(w, &["and"]))
        || (last.ends_with('s') && !last.ends_with("ss") && !capitalised(last));
    let name = words.iter().all(|w| capitalised(core_of(w)));
    if is(pronoun, &["it"]) {
        !plural
            && !is(
                next,
                &[
                    "is", "was", "'s", "’s", "seems", "seemed", "appears", "appeared", "remains",
                    "remained",
                ],
            )
    } else if is(pronoun, &["they"]) {
        plural
    } else if is(pronoun, &["he", "she"]) {
        name && !plural
    } else {
        false
    }
}

/// Whether a clause has a finite verb we can recognise.
fn has_verb(ws: &[Word]) -> bool {
    ws.iter().enumerate().any(|(i, w)| {
        w.class & AUX_W != 0
            || (i > 0
                && !capitalised(w.core)
                && (w.core.ends_with("ed") || (w.core.ends_with('s') && !w.core.ends_with("ss")))
                && {
                    let prev = ws[i - 1].core;
                    is(prev, PRONOUNS) || capitalised(prev)
                })
    })
}

/// The subject of a clause: a leading pronoun, or the words before its first auxiliary,
/// or a run of capitalised words before a verb.
fn subject_of(text: &str, ws: &[Word]) -> Option<String> {
    let mut a = 0;
    while a < ws.len() && ws[a].class & DISCOURSE_W != 0 {
        a += 1;
    }
    let first = ws.get(a)?;
    if is(first.core, PRONOUNS) {
        return Some(first.core.to_owned());
    }
    let v = (a..ws.len().min(a + 8)).find(|&i| ws[i].class & AUX_W != 0)?;
    if v == a || ws[a..v].iter().any(|w| w.comma) {
        return None;
    }
    Some(
        text[ws[a].start..ws[v - 1].end]
            .trim_end_matches(',')
            .to_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(s: &str) -> Vec<String> {
        split(s, Span::new(0, s.len()), false)
            .into_iter()
            .map(|p| match p.subject {
                Some(subj) => format!("{subj} {}", p.span.slice(s)),
                None => p.span.slice(s).to_owned(),
            })
            .collect()
    }

    #[test]
    fn lead_clause_and_main_clause() {
        assert_eq!(
            pieces("While the council debated the budget, the mayor has signed a new contract"),
            [
                "the council debated the budget",
                "the mayor has signed a new contract"
            ]
        );
    }

    #[test]
    fn same_subject_is_restored() {
        assert_eq!(
            pieces("She teaches law at the city college and is the chair of the bar association"),
            [
                "She teaches law at the city college",
                "She is the chair of the bar association"
            ]
        );
    }

    #[test]
    fn new_subject_after_but() {
        assert_eq!(
            pieces("They are cutting the ferry timetable, but they cannot close the harbour"),
            [
                "They are cutting the ferry timetable",
                "they cannot close the harbour"
            ]
        );
    }

    #[test]
    fn a_pronoun_subject_gets_its_antecedent_back() {
        assert_eq!(
            pieces("The port is uneasy, but it will not close the ferry line"),
            [
                "The port is uneasy",
                "The port will not close the ferry line"
            ]
        );
        // An expletive "it", or a pronoun that does not agree, stays.
        assert_eq!(
            pieces("The port is uneasy, but it is unclear whether the line will close"),
            [
                "The port is uneasy",
                "it is unclear whether the line will close"
            ]
        );
        assert_eq!(
            pieces("The ports are uneasy, but it will not close the ferry line"),
            ["The ports are uneasy", "it will not close the ferry line"]
        );
    }

    #[test]
    fn noun_coordination_is_not_split() {
        assert_eq!(
            pieces("The port has deepened trade and diplomatic ties with the islands since 2020"),
            ["The port has deepened trade and diplomatic ties with the islands since 2020"]
        );
        assert_eq!(pieces("Bread and butter."), ["Bread and butter."]);
    }
}
