//! Relating two claims: does `b` state what `a` states (agree), deny it or state something
//! incompatible (contradict), or neither (neutral)? With the reasons a person can check.
//!
//! The engine aligns `a`'s content words with `b`'s (by stem and near-synonym), then
//! looks for evidence against `a` in the part of `b` that talks about the same thing:
//! a negation on one side only, a denial ("hoax", "denies"), a withdrawal ("drops out"),
//! an opposing word ("deepened" vs "reduced"), a different number or date for the same
//! thing, a different actor for the same act. Contradiction needs such evidence in a
//! well-aligned pair: a false alarm costs an editor's trust, so the bar is high. Without
//! it, `b` agrees when it covers `a`'s content (names and numbers weigh most) and asserts
//! it plainly; a hedged `b` ("reportedly", "may", "officials say", a question) reports
//! the claim without asserting it, which is neutral.

// Tokens, alignments and flags are parallel arrays indexed by token position: index loops
// say what they compare more plainly than zipped iterators.
#![allow(clippy::needless_range_loop)]

use super::features::{ClaimFeatures, CueKind, flag};
use super::lexicon::lexicon;
use super::quantity::Quantity;
use serde::Serialize;

/// The relation of `b` to `a`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RelationKind {
    Agree,
    Contradict,
    Neutral,
}

impl RelationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::Agree => "agree",
            RelationKind::Contradict => "contradict",
            RelationKind::Neutral => "neutral",
        }
    }
}

/// A relation with its confidence (0 to 1) and the reasons behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Relation {
    pub relation: RelationKind,
    pub score: f64,
    pub reasons: Vec<String>,
}

/// The evidence `relate` weighs, exposed for tuning and for `--explain`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Signals {
    /// Weighted share of `a`'s content words found in `b` (0 to 1).
    pub coverage: f64,
    /// The same, counting only the sentence of `b` that matches best.
    pub focus_coverage: f64,
    /// Share of `b`'s content words found in `a`.
    pub reverse_coverage: f64,
    /// Content words of `a` (weighted).
    pub a_weight: f64,
    /// Content words of `b` (count).
    pub b_words: usize,
    /// How tightly `a`'s matched words sit together in `b`: the shortest stretch of `b`
    /// holding one of each, in words, over how many they are (1 when side by side).
    pub spread: f64,
    /// Weighted share of `a`'s words other than names found in `b`.
    pub predicate_coverage: f64,
    /// `b` is headline-sized: one sentence of at most 25 words.
    pub short: bool,
    /// Names in `a` not found in `b`.
    pub missing_entities: usize,
    /// Names in `a`.
    pub entities: usize,
    /// Numbers of `a` that `b` gives compatibly, differently, or not at all.
    pub numbers_supported: usize,
    pub numbers_missing: usize,
    /// Dates of `a` that `b` gives compatibly, or not at all.
    pub dates_supported: usize,
    pub dates_missing: usize,
    /// Evidence against `a`, each a reason ready to print.
    pub negation: Option<String>,
    pub denial: Option<String>,
    pub withdrawal: Option<String>,
    pub antonym: Option<String>,
    pub number: Option<String>,
    pub date: Option<String>,
    pub actor: Option<String>,
    /// `b` reports without asserting (and `a` does not).
    pub hedge: Option<String>,
    /// `b` says the facts are unknown or in doubt.
    pub uncertain: Option<String>,
    /// `b` attributes what it says ("said", "according to").
    pub attributed: bool,
    /// Whether `b` has the word that says what `a` says of its subject (its verb, or the
    /// noun after "is"); `None` when `a`'s main clause was not found.
    pub predicate_found: Option<bool>,
    /// Weighted share of `a`'s content words found in `b`, counting only the clauses of
    /// `a` that share a word with `b` (a clause with none, "which includes a variety of
    /// supplies", adds to a without bearing on b).
    pub clause_coverage: f64,
    /// A word of `a` that `b` replaces by another in the same frame: the words on either
    /// side align, the word between does not ("sent troops to" and "sent aid to").
    pub substitution: Option<String>,
    /// Where the evidence against sits, for the stricter checks between two claims.
    #[serde(skip)]
    pub at: EvidenceAt,
}

/// Token positions of the evidence against: in `a`, then in `b`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EvidenceAt {
    /// The word negated on one side only.
    pub negation: Option<(u32, u32)>,
    /// The opposing words.
    pub antonym: Option<(u32, u32)>,
    /// The two quantities' first and last tokens: `[a first, a last, b first, b last]`.
    pub number: Option<[u32; 4]>,
    pub date: Option<[u32; 4]>,
    /// The cue in `b`.
    pub denial: Option<u32>,
    pub withdrawal: Option<u32>,
    /// The doer and the thing done to swapped places.
    pub actor_swapped: bool,
    /// `b` names `a`'s doer somewhere (then another doer is not a clear contradiction).
    pub actor_named_in_b: bool,
    /// Where the two doers and their acts are.
    pub actor: Option<ActorAt>,
}

/// Token positions of a different doer: `a`'s doer and act, `b`'s doer and act.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ActorAt {
    /// `[first, last]` of `a`'s doer.
    pub a_doer: (u32, u32),
    /// `[first, last]` of `b`'s doer.
    pub b_doer: (u32, u32),
    pub a_act: u32,
    pub b_act: u32,
}

/// Relates `b` to `a`.
pub fn relate(a: &ClaimFeatures, b: &ClaimFeatures) -> Relation {
    decide(&signals(a, b))
}

/// How much of each claim the other must hold for two claims to agree: a good part of
/// both (`SYMMETRIC_MIN_COVERAGE`), more than half of one (`SYMMETRIC_MAX_COVERAGE`), and
/// some of each one's words other than names (`SYMMETRIC_MIN_PREDICATE`). Paraphrases
/// between two reports reword freely, so the bars are low; what refuses agreement is
/// evidence that the two say different things. Tuned on `msrp_train.jsonl`.
const SYMMETRIC_MIN_COVERAGE: f64 = 0.35;
const SYMMETRIC_MAX_COVERAGE: f64 = 0.55;
const SYMMETRIC_MIN_PREDICATE: f64 = 0.2;
/// How much of each claim the other must hold for evidence against to count: the two
/// claims must be about the same thing.
const CONTRADICTION_MIN_COVERAGE: f64 = 0.25;
const CONTRADICTION_MAX_COVERAGE: f64 = 0.4;

/// Relates two claims from two articles, both plain statements of comparable length:
/// unlike [`relate`] (does `b` state what `a` states?), the relation is symmetric and
/// agreement is harder to reach. They agree when each states what the other states:
/// most content of both aligns, nearly all of one, no word of either is hedged where the
/// other asserts, and the agreement model accepts both directions. They contradict when
/// either direction holds evidence against the other (negation, number, date, antonym,
/// actor, denial) and both are about the same thing. Otherwise neutral.
pub fn relate_claims(a: &ClaimFeatures, b: &ClaimFeatures) -> Relation {
    let pair = pair_claims(a, b);
    // Evidence against: from a's side first; from b's side (reasons mirrored so that a's
    // words come first) when a's side has none.
    if let Some(first) = pair.evidence.first() {
        let from_b = first.from_b;
        let s = if from_b { &pair.ba } else { &pair.ab };
        let against: Vec<String> = pair
            .evidence
            .iter()
            .filter(|e| e.from_b == from_b)
            .map(|e| {
                if from_b {
                    mirror_reason(&e.reason)
                } else {
                    e.reason.clone()
                }
            })
            .collect();
        return Relation {
            relation: RelationKind::Contradict,
            score: contradiction_score(s, against.len()),
            reasons: against,
        };
    }
    let support = format!(
        "support: each has {:.0}% and {:.0}% of the other's content",
        100.0 * pair.ab.coverage,
        100.0 * pair.ba.coverage
    );
    if !pair.hedged.is_empty() && pair.same_subject {
        let mut reasons = pair.hedged;
        reasons.push(support);
        return Relation {
            relation: RelationKind::Neutral,
            score: 0.5 + 0.5 * pair.p,
            reasons,
        };
    }
    if pair.agree {
        Relation {
            relation: RelationKind::Agree,
            score: pair.p,
            reasons: vec![support],
        }
    } else {
        // Say what refused agreement when it is a word replaced by another.
        let mut reasons = vec![support];
        let replaced = pair.ab.substitution.clone();
        reasons.extend(replaced.or_else(|| pair.ba.substitution.as_deref().map(mirror_reason)));
        Relation {
            relation: RelationKind::Neutral,
            score: 1.0 - pair.p,
            reasons,
        }
    }
}

/// The confidence of a contradiction: it grows with how much of `x` the pair shares and
/// with each extra piece of evidence.
pub fn contradiction_score(s: &Signals, pieces: usize) -> f64 {
    (0.55 + 0.3 * s.coverage.min(1.0) + 0.1 * pieces.saturating_sub(1) as f64).min(0.99)
}

/// What kind of evidence against one claim another holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvidenceKind {
    Negation,
    Antonym,
    Number,
    Date,
    Actor,
    Denial,
    Withdrawal,
}

/// A piece of evidence against, found between two claims: its kind, its reason as
/// [`relate`] words it for `signals(x, y)`, and which way it was found: `from_b` when
/// `x` is `b` (the evidence is in `a` against `b`, and the reason reads `b`'s words
/// first).
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub kind: EvidenceKind,
    pub reason: String,
    pub from_b: bool,
}

/// Everything [`relate_claims`] weighs for two claims of two articles, for callers with
/// rules of their own (the store comparison holds contradictions to a higher standard).
#[derive(Debug, Clone)]
pub struct ClaimPair {
    /// `signals(a, b)` and `signals(b, a)`.
    pub ab: Signals,
    pub ba: Signals,
    /// Both claims are about the same thing: enough of each is in the other.
    pub same_subject: bool,
    /// Evidence against that holds between two claims ([`claim_evidence`]), from `a`'s
    /// side first; empty unless `same_subject`.
    pub evidence: Vec<Found>,
    /// Hedges of either side where the other asserts (reasons with `a`'s words first).
    pub hedged: Vec<String>,
    /// Each states what the other states, and no evidence against was seen.
    pub agree: bool,
    /// The lower of the two directions' agreement probabilities.
    pub p: f64,
}

/// Relates two claims of two articles, both plain statements of comparable length, and
/// says what it found ([`relate_claims`] turns it into a relation).
pub fn pair_claims(a: &ClaimFeatures, b: &ClaimFeatures) -> ClaimPair {
    let ab = signals(a, b);
    let ba = signals(b, a);
    let (lo, hi) = if ab.coverage <= ba.coverage {
        (ab.coverage, ba.coverage)
    } else {
        (ba.coverage, ab.coverage)
    };
    let same_subject = lo >= CONTRADICTION_MIN_COVERAGE && hi >= CONTRADICTION_MAX_COVERAGE;
    // Evidence against, held to a stricter standard than for a passage.
    let mut evidence = Vec::new();
    if same_subject {
        for (x, y, s, from_b) in [(a, b, &ab, false), (b, a, &ba, true)] {
            evidence.extend(
                claim_evidence(x, y, s)
                    .into_iter()
                    .map(|(kind, reason)| Found {
                        kind,
                        reason,
                        from_b,
                    }),
            );
        }
    }
    let hedged: Vec<String> = ab
        .hedge
        .iter()
        .chain(ab.uncertain.iter())
        .cloned()
        .chain(
            ba.hedge
                .iter()
                .chain(ba.uncertain.iter())
                .map(|x| mirror_reason(x)),
        )
        .collect();
    let p = agreement_probability(&ab).min(agreement_probability(&ba));
    let agree = evidence.is_empty()
        && !differs_in_substance(&ab)
        && !differs_in_substance(&ba)
        && (hedged.is_empty() || !same_subject)
        && lo >= SYMMETRIC_MIN_COVERAGE
        && hi >= SYMMETRIC_MAX_COVERAGE
        && ab.predicate_coverage.min(ba.predicate_coverage) >= SYMMETRIC_MIN_PREDICATE;
    ClaimPair {
        ab,
        ba,
        same_subject,
        evidence,
        hedged,
        agree,
        p,
    }
}

