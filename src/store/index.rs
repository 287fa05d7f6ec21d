//! The look-up index: a derived, rebuildable cache (`claims/cache/index`, ignored by git)
//! of every version reachable from the refs and every claim occurrence in them, in a
//! compact binary form that loads in milliseconds.
//!
//! It carries a fingerprint of the refs folder (each ref's name, size, modification time
//! and inode). When the refs change by any means (`add`, `git pull`, a hand edit) the
//! fingerprint no longer matches and the index is rebuilt from the records. The
//! fingerprint is taken before the refs are read, so a race with a writer can only make
//! the cache look stale, never make a stale cache look fresh.

use super::record::{Occurrence, StoredCue, StoredSource, VersionRecord};
use crate::attribution::{QuoteKind, SourceKind};
use crate::hash::Id;
use crate::span::Span;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::Path;

/// Bumped whenever the binary layout below changes (2: the damage list).
const CACHE_FORMAT: u32 = 2;
const MAGIC: &[u8; 8] = b"CLAIMSIX";
/// "No string" / "no span" marker.
const NONE: u32 = u32::MAX;

/// A string in the index's string table.
pub type Str = u32;

/// One article version in the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionEntry {
    pub id: Id,
    pub article: Str,
    pub parent: Option<Id>,
    pub text: Id,
    /// Seconds since the Unix epoch, UTC.
    pub logged_at: i64,
    pub title: Str,
    pub outlet: Str,
    pub url: Str,
    pub published: Str,
    /// Whether a ref points at it (it is its article's newest version).
    pub head: bool,
    pub first_row: u32,
    pub rows: u32,
}

/// One claim occurrence in the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub claim: Id,
    pub version: u32,
    pub text: Str,
    pub span: Span,
    pub sentence: u32,
    pub quote: QuoteKind,
    pub source_name: Str,
    pub source_kind: Option<SourceKind>,
    pub source_role: Str,
    pub source_span: Option<Span>,
    pub cue_text: Str,
    pub cue_span: Option<Span>,
}

/// An article that reading the whole store left out, or whose older versions it left
/// out, because a file of it is damaged: commands warn about it and go on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damage {
    /// The article's name (for a ref file with a bad name, the file name).
    pub article: String,
    /// The damaged file.
    pub path: std::path::PathBuf,
    pub message: String,
    /// The whole article is left out (else only the versions before the damage).
    pub skipped: bool,
}

impl Damage {
    /// The damage a read error means for an article.
    pub fn of(
        article: &str,
        path: &std::path::Path,
        err: super::StoreError,
        skipped: bool,
    ) -> Damage {
        let (path, message) = match err {
            super::StoreError::Corrupt { path, message } => (path, message),
            other => (path.to_owned(), other.to_string()),
        };
        Damage {
            article: article.to_owned(),
            path,
            message,
            skipped,
        }
    }
}

/// The first bytes of a cache file for refs with this fingerprint: a file that starts
/// otherwise is stale or of another layout, and is not read further.
pub fn header(fingerprint: &[u8; 32]) -> Vec<u8> {
    let mut h = MAGIC.to_vec();
    put_u32(&mut h, CACHE_FORMAT);
    h.extend_from_slice(fingerprint);
    h
}

/// Whether a cache file's first bytes are of this layout (whatever its fingerprint).
pub fn is_own_layout(start: &[u8]) -> bool {
    start.len() >= 12 && &start[..8] == MAGIC && start[8..12] == CACHE_FORMAT.to_le_bytes()
}

/// The index, in memory.
#[derive(Debug, Default)]
pub struct Index {
    pub fingerprint: [u8; 32],
    blob: String,
    ends: Vec<u32>,
    pub versions: Vec<VersionEntry>,
    pub rows: Vec<Row>,
    /// What the rebuild left out (an index with damage is rebuilt by every command, so a
    /// restored file is seen at once).
    pub damage: Vec<Damage>,
    /// Row numbers sorted by claim id, for prefix look-ups.
    by_claim: Vec<u32>,
    by_claim_dirty: bool,
    heads: HashMap<String, u32>,
    by_id: HashMap<Id, u32>,
    interner: Option<HashMap<String, Str>>,
}

