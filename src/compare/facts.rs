//! Facts inside aligned passages, and where the two sides disagree on them.
//!
//! Only aligned passages are checked: two sentences that say the same thing with a different
//! number, day, title or quotation are the most valuable thing a comparison can show. Each check
//! is conservative: an omission is not a conflict, and approximate wording ("about 40") is
//! allowed its slack.

use std::borrow::Cow;
use std::collections::BTreeSet;

use super::doc::Doc;
use super::model::{Conflict, ConflictKind, Quote, Span};
use super::token::{ROLE_MODIFIERS, Token, TokenKind};

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
    number_conflicts(group, &lf, &rf, &mut out);
    score_conflicts(group, &lf, &rf, &mut out);
    date_conflicts(group, &lf, &rf, &mut out);
    role_conflicts(group, &lf, &rf, &mut out);
    quote_conflicts(group, &lf, &rf, &mut out);
    out
}

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

#[derive(Debug)]
struct NumberFact {
    value: f64,
    span: Span,
    text: String,
    /// The first content words after the number: what it counts.
    units: Vec<u32>,
    approx: Approx,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Approx {
    Exact,
    About,
    AtLeast,
    AtMost,
}

#[derive(Debug)]
struct Person {
    surname: String,
    name: String,
    roles: BTreeSet<String>,
    span: Span,
    text: String,
}

/// A quotation found in a passage.
#[derive(Debug)]
pub struct QuoteFact {
    /// The sentence it stands in.
    sentence: usize,
    span: Span,
    text: String,
    terms: Vec<u32>,
    sequence: Vec<u32>,
    speaker: Option<String>,
}

#[derive(Default)]
struct Facts<'q> {
    numbers: Vec<NumberFact>,
    /// Vote tallies and scores: "7-4", "eight votes to three".
    scores: Vec<((f64, f64), Span, String)>,
    weekdays: Vec<(String, Span)>,
    months: Vec<(String, Span)>,
    /// Days of a month: "3 March", "March 4" (month, day), with the text.
    dates: Vec<((String, u32), Span, String)>,
    years: Vec<(i64, Span)>,
    people: Vec<Person>,
    quotes: Vec<&'q QuoteFact>,
}

/// Names of the days, for date checks and the weekday signal in matching.
pub(super) const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn span_of(a: &Token, b: &Token) -> Span {
    [a.range.start, b.range.end]
}

impl<'q> Facts<'q> {
    fn of(p: &Passage<'q, '_>) -> Facts<'q> {
        let mut f = Facts::default();
        let tokens: Vec<(usize, &Token)> = p.tokens().collect();
        // Lower-case forms, borrowed when the word is already lower case (most words are).
        let lower: Vec<Cow<str>> = tokens
            .iter()
            .map(|(_, t)| {
                let raw = p.raw(t);
                if raw.is_ascii() && !raw.bytes().any(|b| b.is_ascii_uppercase()) {
                    Cow::Borrowed(raw)
                } else {
                    Cow::Owned(raw.to_lowercase())
                }
            })
            .collect();
        let body = p.doc.body;
        let mut used = vec![false; tokens.len()];

        // Scores: "7-4" written with a hyphen, or "N votes to M".
        for k in 0..tokens.len().saturating_sub(1) {
            let (a, b) = (tokens[k].1, tokens[k + 1].1);
            if let (Some(x), Some(y)) = (a.value, b.value)
                && tokens[k].0 == tokens[k + 1].0
                && &body[a.range.end..b.range.start] == "-"
            {
                f.scores.push((
                    (x, y),
                    span_of(a, b),
                    body[a.range.start..b.range.end].to_string(),
                ));
                used[k] = true;
                used[k + 1] = true;
            }
        }
        for k in 0..tokens.len().saturating_sub(3) {
            if let Some(x) = tokens[k].1.value
                && lower[k + 1].starts_with("vote")
                && lower[k + 2] == "to"
                && let Some(y) = tokens[k + 3].1.value
            {
                let (a, b) = (tokens[k].1, tokens[k + 3].1);
                f.scores.push((
                    (x, y),
                    span_of(a, b),
                    body[a.range.start..b.range.end].to_string(),
                ));
                used[k] = true;
                used[k + 3] = true;
            }
        }

        // Days of the month, next to their month on either side: not counts of anything.
        let is_month = |k: usize| {
            MONTHS.contains(&lower[k].as_ref()) && (lower[k] != "may" || tokens[k].1.capitalised)
        };
        let day = |k: usize| {
            let t = tokens[k].1;
            t.value
                .filter(|v| v.fract() == 0.0 && (1.0..=31.0).contains(v) && p.raw(t).len() <= 2)
                .map(|v| v as u32)
        };
        for k in 0..tokens.len() {
            if !is_month(k) {
                continue;
            }
            let same = |m: usize| tokens[m].0 == tokens[k].0;
            let at = if k + 1 < tokens.len() && same(k + 1) && !used[k + 1] && day(k + 1).is_some()
            {
                Some((k + 1, k, k + 1))
            } else if k > 0 && same(k - 1) && !used[k - 1] && day(k - 1).is_some() {
                Some((k - 1, k - 1, k))
            } else {
                None
            };
            if let Some((d, first, last)) = at {
                used[d] = true;
                let span = span_of(tokens[first].1, tokens[last].1);
                f.dates.push((
                    (lower[k].to_string(), day(d).unwrap_or(0)),
                    span,
                    body[span[0]..span[1]].to_string(),
                ));
            }
        }

