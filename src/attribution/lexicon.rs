//! Word classes for attribution: cue verbs with their forms, pronouns, titles, source
//! nouns, function words. Every word is looked up once, ASCII case-insensitively, in one
//! hash table built on first use.
//!
//! The cue lexicon was chosen by measuring, on the PolNeAR training articles, how often
//! each verb marks an attribution in news text (see `docs` of [`CUE_LEMMAS`]); verbs that
//! mostly do not (they take a plain object: "reaffirmed a relationship") are left out.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// Bit flags of the classes a word belongs to.
pub type Lex = u64;

pub const PRON_PERSON: Lex = 1 << 0;
pub const PRON_THEY: Lex = 1 << 1;
pub const PRON_IT: Lex = 1 << 2;
pub const AUX: Lex = 1 << 3;
pub const NEG: Lex = 1 << 4;
pub const ADV: Lex = 1 << 5;
pub const TIME: Lex = 1 << 6;
pub const DET: Lex = 1 << 7;
pub const PREP: Lex = 1 << 8;
pub const CONJ: Lex = 1 << 9;
pub const SUBORD: Lex = 1 << 10;
pub const REL: Lex = 1 << 11;
pub const TITLE: Lex = 1 << 12;
pub const PERSON_NOUN: Lex = 1 << 13;
pub const GROUP_NOUN: Lex = 1 << 14;
pub const DOC_NOUN: Lex = 1 << 15;
pub const VAGUE: Lex = 1 << 16;
pub const ANON: Lex = 1 << 17;
pub const HONORIFIC: Lex = 1 << 18;
pub const ORG_WORD: Lex = 1 << 19;
pub const COUNTRY: Lex = 1 << 20;
pub const DEPT: Lex = 1 << 21;
pub const NAME_SUFFIX: Lex = 1 << 22;
pub const RECIPIENT: Lex = 1 << 23;
pub const MODAL: Lex = 1 << 24;
pub const BE: Lex = 1 << 25;
pub const QUANT: Lex = 1 << 26;
pub const DEMONYM: Lex = 1 << 27;
pub const ANONYMITY: Lex = 1 << 28;
pub const DISCOURSE: Lex = 1 << 29;
pub const ABBR: Lex = 1 << 30;
pub const HAVE: Lex = 1 << 31;
pub const MONTH: Lex = 1 << 33;
pub const NUMBER_WORD: Lex = 1 << 34;
pub const OBJ_PRON: Lex = 1 << 35;
pub const MEDIUM: Lex = 1 << 36;
pub const PRON_POSS: Lex = 1 << 38;
pub const INTRO_ADV: Lex = 1 << 39;

/// Any pronoun that can be the subject of a cue.
pub const PRONOUN: Lex = PRON_PERSON | PRON_THEY | PRON_IT;
/// Any noun that can head a source mention.
pub const SOURCE_NOUN: Lex = PERSON_NOUN | GROUP_NOUN | DOC_NOUN | VAGUE | ANON;
/// Words that never belong to a noun phrase.
pub const FUNCTION: Lex =
    AUX | NEG | PREP | CONJ | SUBORD | REL | MODAL | BE | HAVE | DISCOURSE | OBJ_PRON;

/// The grammatical form of a cue word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// "say", "tell": after "to", a modal, "did", or a plural subject.
    Base,
    /// "says".
    Present,
    /// "said": simple past or past participle.
    Past,
    /// "saying".
    Gerund,
}

/// A cue word: which lemma, in which form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueRef {
    pub lemma: u16,
    pub form: Form,
}

/// How a cue verb behaves.
pub mod cue {
    /// Reports speech or writing and can follow its content: "..., Cha said."
    pub const INVERTIBLE: u8 = 1;
    /// Takes the listener as object before the content: "told reporters that ...".
    pub const RECIPIENT: u8 = 2;
    /// Its participle can carry the source after "by": "revealed this week by X".
    pub const BY_PASSIVE: u8 = 4;
    /// Needs a clause or quote after it to count ("believes that ...", not "believes in").
    pub const NEEDS_CLAUSE: u8 = 8;
    /// Takes a preposition that is part of the cue ("called for", "pointed to").
    pub const PARTICLE: u8 = 16;
    /// Can take a noun phrase as its object ("likened the deal to NATO", "reiterated
    /// that position", "commented on the presence of ..."): then it reports an act, not
    /// a statement, and the claim is the whole clause, subject and verb included.
    pub const OBJECT: u8 = 32;
}

