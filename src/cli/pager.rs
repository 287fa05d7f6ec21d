//! Long output on a terminal goes through a pager, as git does: `PAGER` (default
//! `less -FRX`) when what a command prints is longer than the screen, never when
//! standard output is not a terminal or with --no-pager, and straight to the terminal
//! when the pager cannot be started.

use super::GlobalArgs;
use super::output::stdout_is_terminal;
use std::io::{self, BufWriter, IsTerminal, StdoutLock, Write};
use std::process::{Command, Stdio};

/// Columns for a terminal that reports none (a width of 0, as some serial consoles and
/// containers do), and for one whose size cannot be read.
pub const FALLBACK_COLUMNS: u16 = 80;
const FALLBACK_ROWS: u16 = 24;

/// The terminal's columns and rows, when standard output is a terminal; a size of 0
/// is read as the fallback.
pub fn terminal_size() -> Option<(u16, u16)> {
    if !io::stdout().is_terminal() {
        return None;
    }
    let (cols, rows) = window_size().unwrap_or((0, 0));
    Some((
        if cols == 0 { FALLBACK_COLUMNS } else { cols },
        if rows == 0 { FALLBACK_ROWS } else { rows },
    ))
}

#[cfg(unix)]
fn window_size() -> Option<(u16, u16)> {
    // SAFETY: TIOCGWINSZ writes one `winsize` into the struct it is given, which lives
    // for the call; a failed call leaves it zeroed and returns -1.
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    let rc = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut ws) };
    (rc == 0).then_some((ws.ws_col, ws.ws_row))
}

#[cfg(not(unix))]
fn window_size() -> Option<(u16, u16)> {
    None
}

/// Standard output for a command whose output may be long: held back on a terminal
/// (unless --no-pager) so its length can be measured, written straight otherwise.
pub struct Out(State);

enum State {
    Direct(BufWriter<StdoutLock<'static>>),
    Held(Vec<u8>),
    Done,
}

impl Out {
    pub fn new(global: &GlobalArgs) -> Out {
        Out(if global.no_pager || !stdout_is_terminal() {
            State::Direct(BufWriter::new(io::stdout().lock()))
        } else {
            State::Held(Vec::new())
        })
    }

    /// Writes what was held: through the pager when it is longer than the screen.
    pub fn finish(&mut self) -> io::Result<()> {
        match std::mem::replace(&mut self.0, State::Done) {
            State::Direct(mut w) => w.flush(),
            State::Held(bytes) => show(&bytes),
            State::Done => Ok(()),
        }
    }
}

impl Write for Out {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.0 {
            State::Direct(w) => w.write(buf),
            State::Held(v) => v.write(buf),
            State::Done => Err(io::Error::other("output already finished")),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.0 {
            State::Direct(w) => w.flush(),
            // Held output is measured as a whole when the command finishes.
            State::Held(_) | State::Done => Ok(()),
        }
    }
}

impl Drop for Out {
    /// Output a command did not finish (it returned early with an error) is still shown.
    fn drop(&mut self) {
        let _ = self.finish();
    }
}

fn show(bytes: &[u8]) -> io::Result<()> {
    let (cols, rows) = terminal_size().unwrap_or((FALLBACK_COLUMNS, FALLBACK_ROWS));
    // The shell's prompt takes the last row.
    if screen_lines(bytes, cols) >= usize::from(rows)
        && let Some(command) = pager_command()
        && page(&command, bytes).is_ok()
    {
        return Ok(());
    }
    let mut out = io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()
}

/// The pager to run: `PAGER`, or `less -FRX`; none when `PAGER` is empty or `cat`.
fn pager_command() -> Option<String> {
    match std::env::var("PAGER") {
        Ok(p) if p.trim().is_empty() || p.trim() == "cat" => None,
        Ok(p) => Some(p),
        Err(_) => Some("less -FRX".to_owned()),
    }
}

/// Runs the pager through the shell (so `PAGER="less -S"` works) and feeds it the
/// output. An error means it did not start; once it runs, the reader quitting early is
/// no error.
fn page(command: &str, bytes: &[u8]) -> io::Result<()> {
    let mut cmd = Command::new("sh");
    cmd.arg("-c").arg(command).stdin(Stdio::piped());
    // Colours pass through less when the user has not configured it otherwise.
    if std::env::var_os("LESS").is_none() {
        cmd.env("LESS", "FRX");
    }
    let mut child = cmd.spawn()?;
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(bytes);
    }
    let status = child.wait()?;
    // The shell's "command not found": the pager never ran, so print directly.
    if status.code() == Some(127) {
        return Err(io::Error::other("pager not found"));
    }
    Ok(())
}

/// How many rows of a terminal `cols` wide the output fills (escape sequences take no
/// room; a line wider than the screen wraps).
fn screen_lines(bytes: &[u8], cols: u16) -> usize {
    let text = String::from_utf8_lossy(bytes);
    let cols = usize::from(cols.max(1));
    text.lines()
        .map(|line| visible_chars(line).div_ceil(cols).max(1))
        .sum()
}

fn visible_chars(line: &str) -> usize {
    let mut n = 0;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            // An SGR sequence: ESC [ parameters, ending with a letter.
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            n += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_counted_as_the_screen_shows_them() {
        assert_eq!(screen_lines(b"a\nb\n", 80), 2);
        assert_eq!(screen_lines(&[b'x'; 161], 80), 3);
        assert_eq!(screen_lines(b"\x1b[33mshort\x1b[0m\n\n", 5), 2);
    }
}