impl Index {
    pub fn str(&self, s: Str) -> &str {
        if s == NONE {
            return "";
        }
        let i = s as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.blob[start..self.ends[i] as usize]
    }

    pub fn opt_str(&self, s: Str) -> Option<&str> {
        (s != NONE).then(|| self.str(s))
    }

    fn intern(&mut self, s: &str) -> Str {
        if self.interner.is_none() {
            // Only the strings that repeat: names, outlets, sources, roles, cues.
            let mut map = HashMap::new();
            let shared = self
                .versions
                .iter()
                .flat_map(|v| [v.article, v.title, v.outlet, v.url, v.published])
                .chain(
                    self.rows
                        .iter()
                        .flat_map(|r| [r.source_name, r.source_role, r.cue_text]),
                );
            for i in shared {
                if i != NONE {
                    map.entry(self.str(i).to_owned()).or_insert(i);
                }
            }
            self.interner = Some(map);
        }
        if let Some(&i) = self.interner.as_ref().and_then(|m| m.get(s)) {
            return i;
        }
        self.blob.push_str(s);
        self.ends.push(self.blob.len() as u32);
        let i = (self.ends.len() - 1) as Str;
        if let Some(m) = self.interner.as_mut() {
            m.insert(s.to_owned(), i);
        }
        i
    }

    /// Adds a string without looking for an equal one (claim texts rarely repeat, and
    /// hashing each costs more than the bytes saved).
    fn append(&mut self, s: &str) -> Str {
        self.blob.push_str(s);
        self.ends.push(self.blob.len() as u32);
        (self.ends.len() - 1) as Str
    }

    fn intern_opt(&mut self, s: Option<&str>) -> Str {
        s.map_or(NONE, |s| self.intern(s))
    }

    /// Adds a version and its occurrences. When `head` is set, the article's previous
    /// head (if any) stops being one.
    pub fn push_version(&mut self, id: Id, rec: &VersionRecord, head: bool) {
        if self.by_id.contains_key(&id) {
            if head {
                self.set_head(id);
            }
            return;
        }
        let article = self.intern(rec.article.as_str());
        let version = self.versions.len() as u32;
        let first_row = self.rows.len() as u32;
        for occ in &rec.claims {
            let row = Row {
                claim: occ.id,
                version,
                text: self.append(&occ.text),
                span: occ.span,
                sentence: occ.sentence as u32,
                quote: occ.quote,
                source_name: self.intern_opt(occ.source.as_ref().map(|s| s.name.as_str())),
                source_kind: occ.source.as_ref().map(|s| s.kind),
                source_role: self.intern_opt(occ.source.as_ref().and_then(|s| s.role.as_deref())),
                source_span: occ.source.as_ref().and_then(|s| s.span),
                cue_text: self.intern_opt(occ.cue.as_ref().map(|c| c.text.as_str())),
                cue_span: occ.cue.as_ref().and_then(|c| c.span),
            };
            self.rows.push(row);
        }
        let entry = VersionEntry {
            id,
            article,
            parent: rec.parent,
            text: rec.text,
            logged_at: rec.logged_at.timestamp(),
            title: self.intern_opt(rec.meta.title.as_deref()),
            outlet: self.intern_opt(rec.meta.outlet.as_deref()),
            url: self.intern_opt(rec.meta.url.as_deref()),
            published: self.intern_opt(rec.meta.published.as_deref()),
            head: false,
            first_row,
            rows: rec.claims.len() as u32,
        };
        self.versions.push(entry);
        self.by_id.insert(id, version);
        self.by_claim_dirty = true;
        if head {
            self.set_head(id);
        }
    }

    /// Forgets a version's parent (the rebuild does this where the history is damaged, so
    /// that nothing follows it past the damage).
    pub fn cut_parent(&mut self, id: &Id) {
        if let Some(&v) = self.by_id.get(id) {
            self.versions[v as usize].parent = None;
        }
    }

