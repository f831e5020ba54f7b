//! The terminal interface: an Elm-style loop. A terminal event becomes an [`Action`],
//! [`App::update`] changes the state (never drawing), and [`view::draw`] draws it (never
//! changing anything). Only this module knows about ratatui and crossterm.

mod action;
mod app;
mod compare;
mod input;
mod layout;
mod list;
mod overlay;
mod reader;
mod run;
mod status;
mod terminal;
mod text;
pub mod view;

pub use action::{Action, Effect, FetchDone};
pub use app::{App, Focus, Overlay};
pub use compare::ComparePane;
pub use input::action_for_event;
pub use run::{Services, run};
