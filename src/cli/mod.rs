//! The command line: arguments, startup order and the headless commands.

mod compare;
mod fetch;
mod generate;
mod list;
mod opml;
mod say;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use parallax::compare::Tier;
use parallax::config::{Config, ConfigLocation, DEFAULT_CONFIG, library_dir};
use parallax::library::{
    IssueKind, LoadIssue, LoadOptions, Loaded, ReadState, load_paths, load_samples,
};

/// Parallax: read and compare news reports of the same event in the terminal.
///
/// With no command, opens the reader on the given files and folders (read recursively), or on
/// the `library` folders of the config, or on the built-in sample articles.
#[derive(Debug, Parser)]
#[command(
    name = "parallax",
    version,
    about,
    override_usage = "parallax [OPTIONS] [PATH]...\n       parallax [OPTIONS] <COMMAND>"
)]
pub struct Cli {
    /// Config file to use instead of the default location (also: PARALLAX_CONFIG).
    #[arg(long, global = true, value_name = "PATH")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Cmd>,
}

#[derive(Debug, Subcommand)]
enum Cmd {
    /// Print the library as a table (or JSON) without the TUI. Problems go to stderr.
    List {
        /// Files or folders to list (default: as for the TUI).
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// Only the articles this query keeps, in the list filter's language
        /// (e.g. "source:ledger since:2d -tag:sport").
        #[arg(long, value_name = "QUERY")]
        query: Option<String>,
    },
    /// Compare two articles: which passages each carries of the other, and where they disagree.
    Compare {
        /// The left article: a file, or sample:NAME for a built-in sample.
        left: PathBuf,
        /// The right article.
        right: PathBuf,
        /// What to print.
        #[arg(long, value_enum, default_value_t = compare::OutputFormat::Text)]
        format: compare::OutputFormat,
        /// Columns for side-by-side, 40 to 1000 (default: the terminal's width, else
        /// $COLUMNS, else 120).
        #[arg(long, value_parser = side_by_side_width)]
        width: Option<usize>,
        /// Measure meaning with the fast tier only (static vectors; at once, on any length)
        /// instead of the contextual model.
        #[arg(long)]
        fast: bool,
    },
    /// Fetch every feed in the config's [[feeds]] into the library folder (for cron).
    Fetch {
        /// For items that carry only a summary, fetch the linked page's full text.
        #[arg(long)]
        full: bool,
    },
    /// Show the default config or where Parallax looks for yours.
    Config {
        #[command(subcommand)]
        what: ConfigCmd,
    },
    /// Bring subscriptions in from another feed reader, or take them out (OPML).
    Opml {
        #[command(subcommand)]
        what: OpmlCmd,
    },
    /// Print a shell completion script (see the README for where to put it).
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), or write every page (one per command) into a folder.
    Manpage {
        /// Write parallax.1 and a page per command (parallax-compare.1, ...) into this folder.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Anything that is not a command is a file or folder to open in the reader. (clap cannot
    /// mix top-level positional paths with subcommands after a global option, so paths arrive
    /// here.)
    #[command(external_subcommand)]
    Open(Vec<OsString>),
}

#[derive(Debug, Subcommand)]
enum OpmlCmd {
    /// Add the http(s) feeds of an OPML file to your config file as [[feeds]] tables
    /// (comments and layout kept; feeds already there skipped; nested outlines become tags).
    Import {
        /// The OPML file another reader exported.
        file: PathBuf,
    },
    /// Print the configured feeds as OPML 2.0.
    Export,
}

#[derive(Debug, Subcommand)]
enum ConfigCmd {
    /// Print the documented default config file.
    Default,
    /// Print the path of the config file Parallax reads.
    Path,
}

