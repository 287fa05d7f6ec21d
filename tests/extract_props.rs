//! Invariants of extraction on arbitrary text: every span lies inside the text on
//! character boundaries, claims never overlap fragments, and the same input always gives
//! the same claims and ids.

use proptest::prelude::*;

/// Text that looks enough like news to reach every stage: words, names, cue verbs,
/// quote marks of every kind, punctuation, line breaks, and some odd characters.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("said".to_owned()),
        Just("says".to_owned()),
        Just("according to".to_owned()),
        Just("told reporters".to_owned()),
        Just("Victor D. Cha".to_owned()),
        Just("the U.S.".to_owned()),
        Just("he".to_owned()),
        Just("who".to_owned()),
        Just("and".to_owned()),
        Just("“".to_owned()),
        Just("”".to_owned()),
        Just("\"".to_owned()),
        Just("''".to_owned()),
        Just(",".to_owned()),
        Just(".".to_owned()),
        Just(":".to_owned()),
        Just("—".to_owned()),
        Just("(".to_owned()),
        Just(")".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("é".to_owned()),
        Just("\u{a0}".to_owned()),
        "[a-zA-Z]{1,9}",
        "\\PC{1,3}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.join(" "))
}

fn check_spans(text: &str) {
    let ex = claims::extract_text(text);
    let ok = |s: claims::Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    for s in &ex.sentences {
        assert!(ok(*s), "sentence {s:?}");
    }
    for f in &ex.fragments {
        assert!(ok(*f), "fragment {f:?}");
    }
    for c in &ex.claims {
        assert!(ok(c.span), "claim {:?}", c.span);
        assert!(!c.text.is_empty());
        if let Some(src) = &c.source
            && let Some(s) = src.span
        {
            assert!(ok(s), "source {s:?}");
        }
        if let Some(cue) = &c.cue
            && let Some(s) = cue.span
        {
            assert!(ok(s), "cue {s:?}");
        }
        assert!(c.sentence < ex.sentences.len());
        for f in &ex.fragments {
            assert!(
                c.span.end <= f.start || f.end <= c.span.start,
                "claim {:?} inside fragment {f:?}",
                c.span
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn spans_are_inside_the_text_on_char_boundaries(text in newsy()) {
        check_spans(&text);
    }

    #[test]
    fn any_unicode_text_is_handled(text in "\\PC{0,200}") {
        check_spans(&text);
    }

    #[test]
    fn the_same_input_gives_the_same_claims_and_ids(text in newsy()) {
        let a = claims::extract_text(&text);
        let b = claims::extract_text(&text);
        prop_assert_eq!(a.claims, b.claims);
    }
}

#[test]
fn the_same_statement_in_two_articles_has_the_same_id() {
    let a = claims::extract_text("The bridge reopened on Friday. Traffic was light.");
    let b = claims::extract_text("Storms hit the coast. The bridge reopened on Friday.");
    let id = |ex: &claims::Extraction, text: &str| {
        ex.claims
            .iter()
            .find(|c| c.text == text)
            .map(|c| c.id)
            .unwrap_or_else(|| panic!("no claim {text:?}"))
    };
    assert_eq!(
        id(&a, "The bridge reopened on Friday"),
        id(&b, "The bridge reopened on Friday")
    );
}

/// Run-on text with a cue every few words, and a quotation carried over thousands of
/// paragraphs: extraction must stay linear (the test only checks that it finishes and
/// keeps its invariants; timings are never asserted).
#[test]
fn pathological_inputs_finish() {
    let run_on = "he said that the mayor and the council said “yes, ".repeat(4000);
    check_spans(&run_on);
    let carried = "“He said the plan would work and more.\n\n".repeat(3000);
    check_spans(&carried);
    let no_punctuation = "word ".repeat(100_000);
    check_spans(&no_punctuation);
}
