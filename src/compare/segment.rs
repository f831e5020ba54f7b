//! Splitting a body into sentences, keeping byte ranges into it.
//!
//! News prose is full of full stops that do not end sentences ("Mr.", "U.S.", "7 a.m.", "J.
//! Smith", "3.5") and of sentences that end inside quotation marks. A heading or a scraped line
//! without a full stop is a sentence of its own; a line hard-wrapped in the middle of a sentence is
//! joined to the next one.

use std::ops::Range;

use super::lexicon::ABBREVIATIONS;

/// One sentence: where its text is, and which paragraph it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence's text, without surrounding white space.
    pub text: Range<usize>,
    /// The paragraph it belongs to (paragraphs are separated by blank lines).
    pub paragraph: usize,
}

/// Splits a body into sentences, in order.
pub fn sentences(body: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    // The paragraph being gathered, as a byte range of whole lines.
    let mut current: Option<Range<usize>> = None;
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let end = offset + line.len();
        if line.trim().is_empty() {
            if let Some(range) = current.take() {
                split_paragraph(body, range, paragraph, &mut out);
                paragraph += 1;
            }
        } else {
            current = Some(current.map_or(offset..end, |r| r.start..end));
        }
        offset = end;
    }
    if let Some(range) = current {
        split_paragraph(body, range, paragraph, &mut out);
    }
    out
}

/// Splits one paragraph: lines are joined when a sentence runs on, then split at sentence ends.
fn split_paragraph(body: &str, range: Range<usize>, paragraph: usize, out: &mut Vec<Sentence>) {
    let mut run_start = range.start;
    let mut pos = range.start;
    for line in body[range.clone()].split_inclusive('\n') {
        let line_end = pos + line.len();
        let text = line.trim_end();
        let next = body[line_end..range.end].trim_start();
        let runs_on = !text.is_empty()
            && !ends_sentence(text)
            && next.chars().next().is_some_and(|c| c.is_lowercase());
        if !runs_on && line_end > run_start {
            split_run(body, run_start..line_end, paragraph, out);
            run_start = line_end;
        }
        pos = line_end;
    }
    if run_start < range.end {
        split_run(body, run_start..range.end, paragraph, out);
    }
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(CLOSERS)
        .ends_with(['.', '!', '?', '…', ':'])
}

const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '»'];

/// Splits a run of text at sentence ends.
fn split_run(body: &str, range: Range<usize>, paragraph: usize, out: &mut Vec<Sentence>) {
    let text = &body[range.clone()];
    let mut start = 0;
    let mut in_quote = false;
    let mut quote_open_at = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Only quotes and sentence-ending punctuation matter here: ASCII ones, and the curly
        // quotes and ellipsis, whose UTF-8 starts with 0xE2. No other byte of the text can
        // equal these (continuation bytes are 0x80..0xC0), so the rest is skipped bytewise.
        if !matches!(bytes[i], b'"' | b'.' | b'!' | b'?' | 0xE2) {
            i += 1;
            continue;
        }
        let (c, len) = char_at(text, i);
        // An unbalanced quote must not glue the rest of a long paragraph together.
        if in_quote && i - quote_open_at > 600 {
            in_quote = false;
        }
        match c {
            '"' => {
                in_quote = !in_quote;
                quote_open_at = i;
            }
            '“' => {
                in_quote = true;
                quote_open_at = i;
            }
            '”' => in_quote = false,
            _ => {}
        }
        if matches!(c, '.' | '!' | '?' | '…') {
            // Take the whole run of terminal punctuation and closing quotes or brackets.
            let mut end = i + len;
            let mut closes_quote = false;
            let mut next = None;
            while end < bytes.len() {
                let (n, n_len) = char_at(text, end);
                if !(matches!(n, '.' | '!' | '?' | '…') || CLOSERS.contains(&n)) {
                    next = Some(n);
                    break;
                }
                if matches!(n, '"' | '”') {
                    closes_quote = true;
                }
                end += n_len;
            }
            let at_end = text[end..].trim().is_empty();
            let boundary = !at_end
                && next.is_some_and(char::is_whitespace)
                && (!in_quote || closes_quote)
                && starts_sentence(&text[end..])
                && !(c == '.' && !closes_quote && is_abbreviation(&text[start..i], &text[end..]));
            if boundary {
                push(body, range.start + start..range.start + end, paragraph, out);
                start = end;
                in_quote = false;
            }
            i = end;
            continue;
        }
        i += len;
    }
    push(body, range.start + start..range.end, paragraph, out);
}

