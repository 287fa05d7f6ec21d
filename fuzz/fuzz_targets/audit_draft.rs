//! The audit of a draft on arbitrary bytes (no store): waiver markers, rules, positions.
#![no_main]

use claims::audit::{AuditConfig, Auditor};
use claims::input::{DecodeOptions, Document};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = Document::from_bytes("fuzz", data.to_vec(), DecodeOptions { lossy: true }) else {
        return;
    };
    let ex = claims::extract(&doc);
    thread_local! {
        // Building the word lists costs far more than one audit.
        static AUDITOR: Auditor<'static> = Auditor::new(AuditConfig::default(), None);
    }
    if let Ok(report) = AUDITOR.with(|auditor| auditor.audit(&doc, &ex)) {
        for f in &report.findings {
            assert!(f.span.start <= f.span.end && f.span.end <= doc.text.len());
            assert!(doc.text.is_char_boundary(f.span.start));
            assert!(doc.text.is_char_boundary(f.span.end));
            assert!(f.line >= 1 && f.column >= 1);
        }
    }
});
