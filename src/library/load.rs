//! Loading article files from folders and paths, in parallel, without ever stopping on a bad one.

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::article::{Article, Format, Repairs, parse_article, parse_feed, parse_html_page};

/// Files larger than this are skipped unless the config says otherwise (16 MiB).
pub const DEFAULT_MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;

/// Settings for a load.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Files above this many bytes are skipped.
    pub max_file_size: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_file_size: DEFAULT_MAX_FILE_SIZE,
        }
    }
}

/// Whether a file with a problem was left out or loaded after a repair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum IssueKind {
    /// The file was not loaded.
    Skipped,
    /// The file loaded, but something in it had to be fixed or ignored.
    Repaired,
    /// Scraped junk was removed; routine, listed for the curious.
    Cleaned,
}

/// One line of the load log: which file, what happened, why.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LoadIssue {
    pub path: PathBuf,
    pub kind: IssueKind,
    pub reason: String,
}

impl std::fmt::Display for LoadIssue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match self.kind {
            IssueKind::Skipped => "skipped",
            IssueKind::Repaired => "repaired",
            IssueKind::Cleaned => "cleaned",
        };
        write!(f, "{}: {kind}: {}", self.path.display(), self.reason)
    }
}

/// The articles that loaded, in a stable order, and the log of everything that went wrong.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub issues: Vec<LoadIssue>,
}

impl Loaded {
    /// How many issues of a kind the load produced.
    pub fn count(&self, kind: IssueKind) -> usize {
        self.issues.iter().filter(|i| i.kind == kind).count()
    }
}

/// Loads every `.txt` and `.md` file under the given files and folders (recursively).
///
/// Folders are walked in name order, hidden entries and symlinked folders are passed over, and
/// files are read on all cores. A file named directly that Parallax cannot read is reported; an
/// unrelated file inside a folder (an image, say) is quietly passed over.
pub fn load_paths(paths: &[PathBuf], options: &LoadOptions) -> Loaded {
    let mut files = Vec::new();
    let mut issues = Vec::new();
    for path in paths {
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut files, &mut issues),
            Ok(_) => {
                if Format::from_path(path).is_some() {
                    files.push(path.clone());
                } else {
                    issues.push(skip(
                        path,
                        "not an article file (expected .txt, .md, .html, or a feed: .xml, .rss, .atom, .json)".into(),
                    ));
                }
            }
            Err(e) => issues.push(skip(path, io_reason(&e))),
        }
    }

    // Both cores, through rayon's pool (which the comparison uses too), in the files' order;
    // one file (`parallax compare`'s case) on this thread, without starting the pool.
    let results: Vec<(Vec<Article>, Vec<LoadIssue>)> = if files.len() == 1 {
        files.iter().map(|p| load_file(p, options)).collect()
    } else {
        files.par_iter().map(|p| load_file(p, options)).collect()
    };

    let mut articles = Vec::with_capacity(files.len());
    for (article, mut file_issues) in results {
        articles.extend(article);
        issues.append(&mut file_issues);
    }
    // A file name may hold escape sequences: the log stays plain text.
    for issue in &issues {
        let line = crate::article::sanitize_line(&issue.to_string());
        match issue.kind {
            IssueKind::Skipped => tracing::warn!("{line}"),
            _ => tracing::debug!("{line}"),
        }
    }
    tracing::debug!(
        articles = articles.len(),
        problems = issues.len(),
        "library loaded"
    );
    Loaded { articles, issues }
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, issues: &mut Vec<LoadIssue>) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            issues.push(skip(dir, io_reason(&e)));
            return;
        }
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        match entry.file_type() {
            Ok(t) if t.is_dir() => walk(&path, files, issues),
            Ok(t) if t.is_symlink() && path.is_dir() => {}
            Ok(_) if Format::from_path(&path).is_some() => files.push(path),
            Ok(_) => {}
            Err(e) => issues.push(skip(&path, io_reason(&e))),
        }
    }
}

