//! The word lists the rules read. Kept here, in one place, so an editor can see what the
//! audit knows; a config adds to the lists marked so (vague phrases, loaded verbs,
//! anonymity reasons).

use super::config::AuditConfig;
use super::phrases::PhraseSet;

/// Verbs and phrases that attribute a whole statement to a source ("X said that ...").
/// A sentence with one of these outside quotation marks counts as attributed.
#[rustfmt::skip]
pub const SOURCE_CUES: &[&str] = &[
    "say", "says", "said", "saying", "tell", "tells", "told", "telling", "add", "adds", "added",
    "adding", "state", "states", "stated", "report", "reports", "reported", "reporting",
    "announce", "announces", "announced", "confirm", "confirms", "confirmed", "reveal",
    "reveals", "revealed", "write", "writes", "wrote", "written", "estimate", "estimates",
    "estimated", "explain", "explains", "explained", "note", "notes", "noted", "warn", "warns",
    "warned", "argue", "argues", "argued", "claim", "claims", "claimed", "insist", "insists",
    "insisted", "admit", "admits", "admitted", "concede", "concedes", "conceded", "allege",
    "alleges", "alleged", "acknowledge", "acknowledges", "acknowledged", "testify", "testified",
    "predict", "predicts", "predicted", "cite", "cites", "cited", "citing", "quote", "quoted",
    "found", "finds", "show", "shows", "showed", "shown", "deny", "denies", "denied", "accuse",
    "accuses", "accused", "believe", "believes", "believed", "reiterate", "reiterates",
    "reiterated", "reiterating", "stress", "stresses", "stressed", "disclose", "discloses",
    "disclosed", "suggest", "suggests", "suggested", "likened", "likens", "maintain",
    "maintains", "maintained", "contend", "contends", "contended", "assert", "asserts",
    "asserted", "declare", "declares", "declared", "indicate", "indicates", "indicated",
    "tweeted", "posted", "briefed", "according", "stating", "confirming", "revealing",
    "writing", "estimating", "explaining", "noting", "warning", "arguing", "claiming",
    "insisting", "admitting", "conceding", "alleging", "acknowledging", "testifying",
    "predicting", "denying", "accusing", "believing", "stressing", "disclosing",
    "suggesting", "maintaining", "contending", "asserting", "declaring", "announcing",
    "spoke", "speaking", "promise", "promised", "promises", "pledge", "pledged", "pledges",
    "vow", "vowed", "vows", "urge", "urged", "urges", "urging",
];

/// Nouns for documents and data that source a statement ("in the poll", "the report
/// found"): after "in/from/by/under" and a determiner, they attribute the sentence.
#[rustfmt::skip]
pub const DOCUMENT_NOUNS: &[&str] = &[
    "poll", "polls", "survey", "surveys", "report", "reports", "study", "studies", "statement",
    "statements", "interview", "interviews", "letter", "letters", "filing", "filings",
    "lawsuit", "complaint", "memo", "data", "census", "analysis", "document", "documents",
    "records", "figures", "estimates", "audit", "review", "investigation", "testimony",
    "ruling", "indictment", "affidavit", "release", "transcript", "court", "email", "emails",
    "post", "tweet", "video", "speech", "briefing", "budget", "forecast", "assessment",
];

/// Subjects for which "alleged" is the right word: a formal accusation.
#[rustfmt::skip]
pub const LEGAL_SUBJECTS: &[&str] = &[
    "indictment", "complaint", "lawsuit", "suit", "prosecutors", "prosecution", "plaintiffs",
    "plaintiff", "charges", "filing", "filings", "petition", "police", "court", "attorneys",
    "lawyers", "prosecutor", "regulators", "government", "charge", "affidavit", "warrant",
];

/// Words that introduce a quotation besides the source cues: "called it a", "described
/// it as", "asked", "replied".
#[rustfmt::skip]
pub const QUOTE_CUES: &[&str] = &[
    "ask", "asks", "asked", "asking", "call", "calls", "called", "calling", "describe",
    "describes", "described", "describing", "dub", "dubbed", "label", "labelled", "labeled",
    "term", "termed", "reply", "replies", "replied", "respond", "responds", "responded",
    "remark", "remarked", "recall", "recalls", "recalled", "urge", "urges", "urged", "urging",
    "pledge", "pledged", "vow", "vowed", "vows", "promise", "promised", "promises", "joke",
    "joked", "quip", "quipped", "caution", "cautioned", "complain", "complained", "complains",
    "continue", "continued", "continues", "put", "spoke", "speaking", "speaks", "told", "tweet",
    "tweets", "wrote", "agree", "agreed", "agrees", "exclaimed", "shouted", "yelled",
    "whispered", "muttered", "pleaded", "demanded", "boasted", "bragged", "thinks", "think",
    "thought", "hopes", "hoped", "feels", "felt", "branded", "praised", "criticised",
    "criticized", "mocked", "dismissed", "titled", "headlined", "chanted", "read", "reads",
];

