//! The segmenter on sentences of our own, one phenomenon a test, and its invariants as
//! properties.

use super::{Sentence, is_space, split};
use proptest::prelude::*;

fn sentences(text: &str) -> Vec<&str> {
    split(text).iter().map(|s| s.span.slice(text)).collect()
}

fn paragraphs(text: &str) -> Vec<usize> {
    split(text).iter().map(|s| s.paragraph).collect()
}

#[track_caller]
fn check(text: &str, want: &[&str]) {
    assert_eq!(sentences(text), want, "splitting {text:?}");
}

#[test]
fn plain_sentences() {
    check(
        "The river rose overnight. Farmers moved their herds! Will the dam hold?",
        &[
            "The river rose overnight.",
            "Farmers moved their herds!",
            "Will the dam hold?",
        ],
    );
    check("", &[]);
    check(" \n\t \r\n ", &[]);
    check("no final mark", &["no final mark"]);
}

#[test]
fn titles_never_end_a_sentence() {
    check(
        "Gen. Ada Brooks met Sen. Tom Reyes and Dr. Lee. Mr. Reyes left first.",
        &[
            "Gen. Ada Brooks met Sen. Tom Reyes and Dr. Lee.",
            "Mr. Reyes left first.",
        ],
    );
    check(
        "Talks with Gov. Hale and Rep. Ortiz resumed.",
        &["Talks with Gov. Hale and Rep. Ortiz resumed."],
    );
    // Tokenised text with a space before the period.
    check(
        "Thanks Mr . Hale for coming .",
        &["Thanks Mr . Hale for coming ."],
    );
}

#[test]
fn country_and_company_abbreviations_end_only_before_a_sentence_opener() {
    check(
        "The U.S. Navy sent two ships. Both sailed from the U.S. The crew was told on Monday.",
        &[
            "The U.S. Navy sent two ships.",
            "Both sailed from the U.S.",
            "The crew was told on Monday.",
        ],
    );
    check(
        "He joined Gearworks Inc. The firm makes pumps. Gearworks Inc. Chief Executive Ida Wu agreed.",
        &[
            "He joined Gearworks Inc.",
            "The firm makes pumps.",
            "Gearworks Inc. Chief Executive Ida Wu agreed.",
        ],
    );
    check(
        "Shares of Delta Co. (the parent) fell.",
        &["Shares of Delta Co. (the parent) fell."],
    );
}

#[test]
fn personal_titles_after_abbreviations_start_sentences() {
    check(
        "He grew up in the U.S. Mr. Hale moved there later. U.S. Sen. Ann Park agreed.",
        &[
            "He grew up in the U.S.",
            "Mr. Hale moved there later.",
            "U.S. Sen. Ann Park agreed.",
        ],
    );
    check(
        "The show starts at 8 p.m. ET. Doors open early. Sales were up 2% y/y. Rivals lost.",
        &[
            "The show starts at 8 p.m. ET.",
            "Doors open early.",
            "Sales were up 2% y/y.",
            "Rivals lost.",
        ],
    );
}

#[test]
fn numbers_after_abbreviations() {
    check(
        "The vote is on Jan. 12 and the bill is No. 5 on the list. See pp. 4-6 and Fig. 2 for details.",
        &[
            "The vote is on Jan. 12 and the bill is No. 5 on the list.",
            "See pp. 4-6 and Fig. 2 for details.",
        ],
    );
    check(
        "He said no. Then he left.",
        &["He said no.", "Then he left."],
    );
    check(
        "It closed in Feb. Nobody noticed.",
        &["It closed in Feb.", "Nobody noticed."],
    );
}

#[test]
fn times_and_eras() {
    check(
        "Polls closed at 8 p.m. Officials began counting at once.",
        &[
            "Polls closed at 8 p.m.",
            "Officials began counting at once.",
        ],
    );
    check(
        "At 9 a.m. Governor Hale spoke to reporters.",
        &["At 9 a.m. Governor Hale spoke to reporters."],
    );
    check(
        "The flight left at 6 a.m. and landed at noon.",
        &["The flight left at 6 a.m. and landed at noon."],
    );
    check(
        "It ended at 11 p.m. EST on Friday.",
        &["It ended at 11 p.m. EST on Friday."],
    );
    check(
        "They met at 7 a. m. The talks ran late.",
        &["They met at 7 a. m.", "The talks ran late."],
    );
    check(
        "The wall dates to 120 B.C. Later rulers extended it.",
        &["The wall dates to 120 B.C.", "Later rulers extended it."],
    );
    check(
        "In 400 A.D. Roman troops left.",
        &["In 400 A.D. Roman troops left."],
    );
}

