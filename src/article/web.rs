//! Articles that arrive as web content: saved pages (HTML) and feed entries.
//!
//! Both end in [`assemble`], which gives them exactly the treatment a text file gets: every field
//! sanitised for the terminal, the body cleaned of scraped junk, the date checked.

use std::path::Path;

use super::clean::clean_body;
use super::parse::{ParseError, Repairs, titled_article};
use super::sanitize::{sanitize, sanitize_line};
use super::{Article, Published};

/// What a page or feed entry says about itself, as found (untrusted, unsanitised).
#[derive(Debug, Default, Clone)]
pub struct RawMeta {
    pub title: String,
    pub source: String,
    pub author: String,
    pub url: String,
    /// A date as the page or feed wrote it (RFC 3339 or `YYYY-MM-DD`).
    pub published: Option<String>,
    pub tags: Vec<String>,
}

/// Builds a safe, clean article from web metadata and plain body text.
pub fn assemble(
    path: &Path,
    meta: &RawMeta,
    body_text: &str,
) -> Result<(Article, Repairs), ParseError> {
    let mut repairs = Repairs::default();
    let (body, removed) = sanitize(body_text);
    repairs.controls_removed = removed;
    let title = sanitize_line(meta.title.trim());
    let (body, cleaned) = clean_body(&body, &title);
    repairs.cleaned = cleaned;
    let mut article = titled_article(path, title, body)?;
    article.source = sanitize_line(meta.source.trim());
    article.author = sanitize_line(meta.author.trim());
    article.url = sanitize_line(meta.url.trim());
    article.tags = meta.tags.iter().map(|t| sanitize_line(t.trim())).collect();
    article.published = meta.published.as_deref().and_then(|d| {
        // Pages write dates many ways; the day is what matters for sorting and comparing.
        Published::parse(d)
            .or_else(|e| {
                d.get(..10)
                    .filter(|day| day.is_char_boundary(10))
                    .map_or(Err(e.clone()), Published::parse)
                    .map_err(|_| e)
            })
            .map_err(|e| {
                repairs
                    .front_matter
                    .push(format!("date ignored: {}", sanitize_line(&e)))
            })
            .ok()
    });
    Ok((article, repairs))
}