/// Attribution verbs that pass judgement on what is said. The config's `loaded-verbs` adds.
#[rustfmt::skip]
pub const LOADED_VERBS: &[&str] = &[
    "claim", "claims", "claimed", "claiming", "admit", "admits", "admitted", "admitting",
    "concede", "concedes", "conceded", "conceding", "insist", "insists", "insisted",
    "insisting", "allege", "alleges", "alleged", "alleging", "confess", "confesses",
    "confessed", "boast", "boasts", "boasted", "brag", "brags", "bragged", "purported",
];

/// Groups that, with a verb of saying or believing and nothing saying who they are, make
/// a vague attribution.
#[rustfmt::skip]
const VAGUE_SUBJECTS: &[&str] = &[
    "analysts", "critics", "experts", "observers", "commentators", "pundits", "insiders",
    "economists", "scientists", "researchers", "historians", "scholars", "skeptics", "sceptics",
    "supporters", "opponents", "detractors", "people", "watchers", "advocates", "backers",
    "proponents", "activists", "campaigners",
];

/// Quantifiers that are a vague subject on their own ("some say", "many believe"), with
/// the verbs that cannot be read as nouns after them ("some doubt" can).
const VAGUE_QUANTIFIERS: &[&str] = &["some", "many"];
#[rustfmt::skip]
const VAGUE_QUANTIFIER_VERBS: &[&str] = &[
    "say", "said", "believe", "believed", "think", "thought", "argue", "argued", "contend",
    "contended", "warned", "suggest", "suggested", "claim", "claimed", "have said",
    "have argued", "have suggested", "have warned", "have claimed",
];

#[rustfmt::skip]
const VAGUE_QUALIFIERS: &[&str] = &[
    "", "some ", "many ", "most ", "several ", "other ", "a few ", "a number of ", "numerous ",
];

#[rustfmt::skip]
const VAGUE_VERBS: &[&str] = &[
    "say", "says", "said", "believe", "believes", "believed", "think", "thinks", "argue",
    "argues", "argued", "contend", "contended", "warn", "warned", "suggest", "suggested",
    "fear", "feared", "worry", "worried", "claim", "claimed", "note", "noted", "agree",
    "agreed", "predict", "predicted", "expect", "expected", "point out", "pointed out",
    "question", "questioned", "doubt", "caution", "cautioned", "estimate", "estimated",
    "maintain", "insist", "charge", "charged", "complain", "complained", "speculate",
    "speculated", "reckon", "feel", "felt", "have said", "have argued", "have warned",
    "have suggested", "have noted", "have questioned", "have long argued", "have long said",
    "have claimed", "have pointed out", "have speculated", "would say", "will say",
];

/// Agentless or all-purpose attributions.
#[rustfmt::skip]
const VAGUE_FIXED: &[&str] = &[
    "it is widely believed", "it is believed", "it is thought", "it is widely thought",
    "it is said", "it is claimed", "it is understood", "it has been reported", "it is reported",
    "it is rumoured", "it is rumored", "it is alleged", "it has been suggested",
    "it has been said", "it is widely held", "it is widely accepted",
    "it is generally believed", "it is generally accepted", "it is widely known",
    "it is often said", "it is commonly believed", "is widely believed", "is widely seen as",
    "is widely thought", "is widely regarded as", "are widely believed", "are widely seen as",
    "there are those who", "questions have been raised", "concerns have been raised",
    "studies show", "studies have shown", "studies suggest", "research shows",
    "research suggests", "research has shown", "reports say", "reports suggest",
    "reports suggested", "according to observers", "according to analysts",
    "according to experts", "according to critics", "according to some", "according to many",
    "according to insiders", "according to commentators", "according to economists",
    "according to reports", "according to some analysts", "according to some experts",
    "according to many experts", "according to many analysts", "according to most experts",
    "according to most analysts", "according to some observers", "according to one analyst",
    "according to one expert", "experts agree", "analysts agree", "critics charge",
    "observers note",
];