    fn set_head(&mut self, id: Id) {
        let Some(&v) = self.by_id.get(&id) else {
            return;
        };
        let name = self.str(self.versions[v as usize].article).to_owned();
        if let Some(old) = self.heads.insert(name, v) {
            self.versions[old as usize].head = false;
        }
        self.versions[v as usize].head = true;
    }

    /// The newest version of an article.
    pub fn head(&self, article: &str) -> Option<&VersionEntry> {
        self.heads.get(article).map(|&v| &self.versions[v as usize])
    }

    pub fn version(&self, id: &Id) -> Option<&VersionEntry> {
        self.by_id.get(id).map(|&v| &self.versions[v as usize])
    }

    pub fn version_index(&self, id: &Id) -> Option<u32> {
        self.by_id.get(id).copied()
    }

    /// An article's versions, newest first.
    pub fn history(&self, article: &str) -> Vec<&VersionEntry> {
        let mut out = Vec::new();
        let mut next = self.head(article).map(|v| v.id);
        while let Some(id) = next {
            let Some(v) = self.version(&id) else { break };
            if self.str(v.article) != article {
                break; // a forged parent: never follow it into another article
            }
            if out.len() > self.versions.len() {
                break; // a parent cycle: impossible with hashes, but never loop
            }
            out.push(v);
            next = v.parent;
        }
        out
    }

    pub fn rows_of(&self, v: &VersionEntry) -> &[Row] {
        &self.rows[v.first_row as usize..(v.first_row + v.rows) as usize]
    }

    /// Every article's newest version, in article name order.
    pub fn heads(&self) -> Vec<&VersionEntry> {
        let mut heads: Vec<_> = self.versions.iter().filter(|v| v.head).collect();
        heads.sort_by(|a, b| self.str(a.article).cmp(self.str(b.article)));
        heads
    }

    pub fn article_count(&self) -> usize {
        self.heads.len()
    }

    fn sort_by_claim(&mut self) {
        if !self.by_claim_dirty && self.by_claim.len() == self.rows.len() {
            return;
        }
        self.by_claim = self.sorted_by_claim();
        self.by_claim_dirty = false;
    }

    fn sorted_by_claim(&self) -> Vec<u32> {
        let mut order: Vec<u32> = (0..self.rows.len() as u32).collect();
        order.sort_by(|&a, &b| {
            let (ra, rb) = (&self.rows[a as usize], &self.rows[b as usize]);
            ra.claim.cmp(&rb.claim).then(a.cmp(&b))
        });
        order
    }

