//! Who speaks, read from the text around attribution cues: "Cha said", "said Victor D.
//! Cha", "Victor D. Cha, a professor at the university, said", "according to the
//! ministry", "revealed by Secretary of Defense Lloyd J. Austin III", "he said".
//!
//! This is a light reading used where extraction found no source (attribution can miss),
//! to infer a quotation's speaker and to count a story's sources. It does not replace the
//! attribution stage.

use super::lexicon::{
    DEFINITE, INDEFINITE, NAME_SUFFIXES, NOT_NAMES, PRONOUNS, QUOTE_CUES, SOURCE_CUES, TITLES,
};
use super::text::{Text, eq_folded};
use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerKind {
    /// A capitalised name ("Victor D. Cha", "China", "The U.S.").
    Name,
    /// A pronoun ("he"), resolved to the nearest earlier name where possible.
    Pronoun,
    /// A common noun phrase ("the ministry", "a senior official", "analysts").
    Group,
}

/// A speaker found next to a cue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    pub span: Span,
    pub kind: SpeakerKind,
    /// The name as written, or the full name it resolves to ("Cha" -> "Victor D. Cha").
    pub display: String,
    /// What identifies the source when counting sources: a name's last word, a group's
    /// head noun, lower case.
    pub key: String,
    /// The last word of the phrase ("analysts" in "some analysts").
    pub head: String,
    pub sentence: usize,
}

/// Words that cannot end a noun phrase that speaks ("business but found").
const NOT_A_HEAD: &[&str] = &[
    "but", "and", "or", "nor", "that", "which", "who", "also", "not", "to", "of", "in", "on", "at",
    "for", "with", "by", "from", "as", "than", "then", "so", "if", "when", "while", "because",
    "it", "this", "there", "here", "what", "where", "how", "why", "had", "have", "has", "was",
    "were", "is", "are", "be", "been", "would", "will", "could", "should", "did", "do", "does",
    "never", "no", "yet", "once", "after", "before", "since", "until", "the", "a", "an", "his",
    "her", "their", "its", "my", "our", "your", "he", "she", "they", "we", "i",
];

/// Auxiliaries and adverbs between a subject and its verb ("has said", "also told").
const BETWEEN_SUBJECT_AND_VERB: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "later",
    "previously",
    "once",
    "would",
    "will",
    "could",
    "may",
    "might",
    "earlier",
    "repeatedly",
    "again",
    "then",
    "recently",
    "publicly",
    "privately",
    "has also",
    "did",
    "does",
    "do",
    "had",
    "then",
    "last",
    "first",
    "separately",
    "further",
    "often",
    "frequently",
    "reportedly",
    "formally",
    "officially",
];

pub fn is_source_cue(text: &Text, i: usize) -> bool {
    let Some(t) = text.tokens.get(i) else {
        return false;
    };
    if !t.is_word() || t.in_quote {
        return false;
    }
    if is_proper(text, i) {
        // "the United States" is not "states".
        return false;
    }
    if text.word_is(i, "according") {
        return text.word_is(i + 1, "to");
    }
    text.word_in(i, SOURCE_CUES)
}

pub fn is_quote_cue(text: &Text, i: usize) -> bool {
    is_source_cue(text, i)
        || text
            .tokens
            .get(i)
            .is_some_and(|t| t.is_word() && !t.in_quote)
            && !is_proper(text, i)
            && (text.word_in(i, QUOTE_CUES)
                // "..., he went on." continues what the speaker was saying.
                || text.word_in(i, &["went", "goes", "going"]) && text.word_is(i + 1, "on"))
}

/// A capitalised word that does not start its sentence: a name, not a verb.
fn is_proper(text: &Text, i: usize) -> bool {
    if !text.is_capitalised(i) {
        return false;
    }
    let s = text.tokens[i].sentence;
    if s == super::text::NO_SENTENCE {
        return true;
    }
    let first_word = text.sentence_range(s).find(|&k| text.tokens[k].is_word());
    first_word != Some(i)
}

/// Whether token `i` is a single capital letter or a short all-capital abbreviation piece
/// ("J" of "J.", "U" and "S" of "U.S.").
fn is_initial(text: &Text, i: usize) -> bool {
    let w = text.tok(i);
    text.tokens[i].is_word() && w.len() <= 2 && w.chars().all(|c| c.is_ascii_uppercase())
}

/// Whether token `i` can be part of a name: a capitalised word, or the full stop of an
/// initial ("J.").
fn is_name_part(text: &Text, i: usize) -> bool {
    let t = &text.tokens[i];
    if t.in_quote {
        return false;
    }
    if t.is_punct('.') {
        return i > 0 && is_initial(text, i - 1) && text.tokens[i - 1].span.end == t.span.start;
    }
    text.is_capitalised(i)
}

