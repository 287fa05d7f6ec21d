//! Hostile input: names and ids that try to leave the store or collide, symbolic links
//! planted inside the store, huge or deeply nested TOML and JSON, oversized lines and
//! articles, and pathological articles. Each is refused with exit 2 and a hint, or
//! handled, in bounded time and memory. Sizes here are kept small enough for CI; the
//! README's "Bad input" table gives the figures of the full-size cases run by hand.

mod common;

use common::{TestStore, article, bin, jsonl_articles};
use predicates::prelude::*;
use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Every path under `dir`, links included (not followed).
fn tree(dir: &Path) -> BTreeSet<PathBuf> {
    let mut out = BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                stack.push(p.clone());
            }
            out.insert(p);
        }
    }
    out
}

/// Runs `claims --store <store> args...` with `input` on standard input.
fn run_with_stdin(t: &TestStore, args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(bin())
        .arg("--store")
        .arg(t.store())
        .args(args)
        .env_remove("CLAIMS_STORE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("claims runs");
    let mut stdin = child.stdin.take().unwrap();
    // The program may stop reading early (that is the point): a broken pipe is fine.
    let _ = stdin.write_all(input);
    drop(stdin);
    child.wait_with_output().unwrap()
}

#[test]
fn article_names_refused_with_a_hint() {
    let t = TestStore::new();
    let f = t.write("a.txt", &article(1, 0));
    let very_long = "x".repeat(10_000);
    for bad in [
        "con",
        "CON",
        "nul.txt",
        "lpt1",
        "a\u{7}b",
        "a\u{1b}[31m",
        "caf\u{e9}",
        "cafe\u{301}",
        "a b",
        very_long.as_str(),
    ] {
        t.cmd()
            .args(["add", "--article", bad])
            .arg(&f)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("refused").and(predicate::str::contains("hint:")));
        // Read commands refuse the same names before touching any file.
        t.cmd()
            .args(["history", bad])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("refused"));
    }
    for path_like in ["../x", "/etc/passwd", "..\\..\\x", "refs/../../x"] {
        for cmd in [&["history"][..], &["diff"], &["list", "--article"]] {
            t.cmd()
                .args(cmd)
                .arg(path_like)
                .assert()
                .code(2)
                .stderr(predicate::str::contains("refused"));
        }
    }
    assert!(t.refs().is_empty());
}

#[test]
fn hostile_ids_become_safe_names_inside_the_store() {
    let t = TestStore::new();
    let outside_before = tree(t.path());
    let ids = [
        "../../../tmp/escape",
        "/etc/passwd",
        "C:\\Windows\\system32\\x",
        "a\u{0}b",
        "\u{1b}[31mred\u{7}",
        "con",
        "aux.txt",
        "",
        "...",
        &"long".repeat(2_000),
        "日本語の記事",
    ];
    let mut input = String::new();
    for (i, id) in ids.iter().enumerate() {
        input.push_str(&serde_json::json!({"id": id, "text": article(i, 0)}).to_string());
        input.push('\n');
    }
    let path = t.write("ids.jsonl", &input);
    t.add_jsonl(&path);
    let refs = t.refs();
    assert_eq!(refs.len(), ids.len(), "{refs:?}");
    for name in refs.keys() {
        assert!(
            name.len() <= 100
                && name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_.".contains(&b))
                && !name.starts_with('.'),
            "{name:?}"
        );
    }
    assert!(refs.contains_key("con-article") && refs.contains_key("aux-article"));
    // Nothing was created outside the store besides the input file.
    let outside_after: BTreeSet<PathBuf> = tree(t.path())
        .into_iter()
        .filter(|p| !p.starts_with(t.store()))
        .collect();
    let expected: BTreeSet<PathBuf> = outside_before
        .into_iter()
        .filter(|p| !p.starts_with(t.store()))
        .chain([path.clone()])
        .collect();
    assert_eq!(outside_after, expected);
    t.verify_ok();
}

#[test]
fn names_differing_only_in_normalisation_or_case_are_one_article() {
    let t = TestStore::new();
    let nfc = "Caf\u{e9}/Story";
    let nfd = "cafe\u{301}/story";
    let both = format!(
        "{}\n{}\n",
        serde_json::json!({"id": nfc, "text": article(1, 0)}),
        serde_json::json!({"id": nfd, "text": article(2, 0)}),
    );
    let path = t.write("both.jsonl", &both);
    // In one run: refused, never merged (the first is logged).
    t.cmd()
        .args(["add", "--input-format", "jsonl"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "both map to article \"cafe-story\"",
        ));
    assert_eq!(t.refs().len(), 1);
    // Across runs: the same article (its next version).
    let later = t.write(
        "later.jsonl",
        &format!(
            "{}\n",
            serde_json::json!({"id": nfd, "text": article(1, 1)})
        ),
    );
    t.add_jsonl(&later);
    assert_eq!(t.jsonl(&["history", "cafe-story"]).len(), 2);
    assert_eq!(t.refs().len(), 1);
}

