//! Reading articles: bytes to checked UTF-8 text, TOML front matter to metadata, and
//! JSON Lines streams of `{"id","text",...}` records.
//!
//! Offsets reported later are into [`Document::text`] exactly as read: a byte-order mark
//! or front matter stays in the text and is skipped through [`Document::body`].

mod decode;
mod front_matter;
mod jsonl;

pub use decode::{DecodeOptions, decode};
pub use front_matter::split_front_matter;
pub use jsonl::{FieldMap, JsonlReader, MAX_LINE_BYTES};

use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

/// The largest article accepted from a file or standard input.
pub const MAX_DOCUMENT_BYTES: usize = 64 * 1024 * 1024;

/// What is known about an article besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Publication date as given (`YYYY-MM-DD` or RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Any other field of the front matter or JSONL record, as text.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
}

impl Metadata {
    /// Fills every field missing here from `other` (flags win over front matter).
    pub fn or(mut self, other: Metadata) -> Metadata {
        self.title = self.title.or(other.title);
        self.outlet = self.outlet.or(other.outlet);
        self.url = self.url.or(other.url);
        self.published = self.published.or(other.published);
        for (k, v) in other.extra {
            self.extra.entry(k).or_insert(v);
        }
        self
    }
}

/// One article, ready for extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Where it came from: a path, `-`, or the JSONL record id.
    pub origin: String,
    /// The id given by a JSONL record or the front matter's `id`, if any.
    pub id: Option<String>,
    /// The whole text as read (after decoding), including any front matter.
    pub text: String,
    /// The part of `text` that is the article itself.
    pub body: Span,
    pub meta: Metadata,
}

impl Document {
    /// A document whose whole text is the body, with no metadata.
    pub fn from_text(origin: impl Into<String>, text: impl Into<String>) -> Document {
        let text = text.into();
        let body = Span::new(0, text.len());
        Document {
            origin: origin.into(),
            id: None,
            text,
            body,
            meta: Metadata::default(),
        }
    }

    /// Builds a document from file bytes: checks the encoding, skips a byte-order mark,
    /// and reads TOML front matter if the text starts with it.
    pub fn from_bytes(
        origin: impl Into<String>,
        bytes: Vec<u8>,
        options: DecodeOptions,
    ) -> Result<Document, InputError> {
        let origin = origin.into();
        let text = decode(&origin, bytes, options)?;
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let (meta, id, body_start) = split_front_matter(&origin, &text, bom)?;
        let body = Span::new(body_start, text.len());
        Ok(Document {
            origin,
            id,
            text,
            body,
            meta,
        })
    }

    /// Reads a file (or standard input for `-`) into a document.
    pub fn read(path: &Path, options: DecodeOptions) -> Result<Document, InputError> {
        let origin = path.display().to_string();
        let io_err = |source| InputError::Io {
            origin: origin.clone(),
            source,
        };
        let limit = MAX_DOCUMENT_BYTES as u64;
        let mut bytes = Vec::new();
        if path.as_os_str() == "-" {
            std::io::stdin()
                .lock()
                .take(limit + 1)
                .read_to_end(&mut bytes)
                .map_err(io_err)?;
        } else {
            let file = std::fs::File::open(path).map_err(io_err)?;
            let meta = file.metadata().map_err(io_err)?;
            if meta.is_dir() {
                return Err(io_err(std::io::Error::new(
                    std::io::ErrorKind::IsADirectory,
                    "is a directory",
                )));
            }
            if meta.len() > limit {
                return Err(InputError::TooLarge {
                    origin,
                    bytes: meta.len(),
                    limit,
                });
            }
            file.take(limit + 1)
                .read_to_end(&mut bytes)
                .map_err(io_err)?;
        }
        if bytes.len() as u64 > limit {
            return Err(InputError::TooLarge {
                origin,
                bytes: bytes.len() as u64,
                limit,
            });
        }
        Document::from_bytes(origin, bytes, options)
    }

    pub fn body_text(&self) -> &str {
        self.body.slice(&self.text)
    }
}

/// Why an input could not be read.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{origin}: cannot read: {source}")]
    Io {
        origin: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{origin}: not valid UTF-8 at byte {offset}")]
    NotUtf8 { origin: String, offset: usize },
    #[error("{origin}: looks like a binary file (NUL byte at offset {offset})")]
    Binary { origin: String, offset: usize },
    #[error("{origin}: front matter: {message}")]
    FrontMatter { origin: String, message: String },
    #[error("{origin}:{line}: {message}")]
    Jsonl {
        origin: String,
        line: u64,
        message: String,
    },
    #[error("{origin}: {bytes} bytes, over the limit of {limit} bytes for one article")]
    TooLarge {
        origin: String,
        bytes: u64,
        limit: u64,
    },
    #[error("{origin}:{line}: line is {bytes} bytes, over the limit of {limit}")]
    LineTooLong {
        origin: String,
        line: u64,
        bytes: usize,
        limit: usize,
    },
}
