//! The pre-publication sourcing audit: rules over an extracted draft (and the store),
//! findings with positions, levels and waivers. `claims audit` is a thin layer over it.
//!
//! ```text
//! Document + Extraction --Text (words, quotation marks, sentences)--> rules
//!     (checks.rs: the draft itself; store.rs: against the claim store)
//!     --> findings, sorted by position, with ids, lines, columns and waivers
//! ```
//!
//! Rule ids, levels and explanations are in [`rules`]; configuration in [`config`];
//! the word lists in [`lexicon`].

mod checks;
pub mod config;
pub mod lexicon;
mod phrases;
pub mod rules;
pub mod speakers;
pub mod store;
pub mod text;

pub use config::{AuditConfig, ConfigError, Setting, Waiver};
pub use rules::{Level, Rule};
pub use store::{
    ClaimIndex, MemoryIndex, Related, RelatedClaim, Relation, StoreContext, StoredClaim,
};

use crate::extract::Extraction;
use crate::input::Document;
use crate::span::Span;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// A finding before it gets its position and id.
#[derive(Debug, Clone)]
pub(crate) struct RawFinding {
    pub rule: Rule,
    pub level: Level,
    pub span: Span,
    /// The text the finding is about, hashed into its id (so the id survives edits
    /// elsewhere in the draft).
    pub subject: String,
    pub message: String,
    pub speaker: Option<String>,
    pub related: Option<RelatedClaim>,
}

/// One finding of the audit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule: Rule,
    pub level: Level,
    /// 1-based line of the span's start (front matter counted).
    pub line: usize,
    /// 1-based column of the span's start, in characters (Unicode scalar values).
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// Byte span into the file as read.
    pub span: Span,
    pub message: String,
    /// Stable id: a hash of the rule and the text the finding is about. Waive by it.
    pub id: String,
    /// The text flagged (shortened).
    pub text: String,
    /// The speaker a quotation was inferred to be by (quote-without-speaker, misquote).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// The stored claim involved (contradicts-store, misquote).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub related: Option<RelatedClaim>,
    /// Why the finding is accepted, when it is waived.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waived: Option<String>,
}

/// The findings of one file, waived ones included (marked).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FileReport {
    pub path: String,
    pub findings: Vec<Finding>,
}

impl FileReport {
    /// Findings not waived, at `min` or above.
    pub fn shown(&self, min: Level, show_waived: bool) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(move |f| f.level >= min && (show_waived || f.waived.is_none()))
    }
}

/// Counts per level over files, waived findings apart.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub files: usize,
    pub error: usize,
    pub warning: usize,
    pub info: usize,
    pub waived: usize,
}

impl Summary {
    pub fn add(&mut self, report: &FileReport) {
        self.files += 1;
        for f in &report.findings {
            if f.waived.is_some() {
                self.waived += 1;
                continue;
            }
            match f.level {
                Level::Error => self.error += 1,
                Level::Warning => self.warning += 1,
                Level::Info => self.info += 1,
            }
        }
    }

    /// Whether any finding that is not waived reaches `level`.
    pub fn reaches(&self, level: Level) -> bool {
        match level {
            Level::Error => self.error > 0,
            Level::Warning => self.error + self.warning > 0,
            Level::Info => self.error + self.warning + self.info > 0,
        }
    }
}

/// Runs the rules with one configuration (and optionally a store).
pub struct Auditor<'a> {
    config: AuditConfig,
    lexicon: lexicon::Lexicon,
    store: Option<StoreContext<'a>>,
}

