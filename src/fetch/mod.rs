//! Subscriptions: fetching feeds over HTTP and keeping what they bring as plain files.
//!
//! Everything here is headless: `parallax fetch` and the reader's `r` run the same
//! [`fetch_all`], which reports progress through a callback and never touches the terminal.
//! Fetched items land in the library folder as Markdown files with TOML front matter (the
//! format a user can write by hand), each written atomically.

mod http;
mod run;
mod state;
mod store;

pub use http::{Client, ClientOptions, FetchError, Response};
pub use run::{FeedOutcome, FetchReport, Progress, fetch_all, fetch_full_text};
pub use state::FetchState;
pub use store::{Stored, replace_with_full_text, store_item};

pub use crate::source::{DEFAULT_MAX_ITEMS_PER_FEED, FeedSource, is_web_url};
