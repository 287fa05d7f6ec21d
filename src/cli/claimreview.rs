//! `claims export --format claimreview`: schema.org ClaimReview JSON-LD, one object per
//! rated claim, for a fact-checker's pages (Google reads it as ClaimReview structured
//! data). Built from each claim's current rating and the articles carrying the claim.

use super::error::CliError;
use super::store_view::published_date;
use claims::hash::Id;
use claims::store::{Index, Ratings, Resolver, Row, StoredRating, VersionEntry};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Write};

#[derive(Serialize)]
struct ClaimReview<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    url: &'a str,
    #[serde(rename = "claimReviewed")]
    claim_reviewed: &'a str,
    #[serde(rename = "datePublished")]
    date_published: String,
    author: Agent<'a>,
    #[serde(rename = "reviewRating")]
    review_rating: ReviewRating<'a>,
    #[serde(rename = "itemReviewed")]
    item_reviewed: ClaimItem<'a>,
    /// The rating's reasoning (`--note`).
    #[serde(rename = "reviewBody")]
    review_body: &'a str,
    /// The claim's id in the store, so a page can link back to it.
    identifier: String,
}

/// A Person or an Organization.
#[derive(Serialize, Clone)]
struct Agent<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    #[serde(rename = "jobTitle", skip_serializing_if = "Option::is_none")]
    job_title: Option<&'a str>,
}

#[derive(Serialize)]
struct ReviewRating<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "alternateName")]
    alternate_name: &'a str,
    #[serde(rename = "ratingValue", skip_serializing_if = "Option::is_none")]
    rating_value: Option<i64>,
    #[serde(rename = "bestRating", skip_serializing_if = "Option::is_none")]
    best_rating: Option<i64>,
    #[serde(rename = "worstRating", skip_serializing_if = "Option::is_none")]
    worst_rating: Option<i64>,
}

#[derive(Serialize)]
struct ClaimItem<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<Agent<'a>>,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    date_published: Option<String>,
    appearance: Vec<Appearance<'a>>,
    #[serde(rename = "firstAppearance", skip_serializing_if = "Option::is_none")]
    first_appearance: Option<Appearance<'a>>,
}

#[derive(Serialize, Clone)]
struct Appearance<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    headline: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    date_published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<Agent<'a>>,
}

/// Writes the JSON-LD array of the rated claims' ClaimReviews. A rating without a review
/// URL (which ClaimReview requires) or of a claim the store no longer has is left out
/// with a warning on stderr. Returns how many were written.
pub fn write_claimreviews(
    out: &mut impl Write,
    index: &Index,
    resolver: &Resolver,
    ratings: &Ratings,
) -> Result<usize, CliError> {
    let mut reviews = Vec::new();
    for claim in ratings.by_claim.keys() {
        let Some(current) = ratings.current(claim) else {
            continue;
        };
        let Some(url) = current.rating.url.as_deref() else {
            eprintln!(
                "warning: claim {} left out: its rating has no review URL, which ClaimReview requires (rate it again with --url)",
                claim.short(12)
            );
            continue;
        };
        let appearances = appearances(index, claim);
        if appearances.is_empty() {
            eprintln!(
                "warning: claim {} left out: no article in the store carries it any more",
                claim.short(12)
            );
            continue;
        }
        reviews.push(review(index, resolver, current, url, &appearances));
    }
    serde_json::to_writer_pretty(&mut *out, &reviews).map_err(io::Error::other)?;
    writeln!(out)?;
    Ok(reviews.len())
}