/// Evidence that two claims say different things, even where it is too weak to call a
/// contradiction: another figure or date for the same thing, an opposite word, a denial
/// or a withdrawal. A negation or another doer that did not meet the contradiction bar
/// is left out: between rewordings they are mostly the same statement put another way
/// ("doesn't fit" and "does not fit", an agent moved by a passive).
fn differs_in_substance(s: &Signals) -> bool {
    [
        &s.number,
        &s.date,
        &s.antonym,
        &s.denial,
        &s.withdrawal,
        &s.substitution,
    ]
    .into_iter()
    .any(Option::is_some)
}

/// The evidence of `signals(x, y)` that holds between two claims of two articles, where a
/// false alarm costs most: a negation or an opposing word must sit on what the claims
/// say of the same subject (their main verbs or predicates); two numbers or dates must
/// stand among the same words; another doer counts when `y` does not name `x`'s doer
/// elsewhere (or the roles swapped); a denial or a withdrawal must be what `y` says, its
/// main verb.
fn claim_evidence(
    x: &ClaimFeatures,
    y: &ClaimFeatures,
    s: &Signals,
) -> Vec<(EvidenceKind, String)> {
    let mut out = Vec::new();
    let clauses = x.main_clause.zip(y.main_clause);
    let same_subject = clauses.is_some_and(|(cx, cy)| {
        (cx.subject.0..=cx.subject.1).any(|i| {
            alignable(x, i as usize)
                && (cy.subject.0..=cy.subject.1).any(|j| strong_match(x, i as usize, y, j as usize))
        })
    });
    let on_predicates = |(i, j): (u32, u32)| {
        same_subject && clauses.is_some_and(|(cx, cy)| i == cx.predicate || j == cy.predicate)
    };
    if let (Some(r), Some(at)) = (&s.negation, s.at.negation)
        && on_predicates(at)
    {
        out.push((EvidenceKind::Negation, r.clone()));
    }
    if let (Some(r), Some(at)) = (&s.antonym, s.at.antonym)
        && on_predicates(at)
    {
        out.push((EvidenceKind::Antonym, r.clone()));
    }
    for (kind, reason, at) in [
        (EvidenceKind::Number, &s.number, s.at.number),
        (EvidenceKind::Date, &s.date, s.at.date),
    ] {
        if let (Some(r), Some([xf, xl, yf, yl])) = (reason, at)
            && same_context(x, xf as usize, xl as usize, y, yf as usize, yl as usize)
        {
            out.push((kind, r.clone()));
        }
    }
    if let Some(r) = &s.actor
        && (s.at.actor_swapped || !s.at.actor_named_in_b)
    {
        out.push((EvidenceKind::Actor, r.clone()));
    }
    let is_main_verb = |k: u32| y.main_clause.is_some_and(|c| c.predicate == k);
    for (kind, reason, at) in [
        (EvidenceKind::Denial, &s.denial, s.at.denial),
        (EvidenceKind::Withdrawal, &s.withdrawal, s.at.withdrawal),
    ] {
        if let (Some(r), Some(k)) = (reason, at)
            && is_main_verb(k)
        {
            out.push((kind, r.clone()));
        }
    }
    out
}

/// Whether the quantities (or dates) at `xf..=xl` of `x` and `yf..=yl` of `y` stand among
/// the same words: two content words of the one's clause, within six tokens, are the
/// same words (or synonyms) as words in the other's ("send thousands of troops to
/// Russia", "sent about 500 soldiers to Russia").
fn same_context(
    x: &ClaimFeatures,
    xf: usize,
    xl: usize,
    y: &ClaimFeatures,
    yf: usize,
    yl: usize,
) -> bool {
    let around = |f: &ClaimFeatures, first: usize, last: usize| -> Vec<usize> {
        let (st, _) = f.clause_of(first);
        let (_, en) = f.clause_of(last);
        (first.saturating_sub(6).max(st)..(last + 7).min(en))
            .filter(|&k| {
                let t = &f.tokens[k];
                (k < first || k > last)
                    && t.has(flag::WORD)
                    && t.has(flag::CONTENT)
                    && !t.has(flag::LIGHT)
                    && !t.has(flag::QUANTITY)
            })
            .collect()
    };
    // The counted noun right after a quantity ("thousands of troops") is its unit,
    // already compared.
    let unit = |f: &ClaimFeatures, last: usize| {
        (last + 1..(last + 4).min(f.tokens.len())).find(|&k| f.tokens[k].has(flag::CONTENT))
    };
    let (ux, uy) = (unit(x, xl), unit(y, yl));
    let (cx, cy) = (around(x, xf, xl), around(y, yf, yl));
    let shared = cx
        .iter()
        .filter(|&&i| {
            Some(i) != ux
                && cy
                    .iter()
                    .any(|&j| Some(j) != uy && strong_match(x, i, y, j))
        })
        .count();
    shared >= 2
}

/// A reason written for `relate(b, a)`, rewritten for the pair (a, b): "b says" becomes
/// "a says", and "number: X vs Y" (dates, antonyms) puts a's side first.
fn mirror_reason(reason: &str) -> String {
    for label in ["number: ", "date: ", "antonym: ", "substitution: "] {
        if let Some(rest) = reason.strip_prefix(label)
            && let Some((x, y)) = rest.split_once(" vs ")
        {
            return format!("{label}{y} vs {x}");
        }
    }
    reason
        .replacen(": b says", ": a says", 1)
        .replacen(": b reports", ": a reports", 1)
}

/// Weights of `a`'s content words: names and rare words carry a claim more than common
/// ones.
fn weight(f: &ClaimFeatures, i: usize) -> f64 {
    let t = &f.tokens[i];
    if t.has(flag::TITLE) || t.has(flag::LIGHT) {
        0.3
    } else if t.has(flag::ENTITY) {
        1.5
    } else {
        1.0
    }
}

/// Whether token `i` of `a` is a word to align (content, not part of a number or date).
pub(super) fn alignable(f: &ClaimFeatures, i: usize) -> bool {
    let t = &f.tokens[i];
    t.has(flag::WORD) && t.has(flag::CONTENT) && !t.has(flag::QUANTITY)
}

/// Whether token `i` of `a` and token `j` of `b` match: same concept, two capitalised
/// words sharing their first four letters ("Egypt" / "Egyptian"), the same root of two
/// ordinary words ("founder" / "founded"), or a word of `b` that entails `a`'s ("murdered"
/// supports "killed").
pub(super) fn matches(a: &ClaimFeatures, i: usize, b: &ClaimFeatures, j: usize) -> bool {
    let (x, y) = (&a.tokens[i], &b.tokens[j]);
    if !y.has(flag::WORD) {
        return false;
    }
    x.concept == y.concept
        || (x.prefix != 0 && x.prefix == y.prefix)
        || (x.root == y.root && !x.has(flag::ENTITY) && !y.has(flag::ENTITY))
        || (x.concept != 0 && y.broader.contains(&x.concept))
        || lexical_entailment(a, i, b, j)
}

/// How far up WordNet's hypernyms a word of `b` may be from the word of `a` it entails
/// ("jetliner" -> "airliner" -> "airplane" -> "aircraft"): past three steps the link is
/// too general to state the same thing ("dog" -> ... -> "organism").
const HYPERNYM_STEPS: usize = 3;

/// Whether, by WordNet, the word of `b` states what the word of `a` states: the two are
/// synonyms (share a sense among their first senses), or `b`'s names a kind of what
/// `a`'s names ("boy" -> "male", "jetliner" -> "aircraft"). Names are left to the
/// name rules: WordNet's senses of "Bush" or "Apple" are not the ones news means.
fn lexical_entailment(a: &ClaimFeatures, i: usize, b: &ClaimFeatures, j: usize) -> bool {
    let (x, y) = (&a.tokens[i], &b.tokens[j]);
    if name_like(a, i) || name_like(b, j) || x.has(flag::LIGHT) || y.has(flag::LIGHT) {
        return false;
    }
    let (xl, yl) = (
        a.token_text(i).to_lowercase(),
        b.token_text(j).to_lowercase(),
    );
    crate::wordnet::synonyms(&xl, &yl) || crate::wordnet::is_a(&yl, &xl, HYPERNYM_STEPS)
}

/// Whether token `i` of `a` and token `j` of `b` are the same word or synonyms (or the
/// same name), not only related by derivation or entailment.
pub(super) fn strong_match(a: &ClaimFeatures, i: usize, b: &ClaimFeatures, j: usize) -> bool {
    let (x, y) = (&a.tokens[i], &b.tokens[j]);
    x.concept == y.concept || (x.prefix != 0 && x.prefix == y.prefix)
}

/// Where each aligned word of `a` occurs in `b`.
struct Alignment {
    /// For each token of `a`: the tokens of `b` it matches (empty when none or when not
    /// alignable).
    matches: Vec<Vec<u32>>,
    /// For each token of `b`: whether some word of `a` matches it.
    b_matched: Vec<bool>,
    /// `b_matched`, plus the tokens of `b`'s numbers that agree with a number of `a`.
    b_anchor: Vec<bool>,
}

fn align(a: &ClaimFeatures, b: &ClaimFeatures) -> Alignment {
    let mut matches_of = vec![Vec::new(); a.tokens.len()];
    let mut b_matched = vec![false; b.tokens.len()];
    for i in 0..a.tokens.len() {
        if !alignable(a, i) {
            continue;
        }
        for j in 0..b.tokens.len() {
            if b.tokens[j].has(flag::CONTENT) && matches(a, i, b, j) {
                matches_of[i].push(j as u32);
                b_matched[j] = true;
            }
        }
    }
    // An acronym on one side and the name it stands for on the other ("CDC", "Centers
    // for Disease Control").
    for i in 0..a.tokens.len() {
        if alignable(a, i)
            && matches_of[i].is_empty()
            && let Some((first, last)) = b.entities.iter().find_map(|e| spelled_by(a, i, b, e))
        {
            for j in first..=last {
                if b.tokens[j as usize].has(flag::CONTENT) {
                    matches_of[i].push(j);
                    b_matched[j as usize] = true;
                }
            }
        }
    }
    for j in 0..b.tokens.len() {
        if b_matched[j] || !b.tokens[j].has(flag::CONTENT) {
            continue;
        }
        if let Some((first, last)) = a.entities.iter().find_map(|e| spelled_by(b, j, a, e)) {
            for i in first..=last {
                let i = i as usize;
                if alignable(a, i) && matches_of[i].is_empty() {
                    matches_of[i].push(j as u32);
                    b_matched[j] = true;
                }
            }
        }
    }
    // Numbers b shares with a anchor b's text to a's as words do ("earnings of $374m"
    // is about a's "$374m").
    let mut b_anchor = b_matched.clone();
    for qb in &b.quantities {
        if a.quantities.iter().any(|qa| qa.compatible(qb)) {
            for k in qb.first..=qb.last {
                b_anchor[k as usize] = true;
            }
        }
    }
    Alignment {
        matches: matches_of,
        b_matched,
        b_anchor,
    }
}