/// Runs the command line; the exit status is 2 for bad configuration or arguments.
pub fn run(mut cli: Cli) -> ExitCode {
    if let Some(Cmd::Open(args)) = &cli.command {
        match split_open_args(args) {
            Ok((paths, config)) => {
                cli.config = config.or(cli.config);
                cli.command = Some(Cmd::Open(paths.into_iter().map(OsString::from).collect()));
            }
            Err(message) => {
                say::error(format_args!("parallax: {message} (see --help)"));
                return ExitCode::from(2);
            }
        }
    }
    match &cli.command {
        Some(Cmd::Completions { shell }) => return generate::completions(*shell),
        Some(Cmd::Manpage { dir }) => return generate::manpage(dir.as_deref()),
        _ => {}
    }
    let location = ConfigLocation::resolve(cli.config.clone());
    // An import checks the config itself, and makes it when there is none yet.
    if let Some(Cmd::Opml {
        what: OpmlCmd::Import { file },
    }) = &cli.command
    {
        return opml::import(file, location.path.as_deref());
    }
    if let Some(Cmd::Config { what }) = &cli.command {
        match what {
            ConfigCmd::Default => print!("{DEFAULT_CONFIG}"),
            ConfigCmd::Path => {
                match &location.path {
                    Some(p) => {
                        let note = if p.exists() {
                            ""
                        } else {
                            " (does not exist yet: defaults are in use)"
                        };
                        say::out(format_args!("{}{note}", p.display()));
                    }
                    None => say::out(format_args!(
                        "(no config folder on this system: defaults are in use)"
                    )),
                }
                if let Some(log) = parallax::log::log_file() {
                    say::out(format_args!("log: {}", log.display()));
                }
            }
        }
        return ExitCode::SUCCESS;
    }
    // From here on, what happens is also written to the log file (never to the terminal).
    if let Some(log) = parallax::log::log_file()
        && let Err(why) = parallax::log::start(&log)
    {
        say::error(format_args!(
            "parallax: the log cannot be written ({why}); going on without it"
        ));
    }

    // Without a config file, `compare` needs no default but the size limit of a file, so it
    // does not build the default keymap and theme (a twentieth of the time it takes to compare
    // two 8 KB reports).
    if config_file(&location).is_none()
        && let Some(Cmd::Compare {
            left,
            right,
            format,
            width,
            fast,
        }) = &cli.command
    {
        return compare::run(
            left,
            right,
            *format,
            *width,
            tier(*fast),
            &LoadOptions::default(),
        );
    }

    // The config is read and checked before the terminal is touched.
    let config = match load_config(&location) {
        Ok(c) => c,
        Err(errors) => {
            for e in &errors {
                tracing::error!("config: {e}");
            }
            say::error(format_args!(
                "parallax: the config file has {} problem{}:",
                errors.len(),
                if errors.len() == 1 { "" } else { "s" }
            ));
            for e in errors {
                say::error(format_args!("  {e}"));
            }
            say::error(format_args!(
                "Fix it, or run with --config /dev/null to start on the defaults."
            ));
            return ExitCode::from(2);
        }
    };

    match cli.command {
        Some(Cmd::List { paths, json, query }) => {
            let mut loaded = load_library(&paths, &config).0;
            if let Some(query) = query
                && let Err(status) = list::keep_matching(&mut loaded, &query)
            {
                return status;
            }
            list::run(&loaded, json)
        }
        Some(Cmd::Compare {
            left,
            right,
            format,
            width,
            fast,
        }) => compare::run(
            &left,
            &right,
            format,
            width,
            tier(fast),
            &LoadOptions {
                max_file_size: config.max_file_size,
            },
        ),
        Some(Cmd::Fetch { full }) => fetch::run(&config, full),
        Some(Cmd::Opml {
            what: OpmlCmd::Export,
        }) => opml::export(&config),
        // Handled before the config is read.
        Some(
            Cmd::Config { .. }
            | Cmd::Completions { .. }
            | Cmd::Manpage { .. }
            | Cmd::Opml {
                what: OpmlCmd::Import { .. },
            },
        ) => ExitCode::SUCCESS,
        Some(Cmd::Open(paths)) => run_tui(
            &paths.into_iter().map(PathBuf::from).collect::<Vec<_>>(),
            config,
        ),
        None => run_tui(&[], config),
    }
}

/// Paths to open may be followed by `--config PATH`; `--` ends options.
fn split_open_args(args: &[OsString]) -> Result<(Vec<PathBuf>, Option<PathBuf>), String> {
    let mut paths = Vec::new();
    let mut config = None;
    let mut iter = args.iter();
    let mut options_done = false;
    while let Some(arg) = iter.next() {
        let text = arg.to_string_lossy();
        if options_done || !text.starts_with('-') || text == "-" {
            paths.push(PathBuf::from(arg));
        } else if text == "--" {
            options_done = true;
        } else if text == "--config" {
            config = Some(PathBuf::from(iter.next().ok_or("--config needs a PATH")?));
        } else if let Some(value) = text.strip_prefix("--config=") {
            config = Some(PathBuf::from(value));
        } else {
            return Err(format!("unexpected option `{text}`"));
        }
    }
    Ok((paths, config))
}

