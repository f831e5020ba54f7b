//! The status bar's messages about loading and fetching.

use crate::config::{Command, Context, Keymap};
use crate::fetch::Progress;
use crate::library::{IssueKind, LoadIssue};

/// The status line of a fetch under way.
pub(super) fn fetch_status(p: &Progress) -> String {
    let mut text = format!(
        "fetching feeds {}/{} · {} new",
        p.done, p.total, p.new_articles
    );
    if p.failures > 0 {
        text.push_str(&format!(" · {} failed", p.failures));
    }
    text
}

/// "14 articles · 2 files skipped, 1 repaired (L: load log)".
pub(super) fn load_summary(count: usize, issues: &[LoadIssue], keymap: &Keymap) -> String {
    let files = |kind: IssueKind| {
        let mut paths: Vec<_> = issues
            .iter()
            .filter(|i| i.kind == kind)
            .map(|i| &i.path)
            .collect();
        paths.dedup();
        paths.len()
    };
    let (skipped, repaired) = (files(IssueKind::Skipped), files(IssueKind::Repaired));
    let mut parts = vec![plural(count, "article")];
    let mut problems = Vec::new();
    if skipped > 0 {
        problems.push(format!("{} skipped", plural(skipped, "file")));
    }
    if repaired > 0 {
        problems.push(format!("{repaired} repaired"));
    }
    if !problems.is_empty() {
        parts.push(format!(
            "{} ({}: load log)",
            problems.join(", "),
            log_key(keymap)
        ));
    }
    parts.join(" · ")
}

/// "1 feed", "3 feeds".
pub(super) fn plural(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// The key that opens the log, for messages that point to it.
pub(super) fn log_key(keymap: &Keymap) -> String {
    keymap
        .hint(Context::List, Command::ShowLog)
        .unwrap_or_else(|| "show_log".into())
}
