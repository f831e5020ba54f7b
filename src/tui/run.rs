//! The event loop, and the effects it carries out for `update`.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, SystemTime};

use ratatui::crossterm::event;

use super::{Action, App, Effect, FetchDone, action_for_event, terminal, view};
use crate::compare::LibraryTerms;
use crate::fetch::{
    Client, ClientOptions, FeedSource, fetch_all, fetch_full_text, replace_with_full_text,
};
use crate::library::{IssueKind, LoadIssue, LoadOptions, load_paths};

/// What the loop needs to carry out effects beyond the screen: files and the network.
#[derive(Debug, Clone, Default)]
pub struct Services {
    pub state_file: Option<PathBuf>,
    pub feeds: Vec<FeedSource>,
    /// Where fetched articles go, and where fetching keeps its state.
    pub library: Option<PathBuf>,
    pub fetch_state: Option<PathBuf>,
    /// The browser command; empty for the platform's opener.
    pub browser: Vec<String>,
}

/// How long the loop waits for input before looking for results of background work.
const TICK: Duration = Duration::from_millis(50);

/// Runs the TUI until the user quits. The terminal is restored however this returns.
pub fn run(mut app: App, services: Services) -> io::Result<()> {
    let (to_loop, from_work) = channel();
    let mut term = terminal::enter()?;
    let result = (|| -> io::Result<()> {
        let size = term.size()?;
        app.update(Action::Resize {
            width: size.width,
            height: size.height,
        });
        perform(Effect::CountLibrary, &app, &services, &to_loop);
        loop {
            term.draw(|frame| view::draw(&app, frame))?;
            let actions = next_actions(&from_work)?;
            app.update(Action::Now(SystemTime::now()));
            for action in actions {
                let mut next = Some(action);
                while let Some(action) = next.take() {
                    next = app
                        .update(action)
                        .and_then(|effect| perform(effect, &app, &services, &to_loop));
                }
            }
            if app.should_quit {
                return Ok(());
            }
        }
    })();
    terminal::leave();
    result
}

/// The next input events and reports from background work; waits (without redrawing) while
/// nothing happens, looking for reports every tick.
fn next_actions(from_work: &Receiver<Action>) -> io::Result<Vec<Action>> {
    loop {
        let mut actions: Vec<Action> = from_work.try_iter().collect();
        if event::poll(if actions.is_empty() {
            TICK
        } else {
            Duration::ZERO
        })? {
            actions.extend(action_for_event(&event::read()?));
        }
        if !actions.is_empty() {
            return Ok(actions);
        }
    }
}

/// Carries out an effect: quick ones at once (reported as an action), network work on a
/// thread that reports back through `to_loop`.
fn perform(
    effect: Effect,
    app: &App,
    services: &Services,
    to_loop: &Sender<Action>,
) -> Option<Action> {
    match effect {
        Effect::SaveReadState => Some(Action::StateSaved(match &services.state_file {
            Some(path) => app
                .read
                .save(path)
                .map_err(|e| format!("{}: {e}", path.display())),
            None => Err("no data folder on this system; marks last until you quit".into()),
        })),
        Effect::Export { path, markdown } => Some(Action::Exported(
            crate::library::write_atomically(&path, markdown.as_bytes())
                .map(|()| path.clone())
                .map_err(|e| format!("{}: {e}", path.display())),
        )),
        Effect::FetchFeeds => {
            let (Some(library), Some(state)) = (&services.library, &services.fetch_state) else {
                return Some(Action::FetchDone(FetchDone {
                    issues: vec![LoadIssue {
                        path: PathBuf::from("fetch"),
                        kind: IssueKind::Skipped,
                        reason: "no data folder on this system to keep fetched articles in".into(),
                    }],
                    failed: services.feeds.len(),
                    feeds: services.feeds.len(),
                    ..FetchDone::default()
                }));
            };
            let (feeds, library, state) = (services.feeds.clone(), library.clone(), state.clone());
            let tx = to_loop.clone();
            std::thread::spawn(move || {
                let done = fetch_in_background(&feeds, &library, &state, &tx);
                let _ = tx.send(Action::FetchDone(done));
            });
            None
        }
        Effect::FullText { path, url } => {
            let stored = app.articles.iter().find(|a| a.path == path)?.clone();
            let tx = to_loop.clone();
            std::thread::spawn(move || {
                let client = Client::new(&ClientOptions::default());
                let result = fetch_full_text(&client, &url).and_then(|(full, _)| {
                    replace_with_full_text(&path, &stored, &full)
                        .map_err(|e| format!("{}: {e}", path.display()))?;
                    load_paths(std::slice::from_ref(&path), &LoadOptions::default())
                        .articles
                        .into_iter()
                        .next()
                        .ok_or_else(|| format!("{}: stored but not readable", path.display()))
                });
                let _ = tx.send(Action::FullTextDone { path, result });
            });
            None
        }
        Effect::OpenUrl(url) => Some(Action::Opened(open_in_browser(&services.browser, &url))),
        Effect::Compare { at_once: true, .. } => compute(app, &effect),
        Effect::Compare {
            left, right, tier, ..
        } => {
            let (a, b) = (
                app.articles.get(left)?.clone(),
                app.articles.get(right)?.clone(),
            );
            let (tx, options) = (to_loop.clone(), app.compare_options());
            std::thread::spawn(move || {
                let _ = tx.send(compared(&a, &b, (left, right), tier, options));
            });
            None
        }
        Effect::CountLibrary => {
            // Only the openings are counted, so only they are copied.
            let openings: Vec<String> = app
                .articles
                .iter()
                .map(|a| LibraryTerms::opening(&a.body).to_string())
                .collect();
            let (version, tx) = (app.library_version, to_loop.clone());
            std::thread::spawn(move || {
                let refs: Vec<&str> = openings.iter().map(String::as_str).collect();
                let terms = std::sync::Arc::new(LibraryTerms::new(&refs));
                let _ = tx.send(Action::LibraryCounted { version, terms });
            });
            None
        }
    }
}