/// The tokens of the name `e` of `g` whose initials token `k` of `f` spells, when it is
/// an acronym of (part of) that name ("CDC" and "U.S. Centers for Disease Control";
/// function words inside the name are skipped).
fn spelled_by(
    f: &ClaimFeatures,
    k: usize,
    g: &ClaimFeatures,
    e: &super::features::Entity,
) -> Option<(u32, u32)> {
    if !f.tokens[k].has(flag::ALL_CAPS) {
        return None;
    }
    let acronym: Vec<u8> = f
        .token_text(k)
        .bytes()
        .filter(u8::is_ascii_alphabetic)
        .collect();
    if acronym.len() < 2 {
        return None;
    }
    let words: Vec<usize> = (e.first as usize..=e.last as usize)
        .filter(|&j| g.tokens[j].has(flag::CAPITALISED) && g.tokens[j].has(flag::WORD))
        .collect();
    words.windows(acronym.len()).find_map(|w| {
        let spelled = w
            .iter()
            .zip(&acronym)
            .all(|(&j, &c)| g.token_text(j).as_bytes()[0] == c);
        spelled.then(|| (w[0] as u32, w[w.len() - 1] as u32))
    })
}

/// Whether a word of `a` (or a number of `a`) is found in `b` within `radius` tokens of
/// token `j`, in the same sentence, other than at `j` itself.
fn anchored_near(b: &ClaimFeatures, al: &Alignment, j: usize, radius: usize) -> bool {
    let (st, en) = b.sentence_of(j);
    let lo = j.saturating_sub(radius).max(st);
    let hi = (j + radius + 1).min(en);
    (lo..hi).any(|k| k != j && al.b_anchor[k] && !b.tokens[k].has(flag::LIGHT))
}

/// Computes the evidence for relating `b` to `a`.
pub fn signals(a: &ClaimFeatures, b: &ClaimFeatures) -> Signals {
    let al = align(a, b);
    let mut s = Signals::default();

    // Coverage, overall and in the best-matching sentence of b.
    let mut total = 0.0;
    let mut matched = 0.0;
    let mut per_sentence = vec![0.0; b.sentence_starts.len().max(1)];
    for i in 0..a.tokens.len() {
        if !alignable(a, i) {
            continue;
        }
        let w = weight(a, i);
        total += w;
        if !al.matches[i].is_empty() {
            matched += w;
            let mut seen = Vec::new();
            for &j in &al.matches[i] {
                let k = b
                    .sentence_starts
                    .partition_point(|&st| st <= j)
                    .saturating_sub(1);
                if !seen.contains(&k) {
                    seen.push(k);
                    per_sentence[k] += w;
                }
            }
        }
    }
    let focus = per_sentence
        .iter()
        .enumerate()
        .max_by(|x, y| x.1.total_cmp(y.1))
        .map_or(0, |(k, _)| k);
    let (mut pred_total, mut pred_hit) = (0.0, 0.0);
    for i in 0..a.tokens.len() {
        if alignable(a, i) && !a.tokens[i].has(flag::ENTITY) {
            let w = weight(a, i);
            pred_total += w;
            if !al.matches[i].is_empty() {
                pred_hit += w;
            }
        }
    }
    s.substitution = substitution(a, b, &al, pred_total);
    s.predicate_coverage = if pred_total > 0.0 {
        pred_hit / pred_total
    } else {
        1.0
    };
    s.short = is_short(b);
    s.spread = spread(a, b, &al);
    s.a_weight = total;
    s.coverage = if total > 0.0 { matched / total } else { 0.0 };
    s.clause_coverage = clause_coverage(a, &al);
    s.focus_coverage = if total > 0.0 {
        per_sentence[focus] / total
    } else {
        0.0
    };
    let focus_range = (
        b.sentence_starts.get(focus).map_or(0, |&x| x as usize),
        b.sentence_starts
            .get(focus + 1)
            .map_or(b.tokens.len(), |&x| x as usize),
    );

    // Reverse coverage: how much of b is about a.
    let (mut b_total, mut b_hit) = (0usize, 0usize);
    for j in 0..b.tokens.len() {
        if alignable(b, j) && !b.tokens[j].has(flag::LIGHT) {
            b_total += 1;
            if al.b_matched[j] {
                b_hit += 1;
            }
        }
    }
    s.b_words = b_total;
    s.reverse_coverage = if b_total > 0 {
        b_hit as f64 / b_total as f64
    } else {
        0.0
    };

    // Names.
    for e in a.entities.iter().filter(|e| e.certain) {
        let toks: Vec<usize> = (e.first as usize..=e.last as usize)
            .filter(|&i| a.tokens[i].has(flag::ENTITY) && alignable(a, i))
            .collect();
        if toks.is_empty() {
            continue;
        }
        s.entities += 1;
        let found = toks.iter().filter(|&&i| !al.matches[i].is_empty()).count();
        let last_found = toks.last().is_some_and(|&i| !al.matches[i].is_empty());
        if found * 2 < toks.len() || (found == 0) || (!last_found && found * 2 <= toks.len()) {
            s.missing_entities += 1;
        }
    }

    s.predicate_found = a
        .main_clause
        .map(|c| c.predicate as usize)
        .filter(|&p| alignable(a, p) && !a.tokens[p].has(flag::LIGHT))
        .map(|p| !al.matches[p].is_empty());
    numbers(a, b, &al, &mut s);
    dates(a, b, &al, focus_range, &mut s);
    negation(a, b, &al, focus_range, &mut s);
    denial_and_withdrawal(a, b, &al, &mut s);
    antonyms(a, b, &al, &mut s);
    actor(a, b, &al, &mut s);
    if s.actor.is_none() {
        passive_agent(a, b, &al, &mut s);
    }
    hedges(a, b, &al, focus_range, &mut s);
    s
}

/// The weighted coverage of `a` over its clauses that share at least one word with `b`.
/// How far apart (in tokens) the aligned words framing a replaced word may be.
const FRAME_SPAN: usize = 4;
/// The share of a claim's words other than names that one replaced word must weigh.
const SUBSTITUTION_SHARE: f64 = 1.0 / 3.0;

/// The first word of `a` that `b` replaces by another word in the same frame: the
/// nearest aligned words before and after it in its clause align with two words of `b`
/// close together, and what stands between them in `b` is an ordinary content word that
/// aligns with nothing. A rewording puts a synonym there; another word there says
/// something else ("sent troops to Russia", "sent aid to Russia"). It counts when the
/// word is a large share of what `a` says besides names (`pred_total`, their weight):
/// in a long sentence one replaced word is mostly a rewording of a detail. Names are left
/// to the name checks.
fn substitution(
    a: &ClaimFeatures,
    b: &ClaimFeatures,
    al: &Alignment,
    pred_total: f64,
) -> Option<String> {
    let replaceable = |f: &ClaimFeatures, k: usize| {
        alignable(f, k) && !f.tokens[k].has(flag::LIGHT) && !name_like(f, k)
    };
    for i in 0..a.tokens.len() {
        if !replaceable(a, i)
            || !al.matches[i].is_empty()
            || weight(a, i) < SUBSTITUTION_SHARE * pred_total
        {
            continue;
        }
        let (st, en) = a.clause_of(i);
        let aligned = |k: &usize| !al.matches[*k].is_empty();
        let Some(before) = (st..i).rev().find(aligned) else {
            continue;
        };
        let Some(after) = (i + 1..en).find(aligned) else {
            continue;
        };
        if after - before > FRAME_SPAN {
            continue;
        }
        for &jb in &al.matches[before] {
            for &ja in &al.matches[after] {
                let (jb, ja) = (jb as usize, ja as usize);
                if ja <= jb + 1 || ja - jb > FRAME_SPAN || b.clause_of(jb) != b.clause_of(ja) {
                    continue;
                }
                let between = jb + 1..ja;
                if between.clone().any(|k| al.b_matched[k]) {
                    continue;
                }
                if let Some(k) = between.clone().find(|&k| replaceable(b, k)) {
                    return Some(format!(
                        "substitution: '{}' vs '{}'",
                        quote(a, i, i),
                        quote(b, k, k)
                    ));
                }
            }
        }
    }
    None
}

fn clause_coverage(a: &ClaimFeatures, al: &Alignment) -> f64 {
    let (mut total, mut matched) = (0.0, 0.0);
    let (mut clause_total, mut clause_matched) = (0.0, 0.0);
    for i in 0..=a.tokens.len() {
        let end = i == a.tokens.len() || a.tokens[i].has(flag::CLAUSE_END);
        if end {
            if clause_matched > 0.0 {
                total += clause_total;
                matched += clause_matched;
            }
            (clause_total, clause_matched) = (0.0, 0.0);
            continue;
        }
        if alignable(a, i) {
            let w = weight(a, i);
            clause_total += w;
            if !al.matches[i].is_empty() {
                clause_matched += w;
            }
        }
    }
    if total > 0.0 { matched / total } else { 0.0 }
}

/// The shortest stretch of `b` holding an occurrence of every matched word of `a`,
/// counted in words, divided by the number of matched words of `a`.
fn spread(a: &ClaimFeatures, b: &ClaimFeatures, al: &Alignment) -> f64 {
    // For each token of b, which matched token of a (by its rank) it stands for.
    let wanted: Vec<usize> = (0..a.tokens.len())
        .filter(|&i| !al.matches[i].is_empty())
        .collect();
    if wanted.len() < 2 {
        return 1.0;
    }
    let mut events: Vec<(usize, usize)> = Vec::new(); // (b word position, rank in wanted)
    let mut word_pos = vec![0usize; b.tokens.len()];
    let mut w = 0;
    for (j, t) in b.tokens.iter().enumerate() {
        word_pos[j] = w;
        if t.has(flag::WORD) || t.has(flag::NUMBER) {
            w += 1;
        }
    }
    for (rank, &i) in wanted.iter().enumerate() {
        for &j in &al.matches[i] {
            events.push((word_pos[j as usize], rank));
        }
    }
    events.sort_unstable();
    let mut counts = vec![0usize; wanted.len()];
    let mut covered = 0;
    let mut best = usize::MAX;
    let mut lo = 0;
    for hi in 0..events.len() {
        let r = events[hi].1;
        counts[r] += 1;
        if counts[r] == 1 {
            covered += 1;
        }
        while covered == wanted.len() {
            best = best.min(events[hi].0 - events[lo].0 + 1);
            let rl = events[lo].1;
            counts[rl] -= 1;
            if counts[rl] == 0 {
                covered -= 1;
            }
            lo += 1;
        }
    }
    if best == usize::MAX {
        1.0
    } else {
        best as f64 / wanted.len() as f64
    }
}

/// Quotes tokens `first..=last` of `f`, shortened to at most eight words.
pub(super) fn quote(f: &ClaimFeatures, first: usize, last: usize) -> String {
    let last = last.min(f.tokens.len().saturating_sub(1));
    let mut first = first;
    while first < last && f.tokens[first].has(flag::PUNCT) {
        first += 1;
    }
    if f.tokens.is_empty() || first > last {
        return String::new();
    }
    let mut end = last;
    let mut words = 0;
    for k in first..=last {
        if f.tokens[k].has(flag::WORD) || f.tokens[k].has(flag::NUMBER) {
            words += 1;
            if words > 8 {
                end = k - 1;
                break;
            }
        }
    }
    let text = f.span_text(first, end).trim();
    if end < last {
        format!("{text}…")
    } else {
        text.to_owned()
    }
}

/// Number of aligned content words of `a` that occur in `b` between `start` and `end`.
fn matched_in(al: &Alignment, start: usize, end: usize) -> usize {
    al.b_matched[start.min(al.b_matched.len())..end.min(al.b_matched.len())]
        .iter()
        .filter(|&&m| m)
        .count()
}

