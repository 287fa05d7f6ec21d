//! Comparing the articles of the store: every claim of each compared article against the
//! claims of the others, through the candidate index ([`super::index`]), never every
//! pair; and a new article against the whole store (`--against`).
//!
//! Work is done on *statements*, distinct claim ids: a claim said in several articles is
//! featurised and indexed once, and its occurrences in different articles agree at no
//! cost ("same claim"). Statements are numbered in the order the compared articles are
//! listed, so the earlier article's claim is always `a` in a relation and its reasons
//! read earlier-first ("number: thousands vs about 500").

use super::fact;
use super::features::flag;
use super::index::{IndexParams, KeyIndex, KeyIndexBuilder, NO_GROUP, Scratch};
use super::parallel;
use super::relate::decide;
use super::relate::{ClaimPair, contradiction_score, pair_claims};
use super::report::{Comparison, Occ, Statement, StatementLink, group_statements};
use super::story::{SAME_STORY, SAME_STORY_FOR_CONTRADICTION, Stories};
use super::{ClaimFeatures, Relation, RelationKind, Signals};
use crate::hash::Id;
use crate::store::{Index, VersionEntry};
use std::collections::HashMap;

/// What the comparison of store articles is tuned by.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CompareOptions {
    pub index: IndexParams,
    /// Relations between claims of two articles count only when the articles tell the
    /// same story: their similarity ([`Stories`]) is at least this.
    pub same_story: f32,
    /// And contradictions only when it is at least this.
    pub same_story_for_contradiction: f32,
}

impl Default for CompareOptions {
    fn default() -> CompareOptions {
        CompareOptions {
            index: IndexParams::default(),
            same_story: SAME_STORY,
            same_story_for_contradiction: SAME_STORY_FOR_CONTRADICTION,
        }
    }
}

/// A claim held whole by a longer one: its share of content words found there, and the
/// fewest content words (weighted) it needs so that a fragment ("that position") does
/// not agree with everything holding its one word.
const CONTAINED_COVERAGE: f64 = 0.9;
const CONTAINED_MIN_WEIGHT: f64 = 3.0;
/// And the fewest words other than names: "on Fox and Friends" names a programme, it
/// states nothing.
const CONTAINED_MIN_PREDICATE: usize = 2;
/// How spread out its words may lie in the longer claim: the stretch holding them, in
/// words, over how many they are.
const CONTAINED_MAX_SPREAD: f64 = 2.0;
/// Share of the shorter claim's distinct content words the longer must have before the
/// alignment is computed.
const MAY_CONTAIN_SHARE: f64 = 0.6;

/// Relates two claims of two different articles. Neither is the reference: the engine's
/// rule for two claims of equal standing ([`pair_claims`]: evidence against from either
/// side when both are about the same thing; agreement when each states what the other
/// states), held to the store's stricter standard ([`fact`]: evidence counts only when
/// the two claims state the same fact; agreement only between statements with the same
/// figures and polarity), and agreement when one is held whole by the other
/// (`contained`: "China could help end the fighting by withdrawing aid to Russia" inside
/// the same words followed by what the aid includes). Reasons are written for an editor,
/// with `a`'s words first.
pub fn relate_across(a: &ClaimFeatures, b: &ClaimFeatures) -> Relation {
    relate_articles(a, b, fact::Articles::default())
}

