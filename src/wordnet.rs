//! General English lexical relations from WordNet 3.0.
//!
//! The data is `lexicon/wordnet/wordnet.txt` (built by `lexicon/wordnet/build.py`,
//! format in `lexicon/wordnet/README.md`), compiled into the binary and parsed once,
//! on first use, into flat tables. Each lemma keeps only its first three senses per
//! part of speech (WordNet orders senses by frequency): rare senses make false
//! matches ("man" as a chess piece).
//!
//! Every function takes lower-case words in any inflection and looks at every base
//! form WordNet's morphy finds for them ([`base_forms`]): the word itself when it
//! is a lemma, the exception lists ("ran" -> "run", "children" -> "child"), and,
//! for a part of speech with no exception entry, WordNet's suffix rules.
//!
//! WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
//! See `lexicon/wordnet/LICENSE`.

use std::sync::LazyLock;

/// A WordNet part of speech. Adjective satellites count as [`Pos::Adj`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Pos {
    Noun,
    Verb,
    Adj,
    Adv,
}

impl Pos {
    const ALL: [Pos; 4] = [Pos::Noun, Pos::Verb, Pos::Adj, Pos::Adv];

    fn from_letter(s: &str) -> Option<Pos> {
        match s {
            "n" => Some(Pos::Noun),
            "v" => Some(Pos::Verb),
            "a" => Some(Pos::Adj),
            "r" => Some(Pos::Adv),
            _ => None,
        }
    }

