//! Subscriptions: fetching feeds over HTTP and keeping what they bring as plain files.
//!
//! Everything here is headless: `parallax fetch` and the reader's `r` run the same
//! [`fetch_all`], which reports progress through a callback and never touches the terminal.
//! Fetched items land in the library folder as Markdown files with TOML front matter (the
//! format a user can write by hand), each written atomically.

mod http;
mod run;
mod state;
mod store;

pub use http::{Client, ClientOptions, FetchError, Response};
pub use run::{FeedOutcome, FetchReport, Progress, fetch_all, fetch_full_text};
pub use state::FetchState;
pub use store::{Stored, replace_with_full_text, store_item};

/// A feed the user subscribed to, from a `[[feeds]]` table of the config.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedSource {
    pub url: String,
    /// What to call it in messages and, when the feed has no title, as the source.
    pub name: Option<String>,
    /// Tags given to every article from this feed.
    pub tags: Vec<String>,
}

impl FeedSource {
    /// The name to show for this feed.
    pub fn label(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.url)
    }
}

/// Only these URLs are ever fetched or opened.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("http://") && url.len() > 7)
        || (lower.starts_with("https://") && url.len() > 8)
}
