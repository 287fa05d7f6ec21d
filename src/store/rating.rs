//! Ratings: a person's verdict on a claim, one immutable record a file under
//! `ratings/ab/<62 hex>.toml`, named by the sha256 of its typed canonical form (like the
//! version records). A later rating of the same claim names the one it supersedes;
//! nothing is ever rewritten, so two people rating in two clones merge with git without
//! a conflict, and the history of a claim's verdicts stays in the store.

use super::fsio::{self, read_store_file};
use super::record::{format_time, one_line};
use super::toml_out::{line_raw, line_string};
use super::{MAX_CONFIG_BYTES, Store, StoreError, WriteLock};
use crate::hash::{Id, ObjectKind};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The ratings folder in the store.
pub const RATINGS_DIR: &str = "ratings";

/// The first line of every rating record.
const HEADER: &str =
    "# claims rating record: immutable, named by the sha256 of its canonical form\n";

/// One verdict on one claim.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Rating {
    /// The claim rated.
    pub claim: Id,
    /// The claim's text when it was rated.
    pub claim_text: String,
    /// The verdict in words ("False", "Misleading", "Correct").
    pub verdict: String,
    /// A numeric rating on the scale `worst..=best`, when the reviewer uses one.
    pub rating: Option<Scale>,
    /// Why: what the reviewer found.
    pub note: String,
    /// Where the review is published.
    pub url: Option<String>,
    /// Who rated it.
    pub by: String,
    /// When (UTC, whole seconds).
    pub rated_at: DateTime<Utc>,
    /// The rating of the same claim this one replaces.
    pub supersedes: Option<Id>,
}

/// A numeric rating and its scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Scale {
    pub value: i64,
    pub best: i64,
    pub worst: i64,
}

