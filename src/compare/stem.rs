//! A small English stemmer: Porter's 1980 algorithm, preceded by a table of irregular
//! verb and noun forms ("sold" -> "sell", "women" -> "woman") that suffix stripping
//! cannot reach.
//!
//! Written here rather than taken from a crate: it is a few hundred lines, it has no data
//! to load, and it lets the irregular forms (which matter for "sold" vs "sell", "won" vs
//! "win") live next to the rules. Stems are for matching only, never shown to a person.

/// Stems one lower-case ASCII word into `out` (cleared first). Words with non-ASCII
/// letters are copied unchanged: the rules are for English.
pub fn stem_into(word: &str, out: &mut String) {
    out.clear();
    let base = irregular(word).unwrap_or(word);
    out.push_str(base);
    if !out.is_ascii() || out.len() <= 2 {
        return;
    }
    let mut w = std::mem::take(out).into_bytes();
    porter(&mut w);
    // Porter works on ASCII bytes and only removes or appends ASCII letters.
    *out = String::from_utf8(w).unwrap_or_default();
}

/// Stems one word into a new string (convenience for tests and lexicon building).
pub fn stem(word: &str) -> String {
    let mut out = String::new();
    stem_into(word, &mut out);
    out
}

/// Whether `word` (lower case) is an irregular past form ("sold", "won", "led").
pub fn is_irregular_past(word: &str) -> bool {
    irregular(word).is_some_and(|base| base != word)
        && !matches!(
            word,
            "is" | "are"
                | "am"
                | "being"
                | "has"
                | "having"
                | "does"
                | "says"
                | "men"
                | "women"
                | "children"
                | "people"
                | "mice"
                | "feet"
                | "teeth"
                | "wives"
                | "knives"
                | "better"
                | "best"
                | "worse"
                | "worst"
                | "dies"
                | "dying"
                | "lies"
                | "lying"
        )
}

/// Irregular forms mapped to the form whose stem they should share.
fn irregular(word: &str) -> Option<&'static str> {
    let base = match word {
        "was" | "were" | "is" | "are" | "am" | "been" | "being" => "be",
        "has" | "had" | "having" => "have",
        "did" | "does" | "done" => "do",
        "went" | "gone" => "go",
        "said" | "says" => "say",
        "sold" => "sell",
        "bought" => "buy",
        "won" => "win",
        "lost" => "lose",
        "left" => "leave",
        "took" | "taken" => "take",
        "made" => "make",
        "gave" | "given" => "give",
        "found" => "find",
        "met" => "meet",
        "held" => "hold",
        "told" => "tell",
        "began" | "begun" => "begin",
        "came" => "come",
        "became" => "become",
        "got" | "gotten" => "get",
        "ran" => "run",
        "led" => "lead",
        "misled" => "mislead",
        "fell" | "fallen" => "fall",
        "rose" | "risen" => "rise",
        "paid" => "pay",
        "spent" => "spend",
        "brought" => "bring",
        "thought" => "think",
        "sent" => "send",
        "built" => "build",
        "kept" => "keep",
        "wrote" | "written" => "write",
        "chose" | "chosen" => "choose",
        "struck" | "stricken" => "strike",
        "shot" => "shoot",
        "caught" => "catch",
        "fought" => "fight",
        "sought" => "seek",
        "taught" => "teach",
        "knew" | "known" => "know",
        "saw" | "seen" => "see",
        "grew" | "grown" => "grow",
        "drove" | "driven" => "drive",
        "flew" | "flown" => "fly",
        "broke" | "broken" => "break",
        "spoke" | "spoken" => "speak",
        "stole" | "stolen" => "steal",
        "woke" | "woken" => "wake",
        "hid" | "hidden" => "hide",
        "ate" | "eaten" => "eat",
        "fed" => "feed",
        "fled" => "flee",
        "felt" => "feel",
        "heard" => "hear",
        "stood" => "stand",
        "understood" => "understand",
        "sat" => "sit",
        "slept" => "sleep",
        "wore" | "worn" => "wear",
        "tore" | "torn" => "tear",
        "threw" | "thrown" => "throw",
        "drew" | "drawn" => "draw",
        "withdrew" | "withdrawn" => "withdraw",
        "sank" | "sunk" => "sink",
        "sang" | "sung" => "sing",
        "swam" | "swum" => "swim",
        "shook" | "shaken" => "shake",
        "forgave" | "forgiven" => "forgive",
        "forgot" | "forgotten" => "forget",
        "arose" | "arisen" => "arise",
        "overcame" => "overcome",
        "underwent" | "undergone" => "undergo",
        "undertook" | "undertaken" => "undertake",
        "upheld" => "uphold",
        "withheld" => "withhold",
        "beaten" => "beat",
        "lent" => "lend",
        "bent" => "bend",
        "meant" => "mean",
        "dealt" => "deal",
        "bore" | "borne" => "bear",
        "froze" | "frozen" => "freeze",
        "rode" | "ridden" => "ride",
        "bit" | "bitten" => "bite",
        "hung" => "hang",
        "men" => "man",
        "women" => "woman",
        "children" => "child",
        "people" => "person",
        "mice" => "mouse",
        "feet" => "foot",
        "teeth" => "tooth",
        "wives" => "wife",
        "knives" => "knife",
        "better" | "best" => "good",
        // Adverbs in "-ily" that Porter leaves apart from their adjective.
        "easily" => "easy",
        "heavily" => "heavy",
        "happily" => "happy",
        "readily" => "ready",
        "steadily" => "steady",
        "necessarily" => "necessary",
        "primarily" => "primary",
        "temporarily" => "temporary",
        "worse" | "worst" => "bad",
        "died" | "dying" | "dies" => "die",
        "lying" | "lies" | "lied" => "lie",
        _ => return None,
    };
    Some(base)
}