#[cfg(unix)]
#[test]
fn symbolic_links_inside_the_store_are_never_followed() {
    use std::os::unix::fs::symlink;
    let t = TestStore::new();
    let input = t.write("in.jsonl", &jsonl_articles(0..3, 0));
    t.add_jsonl(&input);
    let store = t.store();
    let outside = t.path().join("outside");
    fs::create_dir(&outside).unwrap();
    let refs = t.refs();

    let verify_names_link = |what: &str, file: &Path| {
        let out = t.cmd().arg("verify").output().unwrap();
        let text = stdout(&out);
        assert_eq!(out.status.code(), Some(2), "{what}: {text}");
        let name = file.file_name().unwrap().to_string_lossy();
        assert!(
            text.lines().any(|l| l.starts_with("error")
                && l.contains(name.as_ref())
                && l.contains("symbolic link")),
            "{what}: {text}"
        );
    };

    // A ref replaced by a link to a file outside that even holds a valid id.
    let r = store.join("refs/gen-0001");
    let planted = outside.join("ref");
    fs::write(&planted, format!("{}\n", refs["gen-0000"])).unwrap();
    fs::remove_file(&r).unwrap();
    symlink(&planted, &r).unwrap();
    verify_names_link("ref link", &r);
    t.cmd()
        .args(["history", "gen-0001"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("symbolic link"));
    // ... or to an endless device: nothing hangs.
    fs::remove_file(&r).unwrap();
    symlink("/dev/zero", &r).unwrap();
    verify_names_link("ref to /dev/zero", &r);
    fs::remove_file(&r).unwrap();
    fs::write(&r, format!("{}\n", refs["gen-0001"])).unwrap();
    t.verify_ok();

    // A version record replaced by a link to an identical copy outside the store.
    let id = &refs["gen-0002"];
    let rec = store
        .join("versions")
        .join(&id[..2])
        .join(format!("{}.toml", &id[2..]));
    let copy = outside.join("record.toml");
    fs::copy(&rec, &copy).unwrap();
    fs::remove_file(&rec).unwrap();
    symlink(&copy, &rec).unwrap();
    verify_names_link("record link", &rec);
    t.cmd().args(["diff", "gen-0002"]).assert().code(2);
    fs::remove_file(&rec).unwrap();
    fs::copy(&copy, &rec).unwrap();
    t.verify_ok();

    // store.toml linked out: the store is refused with a hint to restore the file.
    let config = store.join("store.toml");
    let config_copy = outside.join("store.toml");
    fs::copy(&config, &config_copy).unwrap();
    fs::remove_file(&config).unwrap();
    symlink(&config_copy, &config).unwrap();
    for cmd in ["verify", "list"] {
        t.cmd().arg(cmd).assert().code(2).stderr(
            predicate::str::contains("symbolic link").and(predicate::str::contains("git checkout")),
        );
    }
    fs::remove_file(&config).unwrap();
    fs::copy(&config_copy, &config).unwrap();

    // The lock linked to a file outside: never truncated or written.
    let victim = outside.join("precious");
    fs::write(&victim, "precious data\n").unwrap();
    let lock = store.join("lock");
    let _ = fs::remove_file(&lock);
    symlink(&victim, &lock).unwrap();
    let more = t.write("more.jsonl", &jsonl_articles(10..11, 0));
    t.cmd()
        .args(["add", "--input-format", "jsonl"])
        .arg(&more)
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("symbolic link")
                .and(predicate::str::contains("hint: claims never follows links")),
        );
    verify_names_link("lock link", &lock);
    t.cmd().args(["verify", "--clean"]).assert().code(2);
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious data\n");
    fs::remove_file(&lock).unwrap();
    t.verify_ok();

    // `refs/` and `cache/` linked to a folder outside: nothing is written there.
    let refs_dir = store.join("refs");
    let real_refs = t.path().join("real-refs");
    fs::rename(&refs_dir, &real_refs).unwrap();
    symlink(&outside, &refs_dir).unwrap();
    let outside_before = tree(&outside);
    t.cmd()
        .args(["add", "--input-format", "jsonl"])
        .arg(&more)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("symbolic link"));
    verify_names_link("refs link", &refs_dir);
    assert_eq!(tree(&outside), outside_before);
    fs::remove_file(&refs_dir).unwrap();
    fs::rename(&real_refs, &refs_dir).unwrap();

    let cache = store.join("cache");
    let _ = fs::remove_dir_all(&cache);
    symlink(&outside, &cache).unwrap();
    t.cmd().args(["list"]).assert().success();
    t.add_jsonl(&more);
    assert_eq!(tree(&outside), outside_before, "nothing cached outside");
    verify_names_link("cache link", &cache);
    fs::remove_file(&cache).unwrap();

    // A fan-out folder linked out.
    let fan = store.join("versions/00");
    symlink(&outside, &fan).unwrap();
    verify_names_link("fan-out link", &fan);
    fs::remove_file(&fan).unwrap();
    t.verify_ok();
}

