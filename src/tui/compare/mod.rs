//! The side-by-side comparison pane.

mod export_name;
mod layout;
mod state;
mod update;
mod view;

pub use export_name::proposed_export_path;
pub use state::ComparePane;
pub use view::body_area;
pub use view::{conflict_lines, details_lines, render};