impl<'a> Auditor<'a> {
    pub fn new(config: AuditConfig, store: Option<StoreContext<'a>>) -> Auditor<'a> {
        let lexicon = lexicon::Lexicon::new(&config);
        Auditor {
            config,
            lexicon,
            store,
        }
    }

    pub fn config(&self) -> &AuditConfig {
        &self.config
    }

    /// Audits a document whose extraction is given. Errors are bad waiver markers in the
    /// draft (a waiver without a reason, an unknown rule).
    pub fn audit(
        &self,
        doc: &Document,
        extraction: &Extraction,
    ) -> Result<FileReport, ConfigError> {
        let text = text::Text::new(
            &doc.text,
            doc.body,
            &extraction.sentences,
            &extraction.paragraphs,
        );
        let markers = parse_markers(&text, &doc.origin)?;
        let mut analysis = checks::Analysis::new(&text, extraction, &self.lexicon, &self.config);
        analysis.run();
        let speakers_found = std::mem::take(&mut analysis.speakers);
        let mut raw = std::mem::take(&mut analysis.findings);
        if let Some(store) = self.store {
            let mut from_store = Vec::new();
            if self.config.enabled(Rule::ContradictsStore) {
                store::contradicts_store(&text, extraction, store, &mut from_store);
            }
            if self.config.enabled(Rule::Misquote) || self.config.enabled(Rule::MisattributedQuote)
            {
                store::misquotes(&text, extraction, &speakers_found, store, &mut from_store);
                from_store.retain(|f| self.config.enabled(f.rule));
            }
            for mut f in from_store {
                if let Setting::Level(level) = self.config.setting(f.rule) {
                    f.level = level;
                }
                raw.push(f);
            }
        }
        raw.sort_by_key(|f| (f.span.start, f.rule, f.span.end));
        raw.dedup_by(|a, b| a.rule == b.rule && a.span == b.span);
        let mut seen: HashMap<(Rule, String), usize> = HashMap::new();
        let findings = raw
            .into_iter()
            .map(|f| {
                let key = crate::claims::canonical_form(subject_prefix(&f.subject));
                let n = seen.entry((f.rule, key.clone())).or_insert(0);
                let id = finding_id(f.rule, &key, *n);
                *n += 1;
                let (line, column) = text.line_col(f.span.start);
                let (end_line, end_column) = text.line_col(f.span.end);
                let waived = self
                    .config
                    .waivers
                    .iter()
                    .find(|w| w.id == id)
                    .map(|w| w.reason.clone())
                    .or_else(|| {
                        markers
                            .iter()
                            .find(|m| {
                                m.rules.contains(&f.rule)
                                    && m.target.start <= f.span.start
                                    && f.span.start < m.target.end
                            })
                            .map(|m| m.reason.clone())
                    });
                Finding {
                    rule: f.rule,
                    level: f.level,
                    line,
                    column,
                    end_line,
                    end_column,
                    span: f.span,
                    text: ellipsis(text.slice(f.span).trim(), 80),
                    message: f.message,
                    id,
                    speaker: f.speaker,
                    related: f.related,
                    waived,
                }
            })
            .collect();
        Ok(FileReport {
            path: doc.origin.clone(),
            findings,
        })
    }
}

/// How much of the text a finding is about goes into its id: every real sentence (a
/// sentence of 4 KB is some 700 words), while a pathological "sentence" of megabytes
/// with thousands of findings is not copied and hashed once per finding (that took
/// 9.4 GB and 39 s for a 480 KB draft).
pub(crate) const MAX_SUBJECT_BYTES: usize = 4096;

/// The first [`MAX_SUBJECT_BYTES`] of `subject`, cut on a char boundary.
pub(crate) fn subject_prefix(subject: &str) -> &str {
    if subject.len() <= MAX_SUBJECT_BYTES {
        return subject;
    }
    let mut end = MAX_SUBJECT_BYTES;
    while !subject.is_char_boundary(end) {
        end -= 1;
    }
    &subject[..end]
}

/// The stable id of a finding: 8 hex digits of sha256 over the rule, the canonical form
/// of the text it is about (its first 4 KB), and its rank among identical ones.
fn finding_id(rule: Rule, canonical_subject: &str, occurrence: usize) -> String {
    let mut hasher = Sha256::new();
    hasher.update(rule.id().as_bytes());
    hasher.update([0u8]);
    hasher.update(canonical_subject.as_bytes());
    if occurrence > 0 {
        hasher.update([0u8]);
        hasher.update(occurrence.to_string().as_bytes());
    }
    let digest = hasher.finalize();
    let mut out = String::with_capacity(8);
    for b in &digest[..4] {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// `text` cut to at most `max` characters, with an ellipsis when cut.
pub(crate) fn ellipsis(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let mut out: String = flat.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// A waiver written in the draft: `<!-- claims: allow RULE[, RULE] -- REASON -->`.
#[derive(Debug, Clone)]
struct Marker {
    rules: Vec<Rule>,
    reason: String,
    /// The bytes whose findings it waives: the paragraph after the comment, or the one
    /// it ends when it follows text on its line.
    target: Span,
}

fn parse_markers(text: &text::Text, origin: &str) -> Result<Vec<Marker>, ConfigError> {
    let mut out = Vec::new();
    for comment in &text.comments {
        let raw = text.slice(*comment);
        let inner = raw
            .trim_start_matches("<!--")
            .trim_end_matches("-->")
            .trim();
        let Some(directive) = inner.strip_prefix("claims:") else {
            continue;
        };
        let (line, _) = text.line_col(comment.start);
        let err = |message: String| ConfigError::Marker {
            origin: origin.to_owned(),
            line,
            message,
        };
        let directive = directive.trim();
        let Some(rest) = directive.strip_prefix("allow") else {
            return Err(err(format!(
                "unknown directive {directive:?}: write `<!-- claims: allow RULE -- reason -->`"
            )));
        };
        let (rule_list, reason) = match rest.split_once("--") {
            Some((r, reason)) => (r, reason.trim()),
            None => (rest, ""),
        };
        if reason.is_empty() {
            return Err(err(
                "a waiver needs a reason: `<!-- claims: allow RULE -- why it is acceptable -->`"
                    .to_owned(),
            ));
        }
        let mut rules = Vec::new();
        for id in rule_list.split([',', ' ']).filter(|s| !s.is_empty()) {
            rules.push(id.parse::<Rule>().map_err(err)?);
        }
        if rules.is_empty() {
            return Err(err(
                "name the rule to allow: `<!-- claims: allow RULE -- reason -->`".to_owned(),
            ));
        }
        out.push(Marker {
            rules,
            reason: reason.to_owned(),
            target: marker_target(text, *comment),
        });
    }
    Ok(out)
}

fn marker_target(text: &text::Text, comment: Span) -> Span {
    let src = text.text;
    let line_start = src[..comment.start].rfind('\n').map_or(0, |i| i + 1);
    let trailing = !src[line_start..comment.start].trim().is_empty();
    let start = if trailing {
        line_start
    } else {
        // The next line with text on it.
        let mut pos = comment.end;
        loop {
            let line_end = src[pos..].find('\n').map_or(src.len(), |i| pos + i);
            if !src[pos..line_end].trim().is_empty() || line_end >= src.len() {
                break;
            }
            pos = line_end + 1;
        }
        pos
    };
    let line_end = src[start..].find('\n').map_or(src.len(), |i| start + i);
    // Through the end of the paragraph the segmenter put that line in.
    let mut end = line_end;
    if let Some(s) = text.sentence_at(
        start.max(
            text.sentences
                .iter()
                .find(|s| s.start >= start)
                .map_or(start, |s| s.start),
        ),
    ) && let Some(&p) = text.paragraphs.get(s)
    {
        for (k, sp) in text.sentences.iter().enumerate().skip(s) {
            if text.paragraphs.get(k) != Some(&p) {
                break;
            }
            end = end.max(sp.end);
        }
    }
    Span::new(start, end)
}

#[cfg(test)]
mod tests;