    /// Row numbers in claim id order: the stored order, or a fresh one after changes.
    fn claim_order(&self) -> std::borrow::Cow<'_, [u32]> {
        if !self.by_claim_dirty && self.by_claim.len() == self.rows.len() {
            std::borrow::Cow::Borrowed(&self.by_claim)
        } else {
            std::borrow::Cow::Owned(self.sorted_by_claim())
        }
    }

    /// The distinct claim ids starting with the hex `prefix`, at most `limit` of them.
    pub fn claims_with_prefix(&self, prefix: &str, limit: usize) -> Vec<Id> {
        let order = self.claim_order();
        let prefix = prefix.to_ascii_lowercase();
        let n = prefix.len().min(64);
        let key = |row: u32| self.rows[row as usize].claim.to_hex();
        let start = order.partition_point(|&r| key(r)[..n] < prefix[..n]);
        let mut out: Vec<Id> = Vec::new();
        for &r in &order[start..] {
            let id = self.rows[r as usize].claim;
            if !id.to_hex().starts_with(&prefix) {
                break;
            }
            if out.last() != Some(&id) {
                if out.len() == limit {
                    break;
                }
                out.push(id);
            }
        }
        out
    }

    /// Every occurrence of a claim, in any indexed version.
    pub fn rows_with_claim(&self, id: &Id) -> Vec<&Row> {
        let order = self.claim_order();
        let start = order.partition_point(|&r| self.rows[r as usize].claim < *id);
        order[start..]
            .iter()
            .map(|&r| &self.rows[r as usize])
            .take_while(|row| row.claim == *id)
            .collect()
    }

    /// A row back as an occurrence.
    pub fn occurrence(&self, row: &Row) -> Occurrence {
        Occurrence {
            id: row.claim,
            text: self.str(row.text).to_owned(),
            span: row.span,
            sentence: row.sentence as usize,
            quote: row.quote,
            source: row.source_kind.map(|kind| StoredSource {
                name: self.str(row.source_name).to_owned(),
                kind,
                role: self.opt_str(row.source_role).map(str::to_owned),
                span: row.source_span,
            }),
            cue: self.opt_str(row.cue_text).map(|t| StoredCue {
                text: t.to_owned(),
                span: row.cue_span,
            }),
        }
    }

    fn finish_load(&mut self) {
        self.by_id = self
            .versions
            .iter()
            .enumerate()
            .map(|(i, v)| (v.id, i as u32))
            .collect();
        let heads: Vec<(String, u32)> = self
            .versions
            .iter()
            .enumerate()
            .filter(|(_, v)| v.head)
            .map(|(i, v)| (self.str(v.article).to_owned(), i as u32))
            .collect();
        self.heads = heads.into_iter().collect();
    }

    /// The binary cache file.
    pub fn encode(&mut self) -> Vec<u8> {
        self.sort_by_claim();
        let mut w = Vec::with_capacity(self.blob.len() + self.rows.len() * 96 + 1024);
        w.extend_from_slice(MAGIC);
        put_u32(&mut w, CACHE_FORMAT);
        w.extend_from_slice(&self.fingerprint);
        put_u32(&mut w, self.ends.len() as u32);
        for &e in &self.ends {
            put_u32(&mut w, e);
        }
        put_u32(&mut w, self.blob.len() as u32);
        w.extend_from_slice(self.blob.as_bytes());
        put_u32(&mut w, self.versions.len() as u32);
        for v in &self.versions {
            w.extend_from_slice(v.id.as_bytes());
            w.extend_from_slice(v.text.as_bytes());
            match v.parent {
                Some(p) => {
                    w.push(1);
                    w.extend_from_slice(p.as_bytes());
                }
                None => w.push(0),
            }
            for s in [v.article, v.title, v.outlet, v.url, v.published] {
                put_u32(&mut w, s);
            }
            w.extend_from_slice(&v.logged_at.to_le_bytes());
            w.push(v.head as u8);
            put_u32(&mut w, v.first_row);
            put_u32(&mut w, v.rows);
        }
        put_u32(&mut w, self.rows.len() as u32);
        for r in &self.rows {
            w.extend_from_slice(r.claim.as_bytes());
            for n in [
                r.version,
                r.text,
                r.sentence,
                r.source_name,
                r.source_role,
                r.cue_text,
            ] {
                put_u32(&mut w, n);
            }
            put_span(&mut w, Some(r.span));
            put_span(&mut w, r.source_span);
            put_span(&mut w, r.cue_span);
            w.push(quote_code(r.quote));
            w.push(kind_code(r.source_kind));
        }
        for &r in &self.by_claim {
            put_u32(&mut w, r);
        }
        put_u32(&mut w, self.damage.len() as u32);
        for d in &self.damage {
            for s in [d.article.as_str(), &d.path.to_string_lossy(), &d.message] {
                put_u32(&mut w, s.len() as u32);
                w.extend_from_slice(s.as_bytes());
            }
            w.push(d.skipped as u8);
        }
        w
    }

    /// Reads a cache file; `None` when it is not one this build wrote (then rebuild).
    pub fn decode(bytes: &[u8]) -> Option<Index> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(8)? != MAGIC || r.u32()? != CACHE_FORMAT {
            return None;
        }
        let mut ix = Index {
            fingerprint: r.take(32)?.try_into().ok()?,
            ..Index::default()
        };
        let n = r.u32()? as usize;
        ix.ends = (0..n).map(|_| r.u32()).collect::<Option<_>>()?;
        let blob_len = r.u32()? as usize;
        ix.blob = std::str::from_utf8(r.take(blob_len)?).ok()?.to_owned();
        let mut prev = 0;
        for &e in &ix.ends {
            if e < prev || e as usize > ix.blob.len() || !ix.blob.is_char_boundary(e as usize) {
                return None;
            }
            prev = e;
        }
        let strings = ix.ends.len() as u32;
        let check = |s: u32| (s == NONE || s < strings).then_some(s);
        let nv = r.u32()? as usize;
        // Never reserve more than the bytes left can hold (a version takes at least 102).
        ix.versions
            .reserve(nv.min(bytes.len().saturating_sub(r.at) / 102));
        for _ in 0..nv {
            let id = r.id()?;
            let text = r.id()?;
            let parent = match r.u8()? {
                0 => None,
                1 => Some(r.id()?),
                _ => return None,
            };
            let article = check(r.u32()?)?;
            if article == NONE {
                return None;
            }
            let [title, outlet, url, published] = [
                check(r.u32()?)?,
                check(r.u32()?)?,
                check(r.u32()?)?,
                check(r.u32()?)?,
            ];
            let logged_at = i64::from_le_bytes(r.take(8)?.try_into().ok()?);
            let head = r.u8()? == 1;
            let first_row = r.u32()?;
            let rows = r.u32()?;
            ix.versions.push(VersionEntry {
                id,
                article,
                parent,
                text,
                logged_at,
                title,
                outlet,
                url,
                published,
                head,
                first_row,
                rows,
            });
        }
        let nr = r.u32()? as usize;
        ix.rows
            .reserve(nr.min(bytes.len().saturating_sub(r.at) / 82)); // 82 bytes a row at least
        for _ in 0..nr {
            let claim = r.id()?;
            let version = r.u32()?;
            if version as usize >= nv {
                return None;
            }
            let text = check(r.u32()?)?;
            let sentence = r.u32()?;
            let source_name = check(r.u32()?)?;
            let source_role = check(r.u32()?)?;
            let cue_text = check(r.u32()?)?;
            let span = r.span()??;
            let source_span = r.span()?;
            let cue_span = r.span()?;
            let quote = quote_from(r.u8()?)?;
            let source_kind = kind_from(r.u8()?)?;
            ix.rows.push(Row {
                claim,
                version,
                text,
                span,
                sentence,
                quote,
                source_name,
                source_kind,
                source_role,
                source_span,
                cue_text,
                cue_span,
            });
        }
        for v in &ix.versions {
            if (v.first_row as usize + v.rows as usize) > nr {
                return None;
            }
        }
        ix.by_claim = (0..nr)
            .map(|_| r.u32().filter(|&i| (i as usize) < nr))
            .collect::<Option<_>>()?;
        let nd = r.u32()?;
        for _ in 0..nd {
            let mut text = || -> Option<String> {
                let n = r.u32()? as usize;
                Some(std::str::from_utf8(r.take(n)?).ok()?.to_owned())
            };
            let (article, path, message) = (text()?, text()?, text()?);
            ix.damage.push(Damage {
                article,
                path: path.into(),
                message,
                skipped: r.u8()? == 1,
            });
        }
        if r.at != bytes.len() {
            return None;
        }
        ix.finish_load();
        Some(ix)
    }
}

