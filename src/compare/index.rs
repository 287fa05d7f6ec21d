//! Candidate matching: which claims of other articles are worth relating to a claim,
//! found without comparing every pair.
//!
//! An inverted index maps each key (a stemmed content word or its synonym concept, a
//! name, a year: [`super::ClaimFeatures::index_keys`]) to the claims holding it. A claim's
//! candidates are the claims sharing its keys, scored by the inverse document frequency
//! of what they share (a shared rare name says more than a shared common word), so only
//! the best few per claim go on to `relate`.
//!
//! The cost stays near linear in the store:
//! - keys held by more than a cap of claims carry no signal and are skipped (the cap is
//!   [`IndexParams::stop_floor`] or [`IndexParams::stop_fraction`] of the claims,
//!   whichever is larger, so a small store skips nothing);
//! - a query reads its keys' posting lists rarest first and stops once it has read
//!   [`IndexParams::budget`] postings: the keys left unread are the commonest, which
//!   weigh least, so scores are lower bounds that rank nearly as exact ones would;
//! - each claim keeps at most [`IndexParams::top`] candidates.
//!
//! Memory is the postings (one `u32` per key of each claim, twice) plus one score per
//! claim for the query in progress: it grows with the store, not its square.

/// "No group": a claim that may be paired with any other.
pub const NO_GROUP: u32 = u32::MAX;

/// The knobs of candidate matching.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IndexParams {
    /// Candidates kept per claim.
    pub top: usize,
    /// Smallest score (IDF-weighted cosine of the shared keys, 0 to 1) worth relating.
    pub min_score: f32,
    /// Fewest keys two claims must share.
    pub min_shared: u32,
    /// Postings read per query at most (after the first key).
    pub budget: usize,
    /// A key held by more claims than this and than `stop_fraction` of them carries no
    /// signal.
    pub stop_floor: usize,
    pub stop_fraction: f64,
}

impl Default for IndexParams {
    fn default() -> IndexParams {
        IndexParams {
            top: 5,
            min_score: 0.1,
            min_shared: 2,
            budget: 1024,
            stop_floor: 64,
            stop_fraction: 0.02,
        }
    }
}

/// A claim found for a query, with its score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    /// The claim's number in the index (the order claims were added).
    pub item: u32,
    /// IDF-weighted cosine of the shared keys (0 to 1; a lower bound when the query
    /// stopped at its budget).
    pub score: f32,
    /// How many keys they share (among those read).
    pub shared: u32,
}

/// Collects claims' keys, then builds the [`KeyIndex`].
#[derive(Debug, Default)]
pub struct KeyIndexBuilder {
    /// (key, item) for every key of every item.
    pairs: Vec<(u64, u32)>,
    groups: Vec<u32>,
}

impl KeyIndexBuilder {
    pub fn new() -> KeyIndexBuilder {
        KeyIndexBuilder::default()
    }

    /// Adds a claim with its keys and its group (claims of one group, one article, are
    /// never candidates of each other; [`NO_GROUP`] for none). Returns its item number.
    pub fn add(&mut self, keys: &[u64], group: u32) -> u32 {
        let item = self.groups.len() as u32;
        self.pairs.extend(keys.iter().map(|&k| (k, item)));
        self.groups.push(group);
        item
    }

