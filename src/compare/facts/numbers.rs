//! Numbers and tallies: what each counts, how exact it is, and when two disagree.
//!
//! A number's [`Quantity`] says what it is a figure of. Counted classes of harm ("31 people
//! dead", "killing 31", "the death toll ... is at least 11") and measured quantities named by
//! a head noun ("a depth of 5 kilometers") are the same quantity wherever they stand in the two
//! reports; other numbers are the same quantity only when they share a unit word and stand in
//! aligned passages.

use std::borrow::Cow;

use super::Facts;
use crate::compare::lexicon::{CLAUSE_LINKS, COUNTED_CLASSES, TOLL_WORDS};
use crate::compare::model::{Conflict, ConflictKind, Span};
use crate::compare::token::Token;

#[derive(Debug, Clone)]
pub struct NumberFact {
    pub value: f64,
    pub span: Span,
    pub text: String,
    /// The first content words after the number: what it counts.
    pub units: Vec<u32>,
    pub approx: Approx,
    pub quantity: Quantity,
    /// The sentence it stands in.
    pub sentence: usize,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Approx {
    Exact,
    About,
    AtLeast,
    AtMost,
}

/// What a number is a figure of, when the words around it say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quantity {
    /// A class of harm from [`COUNTED_CLASSES`]: "dead", "injured", ...
    Counted(&'static str),
    /// "a depth of 5 kilometers": the head noun's term and the first unit's term.
    Measured { head: u32, unit: Option<u32> },
    /// Nothing more than its unit words.
    Plain,
}

impl Quantity {
    /// Whether figures of this quantity are comparable across the whole of two articles.
    fn article_wide(self) -> bool {
        !matches!(self, Quantity::Plain)
    }
}

/// The class a word names, from [`COUNTED_CLASSES`].
fn counted_class(word: &str) -> Option<&'static str> {
    COUNTED_CLASSES
        .iter()
        .find(|(_, words)| words.contains(&word))
        .map(|(class, _)| *class)
}

/// What the number at `k` is a figure of. `tokens` pairs each token with its sentence, `lower`
/// holds their lower-case forms.
pub(super) fn quantity_of(
    k: usize,
    tokens: &[(usize, &Token)],
    lower: &[Cow<str>],
    body: &str,
    units: &[u32],
) -> Quantity {
    let sentence = tokens[k].0;
    let same = |m: usize| tokens[m].0 == sentence;
    // Punctuation between two neighbouring tokens ends the clause.
    let broken = |a: usize, b: usize| {
        body[tokens[a].1.range.end..tokens[b].1.range.start]
            .contains([',', ';', '(', ')', ':', '—', '–'])
    };
    let is_number = |m: usize| tokens[m].1.value.is_some();
    // Forward: "three people dead", "11 others were injured".
    let mut m = k + 1;
    while m < tokens.len() && m <= k + 3 && same(m) && !broken(m - 1, m) && !is_number(m) {
        if CLAUSE_LINKS.contains(&lower[m].as_ref()) {
            break;
        }
        if let Some(class) = counted_class(&lower[m]) {
            return Quantity::Counted(class);
        }
        m += 1;
    }
    // Backward: "killing at least 31", "kills 31 people".
    let mut m = k;
    while m > 0 && k - m < 4 && same(m - 1) && !broken(m - 1, m) && !is_number(m - 1) {
        m -= 1;
        if let Some(class) = counted_class(&lower[m]) {
            return Quantity::Counted(class);
        }
    }
    // "The death toll in Tuesday's crash is at least 11": a toll named earlier in the sentence,
    // with no other figure between.
    let mut m = k;
    while m > 0 && same(m - 1) && !is_number(m - 1) {
        m -= 1;
        if TOLL_WORDS.contains(&lower[m].as_ref()) {
            return Quantity::Counted("dead");
        }
    }
    // "a depth of 5 kilometers", "a depth of about 5 kilometers".
    let mut of = k;
    while of > 0 && same(of - 1) && super::extract::approximation(&lower[of - 1]).is_some() {
        of -= 1;
    }
    if of >= 2
        && same(of - 2)
        && lower[of - 1] == "of"
        && tokens[of - 2].1.kind == crate::compare::token::TokenKind::Content
        && !broken(of - 2, of - 1)
    {
        return Quantity::Measured {
            head: tokens[of - 2].1.term,
            unit: units.first().copied(),
        };
    }
    Quantity::Plain
}