/// Carries out an effect that is only computation, a comparison, and returns what it
/// reports; `None` for any other effect (files, the network, the browser), which only the loop
/// carries out. Tests and benches use it to drive the app as the loop does.
pub fn compute(app: &App, effect: &Effect) -> Option<Action> {
    let Effect::Compare {
        left, right, tier, ..
    } = *effect
    else {
        return None;
    };
    let (a, b) = (app.articles.get(left)?, app.articles.get(right)?);
    Some(compared(a, b, (left, right), tier, app.compare_options()))
}

/// Compares two articles with `tier`, as the action that reports it.
fn compared(
    a: &crate::article::Article,
    b: &crate::article::Article,
    pair: (usize, usize),
    tier: crate::compare::Tier,
    options: crate::compare::Options,
) -> Action {
    let options = crate::compare::Options { tier, ..options };
    Action::Compared {
        pair,
        tier,
        comparison: Box::new(crate::compare::compare(a, b, &options)),
    }
}

fn fetch_in_background(
    feeds: &[FeedSource],
    library: &Path,
    state: &Path,
    tx: &Sender<Action>,
) -> FetchDone {
    let client = Client::new(&ClientOptions::default());
    let progress_tx = std::sync::Mutex::new(tx.clone());
    let report = fetch_all(feeds, library, state, &client, false, &|p| {
        if let Ok(tx) = progress_tx.lock() {
            let _ = tx.send(Action::FetchProgress(p.clone()));
        }
    });
    let new: Vec<PathBuf> = report.new_paths().cloned().collect();
    let loaded = load_paths(&new, &LoadOptions::default());
    let mut issues = loaded.issues;
    let mut failed = 0;
    for outcome in &report.outcomes {
        let problems: Vec<String> = match &outcome.result {
            Ok(r) => r.problems.clone(),
            Err(e) => {
                failed += 1;
                vec![format!("feed failed: {e}")]
            }
        };
        issues.extend(problems.into_iter().map(|reason| LoadIssue {
            path: PathBuf::from(&outcome.feed),
            kind: IssueKind::Skipped,
            reason,
        }));
    }
    if let Some(problem) = report.state_problem {
        issues.push(LoadIssue {
            path: state.to_path_buf(),
            kind: IssueKind::Repaired,
            reason: problem,
        });
    }
    FetchDone {
        articles: loaded.articles,
        issues,
        feeds: feeds.len(),
        failed,
    }
}

/// Starts the browser on `url` without a shell: the URL is one argument, and only http(s)
/// URLs get here. Its output is discarded so it cannot draw over the reader.
fn open_in_browser(browser: &[String], url: &str) -> Result<String, String> {
    if !crate::fetch::is_web_url(url) {
        return Err(format!("not an http or https URL: {url}"));
    }
    let platform: &[&str] = if cfg!(target_os = "macos") {
        &["open"]
    } else if cfg!(windows) {
        &["explorer"]
    } else {
        &["xdg-open"]
    };
    let words: Vec<&str> = if browser.is_empty() {
        platform.to_vec()
    } else {
        browser.iter().map(String::as_str).collect()
    };
    let (program, args) = words.split_first().ok_or("no browser command")?;
    let mut child = std::process::Command::new(program)
        .args(args)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map_err(|e| format!("{program}: {e}"))?;
    // Reap it when it exits, so no zombie is left behind.
    std::thread::spawn(move || child.wait());
    Ok(url.to_string())
}
