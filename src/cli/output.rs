//! Output helpers shared by the subcommands: terminal detection, colour, tables, JSON.

use super::{ColorChoice, GlobalArgs};
use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;
use std::io::{self, IsTerminal, Write};

/// The version of the JSON shapes the commands print, in each document's `schema` field
/// (raised when a field changes meaning or goes away; new fields do not raise it).
pub const SCHEMA: u32 = 1;

/// Whether standard output is a terminal (tables and colour) or a pipe (machine formats).
pub fn stdout_is_terminal() -> bool {
    io::stdout().is_terminal()
}

/// Whether to colour standard output: never with NO_COLOR, by default only on a terminal.
pub fn use_color(global: &GlobalArgs) -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    match global.color {
        ColorChoice::Never => false,
        ColorChoice::Always => !no_color,
        ColorChoice::Auto => !no_color && stdout_is_terminal(),
    }
}

/// ANSI styling that does nothing when colour is off.
#[derive(Debug, Clone, Copy)]
pub struct Paint {
    pub enabled: bool,
}

impl Paint {
    fn wrap(&self, code: &str, text: &str) -> String {
        if self.enabled {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    pub fn yellow(&self, text: &str) -> String {
        self.wrap("33", text)
    }

    pub fn red(&self, text: &str) -> String {
        self.wrap("31", text)
    }

    pub fn cyan(&self, text: &str) -> String {
        self.wrap("36", text)
    }

    pub fn bold(&self, text: &str) -> String {
        self.wrap("1", text)
    }

    pub fn dim(&self, text: &str) -> String {
        self.wrap("2", text)
    }
}

/// A table whose cells are made safe for a terminal as they are added ([`sanitize`]),
/// before the table measures them.
pub struct SafeTable(Table);

impl SafeTable {
    pub fn add_row<I, S>(&mut self, cells: I) -> &mut SafeTable
    where
        I: IntoIterator<Item = S>,
        S: std::fmt::Display,
    {
        self.0.add_row(
            cells
                .into_iter()
                .map(|c| sanitize(&c.to_string()).into_owned()),
        );
        self
    }

    pub fn into_inner(self) -> Table {
        self.0
    }
}

impl std::fmt::Display for SafeTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// A table in the house style, wrapped to the terminal's width when there is one.
pub fn new_table<I, S>(header: I) -> SafeTable
where
    I: IntoIterator<Item = S>,
    S: Into<comfy_table::Cell>,
{
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED);
    table.set_content_arrangement(ContentArrangement::Dynamic);
    if !stdout_is_terminal() {
        table.force_no_tty();
        table.set_width(120);
    }
    table.set_header(header);
    SafeTable(table)
}

/// A JSON object with the [`SCHEMA`] version as its first field. Every JSON document and
/// JSON Lines record the commands print goes through it (a top-level array carries it in
/// each element), so programs can tell which shapes they read.
#[derive(Serialize)]
pub struct Versioned<'a, T: Serialize + ?Sized> {
    schema: u32,
    #[serde(flatten)]
    value: &'a T,
}

/// `value` (a struct or map) with the `schema` field.
pub fn versioned<T: Serialize + ?Sized>(value: &T) -> Versioned<'_, T> {
    Versioned {
        schema: SCHEMA,
        value,
    }
}

/// Writes one object as a line of JSON, with its `schema` version.
pub fn write_json_line<W: Write, T: Serialize>(out: &mut W, value: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *out, &versioned(value)).map_err(io::Error::other)?;
    out.write_all(b"\n")
}

/// Writes one object as indented JSON (no newline after it), with its `schema` version.
pub fn write_json_pretty<W: Write, T: Serialize>(out: &mut W, value: &T) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &versioned(value)).map_err(io::Error::other)
}

/// Cuts `text` to at most `max` characters, ending with an ellipsis when cut.
pub fn ellipsize(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Text from an article or the store made safe for a terminal: control characters (C0
/// but the line feed, DEL, C1) and the bidirectional controls that reorder what is shown
/// become visible escapes (`\u{1b}`), a tab a space, so no escape sequence written into
/// an article (a window title, a screen clear, a hyperlink) reaches the terminal. The
/// colours [`Paint`] writes are kept. Only what is shown changes; the stored bytes stay
/// as given, and JSON escapes them by itself.
pub fn sanitize(text: &str) -> std::borrow::Cow<'_, str> {
    sanitize_with(text, true)
}

/// [`sanitize`] for one line: a line feed is escaped too.
pub fn sanitize_line(text: &str) -> std::borrow::Cow<'_, str> {
    sanitize_with(text, false)
}

/// The colour codes [`Paint`] writes, the only escape sequences let through.
const OWN_CODES: [&str; 6] = [
    "\x1b[0m", "\x1b[1m", "\x1b[2m", "\x1b[31m", "\x1b[33m", "\x1b[36m",
];

fn unsafe_char(c: char, keep_newline: bool) -> bool {
    (c.is_control() && !(keep_newline && c == '\n'))
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn sanitize_with(text: &str, keep_newline: bool) -> std::borrow::Cow<'_, str> {
    let mut rest = text;
    let mut out = String::new();
    let mut changed = false;
    while let Some((at, c)) = rest
        .char_indices()
        .find(|&(_, c)| unsafe_char(c, keep_newline))
    {
        if !changed {
            out.reserve(text.len() + 16);
            changed = true;
        }
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        if let Some(code) = OWN_CODES.iter().find(|code| after.starts_with(*code)) {
            out.push_str(code);
            rest = &after[code.len()..];
            continue;
        }
        if c == '\t' {
            out.push(' ');
        } else {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        }
        rest = &after[c.len_utf8()..];
    }
    if !changed {
        return std::borrow::Cow::Borrowed(text);
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_shows_escapes_and_keeps_text() {
        assert_eq!(
            sanitize("plain, “quoted” text\nline two"),
            "plain, “quoted” text\nline two"
        );
        assert_eq!(sanitize("a\x1b]0;title\x07b"), "a\\u{1b}]0;title\\u{7}b");
        assert_eq!(
            sanitize("\u{9b}2J\u{202e}x\ty\r"),
            "\\u{9b}2J\\u{202e}x y\\u{d}"
        );
        assert_eq!(sanitize_line("a\nb"), "a\\u{a}b");
        let painted = Paint { enabled: true }.red("error");
        assert_eq!(sanitize(&painted), painted);
        assert_eq!(sanitize("\x1b[8mhidden"), "\\u{1b}[8mhidden");
    }
}
