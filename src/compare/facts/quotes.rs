//! Quotations: who said what, the words inside the marks, and quotations only one side has.

use super::Facts;
use super::speakers::Speakers;
use crate::compare::doc::Doc;
use crate::compare::model::{Conflict, ConflictKind, Quote, Span};
use crate::compare::params::{QUOTE_SAME, QUOTE_SAME_SPEAKER};
use crate::compare::token::Token;

/// The quotations of `mine` that no quotation in `theirs` resembles.
pub fn unique_quotes(mine: &[QuoteFact], theirs: &[QuoteFact]) -> Vec<Quote> {
    mine.iter()
        .filter(|q| !theirs.iter().any(|o| same_remark(q, o)))
        .map(|q| Quote {
            span: q.span,
            speaker: q.speaker.clone(),
        })
        .collect()
}

/// Whether two quotations render the same remark.
fn same_remark(a: &QuoteFact, b: &QuoteFact) -> bool {
    jaccard(&a.terms, &b.terms) >= QUOTE_SAME
        || (same_speaker(a, b) && containment(&a.terms, &b.terms) >= QUOTE_SAME_SPEAKER)
}

/// "Lense" and "Halvard Lense" are one speaker: two named speakers are one when they share a
/// word of their names.
fn same_speaker(a: &QuoteFact, b: &QuoteFact) -> bool {
    match (&a.speaker, &b.speaker) {
        (Some(sa), Some(sb)) => sa.split(' ').any(|w| sb.split(' ').any(|v| v == w)),
        _ => false,
    }
}

/// A quotation found in a passage.
#[derive(Debug)]
pub struct QuoteFact {
    /// The sentence it stands in.
    pub(super) sentence: usize,
    span: Span,
    text: String,
    terms: Vec<u32>,
    sequence: Vec<u32>,
    pub(super) speaker: Option<String>,
}

/// The byte ranges inside quotation marks in one sentence. Double marks, straight or curly,
/// and single ones ('...' or ‘...’) when they stand as marks rather than apostrophes: an
/// opening one after a space or at the start, before a letter; its closing one after a letter or
/// a punctuation mark, before a space, a punctuation mark or the end. A quotation still open at
/// the end of the sentence runs to its end: the next sentence goes on with the same remark.
fn quotation_marks(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let before = |n: usize| n.checked_sub(1).map(|m| chars[m].1);
    let after = |n: usize| chars.get(n + 1).map(|&(_, c)| c);
    let opens_single = |n: usize| {
        before(n).is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–'))
            && after(n).is_some_and(char::is_alphanumeric)
    };
    let closes_single = |n: usize| {
        before(n).is_some_and(|c| !c.is_whitespace())
            && after(n).is_none_or(|c| !c.is_alphanumeric())
    };
    let mut open: Option<(usize, char)> = None;
    let mut found = Vec::new();
    for (n, &(i, c)) in chars.iter().enumerate() {
        let inner = i + c.len_utf8();
        match (c, open) {
            ('“', None) => open = Some((inner, '”')),
            ('"', None) => open = Some((inner, '"')),
            ('‘', None) if opens_single(n) => open = Some((inner, '’')),
            ('\'', None) if opens_single(n) => open = Some((inner, '\'')),
            ('“', Some((_, '”'))) => open = Some((inner, '”')),
            ('"' | '”', Some((o, '"' | '”'))) => {
                found.push((o, i));
                open = None;
            }
            ('’' | '\'', Some((o, close))) if close == c && closes_single(n) => {
                found.push((o, i));
                open = None;
            }
            _ => {}
        }
    }
    if let Some((o, _)) = open {
        let end = text.trim_end().len();
        if end > o {
            found.push((o, end));
        }
    }
    found
}

/// Every quotation of a document (three words or more), with its speaker where named.
pub fn all_quotes(doc: &Doc) -> Vec<QuoteFact> {
    let body = doc.body;
    let mut out = Vec::new();
    let mut speakers = Speakers::default();
    for k in 0..doc.sentences.len() {
        let range = doc.sentences[k].text.clone();
        let text = &body[range.clone()];
        if !text.contains(['"', '“', '\'', '‘']) {
            speakers.read(doc, k);
            continue;
        }
        let found = quotation_marks(text);
        let tokens = doc.sentence_tokens(k);
        for (o, c) in found {
            let (qs, qe) = (range.start + o, range.start + c);
            let inside: Vec<&Token> = tokens
                .iter()
                .filter(|t| t.range.start >= qs && t.range.end <= qe)
                .collect();
            if inside.len() < 3 {
                continue;
            }
            // Which quotes are the same is judged by their terms; whether the words differ, by
            // the words themselves (a synonym in a quote is a misquote).
            let sequence: Vec<u32> = inside.iter().map(|t| t.word).collect();
            let mut terms: Vec<u32> = inside.iter().map(|t| t.term).collect();
            terms.sort_unstable();
            terms.dedup();
            let speaker = speakers.of(doc, k, [qs, qe]);
            out.push(QuoteFact {
                sentence: k,
                span: [qs, qe],
                text: body[qs..qe].trim().to_string(),
                terms,
                sequence,
                speaker,
            });
        }
        speakers.read(doc, k);
    }
    out
}

