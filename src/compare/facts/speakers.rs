//! Who is quoted: the named person of the reporting clause ("..., Ursal said", "said Gemma
//! Villamor", "Glenn Ursal, a disaster officer, told the AP"), or the last person named when
//! the clause says "he" or "she"; never the one spoken to, nor a place ("in Kursk"). A quotation
//! with no reporting clause has no speaker, rather than the nearest capitalised word.

use std::cell::OnceCell;
use std::sync::LazyLock;

use crate::compare::doc::Doc;
use crate::compare::lexicon::{
    MONTHS, PERSONAL_PRONOUNS, PLACE_PREPOSITIONS, REPORTING_VERBS, SPOKEN_TO_VERBS, WEEKDAYS,
};
use crate::compare::params::SPEAKER_BEFORE_VERB;
use crate::compare::token::{Token, TokenKind};
use crate::compare::word_set::WordSet;

static REPORTING: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(REPORTING_VERBS));
static SPOKEN_TO: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(SPOKEN_TO_VERBS));
static PRONOUNS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(PERSONAL_PRONOUNS));
static PLACES: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(PLACE_PREPOSITIONS));
/// Capitalised words that name a time, not a person.
static CALENDAR: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&[WEEKDAYS, MONTHS].concat()));

/// Follows the people a document names, sentence by sentence, for "he" and "she".
#[derive(Default)]
pub struct Speakers {
    last_person: Option<String>,
    /// The words the document writes capitalised where no sentence starts, sorted: found once,
    /// when a sentence first opens with a capitalised word.
    mid_capitals: OnceCell<Vec<u32>>,
}

impl Speakers {
    /// The speaker of the quotation at bytes `quote` of sentence `k`.
    pub fn of(&self, doc: &Doc, k: usize, quote: [usize; 2]) -> Option<String> {
        let tokens = doc.sentence_tokens(k);
        let is = |t: &Token, set: &WordSet| set.contains(&doc.body[t.range.clone()]);
        let outside = |t: &Token| t.range.end <= quote[0] || t.range.start >= quote[1];
        // Found at the first reporting verb: most sentences have none.
        let mut found_runs = None;
        for (v, verb) in tokens.iter().enumerate() {
            if !outside(verb) || !is(verb, &REPORTING) {
                continue;
            }
            let runs: &Vec<NameRun> = found_runs.get_or_insert_with(|| self.name_runs(doc, tokens));
            // "the Harbour Workers' Union said" names an organisation, not a speaker.
            let after_the = |r: &NameRun| {
                r.from > 0 && doc.body[tokens[r.from - 1].range.clone()].eq_ignore_ascii_case("the")
            };
            // "he said" / "she told": the last person named.
            if v > 0 && is(&tokens[v - 1], &PRONOUNS) {
                return self.last_person.clone();
            }
            // "Mr Xi said Washington and Beijing would...": the name right before the verb
            // (or before "also", "later") is its subject, whatever name follows it.
            let subject = runs.iter().find(|r| {
                r.to < v
                    && tokens[r.to + 1..v]
                        .iter()
                        .all(|t| t.kind == TokenKind::Stop)
                    && v - r.to <= 2
                    && outside(&tokens[r.to])
                    && !after_the(r)
            });
            if let Some(run) = subject {
                return Some(run.text.clone());
            }
            // "said Gemma Villamor", "said Gov. Andy Beshear": a name right after the verb.
            if !is(verb, &SPOKEN_TO)
                && let Some(run) = runs.iter().find(|r| {
                    r.from > v
                        && r.from <= v + 3
                        && tokens[v + 1..r.from].iter().all(|t| t.role)
                        && outside(&tokens[r.from])
                })
            {
                return Some(run.text.clone());
            }
            // "Ursal said", "Glenn Ursal, another officer, told": the nearest name before it,
            // not inside the quotation, passing over organisations ("of the Harbour Workers'
            // Union said").
            if let Some(run) = runs
                .iter()
                .rev()
                .find(|r| {
                    r.to < v
                        && v - r.to <= SPEAKER_BEFORE_VERB
                        && outside(&tokens[r.to])
                        && !after_the(r)
                })
                .filter(|r| {
                    !tokens[r.to + 1..v]
                        .iter()
                        .any(|t| t.range.start >= quote[0] && t.range.end <= quote[1])
                })
            {
                return Some(run.text.clone());
            }
        }
        None
    }

    /// Remembers the person sentence `k` is about, for a "he" or "she" after it: who speaks in
    /// it, or else the first person it names (two or more name words, or one after a title;
    /// never "the ...", which names an organisation).
    pub fn read(&mut self, doc: &Doc, k: usize) {
        if let Some(speaker) = self.of(doc, k, [0, 0]) {
            self.last_person = Some(speaker);
            return;
        }
        let tokens = doc.sentence_tokens(k);
        let after_the = |r: &NameRun| {
            r.from > 0 && doc.body[tokens[r.from - 1].range.clone()].eq_ignore_ascii_case("the")
        };
        if let Some(run) = self
            .name_runs(doc, tokens)
            .into_iter()
            .find(|r| !after_the(r) && (r.to > r.from || (r.from > 0 && tokens[r.from - 1].role)))
        {
            self.last_person = Some(run.text);
        }
    }
}

