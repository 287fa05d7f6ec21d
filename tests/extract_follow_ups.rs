//! The two follow-up articles of the example store (our own text, in
//! `examples/articles/`): sentence by sentence, the claims and sources an editor expects
//! from `claims extract`. Runs the real binary and needs nothing outside the repository.
//!
//! What the expectations pin down, beyond who said what:
//! - a reported clause is the claim on its own ("North Korea has sent about 500
//!   soldiers to Russia"); the attribution's tail (when, where, on what basis, why the
//!   source is unnamed) is no claim;
//! - an act whose object is a noun phrase is one whole claim, worded with its source
//!   ("Lloyd J. Austin III called the deployment ...");
//! - an act reported by someone else is reported whole ("China has publicly commented
//!   on ...", according to the lawmaker), never split into an object and a second source;
//! - the same person has one name however the text refers to them;
//! - source kinds: an unnamed person or group described by role is `anonymous`
//!   ("a South Korean lawmaker", "officials in Seoul"), a group of no stated membership
//!   is `vague` ("analysts", "critics"), a document is `document` ("customs figures").

mod common;

use common::extract_file as extract;
use serde_json::Value;

/// One expected claim.
struct Want {
    /// The claim's text, exactly, or its opening when it ends with "...".
    text: &'static str,
    /// `None`: the article's own statement.
    source: Option<&'static str>,
    kind: Option<&'static str>,
    role: Option<&'static str>,
    cue: Option<&'static str>,
    quote: &'static str,
}

const fn own(text: &'static str) -> Want {
    Want {
        text,
        source: None,
        kind: None,
        role: None,
        cue: None,
        quote: "none",
    }
}

const fn by(
    text: &'static str,
    source: &'static str,
    kind: &'static str,
    role: Option<&'static str>,
    cue: &'static str,
) -> Want {
    Want {
        text,
        source: Some(source),
        kind: Some(kind),
        role,
        cue: Some(cue),
        quote: "none",
    }
}

const fn quoted(mut w: Want, quote: &'static str) -> Want {
    w.quote = quote;
    w
}

/// Each sentence (by its opening words) and every claim it must yield, nothing more.
type Article = &'static [(&'static str, &'static [Want])];

const SEOUL: Article = &[
    (
        "North Korea has sent about 500 soldiers",
        &[by(
            "North Korea has sent about 500 soldiers to Russia",
            "a South Korean lawmaker",
            "anonymous",
            None,
            "said",
        )],
    ),
    (
        "The figure is far below",
        &[own(
            "The figure is far below the numbers circulating in Washington",
        )],
    ),
    (
        "Secretary of Defense Lloyd J. Austin III said",
        &[
            by(
                "North Korea had sent troops to Russia to fight Ukraine",
                "Lloyd J. Austin III",
                "named",
                Some("Secretary of Defense"),
                "said",
            ),
            quoted(
                by(
                    "Lloyd J. Austin III called the deployment \"a very, very serious issue.\"",
                    "Lloyd J. Austin III",
                    "named",
                    Some("Secretary of Defense"),
                    "called",
                ),
                "partial",
            ),
        ],
    ),
    (
        "China has publicly commented",
        &[
            by(
                "China has publicly commented on the presence of North Korean soldiers in Russia",
                "a South Korean lawmaker",
                "anonymous",
                None,
                "according to",
            ),
            by(
                "Beijing had raised the matter with Pyongyang",
                "a South Korean lawmaker",
                "anonymous",
                None,
                "said",
            ),
        ],
    ),
    (
        "Analysts say Russia could pay",
        &[by(
            "Russia could pay for the troops with military technology",
            "analysts",
            "vague",
            None,
            "say",
        )],
    ),
    (
        "\"Moscow has very little else",
        &[quoted(
            by(
                "Moscow has very little else that Pyongyang wants",
                "Victor D. Cha",
                "named",
                Some("a professor at Georgetown University"),
                "said",
            ),
            "direct",
        )],
    ),
    (
        "Xi Jinping called on countries",
        &[by(
            "Xi Jinping called on countries not to add fuel to the fire...",
            "Xi Jinping",
            "named",
            None,
            "called on",
        )],
    ),
    (
        "The U.S. has said",
        &[by(
            "China could help end the fighting by withdrawing aid to Russia",
            "United States",
            "institutional",
            None,
            "has said",
        )],
    ),
    (
        "Officials in Seoul said",
        &[by(
            "they expected more soldiers to follow before the end of the year",
            "officials in Seoul",
            "anonymous",
            None,
            "said",
        )],
    ),
];

