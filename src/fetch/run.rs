//! Fetching every subscribed feed at once (a few at a time), storing what is new, and saying
//! how it went, feed by feed.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::http::{Client, Response};
use super::state::{FeedState, FetchState};
use super::store::{Stored, store_item};
use super::{FeedSource, is_web_url};
use crate::article::{Article, Repairs, parse_feed, parse_html_page};
use crate::library::{STALE_TEMP_AGE, remove_stale_temporaries};

/// Feeds fetched at the same time.
const WORKERS: usize = 4;

/// How one feed went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedOutcome {
    /// The feed's name, or its URL.
    pub feed: String,
    /// Items stored for the first time, or why the feed failed.
    pub result: Result<FeedResult, String>,
}

/// A feed fetched without error.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FeedResult {
    pub new: Vec<PathBuf>,
    /// The server said nothing changed (304).
    pub unchanged: bool,
    /// Items that could not be stored or read, with the reason.
    pub problems: Vec<String>,
    /// How many of the feed's new items could not be written (each is among `problems`).
    pub not_stored: usize,
}

/// Where a fetch has got to, reported after each feed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    pub new_articles: usize,
    pub failures: usize,
}

/// The whole fetch: every feed's outcome, in the order of the config.
#[derive(Debug, Clone, Default)]
pub struct FetchReport {
    pub outcomes: Vec<FeedOutcome>,
    /// A problem with the fetch state file (it was set aside or could not be saved).
    pub state_problem: Option<String>,
    /// Temporary files left by a killed fetch, removed before this one began.
    pub stale_removed: Vec<PathBuf>,
}

impl FetchReport {
    /// Files stored for the first time, over all feeds.
    pub fn new_paths(&self) -> impl Iterator<Item = &PathBuf> {
        self.outcomes
            .iter()
            .filter_map(|o| o.result.as_ref().ok())
            .flat_map(|r| &r.new)
    }

    /// New items, over all feeds, that could not be written.
    pub fn not_stored(&self) -> usize {
        (self.outcomes.iter())
            .filter_map(|o| o.result.as_ref().ok())
            .map(|r| r.not_stored)
            .sum()
    }
}

/// Fetches every feed, a few at a time, into `library`. One failing feed never stops the
/// others. The state is saved after each feed, so a kill loses nothing already stored.
/// With `full_text`, items that carry only a summary are replaced by the linked page.
pub fn fetch_all(
    feeds: &[FeedSource],
    library: &Path,
    state_path: &Path,
    client: &Client,
    full_text: bool,
    progress: &(dyn Fn(&Progress) + Sync),
) -> FetchReport {
    tracing::info!(feeds = feeds.len(), library = %library.display(), "fetch started");
    let (state, state_problem) = FetchState::load(state_path);
    let may_save = state.is_some();
    let stale_removed = remove_stale_temporaries(library, STALE_TEMP_AGE);
    for path in &stale_removed {
        tracing::info!(path = %path.display(), "removed a temporary file a killed fetch left");
    }
    let shared = Shared {
        state: Mutex::new(state.unwrap_or_default()),
        may_save,
        claimed: Mutex::new(HashSet::new()),
        state_path,
        library,
        client,
        full_text,
        progress: Mutex::new(Progress {
            total: feeds.len(),
            ..Progress::default()
        }),
        save_problem: Mutex::new(state_problem),
    };
    let next = AtomicUsize::new(0);
    let outcomes: Mutex<Vec<Option<FeedOutcome>>> = Mutex::new(vec![None; feeds.len()]);
    std::thread::scope(|s| {
        for _ in 0..WORKERS.min(feeds.len()) {
            s.spawn(|| {
                loop {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    let Some(feed) = feeds.get(k) else { break };
                    let outcome = shared.fetch_one(feed);
                    log_outcome(feed, &outcome);
                    let snapshot = {
                        let mut p = lock(&shared.progress);
                        p.done += 1;
                        match &outcome.result {
                            Ok(r) => p.new_articles += r.new.len(),
                            Err(_) => p.failures += 1,
                        }
                        p.clone()
                    };
                    lock(&outcomes)[k] = Some(outcome);
                    progress(&snapshot);
                }
            });
        }
    });
    let report = FetchReport {
        outcomes: outcomes
            .into_inner()
            .unwrap_or_else(|p| p.into_inner())
            .into_iter()
            .flatten()
            .collect(),
        state_problem: shared
            .save_problem
            .into_inner()
            .unwrap_or_else(|p| p.into_inner()),
        stale_removed,
    };
    if let Some(problem) = &report.state_problem {
        tracing::warn!(state = %state_path.display(), "{problem}");
    }
    let failed = report.outcomes.iter().filter(|o| o.result.is_err()).count();
    tracing::info!(new = report.new_paths().count(), failed, "fetch done");
    report
}

/// One line per feed in the log, and one per item that could not be stored. What a server
/// sent may hold escape sequences: the log stays plain text.
fn log_outcome(feed: &FeedSource, outcome: &FeedOutcome) {
    use crate::article::sanitize_line;
    match &outcome.result {
        Ok(r) => {
            tracing::info!(
                feed = %outcome.feed,
                url = %feed.url,
                new = r.new.len(),
                unchanged = r.unchanged,
                "feed fetched"
            );
            for problem in &r.problems {
                tracing::warn!(feed = %outcome.feed, "{}", sanitize_line(problem));
            }
        }
        Err(why) => tracing::warn!(
            feed = %outcome.feed,
            url = %feed.url,
            "feed failed: {}",
            sanitize_line(why)
        ),
    }
}

