//! Quotations: who said what, the words inside the marks, and quotations only one side has.

use super::Facts;
use crate::compare::doc::Doc;
use crate::compare::model::{Conflict, ConflictKind, Quote, Span};
use crate::compare::token::Token;

/// The quotations of `mine` that no quotation in `theirs` resembles.
pub fn unique_quotes(mine: &[QuoteFact], theirs: &[QuoteFact]) -> Vec<Quote> {
    mine.iter()
        .filter(|q| {
            !theirs
                .iter()
                .any(|o| jaccard(&q.terms, &o.terms) >= QUOTE_SAME)
        })
        .map(|q| Quote {
            span: q.span,
            speaker: q.speaker.clone(),
        })
        .collect()
}

/// Two quotations with this much vocabulary in common are the same quotation.
const QUOTE_SAME: f32 = 0.5;

/// A quotation found in a passage.
#[derive(Debug)]
pub struct QuoteFact {
    /// The sentence it stands in.
    pub(super) sentence: usize,
    span: Span,
    text: String,
    terms: Vec<u32>,
    sequence: Vec<u32>,
    speaker: Option<String>,
}

/// Every quotation of a document (three words or more), with its speaker where named.
pub fn all_quotes(doc: &Doc) -> Vec<QuoteFact> {
    let body = doc.body;
    let mut out = Vec::new();
    for k in 0..doc.sentences.len() {
        let range = doc.sentences[k].text.clone();
        let text = &body[range.clone()];
        if !text.contains(['"', '“']) {
            continue;
        }
        let mut open: Option<usize> = None;
        let mut found: Vec<(usize, usize)> = Vec::new();
        for (i, c) in text.char_indices() {
            match (c, open) {
                ('“', _) => open = Some(i + c.len_utf8()),
                ('"', None) => open = Some(i + 1),
                ('"' | '”', Some(o)) => {
                    found.push((o, i));
                    open = None;
                }
                _ => {}
            }
        }
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
            // The speaker: the name (a run of capitalised words) outside the quote, nearest to it.
            let name_word = |t: &Token| t.capitalised && !t.role;
            let speaker = tokens
                .iter()
                .enumerate()
                .filter(|(_, t)| (t.range.end <= qs || t.range.start >= qe) && name_word(t))
                .min_by_key(|(_, t)| {
                    if t.range.start >= qe {
                        t.range.start - qe
                    } else {
                        qs - t.range.end
                    }
                })
                .map(|(at, _)| {
                    let joined = |a: &Token, b: &Token| {
                        name_word(a)
                            && name_word(b)
                            && body[a.range.end..b.range.start].trim().is_empty()
                    };
                    let mut from = at;
                    while from > 0 && joined(&tokens[from - 1], &tokens[from]) {
                        from -= 1;
                    }
                    let mut to = at;
                    while to + 1 < tokens.len() && joined(&tokens[to], &tokens[to + 1]) {
                        to += 1;
                    }
                    body[tokens[from].range.start..tokens[to].range.end].to_string()
                });
            out.push(QuoteFact {
                sentence: k,
                span: [qs, qe],
                text: body[qs..qe].trim().to_string(),
                terms,
                sequence,
                speaker,
            });
        }
    }
    out
}

fn jaccard(a: &[u32], b: &[u32]) -> f32 {
    let shared = a.iter().filter(|t| b.binary_search(t).is_ok()).count();
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
            .filter(|b| jaccard(&a.terms, &b.terms) >= QUOTE_SAME)
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
            && !sa.split(' ').any(|w| sb.split(' ').any(|v| v == w))
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
