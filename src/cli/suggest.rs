//! "Did you mean": the closest known name to a mistyped one.

/// The candidate closest to `given` (case folded), when it is close enough to be a typo:
/// an edit distance of at most a third of the longer name (and at least 1), or a
/// candidate that contains `given` or is contained in it.
pub fn did_you_mean<'a>(
    given: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let given = given.trim().to_lowercase();
    if given.is_empty() {
        return None;
    }
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let lower = c.to_lowercase();
        let d = if lower.contains(&given) || given.contains(&lower) {
            lower.chars().count().abs_diff(given.chars().count()).min(1)
        } else {
            edit_distance(&given, &lower)
        };
        let longest = given.chars().count().max(lower.chars().count());
        if d > (longest / 3).max(1) {
            continue;
        }
        if best.is_none_or(|(bd, bc)| d < bd || (d == bd && c < bc)) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_are_suggested_and_strangers_are_not() {
        let names = ["seed-story", "follow-up", "follow-up-2"];
        assert_eq!(did_you_mean("seed-stroy", names), Some("seed-story"));
        assert_eq!(did_you_mean("followup", names), Some("follow-up"));
        assert_eq!(did_you_mean("zebra", names), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