/// The name run ending at token `end` (inclusive), without leading titles and function
/// words: tokens `[start, end]`.
fn name_run_ending(text: &Text, end: usize, floor: usize) -> Option<(usize, usize)> {
    if !is_name_part(text, end) {
        return None;
    }
    let mut start = end;
    while start > floor && is_name_part(text, start - 1) {
        start -= 1;
    }
    trim_name(text, start, end)
}

/// The name run starting at token `start`.
fn name_run_starting(text: &Text, start: usize, ceil: usize) -> Option<(usize, usize)> {
    if !is_name_part(text, start) || text.tokens[start].is_punct('.') {
        return None;
    }
    let mut end = start;
    loop {
        if end + 1 < ceil && is_name_part(text, end + 1) {
            end += 1;
        } else if end + 2 < ceil
            && text.word_in(end + 1, &["of", "for"])
            && is_name_part(text, end + 2)
        {
            // "Secretary of Defense Lloyd J. Austin III"
            end += 2;
        } else {
            break;
        }
    }
    trim_name(text, start, end)
}

fn trim_name(text: &Text, mut start: usize, mut end: usize) -> Option<(usize, usize)> {
    // "Secretary of Defense Lloyd J. Austin III": keep the person, not the title.
    while start < end
        && (text.word_in(start, NOT_NAMES)
            || text.word_in(start, TITLES)
            || text.word_in(start, &["of", "for"]))
    {
        start += 1;
    }
    if start == end && (text.word_in(start, NOT_NAMES)) {
        return None;
    }
    // A trailing full stop ends the sentence, unless it belongs to an initial in
    // "U.S."; keep it only inside the run.
    while end > start && text.tokens[end].is_punct('.') && !is_initial(text, end - 1) {
        end -= 1;
    }
    if text.tokens[start].is_punct('.') {
        return None;
    }
    Some((start, end))
}

/// The word that identifies a name: its last word, without suffixes ("III") and a
/// possessive.
pub fn name_key(name: &str) -> String {
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == '.')
        .filter(|w| !w.is_empty())
        .collect();
    let mut last = words.last().copied().unwrap_or("");
    if words.len() > 1 && NAME_SUFFIXES.contains(&last) {
        last = words[words.len() - 2];
    }
    if words.len() > 1 && words.iter().all(|w| w.len() <= 2) {
        // "U.S." is one name, not a person called "S".
        return words.join(".").to_lowercase();
    }
    last.trim_end_matches("’s")
        .trim_end_matches("'s")
        .to_lowercase()
}

/// The word a name is cited by on second reference, as written ("Cha" for "Victor D.
/// Cha", "Austin" for "Lloyd J. Austin III").
pub fn name_key_display(name: &str) -> &str {
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.as_slice() {
        [] => name,
        [.., before, last] if NAME_SUFFIXES.contains(&last.trim_end_matches('.')) => before,
        [.., last] => last,
    }
}

/// Every capitalised run of two words or more in the draft ("Victor D. Cha"), used to
/// expand a surname to the full name given earlier.
pub fn full_names(text: &Text) -> Vec<(usize, String, String)> {
    let mut out = Vec::new();
    let mut i = 0;
    let n = text.tokens.len();
    while i < n {
        if !is_name_part(text, i) || text.tokens[i].is_punct('.') {
            i += 1;
            continue;
        }
        let mut end = i;
        while end + 1 < n && is_name_part(text, end + 1) {
            end += 1;
        }
        if let Some((s, e)) = trim_name(text, i, end) {
            let words = (s..=e).filter(|&k| text.tokens[k].is_word()).count();
            if words >= 2 {
                let span = Span::new(text.tokens[s].span.start, text.tokens[e].span.end);
                let display = text.slice(span).to_owned();
                out.push((span.start, name_key(&display), display));
            }
        }
        i = end + 1;
    }
    out
}

