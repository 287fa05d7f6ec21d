//! The audit's rules: stable ids (a public contract, like Vale's rule names), default
//! levels, and the explanation `claims audit --explain RULE` prints.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Info,
    Warning,
    Error,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Error, Level::Warning, Level::Info];

    pub const fn as_str(self) -> &'static str {
        match self {
            Level::Info => "info",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Level {
    type Err = String;

    fn from_str(s: &str) -> Result<Level, String> {
        match s {
            "info" => Ok(Level::Info),
            "warning" => Ok(Level::Warning),
            "error" => Ok(Level::Error),
            other => Err(format!(
                "{other:?} is not a level: use \"error\", \"warning\", \"info\" or \"off\""
            )),
        }
    }
}

/// A rule of the audit. The ids are a public contract: configs and waivers name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    UnsourcedClaim,
    QuoteWithoutSpeaker,
    AnonymousSource,
    AnonymousOpinion,
    VagueAttribution,
    LoadedVerb,
    SingleSource,
    ContradictsStore,
    Misquote,
    MisattributedQuote,
    UnclosedQuote,
}

impl Rule {
    pub const ALL: [Rule; 11] = [
        Rule::UnsourcedClaim,
        Rule::QuoteWithoutSpeaker,
        Rule::AnonymousSource,
        Rule::AnonymousOpinion,
        Rule::VagueAttribution,
        Rule::LoadedVerb,
        Rule::SingleSource,
        Rule::ContradictsStore,
        Rule::Misquote,
        Rule::MisattributedQuote,
        Rule::UnclosedQuote,
    ];