    /// WordNet's suffix-detachment rules (morph.c), in WordNet's order.
    fn rules(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Pos::Noun => &[
                ("s", ""),
                ("ses", "s"),
                ("xes", "x"),
                ("zes", "z"),
                ("ches", "ch"),
                ("shes", "sh"),
                ("men", "man"),
                ("ies", "y"),
            ],
            Pos::Verb => &[
                ("s", ""),
                ("ies", "y"),
                ("es", "e"),
                ("es", ""),
                ("ed", "e"),
                ("ed", ""),
                ("ing", "e"),
                ("ing", ""),
            ],
            Pos::Adj => &[("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
            Pos::Adv => &[],
        }
    }
}

const DATA: &str = include_str!("../lexicon/wordnet/wordnet.txt");

/// Senses kept per lemma and part of speech (the data file keeps no more).
const SENSES: usize = 3;

/// Longest candidate base form tried; the longest lemma in the data has 33 bytes.
const MAX_WORD: usize = 64;

/// Depth used to rule out an ancestor link in [`co_hyponyms`]; deeper than any
/// WordNet hypernym chain.
const FAR: usize = 32;

/// One lemma in one part of speech, with its first senses (synset ids).
#[derive(Debug, Clone, Copy)]
struct Entry {
    /// Byte offset and length of the lemma inside [`Lexicon::text`].
    lemma_at: u32,
    lemma_len: u16,
    pos: Pos,
    n_senses: u8,
    senses: [u32; SENSES],
}

impl Entry {
    fn senses(&self) -> &[u32] {
        &self.senses[..(self.n_senses as usize).min(SENSES)]
    }
}

/// The parsed tables. Ids are indexes: synset ids as in the file, entry ids into
/// `entries`.
#[derive(Debug, Default)]
struct Lexicon {
    /// The parsed text; lemmas point into it.
    text: &'static str,
    /// Sorted by (lemma, pos); unique.
    entries: Vec<Entry>,
    /// Hypernyms and instance hypernyms of synset `s`:
    /// `up[up_start[s]..up_start[s + 1]]`.
    up_start: Vec<u32>,
    up: Vec<u32>,
    /// (verb synset, synset it entails), sorted.
    entails: Vec<(u32, u32)>,
    /// Entry pairs, both directions, sorted: direct antonyms and the one-step
    /// "similar to" extension.
    opposite: Vec<(u32, u32)>,
    /// Entry pairs, both directions, sorted: derivationally related forms.
    derived: Vec<(u32, u32)>,
    /// (inflected form, base entry), sorted.
    exceptions: Vec<(&'static str, u32)>,
    /// Lines of the data file that did not parse.
    skipped: usize,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse(DATA));

fn ids(field: &str) -> Option<Vec<u32>> {
    if field == "-" {
        return Some(Vec::new());
    }
    field.split(',').map(|s| s.parse().ok()).collect()
}

/// Offset and length of `s`, a slice of `text`, inside `text`.
fn offset_in(text: &str, s: &str) -> Option<(u32, u16)> {
    let at = (s.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    if at + s.len() > text.len() {
        return None;
    }
    Some((u32::try_from(at).ok()?, u16::try_from(s.len()).ok()?))
}

fn symmetric(mut pairs: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
    let back: Vec<(u32, u32)> = pairs.iter().map(|&(a, b)| (b, a)).collect();
    pairs.extend(back);
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

impl Lexicon {
    fn lemma_of(&self, e: &Entry) -> &'static str {
        let start = e.lemma_at as usize;
        self.text
            .get(start..start + e.lemma_len as usize)
            .unwrap_or("")
    }

    /// Parses the data file format (README.md). A malformed line is skipped and
    /// counted in `skipped`.
    fn parse(text: &'static str) -> Lexicon {
        let mut lex = Lexicon {
            text,
            ..Lexicon::default()
        };
        let mut synsets: Vec<(&'static str, [&'static str; 3])> = Vec::new();
        let mut words = Vec::new();
        let mut pairs = Vec::new();
        for line in text.lines() {
            let f: Vec<&'static str> = line.split(' ').collect();
            match f.as_slice() {
                ["S", id, kind, up, inst, ent] if ["n", "v", "a", "s", "r"].contains(kind) => {
                    synsets.push((*id, [*up, *inst, *ent]))
                }
                ["W", lemma, pos, senses] => words.push((*lemma, *pos, *senses)),
                ["A" | "N" | "D" | "X", ..] => pairs.push(f),
                _ => lex.skipped += 1,
            }
        }

        // Synsets.
        let mut edges: Vec<(u32, u32)> = Vec::new();
        let mut entails = Vec::new();
        let mut n_synsets = 0usize;
        let parsed: Vec<Option<(u32, [Vec<u32>; 3])>> = synsets
            .iter()
            .map(|(id, [up, inst, ent])| {
                Some((id.parse().ok()?, [ids(up)?, ids(inst)?, ids(ent)?]))
            })
            .collect();
        for p in parsed.iter().flatten() {
            n_synsets = n_synsets.max(p.0 as usize + 1);
        }
        for p in &parsed {
            let Some((id, [up, inst, ent])) = p else {
                lex.skipped += 1;
                continue;
            };
            if up
                .iter()
                .chain(inst)
                .chain(ent)
                .any(|&t| t as usize >= n_synsets)
            {
                lex.skipped += 1;
                continue;
            }
            edges.extend(up.iter().chain(inst).map(|&t| (*id, t)));
            entails.extend(ent.iter().map(|&t| (*id, t)));
        }
        edges.sort_unstable();
        edges.dedup();
        lex.up_start = Vec::with_capacity(n_synsets + 1);
        let mut i = 0;
        for s in 0..n_synsets {
            lex.up_start.push(i as u32);
            while i < edges.len() && edges[i].0 as usize == s {
                i += 1;
            }
        }
        lex.up_start.push(i as u32);
        lex.up = edges.into_iter().map(|(_, t)| t).collect();
        entails.sort_unstable();
        entails.dedup();
        lex.entails = entails;

        // Lemmas.
        for (lemma, pos, senses) in words {
            let entry = (|| {
                let pos = Pos::from_letter(pos)?;
                let (lemma_at, lemma_len) = offset_in(text, lemma)?;
                let list = ids(senses)?;
                if list.is_empty() || list.len() > SENSES || lemma.is_empty() {
                    return None;
                }
                if list.iter().any(|&s| s as usize >= n_synsets) {
                    return None;
                }
                let mut senses = [0; SENSES];
                senses[..list.len()].copy_from_slice(&list);
                Some(Entry {
                    lemma_at,
                    lemma_len,
                    pos,
                    n_senses: list.len() as u8,
                    senses,
                })
            })();
            match entry {
                Some(e) => lex.entries.push(e),
                None => lex.skipped += 1,
            }
        }
        let mut entries = std::mem::take(&mut lex.entries);
        entries.sort_by(|a, b| (lex.lemma_of(a), a.pos).cmp(&(lex.lemma_of(b), b.pos)));
        let before = entries.len();
        entries.dedup_by(|a, b| lex.lemma_of(a) == lex.lemma_of(b) && a.pos == b.pos);
        lex.skipped += before - entries.len();
        lex.entries = entries;

        // Pair lines need the entries.
        let mut opposite = Vec::new();
        let mut derived = Vec::new();
        let mut exceptions = Vec::new();
        for f in pairs {
            let ok = match f.as_slice() {
                ["A" | "N", pos, a, b] => Pos::from_letter(pos)
                    .and_then(|p| Some((lex.entry(a, p)?, lex.entry(b, p)?)))
                    .map(|pair| opposite.push(pair))
                    .is_some(),
                ["D", a, pa, b, pb] => Pos::from_letter(pa)
                    .zip(Pos::from_letter(pb))
                    .and_then(|(pa, pb)| Some((lex.entry(a, pa)?, lex.entry(b, pb)?)))
                    .map(|pair| derived.push(pair))
                    .is_some(),
                ["X", pos, infl, bases] => match Pos::from_letter(pos) {
                    Some(p) if !infl.is_empty() => {
                        let found: Option<Vec<u32>> =
                            bases.split(',').map(|b| lex.entry(b, p)).collect();
                        found
                            .map(|found| exceptions.extend(found.into_iter().map(|e| (*infl, e))))
                            .is_some()
                    }
                    _ => false,
                },
                _ => false,
            };
            if !ok {
                lex.skipped += 1;
            }
        }
        lex.opposite = symmetric(opposite);
        lex.derived = symmetric(derived);
        exceptions.sort_unstable();
        exceptions.dedup();
        lex.exceptions = exceptions;
        lex
    }

    /// The entries of `lemma` (all parts of speech), as an id range.
    fn lemma_range(&self, lemma: &str) -> std::ops::Range<usize> {
        let start = self.entries.partition_point(|e| self.lemma_of(e) < lemma);
        let len = self.entries[start..].partition_point(|e| self.lemma_of(e) == lemma);
        start..start + len
    }

    fn entry(&self, lemma: &str, pos: Pos) -> Option<u32> {
        self.lemma_range(lemma)
            .find(|&i| self.entries[i].pos == pos)
            .map(|i| i as u32)
    }

    fn get(&self, entry: u32) -> Option<&Entry> {
        self.entries.get(entry as usize)
    }

    fn parents(&self, synset: u32) -> &[u32] {
        let s = synset as usize;
        match (self.up_start.get(s), self.up_start.get(s + 1)) {
            (Some(&a), Some(&b)) => self.up.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// Calls `f(ancestor, depth)` for every hypernym path step from `synset`,
    /// depth 1 (a direct hypernym) to `max_depth`. An ancestor reached by
    /// several paths is reported once per path.
    fn ancestors(&self, synset: u32, max_depth: usize, f: &mut impl FnMut(u32, usize)) {
        self.ancestors_from(synset, 1, max_depth, f);
    }

    fn ancestors_from(
        &self,
        synset: u32,
        depth: usize,
        max: usize,
        f: &mut impl FnMut(u32, usize),
    ) {
        if depth > max {
            return;
        }
        for &p in self.parents(synset) {
            f(p, depth);
            self.ancestors_from(p, depth + 1, max, f);
        }
    }

    /// Calls `f(entry)` for every base form of `word` (morphy), the word itself
    /// first; an entry may be reported more than once.
    fn for_each_base(&self, word: &str, f: &mut impl FnMut(u32)) {
        for i in self.lemma_range(word) {
            f(i as u32);
        }
        let start = self.exceptions.partition_point(|&(w, _)| w < word);
        let mut excepted = [false; 4];
        for &(w, e) in &self.exceptions[start..] {
            if w != word {
                break;
            }
            if let Some(entry) = self.get(e) {
                excepted[entry.pos as usize] = true;
                f(e);
            }
        }
        let mut buf = [0u8; MAX_WORD];
        for pos in Pos::ALL {
            if excepted[pos as usize] {
                continue;
            }
            let (stem, end) = match word.strip_suffix("ful") {
                Some(stem) if pos == Pos::Noun => (stem, "ful"),
                _ if pos == Pos::Noun && (word.ends_with("ss") || word.len() <= 2) => continue,
                _ => (word, ""),
            };
            for &(suffix, repl) in pos.rules() {
                let Some(root) = stem.strip_suffix(suffix) else {
                    continue;
                };
                let len = root.len() + repl.len() + end.len();
                if len > MAX_WORD || (repl.is_empty() && end.is_empty() && root.is_empty()) {
                    continue;
                }
                buf[..root.len()].copy_from_slice(root.as_bytes());
                buf[root.len()..root.len() + repl.len()].copy_from_slice(repl.as_bytes());
                buf[root.len() + repl.len()..len].copy_from_slice(end.as_bytes());
                let Ok(candidate) = std::str::from_utf8(&buf[..len]) else {
                    continue;
                };
                if candidate == word {
                    continue;
                }
                if let Some(e) = self.entry(candidate, pos) {
                    f(e);
                }
            }
        }
    }

    /// Calls `f(entry)` for every base form of `word` that has a part of
    /// speech in `pos`.
    fn for_each_base_in(&self, word: &str, pos: &[Pos], f: &mut impl FnMut(&Entry)) {
        self.for_each_base(word, &mut |e| {
            if let Some(entry) = self.get(e)
                && pos.contains(&entry.pos)
            {
                f(entry);
            }
        });
    }

    fn any_pair(&self, a: &str, b: &str, pred: impl Fn(u32, u32) -> bool) -> bool {
        let mut found = false;
        self.for_each_base(a, &mut |ea| {
            if !found {
                self.for_each_base(b, &mut |eb| found = found || pred(ea, eb));
            }
        });
        found
    }

    fn synonyms(&self, a: &str, b: &str) -> bool {
        self.any_pair(a, b, |ea, eb| match (self.get(ea), self.get(eb)) {
            (Some(x), Some(y)) => {
                x.pos == y.pos && x.senses().iter().any(|s| y.senses().contains(s))
            }
            _ => false,
        })
    }

    fn is_a_depth(&self, specific: &str, general: &str, max_depth: usize) -> Option<usize> {
        const NOUN_VERB: &[Pos] = &[Pos::Noun, Pos::Verb];
        let mut best: Option<usize> = None;
        self.for_each_base_in(specific, NOUN_VERB, &mut |s| {
            self.for_each_base_in(general, NOUN_VERB, &mut |g| {
                if s.pos != g.pos {
                    return;
                }
                for &sense in s.senses() {
                    let limit = best.map_or(max_depth, |b| b.saturating_sub(1).min(max_depth));
                    self.ancestors(sense, limit, &mut |anc, depth| {
                        if g.senses().contains(&anc) && best.is_none_or(|b| depth < b) {
                            best = Some(depth);
                        }
                    });
                }
            });
        });
        best
    }

    fn pair_listed(pairs: &[(u32, u32)], a: u32, b: u32) -> bool {
        pairs.binary_search(&(a, b)).is_ok()
    }

    fn co_hyponyms(&self, a: &str, b: &str, max_depth: usize) -> Option<usize> {
        if self.synonyms(a, b)
            || self.is_a_depth(a, b, FAR).is_some()
            || self.is_a_depth(b, a, FAR).is_some()
        {
            return None;
        }
        let mut best: Option<usize> = None;
        self.for_each_base_in(a, &[Pos::Noun], &mut |x| {
            self.for_each_base_in(b, &[Pos::Noun], &mut |y| {
                if self.lemma_of(x) == self.lemma_of(y) {
                    return;
                }
                for &sa in x.senses() {
                    for &sb in y.senses() {
                        self.ancestors(sa, max_depth, &mut |anc_a, da| {
                            self.ancestors(sb, max_depth, &mut |anc_b, db| {
                                let d = da.max(db);
                                if anc_a == anc_b && best.is_none_or(|b| d < b) {
                                    best = Some(d);
                                }
                            });
                        });
                    }
                }
            });
        });
        best
    }

    fn entails(&self, a: &str, b: &str) -> bool {
        let mut found = false;
        self.for_each_base_in(a, &[Pos::Verb], &mut |x| {
            self.for_each_base_in(b, &[Pos::Verb], &mut |y| {
                for &s in x.senses() {
                    let start = self.entails.partition_point(|&(from, _)| from < s);
                    found = found
                        || self.entails[start..]
                            .iter()
                            .take_while(|&&(from, _)| from == s)
                            .any(|(_, to)| y.senses().contains(to));
                }
            });
        });
        found
    }
}

/// Runs `f` on `word`, lower-cased first if it has any upper-case letter.
fn with_lower<T>(word: &str, f: impl FnOnce(&str) -> T) -> T {
    if word.bytes().any(|b| b.is_ascii_uppercase()) {
        f(&word.to_ascii_lowercase())
    } else {
        f(word)
    }
}

/// Base forms of `word` known to WordNet, with their part of speech (morphy), the
/// word itself first when it is a lemma.
///
/// Order: the word itself (noun, verb, adjective, adverb), then the exception
/// lists' bases, then the suffix rules' bases (nouns, verbs, adjectives; rules are
/// tried for a part of speech only when the exception lists have no entry for the
/// word in it, as in WordNet's morph.c). No duplicates.
pub fn base_forms(word: &str) -> Vec<(String, Pos)> {
    with_lower(word, |word| {
        let lex = &*LEXICON;
        let mut out: Vec<(String, Pos)> = Vec::new();
        lex.for_each_base(word, &mut |e| {
            if let Some(entry) = lex.get(e)
                && !out
                    .iter()
                    .any(|(l, p)| *p == entry.pos && l == lex.lemma_of(entry))
            {
                out.push((lex.lemma_of(entry).to_string(), entry.pos));
            }
        });
        out
    })
}

/// True when a and b share a synset among their first 3 senses (same part of
/// speech): "kids"/"children", "quake"/"earthquake", "start"/"begin".
pub fn synonyms(a: &str, b: &str) -> bool {
    with_lower(a, |a| with_lower(b, |b| LEXICON.synonyms(a, b)))
}

/// True when `general` names an ancestor (hypernym or instance hypernym, walked up
/// to `max_depth` steps) of one of the first 3 senses of `specific`, the ancestor
/// being one of the first 3 senses of `general`; nouns and verbs. A shared synset
/// is not an ancestor (see [`synonyms`]).
pub fn is_a(specific: &str, general: &str, max_depth: usize) -> bool {
    is_a_depth(specific, general, max_depth).is_some()
}

/// Depth (1 = direct hypernym) of the nearest ancestor link of [`is_a`], `None`
/// when there is none within `max_depth`.
pub fn is_a_depth(specific: &str, general: &str, max_depth: usize) -> Option<usize> {
    with_lower(specific, |s| {
        with_lower(general, |g| LEXICON.is_a_depth(s, g, max_depth))
    })
}

/// True when WordNet lists a and b as antonyms (lexical "!" pointers, on any base
/// forms, first 3 senses of each), or one is an adjective "similar to" a cluster
/// head whose antonym is the other (one step only): "wet"/"dry", "damp"/"dry",
/// "win"/"lose", "buy"/"sell", "increase"/"decrease".
pub fn opposite(a: &str, b: &str) -> bool {
    with_lower(a, |a| {
        with_lower(b, |b| {
            let lex = &*LEXICON;
            lex.any_pair(a, b, |x, y| Lexicon::pair_listed(&lex.opposite, x, y))
        })
    })
}

/// Derivationally related forms ("+" pointers between first-3 senses, any parts of
/// speech): "invasion"/"invade", "decision"/"decide".
pub fn derived(a: &str, b: &str) -> bool {
    with_lower(a, |a| {
        with_lower(b, |b| {
            let lex = &*LEXICON;
            lex.any_pair(a, b, |x, y| Lexicon::pair_listed(&lex.derived, x, y))
        })
    })
}

/// Two nouns that are distinct co-hyponyms close together: a first-3 sense of each
/// has a common ancestor within `max_depth` steps, neither [`is_a`] the other at
/// any depth, and they are not [`synonyms`]. Returns the depth to the nearest
/// shared ancestor, counted on the longer side (1 = a shared direct hypernym):
/// "cat"/"dog" meet at "carnivore", two steps up from each.
pub fn co_hyponyms(a: &str, b: &str, max_depth: usize) -> Option<usize> {
    with_lower(a, |a| {
        with_lower(b, |b| LEXICON.co_hyponyms(a, b, max_depth))
    })
}

/// Verb entailment ("*" pointers, one step, first 3 senses of each): "snore" entails
/// "sleep". Not symmetric.
pub fn entails(a: &str, b: &str) -> bool {
    with_lower(a, |a| with_lower(b, |b| LEXICON.entails(a, b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bases(word: &str) -> Vec<(&'static str, Pos)> {
        let lex = &*LEXICON;
        let mut out = Vec::new();
        lex.for_each_base(word, &mut |e| {
            if let Some(entry) = lex.get(e) {
                out.push((lex.lemma_of(entry), entry.pos));
            }
        });
        out
    }

    #[test]
    fn shipped_file_parses_with_no_skipped_line() {
        let lex = &*LEXICON;
        assert_eq!(lex.skipped, 0);
        assert!(lex.entries.len() > 80_000, "{} entries", lex.entries.len());
        assert!(lex.up_start.len() > 80_000);
        assert!(!lex.opposite.is_empty() && !lex.derived.is_empty());
        assert!(!lex.exceptions.is_empty() && !lex.entails.is_empty());
    }

    #[test]
    fn malformed_lines_are_skipped_and_counted() {
        let text = "A n cat dog\n\
                    A n cat\n\
                    A n cat unknown\n\
                    D cat n dog q\n\
                    S 0 n - - -\n\
                    S 1 n 0 - -\n\
                    S 2 n 0,x - -\n\
                    S 3 n 9 - -\n\
                    S 4 q - - -\n\
                    W cat n 1\n\
                    W dog n 1,0\n\
                    W eel n 0,1,0,1\n\
                    W fox n 7\n\
                    W gnu z 0\n\
                    X n cats cat\n\
                    X n oxen ox\n\
                    Z\n\
                    \n";
        let lex = Lexicon::parse(text);
        // Every line but "A n cat dog", "S 0", "S 1", "W cat", "W dog" and "X n cats".
        assert_eq!(lex.skipped, 12);
        assert_eq!(lex.entries.len(), 2);
        assert!(lex.synonyms("cats", "dog"));
        assert!(lex.is_a_depth("cat", "dog", 6).is_some());
        assert!(!lex.opposite.is_empty());
        assert!(lex.derived.is_empty());
        let lex = Lexicon::parse("");
        assert_eq!(lex.skipped, 0);
        assert!(!lex.synonyms("kid", "child"));
        assert_eq!(lex.is_a_depth("kid", "child", 6), None);
    }

    #[test]
    fn data_file_is_sorted_without_duplicates() {
        let mut prev: Option<&str> = None;
        for line in DATA.lines() {
            if let Some(p) = prev {
                assert!(p.as_bytes() < line.as_bytes(), "{p:?} then {line:?}");
            }
            prev = Some(line);
        }
        assert!(DATA.ends_with('\n'));
    }

    #[test]
    fn morphy_base_forms() {
        assert_eq!(base_forms("ran"), vec![("run".to_string(), Pos::Verb)]);
        assert_eq!(
            base_forms("children"),
            vec![("child".to_string(), Pos::Noun)]
        );
        assert!(base_forms("better").contains(&("good".to_string(), Pos::Adj)));
        assert!(base_forms("better").contains(&("well".to_string(), Pos::Adv)));
        // The word itself first when it is a lemma.
        assert_eq!(
            base_forms("better").first().map(|b| b.0.as_str()),
            Some("better")
        );
        let kids = base_forms("kids");
        assert!(kids.contains(&("kid".to_string(), Pos::Noun)));
        assert!(kids.contains(&("kid".to_string(), Pos::Verb)));
        assert!(base_forms("boxes").contains(&("box".to_string(), Pos::Noun)));
        assert!(base_forms("churches").contains(&("church".to_string(), Pos::Noun)));
        assert!(base_forms("policemen").contains(&("policeman".to_string(), Pos::Noun)));
        assert!(base_forms("ladies").contains(&("lady".to_string(), Pos::Noun)));
        assert!(base_forms("invaded").contains(&("invade".to_string(), Pos::Verb)));
        assert!(base_forms("deciding").contains(&("decide".to_string(), Pos::Verb)));
        assert!(base_forms("walking").contains(&("walk".to_string(), Pos::Verb)));
        assert!(base_forms("bigger").contains(&("big".to_string(), Pos::Adj)));
        assert!(base_forms("wetter").contains(&("wet".to_string(), Pos::Adj)));
        assert!(base_forms("nicest").contains(&("nice".to_string(), Pos::Adj)));
        assert!(base_forms("spoonsful").contains(&("spoonful".to_string(), Pos::Noun)));
        // Nouns ending in "ss" keep their "s".
        assert!(!base_forms("glass").contains(&("glas".to_string(), Pos::Noun)));
        assert!(base_forms("xqzzy").is_empty());
        assert!(base_forms("").is_empty());
        assert_eq!(base_forms("Children"), base_forms("children"));
        // No duplicates, though two verb rules both give "use".
        let uses = base_forms("uses");
        let mut dedup = uses.clone();
        dedup.sort();
        dedup.dedup();
        assert_eq!(uses.len(), dedup.len());
        assert!(bases("uses").len() > uses.len());
    }

    #[test]
    fn synonyms_share_a_first_sense() {
        assert!(synonyms("kids", "children"));
        assert!(synonyms("kid", "child"));
        assert!(synonyms("quake", "earthquake"));
        assert!(synonyms("start", "begin"));
        assert!(synonyms("started", "began"));
        assert!(synonyms("big", "large"));
        assert!(!synonyms("boy", "girl"));
        assert!(!synonyms("cat", "dog"));
        assert!(!synonyms("start", "earthquake"));
        // Sense 4 of "kid" is a goat's young; that is beyond the first three.
        assert!(!synonyms("kid", "goat"));
    }

    #[test]
    fn is_a_walks_hypernyms() {
        // jetliner -> jet -> airplane -> heavier-than-air craft -> aircraft.
        assert!(is_a("jetliner", "aircraft", 6));
        assert_eq!(is_a_depth("jetliner", "jet", 6), Some(1));
        assert_eq!(is_a_depth("jetliner", "aircraft", 6), Some(4));
        assert!(!is_a("jetliner", "aircraft", 3));
        // WordNet does not put "jetliner" under "airliner".
        assert!(!is_a("jetliner", "airliner", 6));
        assert!(!is_a("aircraft", "jetliner", 6));
        // nephew -> kinsman -> relative -> person (a sense of "relative").
        assert_eq!(is_a_depth("nephew", "kinsman", 6), Some(1));
        assert_eq!(is_a_depth("nephew", "relative", 6), Some(2));
        assert_eq!(is_a_depth("nephew", "person", 6), Some(3));
        // WordNet does not put "nephew" under "boy" (or "male").
        assert!(!is_a("nephew", "boy", 6));
        // boy -> male; "kid" as offspring is its sense 4, beyond the first three.
        assert!(!is_a("boys", "kids", 6));
        assert_eq!(is_a_depth("boys", "male", 6), Some(1));
        // But sense 3 of "boy" is "son": son -> male offspring -> child.
        assert_eq!(is_a_depth("boys", "children", 6), Some(2));
        assert!(is_a("dogs", "animal", 6));
        assert!(is_a("dog", "carnivore", 6));
        assert!(!is_a("dog", "cat", 6));
        // Verbs: walk -> travel. Snoring entails sleep; it is not a kind of it.
        assert_eq!(is_a_depth("walked", "travel", 6), Some(1));
        assert!(!is_a("snoring", "sleep", 6));
        assert!(is_a("snoring", "breathe", 6));
        // Instance hypernyms: Paris is an instance of a national capital.
        assert!(is_a("paris", "capital", 6));
        // Synonyms are not an ancestor link.
        assert!(!is_a("kid", "child", 6));
    }

    #[test]
    fn opposites_are_symmetric() {
        let pairs = [
            ("wet", "dry"),
            ("win", "lose"),
            ("buy", "sell"),
            ("increase", "decrease"),
            ("man", "woman"),
            ("boy", "girl"),
            // One step of "similar to": damp and soaked are satellites of wet.
            ("damp", "dry"),
            ("soggy", "dry"),
            ("moist", "dry"),
            ("arid", "wet"),
            ("won", "lost"),
            ("increases", "decreased"),
        ];
        for (a, b) in pairs {
            assert!(opposite(a, b), "{a} / {b}");
            assert!(opposite(b, a), "{b} / {a}");
        }
        assert!(!opposite("wet", "damp"));
        // Only one step: two satellites of opposite heads are not listed.
        assert!(!opposite("damp", "arid"));
        assert!(!opposite("cat", "dog"));
        // "soaked" in WordNet is only "very drunk", not a satellite of "wet".
        assert!(!opposite("soaked", "dry"));
        assert!(!opposite("win", "sell"));
    }

    #[test]
    fn derived_forms_are_symmetric() {
        for (a, b) in [
            ("invasion", "invade"),
            ("decision", "decide"),
            ("invasions", "invaded"),
        ] {
            assert!(derived(a, b), "{a} / {b}");
            assert!(derived(b, a), "{b} / {a}");
        }
        assert!(!derived("invasion", "decide"));
        assert!(!derived("cat", "dog"));
    }

    #[test]
    fn co_hyponyms_meet_close_together() {
        // man and woman: both directly under "adult" (sense 1 of each).
        assert_eq!(co_hyponyms("man", "woman", 6), Some(1));
        assert_eq!(co_hyponyms("woman", "man", 6), Some(1));
        // cat -> feline -> carnivore <- canine <- dog.
        assert_eq!(co_hyponyms("cat", "dog", 6), Some(2));
        assert_eq!(co_hyponyms("dogs", "cats", 6), Some(2));
        assert_eq!(co_hyponyms("cat", "dog", 1), None);
        // An ancestor link or a synonym is not a co-hyponym.
        assert_eq!(co_hyponyms("dog", "animal", 6), None);
        assert_eq!(co_hyponyms("animal", "dog", 6), None);
        assert_eq!(co_hyponyms("kid", "child", 6), None);
        assert_eq!(co_hyponyms("dog", "dog", 6), None);
        // Verbs are not compared.
        assert_eq!(co_hyponyms("xqzzy", "dog", 6), None);
    }

    #[test]
    fn entailment() {
        assert!(entails("snore", "sleep"));
        assert!(entails("snored", "sleeping"));
        assert!(!entails("sleep", "snore"));
        assert!(entails("buy", "pay"));
    }
}
