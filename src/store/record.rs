//! Article version records: what one `add` of one article stores, their canonical form
//! (what the version id hashes), and their TOML file (what people and git see).
//!
//! The id is `sha256("version <len>\0<canonical form>")` over a length-prefixed encoding
//! of the typed record, never over the TOML text. The TOML file is written with fixed
//! formatting (keys in byte order within each table, values as documented in
//! `docs/store-format.md`), so the same record always has the same bytes, and `verify`
//! can insist on them.

use super::name::ArticleName;
use super::toml_out::{line_raw, line_string, push_span, push_spans, push_string};
use crate::attribution::{QuoteKind, SourceKind};
use crate::claims::Claim;
use crate::hash::{Id, ObjectKind};
use crate::input::Metadata;
use crate::span::Span;
use chrono::{DateTime, SecondsFormat, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// One version of one article: its text (by hash), metadata, and the claims extracted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionRecord {
    pub article: ArticleName,
    /// The version this one replaces; `None` for an article's first version.
    pub parent: Option<Id>,
    /// Content id of the whole text as read (front matter included), stored in `texts/`.
    pub text: Id,
    /// The article body within the text (after any front matter).
    pub body: Span,
    /// When it was logged, UTC, whole seconds.
    pub logged_at: DateTime<Utc>,
    /// What extracted the claims (`claims 0.1.0`), so later releases know what to redo.
    pub extractor: String,
    pub meta: Metadata,
    pub sentences: Vec<Span>,
    pub fragments: Vec<Span>,
    pub claims: Vec<Occurrence>,
}

/// A claim as said in one article version: the statement (by id and text) and where,
/// by whom and how it was said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Occurrence {
    pub id: Id,
    pub text: String,
    pub span: Span,
    pub sentence: usize,
    pub quote: QuoteKind,
    pub source: Option<StoredSource>,
    pub cue: Option<StoredCue>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct StoredSource {
    pub name: String,
    pub kind: SourceKind,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub span: Option<Span>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct StoredCue {
    pub text: String,
    #[serde(default)]
    pub span: Option<Span>,
}

impl From<&Claim> for Occurrence {
    fn from(claim: &Claim) -> Occurrence {
        Occurrence {
            id: claim.id,
            text: claim.text.clone(),
            span: claim.span,
            sentence: claim.sentence,
            quote: claim.quote,
            source: claim.source.as_ref().map(|s| StoredSource {
                name: s.name.clone(),
                kind: s.kind,
                role: s.role.clone(),
                span: s.span,
            }),
            cue: claim.cue.as_ref().map(|c| StoredCue {
                text: c.text.clone(),
                span: c.span,
            }),
        }
    }
}

/// Why bytes are not a valid version record.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    #[error("not valid TOML for a version record: {0}")]
    Toml(String),
    #[error("article name {0:?} is not a valid name")]
    Name(String),
    #[error("logged_at {0} is not a UTC date-time in whole seconds")]
    Time(String),
}

/// The timestamp format of records: RFC 3339, UTC, whole seconds, `Z`.
pub fn format_time(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The earliest time a record holds: TOML and RFC 3339 write years of four digits.
pub const EARLIEST_TIME: i64 = -62_167_219_200; // 0000-01-01T00:00:00Z
/// The latest time a record holds.
pub const LATEST_TIME: i64 = 253_402_300_799; // 9999-12-31T23:59:59Z

/// Whether a record can hold `t` as its `logged_at` (years 0000 to 9999): a time outside
/// would be written as `+10000-...` or `-0001-...`, which no TOML reader parses.
pub fn time_in_range(t: &DateTime<Utc>) -> bool {
    (EARLIEST_TIME..=LATEST_TIME).contains(&t.timestamp())
}

/// Drops sub-second precision, which records do not keep.
pub fn whole_seconds(t: DateTime<Utc>) -> DateTime<Utc> {
    Utc.timestamp_opt(t.timestamp(), 0).single().unwrap_or(t)
}

/// Builds the canonical form: `name <len>:<bytes>\n` per field, fields in a fixed order,
/// absent optional fields left out, lists as a count followed by their items.
struct Canonical(Vec<u8>);

impl Canonical {
    fn field(&mut self, name: &str, value: &[u8]) {
        self.0.extend_from_slice(name.as_bytes());
        self.0.push(b' ');
        self.0.extend_from_slice(value.len().to_string().as_bytes());
        self.0.push(b':');
        self.0.extend_from_slice(value);
        self.0.push(b'\n');
    }

    fn opt(&mut self, name: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.field(name, v.as_bytes());
        }
    }

    fn num(&mut self, name: &str, n: usize) {
        self.field(name, n.to_string().as_bytes());
    }

    fn span(&mut self, name: &str, s: Span) {
        self.field(name, format!("{},{}", s.start, s.end).as_bytes());
    }

    fn spans(&mut self, name: &str, spans: &[Span]) {
        let mut v = String::with_capacity(spans.len() * 12);
        for (i, s) in spans.iter().enumerate() {
            if i > 0 {
                v.push(';');
            }
            let _ = write!(v, "{},{}", s.start, s.end);
        }
        self.field(name, v.as_bytes());
    }
}

