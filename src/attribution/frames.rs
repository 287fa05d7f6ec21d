//! Attribution frames: a cue, the mention of its source, and the content it attributes,
//! found by local patterns around each cue word.
//!
//! Patterns (with their content):
//! - `X said (that) Y`, `X told reporters Y`, `X has said Y` (after the cue);
//! - `Y, X said.`, `“Y,” X said.`, `Y, said X, a professor at ...` (before the cue);
//! - `“Y,” X said, “Z.”`, `Y, X said, Z` (both sides);
//! - `according to X, Y` / `Y, according to X`;
//! - `Y, revealed this week by X, ...` (a participle with its source after `by`);
//! - `..., saying Y` / `... other than to say Y` (the source is the clause's subject);
//! - `X said:` followed by a quote or the next paragraph;
//! - a quote with no speaker of its own continues the last speaker's quote.

use super::doc::Doc;
use super::lexicon::{self, Form, *};
use super::tokens::{Kind, punct};

/// Token ranges are half-open `[a, b)`.
pub type Range = (usize, usize);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    pub unit: usize,
    /// The cue words (auxiliaries, adverbs between, the verb, a particle).
    pub cue: Range,
    /// The mention naming the source, if any.
    pub source: Option<Range>,
    /// An appositive giving the source's role ("a professor at the university").
    pub role: Option<Range>,
    /// What is attributed: one or more token ranges, possibly over several sentences.
    pub content: Vec<Range>,
    /// The attribution phrase itself (source, cue and the words that glue them), which is
    /// not part of any claim.
    pub attr: Range,
    /// The source is the subject of the clause, borrowed by a participle or infinitive.
    pub borrowed: bool,
    /// A quote with no speaker of its own, given the previous speaker.
    pub continued: bool,
    /// The content is a noun phrase that is also the subject of the rest of the sentence
    /// ("X's decision, revealed by Y, will test ...").
    pub rest_subject: Option<Range>,
    /// For a relative pronoun as source ("Barkley, who said ..."), the phrase it stands
    /// for: the name comes from there, the mention is the pronoun.
    pub antecedent: Option<Range>,
    /// Why the source is not named, where the attribution says so ("speaking on
    /// condition of anonymity because he was not authorised to brief reporters").
    pub anonymity: Option<Range>,
    /// The cue reports an act whose object is a noun phrase ("China has likened the deal
    /// to NATO", "calling on countries not to ...", "X's decision, revealed by Y"), not a
    /// statement: the claim is the whole clause, source and verb included.
    pub act: bool,
    /// For an act in an object relative clause ("the United States, which it accuses of
    /// ..."), the object the relative pronoun stands for.
    pub object: Option<Range>,
}

impl Frame {
    fn first_content(&self) -> usize {
        self.content.iter().map(|c| c.0).min().unwrap_or(self.cue.0)
    }
}

/// Finds every attribution frame of the document, in text order.
pub fn find(doc: &Doc) -> Vec<Frame> {
    let mut frames: Vec<Frame> = Vec::new();
    for u in 0..doc.units.len() {
        let start = frames.len();
        unit_frames(doc, u, &mut frames);
        settle_unit(doc, &mut frames, start);
    }
    // A source is named by a noun phrase with a head: not a lone article, honorific or
    // adjective ("the", "Mr.", "democratic"; "Black" and "From" may be surnames).
    frames.retain(|f| {
        !f.content.is_empty()
            && f.source.is_none_or(|(a, b)| {
                let t = doc.toks[a];
                let article = ["the", "a", "an", "this", "these", "those"]
                    .iter()
                    .any(|w| doc.is_word(a, w));
                let bare = article
                    || t.is(HONORIFIC)
                    || !t.cap() && t.is(DEMONYM | PREP) && !t.is(SOURCE_NOUN);
                b > a + 1 || t.kind != Kind::Word || !bare
            })
    });
    for f in &mut frames {
        let (mut a, mut b) = f.attr;
        for (x, y) in f.source.into_iter().chain(f.role) {
            a = a.min(x);
            b = b.max(y);
        }
        f.anonymity = anonymity_phrase(doc, a, b, f.cue);
    }
    add_continuations(doc, &mut frames);
    frames.sort_by_key(|f| (f.first_content(), f.cue.0));
    frames
}

/// Units longer than this are not prose (a table, a list, a run-on without punctuation):
/// no attribution is looked for in them, which keeps the stage linear on any input.
const MAX_UNIT_TOKENS: usize = 400;

fn unit_frames(doc: &Doc, u: usize, out: &mut Vec<Frame>) {
    let r = doc.unit_toks[u].clone();
    if r.len() > MAX_UNIT_TOKENS {
        return;
    }
    let cs = doc.clause_start(u);
    if let Some(f) = speaker_colon(doc, u) {
        out.push(f);
    }
    let before = out.len();
    let mut c = r.start;
    while c < r.end {
        let t = doc.toks[c];
        if t.in_quote() || t.kind != Kind::Word {
            c += 1;
            continue;
        }
        if doc.is_word(c, "according") && doc.is_word(c + 1, "to") && c + 2 < r.end {
            if let Some(f) = according_to(doc, u, c, cs) {
                c = f.attr.1.max(c + 1);
                out.push(f);
                continue;
            }
            c += 1;
            continue;
        }
        let Some(cue) = t.cue else {
            c += 1;
            continue;
        };
        if t.cap() && !doc.headline[u] && c != cs && c != r.start {
            // "The Washington Post", "Hope Hicks": a capitalised cue word mid-sentence is
            // part of a name.
            c += 1;
            continue;
        }
        if requests_anonymity(doc, c) {
            c += 1;
            continue;
        }
        if let Some(f) = verb_frame(doc, u, c, cue.lemma, cue.form, cs)
            && f.source.is_none_or(|(s, e)| !doc.has_finite_verb(s, e))
            && !embedded_act(doc, &f)
            && !unspoken_subject(doc, &f, cue.lemma)
        {
            let mut f = f;
            // "for what she called his “failure”": the object is the relative "what";
            // the words after the cue are the source's naming, not a clause's object.
            if f.act && wh_before_source(doc, &f, &["what", "whatever"]) {
                f.act = false;
            }
            out.push(f);
        }
        c += 1;
    }
    if out.len() == before
        && let Some(f) = in_document(doc, u)
    {
        out.push(f);
    }
}

/// "careless in how they describe each other's plans", "why she called the meeting":
/// an act inside an embedded question of manner or reason reports nothing; the
/// clause built from it would be made up.
fn embedded_act(doc: &Doc, f: &Frame) -> bool {
    f.act && wh_before_source(doc, f, &["how", "why", "whether", "where"])
}

/// Whether the word right before the frame's source is one of `words`.
fn wh_before_source(doc: &Doc, f: &Frame, words: &[&str]) -> bool {
    let Some((s, _)) = f.source else {
        return false;
    };
    s > doc.unit_toks[f.unit].start && words.iter().any(|w| doc.is_word(s - 1, w))
}

/// "The comments signal ...", "The numbers show ...": a verb that needs a clause and
/// does not report speech, whose subject has no word naming a source (a person, a
/// group, a body, a document, a name), reads the facts: it attributes nothing. So does
/// any cue in a subordinate clause with such a subject ("as the hearing continued").
fn unspoken_subject(doc: &Doc, f: &Frame, lemma: u16) -> bool {
    let flags = lexicon::lemma_flags(lemma);
    let Some((s, e)) = f.source else {
        return false;
    };
    // "As the hearing continued, ...": in a subordinate clause any cue verb may be
    // intransitive, and a subject that names no source makes it so.
    let subordinate = s > doc.unit_toks[f.unit].start && {
        let t = doc.toks[s - 1];
        t.kind == Kind::Word && t.is(SUBORD) && !t.is(DET)
    };
    let reads_facts = flags & cue::INVERTIBLE == 0 && flags & cue::NEEDS_CLAUSE != 0;
    if !(reads_facts || subordinate) || f.antecedent.is_some() {
        return false;
    }
    let speaker_word = SOURCE_NOUN
        | GROUP_NOUN
        | ORG_WORD
        | COUNTRY
        | TITLE
        | PRONOUN
        | QUANT
        | NUMBER_WORD
        | DEMONYM
        | DEPT
        | REL
        | OBJ_PRON
        | PRON_POSS;
    (s..e).all(|i| {
        let t = doc.toks[i];
        t.kind == Kind::Word && !t.is(speaker_word) && (!t.cap() || t.is(DET))
    })
}

/// "In a CNN poll last month, Clinton led by 10 points": a document named in an opening
/// phrase is the source of the rest (only where nothing else in the unit attributes).
fn in_document(doc: &Doc, u: usize) -> Option<Frame> {
    let r = doc.unit_toks[u].clone();
    let mut i = r.start;
    while i < r.end && doc.toks[i].kind == Kind::Word && doc.toks[i].is(DISCOURSE | CONJ) {
        i += 1;
        if doc.is_punct(i, b',') {
            i += 1;
        }
    }
    if !doc.is_word(i, "in") {
        return None;
    }
    let comma = (i + 2..r.end.min(i + 16)).find(|&k| doc.is_punct(k, b','))?;
    // The phrase names a document: its head (before any "of", time or modifier) is one.
    let head = (i + 1..comma)
        .take_while(|&k| {
            !doc.is_word(k, "of") && !doc.is_word(k, "by") && !doc.toks[k].is(TIME | MONTH)
        })
        .last()?;
    let t = doc.toks[head];
    if t.kind != Kind::Word || !t.is(DOC_NOUN) || t.is(MEDIUM) || t.cap() {
        return None;
    }
    let a = comma + 1;
    let b = content_end(doc, a, r.end);
    if words_in(doc, a, b) < 3 || doc.toks[a].kind == Kind::Open {
        return None;
    }
    Some(Frame {
        unit: u,
        cue: (i, i + 1),
        source: Some((i + 1, head + 1)),
        role: None,
        content: vec![(a, b)],
        attr: (i, a),
        borrowed: false,
        continued: false,
        rest_subject: None,
        antecedent: None,
        anonymity: None,
        act: false,
        object: None,
    })
}

/// Labels that end in a colon without naming a speaker.
const NOT_SPEAKERS: &[&str] = &[
    "update",
    "note",
    "editor",
    "photo",
    "photos",
    "source",
    "sources",
    "read",
    "related",
    "watch",
    "correction",
    "transcript",
    "contributing",
    "follow",
    "image",
    "video",
    "sign",
    "more",
    "also",
    "see",
    "listen",
    "subscribe",
    "click",
    "warning",
    "advertisement",
    "caption",
    "credit",
    "updated",
    "posted",
    "published",
    "by",
    "via",
    "tags",
    "share",
];

/// "Trump: 'We are going to win.'", "JOEL BENENSON: This is a man ...", "Q: ...": a
/// name opening a paragraph or a headline, then a colon and what the speaker says.
fn speaker_colon(doc: &Doc, u: usize) -> Option<Frame> {
    let r = doc.unit_toks[u].clone();
    let first_of_para = r.start == 0 || doc.toks[r.start - 1].para != doc.toks[r.start].para;
    if !first_of_para || r.len() < 4 {
        return None;
    }
    let colon = (r.start + 1..r.end.min(r.start + 5)).find(|&i| doc.is_punct(i, b':'))?;
    let name_ok = (r.start..colon).all(|i| {
        let t = doc.toks[i];
        t.kind == Kind::Word
            && (t.cap() || t.shape & super::tokens::shape::UPPER != 0)
            && !t.is(TIME | MONTH)
    });
    if !name_ok || NOT_SPEAKERS.iter().any(|w| doc.is_word(r.start, w)) {
        return None;
    }
    let a = colon + 1;
    let b = content_end(doc, a, r.end);
    if words_in(doc, a, b) < 3 {
        return None;
    }
    // The speaker's words run to the end of the paragraph.
    let para = doc.toks[r.start].para;
    let mut end = b;
    let mut v = u + 1;
    while v < doc.units.len() {
        let vr = doc.unit_toks[v].clone();
        if vr.is_empty() || doc.toks[vr.start].para != para {
            break;
        }
        end = vr.end;
        v += 1;
    }
    Some(Frame {
        unit: u,
        cue: (colon, colon + 1),
        source: Some((r.start, colon)),
        role: None,
        content: vec![(a, end)],
        attr: (r.start, a),
        borrowed: false,
        continued: false,
        rest_subject: None,
        antecedent: None,
        anonymity: None,
        act: false,
        object: None,
    })
}

/// What sits before a cue verb: auxiliaries, adverbs, negation, an infinitive `to`.
struct Chain {
    /// First token of the cue phrase (the earliest auxiliary or the verb).
    start: usize,
    /// Negated, refused ("declined to say"), or counterfactual ("should have said"):
    /// nothing was reported.
    neg: bool,
    /// The nearest auxiliary is a form of "be": passive ("was told") or progressive
    /// ("is saying").
    be: bool,
    have: bool,
    modal: bool,
    /// An infinitive after a verb that reports ("went on to say", "other than to say").
    to: bool,
}

