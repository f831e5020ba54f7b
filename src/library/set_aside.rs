//! Unreadable state files are set aside, never overwritten: renamed beside themselves under a
//! name no earlier set-aside copy has, so what a user had can always be recovered by hand.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::de::DeserializeOwned;

/// What reading a JSON state file found.
#[derive(Debug)]
pub enum StateFile<T> {
    /// No file: a first run.
    Missing,
    Read(T),
    /// Unreadable, not UTF-8 or not the state (`why`): moved to `to`, so a fresh state may be
    /// saved without losing it.
    SetAside {
        why: String,
        to: PathBuf,
    },
    /// Unreadable and could not be moved either: nothing may be saved over it.
    Stuck {
        why: String,
        error: io::Error,
    },
}

/// Reads the JSON state at `path`; anything but a missing or valid file is set aside with
/// [`set_aside`] under `why_name` ("corrupt", "damaged").
pub fn read_state_file<T: DeserializeOwned>(path: &Path, why_name: &str) -> StateFile<T> {
    let why = match fs::read(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return StateFile::Missing,
        Err(e) => e.to_string(),
        Ok(bytes) => match std::str::from_utf8(&bytes) {
            Err(e) => format!("not UTF-8 text: {e}"),
            Ok(text) => match serde_json::from_str(text) {
                Ok(state) => return StateFile::Read(state),
                Err(e) => format!("line {}, column {}: {e}", e.line(), e.column()),
            },
        },
    };
    match set_aside(path, why_name) {
        Ok(to) => StateFile::SetAside { why, to },
        Err(error) => StateFile::Stuck { why, error },
    }
}

/// Moves `path` to `NAME.WHY-SECONDS-N` beside it (N counts up from 0 past any copy already
/// there) and returns the new path. The move never replaces an existing file.
pub fn set_aside(path: &Path, why: &str) -> io::Result<PathBuf> {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let name = path
        .file_name()
        .map_or("state".into(), |n| n.to_string_lossy().into_owned());
    for n in 0..10_000 {
        let to = path.with_file_name(format!("{name}.{why}-{secs}-{n}"));
        // A hard link fails on an existing target, where a rename would replace it.
        match fs::hard_link(path, &to) {
            Ok(()) => {
                fs::remove_file(path)?;
                return Ok(to);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(e),
            // No hard links here (or a folder): a rename to a name that is free now.
            Err(_) if to.exists() => continue,
            Err(_) => {
                fs::rename(path, &to)?;
                return Ok(to);
            }
        }
    }
    Err(io::Error::other("too many set-aside copies already"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_set_aside_in_the_same_second_keep_each_other() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let mut moved = Vec::new();
        for k in 0..3 {
            fs::write(&path, format!("copy {k}")).unwrap();
            moved.push(set_aside(&path, "corrupt").unwrap());
        }
        assert!(!path.exists());
        for (k, to) in moved.iter().enumerate() {
            assert_eq!(fs::read_to_string(to).unwrap(), format!("copy {k}"));
            let name = to.file_name().unwrap().to_string_lossy().into_owned();
            assert!(name.starts_with("state.json.corrupt-"), "{name}");
        }
    }
}
