//! `claims verify`: every damaged file is named and the exit code is 2; what a crash may
//! leave (temporary files, a stale lock, unreachable records) is reported, not an error.

mod common;

use common::{TestStore, jsonl_articles};
use predicates::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};

fn records(t: &TestStore) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in fs::read_dir(dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    for sub in ["versions", "texts", "refs"] {
        walk(&t.store().join(sub), &mut out);
    }
    out.sort();
    out
}

/// Runs verify and asserts it fails naming `file`.
fn assert_named(t: &TestStore, file: &Path, what: &str) {
    let out = t.cmd().arg("verify").output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{what}: verify passed\n{stdout}"
    );
    let name = file.file_name().unwrap().to_string_lossy();
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with("error") && l.contains(name.as_ref())),
        "{what}: {} not named\n{stdout}",
        file.display()
    );
    assert!(stderr.contains("hint:"), "{what}: no hint\n{stderr}");
}

#[test]
fn one_byte_changed_in_any_record_is_named() {
    let t = TestStore::with_history();
    let files = records(&t);
    assert!(files.len() >= 3 + 3 + 4, "{files:?}");
    for file in &files {
        let original = fs::read(file).unwrap();
        // Every byte of small files, a spread of positions in larger ones.
        let step = (original.len() / 24).max(1);
        let mut positions: Vec<usize> = (0..original.len()).step_by(step).collect();
        positions.push(original.len() - 1);
        for &pos in &positions {
            let mut bytes = original.clone();
            // Keep ASCII ASCII where possible, so the change is not only a UTF-8 error.
            bytes[pos] = match bytes[pos] {
                b'0'..=b'8' | b'a'..=b'y' | b'A'..=b'Y' => bytes[pos] + 1,
                b'9' | b'z' | b'Z' => b'0',
                b' ' => b'\t',
                b'\n' => b' ',
                b => b ^ 0x20,
            };
            fs::write(file, &bytes).unwrap();
            assert_named(&t, file, &format!("byte {pos} of {}", file.display()));
        }
        fs::write(file, &original).unwrap();
    }
    t.verify_ok();
}

#[test]
fn deleted_and_truncated_records_are_named() {
    let t = TestStore::with_history();
    let versions: Vec<PathBuf> = records(&t)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    let texts: Vec<PathBuf> = records(&t)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();

    // Truncated version record.
    let v = &versions[0];
    let original = fs::read(v).unwrap();
    fs::write(v, &original[..original.len() / 2]).unwrap();
    assert_named(&t, v, "truncated version");
    fs::write(v, &original).unwrap();

    // Truncated text.
    let x = &texts[0];
    let text = fs::read(x).unwrap();
    fs::write(x, &text[..text.len() - 1]).unwrap();
    assert_named(&t, x, "truncated text");
    fs::write(x, &text).unwrap();

    // Deleted text: the versions using it are named.
    fs::remove_file(x).unwrap();
    let out = t.cmd().arg("verify").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains("is missing"));
    fs::write(x, &text).unwrap();

    // Deleted version: the ref pointing at it, or the version naming it as parent.
    for v in &versions {
        let original = fs::read(v).unwrap();
        fs::remove_file(v).unwrap();
        let out = t.cmd().arg("verify").output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(2), "{stdout}");
        let id: String = format!(
            "{}{}",
            v.parent().unwrap().file_name().unwrap().to_string_lossy(),
            v.file_stem().unwrap().to_string_lossy()
        );
        assert!(
            stdout.contains(&id[..12]),
            "the missing id is named\n{stdout}"
        );
        fs::write(v, &original).unwrap();
    }
    t.verify_ok();
}

#[test]
fn stray_and_conflicted_files_are_named() {
    let t = TestStore::with_history();
    let stray = t.store().join("versions/zz");
    fs::create_dir_all(&stray).unwrap();
    assert_named(&t, &stray, "a folder that is not a fan-out folder");
    fs::remove_dir(&stray).unwrap();

    let name = t.refs().keys().next().unwrap().clone();
    let r = t.store().join("refs").join(&name);
    let original = fs::read_to_string(&r).unwrap();
    fs::write(
        &r,
        format!("<<<<<<< HEAD\n{original}=======\n{original}>>>>>>> other\n"),
    )
    .unwrap();
    let out = t.cmd().arg("verify").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains("conflict markers"));
    fs::write(&r, &original).unwrap();
    t.verify_ok();
}

#[test]
fn leftovers_of_a_crash_are_reported_not_errors() {
    let t = TestStore::with_history();
    let temp = t.store().join("versions").join("ab").join(".tmp-99999-1");
    fs::create_dir_all(temp.parent().unwrap()).unwrap();
    fs::write(&temp, "half a rec").unwrap();
    fs::write(t.store().join("lock"), "99999\n").unwrap();
    let out = t.verify_ok();
    assert!(
        out.contains(".tmp-99999-1") && out.contains("leftover"),
        "{out}"
    );
    assert!(out.contains("stale lock") && out.contains("99999"), "{out}");
    t.cmd()
        .args(["verify", "--clean"])
        .assert()
        .success()
        .stdout(predicate::str::contains("removed 1"));
    assert!(!temp.exists());
    let out = t.verify_ok();
    assert!(!out.contains("leftover") && !out.contains("stale"), "{out}");
}

#[test]
fn verify_reports_as_json() {
    let t = TestStore::with_history();
    let out = t
        .cmd()
        .args(["verify", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["refs"], 3);
    assert_eq!(report["versions"], 4);
    assert!(report["problems"].as_array().unwrap().is_empty());
}

#[test]
fn a_half_renamed_batch_is_not_damage() {
    // What a crash between the renames of one commit can leave: a version record whose
    // text was not renamed yet, and no ref pointing at it.
    let t = TestStore::new();
    let input = t.write("in.jsonl", &jsonl_articles(0..1, 0));
    t.add_jsonl(&input);
    for sub in ["refs", "texts"] {
        for entry in fs::read_dir(t.store().join(sub)).unwrap().flatten() {
            if entry.path().is_dir() {
                fs::remove_dir_all(entry.path()).unwrap();
            } else {
                fs::remove_file(entry.path()).unwrap();
            }
        }
    }
    let out = t.verify_ok();
    assert!(out.contains("note") && out.contains("is missing"), "{out}");
    // And the same add completes it.
    t.add_jsonl(&input);
    t.verify_ok();
}
