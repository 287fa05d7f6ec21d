//! The fact-checker's workflow through the real binary: completions and the manual page,
//! `articles`, loose source and outlet filters, editing `sources.toml`, compare filters.

mod common;

use common::{TestStore, bare_cmd};
use predicates::prelude::*;

#[test]
fn completions_for_every_shell_name_the_subcommands() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = bare_cmd(dir.path())
            .args(["completions", shell])
            .output()
            .unwrap();
        assert!(out.status.success(), "{shell}");
        let text = String::from_utf8(out.stdout).unwrap();
        for sub in ["compare", "audit", "articles", "completions"] {
            assert!(text.contains(sub), "{shell} completions lack {sub}");
        }
    }
    bare_cmd(dir.path())
        .args(["completions", "tcsh"])
        .assert()
        .code(2);
}

#[test]
fn man_page_from_the_clap_definition() {
    let dir = tempfile::tempdir().unwrap();
    bare_cmd(dir.path())
        .arg("man")
        .assert()
        .success()
        .stdout(predicate::str::contains(".TH claims 1"))
        .stdout(predicate::str::contains("compare"));
    bare_cmd(dir.path())
        .args(["man", "compare"])
        .assert()
        .success()
        .stdout(predicate::str::contains(".TH claims-compare 1"))
        .stdout(predicate::str::contains("\\-\\-against"));
    bare_cmd(dir.path())
        .args(["man", "compar"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "did you mean `claims man compare`",
        ));
    let pages = dir.path().join("man1");
    std::fs::create_dir(&pages).unwrap();
    bare_cmd(dir.path())
        .args(["man", "--dir"])
        .arg(&pages)
        .assert()
        .success();
    assert!(pages.join("claims.1").is_file());
    assert!(pages.join("claims-audit.1").is_file());
}

