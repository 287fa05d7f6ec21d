//! What a revision changed: claims added, removed, and changed.
//!
//! Claims are matched first by id (the same statement): one whose source, cue or quote
//! differs is *changed* in its attribution. The rest are paired up when their words
//! overlap enough (a corrected figure, a reworded sentence): such a pair is *changed* in
//! its text, the new claim superseding the old. What remains was added or removed.

use super::record::Occurrence;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// Word overlap (Jaccard) from which an old and a new claim count as one revised claim.
const REVISION_OVERLAP: f64 = 0.5;
/// Above this many unmatched pairs, revisions are not looked for (added/removed only).
const MAX_PAIRINGS: usize = 250_000;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub old: Occurrence,
    pub new: Occurrence,
    /// What differs: any of "text", "source", "cue", "quote".
    pub what: Vec<&'static str>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ClaimDiff {
    pub added: Vec<Occurrence>,
    pub removed: Vec<Occurrence>,
    pub changed: Vec<Change>,
}

fn attribution_changes(old: &Occurrence, new: &Occurrence) -> Vec<&'static str> {
    let mut what = Vec::new();
    if old.text != new.text {
        what.push("text");
    }
    let src = |o: &Occurrence| {
        o.source
            .as_ref()
            .map(|s| (s.name.clone(), s.kind, s.role.clone()))
    };
    if src(old) != src(new) {
        what.push("source");
    }
    if old.cue.as_ref().map(|c| &c.text) != new.cue.as_ref().map(|c| &c.text) {
        what.push("cue");
    }
    if old.quote != new.quote {
        what.push("quote");
    }
    what
}

fn words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn overlap(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    let union = a.union(b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / union as f64
}

/// Compares the claims of two versions (`old` may be empty for a first version).
pub fn diff_claims(old: &[Occurrence], new: &[Occurrence]) -> ClaimDiff {
    let mut out = ClaimDiff::default();
    // Match by id, in order, so a claim said twice is matched twice.
    let mut old_by_id: HashMap<_, Vec<usize>> = HashMap::new();
    for (i, o) in old.iter().enumerate().rev() {
        old_by_id.entry(o.id).or_default().push(i);
    }
    let mut old_used = vec![false; old.len()];
    let mut new_left = Vec::new();
    for (j, n) in new.iter().enumerate() {
        match old_by_id.get_mut(&n.id).and_then(Vec::pop) {
            Some(i) => {
                old_used[i] = true;
                let what = attribution_changes(&old[i], n);
                if !what.is_empty() {
                    out.changed.push(Change {
                        old: old[i].clone(),
                        new: n.clone(),
                        what,
                    });
                }
            }
            None => new_left.push(j),
        }
    }
    let old_left: Vec<usize> = (0..old.len()).filter(|&i| !old_used[i]).collect();

    // Pair the leftovers that are revisions of each other, best overlap first.
    let mut paired_old = HashSet::new();
    let mut paired_new = HashSet::new();
    if old_left.len().saturating_mul(new_left.len()) <= MAX_PAIRINGS {
        let old_words: Vec<_> = old_left.iter().map(|&i| words(&old[i].text)).collect();
        let new_words: Vec<_> = new_left.iter().map(|&j| words(&new[j].text)).collect();
        let mut candidates = Vec::new();
        for (a, ow) in old_words.iter().enumerate() {
            for (b, nw) in new_words.iter().enumerate() {
                let score = overlap(ow, nw);
                if score >= REVISION_OVERLAP {
                    candidates.push((score, a, b));
                }
            }
        }
        candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
        for (_, a, b) in candidates {
            if paired_old.contains(&a) || paired_new.contains(&b) {
                continue;
            }
            paired_old.insert(a);
            paired_new.insert(b);
            let (o, n) = (&old[old_left[a]], &new[new_left[b]]);
            out.changed.push(Change {
                old: o.clone(),
                new: n.clone(),
                what: attribution_changes(o, n),
            });
        }
    }
    for (a, &i) in old_left.iter().enumerate() {
        if !paired_old.contains(&a) {
            out.removed.push(old[i].clone());
        }
    }
    for (b, &j) in new_left.iter().enumerate() {
        if !paired_new.contains(&b) {
            out.added.push(new[j].clone());
        }
    }
    out.changed.sort_by_key(|c| c.new.span.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::{QuoteKind, SourceKind};
    use crate::claims::{canonical_form, claim_id};
    use crate::span::Span;
    use crate::store::record::StoredSource;

    fn occ(text: &str, source: Option<&str>) -> Occurrence {
        Occurrence {
            id: claim_id(&canonical_form(text)),
            text: text.into(),
            span: Span::new(0, text.len()),
            sentence: 0,
            quote: QuoteKind::None,
            source: source.map(|s| StoredSource {
                name: s.into(),
                kind: SourceKind::Named,
                role: None,
                span: None,
            }),
            cue: None,
        }
    }

    #[test]
    fn added_removed_and_changed() {
        let old = vec![
            occ("North Korea sent 3,000 troops to Russia.", None),
            occ("China has not commented.", None),
            occ("The talks ended.", Some("Cha")),
        ];
        let new = vec![
            occ("North Korea sent 10,000 troops to Russia.", None),
            occ("The talks ended.", Some("Austin")),
            occ("Japan protested.", None),
        ];
        let d = diff_claims(&old, &new);
        assert_eq!(d.added.len(), 1);
        assert_eq!(d.added[0].text, "Japan protested.");
        assert_eq!(d.removed.len(), 1);
        assert_eq!(d.removed[0].text, "China has not commented.");
        assert_eq!(d.changed.len(), 2);
        let whats: Vec<_> = d.changed.iter().map(|c| c.what.clone()).collect();
        assert!(whats.contains(&vec!["text"]));
        assert!(whats.contains(&vec!["source"]));
    }

    #[test]
    fn identical_versions_have_no_diff() {
        let v = vec![occ("A.", None), occ("A.", None)];
        assert_eq!(diff_claims(&v, &v), ClaimDiff::default());
    }
}