/// Finds the speakers next to every attribution cue, in text order.
pub fn find_speakers(text: &Text) -> Vec<Speaker> {
    // Full names by key, in text order: a speaker's look-up stays short on drafts with
    // thousands of names (scanning them all for each speaker was quadratic).
    let mut names: std::collections::HashMap<String, Vec<(usize, String)>> =
        std::collections::HashMap::new();
    for (pos, key, display) in full_names(text) {
        names.entry(key).or_default().push((pos, display));
    }
    let mut out: Vec<Speaker> = Vec::new();
    for s in 0..text.sentences.len() {
        let range = text.sentence_range(s);
        for c in range.clone() {
            if !is_quote_cue(text, c) {
                continue;
            }
            let Some((a, b, kind)) = speaker_for_cue(text, c, range.start, range.end) else {
                continue;
            };
            let span = Span::new(text.tokens[a].span.start, text.tokens[b].span.end);
            let surface = text.slice(span).to_owned();
            let head = text.tok(b).to_lowercase();
            let (display, key) = match kind {
                SpeakerKind::Name => {
                    let key = name_key(&surface);
                    let full = names
                        .get(&key)
                        .and_then(|found| {
                            let before = found.partition_point(|(pos, _)| *pos <= span.start);
                            found[..before]
                                .iter()
                                .rev()
                                .find(|(_, d)| d.len() >= surface.len())
                        })
                        .map_or(surface.clone(), |(_, d)| d.clone());
                    (full, key)
                }
                // Speakers are in sentence order: stop at the first one too far back
                // (looking past it was quadratic on drafts of many pronoun speakers).
                SpeakerKind::Pronoun => match out
                    .iter()
                    .rev()
                    .take_while(|sp| sp.sentence + 3 >= s)
                    .find(|sp| sp.kind == SpeakerKind::Name)
                {
                    Some(prev) => (prev.display.clone(), prev.key.clone()),
                    None => (surface.clone(), surface.to_lowercase()),
                },
                SpeakerKind::Group => {
                    let key = head.clone();
                    (surface.clone(), key)
                }
            };
            out.push(Speaker {
                span,
                kind,
                display,
                key,
                head,
                sentence: s,
            });
        }
    }
    out
}

/// The speaker of cue `c` in the sentence tokens `[lo, hi)`: tokens `[a, b]` and a kind.
pub fn speaker_for_cue(
    text: &Text,
    c: usize,
    lo: usize,
    hi: usize,
) -> Option<(usize, usize, SpeakerKind)> {
    // "according to X"
    if text.word_is(c, "according") {
        return phrase_after(text, c + 2, hi);
    }
    // Before the cue: "Cha said", "The U.S. has said", "X, a professor, said".
    let mut j = c;
    while j > lo && text.word_in(j - 1, BETWEEN_SUBJECT_AND_VERB) {
        j -= 1;
    }
    let passive =
        j > lo && text.word_in(j - 1, &["was", "were", "been", "is", "are", "be", "being"]);
    if j > lo && !passive {
        let p = j - 1;
        let tok = text.tokens[p];
        if (tok.is_word() || is_name_part(text, p)) && !tok.in_quote {
            if let Some(found) = phrase_ending(text, p, lo) {
                return Some(found);
            }
        } else if tok.is_punct(',') && !tok.in_quote {
            // An appositive: find the comma that opens it.
            let mut k = p;
            while k > lo {
                k -= 1;
                let t = text.tokens[k];
                if t.in_quote || is_quote_mark(text, k) {
                    break;
                }
                if t.is_punct(',') {
                    if k > lo
                        && let Some(found) = phrase_ending(text, k - 1, lo)
                    {
                        return Some(found);
                    }
                    break;
                }
            }
        }
    }
    // After the cue: "said Victor D. Cha", "said the ministry", "revealed ... by X".
    if c + 1 < hi {
        if let Some(found) = phrase_after(text, c + 1, hi) {
            return Some(found);
        }
        let stop = (c + 8).min(hi);
        for k in c + 1..stop {
            if text.tokens[k].in_quote || text.tokens[k].kind != super::text::TokenKind::Word {
                if text.tokens[k].in_quote {
                    break;
                }
                continue;
            }
            if text.word_is(k, "by") {
                return phrase_after(text, k + 1, hi);
            }
        }
    }
    None
}

fn is_quote_mark(text: &Text, i: usize) -> bool {
    matches!(
        text.tokens[i].kind,
        super::text::TokenKind::Punct('"' | '\u{201c}' | '\u{201d}' | '\u{ab}' | '\u{bb}')
    )
}

