//! The terminal interface: an Elm-style loop. A terminal event becomes an [`Action`],
//! [`App::update`] changes the state (never drawing), and [`view::draw`] draws it (never
//! changing anything). Only this module knows about ratatui and crossterm.

mod action;
mod app;
mod compare;
mod focus;
mod hyperlink;
mod input;
mod layout;
mod list;
mod overlay;
mod reader;
mod reply;
mod run;
mod scroll;
mod search;
mod status;
mod terminal;
mod text;
mod text_input;
pub mod view;

pub use action::{Action, Effect, FetchDone};
pub use app::{App, Startup};
pub use compare::ComparePane;
pub use focus::Focus;
pub use hyperlink::{HYPERLINKS_ENV, terminal_supports as terminal_supports_hyperlinks};
pub use input::action_for_event;
pub use overlay::Overlay;
pub use run::{Services, compute, run};
pub use terminal::width as terminal_width;
