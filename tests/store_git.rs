//! Sharing a store through git: two people add different articles in two clones, merge,
//! and get no conflict; `verify` passes on the merge and both sets of claims are there.

mod common;

use common::{TestStore, article, bare_cmd, git, jsonl_articles};
use std::process::Command;

fn has_git() -> bool {
    Command::new("git").arg("--version").output().is_ok()
}

#[test]
fn two_clones_add_different_articles_and_merge_cleanly() {
    if !has_git() {
        eprintln!("git not found: skipped");
        return;
    }
    let origin = TestStore::new();
    let seed = origin.write("articles/seed.txt", &article(1, 0));
    origin.cmd().arg("add").arg(&seed).assert().success();
    // Both people have looked things up: each clone has its own index cache.
    origin.cmd().arg("list").assert().success();
    git(origin.path(), &["init", "-q"]);
    git(origin.path(), &["add", "claims", "articles"]);
    git(origin.path(), &["commit", "-q", "-m", "store"]);
    let tracked = String::from_utf8(git(origin.path(), &["ls-files"]).stdout).unwrap();
    assert!(
        !tracked.contains("cache/") && !tracked.contains("claims/lock"),
        "{tracked}"
    );

    let work = tempfile::tempdir().unwrap();
    let alice = work.path().join("alice");
    let bob = work.path().join("bob");
    for who in [&alice, &bob] {
        git(
            work.path(),
            &[
                "clone",
                "-q",
                origin.path().to_str().unwrap(),
                who.to_str().unwrap(),
            ],
        );
    }

    // Alice adds two articles (one as JSON Lines) and revises the seed article;
    // Bob adds three others.
    let a_input = alice.join("a.jsonl");
    std::fs::write(&a_input, jsonl_articles(10..12, 0)).unwrap();
    bare_cmd(&alice)
        .args(["add", "--input-format", "jsonl"])
        .arg(&a_input)
        .assert()
        .success();
    let seed_alice = alice.join("articles/seed.txt");
    std::fs::write(&seed_alice, article(1, 1)).unwrap();
    bare_cmd(&alice)
        .arg("add")
        .arg(&seed_alice)
        .assert()
        .success();
    bare_cmd(&alice).arg("list").assert().success();
    git(&alice, &["add", "claims"]);
    git(&alice, &["commit", "-q", "-m", "alice"]);

    let b_input = bob.join("b.jsonl");
    std::fs::write(&b_input, jsonl_articles(20..23, 0)).unwrap();
    bare_cmd(&bob)
        .args(["add", "--input-format", "jsonl"])
        .arg(&b_input)
        .assert()
        .success();
    bare_cmd(&bob).arg("list").assert().success();
    git(&bob, &["add", "claims"]);
    git(&bob, &["commit", "-q", "-m", "bob"]);

    // Bob pulls Alice's work: a merge commit, no conflict.
    git(
        &bob,
        &[
            "pull",
            "-q",
            "--no-rebase",
            "--no-edit",
            alice.to_str().unwrap(),
            "main",
        ],
    );
    let status = String::from_utf8(git(&bob, &["status", "--porcelain"]).stdout).unwrap();
    assert!(!status.contains("UU") && !status.contains("AA"), "{status}");

    let out = bare_cmd(&bob).arg("verify").output().unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    // The stale cache in Bob's clone is noticed and rebuilt: everything is listed.
    let out = bare_cmd(&bob)
        .args(["list", "--format", "jsonl"])
        .output()
        .unwrap();
    let articles: std::collections::BTreeSet<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["article"].as_str().unwrap().to_owned()
        })
        .collect();
    let expected: std::collections::BTreeSet<String> = [
        "seed", "gen-0010", "gen-0011", "gen-0020", "gen-0021", "gen-0022",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert_eq!(articles, expected);
    let out = bare_cmd(&bob)
        .args(["history", "seed", "--format", "jsonl"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).lines().count(),
        2,
        "Alice's revision came along"
    );
}