#[test]
fn latin_and_list_abbreviations() {
    check(
        "Bring gear, e.g. ropes and maps, i.e. the basics. Then wait.",
        &[
            "Bring gear, e.g. ropes and maps, i.e. the basics.",
            "Then wait.",
        ],
    );
    check(
        "They sold apples, pears, etc. The market closed early.",
        &["They sold apples, pears, etc.", "The market closed early."],
    );
    check(
        "Bring pens, paper, etc. and a ruler.",
        &["Bring pens, paper, etc. and a ruler."],
    );
}

#[test]
fn initials_do_not_end_sentences() {
    check(
        "Officials said Mary K. Dalton and T. J. Ruiz would testify. Secretary Lloyd J. Austin III agreed.",
        &[
            "Officials said Mary K. Dalton and T. J. Ruiz would testify.",
            "Secretary Lloyd J. Austin III agreed.",
        ],
    );
    check(
        "The team needs a Plan B. The first plan failed.",
        &["The team needs a Plan B.", "The first plan failed."],
    );
    check(
        "She agreed with him and I. We left.",
        &["She agreed with him and I.", "We left."],
    );
    check(
        "Ask Henry I. Ward about it.",
        &["Ask Henry I. Ward about it."],
    );
    check(
        "It is kept at N\u{b0}. 12 Main Street.",
        &["It is kept at N\u{b0}. 12 Main Street."],
    );
}

#[test]
fn degrees_and_units() {
    check(
        "She earned a Ph.D. Her thesis was on ice.",
        &["She earned a Ph.D.", "Her thesis was on ice."],
    );
    check("He has an M.D. from Yale.", &["He has an M.D. from Yale."]);
    check(
        "The fish weighed 5 lb. Nobody believed it.",
        &["The fish weighed 5 lb.", "Nobody believed it."],
    );
    check(
        "A 6 ft. 2 in. tall man walked in.",
        &["A 6 ft. 2 in. tall man walked in."],
    );
    check(
        "Please come in. Sit down.",
        &["Please come in.", "Sit down."],
    );
}

#[test]
fn numbers_decimals_and_addresses() {
    check(
        "The deal is worth $27.5 billion, or 3.5% of output. It closed in 2023.",
        &[
            "The deal is worth $27.5 billion, or 3.5% of output.",
            "It closed in 2023.",
        ],
    );
    check(
        "Version 2.0 ships today at example.com/v2.0 and www.example.org. Prices start at 9.99.",
        &[
            "Version 2.0 ships today at example.com/v2.0 and www.example.org.",
            "Prices start at 9.99.",
        ],
    );
    check(
        "The file is notes.txt. Open it.",
        &["The file is notes.txt.", "Open it."],
    );
}

#[test]
fn ellipses() {
    check(
        "He paused... and then went on. It was over... Nobody moved.",
        &[
            "He paused... and then went on.",
            "It was over...",
            "Nobody moved.",
        ],
    );
    check("Well \u{2026} I think so.", &["Well \u{2026} I think so."]);
    check(
        "We waited . . . Then the doors opened.",
        &["We waited . . .", "Then the doors opened."],
    );
    check(
        "The list ran on.. Nobody read it.",
        &["The list ran on..", "Nobody read it."],
    );
}

#[test]
fn quotes_close_with_their_sentence() {
    check(
        "\u{201c}We will win,\u{201d} she said. \u{201c}Nobody doubts it.\u{201d} The rally ended.",
        &[
            "\u{201c}We will win,\u{201d} she said.",
            "\u{201c}Nobody doubts it.\u{201d}",
            "The rally ended.",
        ],
    );
    check(
        "He called it \u{2018}a disaster.\u{2019} Others disagreed.",
        &[
            "He called it \u{2018}a disaster.\u{2019}",
            "Others disagreed.",
        ],
    );
    check(
        "\"It is finished.\" The minister left.",
        &["\"It is finished.\"", "The minister left."],
    );
}

#[test]
fn questions_and_exclamations_inside_quotes() {
    check(
        "\u{201c}Why now?\u{201d} he asked.",
        &["\u{201c}Why now?\u{201d} he asked."],
    );
    check(
        "\u{201c}Are you sure?\u{201d} Ortiz asked twice.",
        &["\u{201c}Are you sure?\u{201d} Ortiz asked twice."],
    );
    check(
        "\u{201c}Stop!\u{2019} Police Chief Ana Ruiz shouted.",
        &["\u{201c}Stop!\u{2019} Police Chief Ana Ruiz shouted."],
    );
    check(
        "\u{201c}Why not?\u{201d} He said nothing more.",
        &["\u{201c}Why not?\u{201d}", "He said nothing more."],
    );
    check(
        "She said \"yes.\" and left.",
        &["She said \"yes.\" and left."],
    );
}

#[test]
fn multi_sentence_quotes_are_split() {
    check(
        "\u{201c}We are ready. We have waited long enough,\u{201d} Ortiz said.",
        &[
            "\u{201c}We are ready.",
            "We have waited long enough,\u{201d} Ortiz said.",
        ],
    );
}

