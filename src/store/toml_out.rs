//! A small TOML writer with fixed formatting, so that a record's bytes depend only on the
//! record, never on the version of a serialisation crate: `verify` compares every record
//! file with what this writer makes of it, byte for byte. Reading goes through the `toml`
//! crate's parser.

use crate::span::Span;
use std::fmt::Write as _;

/// Appends `s` as a TOML basic string: `"` and `\` escaped, control characters as
/// `\b \t \n \f \r` or `\uXXXX`, everything else as is (UTF-8).
pub fn push_string(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    if !needs_escape(s.as_bytes()) {
        out.push_str(s);
        out.push('"');
        return;
    }
    let mut plain_from = 0;
    for (i, c) in s.char_indices() {
        let escape = match c {
            '"' => Some("\\\""),
            '\\' => Some("\\\\"),
            '\n' => Some("\\n"),
            '\t' => Some("\\t"),
            '\r' => Some("\\r"),
            '\u{8}' => Some("\\b"),
            '\u{c}' => Some("\\f"),
            c if c.is_control() => None,
            _ => continue,
        };
        out.push_str(&s[plain_from..i]);
        match escape {
            Some(e) => out.push_str(e),
            None => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
        }
        plain_from = i + c.len_utf8();
    }
    out.push_str(&s[plain_from..]);
    out.push('"');
}

/// Whether any byte needs escaping: `"`, `\`, C0 controls, DEL, or a C1 control
/// (U+0080 to U+009F, encoded as 0xC2 0x80..=0x9F).
fn needs_escape(bytes: &[u8]) -> bool {
    bytes.iter().enumerate().any(|(i, &b)| {
        b < 0x20
            || b == b'"'
            || b == b'\\'
            || b == 0x7f
            || (b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
    })
}

/// Appends a key: bare when it is `[A-Za-z0-9_-]+`, quoted otherwise.
pub fn push_key(out: &mut String, key: &str) {
    if !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    {
        out.push_str(key);
    } else {
        push_string(out, key);
    }
}

pub fn push_span(out: &mut String, span: Span) {
    let _ = write!(out, "[{}, {}]", span.start, span.end);
}

pub fn push_spans(out: &mut String, spans: &[Span]) {
    out.push('[');
    for (i, span) in spans.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        push_span(out, *span);
    }
    out.push(']');
}

/// `key = "value"\n`
pub fn line_string(out: &mut String, key: &str, value: &str) {
    push_key(out, key);
    out.push_str(" = ");
    push_string(out, value);
    out.push('\n');
}

/// `key = <raw>\n`, for integers, dates and arrays already formatted.
pub fn line_raw(out: &mut String, key: &str, raw: impl std::fmt::Display) {
    push_key(out, key);
    let _ = writeln!(out, " = {raw}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn escapes_what_toml_needs() {
        let mut out = String::new();
        push_string(&mut out, "a\"b\\c\nd\u{1}e\u{7f}“f”");
        assert_eq!(out, "\"a\\\"b\\\\c\\nd\\u0001e\\u007F“f”\"");
    }

    proptest! {
        #[test]
        fn strings_and_keys_round_trip(key in "\\PC{1,20}", value in "(\\PC|[\\n\\t\\r\\x00-\\x1f\\x7f])*") {
            let mut doc = String::new();
            line_string(&mut doc, &key, &value);
            let table: toml::Table = toml::from_str(&doc).unwrap();
            prop_assert_eq!(table.get(&key).and_then(|v| v.as_str()), Some(value.as_str()));
        }
    }
}
