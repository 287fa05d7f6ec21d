//! Extraction on arbitrary bytes: decoding (strict, or lossy when the first byte is odd),
//! front matter, then the whole pipeline. Every span must lie inside the text on char
//! boundaries, sentences in order, and the version record of the result must round-trip
//! through its TOML file.
#![no_main]

use claims::hash::{Id, ObjectKind};
use claims::input::{DecodeOptions, Document};
use claims::store::{ArticleName, Occurrence, VersionRecord};
use claims::{Span, extract};
use libfuzzer_sys::fuzz_target;

fn check(text: &str, s: Span, what: &str) {
    assert!(s.start <= s.end, "{what} {s:?} runs backwards");
    assert!(
        s.end <= text.len(),
        "{what} {s:?} past the end ({})",
        text.len()
    );
    assert!(
        text.is_char_boundary(s.start),
        "{what} {s:?} starts inside a char"
    );
    assert!(
        text.is_char_boundary(s.end),
        "{what} {s:?} ends inside a char"
    );
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, bytes)) = data.split_first() else {
        return;
    };
    let options = DecodeOptions {
        lossy: flags & 1 == 1,
    };
    let Ok(doc) = Document::from_bytes("fuzz", bytes.to_vec(), options) else {
        return;
    };
    let text = doc.text.as_str();
    check(text, doc.body, "body");
    let ex = extract(&doc);
    let mut last_end = doc.body.start;
    for s in &ex.sentences {
        check(text, *s, "sentence");
        assert!(doc.body.contains(*s), "sentence {s:?} outside the body");
        assert!(
            s.start >= last_end,
            "sentence {s:?} before the previous one"
        );
        last_end = s.end;
    }
    for f in &ex.fragments {
        check(text, *f, "fragment");
    }
    for c in &ex.claims {
        check(text, c.span, "claim");
        assert!(c.sentence < ex.sentences.len());
        if let Some(s) = c.source.as_ref().and_then(|s| s.span) {
            check(text, s, "source");
        }
        if let Some(s) = c.cue.as_ref().and_then(|c| c.span) {
            check(text, s, "cue");
        }
    }
    let record = VersionRecord {
        article: ArticleName::slug("fuzz"),
        parent: None,
        text: Id::of(ObjectKind::Text, text.as_bytes()),
        body: doc.body,
        logged_at: chrono::DateTime::UNIX_EPOCH,
        extractor: "fuzz".into(),
        meta: doc.meta.clone(),
        sentences: ex.sentences.clone(),
        fragments: ex.fragments.clone(),
        claims: ex.claims.iter().map(Occurrence::from).collect(),
    };
    let toml = record.to_toml();
    let back = VersionRecord::from_toml(&toml).expect("a record we wrote reads back");
    assert_eq!(back, record);
    assert_eq!(back.to_toml(), toml);
});