#[test]
fn brackets_and_citations() {
    check(
        "The agency (see Fig. 2) disagreed. It said so.",
        &["The agency (see Fig. 2) disagreed.", "It said so."],
    );
    check(
        "The memo (drafted in haste. see page 4) was wrong.",
        &["The memo (drafted in haste. see page 4) was wrong."],
    );
    check(
        "He resigned. (He denies wrongdoing.) The board met.",
        &["He resigned.", "(He denies wrongdoing.)", "The board met."],
    );
    check(
        "Argon is a gas.[3] It does not burn.",
        &["Argon is a gas.[3]", "It does not burn."],
    );
    check(
        "Argon is a gas. [3][4] It does not burn.",
        &["Argon is a gas. [3][4]", "It does not burn."],
    );
}

#[test]
fn line_breaks_end_sentences_and_count_paragraphs() {
    let text = "Storm Hits Coast\nThe storm made landfall on Monday. Power was cut.\n\nThis could reduce the\nCrews are working.";
    check(
        text,
        &[
            "Storm Hits Coast",
            "The storm made landfall on Monday.",
            "Power was cut.",
            "This could reduce the",
            "Crews are working.",
        ],
    );
    assert_eq!(paragraphs(text), [0, 1, 1, 2, 3]);
    let crlf = "One line.\r\nAnother one.\r\n";
    check(crlf, &["One line.", "Another one."]);
    assert_eq!(paragraphs(crlf), [0, 1]);
    check(
        "Old Mac line.\rNext line.",
        &["Old Mac line.", "Next line."],
    );
    check("A line.\u{2028}Another.", &["A line.", "Another."]);
}

#[test]
fn lists() {
    check(
        "Key points:\n1. Prices rose.\n2. Wages fell.\n- Rents held\n\u{2022} Fees went up",
        &[
            "Key points:",
            "1. Prices rose.",
            "2. Wages fell.",
            "- Rents held",
            "\u{2022} Fees went up",
        ],
    );
    check(
        "The law would a) raise taxes and b) cut spending.",
        &["The law would", "a) raise taxes and", "b) cut spending."],
    );
    check(
        "The quote in (3) is short.",
        &["The quote in (3) is short."],
    );
    check("ii. Second point", &["ii. Second point"]);
    check(
        "Steps: 1. Boil water 2. Add rice 3. Wait",
        &["Steps:", "1. Boil water", "2. Add rice", "3. Wait"],
    );
    check(
        "\u{2022} 4. Fourth rule \u{2022} 5. Fifth rule",
        &["\u{2022} 4. Fourth rule", "\u{2022} 5. Fifth rule"],
    );
    check(
        "a. Read the notes. b. Sign the form.",
        &["a. Read the notes.", "b. Sign the form."],
    );
    // Capital letters in a row are initials, not a list.
    check(
        "The novel by J. K. Rowling sold well.",
        &["The novel by J. K. Rowling sold well."],
    );
    // A single number is no list.
    check(
        "He finished 1. Then came the others.",
        &["He finished 1.", "Then came the others."],
    );
}

#[test]
fn sentences_run_together_without_a_mark() {
    // A caption or dateline that lost its line break.
    check(
        "Crowds gather at the square In the capital, police closed roads.",
        &[
            "Crowds gather at the square",
            "In the capital, police closed roads.",
        ],
    );
    check(
        "Tuesday, March 3, 2020 On Monday the council met.",
        &["Tuesday, March 3, 2020", "On Monday the council met."],
    );
    check(
        "Rally on the bridge Photo: Ann Lee.",
        &["Rally on the bridge", "Photo: Ann Lee."],
    );
    // Titles in title case are not broken.
    check(
        "They saw Lost In Translation twice.",
        &["They saw Lost In Translation twice."],
    );
    check(
        "They saw Love After the Storm twice.",
        &["They saw Love After the Storm twice."],
    );
    check(
        "Quiet Harbour Hotel This hotel is close to the beach.",
        &["Quiet Harbour Hotel", "This hotel is close to the beach."],
    );
    check(
        "She writes for The Daily Post now.",
        &["She writes for The Daily Post now."],
    );
}

#[test]
fn names_with_marks_and_titles_with_question_marks() {
    check(
        "She worked at Yahoo! Research for years.",
        &["She worked at Yahoo! Research for years."],
    );
    check(
        "They watched Who Wants to Be a Millionaire? on Sunday.",
        &["They watched Who Wants to Be a Millionaire? on Sunday."],
    );
    check("Is it real? yes it is.", &["Is it real?", "yes it is."]);
    check(
        "It went bang! bang! and stopped.",
        &["It went bang! bang! and stopped."],
    );
    check(
        "Mix it, and -- voila! -- done.",
        &["Mix it, and -- voila! -- done."],
    );
}

