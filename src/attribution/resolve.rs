//! Sources: a mention's name, role and kind, and back-references resolved within the
//! document ("Cha said" and "he said" -> "Victor D. Cha"; "Mr. Obama" -> "Barack Obama";
//! "the source added" -> the source named before).

use super::doc::Doc;
use super::frames::Range;
use super::lexicon::*;
use super::tokens::Kind;
use super::{Source, SourceKind};
use crate::span::Span;

/// A source seen earlier in the document.
#[derive(Debug, Clone)]
struct Entity {
    name: String,
    kind: SourceKind,
    role: Option<String>,
    /// A named person ("Cha" -> "Victor D. Cha" looks only at these).
    person: bool,
    /// One person, named or not ("Victor D. Cha", "a BPI spokesman"): what "he" or "she"
    /// may refer back to.
    human: bool,
    plural: bool,
    /// Where it was mentioned (byte offset), to pick the nearest antecedent.
    at: usize,
}

/// Resolves mentions in document order.
#[derive(Default)]
pub struct Resolver {
    entities: Vec<Entity>,
}

/// Countries and bodies known under several names.
const ALIASES: &[(&str, &str)] = &[
    ("u.s.", "United States"),
    ("us", "United States"),
    ("u.s", "United States"),
    ("usa", "United States"),
    ("u.s.a.", "United States"),
    ("america", "United States"),
    ("the united states", "United States"),
    ("united states", "United States"),
    ("the u.s.", "United States"),
    ("the us", "United States"),
    ("u.k.", "United Kingdom"),
    ("uk", "United Kingdom"),
    ("the u.k.", "United Kingdom"),
    ("the uk", "United Kingdom"),
    ("britain", "United Kingdom"),
    ("the united kingdom", "United Kingdom"),
    ("the u.n.", "United Nations"),
    ("u.n.", "United Nations"),
    ("the un", "United Nations"),
    ("the united nations", "United Nations"),
    ("the e.u.", "European Union"),
    ("the eu", "European Union"),
];

const MULTIWORD_PLACES: &[&str] = &[
    "united states",
    "north korea",
    "south korea",
    "united kingdom",
    "saudi arabia",
    "new zealand",
    "south africa",
    "united nations",
    "european union",
    "white house",
    "the white house",
    "united arab emirates",
    "czech republic",
    "sri lanka",
    "costa rica",
    "el salvador",
    "hong kong",
];

impl Resolver {
    /// The source for a mention spanning tokens `m`, with an appositive `role` if any.
    pub fn source(&mut self, doc: &Doc, m: Range, role: Option<Range>) -> Source {
        let (a, b) = m;
        let span = doc.span(a, b);
        let role_text = role.map(|(x, y)| clean(doc.span(x, y).slice(doc.text)));
        if b == a + 1 && doc.toks[a].kind == Kind::Word && doc.toks[a].is(PRONOUN) {
            return self.pronoun(doc, a, span);
        }
        let mut parsed = parse(doc, a, b);
        // "Another pollster, David Woodard of Clemson University, said": the name is in
        // the appositive, the phrase before it is the role.
        if parsed.kind != SourceKind::Named
            && let Some((x, y)) = role
            && doc.toks[x].cap()
            && !doc.toks[x].is(DET)
        {
            let named = parse(doc, x, y);
            if named.kind == SourceKind::Named {
                let role_text = clean(doc.span(a, b).slice(doc.text));
                let mut src = Source {
                    name: named.name,
                    kind: SourceKind::Named,
                    role: Some(role_text),
                    span: Some(span),
                    anonymity: None,
                };
                if let Some(e) = self.find_person(&src.name)
                    && e.name.len() > src.name.len()
                {
                    src.name = e.name.clone();
                }
                self.remember(&src, false);
                return src;
            }
            parsed = parse(doc, a, b);
        }
        let mut src = Source {
            name: parsed.name,
            kind: parsed.kind,
            role: role_text.or(parsed.role),
            span: Some(span),
            anonymity: None,
        };
        match src.kind {
            SourceKind::Named => {
                // "Cha" or "Mr. Cha" after "Victor D. Cha": the full name.
                if let Some(e) = self.find_person(&src.name) {
                    if e.name.len() > src.name.len() {
                        src.name = e.name.clone();
                    }
                    if src.role.is_none() {
                        src.role = e.role.clone();
                    }
                }
            }
            SourceKind::Anonymous
            | SourceKind::Vague
            | SourceKind::Document
            | SourceKind::Institutional
                if parsed.definite_common =>
            {
                // "the source added", "the official said": the one named before, if only
                // one fits.
                if let Some(e) = self.find_by_head(&parsed.head)
                    && same_description(&src.name, &parsed.head, e)
                {
                    src.name = e.name.clone();
                    src.kind = e.kind;
                    if src.role.is_none() {
                        src.role = e.role.clone();
                    }
                }
            }
            _ => {}
        }
        self.remember(&src, parsed.plural);
        src
    }

