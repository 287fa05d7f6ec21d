//! Numbers, vague quantities and dates in a claim, as ranges that can be compared.
//!
//! "about 500" is [425, 575], "thousands" is [1500, 30000], "more than 110,000" is
//! [110000, inf), "75 years" is [75, 75]; a quantity carries the unit it counts ("years",
//! a currency, "percent") so that only like is compared with like. Dates keep what was
//! written (year, month, day), and two dates differ only where both give a field.

use super::features::{Token, flag, token_month};
use super::lexicon::{class, hash_str, lexicon};

/// A quantity as a range of values, with its unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quantity {
    pub lo: f64,
    pub hi: f64,
    /// Concept of the counted word ("troops"), a currency code or "percent"; 0 when none
    /// was found.
    pub unit: u64,
    /// Token range `[first, last]` of the number (with its modifier), for quoting.
    pub first: u32,
    pub last: u32,
    /// Written as a vague amount or with a hedge ("thousands", "about").
    pub approximate: bool,
}

/// A calendar date, as precise as the text gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub first: u32,
    pub last: u32,
}

impl Date {
    /// Two dates agree when every field both give is equal.
    pub fn compatible(&self, other: &Date) -> bool {
        fn same<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
            match (a, b) {
                (Some(x), Some(y)) => x == y,
                _ => true,
            }
        }
        same(self.year, other.year) && same(self.month, other.month) && same(self.day, other.day)
    }

    /// Whether the two dates share a field to compare: year with year, or month with month.
    pub fn comparable(&self, other: &Date) -> bool {
        (self.year.is_some() && other.year.is_some())
            || (self.month.is_some() && other.month.is_some())
    }
}

impl Quantity {
    /// Whether two quantities can describe the same amount: their ranges overlap, with a
    /// 5% allowance for rounding ("24 years" and "25 years" are compatible; "70 years" and
    /// "75 years" are not).
    pub fn compatible(&self, other: &Quantity) -> bool {
        const SLACK: f64 = 0.05;
        self.lo <= other.hi * (1.0 + SLACK) && other.lo <= self.hi * (1.0 + SLACK)
    }
}

/// Finds the quantities and dates of a token list; marks their tokens with
/// [`flag::QUANTITY`] (so that they are compared as numbers, not as words).
pub fn find(text: &str, tokens: &mut [Token]) -> (Vec<Quantity>, Vec<Date>) {
    let mut quantities = Vec::new();
    let mut dates = Vec::new();
    let n = tokens.len();
    let mut i = 0;
    while i < n {
        if let Some((date, next)) = date_at(text, tokens, i) {
            for t in &mut tokens[date.first as usize..=date.last as usize] {
                t.flags |= flag::QUANTITY;
            }
            dates.push(date);
            i = next;
            continue;
        }
        if let Some((q, next)) = quantity_at(text, tokens, i) {
            for t in &mut tokens[q.first as usize..next] {
                if !t.has(flag::CONTENT) || is_quantity_word(t) {
                    t.flags |= flag::QUANTITY;
                }
            }
            for t in &mut tokens[q.first as usize..=q.last as usize] {
                t.flags |= flag::QUANTITY;
            }
            quantities.push(q);
            i = next.max(i + 1);
            continue;
        }
        i += 1;
    }
    (quantities, dates)
}

fn is_quantity_word(t: &Token) -> bool {
    multiplier(t.word).is_some() || is_currency(t.word) || t.word == hash_str("percent")
}

fn number_value(text: &str, t: &Token) -> Option<f64> {
    if !t.has(flag::NUMBER) {
        return None;
    }
    let s = &text[t.start as usize..t.end as usize];
    let cleaned: String = s.chars().filter(|c| *c != ',').collect();
    cleaned.parse::<f64>().ok()
}

fn word_number(word: u64) -> Option<f64> {
    const WORDS: &[(&str, f64)] = &[
        ("one", 1.0),
        ("two", 2.0),
        ("three", 3.0),
        ("four", 4.0),
        ("five", 5.0),
        ("six", 6.0),
        ("seven", 7.0),
        ("eight", 8.0),
        ("nine", 9.0),
        ("ten", 10.0),
        ("eleven", 11.0),
        ("twelve", 12.0),
        ("thirteen", 13.0),
        ("fourteen", 14.0),
        ("fifteen", 15.0),
        ("sixteen", 16.0),
        ("seventeen", 17.0),
        ("eighteen", 18.0),
        ("nineteen", 19.0),
        ("twenty", 20.0),
        ("thirty", 30.0),
        ("forty", 40.0),
        ("fifty", 50.0),
        ("sixty", 60.0),
        ("seventy", 70.0),
        ("eighty", 80.0),
        ("ninety", 90.0),
        ("hundred", 100.0),
        ("thousand", 1e3),
        ("million", 1e6),
        ("billion", 1e9),
        ("dozen", 12.0),
    ];
    WORDS
        .iter()
        .find(|(w, _)| hash_str(w) == word)
        .map(|(_, v)| *v)
}

