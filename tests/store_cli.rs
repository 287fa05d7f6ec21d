//! The store commands end to end: init, add, list, show, sources, history, diff, export,
//! and how the store is found.

mod common;

use common::{TestStore, article, bare_cmd, jsonl_articles};
use predicates::prelude::*;
use std::fs;

fn count_files(dir: &std::path::Path) -> usize {
    let mut n = 0;
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            n += if p.is_dir() { count_files(&p) } else { 1 };
        }
    }
    n
}

#[test]
fn init_lays_out_a_store() {
    let t = TestStore::new();
    let store = t.store();
    let config = fs::read_to_string(store.join("store.toml")).unwrap();
    assert!(config.contains("format = 1"), "{config}");
    let ignore = fs::read_to_string(store.join(".gitignore")).unwrap();
    for pattern in ["/cache/", "/lock", ".tmp-*"] {
        assert!(ignore.lines().any(|l| l == pattern), "{ignore}");
    }
    assert!(store.join("sources.toml").is_file());
    t.cmd()
        .arg("init")
        .assert()
        .success()
        .stdout(predicate::str::contains("already exists"));
    let other = t.write("other/notes.txt", "mine");
    bare_cmd(t.path())
        .args(["init", "--store"])
        .arg(other.parent().unwrap())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not empty"));
}

#[test]
fn same_bytes_change_nothing_and_new_text_makes_a_version() {
    let t = TestStore::new();
    let f = t.write("report.txt", &article(1, 0));
    t.cmd()
        .args(["add"])
        .arg(&f)
        .assert()
        .success()
        .stdout(predicate::str::contains("report").and(predicate::str::contains("new")));
    let files = count_files(&t.store().join("versions"));
    t.cmd()
        .args(["add"])
        .arg(&f)
        .assert()
        .success()
        .stdout(predicate::str::contains("nothing changed"));
    assert_eq!(count_files(&t.store().join("versions")), files);

    let first = t.refs()["report"].clone();
    fs::write(&f, article(1, 1)).unwrap();
    t.cmd()
        .args(["add", "--format", "jsonl"])
        .arg(&f)
        .assert()
        .success()
        .stdout(predicate::str::contains("\"status\":\"updated\""));
    let history = t.jsonl(&["history", "report"]);
    assert_eq!(history.len(), 2);
    assert_eq!(history[1]["version"], first.as_str());
    assert_eq!(history[0]["parent"], first.as_str());
    assert_eq!(history[0]["version"], t.refs()["report"].as_str());
    for v in &history {
        assert!(v["logged_at"].as_str().unwrap().ends_with('Z'));
    }
    let diff = t.jsonl(&["diff", "report"]);
    assert!(!diff.is_empty(), "the revision added a sentence");
    assert!(
        diff.iter()
            .any(|d| d["change"] == "added" || d["change"] == "changed")
    );
    t.verify_ok();
}

#[test]
fn metadata_flags_and_front_matter() {
    let t = TestStore::new();
    let text = format!(
        "+++\nid = \"World/Asia Story.md\"\ntitle = \"From front matter\"\noutlet = \"Front\"\n+++\n{}",
        article(2, 0)
    );
    let f = t.write("a.md", &text);
    t.cmd()
        .args([
            "add",
            "--outlet",
            "Flag Outlet",
            "--published",
            "2024-10-25",
        ])
        .arg(&f)
        .assert()
        .success();
    let rows = t.jsonl(&["list"]);
    assert!(!rows.is_empty());
    for r in &rows {
        assert_eq!(r["article"], "world-asia-story");
        assert_eq!(r["outlet"], "Flag Outlet");
        assert_eq!(r["title"], "From front matter");
        assert_eq!(r["published"], "2024-10-25");
        for key in ["id", "text", "version", "source"] {
            assert!(r.get(key).is_some(), "{key} missing in {r}");
        }
    }
    // Metadata given now (flags over front matter) wins; what is not given is inherited.
    let plain = t.write("plain.txt", &article(2, 1));
    t.cmd()
        .args(["add", "--title", "First title", "--outlet", "Flag Outlet"])
        .arg(&plain)
        .assert()
        .success();
    t.cmd()
        .args(["add", "--title", "Corrected title"])
        .arg(&plain)
        .assert()
        .success()
        .stdout(predicate::str::contains("metadata"));
    let rows = t.jsonl(&["list", "--article", "plain"]);
    assert_eq!(rows[0]["title"], "Corrected title");
    assert_eq!(rows[0]["outlet"], "Flag Outlet");
    assert_eq!(t.jsonl(&["history", "plain"]).len(), 2);
    // Re-adding without flags keeps everything: unchanged.
    t.cmd()
        .arg("add")
        .arg(&plain)
        .assert()
        .success()
        .stdout(predicate::str::contains("nothing changed"));
}

