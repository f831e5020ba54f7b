//! The result of a comparison: plain data, cheap to walk, serialised as the documented JSON.

use serde::Serialize;

/// A byte range `[start, end)` into one side's body.
pub type Span = [usize; 2];

/// How the two sides of a group relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Identical after normalisation (case, quotes, number words, inflection).
    Copy,
    /// Mostly the same words, some changed.
    Edited,
    /// The same content in other words.
    Paraphrase,
    /// Shares a claim, and one side adds others.
    Partial,
    /// Only in the left article.
    OnlyLeft,
    /// Only in the right article.
    OnlyRight,
}

impl Kind {
    /// Every kind, in the order summaries list them.
    pub const ALL: [Kind; 6] = [
        Kind::Copy,
        Kind::Edited,
        Kind::Paraphrase,
        Kind::Partial,
        Kind::OnlyLeft,
        Kind::OnlyRight,
    ];

    /// The name used in JSON and reports.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Copy => "copy",
            Kind::Edited => "edited",
            Kind::Paraphrase => "paraphrase",
            Kind::Partial => "partial",
            Kind::OnlyLeft => "only_left",
            Kind::OnlyRight => "only_right",
        }
    }

    /// True for groups that pair passages of both sides.
    pub fn is_aligned(self) -> bool {
        !matches!(self, Kind::OnlyLeft | Kind::OnlyRight)
    }

    /// The same relation seen from the other side.
    pub fn mirrored(self) -> Kind {
        match self {
            Kind::OnlyLeft => Kind::OnlyRight,
            Kind::OnlyRight => Kind::OnlyLeft,
            k => k,
        }
    }
}

/// One step of the word-level diff inside a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OpTag {
    /// The same words on both sides.
    Equal,
    /// Words only on the left.
    Delete,
    /// Words only on the right.
    Insert,
    /// Words on the left replaced by words on the right.
    Replace,
}

/// A word-level diff operation with the original text's ranges on each side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Op {
    pub tag: OpTag,
    /// Null for an insert.
    pub left: Option<Span>,
    /// Null for a delete.
    pub right: Option<Span>,
}

/// Passages of the two articles that go together, or a passage unique to one side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    pub kind: Kind,
    /// How similar the two sides are, 0 to 1 (0 for unique passages).
    pub score: f32,
    /// Ranges of the left body, in order; they tile the body across all groups.
    pub left: Vec<Span>,
    /// Ranges of the right body, in order.
    pub right: Vec<Span>,
    /// The word-level diff (empty for unique passages).
    pub ops: Vec<Op>,
    /// The pair stands far from where the order of the rest would put it.
    pub moved: bool,
}

/// What kind of fact two aligned passages disagree on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    /// A different number for the same thing (workers, hours, crowns, a vote).
    Number,
    /// A different day, month or year.
    Date,
    /// The same person with a different title or role.
    Role,
    /// Quoted words that differ.
    Quote,
    /// The same quotation given to someone else.
    Attribution,
}

/// A disagreement between aligned passages, with both spans and a one-line reason.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    pub kind: ConflictKind,
    /// Index into `groups`.
    pub group: usize,
    pub left: Span,
    pub right: Span,
    /// What the disagreement is about ("number of hours", "title of Dana Okafor").
    pub subject: String,
    /// What each side says, as short text.
    pub left_says: String,
    pub right_says: String,
    /// One line: subject, then both versions.
    pub reason: String,
}

impl Conflict {
    /// A conflict with its reason written from the two versions.
    pub fn new(
        kind: ConflictKind,
        group: usize,
        left: Span,
        right: Span,
        subject: String,
        left_says: String,
        right_says: String,
    ) -> Conflict {
        let reason = format!("{subject}: \"{left_says}\" vs \"{right_says}\"");
        Conflict {
            kind,
            group,
            left,
            right,
            subject,
            left_says,
            right_says,
            reason,
        }
    }
}

/// A quotation that the other article does not carry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    pub span: Span,
    /// Who says it, when the sentence names someone.
    pub speaker: Option<String>,
}

/// One side's identity and text; `body` is exactly what the ranges index.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side {
    pub path: String,
    pub title: String,
    pub source: String,
    pub body: String,
}

/// Counts per group kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct KindCounts {
    pub copy: usize,
    pub edited: usize,
    pub paraphrase: usize,
    pub partial: usize,
    pub only_left: usize,
    pub only_right: usize,
}

impl KindCounts {
    /// The count for one kind.
    pub fn get(&self, kind: Kind) -> usize {
        match kind {
            Kind::Copy => self.copy,
            Kind::Edited => self.edited,
            Kind::Paraphrase => self.paraphrase,
            Kind::Partial => self.partial,
            Kind::OnlyLeft => self.only_left,
            Kind::OnlyRight => self.only_right,
        }
    }

