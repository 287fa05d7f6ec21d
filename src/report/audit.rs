//! The audit report: per draft, how its claims are sourced (a chart), its findings with
//! the flagged words marked, and the draft itself with every claim coloured by source.

use super::html::{Anchors, escape, legend, page, passage, sourcing_chart};
use super::{AuditReport, AuditedDraft, FindingLine, SourcingBar};
use std::fmt::Write;

/// The report as one HTML document.
pub fn audit_html(report: &AuditReport) -> String {
    let mut body = String::new();
    let _ = write!(
        body,
        "<h1>{}</h1>\n<p class=\"summary\">{}</p>\n",
        escape(&report.title),
        escape(&report.summary)
    );
    let bars: Vec<SourcingBar> = report
        .drafts
        .iter()
        .map(|d| SourcingBar {
            label: d.path.clone(),
            counts: d.sourcing,
        })
        .collect();
    body.push_str("<section id=\"sourcing\">\n<h2>Sourcing by draft</h2>\n");
    body.push_str(&sourcing_chart(&bars));
    body.push_str(&legend());
    body.push_str("\n</section>\n");
    let mut anchors = Anchors::default();
    for (n, draft) in report.drafts.iter().enumerate() {
        body.push_str(&draft_section(draft, n + 1, &mut anchors));
    }
    page(&report.title, &body)
}

fn draft_section(draft: &AuditedDraft, n: usize, anchors: &mut Anchors) -> String {
    let mut out = format!(
        "<section class=\"draft\" id=\"draft-{n}\">\n<h2>{}</h2>\n<h3>Findings</h3>\n",
        escape(&draft.path)
    );
    if draft.findings.is_empty() {
        out.push_str("<p>No findings.</p>\n");
    }
    for f in &draft.findings {
        out.push_str(&finding(f));
    }
    out.push_str("<h3>The draft, claims coloured by source</h3>\n");
    out.push_str(&legend());
    for p in &draft.passages {
        let _ = writeln!(out, "<p>{}</p>", passage(p, anchors));
    }
    out.push_str("</section>\n");
    out
}

fn finding(f: &FindingLine) -> String {
    let class = if f.waived.is_some() {
        format!("{} waived", f.level)
    } else {
        f.level.clone()
    };
    let mut out = format!(
        "<div class=\"finding {class}\" id=\"f-{id}\"><div class=\"where\"><a href=\"#f-{id}\">{line}:{column}</a> \
         {level} <code>{rule}</code></div>\n<div>{message}</div>",
        class = escape(&class),
        id = escape(&f.id),
        line = f.line,
        column = f.column,
        level = escape(&f.level),
        rule = escape(&f.rule),
        message = escape(&f.message),
    );
    if let Some(reason) = &f.waived {
        let _ = write!(out, "<div>waived: {}</div>", escape(reason));
    }
    if let Some((sentence, start, end)) = &f.sentence {
        let (start, end) = (*start.min(end), *end.min(&sentence.len()));
        if sentence.is_char_boundary(start) && sentence.is_char_boundary(end) {
            let _ = write!(
                out,
                "<blockquote>{}<span class=\"flag\">{}</span>{}</blockquote>",
                escape(&sentence[..start]),
                escape(&sentence[start..end]),
                escape(&sentence[end..])
            );
        }
    }
    out.push_str("</div>\n");
    out
}