fn review<'a>(
    index: &'a Index,
    resolver: &'a Resolver,
    current: &'a StoredRating,
    url: &'a str,
    appearances: &[(&'a VersionEntry, &'a Row)],
) -> ClaimReview<'a> {
    let r = &current.rating;
    let scale = r.rating;
    let pages: Vec<Appearance> = appearances
        .iter()
        .map(|(v, _)| appearance(index, v))
        .collect();
    let first = pages
        .iter()
        .filter(|p| p.date_published.is_some())
        .min_by(|a, b| a.date_published.cmp(&b.date_published))
        .cloned();
    ClaimReview {
        context: "https://schema.org",
        kind: "ClaimReview",
        url,
        claim_reviewed: index.str(appearances[0].1.text),
        date_published: r.rated_at.format("%Y-%m-%d").to_string(),
        author: Agent {
            kind: "Organization",
            name: &r.by,
            job_title: None,
        },
        review_rating: ReviewRating {
            kind: "Rating",
            alternate_name: &r.verdict,
            rating_value: scale.map(|s| s.value),
            best_rating: scale.map(|s| s.best),
            worst_rating: scale.map(|s| s.worst),
        },
        item_reviewed: ClaimItem {
            kind: "Claim",
            author: claim_author(index, resolver, appearances),
            date_published: first.as_ref().and_then(|f| f.date_published.clone()),
            appearance: pages,
            first_appearance: first,
        },
        review_body: &r.note,
        identifier: current.rating.claim.to_hex(),
    }
}

/// The articles carrying the claim, one occurrence each: in their newest version when
/// it still carries the claim, else in the latest version that did.
fn appearances<'a>(index: &'a Index, claim: &Id) -> Vec<(&'a VersionEntry, &'a Row)> {
    let mut by_article: BTreeMap<&str, (&VersionEntry, &Row)> = BTreeMap::new();
    for row in index.rows_with_claim(claim) {
        let v = &index.versions[row.version as usize];
        let better =
            |(old, _): &(&VersionEntry, &Row)| (v.head, v.logged_at) > (old.head, old.logged_at);
        let entry = by_article.entry(index.str(v.article));
        match entry {
            std::collections::btree_map::Entry::Vacant(e) => {
                e.insert((v, row));
            }
            std::collections::btree_map::Entry::Occupied(mut e) => {
                if better(e.get()) {
                    e.insert((v, row));
                }
            }
        }
    }
    by_article.into_values().collect()
}

fn appearance<'a>(index: &'a Index, v: &VersionEntry) -> Appearance<'a> {
    Appearance {
        kind: "CreativeWork",
        headline: index
            .opt_str(v.title)
            .unwrap_or_else(|| index.str(v.article)),
        url: index.opt_str(v.url),
        date_published: index
            .opt_str(v.published)
            .and_then(published_date)
            .map(|d| d.format("%Y-%m-%d").to_string()),
        publisher: index.opt_str(v.outlet).map(|name| Agent {
            kind: "Organization",
            name,
            job_title: None,
        }),
    }
}

/// Who made the claim: the source most articles attribute it to (a named person is a
/// Person, an institution or document an Organization, an unnamed source a Person by its
/// description); when no article gives a source, the outlet that asserts it.
fn claim_author<'a>(
    index: &'a Index,
    resolver: &'a Resolver,
    appearances: &[(&'a VersionEntry, &'a Row)],
) -> Option<Agent<'a>> {
    let mut counts: BTreeMap<&str, (usize, &Row)> = BTreeMap::new();
    for (_, row) in appearances {
        if row.source_kind.is_some() {
            let name = resolver.resolve(index.str(row.source_name));
            counts.entry(name).or_insert((0, row)).0 += 1;
        }
    }
    let best = counts
        .into_iter()
        .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.0.cmp(a.0)));
    if let Some((name, (_, row))) = best {
        let kind = match row.source_kind.map(|k| k.as_str()) {
            Some("institutional" | "document") => "Organization",
            _ => "Person",
        };
        return Some(Agent {
            kind,
            name,
            job_title: index
                .opt_str(row.source_role)
                .filter(|r| kind == "Person" && !r.is_empty()),
        });
    }
    appearances
        .iter()
        .find_map(|(v, _)| index.opt_str(v.outlet))
        .map(|name| Agent {
            kind: "Organization",
            name,
            job_title: None,
        })
}
