//! Invariants on arbitrary input, beyond those of `extract_props.rs` (which checks
//! extraction of arbitrary text): documents made from arbitrary bytes (byte-order mark,
//! front matter, lossy decoding), logging into a store and verifying it, the same input
//! giving the same ids in two stores, and the diff of a version with itself.

use claims::input::{DecodeOptions, Document};
use claims::store::{
    AddOptions, ArticleName, Logger, Occurrence, Store, VersionRecord, diff_claims, verify,
};
use claims::{Span, extract};
use proptest::prelude::*;

/// Words, cues, quotes, brackets, dashes, line breaks and odd characters: enough to reach
/// every stage of extraction.
fn article_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("said".to_owned()),
        Just("told reporters".to_owned()),
        Just("according to".to_owned()),
        Just("Ana Costa".to_owned()),
        Just("the U.S.".to_owned()),
        Just("“".to_owned()),
        Just("”".to_owned()),
        Just("\"".to_owned()),
        Just("(".to_owned()),
        Just(")".to_owned()),
        Just(".".to_owned()),
        Just(",".to_owned()),
        Just("—".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\u{feff}".to_owned()),
        Just("e\u{301}".to_owned()),
        "[a-zA-Z]{1,9}",
        "[0-9]{1,4}",
        "\\PC{1,3}",
        "[\\x00-\\x1f]",
    ];
    prop::collection::vec(piece, 0..50).prop_map(|v| v.join(" "))
}

fn check(text: &str, s: Span, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end),
        "{} {:?} in a text of {} bytes",
        what,
        s,
        text.len()
    );
    Ok(())
}

/// Bytes that may start with a byte-order mark and TOML front matter.
fn document_bytes() -> impl Strategy<Value = Vec<u8>> {
    let front = prop_oneof![
        Just(String::new()),
        Just("+++\ntitle = \"T\"\nid = \"x\"\n+++\n".to_owned()),
        Just("+++\r\noutlet = \"O\"\r\n+++\r\n".to_owned()),
        "\\+\\+\\+\n[a-z]{1,5} = \"[^\"\\\\]{0,10}\"\n\\+\\+\\+\n",
    ];
    (
        any::<bool>(),
        front,
        article_text(),
        prop::collection::vec(any::<u8>(), 0..40),
    )
        .prop_map(|(bom, front, text, noise)| {
            let mut bytes = Vec::new();
            if bom {
                bytes.extend_from_slice("\u{feff}".as_bytes());
            }
            bytes.extend_from_slice(front.as_bytes());
            bytes.extend_from_slice(text.as_bytes());
            bytes.extend_from_slice(&noise);
            bytes
        })
}

fn record_of(doc: &Document, name: &str) -> VersionRecord {
    let ex = extract(doc);
    VersionRecord {
        article: ArticleName::parse(name).unwrap(),
        parent: None,
        text: claims::hash::Id::of(claims::hash::ObjectKind::Text, doc.text.as_bytes()),
        body: doc.body,
        logged_at: chrono::DateTime::UNIX_EPOCH,
        extractor: "test".into(),
        meta: doc.meta.clone(),
        sentences: ex.sentences,
        fragments: ex.fragments,
        claims: ex.claims.iter().map(Occurrence::from).collect(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Every span of a document read from bytes lies inside its text on char boundaries,
    /// sentences inside the body and in order.
    #[test]
    fn documents_from_any_bytes_keep_spans_inside_the_text(
        bytes in document_bytes(),
        lossy in any::<bool>(),
    ) {
        let Ok(doc) = Document::from_bytes("p", bytes, DecodeOptions { lossy }) else {
            return Ok(());
        };
        let text = doc.text.as_str();
        check(text, doc.body, "body")?;
        let ex = extract(&doc);
        let mut last = doc.body.start;
        for s in &ex.sentences {
            check(text, *s, "sentence")?;
            prop_assert!(doc.body.contains(*s), "sentence {:?} outside the body", s);
            prop_assert!(s.start >= last, "sentences out of order");
            last = s.end;
        }
        for f in &ex.fragments {
            check(text, *f, "fragment")?;
        }
        for c in &ex.claims {
            check(text, c.span, "claim")?;
            if let Some(s) = c.source.as_ref().and_then(|s| s.span) {
                check(text, s, "source")?;
            }
            if let Some(s) = c.cue.as_ref().and_then(|c| c.span) {
                check(text, s, "cue")?;
            }
        }
    }

    /// A version compared with itself, before and after a trip through its file, has
    /// nothing added, removed or changed.
    #[test]
    fn the_diff_of_a_version_with_itself_is_empty(text in article_text()) {
        let doc = Document::from_text("p", text);
        let rec = record_of(&doc, "p");
        let diff = diff_claims(&rec.claims, &rec.claims);
        prop_assert!(diff.added.is_empty() && diff.removed.is_empty() && diff.changed.is_empty());
        let back = VersionRecord::from_toml(&rec.to_toml()).unwrap();
        let diff = diff_claims(&rec.claims, &back.claims);
        prop_assert!(diff.added.is_empty() && diff.removed.is_empty() && diff.changed.is_empty());
    }
}

proptest! {
    // Each case creates two stores on disk: few cases.
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Whatever is logged verifies with no problem at all, reads back as the record
    /// written, and the same input logged into another store at the same time gets the
    /// same version id.
    #[test]
    fn add_then_verify_always_passes_and_ids_repeat(
        texts in prop::collection::vec(document_bytes(), 1..4),
        title in "\\PC{0,20}|[\\x00-\\x1f\"\\\\]{1,5}",
        key in "[^\\x00]{1,8}",
    ) {
        let options = AddOptions {
            durable: false,
            logged_at: chrono::DateTime::UNIX_EPOCH,
            ..AddOptions::default()
        };
        let mut ids = Vec::new();
        for _store in 0..2 {
            let dir = tempfile::tempdir().unwrap();
            let (store, _) = Store::init(dir.path()).unwrap();
            let mut logger = Logger::start(&store, options.clone(), &mut |_| {}).unwrap();
            let mut logged_ids = Vec::new();
            for (i, bytes) in texts.iter().enumerate() {
                let Ok(mut doc) = Document::from_bytes(
                    format!("doc{i}"),
                    bytes.clone(),
                    DecodeOptions { lossy: true },
                ) else {
                    continue;
                };
                doc.meta.title = Some(title.clone());
                doc.meta.extra.insert(key.clone(), title.clone());
                let name = ArticleName::parse(&format!("doc{i}")).unwrap();
                let logged = logger.log(name, &doc).unwrap();
                logged_ids.push(logged.version);
            }
            logger.finish().unwrap();
            let report = verify(&store, None, &store.lock_state());
            prop_assert!(report.problems.is_empty(), "{:?}", report.problems);
            for id in &logged_ids {
                let rec = store.read_version(id).unwrap();
                prop_assert_eq!(rec.id(), *id);
                let text = store.read_text(&rec.text).unwrap();
                for c in &rec.claims {
                    check(&text, c.span, "stored claim")?;
                }
            }
            ids.push(logged_ids);
        }
        prop_assert_eq!(&ids[0], &ids[1]);
    }
}
