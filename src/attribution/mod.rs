//! Attributed statements: for each sentence, what is reported, by whom, with which cue.
//!
//! The stage works on tokens (see [`tokens`]) with a lexicon of cue verbs and source
//! nouns ([`lexicon`]); quote marks are paired over the whole document ([`quotes`]), so
//! a quotation carried over several sentences or paragraphs is one piece of content.
//! Attribution frames (cue, source mention, content) are found by local patterns around
//! each cue ([`frames`]); source mentions are then resolved within the document
//! ([`resolve`]): titles and roles split from names, back-references ("Cha", "he", "the
//! official") given the full name, and each source classified. Whatever part of a
//! sentence no frame covers is the article's own, unsourced statement.
//!
//! What a claim is, by the shape of what follows the cue:
//! - a reported clause (a `that` clause, a quotation, "said China could help ...") is
//!   the claim on its own, attributed to the source;
//! - a noun phrase (or a preposition's object) makes the cue an act: "China has likened
//!   the deal to NATO", "Xi reiterated that position", "calling on countries not to
//!   ...", "X's decision, revealed by Y". The claim is then the whole clause, worded with
//!   the source's resolved name and a finite verb ("Xi Jinping called on countries not
//!   to ..."), attributed to that source;
//! - what completes an attribution is part of it, not a claim: when, where and how it
//!   was made ("said on Friday in a statement"), its basis (", citing a briefing by
//!   ..."), and why the source is unnamed (", speaking on condition of anonymity because
//!   ...", kept as [`Source::anonymity`]).
//!
//! No regular expressions and no allocation per token: one hash lookup per word, and
//! every pattern looks at a bounded window around its cue, so the stage is linear in the
//! text.

mod doc;
mod frames;
mod lexicon;
mod quotes;
mod resolve;
mod tokens;

use crate::segment::Sentence;
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// How a source is identified in the text.
///
/// The rules, in the order they are applied to a mention:
/// - a country, government, organisation or office speaking as a body is
///   `Institutional` ("The U.S.", "China", "the foreign ministry");
/// - a document or a body of figures is `Document` ("a report released on Tuesday",
///   "customs figures compiled by ...", "court filings");
/// - a person named in the text is `Named` ("Victor D. Cha", and "Cha", "he" after it);
/// - an unnamed person, or an unnamed group of particular people, described by role or
///   affiliation is `Anonymous`, whether or not the text says why they are unnamed ("a
///   South Korean lawmaker", "officials in Seoul", "a senior Chinese diplomat", "a
///   source close to the talks"); the reason, where given, is [`Source::anonymity`];
/// - a group of no stated membership, named by what they do or think, is `Vague`
///   ("analysts", "critics", "experts in Washington", "some").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// A person named in the text ("Victor D. Cha").
    Named,
    /// A government, country or organisation speaking as a body ("The U.S.", "the ministry").
    Institutional,
    /// An unnamed group of no stated membership ("analysts", "critics").
    Vague,
    /// An unnamed person or group described by role ("a South Korean lawmaker", "officials
    /// in Seoul", "a source close to ...").
    Anonymous,
    /// A document ("a report", "court filings", "customs figures").
    Document,
}

impl SourceKind {
    pub const ALL: [SourceKind; 5] = [
        SourceKind::Named,
        SourceKind::Institutional,
        SourceKind::Vague,
        SourceKind::Anonymous,
        SourceKind::Document,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            SourceKind::Named => "named",
            SourceKind::Institutional => "institutional",
            SourceKind::Vague => "vague",
            SourceKind::Anonymous => "anonymous",
            SourceKind::Document => "document",
        }
    }
}

/// Whether a claim's content is quoted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// The content is inside quote marks.
    Direct,
    /// Part of the content is quoted ("calling on countries not to “add fuel to the fire.”").
    Partial,
    /// No quote marks.
    None,
}

impl QuoteKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::None => "none",
        }
    }
}

/// Who a statement is attributed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The resolved name ("Victor D. Cha" for "Cha said" or "he said").
    pub name: String,
    pub kind: SourceKind,
    /// Title or description given in the text ("Secretary of Defense").
    pub role: Option<String>,
    /// The mention naming the source for this statement: in its own sentence where there
    /// is one, else the nearest earlier mention it was resolved from.
    pub span: Option<Span>,
    /// Why the source is not named, as the text gives it ("speaking on condition of
    /// anonymity because he was not authorised to brief reporters"); for the audit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anonymity: Option<String>,
}

