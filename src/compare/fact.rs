//! Whether two claims of two articles state the same fact: the stricter standard the
//! store comparison holds a contradiction (and an agreement) to, and the reasons it gives
//! an editor.
//!
//! The relation engine ([`super::relate::pair_claims`]) finds evidence against: a
//! negation, an opposing word, another number, date or doer, a denial, a withdrawal.
//! Between two articles of a store, most such evidence is about two different facts
//! that share words (measured by hand on BBC News, BASIL and AllSides): two share
//! prices, two months' job figures, "the first quarter" and "the third", "Yukos" and "the
//! Russian oil giant", a denial of something else. So evidence counts here only when the
//! two claims pin down the same fact:
//!
//! - figures ([`EvidenceKind::Number`]): a name both claims share stands by the two
//!   figures, every name standing by either figure is in the other claim (another
//!   company, another country means another figure), and the claims give the same time
//!   frame ("in May" and "in August", "last year" and "2004", "on Tuesday" and nothing,
//!   are different facts);
//! - dates: the claims say the same of the same subject (subject and verb shared), only
//!   the date differs ("Pelosi has led House Democrats since 2002" / "since 2003");
//! - a negation or an opposing word: on the main verbs of both claims, of the same
//!   subject (its name or head noun), in the same time frame, with no figure differing;
//! - another doer: both doers are names, neither claim names the other's, the act is on
//!   the same thing (not "their tax returns" and "his own"), and no other name differs;
//! - a denial: what is denied holds the other claim's verb and subject ("Trump denied
//!   that he asked Comey ..." against "Trump had requested that Comey ...");
//! - a withdrawal ("pulled out", "quits") is not counted: between two articles it is
//!   news of a change, not a contradiction.
//!
//! Agreement between two articles asks that both claims be statements (not "in a
//! statement", "his resignation"), give the same figures, negate the same words, speak
//! of the same person ("he", "we"), and not be one template filled with two names.

use super::features::{ClaimFeatures, CueKind, MainClause, flag};
use super::lexicon::{class, hash_str};
use super::quantity::{Date, Quantity};
use super::relate::{
    ClaimPair, EvidenceKind, Found, Object, Signals, alignable, matches, object_after, quote,
    strong_match,
};

/// How far (in tokens) either side of a figure the words that say what it counts are
/// looked for.
const FIGURE_WINDOW: usize = 6;

/// Figures and rises and falls change with time: they contradict between two articles
/// published at most this many days apart, or when both claims date what they say alike
/// ("in 2003"). Without publication dates (and without dates in the claims) two share
/// prices or two job figures may be of two days: no contradiction is claimed.
pub const FIGURES_MAX_DAYS_APART: u32 = 7;

/// What is known of the two articles a pair of claims comes from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Articles {
    /// Days between their publication dates, when both are known.
    pub days_apart: Option<u32>,
}

/// The reason, for an editor, when the evidence `e` found between `a` and `b` holds as a
/// contradiction between two articles (`a`'s side first); `None` when the two claims
/// may well state two different facts.
pub fn contradiction(
    a: &ClaimFeatures,
    b: &ClaimFeatures,
    pair: &ClaimPair,
    e: &Found,
    articles: Articles,
) -> Option<String> {
    let (x, y, s) = if e.from_b {
        (b, a, &pair.ba)
    } else {
        (a, b, &pair.ab)
    };
    if asserts_nothing(x) || asserts_nothing(y) || !is_statement(x) || !is_statement(y) {
        return None;
    }
    // A figure, or a rise against a fall, from articles far apart in time: both may be
    // right, unless the claims date them alike.
    // So do dates without a year: "in May" in June and "in June" in July are each last
    // month.
    let yearless_date = e.kind == EvidenceKind::Date
        && s.at.date.is_some_and(|[xf, _, yf, _]| {
            let year_of = |f: &ClaimFeatures, k: u32| {
                f.dates.iter().find(|d| d.first == k).and_then(|d| d.year)
            };
            year_of(x, xf).is_none() || year_of(y, yf).is_none()
        });
    let changes_with_time =
        matches!(e.kind, EvidenceKind::Number | EvidenceKind::Antonym) || yearless_date;
    let close_in_time = articles
        .days_apart
        .is_some_and(|d| d <= FIGURES_MAX_DAYS_APART);
    let dated_alike = x.dates.iter().any(|d| d.year.is_some())
        && y.dates.iter().any(|d| d.year.is_some())
        && same_time(x, y, &[], &[]);
    if changes_with_time && !close_in_time && !dated_alike {
        return None;
    }
    let reason = match e.kind {
        EvidenceKind::Number => number(x, y, s),
        EvidenceKind::Date => date(x, y, s),
        EvidenceKind::Negation => negation(x, y, s).filter(|_| same_rest(x, y, pair)),
        EvidenceKind::Antonym => antonym(x, y, s, e).filter(|_| same_rest(x, y, pair)),
        EvidenceKind::Actor => actor(x, y, s),
        EvidenceKind::Denial => denial(x, y, s),
        // A withdrawal ("pulls out", "quits") is news of a change, not a contradiction of
        // an earlier report that the subject was in (on BBC News and BASIL, none of those
        // the engine found was one). `claims compare --pairs` still weighs it.
        EvidenceKind::Withdrawal => None,
    }?;
    Some(if e.from_b { mirror(&reason) } else { reason })
}

/// Whether two claims the engine found to agree state the same fact.
pub fn agreement(
    a: &ClaimFeatures,
    b: &ClaimFeatures,
    pair: &ClaimPair,
    articles: Articles,
) -> bool {
    agreement_checks(a, b, pair, articles)
        .iter()
        .all(|(_, ok)| *ok)
}

