//! The comparison engine: given two reports of one event, say for every passage of each whether
//! the other carries it (copied, edited, paraphrased, in part) or not at all, and where aligned
//! passages disagree on a fact.
//!
//! The pipeline: segment into sentences ([`segment`]), normalise words ([`token`]), score
//! candidate pairs from an inverted index ([`doc`], [`candidates`]), measure each pair's meaning
//! ([`semantic`]) and decide which carry the same claim ([`decision`]), align with splits,
//! merges and reordering ([`align`]), put the groups in reading order ([`order`]), diff words
//! inside each group ([`diff`]), classify them ([`classify`]), and check facts per passage and
//! across the articles ([`facts`]). Tuning numbers are in [`params`], word lists in [`lexicon`].
//! Plain data comes out ([`model`]); [`report`] turns it into text, Markdown or two columns.
//! Nothing here knows about the terminal.

mod align;
mod candidates;
mod classify;
mod clauses;
mod cores;
mod decision;
mod diff;
mod doc;
mod facts;
mod headline;
mod lexicon;
mod library;
mod model;
mod order;
mod params;
pub mod report;
mod segment;
mod semantic;
mod token;
mod word_map;
mod word_set;

use std::sync::Arc;

use std::time::{Duration, Instant};

pub use align::AlignParams;
pub use decision::FEATURE_NAMES;
pub use library::LibraryTerms;
pub use model::{
    Comparison, Conflict, ConflictKind, Group, Kind, KindCounts, Meaning, Op, OpTag, Quote,
    Relation, Side, Span, Summary, Tier, Verdict,
};
pub use params::LIBRARY_MIN_ARTICLES as MIN_LIBRARY_ARTICLES;
pub use params::PARALLEL_BYTES;
pub use segment::{Sentence, sentences};

use crate::article::Article;
use classify::{classify, summarise};
use cores::Cores;
use diff::{SideTokens, WordDiff, coarse_diff, word_diff};
use doc::{Doc, Weights, union};
use facts::DocFacts;
pub use headline::compared_text;
use headline::headline_bytes;
use order::{Draft, mark_moved, sentence_owners, unique_runs};
use token::Vocab;

/// Settings for a comparison.
#[derive(Debug, Clone)]
pub struct Options {
    pub align: AlignParams,
    /// Time allowed for all word-level diffs together; groups after it get a coarse diff and
    /// are counted in `summary.diff_deadline_hits`.
    pub diff_budget: Duration,
    /// Word frequencies of the library the two articles come from, when there is one: words
    /// common across it weigh less.
    pub library: Option<Arc<LibraryTerms>>,
    /// How meaning is measured: the fast tier by default; `parallax compare` and the TUI's
    /// refinement ask for the deep one.
    pub tier: Tier,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            align: AlignParams::default(),
            diff_budget: Duration::from_millis(1500),
            library: None,
            tier: Tier::Fast,
        }
    }
}

/// Compares two articles.
pub fn compare(left: &Article, right: &Article, options: &Options) -> Comparison {
    compare_sides(side(left), side(right), options)
}

fn side(a: &Article) -> Side {
    Side {
        path: a.path.display().to_string(),
        title: a.title.clone(),
        source: a.source.clone(),
        body: compared_text(a),
    }
}

/// Compares two sides. The result does not depend on the order of the arguments: the pair is
/// compared in a fixed order and mirrored when needed, so `compare(B, A)` is exactly the mirror
/// of `compare(A, B)`.
pub fn compare_sides(left: Side, right: Side, options: &Options) -> Comparison {
    if (&right.body, &right.path) < (&left.body, &left.path) {
        return compare_ordered(right, left, options).mirrored();
    }
    compare_ordered(left, right, options)
}