/// Loads one file (a feed gives one article per entry); never panics, whatever the bytes.
pub(crate) fn load_file(path: &Path, options: &LoadOptions) -> (Vec<Article>, Vec<LoadIssue>) {
    let mut issues = Vec::new();
    let format = Format::from_path(path).unwrap_or(Format::Txt);
    // Only regular files are read: opening a FIFO waits for a writer forever, and a device
    // (a link to /dev/zero) never ends. The type is checked before opening, and again on the
    // handle in case the path changed in between.
    match fs::metadata(path) {
        Ok(meta) if !meta.is_file() => return (Vec::new(), vec![skip(path, not_regular())]),
        Ok(_) => {}
        Err(e) => return (Vec::new(), vec![skip(path, io_reason(&e))]),
    }
    let file = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return (Vec::new(), vec![skip(path, io_reason(&e))]),
    };
    let size = match file.metadata() {
        Ok(meta) if !meta.is_file() => return (Vec::new(), vec![skip(path, not_regular())]),
        Ok(meta) => meta.len(),
        Err(e) => return (Vec::new(), vec![skip(path, io_reason(&e))]),
    };
    let too_large = |size: u64| {
        let reason = format!(
            "too large ({} > limit {}; raise max_file_size in the config)",
            human_size(size),
            human_size(options.max_file_size)
        );
        (Vec::new(), vec![skip(path, reason)])
    };
    if size > options.max_file_size {
        return too_large(size);
    }
    // The cap holds while reading too: a file that grows past it is not read on.
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0) + 1);
    let mut capped = std::io::Read::take(file, options.max_file_size.saturating_add(1));
    if let Err(e) = std::io::Read::read_to_end(&mut capped, &mut bytes) {
        return (Vec::new(), vec![skip(path, io_reason(&e))]);
    }
    if bytes.len() as u64 > options.max_file_size {
        return too_large(bytes.len() as u64);
    }
    if bytes.contains(&0) {
        return (
            Vec::new(),
            vec![skip(path, "binary file (contains NUL bytes)".into())],
        );
    }
    // A feed says its own encoding in its XML declaration, and the parser honours it.
    if format == Format::Feed {
        let parsed = parse_feed(path, &bytes).map(|feed| {
            for why in &feed.skipped {
                issues.push(skip(path, why.clone()));
            }
            feed.items
                .into_iter()
                .map(|item| (item.article, item.repairs))
                .collect()
        });
        return finish(path, parsed, issues);
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            issues.push(repaired(path, format!(
                "not valid UTF-8 (first bad byte at offset {}); decoded with replacement characters",
                e.utf8_error().valid_up_to()
            )));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    let parsed = match format {
        Format::Html => parse_html_page(path, &text, None).map(|one| vec![one]),
        Format::Feed | Format::Txt | Format::Md => {
            parse_article(path, &text, format).map(|one| vec![one])
        }
    };
    finish(path, parsed, issues)
}

fn not_regular() -> String {
    "not a regular file (a FIFO, device or socket): only files are read".into()
}

/// The articles parsed from one file, with their repairs reported, or why the file was
/// skipped.
fn finish(
    path: &Path,
    parsed: Result<Vec<(Article, Repairs)>, crate::article::ParseError>,
    mut issues: Vec<LoadIssue>,
) -> (Vec<Article>, Vec<LoadIssue>) {
    match parsed {
        Ok(found) => {
            let mut articles = Vec::with_capacity(found.len());
            for (article, repairs) in found {
                report_repairs(&article.path, &repairs, &mut issues);
                articles.push(article);
            }
            (articles, issues)
        }
        Err(e) => {
            issues.push(skip(path, e.to_string()));
            (Vec::new(), issues)
        }
    }
}

fn report_repairs(path: &Path, repairs: &Repairs, issues: &mut Vec<LoadIssue>) {
    if repairs.controls_removed > 0 {
        issues.push(repaired(
            path,
            format!(
                "{} control or escape characters removed",
                repairs.controls_removed
            ),
        ));
    }
    for problem in &repairs.front_matter {
        issues.push(repaired(path, problem.clone()));
    }
    let c = repairs.cleaned;
    let mut parts = Vec::new();
    let mut note = |n: usize, what: &str| {
        if n > 0 {
            parts.push(format!("{n} {what}"));
        }
    };
    note(c.noise_lines, "noise lines");
    note(c.empty_markup, "empty markup");
    note(c.doubled_lines, "doubled lines");
    note(usize::from(c.repeated_title), "repeated title");
    note(c.footer_lines, "footer lines");
    note(c.navigation_lines, "navigation lines");
    if !parts.is_empty() {
        issues.push(LoadIssue {
            path: path.to_path_buf(),
            kind: IssueKind::Cleaned,
            reason: parts.join(", "),
        });
    }
}

fn skip(path: &Path, reason: String) -> LoadIssue {
    LoadIssue {
        path: path.to_path_buf(),
        kind: IssueKind::Skipped,
        reason,
    }
}

fn repaired(path: &Path, reason: String) -> LoadIssue {
    LoadIssue {
        path: path.to_path_buf(),
        kind: IssueKind::Repaired,
        reason,
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "not found".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => format!("cannot read: {e}"),
    }
}

fn human_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
    } else if bytes >= 1024 {
        format!("{:.1} KiB", bytes as f64 / 1024.0)
    } else {
        format!("{bytes} B")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn human_sizes_read_well() {
        assert_eq!(human_size(10), "10 B");
        assert_eq!(human_size(16 * 1024 * 1024), "16.0 MiB");
    }
}
