//! Article names: the file names of refs, so they must be safe on every file system.
//!
//! A name is 1 to [`MAX_NAME_BYTES`] bytes of lower-case ASCII letters, digits, `-`, `_`
//! and `.`, starting and ending with a letter or digit. Lower case only, so that two names
//! never differ only in case (they would be one file on macOS and Windows). A name given
//! with `--article` is checked (upper case is folded to lower case, anything that could
//! leave the store is refused); a name derived from an id or a file name is turned into a
//! slug (`bbc/business/001.txt` -> `bbc-business-001`).

use crate::hash::{Id, ObjectKind};
use std::fmt;

/// The longest article name, in bytes. Leaves room under the usual 255-byte file name
/// limit for the temporary-file prefix.
pub const MAX_NAME_BYTES: usize = 100;

/// File name extensions dropped from ids and file names when making a slug.
const TEXT_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "json", "jsonl", "toml",
];

/// Names Windows reserves for devices, whatever the extension.
const WINDOWS_RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// A checked article name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ArticleName(String);

/// Why a name given by a person was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameProblem {
    Empty,
    TooLong(usize),
    PathSeparator,
    Nul,
    ControlCharacter,
    DotName,
    Reserved,
    /// A character outside `a-z 0-9 - _ .` (after folding ASCII case).
    Character(char),
    /// Must start and end with a letter or digit.
    Edge,
}

impl fmt::Display for NameProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NameProblem::Empty => f.write_str("it is empty"),
            NameProblem::TooLong(n) => write!(f, "it is {n} bytes, over {MAX_NAME_BYTES}"),
            NameProblem::PathSeparator => {
                f.write_str("it holds a path separator or drive colon and could leave the store")
            }
            NameProblem::Nul => f.write_str("it holds a NUL byte"),
            NameProblem::ControlCharacter => f.write_str("it holds a control character"),
            NameProblem::DotName => {
                f.write_str("it starts with `.` or holds `..` and could leave the store")
            }
            NameProblem::Reserved => f.write_str("it is a device name reserved by Windows"),
            NameProblem::Character(c) => write!(
                f,
                "it holds {c:?}; names use lower-case letters, digits, `-`, `_` and `.`"
            ),
            NameProblem::Edge => f.write_str("it must start and end with a letter or digit"),
        }
    }
}