/// For training the pair decision (`src/compare/train_decision.py`): every candidate pair of the
/// bodies of two articles, as the byte offsets in [`compared_text`] where its two sentences start, with its measurements in the
/// order of [`FEATURE_NAMES`]. The pair is taken in the order given, not mirrored.
#[doc(hidden)]
pub fn candidate_features(
    left: &Article,
    right: &Article,
    tier: Tier,
) -> Vec<(usize, usize, Vec<f32>)> {
    let (left, right) = (side(left), side(right));
    let mut vocab = Vocab::for_text_bytes(left.body.len() + right.body.len());
    let ld = Doc::new(&left.body, &mut vocab).with_headline(headline_bytes(&left));
    let rd = Doc::new(&right.body, &mut vocab).with_headline(headline_bytes(&right));
    let weights = Weights::new([&ld, &rd], &vocab, None);
    let meaning = semantic::SentenceVectors::of_pair(&ld, &rd, Cores::of(&ld, &rd));
    let (_, candidates, deep, _) = align::candidate_pairs(&ld, &rd, &weights, &meaning, tier);
    let subject = align::topic_cosine(&ld, &rd, &weights);
    let evidence = decision::Evidence::new(&ld, &rd, &weights, deep.as_ref(), subject, &candidates);
    // Only body sentences are candidates (headlines pair by a rule of their own), so the
    // decision is trained on the bodies.
    candidates
        .iter()
        .map(|c| {
            (
                ld.sentences[c.left].text.start,
                rd.sentences[c.right].text.start,
                evidence.features(c).to_vec(),
            )
        })
        .collect()
}

/// Compares two bare texts with the default options: for the engine's unit tests.
#[cfg(test)]
pub(crate) fn compare_texts(a: &str, b: &str) -> Comparison {
    let side = |body: &str| Side {
        path: String::new(),
        title: String::new(),
        source: String::new(),
        body: body.to_string(),
    };
    compare_sides(side(a), side(b), &Options::default())
}

/// What each side says in the conflicts of one kind: for the engine's unit tests.
#[cfg(test)]
pub(crate) fn conflicts_of(c: &Comparison, kind: ConflictKind) -> Vec<(&str, &str)> {
    c.conflicts
        .iter()
        .filter(|x| x.kind == kind)
        .map(|x| (x.left_says.as_str(), x.right_says.as_str()))
        .collect()
}

/// What the steps before the alignment make of the two sides: both documents (tokenised with
/// one vocabulary), their words' weights, their quotations, and their sentences' meaning.
struct Prepared<'a> {
    left: Doc<'a>,
    right: Doc<'a>,
    weights: Weights,
    left_quotes: Vec<facts::QuoteFact>,
    right_quotes: Vec<facts::QuoteFact>,
    meaning: semantic::SentenceVectors,
}

/// Segments both sides, then tokenises them (in turn, as they share one vocabulary), weighs
/// their words and reads their quotations, while the meaning of their sentences, which needs
/// only the sentence boundaries, is measured on the other core.
fn prepare<'a>(left: &'a Side, right: &'a Side, options: &Options, cores: Cores) -> Prepared<'a> {
    let (ls, rs) = cores.join(
        || segment::sentences(&left.body),
        || segment::sentences(&right.body),
    );
    let read = || {
        let mut vocab = Vocab::for_text_bytes(left.body.len() + right.body.len());
        let ld = Doc::with_sentences(&left.body, ls.clone(), &mut vocab)
            .with_headline(headline_bytes(left));
        let rd = Doc::with_sentences(&right.body, rs.clone(), &mut vocab)
            .with_headline(headline_bytes(right));
        let weights = Weights::new([&ld, &rd], &vocab, options.library.as_deref());
        let (lq, rq) = cores.join(|| facts::all_quotes(&ld), || facts::all_quotes(&rd));
        (ld, rd, weights, lq, rq)
    };
    let ((ld, rd, weights, left_quotes, right_quotes), meaning) = cores.join(read, || {
        semantic::SentenceVectors::of_sentences((&left.body, &ls), (&right.body, &rs), cores)
    });
    Prepared {
        left: ld,
        right: rd,
        weights,
        left_quotes,
        right_quotes,
        meaning,
    }
}

