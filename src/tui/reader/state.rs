use crate::article::Article;
use crate::tui::search::Search;

/// How a laid-out line is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Title,
    Meta,
    /// The article's web address (a link, where the terminal shows them).
    Link,
    Blank,
    Body,
}

/// One screen line of the reading pane, already wrapped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderLine {
    pub kind: LineKind,
    pub text: String,
}

/// The article being read, its scroll position, and its layout for the current width.
///
/// Wrapping a long article costs time, so the layout is computed once per article and width
/// and kept; drawing a frame only slices the visible lines out of it.
#[derive(Debug, Clone, Default)]
pub struct ReaderPane {
    pub article: Option<usize>,
    pub scroll: usize,
    layout_key: Option<(usize, u16)>,
    lines: Vec<ReaderLine>,
    /// Where the article's `Link` lines point: its URL, percent-encoded, when it is http(s).
    link: Option<String>,
    /// The search in this article, while there is one (`/`).
    pub search: Option<Search>,
}

impl ReaderPane {
    /// Shows an article from the top (no-op when it is already shown).
    pub fn show(&mut self, article: Option<usize>) {
        if self.article != article {
            self.article = article;
            self.scroll = 0;
            self.search = None;
        }
    }

    /// Forgets the cached layout (the shown article's text changed).
    pub fn invalidate(&mut self) {
        self.layout_key = None;
    }

    /// Lays out the shown article for `width` columns unless that layout is already cached.
    pub fn ensure_layout(&mut self, articles: &[Article], width: u16) {
        let Some(index) = self.article else {
            self.lines.clear();
            self.link = None;
            self.layout_key = None;
            return;
        };
        if self.layout_key == Some((index, width)) {
            return;
        }
        self.lines = layout(&articles[index], usize::from(width.max(1)));
        self.link = crate::tui::hyperlink::link_target(&articles[index].url);
        self.layout_key = Some((index, width));
        // The same query over the new lines, from where the reader is.
        if let Some(query) = self.search.as_ref().map(|s| s.query().to_string()) {
            self.search_for(&query);
        }
    }

    /// Searches the article for `query` (every match, ignoring case), starting from the top
    /// line on screen; an empty query ends the search.
    pub fn search_for(&mut self, query: &str) {
        self.search = (!query.is_empty()).then(|| {
            let lines = self.lines.iter().enumerate();
            Search::new(
                query,
                lines.map(|(i, l)| (i, 0, l.text.as_str())),
                self.scroll,
            )
        });
    }

    /// Moves to the next (or previous) match and scrolls it into a view of `height` rows.
    pub fn step_search(&mut self, forward: bool, height: usize) {
        if let Some(search) = self.search.as_mut() {
            search.step(forward);
        }
        self.reveal_match(height);
    }

    /// Scrolls so that the current match is on screen.
    pub fn reveal_match(&mut self, height: usize) {
        if let Some(search) = &self.search {
            self.scroll = search.scroll_to_show(self.scroll, height, self.max_scroll(height));
        }
    }

    /// The target of the article's `Link` lines, when its URL is a web address.
    pub fn link(&self) -> Option<&str> {
        self.link.as_deref()
    }

    /// The laid-out lines (empty until [`Self::ensure_layout`] ran).
    pub fn lines(&self) -> &[ReaderLine] {
        &self.lines
    }

    /// Scrolls by `delta` lines within a view of `height` rows.
    pub fn scroll_by(&mut self, delta: isize, height: usize) {
        self.scroll = self
            .scroll
            .saturating_add_signed(delta)
            .min(self.max_scroll(height));
    }

    /// Jumps to the end.
    pub fn scroll_to_end(&mut self, height: usize) {
        self.scroll = self.max_scroll(height);
    }

    /// Keeps the scroll position valid after a resize.
    pub fn clamp(&mut self, height: usize) {
        self.scroll = self.scroll.min(self.max_scroll(height));
    }

    fn max_scroll(&self, height: usize) -> usize {
        self.lines.len().saturating_sub(height.max(1))
    }
}

