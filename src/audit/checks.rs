//! The rules that read the draft itself (the store-backed ones are in `store.rs`).
//!
//! Each rule reads the text (words outside quotation marks, the quotation marks and the
//! attribution around them) and the extraction (claims, their sources and cues), so that
//! a rule still works where attribution missed something.

use super::config::AuditConfig;
use super::lexicon::{
    ANONYMOUS_DESCRIPTIONS, ANONYMOUS_HEADS, BACKGROUND_VERBS, DEFINITE, EVENT_VERBS, INDEFINITE,
    Lexicon, MAGNITUDE_WORDS, MONTHS, NUMBER_WORDS, REASON_CONNECTORS, WEAK_ANONYMOUS_HEADS,
    WEEKDAYS, is_vague_group,
};
use super::rules::{Level, Rule};
use super::speakers::{self, Speaker, SpeakerKind, is_quote_cue, is_source_cue};
use super::text::{Text, TokenKind};
use super::{RawFinding, ellipsis};
use crate::attribution::SourceKind;
use crate::extract::Extraction;
use crate::span::Span;
use std::collections::BTreeMap;

/// Everything the rules share about one draft.
pub struct Analysis<'a, 't> {
    pub text: &'a Text<'t>,
    pub extraction: &'a Extraction,
    pub lexicon: &'a Lexicon,
    pub config: &'a AuditConfig,
    /// Claim indexes of each sentence.
    claims_by_sentence: Vec<Vec<usize>>,
    /// Whether each sentence is a fragment (per extraction).
    fragment: Vec<bool>,
    /// Speakers found in the text next to cues, in order.
    pub speakers: Vec<Speaker>,
    /// Unnamed sources found (for counting a story's sources): key and span.
    anonymous: Vec<(String, Span)>,
    pub findings: Vec<RawFinding>,
    /// `anonymity_reason` of each sentence asked about: each unnamed source of a
    /// sentence asks again, and recomputing it scanned the sentence each time
    /// (quadratic in a long sentence of many "officials").
    anonymity_reasons: std::cell::RefCell<std::collections::HashMap<usize, (bool, bool)>>,
    /// The opinion words of each sentence asked about (`opinion_in`), for the same reason.
    opinions: std::cell::RefCell<std::collections::HashMap<usize, Vec<Span>>>,
}

/// What kind of checkable fact a sentence states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Signal {
    Figure,
    Date,
    Event,
    Cause,
    /// A number in words ("two people"): a figure only with another signal.
    Count,
}

impl Signal {
    fn name(self) -> &'static str {
        match self {
            Signal::Figure | Signal::Count => "figure",
            Signal::Date => "date",
            Signal::Event => "event",
            Signal::Cause => "causal claim",
        }
    }
}

impl<'a, 't> Analysis<'a, 't> {
    pub fn new(
        text: &'a Text<'t>,
        extraction: &'a Extraction,
        lexicon: &'a Lexicon,
        config: &'a AuditConfig,
    ) -> Analysis<'a, 't> {
        let n = text.sentences.len();
        let mut claims_by_sentence = vec![Vec::new(); n];
        for (i, claim) in extraction.claims.iter().enumerate() {
            let s = text.sentence_at(claim.span.start).unwrap_or(claim.sentence);
            if let Some(list) = claims_by_sentence.get_mut(s) {
                list.push(i);
            }
        }
        let fragment = text
            .sentences
            .iter()
            .map(|s| {
                extraction
                    .fragments
                    .iter()
                    .any(|f| f.overlaps(*s) && 2 * overlap(*f, *s) >= s.len())
            })
            .collect();
        Analysis {
            text,
            extraction,
            lexicon,
            config,
            claims_by_sentence,
            fragment,
            speakers: speakers::find_speakers(text),
            anonymous: Vec::new(),
            findings: Vec::new(),
            anonymity_reasons: Default::default(),
            opinions: Default::default(),
        }
    }

    pub fn run(&mut self) {
        let enabled = |r| self.config.enabled(r);
        // Always run, and first: it also finds the unnamed sources the story counts and
        // that the vague rule leaves to it.
        self.anonymous_sources();
        if enabled(Rule::VagueAttribution) {
            self.vague_attribution();
        }
        if enabled(Rule::LoadedVerb) {
            self.loaded_verbs();
        }
        if enabled(Rule::QuoteWithoutSpeaker) {
            self.quotes_without_speaker();
        }
        if enabled(Rule::UnclosedQuote) {
            self.unclosed_quotes();
        }
        if enabled(Rule::UnsourcedClaim) {
            self.unsourced_claims();
        }
        if enabled(Rule::SingleSource) {
            self.single_source_story();
        }
    }

    fn push(&mut self, rule: Rule, level: Level, span: Span, subject: Span, message: String) {
        if !self.config.enabled(rule) || self.text.in_comment(span.start) {
            return;
        }
        let level = match self.config.setting(rule) {
            super::config::Setting::Level(l) if self.config.level_is_configured(rule) => l,
            _ => level,
        };
        self.findings.push(RawFinding {
            rule,
            level,
            span,
            subject: super::subject_prefix(self.text.slice(subject)).to_owned(),
            message,
            speaker: None,
            related: None,
        });
    }

    fn words_in_sentence(&self, s: usize) -> (usize, usize) {
        let mut words = 0;
        let mut quoted = 0;
        for i in self.text.sentence_range(s) {
            let t = &self.text.tokens[i];
            if t.is_word() {
                words += 1;
                if t.in_quote {
                    quoted += 1;
                }
            }
        }
        (words, quoted)
    }

    fn sentence_has_source_cue(&self, s: usize) -> bool {
        let t = self.text;
        t.sentence_range(s).any(|i| {
            is_source_cue(t, i)
                || (t.word_in(i, super::lexicon::DOCUMENT_NOUNS)
                    && !t.tokens[i].in_quote
                    && i >= 2
                    && t.word_in(
                        i - 1,
                        &[
                            "the", "a", "an", "its", "his", "her", "their", "this", "that", "same",
                        ],
                    )
                    && t.word_in(i - 2, &["in", "from", "by", "under", "per", "to"]))
        })
    }

    /// Whether sentence `s`, with the sentences it was wrongly split from (after "Mr." or
    /// an initial), has a source cue.
    fn split_sentence_has_cue(&self, s: usize) -> bool {
        let t = self.text;
        let split_after = |k: usize| {
            let range = t.sentence_range(k);
            range.end > range.start
                && t.tokens[range.end - 1].is_punct('.')
                && !self.ends_sentence(range.end - 1)
        };
        let mut first = s;
        while first > 0 && split_after(first - 1) && first + 3 > s {
            first -= 1;
        }
        let mut last = s;
        while last + 1 < t.sentences.len() && split_after(last) && last < s + 3 {
            last += 1;
        }
        (first..=last).any(|k| self.sentence_has_source_cue(k))
    }

    /// Whether sentence `s` continues an attributed sentence: it follows one in the same
    /// paragraph and opens with a pronoun that refers back ("It also found ...", "These
    /// include ...").
    fn continues_attribution(&self, s: usize) -> bool {
        let t = self.text;
        if s == 0 || t.paragraphs.get(s) != t.paragraphs.get(s - 1) {
            return false;
        }
        let prev_attributed = self.sentence_has_source_cue(s - 1)
            || self.claims_by_sentence[s - 1]
                .iter()
                .any(|&c| self.extraction.claims[c].source.is_some());
        let first = t.sentence_range(s).find(|&i| t.tokens[i].is_word());
        prev_attributed
            && first.is_some_and(|i| {
                t.word_in(
                    i,
                    &["it", "they", "he", "she", "these", "this", "those", "that"],
                )
            })
    }

    fn token_span(&self, a: usize, b: usize) -> Span {
        Span::new(self.text.tokens[a].span.start, self.text.tokens[b].span.end)
    }

    fn prev_word_is(&self, i: usize, words: &[&str]) -> bool {
        i > 0 && self.text.word_in(i - 1, words)
    }

    // ---- vague-attribution -------------------------------------------------------

