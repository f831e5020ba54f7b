//! Fetched items as files: one Markdown file with TOML front matter per item, in the library
//! folder, written atomically, named so the same item always gets the same file.

use std::hash::Hasher;
use std::io;
use std::path::{Path, PathBuf};

use rustc_hash::FxHasher;

use crate::article::Article;
use crate::library::{write_atomically, write_new_atomically};

/// Where an item was stored, or that it was already there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stored {
    New(PathBuf),
    AlreadyThere(PathBuf),
}

/// Writes `article` into `dir` unless a file for the same item (by `key`, its guid or URL)
/// exists, or another writer creates it first. `feed` and `summary_only` are kept in the front
/// matter for later full-text fetches.
pub fn store_item(
    dir: &Path,
    article: &Article,
    key: &str,
    feed: &str,
    summary_only: bool,
) -> io::Result<Stored> {
    let path = dir.join(file_name(article, key));
    let text = render(article, key, feed, summary_only);
    if write_new_atomically(&path, text.as_bytes())? {
        Ok(Stored::New(path))
    } else {
        Ok(Stored::AlreadyThere(path))
    }
}

/// Replaces a stored item's text with the full article fetched from its page, keeping what
/// the feed said about it (guid, feed, tags, date when the page gives none).
pub fn replace_with_full_text(path: &Path, stored: &Article, full: &Article) -> io::Result<()> {
    let text = std::fs::read_to_string(path)?;
    let table = front_matter(&text).unwrap_or_default();
    let key = table
        .get("guid")
        .and_then(toml::Value::as_str)
        .unwrap_or(&stored.url)
        .to_string();
    let feed = table
        .get("feed")
        .and_then(toml::Value::as_str)
        .unwrap_or_default()
        .to_string();
    let mut merged = full.clone();
    if merged.published.is_none() {
        merged.published = stored.published;
    }
    if merged.source.is_empty() {
        merged.source.clone_from(&stored.source);
    }
    merged.tags.clone_from(&stored.tags);
    write_atomically(path, render(&merged, &key, &feed, false).as_bytes())
}

/// The front matter of a stored item, as a table.
fn front_matter(text: &str) -> Option<toml::Table> {
    let (front, _) = crate::article::split_front_matter(text);
    front?.0.parse().ok()
}

/// `2026-10-14-ferry-service-to-lindholm-1a2b3c4d.md`: readable, and stable for one item.
fn file_name(article: &Article, key: &str) -> String {
    let mut h = FxHasher::default();
    h.write(key.as_bytes());
    let hash = h.finish() as u32;
    let date = article
        .published
        .map(|p| format!("{:04}-{:02}-{:02}-", p.year, p.month, p.day))
        .unwrap_or_default();
    let mut slug = String::new();
    for c in article.title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.len() >= 48 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    format!("{date}{slug}-{hash:08x}.md")
}

fn render(article: &Article, key: &str, feed: &str, summary_only: bool) -> String {
    let mut table = toml::Table::new();
    let mut put = |k: &str, v: &str| {
        if !v.is_empty() {
            table.insert(k.into(), toml::Value::String(v.into()));
        }
    };
    put("title", &article.title);
    put("source", &article.source);
    put("author", &article.author);
    put("url", &article.url);
    if let Some(p) = article.published {
        put(
            "published",
            &format!("{:04}-{:02}-{:02}", p.year, p.month, p.day),
        );
    }
    put("guid", key);
    put("feed", feed);
    if !article.tags.is_empty() {
        table.insert(
            "tags".into(),
            toml::Value::Array(
                article
                    .tags
                    .iter()
                    .map(|t| toml::Value::String(t.clone()))
                    .collect(),
            ),
        );
    }
    if summary_only {
        table.insert("summary_only".into(), toml::Value::Boolean(true));
    }
    let front = toml::to_string(&table).unwrap_or_default();
    format!("+++\n{front}+++\n\n{}\n", article.body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_item_gets_the_same_file_and_is_not_written_twice() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = Article::new("x".into(), "Ferry off: ten days!".into(), "Body.".into());
        a.url = "https://gazette.example/a".into();
        let first = store_item(dir.path(), &a, "guid-1", "Gazette", true).unwrap();
        let Stored::New(path) = first else {
            panic!("{first:?}")
        };
        assert!(
            path.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("ferry-off-ten-days-")
        );
        let again = store_item(dir.path(), &a, "guid-1", "Gazette", true).unwrap();
        assert_eq!(again, Stored::AlreadyThere(path.clone()));
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("+++\n") && text.contains("guid = \"guid-1\""));
        assert!(text.contains("summary_only = true"));
    }
}