/// "12 members of the EU": a number of things taken out of a group named after "of"
/// (a determiner or a name follows it; "70 years of diplomatic relations" is no part).
fn counts_a_part(f: &ClaimFeatures, q: &Quantity) -> bool {
    use super::lexicon::hash_str;
    let after = q.last as usize + 1;
    let unit_at =
        (after..(after + 3).min(f.tokens.len())).find(|&k| f.tokens[k].has(flag::CONTENT));
    unit_at.is_some_and(|k| {
        let of = f
            .tokens
            .get(k + 1)
            .is_some_and(|t| t.word == hash_str("of"));
        let group = f.tokens.get(k + 2).is_some_and(|t| {
            t.has(flag::CAPITALISED)
                || ["the", "its", "his", "her", "their", "our", "these", "those"]
                    .iter()
                    .any(|w| t.word == hash_str(w))
        });
        of && group
    })
}

/// "the 25-member EU": a number joined to its noun by a hyphen gives the size of what
/// follows.
fn sizes_a_whole(f: &ClaimFeatures, q: &Quantity) -> bool {
    let end = f.tokens[q.last as usize].end as usize;
    f.text().as_bytes().get(end) == Some(&b'-')
}

fn numbers(a: &ClaimFeatures, b: &ClaimFeatures, al: &Alignment, s: &mut Signals) {
    for qa in &a.quantities {
        // "the two countries" points back to something named before; it is not a count
        // to check.
        let anaphoric = qa.first > 0 && {
            let before = a.token_text(qa.first as usize - 1).to_lowercase();
            matches!(before.as_str(), "the" | "these" | "those" | "both")
        };
        let mut supported = false;
        let mut conflict = None;
        for qb in &b.quantities {
            let same_unit = qa.unit != 0 && qa.unit == qb.unit;
            if qa.compatible(qb) && (same_unit || qa.unit == 0 || qb.unit == 0) {
                supported = true;
                break;
            }
            // A number of b that another number of a accounts for is said of that.
            let accounted = a.quantities.iter().any(|other| {
                other != qa
                    && other.compatible(qb)
                    && (other.unit == qb.unit || other.unit == 0 || qb.unit == 0)
            });
            if same_unit && conflict.is_none() && !accounted {
                // The other number must be said of the same thing: a word of a stands
                // next to it ("NATO's 19 members"), not just the unit.
                let (first, last) = (qb.first as usize, qb.last as usize);
                let (_, clause_end) = b.clause_of(last);
                let unit_at = (last + 1..clause_end.min(last + 4))
                    .find(|&k| b.tokens[k].has(flag::CONTENT) && b.tokens[k].concept == qb.unit);
                let (clause_start, _) = b.clause_of(first);
                let after = unit_at.unwrap_or(last) + 5;
                let near =
                    (first.saturating_sub(3).max(clause_start)..clause_end.min(after)).any(|k| {
                        (k < first || k > last)
                            && Some(k) != unit_at
                            && al.b_matched[k]
                            && !b.tokens[k].has(flag::LIGHT)
                    });
                if near {
                    conflict = Some(qb);
                }
            }
        }
        // "12 members of the EU" counts a part of what "the 25-member EU" measures whole.
        let part_and_whole =
            |x: &ClaimFeatures, qx: &Quantity, y: &ClaimFeatures, qy: &Quantity| {
                counts_a_part(x, qx) && sizes_a_whole(y, qy)
            };
        let conflict =
            conflict.filter(|qb| !part_and_whole(a, qa, b, qb) && !part_and_whole(b, qb, a, qa));
        if supported {
            s.numbers_supported += 1;
        } else if let Some(qb) = conflict.filter(|_| !anaphoric) {
            if s.number.is_none() {
                s.number = Some(format!(
                    "number: {} vs {}",
                    quote(a, qa.first as usize, qa.last as usize),
                    quote(b, qb.first as usize, qb.last as usize)
                ));
                s.at.number = Some([qa.first, qa.last, qb.first, qb.last]);
            }
        } else {
            s.numbers_missing += 1;
        }
    }
}

fn dates(
    a: &ClaimFeatures,
    b: &ClaimFeatures,
    al: &Alignment,
    focus: (usize, usize),
    s: &mut Signals,
) {
    for da in &a.dates {
        let mut supported = false;
        let mut conflict = None;
        for db in &b.dates {
            if !da.comparable(db) {
                continue;
            }
            if da.compatible(db) {
                supported = true;
                break;
            }
            // A date of b is said of the same event when its clause shares two words
            // with a and it sits in the sentence of b that matches a best. A span of
            // years in a ("from 1900 to 1946") is not checked date by date.
            let accounted = a
                .dates
                .iter()
                .any(|other| other.compatible(db) && other.comparable(db));
            if conflict.is_none() && a.dates.len() == 1 && !accounted {
                // A date opening its sentence ("In 1955, ...") dates the whole sentence.
                let (mut st, mut en) = b.clause_of(db.first as usize);
                let clause_words = (st..en).filter(|&k| b.tokens[k].has(flag::WORD)).count();
                if clause_words < 4 {
                    (st, en) = b.sentence_of(db.first as usize);
                }
                let shared = (st..en)
                    .filter(|&k| al.b_matched[k] && !b.tokens[k].has(flag::LIGHT))
                    .count();
                let at = db.first as usize;
                if shared >= 2 && at >= focus.0 && at < focus.1 {
                    conflict = Some(db);
                }
            }
        }
        if supported {
            s.dates_supported += 1;
        } else if let Some(db) = conflict {
            if s.date.is_none() {
                s.date = Some(format!(
                    "date: {} vs {}",
                    quote(a, da.first as usize, da.last as usize),
                    quote(b, db.first as usize, db.last as usize)
                ));
                s.at.date = Some([da.first, da.last, db.first, db.last]);
            }
        } else {
            s.dates_missing += 1;
        }
    }
}

/// Whether token `k` ends a clause or opens a subordinate one ("that", "after", "who").
fn opens_clause(f: &ClaimFeatures, k: usize) -> bool {
    let t = &f.tokens[k];
    t.has(flag::CLAUSE_END)
        || (t.has(flag::WORD)
            && [
                "that", "after", "before", "because", "when", "while", "who", "which", "since",
                "if", "although", "though", "where",
            ]
            .iter()
            .any(|w| t.word == super::lexicon::hash_str(w)))
}

/// Whether a claim speaks of an aim or of the future ("will", "plans to", "Bale to play"):
/// then a `b` that reports an aim says the same kind of thing.
fn speaks_of_future(f: &ClaimFeatures) -> bool {
    if f.cues_of(CueKind::Intention).next().is_some() {
        return true;
    }
    (0..f.tokens.len()).any(|i| {
        let w = f.tokens[i].word;
        let lex_will = [
            super::lexicon::hash_str("will"),
            super::lexicon::hash_str("would"),
            super::lexicon::hash_str("shall"),
        ];
        lex_will.contains(&w)
            || (w == super::lexicon::hash_str("to")
                && i > 0
                && f.tokens[i - 1].has(flag::CAPITALISED)
                && f.tokens.get(i + 1).is_some_and(|t| {
                    t.has(flag::WORD) && t.has(flag::CONTENT) && !t.has(flag::CAPITALISED)
                }))
    })
}

/// A headline-sized text: one sentence of at most twenty-five words. Its cues bear on
/// all of it.
fn is_short(f: &ClaimFeatures) -> bool {
    f.sentence_starts.len() <= 1 && f.tokens.iter().filter(|t| t.has(flag::WORD)).count() <= 25
}

/// The negation cue whose scope holds token `i`: the nearest before it in its clause.
fn negation_cue_before(f: &ClaimFeatures, i: usize) -> Option<usize> {
    f.cues_of(CueKind::Negation)
        .filter(|c| (c.last as usize) < i)
        .map(|c| c.first as usize)
        .last()
}

/// Whether token `i` of `f` is (or may be) part of a name: flagged so, or capitalised
/// inside a sentence of a text that is not in headline style.
fn name_like(f: &ClaimFeatures, i: usize) -> bool {
    let t = &f.tokens[i];
    t.has(flag::ENTITY)
        || (!f.title_case && t.has(flag::CAPITALISED) && !t.has(flag::SENTENCE_START))
}

fn negation(
    a: &ClaimFeatures,
    b: &ClaimFeatures,
    al: &Alignment,
    focus: (usize, usize),
    s: &mut Signals,
) {
    // A question asserts nothing to contradict.
    let question = b.tokens.iter().any(|t| t.has(flag::QUESTION));
    if question {
        return;
    }
    let short = is_short(b);
    for i in 0..a.tokens.len() {
        // Only the same word or a synonym: a derivation or a broader word ("work" and
        // "worker") may not be what the negation bears on.
        let js: Vec<u32> = al.matches[i]
            .iter()
            .copied()
            .filter(|&j| short || (j as usize >= focus.0 && (j as usize) < focus.1))
            .filter(|&j| strong_match(a, i, b, j as usize))
            .collect();
        // Names are not what a negation denies ("no way Marlowe could leave"): the
        // predicate is.
        if js.is_empty()
            || a.tokens[i].has(flag::LIGHT)
            || name_like(a, i)
            || js.iter().any(|&j| name_like(b, j as usize))
        {
            continue;
        }
        let neg_a = a.tokens[i].has(flag::NEGATED);
        let neg_b_all = js.iter().all(|&j| b.tokens[j as usize].has(flag::NEGATED));
        let neg_b_any = js.iter().any(|&j| b.tokens[j as usize].has(flag::NEGATED));
        let j = js[0] as usize;
        let reason = if !neg_a && neg_b_all {
            let Some(cue) = negation_cue_before(b, j) else {
                continue;
            };
            format!(
                "negation: '{}' vs '{}'",
                quote(b, cue.saturating_sub(1), j),
                quote(a, i.saturating_sub(1), i)
            )
        } else if neg_a && !neg_b_any {
            let Some(cue) = negation_cue_before(a, i) else {
                continue;
            };
            format!(
                "negation: '{}' vs '{}'",
                quote(a, cue.saturating_sub(1), i),
                quote(b, j.saturating_sub(1), j)
            )
        } else {
            continue;
        };
        // A negation denies its own clause: it contradicts only when the two clauses
        // say the same thing otherwise ("no man playing a piano" does not deny "a man
        // playing a guitar").
        if !clauses_align(a, i, b, j, al) {
            continue;
        }
        s.negation = Some(reason);
        s.at.negation = Some((i as u32, j as u32));
        return;
    }
}

/// Share of a clause's content words (other than light ones) that the other side has.
fn clause_matched_share(f: &ClaimFeatures, k: usize, matched: impl Fn(usize) -> bool) -> f64 {
    let (st, en) = f.clause_of(k);
    let (mut total, mut hit) = (0usize, 0usize);
    for i in st..en {
        if alignable(f, i) && !f.tokens[i].has(flag::LIGHT) {
            total += 1;
            if matched(i) {
                hit += 1;
            }
        }
    }
    if total == 0 {
        1.0
    } else {
        hit as f64 / total as f64
    }
}

/// Whether the clause of `a` holding token `i` and the clause of `b` holding token `j`
/// say the same thing but for the evidence at `i` and `j`: nearly all the content words
/// of `a`'s clause are in `b`, and most of `b`'s clause is in `a`.
fn clauses_align(a: &ClaimFeatures, i: usize, b: &ClaimFeatures, j: usize, al: &Alignment) -> bool {
    clause_matched_share(a, i, |k| !al.matches[k].is_empty()) >= CLAUSE_SHARE_A
        && clause_matched_share(b, j, |k| al.b_matched[k]) >= CLAUSE_SHARE_B
}