    fn remember(&mut self, src: &Source, plural: bool) {
        let Some(span) = src.span else {
            return;
        };
        self.entities.push(Entity {
            name: src.name.clone(),
            kind: src.kind,
            role: src.role.clone(),
            person: src.kind == SourceKind::Named,
            human: src.kind == SourceKind::Named || src.kind == SourceKind::Anonymous && !plural,
            plural,
            at: span.start,
        });
        if self.entities.len() > 512 {
            self.entities.drain(..256);
        }
    }

    fn find_person(&self, name: &str) -> Option<&Entity> {
        let last = name.split_whitespace().last()?;
        self.entities.iter().rev().find(|e| {
            e.person
                && e.name != name
                && e.name
                    .split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case(last))
        })
    }

    fn find_by_head(&self, head: &str) -> Option<&Entity> {
        if head.is_empty() {
            return None;
        }
        let mut found: Option<&Entity> = None;
        for e in self.entities.iter().rev().take(40) {
            let hit = e.role.as_deref().is_some_and(|r| contains_word(r, head))
                || contains_word(&e.name, head);
            if hit {
                match found {
                    None => found = Some(e),
                    Some(f) if f.name == e.name => {}
                    Some(_) => return None,
                }
            }
        }
        found
    }

    fn pronoun(&mut self, doc: &Doc, a: usize, span: Span) -> Source {
        let t = doc.toks[a];
        let w = doc.word(a);
        let lower = w.to_ascii_lowercase();
        let want_person = t.is(PRON_PERSON) && matches!(lower.as_str(), "he" | "she");
        let want_it = t.is(PRON_IT);
        let want_they = t.is(PRON_THEY);
        let found = if want_person {
            // The nearest of: the last person quoted, a person named just before.
            // (An unnamed person counts: "an EU spokesman told Reuters. He added ...".)
            let quoted = self.entities.iter().rev().find(|e| e.human).cloned();
            let named =
                nearest_name(doc, a).map(|mut e| {
                    e.name = strip_honorific(&e.name).to_owned();
                    // "Transport Ana Maria Ruiz" in "Secretary of Transport Ana Maria Ruiz":
                    // the person already known by the end of it.
                    if let Some(known) = self.entities.iter().rev().find(|k| {
                        k.person && k.name.len() < e.name.len() && e.name.ends_with(&k.name)
                    }) {
                        e.name = known.name.clone();
                        e.role = known.role.clone();
                    }
                    if let Some(full) = self.find_person(&e.name)
                        && full.name.len() > e.name.len()
                    {
                        e.name = full.name.clone();
                        e.role = full.role.clone();
                    }
                    e
                });
            match (quoted, named) {
                (Some(q), Some(n)) => Some(
                    if n.at > q.at && n.name != q.name && !subject_before_name(doc, &q, n.at) {
                        n
                    } else {
                        q
                    },
                ),
                (q, n) => q.or(n),
            }
        } else if want_it {
            subject_before(doc, a, false).or_else(|| {
                self.entities
                    .iter()
                    .rev()
                    .find(|e| matches!(e.kind, SourceKind::Institutional | SourceKind::Document))
                    .cloned()
            })
        } else if want_they {
            subject_before(doc, a, true).or_else(|| {
                self.entities
                    .iter()
                    .rev()
                    .find(|e| {
                        e.plural || matches!(e.kind, SourceKind::Vague | SourceKind::Institutional)
                    })
                    .cloned()
            })
        } else {
            None
        };
        match found {
            Some(e) => Source {
                name: e.name,
                kind: e.kind,
                role: e.role,
                span: Some(span),
                anonymity: None,
            },
            // Unresolved: the pronoun itself ("I" stays a capital). A person or group
            // the text refers to without a name we could find is not `Named` (no name is
            // given) but `Anonymous`: someone particular, unnamed here ("he", "I", "we").
            None => Source {
                name: if lower == "i" { "I".to_owned() } else { lower },
                kind: if want_they {
                    SourceKind::Vague
                } else if want_it {
                    SourceKind::Institutional
                } else {
                    SourceKind::Anonymous
                },
                role: None,
                span: Some(span),
                anonymity: None,
            },
        }
    }
}

