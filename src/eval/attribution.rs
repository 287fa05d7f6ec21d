//! Scoring attribution (who said what) against a gold corpus in the PolNeAR layout, with
//! the figures and definitions of `shared/eval/score_attribution.py` (the
//! GenderGapTracker quote-evaluation protocol), so anyone can measure `claims` on their
//! own annotated articles without Python:
//!
//! - records are `{"id", "text", "attributions": [...]}` JSON Lines; a later record with
//!   the same id replaces an earlier one. Each attribution has `content_span` and/or
//!   `content_fragments`, `source_span` and `source_fragments`, `cue`, and
//!   `has_quote_marks`; gold offsets count characters (Unicode scalar values);
//! - the text is extracted as `claims extract` extracts a record's text. Claims with a
//!   source are predictions; claims that share the same source mention and the same cue
//!   are one predicted attribution, whose content is the envelope of their spans (byte
//!   spans turned into character offsets);
//! - gold attributions, in file order, are each matched one-to-one to the unused
//!   prediction that covers the largest share of their content characters, when that
//!   share exceeds 0.3; the source is right when the predicted mention overlaps the gold
//!   source fragments;
//! - `source_p` = right sources / predictions, `source_r` = right sources / gold with a
//!   source, `content_*` the same for matched content; `source_r_direct` is the recall on
//!   gold content with quote marks, `source_r_speech` on gold whose cue is a speech verb
//!   ([`SPEECH_VERBS`]) or "according to".

use super::{EvalError, Report};
use serde_json::Value;
use std::collections::HashMap;
use std::io::BufRead;
use std::path::Path;

/// The share of a gold attribution's content a prediction must cover to match it.
pub const THRESHOLD: f64 = 0.3;

/// Speech verbs that define the "speech" subset of gold attributions. Derived from the
/// speech-verb list of the GenderGapTracker project (Simon Fraser University Discourse
/// Processing Lab; MIT licence), the list the shared scorer reads, so the two agree.
pub const SPEECH_VERBS: &str = "accept accepted acclaim acclaimed acclaiming acclaims \
    acknowledge acknowledged acknowledges acknowledging add added adding adds admit admits \
    admitted admitting advise advised advises advising announce announced announces \
    announcing argue argued argues arguing assert asserted asserting asserts assure assured \
    assures assuring claim claimed claiming claims clarified clarifies clarify clarifying \
    comment commented commenting comments conclude concluded concludes concluding confirm \
    confirmed confirming confirms continue continued continues continuing convince \
    convinced convinces convincing criticize criticized criticizes criticizing declaim \
    declaimed declaiming declaims declare declared declares declaring decried decries decry \
    decrying demonstrate demonstrated demonstrates demonstrating denounce denounced \
    denounces denouncing describe described describes describing disclaim disclaimed \
    disclaiming disclaims dispute disputed disputes disputing ensure ensured ensures \
    ensuring estimated estimates exclaim exclaimed exclaiming exclaims explain explained \
    explaining explains finding finds highlight highlighted highlighting highlights \
    illustrate illustrated illustrates illustrating indicate indicated indicates indicating \
    inform informed informing informs insist insisted insisting insists mention mentioned \
    mentioning mentions note noted notes notified notifies notify notifying noting persist \
    persisted persisting persists point pointed pointing points preach preached preaches \
    preaching predict predicted predicting predicts present presenting presents proclaim \
    proclaimed proclaiming proclaims rave raved raves raving reassert reasserted \
    reasserting reasserts reassure reassured reassures reassuring reckon reckoned reckoning \
    reckons reconfirm reconfirmed reconfirming reconfirms release released releases \
    releasing remind reminded reminding reminds replied replies reply replying report \
    reported reporting reports respond responded responding responds restate restated \
    restates restating retell retelling retells retold said say saying says state stated \
    states stating suggest suggested suggesting suggests tell telling tells told testified \
    testifies testify testifying think thinking thinks thought tweet tweeted tweeting tweets \
    warn warned warning warns write writes writing wrote";

