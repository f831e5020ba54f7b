//! Printing text that comes from outside (file names, config values, URLs, feed names, HTTP
//! reasons): every control character and invisible format character is written out as an
//! escape ("\x1b", "\u{200b}"), so that a hostile file name can be read in the message and can
//! never retitle the window or clear the screen. Article text is cleaned at load; this is for
//! everything else the commands print.

use std::borrow::Cow;
use std::fmt::{Arguments, Write};

/// Prints a line on stderr, made printable.
pub fn error(message: Arguments) {
    eprintln!("{}", printable(&message.to_string()));
}

/// Prints a line on stdout, made printable.
pub fn out(message: Arguments) {
    println!("{}", printable(&message.to_string()));
}

/// `text` with every character that could act on a terminal or hide itself written as an
/// escape; tabs and line breaks are kept.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if !unsafe_char(c) {
            out.push(c);
        } else if (c as u32) < 0x100 {
            let _ = write!(out, "\\x{:02x}", c as u32);
        } else {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
    }
    Cow::Owned(out)
}

/// Controls (but tab and newline), and the invisible characters that reorder or hide text or
/// change how many cells it takes: bidi controls, zero-width spaces and joiners, the BOM.
fn unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c,
            '\u{061c}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

#[cfg(test)]
mod tests {
    use super::printable;

    #[test]
    fn escapes_are_shown_not_obeyed() {
        assert_eq!(
            printable("lib/\u{1b}]0;PWN\u{7}empty.md"),
            "lib/\\x1b]0;PWN\\x07empty.md"
        );
        assert_eq!(printable("a\u{200b}b\u{202e}c"), "a\\u{200b}b\\u{202e}c");
        assert_eq!(printable("plain: Zürich\tok\n"), "plain: Zürich\tok\n");
    }
}
