//! What the relation engine knows about one claim text, computed once: its tokens (with
//! stems and synonym concepts), named entities, quantities and dates, negation scopes,
//! and the cues of denial, hedging and withdrawal.
//!
//! Features are built in one pass over the text plus a few passes over its tokens (no
//! regex, no allocation per token beyond the token vector), so a store of fifty thousand
//! claims is featurised in a fraction of a second, and [`super::relate`] compares two
//! feature sets without looking at the text again except to quote it in a reason.

use super::lexicon::{class, derivation_root, hash_str, lexicon, month_number};
use super::quantity::{self, Date, Quantity};
use super::stem::stem_into;

/// Token flags.
pub mod flag {
    /// A word (letters, possibly with digits).
    pub const WORD: u16 = 1;
    /// A number written in digits.
    pub const NUMBER: u16 = 1 << 1;
    /// Punctuation.
    pub const PUNCT: u16 = 1 << 2;
    /// Starts with an upper-case letter.
    pub const CAPITALISED: u16 = 1 << 3;
    /// Every letter upper case (and at least two letters).
    pub const ALL_CAPS: u16 = 1 << 4;
    /// First word of a sentence.
    pub const SENTENCE_START: u16 = 1 << 5;
    /// Ends a clause: , ; : and sentence ends, dashes, brackets.
    pub const CLAUSE_END: u16 = 1 << 6;
    /// Ends a sentence: . ! ?
    pub const SENTENCE_END: u16 = 1 << 7;
    /// A content word: not a function word, not punctuation.
    pub const CONTENT: u16 = 1 << 8;
    /// Part of a named entity (a capitalised name, an acronym).
    pub const ENTITY: u16 = 1 << 9;
    /// Inside the scope of a negation ("not", "never", "failed to").
    pub const NEGATED: u16 = 1 << 10;
    /// A question mark.
    pub const QUESTION: u16 = 1 << 11;
    /// Part of a quantity or date.
    pub const QUANTITY: u16 = 1 << 12;
    /// A content word too common to carry the claim ("said", "new").
    pub const LIGHT: u16 = 1 << 13;
    /// A title before a name ("Mr", "President").
    pub const TITLE: u16 = 1 << 14;
}

/// One token of a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the claim text.
    pub start: u32,
    pub end: u32,
    /// Hash of the lower-case surface form (0 for punctuation).
    pub word: u64,
    /// Hash of the stem.
    pub stem: u64,
    /// Synonym-group key: equal concepts match.
    pub concept: u64,
    /// Hash of the first four letters of the stem for capitalised words ("Egypt" and
    /// "Egyptian" share it); 0 otherwise.
    pub prefix: u64,
    /// Concept of the stem's derivational root ("founder" and "founded" share it).
    pub root: u64,
    /// Broader concepts this word entails ("murdered" -> "killed", "died"); 0 when none.
    pub broader: [u64; 3],
    /// Lexicon classes ([`class`]).
    pub class: u32,
    /// Token flags ([`flag`]).
    pub flags: u16,
}

impl Token {
    pub fn has(&self, f: u16) -> bool {
        self.flags & f != 0
    }

    pub fn is(&self, c: u32) -> bool {
        self.class & c != 0
    }
}

/// What kind of cue a [`Cue`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// "not", "never", "failed to".
    Negation,
    /// "denies", "hoax", "no evidence", "slams rumours".
    Denial,
    /// "reportedly", "rumour", "may", "in talks", a question, a trailing "officials say".
    Hedge,
    /// "unclear", "unknown", "in doubt".
    Uncertain,
    /// "quits", "drops out", "pulls out".
    Withdrawal,
    /// "said", "according to": the statement is attributed (not a hedge by itself).
    Attribution,
    /// "plans to", "plotting to", "asked the government to": what follows is an aim or a
    /// request, not something done.
    Intention,
}

/// A cue found in the text: its kind and the tokens it spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    pub kind: CueKind,
    /// Token range `[first, last]`.
    pub first: u32,
    pub last: u32,
}

/// A named entity: a run of capitalised words or an acronym.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entity {
    /// Token range `[first, last]`.
    pub first: u32,
    pub last: u32,
    /// False for a lone capitalised word at a sentence start, which may be an ordinary
    /// word ("Aspirin prevents ...").
    pub certain: bool,
}

/// Everything the engine needs about one claim text.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimFeatures {
    text: Box<str>,
    pub tokens: Vec<Token>,
    pub entities: Vec<Entity>,
    pub quantities: Vec<Quantity>,
    pub dates: Vec<Date>,
    pub cues: Vec<Cue>,
    /// Token index where each sentence starts (the first is 0).
    pub sentence_starts: Vec<u32>,
    /// Headline style: most words capitalised, so capitals do not mark names.
    pub title_case: bool,
    /// The main clause of the first sentence, when its shape is plain enough to find
    /// without a parser.
    pub main_clause: Option<MainClause>,
}

/// The shape of a main clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClauseKind {
    /// "Joseph Wilson worked for the CIA": subject, verb.
    Active,
    /// "MG Rover was bought by Airbus": the subject is what the verb was done to.
    Passive,
    /// "Stephen Hawking is a physicist": subject, "is", predicate noun or adjective.
    Copula,
}

/// Who does what in a claim: the subject's words and the word that says what is said of
/// it (the verb, or the head of the predicate after "is").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MainClause {
    pub kind: ClauseKind,
    /// Token range `[first, last]` of the subject; `last` is its head.
    pub subject: (u32, u32),
    /// The verb (active, passive) or the predicate's head (copula).
    pub predicate: u32,
}