fn chain(doc: &Doc, c: usize, floor: usize) -> Chain {
    let mut ch = Chain {
        start: c,
        neg: false,
        be: false,
        have: false,
        modal: false,
        to: false,
    };
    let mut i = c;
    let mut aux_start = c;
    let mut nearest_aux = true;
    while i > floor && c - i < 6 {
        let t = doc.toks[i - 1];
        if t.kind != Kind::Word || t.cap() && !t.is(AUX) {
            break;
        }
        if t.is(NEG) {
            ch.neg = true;
        } else if t.is(BE) {
            ch.be |= nearest_aux;
            nearest_aux = false;
        } else if t.is(HAVE) {
            ch.have |= nearest_aux;
            nearest_aux = false;
        } else if t.is(MODAL) || t.is(AUX) {
            // "should have said", "would have told": it was not said.
            if ch.have
                && ["should", "would", "could", "might", "must"]
                    .iter()
                    .any(|m| doc.is_word(i - 1, m))
            {
                ch.neg = true;
            }
            ch.modal = true;
            nearest_aux = false;
        } else if adverb(doc, i - 1) {
        } else if doc.is_word(i - 1, "to") {
            ch.to = true;
            // "declined to say", "wants to explain": not a report.
            // (A quote mark may close between: "it would be “unwise” to speculate".)
            let mut before = i.saturating_sub(2);
            if before > 0 && doc.toks[before].kind == Kind::Close {
                before -= 1;
            }
            let refused = i >= 2 && {
                let w = doc.word(before);
                [
                    "declined",
                    "refused",
                    "declines",
                    "refuses",
                    "decline",
                    "refuse",
                    "not",
                    "unavailable",
                    "unable",
                    "reluctant",
                    "failed",
                    "fails",
                    "fail",
                    "unwilling",
                    "hesitant",
                    "unwise",
                    "wrong",
                    "premature",
                    "inappropriate",
                    "impossible",
                    "difficult",
                    "hard",
                    "afraid",
                    "wary",
                    "too",
                ]
                .iter()
                .any(|x| w.eq_ignore_ascii_case(x))
            };
            if refused {
                ch.neg = true;
            }
            break;
        } else {
            break;
        }
        i -= 1;
        if t.is(AUX | NEG) {
            aux_start = i;
        }
    }
    if ch.to {
        ch.start = c;
    } else {
        ch.start = i.max(aux_start.min(c));
        // Adverbs before the auxiliaries belong to the subject side, not the cue.
        let mut s = ch.start;
        while s < c && doc.toks[s].is(ADV) && !doc.toks[s].is(AUX) {
            s += 1;
        }
        ch.start = s;
    }
    ch
}

/// An adverb between a subject and its verb: a listed one, a word in -ly ("gingerly
/// said"), or "since" or "long" after "has" ("has since said", "has long argued").
fn adverb(doc: &Doc, i: usize) -> bool {
    let t = doc.toks[i];
    if t.kind != Kind::Word || t.cap() {
        return false;
    }
    if t.is(ADV) && !t.is(PREP) {
        return true;
    }
    let w = doc.word(i);
    // "have both argued", "all said": a quantifier floating before the verb.
    let floating = ["both", "all", "each"]
        .iter()
        .any(|q| w.eq_ignore_ascii_case(q))
        && i > 0
        && doc.toks[i - 1].is(AUX | PRONOUN);
    floating
        || (w.len() > 4 && w.ends_with("ly") && t.cue.is_none() && !t.is(FUNCTION))
        || ((w.eq_ignore_ascii_case("since") || w.eq_ignore_ascii_case("long"))
            && i > 0
            && doc.toks[i - 1].is(HAVE))
}

/// Index of the token just before the cue's chain (adverbs included), or `None`.
fn before_chain(doc: &Doc, c: usize, floor: usize) -> Option<usize> {
    let mut i = c;
    while i > floor {
        let t = doc.toks[i - 1];
        if t.kind == Kind::Word && !t.cap() && (t.is(AUX | NEG | MODAL) || adverb(doc, i - 1)) {
            i -= 1;
            continue;
        }
        // "Proponents of the bill, however, say": an aside between subject and verb.
        if t.punct(b',')
            && i >= floor + 3
            && doc.toks[i - 2].kind == Kind::Word
            && doc.toks[i - 2].is(DISCOURSE | ADV)
            && !doc.toks[i - 2].cap()
            && doc.is_punct(i - 3, b',')
        {
            i -= 3;
            continue;
        }
        // "on Friday declared", "last week said": a time between subject and verb.
        let time = (t.kind == Kind::Word && t.is(TIME | MONTH) && !t.is(PREP))
            || (t.kind == Kind::Number && i >= 2 && doc.toks[i - 2].is(MONTH));
        if time {
            i -= 1;
            while i > floor
                && (doc.is_word(i - 1, "on")
                    || doc.is_word(i - 1, "last")
                    || doc.is_word(i - 1, "this")
                    || doc.toks[i - 1].is(MONTH))
            {
                i -= 1;
            }
            continue;
        }
        return Some(i - 1);
    }
    None
}

fn verb_frame(doc: &Doc, u: usize, c: usize, lemma: u16, form: Form, cs: usize) -> Option<Frame> {
    let r = doc.unit_toks[u].clone();
    let flags = lexicon::lemma_flags(lemma);
    let ch = chain(doc, c, r.start);
    if ch.neg {
        return None;
    }
    let cue_end = particle_end(doc, c, flags, r.end)?;
    let speech = flags & cue::INVERTIBLE != 0;
    // "the estimated costs", "Those estimates", "his remarks": after a determiner the
    // word is an adjective or a noun, not a verb. So is a present form after a form of
    // "be" ("There are fears that ...").
    if c > r.start && c == ch.start {
        // (Not "Some say", "Another said": quantifiers stand for people.)
        let prev = doc.toks[c - 1];
        let article = [
            "the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "my",
            "your",
        ]
        .iter()
        .any(|w| doc.is_word(c - 1, w));
        if prev.kind == Kind::Word && article {
            return None;
        }
    }
    if ch.be && form == Form::Present {
        return None;
    }
    // "written", "shown": a participle only, finite with "have" or "be" alone ("a poem
    // written by Hendrix went for £10,000"); it may still carry a source after "by".
    let participle_only =
        form == Form::Past && !doc.word(c).eq_ignore_ascii_case(lexicon::lemma_past(lemma));
    if participle_only && !ch.have && !ch.be {
        if flags & cue::BY_PASSIVE != 0 {
            return by_passive(doc, u, cue_end, ch.start);
        }
        return None;
    }
    match form {
        Form::Gerund if !ch.be => {
            let prev = before_chain(doc, c, r.start);
            if !speech && !prev.is_some_and(|p| doc.is_punct(p, b',')) {
                return None;
            }
            let after_sep = prev.is_none_or(|p| {
                doc.is_separator(p)
                    || ["while", "before", "after", "by", "in", "when", "without"]
                        .iter()
                        .any(|w| doc.is_word(p, w))
                    // "issued a statement saying ...", "posted a tweet calling ..."
                    || {
                        let mut q = p;
                        while q > r.start && doc.toks[q].is(TIME) {
                            q -= 1;
                        }
                        doc.toks[q].is(MEDIUM | DOC_NOUN) && doc.toks[q].kind == Kind::Word
                    }
            });
            if !after_sep {
                return None;
            }
            return borrowed_frame(doc, u, c, cue_end, c);
        }
        Form::Base if ch.to => {
            // "other than to say", "went on to say", "held a briefing to brag": an
            // infinitive reports; not after "too" ("too early to comment").
            let to = c - 1;
            let after_verb = !(to >= r.start + 2 && doc.is_word(to - 2, "too"));
            // "did not go as far as to say", "never got to say": a report denied.
            let denied = (to.saturating_sub(6).max(r.start)..to)
                .any(|i| doc.toks[i].kind == Kind::Word && doc.toks[i].is(NEG));
            if !speech || !after_verb || denied {
                return None;
            }
            // "the third candidate this week to announce a bid", "plans to describe the
            // deal": an infinitive with a noun-phrase object is an act planned or
            // characterised, not one reported as done.
            return borrowed_frame(doc, u, c, cue_end, c).filter(|f| !f.act);
        }
        _ => {}
    }
    let passive = ch.be && form == Form::Past;
    let mut prev = before_chain(doc, c, r.start);
    // "Sen. Mitch McConnell (R-Ky.) said": the subject is before the parenthesis.
    if let Some(p) = prev
        && doc.is_punct(p, b')')
    {
        prev = skip_parenthesis_back(doc, p + 1, r.start);
    }
    // Who is before the cue?
    let subject = prev.and_then(|p| {
        if passive || doc.is_separator(p) {
            return None;
        }
        let t = doc.toks[p];
        if t.kind != Kind::Word && t.kind != Kind::Number {
            return None;
        }
        if t.is(REL) && t.is(DET) && !doc.is_word(p, "that") {
            return None;
        }
        if doc.is_word(p, "who") || doc.is_word(p, "that") || doc.is_word(p, "which") {
            // "Smith, who said ...": the antecedent before the relative pronoun.
            let mut q = p;
            if q > r.start && doc.is_punct(q - 1, b',') {
                q -= 1;
            }
            if q == r.start {
                return None;
            }
            return doc.np_back(q - 1, r.start).map(|s| (s, q, true));
        }
        // "reports", "claims", "calls" are also plural nouns ("credit reports"): with
        // them the subject must be a plain name, pronoun or source noun.
        let noun_like = form == Form::Present && {
            let w = doc.word(c);
            // Less its last character (which need not be one byte: "reports’").
            let stem = &w[..w.len() - w.chars().next_back().map_or(0, char::len_utf8)];
            lexicon::lookup(stem).0 & (DOC_NOUN | MEDIUM | GROUP_NOUN) != 0
                || lexicon::lookup(w).0 & (DOC_NOUN | MEDIUM) != 0
                || PLURAL_NOUN_CUES.iter().any(|n| w.eq_ignore_ascii_case(n))
        };
        if noun_like && !(t.cap() || t.is(PRONOUN | SOURCE_NOUN)) {
            return None;
        }
        doc.np_back(p, r.start)
            .map(|s| (paired_modifier_before(doc, s, r.start), p + 1, false))
            .or_else(|| {
                (!noun_like)
                    .then(|| long_subject(doc, p, r.start).map(|s| (s, p + 1, false)))
                    .flatten()
            })
            .or_else(|| coordinated_object(doc, p, r.start, cs).map(|s| (s, p + 1, false)))
    });
    // "Experts on North Korea and nuclear nonproliferation said": the phrase before the
    // cue is the object of a preposition; the speaker is the noun it hangs from.
    let subject = subject.map(|(s, e, rel)| {
        if rel || (s..e).any(|i| doc.toks[i].is(SOURCE_NOUN)) {
            return (s, e, rel);
        }
        source_head_before(doc, s, r.start, cs).map_or((s, e, rel), |s2| (s2, e, rel))
    });
    if let Some((s, e, true)) = subject {
        // A relative clause reports what follows it, never what comes before.
        let k = after_start(doc, cue_end, r.end, flags);
        let (a, b) = after_content(doc, u, k)?;
        if flags & cue::NEEDS_CLAUSE != 0 && !clause_like(doc, a, b, cue_end) {
            return None;
        }
        let who = prev.unwrap_or(s);
        let mut f = Frame {
            unit: u,
            cue: (ch.start, cue_end),
            source: Some((who, who + 1)),
            role: None,
            content: vec![(a, b)],
            attr: (who, k.max(cue_end)),
            borrowed: false,
            continued: false,
            rest_subject: None,
            antecedent: Some((s, e)),
            anonymity: None,
            act: false,
            object: None,
        };
        make_act(doc, &mut f, flags, k)?;
        return Some(f);
    }
    if let Some((s, e, _)) = subject {
        let plural_ok = |s, e| form != Form::Base || ch.modal || plural_subject(doc, s, e);
        if plural_ok(s, e)
            && let Some(f) = subject_frame(doc, u, ch.start, cue_end, (s, e), flags, cs)
        {
            return Some(f);
        }
        // "people who have battled online threats say ...": the short phrase before the
        // cue is the tail of a longer subject.
        let p = prev?;
        let s2 = long_subject(doc, p, r.start).filter(|&s2| s2 < s)?;
        if !plural_ok(s2, e) {
            return None;
        }
        return subject_frame(doc, u, ch.start, cue_end, (s2, e), flags, cs);
    }
    if form == Form::Base && !ch.modal {
        let p = prev?;
        // "... and say they are no longer accepting ...": a second verb, same subject.
        if (doc.is_word(p, "and") || doc.is_word(p, "but")) && speech {
            return borrowed_frame(doc, u, c, cue_end, ch.start);
        }
        // "Part of the problem, say experts like X, is ...".
        if doc.is_separator(p)
            && let Some(f) = inverted(doc, u, c, ch.start, cue_end, p, flags)
        {
            return Some(f);
        }
        // "Cement makers, for instance, argue that ...".
        let f = appositive_subject(doc, u, ch.start, cue_end, p, flags, cs)?;
        let (s, e) = f.source?;
        return plural_subject(doc, s, e).then_some(f);
    }
    // "..., then says ...": a second verb after a comma and "then".
    let then_after_comma = ch.start > r.start + 1
        && doc.is_word(ch.start - 1, "then")
        && doc.is_punct(ch.start - 2, b',');
    if then_after_comma && matches!(form, Form::Past | Form::Present) && !passive && speech {
        return borrowed_frame(doc, u, c, cue_end, ch.start);
    }
    // "Wilson praised Rubio and said ...": a second verb sharing the clause's subject;
    // "... and called the system “rotten”": a second act.
    if let Some(p) = prev
        && (doc.is_word(p, "and") || doc.is_word(p, "but"))
        && matches!(form, Form::Past | Form::Present)
        && !passive
        && (speech || flags & cue::OBJECT != 0)
    {
        let f = borrowed_frame(doc, u, c, cue_end, ch.start)?;
        return (speech || f.act).then_some(f);
    }
    // No subject on the left: a participle with `by`, or an inverted "..., said X".
    if form == Form::Past
        && flags & cue::BY_PASSIVE != 0
        && let Some(f) = by_passive(doc, u, cue_end, ch.start)
    {
        return Some(f);
    }
    if passive {
        return None;
    }
    let p = prev?;
    if (doc.is_separator(p) || p + 1 == cs)
        && let Some(f) = inverted(doc, u, c, ch.start, cue_end, p, flags)
    {
        return Some(f);
    }
    if doc.is_punct(p, b',') || doc.is_punct(p, punct::DASH) {
        return appositive_subject(doc, u, ch.start, cue_end, p, flags, cs);
    }
    None
}

