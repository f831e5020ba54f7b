//! The application state and the one function that changes it: `update` routes each action
//! to the pane that has the keyboard (each pane's `update` is beside its state and view) and
//! carries out what the pane replies.

/// The list's view of the library, built from the app's fields in place, so the list can be
/// borrowed mutably beside them (a method would borrow the whole app).
macro_rules! shelf {
    ($app:expr) => {
        $crate::tui::list::Shelf {
            articles: &$app.articles,
            read: &$app.read,
            now: $crate::library::unix_seconds($app.now),
        }
    };
}

mod access;
mod comparing;
mod library;
mod marks;
mod messages;
mod mouse;
mod searching;
mod startup;

pub use startup::Startup;

use std::path::PathBuf;
use std::time::SystemTime;

use ratatui::layout::{Position, Rect};

use super::compare::{ComparePane, body_area};
use super::layout::{inner, panes, reader_text};
use super::list::ListPane;
use super::reader::ReaderPane;
use super::reply::Reply;
use super::text_input::TextInput;
use super::{Action, Effect, Focus, Overlay};
use crate::article::Article;
use crate::compare::Tier;
use crate::config::{Command, Context, Key, Keymap, Lookup, Theme};
use crate::fetch::Progress;
use crate::library::{Fingerprints, LoadIssue, Loaded, ReadState};
use messages::{fetch_status, load_summary, log_key};

/// Everything the TUI shows. Changed only by [`App::update`]; the view reads it, and callers
/// outside the TUI read it through the accessors of `access.rs`.
#[derive(Debug)]
pub struct App {
    pub(in crate::tui) articles: Vec<Article>,
    /// The load log shown by `show_log`.
    pub(in crate::tui) issues: Vec<LoadIssue>,
    pub(in crate::tui) read: ReadState,
    pub(in crate::tui) keymap: Keymap,
    pub(in crate::tui) list: ListPane,
    pub(in crate::tui) reader: ReaderPane,
    pub(in crate::tui) focus: Focus,
    pub(in crate::tui) overlay: Option<Overlay>,
    /// The message on the left of the status bar.
    pub(in crate::tui) status: Option<String>,
    /// Whether the user has done nothing since the message was given: a fresh message is shown
    /// whole, an older one gives way to the key hints.
    pub(in crate::tui) status_fresh: bool,
    /// Keys of a sequence typed so far ("g" of "g g").
    pub(in crate::tui) pending: Vec<Key>,
    /// The terminal area, kept so scrolling knows the pane sizes.
    pub(in crate::tui) area: Rect,
    pub(in crate::tui) should_quit: bool,
    /// The article marked as the left side of the next comparison.
    pub(in crate::tui) marked: Option<usize>,
    /// The open comparison, drawn over the panes.
    pub(in crate::tui) compare: Option<ComparePane>,
    /// Whether colours may be used (false with NO_COLOR): then style and symbols carry meaning.
    pub(in crate::tui) colour: bool,
    /// Whether the terminal shows OSC 8 links (the reader's URL is one then).
    pub(in crate::tui) hyperlinks: bool,
    /// Colours of the comparison pane.
    pub(in crate::tui) theme: Theme,
    /// The export prompt (a file path) while it is open.
    export_prompt: Option<TextInput>,
    /// The search prompt (`/` in the reader or the comparison) while it is open.
    search_prompt: Option<TextInput>,
    /// Library fingerprints for picking the most similar article, made on first use.
    fingerprints: Option<Fingerprints>,
    /// How many feeds the config subscribes to (`r` has nothing to do without one).
    feeds: usize,
    /// Where a background fetch has got to, while one runs.
    fetching: Option<Progress>,
    /// The built-in samples stand in for an empty library; the first fetched articles
    /// replace them.
    showing_samples: bool,
    /// A comparison being computed: the pair, and what to say when it opens.
    comparing: Option<((usize, usize), Option<String>)>,
    /// The library's word frequencies, once counted in the background; comparisons use them.
    library_terms: Option<std::sync::Arc<crate::compare::LibraryTerms>>,
    /// Counts changes to the articles, so a count of an older library is not taken for the
    /// current one.
    pub(in crate::tui) library_version: u64,
    /// The data folder, where exports are proposed to go.
    data_dir: Option<PathBuf>,
    /// The time, as the loop last gave it (`Action::Now`): `update` reads no clock.
    now: SystemTime,
    /// The articles the last mark-all-read marked (their read-mark keys), for its undo.
    undo_read: Option<Vec<String>>,
}

