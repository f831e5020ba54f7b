//! `parallax fetch`: fetch every subscribed feed into the library folder, for cron.

use super::say;
use std::process::ExitCode;

use parallax::config::{Config, fetch_state_file, library_dir};
use parallax::fetch::{Client, ClientOptions, fetch_all};

/// Fetches all feeds; prints one line per feed and a total. Exit status 1 when a feed failed
/// or a new item could not be stored, 2 when there is nothing to fetch or nowhere to store it.
pub fn run(config: &Config, full_text: bool) -> ExitCode {
    if config.feeds.is_empty() {
        say::error(format_args!(
            "parallax: no feeds to fetch; add [[feeds]] tables with a url to your config (see `parallax config default`)"
        ));
        return ExitCode::from(2);
    }
    let (Some(library), Some(state)) = (library_dir(), fetch_state_file()) else {
        say::error(format_args!(
            "parallax: this system has no data folder to keep fetched articles in"
        ));
        return ExitCode::from(2);
    };
    let client = Client::new(&ClientOptions::default());
    let report = fetch_all(&config.feeds, &library, &state, &client, full_text, &|_| {});
    let mut failed = 0;
    let mut new = 0;
    for outcome in &report.outcomes {
        match &outcome.result {
            Ok(r) if r.unchanged => say::out(format_args!("{}: unchanged", outcome.feed)),
            Ok(r) => {
                new += r.new.len();
                say::out(format_args!("{}: {} new", outcome.feed, r.new.len()));
                for problem in &r.problems {
                    say::out(format_args!("  {problem}"));
                }
            }
            Err(e) => {
                failed += 1;
                say::out(format_args!("{}: failed: {e}", outcome.feed));
            }
        }
    }
    if !report.stale_removed.is_empty() {
        say::out(format_args!(
            "removed {} temporary file(s) left by an interrupted fetch",
            report.stale_removed.len()
        ));
    }
    if let Some(problem) = &report.state_problem {
        say::error(format_args!("parallax: {problem}"));
    }
    let not_stored = report.not_stored();
    let not_stored_note = match not_stored {
        0 => String::new(),
        n => format!("; {n} new item{} not stored", if n == 1 { "" } else { "s" }),
    };
    say::out(format_args!(
        "{new} new article{} in {}; {failed} of {} feeds failed{not_stored_note}",
        if new == 1 { "" } else { "s" },
        library.display(),
        report.outcomes.len()
    ));
    if failed > 0 || not_stored > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
