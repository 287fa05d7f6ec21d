//! `claims compare [ARTICLE...]`, `--unsourced` and `--against FILE` on temporary stores:
//! every output format, the error cases, and the help text.

mod common;

use common::{TestStore, bare_cmd};
use predicates::prelude::*;
use serde_json::Value;

/// A store holding the repository's example articles (our own texts).
fn example_store() -> TestStore {
    let store = TestStore::new();
    let articles = std::env::current_dir()
        .expect("the repository")
        .join("examples/articles");
    store
        .cmd()
        .arg("add")
        .arg(articles.join("china-north-korea.txt"))
        .args(["--published", "2024-10-25"])
        .assert()
        .success();
    store
        .cmd()
        .arg("add")
        .arg(articles.join("seoul-troops-estimate.md"))
        .arg(articles.join("beijing-ties-analysis.md"))
        .assert()
        .success();
    store
}

fn stdout(store: &TestStore, args: &[&str]) -> String {
    let out = store.cmd().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn json(store: &TestStore, args: &[&str]) -> Value {
    serde_json::from_str(&stdout(store, args)).expect("JSON")
}

/// A minimal RFC 4180 reader: fields, quoted fields with doubled quotes and line breaks.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

#[test]
fn json_has_articles_matches_rows_and_stats() {
    let store = example_store();
    let v = json(&store, &["compare", "--format", "json"]);
    let articles = v["articles"].as_array().expect("articles");
    assert_eq!(articles.len(), 3);
    for key in [
        "claims",
        "sourced",
        "unsourced",
        "vague",
        "agreements",
        "contradictions",
    ] {
        assert!(articles[0][key].is_u64(), "{key}");
    }
    let matches = v["matches"].as_array().expect("matches");
    assert!(!matches.is_empty());
    for m in matches {
        let relation = m["relation"].as_str().expect("relation");
        assert!(relation == "agree" || relation == "contradict", "{m}");
        assert!(m["score"].is_f64() || m["score"].is_u64(), "{m}");
        assert!(!m["reasons"].as_array().expect("reasons").is_empty());
        for c in m["claims"].as_array().expect("claims") {
            assert!(c["article"].is_string() && c["text"].is_string(), "{c}");
            assert_eq!(c["id"].as_str().map(str::len), Some(64), "{c}");
            assert!(c.get("source").is_some(), "{c}");
        }
    }
    assert!(v["rows"].as_array().is_some_and(|r| !r.is_empty()));
    assert_eq!(v["stats"]["articles"], 3);
    assert!(v.get("unsourced").is_none(), "only with --unsourced");
}

#[test]
fn jsonl_gives_each_object_a_type() {
    let store = example_store();
    let text = stdout(&store, &["compare", "--format", "jsonl"]);
    let types: Vec<String> = text
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("a JSON line");
            v["type"].as_str().expect("type").to_owned()
        })
        .collect();
    for t in ["article", "match", "row", "stats"] {
        assert!(types.iter().any(|x| x == t), "{t} in {types:?}");
    }
    assert_eq!(types.last().map(String::as_str), Some("stats"));
    assert_eq!(types.iter().filter(|t| *t == "article").count(), 3);
}

#[test]
fn table_has_a_column_per_article_and_a_summary() {
    let store = example_store();
    let text = stdout(&store, &["compare", "--format", "table"]);
    assert!(text.contains("Claims matched across articles"), "{text}");
    for name in ["china-north-korea", "seoul-troops", "beijing-ties"] {
        assert!(text.contains(name), "{name}: {text}");
    }
    assert!(
        text.contains("contradiction") && text.contains("agrees"),
        "{text}"
    );
    assert!(
        text.contains("Articles") && text.contains("unsourced"),
        "{text}"
    );
    assert!(!text.contains('\u{1b}'), "no colour off a terminal");
}

#[test]
fn markdown_is_pipe_tables_under_headings() {
    let store = example_store();
    let text = stdout(&store, &["compare", "--format", "markdown", "--unsourced"]);
    assert!(text.contains("## Claims matched across articles"), "{text}");
    assert!(text.contains("## Articles") && text.contains("## Statements no article attributes"));
    let table_lines: Vec<&str> = text.lines().filter(|l| l.starts_with('|')).collect();
    assert!(table_lines.len() > 6, "{text}");
    // Every line of a table has as many cells as its header.
    let mut columns = None;
    for line in text.lines() {
        if !line.starts_with('|') {
            columns = None;
            continue;
        }
        let cells = line.replace("\\|", "").matches('|').count();
        match columns {
            None => columns = Some(cells),
            Some(n) => assert_eq!(n, cells, "{line}"),
        }
    }
    assert!(!text.contains("┆"), "no box drawing in Markdown");
}