    fn vague_attribution(&mut self) {
        let mut flagged: Vec<Span> = Vec::new();
        for s in 0..self.text.sentences.len() {
            let range = self.text.sentence_range(s);
            let mut found = Vec::new();
            for m in self.lexicon.vague.find_all(self.text, range.clone(), true) {
                if self.prev_word_is(m.start, DEFINITE)
                    || self.identified_before(m.start, range.start)
                {
                    continue;
                }
                // "according to analysts at Capital Economics" names them.
                if self.text.word_in(
                    m.end,
                    &[
                        "at",
                        "from",
                        "with",
                        "of",
                        "in",
                        "for",
                        "including",
                        "such",
                        "like",
                    ],
                ) && m.end + 1 < range.end
                    && self.text.is_capitalised(m.end + 1)
                {
                    continue;
                }
                found.push(m);
            }
            for m in self
                .lexicon
                .vague_inverted
                .find_all(self.text, range.clone(), true)
            {
                let after_break = m.start > range.start && {
                    let p = &self.text.tokens[m.start - 1];
                    matches!(p.kind, TokenKind::Punct(',' | '”' | '"' | '—' | '–'))
                };
                if after_break {
                    found.push(m);
                }
            }
            for m in found {
                let span = self.token_span(m.start, m.end - 1);
                if flagged.iter().any(|f| f.overlaps(span)) {
                    continue;
                }
                flagged.push(span);
                let phrase = self.text.slice(span);
                let message = format!(
                    "vague attribution “{phrase}”: say who exactly (name them, or say which and how many), or state it as the paper's own analysis"
                );
                let subject = self.text.sentences[s];
                self.push(
                    Rule::VagueAttribution,
                    Level::Warning,
                    span,
                    subject,
                    message,
                );
            }
        }
        // Vague sources that extraction found and the phrase list does not know.
        for claim in &self.extraction.claims {
            let Some(source) = &claim.source else {
                continue;
            };
            if source.kind != SourceKind::Vague {
                continue;
            }
            let Some(span) = source.span else { continue };
            // Only unidentified groups: not "the economists" (named just before), not
            // "the county coroner", not unnamed officials (anonymous-source's).
            let head_is_anonymous = self
                .mention_head(span)
                .is_some_and(|h| self.text.word_in(h, ANONYMOUS_HEADS));
            if !self.mention_is_unidentified(span)
                || !self.mention_is_vague_group(span)
                || head_is_anonymous
                || self.anonymous.iter().any(|(_, a)| a.overlaps(span))
            {
                continue;
            }
            if flagged.iter().any(|f| f.overlaps(span))
                || self
                    .text
                    .quote_at(span.start)
                    .is_some_and(|q| q.inner.contains(span))
            {
                continue;
            }
            let sentence = self.text.sentence_at(span.start);
            if sentence.is_some_and(|s| flagged.iter().any(|f| self.text.sentences[s].contains(*f)))
            {
                continue;
            }
            flagged.push(span);
            let message = format!(
                "vague source “{}”: say who exactly (name them, or say which and how many)",
                self.text.slice(span)
            );
            let subject = sentence.map_or(span, |s| self.text.sentences[s]);
            self.findings_push_vague(span, subject, message);
        }
    }

    /// Whether a mention names a group the way vague attributions do: a quantifier or a
    /// known group word ("some sheriffs", "immigration advocates"), in a few words.
    fn mention_is_vague_group(&self, span: Span) -> bool {
        let t = self.text;
        let first = t.tokens.partition_point(|tk| tk.span.start < span.start);
        let last = t.tokens.partition_point(|tk| tk.span.start < span.end);
        let words: Vec<usize> = (first..last).filter(|&i| t.tokens[i].is_word()).collect();
        words.len() <= 8
            && words.iter().any(|&i| {
                t.word_in(i, &["some", "many", "most", "several", "few", "others"])
                    || super::lexicon::is_vague_group(t.tok(i))
            })
    }

    /// The last word of a source mention.
    fn mention_head(&self, span: Span) -> Option<usize> {
        let t = self.text;
        let first = t.tokens.partition_point(|tk| tk.span.start < span.start);
        let last = t.tokens.partition_point(|tk| tk.span.start < span.end);
        (first..last).rev().find(|&i| t.tokens[i].is_word())
    }

    /// Whether a source mention extraction found reads as unidentified: it opens with an
    /// indefinite word ("a", "some", "two") or is a bare plural ("officials"), and is not
    /// a name, a pronoun or a definite description ("the county coroner").
    fn mention_is_unidentified(&self, span: Span) -> bool {
        let t = self.text;
        let first = t.tokens.partition_point(|tk| tk.span.start < span.start);
        let last = t.tokens.partition_point(|tk| tk.span.start < span.end);
        let words: Vec<usize> = (first..last).filter(|&i| t.tokens[i].is_word()).collect();
        let (Some(&a), Some(&head)) = (words.first(), words.last()) else {
            return false;
        };
        if t.word_in(a, DEFINITE) || t.word_in(a, super::lexicon::PRONOUNS) {
            return false;
        }
        if t.word_in(a, INDEFINITE) {
            return true;
        }
        let sentence_start = t
            .sentence_at(t.tokens[a].span.start)
            .and_then(|s| t.sentence_range(s).find(|&i| t.tokens[i].is_word()))
            == Some(a);
        let named = words
            .iter()
            .any(|&i| t.is_capitalised(i) && !(i == a && sentence_start));
        !named && t.tok(head).ends_with('s')
    }

    fn findings_push_vague(&mut self, span: Span, subject: Span, message: String) {
        self.push(
            Rule::VagueAttribution,
            Level::Warning,
            span,
            subject,
            message,
        );
    }

    /// "Goldman Sachs analysts say": a named body before the group identifies it. A
    /// single adjective of place ("Western analysts") does not.
    fn identified_before(&self, i: usize, floor: usize) -> bool {
        if i <= floor || !self.text.is_capitalised(i - 1) {
            return false;
        }
        let word = self.text.tok(i - 1);
        let place_adjective = [
            "ern", "ean", "ian", "can", "ese", "ish", "ch", "ic", "i", "an",
        ]
        .iter()
        .any(|suffix| word.ends_with(suffix));
        !place_adjective
            && !self
                .text
                .word_in(i - 1, &["Some", "Many", "Most", "Several", "Other"])
    }

    // ---- loaded-verb -------------------------------------------------------------

    fn loaded_verbs(&mut self) {
        let mut flagged: Vec<Span> = Vec::new();
        for s in 0..self.text.sentences.len() {
            let range = self.text.sentence_range(s);
            for m in self.lexicon.loaded.find_all(self.text, range.clone(), true) {
                if !self.is_attribution_use(m.start, m.end, range.clone()) {
                    continue;
                }
                let span = self.token_span(m.start, m.end - 1);
                flagged.push(span);
                self.push_loaded(span, self.text.sentences[s]);
            }
        }
        // Cues extraction found that are loaded (a config verb in a form the text rule
        // does not read as attribution, for instance).
        let mut extra = Vec::new();
        for claim in &self.extraction.claims {
            let Some(cue) = &claim.cue else { continue };
            let Some(span) = cue.span else { continue };
            if flagged.iter().any(|f| f.overlaps(span))
                || extra.iter().any(|f: &Span| f.overlaps(span))
            {
                continue;
            }
            let mut buf = String::new();
            let first = self
                .text
                .tokens
                .partition_point(|t| t.span.start < span.start);
            if self
                .lexicon
                .loaded
                .match_at(self.text, first, true, &mut buf)
                .is_some()
                && !self.is_noun_use(first)
                && !self.text.sentence_at(span.start).is_some_and(|s| {
                    self.is_formal_allegation(first, self.text.sentence_range(s).start)
                })
            {
                extra.push(span);
            }
        }
        for span in extra {
            let subject = self
                .text
                .sentence_at(span.start)
                .map_or(span, |s| self.text.sentences[s]);
            self.push_loaded(span, subject);
        }
    }

    fn push_loaded(&mut self, span: Span, subject: Span) {
        let verb = self.text.slice(span);
        let lower = verb.to_lowercase();
        let note = if lower.starts_with("alleg") {
            " (keep “alleged” only for a formal accusation, such as a charge or a lawsuit)"
        } else if lower.starts_with("claim") {
            " (it casts doubt on the speaker)"
        } else if lower.starts_with("admit")
            || lower.starts_with("conce")
            || lower.starts_with("confess")
        {
            " (it presents the statement as a confession)"
        } else if lower.starts_with("insist") {
            " (it presents the speaker as stubborn)"
        } else {
            ""
        };
        let message = format!(
            "loaded attribution verb “{verb}”{note}: use “said” unless that judgement is the point and is supported"
        );
        self.push(Rule::LoadedVerb, Level::Warning, span, subject, message);
    }

