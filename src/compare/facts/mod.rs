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

use super::doc::Doc;
use super::model::{Conflict, Span};
use super::token::Token;

pub use quotes::{QuoteFact, all_quotes, unique_quotes};

/// Some sentences of one document.
struct Passage<'d, 'a, 'q> {
    pub doc: &'d Doc<'a>,
    pub sentences: &'d [usize],
    /// Every quotation of the document ([`all_quotes`]), found once for all its groups.
    pub quotes: &'q [QuoteFact],
}

impl Passage<'_, '_, '_> {
    fn tokens(&self) -> impl Iterator<Item = (usize, &Token)> {
        self.sentences
            .iter()
            .flat_map(move |&k| self.doc.sentence_tokens(k).iter().map(move |t| (k, t)))
    }

    fn raw(&self, t: &Token) -> &str {
        &self.doc.body[t.range.clone()]
    }
}

/// All conflicts between the two sides of aligned group `group`, from the facts of its
/// sentences on each side ([`DocFacts::passage`]).
pub fn conflicts(group: usize, lf: &Facts, rf: &Facts) -> Vec<Conflict> {
    let mut out = Vec::new();
    numbers::number_conflicts(group, lf, rf, &mut out);
    numbers::score_conflicts(group, lf, rf, &mut out);
    dates::date_conflicts(group, lf, rf, &mut out);
    people::role_conflicts(group, lf, rf, &mut out);
    quotes::quote_conflicts(group, lf, rf, &mut out);
    out
}

#[derive(Default, Clone)]
pub struct Facts<'q> {
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

/// How many facts of each kind a [`Facts`] holds, in the order of its fields.
type Counts = [usize; 9];

// Both name every field (a destructuring the compiler checks), so a kind of fact added to
// `Facts` cannot be left out of the per-sentence table.
impl<'q> Facts<'q> {
    fn counts(&self) -> Counts {
        let Facts {
            numbers,
            scores,
            weekdays,
            months,
            dates,
            years,
            people,
            governments,
            quotes,
        } = self;
        [
            numbers.len(),
            scores.len(),
            weekdays.len(),
            months.len(),
            dates.len(),
            years.len(),
            people.len(),
            governments.len(),
            quotes.len(),
        ]
    }

    /// Appends the facts of `from` between the counts `start` and `end`.
    fn extend_from(&mut self, from: &Facts<'q>, start: Counts, end: Counts) {
        let r = |k: usize| start[k]..end[k];
        let Facts {
            numbers,
            scores,
            weekdays,
            months,
            dates,
            years,
            people,
            governments,
            quotes,
        } = from;
        self.numbers.extend_from_slice(&numbers[r(0)]);
        self.scores.extend_from_slice(&scores[r(1)]);
        self.weekdays.extend_from_slice(&weekdays[r(2)]);
        self.months.extend_from_slice(&months[r(3)]);
        self.dates.extend_from_slice(&dates[r(4)]);
        self.years.extend_from_slice(&years[r(5)]);
        self.people.extend_from_slice(&people[r(6)]);
        self.governments.extend_from_slice(&governments[r(7)]);
        self.quotes.extend_from_slice(&quotes[r(8)]);
    }
}

/// The facts of every sentence of a document, found once: the article's checks read them all,
/// and each group's checks its own sentences'. Every fact lies inside one sentence, so a
/// passage's facts are its sentences' facts together.
pub struct DocFacts<'q> {
    all: Facts<'q>,
    /// Where each sentence's facts begin in `all`, and (last) where the last one's end.
    starts: Vec<Counts>,
}

impl<'q> DocFacts<'q> {
    /// The facts of each sentence of `doc`, whose quotations are `quotes` ([`all_quotes`]).
    pub fn of(doc: &Doc, quotes: &'q [QuoteFact]) -> DocFacts<'q> {
        let mut all = Facts::default();
        let mut starts = Vec::with_capacity(doc.sentences.len() + 1);
        for k in 0..doc.sentences.len() {
            starts.push(all.counts());
            let facts = Facts::of(&Passage {
                doc,
                sentences: &[k],
                quotes,
            });
            all.extend_from(&facts, Counts::default(), facts.counts());
        }
        starts.push(all.counts());
        DocFacts { all, starts }
    }

    /// The facts of these sentences, in their order.
    pub fn passage(&self, sentences: &[usize]) -> Facts<'q> {
        let mut out = Facts::default();
        for &k in sentences {
            out.extend_from(&self.all, self.starts[k], self.starts[k + 1]);
        }
        out
    }
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
    (left, lf): (&Doc, &DocFacts),
    (right, rf): (&Doc, &DocFacts),
    groups: &SentenceGroups,
    out: &mut Vec<Conflict>,
) {
    let (lf, rf) = (&lf.all, &rf.all);
    // A headline states its figures apart from the body: the first figure of a quantity in
    // one headline is checked against the other headline's, and the body's against the body's.
    for headline in [true, false] {
        let (lp, rp) = (
            part(&lf.numbers, left, headline),
            part(&rf.numbers, right, headline),
        );
        numbers::article_number_conflicts(&lp, &rp, groups, out);
    }
    people::article_role_conflicts(lf, rf, groups, out);
    people::government_conflicts(lf, rf, groups, out);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::token::Vocab;

    #[test]
    fn a_passage_has_the_facts_of_its_sentences_in_the_order_of_the_text() {
        let text = "It passed by eight votes to three. Nobody spoke. The council voted 7-4 in May.";
        let mut vocab = Vocab::default();
        let doc = Doc::new(text, &mut vocab);
        let quotes = all_quotes(&doc);
        let facts = DocFacts::of(&doc, &quotes);
        let tallies = |sentences: &[usize]| -> Vec<String> {
            let passage = facts.passage(sentences);
            passage.scores.iter().map(|s| s.2.clone()).collect()
        };
        // The first tally a passage gives is the one its text gives first.
        assert_eq!(tallies(&[0, 1, 2]), ["eight votes to three", "7-4"]);
        assert_eq!(tallies(&[2]), ["7-4"]);
        assert!(tallies(&[1]).is_empty());
        assert_eq!(facts.all.months.len(), 1);
    }
}
