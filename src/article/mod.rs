//! Articles: the model, how files become articles, and how their text is made safe and clean.
//!
//! Nothing here knows about the terminal; the TUI and the headless commands share it.

mod clean;
mod date;
mod depth;
mod feed;
mod html;
mod model;
mod parse;
mod sanitize;
mod web;

pub use clean::{CleanReport, clean_body};
pub use date::Published;
pub use feed::{FeedItem, ParsedFeed, parse_feed};
pub use html::{html_to_text, parse_html_page};
pub use model::{Article, Format, count_words};
pub(crate) use parse::split_front_matter;
pub use parse::{ParseError, Repairs, UNTITLED, parse_article};
pub use sanitize::{sanitize, sanitize_line};
pub use web::{RawMeta, assemble};