/// Vague amounts as ranges.
fn vague_amount(word: u64) -> Option<(f64, f64)> {
    const WORDS: &[(&str, f64, f64)] = &[
        ("dozens", 13.0, 150.0),
        ("scores", 30.0, 200.0),
        ("hundreds", 150.0, 3000.0),
        ("thousands", 1500.0, 30000.0),
        ("millions", 1.5e6, 3e7),
        ("billions", 1.5e9, 3e10),
        ("several", 3.0, 10.0),
        ("few", 2.0, 7.0),
        ("couple", 2.0, 3.0),
        ("handful", 2.0, 7.0),
    ];
    WORDS
        .iter()
        .find(|(w, _, _)| hash_str(w) == word)
        .map(|(_, lo, hi)| (*lo, *hi))
}

fn multiplier(word: u64) -> Option<f64> {
    const WORDS: &[(&str, f64)] = &[
        ("hundred", 100.0),
        ("thousand", 1e3),
        ("k", 1e3),
        ("million", 1e6),
        ("m", 1e6),
        ("mn", 1e6),
        ("mln", 1e6),
        ("billion", 1e9),
        ("bn", 1e9),
        ("b", 1e9),
        ("trillion", 1e12),
        ("tn", 1e12),
    ];
    WORDS
        .iter()
        .find(|(w, _)| hash_str(w) == word)
        .map(|(_, v)| *v)
}

fn is_currency(word: u64) -> bool {
    [
        "usd", "gbp", "eur", "jpy", "dollar", "dollars", "pound", "pounds", "euro", "euros",
        "yuan", "yen", "rupee", "rupees", "cents",
    ]
    .iter()
    .any(|w| hash_str(w) == word)
}

fn currency_key(word: u64) -> u64 {
    let code = if ["usd", "dollar", "dollars"]
        .iter()
        .any(|w| hash_str(w) == word)
    {
        "usd"
    } else if ["gbp", "pound", "pounds"]
        .iter()
        .any(|w| hash_str(w) == word)
    {
        "gbp"
    } else if ["eur", "euro", "euros"].iter().any(|w| hash_str(w) == word) {
        "eur"
    } else {
        return word;
    };
    hash_str(code)
}

/// How a modifier before a number widens it.
#[derive(Clone, Copy)]
enum Modifier {
    About,
    Nearly,
    AtLeast,
    AtMost,
}

fn modifier_before(tokens: &[Token], i: usize) -> Option<(Modifier, usize)> {
    let w = |k: usize, s: &str| tokens.get(k).is_some_and(|t| t.word == hash_str(s));
    if i == 0 {
        return None;
    }
    let p = i - 1;
    let single = [
        ("about", Modifier::About),
        ("around", Modifier::About),
        ("approximately", Modifier::About),
        ("roughly", Modifier::About),
        ("some", Modifier::About),
        ("estimated", Modifier::About),
        ("nearly", Modifier::Nearly),
        ("almost", Modifier::Nearly),
        ("over", Modifier::AtLeast),
        ("above", Modifier::AtLeast),
        ("exceeding", Modifier::AtLeast),
        ("under", Modifier::AtMost),
        ("below", Modifier::AtMost),
    ];
    if p >= 1 {
        let pairs = [
            ("more", "than", Modifier::AtLeast),
            ("at", "least", Modifier::AtLeast),
            ("upwards", "of", Modifier::AtLeast),
            ("less", "than", Modifier::AtMost),
            ("fewer", "than", Modifier::AtMost),
            ("up", "to", Modifier::AtMost),
            ("at", "most", Modifier::AtMost),
            ("close", "to", Modifier::Nearly),
        ];
        for (a, b, m) in pairs {
            if w(p - 1, a) && w(p, b) {
                return Some((m, p - 1));
            }
        }
    }
    single.iter().find(|(s, _)| w(p, s)).map(|(_, m)| (*m, p))
}

