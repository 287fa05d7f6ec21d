//! Fragments: garbled or truncated pieces of text that are not claims ("It will be.",
//! "Dew.", "oil.", a paragraph cut off mid-sentence). Decided by the shape of the text
//! alone: how many words, how the piece starts and ends, where it sits in its paragraph.

use crate::segment::Sentence;

/// Words that cannot end a complete statement of three or four words ("It will be.").
const DANGLING: &[&str] = &[
    "be", "is", "was", "are", "were", "been", "will", "would", "can", "could", "may", "might",
    "should", "must", "do", "does", "did", "has", "have", "had", "not", "to", "the", "a", "an",
    "and", "or", "but", "of",
];

/// Whether each sentence is a fragment.
pub fn find(text: &str, sentences: &[Sentence]) -> Vec<bool> {
    let mut out = vec![false; sentences.len()];
    for (i, s) in sentences.iter().enumerate() {
        let last_of_paragraph = sentences
            .get(i + 1)
            .is_none_or(|n| n.paragraph != s.paragraph);
        let first_paragraph = s.paragraph == sentences[0].paragraph;
        out[i] = is_fragment(s.span.slice(text), last_of_paragraph, first_paragraph);
    }
    out
}

/// The shape test for one sentence.
pub fn is_fragment(sentence: &str, last_of_paragraph: bool, first_paragraph: bool) -> bool {
    let s = sentence.trim();
    if s.is_empty() || s.starts_with(['“', '"', '‘', '\'', '(', '[']) {
        return false;
    }
    let ends_complete = s.ends_with(['.', '!', '?', '”', '"', '’', '\'', ')', ']', '…', ':']);
    let may_be_truncated = last_of_paragraph && !ends_complete && !first_paragraph;
    // Only short pieces, or a paragraph's unfinished last sentence, need a closer look.
    let mut words = 0usize;
    let mut capitalised = 0usize;
    let mut first_word: Option<&str> = None;
    let mut last_word: Option<&str> = None;
    for w in s.split_whitespace() {
        let core = core_of(w);
        if core.is_empty() || !core.chars().any(char::is_alphabetic) {
            continue;
        }
        words += 1;
        if core.chars().next().is_some_and(char::is_uppercase) {
            capitalised += 1;
        }
        first_word.get_or_insert(core);
        last_word = Some(core);
        if words > 4 && !may_be_truncated {
            return false;
        }
    }
    let (Some(first), Some(last)) = (first_word, last_word) else {
        return false;
    };
    let lower_start = first.chars().next().is_some_and(char::is_lowercase)
        && s.chars().next().is_some_and(char::is_alphabetic);
    // "oil." — a lower-case start on a very short sentence: a piece torn from another.
    if lower_start && words <= 4 {
        return true;
    }
    // "Dew." — one word with a full stop.
    if words == 1 && s.ends_with('.') {
        return true;
    }
    // "It will be." — three or four words ending on an auxiliary.
    if words <= 4 && DANGLING.iter().any(|d| last.eq_ignore_ascii_case(d)) && s.ends_with('.') {
        return true;
    }
    // A paragraph cut off mid-sentence: no final punctuation, ends on a lower-case word,
    // and does not read like a headline or a label.
    if may_be_truncated && words >= 4 {
        let title_like = capitalised * 10 >= words * 6;
        let lower_end = last
            .chars()
            .all(|c| c.is_lowercase() || c == '\'' || c == '’' || c == '-');
        if !title_like && lower_end {
            return true;
        }
    }
    false
}

/// A word without the punctuation around it.
pub(crate) fn core_of(w: &str) -> &str {
    let b = w.as_bytes();
    let mut a = 0;
    let mut e = b.len();
    while a < e && b[a].is_ascii() && !b[a].is_ascii_alphanumeric() {
        a += 1;
    }
    while e > a && b[e - 1].is_ascii() && !b[e - 1].is_ascii_alphanumeric() {
        e -= 1;
    }
    // Non-ASCII punctuation (curly quotes, dashes) at the edges.
    w[a..e].trim_matches(|c: char| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::is_fragment;

    #[test]
    fn garbled_pieces_are_fragments() {
        assert!(is_fragment("It will be.", false, false));
        assert!(is_fragment("Crumb.", false, false));
        assert!(is_fragment("wheat.", true, false));
        assert!(is_fragment(
            "The plan could limit the council's power to approve",
            true,
            false
        ));
    }

    #[test]
    fn complete_sentences_and_headlines_are_not() {
        assert!(!is_fragment("The mayor resigned on Friday.", false, false));
        assert!(!is_fragment("Mayor Resigns After Budget Vote", true, true));
        assert!(!is_fragment(
            "Council Approves New Budget for Harbour Works",
            true,
            false
        ));
        assert!(!is_fragment("“Never.”", false, false));
        assert!(!is_fragment("The vote was close, she said", false, false));
    }
}
