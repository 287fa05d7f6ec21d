//! Word lists the segmenter consults: English abbreviations and the classes that say how
//! each behaves before a capitalised word, words that commonly begin sentences, speech
//! verbs, and a few names that contain a sentence mark.
//!
//! Every table is sorted by its bytes (a unit test checks it); at compile time each word is
//! packed into a 128-bit integer, and a lookup is a binary search over integers with the
//! lower-cased token packed the same way: no allocation, no string comparison.

/// How an abbreviation behaves when it is followed by a space and another word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    /// A title before a name (`Dr.`, `Gen.`, `Sen.`): never ends a sentence.
    Title,
    /// Comes before a number (`Vol. 2`, `Fig. 3`, `pp. 12`): never ends a sentence before a
    /// number; otherwise like `Generic`.
    Prefix,
    /// `No.` before a number; otherwise the ordinary word "no".
    No,
    /// Company suffixes, months, states, `etc.`, `vs.`: ends a sentence only before a word
    /// that commonly begins one (`Inc. The ...` but `Inc. Chief Executive ...`).
    Generic,
    /// `e.g.`, `i.e.`, `P.S.`: never ends a sentence inside a line.
    Latin,
    /// `a.m.`, `p.m.`: ends a sentence before a capitalised word unless the clause opened
    /// with a preposition ("At 6 a.m. Mr. Smith arrived") or the word is a time zone.
    Time,
    /// `B.C.`, `C.E.`: like `Time`.
    Era,
    /// `A.D.`: like `Time`, but it also comes before a year (`A.D. 79`).
    EraPrefix,
    /// Academic degrees (`Ph.D.`, `M.D.`) and `etc.`: they close a phrase, so they end a
    /// sentence before any capitalised word.
    Final,
    /// `Jan.` to `Dec.`: like `Generic` (never before a number: `Jan. 5`).
    Month,
    /// `Mon.` to `Sun.`: end a sentence before a capitalised word other than a month
    /// (`Fri. Jan. 5`).
    Weekday,
    /// Units that are not English words (`lb.`, `oz.`, `ft.`, `mph.`): after a number they
    /// end a sentence before a capitalised word and never before a number (`5 ft. 6 in.`);
    /// elsewhere like `Generic`.
    Unit,
    /// Units that are also English words (`in.`, `min.`): a unit only after a number,
    /// otherwise the ordinary word.
    UnitWord,
    /// `sec.`, `pt.`: a unit after a number, otherwise a `Prefix` (`Sec. 4`).
    UnitOrPrefix,
}

