//! `claims compare` on a temporary store built from `examples/articles/`: every agreement
//! and contradiction written into the two follow-up articles is found, with its reason,
//! and nothing else is called a contradiction.
//!
//! Claims are found by words they contain, so the expectations hold whether extraction
//! stores whole sentences or the attributed clauses inside them. Expectations that wait on
//! a stage still being built are `#[ignore]`d with the reason; `cargo test --test
//! compare_store -- --include-ignored` runs them all.

mod common;

use common::TestStore;
use serde_json::Value;
use std::sync::OnceLock;

const SEED: &str = "china-north-korea";
const SEOUL: &str = "seoul-troops-estimate";
const BEIJING: &str = "beijing-ties-analysis";

/// The JSON of `claims compare` over the example articles, built once.
fn comparison() -> &'static Value {
    static JSON: OnceLock<Value> = OnceLock::new();
    JSON.get_or_init(|| {
        let store = TestStore::new();
        let root = std::env::current_dir().expect("the repository");
        let articles = root.join("examples/articles");
        // The seed article carries no front matter: its metadata goes by flags, as in
        // examples/build-store.sh.
        store
            .cmd()
            .arg("add")
            .arg(articles.join("china-north-korea.txt"))
            .args(["--published", "2024-10-25", "--outlet", "Seed article"])
            .assert()
            .success();
        for name in ["seoul-troops-estimate.md", "beijing-ties-analysis.md"] {
            store
                .cmd()
                .arg("add")
                .arg(articles.join(name))
                .assert()
                .success();
        }
        let out = store
            .cmd()
            .args(["compare", "--format", "json"])
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("JSON")
    })
}

/// Folds curly apostrophes so that needles match either spelling.
fn fold(text: &str) -> String {
    text.replace(['\u{2019}', '\u{2018}'], "'")
}

/// A claim of `article` holding `needle`.
fn holds(claim: &Value, article: &str, needle: &str) -> bool {
    claim["article"] == article
        && claim["text"]
            .as_str()
            .is_some_and(|t| fold(t).contains(&fold(needle)))
}

/// One side of an expected relation: an article and words of its claim.
type Side = (&'static str, &'static str);

/// Whether match `m` relates a claim of `a` to a claim of `b` (either order).
fn relates(m: &Value, a: Side, b: Side) -> bool {
    let claims = m["claims"].as_array().map_or(&[][..], Vec::as_slice);
    let has = |s: Side| claims.iter().any(|c| holds(c, s.0, s.1));
    has(a) && has(b)
}

fn matches() -> &'static [Value] {
    comparison()["matches"]
        .as_array()
        .map_or(&[][..], Vec::as_slice)
}

/// Asserts that a match of `relation` relates `a` and `b` with a reason starting with
/// `reason` (any reason when empty).
fn expect(relation: &str, a: Side, b: Side, reason: &str) {
    let found: Vec<&Value> = matches().iter().filter(|m| relates(m, a, b)).collect();
    let with_reason = found.iter().find(|m| {
        m["relation"] == relation
            && m["reasons"].as_array().is_some_and(|r| {
                r.iter()
                    .any(|x| x.as_str().is_some_and(|x| x.starts_with(reason)))
            })
    });
    assert!(
        with_reason.is_some(),
        "expected {relation} ({reason}) between {a:?} and {b:?}; found {found:#?}\nall contradictions: {:#?}",
        contradictions()
    );
}

fn contradictions() -> Vec<&'static Value> {
    matches()
        .iter()
        .filter(|m| m["relation"] == "contradict")
        .collect()
}

/// The contradictions written into the follow-ups.
const CONTRADICTIONS: &[(Side, Side, &str)] = &[
    (
        (SEOUL, "about 500 soldiers"),
        (SEED, "thousands of troops"),
        "number",
    ),
    (
        (SEOUL, "publicly commented"),
        (SEED, "has not commented"),
        "negation",
    ),
    (
        (BEIJING, "70 years of diplomatic relations"),
        (SEED, "75-year diplomatic relationship"),
        "number",
    ),
    (
        (BEIJING, "China has reduced trade and diplomatic ties"),
        (SEED, "China has deepened trade and diplomatic ties"),
        "antonym",
    ),
    (
        (SEOUL, "about 500 soldiers"),
        (BEIJING, "thousands of troops"),
        "number",
    ),
];

#[test]
fn seoul_about_500_soldiers_contradicts_thousands_of_troops() {
    let (a, b, why) = CONTRADICTIONS[0];
    expect("contradict", a, b, why);
}

#[test]
#[ignore = "waits on the attribution stage: 'China has publicly commented on the presence ...' comes out as 'on the presence of North Korean soldiers in Russia' attributed to China ('commented' taken for a speech verb)"]
fn seoul_china_has_publicly_commented_contradicts_has_not_commented() {
    let (a, b, why) = CONTRADICTIONS[1];
    expect("contradict", a, b, why);
}