#[test]
fn csv_is_one_line_per_claim_and_article() {
    let store = example_store();
    let text = stdout(&store, &["compare", "--format", "csv", "--unsourced"]);
    let rows = parse_csv(&text);
    let header = &rows[0];
    assert_eq!(header[0], "row");
    assert!(header.contains(&"stands".to_owned()) && header.contains(&"reasons".to_owned()));
    assert!(rows.len() > 3);
    for r in &rows {
        assert_eq!(r.len(), header.len(), "{r:?}");
    }
    let stands: Vec<&str> = rows[1..].iter().map(|r| r[5].as_str()).collect();
    assert!(stands.contains(&"contradicts") && stands.contains(&"agrees"));
    assert!(stands.contains(&"unsourced"));
    // The seed's curly quotes and commas survive quoting.
    assert!(
        rows.iter().any(|r| r[7].contains(',')),
        "a text with a comma"
    );
}

#[test]
fn unsourced_lists_statements_nobody_is_quoted_for() {
    let store = example_store();
    let v = json(&store, &["compare", "--format", "json", "--unsourced"]);
    let unsourced = v["unsourced"].as_array().expect("unsourced");
    assert!(!unsourced.is_empty());
    // None of them is attributed in any article.
    let attributed: Vec<String> = store
        .jsonl(&["list"])
        .iter()
        .filter(|c| !c["source"].is_null())
        .filter_map(|c| c["id"].as_str().map(str::to_owned))
        .collect();
    for u in unsourced {
        let id = u["id"].as_str().expect("id");
        assert!(!attributed.iter().any(|a| a == id), "{u}");
        assert!(!u["articles"].as_array().expect("articles").is_empty());
    }
}