const ABBREVIATIONS: &[(&str, Class, bool)] = &[
    ("a.d", Class::EraPrefix, false),
    ("a.k.a", Class::Latin, false),
    ("a.m", Class::Time, false),
    ("abbr", Class::Generic, false),
    ("acad", Class::Generic, false),
    ("adm", Class::Title, true),
    ("admin", Class::Generic, false),
    ("al", Class::Generic, false),
    ("ala", Class::Generic, true),
    ("amb", Class::Title, true),
    ("approx", Class::Generic, false),
    ("apr", Class::Month, true),
    ("apt", Class::Generic, false),
    ("ariz", Class::Generic, true),
    ("ark", Class::Generic, true),
    ("art", Class::Prefix, false),
    ("assn", Class::Generic, false),
    ("assoc", Class::Generic, false),
    ("asst", Class::Generic, false),
    ("atty", Class::Title, true),
    ("aug", Class::Month, true),
    ("ave", Class::Generic, false),
    ("avg", Class::Generic, false),
    ("b.a", Class::Final, false),
    ("b.c", Class::Era, false),
    ("b.c.e", Class::Era, false),
    ("b.ed", Class::Final, false),
    ("b.s", Class::Final, false),
    ("b.sc", Class::Final, false),
    ("bldg", Class::Generic, false),
    ("bln", Class::Generic, false),
    ("blvd", Class::Generic, false),
    ("brig", Class::Title, true),
    ("bros", Class::Generic, false),
    ("btw", Class::Generic, false),
    ("c.e", Class::Era, false),
    ("c.f", Class::Latin, false),
    ("ca", Class::Generic, false),
    ("cal", Class::UnitWord, false),
    ("calif", Class::Generic, true),
    ("capt", Class::Title, true),
    ("cca", Class::Generic, false),
    ("cdr", Class::Title, true),
    ("cf", Class::Generic, false),
    ("ch", Class::Prefix, false),
    ("chap", Class::Prefix, false),
    ("chs", Class::Prefix, false),
    ("cit", Class::Generic, false),
    ("cm", Class::Unit, false),
    ("cmdr", Class::Title, true),
    ("cmte", Class::Generic, false),
    ("co", Class::Generic, false),
    ("col", Class::Title, true),
    ("colo", Class::Generic, true),
    ("comdr", Class::Title, true),
    ("cong", Class::Generic, false),
    ("conn", Class::Generic, true),
    ("corp", Class::Generic, false),
    ("cos", Class::Generic, false),
    ("cpl", Class::Title, true),
    ("cpt", Class::Title, true),
    ("cu", Class::Unit, false),
    ("d.d.s", Class::Final, false),
    ("d.m.d", Class::Final, false),
    ("d.phil", Class::Final, false),
    ("d.v.m", Class::Final, false),
    ("dec", Class::Month, true),
    ("del", Class::Generic, true),
    ("dept", Class::Generic, false),
    ("depts", Class::Generic, false),
    ("det", Class::Title, true),
    ("dist", Class::Generic, false),
    ("div", Class::Generic, false),
    ("dr", Class::Title, true),
    ("drs", Class::Title, true),
    ("e.g", Class::Latin, false),
    ("e.g.s", Class::Latin, false),
    ("ed.d", Class::Final, false),
    ("ens", Class::Title, true),
    ("eq", Class::Prefix, false),
    ("eqs", Class::Prefix, false),
    ("esp", Class::Generic, false),
    ("esq", Class::Generic, false),
    ("est", Class::Generic, false),
    ("etc", Class::Final, false),
    ("excl", Class::Generic, false),
    ("ext", Class::Prefix, false),
    ("feb", Class::Month, true),
    ("fig", Class::Prefix, false),
    ("figs", Class::Prefix, false),
    ("fl", Class::Unit, false),
    ("fla", Class::Generic, true),
    ("fr", Class::Title, true),
    ("fri", Class::Weekday, true),
    ("ft", Class::Unit, false),
    ("fwy", Class::Generic, false),
    ("ga", Class::Generic, true),
    ("gal", Class::Unit, false),
    ("gals", Class::Unit, false),
    ("gen", Class::Title, true),
    ("gens", Class::Title, true),
    ("gov", Class::Title, true),
    ("govs", Class::Title, true),
    ("govt", Class::Generic, false),
    ("hon", Class::Title, true),
    ("hr", Class::UnitWord, false),
    ("hrs", Class::Unit, false),
    ("hwy", Class::Generic, false),
    ("i.e", Class::Latin, false),
    ("ibid", Class::Generic, false),
    ("ill", Class::Generic, true),
    ("in", Class::UnitWord, false),
    ("inc", Class::Generic, false),
    ("incl", Class::Generic, false),
    ("ind", Class::Generic, true),
    ("insp", Class::Title, true),
    ("intl", Class::Generic, false),
    ("j.d", Class::Final, false),
    ("jan", Class::Month, true),
    ("jr", Class::Generic, false),
    ("jul", Class::Month, true),
    ("jun", Class::Month, true),
    ("kan", Class::Generic, true),
    ("kans", Class::Generic, true),
    ("kg", Class::Unit, false),
    ("km", Class::Unit, false),
    ("kph", Class::Unit, false),
    ("ky", Class::Generic, true),
    ("la", Class::Generic, true),
    ("lb", Class::Unit, false),
    ("lbs", Class::Unit, false),
    ("lieut", Class::Title, true),
    ("ll.b", Class::Final, false),
    ("ll.d", Class::Final, false),
    ("ll.m", Class::Final, false),
    ("llc", Class::Generic, false),
    ("llp", Class::Generic, false),
    ("ln", Class::Generic, false),
    ("lt", Class::Title, true),
    ("ltd", Class::Generic, false),
    ("m.a", Class::Final, false),
    ("m.b.a", Class::Final, false),
    ("m.d", Class::Final, false),
    ("m.ed", Class::Final, false),
    ("m.p.h", Class::Final, false),
    ("m.phil", Class::Final, false),
    ("m.s", Class::Final, false),
    ("m.sc", Class::Final, false),
    ("maj", Class::Title, true),
    ("mar", Class::Month, true),
    ("mass", Class::Generic, true),
    ("md", Class::Generic, true),
    ("med", Class::Generic, false),
    ("messrs", Class::Title, true),
    ("mfg", Class::Generic, false),
    ("mg", Class::Unit, false),
    ("mi", Class::Unit, false),
    ("mich", Class::Generic, true),
    ("min", Class::UnitWord, false),
    ("minn", Class::Generic, true),
    ("mins", Class::Unit, false),
    ("misc", Class::Generic, false),
    ("miss", Class::Generic, true),
    ("ml", Class::Unit, false),
    ("mlle", Class::Title, true),
    ("mln", Class::Generic, false),
    ("mm", Class::Unit, false),
    ("mme", Class::Title, true),
    ("mmes", Class::Title, true),
    ("mo", Class::Generic, true),
    ("mon", Class::Weekday, true),
    ("mont", Class::Generic, true),
    ("mos", Class::Generic, false),
    ("mph", Class::Unit, false),
    ("mr", Class::Title, true),
    ("mrs", Class::Title, true),
    ("ms", Class::Title, true),
    ("msgr", Class::Title, true),
    ("mssrs", Class::Title, true),
    ("mt", Class::Generic, false),
    ("mtn", Class::Generic, false),
    ("mx", Class::Title, true),
    ("n.b", Class::Latin, false),
    ("natl", Class::Generic, false),
    ("neb", Class::Generic, true),
    ("nev", Class::Generic, true),
    ("no", Class::No, false),
    ("nos", Class::Prefix, false),
    ("nov", Class::Month, true),
    ("nr", Class::Prefix, false),
    ("oct", Class::Month, true),
    ("okla", Class::Generic, true),
    ("op", Class::Prefix, false),
    ("ore", Class::Generic, true),
    ("orig", Class::Generic, false),
    ("oz", Class::Unit, false),
    ("p.m", Class::Time, false),
    ("p.o", Class::Latin, false),
    ("p.s", Class::Latin, false),
    ("pa", Class::Generic, true),
    ("para", Class::Prefix, false),
    ("paras", Class::Prefix, false),
    ("pct", Class::Generic, false),
    ("penn", Class::Generic, true),
    ("pfc", Class::Title, true),
    ("pg", Class::Prefix, false),
    ("pgs", Class::Prefix, false),
    ("ph.d", Class::Final, false),
    ("pkwy", Class::Generic, false),
    ("pl", Class::Generic, false),
    ("plc", Class::Generic, false),
    ("pp", Class::Prefix, false),
    ("pres", Class::Title, true),
    ("prof", Class::Title, true),
    ("profs", Class::Title, true),
    ("psy.d", Class::Final, false),
    ("pt", Class::UnitOrPrefix, false),
    ("pts", Class::Generic, false),
    ("pty", Class::Generic, false),
    ("pvt", Class::Title, true),
    ("q.v", Class::Latin, false),
    ("qt", Class::Unit, false),
    ("qtr", Class::Generic, false),
    ("qts", Class::Unit, false),
    ("r.n", Class::Final, false),
    ("rd", Class::Generic, false),
    ("ref", Class::Prefix, false),
    ("refs", Class::Prefix, false),
    ("rep", Class::Title, true),
    ("reps", Class::Title, true),
    ("resp", Class::Generic, false),
    ("rev", Class::Title, true),
    ("rs", Class::Prefix, false),
    ("rt", Class::Title, true),
    ("sat", Class::Weekday, true),
    ("sec", Class::UnitOrPrefix, false),
    ("secs", Class::UnitOrPrefix, false),
    ("sen", Class::Title, true),
    ("sens", Class::Title, true),
    ("sep", Class::Month, true),
    ("sept", Class::Month, true),
    ("sgt", Class::Title, true),
    ("spc", Class::Title, true),
    ("sq", Class::Unit, false),
    ("sr", Class::Generic, false),
    ("st", Class::Generic, false),
    ("ste", Class::Generic, false),
    ("sun", Class::Weekday, true),
    ("supt", Class::Title, true),
    ("tbsp", Class::Unit, false),
    ("tel", Class::Prefix, false),
    ("tenn", Class::Generic, true),
    ("tex", Class::Generic, true),
    ("thu", Class::Weekday, true),
    ("thur", Class::Weekday, true),
    ("thurs", Class::Weekday, true),
    ("tsp", Class::Unit, false),
    ("tue", Class::Weekday, true),
    ("tues", Class::Weekday, true),
    ("twp", Class::Generic, false),
    ("univ", Class::Generic, false),
    ("va", Class::Generic, true),
    ("viz", Class::Latin, false),
    ("vol", Class::Prefix, false),
    ("vols", Class::Prefix, false),
    ("vs", Class::Generic, false),
    ("vt", Class::Generic, true),
    ("wash", Class::Generic, true),
    ("wed", Class::Weekday, true),
    ("wis", Class::Generic, true),
    ("wisc", Class::Generic, true),
    ("wk", Class::Generic, false),
    ("wks", Class::Generic, false),
    ("wyo", Class::Generic, true),
    ("yd", Class::Unit, false),
    ("yds", Class::Unit, false),
    ("yr", Class::Generic, false),
    ("yrs", Class::Generic, false),
];
const SENTENCE_STARTERS: &[&str] = &[
    "about",
    "above",
    "according",
    "after",
    "afterward",
    "afterwards",
    "again",
    "all",
    "along",
    "also",
    "although",
    "always",
    "among",
    "an",
    "and",
    "another",
    "any",
    "anyone",
    "anything",
    "as",
    "at",
    "because",
    "before",
    "besides",
    "billions",
    "both",
    "but",
    "by",
    "consequently",
    "currently",
    "despite",
    "dozens",
    "during",
    "each",
    "earlier",
    "eight",
    "either",
    "even",
    "eventually",
    "every",
    "everyone",
    "few",
    "finally",
    "first",
    "five",
    "for",
    "four",
    "from",
    "further",
    "furthermore",
    "he",
    "hence",
    "her",
    "here",
    "his",
    "how",
    "however",
    "hundreds",
    "i",
    "if",
    "in",
    "indeed",
    "instead",
    "it",
    "its",
    "just",
    "last",
    "later",
    "less",
    "many",
    "meanwhile",
    "millions",
    "more",
    "moreover",
    "most",
    "much",
    "my",
    "neither",
    "never",
    "nevertheless",
    "next",
    "nine",
    "no",
    "none",
    "nonetheless",
    "nor",
    "not",
    "nothing",
    "now",
    "of",
    "often",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "otherwise",
    "our",
    "overall",
    "perhaps",
    "previously",
    "rather",
    "recently",
    "second",
    "seven",
    "several",
    "she",
    "similarly",
    "since",
    "six",
    "so",
    "some",
    "someone",
    "something",
    "sometimes",
    "soon",
    "still",
    "subsequently",
    "such",
    "ten",
    "that",
    "the",
    "their",
    "then",
    "there",
    "therefore",
    "these",
    "they",
    "third",
    "this",
    "those",
    "though",
    "thousands",
    "three",
    "thus",
    "to",
    "today",
    "together",
    "tomorrow",
    "two",
    "under",
    "unlike",
    "until",
    "we",
    "what",
    "when",
    "whenever",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "with",
    "within",
    "without",
    "yesterday",
    "yet",
    "you",
    "your",
];
const RUN_ON_STARTERS: &[&str] = &[
    "according",
    "after",
    "an",
    "at",
    "but",
    "during",
    "following",
    "he",
    "however",
    "in",
    "on",
    "she",
    "the",
    "these",
    "they",
    "this",
    "we",
    "when",
    "while",
];
const MONTH_NAMES: &[&str] = &[
    "april",
    "august",
    "december",
    "february",
    "january",
    "july",
    "june",
    "march",
    "may",
    "november",
    "october",
    "september",
];
const DAY_NAMES: &[&str] = &[
    "friday",
    "monday",
    "saturday",
    "sunday",
    "thursday",
    "tuesday",
    "wednesday",
];
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "in", "nor", "of", "off", "on", "or", "out",
    "per", "so", "the", "to", "up", "via", "yet",
];
const HONORIFICS: &[&str] = &[
    "dr", "messrs", "miss", "mlle", "mme", "mmes", "mr", "mrs", "ms", "prof",
];
const CREDIT_LABELS: &[&str] = &[
    "credit",
    "graphic",
    "illustration",
    "image",
    "photo",
    "photograph",
    "picture",
    "video",
];
const PRONOUN_STARTERS: &[&str] = &[
    "and", "but", "he", "her", "his", "however", "it", "its", "she", "that", "the", "their",
    "there", "these", "they", "this", "those", "we",
];
const FRONTING_PREPOSITIONS: &[&str] = &[
    "about",
    "after",
    "approximately",
    "around",
    "at",
    "before",
    "between",
    "by",
    "circa",
    "during",
    "early",
    "from",
    "in",
    "late",
    "near",
    "on",
    "shortly",
    "since",
    "till",
    "toward",
    "towards",
    "until",
];
const SPEECH_VERBS: &[&str] = &[
    "acknowledged",
    "added",
    "adds",
    "admitted",
    "agreed",
    "answered",
    "answers",
    "argued",
    "argues",
    "asked",
    "asks",
    "asserted",
    "claimed",
    "claims",
    "conceded",
    "continued",
    "countered",
    "cried",
    "cries",
    "declared",
    "demanded",
    "exclaimed",
    "explained",
    "explains",
    "insisted",
    "insists",
    "joked",
    "laughed",
    "murmured",
    "mused",
    "muttered",
    "noted",
    "notes",
    "observed",
    "pleaded",
    "posted",
    "quipped",
    "recalled",
    "recalls",
    "remarked",
    "remarks",
    "replied",
    "replies",
    "responded",
    "said",
    "say",
    "says",
    "screamed",
    "shouted",
    "shouts",
    "sighed",
    "stated",
    "states",
    "suggested",
    "tells",
    "told",
    "tweeted",
    "warned",
    "warns",
    "whispered",
    "wondered",
    "wonders",
    "writes",
    "wrote",
    "yelled",
];
const EXCLAMATION_NAMES: &[&str] = &["jeopardy", "yahoo"];
const ROMAN_NUMERALS: &[&str] = &[
    "i", "ii", "iii", "iv", "ix", "v", "vi", "vii", "viii", "x", "xi", "xii", "xiii", "xiv", "xv",
];

