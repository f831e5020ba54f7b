//! The library's side of the app: fetching feeds and full texts, opening pages.

use std::path::PathBuf;

use super::App;
use super::messages::{fetch_status, log_key, plural};
use crate::article::Article;
use crate::fetch::Progress;
use crate::tui::reader::ReaderPane;
use crate::tui::{Effect, FetchDone};

impl App {
    /// The web address of the selected article, when it has one that may be opened or
    /// fetched; otherwise says why not in the status bar.
    pub(super) fn selected_url(&mut self) -> Option<String> {
        let index = self.list.selected_article()?;
        let url = self.articles[index].url.clone();
        if crate::fetch::is_web_url(&url) {
            Some(url)
        } else {
            self.status = Some(if url.is_empty() {
                "this article has no web address".into()
            } else {
                format!("only http and https addresses are opened, not {url}")
            });
            None
        }
    }

    /// Starts a background fetch of every feed, unless one runs or there is nothing to fetch.
    pub(super) fn start_fetch(&mut self) -> Option<Effect> {
        if let Some(progress) = &self.fetching {
            self.status = Some(format!("already {}", fetch_status(progress)));
            return None;
        }
        if self.feeds == 0 {
            self.status = Some("no feeds to fetch: add [[feeds]] tables to the config".into());
            return None;
        }
        let progress = Progress {
            total: self.feeds,
            ..Progress::default()
        };
        self.status = Some(fetch_status(&progress));
        self.fetching = Some(progress);
        Some(Effect::FetchFeeds)
    }

    /// The articles changed: what was counted over them is out of date, and is counted again.
    pub(super) fn articles_changed(&mut self) -> Effect {
        // New articles change what is most similar to what.
        self.fingerprints = None;
        self.library_version += 1;
        Effect::CountLibrary
    }

    /// Adds what a fetch stored to the library and says how it went.
    pub(super) fn on_fetch_done(&mut self, done: FetchDone) -> Option<Effect> {
        self.fetching = None;
        let new = done.articles.len();
        if self.showing_samples && new > 0 {
            // Indices into the old library mean nothing now.
            self.articles.clear();
            self.marked = None;
            self.compare = None;
            self.comparing = None;
            self.reader = ReaderPane::default();
            self.showing_samples = false;
        }
        let known: std::collections::HashSet<PathBuf> =
            self.articles.iter().map(|a| a.path.clone()).collect();
        self.articles.extend(
            done.articles
                .into_iter()
                .filter(|a| !known.contains(&a.path)),
        );
        self.issues.extend(done.issues);
        self.list.reload(shelf!(self));
        let effect = (new > 0).then(|| self.articles_changed());
        let log = log_key(&self.keymap);
        let mut text = format!(
            "fetched {}: {}",
            plural(done.feeds, "feed"),
            plural(new, "new article")
        );
        if done.failed > 0 {
            text.push_str(&format!("; {} failed ({log}: log)", done.failed));
        }
        self.status = Some(text);
        effect
    }

    /// Starts fetching the full text of the selected article, when it is a stored
    /// summary-only item with a web address.
    pub(super) fn start_full_text(&mut self) -> Option<Effect> {
        let url = self.selected_url()?;
        let index = self.list.selected_article()?;
        let path = self.articles[index].path.clone();
        let stored_file = path.extension().is_some_and(|e| e == "md") && path.is_file();
        if !stored_file {
            self.status =
                Some("full text replaces a stored article: this one is not a Markdown file".into());
            return None;
        }
        self.status = Some(format!("fetching the full text of {url}"));
        Some(Effect::FullText { path, url })
    }

    pub(super) fn on_full_text(
        &mut self,
        path: &std::path::Path,
        result: Result<Article, String>,
    ) -> Option<Effect> {
        match result {
            Ok(article) => {
                self.status = Some("full text stored".into());
                let index = self.articles.iter().position(|a| a.path == path)?;
                self.articles[index] = article;
                self.reader.invalidate();
                self.list.reload(shelf!(self));
                Some(self.articles_changed())
            }
            Err(e) => {
                self.status = Some(format!("full text not fetched: {e}"));
                None
            }
        }
    }
}
