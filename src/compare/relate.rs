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
}

/// Relates `b` to `a`.
pub fn relate(a: &ClaimFeatures, b: &ClaimFeatures) -> Relation {
    decide(&signals(a, b))
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
fn alignable(f: &ClaimFeatures, i: usize) -> bool {
    let t = &f.tokens[i];
    t.has(flag::WORD) && t.has(flag::CONTENT) && !t.has(flag::QUANTITY)
}

/// Whether token `i` of `a` and token `j` of `b` match: same concept, or two capitalised
/// words sharing their first four letters ("Egypt" / "Egyptian").
fn matches(a: &ClaimFeatures, i: usize, b: &ClaimFeatures, j: usize) -> bool {
    let (x, y) = (&a.tokens[i], &b.tokens[j]);
    if !y.has(flag::WORD) {
        return false;
    }
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
    s.predicate_coverage = if pred_total > 0.0 {
        pred_hit / pred_total
    } else {
        1.0
    };
    s.short = is_short(b);
    s.spread = spread(a, b, &al);
    s.a_weight = total;
    s.coverage = if total > 0.0 { matched / total } else { 0.0 };
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

    numbers(a, b, &al, &mut s);
    dates(a, b, &al, focus_range, &mut s);
    negation(a, b, &al, focus_range, &mut s);
    denial_and_withdrawal(a, b, &al, &mut s);
    antonyms(a, b, &al, &mut s);
    actor(a, b, &al, &mut s);
    hedges(a, b, &al, focus_range, &mut s);
    s
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
fn quote(f: &ClaimFeatures, first: usize, last: usize) -> String {
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
            if same_unit && conflict.is_none() {
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
        if supported {
            s.numbers_supported += 1;
        } else if let Some(qb) = conflict.filter(|_| !anaphoric) {
            if s.number.is_none() {
                s.number = Some(format!(
                    "number: {} vs {}",
                    quote(a, qa.first as usize, qa.last as usize),
                    quote(b, qb.first as usize, qb.last as usize)
                ));
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
            if conflict.is_none() && a.dates.len() == 1 {
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
            }
        } else {
            s.dates_missing += 1;
        }
    }
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
        let js: Vec<u32> = al.matches[i]
            .iter()
            .copied()
            .filter(|&j| short || (j as usize >= focus.0 && (j as usize) < focus.1))
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
        s.negation = Some(reason);
        return;
    }
}

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
    for (kind, slot) in [
        (CueKind::Denial, &mut s.denial),
        (CueKind::Withdrawal, &mut s.withdrawal),
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
            break;
        }
    }
}

