//! Every tuning number of the comparison engine that a newcomer may want to find, in one place,
//! each with what it does and where it came from.

use super::decision::FEATURES;

/// Weights of the pair decision's logistic model, one per feature in the order of
/// [`super::decision::FEATURE_NAMES`], and its bias, with the deep tier's measurement.
/// Written by `src/compare/train_decision.py` from the invented labels (tests/fixtures/labels)
/// and the real reports of ../shared/realdev; its leave-one-story-out check is in the README.
pub const DECISION_WEIGHTS: [f32; FEATURES] = [
    7.1074, -1.0183, 3.7628, 1.9868, 2.8285, 3.5922, -0.2682, 0.0727, -0.9178, 2.4171, -2.6809,
    -1.7095, 6.2311, 1.7259, -0.1536,
];
pub const DECISION_BIAS: f32 = -4.6433;

/// The same model trained without the deep measurement, for the fast tier (its weight is 0).
pub const DECISION_WEIGHTS_FAST: [f32; FEATURES] = [
    5.8911, 3.4266, 5.3210, -0.4254, 2.3885, 3.1535, 0.3741, 1.4023, -0.9886, 1.9053, 0.0000,
    -1.6634, 0.0000, 1.0205, 0.0000,
];
pub const DECISION_BIAS_FAST: f32 = -2.7428;

/// The deep tier embeds sentences in batches of this many (of like length).
pub const DEEP_BATCH: usize = 4;

/// A sentence longer than this many pieces (with [CLS] and [SEP]) is cut to it for the deep
/// model: news sentences are rarely half as long, and the cost of a sentence grows with it.
pub const DEEP_SENTENCE_PIECES: usize = 128;

/// The deep tier runs only when the sentences it must embed come to at most this many pieces:
/// about 45 s on this project's two-core machine (0.2 ms a piece). Past it, the comparison is
/// the fast tier's and its summary says why.
pub const DEEP_PIECE_BUDGET: usize = 200_000;

/// A pair of free sentences is linked when the decision gives it at least this probability,
/// between two reports of the same event. Chosen from the trainer's leave-one-story-out sweep:
/// the lowest value at which held-out candidate precision stays above 0.9 on both the invented
/// and the real stories.
pub const DECISION_ACCEPT: f32 = 0.7;

/// Between reports of one event, a pair this likely is linked too when its sentences share two
/// words that are not names, or one next to an aligned pair.
pub const DECISION_WEAK: f32 = 0.5;

/// A pair the decision is sure of: the only kind linked between reports that are not of the
/// same event, and the evidence that they are.
pub const DECISION_CONFIDENT: f32 = 0.9;

/// Two reports are of the same event when they are this alike in the words that are not names
/// (cosine of weighted counts)... Set midway between the most alike pair of invented reports
/// of different events (0.160) and the least alike of one event (a chatty blog, 0.213), before
/// any real report was seen.
pub const SAME_EVENT_SUBJECT: f32 = 0.185;

/// ...or when the decision is sure of this many of their pairs.
pub const SAME_EVENT_PAIRS: usize = 3;

/// Below this subject similarity, and with no pair the decision is sure of, two reports are
/// unrelated; between it and [`SAME_EVENT_SUBJECT`], related.
pub const RELATED_SUBJECT: f32 = 0.10;

/// A sentence left over joins the group of a sentence it is this similar to (lexically)...
pub const JOIN: f32 = 0.18;

/// ...when the group's other side carries this share of its weight: a split or a merge.
pub const JOIN_CONTAINMENT: f32 = 0.27;

/// In long texts, a term held by more left sentences than this is not looked up in the
/// inverted index (its weight is added back exactly for the best pairs).
pub const COMMON_TERM_CAP: usize = 64;

/// In the deep tier, each embedded body sentence's nearest sentences of the other side by the
/// deep model's meaning are candidates too, this many of them, whatever words they share
/// (in texts of up to [`LONG_TEXT`] sentences).
pub const DEEP_NEIGHBOURS: usize = 2;