/// A run of capitalised name words in a sentence, by token index.
struct NameRun {
    from: usize,
    to: usize,
    text: String,
}

impl Speakers {
    /// Whether the document writes `word` capitalised somewhere other than a sentence's start.
    fn capitalised_mid_sentence(&self, doc: &Doc, word: u32) -> bool {
        self.mid_capitals
            .get_or_init(|| {
                let mut words: Vec<u32> = doc
                    .tokens
                    .iter()
                    .filter(|t| t.capitalised)
                    .map(|t| t.word)
                    .collect();
                words.sort_unstable();
                words.dedup();
                words
            })
            .binary_search(&word)
            .is_ok()
    }

    /// The runs of name words of a sentence that are not places.
    fn name_runs(&self, doc: &Doc, tokens: &[Token]) -> Vec<NameRun> {
        let body = doc.body;
        let name_word = |t: &Token| {
            let raw = &body[t.range.clone()];
            raw.starts_with(char::is_uppercase)
                && t.kind == TokenKind::Content
                && !t.role
                && !CALENDAR.contains(raw)
        };
        // "Harbour Workers' Union" and "Jean-Philippe Bertshy" are one run each.
        let joined = |a: &Token, b: &Token| {
            let between = &body[a.range.end..b.range.start];
            between == "-" || between.trim_start_matches(['\'', '’']).trim().is_empty()
        };
        let mut runs = Vec::new();
        let mut k = 0;
        while k < tokens.len() {
            if !name_word(&tokens[k]) {
                k += 1;
                continue;
            }
            let from = k;
            while k + 1 < tokens.len()
                && name_word(&tokens[k + 1])
                && joined(&tokens[k], &tokens[k + 1])
            {
                k += 1;
            }
            let place = from > 0 && PLACES.contains(&body[tokens[from - 1].range.clone()]);
            // "Authorities said": one capitalised word that opens the sentence is a name only if
            // the document also writes it capitalised where no sentence starts.
            let common_noun =
                from == 0 && k == 0 && !self.capitalised_mid_sentence(doc, tokens[0].word);
            if !place && !common_noun {
                runs.push(NameRun {
                    from,
                    to: k,
                    text: body[tokens[from].range.start..tokens[k].range.end].to_string(),
                });
            }
            k += 1;
        }
        runs
    }
}

#[cfg(test)]
mod tests {
    use crate::compare::doc::Doc;
    use crate::compare::facts::all_quotes;
    use crate::compare::token::Vocab;

    fn speakers(text: &str) -> Vec<Option<String>> {
        let mut vocab = Vocab::default();
        let doc = Doc::new(text, &mut vocab);
        all_quotes(&doc).into_iter().map(|q| q.speaker).collect()
    }

    #[test]
    fn the_speaker_is_the_name_of_the_reporting_clause() {
        assert_eq!(
            speakers("“We will rebuild the school by May,” said Gemma Orr, the head teacher."),
            [Some("Gemma Orr".to_string())]
        );
        assert_eq!(
            speakers("Glenn Ode, a relief officer, told the Courier: “The roads are blocked.”"),
            [Some("Glenn Ode".to_string())]
        );
        assert_eq!(
            speakers("Milo Brandt of the Harbour Workers' Union said: “We warned them twice.”"),
            [Some("Milo Brandt".to_string())]
        );
        assert_eq!(
            speakers("“Prices will fall,” said Anne-Marie Dorsey, an analyst at Velm Bank."),
            [Some("Anne-Marie Dorsey".to_string())]
        );
    }

    #[test]
    fn the_name_before_the_verb_speaks_not_the_one_after_it() {
        assert_eq!(
            speakers(
                "Premier Ansel Roe said Velm and Orsk would work to give “calm and trust to both \
                 towns”. “Both sides should look ahead,” he said."
            ),
            [Some("Ansel Roe".to_string()), Some("Ansel Roe".to_string())]
        );
    }

    #[test]
    fn he_or_she_is_the_last_person_named_and_a_place_is_nobody() {
        assert_eq!(
            speakers("Mayor Ilse Varn visited Kursk on Monday. “It was very loud,” she said."),
            [Some("Ilse Varn".to_string())]
        );
        assert_eq!(
            speakers("“We are safe for now,” residents in Kursk said."),
            [None]
        );
        assert_eq!(
            speakers("Officials said the “team of four men” fled by scooter."),
            [None]
        );
    }
}
