//! Measures the precision of `claims compare` on real cross-article data, for reading by
//! hand: loads each corpus into a temporary store (as `claims add --input-format jsonl`
//! does), compares every article with every other (as `claims compare` does), and prints
//! the contradictions (and a sample of agreements) with both claims, their articles and
//! the reasons, then counts.
//!
//! - BASIL (`../shared/data/events/basil.jsonl`): 100 events, each reported by Fox News,
//!   The New York Times and HuffPost. AllSides (`allsides.jsonl`): left, centre and right
//!   excerpts of 505 events. The event of every article is known, so a relation between
//!   articles of two different events is a false alarm by construction: a free,
//!   objective measure of precision. Relations within one event are for reading.
//! - BBC (`../shared/data/bench/bbc_news.jsonl`): 2,225 articles of one outlet on many
//!   stories, where different articles rarely contradict each other: the total is the
//!   measure.
//!
//! ```sh
//! cargo run --release --example compare_review -- [basil|allsides|bbc|all] \
//!     [--show contradict|agree|same|all|none] [--sample N] [--seed S]
//! ```
//!
//! `--show` picks what is printed in full (default: contradictions); `--sample N` prints
//! N of them drawn at random (`--seed`, default 1) instead of all. Nothing is copied into
//! the repository: the corpora are read from `../shared` and the stores live in a
//! temporary folder that is removed at the end.

use claims::compare::RelationKind;
use claims::compare::report::{Comparison, Match, SAME_CLAIM};
use claims::compare::store_compare::{CompareOptions, compare};
use claims::input::Document;
use claims::store::{AddOptions, ArticleName, Index, Logger, Store, VersionEntry};
use std::collections::HashMap;
use std::io::BufRead;

const SHARED: &str = "../shared/data";

/// One article of a corpus: its store name, its event (when known) and what `claims add`
/// reads from a JSON Lines record.
struct Article {
    name: String,
    event: Option<String>,
    doc: Document,
}

#[derive(Clone, Copy, PartialEq)]
enum Show {
    Contradict,
    Agree,
    Same,
    All,
    Nothing,
}

struct Options {
    corpora: Vec<String>,
    show: Show,
    sample: Option<usize>,
    seed: u64,
    /// Print only the matches within one event, or only those across events.
    only: Option<Scope>,
    /// A publication date for the articles without one (BBC): what the comparison would
    /// say if they were all of one day.
    dated: Option<String>,
}

