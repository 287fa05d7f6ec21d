//! `compare --format html` and `audit --format html` through the real binary, on
//! articles written for these tests (`tests/fixtures/report/`): one self-contained page,
//! stories with their contradictions first, every claim anchored, nothing from an
//! article left unescaped.

mod common;

use common::TestStore;
use predicates::prelude::*;
use std::collections::HashSet;
use std::path::Path;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/report");

/// A store holding the report fixtures: two stories (a flood told by three outlets, a
/// strike told by two).
fn fixture_store() -> TestStore {
    let t = TestStore::new();
    let mut files: Vec<_> = std::fs::read_dir(FIXTURES)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    t.cmd().arg("add").args(&files).assert().success();
    t
}

fn html_of(t: &TestStore, args: &[&str]) -> String {
    let out = t.cmd().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Every value of `attr="..."` in the page.
fn attribute_values<'h>(html: &'h str, attr: &str) -> Vec<&'h str> {
    let needle = format!(" {attr}=\"");
    html.match_indices(&needle)
        .map(|(at, _)| {
            let rest = &html[at + needle.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect()
}

/// What makes a page self-contained and well linked: no address outside it, one script
/// (its own), every in-page link pointing at an element of the page, no id twice.
fn assert_self_contained(html: &str) {
    assert!(html.starts_with("<!DOCTYPE html>"), "{}", &html[..80]);
    for outside in [
        "http://", "https://", "src=", "<link", "url(", "@import", "//cdn",
    ] {
        assert!(
            !html.contains(outside),
            "the page refers outside: {outside}"
        );
    }
    assert_eq!(
        html.matches("<script").count(),
        1,
        "only the page's own script"
    );
    let ids: Vec<&str> = attribute_values(html, "id");
    let unique: HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(ids.len(), unique.len(), "an id is used twice");
    for href in attribute_values(html, "href") {
        let target = href.strip_prefix('#').expect("only in-page links");
        assert!(
            unique.contains(target),
            "link to a missing anchor #{target}"
        );
    }
}

#[test]
fn compare_report_groups_stories_with_contradictions_first() {
    let t = fixture_store();
    let html = html_of(&t, &["compare", "--format", "html"]);
    assert_self_contained(&html);
    let flood = html
        .find("Story 1: river-gazette")
        .expect("the flood story first");
    let strike = html
        .find("Story 2: school-strike-a")
        .expect("the strike story");
    assert!(flood < strike);
    // In the flood story the contradiction comes before its agreements.
    let story = &html[flood..strike];
    let contradiction = story.find("match contradiction").expect("a contradiction");
    let agreement = story.find("match agreement").expect("an agreement");
    assert!(contradiction < agreement);
    assert!(
        story.contains("negation: &#39;county has not asked&#39;"),
        "the reason"
    );
    // Both articles' sentences, side by side, the claim marked by its sourcing.
    assert!(story.contains("side states"));
    assert!(story.contains("side contradicts"));
    assert!(
        story.contains("<mark class=\"s-anonymous\""),
        "the council official"
    );
    assert!(story.contains("<mark class=\"s-named\""), "the mayor");
    // The chart: one bar per outlet, a segment per class of sourcing present.
    let chart = &html[html.find("<svg").unwrap()..html.find("</svg>").unwrap()];
    for outlet in ["River Gazette", "Valley Post", "Harbour Times"] {
        assert!(chart.contains(outlet), "{outlet} in the chart");
    }
    for segment in ["seg-named", "seg-institutional", "seg-unsourced"] {
        assert!(chart.contains(segment), "{segment}");
    }
    assert!(html.contains("5 article(s), 23 claim(s)"), "the summary");
}

#[test]
fn compare_report_follows_the_filters() {
    let t = fixture_store();
    let html = html_of(
        &t,
        &["compare", "--format", "html", "--only", "contradictions"],
    );
    assert_self_contained(&html);
    assert!(html.contains("match contradiction"));
    assert!(!html.contains("match agreement"));
    assert!(!html.contains("Story 2"), "the strike has no contradiction");
    let none = html_of(
        &t,
        &[
            "compare",
            "--format",
            "html",
            "--only",
            "contradictions",
            "--min-score",
            "1",
        ],
    );
    assert!(none.contains("No claim of one article matches"));
}

#[test]
fn compare_report_escapes_what_articles_say() {
    let t = TestStore::new();
    let hostile = "<script>alert(1)</script>";
    let a = t.write(
        "a.md",
        &format!(
            "+++\ntitle = \"{hostile}\"\noutlet = \"\\\"><img onerror=alert(2)>\"\npublished = \"2026-01-05\"\n+++\n\
             The mayor said the {hostile} bridge will reopen in May, Mayor Jo Park said.\n\n\
             The town has not closed the school, Jo Park said.\n"
        ),
    );
    let b = t.write(
        "b.md",
        &format!(
            "+++\npublished = \"2026-01-06\"\n+++\n\
             The mayor said the {hostile} bridge will reopen in May, Mayor Jo Park said.\n\n\
             The town has closed the school, Jo Park said.\n"
        ),
    );
    t.cmd().arg("add").arg(&a).arg(&b).assert().success();
    let html = html_of(&t, &["compare", "--format", "html"]);
    assert_self_contained(&html);
    assert!(!html.contains(hostile));
    assert!(!html.contains("<img"));
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt; bridge"),
        "the sentence shown, escaped"
    );
    assert!(html.contains("&quot;&gt;&lt;img onerror=alert(2)&gt;"));
}

#[test]
fn audit_report_marks_findings_and_escapes_the_draft() {
    let t = TestStore::new();
    let draft = t.write(
        "draft.md",
        "Critics say the <script>alert(1)</script> plan will fail.\n\n\
         The plan costs $4 million, Treasurer Ana Diaz said on Monday.\n\n\
         A source close to the talks said the vote would be delayed.\n",
    );
    let out = t
        .cmd()
        .args(["audit", "--format", "html"])
        .arg(&draft)
        .output()
        .unwrap();
    // The single unnamed source is an error: exit 1, as with every other format.
    assert_eq!(out.status.code(), Some(1));
    let html = String::from_utf8(out.stdout).unwrap();
    assert_self_contained(&html);
    assert!(!html.contains("<script>alert"));
    assert!(html.contains("<code>vague-attribution</code>"));
    assert!(html.contains("<span class=\"flag\">Critics say</span>"));
    assert!(
        html.contains("class=\"finding error\""),
        "the anonymous source"
    );
    assert!(
        html.contains("<mark class=\"s-named\""),
        "the treasurer's claim"
    );
    assert!(html.contains("<svg"), "the sourcing chart");
    assert!(html.contains("1 file(s): 1 error(s)"));
}

#[test]
fn html_is_refused_where_there_is_nothing_to_report_on() {
    let t = fixture_store();
    let pairs = t.write("p.jsonl", "{\"id\": 1, \"a\": \"x\", \"b\": \"y\"}\n");
    t.cmd()
        .args(["compare", "--format", "html", "--pairs"])
        .arg(&pairs)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not available with --pairs"))
        .stderr(predicate::str::contains("hint:"));
    let draft = Path::new(FIXTURES).join("valley-post.md");
    t.cmd()
        .args(["compare", "--format", "html", "--against"])
        .arg(&draft)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not available with --against"));
}