/// The config file to read: the one given with `--config`, or the usual one when it exists.
fn config_file(location: &ConfigLocation) -> Option<&Path> {
    (location.path.as_deref()).filter(|path| location.explicit || path.exists())
}

fn load_config(location: &ConfigLocation) -> Result<Config, Vec<parallax::config::ConfigError>> {
    match config_file(location) {
        Some(path) => Config::load(path),
        None => Ok(Config::builtin()),
    }
}

/// The meaning tier `parallax compare` runs: the deep one unless `--fast`.
fn tier(fast: bool) -> Tier {
    if fast { Tier::Fast } else { Tier::Deep }
}

/// The paths given; else the configured library folders plus the folder fetched articles go
/// to; else, when all of those are empty (a first run), the built-in samples. The flag says
/// the samples stand in.
fn load_library(paths: &[PathBuf], config: &Config) -> (Loaded, bool) {
    let options = LoadOptions {
        max_file_size: config.max_file_size,
    };
    if !paths.is_empty() {
        return (load_paths(paths, &options), false);
    }
    let mut folders = config.library.clone();
    if let Some(fetched) = library_dir()
        && fetched.is_dir()
        && !folders.contains(&fetched)
    {
        folders.push(fetched);
    }
    let loaded = load_paths(&folders, &options);
    if loaded.articles.is_empty() && loaded.issues.is_empty() {
        (load_samples(), true)
    } else {
        (loaded, false)
    }
}

fn run_tui(paths: &[PathBuf], config: Config) -> ExitCode {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        say::error(format_args!(
            "parallax: the reader needs a terminal; for scripts use `parallax list` (see --help)"
        ));
        return ExitCode::from(2);
    }
    let (loaded, samples) = load_library(paths, &config);
    let mut state_file = parallax::config::state_file();
    let mut warnings = Vec::new();
    let read = match state_file.clone() {
        Some(path) => {
            let outcome = ReadState::load(&path);
            if !outcome.writable {
                // An unreadable file that could not be moved is never saved over.
                state_file = None;
            }
            if let Some(reason) = outcome.warning {
                warnings.push(LoadIssue {
                    path,
                    kind: IssueKind::Repaired,
                    reason,
                });
            }
            outcome.state
        }
        None => ReadState::default(),
    };
    // A warning (a damaged state file) goes first; App::new shows it over this hint.
    let message = samples.then(|| {
        if config.feeds.is_empty() {
            "samples shown: add [[feeds]] to the config, then r".to_string()
        } else {
            "samples shown: press r to fetch your feeds".to_string()
        }
    });
    let startup = parallax::tui::Startup {
        read,
        theme: config.theme,
        warnings,
        colour: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        hyperlinks: parallax::tui::terminal_supports_hyperlinks(|name| std::env::var(name).ok()),
        feeds: config.feeds.len(),
        showing_samples: samples,
        data_dir: parallax::config::data_dir(),
        message,
        ..parallax::tui::Startup::new(config.keymap)
    };
    let app = parallax::tui::App::new(loaded, startup);
    let services = parallax::tui::Services {
        state_file,
        feeds: config.feeds,
        library: library_dir(),
        fetch_state: parallax::config::fetch_state_file(),
        browser: config.browser,
    };
    match parallax::tui::run(app, services) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            say::error(format_args!("parallax: terminal error: {e}"));
            ExitCode::FAILURE
        }
    }
}

/// `--width`: a whole number of columns from 40 (two columns need that much) to 1000 (past any
/// screen, lines nobody can read).
fn side_by_side_width(text: &str) -> Result<usize, String> {
    const COLUMNS: std::ops::RangeInclusive<usize> = 40..=1000;
    let why = || {
        format!(
            "the width is a number of columns from {} to {}",
            COLUMNS.start(),
            COLUMNS.end()
        )
    };
    match text.trim().parse::<usize>() {
        Ok(n) if COLUMNS.contains(&n) => Ok(n),
        _ => Err(why()),
    }
}
