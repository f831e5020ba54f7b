//! Where Parallax looks for its config and keeps its data.

use std::path::PathBuf;

/// The environment variable that names a config file.
pub const CONFIG_ENV: &str = "PARALLAX_CONFIG";

/// Where the config comes from, and whether the user asked for it explicitly (then a missing
/// file is an error, not a first run).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigLocation {
    pub path: Option<PathBuf>,
    pub explicit: bool,
}

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "parallax")
}

impl ConfigLocation {
    /// `--config PATH` first, then `PARALLAX_CONFIG`, then `config.toml` in the platform's
    /// config folder.
    pub fn resolve(cli: Option<PathBuf>) -> ConfigLocation {
        if let Some(path) = cli {
            return ConfigLocation {
                path: Some(path),
                explicit: true,
            };
        }
        if let Some(path) = std::env::var_os(CONFIG_ENV).filter(|v| !v.is_empty()) {
            return ConfigLocation {
                path: Some(PathBuf::from(path)),
                explicit: true,
            };
        }
        ConfigLocation {
            path: project_dirs().map(|d| d.config_dir().join("config.toml")),
            explicit: false,
        }
    }
}

/// The folder for state and exports, from the platform's conventions.
pub fn data_dir() -> Option<PathBuf> {
    project_dirs().map(|d| d.data_dir().to_path_buf())
}

/// The folder where fetched articles are kept, part of the default library.
pub fn library_dir() -> Option<PathBuf> {
    data_dir().map(|d| d.join("library"))
}

/// The file that remembers what fetching has seen.
pub fn fetch_state_file() -> Option<PathBuf> {
    data_dir().map(|d| d.join("fetch-state.json"))
}

/// The file that holds read marks.
pub fn state_file() -> Option<PathBuf> {
    data_dir().map(|d| d.join("state.json"))
}