/// Each check [`agreement`] makes, by name, and whether it passed (for reading why two
/// claims do not agree).
pub fn agreement_checks(
    a: &ClaimFeatures,
    b: &ClaimFeatures,
    pair: &ClaimPair,
    articles: Articles,
) -> [(&'static str, bool); 13] {
    [
        ("statements", is_statement(a) && is_statement(b)),
        ("both assert", !asserts_nothing(a) && !asserts_nothing(b)),
        ("same referent", same_referent(a, b, pair)),
        ("same days", same_days(a, b, articles)),
        (
            "verbs found",
            pair.ab.predicate_found != Some(false) && pair.ba.predicate_found != Some(false),
        ),
        ("same modality", same_modality(a, b)),
        ("same figures", same_figures(a, b) && same_figures(b, a)),
        (
            "same dates",
            same_dates(b, &pair.ab) && same_dates(a, &pair.ba),
        ),
        ("same polarity", same_polarity(a, b)),
        ("same person", same_person(a, b)),
        ("no swapped names", !swapped_names(a, b)),
        ("held whole", held_whole(pair)),
        ("agreed by the engine", pair.agree),
    ]
}

/// Whether the shorter claim `short`, held whole by `long`, agrees with it: it is a
/// statement, its figures are the longer one's, and the polarity and the speaker's
/// person are the same.
pub fn contained_agreement(
    short: &ClaimFeatures,
    long: &ClaimFeatures,
    pair: &ClaimPair,
    articles: Articles,
) -> bool {
    is_statement(short)
        && !asserts_nothing(short)
        && !asserts_nothing(long)
        && same_referent(short, long, pair)
        && same_days(short, long, articles)
        && same_figures(short, long)
        && same_polarity(short, long)
        && same_modality(short, long)
        && same_person(short, long)
}

/// A reason written `label: X vs Y` for the pair `(x, y)`, rewritten for `(y, x)`.
pub fn mirror(reason: &str) -> String {
    if let Some((label, rest)) = reason.split_once(": ")
        && let Some((x, y)) = rest.split_once(" vs ")
    {
        return format!("{label}: {y} vs {x}");
    }
    reason.to_owned()
}

/// A statement says something of something: at least two content words, and a verb
/// (or "is", a modal, an auxiliary) after a word that can be its subject. Fragments
/// the extraction leaves ("in a statement", "his resignation", "Joint Chiefs of Staff
/// Chairman Mark Milley", "the withdrawal of U.S. forces from Afghanistan") agree with
/// nothing.
pub fn is_statement(f: &ClaimFeatures) -> bool {
    let content = f
        .tokens
        .iter()
        .filter(|t| t.has(flag::WORD) && t.has(flag::CONTENT) && !t.has(flag::LIGHT))
        .count();
    if content < 2 {
        return false;
    }
    let is_word = |k: usize, set: &[&str]| {
        f.tokens
            .get(k)
            .is_some_and(|t| t.has(flag::WORD) && set.iter().any(|w| t.word == hash_str(w)))
    };
    // An "-s" word ending the claim, or before "than", is more often a plural noun than a
    // verb ("White House aides", "fewer jobs than expected"); in headline style, so is
    // any capitalised "-s" word ("Joint Chiefs of Staff").
    let plural_noun = |k: usize| {
        let t = &f.tokens[k];
        let last_word = !(k + 1..f.tokens.len()).any(|m| f.tokens[m].has(flag::WORD));
        f.token_text(k).ends_with('s')
            && !f.is_irregular_past(k)
            && !t.is(class::BE)
            && !t.is(class::AUXILIARY)
            && (last_word
                || is_word(k + 1, &["than"])
                || (f.title_case && t.has(flag::CAPITALISED)))
    };
    // The main clause, unless its "subject" follows a preposition ("the withdrawal of
    // U.S. forces from Afghanistan") or a possessive makes its "verb" a noun ("Akin's
    // comments").
    // (An "-s" form there: "the deficit with China was" and "the leader of the group
    // resigned" are clauses.)
    let s_form = |k: usize| {
        let t = &f.tokens[k];
        f.token_text(k).ends_with('s')
            && !f.is_irregular_past(k)
            && !t.is(class::BE)
            && !t.is(class::AUXILIARY)
    };
    let trusted = f.main_clause.is_some_and(|c| {
        let p = c.predicate as usize;
        let after_preposition = c.kind == super::features::ClauseKind::Active
            && s_form(p)
            && c.subject.0 > 0
            && is_word(c.subject.0 as usize - 1, PREPOSITIONS);
        let possessive = f.token_text(p).starts_with(['\'', '\u{2019}']);
        !(after_preposition || possessive || plural_noun(p))
    });
    if trusted {
        return true;
    }
    // What someone is called on to do: "countries not to add fuel to the fire".
    // (Not a claim opening with "to": "to falsifying the company's financial statements".)
    let infinitive = content >= 4
        && (1..f.tokens.len()).any(|k| {
            is_word(k, &["to"]) && {
                // The next word, past an opening quote mark.
                let next = (k + 1..f.tokens.len()).find(|&m| f.tokens[m].has(flag::WORD));
                next.is_some_and(|m| {
                    let t = &f.tokens[m];
                    m <= k + 2
                        && t.has(flag::CONTENT)
                        && !t.has(flag::CAPITALISED)
                        && !t.has(flag::QUANTITY)
                })
            }
        });
    if infinitive {
        return true;
    }
    // A phrase opening with a preposition ("with tear gas", "on Fox and Friends") holds
    // a statement only after it ("With all due respect, I completely disagree").
    let from = if is_word(0, PREPOSITIONS) {
        match (0..f.tokens.len()).find(|&k| f.tokens[k].has(flag::CLAUSE_END)) {
            Some(k) => k + 1,
            None => return false,
        }
    } else {
        0
    };
    // A pronoun with its verb contracted: "it's a disgrace", "we're not playing".
    let contracted = f.tokens[from..].iter().any(|t| {
        PERSONAL.iter().any(|p| t.word == hash_str(p))
            && f.text()[t.end as usize..].starts_with(['\'', '\u{2019}'])
    });
    if contracted {
        return true;
    }
    (from.max(1)..f.tokens.len()).any(|k| {
        let t = &f.tokens[k];
        if !t.has(flag::WORD)
            || t.has(flag::ENTITY)
            || t.has(flag::QUANTITY)
            || t.is(class::NEGATION)
        {
            return false;
        }
        // Whatever follows a personal pronoun is its verb: "we owe", "I feel".
        if is_word(k - 1, PERSONAL) {
            return true;
        }
        // "'s" after a name is a possessive.
        let possessive = f.token_text(k).starts_with(['\'', '\u{2019}']);
        let headline_capital = f.title_case
            && t.has(flag::CAPITALISED)
            && !(f.token_text(k).ends_with("ed") || f.is_irregular_past(k))
            && !t.is(class::MODAL)
            && !t.is(class::AUXILIARY);
        if possessive || headline_capital || plural_noun(k) {
            return false;
        }
        let verb =
            t.is(class::BE) || t.is(class::AUXILIARY) || t.is(class::MODAL) || f.looks_like_verb(k);
        verb && can_be_subject(f, k - 1, s_form(k))
    })
}

/// Personal pronouns, which a verb follows.
const PERSONAL: &[&str] = &["i", "you", "he", "she", "it", "we", "they"];

/// Whether token `k` can end a subject (of a verb in "-s" when `s_form_verb`): a
/// content word, or a pronoun.
fn can_be_subject(f: &ClaimFeatures, k: usize, s_form_verb: bool) -> bool {
    let t = &f.tokens[k];
    if !t.has(flag::WORD) {
        return false;
    }
    if !t.has(flag::CONTENT) {
        return PRONOUNS.iter().any(|p| t.word == hash_str(p));
    }
    if t.has(flag::QUANTITY) {
        return false;
    }
    // Before an "-s" form, the phrase it ends must not follow a preposition: "of U.S.
    // forces" is no subject and verb.
    if !s_form_verb {
        return true;
    }
    let mut start = k;
    while start > 0 && {
        let p = &f.tokens[start - 1];
        p.has(flag::WORD) && (p.has(flag::CONTENT) || p.has(flag::ENTITY)) && !p.has(flag::QUANTITY)
    } {
        start -= 1;
    }
    let before = start.checked_sub(1).map(|b| &f.tokens[b]);
    !before.is_some_and(|b| b.has(flag::WORD) && PREPOSITIONS.iter().any(|p| b.word == hash_str(p)))
}

const PREPOSITIONS: &[&str] = &[
    "at", "in", "on", "by", "with", "from", "to", "for", "into", "of", "about", "over", "under",
    "after", "before", "during", "through", "against", "between", "across", "near", "via", "amid",
    "among",
];

const PRONOUNS: &[&str] = &[
    "i", "you", "he", "she", "it", "we", "they", "who", "which", "that", "there", "this",
];

/// A question ("Is it true that ..."), or a condition ("If true, the president committed
/// a crime"), asserts nothing to contradict, nor what a plain statement asserts.
fn asserts_nothing(f: &ClaimFeatures) -> bool {
    let word = |k: usize, set: &[&str]| {
        f.tokens
            .get(k)
            .is_some_and(|t| t.has(flag::WORD) && set.iter().any(|w| t.word == hash_str(w)))
    };
    // An auxiliary opening the claim before its subject: "Is it true", "Did he know".
    let inverted = word(
        0,
        &[
            "is", "are", "was", "were", "did", "does", "do", "has", "have", "will", "would", "can",
            "could", "should",
        ],
    ) && (word(1, PRONOUNS)
        || word(1, &["the", "a", "an"])
        || f.tokens.get(1).is_some_and(|t| t.has(flag::ENTITY)));
    f.tokens.iter().any(|t| t.has(flag::QUESTION))
        || inverted
        || word(0, &["if", "unless", "whether"])
}

/// Token `i` of `f` is a certain name (not a title before one).
fn is_name(f: &ClaimFeatures, i: usize) -> bool {
    let t = &f.tokens[i];
    alignable(f, i)
        && t.has(flag::ENTITY)
        && !t.has(flag::TITLE)
        && !t.has(flag::LIGHT)
        // Days and months are times, not names of someone or something.
        && !t.is(class::MONTH)
        && !WEEKDAYS.iter().any(|w| t.word == hash_str(w))
        && f.entities
            .iter()
            .any(|e| e.certain && (e.first as usize) <= i && i <= e.last as usize)
}

/// Token `i` of `f` may be a name: a certain one, or a capitalised content word
/// ("Republicans" opening a claim).
fn may_be_name(f: &ClaimFeatures, i: usize) -> bool {
    let t = &f.tokens[i];
    is_name(f, i)
        || (alignable(f, i)
            && t.has(flag::CAPITALISED)
            && !f.title_case
            && !t.has(flag::TITLE)
            && !t.has(flag::LIGHT))
}

/// Whether `f` names, in `range` or as its subject, someone or something `g` does not.
fn foreign_name(f: &ClaimFeatures, (lo, hi): (usize, usize), g: &ClaimFeatures) -> bool {
    let subject = f
        .main_clause
        .map_or(0..0, |c| c.subject.0 as usize..c.subject.1 as usize + 1);
    (lo..hi)
        .chain(subject)
        .any(|k| may_be_name(f, k) && !named_in(f, k, g))
}

/// Whether the name at token `i` of `x` is named anywhere in `y`.
fn named_in(x: &ClaimFeatures, i: usize, y: &ClaimFeatures) -> bool {
    (0..y.tokens.len()).any(|j| strong_match(x, i, y, j))
}

/// The stretch around tokens `first..=last` of `f` that says what they are about: up to
/// [`FIGURE_WINDOW`] tokens either side, within their clause (end exclusive).
fn window(f: &ClaimFeatures, first: usize, last: usize) -> (usize, usize) {
    let (st, _) = f.clause_of(first);
    let (_, en) = f.clause_of(last);
    (
        first.saturating_sub(FIGURE_WINDOW).max(st),
        (last + FIGURE_WINDOW + 1).min(en),
    )
}

/// The names of `f` in `range` and in its main clause's subject.
fn names_around(f: &ClaimFeatures, (lo, hi): (usize, usize)) -> Vec<usize> {
    let mut out: Vec<usize> = (lo..hi).filter(|&k| is_name(f, k)).collect();
    if let Some(c) = f.main_clause {
        out.extend((c.subject.0 as usize..=c.subject.1 as usize).filter(|&k| is_name(f, k)));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Figures: said of the same named thing, with no other name by either, in the same
/// time frame.
fn number(x: &ClaimFeatures, y: &ClaimFeatures, s: &Signals) -> Option<String> {
    let [xf, xl, yf, yl] = s.at.number?.map(|k| k as usize);
    let (wx, wy) = (window(x, xf, xl), window(y, yf, yl));
    // Another name by either figure, or as the subject: another company's, another
    // country's figure.
    if foreign_name(x, wx, y) || foreign_name(y, wy, x) {
        return None;
    }
    // A name both share, by the figures or as the subject: "North Korea has sent about
    // 500 soldiers", "North Korea's decision to send thousands of troops".
    let (nx, ny) = (names_around(x, wx), names_around(y, wy));
    let anchored = nx
        .iter()
        .any(|&i| ny.iter().any(|&j| strong_match(x, i, y, j)));
    if !anchored || !same_time(x, y, &[], &[]) {
        return None;
    }
    // What each figure measures, when a word right after says it: "a 0.5% gain" and
    // "8.5% growth" are two measures.
    if let (Some(i), Some(j)) = (measured(x, xl), measured(y, yl))
        && !matches(x, i, y, j)
        && !matches(y, j, x, i)
    {
        return None;
    }
    // One label whichever claim comes first, so that the reasons of one row read alike:
    // "number of soldiers" for "about 500 soldiers" and "thousands of troops".
    // A counted noun says most: it wins over "figure for"; of "year" and "years", the
    // plural.
    let (lx, ly) = (figure_label(x, xf, xl, &nx), figure_label(y, yf, yl, &ny));
    let label = if ly.starts_with(lx.as_str()) {
        ly
    } else if lx.starts_with(ly.as_str()) {
        lx
    } else {
        [lx, ly]
            .into_iter()
            .min_by_key(|l| (!l.starts_with("number of "), l.clone()))
            .unwrap_or_default()
    };
    Some(format!(
        "{label}: {} vs {}",
        quote(x, xf, xl),
        quote(y, yf, yl)
    ))
}

/// The content word right after a figure's last token (past a hyphen): what it measures.
fn measured(f: &ClaimFeatures, last: usize) -> Option<usize> {
    let mut k = last + 1;
    if f.tokens
        .get(k)
        .is_some_and(|t| !t.has(flag::WORD) && f.token_text(k) == "-")
    {
        k += 1;
    }
    let t = f.tokens.get(k)?;
    (t.has(flag::WORD) && t.has(flag::CONTENT) && !t.has(flag::QUANTITY) && !t.has(flag::LIGHT))
        .then_some(k)
}

/// What a figure counts, for the reason: "number of troops", or "figure for Cairn
/// Energy" when it is a share, an amount or a bare number.
fn figure_label(f: &ClaimFeatures, first: usize, last: usize, names: &[usize]) -> String {
    let q = f.quantities.iter().find(|q| q.first as usize == first);
    let counted = q
        .and_then(|q| counted_noun(f, q))
        .filter(|_| last < f.tokens.len());
    if let Some(k) = counted {
        return format!("number of {}", f.token_text(k).to_lowercase());
    }
    // A lone word opening the claim is more often a noun than a name ("Shares in
    // Wimpey").
    let names: Vec<usize> = names
        .iter()
        .copied()
        .filter(|&k| !f.tokens[k].has(flag::SENTENCE_START) || names.contains(&(k + 1)))
        .collect();
    let mut named: Vec<&str> = Vec::new();
    let mut k = 0;
    while k < names.len() {
        // A run of consecutive name tokens is one name.
        let start = names[k];
        let mut end = start;
        while k + 1 < names.len() && names[k + 1] == end + 1 {
            k += 1;
            end = names[k];
        }
        let text = f.span_text(start, end);
        if !named.contains(&text) {
            named.push(text);
        }
        k += 1;
    }
    if named.is_empty() {
        "figure".to_owned()
    } else {
        format!("figure for {}", named.join(", "))
    }
}

/// The counted noun right after a quantity ("thousands of troops", "500 soldiers"): the
/// word whose concept is the quantity's unit.
fn counted_noun(f: &ClaimFeatures, q: &Quantity) -> Option<usize> {
    if q.unit == 0 {
        return None;
    }
    let after = q.last as usize + 1;
    let first = (after..(after + 3).min(f.tokens.len()))
        .find(|&k| f.tokens[k].has(flag::WORD) && f.tokens[k].concept == q.unit)?;
    // "the 75-year relationship": a number joined to its unit counts the unit.
    if f.text()[f.tokens[q.last as usize].end as usize..f.tokens[first].start as usize] == *"-" {
        return Some(first);
    }
    // "845,000 new jobs": the noun ends the run of content words.
    let mut head = first;
    while head + 1 < f.tokens.len().min(first + 3)
        && f.tokens[head + 1].has(flag::WORD)
        && f.tokens[head + 1].has(flag::CONTENT)
        && !f.tokens[head + 1].has(flag::ENTITY)
    {
        head += 1;
    }
    Some(head)
}

/// Dates: the same subject does the same thing; only the date differs.
fn date(x: &ClaimFeatures, y: &ClaimFeatures, s: &Signals) -> Option<String> {
    let [xf, xl, yf, yl] = s.at.date?.map(|k| k as usize);
    let (wx, wy) = (window(x, xf, xl), window(y, yf, yl));
    // The same subject and verb ("Pelosi has led ..."), or the same verb by both dates
    // ("his term ends in 2018", "final term officially ends in 2019").
    let same_clause = match (x.main_clause, y.main_clause) {
        (Some(cx), Some(cy)) => subjects_meet(x, cx, y, cy) && predicates_meet(x, cx, y, cy),
        _ => false,
    };
    let same_verb = (wx.0..wx.1).any(|i| {
        alignable(x, i)
            && x.looks_like_verb(i)
            && !x.tokens[i].has(flag::ENTITY)
            && (wy.0..wy.1).any(|j| y.looks_like_verb(j) && strong_match(x, i, y, j))
    });
    if !same_clause && !same_verb {
        return None;
    }
    // A month without a year or a day is more often the period a figure is of ("created
    // fewer jobs than expected in January") than the date of an event.
    let bare_month = |f: &ClaimFeatures, k: usize| {
        f.dates
            .iter()
            .find(|d| d.first as usize == k)
            .is_some_and(|d| d.year.is_none() && d.day.is_none())
    };
    if bare_month(x, xf) || bare_month(y, yf) {
        return None;
    }
    // Two figures differing beside the dates: a monthly figure, two months.
    if !same_figures_where_given(x, y) {
        return None;
    }
    if foreign_name(x, wx, y) || foreign_name(y, wy, x) {
        return None;
    }
    // Other time words must agree ("in May 2003" against "in May 2004" is one date; "a
    // year ago" against nothing is another frame).
    if !same_time(x, y, &[xf], &[yf]) {
        return None;
    }
    Some(format!(
        "date: {} vs {}",
        quote(x, with_preposition(x, xf), xl),
        quote(y, with_preposition(y, yf), yl)
    ))
}

/// The date's preposition with it: "since 2002", "in 2010".
fn with_preposition(f: &ClaimFeatures, first: usize) -> usize {
    let before = first.checked_sub(1);
    match before {
        Some(k)
            if [
                "since", "in", "on", "until", "from", "by", "before", "after",
            ]
            .iter()
            .any(|p| f.tokens[k].word == hash_str(p)) =>
        {
            k
        }
        _ => first,
    }
}

/// A negation on what both claims say of the same subject: "the White House offered"
/// against "the White House never offered".
fn negation(x: &ClaimFeatures, y: &ClaimFeatures, s: &Signals) -> Option<String> {
    let (i, j) = s.at.negation?;
    let (cx, cy) = (x.main_clause?, y.main_clause?);
    if i != cx.predicate || j != cy.predicate {
        return None;
    }
    if !subjects_meet(x, cx, y, cy) || !same_time(x, y, &[], &[]) {
        return None;
    }
    // The negation bears on the verb itself ("has not commented", "never offered"), not
    // on a verb governing it ("does not conclude that the President committed").
    if !negation_on_verb(x, i as usize) && !negation_on_verb(y, j as usize) {
        return None;
    }
    // One claim is negative and the other not: "issued no instructions" is "has not
    // issued any instructions".
    if same_negative_parity(x, y) {
        return None;
    }
    Some(format!(
        "negation: '{}' vs '{}'",
        subject_and_verb(x, cx),
        subject_and_verb(y, cy)
    ))
}

/// For a negation or an opposing verb: the rest of the two claims is the same, so that
/// the verb is all they differ on. Every name of each is in the other ("History is on
/// Rovers' side" and "history is not on their side" may be two teams), and what follows
/// the verbs mostly matches ("yet to unveil their manifesto plans for childcare" and
/// "have unveiled plans to introduce health checks" are two plans).
fn same_rest(x: &ClaimFeatures, y: &ClaimFeatures, pair: &ClaimPair) -> bool {
    if pair.ab.missing_entities > 0 || pair.ba.missing_entities > 0 {
        return false;
    }
    let (Some(cx), Some(cy)) = (x.main_clause, y.main_clause) else {
        return false;
    };
    let object = |f: &ClaimFeatures, c: MainClause| -> Vec<usize> {
        let (_, end) = f.sentence_of(c.predicate as usize);
        (c.predicate as usize + 1..end)
            .filter(|&k| alignable(f, k) && !f.tokens[k].has(flag::LIGHT))
            .collect()
    };
    let (ox, oy) = (object(x, cx), object(y, cy));
    let held = |f: &ClaimFeatures, of: &[usize], g: &ClaimFeatures, og: &[usize]| {
        of.iter()
            .filter(|&&i| {
                og.iter()
                    .any(|&j| matches(f, i, g, j) || matches(g, j, f, i))
            })
            .count()
    };
    let (shorter, held_words) = if ox.len() <= oy.len() {
        (ox.len(), held(x, &ox, y, &oy))
    } else {
        (oy.len(), held(y, &oy, x, &ox))
    };
    shorter == 0 || 2 * held_words >= shorter
}

/// Whether a negation cue stands right before the verb at `k`, with only auxiliaries and
/// adverbs between.
fn negation_on_verb(f: &ClaimFeatures, k: usize) -> bool {
    let Some(cue) = f
        .cues_of(CueKind::Negation)
        .filter(|c| (c.last as usize) < k)
        .last()
    else {
        return false;
    };
    (cue.last as usize + 1..k).all(|m| {
        let t = &f.tokens[m];
        !t.has(flag::CONTENT)
            || t.is(class::AUXILIARY)
            || t.is(class::BE)
            || (f.token_text(m).ends_with("ly") && !t.has(flag::CAPITALISED))
    })
}

/// The clause's words from its subject to its verb, at most eight.
fn subject_and_verb(f: &ClaimFeatures, c: MainClause) -> String {
    let last = c.predicate as usize;
    let first = (c.subject.0 as usize).max(last.saturating_sub(7));
    quote(f, first, last)
}

/// Opposing words as the main verbs (or predicates) of both claims, of the same subject,
/// in the same time frame and with the same figures: "China has deepened trade ties"
/// against "China has reduced trade ties". ("The unemployment rate rose to 6.1% in
/// April" and "had fallen to 5.8% from 6.1% in April" are two months.)
fn antonym(x: &ClaimFeatures, y: &ClaimFeatures, s: &Signals, e: &Found) -> Option<String> {
    let (i, j) = s.at.antonym?;
    let (cx, cy) = (x.main_clause?, y.main_clause?);
    let on_predicate = |c: MainClause, k: u32| {
        k == c.predicate
            || (c.kind == super::features::ClauseKind::Copula
                && k > c.subject.1
                && k <= c.predicate)
    };
    if !on_predicate(cx, i) || !on_predicate(cy, j) {
        return None;
    }
    if !subjects_meet(x, cx, y, cy) || !same_time(x, y, &[], &[]) {
        return None;
    }
    if !same_figures_where_given(x, y) {
        return None;
    }
    Some(e.reason.clone())
}

/// Another doer of the same act on the same thing, both doers named, and neither claim
/// naming the other's: "Smith scored the winning goal" against "Jones scored the winning
/// goal". Descriptions ("the group", "the couple", "the company") may be the same doer.
fn actor(x: &ClaimFeatures, y: &ClaimFeatures, s: &Signals) -> Option<String> {
    let at = s.at.actor?;
    let x_doer = at.a_doer.0 as usize..=at.a_doer.1 as usize;
    let y_doer = at.b_doer.0 as usize..=at.b_doer.1 as usize;
    let names_only = |f: &ClaimFeatures, r: &std::ops::RangeInclusive<usize>| {
        r.clone()
            .filter(|&k| f.tokens[k].has(flag::CONTENT) && !f.tokens[k].has(flag::TITLE))
            .all(|k| is_name(f, k))
            && r.clone().any(|k| is_name(f, k))
    };
    if !names_only(x, &x_doer) || !names_only(y, &y_doer) {
        return None;
    }
    // Neither names the other's doer, and the two doers share no word ("Phil" may be
    // "Phil Vickery").
    let doer_in = |f: &ClaimFeatures, r: &std::ops::RangeInclusive<usize>, g: &ClaimFeatures| {
        r.clone().any(|k| is_name(f, k) && named_in(f, k, g))
    };
    if !s.at.actor_swapped && (doer_in(x, &x_doer, y) || doer_in(y, &y_doer, x)) {
        return None;
    }
    // The same thing acted on: not one's own ("their tax returns", "his own"), and
    // named, so that it is one thing ("invaded Ukraine", "bought MG Rover"; "pleaded
    // guilty to fraud" is said of many).
    let (xa, ya) = (at.a_act as usize, at.b_act as usize);
    if owned_object(x, xa) || owned_object(y, ya) {
        return None;
    }
    let (_, x_end) = x.clause_of(xa);
    let (_, y_end) = y.clause_of(ya);
    let named_object = (xa + 1..x_end).any(|i| {
        is_name(x, i) && !x_doer.contains(&i) && (ya + 1..y_end).any(|j| strong_match(x, i, y, j))
    });
    if !named_object && !s.at.actor_swapped {
        return None;
    }
    // Every other name of either claim is in the other: "topped the box office in
    // Australia" is not "topped the US box office".
    let other_names = |f: &ClaimFeatures,
                       doer: &std::ops::RangeInclusive<usize>,
                       g: &ClaimFeatures,
                       g_doer: &std::ops::RangeInclusive<usize>| {
        (0..f.tokens.len()).any(|k| {
            let in_g =
                (0..g.tokens.len()).any(|m| !g_doer.contains(&m) && strong_match(f, k, g, m));
            // With the roles swapped, a's doer is b's object and the other way round.
            let swapped_in = s.at.actor_swapped && g_doer.clone().any(|m| strong_match(f, k, g, m));
            !doer.contains(&k) && is_name(f, k) && !in_g && !swapped_in
        })
    };
    if other_names(x, &x_doer, y, &y_doer) || other_names(y, &y_doer, x, &x_doer) {
        return None;
    }
    Some(format!(
        "doer of '{}': {} vs {}",
        x.token_text(xa),
        x.span_text(*x_doer.start(), *x_doer.end()),
        y.span_text(*y_doer.start(), *y_doer.end())
    ))
}

/// Whether the thing the verb at `k` acts on belongs to its doer: a possessive between
/// the verb and its object ("released their tax returns", "broken his radius").
fn owned_object(f: &ClaimFeatures, k: usize) -> bool {
    let end = match object_after(f, k) {
        Object::Direct(o) => o,
        _ => (k + 4).min(f.tokens.len()),
    };
    (k + 1..end.min(f.tokens.len())).any(|m| {
        ["his", "her", "their", "its", "own", "my", "our", "your"]
            .iter()
            .any(|w| f.tokens[m].word == hash_str(w))
    })
}

/// A denial in `y` of what `x` states: the words after the cue hold `x`'s verb, and
/// `x`'s subject is named in `y` ("Trump denied that he asked Comey ..." against "Trump
/// had requested that Comey ..."). A denial of something else ("disputed a report",
/// "the accusations, which he denied") is not one.
fn denial(x: &ClaimFeatures, y: &ClaimFeatures, s: &Signals) -> Option<String> {
    let k = s.at.denial? as usize;
    denied(x, y, k)
}

fn denied(x: &ClaimFeatures, y: &ClaimFeatures, k: usize) -> Option<String> {
    let cx = x.main_clause?;
    let p = cx.predicate as usize;
    let (_, en) = y.sentence_of(k);
    let cue_end = y
        .cues
        .iter()
        .find(|c| c.first as usize == k)
        .map_or(k, |c| c.last as usize);
    // What is denied: after the cue, past what names it ("denied claims that", "denied
    // reports that").
    let mut from = cue_end + 1;
    while from < en
        && (y.tokens[from].is(class::REPORT_NOUN)
            || !y.tokens[from].has(flag::CONTENT)
            || y.token_text(from) == "that")
    {
        from += 1;
    }
    // The verb, a synonym, or another verb of request ("asked", "requested").
    let same_act = |j: usize| {
        matches(x, p, y, j) || (x.tokens[p].is(class::REQUEST) && y.tokens[j].is(class::REQUEST))
    };
    if !(from..en).any(same_act) {
        return None;
    }
    // And what the verb is done to, when the claim says: "dismissed the figures" is not
    // "preparing to oust Alan Milburn".
    let (_, x_end) = x.sentence_of(p);
    let object: Vec<usize> = (p + 1..x_end)
        .filter(|&i| alignable(x, i) && !x.tokens[i].has(flag::LIGHT))
        .collect();
    let object_denied = object.is_empty()
        || object
            .iter()
            .any(|&i| (from..en).any(|j| matches(x, i, y, j) || matches(y, j, x, i)));
    if !object_denied {
        return None;
    }
    let subject_named = (cx.subject.0 as usize..=cx.subject.1 as usize)
        .filter(|&i| alignable(x, i) && (is_name(x, i) || i == cx.subject.1 as usize))
        .any(|i| (0..en).any(|j| strong_match(x, i, y, j)));
    if !subject_named {
        return None;
    }
    Some(format!(
        "denial: '{}' vs '{}'",
        subject_and_verb(x, cx),
        quote(y, k, (cue_end + 6).min(en.saturating_sub(1)))
    ))
}

/// The subjects of the two main clauses are the same: a name, or the head noun, of the
/// one is the other's ("Pelosi", "the White House"). Only words of the subjects count:
/// "the federal government" and "federal funds" share an adjective, not a subject.
fn subjects_meet(x: &ClaimFeatures, cx: MainClause, y: &ClaimFeatures, cy: MainClause) -> bool {
    let key = |f: &ClaimFeatures, c: MainClause, k: usize| {
        alignable(f, k)
            && !f.tokens[k].has(flag::LIGHT)
            && (is_name(f, k) || k == c.subject.1 as usize)
    };
    (cx.subject.0 as usize..=cx.subject.1 as usize).any(|i| {
        key(x, cx, i)
            && (cy.subject.0 as usize..=cy.subject.1 as usize)
                .any(|j| key(y, cy, j) && strong_match(x, i, y, j))
    })
}

/// Each claim's main verb (or predicate) is in the other.
fn predicates_meet(x: &ClaimFeatures, cx: MainClause, y: &ClaimFeatures, cy: MainClause) -> bool {
    let (px, py) = (cx.predicate as usize, cy.predicate as usize);
    alignable(x, px)
        && alignable(y, py)
        && (0..y.tokens.len()).any(|j| matches(x, px, y, j))
        && (0..x.tokens.len()).any(|i| matches(y, py, x, i))
}

/// A time frame a claim gives: a date, or a time word or phrase ("Tuesday", "last
/// year", "the fourth quarter"), as the hash of its words.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Frame {
    Date(Date),
    Words(u64),
}

/// The time frames of `f`, leaving out the dates starting at `skip` (the dates compared).
fn frames(f: &ClaimFeatures, skip: &[usize]) -> Vec<Frame> {
    let mut out: Vec<Frame> = f
        .dates
        .iter()
        .filter(|d| !skip.contains(&(d.first as usize)))
        .map(|d| Frame::Date(*d))
        .collect();
    let word = |k: usize| {
        f.tokens
            .get(k)
            .filter(|t| t.has(flag::WORD))
            .map(|t| t.word)
    };
    let is = |k: usize, set: &[&str]| word(k).is_some_and(|w| set.iter().any(|s| w == hash_str(s)));
    for k in 0..f.tokens.len() {
        if f.tokens[k].has(flag::QUANTITY) {
            continue;
        }
        let Some(w) = word(k) else { continue };
        if is(k, WEEKDAYS) || is(k, DAY_WORDS) {
            out.push(Frame::Words(w));
        } else if is(k, PERIODS) {
            // "last year", "this week", "the fourth quarter", "first-half": the word before
            // says which (skipping a hyphen).
            let before = if k >= 2 && !f.tokens[k - 1].has(flag::WORD) && f.token_text(k - 1) == "-"
            {
                k - 2
            } else {
                k.wrapping_sub(1)
            };
            if k > 0 && is(before, WHICH_PERIOD) {
                out.push(Frame::Words(word(before).unwrap_or(0) ^ w.rotate_left(1)));
            } else if is(k + 1, &["ago", "earlier"]) {
                out.push(Frame::Words(hash_str("ago") ^ w.rotate_left(1)));
            }
        }
    }
    out
}

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const DAY_WORDS: &[&str] = &[
    "yesterday",
    "today",
    "tonight",
    "tomorrow",
    "noon",
    "midday",
    "overnight",
];
const PERIODS: &[&str] = &[
    "week",
    "weekend",
    "month",
    "year",
    "quarter",
    "half",
    "season",
    "decade",
    "morning",
    "afternoon",
    "evening",
    "night",
    "summer",
    "winter",
    "spring",
    "autumn",
];
const WHICH_PERIOD: &[&str] = &[
    "last", "this", "next", "past", "previous", "coming", "prior", "first", "second", "third",
    "fourth", "final", "current", "late", "early",
];

/// Whether the claims give the same time frames (or none), leaving out the dates at
/// `skip_x` and `skip_y`.
fn same_time(x: &ClaimFeatures, y: &ClaimFeatures, skip_x: &[usize], skip_y: &[usize]) -> bool {
    let (fx, fy) = (frames(x, skip_x), frames(y, skip_y));
    let meets = |a: &Frame, b: &Frame| match (a, b) {
        // The same date, as precisely given: "2003" is not "November".
        (Frame::Date(p), Frame::Date(q)) => {
            p.year == q.year && p.month == q.month && p.day == q.day
        }
        (Frame::Words(p), Frame::Words(q)) => p == q,
        _ => false,
    };
    fx.iter().all(|a| fy.iter().any(|b| meets(a, b)))
        && fy.iter().all(|b| fx.iter().any(|a| meets(a, b)))
}

/// Whether every figure of `x` is one of `y`'s, when `y` gives figures at all: "revised
/// up to 590,000" and "revised up to 478,000" are two facts. Precise figures must be
/// equal (within rounding), vague ones compatible.
fn same_figures(x: &ClaimFeatures, y: &ClaimFeatures) -> bool {
    if y.quantities.is_empty() {
        return true;
    }
    x.quantities
        .iter()
        .all(|qx| y.quantities.iter().any(|qy| same_value(qx, qy)))
}

/// `same_figures` both ways, when both give figures.
fn same_figures_where_given(x: &ClaimFeatures, y: &ClaimFeatures) -> bool {
    x.quantities.is_empty() || y.quantities.is_empty() || (same_figures(x, y) && same_figures(y, x))
}

fn same_value(p: &Quantity, q: &Quantity) -> bool {
    // "up to 590,000", "more than 29%": the figure given is the bound.
    let open = |r: &Quantity| r.lo <= 0.0 || r.hi.is_infinite();
    if open(p) || open(q) {
        let point = |r: &Quantity| if r.hi.is_infinite() { r.lo } else { r.hi };
        let (u, v) = (point(p), point(q));
        return (u - v).abs() <= 0.15 * u.abs().max(v.abs());
    }
    if p.approximate || q.approximate {
        return p.compatible(q);
    }
    let close = |u: f64, v: f64| (u - v).abs() <= 0.015 * u.abs().max(v.abs());
    close(p.lo, q.lo) && close(p.hi, q.hi)
}

/// Whether every date of `x` is in `y` (`s` relates `y` to `x`), when `y` gives dates.
fn same_dates(y: &ClaimFeatures, s: &Signals) -> bool {
    y.dates.is_empty() || s.dates_missing == 0
}

/// Whether the words both claims share are negated alike: "Witch hunt" and "it is not
/// a witch hunt" do not agree ("like never before" elsewhere in a claim negates nothing
/// the other says).
fn same_polarity(x: &ClaimFeatures, y: &ClaimFeatures) -> bool {
    (0..x.tokens.len()).filter(|&i| alignable(x, i)).all(|i| {
        let mut js = (0..y.tokens.len())
            .filter(|&j| strong_match(x, i, y, j))
            .peekable();
        js.peek().is_none()
            || js.any(|j| x.tokens[i].has(flag::NEGATED) == y.tokens[j].has(flag::NEGATED))
    })
}

/// Whether the words both claims share are hedged alike: "the attack was the result of a
/// protest" is not "the attack might have resulted from a protest".
fn same_modality(x: &ClaimFeatures, y: &ClaimFeatures) -> bool {
    // Whether a hedge ("may", "might", "reportedly") stands up to three tokens before
    // token `k`, in its clause.
    let hedged = |f: &ClaimFeatures, k: usize| {
        let (st, _) = f.clause_of(k);
        f.cues_of(CueKind::Hedge).any(|c| {
            let (first, last) = (c.first as usize, c.last as usize);
            first == last && last < k && last + 3 >= k && first >= st
        })
    };
    // Each shared word, where the other claim has it at all, has it hedged alike
    // somewhere ("help" may also align with "aid" elsewhere).
    (0..x.tokens.len()).filter(|&i| alignable(x, i)).all(|i| {
        let mut js = (0..y.tokens.len())
            .filter(|&j| strong_match(x, i, y, j))
            .peekable();
        js.peek().is_none() || js.any(|j| hedged(x, i) == hedged(y, j))
    })
}

/// Whether both claims hold an odd number of negations, or both an even one: "issued no
/// instructions" and "has not issued any instructions" are both negative.
fn same_negative_parity(x: &ClaimFeatures, y: &ClaimFeatures) -> bool {
    let parity = |f: &ClaimFeatures| f.cues_of(CueKind::Negation).count() % 2;
    parity(x) == parity(y)
}

/// Whether two claims are one template filled with two names: a name of each, not in
/// the other, stands among the same words ("Shares in Wimpey were up 6%", "Shares in
/// Barratt were up 2%").
fn swapped_names(x: &ClaimFeatures, y: &ClaimFeatures) -> bool {
    let own = |f: &ClaimFeatures, g: &ClaimFeatures| -> Vec<usize> {
        (0..f.tokens.len())
            .filter(|&k| is_name(f, k) && !named_in(f, k, g))
            .collect()
    };
    // The nearest content word before and after a name, other than names.
    let neighbours = |f: &ClaimFeatures, k: usize| {
        let word = |m: usize| {
            let t = &f.tokens[m];
            t.has(flag::WORD)
                && t.has(flag::CONTENT)
                && !t.has(flag::ENTITY)
                && !t.has(flag::QUANTITY)
        };
        let before = (k.saturating_sub(3)..k).rev().find(|&m| word(m));
        let after = (k + 1..(k + 4).min(f.tokens.len())).find(|&m| word(m));
        (before, after)
    };
    let (ox, oy) = (own(x, y), own(y, x));
    ox.iter().any(|&i| {
        let (bx, ax) = neighbours(x, i);
        oy.iter().any(|&j| {
            let (by, ay) = neighbours(y, j);
            let same = |p: Option<usize>, q: Option<usize>| {
                p.zip(q).is_some_and(|(p, q)| strong_match(x, p, y, q))
            };
            same(bx, by) || same(ax, ay)
        })
    })
}

/// When less than half of the longer claim is in the shorter, the shorter must be in the
/// longer whole: "a 'debt crisis is coming'" is not in "... to saving this country from a
/// debt crisis".
fn held_whole(pair: &ClaimPair) -> bool {
    let (lo, hi) = if pair.ab.coverage <= pair.ba.coverage {
        (pair.ab.coverage, pair.ba.coverage)
    } else {
        (pair.ba.coverage, pair.ab.coverage)
    };
    lo >= 0.5 || hi >= 0.95
}

/// Whether two claims can be about the same someone: a claim whose subject is a pronoun
/// ("he sexually harassed multiple women", "We're also banning ballot harvesting") or
/// missing ("spoke on the condition of anonymity", "who released data Thursday") names
/// nobody, so it agrees only with a claim sharing one of its names.
fn same_referent(x: &ClaimFeatures, y: &ClaimFeatures, pair: &ClaimPair) -> bool {
    if !unnamed_subject(x) && !unnamed_subject(y) {
        return true;
    }
    // The same words, or the same pronoun, are one quote from one mouth ("We really have
    // no choice ..." in two outlets).
    let near_copies = pair.ab.coverage.min(pair.ba.coverage) >= 0.7;
    let pronoun = |f: &ClaimFeatures| {
        let t = f.tokens.first()?;
        PERSONAL.iter().find(|p| t.word == hash_str(p)).copied()
    };
    let same_pronoun = pronoun(x).is_some() && pronoun(x) == pronoun(y);
    near_copies || same_pronoun || (0..x.tokens.len()).any(|i| is_name(x, i) && named_in(x, i, y))
}

/// The claim opens with a pronoun, a relative pronoun, or its verb.
fn unnamed_subject(f: &ClaimFeatures) -> bool {
    let Some(k) = (0..f.tokens.len()).find(|&k| f.tokens[k].has(flag::WORD)) else {
        return true;
    };
    let t = &f.tokens[k];
    [
        "i", "you", "he", "she", "it", "we", "they", "who", "which", "that", "whom", "whose",
        "there", "this",
    ]
    .iter()
    .any(|w| t.word == hash_str(w))
        || (t.has(flag::CONTENT)
            && !t.has(flag::ENTITY)
            && (f.token_text(k).ends_with("ed") || f.is_irregular_past(k)))
}

/// Claims dated by the days of their articles ("on Friday", "last week") agree only
/// between articles of about the same days: two Fridays are two votes.
fn same_days(x: &ClaimFeatures, y: &ClaimFeatures, articles: Articles) -> bool {
    let relative = |f: &ClaimFeatures| frames(f, &[]).iter().any(|r| matches!(r, Frame::Words(_)));
    !(relative(x) || relative(y))
        || articles
            .days_apart
            .is_none_or(|d| d <= FIGURES_MAX_DAYS_APART)
}

/// Whether claims opening with a personal pronoun speak of the same person: "he will
/// not play that game" is not "we're not playing games".
fn same_person(x: &ClaimFeatures, y: &ClaimFeatures) -> bool {
    const PERSONS: &[&str] = &["i", "we", "you", "he", "she", "they", "it"];
    let person = |f: &ClaimFeatures| {
        let t = f.tokens.first()?;
        PERSONS.iter().find(|p| t.word == hash_str(p)).copied()
    };
    match (person(x), person(y)) {
        (Some(p), Some(q)) => p == q,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::RelationKind;
    use crate::compare::store_compare::relate_articles;

    /// The store comparison's verdict on a pair of claims from articles published a day
    /// apart: the reasons of the evidence that holds.
    fn held(a: &str, b: &str) -> Vec<String> {
        held_apart(a, b, Some(1))
    }

    fn held_apart(a: &str, b: &str, days_apart: Option<u32>) -> Vec<String> {
        let r = relate_articles(
            &ClaimFeatures::new(a),
            &ClaimFeatures::new(b),
            Articles { days_apart },
        );
        if r.relation == RelationKind::Contradict {
            r.reasons
        } else {
            Vec::new()
        }
    }

    #[test]
    fn figures_of_one_named_thing_in_one_time_frame_contradict() {
        let r = held(
            "North Korea has sent about 500 soldiers to Russia",
            "North Korea’s decision to send thousands of troops to Russia to fight Ukraine will test those bonds like never before",
        );
        assert_eq!(r, ["number of soldiers: about 500 vs thousands"], "{r:?}");
    }

    #[test]
    fn figures_need_articles_of_the_same_days_or_dated_claims() {
        let (a, b) = (
            "North Korea has sent about 500 soldiers to Russia",
            "North Korea has sent thousands of troops to Russia",
        );
        assert_eq!(held_apart(a, b, Some(7)).len(), 1);
        assert!(held_apart(a, b, Some(30)).is_empty());
        assert!(held_apart(a, b, None).is_empty());
        // Claims dated alike hold whenever the articles were published.
        let (a, b) = (
            "The US trade deficit with China was $124bn in 2003",
            "The US trade deficit with China was $162bn in 2003",
        );
        assert_eq!(
            held_apart(a, b, None).len(),
            1,
            "{:?}",
            held_apart(a, b, None)
        );
    }

    #[test]
    fn figures_of_other_times_or_unnamed_things_do_not() {
        // Two quarters.
        assert!(
            held(
                "Sales in the first quarter rose 2% at Toyota",
                "Sales in the third quarter rose 9% at Toyota"
            )
            .is_empty()
        );
        // A day against no day.
        assert!(
            held(
                "Shares in Cairn Energy have jumped 6%",
                "Shares in Cairn Energy rose 3.8% to 1,088 pence on Tuesday",
            )
            .is_empty()
        );
        // Whose profit?
        assert!(
            held(
                "Net profit was up 6% at $16.6bn",
                "Net profit was up 42% to 719m euros"
            )
            .is_empty()
        );
        // Another name by one figure.
        assert!(
            held(
                "Yukos owner sues Russia for $28bn",
                "Yukos sues four firms for $20bn"
            )
            .is_empty()
        );
    }

    #[test]
    fn a_date_contradicts_when_all_else_is_the_same() {
        let r = held(
            "Pelosi has led House Democrats since 2002",
            "Pelosi has led House Democrats since 2003",
        );
        assert_eq!(r, ["date: since 2002 vs since 2003"], "{r:?}");
        assert!(
            held(
                "Republicans won control of the House in 2010",
                "Democrats won control of the House in 2018",
            )
            .is_empty()
        );
    }

    #[test]
    fn a_negation_on_both_main_verbs_contradicts() {
        let r = held(
            "the White House offered Sestak the job of Secretary of the Navy",
            "the White House never offered Sestak the job of Secretary of the Navy",
        );
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(
            r,
            ["negation: 'White House offered' vs 'White House never offered'"]
        );
    }

    #[test]
    fn a_description_is_no_other_doer() {
        assert!(
            held(
                "the group had just released more emails stolen from Podesta",
                "WikiLeaks released more than 6,000 emails related to Podesta",
            )
            .is_empty()
        );
        assert!(
            held(
                "The Clintons have previously released their tax returns",
                "Mr. Bush released his own tax returns",
            )
            .is_empty()
        );
    }

    #[test]
    fn fragments_are_not_statements() {
        for f in [
            "in a statement",
            "his resignation",
            "Absolutely not",
            "Joint Chiefs of Staff Chairman Mark Milley",
            "Moments later",
            "Akin's comments",
            "with tear gas",
            "the withdrawal of U.S. forces from Afghanistan",
        ] {
            assert!(!is_statement(&ClaimFeatures::new(f)), "{f}");
        }
        for s in [
            "Western countries seek to isolate Russia",
            "China may not know how to rein in North Korea",
            "Trump denied it",
        ] {
            assert!(is_statement(&ClaimFeatures::new(s)), "{s}");
        }
    }

    #[test]
    fn time_frames_compare_dates_and_time_words() {
        let f = |t: &str| ClaimFeatures::new(t);
        assert!(same_time(
            &f("sales rose in May"),
            &f("sales fell in May"),
            &[],
            &[]
        ));
        // Dates as precisely given: "May" may be of another year.
        assert!(!same_time(
            &f("sales rose in May"),
            &f("sales fell in May 2021"),
            &[],
            &[]
        ));
        assert!(!same_time(
            &f("sales rose in May"),
            &f("sales fell in August"),
            &[],
            &[]
        ));
        assert!(!same_time(
            &f("profit rose last year"),
            &f("profit rose in 2004"),
            &[],
            &[]
        ));
        assert!(!same_time(
            &f("sales in the first quarter"),
            &f("sales in the fourth quarter"),
            &[],
            &[]
        ));
        assert!(same_time(
            &f("shares fell on Tuesday"),
            &f("on Tuesday, shares fell"),
            &[],
            &[]
        ));
        assert!(same_time(&f("shares fell"), &f("shares rose"), &[], &[]));
    }

    #[test]
    fn mirror_swaps_the_sides() {
        assert_eq!(
            mirror("number of troops: 500 vs thousands"),
            "number of troops: thousands vs 500"
        );
        assert_eq!(
            mirror("support: each states what the other does"),
            "support: each states what the other does"
        );
    }

    /// The relation of two claims from articles published `days_apart` days apart.
    fn relation(a: &str, b: &str, days_apart: Option<u32>) -> RelationKind {
        relate_articles(
            &ClaimFeatures::new(a),
            &ClaimFeatures::new(b),
            Articles { days_apart },
        )
        .relation
    }

    #[test]
    fn quotes_of_one_mouth_agree() {
        for (a, b) in [
            (
                "We really have no choice but to build a powerful wall or a steel barrier",
                "We really have no choice but to build a powerful wall or steel barrier",
            ),
            (
                "I feel very badly for Gen. Flynn",
                "I feel badly for General Flynn",
            ),
            (
                "Pelosi has led House Democrats since 2002",
                "Pelosi has led House Democrats since 2002, and that's what",
            ),
        ] {
            assert_eq!(relation(a, b, Some(0)), RelationKind::Agree, "{a} | {b}");
        }
    }

    #[test]
    fn agreement_needs_the_same_figures_polarity_and_someone_named() {
        for (a, b) in [
            // Two figures.
            (
                "The prior week's figure was revised up to 590,000",
                "The prior week was revised up to 478,000",
            ),
            // One says it is not.
            (
                "It is a witch hunt against the president",
                "it is not a witch hunt against the president",
            ),
            // Whoever "he" is.
            (
                "he sexually harassed multiple women",
                "Gov. Andrew Cuomo sexually harassed multiple women in and out of state government",
            ),
            // A condition asserts nothing.
            (
                "If they don't pass this bill it will increase the risk of a double dip",
                "To pass this bill would increase the risk of a double dip",
            ),
            // Fragments.
            (
                "in a written statement",
                "in a written statement on Tuesday",
            ),
        ] {
            assert_ne!(relation(a, b, Some(0)), RelationKind::Agree, "{a} | {b}");
        }
    }

    #[test]
    fn claims_dated_by_their_articles_agree_only_between_articles_of_the_same_days() {
        let (a, b) = (
            "The Advisory Committee on Immunization Practices held the vote on Friday",
            "The Advisory Committee on Immunization Practices held the vote on Friday after a long debate",
        );
        assert_eq!(relation(a, b, Some(1)), RelationKind::Agree);
        assert_ne!(relation(a, b, Some(30)), RelationKind::Agree);
    }
}