/// The start of "NOUN PREP ... (and ...)" ending at `s`, when NOUN is a source noun or a
/// name and the phrase opens its clause: "Experts on North Korea and nuclear
/// nonproliferation", "Officials at the port". At most three links back.
fn source_head_before(doc: &Doc, mut s: usize, floor: usize, cs: usize) -> Option<usize> {
    for _ in 0..3 {
        if s < floor + 2 {
            return None;
        }
        let link = s - 1;
        let joins = [
            "on", "at", "of", "from", "for", "with", "in", "and", "around", "across",
        ]
        .iter()
        .any(|w| doc.is_word(link, w));
        if !joins {
            return None;
        }
        // "in Oregon and around the region": a second preposition joined by "and".
        let joined = !doc.is_word(link, "and") && doc.is_word(link - 1, "and");
        if joined && s < floor + 3 {
            return None;
        }
        let before = if joined { link - 2 } else { link - 1 };
        let s2 = doc
            .np_back(before, floor)
            .or_else(|| bare_phrase_back(doc, before, floor))?;
        if s2 >= s {
            return None;
        }
        s = s2;
        let opens_clause = s == floor || s == cs || doc.is_separator(s - 1);
        // (A source noun in the phrase the preposition hangs from, not a possessive:
        // "people's appetite for ...".)
        let head = (s..=before).any(|i| doc.toks[i].is(SOURCE_NOUN) && !doc.toks[i].poss());
        if head && opens_clause && !doc.is_word(link, "and") {
            return Some(s);
        }
    }
    None
}

/// "current and former officials", "past or present members": a modifier joined by
/// "and"/"or" to the first word of the phrase starting at `s`, when it opens the clause.
fn paired_modifier_before(doc: &Doc, s: usize, floor: usize) -> usize {
    if s < floor + 2 || !(doc.is_word(s - 1, "and") || doc.is_word(s - 1, "or")) {
        return s;
    }
    let m = s - 2;
    let plain = bare_word(doc, m) && !doc.toks[s].cap() && !doc.toks[s].is(DET | PRONOUN);
    let opens = m == floor || doc.is_separator(m - 1);
    if plain && opens { m } else { s }
}

/// "Experts on North Korea and nuclear nonproliferation said": a bare lower-case phrase
/// after "and" ending at `p`, joined to a preposition's object that hangs from a source
/// noun opening the clause. The start of the whole subject.
fn coordinated_object(doc: &Doc, p: usize, floor: usize, cs: usize) -> Option<usize> {
    let k = bare_phrase_back(doc, p, floor)?;
    if k <= floor || !doc.is_word(k - 1, "and") {
        return None;
    }
    source_head_before(doc, k, floor, cs)
}

/// The start of up to three lower-case content words ending at `end` ("marine
/// biology"): a phrase without a determiner that `Doc::np_back` does not take.
fn bare_phrase_back(doc: &Doc, end: usize, floor: usize) -> Option<usize> {
    let mut k = end + 1;
    while k > floor && end + 1 - k < 3 && bare_word(doc, k - 1) {
        k -= 1;
    }
    (k <= end).then_some(k)
}

/// A lower-case content word that is no cue: a noun or an adjective, as far as the
/// lexicon can tell.
fn bare_word(doc: &Doc, i: usize) -> bool {
    let t = doc.toks[i];
    t.kind == Kind::Word
        && !t.cap()
        && t.cue.is_none()
        && !t.is(FUNCTION | ADV | PRONOUN | AUX | MODAL | NEG | DET)
}

/// Third-person cue forms that are as often plural nouns ("Democrats lob charges that
/// ...", "the calls grew"): with them the subject must be a name, pronoun or source noun.
const PLURAL_NOUN_CUES: &[&str] = &[
    "charges",
    "claims",
    "calls",
    "demands",
    "promises",
    "questions",
    "fears",
    "doubts",
    "complaints",
    "hopes",
    "pledges",
    "vows",
    "warnings",
    "comments",
    "remarks",
    "answers",
    "replies",
    "responses",
    "requests",
    "notes",
    "points",
    "threats",
];

/// A subject the noun-phrase scan cannot take in one piece, ending at token `p`:
/// "Officials who spoke on condition of anonymity", "A report released on Tuesday".
/// From the last clause boundary, up to ten words with a head and no verb we know.
fn long_subject(doc: &Doc, p: usize, floor: usize) -> Option<usize> {
    // "42% say", "six in 10 said", "21 percent said".
    if doc.toks[p].kind == Kind::Punct
        && p > floor
        && doc.toks[p - 1].kind == Kind::Number
        && doc.text[doc.toks[p].start..doc.toks[p].end] == *"%"
    {
        return Some(p - 1);
    }
    if (doc.toks[p].kind == Kind::Number || doc.toks[p].is(NUMBER_WORD))
        && p >= floor + 2
        && doc.is_word(p - 1, "in")
        && (doc.toks[p - 2].kind == Kind::Number || doc.toks[p - 2].is(NUMBER_WORD))
    {
        return Some(p - 2);
    }
    let mut from = p + 1;
    let mut limit = 14;
    while from > floor && p + 1 - from < limit {
        let t = doc.toks[from - 1];
        let boundary = t.kind != Kind::Word && t.kind != Kind::Number
            || (t.kind == Kind::Word && t.is(SUBORD | CONJ | DISCOURSE) && !t.is(REL));
        // "Officials who spoke on condition of anonymity because they were not
        // authorized to discuss the matter said": the reason belongs to the subject.
        let anonymity_reason = doc.is_word(from - 1, "because")
            && (from.saturating_sub(4).max(floor)..from - 1)
                .any(|k| doc.is_word(k, "anonymity") || doc.is_word(k, "anonymously"));
        if anonymity_reason {
            limit = 30;
        } else if boundary {
            break;
        }
        from -= 1;
    }
    if from > p
        || (from > floor
            && !doc.is_separator(from - 1)
            && !doc.toks[from - 1].is(SUBORD | CONJ | DISCOURSE))
    {
        return None;
    }
    let first = doc.toks[from];
    // "Those close to him", "those familiar with the talks": people described.
    let those_described = doc.is_word(from, "those")
        && (doc.is_word(from + 1, "close") || doc.is_word(from + 1, "familiar"));
    if first.kind != Kind::Word
        // ("progressive organizations that ...": an adjective may open the phrase when
        // a source noun follows.)
        || !(first.cap()
            || first.is(DET | SOURCE_NOUN | QUANT)
            || !first.is(FUNCTION | ADV | PRONOUN)
                && first.cue.is_none()
                && doc.toks.get(from + 1).is_some_and(|n| n.is(SOURCE_NOUN)))
        || first.is(PRONOUN) && !those_described
        || doc.word(from).ends_with("ing")
    {
        return None;
    }
    let mut relative = false;
    for i in from..=p {
        let t = doc.toks[i];
        if t.kind == Kind::Word && t.is(REL) && i > from {
            relative = true;
        }
        let verb = t.kind == Kind::Word
            && !t.cap()
            && (t.is(AUX | MODAL | NEG)
                || (t.cue.is_some() && !t.is(SOURCE_NOUN) && !doc.gerund_noun(i)));
        if verb && !relative {
            return None;
        }
    }
    (those_described
        || (from..=p).any(|i| {
            doc.toks[i].is(SOURCE_NOUN)
                || doc.toks[i].cap() && i > from && !doc.toks[i].is(TIME | MONTH)
        }))
    .then_some(from)
}

/// The last token before separator `q`, skipping a parenthesis right before it
/// ("Sen. Johnny Isakson (R-Ga.), one of ..."). `None` when nothing is left.
fn skip_parenthesis_back(doc: &Doc, q: usize, floor: usize) -> Option<usize> {
    if q <= floor {
        return None;
    }
    let mut end = q - 1;
    if doc.is_punct(end, b')') {
        let mut k = end;
        while k > floor && !doc.is_punct(k, b'(') && end - k < 12 {
            k -= 1;
        }
        if !doc.is_punct(k, b'(') || k == floor {
            return None;
        }
        end = k - 1;
    }
    Some(end)
}

/// "Victor D. Cha, a professor at the university, said ...": the subject before an
/// appositive set off by commas; the appositive is the source's role.
#[allow(clippy::too_many_arguments)]
fn appositive_subject(
    doc: &Doc,
    u: usize,
    cue_start: usize,
    cue_end: usize,
    p: usize,
    flags: u8,
    cs: usize,
) -> Option<Frame> {
    let r = doc.unit_toks[u].clone();
    if !doc.is_punct(p, b',') && !doc.is_punct(p, punct::DASH) {
        return None;
    }
    let closer = doc.toks[p].ch;
    // "Trump, who previously questioned whether ..., said": a relative clause, commas
    // and all.
    let mut w = p;
    while w > r.start + 1 && p - w < 45 {
        w -= 1;
        let who = doc.is_word(w, "who")
            || doc.is_word(w, "whose")
            || doc.is_word(w, "which")
            || (doc.toks[w].poss() && doc.word(w).to_ascii_lowercase().starts_with("who"));
        if who && doc.is_punct(w - 1, b',') {
            let q = w - 1;
            let end = skip_parenthesis_back(doc, q, r.start)?;
            let end = skip_party_tag_back(doc, end, r.start);
            let end = skip_age_and_home_back(doc, end, r.start);
            // "A senior official at the port, who ...": the phrase the preposition hangs
            // from is part of the subject.
            let s = with_head_before(doc, doc.np_back(end, r.start)?, r.start);
            if !(s..=end).any(|i| doc.toks[i].cap() || doc.toks[i].is(SOURCE_NOUN)) {
                return None;
            }
            return subject_frame(doc, u, cue_start, cue_end, (s, end + 1), flags, cs);
        }
        if doc.toks[w].kind == Kind::Close || doc.toks[w].kind == Kind::Open {
            break;
        }
    }
    // "Johnnie Wilson, of Springfield, Va., said": the commas inside a home town are
    // not the appositive's.
    if p > r.start + 1 {
        let e = skip_age_and_home_back(doc, p - 1, r.start);
        if e < p - 1 {
            let s = doc.np_back(e, r.start)?;
            // "One of the men, David Redvers, 34, from Hartpury, said": a description,
            // then the name; the description is the role.
            let described = (s > r.start + 1 && doc.is_punct(s - 1, b','))
                .then(|| doc.np_back(s - 2, r.start))
                .flatten()
                .map(|d| with_head_before(doc, d, r.start))
                .filter(|&d| doc.toks[d].is(DET | QUANT | NUMBER_WORD) || !doc.toks[d].cap());
            if let Some(d) = described
                && let Some(mut f) =
                    subject_frame(doc, u, cue_start, cue_end, (d, s - 1), flags, cs)
            {
                f.source = Some((s, e + 1));
                f.role = Some((d, s - 1));
                return Some(f);
            }
            let mut f = subject_frame(doc, u, cue_start, cue_end, (s, e + 1), flags, cs)?;
            f.role = Some((e + 2, p));
            return Some(f);
        }
    }
    let mut q = p;
    while q > r.start && p - q < 32 {
        q -= 1;
        if doc.is_punct(q, closer) {
            break;
        }
        if doc.toks[q].kind != Kind::Word
            && doc.toks[q].kind != Kind::Number
            && doc.toks[q].kind != Kind::Open
            && doc.toks[q].kind != Kind::Close
            && !doc.is_punct(q, b'(')
            && !doc.is_punct(q, b')')
            && !doc.is_punct(q, b'.')
        {
            return None;
        }
    }
    if !doc.is_punct(q, closer) || q == r.start || q + 1 >= p {
        return None;
    }
    let first = doc.toks[q + 1];
    // ", in her dissent," / ", during a rally,": an aside, not a role.
    let aside = first.kind == Kind::Word
        && (first.is(PREP) || first.is(SUBORD))
        && !first.cap()
        && p - q <= 25;
    let mut end = skip_parenthesis_back(doc, q, r.start)?;
    // "Marley Anderson, 21, a junior from ...": an age between the name and the role.
    if doc.toks[end].kind == Kind::Number && end >= r.start + 2 && doc.is_punct(end - 1, b',') {
        end = skip_parenthesis_back(doc, end - 1, r.start)?;
    }
    let end = skip_party_tag_back(doc, end, r.start);
    let end = skip_age_and_home_back(doc, end, r.start);
    if aside {
        let s = doc.np_back(end, r.start)?;
        if !(s..=end).any(|i| doc.head_word(i)) {
            return None;
        }
        return subject_frame(doc, u, cue_start, cue_end, (s, end + 1), flags, cs);
    }
    let relative = doc.is_word(q + 1, "who") || doc.is_word(q + 1, "whose");
    let rel = (q + 1..p)
        .find(|&i| doc.is_word(i, "who") || doc.is_word(i, "which"))
        .unwrap_or(p);
    let verbless = (q + 1..rel).all(|i| {
        let t = doc.toks[i];
        // "a creative writing professor" is a role; "who writes" or "says" is a verb.
        let finite_cue =
            t.cue.is_some_and(|q| q.form == Form::Present) && !t.is(SOURCE_NOUN | TITLE);
        !(t.kind == Kind::Word && !t.cap() && (t.is(MODAL | AUX) || finite_cue))
    });
    let role_like = (first.kind == Kind::Word || first.kind == Kind::Number)
        && (relative || (verbless && p - q <= 30));
    if !role_like || first.is(PRONOUN) {
        return None;
    }
    let named = first.kind == Kind::Word
        && first.cap()
        && !first.is(DET | TITLE | QUANT | NUMBER_WORD | PRONOUN);
    let mut s = doc.np_back(end, r.start)?;
    // "The head of the port, Juan Ortiz, said": before a name, the whole description.
    if named && !relative {
        s = with_head_before(doc, s, r.start);
    }
    if !(s..=end).any(|i| doc.toks[i].cap() || doc.toks[i].is(SOURCE_NOUN)) {
        return None;
    }
    let mut f = subject_frame(doc, u, cue_start, cue_end, (s, end + 1), flags, cs)?;
    if !relative {
        f.role = Some((q + 1, p));
        // "One pastor supporting Mr. Cruz, Darran Whiting of ..., said": a description
        // first, then the name. The name is the mention; the description its role.
        let described = doc.toks[s].is(DET | QUANT | NUMBER_WORD) || !doc.toks[s].cap();
        if described && named {
            f.source = Some((q + 1, p));
            f.role = Some((s, end + 1));
        }
    }
    Some(f)
}

