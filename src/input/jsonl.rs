//! Streaming `{"id","text",...}` records, one a line, in constant memory.

use super::{Document, InputError, Metadata};
use crate::span::Span;
use std::io::BufRead;

/// The longest JSONL line accepted. Longer lines are refused rather than buffered without
/// bound.
pub const MAX_LINE_BYTES: usize = 64 * 1024 * 1024;

/// Which fields of a record hold the id, the text and the metadata, so a corpus goes in
/// with the names it has (BASIL's `event_id` and `date`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMap {
    /// The id: one field, or several whose values are joined with `-` (an event id and
    /// an outlet, when a corpus has one record per outlet of an event).
    pub id: Vec<String>,
    pub text: String,
    pub title: String,
    pub outlet: String,
    pub url: String,
    /// The publication date; `None` reads `published`, else `date`.
    pub date: Option<String>,
}

impl Default for FieldMap {
    fn default() -> Self {
        FieldMap {
            id: vec!["id".into()],
            text: "text".into(),
            title: "title".into(),
            outlet: "outlet".into(),
            url: "url".into(),
            date: None,
        }
    }
}

impl FieldMap {
    /// Whether `key` is one of the fields mapped to the id, text or metadata.
    fn is_mapped(&self, key: &str) -> bool {
        self.id.iter().any(|k| k == key)
            || [&self.text, &self.title, &self.outlet, &self.url]
                .iter()
                .any(|k| k.as_str() == key)
            || match &self.date {
                Some(d) => d == key,
                None => key == "published" || key == "date",
            }
    }
}

/// Reads documents from JSON Lines, one at a time.
pub struct JsonlReader<R> {
    reader: R,
    origin: String,
    line_no: u64,
    buf: Vec<u8>,
    fields: FieldMap,
}

impl<R: BufRead> JsonlReader<R> {
    pub fn new(reader: R, origin: impl Into<String>) -> Self {
        Self::with_fields(reader, origin, FieldMap::default())
    }

    /// A reader taking the id, text and metadata from the fields `fields` names.
    pub fn with_fields(reader: R, origin: impl Into<String>, fields: FieldMap) -> Self {
        JsonlReader {
            reader,
            origin: origin.into(),
            line_no: 0,
            buf: Vec::new(),
            fields,
        }
    }

    fn error(&self, message: impl Into<String>) -> InputError {
        InputError::Jsonl {
            origin: self.origin.clone(),
            line: self.line_no,
            message: message.into(),
        }
    }

    /// Reads one line into `self.buf`, refusing lines over the limit without reading them
    /// whole. Returns false at end of input.
    fn read_line(&mut self) -> Result<bool, InputError> {
        self.buf.clear();
        loop {
            let chunk = self.reader.fill_buf().map_err(|source| InputError::Io {
                origin: self.origin.clone(),
                source,
            })?;
            if chunk.is_empty() {
                return Ok(!self.buf.is_empty());
            }
            let (take, done) = match memchr_newline(chunk) {
                Some(i) => (i + 1, true),
                None => (chunk.len(), false),
            };
            if self.buf.len() + take > MAX_LINE_BYTES {
                return Err(InputError::LineTooLong {
                    origin: self.origin.clone(),
                    line: self.line_no + 1,
                    bytes: self.buf.len() + take,
                    limit: MAX_LINE_BYTES,
                });
            }
            self.buf.extend_from_slice(&chunk[..take]);
            self.reader.consume(take);
            if done {
                return Ok(true);
            }
        }
    }
}

fn memchr_newline(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'\n')
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match self.read_line() {
                Ok(false) => return None,
                Ok(true) => {}
                Err(e) => return Some(Err(e)),
            }
            self.line_no += 1;
            let line = match std::str::from_utf8(&self.buf) {
                Ok(s) => s.trim(),
                Err(e) => {
                    let at = e.valid_up_to();
                    return Some(Err(
                        self.error(format!("not valid UTF-8 at byte {at} of the line"))
                    ));
                }
            };
            if line.is_empty() {
                continue;
            }
            return Some(parse_record(line, &self.fields).map_err(|m| self.error(m)));
        }
    }
}

