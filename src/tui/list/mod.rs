//! The article list pane.

mod state;
mod update;
mod view;

pub use state::{ListPane, Shelf};
pub use view::render;
