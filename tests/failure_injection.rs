//! Failure injection: a full disk (a file size limit, and a full tmpfs where a user
//! namespace can mount one), a read-only store, records deleted or truncated behind the
//! tool's back, and a stale lock. Each must end with a clear message (exit 2 where it is
//! an error), leave no partial record that `verify` accepts, keep every article logged
//! before the failure there and verifying, and offer a way back. (Killing `add` with
//! SIGKILL at many points is `tests/store_crash.rs`.)

mod common;

use common::{TestStore, article, bin, jsonl_articles};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// What must hold after any injected failure: `verify` finds no error, every article
/// logged before still has its head, and the articles `list` shows (through the index
/// cache, if any) are exactly the refs.
fn assert_nothing_lost(t: &TestStore, before: &BTreeMap<String, String>, what: &str) {
    let report = t.verify_ok();
    assert!(
        !report.lines().any(|l| l.starts_with("error")),
        "{what}: {report}"
    );
    let now = t.refs();
    for (name, head) in before {
        assert_eq!(now.get(name), Some(head), "{what}: {name} lost or moved");
    }
    let listed: BTreeSet<String> = t
        .jsonl(&["list"])
        .iter()
        .map(|r| r["article"].as_str().unwrap().to_owned())
        .collect();
    let refs: BTreeSet<String> = now.keys().cloned().collect();
    assert_eq!(listed, refs, "{what}: list and refs disagree");
}

/// A JSON Lines file of `count` generated articles numbered from `first`, where the one at
/// `big_at` (if any) is large enough to pass a small file size limit.
fn input_with_big_article(
    t: &TestStore,
    name: &str,
    first: usize,
    count: usize,
    big_at: Option<usize>,
) -> PathBuf {
    let mut out = String::new();
    for i in 0..count {
        let n = first + i;
        let text = if Some(i) == big_at {
            article(n, 0).repeat(400)
        } else {
            article(n, 0)
        };
        let line = serde_json::json!({"id": format!("gen/{n:04}.txt"), "text": text});
        out.push_str(&line.to_string());
        out.push('\n');
    }
    t.write(name, &out)
}

fn has_sh() -> bool {
    Command::new("sh").arg("-c").arg("true").status().is_ok()
}

/// `claims --store <store> <args>` under `ulimit -f <blocks>`.
fn add_with_file_size_limit(t: &TestStore, blocks: u32, args: &[&str], input: &Path) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -f {blocks} && exec \"$0\" \"$@\""))
        .arg(bin())
        .arg("--store")
        .arg(t.store())
        .args(args)
        .arg(input)
        .env_remove("CLAIMS_STORE")
        .output()
        .expect("sh runs")
}

#[test]
fn a_file_size_limit_fails_cleanly_wherever_it_hits() {
    if !has_sh() {
        eprintln!("skipped: no `sh` to set a file size limit");
        return;
    }
    let t = TestStore::new();
    let base = t.write("base.jsonl", &jsonl_articles(0..4, 0));
    t.add_jsonl(&base);

    const COUNT: usize = 10;
    const BATCH: usize = 3;
    for (round, big_at) in [0, 2, 4, 9].into_iter().enumerate() {
        let first = 100 + round * COUNT;
        let input = input_with_big_article(
            &t,
            &format!("round{round}.jsonl"),
            first,
            COUNT,
            Some(big_at),
        );
        let before = t.refs();
        // 200 blocks: 100 or 200 KB depending on the shell; the big article's text is
        // about 500 KB, every other file a few KB.
        let out = add_with_file_size_limit(
            &t,
            200,
            &[
                "add",
                "--input-format",
                "jsonl",
                "--batch-size",
                &BATCH.to_string(),
            ],
            &input,
        );
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "round {round}: {err}");
        assert!(
            err.contains("error:") && err.contains("too large") && err.contains("hint:"),
            "round {round}: {err}"
        );
        assert!(err.contains("file size limit"), "round {round}: {err}");
        assert_nothing_lost(&t, &before, &format!("round {round}"));
        // The batches committed before the one holding the big article are logged, and
        // nothing of that batch or after it.
        let logged = (big_at / BATCH) * BATCH;
        let now = t.refs();
        for i in 0..COUNT {
            let name = format!("gen-{:04}", first + i);
            assert_eq!(
                now.contains_key(&name),
                i < logged,
                "round {round}: {name} (big article at {big_at})"
            );
        }
        // The way back: the same add without the limit completes.
        t.add_jsonl(&input);
        assert_nothing_lost(&t, &before, &format!("round {round}, rerun"));
        assert_eq!(t.refs().len(), before.len() + COUNT);
    }
}

