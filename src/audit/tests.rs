//! Unit tests of the audit over small texts (no CLI).

use super::*;
use crate::extract::extract;

fn audit_text(text: &str) -> FileReport {
    let doc = Document::from_text("draft.md", text);
    let ex = extract(&doc);
    Auditor::new(AuditConfig::default(), None)
        .audit(&doc, &ex)
        .unwrap()
}

fn rules_of(report: &FileReport) -> Vec<(&'static str, String)> {
    report
        .findings
        .iter()
        .map(|f| (f.rule.id(), f.text.clone()))
        .collect()
}

#[test]
fn vague_attribution_is_found() {
    let r = audit_text("Analysts say the plan will fail.\n");
    assert_eq!(
        rules_of(&r),
        [("vague-attribution", "Analysts say".to_owned())]
    );
}

fn audit_with_store(text: &str, index: &MemoryIndex) -> FileReport {
    let doc = Document::from_text("draft.md", text);
    let ex = extract(&doc);
    let relate = test_relate;
    let store = StoreContext {
        index,
        relate: &relate,
    };
    Auditor::new(AuditConfig::default(), Some(store))
        .audit(&doc, &ex)
        .unwrap()
}

/// A stand-in for the relation engine: two claims about the same thing (sharing three
/// content words) with different numbers contradict.
fn test_relate(a: &str, b: &str) -> Related {
    let numbers = |s: &str| -> Vec<String> {
        store::words(s)
            .into_iter()
            .filter(|w| w.chars().all(|c| c.is_ascii_digit()) || w == "thousands")
            .collect()
    };
    let ta = store::content_terms(a);
    let shared = store::content_terms(b)
        .iter()
        .filter(|t| ta.contains(t))
        .count();
    let (na, nb) = (numbers(a), numbers(b));
    if shared >= 3 && !na.is_empty() && !nb.is_empty() && na != nb {
        return Related {
            relation: Relation::Contradict,
            reasons: vec![format!("number: {} vs {}", na[0], nb[0])],
        };
    }
    Related {
        relation: Relation::Neutral,
        reasons: Vec::new(),
    }
}

fn stored(
    article: &str,
    source: Option<&str>,
    quote: crate::attribution::QuoteKind,
    text: &str,
) -> StoredClaim {
    StoredClaim {
        article: article.to_owned(),
        outlet: None,
        source: source.map(str::to_owned),
        quote,
        text: text.to_owned(),
    }
}

fn seoul_store() -> MemoryIndex {
    use crate::attribution::QuoteKind;
    MemoryIndex::new(vec![
        stored(
            "Seoul puts North Korean deployment far lower than Washington",
            Some("a South Korean lawmaker"),
            QuoteKind::None,
            "North Korea has sent about 500 soldiers to Russia",
        ),
        stored(
            "Beijing weighs its oldest alliance",
            Some("Victor D. Cha"),
            QuoteKind::Direct,
            "China is caught between paralysis and incompetence in this regard.",
        ),
        stored(
            "Unrelated",
            None,
            QuoteKind::None,
            "The harbour authority sold two tugboats in 2021",
        ),
    ])
}

#[test]
fn contradicts_store_names_the_article_source_and_reason() {
    let r = audit_with_store(
        "North Korea has sent thousands of soldiers to Russia, the ministry said.\n",
        &seoul_store(),
    );
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == Rule::ContradictsStore)
        .expect("a contradiction");
    assert!(
        f.message.contains("Seoul puts North Korean deployment"),
        "{}",
        f.message
    );
    assert!(
        f.message.contains("a South Korean lawmaker"),
        "{}",
        f.message
    );
    assert!(
        f.message.contains("number: 500 vs thousands"),
        "{}",
        f.message
    );
    assert_eq!(f.level, Level::Warning);
    assert!(f.related.is_some());
}

#[test]
fn agreeing_or_unrelated_claims_are_not_flagged() {
    let r = audit_with_store(
        "North Korea has sent about 500 soldiers to Russia, the ministry said. The harbour in Busan reopened, officials in Busan said.\n",
        &seoul_store(),
    );
    assert!(
        !r.findings.iter().any(|f| f.rule == Rule::ContradictsStore),
        "{:?}",
        r.findings
    );
}