fn shares_unit(a: &NumberFact, b: &NumberFact) -> bool {
    match (a.units.first(), b.units.first()) {
        (Some(pa), Some(pb)) => b.units.contains(pa) || a.units.contains(pb),
        _ => false,
    }
}

/// Whether two numbers are figures of the same thing.
fn same_quantity(a: &NumberFact, b: &NumberFact) -> bool {
    match (a.quantity, b.quantity) {
        (Quantity::Counted(x), Quantity::Counted(y)) => x == y,
        (Quantity::Counted(_), _) | (_, Quantity::Counted(_)) => false,
        (Quantity::Measured { head: ha, unit: ua }, Quantity::Measured { head: hb, unit: ub }) => {
            ha == hb && (ua == ub || shares_unit(a, b))
        }
        _ => shares_unit(a, b),
    }
}

/// Whether two stated values can both be true, allowing for "about", "over" and "under".
/// Two bounds of the same kind are two reported figures: "at least 31" and "at least 69" are
/// different tolls, not two true statements.
fn consistent(a: &NumberFact, b: &NumberFact) -> bool {
    let close = |x: f64, y: f64| (x - y).abs() <= 0.1 * x.abs().max(y.abs());
    if a.value == b.value {
        return true;
    }
    match (a.approx, b.approx) {
        (Approx::About, _) | (_, Approx::About) => close(a.value, b.value),
        (Approx::AtLeast, Approx::AtLeast) | (Approx::AtMost, Approx::AtMost) => false,
        (Approx::AtLeast, _) => b.value > a.value,
        (_, Approx::AtLeast) => a.value > b.value,
        (Approx::AtMost, _) => b.value < a.value,
        (_, Approx::AtMost) => a.value < b.value,
        _ => false,
    }
}

fn agrees(a: &NumberFact, b: &NumberFact) -> bool {
    same_quantity(a, b) && consistent(a, b)
}

fn number_conflict(group: usize, a: &NumberFact, b: &NumberFact) -> Conflict {
    let subject = match a.quantity {
        Quantity::Counted(class) => format!("number {class}"),
        _ => "number".into(),
    };
    Conflict::new(
        ConflictKind::Number,
        group,
        a.span,
        b.span,
        subject,
        a.text.clone(),
        b.text.clone(),
    )
}

/// Numbers of one aligned passage that no number of the other agrees with, each set against
/// the other side's first figure of the same quantity.
pub(super) fn number_conflicts(group: usize, l: &Facts, r: &Facts, out: &mut Vec<Conflict>) {
    let matched = |n: &NumberFact, others: &[NumberFact]| others.iter().any(|o| agrees(n, o));
    let before = out.len();
    for a in &l.numbers {
        if matched(a, &r.numbers) {
            continue;
        }
        if let Some(b) = r
            .numbers
            .iter()
            .find(|b| same_quantity(a, b) && !matched(b, &l.numbers))
        {
            out.push(number_conflict(group, a, b));
        }
    }
    // A right figure left out above: "at least 11" and "at least seven" against one "three".
    for b in &r.numbers {
        let reported = out[before..].iter().any(|c| c.right == b.span);
        if reported || matched(b, &l.numbers) {
            continue;
        }
        if let Some(a) = l
            .numbers
            .iter()
            .find(|a| same_quantity(a, b) && !matched(a, &r.numbers))
        {
            out.push(number_conflict(group, a, b));
        }
    }
}