/// `[[[[...]]]]` `depth` deep as a TOML value.
fn nested_array(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

#[test]
fn huge_or_deeply_nested_toml_is_refused() {
    let t = TestStore::new();
    let input = t.write("in.jsonl", &jsonl_articles(0..2, 0));
    t.add_jsonl(&input);
    let store = t.store();
    let id = t.refs()["gen-0001"].clone();
    let rec = store
        .join("versions")
        .join(&id[..2])
        .join(format!("{}.toml", &id[2..]));
    let saved = fs::read(&rec).unwrap();

    // A record past the size limit (a sparse file: no disk used) is refused unread.
    let f = fs::OpenOptions::new().write(true).open(&rec).unwrap();
    f.set_len(65 * 1024 * 1024).unwrap();
    drop(f);
    let out = t.cmd().arg("verify").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).contains("over the limit"), "{}", stdout(&out));
    let out = t.cmd().args(["diff", "gen-0001"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("over the limit"), "{}", stderr(&out));

    // A record nested 100,000 deep: an error, not a stack overflow.
    fs::write(
        &rec,
        format!("article = \"gen-0001\"\nbody = {}\n", nested_array(100_000)),
    )
    .unwrap();
    let out = t.cmd().arg("verify").output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stdout(&out).contains("recursion"), "{}", stdout(&out));
    fs::write(&rec, &saved).unwrap();
    t.verify_ok();

    // store.toml and sources.toml nested as deep.
    let config = store.join("store.toml");
    let saved_config = fs::read(&config).unwrap();
    fs::write(
        &config,
        format!("format = 1\nx = {}\n", nested_array(100_000)),
    )
    .unwrap();
    t.cmd()
        .arg("list")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("recursion").and(predicate::str::contains("hint:")));
    fs::write(&config, &saved_config).unwrap();
    let sources = store.join("sources.toml");
    fs::write(&sources, format!("x = {}\n", nested_array(100_000))).unwrap();
    t.cmd()
        .arg("sources")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("recursion"));
    fs::write(&sources, "").unwrap();
    t.verify_ok();

    // Front matter and an audit config file, the same.
    let draft = t.write(
        "draft.md",
        &format!(
            "+++\ntitle = {}\n+++\nThe mayor resigned.\n",
            nested_array(30_000)
        ),
    );
    t.cmd()
        .args(["extract"])
        .arg(&draft)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("front matter"));
    let plain = t.write(
        "plain.md",
        "The mayor resigned on Monday, officials said.\n",
    );
    t.write(
        "claims.toml",
        &format!("[audit]\nloaded-verbs = {}\n", nested_array(100_000)),
    );
    t.cmd()
        .args(["audit"])
        .arg(&plain)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("recursion"));
    // A config file past the size limit (sparse), or an endless one, is not read whole.
    let f = fs::File::create(t.path().join("claims.toml")).unwrap();
    f.set_len(17 * 1024 * 1024).unwrap();
    drop(f);
    t.cmd()
        .args(["audit"])
        .arg(&plain)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("over the limit"));
    #[cfg(unix)]
    t.cmd()
        .args(["audit", "--config", "/dev/zero"])
        .arg(&plain)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("over the limit"));
}

/// 64 MiB and one byte: one past the limit of a JSON Lines line and of an article.
const PAST_LIMIT: usize = 64 * 1024 * 1024 + 1;