/// The longest token worth looking up: longer ones are never abbreviations.
const MAX_LOOKUP: usize = 16;

/// A word of at most 16 bytes packed into an integer, big-endian and zero-padded, so that
/// integer order is the words' byte order: lookups compare integers, not strings.
const fn pack(word: &[u8]) -> u128 {
    let mut key = 0u128;
    let mut i = 0;
    while i < MAX_LOOKUP {
        key <<= 8;
        if i < word.len() {
            key |= word[i] as u128;
        }
        i += 1;
    }
    key
}

const fn pack_all<const N: usize>(words: &[&str]) -> [u128; N] {
    let mut keys = [0u128; N];
    let mut i = 0;
    while i < N {
        keys[i] = pack(words[i].as_bytes());
        i += 1;
    }
    keys
}

const fn pack_abbreviations<const N: usize>(entries: &[(&str, Class, bool)]) -> [u128; N] {
    let mut keys = [0u128; N];
    let mut i = 0;
    while i < N {
        keys[i] = pack(entries[i].0.as_bytes());
        i += 1;
    }
    keys
}

static ABBREVIATION_KEYS: [u128; ABBREVIATIONS.len()] = pack_abbreviations(ABBREVIATIONS);
static SENTENCE_STARTER_KEYS: [u128; SENTENCE_STARTERS.len()] = pack_all(SENTENCE_STARTERS);
static RUN_ON_STARTER_KEYS: [u128; RUN_ON_STARTERS.len()] = pack_all(RUN_ON_STARTERS);
static MONTH_NAME_KEYS: [u128; MONTH_NAMES.len()] = pack_all(MONTH_NAMES);
static DAY_NAME_KEYS: [u128; DAY_NAMES.len()] = pack_all(DAY_NAMES);
static TITLE_SMALL_WORD_KEYS: [u128; TITLE_SMALL_WORDS.len()] = pack_all(TITLE_SMALL_WORDS);
static HONORIFIC_KEYS: [u128; HONORIFICS.len()] = pack_all(HONORIFICS);
static CREDIT_LABEL_KEYS: [u128; CREDIT_LABELS.len()] = pack_all(CREDIT_LABELS);
static PRONOUN_STARTER_KEYS: [u128; PRONOUN_STARTERS.len()] = pack_all(PRONOUN_STARTERS);
static FRONTING_PREPOSITION_KEYS: [u128; FRONTING_PREPOSITIONS.len()] =
    pack_all(FRONTING_PREPOSITIONS);