/// Heads of noun phrases that make an unnamed source when they say something.
#[rustfmt::skip]
pub const ANONYMOUS_HEADS: &[&str] = &[
    "source", "sources", "official", "officials", "diplomat", "diplomats", "insider",
    "insiders", "aide", "aides", "staffer", "staffers", "adviser", "advisers", "advisor",
    "advisors", "person", "people", "individual", "individuals", "employee", "employees",
    "executive", "executives", "investigator", "investigators", "negotiator", "negotiators",
    "lawmaker", "lawmakers", "legislator", "legislators", "operative", "operatives",
    "confidant", "confidants", "ally", "allies", "associate", "associates", "officer",
    "officers", "manager", "managers",
];

/// Heads that are anonymous only with "familiar with", "close to", "with knowledge of"
/// and the like after them ("people familiar with the matter").
#[rustfmt::skip]
pub const WEAK_ANONYMOUS_HEADS: &[&str] = &[
    "person", "people", "individual", "individuals", "associate", "associates", "ally",
    "allies", "confidant", "confidants",
];

/// Words after an anonymous head that describe the source's position or knowledge.
#[rustfmt::skip]
pub const ANONYMOUS_DESCRIPTIONS: &[&str] = &[
    "familiar", "close", "with", "in", "at", "inside", "within", "from", "who", "involved",
    "briefed", "knowledgeable", "aware", "of", "on", "for", "near", "working", "based", "to",
];

/// Determiners that leave a source unidentified ("a", "one", "two", "several").
#[rustfmt::skip]
pub const INDEFINITE: &[&str] = &[
    "a", "an", "one", "two", "three", "four", "five", "several", "some", "many", "multiple",
    "numerous", "other", "another", "various", "few", "dozens", "dozen",
];

/// Determiners that refer back to a source already described ("the official said").
#[rustfmt::skip]
pub const DEFINITE: &[&str] = &[
    "the", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your",
    "both",
];

/// Phrases in which a source asks for anonymity; a reason must follow them.
#[rustfmt::skip]
pub const ANONYMITY_REQUESTS: &[&str] = &[
    "condition of anonymity", "on condition they not be named", "asked not to be named",
    "asked not to be identified", "declined to be named", "declined to be identified",
    "requested anonymity", "spoke anonymously", "speaking anonymously", "insisted on anonymity",
    "granted anonymity", "on background", "who asked for anonymity", "asked for anonymity",
    "requested not to be named", "did not want to be named", "did not want to be identified",
];

/// Words that give the reason after an anonymity request.
#[rustfmt::skip]
pub const REASON_CONNECTORS: &[&str] = &[
    "because", "as", "since", "to", "for", "given", "due", "citing", "fearing", "over", "amid",
    "lest",
];

/// Phrases that are a reason for anonymity on their own. The config's
/// `anonymity-reasons` adds.
#[rustfmt::skip]
pub const ANONYMITY_REASONS: &[&str] = &[
    "not authorised to", "not authorized to", "not permitted to", "not allowed to",
    "not cleared to", "not empowered to", "no authority to", "for fear of", "fear of reprisal",
    "fear of reprisals", "fear of retribution", "fear of retaliation", "fearing reprisal",
    "fearing reprisals", "fearing retribution", "fearing retaliation",
    "because of the sensitivity", "due to the sensitivity", "given the sensitivity",
    "because the talks are", "because the talks were", "because the matter is",
    "because the discussions", "because the negotiations", "because they were not",
    "because he was not", "because she was not", "because they are not", "because he is not",
    "because she is not", "to protect their", "to protect his", "to protect her",
    "to avoid reprisals", "to discuss private", "to discuss internal", "to discuss sensitive",
    "to discuss confidential", "to describe private", "to describe internal",
    "to describe sensitive", "to describe confidential", "to speak freely",
];

/// Words that make a statement opinion, characterisation or attack.
#[rustfmt::skip]
pub const OPINION_WORDS: &[&str] = &[
    "incompetent", "incompetence", "reckless", "recklessly", "foolish", "stupid", "idiot",
    "idiotic", "idiots", "disaster", "disastrous", "catastrophe", "catastrophic", "failure",
    "weak", "weakness", "naive", "arrogant", "arrogance", "corrupt", "liar", "liars",
    "dishonest", "clueless", "inept", "ineptitude", "shameful", "disgrace", "disgraceful",
    "pathetic", "ridiculous", "absurd", "laughable", "embarrassing", "embarrassment", "mess",
    "chaos", "chaotic", "hypocrite", "hypocritical", "hypocrisy", "unfit", "unqualified",
    "useless", "terrible", "awful", "horrible", "worst", "cowardly", "coward", "cowards",
    "betrayal", "traitor", "toxic", "bully", "bullying", "vindictive", "petty", "paranoid",
    "delusional", "erratic", "amateur", "amateurish", "nightmare", "blunder", "fiasco",
    "debacle", "mismanaged", "mishandled", "botched", "bungled", "misguided", "irresponsible",
    "outrageous", "appalling", "nonsense", "insane", "crazy", "madness", "contempt", "hopeless",
    "spineless", "lazy", "dumb", "incapable", "out of his depth", "out of her depth",
    "out of their depth", "out of touch", "in over his head", "in over her head", "a joke",
    "a mistake", "a clown", "shambles", "unhinged", "vain", "deluded", "dysfunctional",
    "sloppy", "shoddy", "crook", "thug", "puppet",
];

