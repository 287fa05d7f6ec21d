//! `claims audit --format html`: the audit as a self-contained report: per draft, its
//! sourcing, its findings with the flagged words marked, and its claims coloured by
//! source.

use claims::audit::{FileReport, Finding, Level, Summary};
use claims::extract::Extraction;
use claims::input::Document;
use claims::report::{
    AuditReport, AuditedDraft, FindingLine, Mark, Passage, Sourcing, SourcingCounts, audit_html,
};

/// A draft as audited: its report, and the text and claims the report shows.
pub struct Audited {
    pub report: FileReport,
    pub doc: Document,
    pub extraction: Extraction,
}

/// The report of every draft audited, the findings shown as --min-level and
/// --show-waived say.
pub fn render(drafts: &[Audited], summary: &Summary, min: Level, show_waived: bool) -> String {
    let report = AuditReport {
        title: "Sourcing audit".to_owned(),
        drafts: drafts.iter().map(|d| draft(d, min, show_waived)).collect(),
        summary: format!(
            "{} file(s): {} error(s), {} warning(s), {} info, {} waived",
            summary.files, summary.error, summary.warning, summary.info, summary.waived
        ),
    };
    audit_html(&report)
}

fn draft(d: &Audited, min: Level, show_waived: bool) -> AuditedDraft {
    let text = d.doc.text.as_str();
    let mut sourcing = SourcingCounts::default();
    for c in &d.extraction.claims {
        sourcing.add(Sourcing::of(c.source.as_ref().map(|s| s.kind)));
    }
    let passages = d
        .extraction
        .sentences
        .iter()
        .enumerate()
        .filter_map(|(n, s)| {
            let sentence = text.get(s.start..s.end)?.to_owned();
            let marks = d
                .extraction
                .claims
                .iter()
                .filter(|c| c.sentence == n && c.span.start >= s.start)
                .map(|c| Mark {
                    start: c.span.start - s.start,
                    end: c.span.end.min(s.end) - s.start,
                    sourcing: Sourcing::of(c.source.as_ref().map(|src| src.kind)),
                    claim: c.id.to_hex(),
                })
                .collect();
            Some(Passage { sentence, marks })
        })
        .collect();
    AuditedDraft {
        path: d.report.path.clone(),
        findings: d
            .report
            .shown(min, show_waived)
            .map(|f| finding(f, d))
            .collect(),
        passages,
        sourcing,
    }
}

fn finding(f: &Finding, d: &Audited) -> FindingLine {
    let text = d.doc.text.as_str();
    // The sentence the finding starts in, with the flagged words inside it.
    let sentence = d
        .extraction
        .sentences
        .iter()
        .find(|s| s.start <= f.span.start && f.span.start < s.end.max(s.start + 1))
        .and_then(|s| {
            let body = text.get(s.start..s.end)?;
            let end = f.span.end.min(s.end);
            Some((body.to_owned(), f.span.start - s.start, end - s.start))
        });
    FindingLine {
        id: f.id.clone(),
        level: f.level.as_str().to_owned(),
        rule: f.rule.id().to_owned(),
        line: f.line,
        column: f.column,
        message: f.message.clone(),
        waived: f.waived.clone(),
        sentence,
    }
}