/// One cue verb: its forms (base, 3rd person, past, gerund, optional participle) and
/// behaviour. A form written `!form` is left out: it is mostly a noun ("states").
pub struct CueLemma {
    pub forms: &'static str,
    pub flags: u8,
}

const I: u8 = cue::INVERTIBLE;
const R: u8 = cue::RECIPIENT;
const B: u8 = cue::BY_PASSIVE;
const C: u8 = cue::NEEDS_CLAUSE;
const P: u8 = cue::PARTICLE;
const O: u8 = cue::OBJECT;

/// Cue verbs. Which ones are here, and with which flags, was decided by how often each
/// marks an attribution in the PolNeAR training articles.
pub const CUE_LEMMAS: &[CueLemma] = &[
    CueLemma {
        forms: "say says said saying",
        flags: I | B,
    },
    CueLemma {
        forms: "tell tells told telling",
        flags: I | R,
    },
    CueLemma {
        forms: "add adds added adding",
        flags: I,
    },
    CueLemma {
        forms: "write writes wrote writing written",
        flags: I | B | O,
    },
    CueLemma {
        forms: "claim claims claimed claiming",
        flags: I | C,
    },
    CueLemma {
        forms: "argue argues argued arguing",
        flags: I,
    },
    CueLemma {
        forms: "insist insists insisted insisting",
        flags: I,
    },
    CueLemma {
        forms: "warn warns warned warning",
        flags: I | R | O,
    },
    CueLemma {
        forms: "note notes noted noting",
        flags: I | C | O,
    },
    CueLemma {
        forms: "report reports reported reporting",
        flags: I | B | C,
    },
    CueLemma {
        forms: "announce announces announced announcing",
        flags: I | B | O,
    },
    CueLemma {
        forms: "explain explains explained explaining",
        flags: I | O,
    },
    CueLemma {
        forms: "!state !states stated stating",
        flags: I | C,
    },
    CueLemma {
        forms: "suggest suggests suggested suggesting",
        flags: I | C,
    },
    CueLemma {
        forms: "acknowledge acknowledges acknowledged acknowledging",
        flags: I | O,
    },
    CueLemma {
        forms: "admit admits admitted admitting",
        flags: I | O,
    },
    CueLemma {
        forms: "confirm confirms confirmed confirming",
        flags: I | B | O,
    },
    CueLemma {
        forms: "deny denies denied denying",
        flags: I | O,
    },
    CueLemma {
        forms: "reiterate reiterates reiterated reiterating",
        flags: I | O,
    },
    CueLemma {
        forms: "reveal reveals revealed revealing",
        flags: I | B | O,
    },
    CueLemma {
        forms: "predict predicts predicted predicting",
        flags: I | O,
    },
    CueLemma {
        forms: "estimate estimates estimated estimating",
        flags: I | C,
    },
    CueLemma {
        forms: "believe believes believed believing",
        flags: C,
    },
    CueLemma {
        forms: "think thinks !thought thinking",
        flags: C,
    },
    CueLemma {
        forms: "conclude concludes concluded concluding",
        flags: I | C,
    },
    CueLemma {
        forms: "contend contends contended contending",
        flags: I,
    },
    CueLemma {
        forms: "assert asserts asserted asserting",
        flags: I,
    },
    CueLemma {
        forms: "allege alleges alleged alleging",
        flags: I | C,
    },
    CueLemma {
        forms: "recall recalls recalled recalling",
        flags: I | O,
    },
    CueLemma {
        forms: "recount recounts recounted recounting",
        flags: I | O,
    },
    CueLemma {
        forms: "observe observes observed observing",
        flags: I | C,
    },
    CueLemma {
        forms: "remark !remarks remarked remarking",
        flags: I,
    },
    CueLemma {
        forms: "declare declares declared declaring",
        flags: I | O,
    },
    CueLemma {
        forms: "emphasize emphasizes emphasized emphasizing",
        flags: I | O,
    },
    CueLemma {
        forms: "emphasise emphasises emphasised emphasising",
        flags: I | O,
    },
    CueLemma {
        forms: "stress stresses stressed stressing",
        flags: I | O,
    },
    CueLemma {
        forms: "tweet tweets tweeted tweeting",
        flags: I | O,
    },
    CueLemma {
        forms: "complain complains complained complaining",
        flags: I | O,
    },
    CueLemma {
        forms: "concede concedes conceded conceding",
        flags: I | O,
    },
    CueLemma {
        forms: "caution cautions cautioned cautioning",
        flags: I | O,
    },
    CueLemma {
        forms: "testify testifies testified testifying",
        flags: I | O,
    },
    CueLemma {
        forms: "counter counters countered countering",
        flags: I | O,
    },
    CueLemma {
        forms: "!respond responds responded responding",
        flags: I | O,
    },
    CueLemma {
        forms: "reply replies replied replying",
        flags: I | O,
    },
    CueLemma {
        forms: "!ask asks asked asking",
        flags: I | R | C,
    },
    CueLemma {
        forms: "joke jokes joked joking",
        flags: I,
    },
    CueLemma {
        forms: "quip quips quipped quipping",
        flags: I,
    },
    CueLemma {
        forms: "!continue continues continued continuing",
        flags: I | C,
    },
    CueLemma {
        forms: "explain explains explained explaining",
        flags: I | O,
    },
    CueLemma {
        forms: "exclaim exclaims exclaimed exclaiming",
        flags: I,
    },
    CueLemma {
        forms: "retort retorts retorted retorting",
        flags: I,
    },
    CueLemma {
        forms: "urge urges urged urging",
        flags: R | O,
    },
    CueLemma {
        forms: "call calls called calling",
        flags: P | O,
    },
    CueLemma {
        forms: "accuse accuses accused accusing",
        flags: O,
    },
    CueLemma {
        forms: "criticize criticizes criticized criticizing",
        flags: O,
    },
    CueLemma {
        forms: "liken likens likened likening",
        flags: O,
    },
    CueLemma {
        forms: "describe describes described describing",
        flags: O,
    },
    CueLemma {
        forms: "promise promises promised promising",
        flags: C,
    },
    CueLemma {
        forms: "pledge pledges pledged pledging",
        flags: C,
    },
    CueLemma {
        forms: "vow vows vowed vowing",
        flags: C,
    },
    CueLemma {
        forms: "propose proposes proposed proposing",
        flags: O,
    },
    CueLemma {
        forms: "point points pointed pointing",
        flags: P | O,
    },
    CueLemma {
        forms: "show shows showed showing shown",
        flags: C,
    },
    CueLemma {
        forms: "find finds found finding",
        flags: C,
    },
    CueLemma {
        forms: "cite cites cited citing",
        flags: O,
    },
    CueLemma {
        forms: "mention mentions mentioned mentioning",
        flags: O,
    },
    CueLemma {
        forms: "comment !comments commented commenting",
        flags: I | O,
    },
    CueLemma {
        forms: "indicate indicates indicated indicating",
        flags: C,
    },
    CueLemma {
        forms: "hint hints hinted hinting",
        flags: C,
    },
    CueLemma {
        forms: "disclose discloses disclosed disclosing",
        flags: B | O,
    },
    CueLemma {
        forms: "assure assures assured assuring",
        flags: R | O,
    },
    CueLemma {
        forms: "remind reminds reminded reminding",
        flags: R | O,
    },
    CueLemma {
        forms: "reassure reassures reassured reassuring",
        flags: R | O,
    },
    CueLemma {
        forms: "inform informs informed informing",
        flags: R | O,
    },
    CueLemma {
        forms: "lament laments lamented lamenting",
        flags: I | O,
    },
    CueLemma {
        forms: "worry worries worried worrying",
        flags: C,
    },
    CueLemma {
        forms: "fear fears feared fearing",
        flags: C,
    },
    CueLemma {
        forms: "hope hopes hoped hoping",
        flags: C,
    },
    CueLemma {
        forms: "expect expects expected expecting",
        flags: C,
    },
    CueLemma {
        forms: "!want wants wanted wanting",
        flags: C,
    },
    CueLemma {
        forms: "!plan !plans planned planning",
        flags: C,
    },
    CueLemma {
        forms: "defend defends defended defending",
        flags: O,
    },
    CueLemma {
        forms: "praise praises praised praising",
        flags: O,
    },
    CueLemma {
        forms: "blame blames blamed blaming",
        flags: O,
    },
    CueLemma {
        forms: "denounce denounces denounced denouncing",
        flags: O,
    },
    CueLemma {
        forms: "condemn condemns condemned condemning",
        flags: O,
    },
    CueLemma {
        forms: "decry decries decried decrying",
        flags: O,
    },
    CueLemma {
        forms: "slam slams slammed slamming",
        flags: O,
    },
    CueLemma {
        forms: "blast blasts blasted blasting",
        flags: O,
    },
    CueLemma {
        forms: "mock mocks mocked mocking",
        flags: O,
    },
    CueLemma {
        forms: "endorse endorses endorsed endorsing",
        flags: O,
    },
    CueLemma {
        forms: "demand demands demanded demanding",
        flags: O,
    },
    CueLemma {
        forms: "echo echoes echoed echoing",
        flags: O,
    },
    CueLemma {
        forms: "repeat repeats repeated repeating",
        flags: O,
    },
    CueLemma {
        forms: "learn learns learned learning",
        flags: C,
    },
    CueLemma {
        forms: "agree agrees agreed agreeing",
        flags: C,
    },
    CueLemma {
        forms: "post posts posted posting",
        flags: O,
    },
    CueLemma {
        forms: "recommend recommends recommended recommending",
        flags: O,
    },
    CueLemma {
        forms: "speculate speculates speculated speculating",
        flags: I,
    },
    CueLemma {
        forms: "wonder wonders wondered wondering",
        flags: I,
    },
    CueLemma {
        forms: "question questions questioned questioning",
        flags: O,
    },
    CueLemma {
        forms: "dismiss dismisses dismissed dismissing",
        flags: O,
    },
    CueLemma {
        forms: "reject rejects rejected rejecting",
        flags: O,
    },
    CueLemma {
        forms: "charge charges charged charging",
        flags: C,
    },
    CueLemma {
        forms: "affirm affirms affirmed affirming",
        flags: I | O,
    },
    CueLemma {
        forms: "opine opines opined opining",
        flags: I,
    },
    CueLemma {
        forms: "muse muses mused musing",
        flags: I,
    },
    CueLemma {
        forms: "boast boasts boasted boasting",
        flags: I,
    },
    CueLemma {
        forms: "brag brags bragged bragging",
        flags: I,
    },
    CueLemma {
        forms: "acknowledge acknowledges acknowledged acknowledging",
        flags: I | O,
    },
    CueLemma {
        forms: "proclaim proclaims proclaimed proclaiming",
        flags: I,
    },
    CueLemma {
        forms: "signal signals signaled signaling signalled",
        flags: C,
    },
    CueLemma {
        forms: "underscore underscores underscored underscoring",
        flags: I | O,
    },
    CueLemma {
        forms: "clarify clarifies clarified clarifying",
        flags: I | O,
    },
    CueLemma {
        forms: "threaten threatens threatened threatening",
        flags: C,
    },
];

