//! Numbers and tallies: what each counts, how exact it is, and when two disagree.

use super::Facts;
use crate::compare::model::{Conflict, ConflictKind, Span};

#[derive(Debug)]
pub struct NumberFact {
    pub value: f64,
    pub span: Span,
    pub text: String,
    /// The first content words after the number: what it counts.
    pub units: Vec<u32>,
    pub approx: Approx,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Approx {
    Exact,
    About,
    AtLeast,
    AtMost,
}

fn shares_unit(a: &NumberFact, b: &NumberFact) -> bool {
    match (a.units.first(), b.units.first()) {
        (Some(pa), Some(pb)) => b.units.contains(pa) || a.units.contains(pb),
        _ => false,
    }
}

/// Whether two stated values can both be true, allowing for "about", "over" and "under".
fn consistent(a: &NumberFact, b: &NumberFact) -> bool {
    let close = |x: f64, y: f64| (x - y).abs() <= 0.1 * x.abs().max(y.abs());
    if a.value == b.value {
        return true;
    }
    match (a.approx, b.approx) {
        (Approx::About, _) | (_, Approx::About) => close(a.value, b.value),
        (Approx::AtLeast, _) => b.value > a.value,
        (_, Approx::AtLeast) => a.value > b.value,
        (Approx::AtMost, _) => b.value < a.value,
        (_, Approx::AtMost) => a.value < b.value,
        _ => false,
    }
}

pub(super) fn number_conflicts(group: usize, l: &Facts, r: &Facts, out: &mut Vec<Conflict>) {
    let matched = |n: &NumberFact, others: &[NumberFact]| {
        others.iter().any(|o| shares_unit(n, o) && consistent(n, o))
    };
    for a in &l.numbers {
        if matched(a, &r.numbers) {
            continue;
        }
        if let Some(b) = r
            .numbers
            .iter()
            .find(|b| shares_unit(a, b) && !matched(b, &l.numbers))
        {
            out.push(Conflict::new(
                ConflictKind::Number,
                group,
                a.span,
                b.span,
                "number".into(),
                a.text.clone(),
                b.text.clone(),
            ));
        }
    }
}

pub(super) fn score_conflicts(group: usize, l: &Facts, r: &Facts, out: &mut Vec<Conflict>) {
    if let (Some(a), Some(b)) = (l.scores.first(), r.scores.first())
        && a.0 != b.0
    {
        out.push(Conflict::new(
            ConflictKind::Number,
            group,
            a.1,
            b.1,
            "tally".into(),
            a.2.clone(),
            b.2.clone(),
        ));
    }
}
