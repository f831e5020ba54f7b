//! The config's plain settings (`library`, `max_file_size`, `max_items_per_feed`, `browser`), read from whatever value
//! the file gives so that a wrong type is one located problem among the others, not the end of
//! the check.

use std::path::{Path, PathBuf};

use toml::{Spanned, Value};

use super::ConfigError;
use super::file::{Source, error_at};

/// Where the problems of one file go.
pub(super) struct Check<'c> {
    pub text: &'c Source<'c>,
    pub path: &'c Path,
    pub errors: &'c mut Vec<ConfigError>,
}

impl Check<'_> {
    fn problem(&mut self, value: &Spanned<Value>, message: &str) {
        let at = error_at(
            self.path,
            self.text,
            Some(value.span()),
            message.to_string(),
        );
        self.errors.push(at);
    }

    /// `max_file_size`: a whole number of bytes.
    pub fn max_file_size(&mut self, value: Option<&Spanned<Value>>, default: u64) -> u64 {
        let Some(value) = value else { return default };
        match value.get_ref() {
            Value::Integer(n) if *n > 0 => *n as u64,
            _ => {
                self.problem(
                    value,
                    "`max_file_size` should be a number of bytes above 0, such as 16777216",
                );
                default
            }
        }
    }

    /// `max_items_per_feed`, or a feed's `max_items`: a whole number of items above 0.
    pub fn max_items(
        &mut self,
        name: &str,
        value: Option<&Spanned<Value>>,
        default: usize,
    ) -> usize {
        let Some(value) = value else { return default };
        match value.get_ref() {
            Value::Integer(n) if *n > 0 => usize::try_from(*n).unwrap_or(usize::MAX),
            _ => {
                let message = format!("`{name}` should be a number of items above 0, such as 500");
                self.problem(value, &message);
                default
            }
        }
    }

    /// `browser`: a command line, or a list of words.
    pub fn browser(&mut self, value: Option<&Spanned<Value>>) -> Vec<String> {
        let Some(value) = value else {
            return Vec::new();
        };
        match strings(value.get_ref()) {
            Some(Strings::One(line)) => line.split_whitespace().map(str::to_string).collect(),
            Some(Strings::Many(words)) => words,
            None => {
                self.problem(
                    value,
                    "`browser` should be a command line (\"firefox --new-tab\") or a list of words",
                );
                Vec::new()
            }
        }
    }

    /// `library`: a path or a list of paths; `~/` is the home folder, and a relative path is
    /// relative to the config file's folder.
    pub fn library(&mut self, value: Option<&Spanned<Value>>, base: &Path) -> Vec<PathBuf> {
        let Some(value) = value else {
            return Vec::new();
        };
        let list = match strings(value.get_ref()) {
            Some(Strings::One(p)) => vec![p],
            Some(Strings::Many(ps)) => ps,
            None => {
                self.problem(value, "`library` should be a path or a list of paths");
                return Vec::new();
            }
        };
        list.into_iter().map(|p| expand_path(&p, base)).collect()
    }
}

enum Strings {
    One(String),
    Many(Vec<String>),
}

/// A string, or a list of strings only.
fn strings(value: &Value) -> Option<Strings> {
    match value {
        Value::String(s) => Some(Strings::One(s.clone())),
        Value::Array(items) => items
            .iter()
            .map(|v| v.as_str().map(str::to_string))
            .collect::<Option<Vec<_>>>()
            .map(Strings::Many),
        _ => None,
    }
}

/// `~/x` is under the home folder; a relative path is relative to the config file's folder.
fn expand_path(path: &str, base: &Path) -> PathBuf {
    if let Some(rest) = path.strip_prefix("~/")
        && let Some(dirs) = directories::BaseDirs::new()
    {
        return dirs.home_dir().join(rest);
    }
    base.join(path)
}