/// The base form of a cue lemma ("say").
pub fn lemma_name(lemma: u16) -> &'static str {
    CUE_LEMMAS
        .get(lemma as usize)
        .and_then(|l| l.forms.split(' ').next())
        .map(|w| w.trim_start_matches('!'))
        .unwrap_or("")
}

/// The simple past of a cue lemma ("called", "likened", "said").
pub fn lemma_past(lemma: u16) -> &'static str {
    CUE_LEMMAS
        .get(lemma as usize)
        .and_then(|l| l.forms.split(' ').nth(2))
        .map(|w| w.trim_start_matches('!'))
        .unwrap_or("")
}

pub fn lemma_flags(lemma: u16) -> u8 {
    CUE_LEMMAS.get(lemma as usize).map(|l| l.flags).unwrap_or(0)
}

/// Short forms whose period belongs to the word ("Mr.", "Sen.", "Inc.").
const ABBREVIATIONS: &str = "mr mrs ms dr st jr sr sen rep reps gov gen lt col sgt capt adm cmdr maj \
    prof rev hon pres supt insp det atty inc corp co ltd bros dept univ assn no vs etc jan feb \
    mar apr aug sep sept oct nov dec calif fla ky tenn ariz colo conn del ga ill ind kan la md \
    mass mich minn miss mo mont neb nev okla ore pa va vt wash wis wyo ala ark mt ft";