/// A subject ending at token `p`: a pronoun, a name, or a noun phrase back to its
/// determiner.
fn phrase_ending(text: &Text, p: usize, lo: usize) -> Option<(usize, usize, SpeakerKind)> {
    if text.word_in(p, PRONOUNS) {
        return Some((p, p, SpeakerKind::Pronoun));
    }
    if let Some((a, b)) = name_run_ending(text, p, lo)
        && (b == p || text.tokens[p].is_punct('.'))
    {
        return Some((a, b, SpeakerKind::Name));
    }
    if text.is_capitalised(p) || text.word_in(p, NOT_A_HEAD) {
        return None;
    }
    // A lower-case noun phrase: walk back to a determiner, at most five words.
    let mut a = p;
    let mut steps = 0;
    while a > lo && steps < 5 {
        let prev = a - 1;
        let t = text.tokens[prev];
        if !t.is_word() || t.in_quote {
            break;
        }
        if text.word_in(prev, DEFINITE) || text.word_in(prev, INDEFINITE) {
            a = prev;
            break;
        }
        if is_source_cue(text, prev) {
            break;
        }
        a = prev;
        steps += 1;
    }
    Some((a, p, SpeakerKind::Group))
}

/// A subject starting at token `k`: a name, a pronoun, or "the/a ... noun" up to the
/// next punctuation.
fn phrase_after(text: &Text, k: usize, hi: usize) -> Option<(usize, usize, SpeakerKind)> {
    if k >= hi || text.tokens[k].in_quote || !text.tokens[k].is_word() {
        return None;
    }
    if text.word_in(k, PRONOUNS) {
        return Some((k, k, SpeakerKind::Pronoun));
    }
    if let Some((a, b)) = name_run_starting(text, k, hi) {
        return Some((a, b, SpeakerKind::Name));
    }
    // "said council member Ravi Okafor": a lower-case title before the name.
    if !text.is_capitalised(k) && !text.word_in(k, DEFINITE) && !text.word_in(k, INDEFINITE) {
        let mut j = k;
        while j < hi && j < k + 4 && text.tokens[j].is_word() && !text.is_capitalised(j) {
            j += 1;
        }
        if j < hi
            && j > k
            && let Some((a, b)) = name_run_starting(text, j, hi)
        {
            return Some((a, b, SpeakerKind::Name));
        }
    }
    let determiner = (text.word_in(k, DEFINITE) || text.word_in(k, INDEFINITE))
        && !text.word_in(
            k,
            &[
                "this", "that", "these", "those", "its", "their", "his", "her",
            ],
        );
    if determiner {
        let mut b = k;
        while b + 1 < hi && b < k + 6 {
            let t = text.tokens[b + 1];
            if !t.is_word()
                || t.in_quote
                || text.word_in(b + 1, &["that", "who", "which", "by", "on", "in", "at"])
            {
                break;
            }
            b += 1;
        }
        if b > k {
            return Some((k, b, SpeakerKind::Group));
        }
    }
    None
}

/// Whether `word` is a pronoun a speaker can be referred to by.
pub fn is_pronoun(word: &str) -> bool {
    PRONOUNS.iter().any(|p| eq_folded(word, p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn speakers(s: &str, sentences: &[Span]) -> Vec<(String, String)> {
        let paragraphs = vec![0; sentences.len()];
        let t = Text::new(s, Span::new(0, s.len()), sentences, &paragraphs);
        find_speakers(&t)
            .into_iter()
            .map(|sp| (sp.display, sp.key))
            .collect()
    }

    fn one(s: &str) -> Vec<(String, String)> {
        speakers(s, &[Span::new(0, s.len())])
    }

    #[test]
    fn names_before_and_after_the_cue() {
        assert_eq!(
            one("It is bad, said Victor D. Cha, a professor.")[0].0,
            "Victor D. Cha"
        );
        assert_eq!(one("Cha said it is bad.")[0].1, "cha");
        assert_eq!(
            one("The U.S. has said China could help.")[0],
            ("U.S.".to_owned(), "u.s".to_owned())
        );
        assert_eq!(
            one("It was revealed this week by Secretary of Defense Lloyd J. Austin III.")[0].0,
            "Lloyd J. Austin III"
        );
        assert_eq!(
            one("Victor Cha, a professor at the university, said it is bad.")[0].0,
            "Victor Cha"
        );
        assert_eq!(
            one("It is bad, according to the foreign ministry.")[0].1,
            "ministry"
        );
    }

    #[test]
    fn surnames_and_pronouns_resolve_to_the_full_name() {
        let s = "It is bad, said Victor D. Cha. Cha said more. He said even more.";
        let a = s.find(" Cha said").unwrap() + 1;
        let b = s.find(" He said").unwrap() + 1;
        let found = speakers(
            s,
            &[
                Span::new(0, a - 1),
                Span::new(a, b - 1),
                Span::new(b, s.len()),
            ],
        );
        assert!(
            found
                .iter()
                .all(|(d, k)| d == "Victor D. Cha" && k == "cha"),
            "{found:?}"
        );
    }
}
