//! Saved web pages: the article is found with a readability-style extractor (`dom_smoothie`),
//! so navigation, ads, comments and scripts stay out of the body, and the metadata comes from
//! the page's JSON-LD and og:/article: meta tags.

use std::path::Path;

use dom_smoothie::{Config, Readability, TextMode};

use super::Article;
use super::depth::{MAX_DEPTH, nesting_depth};
use super::parse::{ParseError, Repairs};
use super::web::{RawMeta, assemble};

/// Extracts the article of a whole HTML page. `page_url`, when known, resolves relative links
/// and stands in for a page that names no canonical URL.
pub fn parse_html_page(
    path: &Path,
    html: &str,
    page_url: Option<&str>,
) -> Result<(Article, Repairs), ParseError> {
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    refuse_deep(html)?;
    let page_url = page_url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let document = dom_query::Document::from(html);
    let canonical = canonical_url(&document);
    let mut reader = Readability::with_document(document, page_url, Some(config))
        .map_err(|e| ParseError::NotAnArticle(e.to_string()))?;
    let found = reader
        .parse()
        .map_err(|e| ParseError::NotAnArticle(format!("no article found in the page ({e})")))?;
    let meta = RawMeta {
        title: found.title.clone(),
        source: found.site_name.clone().unwrap_or_default(),
        author: found.byline.clone().unwrap_or_default(),
        url: canonical
            .or_else(|| found.url.clone())
            .or_else(|| page_url.map(str::to_string))
            .unwrap_or_default(),
        published: found.published_time.clone(),
        tags: Vec::new(),
    };
    let mut body = paragraphs(&found.text_content);
    // The byline is metadata; as the body's first line it would only be noise to compare.
    if let Some(author) = found.byline.as_deref()
        && let Some(first) = body.lines().next()
        && first
            .strip_prefix("By ")
            .is_some_and(|a| a.trim() == author.trim())
    {
        body = body[first.len()..].trim_start().to_string();
    }
    assemble(path, &meta, &body)
}

/// The page's own address: `<link rel="canonical">`, else `og:url`; only http(s) ones.
fn canonical_url(document: &dom_query::Document) -> Option<String> {
    let candidates = [
        document.select(r#"link[rel="canonical"]"#).attr("href"),
        document
            .select(r#"meta[property="og:url"]"#)
            .attr("content"),
    ];
    candidates
        .into_iter()
        .flatten()
        .map(|u| u.trim().to_string())
        .find(|u| u.starts_with("https://") || u.starts_with("http://"))
}

/// Plain text of an HTML fragment (a feed entry's content), paragraphs kept apart by a blank
/// line. Markup is parsed by a real HTML parser, so entities, comments and scripts are handled.
pub fn html_to_text(fragment: &str) -> Result<String, ParseError> {
    refuse_deep(fragment)?;
    let doc = dom_query::Document::fragment(fragment);
    doc.select("script, style, noscript, iframe, template")
        .remove();
    Ok(paragraphs(&doc.formatted_text()))
}

/// Hostile markup nested thousands deep would keep the parser busy for minutes.
fn refuse_deep(html: &str) -> Result<(), ParseError> {
    if nesting_depth(html, MAX_DEPTH) > MAX_DEPTH {
        return Err(ParseError::NotAnArticle(format!(
            "HTML nested more than {MAX_DEPTH} levels deep; not parsed"
        )));
    }
    Ok(())
}

/// Normalises extracted text: trims each line, and leaves exactly one blank line between
/// paragraphs.
fn paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        out.push_str(line);
        blank = false;
    }
    out
}
