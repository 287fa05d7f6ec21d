//! The word lists the relation engine reads: function words, cues of negation, denial,
//! hedging and withdrawal, near-synonyms, and opposing pairs ("deepened" vs "reduced").
//!
//! Written here by hand for news English. Lists are kept as plain words; they are stemmed
//! once, on first use, with the same stemmer the claims go through, so an entry matches
//! every inflection of its word.

use super::stem::stem_into;
use std::collections::HashMap;
use std::sync::LazyLock;

/// A 64-bit FNV-1a hash: the compact key of a word or stem.
pub fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Classes of a word by its lower-case surface form (bit flags).
pub mod class {
    /// A function word: carries no content of its own.
    pub const STOP: u32 = 1;
    /// A content word too common to say what a claim is about ("said", "new", "also").
    pub const LIGHT: u32 = 1 << 1;
    /// Turns the words after it negative: "not", "never", "no".
    pub const NEGATION: u32 = 1 << 2;
    /// Negative when followed by "to": "failed to", "refused to", "declined to".
    pub const NEG_VERB: u32 = 1 << 3;
    /// Rejects a claim as a whole: "denies", "hoax", "fake", "debunked".
    pub const DENIAL: u32 = 1 << 4;
    /// Reports without asserting: "reportedly", "allegedly", "rumour".
    pub const HEDGE: u32 = 1 << 5;
    /// Modal of possibility: "may", "might", "could".
    pub const MODAL: u32 = 1 << 6;
    /// Speech or report verb: "said", "says", "claims", "report".
    pub const SPEECH: u32 = 1 << 7;
    /// Something reported: "rumours", "reports", "claims", "allegations".
    pub const REPORT_NOUN: u32 = 1 << 8;
    /// Rejecting a report: "slams", "dismisses", "rejects" ("slams rumours").
    pub const DISMISS: u32 = 1 << 9;
    /// Title before a name: "Mr", "Dr", "President".
    pub const TITLE: u32 = 1 << 10;
    /// Auxiliary of the passive voice ("was sold by").
    pub const BE: u32 = 1 << 11;
    /// Opens a question: "is", "has", "did", "who", "will".
    pub const QUESTION_OPENER: u32 = 1 << 12;
    /// Uncertainty about the facts: "unclear", "unknown", "doubt".
    pub const UNCERTAIN: u32 = 1 << 13;
    /// Withdrawal from something announced: "quits", "exits", "bails".
    pub const WITHDRAW: u32 = 1 << 14;
    /// Month name.
    pub const MONTH: u32 = 1 << 15;
    /// Negates what follows without "not": "skipped", "lack".
    pub const NEG_WORD: u32 = 1 << 16;
    /// Negates a following "-ing" form: "stopped selling".
    pub const STOP_VERB: u32 = 1 << 17;
    /// Stands between a subject and its verb: "has", "will", "not", "also".
    pub const AUXILIARY: u32 = 1 << 18;
    /// An aim, not a deed, when "to" follows: "plans to", "plotting to", "agreed to".
    pub const INTENT: u32 = 1 << 19;
    /// A request of someone else, when "someone to" follows: "asked the government to".
    pub const REQUEST: u32 = 1 << 20;
}

const STOPWORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "and",
    "or",
    "but",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "am",
    "has",
    "have",
    "had",
    "having",
    "do",
    "does",
    "did",
    "it",
    "its",
    "it's",
    "this",
    "that",
    "these",
    "those",
    "as",
    "into",
    "onto",
    "than",
    "then",
    "there",
    "their",
    "theirs",
    "they",
    "them",
    "he",
    "she",
    "his",
    "her",
    "hers",
    "him",
    "we",
    "our",
    "ours",
    "us",
    "you",
    "your",
    "yours",
    "i",
    "me",
    "my",
    "mine",
    "who",
    "whom",
    "whose",
    "which",
    "what",
    "when",
    "where",
    "why",
    "how",
    "if",
    "so",
    "such",
    "about",
    "after",
    "before",
    "over",
    "under",
    "up",
    "down",
    "out",
    "off",
    "again",
    "further",
    "once",
    "here",
    "all",
    "any",
    "both",
    "each",
    "few",
    "more",
    "most",
    "other",
    "some",
    "own",
    "same",
    "too",
    "very",
    "can",
    "will",
    "would",
    "shall",
    "should",
    "may",
    "might",
    "must",
    "could",
    "just",
    "also",
    "only",
    "while",
    "during",
    "through",
    "between",
    "among",
    "within",
    "without",
    "via",
    "per",
    "upon",
    "whether",
    "because",
    "since",
    "until",
    "though",
    "although",
    "yet",
    "either",
    "itself",
    "himself",
    "herself",
    "themselves",
    "ourselves",
    "yourself",
    "one's",
    "s",
    "t",
    "'s",
    "de",
    "la",
    "le",
    "el",
    "al",
    "von",
    "van",
    "da",
    "du",
    "der",
    "di",
    "now",
    "even",
    "still",
    "already",
    "ever",
    "just",
    "being",
    "whereas",
    "whilst",
    "amid",
    "amidst",
    "toward",
    "towards",
    "across",
    "along",
    "around",
    "behind",
    "beyond",
    "near",
    "inside",
    "outside",
    "like",
    "unlike",
    "not",
    "no",
    "never",
    "nor",
    "neither",
    "none",
    "n't",
];

