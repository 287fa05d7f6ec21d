//! A document prepared for attribution: its tokens, sentences, working units and quote
//! regions, with the small noun-phrase scanners the patterns are built from.

use super::lexicon::{self, *};
use super::quotes::{self, Region};
use super::tokens::{self, Kind, Token, punct};
use crate::segment::Sentence;
use crate::span::Span;
use std::ops::Range;

/// The longest source mention the scanners accept, in tokens.
const MAX_NP: usize = 14;

pub struct Doc<'t> {
    pub text: &'t str,
    pub toks: Vec<Token>,
    /// Token range of each sentence.
    pub sents: Vec<Range<usize>>,
    /// Working units: runs of sentences treated as one (a sentence cut after an initial
    /// or a title by the segmenter is joined to what follows).
    pub units: Vec<Range<usize>>,
    /// Token range of each unit.
    pub unit_toks: Vec<Range<usize>>,
    /// The unit of each sentence.
    pub unit_of_sent: Vec<usize>,
    /// Whether each unit reads like a headline (most words capitalised).
    pub headline: Vec<bool>,
    pub regions: Vec<Region>,
}

impl<'t> Doc<'t> {
    pub fn new(text: &'t str, sentences: &[Sentence]) -> Doc<'t> {
        let mut toks = Vec::with_capacity(text.len() / 5);
        let mut sents = Vec::with_capacity(sentences.len());
        for (i, s) in sentences.iter().enumerate() {
            let a = toks.len();
            tokens::tokenize(
                text,
                s.span.start,
                s.span.end,
                i as u32,
                s.paragraph as u32,
                &mut toks,
            );
            sents.push(a..toks.len());
        }
        let regions = quotes::find(&mut toks);
        let mut doc = Doc {
            text,
            toks,
            sents,
            units: Vec::new(),
            unit_toks: Vec::new(),
            unit_of_sent: Vec::new(),
            headline: Vec::new(),
            regions,
        };
        doc.build_units(sentences);
        doc
    }

    fn build_units(&mut self, sentences: &[Sentence]) {
        let n = self.sents.len();
        let mut i = 0;
        while i < n {
            let start = i;
            while i + 1 < n
                && sentences[i].paragraph == sentences[i + 1].paragraph
                && self.cut_too_early(i)
            {
                i += 1;
            }
            i += 1;
            let toks = self.sents[start].start..self.sents[i - 1].end;
            self.headline.push(self.looks_like_headline(toks.clone()));
            self.unit_of_sent
                .extend(std::iter::repeat_n(self.units.len(), i - start));
            self.units.push(start..i);
            self.unit_toks.push(toks);
        }
    }

    /// Whether sentence `i` ends where no sentence ends: after an initial ("J."), a
    /// title ("Sen.", "Mr."), or before a word in lower case.
    fn cut_too_early(&self, i: usize) -> bool {
        let r = &self.sents[i];
        let next = &self.sents[i + 1];
        if r.is_empty() || next.is_empty() {
            return false;
        }
        let last = self.toks[r.end - 1];
        let first = self.toks[next.start];
        if last.kind != Kind::Word {
            return false;
        }
        if last.shape & tokens::shape::INITIAL != 0 && first.cap() {
            return true;
        }
        if last.is(HONORIFIC | TITLE) && last.shape & tokens::shape::ABBREV != 0 {
            return true;
        }
        // "the U.S. | has said", "A U.S. | law enforcement official": an abbreviation
        // followed by a word in lower case.
        last.shape & tokens::shape::ABBREV != 0
            && first.kind == Kind::Word
            && first.shape & tokens::shape::CAP == 0
    }

    fn looks_like_headline(&self, r: Range<usize>) -> bool {
        let mut words = 0;
        let mut caps = 0;
        for t in &self.toks[r] {
            if t.kind == Kind::Word && !t.is(DET | PREP | CONJ) {
                words += 1;
                caps += t.cap() as usize;
            }
        }
        words >= 3 && caps * 10 >= words * 7
    }

    pub fn span(&self, a: usize, b: usize) -> Span {
        if a >= b {
            let at = self.toks.get(a).map(|t| t.start).unwrap_or(self.text.len());
            return Span::new(at, at);
        }
        Span::new(self.toks[a].start, self.toks[b - 1].end)
    }

    pub fn word(&self, i: usize) -> &'t str {
        self.toks[i].text(self.text)
    }

