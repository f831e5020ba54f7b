//! The library: every loaded article in memory, how to sort and filter it, and what the reader
//! remembers between runs.

mod atomic;
mod filter;
mod load;
mod query;
mod samples;
mod set_aside;
mod similar;
mod state;

pub use atomic::{
    STALE_TEMP_AGE, remove_stale_temporaries, write_atomically, write_new_atomically,
};
pub use filter::{Query, QueryProblem, unix_seconds};
pub use load::{DEFAULT_MAX_FILE_SIZE, IssueKind, LoadIssue, LoadOptions, Loaded, load_paths};
pub use query::{SortKey, sorted_indices};
pub use samples::{SAMPLES, load_samples};
pub use set_aside::{StateFile, read_state_file, set_aside};
pub use similar::Fingerprints;
pub use state::{ReadState, StateLoad};