/// [`relate_across`], knowing what is known of the two claims' articles (how far apart
/// they were published).
pub fn relate_articles(a: &ClaimFeatures, b: &ClaimFeatures, articles: fact::Articles) -> Relation {
    let pair = pair_claims(a, b);
    let mut reasons: Vec<String> = Vec::new();
    let mut kinds = Vec::new();
    let mut best = None;
    for e in &pair.evidence {
        // One reason of each kind: the same evidence is often found from both sides.
        if kinds.contains(&e.kind) {
            continue;
        }
        if let Some(reason) = fact::contradiction(a, b, &pair, e, articles) {
            let s = if e.from_b { &pair.ba } else { &pair.ab };
            best = Some(best.map_or(s.coverage, |c: f64| c.max(s.coverage)));
            kinds.push(e.kind);
            reasons.push(reason);
        }
    }
    if let Some(coverage) = best {
        let s = Signals {
            coverage,
            ..Signals::default()
        };
        return Relation {
            relation: RelationKind::Contradict,
            score: contradiction_score(&s, reasons.len()),
            reasons,
        };
    }
    let support = || {
        let (lo, hi) = if pair.ab.coverage <= pair.ba.coverage {
            (pair.ab.coverage, pair.ba.coverage)
        } else {
            (pair.ba.coverage, pair.ab.coverage)
        };
        if lo >= 0.5 {
            format!(
                "support: each states what the other does ({:.0}% and {:.0}% of their content in common)",
                100.0 * lo,
                100.0 * hi
            )
        } else {
            // The shorter claim is in a clause of the longer one.
            format!(
                "support: a clause of the longer claim states the shorter ({:.0}% of its content)",
                100.0 * hi
            )
        }
    };
    if pair.agree && fact::agreement(a, b, &pair, articles) {
        return Relation {
            relation: RelationKind::Agree,
            score: pair.p,
            reasons: vec![support()],
        };
    }
    let neutral = Relation {
        relation: RelationKind::Neutral,
        score: 1.0 - pair.p,
        reasons: vec![support()],
    };
    if pair.agree || may_contain(a, b) {
        return contained(a, b, &pair, articles).unwrap_or(neutral);
    }
    neutral
}

/// A cheap test before [`contained`]: most content words of the shorter claim are in the
/// longer one (the alignment counts synonyms and name prefixes too, so this is looser).
fn may_contain(a: &ClaimFeatures, b: &ClaimFeatures) -> bool {
    let (ca, cb) = (a.content_concepts(), b.content_concepts());
    let smaller = ca.len().min(cb.len());
    if smaller == 0 {
        return false;
    }
    let shared = ca.iter().filter(|k| cb.binary_search(k).is_ok()).count();
    shared as f64 >= MAY_CONTAIN_SHARE * smaller as f64
}

/// Agreement when one claim is held whole by the other: nearly all its content words,
/// names aside too, are in the other, close together, with every name, number and date;
/// it has enough words to be a statement (not "that position"); and the engine finds
/// that the other states it (plainly, not hedged).
fn contained(
    a: &ClaimFeatures,
    b: &ClaimFeatures,
    pair: &ClaimPair,
    articles: fact::Articles,
) -> Option<Relation> {
    let holds = |s: &Signals, short: &ClaimFeatures, long: &ClaimFeatures| {
        predicate_words(short) >= CONTAINED_MIN_PREDICATE
            && s.coverage >= CONTAINED_COVERAGE
            && s.predicate_coverage >= CONTAINED_COVERAGE
            && s.a_weight >= CONTAINED_MIN_WEIGHT
            && s.spread <= CONTAINED_MAX_SPREAD
            && s.missing_entities == 0
            && s.numbers_missing == 0
            && s.dates_missing == 0
            && fact::contained_agreement(short, long, pair, articles)
    };
    let (ab, ba) = (&pair.ab, &pair.ba);
    // Evidence against, even below the bar of a contradiction, forbids agreement.
    if doubtful(ab) || doubtful(ba) {
        return None;
    }
    for (s, short, long) in [(ab, a, b), (ba, b, a)] {
        if holds(s, short, long) {
            let r = decide(s);
            if r.relation == RelationKind::Agree {
                return Some(Relation {
                    relation: RelationKind::Agree,
                    score: r.score,
                    reasons: vec![format!(
                        "support: the longer claim states all of the shorter ({:.0}% of its content)",
                        100.0 * s.coverage
                    )],
                });
            }
        }
    }
    None
}

/// Content words of a claim other than names, numbers and words too common to carry it.
fn predicate_words(f: &ClaimFeatures) -> usize {
    f.tokens
        .iter()
        .filter(|t| {
            t.has(flag::WORD)
                && t.has(flag::CONTENT)
                && !t.has(flag::ENTITY)
                && !t.has(flag::QUANTITY)
                && !t.has(flag::LIGHT)
        })
        .count()
}

/// Whether the engine saw any evidence against (negation, denial, withdrawal, antonym,
/// number, date, actor), whatever it decided.
fn doubtful(s: &Signals) -> bool {
    [
        &s.negation,
        &s.denial,
        &s.withdrawal,
        &s.antonym,
        &s.number,
        &s.date,
        &s.actor,
    ]
    .iter()
    .any(|x| x.is_some())
}

