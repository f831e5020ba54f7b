//! Configuration: the TOML file, key bindings and where things live. No terminal code here.

mod bindings;
mod command;
mod edit;
mod error;
mod file;
mod keymap;
mod keys;
mod paths;
mod settings;
mod theme;

pub use command::{Command, Context};
pub use edit::{FeedsAdded, NewFeed, add_feeds};
pub use error::ConfigError;
pub use file::{Config, DEFAULT_CONFIG, MAX_CONFIG_BYTES, read_config_text};
pub use keymap::{Keymap, Lookup};
pub use keys::{Key, KeyCode, KeySeq};
pub use paths::{CONFIG_ENV, ConfigLocation, data_dir, fetch_state_file, library_dir, state_file};
pub use theme::{Theme, ThemeColor};