#[test]
fn a_line_or_article_past_the_limit_is_refused() {
    let t = TestStore::new();
    // One JSON Lines record that never ends.
    let mut line = Vec::with_capacity(PAST_LIMIT);
    line.extend_from_slice(b"{\"id\":\"a\",\"text\":\"");
    line.resize(PAST_LIMIT, b'x');
    for args in [
        &["extract", "--input-format", "jsonl", "-"][..],
        &["add", "--input-format", "jsonl", "-"],
        &["compare", "--pairs", "-"],
    ] {
        let out = run_with_stdin(&t, args, &line);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("over the limit"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    // One article past the limit.
    let out = run_with_stdin(&t, &["extract", "-"], &line);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("over the limit"), "{}", stderr(&out));
    assert!(t.refs().is_empty());
    t.verify_ok();
}

#[test]
fn malformed_articles_are_refused_with_a_hint() {
    let t = TestStore::new();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("binary.txt", b"PK\x03\x04\x00\x00binary".to_vec(), "binary"),
        ("latin1.txt", b"caf\xe9 au lait".to_vec(), "--lossy"),
        (
            "open.md",
            b"+++\ntitle = \"x\"\nno end".to_vec(),
            "front matter",
        ),
        (
            "nested.jsonl",
            format!(
                "{{\"id\":\"a\",\"text\":\"x\",\"n\":{}}}\n",
                nested_array(100_000)
            )
            .into_bytes(),
            "recursion limit",
        ),
    ];
    for (name, bytes, expect) in cases {
        let path = t.path().join(name);
        fs::write(&path, &bytes).unwrap();
        let mut args = vec!["add"];
        if name.ends_with(".jsonl") {
            args.extend(["--input-format", "jsonl"]);
        }
        let out = t.cmd().args(&args).arg(&path).output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{name}: {err}");
        assert!(
            err.contains(expect) && err.contains("hint:"),
            "{name}: {err}"
        );
    }
    assert!(t.refs().is_empty());
    // --lossy repairs what it can.
    t.cmd()
        .args(["add", "--lossy"])
        .arg(t.path().join("latin1.txt"))
        .assert()
        .success();
    t.verify_ok();
}

/// Articles built to be slow: they are logged, in bounded time (no timing is asserted:
/// the test finishing is the check), and what is stored verifies.
#[test]
fn pathological_articles_are_handled() {
    let t = TestStore::new();
    let cases = [
        ("quotes", "\"".repeat(300_000)),
        (
            "curly",
            format!("{}{}", "“".repeat(100_000), "”".repeat(100_000)),
        ),
        (
            "brackets",
            format!("He said {}{}.", "([{".repeat(50_000), "}])".repeat(50_000)),
        ),
        ("no-punctuation", "word ".repeat(200_000)),
        ("short-lines", "He said so.\n".repeat(10_000)),
        ("blank-lines", "a\n\n".repeat(50_000)),
        ("one-long-word", "x".repeat(1_000_000)),
    ];
    for (name, text) in &cases {
        let path = t.write(&format!("{name}.txt"), text);
        let out = t.cmd().arg("add").arg(&path).output().unwrap();
        assert!(out.status.success(), "{name}: {}", stderr(&out));
    }
    assert_eq!(t.refs().len(), cases.len());
    t.verify_ok();
    // The audit of drafts with thousands of speakers (each looked up among the earlier
    // ones: that was quadratic, 11 s for 2 MB of "He said so." lines, now 0.6 s).
    let names: String = (0..5_000)
        .map(|i| format!("Anna Smith{i} said so. He said so.\n"))
        .collect();
    // One-line drafts where each of thousands of quotations or unnamed sources looked at
    // the whole line (42 s for 1 MB of opening quotation marks; 9.4 GB and 39 s for
    // 480 KB of "according to officials, ").
    for (name, text) in [
        ("pronouns", "He said so.\n".repeat(10_000)),
        ("names", names),
        ("open-quotes", "“a ".repeat(20_000)),
        ("according", "according to officials, ".repeat(2_000)),
        ("quoted", "“He said so,” Smith said. ".repeat(3_000)),
    ] {
        let path = t.write(&format!("{name}.md"), &text);
        let out = t
            .cmd()
            .args(["audit", "--fail-on", "never", "--format", "line"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(out.status.success(), "{name}: {}", stderr(&out));
    }
}

/// `claims ... | head`: the reader goes away before the output ends. Every output format
/// (tables, JSON written through serde_json, lines) ends quietly with exit 0, as other
/// Unix tools do, instead of printing an error about a broken pipe.
#[test]
fn a_reader_that_goes_away_ends_output_quietly() {
    use std::io::Read;
    let t = TestStore::new();
    let long: String = (0..40)
        .map(|i| article(i, 0))
        .collect::<Vec<_>>()
        .join("\n\n");
    let file = t.write("long.txt", &long);
    for format in ["json", "jsonl", "table"] {
        let mut child = Command::new(bin())
            .current_dir(t.path())
            .args(["extract", "--format", format])
            .arg(&file)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 64];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        // The read end is closed here, long before the output (well over a pipe's
        // buffer) is written.
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{format}: {}", stderr(&out));
        assert!(out.stderr.is_empty(), "{format}: {}", stderr(&out));
    }
}