        for (k, (sentence, t)) in tokens.iter().enumerate() {
            let word = lower[k].as_ref();
            if WEEKDAYS.contains(&word) {
                f.weekdays
                    .push((word.to_string(), [t.range.start, t.range.end]));
                continue;
            }
            if is_month(k) {
                f.months
                    .push((word.to_string(), [t.range.start, t.range.end]));
                continue;
            }
            let Some(mut value) = t.value else { continue };
            if used[k] || word == "one" {
                continue;
            }
            if value.fract() == 0.0 && (1900.0..=2100.0).contains(&value) && p.raw(t).len() == 4 {
                f.years.push((value as i64, [t.range.start, t.range.end]));
                continue;
            }
            // Multipliers and the words that say what is counted.
            let mut end: &Token = t;
            let mut units = Vec::new();
            let mut m = k + 1;
            // The shown span runs over words that follow directly (only a space or a hyphen
            // between them): "410 million crowns", "31-year-old", "three dock workers".
            let mut contiguous = true;
            while m < tokens.len() && tokens[m].0 == *sentence && units.len() < 2 && m <= k + 4 {
                let (_, n) = tokens[m];
                let gap = &body[end.range.end.min(n.range.start)..n.range.start];
                contiguous &= gap.chars().all(|c| c.is_whitespace() || c == '-');
                let multiplier = match lower[m].as_ref() {
                    "million" | "m" => Some(1e6),
                    "billion" | "bn" => Some(1e9),
                    "thousand" => Some(1e3),
                    _ => None,
                };
                match multiplier {
                    Some(x) if units.is_empty() => value *= x,
                    _ if n.kind == TokenKind::Content => units.push(n.term),
                    _ => contiguous = false,
                }
                if contiguous {
                    end = n;
                }
                m += 1;
            }
            let approx = if k > 0 && tokens[k - 1].0 == *sentence {
                match lower[k - 1].as_ref() {
                    "about" | "around" | "roughly" | "some" | "nearly" | "almost"
                    | "approximately" | "approx" | "estimated" => Approx::About,
                    "over" | "least" | "than"
                        if !(k > 1 && matches!(lower[k - 2].as_ref(), "less" | "fewer")) =>
                    {
                        Approx::AtLeast
                    }
                    "under" | "than" => Approx::AtMost,
                    _ => Approx::Exact,
                }
            } else {
                Approx::Exact
            };
            let span = span_of(t, end);
            f.numbers.push(NumberFact {
                value,
                span,
                text: body[span[0]..span[1]].to_string(),
                units,
                approx,
            });
        }

        f.people = people(p, &tokens, &lower);
        // The document's quotations are in sentence order: each sentence's are a slice.
        f.quotes = p
            .sentences
            .iter()
            .flat_map(|&k| {
                let from = p.quotes.partition_point(|q| q.sentence < k);
                let to = p.quotes.partition_point(|q| q.sentence <= k);
                &p.quotes[from..to]
            })
            .collect();
        f
    }
}

