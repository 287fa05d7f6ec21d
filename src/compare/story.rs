//! Whether two articles tell the same story: the cosine of their key vectors (the index
//! keys of all their claims, weighted by how often the article uses them and how few
//! articles do).
//!
//! Two claims from articles about different events can look like a contradiction to the
//! relation engine ("profits rose 27%" and "revenues increased 11%"; "the Justice
//! Department declined to comment" and "the candidate declined to comment"). A
//! comparison table is about one story told by several outlets, so a relation between
//! claims of two articles counts only when the articles share their story: measured on
//! BASIL (100 events, each reported by three outlets), articles about the same event
//! score at least 0.124 (every pair), while 94% of pairs about different events score
//! under 0.1 (`cargo run --release --example story_gate` measures it). The gate is set
//! at 0.1, below the lowest same-event pair: it drops relations between unrelated
//! articles without touching one story's.

use std::collections::HashMap;

/// Below this similarity two articles are about different stories.
pub const SAME_STORY: f32 = 0.1;

/// Each article's unit vector over keys, sorted by key.
#[derive(Debug, Clone, Default)]
pub struct Stories {
    vectors: Vec<Vec<(u64, f32)>>,
    /// In how many articles each key occurs.
    df: HashMap<u64, u32>,
    articles: usize,
}

impl Stories {
    /// Builds the vectors from each article's keys (every key of every claim, repeats
    /// kept: they count how much the article is about it).
    pub fn new(article_keys: Vec<Vec<u64>>) -> Stories {
        let counted: Vec<Vec<(u64, u32)>> = article_keys.into_iter().map(counts).collect();
        let mut df: HashMap<u64, u32> = HashMap::new();
        for keys in &counted {
            for &(k, _) in keys {
                *df.entry(k).or_insert(0) += 1;
            }
        }
        let mut stories = Stories {
            vectors: Vec::with_capacity(counted.len()),
            df,
            articles: counted.len(),
        };
        for keys in &counted {
            let v = stories.weigh(keys);
            stories.vectors.push(v);
        }
        stories
    }

    pub fn len(&self) -> usize {
        self.vectors.len()
    }

    pub fn is_empty(&self) -> bool {
        self.vectors.is_empty()
    }

    /// The vector of an article outside the set (`--against`), weighted by the set's
    /// document frequencies (a key no article has counts as the rarest).
    pub fn vector_of(&self, keys: Vec<u64>) -> Vec<(u64, f32)> {
        self.weigh(&counts(keys))
    }

    fn weigh(&self, keys: &[(u64, u32)]) -> Vec<(u64, f32)> {
        let n = self.articles.max(1) as f32;
        let mut v: Vec<(u64, f32)> = keys
            .iter()
            .map(|&(k, tf)| {
                let df = self.df.get(&k).copied().unwrap_or(0).max(1) as f32;
                (k, (1.0 + (tf as f32).ln()) * (1.0 + n / df).ln())
            })
            .collect();
        let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            for (_, w) in &mut v {
                *w /= norm;
            }
        }
        v
    }

    /// The similarity of articles `a` and `b` (0 to 1).
    pub fn similarity(&self, a: usize, b: usize) -> f32 {
        match (self.vectors.get(a), self.vectors.get(b)) {
            (Some(x), Some(y)) => cosine(x, y),
            _ => 0.0,
        }
    }

    /// The similarity of article `a` and an outside vector.
    pub fn similarity_to(&self, a: usize, v: &[(u64, f32)]) -> f32 {
        self.vectors.get(a).map_or(0.0, |x| cosine(x, v))
    }
}

/// Sorted distinct keys with their counts.
fn counts(mut keys: Vec<u64>) -> Vec<(u64, u32)> {
    keys.sort_unstable();
    let mut out: Vec<(u64, u32)> = Vec::new();
    for k in keys {
        match out.last_mut() {
            Some((last, n)) if *last == k => *n += 1,
            _ => out.push((k, 1)),
        }
    }
    out
}

/// Cosine of two unit vectors sorted by key.
fn cosine(x: &[(u64, f32)], y: &[(u64, f32)]) -> f32 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0f32);
    while i < x.len() && j < y.len() {
        match x[i].0.cmp(&y[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += x[i].1 * y[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot.clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(words: &str) -> Vec<u64> {
        words
            .split_whitespace()
            .map(super::super::lexicon::hash_str)
            .collect()
    }

    #[test]
    fn articles_on_one_event_are_closer_than_articles_on_two() {
        let s = Stories::new(vec![
            keys("north korea troops russia ukraine austin troops pyongyang"),
            keys("north korea soldiers russia lawmaker seoul troops pyongyang"),
            keys("profits time warner aol quarter profits shares"),
            keys("russia gas ukraine prices"),
        ]);
        assert!(s.similarity(0, 1) > s.similarity(0, 2));
        assert!(s.similarity(0, 1) >= SAME_STORY);
        assert!(s.similarity(0, 2) < SAME_STORY);
        assert!((s.similarity(2, 2) - 1.0).abs() < 1e-5);
        assert_eq!(s.similarity(0, 9), 0.0);
        let outside = s.vector_of(keys("troops pyongyang russia korea estimate"));
        assert!(s.similarity_to(1, &outside) > s.similarity_to(2, &outside));
    }

    #[test]
    fn empty_articles_are_like_nothing() {
        let s = Stories::new(vec![Vec::new(), keys("a b")]);
        assert_eq!(s.similarity(0, 1), 0.0);
        assert_eq!(s.similarity(0, 0), 0.0);
    }
}