/// One gold attribution, in character offsets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoldAttribution {
    pub content: Vec<(usize, usize)>,
    pub source: Vec<(usize, usize)>,
    pub has_source: bool,
    pub cue: Option<String>,
    pub quoted: bool,
}

/// One predicted attribution, in character offsets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Predicted {
    pub content: (usize, usize),
    pub source: Option<(usize, usize)>,
}

/// The counts behind the figures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub documents: usize,
    pub predicted: usize,
    pub gold: usize,
    pub gold_with_source: usize,
    pub content_tp: usize,
    pub source_tp: usize,
    pub direct: usize,
    pub direct_tp: usize,
    pub speech: usize,
    pub speech_tp: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn prf(tp: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let p = ratio(tp, predicted);
    let r = ratio(tp, gold);
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

fn overlap_all(frags: &[(usize, usize)], span: Option<(usize, usize)>) -> usize {
    span.map_or(0, |s| frags.iter().map(|&f| overlap(f, s)).sum())
}

/// Whether a gold cue counts as speech: the cue, or its last word, is a speech verb, or
/// it is "according to".
pub fn is_speech(cue: Option<&str>) -> bool {
    let Some(cue) = cue else { return false };
    let c = cue.trim().to_lowercase();
    if c.is_empty() {
        return false;
    }
    let verbs = speech_verbs();
    c == "according to"
        || verbs.contains(&c.as_str())
        || c.split_whitespace()
            .last()
            .is_some_and(|w| verbs.contains(&w))
}

fn speech_verbs() -> &'static [&'static str] {
    static VERBS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    VERBS.get_or_init(|| SPEECH_VERBS.split_whitespace().collect())
}

impl Tally {
    /// Scores one document's predictions against its gold attributions.
    pub fn add(&mut self, gold: &[GoldAttribution], predicted: &[Predicted]) {
        self.documents += 1;
        self.predicted += predicted.len();
        self.gold += gold.len();
        let mut used = vec![false; predicted.len()];
        for g in gold {
            let glen: usize = g.content.iter().map(|&(a, b)| b.saturating_sub(a)).sum();
            let mut best = 0.0;
            let mut pick = None;
            for (j, p) in predicted.iter().enumerate() {
                if used[j] {
                    continue;
                }
                let share = if glen > 0 {
                    overlap_all(&g.content, Some(p.content)) as f64 / glen as f64
                } else {
                    0.0
                };
                if share > THRESHOLD && share > best {
                    best = share;
                    pick = Some(j);
                }
            }
            let right = match pick {
                Some(j) => {
                    used[j] = true;
                    self.content_tp += 1;
                    g.has_source && overlap_all(&g.source, predicted[j].source) > 0
                }
                None => false,
            };
            if g.has_source {
                self.gold_with_source += 1;
                self.source_tp += right as usize;
                if g.quoted {
                    self.direct += 1;
                    self.direct_tp += right as usize;
                }
                if is_speech(g.cue.as_deref()) {
                    self.speech += 1;
                    self.speech_tp += right as usize;
                }
            }
        }
    }

    pub fn metrics(&self) -> Vec<(String, f64)> {
        let (cp, cr, cf) = prf(self.content_tp, self.predicted, self.gold);
        let (sp, sr, sf) = prf(self.source_tp, self.predicted, self.gold_with_source);
        vec![
            ("content_p".into(), cp),
            ("content_r".into(), cr),
            ("content_f1".into(), cf),
            ("source_p".into(), sp),
            ("source_r".into(), sr),
            ("source_f1".into(), sf),
            ("source_r_direct".into(), ratio(self.direct_tp, self.direct)),
            ("source_r_speech".into(), ratio(self.speech_tp, self.speech)),
        ]
    }