/// Figures of a quantity that is the same wherever it stands (a death toll, a depth): the first
/// figure each side's `l` and `r` (one part of each article: its headline, or its body) give of
/// it, when they disagree. The conflict is shown with the group of
/// the left figure's sentence, or of the right one's when only that one is aligned.
pub(super) fn article_number_conflicts(
    l: &[&NumberFact],
    r: &[&NumberFact],
    groups: &super::SentenceGroups,
    out: &mut Vec<Conflict>,
) {
    let mut seen: Vec<Quantity> = Vec::new();
    for &a in l.iter().filter(|n| n.quantity.article_wide()) {
        if seen.contains(&a.quantity) {
            continue;
        }
        seen.push(a.quantity);
        let Some(&b) = r
            .iter()
            .find(|b| b.quantity.article_wide() && same_quantity(a, b))
        else {
            continue;
        };
        let already = out
            .iter()
            .any(|c| overlaps(c.left, a.span) && overlaps(c.right, b.span));
        if !consistent(a, b) && !already {
            out.push(number_conflict(
                groups.of_pair(a.sentence, b.sentence),
                a,
                b,
            ));
        }
    }
}

fn overlaps(a: Span, b: Span) -> bool {
    a[0] < b[1] && b[0] < a[1]
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

#[cfg(test)]
mod tests {
    use crate::compare::{Comparison, ConflictKind, compare_texts as compare, conflicts_of};

    fn number_conflicts(c: &Comparison) -> Vec<(&str, &str)> {
        conflicts_of(c, ConflictKind::Number)
    }

    const WIRE: &str = "A ferry capsized off Port Amsel on Friday, leaving at least three people \
        dead and 11 injured, the coastguard said.\n\n\
        The vessel had 40 passengers aboard when it turned over near the harbour wall.\n\n\
        Divers searched the wreck through the night, officials said.";

    #[test]
    fn two_tolls_of_one_event_conflict_wherever_they_stand() {
        // The later report gives its toll in a sentence of its own, far from the lead.
        let later = "Divers searched the wreck through the night, officials said.\n\n\
            The vessel had 40 passengers aboard when it turned over near the harbour wall.\n\n\
            Harbour staff said at least seven people were killed and 11 were hurt.";
        let c = compare(WIRE, later);
        let found = number_conflicts(&c);
        assert!(
            found
                .iter()
                .any(|(l, r)| l.contains("three") && r.contains("seven")),
            "{found:?}"
        );
        // The injured agree: 11 and 11.
        assert!(!found.iter().any(|(l, _)| l.contains("11")), "{found:?}");
    }

    #[test]
    fn people_aboard_are_not_a_death_toll() {
        let a = "The cargo plane, with three people aboard, crashed near Velm on Tuesday, \
            officials said.";
        let b = "The cargo plane crashed near Velm on Tuesday and seven people were killed, \
            officials said.";
        let c = compare(a, b);
        assert!(c.groups.iter().any(|g| g.kind.is_aligned()));
        assert_eq!(number_conflicts(&c), [] as [(&str, &str); 0]);
    }

    #[test]
    fn a_toll_and_an_injury_count_in_one_clause_are_told_apart() {
        let a = "The blast at the Orrin mill killed 4 workers and injured 20 on Monday.";
        let b = "The blast at the Orrin mill killed 4 workers and injured 25 on Monday.";
        let c = compare(a, b);
        let found = number_conflicts(&c);
        assert_eq!(found, [("20", "25")], "{found:?}");
    }

    #[test]
    fn a_measured_quantity_named_by_its_noun_is_compared_across_the_articles() {
        let a = "The tremor struck the Velm valley at dawn. It was centred at a depth of 5 \
            kilometres under the town of Ossa.";
        let b = "Residents of Ossa fled their homes. Geologists said the quake struck at a depth \
            of 12 kilometres.";
        let c = compare(a, b);
        let found = number_conflicts(&c);
        assert!(
            found
                .iter()
                .any(|(l, r)| l.starts_with('5') && r.starts_with("12")),
            "{found:?}"
        );
    }

    #[test]
    fn two_lower_bounds_are_two_reported_figures() {
        let a = "The flood in Brask left at least 31 people dead, officials said.";
        let b = "The flood in Brask left at least 69 people dead, officials said.";
        assert_eq!(number_conflicts(&compare(a, b)).len(), 1);
        let same = "The flood in Brask left 31 people dead, officials said.";
        assert!(number_conflicts(&compare(a, same)).is_empty());
    }
}