/// How much of the clause must be shared for a negation or an opposite word in it to
/// deny the other side.
const CLAUSE_SHARE_A: f64 = 0.6;
const CLAUSE_SHARE_B: f64 = 0.5;

fn denial_and_withdrawal(a: &ClaimFeatures, b: &ClaimFeatures, al: &Alignment, s: &mut Signals) {
    let a_negative = a.cues.iter().any(|c| {
        matches!(
            c.kind,
            CueKind::Negation | CueKind::Denial | CueKind::Withdrawal
        )
    });
    if a_negative {
        return;
    }
    let short = is_short(b);
    for (kind, slot, at) in [
        (CueKind::Denial, &mut s.denial, &mut s.at.denial),
        (CueKind::Withdrawal, &mut s.withdrawal, &mut s.at.withdrawal),
    ] {
        for cue in b.cues_of(kind) {
            // The cue word itself must not be what a is about ("fake" in both).
            let cue_in_a = (cue.first..=cue.last).any(|j| al.b_matched[j as usize]);
            if cue_in_a {
                continue;
            }
            let about_a = if short {
                // A headline-sized b is about a when it names a's actor or shares two
                // words with it.
                let shared = matched_in(al, 0, b.tokens.len());
                let shared_name =
                    (0..b.tokens.len()).any(|j| al.b_matched[j] && b.tokens[j].has(flag::ENTITY));
                shared >= 2 || shared_name
            } else {
                // In a longer text the denial must bear on a's predicate: its clause
                // shares two words with a, one of them after the cue and not a name.
                let (st, en) = b.clause_of(cue.first as usize);
                let shared = matched_in(al, st, en);
                let after = (cue.last as usize + 1..en)
                    .any(|j| al.b_matched[j] && !b.tokens[j].has(flag::ENTITY));
                shared >= 2 && after
            };
            if !about_a {
                continue;
            }
            let label = if kind == CueKind::Denial {
                "denial"
            } else {
                "withdrawal"
            };
            *slot = Some(format!(
                "{label}: b says '{}'",
                quote(b, cue.first as usize, cue.last as usize)
            ));
            *at = Some(cue.first);
            break;
        }
    }
}

fn antonyms(a: &ClaimFeatures, b: &ClaimFeatures, al: &Alignment, s: &mut Signals) {
    let lex = lexicon();
    if let Some((reason, i, j)) = copula_antonym(a, b) {
        s.antonym = Some(reason);
        s.at.antonym = Some((i, j));
        return;
    }
    for i in 0..a.tokens.len() {
        if !alignable(a, i) {
            continue;
        }
        let scales_a = lex.scales(a.tokens[i].stem);
        if scales_a.is_empty() {
            continue;
        }
        for j in 0..b.tokens.len() {
            let y = &b.tokens[j];
            if !y.has(flag::CONTENT) || !y.has(flag::WORD) || al.b_matched[j] {
                continue;
            }
            // b says a's word itself in the same sentence: the opposite word there is a
            // contrast within b ("recovered the Warhols; the Dalis are still missing" is
            // two sentences, and may contradict "recovered works by Dali").
            let (st, en) = b.sentence_of(j);
            if al.matches[i]
                .iter()
                .any(|&k| (k as usize) >= st && (k as usize) < en)
            {
                continue;
            }
            let scales_b = lex.scales(y.stem);
            let opposed = scales_a
                .iter()
                .any(|(sa, pa)| scales_b.iter().any(|(sb, pb)| sa == sb && pa != pb));
            if !opposed {
                continue;
            }
            // One side negated makes them agree ("did not reject" ~ "approved").
            if a.tokens[i].has(flag::NEGATED) != y.has(flag::NEGATED) {
                continue;
            }
            // Said of the same thing: words (or numbers) of a stand near it in b.
            if !anchored_near(b, al, j, 8) {
                continue;
            }
            s.antonym = Some(format!(
                "antonym: {} vs {}",
                a.token_text(i),
                b.token_text(j)
            ));
            s.at.antonym = Some((i as u32, j as u32));
            return;
        }
    }
}

/// "X was a conservative politician" against "X was a liberal thinker": both claims say
/// what the same subject is, with opposing words. Only the main clauses are compared, so
/// "conservative" elsewhere in b does not hide the opposition.
fn copula_antonym(a: &ClaimFeatures, b: &ClaimFeatures) -> Option<(String, u32, u32)> {
    use super::features::ClauseKind;
    let (ca, cb) = (a.main_clause?, b.main_clause?);
    if ca.kind != ClauseKind::Copula || cb.kind != ClauseKind::Copula {
        return None;
    }
    let same_subject = (ca.subject.0..=ca.subject.1).any(|i| {
        alignable(a, i as usize)
            && (cb.subject.0..=cb.subject.1).any(|j| matches(a, i as usize, b, j as usize))
    });
    if !same_subject {
        return None;
    }
    let lex = lexicon();
    for i in ca.subject.1 + 1..=ca.predicate {
        let x = &a.tokens[i as usize];
        if !x.has(flag::CONTENT) || x.has(flag::NEGATED) {
            continue;
        }
        for j in cb.subject.1 + 1..=cb.predicate {
            let y = &b.tokens[j as usize];
            if !y.has(flag::CONTENT) || y.has(flag::NEGATED) {
                continue;
            }
            let opposed = lex.scales(x.stem).iter().any(|(sa, pa)| {
                lex.scales(y.stem)
                    .iter()
                    .any(|(sb, pb)| sa == sb && pa != pb)
            });
            if opposed {
                let reason = format!(
                    "antonym: {} vs {}",
                    a.token_text(i as usize),
                    b.token_text(j as usize)
                );
                return Some((reason, i, j));
            }
        }
    }
    None
}

/// The subject of the word at `i`: the word right before it (past auxiliaries and
/// adverbs in "-ly"), unless the clause is passive ("was sold by") or punctuation comes
/// first.
fn subject_before(f: &ClaimFeatures, i: usize) -> Option<usize> {
    let mut k = i;
    while k > 0 {
        k -= 1;
        let t = &f.tokens[k];
        if t.has(flag::PUNCT) || t.is(super::lexicon::class::BE) {
            return None;
        }
        let text = f.token_text(k);
        if t.has(flag::CONTENT) {
            if text.ends_with("ly") && !t.has(flag::CAPITALISED) {
                continue;
            }
            return Some(k);
        }
        // Only auxiliaries, modals and negations stand between a subject and its verb;
        // any other function word ("who", "in", "his") means the word before is not the
        // subject.
        let aux = matches!(
            text.to_lowercase().as_str(),
            "has"
                | "have"
                | "had"
                | "will"
                | "would"
                | "can"
                | "could"
                | "may"
                | "might"
                | "shall"
                | "should"
                | "must"
                | "do"
                | "does"
                | "did"
                | "also"
                | "just"
                | "not"
                | "n't"
                | "never"
                | "already"
                | "still"
                | "wo"
                | "ca"
        );
        if !aux {
            return None;
        }
    }
    None
}

/// Whether the acronym at token `k` of `f` stands for the capitalised words of `g` ending
/// at token `end` ("ISIS" and "Islamic State").
fn acronym_of(f: &ClaimFeatures, k: usize, g: &ClaimFeatures, end: usize) -> bool {
    if !f.tokens[k].has(flag::ALL_CAPS) {
        return false;
    }
    let acronym: Vec<char> = f
        .token_text(k)
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    let mut start = end;
    while start > 0
        && g.tokens[start - 1].has(flag::CAPITALISED)
        && g.tokens[start - 1].has(flag::WORD)
    {
        start -= 1;
    }
    let initials: Vec<char> = (start..=end)
        .filter_map(|j| g.token_text(j).chars().next())
        .collect();
    initials.len() >= 2
        && acronym.len() >= initials.len()
        && acronym[..initials.len()] == initials[..]
}

/// Without a parse, a word that looks like a verb in the past or third person
/// ("invaded", "turned", "buys", "sold").
fn verb_like(f: &ClaimFeatures, i: usize) -> bool {
    let text = f.token_text(i);
    text.ends_with("ed") || (text.ends_with('s') && !text.ends_with("ss")) || f.is_irregular_past(i)
}

/// Whether token `i` is a word of saying ("announced", "stated"): its concept is "say"'s.
fn says(f: &ClaimFeatures, i: usize) -> bool {
    static SAY: std::sync::LazyLock<u64> = std::sync::LazyLock::new(|| {
        lexicon().concept(super::lexicon::hash_str(&super::stem::stem("say")))
    });
    f.tokens[i].concept == *SAY
}

/// Whether the word after token `i` is a verb in the past ("claims fell"): then `i` is a
/// noun, not a verb.
fn verb_follows(f: &ClaimFeatures, i: usize) -> bool {
    f.tokens.get(i + 1).is_some_and(|t| {
        t.has(flag::WORD)
            && t.has(flag::CONTENT)
            && (f.token_text(i + 1).ends_with("ed") || f.is_irregular_past(i + 1))
    })
}

/// The first content word after token `i` in its clause (past particles like "up").
pub(super) fn next_content(f: &ClaimFeatures, i: usize) -> Option<usize> {
    let (_, end) = f.clause_of(i);
    (i + 1..end).find(|&k| {
        let t = &f.tokens[k];
        t.has(flag::CONTENT)
            && !t.has(flag::LIGHT)
            && !matches!(f.token_text(k), "up" | "down" | "off" | "out")
    })
}

/// What follows a verb in its clause.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Object {
    /// The object right after it, past articles and particles ("invaded Ukraine",
    /// "passed the bill", "turned up metal").
    Direct(usize),
    /// Nothing.
    Nothing,
    /// A preposition first ("signed at Camp David", "schools in the state"): the word
    /// may be a participle or a noun, and the word before it no doer.
    Prepositional,
}

pub(super) fn object_after(f: &ClaimFeatures, i: usize) -> Object {
    use super::lexicon::hash_str;
    let Some(k) = next_content(f, i) else {
        return Object::Nothing;
    };
    let preposition = (i + 1..k).any(|m| {
        let w = f.tokens[m].word;
        [
            "at", "in", "on", "by", "with", "from", "to", "for", "into", "of", "about", "over",
            "under", "after", "before", "during", "since", "through", "against", "between",
            "across", "near",
        ]
        .iter()
        .any(|p| w == hash_str(p))
    });
    if preposition {
        Object::Prepositional
    } else {
        Object::Direct(k)
    }
}

