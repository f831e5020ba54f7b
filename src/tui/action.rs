use std::path::PathBuf;

use crate::article::Article;
use crate::config::Key;
use crate::fetch::Progress;
use crate::library::LoadIssue;

/// Everything the loop feeds into [`super::App::update`].
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A key press, resolved through the keymap inside `update` (so sequences and the filter
    /// prompt share one place).
    Key(Key),
    /// The time now, given by the loop before the input it reads: `update` reads no clock.
    Now(std::time::SystemTime),
    /// The terminal changed size.
    Resize { width: u16, height: u16 },
    /// The mouse wheel turned over a cell.
    Scroll { column: u16, row: u16, down: bool },
    /// A left click on a cell.
    Click { column: u16, row: u16 },
    /// The read marks were written (or not, with the reason).
    StateSaved(Result<(), String>),
    /// A comparison was exported (to this path, or not, with the reason).
    Exported(Result<std::path::PathBuf, String>),
    /// A background fetch finished another feed.
    FetchProgress(Progress),
    /// A background fetch is over.
    FetchDone(FetchDone),
    /// A full-text fetch is over: the article stored at `path` now reads like this, or why not.
    FullTextDone {
        path: PathBuf,
        result: Result<Article, String>,
    },
    /// The browser was started for a URL, or why not.
    Opened(Result<String, String>),
    /// A comparison computed in the background for the pair of article indices, by `tier`.
    Compared {
        pair: (usize, usize),
        tier: crate::compare::Tier,
        comparison: Box<crate::compare::Comparison>,
    },
    /// The library's word frequencies were counted, for the library as it was at `version`.
    LibraryCounted {
        version: u64,
        terms: std::sync::Arc<crate::compare::LibraryTerms>,
    },
}

/// What a finished fetch brings back to the reader.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FetchDone {
    /// The newly stored articles, loaded.
    pub articles: Vec<Article>,
    /// Feed failures and item problems, for the log.
    pub issues: Vec<LoadIssue>,
    pub feeds: usize,
    pub failed: usize,
}

/// Work `update` asks the loop to do, so `update` itself stays free of I/O. Slow work
/// (network) runs on a thread and reports back through actions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write the read marks to disk.
    SaveReadState,
    /// Write this Markdown to this file (atomically).
    Export {
        path: std::path::PathBuf,
        markdown: String,
    },
    /// Fetch every subscribed feed in the background.
    FetchFeeds,
    /// Fetch the page behind a stored summary-only article and store its full text.
    FullText { path: PathBuf, url: String },
    /// Open a web page in the browser.
    OpenUrl(String),
    /// Compare two articles (by index): with the fast tier to open the pane, or a shown pair
    /// again with the deep tier to refine it in place. `at_once` (short articles) is done
    /// before the next frame; otherwise in the background. The result comes back as
    /// [`Action::Compared`].
    Compare {
        left: usize,
        right: usize,
        tier: crate::compare::Tier,
        at_once: bool,
    },
    /// Count the library's word frequencies in the background (comparisons weigh words common
    /// across the library less).
    CountLibrary,
}