impl VersionRecord {
    /// The canonical form the version id is computed from.
    pub fn canonical_form(&self) -> Vec<u8> {
        let mut c = Canonical(Vec::with_capacity(256 + self.claims.len() * 200));
        c.field("article", self.article.as_str().as_bytes());
        c.opt("parent", self.parent.map(|p| p.to_hex()).as_deref());
        c.field("text", self.text.to_hex().as_bytes());
        c.span("body", self.body);
        c.field("logged_at", format_time(&self.logged_at).as_bytes());
        c.field("extractor", self.extractor.as_bytes());
        c.opt("meta.title", self.meta.title.as_deref());
        c.opt("meta.outlet", self.meta.outlet.as_deref());
        c.opt("meta.url", self.meta.url.as_deref());
        c.opt("meta.published", self.meta.published.as_deref());
        for (k, v) in &self.meta.extra {
            c.field("meta.extra.key", k.as_bytes());
            c.field("meta.extra.value", v.as_bytes());
        }
        c.spans("sentences", &self.sentences);
        c.spans("fragments", &self.fragments);
        c.num("claims", self.claims.len());
        for occ in &self.claims {
            c.field("claim.id", occ.id.to_hex().as_bytes());
            c.field("claim.text", occ.text.as_bytes());
            c.span("claim.span", occ.span);
            c.num("claim.sentence", occ.sentence);
            c.field("claim.quote", occ.quote.as_str().as_bytes());
            if let Some(s) = &occ.source {
                c.field("claim.source.name", s.name.as_bytes());
                c.field("claim.source.kind", s.kind.as_str().as_bytes());
                c.opt("claim.source.role", s.role.as_deref());
                if let Some(span) = s.span {
                    c.span("claim.source.span", span);
                }
            }
            if let Some(cue) = &occ.cue {
                c.field("claim.cue.text", cue.text.as_bytes());
                if let Some(span) = cue.span {
                    c.span("claim.cue.span", span);
                }
            }
        }
        c.0
    }

    /// The version id: sha256 over the typed canonical form.
    pub fn id(&self) -> Id {
        Id::of(ObjectKind::Version, &self.canonical_form())
    }

    /// The record's file: fixed formatting, keys sorted within each table.
    pub fn to_toml(&self) -> String {
        let mut out = String::with_capacity(512 + self.claims.len() * 320);
        out.push_str(HEADER);
        line_string(&mut out, "article", self.article.as_str());
        let mut body = String::new();
        push_span(&mut body, self.body);
        line_raw(&mut out, "body", body);
        line_string(&mut out, "extractor", &self.extractor);
        let mut spans = String::new();
        push_spans(&mut spans, &self.fragments);
        line_raw(&mut out, "fragments", &spans);
        line_raw(&mut out, "logged_at", format_time(&self.logged_at));
        if let Some(parent) = self.parent {
            line_string(&mut out, "parent", &parent.to_hex());
        }
        spans.clear();
        push_spans(&mut spans, &self.sentences);
        line_raw(&mut out, "sentences", &spans);
        line_string(&mut out, "text", &self.text.to_hex());

        out.push_str("\n[meta]\n");
        let meta = &self.meta;
        for (key, value) in [
            ("outlet", &meta.outlet),
            ("published", &meta.published),
            ("title", &meta.title),
            ("url", &meta.url),
        ] {
            if let Some(v) = value {
                line_string(&mut out, key, v);
            }
        }
        if !meta.extra.is_empty() {
            out.push_str("\n[meta.extra]\n");
            for (k, v) in &meta.extra {
                line_string(&mut out, k, v);
            }
        }

        for occ in &self.claims {
            out.push_str("\n[[claims]]\n");
            if let Some(cue) = &occ.cue {
                out.push_str("cue = { ");
                if let Some(span) = cue.span {
                    out.push_str("span = ");
                    push_span(&mut out, span);
                    out.push_str(", ");
                }
                out.push_str("text = ");
                push_string(&mut out, &cue.text);
                out.push_str(" }\n");
            }
            line_string(&mut out, "id", &occ.id.to_hex());
            line_string(&mut out, "quote", occ.quote.as_str());
            line_raw(&mut out, "sentence", occ.sentence);
            if let Some(s) = &occ.source {
                out.push_str("source = { kind = ");
                push_string(&mut out, s.kind.as_str());
                out.push_str(", name = ");
                push_string(&mut out, &s.name);
                if let Some(role) = &s.role {
                    out.push_str(", role = ");
                    push_string(&mut out, role);
                }
                if let Some(span) = s.span {
                    out.push_str(", span = ");
                    push_span(&mut out, span);
                }
                out.push_str(" }\n");
            }
            let mut span = String::new();
            push_span(&mut span, occ.span);
            line_raw(&mut out, "span", span);
            line_string(&mut out, "text", &occ.text);
        }
        out
    }

