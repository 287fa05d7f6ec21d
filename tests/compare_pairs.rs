//! `claims compare --pairs`: the real binary on pairs we wrote (tests/fixtures/compare).

use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;
use std::path::Path;

const FIXTURE: &str = "tests/fixtures/compare/pairs.jsonl";
/// Claim against claim, as two articles would give them (related with `--symmetric`).
const CLAIMS_FIXTURE: &str = "tests/fixtures/compare/claims.jsonl";

fn fixture_pairs() -> Vec<serde_json::Value> {
    std::fs::read_to_string(FIXTURE)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn ids(pairs: &[serde_json::Value]) -> Vec<String> {
    pairs
        .iter()
        .map(|p| match &p["id"] {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        })
        .collect()
}

#[test]
fn jsonl_has_one_line_per_pair_in_input_order_with_the_expected_relation() {
    let out = cargo_bin_cmd!("claims")
        .args(["compare", "--pairs", FIXTURE, "--format", "jsonl"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let lines: Vec<serde_json::Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let gold = fixture_pairs();
    assert_eq!(lines.len(), gold.len());
    let got_ids: Vec<String> = lines
        .iter()
        .map(|l| l["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(got_ids, ids(&gold));
    for (line, pair) in lines.iter().zip(&gold) {
        assert_eq!(line["relation"], pair["expect"], "{line}");
        let score = line["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&score), "{line}");
        let reasons = line["reasons"].as_array().unwrap();
        assert!(!reasons.is_empty(), "{line}");
        // Only the contract's fields and the schema version (no `signals` without
        // --explain).
        let mut keys: Vec<&str> = line
            .as_object()
            .unwrap()
            .keys()
            .map(|k| k.as_str())
            .collect();
        keys.sort();
        assert_eq!(
            keys,
            ["id", "reasons", "relation", "schema", "score"],
            "{line}"
        );
        assert_eq!(line["schema"], 1);
    }
}

#[test]
fn contradictions_say_why() {
    cargo_bin_cmd!("claims")
        .args(["compare", "--pairs", FIXTURE, "--format", "jsonl"])
        .assert()
        .success()
        .stdout(predicate::str::contains("number: About 500 vs Thousands"))
        .stdout(predicate::str::contains("negation: 'has not commented'"))
        .stdout(predicate::str::contains("antonym: deepened vs reduced"))
        .stdout(predicate::str::contains("date: 2021 vs 2022"))
        .stdout(predicate::str::contains(
            "actor: Russia vs Belarus for 'invaded'",
        ))
        .stdout(predicate::str::contains(
            "hedged: b reports it without asserting it",
        ));
}

#[test]
fn json_is_one_array_and_explain_adds_signals() {
    let out = cargo_bin_cmd!("claims")
        .args([
            "compare",
            "--pairs",
            FIXTURE,
            "--format",
            "json",
            "--explain",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let items = value.as_array().unwrap();
    assert_eq!(items.len(), fixture_pairs().len());
    assert!(items[0]["signals"]["coverage"].is_number());
}

#[test]
fn table_shows_relations_and_reasons() {
    cargo_bin_cmd!("claims")
        .args(["compare", "--pairs", FIXTURE, "--format", "table"])
        .env("NO_COLOR", "1")
        .assert()
        .success()
        .stdout(predicate::str::contains("contradict"))
        .stdout(predicate::str::contains("relation"))
        // Cells wrap at the table's width: look for the start of the reason only.
        .stdout(predicate::str::contains("antonym:"));
}

#[test]
fn reads_standard_input() {
    cargo_bin_cmd!("claims")
        .args(["compare", "--pairs", "-", "--format", "jsonl"])
        .write_stdin("{\"id\":\"x\",\"a\":\"Russia invaded Ukraine.\",\"b\":\"Russia did not invade Ukraine.\"}\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("\"relation\":\"contradict\""));
}

#[test]
fn a_bad_line_is_named_and_a_file_of_bad_lines_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.jsonl");
    std::fs::write(
        &path,
        "{\"id\":\"1\",\"a\":\"x\",\"b\":\"y\"}\n\n{\"id\":\"2\",\"a\":\"x\"}\n",
    )
    .unwrap();
    cargo_bin_cmd!("claims")
        .args(["compare", "--format", "jsonl", "--pairs"])
        .arg(&path)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "bad.jsonl:3: the pair has no \"b\"",
        ));
    std::fs::write(&path, "not json\n").unwrap();
    cargo_bin_cmd!("claims")
        .args(["compare", "--pairs"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.jsonl:1: not JSON"));
}

#[test]
fn a_missing_file_exits_2() {
    cargo_bin_cmd!("claims")
        .args(["compare", "--pairs", "no/such/pairs.jsonl"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read"));
    assert!(!Path::new("no/such/pairs.jsonl").exists());
}

#[test]
fn eval_pairs_scores_a_gold_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gold.jsonl");
    let gold: String = fixture_pairs()
        .iter()
        .map(|p| {
            let mut p = p.clone();
            p["label"] = p["expect"].clone();
            format!("{p}\n")
        })
        .collect();
    std::fs::write(&path, gold).unwrap();
    cargo_bin_cmd!("claims")
        .args(["eval", "pairs"])
        .arg(&path)
        .args(["--min", "macro_f1=0.99", "--min", "contradict_p=0.99"])
        .assert()
        .success()
        .stdout(predicate::str::contains("macro_f1 1.000"));
}

#[test]
fn symmetric_relates_claims_of_two_articles() {
    let out = cargo_bin_cmd!("claims")
        .args([
            "compare",
            "--pairs",
            CLAIMS_FIXTURE,
            "--symmetric",
            "--format",
            "jsonl",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let expected: Vec<serde_json::Value> = std::fs::read_to_string(CLAIMS_FIXTURE)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let lines: Vec<serde_json::Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), expected.len());
    for (line, pair) in lines.iter().zip(&expected) {
        assert_eq!(line["relation"], pair["expect"], "{line}");
        let reason = pair["reason"].as_str().unwrap();
        let reasons = line["reasons"].as_array().unwrap();
        assert!(
            reasons
                .iter()
                .any(|r| r.as_str().unwrap().starts_with(reason)),
            "{line}: no reason starting {reason:?}"
        );
    }
}

#[test]
fn symmetric_needs_pairs() {
    cargo_bin_cmd!("claims")
        .args(["compare", "--symmetric"])
        .assert()
        .code(2);
}

#[test]
fn a_bad_or_over_long_line_costs_only_its_own_pair() {
    // As FNC-1-like input has: a body over the relating limit, a line that is not JSON,
    // a pair with no "b"; every other pair is still related and the run succeeds.
    let long = "The council met again. ".repeat(1_000);
    let lines = [
        serde_json::json!({"id": "1", "a": "The council met on Monday.", "b": long}).to_string(),
        "{not json".to_owned(),
        serde_json::json!({"id": "3", "a": "The council met."}).to_string(),
        serde_json::json!({"id": "4", "a": "The council met.", "b": "The council met."})
            .to_string(),
    ];
    let out = cargo_bin_cmd!("claims")
        .args(["compare", "--pairs", "-", "--format", "jsonl"])
        .write_stdin(lines.join("\n") + "\n")
        .assert()
        .success()
        .stderr(predicate::str::contains("-:2: not JSON"))
        .stderr(predicate::str::contains("-:3: the pair has no \"b\""))
        .stderr(predicate::str::contains("2 line(s) skipped"))
        .get_output()
        .stdout
        .clone();
    let related: Vec<serde_json::Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(ids(&related), ["1", "4"]);
    assert!(
        related[0]["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r.as_str().unwrap().starts_with("truncated: b")),
        "{}",
        related[0]
    );
    assert_eq!(related[1]["relation"], "agree");
}
