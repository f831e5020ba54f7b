//! Finding the facts of a passage: numbers, tallies, days, dates, years, people, quotations.

use std::borrow::Cow;

use super::numbers::{Approx, NumberFact, quantity_of};
use super::people::{governments, people};
use super::{Facts, Passage, span_of};
use crate::compare::lexicon::APPROXIMATE;
use crate::compare::lexicon::{MONTHS, WEEKDAYS};
use crate::compare::token::{Token, TokenKind};

impl<'q> Facts<'q> {
    pub(super) fn of(p: &Passage<'_, '_, 'q>) -> Facts<'q> {
        let mut f = Facts::default();
        let tokens: Vec<(usize, &Token)> = p.tokens().collect();
        // Lower-case forms, borrowed when the word is already lower case (most words are).
        let lower: Vec<Cow<str>> = tokens
            .iter()
            .map(|(_, t)| {
                let raw = p.raw(t);
                if raw.is_ascii() && !raw.bytes().any(|b| b.is_ascii_uppercase()) {
                    Cow::Borrowed(raw)
                } else {
                    Cow::Owned(raw.to_lowercase())
                }
            })
            .collect();
        let body = p.doc.body;
        let mut used = vec![false; tokens.len()];

        // Scores: "7-4" written with a hyphen, or "N votes to M".
        for k in 0..tokens.len().saturating_sub(1) {
            let (a, b) = (tokens[k].1, tokens[k + 1].1);
            if let (Some(x), Some(y)) = (a.value, b.value)
                && tokens[k].0 == tokens[k + 1].0
                && &body[a.range.end..b.range.start] == "-"
            {
                f.scores.push((
                    (x, y),
                    span_of(a, b),
                    body[a.range.start..b.range.end].to_string(),
                ));
                used[k] = true;
                used[k + 1] = true;
            }
        }
        for k in 0..tokens.len().saturating_sub(3) {
            if let Some(x) = tokens[k].1.value
                && lower[k + 1].starts_with("vote")
                && lower[k + 2] == "to"
                && let Some(y) = tokens[k + 3].1.value
            {
                let (a, b) = (tokens[k].1, tokens[k + 3].1);
                f.scores.push((
                    (x, y),
                    span_of(a, b),
                    body[a.range.start..b.range.end].to_string(),
                ));
                used[k] = true;
                used[k + 3] = true;
            }
        }

        // Days of the month, next to their month on either side: not counts of anything.
        let is_month = |k: usize| {
            MONTHS.contains(&lower[k].as_ref()) && (lower[k] != "may" || tokens[k].1.capitalised)
        };
        let day = |k: usize| {
            let t = tokens[k].1;
            t.value
                .filter(|v| v.fract() == 0.0 && (1.0..=31.0).contains(v) && p.raw(t).len() <= 2)
                .map(|v| v as u32)
        };
        for k in 0..tokens.len() {
            if !is_month(k) {
                continue;
            }
            let same = |m: usize| tokens[m].0 == tokens[k].0;
            let at = if k + 1 < tokens.len() && same(k + 1) && !used[k + 1] && day(k + 1).is_some()
            {
                Some((k + 1, k, k + 1))
            } else if k > 0 && same(k - 1) && !used[k - 1] && day(k - 1).is_some() {
                Some((k - 1, k - 1, k))
            } else {
                None
            };
            if let Some((d, first, last)) = at {
                used[d] = true;
                let span = span_of(tokens[first].1, tokens[last].1);
                f.dates.push((
                    (lower[k].to_string(), day(d).unwrap_or(0)),
                    span,
                    body[span[0]..span[1]].to_string(),
                ));
            }
        }

        for (k, (sentence, t)) in tokens.iter().enumerate() {
            let word = lower[k].as_ref();
            if WEEKDAYS.contains(&word) {
                f.weekdays
                    .push((word.to_string(), [t.range.start, t.range.end]));
                continue;
            }
            if is_month(k) {
                f.months
                    .push((word.to_string(), [t.range.start, t.range.end]));
                continue;
            }
            let Some(mut value) = t.value else { continue };
            if used[k] || word == "one" {
                continue;
            }
            if value.fract() == 0.0 && (1900.0..=2100.0).contains(&value) && p.raw(t).len() == 4 {
                f.years.push((value as i64, [t.range.start, t.range.end]));
                continue;
            }
            // Multipliers and the words that say what is counted.
            let mut end: &Token = t;
            let mut units = Vec::new();
            let mut m = k + 1;
            // The shown span runs over words that follow directly (only a space or a hyphen
            // between them): "410 million crowns", "31-year-old", "three dock workers".
            let mut contiguous = true;
            while m < tokens.len() && tokens[m].0 == *sentence && units.len() < 2 && m <= k + 4 {
                let (_, n) = tokens[m];
                let gap = &body[end.range.end.min(n.range.start)..n.range.start];
                contiguous &= gap.chars().all(|c| c.is_whitespace() || c == '-');
                let multiplier = match lower[m].as_ref() {
                    "million" | "m" => Some(1e6),
                    "billion" | "bn" => Some(1e9),
                    "thousand" => Some(1e3),
                    _ => None,
                };
                match multiplier {
                    Some(x) if units.is_empty() => value *= x,
                    _ if n.kind == TokenKind::Content => units.push(n.term),
                    _ => contiguous = false,
                }
                if contiguous {
                    end = n;
                }
                m += 1;
            }
            let approx = if k > 0 && tokens[k - 1].0 == *sentence {
                approximation(&lower[k - 1]).unwrap_or(match lower[k - 1].as_ref() {
                    "over" | "least" | "than"
                        if !(k > 1 && matches!(lower[k - 2].as_ref(), "less" | "fewer")) =>
                    {
                        Approx::AtLeast
                    }
                    "under" | "than" => Approx::AtMost,
                    _ => Approx::Exact,
                })
            } else {
                Approx::Exact
            };
            let quantity = quantity_of(k, &tokens, &lower, body, &units);
            let span = span_of(t, end);
            f.numbers.push(NumberFact {
                value,
                span,
                text: body[span[0]..span[1]].to_string(),
                units,
                approx,
                quantity,
                sentence: *sentence,
            });
        }

        f.people = people(p, &tokens, &lower);
        f.governments = governments(p, &tokens, &lower);
        // The document's quotations are in sentence order: each sentence's are a slice.
        f.quotes = p
            .sentences
            .iter()
            .flat_map(|&k| {
                let from = p.quotes.partition_point(|q| q.sentence < k);
                let to = p.quotes.partition_point(|q| q.sentence <= k);
                &p.quotes[from..to]
            })
            .collect();
        f
    }
}

/// "about", "nearly": the word makes the number after it approximate.
pub(super) fn approximation(word: &str) -> Option<Approx> {
    APPROXIMATE.contains(&word).then_some(Approx::About)
}
