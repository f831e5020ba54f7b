//! What fetching remembers between runs: per feed, the validators for a conditional GET and
//! the items already stored, so an unchanged feed costs one small request and an item is
//! never stored twice.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::library::write_atomically;

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
    /// Reads the state; a missing file is a first run, a damaged one is set aside (renamed
    /// with `.damaged`) and reported, and fetching starts afresh rather than stopping.
    pub fn load(path: &Path) -> (FetchState, Option<String>) {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return (FetchState::default(), None);
            }
            Err(e) => {
                return (
                    FetchState::default(),
                    Some(format!("{}: cannot read ({e})", path.display())),
                );
            }
        };
        match serde_json::from_str(&text) {
            Ok(state) => (state, None),
            Err(e) => {
                let aside = path.with_extension("json.damaged");
                let _ = std::fs::rename(path, &aside);
                (
                    FetchState::default(),
                    Some(format!(
                        "{}:{}:{}: damaged fetch state set aside as {} ({e})",
                        path.display(),
                        e.line(),
                        e.column(),
                        aside.display()
                    )),
                )
            }
        }
    }

    /// Writes the state atomically.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let text = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        write_atomically(path, text.as_bytes())
    }
}
