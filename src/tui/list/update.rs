//! What the list does with a command and with the keys typed at its filter prompt.

use super::{ListPane, Shelf};
use crate::config::{Command, Key, KeyCode};
use crate::tui::reply::Reply;
use crate::tui::scroll::{Step, step};
use crate::tui::text_input::{Edit, TextInput};

impl ListPane {
    /// A command for the list; `page` is how many rows a page moves. Filtering and sorting
    /// apply whichever pane has the keyboard; moving only while the list has it.
    pub fn update(&mut self, command: Command, shelf: Shelf, page: isize) -> Reply {
        match step(command, page) {
            Some(Step::By(rows)) => self.move_by(rows),
            Some(Step::Top) => self.select(0),
            Some(Step::Bottom) => self.select(usize::MAX),
            None => {}
        }
        match command {
            Command::Filter => self.editing = true,
            Command::ClearFilter => self.set_filter(shelf, String::new()),
            Command::CycleSort => {
                self.cycle_sort(shelf);
                return Reply::Status(format!("sorted by {}", self.sort.label()));
            }
            _ => {}
        }
        Reply::Done
    }

    /// The filter prompt owns the keyboard: typing edits the query, which applies at once;
    /// Enter keeps it, Esc clears it, the arrows still move the selection.
    pub fn edit_filter(&mut self, key: Key, shelf: Shelf) {
        let mut input = TextInput::new(self.filter.clone());
        match input.edit(key) {
            Edit::Cancelled => {
                self.editing = false;
                input = TextInput::default();
            }
            Edit::Submitted => self.editing = false,
            Edit::Ignored(key) => match key.code {
                KeyCode::Down => self.move_by(1),
                KeyCode::Up => self.move_by(-1),
                _ => {}
            },
            Edit::Edited => {}
        }
        if input.text() != self.filter {
            self.set_filter(shelf, input.text().to_string());
        }
    }
}