/// Porter's algorithm over a lower-case ASCII word, in place.
fn porter(w: &mut Vec<u8>) {
    step_1a(w);
    step_1b(w);
    step_1c(w);
    step_2(w);
    step_3(w);
    step_4(w);
    step_5(w);
}

/// Whether `w[i]` is a consonant in Porter's sense ("y" after a consonant is a vowel).
fn is_consonant(w: &[u8], i: usize) -> bool {
    match w[i] {
        b'a' | b'e' | b'i' | b'o' | b'u' => false,
        b'y' => i == 0 || !is_consonant(w, i - 1),
        _ => true,
    }
}

/// Porter's measure m of `w[..len]`: the number of vowel-consonant sequences.
fn measure(w: &[u8], len: usize) -> usize {
    let mut m = 0;
    let mut i = 0;
    while i < len && is_consonant(w, i) {
        i += 1;
    }
    loop {
        while i < len && !is_consonant(w, i) {
            i += 1;
        }
        if i >= len {
            return m;
        }
        while i < len && is_consonant(w, i) {
            i += 1;
        }
        m += 1;
        if i >= len {
            return m;
        }
    }
}

fn has_vowel(w: &[u8], len: usize) -> bool {
    (0..len).any(|i| !is_consonant(w, i))
}

fn ends_double_consonant(w: &[u8], len: usize) -> bool {
    len >= 2 && w[len - 1] == w[len - 2] && is_consonant(w, len - 1)
}

/// Consonant-vowel-consonant ending, the last consonant not w, x or y.
fn ends_cvc(w: &[u8], len: usize) -> bool {
    len >= 3
        && is_consonant(w, len - 1)
        && !is_consonant(w, len - 2)
        && is_consonant(w, len - 3)
        && !matches!(w[len - 1], b'w' | b'x' | b'y')
}

fn ends_with(w: &[u8], suffix: &str) -> bool {
    w.ends_with(suffix.as_bytes())
}

/// Replaces `suffix` by `replacement` when the stem before it has a measure above `min_m`.
fn replace_if(w: &mut Vec<u8>, suffix: &str, replacement: &str, min_m: usize) -> bool {
    if !ends_with(w, suffix) {
        return false;
    }
    let stem_len = w.len() - suffix.len();
    if measure(w, stem_len) > min_m {
        w.truncate(stem_len);
        w.extend_from_slice(replacement.as_bytes());
    }
    true
}

fn step_1a(w: &mut Vec<u8>) {
    if ends_with(w, "sses") || ends_with(w, "ies") {
        w.truncate(w.len() - 2);
    } else if ends_with(w, "ss") || ends_with(w, "us") || ends_with(w, "is") {
        // "ss" stays; "us"/"is" endings are not plurals (Porter2 keeps them too).
    } else if ends_with(w, "s") && w.len() > 3 {
        w.pop();
    }
}

fn step_1b(w: &mut Vec<u8>) {
    if ends_with(w, "eed") {
        let stem_len = w.len() - 3;
        if measure(w, stem_len) > 0 {
            w.pop();
        }
        return;
    }
    let cut = if ends_with(w, "ed") && has_vowel(w, w.len() - 2) {
        2
    } else if ends_with(w, "ing") && has_vowel(w, w.len() - 3) {
        3
    } else {
        return;
    };
    w.truncate(w.len() - cut);
    if ends_with(w, "at") || ends_with(w, "bl") || ends_with(w, "iz") {
        w.push(b'e');
    } else if ends_double_consonant(w, w.len()) && !matches!(w[w.len() - 1], b'l' | b's' | b'z') {
        w.pop();
    } else if measure(w, w.len()) == 1 && ends_cvc(w, w.len()) {
        w.push(b'e');
    }
}

