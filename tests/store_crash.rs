//! Crash safety and concurrency: `claims add` killed (SIGKILL) at many points leaves a
//! store that `verify` passes, with nothing already logged lost, and a rerun completes;
//! concurrent writers are serialised by the lock.

mod common;

use common::{TestStore, bin, jsonl_articles};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn add_command(t: &TestStore, input: &std::path::Path, extra: &[&str]) -> Command {
    let mut c = Command::new(bin());
    c.arg("--store")
        .arg(t.store())
        .args(["add", "--input-format", "jsonl"])
        .args(extra)
        .arg(input)
        .env_remove("CLAIMS_STORE")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    c
}

/// The versions of an article, newest first.
fn history(t: &TestStore, article: &str) -> Vec<String> {
    t.jsonl(&["history", article])
        .iter()
        .map(|v| v["version"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn killed_add_loses_nothing_logged_and_reruns_complete() {
    let t = TestStore::new();
    let base = t.write("base.jsonl", &jsonl_articles(0..20, 0));
    assert!(add_command(&t, &base, &[]).status().unwrap().success());

    // How long one run takes here, measured on a scratch store.
    const PER_RUN: usize = 40;
    let scratch = TestStore::new();
    let sample = scratch.write("sample.jsonl", &jsonl_articles(1000..1000 + PER_RUN, 0));
    let start = Instant::now();
    assert!(
        add_command(&scratch, &sample, &["--batch-size", "7"])
            .status()
            .unwrap()
            .success()
    );
    let full = start.elapsed();

    const ROUNDS: usize = 14;
    for round in 0..ROUNDS {
        // New articles, plus a revision of one article logged before.
        let first = 100 + round * PER_RUN;
        let mut input = jsonl_articles(first..first + PER_RUN, 0);
        input.push_str(&jsonl_articles(round..round + 1, 1));
        let path = t.write(&format!("round{round}.jsonl"), &input);
        let before = t.refs();

        // Kill at a point spread over the run (a few right at the start, one after).
        let delay = full.mul_f64(round as f64 / (ROUNDS - 2) as f64);
        let mut child = add_command(&t, &path, &["--batch-size", "7"])
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();

        let report = t.verify_ok();
        assert!(
            !report.lines().any(|l| l.starts_with("error")),
            "round {round}: {report}"
        );
        let after = t.refs();
        for (name, old_head) in &before {
            let now = after
                .get(name)
                .unwrap_or_else(|| panic!("round {round}: {name} lost"));
            if now != old_head {
                assert!(
                    history(&t, name).contains(old_head),
                    "round {round}: {name} no longer descends from {old_head}"
                );
            }
        }

        // The same add again completes.
        let out = add_command(&t, &path, &[]).output().unwrap();
        assert!(
            out.status.success(),
            "round {round}: rerun failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        t.verify_ok();
        let refs = t.refs();
        let mut versions: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> =
            Default::default();
        for row in t.jsonl(&["list", "--all-versions"]) {
            versions
                .entry(row["article"].as_str().unwrap().to_owned())
                .or_default()
                .insert(row["version"].as_str().unwrap().to_owned());
        }
        for i in first..first + PER_RUN {
            let name = format!("gen-{i:04}");
            assert!(
                refs.contains_key(&name),
                "round {round}: {name} missing after rerun"
            );
            assert_eq!(
                versions[&name].len(),
                1,
                "round {round}: {name} logged twice"
            );
        }
        assert_eq!(versions[&format!("gen-{round:04}")].len(), 2);
    }
}

#[test]
fn two_writers_at_once_both_land() {
    let t = TestStore::new();
    for round in 0..3 {
        let a = t.write(
            &format!("a{round}.jsonl"),
            &jsonl_articles(round * 100..round * 100 + 40, 0),
        );
        let b = t.write(
            &format!("b{round}.jsonl"),
            &jsonl_articles(round * 100 + 50..round * 100 + 90, 0),
        );
        let ca = add_command(&t, &a, &["--batch-size", "5"]).spawn().unwrap();
        let cb = add_command(&t, &b, &["--batch-size", "5"]).spawn().unwrap();
        let (oa, ob) = (
            ca.wait_with_output().unwrap(),
            cb.wait_with_output().unwrap(),
        );
        assert!(
            oa.status.success(),
            "{}",
            String::from_utf8_lossy(&oa.stderr)
        );
        assert!(
            ob.status.success(),
            "{}",
            String::from_utf8_lossy(&ob.stderr)
        );
    }
    assert_eq!(t.refs().len(), 3 * 80);
    let articles: std::collections::BTreeSet<String> = t
        .jsonl(&["list"])
        .iter()
        .map(|r| r["article"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(articles.len(), 3 * 80, "both writers' claims are listed");
    t.verify_ok();
}

#[test]
fn a_second_writer_waits_then_times_out_cleanly() {
    let t = TestStore::new();
    let input = t.write("in.jsonl", &jsonl_articles(0..2, 0));
    let lock = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(t.store().join("lock"))
        .unwrap();
    lock.lock().unwrap();

    let out = add_command(&t, &input, &["--lock-timeout", "1"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("waiting for"), "{stderr}");
    assert!(
        stderr.contains("--lock-timeout") && stderr.contains("hint:"),
        "{stderr}"
    );
    assert!(t.refs().is_empty());

    // A writer that is waiting goes ahead once the lock is released.
    let child = add_command(&t, &input, &["--lock-timeout", "30"])
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    lock.unlock().unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(t.refs().len(), 2);
}

#[test]
fn a_killed_writer_does_not_block_the_next() {
    let t = TestStore::new();
    let big = t.write("big.jsonl", &jsonl_articles(0..300, 0));
    let mut child = add_command(&t, &big, &["--batch-size", "3"])
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(80));
    let _ = child.kill();
    let _ = child.wait();
    let small = t.write("small.jsonl", &jsonl_articles(500..502, 0));
    let out = add_command(&t, &small, &["--lock-timeout", "5"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    t.verify_ok();
}
