//! Content ids: sha256 over a typed, length-prefixed canonical form, like git's
//! `blob N\0`. Hashing never sees pretty-printed TOML, so reformatting a record by hand
//! cannot change what it is.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;
use std::str::FromStr;

/// A sha256 content id, shown and stored as 64 lower-case hex digits.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Id([u8; 32]);

/// The kinds of object that get ids. The kind's name is part of what is hashed, so a
/// claim and an article text with the same bytes never share an id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectKind {
    /// An atomic claim's canonical form.
    Claim,
    /// The raw text of an article, as logged.
    Text,
    /// An article version record's canonical form.
    Version,
    /// A rating record's canonical form (a person's verdict on a claim).
    Rating,
}

impl ObjectKind {
    pub const fn tag(self) -> &'static str {
        match self {
            ObjectKind::Claim => "claim",
            ObjectKind::Text => "text",
            ObjectKind::Version => "version",
            ObjectKind::Rating => "rating",
        }
    }
}

impl Id {
    /// `sha256("<kind> <len>\0<content>")`.
    pub fn of(kind: ObjectKind, content: &[u8]) -> Id {
        let mut hasher = Sha256::new();
        hasher.update(kind.tag().as_bytes());
        hasher.update(b" ");
        hasher.update(content.len().to_string().as_bytes());
        hasher.update([0u8]);
        hasher.update(content);
        Id(hasher.finalize().into())
    }

    pub const fn from_bytes(bytes: [u8; 32]) -> Id {
        Id(bytes)
    }

    pub const fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    pub fn to_hex(&self) -> String {
        let mut out = String::with_capacity(64);
        for b in self.0 {
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 0xf) as usize] as char);
        }
        out
    }

    /// The first `n` hex digits, for display.
    pub fn short(&self, n: usize) -> String {
        let mut hex = self.to_hex();
        hex.truncate(n.min(64));
        hex
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Why a string is not an id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a sha256 id: expected 64 hex digits")]
pub struct ParseIdError(pub String);

impl FromStr for Id {
    type Err = ParseIdError;

    fn from_str(s: &str) -> Result<Id, ParseIdError> {
        let bytes = s.as_bytes();
        if bytes.len() != 64 {
            return Err(ParseIdError(s.to_owned()));
        }
        let mut out = [0u8; 32];
        for (i, pair) in bytes.chunks_exact(2).enumerate() {
            let hi = hex_value(pair[0]).ok_or_else(|| ParseIdError(s.to_owned()))?;
            let lo = hex_value(pair[1]).ok_or_else(|| ParseIdError(s.to_owned()))?;
            out[i] = (hi << 4) | lo;
        }
        Ok(Id(out))
    }
}

fn hex_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    }
}

/// Whether `s` could be the start of an id (what `claims show PREFIX` accepts).
pub fn is_hex_prefix(s: &str) -> bool {
    !s.is_empty() && s.len() <= 64 && s.bytes().all(|c| hex_value(c).is_some())
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Id({})", self.short(12))
    }
}

impl Serialize for Id {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_hex())
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_is_part_of_the_id() {
        assert_ne!(
            Id::of(ObjectKind::Claim, b"x"),
            Id::of(ObjectKind::Text, b"x")
        );
    }

    #[test]
    fn matches_a_hand_computed_digest() {
        // printf 'claim 5\0hello' | sha256sum
        let id = Id::of(ObjectKind::Claim, b"hello");
        let mut h = Sha256::new();
        h.update(b"claim 5\0hello");
        let want: [u8; 32] = h.finalize().into();
        assert_eq!(id.as_bytes(), &want);
    }

    #[test]
    fn hex_round_trips() {
        let id = Id::of(ObjectKind::Text, b"abc");
        assert_eq!(id.to_hex().parse::<Id>().unwrap(), id);
        assert!("xyz".parse::<Id>().is_err());
        assert!(is_hex_prefix("ab12"));
        assert!(!is_hex_prefix("../x"));
    }
}
