use unicode_width::UnicodeWidthStr;

use super::Mark;

/// A wrapped line: pieces of text with their marks.
pub type StyledLine = Vec<(String, Mark)>;

/// Wraps marked text to `width` columns, keeping each word's mark. White space is folded, a
/// blank line (two newlines) starts a new paragraph, and a word wider than the line is broken.
/// A word is what lies between white space, whatever its marks: "relief" changed and "."
/// shared stay on one line, so no punctuation mark starts a line of its own.
pub fn wrap_fragments(fragments: &[(&str, Mark)], width: usize) -> Vec<StyledLine> {
    let width = width.max(1);
    let mut lines: Vec<StyledLine> = Vec::new();
    let mut line: StyledLine = Vec::new();
    let mut used = 0;
    let mut pending_space = false;
    let flush = |line: &mut StyledLine, used: &mut usize, lines: &mut Vec<StyledLine>| {
        lines.push(std::mem::take(line));
        *used = 0;
    };
    for token in tokens(fragments) {
        let parts = match token {
            Token::Space { paragraph } => {
                if paragraph && !line.is_empty() {
                    flush(&mut line, &mut used, &mut lines);
                    lines.push(Vec::new());
                    pending_space = false;
                } else {
                    pending_space = !line.is_empty();
                }
                continue;
            }
            Token::Word(parts) => parts,
        };
        let w: usize = parts.iter().map(|(t, _)| t.width()).sum();
        if used > 0 && used + usize::from(pending_space) + w > width {
            flush(&mut line, &mut used, &mut lines);
            pending_space = false;
        }
        if used + usize::from(pending_space) + w <= width {
            if pending_space {
                // A space inside a run of one mark keeps it; between marks it is plain.
                let mark = parts[0].1;
                let space_mark = line
                    .last()
                    .map_or(mark, |l| if l.1 == mark { mark } else { Mark::Shared });
                push(&mut line, " ", space_mark);
                used += 1;
            }
            for (text, mark) in parts {
                push(&mut line, text, mark);
            }
            used += w;
        } else {
            // Wider than a whole line: break it.
            for (text, mark) in parts {
                for c in text.chars() {
                    let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                    if used > 0 && used + cw > width {
                        flush(&mut line, &mut used, &mut lines);
                    }
                    push(&mut line, c.encode_utf8(&mut [0u8; 4]), mark);
                    used += cw;
                }
            }
        }
        pending_space = false;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines
}

/// Marked text as words and the white space between them.
enum Token<'a> {
    /// The pieces of one word, each with its mark.
    Word(Vec<(&'a str, Mark)>),
    /// White space; `paragraph` when it holds a blank line.
    Space { paragraph: bool },
}

fn tokens<'a>(fragments: &[(&'a str, Mark)]) -> Vec<Token<'a>> {
    let mut out = Vec::new();
    let mut word = Vec::new();
    for &(text, mark) in fragments {
        let mut rest = text;
        while !rest.is_empty() {
            let ws = rest.len() - rest.trim_start().len();
            if ws > 0 {
                if !word.is_empty() {
                    out.push(Token::Word(std::mem::take(&mut word)));
                }
                let paragraph = rest[..ws].matches('\n').count() >= 2;
                match out.last_mut() {
                    Some(Token::Space { paragraph: p }) => *p |= paragraph,
                    _ => out.push(Token::Space { paragraph }),
                }
                rest = &rest[ws..];
                continue;
            }
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            word.push((&rest[..end], mark));
            rest = &rest[end..];
        }
    }
    if !word.is_empty() {
        out.push(Token::Word(word));
    }
    out
}

fn push(line: &mut StyledLine, text: &str, mark: Mark) {
    match line.last_mut() {
        Some((t, m)) if *m == mark => t.push_str(text),
        _ => line.push((text.to_string(), mark)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(lines: &[StyledLine]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.iter().map(|(t, _)| t.as_str()).collect())
            .collect()
    }

    #[test]
    fn wraps_words_and_keeps_marks() {
        let lines = wrap_fragments(
            &[
                ("one two ", Mark::Shared),
                ("three", Mark::Changed),
                (" four", Mark::Shared),
            ],
            9,
        );
        assert_eq!(plain(&lines), ["one two", "three", "four"]);
        assert_eq!(lines[1], vec![("three".to_string(), Mark::Changed)]);
    }

    #[test]
    fn breaks_words_wider_than_a_line_and_keeps_paragraphs() {
        let lines = wrap_fragments(&[("abcdefghij\n\nnext", Mark::Unique)], 4);
        assert_eq!(plain(&lines), ["abcd", "efgh", "ij", "", "next"]);
        assert!(lines.iter().flatten().all(|(t, _)| t.width() <= 4));
    }

    #[test]
    fn a_word_split_across_marks_stays_whole() {
        let lines = wrap_fragments(&[("a relief", Mark::Changed), (". Then", Mark::Shared)], 8);
        assert_eq!(plain(&lines), ["a", "relief.", "Then"]);
    }

    #[test]
    fn tiny_widths_do_not_loop() {
        let lines = wrap_fragments(&[("日本語 text", Mark::Shared)], 1);
        assert!(!lines.is_empty());
    }
}
