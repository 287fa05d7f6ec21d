//! Claim pairs as JSON Lines, `{"id": ..., "a": "claim", "b": "other text"}` a line
//! (other fields ignored), read one at a time in constant memory.

use crate::input::MAX_LINE_BYTES;
use std::io::{BufRead, Read};

/// The longest `a` or `b` related whole: as much as features are computed from
/// ([`super::features::MAX_FEATURE_BYTES`]). A longer text is related on its first part
/// and the pair says so ([`Pair::truncated`]). (Relating costs time in the product of the
/// two texts' lengths: two 260 KB texts took 5 s; claims and passages are under a
/// kilobyte.)
pub const MAX_PAIR_TEXT_BYTES: usize = super::features::MAX_FEATURE_BYTES;

/// One pair to relate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    pub id: String,
    pub a: String,
    pub b: String,
    /// The gold relation, when the file carries one (`"label"`): for evaluation.
    pub label: Option<String>,
    /// The line of the file it was read from (1-based).
    pub line: u64,
    /// The texts (`"a"`, `"b"`) longer than [`MAX_PAIR_TEXT_BYTES`], related on their
    /// first part only.
    pub truncated: Vec<&'static str>,
}

/// Why a pairs file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum PairsError {
    #[error("{origin}: cannot read: {source}")]
    Io {
        origin: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{origin}:{line}: {message}")]
    Line {
        origin: String,
        line: u64,
        message: String,
    },
}

/// Reads pairs line by line; blank lines are skipped; a bad line is an error naming it.
pub struct PairReader<R> {
    reader: R,
    origin: String,
    line_no: u64,
    buf: String,
    /// Stopped after a line over the limit (the rest of it is still unread).
    done: bool,
}

impl<R: BufRead> PairReader<R> {
    pub fn new(reader: R, origin: impl Into<String>) -> Self {
        PairReader {
            reader,
            origin: origin.into(),
            line_no: 0,
            buf: String::new(),
            done: false,
        }
    }
}

impl<R: BufRead> Iterator for PairReader<R> {
    type Item = Result<Pair, PairsError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.done {
                return None;
            }
            self.buf.clear();
            // Bounded: a line is never buffered past the limit (a file without newlines
            // must not be read whole into memory).
            let mut bounded = (&mut self.reader).take(MAX_LINE_BYTES as u64 + 1);
            match bounded.read_line(&mut self.buf) {
                Ok(0) => return None,
                Ok(n) if n > MAX_LINE_BYTES => {
                    self.line_no += 1;
                    // Skip the rest of the line without holding it, so that the pairs
                    // after it are still read.
                    if let Err(source) = skip_line(&mut self.reader) {
                        self.done = true;
                        return Some(Err(PairsError::Io {
                            origin: self.origin.clone(),
                            source,
                        }));
                    }
                    return Some(Err(PairsError::Line {
                        origin: self.origin.clone(),
                        line: self.line_no,
                        message: format!("line is over the limit of {MAX_LINE_BYTES} bytes"),
                    }));
                }
                Ok(_) => {}
                Err(source) => {
                    let message = if source.kind() == std::io::ErrorKind::InvalidData {
                        Some("not valid UTF-8".to_owned())
                    } else {
                        None
                    };
                    self.line_no += 1;
                    return Some(Err(match message {
                        Some(message) => PairsError::Line {
                            origin: self.origin.clone(),
                            line: self.line_no,
                            message,
                        },
                        None => PairsError::Io {
                            origin: self.origin.clone(),
                            source,
                        },
                    }));
                }
            }
            self.line_no += 1;
            let line = self.buf.trim();
            if line.is_empty() {
                continue;
            }
            let line_no = self.line_no;
            return Some(
                parse_pair(line, line_no).map_err(|message| PairsError::Line {
                    origin: self.origin.clone(),
                    line: self.line_no,
                    message,
                }),
            );
        }
    }
}

