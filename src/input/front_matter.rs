//! TOML front matter: a block between two `+++` lines at the top of a file (Hugo's
//! convention), holding `title`, `outlet`, `url`, `published` and optionally `id`.

use super::{InputError, Metadata};
use std::collections::BTreeMap;

const FENCE: &str = "+++";

/// Front matter larger than this is not front matter but a mistake.
const MAX_FRONT_MATTER_BYTES: usize = 64 * 1024;

/// Reads front matter starting at byte `start` of `text`. Returns the metadata, the `id`
/// if one was given, and where the body begins (`start` when there is no front matter).
pub fn split_front_matter(
    origin: &str,
    text: &str,
    start: usize,
) -> Result<(Metadata, Option<String>, usize), InputError> {
    let rest = &text[start..];
    let Some(after_open) = strip_fence_line(rest) else {
        return Ok((Metadata::default(), None, start));
    };
    let open_len = rest.len() - after_open.len();
    let mut offset = 0;
    let mut close = None;
    for line in after_open.split_inclusive('\n') {
        if line.trim_end_matches(['\r', '\n']) == FENCE {
            close = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
        if offset > MAX_FRONT_MATTER_BYTES {
            break;
        }
    }
    let Some((toml_end, close_end)) = close else {
        return Err(InputError::FrontMatter {
            origin: origin.to_owned(),
            message: format!(
                "the opening `{FENCE}` has no closing `{FENCE}` line within {} KiB",
                MAX_FRONT_MATTER_BYTES / 1024
            ),
        });
    };
    let toml_text = &after_open[..toml_end];
    let table: toml::Table = toml::from_str(toml_text).map_err(|e| InputError::FrontMatter {
        origin: origin.to_owned(),
        message: e.message().to_owned(),
    })?;
    let (meta, id) = metadata_from_table(table).map_err(|message| InputError::FrontMatter {
        origin: origin.to_owned(),
        message,
    })?;
    Ok((meta, id, start + open_len + close_end))
}

fn strip_fence_line(s: &str) -> Option<&str> {
    let rest = s.strip_prefix(FENCE)?;
    let rest = rest.trim_start_matches([' ', '\t']);
    rest.strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))
}

/// Turns a TOML table of string-ish values into metadata. Dates may be TOML dates or
/// strings; other scalars are kept as text in `extra`.
fn metadata_from_table(table: toml::Table) -> Result<(Metadata, Option<String>), String> {
    let mut meta = Metadata::default();
    let mut id = None;
    let mut extra = BTreeMap::new();
    for (key, value) in table {
        let text = match value {
            toml::Value::String(s) => s,
            toml::Value::Datetime(d) => d.to_string(),
            toml::Value::Integer(i) => i.to_string(),
            toml::Value::Float(f) => f.to_string(),
            toml::Value::Boolean(b) => b.to_string(),
            toml::Value::Array(_) | toml::Value::Table(_) => {
                return Err(format!(
                    "`{key}` must be a single value, not a list or table"
                ));
            }
        };
        match key.as_str() {
            "title" => meta.title = Some(text),
            "outlet" => meta.outlet = Some(text),
            "url" => meta.url = Some(text),
            "published" | "date" => meta.published = Some(text),
            "id" => id = Some(text),
            _ => {
                extra.insert(key, text);
            }
        }
    }
    meta.extra = extra;
    Ok((meta, id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_front_matter_and_finds_the_body() {
        let text = "+++\ntitle = \"T\"\noutlet = \"O\"\npublished = 2024-10-25\n+++\nBody.\n";
        let (meta, id, body) = split_front_matter("a", text, 0).unwrap();
        assert_eq!(meta.title.as_deref(), Some("T"));
        assert_eq!(meta.outlet.as_deref(), Some("O"));
        assert_eq!(meta.published.as_deref(), Some("2024-10-25"));
        assert_eq!(id, None);
        assert_eq!(&text[body..], "Body.\n");
    }

    #[test]
    fn no_front_matter_means_body_at_start() {
        let (_, _, body) = split_front_matter("a", "+++ not a fence line", 0).unwrap();
        assert_eq!(body, 0);
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        assert!(split_front_matter("a", "+++\ntitle = 1\n", 0).is_err());
    }

    #[test]
    fn crlf_fences_work() {
        let text = "+++\r\ntitle = \"T\"\r\n+++\r\nBody";
        let (meta, _, body) = split_front_matter("a", text, 0).unwrap();
        assert_eq!(meta.title.as_deref(), Some("T"));
        assert_eq!(&text[body..], "Body");
    }
}