/// "a senior official at the port", "one of the men": extends a noun phrase starting
/// at `s` back over up to three prepositions to the phrase they hang from.
fn with_head_before(doc: &Doc, mut s: usize, floor: usize) -> usize {
    for _ in 0..3 {
        let extended = (s >= floor + 2
            && ["at", "of", "for", "with", "from", "in", "on"]
                .iter()
                .any(|p| doc.is_word(s - 1, p)))
        .then(|| doc.np_back(s - 2, floor))
        .flatten();
        match extended {
            Some(s2) if s2 < s => s = s2,
            _ => break,
        }
    }
    s
}

/// "Donna Rawlings, 59, of Ashton, Md., who ...": from the last token of an age and a
/// home town set off by commas back to the name before them; else `end` itself.
fn skip_age_and_home_back(doc: &Doc, end: usize, floor: usize) -> usize {
    let mut e = end;
    for _ in 0..2 {
        // ", of Ashton, Md." / ", from Springfield": a preposition, then up to six
        // capitalised words and periods with at most one comma (before the state).
        let mut k = e;
        let mut commas = 0;
        let mut words = 0;
        let home = loop {
            if k <= floor + 1 || e - k > 8 {
                break None;
            }
            let t = doc.toks[k];
            if t.kind == Kind::Word && !t.cap() {
                let prep = doc.is_word(k, "of") || doc.is_word(k, "from");
                break (prep && words > 0 && doc.is_punct(k - 1, b',')).then_some(k - 1);
            }
            if t.kind == Kind::Word && !t.is(TITLE | DET | PRONOUN) {
                words += 1;
            } else if doc.is_punct(k, b',') && commas == 0 && doc.toks[k + 1].cap() {
                commas += 1;
            } else if !doc.is_punct(k, b'.') {
                break None;
            }
            k -= 1;
        };
        let age = home.is_none()
            && e >= floor + 2
            && doc.toks[e].kind == Kind::Number
            && doc.word(e).len() <= 3
            && doc.is_punct(e - 1, b',');
        let comma = match home {
            Some(c) => c,
            None if age => e - 1,
            None => break,
        };
        if !doc.toks[comma - 1].cap() && doc.toks[comma - 1].kind != Kind::Number {
            break;
        }
        e = comma - 1;
    }
    if doc.toks[e].kind == Kind::Word && doc.toks[e].cap() {
        e
    } else {
        end
    }
}

/// "Rep. Ann Cole, R-N.Y., who ...": from the last token of a party and state tag set
/// off by commas back to the token before it (the name); else `end` itself.
fn skip_party_tag_back(doc: &Doc, end: usize, floor: usize) -> usize {
    let mut k = end;
    if doc.is_punct(k, b'.') && k > floor {
        k -= 1;
    }
    let w = doc.word(k).as_bytes();
    let tag = doc.toks[k].kind == Kind::Word
        && w.len() >= 3
        && matches!(w[0], b'D' | b'R' | b'I')
        && w[1] == b'-'
        && w[2].is_ascii_uppercase();
    if tag && k >= floor + 2 && doc.is_punct(k - 1, b',') {
        k - 2
    } else {
        end
    }
}

/// The end of the cue phrase: a particle that is part of the cue ("called for",
/// "pointed out", "pointed to"). `None` when a particle verb lacks its particle.
fn particle_end(doc: &Doc, c: usize, flags: u8, limit: usize) -> Option<usize> {
    if flags & cue::PARTICLE == 0 {
        return Some(c + 1);
    }
    let lemma = doc.lemma(c);
    let ok: &[&str] = match lemma {
        "call" => &["for", "on"],
        "point" => &["out", "to"],
        _ => &[],
    };
    if c + 1 < limit && ok.iter().any(|w| doc.is_word(c + 1, w)) {
        return Some(c + 2);
    }
    // "called the deal “historic”", "called him a liar": naming, with the label after
    // its object.
    if lemma == "call" && c + 1 < limit {
        // "called Trump “unhinged”", "called Ford’s plans ... “an absolute disgrace”":
        // a label in quote marks, even after a name.
        let quoted_label = (c + 1..limit.min(c + 15)).any(|i| doc.toks[i].kind == Kind::Open);
        let article_label =
            (c + 1..limit.min(c + 9)).any(|i| doc.is_word(i, "a") || doc.is_word(i, "an"));
        // "called him divisive", "called her fallen son her hero" (not "called him on
        // Tuesday": a call).
        let pronoun_label = doc.toks[c + 1].is(OBJ_PRON)
            && doc.toks.get(c + 2).is_some_and(|n| {
                n.kind == Kind::Word && !n.is(PREP | TIME | CONJ | ADV) && n.cue.is_none()
            });
        let not_phrasal = !doc.is_word(c + 1, "off")
            && !doc.is_word(c + 1, "up")
            && !doc.is_word(c + 1, "in")
            && !doc.is_word(c + 1, "back");
        let first = doc.toks[c + 1];
        if not_phrasal && (quoted_label || pronoun_label || article_label && !first.cap()) {
            return Some(c + 1);
        }
    }
    None
}

fn plural_subject(doc: &Doc, s: usize, e: usize) -> bool {
    let head = doc.toks[e - 1];
    if head.is(PRON_THEY)
        || doc.is_word(e - 1, "we")
        || doc.is_word(e - 1, "i")
        || doc.is_word(e - 1, "you")
    {
        return true;
    }
    // "Those close to the mayor", "Smith and Jones".
    if e - s >= 2 && (doc.is_word(e - 2, "and") || doc.is_word(s, "those")) {
        return true;
    }
    // Any plural noun in the phrase: "people close to Clinton", "42%", "six in 10".
    (s..e).any(|i| {
        let t = doc.toks[i];
        if t.kind == Kind::Number || (t.kind == Kind::Punct && t.ch == punct::OTHER) {
            return true;
        }
        if t.kind != Kind::Word || t.is(PRONOUN) {
            return false;
        }
        if t.is(VAGUE | QUANT)
            || [
                "women", "men", "children", "police", "staff", "media", "crew", "public",
            ]
            .iter()
            .any(|w| doc.is_word(i, w))
        {
            return true;
        }
        let w = doc.word(i);
        let plural_form = w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !t.poss();
        plural_form
            && (!t.cap()
                || t.is(SOURCE_NOUN)
                || e - s == 1 && s == doc.sents[t.sent as usize].start)
    })
}

/// Where the content after a cue starts: past time words, "in a statement", the
/// listener of "told", and "that".
fn after_start(doc: &Doc, mut k: usize, end: usize, flags: u8) -> usize {
    let start = k;
    let mut guard = 0;
    while k < end && guard < 4 {
        guard += 1;
        let t = doc.toks[k];
        if t.kind == Kind::Word
            && (t.is(TIME | MONTH) && !time_determiner_alone(doc, k, end)
                || (t.is(ADV) && !t.is(PREP | DET)))
        {
            k += 1;
            continue;
        }
        if t.kind == Kind::Number && k > 0 && doc.toks[k - 1].is(MONTH) {
            k += 1;
            continue;
        }
        // "in a statement (that)", "on Tuesday", "during an interview with X":
        if t.kind == Kind::Word && t.is(PREP) && !doc.is_word(k, "that") {
            let mut j = k + 1;
            let mut medium = false;
            while j < end && j - k <= 8 {
                let tj = doc.toks[j];
                if tj.is(MEDIUM | TIME | MONTH) {
                    medium = true;
                }
                if tj.kind != Kind::Word && tj.kind != Kind::Number {
                    break;
                }
                if doc.is_word(j, "that") {
                    break;
                }
                if tj.cue.is_some() && j > k + 1 && !modifying_participle(doc, j) || tj.is(PRONOUN)
                {
                    break;
                }
                j += 1;
            }
            // "in a statement", "on Twitter", "during an interview": prepositions of
            // time, place and medium (not "replied to the letter", "warned of a crisis").
            let setting = [
                "in", "on", "at", "during", "via", "through", "over", "after", "before", "from",
                "with", "by",
            ]
            .iter()
            .any(|w| doc.is_word(k, w));
            if setting
                && (doc.is_word(j, "that")
                    || medium
                        && (j >= content_end(doc, j, end)
                            || doc.is_separator(j)
                            || doc.toks[j].kind == Kind::Open
                            || doc.toks[j].is(PRONOUN)))
            {
                k = j;
                continue;
            }
            if doc.is_word(k, "to") && flags & cue::INVERTIBLE != 0 {
                // "said to reporters that", "said to The Associated Press," "has said to
                // us that" (not "replied to the letter, according to ...": the listener is
                // a person or an outlet).
                let listener = if doc.toks.get(k + 1).is_some_and(|t| t.is(OBJ_PRON)) {
                    Some(k + 2)
                } else {
                    doc.np_fwd(k + 1, end)
                        .filter(|&e| doc.toks[e - 1].is(RECIPIENT) || doc.toks[e - 1].cap())
                };
                if let Some(e) = listener
                    && (doc.is_word(e, "that") || doc.is_separator(e))
                {
                    k = e;
                    continue;
                }
            }
            break;
        }
        break;
    }
    if flags & cue::RECIPIENT != 0 && k < end {
        // "told reporters (that)", "told The Associated Press", "warned him".
        let t = doc.toks[k];
        if t.is(OBJ_PRON) || doc.is_word(k, "us") {
            k += 1;
        } else if t.kind == Kind::Word
            && !doc.is_word(k, "that")
            && let Some(e) = doc.np_fwd(k, end)
            && e - k <= 7
            // "warned the move would cut ...": a noun phrase with a verb after it is the
            // subject of the content, not the listener.
            && !doc.toks.get(e).is_some_and(|n| {
                n.kind == Kind::Word
                    && !n.cap()
                    && (n.is(AUX | MODAL | NEG)
                        || n.cue.is_some_and(|q| matches!(q.form, Form::Past | Form::Present)))
            })
        {
            k = e;
        }
        // "told reporters on Tuesday that", "told a rally in Iowa that".
        if k > start {
            return after_start(doc, k, end, flags & !cue::RECIPIENT);
        }
    }
    while k < end
        && ((doc.is_word(k, "that") && !demonstrative(doc, k, end))
            || (flags & cue::INVERTIBLE != 0 && (doc.is_punct(k, b',') || doc.is_punct(k, b':'))))
    {
        k += 1;
    }
    k
}

/// A cue's past participle that modifies a noun, not a verb: "a written statement"
/// (after an article), "a video posted on the site" (after a medium or document).
fn modifying_participle(doc: &Doc, j: usize) -> bool {
    let t = doc.toks[j];
    j > 0
        && t.cue.is_some_and(|q| q.form == Form::Past)
        && doc.toks[j - 1].kind == Kind::Word
        && (doc.toks[j - 1].is(DET) && !doc.is_word(j - 1, "that")
            || doc.toks[j - 1].is(MEDIUM | DOC_NOUN))
}

/// "this", "last", "next", "past" are time words only before a time noun ("said this
/// week", "wrote last month"); alone they are a pronoun or an adjective starting the
/// content ("says this is meant to help").
fn time_determiner_alone(doc: &Doc, k: usize, end: usize) -> bool {
    let determiner = ["this", "last", "next", "past"]
        .iter()
        .any(|w| doc.is_word(k, w));
    determiner
        && !(k + 1 < end && doc.toks[k + 1].kind == Kind::Word && doc.toks[k + 1].is(TIME | MONTH))
}

/// Prepositions that open a phrase of time, place or medium after a cue ("said in a
/// statement", "told reporters at a briefing in Seoul", "wrote on Twitter").
const SETTING_PREPS: &[&str] = &[
    "in", "on", "at", "during", "via", "through", "over", "after", "before", "from", "with", "by",
];

/// Participles whose phrase, after an attribution, says how or on what basis it was
/// made, not what was said: ", speaking on condition of anonymity", ", citing a
/// briefing by ...", ", referring to ...", ", asking not to be named".
const MANNER_PARTICIPLES: &[&str] = &[
    "speaking",
    "citing",
    "quoting",
    "referring",
    "declining",
    "requesting",
    "asking",
    "writing",
    "responding",
    "replying",
    "reacting",
    "testifying",
    "appearing",
    "briefing",
    "addressing",
    "standing",
    "sitting",
    "reading",
];

/// Past participles not ending in "-ed" that describe a medium ("the letter, sent to
/// parents", "a video, shot in May").
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "sent",
    "made",
    "given",
    "shown",
    "written",
    "taken",
    "shot",
    "seen",
    "held",
    "put",
    "broadcast",
    "run",
    "read",
    "hung",
    "spoken",
    "drawn",
    "built",
];

