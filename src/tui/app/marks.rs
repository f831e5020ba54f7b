//! Read marks made many at a time: every article the list shows, and taking that back.

use super::App;
use crate::config::{Command, Context};
use crate::library::ReadState;
use crate::tui::Effect;

impl App {
    /// Marks every article the list shows (under its filter) read, remembering which were
    /// unread so that the next undo gives them back.
    pub(super) fn mark_all_read(&mut self) -> Option<Effect> {
        let newly: Vec<String> = self
            .list
            .visible
            .iter()
            .filter(|&&i| self.read.set_read(&self.articles[i], true))
            .map(|&i| ReadState::key(&self.articles[i]))
            .collect();
        if newly.is_empty() {
            self.status = Some("every article shown is read already".into());
            return None;
        }
        let undo = self
            .keymap
            .hint(Context::List, Command::UndoMarkAllRead)
            .map(|k| format!(" ({k} undoes)"))
            .unwrap_or_default();
        self.status = Some(format!(
            "{} article{} marked read{undo}",
            newly.len(),
            if newly.len() == 1 { "" } else { "s" }
        ));
        self.undo_read = Some(newly);
        self.list.count_unread(shelf!(self));
        Some(Effect::SaveReadState)
    }

    /// Marks unread again the articles the last mark-all-read marked.
    pub(super) fn undo_mark_all_read(&mut self) -> Option<Effect> {
        let Some(keys) = self.undo_read.take() else {
            self.status = Some("no mark-all-read to undo".into());
            return None;
        };
        let given_back = self.read.unmark(&keys);
        self.status = Some(format!(
            "{given_back} article{} unread again",
            if given_back == 1 { "" } else { "s" }
        ));
        self.list.count_unread(shelf!(self));
        Some(Effect::SaveReadState)
    }
}
