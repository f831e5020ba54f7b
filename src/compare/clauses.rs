//! Clauses: the parts of a sentence that punctuation divides. A rewrite often carries one clause
//! of a long sentence ("Nestle, which owns 2,000 brands, had a turbulent September, with the
//! dismissal of its CEO" against "Last month, the company dismissed its CEO"); the sentences'
//! similarity is diluted by what only one of them says, the clauses' is not.

use super::doc::{Doc, Norms, Weights, similarity};
use super::params::CLAUSE_MIN_TERMS;
use super::token::TokenKind;

/// The clauses of one sentence, as sorted content-term sets with their norms; none when the
/// sentence is one clause.
#[derive(Debug, Default, Clone)]
pub struct Clauses {
    /// Every clause's terms, one after the other.
    terms: Vec<u32>,
    /// Where each clause's terms end in `terms`, and their norms.
    ends: Vec<(u32, Norms)>,
}

impl Clauses {
    /// Cuts sentence `k` of `doc` where a comma, semicolon, colon, dash or bracket stands
    /// between two words, keeping the clauses of at least [`CLAUSE_MIN_TERMS`] terms.
    pub fn of(doc: &Doc, k: usize, weights: &Weights) -> Clauses {
        let tokens = doc.sentence_tokens(k);
        let mut clauses = Clauses::default();
        // The clause being read; kept only once it has enough distinct terms.
        let mut current: Vec<u32> = Vec::new();
        let finish = |clauses: &mut Clauses, current: &mut Vec<u32>| {
            current.sort_unstable();
            current.dedup();
            if current.len() >= CLAUSE_MIN_TERMS {
                clauses.terms.extend_from_slice(current);
                clauses
                    .ends
                    .push((clauses.terms.len() as u32, Norms::of(current, weights)));
            }
            current.clear();
        };
        for (n, t) in tokens.iter().enumerate() {
            if n > 0 {
                let gap = &doc.body[tokens[n - 1].range.end..t.range.start];
                if gap != " " && divides(gap) {
                    finish(&mut clauses, &mut current);
                }
            }
            if t.kind != TokenKind::Stop {
                current.push(t.term);
            }
        }
        finish(&mut clauses, &mut current);
        // One clause is the sentence itself: nothing to add.
        if clauses.ends.len() < 2 {
            return Clauses::default();
        }
        clauses
    }

    /// Each clause's terms and norms.
    fn each(&self) -> impl Iterator<Item = (&[u32], Norms)> {
        let starts = std::iter::once(0).chain(self.ends.iter().map(|&(end, _)| end as usize));
        starts
            .zip(&self.ends)
            .map(|(start, &(end, norms))| (&self.terms[start..end as usize], norms))
    }

    /// The best similarity between a part of one sentence and a part of the other, where a
    /// sentence's parts are its clauses and the whole of it (`whole`, with its norms).
    pub fn best(
        &self,
        whole: (&[u32], Norms),
        other: &Clauses,
        other_whole: (&[u32], Norms),
        weights: &Weights,
    ) -> f32 {
        let mut best = 0.0f32;
        for (a, na) in self.each().chain([whole]) {
            for (b, nb) in other.each().chain([other_whole]) {
                best = best.max(similarity(a, na, b, nb, weights));
            }
        }
        best
    }
}

/// Whether the text between two words divides clauses: a comma, semicolon, colon, bracket or
/// dash.
fn divides(gap: &str) -> bool {
    gap.bytes()
        .any(|b| matches!(b, b',' | b';' | b':' | b'(' | b')'))
        || gap.contains(['—', '–'])
        || gap.contains(" - ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::token::Vocab;

    #[test]
    fn a_clause_carried_alone_scores_higher_than_its_whole_sentence() {
        let left = "Corvell Foods, which owns the Brask mills and the Orsk dairies, had a hard \
                    spring, with the dismissal of its finance chief over an expenses inquiry.";
        let right = "In April the company dismissed its finance chief after an expenses inquiry.";
        let mut vocab = Vocab::default();
        let (l, r) = (Doc::new(left, &mut vocab), Doc::new(right, &mut vocab));
        let weights = Weights::new([&l, &r], &vocab, None);
        let (lc, rc) = (Clauses::of(&l, 0, &weights), Clauses::of(&r, 0, &weights));
        assert!(lc.ends.len() >= 2, "{:?}", lc);
        let (lw, rw) = (l.terms[0].as_slice(), r.terms[0].as_slice());
        let (nl, nr) = (Norms::of(lw, &weights), Norms::of(rw, &weights));
        let sentences = similarity(lw, nl, rw, nr, &weights);
        let clauses = lc.best((lw, nl), &rc, (rw, nr), &weights);
        assert!(clauses > sentences + 0.1, "{clauses} vs {sentences}");
    }
}
