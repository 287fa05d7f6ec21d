//! Output on a real terminal, through a pseudo-terminal made by util-linux `script`:
//! tables at 80 and 120 columns (and a terminal reporting 0) with every escape sequence
//! whole and every line's colour reset; long output through the pager, short output,
//! pipes and --no-pager straight out. Skipped, saying so, where `script` is missing.

mod common;

use common::{TestStore, bin};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/report");

fn have_script() -> bool {
    let found = Command::new("script")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        eprintln!("skipped: util-linux `script` is not installed");
    }
    found
}

fn fixture_store() -> TestStore {
    let t = TestStore::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(FIXTURES)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    t.cmd().arg("add").args(&files).assert().success();
    t
}

/// Runs `claims --store STORE ARGS` on a terminal of `cols` x `rows`; returns what the
/// terminal showed, line ends as written by the program.
fn on_terminal(t: &TestStore, size: (u16, u16), env: &[(&str, &str)], args: &str) -> String {
    let command = format!(
        "stty cols {} rows {}; exec {} --store {} {args}",
        size.0,
        size.1,
        bin().display(),
        t.store().display()
    );
    let mut cmd = Command::new("script");
    cmd.args(["-qec", &command, "/dev/null"])
        .current_dir(t.path())
        .stdin(Stdio::null())
        .env_remove("NO_COLOR")
        .env_remove("PAGER")
        .env_remove("CLAIMS_STORE");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("script runs");
    assert!(out.status.success(), "{command}: {out:?}");
    String::from_utf8(out.stdout).unwrap().replace("\r\n", "\n")
}

/// The colour codes the program writes: SGR sequences, `ESC [ digits m`.
fn check_sequences(screen: &str) {
    for line in screen.lines() {
        let mut open = false;
        let mut rest = line;
        while let Some(at) = rest.find('\x1b') {
            let after = &rest[at + 1..];
            let params = after
                .strip_prefix('[')
                .unwrap_or_else(|| panic!("ESC not followed by [ in {line:?}"));
            let end = params
                .find(|c: char| !c.is_ascii_digit() && c != ';')
                .unwrap_or_else(|| panic!("a cut escape sequence at the end of {line:?}"));
            assert_eq!(&params[end..end + 1], "m", "not a colour code in {line:?}");
            open = &params[..end] != "0";
            rest = &params[end + 1..];
        }
        assert!(!open, "colour still on at the end of {line:?}");
        assert!(!line.starts_with("0m"), "the tail of a cut code: {line:?}");
    }
}

fn visible_width(line: &str) -> usize {
    let mut n = 0;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            n += 1;
        }
    }
    n
}

#[test]
fn tables_keep_escape_sequences_whole_at_80_and_120_columns() {
    if !have_script() {
        return;
    }
    let t = fixture_store();
    for cols in [80u16, 120, 50] {
        for args in [
            "compare --no-pager",
            "list --no-pager",
            "articles --no-pager",
        ] {
            // NO_COLOR is set: --color always must win over it.
            let screen = on_terminal(
                &t,
                (cols, 40),
                &[("NO_COLOR", "1")],
                &format!("--color always {args}"),
            );
            if args.starts_with("compare") {
                assert!(screen.contains('\x1b'), "{args} at {cols}: coloured");
            }
            check_sequences(&screen);
            // At 50 columns a table of five columns cannot fit (the table keeps a
            // minimum per column); at 80 and 120 it must.
            let widest = screen.lines().map(visible_width).max().unwrap();
            assert!(
                cols < 80 || widest <= usize::from(cols),
                "{args}: {widest} > {cols}"
            );
        }
    }
    // Without --color always, NO_COLOR turns colour off on a terminal too.
    let plain = on_terminal(&t, (80, 40), &[("NO_COLOR", "1")], "compare --no-pager");
    assert!(!plain.contains('\x1b'));
}

#[test]
fn a_terminal_of_width_0_gets_80_columns() {
    if !have_script() {
        return;
    }
    let t = fixture_store();
    let screen = on_terminal(&t, (0, 0), &[], "compare --no-pager");
    let widest = screen.lines().map(visible_width).max().unwrap();
    assert!((70..=80).contains(&widest), "widest line {widest}");
    check_sequences(&screen);
}

/// A pager that notes it was called and keeps what it was given.
fn fake_pager(dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let log = dir.join("pager.log");
    let got = dir.join("pager.out");
    let script = dir.join("pager.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\necho called >> {}\ncat > {}\n",
            log.display(),
            got.display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    (script, log, got)
}

#[test]
fn long_output_on_a_terminal_goes_through_the_pager() {
    if !have_script() {
        return;
    }
    let t = fixture_store();
    let (pager, log, got) = fake_pager(t.path());
    let pager = pager.to_str().unwrap();
    // The comparison is longer than 24 rows: paged, not printed.
    let screen = on_terminal(&t, (80, 24), &[("PAGER", pager)], "compare");
    assert_eq!(std::fs::read_to_string(&log).unwrap(), "called\n");
    let paged = std::fs::read_to_string(&got).unwrap();
    assert!(paged.contains("Claims matched across articles"));
    assert!(
        !screen.contains("Claims matched across articles"),
        "{screen}"
    );
    check_sequences(&paged);

    // Shorter than the screen: printed, the pager not called.
    std::fs::remove_file(&log).unwrap();
    let screen = on_terminal(&t, (120, 60), &[("PAGER", pager)], "articles");
    assert!(screen.contains("river-gazette"));
    assert!(!log.exists(), "the pager ran for a short output");

    // --no-pager, and a pager that cannot start: printed directly.
    let screen = on_terminal(&t, (80, 24), &[("PAGER", pager)], "--no-pager compare");
    assert!(screen.contains("Claims matched across articles"));
    assert!(!log.exists());
    let screen = on_terminal(&t, (80, 24), &[("PAGER", "/no/such/pager")], "compare");
    assert!(screen.contains("Claims matched across articles"));

    // Not a terminal: never paged.
    let out = t
        .cmd()
        .env("PAGER", pager)
        .args(["compare", "--format", "table"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("Claims matched")
    );
    assert!(!log.exists(), "paged into a pipe");
}