/// The most of a text features are computed from. Relating two texts costs time in the
/// product of their lengths (two 100 KB run-on "claims" in a store took `claims compare`
/// 9 s); a claim or passage is far shorter (RTE-3's longest is 649 bytes), so only a run-on
/// text of thousands of words is cut, at a word boundary.
pub const MAX_FEATURE_BYTES: usize = 16 * 1024;

/// `text`, cut to at most [`MAX_FEATURE_BYTES`] at a white space when there is one.
fn bounded(text: &str) -> &str {
    if text.len() <= MAX_FEATURE_BYTES {
        return text;
    }
    let mut end = MAX_FEATURE_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let cut = &text[..end];
    cut.rfind(char::is_whitespace).map_or(cut, |i| &cut[..i])
}

impl ClaimFeatures {
    /// Computes the features of a claim text (of its first [`MAX_FEATURE_BYTES`]).
    pub fn new(text: &str) -> ClaimFeatures {
        let mut f = ClaimFeatures {
            text: bounded(text).into(),
            tokens: Vec::new(),
            entities: Vec::new(),
            quantities: Vec::new(),
            dates: Vec::new(),
            cues: Vec::new(),
            sentence_starts: Vec::new(),
            title_case: false,
            main_clause: None,
        };
        tokenize(&f.text, &mut f.tokens);
        f.mark_sentences();
        f.title_case = is_title_case(&f.tokens);
        f.mark_entities();
        let (quantities, dates) = quantity::find(&f.text, &mut f.tokens);
        f.quantities = quantities;
        f.dates = dates;
        f.find_cues();
        f.mark_negation_scopes();
        f.main_clause = f.find_main_clause();
        f
    }

    /// Whether token `i` looks like a verb in the past or third person ("invaded",
    /// "buys", "sold"), going by its ending: there is no tagger.
    pub fn looks_like_verb(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        if !t.has(flag::WORD) {
            return false;
        }
        let text = self.token_text(i).as_bytes();
        let ends =
            |s: &[u8]| text.len() > s.len() && text[text.len() - s.len()..].eq_ignore_ascii_case(s);
        ends(b"ed")
            || (ends(b"s") && !ends(b"ss") && !ends(b"us") && !ends(b"is"))
            || self.is_irregular_past(i)
    }

    /// Whether token `i` is an irregular past form ("sold", "won"), without allocating.
    pub fn is_irregular_past(&self, i: usize) -> bool {
        let text = self.token_text(i).as_bytes();
        let mut buf = [0u8; 16];
        if text.len() > buf.len() || !text.is_ascii() {
            return false;
        }
        for (d, c) in buf.iter_mut().zip(text) {
            *d = c.to_ascii_lowercase();
        }
        std::str::from_utf8(&buf[..text.len()]).is_ok_and(super::stem::is_irregular_past)
    }

    /// The main clause of the first sentence: a subject (a run of content words right
    /// before the verb) and its verb, or "is" and what follows. `None` when the shape is
    /// not found (no subject before the verb, a question, a fragment).
    fn find_main_clause(&self) -> Option<MainClause> {
        let (start, end) = self.sentence_of(0);
        let is_content = |k: usize| {
            let t = &self.tokens[k];
            (t.has(flag::WORD) && t.has(flag::CONTENT)) || t.has(flag::NUMBER)
        };
        // The subject ending right before `k`, past auxiliaries and "-ly" adverbs.
        let subject_before = |k: usize| -> Option<(u32, u32)> {
            let mut j = k;
            let head = loop {
                if j == start {
                    return None;
                }
                j -= 1;
                let t = &self.tokens[j];
                if t.has(flag::PUNCT) {
                    return None;
                }
                if is_content(j) {
                    let text = self.token_text(j);
                    if text.ends_with("ly") && !t.has(flag::CAPITALISED) {
                        continue;
                    }
                    break j;
                }
                if !t.is(class::AUXILIARY) {
                    return None;
                }
            };
            if let Some(e) = self
                .entities
                .iter()
                .find(|e| (e.first as usize) <= head && head <= e.last as usize)
            {
                return Some((e.first, head as u32));
            }
            let mut first = head;
            while first > start && first + 4 > head && is_content(first - 1) {
                first -= 1;
            }
            Some((first as u32, head as u32))
        };
        let mut i = start;
        while i < end {
            let t = &self.tokens[i];
            if t.has(flag::CLAUSE_END) && !t.has(flag::SENTENCE_END) && i > start {
                // A subject is not split by punctuation from its verb in a plain claim,
                // but an opening phrase may be ("In 2001, the EU introduced ...").
                i += 1;
                continue;
            }
            if t.has(flag::WORD) && t.is(class::BE) {
                let subject = subject_before(i)?;
                // Past "been", "being", adverbs and "not" to the next content word.
                let mut k = i + 1;
                while k < end
                    && self.tokens[k].has(flag::WORD)
                    && (self.tokens[k].is(class::BE)
                        || self.tokens[k].is(class::NEGATION)
                        || (!is_content(k) && !self.tokens[k].is(class::STOP))
                        || self.token_text(k).ends_with("ly"))
                {
                    k += 1;
                }
                if k < end
                    && is_content(k)
                    && self.looks_like_verb(k)
                    && !self.tokens[k].has(flag::ENTITY)
                {
                    let text = self.token_text(k);
                    if !text.ends_with('s') || self.is_irregular_past(k) {
                        return Some(MainClause {
                            kind: ClauseKind::Passive,
                            subject,
                            predicate: k as u32,
                        });
                    }
                }
                // Copula: the head of the phrase after "is": its last content word before
                // a function word or punctuation ("a Nobel prize winner", "the president
                // of Costa Rica" -> "president").
                let mut k = i + 1;
                while k < end && !is_content(k) {
                    if self.tokens[k].has(flag::PUNCT) {
                        return None;
                    }
                    k += 1;
                }
                if k >= end {
                    return None;
                }
                let mut head = k;
                while head + 1 < end && is_content(head + 1) {
                    head += 1;
                }
                return Some(MainClause {
                    kind: ClauseKind::Copula,
                    subject,
                    predicate: head as u32,
                });
            }
            let verb_position = is_content(i)
                && self.looks_like_verb(i)
                && !t.has(flag::ENTITY)
                && !t.has(flag::QUANTITY)
                && (self.title_case || !t.has(flag::CAPITALISED) || t.has(flag::SENTENCE_START));
            if verb_position && i > start {
                // A plural noun before a verb ("Domestic fires are ...") is not the verb.
                let next_is_verb = self.tokens.get(i + 1).is_some_and(|n| {
                    n.has(flag::WORD) && (n.is(class::BE) || n.is(class::AUXILIARY))
                }) || (i + 1 < end
                    && is_content(i + 1)
                    && self.looks_like_verb(i + 1)
                    && (self.token_text(i + 1).ends_with("ed") || self.is_irregular_past(i + 1)));
                // "Clinical trials involve ...": an "-s" word followed by a plain word is
                // a noun before its verb.
                let next_is_word = !self.token_text(i).ends_with("ed")
                    && !self.is_irregular_past(i)
                    && i + 1 < end
                    && is_content(i + 1)
                    && !self.tokens[i + 1].has(flag::CAPITALISED)
                    && !self.tokens[i + 1].has(flag::NUMBER)
                    && !self.token_text(i + 1).ends_with("ly");
                if !next_is_verb
                    && !next_is_word
                    && let Some(subject) = subject_before(i)
                        .filter(|&(_, head)| !self.tokens[head as usize].has(flag::QUANTITY))
                {
                    return Some(MainClause {
                        kind: ClauseKind::Active,
                        subject,
                        predicate: i as u32,
                    });
                }
            }
            i += 1;
        }
        None
    }

