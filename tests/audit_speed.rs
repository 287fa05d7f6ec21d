//! How long `claims audit` takes on a 2,000-word draft against a store of the 2,225 BBC
//! News articles (`../shared/data/bench/bbc_news.jsonl`). Ignored by default: it reads
//! shared data and prints timings (tests never assert timings). Run it with
//!
//! ```sh
//! cargo test --release --test audit_speed -- --ignored --nocapture
//! ```
//!
//! Until the store lands, the store is the audit's in-memory index over every extracted
//! claim of the corpus; relating is the relation engine of `compare`.

use claims::audit::{AuditConfig, Auditor, MemoryIndex, StoreContext, StoredClaim};
use claims::input::{Document, JsonlReader};
use std::io::BufReader;
use std::path::Path;
use std::time::Instant;

#[test]
#[ignore = "reads ../shared/data/bench and prints timings; run with --ignored --nocapture"]
fn audit_a_long_draft_against_the_bbc_store() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/bench/bbc_news.jsonl");
    let Ok(file) = std::fs::File::open(&path) else {
        eprintln!("skipped: {} is absent", path.display());
        return;
    };
    let start = Instant::now();
    let mut stored = Vec::new();
    let mut docs = Vec::new();
    for doc in JsonlReader::new(BufReader::new(file), path.display().to_string()) {
        let doc = doc.expect("bench corpus");
        let ex = claims::extract(&doc);
        let article = doc.id.clone().unwrap_or_default();
        for claim in &ex.claims {
            stored.push(StoredClaim {
                article: article.clone(),
                outlet: None,
                source: claim.source.as_ref().map(|s| s.name.clone()),
                quote: claim.quote,
                text: claim.text.clone(),
            });
        }
        docs.push(doc);
    }
    let claims_count = stored.len();
    let index = MemoryIndex::new(stored);
    let built = start.elapsed();

    // A 2,000-word draft made of the openings of articles from the store itself, so
    // that every sentence has candidates in the index (the costly case).
    let mut draft = String::new();
    for doc in docs.iter().step_by(37) {
        for para in doc.text.split("\n\n").take(3) {
            draft.push_str(para.trim());
            draft.push_str("\n\n");
        }
        if draft.split_whitespace().count() >= 2000 {
            break;
        }
    }
    let word_count = draft.split_whitespace().count();
    let relate = claims::audit::store::relate_claims;
    let store = StoreContext {
        index: &index,
        relate: &relate,
    };
    let auditor = Auditor::new(AuditConfig::default(), Some(store));
    let doc = Document::from_text("draft.md", draft);
    let mut best = f64::MAX;
    let mut findings = 0;
    let mut by_rule = std::collections::BTreeMap::new();
    for _ in 0..5 {
        let t = Instant::now();
        let ex = claims::extract(&doc);
        let report = auditor.audit(&doc, &ex).expect("audit");
        best = best.min(t.elapsed().as_secs_f64() * 1000.0);
        findings = report.findings.len();
        by_rule.clear();
        for f in &report.findings {
            *by_rule.entry(f.rule.id()).or_insert(0) += 1;
        }
        if std::env::var_os("AUDIT_SPEED_SHOW").is_some() && by_rule.len() < 100 {
            for f in report
                .findings
                .iter()
                .filter(|f| f.rule.id() == "contradicts-store")
                .take(8)
            {
                eprintln!("{}\n    {}\n", f.text, f.message);
            }
        }
    }
    eprintln!(
        "store: {} articles, {claims_count} claims, index built in {:.0} ms\naudit of a {word_count}-word draft: {best:.1} ms (best of 5), {findings} findings {by_rule:?}",
        docs.len(),
        built.as_secs_f64() * 1000.0
    );
}
