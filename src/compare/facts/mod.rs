//! Facts inside aligned passages, and where the two sides disagree on them.
//!
//! Only aligned passages are checked: two sentences that say the same thing with a different
//! number, day, title or quotation are the most valuable thing a comparison can show. Each check
//! is conservative: an omission is not a conflict, and approximate wording ("about 40") is
//! allowed its slack.
//!
//! [`extract`] finds the facts of a passage; [`numbers`], [`dates`], [`people`] and [`quotes`]
//! each hold one kind of fact and the check that compares it across the two sides.

mod dates;
mod extract;
mod numbers;
mod people;
mod quotes;
mod speakers;

use super::cores::Cores;
use super::doc::Doc;
use super::model::{Conflict, Span};
use super::token::Token;

pub use quotes::{QuoteFact, all_quotes, unique_quotes};

/// The sentences of one side of a group.
pub struct Passage<'d, 'a> {
    pub doc: &'d Doc<'a>,
    pub sentences: &'d [usize],
    /// Every quotation of the document ([`all_quotes`]), found once for all its groups.
    pub quotes: &'d [QuoteFact],
}

impl Passage<'_, '_> {
    fn tokens(&self) -> impl Iterator<Item = (usize, &Token)> {
        self.sentences
            .iter()
            .flat_map(move |&k| self.doc.sentence_tokens(k).iter().map(move |t| (k, t)))
    }

    fn raw(&self, t: &Token) -> &str {
        &self.doc.body[t.range.clone()]
    }
}

/// All conflicts between the two sides of aligned group `group`.
pub fn conflicts(group: usize, left: &Passage, right: &Passage) -> Vec<Conflict> {
    let mut out = Vec::new();
    let (lf, rf) = (Facts::of(left), Facts::of(right));
    numbers::number_conflicts(group, &lf, &rf, &mut out);
    numbers::score_conflicts(group, &lf, &rf, &mut out);
    dates::date_conflicts(group, &lf, &rf, &mut out);
    people::role_conflicts(group, &lf, &rf, &mut out);
    quotes::quote_conflicts(group, &lf, &rf, &mut out);
    out
}

#[derive(Default)]
struct Facts<'q> {
    numbers: Vec<numbers::NumberFact>,
    /// Vote tallies and scores: "7-4", "eight votes to three".
    scores: Vec<((f64, f64), Span, String)>,
    weekdays: Vec<(String, Span)>,
    months: Vec<(String, Span)>,
    /// Days of a month: "3 March", "March 4" (month, day), with the text.
    dates: Vec<((String, u32), Span, String)>,
    years: Vec<(i64, Span)>,
    people: Vec<people::Person>,
    /// Who governs, by name: "the Biden administration", "the Starmer government".
    governments: Vec<people::Government>,
    quotes: Vec<&'q QuoteFact>,
}

fn span_of(a: &Token, b: &Token) -> Span {
    [a.range.start, b.range.end]
}

fn capitalise(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Which group each sentence of the two articles belongs to, and which groups are aligned.
pub struct SentenceGroups {
    pub left: Vec<usize>,
    pub right: Vec<usize>,
    pub aligned: Vec<bool>,
}

impl SentenceGroups {
    /// The group to show a conflict between left sentence `l` and right sentence `r` with: the
    /// left one's, unless only the right one's is aligned.
    pub(super) fn of_pair(&self, l: usize, r: usize) -> usize {
        let (gl, gr) = (self.left[l], self.right[r]);
        if !self.aligned[gl] && self.aligned[gr] {
            gr
        } else {
            gl
        }
    }
}

/// The figures of the headline, or those of the body.
fn part<'f>(
    figures: &'f [numbers::NumberFact],
    doc: &Doc,
    headline: bool,
) -> Vec<&'f numbers::NumberFact> {
    figures
        .iter()
        .filter(|n| doc.in_headline(n.sentence) == headline)
        .collect()
}

/// Conflicts that only the whole articles show: the first figure each gives of a quantity that
/// is the same wherever it stands (a death toll, a depth), and a person given another title
/// anywhere. `out` holds the passages' conflicts
/// already found, which are not reported again.
pub fn article_conflicts(
    left: &Passage,
    right: &Passage,
    groups: &SentenceGroups,
    cores: Cores,
    out: &mut Vec<Conflict>,
) {
    let (lf, rf) = cores.join(|| Facts::of(left), || Facts::of(right));
    // A headline states its figures apart from the body: the first figure of a quantity in
    // one headline is checked against the other headline's, and the body's against the body's.
    for headline in [true, false] {
        let (lp, rp) = (
            part(&lf.numbers, left.doc, headline),
            part(&rf.numbers, right.doc, headline),
        );
        numbers::article_number_conflicts(&lp, &rp, groups, out);
    }
    people::article_role_conflicts(&lf, &rf, groups, out);
    people::government_conflicts(&lf, &rf, groups, out);
}