    pub fn len(&self) -> usize {
        self.groups.len()
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    pub fn build(mut self, params: IndexParams) -> KeyIndex {
        self.pairs.sort_unstable();
        self.pairs.dedup();
        let items = self.groups.len();
        let mut keys = Vec::new();
        let mut starts = Vec::new();
        let mut postings = Vec::with_capacity(self.pairs.len());
        let mut item_counts = vec![0u32; items + 1];
        for &(key, item) in &self.pairs {
            if keys.last() != Some(&key) {
                keys.push(key);
                starts.push(postings.len() as u32);
            }
            postings.push(item);
            item_counts[item as usize + 1] += 1;
        }
        starts.push(postings.len() as u32);
        drop(std::mem::take(&mut self.pairs));

        let stop_df = params
            .stop_floor
            .max((params.stop_fraction * items as f64).ceil() as usize);
        let n = items.max(1) as f32;
        let idf: Vec<f32> = starts
            .windows(2)
            .map(|w| {
                let df = (w[1] - w[0]) as usize;
                if df > stop_df {
                    0.0
                } else {
                    (1.0 + n / df as f32).ln()
                }
            })
            .collect();

        // Each item's key slots, ascending (slots are visited in order).
        let mut item_starts = item_counts;
        for i in 1..item_starts.len() {
            item_starts[i] += item_starts[i - 1];
        }
        let mut fill = item_starts.clone();
        let mut item_slots = vec![0u32; postings.len()];
        for slot in 0..keys.len() {
            for &item in &postings[starts[slot] as usize..starts[slot + 1] as usize] {
                let at = &mut fill[item as usize];
                item_slots[*at as usize] = slot as u32;
                *at += 1;
            }
        }
        let item_weight = (0..items)
            .map(|i| {
                item_slots[item_starts[i] as usize..item_starts[i + 1] as usize]
                    .iter()
                    .map(|&s| idf[s as usize])
                    .sum()
            })
            .collect();
        KeyIndex {
            keys,
            starts,
            postings,
            idf,
            item_starts,
            item_slots,
            item_weight,
            groups: self.groups,
            unseen_idf: (1.0 + n).ln(),
            params,
        }
    }
}

/// The inverted index: keys to claims, with each key's weight.
#[derive(Debug)]
pub struct KeyIndex {
    /// Distinct keys, sorted; a key's position is its slot.
    keys: Vec<u64>,
    /// Postings of slot `s`: `postings[starts[s]..starts[s + 1]]`, items ascending.
    starts: Vec<u32>,
    postings: Vec<u32>,
    /// Inverse document frequency of each slot; 0 for a key too common to count.
    idf: Vec<f32>,
    /// Slots of item `i`: `item_slots[item_starts[i]..item_starts[i + 1]]`, ascending.
    item_starts: Vec<u32>,
    item_slots: Vec<u32>,
    /// Sum of the idf of each item's keys.
    item_weight: Vec<f32>,
    groups: Vec<u32>,
    /// The weight of a query key the index has never seen.
    unseen_idf: f32,
    params: IndexParams,
}

/// Reusable buffers for queries (one per thread).
#[derive(Debug, Default)]
pub struct Scratch {
    score: Vec<f32>,
    shared: Vec<u32>,
    touched: Vec<u32>,
    order: Vec<u32>,
}

/// A query: the slots of its keys the index knows, and its total weight (unknown keys
/// count as the rarest).
#[derive(Debug, Clone, Default)]
pub struct Query {
    slots: Vec<u32>,
    weight: f32,
    group: u32,
    /// The item itself, when the query is a claim of the index.
    item: Option<u32>,
}

impl KeyIndex {
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    pub fn params(&self) -> IndexParams {
        self.params
    }

    /// How many claims hold the key (0 when unknown).
    pub fn document_frequency(&self, key: u64) -> usize {
        self.keys
            .binary_search(&key)
            .map_or(0, |s| (self.starts[s + 1] - self.starts[s]) as usize)
    }

    /// Whether the key is too common to count.
    pub fn is_stop_key(&self, key: u64) -> bool {
        self.keys
            .binary_search(&key)
            .is_ok_and(|s| self.idf[s] == 0.0)
    }

    fn postings_of(&self, slot: u32) -> &[u32] {
        let s = slot as usize;
        &self.postings[self.starts[s] as usize..self.starts[s + 1] as usize]
    }

    fn slots_of(&self, item: u32) -> &[u32] {
        let i = item as usize;
        &self.item_slots[self.item_starts[i] as usize..self.item_starts[i + 1] as usize]
    }

    /// The query for a claim of the index: candidates from its own group are skipped.
    pub fn item_query(&self, item: u32) -> Query {
        Query {
            slots: self.slots_of(item).to_vec(),
            weight: self.item_weight[item as usize],
            group: self.groups[item as usize],
            item: Some(item),
        }
    }

    /// The query for a claim from outside the index (sorted or not, duplicates allowed).
    pub fn keys_query(&self, keys: &[u64]) -> Query {
        let mut slots = Vec::with_capacity(keys.len());
        let mut weight = 0.0;
        let mut sorted = keys.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        for key in sorted {
            match self.keys.binary_search(&key) {
                Ok(s) => {
                    slots.push(s as u32);
                    weight += self.idf[s];
                }
                Err(_) => weight += self.unseen_idf,
            }
        }
        Query {
            slots,
            weight,
            group: NO_GROUP,
            item: None,
        }
    }