fn compare_ordered(left: Side, right: Side, options: &Options) -> Comparison {
    let cores = Cores::for_bytes(left.body.len() + right.body.len());
    let Prepared {
        left: ld,
        right: rd,
        weights,
        left_quotes,
        right_quotes,
        meaning,
    } = prepare(&left, &right, options, cores);
    let (aligned, verdict, tier) =
        align::align(&ld, &rd, &weights, &meaning, options.align, options.tier);

    // Drafts in reading order: aligned groups and unique left runs by the left article's order;
    // a unique right run right after the group holding the right sentence before it.
    let mut drafts: Vec<Draft> = aligned
        .into_iter()
        .map(|a| Draft {
            position: a.left[0] as f64,
            left: a.left,
            right: a.right,
            aligned: true,
        })
        .collect();
    let taken = |n: usize, side: &dyn Fn(&Draft) -> &Vec<usize>, drafts: &[Draft]| {
        let mut owner = vec![usize::MAX; n];
        for (g, d) in drafts.iter().enumerate() {
            for &k in side(d) {
                owner[k] = g;
            }
        }
        owner
    };
    let left_owner = taken(ld.sentences.len(), &|d| &d.left, &drafts);
    for run in unique_runs(&ld, &left_owner) {
        drafts.push(Draft {
            position: run[0] as f64,
            left: run,
            right: Vec::new(),
            aligned: false,
        });
    }
    let right_owner = taken(rd.sentences.len(), &|d| &d.right, &drafts);
    for run in unique_runs(&rd, &right_owner) {
        let before = (0..run[0]).rev().find(|&j| right_owner[j] != usize::MAX);
        let position = match before {
            Some(j) => drafts[right_owner[j]].position + 0.5 + run[0] as f64 * 1e-7,
            None => -1.0 + run[0] as f64 * 1e-7,
        };
        drafts.push(Draft {
            position,
            left: Vec::new(),
            right: run,
            aligned: false,
        });
    }
    drafts.sort_by(|a, b| a.position.total_cmp(&b.position));

    let (left_facts, right_facts) = cores.join(
        || DocFacts::of(&ld, &left_quotes),
        || DocFacts::of(&rd, &right_quotes),
    );
    let tiles_l = tiles(&ld);
    let tiles_r = tiles(&rd);

    let diff_deadline = Instant::now() + options.diff_budget;
    let build = |(index, draft): (usize, &Draft)| -> Built {
        let left_spans = spans(&draft.left, &tiles_l);
        let right_spans = spans(&draft.right, &tiles_r);
        if !draft.aligned {
            let kind = if draft.left.is_empty() {
                Kind::OnlyRight
            } else {
                Kind::OnlyLeft
            };
            let group = Group {
                kind,
                score: 0.0,
                left: left_spans,
                right: right_spans,
                ops: Vec::new(),
                moved: false,
            };
            return Built {
                group,
                conflicts: Vec::new(),
                cut: false,
            };
        }
        let lt = side_tokens(&ld, &draft.left);
        let rt = side_tokens(&rd, &draft.right);
        let wd: WordDiff = if Instant::now() < diff_deadline {
            word_diff(&lt, &rt, Some(diff_deadline))
        } else {
            coarse_diff(&lt, &rt)
        };
        let l_terms = union(draft.left.iter().map(|&k| ld.terms[k].as_slice()));
        let r_terms = union(draft.right.iter().map(|&k| rd.terms[k].as_slice()));
        let (ln, rn) = (
            doc::Norms::of(&l_terms, &weights),
            doc::Norms::of(&r_terms, &weights),
        );
        let score = doc::similarity(&l_terms, ln, &r_terms, rn, &weights);
        let kind = classify(&lt, &rt, &wd, &l_terms, &r_terms, &weights);
        let conflicts = facts::conflicts(
            index,
            &left_facts.passage(&draft.left),
            &right_facts.passage(&draft.right),
        );
        let group = Group {
            kind,
            score: (score * 1000.0).round() / 1000.0,
            left: left_spans,
            right: right_spans,
            ops: wd.ops,
            moved: false,
        };
        Built {
            group,
            conflicts,
            cut: wd.cut_by_deadline,
        }
    };
    let built: Vec<Built> = cores.map(&drafts, build);
    let mut groups = Vec::with_capacity(built.len());
    let mut conflicts = Vec::new();
    let mut diff_deadline_hits = 0;
    for b in built {
        groups.push(b.group);
        conflicts.extend(b.conflicts);
        diff_deadline_hits += usize::from(b.cut);
    }
    mark_moved(&mut groups, &drafts);
    let owners = facts::SentenceGroups {
        left: sentence_owners(ld.sentences.len(), &drafts, |d| &d.left),
        right: sentence_owners(rd.sentences.len(), &drafts, |d| &d.right),
        aligned: drafts.iter().map(|d| d.aligned).collect(),
    };
    facts::article_conflicts(
        (&ld, &left_facts),
        (&rd, &right_facts),
        &owners,
        &mut conflicts,
    );
    conflicts.sort_by_key(|c| c.group);
    // A body of white space only has no sentence; it still belongs to some group so that each
    // side's ranges rebuild its body exactly.
    if ld.sentences.is_empty() && !left.body.is_empty() {
        groups.push(Group {
            kind: Kind::OnlyLeft,
            score: 0.0,
            left: vec![[0, left.body.len()]],
            right: Vec::new(),
            ops: Vec::new(),
            moved: false,
        });
    }
    if rd.sentences.is_empty() && !right.body.is_empty() {
        groups.push(Group {
            kind: Kind::OnlyRight,
            score: 0.0,
            left: Vec::new(),
            right: vec![[0, right.body.len()]],
            ops: Vec::new(),
            moved: false,
        });
    }

    let quotes_only_left = facts::unique_quotes(&left_quotes, &right_quotes);
    let quotes_only_right = facts::unique_quotes(&right_quotes, &left_quotes);
    let mut summary = summarise(
        &left.body,
        &right.body,
        &groups,
        conflicts.len(),
        diff_deadline_hits,
    );
    summary.verdict = verdict;
    summary.meaning = tier;
    Comparison {
        left,
        right,
        groups,
        conflicts,
        quotes_only_left,
        quotes_only_right,
        summary,
    }
}