/// The words that mark the attribution ("said", "according to").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cue {
    pub text: String,
    pub span: Option<Span>,
}

/// A piece of a sentence that asserts something, with its attribution if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// Index of the sentence it comes from.
    pub sentence: usize,
    /// The reported content (for a direct quote, the words inside the quote marks), or
    /// for an unsourced statement the statement itself.
    pub content: Span,
    pub quote: QuoteKind,
    pub source: Option<Source>,
    pub cue: Option<Cue>,
    /// The subject the content lacks, to restore in the claim's text: in "X's decision,
    /// revealed by Y, will test ...", the statement "will test ..." has subject "X's
    /// decision".
    pub subject: Option<Span>,
    /// The claim's text when it is not the content's own words: for an act ("China has
    /// likened the deal to NATO", "calling on countries not to ..."), the whole clause
    /// with the source's resolved name as its subject ("Xi Jinping called on countries
    /// not to ...").
    pub text: Option<String>,
}

/// Finds the attributed statements of every sentence.
pub fn attribute(text: &str, sentences: &[Sentence]) -> Vec<Statement> {
    let doc = doc::Doc::new(text, sentences);
    let frames = frames::find(&doc);
    // A developer's view of the frames found (set CLAIMS_DEBUG_FRAMES to see them).
    static DEBUG: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    if *DEBUG.get_or_init(|| std::env::var_os("CLAIMS_DEBUG_FRAMES").is_some()) {
        for f in &frames {
            eprintln!(
                "frame cue={:?} src={:?} content={:?} attr={:?} borrowed={} continued={}",
                doc.span(f.cue.0, f.cue.1).slice(text),
                f.source.map(|(a, b)| doc.span(a, b).slice(text)),
                f.content
                    .iter()
                    .map(|&(a, b)| doc.span(a, b).slice(text))
                    .collect::<Vec<_>>(),
                doc.span(f.attr.0, f.attr.1).slice(text),
                f.borrowed,
                f.continued
            );
        }
    }
    statements(&doc, &frames)
}

