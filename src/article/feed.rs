//! Feed files and responses (RSS, Atom, JSON Feed), parsed with `feed-rs`: one article per
//! entry, the entry's HTML turned into plain paragraphs.

use std::path::{Path, PathBuf};

use feed_rs::model::{Entry, Feed};

use super::Article;
use super::html::html_to_text;
use super::parse::{ParseError, Repairs};
use super::web::{RawMeta, assemble};

/// One entry of a feed as an article, with what identifies it across fetches.
#[derive(Debug, Clone)]
pub struct FeedItem {
    /// The entry's guid or id (`feed-rs` derives one when the feed gives none).
    pub id: String,
    pub article: Article,
    pub repairs: Repairs,
    /// True when the entry carried only a summary, not the full text (a full-text fetch of the
    /// linked page can replace it).
    pub summary_only: bool,
}

/// A parsed feed: its title and its entries; entries that hold nothing are listed apart.
#[derive(Debug, Clone, Default)]
pub struct ParsedFeed {
    pub title: String,
    pub items: Vec<FeedItem>,
    /// Entries left out, with the reason.
    pub skipped: Vec<String>,
}

/// Parses feed bytes. Each entry's path is `path#N` (N counting from 1), so read marks and
/// the load log can name it.
pub fn parse_feed(path: &Path, bytes: &[u8]) -> Result<ParsedFeed, ParseError> {
    let feed = feed_rs::parser::parse(bytes)
        .map_err(|e| ParseError::NotAnArticle(format!("not a readable feed: {e}")))?;
    Ok(from_feed(path, &feed))
}

fn from_feed(path: &Path, feed: &Feed) -> ParsedFeed {
    let title = feed
        .title
        .as_ref()
        .map(|t| plain(&t.content))
        .unwrap_or_default();
    let mut parsed = ParsedFeed {
        title: super::sanitize_line(&title),
        ..ParsedFeed::default()
    };
    for (n, entry) in feed.entries.iter().enumerate() {
        let entry_path = PathBuf::from(format!("{}#{}", path.display(), n + 1));
        let (body, summary_only) = match body_of(entry) {
            Ok(found) => found,
            Err(e) => {
                parsed.skipped.push(format!("entry {}: {e}", n + 1));
                continue;
            }
        };
        let meta = RawMeta {
            title: entry
                .title
                .as_ref()
                .map(|t| plain(&t.content))
                .unwrap_or_default(),
            source: title.clone(),
            author: entry
                .authors
                .first()
                .and_then(|p| p.name.clone())
                .unwrap_or_default(),
            url: link_of(entry),
            published: entry.published.or(entry.updated).map(|d| d.to_rfc3339()),
            tags: entry
                .categories
                .iter()
                .map(|c| c.label.clone().unwrap_or_else(|| c.term.clone()))
                .collect(),
        };
        match assemble(&entry_path, &meta, &body) {
            Ok((article, repairs)) => parsed.items.push(FeedItem {
                id: entry.id.clone(),
                article,
                repairs,
                summary_only,
            }),
            Err(e) => parsed.skipped.push(format!("entry {}: {e}", n + 1)),
        }
    }
    parsed
}

/// The entry's text: its full content when it has some, else its summary.
fn body_of(entry: &Entry) -> Result<(String, bool), ParseError> {
    if let Some(body) = entry.content.as_ref().and_then(|c| c.body.as_deref())
        && !body.trim().is_empty()
    {
        return Ok((html_to_text(body)?, false));
    }
    let summary = match &entry.summary {
        Some(s) => html_to_text(&s.content)?,
        None => String::new(),
    };
    Ok((summary, true))
}

/// The page the entry stands for: its alternate link, else its first link.
fn link_of(entry: &Entry) -> String {
    entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(entry.links.first())
        .map(|l| l.href.clone())
        .unwrap_or_default()
}

/// A feed title may itself hold markup or entities.
fn plain(text: &str) -> String {
    if text.contains(['<', '&']) {
        html_to_text(text)
            .map(|t| t.replace('\n', " "))
            .unwrap_or_default()
    } else {
        text.to_string()
    }
}