/// Compares the claims of `versions` (each an article's version; the order given is the
/// order of the table's columns, the earliest or reference article first).
pub fn compare(index: &Index, versions: &[&VersionEntry], options: &CompareOptions) -> Comparison {
    let (mut statements, _by_id) = statements_of(index, versions);
    let features = featurize(index, &statements);
    let mut keys: Vec<Vec<u64>> = parallel::map(&features, ClaimFeatures::index_keys);
    let stories = stories_of(&statements, &keys, versions.len());
    // Fragments are in the articles' stories, but matched with nothing.
    for ((s, f), k) in statements.iter_mut().zip(&features).zip(keys.iter_mut()) {
        s.fragment = !fact::is_statement(f);
        if s.fragment {
            k.clear();
        }
    }
    let key_index = build_index(&statements, &keys, options.index);
    drop(keys);
    let pairs = key_index.candidate_pairs();
    let candidate_pairs = pairs.len();
    let days: Vec<Option<i64>> = versions.iter().map(|v| published_day(index, v)).collect();
    let related: Vec<Option<Relation>> = parallel::map(&pairs, |&(a, b)| {
        let (sa, sb) = (&statements[a as usize], &statements[b as usize]);
        let articles = fact::Articles {
            days_apart: days_apart(&days, sa, sb),
        };
        let r = relate_articles(&features[a as usize], &features[b as usize], articles);
        (r.relation != RelationKind::Neutral).then_some(r)
    });
    let mut other_stories = 0;
    let links: Vec<StatementLink> = pairs
        .into_iter()
        .zip(related)
        .filter_map(|((a, b), r)| {
            let r = r?;
            let (sa, sb) = (&statements[a as usize], &statements[b as usize]);
            let bar = if r.relation == RelationKind::Contradict {
                options.same_story_for_contradiction
            } else {
                options.same_story
            };
            if story_similarity(&stories, sa, sb) < bar {
                other_stories += 1;
                return None;
            }
            Some(StatementLink {
                a,
                b,
                relation: r.relation,
                score: r.score,
                reasons: r.reasons,
            })
        })
        .collect();
    drop(features);
    let groups = group_statements(statements.len(), &links);
    let mut comparison = Comparison::new(
        index,
        versions.iter().map(|v| v.id).collect(),
        statements,
        links,
        groups,
        candidate_pairs,
    );
    comparison.stats.other_stories = other_stories;
    comparison
}

/// The day an article was published (days since the common era), when its metadata
/// gives a date.
fn published_day(index: &Index, v: &VersionEntry) -> Option<i64> {
    day_of(index.opt_str(v.published)?)
}

/// A day number (days since the common era) of a date written `YYYY-MM-DD`, or RFC 3339
/// starting so.
pub fn day_of(text: &str) -> Option<i64> {
    let date = chrono::NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()?;
    Some(i64::from(chrono::Datelike::num_days_from_ce(&date)))
}

/// Days between the publication of the closest two different articles saying `a` and
/// `b`, when known.
fn days_apart(days: &[Option<i64>], a: &Statement, b: &Statement) -> Option<u32> {
    let mut best: Option<u32> = None;
    for x in &a.occurrences {
        for y in &b.occurrences {
            if x.article == y.article {
                continue;
            }
            if let (Some(p), Some(q)) = (days[x.article as usize], days[y.article as usize]) {
                let d = u32::try_from((p - q).unsigned_abs()).unwrap_or(u32::MAX);
                best = Some(best.map_or(d, |b| b.min(d)));
            }
        }
    }
    best
}

/// The features of each statement's text (its first occurrence's).
fn featurize(index: &Index, statements: &[Statement]) -> Vec<ClaimFeatures> {
    parallel::map(statements, |s| {
        ClaimFeatures::new(index.str(index.rows[s.occurrences[0].row as usize].text))
    })
}

/// Each compared article's keys: those of every claim it says.
fn stories_of(statements: &[Statement], keys: &[Vec<u64>], articles: usize) -> Stories {
    let mut article_keys: Vec<Vec<u64>> = vec![Vec::new(); articles];
    for (s, k) in statements.iter().zip(keys) {
        for o in &s.occurrences {
            article_keys[o.article as usize].extend_from_slice(k);
        }
    }
    Stories::new(article_keys)
}