    /// The best candidates for a query, best first (ties by item number), at most
    /// `params.top`, each with at least `min_shared` keys and `min_score`.
    pub fn candidates(&self, query: &Query, scratch: &mut Scratch) -> Vec<Candidate> {
        let p = &self.params;
        if scratch.score.len() < self.len() {
            scratch.score.resize(self.len(), 0.0);
            scratch.shared.resize(self.len(), 0);
        }
        // Rarest keys first; keys that carry no signal are left out.
        scratch.order.clear();
        scratch.order.extend(
            query
                .slots
                .iter()
                .copied()
                .filter(|&s| self.idf[s as usize] > 0.0),
        );
        scratch
            .order
            .sort_unstable_by_key(|&s| (self.starts[s as usize + 1] - self.starts[s as usize], s));
        let mut read = 0usize;
        for &slot in &scratch.order {
            let list = self.postings_of(slot);
            if read > 0 && read + list.len() > p.budget {
                break;
            }
            read += list.len();
            let w = self.idf[slot as usize];
            for &item in list {
                if Some(item) == query.item
                    || (query.group != NO_GROUP && self.groups[item as usize] == query.group)
                {
                    continue;
                }
                let i = item as usize;
                if scratch.shared[i] == 0 {
                    scratch.touched.push(item);
                }
                scratch.shared[i] += 1;
                scratch.score[i] += w;
            }
        }
        let mut out = Vec::new();
        for &item in &scratch.touched {
            let i = item as usize;
            let shared = scratch.shared[i];
            let denominator = (query.weight * self.item_weight[i]).sqrt();
            let score = if denominator > 0.0 {
                (scratch.score[i] / denominator).min(1.0)
            } else {
                0.0
            };
            scratch.score[i] = 0.0;
            scratch.shared[i] = 0;
            if shared >= p.min_shared && score >= p.min_score {
                out.push(Candidate {
                    item,
                    score,
                    shared,
                });
            }
        }
        scratch.touched.clear();
        let by_rank =
            |a: &Candidate, b: &Candidate| b.score.total_cmp(&a.score).then(a.item.cmp(&b.item));
        if out.len() > p.top {
            out.select_nth_unstable_by(p.top, by_rank);
            out.truncate(p.top);
        }
        out.sort_unstable_by(by_rank);
        out
    }