/// A different actor for the same act: a says the FDA turned up metal, b says a company
/// investigation did. Checked for a's first act whose subject is a name.
fn actor(a: &ClaimFeatures, b: &ClaimFeatures, al: &Alignment, s: &mut Signals) {
    for i in 0..a.tokens.len() {
        if al.matches[i].is_empty() || name_like(a, i) || a.tokens[i].has(flag::LIGHT) {
            continue;
        }
        // Saying and announcing are done by many at once: another speaker is no
        // contradiction ("the White House announced", "Biden announced").
        if a.tokens[i].is(super::lexicon::class::SPEECH) || says(a, i) {
            continue;
        }
        let Some(sk) = subject_before(a, i) else {
            continue;
        };
        // A name opening the claim ("Russia invaded ...") counts even when it stands
        // alone: before a verb it is the subject.
        let Some(entity) = a
            .entities
            .iter()
            .find(|e| (e.first as usize) <= sk && sk <= e.last as usize)
        else {
            continue;
        };
        let subject: Vec<usize> = (entity.first as usize..=entity.last as usize)
            .filter(|&k| a.tokens[k].has(flag::CONTENT) && !a.tokens[k].has(flag::TITLE))
            .collect();
        // Without a parse, take only a word that looks like a verb in the past or third
        // person ("invaded", "turned", "buys"): a name before a noun is an adjective
        // ("Italian authorities"), not an actor.
        // A name after a preposition is not a subject ("arrested by Italian authorities").
        let after_preposition = entity.first > 0 && {
            let before = a.token_text(entity.first as usize - 1).to_lowercase();
            matches!(
                before.as_str(),
                "by" | "of" | "in" | "for" | "from" | "with" | "to" | "at" | "on" | "into"
            )
        };
        if subject.is_empty() || !verb_like(a, i) || after_preposition || verb_follows(a, i) {
            return;
        }
        let object_a = object_after(a, i);
        if object_a == Object::Prepositional {
            return;
        }
        let mut other = None;
        for &j in &al.matches[i] {
            let j = j as usize;
            let Some(bk) = subject_before(b, j) else {
                continue;
            };
            if !verb_like(b, j)
                || verb_follows(b, j)
                || b.tokens[bk].has(flag::QUANTITY)
                || b.tokens[bk].is(super::lexicon::class::MONTH)
            {
                continue;
            }
            // The same act on the same thing: the words after the act match.
            let object_b = object_after(b, j);
            let same_object = match (object_a, object_b) {
                (Object::Direct(x), Object::Direct(y)) => matches(a, x, b, y),
                (Object::Nothing, Object::Nothing) => true,
                _ => false,
            };
            // Or the roles swapped: b's doer is a's object and b's object a's doer
            // ("Russia invaded Ukraine", "Ukraine invaded Russia").
            if let (Object::Direct(x), Object::Direct(y)) = (object_a, object_b)
                && !same_object
                && matches(a, x, b, bk)
                && subject.iter().any(|&k| matches(a, k, b, y))
            {
                s.actor = Some(format!(
                    "actor: {} vs {} for '{}'",
                    a.span_text(subject[0], subject[subject.len() - 1]),
                    quote(b, bk, bk),
                    b.token_text(j)
                ));
                s.at.actor_swapped = true;
                s.at.actor_named_in_b = true;
                s.at.actor = Some(ActorAt {
                    a_doer: (subject[0] as u32, subject[subject.len() - 1] as u32),
                    b_doer: (bk as u32, bk as u32),
                    a_act: i as u32,
                    b_act: j as u32,
                });
                return;
            }
            if !same_object {
                continue;
            }
            let (clause_start, _) = b.clause_of(j);
            let same_actor = (j.saturating_sub(8).max(clause_start)..j)
                .any(|k| subject.iter().any(|&x| matches(a, x, b, k)))
                || subject.iter().any(|&x| acronym_of(a, x, b, bk));
            if same_actor {
                return;
            }
            let y = &b.tokens[bk];
            if !al.b_matched[bk] && !y.has(flag::LIGHT) && !y.has(flag::TITLE) && other.is_none() {
                other = Some((bk, j));
            }
        }
        if let Some((bk, j)) = other {
            s.actor = Some(format!(
                "actor: {} vs {} for '{}'",
                a.span_text(subject[0], subject[subject.len() - 1]),
                quote(b, bk, bk),
                b.token_text(j)
            ));
            s.at.actor_named_in_b = subject.iter().any(|&x| !al.matches[x].is_empty());
            s.at.actor = Some(ActorAt {
                a_doer: (subject[0] as u32, subject[subject.len() - 1] as u32),
                b_doer: (bk as u32, bk as u32),
                a_act: i as u32,
                b_act: j as u32,
            });
        }
        return;
    }
}

/// Another doer for a passive act: a says the journalist was shot by soldiers, b that he
/// was shot by police (or that police shot him), and b does not name a's doer there.
fn passive_agent(a: &ClaimFeatures, b: &ClaimFeatures, al: &Alignment, s: &mut Signals) {
    use super::lexicon::hash_str;
    let Some(clause) = a.main_clause else {
        return;
    };
    if clause.kind != super::features::ClauseKind::Passive {
        return;
    }
    let p = clause.predicate as usize;
    let (_, a_end) = a.clause_of(p);
    let Some(by) = (p + 1..a_end.min(p + 4)).find(|&k| a.tokens[k].word == hash_str("by")) else {
        return;
    };
    // a's doer: the name (or noun) right after "by".
    let Some(agent_head) = (by + 1..a_end).find(|&k| alignable(a, k)) else {
        return;
    };
    let agent: Vec<usize> = match a
        .entities
        .iter()
        .find(|e| (e.first as usize) <= agent_head && agent_head <= e.last as usize)
    {
        Some(e) => (e.first as usize..=e.last as usize)
            .filter(|&k| alignable(a, k) && !a.tokens[k].has(flag::TITLE))
            .collect(),
        None => vec![agent_head],
    };
    let patient: Vec<usize> = (clause.subject.0 as usize..=clause.subject.1 as usize)
        .filter(|&k| alignable(a, k))
        .collect();
    for &j in &al.matches[p] {
        let j = j as usize;
        let (st, en) = b.clause_of(j);
        // The same act on the same thing: a's patient in b's clause.
        let patient_there = (st..en).any(|k| patient.iter().any(|&x| matches(a, x, b, k)));
        let agent_there = (b.sentence_of(j).0..b.sentence_of(j).1)
            .any(|k| agent.iter().any(|&x| matches(a, x, b, k)));
        if !patient_there || agent_there {
            continue;
        }
        // b's doer: after "by" right after the verb, or the subject of an active verb.
        let other = (j + 1..en.min(j + 3))
            .find(|&k| b.tokens[k].word == hash_str("by"))
            .and_then(|k| (k + 1..en).find(|&m| b.tokens[m].has(flag::CONTENT)))
            .or_else(|| {
                subject_before(b, j)
                    .filter(|&k| verb_like(b, j) && !patient.iter().any(|&x| matches(a, x, b, k)))
            });
        let Some(k) = other else {
            continue;
        };
        let y = &b.tokens[k];
        if al.b_matched[k] || y.has(flag::LIGHT) || y.has(flag::QUANTITY) || !y.has(flag::WORD) {
            continue;
        }
        // Quote b's doer whole: its run of content words ("talented artists").
        let mut last = k;
        while last + 1 < en && last < k + 3 && b.tokens[last + 1].has(flag::CONTENT) {
            last += 1;
        }
        s.actor = Some(format!(
            "actor: {} vs {} for '{}'",
            a.span_text(agent[0], agent[agent.len() - 1]),
            quote(b, k, last),
            b.token_text(j)
        ));
        s.at.actor_named_in_b = agent.iter().any(|&x| !al.matches[x].is_empty());
        s.at.actor = Some(ActorAt {
            a_doer: (agent[0] as u32, agent[agent.len() - 1] as u32),
            b_doer: (k as u32, last as u32),
            a_act: p as u32,
            b_act: j as u32,
        });
        return;
    }
}

fn hedges(
    a: &ClaimFeatures,
    b: &ClaimFeatures,
    al: &Alignment,
    focus: (usize, usize),
    s: &mut Signals,
) {
    let a_hedged = a
        .cues
        .iter()
        .any(|c| matches!(c.kind, CueKind::Hedge | CueKind::Uncertain));
    let short = is_short(b);
    // A hedge bears on a's content when b is headline-sized, or when it sits in the
    // sentence of b that matches a best and governs a matched word after it ("may
    // approve the law"), or spans that whole sentence (a question).
    let bears_on_a = |c: &super::features::Cue| {
        let (first, last) = (c.first as usize, c.last as usize);
        if short {
            // A headline's hedge bears on all of it, unless it comes after a's predicate
            // in a clause of its own ("was detained ... after Britain said he may have
            // had links"). A trailing "officials say" or a question still covers it.
            let (start, end) = b.sentence_of(first);
            let trailing = !(last + 1..end).any(|j| b.tokens[j].has(flag::WORD));
            let predicate_matches = a
                .main_clause
                .map(|m| &al.matches[m.predicate as usize])
                .filter(|ms| !ms.is_empty());
            return trailing
                || first <= start
                || predicate_matches.is_none_or(|ms| {
                    ms.iter().any(|&j| {
                        let j = j as usize;
                        j > last || !(j + 1..first).any(|k| opens_clause(b, k))
                    })
                });
        }
        if first >= focus.1 || last < focus.0 {
            return false;
        }
        if first <= focus.0 && last + 2 >= focus.1 {
            return true;
        }
        // In a passage the hedge must govern what a says of its subject (its verb), when
        // a's main clause is known: "suspected he may have had links" does not hedge
        // "was detained".
        let predicate = a.main_clause.map(|c| c.predicate as usize);
        let (_, clause_end) = b.clause_of(last);
        (last + 1..clause_end.min(last + 6)).any(|j| {
            al.b_matched[j]
                && !b.tokens[j].has(flag::ENTITY)
                && predicate.is_none_or(|p| al.matches[p].contains(&(j as u32)))
        })
    };
    if !a_hedged {
        if let Some(c) = b.cues_of(CueKind::Hedge).find(|c| bears_on_a(c)) {
            s.hedge = Some(format!(
                "hedged: b reports it without asserting it ('{}')",
                quote(b, c.first as usize, c.last as usize)
            ));
        }
        if let Some(c) = b.cues_of(CueKind::Uncertain).find(|c| bears_on_a(c)) {
            s.uncertain = Some(format!(
                "uncertain: b says '{}'",
                quote(b, c.first as usize, c.last as usize)
            ));
        }
    }
    // An aim or a request in b ("plotting to participate", "asked the government to
    // investigate") governing a's words: b does not say it was done. Unless a speaks of
    // an aim or the future itself.
    // When a's main clause is known, the aim must govern its predicate, and b must not
    // also state the predicate outside an aim.
    let predicate = a.main_clause.map(|c| c.predicate as usize);
    let governed = |j: usize| {
        b.cues_of(CueKind::Intention).any(|c| {
            let to = c.last as usize;
            let (_, clause_end) = b.clause_of(to);
            j > to && j < clause_end.min(to + 4)
        })
    };
    let predicate_only_as_aim = predicate.is_none_or(|p| {
        !al.matches[p].is_empty() && al.matches[p].iter().all(|&j| governed(j as usize))
    });
    if s.hedge.is_none() && !a_hedged && !speaks_of_future(a) && predicate_only_as_aim {
        let governs = |c: &&super::features::Cue| {
            let to = c.last as usize;
            let (_, clause_end) = b.clause_of(to);
            let in_focus = short || (to >= focus.0 && to < focus.1);
            in_focus
                && (to + 1..clause_end.min(to + 4)).any(|j| {
                    al.b_matched[j]
                        && !b.tokens[j].has(flag::ENTITY)
                        && predicate.is_none_or(|p| al.matches[p].contains(&(j as u32)))
                })
        };
        if let Some(c) = b.cues_of(CueKind::Intention).find(governs) {
            s.hedge = Some(format!(
                "unrealised: b says '{}'",
                quote(b, c.first as usize, c.last as usize)
            ));
        }
    }
    s.attributed = b
        .cues_of(CueKind::Attribution)
        .any(|c| (c.first as usize) < focus.1 && (c.last as usize) >= focus.0);
}

/// Names of the agreement model's inputs, in the order of [`agreement_inputs`].
pub const AGREEMENT_INPUTS: [&str; 8] = [
    "coverage",
    "reverse_coverage",
    "predicate_coverage",
    "missing_entities",
    "missing_numbers",
    "missing_dates",
    "comparable_length",
    "reverse_if_comparable",
];