    /// The figures, printed as `score_attribution.py` prints them.
    pub fn report(&self) -> Report {
        let metrics = self.metrics();
        let get = |k: &str| {
            metrics
                .iter()
                .find(|(n, _)| n == k)
                .map_or(0.0, |(_, v)| *v)
        };
        let mut text = format!(
            "documents {} (missing from predictions: 0), gold attributions {} ({} with a source), predicted {}\n",
            self.documents, self.gold, self.gold_with_source, self.predicted
        );
        for (k, v) in &metrics {
            text.push_str(&format!("{k:18} {v:.3}\n"));
        }
        text.push_str(&format!(
            "source P {:.3} R {:.3} F1 {:.3}; speech-verb R {:.3}; direct-quote R {:.3}\n",
            get("source_p"),
            get("source_r"),
            get("source_f1"),
            get("source_r_speech"),
            get("source_r_direct")
        ));
        Report { text, metrics }
    }
}

/// Character offset of every byte offset of `text` (and of its end).
struct ByteChars(Vec<u32>);

impl ByteChars {
    fn new(text: &str) -> ByteChars {
        let mut table = Vec::with_capacity(text.len() + 1);
        for (i, ch) in text.chars().enumerate() {
            table.extend(std::iter::repeat_n(i as u32, ch.len_utf8()));
        }
        table.push(text.chars().count() as u32);
        ByteChars(table)
    }

    fn char(&self, byte: usize) -> usize {
        self.0
            .get(byte)
            .or(self.0.last())
            .copied()
            .unwrap_or_default() as usize
    }

    fn span(&self, s: crate::Span) -> (usize, usize) {
        (self.char(s.start), self.char(s.end))
    }
}

/// The predicted attributions of an extraction: claims with a source, grouped by source
/// mention and cue, in order of first appearance.
pub fn predictions(text: &str, extraction: &crate::Extraction) -> Vec<Predicted> {
    let bc = ByteChars::new(text);
    // Group key: the mention span (or the name) and the cue span (or its text).
    type Key = (
        Result<crate::Span, String>,
        Result<crate::Span, Option<String>>,
    );
    let mut index: HashMap<Key, usize> = HashMap::new();
    let mut out: Vec<Predicted> = Vec::new();
    for claim in &extraction.claims {
        let Some(src) = &claim.source else { continue };
        let key: Key = (
            src.span.ok_or_else(|| src.name.clone()),
            match &claim.cue {
                Some(c) => c.span.ok_or_else(|| Some(c.text.clone())),
                None => Err(None),
            },
        );
        let span = bc.span(claim.span);
        match index.get(&key) {
            Some(&i) => {
                let p = &mut out[i];
                p.content.0 = p.content.0.min(span.0);
                p.content.1 = p.content.1.max(span.1);
            }
            None => {
                index.insert(key, out.len());
                out.push(Predicted {
                    content: span,
                    source: src.span.map(|s| bc.span(s)),
                });
            }
        }
    }
    out
}

fn pair(v: &Value) -> Option<(usize, usize)> {
    let a = v.as_array()?;
    Some((a.first()?.as_u64()? as usize, a.get(1)?.as_u64()? as usize))
}

fn pairs(v: &Value) -> Vec<(usize, usize)> {
    v.as_array()
        .map(|a| a.iter().filter_map(pair).collect())
        .unwrap_or_default()
}

fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Array(a) => !a.is_empty(),
        Value::String(s) => !s.is_empty(),
        Value::Object(o) => !o.is_empty(),
        Value::Number(n) => n.as_f64().is_some_and(|x| x != 0.0),
    }
}

/// The gold attributions of a record that have content.
pub fn gold_attributions(record: &Value) -> Vec<GoldAttribution> {
    let Some(list) = record["attributions"].as_array() else {
        return Vec::new();
    };
    list.iter()
        .filter(|a| truthy(&a["content_span"]) || truthy(&a["content_fragments"]))
        .map(|a| {
            let content = if truthy(&a["content_fragments"]) {
                pairs(&a["content_fragments"])
            } else {
                pair(&a["content_span"]).into_iter().collect()
            };
            GoldAttribution {
                content,
                source: pairs(&a["source_fragments"]),
                has_source: truthy(&a["source_span"]),
                cue: a["cue"].as_str().map(str::to_owned),
                quoted: truthy(&a["has_quote_marks"]),
            }
        })
        .collect()
}