/// Whether the person last quoted is named again earlier in the sentence of a later name
/// (at byte `name_at`): "Huckabee has a strong lead over rivals such as Sen. Ted Cruz.
/// He said ..." is about Huckabee, the subject, not the name at the end.
fn subject_before_name(doc: &Doc, quoted: &Entity, name_at: usize) -> bool {
    if !quoted.person {
        return false;
    }
    let Some(surname) = quoted
        .name
        .split(' ')
        .rev()
        .find(|w| !matches!(w.trim_end_matches('.'), "Jr" | "Sr" | "II" | "III" | "IV"))
    else {
        return false;
    };
    let at = doc.toks.partition_point(|t| t.start < name_at);
    let Some(tok) = doc.toks.get(at) else {
        return false;
    };
    let sentence = doc.sents[tok.sent as usize].clone();
    (sentence.start..at).any(|i| {
        let t = doc.toks[i];
        let w = doc.word(i);
        let w = w
            .strip_suffix("’s")
            .or_else(|| w.strip_suffix("'s"))
            .unwrap_or(w);
        t.kind == Kind::Word && !t.in_quote() && w == surname
    })
}

/// Whether a definite mention ("the ministry", "the senior official") describes nothing
/// the earlier one does not: "the Chinese foreign ministry" after "the defence ministry"
/// is another body.
fn same_description(mention: &str, head: &str, earlier: &Entity) -> bool {
    // The words before the head describe it; what follows may be the rest of the clause
    // when the mention was cut too long.
    mention
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .take_while(|w| !w.eq_ignore_ascii_case(head))
        .filter(|w| {
            !matches!(
                w.to_ascii_lowercase().as_str(),
                "the" | "this" | "that" | "these" | "those" | "same"
            )
        })
        .all(|w| {
            contains_word(&earlier.name, w)
                || earlier.role.as_deref().is_some_and(|r| contains_word(r, w))
        })
}

fn contains_word(hay: &str, word: &str) -> bool {
    hay.split(|c: char| !c.is_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case(word))
}

/// The nearest earlier capitalised name of two or more words, within a few sentences.
fn nearest_name(doc: &Doc, before: usize) -> Option<Entity> {
    let sent = doc.toks[before].sent;
    let mut i = before;
    let mut run_end = None;
    while i > 0 {
        i -= 1;
        let t = doc.toks[i];
        if t.sent + 3 < sent {
            break;
        }
        // A name inside a quotation is not who is speaking ("Our approach is Bruce Lee,
        // not brute force," he said).
        if t.in_quote() {
            run_end = None;
            continue;
        }
        // (Not "Miami-Dade County", "State Department", "Defense" in "Secretary of
        // Defense Lloyd J. Austin III": places, bodies and departments.)
        let name_word = t.kind == Kind::Word
            && t.cap()
            && !t.is(FUNCTION
                | DET
                | PRONOUN
                | ORG_WORD
                | COUNTRY
                | MONTH
                | TIME
                | TITLE
                | DEMONYM
                | DEPT
                | GROUP_NOUN
                | DOC_NOUN);
        match (name_word, run_end) {
            (true, None) => run_end = Some(i + 1),
            (true, Some(_)) => {}
            (false, Some(e)) => {
                let s = i + 1;
                // "the New York magazine interview": a name used as a modifier, or after
                // an article, is a place or a title, not a person.
                let modifier = t.kind == Kind::Word && t.is(DET)
                    || doc.toks.get(e).is_some_and(|n| {
                        n.kind == Kind::Word && !n.cap() && !n.is(FUNCTION | ADV) && n.cue.is_none()
                    });
                if e - s >= 2 && !modifier && s > doc.sents[t.sent as usize].start.min(s) {
                    let name = clean(doc.span(s, e).slice(doc.text));
                    return Some(Entity {
                        name,
                        kind: SourceKind::Named,
                        role: None,
                        person: true,
                        human: true,
                        plural: false,
                        at: doc.toks[s].start,
                    });
                }
                run_end = None;
            }
            (false, None) => {}
        }
    }
    None
}