fn antonyms(a: &ClaimFeatures, b: &ClaimFeatures, al: &Alignment, s: &mut Signals) {
    let lex = lexicon();
    for i in 0..a.tokens.len() {
        if !alignable(a, i) {
            continue;
        }
        let scales_a = lex.scales(a.tokens[i].stem);
        if scales_a.is_empty() || !al.matches[i].is_empty() {
            continue;
        }
        for j in 0..b.tokens.len() {
            let y = &b.tokens[j];
            if !y.has(flag::CONTENT) || !y.has(flag::WORD) || al.b_matched[j] {
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
            return;
        }
    }
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
    text.ends_with("ed")
        || (text.ends_with('s') && !text.ends_with("ss"))
        || super::stem::is_irregular_past(&text.to_lowercase())
}

/// The first content word after token `i` in its clause (past particles like "up").
fn next_content(f: &ClaimFeatures, i: usize) -> Option<usize> {
    let (_, end) = f.clause_of(i);
    (i + 1..end).find(|&k| {
        let t = &f.tokens[k];
        t.has(flag::CONTENT)
            && !t.has(flag::LIGHT)
            && !matches!(f.token_text(k), "up" | "down" | "off" | "out")
    })
}

/// A different actor for the same act: a says the FDA turned up metal, b says a company
/// investigation did. Checked for a's first act whose subject is a name.
fn actor(a: &ClaimFeatures, b: &ClaimFeatures, al: &Alignment, s: &mut Signals) {
    for i in 0..a.tokens.len() {
        if al.matches[i].is_empty() || name_like(a, i) || a.tokens[i].has(flag::LIGHT) {
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
        if subject.is_empty() || !verb_like(a, i) || after_preposition {
            return;
        }
        let object_a = next_content(a, i);
        let mut other = None;
        for &j in &al.matches[i] {
            let j = j as usize;
            let Some(bk) = subject_before(b, j) else {
                continue;
            };
            if !verb_like(b, j)
                || b.tokens[bk].has(flag::QUANTITY)
                || b.tokens[bk].is(super::lexicon::class::MONTH)
            {
                continue;
            }
            // The same act on the same thing: the words after the act match.
            let object_b = next_content(b, j);
            let same_object = match (object_a, object_b) {
                (Some(x), Some(y)) => matches(a, x, b, y),
                (None, None) => true,
                _ => false,
            };
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
        }
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
            return true;
        }
        if first >= focus.1 || last < focus.0 {
            return false;
        }
        if first <= focus.0 && last + 2 >= focus.1 {
            return true;
        }
        let (_, clause_end) = b.clause_of(last);
        (last + 1..clause_end.min(last + 6))
            .any(|j| al.b_matched[j] && !b.tokens[j].has(flag::ENTITY))
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
    s.attributed = b
        .cues_of(CueKind::Attribution)
        .any(|c| (c.first as usize) < focus.1 && (c.last as usize) >= focus.0);
}

/// Weights of the agreement model: a logistic regression over the coverage signals,
/// fitted on the development pairs (RTE-3 news sentences and Emergent headlines) with
/// each half held out in turn; see `src/eval/pairs.rs` for the figures.
mod model {
    pub const BIAS: f64 = -1.03;
    pub const COVERAGE: f64 = 1.16;
    pub const REVERSE_COVERAGE: f64 = 0.70;
    pub const PREDICATE_COVERAGE: f64 = 0.54;
    pub const MISSING_ENTITY: f64 = -0.47;
    pub const MISSING_NUMBER: f64 = -0.43;
    pub const MISSING_DATE: f64 = -0.59;
    pub const COMPARABLE_LENGTH: f64 = 0.19;
    pub const REVERSE_IF_COMPARABLE: f64 = 0.52;
    /// Probability of agreement needed when b is about as long as a (another claim, a
    /// headline) and when b is much longer (a passage).
    pub const THRESHOLD_COMPARABLE: f64 = 0.52;
    pub const THRESHOLD_LONGER: f64 = 0.50;
}

/// Whether `b` is about as long as `a` (at most twice its content words): another
/// claim or a headline rather than a passage.
fn comparable_length(s: &Signals) -> bool {
    (s.b_words as f64) <= 2.0 * s.a_weight.max(1.0)
}

/// The probability that `b` states what `a` states, from the coverage signals.
pub fn agreement_probability(s: &Signals) -> f64 {
    use model::*;
    let comparable = if comparable_length(s) { 1.0 } else { 0.0 };
    let z = BIAS
        + COVERAGE * s.coverage
        + REVERSE_COVERAGE * s.reverse_coverage
        + PREDICATE_COVERAGE * s.predicate_coverage
        + MISSING_ENTITY * s.missing_entities.min(3) as f64
        + MISSING_NUMBER * s.numbers_missing.min(2) as f64
        + MISSING_DATE * s.dates_missing.min(2) as f64
        + COMPARABLE_LENGTH * comparable
        + REVERSE_IF_COMPARABLE * s.reverse_coverage * comparable;
    1.0 / (1.0 + (-z).exp())
}

/// Turns the evidence into a relation: contradiction needs evidence against `a` in a
/// pair about the same thing; a hedged `b` is neutral; otherwise the agreement model
/// decides.
pub fn decide(s: &Signals) -> Relation {
    let related = s.coverage >= 0.35 || s.reverse_coverage >= 0.5;
    let against: Vec<&String> = [
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
    .collect();
    if related && !against.is_empty() {
        // Confidence grows with how much of a the pair shares and with each extra piece
        // of evidence.
        let score = (0.55 + 0.3 * s.coverage.min(1.0) + 0.1 * (against.len() - 1) as f64).min(0.99);
        return Relation {
            relation: RelationKind::Contradict,
            score,
            reasons: against.into_iter().cloned().collect(),
        };
    }
    let p = agreement_probability(s);
    if related && (s.hedge.is_some() || s.uncertain.is_some()) {
        let mut reasons: Vec<String> = s.hedge.iter().chain(s.uncertain.iter()).cloned().collect();
        reasons.push(coverage_reason(s));
        return Relation {
            relation: RelationKind::Neutral,
            score: 0.5 + 0.5 * p,
            reasons,
        };
    }
    let threshold = if comparable_length(s) {
        model::THRESHOLD_COMPARABLE
    } else {
        model::THRESHOLD_LONGER
    };
    let mut reasons = vec![coverage_reason(s)];
    if p >= threshold {
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
}