/// Below this, a pair is not even a candidate.
pub const FLOOR: f32 = 0.08;

/// Sentences in a long text (about 50 KB): past this, the commonest words are not looked up
/// and weak pairs are not made.
pub const LONG_TEXT: usize = 512;

/// In long texts, how many of a right sentence's candidates (the best on the rarer words) get
/// an exact score.
pub const EXACT_SCORED: usize = 4 * PER_SENTENCE;

/// The candidate search hands right sentences to the two cores in runs of at least this many:
/// fewer cost more to hand over than to score.
pub const CANDIDATE_BATCH: usize = 64;

/// Each right sentence keeps its best few candidates: enough for splits and merges, and it
/// bounds the work of every later step on long texts.
pub const PER_SENTENCE: usize = 8;

/// The largest group a merge may make, per side.
pub const MAX_MERGED: usize = 3;

/// Two texts together at least this long are compared on both cores (read from their files,
/// segmented, tokenised and embedded at once, candidates searched, passages diffed and facts
/// read in parallel);
/// shorter ones on the calling thread, without starting rayon's pool (see [`super::cores`]).
/// Whole `parallax compare --fast` processes, one thread against the pool: a 3 KB pair 2.81
/// against 2.90 ms; an 8 KB pair 4.90 against 4.75 ms in one interleaved run, 6.2 against
/// 6.7 ms in another, where the pool's two threads added 1.2 ms of system time (their stacks,
/// malloc arenas and wake-ups); a 32 KB pair 14.5 against 12.4 ms.
pub const PARALLEL_BYTES: usize = 32 * 1024;

/// A clause counts for the pair decision's clause measurement only with this many content
/// terms: a shorter one ("Nestle,", "on Thursday,") matches by chance.
pub const CLAUSE_MIN_TERMS: usize = 3;

// ---- Quotations (`facts/quotes.rs`) ----

/// Two quotations with this much vocabulary in common are the same quotation.
pub const QUOTE_SAME: f32 = 0.5;

/// Two quotations given to the same speaker are the same remark when this much of the shorter
/// one's vocabulary is in the longer: a rewrite that rewords a quote, or cuts it short, keeps
/// the speaker and some of the words.
pub const QUOTE_SAME_SPEAKER: f32 = 0.5;

// ---- Speakers (`facts/speakers.rs`) ----

/// How far before a reporting verb its speaker may stand, in words ("Glenn Ursal, another
/// disaster-mitigation officer, told").
pub const SPEAKER_BEFORE_VERB: usize = 10;

// ---- The fast tier's sentence vectors (`semantic/mod.rs`) ----

/// Smoothing of the piece weights a/(a+p): a piece as frequent as this weighs one half.
pub const PIECE_SMOOTHING: f32 = 1e-3;

/// The shared direction is removed only from this many sentences in all: in fewer, it is
/// mostly the sentences' own meaning.
pub const SHARED_DIRECTION_MIN: usize = 10;

/// Power-iteration steps for the shared direction at most: enough for it to settle on any
/// text...
pub const POWER_STEPS: usize = 12;

/// ...and it has settled, and the steps stop, when no coordinate of the unit direction moves
/// by this much in a step (a tenth of what the int8 table can tell apart).
pub const POWER_SETTLED: f32 = 1e-4;

// ---- The library's word frequencies (`library.rs`), in the reader only ----

/// How much of each body is read: openings carry most of a report's vocabulary, and reading
/// all of a 10,000-article library would make the reader wait.
pub const LIBRARY_READ: usize = 4000;

/// Below this many articles the library is too small to say what is common in news.
pub const LIBRARY_MIN_ARTICLES: usize = 50;

/// Words in at most this share of the library's articles keep their full weight.
pub const LIBRARY_COMMON_SHARE: f32 = 0.2;

// ---- The word diff (`diff.rs`) ----

/// Groups with at most this many token pairs are diffed without a deadline.
pub const DIFF_SMALL: usize = 64 * 64;