const BEIJING: Article = &[
    (
        "China and North Korea marked 70 years",
        &[own(
            "China and North Korea marked 70 years of diplomatic relations this month, a milestone both governments celebrated in state media",
        )],
    ),
    (
        "China has reduced trade",
        &[by(
            "China has reduced trade and diplomatic ties with Moscow since Russia invaded Ukraine in 2022",
            "customs figures",
            "document",
            Some("compiled by a research group in Hong Kong"),
            "according to",
        )],
    ),
    (
        "Western countries seek to isolate Russia.",
        &[own("Western countries seek to isolate Russia")],
    ),
    (
        "China has likened the trilateral security pact",
        &[by(
            "China has likened the trilateral security pact signed at Camp David to an Asian NATO",
            "the foreign ministry",
            "institutional",
            None,
            "said",
        )],
    ),
    (
        "\"Beijing is uneasy",
        &[
            quoted(
                by(
                    "Beijing is uneasy",
                    "Victor D. Cha",
                    "named",
                    Some("a professor at Georgetown University"),
                    "said",
                ),
                "direct",
            ),
            // A direct quote keeps its words: the pronoun is not replaced.
            quoted(
                by(
                    "it will not abandon Pyongyang",
                    "Victor D. Cha",
                    "named",
                    Some("a professor at Georgetown University"),
                    "said",
                ),
                "direct",
            ),
        ],
    ),
    (
        "He said China may not know",
        &[by(
            "China may not know how to rein in North Korea's efforts to support the Kremlin",
            "Victor D. Cha",
            "named",
            Some("a professor at Georgetown University"),
            "said",
        )],
    ),
    (
        "North Korea's decision to send thousands",
        &[by(
            "North Korea's decision to send thousands of troops to Russia will test its bonds with China",
            "a senior Chinese diplomat",
            "anonymous",
            None,
            "said",
        )],
    ),
    (
        "Critics say Beijing",
        &[by(
            "Beijing has done too little to restrain its neighbour",
            "critics",
            "vague",
            None,
            "say",
        )],
    ),
];

fn start(v: &Value) -> usize {
    v[0].as_u64().expect("an offset") as usize
}

fn text_matches(got: &str, want: &str) -> bool {
    match want.strip_suffix("...") {
        Some(opening) => got.starts_with(opening),
        None => got == want,
    }
}

fn check(path: &str, article: Article) {
    let (text, doc) = extract(path);
    let claims = doc["claims"].as_array().expect("claims");
    assert!(
        doc["fragments"].as_array().is_some_and(|f| f.is_empty()),
        "{path}: no sentence is garbled: {}",
        doc["fragments"]
    );
    // Where each sentence starts, in order.
    let mut from = 0;
    let starts: Vec<usize> = article
        .iter()
        .map(|(opening, _)| {
            let at = from
                + text[from..]
                    .find(opening)
                    .unwrap_or_else(|| panic!("{opening:?} is not in {path}"));
            from = at + opening.len();
            at
        })
        .collect();
    let mut failures = Vec::new();
    for (i, (opening, wants)) in article.iter().enumerate() {
        let lo = starts[i];
        let hi = starts.get(i + 1).copied().unwrap_or(text.len());
        let here: Vec<&Value> = claims
            .iter()
            .filter(|c| (lo..hi).contains(&start(&c["span"])))
            .collect();
        let shown: Vec<String> = here
            .iter()
            .map(|c| {
                format!(
                    "{} | {} ({}, role {}) | {} | {}",
                    c["text"],
                    c["source"]["name"],
                    c["source"]["kind"],
                    c["source"]["role"],
                    c["cue"]["text"],
                    c["quote"]
                )
            })
            .collect();
        if here.len() != wants.len() {
            failures.push(format!(
                "{opening:?}: {} claims, expected {}: {shown:#?}",
                here.len(),
                wants.len()
            ));
        }
        for w in wants.iter() {
            let found = here.iter().any(|c| {
                text_matches(c["text"].as_str().unwrap_or_default(), w.text)
                    && c["source"]["name"].as_str() == w.source
                    && c["source"]["kind"].as_str() == w.kind
                    && c["source"]["role"].as_str() == w.role
                    && c["cue"]["text"].as_str() == w.cue
                    && c["quote"].as_str() == Some(w.quote)
            });
            if !found {
                failures.push(format!(
                    "{opening:?}: missing {:?} by {:?} ({:?}, role {:?}, cue {:?}, quote {}); got {shown:#?}",
                    w.text, w.source, w.kind, w.role, w.cue, w.quote
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{path}:\n{}", failures.join("\n"));
}

#[test]
fn seoul_troops_estimate() {
    check("examples/articles/seoul-troops-estimate.md", SEOUL);
}

#[test]
fn beijing_ties_analysis() {
    check("examples/articles/beijing-ties-analysis.md", BEIJING);
}

/// Why a source is unnamed is kept with the source, for the audit, and is no claim.
#[test]
fn the_reason_for_anonymity_stays_with_the_source() {
    let (_, doc) = extract("examples/articles/beijing-ties-analysis.md");
    let claims = doc["claims"].as_array().expect("claims");
    let diplomat = claims
        .iter()
        .find(|c| c["source"]["name"] == "a senior Chinese diplomat")
        .expect("the diplomat's claim");
    assert_eq!(
        diplomat["source"]["anonymity"],
        "speaking on condition of anonymity because he was not authorised to brief reporters"
    );
    // Sources the text gives no reason for carry none.
    let lawmaker = extract("examples/articles/seoul-troops-estimate.md").1;
    for c in lawmaker["claims"].as_array().expect("claims") {
        assert!(c["source"].get("anonymity").is_none(), "{c}");
    }
}