fn put_u32(w: &mut Vec<u8>, n: u32) {
    w.extend_from_slice(&n.to_le_bytes());
}

fn put_span(w: &mut Vec<u8>, s: Option<Span>) {
    match s {
        Some(s) => {
            put_u32(w, s.start as u32);
            put_u32(w, s.end as u32);
        }
        None => {
            put_u32(w, NONE);
            put_u32(w, NONE);
        }
    }
}

fn quote_code(q: QuoteKind) -> u8 {
    match q {
        QuoteKind::None => 0,
        QuoteKind::Direct => 1,
        QuoteKind::Partial => 2,
    }
}

fn quote_from(c: u8) -> Option<QuoteKind> {
    Some(match c {
        0 => QuoteKind::None,
        1 => QuoteKind::Direct,
        2 => QuoteKind::Partial,
        _ => return None,
    })
}

fn kind_code(k: Option<SourceKind>) -> u8 {
    match k {
        None => 255,
        Some(k) => SourceKind::ALL.iter().position(|&x| x == k).unwrap_or(0) as u8,
    }
}

fn kind_from(c: u8) -> Option<Option<SourceKind>> {
    if c == 255 {
        return Some(None);
    }
    SourceKind::ALL.get(c as usize).map(|&k| Some(k))
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let out = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(out)
    }

    fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn id(&mut self) -> Option<Id> {
        Some(Id::from_bytes(self.take(32)?.try_into().ok()?))
    }

    /// `Some(None)` for the "no span" marker.
    fn span(&mut self) -> Option<Option<Span>> {
        let (s, e) = (self.u32()?, self.u32()?);
        if s == NONE && e == NONE {
            return Some(None);
        }
        (s <= e).then_some(Some(Span::new(s as usize, e as usize)))
    }
}

