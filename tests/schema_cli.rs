//! Every JSON document and JSON Lines record a command prints carries the `schema`
//! version, and the shared scorers (`../shared/eval`, FORMAT.md) still read the output.

mod common;

use common::TestStore;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

const SCHEMA: u64 = 1;

fn store() -> TestStore {
    let t = TestStore::new();
    for (name, text) in [
        (
            "harbour",
            "Mayor Ana Ruiz said the harbour would reopen in June. Ferries stopped in May.",
        ),
        (
            "harbour-two",
            "Mayor Ana Ruiz said the harbour would reopen in July. Ferries stopped in May.",
        ),
    ] {
        let path = t.write(&format!("{name}.md"), text);
        t.cmd()
            .args(["add", "--article", name, "--published", "2022-01-02"])
            .arg(&path)
            .assert()
            .success();
    }
    t
}

/// Each object of a JSON document (or of each element of a top-level array) or of each
/// JSON line.
fn documents(stdout: &[u8], lines: bool) -> Vec<Value> {
    let text = String::from_utf8_lossy(stdout);
    if lines {
        return text
            .lines()
            .map(|l| serde_json::from_str(l).expect("a JSON line"))
            .collect();
    }
    match serde_json::from_str::<Value>(&text).expect("one JSON document") {
        Value::Array(items) => items,
        other => vec![other],
    }
}

#[test]
fn every_json_output_says_its_schema() {
    let t = store();
    let draft = t.write(
        "draft.md",
        "Officials said the harbour would reopen in June.",
    );
    let pairs = t.write(
        "pairs.jsonl",
        "{\"id\":\"p1\",\"a\":\"The harbour reopens in June.\",\"b\":\"The harbour reopens in July.\"}\n",
    );
    let id = t.jsonl(&["list"])[0]["id"].as_str().unwrap()[..8].to_owned();
    t.cmd()
        .args([
            "rate",
            &id,
            "--verdict",
            "False",
            "--note",
            "n",
            "--by",
            "me",
        ])
        .assert()
        .success();
    let draft = draft.to_str().unwrap();
    let pairs = pairs.to_str().unwrap();
    let commands: &[&[&str]] = &[
        &["list"],
        &["list", "--rated"],
        &["articles"],
        &["sources"],
        &["history", "harbour"],
        &["show", &id],
        &["diff", "harbour"],
        &["compare"],
        &["compare", "--against", draft],
        &["compare", "--pairs", pairs],
        &["extract", draft],
        &[
            "rate",
            &id,
            "--verdict",
            "True",
            "--note",
            "n",
            "--by",
            "me",
        ],
    ];
    for args in commands {
        for format in ["json", "jsonl"] {
            let out = t
                .cmd()
                .args(*args)
                .args(["--format", format])
                .output()
                .unwrap();
            assert!(out.status.success(), "{args:?} {format}");
            let docs = documents(&out.stdout, format == "jsonl");
            assert!(!docs.is_empty(), "{args:?} {format}");
            for d in docs {
                assert_eq!(d["schema"], SCHEMA, "{args:?} {format}: {d}");
            }
        }
    }
    // Commands with a JSON format only, `export` (JSON Lines) and `add`.
    let json_only: &[&[&str]] = &[
        &["verify", "--format", "json"],
        &["audit", "--format", "json", draft],
        &["export"],
    ];
    for args in json_only {
        let out = t.cmd().args(*args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        let lines = !args.contains(&"json");
        for d in documents(&out.stdout, lines) {
            assert_eq!(d["schema"], SCHEMA, "{args:?}: {d}");
        }
    }
    let more = t.write("more.md", "The council said ferries would resume.");
    let out = t
        .cmd()
        .args(["add", "--format", "jsonl"])
        .arg(&more)
        .output()
        .unwrap();
    assert!(out.status.success());
    for d in documents(&out.stdout, true) {
        assert_eq!(d["schema"], SCHEMA, "add: {d}");
    }
}

fn scorer(name: &str) -> Option<std::path::PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/eval")
        .join(name);
    let python = Command::new("python3").arg("--version").output().is_ok();
    if path.is_file() && python {
        Some(path)
    } else {
        eprintln!("skipped: {} or python3 is missing", path.display());
        None
    }
}

fn run_scorer(script: &Path, gold: &Path, pred: &Path, min: &str) -> String {
    let out = Command::new("python3")
        .arg(script)
        .arg(gold)
        .arg(pred)
        .args(["--min", min])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{} failed: {stdout}{}",
        script.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

fn claims_to(t: &TestStore, args: &[&str], pred: &Path) {
    let out = t.cmd().args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}");
    std::fs::write(pred, &out.stdout).unwrap();
}

#[test]
fn the_shared_scorers_read_the_versioned_output() {
    let t = TestStore::new();
    if let Some(script) = scorer("score_segment.py") {
        let gold = t.write(
            "seg.jsonl",
            "{\"id\":\"s1\",\"text\":\"The ferry left at noon. It came back late.\",\"expected\":[\"The ferry left at noon.\",\"It came back late.\"]}\n",
        );
        let pred = t.path().join("seg-pred.jsonl");
        let g = gold.to_str().unwrap();
        claims_to(
            &t,
            &["extract", "--input-format", "jsonl", "--format", "jsonl", g],
            &pred,
        );
        let report = run_scorer(&script, &gold, &pred, "exact=1.0");
        assert!(report.contains("passed 1"), "{report}");
    }
    if let Some(script) = scorer("score_attribution.py") {
        let text = "Mayor Ana Ruiz said the harbour would reopen in June.";
        let gold = t.write(
            "attr.jsonl",
            &format!(
                "{}\n",
                serde_json::json!({
                    "id": "a1",
                    "text": text,
                    "attributions": [{
                        "content_span": [20, 52],
                        "source_span": [6, 14],
                        "source_fragments": [[6, 14]],
                        "cue": "said",
                    }],
                })
            ),
        );
        let pred = t.path().join("attr-pred.jsonl");
        let g = gold.to_str().unwrap();
        claims_to(
            &t,
            &["extract", "--input-format", "jsonl", "--format", "jsonl", g],
            &pred,
        );
        run_scorer(&script, &gold, &pred, "source_r=1.0");
    }
    if let Some(script) = scorer("score_pairs.py") {
        let gold = t.write(
            "pairs.jsonl",
            "{\"id\":\"p1\",\"a\":\"The harbour reopened in June.\",\"b\":\"The harbour did not reopen in June.\",\"label\":\"contradict\"}\n",
        );
        let pred = t.path().join("pairs-pred.jsonl");
        let g = gold.to_str().unwrap();
        claims_to(&t, &["compare", "--pairs", g, "--format", "jsonl"], &pred);
        let lines = std::fs::read_to_string(&pred).unwrap();
        assert!(lines.contains("\"schema\":1"), "{lines}");
        run_scorer(&script, &gold, &pred, "accuracy=1.0");
    }
}
