//! Verdicts through the real binary: `claims rate`, the rating records in the store,
//! `show`, `list --rated`, `verify` on damaged ratings, and the ClaimReview export.

mod common;

use common::TestStore;
use predicates::prelude::*;
use serde_json::Value;
use std::path::PathBuf;

/// Two articles from two outlets carrying the same claim, attributed to one person.
fn desk() -> (TestStore, String) {
    let t = TestStore::new();
    let articles = [
        (
            "ledger-bridge",
            "The Ledger",
            "2021-05-03",
            "https://ledger.example/bridge",
            "Mayor Ana Ruiz said the bridge would reopen in June. Traffic fell by a third.",
        ),
        (
            "courier-bridge",
            "The Courier",
            "2021-05-01",
            "https://courier.example/bridge",
            "Mayor Ana Ruiz said the bridge would reopen in June. The council disagreed.",
        ),
    ];
    for (name, outlet, date, url, text) in articles {
        let path = t.write(&format!("{name}.md"), text);
        t.cmd()
            .args(["add", "--article", name, "--outlet", outlet])
            .args(["--published", date, "--url", url, "--title"])
            .arg(format!("{outlet} on the bridge"))
            .arg(&path)
            .assert()
            .success();
    }
    let rows = t.jsonl(&["list", "--source", "ruiz"]);
    let id = rows
        .iter()
        .find(|r| r["text"].as_str().unwrap().contains("reopen in June"))
        .expect("the mayor's claim")["id"]
        .as_str()
        .unwrap()
        .to_owned();
    (t, id)
}

fn rating_files(t: &TestStore) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(fans) = std::fs::read_dir(t.store().join("ratings")) else {
        return out;
    };
    for fan in fans.flatten() {
        for f in std::fs::read_dir(fan.path()).unwrap().flatten() {
            out.push(f.path());
        }
    }
    out.sort();
    out
}