#[test]
fn named_articles_are_compared_in_the_order_given() {
    let store = example_store();
    let v = json(
        &store,
        &[
            "compare",
            "--format",
            "json",
            "beijing-ties-analysis",
            "china-north-korea",
        ],
    );
    let names: Vec<&str> = v["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .filter_map(|a| a["article"].as_str())
        .collect();
    assert_eq!(names, ["beijing-ties-analysis", "china-north-korea"]);
    for m in v["matches"].as_array().expect("matches") {
        for c in m["claims"].as_array().expect("claims") {
            assert_ne!(c["article"], "seoul-troops-estimate");
        }
    }
}

#[test]
fn against_a_new_article_says_what_the_store_knows() {
    let store = example_store();
    let draft = store.write(
        "draft.md",
        "+++\ntitle = \"A draft\"\n+++\n\
         Western countries seek to isolate Russia.\n\n\
         China has reduced trade and diplomatic ties with Moscow since Russia invaded Ukraine in 2022, officials said.\n\n\
         A comet will pass close to the Earth next spring, astronomers said.\n",
    );
    let v = json(
        &store,
        &[
            "compare",
            "--against",
            draft.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(v["article"]["title"], "A draft");
    assert!(v["left_out"].is_null());
    let claims = v["claims"].as_array().expect("claims");
    let by_text = |needle: &str| {
        claims
            .iter()
            .find(|c| c["text"].as_str().is_some_and(|t| t.contains(needle)))
            .unwrap_or_else(|| panic!("{needle} in {claims:#?}"))
    };
    let known = by_text("Western countries seek to isolate Russia");
    assert_eq!(known["standing"], "known");
    assert_eq!(known["known"].as_array().map(Vec::len), Some(2));
    let against = by_text("China has reduced trade");
    assert_eq!(against["standing"], "contradicted", "{against:#}");
    let m = &against["matches"][0];
    assert_eq!(m["relation"], "contradict");
    assert_eq!(m["claim"]["article"], "china-north-korea");
    assert!(
        m["reasons"][0]
            .as_str()
            .is_some_and(|r| r.starts_with("antonym"))
    );
    assert_eq!(by_text("comet")["standing"], "new");
    let summary = &v["summary"];
    assert_eq!(summary["articles"], 3);
    assert_eq!(summary["claims"].as_u64(), Some(claims.len() as u64));
}

#[test]
fn against_reads_standard_input_and_leaves_out_its_own_earlier_version() {
    let store = example_store();
    let text = std::fs::read_to_string("examples/articles/seoul-troops-estimate.md").unwrap();
    // From standard input the article has a name only through its front matter.
    let named = text.replacen("+++\n", "+++\nid = \"seoul-troops-estimate\"\n", 1);
    let out = store
        .cmd()
        .args(["compare", "--against", "-", "--format", "jsonl"])
        .write_stdin(named)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    let summary = lines.last().expect("a summary");
    assert_eq!(summary["type"], "summary");
    assert_eq!(summary["articles"], 2, "its stored version is left out");
    assert!(
        lines[..lines.len() - 1]
            .iter()
            .all(|l| l["type"] == "claim")
    );
    let contradicted = lines
        .iter()
        .filter(|l| l["standing"] == "contradicted")
        .count();
    assert!(
        contradicted >= 1,
        "about 500 soldiers vs thousands of troops"
    );
    for format in ["table", "markdown", "csv", "json"] {
        store
            .cmd()
            .args(["compare", "--against", "-", "--format", format])
            .write_stdin(text.clone())
            .assert()
            .success()
            .stdout(predicate::str::contains("about 500"));
    }
}

#[test]
fn a_missing_store_is_exit_2_with_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    bare_cmd(dir.path())
        .args(["compare"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error:").and(predicate::str::contains("hint:")));
    bare_cmd(dir.path())
        .args(["--store", "nowhere", "compare"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("claims init"));
}

#[test]
fn unknown_article_and_other_misuse_are_exit_2() {
    let store = example_store();
    store
        .cmd()
        .args(["compare", "china-north-korea", "no-such-article"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-article").and(predicate::str::contains("hint:")));
    store
        .cmd()
        .args(["compare", "china-north-korea"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("two articles"));
    store
        .cmd()
        .args(["compare", "--against", "missing.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.md"));
    store
        .cmd()
        .args(["compare", "--explain"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--pairs"));
    store
        .cmd()
        .args(["compare", "--against", "x.md", "china-north-korea"])
        .assert()
        .code(2);
}

#[test]
fn an_empty_store_compares_to_nothing() {
    let store = TestStore::new();
    store
        .cmd()
        .args(["compare", "--format", "table"])
        .assert()
        .success()
        .stdout(predicate::str::contains("no claim of one article matches"));
    let v = json(&store, &["compare", "--format", "json"]);
    assert_eq!(v["matches"].as_array().map(Vec::len), Some(0));
}

#[test]
fn help_explains_the_output() {
    cargo_help()
        .stdout(predicate::str::contains("agrees, contradicts or absent"))
        .stdout(predicate::str::contains("--against"))
        .stdout(predicate::str::contains("--unsourced"))
        .stdout(predicate::str::contains("markdown"))
        .stdout(predicate::str::contains("Exit codes"));
}

fn cargo_help() -> assert_cmd::assert::Assert {
    assert_cmd::cargo::cargo_bin_cmd!("claims")
        .args(["compare", "--help"])
        .assert()
        .success()
}

#[test]
fn pairs_mode_still_works_and_prints_markdown_and_csv() {
    let pairs =
        "{\"id\": \"1\", \"a\": \"China has not commented.\", \"b\": \"China has commented.\"}\n";
    for (format, needle) in [("markdown", "| 1 "), ("csv", "1,contradict")] {
        assert_cmd::cargo::cargo_bin_cmd!("claims")
            .args(["compare", "--pairs", "-", "--format", format])
            .write_stdin(pairs)
            .assert()
            .success()
            .stdout(predicate::str::contains(needle));
    }
}

#[test]
fn many_articles_list_only_those_carrying_a_claim_and_one_row_per_shared_claim() {
    let store = TestStore::new();
    let input = store.write("gen.jsonl", &common::jsonl_articles(0..6, 0));
    store
        .cmd()
        .args(["add", "--input-format", "jsonl"])
        .arg(&input)
        .assert()
        .success();
    let table = stdout(&store, &["compare", "--format", "table"]);
    let header = table.lines().nth(2).unwrap_or_default();
    assert!(
        header.contains("article") && header.contains("stands"),
        "more than four articles: one line per article carrying the claim\n{table}"
    );
    assert!(!header.contains("gen-0000"), "{table}");
    // "Analysts say the decision reflects pressure ..." is in all six: one row.
    let v = json(&store, &["compare", "--format", "json"]);
    let rows = v["rows"].as_array().expect("rows");
    let shared = rows
        .iter()
        .find(|r| {
            r["claim"]["text"]
                .as_str()
                .is_some_and(|t| t.contains("pressure from neighbouring"))
        })
        .expect("the shared claim's row");
    assert_eq!(shared["relation"], "agreement");
    assert_eq!(
        shared["articles"].as_array().map(Vec::len),
        Some(6),
        "{shared:#}"
    );
    assert_eq!(shared["reasons"][0], "same claim");
    let same: Vec<&Value> = v["matches"]
        .as_array()
        .expect("matches")
        .iter()
        .filter(|m| {
            m["claims"][0]["text"]
                .as_str()
                .is_some_and(|t| t.contains("pressure from neighbouring"))
        })
        .collect();
    assert_eq!(
        same.len(),
        1,
        "one match listing every article, not 15 pairs"
    );
    assert_eq!(same[0]["claims"].as_array().map(Vec::len), Some(6));
}
