//! The event loop.

use std::io;
use std::path::PathBuf;

use ratatui::crossterm::event;

use super::{Action, App, Effect, action_for_event, terminal, view};

/// Runs the TUI until the user quits. The terminal is restored however this returns.
pub fn run(mut app: App, state_file: Option<PathBuf>) -> io::Result<()> {
    let mut term = terminal::enter()?;
    let result = (|| -> io::Result<()> {
        let size = term.size()?;
        app.update(Action::Resize {
            width: size.width,
            height: size.height,
        });
        loop {
            term.draw(|frame| view::draw(&app, frame))?;
            // Block until something happens: no redraw while idle.
            let Some(action) = action_for_event(&event::read()?) else {
                continue;
            };
            let mut next = Some(action);
            while let Some(action) = next.take() {
                next = app
                    .update(action)
                    .map(|effect| perform(effect, &app, state_file.as_deref()));
            }
            if app.should_quit {
                return Ok(());
            }
        }
    })();
    terminal::leave();
    result
}

/// Carries out an effect and reports back as an action.
fn perform(effect: Effect, app: &App, state_file: Option<&std::path::Path>) -> Action {
    match effect {
        Effect::SaveReadState => Action::StateSaved(match state_file {
            Some(path) => app
                .read
                .save(path)
                .map_err(|e| format!("{}: {e}", path.display())),
            None => Err("no data folder on this system; marks last until you quit".into()),
        }),
        Effect::Export { path, markdown } => Action::Exported(
            crate::library::write_atomically(&path, markdown.as_bytes())
                .map(|()| path.clone())
                .map_err(|e| format!("{}: {e}", path.display())),
        ),
    }
}