    /// "The indictment alleged": a formal accusation, where "alleged" is the right word.
    fn is_formal_allegation(&self, i: usize, sentence_start: usize) -> bool {
        self.text.tok(i).to_lowercase().starts_with("alleg")
            && (i.saturating_sub(8).max(sentence_start)..i)
                .any(|k| self.text.word_in(k, super::lexicon::LEGAL_SUBJECTS))
    }

    /// Whether the loaded word at token `i` is a noun by the word before it: a
    /// determiner ("the claims"), a possessive ("a woman's claims", "Trump's claims"),
    /// an adjective ("dramatic claims", "false claims") or a verb taking it as its object
    /// ("said claims that", "made claims"). A subject before a verb is a name, a pronoun
    /// or a noun, which none of these are.
    fn is_noun_use(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        if self.prev_word_is(i, DEFINITE) || self.prev_word_is(i, INDEFINITE) {
            return true;
        }
        let t = self.text;
        let p = i - 1;
        let prev = t.tok(p);
        let possessive = ["'s", "’s", "s'", "s’"].iter().any(|e| prev.ends_with(e))
            || !t.tokens[p].is_word() && matches!(prev, "'" | "’")
            || t.word_in(p, &["whose"]);
        if possessive {
            return true;
        }
        if !t.tokens[p].is_word() || t.is_capitalised(p) {
            return false;
        }
        let lower = prev.to_lowercase();
        // Endings of adjectives only: "-al", "-ic" and "-ive" also end people who speak
        // ("the official", "a critic", "the executive").
        const ADJECTIVE_ENDINGS: &[&str] = &["ous", "less", "ful", "able", "ible"];
        #[rustfmt::skip]
        const BEFORE_A_NOUN: &[&str] = &[
            "said", "says", "say", "made", "make", "makes", "making", "repeated", "rejected",
            "denied", "denies", "dismissed", "disputed", "investigated", "investigating",
            "examined", "backed", "supported", "such", "false", "new", "wild", "dramatic",
            "similar", "unfounded", "unproven", "unsubstantiated", "competing", "earlier",
            "previous", "latest", "further", "more", "any", "no",
        ];
        BEFORE_A_NOUN.contains(&lower.as_str())
            || lower.len() > 5 && ADJECTIVE_ENDINGS.iter().any(|e| lower.ends_with(e))
    }

    /// Whether the loaded word at tokens `[i, end)` is used as an attribution verb
    /// ("he claimed that", "“...,” she insisted") and not otherwise ("claimed three
    /// lives", "admitted to hospital", "the alleged attacker", "his claims").
    fn is_attribution_use(&self, i: usize, end: usize, range: std::ops::Range<usize>) -> bool {
        let t = self.text;
        let word = t.tok(i).to_lowercase();
        if self.is_noun_use(i) {
            return false;
        }
        if i > range.start
            && t.word_in(
                i - 1,
                &["to", "be", "been", "being", "was", "were", "is", "are"],
            )
        {
            // "was alleged to", "is claimed": passive and infinitive uses.
            return false;
        }
        let next = end;
        let next_word = |k: usize| k < range.end && t.tokens[k].is_word();
        if word.starts_with("claim")
            && (t.word_in(
                next,
                &[
                    "responsibility",
                    "credit",
                    "victory",
                    "lives",
                    "life",
                    "title",
                    "asylum",
                    "benefits",
                    "benefit",
                    "compensation",
                    "damages",
                    "ownership",
                    "sovereignty",
                    "territory",
                    "seat",
                    "seats",
                    "success",
                    "record",
                    "share",
                    "the",
                    "a",
                    "an",
                    "his",
                    "her",
                    "their",
                    "its",
                    "of",
                    "to",
                    "on",
                    "against",
                    "for",
                ],
            ) && !self.clause_follows(next + 1, range.end)
                || next < range.end
                    && t.tokens[next].is_word()
                    && t.tok(next).starts_with(|c: char| c.is_ascii_digit()))
        {
            return false;
        }
        if self.is_formal_allegation(i, range.start) {
            return false;
        }
        if word.starts_with("admit") && t.word_in(next, &["to"]) {
            // "admitted to hospital" is not speech; "admitted to lying" is.
            return next + 1 < range.end && t.tok(next + 1).ends_with("ing");
        }
        if word.starts_with("insist") && t.word_in(next, &["on", "upon"]) {
            return false;
        }
        if word.starts_with("claim") && next_word(next) && t.word_in(next, &["that"]) {
            return true;
        }
        if t.word_in(next, &["that"]) {
            return true;
        }
        if next < range.end && matches!(t.tokens[next].kind, TokenKind::Punct(':')) {
            return true;
        }
        // "..., he claimed." / "“...,” claimed Smith" / "he claimed, ..."
        let before_subject = i > range.start && {
            let p = i - 1;
            let tok = &t.tokens[p];
            let subject = tok.is_word() && (speakers::is_pronoun(t.tok(p)) || t.is_capitalised(p));
            let punct_before = |k: usize| {
                k > range.start
                    && matches!(
                        t.tokens[k - 1].kind,
                        TokenKind::Punct(',' | '”' | '"' | '—')
                    )
            };
            (subject && punct_before(p)) || matches!(tok.kind, TokenKind::Punct(',' | '”' | '"'))
        };
        let at_clause_end = next >= range.end
            || matches!(
                t.tokens[next].kind,
                TokenKind::Punct('.' | ',' | ';' | '!' | '?')
            );
        if before_subject && (at_clause_end || t.is_capitalised(next) || t.word_in(next, &["the"]))
        {
            return true;
        }
        if at_clause_end && i > range.start && t.tokens[i - 1].is_word() {
            // "Smith insisted." ends a sentence that reports speech.
            return t.is_capitalised(i - 1) || speakers::is_pronoun(t.tok(i - 1));
        }
        // "He insisted the plan would work": a clause with a finite verb follows.
        next_word(next) && self.clause_follows(next, range.end)
    }

    /// Whether a clause with a finite verb starts within a few words from `k`.
    fn clause_follows(&self, k: usize, end: usize) -> bool {
        const FINITE: &[&str] = &[
            "is", "was", "were", "are", "had", "has", "have", "would", "will", "could", "can",
            "should", "might", "must", "did", "does", "do", "won't", "wasn't", "isn't", "hadn't",
            "didn't", "never", "may",
        ];
        (k..(k + 6).min(end))
            .take_while(|&j| self.text.tokens[j].is_word() && !self.text.tokens[j].in_quote)
            .any(|j| self.text.word_in(j, FINITE))
    }

    // ---- anonymous-source, anonymous-opinion, single-source (claims) -----------------

