//! The rules that check a draft against the claim store: `contradicts-store` and
//! `misquote`.
//!
//! They need little from the store, and get it through [`ClaimIndex`]: stored claims that
//! may relate to a text (found through an index of content words and numbers, never by
//! scanning every claim), and the stored quotations of a speaker. Relating two claims is
//! a function given by the caller (the relation engine in `compare`).
//! [`MemoryIndex`] implements the index over claims held in memory.

use super::RawFinding;
use super::rules::{Level, Rule};
use super::speakers::{self, SpeakerKind};
use super::text::Text;
use crate::attribution::QuoteKind;
use crate::extract::Extraction;
use crate::span::Span;
use serde::Serialize;
use std::collections::HashMap;

/// A claim already in the store, as the audit needs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredClaim {
    /// The article it was logged from (title, else id or path).
    pub article: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// The source's resolved name, if attributed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip)]
    pub quote: QuoteKind,
    /// The claim (for a direct quotation, the quoted words).
    pub text: String,
}

/// How two claims relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    Agree,
    Contradict,
    Neutral,
}

/// A relation with the reasons for it ("number: 500 vs thousands").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub relation: Relation,
    pub reasons: Vec<String>,
}

/// Relates a stored claim (first) to a claim of the draft (second).
pub type RelateFn<'a> = &'a dyn Fn(&str, &str) -> Related;

/// The relation engine of [`crate::compare`], as the store-backed rules call it.
pub fn relate_claims(stored: &str, draft: &str) -> Related {
    use crate::compare::{ClaimFeatures, RelationKind, relate};
    let r = relate(&ClaimFeatures::new(stored), &ClaimFeatures::new(draft));
    Related {
        relation: match r.relation {
            RelationKind::Agree => Relation::Agree,
            RelationKind::Contradict => Relation::Contradict,
            RelationKind::Neutral => Relation::Neutral,
        },
        reasons: r.reasons,
    }
}

/// What the store-backed rules read from a store.
pub trait ClaimIndex {
    /// Stored claims that may relate to `text`, most likely first, at most `limit`.
    fn candidates(&self, text: &str, limit: usize) -> Vec<StoredClaim>;
    /// Stored direct quotations whose source is known by `key` (see
    /// [`speakers::name_key`]: a name's last word, lower case).
    fn quotes_by(&self, key: &str) -> Vec<StoredClaim>;
}

/// The store as the audit sees it.
#[derive(Clone, Copy)]
pub struct StoreContext<'a> {
    pub index: &'a dyn ClaimIndex,
    pub relate: RelateFn<'a>,
}

/// The stored claim a finding is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RelatedClaim {
    #[serde(flatten)]
    pub claim: StoredClaim,
    pub reasons: Vec<String>,
}

// ---- the index ---------------------------------------------------------------------

/// An inverted index from content words and numbers to claims, and from speakers to
/// their quotations, over claims held in memory.
#[derive(Debug, Default)]
pub struct MemoryIndex {
    claims: Vec<StoredClaim>,
    terms: TermIndex,
    quotes: HashMap<String, Vec<u32>>,
}

/// Postings from content terms (hashed) to claim numbers.
#[derive(Debug, Default)]
struct TermIndex {
    postings: HashMap<u64, Vec<u32>>,
    claims: usize,
}

impl TermIndex {
    fn add(&mut self, id: u32, text: &str, scratch: &mut Vec<u64>) {
        term_hashes(text, scratch);
        for &term in scratch.iter() {
            self.postings.entry(term).or_default().push(id);
        }
        self.claims += 1;
    }

