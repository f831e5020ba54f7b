//! Parallax: a terminal news reader for comparing reports of the same event.
//!
//! The core (`article`, `library`, `config`, `compare`, `fetch`, `source`) is pure and knows
//! nothing of the terminal; the `tui` module draws it, and the headless commands in `cli` print
//! it.
#![forbid(unsafe_code)]

pub mod article;
pub mod compare;
pub mod config;
pub mod fetch;
pub mod library;
pub mod log;
pub mod opml;
pub mod source;
pub mod tui;
