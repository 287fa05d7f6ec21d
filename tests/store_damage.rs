//! The store against damage, hostile collaborators and other platforms (issue 16): each
//! test reproduces one of the cases. In every case the articles logged before
//! the fault are still listed, and no command aborts (exit 101 or 134).

mod common;

use common::TestStore;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

const ARTICLES: [&str; 3] = ["gen-0000", "gen-0001", "gen-0002"];

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Runs a command, asserting it did not abort.
fn run(t: &TestStore, args: &[&str]) -> Output {
    let out = t.cmd().args(args).output().expect("claims runs");
    assert_no_abort(&out, args);
    out
}

fn assert_no_abort(out: &Output, what: &[&str]) {
    let code = out.status.code();
    assert!(
        code.is_some() && code != Some(101) && code != Some(134),
        "{what:?} aborted ({code:?}):\n{}",
        text(&out.stderr)
    );
}

/// The articles `list` shows (asserting it succeeds).
fn listed(t: &TestStore) -> BTreeSet<String> {
    t.jsonl(&["list"])
        .iter()
        .map(|row| row["article"].as_str().unwrap().to_owned())
        .collect()
}

fn all_but(skip: &[&str]) -> BTreeSet<String> {
    ARTICLES
        .iter()
        .filter(|a| !skip.contains(a))
        .map(|a| a.to_string())
        .collect()
}

fn ref_path(t: &TestStore, article: &str) -> PathBuf {
    t.store().join("refs").join(article)
}

fn version_path(t: &TestStore, id: &str) -> PathBuf {
    t.store()
        .join("versions")
        .join(&id[..2])
        .join(format!("{}.toml", &id[2..]))
}

fn drop_cache(t: &TestStore) {
    let _ = fs::remove_dir_all(t.store().join("cache"));
}

// Case 1: a logged_at outside what TOML and RFC 3339 hold (years 0000 to 9999).

#[test]
fn case01_out_of_range_source_date_epoch_is_refused() {
    let t = TestStore::with_history();
    let input = t.write(
        "one.txt",
        "Officials said on Tuesday that the talks would resume.\n",
    );
    for epoch in ["253402300800", "-62167219201", "99999999999999"] {
        let out = t
            .cmd()
            .env("SOURCE_DATE_EPOCH", epoch)
            .arg("add")
            .arg(&input)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{epoch}: {}", text(&out.stderr));
        let err = text(&out.stderr);
        assert!(
            err.contains("SOURCE_DATE_EPOCH") && err.contains("9999") && err.contains("hint:"),
            "{epoch}: {err}"
        );
    }
    assert!(!ref_path(&t, "one").exists(), "nothing written");
    // The last second the format holds is fine, and reads back after a rebuild.
    t.cmd()
        .env("SOURCE_DATE_EPOCH", "253402300799")
        .arg("add")
        .arg(&input)
        .assert()
        .success();
    drop_cache(&t);
    let mut expected = all_but(&[]);
    expected.insert("one".into());
    assert_eq!(listed(&t), expected);
    t.verify_ok();
}