fn main() {
    let options = match parse_args() {
        Ok(o) => o,
        Err(message) => {
            eprintln!("error: {message}");
            eprintln!(
                "usage: compare_review [basil|allsides|bbc|all] [--show contradict|agree|same|all|none] [--only same-event|other-events] [--sample N] [--seed S] [--dated YYYY-MM-DD]"
            );
            std::process::exit(2);
        }
    };
    for corpus in &options.corpora {
        let articles = match load(corpus, options.dated.as_deref()) {
            Ok(a) => a,
            Err(message) => {
                eprintln!("{corpus}: skipped: {message}");
                continue;
            }
        };
        if let Err(message) = review(corpus, articles, &options) {
            eprintln!("{corpus}: {message}");
            std::process::exit(1);
        }
    }
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options {
        corpora: Vec::new(),
        show: Show::Contradict,
        sample: None,
        seed: 1,
        only: None,
        dated: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "basil" | "allsides" | "bbc" => options.corpora.push(arg),
            "all" => options
                .corpora
                .extend(["basil", "allsides", "bbc"].map(String::from)),
            "--show" => {
                options.show = match args.next().as_deref() {
                    Some("contradict") => Show::Contradict,
                    Some("agree") => Show::Agree,
                    Some("same") => Show::Same,
                    Some("all") => Show::All,
                    Some("none") => Show::Nothing,
                    other => {
                        return Err(format!(
                            "--show takes contradict|agree|same|all|none, not {other:?}"
                        ));
                    }
                }
            }
            "--sample" => {
                let n = args.next().and_then(|n| n.parse().ok());
                options.sample = Some(n.ok_or("--sample takes a number")?);
            }
            "--only" => {
                options.only = match args.next().as_deref() {
                    Some("same-event") => Some(Scope::SameEvent),
                    Some("other-events") => Some(Scope::OtherEvents),
                    other => {
                        return Err(format!(
                            "--only takes same-event|other-events, not {other:?}"
                        ));
                    }
                }
            }
            "--dated" => {
                options.dated = Some(args.next().ok_or("--dated takes a date (YYYY-MM-DD)")?);
            }
            "--seed" => {
                let n = args.next().and_then(|n| n.parse().ok());
                options.seed = n.ok_or("--seed takes a number")?;
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if options.corpora.is_empty() {
        options.corpora = vec!["basil".into(), "allsides".into()];
    }
    Ok(options)
}

/// Reads a corpus into articles with unique names: `basil-<event>-<outlet>`,
/// `allsides-<event>-<side>` (one article of each side per event; a second is numbered),
/// BBC records by their ids.
fn load(corpus: &str, dated: Option<&str>) -> Result<Vec<Article>, String> {
    let path = match corpus {
        "basil" => format!("{SHARED}/events/basil.jsonl"),
        "allsides" => format!("{SHARED}/events/allsides.jsonl"),
        _ => format!("{SHARED}/bench/bbc_news.jsonl"),
    };
    let file = std::fs::File::open(&path).map_err(|e| format!("{path}: {e}"))?;
    let mut out = Vec::new();
    let mut used: HashMap<String, usize> = HashMap::new();
    for (line_no, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| format!("{path}: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        let record: serde_json::Value =
            serde_json::from_str(&line).map_err(|e| format!("{path}:{}: {e}", line_no + 1))?;
        let field = |k: &str| record.get(k).and_then(|v| v.as_str()).map(str::to_owned);
        let text = field("text").ok_or_else(|| format!("{path}:{}: no text", line_no + 1))?;
        let event = field("event_id");
        let base = match corpus {
            "bbc" => field("id").unwrap_or_else(|| format!("bbc-{}", line_no + 1)),
            _ => {
                let event = event.clone().unwrap_or_default();
                let who = field("side").or(field("outlet")).unwrap_or_default();
                let event = if event.starts_with(corpus) {
                    event
                } else {
                    format!("{corpus}-{event}")
                };
                format!("{event}-{who}")
            }
        };
        let mut name = ArticleName::slug(&base).as_str().to_owned();
        let n = used.entry(name.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            name = format!("{name}-{n}");
        }
        let mut doc = Document::from_text(name.clone(), text);
        doc.id = Some(name.clone());
        doc.meta.title = field("title");
        doc.meta.outlet = field("outlet");
        doc.meta.published = field("date").or_else(|| dated.map(str::to_owned));
        out.push(Article { name, event, doc });
    }
    Ok(out)
}

fn review(corpus: &str, articles: Vec<Article>, options: &Options) -> Result<(), String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let root = dir.path().join("claims");
    let (store, _) = Store::init(&root).map_err(|e| e.to_string())?;
    let add = AddOptions {
        durable: false,
        ..AddOptions::default()
    };
    let mut logger = Logger::start(&store, add, &mut |_| {}).map_err(|e| e.to_string())?;
    let mut event_of: HashMap<String, Option<String>> = HashMap::new();
    let mut outlet_of: HashMap<String, String> = HashMap::new();
    for a in articles {
        let name = ArticleName::parse(&a.name).map_err(|e| format!("{}: {e}", a.name))?;
        logger.log(name, &a.doc).map_err(|e| e.to_string())?;
        outlet_of.insert(
            a.name.clone(),
            a.doc.meta.outlet.clone().unwrap_or_default(),
        );
        event_of.insert(a.name, a.event);
    }
    logger.finish().map_err(|e| e.to_string())?;
    let index = store.index().map_err(|e| e.to_string())?;
    let versions = by_date(&index, index.heads());
    let started = std::time::Instant::now();
    let comparison = compare(&index, &versions, &CompareOptions::default());
    let took = started.elapsed();
    report(
        corpus,
        &index,
        &versions,
        &comparison,
        &event_of,
        &outlet_of,
        options,
    );
    println!("  compare took {:.2} s", took.as_secs_f64());
    Ok(())
}

/// Oldest published first, then by name (as `claims compare` orders the articles).
fn by_date<'i>(index: &Index, mut versions: Vec<&'i VersionEntry>) -> Vec<&'i VersionEntry> {
    versions.sort_by(|a, b| {
        (index.opt_str(a.published), index.str(a.article))
            .cmp(&(index.opt_str(b.published), index.str(b.article)))
    });
    versions
}