/// Extracts every record of the gold file at `gold` and scores the attributions.
pub fn evaluate(gold: &Path) -> Result<Report, EvalError> {
    let name = gold.display().to_string();
    let file = std::fs::File::open(gold).map_err(|source| EvalError::Io {
        path: name.clone(),
        source,
    })?;
    // Later records with the same id replace earlier ones, as in the Python scorer; the
    // records are kept in first-seen order.
    let mut order: Vec<String> = Vec::new();
    let mut records: HashMap<String, Value> = HashMap::new();
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|source| EvalError::Io {
            path: name.clone(),
            source,
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let bad = |message: String| EvalError::Gold {
            path: name.clone(),
            line: i as u64 + 1,
            message,
        };
        let value: Value =
            serde_json::from_str(&line).map_err(|e| bad(format!("not JSON: {e}")))?;
        let id = match &value["id"] {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            _ => return Err(bad("a record has no \"id\"".into())),
        };
        if value["text"].as_str().is_none() {
            return Err(bad("a record has no \"text\"".into()));
        }
        if !records.contains_key(&id) {
            order.push(id.clone());
        }
        records.insert(id, value);
    }
    let mut tally = Tally::default();
    for id in &order {
        let record = &records[id];
        let text = record["text"].as_str().unwrap_or_default();
        let extraction = crate::extract_text(text);
        tally.add(&gold_attributions(record), &predictions(text, &extraction));
    }
    Ok(tally.report())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(content: (usize, usize), source: Option<(usize, usize)>, cue: &str) -> GoldAttribution {
        GoldAttribution {
            content: vec![content],
            source: source.into_iter().collect(),
            has_source: source.is_some(),
            cue: Some(cue.into()),
            quoted: false,
        }
    }

    #[test]
    fn greedy_one_to_one_matching() {
        let g = [
            gold((0, 10), Some((12, 15)), "said"),
            gold((20, 30), Some((31, 34)), "wants"),
        ];
        let p = [
            Predicted {
                content: (0, 9),
                source: Some((12, 14)),
            },
            Predicted {
                content: (25, 40),
                source: Some((0, 1)),
            },
        ];
        let mut t = Tally::default();
        t.add(&g, &p);
        assert_eq!(t.content_tp, 2);
        assert_eq!(t.source_tp, 1);
        assert_eq!(t.speech, 1);
        assert_eq!(t.speech_tp, 1);
        let m = t.report();
        assert_eq!(m.metric("source_p"), Some(0.5));
        assert_eq!(m.metric("source_r_speech"), Some(1.0));
    }

    #[test]
    fn below_the_threshold_is_no_match() {
        let g = [gold((0, 100), Some((0, 1)), "said")];
        let p = [Predicted {
            content: (0, 30),
            source: Some((0, 1)),
        }];
        let mut t = Tally::default();
        t.add(&g, &p);
        assert_eq!(t.content_tp, 0);
    }

    #[test]
    fn speech_cues() {
        assert!(is_speech(Some("has said")));
        assert!(is_speech(Some("According to")));
        assert!(!is_speech(Some("wants")));
        assert!(!is_speech(Some(" ")));
        assert!(!is_speech(None));
    }

    #[test]
    fn claims_with_one_mention_and_cue_are_one_prediction() {
        let text = "“It is late. We must go,” Okafor said. The ferry left.";
        let ex = crate::extract_text(text);
        let p = predictions(text, &ex);
        assert_eq!(p.len(), 1, "{p:?}");
        // Character offsets: the curly quote is one character.
        assert_eq!(p[0].content.0, 1);
    }
}
