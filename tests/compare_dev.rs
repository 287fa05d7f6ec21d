//! The relation engine on the shared development pairs (`../shared/data/pairs`), when
//! present: the figures must not fall below what was reached. Skips where the shared
//! folder is absent (it is never copied into the repository).

use claims::eval::pairs::evaluate;
use std::path::Path;

fn check(file: &str, floors: &[(&str, f64)]) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/pairs")
        .join(file);
    if !path.exists() {
        eprintln!("skipped: {} not found", path.display());
        return;
    }
    let report = evaluate(&path).unwrap();
    for (metric, floor) in floors {
        let value = report.metric(metric).unwrap();
        assert!(
            value >= *floor,
            "{file}: {metric} {value:.3} < {floor}\n{}",
            report.text
        );
    }
}

// The same floors as `.ci/quality-gates`: just below issue 12's first pass on the whole
// dev sets (RTE-3 macro F1 0.600, contradiction P 0.800; Emergent 0.754, 1.000; SICK
// 0.722, 0.811).
#[test]
fn rte3_dev_floors() {
    check(
        "rte3_dev.jsonl",
        &[("macro_f1", 0.59), ("contradict_p", 0.75)],
    );
}

#[test]
fn emergent_dev_floors() {
    check(
        "emergent_dev.jsonl",
        &[("macro_f1", 0.74), ("contradict_p", 0.95)],
    );
}

#[test]
fn sick_train_floors() {
    check(
        "sick_train.jsonl",
        &[("macro_f1", 0.71), ("contradict_p", 0.80)],
    );
}

/// Speed of featurising and relating, printed, never asserted:
/// `cargo test --release --test compare_dev -- --ignored --nocapture`.
#[test]
#[ignore]
fn relate_speed() {
    use claims::compare::{ClaimFeatures, relate, relate_claims};
    use std::time::Instant;
    for file in ["emergent_dev.jsonl", "rte3_dev.jsonl"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/data/pairs")
            .join(file);
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("skipped: {} not found", path.display());
            return;
        };
        let pairs: Vec<(String, String)> = text
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .map(|v| {
                (
                    v["a"].as_str().unwrap_or("").to_owned(),
                    v["b"].as_str().unwrap_or("").to_owned(),
                )
            })
            .collect();
        let rounds = 50;
        let start = Instant::now();
        let mut features = Vec::new();
        for _ in 0..rounds {
            features.clear();
            for (a, b) in &pairs {
                features.push((ClaimFeatures::new(a), ClaimFeatures::new(b)));
            }
        }
        let featurise = start.elapsed().as_secs_f64() / (rounds * pairs.len() * 2) as f64;
        let start = Instant::now();
        let mut agree = 0;
        for _ in 0..rounds {
            for (fa, fb) in &features {
                if relate(fa, fb).relation == claims::compare::RelationKind::Agree {
                    agree += 1;
                }
            }
        }
        let relating = start.elapsed().as_secs_f64() / (rounds * features.len()) as f64;
        let start = Instant::now();
        for _ in 0..rounds {
            for (fa, fb) in &features {
                if relate_claims(fa, fb).relation == claims::compare::RelationKind::Agree {
                    agree += 1;
                }
            }
        }
        let symmetric = start.elapsed().as_secs_f64() / (rounds * features.len()) as f64;
        println!(
            "{file}: features {:.1} µs per text; relate {:.1} µs per pair; relate_claims {:.1} µs per pair ({agree} agreements)",
            featurise * 1e6,
            relating * 1e6,
            symmetric * 1e6
        );
    }
}