/// Where the two sides of a match stand: one event, two events, or unknown (BBC).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Scope {
    SameEvent,
    OtherEvents,
    Unknown,
}

fn report(
    corpus: &str,
    index: &Index,
    versions: &[&VersionEntry],
    comparison: &Comparison,
    event_of: &HashMap<String, Option<String>>,
    outlet_of: &HashMap<String, String>,
    options: &Options,
) {
    let article = |m: &Match, k: usize| index.str(versions[m.claims[k].article as usize].article);
    let text = |m: &Match, k: usize| index.str(index.rows[m.claims[k].row as usize].text);
    let scope = |m: &Match| {
        let events: Vec<Option<&String>> = (0..m.claims.len())
            .map(|k| event_of.get(article(m, k)).and_then(|e| e.as_ref()))
            .collect();
        if events.iter().any(Option::is_none) {
            Scope::Unknown
        } else if events.windows(2).all(|w| w[0] == w[1]) {
            Scope::SameEvent
        } else {
            Scope::OtherEvents
        }
    };
    let matches = comparison.matches();
    let kinds = [
        ("contradictions", RelationKind::Contradict, false),
        ("agreements (different claims)", RelationKind::Agree, false),
        ("same claim in several articles", RelationKind::Agree, true),
    ];
    println!("== {corpus}: {} articles", versions.len());
    for (label, kind, same_claim) in kinds {
        let chosen: Vec<&Match> = matches
            .iter()
            .filter(|m| m.relation == kind && (m.reasons == [SAME_CLAIM]) == same_claim)
            .collect();
        let wanted = match options.show {
            Show::Contradict => kind == RelationKind::Contradict,
            Show::Agree => kind == RelationKind::Agree && !same_claim,
            Show::Same => same_claim,
            Show::All => true,
            Show::Nothing => false,
        };
        if wanted {
            let in_scope: Vec<&Match> = chosen
                .iter()
                .copied()
                .filter(|m| options.only.is_none_or(|s| scope(m) == s))
                .collect();
            let shown = sample(&in_scope, options.sample, options.seed);
            println!("-- {label} ({} of {})", shown.len(), chosen.len());
            for (n, m) in shown.iter().enumerate() {
                let tag = match scope(m) {
                    Scope::SameEvent => "same event",
                    Scope::OtherEvents => "OTHER EVENTS",
                    Scope::Unknown => "",
                };
                println!("[{}] {tag} score {:.2}", n + 1, m.score);
                for reason in m.reasons {
                    println!("    reason: {reason}");
                }
                for k in 0..2 {
                    let name = article(m, k);
                    let outlet = outlet_of.get(name).map_or("", String::as_str);
                    println!(
                        "    {} [{name}{}{outlet}]",
                        text(m, k),
                        if outlet.is_empty() { "" } else { ", " }
                    );
                }
            }
        }
        let mut counts: HashMap<Scope, usize> = HashMap::new();
        for m in &chosen {
            *counts.entry(scope(m)).or_insert(0) += 1;
        }
        let get = |s| counts.get(&s).copied().unwrap_or(0);
        if !event_of.values().any(Option::is_some) {
            println!("  {label}: {}", chosen.len());
        } else {
            println!(
                "  {label}: {} (same event {}, other events {})",
                chosen.len(),
                get(Scope::SameEvent),
                get(Scope::OtherEvents)
            );
        }
    }
    let s = &comparison.stats;
    println!(
        "  statements {}, candidate pairs {}, relations left out as other stories {}",
        s.statements, s.candidate_pairs, s.other_stories
    );
}

/// `n` of the items drawn at random with `seed` (all of them, in order, without `n`).
fn sample<'m, 'c>(items: &[&'m Match<'c>], n: Option<usize>, seed: u64) -> Vec<&'m Match<'c>> {
    let Some(n) = n else {
        return items.to_vec();
    };
    // A small deterministic shuffle (xorshift), so that a review can be repeated.
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut order: Vec<usize> = (0..items.len()).collect();
    for i in (1..order.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        order.swap(i, (state % (i as u64 + 1)) as usize);
    }
    order.truncate(n);
    order.sort_unstable();
    order.into_iter().map(|i| items[i]).collect()
}