fn apply_modifier(m: Option<Modifier>, lo: f64, hi: f64) -> (f64, f64) {
    match m {
        None => (lo, hi),
        Some(Modifier::About) => (lo * 0.85, hi * 1.15),
        Some(Modifier::Nearly) => (lo * 0.85, hi),
        Some(Modifier::AtLeast) => (lo, f64::INFINITY),
        Some(Modifier::AtMost) => (0.0, hi),
    }
}

/// Whether tokens `a` and `b` touch (no space between them).
fn adjacent(a: &Token, b: &Token) -> bool {
    a.end == b.start
}

/// A quantity starting at token `i`, and the index after it (past its unit word).
fn quantity_at(text: &str, tokens: &[Token], i: usize) -> Option<(Quantity, usize)> {
    let t = &tokens[i];
    let n = tokens.len();
    let (mut lo, mut hi, mut approximate);
    let mut j = i + 1;
    let mut is_year_like = false;
    if let Some(v) = number_value(text, t) {
        // Ordinals ("21st") and decades ("1990s") are not amounts.
        if let Some(next) = tokens.get(j)
            && adjacent(t, next)
            && ["st", "nd", "rd", "th", "s"]
                .iter()
                .any(|w| hash_str(w) == next.word)
        {
            return None;
        }
        lo = v;
        hi = v;
        approximate = false;
        let digits = &text[t.start as usize..t.end as usize];
        is_year_like = digits.len() == 4
            && digits.bytes().all(|b| b.is_ascii_digit())
            && (1000.0..=2100.0).contains(&v);
        // A range: "10-20", "10 to 20", "between 499 and 549".
        if let Some(next) = tokens.get(j)
            && let Some(v2) = number_value(text, next)
            && next.start == t.end + 1
            && text.as_bytes()[t.end as usize] == b'-'
        {
            hi = v2.max(v);
            lo = v2.min(v);
            j += 1;
            is_year_like = false;
        } else if tokens
            .get(j)
            .is_some_and(|x| x.word == hash_str("to") || x.word == hash_str("and"))
            && let Some(v2) = tokens.get(j + 1).and_then(|x| number_value(text, x))
            && (tokens.get(j).is_some_and(|x| x.word == hash_str("to"))
                || (i > 0 && tokens[i - 1].word == hash_str("between")))
        {
            lo = v.min(v2);
            hi = v.max(v2);
            j += 2;
            is_year_like = false;
        }
    } else if let Some(v) = word_number(t.word) {
        // "one" is as often a pronoun ("one of them"): a number word must count something.
        let next = tokens.get(j)?;
        if !next.has(flag::WORD) || next.word == hash_str("of") && v < 100.0 {
            return None;
        }
        lo = v;
        hi = v;
        approximate = t.word == hash_str("dozen");
    } else if let Some((vlo, vhi)) = vague_amount(t.word) {
        lo = vlo;
        hi = vhi;
        approximate = true;
        // "hundreds of thousands".
        if t.word == hash_str("hundreds")
            && tokens.get(j).is_some_and(|x| x.word == hash_str("of"))
            && tokens
                .get(j + 1)
                .is_some_and(|x| x.word == hash_str("thousands"))
        {
            lo = 150_000.0;
            hi = 1_500_000.0;
            j += 2;
        }
        // "a few", "a couple of" need their article; "few" alone means "not many".
        if (t.word == hash_str("few") || t.word == hash_str("couple"))
            && !(i > 0 && tokens[i - 1].word == hash_str("a"))
        {
            return None;
        }
    } else if t.word == hash_str("tens")
        && tokens.get(j).is_some_and(|x| x.word == hash_str("of"))
        && tokens
            .get(j + 1)
            .is_some_and(|x| x.word == hash_str("thousands"))
    {
        lo = 15_000.0;
        hi = 150_000.0;
        approximate = true;
        j += 2;
    } else {
        return None;
    }
    // A multiplier: "27.5 billion", "300K", "$374m".
    let mut scaled = false;
    if let Some(next) = tokens.get(j)
        && let Some(m) = multiplier(next.word)
    {
        let short_form = next.end - next.start <= 2;
        if !short_form || adjacent(&tokens[j - 1], next) {
            lo *= m;
            hi *= m;
            j += 1;
            scaled = true;
            is_year_like = false;
        }
    }
    // Modifier and currency before.
    let mut first = i;
    let mut unit = 0;
    let mut k = i;
    if k > 0 && is_currency(tokens[k - 1].word) {
        unit = currency_key(tokens[k - 1].word);
        k -= 1;
        first = k;
        is_year_like = false;
    }
    if let Some((m, at)) = modifier_before(tokens, k) {
        (lo, hi) = apply_modifier(Some(m), lo, hi);
        approximate = true;
        first = at;
        is_year_like = false;
    }
    let mut last = j - 1;
    // Unit after: "%", "percent", a currency word, or the counted noun.
    if unit == 0 && j < n {
        let next = &tokens[j];
        if next.word == hash_str("percent") || next.word == hash_str("pc") {
            unit = hash_str("percent");
            last = j;
            j += 1;
        } else if next.word == hash_str("per")
            && tokens
                .get(j + 1)
                .is_some_and(|x| x.word == hash_str("cent"))
        {
            unit = hash_str("percent");
            last = j + 1;
            j += 2;
        } else if is_currency(next.word) {
            unit = currency_key(next.word);
            last = j;
            j += 1;
        }
    }
    if unit == 0 {
        // The counted noun: the first content word after the number, past an "of"
        // ("thousands of people").
        let mut k = j;
        while k < n && k < j + 3 {
            let x = &tokens[k];
            if !x.has(flag::WORD) {
                break;
            }
            if x.has(flag::CONTENT) && !x.is(class::MONTH) {
                unit = lexicon().concept(x.stem);
                break;
            }
            if x.word != hash_str("of") {
                break;
            }
            k += 1;
        }
    }
    // "Al Gore's 2000 ticket": a year after a possessive names which one.
    let after_possessive = i > 0 && {
        let gap = &text[tokens[i - 1].end as usize..t.start as usize];
        gap.starts_with("'s") || gap.starts_with("’s")
    };
    // A four-digit number with nothing counted and no scale is a year, handled as a date.
    if is_year_like && !scaled && (unit == 0 || year_context(tokens, i) || after_possessive) {
        return None;
    }
    Some((
        Quantity {
            lo,
            hi,
            unit,
            first: first as u32,
            last: last as u32,
            approximate,
        },
        j,
    ))
}