impl ArticleName {
    /// Checks a name given by a person (`--article`). ASCII upper case is folded to lower
    /// case; anything else outside the allowed set is refused, never rewritten.
    pub fn parse(given: &str) -> Result<ArticleName, NameProblem> {
        if given.is_empty() {
            return Err(NameProblem::Empty);
        }
        if given.contains('\0') {
            return Err(NameProblem::Nul);
        }
        if given.contains(['/', '\\', ':']) {
            return Err(NameProblem::PathSeparator);
        }
        if given.chars().any(char::is_control) {
            return Err(NameProblem::ControlCharacter);
        }
        if given.starts_with('.') || given.contains("..") {
            return Err(NameProblem::DotName);
        }
        if given.len() > MAX_NAME_BYTES {
            return Err(NameProblem::TooLong(given.len()));
        }
        let lower = given.to_ascii_lowercase();
        if let Some(c) = lower.chars().find(|&c| {
            !(c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'))
        }) {
            return Err(NameProblem::Character(c));
        }
        let edge_ok = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        if !edge_ok(lower.chars().next()) || !edge_ok(lower.chars().last()) {
            return Err(NameProblem::Edge);
        }
        if is_reserved(&lower) {
            return Err(NameProblem::Reserved);
        }
        Ok(ArticleName(lower))
    }

    /// A safe name made from an id or a file name: known text extensions are dropped,
    /// letters and digits are kept (lower-cased), every other run of characters becomes
    /// one `-`. Never fails: an id with nothing usable becomes `article-<hash>`, and an id
    /// too long is cut and given a hash suffix so that two long ids stay apart. An id with
    /// letters or digits of a script a name cannot keep (`新闻/1`) keeps a hash of the whole
    /// id too (`1-<8 hex>`), so that `新闻/1` and `体育/1` never become one article; ids in
    /// ASCII or accented Latin letters are unchanged by this.
    pub fn slug(from: &str) -> ArticleName {
        let stem = strip_text_extension(from);
        let mut out = String::with_capacity(stem.len());
        let mut pending_dash = false;
        let mut lost_script = false;
        for c in stem.chars() {
            let folded = if c.is_ascii_alphanumeric() {
                None
            } else if is_combining_mark(c) {
                // NFD spells "é" as "e" and a combining accent: the accent is dropped,
                // as the precomposed letter's is below, so both forms give one name.
                continue;
            } else if let Some(base) = latin_base(c) {
                Some(base)
            } else {
                lost_script |= c.is_alphanumeric();
                pending_dash = true;
                continue;
            };
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            match folded {
                Some(base) => out.push_str(base),
                None => out.push(c.to_ascii_lowercase()),
            }
        }
        let hash = || Id::of(ObjectKind::Text, from.as_bytes()).short(8);
        if out.is_empty() {
            return ArticleName(format!("article-{}", hash()));
        }
        if out.len() > MAX_NAME_BYTES || lost_script {
            out.truncate(MAX_NAME_BYTES - 9);
            while out.ends_with('-') {
                out.pop();
            }
            out.push('-');
            out.push_str(&hash());
        }
        if is_reserved(&out) {
            out.push_str("-article");
        }
        ArticleName(out)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ArticleName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn strip_text_extension(s: &str) -> &str {
    if let Some((stem, ext)) = s.rsplit_once('.')
        && !stem.is_empty()
        && TEXT_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str())
    {
        return stem;
    }
    s
}

/// Combining diacritical marks (U+0300 to U+036F).
fn is_combining_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// The ASCII base letters of the accented Latin letters of Latin-1 and Latin Extended-A
/// (what NFD followed by dropping the marks gives, plus the ligatures and ß).
fn latin_base(c: char) -> Option<&'static str> {
    Some(match c {
        'À'..='Å' | 'à'..='å' | 'Ā'..='ą' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | 'Ć'..='č' => "c",
        'Ð' | 'ð' | 'Ď'..='đ' => "d",
        'È'..='Ë' | 'è'..='ë' | 'Ē'..='ě' => "e",
        'Ĝ'..='ģ' => "g",
        'Ĥ'..='ħ' => "h",
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ'..='ı' => "i",
        'Ĳ' | 'ĳ' => "ij",
        'Ĵ' | 'ĵ' => "j",
        'Ķ'..='ĸ' => "k",
        'Ĺ'..='ł' => "l",
        'Ñ' | 'ñ' | 'Ń'..='ŋ' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō'..='ő' => "o",
        'Œ' | 'œ' => "oe",
        'Ŕ'..='ř' => "r",
        'ß' => "ss",
        'Ś'..='š' | 'ſ' => "s",
        'Ţ'..='ŧ' => "t",
        'Þ' | 'þ' => "th",
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ'..='ų' => "u",
        'Ŵ' | 'ŵ' => "w",
        'Ý' | 'ý' | 'ÿ' | 'Ŷ'..='Ÿ' => "y",
        'Ź'..='ž' => "z",
        _ => return None,
    })
}

fn is_reserved(name: &str) -> bool {
    let base = name.split('.').next().unwrap_or(name);
    WINDOWS_RESERVED.contains(&base)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn slugs_of_ids_and_paths() {
        assert_eq!(
            ArticleName::slug("bbc/business/001.txt").as_str(),
            "bbc-business-001"
        );
        assert_eq!(
            ArticleName::slug("China North Korea.md").as_str(),
            "china-north-korea"
        );
        assert_eq!(ArticleName::slug("../../etc/passwd").as_str(), "etc-passwd");
        assert_eq!(ArticleName::slug("2024.10.25").as_str(), "2024-10-25");
        assert!(ArticleName::slug("日本語").as_str().starts_with("article-"));
        assert_eq!(ArticleName::slug("con.txt").as_str(), "con-article");
    }

    #[test]
    fn unicode_normalisation_forms_give_one_name() {
        let nfc = "Caf\u{e9} cr\u{e8}me";
        let nfd = "Cafe\u{301} cre\u{300}me";
        assert_eq!(ArticleName::slug(nfc).as_str(), "cafe-creme");
        assert_eq!(ArticleName::slug(nfd), ArticleName::slug(nfc));
        assert_eq!(
            ArticleName::slug("Stra\u{df}e \u{141}\u{f3}d\u{17a}").as_str(),
            "strasse-lodz"
        );
        // A name given by a person is refused either way, never silently rewritten.
        assert!(ArticleName::parse(nfc).is_err());
        assert!(ArticleName::parse(nfd).is_err());
    }

    #[test]
    fn long_ids_keep_apart() {
        let a = "x".repeat(300) + "a";
        let b = "x".repeat(300) + "b";
        let (sa, sb) = (ArticleName::slug(&a), ArticleName::slug(&b));
        assert_ne!(sa, sb);
        assert!(sa.as_str().len() <= MAX_NAME_BYTES);
    }

    #[test]
    fn refuses_names_that_could_leave_the_store() {
        for bad in [
            "", "..", ".", "../x", "a/b", "a\\b", "/abs", "C:x", "a\0b", "a\nb", ".hidden",
        ] {
            assert!(ArticleName::parse(bad).is_err(), "{bad:?} accepted");
        }
        assert_eq!(
            ArticleName::parse(&"a".repeat(101)),
            Err(NameProblem::TooLong(101))
        );
        assert!(matches!(
            ArticleName::parse("a b"),
            Err(NameProblem::Character(' '))
        ));
        assert_eq!(ArticleName::parse("nul"), Err(NameProblem::Reserved));
    }

    #[test]
    fn ids_of_scripts_a_name_cannot_keep_never_collide() {
        let (a, b) = (ArticleName::slug("新闻/1"), ArticleName::slug("体育/1"));
        assert_ne!(a, b);
        assert!(
            a.as_str().starts_with("1-") && a.as_str().len() == 10,
            "{a}"
        );
        assert!(
            ArticleName::slug("новости 2024")
                .as_str()
                .starts_with("2024-")
        );
        // ASCII and accented Latin ids keep their slugs.
        assert_eq!(ArticleName::slug("bbc/001").as_str(), "bbc-001");
        assert_eq!(ArticleName::slug("Café/№1").as_str(), "cafe-1");
    }

    #[test]
    fn folds_case() {
        assert_eq!(ArticleName::parse("BBC-001").unwrap().as_str(), "bbc-001");
        assert_eq!(
            ArticleName::parse("v1.2_draft").unwrap().as_str(),
            "v1.2_draft"
        );
    }

    proptest! {
        #[test]
        fn every_slug_is_a_valid_name(s in "\\PC{0,200}") {
            let slug = ArticleName::slug(&s);
            prop_assert_eq!(ArticleName::parse(slug.as_str()), Ok(slug.clone()));
        }

        #[test]
        fn accepted_names_are_plain_file_names(s in "[ -~]{0,120}") {
            if let Ok(name) = ArticleName::parse(&s) {
                let n = name.as_str();
                prop_assert!(!n.contains('/') && !n.contains('\\') && !n.starts_with('.'));
                prop_assert!(n.len() <= MAX_NAME_BYTES);
                prop_assert_eq!(n.to_ascii_lowercase(), n);
            }
        }
    }
}