/// The tail of an attribution whose content came before it, from token `from` (right
/// after the cue): when, where and how it was said ("on Friday", "in a statement", "at
/// a news conference in Seoul"), then a participle phrase of manner or basis (see
/// [`MANNER_PARTICIPLES`]). Returns where the tail ends; `from` when there is none.
fn attr_tail(doc: &Doc, u: usize, from: usize, flags: u8) -> usize {
    let r = doc.unit_toks[u].clone();
    let end = content_end(doc, from, r.end);
    let mut k = from;
    // "told reporters", "told The Associated Press", "warned them".
    if flags & cue::RECIPIENT != 0 && k < end {
        let t = doc.toks[k];
        if t.is(OBJ_PRON) {
            k += 1;
        } else if t.kind == Kind::Word
            && !t.is(PREP)
            && let Some(e) = doc.np_fwd(k, end)
            && e - k <= 7
        {
            k = e;
        }
    }
    let mut guard = 0;
    // Whether the last setting phrase ended with a medium or a document ("in the video").
    let mut setting_medium = false;
    while k < end && guard < 6 {
        guard += 1;
        // ", in a statement": a comma before a setting.
        if doc.is_punct(k, b',')
            && k + 1 < end
            && SETTING_PREPS.iter().any(|w| doc.is_word(k + 1, w))
        {
            k += 1;
        }
        let t = doc.toks[k];
        let timeish = t.kind == Kind::Word
            && (t.is(TIME | MONTH) && !time_determiner_alone(doc, k, end) || adverb(doc, k))
            || t.kind == Kind::Number && k > from && doc.toks[k - 1].is(MONTH);
        if timeish {
            k += 1;
            continue;
        }
        // "..., she said of the proposal": what the words were about.
        let about = k == from && doc.is_word(k, "of");
        if t.kind == Kind::Word && (about || SETTING_PREPS.iter().any(|w| doc.is_word(k, w))) {
            // The phrase runs to the next separator or the end, with no verb in it.
            let mut j = k + 1;
            while j < end && j - k <= 12 {
                let tj = doc.toks[j];
                let verb = tj.kind == Kind::Word
                    && !tj.cap()
                    && (tj.is(AUX | MODAL | REL)
                        || tj.cue.is_some()
                            && !tj.is(SOURCE_NOUN)
                            && !modifying_participle(doc, j));
                if !tj.is_word() || verb {
                    break;
                }
                j += 1;
            }
            if j > k + 1 && (j >= end || doc.is_punct(j, b',')) {
                k = j;
                setting_medium = doc.toks[j - 1].is(MEDIUM | DOC_NOUN);
                continue;
            }
        }
        break;
    }
    // ", speaking on condition of anonymity because ...": to the end.
    let mut g = k;
    if doc.is_punct(g, b',') {
        g += 1;
    }
    let after_comma = g > 0 && doc.is_punct(g - 1, b',');
    if after_comma
        && g < end
        && MANNER_PARTICIPLES.iter().any(|w| doc.is_word(g, w))
        && !doc.toks[g].cap()
    {
        return end;
    }
    // "... in the video, released on Monday": a participle describing the medium.
    if after_comma && setting_medium && g < end && doc.toks[g].kind == Kind::Word && {
        let w = doc.word(g);
        !doc.toks[g].cap()
            && !doc.toks[g].is(AUX | MODAL)
            && (w.len() > 4 && w.ends_with("ed") || IRREGULAR_PARTICIPLES.contains(&w))
    } {
        return end;
    }
    k
}

/// Why a source is not named, where tokens `[a, b)` say so: the phrase around
/// "anonymity", "not authorised to", "not to be named" ("speaking on condition of
/// anonymity because he was not authorised to brief reporters").
fn anonymity_phrase(doc: &Doc, a: usize, b: usize, cue: Range) -> Option<Range> {
    let hit = (a..b).find(|&i| {
        let t = doc.toks[i];
        if t.kind != Kind::Word {
            return false;
        }
        let w = doc.word(i);
        let negated = (i.saturating_sub(3).max(a)..i).any(|j| doc.toks[j].is(NEG));
        t.is(ANONYMITY)
            || negated
                && [
                    "authorized",
                    "authorised",
                    "permitted",
                    "allowed",
                    "named",
                    "identified",
                ]
                .iter()
                .any(|x| w.eq_ignore_ascii_case(x))
    })?;
    // Back to the phrase's opening: after a separator, or at "who" or a participle.
    let mut x = hit;
    while x > a {
        let t = doc.toks[x - 1];
        if doc.is_separator(x - 1) || doc.is_punct(x - 1, b'(') || t.cue.is_some() {
            break;
        }
        x -= 1;
        if doc.is_word(x, "who") || MANNER_PARTICIPLES.iter().any(|w| doc.is_word(x, w)) {
            break;
        }
    }
    let mut y = hit + 1;
    while y < b && !doc.is_separator(y) && !doc.is_punct(y, b')') && y != cue.0 {
        y += 1;
    }
    let y = content_end(doc, x, y);
    (y > x).then_some((x, y))
}

/// "who asked not to be named", "who requested anonymity", "asking not to be
/// identified": the cue asks for anonymity and reports nothing of its own.
fn requests_anonymity(doc: &Doc, c: usize) -> bool {
    let asks = ["asked", "asking", "asks", "requested", "requesting"]
        .iter()
        .any(|w| doc.is_word(c, w));
    if !asks {
        return false;
    }
    let mut k = c + 1;
    if doc.is_word(k, "for") {
        k += 1;
    }
    if doc
        .toks
        .get(k)
        .is_some_and(|t| t.kind == Kind::Word && t.is(ANONYMITY))
    {
        return true;
    }
    doc.is_word(k, "not")
        && doc.is_word(k + 1, "to")
        && doc.is_word(k + 2, "be")
        && ["named", "identified", "quoted"]
            .iter()
            .any(|w| doc.is_word(k + 3, w))
}

/// "reiterated that position,": `that` before a lone lower-case noun is a determiner.
fn demonstrative(doc: &Doc, k: usize, end: usize) -> bool {
    let n = k + 1;
    n < end
        && doc.toks[n].kind == Kind::Word
        && !doc.toks[n].cap()
        && !doc.toks[n].is(PRONOUN | DET | AUX | MODAL | NEG | ADV)
        && (n + 1 == end
            || matches!(doc.toks[n + 1].kind, Kind::Punct) && doc.toks[n + 1].ch != punct::DASH)
}

/// The last token of content in a unit: before final punctuation.
fn content_end(doc: &Doc, a: usize, mut b: usize) -> usize {
    while b > a {
        let t = doc.toks[b - 1];
        if t.kind == Kind::Punct && matches!(t.ch, b'.' | b'!' | b'?' | b',' | b';' | b':') {
            b -= 1;
            continue;
        }
        if t.kind == Kind::Punct && t.ch == punct::DASH {
            b -= 1;
            continue;
        }
        break;
    }
    b
}

fn words_in(doc: &Doc, a: usize, b: usize) -> usize {
    doc.toks[a..b].iter().filter(|t| t.is_word()).count()
}

/// Content after a cue, up to the end of the unit. Empty when only a name or a time
/// word follows.
fn after_content(doc: &Doc, u: usize, k: usize) -> Option<(usize, usize)> {
    let r = doc.unit_toks[u].clone();
    let b = content_end(doc, k, r.end);
    if k >= b {
        return None;
    }
    // A quote after the cue may run on over the next sentences.
    let first = doc.toks[k];
    if first.kind == Kind::Open && first.quote != 0 {
        let (qa, qb) = doc.quotation(first.quote as usize - 1);
        if qa == k && qb >= b.saturating_sub(1) {
            return Some((qa, qb + 1));
        }
    }
    if words_in(doc, k, b) < 2 {
        return None;
    }
    Some((k, b))
}

/// Content before an attribution that follows it: from the unit's start (or an earlier
/// frame) to the separator at `sep`.
fn before_content(doc: &Doc, u: usize, sep: usize) -> Option<(usize, usize)> {
    let r = doc.unit_toks[u].clone();
    let t = doc.toks[sep];
    if t.kind == Kind::Close && t.quote != 0 {
        let reg = t.quote as usize - 1;
        let (qa, qb) = doc.quotation(reg);
        // The quote opens the unit (or began before it): the content is the quotation.
        let mut lead = r.start;
        while lead < r.end && doc.toks[lead].is(DISCOURSE) && doc.toks[lead].kind == Kind::Word {
            lead += 1;
        }
        if qa <= lead
            || (qa > 0 && doc.is_separator(qa - 1) && doc.toks[qa - 1].kind != Kind::Close)
        {
            return Some((qa, qb + 1));
        }
    }
    let mut a = r.start;
    // "(as low as 19%, Gutin says)": an aside in parentheses reports only what is inside.
    let mut depth = 0i32;
    for i in (r.start..sep).rev() {
        if doc.is_punct(i, b')') {
            depth += 1;
        } else if doc.is_punct(i, b'(') {
            if depth == 0 {
                a = i + 1;
                break;
            }
            depth -= 1;
        }
    }
    if a >= sep {
        return None;
    }
    // A quote that began in an earlier unit ends here: take the whole quotation.
    if doc.toks[a].in_quote() && t.kind == Kind::Close && t.quote == doc.toks[a].quote {
        let (qa, qb) = doc.quotation(t.quote as usize - 1);
        return Some((qa, qb + 1));
    }
    while a < sep
        && doc.toks[a].kind == Kind::Word
        && doc.toks[a].is(DISCOURSE)
        && !doc.toks[a].cap()
    {
        a += 1;
    }
    let end = if t.kind == Kind::Close { sep + 1 } else { sep };
    if words_in(doc, a, end) < 2 {
        return None;
    }
    Some((a, end))
}

