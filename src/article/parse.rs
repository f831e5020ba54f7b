//! Turning the text of a file into an [`Article`].

use std::path::Path;

use super::clean::{CleanReport, TopLine, clean_body, top_line};
use super::sanitize::{sanitize, sanitize_line};
use super::{Article, Format, Published};

/// Why a file could not become an article at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// Nothing but white space (or junk) in the file.
    Empty,
    /// A page or feed that holds no article, with the reason.
    NotAnArticle(String),
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ParseError::Empty => f.write_str("empty file (no title or text)"),
            ParseError::NotAnArticle(why) => f.write_str(why),
        }
    }
}

/// What was repaired while parsing a file that still loaded; each becomes a line in the load log.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Repairs {
    /// Control characters and escape sequences removed.
    pub controls_removed: usize,
    /// Junk removed by the cleaning rules.
    pub cleaned: CleanReport,
    /// Front matter problems, with `line:column` where there is one; the body still loaded.
    pub front_matter: Vec<String>,
}

/// Parses the text of a file into an article, cleaning it and noting what was repaired.
///
/// `.txt`: the first non-empty line is the title, the rest the body. `.md`: optional TOML front
/// matter between `+++` lines (title, source, url, published, author, tags; other fields are kept
/// in the file and ignored here); without a title there, the first line is the title.
pub fn parse_article(
    path: &Path,
    text: &str,
    format: Format,
) -> Result<(Article, Repairs), ParseError> {
    let mut repairs = Repairs::default();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (front, body_text) = match format {
        Format::Md => split_front_matter(text),
        // Pages and feeds have parsers of their own; as text they are read plainly.
        Format::Txt | Format::Html | Format::Feed => (None, text),
    };

    let mut meta = FrontMatter::default();
    if let Some((front, offset_lines)) = front {
        meta = parse_front_matter(front, offset_lines, &mut repairs.front_matter);
    }

    let (body, removed) = sanitize(body_text);
    repairs.controls_removed = removed;

    let mut title = meta.title.as_deref().map(sanitize_line).unwrap_or_default();
    let mut body_start: &str = &body;
    if title.is_empty() {
        let (line, rest) = headline_and_rest(&body);
        title = sanitize_line(line.trim().trim_start_matches('#'));
        body_start = rest;
    }
    let title = undouble_title(&title);

    let (body, cleaned) = clean_body(body_start, &title);
    repairs.cleaned = cleaned;
    let mut article = titled_article(path, title, body)?;
    article.source = meta
        .source
        .as_deref()
        .map(sanitize_line)
        .unwrap_or_default();
    article.author = meta
        .author
        .as_deref()
        .map(sanitize_line)
        .unwrap_or_default();
    article.url = meta.url.as_deref().map(sanitize_line).unwrap_or_default();
    article.published = meta.published;
    article.tags = meta.tags.iter().map(|t| sanitize_line(t)).collect();
    Ok((article, repairs))
}

/// The title of an article that has none of its own.
pub const UNTITLED: &str = "(untitled)";

/// An article from a cleaned title and body: nothing at all is an empty file, a body without a
/// title is "(untitled)".
pub(crate) fn titled_article(
    path: &Path,
    title: String,
    body: String,
) -> Result<Article, ParseError> {
    if title.is_empty() && body.is_empty() {
        return Err(ParseError::Empty);
    }
    let title = if title.is_empty() {
        UNTITLED.to_string()
    } else {
        title
    };
    Ok(Article::new(path.to_path_buf(), title, body))
}

/// The headline and the text after it: the first line with a letter in it (lines of only digits
/// before it are scraped counters), passing over section labels and menus above a headline, and
/// taking a breadcrumb's last item when the breadcrumb ends in the headline.
fn headline_and_rest(body: &str) -> (&str, &str) {
    let lines: Vec<(&str, usize)> = body
        .split_inclusive('\n')
        .scan(0, |end, line| {
            *end += line.len();
            Some((line, *end))
        })
        .filter(|(line, _)| line.chars().any(char::is_alphabetic))
        .collect();
    for (k, &(line, end)) in lines.iter().enumerate() {
        match top_line(line) {
            TopLine::Chrome if k + 1 < lines.len() => continue,
            // One word is passed over only when more page chrome follows it: a one-word title
            // above the text is still the title.
            TopLine::Label
                if lines
                    .get(k + 1)
                    .is_some_and(|(next, _)| top_line(next) != TopLine::Text) =>
            {
                continue;
            }
            TopLine::Headline(headline) => return (headline, &body[end..]),
            _ => return (line, &body[end..]),
        }
    }
    lines
        .first()
        .map_or(("", ""), |&(line, end)| (line, &body[end..]))
}

