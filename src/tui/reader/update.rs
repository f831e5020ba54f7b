//! What the reading pane does with a command.

use super::ReaderPane;
use crate::config::Command;
use crate::tui::reply::Reply;
use crate::tui::scroll::{Step, page_of, step};

impl ReaderPane {
    /// A command while the reader has the keyboard; `height` is its rows of text.
    pub fn update(&mut self, command: Command, height: usize) -> Reply {
        match command {
            Command::NextMatch | Command::PrevMatch => {
                if self.search.is_none() {
                    return Reply::Status("no search: / searches this article".into());
                }
                self.step_search(command == Command::NextMatch, height);
                return Reply::Status(self.search.as_ref().map(|s| s.status()).unwrap_or_default());
            }
            _ => {}
        }
        match step(command, page_of(height)) {
            Some(Step::By(rows)) => self.scroll_by(rows, height),
            Some(Step::Top) => self.scroll = 0,
            Some(Step::Bottom) => self.scroll_to_end(height),
            None => {}
        }
        Reply::Done
    }
}