const LIGHT_WORDS: &[&str] = &[
    "say",
    "said",
    "says",
    "tell",
    "told",
    "also",
    "new",
    "one",
    "make",
    "made",
    "take",
    "took",
    "get",
    "got",
    "go",
    "went",
    "come",
    "came",
    "time",
    "way",
    "thing",
    "many",
    "much",
    "well",
    "first",
    "last",
    "year",
    "years",
    "today",
    "yesterday",
    "week",
    "day",
    "people",
    "person",
    "report",
    "reports",
    "according",
    "accord",
    "include",
    "includes",
    "including",
    "recent",
    "recently",
    "currently",
    "later",
    "early",
    "other",
    "another",
    "several",
    "part",
    "number",
    "lot",
    "thing",
    "called",
    "known",
    "become",
    "became",
    "use",
    "used",
    "show",
    "shows",
    "set",
    "mr",
    "mrs",
    "ms",
    "dr",
    "really",
    "actually",
    "just",
    "make",
];

const NEGATIONS: &[&str] = &[
    "not", "n't", "never", "no", "none", "nobody", "nothing", "neither", "nor", "nowhere",
    "cannot", "without", "isnt", "wasnt", "dont", "doesnt", "didnt", "wont", "cant", "hasnt",
    "havent", "hadnt", "arent", "werent", "couldnt", "wouldnt", "shouldnt",
];

const NEG_VERBS: &[&str] = &[
    "fail", "fails", "failed", "refuse", "refuses", "refused", "decline", "declines", "declined",
    "unable",
];

/// Words that negate what follows them without "not": "skipped work" is "did not go to
/// work", "stopped selling" is "no longer sells".
const NEG_WORDS: &[&str] = &[
    "skip",
    "skips",
    "skipped",
    "skipping",
    "miss",
    "misses",
    "missed",
    "lack",
    "lacks",
    "lacked",
    "lacking",
    "least",
    "cancel",
    "cancels",
    "cancelled",
    "canceled",
    "cancelling",
    "scrap",
    "scraps",
    "scrapped",
    "abandon",
    "abandons",
    "abandoned",
];

/// Verbs that negate a following "-ing" form: "stopped selling".
const STOP_VERBS: &[&str] = &[
    "stop", "stops", "stopped", "stopping", "cease", "ceases", "ceased", "ceasing", "quit", "quits",
];

const DENIALS: &[&str] = &[
    "deny",
    "denies",
    "denied",
    "denying",
    "denial",
    "denials",
    "hoax",
    "hoaxes",
    "fake",
    "faked",
    "false",
    "falsely",
    "untrue",
    "debunk",
    "debunks",
    "debunked",
    "debunking",
    "myth",
    "satire",
    "satirical",
    "fabricated",
    "baseless",
    "bogus",
    "refute",
    "refutes",
    "refuted",
    "unfounded",
    "spoof",
    "disputed",
    "disputing",
];

const HEDGES: &[&str] = &[
    "reportedly",
    "allegedly",
    "purportedly",
    "supposedly",
    "apparently",
    "rumor",
    "rumors",
    "rumour",
    "rumours",
    "rumored",
    "rumoured",
    "unconfirmed",
    "speculation",
    "speculates",
    "speculate",
    "possibly",
    "perhaps",
    "maybe",
    "unverified",
    "claimed",
    "believed",
    "alleged",
    "suspected",
    "suspicion",
    "suspicions",
    "accused",
    "accusation",
    "accusations",
    "if",
    "unless",
    "whether",
];