#[test]
fn article_names_that_could_leave_the_store_are_refused() {
    let t = TestStore::new();
    let f = t.write("a.txt", &article(3, 0));
    let long = "a".repeat(101);
    for bad in [
        "..",
        "../escape",
        "a/b",
        "a\\b",
        "/abs",
        "",
        "a\nb",
        "C:evil",
        ".hidden",
        long.as_str(),
    ] {
        t.cmd()
            .args(["add", "--article", bad])
            .arg(&f)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("refused").and(predicate::str::contains("hint:")));
    }
    assert!(t.refs().is_empty());
    t.cmd()
        .args(["add", "--article", "My-Story"])
        .arg(&f)
        .assert()
        .success();
    assert!(
        t.refs().contains_key("my-story"),
        "names are folded to lower case"
    );
    // The same name in another case is the same article, not a second file.
    t.cmd()
        .args(["add", "--article", "MY-STORY"])
        .arg(&f)
        .assert()
        .success()
        .stdout(predicate::str::contains("nothing changed"));
    assert_eq!(t.refs().len(), 1);
}

#[test]
fn derived_names_are_slugs_and_collisions_are_refused() {
    let t = TestStore::new();
    let input = t.write(
        "in.jsonl",
        &format!(
            "{}\n{}\n",
            serde_json::json!({"id": "bbc/business/001.txt", "text": article(4, 0)}),
            serde_json::json!({"id": "../../etc/passwd", "text": article(5, 0)}),
        ),
    );
    t.add_jsonl(&input);
    let refs = t.refs();
    assert!(refs.contains_key("bbc-business-001"), "{refs:?}");
    assert!(refs.contains_key("etc-passwd"), "{refs:?}");

    // Two files with one stem: refused, never merged into one article.
    let a = t.write("a/same.txt", &article(6, 0));
    let b = t.write("b/same.txt", &article(7, 0));
    t.cmd()
        .arg("add")
        .arg(&a)
        .arg(&b)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("same").and(predicate::str::contains("both map")));
    let history = t.jsonl(&["history", "same"]);
    assert_eq!(history.len(), 1, "only the first input was logged");

    // Ids that differ only in punctuation or case map to one name: refused too.
    let dup = t.write(
        "dup.jsonl",
        &format!(
            "{}\n{}\n",
            serde_json::json!({"id": "World/One", "text": article(8, 0)}),
            serde_json::json!({"id": "world-one", "text": article(9, 0)}),
        ),
    );
    t.cmd()
        .args(["add", "--input-format", "jsonl"])
        .arg(&dup)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("world-one"));
    t.verify_ok();
}

#[test]
fn stdin_needs_a_name() {
    let t = TestStore::new();
    t.cmd()
        .args(["add", "-"])
        .write_stdin(article(10, 0))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--article"));
    t.cmd()
        .args(["add", "-", "--article", "from-stdin"])
        .write_stdin(article(10, 0))
        .assert()
        .success();
    assert!(t.refs().contains_key("from-stdin"));
    t.cmd()
        .args(["add", "--input-format", "jsonl", "-"])
        .write_stdin(jsonl_articles(0..3, 0))
        .assert()
        .success();
    assert_eq!(t.refs().len(), 4);
}

#[test]
fn an_article_with_no_text_is_refused_and_earlier_ones_stay() {
    let t = TestStore::new();
    let empty = t.write("empty.txt", "");
    let blank = t.write("blank.md", "+++\ntitle = \"Draft\"\n+++\n \r\n\t\n");
    for f in [&empty, &blank] {
        t.cmd()
            .arg("add")
            .arg(f)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("has no text"));
    }
    assert!(t.refs().is_empty());
    let good = t.write("good.txt", &article(2, 0));
    t.cmd()
        .arg("add")
        .arg(&good)
        .arg(&empty)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("empty.txt"));
    assert_eq!(
        t.refs().len(),
        1,
        "the article before the empty one stays logged"
    );
    t.cmd().arg("verify").assert().success();
}

