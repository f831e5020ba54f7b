//! What the reader remembers between runs: which articles have been read.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::write_atomically;
use crate::article::Article;

/// Read marks, keyed by the article's URL when it has one, else by its path.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ReadState {
    #[serde(default)]
    read: BTreeSet<String>,
}

/// The outcome of reading the state file: the state, and a warning for the status bar if the
/// file was unreadable and had to be set aside.
#[derive(Debug, Default)]
pub struct StateLoad {
    pub state: ReadState,
    pub warning: Option<String>,
}

impl ReadState {
    /// The key an article's read mark is stored under.
    pub fn key(article: &Article) -> String {
        if article.url.is_empty() {
            article.path.display().to_string()
        } else {
            article.url.clone()
        }
    }

    /// Whether the article has been read.
    pub fn is_read(&self, article: &Article) -> bool {
        self.read.contains(&Self::key(article))
    }

    /// Marks an article read or unread; returns true when that changed anything.
    pub fn set_read(&mut self, article: &Article, read: bool) -> bool {
        let key = Self::key(article);
        if read {
            self.read.insert(key)
        } else {
            self.read.remove(&key)
        }
    }

    /// Reads the state file. A missing file is a first run; a corrupt one is renamed to
    /// `NAME.corrupt-SECONDS` (never deleted, never silently emptied) and reported.
    pub fn load(path: &Path) -> StateLoad {
        let text = match fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return StateLoad::default(),
            Err(e) => {
                return StateLoad {
                    state: ReadState::default(),
                    warning: Some(format!(
                        "read marks not loaded from {}: {e}",
                        path.display()
                    )),
                };
            }
        };
        match serde_json::from_str(&text) {
            Ok(state) => StateLoad {
                state,
                warning: None,
            },
            Err(e) => {
                let aside = set_aside(path);
                let warning = match aside {
                    Ok(to) => format!(
                        "state file {} is corrupt ({e}); moved to {} and starting fresh",
                        path.display(),
                        to.display()
                    ),
                    Err(move_err) => format!(
                        "state file {} is corrupt ({e}) and could not be moved: {move_err}",
                        path.display()
                    ),
                };
                StateLoad {
                    state: ReadState::default(),
                    warning: Some(warning),
                }
            }
        }
    }

    /// Writes the state atomically (temporary file, fsync, rename).
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let json = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        write_atomically(path, &json)
    }
}

fn set_aside(path: &Path) -> std::io::Result<PathBuf> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let name = path
        .file_name()
        .map_or("state".into(), |n| n.to_string_lossy().into_owned());
    let to = path.with_file_name(format!("{name}.corrupt-{secs}"));
    fs::rename(path, &to)?;
    Ok(to)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(path: &str) -> Article {
        Article::new(path.into(), "T".into(), "B".into())
    }

    #[test]
    fn marks_survive_a_save_and_load() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let mut s = ReadState::default();
        assert!(s.set_read(&article("a.txt"), true));
        assert!(!s.set_read(&article("a.txt"), true));
        s.save(&path).unwrap();
        let loaded = ReadState::load(&path);
        assert!(loaded.warning.is_none());
        assert!(loaded.state.is_read(&article("a.txt")));
        assert!(!loaded.state.is_read(&article("b.txt")));
    }

    #[test]
    fn a_corrupt_file_is_set_aside_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        fs::write(&path, "{not json").unwrap();
        let loaded = ReadState::load(&path);
        assert_eq!(loaded.state, ReadState::default());
        let warning = loaded.warning.unwrap();
        assert!(warning.contains("corrupt"), "{warning}");
        assert!(!path.exists());
        let aside: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(aside.len(), 1);
        assert!(aside[0].starts_with("state.json.corrupt-"));
        assert_eq!(
            fs::read_to_string(dir.path().join(&aside[0])).unwrap(),
            "{not json"
        );
    }

    #[test]
    fn a_missing_file_is_a_first_run() {
        let dir = tempfile::tempdir().unwrap();
        let loaded = ReadState::load(&dir.path().join("none.json"));
        assert!(loaded.warning.is_none());
    }
}