/// Fetches the page at `url` and extracts its article.
pub fn fetch_full_text(client: &Client, url: &str) -> Result<(Article, Repairs), String> {
    match client.get(url, None, None).map_err(|e| e.to_string())? {
        Response::NotModified => Err("the server sent no page (304)".into()),
        Response::Body {
            bytes, final_url, ..
        } => {
            let html = String::from_utf8_lossy(&bytes);
            parse_html_page(Path::new(&final_url), &html, Some(&final_url))
                .map_err(|e| e.to_string())
        }
    }
}

struct Shared<'a> {
    state: Mutex<FetchState>,
    /// False when an unreadable state file could not be set aside: it is never saved over.
    may_save: bool,
    /// Item keys and URLs a worker of this fetch has taken to store: two feeds that carry the
    /// same item never write it both.
    claimed: Mutex<HashSet<String>>,
    state_path: &'a Path,
    library: &'a Path,
    client: &'a Client,
    full_text: bool,
    progress: Mutex<Progress>,
    save_problem: Mutex<Option<String>>,
}

/// A poisoned lock only means another worker panicked; the data is still whole.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Shared<'_> {
    /// Takes an item (by its key and URL) for this worker to store, unless an earlier fetch
    /// stored it or another worker has taken it.
    fn claim(&self, key: &str, url: &str) -> bool {
        let state = lock(&self.state);
        let mut claimed = lock(&self.claimed);
        let ids = || std::iter::once(key).chain(Some(url).filter(|u| !u.is_empty()));
        if ids().any(|id| state.seen.contains(id) || claimed.contains(id)) {
            return false;
        }
        claimed.extend(ids().map(str::to_string));
        true
    }

    /// Gives back an item whose writing failed, so that another feed may store it.
    fn release(&self, key: &str, url: &str) {
        let mut claimed = lock(&self.claimed);
        claimed.remove(key);
        claimed.remove(url);
    }

    fn fetch_one(&self, feed: &FeedSource) -> FeedOutcome {
        let result = self.try_fetch(feed);
        FeedOutcome {
            feed: crate::article::sanitize_line(feed.label()),
            result,
        }
    }

    fn try_fetch(&self, feed: &FeedSource) -> Result<FeedResult, String> {
        let known = lock(&self.state)
            .feeds
            .get(&feed.url)
            .cloned()
            .unwrap_or_default();
        let response = self
            .client
            .get(
                &feed.url,
                known.etag.as_deref(),
                known.last_modified.as_deref(),
            )
            .map_err(|e| e.to_string())?;
        let Response::Body {
            bytes,
            etag,
            last_modified,
            ..
        } = response
        else {
            return Ok(FeedResult {
                unchanged: true,
                ..FeedResult::default()
            });
        };
        let mut parsed = parse_feed(Path::new(&feed.url), &bytes).map_err(|e| e.to_string())?;
        let mut result = FeedResult {
            problems: parsed.skipped.clone(),
            ..FeedResult::default()
        };
        if parsed.items.len() > feed.max_items {
            result.problems.push(format!(
                "the feed has {} items; only its first {} were read (max_items_per_feed)",
                parsed.items.len(),
                feed.max_items
            ));
            parsed.items.truncate(feed.max_items);
        }
        let source = if parsed.title.is_empty() {
            crate::article::sanitize_line(feed.label())
        } else {
            parsed.title.clone()
        };
        for item in parsed.items {
            let key = if item.id.is_empty() {
                item.article.url.clone()
            } else {
                item.id.clone()
            };
            if !self.claim(&key, &item.article.url) {
                continue;
            }
            let item_url = item.article.url.clone();
            let mut article = item.article;
            if article.source.is_empty() {
                article.source.clone_from(&source);
            }
            for tag in &feed.tags {
                if !article.tags.contains(tag) {
                    article.tags.push(crate::article::sanitize_line(tag));
                }
            }
            let mut summary_only = item.summary_only;
            if summary_only && self.full_text && is_web_url(&article.url) {
                match fetch_full_text(self.client, &article.url) {
                    Ok((mut full, _)) => {
                        full.tags.clone_from(&article.tags);
                        full.source.clone_from(&article.source);
                        full.published = full.published.or(article.published);
                        full.url.clone_from(&article.url);
                        article = full;
                        summary_only = false;
                    }
                    Err(e) => result
                        .problems
                        .push(format!("{}: full text not fetched: {e}", article.title)),
                }
            }
            match store_item(self.library, &article, &key, &source, summary_only) {
                Ok(Stored::New(path)) => result.new.push(path),
                Ok(Stored::AlreadyThere(_)) => {}
                Err(e) => {
                    result
                        .problems
                        .push(format!("{}: not stored: {e}", article.title));
                    result.not_stored += 1;
                    self.release(&key, &item_url);
                    continue;
                }
            }
            let mut state = lock(&self.state);
            state.seen.insert(key);
            if !article.url.is_empty() {
                state.seen.insert(article.url.clone());
            }
        }
        let mut state = lock(&self.state);
        state.feeds.insert(
            feed.url.clone(),
            FeedState {
                etag,
                last_modified,
            },
        );
        if !self.may_save {
            return Ok(result);
        }
        if let Err(e) = state.save(self.state_path) {
            *lock(&self.save_problem) = Some(format!(
                "{}: fetch state not saved ({e})",
                self.state_path.display()
            ));
        }
        Ok(result)
    }
}