/// The character starting at byte `pos` of `text` and its length.
fn char_at(text: &str, pos: usize) -> (char, usize) {
    let c = text[pos..]
        .chars()
        .next()
        .unwrap_or(char::REPLACEMENT_CHARACTER);
    (c, c.len_utf8())
}

fn push(body: &str, range: Range<usize>, paragraph: usize, out: &mut Vec<Sentence>) {
    let slice = &body[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        out.push(Sentence {
            text: range.start + lead..range.end - trail,
            paragraph,
        });
    }
}

/// Whether what follows can begin a sentence: an upper-case letter, a digit, or an opening
/// quote or bracket.
fn starts_sentence(rest: &str) -> bool {
    rest.trim_start().chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '«')
    })
}

/// Whether the full stop at the end of `before` belongs to an abbreviation or an initial.
fn is_abbreviation(before: &str, after: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | '"' | '“'))
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return false;
    }
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    // An initial: "J. Smith".
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return true;
    }
    // Dotted forms ("U.S.", "a.m.", "e.g."): a sentence ends there only if an ordinary sentence
    // opener follows.
    if word.contains('.') {
        let next = after.split_whitespace().next().unwrap_or("");
        const OPENERS: &[&str] = &[
            "The", "He", "She", "It", "They", "We", "I", "But", "And", "A", "An", "This", "That",
            "In", "On", "At", "His", "Her", "Their", "There", "When", "After", "Its", "Our", "Two",
            "Three",
        ];
        return !OPENERS.contains(&next);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(body: &str) -> Vec<&str> {
        sentences(body).into_iter().map(|s| &body[s.text]).collect()
    }

    #[test]
    fn splits_plain_sentences_and_paragraphs() {
        let body = "One is here. Two is there!\n\nThree? Four.";
        assert_eq!(
            split(body),
            ["One is here.", "Two is there!", "Three?", "Four."]
        );
        let paragraphs: Vec<_> = sentences(body).iter().map(|s| s.paragraph).collect();
        assert_eq!(paragraphs, [0, 0, 1, 1]);
    }

    #[test]
    fn abbreviations_initials_and_decimals_do_not_end_sentences() {
        let body = "Mr. Hale met Gen. Ruiz at 7 a.m. on Monday. J. R. Stone paid 3.5 million. The U.S. Army agreed.";
        assert_eq!(
            split(body),
            [
                "Mr. Hale met Gen. Ruiz at 7 a.m. on Monday.",
                "J. R. Stone paid 3.5 million.",
                "The U.S. Army agreed."
            ]
        );
    }

    #[test]
    fn dotted_abbreviation_before_an_opener_ends_the_sentence() {
        assert_eq!(
            split("He arrived at 7 a.m. The rest followed."),
            ["He arrived at 7 a.m.", "The rest followed."]
        );
    }

    #[test]
    fn quotes_keep_their_sentences_together_and_can_end_one() {
        let body = "\"We warned them. Nobody answered,\" Brandt said. He left. She called it \"a disgrace.\" Then she sat.";
        assert_eq!(
            split(body),
            [
                "\"We warned them. Nobody answered,\" Brandt said.",
                "He left.",
                "She called it \"a disgrace.\"",
                "Then she sat."
            ]
        );
    }

    #[test]
    fn curly_quotes_and_ellipses() {
        let body = "“It is over… for now,” she said. Wait... Then it began.";
        assert_eq!(
            split(body),
            [
                "“It is over… for now,” she said.",
                "Wait...",
                "Then it began."
            ]
        );
    }

    #[test]
    fn headings_without_full_stops_stand_alone_and_wrapped_lines_join() {
        let body = "Port Reopens\nThe port reopened on Monday after\nrepairs were finished. Ships returned.";
        assert_eq!(
            split(body),
            [
                "Port Reopens",
                "The port reopened on Monday after\nrepairs were finished.",
                "Ships returned."
            ]
        );
    }

    #[test]
    fn lowercase_after_a_full_stop_is_not_a_new_sentence() {
        assert_eq!(
            split("It cost approx. ten crowns. ok then."),
            ["It cost approx. ten crowns. ok then."]
        );
    }

    #[test]
    fn empty_and_blank_bodies_have_no_sentences() {
        assert!(sentences("").is_empty());
        assert!(sentences("\n\n  \n").is_empty());
    }
}
