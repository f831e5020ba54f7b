//! What the reader remembers between runs: which articles have been read.

use std::collections::BTreeSet;
use std::path::Path;

use super::{StateFile, read_state_file, write_atomically};
use crate::article::Article;

/// Read marks, keyed by the article's URL when it has one, else by its path.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ReadState {
    #[serde(default)]
    read: BTreeSet<String>,
}

/// The outcome of reading the state file: the state, and a warning for the status bar if the
/// file was unreadable and had to be set aside.
#[derive(Debug)]
pub struct StateLoad {
    pub state: ReadState,
    pub warning: Option<String>,
    /// Whether saving may write the file: false when an unreadable file could not be moved
    /// out of the way, so a save would destroy it.
    pub writable: bool,
}

impl Default for StateLoad {
    fn default() -> Self {
        StateLoad {
            state: ReadState::default(),
            warning: None,
            writable: true,
        }
    }
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

    /// Marks unread the articles stored under these keys; returns how many were read.
    pub fn unmark(&mut self, keys: &[String]) -> usize {
        keys.iter().filter(|k| self.read.remove(*k)).count()
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

    /// Reads the state file. A missing file is a first run; one that cannot be read, is not
    /// UTF-8 or is not the state is renamed to `NAME.corrupt-SECONDS-N` (never deleted, never
    /// overwritten, never silently emptied) and reported. If it cannot even be moved,
    /// `writable` is false and the caller must not save over it.
    pub fn load(path: &Path) -> StateLoad {
        let shown = path.display();
        let (warning, writable) = match read_state_file(path, "corrupt") {
            StateFile::Missing => return StateLoad::default(),
            StateFile::Read(state) => {
                return StateLoad {
                    state,
                    ..StateLoad::default()
                };
            }
            StateFile::SetAside { why, to } => (
                format!(
                    "state file {shown} is unreadable ({why}); moved to {} and starting fresh",
                    to.display()
                ),
                true,
            ),
            StateFile::Stuck { why, error } => (
                format!(
                    "state file {shown} is unreadable ({why}) and could not be moved ({error}); \
                     read marks will not be saved"
                ),
                false,
            ),
        };
        StateLoad {
            state: ReadState::default(),
            warning: Some(warning),
            writable,
        }
    }

    /// Writes the state atomically (temporary file, fsync, rename).
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let json = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        write_atomically(path, &json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

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
        assert!(warning.contains("unreadable"), "{warning}");
        assert!(loaded.writable);
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
    fn a_file_that_is_not_utf8_is_set_aside_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let damaged = b"{\"read\": [\"a.txt\xff\"]}".to_vec();
        fs::write(&path, &damaged).unwrap();
        let loaded = ReadState::load(&path);
        assert!(loaded.warning.unwrap().contains("not UTF-8"));
        assert!(loaded.writable);
        // The app then saves fresh marks: the damaged copy is still there, whole.
        loaded.state.save(&path).unwrap();
        let aside: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p != &path)
            .collect();
        assert_eq!(aside.len(), 1);
        assert_eq!(fs::read(&aside[0]).unwrap(), damaged);
    }

    #[test]
    fn a_missing_file_is_a_first_run() {
        let dir = tempfile::tempdir().unwrap();
        let loaded = ReadState::load(&dir.path().join("none.json"));
        assert!(loaded.warning.is_none());
    }
}
