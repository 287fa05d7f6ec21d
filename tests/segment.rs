//! Sentence segmentation end to end: the real binary on the bundled seed article, and the
//! segmentation suites in `../shared/data/segment/` (skipped where that folder is absent)
//! against the floors the segmenter reached.

use assert_cmd::cargo::cargo_bin_cmd;
use std::path::{Path, PathBuf};

const SEED: &str = "examples/articles/china-north-korea.txt";

/// The sentences `claims extract --format jsonl` reports for one file, and its paragraphs.
fn extracted_sentences(path: &str) -> Vec<String> {
    let output = cargo_bin_cmd!("claims")
        .args(["extract", "--format", "jsonl", path])
        .output()
        .expect("claims runs");
    assert!(output.status.success(), "claims extract failed: {output:?}");
    let line = String::from_utf8(output.stdout).expect("UTF-8 output");
    let record: serde_json::Value = serde_json::from_str(line.trim()).expect("one JSON record");
    let text = std::fs::read_to_string(path).expect("the article");
    record["sentences"]
        .as_array()
        .expect("a sentence list")
        .iter()
        .map(|span| {
            let start = span[0].as_u64().expect("start") as usize;
            let end = span[1].as_u64().expect("end") as usize;
            text[start..end].to_owned()
        })
        .collect()
}

#[test]
fn seed_article_splits_into_its_sentences() {
    let sentences = extracted_sentences(SEED);
    // The opening of each sentence, in order.
    let openings = [
        "Earlier this month, China and North Korea reaffirmed",
        "But North Korea’s decision to send thousands of troops",
        "It will be.",
        "China is frustrated that North Korea",
        "Now North Korea is fomenting war in Europe",
        "China is trying to position itself",
        "The prospect of soldiers from China’s only treaty ally",
        "Analysts say another concern",
        "This could embolden North Korea",
        "This could reduce China’s ability to provide",
        "North Korea’s provocative actions",
        "China has likened the deal",
        "China is currently at a halfway point.",
        "While Western countries seek to isolate Russia",
        "China may not know how to rein in",
        "He teaches government and international affairs",
        "“China is caught between paralysis and incompetence",
        "They are indirectly supporting",
        "He spoke, referring to the Democratic People’s Republic",
        "“Nothing is going to be good for them",
        "Just as speculation persists",
        "Dew.",
        "China has not commented",
        "At a summit of emerging market countries",
        "The U.S. has said China could help",
        "These include the provision of dual-use technology",
        "oil.",
    ];
    assert_eq!(sentences.len(), openings.len(), "{sentences:#?}");
    for (sentence, opening) in sentences.iter().zip(openings) {
        assert!(
            sentence.starts_with(opening),
            "{sentence:?} should open with {opening:?}"
        );
    }
    // Garbled and truncated pieces are sentences of their own.
    for piece in [
        "It will be.",
        "Dew.",
        "oil.",
        "This could reduce China’s ability to provide",
    ] {
        assert!(
            sentences.iter().any(|s| s == piece),
            "{piece:?} is not a sentence"
        );
    }
    // Abbreviations and initials stay inside their sentences.
    let austin = &sentences[1];
    assert!(austin.contains("Secretary of Defense Lloyd J. Austin III, will test those bonds"));
    assert!(sentences[14].ends_with("said Victor D. Cha, a professor at the university."));
    assert!(sentences[24].starts_with("The U.S. has said"));
    assert!(sentences[24].ends_with("weapons."));
}

fn shared_segment_data() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/segment");
    dir.is_dir().then_some(dir)
}

/// `claims eval segment` on one suite must print the scorer's line and reach `floor`.
fn assert_suite_reaches(suite: &str, metric: &str, floor: f64) {
    let Some(dir) = shared_segment_data() else {
        eprintln!("skipped: ../shared/data/segment not found");
        return;
    };
    let gold = dir.join(format!("{suite}.jsonl"));
    if !gold.is_file() {
        eprintln!("skipped: {} not found", gold.display());
        return;
    }
    let output = cargo_bin_cmd!("claims")
        .args(["eval", "segment"])
        .arg(&gold)
        .args(["--min", &format!("{metric}={floor}")])
        .output()
        .expect("claims runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.starts_with("cases ")
            && stdout.contains(" exact ")
            && stdout.contains(" boundary_f1 "),
        "unexpected output: {stdout}"
    );
    assert!(
        output.status.success(),
        "{suite}: {metric} below {floor}: {stdout}"
    );
}

#[test]
fn sentencex_rule_cases_reach_their_floor() {
    assert_suite_reaches("sentencex_en", "exact", 0.95);
}

#[test]
fn pysbd_rule_cases_reach_their_floor() {
    assert_suite_reaches("pysbd_en", "exact", 0.92);
}

#[test]
fn wikinews_paragraphs_reach_their_floor() {
    assert_suite_reaches("gum_news_dev", "boundary_f1", 0.995);
}

#[test]
fn eval_segment_reports_a_bad_gold_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let gold = dir.path().join("gold.jsonl");
    std::fs::write(&gold, "{\"id\": \"a\", \"text\": \"Hi. There.\", \"expected\": [\"Hi.\", \"There.\"]}\nnot json\n")
        .expect("write");
    let output = cargo_bin_cmd!("claims")
        .args(["eval", "segment"])
        .arg(&gold)
        .output()
        .expect("claims runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("gold.jsonl:2"),
        "names the bad line: {stderr}"
    );
}

#[test]
fn eval_segment_scores_our_own_gold_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let gold = dir.path().join("gold.jsonl");
    let records = [
        r#"{"id": "1", "text": "Sen. Ruiz spoke. The vote failed.", "expected": ["Sen. Ruiz spoke.", "The vote failed."]}"#,
        r#"{"id": "2", "text": "It rained.\nRoads closed", "expected": ["It rained.", "Roads closed"]}"#,
        r#"{"id": "3", "text": "One. Two.", "expected": ["One. Two."]}"#,
    ];
    std::fs::write(&gold, records.join("\n")).expect("write");
    let output = cargo_bin_cmd!("claims")
        .args(["eval", "segment"])
        .arg(&gold)
        .args(["--min", "passed=2"])
        .output()
        .expect("claims runs");
    assert!(output.status.success(), "{output:?}");
    // Record 3 is split in two: ends 4 and 8 predicted, 8 expected.
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "cases 3 passed 2 exact 0.667 boundary_f1 0.909\n"
    );
    let output = cargo_bin_cmd!("claims")
        .args(["eval", "segment", "--show-failures"])
        .arg(&gold)
        .output()
        .expect("claims runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.starts_with("--- 3\n  want [\"One. Two.\"]\n  got  [\"One.\", \"Two.\"]\n"),
        "{stdout}"
    );
    assert!(
        !stdout.contains("--- 1"),
        "only failing cases are listed: {stdout}"
    );
}