/// The subject of the pronoun's own sentence, when it comes before the pronoun and fits:
/// "China is trying ..., which it accuses ..." -> China.
fn subject_before(doc: &Doc, at: usize, plural: bool) -> Option<Entity> {
    let s = doc.toks[at].sent as usize;
    let r = doc.sents[s].clone();
    let mut i = r.start;
    while i < at && doc.toks[i].kind == Kind::Word && doc.toks[i].is(DISCOURSE | CONJ) {
        i += 1;
    }
    if i >= at {
        return None;
    }
    let e = doc.np_fwd(i, at)?;
    let p = parse(doc, i, e);
    let fits = if plural {
        p.plural || matches!(p.kind, SourceKind::Vague | SourceKind::Institutional)
    } else {
        matches!(p.kind, SourceKind::Institutional | SourceKind::Document) && !p.plural
    };
    fits.then_some(Entity {
        name: p.name,
        kind: p.kind,
        role: p.role,
        person: false,
        human: false,
        plural: p.plural,
        at: doc.toks[i].start,
    })
}

struct Parsed {
    name: String,
    kind: SourceKind,
    role: Option<String>,
    /// "the official": a definite common noun that may refer back.
    definite_common: bool,
    head: String,
    plural: bool,
}

/// Splits a mention into role and name, and classifies it.
fn parse(doc: &Doc, a: usize, b: usize) -> Parsed {
    let toks = &doc.toks;
    let mut s = a;
    let definite = doc.is_word(a, "the");
    let indefinite = doc.is_word(a, "a") || doc.is_word(a, "an");
    let whole = clean(doc.span(a, b).slice(doc.text));
    let lower_whole = whole.to_lowercase();
    // Aliases and known places first: "The U.S." -> United States.
    for (k, v) in ALIASES {
        if lower_whole == *k {
            return Parsed {
                name: (*v).to_owned(),
                kind: SourceKind::Institutional,
                role: None,
                definite_common: false,
                head: String::new(),
                plural: false,
            };
        }
    }
    // "customs figures compiled by a research group in Hong Kong", "a report released
    // on Tuesday": the phrase before the participle names the source, the participle
    // phrase describes it.
    if let Some(pm) = participle_modifier(doc, a, b) {
        let mut head = parse(doc, a, pm);
        head.role = Some(clean(doc.span(pm, b).slice(doc.text)));
        let anonymous =
            lower_whole.contains(" briefed on ") || (pm..b).any(|i| toks[i].is(ANONYMITY));
        if anonymous && matches!(head.kind, SourceKind::Vague | SourceKind::Named) {
            head.kind = SourceKind::Anonymous;
        }
        return head;
    }
    if toks[s].is(DET) && toks[s].kind == Kind::Word {
        s += 1;
    }
    // "Dr Mike Watts head of exploration": a name, then its role without a comma.
    if let Some(f) = (s + 2..b).find(|&i| toks[i].kind == Kind::Word && !toks[i].cap())
        && toks[f].is(TITLE | PERSON_NOUN)
        && (s..f).all(|i| {
            let t = toks[i];
            t.kind == Kind::Word
                && (t.cap() || t.is(NAME_SUFFIX))
                && !t.poss()
                && !t.is(ORG_WORD | DEPT | COUNTRY | GROUP_NOUN | DEMONYM | TIME | MONTH)
        })
        && (s..f).filter(|&i| !toks[i].is(HONORIFIC | TITLE)).count() >= 2
        // (Not "JP Morgan Securities analyst John Ivankoe": a name after the role is the
        // person's; capitals after a preposition are an affiliation.)
        && (f..b).all(|i| !toks[i].cap() || (f..i).any(|j| toks[j].is(PREP)))
    {
        let mut x = s;
        while x < f && toks[x].is(HONORIFIC | TITLE) {
            x += 1;
        }
        return Parsed {
            name: clean(doc.span(x, f).slice(doc.text)),
            kind: SourceKind::Named,
            role: Some(clean(doc.span(f, b).slice(doc.text))),
            definite_common: false,
            head: String::new(),
            plural: false,
        };
    }
    // "Officials in Seoul", "a spokesman for the Pentagon", "analysts at Goldman Sachs":
    // an unnamed source described by where it works, not a name with a title.
    if described_by_affiliation(doc, a, s, b) {
        let anonymity = (a..b).any(|i| toks[i].is(ANONYMITY))
            || lower_whole.contains("familiar with")
            || lower_whole.contains("close to");
        let plural = {
            let k = (s + 1..b)
                .find(|&i| AFFILIATION_PREPS.iter().any(|w| doc.is_word(i, w)))
                .unwrap_or(b);
            let head = doc.word(k - 1);
            head.ends_with('s') && !head.ends_with("ss")
        };
        return common(doc, a, b, &whole, definite, indefinite, anonymity, plural);
    }
    // "David Woodard of Clemson University", "Rep. Tom Cole of Oklahoma": a person's
    // name, then an affiliation. ("Secretary of Defense", "Bank of America" are one.)
    let b = (s + 1..b)
        .find(|&i| {
            let prev = toks[i - 1];
            ["of", "at", "from"].iter().any(|w| doc.is_word(i, w))
                && prev.cap()
                && !prev.is(TITLE | ORG_WORD | DEPT | COUNTRY | GROUP_NOUN)
                && i >= s + 2
                && toks[i - 2].cap()
                && i + 1 < b
                && (toks[i + 1].cap() || toks[i + 1].is(DET))
        })
        .unwrap_or(b);
    // Where does the trailing run of capitalised name words start?
    let mut n = b;
    while n > s {
        let t = toks[n - 1];
        let name_word = t.kind == Kind::Word
            && (t.cap() || t.is(NAME_SUFFIX))
            && !t.is(TIME | MONTH)
            && !(t.is(TITLE)
                && !t.is(ORG_WORD)
                && n < b
                && t.shape & super::tokens::shape::INITIAL == 0);
        // "China and North Korea", "Trump and Pence": names joined by "and" are one.
        // "Henri de Bodinat", "Ludwig van Beethoven": a particle inside a name.
        let particle = NAME_PARTICLES.iter().any(|w| doc.word(n - 1) == *w);
        let joined = n - 1 > s
            && n < b
            && (doc.is_word(n - 1, "and") || doc.word(n - 1) == "&" || particle)
            && toks[n - 2].cap()
            && toks[n].cap();
        if !name_word && !joined {
            break;
        }
        n -= 1;
    }
    // Titles at the start of the run belong to the role: "Secretary of Defense Lloyd ...".
    let mut name_start = n;
    if name_start < b {
        let mut i = s;
        let mut role_end = None;
        while i < b {
            let t = toks[i];
            let is_title = t.kind == Kind::Word
                && (t.is(TITLE | DEMONYM | HONORIFIC) || (t.is(DEPT) && t.cap()));
            let joiner = doc.is_word(i, "of") || doc.is_word(i, "for") || doc.is_word(i, "and");
            if is_title || (joiner && i > s) || (!t.cap() && t.kind == Kind::Word) {
                i += 1;
                role_end = Some(i);
                continue;
            }
            // "Minister of Transport Ana Maria Ruiz": what a title is "of" belongs to
            // the role, while two or more name words are left after it.
            let after_joiner = i > s && (doc.is_word(i - 1, "of") || doc.is_word(i - 1, "for"));
            let left = (i + 1..b)
                .filter(|&j| toks[j].cap() || toks[j].is(NAME_SUFFIX))
                .count();
            if after_joiner && t.cap() && left >= 2 && left == b - i - 1 {
                i += 1;
                role_end = Some(i);
                continue;
            }
            // An org or department name inside a role: "Justice Department spokesman".
            if t.cap()
                && i + 1 < b
                && (toks[i + 1].is(TITLE) && !toks[i + 1].cap()
                    || i + 2 < b
                        && toks[i + 1].cap()
                        && toks[i + 2].is(TITLE)
                        && (!toks[i + 2].cap()
                            || toks[i + 2].shape & super::tokens::shape::UPPER != 0))
            {
                i += 1;
                continue;
            }
            break;
        }
        if let Some(re) = role_end
            && re < b
        {
            name_start = name_start.max(re);
        }
        // "The White House", "the Justice Department": a body's one-word name is never
        // left after a role.
        if name_start >= b {
            name_start = n;
        }
        if b - name_start == 1 && toks[b - 1].is(ORG_WORD) {
            while name_start > s && toks[name_start - 1].cap() && !toks[name_start - 1].is(DET) {
                name_start -= 1;
            }
        }
    }
    let name_words = b - name_start;
    let head_tok = toks[b - 1];
    let head = doc.word(b - 1).to_ascii_lowercase();
    let plural_head = head.ends_with('s') && !head.ends_with("ss") && !head_tok.cap();
    let anonymity = (a..b).any(|i| toks[i].is(ANONYMITY))
        || lower_whole.contains("familiar with")
        || lower_whole.contains("close to");
    if name_words > 0 && name_start >= s {
        let name_text = clean(doc.span(name_start, b).slice(doc.text));
        let honorific_free = strip_honorific(&name_text);
        let role = (name_start > s).then(|| clean(doc.span(s, name_start).slice(doc.text)));
        let lower_name = honorific_free.to_lowercase();
        let alias = ALIASES
            .iter()
            .find(|(k, _)| *k == lower_name)
            .map(|(_, v)| (*v).to_owned());
        let org = (name_start..b).any(|i| {
            toks[i].is(ORG_WORD)
                || toks[i].shape & super::tokens::shape::UPPER != 0
                    && toks[i].shape & super::tokens::shape::ABBREV == 0
                    && !toks[i].is(NAME_SUFFIX)
        }) || (name_start..b)
            .any(|i| toks[i].is(GROUP_NOUN) && toks[i].cap() && i == b - 1);
        // ("Mr. Jordan", "Sen. Georgia Lee": an honorific or a title names a person.)
        let titled = (s..name_start.min(b)).any(|i| toks[i].is(HONORIFIC | TITLE))
            || honorific_free.len() < name_text.len();
        let place = !titled
            && ((name_words == 1 && toks[name_start].is(COUNTRY))
                || MULTIWORD_PLACES.contains(&lower_name.as_str()));
        // "Former Mexican President Vicente Fox": after a person's title, given names
        // and a surname that is also a body's word ("Fox", "Post") are a person's name.
        let titled_person = titled
            && name_words >= 2
            && (name_start..b - 1).all(|i| {
                let t = toks[i];
                t.cap()
                    && !t.is(ORG_WORD | DEPT | COUNTRY | GROUP_NOUN | DEMONYM)
                    && t.shape & super::tokens::shape::UPPER == 0
            });
        let org = org && !titled_person;
        let the_name = definite && role.is_none();
        // "Mr Fox", "Ms Sun": an honorific makes a person, whatever the words look like.
        let honorific = honorific_free.len() < name_text.len() && name_words >= 2
            || name_start > a && toks[name_start - 1].is(HONORIFIC);
        let kind = if honorific && alias.is_none() {
            SourceKind::Named
        } else if alias.is_some() || place || org || the_name {
            SourceKind::Institutional
        } else if (name_start..b).any(|i| toks[i].is(VAGUE) && !toks[i].cap()) {
            SourceKind::Vague
        } else {
            SourceKind::Named
        };
        let name = alias.unwrap_or_else(|| {
            if the_name {
                name_text.clone()
            } else {
                honorific_free.to_owned()
            }
        });
        // A capitalised common noun at the start of a sentence ("Analysts say").
        // ("Ecologists", "Shareholders" opening a sentence: a plural, not a name.)
        let first_word = name_start == doc.sents[toks[name_start].sent as usize].start;
        let plural_noun = first_word && {
            let w = doc.word(name_start);
            w.len() > 5
                && ["ists", "ers", "ians", "ants", "ents", "ors", "ics"]
                    .iter()
                    .any(|x| w.ends_with(x))
                && toks[name_start].shape & super::tokens::shape::UPPER == 0
        };
        if name_words == 1
            && (toks[name_start].is(VAGUE | ANON | DOC_NOUN | GROUP_NOUN | PERSON_NOUN)
                || plural_noun)
            && !toks[name_start].is(ORG_WORD | COUNTRY)
        {
            return common(
                doc,
                a,
                b,
                &whole,
                definite,
                indefinite,
                anonymity,
                plural_head || toks[name_start].is(VAGUE),
            );
        }
        return Parsed {
            name,
            kind,
            role,
            definite_common: false,
            head,
            plural: false,
        };
    }
    common(
        doc,
        a,
        b,
        &whole,
        definite,
        indefinite,
        anonymity,
        plural_head,
    )
}