    /// The claim text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The surface text of token `i`.
    pub fn token_text(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        &self.text[t.start as usize..t.end as usize]
    }

    /// The text from the start of token `first` to the end of token `last`.
    pub fn span_text(&self, first: usize, last: usize) -> &str {
        let start = self.tokens[first].start as usize;
        let end = self.tokens[last].end as usize;
        &self.text[start..end.max(start)]
    }

    /// The sentence (as a token range, end exclusive) holding token `i`.
    pub fn sentence_of(&self, i: usize) -> (usize, usize) {
        let k = self.sentence_starts.partition_point(|&s| s as usize <= i);
        let start = if k == 0 {
            0
        } else {
            self.sentence_starts[k - 1] as usize
        };
        let end = self
            .sentence_starts
            .get(k)
            .map_or(self.tokens.len(), |&s| s as usize);
        (start, end)
    }

    /// The clause (a token range, end exclusive) holding token `i`: bounded by clause
    /// punctuation.
    pub fn clause_of(&self, i: usize) -> (usize, usize) {
        let mut start = i;
        while start > 0 && !self.tokens[start - 1].has(flag::CLAUSE_END) {
            start -= 1;
        }
        let mut end = i;
        while end < self.tokens.len() && !self.tokens[end].has(flag::CLAUSE_END) {
            end += 1;
        }
        (start, end)
    }

