//! Scoring sentence segmentation against a gold corpus, with the figures and definitions
//! of `shared/eval/score_segment.py`:
//!
//! - records are `{"id", "text", "expected": [sentence, ...]}` JSON Lines; a later record
//!   with the same id replaces an earlier one;
//! - the text is split as `claims extract` splits a record's text;
//! - `exact`: share of records whose sentence list (each sentence trimmed of white space,
//!   empty ones dropped) equals the expected one;
//! - `boundary_f1`: F1 of sentence ends, an end being the number of characters that are
//!   not white space up to it (so spacing differences do not count); a list whose
//!   sentences cannot be found in order in the text contributes no ends;
//! - white space as Python's `str.isspace` defines it.

use super::{EvalError, Report};
use crate::segment;
use std::collections::HashMap;
use std::io::BufRead;
use std::path::Path;

/// One gold record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldCase {
    pub id: String,
    pub text: String,
    pub expected: Vec<String>,
}

/// The counts behind the figures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub cases: usize,
    pub passed: usize,
    /// Sentence ends found in both lists, in the predicted list, in the expected list.
    pub matched_ends: usize,
    pub predicted_ends: usize,
    pub expected_ends: usize,
}

impl Tally {
    pub fn exact(&self) -> f64 {
        ratio(self.passed, self.cases)
    }

    pub fn boundary_f1(&self) -> f64 {
        let p = ratio(self.matched_ends, self.predicted_ends);
        let r = ratio(self.matched_ends, self.expected_ends);
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }

    /// Adds one case: the expected sentences and the predicted ones, in `text`.
    pub fn add(&mut self, text: &str, expected: &[&str], predicted: &[&str]) -> bool {
        let want = clean(expected);
        let got = clean(predicted);
        self.cases += 1;
        let passed = want == got;
        if passed {
            self.passed += 1;
        }
        let (we, ge) = (ends(text, &want), ends(text, &got));
        if let (Some(we), Some(ge)) = (&we, &ge) {
            // Ends strictly increase (every sentence has a character that is not white
            // space), so counting common values of the two sorted lists is the size of
            // the intersection of the sets the Python scorer builds.
            self.matched_ends += common(we, ge);
        }
        self.predicted_ends += ge.map_or(0, |e| e.len());
        self.expected_ends += we.map_or(0, |e| e.len());
        passed
    }

    pub fn report(&self, failures: &str) -> Report {
        let line = format!(
            "cases {} passed {} exact {:.3} boundary_f1 {:.3}\n",
            self.cases,
            self.passed,
            self.exact(),
            self.boundary_f1()
        );
        Report {
            text: format!("{failures}{line}"),
            metrics: vec![
                ("exact".into(), self.exact()),
                ("boundary_f1".into(), self.boundary_f1()),
                ("passed".into(), self.passed as f64),
            ],
        }
    }
}

/// Scores the segmenter on the gold file at `gold`.
pub fn evaluate(gold: &Path) -> Result<Report, EvalError> {
    evaluate_with(gold, false)
}

/// Like [`evaluate`]; with `show_failures`, the report first lists each case that fails
/// with the expected and the predicted sentences (as `score_segment.py --show-failures`).
pub fn evaluate_with(gold: &Path, show_failures: bool) -> Result<Report, EvalError> {
    let cases = read_cases(gold)?;
    let mut tally = Tally::default();
    let mut failures = String::new();
    for case in &cases {
        let predicted: Vec<&str> = segment::split(&case.text)
            .iter()
            .map(|s| s.span.slice(&case.text))
            .collect();
        let expected: Vec<&str> = case.expected.iter().map(String::as_str).collect();
        if !tally.add(&case.text, &expected, &predicted) && show_failures {
            failures.push_str(&format!(
                "--- {}\n  want {:?}\n  got  {:?}\n",
                case.id,
                clean(&expected),
                clean(&predicted)
            ));
        }
    }
    Ok(tally.report(&failures))
}

/// Reads the gold records, in file order, a later record replacing an earlier one with
/// the same id (in the earlier one's place).
pub fn read_cases(gold: &Path) -> Result<Vec<GoldCase>, EvalError> {
    let path = gold.display().to_string();
    let io = |source| EvalError::Io {
        path: path.clone(),
        source,
    };
    let file = std::fs::File::open(gold).map_err(io)?;
    let mut cases: Vec<GoldCase> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(io)?;
        if line.trim().is_empty() {
            continue;
        }
        let bad = |message: String| EvalError::Gold {
            path: path.clone(),
            line: n as u64 + 1,
            message,
        };
        let value: serde_json::Value =
            serde_json::from_str(&line).map_err(|e| bad(format!("not JSON: {e}")))?;
        let case = parse_case(&value).map_err(bad)?;
        match index.get(&case.id) {
            Some(&i) => cases[i] = case,
            None => {
                index.insert(case.id.clone(), cases.len());
                cases.push(case);
            }
        }
    }
    Ok(cases)
}

