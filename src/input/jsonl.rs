//! Streaming `{"id","text",...}` records, one a line, in constant memory.

use super::{Document, InputError, Metadata};
use crate::span::Span;
use std::io::BufRead;

/// The longest JSONL line accepted. Longer lines are refused rather than buffered without
/// bound.
pub const MAX_LINE_BYTES: usize = 64 * 1024 * 1024;

/// Reads documents from JSON Lines, one at a time.
pub struct JsonlReader<R> {
    reader: R,
    origin: String,
    line_no: u64,
    buf: Vec<u8>,
}

impl<R: BufRead> JsonlReader<R> {
    pub fn new(reader: R, origin: impl Into<String>) -> Self {
        JsonlReader {
            reader,
            origin: origin.into(),
            line_no: 0,
            buf: Vec::new(),
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
            return Some(parse_record(line).map_err(|m| self.error(m)));
        }
    }
}

fn parse_record(line: &str) -> Result<Document, String> {
    let value: serde_json::Value =
        serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    let serde_json::Value::Object(map) = value else {
        return Err("expected a JSON object with \"id\" and \"text\"".into());
    };
    let mut id = None;
    let mut text = None;
    let mut meta = Metadata::default();
    for (key, value) in map {
        let as_text = match value {
            serde_json::Value::String(s) => s,
            serde_json::Value::Number(n) => n.to_string(),
            serde_json::Value::Bool(b) => b.to_string(),
            serde_json::Value::Null => continue,
            // Nested metadata (gold annotations and the like) is not ours to keep.
            serde_json::Value::Array(_) | serde_json::Value::Object(_) => continue,
        };
        match key.as_str() {
            "id" => id = Some(as_text),
            "text" => text = Some(as_text),
            "title" => meta.title = Some(as_text),
            "outlet" => meta.outlet = Some(as_text),
            "url" => meta.url = Some(as_text),
            "published" | "date" => meta.published = Some(as_text),
            _ => {
                meta.extra.insert(key, as_text);
            }
        }
    }
    let id = id.ok_or("the record has no \"id\"")?;
    let text = text.ok_or("the record has no \"text\"")?;
    let body = Span::new(0, text.len());
    Ok(Document {
        origin: id.clone(),
        id: Some(id),
        text,
        body,
        meta,
    })
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
    fn missing_text_is_an_error() {
        let mut r = JsonlReader::new("{\"id\":\"a\"}".as_bytes(), "in");
        assert!(r.next().unwrap().is_err());
    }
}