/// A cue with its subject on the left: "X said Y", "Y, X said", "“Y,” X said, “Z.”".
#[allow(clippy::too_many_arguments)]
fn subject_frame(
    doc: &Doc,
    u: usize,
    cue_start: usize,
    cue_end: usize,
    subject: (usize, usize),
    flags: u8,
    cs: usize,
) -> Option<Frame> {
    let r = doc.unit_toks[u].clone();
    let (s, e) = subject;
    let subj_tok = doc.toks[e - 1];
    // What comes right before the subject.
    let mut p = s;
    // "But even Mr. Slinker says": conjunctions and adverbs before the subject.
    while p > r.start
        && doc.toks[p - 1].kind == Kind::Word
        && !doc.toks[p - 1].cap()
        && (doc.toks[p - 1].is(DISCOURSE | CONJ) || adverb(doc, p - 1))
    {
        p -= 1;
    }
    // "In a message posted on Sunday, the site said ...": a noun inside the opening
    // phrase is no subject.
    // (A subordinate clause has subjects of its own: "While the president has said
    // ...", "As the Times noted, ...".)
    let mut lead = r.start;
    while lead < s && doc.toks[lead].kind == Kind::Word && doc.toks[lead].is(DISCOURSE | CONJ) {
        lead += 1;
    }
    let prepositional =
        doc.toks[lead].kind == Kind::Word && doc.toks[lead].is(PREP) && !doc.toks[lead].is(SUBORD);
    if prepositional && lead < s && s < cs && !doc.is_separator(s - 1) {
        return None;
    }
    let at_start = p < s || p <= cs || p == r.start || {
        let t = doc.toks[p - 1];
        (t.kind == Kind::Open && !t.in_quote())
            || (t.kind == Kind::Word && t.is(SUBORD | REL | CONJ | DISCOURSE))
            || (t.kind == Kind::Word
                && t.cue.is_some_and(|q| {
                    matches!(q.form, Form::Past | Form::Gerund)
                        || (q.form == Form::Present
                            && lexicon::lemma_flags(q.lemma) & cue::INVERTIBLE != 0)
                }))
            || doc.is_punct(p - 1, b':')
    };
    let mut k = after_start(doc, cue_end, r.end, flags);
    let mut after = after_content(doc, u, k);
    if let Some((a, b)) = after
        && flags & cue::NEEDS_CLAUSE != 0
        && !clause_like(doc, a, b, cue_end)
    {
        after = None;
    }
    // "... a little bit of politics.” Sanders said he ...": a quote that ended its own
    // sentence, not one the attribution reports.
    let at_start = at_start
        || (p > r.start
            && doc.toks[p - 1].kind == Kind::Close
            && p >= 2
            && doc.is_punct(p - 2, b'.')
            && subj_tok.cap()
            && after.is_some());
    let sep_before = s > r.start && doc.is_separator(s - 1) && !at_start;
    let mut content = Vec::new();
    // "Riding alone in the park, they said, can be hazardous": an attribution set in the
    // middle of its content, which goes on after a comma with the verb.
    let parenthetical = s > r.start
        && doc.is_punct(s - 1, b',')
        && doc.is_punct(cue_end, b',')
        && after.is_some_and(|(a, _)| {
            let t = doc.toks[a];
            t.kind == Kind::Word && !t.cap() && t.is(AUX | MODAL)
        });
    if parenthetical {
        if let Some(b) = before_content(doc, u, s - 1) {
            content.push(b);
        }
        content.extend(after);
    } else if at_start {
        if let Some(a) = after {
            content.push(a);
        } else if let Some(col) = colon_content(doc, u, cue_end) {
            content.push(col);
        } else {
            return None;
        }
    } else if sep_before
        && doc.toks[s - 1].kind != Kind::Close
        && after.is_some_and(|(a, b)| {
            !(cue_end..k).any(|i| doc.is_punct(i, b',')) && clause_like(doc, a, b, cue_end)
        })
    {
        // "..., and on Monday, CBS said it was cancelling the show": the comma closes an
        // earlier clause, the content follows the cue.
        content.extend(after);
    } else if sep_before {
        if flags & cue::INVERTIBLE == 0 {
            return None;
        }
        if let Some(b) = before_content(doc, u, s - 1) {
            content.push(b);
        }
        // "..., the ministry said in a statement, citing ...": the rest is the
        // attribution's own (when, where, how, on what basis).
        let tail = attr_tail(doc, u, cue_end, flags);
        if !content.is_empty() && tail >= content_end(doc, tail, r.end) {
            after = None;
            k = tail;
        }
        if let Some(a) = after {
            // "“A,” he said, “B.”" / "The economy, he said, is growing."
            let mid = doc.toks[k.saturating_sub(1)];
            // (", adding that ...", ", calling on ...": a report of its own; not
            // ", imposing new rules", which goes on with what was said.)
            let participle = doc.toks[a.0].kind == Kind::Word
                && !doc.toks[a.0].cap()
                && doc.toks[a.0].cue.is_some_and(|q| q.form == Form::Gerund);
            // (A whole quotation before the attribution goes on only with another
            // quotation: "“A,” he said, released ..." is no continuation of "A".)
            let quoted_before = doc.toks[s - 1].kind == Kind::Close && doc.toks[s - 1].quote != 0;
            let continues = doc.toks[a.0].kind == Kind::Open
                || (mid.kind == Kind::Punct
                    && mid.ch == b','
                    && !participle
                    && !quoted_before
                    && words_in(doc, a.0, a.1) >= 3);
            if continues || content.is_empty() {
                content.push(a);
            } else if quoted_before && !doc.has_finite_verb(a.0, a.1) {
                // "“...,” he told the lawyer, Jo Smith.", "..., he said, in a video
                // posted on the site": details of the attribution, no claim.
                k = a.1;
            }
        }
        if content.is_empty() {
            return None;
        }
    } else {
        // A word right before the subject: "a relationship they once described as ...",
        // unless it ends an introductory phrase ("at the town hall this week she said").
        if subj_tok.is(PRONOUN) {
            let intro = doc.opens_intro(r.start)
                && (r.start..s).all(|i| {
                    let t = doc.toks[i];
                    t.is_word()
                        && !t.is(AUX | MODAL | REL)
                        && (t.cue.is_none() || t.is(SOURCE_NOUN))
                });
            if !intro {
                return None;
            }
            let mut f = subject_frame(doc, u, cue_start, cue_end, (s, e), flags, s)?;
            f.attr.0 = r.start;
            return Some(f);
        }
        let prev = doc.toks[s - 1];
        if prev.kind == Kind::Word && !prev.cap() && prev.cue.is_none() {
            // "People briefed on the move said ...": a longer subject from the clause's
            // start (or the last separator), if nothing in it reads as a verb.
            let mut from = s;
            while from > r.start
                && s - from < 14
                && !doc.is_separator(from - 1)
                && doc.toks[from - 1].kind != Kind::Open
                && !(doc.toks[from - 1].kind == Kind::Word
                    && doc.toks[from - 1].is(SUBORD | CONJ | REL)
                    && !doc.toks[from - 1].is(PREP))
            {
                from -= 1;
            }
            while from < s
                && doc.toks[from].kind == Kind::Word
                && doc.toks[from].is(DISCOURSE | CONJ | SUBORD)
            {
                from += 1;
            }
            let plain = from < s
                && s - from <= 12
                && (from..s).all(|i| {
                    let t = doc.toks[i];
                    t.is_word()
                        && !t.is(AUX | MODAL | BE | NEG | REL)
                        && (t.cue.is_none() || t.cap() || t.is(SOURCE_NOUN))
                })
                && !doc.toks[from].is(PREP | SUBORD | PRONOUN)
                // ("three-quarters of the voters", "more than 4 in 10": the head may
                // be the phrase's last word, or a number of people.)
                && (from..e).any(|i| {
                    let t = doc.toks[i];
                    t.cap() || t.is(SOURCE_NOUN) || t.kind == Kind::Number
                });
            if !plain {
                return None;
            }
            let mut f = subject_frame(doc, u, cue_start, cue_end, (from, e), flags, cs)?;
            f.source = Some((from, e));
            return Some(f);
        }
        content.push(after?);
    }
    let attr_end = k.max(cue_end);
    // An introductory phrase ("At a summit on Wednesday,") goes with the attribution.
    // (A subordinate clause before it is a statement of its own, not part of it.)
    let lead_clause = doc.toks[r.start].kind == Kind::Word && doc.toks[r.start].is(SUBORD);
    let attr_start = if at_start && p <= cs && !lead_clause {
        r.start
    } else {
        s
    };
    let mut f = Frame {
        unit: u,
        cue: (cue_start, cue_end),
        source: Some((s, e)),
        role: None,
        content,
        attr: (attr_start, attr_end),
        borrowed: false,
        continued: false,
        rest_subject: None,
        antecedent: None,
        anonymity: None,
        act: false,
        object: None,
    };
    // In an object relative clause ("the film, which he wrote, directed and ..."), the
    // verb's object is the antecedent: what follows a comma after it is no content.
    // (Not "in which he declares, ...", nor "so heated that Christie said, ...".)
    let object_relative = s > r.start + 1
        && (doc.is_word(s - 1, "which") || doc.is_word(s - 1, "whom"))
        && !doc.toks[s - 2].is(PREP);
    if object_relative
        && f.content.len() == 1
        && f.content[0].0 == k
        && k > cue_end
        && doc.is_punct(k - 1, b',')
    {
        return None;
    }
    if make_act(doc, &mut f, flags, k)? {
        // "the United States, which it accuses of ...": the object is the antecedent.
        let rel = object_relative && s > r.start + 2 && doc.is_punct(s - 2, b',');
        if rel && subj_tok.is(PRONOUN) {
            let end = s - 3;
            f.object = doc.np_back(end, r.start).map(|x| (x, end + 1));
        }
    }
    Some(f)
}

/// Number words that can follow "about" in a rounded figure.
const ROUND_NUMERALS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "dozen", "half", "third", "quarter", "hundred", "thousand", "million",
];

/// Makes frame `f` an act when its content (starting at `k`, right after the cue) is
/// a noun phrase and its cue can take one: the content is cut to the object. Returns
/// whether it did (`None` is kept for a cue that reports nothing at all).
fn make_act(doc: &Doc, f: &mut Frame, flags: u8, k: usize) -> Option<bool> {
    if f.content.len() != 1 {
        return Some(false);
    }
    let (a, b) = f.content[0];
    // "said about 20 workers have quit", "about a dozen": a number rounded, not what the
    // words were about ("warned about several viruses" is).
    let numeral = |i: usize| {
        doc.toks.get(i).is_some_and(|n| n.kind == Kind::Number)
            || ROUND_NUMERALS.iter().any(|w| doc.is_word(i, w))
    };
    let rounded = ["about", "around", "over", "under"]
        .iter()
        .any(|w| doc.is_word(a, w))
        && (numeral(a + 1) || doc.is_word(a + 1, "a") && numeral(a + 2));
    if a != k || rounded || !nominal(doc, a, b, f.cue.1) {
        return Some(false);
    }
    // A verb that reports speech only ("say", "argue") makes an act of a preposition's
    // object ("argued against the bid", "wrote about the visit"); what else looks like
    // a noun phrase after it is most often a clause whose verb we do not know ("said
    // Carter stopped the practice").
    let prep = doc.toks[a].kind == Kind::Word && doc.toks[a].is(PREP);
    if flags & cue::OBJECT == 0 {
        // "has added to speculation", "looks to add to two wins": another sense of the
        // verb, no report.
        // (Not an infinitive: "hoping to avoid", "asking them to host".)
        let to_noun = doc.is_word(a, "to")
            && doc.toks.get(a + 1).is_some_and(|n| {
                n.kind == Kind::Number || n.cap() || n.is(DET | PRON_POSS | QUANT)
            });
        if to_noun {
            return None;
        }
        if !prep {
            return Some(false);
        }
    }
    // "will defend the title", "would announce": an act not (yet) done is no report.
    if (f.cue.0..f.cue.1).any(|i| doc.toks[i].kind == Kind::Word && doc.toks[i].is(MODAL)) {
        return None;
    }
    let end = object_end(doc, a, b);
    if words_in(doc, a, end) == 0 {
        return Some(false);
    }
    f.content[0] = (a, end);
    f.act = true;
    Some(true)
}

/// Whether content after a cue is a noun phrase, the object of an act ("likened the
/// deal to NATO", "reiterated that position", "commented on the presence of ...",
/// "urged them to ..."), rather than a reported clause ("said that ...", "said China
/// could help ...", a quotation, "explained why ...").
fn nominal(doc: &Doc, a: usize, b: usize, cue_end: usize) -> bool {
    if a > cue_end
        && (doc.is_word(a - 1, "that") || doc.is_punct(a - 1, b':') || doc.is_punct(a - 1, b','))
    {
        return false;
    }
    let t = doc.toks[a];
    if t.kind == Kind::Open || t.in_quote() || t.punct(b',') || t.punct(b':') {
        return false;
    }
    // A verb phrase ("would cut its profits"): a clause whose subject was misread.
    if t.kind == Kind::Word && t.is(AUX | MODAL | NEG) {
        return false;
    }
    if t.kind == Kind::Word {
        // "calling it a joke": "it" is an object when no verb follows it.
        let object_it = t.is(PRON_IT)
            && doc.toks.get(a + 1).is_some_and(|n| {
                n.kind == Kind::Open
                    || n.kind == Kind::Word
                        && n.is(DET | PRON_POSS)
                        && !n.is(AUX | MODAL)
                        && n.cue.is_none()
            });
        // "it expects ...", "why ...", "whether ...": a clause.
        if t.is(PRONOUN) && !t.is(DET) && !object_it || (t.is(REL | SUBORD) && !t.is(DET | PREP)) {
            return false;
        }
        // "explained after winning Ohio, he would ...": a clause after a subordinator.
        if [
            "after", "before", "since", "as", "until", "once", "while", "when", "if",
        ]
        .iter()
        .any(|w| doc.is_word(a, w))
        {
            return false;
        }
        if t.is(OBJ_PRON | PREP) {
            return true;
        }
    }
    // "said of Mr. Rubio: “He is ...”", "echoed those sentiments: “We ...”": what
    // follows the colon is reported.
    if (a..b).any(|i| doc.is_punct(i, b':') && !doc.toks[i].in_quote()) {
        return false;
    }
    // A noun phrase, then: a finite verb after it (not inside a relative clause) makes it
    // the subject of a clause ("noted Latinos and Blacks have a harder time").
    for i in a..b {
        let t = doc.toks[i];
        match t.kind {
            // ("$5 million more was being sent": a currency sign opens a phrase.)
            Kind::Punct if i == a || t.ch == punct::OTHER => continue,
            Kind::Punct | Kind::Open | Kind::Close => return true,
            Kind::Number => continue,
            Kind::Word => {}
        }
        if i == a {
            continue;
        }
        // "countries not to ...": an object and its infinitive.
        if t.is(NEG) {
            return doc.is_word(i + 1, "to");
        }
        if t.is(REL) && !t.is(DET) || doc.is_word(i, "that") {
            return true;
        }
        if t.cap() || doc.is_word(i - 1, "to") {
            continue;
        }
        // (Not "being", "been", "having": "accused Clinton of being influenced".)
        let finite_aux = t.is(MODAL)
            || [
                "is", "was", "are", "were", "has", "have", "had", "does", "did", "do",
            ]
            .iter()
            .any(|w| doc.is_word(i, w));
        if finite_aux && !t.poss() {
            return false;
        }
        // (Not after an article or a possessive: "the campaign's alleged ties".)
        let finite_cue = t
            .cue
            .is_some_and(|q| matches!(q.form, Form::Past | Form::Present))
            && !t.is(SOURCE_NOUN)
            && !doc.toks[i - 1].is(DET | PRON_POSS)
            && !doc.toks[i - 1].poss();
        if finite_cue {
            return false;
        }
    }
    true
}

/// Where a noun-phrase object ends: before a comma that opens a participle phrase, a
/// subordinate clause or a new clause (", reinforcing ...", ", while ...", ", but it
/// ..."), or before a semicolon or a dash.
fn object_end(doc: &Doc, a: usize, b: usize) -> usize {
    let bytes = doc.text.as_bytes();
    let mut i = a;
    let mut relative = false;
    while i < b {
        let t = doc.toks[i];
        i += 1;
        if t.in_quote() {
            continue;
        }
        // "endorsed him say they ...", "praised the crews and said ...": the next verb
        // (outside a relative clause) ends the object.
        if t.kind == Kind::Word && (t.is(REL) || doc.is_word(i - 1, "that")) {
            relative = true;
        }
        // (A base or "-ing" form is as often a noun or a participle: "his call to
        // raise", "of being influenced"; a word after an article is a noun.)
        let k = i - 1;
        let finite = t.kind == Kind::Word
            && !t.cap()
            && !relative
            && k > a
            && !doc.toks[k - 1].is(DET | PRON_POSS | PREP)
            && !doc.toks[k - 1].poss()
            && (t.is(MODAL)
                || [
                    "is", "was", "are", "were", "has", "have", "had", "does", "did",
                ]
                .iter()
                .any(|w| doc.is_word(k, w))
                || t.cue.is_some_and(|q| q.form == Form::Past) && !t.is(SOURCE_NOUN)
                || t.cue.is_some()
                    && doc
                        .toks
                        .get(k + 1)
                        .is_some_and(|n| n.kind == Kind::Word && n.is(PRON_PERSON | PRON_THEY)));
        if finite {
            let mut e = i - 1;
            while e > a
                && (doc.toks[e - 1].kind == Kind::Punct
                    || doc.toks[e - 1].kind == Kind::Word && doc.toks[e - 1].is(CONJ | ADV))
            {
                e -= 1;
            }
            return e;
        }
        if t.punct(b';') {
            return i - 1;
        }
        // A dash set off by spaces (not "D-"); a pair of them holds an aside ("all
        // nations - rich and poor - to ...").
        let spaced = |t: &super::tokens::Token| {
            t.start == 0
                || bytes[t.start - 1].is_ascii_whitespace()
                || bytes.get(t.end).is_none_or(|c| c.is_ascii_whitespace())
        };
        if t.kind == Kind::Punct && t.ch == punct::DASH && spaced(&t) {
            match (i..b.min(i + 12)).find(|&j| doc.toks[j].punct(punct::DASH)) {
                Some(j) => {
                    i = j + 1;
                    continue;
                }
                None => return i - 1,
            }
        }
        if t.punct(b',') && i < b {
            let n = doc.toks[i];
            if n.kind != Kind::Word || n.cap() {
                continue;
            }
            let w = doc.word(i);
            // (Not a list: "of covering up, delaying, and withholding", "a kind, loving
            // and admirable person".)
            let listed = doc
                .toks
                .get(i + 1)
                .is_none_or(|m| m.kind != Kind::Word || m.is(CONJ));
            let participle =
                w.len() > 4 && w.ends_with("ing") && !doc.is_word(i, "including") && !listed;
            // (Not ", which ...", ", who ...": a relative clause still describes the
            // object: "praised Bush, who ended his bid, as “a man who ...”".)
            let clause = n.is(SUBORD) && !n.is(DET | PREP | REL) || doc.is_word(i, "according");
            let new_subject = n.is(CONJ)
                && doc
                    .toks
                    .get(i + 1)
                    .is_some_and(|m| m.kind == Kind::Word && (m.is(PRONOUN) || m.cap()));
            if participle || clause || new_subject {
                return i - 1;
            }
        }
    }
    b
}

