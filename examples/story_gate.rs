//! Calibrates the "same story" gate of `claims compare` (`compare::story::SAME_STORY`) on
//! BASIL: 100 events, each reported by three outlets. Prints, for article pairs about
//! the same event and about different events, the similarity quantiles and how many pass
//! each threshold.
//!
//! ```sh
//! cargo run --release --example story_gate [../shared/data/events/basil.jsonl]
//! ```

use claims::compare::ClaimFeatures;
use claims::compare::story::Stories;
use claims::input::Document;
use std::io::BufRead;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/events/basil.jsonl".to_owned());
    let file = match std::fs::File::open(&path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{path}: {e} (the BASIL corpus is in ../shared, outside the repository)");
            return;
        }
    };
    let mut events = Vec::new();
    let mut article_keys = Vec::new();
    for line in std::io::BufReader::new(file).lines() {
        let Ok(line) = line else { break };
        let Ok(record) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        let text = record["text"].as_str().unwrap_or_default();
        let doc = Document::from_text("basil", text);
        let extraction = claims::extract(&doc);
        let keys: Vec<u64> = extraction
            .claims
            .iter()
            .flat_map(|c| ClaimFeatures::new(&c.text).index_keys())
            .collect();
        events.push(record["event_id"].as_str().unwrap_or_default().to_owned());
        article_keys.push(keys);
    }
    let stories = Stories::new(article_keys);
    let (mut same, mut other) = (Vec::new(), Vec::new());
    for a in 0..events.len() {
        for b in a + 1..events.len() {
            let s = stories.similarity(a, b);
            if events[a] == events[b] {
                same.push(s);
            } else {
                other.push(s);
            }
        }
    }
    same.sort_by(f32::total_cmp);
    other.sort_by(f32::total_cmp);
    let q = |v: &[f32], p: f64| v.get(((v.len().max(1) - 1) as f64 * p) as usize).copied();
    println!(
        "{} articles; {} same-event pairs, {} other pairs",
        events.len(),
        same.len(),
        other.len()
    );
    for p in [0.0, 0.01, 0.05, 0.1, 0.5] {
        println!("same event   q{:<4} {:.3}", p, q(&same, p).unwrap_or(0.0));
    }
    for p in [0.5, 0.9, 0.98, 0.99, 0.999] {
        println!("other events q{:<4} {:.3}", p, q(&other, p).unwrap_or(0.0));
    }
    for t in [0.05, 0.08, 0.1, 0.12, 0.15, 0.2] {
        let kept = same.iter().filter(|&&s| s >= t).count();
        let passed = other.iter().filter(|&&s| s >= t).count();
        println!(
            "threshold {t:.2}: same-event pairs kept {:.1}%, other pairs passing {:.2}% ({passed})",
            100.0 * kept as f64 / same.len().max(1) as f64,
            100.0 * passed as f64 / other.len().max(1) as f64
        );
    }
}