    /// Index keys for finding candidate pairs without comparing every pair: the concepts
    /// of content words (names included) and the units of quantities, deduplicated and
    /// sorted. Two claims sharing no key are not compared.
    pub fn index_keys(&self) -> Vec<u64> {
        let mut keys: Vec<u64> = self
            .tokens
            .iter()
            .filter(|t| t.has(flag::CONTENT) && !t.has(flag::LIGHT))
            .map(|t| t.concept)
            .collect();
        keys.extend(self.dates.iter().filter_map(|d| d.year).map(|y| {
            // Years are keys of their own kind, apart from words.
            hash_str("\u{1}year") ^ u64::from(y.unsigned_abs())
        }));
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    /// The distinct content concepts, sorted: what [`similarity`] compares.
    pub fn content_concepts(&self) -> Vec<u64> {
        let mut keys: Vec<u64> = self
            .tokens
            .iter()
            .filter(|t| t.has(flag::CONTENT))
            .map(|t| t.concept)
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    fn mark_sentences(&mut self) {
        self.sentence_starts.clear();
        let mut at_start = true;
        for i in 0..self.tokens.len() {
            let t = self.tokens[i];
            if t.has(flag::WORD) || t.has(flag::NUMBER) {
                if at_start {
                    self.tokens[i].flags |= flag::SENTENCE_START;
                    self.sentence_starts.push(i as u32);
                    at_start = false;
                }
            } else if t.has(flag::SENTENCE_END) {
                at_start = true;
            }
        }
        if self.sentence_starts.first() != Some(&0) {
            self.sentence_starts.insert(0, 0);
        }
    }

    fn mark_entities(&mut self) {
        let n = self.tokens.len();
        let mut i = 0;
        while i < n {
            if !self.is_name_word(i) {
                i += 1;
                continue;
            }
            let first = i;
            let mut last = i;
            let mut j = i + 1;
            // A name runs on through capitalised words, and through "of"/"de"/"al" between
            // two of them ("House of Assembly", "Abu Bakr al-Baghdadi").
            while j < n {
                if self.is_name_word(j) {
                    last = j;
                    j += 1;
                } else if self.tokens[j].has(flag::WORD)
                    && self.tokens[j].is(class::STOP)
                    && j + 1 < n
                    && self.is_name_word(j + 1)
                    && self.token_text(j).chars().all(|c| c.is_lowercase())
                    && self.token_text(j).len() <= 3
                {
                    j += 1;
                } else {
                    break;
                }
            }
            let lone_start = first == last && self.tokens[first].has(flag::SENTENCE_START);
            let acronym = self.tokens[first].has(flag::ALL_CAPS);
            let certain = !lone_start || acronym;
            // Only sure names are flagged: a lone capitalised word opening a sentence
            // ("Quarantine is compulsory") is listed but stays an ordinary word.
            let has_content = (first..=last)
                .any(|k| !self.tokens[k].has(flag::TITLE) && self.tokens[k].has(flag::CONTENT));
            if certain {
                for k in first..=last {
                    if !self.tokens[k].has(flag::TITLE) && self.tokens[k].has(flag::CONTENT) {
                        self.tokens[k].flags |= flag::ENTITY;
                    }
                }
            }
            if has_content {
                self.entities.push(Entity {
                    first: first as u32,
                    last: last as u32,
                    certain,
                });
            }
            i = last + 1;
        }
    }

    /// Whether token `i` can be part of a name: capitalised content word (or title).
    fn is_name_word(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        if !t.has(flag::WORD) || !t.has(flag::CAPITALISED) {
            return false;
        }
        if self.title_case {
            // In a headline every word is capitalised: only acronyms stand out.
            return t.has(flag::ALL_CAPS) && !all_words_caps(&self.tokens) && t.end - t.start >= 2;
        }
        if t.has(flag::TITLE) {
            return true;
        }
        if t.has(flag::SENTENCE_START) {
            // "The", "Analysts": function words and cue words opening a sentence are
            // not names.
            return t.has(flag::CONTENT)
                && t.class
                    & (class::HEDGE
                        | class::DENIAL
                        | class::SPEECH
                        | class::NEGATION
                        | class::UNCERTAIN
                        | class::MONTH)
                    == 0;
        }
        t.has(flag::CONTENT) || t.has(flag::ALL_CAPS)
    }

    fn find_cues(&mut self) {
        let n = self.tokens.len();
        let words: Vec<u64> = self.tokens.iter().map(|t| t.word).collect();
        let w = |s: &str| hash_str(s);
        let at = |i: usize, s: &str| i < n && words[i] == w(s);
        let mut cues = Vec::new();
        let push = |cues: &mut Vec<Cue>, kind, first: usize, last: usize| {
            cues.push(Cue {
                kind,
                first: first as u32,
                last: last as u32,
            })
        };
        for i in 0..n {
            let t = self.tokens[i];
            if !t.has(flag::WORD) {
                continue;
            }
            // Negation, minus the phrases where "not" negates nothing ("not only").
            if t.is(class::NEGATION) {
                let idiom = (at(i, "not")
                    && (["only", "just", "least", "counting", "including"]
                        .iter()
                        .any(|w| at(i + 1, w))
                        || (at(i + 1, "to") && at(i + 2, "mention"))))
                    || (at(i, "no") && at(i + 1, "doubt"))
                    || (i > 0 && at(i - 1, "if") && at(i, "not"));
                if !idiom {
                    push(&mut cues, CueKind::Negation, i, i);
                }
            }
            if t.is(class::NEG_VERB) && at(i + 1, "to") {
                push(&mut cues, CueKind::Negation, i, i + 1);
            }
            // "least productive" is "not productive", but "at least 5" and "not least" are
            // not negations.
            let least_idiom = at(i, "least") && i > 0 && (at(i - 1, "at") || at(i - 1, "not"));
            if t.is(class::NEG_WORD) && !least_idiom {
                push(&mut cues, CueKind::Negation, i, i);
            }
            // "has yet to decide": not decided.
            if at(i, "yet") && at(i + 1, "to") {
                push(&mut cues, CueKind::Negation, i, i + 1);
            }
            // "rather than perform": what follows is not done.
            if at(i, "rather") && at(i + 1, "than") {
                push(&mut cues, CueKind::Negation, i, i + 1);
            }
            if t.is(class::STOP_VERB)
                && i + 1 < n
                && self.tokens[i + 1].has(flag::WORD)
                && self.token_text(i + 1).ends_with("ing")
            {
                push(&mut cues, CueKind::Negation, i, i);
            }
            // Denial: "denies", "hoax"; "no evidence"; "not true"; "slams rumours".
            if t.is(class::DENIAL) {
                push(&mut cues, CueKind::Denial, i, i);
            } else if (at(i, "no") && (at(i + 1, "evidence") || at(i + 1, "truth")))
                || (at(i, "not") && (at(i + 1, "true") || at(i + 1, "real")))
            {
                push(&mut cues, CueKind::Denial, i, i + 1);
            } else if t.is(class::DISMISS) {
                let near_report =
                    (i + 1..(i + 4).min(n)).any(|j| self.tokens[j].is(class::REPORT_NOUN));
                if near_report {
                    push(&mut cues, CueKind::Denial, i, i);
                }
            }
            // Withdrawal: "quits", "drops out", "pulls out", "backs out", "passes on",
            // "turns down", "steps down", "walks away".
            if t.is(class::WITHDRAW) {
                push(&mut cues, CueKind::Withdrawal, i, i);
            } else if i + 1 < n {
                let any = |list: &[&str]| list.iter().any(|word| at(i, word));
                let phrasal = (at(i + 1, "out")
                    && any(&[
                        "drop", "drops", "dropped", "dropping", "pull", "pulls", "pulled",
                        "pulling", "back", "backs", "backed", "backing",
                    ]))
                    || (at(i + 1, "down")
                        && any(&[
                            "turn", "turns", "turned", "turning", "step", "steps", "stepped",
                            "stepping",
                        ]))
                    || (at(i + 1, "away") && any(&["walk", "walks", "walked", "walking"]))
                    || (at(i + 1, "on") && any(&["pass", "passes", "passed"]) && i + 2 < n && {
                        let next = &self.tokens[i + 2];
                        next.has(flag::WORD) && !next.has(flag::CAPITALISED)
                    });
                if phrasal {
                    push(&mut cues, CueKind::Withdrawal, i, i + 1);
                }
            }
            // Hedges.
            if t.is(class::HEDGE) && !t.is(class::DENIAL) {
                push(&mut cues, CueKind::Hedge, i, i);
            }
            if t.is(class::MODAL) && !month_like(&self.tokens, i) {
                push(&mut cues, CueKind::Hedge, i, i);
            }
            if at(i, "in") && (at(i + 1, "talks") || at(i + 1, "negotiations")) {
                push(&mut cues, CueKind::Hedge, i, i + 1);
            }
            if (at(i + 1, "to") && (at(i, "said") || at(i, "believed") || at(i, "thought")))
                || (at(i, "appears") || at(i, "seems")) && at(i + 1, "to")
            {
                push(&mut cues, CueKind::Hedge, i, i + 1);
            }
            if t.is(class::UNCERTAIN) || (at(i, "in") && at(i + 1, "doubt")) {
                push(&mut cues, CueKind::Uncertain, i, i);
            }
            // An aim or a request: "plans to sell", "asked the government to investigate".
            if t.is(class::INTENT) || t.is(class::REQUEST) {
                let reach = if t.is(class::REQUEST) { 6 } else { 1 };
                let (_, clause_end) = self.clause_of(i);
                let to = (i + 1..(i + 1 + reach).min(clause_end)).find(|&k| at(k, "to"));
                let verb_follows = to.is_some_and(|k| {
                    k + 1 < n
                        && self.tokens[k + 1].has(flag::WORD)
                        && !self.tokens[k + 1].has(flag::CAPITALISED)
                        && !self.tokens[k + 1].is(class::STOP)
                        || (at(k + 1, "be") || at(k + 1, "have"))
                });
                if let (Some(to), true) = (to, verb_follows) {
                    push(&mut cues, CueKind::Intention, i, to);
                }
            }
            if at(i, "said") || at(i, "according") || at(i, "told") || at(i, "stated") {
                push(&mut cues, CueKind::Attribution, i, i);
            }
        }
        // A question: a sentence ending in "?".
        for i in 0..n {
            if self.tokens[i].has(flag::QUESTION) {
                let (start, _) = self.sentence_of(i);
                push(&mut cues, CueKind::Hedge, start, i);
            }
        }
        // Headline attribution at the end of a sentence: "..., officials say",
        // "...: report", "... report says", "...: claims".
        for &start in &self.sentence_starts {
            let (s, e) = self.sentence_of(start as usize);
            let mut last_words = (s..e).rev().filter(|&j| self.tokens[j].has(flag::WORD));
            let Some(last) = last_words.next() else {
                continue;
            };
            let lw = self.tokens[last];
            let present_tense = lw.is(class::SPEECH)
                && !at(last, "said")
                && !at(last, "told")
                && !at(last, "reported");
            // "implicated by the report": a noun after its article, not a verb.
            let after_article = last > s
                && [
                    "the", "a", "an", "this", "that", "its", "his", "her", "their",
                ]
                .iter()
                .any(|w| at(last - 1, w));
            if present_tense && last > s && !after_article {
                push(&mut cues, CueKind::Hedge, last, last);
            }
        }
        cues.sort_by_key(|c| (c.first, c.last));
        cues.dedup();
        self.cues = cues;
    }

    /// Marks the content words a negation governs: the first three content words after
    /// the cue in its clause (the verb and what it bears on: "has not publicly
    /// commented", "won't play Steve Jobs").
    fn mark_negation_scopes(&mut self) {
        let n = self.tokens.len();
        let cues: Vec<Cue> = self
            .cues
            .iter()
            .filter(|c| c.kind == CueKind::Negation)
            .copied()
            .collect();
        for cue in cues {
            // A negation inside a condition ("if the waste is not disposed of") or a
            // counterfactual ("without it, the Earth would be ...") asserts nothing.
            // The condition may open the clause or the sentence, past brackets and quote
            // marks but not past a comma ("If they [Democrats] don't pass ...").
            let (sentence_start, sentence_end) = self.sentence_of(cue.first as usize);
            let mut condition_start = cue.first as usize;
            while condition_start > sentence_start {
                let t = &self.tokens[condition_start - 1];
                let text = self.token_text(condition_start - 1);
                if t.has(flag::CLAUSE_END) && matches!(text, "," | ";" | ":" | "—" | "–") {
                    break;
                }
                condition_start -= 1;
            }
            let conditional = (condition_start..cue.first as usize).any(|k| {
                let w = self.tokens[k].word;
                w == hash_str("if") || w == hash_str("unless") || w == hash_str("whether")
            });
            let counterfactual = self.tokens[cue.first as usize].word == hash_str("without")
                && (sentence_start..sentence_end).any(|k| self.tokens[k].word == hash_str("would"));
            if conditional || counterfactual {
                continue;
            }
            // "no" before a noun denies that noun only ("no good will come of it"), unless
            // it is "no longer" or "no more", which deny the verb.
            let cue_word = self.tokens[cue.first as usize].word;
            let noun_only = cue.first == cue.last
                && (cue_word == hash_str("no") || cue_word == hash_str("without"))
                && !self
                    .tokens
                    .get(cue.last as usize + 1)
                    .is_some_and(|t| t.word == hash_str("longer") || t.word == hash_str("more"));
            let mut j = cue.last as usize + 1;
            let mut words = 0;
            while j < n && words < 3 {
                let t = self.tokens[j];
                if t.has(flag::CLAUSE_END) {
                    break;
                }
                if t.has(flag::WORD) && t.word == hash_str("but") {
                    break;
                }
                if noun_only && words > 0 && !(t.has(flag::CONTENT) || t.has(flag::NUMBER)) {
                    break;
                }
                if t.has(flag::CONTENT) || t.has(flag::NUMBER) {
                    self.tokens[j].flags |= flag::NEGATED;
                    words += 1;
                }
                j += 1;
            }
        }
    }

    /// The cues of one kind.
    pub fn cues_of(&self, kind: CueKind) -> impl Iterator<Item = &Cue> + '_ {
        self.cues.iter().filter(move |c| c.kind == kind)
    }
}

/// "May" as a month ("in May", "May 17") rather than a modal.
fn month_like(tokens: &[Token], i: usize) -> bool {
    let next_is_number = tokens.get(i + 1).is_some_and(|t| t.has(flag::NUMBER));
    let prev_in_or_day =
        i > 0 && (tokens[i - 1].word == hash_str("in") || tokens[i - 1].has(flag::NUMBER));
    next_is_number || prev_in_or_day
}

fn all_words_caps(tokens: &[Token]) -> bool {
    let words = tokens
        .iter()
        .filter(|t| t.has(flag::WORD) && t.end - t.start >= 3);
    let (mut caps, mut total) = (0, 0);
    for t in words {
        total += 1;
        if t.has(flag::ALL_CAPS) {
            caps += 1;
        }
    }
    total > 0 && caps * 10 >= total * 7
}

/// Headline style: four in five words of four letters or more are capitalised (a
/// sentence crowded with names, "Matt Taibbi takes a leave from First Look Media", is
/// not).
fn is_title_case(tokens: &[Token]) -> bool {
    let (mut caps, mut total) = (0, 0);
    for t in tokens {
        if t.has(flag::WORD) && !t.has(flag::SENTENCE_START) && t.end - t.start >= 4 {
            total += 1;
            if t.has(flag::CAPITALISED) {
                caps += 1;
            }
        }
    }
    total >= 3 && caps * 10 >= total * 8
}

/// Splits a claim text into tokens: words (with their stem and concept), numbers and
/// punctuation. Contractions are split ("won't" -> "wo" + "n't"), possessive "'s"
/// dropped, hyphenated words split, dotted abbreviations kept whole ("U.S.").
fn tokenize(text: &str, out: &mut Vec<Token>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut lower = String::new();
    let mut stem_buf = String::new();
    let mut i = 0;
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let clen = c.len_utf8();
        if c.is_alphabetic() {
            let start = i;
            // Dotted abbreviation: "U.S.", "D.C.", "U.N."
            if let Some(end) = dotted_abbreviation(bytes, i) {
                lower.clear();
                for ch in text[start..end].chars().filter(|ch| *ch != '.') {
                    lower.extend(ch.to_lowercase());
                }
                push_word(out, text, start, end, &lower, &mut stem_buf, true);
                i = end;
                continue;
            }
            let mut end = i + clen;
            while let Some(ch) = text[end..].chars().next() {
                if ch.is_alphanumeric() {
                    end += ch.len_utf8();
                } else if is_apostrophe(ch) {
                    let after = end + ch.len_utf8();
                    match text[after..].chars().next() {
                        Some(n) if n.is_alphabetic() => end = after,
                        _ => break,
                    }
                } else {
                    break;
                }
            }
            push_word_with_contractions(out, text, start, end, &mut lower, &mut stem_buf);
            i = end;
        } else if c.is_ascii_digit() {
            let start = i;
            let mut end = i + 1;
            while end < bytes.len() {
                let b = bytes[end];
                if b.is_ascii_digit() {
                    end += 1;
                } else if (b == b',' || b == b'.')
                    && end + 1 < bytes.len()
                    && bytes[end + 1].is_ascii_digit()
                {
                    end += 2;
                } else {
                    break;
                }
            }
            lower.clear();
            lower.push_str(&text[start..end]);
            out.push(Token {
                start: start as u32,
                end: end as u32,
                word: hash_str(&lower),
                stem: hash_str(&lower),
                concept: hash_str(&lower),
                prefix: 0,
                root: hash_str(&lower),
                broader: [0; 3],
                class: 0,
                flags: flag::NUMBER,
            });
            i = end;
        } else if c.is_whitespace() {
            i += clen;
        } else {
            let flags = match c {
                '.' | '!' => flag::PUNCT | flag::CLAUSE_END | sentence_end_after(out, text),
                '?' => flag::PUNCT | flag::CLAUSE_END | flag::SENTENCE_END | flag::QUESTION,
                ',' | ';' | ':' | '(' | ')' | '[' | ']' | '—' | '–' | '|' => {
                    flag::PUNCT | flag::CLAUSE_END
                }
                '-' => {
                    // A hyphen between words joins them ("fence-jumper"); a spaced one
                    // separates clauses ("Apple Watch - report").
                    let spaced = text[..i].ends_with(' ') || text[i + 1..].starts_with(' ');
                    if spaced {
                        flag::PUNCT | flag::CLAUSE_END
                    } else {
                        i += clen;
                        continue;
                    }
                }
                '%' => {
                    push_word(out, text, i, i + 1, "percent", &mut stem_buf, false);
                    i += clen;
                    continue;
                }
                '$' | '£' | '€' | '¥' => {
                    let code = match c {
                        '$' => "usd",
                        '£' => "gbp",
                        '€' => "eur",
                        _ => "jpy",
                    };
                    push_word(out, text, i, i + clen, code, &mut stem_buf, false);
                    i += clen;
                    continue;
                }
                _ => flag::PUNCT,
            };
            out.push(Token {
                start: i as u32,
                end: (i + clen) as u32,
                word: 0,
                stem: 0,
                concept: 0,
                prefix: 0,
                root: 0,
                broader: [0; 3],
                class: 0,
                flags,
            });
            i += clen;
        }
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ')
}

/// The end of a dotted abbreviation starting at `i` ("U.S." -> after the second dot),
/// if there is one: at least two single letters each followed by a dot.
fn dotted_abbreviation(bytes: &[u8], i: usize) -> Option<usize> {
    let mut j = i;
    let mut groups = 0;
    while j + 1 < bytes.len() && bytes[j].is_ascii_alphabetic() && bytes[j + 1] == b'.' {
        groups += 1;
        j += 2;
    }
    if groups >= 2 && !(j < bytes.len() && bytes[j].is_ascii_alphabetic()) {
        Some(j)
    } else {
        None
    }
}

/// A "." ends a sentence unless it follows an abbreviation or an initial.
fn sentence_end_after(out: &[Token], text: &str) -> u16 {
    let Some(prev) = out.last() else {
        return flag::SENTENCE_END;
    };
    if !prev.has(flag::WORD) {
        return flag::SENTENCE_END;
    }
    let word = &text[prev.start as usize..prev.end as usize];
    let single_letter = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let abbreviation = matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Prof"
            | "Capt"
            | "Gen"
            | "Col"
            | "Lt"
            | "Sgt"
            | "Gov"
            | "Sen"
            | "Rep"
            | "St"
            | "Jr"
            | "Sr"
            | "Inc"
            | "Ltd"
            | "Co"
            | "Corp"
            | "vs"
            | "No"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "E"
            | "W"
            | "N"
            | "S"
            | "Mt"
            | "Ft"
    );
    if single_letter || abbreviation || prev.has(flag::TITLE) && word.len() <= 4 {
        0
    } else {
        flag::SENTENCE_END
    }
}