/// People named in a passage with the titles given to them there.
fn people(p: &Passage, tokens: &[(usize, &Token)], lower: &[Cow<str>]) -> Vec<Person> {
    let body = p.doc.body;
    let is_name_word = |k: usize| {
        let raw = &body[tokens[k].1.range.clone()];
        raw.starts_with(char::is_uppercase)
            && raw.chars().count() > 1
            && tokens[k].1.kind == TokenKind::Content
            && !tokens[k].1.role
            && !WEEKDAYS.contains(&lower[k].as_ref())
            && !MONTHS.contains(&lower[k].as_ref())
    };
    // Punctuation between two tokens ends a title phrase.
    let separated = |a: usize, b: usize| {
        tokens[a].0 != tokens[b].0
            || body[tokens[a].1.range.end..tokens[b].1.range.start]
                .contains([',', ';', '(', ')', '"', '“', '”', ':'])
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        if !is_name_word(k) {
            k += 1;
            continue;
        }
        let start = k;
        while k + 1 < tokens.len() && is_name_word(k + 1) && !separated(k, k + 1) {
            k += 1;
        }
        let end = k;
        k += 1;
        if end == start {
            continue; // a single capitalised word: too weak to be sure it is a person
        }
        // Titles before the name ("Former port authority chief executive Dana Okafor")...
        let mut roles = BTreeSet::new();
        let mut first = start;
        let mut b = start;
        while b > 0 && start - b < 6 && !separated(b - 1, b) {
            b -= 1;
            let t = tokens[b].1;
            if t.kind == TokenKind::Stop {
                break;
            }
            if t.role {
                roles.insert(lower[b].to_string());
                first = b;
            }
        }
        // ...and in an apposition after it ("Dana Okafor, chief executive of ...").
        let mut last = end;
        if end + 1 < tokens.len()
            && tokens[end + 1].0 == tokens[end].0
            && body[tokens[end].1.range.end..tokens[end + 1].1.range.start].trim() == ","
        {
            let mut a = end + 1;
            while a < tokens.len() && a <= end + 8 && (a == end + 1 || !separated(a - 1, a)) {
                if tokens[a].1.role {
                    roles.insert(lower[a].to_string());
                    last = a;
                }
                a += 1;
            }
        }
        let name = (start..=end)
            .map(|i| &body[tokens[i].1.range.clone()])
            .collect::<Vec<_>>()
            .join(" ");
        let span = span_of(tokens[first].1, tokens[last].1);
        out.push(Person {
            surname: lower[end].to_string(),
            name,
            roles,
            span,
            text: body[span[0]..span[1]]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        });
    }
    out
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

fn number_conflicts(group: usize, l: &Facts, r: &Facts, out: &mut Vec<Conflict>) {
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

fn score_conflicts(group: usize, l: &Facts, r: &Facts, out: &mut Vec<Conflict>) {
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

fn date_conflicts(group: usize, l: &Facts, r: &Facts, out: &mut Vec<Conflict>) {
    let words = |list: &[(String, Span)],
                 subject: &str,
                 out: &mut Vec<Conflict>,
                 other: &[(String, Span)]| {
        if list.is_empty()
            || other.is_empty()
            || list.iter().any(|(w, _)| other.iter().any(|(o, _)| o == w))
        {
            return;
        }
        let (a, b) = (&list[0], &other[0]);
        out.push(Conflict::new(
            ConflictKind::Date,
            group,
            a.1,
            b.1,
            subject.into(),
            capitalise(&a.0),
            capitalise(&b.0),
        ));
    };
    words(&l.weekdays, "day", out, &r.weekdays);
    words(&l.months, "month", out, &r.months);
    // The same month on both sides with another day: "3 March" against "March 4".
    for (key, span, text) in &l.dates {
        let same_month: Vec<_> = r.dates.iter().filter(|(o, _, _)| o.0 == key.0).collect();
        if same_month.iter().any(|(o, _, _)| o.1 == key.1) {
            continue;
        }
        if let Some((other_key, other, other_text)) = same_month.first()
            && !l.dates.iter().any(|(mine, _, _)| mine == other_key)
        {
            out.push(Conflict::new(
                ConflictKind::Date,
                group,
                *span,
                *other,
                "date".into(),
                text.clone(),
                other_text.clone(),
            ));
            break;
        }
    }
    let only_left: Vec<_> = l
        .years
        .iter()
        .filter(|(y, _)| !r.years.iter().any(|(o, _)| o == y))
        .collect();
    let only_right: Vec<_> = r
        .years
        .iter()
        .filter(|(y, _)| !l.years.iter().any(|(o, _)| o == y))
        .collect();
    if let (Some(a), Some(b)) = (only_left.first(), only_right.first()) {
        out.push(Conflict::new(
            ConflictKind::Date,
            group,
            a.1,
            b.1,
            "year".into(),
            a.0.to_string(),
            b.0.to_string(),
        ));
    }
}

fn role_conflicts(group: usize, l: &Facts, r: &Facts, out: &mut Vec<Conflict>) {
    let modifiers = |p: &Person| -> BTreeSet<String> {
        p.roles
            .iter()
            .filter(|w| ROLE_MODIFIERS.contains(&w.as_str()))
            .cloned()
            .collect()
    };
    let core = |p: &Person| -> BTreeSet<String> {
        p.roles
            .iter()
            .filter(|w| !ROLE_MODIFIERS.contains(&w.as_str()))
            .cloned()
            .collect()
    };
    let differs = |a: &Person, b: &Person| {
        modifiers(a) != modifiers(b)
            || (!core(a).is_empty() && !core(b).is_empty() && core(a).is_disjoint(&core(b)))
    };
    for a in l.people.iter().filter(|p| !p.roles.is_empty()) {
        let titled = |p: &&Person| p.surname == a.surname && !p.roles.is_empty();
        // Any mention on the other side with the same title means they agree.
        if r.people.iter().filter(titled).any(|b| !differs(a, b)) {
            continue;
        }
        let Some(b) = r.people.iter().find(titled) else {
            continue;
        };
        if differs(a, b)
            && !out
                .iter()
                .any(|c| c.kind == ConflictKind::Role && c.subject.ends_with(&a.name))
        {
            out.push(Conflict::new(
                ConflictKind::Role,
                group,
                a.span,
                b.span,
                format!("title of {}", a.name),
                a.text.clone(),
                b.text.clone(),
            ));
        }
    }
}

fn quote_conflicts(group: usize, l: &Facts, r: &Facts, out: &mut Vec<Conflict>) {
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

fn capitalise(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
