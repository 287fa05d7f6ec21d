//! Comparing claims across articles: candidate matching through an index, then relating
//! each candidate pair as agree, contradict or neutral, with reasons.
//!
//! - [`ClaimFeatures`] is computed once per claim text: tokens with stems and synonym
//!   concepts, names, quantities as ranges, dates, negation scopes, and cues of denial,
//!   hedging and withdrawal.
//! - [`relate`] compares two feature sets in microseconds and says why: does `b` (a
//!   passage, a headline) state what the claim `a` states? This is what `claims compare
//!   --pairs` and the scorers measure (`src/eval/pairs.rs` has the figures: RTE-3 dev
//!   macro F1 0.655, contradiction P 0.862; Emergent dev 0.804, 1.000; word-overlap
//!   rules 0.54 / 0.25 and 0.46 / 0.62).
//! - [`relate_claims`] relates two claims of two articles, symmetrically and more
//!   strictly: both must align for agreement, and evidence against must sit on what
//!   both say of the same subject. Use it between stored claims: on sentence pairs of
//!   the same events from different outlets (BASIL, AllSides; unlabelled, read by hand)
//!   `relate` flags 61 and 53 contradictions, `relate_claims` 2 in 883 pairs and 3 in
//!   564, and agrees on near-copies (quotes both outlets carry).
//! - [`ClaimFeatures::index_keys`] and [`similarity`] are for finding candidate pairs in
//!   a store without comparing every pair.
//! - [`pairs`] reads `{"id","a","b"}` JSON Lines for `claims compare --pairs`.
//! - Comparing the articles of a store (`claims compare [ARTICLE...]`, `--against`):
//!   [`store_compare`] relates the claims of different articles found by the candidate
//!   index ([`index`]) between articles telling the same story ([`story`]), groups
//!   agreeing claims ([`cluster`]) and builds the table, summaries and unsourced list
//!   ([`report`]).

pub mod features;
pub mod lexicon;
pub mod pairs;
pub mod quantity;
pub mod relate;
pub mod stem;

// Comparing articles of the store: candidate index, grouping, the result.
pub mod cluster;
pub mod index;
mod parallel;
pub mod report;
pub mod store_compare;
pub mod story;

pub use features::ClaimFeatures;
pub use relate::{
    AGREEMENT_INPUTS, AGREEMENT_MODEL, AgreementModel, Relation, RelationKind, Signals,
    agreement_inputs, decide, decide_with, relate, relate_claims, ruled_relation, signals,
};

/// A cheap similarity of two claims for ranking candidates: the Dice coefficient of their
/// distinct content concepts (0 to 1). Both inputs are sorted and deduplicated, as
/// [`ClaimFeatures::content_concepts`] returns them.
pub fn similarity(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn similarity_ranks_related_claims_first() {
        let a = ClaimFeatures::new("China has deepened its economic ties with Russia.");
        let near = ClaimFeatures::new("China and Russia deepen economic ties");
        let far = ClaimFeatures::new("The football team won the cup final.");
        let (ka, kn, kf) = (
            a.content_concepts(),
            near.content_concepts(),
            far.content_concepts(),
        );
        assert!(similarity(&ka, &kn) > similarity(&ka, &kf));
        assert_eq!(similarity(&ka, &ka), 1.0);
        assert_eq!(similarity(&ka, &[]), 0.0);
    }

    #[test]
    fn index_keys_of_related_claims_meet() {
        let a = ClaimFeatures::new("ISIS leader wounded in airstrike");
        let b = ClaimFeatures::new("Isis leader injured in an airstrike, officials say");
        let kb = b.index_keys();
        assert!(a.index_keys().iter().any(|k| kb.binary_search(k).is_ok()));
    }

    proptest! {
        #[test]
        fn relate_never_panics_and_scores_stay_in_range(a in "\\PC{0,80}", b in "\\PC{0,120}") {
            let r = relate(&ClaimFeatures::new(&a), &ClaimFeatures::new(&b));
            prop_assert!((0.0..=1.0).contains(&r.score));
            prop_assert!(!r.reasons.is_empty());
        }

        #[test]
        fn words_and_numbers_never_panic(a in "[A-Za-z0-9 ,.'$%?-]{0,60}", b in "[A-Za-z0-9 ,.'$%?-]{0,60}") {
            let r = relate(&ClaimFeatures::new(&a), &ClaimFeatures::new(&b));
            prop_assert!((0.0..=1.0).contains(&r.score));
        }
    }
}