impl Scale {
    /// Whether the value is on the scale (either direction: worst may be above best).
    pub fn is_valid(&self) -> bool {
        let (lo, hi) = (self.worst.min(self.best), self.worst.max(self.best));
        self.worst != self.best && (lo..=hi).contains(&self.value)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRating {
    claim: String,
    claim_text: String,
    verdict: String,
    rating: Option<i64>,
    best: Option<i64>,
    worst: Option<i64>,
    note: String,
    url: Option<String>,
    by: String,
    rated_at: toml::value::Datetime,
    supersedes: Option<String>,
}

fn field(out: &mut Vec<u8>, name: &str, value: &[u8]) {
    out.extend_from_slice(name.as_bytes());
    out.push(b' ');
    out.extend_from_slice(value.len().to_string().as_bytes());
    out.push(b':');
    out.extend_from_slice(value);
    out.push(b'\n');
}

impl Rating {
    /// The canonical form the rating's id is computed from: `name <len>:<bytes>\n` per
    /// field in a fixed order, absent optional fields left out (as version records).
    pub fn canonical_form(&self) -> Vec<u8> {
        let mut c = Vec::with_capacity(256 + self.note.len() + self.claim_text.len());
        field(&mut c, "claim", self.claim.to_hex().as_bytes());
        field(&mut c, "claim_text", self.claim_text.as_bytes());
        field(&mut c, "verdict", self.verdict.as_bytes());
        if let Some(s) = self.rating {
            field(&mut c, "rating", s.value.to_string().as_bytes());
            field(&mut c, "best", s.best.to_string().as_bytes());
            field(&mut c, "worst", s.worst.to_string().as_bytes());
        }
        field(&mut c, "note", self.note.as_bytes());
        if let Some(url) = &self.url {
            field(&mut c, "url", url.as_bytes());
        }
        field(&mut c, "by", self.by.as_bytes());
        field(&mut c, "rated_at", format_time(&self.rated_at).as_bytes());
        if let Some(p) = self.supersedes {
            field(&mut c, "supersedes", p.to_hex().as_bytes());
        }
        c
    }

    /// `sha256("rating <len>\0<canonical form>")`.
    pub fn id(&self) -> Id {
        Id::of(ObjectKind::Rating, &self.canonical_form())
    }

    /// The record's file: fixed formatting, keys sorted.
    pub fn to_toml(&self) -> String {
        let mut out = String::with_capacity(512 + self.note.len() + self.claim_text.len());
        out.push_str(HEADER);
        if let Some(s) = self.rating {
            line_raw(&mut out, "best", s.best);
        }
        line_string(&mut out, "by", &self.by);
        line_string(&mut out, "claim", &self.claim.to_hex());
        line_string(&mut out, "claim_text", &self.claim_text);
        line_string(&mut out, "note", &self.note);
        line_raw(&mut out, "rated_at", format_time(&self.rated_at));
        if let Some(s) = self.rating {
            line_raw(&mut out, "rating", s.value);
        }
        if let Some(p) = self.supersedes {
            line_string(&mut out, "supersedes", &p.to_hex());
        }
        if let Some(url) = &self.url {
            line_string(&mut out, "url", url);
        }
        line_string(&mut out, "verdict", &self.verdict);
        if let Some(s) = self.rating {
            line_raw(&mut out, "worst", s.worst);
        }
        out
    }

    /// Parses a record; the error says what is wrong.
    pub fn from_toml(text: &str) -> Result<Rating, String> {
        let raw: RawRating = toml::from_str(text).map_err(|e| one_line(&e))?;
        let id = |s: &str, what: &str| -> Result<Id, String> {
            s.parse::<Id>()
                .map_err(|_| format!("{what} is not a 64-hex-digit id"))
        };
        let rated_text = raw.rated_at.to_string();
        let rated_at = DateTime::parse_from_rfc3339(&rated_text)
            .ok()
            .map(|t| t.with_timezone(&Utc))
            .filter(|t| format_time(t) == rated_text)
            .ok_or("rated_at must be a UTC time to the second (2024-10-25T09:30:00Z)")?;
        let rating = match (raw.rating, raw.best, raw.worst) {
            (None, None, None) => None,
            (Some(value), Some(best), Some(worst)) => {
                let s = Scale { value, best, worst };
                if !s.is_valid() {
                    return Err(format!(
                        "rating {value} is not on the scale {worst} (worst) to {best} (best)"
                    ));
                }
                Some(s)
            }
            _ => return Err("rating, best and worst go together".into()),
        };
        if raw.verdict.trim().is_empty() {
            return Err("the verdict is empty".into());
        }
        Ok(Rating {
            claim: id(&raw.claim, "claim")?,
            claim_text: raw.claim_text,
            verdict: raw.verdict,
            rating,
            note: raw.note,
            url: raw.url,
            by: raw.by,
            rated_at,
            supersedes: raw
                .supersedes
                .as_deref()
                .map(|s| id(s, "supersedes"))
                .transpose()?,
        })
    }
}

/// A rating as read from the store, with its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRating {
    pub id: Id,
    pub rating: Rating,
}

/// Every rating of the store, by claim: each claim's ratings newest first, the current
/// one (see [`Ratings::current`]) first of all.
#[derive(Debug, Clone, Default)]
pub struct Ratings {
    pub by_claim: BTreeMap<Id, Vec<StoredRating>>,
    /// Rating files left out because they are damaged: (file, what is wrong).
    pub damage: Vec<(PathBuf, String)>,
}

impl Ratings {
    /// The claim's current rating: the newest of those no other rating supersedes.
    pub fn current(&self, claim: &Id) -> Option<&StoredRating> {
        self.by_claim.get(claim).and_then(|all| all.first())
    }

    /// Every rating of the claim, the current first, then the others newest first.
    pub fn history(&self, claim: &Id) -> &[StoredRating] {
        self.by_claim.get(claim).map_or(&[], Vec::as_slice)
    }

    /// How many claims have a rating.
    pub fn rated_claims(&self) -> usize {
        self.by_claim.len()
    }