#[test]
#[ignore = "waits on the attribution stage: the seed's claim comes out as 'as as close as \"mouth to teeth\" and praised their 75-year diplomatic relationship' (its subject, China and North Korea, taken for a source)"]
fn beijing_70_years_contradicts_75_year_relationship() {
    let (a, b, why) = CONTRADICTIONS[2];
    expect("contradict", a, b, why);
}

#[test]
fn beijing_reduced_ties_contradicts_deepened_ties() {
    let (a, b, why) = CONTRADICTIONS[3];
    expect("contradict", a, b, why);
}

#[test]
fn seoul_about_500_contradicts_beijing_thousands() {
    let (a, b, why) = CONTRADICTIONS[4];
    expect("contradict", a, b, why);
}

#[test]
fn seoul_xi_add_fuel_to_the_fire_agrees() {
    expect(
        "agree",
        (SEOUL, "add fuel to the fire"),
        (SEED, "add fuel to the fire"),
        "",
    );
}

#[test]
fn seoul_us_withdrawing_aid_agrees() {
    expect(
        "agree",
        (
            SEOUL,
            "China could help end the fighting by withdrawing aid to Russia",
        ),
        (
            SEED,
            "China could help end the fighting by withdrawing aid to Russia",
        ),
        "",
    );
}

#[test]
fn seoul_austin_troops_to_fight_ukraine_agrees() {
    expect(
        "agree",
        (
            SEOUL,
            "North Korea had sent troops to Russia to fight Ukraine",
        ),
        (SEED, "send thousands of troops to Russia to fight Ukraine"),
        "",
    );
}

#[test]
fn beijing_western_countries_isolate_russia_is_the_same_claim() {
    expect(
        "agree",
        (BEIJING, "Western countries seek to isolate Russia"),
        (SEED, "Western countries seek to isolate Russia"),
        "same claim",
    );
}

#[test]
fn beijing_cha_rein_in_north_korea_is_the_same_claim() {
    expect(
        "agree",
        (BEIJING, "China may not know how to rein in North Korea"),
        (SEED, "China may not know how to rein in North Korea"),
        "same claim",
    );
}

#[test]
#[ignore = "waits on the attribution stage: the seed's 'China has likened the deal to Asia's NATO' comes out as 'the deal to Asia's NATO, reinforcing ...' attributed to China; and on the relation engine ('deal' ~ 'pact', 'Asian' ~ 'Asia's')"]
fn beijing_camp_david_pact_asian_nato_agrees() {
    expect(
        "agree",
        (BEIJING, "likened the trilateral security pact"),
        (SEED, "likened the deal"),
        "",
    );
}

#[test]
fn beijing_thousands_of_troops_test_bonds_agrees() {
    expect(
        "agree",
        (BEIJING, "thousands of troops to Russia will test its bonds"),
        (SEED, "thousands of troops"),
        "",
    );
}

#[test]
fn nothing_else_is_called_a_contradiction() {
    let unexpected: Vec<&Value> = contradictions()
        .into_iter()
        .filter(|m| !CONTRADICTIONS.iter().any(|&(a, b, _)| relates(m, a, b)))
        .collect();
    assert!(
        unexpected.is_empty(),
        "false contradictions: {unexpected:#?}"
    );
}

#[test]
fn every_contradiction_says_why() {
    for m in contradictions() {
        let reasons = m["reasons"].as_array().expect("reasons");
        assert!(!reasons.is_empty(), "{m:#}");
        let claims = m["claims"].as_array().expect("claims");
        assert_eq!(claims.len(), 2, "{m:#}");
        assert_ne!(claims[0]["article"], claims[1]["article"], "{m:#}");
    }
}

#[test]
fn the_table_puts_contradictions_first_and_sums_up_each_article() {
    let json = comparison();
    let rows = json["rows"].as_array().expect("rows");
    let kinds: Vec<&str> = rows.iter().filter_map(|r| r["relation"].as_str()).collect();
    let first_agreement = kinds.iter().position(|&k| k == "agreement");
    if let Some(first) = first_agreement {
        assert!(
            kinds[first..].iter().all(|&k| k == "agreement"),
            "{kinds:?}"
        );
    }
    assert!(kinds.contains(&"contradiction"));
    let articles = json["articles"].as_array().expect("articles");
    let names: Vec<&str> = articles
        .iter()
        .filter_map(|a| a["article"].as_str())
        .collect();
    // Oldest published first.
    assert_eq!(names, [SEED, SEOUL, BEIJING]);
    for a in articles {
        let n = |k: &str| a[k].as_u64().expect(k);
        assert_eq!(n("sourced") + n("unsourced"), n("claims"), "{a:#}");
        assert!(n("vague") + n("anonymous") <= n("sourced"), "{a:#}");
        assert!(n("agreements") <= n("claims") && n("contradictions") <= n("claims"));
        assert!(
            n("contradictions") >= 1,
            "each follow-up contradicts the seed: {a:#}"
        );
    }
}
