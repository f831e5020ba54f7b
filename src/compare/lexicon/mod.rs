//! Every word list the comparison engine uses, as data. Nothing here decides anything: the
//! stages that read a list say what it is for. The lists are kept by what they are about, and
//! all of them are reached as `lexicon::NAME`.
//!
//! - `facts`: days, months, number words, what a figure counts, approximations.
//! - `people`: reporting verbs, pronouns, titles and roles, who governs.
//! - `words`: stop words, synonyms, phrasal verbs, abbreviations a full stop follows.

mod facts;
mod people;
mod words;

pub use facts::*;
pub use people::*;
pub use words::*;