    fn sort(&mut self) {
        for all in self.by_claim.values_mut() {
            let superseded: HashSet<Id> = all.iter().filter_map(|r| r.rating.supersedes).collect();
            all.sort_by(|a, b| {
                superseded
                    .contains(&a.id)
                    .cmp(&superseded.contains(&b.id))
                    .then(b.rating.rated_at.cmp(&a.rating.rated_at))
                    .then(b.id.cmp(&a.id))
            });
        }
    }
}

/// The file of a rating: `ratings/ab/<62 hex>.toml`.
pub fn rating_path(store: &Store, id: &Id) -> PathBuf {
    let hex = id.to_hex();
    store
        .root()
        .join(RATINGS_DIR)
        .join(&hex[..2])
        .join(format!("{}.toml", &hex[2..]))
}

/// Every `ratings/ab/<62 hex>.toml` file, with the id its name says (none for a file
/// named otherwise). Links are listed, never followed: reading them is refused.
fn rating_files(store: &Store) -> std::io::Result<Vec<(PathBuf, Option<Id>)>> {
    let dir = store.root().join(RATINGS_DIR);
    let mut out = Vec::new();
    if is_link(&dir) {
        out.push((dir, None));
        return Ok(out);
    }
    let fans = match fs::read_dir(&dir) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
        Err(e) => return Err(e),
    };
    let mut fans: Vec<PathBuf> = fans.flatten().map(|e| e.path()).collect();
    fans.sort();
    for fan in fans {
        let fan_name = file_name(&fan);
        if fan_name.starts_with(fsio::TEMP_PREFIX) || is_link(&fan) || !fan.is_dir() {
            out.push((fan, None));
            continue;
        }
        let mut files: Vec<PathBuf> = fs::read_dir(&fan)?.flatten().map(|e| e.path()).collect();
        files.sort();
        for f in files {
            let id = file_name(&f)
                .strip_suffix(".toml")
                .filter(|rest| fan_name.len() == 2 && rest.len() == 62)
                .and_then(|rest| format!("{fan_name}{rest}").parse::<Id>().ok());
            out.push((f, id));
        }
    }
    Ok(out)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

fn is_link(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

fn is_temp(path: &Path) -> bool {
    file_name(path).starts_with(fsio::TEMP_PREFIX)
}

/// Reads every rating. A damaged, misnamed or hand-edited record is left out and listed
/// in [`Ratings::damage`] (commands warn and go on; `claims verify` fails on it);
/// leftover temporary files are skipped.
pub fn read_ratings(store: &Store) -> Result<Ratings, StoreError> {
    let mut ratings = Ratings::default();
    let dir = store.root().join(RATINGS_DIR);
    let files = rating_files(store).map_err(|source| StoreError::Io { path: dir, source })?;
    for (path, id) in files {
        if is_temp(&path) {
            continue;
        }
        match check_rating_file(&path, id) {
            Ok((id, rating)) => ratings
                .by_claim
                .entry(rating.claim)
                .or_default()
                .push(StoredRating { id, rating }),
            Err(message) => ratings.damage.push((path, message)),
        }
    }
    ratings.sort();
    Ok(ratings)
}

/// Reads one rating file and checks it: named as a rating, read without following a
/// link, parsed, hashing to its name, in the canonical form claims writes.
pub fn check_rating_file(path: &Path, id: Option<Id>) -> Result<(Id, Rating), String> {
    if is_link(path) {
        return Err(fsio::LINK_REFUSED.into());
    }
    let id = id.ok_or("unexpected file: ratings are named ratings/ab/<62 hex digits>.toml")?;
    let bytes = read_store_file(path, MAX_CONFIG_BYTES).map_err(|e| format!("cannot read: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|_| "not UTF-8".to_owned())?;
    let rating = Rating::from_toml(&text)?;
    let actual = rating.id();
    if actual != id {
        return Err(format!(
            "content hashes to {}, not to its name",
            actual.short(12)
        ));
    }
    if rating.to_toml() != text {
        return Err("not in canonical form (edited by hand?): its bytes differ from what claims writes for its content".into());
    }
    Ok((id, rating))
}

/// Writes a rating record (atomically and durably) and returns its id. The caller holds
/// the writers' lock. The same rating written twice is one file.
pub fn write_rating(store: &Store, _lock: &WriteLock, rating: &Rating) -> Result<Id, StoreError> {
    let id = rating.id();
    let path = rating_path(store, &id);
    if let Some(dir) = path.parent() {
        fsio::check_inside(store.root(), dir).map_err(|source| StoreError::Io {
            path: dir.to_owned(),
            source,
        })?;
    }
    if fs::symlink_metadata(&path).is_err() {
        fsio::write_atomic(&path, rating.to_toml().as_bytes(), true)?;
    }
    Ok(id)
}

/// The problems of the ratings' references: each rates a claim the store has
/// (`known_claim`) and supersedes a rating of the same claim that exists. `good` are the
/// records that passed [`check_rating_file`]; returns (path, message) per problem.
pub fn rating_reference_problems(
    good: &[(PathBuf, Id, Rating)],
    known_claim: &dyn Fn(&Id) -> bool,
) -> Vec<(PathBuf, String)> {
    let by_id: BTreeMap<Id, Id> = good.iter().map(|(_, id, r)| (*id, r.claim)).collect();
    let mut out = Vec::new();
    for (path, _, rating) in good {
        if !known_claim(&rating.claim) {
            out.push((
                path.clone(),
                format!(
                    "rates claim {}, which no version in the store holds",
                    rating.claim.short(12)
                ),
            ));
        }
        let Some(p) = rating.supersedes else { continue };
        let why = match by_id.get(&p) {
            None => "which the store does not have",
            Some(claim) if *claim != rating.claim => "which rates another claim",
            Some(_) => continue,
        };
        out.push((
            path.clone(),
            format!("supersedes rating {}, {why}", p.short(12)),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Rating {
        Rating {
            claim: Id::of(ObjectKind::Claim, b"a claim"),
            claim_text: "Seoul says about 500 \"soldiers\"".into(),
            verdict: "Misleading".into(),
            rating: Some(Scale {
                value: 2,
                best: 5,
                worst: 1,
            }),
            note: "Two estimates\nof one deployment.".into(),
            url: Some("https://example.org/review/1".into()),
            by: "Desk".into(),
            rated_at: "2024-10-27T10:00:00Z".parse().unwrap(),
            supersedes: Some(Id::of(ObjectKind::Rating, b"earlier")),
        }
    }

    #[test]
    fn a_rating_round_trips_and_its_id_ignores_formatting() {
        let r = sample();
        let text = r.to_toml();
        let back = Rating::from_toml(&text).unwrap();
        assert_eq!(back, r);
        assert_eq!(back.id(), r.id());
        // Reformatted by hand: same record, same id.
        let spaced = text.replace(" = ", "   =   ");
        assert_eq!(Rating::from_toml(&spaced).unwrap().id(), r.id());
        // A different verdict is a different record.
        let mut other = r.clone();
        other.verdict = "False".into();
        assert_ne!(other.id(), r.id());
        // A rating kind is part of the hash: never a version's or a claim's id.
        assert_ne!(r.id(), Id::of(ObjectKind::Version, &r.canonical_form()));
    }

    #[test]
    fn bad_records_say_why() {
        let text = sample().to_toml();
        let off_scale = text.replace("rating = 2", "rating = 9");
        assert!(
            Rating::from_toml(&off_scale)
                .unwrap_err()
                .contains("not on the scale")
        );
        let no_best = text.replace("best = 5\n", "");
        assert!(
            Rating::from_toml(&no_best)
                .unwrap_err()
                .contains("go together")
        );
        assert!(Rating::from_toml("claim = 1").is_err());
    }
}
