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

/// Whether to colour standard output: `--color always` does (an explicit request wins
/// over NO_COLOR, as no-color.org asks), `auto` only on a terminal without NO_COLOR.
pub fn use_color(global: &GlobalArgs) -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    match global.color {
        ColorChoice::Never => false,
        ColorChoice::Always => true,
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

/// A table whose cells are made safe for a terminal as they are added ([`table_cell`]),
/// before the table measures them, and coloured once it is drawn ([`colour_drawn`]).
pub struct SafeTable(Table);

impl SafeTable {
    pub fn add_row<I, S>(&mut self, cells: I) -> &mut SafeTable
    where
        I: IntoIterator<Item = S>,
        S: std::fmt::Display,
    {
        self.0
            .add_row(cells.into_iter().map(|c| table_cell(&c.to_string())));
        self
    }

    pub fn into_inner(self) -> Table {
        self.0
    }
}

impl std::fmt::Display for SafeTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&colour_drawn(&self.0.to_string()))
    }
}

/// A cell's text for a table: made safe ([`sanitize`]), and [`Paint`]'s colour codes
/// swapped for invisible markers of no width, so the table measures and wraps the text
/// alone and never cuts a code in two.
pub fn table_cell(text: &str) -> String {
    let safe = sanitize(text);
    if !safe.contains('\x1b') {
        return safe.into_owned();
    }
    let mut out = safe.into_owned();
    for (n, code) in OWN_CODES.iter().enumerate() {
        out = out.replace(code, &marker(n).to_string());
    }
    out
}

/// The marker standing for `OWN_CODES[n]`: a Unicode tag character, which takes no
/// room on screen and is never text of an article ([`sanitize`] escapes them).
fn marker(n: usize) -> char {
    char::from_u32(MARKER_BASE + n as u32).unwrap_or('\u{e0041}')
}

const MARKER_BASE: u32 = 0xE0041;

fn marker_code(c: char) -> Option<&'static str> {
    let n = (c as u32).checked_sub(MARKER_BASE)?;
    OWN_CODES.get(n as usize).copied()
}

/// A drawn table with its markers turned back into colour codes, line by line: a colour
/// opened in a cell ends at the next space, border or line end (coloured cells hold
/// single words), so every line of the table resets what it coloured.
pub fn colour_drawn(table: &str) -> String {
    if !table.chars().any(|c| marker_code(c).is_some()) {
        return table.to_owned();
    }
    let mut out = String::with_capacity(table.len() + 64);
    for (n, line) in table.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let mut open = false;
        for c in line.chars() {
            match marker_code(c) {
                Some(RESET) => {
                    if open {
                        out.push_str(RESET);
                        open = false;
                    }
                }
                Some(code) => {
                    out.push_str(code);
                    open = true;
                }
                None => {
                    if open && (c.is_whitespace() || is_border(c)) {
                        out.push_str(RESET);
                        open = false;
                    }
                    out.push(c);
                }
            }
        }
        if open {
            out.push_str(RESET);
        }
    }
    out
}

const RESET: &str = "\x1b[0m";

fn is_border(c: char) -> bool {
    matches!(c, '│' | '┆' | '║' | '|') || ('\u{2500}'..='\u{257f}').contains(&c)
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
    match super::pager::terminal_size() {
        // Set, not asked of the terminal by the table: a width of 0 reads as 80.
        Some((cols, _)) => {
            table.set_width(cols);
        }
        None => {
            table.force_no_tty();
            table.set_width(120);
        }
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
        // Tag characters: invisible, and the markers of colour in tables.
        || ('\u{e0000}'..='\u{e007f}').contains(&c)
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
        assert_eq!(sanitize("a\u{e0041}b"), "a\\u{e0041}b");
    }

    /// Every escape sequence in `text` is whole, and each line ends with colour reset.
    fn assert_whole_codes(text: &str) {
        for line in text.lines() {
            let mut open = false;
            let mut rest = line;
            while let Some(at) = rest.find('\x1b') {
                let after = &rest[at..];
                let code = OWN_CODES
                    .iter()
                    .find(|c| after.starts_with(*c))
                    .unwrap_or_else(|| panic!("a cut escape sequence in {line:?}"));
                open = *code != RESET;
                rest = &after[code.len()..];
            }
            assert!(!open, "colour left open at the end of {line:?}");
        }
    }

    #[test]
    fn colour_is_applied_after_wrapping() {
        let paint = Paint { enabled: true };
        for width in [20, 24, 30, 45, 80] {
            let mut table = new_table(["#", "claim", "why"]);
            table.0.set_width(width);
            table.add_row([
                "1".to_owned(),
                format!(
                    "{}\nThe county has not asked for funds",
                    paint.yellow("contradiction")
                ),
                format!("{} and {}", paint.bold("agrees"), paint.dim("absent")),
            ]);
            let drawn = table.to_string();
            assert_whole_codes(&drawn);
            assert!(
                drawn.contains("\x1b[33mcontradiction\x1b[0m") || width < 30,
                "{drawn}"
            );
            // Without the codes, the table is the table of the plain text.
            let mut plain = new_table(["#", "claim", "why"]);
            plain.0.set_width(width);
            plain.add_row([
                "1",
                "contradiction\nThe county has not asked for funds",
                "agrees and absent",
            ]);
            let stripped: String = OWN_CODES
                .iter()
                .fold(drawn.clone(), |t, code| t.replace(code, ""));
            assert_eq!(stripped, plain.to_string(), "width {width}");
        }
    }
}