/// A fingerprint of the refs folder: each entry's name, size, modification time and
/// inode, in name order. Temporary files are left out.
pub fn refs_fingerprint(refs_dir: &Path) -> std::io::Result<[u8; 32]> {
    let mut entries: Vec<(String, [u8; 32])> = Vec::new();
    let read = match std::fs::read_dir(refs_dir) {
        Ok(r) => r,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Sha256::digest(b"no refs").into());
        }
        Err(e) => return Err(e),
    };
    for entry in read {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(super::fsio::TEMP_PREFIX) {
            continue;
        }
        let meta = entry.metadata()?;
        let mut h = Sha256::new();
        h.update(meta.len().to_le_bytes());
        if let Ok(m) = meta.modified()
            && let Ok(d) = m.duration_since(std::time::UNIX_EPOCH)
        {
            h.update(d.as_nanos().to_le_bytes());
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            h.update(meta.ino().to_le_bytes());
            h.update(meta.ctime_nsec().to_le_bytes());
        }
        entries.push((name, h.finalize().into()));
    }
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut h = Sha256::new();
    h.update(CACHE_FORMAT.to_le_bytes());
    for (name, digest) in &entries {
        h.update(name.as_bytes());
        h.update([0]);
        h.update(digest);
    }
    Ok(h.finalize().into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::record::tests::sample;

    #[test]
    fn encode_decode_round_trip() {
        let mut ix = Index::default();
        let rec = sample();
        let id = rec.id();
        ix.push_version(id, &rec, true);
        let mut second = rec.clone();
        second.parent = Some(id);
        second.claims.pop();
        let id2 = second.id();
        ix.push_version(id2, &second, true);
        ix.fingerprint = [7; 32];
        let bytes = ix.encode();
        let back = Index::decode(&bytes).unwrap();
        assert_eq!(back.versions, ix.versions);
        assert_eq!(back.rows, ix.rows);
        assert_eq!(back.fingerprint, [7; 32]);
        assert_eq!(back.head("china-north-korea").unwrap().id, id2);
        assert_eq!(back.history("china-north-korea").len(), 2);
        let claim = rec.claims[1].id;
        let found = back.claims_with_prefix(&claim.to_hex()[..6], 10);
        assert_eq!(found, vec![claim]);
        let rows = back.rows_with_claim(&claim);
        assert_eq!(rows.len(), 1);
        assert_eq!(back.occurrence(rows[0]), rec.claims[1]);
    }

    #[test]
    fn garbage_is_not_an_index() {
        assert!(Index::decode(b"").is_none());
        assert!(Index::decode(b"CLAIMSIX\x01\x00\x00\x00").is_none());
        let mut ix = Index::default();
        ix.push_version(sample().id(), &sample(), true);
        let bytes = ix.encode();
        for cut in [10, bytes.len() / 2, bytes.len() - 1] {
            assert!(Index::decode(&bytes[..cut]).is_none());
        }
    }
}