/// The agreement model: a logistic regression over the coverage signals, and the
/// probability it must reach. Few parameters, so that they can be fitted on one half of
/// the development pairs and checked on the other (`tests/compare_fit.rs`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AgreementModel {
    pub bias: f64,
    pub weights: [f64; AGREEMENT_INPUTS.len()],
    /// Probability of agreement needed when b is about as long as a (another claim, a
    /// headline) and when b is much longer (a passage).
    pub threshold_comparable: f64,
    pub threshold_longer: f64,
}

/// The weights in use: fitted on all the development pairs (RTE-3 news sentences and
/// Emergent headlines) by `tests/compare_fit.rs`, which also refits them on one half and
/// measures the other; see `src/eval/pairs.rs` for the figures.
pub const AGREEMENT_MODEL: AgreementModel = AgreementModel {
    bias: -1.70,
    weights: [2.01, 1.18, 0.50, -0.37, -0.72, -1.97, -0.04, 1.04],
    threshold_comparable: 0.41,
    threshold_longer: 0.50,
};

/// Whether `b` is about as long as `a` (at most twice its content words): another
/// claim or a headline rather than a passage.
fn comparable_length(s: &Signals) -> bool {
    (s.b_words as f64) <= 2.0 * s.a_weight.max(1.0)
}

/// The inputs of the agreement model, named by [`AGREEMENT_INPUTS`].
pub fn agreement_inputs(s: &Signals) -> [f64; AGREEMENT_INPUTS.len()] {
    let comparable = if comparable_length(s) { 1.0 } else { 0.0 };
    [
        s.coverage,
        s.reverse_coverage,
        s.predicate_coverage,
        s.missing_entities.min(3) as f64,
        s.numbers_missing.min(2) as f64,
        s.dates_missing.min(2) as f64,
        comparable,
        s.reverse_coverage * comparable,
    ]
}

impl AgreementModel {
    /// The probability that `b` states what `a` states, from the coverage signals.
    pub fn probability(&self, s: &Signals) -> f64 {
        let x = agreement_inputs(s);
        let z = self.bias + self.weights.iter().zip(x).map(|(w, x)| w * x).sum::<f64>();
        1.0 / (1.0 + (-z).exp())
    }

    /// The probability needed for agreement on this pair.
    pub fn threshold(&self, s: &Signals) -> f64 {
        if comparable_length(s) {
            self.threshold_comparable
        } else {
            self.threshold_longer
        }
    }
}

/// The probability that `b` states what `a` states, by the model in use.
pub fn agreement_probability(s: &Signals) -> f64 {
    AGREEMENT_MODEL.probability(s)
}

/// The relation the rules settle before the agreement model is asked: contradiction
/// when there is evidence against `a` in a pair about the same thing, neutral when `b`
/// reports without asserting. `None` leaves it to the model.
pub fn ruled_relation(s: &Signals) -> Option<RelationKind> {
    let related = is_related(s);
    if related && has_evidence_against(s) {
        Some(RelationKind::Contradict)
    } else if related && (s.hedge.is_some() || s.uncertain.is_some()) {
        Some(RelationKind::Neutral)
    } else {
        None
    }
}

/// The pair is about the same thing: enough of a in b, or of b in a.
fn is_related(s: &Signals) -> bool {
    s.coverage >= 0.35 || s.reverse_coverage >= 0.5
}

fn evidence_against(s: &Signals) -> impl Iterator<Item = &String> {
    [
        &s.denial,
        &s.withdrawal,
        &s.negation,
        &s.antonym,
        &s.number,
        &s.date,
        &s.actor,
    ]
    .into_iter()
    .flatten()
}

fn has_evidence_against(s: &Signals) -> bool {
    evidence_against(s).next().is_some()
}

/// Turns the evidence into a relation with the model in use.
pub fn decide(s: &Signals) -> Relation {
    decide_with(s, &AGREEMENT_MODEL)
}

/// Turns the evidence into a relation: contradiction needs evidence against `a` in a
/// pair about the same thing; a hedged `b` is neutral; otherwise the agreement model
/// decides.
pub fn decide_with(s: &Signals, model: &AgreementModel) -> Relation {
    let p = model.probability(s);
    match ruled_relation(s) {
        Some(RelationKind::Contradict) => {
            let against: Vec<String> = evidence_against(s).cloned().collect();
            // Confidence grows with how much of a the pair shares and with each extra
            // piece of evidence.
            let score =
                (0.55 + 0.3 * s.coverage.min(1.0) + 0.1 * (against.len() - 1) as f64).min(0.99);
            return Relation {
                relation: RelationKind::Contradict,
                score,
                reasons: against,
            };
        }
        Some(_) => {
            let mut reasons: Vec<String> =
                s.hedge.iter().chain(s.uncertain.iter()).cloned().collect();
            reasons.push(coverage_reason(s));
            return Relation {
                relation: RelationKind::Neutral,
                score: 0.5 + 0.5 * p,
                reasons,
            };
        }
        None => {}
    }
    let threshold = model.threshold(s);
    let mut reasons = vec![coverage_reason(s)];
    if p >= threshold && covers_comparable(s) {
        if s.attributed {
            reasons.push("attributed: b reports it as someone's statement".to_owned());
        }
        Relation {
            relation: RelationKind::Agree,
            score: p,
            reasons,
        }
    } else {
        if s.missing_entities > 0 {
            reasons.push(format!(
                "missing: {} name(s) of a not in b",
                s.missing_entities
            ));
        }
        if s.numbers_missing > 0 {
            reasons.push(format!(
                "missing: {} number(s) of a not in b",
                s.numbers_missing
            ));
        }
        if s.dates_missing > 0 {
            reasons.push(format!(
                "missing: {} date(s) of a not in b",
                s.dates_missing
            ));
        }
        Relation {
            relation: RelationKind::Neutral,
            score: 1.0 - p,
            reasons,
        }
    }
}

/// Share of `a`'s content a text of about its length must have to state it: between
/// two sentences of one size, a word of `a` that `b` lacks is something `b` does not say
/// ("skiing down a snowy hill" is not "skiing down a snowy mountain"); a longer passage
/// is left to the model, which weighs what it adds.
const COMPARABLE_COVERAGE: f64 = 0.8;

fn covers_comparable(s: &Signals) -> bool {
    // A headline shorter than `a` states its gist, not every word: the model judges it.
    let as_long = s.b_words as f64 >= s.a_weight;
    !(comparable_length(s) && as_long) || s.coverage >= COMPARABLE_COVERAGE
}