const WORDS: &[(&str, Lex)] = &[
    ("he she i we you", PRON_PERSON),
    ("they", PRON_THEY),
    ("it", PRON_IT),
    ("him her them us me", OBJ_PRON),
    ("his its their our my your her", PRON_POSS | DET),
    (
        "has have had having 've 'd 's is was are were be been being am 're 'm do does did will would can could may might should must shall",
        AUX,
    ),
    ("has have had having", HAVE),
    ("is was are were be been being am", BE),
    ("will would can could may might should must shall", MODAL),
    (
        "not never n't didn't doesn't don't won't wouldn't couldn't can't cannot isn't wasn't hasn't haven't hadn't aren't weren't shouldn't",
        NEG,
    ),
    (
        "didn't doesn't don't won't wouldn't couldn't can't cannot isn't wasn't hasn't haven't hadn't aren't weren't shouldn't",
        AUX,
    ),
    (
        "also previously later recently repeatedly once publicly privately then now often earlier already again still further similarly separately reportedly initially originally first last subsequently frequently flatly explicitly bluntly simply only even just falsely correctly rightly wrongly openly quickly angrily proudly confidently calmly tearfully jokingly sarcastically emphatically forcefully insistently famously memorably succinctly recently routinely consistently continually constantly allegedly apparently reportedly ultimately eventually finally immediately quietly loudly loosely officially formally tacitly implicitly specifically directly indirectly personally essentially basically effectively actually certainly clearly seemingly",
        ADV,
    ),
    (
        "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight tomorrow weekend morning afternoon evening night week month year earlier later last this next past recently",
        TIME,
    ),
    (
        "january february march april may june july august september october november december jan. feb. mar. apr. aug. sept. sep. oct. nov. dec.",
        MONTH,
    ),
    (
        "the a an this that these those some any each every another other such no both either neither all",
        DET,
    ),
    (
        "one two three four five six seven eight nine ten eleven twelve dozen dozens hundreds thousands millions several many most few some more multiple numerous various both",
        NUMBER_WORD | QUANT,
    ),
    (
        "of for at from with in on by to about near among into through under over against between within without during across behind after before since until upon via per like",
        PREP,
    ),
    ("and or but nor plus", CONJ),
    (
        "while although though whereas because since if when as after before unless once until whether",
        SUBORD,
    ),
    ("who which that whom whose where what why how", REL),
    (
        "but and so yet however meanwhile still instead rather otherwise likewise similarly also moreover nevertheless nonetheless furthermore besides thus hence indeed then now",
        DISCOURSE,
    ),
    (
        "meanwhile however earlier later still separately instead additionally moreover previously nonetheless nevertheless indeed furthermore also now then yesterday today here there soon shortly immediately",
        INTRO_ADV,
    ),
    (
        "president vice secretary minister senator sen. rep. representative congressman congresswoman gov. governor mayor director chairman chairwoman chair chief leader spokesman spokeswoman spokesperson ambassador general gen. judge justice professor prof. lt. col. sgt. capt. adm. maj. attorney commissioner speaker king queen prince princess pope candidate nominee ceo cfo executive official adviser advisor aide analyst economist strategist pollster lawmaker sheriff officer commander premier chancellor deputy assistant head founder co-founder editor correspondent reporter columnist host anchor manager coordinator counsel lawyer rabbi cardinal bishop reverend rev. pastor dean provost superintendent inspector detective colonel lieutenant sergeant captain admiral major envoy diplomat member councilman councilwoman councilmember assemblyman assemblywoman delegate chairperson treasurer comptroller auditor prosecutor coach owner partner researcher fellow scholar historian author activist organizer organiser director-general secretary-general whip majority minority ranking senior junior former acting incoming outgoing then-president then-candidate then-secretary mp mep msp mla",
        TITLE,
    ),
    (
        "official officials spokesman spokeswoman spokesperson spokesmen spokeswomen aide aides adviser advisers advisor advisors analyst analysts expert experts critic critics observer observers source sources insider insiders person people resident residents witness witnesses researcher researchers scientist scientists economist economists lawmaker lawmakers leader leaders member members voter voters investigator investigators prosecutor prosecutors diplomat diplomats lawyer lawyers attorney attorneys supporter supporters opponent opponents democrats republicans democrat republican conservatives liberals progressives strategist strategists pollster pollsters candidate candidates nominee executive executives officer officers doctor doctors teacher teachers student students worker workers employee employees activist activists organizer organizers protester protesters protesters demonstrators friend friends relative relatives neighbor neighbors colleague colleagues staffer staffers representative representatives senator senators congressman congresswoman governor mayor president minister secretary chairman chairwoman director chief judge justice professor commissioner speaker ambassador envoy general commander author writer writers editor editors reporter reporters columnist host anchor manager counsel owner founder president-elect historian historians scholar scholars economist pundit pundits commentators commentator academics academic specialists specialist authorities campaigner campaigners detective detectives investigator agent agents negotiator negotiators mediator allies ally advocate advocates proponents proponent skeptics sceptics insurgents militants rebels citizens americans parents victims survivors family families mother father wife husband son daughter brother sister woman women man men",
        PERSON_NOUN,
    ),
    (
        "ministry department agency government administration campaign committee commission council court police military army navy company firm bank party group organization organisation union office board authority embassy parliament congress senate house newspaper network magazine outlet station site website university institute center centre foundation team club league coalition alliance regime cabinet legislature assembly prosecutors state city county district school hospital service bureau industry association society body caucus panel tribunal lobby corporation airline manufacturer publisher channel paper daily blog watchdog think-tank thinktank jury juries",
        GROUP_NOUN,
    ),
    (
        "report reports results count tally study studies poll polls survey surveys statement statements filing filings document documents records data memo memos letter letters analysis analyses paper research review audit complaint lawsuit suit indictment affidavit transcript transcripts email emails tweet tweets post posts video footage book article articles editorial editorials release estimate estimates figures numbers census ruling order decision assessment investigation findings evidence testimony message messages note notes database website page report's account accounts documents chart charts graph map image photo ad ads advertisement advertisements commercial commercials videos clip clips flyer flyers mailer mailers pamphlet pamphlets leaflet leaflets brochure brochures poster posters sheet sheets factsheet",
        DOC_NOUN,
    ),
    (
        "another analysts experts critics observers commentators pundits skeptics sceptics supporters opponents others people many some several most few economists scholars historians academics specialists researchers scientists observers insiders detractors backers proponents advocates officials-turned critics",
        VAGUE,
    ),
    ("source sources insider insiders", ANON),
    (
        "percent respondents half majority minority plurality third thirds quarter quarters two-thirds three-quarters",
        VAGUE | PERSON_NOUN,
    ),
    ("anonymity anonymously unnamed unidentified", ANONYMITY),
    ("mr. mrs. ms. dr. mr mrs ms dr miss", HONORIFIC),
    (
        "inc. inc corp. corp co. co ltd. ltd llc plc party department ministry committee commission council agency court association university institute times post news journal network campaign administration office bureau service services police force foundation center centre group bank fund organization organisation union board tribunal herald press reuters bloomberg cnn msnbc fox nbc abc cbs npr pbs ap afp bbc upi senate house congress pentagon kremlin parliament assembly caucus coalition alliance league club company corporation federation authority agency inc commission institution council guardian telegraph economist politico axios breitbart gazette magazine review daily weekly tribune chronicle courier register observer examiner standard mirror express sun independent today nation hill monitor record star globe inquirer bulletin dispatch republic democrats republicans gop dnc rnc fbi cia nsa doj dhs epa irs nato un eu who imf opec isis taliban hamas hezbollah kremlin",
        ORG_WORD,
    ),
    (
        "afghanistan albania algeria angola argentina armenia australia austria azerbaijan bahrain bangladesh belarus belgium bolivia bosnia brazil britain bulgaria burma cambodia cameroon canada chad chile china colombia congo croatia cuba cyprus czechia denmark ecuador egypt england eritrea estonia ethiopia europe finland france georgia germany ghana greece guatemala haiti honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya korea kosovo kuwait kyrgyzstan laos latvia lebanon liberia libya lithuania luxembourg macedonia madagascar malaysia mali malta mexico moldova mongolia montenegro morocco mozambique myanmar namibia nepal netherlands nicaragua niger nigeria norway oman pakistan palestine panama paraguay peru philippines poland portugal qatar romania russia rwanda scotland senegal serbia singapore slovakia slovenia somalia spain sudan sweden switzerland syria taiwan tajikistan tanzania thailand tunisia turkey turkmenistan uganda ukraine uruguay uzbekistan venezuela vietnam wales yemen zambia zimbabwe u.s. us usa u.s.a. america u.k. uk beijing moscow tehran kyiv kiev pyongyang seoul tokyo washington london paris berlin brussels ankara riyadh damascus baghdad kabul islamabad delhi jerusalem cairo havana caracas ottawa canberra taipei hanoi manila",
        COUNTRY,
    ),
    (
        "defense defence state homeland security health human services justice treasury agriculture energy education labor labour commerce transportation interior veterans affairs housing urban development foreign home finance economy trade environment interior war navy army air force intelligence national",
        DEPT,
    ),
    ("jr. jr sr. sr ii iii iv", NAME_SUFFIX),
    (
        "reporters journalists lawmakers supporters members voters congress parliament senators students audience crowd viewers listeners interviewer host readers delegates colleagues investigators donors attendees",
        RECIPIENT,
    ),
    (
        "chinese american russian british french german japanese korean ukrainian iranian israeli palestinian syrian iraqi afghan pakistani indian mexican canadian australian italian spanish turkish saudi egyptian european western eastern u.s. us federal state local senior top former democratic republican conservative liberal progressive white black",
        DEMONYM,
    ),
    (
        "statement interview twitter facebook tweet post blog op-ed column letter speech press conference briefing hearing radio television tv email video podcast instagram email remarks rally",
        MEDIUM,
    ),
];