/// Lower-case words inside names ("Henri de Bodinat").
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "la", "le", "bin", "ibn",
    "al", "dos", "das",
];

/// Prepositions that join a source to where it works or lives.
const AFFILIATION_PREPS: &[&str] = &["of", "at", "in", "for", "from", "with", "on"];

/// Where a participle phrase modifying the mention's head starts ("figures compiled by
/// ...", "a report released on Tuesday", "a poll conducted by Gallup"), if one does.
fn participle_modifier(doc: &Doc, a: usize, b: usize) -> Option<usize> {
    (a + 1..b).find(|&i| {
        let t = doc.toks[i];
        let prev = doc.toks[i - 1];
        let w = doc.word(i);
        t.kind == Kind::Word
            && !t.cap()
            && w.len() > 4
            && w.ends_with("ed")
            && !t.is(SOURCE_NOUN | TITLE | FUNCTION | DET | QUANT)
            && prev.kind == Kind::Word
            && !prev.is(DET | FUNCTION | ADV)
            && (prev.cap() || prev.is(SOURCE_NOUN) || !prev.is(DEMONYM))
            && doc.toks.get(i + 1).is_some_and(|n| {
                n.kind == Kind::Word && (n.is(PREP | TIME) || doc.is_word(i + 1, "by"))
            })
            // Not a name: "Ted Cruz, Jr." has no participle; "United" is capitalised.
            && (a..i).any(|j| doc.toks[j].is(SOURCE_NOUN) || !doc.toks[j].cap())
    })
}

