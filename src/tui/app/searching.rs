//! The search prompt (`/`): what is typed searches the article being read, or the comparison,
//! at once; Enter keeps the search for n/N, Esc ends it.

use super::App;
use crate::config::Key;
use crate::tui::text_input::{Edit, TextInput};

impl App {
    /// Opens the search prompt for the pane that has the keyboard.
    pub(super) fn start_search(&mut self) {
        self.search_prompt = Some(TextInput::default());
        self.set_search("");
    }

    /// The query typed at the search prompt, while it is open.
    pub fn search_prompt(&self) -> Option<&str> {
        self.search_prompt.as_ref().map(TextInput::text)
    }

    /// A key typed at the search prompt.
    pub(super) fn edit_search(&mut self, key: Key) {
        let Some(input) = self.search_prompt.as_mut() else {
            return;
        };
        match input.edit(key) {
            Edit::Cancelled => {
                self.search_prompt = None;
                self.set_search("");
                self.status = Some("search ended".into());
            }
            Edit::Submitted => {
                self.search_prompt = None;
                self.status = self.search_status();
            }
            Edit::Edited => {
                let query = input.text().to_string();
                self.set_search(&query);
                self.status = self.search_status();
            }
            Edit::Ignored(_) => {}
        }
    }

    /// Searches the comparison when one is open, else the article being read, and shows the
    /// first match; an empty query ends the search.
    pub(super) fn set_search(&mut self, query: &str) {
        if self.compare.is_some() {
            let height = self.compare_height();
            if let Some(pane) = self.compare.as_mut() {
                pane.search_for(query);
                pane.reveal_match(height);
            }
        } else {
            let height = self.reader_height();
            self.reader.search_for(query);
            self.reader.reveal_match(height);
        }
    }

    /// "\"ferry\": 3 of 12" for the search of the pane that has the keyboard.
    fn search_status(&self) -> Option<String> {
        let search = match &self.compare {
            Some(pane) => pane.search.as_ref(),
            None => self.reader.search.as_ref(),
        };
        search.map(|s| s.status())
    }
}