/// A title scraped twice in a row ("NewsNews") is shown once.
fn undouble_title(title: &str) -> String {
    let (cleaned, report) = clean_body(title, "");
    if report.doubled_lines > 0 {
        cleaned
    } else {
        title.to_string()
    }
}

/// Splits `+++` front matter from the rest; returns it with the line number where it starts.
pub(crate) fn split_front_matter(text: &str) -> (Option<(&str, usize)>, &str) {
    let Some(first_line_end) = text.find('\n') else {
        return (None, text);
    };
    if text[..first_line_end].trim_end() != "+++" {
        return (None, text);
    }
    let after = &text[first_line_end + 1..];
    let mut offset = 0;
    for line in after.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            let front = &after[..offset];
            let rest = &after[offset + line.len()..];
            return (Some((front, 2)), rest);
        }
        offset += line.len();
    }
    // No closing marker: treat the whole file as body rather than lose it.
    (None, text)
}

#[derive(Default)]
struct FrontMatter {
    title: Option<String>,
    source: Option<String>,
    author: Option<String>,
    url: Option<String>,
    published: Option<Published>,
    tags: Vec<String>,
}

/// Reads the known fields; a wrong type or bad date is reported and that field left out.
fn parse_front_matter(front: &str, first_line: usize, problems: &mut Vec<String>) -> FrontMatter {
    let mut meta = FrontMatter::default();
    let table: toml::Table = match front.parse() {
        Ok(t) => t,
        Err(e) => {
            let at = e
                .span()
                .map(|s| {
                    let (l, c) = line_col(front, s.start);
                    format!("{}:{}: ", l + first_line - 1, c)
                })
                .unwrap_or_default();
            problems.push(format!("{at}front matter ignored: {}", e.message()));
            return meta;
        }
    };
    let string_field = |key: &str, problems: &mut Vec<String>| -> Option<String> {
        match table.get(key)? {
            toml::Value::String(s) => Some(s.clone()),
            other => {
                problems.push(format!(
                    "front matter `{key}` should be a string, found {}",
                    other.type_str()
                ));
                None
            }
        }
    };
    meta.title = string_field("title", problems);
    meta.source = string_field("source", problems);
    meta.author = string_field("author", problems);
    meta.url = string_field("url", problems);
    meta.published = match table.get("published").or_else(|| table.get("date")) {
        None => None,
        Some(toml::Value::String(s)) => Published::parse(s)
            .map_err(|e| problems.push(format!("front matter `published`: {e}")))
            .ok(),
        Some(toml::Value::Datetime(dt)) => Published::from_toml(dt)
            .map_err(|e| problems.push(format!("front matter `published`: {e}")))
            .ok(),
        Some(other) => {
            problems.push(format!(
                "front matter `published` should be a date, found {}",
                other.type_str()
            ));
            None
        }
    };
    meta.tags = match table.get("tags") {
        None => Vec::new(),
        Some(toml::Value::Array(items)) => items
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        Some(toml::Value::String(s)) => s
            .split(',')
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect(),
        Some(other) => {
            problems.push(format!(
                "front matter `tags` should be a list of strings, found {}",
                other.type_str()
            ));
            Vec::new()
        }
    };
    meta
}

