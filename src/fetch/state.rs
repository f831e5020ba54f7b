//! What fetching remembers between runs: per feed, the validators for a conditional GET and
//! the items already stored, so an unchanged feed costs one small request and an item is
//! never stored twice.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::library::{StateFile, read_state_file, write_atomically};

/// The fetch state, kept as JSON in the data folder.
#[derive(Debug, Default, Clone, Serialize, Deserialize, PartialEq)]
pub struct FetchState {
    #[serde(default)]
    pub feeds: BTreeMap<String, FeedState>,
    /// Item guids and URLs already stored, across all feeds.
    #[serde(default)]
    pub seen: BTreeSet<String>,
}

/// Per feed: the validators of its last full response.
#[derive(Debug, Default, Clone, Serialize, Deserialize, PartialEq)]
pub struct FeedState {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

impl FetchState {
    /// Reads the state; a missing file is a first run. One that cannot be read, is not UTF-8
    /// or is not the state is set aside (renamed to `NAME.damaged-SECONDS-N`, never replacing
    /// an earlier copy) and reported, and fetching starts afresh rather than stopping. If it
    /// cannot be moved, the state is `None`: the fetch must not save over it.
    pub fn load(path: &Path) -> (Option<FetchState>, Option<String>) {
        let shown = path.display();
        match read_state_file(path, "damaged") {
            StateFile::Missing => (Some(FetchState::default()), None),
            StateFile::Read(state) => (Some(state), None),
            StateFile::SetAside { why, to } => (
                Some(FetchState::default()),
                Some(format!(
                    "{shown}: damaged fetch state ({why}) set aside as {}",
                    to.display()
                )),
            ),
            StateFile::Stuck { why, error } => (
                None,
                Some(format!(
                    "{shown}: damaged fetch state ({why}) could not be set aside ({error}); it \
                     is left as it is and this fetch's state is not saved"
                )),
            ),
        }
    }

    /// Writes the state atomically.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let text = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        write_atomically(path, text.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damaged_states_are_each_set_aside_and_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fetch-state.json");
        let copies: [&[u8]; 2] = [b"{\"seen\": [\"guid\xff\"]}", b"{\"seen\": [oops"];
        for (k, copy) in copies.iter().enumerate() {
            std::fs::write(&path, copy).unwrap();
            let (state, problem) = FetchState::load(&path);
            assert_eq!(state, Some(FetchState::default()));
            let problem = problem.unwrap();
            let why = ["not UTF-8", "line 1, column"][k];
            assert!(
                problem.contains(why) && problem.contains("set aside"),
                "{problem}"
            );
            // What fetching then saves does not touch the copy set aside.
            state.unwrap().save(&path).unwrap();
        }
        let mut aside: Vec<Vec<u8>> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p != &path)
            .map(|p| std::fs::read(p).unwrap())
            .collect();
        aside.sort();
        let mut want: Vec<Vec<u8>> = copies.iter().map(|c| c.to_vec()).collect();
        want.sort();
        assert_eq!(aside, want, "both damaged copies kept, whole");
    }
}