#[test]
fn misquote_flags_a_near_copy_of_the_stored_quotation() {
    let r = audit_with_store(
        "“China is caught between paralysis and impotence in this regard,” Cha said.\n",
        &seoul_store(),
    );
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == Rule::Misquote)
        .expect("a misquote");
    assert_eq!(f.level, Level::Error);
    assert!(f.message.contains("“impotence”"), "{}", f.message);
    assert!(f.message.contains("“incompetence”"), "{}", f.message);
    assert!(f.message.contains("Beijing weighs"), "{}", f.message);
}

#[test]
fn exact_partial_and_other_speakers_quotes_are_not_misquotes() {
    let store = seoul_store();
    for text in [
        // Exact, with other typography.
        "\"China is caught between paralysis and incompetence in this regard,\" Cha said.\n",
        // A contiguous part of the stored quotation.
        "“Caught between paralysis and incompetence,” Cha said.\n",
        // Another speaker's words.
        "“China is caught between paralysis and impotence in this regard,” Austin said.\n",
    ] {
        let r = audit_with_store(text, &store);
        assert!(
            !r.findings.iter().any(|f| f.rule == Rule::Misquote),
            "{text}: {:?}",
            r.findings
        );
    }
}

#[test]
fn a_stored_quotation_given_to_another_speaker_is_misattributed() {
    let r = audit_with_store(
        "“China is caught between paralysis and incompetence in this regard,” Austin said.\n",
        &seoul_store(),
    );
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == Rule::MisattributedQuote)
        .expect("a misattributed quotation");
    assert!(f.message.contains("Victor D. Cha's words"), "{}", f.message);
    assert!(!r.findings.iter().any(|f| f.rule == Rule::Misquote));
}

#[test]
fn finding_ids_are_stable_when_other_lines_change() {
    let a = audit_text("Critics say the bridge is unsafe.\n");
    let b = audit_text(
        "The bridge opened to traffic.\n\nA new paragraph.\n\nCritics say the bridge is unsafe.\n",
    );
    let id = |r: &FileReport| {
        r.findings
            .iter()
            .find(|f| f.rule == Rule::VagueAttribution)
            .map(|f| f.id.clone())
    };
    assert!(id(&a).is_some());
    assert_eq!(id(&a), id(&b));
    assert_eq!(
        b.findings
            .iter()
            .find(|f| f.rule == Rule::VagueAttribution)
            .map(|f| f.line),
        Some(5)
    );
}

#[test]
fn findings_are_sorted_by_position() {
    let r = audit_text(
        "Critics say the plan will fail. A source said the mayor claimed that costs doubled.\n",
    );
    let starts: Vec<usize> = r.findings.iter().map(|f| f.span.start).collect();
    let mut sorted = starts.clone();
    sorted.sort_unstable();
    assert_eq!(starts, sorted);
    assert!(r.findings.len() >= 3, "{:?}", r.findings);
}

#[test]
fn rules_switched_off_do_not_run_and_levels_apply() {
    let mut config = AuditConfig::default();
    config.rules.insert(Rule::VagueAttribution, Setting::Off);
    config
        .rules
        .insert(Rule::AnonymousSource, Setting::Level(Level::Info));
    let doc = Document::from_text(
        "d",
        "Critics say it failed. A source said the plan failed.\n",
    );
    let ex = extract(&doc);
    let r = Auditor::new(config, None).audit(&doc, &ex).unwrap();
    assert!(!r.findings.iter().any(|f| f.rule == Rule::VagueAttribution));
    let anon = r
        .findings
        .iter()
        .find(|f| f.rule == Rule::AnonymousSource)
        .expect("anonymous source");
    assert_eq!(
        anon.level,
        Level::Info,
        "a configured level overrides the bare-source error"
    );
}

#[test]
fn quotes_inside_quotation_marks_are_not_loaded_or_vague() {
    let r = audit_text("“Critics say we claimed that it worked,” Mayor Jo Park said.\n");
    assert!(r.findings.is_empty(), "{:?}", r.findings);
}

