//! The article list pane.

mod state;
mod view;

pub use state::ListPane;
pub use view::render;