/// Verbs of attack and characterisation.
#[rustfmt::skip]
pub const ATTACK_VERBS: &[&str] = &[
    "criticised", "criticized", "criticising", "criticizing", "slammed", "blasted", "mocked",
    "derided", "ridiculed", "lambasted", "berated", "belittled", "disparaged", "denounced",
    "condemned", "branded", "smeared", "insulted", "scoffed", "sneered", "accused", "blamed",
];

/// Number words that make a figure (not "one": "one of the ...").
#[rustfmt::skip]
pub const NUMBER_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Words that are a figure on their own.
#[rustfmt::skip]
pub const MAGNITUDE_WORDS: &[&str] = &[
    "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion",
    "billions", "trillion", "trillions", "dozen", "dozens", "percent", "tens",
];

#[rustfmt::skip]
pub const MONTHS: &[&str] = &[
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
];

#[rustfmt::skip]
pub const WEEKDAYS: &[&str] = &[
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
];

/// Relative dates.
#[rustfmt::skip]
pub const DATE_PHRASES: &[&str] = &[
    "yesterday", "last week", "last month", "last year", "last night", "last weekend",
    "last spring", "last summer", "last autumn", "last fall", "last winter", "last decade",
    "this week", "this month", "this year", "this morning", "this afternoon", "this evening",
    "this weekend", "earlier this week", "earlier this month", "earlier this year",
    "later this week", "later this month", "later this year", "next week", "next month",
    "next year", "earlier today", "on monday", "on tuesday", "on wednesday", "on thursday",
    "on friday", "on saturday", "on sunday", "last monday", "last tuesday", "last wednesday",
    "last thursday", "last friday", "last saturday", "last sunday", "a year ago",
    "two years ago", "three years ago", "a decade ago", "days ago", "weeks ago", "months ago",
    "years ago",
];

#[rustfmt::skip]
pub const CAUSAL_PHRASES: &[&str] = &[
    "because", "because of", "due to", "as a result", "as a result of", "led to", "leading to",
    "lead to", "leads to", "caused", "causing", "resulted in", "resulting in", "result of",
    "contributed to", "contributing to", "contributes to", "triggered", "sparked", "thanks to",
    "blamed on", "prompted", "fuelled", "fueled", "driven by", "owing to", "responsible for",
    "consequently", "therefore",
];

/// Verbs that report a discrete news event.
#[rustfmt::skip]
pub const EVENT_VERBS: &[&str] = &[
    "killed", "died", "arrested", "detained", "charged", "convicted", "sentenced", "jailed",
    "invaded", "attacked", "bombed", "shot", "stabbed", "injured", "wounded", "seized",
    "captured", "deployed", "resigned", "sacked", "elected", "appointed", "signed", "launched",
    "banned", "sued", "fined", "raided", "evacuated", "collapsed", "crashed", "exploded",
    "destroyed", "damaged", "vetoed", "defeated", "acquired", "withdrew", "imposed", "lifted",
    "released", "freed", "approved", "rejected", "fired", "struck", "dismissed", "expelled",
    "deported", "indicted", "sanctioned", "recalled", "invested", "bought", "sold", "hired",
    "laid", "abducted", "kidnapped", "murdered", "executed", "reaffirmed", "voted", "won",
    "drowned", "burned", "flooded",
];

/// "He/She" followed by one of these describes a person's background, not news.
#[rustfmt::skip]
pub const BACKGROUND_VERBS: &[&str] = &[
    "is", "was", "teaches", "taught", "serves", "served", "works", "worked", "heads", "headed",
    "leads", "chairs", "chaired", "holds", "held", "studied", "joined", "has", "had",
    "previously", "also", "lives", "lived",
];