#[test]
fn flags_for_one_article_refuse_several() {
    let t = TestStore::new();
    let a = t.write("a.txt", &article(11, 0));
    let b = t.write("b.txt", &article(12, 0));
    for flag in ["--article", "--title", "--url"] {
        t.cmd()
            .args(["add", flag, "x"])
            .arg(&a)
            .arg(&b)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(flag));
    }
    t.cmd()
        .args(["add", "--published", "yesterday"])
        .arg(&a)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a date"));
}

#[test]
fn list_filters() {
    let t = TestStore::new();
    let input = t.write("in.jsonl", &jsonl_articles(0..6, 0));
    t.add_jsonl(&input);
    let all = t.jsonl(&["list"]);
    let articles: std::collections::BTreeSet<_> = all
        .iter()
        .map(|r| r["article"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(articles.len(), 6);

    let one = t.jsonl(&["list", "--article", "gen-0003"]);
    assert!(!one.is_empty());
    assert!(one.iter().all(|r| r["article"] == "gen-0003"));
    assert_eq!(
        one.len(),
        all.iter().filter(|r| r["article"] == "gen-0003").count()
    );

    let outlet = t.jsonl(&["list", "--outlet", "daily example"]);
    assert!(!outlet.is_empty());
    assert!(outlet.iter().all(|r| r["outlet"] == "Daily Example"));

    let unsourced = t.jsonl(&["list", "--unsourced"]);
    assert!(unsourced.iter().all(|r| r["source"].is_null()));
    let sourced = all.iter().filter(|r| !r["source"].is_null()).count();
    assert_eq!(unsourced.len() + sourced, all.len());
    if let Some(r) = all.iter().find(|r| !r["source"].is_null()) {
        let name = r["source"]["name"].as_str().unwrap();
        let by_source = t.jsonl(&["list", "--source", name]);
        assert!(!by_source.is_empty());
        assert!(by_source.iter().all(|r| r["source"]["name"] == name));
    }

    // --since: published date, else logged date.
    assert_eq!(t.jsonl(&["list", "--since", "2000-01-01"]).len(), all.len());
    assert!(t.jsonl(&["list", "--since", "2999-01-01"]).is_empty());
    assert!(
        t.jsonl(&["list", "--logged-since", "2999-01-01"])
            .is_empty()
    );

    t.cmd()
        .args(["list", "--article", "no-such-article"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no article named"));
    t.cmd().args(["list", "--since", "soon"]).assert().code(2);
    // The table format works too.
    t.cmd()
        .args(["list", "--format", "table"])
        .assert()
        .success()
        .stdout(predicate::str::contains("gen-0003"));
    let json: serde_json::Value = serde_json::from_slice(
        &t.cmd()
            .args(["list", "--format", "json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(json.as_array().unwrap().len(), all.len());
}

#[test]
fn show_by_prefix() {
    let t = TestStore::new();
    let input = t.write("in.jsonl", &jsonl_articles(0..4, 0));
    t.add_jsonl(&input);
    let rows = t.jsonl(&["list"]);
    let id = rows[0]["id"].as_str().unwrap().to_owned();
    let shown = t.jsonl(&["show", &id[..10]]);
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0]["id"], id.as_str());
    let carriers: std::collections::BTreeSet<_> = rows
        .iter()
        .filter(|r| r["id"] == id.as_str())
        .map(|r| r["article"].as_str().unwrap())
        .collect();
    let shown_articles: std::collections::BTreeSet<_> = shown[0]["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    assert_eq!(carriers, shown_articles, "every article carrying the claim");
    t.cmd()
        .args(["show", &id[..8].to_uppercase(), "--format", "table"])
        .assert()
        .success()
        .stdout(predicate::str::contains(&id));

    let unknown = if id.starts_with("0000") {
        "ffff0000"
    } else {
        "00000000"
    };
    if !rows
        .iter()
        .any(|r| r["id"].as_str().unwrap().starts_with(unknown))
    {
        t.cmd()
            .args(["show", unknown])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("no claim id starts with"));
    }
    t.cmd()
        .args(["show", "abc"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("at least 4"));
    t.cmd()
        .args(["show", "xyz123"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("hex"));
}

#[test]
fn an_ambiguous_prefix_lists_candidates() {
    let t = TestStore::new();
    let input = t.write("in.jsonl", &jsonl_articles(0..400, 0));
    t.add_jsonl(&input);
    let mut ids: Vec<String> = t
        .jsonl(&["list"])
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    ids.sort();
    ids.dedup();
    let shared = ids.windows(2).find(|w| w[0][..4] == w[1][..4]);
    let Some(pair) = shared else {
        panic!("{} distinct claims and no 4-digit prefix shared", ids.len());
    };
    let prefix = &pair[0][..4];
    t.cmd().args(["show", prefix]).assert().code(2).stderr(
        predicate::str::contains("ambiguous")
            .and(predicate::str::contains(&pair[0][..12]))
            .and(predicate::str::contains("hint:")),
    );
}

#[test]
fn finding_the_store() {
    let t = TestStore::new();
    let nested = t.path().join("deep/er");
    fs::create_dir_all(&nested).unwrap();
    let f = t.write("x.txt", &article(20, 0));
    // Walks up from the working directory, like git.
    bare_cmd(&nested).arg("add").arg(&f).assert().success();
    assert!(t.refs().contains_key("x"));
    // CLAIMS_STORE.
    let other = tempfile::tempdir().unwrap();
    bare_cmd(other.path())
        .arg("list")
        .env("CLAIMS_STORE", t.store())
        .args(["--format", "jsonl"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"article\":\"x\""));
    // Nothing found.
    let lonely = tempfile::tempdir().unwrap();
    if !lonely
        .path()
        .ancestors()
        .any(|d| d.join("claims/store.toml").exists())
    {
        bare_cmd(lonely.path())
            .arg("list")
            .assert()
            .code(2)
            .stderr(predicate::str::contains("claims init"));
    }
    // --store pointing at a folder that is not a store.
    bare_cmd(t.path())
        .args(["list", "--store"])
        .arg(lonely.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a claim store"));
}

#[test]
fn a_newer_format_is_refused() {
    let t = TestStore::new();
    fs::write(t.store().join("store.toml"), "format = 2\n").unwrap();
    for args in [&["list"][..], &["verify"], &["add", "x.txt"]] {
        t.cmd()
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("newer").and(predicate::str::contains("upgrade")));
    }
}

#[test]
fn sources_and_their_hand_edits() {
    let t = TestStore::new();
    let input = t.write("in.jsonl", &jsonl_articles(0..5, 0));
    t.add_jsonl(&input);
    for s in t.jsonl(&["sources"]) {
        for key in ["name", "kind", "role", "aliases", "claims", "articles"] {
            assert!(s.get(key).is_some(), "{key} missing in {s}");
        }
    }
    t.cmd()
        .args(["sources", "--format", "table"])
        .assert()
        .success();
    fs::write(
        t.store().join("sources.toml"),
        "[[source]]\nname = \"A\"\naliases = [\"x\"]\n[[source]]\nname = \"B\"\naliases = [\"X\"]\n",
    )
    .unwrap();
    t.cmd()
        .arg("sources")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("sources.toml"));
}

#[test]
fn export_jsonl_and_csv() {
    let t = TestStore::new();
    let input = t.write("in.jsonl", &jsonl_articles(0..3, 0));
    t.add_jsonl(&input);
    let list = t.jsonl(&["list"]);
    let out = t.cmd().args(["export"]).output().unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).lines().count(),
        list.len()
    );
    let out = t
        .cmd()
        .args(["export", "--format", "csv"])
        .output()
        .unwrap();
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(csv.starts_with("id,text,article,version,"));
    assert!(
        csv.lines().count() > list.len(),
        "header plus one row per occurrence"
    );
}

#[test]
fn history_and_diff_by_version_prefix() {
    let t = TestStore::new();
    let f = t.write("story.txt", &article(30, 0));
    for rev in 0..3 {
        fs::write(&f, article(30, rev)).unwrap();
        t.cmd().arg("add").arg(&f).assert().success();
    }
    let history = t.jsonl(&["history", "story"]);
    assert_eq!(history.len(), 3);
    let v: Vec<&str> = history
        .iter()
        .map(|h| h["version"].as_str().unwrap())
        .collect();
    let d = t.jsonl(&["diff", "story", &v[2][..8], &v[0][..8]]);
    assert!(d.iter().all(|x| x["from"] == v[2] && x["to"] == v[0]));
    assert!(!d.is_empty());
    t.cmd()
        .args(["diff", "story", "--format", "table"])
        .assert()
        .success();
    t.cmd()
        .args(["diff", "story", "0000000", "1111111"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("history story"));
    t.cmd().args(["history", "nothing-here"]).assert().code(2);
}
