//! What the headless callers and the tests read of the app. Only `update` changes it.

use ratatui::layout::Rect;

use super::App;
use crate::article::Article;
use crate::compare::LibraryTerms;
use crate::config::Key;
use crate::fetch::Progress;
use crate::library::{LoadIssue, ReadState};
use crate::tui::compare::ComparePane;
use crate::tui::list::ListPane;
use crate::tui::reader::ReaderPane;
use crate::tui::{Focus, Overlay};

impl App {
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// The load log.
    pub fn issues(&self) -> &[LoadIssue] {
        &self.issues
    }

    pub fn read(&self) -> &ReadState {
        &self.read
    }

    pub fn list(&self) -> &ListPane {
        &self.list
    }

    pub fn reader(&self) -> &ReaderPane {
        &self.reader
    }

    pub fn focus(&self) -> Focus {
        self.focus
    }

    pub fn overlay(&self) -> Option<Overlay> {
        self.overlay
    }

    /// The message on the left of the status bar.
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

    /// Keys of a sequence typed so far ("g" of "g g").
    pub fn pending(&self) -> &[Key] {
        &self.pending
    }

    /// The terminal area.
    pub fn area(&self) -> Rect {
        self.area
    }

    pub fn should_quit(&self) -> bool {
        self.should_quit
    }

    /// The article marked as the left side of the next comparison.
    pub fn marked(&self) -> Option<usize> {
        self.marked
    }

    /// The open comparison.
    pub fn compare(&self) -> Option<&ComparePane> {
        self.compare.as_ref()
    }

    /// Where a background fetch has got to, while one runs.
    pub fn fetching(&self) -> Option<&Progress> {
        self.fetching.as_ref()
    }

    /// Counts changes to the articles; a library count is for one version.
    pub fn library_version(&self) -> u64 {
        self.library_version
    }

    /// The library's word frequencies, once counted.
    pub fn library_terms(&self) -> Option<&std::sync::Arc<LibraryTerms>> {
        self.library_terms.as_ref()
    }
}
