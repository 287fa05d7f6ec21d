//! Store files whose line endings git converted at checkout (`core.autocrlf=true`, the
//! Git for Windows default, on a store without `.gitattributes`): each such file no
//! longer hashes to its name, and `verify` says why and how to get the bytes back,
//! instead of calling them damaged.

use super::init::GITATTRIBUTES_FILE;
use std::path::Path;

/// The bytes with every CRLF turned back into LF, when there is any CRLF.
pub fn crlf_to_lf(bytes: &[u8]) -> Option<Vec<u8>> {
    if !bytes.windows(2).any(|w| w == b"\r\n") {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            i += 1;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    Some(out)
}

/// What a converted file is called.
pub const CONVERTED: &str = "line endings converted to CRLF by git at checkout (core.autocrlf); with LF line endings the file is intact";

/// The one finding that explains every converted file and gives the fix.
pub fn summary(converted: usize, root: &Path) -> String {
    let store = root.display();
    let has_attributes = root.join(GITATTRIBUTES_FILE).is_file();
    let attributes = if has_attributes {
        format!(
            "the store's {GITATTRIBUTES_FILE} (`* -text`) was not there when these files were checked out"
        )
    } else {
        format!(
            "the store has no {GITATTRIBUTES_FILE} (`claims init --store {store}` adds it; commit it so that no clone converts them again)"
        )
    };
    format!(
        "{converted} store file(s) have CRLF line endings: git's core.autocrlf (the Git for Windows default) converted them at checkout, and {attributes}. The committed files are intact; to check them out again unconverted, run in the repository: `git config core.autocrlf false`, then `git rm -r -q --cached {store}` and `git checkout HEAD -- {store}` (this drops uncommitted changes under {store})"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_crlf_pairs_are_turned_back() {
        assert_eq!(crlf_to_lf(b"a\nb\n"), None);
        assert_eq!(crlf_to_lf(b"a\r\nb\rc\r\n").unwrap(), b"a\nb\rc\n");
        assert_eq!(crlf_to_lf(b"\r\r\n").unwrap(), b"\r\n");
    }
}