    /// Claim numbers sharing the most terms with `text`, best first, at most `limit`.
    fn rank(&self, text: &str, limit: usize) -> Vec<u32> {
        let mut terms = Vec::new();
        term_hashes(text, &mut terms);
        if terms.is_empty() {
            return Vec::new();
        }
        // Very common terms find everything and say little: skip them, as a search
        // engine skips stop words, so a lookup costs what its rare terms cost.
        let common = (self.claims / 20).max(200);
        let mut scores: HashMap<u32, u32> = HashMap::new();
        for term in &terms {
            let Some(list) = self.postings.get(term) else {
                continue;
            };
            if list.len() > common {
                continue;
            }
            for &id in list {
                *scores.entry(id).or_default() += 1;
            }
        }
        let needed = if terms.len() >= 4 { 2 } else { 1 };
        let mut ranked: Vec<(u32, u32)> =
            scores.into_iter().filter(|&(_, s)| s >= needed).collect();
        ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(limit);
        ranked.into_iter().map(|(id, _)| id).collect()
    }
}

/// The content terms of `text` as 64-bit hashes (FNV-1a of the folded word), distinct,
/// into `out`: the terms of [`content_terms`] without a string for each.
fn term_hashes(text: &str, out: &mut Vec<u64>) {
    out.clear();
    let mut word = String::with_capacity(32);
    let flush = |word: &mut String, out: &mut Vec<u64>| {
        let w = word.trim_end_matches('\'');
        let w = w.strip_suffix("'s").unwrap_or(w);
        let has_digit = w.bytes().any(|b| b.is_ascii_digit());
        if !w.is_empty() && (has_digit || (w.chars().count() >= 3 && !STOP_WORDS.contains(&w))) {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for b in w.bytes() {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
            if !out.contains(&h) {
                out.push(h);
            }
        }
        word.clear();
    };
    for c in text.chars() {
        let c = match c {
            '\u{2019}' | '\u{2018}' => '\'',
            c => c,
        };
        if c.is_alphanumeric() || (c == '\'' && !word.is_empty()) {
            if c.is_ascii() {
                word.push(c.to_ascii_lowercase());
            } else {
                word.extend(c.to_lowercase());
            }
        } else if !word.is_empty() {
            flush(&mut word, out);
        }
    }
    if !word.is_empty() {
        flush(&mut word, out);
    }
}

const STOP_WORDS: &[&str] = &[
    "the",
    "and",
    "for",
    "that",
    "with",
    "this",
    "from",
    "have",
    "has",
    "had",
    "was",
    "were",
    "are",
    "its",
    "their",
    "they",
    "them",
    "his",
    "her",
    "but",
    "not",
    "been",
    "will",
    "would",
    "could",
    "said",
    "says",
    "say",
    "also",
    "which",
    "who",
    "whom",
    "what",
    "when",
    "where",
    "than",
    "then",
    "into",
    "about",
    "over",
    "after",
    "before",
    "more",
    "most",
    "some",
    "any",
    "all",
    "one",
    "our",
    "out",
    "there",
    "these",
    "those",
    "such",
    "can",
    "may",
    "might",
    "should",
    "being",
    "because",
    "while",
    "just",
    "only",
    "very",
    "other",
    "told",
    "according",
];

/// The words of a text that say what it is about: lower case, at least three letters or
/// a digit, not a stop word.
pub fn content_terms(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in words(text) {
        let has_digit = word.chars().any(|c| c.is_ascii_digit());
        if !has_digit && (word.chars().count() < 3 || STOP_WORDS.contains(&word.as_str())) {
            continue;
        }
        let term = word.trim_end_matches("'s").to_owned();
        if !out.contains(&term) {
            out.push(term);
        }
    }
    out
}

/// The words of a text, folded: lower case, curly apostrophes straight, punctuation gone.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        let c = match c {
            '\u{2019}' | '\u{2018}' => '\'',
            c => c,
        };
        if c.is_alphanumeric() || (c == '\'' && !cur.is_empty()) {
            cur.extend(c.to_lowercase());
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur).trim_end_matches('\'').to_owned());
        }
    }
    if !cur.is_empty() {
        out.push(cur.trim_end_matches('\'').to_owned());
    }
    out.retain(|w| !w.is_empty());
    out
}

impl MemoryIndex {
    pub fn new(claims: Vec<StoredClaim>) -> MemoryIndex {
        let mut index = MemoryIndex::default();
        for claim in claims {
            index.insert(claim);
        }
        index
    }

