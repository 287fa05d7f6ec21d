//! Unit tests of the audit over small texts (no CLI).

use super::*;
use crate::extract::extract;

fn audit_text(text: &str) -> FileReport {
    let doc = Document::from_text("draft.md", text);
    let ex = extract(&doc);
    Auditor::new(AuditConfig::default(), None)
        .audit(&doc, &ex)
        .unwrap()
}

fn rules_of(report: &FileReport) -> Vec<(&'static str, String)> {
    report
        .findings
        .iter()
        .map(|f| (f.rule.id(), f.text.clone()))
        .collect()
}

#[test]
fn vague_attribution_is_found() {
    let r = audit_text("Analysts say the plan will fail.\n");
    assert_eq!(
        rules_of(&r),
        [("vague-attribution", "Analysts say".to_owned())]
    );
}