/// Looks up a word (as it appears in the text), ASCII case-insensitively.
pub fn lookup(word: &str) -> (Lex, Option<CueRef>) {
    match fold(word) {
        Some(key) => packed().get(key),
        None => (0, None),
    }
}

/// Whether the period after `word` belongs to it ("Mr", "Sen", "Inc").
pub fn is_abbreviation(word: &str) -> bool {
    lookup(word).0 & ABBR != 0
}

/// The longest word the lexicon holds, in bytes.
const KEY_BYTES: usize = 16;

/// A word as a key: lower-cased, ’ folded to ', zero-padded to 16 bytes and read as two
/// integers, so a lookup compares integers instead of strings. `None` when the word is
/// longer than any in the lexicon or holds other non-ASCII characters.
fn fold(word: &str) -> Option<[u64; 2]> {
    let bytes = word.as_bytes();
    if bytes.len() <= KEY_BYTES && bytes.is_ascii() && !bytes.contains(&0) {
        // The common case, eight bytes at a time.
        let mut buf = [0u8; KEY_BYTES];
        buf[..bytes.len()].copy_from_slice(bytes);
        let mut lo = [0u8; 8];
        let mut hi = [0u8; 8];
        lo.copy_from_slice(&buf[..8]);
        hi.copy_from_slice(&buf[8..]);
        return Some([
            ascii_lower(u64::from_le_bytes(lo)),
            ascii_lower(u64::from_le_bytes(hi)),
        ]);
    }
    let mut buf = [0u8; KEY_BYTES];
    let mut n = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (out, step) = if b < 0x80 {
            (b.to_ascii_lowercase(), 1)
        } else if b == 0xE2 && bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0x99) {
            (b'\'', 3)
        } else {
            return None;
        };
        if n >= KEY_BYTES || out == 0 {
            return None;
        }
        buf[n] = out;
        n += 1;
        i += step;
    }
    let mut lo = [0u8; 8];
    let mut hi = [0u8; 8];
    lo.copy_from_slice(&buf[..8]);
    hi.copy_from_slice(&buf[8..]);
    Some([u64::from_le_bytes(lo), u64::from_le_bytes(hi)])
}

