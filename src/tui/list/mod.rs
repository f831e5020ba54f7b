//! The article list pane.

mod state;
mod update;
mod view;

pub use state::ListPane;
pub use view::render;
