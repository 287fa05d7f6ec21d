//! The HTML reports rendered by a real browser: headless Chromium (Debian's `chromium`)
//! loads each report, and the test checks that its script ran, that nothing was logged
//! to the console (no script error, no blocked load) and that the expected elements are
//! in the rendered page.
//!
//! Skipped, saying so, where no Chromium is installed, unless CLAIMS_REQUIRE_BROWSER is
//! set (`.ci/run` installs Chromium and sets it). CLAIMS_CHROMIUM names another binary.

mod common;

use common::TestStore;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/report");

fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("CLAIMS_CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser"].map(|name| dir.join(name)))
        .find(|p| p.is_file())
}

/// The browser, or None (and a note) when the test is to be skipped.
fn browser_or_skip() -> Option<PathBuf> {
    let found = chromium();
    if found.is_none() {
        assert!(
            std::env::var_os("CLAIMS_REQUIRE_BROWSER").is_none(),
            "CLAIMS_REQUIRE_BROWSER is set but no chromium is installed (apt-get install chromium)"
        );
        eprintln!("skipped: no chromium on PATH (apt-get install chromium to run this test)");
    }
    found
}

/// What the browser made of a page: the DOM after the scripts ran, and its console.
struct Rendered {
    dom: String,
    console: Vec<String>,
}

fn render(browser: &Path, page: &Path) -> Rendered {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chromium starts");
    let stdout = child.stdout.take().unwrap();
    let stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || std::io::read_to_string(stdout).unwrap_or_default());
    let err = std::thread::spawn(move || std::io::read_to_string(stderr).unwrap_or_default());
    let deadline = Instant::now() + Duration::from_secs(120);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            child.kill().ok();
            panic!("chromium did not finish within 120 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let console = err
        .join()
        .unwrap()
        .lines()
        .filter(|l| l.contains(":CONSOLE"))
        .map(str::to_owned)
        .collect();
    Rendered {
        dom: out.join().unwrap(),
        console,
    }
}

fn write_report(t: &TestStore, name: &str, args: &[&str]) -> PathBuf {
    let out = t.cmd().args(args).output().unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
    t.write(name, &String::from_utf8(out.stdout).unwrap())
}

#[test]
fn reports_render_in_chromium_without_errors() {
    let Some(browser) = browser_or_skip() else {
        return;
    };
    // The check itself catches a script error: a page with one is reported.
    let t = TestStore::new();
    let broken = t.write(
        "broken.html",
        "<!DOCTYPE html><html><body><script>undefinedFunction();</script></body></html>",
    );
    let seen = render(&browser, &broken);
    assert!(
        seen.console.iter().any(|l| l.contains("undefinedFunction")),
        "the console check missed a script error: {:?}",
        seen.console
    );

    let mut files: Vec<_> = std::fs::read_dir(FIXTURES)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    t.cmd().arg("add").args(&files).assert().success();
    let compare = write_report(&t, "compare.html", &["compare", "--format", "html"]);
    let seen = render(&browser, &compare);
    assert!(seen.console.is_empty(), "console: {:?}", seen.console);
    assert!(seen.dom.contains("data-ready=\"yes\""), "the script ran");
    assert_eq!(seen.dom.matches("<article class=\"story\"").count(), 2);
    assert!(seen.dom.contains("class=\"match contradiction\""));
    assert!(seen.dom.contains("<svg class=\"chart\""));
    assert!(seen.dom.contains("<mark class=\"s-named\""));

    let audit = write_report(
        &t,
        "audit.html",
        &[
            "audit",
            "--format",
            "html",
            &format!("{FIXTURES}/valley-post.md"),
            &format!("{FIXTURES}/harbour-times.md"),
        ],
    );
    let seen = render(&browser, &audit);
    assert!(seen.console.is_empty(), "console: {:?}", seen.console);
    assert!(seen.dom.contains("data-ready=\"yes\""));
    assert_eq!(seen.dom.matches("<section class=\"draft\"").count(), 2);
    assert!(seen.dom.contains("class=\"finding"));
}