impl App {
    /// Builds the app over a loaded library with what start-up decided.
    pub fn new(loaded: Loaded, startup: Startup) -> App {
        let Loaded {
            articles,
            mut issues,
        } = loaded;
        let Startup {
            read,
            keymap,
            theme,
            area,
            warnings,
            colour,
            hyperlinks,
            feeds,
            showing_samples,
            data_dir,
            message,
        } = startup;
        let status = Some(match (warnings.first(), message) {
            (Some(warning), _) => format!("{} ({}: load log)", warning.reason, log_key(&keymap)),
            (None, Some(message)) => message,
            (None, None) => load_summary(articles.len(), &issues, &keymap),
        });
        issues.extend(warnings);
        let list = ListPane::new(&articles);
        // Built now so that `c` with nothing marked answers at once.
        let fingerprints = Some(Fingerprints::new(&articles));
        let mut app = App {
            articles,
            issues,
            read,
            keymap,
            list,
            reader: ReaderPane::default(),
            focus: Focus::List,
            overlay: None,
            status,
            status_fresh: true,
            pending: Vec::new(),
            area,
            should_quit: false,
            marked: None,
            compare: None,
            colour,
            hyperlinks,
            theme,
            fingerprints,
            feeds,
            fetching: None,
            showing_samples,
            comparing: None,
            export_prompt: None,
            search_prompt: None,
            library_terms: None,
            library_version: 0,
            data_dir,
            now: SystemTime::UNIX_EPOCH,
            undo_read: None,
        };
        app.list.count_unread(shelf!(app));
        app.settle();
        app
    }