/// Whether mention `[a, b)` (with `s` past its article) is a common noun described by
/// an affiliation ("officials in Seoul", "a spokesman for the Pentagon", "analysts at
/// Goldman Sachs", "the head of the International Monetary Fund"), not a title joined
/// to a person's name ("Secretary of Defense Lloyd J. Austin III", "Director of
/// National Intelligence James Clapper").
fn described_by_affiliation(doc: &Doc, a: usize, s: usize, b: usize) -> bool {
    let toks = &doc.toks;
    let Some(p) = (s + 1..b).find(|&i| AFFILIATION_PREPS.iter().any(|w| doc.is_word(i, w))) else {
        return false;
    };
    let head = toks[p - 1];
    if head.kind != Kind::Word || p + 1 >= b {
        return false;
    }
    // "experts on Korea" is what they know; "a comedian on Wednesday" is when.
    if doc.is_word(p, "on") && toks[p + 1].is(TIME | MONTH) {
        return false;
    }
    // Before the preposition: only descriptive words, with a common noun at its end.
    let common_head =
        head.is(SOURCE_NOUN | TITLE) || !head.cap() && !head.is(FUNCTION | DEMONYM | DET);
    let descriptive = (s..p).all(|i| {
        let t = toks[i];
        t.kind == Kind::Number
            || t.kind == Kind::Word
                && (!t.cap() || t.is(SOURCE_NOUN | TITLE | DEMONYM | QUANT | NUMBER_WORD))
    });
    if !common_head || !descriptive {
        return false;
    }
    let articled = toks[a].kind == Kind::Number
        || toks[a].kind == Kind::Word && toks[a].is(DET | QUANT | NUMBER_WORD);
    let w = doc.word(p - 1);
    let plural = w.ends_with('s') && !w.ends_with("ss") && !head.is(TITLE);
    if articled || plural || !head.cap() {
        return true;
    }
    // "Secretary of Defense Lloyd J. Austin III": a title, then a person's name (two or
    // more name words after any department or body words).
    let mut k = p + 1;
    while k < b && (toks[k].is(DEPT | ORG_WORD | DET) || doc.is_word(k, "of")) {
        k += 1;
    }
    let name_words = (k..b)
        .filter(|&i| toks[i].kind == Kind::Word && toks[i].cap())
        .count();
    let person = name_words >= 2
        && (k..b).all(|i| {
            let t = toks[i];
            t.kind == Kind::Word
                && (t.cap() || t.is(NAME_SUFFIX))
                && !t.is(ORG_WORD | DEPT | COUNTRY | GROUP_NOUN)
        });
    !person
}