fn coverage_reason(s: &Signals) -> String {
    format!("support: b has {:.0}% of a's content", 100.0 * s.coverage)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rel(a: &str, b: &str) -> Relation {
        relate(&ClaimFeatures::new(a), &ClaimFeatures::new(b))
    }

    fn assert_relation(a: &str, b: &str, kind: RelationKind, reason_start: &str) {
        let r = rel(a, b);
        assert_eq!(r.relation, kind, "{a} | {b}: {r:?}");
        assert!(
            r.reasons.iter().any(|x| x.starts_with(reason_start)),
            "{a} | {b}: expected a reason starting {reason_start:?}, got {:?}",
            r.reasons
        );
        assert!((0.0..=1.0).contains(&r.score), "{r:?}");
    }

    #[test]
    fn negation_on_one_side_contradicts() {
        assert_relation(
            "The minister has publicly commented on the report.",
            "The minister has not commented on the report.",
            RelationKind::Contradict,
            "negation: 'has not commented'",
        );
        assert_relation(
            "Christian Bale will play Steve Jobs.",
            "Christian Bale won't play Steve Jobs after all.",
            RelationKind::Contradict,
            "negation:",
        );
    }

    #[test]
    fn negation_on_both_sides_agrees() {
        let r = rel(
            "The minister has not commented on the report.",
            "The minister did not comment on the report.",
        );
        assert_eq!(r.relation, RelationKind::Agree, "{r:?}");
    }

    #[test]
    fn a_negation_in_a_condition_is_no_contradiction() {
        let r = rel(
            "Leaks are caused by the disposal of toxic waste.",
            "If toxic waste is not disposed of properly, it may leak into streams.",
        );
        assert_ne!(r.relation, RelationKind::Contradict, "{r:?}");
    }

    #[test]
    fn different_numbers_contradict_and_vague_ones_are_ranges() {
        assert_relation(
            "About 500 people attended the protest in the capital.",
            "Thousands of people attended the protest in the capital.",
            RelationKind::Contradict,
            "number: About 500 vs Thousands",
        );
        assert_relation(
            "The couple had been married for 75 years.",
            "The couple had been married for 70 years.",
            RelationKind::Contradict,
            "number: 75 vs 70",
        );
        let r = rel(
            "IBM will cut more than 110,000 jobs.",
            "IBM is to cut 111,800 jobs.",
        );
        assert_eq!(r.relation, RelationKind::Agree, "{r:?}");
        let r = rel(
            "Thousands of people attended the protest in the capital.",
            "About 5,000 people attended the protest in the capital.",
        );
        assert_eq!(r.relation, RelationKind::Agree, "{r:?}");
    }

    #[test]
    fn different_dates_contradict() {
        assert_relation(
            "The treaty between the two countries was signed in 2021.",
            "The treaty between the two countries was signed in 2022.",
            RelationKind::Contradict,
            "date: 2021 vs 2022",
        );
    }

    #[test]
    fn opposing_words_contradict() {
        assert_relation(
            "China has deepened its economic ties with Russia.",
            "China has reduced its economic ties with Russia.",
            RelationKind::Contradict,
            "antonym: deepened vs reduced",
        );
        assert_relation(
            "The National Assembly rejected the amendment on women's suffrage.",
            "The National Assembly passed the amendment on women's suffrage.",
            RelationKind::Contradict,
            "antonym: rejected vs passed",
        );
    }

    #[test]
    fn another_actor_for_the_same_act_contradicts() {
        assert_relation(
            "Russia invaded Ukraine in 2022.",
            "Belarus invaded Ukraine in 2022.",
            RelationKind::Contradict,
            "actor: Russia vs Belarus for 'invaded'",
        );
        let r = rel(
            "ISIS executed two of its fighters.",
            "Islamic State executed two of its fighters.",
        );
        assert_ne!(r.relation, RelationKind::Contradict, "{r:?}");
    }

    #[test]
    fn denial_and_withdrawal_contradict() {
        assert_relation(
            "Egyptian President al-Sisi offered land in Sinai to the Palestinians.",
            "Sisi denies offering Sinai land to Palestinians",
            RelationKind::Contradict,
            "denial: b says 'denies'",
        );
        assert_relation(
            "Christian Bale will play Steve Jobs in the new film.",
            "Christian Bale drops out of the Steve Jobs film",
            RelationKind::Contradict,
            "withdrawal: b says 'drops out'",
        );
    }

    #[test]
    fn hedged_reports_are_neutral() {
        let a = "The company cut 500 jobs at its Ohio plant.";
        for b in [
            "The company reportedly cut 500 jobs at its Ohio plant.",
            "Did the company cut 500 jobs at its Ohio plant?",
            "Company cut 500 jobs at Ohio plant, union officials say",
            "The company may cut 500 jobs at its Ohio plant.",
        ] {
            assert_relation(a, b, RelationKind::Neutral, "hedged:");
        }
    }

    #[test]
    fn paraphrases_agree() {
        for (a, b) in [
            (
                "ISIS leader Abu Bakr al-Baghdadi was wounded in a U.S. airstrike.",
                "ISIS leader al-Baghdadi injured in US airstrike",
            ),
            (
                "The Indian government fired an employee who skipped work for 24 years.",
                "Government sacks employee who skipped work for 24 years",
            ),
            (
                "Egypt has offered land in Sinai for a Palestinian state.",
                "Egypt offers Palestinians land in Sinai for a state",
            ),
        ] {
            let r = rel(a, b);
            assert_eq!(r.relation, RelationKind::Agree, "{a} | {b}: {r:?}");
        }
    }

    #[test]
    fn unrelated_claims_are_neutral() {
        let r = rel(
            "The central bank raised interest rates on Tuesday.",
            "The football team won the cup final.",
        );
        assert_eq!(r.relation, RelationKind::Neutral, "{r:?}");
    }

    #[test]
    fn an_aim_or_a_request_is_not_a_deed() {
        for b in [
            "The minister plans to close the Ohio plant next year.",
            "Unions asked the company to close the Ohio plant.",
        ] {
            assert_relation(
                "The company closed the Ohio plant.",
                b,
                RelationKind::Neutral,
                "unrealised:",
            );
        }
        // Unless a speaks of an aim too.
        let r = rel(
            "The company will close the Ohio plant.",
            "The company plans to close the Ohio plant.",
        );
        assert_eq!(r.relation, RelationKind::Agree, "{r:?}");
    }

    #[test]
    fn a_condition_is_not_an_assertion() {
        assert_relation(
            "The government raised the fuel tax.",
            "The government raised the fuel tax only if parliament approved the budget, a spokesman said on Tuesday after a long meeting with the unions.",
            RelationKind::Neutral,
            "hedged:",
        );
    }

    #[test]
    fn opposites_in_what_the_subject_is_contradict() {
        assert_relation(
            "The sale was a legal transaction.",
            "The sale was an illegal transaction whose terms angered legal experts.",
            RelationKind::Contradict,
            "antonym: legal vs illegal",
        );
    }

    #[test]
    fn an_opposite_in_another_sentence_about_the_same_thing_contradicts() {
        assert_relation(
            "The council approved the budget for schools.",
            "The council approved the plan for roads on Monday. The budget for schools was rejected.",
            RelationKind::Contradict,
            "antonym: approved vs rejected",
        );
    }

    #[test]
    fn a_part_of_a_group_does_not_contradict_its_size() {
        let r = rel(
            "12 members of the European Union use the euro.",
            "The rule applies across the 25-member European Union.",
        );
        assert_ne!(r.relation, RelationKind::Contradict, "{r:?}");
    }

    #[test]
    fn no_before_a_noun_denies_that_noun_only() {
        let r = rel(
            "Two investment funds acquired the publisher.",
            "A newspaper says no good will come of the acquisition of the publisher by two investment funds.",
        );
        assert_ne!(r.relation, RelationKind::Contradict, "{r:?}");
    }

    #[test]
    fn acronyms_match_the_names_they_spell() {
        let r = rel(
            "A team from the CDC investigated the outbreak.",
            "A team from the Centers for Disease Control investigated the outbreak on the ship.",
        );
        assert_eq!(r.relation, RelationKind::Agree, "{r:?}");
    }

    #[test]
    fn derivations_and_broader_words_support() {
        for (a, b) in [
            (
                "Alfred Nobel is the inventor of dynamite.",
                "Alfred Nobel invented dynamite in 1866.",
            ),
            (
                "The journalist was killed in Moscow.",
                "The journalist was murdered in Moscow on Saturday.",
            ),
        ] {
            let r = rel(a, b);
            assert_eq!(r.relation, RelationKind::Agree, "{a} | {b}: {r:?}");
        }
        // One way only: "died" does not support "was murdered".
        let s = signals(
            &ClaimFeatures::new("The journalist was murdered in Moscow."),
            &ClaimFeatures::new("The journalist died in Moscow on Saturday."),
        );
        assert_eq!(s.predicate_found, Some(false), "{s:?}");
    }

    // Claim against claim: sentences of the seed article (examples/articles/) against the
    // follow-ups we wrote, and pairs of our own.

    fn claims_rel(a: &str, b: &str) -> Relation {
        let (fa, fb) = (ClaimFeatures::new(a), ClaimFeatures::new(b));
        let r = relate_claims(&fa, &fb);
        let back = relate_claims(&fb, &fa);
        assert_eq!(r.relation, back.relation, "not symmetric: {a} | {b}");
        r
    }

    fn assert_claims(a: &str, b: &str, kind: RelationKind, reason_start: &str) {
        let r = claims_rel(a, b);
        assert_eq!(r.relation, kind, "{a} | {b}: {r:?}");
        assert!(
            r.reasons.iter().any(|x| x.starts_with(reason_start)),
            "{a} | {b}: expected a reason starting {reason_start:?}, got {:?}",
            r.reasons
        );
    }

    #[test]
    fn claims_with_opposing_verbs_contradict() {
        assert_claims(
            "While Western countries seek to isolate Russia, China has deepened trade and diplomatic ties with Moscow since Russia invaded Ukraine in 2022.",
            "China has reduced trade and diplomatic ties with Moscow since Russia invaded Ukraine in 2022, according to customs figures compiled by a research group in Hong Kong.",
            RelationKind::Contradict,
            "antonym: deepened vs reduced",
        );
    }

    #[test]
    fn claims_with_different_numbers_contradict() {
        assert_claims(
            "But North Korea’s decision to send thousands of troops to Russia to fight Ukraine, revealed this week by Secretary of Defense Lloyd J. Austin III, will test those bonds like never before.",
            "North Korea has sent about 500 soldiers to Russia, a South Korean lawmaker said on Friday, citing a briefing by the country's spy agency.",
            RelationKind::Contradict,
            "number: thousands vs about 500",
        );
        assert_claims(
            "Earlier this month, China and North Korea reaffirmed a relationship they once described as as close as “mouth to teeth” and praised their 75-year diplomatic relationship.",
            "China and North Korea marked 70 years of diplomatic relations this month, a milestone both governments celebrated in state media.",
            RelationKind::Contradict,
            "number: 75 vs 70",
        );
    }

    #[test]
    fn claims_with_opposite_polarity_contradict() {
        assert_claims(
            "China has not commented on the presence of North Korean soldiers in Russia other than to say it expects all parties to the conflict to reduce tensions.",
            "China has publicly commented on the presence of North Korean soldiers in Russia, according to the lawmaker.",
            RelationKind::Contradict,
            "negation: 'has not commented'",
        );
    }

    #[test]
    fn claims_with_swapped_or_other_actors_contradict() {
        assert_claims(
            "Russia invaded Ukraine in 2022.",
            "Ukraine invaded Russia in 2022.",
            RelationKind::Contradict,
            "actor: Russia vs Ukraine",
        );
        assert_claims(
            "The Senate passed the bill on Monday.",
            "The House passed the bill on Monday.",
            RelationKind::Contradict,
            "actor: Senate vs House",
        );
    }

    #[test]
    fn claims_stating_the_same_agree() {
        for (a, b) in [
            (
                "At a summit of emerging market countries in Russia on Wednesday, Chinese leader Xi Jinping reiterated that position, calling on countries not to “add fuel to the fire.”",
                "Xi Jinping called on countries not to add fuel to the fire at a summit of emerging market countries in Russia on Wednesday.",
            ),
            (
                "The U.S. has said China could help end the fighting by withdrawing aid to Russia, which includes a variety of supplies such as microchips, chemicals and drones.",
                "The U.S. has said China could help end the fighting by withdrawing aid to Russia.",
            ),
            (
                "China may not know how to rein in North Korea’s efforts to support the Kremlin, said Victor D. Cha, a professor at the university.",
                "He said China may not know how to rein in North Korea's efforts to support the Kremlin.",
            ),
        ] {
            let r = claims_rel(a, b);
            assert_eq!(r.relation, RelationKind::Agree, "{a} | {b}: {r:?}");
            assert!(r.reasons[0].starts_with("support: each has"), "{r:?}");
        }
    }

    #[test]
    fn claims_sharing_names_but_not_the_statement_are_neutral() {
        for (a, b) in [
            // Same doer and place, another thing sent.
            (
                "North Korea has sent troops to Russia.",
                "North Korea has sent aid to Russia.",
            ),
            // Claims about the same events, from the same articles, saying other things.
            (
                "North Korea has sent about 500 soldiers to Russia, a South Korean lawmaker said on Friday.",
                "Officials in Seoul said they expected more soldiers to follow before the end of the year.",
            ),
            (
                "China is frustrated that North Korea is destabilizing North Asia with its nuclear weapons program and regular threats to annihilate South Korea.",
                "China has publicly commented on the presence of North Korean soldiers in Russia, according to the lawmaker.",
            ),
            (
                "Now North Korea is fomenting war in Europe, which could deepen a broader conflict over the world order.",
                "North Korea's decision to send thousands of troops to Russia will test its bonds with China, a senior Chinese diplomat said.",
            ),
            (
                "Xi Jinping called on countries not to add fuel to the fire at a summit of emerging market countries in Russia on Wednesday.",
                "The U.S. has said China could help end the fighting by withdrawing aid to Russia.",
            ),
        ] {
            let r = claims_rel(a, b);
            assert_eq!(r.relation, RelationKind::Neutral, "{a} | {b}: {r:?}");
        }
    }

    #[test]
    fn between_claims_evidence_off_the_main_statement_is_no_contradiction() {
        for (a, b) in [
            // The negation bears on another act than the other claim's.
            (
                "The congressman said he did not send the photo to the student.",
                "The student who received the photo followed the congressman online.",
            ),
            // Two amounts said of different things.
            (
                "The advertisement is costing the group $1 million, the organization said.",
                "The group has reserved $500,000 of airtime in three cities.",
            ),
            // Many may announce the same thing.
            (
                "The White House announced the new rules for federal workers on Thursday.",
                "President Biden announced the new rules for federal workers on Thursday.",
            ),
            // Both deny.
            (
                "The minister rejected claims that he misled parliament.",
                "The minister disputed that he misled parliament.",
            ),
            // A participle is no act of the name before it.
            (
                "The security alliance between the United States, Japan, and South Korea signed at Camp David angered China.",
                "China has likened the trilateral security pact signed at Camp David to an Asian NATO.",
            ),
            // A number of one claim that another number of the other accounts for.
            (
                "The couple earned $141 million and paid $44 million in taxes.",
                "The couple paid $43 million in federal taxes.",
            ),
        ] {
            let r = claims_rel(a, b);
            assert_ne!(r.relation, RelationKind::Contradict, "{a} | {b}: {r:?}");
        }
    }

    #[test]
    fn between_claims_a_difference_in_polarity_forbids_agreement() {
        let r = claims_rel(
            "Officials want to know which Americans have been vaccinated against the virus.",
            "Officials want to know which Americans have not been vaccinated against the virus.",
        );
        assert_ne!(r.relation, RelationKind::Agree, "{r:?}");
    }

    #[test]
    fn a_hedged_claim_against_an_assertion_is_neutral() {
        assert_claims(
            "The company cut 500 jobs at its Ohio plant.",
            "The company may cut 500 jobs at its Ohio plant.",
            RelationKind::Neutral,
            "hedged:",
        );
    }

    proptest::proptest! {
        #[test]
        fn relating_claims_is_symmetric(a in "[A-Za-z0-9 ,.'-]{0,60}", b in "[A-Za-z0-9 ,.'-]{0,60}") {
            let (fa, fb) = (ClaimFeatures::new(&a), ClaimFeatures::new(&b));
            let r = relate_claims(&fa, &fb);
            proptest::prop_assert_eq!(r.relation, relate_claims(&fb, &fa).relation);
            proptest::prop_assert!((0.0..=1.0).contains(&r.score));
            proptest::prop_assert!(!r.reasons.is_empty());
        }
    }
}
