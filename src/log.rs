//! The log file: what went on while nobody watched (fetches, failures and their reasons,
//! skipped files, config problems), written with `tracing`. Plain text, no colour codes; the
//! level comes from `PARALLAX_LOG` (`error`, `warn`, `info` (the default), `debug`, `trace`, or
//! tracing's directives such as `parallax::fetch=debug`). The file never grows past
//! [`MAX_LOG_BYTES`]: it is then renamed `parallax.log.old` (replacing the one before) and a
//! new one begun. Nothing is ever written to the terminal, which the reader has in raw mode.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::MakeWriter;

/// The environment variable that sets what is logged.
pub const LOG_ENV: &str = "PARALLAX_LOG";

/// The largest the log file grows before it is set aside as `.old` and a new one begun.
pub const MAX_LOG_BYTES: u64 = 1024 * 1024;

/// Where the log is kept: `parallax.log` in the data folder.
pub fn log_file() -> Option<PathBuf> {
    crate::config::data_dir().map(|d| d.join("parallax.log"))
}

/// Starts sending log records to the file at `path` for the rest of the process. The file is
/// opened (and its folder made) at the first record; a record that cannot be written is lost,
/// never shown on the terminal.
pub fn start(path: &Path) -> Result<(), String> {
    let log = CappedLog::new(path);
    let (filter, bad_level) = match std::env::var(LOG_ENV) {
        Ok(level) if !level.trim().is_empty() => match EnvFilter::try_new(&level) {
            Ok(filter) => (filter, None),
            Err(e) => (EnvFilter::new("info"), Some(format!("{level:?}: {e}"))),
        },
        _ => (EnvFilter::new("info"), None),
    };
    tracing_subscriber::fmt()
        .with_writer(log)
        .with_ansi(false)
        .with_env_filter(filter)
        .try_init()
        .map_err(|e| e.to_string())?;
    if let Some(why) = bad_level {
        tracing::warn!("{LOG_ENV} is not a level ({why}); logging at info");
    }
    Ok(())
}

/// The log file and how many bytes it holds, shared by every thread that logs. It is opened
/// at the first record, so a command that has nothing to log touches no file.
struct CappedLog {
    path: PathBuf,
    file: Mutex<Option<(File, u64)>>,
}

impl CappedLog {
    fn new(path: &Path) -> CappedLog {
        CappedLog {
            path: path.to_path_buf(),
            file: Mutex::new(None),
        }
    }

    fn open(path: &Path) -> io::Result<(File, u64)> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let file = OpenOptions::new().create(true).append(true).open(path)?;
        let len = file.metadata()?.len();
        Ok((file, len))
    }

    fn write(&self, buf: &[u8]) -> io::Result<usize> {
        let mut guard = self.file.lock().unwrap_or_else(|p| p.into_inner());
        if guard.is_none() {
            *guard = Some(CappedLog::open(&self.path)?);
        }
        let Some((file, len)) = guard.as_mut() else {
            return Ok(0);
        };
        if *len > 0 && *len + buf.len() as u64 > MAX_LOG_BYTES {
            let old = self.path.with_extension("log.old");
            std::fs::rename(&self.path, &old)?;
            *file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(&self.path)?;
            *len = 0;
        }
        file.write_all(buf)?;
        *len += buf.len() as u64;
        Ok(buf.len())
    }
}

/// One record's writer: a borrow of the shared file.
pub struct LogWriter<'a>(&'a CappedLog);

impl Write for LogWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for CappedLog {
    type Writer = LogWriter<'a>;

    fn make_writer(&'a self) -> Self::Writer {
        LogWriter(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_is_set_aside_when_full_and_a_new_one_begun() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("logs").join("parallax.log");
        let log = CappedLog::new(&path);
        let line = vec![b'x'; 1000];
        let lines = MAX_LOG_BYTES / 1000 + 5;
        for _ in 0..lines {
            log.write(&line).unwrap();
        }
        let now = std::fs::metadata(&path).unwrap().len();
        let old = std::fs::metadata(path.with_extension("log.old"))
            .unwrap()
            .len();
        assert!(old <= MAX_LOG_BYTES && old > MAX_LOG_BYTES - 1000, "{old}");
        assert_eq!(old + now, lines * 1000, "nothing lost");
        // Reopened later, it goes on counting from its size.
        drop(log);
        assert_eq!(CappedLog::open(&path).unwrap().1, now);
    }
}