/// Lower-cases the ASCII letters of eight ASCII bytes at once: a byte gets 0x20 when it
/// lies in `A..=Z` (bytes below 0x80, so the additions never carry across bytes).
fn ascii_lower(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let at_least_a = x.wrapping_add(ONES * (0x80 - b'A' as u64));
    let above_z = x.wrapping_add(ONES * (0x80 - b'Z' as u64 - 1));
    let upper = at_least_a & !above_z & (ONES * 0x80);
    x | (upper >> 2)
}

/// An open-addressing table of the lexicon keyed by [`fold`]ed words. Keys and values
/// live apart so that a probe walks a small, dense array of keys.
struct Packed {
    keys: Vec<[u64; 2]>,
    values: Vec<(Lex, Option<CueRef>)>,
    mask: usize,
}

impl Packed {
    fn index(key: [u64; 2], mask: usize) -> usize {
        let h = (key[0].wrapping_mul(0x9E37_79B9_7F4A_7C15)
            ^ key[1].wrapping_mul(0xC2B2_AE3D_27D4_EB4F))
        .rotate_left(29);
        (h as usize) & mask
    }

    #[inline]
    fn get(&self, key: [u64; 2]) -> (Lex, Option<CueRef>) {
        let mut i = Packed::index(key, self.mask);
        loop {
            let k = self.keys[i];
            if k == key {
                return self.values[i];
            }
            if k == [0, 0] {
                return (0, None);
            }
            i = (i + 1) & self.mask;
        }
    }
}

