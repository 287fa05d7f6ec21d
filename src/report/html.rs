//! The pieces both reports share: escaping, the page around a body, the style sheet, the
//! script, a sentence with its claims marked, and the sourcing chart.

use super::{Passage, Sourcing, SourcingBar, SourcingCounts};
use std::fmt::Write;

/// Text made safe for HTML content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than white space have no business in a page.
            c if c.is_control() && !matches!(c, '\n' | '\t') => {
                let _ = write!(out, "&#xFFFD;");
            }
            c => out.push(c),
        }
    }
    out
}

/// A whole document: the head with the style sheet, `body`, then the script.
pub fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}\n\
         <script>{SCRIPT}</script>\n</body>\n</html>\n",
        escape(title)
    )
}

/// The colour of each class of sourcing, for marks and for the chart.
pub fn colour(sourcing: Sourcing) -> &'static str {
    match sourcing {
        Sourcing::Named => "#2e7d32",
        Sourcing::Institutional => "#1565c0",
        Sourcing::Document => "#6a1b9a",
        Sourcing::Anonymous => "#ef6c00",
        Sourcing::Vague => "#c62828",
        Sourcing::Unsourced => "#757575",
    }
}

const STYLE: &str = "
:root { font-family: system-ui, sans-serif; color: #1b1b1b; background: #fafafa; }
body { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; line-height: 1.45; }
h1 { font-size: 1.5rem; margin-bottom: .2rem; }
h2 { font-size: 1.2rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
.summary { color: #555; margin-top: 0; }
table.articles { border-collapse: collapse; font-size: .9rem; }
table.articles td, table.articles th { padding: .2rem .6rem; border-bottom: 1px solid #ddd; text-align: left; }
.controls { margin: .8rem 0; font-size: .9rem; }
.match { background: #fff; border: 1px solid #ddd; border-left: 6px solid #9e9e9e; border-radius: 4px; margin: .8rem 0; padding: .6rem .8rem; }
.match.contradiction { border-left-color: #f9a825; }
.match.agreement { border-left-color: #43a047; }
.match header { display: flex; gap: .8rem; align-items: baseline; flex-wrap: wrap; }
.kind { font-weight: 600; text-transform: uppercase; font-size: .8rem; letter-spacing: .04em; }
.reasons { margin: .3rem 0; padding-left: 1.2rem; font-size: .9rem; }
.sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: .8rem; margin-top: .4rem; }
.side { background: #f5f5f5; border-radius: 4px; padding: .5rem .7rem; }
.side .who { font-size: .85rem; color: #444; margin-bottom: .3rem; }
.side.contradicts { background: #fff8e1; }
mark { background: none; border-bottom: 3px solid; padding: 0 1px; color: inherit; }
mark a.id { font-size: .7rem; color: #555; text-decoration: none; vertical-align: super; margin-left: 2px; }
.s-named { border-color: #2e7d32; background: #e8f5e9; }
.s-institutional { border-color: #1565c0; background: #e3f2fd; }
.s-document { border-color: #6a1b9a; background: #f3e5f5; }
.s-anonymous { border-color: #ef6c00; background: #fff3e0; }
.s-vague { border-color: #c62828; background: #ffebee; }
.s-unsourced { border-color: #757575; background: #eeeeee; }
.legend { display: flex; gap: 1rem; flex-wrap: wrap; font-size: .85rem; margin: .4rem 0; }
.legend span::before { content: ''; display: inline-block; width: .8rem; height: .8rem; margin-right: .3rem; vertical-align: -1px; background: var(--c); }
.finding { background: #fff; border: 1px solid #ddd; border-radius: 4px; margin: .6rem 0; padding: .5rem .8rem; }
.finding.error { border-left: 6px solid #c62828; }
.finding.warning { border-left: 6px solid #f9a825; }
.finding.info { border-left: 6px solid #1565c0; }
.finding.waived { opacity: .6; }
.finding .where { font-family: ui-monospace, monospace; font-size: .85rem; color: #555; }
.flag { background: #ffe0b2; }
.draft p { margin: .2rem 0; }
:target { outline: 3px solid #ffb300; }
.hidden { display: none; }
svg.chart text { font-size: 12px; font-family: system-ui, sans-serif; }
";

/// Hides agreements on request and says it ran, so a browser check can tell the page's
/// script executed.
const SCRIPT: &str = "
(function () {
  var box = document.getElementById('only-contradictions');
  if (box) {
    box.addEventListener('change', function () {
      var items = document.querySelectorAll('.match.agreement');
      for (var i = 0; i < items.length; i++) {
        items[i].classList.toggle('hidden', box.checked);
      }
    });
  }
  document.body.setAttribute('data-ready', 'yes');
})();
";

/// The legend of the sourcing colours.
pub fn legend() -> String {
    let mut out = String::from("<div class=\"legend\">");
    for s in Sourcing::ALL {
        let _ = write!(
            out,
            "<span style=\"--c:{}\">{}</span>",
            colour(s),
            s.as_str()
        );
    }
    out.push_str("</div>");
    out
}

/// Anchors are made once per claim id: the first mark of a claim carries it, the others
/// link to it.
#[derive(Default)]
pub struct Anchors(std::collections::HashSet<String>);

impl Anchors {
    /// The `id` attribute for a claim's mark, the first time the claim is drawn.
    fn claim_anchor(&mut self, claim: &str) -> String {
        if self.0.insert(claim.to_owned()) {
            format!(" id=\"c-{}\"", escape(claim))
        } else {
            String::new()
        }
    }
}

/// A sentence with its claims marked, each coloured by its sourcing and linked by id.
pub fn passage(p: &Passage, anchors: &mut Anchors) -> String {
    let text = p.sentence.as_str();
    let mut out = String::new();
    let mut at = 0;
    for m in &p.marks {
        let start = floor_boundary(text, m.start.max(at));
        let end = floor_boundary(text, m.end.min(text.len()));
        if end <= start {
            continue;
        }
        out.push_str(&escape(&text[at..start]));
        let short = &m.claim[..m.claim.len().min(8)];
        let _ = write!(
            out,
            "<mark class=\"s-{}\"{} data-claim=\"{}\" title=\"{}\">{}<a class=\"id\" href=\"#c-{}\">{}</a></mark>",
            m.sourcing.as_str(),
            anchors.claim_anchor(&m.claim),
            escape(&m.claim),
            m.sourcing.as_str(),
            escape(&text[start..end]),
            escape(&m.claim),
            escape(short)
        );
        at = end;
    }
    out.push_str(&escape(&text[at..]));
    out
}

/// `at`, moved back to the nearest character boundary of `text`.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A stacked bar per label: each class of sourcing's share of its claims, with the
/// share written out (and a tooltip) so the chart reads without colour too.
pub fn sourcing_chart(bars: &[SourcingBar]) -> String {
    const LABEL_W: f64 = 170.0;
    const BAR_W: f64 = 420.0;
    const ROW_H: f64 = 26.0;
    let height = ROW_H * bars.len() as f64 + 8.0;
    let mut out = format!(
        "<svg class=\"chart\" role=\"img\" aria-label=\"sourcing by outlet\" \
         width=\"{w}\" height=\"{height}\" \
         viewBox=\"0 0 {w} {height}\">",
        w = LABEL_W + BAR_W + 60.0
    );
    for (n, bar) in bars.iter().enumerate() {
        let y = 4.0 + ROW_H * n as f64;
        let _ = write!(
            out,
            "<text x=\"0\" y=\"{}\">{}</text>",
            y + 15.0,
            escape(&shorten(&bar.label, 24))
        );
        bar_segments(&mut out, &bar.counts, LABEL_W, BAR_W, y);
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\">{}</text>",
            LABEL_W + BAR_W + 6.0,
            y + 15.0,
            bar.counts.total()
        );
    }
    out.push_str("</svg>");
    out
}

fn bar_segments(out: &mut String, counts: &SourcingCounts, x0: f64, width: f64, y: f64) {
    let total = counts.total();
    if total == 0 {
        let _ = write!(
            out,
            "<rect x=\"{x0}\" y=\"{y}\" width=\"{width}\" height=\"20\" fill=\"#eee\"><title>no claims</title></rect>"
        );
        return;
    }
    let mut x = x0;
    for s in Sourcing::ALL {
        let n = counts.get(s);
        if n == 0 {
            continue;
        }
        let share = n as f64 / total as f64;
        let w = width * share;
        let _ = write!(
            out,
            "<rect class=\"seg-{name}\" x=\"{x:.1}\" y=\"{y}\" width=\"{w:.1}\" height=\"20\" fill=\"{c}\">\
             <title>{name}: {n} of {total} ({pct:.0}%)</title></rect>",
            name = s.as_str(),
            c = colour(s),
            pct = share * 100.0
        );
        if w >= 28.0 {
            let _ = write!(
                out,
                "<text x=\"{:.1}\" y=\"{}\" fill=\"#fff\">{:.0}%</text>",
                x + 3.0,
                y + 15.0,
                share * 100.0
            );
        }
        x += w;
    }
}

/// A label cut to `max` characters; a path keeps its end, where the file name is.
fn shorten(text: &str, max: usize) -> String {
    let count = text.chars().count();
    if count <= max {
        return text.to_owned();
    }
    if text.contains('/') {
        let tail: String = text.chars().skip(count - (max - 1)).collect();
        return format!("…{tail}");
    }
    let mut out: String = text.chars().take(max - 1).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::super::Mark;
    use super::*;

    #[test]
    fn escape_leaves_no_markup() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(escape("a\u{1b}[31mb"), "a&#xFFFD;[31mb");
    }

    #[test]
    fn passage_marks_claims_and_anchors_each_once() {
        let p = Passage {
            sentence: "Prices rose <b>5%</b>, officials said.".to_owned(),
            marks: vec![Mark {
                start: 0,
                end: 21,
                sourcing: Sourcing::Anonymous,
                claim: "abcdef0123456789".to_owned(),
            }],
        };
        let mut anchors = Anchors::default();
        let first = passage(&p, &mut anchors);
        assert!(first.contains("id=\"c-abcdef0123456789\""), "{first}");
        assert!(first.contains("class=\"s-anonymous\""));
        assert!(first.contains("&lt;b&gt;5%&lt;/b&gt;"));
        assert!(!first.contains("<b>"));
        let second = passage(&p, &mut anchors);
        assert!(!second.contains("id=\"c-"), "{second}");
        assert!(second.contains("href=\"#c-abcdef0123456789\""));
    }

    #[test]
    fn marks_off_character_boundaries_do_not_panic() {
        let p = Passage {
            sentence: "café é".to_owned(),
            marks: vec![Mark {
                start: 4,
                end: 99,
                sourcing: Sourcing::Named,
                claim: "00".to_owned(),
            }],
        };
        let html = passage(&p, &mut Anchors::default());
        assert!(html.contains("caf"));
    }

    #[test]
    fn chart_has_a_segment_per_class_present() {
        let mut counts = SourcingCounts::default();
        counts.add(Sourcing::Named);
        counts.add(Sourcing::Named);
        counts.add(Sourcing::Vague);
        let svg = sourcing_chart(&[SourcingBar {
            label: "<Outlet>".to_owned(),
            counts,
        }]);
        assert!(svg.contains("seg-named"));
        assert!(svg.contains("seg-vague"));
        assert!(!svg.contains("seg-anonymous"));
        assert!(svg.contains("named: 2 of 3 (67%)"));
        assert!(svg.contains("&lt;Outlet&gt;"));
    }
}