fn push_word_with_contractions(
    out: &mut Vec<Token>,
    text: &str,
    start: usize,
    end: usize,
    lower: &mut String,
    stem_buf: &mut String,
) {
    lower.clear();
    for ch in text[start..end].chars() {
        if is_apostrophe(ch) {
            lower.push('\'');
        } else {
            lower.extend(ch.to_lowercase());
        }
    }
    if let Some(base) = lower.strip_suffix("n't") {
        // "won't" -> "will" + "n't"; "can't" -> "can" + "n't"; "hadn't" -> "had" + "n't".
        let base = match base {
            "wo" => "will",
            "ca" => "can",
            "sha" => "shall",
            b => b,
        }
        .to_owned();
        // Byte offset of "n't" in the original text: the last three characters.
        let mut split = end;
        for _ in 0..3 {
            split -= text[..split].chars().next_back().map_or(1, char::len_utf8);
        }
        if !base.is_empty() {
            push_word(out, text, start, split, &base, stem_buf, false);
        }
        push_word(out, text, split, end, "n't", stem_buf, false);
        return;
    }
    if let Some(pos) = lower.rfind('\'') {
        let suffix = &lower[pos + 1..];
        if matches!(suffix, "s" | "re" | "ve" | "ll" | "d" | "m") {
            let base = lower[..pos].to_owned();
            // Keep the base's span; the suffix is dropped.
            let base_end = start
                + text[start..end]
                    .char_indices()
                    .rfind(|(_, c)| is_apostrophe(*c))
                    .map_or(end - start, |(k, _)| k);
            push_word(out, text, start, base_end, &base, stem_buf, false);
            return;
        }
    }
    let owned = std::mem::take(lower);
    push_word(out, text, start, end, &owned, stem_buf, false);
    *lower = owned;
}