const MODALS: &[&str] = &["may", "might", "could"];

const SPEECH: &[&str] = &[
    "say",
    "says",
    "said",
    "claim",
    "claims",
    "report",
    "reports",
    "reported",
    "told",
    "tells",
    "according",
    "suggest",
    "suggests",
    "suggested",
    "insist",
    "insists",
    "believe",
    "believes",
    "think",
    "thinks",
    "fear",
    "fears",
    "warn",
    "warns",
    "allege",
    "alleges",
];

const REPORT_NOUNS: &[&str] = &[
    "rumor",
    "rumors",
    "rumour",
    "rumours",
    "report",
    "reports",
    "claim",
    "claims",
    "allegation",
    "allegations",
    "story",
    "stories",
    "speculation",
    "accusation",
    "accusations",
];

const DISMISS: &[&str] = &[
    "slam",
    "slams",
    "slammed",
    "blast",
    "blasts",
    "blasted",
    "dismiss",
    "dismisses",
    "dismissed",
    "reject",
    "rejects",
    "rejected",
    "refute",
    "refutes",
    "refuted",
    "deny",
    "denies",
    "denied",
    "quash",
    "quashes",
    "quashed",
    "squash",
    "squashes",
    "squashed",
    "shoot",
    "shoots",
    "debunk",
    "debunks",
    "debunked",
    "laughs",
    "scotch",
    "scotches",
];

const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "capt",
    "captain",
    "gen",
    "general",
    "col",
    "colonel",
    "lt",
    "sgt",
    "president",
    "minister",
    "prime",
    "secretary",
    "senator",
    "sen",
    "rep",
    "gov",
    "governor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "chief",
    "judge",
    "st",
    "saint",
    "rev",
    "chairman",
    "ceo",
    "leader",
    "former",
    "late",
];

const BE: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "get", "got", "gets",
];

const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "will", "would", "can", "could", "may", "might", "shall", "should",
    "must", "do", "does", "did", "also", "just", "not", "n't", "never", "already", "still", "wo",
    "ca", "now",
];

const INTENTS: &[&str] = &[
    "plan",
    "plans",
    "planned",
    "planning",
    "plot",
    "plots",
    "plotted",
    "plotting",
    "intend",
    "intends",
    "intended",
    "intending",
    "want",
    "wants",
    "wanted",
    "wanting",
    "seek",
    "seeks",
    "sought",
    "seeking",
    "hope",
    "hopes",
    "hoped",
    "hoping",
    "expect",
    "expects",
    "expected",
    "expecting",
    "propose",
    "proposes",
    "proposed",
    "proposing",
    "proposal",
    "threaten",
    "threatens",
    "threatened",
    "threatening",
    "aim",
    "aims",
    "aimed",
    "aiming",
    "vow",
    "vows",
    "vowed",
    "promise",
    "promises",
    "promised",
    "pledge",
    "pledges",
    "pledged",
    "try",
    "tries",
    "tried",
    "trying",
    "attempt",
    "attempts",
    "attempted",
    "attempting",
    "bid",
    "offer",
    "offers",
    "offered",
    "prepare",
    "prepares",
    "prepared",
    "preparing",
    "likely",
    "effort",
    "efforts",
    "eager",
    "ready",
    "willing",
];

const REQUESTS: &[&str] = &[
    "ask",
    "asks",
    "asked",
    "asking",
    "urge",
    "urges",
    "urged",
    "urging",
    "call",
    "calls",
    "called",
    "calling",
    "invite",
    "invites",
    "invited",
    "encourage",
    "encourages",
    "encouraged",
    "press",
    "pressed",
    "pressing",
    "persuade",
    "persuaded",
    "request",
    "requested",
    "requests",
];

const QUESTION_OPENERS: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "did", "does", "do", "will", "would",
    "could", "can", "should", "who", "what", "why", "how", "where", "when", "which",
];

const UNCERTAIN: &[&str] = &[
    "unclear",
    "unknown",
    "doubt",
    "doubts",
    "uncertain",
    "uncertainty",
    "mystery",
    "questions",
    "questioned",
    "unsure",
    "speculation",
];