    pub fn is_word(&self, i: usize, w: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == Kind::Word && t.text(self.text).eq_ignore_ascii_case(w))
    }

    pub fn is_punct(&self, i: usize, c: u8) -> bool {
        self.toks.get(i).is_some_and(|t| t.punct(c))
    }

    /// `,`, `;`, a dash, or a closing quote mark: what can separate content from an
    /// attribution that follows it.
    pub fn is_separator(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.kind == Kind::Close
                || (t.kind == Kind::Punct && matches!(t.ch, b',' | b';' | punct::DASH | b':'))
        })
    }

    /// A word that can be part of a noun phrase naming a source.
    fn np_word(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if t.kind == Kind::Number {
            return true;
        }
        if t.kind != Kind::Word {
            return false;
        }
        if t.cap() {
            // A capitalised cue word inside a name ("The Washington Post") is a name.
            // ("Meanwhile", "However" opening a sentence are not part of a name; "Now"
            // in "Real News Right Now" is.)
            let opener = t.is(DISCOURSE) && self.sents[t.sent as usize].start == i;
            return !t.is(AUX | MODAL | NEG | REL | CONJ) && !opener || t.is(ORG_WORD);
        }
        // A cue word is a verb, unless it is an "-ing" noun after an article ("the
        // planning", "the reporting").
        if t.cue.is_some() && !t.is(SOURCE_NOUN | TITLE) && !self.gerund_noun(i) {
            return false;
        }
        !t.is(FUNCTION | ADV | TIME | PRONOUN | DET | PRON_POSS)
            || t.is(SOURCE_NOUN | TITLE | DEMONYM | QUANT | DEPT)
    }

    /// Whether tokens `[s, e)` hold a clause rather than a noun phrase: a finite verb
    /// outside a relative clause ("China and North Korea reaffirmed a relationship
    /// they"). A source is named by a noun phrase, never by a clause.
    pub fn has_finite_verb(&self, s: usize, e: usize) -> bool {
        // A lone article ("The added to ...") names nobody either.
        if e == s + 1 && ["the", "a", "an"].iter().any(|w| self.is_word(s, w)) {
            return true;
        }
        for i in s..e {
            let t = &self.toks[i];
            if t.kind != Kind::Word || t.cap() {
                continue;
            }
            // "officials who have seen the report": the verbs of a relative clause
            // belong to the noun phrase.
            if t.is(REL) && !t.is(DET) || self.is_word(i, "that") && i > s {
                // ... but not a report after it ("that have endorsed him say they").
                return (i..e).any(|j| {
                    self.toks[j].kind == Kind::Word
                        && !self.toks[j].cap()
                        && self.toks[j]
                            .cue
                            .is_some_and(|q| q.form != lexicon::Form::Gerund)
                        && self
                            .toks
                            .get(j + 1)
                            .is_some_and(|n| n.kind == Kind::Word && n.is(PRON_PERSON | PRON_THEY))
                });
            }
            if t.is(AUX | MODAL) && !t.poss() {
                return true;
            }
            // "organizations that have endorsed him say they": a report inside.
            if t.cue.is_some_and(|q| q.form != lexicon::Form::Gerund)
                && self
                    .toks
                    .get(i + 1)
                    .is_some_and(|n| n.kind == Kind::Word && n.is(PRON_PERSON | PRON_THEY))
            {
                return true;
            }
            // A subject pronoun after a noun: "a relationship they".
            // ("he and Rubio", "both he and Rubio", "many of you" are noun phrases.)
            if i > s
                && t.is(PRON_PERSON | PRON_THEY)
                && !self.toks[i - 1].is(CONJ | PREP | QUANT)
                && !self.is_word(i + 1, "and")
            {
                return true;
            }
            // A verb in -ed with a direct object after it: "reaffirmed a relationship"
            // (a participle is followed by "by", a preposition or a time: "compiled by",
            // "briefed on", "released Tuesday").
            let w = t.text(self.text);
            if i > s
                && w.len() > 4
                && w.ends_with("ed")
                && !t.is(SOURCE_NOUN | TITLE | FUNCTION | DET)
                && self.toks.get(i + 1).is_some_and(|n| {
                    n.kind == Kind::Word && n.is(DET | PRON_POSS | OBJ_PRON) && !n.is(PREP | TIME)
                })
            {
                return true;
            }
        }
        false
    }

    /// Whether token `i` is a cue's "-ing" form used as a noun, after an article or a
    /// possessive ("the planning", "his reporting").
    pub fn gerund_noun(&self, i: usize) -> bool {
        i > 0
            && self.toks[i]
                .cue
                .is_some_and(|q| q.form == lexicon::Form::Gerund)
            && self.toks[i - 1].kind == Kind::Word
            && self.toks[i - 1].is(DET | PRON_POSS)
            && !self.toks[i - 1].is(PRONOUN)
    }

    /// Whether a token can head a source mention.
    pub fn head_word(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.kind == Kind::Word
            && (t.is(PRONOUN) || t.cap() || t.is(SOURCE_NOUN | TITLE))
            && !t.is(MONTH)
            && !(t.cap() && t.is(TIME))
            // ("But", "And" opening a sentence head nothing.)
            && !(t.cap()
                && t.is(DISCOURSE | CONJ)
                && !t.is(PRONOUN)
                && self.sents[t.sent as usize].start == i)
    }

    /// Scans a noun phrase ending at token `end` (inclusive) leftwards; returns its first
    /// token. `floor` is the first token it may use.
    pub fn np_back(&self, end: usize, floor: usize) -> Option<usize> {
        let t = &self.toks[end];
        if t.is(PRONOUN) && t.kind == Kind::Word {
            return Some(end);
        }
        if !self.head_word(end) && !self.np_word(end) {
            return None;
        }
        let mut start = end;
        let mut i = end;
        while i > floor && end - i < MAX_NP {
            let j = i - 1;
            let t = &self.toks[j];
            if t.kind == Kind::Word && (t.is(DET) || t.is(PRON_POSS)) && !t.cap() {
                // "that Michael Bloomberg": a demonstrative or a conjunction before a
                // name is not part of it ("the", "a" and possessives are).
                let before_name = self.toks[i].cap();
                let article = ["the", "a", "an"]
                    .iter()
                    .any(|w| t.text(self.text).eq_ignore_ascii_case(w))
                    || t.is(PRON_POSS);
                if !before_name || article {
                    start = j;
                }
                break;
            }
            if t.kind == Kind::Word && t.is(DET) && t.cap() && t.is(PRON_POSS | DET) {
                // "The", "His" at the start of a sentence end the phrase; inside a name
                // after another capitalised word ("CBS This Morning") they do not.
                let in_name = j > floor && self.toks[j - 1].cap() && !self.toks[j - 1].is(DET);
                if !in_name {
                    start = j;
                    break;
                }
                start = j;
                i = j;
                continue;
            }
            // "While Ortiz says ...", "When Lee asked ...": a subordinator opens a clause.
            if t.kind == Kind::Word && t.is(SUBORD) && !t.is(DET) {
                break;
            }
            if self.np_word(j) {
                start = j;
                i = j;
                continue;
            }
            // "an ABC/ Washington Post poll": a slash set off by spaces joins two names.
            if t.kind == Kind::Punct
                && t.text(self.text) == "/"
                && j > floor
                && self.toks[j - 1].cap()
                && self.toks[i].cap()
            {
                start = j - 1;
                i = j - 1;
                continue;
            }
            // "Secretary of Defense", "a spokesman for the ministry", "Trump and Pence".
            let joiner = t.kind == Kind::Word
                && [
                    "of", "for", "at", "with", "from", "to", "&", "and", "in", "like",
                ]
                .iter()
                .any(|w| t.text(self.text).eq_ignore_ascii_case(w));
            if joiner && j > floor {
                let left = &self.toks[j - 1];
                let ok = left.kind == Kind::Word
                    && (left.cap() || left.is(SOURCE_NOUN | TITLE | PRON_PERSON) || {
                        let w = left.text(self.text);
                        w.eq_ignore_ascii_case("close") || w.eq_ignore_ascii_case("familiar")
                    });
                let and = t.text(self.text).eq_ignore_ascii_case("and");
                // "Trump and Pence", "he and Mr. Allen".
                let ok =
                    ok && (!and || ((left.cap() || left.is(PRON_PERSON)) && self.toks[i].cap()));
                if ok {
                    start = j - 1;
                    i = j - 1;
                    continue;
                }
            }
            break;
        }
        // A lower-case head must come with a determiner ("the bill"), or be a source noun.
        let head = &self.toks[end];
        if !self.head_word(end) {
            let det = self.toks[start].is(DET | PRON_POSS | NUMBER_WORD);
            if !det || end - start > 5 || head.poss() {
                return None;
            }
        }
        if head.poss() {
            return None;
        }
        Some(start)
    }

    /// Scans a noun phrase starting at token `start` rightwards, not past `limit`
    /// (exclusive); returns its end (exclusive) when it has a head.
    pub fn np_fwd(&self, start: usize, limit: usize) -> Option<usize> {
        if start >= limit {
            return None;
        }
        let t = &self.toks[start];
        if t.kind == Kind::Word && t.is(PRONOUN) && !t.is(DET) {
            return Some(start + 1);
        }
        let mut i = start;
        if t.kind == Kind::Word && t.is(DET | PRON_POSS) {
            i += 1;
        }
        let mut end = None;
        // The last token that can head the phrase, and the last word of any kind.
        let mut last_head = None;
        while i < limit && i - start < MAX_NP {
            if self.np_word(i) {
                if self.head_word(i) && !self.toks[i].poss() {
                    last_head = Some(i);
                }
                i += 1;
                end = Some(i);
                continue;
            }
            let t = &self.toks[i];
            let w = t.text(self.text);
            let joiner = t.kind == Kind::Word
                && ["of", "for", "at", "with", "from", "&", "and", "in", "to"]
                    .iter()
                    .any(|j| w.eq_ignore_ascii_case(j));
            if joiner && end.is_some() && i + 1 < limit {
                let left = &self.toks[i - 1];
                let left_ok = left.cap()
                    || left.is(SOURCE_NOUN | TITLE)
                    || left.text(self.text).eq_ignore_ascii_case("close")
                    || left.text(self.text).eq_ignore_ascii_case("familiar");
                let right = &self.toks[i + 1];
                let right_ok = self.np_word(i + 1) || right.is(DET | PRON_POSS);
                let and = w.eq_ignore_ascii_case("and") || w == "&";
                if left_ok && right_ok && (!and || (left.cap() && right.cap())) {
                    i += 1;
                    if self.toks[i].is(DET | PRON_POSS) && !self.toks[i].is(PRONOUN) {
                        i += 1;
                    }
                    continue;
                }
            }
            break;
        }
        let end = end?;
        let last = end - 1;
        if self.toks[last].poss() && last_head.is_none() {
            return None;
        }
        // A phrase that runs on into lower-case words ("Trump doubled down") ends at its
        // last head; a determiner phrase ("the ad's narrator") may end on any noun.
        let det = self.toks[start].kind == Kind::Word && self.toks[start].is(DET | PRON_POSS);
        if self.head_word(last) && !self.toks[last].poss() {
            return Some(end);
        }
        if det && !self.toks[last].poss() && end - start <= 6 {
            return Some(end);
        }
        last_head.map(|h| h + 1)
    }

    /// The first token of unit `u`'s clause proper: after leading conjunctions and an
    /// introductory phrase ("At a summit on Wednesday, ...", "In a statement, ...").
    pub fn clause_start(&self, u: usize) -> usize {
        let r = self.unit_toks[u].clone();
        let mut i = r.start;
        // A unit that opens with a quotation: the quote is not an introductory phrase.
        if i < r.end && self.toks[i].in_quote() {
            return i;
        }
        // A dateline: "WASHINGTON (AFP) –", "PARIS, Aug 31 (Reuters) -".
        if let Some(d) = (i..r.end.min(i + 12)).find(|&j| self.toks[j].punct(punct::DASH))
            && d > i
            && (i..d).all(|j| {
                let t = &self.toks[j];
                t.cap()
                    || t.kind == Kind::Number
                    || matches!(t.kind, Kind::Punct) && matches!(t.ch, b',' | b'(' | b')' | b'.')
            })
        {
            i = d + 1;
        }
        while i < r.end && self.toks[i].is(DISCOURSE | CONJ) && self.toks[i].kind == Kind::Word {
            i += 1;
            // "However, on Thursday, the group said ...".
            if i < r.end && self.toks[i].punct(b',') {
                i += 1;
            }
        }
        // Introductory phrases, each up to its comma: "On Tuesday, during a rally, X said".
        let mut rounds = 0;
        'intro: while i < r.end && rounds < 3 && self.opens_intro(i) {
            rounds += 1;
            // A subordinate clause or a participle phrase has verbs of its own.
            let clause_ok = {
                let f = &self.toks[i];
                let w = f.text(self.text);
                f.is(SUBORD) || w.ends_with("ing") || w.ends_with("ed")
            };
            let mut j = i;
            while j < r.end && j - i < 30 {
                if self.toks[j].punct(b',') {
                    i = j + 1;
                    // "Asked whether Clinton “has the integrity,” 75 percent said": the
                    // quote closes after its comma.
                    while i < r.end && self.toks[i].kind == Kind::Close {
                        i += 1;
                    }
                    // "In Portsmouth, N.H., on Tuesday,": a place named after a comma
                    // belongs to the phrase.
                    if let Some(k) = (i..r.end.min(i + 4)).find(|&k| self.toks[k].punct(b','))
                        && k > i
                        && (i..k).all(|x| self.toks[x].cap())
                        && (k + 1 >= r.end || self.opens_intro(k + 1) || k - i <= 2)
                        && self.toks.get(k + 1).is_some_and(|n| n.is_word())
                        && (self.toks[i].shape & tokens::shape::ABBREV != 0
                            || self.toks[k - 1].is(COUNTRY))
                    {
                        i = k + 1;
                    }
                    continue 'intro;
                }
                // A verb: this is a clause, not an introductory phrase.
                let t = &self.toks[j];
                if !clause_ok
                    && j > i
                    && t.kind == Kind::Word
                    && !t.cap()
                    && (t.cue.is_some() || t.is(AUX | MODAL))
                {
                    break 'intro;
                }
                j += 1;
            }
            break;
        }
        i
    }

    /// Whether a unit's first word opens an introductory phrase.
    pub fn opens_intro(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if t.kind != Kind::Word {
            return false;
        }
        let w = t.text(self.text);
        t.is(PREP | SUBORD | TIME | INTRO_ADV | MONTH)
            || (w.len() > 4
                && w.ends_with("ly")
                && self
                    .toks
                    .get(i + 1)
                    .is_some_and(|n| n.punct(b',') || n.is(PREP | SUBORD)))
            || (w.len() > 5 && w.ends_with("ing") && t.cap())
            || w.eq_ignore_ascii_case("asked")
    }

    /// The extent of a quotation: all regions of the group of region `r`, from the first
    /// opening mark to the last closing mark. Returns token indices (inclusive).
    pub fn quotation(&self, r: usize) -> (usize, usize) {
        let g = self.regions[r].group;
        (self.regions[g].open, self.regions[r].group_close)
    }

    pub fn lemma(&self, i: usize) -> &'static str {
        self.toks[i]
            .cue
            .map(|c| lexicon::lemma_name(c.lemma))
            .unwrap_or("")
    }
}
