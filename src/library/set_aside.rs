//! Unreadable state files are set aside, never overwritten: renamed beside themselves under a
//! name no earlier set-aside copy has, so what a user had can always be recovered by hand.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

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
