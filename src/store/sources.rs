//! Sources: who claims are attributed to, resolved to one canonical name.
//!
//! Two layers, so that two people adding articles never conflict in git:
//! - what extraction learned from each text is stored with each occurrence in the version
//!   records (name, kind, role), and the store-wide view (counts, aliases learned across
//!   articles) is derived from the index at read time, never written;
//! - `claims/sources.toml` holds what people decided by hand (canonical names, kinds,
//!   roles, aliases). `add` never writes it; it is read on every command.

use super::index::Index;
use crate::attribution::SourceKind;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The hand-edited file's name in the store folder.
pub const SOURCES_FILE: &str = "sources.toml";

/// What `claims init` writes into `sources.toml`: comments only.
pub const SOURCES_TEMPLATE: &str = r#"# Sources, edited by hand: canonical names, kinds, roles and aliases.
# `claims add` never rewrites this file; `claims sources` shows the result.
# Each [[source]] gathers every name in `aliases` under `name`, e.g.:
#
# [[source]]
# name = "Lloyd J. Austin III"
# kind = "named"                  # named | institutional | vague | anonymous | document
# role = "Secretary of Defense"
# aliases = ["Austin", "Lloyd Austin", "Secretary of Defense Lloyd J. Austin III"]
"#;

/// One hand-written source entry.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceEntry {
    pub name: String,
    #[serde(default)]
    pub kind: Option<SourceKind>,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    #[serde(default)]
    source: Vec<SourceEntry>,
}

/// The parsed `sources.toml`.
#[derive(Debug, Clone, Default)]
pub struct SourceConfig {
    pub entries: Vec<SourceEntry>,
}

impl SourceConfig {
    /// Parses the file; the error message says what is wrong and where.
    pub fn parse(text: &str) -> Result<SourceConfig, String> {
        let file: SourcesFile = toml::from_str(text).map_err(|e| super::record::one_line(&e))?;
        let mut seen: HashMap<String, String> = HashMap::new();
        for entry in &file.source {
            if key(&entry.name).is_empty() {
                return Err("a [[source]] has an empty name".into());
            }
            for alias in std::iter::once(&entry.name).chain(&entry.aliases) {
                if let Some(other) = seen.insert(key(alias), entry.name.clone())
                    && key(&other) != key(&entry.name)
                {
                    return Err(format!(
                        "{alias:?} is listed under both {other:?} and {:?}",
                        entry.name
                    ));
                }
            }
        }
        Ok(SourceConfig {
            entries: file.source,
        })
    }
}

/// How names are compared: case, white space, curly apostrophes and a leading "the" do
/// not matter.
pub fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '\u{2019}' | '\u{2018}' => out.push('\''),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    match out.strip_prefix("the ") {
        Some(rest) => rest.to_owned(),
        None => out,
    }
}

/// Name suffixes skipped when looking for a surname ("Lloyd J. Austin III" -> "austin").
const NAME_SUFFIXES: &[&str] = &["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"];

fn surname(k: &str) -> Option<&str> {
    let words: Vec<&str> = k.split(' ').collect();
    if words.len() < 2 {
        return None;
    }
    words
        .iter()
        .rev()
        .find(|w| !NAME_SUFFIXES.contains(w))
        .copied()
}

/// Resolves names to canonical ones: first by `sources.toml`, then by what was learned
/// across the store's named sources:
/// - a one-word name that is the surname of exactly one other named source is that
///   source ("Austin" -> "Lloyd J. Austin III");
/// - a name that ends with exactly one other named source's whole name (two words or
///   more) is that source with a title in front ("Defense Secretary Lloyd J. Austin III").
#[derive(Debug, Default)]
pub struct Resolver {
    by_key: HashMap<String, String>,
    pub config: SourceConfig,
    learned: BTreeMap<String, BTreeSet<String>>,
    /// Surname -> canonical names of the named sources that have it.
    by_surname: HashMap<String, BTreeSet<String>>,
}