#[test]
fn lower_case_after_a_plain_word_is_a_new_sentence() {
    // A garbled or truncated piece: "weapons. oil." are two sentences.
    check("They buy weapons. oil.", &["They buy weapons.", "oil."]);
    check("Drive NE. for five miles.", &["Drive NE. for five miles."]);
}

#[test]
fn full_width_marks() {
    check(
        "Part one\u{ff0e}Part two\u{3002}",
        &["Part one\u{ff0e}", "Part two\u{3002}"],
    );
}

#[test]
fn odd_bytes_are_kept_inside_sentences() {
    check(
        "\u{feff}Start here. Then\u{0} stop.",
        &["Start here.", "Then\u{0} stop."],
    );
    check("\u{301}. \u{301}", &["\u{301}.", "\u{301}"]);
}

#[test]
fn long_and_pathological_lines_split_in_linear_time() {
    let no_marks = "word ".repeat(200_000);
    assert_eq!(split(&no_marks).len(), 1);
    let quotes = "\"".repeat(100_000);
    assert_eq!(split(&quotes).len(), 1);
    let nested = format!("{}x. y{}", "(".repeat(50_000), ")".repeat(50_000));
    assert_eq!(split(&nested).len(), 1);
    let periods = ".".repeat(100_000);
    assert_eq!(split(&periods).len(), 1);
    let many = "Yes. ".repeat(50_000);
    assert_eq!(split(&many).len(), 50_000);
}

fn assert_invariants(text: &str, sentences: &[Sentence]) {
    let mut prev_end = 0;
    let mut prev_paragraph = None;
    for s in sentences {
        let (start, end) = (s.span.start, s.span.end);
        assert!(start < end && end <= text.len(), "{s:?} in {text:?}");
        assert!(
            text.is_char_boundary(start) && text.is_char_boundary(end),
            "{s:?} in {text:?}"
        );
        assert!(start >= prev_end, "overlap at {s:?} in {text:?}");
        let slice = &text[start..end];
        assert!(
            !slice.starts_with(is_space) && !slice.ends_with(is_space),
            "untrimmed {slice:?}"
        );
        assert!(
            !slice.contains(['\n', '\r', '\u{2028}', '\u{2029}']),
            "line break in {slice:?}"
        );
        match prev_paragraph {
            None => assert_eq!(s.paragraph, 0),
            Some(p) => assert!(
                s.paragraph == p || s.paragraph == p + 1,
                "paragraph jump in {text:?}"
            ),
        }
        prev_paragraph = Some(s.paragraph);
        prev_end = end;
    }
    // Every character that is not white space lies inside a sentence.
    let mut spans = sentences.iter().map(|s| s.span).peekable();
    for (at, c) in text.char_indices() {
        while spans.peek().is_some_and(|sp| sp.end <= at) {
            spans.next();
        }
        if !is_space(c) {
            let inside = spans.peek().is_some_and(|sp| sp.start <= at && at < sp.end);
            assert!(inside, "{c:?} at {at} is in no sentence of {text:?}");
        }
    }
}

/// Pieces that exercise the scanner's rules; random strings alone rarely hit them.
const PIECES: &[&str] = &[
    "The", "word", "In", "the", "Mr.", "Dr", "U.S.", "a.m.", "p. m.", "Inc.", "etc.", "No.", "5",
    "3.5", "J.", "i.e.", "Ph.D.", "lb.", "Jan.", "Sat.", "Yahoo!", " ", " ", "  ", "\t", "\n",
    "\r\n", "\r", ".", ". ", "..", "...", "\u{2026}", "!", "?", "?!", "\"", "'", "''", "`",
    "\u{201c}", "\u{201d}", "\u{2018}", "\u{2019}", "(", ")", "[", "]", "[1]", "{", "}", "a)",
    "b)", "(ii)", "1.", "-", " - ", "\u{2014}", "\u{3002}", "\u{ff0e}", "\u{feff}", "\u{0}",
    "\u{1}", "\u{301}", "\u{a0}", "\u{2028}", "\u{85}", "é", "Ü", "said", "Image:", "2015", ",",
    ":", ";", "x", "I",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn invariants_hold_on_pieces(pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..60)) {
        let text: String = pieces.concat();
        let sentences = split(&text);
        assert_invariants(&text, &sentences);
    }

    #[test]
    fn invariants_hold_on_any_text(text in any::<String>()) {
        let sentences = split(&text);
        assert_invariants(&text, &sentences);
    }

    #[test]
    fn invariants_hold_on_ascii_soup(text in "[a-zA-Z0-9 .!?\"'()\\[\\]\n\r-]{0,120}") {
        let sentences = split(&text);
        assert_invariants(&text, &sentences);
    }
}
