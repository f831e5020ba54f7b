//! One line typed at a prompt: the list filter and the export path share it.

use crate::config::{Key, KeyCode};

/// The text of a prompt, edited a key at a time.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    text: String,
}

/// What a key did to a prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// The text changed (or a key that edits found nothing to change).
    Edited,
    /// Enter: the text is done.
    Submitted,
    /// Esc: the prompt is abandoned.
    Cancelled,
    /// A key a prompt does not use (arrows, function keys), for its owner to handle.
    Ignored(Key),
}

impl TextInput {
    /// A prompt holding `text`.
    pub fn new(text: impl Into<String>) -> TextInput {
        TextInput { text: text.into() }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Applies one key: a character is typed, Backspace deletes one, Ctrl-U clears the line.
    pub fn edit(&mut self, key: Key) -> Edit {
        match key.code {
            KeyCode::Esc => return Edit::Cancelled,
            KeyCode::Enter => return Edit::Submitted,
            KeyCode::Backspace => {
                self.text.pop();
            }
            KeyCode::Char('u') if key.ctrl => self.text.clear(),
            KeyCode::Char(c) if !key.ctrl && !key.alt => self.text.push(c),
            _ => return Edit::Ignored(key),
        }
        Edit::Edited
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn type_keys(input: &mut TextInput, keys: &str) -> Vec<Edit> {
        keys.split_whitespace()
            .map(|k| input.edit(Key::parse(k).unwrap()))
            .collect()
    }

    #[test]
    fn typing_deleting_and_clearing_edit_the_line() {
        let mut input = TextInput::new("ab");
        type_keys(&mut input, "c Backspace Backspace d");
        assert_eq!(input.text(), "ad");
        type_keys(&mut input, "C-u x");
        assert_eq!(input.text(), "x");
    }

    #[test]
    fn enter_esc_and_arrows_are_left_to_the_owner() {
        let mut input = TextInput::new("q");
        assert_eq!(
            type_keys(&mut input, "Enter Esc"),
            [Edit::Submitted, Edit::Cancelled]
        );
        assert!(matches!(
            type_keys(&mut input, "Down")[..],
            [Edit::Ignored(_)]
        ));
        assert_eq!(input.text(), "q");
    }
}