fn parse_pair(line: &str, line_no: u64) -> Result<Pair, String> {
    let value: serde_json::Value =
        serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    let serde_json::Value::Object(mut map) = value else {
        return Err("expected a JSON object with \"id\", \"a\" and \"b\"".into());
    };
    let id = match map.remove("id") {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(_) => return Err("\"id\" must be a string or a number".into()),
        None => return Err("the pair has no \"id\"".into()),
    };
    let mut text = |key: &str| match map.remove(key) {
        Some(serde_json::Value::String(s)) => Ok(s),
        Some(_) => Err(format!("\"{key}\" must be a string")),
        None => Err(format!("the pair has no \"{key}\"")),
    };
    let a = text("a")?;
    let b = text("b")?;
    let truncated = [("a", &a), ("b", &b)]
        .into_iter()
        .filter(|(_, value)| value.len() > MAX_PAIR_TEXT_BYTES)
        .map(|(key, _)| key)
        .collect();
    let label = match map.remove("label") {
        Some(serde_json::Value::String(s)) => Some(s),
        _ => None,
    };
    Ok(Pair {
        id,
        a,
        b,
        label,
        line: line_no,
        truncated,
    })
}

/// Reads up to the end of the current line (or of the input), keeping nothing.
fn skip_line<R: BufRead>(reader: &mut R) -> std::io::Result<()> {
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        match buf.iter().position(|&b| b == b'\n') {
            Some(k) => {
                reader.consume(k + 1);
                return Ok(());
            }
            None => {
                let n = buf.len();
                reader.consume(n);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_pairs_and_skips_blank_lines() {
        let input = "{\"id\":\"1\",\"a\":\"x\",\"b\":\"y\",\"extra\":3}\n\n{\"id\":2,\"a\":\"p\",\"b\":\"q\",\"label\":\"agree\"}\n";
        let pairs: Vec<Pair> = PairReader::new(input.as_bytes(), "in")
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(pairs.len(), 2);
        assert_eq!(pairs[1].id, "2");
        assert_eq!(pairs[1].label.as_deref(), Some("agree"));
    }

    #[test]
    fn a_line_over_the_limit_is_skipped_without_reading_it_whole() {
        // A line longer than the limit, then a good one: the reader reports the first
        // without buffering it all and goes on to the second.
        let long = std::io::Read::take(std::io::repeat(b'x'), MAX_LINE_BYTES as u64 + 10);
        let rest = "\n{\"id\":\"2\",\"a\":\"x\",\"b\":\"y\"}\n".as_bytes();
        let input = std::io::BufReader::new(std::io::Read::chain(long, rest));
        let mut reader = PairReader::new(input, "p");
        let err = reader.next().unwrap().unwrap_err().to_string();
        assert!(err.starts_with("p:1: line is over the limit"), "{err}");
        let next = reader.next().unwrap().unwrap();
        assert_eq!((next.id.as_str(), next.line), ("2", 2));
        assert!(reader.next().is_none());
    }

    #[test]
    fn an_endless_line_ends_the_input() {
        let endless = std::io::BufReader::new(std::io::Read::take(
            std::io::repeat(b'x'),
            3 * MAX_LINE_BYTES as u64,
        ));
        let mut reader = PairReader::new(endless, "p");
        assert!(reader.next().unwrap().is_err());
        assert!(reader.next().is_none());
    }

    #[test]
    fn a_pair_text_over_the_limit_is_kept_and_marked() {
        let long = "word ".repeat(MAX_PAIR_TEXT_BYTES / 5 + 1);
        let line = format!("{{\"id\":\"1\",\"a\":\"x\",\"b\":\"{long}\"}}\n");
        let pair = PairReader::new(line.as_bytes(), "p")
            .next()
            .unwrap()
            .unwrap();
        assert_eq!(pair.truncated, vec!["b"]);
        assert_eq!(pair.b.len(), long.len());
    }

    #[test]
    fn a_bad_line_is_named() {
        let input = "{\"id\":\"1\",\"a\":\"x\",\"b\":\"y\"}\n{\"id\":\"2\",\"a\":\"x\"}\n";
        let results: Vec<_> = PairReader::new(input.as_bytes(), "pairs.jsonl").collect();
        let err = results[1].as_ref().unwrap_err().to_string();
        assert_eq!(err, "pairs.jsonl:2: the pair has no \"b\"");
        let results: Vec<_> = PairReader::new("[1,2]\n".as_bytes(), "p").collect();
        assert!(results[0].is_err());
    }
}
