//! The list filter's small query language. Plain words match title, source or body, ignoring
//! case; terms narrow further: `source:NAME`, `tag:NAME`, `unread`, `read`, `since:2d` or
//! `since:2026-11-01`, `before:…`, `"an exact phrase"`, and `-term` for "not". Every term must
//! hold. A term that does not parse is left out, and the query says where and why, so the
//! rest still applies while the user fixes it.

use crate::article::{Article, Published};

use super::query::contains_ignore_case;

/// A parsed filter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    terms: Vec<Term>,
    problems: Vec<QueryProblem>,
}

/// A term that was left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryProblem {
    /// 1-based column (in characters) where the term starts.
    pub column: usize,
    pub message: String,
}

impl std::fmt::Display for QueryProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "column {}: {}", self.column, self.message)
    }
}

#[derive(Debug, Clone, PartialEq)]
struct Term {
    negated: bool,
    test: Test,
}

#[derive(Debug, Clone, PartialEq)]
enum Test {
    /// Lower-cased text found in the title, source or body.
    Text(String),
    /// Lower-cased text found in the source's name.
    Source(String),
    /// Lower-cased text found in one of the tags.
    Tag(String),
    Unread,
    Read,
    /// Published at or after these seconds since 1970 (undated articles never are).
    Since(i64),
    /// Published before these seconds since 1970.
    Before(i64),
}