/// How closely the stories of two statements' articles match: the best pair of two
/// different articles saying them.
fn story_similarity(stories: &Stories, a: &Statement, b: &Statement) -> f32 {
    let mut best: f32 = 0.0;
    for x in &a.occurrences {
        for y in &b.occurrences {
            if x.article != y.article {
                best = best.max(stories.similarity(x.article as usize, y.article as usize));
            }
        }
    }
    best
}

/// The distinct claims of the compared versions, in order of first appearance, with
/// their occurrences; and the statement number of each claim id.
fn statements_of(index: &Index, versions: &[&VersionEntry]) -> (Vec<Statement>, HashMap<Id, u32>) {
    let mut statements: Vec<Statement> = Vec::new();
    let mut by_id: HashMap<Id, u32> = HashMap::new();
    for (article, v) in versions.iter().enumerate() {
        for (k, row) in index.rows_of(v).iter().enumerate() {
            let occ = Occ {
                article: article as u32,
                row: v.first_row + k as u32,
            };
            let n = *by_id.entry(row.claim).or_insert_with(|| {
                statements.push(Statement {
                    id: row.claim,
                    occurrences: Vec::new(),
                    fragment: false,
                });
                (statements.len() - 1) as u32
            });
            statements[n as usize].occurrences.push(occ);
        }
    }
    (statements, by_id)
}

/// The candidate index over statements: a statement said in one article only is in that
/// article's group (never a candidate of its own article's claims).
fn build_index(statements: &[Statement], keys: &[Vec<u64>], params: IndexParams) -> KeyIndex {
    let mut builder = KeyIndexBuilder::new();
    for (s, k) in statements.iter().zip(keys) {
        let first = s.occurrences[0].article;
        let group = if s.occurrences.iter().all(|o| o.article == first) {
            first
        } else {
            NO_GROUP
        };
        builder.add(k, group);
    }
    builder.build(params)
}

/// One claim of a new article, as `--against` compares it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewClaim<'a> {
    pub id: Id,
    pub text: &'a str,
}

/// What the store says about one claim of a new article.
#[derive(Debug, Clone, PartialEq)]
pub struct AgainstResult {
    /// Occurrences of the same claim (same id) in the store.
    pub known: Vec<Occ>,
    /// Claims of the store that agree or contradict it (never the same id), strongest
    /// first, contradictions first; `a` of each relation is the new claim.
    pub related: Vec<(Occ, Relation)>,
}