    /// Applies one action. Returns work for the loop to do (saving state), never draws.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        let user = matches!(action, Action::Key(_) | Action::Click { .. });
        let (scene, status) = (self.scene(), self.status.clone());
        let effect = self.dispatch(action);
        // A message belongs to where it was given: it goes when the user leaves (closes the
        // comparison, moves to the other pane, filters the list), unless this very action
        // said something new.
        if user && self.scene() != scene && self.status == status {
            self.status = None;
        }
        if self.status != status {
            self.status_fresh = true;
        } else if user {
            self.status_fresh = false;
        }
        self.settle();
        effect
    }

    /// What the user is looking at, as far as a status message is concerned.
    fn scene(&self) -> (bool, Focus, String) {
        (self.compare.is_some(), self.focus, self.list.filter.clone())
    }

    fn dispatch(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::Key(key) => self.on_key(key),
            Action::Now(now) => {
                self.now = now;
                None
            }
            Action::Resize { width, height } => {
                self.area = Rect::new(0, 0, width, height);
                None
            }
            Action::Scroll { column, row, down } => {
                self.on_scroll(Position::new(column, row), if down { 3 } else { -3 });
                None
            }
            Action::Click { column, row } => {
                self.on_click(Position::new(column, row));
                None
            }
            Action::StateSaved(result) => {
                if let Err(e) = result {
                    self.status = Some(format!("read marks not saved: {e}"));
                }
                None
            }
            Action::Exported(result) => {
                self.status = Some(match result {
                    Ok(path) => format!("exported to {}", path.display()),
                    Err(e) => format!("export failed: {e}"),
                });
                None
            }
            Action::FetchProgress(progress) => {
                self.status = Some(fetch_status(&progress));
                self.fetching = Some(progress);
                None
            }
            Action::FetchDone(done) => self.on_fetch_done(done),
            Action::FullTextDone { path, result } => self.on_full_text(&path, result),
            Action::LibraryCounted { version, terms } => {
                if version == self.library_version {
                    self.library_terms = Some(terms);
                }
                None
            }
            Action::Compared {
                pair,
                tier: Tier::Fast,
                comparison,
            } => match self.comparing.take_if(|(p, _)| *p == pair) {
                Some((waiting, note)) => self.show_comparison(*comparison, waiting, note),
                None => None,
            },
            Action::Compared {
                pair,
                tier: Tier::Deep,
                comparison,
            } => {
                self.on_refined(pair, *comparison);
                None
            }
            Action::Opened(result) => {
                self.status = Some(match result {
                    Ok(url) => format!("opened {url}"),
                    Err(e) => format!("could not open the page: {e}"),
                });
                None
            }
        }
    }

    /// The path typed at the export prompt, while it is open.
    pub fn export_prompt(&self) -> Option<&str> {
        self.export_prompt.as_ref().map(TextInput::text)
    }

    /// The key context of what has the keyboard now.
    pub fn context(&self) -> Context {
        match self.overlay {
            // The conflict list answers the comparison's keys: Enter goes to a conflict.
            Some(Overlay::Conflicts { .. }) => return Context::Compare,
            Some(_) => return Context::Reader,
            None => {}
        }
        if self.compare.is_some() {
            return Context::Compare;
        }
        match self.focus {
            Focus::List => Context::List,
            Focus::Reader => Context::Reader,
        }
    }

    fn on_key(&mut self, key: Key) -> Option<Effect> {
        if self.export_prompt.is_some() {
            return self.edit_export(key);
        }
        if self.search_prompt.is_some() {
            self.edit_search(key);
            return None;
        }
        if self.list.editing {
            self.list.edit_filter(key, shelf!(self));
            return None;
        }
        self.pending.push(key);
        match self.keymap.lookup(self.context(), &self.pending) {
            Lookup::Command(command) => {
                self.pending.clear();
                self.run(command)
            }
            Lookup::Pending => None,
            Lookup::Unbound => {
                // A failed sequence: try its last key on its own ("g x" → "x").
                let retry = self.pending.len() > 1;
                self.pending.clear();
                if retry { self.on_key(key) } else { None }
            }
        }
    }

    /// A command: those of the whole app here, the rest to the pane or window that has the
    /// keyboard.
    fn run(&mut self, command: Command) -> Option<Effect> {
        if command == Command::Quit {
            self.should_quit = true;
            return None;
        }
        if let Some(overlay) = self.overlay {
            let height = usize::from(self.area.height.saturating_sub(4)).max(1);
            let reply = overlay.update(command, height, self.overlay_len(overlay));
            return self.apply(reply);
        }
        match command {
            Command::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Command::ShowLog => self.overlay = Some(Overlay::Log { scroll: 0 }),
            Command::Search => self.start_search(),
            _ if self.compare.is_some() => {
                let height = self.compare_height();
                let reply = self.compare.as_mut()?.update(command, height);
                return self.apply(reply);
            }
            Command::FocusNext | Command::FocusPrev => self.focus = self.focus.other(),
            // Esc first ends a search, then goes back to the list.
            Command::Back if self.reader.search.is_some() => {
                self.reader.search = None;
                self.status = Some("search ended".into());
            }
            Command::Back => self.focus = Focus::List,
            Command::Open => {
                if let Some(index) = self.list.selected_article() {
                    self.focus = Focus::Reader;
                    if self.read.set_read(&self.articles[index], true) {
                        self.list.count_unread(shelf!(self));
                        return Some(Effect::SaveReadState);
                    }
                }
            }
            Command::ToggleRead => {
                if let Some(index) = self.list.selected_article() {
                    let article = &self.articles[index];
                    let now_read = !self.read.is_read(article);
                    self.read.set_read(article, now_read);
                    self.list.count_unread(shelf!(self));
                    return Some(Effect::SaveReadState);
                }
            }
            Command::MarkAllRead => return self.mark_all_read(),
            Command::UndoMarkAllRead => return self.undo_mark_all_read(),
            Command::Mark => self.toggle_mark(),
            Command::Compare => return self.open_comparison(),
            Command::FetchFeeds => return self.start_fetch(),
            Command::OpenUrl => {
                let url = self.selected_url()?;
                self.status = Some(format!("opening {url}"));
                return Some(Effect::OpenUrl(url));
            }
            Command::FullText => return self.start_full_text(),
            Command::Filter | Command::ClearFilter | Command::CycleSort => {
                let reply = self.list.update(command, shelf!(self), self.list_page());
                return self.apply(reply);
            }
            _ => {
                let reply = match self.focus {
                    Focus::List => self.list.update(command, shelf!(self), self.list_page()),
                    Focus::Reader => self.reader.update(command, self.reader_height()),
                };
                return self.apply(reply);
            }
        }
        None
    }

    /// Carries out what a pane replied.
    fn apply(&mut self, reply: Reply) -> Option<Effect> {
        match reply {
            Reply::Done => {}
            Reply::Status(text) => self.status = Some(text),
            Reply::Open(overlay) => self.overlay = Some(overlay),
            Reply::CloseOverlay => self.overlay = None,
            Reply::CloseComparison => self.compare = None,
            Reply::Export => self.start_export(),
            Reply::GoToConflict(n) => {
                self.overlay = None;
                let height = self.compare_height();
                if let Some(pane) = self.compare.as_mut() {
                    pane.go_to_conflict(n, height);
                }
            }
        }
        None
    }

    /// Marks the selected article as the left side of the next comparison, or clears the mark.
    fn toggle_mark(&mut self) {
        let selected = self.list.selected_article();
        self.marked = if self.marked == selected {
            None
        } else {
            selected
        };
        self.status = Some(match self.marked {
            Some(i) => format!(
                "marked \"{}\"; select another article and compare",
                self.articles[i].title
            ),
            None => "mark cleared".into(),
        });
    }

    /// Rows a page of the list moves.
    fn list_page(&self) -> isize {
        self.list_height().saturating_sub(1).max(1) as isize
    }

    /// Rows of the comparison's body.
    pub fn compare_height(&self) -> usize {
        usize::from(self.compare_body().height).max(1)
    }

    /// Where the comparison's columns go.
    fn compare_body(&self) -> Rect {
        body_area(panes(self.area, self.focus).compare)
    }

    /// How many lines an overlay has.
    pub fn overlay_len(&self, overlay: Overlay) -> usize {
        match overlay {
            // As wrapped in the window, so that the bottom is reachable.
            Overlay::Help { .. } => {
                super::overlay::wrapped_rows(&super::overlay::help_lines(&self.keymap), self.area)
            }
            Overlay::Log { .. } => self.issues.len().max(1),
            Overlay::Conflicts { .. } => self
                .compare
                .as_ref()
                .map_or(1, |p| p.comparison.conflicts.len().max(1)),
            Overlay::Details { group, .. } => self.compare.as_ref().map_or(1, |p| {
                super::overlay::wrapped_rows(&super::compare::details_lines(p, group), self.area)
            }),
        }
    }

    /// Rows of the list pane's inside.
    pub fn list_height(&self) -> usize {
        panes(self.area, Focus::List)
            .list
            .map_or(1, |r| usize::from(inner(r).height))
    }

    /// Rows of the reading pane's inside.
    pub fn reader_height(&self) -> usize {
        panes(self.area, Focus::Reader)
            .reader
            .map_or(1, |r| usize::from(inner(r).height))
    }

    /// Brings derived state in line after any change: the reader shows the selection, laid out
    /// for its current width (from the cache when nothing changed), and scroll positions fit.
    fn settle(&mut self) {
        let body = self.compare_body();
        if let Some(pane) = self.compare.as_mut() {
            pane.ensure_layout(body.width, body.height);
        }
        self.list.scroll_into_view(self.list_height());
        self.reader.show(self.list.selected_article());
        if let Some(reader) = panes(self.area, self.focus).reader {
            self.reader
                .ensure_layout(&self.articles, reader_text(reader).width);
            self.reader.clamp(self.reader_height());
        }
    }
}