impl Resolver {
    pub fn new(config: SourceConfig, index: &Index) -> Resolver {
        let mut by_key = HashMap::new();
        for entry in &config.entries {
            for alias in std::iter::once(&entry.name).chain(&entry.aliases) {
                by_key.insert(key(alias), entry.name.clone());
            }
        }
        // Named sources seen in current versions, by key, with one spelling each.
        let mut named: BTreeMap<String, String> = BTreeMap::new();
        for v in index.heads() {
            for row in index.rows_of(v) {
                if row.source_kind == Some(SourceKind::Named) {
                    let name = index.str(row.source_name);
                    named.entry(key(name)).or_insert_with(|| name.to_owned());
                }
            }
        }
        let canonical_of = |by_key: &HashMap<String, String>, k: &str, name: &str| -> String {
            by_key.get(k).cloned().unwrap_or_else(|| name.to_owned())
        };
        let mut learned: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        // First: titled names ending with exactly one other multi-word name.
        let mut titled = Vec::new();
        for (k, name) in &named {
            if by_key.contains_key(k) || !k.contains(' ') {
                continue;
            }
            // The other names it ends with start after one of its spaces: look those
            // suffixes up rather than scan every name (quadratic on a large store).
            let targets: BTreeSet<String> = k
                .match_indices(' ')
                .map(|(at, _)| &k[at + 1..])
                .filter(|suffix| suffix.contains(' '))
                .filter_map(|suffix| named.get_key_value(suffix))
                .map(|(other, other_name)| canonical_of(&by_key, other, other_name))
                .collect();
            if targets.len() == 1
                && let Some(target) = targets.into_iter().next()
            {
                titled.push((k.clone(), name.clone(), target));
            }
        }
        for (k, name, target) in titled {
            by_key.insert(k, target.clone());
            learned.entry(target).or_default().insert(name);
        }
        // Then: lone surnames, among the canonical names.
        let mut by_surname: HashMap<String, BTreeSet<String>> = HashMap::new();
        for (k, name) in &named {
            let canonical = canonical_of(&by_key, k, name);
            if let Some(s) = surname(&key(&canonical)) {
                by_surname
                    .entry(s.to_owned())
                    .or_default()
                    .insert(canonical);
            }
        }
        let mut learned_keys = Vec::new();
        for (k, name) in &named {
            if k.contains(' ') || by_key.contains_key(k) {
                continue;
            }
            if let Some(targets) = by_surname.get(k.as_str())
                && targets.len() == 1
                && let Some(target) = targets.iter().next()
            {
                learned_keys.push((k.clone(), target.clone()));
                learned
                    .entry(target.clone())
                    .or_default()
                    .insert(name.clone());
            }
        }
        by_key.extend(learned_keys);
        Resolver {
            by_key,
            config,
            learned,
            by_surname,
        }
    }

    /// The canonical name for a name as extracted.
    pub fn resolve<'a>(&'a self, name: &'a str) -> &'a str {
        self.by_key.get(&key(name)).map_or(name, String::as_str)
    }

    /// The canonical name for a name a person typed: as [`resolve`], and a lone surname
    /// shared by exactly one named source is that source.
    ///
    /// [`resolve`]: Resolver::resolve
    pub fn resolve_query<'a>(&'a self, query: &'a str) -> &'a str {
        let k = key(query);
        if let Some(name) = self.by_key.get(&k) {
            return name;
        }
        if !k.contains(' ')
            && let Some(names) = self.by_surname.get(&k)
            && names.len() == 1
            && let Some(name) = names.iter().next()
        {
            return name;
        }
        query
    }

    /// Whether `query` (typed by a person) names the same source as `name` (extracted).
    pub fn same(&self, query: &str, name: &str) -> bool {
        key(self.resolve_query(query)) == key(self.resolve(name))
    }

    fn entry(&self, canonical: &str) -> Option<&SourceEntry> {
        let k = key(canonical);
        self.config.entries.iter().find(|e| key(&e.name) == k)
    }
}

/// One source in the store-wide view.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SourceSummary {
    pub name: String,
    pub kind: SourceKind,
    pub role: Option<String>,
    /// Other names it goes by: from `sources.toml`, learned across articles, and the
    /// spellings found in the texts.
    pub aliases: Vec<String>,
    /// Distinct claims attributed to it in current versions.
    pub claims: usize,
    /// Articles (current versions) that quote it.
    pub articles: usize,
    /// Whether `sources.toml` has an entry for it.
    pub edited: bool,
}

/// The most frequent key (the first in order among equals).
fn most<K: Ord>(counts: &BTreeMap<K, usize>) -> Option<&K> {
    let best = counts.values().copied().max()?;
    counts.iter().find(|(_, n)| **n == best).map(|(k, _)| k)
}