static SPEECH_VERB_KEYS: [u128; SPEECH_VERBS.len()] = pack_all(SPEECH_VERBS);
static EXCLAMATION_NAME_KEYS: [u128; EXCLAMATION_NAMES.len()] = pack_all(EXCLAMATION_NAMES);
static ROMAN_NUMERAL_KEYS: [u128; ROMAN_NUMERALS.len()] = pack_all(ROMAN_NUMERALS);

/// The lookup key of an ASCII token, lower-cased; `None` if it is empty, too long or not
/// ASCII (then it is in no table).
fn lookup_key(token: &str) -> Option<u128> {
    let bytes = token.as_bytes();
    if bytes.is_empty() || bytes.len() > MAX_LOOKUP || !bytes.is_ascii() {
        return None;
    }
    let mut buf = [0u8; MAX_LOOKUP];
    for (out, b) in buf.iter_mut().zip(bytes) {
        *out = b.to_ascii_lowercase();
    }
    Some(pack(&buf))
}

fn contains(keys: &[u128], token: &str) -> bool {
    lookup_key(token).is_some_and(|key| keys.binary_search(&key).is_ok())
}

/// The class of an abbreviation, if `token` (without its final period) is one. Entries
/// marked as needing a capital (`Sat.`, `Wash.`, `Dr.`) match a capitalised token ("Dec",
/// not "dec"), and one in capitals only when `shouting` (the text around is in capitals
/// too: "PVT. LTD.", but not the acronyms in "the DEC. It" or "with MS. Final").
pub(super) fn abbreviation(token: &str, shouting: bool) -> Option<Class> {
    let key = lookup_key(token)?;
    let i = ABBREVIATION_KEYS.binary_search(&key).ok()?;
    let (_, class, needs_capital) = ABBREVIATIONS[i];
    if needs_capital {
        let (first, rest) = token.as_bytes().split_at(1);
        let capitalised = first[0].is_ascii_uppercase() && !rest.iter().any(u8::is_ascii_uppercase);
        let capitals = token.bytes().all(|c| !c.is_ascii_lowercase());
        if !(capitalised || shouting && capitals) {
            return None;
        }
    }
    Some(class)
}

