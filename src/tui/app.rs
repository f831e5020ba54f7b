//! The application state and the one function that changes it.

use ratatui::layout::{Position, Rect};

use super::compare::{ComparePane, body_area};
use super::layout::{inner, panes, reader_text};
use super::list::ListPane;
use super::reader::ReaderPane;
use super::{Action, Effect, FetchDone};
use crate::article::Article;
use crate::compare::{Options, Tier, compare, report};
use crate::config::{Command, Context, Key, KeyCode, Keymap, Lookup};
use crate::fetch::Progress;
use crate::library::{Fingerprints, IssueKind, LoadIssue, Loaded, ReadState};
use std::path::PathBuf;

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    List,
    Reader,
}

/// A window over the panes, with its scroll position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help {
        scroll: usize,
    },
    Log {
        scroll: usize,
    },
    /// The details of one group of the open comparison.
    Details {
        group: usize,
        scroll: usize,
    },
}

/// Everything the TUI shows. Changed only by [`App::update`]; read by the view.
#[derive(Debug)]
pub struct App {
    pub articles: Vec<Article>,
    /// The load log shown by `show_log`.
    pub issues: Vec<LoadIssue>,
    pub read: ReadState,
    pub keymap: Keymap,
    pub list: ListPane,
    pub reader: ReaderPane,
    pub focus: Focus,
    pub overlay: Option<Overlay>,
    /// The message on the left of the status bar.
    pub status: Option<String>,
    /// Keys of a sequence typed so far ("g" of "g g").
    pub pending: Vec<Key>,
    /// The terminal area, kept so scrolling knows the pane sizes.
    pub area: Rect,
    pub should_quit: bool,
    /// The article marked as the left side of the next comparison.
    pub marked: Option<usize>,
    /// The open comparison, drawn over the panes.
    pub compare: Option<ComparePane>,
    /// Whether colours may be used (false with NO_COLOR): then style and symbols carry meaning.
    pub colour: bool,
    /// Colours of the comparison pane.
    pub theme: crate::config::Theme,
    /// The export prompt's text (a file path) while it is open.
    pub export_prompt: Option<String>,
    /// Library fingerprints for picking the most similar article, made on first use.
    fingerprints: Option<Fingerprints>,
    /// How many feeds the config subscribes to (`r` has nothing to do without one).
    pub feeds: usize,
    /// Where a background fetch has got to, while one runs.
    pub fetching: Option<Progress>,
    /// The built-in samples stand in for an empty library; the first fetched articles
    /// replace them.
    pub showing_samples: bool,
    /// A comparison being computed in the background: the pair, and what to say when it opens.
    comparing: Option<((usize, usize), Option<String>)>,
    /// The library's word frequencies, once counted in the background; comparisons use them.
    pub library_terms: Option<std::sync::Arc<crate::compare::LibraryTerms>>,
    /// Counts changes to the articles, so a count of an older library is not taken for the
    /// current one.
    pub library_version: u64,
}