    /// Reads a record file. Formatting is not checked here: compare [`to_toml`] with the
    /// bytes for that (`verify` does).
    ///
    /// [`to_toml`]: VersionRecord::to_toml
    pub fn from_toml(text: &str) -> Result<VersionRecord, RecordError> {
        let raw: RawVersion = toml::from_str(text).map_err(|e| RecordError::Toml(one_line(&e)))?;
        let article = match ArticleName::parse(&raw.article) {
            Ok(name) if name.as_str() == raw.article => name,
            _ => return Err(RecordError::Name(raw.article)),
        };
        let logged_text = raw.logged_at.to_string();
        let logged_at = DateTime::parse_from_rfc3339(&logged_text)
            .ok()
            .map(|t| t.with_timezone(&Utc))
            .filter(|t| format_time(t) == logged_text)
            .ok_or(RecordError::Time(logged_text))?;
        let claims = raw
            .claims
            .into_iter()
            .map(|c| Occurrence {
                id: c.id,
                text: c.text,
                span: c.span,
                sentence: c.sentence,
                quote: c.quote,
                source: c.source,
                cue: c.cue,
            })
            .collect();
        Ok(VersionRecord {
            article,
            parent: raw.parent,
            text: raw.text,
            body: raw.body,
            logged_at,
            extractor: raw.extractor,
            meta: Metadata {
                title: raw.meta.title,
                outlet: raw.meta.outlet,
                url: raw.meta.url,
                published: raw.meta.published,
                extra: raw.meta.extra,
            },
            sentences: raw.sentences,
            fragments: raw.fragments,
            claims,
        })
    }
}

/// The first line of every record file.
pub const HEADER: &str = "# claims article version: the file name is the sha256 of its content, so do not edit (docs/store-format.md)\n";

