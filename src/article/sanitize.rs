//! Making untrusted text safe to draw in a terminal.
//!
//! Article files come from scrapers and feeds. A byte such as ESC can move the cursor, recolour the
//! screen, retitle the window (OSC) or hide text; bidirectional overrides can reorder what a reader
//! sees. Everything that could do so is removed here, once, at load.

/// Removes every escape sequence and control character that could act on a terminal.
///
/// - ANSI/VT sequences (CSI `ESC [`, OSC `ESC ]`, DCS/SOS/PM/APC strings, two-byte `ESC x`) and
///   their 8-bit C1 forms are removed whole, parameters included.
/// - Every other C0 control except newline and tab, DEL and every C1 control is removed.
/// - `\r\n` and lone `\r` become `\n`, so a carriage return cannot overwrite a line.
/// - Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are removed,
///   so text is shown in the order it is stored.
///
/// Returns the safe text and how many characters were dropped.
pub fn sanitize(input: &str) -> (String, usize) {
    let mut out = String::with_capacity(input.len());
    let mut removed = 0;
    let mut chars = input.char_indices().peekable();
    // Fast path: copy runs of plain characters in one go.
    let mut run_start = 0;
    while let Some((i, c)) = chars.next() {
        if !needs_attention(c) {
            continue;
        }
        out.push_str(&input[run_start..i]);
        match c {
            '\n' | '\t' => out.push(c),
            '\r' => {
                if chars.peek().map(|&(_, n)| n) != Some('\n') {
                    out.push('\n');
                }
            }
            '\u{1b}' => removed += 1 + skip_escape(&mut chars),
            '\u{9b}' => removed += 1 + skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => {
                removed += 1 + skip_string(&mut chars)
            }
            _ => removed += 1,
        }
        run_start = chars.peek().map_or(input.len(), |&(j, _)| j);
    }
    out.push_str(&input[run_start..]);
    (out, removed)
}

/// Sanitises text that must stay on one line (titles, sources): newlines and tabs become spaces
/// and runs of white space collapse.
pub fn sanitize_line(input: &str) -> String {
    let (safe, _) = sanitize(input);
    safe.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn needs_attention(c: char) -> bool {
    matches!(c, '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

type Chars<'a> = std::iter::Peekable<std::str::CharIndices<'a>>;

/// Skips what follows an ESC; returns how many characters it consumed.
fn skip_escape(chars: &mut Chars<'_>) -> usize {
    match chars.peek().map(|&(_, c)| c) {
        Some('[') => {
            chars.next();
            1 + skip_csi(chars)
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            1 + skip_string(chars)
        }
        // Two-character escapes (ESC 7, ESC c, ESC ( B...): drop the ESC, its intermediates and
        // the final byte, but never a newline.
        Some(c) if (' '..='~').contains(&c) => {
            let mut n = 0;
            while let Some(&(_, c)) = chars.peek() {
                if (' '..='/').contains(&c) {
                    chars.next();
                    n += 1;
                } else {
                    break;
                }
            }
            if chars.peek().is_some_and(|&(_, c)| ('0'..='~').contains(&c)) {
                chars.next();
                n += 1;
            }
            n
        }
        _ => 0,
    }
}

/// Skips CSI parameters, intermediates and the final byte. A character outside the grammar ends
/// the sequence without being consumed, so malformed input cannot swallow real text.
fn skip_csi(chars: &mut Chars<'_>) -> usize {
    let mut n = 0;
    while let Some(&(_, c)) = chars.peek() {
        match c {
            '0'..='?' | ' '..='/' => {
                chars.next();
                n += 1;
            }
            '@'..='~' => {
                chars.next();
                return n + 1;
            }
            _ => return n,
        }
    }
    n
}

/// Skips the body of an OSC/DCS-style string up to BEL or ST (`ESC \` or U+009C). An unterminated
/// string stops at the end of its line so the rest of the article survives.
fn skip_string(chars: &mut Chars<'_>) -> usize {
    let mut n = 0;
    while let Some(&(_, c)) = chars.peek() {
        match c {
            '\u{7}' | '\u{9c}' => {
                chars.next();
                return n + 1;
            }
            '\u{1b}' => {
                chars.next();
                n += 1;
                if chars.peek().is_some_and(|&(_, c)| c == '\\') {
                    chars.next();
                    n += 1;
                }
                return n;
            }
            '\n' => return n,
            _ => {
                chars.next();
                n += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(s: &str) -> String {
        sanitize(s).0
    }

    #[test]
    fn plain_text_is_untouched() {
        let text = "Plain text, with tabs\tand\nnewlines — and ünïcödé.";
        assert_eq!(sanitize(text), (text.to_string(), 0));
    }

    #[test]
    fn removes_csi_colour_and_cursor_moves() {
        assert_eq!(clean("a\x1b[31mred\x1b[0m b"), "ared b");
        assert_eq!(clean("x\x1b[2J\x1b[H\x1b[?1049hy"), "xy");
    }

    #[test]
    fn removes_osc_title_change_with_either_terminator() {
        assert_eq!(clean("a\x1b]0;pwned\x07b"), "ab");
        assert_eq!(
            clean("a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b"),
            "alinkb"
        );
    }

    #[test]
    fn unterminated_osc_stops_at_line_end() {
        assert_eq!(clean("a\x1b]0;title\nnext line"), "a\nnext line");
    }

    #[test]
    fn removes_c1_controls_and_their_sequences() {
        assert_eq!(clean("a\u{9b}31mb"), "ab");
        assert_eq!(clean("a\u{9d}0;t\u{9c}b"), "ab");
        assert_eq!(clean("a\u{85}b\u{7f}c"), "abc");
    }

    #[test]
    fn carriage_returns_cannot_overwrite() {
        assert_eq!(clean("one\r\ntwo\rthree"), "one\ntwo\nthree");
    }

    #[test]
    fn removes_other_c0_controls_but_keeps_tab_and_newline() {
        assert_eq!(clean("a\x00b\x07c\x08d\te\nf"), "abcd\te\nf");
    }

    #[test]
    fn neutralises_bidi_overrides() {
        assert_eq!(
            clean("abc\u{202e}fed\u{202c} \u{2067}x\u{2069}"),
            "abcfed x"
        );
    }

    #[test]
    fn two_character_escapes_are_removed_without_eating_newlines() {
        assert_eq!(clean("a\x1bcb\x1b(Bc"), "abc");
        assert_eq!(clean("a\x1b\nb"), "a\nb");
    }

    #[test]
    fn counts_what_it_removed() {
        assert_eq!(sanitize("\x1b[1mX").1, 4);
    }

    #[test]
    fn line_variant_collapses_white_space() {
        assert_eq!(
            sanitize_line("  A\ttitle\n on\x1b[5m two "),
            "A title on two"
        );
    }
}