const WITHDRAW: &[&str] = &[
    "quit", "quits", "quitting", "exit", "exits", "exited", "bail", "bails", "bailed",
];

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Month number (1-12) of a lower-case month name or abbreviation.
pub fn month_number(lower: &str) -> Option<u8> {
    let n = match lower {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(n)
}

/// Near-synonyms: words in a group match each other. Groups are conservative: each word
/// could stand for the others in a news claim without changing what it asserts.
const SYNONYMS: &[&[&str]] = &[
    &["injure", "wound", "hurt", "injury"],
    &["kill", "slay", "slain"],
    &["die", "dead", "death", "perish", "deceased"],
    &["fire", "sack", "dismiss", "oust", "axe"],
    &["quit", "resign", "resignation"],
    &["buy", "purchase", "acquire", "acquisition"],
    &["sell", "sale"],
    &["start", "begin", "commence", "launch"],
    &["end", "finish", "conclude"],
    &["big", "large", "huge", "massive", "major"],
    &["small", "little", "tiny"],
    &["car", "vehicle", "automobile"],
    &["help", "aid", "assist"],
    &["show", "reveal", "display", "depict"],
    &["own", "possess", "owner"],
    &["child", "kid", "children"],
    &["man", "male"],
    &["woman", "female"],
    &["home", "house"],
    &["arrest", "detain", "apprehend"],
    &["attack", "assault", "strike", "airstrike"],
    &["plan", "scheme", "proposal", "propose"],
    &["allow", "permit", "let"],
    &["ban", "prohibit", "forbid", "outlaw"],
    &[
        "rise", "increase", "grow", "climb", "jump", "soar", "surge", "rose", "raise", "hike",
        "boost",
    ],
    &[
        "fall", "decrease", "decline", "drop", "plunge", "slump", "shrink",
    ],
    &["reduce", "cut", "lower", "lessen"],
    &["talk", "negotiation", "negotiate"],
    &["meet", "meeting"],
    &["elect", "election", "vote"],
    &["win", "victory", "triumph"],
    &["lose", "defeat", "loss"],
    &["government", "govt", "administration"],
    &["company", "firm", "corporation", "corp"],
    &["official", "officer"],
    &["police", "cop"],
    &["film", "movie", "picture", "biopic"],
    &["photo", "photograph", "picture", "image"],
    &["job", "post", "position", "role"],
    &["employee", "worker", "staff", "staffer"],
    &["layoff", "redundancy"],
    &["suicide"],
    &["doctor", "physician"],
    &["hospital", "hospitalize", "hospitalise"],
    &["crash", "collide", "collision"],
    &["discover", "find", "uncover", "unearth"],
    &["create", "make", "produce"],
    &["build", "construct"],
    &["say", "state", "tell", "announce"],
    &["try", "attempt"],
    &["need", "require"],
    &["rule", "govern"],
    &["agree", "agreement", "accord", "deal", "pact"],
    &["choose", "select", "pick"],
    &["leader", "chief", "head"],
    &["country", "nation", "state"],
    &["soldier", "troop"],
    &["death", "fatality"],
    &["award", "prize"],
    &["price", "cost"],
    &["steal", "theft", "rob", "robbery"],
    &["author", "writer"],
    &["relation", "relationship"],
    &["unemployment", "jobless"],
    &["fighter", "militant", "jihadist", "insurgent"],
    &["decide", "decision"],
    &["disclose", "divulge"],
    &["kidnap", "abduct", "abduction"],
    &["journalist", "reporter", "correspondent"],
    &["prison", "jail", "imprison"],
    &["aircraft", "plane", "airplane", "airliner"],
    &["ship", "vessel"],
    &["murder", "homicide"],
    &["arrive", "arrival"],
    &["depart", "departure"],
    // Countries and the words for their people, where the first four letters differ
    // (capitalised words sharing them already match: "Egypt", "Egyptian").
    &["france", "french"],
    &["spain", "spanish", "spaniard"],
    &["netherlands", "dutch", "holland"],
    &["switzerland", "swiss"],
    &["sweden", "swedish", "swede"],
    &["denmark", "danish", "dane"],
    &["finland", "finnish"],
    &["philippines", "filipino", "philippine"],
    &["britain", "british", "uk"],
    &["ireland", "irish"],
    &["wales", "welsh"],
    &["england", "english"],
    &["us", "usa", "america", "american"],
];

/// Specific words and broader words they entail: b's "murdered" supports a's "killed"
/// and "died", but a's "murdered" is not supported by b's "died". Matched one way only.
const BROADER: &[(&[&str], &[&str])] = &[
    (
        &["murder", "assassinate", "execute", "behead", "massacre"],
        &["kill", "die"],
    ),
    (&["kill"], &["die"]),
    (&["behead"], &["execute"]),
    (&["invade", "bomb", "airstrike", "shell"], &["attack"]),
    (&["laureate"], &["win", "award"]),
    (&["president", "premier"], &["leader"]),
    (&["marine", "paratrooper"], &["soldier"]),
    (
        &[
            "physicist",
            "chemist",
            "biologist",
            "astronomer",
            "geologist",
        ],
        &["scientist"],
    ),
    (&["novelist", "poet", "playwright"], &["author"]),
    (&["gun", "rifle", "pistol", "missile", "bomb"], &["weapon"]),
    (&["son", "daughter"], &["child"]),
    (&["imprison", "jail"], &["arrest"]),
    (
        &["marry", "wed", "marriage"],
        &["wife", "husband", "spouse"],
    ),
    (&["truck", "lorry", "bus"], &["vehicle"]),
];

/// Stems whose "-er" or "-or" is not an agent's ("water" is not one who wats): kept whole
/// when deriving roots.
const NOT_AGENT_NOUNS: &[&str] = &[
    "water",
    "paper",
    "power",
    "tower",
    "center",
    "centre",
    "letter",
    "better",
    "matter",
    "corner",
    "banner",
    "dinner",
    "officer",
    "governor",
    "later",
    "butter",
    "border",
    "order",
    "number",
    "member",
    "never",
    "over",
    "under",
    "after",
    "other",
    "either",
    "neither",
    "whether",
    "rather",
    "mother",
    "father",
    "brother",
    "sister",
    "daughter",
    "river",
    "silver",
    "summer",
    "winter",
    "cancer",
    "chapter",
    "weather",
    "monster",
    "finger",
    "major",
    "minor",
    "error",
    "honor",
    "honour",
    "floor",
    "door",
    "mirror",
    "sector",
    "factor",
    "doctor",
    "tractor",
    "meteor",
    "anchor",
    "mayor",
    "senator",
    "minister",
    "ambassador",
    "master",
    "poster",
    "proper",
    "upper",
    "former",
    "latter",
    "inner",
    "outer",
    "super",
];

/// The root of a stem for matching across derivations: "founder" and "founded",
/// "inventor" and "invented", "physicist" and "physics". Returns the stem unchanged when
/// it carries no agent suffix.
pub fn derivation_root(stem: &str) -> &str {
    let derived = ["er", "or", "ist", "li"].iter().any(|x| stem.ends_with(x));
    if !derived || !stem.is_ascii() || NOT_AGENT_NOUNS.contains(&stem) {
        return stem;
    }
    // Adverbs Porter leaves with "li": "recklessli" -> "reckless".
    if let Some(root) = stem.strip_suffix("li")
        && root.len() >= 5
    {
        return root;
    }
    for suffix in ["er", "or", "ist"] {
        if let Some(root) = stem.strip_suffix(suffix) {
            if root.len() < 3 {
                return stem;
            }
            // "winner" -> "win", "robber" -> "rob"; Porter keeps "ll", "ss", "zz".
            let b = root.as_bytes();
            let n = b.len();
            if n >= 4 && b[n - 1] == b[n - 2] && !matches!(b[n - 1], b'l' | b's' | b'z') {
                return &root[..n - 1];
            }
            return root;
        }
    }
    stem
}

/// Opposing pairs: (scale, positive words, negative words). A word on one side of a
/// scale contradicts a word on the other side said of the same thing.
const OPPOSITES: &[(&[&str], &[&str])] = &[
    (
        &[
            "increase",
            "rise",
            "grow",
            "growth",
            "climb",
            "deepen",
            "expand",
            "boost",
            "raise",
            "strengthen",
            "gain",
            "soar",
            "surge",
            "widen",
            "improve",
            "higher",
        ],
        &[
            "decrease", "fall", "reduce", "decline", "drop", "shrink", "cut", "weaken", "lower",
            "plunge", "slump", "narrow", "worsen", "lose", "loss", "diminish",
        ],
    ),
    (
        &["win", "victory", "won"],
        &["lose", "defeat", "loss", "lost"],
    ),
    (
        &[
            "accept", "approve", "approval", "pass", "adopt", "endorse", "ratify", "support",
            "favour", "favor", "receive", "get",
        ],
        &[
            "reject", "refuse", "decline", "oppose", "against", "veto", "block",
        ],
    ),
    (
        &["allow", "permit", "legalize", "legalise"],
        &["ban", "prohibit", "forbid", "outlaw"],
    ),
    (&["open", "reopen"], &["close", "shut"]),
    (
        &["alive", "survive", "survivor"],
        &["dead", "die", "kill", "death"],
    ),
    (
        &["guilty", "convict", "conviction"],
        &["innocent", "acquit", "acquittal"],
    ),
    (
        &["true", "real", "genuine", "confirm", "authentic"],
        &["false", "fake", "untrue", "deny", "hoax", "bogus"],
    ),
    (&["include", "inclusion"], &["exclude", "exclusion", "omit"]),
    (
        &["succeed", "success", "successful"],
        &["fail", "failure", "unsuccessful"],
    ),
    (&["legal", "lawful"], &["illegal", "unlawful"]),
    (
        &["profit", "earnings", "surplus"],
        &["loss", "lose", "deficit"],
    ),
    (
        &["hire", "employ", "recruit"],
        &["fire", "sack", "dismiss", "lay"],
    ),
    (&["join"], &["leave", "quit", "exit", "withdraw"]),
    (
        &["arrest", "capture", "detain", "imprison", "jail"],
        &["release", "freed"],
    ),
    (&["majority"], &["minority"]),
    (
        &["praise", "welcome", "applaud", "hail"],
        &["criticize", "criticise", "condemn", "slam", "denounce"],
    ),
    (&["easy", "easily"], &["difficult"]),
    (&["possible", "likely"], &["impossible", "unlikely"]),
    (&["agree"], &["disagree"]),
    (&["accuse", "blame"], &["exonerate", "absolve"]),
];

/// Everything the engine looks up, built once.
pub struct Lexicon {
    words: HashMap<u64, u32>,
    /// stem -> concept key shared by its synonym group.
    concepts: HashMap<u64, u64>,
    /// stem -> (scale, positive side).
    scales: HashMap<u64, Vec<(u16, bool)>>,
    /// stems of light words.
    light_stems: HashMap<u64, ()>,
    /// concept -> broader concepts it entails (at most three).
    broader: HashMap<u64, [u64; 3]>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::build);

/// The lexicon, built on first use.
pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

impl Lexicon {
    fn build() -> Lexicon {
        let mut words: HashMap<u64, u32> = HashMap::new();
        let lists: &[(&[&str], u32)] = &[
            (STOPWORDS, class::STOP),
            (LIGHT_WORDS, class::LIGHT),
            (NEGATIONS, class::NEGATION),
            (NEG_VERBS, class::NEG_VERB),
            (DENIALS, class::DENIAL),
            (HEDGES, class::HEDGE),
            (MODALS, class::MODAL),
            (SPEECH, class::SPEECH),
            (REPORT_NOUNS, class::REPORT_NOUN),
            (DISMISS, class::DISMISS),
            (TITLES, class::TITLE),
            (BE, class::BE),
            (QUESTION_OPENERS, class::QUESTION_OPENER),
            (UNCERTAIN, class::UNCERTAIN),
            (WITHDRAW, class::WITHDRAW),
            (MONTHS, class::MONTH),
            (NEG_WORDS, class::NEG_WORD),
            (STOP_VERBS, class::STOP_VERB),
            (AUXILIARIES, class::AUXILIARY),
            (INTENTS, class::INTENT),
            (REQUESTS, class::REQUEST),
        ];
        for (list, flag) in lists {
            for w in *list {
                *words.entry(hash_str(w)).or_default() |= flag;
            }
        }
        let mut buf = String::new();
        let mut stem_hash = |w: &str| {
            stem_into(w, &mut buf);
            hash_str(&buf)
        };
        let mut concepts = HashMap::new();
        for group in SYNONYMS {
            let key = stem_hash(group[0]);
            for w in *group {
                // A word in two groups keeps its first: groups must not chain.
                concepts.entry(stem_hash(w)).or_insert(key);
            }
        }
        let mut scales: HashMap<u64, Vec<(u16, bool)>> = HashMap::new();
        for (i, (positive, negative)) in OPPOSITES.iter().enumerate() {
            for (side, list) in [(true, positive), (false, negative)] {
                for w in list.iter() {
                    // By stem, not by concept: "decline" opposes "approve" but its synonym
                    // "fall" does not.
                    let entry = scales.entry(stem_hash(w)).or_default();
                    if !entry.contains(&(i as u16, side)) {
                        entry.push((i as u16, side));
                    }
                }
            }
        }
        let mut light_stems = HashMap::new();
        for w in LIGHT_WORDS {
            light_stems.insert(stem_hash(w), ());
        }
        let concept_of = |stem: u64| concepts.get(&stem).copied().unwrap_or(stem);
        let mut broader: HashMap<u64, [u64; 3]> = HashMap::new();
        for (specific, general) in BROADER {
            for w in specific.iter() {
                let entry = broader.entry(concept_of(stem_hash(w))).or_default();
                for g in general.iter() {
                    let c = concept_of(stem_hash(g));
                    if let Some(slot) = entry.iter_mut().find(|x| **x == 0 || **x == c) {
                        *slot = c;
                    }
                }
            }
        }
        Lexicon {
            words,
            concepts,
            scales,
            light_stems,
            broader,
        }
    }

    /// Classes of a lower-case surface word.
    pub fn word_class(&self, lower_hash: u64) -> u32 {
        self.words.get(&lower_hash).copied().unwrap_or(0)
    }

    /// The concept key of a stem: its synonym group's key, or the stem's own hash.
    pub fn concept(&self, stem_hash: u64) -> u64 {
        self.concepts.get(&stem_hash).copied().unwrap_or(stem_hash)
    }

    /// The opposing scales a stem sits on.
    pub fn scales(&self, stem_hash: u64) -> &[(u16, bool)] {
        self.scales
            .get(&stem_hash)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The broader concepts a concept entails ("murder" -> "kill", "die"); 0 fills the
    /// unused slots.
    pub fn broader(&self, concept: u64) -> [u64; 3] {
        self.broader.get(&concept).copied().unwrap_or_default()
    }

    pub fn is_light_stem(&self, stem_hash: u64) -> bool {
        self.light_stems.contains_key(&stem_hash)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::stem::stem;

    fn concept_of(w: &str) -> u64 {
        lexicon().concept(hash_str(&stem(w)))
    }

    #[test]
    fn synonyms_share_a_concept() {
        assert_eq!(concept_of("wounded"), concept_of("injured"));
        assert_eq!(concept_of("sacked"), concept_of("fired"));
        assert_ne!(concept_of("sacked"), concept_of("hired"));
    }

    #[test]
    fn opposites_sit_on_opposite_sides_of_a_scale() {
        let lex = lexicon();
        let deepened = lex.scales(hash_str(&stem("deepened")));
        let reduced = lex.scales(hash_str(&stem("reduced")));
        assert!(
            deepened
                .iter()
                .any(|(s, side)| reduced.iter().any(|(t, other)| s == t && side != other))
        );
    }

    #[test]
    fn derivations_share_a_root() {
        let root = |w: &str| derivation_root(&stem(w)).to_owned();
        assert_eq!(root("founder"), root("founded"));
        assert_eq!(root("inventor"), root("invented"));
        assert_eq!(root("winner"), root("wins"));
        assert_eq!(root("physicist"), root("physics"));
        assert_eq!(root("recklessly"), root("reckless"));
        assert_eq!(root("seller"), root("sells"));
        // Not every "-er" is one who does: "letter" is not one who lets.
        assert_ne!(root("letter"), root("let"));
        assert_ne!(root("corner"), root("corn"));
    }

    #[test]
    fn broader_words_are_entailed_one_way() {
        let lex = lexicon();
        assert!(
            lex.broader(concept_of("murdered"))
                .contains(&concept_of("killed"))
        );
        assert!(
            lex.broader(concept_of("killed"))
                .contains(&concept_of("died"))
        );
        assert!(
            !lex.broader(concept_of("died"))
                .contains(&concept_of("killed"))
        );
    }

    #[test]
    fn word_classes() {
        let lex = lexicon();
        assert!(lex.word_class(hash_str("reportedly")) & class::HEDGE != 0);
        assert!(lex.word_class(hash_str("not")) & class::NEGATION != 0);
        assert!(lex.word_class(hash_str("hoax")) & class::DENIAL != 0);
        assert_eq!(lex.word_class(hash_str("airstrike")), 0);
    }
}