/// Every source quoted in the current versions of the store, most claims first.
pub fn summarize(index: &Index, resolver: &Resolver) -> Vec<SourceSummary> {
    #[derive(Default)]
    struct Acc {
        kinds: BTreeMap<SourceKind, usize>,
        roles: BTreeMap<String, usize>,
        spellings: BTreeSet<String>,
        claims: BTreeSet<crate::hash::Id>,
        articles: BTreeSet<u32>,
    }
    let mut acc: BTreeMap<String, Acc> = BTreeMap::new();
    for v in index.heads() {
        for row in index.rows_of(v) {
            let Some(kind) = row.source_kind else {
                continue;
            };
            let raw = index.str(row.source_name);
            let canonical = resolver.resolve(raw).to_owned();
            let a = acc.entry(canonical).or_default();
            *a.kinds.entry(kind).or_default() += 1;
            if let Some(role) = index.opt_str(row.source_role)
                && !role.is_empty()
            {
                *a.roles.entry(role.to_owned()).or_default() += 1;
            }
            a.spellings.insert(raw.to_owned());
            a.claims.insert(row.claim);
            a.articles.insert(v.article);
        }
    }
    let mut out: Vec<SourceSummary> = acc
        .into_iter()
        .map(|(name, a)| {
            let entry = resolver.entry(&name);
            let kind = entry
                .and_then(|e| e.kind)
                .or_else(|| most(&a.kinds).copied())
                .unwrap_or(SourceKind::Named);
            let role = entry
                .and_then(|e| e.role.clone())
                .or_else(|| most(&a.roles).cloned());
            let mut aliases: BTreeSet<String> = a.spellings;
            if let Some(e) = entry {
                aliases.extend(e.aliases.iter().cloned());
            }
            if let Some(l) = resolver.learned.get(&name) {
                aliases.extend(l.iter().cloned());
            }
            aliases.remove(&name);
            SourceSummary {
                edited: entry.is_some(),
                name,
                kind,
                role,
                aliases: aliases.into_iter().collect(),
                claims: a.claims.len(),
                articles: a.articles.len(),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.claims
            .cmp(&a.claims)
            .then(b.articles.cmp(&a.articles))
            .then(a.name.cmp(&b.name))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_case_space_and_the() {
        assert_eq!(key("The  U.S."), "u.s.");
        assert_eq!(key("the U.S."), key("U.S."));
        assert_eq!(key("Xi’s office"), "xi's office");
    }

    #[test]
    fn surnames_skip_suffixes() {
        assert_eq!(surname("lloyd j. austin iii"), Some("austin"));
        assert_eq!(surname("cha"), None);
    }

    /// An index with one article quoting each of `names` (all named sources).
    fn index_quoting(names: &[&str]) -> Index {
        use crate::store::record::tests::sample;
        let mut rec = sample();
        let template = rec.claims[1].clone();
        rec.claims = names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let mut occ = template.clone();
                occ.text = format!("claim {i}");
                occ.id = crate::hash::Id::of(crate::hash::ObjectKind::Claim, occ.text.as_bytes());
                if let Some(s) = occ.source.as_mut() {
                    s.name = (*n).to_owned();
                }
                occ
            })
            .collect();
        let mut ix = Index::default();
        ix.push_version(rec.id(), &rec, true);
        ix
    }

    #[test]
    fn learns_surnames_and_titled_names_across_articles() {
        let ix = index_quoting(&[
            "Lloyd J. Austin III",
            "Austin",
            "Defense Secretary Lloyd J. Austin III",
            "Victor D. Cha",
            "Kim",
            "Kim Jong Un",
            "Kim Yo Jong",
        ]);
        let r = Resolver::new(SourceConfig::default(), &ix);
        assert_eq!(r.resolve("Austin"), "Lloyd J. Austin III");
        assert_eq!(
            r.resolve("Defense Secretary Lloyd J. Austin III"),
            "Lloyd J. Austin III"
        );
        // Two Kims: a lone "Kim" stays itself.
        assert_eq!(r.resolve("Kim"), "Kim");
        assert_eq!(r.resolve_query("cha"), "Victor D. Cha");
        assert!(r.same("Austin", "Lloyd J. Austin III"));
        assert!(!r.same("Kim", "Kim Jong Un"));
        let summaries = summarize(&ix, &r);
        let austin = summaries
            .iter()
            .find(|s| s.name == "Lloyd J. Austin III")
            .unwrap();
        assert_eq!(austin.claims, 3);
        assert!(austin.aliases.contains(&"Austin".to_owned()));
    }

    #[test]
    fn hand_edits_win() {
        let ix = index_quoting(&["Lloyd J. Austin III", "Austin", "the Pentagon chief"]);
        let config = SourceConfig::parse(
            "[[source]]\nname = \"Lloyd Austin\"\nrole = \"Secretary of Defense\"\naliases = [\"Lloyd J. Austin III\", \"The Pentagon chief\"]\n",
        )
        .unwrap();
        let r = Resolver::new(config, &ix);
        assert_eq!(r.resolve("Lloyd J. Austin III"), "Lloyd Austin");
        assert_eq!(r.resolve("the pentagon chief"), "Lloyd Austin");
        assert_eq!(r.resolve("Austin"), "Lloyd Austin");
        let summaries = summarize(&ix, &r);
        assert_eq!(summaries[0].name, "Lloyd Austin");
        assert_eq!(summaries[0].claims, 3);
        assert_eq!(summaries[0].role.as_deref(), Some("Secretary of Defense"));
        assert!(summaries[0].edited);
    }

    #[test]
    fn config_refuses_an_alias_under_two_names() {
        let text = r#"
[[source]]
name = "A"
aliases = ["x"]
[[source]]
name = "B"
aliases = ["X"]
"#;
        let err = SourceConfig::parse(text).unwrap_err();
        assert!(err.contains("both"), "{err}");
        assert!(
            SourceConfig::parse(SOURCES_TEMPLATE)
                .unwrap()
                .entries
                .is_empty()
        );
        assert!(SourceConfig::parse("[[source]]\nname = \"A\"\nbogus = 1\n").is_err());
    }
}