/// 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..text.floor_char_boundary(offset)];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str, format: Format) -> (Article, Repairs) {
        parse_article(Path::new("t"), text, format).unwrap()
    }

    #[test]
    fn a_breadcrumb_or_section_label_above_the_headline_is_not_the_title() {
        let text =
            "World\n\nHome » Port Talks: Crane Crews Back a Deal\n\nThe crews voted on Friday.\n";
        let (a, _) = parse_article(Path::new("a.txt"), text, Format::Txt).unwrap();
        assert_eq!(a.title, "Port Talks: Crane Crews Back a Deal");
        assert_eq!(a.body, "The crews voted on Friday.");
    }

    #[test]
    fn txt_first_non_empty_line_is_the_title() {
        let (a, _) = parse(
            "\n\n  Storm Closes Port  \n\nFirst paragraph.\n\nSecond.",
            Format::Txt,
        );
        assert_eq!(a.title, "Storm Closes Port");
        assert_eq!(a.body, "First paragraph.\n\nSecond.");
        assert_eq!(a.word_count, 3);
    }

    #[test]
    fn md_front_matter_fills_metadata_and_keeps_unknown_fields_out_of_the_body() {
        let text = "+++\ntitle = \"Port Closed\"\nsource = \"Harbour Wire\"\npublished = 2026-03-04\nauthor = \"Ana Petrov\"\ntags = [\"port\", \"storm\"]\nmood = \"grim\"\n+++\n\nBody here.\n";
        let (a, r) = parse(text, Format::Md);
        assert_eq!(a.title, "Port Closed");
        assert_eq!(a.source, "Harbour Wire");
        assert_eq!(a.published.unwrap().to_string(), "2026-03-04");
        assert_eq!(a.tags, ["port", "storm"]);
        assert_eq!(a.body, "Body here.");
        assert!(r.front_matter.is_empty());
    }

    #[test]
    fn md_accepts_quoted_rfc3339_dates() {
        let (a, _) = parse(
            "+++\ntitle = \"T\"\npublished = \"2026-03-04T08:00:00Z\"\n+++\nB",
            Format::Md,
        );
        assert_eq!(a.published.unwrap().to_string(), "2026-03-04");
    }

    #[test]
    fn md_without_front_matter_uses_heading_as_title() {
        let (a, _) = parse("# A Heading\n\nText.", Format::Md);
        assert_eq!(a.title, "A Heading");
        assert_eq!(a.body, "Text.");
    }

    #[test]
    fn broken_front_matter_is_reported_with_its_line_and_the_body_still_loads() {
        let (a, r) = parse(
            "+++\ntitle = \"ok\"\nsource = \n+++\nTitle Line\nBody.",
            Format::Md,
        );
        assert_eq!(a.title, "Title Line");
        assert_eq!(a.body, "Body.");
        assert_eq!(r.front_matter.len(), 1);
        assert!(r.front_matter[0].starts_with("3:"), "{:?}", r.front_matter);
    }

    #[test]
    fn wrong_types_are_reported_and_skipped() {
        let (a, r) = parse(
            "+++\ntitle = 5\npublished = \"soon\"\n+++\nReal Title\nx",
            Format::Md,
        );
        assert_eq!(a.title, "Real Title");
        assert_eq!(r.front_matter.len(), 2);
    }

    #[test]
    fn empty_files_are_errors() {
        assert_eq!(
            parse_article(Path::new("e"), "  \n\n ", Format::Txt).unwrap_err(),
            ParseError::Empty
        );
        assert_eq!(
            parse_article(Path::new("e"), "0\n1\n", Format::Txt).unwrap_err(),
            ParseError::Empty
        );
    }

    #[test]
    fn doubled_title_is_shown_once() {
        let (a, _) = parse(
            "Mayor Resigns Over FundsMayor Resigns Over Funds\nBody.",
            Format::Txt,
        );
        assert_eq!(a.title, "Mayor Resigns Over Funds");
    }

    #[test]
    fn escape_sequences_in_title_and_body_are_removed() {
        let (a, r) = parse(
            "\x1b]0;owned\x07Safe \x1b[31mTitle\n\nBody\x1b[2J text.",
            Format::Txt,
        );
        assert_eq!(a.title, "Safe Title");
        assert_eq!(a.body, "Body text.");
        assert!(r.controls_removed > 0);
    }

    #[test]
    fn line_col_counts_from_one() {
        assert_eq!(line_col("ab\ncd", 0), (1, 1));
        assert_eq!(line_col("ab\ncd", 4), (2, 2));
    }
}
