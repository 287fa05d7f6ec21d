//! Phrase lists matched word by word: "analysts say", "on condition of anonymity".
//!
//! A phrase is a sequence of words matched against consecutive word tokens (punctuation
//! between them breaks a match), case-insensitively, with curly apostrophes folded. The
//! longest phrase starting at a token wins. Lookup is by the first word, so matching a
//! draft costs one hash lookup a word whatever the size of the lists.

use super::text::{Text, fold_into};
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, Default)]
pub struct PhraseSet {
    phrases: Vec<Vec<String>>,
    by_first: HashMap<String, Vec<usize>>,
    known: HashSet<Vec<String>>,
}

/// A phrase found in the text: which phrase, and the tokens it covers `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch {
    pub phrase: usize,
    pub start: usize,
    pub end: usize,
}

impl PhraseSet {
    pub fn new<I, S>(phrases: I) -> PhraseSet
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut set = PhraseSet::default();
        for p in phrases {
            set.add(p.as_ref());
        }
        set
    }

    /// Adds a phrase (words separated by white space). Empty phrases are ignored.
    pub fn add(&mut self, phrase: &str) {
        let mut buf = String::new();
        let words: Vec<String> = phrase
            .split(|c: char| c.is_whitespace())
            .filter(|w| !w.is_empty())
            .map(|w| {
                fold_into(w, &mut buf);
                buf.clone()
            })
            .collect();
        let Some(first) = words.first().cloned() else {
            return;
        };
        if !self.known.insert(words.clone()) {
            return;
        }
        self.by_first
            .entry(first)
            .or_default()
            .push(self.phrases.len());
        self.phrases.push(words);
    }

    pub fn phrase(&self, i: usize) -> String {
        self.phrases[i].join(" ")
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// The longest phrase starting at token `i`, if any. With `outside_quotes`, every
    /// word of the match must be outside quotation marks. `buf` is scratch space.
    pub fn match_at(
        &self,
        text: &Text,
        i: usize,
        outside_quotes: bool,
        buf: &mut String,
    ) -> Option<PhraseMatch> {
        let tok = text.tokens.get(i)?;
        if !tok.is_word() || (outside_quotes && tok.in_quote) {
            return None;
        }
        fold_into(text.tok(i), buf);
        let candidates = self.by_first.get(buf.as_str())?;
        let mut best: Option<PhraseMatch> = None;
        for &p in candidates {
            let words = &self.phrases[p];
            let mut ok = true;
            for (k, w) in words.iter().enumerate().skip(1) {
                let j = i + k;
                let Some(t) = text.tokens.get(j) else {
                    ok = false;
                    break;
                };
                if !t.is_word() || (outside_quotes && t.in_quote) || !text.word_is(j, w) {
                    ok = false;
                    break;
                }
            }
            if ok && best.is_none_or(|b| b.end - b.start < words.len()) {
                best = Some(PhraseMatch {
                    phrase: p,
                    start: i,
                    end: i + words.len(),
                });
            }
        }
        best
    }

    /// Every non-overlapping match in the token range, leftmost-longest.
    pub fn find_all(
        &self,
        text: &Text,
        range: std::ops::Range<usize>,
        outside_quotes: bool,
    ) -> Vec<PhraseMatch> {
        let mut out = Vec::new();
        let mut buf = String::new();
        let mut i = range.start;
        while i < range.end {
            match self.match_at(text, i, outside_quotes, &mut buf) {
                Some(m) if m.end <= range.end => {
                    out.push(m);
                    i = m.end;
                }
                _ => i += 1,
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    #[test]
    fn longest_match_outside_quotes() {
        let s = "Analysts say “analysts say” it is widely believed, it is.";
        let t = Text::new(s, Span::new(0, s.len()), &[Span::new(0, s.len())], &[0]);
        let set = PhraseSet::new(["analysts say", "it is", "it is widely believed"]);
        let found = set.find_all(&t, 0..t.tokens.len(), true);
        let phrases: Vec<_> = found.iter().map(|m| set.phrase(m.phrase)).collect();
        assert_eq!(phrases, ["analysts say", "it is widely believed", "it is"]);
    }

    #[test]
    fn punctuation_breaks_a_phrase() {
        let s = "analysts, say";
        let t = Text::new(s, Span::new(0, s.len()), &[Span::new(0, s.len())], &[0]);
        let set = PhraseSet::new(["analysts say"]);
        assert!(set.find_all(&t, 0..t.tokens.len(), true).is_empty());
    }
}