#[test]
fn case01_a_record_with_an_unreadable_date_does_not_break_the_store() {
    // What an older claims wrote for SOURCE_DATE_EPOCH=253402300800.
    let t = TestStore::with_history();
    let id = t.refs()["gen-0001"].clone();
    let path = version_path(&t, &id);
    let toml = fs::read_to_string(&path).unwrap();
    let start = toml.find("logged_at = ").unwrap() + "logged_at = ".len();
    let end = start + toml[start..].find('\n').unwrap();
    let damaged = format!("{}+10000-01-01T00:00:00Z{}", &toml[..start], &toml[end..]);
    fs::write(&path, damaged).unwrap();
    drop_cache(&t);
    let out = run(&t, &["list", "--format", "jsonl"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(
        err.contains("gen-0001") && err.contains("claims verify"),
        "{err}"
    );
    assert_eq!(listed(&t), all_but(&["gen-0001"]));
}

// Case 2: huge or damaged cache files.

fn sparse(path: &Path, len: u64) {
    let f = fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .unwrap();
    f.set_len(len).unwrap();
}

#[test]
fn case02_a_huge_or_damaged_index_cache_is_rebuilt() {
    let t = TestStore::with_history();
    let index = t.store().join("cache/index");
    assert!(index.exists());
    let good = fs::read(&index).unwrap();
    // 1 TiB of zeros (sparse), then a cache with a valid header and garbage after it.
    let mut header_then_junk = good[..44].to_vec();
    header_then_junk.extend(std::iter::repeat_n(0xff, 4096));
    for damage in ["huge", "junk"] {
        match damage {
            "huge" => sparse(&index, 1 << 40),
            _ => fs::write(&index, &header_then_junk).unwrap(),
        }
        let out = run(&t, &["verify"]);
        let report = text(&out.stdout);
        assert!(out.status.success(), "{damage}: {report}");
        assert!(
            report
                .lines()
                .any(|l| l.starts_with("warning") && l.contains("cache/index")),
            "{damage}: verify does not report the cache\n{report}"
        );
        assert_eq!(listed(&t), all_but(&[]), "{damage}");
        assert!(
            fs::metadata(&index).unwrap().len() < 1 << 20,
            "{damage}: the cache was not rebuilt"
        );
    }
}

#[test]
fn case02_a_huge_audit_terms_cache_is_rebuilt() {
    let t = TestStore::with_history();
    let draft = t.write(
        "draft.md",
        "Officials in Seoul said on Tuesday that grain exports would resume next month.\n",
    );
    let audit = |t: &TestStore| {
        let out = t
            .cmd()
            .args(["audit", "--format", "line"])
            .arg(&draft)
            .output()
            .unwrap();
        assert_no_abort(&out, &["audit"]);
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{}",
            text(&out.stderr)
        );
        text(&out.stdout)
    };
    let before = audit(&t);
    let terms = t.store().join("cache/audit-terms");
    assert!(terms.exists());
    sparse(&terms, 1 << 40);
    let report = text(&run(&t, &["verify"]).stdout);
    assert!(report.contains("cache/audit-terms"), "{report}");
    assert_eq!(audit(&t), before);
    assert!(fs::metadata(&terms).unwrap().len() < 1 << 20);
}

// Case 3: deleted refs.

#[test]
fn case03_verify_names_articles_without_a_ref_and_repair_restores_them() {
    let t = TestStore::with_history();
    let refs = t.refs();
    fs::remove_file(ref_path(&t, "gen-0000")).unwrap(); // two versions
    fs::remove_file(ref_path(&t, "gen-0002")).unwrap();
    let stale_temp = t.store().join("versions").join(".tmp-999999-1");
    fs::write(&stale_temp, "half").unwrap();
    let out = run(&t, &["verify"]);
    let report = text(&out.stdout);
    for article in ["gen-0000", "gen-0002"] {
        let line = report
            .lines()
            .find(|l| l.contains(&format!("{article:?}")) && l.contains("no ref"))
            .unwrap_or_else(|| panic!("{article} not named:\n{report}"));
        assert!(line.starts_with("warning"), "{line}");
        assert!(
            line.contains("deleted") && line.contains("interrupted") && line.contains("--repair"),
            "{line}"
        );
    }
    let out = run(&t, &["verify", "--repair"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.contains("gen-0000") && said.contains("gen-0002"),
        "{said}"
    );
    assert_eq!(t.refs(), refs, "the refs are back as they were");
    assert!(!stale_temp.exists(), "stale temporary file left");
    assert_eq!(listed(&t), all_but(&[]));
    let report = t.verify_ok();
    assert!(!report.contains("no ref"), "{report}");
}

// Case 11: one damaged article must not break the commands that read the whole store.

fn store_wide_commands_skip(t: &TestStore, damaged: &str) {
    let draft = t.write(
        "draft.md",
        "Officials in Seoul said on Tuesday that grain exports would resume next month.\n",
    );
    let draft = draft.to_string_lossy().into_owned();
    for args in [
        vec!["list"],
        vec!["compare", "--format", "json"],
        vec!["export", "--format", "csv"],
        vec!["sources"],
        vec!["audit", draft.as_str()],
    ] {
        let out = run(t, &args);
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{args:?} failed on a damaged {damaged}:\n{}",
            text(&out.stderr)
        );
        let err = text(&out.stderr);
        assert!(
            err.contains("warning") && err.contains(damaged) && err.contains("claims verify"),
            "{args:?}: no warning naming {damaged}:\n{err}"
        );
    }
}

#[test]
fn case11_a_bad_record_skips_its_article() {
    let t = TestStore::with_history();
    fs::write(version_path(&t, &t.refs()["gen-0001"]), "garbage\n").unwrap();
    drop_cache(&t);
    store_wide_commands_skip(&t, "gen-0001");
    assert_eq!(listed(&t), all_but(&["gen-0001"]));
}

#[test]
fn case11_a_missing_parent_keeps_the_newest_versions() {
    let t = TestStore::with_history();
    let head = t.refs()["gen-0000"].clone();
    let rec = fs::read_to_string(version_path(&t, &head)).unwrap();
    let parent = rec
        .lines()
        .find_map(|l| l.strip_prefix("parent = \""))
        .unwrap()
        .trim_end_matches('"')
        .to_owned();
    fs::remove_file(version_path(&t, &parent)).unwrap();
    drop_cache(&t);
    store_wide_commands_skip(&t, "gen-0000");
    assert_eq!(
        listed(&t),
        all_but(&[]),
        "the readable head is still listed"
    );
}

#[test]
fn case11_a_conflicted_ref_skips_its_article() {
    let t = TestStore::with_history();
    let id = t.refs()["gen-0002"].clone();
    fs::write(
        ref_path(&t, "gen-0002"),
        format!(
            "<<<<<<< HEAD\n{id}\n=======\n{}\n>>>>>>> theirs\n",
            "0".repeat(64)
        ),
    )
    .unwrap();
    store_wide_commands_skip(&t, "gen-0002");
    assert_eq!(listed(&t), all_but(&["gen-0002"]));
}

// Case 8: refs and parents belong to their article.

#[test]
fn case08_a_ref_to_another_articles_version_is_skipped_in_any_name_order() {
    for (forged, target) in [("gen-0002", "gen-0000"), ("gen-0000", "gen-0002")] {
        let t = TestStore::with_history();
        let id = t.refs()[target].clone();
        fs::write(ref_path(&t, forged), format!("{id}\n")).unwrap();
        let out = run(&t, &["list", "--format", "jsonl"]);
        assert!(out.status.success(), "{forged}: {}", text(&out.stderr));
        let err = text(&out.stderr);
        assert!(
            err.contains(forged) && err.contains("claims verify"),
            "{err}"
        );
        assert_eq!(listed(&t), all_but(&[forged]), "{forged} -> {target}");
        let out = run(&t, &["history", forged]);
        assert_eq!(out.status.code(), Some(2), "{}", text(&out.stdout));
    }
}

#[test]
fn case08_history_does_not_follow_a_forged_parent_into_another_article() {
    use claims::store::{VersionRecord, ref_bytes};
    let t = TestStore::with_history();
    let refs = t.refs();
    // A valid record of gen-0001 whose parent is gen-0000's head.
    let head = &refs["gen-0001"];
    let mut rec =
        VersionRecord::from_toml(&fs::read_to_string(version_path(&t, head)).unwrap()).unwrap();
    rec.parent = Some(refs["gen-0000"].parse().unwrap());
    let id = rec.id().to_hex();
    let path = version_path(&t, &id);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, rec.to_toml()).unwrap();
    fs::write(ref_path(&t, "gen-0001"), ref_bytes(&rec.id())).unwrap();
    for args in [["history", "gen-0001"], ["diff", "gen-0001"]] {
        let out = run(&t, &[args[0], args[1], "--format", "json"]);
        let shown = text(&out.stdout);
        assert!(
            !shown.contains("gen-0000") && !shown.contains(&refs["gen-0000"]),
            "{args:?} followed the forged parent:\n{shown}"
        );
    }
    assert_eq!(listed(&t), all_but(&[]));
    let out = run(&t, &["verify"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stdout).contains("belongs to article"));
}