/// A time as the seconds since 1970 that [`Query::parse`] takes (0 before 1970).
pub fn unix_seconds(time: std::time::SystemTime) -> i64 {
    time.duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

const HOUR: i64 = 3600;
const DAY: i64 = 24 * HOUR;

impl Query {
    /// Parses a filter as typed; `now` (seconds since 1970) anchors `since:2d`.
    pub fn parse(text: &str, now: i64) -> Query {
        let mut query = Query::default();
        for (column, raw) in words(text) {
            let (negated, body) = match raw.strip_prefix('-') {
                Some(rest) if !rest.is_empty() => (true, rest),
                _ => (false, raw.as_str()),
            };
            match test(body, now) {
                Ok(Some(test)) => query.terms.push(Term { negated, test }),
                Ok(None) => {}
                Err(message) => query.problems.push(QueryProblem { column, message }),
            }
        }
        query
    }

    /// Terms that were left out.
    pub fn problems(&self) -> &[QueryProblem] {
        &self.problems
    }

    /// True when the query keeps every article.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// True when every term holds for the article; `is_read` is asked only by `read` and
    /// `unread`.
    pub fn matches(&self, article: &Article, is_read: impl Fn(&Article) -> bool) -> bool {
        self.terms
            .iter()
            .all(|t| t.test.holds(article, &is_read) != t.negated)
    }

    /// True when everything this query keeps is among what `wider` kept, so only those rows
    /// need testing again: it only adds letters to `wider`'s text, and both are made of words,
    /// sources and tags that must be present (more letters or more terms only narrow those).
    pub fn narrows(&self, text: &str, wider: &Query, wider_text: &str) -> bool {
        let plain = |q: &Query| {
            q.problems.is_empty()
                && q.terms.iter().all(|t| {
                    !t.negated && matches!(t.test, Test::Text(_) | Test::Source(_) | Test::Tag(_))
                })
        };
        !wider_text.is_empty() && text.starts_with(wider_text) && plain(self) && plain(wider)
    }
}

impl Test {
    fn holds(&self, a: &Article, is_read: &impl Fn(&Article) -> bool) -> bool {
        let date = || a.published.map(|p| p.sort_key);
        match self {
            Test::Text(t) => [&a.title, &a.source, &a.body]
                .into_iter()
                .any(|field| contains_ignore_case(field, t)),
            Test::Source(t) => contains_ignore_case(&a.source, t),
            Test::Tag(t) => a.tags.iter().any(|tag| contains_ignore_case(tag, t)),
            Test::Unread => !is_read(a),
            Test::Read => is_read(a),
            Test::Since(at) => date().is_some_and(|d| d >= *at),
            Test::Before(at) => date().is_some_and(|d| d < *at),
        }
    }
}

/// What one word of the query asks; `None` for a word that asks nothing (an empty phrase).
fn test(word: &str, now: i64) -> Result<Option<Test>, String> {
    if let Some(phrase) = word.strip_prefix('"') {
        let phrase = phrase.strip_suffix('"').unwrap_or(phrase);
        return Ok((!phrase.trim().is_empty()).then(|| Test::Text(phrase.to_lowercase())));
    }
    match word.to_lowercase().as_str() {
        "unread" => return Ok(Some(Test::Unread)),
        "read" => return Ok(Some(Test::Read)),
        _ => {}
    }
    let Some((key, value)) = word.split_once(':') else {
        return Ok(Some(Test::Text(word.to_lowercase())));
    };
    let value = value.strip_prefix('"').unwrap_or(value);
    let value = value.strip_suffix('"').unwrap_or(value);
    let needs_value = |what: &str| format!("`{key}:` needs {what}");
    match key.to_lowercase().as_str() {
        "source" | "tag" if value.is_empty() => Err(needs_value("a name")),
        "source" => Ok(Some(Test::Source(value.to_lowercase()))),
        "tag" => Ok(Some(Test::Tag(value.to_lowercase()))),
        "since" | "before" => {
            let at = when(value, now)
                .ok_or_else(|| format!("`{value}` is not a time (12h, 2d, 3w, 2026-11-01)"))?;
            Ok(Some(if key.eq_ignore_ascii_case("since") {
                Test::Since(at)
            } else {
                Test::Before(at)
            }))
        }
        // Text such as "10:30" or "http://…" is searched for as it is.
        _ if !key.chars().all(char::is_alphabetic) || key.is_empty() || value.starts_with("//") => {
            Ok(Some(Test::Text(word.to_lowercase())))
        }
        _ => Err(format!(
            "`{key}:` is not a term (source: tag: since: before:); quote it to search for it"
        )),
    }
}

/// A time as seconds since 1970: `12h`, `2d`, `3w` before `now`, or a date (midnight UTC).
fn when(value: &str, now: i64) -> Option<i64> {
    if value.len() >= 2 && value.is_char_boundary(value.len() - 1) {
        let (count, unit) = value.split_at(value.len() - 1);
        if let Ok(count) = count.parse::<i64>() {
            let unit = match unit {
                "h" | "H" => HOUR,
                "d" | "D" => DAY,
                "w" | "W" => 7 * DAY,
                _ => return None,
            };
            return Some(now.saturating_sub(count.saturating_mul(unit)));
        }
    }
    if value.len() < 10 {
        return None;
    }
    Published::parse(value).ok().map(|p| p.sort_key)
}

/// The words of a query with the 1-based column each starts at; a quoted phrase (which may
/// follow `-` or `key:`) is one word, to its closing quote or the end.
fn words(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut chars = text.chars().enumerate().peekable();
    while let Some(&(column, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let mut word = String::new();
        let mut quoted = false;
        while let Some(&(_, c)) = chars.peek() {
            if c.is_whitespace() && !quoted {
                break;
            }
            if c == '"' {
                quoted = !quoted;
            }
            word.push(c);
            chars.next();
        }
        out.push((column + 1, word));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_796_083_200; // 2026-12-01T00:00:00Z

    fn article(title: &str, source: &str, date: Option<&str>, tags: &[&str]) -> Article {
        let mut a = Article::new(title.into(), title.into(), format!("Body of {title}."));
        a.source = source.into();
        a.published = date.map(|d| Published::parse(d).unwrap());
        a.tags = tags.iter().map(|t| t.to_string()).collect();
        a
    }

    fn keeps(query: &str, a: &Article, is_read: bool) -> bool {
        let q = Query::parse(query, NOW);
        assert!(q.problems().is_empty(), "{query}: {:?}", q.problems());
        q.matches(a, |_| is_read)
    }

    #[test]
    fn plain_words_must_each_appear_somewhere() {
        let a = article("Crane collapses at the port", "Valmora Courier", None, &[]);
        assert!(keeps("crane PORT", &a, false));
        assert!(keeps("courier crane", &a, false));
        assert!(!keeps("crane tram", &a, false));
        assert!(keeps("", &a, false));
    }

    #[test]
    fn phrases_need_the_words_together_and_in_order() {
        let a = article("Crane collapses at the port", "", None, &[]);
        assert!(keeps("\"collapses at\"", &a, false));
        assert!(!keeps("\"at collapses\"", &a, false));
        assert!(
            keeps("\"the port", &a, false),
            "an unclosed phrase runs to the end"
        );
        assert_eq!(
            words("-\"a b\" c"),
            [(1, "-\"a b\"".into()), (8, "c".into())]
        );
    }

    #[test]
    fn source_and_tag_match_part_of_a_name_ignoring_case() {
        let a = article("x", "Northern Ledger", None, &["Harbour towns", "Valmora"]);
        assert!(keeps("source:ledger", &a, false));
        assert!(keeps("source:\"northern ledger\"", &a, false));
        assert!(!keeps("source:courier", &a, false));
        assert!(keeps("tag:harbour", &a, false));
        assert!(keeps("tag:VALMORA", &a, false));
        assert!(!keeps("tag:tessaly", &a, false));
    }

    #[test]
    fn read_and_unread_follow_the_marks() {
        let a = article("x", "", None, &[]);
        assert!(keeps("unread", &a, false));
        assert!(!keeps("unread", &a, true));
        assert!(keeps("read", &a, true));
        assert!(keeps("-read", &a, false));
    }

    #[test]
    fn since_and_before_take_ages_and_dates_and_skip_undated_articles() {
        let yesterday = article("a", "", Some("2026-11-30"), &[]);
        let old = article("b", "", Some("2026-10-01"), &[]);
        let undated = article("c", "", None, &[]);
        assert!(keeps("since:2d", &yesterday, false));
        assert!(!keeps("since:2d", &old, false));
        assert!(keeps("since:2026-09-30", &old, false));
        assert!(keeps("before:2026-11-01", &old, false));
        assert!(!keeps("before:1w", &yesterday, false));
        assert!(keeps("since:12w", &old, false));
        assert!(!keeps("since:2d", &undated, false));
        assert!(!keeps("before:2d", &undated, false));
        assert!(keeps("-since:2d", &undated, false));
    }

    #[test]
    fn negation_turns_any_term_around() {
        let a = article("Crane collapses", "Valmora Courier", None, &["port"]);
        assert!(!keeps("-crane", &a, false));
        assert!(keeps("-tram", &a, false));
        assert!(!keeps("-source:courier", &a, false));
        assert!(keeps("crane -tag:tram", &a, false));
        assert!(
            keeps("-", &a, false) == keeps("\"-\"", &a, false),
            "a lone - is text"
        );
    }

    #[test]
    fn a_bad_term_is_located_and_the_rest_still_applies() {
        let a = article(
            "Crane collapses",
            "Valmora Courier",
            Some("2026-11-30"),
            &[],
        );
        let q = Query::parse("crane since:2x colour:red", NOW);
        assert_eq!(
            q.problems().iter().map(|p| p.column).collect::<Vec<_>>(),
            [7, 16]
        );
        assert!(q.problems()[0].message.contains("`2x` is not a time"));
        assert!(q.problems()[1].message.contains("`colour:` is not a term"));
        assert!(q.matches(&a, |_| false));
        assert!(!Query::parse("tram since:", NOW).matches(&a, |_| false));
        assert_eq!(Query::parse("tag:", NOW).problems()[0].column, 1);
        // Not a term: searched for as text.
        assert!(Query::parse("10:30 http://x", NOW).problems().is_empty());
    }

    #[test]
    fn narrowing_is_claimed_only_where_it_holds() {
        let q = |t: &str| Query::parse(t, NOW);
        let narrows = |wider: &str, now: &str| q(now).narrows(now, &q(wider), wider);
        assert!(narrows("cra", "crane"));
        assert!(narrows("crane", "crane source:v"));
        assert!(
            !narrows("-cra", "-crane"),
            "a longer negated word keeps more"
        );
        assert!(
            !narrows("read", "ready"),
            "read was a term, ready is a word"
        );
        assert!(
            !narrows("since:2d", "since:2d3"),
            "a broken term is left out"
        );
        assert!(!narrows("crane", "tram"));
    }
}