fn step_1c(w: &mut [u8]) {
    let len = w.len();
    if len > 2 && w[len - 1] == b'y' && has_vowel(w, len - 1) {
        w[len - 1] = b'i';
    }
}

fn step_2(w: &mut Vec<u8>) {
    const RULES: &[(&str, &str)] = &[
        ("ational", "ate"),
        ("tional", "tion"),
        ("enci", "ence"),
        ("anci", "ance"),
        ("izer", "ize"),
        ("abli", "able"),
        ("alli", "al"),
        ("entli", "ent"),
        ("eli", "e"),
        ("ousli", "ous"),
        ("ization", "ize"),
        ("ation", "ate"),
        ("ator", "ate"),
        ("alism", "al"),
        ("iveness", "ive"),
        ("fulness", "ful"),
        ("ousness", "ous"),
        ("aliti", "al"),
        ("iviti", "ive"),
        ("biliti", "ble"),
    ];
    for (suffix, replacement) in RULES {
        if replace_if(w, suffix, replacement, 0) {
            return;
        }
    }
}

fn step_3(w: &mut Vec<u8>) {
    const RULES: &[(&str, &str)] = &[
        ("icate", "ic"),
        ("ative", ""),
        ("alize", "al"),
        ("iciti", "ic"),
        ("ical", "ic"),
        ("ful", ""),
        ("ness", ""),
    ];
    for (suffix, replacement) in RULES {
        if replace_if(w, suffix, replacement, 0) {
            return;
        }
    }
}

fn step_4(w: &mut Vec<u8>) {
    const SUFFIXES: &[&str] = &[
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion",
        "ou", "ism", "ate", "iti", "ous", "ive", "ize",
    ];
    for suffix in SUFFIXES {
        if !ends_with(w, suffix) {
            continue;
        }
        let stem_len = w.len() - suffix.len();
        // "ion" goes only after s or t ("adoption" -> "adopt", not "opinion" -> "opin").
        if *suffix == "ion" && !(stem_len > 0 && matches!(w[stem_len - 1], b's' | b't')) {
            return;
        }
        if measure(w, stem_len) > 1 {
            w.truncate(stem_len);
        }
        return;
    }
}

fn step_5(w: &mut Vec<u8>) {
    let len = w.len();
    if w[len - 1] == b'e' {
        let m = measure(w, len - 1);
        if m > 1 || (m == 1 && !ends_cvc(w, len - 1)) {
            w.pop();
        }
    }
    let len = w.len();
    if len > 1 && w[len - 1] == b'l' && w[len - 2] == b'l' && measure(w, len) > 1 {
        w.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::stem;

    #[test]
    fn porter_reference_cases() {
        let cases = [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("cats", "cat"),
            ("feed", "feed"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("motoring", "motor"),
            ("sing", "sing"),
            ("conflated", "conflat"),
            ("troubled", "troubl"),
            ("sized", "size"),
            ("hopping", "hop"),
            ("falling", "fall"),
            ("hissing", "hiss"),
            ("filing", "file"),
            ("happy", "happi"),
            ("relational", "relat"),
            ("conditional", "condit"),
            ("vietnamization", "vietnam"),
            ("hopefulness", "hope"),
            ("formality", "formal"),
            ("electrical", "electr"),
            ("adjustment", "adjust"),
            ("adoption", "adopt"),
            ("effective", "effect"),
            ("controlling", "control"),
            ("generalizations", "gener"),
        ];
        for (word, expected) in cases {
            assert_eq!(stem(word), expected, "{word}");
        }
    }

    #[test]
    fn inflections_share_a_stem() {
        for group in [
            &["wounded", "wounding", "wounds", "wound"][..],
            &["approve", "approved", "approval", "approving"],
            &["sold", "sell", "sells", "selling"],
            &["women", "woman"],
            &["won", "wins", "win", "winning"],
            &["died", "dies", "die"],
        ] {
            let first = stem(group[0]);
            for w in group {
                assert_eq!(stem(w), first, "{w} vs {}", group[0]);
            }
        }
    }

    #[test]
    fn short_and_non_ascii_words_pass_through() {
        assert_eq!(stem("us"), "us");
        assert_eq!(stem("côte"), "côte");
        assert_eq!(stem(""), "");
    }
}