fn packed() -> &'static Packed {
    static PACKED: OnceLock<Packed> = OnceLock::new();
    PACKED.get_or_init(|| {
        let words = table();
        let size = (words.len() * 2).next_power_of_two();
        let mask = size - 1;
        let mut keys = vec![[0u64, 0u64]; size];
        let mut values = vec![(0, None); size];
        for (w, &value) in words {
            let Some(key) = std::str::from_utf8(w).ok().and_then(fold) else {
                continue;
            };
            let mut i = Packed::index(key, mask);
            while keys[i] != [0, 0] {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            values[i] = value;
        }
        Packed { keys, values, mask }
    })
}

type Table = HashMap<Box<[u8]>, (Lex, Option<CueRef>), BuildHasherDefault<Fnv>>;

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t: Table = HashMap::default();
        for (words, flags) in WORDS {
            for w in words.split_whitespace() {
                t.entry(w.as_bytes().into()).or_insert((0, None)).0 |= flags;
            }
        }
        // Plurals of the source nouns ("groups", "agencies"), where not listed.
        let mut plurals: Vec<(String, Lex)> = Vec::new();
        for (words, flags) in WORDS {
            let noun_flags = flags & (PERSON_NOUN | GROUP_NOUN | DOC_NOUN);
            if noun_flags == 0 {
                continue;
            }
            for w in words.split_whitespace() {
                if w.ends_with('s') || w.contains('.') || w.contains('\'') {
                    continue;
                }
                let plural = match w.strip_suffix('y') {
                    Some(stem) if !stem.ends_with(['a', 'e', 'o', 'u']) => format!("{stem}ies"),
                    _ if w.ends_with("ch") || w.ends_with("sh") || w.ends_with('x') => {
                        format!("{w}es")
                    }
                    _ => format!("{w}s"),
                };
                plurals.push((plural, noun_flags));
            }
        }
        for (p, flags) in plurals {
            let entry = t
                .entry(p.into_bytes().into_boxed_slice())
                .or_insert((0, None));
            if entry.0 & (PERSON_NOUN | GROUP_NOUN | DOC_NOUN) == 0 {
                entry.0 |= flags;
            }
        }
        for w in ABBREVIATIONS.split_whitespace() {
            t.entry(w.as_bytes().into()).or_insert((0, None)).0 |= ABBR;
        }
        for (i, lemma) in CUE_LEMMAS.iter().enumerate() {
            for (k, w) in lemma.forms.split_whitespace().enumerate() {
                // "!states": a form that is mostly a noun, not a cue.
                if w.starts_with('!') {
                    continue;
                }
                let form = match k {
                    0 => Form::Base,
                    1 => Form::Present,
                    3 => Form::Gerund,
                    _ => Form::Past,
                };
                let entry = t.entry(w.as_bytes().into()).or_insert((0, None));
                if entry.1.is_none() {
                    entry.1 = Some(CueRef {
                        lemma: i as u16,
                        form,
                    });
                }
            }
        }
        t
    })
}

