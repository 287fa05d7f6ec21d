//! The seed article: what a careful editor expects `claims extract` to find, sentence by
//! sentence (written from the hand annotation the product was described with). Runs the
//! real binary on `examples/articles/china-north-korea.txt` and needs nothing outside
//! the repository.

mod common;

use serde_json::Value;

const ARTICLE: &str = "examples/articles/china-north-korea.txt";

/// What one sentence must yield.
enum Expect {
    /// The article's own assertion: no claim of the sentence carries a source, except
    /// the secondary attributions the annotation's notes name, as (cue, source name).
    Unsourced {
        except: &'static [(&'static str, &'static str)],
    },
    /// Garbled or truncated: reported as a fragment, never as a claim.
    Fragment,
    /// Attributed: some claim of the sentence has this source, and every claim that
    /// carries a source has one of these names.
    Sourced {
        names: &'static [&'static str],
        kind: &'static str,
        role: Option<&'static str>,
        cue: Option<&'static str>,
    },
}

use Expect::*;

const UNSOURCED: Expect = Unsourced { except: &[] };

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
        UNSOURCED,
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
    ("China is frustrated that North Korea", UNSOURCED),
    ("Now North Korea is fomenting war in Europe", UNSOURCED),
    (
        "China is trying to position itself",
        // Note: the second clause is China's accusation (cue "accuses").
        Unsourced {
            except: &[("accuses", "China")],
        },
    ),
    (
        "The prospect of soldiers from China’s only treaty ally",
        UNSOURCED,
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
    ("This could embolden North Korea", UNSOURCED),
    ("This could reduce China’s ability to provide", Fragment),
    (
        "North Korea’s provocative actions have already contributed",
        UNSOURCED,
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
    ("China is currently at a halfway point.", UNSOURCED),
    ("While Western countries seek to isolate Russia", UNSOURCED),
    (
        "China may not know how to rein in North Korea’s efforts",
        named(
            &["Victor D. Cha"],
            Some("a professor at the university"),
            Some("said"),
        ),
    ),
    ("He teaches government and international affairs", UNSOURCED),
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
        UNSOURCED,
    ),
    (
        "“Nothing is going to be good for them",
        named(&["Victor D. Cha"], None, None),
    ),
    (
        "Just as speculation persists about whether Beijing",
        UNSOURCED,
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
        UNSOURCED,
    ),
    ("oil.", Fragment),
];

fn extract() -> (String, Value) {
    common::extract_file(ARTICLE)
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
            Unsourced { except } => {
                if !here.iter().any(|c| c["source"].is_null()) {
                    failures.push(format!("{opening:?}: no unsourced claim"));
                }
                for c in &here {
                    if c["source"].is_null() {
                        continue;
                    }
                    let pair = (
                        c["cue"]["text"].as_str().unwrap_or_default(),
                        c["source"]["name"].as_str().unwrap_or_default(),
                    );
                    if !except.contains(&pair) {
                        failures.push(format!(
                            "{opening:?}: claim {} attributed to {} (cue {}), expected unsourced",
                            c["text"], c["source"]["name"], c["cue"]["text"]
                        ));
                    }
                }
            }
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
                for c in &here {
                    let name = c["source"]["name"].as_str();
                    if name.is_some_and(|n| !names.contains(&n)) {
                        failures.push(format!(
                            "{opening:?}: claim {} attributed to {}, expected {names:?} or unsourced",
                            c["text"], c["source"]["name"]
                        ));
                    }
                }
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

/// The claims of the seed article as (text, source name, cue).
fn claim_rows(doc: &Value) -> Vec<(String, Option<String>, Option<String>)> {
    doc["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .map(|c| {
            (
                c["text"].as_str().unwrap_or_default().to_owned(),
                c["source"]["name"].as_str().map(str::to_owned),
                c["cue"]["text"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

/// Claims an editor expects word for word: acts whose object is a noun phrase are the
/// whole clause with their subject ("China has likened the deal to Asia’s NATO"), never
/// the object alone ("the deal to Asia’s NATO", "that position").
#[test]
fn acts_are_whole_self_contained_claims() {
    let (_, doc) = extract();
    let rows = claim_rows(&doc);
    for (text, source, cue) in [
        (
            "China has likened the deal to Asia’s NATO",
            "China",
            "has likened",
        ),
        (
            "China accuses the United States of trying to start a new Cold War",
            "China",
            "accuses",
        ),
        (
            "Xi Jinping reiterated that position",
            "Xi Jinping",
            "reiterated",
        ),
        (
            "Xi Jinping called on countries not to “add fuel to the fire.”",
            "Xi Jinping",
            "calling on",
        ),
    ] {
        assert!(
            rows.iter().any(|(t, s, c)| t == text
                && s.as_deref() == Some(source)
                && c.as_deref() == Some(cue)),
            "missing {text:?} ({source}, {cue}) in {rows:#?}"
        );
    }
    for fragment in [
        "the deal to Asia’s NATO",
        "that position",
        "countries not to",
    ] {
        assert!(
            !rows.iter().any(|(t, _, _)| t.starts_with(fragment)),
            "{fragment:?} is a claim of its own: {rows:#?}"
        );
    }
    // What follows the likening is the article's own.
    assert!(
        rows.iter()
            .any(|(t, s, _)| s.is_none() && t.starts_with("reinforcing Beijing’s feeling"))
    );
}

/// The first sentence is the article's own: "a relationship they once described as"
/// attributes nothing, and no source is named by a clause.
#[test]
fn the_opening_sentence_is_one_unsourced_statement() {
    let (text, doc) = extract();
    let end = text
        .find("diplomatic relationship.")
        .expect("the first sentence")
        + 1;
    let first: Vec<&Value> = doc["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .filter(|c| span(&c["span"]).0 < end)
        .collect();
    assert!(!first.is_empty());
    for c in &first {
        assert!(c["source"].is_null(), "{c}");
        let t = c["text"].as_str().unwrap_or_default();
        assert!(
            t.contains("China and North Korea"),
            "{t:?} lost its subject"
        );
    }
    let all: String = first
        .iter()
        .filter_map(|c| c["text"].as_str())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(all.contains("reaffirmed a relationship"), "{all}");
    assert!(
        all.contains("praised their 75-year diplomatic relationship"),
        "{all}"
    );
}

/// A reported claim holds what was said, never the words that attribute it: the cue
/// lies outside the claim's span unless the claim is an act worded with its subject.
#[test]
fn no_attribution_words_inside_reported_claims() {
    let (_, doc) = extract();
    for c in doc["claims"].as_array().expect("claims") {
        if c["source"].is_null() {
            continue;
        }
        let text = c["text"].as_str().unwrap_or_default();
        let name = c["source"]["name"].as_str().unwrap_or_default();
        let act = text.starts_with(name);
        let (a, b) = span(&c["span"]);
        let (x, y) = span(&c["cue"]["span"]);
        if !act {
            assert!(y <= a || b <= x, "the cue is inside {text:?}");
            let mention = span(&c["source"]["span"]);
            assert!(
                mention.1 <= a || b <= mention.0,
                "the source is inside {text:?}"
            );
        }
    }
}