#[test]
fn help_has_examples_for_the_new_commands() {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["completions", "man"] {
        bare_cmd(dir.path())
            .args([sub, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("EXAMPLES:"));
    }
    let _ = TestStore::new;
}

/// A store with three articles from three outlets, quoting John Boehner under several
/// spellings.
fn newsroom() -> TestStore {
    let t = TestStore::new();
    let articles = [
        (
            "fox-budget",
            "Fox News",
            "2015-03-02",
            "House Speaker John Boehner said the budget vote would happen on Friday. \
             \"We will pass it,\" Boehner said. The plan cuts spending by $5 billion, \
             according to the Congressional Budget Office.",
        ),
        (
            "foxbiz-budget",
            "Fox Business",
            "2015-03-03",
            "John Boehner told reporters the budget vote was delayed to Monday. \
             Analysts say markets barely moved.",
        ),
        (
            "times-budget",
            "The Daily Times",
            "2015-03-04",
            "Speaker John Boehner said the budget vote would happen on Friday. \
             The White House said it would veto the plan.",
        ),
    ];
    for (name, outlet, date, text) in articles {
        let path = t.write(&format!("{name}.md"), text);
        t.cmd()
            .args([
                "add",
                "--article",
                name,
                "--outlet",
                outlet,
                "--published",
                date,
            ])
            .arg(&path)
            .assert()
            .success();
    }
    t
}

#[test]
fn articles_lists_every_article_in_every_format() {
    let t = newsroom();
    let rows = t.jsonl(&["articles"]);
    let names: Vec<&str> = rows
        .iter()
        .map(|r| r["article"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["fox-budget", "foxbiz-budget", "times-budget"]);
    for r in &rows {
        assert_eq!(r["versions"], 1);
        assert!(r["claims"].as_u64().unwrap() > 0);
        assert!(r["outlet"].is_string() && r["published"].is_string());
        assert_eq!(
            r["sourced"].as_u64().unwrap() + r["unsourced"].as_u64().unwrap(),
            r["claims"].as_u64().unwrap()
        );
    }
    let json: serde_json::Value = serde_json::from_slice(
        &t.cmd()
            .args(["articles", "--format", "json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(json.as_array().unwrap().len(), 3);
    t.cmd()
        .args(["articles", "--format", "table"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Fox Business"))
        .stdout(predicate::str::contains("3 article(s)"));
    // A second version is counted.
    let path = t.write(
        "again.md",
        "John Boehner said the budget vote was moved to Tuesday.",
    );
    t.cmd()
        .args(["add", "--article", "fox-budget", "--outlet", "Fox News"])
        .arg(&path)
        .assert()
        .success();
    let rows = t.jsonl(&["articles", "--since", "2015-03-03"]);
    assert_eq!(rows.len(), 2);
    let fox = t.jsonl(&["articles", "--outlet", "FOX"]);
    assert_eq!(fox.len(), 2);
    assert_eq!(
        t.jsonl(&["articles", "--outlet", "fox news"])[0]["versions"],
        2
    );
    t.cmd()
        .args(["articles", "--help"])
        .assert()
        .stdout(predicate::str::contains("EXAMPLES:"));
}

#[test]
fn source_and_outlet_match_any_part_of_a_name() {
    let t = newsroom();
    let out = t
        .cmd()
        .args(["list", "--source", "boehner", "--format", "jsonl"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let articles: std::collections::BTreeSet<&str> = rows
        .iter()
        .map(|r| r["article"].as_str().unwrap())
        .collect();
    assert_eq!(articles.len(), 3, "{rows:?}");
    assert!(rows.iter().all(|r| r["source"]["name"] == "John Boehner"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("matches: John Boehner"));
    // Part of a name, any case.
    assert_eq!(t.jsonl(&["list", "--source", "BOEH"]).len(), rows.len());

    let out = t
        .cmd()
        .args(["list", "--outlet", "fox", "--format", "jsonl"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("Fox Business") && stderr.contains("Fox News"),
        "{stderr}"
    );
    let outlets: std::collections::BTreeSet<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["outlet"].to_string())
        .collect();
    assert_eq!(outlets.len(), 2);
    // An exact name wins over a part: "fox news" is one outlet.
    assert!(
        t.jsonl(&["list", "--outlet", "FOX NEWS"])
            .iter()
            .all(|r| r["outlet"] == "Fox News")
    );
}

#[test]
fn did_you_mean_on_unknown_article_source_and_outlet() {
    let t = newsroom();
    for (args, hint) in [
        (
            &["list", "--source", "bohener"][..],
            "did you mean \"John Boehner\"",
        ),
        (
            &["list", "--outlet", "fxo news"][..],
            "did you mean \"Fox News\"",
        ),
        (
            &["list", "--article", "fox-budgte"][..],
            "did you mean \"fox-budget\"",
        ),
        (
            &["history", "times-budgt"][..],
            "did you mean \"times-budget\"",
        ),
        (
            &["diff", "times-budgt"][..],
            "did you mean \"times-budget\"",
        ),
        (
            &["compare", "fox-budget", "times-budgt"][..],
            "did you mean \"times-budget\"",
        ),
        (
            &["articles", "--outlet", "daily timse"][..],
            "did you mean \"The Daily Times\"",
        ),
    ] {
        t.cmd()
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(hint));
    }
    t.cmd()
        .args(["list", "--source", "zzzz"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no source matches \"zzzz\""));
}

#[test]
fn sources_merge_and_alias_write_sources_toml() {
    let t = newsroom();
    let file = t.store().join("sources.toml");
    // A hand-written entry with a comment, which edits elsewhere keep as written.
    let mut text = std::fs::read_to_string(&file).unwrap();
    text.push_str("\n[[source]]\n# checked with the CBO's press office\nname = \"Congressional Budget Office\"\naliases = [\"CBO\"]\n");
    std::fs::write(&file, &text).unwrap();

    t.cmd()
        .args(["sources", "alias", "boehner", "the Speaker"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "\"the Speaker\" is now an alias of \"John Boehner\"",
        ));
    let after = std::fs::read_to_string(&file).unwrap();
    assert!(after.contains("# checked with the CBO's press office"));
    assert!(after.contains("name = \"John Boehner\""));
    assert!(after.contains("\"the Speaker\""));
    // Again: nothing to change, nothing written.
    t.cmd()
        .args(["sources", "alias", "John Boehner", "THE SPEAKER"])
        .assert()
        .success()
        .stdout(predicate::str::contains("nothing to change"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), after);

    // Merge: the White House's claims become John Boehner's (a test, not politics).
    let before = t.jsonl(&["list", "--source", "john boehner"]).len();
    let white_house = t.jsonl(&["list", "--source", "white house"]).len();
    assert!(white_house > 0);
    t.cmd()
        .args(["sources", "merge", "John Boehner", "White House"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "merged \"White House\" into \"John Boehner\"",
        ));
    assert_eq!(
        t.jsonl(&["list", "--source", "john boehner"]).len(),
        before + white_house
    );
    let sources = t.jsonl(&["sources"]);
    assert!(!sources.iter().any(|s| s["name"] == "White House"));
    let boehner = sources
        .iter()
        .find(|s| s["name"] == "John Boehner")
        .unwrap();
    assert_eq!(boehner["edited"], true);
    t.verify_ok();

    // A name already another source's is refused, and the file is left as it was.
    let kept = std::fs::read_to_string(&file).unwrap();
    t.cmd()
        .args(["sources", "alias", "boehner", "CBO"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not written"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), kept);
    t.cmd()
        .args(["sources", "merge", "bohener", "analysts"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean \"John Boehner\""));
    for sub in ["merge", "alias"] {
        t.cmd()
            .args(["sources", sub, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("EXAMPLES:"));
    }
    // No temporary file is left behind.
    let leftovers: Vec<_> = std::fs::read_dir(t.store())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

/// A temporary store of the three example articles (as examples/build-store.sh builds it).
fn examples() -> TestStore {
    let t = TestStore::new();
    let articles = std::env::current_dir().unwrap().join("examples/articles");
    t.cmd()
        .arg("add")
        .arg(articles.join("china-north-korea.txt"))
        .args(["--published", "2024-10-25", "--outlet", "Seed article"])
        .assert()
        .success();
    for name in ["seoul-troops-estimate.md", "beijing-ties-analysis.md"] {
        t.cmd()
            .arg("add")
            .arg(articles.join(name))
            .assert()
            .success();
    }
    t
}

fn compare_json(t: &TestStore, args: &[&str]) -> serde_json::Value {
    let out = t
        .cmd()
        .arg("compare")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The two counts of the table's last line: "N contradiction(s) and M agreement(s)".
fn summary_counts(t: &TestStore, args: &[&str]) -> (u64, u64) {
    let out = t
        .cmd()
        .arg("compare")
        .args(args)
        .args(["--format", "table"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let last = text.lines().last().unwrap().to_owned();
    let words: Vec<&str> = last.split_whitespace().collect();
    let at = |label: &str| -> u64 {
        let i = words.iter().position(|w| w.starts_with(label)).unwrap();
        words[i - 1].parse().unwrap()
    };
    (at("contradiction(s)"), at("agreement(s)"))
}

#[test]
fn compare_filters_and_the_summary_line_counts_what_stats_count() {
    let t = examples();
    let all = compare_json(&t, &[]);
    let rows = all["rows"].as_array().unwrap();
    let contradictions = rows
        .iter()
        .filter(|r| r["relation"] == "contradiction")
        .count();
    assert!(contradictions >= 4, "{rows:?}");
    let stats = &all["stats"];
    assert_eq!(stats["contradiction_rows"], contradictions);
    assert_eq!(stats["agreement_rows"], rows.len() - contradictions);
    // The existing stats fields are still there.
    for field in [
        "articles",
        "claims",
        "distinct_claims",
        "agreements",
        "contradictions",
    ] {
        assert!(stats[field].is_u64(), "{field}");
    }
    assert_eq!(
        summary_counts(&t, &[]),
        (
            stats["contradiction_rows"].as_u64().unwrap(),
            stats["agreement_rows"].as_u64().unwrap()
        )
    );

    let only = compare_json(&t, &["--only", "contradictions"]);
    assert!(
        only["rows"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["relation"] == "contradiction")
    );
    assert!(
        only["matches"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["relation"] == "contradict")
    );
    assert_eq!(only["rows"].as_array().unwrap().len(), contradictions);
    assert_eq!(
        summary_counts(&t, &["--only", "contradictions"]),
        (contradictions as u64, 0)
    );

    let agree = compare_json(&t, &["--only", "agreements", "--limit", "2"]);
    assert_eq!(agree["rows"].as_array().unwrap().len(), 2);
    assert!(agree["matches"].as_array().unwrap().len() <= 2);
    assert!(
        agree["rows"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["relation"] == "agreement")
    );
    assert_eq!(agree["stats"]["agreement_rows"], 2);
    assert_eq!(
        summary_counts(&t, &["--only", "agreements", "--limit", "2"]),
        (0, 2)
    );

    let strong = compare_json(&t, &["--min-score", "0.9"]);
    assert!(
        strong["matches"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["score"].as_f64().unwrap() >= 0.9)
    );
    assert!(strong["rows"].as_array().unwrap().len() < rows.len());

    let unsourced = compare_json(&t, &["--only", "unsourced"]);
    assert!(unsourced["rows"].as_array().unwrap().is_empty());
    assert!(!unsourced["unsourced"].as_array().unwrap().is_empty());

    // --outlet and --since choose the articles compared.
    let two = compare_json(&t, &["--since", "2024-10-26"]);
    assert_eq!(two["articles"].as_array().unwrap().len(), 2);
    let led = compare_json(&t, &["--outlet", "e", "--until", "2024-10-27"]);
    let names: Vec<&str> = led["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["article"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["china-north-korea", "seoul-troops-estimate"]);
    t.cmd()
        .args(["compare", "--outlet", "harbor"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("comparing needs two or more"));
    t.cmd()
        .args(["compare", "--min-score", "3"])
        .assert()
        .code(2);
    t.cmd()
        .args(["compare", "--help"])
        .assert()
        .stdout(predicate::str::contains("EXAMPLES:"));
}

#[test]
fn compare_fail_on_contradiction_exits_1() {
    let t = examples();
    t.cmd()
        .args(["compare", "--fail-on", "contradiction", "--format", "jsonl"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--fail-on contradiction"));
    // Nothing contradicts among the agreements alone, and `never` never fails.
    t.cmd()
        .args([
            "compare",
            "--fail-on",
            "contradiction",
            "--only",
            "agreements",
        ])
        .assert()
        .success();
    t.cmd()
        .args(["compare", "--fail-on", "never"])
        .assert()
        .success();
    t.cmd().args(["compare"]).assert().success();
}