fn parse_record(line: &str, fields: &FieldMap) -> Result<Document, String> {
    let value: serde_json::Value =
        serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    let serde_json::Value::Object(map) = value else {
        return Err(format!(
            "expected a JSON object with {:?} and {:?}",
            fields.id.join("+"),
            fields.text
        ));
    };
    let get = |key: &str| map.get(key).and_then(scalar_text);
    let missing = |key: &str, flag: &str| {
        let keys: Vec<&str> = map.keys().map(String::as_str).collect();
        format!(
            "the record has no {key:?} field (its fields: {}; {flag} names another)",
            keys.join(", ")
        )
    };
    let mut id_parts = Vec::with_capacity(fields.id.len());
    for key in &fields.id {
        id_parts.push(get(key).ok_or_else(|| missing(key, "--id-field"))?);
    }
    let id = id_parts.join("-");
    let text = get(&fields.text).ok_or_else(|| missing(&fields.text, "--text-field"))?;
    let mut meta = Metadata {
        title: get(&fields.title),
        outlet: get(&fields.outlet),
        url: get(&fields.url),
        published: match &fields.date {
            Some(key) => get(key),
            None => get("published").or_else(|| get("date")),
        },
        ..Metadata::default()
    };
    for (key, value) in &map {
        if !fields.is_mapped(key)
            && let Some(v) = scalar_text(value)
        {
            meta.extra.insert(key.clone(), v);
        }
    }
    let body = Span::new(0, text.len());
    Ok(Document {
        origin: id.clone(),
        id: Some(id),
        text,
        body,
        meta,
    })
}

/// A string, number or boolean as text; nested values (gold annotations and the like)
/// and nulls are not ours to keep.
fn scalar_text(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_records_and_skips_blank_lines() {
        let input =
            "{\"id\":\"a\",\"text\":\"One.\",\"outlet\":\"X\"}\n\n{\"id\":2,\"text\":\"Two.\"}";
        let docs: Vec<_> = JsonlReader::new(input.as_bytes(), "in")
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].id.as_deref(), Some("a"));
        assert_eq!(docs[0].meta.outlet.as_deref(), Some("X"));
        assert_eq!(docs[1].id.as_deref(), Some("2"));
        assert_eq!(docs[1].text, "Two.");
    }

    #[test]
    fn names_the_bad_line() {
        let input = "{\"id\":\"a\",\"text\":\"x\"}\nnot json\n";
        let results: Vec<_> = JsonlReader::new(input.as_bytes(), "in").collect();
        let err = results[1].as_ref().unwrap_err().to_string();
        assert!(err.starts_with("in:2: not JSON"), "{err}");
    }

    #[test]
    fn fields_are_mapped_to_a_corpus_own_names() {
        let input = "{\"event_id\":\"e1\",\"outlet\":\"Fox\",\"date\":\"2010-02-20\",\"body\":\"One.\",\"headline\":\"H\",\"published\":\"no\"}";
        let fields = FieldMap {
            id: vec!["event_id".into(), "outlet".into()],
            text: "body".into(),
            title: "headline".into(),
            date: Some("date".into()),
            ..FieldMap::default()
        };
        let doc = JsonlReader::with_fields(input.as_bytes(), "in", fields)
            .next()
            .unwrap()
            .unwrap();
        assert_eq!(doc.id.as_deref(), Some("e1-Fox"));
        assert_eq!(doc.text, "One.");
        assert_eq!(doc.meta.title.as_deref(), Some("H"));
        assert_eq!(doc.meta.outlet.as_deref(), Some("Fox"));
        assert_eq!(doc.meta.published.as_deref(), Some("2010-02-20"));
        // An unmapped field stays as extra metadata.
        assert_eq!(
            doc.meta.extra.get("published").map(String::as_str),
            Some("no")
        );
        let err = JsonlReader::new(input.as_bytes(), "in")
            .next()
            .unwrap()
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("no \"id\" field") && err.contains("event_id"),
            "{err}"
        );
        assert!(err.contains("--id-field"), "{err}");
    }

    #[test]
    fn missing_text_is_an_error() {
        let mut r = JsonlReader::new("{\"id\":\"a\"}".as_bytes(), "in");
        assert!(r.next().unwrap().is_err());
    }
}