    fn anonymous_sources(&mut self) {
        let t = self.text;
        let n = t.tokens.len();
        let mut seen_heads: Vec<Span> = Vec::new();
        for i in 0..n {
            let tok = t.tokens[i];
            if !tok.is_word() || tok.in_quote || tok.sentence == super::text::NO_SENTENCE {
                continue;
            }
            if !t.word_in(i, ANONYMOUS_HEADS) {
                continue;
            }
            let s = tok.sentence;
            let range = t.sentence_range(s);
            let Some(np) = self.anonymous_phrase(i, range.clone()) else {
                continue;
            };
            if self.describes_someone_else(np.start, range.start) {
                continue;
            }
            let Some(cue) = self.speaks(np.start, np.head, np.end, range.clone()) else {
                continue;
            };
            if self.named_after(np.end, range.end) || self.extraction_names(s, np.span) {
                continue;
            }
            if seen_heads.iter().any(|h| h.overlaps(np.span)) {
                continue;
            }
            seen_heads.push(np.span);
            let described = self.text.slice(np.span).to_owned();
            self.anonymous
                .push((format!("unnamed:{}", described.to_lowercase()), np.span));
            let subject = t.sentences[s];
            let (reason, request) = self.anonymity_reason(s);
            if !reason && self.config.enabled(Rule::AnonymousSource) {
                let bare = np.bare;
                // "A source close to the negotiations said": one unnamed source, however
                // described, is an error (PRODUCT.md); other unnamed sources warn.
                let single = !np.plural && t.word_in(np.head, &["source"]);
                let level = if bare || single {
                    Level::Error
                } else {
                    Level::Warning
                };
                let message = if request {
                    format!(
                        "unnamed source “{described}” is granted anonymity without a reason: say why they could not be named (“... because they were not authorised to speak publicly”)"
                    )
                } else if bare {
                    format!(
                        "“{described}” tells the reader nothing: name the source, or describe their position and say why they cannot be named"
                    )
                } else if single {
                    format!(
                        "“{described}” is a single unnamed source with no reason for anonymity: name them, or say why they could not be named (“who was not authorised to speak publicly”)"
                    )
                } else {
                    format!(
                        "unnamed source “{described}” with no reason for anonymity: name them, or say why they could not be named (“who was not authorised to speak publicly”)"
                    )
                };
                self.push(Rule::AnonymousSource, level, np.span, subject, message);
            }
            if self.config.enabled(Rule::AnonymousOpinion)
                && let Some(word) = self.opinion_in(s, np.span)
            {
                let message = format!(
                    "unnamed source “{described}” is used for opinion or attack (“{word}”): name the source, or keep only the verifiable information"
                );
                self.push(
                    Rule::AnonymousOpinion,
                    Level::Warning,
                    np.span,
                    subject,
                    message,
                );
            }
            if self.config.enabled(Rule::SingleSource) && !np.plural && !self.corroborated(s) {
                // What the source says: the sentence without the source and its cue
                // (and the reason for anonymity that goes with them).
                let sentence = t.sentences[s];
                let attribution = self.token_span(np.start.min(cue), np.end.max(cue));
                let content = [
                    Span::new(sentence.start, attribution.start),
                    Span::new(attribution.end, sentence.end),
                ];
                let signals: Vec<_> = self.signals(s, &content).into_iter().collect();
                if let Some(&(kind, span)) = signals.first() {
                    let message = format!(
                        "the {} “{}” rests on one unnamed source (“{described}”): confirm it with a second source, or say it could not be confirmed",
                        kind.name(),
                        ellipsis(t.slice(span), 40)
                    );
                    self.push(
                        Rule::SingleSource,
                        Level::Warning,
                        np.span,
                        subject,
                        message,
                    );
                }
            }
        }
        // Unnamed sources extraction found that the text rule did not.
        if self.config.enabled(Rule::AnonymousSource) {
            let mut extra = Vec::new();
            for claim in &self.extraction.claims {
                let Some(source) = &claim.source else {
                    continue;
                };
                if source.kind != SourceKind::Anonymous {
                    continue;
                }
                let Some(span) = source.span else { continue };
                let first = t.tokens.partition_point(|tk| tk.span.start < span.start);
                let head_is_anonymous = self
                    .mention_head(span)
                    .is_some_and(|h| t.word_in(h, ANONYMOUS_HEADS));
                if !head_is_anonymous
                    || self.describes_someone_else(
                        first,
                        t.sentence_range(t.sentence_at(span.start).unwrap_or(0))
                            .start,
                    )
                {
                    continue;
                }
                if !self.mention_is_unidentified(span) {
                    // "the plant manager said": a definite role, named or not, is
                    // the reporter's to judge; the text rule reads indefinite ones.
                    continue;
                }
                if seen_heads.iter().any(|h| h.overlaps(span))
                    || extra.iter().any(|(h, _): &(Span, usize)| h.overlaps(span))
                {
                    continue;
                }
                let Some(s) = t.sentence_at(span.start) else {
                    continue;
                };
                if self.anonymity_reason(s).0 {
                    continue;
                }
                extra.push((span, s));
            }
            for (span, s) in extra {
                let described = t.slice(span).to_owned();
                self.anonymous
                    .push((format!("unnamed:{}", described.to_lowercase()), span));
                let message = format!(
                    "unnamed source “{described}” with no reason for anonymity: name them, or say why they could not be named"
                );
                self.push(
                    Rule::AnonymousSource,
                    Level::Warning,
                    span,
                    t.sentences[s],
                    message,
                );
            }
        }
    }

    /// The noun phrase around an anonymous head at token `i`.
    fn anonymous_phrase(&self, i: usize, range: std::ops::Range<usize>) -> Option<AnonPhrase> {
        let t = self.text;
        const MODIFIERS: &[&str] = &[
            "senior",
            "junior",
            "top",
            "high-ranking",
            "government",
            "military",
            "intelligence",
            "administration",
            "police",
            "security",
            "western",
            "former",
            "current",
            "party",
            "ministry",
            "company",
            "industry",
            "diplomatic",
            "foreign",
            "local",
            "regional",
            "state",
            "federal",
            "campaign",
            "trade",
            "defence",
            "defense",
            "health",
            "justice",
            "department",
            "agency",
            "knowledgeable",
            "informed",
            "well-placed",
            "reliable",
            "unnamed",
            "anonymous",
            "second",
            "third",
            "independent",
            "opposition",
            "palace",
            "court",
            "congressional",
            "parliamentary",
            "cabinet",
            "embassy",
            "law",
            "enforcement",
            "european",
            "american",
            "official",
            "other",
            "people",
            "two",
            "three",
            "several",
        ];
        let head_word = t.tok(i).to_lowercase();
        // A head followed by a noun is itself a modifier ("source code", "official data").
        let next = i + 1;
        if next < range.end && t.tokens[next].is_word() && !t.tokens[next].in_quote {
            let ok = t.word_in(next, ANONYMOUS_DESCRIPTIONS)
                || is_source_cue(t, next)
                || t.word_in(
                    next,
                    &[
                        "have",
                        "has",
                        "had",
                        "were",
                        "was",
                        "are",
                        "is",
                        "also",
                        "would",
                        "will",
                        "did",
                        "do",
                        "privately",
                        "spoke",
                        "talked",
                        "publicly",
                        "later",
                        "earlier",
                        "say",
                        "speaking",
                        "who",
                        "say",
                        "close",
                        "familiar",
                        "briefed",
                    ],
                );
            if !ok {
                return None;
            }
        }
        let weak = t.word_in(i, WEAK_ANONYMOUS_HEADS);
        let description_follows = t.word_in(
            next,
            &[
                "familiar",
                "close",
                "with",
                "briefed",
                "knowledgeable",
                "aware",
                "involved",
            ],
        );
        if weak && !description_follows {
            return None;
        }
        let mut start = i;
        let mut modifiers = 0;
        let mut determiner = None;
        while start > range.start && modifiers < 4 {
            let p = start - 1;
            let tok = t.tokens[p];
            if tok.is_punct('.')
                && p > range.start
                && t.tokens[p - 1].is_word()
                && t.tok(p - 1).len() <= 2
                && t.is_capitalised(p - 1)
            {
                // "A U.S. intelligence official": the full stops of an abbreviation.
                start = p;
                continue;
            }
            if !tok.is_word() || tok.in_quote {
                break;
            }
            if t.word_in(p, DEFINITE) {
                // "the official said": refers back to a source already introduced.
                return None;
            }
            if t.word_in(p, INDEFINITE) {
                determiner = Some(p);
                start = p;
                break;
            }
            let capitalised_mid = t.is_capitalised(p) && p > range.start;
            if t.word_in(p, MODIFIERS)
                || capitalised_mid
                || (t.is_capitalised(p) && p == range.start)
            {
                if t.word_in(p, super::lexicon::NOT_NAMES)
                    && !t.word_in(p, &["Officials", "Sources"])
                {
                    break;
                }
                start = p;
                modifiers += 1;
                continue;
            }
            break;
        }
        let plural = head_word.ends_with('s') || head_word == "people";
        if !plural && determiner.is_none() {
            return None;
        }
        // Extend over the description: "close to the investigation", "in Seoul".
        let mut end = i;
        if description_follows
            || t.word_in(next, &["to"])
            || t.word_in(
                next,
                &[
                    "in",
                    "at",
                    "from",
                    "inside",
                    "within",
                    "with",
                    "close",
                    "familiar",
                    "knowledgeable",
                ],
            )
        {
            let mut k = next;
            while k < range.end && k < next + 8 {
                let tok = t.tokens[k];
                if !tok.is_word()
                    || tok.in_quote
                    || is_source_cue(t, k)
                    || t.word_in(
                        k,
                        &[
                            "who", "that", "and", "or", "speaking", "have", "has", "had", "is",
                            "are", "was", "were", "will", "would", "did", "also",
                        ],
                    )
                    || self.looks_like_verb(k)
                        && !t.word_in(
                            k,
                            &[
                                "affairs",
                                "matters",
                                "talks",
                                "negotiations",
                                "discussions",
                                "plans",
                                "operations",
                                "forces",
                                "services",
                                "relations",
                                "states",
                                "ties",
                            ],
                        )
                {
                    break;
                }
                end = k;
                k += 1;
            }
        }
        let bare = matches!(head_word.as_str(), "source" | "sources") && modifiers == 0 && end == i;
        Some(AnonPhrase {
            start,
            head: i,
            end,
            span: Span::new(t.tokens[start].span.start, t.tokens[end].span.end),
            bare,
            plural: plural
                && !determiner.is_some_and(|d| t.word_in(d, &["a", "an", "one", "another"])),
        })
    }

