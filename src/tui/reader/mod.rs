//! The reading pane.

mod state;
mod update;
mod view;

pub use state::{LineKind, ReaderPane};
pub use view::render;