fn rate(t: &TestStore, id: &str, extra: &[&str]) -> Value {
    let out = t
        .cmd()
        .args([
            "rate",
            &id[..10],
            "--by",
            "Example Check",
            "--format",
            "json",
        ])
        .args(extra)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_later_rating_supersedes_and_the_history_stays() {
    let (t, id) = desk();
    let first = rate(
        &t,
        &id,
        &["--verdict", "Unproven", "--note", "No date was set yet."],
    );
    assert_eq!(first["claim"], id.as_str());
    assert!(first["supersedes"].is_null());
    let second = rate(
        &t,
        &id,
        &[
            "--verdict",
            "False",
            "--rating",
            "1",
            "--note",
            "The city set September.",
            "--url",
            "https://check.example/bridge",
        ],
    );
    assert_eq!(second["supersedes"], first["id"]);
    // One immutable file per rating, named by its hash: nothing rewritten.
    let files = rating_files(&t);
    assert_eq!(files.len(), 2);
    for f in &files {
        let hex = format!(
            "{}{}",
            f.parent().unwrap().file_name().unwrap().to_string_lossy(),
            f.file_stem().unwrap().to_string_lossy()
        );
        assert!(hex == first["id"] || hex == second["id"], "{hex}");
    }
    let shown = &t.jsonl(&["show", &id[..10]])[0];
    assert_eq!(shown["rating"]["verdict"], "False");
    assert_eq!(shown["rating"]["rating"], 1);
    assert_eq!(shown["rating"]["earlier"], 1);
    t.cmd()
        .args(["show", &id[..10], "--format", "table"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "rated False (1 on 1..5) by Example Check",
        ))
        .stdout(predicate::str::contains("replacing 1 earlier rating(s)"));
    let rated = t.jsonl(&["list", "--rated"]);
    assert_eq!(rated.len(), 2, "the claim in both articles");
    assert!(rated.iter().all(|r| r["id"] == id.as_str()));
    assert!(rated.iter().all(|r| r["rating"]["verdict"] == "False"));
    let all = t.jsonl(&["list"]);
    assert!(all.len() > rated.len());
    let out = t.verify_ok();
    assert!(out.contains("2 ratings: 0 error(s)"), "{out}");
}

#[test]
fn claimreview_export_has_every_field_google_asks_for() {
    let (t, id) = desk();
    // A rating without a URL cannot be a ClaimReview: left out with a warning.
    rate(&t, &id, &["--verdict", "Unproven", "--note", "Not yet."]);
    let out = t
        .cmd()
        .args(["export", "--format", "claimreview"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let none: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(none.as_array().unwrap().len(), 0);
    assert!(String::from_utf8_lossy(&out.stderr).contains("no review URL"));

    rate(
        &t,
        &id,
        &[
            "--verdict",
            "Mostly false",
            "--rating",
            "2",
            "--best",
            "5",
            "--worst",
            "1",
            "--note",
            "The city set September.",
            "--url",
            "https://check.example/bridge",
        ],
    );
    let out = t
        .cmd()
        .args(["export", "--format", "claimreview"])
        .env("SOURCE_DATE_EPOCH", "1620000000")
        .output()
        .unwrap();
    assert!(out.status.success());
    let reviews: Value = serde_json::from_slice(&out.stdout).unwrap();
    let reviews = reviews.as_array().unwrap();
    assert_eq!(reviews.len(), 1, "only the rated claim");
    let r = &reviews[0];
    assert_eq!(r["@context"], "https://schema.org");
    assert_eq!(r["@type"], "ClaimReview");
    assert_eq!(r["url"], "https://check.example/bridge");
    assert!(
        r["claimReviewed"]
            .as_str()
            .unwrap()
            .contains("reopen in June")
    );
    assert!(is_iso_date(&r["datePublished"]), "{}", r["datePublished"]);
    assert_eq!(r["author"]["@type"], "Organization");
    assert_eq!(r["author"]["name"], "Example Check");
    let rating = &r["reviewRating"];
    assert_eq!(rating["@type"], "Rating");
    assert_eq!(rating["alternateName"], "Mostly false");
    assert_eq!(rating["ratingValue"], 2);
    assert_eq!(rating["bestRating"], 5);
    assert_eq!(rating["worstRating"], 1);
    let item = &r["itemReviewed"];
    assert_eq!(item["@type"], "Claim");
    assert_eq!(item["author"]["@type"], "Person");
    assert_eq!(item["author"]["name"], "Ana Ruiz");
    let pages = item["appearance"].as_array().unwrap();
    assert_eq!(pages.len(), 2);
    for p in pages {
        assert!(p["url"].as_str().unwrap().starts_with("https://"));
        assert!(p["headline"].as_str().unwrap().ends_with("on the bridge"));
        assert!(is_iso_date(&p["datePublished"]));
        assert_eq!(p["publisher"]["@type"], "Organization");
    }
    // The first appearance is the earliest article.
    assert_eq!(
        item["firstAppearance"]["url"],
        "https://courier.example/bridge"
    );
    assert_eq!(item["datePublished"], "2021-05-01");
}

fn is_iso_date(v: &Value) -> bool {
    let s = v.as_str().unwrap_or("");
    s.len() == 10 && chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
}

#[test]
fn bad_ratings_are_refused_with_a_hint() {
    let (t, id) = desk();
    let short = &id[..10];
    let cases: &[(&[&str], &str)] = &[
        (&["--rating", "7"], "not on the scale"),
        (
            &["--rating", "3", "--best", "2", "--worst", "2"],
            "must differ",
        ),
        (
            &["--url", "ftp://check.example/x"],
            "not an http or https address",
        ),
        (&["--url", "https://"], "not an http or https address"),
    ];
    for (extra, message) in cases {
        t.cmd()
            .args([
                "rate",
                short,
                "--verdict",
                "False",
                "--note",
                "n",
                "--by",
                "me",
            ])
            .args(*extra)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(*message));
    }
    t.cmd()
        .args([
            "rate",
            short,
            "--verdict",
            "  ",
            "--note",
            "n",
            "--by",
            "me",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("verdict is empty"));
    // A scale that runs the other way is fine.
    rate(
        &t,
        &id,
        &[
            "--verdict",
            "Best",
            "--rating",
            "1",
            "--best",
            "1",
            "--worst",
            "10",
            "--note",
            "n",
        ],
    );
    // An id one typo away is suggested.
    let mut typo: Vec<char> = id[..10].chars().collect();
    typo[5] = if typo[5] == '0' { '1' } else { '0' };
    let typo: String = typo.into_iter().collect();
    t.cmd()
        .args([
            "rate",
            &typo,
            "--verdict",
            "False",
            "--note",
            "n",
            "--by",
            "me",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "did you mean {}",
            &id[..12]
        )));
    t.cmd()
        .args([
            "rate",
            "zz",
            "--verdict",
            "False",
            "--note",
            "n",
            "--by",
            "me",
        ])
        .assert()
        .code(2);
    assert_eq!(
        rating_files(&t).len(),
        1,
        "nothing written for a refused rating"
    );
}

#[test]
fn damaged_rating_files_are_named_never_a_panic() {
    let (t, id) = desk();
    rate(&t, &id, &["--verdict", "False", "--note", "n"]);
    let good = rating_files(&t)[0].clone();
    let fan = good.parent().unwrap().to_owned();
    let hostile: &[(&str, &[u8])] = &[
        ("garbage", b"\xff\xfe not toml at all \x00"),
        ("empty", b""),
        ("wrong-claim", b"claim = \"abc\"\n"),
        ("huge-number", b"rating = 99999999999999999999999\n"),
    ];
    for (what, bytes) in hostile {
        let name = fan.join(format!("{}.toml", "0".repeat(62)));
        std::fs::write(&name, bytes).unwrap();
        let out = t.cmd().arg("verify").output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{what}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains(&"0".repeat(62)), "{what}: {stdout}");
        // Reading commands warn and go on.
        t.cmd()
            .args(["list", "--rated", "--format", "jsonl"])
            .assert()
            .success()
            .stderr(predicate::str::contains("rating left out"));
        // Rating again is refused until the damage is dealt with.
        t.cmd()
            .args([
                "rate",
                &id[..10],
                "--verdict",
                "x",
                "--note",
                "n",
                "--by",
                "me",
            ])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("damaged"));
        std::fs::remove_file(&name).unwrap();
    }
    // An edited record no longer hashes to its name.
    let text = std::fs::read_to_string(&good).unwrap();
    std::fs::write(
        &good,
        text.replace("verdict = \"False\"", "verdict = \"True\""),
    )
    .unwrap();
    t.cmd()
        .arg("verify")
        .assert()
        .code(2)
        .stdout(predicate::str::contains("not to its name"));
    std::fs::write(&good, &text).unwrap();
    t.verify_ok();
    #[cfg(unix)]
    {
        let link = fan.join(format!("{}.toml", "1".repeat(62)));
        std::os::unix::fs::symlink("/etc/passwd", &link).unwrap();
        t.cmd()
            .arg("verify")
            .assert()
            .code(2)
            .stdout(predicate::str::contains("symbolic link"));
        std::fs::remove_file(&link).unwrap();
    }
}

#[test]
fn rate_help_has_examples() {
    let t = TestStore::new();
    for sub in ["rate", "export"] {
        t.cmd()
            .args([sub, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("EXAMPLES:"));
    }
}