/// The share of the smaller set's terms that the larger one holds.
fn containment(a: &[u32], b: &[u32]) -> f32 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if small.is_empty() {
        return 0.0;
    }
    shared(small, large) as f32 / small.len() as f32
}

/// How many terms two sorted sets have in common.
fn shared(a: &[u32], b: &[u32]) -> usize {
    a.iter().filter(|t| b.binary_search(t).is_ok()).count()
}

fn jaccard(a: &[u32], b: &[u32]) -> f32 {
    let shared = shared(a, b);
    let union = a.len() + b.len() - shared;
    if union == 0 {
        0.0
    } else {
        shared as f32 / union as f32
    }
}

pub(super) fn quote_conflicts(group: usize, l: &Facts, r: &Facts, out: &mut Vec<Conflict>) {
    for a in &l.quotes {
        let Some(b) = r
            .quotes
            .iter()
            .filter(|b| same_remark(a, b))
            .max_by(|x, y| jaccard(&a.terms, &x.terms).total_cmp(&jaccard(&a.terms, &y.terms)))
        else {
            continue;
        };
        // Quoting part of what someone said is not misquoting them.
        let part_of = |x: &[u32], y: &[u32]| y.windows(x.len()).any(|w| w == x);
        if a.sequence != b.sequence
            && !part_of(&a.sequence, &b.sequence)
            && !part_of(&b.sequence, &a.sequence)
        {
            out.push(Conflict::new(
                ConflictKind::Quote,
                group,
                a.span,
                b.span,
                "quotation".into(),
                a.text.clone(),
                b.text.clone(),
            ));
        }
        // "Lense" and "Halvard Lense" are one speaker: names differ only when no word is shared.
        if let (Some(sa), Some(sb)) = (&a.speaker, &b.speaker)
            && !same_speaker(a, b)
        {
            out.push(Conflict::new(
                ConflictKind::Attribution,
                group,
                a.span,
                b.span,
                "who is quoted".into(),
                sa.clone(),
                sb.clone(),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::quotation_marks;
    use crate::compare::{ConflictKind, compare_texts as compare};

    fn inside(text: &str) -> Vec<&str> {
        quotation_marks(text)
            .into_iter()
            .map(|(a, b)| &text[a..b])
            .collect()
    }

    #[test]
    fn single_marks_are_quotations_and_apostrophes_are_not() {
        assert_eq!(
            inside("'We won't sell the mill,' Orla Brin's deputy said."),
            ["We won't sell the mill,"]
        );
        assert_eq!(
            inside("He called it ‘a fair deal’ on the workers’ behalf."),
            ["a fair deal"]
        );
        assert!(inside("The mayor's office and the workers' union met.").is_empty());
    }

    #[test]
    fn a_quotation_still_open_at_the_end_of_a_sentence_runs_to_its_end() {
        assert_eq!(
            inside("Brin said: “The talks went well, better than we hoped."),
            ["The talks went well, better than we hoped."]
        );
    }

    #[test]
    fn the_same_speaker_reworded_is_a_misquote() {
        let a = "“It is hard to reach the valley because the roads are blocked,” said Orla \
            Brin, the county's relief coordinator.";
        let b = "“It is difficult to get into the valley due to blocked roads,” said Orla Brin, \
            the county's relief coordinator.";
        let c = compare(a, b);
        assert!(
            c.conflicts.iter().any(|x| x.kind == ConflictKind::Quote),
            "{:?}",
            c.conflicts
        );
        assert!(c.quotes_only_left.is_empty() && c.quotes_only_right.is_empty());
    }

    #[test]
    fn the_same_speaker_cut_short_and_reworded_is_a_misquote() {
        let a = "Mayor Orla Brin said: “On a scale of one to ten, with ten the best, I would say the \
            harvest fair was a twelve.”";
        let b = "Mayor Orla Brin called the harvest fair “a twelve out of ten” on Sunday.";
        let c = compare(a, b);
        assert!(
            c.conflicts.iter().any(|x| x.kind == ConflictKind::Quote),
            "{:?}",
            c.conflicts
        );
        // Quoting the words as they were said, only fewer of them, is no misquote.
        let d = compare(
            a,
            "Mayor Orla Brin said the harvest fair “was a twelve” on Sunday.",
        );
        assert!(
            d.conflicts.iter().all(|x| x.kind != ConflictKind::Quote),
            "{:?}",
            d.conflicts
        );
    }
}