fn parse_case(value: &serde_json::Value) -> Result<GoldCase, String> {
    let id = match value.get("id") {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(_) => return Err("\"id\" must be a string or a number".into()),
        None => return Err("a record has no \"id\"".into()),
    };
    let text = value
        .get("text")
        .and_then(serde_json::Value::as_str)
        .ok_or_else(|| format!("record {id}: \"text\" must be a string"))?
        .to_owned();
    let expected = value
        .get("expected")
        .and_then(serde_json::Value::as_array)
        .ok_or_else(|| format!("record {id}: \"expected\" must be a list of sentences"))?
        .iter()
        .map(|s| s.as_str().map(str::to_owned))
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| format!("record {id}: \"expected\" must hold strings only"))?;
    Ok(GoldCase { id, text, expected })
}

/// White space as Python's `str.isspace` has it: Unicode white space and the four
/// information separators U+001C to U+001F.
fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Sentences trimmed of white space, empty ones dropped.
fn clean<'a>(sentences: &[&'a str]) -> Vec<&'a str> {
    sentences
        .iter()
        .map(|s| s.trim_matches(is_py_space))
        .filter(|s| !s.is_empty())
        .collect()
}

/// Each sentence's end as the count of non-white-space characters before it, finding the
/// sentences in order in `text`; `None` if one cannot be found.
fn ends(text: &str, sentences: &[&str]) -> Option<Vec<usize>> {
    let mut out = Vec::with_capacity(sentences.len());
    let (mut pos, mut count) = (0, 0);
    for s in sentences {
        let k = pos + text[pos..].find(s)?;
        let end = k + s.len();
        count += text[pos..end].chars().filter(|&c| !is_py_space(c)).count();
        pos = end;
        out.push(count);
    }
    Some(out)
}

/// Values present in both sorted lists.
fn common(a: &[usize], b: &[usize]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_and_boundary_counts() {
        let mut t = Tally::default();
        let text = "One two. Three four. Five.";
        assert!(t.add(
            text,
            &["One two.", "Three four.", "Five."],
            &["One two.", " Three four.", "Five."]
        ));
        assert!(!t.add(
            text,
            &["One two.", "Three four.", "Five."],
            &["One two. Three four.", "Five."]
        ));
        assert_eq!((t.cases, t.passed), (2, 1));
        // Ends in non-space characters: 7, 17, 22 expected both times; 7, 17, 22 and 17, 22
        // predicted.
        assert_eq!(
            (t.matched_ends, t.predicted_ends, t.expected_ends),
            (5, 5, 6)
        );
        assert!((t.boundary_f1() - 2.0 * 1.0 * (5.0 / 6.0) / (1.0 + 5.0 / 6.0)).abs() < 1e-12);
        assert_eq!(t.exact(), 0.5);
    }

    #[test]
    fn spacing_and_empty_sentences_do_not_count() {
        let mut t = Tally::default();
        let text = "A b.\u{a0} C d.";
        assert!(t.add(text, &["A b.", "  ", "C d."], &["A b.\u{a0}", "C d."]));
        assert_eq!(
            (t.matched_ends, t.predicted_ends, t.expected_ends),
            (2, 2, 2)
        );
    }

    #[test]
    fn a_list_not_found_in_the_text_has_no_ends() {
        let mut t = Tally::default();
        let text = "Alpha. Beta.";
        assert!(!t.add(text, &["Alpha.", "Gamma."], &["Alpha.", "Beta."]));
        assert_eq!(
            (t.matched_ends, t.predicted_ends, t.expected_ends),
            (0, 2, 0)
        );
        assert_eq!(t.boundary_f1(), 0.0);
    }

    #[test]
    fn report_has_the_scorer_line_and_named_metrics() {
        let mut t = Tally::default();
        t.add("Hi. There.", &["Hi.", "There."], &["Hi.", "There."]);
        t.add("Hi there.", &["Hi there."], &["Hi", "there."]);
        let report = t.report("");
        assert_eq!(
            report.text,
            "cases 2 passed 1 exact 0.500 boundary_f1 0.857\n"
        );
        assert_eq!(report.metric("exact"), Some(0.5));
        assert_eq!(report.metric("passed"), Some(1.0));
        assert!(report.metric("boundary_f1").is_some());
    }

    #[test]
    fn python_white_space_includes_information_separators() {
        assert_eq!(clean(&["\u{1c}x\u{1f}", "\u{1e}"]), vec!["x"]);
    }
}