/// Pushes one word token, classifying it through the lexicon.
fn push_word(
    out: &mut Vec<Token>,
    text: &str,
    start: usize,
    end: usize,
    lower: &str,
    stem_buf: &mut String,
    abbreviation: bool,
) {
    let lex = lexicon();
    let surface = &text[start..end];
    let mut letters = surface.chars().filter(|c| c.is_alphabetic());
    let first_upper = surface.chars().next().is_some_and(char::is_uppercase);
    let letter_count = surface.chars().filter(|c| c.is_alphabetic()).count();
    let all_caps = letter_count >= 2 && letters.all(char::is_uppercase);
    let word = hash_str(lower);
    let mut class = lex.word_class(word);
    // "US" in capitals is the country, not the pronoun; "IT", "WHO" likewise.
    if all_caps
        && (abbreviation || letter_count <= 4)
        && class & class::STOP != 0
        && !surface.contains('\'')
    {
        class = 0;
    }
    stem_into(lower, stem_buf);
    let stem = hash_str(stem_buf);
    let concept = lex.concept(stem);
    let root_stem = derivation_root(stem_buf);
    let root = if let Some(verb) = sion_verb(lower, stem_buf) {
        // "invasion" -> "invad", "collusion" -> "collud": the verb's stem.
        lex.concept(hash_str(&verb))
    } else if root_stem.len() == stem_buf.len() {
        concept
    } else {
        lex.concept(hash_str(root_stem))
    };
    let broader = lex.broader(concept);
    let mut flags = flag::WORD;
    if first_upper {
        flags |= flag::CAPITALISED;
    }
    if all_caps || abbreviation {
        flags |= flag::ALL_CAPS | flag::CAPITALISED;
    }
    if class & class::STOP == 0 {
        flags |= flag::CONTENT;
    }
    if class & class::LIGHT != 0 || lex.is_light_stem(stem) {
        flags |= flag::LIGHT;
    }
    if class & class::TITLE != 0 {
        flags |= flag::TITLE;
    }
    let prefix = if flags & flag::CAPITALISED != 0 && stem_buf.chars().count() >= 4 {
        let p: String = stem_buf.chars().take(4).collect();
        hash_str(&p)
    } else {
        0
    };
    out.push(Token {
        start: start as u32,
        end: end as u32,
        word,
        stem,
        concept,
        prefix,
        root,
        broader,
        class,
        flags,
    });
}

