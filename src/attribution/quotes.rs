//! Quote regions: double quote marks paired over the document, including a quotation
//! carried over several paragraphs (each paragraph opens with a quote mark, only the
//! last one closes: the usual newspaper convention).

use super::tokens::{Kind, Token, quote_family};

/// One stretch of quoted text inside one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark, or of the last token of the paragraph when the
    /// quote runs on (or is never closed).
    pub close: usize,
    /// Whether `close` is a real closing mark.
    pub closed: bool,
    /// Regions of one quotation carried over paragraphs share a group (the index of its
    /// first region).
    pub group: usize,
    /// The closing token of the group's last region (filled in once all are paired).
    pub group_close: usize,
}

/// Pairs quote marks and marks every token inside a region (marks included) with
/// `quote = 1 + region index`.
pub fn find(tokens: &mut [Token]) -> Vec<Region> {
    let mut regions: Vec<Region> = Vec::new();
    let mut open: Option<(usize, Option<usize>)> = None;
    // The group of a quotation left open at the end of the previous paragraph.
    let mut carry: Option<usize> = None;
    let n = tokens.len();
    let push =
        |regions: &mut Vec<Region>, o: usize, close: usize, closed: bool, g: Option<usize>| {
            let group = g.unwrap_or(regions.len());
            regions.push(Region {
                open: o,
                close,
                closed,
                group,
                group_close: close,
            });
            group
        };
    // Marks of another family inside an open quote: a quote within the quote.
    let mut family = 0u8;
    let mut nested = 0u32;
    for i in 0..n {
        // Straight and doubled marks look the same open or closed: within a paragraph
        // they alternate, whatever the spacing around them ('Clinton,' " closes).
        if matches!(tokens[i].ch, quote_family::STRAIGHT | quote_family::DOUBLED)
            && matches!(tokens[i].kind, Kind::Open | Kind::Close)
        {
            let para_start = i == 0 || tokens[i - 1].para != tokens[i].para;
            let open_same = open.is_some() && family == tokens[i].ch && !para_start;
            let nested_close =
                open.is_some() && family != tokens[i].ch && tokens[i].kind == Kind::Close;
            tokens[i].kind = if open_same || nested_close {
                Kind::Close
            } else {
                Kind::Open
            };
        }
        // An opening curly mark glued to the word before it, while a curly quote is
        // open, is a closing mark typed the wrong way round: ...here,“ said Clyburn.
        if tokens[i].kind == Kind::Open
            && tokens[i].ch == quote_family::CURLY
            && open.is_some()
            && family == quote_family::CURLY
            && i > 0
            && tokens[i - 1].end == tokens[i].start
            && tokens[i - 1].para == tokens[i].para
        {
            tokens[i].kind = Kind::Close;
        }
        // A straight mark after a sentence's end and a space, glued to the next word,
        // while a quote is open: the next paragraph of the same quotation, in a text
        // whose paragraph breaks were lost (`... exist. "But I think ...`). The quote
        // runs on into it rather than closing there.
        if tokens[i].kind == Kind::Close
            && tokens[i].ch == quote_family::STRAIGHT
            && i > 0
            && tokens[i - 1].kind == Kind::Punct
            && matches!(tokens[i - 1].ch, b'.' | b'?' | b'!')
            && tokens[i - 1].end < tokens[i].start
            && tokens[i - 1].para == tokens[i].para
            && tokens
                .get(i + 1)
                .is_some_and(|n| n.kind == Kind::Word && n.start == tokens[i].end && n.cap())
            && let Some((o, g)) = open.take()
        {
            let g = push(&mut regions, o, i - 1, false, g);
            open = Some((i, Some(g)));
            tokens[i].kind = Kind::Open;
            continue;
        }
        let t = tokens[i];
        let para_start = i == 0 || tokens[i - 1].para != t.para;
        if para_start && t.kind != Kind::Open {
            carry = None;
        }
        match t.kind {
            Kind::Open => {
                if open.is_some() && t.ch != family {
                    nested += 1;
                } else {
                    if let Some((o, g)) = open.take() {
                        // A second opening mark before any closing one: the first quote
                        // was never closed; it ends before this mark.
                        push(&mut regions, o, i.saturating_sub(1).max(o), false, g);
                    }
                    let g = if para_start { carry.take() } else { None };
                    open = Some((i, g));
                    family = t.ch;
                    nested = 0;
                }
            }
            Kind::Close => {
                if nested > 0 && t.ch != family {
                    nested -= 1;
                } else if let Some((o, g)) = open.take() {
                    push(&mut regions, o, i, true, g);
                    nested = 0;
                }
            }
            _ => {}
        }
        let para_ends = i + 1 == n || tokens[i + 1].para != t.para;
        if para_ends {
            nested = 0;
            carry = open.take().map(|(o, g)| push(&mut regions, o, i, false, g));
        }
    }
    // Each group's extent, found once (regions of a group are consecutive).
    let mut k = regions.len();
    while k > 0 {
        let g = regions[k - 1].group;
        let last = regions[k - 1].close;
        while k > 0 && regions[k - 1].group == g {
            regions[k - 1].group_close = last;
            k -= 1;
        }
    }
    for (k, r) in regions.iter().enumerate() {
        for t in &mut tokens[r.open..=r.close] {
            t.quote = k as u32 + 1;
        }
    }
    regions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::tokens::tokenize;

    fn regions(paras: &[&str]) -> (String, Vec<Token>, Vec<Region>) {
        let text = paras.join("\n");
        let mut toks = Vec::new();
        let mut pos = 0;
        for (p, para) in paras.iter().enumerate() {
            tokenize(&text, pos, pos + para.len(), p as u32, p as u32, &mut toks);
            pos += para.len() + 1;
        }
        let r = find(&mut toks);
        (text, toks, r)
    }

    #[test]
    fn pairs_marks_in_a_paragraph() {
        let (_, toks, r) = regions(&["He said “yes” and “no.”"]);
        assert_eq!(r.len(), 2);
        assert!(r[0].closed && r[1].closed);
        assert!(!toks[0].in_quote());
        assert!(toks[3].in_quote());
    }

    #[test]
    fn a_quote_carried_over_paragraphs_is_one_group() {
        let (_, _, r) = regions(&["“First part.", "“Second part,” she said.", "Later."]);
        assert_eq!(r.len(), 2);
        assert!(!r[0].closed);
        assert!(r[1].closed);
        assert_eq!(r[0].group, r[1].group);
    }

    #[test]
    fn a_quote_inside_a_quote_stays_inside() {
        let (_, _, r) = regions(&["He said \"it is about “equal justice” now\" today."]);
        assert_eq!(r.len(), 1);
        assert!(r[0].closed);
    }

    #[test]
    fn an_unclosed_quote_ends_with_its_paragraph() {
        let (_, toks, r) = regions(&["He said “never", "Then nothing."]);
        assert_eq!(r.len(), 1);
        assert!(!toks.last().unwrap().in_quote());
    }
}
