//! The canonical form of a claim: what is hashed into its id, so that the same statement
//! in two articles gets the same id whatever the typography.

use crate::hash::{Id, ObjectKind};

/// Folds case, quote marks, dashes and white space, and drops the final full stop, so that
/// typographic differences do not make two claims different.
pub fn canonical_form(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for ch in text.chars() {
        // ASCII fast path: letters, digits and most punctuation need no table.
        if ch.is_ascii() && !matches!(ch, '`' | '"') {
            if ch.is_ascii_whitespace() {
                pending_space = !out.is_empty();
                continue;
            }
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(ch.to_ascii_lowercase());
            continue;
        }
        let folded = match ch {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '`' | '\u{b4}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '\u{ab}'
            | '\u{bb}' => '"',
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
            | '\u{2212}' => '-',
            '\u{a0}' | '\u{2007}' | '\u{202f}' => ' ',
            c => c,
        };
        if folded.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if folded == '"' {
            // Quote marks frame a claim but do not change what it says.
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.extend(folded.to_lowercase());
    }
    while out.ends_with(['.', ' ']) {
        out.pop();
    }
    out
}

/// The content id of a claim's canonical form.
pub fn claim_id(canonical: &str) -> Id {
    Id::of(ObjectKind::Claim, canonical.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typography_does_not_matter() {
        let a = canonical_form("China is caught between  paralysis — and “incompetence”.");
        let b = canonical_form("china is caught between paralysis - and \"incompetence\"");
        assert_eq!(a, b);
        assert_eq!(claim_id(&a), claim_id(&b));
    }

    #[test]
    fn words_do_matter() {
        assert_ne!(
            canonical_form("China has commented"),
            canonical_form("China has not commented")
        );
    }
}