#[allow(clippy::too_many_arguments)]
fn common(
    doc: &Doc,
    a: usize,
    b: usize,
    whole: &str,
    definite: bool,
    indefinite: bool,
    anonymity: bool,
    plural: bool,
) -> Parsed {
    let toks = &doc.toks;
    // The noun that decides the kind: the last source noun before any "of/for/at".
    let mut k = b - 1;
    for i in a..b {
        let w = doc.word(i);
        // "officials who spoke ...", "a report released on Tuesday": the modifier after
        // the head does not decide the kind.
        let modifier = i > a
            && toks[i - 1].is(SOURCE_NOUN)
            && toks[i].kind == Kind::Word
            && !toks[i].cap()
            && !toks[i].is(SOURCE_NOUN)
            && (w.ends_with("ed") || w.ends_with("ing"));
        let ends_head = [
            "of", "for", "at", "close", "familiar", "with", "from", "who", "that", "in", "on",
        ]
        .iter()
        .any(|x| w.eq_ignore_ascii_case(x));
        if ends_head || modifier {
            if i > a {
                k = i - 1;
            }
            break;
        }
    }
    let h = toks[k];
    let kind = if anonymity || h.is(ANON) {
        SourceKind::Anonymous
    } else if h.is(DOC_NOUN) && !h.is(PERSON_NOUN) {
        SourceKind::Document
    } else if h.is(VAGUE) {
        SourceKind::Vague
    } else if h.is(GROUP_NOUN) {
        SourceKind::Institutional
    } else if h.is(PERSON_NOUN | TITLE) || !plural {
        // An unnamed person, or group, described by role ("a senior diplomat", "the
        // engineer", "officials in Seoul"): anonymous.
        SourceKind::Anonymous
    } else {
        // An unnamed group of no stated membership ("observers", "many Democrats").
        SourceKind::Vague
    };
    let name = lower_first(whole);
    let _ = indefinite;
    Parsed {
        name,
        kind,
        role: None,
        definite_common: definite,
        head: singular(doc.word(k)),
        plural,
    }
}