/// One group built, with its conflicts and whether its diff was cut short.
struct Built {
    group: Group,
    conflicts: Vec<Conflict>,
    cut: bool,
}

/// The byte range each sentence owns so that together they tile the body: from its start (the
/// first from 0) to the next sentence's start (the last to the end).
fn tiles(doc: &Doc) -> Vec<Span> {
    let n = doc.sentences.len();
    (0..n)
        .map(|k| {
            let start = if k == 0 {
                0
            } else {
                doc.sentences[k].text.start
            };
            let end = if k + 1 == n {
                doc.body.len()
            } else {
                doc.sentences[k + 1].text.start
            };
            [start, end]
        })
        .collect()
}

/// The tiles of some sentences, with neighbours merged into one span.
fn spans(sentences: &[usize], tiles: &[Span]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for &k in sentences {
        match out.last_mut() {
            Some(last) if last[1] == tiles[k][0] => last[1] = tiles[k][1],
            _ => out.push(tiles[k]),
        }
    }
    out
}

fn side_tokens<'t>(doc: &'t Doc, sentences: &[usize]) -> SideTokens<'t> {
    let n = sentences
        .iter()
        .map(|&k| doc.token_start[k + 1] - doc.token_start[k])
        .sum();
    let (mut tokens, mut sentence) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for &k in sentences {
        for t in doc.sentence_tokens(k) {
            tokens.push(t);
            sentence.push(k);
        }
    }
    SideTokens { tokens, sentence }
}

#[cfg(test)]
mod tests;
