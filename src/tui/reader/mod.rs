//! The reading pane.

mod state;
mod view;

pub use state::{LineKind, ReaderPane};
pub use view::render;
