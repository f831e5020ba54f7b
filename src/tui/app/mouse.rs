//! The mouse: the wheel scrolls what is under it, a click focuses a pane or selects a row.

use ratatui::layout::Position;

use super::App;
use crate::config::Command;
use crate::tui::Focus;
use crate::tui::layout::{inner, panes};

impl App {
    pub(super) fn on_scroll(&mut self, at: Position, delta: isize) {
        if self.overlay.is_some() {
            let command = if delta > 0 {
                Command::Down
            } else {
                Command::Up
            };
            for _ in 0..delta.unsigned_abs() {
                self.run(command);
            }
            return;
        }
        if self.compare.is_some() {
            let height = self.compare_height();
            if let Some(pane) = self.compare.as_mut() {
                pane.scroll_by(delta, height);
            }
            return;
        }
        let p = panes(self.area, self.focus);
        if p.list.is_some_and(|r| r.contains(at)) {
            self.list.move_by(delta);
        } else if p.reader.is_some_and(|r| r.contains(at)) {
            let h = self.reader_height();
            self.reader.scroll_by(delta, h);
        }
    }

    pub(super) fn on_click(&mut self, at: Position) {
        if self.overlay.is_some() {
            return;
        }
        let p = panes(self.area, self.focus);
        if let Some(list) = p.list.filter(|r| r.contains(at)) {
            self.focus = Focus::List;
            let rows = inner(list);
            if rows.contains(at) {
                self.list
                    .select(self.list.offset + usize::from(at.y - rows.y));
            }
        } else if p.reader.is_some_and(|r| r.contains(at)) {
            self.focus = Focus::Reader;
        }
    }
}