/// A multiply-rotate hash over 8-byte chunks (as in rustc's FxHash): the keys are short
/// words from a fixed table, so there is no need for a DoS-resistant hash.
#[derive(Default)]
struct Fnv(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Fnv {
    #[inline]
    fn add(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(SEED);
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }
    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_forms_are_found_case_insensitively() {
        let (_, cue) = lookup("Said");
        let cue = cue.unwrap();
        assert_eq!(lemma_name(cue.lemma), "say");
        assert_eq!(cue.form, Form::Past);
        assert_eq!(lookup("telling").1.unwrap().form, Form::Gerund);
        assert!(lookup("banana").1.is_none());
    }

    #[test]
    fn eight_bytes_lower_at_once() {
        let x = u64::from_le_bytes(*b"SaId@[Zz");
        assert_eq!(ascii_lower(x).to_le_bytes(), *b"said@[zz");
        assert_eq!(fold("ACCORDING"), fold("according"));
    }

    #[test]
    fn curly_apostrophes_fold() {
        assert!(lookup("didn’t").0 & NEG != 0);
    }

    #[test]
    fn word_classes() {
        assert!(lookup("Analysts").0 & VAGUE != 0);
        assert!(lookup("China").0 & COUNTRY != 0);
        assert!(is_abbreviation("Sen"));
        assert!(!is_abbreviation("said"));
    }
}