/// A word that commonly begins a sentence: after an ambiguous abbreviation, it is the
/// evidence that the abbreviation's period also ended the sentence.
pub(super) fn is_sentence_starter(word: &str) -> bool {
    contains(&SENTENCE_STARTER_KEYS, word)
}

/// Pronouns, determiners and conjunctions: the only words after which a single capital
/// letter with a period (an initial, "Lloyd J. Austin") is taken to end a sentence.
pub(super) fn is_pronoun_starter(word: &str) -> bool {
    contains(&PRONOUN_STARTER_KEYS, word)
}

pub(super) fn is_fronting_preposition(word: &str) -> bool {
    contains(&FRONTING_PREPOSITION_KEYS, word)
}

/// Function words that are capitalised only at a sentence start.
pub(super) fn is_run_on_starter(word: &str) -> bool {
    // Case-sensitive: "In", not "IN" or "in".
    word.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
        && word.as_bytes()[1..].iter().all(u8::is_ascii_lowercase)
        && contains(&RUN_ON_STARTER_KEYS, word)
}

pub(super) fn is_month_name(word: &str) -> bool {
    contains(&MONTH_NAME_KEYS, word)
}

/// Words that title case leaves in small letters ("Love After the Storm").
pub(super) fn is_title_small_word(word: &str) -> bool {
    contains(&TITLE_SMALL_WORD_KEYS, word)
}