/// Turns frames into per-sentence statements, and what no frame covers into unsourced
/// statements.
fn statements(doc: &doc::Doc, frames: &[frames::Frame]) -> Vec<Statement> {
    use std::collections::HashMap;
    // Resolve each distinct mention once, in text order.
    let mut order: Vec<usize> = (0..frames.len())
        .filter(|&i| frames[i].source.is_some())
        .collect();
    order.sort_by_key(|&i| frames[i].source.map(|s| s.0));
    let mut resolver = resolve::Resolver::default();
    let mut sources: HashMap<(usize, usize), Source> = HashMap::new();
    for &i in &order {
        let f = &frames[i];
        let Some(m) = f.source else { continue };
        if f.continued || sources.contains_key(&m) {
            continue;
        }
        let src = match f.antecedent {
            Some(ante) => {
                let mut src = resolver.source(doc, ante, f.role);
                src.span = Some(doc.span(m.0, m.1));
                src
            }
            None => resolver.source(doc, m, f.role),
        };
        sources.insert(m, src);
    }
    // "“I would suggest new oak planks,” said Mr Smith": "I" or "we" inside a quotation
    // is its speaker (the mention stays on the pronoun, as for "he said").
    for &i in &order {
        let Some(m) = frames[i].source else { continue };
        if m.1 != m.0 + 1 || !doc.toks[m.0].in_quote() || !first_person(doc.word(m.0)) {
            continue;
        }
        if sources.get(&m).is_some_and(|s| !is_bare_pronoun(&s.name)) {
            continue;
        }
        if let Some(speaker) = quotation_speaker(doc, frames, &sources, m.0) {
            let resolved = Source {
                span: Some(doc.span(m.0, m.1)),
                anonymity: None,
                ..speaker
            };
            sources.insert(m, resolved);
        }
    }
    let mut covered = vec![false; doc.toks.len()];
    let mut out = Vec::new();
    for f in frames {
        let mut source = f.source.and_then(|m| sources.get(&m).cloned());
        if let (Some(src), Some((a, b))) = (source.as_mut(), f.anonymity) {
            src.anonymity = Some(resolve::clean(doc.span(a, b).slice(doc.text)));
        }
        let cue = Cue {
            text: resolve::clean(doc.span(f.cue.0, f.cue.1).slice(doc.text)),
            span: Some(doc.span(f.cue.0, f.cue.1)),
        };
        if f.act
            && let (Some(src), [(a, b)]) = (source.as_ref(), f.content.as_slice())
            && let Some(st) = act_statement(doc, f, src, cue.clone(), *a, *b)
        {
            covered[*a..*b].fill(true);
            out.push(st);
        }
        for &(a, b) in f.content.iter().filter(|_| !f.act) {
            covered[a..b].fill(true);
            for_each_sentence_piece(doc, a, b, |s, x, y| {
                if let Some((span, quote)) = content_span(doc, x, y) {
                    out.push(Statement {
                        sentence: s,
                        content: span,
                        quote,
                        source: source.clone(),
                        cue: Some(cue.clone()),
                        subject: None,
                        text: None,
                    });
                }
            });
        }
        if !f.continued {
            covered[f.attr.0..f.attr.1].fill(true);
            if let Some((a, b)) = f.source
                && !f.borrowed
            {
                covered[a..b].fill(true);
            }
            if let Some((a, b)) = f.role {
                covered[a..b].fill(true);
            }
            covered[f.cue.0..f.cue.1].fill(true);
        }
    }
    // What no frame covers: the article's own statements.
    for (s, r) in doc.sents.iter().enumerate() {
        let framed = r.clone().any(|i| covered[i]);
        let mut i = r.start;
        while i < r.end {
            if covered[i] {
                i += 1;
                continue;
            }
            let a = i;
            while i < r.end && !covered[i] {
                i += 1;
            }
            let (x, y) = trim_glue(doc, a, i, framed);
            let words = doc.toks[x..y].iter().filter(|t| t.is_word()).count();
            let enough = if framed { words >= 3 } else { words >= 1 };
            if !enough {
                continue;
            }
            let Some((span, quote)) = content_span(doc, x, y)
                .or_else(|| (!framed).then(|| (doc.span(x, y), QuoteKind::None)))
            else {
                continue;
            };
            let subject = if framed && doc.toks[x].is(lexicon::AUX | lexicon::MODAL) {
                let unit = doc.unit_of_sent[s];
                frames
                    .iter()
                    .filter(|f| f.unit == unit)
                    .find_map(|f| f.rest_subject)
                    .map(|(a, b)| doc.span(a, b))
            } else {
                None
            };
            out.push(Statement {
                sentence: s,
                content: span,
                quote,
                source: None,
                cue: None,
                subject,
                text: None,
            });
        }
        // A sentence made only of punctuation still has no statement.
        let _ = r;
    }
    out.sort_by_key(|st| (st.sentence, st.content.start, st.content.end));
    out
}

/// "I" or "we" (the speaker's own voice), in any case.
fn first_person(word: &str) -> bool {
    word == "I" || word.eq_ignore_ascii_case("we")
}

/// A source left as the pronoun that named it ("he", "I"): not resolved.
fn is_bare_pronoun(name: &str) -> bool {
    ["i", "we", "he", "she", "you", "it", "they"]
        .iter()
        .any(|p| name.eq_ignore_ascii_case(p))
}