/// The verb stem behind a noun in "-sion" whose stem ends in a vowel and "s": "invasion"
/// (stem "invas") -> "invad", "decision" -> "decid", "provision" -> "provid".
fn sion_verb(lower: &str, stem: &str) -> Option<String> {
    if !lower.ends_with("sion") || !stem.is_ascii() {
        return None;
    }
    let base = stem.strip_suffix('s')?;
    let vowel_before = base
        .as_bytes()
        .last()
        .is_some_and(|c| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u'));
    (vowel_before && base.len() >= 3).then(|| format!("{base}d"))
}

/// Month number of a token, if it is a month name.
pub fn token_month(text: &str, t: &Token) -> Option<u8> {
    if !t.is(class::MONTH) {
        return None;
    }
    let s = &text[t.start as usize..t.end as usize];
    month_number(&s.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(f: &ClaimFeatures) -> Vec<&str> {
        (0..f.tokens.len())
            .filter(|&i| !f.tokens[i].has(flag::PUNCT))
            .map(|i| f.token_text(i))
            .collect()
    }

    #[test]
    fn a_run_on_text_is_cut_at_a_word_boundary() {
        let long = "the council approved ".repeat(2_000);
        let f = ClaimFeatures::new(&long);
        assert!(f.text().len() <= MAX_FEATURE_BYTES);
        assert!(long.starts_with(f.text()) && f.text().ends_with(['l', 'd', 'e']));
        let accents = "é".repeat(MAX_FEATURE_BYTES);
        assert!(ClaimFeatures::new(&accents).text().len() <= MAX_FEATURE_BYTES);
        let short = "The council approved the plan.";
        assert_eq!(ClaimFeatures::new(short).text(), short);
    }

    #[test]
    fn tokens_split_contractions_and_keep_abbreviations() {
        let f = ClaimFeatures::new("Christian Bale won't play the U.S. role, Bush's aide said.");
        assert_eq!(
            words(&f),
            [
                "Christian",
                "Bale",
                "wo",
                "n't",
                "play",
                "the",
                "U.S.",
                "role",
                "Bush",
                "aide",
                "said"
            ]
        );
    }

    #[test]
    fn negation_scope_covers_the_verb_after_it() {
        let f = ClaimFeatures::new("The minister has not commented on the report.");
        let commented = (0..f.tokens.len())
            .find(|&i| f.token_text(i) == "commented")
            .unwrap();
        assert!(f.tokens[commented].has(flag::NEGATED));
        let minister = (0..f.tokens.len())
            .find(|&i| f.token_text(i) == "minister")
            .unwrap();
        assert!(!f.tokens[minister].has(flag::NEGATED));
    }

    #[test]
    fn entities_are_capitalised_runs() {
        let f = ClaimFeatures::new("The House of Assembly of Newfoundland voted, said Victor Cha.");
        let names: Vec<&str> = f
            .entities
            .iter()
            .map(|e| f.span_text(e.first as usize, e.last as usize))
            .collect();
        assert_eq!(names, ["House of Assembly of Newfoundland", "Victor Cha"]);
    }

    #[test]
    fn headlines_are_recognised() {
        let f = ClaimFeatures::new("Christian Bale Drops Out Of Steve Jobs Biopic");
        assert!(f.title_case);
        assert!(f.cues_of(CueKind::Withdrawal).count() == 1);
        let g = ClaimFeatures::new("Christian Bale drops out of the Steve Jobs film");
        assert!(!g.title_case);
    }

    #[test]
    fn hedges_and_denials_are_found() {
        let f = ClaimFeatures::new("ISIS leader injured in air strike, Iraqi officials say");
        assert_eq!(f.cues_of(CueKind::Hedge).count(), 1);
        let g = ClaimFeatures::new("Is Kim Jong Un's sister in charge?");
        assert_eq!(g.cues_of(CueKind::Hedge).count(), 1);
        let h = ClaimFeatures::new("IBM denies layoff rumours");
        assert_eq!(h.cues_of(CueKind::Denial).count(), 1);
        let k = ClaimFeatures::new("Raven-Symone slams rumours that Cosby molested her");
        assert_eq!(k.cues_of(CueKind::Denial).count(), 1);
    }

    #[test]
    fn index_keys_are_sorted_and_unique() {
        let f = ClaimFeatures::new("China deepened ties with China in 2022.");
        let keys = f.index_keys();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(keys, sorted);
        assert!(!keys.is_empty());
    }

    #[test]
    fn empty_and_odd_text_do_not_panic() {
        for text in [
            "", " ", "?", "'", "n't", "—", "U.S", "1,", "$", "é’s", "A. B. C.",
        ] {
            let f = ClaimFeatures::new(text);
            let _ = f.index_keys();
        }
    }
}