/// Wraps the header and every paragraph of the body to `width`.
fn layout(article: &Article, width: usize) -> Vec<ReaderLine> {
    let mut lines = Vec::new();
    let push_wrapped = |kind: LineKind, text: &str, lines: &mut Vec<ReaderLine>| {
        for piece in textwrap::wrap(text, width) {
            lines.push(ReaderLine {
                kind,
                text: piece.into_owned(),
            });
        }
    };
    push_wrapped(LineKind::Title, &article.title, &mut lines);
    let mut meta = Vec::new();
    if !article.source.is_empty() {
        meta.push(article.source.clone());
    }
    if !article.author.is_empty() {
        meta.push(format!("by {}", article.author));
    }
    if let Some(date) = article.published {
        meta.push(date.to_string());
    }
    meta.push(format!("{} words", article.word_count));
    push_wrapped(LineKind::Meta, &meta.join(" · "), &mut lines);
    if !article.tags.is_empty() {
        let tags = crate::article::sanitize_line(&article.tags.join(", "));
        push_wrapped(LineKind::Meta, &format!("tags: {tags}"), &mut lines);
    }
    if !article.url.is_empty() {
        push_wrapped(LineKind::Link, &article.url, &mut lines);
    }
    // Which file this is: two reports of one event often share a title.
    let path = crate::article::sanitize_line(&article.path.display().to_string());
    push_wrapped(LineKind::Meta, &path, &mut lines);
    lines.push(ReaderLine {
        kind: LineKind::Blank,
        text: String::new(),
    });
    for (i, paragraph) in article.paragraphs().enumerate() {
        if i > 0 {
            lines.push(ReaderLine {
                kind: LineKind::Blank,
                text: String::new(),
            });
        }
        for line in paragraph.lines() {
            let line = line.replace('\t', "    ");
            push_wrapped(LineKind::Body, &line, &mut lines);
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    fn article(body: &str) -> Vec<Article> {
        vec![Article::new("p".into(), "A Title".into(), body.into())]
    }

    #[test]
    fn wraps_to_width_and_keeps_paragraphs() {
        let arts = article("one two three four five six seven\n\nsecond paragraph");
        let mut pane = ReaderPane::default();
        pane.show(Some(0));
        pane.ensure_layout(&arts, 10);
        let body: Vec<_> = pane
            .lines()
            .iter()
            .filter(|l| l.kind != LineKind::Title && l.kind != LineKind::Meta)
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(
            body,
            [
                "",
                "one two",
                "three four",
                "five six",
                "seven",
                "",
                "second",
                "paragraph"
            ]
        );
        assert!(pane.lines().iter().all(|l| l.text.width() <= 10));
    }

    #[test]
    fn rewraps_only_when_width_or_article_changes() {
        let arts = article("word ".repeat(100).trim());
        let mut pane = ReaderPane::default();
        pane.show(Some(0));
        pane.ensure_layout(&arts, 20);
        let narrow = pane.lines().len();
        pane.ensure_layout(&arts, 80);
        assert!(pane.lines().len() < narrow);
    }

    #[test]
    fn scrolling_is_clamped() {
        let arts = article(&"line\n".repeat(50));
        let mut pane = ReaderPane::default();
        pane.show(Some(0));
        pane.ensure_layout(&arts, 40);
        pane.scroll_by(-3, 10);
        assert_eq!(pane.scroll, 0);
        pane.scroll_by(1000, 10);
        assert_eq!(pane.scroll, pane.lines().len() - 10);
    }

    #[test]
    fn the_header_shows_the_tags_without_control_characters() {
        let mut arts = article("Body.");
        arts[0].tags = vec!["harbour".into(), "val\x1b[31mmora".into()];
        let mut pane = ReaderPane::default();
        pane.show(Some(0));
        pane.ensure_layout(&arts, 60);
        let tags: Vec<&str> = pane
            .lines()
            .iter()
            .filter(|l| l.kind == LineKind::Meta && l.text.starts_with("tags: "))
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(tags.len(), 1);
        assert!(tags[0].starts_with("tags: harbour, val"), "{tags:?}");
        assert!(!tags[0].contains('\x1b'));
    }
}