/// A real full disk: a 1 MiB tmpfs mounted in a user namespace (`unshare -rm`), where
/// writes fail with ENOSPC. Skipped where user namespaces are not allowed.
#[test]
fn a_full_disk_fails_cleanly() {
    let probe = Command::new("unshare")
        .args(["-rm", "sh", "-c", "true"])
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: `unshare -rm` is not available here (no user namespaces)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mount = dir.path().join("disk");
    fs::create_dir(&mount).unwrap();
    let small = dir.path().join("small.jsonl");
    fs::write(&small, jsonl_articles(0..5, 0)).unwrap();
    let mut big = String::new();
    for i in 10..40 {
        let text = article(i, 0).repeat(20);
        big.push_str(&serde_json::json!({"id": format!("big/{i}"), "text": text}).to_string());
        big.push('\n');
    }
    let big_path = dir.path().join("big.jsonl");
    fs::write(&big_path, big).unwrap();
    // Everything runs inside the namespace, where the tmpfs exists; the outcome of each
    // step is printed for the test to read.
    let script = r#"
        set -u
        mount -t tmpfs -o size=1m tmpfs "$1" || exit 99
        S="$1/claims"
        "$0" init --store "$S" >/dev/null || exit 98
        "$0" --store "$S" add --input-format jsonl "$2" >/dev/null 2>&1
        echo "small=$?"
        "$0" --store "$S" add --input-format jsonl --batch-size 2 "$3" >/dev/null 2>"$1/../add.err"
        echo "big=$?"
        "$0" --store "$S" verify >"$1/../verify.out" 2>&1
        echo "verify=$?"
        "$0" --store "$S" list --format jsonl >"$1/../list.out" 2>&1
        echo "list=$?"
        ls "$S/refs" >"$1/../refs.out"
    "#;
    let out = Command::new("unshare")
        .args(["-rm", "sh", "-c", script])
        .arg(bin())
        .arg(&mount)
        .arg(&small)
        .arg(&big_path)
        .env_remove("CLAIMS_STORE")
        .output()
        .unwrap();
    let steps = String::from_utf8_lossy(&out.stdout).into_owned();
    if out.status.code() == Some(99) {
        eprintln!("skipped: cannot mount a tmpfs in a user namespace here");
        return;
    }
    let read = |name: &str| fs::read_to_string(dir.path().join(name)).unwrap_or_default();
    assert!(steps.contains("small=0"), "{steps}");
    assert!(
        steps.contains("big=2"),
        "the disk was expected to fill: {steps}"
    );
    let err = read("add.err");
    assert!(
        err.contains("No space left") && err.contains("hint:") && err.contains("disk is full"),
        "{err}"
    );
    assert!(
        steps.contains("verify=0"),
        "{steps}\n{}",
        read("verify.out")
    );
    assert!(steps.contains("list=0"), "{steps}\n{}", read("list.out"));
    let refs: BTreeSet<String> = read("refs.out").lines().map(str::to_owned).collect();
    for i in 0..5 {
        assert!(refs.contains(&format!("gen-{i:04}")), "{refs:?}");
    }
    let listed: BTreeSet<String> = read("list.out")
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["article"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(listed, refs, "list and refs agree after the failure");
}

/// The user id of this process (a file it creates is owned by it).
#[cfg(unix)]
fn running_as_root(dir: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let probe = dir.join("uid-probe");
    fs::write(&probe, "").unwrap();
    let uid = fs::metadata(&probe).unwrap().uid();
    fs::remove_file(&probe).unwrap();
    uid == 0
}

#[cfg(unix)]
fn set_mode_recursively(path: &Path, dir_mode: u32, file_mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    let meta = fs::symlink_metadata(path).unwrap();
    if meta.is_dir() {
        for e in fs::read_dir(path).unwrap().flatten() {
            set_mode_recursively(&e.path(), dir_mode, file_mode);
        }
        fs::set_permissions(path, fs::Permissions::from_mode(dir_mode)).unwrap();
    } else if meta.is_file() {
        fs::set_permissions(path, fs::Permissions::from_mode(file_mode)).unwrap();
    }
}

/// A read-only store: writes are refused with a clear message, reads still work, and
/// nothing changes. Tests run as root here, where permissions do not stop writes: the
/// commands then run as user `nobody` (65534); where that is impossible the test says
/// it is skipped rather than passing without testing anything.
#[cfg(unix)]
#[test]
fn a_read_only_store_refuses_writes_and_still_reads() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let t = TestStore::new();
    let input = t.write("in.jsonl", &jsonl_articles(0..4, 0));
    t.add_jsonl(&input);
    t.cmd().arg("list").assert().success(); // the index cache exists
    let before = t.refs();
    let new_input = t.write("new.jsonl", &jsonl_articles(10..12, 0));

    let as_root = running_as_root(t.path());
    if as_root {
        // `nobody` must reach the store and the inputs.
        fs::set_permissions(t.path(), fs::Permissions::from_mode(0o755)).unwrap();
        for f in [&input, &new_input] {
            fs::set_permissions(f, fs::Permissions::from_mode(0o644)).unwrap();
        }
    }
    set_mode_recursively(&t.store(), 0o555, 0o444);
    let run = |args: &[&str]| -> Output {
        let mut c = Command::new(bin());
        c.arg("--store")
            .arg(t.store())
            .args(args)
            .env_remove("CLAIMS_STORE");
        if as_root {
            c.uid(65534).gid(65534);
        }
        c.output().expect("claims runs")
    };
    // Does the store really refuse writes to whoever runs claims?
    let mut probe = Command::new("sh");
    probe
        .arg("-c")
        .arg("echo x > \"$0/probe\"")
        .arg(t.store().join("refs"));
    if as_root {
        probe.uid(65534).gid(65534);
    }
    let writable = probe.status().is_ok_and(|s| s.success());
    let restore = || set_mode_recursively(&t.store(), 0o755, 0o644);
    if writable || run(&["list"]).status.code() != Some(0) {
        restore();
        eprintln!(
            "skipped: cannot make the store read-only for the user running claims here \
             (root without a way to run as `nobody`?)"
        );
        return;
    }

    let out = run(&[
        "add",
        "--input-format",
        "jsonl",
        new_input.to_str().unwrap(),
    ]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("Permission denied") && err.contains("not writable"),
        "{err}"
    );
    // Reading commands work, and verify checks without the lock.
    let out = run(&["list", "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!out.stdout.is_empty());
    let out = run(&["verify"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = run(&["verify", "--clean"]);
    assert_eq!(out.status.code(), Some(2), "clean needs the lock");
    assert!(stderr(&out).contains("writable"), "{}", stderr(&out));

    restore();
    assert_nothing_lost(&t, &before, "read-only store");
    assert_eq!(t.refs(), before);
    // The way back: once writable, the same add works.
    t.add_jsonl(&new_input);
    assert_eq!(t.refs().len(), before.len() + 2);
}

fn head_record(t: &TestStore, article: &str) -> PathBuf {
    let id = t.refs()[article].clone();
    t.store()
        .join("versions")
        .join(&id[..2])
        .join(format!("{}.toml", &id[2..]))
}

fn verify_output(t: &TestStore) -> (Option<i32>, String, String) {
    let out = t.cmd().arg("verify").output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr(&out),
    )
}

/// The other articles, untouched, still verify one by one: their histories read, and
/// `verify` names no file of theirs.
fn assert_others_intact(t: &TestStore, damaged: &str, verify_stdout: &str) {
    for (name, head) in t.refs() {
        if name == damaged {
            continue;
        }
        let path = head_record(t, &name);
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            !verify_stdout
                .lines()
                .any(|l| l.starts_with("error") && l.contains(&file)),
            "{name} reported damaged:\n{verify_stdout}"
        );
        let history = t.jsonl(&["history", &name]);
        assert_eq!(history[0]["version"].as_str(), Some(head.as_str()));
    }
}

#[test]
fn a_record_deleted_behind_the_tools_back_is_named_with_a_way_back() {
    let t = TestStore::with_history();
    let damaged = "gen-0000";
    let record = head_record(&t, damaged);
    let saved = fs::read(&record).unwrap();
    fs::remove_file(&record).unwrap();

    let (code, stdout, err) = verify_output(&t);
    assert_eq!(code, Some(2), "{stdout}");
    assert!(
        stdout.contains("missing or damaged") && stdout.contains(damaged),
        "{stdout}"
    );
    assert!(err.contains("hint:") && err.contains("git"), "{err}");
    assert_others_intact(&t, damaged, &stdout);

    // Logging a revision of the damaged article fails clearly, writing nothing.
    let refs = t.refs();
    let revised = t.write("revised.jsonl", &jsonl_articles(0..1, 2));
    let out = t
        .cmd()
        .args(["add", "--input-format", "jsonl"])
        .arg(&revised)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("version record is missing") && err.contains("claims verify"),
        "{err}"
    );
    assert_eq!(t.refs(), refs);
    // Other articles can still be logged.
    let other = t.write("other.jsonl", &jsonl_articles(50..51, 0));
    t.add_jsonl(&other);

    // Way back 1: restore the file (from git or another clone).
    fs::write(&record, &saved).unwrap();
    t.verify_ok();
    // Way back 2, with no copy anywhere: drop the article's ref and add it again.
    fs::remove_file(&record).unwrap();
    fs::remove_file(t.store().join("refs").join(damaged)).unwrap();
    let report = t.verify_ok();
    assert!(report.contains("note"), "{report}");
    t.add_jsonl(&revised);
    t.verify_ok();
    assert_eq!(t.jsonl(&["history", damaged]).len(), 1);
}

#[test]
fn truncated_records_and_texts_are_named_and_never_accepted() {
    let t = TestStore::with_history();
    let damaged = "gen-0001";
    let record = head_record(&t, damaged);
    let saved = fs::read(&record).unwrap();
    // Truncated at many points: never a record that verify accepts.
    for cut in [
        0,
        1,
        saved.len() / 4,
        saved.len() / 2,
        saved.len() - 2,
        saved.len() - 1,
    ] {
        fs::write(&record, &saved[..cut]).unwrap();
        let (code, stdout, _) = verify_output(&t);
        assert_eq!(code, Some(2), "cut at {cut}: {stdout}");
        assert_others_intact(&t, damaged, &stdout);
        // Commands reading it say where the damage is (without its last newline it
        // still reads as the same record: only verify insists on the exact bytes).
        if cut < saved.len() - 1 {
            let out = t.cmd().args(["diff", damaged]).output().unwrap();
            assert_eq!(out.status.code(), Some(2), "cut at {cut}");
            assert!(stderr(&out).contains("damaged"), "{}", stderr(&out));
        }
    }
    fs::write(&record, &saved).unwrap();
    t.verify_ok();

    // A truncated text.
    let rec: String = String::from_utf8(saved).unwrap();
    let text_id = rec
        .lines()
        .find_map(|l| l.strip_prefix("text = \""))
        .map(|l| l.trim_end_matches('"').to_owned())
        .unwrap();
    let text = t
        .store()
        .join("texts")
        .join(&text_id[..2])
        .join(format!("{}.txt", &text_id[2..]));
    let saved_text = fs::read(&text).unwrap();
    fs::write(&text, &saved_text[..saved_text.len() / 2]).unwrap();
    let (code, stdout, _) = verify_output(&t);
    assert_eq!(code, Some(2));
    assert!(stdout.contains(&text_id[2..14]), "{stdout}");
    fs::write(&text, &saved_text).unwrap();
    t.verify_ok();
}

#[test]
fn a_stale_lock_is_reported_and_cleared() {
    let t = TestStore::with_history();
    let before = t.refs();
    // What a writer killed while holding the lock leaves: its pid in an unlocked file.
    fs::write(t.store().join("lock"), "4194303\n").unwrap();
    let report = t.verify_ok();
    assert!(
        report.contains("stale lock") && report.contains("4194303") && report.contains("--clean"),
        "{report}"
    );
    // It blocks nobody: the next add goes ahead at once.
    let input = t.write("more.jsonl", &jsonl_articles(20..22, 0));
    t.cmd()
        .args(["add", "--input-format", "jsonl", "--lock-timeout", "0"])
        .arg(&input)
        .assert()
        .success();
    // And that write cleared it.
    let report = t.verify_ok();
    assert!(!report.contains("stale"), "{report}");
    fs::write(t.store().join("lock"), "4194303\n").unwrap();
    t.cmd().args(["verify", "--clean"]).assert().success();
    assert!(!t.verify_ok().contains("stale"));
    assert_nothing_lost(&t, &before, "stale lock");
}