    pub fn insert(&mut self, claim: StoredClaim) {
        let id = self.claims.len() as u32;
        let mut scratch = Vec::new();
        self.terms.add(id, &claim.text, &mut scratch);
        if claim.quote != QuoteKind::None
            && let Some(source) = &claim.source
        {
            self.quotes
                .entry(speakers::name_key(source))
                .or_default()
                .push(id);
        }
        self.claims.push(claim);
    }

    pub fn len(&self) -> usize {
        self.claims.len()
    }

    pub fn is_empty(&self) -> bool {
        self.claims.is_empty()
    }
}

impl ClaimIndex for MemoryIndex {
    fn candidates(&self, text: &str, limit: usize) -> Vec<StoredClaim> {
        self.terms
            .rank(text, limit)
            .into_iter()
            .map(|id| self.claims[id as usize].clone())
            .collect()
    }

    fn quotes_by(&self, key: &str) -> Vec<StoredClaim> {
        self.quotes
            .get(key)
            .map(|ids| {
                ids.iter()
                    .map(|&id| self.claims[id as usize].clone())
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// The claims of a claim store, read through the store's own look-up index (the newest
/// version of every article): only the term postings are built here, the texts stay in
/// the store's index.
pub struct StoreClaims<'a> {
    ix: &'a crate::store::Index,
    /// (version, row) of each claim, indexes into `ix.versions` and `ix.rows`.
    rows: Vec<(u32, u32)>,
    terms: TermIndex,
    quotes: HashMap<String, Vec<u32>>,
}

/// Reads the little-endian cache format, refusing anything out of bounds.
struct Reader<'b> {
    bytes: &'b [u8],
    pos: usize,
}

impl<'b> Reader<'b> {
    fn take(&mut self, n: usize) -> Option<&'b [u8]> {
        let slice = self.bytes.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(slice)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    /// A count and that many claim numbers, each below `limit`.
    fn ids(&mut self, limit: usize) -> Option<Vec<u32>> {
        let n = self.u32()? as usize;
        let mut ids = Vec::with_capacity(n.min(self.bytes.len() / 4));
        for _ in 0..n {
            let id = self.u32()?;
            if id as usize >= limit {
                return None;
            }
            ids.push(id);
        }
        Some(ids)
    }
}

/// The derived cache of [`StoreClaims`] (`claims/cache/audit-terms`, ignored by git like
/// the rest of `cache/`): valid while it carries the fingerprint of the store's index.
pub const TERMS_CACHE: &str = "cache/audit-terms";
const TERMS_MAGIC: &[u8; 8] = b"CLAIMSAT";
const TERMS_FORMAT: u32 = 1;

impl<'a> StoreClaims<'a> {
    /// The claims of the store whose index is `ix`, with the term postings read from the
    /// cache under `store_root` when it matches the index, else built and cached (a
    /// failure to write the cache is ignored: it is only a cache).
    pub fn open(ix: &'a crate::store::Index, store_root: &std::path::Path) -> StoreClaims<'a> {
        let path = store_root.join(TERMS_CACHE);
        // Never through a link, nor from a device or FIFO, nor past its header when that
        // is stale or foreign, nor over the cache limit: see `read_cache_file`.
        let mut header = TERMS_MAGIC.to_vec();
        header.extend_from_slice(&TERMS_FORMAT.to_le_bytes());
        header.extend_from_slice(&ix.fingerprint);
        if let Ok(Some(bytes)) =
            crate::store::read_cache_file(&path, &header, crate::store::MAX_CACHE_BYTES)
            && let Some(found) = StoreClaims::decode(ix, &bytes)
        {
            return found;
        }
        let built = StoreClaims::new(ix);
        // Only inside the store: a `cache/` that is a link is not written through.
        if let Some(dir) = path.parent()
            && crate::store::check_inside(store_root, dir).is_ok()
        {
            let _ = crate::store::write_atomic(&path, &built.encode(), false);
        }
        built
    }

    fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(64 + self.rows.len() * 8 + self.terms.postings.len() * 16);
        let put = |out: &mut Vec<u8>, n: u32| out.extend_from_slice(&n.to_le_bytes());
        out.extend_from_slice(TERMS_MAGIC);
        put(&mut out, TERMS_FORMAT);
        out.extend_from_slice(&self.ix.fingerprint);
        put(&mut out, self.rows.len() as u32);
        for &(v, r) in &self.rows {
            put(&mut out, v);
            put(&mut out, r);
        }
        put(&mut out, self.terms.claims as u32);
        put(&mut out, self.terms.postings.len() as u32);
        for (term, ids) in &self.terms.postings {
            out.extend_from_slice(&term.to_le_bytes());
            put(&mut out, ids.len() as u32);
            for &id in ids {
                put(&mut out, id);
            }
        }
        put(&mut out, self.quotes.len() as u32);
        for (key, ids) in &self.quotes {
            put(&mut out, key.len() as u32);
            out.extend_from_slice(key.as_bytes());
            put(&mut out, ids.len() as u32);
            for &id in ids {
                put(&mut out, id);
            }
        }
        out
    }

    /// Reads a cache written by [`StoreClaims::encode`]; `None` when it is stale, of
    /// another format, or damaged in any way (then it is rebuilt).
    fn decode(ix: &'a crate::store::Index, bytes: &[u8]) -> Option<StoreClaims<'a>> {
        let mut rd = Reader { bytes, pos: 0 };
        if rd.take(8)? != TERMS_MAGIC || rd.u32()? != TERMS_FORMAT || rd.take(32)? != ix.fingerprint
        {
            return None;
        }
        let n_rows = rd.u32()? as usize;
        let mut rows = Vec::with_capacity(n_rows.min(bytes.len() / 8));
        for _ in 0..n_rows {
            let (v, r) = (rd.u32()?, rd.u32()?);
            if v as usize >= ix.versions.len() || r as usize >= ix.rows.len() {
                return None;
            }
            rows.push((v, r));
        }
        let claims = rd.u32()? as usize;
        let n_terms = rd.u32()? as usize;
        let mut postings = HashMap::with_capacity(n_terms.min(bytes.len() / 12));
        for _ in 0..n_terms {
            let term = u64::from_le_bytes(rd.take(8)?.try_into().ok()?);
            postings.insert(term, rd.ids(n_rows)?);
        }
        let n_quotes = rd.u32()? as usize;
        let mut quotes = HashMap::with_capacity(n_quotes.min(bytes.len() / 8));
        for _ in 0..n_quotes {
            let len = rd.u32()? as usize;
            let key = std::str::from_utf8(rd.take(len)?).ok()?.to_owned();
            quotes.insert(key, rd.ids(n_rows)?);
        }
        if rd.pos != bytes.len() {
            return None;
        }
        Some(StoreClaims {
            ix,
            rows,
            terms: TermIndex { postings, claims },
            quotes,
        })
    }

    /// Builds the term postings of every claim of the newest versions.
    pub fn new(ix: &'a crate::store::Index) -> StoreClaims<'a> {
        let mut out = StoreClaims {
            ix,
            rows: Vec::with_capacity(ix.rows.len()),
            terms: TermIndex::default(),
            quotes: HashMap::new(),
        };
        let mut scratch = Vec::new();
        for (v, version) in ix.versions.iter().enumerate() {
            if !version.head {
                continue;
            }
            let first = version.first_row as usize;
            for r in first..first + version.rows as usize {
                let Some(row) = ix.rows.get(r) else { break };
                let id = out.rows.len() as u32;
                out.rows.push((v as u32, r as u32));
                out.terms.add(id, ix.str(row.text), &mut scratch);
                if row.quote != QuoteKind::None
                    && let Some(source) = ix.opt_str(row.source_name).filter(|s| !s.is_empty())
                {
                    out.quotes
                        .entry(speakers::name_key(source))
                        .or_default()
                        .push(id);
                }
            }
        }
        out
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    fn claim(&self, id: u32) -> StoredClaim {
        let (v, r) = self.rows[id as usize];
        let ix = self.ix;
        let version = &ix.versions[v as usize];
        let row = &ix.rows[r as usize];
        let non_empty = |s: u32| ix.opt_str(s).filter(|s| !s.is_empty());
        StoredClaim {
            article: non_empty(version.title)
                .unwrap_or_else(|| ix.str(version.article))
                .to_owned(),
            outlet: non_empty(version.outlet).map(str::to_owned),
            source: non_empty(row.source_name).map(str::to_owned),
            quote: row.quote,
            text: ix.str(row.text).to_owned(),
        }
    }
}

impl ClaimIndex for StoreClaims<'_> {
    fn candidates(&self, text: &str, limit: usize) -> Vec<StoredClaim> {
        self.terms
            .rank(text, limit)
            .into_iter()
            .map(|id| self.claim(id))
            .collect()
    }

    fn quotes_by(&self, key: &str) -> Vec<StoredClaim> {
        self.quotes
            .get(key)
            .map(|ids| ids.iter().map(|&id| self.claim(id)).collect())
            .unwrap_or_default()
    }
}

// ---- the rules ---------------------------------------------------------------------

/// How many candidates each claim of the draft is related to.
const CANDIDATES: usize = 12;

/// The least similarity (Dice of content concepts) for two claims to be related at all.
const MIN_SIMILARITY: f64 = 0.5;

/// The named entities of a claim (prefix keys, so "Korea" and "Korean" meet).
fn entities(f: &crate::compare::ClaimFeatures) -> Vec<u64> {
    use crate::compare::features::flag;
    let mut out: Vec<u64> = f
        .tokens
        .iter()
        .filter(|t| t.has(flag::ENTITY) && !t.has(flag::TITLE) && !t.has(flag::SENTENCE_START))
        .map(|t| if t.prefix != 0 { t.prefix } else { t.concept })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// `contradicts-store`: each claim of the draft against its candidates in the store.
pub(crate) fn contradicts_store(
    text: &Text,
    extraction: &Extraction,
    store: StoreContext,
    out: &mut Vec<RawFinding>,
) {
    let claims: Vec<Span> = if extraction.claims.is_empty() {
        text.sentences.clone()
    } else {
        extraction.claims.iter().map(|c| c.span).collect()
    };
    for span in claims {
        if text.in_comment(span.start) || extraction.fragments.iter().any(|f| f.contains(span)) {
            continue;
        }
        let claim_text = text.slice(span);
        if words(claim_text).len() < 4 {
            continue;
        }
        let candidates = store.index.candidates(claim_text, CANDIDATES);
        if candidates.is_empty() {
            continue;
        }
        let mut draft_terms = Vec::new();
        term_hashes(claim_text, &mut draft_terms);
        let mut stored_terms = Vec::new();
        let draft_features = crate::compare::ClaimFeatures::new(claim_text);
        let draft_concepts = draft_features.content_concepts();
        let draft_entities = entities(&draft_features);
        for stored in candidates {
            // A cheap look first: claims sharing few of their terms are not the same
            // statement, whatever the synonyms.
            term_hashes(&stored.text, &mut stored_terms);
            let shared = stored_terms
                .iter()
                .filter(|t| draft_terms.contains(t))
                .count();
            if 4 * shared < draft_terms.len().min(stored_terms.len()) {
                continue;
            }
            // Relate only statements about the same thing: the relation engine judges a
            // pair as if it were about one event, and "TimeWarner's sales rose 2%" is no
            // contradiction of "the carmaker's sales rose 43%".
            let stored_features = crate::compare::ClaimFeatures::new(&stored.text);
            let sim =
                crate::compare::similarity(&draft_concepts, &stored_features.content_concepts());
            let stored_entities = entities(&stored_features);
            let shared_entity = draft_entities.iter().any(|e| stored_entities.contains(e));
            // Without a name in common ("Sales rose 2.8%"), whose statement it is cannot
            // be told: no contradiction is claimed.
            if sim < MIN_SIMILARITY || !shared_entity {
                continue;
            }
            let related = (store.relate)(&stored.text, claim_text);
            if related.relation != Relation::Contradict {
                continue;
            }
            let source = stored
                .source
                .as_deref()
                .map_or(String::from("no source recorded"), |s| {
                    format!("source: {s}")
                });
            let by = match &stored.outlet {
                Some(outlet) => format!("{outlet}, {source}"),
                None => source,
            };
            let reasons = if related.reasons.is_empty() {
                String::from("contradiction")
            } else {
                related.reasons.join("; ")
            };
            // Figures and dates legitimately move between stories; a negation or an
            // opposite verb is more often one side being wrong.
            let about_figures = related
                .reasons
                .iter()
                .any(|r| r.starts_with("number") || r.starts_with("date"));
            let advice = if about_figures {
                "check which is right, and say why if the figure changed"
            } else {
                "check which is right, and say so if the situation changed"
            };
            let message = format!(
                "contradicts “{}” in “{}” ({by}): {reasons}; {advice}",
                super::ellipsis(&stored.text, 60),
                stored.article
            );
            out.push(RawFinding {
                rule: Rule::ContradictsStore,
                level: Level::Warning,
                span,
                subject: format!("{claim_text}\n{}", stored.text),
                message,
                speaker: None,
                related: Some(RelatedClaim {
                    claim: stored,
                    reasons: related.reasons,
                }),
            });
            break;
        }
    }
}

/// `misquote`: each direct quotation of the draft with a known speaker against the
/// stored quotations of that speaker.
pub(crate) fn misquotes(
    text: &Text,
    extraction: &Extraction,
    speakers_found: &[speakers::Speaker],
    store: StoreContext,
    out: &mut Vec<RawFinding>,
) {
    for q in &text.quotes {
        if text.in_comment(q.outer.start) {
            continue;
        }
        let quoted = text.slice(q.inner);
        let draft_words = words(quoted);
        if draft_words.len() < 4 {
            continue;
        }
        let Some(speaker) = quote_speaker(text, extraction, speakers_found, q.inner, q.outer)
        else {
            continue;
        };
        let key = speakers::name_key(&speaker);
        let stored_quotes = store.index.quotes_by(&key);
        if stored_quotes.is_empty() {
            misattributed(quoted, &draft_words, &speaker, &key, q.outer, store, out);
            continue;
        }
        let mut best: Option<(f64, StoredClaim, Diff)> = None;
        let mut exact = false;
        for stored in stored_quotes {
            let stored_words = words(&stored.text);
            if contains_run(&stored_words, &draft_words)
                || contains_run(&draft_words, &stored_words)
            {
                exact = true;
                break;
            }
            if let Some((score, diff)) = near_copy(&draft_words, &stored_words)
                && best.as_ref().is_none_or(|b| score > b.0)
            {
                best = Some((score, stored, diff));
            }
        }
        if exact {
            continue;
        }
        let Some((_, stored, diff)) = best else {
            // Not this speaker's words as stored: perhaps someone else's.
            misattributed(quoted, &draft_words, &speaker, &key, q.outer, store, out);
            continue;
        };
        let message = format!(
            "quotation differs from {speaker}'s words as stored from “{}”: {}; copy the quotation from the original, or paraphrase without quotation marks",
            stored.article,
            diff.describe()
        );
        out.push(RawFinding {
            rule: Rule::Misquote,
            level: Level::Error,
            span: q.outer,
            subject: format!("{quoted}\n{}", stored.text),
            message,
            speaker: Some(speaker),
            related: Some(RelatedClaim {
                claim: stored.clone(),
                reasons: vec![diff.describe()],
            }),
        });
    }
}

/// `misattributed-quote`: the draft's quotation, with no quotation of its speaker in the
/// store, is stored as another speaker's words.
fn misattributed(
    quoted: &str,
    draft_words: &[String],
    speaker: &str,
    key: &str,
    outer: Span,
    store: StoreContext,
    out: &mut Vec<RawFinding>,
) {
    for stored in store.index.candidates(quoted, CANDIDATES) {
        if stored.quote == QuoteKind::None {
            continue;
        }
        let Some(other) = &stored.source else {
            continue;
        };
        if speakers::name_key(other) == key {
            continue;
        }
        let stored_words = words(&stored.text);
        let same = contains_run(&stored_words, draft_words)
            || contains_run(draft_words, &stored_words)
            || near_copy(draft_words, &stored_words).is_some();
        if !same {
            continue;
        }
        let message = format!(
            "quotation attributed to {speaker} here is stored as {other}'s words in “{}”: check who said it",
            stored.article
        );
        out.push(RawFinding {
            rule: Rule::MisattributedQuote,
            level: Level::Warning,
            span: outer,
            subject: format!("{quoted}\n{other}"),
            message,
            speaker: Some(speaker.to_owned()),
            related: Some(RelatedClaim {
                claim: stored.clone(),
                reasons: vec![format!("speaker: {speaker} vs {other}")],
            }),
        });
        return;
    }
}

/// Who a quotation is attributed to: extraction's source for it, else the speaker of a
/// cue in its sentences.
fn quote_speaker(
    text: &Text,
    extraction: &Extraction,
    found: &[speakers::Speaker],
    inner: Span,
    outer: Span,
) -> Option<String> {
    for claim in &extraction.claims {
        if claim.span.overlaps(inner)
            && let Some(src) = &claim.source
        {
            return Some(src.name.clone());
        }
    }
    let first = text.sentence_at(outer.start)?;
    let last = text
        .sentence_at(outer.end.saturating_sub(1))
        .unwrap_or(first);
    found
        .iter()
        .filter(|sp| (first..=last).contains(&sp.sentence) && !inner.contains(sp.span))
        .find(|sp| sp.kind != SpeakerKind::Group)
        .map(|sp| sp.display.clone())
}

/// Whether `needle` occurs as a contiguous run of words in `hay`.
fn contains_run(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// What differs between a draft quotation and the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diff {
    pub draft: Vec<String>,
    pub original: Vec<String>,
}

impl Diff {
    fn describe(&self) -> String {
        let show = |ws: &[String]| {
            if ws.is_empty() {
                String::from("nothing")
            } else {
                format!("“{}”", ws.join(" "))
            }
        };
        format!(
            "the draft has {} where the original has {}",
            show(&self.draft),
            show(&self.original)
        )
    }
}

/// Longest quotation compared word by word (longer ones are cut: enough to tell).
const MAX_QUOTE_WORDS: usize = 200;

/// Whether `draft` is a near copy of (a stretch of) `original`: most of its words match in
/// order within a compact stretch, but not all. Returns a score and the differences.
pub fn near_copy(draft: &[String], original: &[String]) -> Option<(f64, Diff)> {
    let d = &draft[..draft.len().min(MAX_QUOTE_WORDS)];
    let o = &original[..original.len().min(MAX_QUOTE_WORDS)];
    let (n, m) = (d.len(), o.len());
    if n < 4 || m < 4 {
        return None;
    }
    // Longest common subsequence, keeping the table to walk back the alignment.
    let mut table = vec![0u16; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in 1..=n {
        for j in 1..=m {
            table[at(i, j)] = if d[i - 1] == o[j - 1] {
                table[at(i - 1, j - 1)] + 1
            } else {
                table[at(i - 1, j)].max(table[at(i, j - 1)])
            };
        }
    }
    let lcs = table[at(n, m)] as usize;
    let mut matched = Vec::with_capacity(lcs);
    let (mut i, mut j) = (n, m);
    while i > 0 && j > 0 {
        if d[i - 1] == o[j - 1] {
            matched.push((i - 1, j - 1));
            i -= 1;
            j -= 1;
        } else if table[at(i - 1, j)] >= table[at(i, j - 1)] {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    matched.reverse();
    let (&(_, o_first), &(_, o_last)) = (matched.first()?, matched.last()?);
    let window = o_last - o_first + 1;
    let longer = n.max(window);
    let score = lcs as f64 / longer as f64;
    // Clearly the same quotation: at least four words and three quarters of the longer
    // of the two in common, within a stretch of the original not much longer than the
    // draft's quotation.
    if lcs < 4 || score < 0.75 || window > n + 3 {
        return None;
    }
    let matched_d: Vec<usize> = matched.iter().map(|p| p.0).collect();
    let matched_o: Vec<usize> = matched.iter().map(|p| p.1).collect();
    let draft_extra: Vec<String> = (0..n)
        .filter(|k| !matched_d.contains(k))
        .map(|k| d[k].clone())
        .collect();
    // Words the draft has before the first or after the last match stand for the
    // original's words at the same place ("needs" for "wants" at the end).
    let (&(d_first, _), &(d_last, _)) = (matched.first()?, matched.last()?);
    let o_first = o_first.saturating_sub(d_first);
    let o_last = (o_last + (n - 1 - d_last)).min(m - 1);
    let original_missing: Vec<String> = (o_first..=o_last)
        .filter(|k| !matched_o.contains(k))
        .map(|k| o[k].clone())
        .collect();
    if draft_extra.is_empty() && original_missing.is_empty() {
        return None;
    }
    Some((
        score,
        Diff {
            draft: draft_extra,
            original: original_missing,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        words(s)
    }

    #[test]
    fn folds_typography() {
        assert_eq!(w("“It’s over,” he said."), ["it's", "over", "he", "said"]);
    }

    #[test]
    fn near_copies_and_not() {
        let original = w("China is caught between paralysis and incompetence in this regard.");
        let changed = w("China is caught between paralysis and impotence in this regard.");
        let (_, diff) = near_copy(&changed, &original).unwrap();
        assert_eq!(diff.draft, ["impotence"]);
        assert_eq!(diff.original, ["incompetence"]);
        // The same words: not a near copy (the caller treats it as exact).
        assert!(near_copy(&original, &original).is_none());
        // A different statement that shares a few words.
        let other = w("China is caught off guard by the news from Pyongyang today.");
        assert!(near_copy(&other, &original).is_none());
    }

    #[test]
    fn the_relation_engine_is_wired() {
        let r = relate_claims(
            "North Korea has sent about 500 soldiers to Russia",
            "North Korea has sent thousands of soldiers to Russia",
        );
        assert_eq!(r.relation, Relation::Contradict, "{r:?}");
        assert!(!r.reasons.is_empty());
    }

    #[test]
    fn the_term_cache_round_trips_and_refuses_stale_or_damaged_bytes() {
        let mut ix = crate::store::Index::default();
        ix.fingerprint = [7; 32];
        let built = StoreClaims::new(&ix);
        let bytes = built.encode();
        assert!(StoreClaims::decode(&ix, &bytes).is_some());
        for cut in [0, 8, 12, bytes.len() - 1] {
            assert!(
                StoreClaims::decode(&ix, &bytes[..cut]).is_none(),
                "cut at {cut}"
            );
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(StoreClaims::decode(&ix, &longer).is_none());
        let mut other = crate::store::Index::default();
        other.fingerprint = [8; 32];
        assert!(
            StoreClaims::decode(&other, &bytes).is_none(),
            "stale fingerprint"
        );
    }

    #[test]
    fn term_hashes_match_content_terms() {
        let text = "North Korea’s troops, 500 of them, were sent to Russia's east.";
        let mut hashes = Vec::new();
        term_hashes(text, &mut hashes);
        assert_eq!(hashes.len(), content_terms(text).len());
    }

    #[test]
    fn index_finds_candidates_by_shared_terms() {
        let claims = vec![
            StoredClaim {
                article: "a".into(),
                outlet: None,
                source: None,
                quote: QuoteKind::None,
                text: "North Korea has sent about 500 soldiers to Russia".into(),
            },
            StoredClaim {
                article: "b".into(),
                outlet: None,
                source: Some("Victor D. Cha".into()),
                quote: QuoteKind::Direct,
                text: "Moscow has very little else that Pyongyang wants".into(),
            },
        ];
        let index = MemoryIndex::new(claims);
        let found = index.candidates("North Korea sent thousands of soldiers to Russia", 5);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].article, "a");
        assert_eq!(index.quotes_by("cha").len(), 1);
        assert!(index.quotes_by("austin").is_empty());
    }
}
