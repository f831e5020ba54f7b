//! The file a comparison is proposed to be exported to.

use std::path::{Path, PathBuf};

use crate::compare::Comparison;

/// `compare-<left>-vs-<right>-<seconds>.md` in the data folder's `exports` (or here, without
/// one), named after the two files; `now` is seconds since the Unix epoch.
pub fn proposed_export_path(c: &Comparison, data_dir: Option<&Path>, now: u64) -> PathBuf {
    let name = format!(
        "compare-{}-vs-{}-{now}.md",
        stem(&c.left.path),
        stem(&c.right.path)
    );
    data_dir.map_or_else(|| PathBuf::from(&name), |d| d.join("exports").join(&name))
}

/// The file name of a path without its extension, with only letters, digits and dashes.
fn stem(path: &str) -> String {
    let name = path.rsplit(['/', ':']).next().unwrap_or(path);
    let name = name.rsplit_once('.').map_or(name, |(s, _)| s);
    name.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}
