//! `parallax list`: the library as a table or JSON, for scripts and for timing loads.

use super::say;
use std::io::{self, Write};
use std::process::ExitCode;

use parallax::article::sanitize_line;
use parallax::library::{IssueKind, Loaded, Query, ReadState, unix_seconds};

#[derive(serde::Serialize)]
struct Row<'a> {
    path: String,
    title: &'a str,
    source: &'a str,
    author: &'a str,
    url: &'a str,
    published: Option<String>,
    tags: &'a [String],
    words: usize,
}

/// Prints the articles on stdout and every skipped or repaired file on stderr.
pub fn run(loaded: &Loaded, json: bool) -> ExitCode {
    for issue in loaded
        .issues
        .iter()
        .filter(|i| i.kind != IssueKind::Cleaned)
    {
        say::error(format_args!("{issue}"));
    }
    let mut out = io::BufWriter::new(io::stdout().lock());
    let result = if json {
        print_json(loaded, &mut out)
    } else {
        print_table(loaded, &mut out)
    };
    match result.and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`parallax list | head`) is not an error worth a message.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            say::error(format_args!("parallax: {e}"));
            ExitCode::FAILURE
        }
    }
}

/// Keeps the articles the query (the list filter's language) keeps, with the read marks of
/// the state file for `read` and `unread`. A term that does not parse is an error here: a
/// script is better stopped than given a wider list than it asked for.
pub fn keep_matching(loaded: &mut Loaded, text: &str) -> Result<(), ExitCode> {
    let query = Query::parse(text, unix_seconds(std::time::SystemTime::now()));
    if !query.problems().is_empty() {
        for problem in query.problems() {
            say::error(format_args!("parallax: --query, {problem}"));
        }
        return Err(ExitCode::from(2));
    }
    let read = parallax::config::state_file()
        .filter(|p| p.exists())
        .map(|p| {
            let outcome = ReadState::load(&p);
            if let Some(warning) = &outcome.warning {
                say::error(format_args!("parallax: {}: {warning}", p.display()));
            }
            outcome.state
        })
        .unwrap_or_default();
    loaded
        .articles
        .retain(|a| query.matches(a, |a| read.is_read(a)));
    Ok(())
}

fn rows(loaded: &Loaded) -> impl Iterator<Item = Row<'_>> {
    loaded.articles.iter().map(|a| Row {
        path: a.path.display().to_string(),
        title: &a.title,
        source: &a.source,
        author: &a.author,
        url: &a.url,
        published: a.published.map(|d| d.to_string()),
        tags: &a.tags,
        words: a.word_count,
    })
}

fn print_json(loaded: &Loaded, out: &mut impl Write) -> io::Result<()> {
    let rows: Vec<Row> = rows(loaded).collect();
    serde_json::to_writer_pretty(&mut *out, &rows).map_err(io::Error::other)?;
    writeln!(out)
}

/// The widest PATH column: a longer path keeps its end (the file name) after "…".
const PATH_MAX: usize = 48;

fn print_table(loaded: &Loaded, out: &mut impl Write) -> io::Result<()> {
    // A file name may hold anything, escape sequences included: never print it raw.
    let paths: Vec<String> = loaded
        .articles
        .iter()
        .map(|a| sanitize_line(&a.path.display().to_string()))
        .collect();
    let source_w = loaded
        .articles
        .iter()
        .map(|a| a.source.chars().count())
        .max()
        .unwrap_or(0)
        .clamp(6, 28);
    let path_w = paths
        .iter()
        .map(|p| p.chars().count())
        .max()
        .unwrap_or(0)
        .clamp(4, PATH_MAX);
    writeln!(
        out,
        "{:<10}  {:<source_w$}  {:>6}  {:<path_w$}  TITLE",
        "DATE", "SOURCE", "WORDS", "PATH"
    )?;
    for (row, path) in rows(loaded).zip(&paths) {
        let source: String = row.source.chars().take(source_w).collect();
        writeln!(
            out,
            "{:<10}  {:<source_w$}  {:>6}  {:<path_w$}  {}",
            row.published.as_deref().unwrap_or("-"),
            if source.is_empty() {
                "-".into()
            } else {
                sanitize_line(&source)
            },
            row.words,
            keep_end(path, path_w),
            sanitize_line(row.title)
        )?;
    }
    Ok(())
}

/// `text` in at most `width` characters: its end, after "…", when it is longer.
fn keep_end(text: &str, width: usize) -> String {
    let n = text.chars().count();
    if n <= width {
        return text.to_string();
    }
    let tail: String = text.chars().skip(n + 1 - width).collect();
    format!("…{tail}")
}