impl App {
    /// Builds the app over a loaded library. `warnings` (for example a corrupt state file) go to
    /// the status bar and the log.
    pub fn new(
        loaded: Loaded,
        read: ReadState,
        keymap: Keymap,
        area: Rect,
        warnings: Vec<LoadIssue>,
    ) -> App {
        let Loaded {
            articles,
            mut issues,
        } = loaded;
        let status = Some(match warnings.first() {
            Some(warning) => format!("{} ({}: load log)", warning.reason, log_key(&keymap)),
            None => load_summary(articles.len(), &issues, &keymap),
        });
        issues.extend(warnings);
        let list = ListPane::new(&articles);
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
            pending: Vec::new(),
            area,
            should_quit: false,
            marked: None,
            compare: None,
            colour: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            theme: crate::config::Theme::default(),
            fingerprints: None,
            feeds: 0,
            fetching: None,
            showing_samples: false,
            comparing: None,
            export_prompt: None,
            library_terms: None,
            library_version: 0,
        };
        // Built now so that `c` with nothing marked answers at once.
        app.fingerprints = Some(Fingerprints::new(&app.articles));
        app.settle();
        app
    }

    /// Applies one action. Returns work for the loop to do (saving state), never draws.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        let effect = match action {
            Action::Key(key) => self.on_key(key),
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
        };
        self.settle();
        effect
    }

    /// The key context of what has the keyboard now.
    pub fn context(&self) -> Context {
        if self.overlay.is_some() {
            return Context::Reader;
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
        if self.list.editing {
            self.edit_filter(key);
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

    /// The export prompt owns the keyboard: Enter writes to the path shown, Esc cancels.
    fn edit_export(&mut self, key: Key) -> Option<Effect> {
        let text = self.export_prompt.as_mut()?;
        match key.code {
            KeyCode::Esc => {
                self.export_prompt = None;
                self.status = Some("export cancelled".into());
            }
            KeyCode::Enter => {
                let path = std::path::PathBuf::from(text.trim());
                self.export_prompt = None;
                if path.as_os_str().is_empty() {
                    self.status = Some("export cancelled: no file name".into());
                    return None;
                }
                let markdown = report::markdown(&self.compare.as_ref()?.comparison);
                return Some(Effect::Export { path, markdown });
            }
            KeyCode::Backspace => {
                text.pop();
            }
            KeyCode::Char('u') if key.ctrl => text.clear(),
            KeyCode::Char(c) if !key.ctrl && !key.alt => text.push(c),
            _ => {}
        }
        None
    }

    /// The filter prompt owns the keyboard: typing edits the query, which applies at once.
    fn edit_filter(&mut self, key: Key) {
        let mut text = self.list.filter.clone();
        match key.code {
            KeyCode::Esc => {
                self.list.editing = false;
                text.clear();
            }
            KeyCode::Enter => self.list.editing = false,
            KeyCode::Backspace => {
                text.pop();
            }
            KeyCode::Char('u') if key.ctrl => text.clear(),
            KeyCode::Char(c) if !key.ctrl && !key.alt => text.push(c),
            KeyCode::Down => self.list.move_by(1),
            KeyCode::Up => self.list.move_by(-1),
            _ => {}
        }
        if text != self.list.filter {
            self.list.set_filter(&self.articles, text);
        }
    }

    fn run(&mut self, command: Command) -> Option<Effect> {
        if let Some(overlay) = self.overlay {
            return self.run_in_overlay(overlay, command);
        }
        if self.compare.is_some() {
            return self.run_in_compare(command);
        }
        let list_page = self.list_height().saturating_sub(1).max(1) as isize;
        let reader_height = self.reader_height();
        let reader_page = reader_height.saturating_sub(2).max(1) as isize;
        match (command, self.focus) {
            (Command::Quit, _) => self.should_quit = true,
            (Command::Help, _) => self.overlay = Some(Overlay::Help { scroll: 0 }),
            (Command::ShowLog, _) => {
                self.overlay = Some(Overlay::Log { scroll: 0 });
            }
            (Command::FocusNext | Command::FocusPrev, _) => {
                self.focus = match self.focus {
                    Focus::List => Focus::Reader,
                    Focus::Reader => Focus::List,
                };
            }
            (Command::Down, Focus::List) => self.list.move_by(1),
            (Command::Up, Focus::List) => self.list.move_by(-1),
            (Command::PageDown, Focus::List) => self.list.move_by(list_page),
            (Command::PageUp, Focus::List) => self.list.move_by(-list_page),
            (Command::Top, Focus::List) => self.list.select(0),
            (Command::Bottom, Focus::List) => self.list.select(usize::MAX),
            (Command::Open, _) => {
                if let Some(index) = self.list.selected_article() {
                    self.focus = Focus::Reader;
                    if self.read.set_read(&self.articles[index], true) {
                        return Some(Effect::SaveReadState);
                    }
                }
            }
            (Command::Filter, _) => self.list.editing = true,
            (Command::ClearFilter, _) => self.list.set_filter(&self.articles, String::new()),
            (Command::CycleSort, _) => {
                self.list.cycle_sort(&self.articles);
                self.status = Some(format!("sorted by {}", self.list.sort.label()));
            }
            (Command::ToggleRead, _) => {
                if let Some(index) = self.list.selected_article() {
                    let article = &self.articles[index];
                    let now_read = !self.read.is_read(article);
                    self.read.set_read(article, now_read);
                    return Some(Effect::SaveReadState);
                }
            }
            (Command::Down, Focus::Reader) => self.reader.scroll_by(1, reader_height),
            (Command::Up, Focus::Reader) => self.reader.scroll_by(-1, reader_height),
            (Command::PageDown, Focus::Reader) => self.reader.scroll_by(reader_page, reader_height),
            (Command::PageUp, Focus::Reader) => self.reader.scroll_by(-reader_page, reader_height),
            (Command::Top, Focus::Reader) => self.reader.scroll = 0,
            (Command::Bottom, Focus::Reader) => self.reader.scroll_to_end(reader_height),
            (Command::Back, _) => self.focus = Focus::List,
            (Command::Mark, _) => {
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
            (Command::Compare, _) => return self.open_comparison(),
            (Command::FetchFeeds, _) => return self.start_fetch(),
            (Command::OpenUrl, _) => {
                let url = self.selected_url()?;
                self.status = Some(format!("opening {url}"));
                return Some(Effect::OpenUrl(url));
            }
            (Command::FullText, _) => return self.start_full_text(),
            // Comparison commands mean nothing outside the comparison pane.
            (
                Command::NextDivergence
                | Command::PrevDivergence
                | Command::NextShared
                | Command::PrevShared
                | Command::SwapSides
                | Command::Details
                | Command::ToggleUnified
                | Command::Export,
                _,
            ) => {}
        }
        None
    }

    /// The web address of the selected article, when it has one that may be opened or
    /// fetched; otherwise says why not in the status bar.
    fn selected_url(&mut self) -> Option<String> {
        let index = self.list.selected_article()?;
        let url = self.articles[index].url.clone();
        if crate::fetch::is_web_url(&url) {
            Some(url)
        } else {
            self.status = Some(if url.is_empty() {
                "this article has no web address".into()
            } else {
                format!("only http and https addresses are opened, not {url}")
            });
            None
        }
    }

    /// Starts a background fetch of every feed, unless one runs or there is nothing to fetch.
    fn start_fetch(&mut self) -> Option<Effect> {
        if let Some(progress) = &self.fetching {
            self.status = Some(format!("already {}", fetch_status(progress)));
            return None;
        }
        if self.feeds == 0 {
            self.status = Some("no feeds to fetch: add [[feeds]] tables to the config".into());
            return None;
        }
        let progress = Progress {
            total: self.feeds,
            ..Progress::default()
        };
        self.status = Some(fetch_status(&progress));
        self.fetching = Some(progress);
        Some(Effect::FetchFeeds)
    }

    /// The articles changed: what was counted over them is out of date, and is counted again.
    fn articles_changed(&mut self) -> Effect {
        // New articles change what is most similar to what.
        self.fingerprints = None;
        self.library_version += 1;
        Effect::CountLibrary
    }

    /// Adds what a fetch stored to the library and says how it went.
    fn on_fetch_done(&mut self, done: FetchDone) -> Option<Effect> {
        self.fetching = None;
        let new = done.articles.len();
        if self.showing_samples && new > 0 {
            // Indices into the old library mean nothing now.
            self.articles.clear();
            self.marked = None;
            self.compare = None;
            self.comparing = None;
            self.reader = ReaderPane::default();
            self.showing_samples = false;
        }
        let known: std::collections::HashSet<PathBuf> =
            self.articles.iter().map(|a| a.path.clone()).collect();
        self.articles.extend(
            done.articles
                .into_iter()
                .filter(|a| !known.contains(&a.path)),
        );
        self.issues.extend(done.issues);
        self.list.reload(&self.articles);
        let effect = (new > 0).then(|| self.articles_changed());
        let log = log_key(&self.keymap);
        let plural = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
        let mut text = format!(
            "fetched {}: {}",
            plural(done.feeds, "feed"),
            plural(new, "new article")
        );
        if done.failed > 0 {
            text.push_str(&format!("; {} failed ({log}: log)", done.failed));
        }
        self.status = Some(text);
        effect
    }

    /// Starts fetching the full text of the selected article, when it is a stored
    /// summary-only item with a web address.
    fn start_full_text(&mut self) -> Option<Effect> {
        let url = self.selected_url()?;
        let index = self.list.selected_article()?;
        let path = self.articles[index].path.clone();
        let stored_file = path.extension().is_some_and(|e| e == "md") && path.is_file();
        if !stored_file {
            self.status =
                Some("full text replaces a stored article: this one is not a Markdown file".into());
            return None;
        }
        self.status = Some(format!("fetching the full text of {url}"));
        Some(Effect::FullText { path, url })
    }

    fn on_full_text(
        &mut self,
        path: &std::path::Path,
        result: Result<Article, String>,
    ) -> Option<Effect> {
        match result {
            Ok(article) => {
                self.status = Some("full text stored".into());
                let index = self.articles.iter().position(|a| a.path == path)?;
                self.articles[index] = article;
                self.reader.invalidate();
                self.list.reload(&self.articles);
                Some(self.articles_changed())
            }
            Err(e) => {
                self.status = Some(format!("full text not fetched: {e}"));
                None
            }
        }
    }

    /// Settings for comparing two articles of this library.
    pub fn compare_options(&self) -> Options {
        Options {
            library: self.library_terms.clone(),
            ..Options::default()
        }
    }

    /// Opens the comparison of the marked article (left) with the selected one (right), or of
    /// the selected one with the most similar other article.
    fn open_comparison(&mut self) -> Option<Effect> {
        if self.comparing.is_some() {
            self.status = Some("still comparing the last pair; one moment".into());
            return None;
        }
        let Some(selected) = self.list.selected_article() else {
            self.status = Some("no article selected".into());
            return None;
        };
        let (left, right, note) = match self.marked {
            Some(m) if m != selected => (m, selected, None),
            Some(_) => {
                self.status =
                    Some("that is the marked article; select another one to compare with".into());
                return None;
            }
            None => {
                let fingerprints = self
                    .fingerprints
                    .get_or_insert_with(|| Fingerprints::new(&self.articles));
                match fingerprints.most_similar(selected) {
                    Some((other, _)) => {
                        let a = &self.articles[other];
                        let source = if a.source.is_empty() {
                            String::new()
                        } else {
                            format!(" ({})", a.source)
                        };
                        (
                            selected,
                            other,
                            Some(format!(
                                "compared with the most similar article: {}{source}",
                                a.title
                            )),
                        )
                    }
                    None => {
                        self.status = Some(
                            "no other article shares anything with this one; mark one to compare"
                                .into(),
                        );
                        return None;
                    }
                }
            }
        };
        let bytes = self.articles[left].body.len() + self.articles[right].body.len();
        if bytes > BACKGROUND_COMPARE_BYTES {
            // Long articles take a noticeable while: compare them off the loop, so the
            // reader keeps responding.
            self.comparing = Some(((left, right), note));
            self.status = Some(format!(
                "comparing two long articles ({} KB)…",
                bytes / 1024
            ));
            return Some(Effect::Compare {
                left,
                right,
                tier: Tier::Fast,
            });
        }
        let comparison = compare(
            &self.articles[left],
            &self.articles[right],
            &self.compare_options(),
        );
        self.show_comparison(comparison, (left, right), note)
    }

    /// Shows the fast tier's comparison at once and asks for the deep tier's in the background.
    fn show_comparison(
        &mut self,
        comparison: crate::compare::Comparison,
        pair: (usize, usize),
        note: Option<String>,
    ) -> Option<Effect> {
        self.compare = Some(ComparePane::new(comparison, pair));
        let note = note.unwrap_or_else(|| {
            "comparing the marked article (left) with the selected one (right)".into()
        });
        self.status = Some(format!("{note} · refining…"));
        Some(Effect::Compare {
            left: pair.0,
            right: pair.1,
            tier: Tier::Deep,
        })
    }

    /// The deep tier's comparison of a pair: it replaces the pane's in place if the pane still
    /// shows that pair.
    fn on_refined(&mut self, pair: (usize, usize), comparison: crate::compare::Comparison) {
        let Some(pane) = self.compare.as_mut().filter(|p| p.articles == pair) else {
            return;
        };
        self.status = Some(match &comparison.summary.meaning.deep_skipped {
            Some(why) => why.clone(),
            None => "refined with the deep model".into(),
        });
        pane.replace(comparison);
    }

    /// Commands while the comparison pane is open.
    fn run_in_compare(&mut self, command: Command) -> Option<Effect> {
        let height = self.compare_height();
        let page = height.saturating_sub(2).max(1) as isize;
        let pane = self.compare.as_mut()?;
        match command {
            Command::Quit => self.should_quit = true,
            Command::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Command::ShowLog => self.overlay = Some(Overlay::Log { scroll: 0 }),
            Command::Down => pane.scroll_by(1, height),
            Command::Up => pane.scroll_by(-1, height),
            Command::PageDown => pane.scroll_by(page, height),
            Command::PageUp => pane.scroll_by(-page, height),
            Command::Top => pane.scroll_to_top(),
            Command::Bottom => pane.scroll_to_end(height),
            Command::NextDivergence
            | Command::PrevDivergence
            | Command::NextShared
            | Command::PrevShared => {
                let forward = matches!(command, Command::NextDivergence | Command::NextShared);
                let divergence =
                    matches!(command, Command::NextDivergence | Command::PrevDivergence);
                // Which groups qualify, computed first: `jump` needs the pane mutably.
                let wanted: Vec<bool> = (0..pane.comparison.groups.len())
                    .map(|g| {
                        if divergence {
                            pane.is_divergence(g)
                        } else {
                            pane.is_shared(g)
                        }
                    })
                    .collect();
                let found = pane.jump(forward, height, |g| wanted[g]);
                if !found {
                    let what = if divergence {
                        "divergence"
                    } else {
                        "shared passage"
                    };
                    self.status = Some(format!(
                        "no {} {what}",
                        if forward { "further" } else { "earlier" }
                    ));
                }
            }
            Command::SwapSides => {
                pane.swap();
                self.status = Some("sides swapped".into());
            }
            Command::ToggleUnified => pane.unified = !pane.unified,
            Command::Details => {
                if let Some(group) = pane.current_group() {
                    self.overlay = Some(Overlay::Details { group, scroll: 0 });
                }
            }
            Command::Export => {
                // Propose a file in the data folder; the user may type any other path.
                let c = &pane.comparison;
                let stem = |p: &str| -> String {
                    let name = p.rsplit(['/', ':']).next().unwrap_or(p);
                    let name = name.rsplit_once('.').map_or(name, |(s, _)| s);
                    name.chars()
                        .map(|c| {
                            if c.is_alphanumeric() || c == '-' {
                                c
                            } else {
                                '_'
                            }
                        })
                        .collect()
                };
                let secs = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs());
                let name = format!(
                    "compare-{}-vs-{}-{secs}.md",
                    stem(&c.left.path),
                    stem(&c.right.path)
                );
                let path = crate::config::data_dir().map_or_else(
                    || std::path::PathBuf::from(&name),
                    |d| d.join("exports").join(&name),
                );
                self.export_prompt = Some(path.display().to_string());
            }
            Command::Back => self.compare = None,
            _ => {}
        }
        None
    }

    /// Rows of the comparison's body.
    pub fn compare_height(&self) -> usize {
        usize::from(body_area(self.body_area()).height).max(1)
    }

    /// The screen above the status bar.
    pub fn body_area(&self) -> Rect {
        Rect {
            height: self.area.height.saturating_sub(1),
            ..self.area
        }
    }

    /// While help or the log is open, movement scrolls it and back, help or log close it.
    fn run_in_overlay(&mut self, overlay: Overlay, command: Command) -> Option<Effect> {
        let (Overlay::Help { scroll } | Overlay::Log { scroll } | Overlay::Details { scroll, .. }) =
            overlay;
        let height = usize::from(self.area.height.saturating_sub(4)).max(1);
        let total = self.overlay_len(overlay);
        let max = total.saturating_sub(height);
        let new_scroll = match command {
            Command::Down => scroll + 1,
            Command::Up => scroll.saturating_sub(1),
            Command::PageDown => scroll + height,
            Command::PageUp => scroll.saturating_sub(height),
            Command::Top => 0,
            Command::Bottom => max,
            Command::Quit => {
                self.should_quit = true;
                return None;
            }
            Command::Help if matches!(overlay, Overlay::Log { .. }) => {
                self.overlay = Some(Overlay::Help { scroll: 0 });
                return None;
            }
            Command::ShowLog if matches!(overlay, Overlay::Help { .. }) => {
                self.overlay = Some(Overlay::Log { scroll: 0 });
                return None;
            }
            _ => {
                self.overlay = None;
                return None;
            }
        }
        .min(max);
        self.overlay = Some(match overlay {
            Overlay::Help { .. } => Overlay::Help { scroll: new_scroll },
            Overlay::Log { .. } => Overlay::Log { scroll: new_scroll },
            Overlay::Details { group, .. } => Overlay::Details {
                group,
                scroll: new_scroll,
            },
        });
        None
    }

    /// How many lines an overlay has.
    pub fn overlay_len(&self, overlay: Overlay) -> usize {
        match overlay {
            Overlay::Help { .. } => super::overlay::help_lines(&self.keymap).len(),
            Overlay::Log { .. } => self.issues.len().max(1),
            Overlay::Details { group, .. } => self
                .compare
                .as_ref()
                .map_or(1, |p| super::compare::details_lines(p, group).len()),
        }
    }

    fn on_scroll(&mut self, at: Position, delta: isize) {
        if self.overlay.is_some() {
            let command = if delta > 0 {
                Command::Down
            } else {
                Command::Up
            };
            for _ in 0..delta.unsigned_abs() {
                self.run(command);
            }
            return;
        }
        if self.compare.is_some() {
            let height = self.compare_height();
            if let Some(pane) = self.compare.as_mut() {
                pane.scroll_by(delta, height);
            }
            return;
        }
        let p = panes(self.area, self.focus);
        if p.list.is_some_and(|r| r.contains(at)) {
            self.list.move_by(delta);
        } else if p.reader.is_some_and(|r| r.contains(at)) {
            let h = self.reader_height();
            self.reader.scroll_by(delta, h);
        }
    }

    fn on_click(&mut self, at: Position) {
        if self.overlay.is_some() {
            return;
        }
        let p = panes(self.area, self.focus);
        if let Some(list) = p.list.filter(|r| r.contains(at)) {
            self.focus = Focus::List;
            let rows = inner(list);
            if rows.contains(at) {
                self.list
                    .select(self.list.offset + usize::from(at.y - rows.y));
            }
        } else if p.reader.is_some_and(|r| r.contains(at)) {
            self.focus = Focus::Reader;
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
        if let Some(pane) = self.compare.as_mut() {
            let body = body_area(Rect {
                height: self.area.height.saturating_sub(1),
                ..self.area
            });
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

/// "14 articles · 2 files skipped, 1 repaired (L: load log)".
/// Above this many bytes of text in all, a comparison runs in the background (about 0.1 s of
/// work at 200 KB on a slow machine; below it the pane opens at once).
const BACKGROUND_COMPARE_BYTES: usize = 256 * 1024;

/// The status line of a fetch under way.
fn fetch_status(p: &Progress) -> String {
    let mut text = format!(
        "fetching feeds {}/{} · {} new",
        p.done, p.total, p.new_articles
    );
    if p.failures > 0 {
        text.push_str(&format!(" · {} failed", p.failures));
    }
    text
}

fn load_summary(count: usize, issues: &[LoadIssue], keymap: &Keymap) -> String {
    let files = |kind: IssueKind| {
        let mut paths: Vec<_> = issues
            .iter()
            .filter(|i| i.kind == kind)
            .map(|i| &i.path)
            .collect();
        paths.dedup();
        paths.len()
    };
    let (skipped, repaired) = (files(IssueKind::Skipped), files(IssueKind::Repaired));
    let mut parts = vec![format!(
        "{count} article{}",
        if count == 1 { "" } else { "s" }
    )];
    let mut problems = Vec::new();
    if skipped > 0 {
        problems.push(format!(
            "{skipped} file{} skipped",
            if skipped == 1 { "" } else { "s" }
        ));
    }
    if repaired > 0 {
        problems.push(format!("{repaired} repaired"));
    }
    if !problems.is_empty() {
        parts.push(format!(
            "{} ({}: load log)",
            problems.join(", "),
            log_key(keymap)
        ));
    }
    parts.join(" · ")
}

/// The key that opens the log, for messages that point to it.
fn log_key(keymap: &Keymap) -> String {
    keymap
        .hint(Context::List, Command::ShowLog)
        .unwrap_or_else(|| "show_log".into())
}