    pub(crate) fn add(&mut self, kind: Kind) {
        match kind {
            Kind::Copy => self.copy += 1,
            Kind::Edited => self.edited += 1,
            Kind::Paraphrase => self.paraphrase += 1,
            Kind::Partial => self.partial += 1,
            Kind::OnlyLeft => self.only_left += 1,
            Kind::OnlyRight => self.only_right += 1,
        }
    }
}

/// The figures a reader looks at first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub left_words: usize,
    pub right_words: usize,
    /// Share of the left article's words in passages the right one also carries, 0 to 1.
    pub left_carried: f32,
    /// Share of the right article's words in passages the left one also carries.
    pub right_carried: f32,
    pub counts: KindCounts,
    pub conflicts: usize,
    pub moved: usize,
    /// How many groups had their word diff cut short by the deadline (coarser, still correct).
    pub diff_deadline_hits: usize,
    /// Whether the two reports tell the same event, and why.
    pub verdict: Verdict,
    /// Which semantic tier measured meaning.
    pub meaning: Meaning,
}

/// The semantic tier a comparison used, and why the deep one did not run when it was asked for.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Meaning {
    pub tier: Tier,
    /// Set when the deep tier was asked for and the fast one answered instead.
    pub deep_skipped: Option<String>,
}

/// How the meaning of sentences is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// Static word-piece vectors: at once, on any length.
    #[default]
    Fast,
    /// The contextual model on each sentence of a candidate pair: better on loose rewrites,
    /// about 8 ms a sentence.
    Deep,
}

/// Whether two reports are about the same event, judged from the whole of both.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Verdict {
    pub relation: Relation,
    /// How alike the two reports are in the words that are not names, 0 to 1 (cosine of their
    /// weighted word counts).
    pub subject: f32,
    /// How many sentence pairs the decision is sure of.
    pub confident_pairs: usize,
}

/// How two reports relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// They tell the same event: every likely pair is shown.
    SameEvent,
    /// They share a subject, or a claim or two: only the pairs the decision is sure of are shown.
    Related,
    /// They share almost nothing: only pairs the decision is sure of, if any.
    Unrelated,
}

impl Relation {
    /// A few words for the reader.
    pub fn describe(self) -> &'static str {
        match self {
            Relation::SameEvent => "same event",
            Relation::Related => "related",
            Relation::Unrelated => "unrelated",
        }
    }
}

impl Default for Verdict {
    fn default() -> Self {
        Verdict {
            relation: Relation::Unrelated,
            subject: 0.0,
            confident_pairs: 0,
        }
    }
}

/// The full comparison of two articles.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub left: Side,
    pub right: Side,
    /// In reading order: aligned pairs by the left article's order, unique right passages after
    /// the pair their neighbour belongs to.
    pub groups: Vec<Group>,
    pub conflicts: Vec<Conflict>,
    /// Quotations only the left article carries.
    pub quotes_only_left: Vec<Quote>,
    /// Quotations only the right article carries.
    pub quotes_only_right: Vec<Quote>,
    pub summary: Summary,
}

impl Comparison {
    /// The same comparison seen with the sides swapped.
    pub fn mirrored(self) -> Comparison {
        let swap_op = |op: Op| Op {
            tag: match op.tag {
                OpTag::Delete => OpTag::Insert,
                OpTag::Insert => OpTag::Delete,
                t => t,
            },
            left: op.right,
            right: op.left,
        };
        let s = self.summary;
        let c = s.counts;
        Comparison {
            left: self.right,
            right: self.left,
            groups: self
                .groups
                .into_iter()
                .map(|g| Group {
                    kind: g.kind.mirrored(),
                    score: g.score,
                    left: g.right,
                    right: g.left,
                    ops: g.ops.into_iter().map(swap_op).collect(),
                    moved: g.moved,
                })
                .collect(),
            conflicts: self
                .conflicts
                .into_iter()
                .map(|c| {
                    Conflict::new(
                        c.kind,
                        c.group,
                        c.right,
                        c.left,
                        c.subject,
                        c.right_says,
                        c.left_says,
                    )
                })
                .collect(),
            quotes_only_left: self.quotes_only_right,
            quotes_only_right: self.quotes_only_left,
            summary: Summary {
                left_words: s.right_words,
                right_words: s.left_words,
                left_carried: s.right_carried,
                right_carried: s.left_carried,
                counts: KindCounts {
                    only_left: c.only_right,
                    only_right: c.only_left,
                    ..c
                },
                ..s
            },
        }
    }
}
