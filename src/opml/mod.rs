//! OPML, the subscription lists every feed reader imports and exports.

mod read;
mod write;

pub use read::{Opml, OpmlError, OpmlFeed, Refused, read_opml};
pub use write::write_opml;