// Case 4: terminal escape sequences in article text and metadata.

#[test]
fn case04_escape_sequences_never_reach_a_table() {
    let t = TestStore::with_history();
    let article = "+++\ntitle = \"\\u001b]0;owned\\u0007Title\"\noutlet = \"\\u001b[2JTimes\"\n+++\n\
        Officials said on Tuesday that the \u{1b}]8;;http://evil.example\u{1b}\\talks\u{1b}]8;;\u{1b}\\ \
        would resume.\u{1b}[2J\u{9b}31m\n\
        \u{1b}]0;pwned\u{7} said on Monday that the \u{202e}plan\u{202c} was final.\n";
    let input = t.write("escapes.md", article);
    t.cmd().arg("add").arg(&input).assert().success();
    let draft = input.to_string_lossy().into_owned();
    for args in [
        vec!["list", "--format", "table"],
        vec!["history", "escapes", "--format", "table"],
        vec!["sources", "--format", "table"],
        vec!["compare", "--format", "table", "--unsourced"],
        vec!["compare", "--format", "markdown", "--unsourced"],
        vec!["extract", "--format", "table", draft.as_str()],
        vec!["audit", "--format", "table", draft.as_str()],
        vec!["diff", "escapes", "--format", "table"],
    ] {
        let out = run(&t, &args);
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{args:?}: {}",
            text(&out.stderr)
        );
        let shown = text(&out.stdout);
        assert!(
            !shown.contains(['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}']),
            "{args:?} printed a control character:\n{shown:?}"
        );
        if args[0] == "list" {
            assert!(
                shown.contains("\\u{1b}"),
                "{args:?} hides the escape:\n{shown}"
            );
        }
    }
    let claim = t.jsonl(&["list", "--article", "escapes"])[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let shown = text(&run(&t, &["show", &claim[..12], "--format", "table"]).stdout);
    assert!(!shown.contains(['\u{1b}', '\u{7}', '\u{9b}']), "{shown:?}");
    // The stored bytes are as given, and JSON keeps them (escaped).
    let texts: Vec<_> = walk(&t.store().join("texts"));
    assert!(
        texts
            .iter()
            .any(|p| fs::read_to_string(p).unwrap() == article),
        "the stored text changed"
    );
    let json = t.jsonl(&["list", "--article", "escapes"]);
    assert!(
        json.iter()
            .any(|r| r["text"].as_str().unwrap().contains('\u{1b}'))
    );
    t.verify_ok();
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).into_iter().flatten().flatten() {
        if e.path().is_dir() {
            out.extend(walk(&e.path()));
        } else {
            out.push(e.path());
        }
    }
    out
}