/// Words that never start a name although capitalised at the start of a sentence.
#[rustfmt::skip]
pub const NOT_NAMES: &[&str] = &[
    "The", "A", "An", "But", "And", "Or", "So", "Yet", "It", "Its", "This", "That", "These",
    "Those", "He", "She", "They", "We", "I", "You", "In", "On", "At", "For", "With", "As",
    "After", "Before", "While", "When", "If", "Although", "Though", "Since", "Because", "Now",
    "Then", "There", "Here", "Earlier", "Later", "Last", "Next", "Meanwhile", "However",
    "Still", "Just", "Even", "Also", "Some", "Many", "Most", "Several", "Other", "Others",
    "Analysts", "Critics", "Experts", "Officials", "Sources", "According", "His", "Her",
    "Their", "Our", "Asked", "Speaking", "Mr", "Mrs", "Ms", "Dr", "Not", "No", "Nothing",
    "What", "Who", "Why", "How", "Where", "Which", "Both", "All", "Each", "Every",
];

/// Titles stripped from the front of a name ("Secretary of Defense Lloyd J. Austin III").
#[rustfmt::skip]
pub const TITLES: &[&str] = &[
    "President", "Secretary", "Minister", "Prime", "Foreign", "Defense", "Defence", "State",
    "Chancellor", "Senator", "Sen", "Rep", "Representative", "Gov", "Governor", "Mayor",
    "Chief", "Director", "General", "Gen", "Dr", "Mr", "Mrs", "Ms", "Professor", "Prof",
    "Judge", "Justice", "Leader", "Chairman", "Chairwoman", "Chair", "King", "Queen", "Prince",
    "Princess", "Pope", "Ambassador", "Commissioner", "Chinese", "Russian", "American",
    "British", "Vice", "Deputy", "Finance", "Interior", "Health", "Treasury", "Attorney",
    "Lord", "Lady", "Sir", "Dame", "Captain", "Colonel", "Sergeant", "Officer", "Inspector",
    "Detective", "Councillor", "Councilman", "Councilwoman", "Coach", "CEO",
];

/// Name suffixes: "Austin III" is known as Austin.
pub const NAME_SUFFIXES: &[&str] = &["Jr", "Sr", "II", "III", "IV", "V"];

pub const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it"];

/// Groups named as vague that do not count as a source of a story.
pub fn is_vague_group(word: &str) -> bool {
    VAGUE_SUBJECTS
        .iter()
        .any(|w| super::text::eq_folded(word, w))
}

/// The phrase lists a run uses: built-in lists plus what the config adds.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub vague: PhraseSet,
    /// "..., say analysts": only after a comma or a closing quotation mark.
    pub vague_inverted: PhraseSet,
    pub loaded: PhraseSet,
    pub anonymity_requests: PhraseSet,
    pub anonymity_reasons: PhraseSet,
    pub opinion: PhraseSet,
    pub dates: PhraseSet,
    pub causal: PhraseSet,
}

impl Lexicon {
    pub fn new(config: &AuditConfig) -> Lexicon {
        let mut vague = PhraseSet::default();
        let mut vague_inverted = PhraseSet::default();
        for quantifier in VAGUE_QUANTIFIERS {
            for verb in VAGUE_QUANTIFIER_VERBS {
                vague.add(&format!("{quantifier} {verb}"));
            }
        }
        for subject in VAGUE_SUBJECTS {
            for qualifier in VAGUE_QUALIFIERS {
                if *subject == "people" && qualifier.is_empty() {
                    // "people say" alone is often a report of named people just before.
                    continue;
                }
                for verb in VAGUE_VERBS {
                    vague.add(&format!("{qualifier}{subject} {verb}"));
                }
                for verb in [
                    "say",
                    "says",
                    "said",
                    "argue",
                    "argued",
                    "contend",
                    "contended",
                ] {
                    vague_inverted.add(&format!("{verb} {qualifier}{subject}"));
                }
            }
        }
        for p in VAGUE_FIXED {
            vague.add(p);
        }
        for p in &config.vague_phrases {
            vague.add(p);
        }
        let mut loaded = PhraseSet::new(LOADED_VERBS);
        for p in &config.loaded_verbs {
            loaded.add(p);
        }
        let mut anonymity_reasons = PhraseSet::new(ANONYMITY_REASONS);
        for p in &config.anonymity_reasons {
            anonymity_reasons.add(p);
        }
        Lexicon {
            vague,
            vague_inverted,
            loaded,
            anonymity_requests: PhraseSet::new(ANONYMITY_REQUESTS),
            anonymity_reasons,
            opinion: PhraseSet::new(OPINION_WORDS.iter().chain(ATTACK_VERBS)),
            dates: PhraseSet::new(DATE_PHRASES),
            causal: PhraseSet::new(CAUSAL_PHRASES),
        }
    }
}