#[test]
fn marker_waives_only_its_paragraph_and_rule() {
    let r = audit_text(
        "<!-- claims: allow vague-attribution -- named in the sidebar -->\nCritics say it failed.\n\nCritics say it failed again.\n",
    );
    let waived: Vec<_> = r.findings.iter().map(|f| f.waived.is_some()).collect();
    assert_eq!(waived, [true, false], "{:?}", r.findings);
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(100))]

        /// Whatever the text, the audit does not panic, its spans are on character
        /// boundaries inside the text, positions are 1-based, and findings are sorted.
        #[test]
        fn audit_is_total_and_spans_are_valid(
            text in "([A-Za-z]{1,8}|[ .,:;!?\"“”‘’'\\n—-]|said|says|a source|Critics say|claimed|[0-9]{1,4}|<!--|-->|\u{e9}){0,60}"
        ) {
            let doc = Document::from_text("p", text.clone());
            let ex = extract(&doc);
            // Marker errors are fine; panics are not.
            if let Ok(report) = Auditor::new(AuditConfig::default(), None).audit(&doc, &ex) {
                let mut last = 0;
                for f in &report.findings {
                    prop_assert!(f.span.start <= f.span.end && f.span.end <= text.len());
                    prop_assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
                    prop_assert!(f.line >= 1 && f.column >= 1);
                    prop_assert!(f.span.start >= last);
                    last = f.span.start;
                }
            }
        }
    }
}

/// The seed article with the sources a careful editor expects (as the attribution stage
/// is meant to find them), to check the audit reads extraction as well as the text.
#[test]
fn seed_with_attribution_from_extraction() {
    use crate::attribution::{Source, SourceKind};
    let text = include_str!("../../examples/articles/china-north-korea.txt");
    let doc = Document::from_text("seed", text);
    let mut ex = extract(&doc);
    let span_of = |needle: &str| {
        let start = text.find(needle).expect(needle);
        Span::new(start, start + needle.len())
    };
    let source = |name: &str, kind: SourceKind, mention: &str| Source {
        name: name.to_owned(),
        kind,
        role: None,
        span: Some(span_of(mention)),
        anonymity: None,
    };
    for claim in &mut ex.claims {
        let t = claim.text.as_str();
        claim.source = if t.starts_with("Analysts say") {
            Some(source("analysts", SourceKind::Vague, "Analysts say"))
        } else if t.starts_with("But North Korea") {
            Some(source("Lloyd J. Austin III", SourceKind::Named, "Lloyd J"))
        } else if t.starts_with("“Nothing is going") {
            // No speaker in its sentence: resolved to the mention in "Cha said".
            Some(source("Victor D. Cha", SourceKind::Named, "Cha said"))
        } else if t.starts_with("At a summit") {
            Some(source("Xi Jinping", SourceKind::Named, "Xi Jinping"))
        } else {
            None
        };
    }
    let report = Auditor::new(AuditConfig::default(), None)
        .audit(&doc, &ex)
        .unwrap();
    let quote = report
        .findings
        .iter()
        .find(|f| f.rule == Rule::QuoteWithoutSpeaker)
        .expect("the quotation with no speaker of its own");
    assert_eq!(quote.speaker.as_deref(), Some("Victor D. Cha"));
    assert!(quote.message.contains("speaker inferred: Victor D. Cha"));
    let vague: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.rule == Rule::VagueAttribution)
        .collect();
    assert_eq!(vague.len(), 1, "{vague:?}");
    for f in &report.findings {
        assert!(
            !["Austin", "Xi Jinping"].iter().any(|n| f.text.contains(n)),
            "a named source flagged: {f:?}"
        );
    }
    assert!(
        report
            .findings
            .iter()
            .filter(|f| f.rule == Rule::UnsourcedClaim)
            .count()
            >= 3
    );
}

#[test]
fn a_finding_id_hashes_at_most_the_first_4_kb_of_its_subject() {
    let long = "é".repeat(3 * MAX_SUBJECT_BYTES);
    let cut = subject_prefix(&long);
    assert!(cut.len() <= MAX_SUBJECT_BYTES && long.starts_with(cut));
    assert_eq!(subject_prefix("short"), "short");
    // Thousands of unnamed sources in one run-on sentence: every finding gets its own
    // id (by rank), from a bounded subject.
    let text = "according to officials, ".repeat(400);
    let r = audit_text(&text);
    let ids: std::collections::HashSet<&str> = r.findings.iter().map(|f| f.id.as_str()).collect();
    assert!(r.findings.len() > 100, "{}", r.findings.len());
    assert_eq!(ids.len(), r.findings.len());
}