// Case 7: CSV cells a spreadsheet would run as formulas.

#[test]
fn case07_csv_cells_that_start_a_formula_are_quoted_as_text() {
    let t = TestStore::with_history();
    let input = t.write(
        "formula.md",
        "+++\ntitle = \"=HYPERLINK(\\\"http://evil.example\\\",\\\"x\\\")\"\noutlet = \"@SUM(1+1)\"\n+++\n\
         Officials said on Tuesday that the talks would resume.\n",
    );
    t.cmd().arg("add").arg(&input).assert().success();
    for args in [
        ["export", "--format", "csv"],
        ["compare", "--format", "csv"],
    ] {
        let out = run(&t, &args);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        let csv = text(&out.stdout);
        if args[0] == "export" {
            assert!(csv.contains("'@SUM(1+1)"), "{csv}");
            assert!(csv.contains("\"'=HYPERLINK("), "{csv}");
        }
        for line in csv.lines() {
            for cell in line.split(',') {
                let cell = cell.trim_start_matches('"');
                assert!(
                    !cell.starts_with(['=', '+', '@']),
                    "{args:?}: a formula cell in {line}"
                );
            }
        }
    }
}

// Case 6: ids of scripts a name cannot keep.

#[test]
fn case06_ids_in_other_scripts_never_become_one_article() {
    let t = TestStore::with_history();
    for (file, id) in [("a.jsonl", "新闻/1"), ("b.jsonl", "体育/1")] {
        let line = serde_json::json!({
            "id": id,
            "text": "Officials said on Tuesday that the talks would resume next month.",
        });
        let input = t.write(file, &format!("{line}\n"));
        t.add_jsonl(&input);
    }
    let names = listed(&t);
    let new: Vec<_> = names
        .iter()
        .filter(|n| !ARTICLES.contains(&n.as_str()))
        .collect();
    assert_eq!(
        new.len(),
        2,
        "the second id became a version of the first: {names:?}"
    );
    for name in new {
        assert_eq!(t.jsonl(&["history", name]).len(), 1, "{name}");
    }
    assert!(
        ARTICLES.iter().all(|a| names.contains(*a)),
        "ASCII slugs unchanged"
    );
    t.verify_ok();
}