/// "in 1999", "since 2001", "of 1945": a preposition that makes a number a year; "the
/// 1986 catastrophe", "its 2005 report": a determiner before a year naming which one.
fn year_context(tokens: &[Token], i: usize) -> bool {
    i > 0
        && [
            "in", "since", "of", "by", "until", "from", "to", "early", "late", "mid", "during",
            "the", "its", "his", "her", "their", "this", "that", "last",
        ]
        .iter()
        .any(|w| tokens[i - 1].word == hash_str(w))
}

/// A date starting at token `i`: "1 November 1945", "November 1, 1945", "July 14",
/// "August of 1945", "May 2005", or a year alone ("in 1999").
fn date_at(text: &str, tokens: &[Token], i: usize) -> Option<(Date, usize)> {
    let t = &tokens[i];
    let n = tokens.len();
    let year_at = |k: usize| -> Option<i32> {
        let x = tokens.get(k)?;
        let v = number_value(text, x)?;
        let digits = &text[x.start as usize..x.end as usize];
        let four = digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit());
        (four && (1000.0..=2100.0).contains(&v)).then_some(v as i32)
    };
    let day_at = |k: usize| -> Option<u8> {
        let x = tokens.get(k)?;
        let v = number_value(text, x)?;
        let digits = &text[x.start as usize..x.end as usize];
        (digits.len() <= 2 && (1.0..=31.0).contains(&v)).then_some(v as u8)
    };
    let comma = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|x| x.has(flag::PUNCT) && text[x.start as usize..x.end as usize] == *",")
    };
    if let Some(month) = token_month(text, t) {
        // "May" the modal is not a month unless a number or "in" goes with it.
        if t.word == hash_str("may")
            && tokens.get(i + 1).is_none_or(|x| !x.has(flag::NUMBER))
            && !(i > 0 && tokens[i - 1].word == hash_str("in"))
        {
            return None;
        }
        let mut date = Date {
            year: None,
            month: Some(month),
            day: None,
            first: i as u32,
            last: i as u32,
        };
        let mut k = i + 1;
        if let Some(d) = day_at(k) {
            date.day = Some(d);
            date.last = k as u32;
            k += 1;
            if comma(k) && year_at(k + 1).is_some() {
                k += 1;
            }
        } else if tokens.get(k).is_some_and(|x| x.word == hash_str("of"))
            && year_at(k + 1).is_some()
        {
            k += 1;
        }
        if let Some(y) = year_at(k) {
            date.year = Some(y);
            date.last = k as u32;
            k += 1;
        }
        return Some((date, k));
    }
    if let Some(d) = day_at(i)
        && let Some(month) = tokens.get(i + 1).and_then(|x| token_month(text, x))
    {
        let mut date = Date {
            year: None,
            month: Some(month),
            day: Some(d),
            first: i as u32,
            last: (i + 1) as u32,
        };
        let mut k = i + 2;
        if let Some(y) = year_at(k) {
            date.year = Some(y);
            date.last = k as u32;
            k += 1;
        }
        return Some((date, k));
    }
    if let Some(y) = year_at(i) {
        // A bare year: not when it counts something ("1500 troops") or has a currency.
        let prev_currency = i > 0 && is_currency(tokens[i - 1].word);
        let next = tokens.get(i + 1);
        let next_counts = next.is_some_and(|x| {
            x.has(flag::WORD)
                && x.has(flag::CONTENT)
                && !x.has(flag::CAPITALISED)
                && !adjacent(t, x)
                && !x.is(class::MONTH)
        });
        let next_scale =
            next.is_some_and(|x| multiplier(x.word).is_some() || x.word == hash_str("percent"));
        let ordinal = next.is_some_and(|x| adjacent(t, x) && x.has(flag::WORD));
        if prev_currency || next_scale || ordinal || (next_counts && !year_context(tokens, i)) {
            return None;
        }
        let _ = n;
        return Some((
            Date {
                year: Some(y),
                month: None,
                day: None,
                first: i as u32,
                last: i as u32,
            },
            i + 1,
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::compare::features::ClaimFeatures;

    fn quantities(text: &str) -> Vec<(f64, f64)> {
        ClaimFeatures::new(text)
            .quantities
            .iter()
            .map(|q| (q.lo, q.hi))
            .collect()
    }

    #[test]
    fn plain_numbers_with_scale_and_currency() {
        assert_eq!(quantities("It cost US$ 27.5 billion."), [(27.5e9, 27.5e9)]);
        assert_eq!(quantities("General Dynamics lost $374m."), [(374e6, 374e6)]);
        assert_eq!(
            quantities("IBM will cut 110,000 jobs"),
            [(110000.0, 110000.0)]
        );
        assert_eq!(
            quantities("Vice CEO spent 300K on dinner"),
            [(300e3, 300e3)]
        );
    }

    #[test]
    fn vague_and_modified_amounts_are_ranges() {
        let q = quantities("about 500 people");
        assert!(q[0].0 < 500.0 && q[0].1 > 500.0);
        let q = quantities("thousands of people");
        assert!(q[0].0 >= 1000.0 && q[0].1 >= 10000.0);
        let q = quantities("more than 110,000 jobs");
        assert_eq!(q[0].0, 110000.0);
        assert!(q[0].1.is_infinite());
        assert_eq!(quantities("between 499 and 549 USD"), [(499.0, 549.0)]);
    }

    #[test]
    fn units_are_what_is_counted() {
        let f = ClaimFeatures::new("NATO has 16 members.");
        let g = ClaimFeatures::new("NATO's 19 members approved.");
        assert_eq!(f.quantities[0].unit, g.quantities[0].unit);
        assert!(!f.quantities[0].compatible(&g.quantities[0]));
        let h = ClaimFeatures::new("He was absent for 24 years");
        let k = ClaimFeatures::new("He was absent for 25 years");
        assert!(h.quantities[0].compatible(&k.quantities[0]));
        let a = ClaimFeatures::new("married for 75 years");
        let b = ClaimFeatures::new("married for 70 years");
        assert!(!a.quantities[0].compatible(&b.quantities[0]));
    }

    #[test]
    fn years_and_dates() {
        let f = ClaimFeatures::new("The Aurora Borealis was discovered in 1995.");
        assert!(f.quantities.is_empty());
        assert_eq!(f.dates[0].year, Some(1995));
        let g = ClaimFeatures::new("Bountiful reached San Francisco on 1 November 1945.");
        assert_eq!(
            (g.dates[0].day, g.dates[0].month, g.dates[0].year),
            (Some(1), Some(11), Some(1945))
        );
        let h = ClaimFeatures::new("On May 17, 2005, the Assembly voted.");
        assert_eq!(
            (h.dates[0].day, h.dates[0].month, h.dates[0].year),
            (Some(17), Some(5), Some(2005))
        );
        let k = ClaimFeatures::new("Women may vote.");
        assert!(k.dates.is_empty());
    }

    #[test]
    fn ordinals_and_pronoun_one_are_not_amounts() {
        assert!(quantities("He lives on E. 28th Street.").is_empty());
        assert!(quantities("one of the largest contingents").is_empty());
    }
}