/// Whether content after a cue reads like a clause or a quote (not "believes in X",
/// not "find the tunnels, they ...").
fn clause_like(doc: &Doc, a: usize, b: usize, cue_end: usize) -> bool {
    if a > cue_end
        && (doc.is_word(a - 1, "that") || doc.is_punct(a - 1, b':') || doc.is_punct(a - 1, b','))
    {
        return true;
    }
    let t = doc.toks[a];
    if t.kind == Kind::Open || t.in_quote() {
        return true;
    }
    if t.kind == Kind::Word && t.is(PREP) {
        return false;
    }
    // A finite verb soon after, before any comma: "believes the economy will grow".
    for t in &doc.toks[a..b.min(a + 8)] {
        if t.kind == Kind::Punct && matches!(t.ch, b',' | b';' | b':') {
            return false;
        }
        if t.kind == Kind::Word && !t.cap() && (t.is(AUX | MODAL) || t.cue.is_some()) {
            return true;
        }
    }
    words_in(doc, a, b) >= 4
}

/// `X said:` at the end of a unit: the content is what follows (a quotation, or the next
/// paragraph).
fn colon_content(doc: &Doc, u: usize, cue_end: usize) -> Option<(usize, usize)> {
    let r = doc.unit_toks[u].clone();
    let mut k = cue_end;
    while k < r.end && !doc.is_punct(k, b':') {
        if words_in(doc, k, k + 1) > 0 && k - cue_end > 6 {
            return None;
        }
        k += 1;
    }
    if k >= r.end {
        return None;
    }
    let next = k + 1;
    if next < r.end {
        // "X said: we will win." in the same unit is covered by `after_content`.
        return None;
    }
    let nu = u + 1;
    if nu >= doc.units.len() {
        return None;
    }
    let nr = doc.unit_toks[nu].clone();
    if nr.is_empty() {
        return None;
    }
    let first = doc.toks[nr.start];
    if first.kind == Kind::Open && first.quote != 0 {
        let (qa, qb) = doc.quotation(first.quote as usize - 1);
        return Some((qa, qb + 1));
    }
    // The whole next paragraph.
    let para = first.para;
    let mut end = nr.end;
    let mut v = nu + 1;
    while v < doc.units.len() {
        let vr = doc.unit_toks[v].clone();
        if vr.is_empty() || doc.toks[vr.start].para != para {
            break;
        }
        end = vr.end;
        v += 1;
    }
    Some((nr.start, end))
}

/// "..., said Victor D. Cha, a professor at the university." / "“...,” said Cha."
fn inverted(
    doc: &Doc,
    u: usize,
    c: usize,
    cue_start: usize,
    cue_end: usize,
    p: usize,
    flags: u8,
) -> Option<Frame> {
    // "..., told MSNBC": after "told" comes the listener, not the speaker.
    if flags & cue::INVERTIBLE == 0 || (flags & cue::RECIPIENT != 0 && doc.lemma(c) != "ask") {
        return None;
    }
    let r = doc.unit_toks[u].clone();
    let mut k = cue_end;
    while k < r.end && doc.toks[k].is(TIME) && doc.toks[k].kind == Kind::Word {
        k += 1;
    }
    let e = doc.np_fwd(k, r.end)?;
    // After the name: the end, a comma (role or more), a colon, or time words.
    let mut z = e;
    while z < r.end && doc.toks[z].is(TIME) && doc.toks[z].kind == Kind::Word {
        z += 1;
    }
    let mut ends = z >= content_end(doc, z, r.end)
        || doc.is_punct(z, b',')
        || doc.is_punct(z, b':')
        || doc.toks[z].kind == Kind::Open
        || doc.is_word(z, "in")
        || doc.is_word(z, "on");
    let mut e = e;
    if z < r.end && doc.is_punct(z, b'(') {
        // "said Elijah Cummings (D-Md.)."
        let mut y = z;
        while y < r.end && !doc.is_punct(y, b')') && y - z < 10 {
            y += 1;
        }
        if doc.is_punct(y, b')')
            && (y + 1 >= content_end(doc, y + 1, r.end) || doc.is_separator(y + 1))
        {
            z = y + 1;
            ends = true;
        }
    }
    let modifier = z < r.end
        && doc.toks[z].kind == Kind::Word
        && !doc.toks[z].cap()
        && (doc.is_word(z, "who")
            || doc.is_word(z, "whose")
            || doc.toks[z].is(PREP) && !doc.is_word(z, "that")
            || {
                let w = doc.word(z);
                // After a bare name or a pronoun, a word in -ed is its verb ("..., said
                // Clinton reached out to McConnell", "said he recoiled"), not a modifier
                // ("said a man dressed as Santa").
                let common =
                    (!doc.toks[k].cap() || doc.toks[k].is(DET)) && !doc.toks[k].is(PRONOUN);
                let participle = w.ends_with("ing") || w.ends_with("ed") && common;
                let reporting = doc.toks[z]
                    .cue
                    .is_some_and(|q| lexicon::lemma_flags(q.lemma) & cue::PARTICLE == 0);
                participle && !reporting
            });
    if !ends && doc.is_separator(p) && modifier {
        // "... wrote a man calling himself Paul", "said a voter who backs him": a
        // modifier of the source up to the end of the sentence or the next comma.
        let stop = content_end(doc, z, r.end);
        let mut y = z;
        while y < stop && y - z < 25 && !doc.is_separator(y) && doc.toks[y].kind != Kind::Open {
            y += 1;
        }
        if y > z && (y == stop || doc.is_punct(y, b',')) {
            e = y;
            z = y;
            ends = true;
        }
    }
    if !ends {
        return None;
    }
    let mut role = None;
    let mut attr_end = z;
    if doc.is_punct(z, b',') && z + 1 < r.end {
        // ", a professor at the university" up to the end or the next comma.
        let a = z + 1;
        let mut b = a;
        while b < r.end && !doc.is_separator(b) && !doc.is_punct(b, b'.') {
            b += 1;
        }
        let first = doc.toks[a];
        let looks_like_role = first.kind == Kind::Word
            && (first.is(DET | TITLE | PRON_POSS) || doc.head_word(a))
            && !first.is(PRONOUN)
            && !(a..b).any(|i| {
                doc.toks[i].cue.is_some()
                    && !doc.toks[i].cap()
                    && doc.toks[i].kind == Kind::Word
                    && i > a + 1
            });
        if looks_like_role && b > a && b - a <= 16 {
            role = Some((a, b));
            attr_end = b;
        }
    }
    let mut content = Vec::new();
    if doc.is_separator(p)
        && let Some(b) = before_content(doc, u, p)
    {
        // After a plain comma, what comes before must be a clause ("The tables are
        // wrong, said X"), not the subject with an appositive ("X, a pollster, said his
        // survey ...").
        let clause = doc.toks[p].kind == Kind::Close
            || (b.0..b.1).any(|i| {
                let t = doc.toks[i];
                t.kind == Kind::Word
                    && !t.cap()
                    && (t.is(AUX | MODAL) || t.cue.is_some() || {
                        let w = doc.word(i);
                        w.ends_with("ed") || (w.ends_with('s') && !w.ends_with("ss"))
                    })
            })
            || doc.toks[b.0].in_quote();
        if !clause {
            return None;
        }
        content.push(b);
    }
    // "..., said X in a statement on Friday, citing ...": the attribution's own tail.
    if doc.is_separator(p) {
        attr_end = attr_tail(doc, u, attr_end, 0);
    }
    // "“The risk,” said X, an economist, “is that ...”": the quote goes on after the
    // source ("But, said Solovey, “I don't want ...”": or only there).
    {
        let mut n = attr_end;
        while n < r.end && doc.is_punct(n, b',') {
            n += 1;
        }
        if n < r.end && doc.toks[n].kind == Kind::Open && doc.toks[n].quote != 0 {
            let (qa, qb) = doc.quotation(doc.toks[n].quote as usize - 1);
            if qa == n {
                content.push((qa, qb + 1));
            }
        }
    }
    if content.is_empty() {
        let k2 = after_start(doc, attr_end, r.end, flags);
        if doc.is_punct(attr_end, b':') || doc.is_punct(z, b':') {
            if let Some(a) = after_content(doc, u, k2) {
                content.push(a);
            } else if let Some(col) = colon_content(doc, u, attr_end) {
                content.push(col);
            }
        }
    }
    if content.is_empty() {
        return None;
    }
    let attr_start = if doc.is_separator(p) && doc.toks[p].kind != Kind::Close {
        p
    } else {
        cue_start
    };
    Some(Frame {
        unit: u,
        cue: (cue_start, cue_end),
        source: Some((k, e)),
        role,
        content,
        attr: (attr_start, attr_end),
        borrowed: false,
        continued: false,
        rest_subject: None,
        antecedent: None,
        anonymity: None,
        act: false,
        object: None,
    })
}

/// "X's decision, revealed this week by Y, will ...": a participle whose source follows
/// `by`.
fn by_passive(doc: &Doc, u: usize, cue_end: usize, cue_start: usize) -> Option<Frame> {
    let r = doc.unit_toks[u].clone();
    let mut k = cue_end;
    // "revealed this week by", "announced on Monday by", "released in March by".
    while k < r.end && k - cue_end < 5 && !doc.is_word(k, "by") {
        let t = doc.toks[k];
        let timeish = t.kind == Kind::Number
            || (t.kind == Kind::Word
                && (t.is(TIME | DET | ADV | MONTH)
                    || doc.is_word(k, "on")
                    || doc.is_word(k, "in")));
        if !timeish {
            return None;
        }
        k += 1;
    }
    if !doc.is_word(k, "by") {
        return None;
    }
    let s = k + 1;
    let e = doc.np_fwd(s, r.end)?;
    let p = if cue_start > r.start {
        cue_start - 1
    } else {
        return None;
    };
    // Content: the noun phrase before the comma (or "as reported by X, Y").
    if doc.is_punct(p, b',') {
        let mut a = r.start;
        while a < p && doc.toks[a].kind == Kind::Word && doc.toks[a].is(DISCOURSE | CONJ) {
            a += 1;
        }
        if words_in(doc, a, p) < 2 {
            return None;
        }
        let mut attr_end = e;
        if doc.is_punct(e, b',') {
            attr_end = e + 1;
        }
        let rest = (attr_end < content_end(doc, attr_end, r.end)).then_some((a, p));
        return Some(Frame {
            unit: u,
            cue: (cue_start, cue_end),
            source: Some((s, e)),
            role: None,
            content: vec![(a, p)],
            attr: (p, attr_end),
            borrowed: false,
            continued: false,
            rest_subject: rest,
            antecedent: None,
            anonymity: None,
            // "Y revealed X's decision": the participle's object is the noun phrase.
            act: true,
            object: None,
        });
    }
    if doc.is_word(p, "as") {
        // "As reported by X, Y."
        let mut z = e;
        if doc.is_punct(z, b',') {
            z += 1;
        }
        let b = content_end(doc, z, r.end);
        if words_in(doc, z, b) >= 3 {
            return Some(Frame {
                unit: u,
                cue: (cue_start, cue_end),
                source: Some((s, e)),
                role: None,
                content: vec![(z, b)],
                attr: (p, z),
                borrowed: false,
                continued: false,
                rest_subject: None,
                antecedent: None,
                anonymity: None,
                act: false,
                object: None,
            });
        }
    }
    None
}

/// "according to X, Y" / "Y, according to X" / "Y, according to X, Z".
fn according_to(doc: &Doc, u: usize, c: usize, cs: usize) -> Option<Frame> {
    let r = doc.unit_toks[u].clone();
    let s = c + 2;
    // The source may be long ("early results of the exit poll conducted by ..."): up to
    // the next separator when the noun-phrase scan stops short of it.
    let e = match doc.np_fwd(s, r.end) {
        Some(e) if e >= r.end || doc.is_separator(e) || doc.is_punct(e, b'.') => e,
        short => {
            let mut z = s;
            while z < r.end && z - s < 25 && !doc.is_separator(z) && doc.toks[z].kind != Kind::Open
            {
                z += 1;
            }
            let z = content_end(doc, s, z);
            let stretch = z > s && (z >= r.end || doc.is_separator(z) || doc.is_punct(z, b'.'));
            if stretch && (s..z).any(|i| doc.head_word(i) || doc.toks[i].is(DOC_NOUN)) {
                z
            } else {
                short?
            }
        }
    };
    let cue = (c, c + 2);
    let mut p = c;
    while p > r.start && doc.toks[p - 1].kind == Kind::Word && doc.toks[p - 1].is(DISCOURSE | CONJ)
    {
        p -= 1;
    }
    let lead = p <= cs || p == r.start;
    let mut content = Vec::new();
    let mut attr = (c, e);
    if !lead {
        let sep = if doc.is_separator(c - 1) { c - 1 } else { c };
        if let Some(b) = before_content(doc, u, sep) {
            content.push(b);
        } else if sep == c {
            let a = r.start;
            if words_in(doc, a, c) >= 2 {
                content.push((a, c));
            }
        }
        attr.0 = sep.min(c);
    }
    let mut z = e;
    if doc.is_punct(z, b',') || doc.is_punct(z, b':') {
        z += 1;
        attr.1 = z;
    }
    let b = content_end(doc, z, r.end);
    if z < b && (lead || doc.is_punct(e, b',')) && words_in(doc, z, b) >= 2 {
        content.push((z, b));
    } else if lead && z >= b {
        // "According to the newspaper:" followed by a quote.
        if let Some(col) = colon_content(doc, u, e) {
            content.push(col);
        }
    }
    if content.is_empty() {
        return None;
    }
    Some(Frame {
        unit: u,
        cue,
        source: Some((s, e)),
        role: None,
        content,
        attr,
        borrowed: false,
        continued: false,
        rest_subject: None,
        antecedent: None,
        anonymity: None,
        act: false,
        object: None,
    })
}

