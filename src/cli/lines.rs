//! Opening a JSON Lines input (`--input-format jsonl`, `--pairs`): a file, or standard
//! input for `-`, buffered so that records stream through in constant memory.

use super::error::CliError;
use std::io::{self, BufRead, BufReader};
use std::path::Path;

/// The lines of `path` (`-`: standard input).
pub fn open(path: &Path) -> Result<Box<dyn BufRead>, CliError> {
    if path.as_os_str() == "-" {
        return Ok(Box::new(io::stdin().lock()));
    }
    let file = std::fs::File::open(path).map_err(|e| {
        CliError::new(format!("{}: cannot read: {e}", path.display()))
            .with_hint("check that the file exists and is readable")
    })?;
    Ok(Box::new(BufReader::with_capacity(1 << 16, file)))
}
