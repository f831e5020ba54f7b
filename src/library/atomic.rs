//! Files written so that a crash, a kill or a second writer at any moment leaves either the old
//! file or a new one, never a torn mix: the text goes to a temporary file beside the target,
//! which is fsynced and then renamed (or linked) into place, and the folder is fsynced.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

/// The mark in a temporary file's name: `.{target}.tmp-{pid}-{n}`.
const TEMP_MARK: &str = ".tmp-";

/// A temporary file older than this is left over from a killed writer: no write of ours takes
/// anywhere near as long.
pub const STALE_TEMP_AGE: Duration = Duration::from_secs(10 * 60);

/// Writes `contents` to `path`, replacing what is there.
pub fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let (dir, tmp) = write_temporary(path, contents)?;
    let result = fs::rename(&tmp, path);
    finish(&dir, &tmp, result)
}

/// Writes `contents` to `path` only if no file is there, even when another thread or process
/// tries the same path at the same moment: exactly one of them creates it. Returns whether
/// this call did.
pub fn write_new_atomically(path: &Path, contents: &[u8]) -> io::Result<bool> {
    if path.exists() {
        return Ok(false);
    }
    let (dir, tmp) = write_temporary(path, contents)?;
    // A hard link fails when the target exists, where a rename would replace it.
    let result = match fs::hard_link(&tmp, path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(false),
        // A file system without hard links: a rename, after a last look.
        Err(_) if path.exists() => Ok(false),
        Err(_) => fs::rename(&tmp, path).map(|()| true),
    };
    let _ = fs::remove_file(&tmp);
    let created = result?;
    if created {
        sync_dir(&dir);
    }
    Ok(created)
}

/// Removes temporary files of ours in `dir` that are older than `age`, left by a writer that
/// was killed between writing and renaming. Returns what it removed.
pub fn remove_stale_temporaries(dir: &Path, age: Duration) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let now = SystemTime::now();
    entries
        .flatten()
        .filter(|e| is_our_temporary(&e.file_name().to_string_lossy()))
        .filter(|e| {
            let modified = e.metadata().and_then(|m| m.modified());
            modified.is_ok_and(|m| now.duration_since(m).is_ok_and(|d| d >= age))
        })
        .map(|e| e.path())
        .filter(|p| fs::remove_file(p).is_ok())
        .collect()
}

/// Whether a file name is one [`write_temporary`] makes: `.{target}.tmp-{pid}-{n}`, so that no
/// other hidden file in the folder is ever taken for one.
fn is_our_temporary(name: &str) -> bool {
    let Some((target, tail)) = name
        .strip_prefix('.')
        .and_then(|n| n.rsplit_once(TEMP_MARK))
    else {
        return false;
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    !target.is_empty()
        && tail
            .split_once('-')
            .is_some_and(|(pid, n)| digits(pid) && digits(n))
}

/// A temporary file beside `path`, written and fsynced, with a name no other write shares:
/// the process id and a counter of this process, and created only if absent.
fn write_temporary(path: &Path, contents: &[u8]) -> io::Result<(PathBuf, PathBuf)> {
    static WRITES: AtomicU64 = AtomicU64::new(0);
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf();
    fs::create_dir_all(&dir)?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    loop {
        let n = WRITES.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!(".{name}{TEMP_MARK}{}-{n}", std::process::id()));
        let mut file = match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(file) => file,
            // Left by an earlier process that had the same id.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        };
        let written = file.write_all(contents).and_then(|()| file.sync_all());
        if let Err(e) = written {
            let _ = fs::remove_file(&tmp);
            return Err(e);
        }
        return Ok((dir, tmp));
    }
}

fn finish(dir: &Path, tmp: &Path, result: io::Result<()>) -> io::Result<()> {
    match result {
        Ok(()) => {
            sync_dir(dir);
            Ok(())
        }
        Err(e) => {
            let _ = fs::remove_file(tmp);
            Err(e)
        }
    }
}

/// Makes a rename or link in `dir` durable. Not every platform can fsync a folder; the change
/// has happened either way.
fn sync_dir(dir: &Path) {
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/state.json");
        write_atomically(&path, b"one").unwrap();
        write_atomically(&path, b"two").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "two");
        assert_eq!(names(path.parent().unwrap()), ["state.json"]);
    }

    #[test]
    fn threads_writing_one_file_at_once_never_tear_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("item.md");
        let bodies: Vec<Vec<u8>> = (0..8u8).map(|k| vec![b'a' + k; 64 * 1024]).collect();
        std::thread::scope(|s| {
            for body in &bodies {
                let path = &path;
                s.spawn(move || {
                    for _ in 0..20 {
                        write_atomically(path, body).unwrap();
                    }
                });
            }
        });
        let text = fs::read(&path).unwrap();
        assert!(bodies.contains(&text), "a mix of writes");
        assert_eq!(names(dir.path()), ["item.md"]);
    }

    #[test]
    fn of_writers_racing_to_create_a_file_exactly_one_wins() {
        let dir = tempfile::tempdir().unwrap();
        for round in 0..10 {
            let path = dir.path().join(format!("item-{round}.md"));
            let bodies: Vec<Vec<u8>> = (0..4u8).map(|k| vec![b'a' + k; 16 * 1024]).collect();
            let created: Vec<bool> = std::thread::scope(|s| {
                let handles: Vec<_> = bodies
                    .iter()
                    .map(|body| {
                        let path = &path;
                        s.spawn(move || write_new_atomically(path, body).unwrap())
                    })
                    .collect();
                handles.into_iter().map(|h| h.join().unwrap()).collect()
            });
            assert_eq!(created.iter().filter(|&&c| c).count(), 1, "{created:?}");
            let winner = created.iter().position(|&c| c).unwrap();
            assert_eq!(fs::read(&path).unwrap(), bodies[winner]);
        }
        assert_eq!(names(dir.path()).len(), 10, "no temporary left");
    }

    #[test]
    fn only_old_temporaries_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join(".item.md.tmp-4242-0");
        let fresh = dir.path().join(".other.md.tmp-4243-1");
        let article = dir.path().join("item.md");
        // Old hidden files of the user's that only look a little like ours.
        let notes = dir.path().join(".notes.tmp-draft");
        let other = dir.path().join(".tmp-1-2");
        let long_ago = SystemTime::now() - Duration::from_secs(3600);
        for p in [&old, &fresh, &article, &notes, &other] {
            fs::write(p, "x").unwrap();
            if p != &fresh {
                let file = fs::File::options().write(true).open(p).unwrap();
                file.set_modified(long_ago).unwrap();
            }
        }
        let removed = remove_stale_temporaries(dir.path(), STALE_TEMP_AGE);
        assert_eq!(removed, [old]);
        assert_eq!(
            names(dir.path()),
            [
                ".notes.tmp-draft",
                ".other.md.tmp-4243-1",
                ".tmp-1-2",
                "item.md"
            ]
        );
    }
}
