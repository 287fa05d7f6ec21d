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
        // The whole name, and each word of a longer one ("chaa" -> "Victor D. Cha").
        let words = lower.split_whitespace().filter(|w| w.chars().count() >= 3);
        let mut d = distance(&given, &lower);
        if lower.contains(' ') {
            for w in words {
                d = d.min(distance(&given, w));
            }
        }
        if best.is_none_or(|(bd, bc)| d < bd || (d == bd && c < bc)) && d != usize::MAX {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

/// How far apart two names are for a suggestion, or `usize::MAX` when too far: an edit
/// distance of at most a third of the longer (and at least 1), or 1 when one holds the
/// other.
fn distance(given: &str, name: &str) -> usize {
    if name.contains(given) || given.contains(name) {
        return name.chars().count().abs_diff(given.chars().count()).min(1);
    }
    let d = edit_distance(given, name);
    let longest = given.chars().count().max(name.chars().count());
    if d > (longest / 3).max(1) {
        usize::MAX
    } else {
        d
    }
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
        assert_eq!(
            did_you_mean("chaa", ["Victor D. Cha", "Xi Jinping"]),
            Some("Victor D. Cha")
        );
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
