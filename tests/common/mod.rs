//! Helpers shared by the integration tests.
#![allow(dead_code)]

use parallax::config::{Config, KeySeq};
use parallax::library::{Loaded, load_samples};
use parallax::tui::{Action, App, Effect, Startup, compute};
use ratatui::layout::Rect;

/// The app over the built-in samples at a given terminal size, with default keys.
pub fn sample_app(width: u16, height: u16) -> App {
    app_with(load_samples(), Config::builtin(), width, height)
}

/// The app over any library and config.
pub fn app_with(loaded: Loaded, config: Config, width: u16, height: u16) -> App {
    app_starting(loaded, Startup::new(config.keymap), width, height)
}

/// The app over any library, started with `startup` at a given terminal size.
pub fn app_starting(loaded: Loaded, startup: Startup, width: u16, height: u16) -> App {
    let startup = Startup {
        area: Rect::new(0, 0, width, height),
        ..startup
    };
    App::new(loaded, startup)
}

/// Types keys written as in the config ("j", "Enter", "g g" is two keys) and returns the effects,
/// carrying out at once, as the loop does, the comparisons asked to be done at once.
pub fn press(app: &mut App, keys: &[&str]) -> Vec<Effect> {
    let mut effects = Vec::new();
    for name in keys {
        for key in KeySeq::parse(name).unwrap_or_else(|e| panic!("{e}")).0 {
            let mut next = app.update(Action::Key(key));
            while let Some(effect) = next.take() {
                if matches!(effect, Effect::Compare { at_once: true, .. }) {
                    next = compute(app, &effect).and_then(|action| app.update(action));
                }
                effects.push(effect);
            }
        }
    }
    effects
}

/// The title of the selected article.
pub fn selected_title(app: &App) -> &str {
    app.list()
        .selected_article()
        .map_or("", |i| app.articles()[i].title.as_str())
}

/// Renders the app to text, one line per row, trailing spaces trimmed.
pub fn screen(app: &App) -> String {
    let area = app.area();
    let mut buf = ratatui::buffer::Buffer::empty(area);
    parallax::tui::view::render(app, area, &mut buf);
    (0..area.height)
        .map(|y| {
            let row: String = (0..area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect();
            row.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}