    /// Whether the phrase `[a, end]` is the one saying something: a cue follows within
    /// the sentence, or "according to" / "said" comes just before it.
    /// Returns the cue's token.
    fn speaks(
        &self,
        a: usize,
        _head: usize,
        end: usize,
        range: std::ops::Range<usize>,
    ) -> Option<usize> {
        let t = self.text;
        if a > range.start
            && t.word_in(a - 1, &["said", "says", "say", "added", "told"])
            && a >= range.start + 2
            && matches!(t.tokens[a - 2].kind, TokenKind::Punct(',' | '”' | '"'))
        {
            return Some(a - 1);
        }
        if a >= range.start + 2 && t.word_is(a - 1, "to") && t.word_is(a - 2, "according") {
            return Some(a - 2);
        }
        let mut k = end + 1;
        let mut commas = 0;
        while k < range.end && k < end + 20 {
            let tok = t.tokens[k];
            if tok.in_quote {
                break;
            }
            if tok.is_punct(',') {
                commas += 1;
                if commas > 2 {
                    break;
                }
            }
            let passive = t.word_in(
                k.saturating_sub(1),
                &["is", "are", "was", "were", "be", "been", "being"],
            ) || t.word_is(k + 1, "of");
            let is_cue = (is_source_cue(t, k) && !t.word_is(k, "according"))
                || t.word_in(k, &["spoke", "speaking", "speaks", "talked", "talking"]);
            // "... to have more elected officials, adding ...": a participle after a comma
            // has the main clause's subject, not the noun before the comma.
            let participle_of_another =
                is_cue && t.tok(k).ends_with("ing") && t.tokens[k - 1].is_punct(',');
            if is_cue && !passive && !participle_of_another {
                // "Aides declined to say", "officials would not say": they did not speak.
                let withheld = t.word_in(k - 1, &["not", "never", "n't"])
                    || k >= 2
                        && t.word_is(k - 1, "to")
                        && t.word_in(
                            k - 2,
                            &[
                                "declined",
                                "declines",
                                "refused",
                                "refuses",
                                "declining",
                                "refusing",
                            ],
                        );
                if withheld {
                    return None;
                }
                // "... as he spoke", "... and urged": the verb has another subject.
                let mut j = k;
                while j > end + 1
                    && t.word_in(j - 1, &["has", "have", "had", "also", "later", "then"])
                {
                    j -= 1;
                }
                let other_subject = j > end + 1
                    && (t.word_in(j - 1, super::lexicon::PRONOUNS)
                        || t.word_in(
                            j - 1,
                            &["and", "or", "but", "as", "while", "when", "which", "that"],
                        ));
                // "... stood watch as the mayor spoke": the cue is in another clause.
                let subordinate = (end + 1..k).any(|m| {
                    t.word_in(
                        m,
                        &[
                            "as", "while", "when", "because", "after", "before", "until", "if",
                            "since", "where", "whereas", "though", "although", "once",
                        ],
                    )
                });
                if other_subject || subordinate {
                    return None;
                }
                return Some(k);
            }
            if tok.is_word() && commas == 0 && k > end + 6 {
                // Only a short stretch may separate a subject from its verb, unless an
                // appositive (between commas) does.
                break;
            }
            k += 1;
        }
        None
    }

    /// Whether the phrase starting at token `a` describes someone rather than being the
    /// source: a role ("who acted as a campaign manager"), one of a group ("one of
    /// several lawmakers"), or an appositive of a name ("Faiz Shakir, the political
    /// director ... and an adviser to ..., said").
    fn describes_someone_else(&self, a: usize, lo: usize) -> bool {
        let t = self.text;
        if a >= lo + 2 && t.word_is(a - 1, "to") && t.word_is(a - 2, "according") {
            return false;
        }
        if a > lo
            && t.word_in(
                a - 1,
                &[
                    "as",
                    "was",
                    "is",
                    "were",
                    "are",
                    "be",
                    "been",
                    "being",
                    "became",
                    "become",
                    "becomes",
                    "named",
                    "appointed",
                    "hired",
                    "of",
                    "and",
                    "or",
                    "than",
                    "like",
                    "with",
                    "among",
                    "by",
                    "for",
                    "to",
                    "at",
                    "from",
                ],
            )
        {
            return true;
        }
        // Back to the comma opening an appositive: a name before it.
        let mut k = a;
        while k > lo && a - k < 20 {
            k -= 1;
            let tok = &t.tokens[k];
            if tok.in_quote || self.ends_sentence(k) {
                return false;
            }
            if tok.is_punct(',') {
                // "On Monday, officials said", "In Washington, officials said": an opening
                // phrase of time or place, not a name the source describes.
                let mut first = k;
                while first > lo && !t.tokens[first - 1].is_punct(',') {
                    first -= 1;
                }
                let opening = t.tokens[first..k]
                    .iter()
                    .position(|tk| tk.is_word())
                    .is_some_and(|p| {
                        t.word_in(
                            first + p,
                            &[
                                "in", "on", "at", "after", "before", "during", "since", "from",
                                "across", "inside", "outside", "near", "by", "until", "within",
                                "earlier", "later", "last", "this", "then",
                            ],
                        )
                    });
                if opening || k == lo {
                    return false;
                }
                // A name just before the comma, or one ending in an abbreviation's full
                // stop ("Rep. Jo Bell, D-Va., one of the nine lawmakers who ...").
                let mut before = k - 1;
                if before > lo && t.tokens[before].is_punct('.') {
                    before -= 1;
                }
                return t.tokens[before].is_word()
                    && t.is_capitalised(before)
                    && !t.word_in(before, super::lexicon::NOT_NAMES);
            }
        }
        false
    }

    /// Whether `span` belongs to a reason for anonymity ("... anonymity because ...").
    fn in_anonymity_clause(&self, span: Span) -> bool {
        let t = self.text;
        let i = t.tokens.partition_point(|tk| tk.span.start < span.start);
        (i.saturating_sub(8)..i).any(|k| {
            t.word_in(
                k,
                &[
                    "anonymity",
                    "anonymously",
                    "named",
                    "identified",
                    "authorised",
                    "authorized",
                ],
            )
        })
    }

    /// "an official, Jane Doe, said": the source is named after all.
    fn named_after(&self, end: usize, hi: usize) -> bool {
        let t = self.text;
        let k = end + 1;
        k + 2 < hi
            && t.tokens[k].is_punct(',')
            && t.is_capitalised(k + 1)
            && t.is_capitalised(k + 2)
            && !t.word_in(k + 1, super::lexicon::NOT_NAMES)
    }

    /// Whether extraction found a named source at this mention.
    fn extraction_names(&self, s: usize, span: Span) -> bool {
        self.claims_by_sentence[s].iter().any(|&c| {
            self.extraction.claims[c]
                .source
                .as_ref()
                .is_some_and(|src| {
                    src.kind == SourceKind::Named && src.span.is_some_and(|sp| sp.overlaps(span))
                })
        })
    }

    /// Whether sentence `s` or its neighbours in the paragraph give a reason for the
    /// anonymity; and whether anonymity is mentioned at all (requested).
    fn anonymity_reason(&self, s: usize) -> (bool, bool) {
        if let Some(&known) = self.anonymity_reasons.borrow().get(&s) {
            return known;
        }
        let found = self.find_anonymity_reason(s);
        self.anonymity_reasons.borrow_mut().insert(s, found);
        found
    }

    fn find_anonymity_reason(&self, s: usize) -> (bool, bool) {
        let t = self.text;
        let mut request = false;
        let paragraph = t.paragraphs.get(s).copied();
        let lo = s.saturating_sub(1);
        let hi = (s + 1).min(t.sentences.len() - 1);
        let mut buf = String::new();
        for k in lo..=hi {
            if t.paragraphs.get(k).copied() != paragraph {
                continue;
            }
            let range = t.sentence_range(k);
            if !self
                .lexicon
                .anonymity_reasons
                .find_all(t, range.clone(), true)
                .is_empty()
            {
                return (true, true);
            }
            for m in self
                .lexicon
                .anonymity_requests
                .find_all(t, range.clone(), true)
            {
                request = true;
                // A reason connector with words after it: "because ...", "to discuss ...".
                let stop = (m.end + 4).min(range.end);
                for j in m.end..stop {
                    if t.word_in(j, REASON_CONNECTORS)
                        && j + 1 < range.end
                        && t.tokens[j + 1].is_word()
                    {
                        return (true, true);
                    }
                }
                let _ = &mut buf;
            }
        }
        (false, request)
    }