/// The speaker of the quotation around token `at`: the resolved source of a frame whose
/// content is that quotation, with its mention outside quote marks. A quotation carried
/// on in the next quote marks with nothing between ("“A,” she said. “B.” “C.”") has the
/// same speaker, so adjoining quotations are looked at too: earlier ones first.
fn quotation_speaker(
    doc: &doc::Doc,
    frames: &[frames::Frame],
    sources: &std::collections::HashMap<(usize, usize), Source>,
    at: usize,
) -> Option<Source> {
    const ADJOINING: usize = 3;
    let speaker_of = |(open, close): (usize, usize)| {
        frames
            .iter()
            .filter_map(|f| {
                let m = f.source?;
                if doc.toks[m.0].in_quote()
                    || !f.content.iter().any(|&(a, b)| a <= close && b > open)
                {
                    return None;
                }
                let src = sources.get(&m).filter(|s| !is_bare_pronoun(&s.name))?;
                Some((m.0.abs_diff(open).min(m.0.abs_diff(close)), src))
            })
            .min_by_key(|&(distance, _)| distance)
            .map(|(_, src)| src.clone())
    };
    let region_of = |i: usize| (doc.toks[i].quote as usize).checked_sub(1);
    let first = doc.quotation(region_of(at)?);
    if let Some(src) = speaker_of(first) {
        return Some(src);
    }
    // The quotation right before `q` (its closing mark just before `q` opens), and the
    // one right after.
    let before = |q: (usize, usize)| {
        q.0.checked_sub(1)
            .filter(|&i| doc.toks[i].kind == tokens::Kind::Close)
            .and_then(region_of)
    };
    let after = |q: (usize, usize)| {
        let i = q.1 + 1;
        doc.toks
            .get(i)
            .filter(|t| t.kind == tokens::Kind::Open)
            .and_then(|_| region_of(i))
    };
    let steps: [&dyn Fn((usize, usize)) -> Option<usize>; 2] = [&before, &after];
    for step in steps {
        let mut q = first;
        for _ in 0..ADJOINING {
            let Some(r) = step(q) else { break };
            q = doc.quotation(r);
            if let Some(src) = speaker_of(q) {
                return Some(src);
            }
        }
    }
    None
}

/// The statement of an act (see [`frames::Frame::act`]): the whole clause, with the
/// source's resolved name as its subject and the verb made finite ("calling on" ->
/// "called on"); its span runs from the cue to the end of the object (or is the object,
/// for "X's decision, revealed by Y").
fn act_statement(
    doc: &doc::Doc,
    f: &frames::Frame,
    src: &Source,
    cue: Cue,
    a: usize,
    b: usize,
) -> Option<Statement> {
    let (c0, c1) = f.cue;
    // The object as written after the cue, with a listener or a setting the content
    // itself skips ("urged Congress to act").
    let (object, quote) = if b <= c0 {
        content_span(doc, a, b)?
    } else {
        content_span(doc, c1.min(a), b)?
    };
    let before = b <= c0;
    // The verb: the last cue word of the cue phrase.
    let v = (c0..c1).rev().find(|&i| doc.toks[i].cue.is_some())?;
    let q = doc.toks[v].cue?;
    // "calling on" -> "called on"; "the third bank to announce cuts" -> "announced".
    let infinitive = q.form == lexicon::Form::Base && v > 0 && doc.is_word(v - 1, "to");
    // (Not "is currently writing": a progressive keeps its words.)
    let finite = before || q.form == lexicon::Form::Gerund && v == c0 || infinitive;
    let mut text = String::with_capacity(src.name.len() + object.len() + 32);
    // A sentence: "The mayor has likened ...", for "the mayor".
    let mut name = src.name.chars();
    if let Some(first) = name.next() {
        text.extend(first.to_uppercase());
        text.push_str(name.as_str());
    }
    text.push(' ');
    if finite {
        text.push_str(lexicon::lemma_past(q.lemma));
        if v + 1 < c1 {
            text.push(' ');
            text.push_str(doc.span(v + 1, c1).slice(doc.text));
        }
    } else {
        text.push_str(doc.span(c0, c1).slice(doc.text));
    }
    if let Some((x, y)) = f.object {
        text.push(' ');
        text.push_str(doc.span(x, y).slice(doc.text));
    }
    text.push(' ');
    // "Y announced the budget cut" for "The budget cut, announced by Y".
    let first = doc.toks[a];
    let object_text = object.slice(doc.text);
    if before && first.cap() && first.is(lexicon::DET | lexicon::PRON_POSS) {
        let mut chars = object_text.chars();
        if let Some(c) = chars.next() {
            text.extend(c.to_lowercase());
            text.push_str(chars.as_str());
        }
    } else {
        text.push_str(object_text);
    }
    let content = if before {
        object
    } else {
        Span::new(doc.toks[c0].start, object.end)
    };
    Some(Statement {
        sentence: doc.toks[a].sent as usize,
        content,
        quote,
        source: Some(src.clone()),
        cue: Some(cue),
        subject: None,
        text: Some(text),
    })
}

