//! Tables for `claims compare` in three dresses: a terminal table, GitHub-flavoured
//! Markdown (comfy-table's ASCII_MARKDOWN preset), and CSV rows.

use super::super::export::write_csv_row;
use super::super::output::{colour_drawn, new_table, sanitize, table_cell};
use comfy_table::{ContentArrangement, Table, presets};
use std::io::{self, Write};

/// How a [`Grid`] is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dress {
    Terminal,
    Markdown,
}

/// A table being filled, drawn as a terminal table or as Markdown.
pub struct Grid {
    dress: Dress,
    table: Table,
    rows: usize,
}

impl Grid {
    pub fn new<S: AsRef<str>>(dress: Dress, header: &[S]) -> Grid {
        let table = match dress {
            Dress::Terminal => new_table(header.iter().map(|h| h.as_ref().to_owned())).into_inner(),
            Dress::Markdown => {
                let mut t = Table::new();
                t.load_style(presets::ASCII_MARKDOWN);
                // Markdown rows are single lines: never wrap cells.
                t.set_content_arrangement(ContentArrangement::Disabled);
                t.force_no_tty();
                t.set_header(header.iter().map(|h| markdown_cell(h.as_ref())));
                t
            }
        };
        Grid {
            dress,
            table,
            rows: 0,
        }
    }

    pub fn add<S: AsRef<str>>(&mut self, cells: &[S]) {
        self.rows += 1;
        match self.dress {
            Dress::Terminal => {
                self.table
                    .add_row(cells.iter().map(|c| table_cell(c.as_ref())));
            }
            Dress::Markdown => {
                self.table
                    .add_row(cells.iter().map(|c| markdown_cell(&sanitize(c.as_ref()))));
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    pub fn write(&self, out: &mut impl Write) -> io::Result<()> {
        match self.dress {
            Dress::Terminal => writeln!(out, "{}", colour_drawn(&self.table.to_string())),
            Dress::Markdown => writeln!(out, "{}", self.table),
        }
    }
}

/// A cell as Markdown: pipes escaped, line breaks as `<br>`, so a row stays one line.
pub fn markdown_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '\n' => out.push_str("<br>"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes CSV rows (RFC 4180: fields quoted when they hold a comma, quote or line
/// break; quotes doubled; CRLF line ends).
pub struct CsvWriter<W: Write> {
    out: W,
}

impl<W: Write> CsvWriter<W> {
    pub fn new(out: W) -> CsvWriter<W> {
        CsvWriter { out }
    }

    pub fn row<S: AsRef<str>>(&mut self, fields: &[S]) -> io::Result<()> {
        write_csv_row(&mut self.out, fields.iter().map(|f| f.as_ref()))
    }

    pub fn into_inner(self) -> W {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_cells_stay_on_one_line() {
        assert_eq!(markdown_cell("a|b\nc\r"), "a\\|b<br>c");
    }

    #[test]
    fn markdown_grid_is_a_pipe_table() {
        let mut g = Grid::new(Dress::Markdown, &["claim", "article"]);
        g.add(&["China has | not\ncommented", "seed"]);
        let mut out = Vec::new();
        g.write(&mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3, "{text}");
        assert!(lines[0].starts_with("| claim"));
        assert!(lines[1].starts_with("|-"));
        assert!(lines[2].contains("China has \\| not<br>commented"));
    }

    #[test]
    fn csv_rows_are_quoted_where_needed() {
        let mut w = CsvWriter::new(Vec::new());
        w.row(&["a", "b,c", "say \"hi\"", "x\ny"]).unwrap();
        assert_eq!(
            String::from_utf8(w.into_inner()).unwrap(),
            "a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\"\r\n"
        );
    }
}