    /// An opinion word in sentence `s`, outside the source's own description.
    fn opinion_in(&self, s: usize, source: Span) -> Option<String> {
        let t = self.text;
        // Found once per sentence: each unnamed source of the sentence asks again.
        let mut cache = self.opinions.borrow_mut();
        let spans = cache.entry(s).or_insert_with(|| {
            self.lexicon
                .opinion
                .find_all(t, t.sentence_range(s), false)
                .into_iter()
                .map(|m| self.token_span(m.start, m.end - 1))
                .collect()
        });
        spans
            .iter()
            .find(|span| !span.overlaps(source))
            .map(|span| t.slice(*span).to_owned())
    }

    /// Whether a second source backs the information of sentence `s`.
    fn corroborated(&self, s: usize) -> bool {
        let t = self.text;
        let hi = (s + 1).min(t.sentences.len() - 1);
        (s..=hi).any(|k| {
            let range = t.sentence_range(k);
            range.clone().any(|i| {
                (t.word_in(
                    i,
                    &[
                        "second", "another", "other", "two", "three", "several", "both", "multiple",
                    ],
                ) && t.word_in(
                    i + 1,
                    &[
                        "source",
                        "sources",
                        "official",
                        "officials",
                        "people",
                        "diplomats",
                        "diplomat",
                    ],
                )) || t.word_in(i, &["corroborated", "independently"])
                    || (t.word_is(i, "confirmed") && t.word_is(i + 1, "by"))
            })
        })
    }

    // ---- quote-without-speaker, unclosed-quote ---------------------------------------

    fn quotes_without_speaker(&mut self) {
        let t = self.text;
        let mut attributed = vec![false; t.quotes.len()];
        for (qi, q) in t.quotes.iter().enumerate() {
            if t.in_comment(q.outer.start) || t.is_heading(q.outer.start) {
                attributed[qi] = true;
                continue;
            }
            let first_tok = t.tokens.partition_point(|tk| tk.span.start < q.inner.start);
            let last_tok = t.tokens.partition_point(|tk| tk.span.start < q.inner.end);
            let inner_words = (first_tok..last_tok)
                .filter(|&i| t.tokens[i].is_word())
                .count();
            if inner_words == 0 {
                attributed[qi] = true;
                continue;
            }
            let Some(first_s) = t
                .sentence_at(q.outer.start)
                .or_else(|| t.sentence_at(q.inner.start))
            else {
                attributed[qi] = true;
                continue;
            };
            let last_s = t
                .sentence_at(q.outer.end.saturating_sub(1))
                .unwrap_or(first_s)
                .max(first_s);
            let range_first = t.sentence_range(first_s);
            let opens_sentence = !range_first
                .clone()
                .any(|i| t.tokens[i].span.end <= q.outer.start && t.tokens[i].is_word());
            // Only quotations that stand as their own sentence are checked: quoted words
            // inside a sentence of the paper's own (partial quotations, scare quotes,
            // quoted laws and titles) carry their source in the sentence, if anywhere.
            if !opens_sentence {
                attributed[qi] = true;
                continue;
            }
            // An attribution outside the quotation marks in its sentences.
            let mut has_cue = false;
            for s in first_s..=last_s {
                if t.sentence_range(s).any(|i| is_quote_cue(t, i)) {
                    has_cue = true;
                    break;
                }
            }
            if !has_cue {
                has_cue = self.cue_next_to(q.outer);
            }
            let sentences_span = t.sentences[first_s].cover(t.sentences[last_s]);
            let mut inferred: Option<String> = None;
            if !has_cue {
                for claim in &self.extraction.claims {
                    if !claim.span.overlaps(q.inner) {
                        continue;
                    }
                    let Some(src) = &claim.source else { continue };
                    match src.span {
                        Some(sp) if sentences_span.contains(sp) && !q.inner.contains(sp) => {
                            has_cue = true;
                        }
                        _ => inferred = Some(src.name.clone()),
                    }
                }
            }
            if has_cue {
                attributed[qi] = true;
                continue;
            }
            // Introduced by a colon: “He put it this way: ...”.
            let before = t.text[t.body.start..q.outer.start].trim_end();
            if before.ends_with(':') {
                attributed[qi] = true;
                continue;
            }
            // Continues the attributed quotation just before it in the same paragraph.
            if qi > 0 && attributed[qi - 1] {
                let prev = &t.quotes[qi - 1];
                if let Some(prev_s) = t.sentence_at(prev.outer.end.saturating_sub(1)) {
                    let same_paragraph = t.paragraphs.get(prev_s) == t.paragraphs.get(first_s);
                    // Only the attribution between them: at most one sentence end and a
                    // few words ("...,” Mr. Schiff told reporters. “And ...”).
                    let between = t
                        .tokens
                        .partition_point(|tk| tk.span.start < prev.outer.end)
                        ..t.tokens.partition_point(|tk| tk.span.start < q.outer.start);
                    let ends = between.clone().filter(|&k| self.ends_sentence(k)).count();
                    let words = between.filter(|&k| t.tokens[k].is_word()).count();
                    let adjacent = prev_s + 1 == first_s || prev_s == first_s;
                    // A quotation running over paragraphs: the first one left open.
                    let runs_on = !prev.closed && prev.continues;
                    if runs_on || (same_paragraph && (adjacent || (ends <= 1 && words <= 30))) {
                        attributed[qi] = true;
                        continue;
                    }
                }
            }
            let paragraph = t.paragraphs.get(first_s).copied().unwrap_or(0);
            let inferred = inferred.or_else(|| {
                self.speakers
                    .iter()
                    .rev()
                    .find(|sp| sp.span.end <= q.outer.start && sp.kind != SpeakerKind::Group)
                    .filter(|sp| {
                        // Only a speaker of the same paragraph or the one before: further
                        // back it is a guess, not an inference.
                        t.paragraphs
                            .get(sp.sentence)
                            .is_some_and(|&p| p + 1 >= paragraph)
                    })
                    .filter(|sp| {
                        sp.kind == SpeakerKind::Name
                            || sp.display.chars().next().is_some_and(char::is_uppercase)
                                && sp.display.len() > 3
                    })
                    .map(|sp| sp.display.clone())
            });
            let excerpt = ellipsis(t.slice(q.inner).trim(), 48);
            let message = match &inferred {
                Some(name) => format!(
                    "quotation “{excerpt}” has no speaker of its own (speaker inferred: {name}): attribute it in its own sentence (“...,” {} said)",
                    speakers::name_key_display(name)
                ),
                None => format!(
                    "quotation “{excerpt}” has no speaker in its sentence or next to it: say who said it"
                ),
            };
            let span = q.outer;
            self.push(
                Rule::QuoteWithoutSpeaker,
                Level::Error,
                span,
                q.inner,
                message,
            );
            if let Some(last) = self.findings.last_mut()
                && last.rule == Rule::QuoteWithoutSpeaker
                && last.span == span
            {
                last.speaker = inferred;
            }
        }
    }

    /// Whether token `k` is a full stop (or ! ?) that ends a sentence, not one after a
    /// title or an initial ("Mr.", "J.").
    fn ends_sentence(&self, k: usize) -> bool {
        let t = self.text;
        let tok = &t.tokens[k];
        // "(D-Ga.) said": a full stop inside brackets ends nothing.
        let closes_bracket = t
            .tokens
            .get(k + 1)
            .is_some_and(|next| next.is_punct(')') && next.span.start == tok.span.end);
        matches!(tok.kind, TokenKind::Punct('.' | '!' | '?'))
            && !closes_bracket
            && !(k > 0
                && tok.is_punct('.')
                && t.tokens[k - 1].span.end == tok.span.start
                && (t.word_in(
                    k - 1,
                    &[
                        "Mr", "Ms", "Mrs", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt",
                        "St", "Jr", "Sr", "Prof", "No", "Rev", "Capt", "Maj", "Supt", "Insp",
                    ],
                ) || (t.tokens[k - 1].is_word() && t.tok(k - 1).len() == 1)))
    }

