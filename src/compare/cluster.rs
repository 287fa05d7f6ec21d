//! Grouping agreeing claims: a claim three articles agree on is one group (one row of
//! the comparison table), not three pairs.
//!
//! Groups are the connected parts of the agreement graph, built strongest edge first
//! (union-find), with one guard: two groups are never joined when a contradiction links
//! them. Agreement is not transitive ("about 500 soldiers" and "thousands of troops" may
//! each agree with "North Korea sent troops"), and a group holding both sides of a
//! contradiction would make the table say an article agrees with what it contradicts.

use std::cmp::Ordering;

/// An agreement between two nodes, with its strength.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    pub a: u32,
    pub b: u32,
    pub score: f64,
}

/// The groups of a graph: `group_of[node]` and each group's nodes, ascending. Groups are
/// numbered in the order of their smallest node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Groups {
    pub group_of: Vec<u32>,
    pub members: Vec<Vec<u32>>,
}

/// Groups `nodes` nodes by their agreements, never joining two groups a contradiction
/// links. Deterministic: agreements are taken by score, then by node numbers.
pub fn group(nodes: usize, agreements: &[Link], contradictions: &[(u32, u32)]) -> Groups {
    let mut parent: Vec<u32> = (0..nodes as u32).collect();
    let mut members: Vec<Vec<u32>> = (0..nodes as u32).map(|n| vec![n]).collect();
    let mut opposed: Vec<Vec<u32>> = vec![Vec::new(); nodes];
    for &(a, b) in contradictions {
        if (a as usize) < nodes && (b as usize) < nodes && a != b {
            opposed[a as usize].push(b);
            opposed[b as usize].push(a);
        }
    }
    let mut order: Vec<&Link> = agreements
        .iter()
        .filter(|l| (l.a as usize) < nodes && (l.b as usize) < nodes)
        .collect();
    order.sort_by(|x, y| {
        y.score
            .partial_cmp(&x.score)
            .unwrap_or(Ordering::Equal)
            .then((x.a.min(x.b), x.a.max(x.b)).cmp(&(y.a.min(y.b), y.a.max(y.b))))
    });
    for link in order {
        let (ra, rb) = (find(&mut parent, link.a), find(&mut parent, link.b));
        if ra == rb {
            continue;
        }
        // Look from the smaller group for a contradiction reaching into the other.
        let (small, large) = if members[ra as usize].len() <= members[rb as usize].len() {
            (ra, rb)
        } else {
            (rb, ra)
        };
        let blocked = members[small as usize].iter().any(|&m| {
            opposed[m as usize]
                .clone()
                .into_iter()
                .any(|o| find(&mut parent, o) == large)
        });
        if blocked {
            continue;
        }
        parent[small as usize] = large;
        let moved = std::mem::take(&mut members[small as usize]);
        members[large as usize].extend(moved);
    }
    let mut group_of = vec![u32::MAX; nodes];
    let mut out: Vec<Vec<u32>> = Vec::new();
    for node in 0..nodes as u32 {
        let root = find(&mut parent, node);
        if group_of[root as usize] == u32::MAX {
            group_of[root as usize] = out.len() as u32;
            let mut m = std::mem::take(&mut members[root as usize]);
            m.sort_unstable();
            out.push(m);
        }
        group_of[node as usize] = group_of[root as usize];
    }
    Groups {
        group_of,
        members: out,
    }
}

fn find(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        let up = parent[parent[x as usize] as usize];
        parent[x as usize] = up;
        x = up;
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn link(a: u32, b: u32, score: f64) -> Link {
        Link { a, b, score }
    }

    #[test]
    fn agreements_chain_into_one_group() {
        let g = group(5, &[link(0, 1, 0.9), link(1, 2, 0.8)], &[]);
        assert_eq!(g.members, vec![vec![0, 1, 2], vec![3], vec![4]]);
        assert_eq!(g.group_of, vec![0, 0, 0, 1, 2]);
    }

    #[test]
    fn a_contradiction_keeps_groups_apart() {
        // 0 ("about 500") and 2 ("thousands") both agree with 1 ("sent troops"), but
        // contradict each other: the stronger agreement wins, the other is dropped.
        let g = group(3, &[link(0, 1, 0.6), link(1, 2, 0.9)], &[(0, 2)]);
        assert_eq!(g.members, vec![vec![0], vec![1, 2]]);
        // Through a longer chain too.
        let g = group(
            4,
            &[link(0, 1, 0.9), link(2, 3, 0.9), link(1, 2, 0.5)],
            &[(0, 3)],
        );
        assert_eq!(g.members, vec![vec![0, 1], vec![2, 3]]);
    }

    #[test]
    fn out_of_range_links_are_ignored() {
        let g = group(2, &[link(0, 7, 1.0)], &[(9, 1)]);
        assert_eq!(g.members.len(), 2);
    }

    proptest! {
        #[test]
        fn no_group_holds_both_sides_of_a_contradiction(
            n in 1usize..12,
            agree in proptest::collection::vec((0u32..12, 0u32..12, 0.0f64..1.0), 0..30),
            against in proptest::collection::vec((0u32..12, 0u32..12), 0..8),
        ) {
            let links: Vec<Link> = agree.iter().map(|&(a, b, s)| link(a, b, s)).collect();
            let g = group(n, &links, &against);
            for &(a, b) in &against {
                if (a as usize) < n && (b as usize) < n && a != b {
                    prop_assert_ne!(g.group_of[a as usize], g.group_of[b as usize]);
                }
            }
            // Every node is in exactly one group, and group_of agrees with members.
            let total: usize = g.members.iter().map(Vec::len).sum();
            prop_assert_eq!(total, n);
            for (gi, m) in g.members.iter().enumerate() {
                for &node in m {
                    prop_assert_eq!(g.group_of[node as usize], gi as u32);
                }
            }
        }
    }
}
