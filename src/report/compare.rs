//! The comparison report: stories with a contradiction first, each matched claim with
//! its articles' sentences side by side, then the articles and how each outlet sources
//! its claims.

use super::html::{Anchors, escape, legend, page, passage, sourcing_chart};
use super::{CompareReport, MatchKind, MatchedClaim, Side};
use std::fmt::Write;

/// The report as one HTML document.
pub fn compare_html(report: &CompareReport) -> String {
    let mut body = String::new();
    let _ = write!(
        body,
        "<h1>{}</h1>\n<p class=\"summary\">{}</p>\n",
        escape(&report.title),
        escape(&report.summary)
    );
    body.push_str(&outlets_section(report));
    body.push_str(&stories_section(report));
    body.push_str(&articles_section(report));
    page(&report.title, &body)
}

fn outlets_section(report: &CompareReport) -> String {
    let mut out = String::from(
        "<section id=\"sourcing\">\n<h2>Sourcing by outlet</h2>\n\
         <p>The share of each outlet's claims (in the articles compared) by who they are attributed to.</p>\n",
    );
    if report.outlets.is_empty() {
        out.push_str("<p>No claims.</p>\n");
    } else {
        out.push_str(&sourcing_chart(&report.outlets));
        out.push_str(&legend());
    }
    out.push_str("\n</section>\n");
    out
}

fn stories_section(report: &CompareReport) -> String {
    let mut out = String::from(
        "<section id=\"stories\">\n<h2>Claims matched across articles, by story</h2>\n\
         <div class=\"controls\"><label><input type=\"checkbox\" id=\"only-contradictions\"> \
         show contradictions only</label></div>\n",
    );
    out.push_str(&legend());
    if report.stories.is_empty() {
        out.push_str("<p>No claim of one article matches a claim of another.</p>\n");
    }
    let mut anchors = Anchors::default();
    let mut number = 0;
    for (s, story) in report.stories.iter().enumerate() {
        let contradictions = story
            .matches
            .iter()
            .filter(|m| m.kind == MatchKind::Contradiction)
            .count();
        let _ = write!(
            out,
            "<article class=\"story\" id=\"story-{n}\">\n<h3>Story {n}: {articles}</h3>\n\
             <p class=\"summary\">{contradictions} contradiction(s), {agreements} agreement(s)</p>\n",
            n = s + 1,
            articles = escape(&story.articles.join(", ")),
            agreements = story.matches.len() - contradictions,
        );
        for m in &story.matches {
            number += 1;
            out.push_str(&matched_claim(m, number, &mut anchors));
        }
        out.push_str("</article>\n");
    }
    out.push_str("</section>\n");
    out
}

fn matched_claim(m: &MatchedClaim, number: usize, anchors: &mut Anchors) -> String {
    let kind = match m.kind {
        MatchKind::Contradiction => "contradiction",
        MatchKind::Agreement => "agreement",
    };
    let mut out = format!(
        "<div class=\"match {kind}\" id=\"match-{number}\">\n<header><span class=\"kind\">{kind}</span>\
         <a href=\"#match-{number}\">#{number}</a><span>score {:.2}</span></header>\n",
        m.score
    );
    if !m.reasons.is_empty() {
        out.push_str("<ul class=\"reasons\">");
        for r in &m.reasons {
            let _ = write!(out, "<li>{}</li>", escape(r));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("<div class=\"sides\">\n");
    for side in &m.sides {
        out.push_str(&side_html(side, anchors));
    }
    out.push_str("</div>\n</div>\n");
    out
}

fn side_html(side: &Side, anchors: &mut Anchors) -> String {
    let outlet = side
        .outlet
        .as_deref()
        .map(|o| format!(" ({})", escape(o)))
        .unwrap_or_default();
    let mut out = format!(
        "<div class=\"side {stands}\"><div class=\"who\"><strong>{article}</strong>{outlet}: \
         {stands}, quoting <span class=\"src s-{sourcing}\">{source}</span> ({sourcing})</div>\n<p>{text}</p>",
        stands = side.stands,
        article = escape(&side.article),
        sourcing = side.sourcing.as_str(),
        source = escape(&side.source),
        text = passage(&side.passage, anchors),
    );
    if !side.reasons.is_empty() {
        out.push_str("<ul class=\"reasons\">");
        for r in &side.reasons {
            let _ = write!(out, "<li>{}</li>", escape(r));
        }
        out.push_str("</ul>");
    }
    out.push_str("</div>\n");
    out
}

fn articles_section(report: &CompareReport) -> String {
    let mut out = String::from(
        "<section id=\"articles\">\n<h2>Articles compared</h2>\n<table class=\"articles\">\
         <thead><tr><th>article</th><th>title</th><th>outlet</th><th>published</th><th>claims</th></tr></thead><tbody>\n",
    );
    for a in &report.articles {
        let opt = |v: &Option<String>| escape(v.as_deref().unwrap_or(""));
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&a.article),
            opt(&a.title),
            opt(&a.outlet),
            opt(&a.published),
            a.claims
        );
    }
    out.push_str("</tbody></table>\n</section>\n");
    out
}