/// Personal titles (`Mr`, `Mrs`, `Ms`, `Dr`, ...), with or without their period.
pub(super) fn is_honorific(word: &str) -> bool {
    contains(&HONORIFIC_KEYS, word)
}

/// Names of the months and of the days of the week.
pub(super) fn is_day_or_month_name(word: &str) -> bool {
    is_month_name(word) || contains(&DAY_NAME_KEYS, word)
}

/// Labels of a picture's credit line ("Image: ...", "Photo: ...").
pub(super) fn is_credit_label(word: &str) -> bool {
    contains(&CREDIT_LABEL_KEYS, word)
}

pub(super) fn is_speech_verb(word: &str) -> bool {
    contains(&SPEECH_VERB_KEYS, word)
}

/// Names written with an exclamation mark ("Yahoo! Research").
pub(super) fn is_exclamation_name(word: &str) -> bool {
    contains(&EXCLAMATION_NAME_KEYS, word)
}

pub(super) fn is_roman_numeral(word: &str) -> bool {
    contains(&ROMAN_NUMERAL_KEYS, word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_sorted(name: &str, words: impl Iterator<Item = &'static str>) {
        let words: Vec<_> = words.collect();
        for pair in words.windows(2) {
            assert!(
                pair[0].as_bytes() < pair[1].as_bytes(),
                "{name}: {:?} must come before {:?} (sorted, no duplicates)",
                pair[1],
                pair[0]
            );
        }
        for w in &words {
            assert!(
                w.len() <= MAX_LOOKUP && *w == w.to_ascii_lowercase(),
                "{name}: {w}"
            );
        }
    }

    #[test]
    fn tables_are_sorted_lowercase_and_short() {
        assert_sorted("ABBREVIATIONS", ABBREVIATIONS.iter().map(|e| e.0));
        assert_sorted("SENTENCE_STARTERS", SENTENCE_STARTERS.iter().copied());
        assert_sorted("RUN_ON_STARTERS", RUN_ON_STARTERS.iter().copied());
        assert_sorted("MONTH_NAMES", MONTH_NAMES.iter().copied());
        assert_sorted("DAY_NAMES", DAY_NAMES.iter().copied());
        assert_sorted("TITLE_SMALL_WORDS", TITLE_SMALL_WORDS.iter().copied());
        assert_sorted("HONORIFICS", HONORIFICS.iter().copied());
        assert_sorted("CREDIT_LABELS", CREDIT_LABELS.iter().copied());
        assert_sorted("PRONOUN_STARTERS", PRONOUN_STARTERS.iter().copied());
        assert_sorted(
            "FRONTING_PREPOSITIONS",
            FRONTING_PREPOSITIONS.iter().copied(),
        );
        assert_sorted("SPEECH_VERBS", SPEECH_VERBS.iter().copied());
        assert_sorted("EXCLAMATION_NAMES", EXCLAMATION_NAMES.iter().copied());
        assert_sorted("ROMAN_NUMERALS", ROMAN_NUMERALS.iter().copied());
    }

    #[test]
    fn looks_up_case_insensitively_with_capital_rules() {
        assert_eq!(abbreviation("Dr", false), Some(Class::Title));
        assert_eq!(abbreviation("dr", false), None, "titles are capitalised");
        assert_eq!(abbreviation("MS", false), None, "an acronym, not a title");
        assert_eq!(
            abbreviation("PVT", true),
            Some(Class::Title),
            "in a line in capitals"
        );
        assert_eq!(
            abbreviation("U.S", false),
            None,
            "unknown dotted forms are classed by shape"
        );
        assert_eq!(abbreviation("Ph.D", false), Some(Class::Final));
        assert_eq!(abbreviation("P.M", false), Some(Class::Time));
        assert_eq!(abbreviation("Sat", false), Some(Class::Weekday));
        assert_eq!(abbreviation("sat", false), None, "the verb");
        assert_eq!(abbreviation("averyveryverylongtoken", false), None);
        assert_eq!(abbreviation("café", false), None);
        assert!(is_sentence_starter("The"));
        assert!(is_sentence_starter("HOWEVER"));
        assert!(!is_sentence_starter("Smith"));
        assert!(is_speech_verb("said"));
    }
}