/// Calls `f(sentence, a, b)` for each sentence's share of tokens `[a, b)`.
fn for_each_sentence_piece(
    doc: &doc::Doc,
    a: usize,
    b: usize,
    mut f: impl FnMut(usize, usize, usize),
) {
    if a >= b {
        return;
    }
    let first = doc.toks[a].sent as usize;
    let last = doc.toks[b - 1].sent as usize;
    for s in first..=last {
        let r = &doc.sents[s];
        let x = a.max(r.start);
        let y = b.min(r.end);
        if x < y {
            f(s, x, y);
        }
    }
}

/// The span of content tokens `[a, b)` without surrounding quote marks and punctuation,
/// and whether it is quoted. `None` when no word is left.
fn content_span(doc: &doc::Doc, mut a: usize, mut b: usize) -> Option<(Span, QuoteKind)> {
    while a < b && !doc.toks[a].is_word() {
        a += 1;
    }
    while b > a && !doc.toks[b - 1].is_word() && !percent(doc, b - 1) {
        // Drop punctuation and quote marks (not the "%" of "8.6%").
        b -= 1;
    }
    if a >= b {
        return None;
    }
    // A partial quote that closes right after the content keeps its closing mark
    // ("not to “add fuel to the fire.”"), so the claim's quote marks balance.
    let opens = doc.toks[a..b]
        .iter()
        .filter(|t| t.kind == tokens::Kind::Open)
        .count();
    let closes = doc.toks[a..b]
        .iter()
        .filter(|t| t.kind == tokens::Kind::Close)
        .count();
    if opens > closes {
        let mut k = b;
        while k < doc.toks.len() && k < b + 3 && doc.toks[k].kind == tokens::Kind::Punct {
            k += 1;
        }
        if k < doc.toks.len()
            && doc.toks[k].kind == tokens::Kind::Close
            && doc.toks[k].sent == doc.toks[a].sent
        {
            b = k + 1;
        }
    }
    let words = b - a;
    let quoted = doc.toks[a..b]
        .iter()
        .filter(|t| t.is_word() && t.in_quote())
        .count();
    let all_words = doc.toks[a..b].iter().filter(|t| t.is_word()).count();
    let quote = if quoted == 0 {
        QuoteKind::None
    } else if quoted == all_words {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    };
    let _ = words;
    Some((doc.span(a, b), quote))
}

/// Whether token `i` is a "%" sign right after a number.
fn percent(doc: &doc::Doc, i: usize) -> bool {
    let t = doc.toks[i];
    t.kind == tokens::Kind::Punct
        && t.text(doc.text) == "%"
        && i > 0
        && doc.toks[i - 1].kind == tokens::Kind::Number
        && doc.toks[i - 1].end == t.start
}

/// Trims what glues a leftover piece to an attribution: punctuation, conjunctions,
/// "that", "to", "other than".
fn trim_glue(doc: &doc::Doc, mut a: usize, mut b: usize, framed: bool) -> (usize, usize) {
    use lexicon::*;
    if a >= b {
        return (a, b);
    }
    const TRAILING: &[&str] = &[
        "to", "than", "other", "rather", "except", "and", "or", "but", "that", "which", "who",
        "while", "though", "although", "because", "as", "so",
    ];
    // "Shares jumped 6% after [the firm revealed ...]": a subordinator the attribution
    // cut off (not "like never before" at the end of a sentence).
    const BEFORE_ATTRIBUTION: &[&str] = &[
        "after", "before", "since", "when", "until", "unless", "once", "if", "whether",
    ];
    let cut_off = b < doc.toks.len() && doc.toks[b].sent == doc.toks[b - 1].sent;
    let leading = |i: usize| {
        let t = doc.toks[i];
        match t.kind {
            tokens::Kind::Word => framed && t.is(CONJ | SUBORD | DISCOURSE | REL) && !t.cap(),
            tokens::Kind::Number => false,
            _ => true,
        }
    };
    let trailing = |i: usize| {
        let t = doc.toks[i];
        match t.kind {
            tokens::Kind::Word => {
                framed
                    && (TRAILING.iter().any(|w| doc.is_word(i, w))
                        || cut_off && BEFORE_ATTRIBUTION.iter().any(|w| doc.is_word(i, w)))
            }
            tokens::Kind::Number => false,
            _ => !percent(doc, i),
        }
    };
    while a < b && leading(a) {
        a += 1;
    }
    while b > a && trailing(b - 1) {
        b -= 1;
    }
    (a, b)
}

#[cfg(test)]
mod tests;