/// Compares the claims of a new article (not stored) with the claims of `versions`.
/// `Occ::article` in the results is a position in `versions`. `published` is the new
/// article's day ([`day_of`]): figures are compared only with articles of about the same
/// days (see [`fact::FIGURES_MAX_DAYS_APART`]).
pub fn compare_against(
    index: &Index,
    versions: &[&VersionEntry],
    claims: &[NewClaim],
    published: Option<i64>,
    options: &CompareOptions,
) -> Vec<AgainstResult> {
    let days: Vec<Option<i64>> = versions.iter().map(|v| published_day(index, v)).collect();
    let (statements, by_id) = statements_of(index, versions);
    let text_of = |s: &Statement| index.str(index.rows[s.occurrences[0].row as usize].text);
    // Keys of every stored statement; features are kept only for the new claims and
    // computed again for the few stored candidates.
    let keys: Vec<Vec<u64>> =
        parallel::map(&statements, |s| ClaimFeatures::new(text_of(s)).index_keys());
    let stories = stories_of(&statements, &keys, versions.len());
    // Every stored statement may match: no groups.
    let mut builder = KeyIndexBuilder::new();
    for k in &keys {
        builder.add(k, NO_GROUP);
    }
    drop(keys);
    let key_index = builder.build(options.index);
    let new_features: Vec<ClaimFeatures> =
        claims.iter().map(|c| ClaimFeatures::new(c.text)).collect();
    let story = stories.vector_of(new_features.iter().flat_map(|f| f.index_keys()).collect());
    let mut scratch = Scratch::default();
    claims
        .iter()
        .zip(&new_features)
        .map(|(claim, f)| {
            let known = by_id
                .get(&claim.id)
                .map(|&s| statements[s as usize].occurrences.clone())
                .unwrap_or_default();
            let query = key_index.keys_query(&f.index_keys());
            let mut related: Vec<(Occ, Relation)> = key_index
                .candidates(&query, &mut scratch)
                .into_iter()
                .filter(|c| statements[c.item as usize].id != claim.id)
                .filter_map(|c| {
                    let st = &statements[c.item as usize];
                    // The occurrence in the article whose story is closest, if close enough.
                    let (occ, similarity) = st
                        .occurrences
                        .iter()
                        .map(|o| (*o, stories.similarity_to(o.article as usize, &story)))
                        .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)))?;
                    if similarity < options.same_story {
                        return None;
                    }
                    let days_apart = published
                        .zip(days[occ.article as usize])
                        .map(|(p, q)| u32::try_from((p - q).unsigned_abs()).unwrap_or(u32::MAX));
                    let r = relate_articles(
                        f,
                        &ClaimFeatures::new(text_of(st)),
                        fact::Articles { days_apart },
                    );
                    if r.relation == RelationKind::Contradict
                        && similarity < options.same_story_for_contradiction
                    {
                        return None;
                    }
                    (r.relation != RelationKind::Neutral).then_some((occ, r))
                })
                .collect();
            related.sort_by(|x, y| {
                let rank = |r: &Relation| (r.relation != RelationKind::Contradict) as u8;
                rank(&x.1)
                    .cmp(&rank(&y.1))
                    .then(y.1.score.total_cmp(&x.1.score))
                    .then((x.0.article, x.0.row).cmp(&(y.0.article, y.0.row)))
            });
            AgainstResult { known, related }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn across(a: &str, b: &str) -> Relation {
        relate_across(&ClaimFeatures::new(a), &ClaimFeatures::new(b))
    }

    /// Two claims of articles published a day apart.
    fn a_day_apart(a: &str, b: &str) -> Relation {
        relate_articles(
            &ClaimFeatures::new(a),
            &ClaimFeatures::new(b),
            fact::Articles {
                days_apart: Some(1),
            },
        )
    }

    #[test]
    fn evidence_from_either_side_counts_and_reads_a_first() {
        let (a, b) = (
            "North Korea has sent about 500 soldiers to Russia",
            "North Korea’s decision to send thousands of troops to Russia to fight Ukraine will test those bonds like never before",
        );
        let r = a_day_apart(a, b);
        assert_eq!(r.relation, RelationKind::Contradict, "{r:?}");
        assert_eq!(r.reasons, ["number of soldiers: about 500 vs thousands"]);
        let r = a_day_apart(b, a);
        assert_eq!(r.reasons, ["number of soldiers: thousands vs about 500"]);
        // Figures of articles whose dates are unknown may be of two different days.
        assert_eq!(across(a, b).relation, RelationKind::Neutral);
    }

    #[test]
    fn figures_of_two_named_things_do_not_contradict() {
        let r = a_day_apart(
            "Shares in Wimpey were up 6% in morning trade",
            "Shares in Barratt were up 2% in morning trade",
        );
        assert_eq!(r.relation, RelationKind::Neutral, "{r:?}");
        // One thing, two figures: still a contradiction.
        let r = a_day_apart(
            "Shares in Wimpey were up 6% in morning trade",
            "Shares in Wimpey were up 2% in morning trade",
        );
        assert_eq!(r.relation, RelationKind::Contradict, "{r:?}");
        assert_eq!(r.reasons, ["figure for Wimpey: 6% vs 2%"]);
    }

    #[test]
    fn a_claim_held_whole_by_a_longer_one_agrees() {
        let r = across(
            "The senator voted against the bill",
            "The senator voted against the bill on Tuesday after a long debate about farm subsidies and the cost of the programme",
        );
        assert_eq!(r.relation, RelationKind::Agree, "{r:?}");
        assert!(
            r.reasons[0].contains("the longer claim states all of the shorter"),
            "{r:?}"
        );
        let r = across(
            "countries not to add fuel to the fire at a summit of emerging market countries in Russia on Wednesday",
            "countries not to add fuel to the fire",
        );
        assert_eq!(r.relation, RelationKind::Agree, "{r:?}");
    }

    #[test]
    fn fragments_and_scattered_words_are_not_held_whole() {
        // Too few words to be a statement.
        let r = across(
            "on Fox and Friends",
            "Shortly after a Fox and Friends segment reporting that Democrats no longer want to hear testimony",
        );
        assert_ne!(r.relation, RelationKind::Agree, "{r:?}");
        // The same words, scattered over another statement, without its number.
        let r = across(
            "North Korea has sent about 500 soldiers to Russia",
            "another concern for Chinese leaders is the exchange of military technology from Russia to North Korea in return for sending troops",
        );
        assert_ne!(r.relation, RelationKind::Agree, "{r:?}");
    }

    use crate::compare::report::tests::index_of;

    /// Our own articles: two on one story, one on another sharing a few words.
    fn store() -> Index {
        index_of(&[
            (
                "seed",
                &[
                    (
                        "North Korea has decided to send thousands of troops to Russia to fight Ukraine",
                        None,
                    ),
                    ("Western countries seek to isolate Russia", None),
                    (
                        "China has deepened trade and diplomatic ties with Moscow since Russia invaded Ukraine in 2022",
                        None,
                    ),
                    (
                        "Pyongyang and Beijing celebrated their alliance in state media",
                        None,
                    ),
                ],
            ),
            (
                "follow-up",
                &[
                    ("North Korea has sent about 500 soldiers to Russia", None),
                    ("Western countries seek to isolate Russia", None),
                    (
                        "China has reduced trade and diplomatic ties with Moscow since Russia invaded Ukraine in 2022",
                        None,
                    ),
                    (
                        "Pyongyang wants military technology from Moscow in return for troops",
                        None,
                    ),
                ],
            ),
            (
                "football",
                &[
                    (
                        "The club has reduced ticket prices since the stadium opened in 2022",
                        None,
                    ),
                    ("Supporters seek to isolate the owners", None),
                    ("The striker scored twice in the cup final", None),
                ],
            ),
        ])
    }

    #[test]
    fn compare_finds_the_story_s_relations_and_nothing_across_stories() {
        let ix = store();
        let versions: Vec<&VersionEntry> = ix.versions.iter().collect();
        let c = compare(&ix, &versions, &CompareOptions::default());
        let text = |st: u32| {
            let s = &c.statements[st as usize];
            ix.str(ix.rows[s.occurrences[0].row as usize].text)
        };
        let contradictions: Vec<(&str, &str)> = c
            .links
            .iter()
            .filter(|l| l.relation == RelationKind::Contradict)
            .map(|l| (text(l.a), text(l.b)))
            .collect();
        assert!(
            contradictions
                .iter()
                .any(|(a, b)| a.contains("deepened") && b.contains("reduced")),
            "{contradictions:?}"
        );
        assert!(
            contradictions
                .iter()
                .any(|(a, b)| a.contains("thousands") && b.contains("about 500")),
            "{contradictions:?}"
        );
        // Nothing relates the football article to the others.
        for l in &c.links {
            for st in [l.a, l.b] {
                assert!(
                    c.statements[st as usize]
                        .occurrences
                        .iter()
                        .all(|o| o.article != 2),
                    "{:?}",
                    (text(l.a), text(l.b))
                );
            }
        }
        // The same claim in two articles is one statement.
        assert_eq!(c.statements.len(), 10);
        assert_eq!(c.stats.occurrences, 11);
        assert!(c.rows.iter().any(|r| r.reasons == ["same claim"]));
    }

    #[test]
    fn against_says_what_is_known_confirmed_or_contradicted() {
        let ix = store();
        let versions: Vec<&VersionEntry> = ix.versions.iter().collect();
        let texts = [
            "Western countries seek to isolate Russia",
            "China has reduced trade and diplomatic ties with Moscow since Russia invaded Ukraine in 2022",
            "A comet will pass close to the Earth next spring",
        ];
        let claims: Vec<NewClaim> = texts
            .iter()
            .map(|t| NewClaim {
                id: crate::claims::claim_id(&crate::claims::canonical_form(t)),
                text: t,
            })
            .collect();
        let out = compare_against(&ix, &versions, &claims, None, &CompareOptions::default());
        assert_eq!(out[0].known.len(), 2, "said in seed and follow-up");
        let second = &out[1];
        assert_eq!(second.known.len(), 1, "the follow-up says it");
        assert!(
            second
                .related
                .iter()
                .any(|(o, r)| o.article == 0 && r.relation == RelationKind::Contradict),
            "{:?}",
            second.related
        );
        assert!(out[2].known.is_empty() && out[2].related.is_empty());
    }
}