/// A toml error's message on one line (they span several, with a caret diagram).
pub fn one_line(err: &toml::de::Error) -> String {
    let msg = err.message().trim().to_owned();
    match err.span() {
        Some(span) => format!("{msg} (at byte {})", span.start),
        None => msg,
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVersion {
    article: String,
    body: Span,
    #[serde(default)]
    claims: Vec<RawClaim>,
    extractor: String,
    fragments: Vec<Span>,
    logged_at: toml::value::Datetime,
    #[serde(default)]
    meta: RawMeta,
    #[serde(default)]
    parent: Option<Id>,
    sentences: Vec<Span>,
    text: Id,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawMeta {
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    extra: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClaim {
    #[serde(default)]
    cue: Option<StoredCue>,
    id: Id,
    quote: QuoteKind,
    sentence: usize,
    #[serde(default)]
    source: Option<StoredSource>,
    span: Span,
    text: String,
}

/// The contents of a ref file: the newest version's id and a newline.
pub fn ref_bytes(version: &Id) -> String {
    let mut s = version.to_hex();
    s.push('\n');
    s
}

/// Reads a ref file's contents; `None` when it is not exactly one id and a newline.
pub fn parse_ref(bytes: &[u8]) -> Option<Id> {
    let text = std::str::from_utf8(bytes).ok()?;
    let hex = text.strip_suffix('\n')?;
    hex.parse().ok()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    pub fn sample() -> VersionRecord {
        VersionRecord {
            article: ArticleName::parse("china-north-korea").unwrap(),
            parent: Some(Id::of(ObjectKind::Version, b"p")),
            text: Id::of(ObjectKind::Text, b"t"),
            body: Span::new(0, 120),
            logged_at: Utc.with_ymd_and_hms(2024, 10, 25, 9, 30, 0).unwrap(),
            extractor: "claims 0.1.0".into(),
            meta: Metadata {
                title: Some("China \"and\" North Korea".into()),
                outlet: Some("The Times".into()),
                url: None,
                published: Some("2024-10-25".into()),
                extra: [("section key".to_owned(), "World\n".to_owned())].into(),
            },
            sentences: vec![Span::new(0, 50), Span::new(51, 120)],
            fragments: vec![],
            claims: vec![
                Occurrence {
                    id: Id::of(ObjectKind::Claim, b"a"),
                    text: "China is frustrated.".into(),
                    span: Span::new(0, 20),
                    sentence: 0,
                    quote: QuoteKind::None,
                    source: None,
                    cue: None,
                },
                Occurrence {
                    id: Id::of(ObjectKind::Claim, b"b"),
                    text: "“mouth to teeth”".into(),
                    span: Span::new(60, 80),
                    sentence: 1,
                    quote: QuoteKind::Direct,
                    source: Some(StoredSource {
                        name: "Victor D. Cha".into(),
                        kind: SourceKind::Named,
                        role: Some("a professor".into()),
                        span: Some(Span::new(81, 90)),
                    }),
                    cue: Some(StoredCue {
                        text: "said".into(),
                        span: Some(Span::new(91, 95)),
                    }),
                },
            ],
        }
    }

    #[test]
    fn the_earliest_and_latest_times_read_back() {
        for secs in [EARLIEST_TIME, LATEST_TIME] {
            let mut rec = sample();
            rec.logged_at = Utc.timestamp_opt(secs, 0).unwrap();
            assert!(time_in_range(&rec.logged_at));
            assert_eq!(VersionRecord::from_toml(&rec.to_toml()).unwrap(), rec);
        }
        for secs in [EARLIEST_TIME - 1, LATEST_TIME + 1] {
            assert!(!time_in_range(&Utc.timestamp_opt(secs, 0).unwrap()));
        }
    }

    #[test]
    fn toml_round_trips_byte_for_byte() {
        let rec = sample();
        let text = rec.to_toml();
        let back = VersionRecord::from_toml(&text).unwrap();
        assert_eq!(back, rec);
        assert_eq!(back.to_toml(), text);
        assert_eq!(back.id(), rec.id());
    }

    #[test]
    fn first_version_has_no_parent_line() {
        let mut rec = sample();
        rec.parent = None;
        let text = rec.to_toml();
        assert!(!text.contains("parent"));
        assert_eq!(VersionRecord::from_toml(&text).unwrap(), rec);
    }

    #[test]
    fn id_ignores_formatting_but_not_content() {
        let rec = sample();
        let mut other = rec.clone();
        other.claims[0].text.push('!');
        assert_ne!(rec.id(), other.id());
        // Swapping field contents between two optional fields changes the id.
        let mut moved = rec.clone();
        moved.meta.title = None;
        moved.meta.url = rec.meta.title.clone();
        assert_ne!(rec.id(), moved.id());
    }

    #[test]
    fn unknown_keys_are_refused() {
        let text = sample()
            .to_toml()
            .replace("[meta]\n", "[meta]\nbogus = 1\n");
        assert!(VersionRecord::from_toml(&text).is_err());
    }

    #[test]
    fn refs_are_one_id_and_a_newline() {
        let id = Id::of(ObjectKind::Version, b"x");
        assert_eq!(parse_ref(ref_bytes(&id).as_bytes()), Some(id));
        assert_eq!(parse_ref(id.to_hex().as_bytes()), None);
        assert_eq!(parse_ref(b"<<<<<<< HEAD\n"), None);
    }

    proptest! {
        /// What `verify` relies on: a record file with any one byte changed either does
        /// not parse, or is not in canonical form, or hashes to another id.
        #[test]
        fn any_one_byte_change_is_detectable(pos in 0usize..10_000, byte in any::<u8>()) {
            let rec = sample();
            let original = rec.to_toml().into_bytes();
            let pos = pos % original.len();
            prop_assume!(original[pos] != byte);
            let mut changed = original.clone();
            changed[pos] = byte;
            let detected = match std::str::from_utf8(&changed) {
                Err(_) => true,
                Ok(text) => match VersionRecord::from_toml(text) {
                    Err(_) => true,
                    Ok(back) => back.to_toml() != text || back.id() != rec.id(),
                },
            };
            prop_assert!(detected, "byte {} changed to {:?} went unnoticed", pos, byte as char);
        }

        #[test]
        fn any_texts_round_trip(title in "\\PC*", claim in "(\\PC|\\n|\\t)*", key in "\\PC{1,12}") {
            let mut rec = sample();
            rec.meta.title = Some(title);
            rec.meta.extra = [(key, "v".to_owned())].into();
            rec.claims[1].text = claim;
            let text = rec.to_toml();
            let back = VersionRecord::from_toml(&text).unwrap();
            prop_assert_eq!(back.to_toml(), text);
            prop_assert_eq!(back, rec);
        }
    }
}
