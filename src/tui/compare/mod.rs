//! The side-by-side comparison pane.

mod layout;
mod state;
mod view;

pub use state::ComparePane;
pub use view::body_area;
pub use view::{details_lines, render};
