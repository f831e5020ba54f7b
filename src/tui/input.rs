//! Translating crossterm events into actions.

use ratatui::crossterm::event::{
    Event, KeyCode as CtKey, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use super::Action;
use crate::config::{Key, KeyCode};

/// The action for a terminal event, if it means anything to Parallax.
pub fn action_for_event(event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            key_from_event(key).map(Action::Key)
        }
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Scroll {
                column: m.column,
                row: m.row,
                down: true,
            }),
            MouseEventKind::ScrollUp => Some(Action::Scroll {
                column: m.column,
                row: m.row,
                down: false,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: m.column,
                row: m.row,
            }),
            _ => None,
        },
        _ => None,
    }
}

/// Converts a crossterm key into Parallax's own key type.
pub fn key_from_event(event: &KeyEvent) -> Option<Key> {
    let code = match event.code {
        CtKey::Char(c) => KeyCode::Char(c),
        CtKey::Enter => KeyCode::Enter,
        CtKey::Esc => KeyCode::Esc,
        CtKey::Tab => KeyCode::Tab,
        CtKey::BackTab => KeyCode::BackTab,
        CtKey::Backspace => KeyCode::Backspace,
        CtKey::Delete => KeyCode::Delete,
        CtKey::Insert => KeyCode::Insert,
        CtKey::Up => KeyCode::Up,
        CtKey::Down => KeyCode::Down,
        CtKey::Left => KeyCode::Left,
        CtKey::Right => KeyCode::Right,
        CtKey::Home => KeyCode::Home,
        CtKey::End => KeyCode::End,
        CtKey::PageUp => KeyCode::PageUp,
        CtKey::PageDown => KeyCode::PageDown,
        CtKey::F(n) => KeyCode::F(n),
        _ => return None,
    };
    let m = event.modifiers;
    Some(
        Key {
            code,
            ctrl: m.contains(KeyModifiers::CONTROL),
            alt: m.contains(KeyModifiers::ALT),
            shift: m.contains(KeyModifiers::SHIFT),
        }
        .normalized(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shifted_letters_and_backtab_match_config_names() {
        let ev = KeyEvent::new(CtKey::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(key_from_event(&ev), Some(Key::parse("G").unwrap()));
        let ev = KeyEvent::new(CtKey::BackTab, KeyModifiers::SHIFT);
        assert_eq!(key_from_event(&ev), Some(Key::parse("Shift-Tab").unwrap()));
        let ev = KeyEvent::new(CtKey::Char('d'), KeyModifiers::CONTROL);
        assert_eq!(key_from_event(&ev), Some(Key::parse("Ctrl-d").unwrap()));
    }
}