/// A participle or infinitive whose source is the clause's subject: "..., adding that
/// ...", "other than to say it expects ...".
fn borrowed_frame(
    doc: &Doc,
    u: usize,
    c: usize,
    cue_end: usize,
    cue_start: usize,
) -> Option<Frame> {
    let r = doc.unit_toks[u].clone();
    let flags = lexicon::lemma_flags(doc.toks[c].cue?.lemma);
    let k = after_start(doc, cue_end, r.end, flags);
    let content = after_content(doc, u, k).or_else(|| colon_content(doc, u, cue_end))?;
    let mut attr_start = cue_start;
    if attr_start > r.start && doc.is_separator(attr_start - 1) {
        attr_start -= 1;
    }
    let mut f = Frame {
        unit: u,
        cue: (cue_start, cue_end),
        source: None,
        role: None,
        content: vec![content],
        attr: (attr_start, k.max(cue_end)),
        borrowed: true,
        continued: false,
        rest_subject: None,
        antecedent: None,
        anonymity: None,
        act: false,
        object: None,
    };
    make_act(doc, &mut f, flags, k)?;
    Some(f)
}

/// Within one unit: give borrowed frames their subject, and cut a frame's content where
/// the next attribution begins.
fn settle_unit(doc: &Doc, frames: &mut Vec<Frame>, start: usize) {
    if frames.len() <= start {
        return;
    }
    // Drop frames nested inside another frame's content when not set off by a separator
    // ("Trump said Clinton said ..."): the outer attribution is the one reported.
    let n = frames.len();
    let mut drop = vec![false; n];
    // ", citing a briefing by ...", after an attribution whose tail it is: the basis of
    // that attribution, not a report of its own.
    for i in start..n {
        let c = frames[i].cue.0;
        drop[i] = MANNER_PARTICIPLES.iter().any(|w| doc.is_word(c, w))
            && frames[start..n]
                .iter()
                .any(|g| g.attr.0 < c && c < g.attr.1 && g.cue.0 < c);
    }
    for i in start..n {
        if drop[i] {
            continue;
        }
        for j in start..n {
            if i == j || drop[j] {
                continue;
            }
            let fi = &frames[i];
            let fj = &frames[j];
            let inside = fj
                .content
                .iter()
                .any(|&(a, b)| a <= fi.attr.0 && fi.attr.1 <= b);
            if !inside {
                continue;
            }
            let a0 = fi.attr.0;
            // A second attribution set off by a separator or a coordinating word
            // ("..., though she acknowledged ...") ends the first one's content; one in a
            // subordinate clause ("because she believed ...") is part of it.
            let coordinating = |p: usize| {
                doc.toks[p].kind == Kind::Word
                    && (doc.toks[p].is(CONJ)
                        || ["though", "although", "while", "whereas"]
                            .iter()
                            .any(|w| doc.is_word(p, w)))
            };
            // (A separator before the unit's first token belongs to the sentence before.)
            let set_off = a0 > doc.unit_toks[fi.unit].start && {
                let p = a0 - 1;
                doc.is_separator(p) || coordinating(p)
            } || doc.is_separator(a0);
            // (An infinitive after a noun inside another's content, "say they expect the
            // campaign to emphasize ...", is part of that content.)
            let object_infinitive =
                fi.borrowed && fi.cue.0 >= 2 && doc.is_word(fi.cue.0 - 1, "to") && {
                    let n = doc.toks[fi.cue.0 - 2];
                    n.kind == Kind::Word && n.cue.is_none() && !n.is(FUNCTION | TIME | ADV | MONTH)
                };
            if (fi.borrowed && !object_infinitive) || set_off {
                let before_j = fi.attr.1 <= frames[j].attr.0;
                let a1 = fi.attr.1;
                let cut = cut_point(doc, a0);
                let f = &mut frames[j];
                for piece in &mut f.content {
                    if !(piece.0 <= a0 && a0 <= piece.1) {
                        continue;
                    }
                    if before_j && piece.1 <= f.attr.0 + 1 {
                        // "..., KING-TV reported, while in Chicago ..., the Sun-Times
                        // reported": j's content starts after i's attribution.
                        let mut start = a1;
                        while start < piece.1
                            && (doc.is_separator(start)
                                || doc.toks[start].kind == Kind::Word
                                    && doc.toks[start].is(CONJ | SUBORD | DISCOURSE)
                                    && !doc.toks[start].cap())
                        {
                            start += 1;
                        }
                        piece.0 = start.min(piece.1);
                    } else {
                        // Cut j's content before i's attribution.
                        piece.1 = cut.max(piece.0);
                    }
                }
                f.content.retain(|&(a, b)| words_in(doc, a, b) >= 2);
            } else {
                drop[i] = true;
            }
        }
    }
    // Only this unit's frames are looked at: a `retain` over every frame of the text
    // for every unit was quadratic (a one-paragraph text of 100,000 quoted sentences).
    let mut kept = start;
    for (k, &dropped) in drop.iter().enumerate().skip(start) {
        if !dropped {
            frames.swap(kept, k);
            kept += 1;
        }
    }
    frames.truncate(kept);
    // Borrowed frames take the subject of an earlier frame in the unit, or the clause's.
    for i in start..frames.len() {
        if !frames[i].borrowed || frames[i].source.is_some() {
            continue;
        }
        let earlier = frames[start..i]
            .iter()
            .rev()
            // (Not a relative clause's speaker: "Obama rebuked critics who say ...,
            // saying ..." is Obama saying.)
            .find(|f| f.source.is_some() && !f.borrowed && f.antecedent.is_none())
            .and_then(|f| f.source.map(|s| (s, f.role)));
        // An act that is not speech ("praised", "citing") is reported only after another
        // report of the same speaker ("Xi reiterated that position, calling on ..."); after
        // a plain verb it is part of the article's own account ("China and North Korea
        // reaffirmed a relationship ... and praised their ties").
        let cues = || {
            doc.toks[frames[i].cue.0..frames[i].cue.1]
                .iter()
                .filter_map(|t| t.cue)
        };
        let speech = cues().any(|q| lexicon::lemma_flags(q.lemma) & cue::INVERTIBLE != 0);
        // (A participle, ", calling it a joke", reports the subject's act all the same.)
        let participle = cues().any(|q| q.form == Form::Gerund);
        let src = earlier.or_else(|| {
            (speech || participle || !frames[i].act)
                .then(|| main_subject(doc, frames[i].unit, frames[i].cue.0).map(|s| (s, None)))
                .flatten()
        });
        match src {
            Some((s, role)) => {
                frames[i].source = Some(s);
                frames[i].role = role;
            }
            None => frames[i].content.clear(),
        }
    }
}

/// Where to cut content that runs into another attribution starting at `a`: before any
/// separator or conjunction that introduces it.
fn cut_point(doc: &Doc, a: usize) -> usize {
    let mut c = a;
    while c > 0 {
        let t = doc.toks[c - 1];
        if doc.is_separator(c - 1) && t.kind != Kind::Close
            || (t.kind == Kind::Word && t.is(CONJ | SUBORD | DISCOURSE) && !t.cap())
        {
            c -= 1;
            continue;
        }
        break;
    }
    c
}

/// The subject of unit `u`'s main clause, before token `before`.
fn main_subject(doc: &Doc, u: usize, before: usize) -> Option<(usize, usize)> {
    let mut cs = doc.clause_start(u);
    // "When Maddow asked ..., Clinton repeated ...": past a leading subordinate clause.
    if doc
        .toks
        .get(cs)
        .is_some_and(|t| t.kind == Kind::Word && t.is(SUBORD))
    {
        cs = (cs + 1..before.min(cs + 40)).find(|&i| doc.is_punct(i, b','))? + 1;
    }
    if cs >= before {
        return None;
    }
    let first = doc.toks[cs];
    // "He’s comparing ... and says ...": a personal pronoun with "’s" is the subject.
    if first.kind == Kind::Word && first.poss() && first.is(PRON_PERSON | PRON_THEY) {
        return Some((cs, cs + 1));
    }
    // "That's the consensus ...", "It is ...": no speaker.
    if first.kind != Kind::Word
        || ["this", "that", "these", "those", "there", "it", "what"]
            .iter()
            .any(|w| doc.is_word(cs, w))
        || first.poss() && first.is(DET | PRONOUN)
    {
        return None;
    }
    let e = doc.np_fwd(cs, before)?;
    // "The billionaire businessman began by ...": the phrase ends at its last head word,
    // or after the common nouns that follow its article (up to the verb, the word before
    // a preposition).
    let mut e = (cs..e).rev().find(|&i| doc.head_word(i))? + 1;
    if e == cs + 1 && first.is(DET) {
        while e < before && e - cs < 5 {
            let t = doc.toks[e];
            let next_prep = doc.toks.get(e + 1).is_some_and(|n| n.is(PREP | DET));
            if t.kind != Kind::Word || t.is(FUNCTION | ADV) || t.cue.is_some() || next_prep {
                break;
            }
            e += 1;
        }
        if e == cs + 1 {
            return None;
        }
    }
    if doc.toks[e - 1].poss() {
        return None;
    }
    Some((cs, e))
}

/// A quote with no speaker of its own continues the last speaker's quote: later in the
/// same paragraph, or opening the next paragraph.
fn add_continuations(doc: &Doc, frames: &mut Vec<Frame>) {
    if frames.is_empty() {
        return;
    }
    // Which tokens are already content or attribution of some frame.
    let mut covered = vec![false; doc.toks.len()];
    for f in frames.iter() {
        for &(a, b) in &f.content {
            covered[a..b].fill(true);
        }
        covered[f.attr.0..f.attr.1].fill(true);
    }
    // The speaker a later quote continues: the unit's last frame, or rather its last
    // frame that reports a quotation ("“A,” she said, adding that B. “C.”": C is hers,
    // said, not added).
    let mut by_unit: Vec<Option<usize>> = vec![None; doc.units.len()];
    let quotes = |f: &Frame| {
        f.content
            .iter()
            .any(|&(a, _)| doc.toks[a].kind == Kind::Open || doc.toks[a].in_quote())
    };
    for (i, f) in frames.iter().enumerate() {
        let keep = by_unit[f.unit].is_some_and(|j| quotes(&frames[j]) && !quotes(f));
        if !keep {
            by_unit[f.unit] = Some(i);
        }
    }
    let mut last: Option<usize> = None;
    let mut last_para: u32 = 0;
    let mut added = Vec::new();
    for (u, unit_frame) in by_unit.iter().enumerate() {
        let r = doc.unit_toks[u].clone();
        if r.is_empty() {
            continue;
        }
        let para = doc.toks[r.start].para;
        if let Some(i) = *unit_frame {
            last = Some(i);
            last_para = para;
            // A frame's content may run further (a quotation over paragraphs).
            let end = frames[i].content.iter().map(|c| c.1).max().unwrap_or(r.end);
            if end > 0 && end - 1 < doc.toks.len() {
                last_para = last_para.max(doc.toks[end - 1].para);
            }
            continue;
        }
        let Some(li) = last else { continue };
        let quoted = doc.toks[r.clone()].iter().filter(|t| t.in_quote()).count();
        let words = doc.toks[r.clone()].iter().filter(|t| t.is_word()).count();
        let starts_quoted = doc.toks[r.start].kind == Kind::Open || doc.toks[r.start].in_quote();
        if !starts_quoted || quoted * 10 < (r.end - r.start) * 7 || words == 0 {
            if para != last_para {
                // A paragraph that is not a quote ends the speaker's turn.
                if doc.toks[r.start].kind != Kind::Open {
                    last = None;
                }
            }
            continue;
        }
        if (r.start..r.end).all(|i| covered[i] || !doc.toks[i].is_word()) {
            continue;
        }
        let first_of_para =
            u == 0 || doc.toks[doc.unit_toks[u - 1].start.min(doc.toks.len() - 1)].para != para;
        let ok = para == last_para || (first_of_para && para == last_para + 1);
        if !ok {
            continue;
        }
        let f = &frames[li];
        if f.source.is_none() {
            continue;
        }
        let mut a = r.start;
        let mut b = r.end;
        while a < b && !doc.toks[a].is_word() {
            a += 1;
        }
        while b > a && !doc.toks[b - 1].is_word() {
            b -= 1;
        }
        // Stay inside the quote.
        let mut g = f.clone();
        g.unit = u;
        g.content = vec![(a, b)];
        g.continued = true;
        g.rest_subject = None;
        // A quotation that goes on is a report, whatever the act before it.
        g.act = false;
        g.object = None;
        added.push(g);
        last_para = para;
    }
    let _ = lexicon::lemma_flags;
    frames.extend(added);
}