    /// Whether an attribution cue stands right after the closing mark or right before the
    /// opening one, in the same clause: read from the tokens, not the sentences, so that a
    /// sentence split after "Mr." does not hide it.
    fn cue_next_to(&self, outer: Span) -> bool {
        /// How far past a quotation a cue is looked for, other quotations included.
        const MAX_TOKENS_AFTER_QUOTE: usize = 400;
        let t = self.text;
        let n = t.tokens.len();
        let paragraph_of = |pos: usize| {
            t.sentence_at(pos)
                .and_then(|s| t.paragraphs.get(s).copied())
        };
        let breaks = |a: usize, b: usize| {
            let (lo, hi) = (a.min(b), a.max(b));
            t.text[lo..hi].contains("\n\n")
                || (t.text[lo..hi].contains('\n')
                    && paragraph_of(lo.saturating_sub(1)) != paragraph_of(hi))
        };
        // A quotation ending with a comma, ? or ! (not a full stop) is followed by its
        // attribution if anything: “...,” he posited / “...?” the congressman demands.
        let inner = t
            .slice(Span::new(outer.start, outer.end))
            .trim_end_matches(['"', '”', '»', ' ']);
        let open_ended = !inner.ends_with('.');
        let after = t.tokens.partition_point(|tk| tk.span.start < outer.end);
        let mut k = after;
        let mut words = 0;
        // Quoted tokens do not count as words: without a bound on tokens too, a draft of
        // nothing but opening quotation marks made every quotation read to the end of
        // the text (42 s for 1 MB).
        let last = n.min(after + MAX_TOKENS_AFTER_QUOTE);
        while k < last && words < 25 {
            let tok = t.tokens[k];
            if breaks(outer.end, tok.span.start) || self.ends_sentence(k) {
                break;
            }
            if tok.in_quote || t.quote_at(tok.span.start).is_some() {
                // “A,” X was “B,” Mr. Turner said: read past the second quotation.
                k += 1;
                continue;
            }
            if tok.is_word() {
                if is_quote_cue(t, k) {
                    return true;
                }
                if words == 0 && open_ended && self.attribution_shape(k) {
                    return true;
                }
                words += 1;
            }
            k += 1;
        }
        let before = t.tokens.partition_point(|tk| tk.span.start < outer.start);
        for k in (before.saturating_sub(15)..before).rev() {
            let tok = &t.tokens[k];
            if tok.in_quote
                || breaks(tok.span.end, outer.start)
                || t.quote_at(tok.span.start).is_some()
                || self.ends_sentence(k)
            {
                break;
            }
            if is_quote_cue(t, k) {
                return true;
            }
        }
        // “he posited, “...”: a subject and a verb, then a comma or colon, then the mark.
        before >= 3
            && matches!(t.tokens[before - 1].kind, TokenKind::Punct(',' | ':'))
            && self.looks_like_verb(before - 2)
            && (t.word_in(before - 3, super::lexicon::PRONOUNS) || t.is_capitalised(before - 3))
    }

    /// Whether the words from token `k` read as an attribution: "he posited", "Smith
    /// mused", "the congressman demands", "quipped Smith".
    fn attribution_shape(&self, k: usize) -> bool {
        let t = self.text;
        let n = t.tokens.len();
        let word = |i: usize| i < n && t.tokens[i].is_word() && !t.tokens[i].in_quote;
        if t.word_in(k, super::lexicon::PRONOUNS) {
            return word(k + 1) && self.looks_like_verb(k + 1);
        }
        if t.is_capitalised(k) {
            let mut j = k;
            while j + 1 < n && (t.is_capitalised(j + 1) || t.tokens[j + 1].is_punct('.')) {
                j += 1;
            }
            return word(j + 1) && self.looks_like_verb(j + 1);
        }
        if self.looks_like_verb(k) {
            return word(k + 1)
                && (t.is_capitalised(k + 1)
                    || t.word_in(k + 1, super::lexicon::PRONOUNS)
                    || t.word_in(k + 1, &["the", "a", "an"]));
        }
        if t.word_in(k, &["the", "a", "an"]) {
            let mut j = k + 1;
            while j < n && j <= k + 5 && word(j) {
                if self.looks_like_verb(j) && j > k + 1 {
                    return true;
                }
                j += 1;
            }
        }
        false
    }

    /// A lower-case word shaped like a finite verb of saying: a cue, or ending in -ed or -s.
    fn looks_like_verb(&self, k: usize) -> bool {
        let t = self.text;
        if k >= t.tokens.len() || !t.tokens[k].is_word() || t.is_capitalised(k) {
            return false;
        }
        let w = t.tok(k);
        is_quote_cue(t, k) || (w.len() > 3 && (w.ends_with("ed") || w.ends_with('s')))
    }

    fn unclosed_quotes(&mut self) {
        let quotes: Vec<_> = self
            .text
            .quotes
            .iter()
            .filter(|q| !q.closed && !q.continues)
            .copied()
            .collect();
        for q in quotes {
            let mark = Span::new(
                q.outer.start,
                q.outer.start
                    + self.text.text[q.outer.start..]
                        .chars()
                        .next()
                        .map_or(1, char::len_utf8),
            );
            let message = format!(
                "quotation mark opened here is never closed (“{}”): close the quotation where the speaker's words end",
                ellipsis(self.text.slice(q.inner).trim(), 40)
            );
            self.push(Rule::UnclosedQuote, Level::Warning, mark, q.outer, message);
        }
    }

    // ---- unsourced-claim -------------------------------------------------------------

    fn unsourced_claims(&mut self) {
        let t = self.text;
        for s in 0..t.sentences.len() {
            let span = t.sentences[s];
            if self.fragment[s] || t.is_heading(span.start) || t.in_comment(span.start) {
                continue;
            }
            let sentence_text = t.slice(span).trim_end_matches(['”', '"', ')', ' ']);
            if sentence_text.ends_with('?') {
                continue;
            }
            let (words, quoted) = self.words_in_sentence(s);
            if words < 4 || 2 * quoted > words {
                continue;
            }
            let claims = &self.claims_by_sentence[s];
            // Attributed as a whole: every claim has a source. Not attributed at all: no
            // cue in the text. In between (a cue, and claims extraction left unsourced),
            // only those claims are read.
            let all_sourced = !claims.is_empty()
                && claims
                    .iter()
                    .all(|&c| self.extraction.claims[c].source.is_some());
            let regions: Vec<Span> = if all_sourced {
                Vec::new()
            } else if !self.split_sentence_has_cue(s) {
                vec![span]
            } else if claims.len() > 1 {
                claims
                    .iter()
                    .map(|&c| &self.extraction.claims[c])
                    .filter(|c| c.source.is_none())
                    .map(|c| c.span)
                    .collect()
            } else {
                Vec::new()
            };
            if regions.is_empty() || self.is_background(s) || self.continues_attribution(s) {
                continue;
            }
            let signals = self.signals(s, &regions);
            if signals.is_empty() {
                continue;
            }
            let mut kinds: Vec<String> = Vec::new();
            let mut seen = Vec::new();
            for (kind, sp) in &signals {
                if seen.contains(kind) {
                    continue;
                }
                seen.push(*kind);
                kinds.push(format!("{} “{}”", kind.name(), ellipsis(t.slice(*sp), 30)));
            }
            // The finding points at the sentence, whatever the claims' spans: an editor
            // fixes sentences, and the position does not move with atomisation.
            let covered = span;
            let message = format!(
                "unsourced claim ({}): say who says so, or how it is known",
                kinds.join(", ")
            );
            self.push(
                Rule::UnsourcedClaim,
                Level::Warning,
                covered,
                covered,
                message,
            );
        }
    }

    /// "He teaches government at ...": background about a source, not news.
    fn is_background(&self, s: usize) -> bool {
        let t = self.text;
        let mut words = t.sentence_range(s).filter(|&i| t.tokens[i].is_word());
        let (Some(a), Some(b)) = (words.next(), words.next()) else {
            return false;
        };
        // The subject: a pronoun, or the name of someone quoted in the story.
        let mut verb = b;
        let mut subject_is_person = t.word_in(a, &["he", "she"]);
        if !subject_is_person && t.is_capitalised(a) {
            let mut k = a;
            while k + 1 < t.tokens.len() && t.is_capitalised(k + 1) {
                k += 1;
            }
            let key = speakers::name_key(t.tok(k));
            if self
                .speakers
                .iter()
                .any(|sp| sp.kind == SpeakerKind::Name && sp.key == key)
            {
                subject_is_person = true;
                verb = k + 1;
            }
        }
        subject_is_person
            && t.word_in(verb, BACKGROUND_VERBS)
            && !t.sentence_range(s).any(|i| t.word_in(i, EVENT_VERBS))
    }