fn singular(word: &str) -> String {
    let w = word.to_ascii_lowercase();
    match w.strip_suffix('s') {
        Some(stem) if stem.len() > 2 && !stem.ends_with('s') => stem.to_owned(),
        _ => w,
    }
}

fn strip_honorific(name: &str) -> &str {
    for h in [
        "Mr. ", "Mrs. ", "Ms. ", "Dr. ", "Mr ", "Mrs ", "Ms ", "Dr ", "Miss ",
    ] {
        if let Some(rest) = name.strip_prefix(h) {
            return rest;
        }
    }
    name
}

fn lower_first(s: &str) -> String {
    let mut words = s.split_whitespace();
    let Some(first) = words.next() else {
        return String::new();
    };
    let mut out = String::with_capacity(s.len());
    // Lower-case the first word when it is a common word ("The", "Officials"), not a
    // name ("Michael Jackson's mother") or an acronym.
    let (lex, _) = lookup(first.trim_end_matches(['’', '\'', 's']));
    let (lex_full, _) = lookup(first);
    let common = (lex | lex_full) != 0 && (lex | lex_full) & (ORG_WORD | COUNTRY) == 0;
    // (Never the pronoun "I", nor "I'm" or "I've".)
    let first_person = first == "I" || first.starts_with("I'") || first.starts_with("I’");
    let keep = first.chars().skip(1).any(|c| c.is_uppercase()) || !common || first_person;
    if keep {
        out.push_str(first);
    } else {
        out.extend(first.chars().enumerate().map(|(i, c)| {
            if i == 0 {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                c
            }
        }));
    }
    for w in words {
        out.push(' ');
        out.push_str(w);
    }
    out
}

/// White space folded to single spaces, surrounding punctuation removed.
pub fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    let trimmed = out.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '—' | '–' | '(' | ')'));
    trimmed.trim().to_owned()
}