    pub const fn id(self) -> &'static str {
        match self {
            Rule::UnsourcedClaim => "unsourced-claim",
            Rule::QuoteWithoutSpeaker => "quote-without-speaker",
            Rule::AnonymousSource => "anonymous-source",
            Rule::AnonymousOpinion => "anonymous-opinion",
            Rule::VagueAttribution => "vague-attribution",
            Rule::LoadedVerb => "loaded-verb",
            Rule::SingleSource => "single-source",
            Rule::ContradictsStore => "contradicts-store",
            Rule::Misquote => "misquote",
            Rule::MisattributedQuote => "misattributed-quote",
            Rule::UnclosedQuote => "unclosed-quote",
        }
    }

    /// The level a finding of this rule has unless the config says otherwise.
    /// (`anonymous-source` raises a bare "a source", and a single "a source close to
    /// ...", to `error`; see [`Rule::explain`].)
    pub const fn default_level(self) -> Level {
        match self {
            Rule::QuoteWithoutSpeaker | Rule::Misquote => Level::Error,
            Rule::UnsourcedClaim
            | Rule::AnonymousSource
            | Rule::AnonymousOpinion
            | Rule::VagueAttribution
            | Rule::LoadedVerb
            | Rule::SingleSource
            | Rule::ContradictsStore
            | Rule::MisattributedQuote
            | Rule::UnclosedQuote => Level::Warning,
        }
    }

    /// Whether the rule needs a claim store to run.
    pub const fn needs_store(self) -> bool {
        matches!(
            self,
            Rule::ContradictsStore | Rule::Misquote | Rule::MisattributedQuote
        )
    }

    /// One line: what the rule flags.
    pub const fn summary(self) -> &'static str {
        match self {
            Rule::UnsourcedClaim => {
                "a figure, date, event or causal claim stated without saying who says so"
            }
            Rule::QuoteWithoutSpeaker => {
                "a quotation with no speaker in its sentence or next to it"
            }
            Rule::AnonymousSource => {
                "an unnamed source (\"a source\", \"officials said\") with no reason given for anonymity"
            }
            Rule::AnonymousOpinion => {
                "an unnamed source used for opinion, characterisation or attack"
            }
            Rule::VagueAttribution => {
                "attribution to an unidentified group (\"analysts say\", \"critics say\", \"it is believed\")"
            }
            Rule::LoadedVerb => {
                "an attribution verb that judges the speaker (claimed, admitted, conceded, insisted, alleged)"
            }
            Rule::SingleSource => {
                "a story resting on one source, or a fact resting on one unnamed source"
            }
            Rule::ContradictsStore => {
                "a claim that contradicts one already logged in the claim store"
            }
            Rule::Misquote => {
                "a quotation that differs from the stored quotation of the same speaker"
            }
            Rule::MisattributedQuote => "a quotation the store holds as another speaker's words",
            Rule::UnclosedQuote => "a quotation mark opened and never closed in its paragraph",
        }
    }

    /// What `claims audit --explain RULE` prints: why the rule exists and the newsroom
    /// practice behind it, in our own words, and how to act on a finding.
    pub const fn explain(self) -> &'static str {
        match self {
            Rule::UnsourcedClaim => {
                "Flags a sentence that states a figure (\"500 troops\", \"75-year\", \"thousands\"), a
date (\"last year\", \"on Wednesday\", \"2022\"), a news event (killed, arrested,
invaded, signed, resigned ...) or a causal link (because, led to, contributed to, as a
result of) without any attribution in the sentence: no \"said\", \"according to\",
\"the report found\", and no source found by extraction.

Why: the wire services' rule is that a reporter attributes every fact he or she did not
witness or cannot show to be on the public record; a reader must be able to tell where a
number or an event comes from. AP and Reuters both ask for attribution high in the
sentence for anything contestable.

Not flagged: the reporter's own framing and analysis without figures or events,
background about a source (\"She teaches law at ...\"), questions, headings, quoted
speech (the speaker is the source), and sentences already attributed. Common knowledge
cannot be told apart by a program: waive such a finding with a reason.

Fix: name the source (\"..., according to the ministry's figures\"), or move the fact
next to the attribution that covers it."
            }
            Rule::QuoteWithoutSpeaker => {
                "Flags a quotation whose sentence has no attribution (no \"said\", \"told\",
\"according to\" ...), which does not directly continue an attributed quotation in the
same paragraph, and which no colon-led sentence introduces. When a speaker can be
inferred from an earlier sentence, the message says so (\"speaker inferred: ...\"):
readers should not have to infer it.

Why: Reuters and AP ask that every direct quotation be attributed in the sentence that
carries it, or right after its first sentence when it runs on; a quotation separated from
its speaker by other text can be read as someone else's words, or as the paper's.

Only quotations that stand as a sentence of their own are checked: quoted words inside
a sentence of the paper's (partial quotations, scare quotes, quoted laws and titles) carry
their source in that sentence, if anywhere.

Fix: add the attribution (\"..., Cha said.\") to the quotation's own sentence."
            }
            Rule::AnonymousSource => {
                "Flags an unnamed source used for a statement (\"a source said\", \"sources
told\", \"officials said\", \"a person familiar with the matter\") when neither its
sentence nor the next one gives a reason for the anonymity (\"speaking on condition of
anonymity because ...\", \"who was not authorised to speak publicly\", \"for fear of
reprisal\"). A bare \"a source\" or \"sources\", with nothing saying who they are, and a
single unnamed source however described (\"a source close to the negotiations\"), are
errors; other unnamed sources (\"a senior diplomat\", \"officials in Seoul\", \"sources
close to the talks\") are warnings. Setting a level in the config sets both.

Why: AP, Reuters and The New York Times treat anonymity as a last resort. Their policies
ask that the story say why the source was granted anonymity and describe the source as
precisely as possible, so a reader can weigh the information; \"a source\" tells the reader
nothing. Spokespeople of a named body are institutional, not anonymous.

Fix: name the source; otherwise describe their position and knowledge and say why they
could not be named. Extra accepted reasons go in the config's `anonymity-reasons`."
            }
            Rule::AnonymousOpinion => {
                "Flags an unnamed source whose statement is opinion, characterisation or attack:
evaluative words (reckless, incompetent, disaster, failure ...), attack verbs
(criticised, mocked, blamed, accused ...) or a name-calling quotation.

Why: AP does not allow anonymous sources to voice opinion, and Reuters and The
Washington Post bar anonymous pejorative quotes and personal attacks: a person who attacks
someone should stand behind the words. Anonymity is granted for information, not for
views. A reason for anonymity does not silence this rule.

Fix: name the source, or report only the verifiable information and cut the opinion."
            }
            Rule::VagueAttribution => {
                "Flags attribution to an unidentified group or to nobody: \"analysts say\",
\"critics say\", \"experts believe\", \"some people say\", \"many believe\", \"it is widely
believed\", \"according to observers\". A group that is identified right after (\"analysts
at Capital Economics say\") is not flagged.

Why: these are weasel words: they let the writer's view pass as a consensus that nobody
can check. Style guides ask that the reporter name who says so, or at least how many and
who they are, and quote them.

Fix: name the analysts (or the study), or say it in the paper's own voice if it is the
paper's analysis. Extra phrases go in the config's `vague-phrases`."
            }
            Rule::LoadedVerb => {
                "Flags attribution verbs that pass judgement on the speaker (claimed, admitted,
conceded, insisted, alleged, confessed, boasted) outside quotations, where the plain
\"said\" is meant. Uses that are not attribution (\"the fire claimed three lives\",
\"admitted to hospital\", \"the alleged attacker\") are not flagged.

Why: the AP Stylebook and most newsroom guides recommend \"said\" because it is neutral.
\"Claimed\" suggests the statement is doubtful, \"admitted\" and \"conceded\" that it is a
confession, \"insisted\" that it is stubborn. Use them only when that meaning is intended
and supported (\"alleged\" for legal accusations).

Fix: use \"said\" (or \"says\"). Extra verbs go in the config's `loaded-verbs`."
            }
            Rule::SingleSource => {
                "Fires in two cases. (1) A story that rests on one source: the draft has at least
four sentences and every attributed statement in it comes from one and the same source
(vague groups such as \"analysts\" are not counted as a source). It fires once, at the
first mention of that source. (2) A fact (a sentence with a figure, date, event or causal
link) that rests on a single unnamed source (\"a source\", \"an official\") with no second
source confirming it in the same or the next sentence.

Why: AP and Reuters ask for more than one source on contested or important facts, and
at least two independent sources, or one exceptionally placed, for anything an
unnamed source says. A one-source story carries that source's view and errors unchecked.

Fix: add an independent source, or say plainly that the information could not be
confirmed."
            }
            Rule::ContradictsStore => {
                "Flags a claim of the draft that contradicts a claim already logged in the claim
store (another number, date, polarity or actor for the same statement). The message names
the other article, its source and the reason (\"number: 500 vs thousands\").

Why: the newsroom's own record is the first thing to check a draft against. A
contradiction may be news (new figures), or an error; either way an editor should see it
and the story should say which figure it uses and why.

Fix: check which is right; if the draft is, say why the figure changed. Runs only when
a claim store is found (--store, CLAIMS_STORE, or ./claims above the working directory)."
            }
            Rule::Misquote => {
                "Flags a direct quotation attributed to a speaker that is almost, but not exactly,
the same as a quotation of the same speaker in the claim store: most of the words match,
but not all of them once typography (curly quotes, dashes, case) is folded.

Why: a direct quotation must be the speaker's exact words; all major newsrooms treat a
changed quotation as an error that needs a correction. A near-copy of a stored quotation
is most often a quotation retyped from memory or from another outlet's paraphrase.

Fix: copy the quotation from the original, or turn it into a paraphrase without quote
marks. Runs only when a claim store is found."
            }
            Rule::MisattributedQuote => {
                "Flags a direct quotation attributed to one speaker when the claim store holds the
same words (or a near copy of them) as a quotation of another speaker. The message names
the stored speaker and the article.

Why: giving words to the wrong person is among the most damaging errors a newsroom can
make, and one of the easiest when several people are quoted on one story; the wire
services correct it as they correct a misquotation.

Fix: check the recording or notes; attribute the quotation to whoever said it. Runs
only when a claim store is found."
            }
            Rule::UnclosedQuote => {
                "Flags a double quotation mark opened and not closed before the end of its
paragraph, unless the next paragraph opens with a quotation mark (the convention for a
quotation running over several paragraphs).

Why: an unclosed quotation leaves the reader unsure where the speaker's words end and
the paper's begin; it also keeps this audit from telling quotation from narration.

Fix: close the quotation where the speaker's words end."
            }
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Rule {
    type Err = String;

    fn from_str(s: &str) -> Result<Rule, String> {
        Rule::ALL
            .into_iter()
            .find(|r| r.id() == s)
            .ok_or_else(|| format!("unknown rule {s:?}; the rules are: {}", rule_list()))
    }
}

/// All rule ids, comma separated, for messages.
pub fn rule_list() -> String {
    Rule::ALL.map(Rule::id).join(", ")
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_are_unique() {
        for rule in Rule::ALL {
            assert_eq!(rule.id().parse::<Rule>(), Ok(rule));
            assert!(!rule.explain().is_empty());
        }
        let mut ids: Vec<_> = Rule::ALL.iter().map(|r| r.id()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), Rule::ALL.len());
        assert!("vague".parse::<Rule>().is_err());
    }

    #[test]
    fn levels_are_ordered() {
        assert!(Level::Info < Level::Warning && Level::Warning < Level::Error);
        assert_eq!("warning".parse::<Level>(), Ok(Level::Warning));
        assert!("fatal".parse::<Level>().is_err());
    }
}