    /// The figures, dates, events and causal links stated outside quotation marks in
    /// sentence `s`, within `regions`.
    fn signals(&self, s: usize, regions: &[Span]) -> Vec<(Signal, Span)> {
        let t = self.text;
        let range = t.sentence_range(s);
        let inside = |sp: Span| regions.iter().any(|r| r.contains(sp));
        let mut out = Vec::new();
        let mut buf = String::new();
        let mut i = range.start;
        while i < range.end {
            let tok = t.tokens[i];
            if !tok.is_word() || tok.in_quote || !inside(tok.span) {
                i += 1;
                continue;
            }
            if let Some(m) = self.lexicon.dates.match_at(t, i, true, &mut buf)
                && m.end <= range.end
            {
                out.push((Signal::Date, self.token_span(m.start, m.end - 1)));
                i = m.end;
                continue;
            }
            if let Some(m) = self.lexicon.causal.match_at(t, i, true, &mut buf)
                && m.end <= range.end
            {
                out.push((Signal::Cause, self.token_span(m.start, m.end - 1)));
                i = m.end;
                continue;
            }
            let w = t.tok(i);
            if w.starts_with(|c: char| c.is_ascii_digit()) {
                let is_year =
                    w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1800..=2099).contains(&y));
                let kind = if is_year {
                    Signal::Date
                } else {
                    Signal::Figure
                };
                out.push((kind, self.figure_span(i, range.end)));
            } else if self.is_month(i, range.start) || t.word_in(i, WEEKDAYS) && t.is_capitalised(i)
            {
                out.push((Signal::Date, self.figure_span(i, range.end)));
            } else if t.word_in(i, MAGNITUDE_WORDS)
                || (t.word_is(i, "per") && t.word_is(i + 1, "cent"))
            {
                out.push((Signal::Figure, tok.span));
            } else if t.word_in(i, NUMBER_WORDS)
                && !self.prev_word_is(i, DEFINITE)
                && !self.prev_word_is(i, &["all", "these", "those"])
            {
                out.push((Signal::Count, tok.span));
            } else if t.word_in(i, EVENT_VERBS) && !self.is_hypothetical(i, range.start) {
                out.push((Signal::Event, tok.span));
            }
            i += 1;
        }
        // "... anonymity because the talks are private" gives a reason, not a cause.
        out.retain(|&(kind, sp)| kind != Signal::Cause || !self.in_anonymity_clause(sp));
        out.sort_by_key(|(kind, sp)| (*kind, sp.start));
        if out.iter().all(|(kind, _)| *kind == Signal::Count) {
            // "Two researchers studied the route": a count of people alone is narration.
            out.clear();
        }
        out
    }

    /// Whether the event word at token `i` is only supposed, not stated: in a condition
    /// ("if the levee had collapsed", "unless he is arrested") or after a modal ("would
    /// have been evacuated", "could be indicted").
    fn is_hypothetical(&self, i: usize, lo: usize) -> bool {
        let t = self.text;
        let mut k = i;
        let mut auxiliaries = true;
        while k > lo {
            k -= 1;
            let tok = t.tokens[k];
            if !tok.is_word() {
                if tok.is_punct(',') || tok.is_punct(';') || tok.is_punct(':') {
                    return false;
                }
                continue;
            }
            if t.word_in(k, &["if", "unless", "whether"]) {
                return true;
            }
            if auxiliaries {
                if t.word_in(k, &["would", "could", "might", "should"]) {
                    return true;
                }
                auxiliaries = t.word_in(k, &["be", "been", "have", "not", "never", "ever"]);
            }
        }
        false
    }

    /// A figure with its unit: "75-year", "500 soldiers" -> "500", "$3 billion".
    fn figure_span(&self, i: usize, hi: usize) -> Span {
        let t = self.text;
        let mut span = t.tokens[i].span;
        if i > 0
            && matches!(
                t.tokens[i - 1].kind,
                TokenKind::Punct('$' | '£' | '€' | '¥')
            )
        {
            span.start = t.tokens[i - 1].span.start;
        }
        let unit_follows = i + 1 < hi
            && (t.word_in(i + 1, MAGNITUDE_WORDS)
                || t.tokens[i + 1].is_punct('%')
                || (t.tokens[i + 1].is_word()
                    && t.tok(i + 1).starts_with(|c: char| c.is_ascii_digit())));
        if unit_follows {
            span.end = t.tokens[i + 1].span.end;
        }
        span
    }

    fn is_month(&self, i: usize, lo: usize) -> bool {
        let t = self.text;
        if !t.is_capitalised(i) || !MONTHS.contains(&t.tok(i)) {
            return false;
        }
        if !matches!(t.tok(i), "May" | "March") {
            return true;
        }
        // "May" and "March" are also a modal and a noun: a number or a preposition of
        // time next to them makes them months.
        let number_next =
            i + 1 < t.tokens.len() && t.tok(i + 1).starts_with(|c: char| c.is_ascii_digit());
        let number_before = i > lo && t.tok(i - 1).starts_with(|c: char| c.is_ascii_digit());
        number_next
            || number_before
            || (i > lo
                && t.word_in(
                    i - 1,
                    &[
                        "in", "on", "since", "last", "next", "early", "late", "mid", "until", "by",
                        "of", "from", "through", "this",
                    ],
                ))
    }

    // ---- single-source (story) -------------------------------------------------------

    fn single_source_story(&mut self) {
        let t = self.text;
        let countable = (0..t.sentences.len())
            .filter(|&s| {
                !self.fragment[s]
                    && self.words_in_sentence(s).0 >= 4
                    && !t.is_heading(t.sentences[s].start)
            })
            .count();
        if countable < 4 {
            return;
        }
        // key -> (first mention, display, statements)
        let mut sources: BTreeMap<String, (Span, String, usize)> = BTreeMap::new();
        let mut add = |key: String, span: Span, display: String| {
            let entry = sources.entry(key).or_insert((span, display, 0));
            if span.start < entry.0.start {
                entry.0 = span;
            }
            entry.2 += 1;
        };
        for claim in &self.extraction.claims {
            let Some(src) = &claim.source else { continue };
            if src.kind == SourceKind::Vague {
                continue;
            }
            let key = if src.kind == SourceKind::Named {
                speakers::name_key(&src.name)
            } else {
                src.name.to_lowercase()
            };
            add(key, src.span.unwrap_or(claim.span), src.name.clone());
        }
        for sp in &self.speakers {
            if sp.kind == SpeakerKind::Group
                && (is_vague_group(&sp.head) || t.word_in_str(&sp.head, ANONYMOUS_HEADS))
            {
                continue;
            }
            if sp.kind == SpeakerKind::Pronoun && sp.display == t.slice(sp.span) {
                // An unresolved pronoun says nothing about how many sources there are.
                continue;
            }
            // A sentence's cue found by both extraction and text counts once: merge by key.
            add(sp.key.clone(), sp.span, sp.display.clone());
        }
        for (key, span) in &self.anonymous {
            add(key.clone(), *span, t.slice(*span).to_owned());
        }
        if sources.len() != 1 {
            return;
        }
        let Some((_, (span, display, _))) = sources.into_iter().next() else {
            return;
        };
        let statements = (0..t.sentences.len())
            .filter(|&s| {
                self.sentence_has_source_cue(s)
                    || self.claims_by_sentence[s]
                        .iter()
                        .any(|&c| self.extraction.claims[c].source.is_some())
            })
            .count();
        if statements < 3 {
            // A story with one or two attributed sentences does not rest on a source but
            // on its own assertions: unsourced-claim says what matters there.
            return;
        }
        let message = format!(
            "the whole story rests on one source ({display}, {statements} attributed sentence{}): add an independent source",
            if statements == 1 { "" } else { "s" }
        );
        self.push(Rule::SingleSource, Level::Warning, span, span, message);
    }
}

struct AnonPhrase {
    start: usize,
    head: usize,
    end: usize,
    span: Span,
    bare: bool,
    plural: bool,
}

fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

impl Text<'_> {
    /// Whether `word` is one of `words` (folded).
    pub fn word_in_str(&self, word: &str, words: &[&str]) -> bool {
        words.iter().any(|w| super::text::eq_folded(word, w))
    }
}
