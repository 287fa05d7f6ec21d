//! The seed article: what a careful editor expects `claims extract` to find, sentence by
//! sentence (written from the hand annotation the product was described with). Runs the
//! real binary on `examples/articles/china-north-korea.txt` and needs nothing outside
//! the repository.

use serde_json::Value;

const ARTICLE: &str = "examples/articles/china-north-korea.txt";

/// What one sentence must yield.
enum Expect {
    /// The article's own assertion: the sentence's first claim has no source.
    Unsourced,
    /// Garbled or truncated: reported as a fragment, never as a claim.
    Fragment,
    /// Attributed: some claim of the sentence has this source.
    Sourced {
        names: &'static [&'static str],
        kind: &'static str,
        role: Option<&'static str>,
        cue: Option<&'static str>,
    },
}

use Expect::*;

const fn named(
    name: &'static [&'static str],
    role: Option<&'static str>,
    cue: Option<&'static str>,
) -> Expect {
    Sourced {
        names: name,
        kind: "named",
        role,
        cue,
    }
}

/// Each annotated sentence by its opening words, in text order.
const SENTENCES: &[(&str, Expect)] = &[
    (
        "Earlier this month, China and North Korea reaffirmed",
        Unsourced,
    ),
    (
        "But North Korea’s decision to send thousands of troops",
        named(
            &["Lloyd J. Austin III"],
            Some("Secretary of Defense"),
            Some("revealed"),
        ),
    ),
    ("It will be.", Fragment),
    ("China is frustrated that North Korea", Unsourced),
    ("Now North Korea is fomenting war in Europe", Unsourced),
    ("China is trying to position itself", Unsourced),
    (
        "The prospect of soldiers from China’s only treaty ally",
        Unsourced,
    ),
    (
        "Analysts say another concern for Chinese leaders",
        Sourced {
            names: &["analysts"],
            kind: "vague",
            role: None,
            cue: Some("say"),
        },
    ),
    ("This could embolden North Korea", Unsourced),
    ("This could reduce China’s ability to provide", Fragment),
    (
        "North Korea’s provocative actions have already contributed",
        Unsourced,
    ),
    (
        "China has likened the deal to Asia’s NATO",
        Sourced {
            names: &["China"],
            kind: "institutional",
            role: None,
            cue: Some("has likened"),
        },
    ),
    ("China is currently at a halfway point.", Unsourced),
    ("While Western countries seek to isolate Russia", Unsourced),
    (
        "China may not know how to rein in North Korea’s efforts",
        named(
            &["Victor D. Cha"],
            Some("a professor at the university"),
            Some("said"),
        ),
    ),
    ("He teaches government and international affairs", Unsourced),
    (
        "“China is caught between paralysis and incompetence",
        named(&["Victor D. Cha"], None, Some("said")),
    ),
    (
        "They are indirectly supporting Russia’s war effort",
        named(&["Victor D. Cha"], None, Some("said")),
    ),
    (
        "He spoke, referring to the Democratic People’s Republic of Korea",
        Unsourced,
    ),
    (
        "“Nothing is going to be good for them",
        named(&["Victor D. Cha"], None, None),
    ),
    (
        "Just as speculation persists about whether Beijing",
        Unsourced,
    ),
    ("Dew.", Fragment),
    (
        "China has not commented on the presence of North Korean soldiers",
        Sourced {
            names: &["China"],
            kind: "institutional",
            role: None,
            cue: Some("say"),
        },
    ),
    (
        "At a summit of emerging market countries in Russia on Wednesday",
        named(&["Xi Jinping"], Some("Chinese leader"), Some("reiterated")),
    ),
    (
        "The U.S. has said China could help end the fighting",
        Sourced {
            names: &["United States", "U.S.", "US", "the United States"],
            kind: "institutional",
            role: None,
            cue: Some("has said"),
        },
    ),
    (
        "These include the provision of dual-use technology",
        Unsourced,
    ),
    ("oil.", Fragment),
];