    /// Candidate pairs among the claims of the index, each pair once as `(lower, higher)`
    /// item numbers, sorted: the union of every claim's best candidates.
    pub fn candidate_pairs(&self) -> Vec<(u32, u32)> {
        let items: Vec<u32> = (0..self.len() as u32).collect();
        let mut pairs = super::parallel::map_chunks(&items, |chunk| {
            let mut scratch = Scratch::default();
            let mut out = Vec::new();
            for &item in chunk {
                let query = self.item_query(item);
                for c in self.candidates(&query, &mut scratch) {
                    out.push((item.min(c.item), item.max(c.item)));
                }
            }
            out
        });
        pairs.sort_unstable();
        pairs.dedup();
        pairs
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn key(word: &str) -> u64 {
        super::super::lexicon::hash_str(word)
    }

    fn keys(words: &str) -> Vec<u64> {
        words.split_whitespace().map(key).collect()
    }

    fn params() -> IndexParams {
        IndexParams {
            top: 3,
            min_score: 0.0,
            min_shared: 1,
            budget: 1000,
            stop_floor: 4,
            stop_fraction: 0.0,
        }
    }

    #[test]
    fn shared_rare_keys_rank_first() {
        let mut b = KeyIndexBuilder::new();
        // Filler claims make "china" and "said" common.
        for g in 0..4 {
            b.add(&keys("china said trade"), 10 + g);
        }
        let q = b.add(&keys("china pyongyang troops said"), 0);
        let rare = b.add(&keys("pyongyang troops china"), 1);
        let common = b.add(&keys("china said trade"), 2);
        let ix = b.build(params());
        let found = ix.candidates(&ix.item_query(q), &mut Scratch::default());
        assert_eq!(found[0].item, rare);
        assert!(found.iter().all(|c| c.item != q));
        // "china" and "said" are in more than 4 claims, the stop cap: they carry no
        // signal, so "common" shares nothing that counts.
        assert!(ix.is_stop_key(key("china")) && ix.is_stop_key(key("said")));
        let c = found.iter().find(|c| c.item == common);
        assert!(c.is_none_or(|c| c.score < found[0].score));
    }

    #[test]
    fn claims_of_one_group_are_never_candidates_of_each_other() {
        let mut b = KeyIndexBuilder::new();
        let a = b.add(&keys("seoul estimate soldiers"), 7);
        let same_article = b.add(&keys("seoul estimate soldiers"), 7);
        let other = b.add(&keys("seoul estimate soldiers"), 8);
        let free = b.add(&keys("seoul estimate soldiers"), NO_GROUP);
        let ix = b.build(params());
        let found: Vec<u32> = ix
            .candidates(&ix.item_query(a), &mut Scratch::default())
            .iter()
            .map(|c| c.item)
            .collect();
        assert!(!found.contains(&same_article));
        assert!(found.contains(&other) && found.contains(&free));
        assert_eq!(ix.candidate_pairs().len(), 5); // all but (a, same_article)
    }

    #[test]
    fn top_and_thresholds_limit_candidates() {
        let mut b = KeyIndexBuilder::new();
        let q = b.add(&keys("alpha beta gamma delta"), 0);
        for g in 1..10 {
            b.add(&keys("alpha beta gamma delta"), g);
        }
        b.add(&keys("alpha zeta eta theta iota kappa"), 20);
        let ix = b.build(IndexParams {
            stop_floor: 100,
            ..params()
        });
        let found = ix.candidates(&ix.item_query(q), &mut Scratch::default());
        assert_eq!(found.len(), 3);
        assert!(found.iter().all(|c| c.shared == 4 && c.score > 0.99));
        let strict = IndexParams {
            min_shared: 2,
            top: 100,
            stop_floor: 100,
            ..params()
        };
        let mut b = KeyIndexBuilder::new();
        b.add(&keys("alpha beta gamma delta"), 0);
        b.add(&keys("alpha zeta eta theta iota kappa"), 1);
        let ix = b.build(strict);
        assert!(
            ix.candidate_pairs().is_empty(),
            "one shared key is not enough"
        );
    }

    #[test]
    fn an_outside_query_counts_unknown_keys_as_rare() {
        let mut b = KeyIndexBuilder::new();
        let x = b.add(&keys("austin troops russia ukraine"), 0);
        let ix = b.build(params());
        let mut scratch = Scratch::default();
        let near = ix.candidates(&ix.keys_query(&keys("austin troops russia")), &mut scratch);
        let far = ix.candidates(
            &ix.keys_query(&keys("austin troops novel words here")),
            &mut scratch,
        );
        assert_eq!(near[0].item, x);
        assert!(far[0].score < near[0].score);
        assert_eq!(ix.document_frequency(key("austin")), 1);
        assert_eq!(ix.document_frequency(key("nowhere")), 0);
    }

    #[test]
    fn the_budget_reads_rare_keys_and_skips_common_ones() {
        let mut b = KeyIndexBuilder::new();
        for g in 0..50 {
            b.add(&keys("common word"), g);
        }
        let q = b.add(&keys("common word rare name"), 100);
        let target = b.add(&keys("rare name"), 101);
        let ix = b.build(IndexParams {
            budget: 10,
            stop_floor: 1000,
            ..params()
        });
        let found = ix.candidates(&ix.item_query(q), &mut Scratch::default());
        assert_eq!(found.len(), 1, "the common keys' lists were not read");
        assert_eq!(found[0].item, target);
    }

    #[test]
    fn empty_index_and_empty_query() {
        let ix = KeyIndexBuilder::new().build(IndexParams::default());
        assert!(ix.is_empty());
        assert!(ix.candidate_pairs().is_empty());
        assert!(
            ix.candidates(&ix.keys_query(&[]), &mut Scratch::default())
                .is_empty()
        );
    }

    proptest! {
        #[test]
        fn candidate_pairs_respect_groups_sharing_and_top(
            items in proptest::collection::vec(
                (proptest::collection::vec(0u64..20, 0..8), 0u32..4),
                0..40,
            ),
            top in 1usize..4,
            min_shared in 1u32..3,
        ) {
            let mut b = KeyIndexBuilder::new();
            for (keys, group) in &items {
                let group = if *group == 3 { NO_GROUP } else { *group };
                b.add(keys, group);
            }
            let ix = b.build(IndexParams {
                top,
                min_score: 0.0,
                min_shared,
                budget: 1 << 20,
                stop_floor: 1 << 20,
                stop_fraction: 0.0,
            });
            let mut scratch = Scratch::default();
            for i in 0..items.len() as u32 {
                let found = ix.candidates(&ix.item_query(i), &mut scratch);
                prop_assert!(found.len() <= top);
                for c in &found {
                    prop_assert!(c.item != i);
                    prop_assert!((0.0..=1.0).contains(&c.score));
                    prop_assert!(c.shared >= min_shared);
                }
            }
            for (a, b) in ix.candidate_pairs() {
                prop_assert!(a < b);
                let (ka, ga) = &items[a as usize];
                let (kb, gb) = &items[b as usize];
                prop_assert!(*ga == 3 || ga != gb, "same group paired");
                let shared = ka
                    .iter()
                    .filter(|k| kb.contains(k))
                    .collect::<std::collections::BTreeSet<_>>()
                    .len();
                prop_assert!(shared as u32 >= min_shared);
            }
        }
    }
}
