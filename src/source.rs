//! Where articles come from on the web: the feeds a config subscribes to, and which addresses
//! may be fetched or opened. Both `config` and `fetch` use these, so they live below both.

/// A feed the user subscribed to, from a `[[feeds]]` table of the config.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedSource {
    pub url: String,
    /// What to call it in messages and, when the feed has no title, as the source.
    pub name: Option<String>,
    /// Tags given to every article from this feed.
    pub tags: Vec<String>,
    /// Items read from one fetch of this feed, in the feed's order (newest first in nearly
    /// every feed); the rest are left, and the fetch says so.
    pub max_items: usize,
}

/// Items read from one fetch of a feed unless the config says otherwise
/// (`max_items_per_feed`, or `max_items` in a `[[feeds]]` table). News feeds carry 10 to 100
/// items; a feed of 100,000 would otherwise store 100,000 files.
pub const DEFAULT_MAX_ITEMS_PER_FEED: usize = 500;

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