fn extract() -> (String, Value) {
    let text = std::fs::read_to_string(ARTICLE).expect("the seed article is in the repository");
    let out = assert_cmd::cargo::cargo_bin_cmd!("claims")
        .args(["extract", "--format", "json", ARTICLE])
        .output()
        .expect("claims runs");
    assert!(
        out.status.success(),
        "claims extract failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    let doc = json
        .as_array()
        .and_then(|a| a.first())
        .cloned()
        .expect("one document");
    (text, doc)
}

fn span(v: &Value) -> (usize, usize) {
    let a = v.as_array().expect("a span is a pair");
    (
        a[0].as_u64().expect("offset") as usize,
        a[1].as_u64().expect("offset") as usize,
    )
}

/// Byte offsets where each annotated sentence starts, in order.
fn starts(text: &str) -> Vec<usize> {
    let mut from = 0;
    SENTENCES
        .iter()
        .map(|(opening, _)| {
            let at = from
                + text[from..]
                    .find(opening)
                    .unwrap_or_else(|| panic!("{opening:?} is not in the article"));
            from = at + opening.len();
            at
        })
        .collect()
}

#[test]
fn every_annotated_sentence_gets_its_source_and_kind() {
    let (text, doc) = extract();
    let claims = doc["claims"].as_array().expect("claims");
    let fragments: Vec<(usize, usize)> = doc["fragments"]
        .as_array()
        .expect("fragments")
        .iter()
        .map(span)
        .collect();
    let starts = starts(&text);
    let mut failures = Vec::new();
    for (i, (opening, expect)) in SENTENCES.iter().enumerate() {
        let lo = starts[i];
        let hi = starts.get(i + 1).copied().unwrap_or(text.len());
        // The claims whose content starts in this sentence's stretch of text.
        let here: Vec<&Value> = claims
            .iter()
            .filter(|c| {
                let (a, _) = span(&c["span"]);
                lo <= a && a < hi
            })
            .collect();
        match expect {
            Fragment => {
                let end = lo + opening.len();
                if !fragments.iter().any(|&(a, b)| a <= lo && end <= b) {
                    failures.push(format!("{opening:?}: not reported as a fragment"));
                }
                let claimed = claims.iter().any(|c| {
                    let (a, b) = span(&c["span"]);
                    a < end && lo < b
                });
                if claimed {
                    failures.push(format!("{opening:?}: a fragment was stored as a claim"));
                }
            }
            Unsourced => match here.first() {
                None => failures.push(format!("{opening:?}: no claim")),
                Some(c) if !c["source"].is_null() => failures.push(format!(
                    "{opening:?}: first claim attributed to {}, expected unsourced",
                    c["source"]["name"]
                )),
                Some(_) => {}
            },
            Sourced {
                names,
                kind,
                role,
                cue,
            } => {
                let found = here.iter().any(|c| {
                    let src = &c["source"];
                    let name_ok = src["name"].as_str().is_some_and(|n| names.contains(&n));
                    let kind_ok = src["kind"].as_str() == Some(kind);
                    let role_ok = role.is_none_or(|r| src["role"].as_str() == Some(r));
                    let cue_ok = cue.is_none_or(|q| c["cue"]["text"].as_str() == Some(q));
                    name_ok && kind_ok && role_ok && cue_ok
                });
                if !found {
                    let got: Vec<String> = here
                        .iter()
                        .map(|c| format!("{} / {} / {}", c["source"], c["cue"]["text"], c["text"]))
                        .collect();
                    failures.push(format!(
                        "{opening:?}: expected {names:?} ({kind}, role {role:?}, cue {cue:?}); got {got:#?}"
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn claims_are_statements_not_attributions() {
    let (_, doc) = extract();
    let claims = doc["claims"].as_array().expect("claims");
    let cha = claims
        .iter()
        .find(|c| {
            c["text"]
                .as_str()
                .is_some_and(|t| t.starts_with("China may not know"))
        })
        .expect("Cha's claim");
    let text = cha["text"].as_str().unwrap_or_default();
    assert!(!text.contains("said"), "{text:?} keeps its attribution");
    assert_eq!(cha["quote"], "none");
    // A quoted claim is direct; the quote marks are not part of its text.
    let quoted = claims
        .iter()
        .find(|c| {
            c["text"]
                .as_str()
                .is_some_and(|t| t.starts_with("China is caught between"))
        })
        .expect("the quote");
    assert_eq!(quoted["quote"], "direct");
}

#[test]
fn compound_sentences_become_several_claims() {
    let (_, doc) = extract();
    let texts: Vec<&str> = doc["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .filter_map(|c| c["text"].as_str())
        .collect();
    for want in [
        "Western countries seek to isolate Russia",
        "China has deepened trade and diplomatic ties with Moscow since Russia invaded Ukraine in 2022",
        "He teaches government and international affairs at Georgetown University",
        "He is the Korea Chair at the Center for Strategic and International Studies in Washington",
        "China has not commented on the presence of North Korean soldiers in Russia",
    ] {
        assert!(
            texts.contains(&want),
            "missing claim {want:?} in {texts:#?}"
        );
    }
    // The forecast in the second sentence is the article's own, with its subject.
    let forecast = doc["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .find(|c| {
            c["text"]
                .as_str()
                .is_some_and(|t| t.ends_with("will test those bonds like never before"))
        })
        .expect("the forecast");
    assert!(forecast["source"].is_null());
    assert!(
        forecast["text"]
            .as_str()
            .is_some_and(|t| t.starts_with("North Korea’s decision"))
    );
}

#[test]
fn the_same_input_gives_the_same_ids() {
    let (_, a) = extract();
    let (_, b) = extract();
    assert_eq!(a["claims"], b["claims"]);
}
