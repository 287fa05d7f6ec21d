//! Names a person types: articles, sources and outlets, matched loosely (case does not
//! matter; any part of a name or alias), with the names they resolved to shown and a
//! "did you mean" when nothing matches.

use super::error::CliError;
use super::suggest::did_you_mean;
use claims::store::{Index, Resolver, StoreError, key, summarize};
use std::collections::BTreeSet;

/// The error for an article the store does not have, with the closest name as a hint.
pub fn unknown_article(index: &Index, name: &str) -> CliError {
    let names: BTreeSet<&str> = index.heads().iter().map(|v| index.str(v.article)).collect();
    let err = CliError::from(StoreError::UnknownArticle {
        name: name.to_owned(),
    });
    match did_you_mean(name, names.iter().copied()) {
        Some(s) => err.with_hint(format!(
            "did you mean {s:?}? (`claims articles` lists them)"
        )),
        None => err,
    }
}

/// The outlets of the store (as written, first spelling of each) that `query` names:
/// the same name without regard to case, or any part of one ("fox" -> "Fox News").
pub fn outlets(index: &Index, query: &str) -> Result<BTreeSet<String>, CliError> {
    let mut all: Vec<String> = Vec::new();
    for v in &index.versions {
        if let Some(o) = index.opt_str(v.outlet)
            && !all.iter().any(|a| key(a) == key(o))
        {
            all.push(o.to_owned());
        }
    }
    all.sort();
    let q = key(query);
    let exact: BTreeSet<String> = all.iter().filter(|o| key(o) == q).cloned().collect();
    let found = if exact.is_empty() {
        all.iter()
            .filter(|o| !q.is_empty() && key(o).contains(&q))
            .cloned()
            .collect()
    } else {
        exact
    };
    if found.is_empty() {
        let err = CliError::new(format!("no outlet matches {query:?}"));
        return Err(match did_you_mean(query, all.iter().map(String::as_str)) {
            Some(s) => err.with_hint(format!("did you mean {s:?}?")),
            None if all.is_empty() => err.with_hint(
                "no stored article has an outlet: give one with `claims add --outlet NAME` or `outlet` in front matter",
            ),
            None => err.with_hint(format!("outlets in the store: {}", all.join(", "))),
        });
    }
    Ok(found)
}

/// The canonical names (as keys) of the sources `query` names: the source it resolves
/// to (a name, an alias, a lone surname), else every source one of whose names or
/// aliases contains it ("boehner" -> "John Boehner").
pub fn sources(index: &Index, resolver: &Resolver, query: &str) -> Result<Sources, CliError> {
    let summaries = summarize(index, resolver);
    let q = key(query);
    let resolved = key(resolver.resolve_query(query));
    let mut names: Vec<String> = summaries
        .iter()
        .filter(|s| key(&s.name) == resolved)
        .map(|s| s.name.clone())
        .collect();
    if names.is_empty() && !q.is_empty() {
        names = summaries
            .iter()
            .filter(|s| {
                std::iter::once(&s.name)
                    .chain(&s.aliases)
                    .any(|n| key(n).contains(&q))
            })
            .map(|s| s.name.clone())
            .collect();
    }
    if names.is_empty() {
        let err = CliError::new(format!("no source matches {query:?}"));
        let candidates: Vec<&str> = summaries
            .iter()
            .flat_map(|s| std::iter::once(&s.name).chain(&s.aliases))
            .map(String::as_str)
            .collect();
        return Err(match did_you_mean(query, candidates.iter().copied()) {
            Some(s) => err.with_hint(format!(
                "did you mean {:?}? (`claims sources` lists every source)",
                resolver.resolve(s)
            )),
            None => err.with_hint("`claims sources` lists every source and its aliases"),
        });
    }
    Ok(Sources {
        keys: names.iter().map(|n| key(n)).collect(),
        names,
    })
}

/// The sources a `--source` query resolved to.
#[derive(Debug, Clone)]
pub struct Sources {
    /// Canonical names, as shown.
    pub names: Vec<String>,
    keys: BTreeSet<String>,
}

impl Sources {
    /// Whether a name as extracted is one of these sources.
    pub fn matches(&self, resolver: &Resolver, raw: &str) -> bool {
        self.keys.contains(&key(resolver.resolve(raw)))
    }
}

/// Says on stderr what a loose query resolved to, when that is not what was typed.
pub fn note(what: &str, query: &str, names: &[String]) {
    if names.len() == 1 && key(&names[0]) == key(query) {
        return;
    }
    eprintln!("{what} {query:?} matches: {}", names.join("; "));
}
