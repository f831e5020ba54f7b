//! `parallax compare A B`: the comparison engine from the command line.

use super::say;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::ValueEnum;

use parallax::article::Article;
use parallax::compare::{Options, PARALLEL_BYTES, Tier, compare, report};
use parallax::library::{LoadOptions, load_paths, load_samples};

/// How `parallax compare` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// A plain report: summary, then each passage pair with its conflicts.
    Text,
    /// Two aligned columns (coloured on a terminal unless NO_COLOR is set).
    SideBySide,
    /// The full result as JSON (documented in the README).
    Json,
    /// A Markdown report, as the comparison pane exports.
    Markdown,
}

/// Loads both articles, compares them and prints the result.
pub fn run(
    left: &Path,
    right: &Path,
    format: OutputFormat,
    width: Option<usize>,
    tier: Tier,
    load: &LoadOptions,
) -> ExitCode {
    let (a, b) = match load_both(left, right, load) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => {
            say::error(format_args!("parallax: cannot compare: {e}"));
            return ExitCode::from(2);
        }
    };
    let options = Options {
        tier,
        ..Options::default()
    };
    let comparison = compare(&a, &b, &options);
    let stdout = std::io::stdout();
    let tty = stdout.is_terminal();
    // Buffered: stdout on its own flushes at every line, and the JSON of a long pair has
    // hundreds of thousands. The JSON is written as it is made, never held whole in memory.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let written = match format {
        // Indented for a person at a terminal; compact for a program, which is what a
        // pipe or a file usually feeds: indenting the 2 MB pair's spans made 29 MB of it.
        OutputFormat::Json => if tty {
            serde_json::to_writer_pretty(&mut out, &comparison)
        } else {
            serde_json::to_writer(&mut out, &comparison)
        }
        .map_err(std::io::Error::from)
        .and_then(|()| out.write_all(b"\n")),
        OutputFormat::Text => out.write_all(report::text(&comparison).as_bytes()),
        OutputFormat::Markdown => out.write_all(report::markdown(&comparison).as_bytes()),
        OutputFormat::SideBySide => {
            let width = width
                .or_else(|| tty.then(parallax::tui::terminal_width).flatten())
                .or_else(columns_variable)
                .unwrap_or(120)
                .clamp(MIN_WIDTH, MAX_WIDTH);
            let colour = tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            out.write_all(report::side_by_side(&comparison, width, colour).as_bytes())
        }
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            say::error(format_args!("parallax: {e}"));
            ExitCode::FAILURE
        }
    }
}

/// The narrowest and widest side-by-side output: narrower has no room for two columns, and
/// a width past any screen only makes lines nobody can read.
const MIN_WIDTH: usize = 40;
const MAX_WIDTH: usize = 1000;

/// `$COLUMNS`, as shells set it for the terminal (and a user may set it for a pipe).
fn columns_variable() -> Option<usize> {
    std::env::var("COLUMNS").ok()?.trim().parse().ok()
}

/// Loads the two articles: on both cores when they are long enough for the comparison to
/// use both as well (the rayon pool it starts is then started here), else one after the other.
fn load_both(
    left: &Path,
    right: &Path,
    options: &LoadOptions,
) -> (Result<Article, String>, Result<Article, String>) {
    let size = |p: &Path| {
        let file = feed_entry(p).map_or(p, |(file, _)| file);
        std::fs::metadata(file).map_or(0, |m| m.len())
    };
    let bytes = size(left).saturating_add(size(right));
    if bytes >= PARALLEL_BYTES as u64 {
        rayon::join(|| load_one(left, options), || load_one(right, options))
    } else {
        (load_one(left, options), load_one(right, options))
    }
}

/// One article from a file, or from the built-in samples as `sample:NAME`.
fn load_one(path: &Path, options: &LoadOptions) -> Result<Article, String> {
    let shown = path.display();
    if let Some(name) = path.to_str().and_then(|p| p.strip_prefix("sample:")) {
        return load_samples()
            .articles
            .into_iter()
            .find(|a| a.path == path)
            .ok_or_else(|| {
                format!("{shown}: no built-in sample named {name:?} (see `parallax list`)")
            });
    }
    if path.is_dir() {
        return Err(format!("{shown}: is a folder; name one article file"));
    }
    // `feed.xml#2`, as the list names a feed's entries: the file is the part before the `#`.
    let entry = feed_entry(path);
    let file = entry.map_or(path, |(file, _)| file);
    let loaded = load_paths(&[file.to_path_buf()], options);
    if let Some(issue) = loaded
        .issues
        .iter()
        .find(|i| i.kind == parallax::library::IssueKind::Skipped)
    {
        return Err(format!("{}: {}", file.display(), issue.reason));
    }
    let count = loaded.articles.len();
    let mut articles = loaded.articles.into_iter();
    match (entry, count) {
        (_, 0) => Err(format!("{}: no article in it", file.display())),
        (None, 1) => articles
            .next()
            .ok_or_else(|| format!("{shown}: no article in it")),
        (None, n) => Err(format!(
            "{shown}: holds {n} articles; name one as {shown}#1 to {shown}#{n} (see `parallax list {shown}`)"
        )),
        (Some((_, k)), n) => articles
            .find(|a| a.path == path)
            .ok_or_else(|| format!("{shown}: no entry {k}; {} holds {n}", file.display())),
    }
}

/// The file and entry number of a path such as `feed.xml#2`, when the path itself is not a
/// file but the part before the `#` is.
fn feed_entry(path: &Path) -> Option<(&Path, usize)> {
    if path.exists() {
        return None;
    }
    let (file, number) = path.to_str()?.rsplit_once('#')?;
    let number = number.parse().ok().filter(|&n| n > 0)?;
    let file = Path::new(file);
    file.is_file().then_some((file, number))
}
