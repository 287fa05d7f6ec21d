//! JSON Lines field mapping through the real binary: a corpus laid out as BASIL is (one
//! record per outlet of an event: `event_id`, `outlet`, `date`, `title`, `text`) goes in
//! as it is. The records here are our own.

mod common;

use common::TestStore;
use predicates::prelude::*;

const EVENTS: &str = concat!(
    r#"{"event_id":"ev-1","outlet":"Harbour Post","date":"2019-04-02","title":"Port reopens","text":"Port director Lena Ortiz said the port would reopen on Monday."}"#,
    "\n",
    r#"{"event_id":"ev-1","outlet":"Daily Ledger","date":"2019-04-03","title":"Port stays shut","text":"Port director Lena Ortiz said the port would stay shut until May."}"#,
    "\n",
    r#"{"event_id":"ev-2","outlet":"Harbour Post","date":"2019-05-01","title":"Ferries","text":"The ferry company said crossings would resume.","section":"local"}"#,
    "\n",
);

#[test]
fn a_corpus_goes_in_with_its_own_field_names() {
    let t = TestStore::new();
    let input = t.write("events.jsonl", EVENTS);
    // Without the mapping: the record has no "id", and the error names its fields.
    t.cmd()
        .args(["add", "--input-format", "jsonl"])
        .arg(&input)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no \"id\" field"))
        .stderr(predicate::str::contains("event_id"))
        .stderr(predicate::str::contains("--id-field"));
    // One event reported by two outlets: the event id alone names two records alike.
    let other = TestStore::new();
    other
        .cmd()
        .args(["add", "--input-format", "jsonl", "--id-field", "event_id"])
        .arg(&input)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ev-1"));
    let out = t
        .cmd()
        .args(["add", "--input-format", "jsonl", "--format", "jsonl"])
        .args(["--id-field", "event_id,outlet", "--date-field", "date"])
        .arg(&input)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = t.jsonl(&["articles"]);
    let mut names: Vec<&str> = rows
        .iter()
        .map(|r| r["article"].as_str().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "ev-1-daily-ledger",
            "ev-1-harbour-post",
            "ev-2-harbour-post"
        ]
    );
    let ledger = rows
        .iter()
        .find(|r| r["article"] == "ev-1-daily-ledger")
        .unwrap();
    assert_eq!(ledger["outlet"], "Daily Ledger");
    assert_eq!(ledger["published"], "2019-04-03");
    assert_eq!(ledger["title"], "Port stays shut");
    // The mapped date filters like any other.
    assert_eq!(t.jsonl(&["articles", "--since", "2019-04-03"]).len(), 2);
}

#[test]
fn extract_maps_text_and_title_fields_too() {
    let t = TestStore::new();
    let input = t.write(
        "renamed.jsonl",
        r#"{"doc":7,"body":"Officials said the bridge was safe.","headline":"Bridge","when":"2020-01-01"}"#,
    );
    let out = t
        .cmd()
        .args(["extract", "--input-format", "jsonl", "--format", "jsonl"])
        .args(["--id-field", "doc", "--text-field", "body"])
        .args(["--title-field", "headline", "--date-field", "when"])
        .arg(&input)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(line["id"], "7");
    assert!(!line["claims"].as_array().unwrap().is_empty());
    // A misspelt field is named, with the record's fields.
    t.cmd()
        .args([
            "extract",
            "--input-format",
            "jsonl",
            "--id-field",
            "doc",
            "--text-field",
            "bodyy",
        ])
        .arg(&input)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no \"bodyy\" field"))
        .stderr(predicate::str::contains("body, doc, headline, when"));
    // Field flags mean nothing for text input.
    let story = t.write("story.md", "The mayor said so.");
    t.cmd()
        .args(["extract", "--id-field", "doc"])
        .arg(&story)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("JSON Lines input only"));
    t.cmd()
        .args(["add", "--input-format", "jsonl", "--text-field", " "])
        .arg(&input)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("names no field"));
    for sub in ["add", "extract"] {
        t.cmd()
            .args([sub, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("EXAMPLES:"))
            .stdout(predicate::str::contains("--id-field"));
    }
}
