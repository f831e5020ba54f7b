//! Reading the TOML config: defaults embedded in the binary, the user's file merged over them.

use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::bindings::{KeyTables, bindings_of, merge};
use super::settings::Check;
use super::{ConfigError, Keymap, Theme, ThemeColor};
use crate::library::DEFAULT_MAX_FILE_SIZE;
use crate::source::{DEFAULT_MAX_ITEMS_PER_FEED, FeedSource, is_web_url};

/// The documented default config, shipped as `config/default.toml` and embedded here.
pub const DEFAULT_CONFIG: &str = include_str!("../../config/default.toml");

/// Everything Parallax reads from its config file.
#[derive(Debug, Clone)]
pub struct Config {
    /// Folders and files opened when no PATH is given.
    pub library: Vec<PathBuf>,
    /// Files above this many bytes are skipped.
    pub max_file_size: u64,
    pub keymap: Keymap,
    /// Colours of the comparison pane.
    pub theme: Theme,
    /// Subscribed feeds, from `[[feeds]]` tables.
    pub feeds: Vec<FeedSource>,
    /// The command that opens a URL (`o`), as program and arguments; empty for the
    /// platform's opener.
    pub browser: Vec<String>,
}

/// The largest config file read. The shipped defaults, every comment included, are about
/// 6 KB; a file of a megabyte is generated, and would take seconds to check.
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

impl Config {
    /// The built-in defaults.
    pub fn builtin() -> Config {
        match Config::parse("", Path::new("<built-in>")) {
            Ok(config) => config,
            // The shipped file is parsed in a test; this cannot happen in a released binary.
            Err(errors) => unreachable!("the built-in config is invalid: {errors:?}"),
        }
    }

    /// Reads a config file and merges it over the defaults. A file over
    /// [`MAX_CONFIG_BYTES`] is refused for its size, read no further than that.
    pub fn load(path: &Path) -> Result<Config, Vec<ConfigError>> {
        Config::parse(&read_config_text(path)?, path)
    }

    /// Parses config text (the user's file) and merges it over the defaults. All problems found
    /// are returned together, each with its line and column.
    pub fn parse(text: &str, path: &Path) -> Result<Config, Vec<ConfigError>> {
        let default_path = Path::new("config/default.toml");
        let default_text = &Source::new(DEFAULT_CONFIG);
        let default_raw = parse_raw(default_text, default_path)?;
        let (defaults, default_errors) = bindings_of(&default_raw.keys, default_text, default_path);
        let text = &Source::new(text);
        if !default_errors.is_empty() {
            return Err(default_errors);
        }
        let raw = parse_raw(text, path)?;
        let (user, mut errors) = bindings_of(&raw.keys, text, path);
        let theme = theme_of(&raw.theme, text, path, &mut errors);
        let base = path.parent().unwrap_or(Path::new("."));
        let mut check = Check {
            text,
            path,
            errors: &mut errors,
        };
        let max_items = check.max_items(
            "max_items_per_feed",
            raw.max_items_per_feed.as_ref(),
            DEFAULT_MAX_ITEMS_PER_FEED,
        );
        let feeds = feeds_of(&raw.feeds, max_items, &mut check);
        let library = check.library(raw.library.as_ref(), base);
        let max_file_size = check.max_file_size(raw.max_file_size.as_ref(), DEFAULT_MAX_FILE_SIZE);
        let browser = check.browser(raw.browser.as_ref());
        // Merge even after errors, so shadowing problems are reported in the same run.
        let keymap = match merge(defaults, user, text, path) {
            Ok(keymap) if errors.is_empty() => keymap,
            Ok(_) => return Err(in_file_order(errors)),
            Err(more) => {
                errors.extend(more);
                return Err(in_file_order(errors));
            }
        };
        Ok(Config {
            library,
            max_file_size,
            keymap,
            theme,
            feeds,
            browser,
        })
    }
}

/// A config file's text: refused over [`MAX_CONFIG_BYTES`] (read no further than that), and
/// located at the first byte that is not UTF-8.
pub fn read_config_text(path: &Path) -> Result<String, Vec<ConfigError>> {
    let fail = |message: String| {
        vec![ConfigError {
            path: path.to_path_buf(),
            line: 0,
            column: 0,
            message,
        }]
    };
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| {
            std::io::Read::read_to_end(
                &mut std::io::Read::take(file, MAX_CONFIG_BYTES + 1),
                &mut bytes,
            )
        })
        .map_err(|e| fail(format!("cannot read config: {e}")))?;
    if bytes.len() as u64 > MAX_CONFIG_BYTES {
        return Err(fail(format!(
            "config refused: larger than {} KiB; a config this size is not one a person wrote",
            MAX_CONFIG_BYTES / 1024
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let valid = std::str::from_utf8(valid).unwrap_or_default();
        let line_start = valid.rfind('\n').map_or(0, |k| k + 1);
        vec![ConfigError {
            path: path.to_path_buf(),
            line: valid.matches('\n').count() + 1,
            column: valid[line_start..].chars().count() + 1,
            message: "cannot read config: not UTF-8 text".into(),
        }]
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    library: Option<Spanned<toml::Value>>,
    max_file_size: Option<Spanned<toml::Value>>,
    max_items_per_feed: Option<Spanned<toml::Value>>,
    #[serde(default)]
    keys: KeyTables,
    #[serde(default)]
    theme: RawTheme,
    #[serde(default)]
    feeds: Vec<RawFeed>,
    browser: Option<Spanned<toml::Value>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFeed {
    url: Spanned<String>,
    name: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    max_items: Option<Spanned<toml::Value>>,
}

/// Subscriptions from `[[feeds]]`; a URL that is not http(s), or given twice, is an error
/// at its place in the file.
fn feeds_of(raw: &[RawFeed], max_items: usize, check: &mut Check) -> Vec<FeedSource> {
    let mut feeds: Vec<FeedSource> = Vec::new();
    for feed in raw {
        let (text, path) = (check.text, check.path);
        let url = feed.url.get_ref().trim();
        if !is_web_url(url) {
            check.errors.push(error_at(
                path,
                text,
                Some(feed.url.span()),
                format!("feed url `{url}` must start with http:// or https://"),
            ));
        } else if feeds.iter().any(|f| f.url == url) {
            check.errors.push(error_at(
                path,
                text,
                Some(feed.url.span()),
                format!("feed `{url}` is listed twice"),
            ));
        } else {
            feeds.push(FeedSource {
                url: url.to_string(),
                name: feed.name.clone().filter(|n| !n.trim().is_empty()),
                tags: feed.tags.clone(),
                max_items: check.max_items("max_items", feed.max_items.as_ref(), max_items),
            });
        }
    }
    feeds
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawTheme {
    changed_left: Option<Spanned<String>>,
    changed_right: Option<Spanned<String>>,
    unique_left: Option<Spanned<String>>,
    unique_right: Option<Spanned<String>>,
    conflict: Option<Spanned<String>>,
}

/// The theme from the file over the defaults; bad colours are reported with their place.
fn theme_of(raw: &RawTheme, text: &Source, path: &Path, errors: &mut Vec<ConfigError>) -> Theme {
    let mut theme = Theme::default();
    let fields = [
        (&raw.changed_left, &mut theme.changed_left),
        (&raw.changed_right, &mut theme.changed_right),
        (&raw.unique_left, &mut theme.unique_left),
        (&raw.unique_right, &mut theme.unique_right),
        (&raw.conflict, &mut theme.conflict),
    ];
    for (value, slot) in fields {
        if let Some(v) = value {
            match ThemeColor::parse(v.get_ref()) {
                Ok(c) => *slot = c,
                Err(e) => errors.push(error_at(path, text, Some(v.span()), e)),
            }
        }
    }
    theme
}

pub(super) fn error_at(
    path: &Path,
    text: &Source,
    span: Option<Range<usize>>,
    message: String,
) -> ConfigError {
    let (line, column) = span.map_or((0, 0), |s| text.line_col(s.start));
    ConfigError {
        path: path.to_path_buf(),
        line,
        column,
        message,
    }
}

/// A config text with the offsets where its lines start, found on first use: a file with
/// thousands of problems is located in one pass, not one pass per problem.
pub(super) struct Source<'t> {
    pub text: &'t str,
    starts: std::cell::OnceCell<Vec<usize>>,
}

impl<'t> Source<'t> {
    pub fn new(text: &'t str) -> Source<'t> {
        Source {
            text,
            starts: std::cell::OnceCell::new(),
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    fn line_col(&self, offset: usize) -> (usize, usize) {
        let text = self.text;
        let offset = text.floor_char_boundary(offset.min(text.len()));
        let starts = self.starts.get_or_init(|| {
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        let line = starts.partition_point(|&s| s <= offset);
        (line, text[starts[line - 1]..offset].chars().count() + 1)
    }
}

/// Problems sorted by where they stand in the file.
fn in_file_order(mut errors: Vec<ConfigError>) -> Vec<ConfigError> {
    errors.sort_by_key(|e| (e.line, e.column));
    errors
}

fn parse_raw(text: &Source, path: &Path) -> Result<RawConfig, Vec<ConfigError>> {
    toml::from_str(text.text).map_err(|e| {
        vec![error_at(
            path,
            text,
            e.span(),
            e.message().trim().to_string(),
        )]
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Command, Context, Key, Lookup};

    fn parse(text: &str) -> Result<Config, Vec<ConfigError>> {
        Config::parse(text, Path::new("my.toml"))
    }

    fn first_error(text: &str) -> String {
        parse(text).unwrap_err()[0].to_string()
    }

    #[test]
    fn the_shipped_default_file_is_valid_and_binds_every_command() {
        let config = Config::builtin();
        for ctx in Context::ALL {
            for cmd in ctx.commands() {
                assert!(
                    !config.keymap.keys_for(ctx, *cmd).is_empty(),
                    "{cmd} unbound in {ctx}"
                );
            }
        }
        assert_eq!(config.max_file_size, DEFAULT_MAX_FILE_SIZE);
        assert!(config.library.is_empty());
    }

    #[test]
    fn user_bindings_replace_defaults_action_by_action() {
        let config = parse("[keys.list]\ndown = [\"n\"]\n").unwrap();
        let km = &config.keymap;
        assert_eq!(
            km.lookup(Context::List, &[Key::char('n')]),
            Lookup::Command(Command::Down)
        );
        assert_eq!(km.lookup(Context::List, &[Key::char('j')]), Lookup::Unbound);
        assert_eq!(
            km.lookup(Context::List, &[Key::char('k')]),
            Lookup::Command(Command::Up)
        );
    }

    #[test]
    fn a_key_taken_by_the_user_leaves_its_default_action() {
        let km = parse("[keys.list]\ntoggle_read = [\"j\"]\n")
            .unwrap()
            .keymap;
        assert_eq!(
            km.lookup(Context::List, &[Key::char('j')]),
            Lookup::Command(Command::ToggleRead)
        );
        assert_eq!(km.keys_for(Context::List, Command::Down).len(), 1);
    }

    #[test]
    fn empty_list_unbinds() {
        let km = parse("[keys.global]\nshow_log = []\n").unwrap().keymap;
        assert_eq!(km.lookup(Context::List, &[Key::char('L')]), Lookup::Unbound);
    }

    #[test]
    fn sequences_wait_for_their_second_key() {
        let km = parse("[keys.list]\ntop = [\"g g\"]\n").unwrap().keymap;
        assert_eq!(km.lookup(Context::List, &[Key::char('g')]), Lookup::Pending);
        assert_eq!(
            km.lookup(Context::List, &[Key::char('g'), Key::char('g')]),
            Lookup::Command(Command::Top)
        );
    }

    #[test]
    fn global_keys_apply_in_panes_unless_overridden() {
        let km = Config::builtin().keymap;
        assert_eq!(
            km.lookup(Context::Reader, &[Key::char('q')]),
            Lookup::Command(Command::Quit)
        );
    }

    #[test]
    fn unknown_action_names_the_place_and_suggests() {
        assert_eq!(
            first_error("\n[keys.list]\ndwon = [\"j\"]\n"),
            "my.toml:3:1: unknown action `dwon` in [keys.list] (did you mean `down`?)"
        );
    }

    #[test]
    fn unknown_key_name_points_at_the_key() {
        let e = first_error("[keys.list]\ndown = [\"j\", \"PgSideways\"]\n");
        assert!(
            e.starts_with("my.toml:2:14: unknown key name `PgSideways`"),
            "{e}"
        );
    }

    #[test]
    fn one_key_for_two_actions_is_refused() {
        let e = first_error("[keys.list]\ndown = [\"x\"]\nup = [\"x\"]\n");
        assert_eq!(
            e,
            "my.toml:3:7: `x` is bound to both `down` and `up` in [keys.list]"
        );
    }

    #[test]
    fn wrong_value_type_is_explained() {
        let e = first_error("[keys.list]\ndown = \"j\"\n");
        assert!(e.starts_with("my.toml:2:8:"), "{e}");
        assert!(e.contains("a list of key names"), "{e}");
    }

    #[test]
    fn prefix_shadowing_is_refused() {
        let e = first_error("[keys.list]\ntop = [\"z z\"]\nbottom = [\"z\"]\n");
        assert!(e.contains("shadows `z z`"), "{e}");
    }

    #[test]
    fn unknown_table_and_top_level_key_are_refused() {
        assert!(first_error("[keys.lsit]\n").contains("did you mean `list`"));
        assert!(first_error("libary = \"x\"\n").starts_with("my.toml:1:1: unknown field `libary`"));
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let e = first_error("max_file_size = 10\n[keys.list\n");
        assert!(e.starts_with("my.toml:2:"), "{e}");
    }

    #[test]
    fn all_problems_are_reported_together() {
        let errors = parse("[keys.list]\ndwon = [\"j\"]\nup = [\"Hyperspace\"]\n").unwrap_err();
        assert_eq!(errors.len(), 2);
    }

    #[test]
    fn theme_colours_are_read_and_bad_ones_located() {
        let c = parse("[theme]\nunique_right = \"#102030\"\n").unwrap();
        assert_eq!(c.theme.unique_right, ThemeColor::Rgb(16, 32, 48));
        assert_eq!(c.theme.unique_left, Theme::default().unique_left);
        assert_eq!(c.theme.conflict, Theme::default().conflict);
        let e = first_error("[theme]\nconflict = \"mauve\"\n");
        assert!(e.starts_with("my.toml:2:12: unknown colour `mauve`"), "{e}");
        assert!(first_error("[theme]\nshared = \"red\"\n").contains("unknown field `shared`"));
    }

    #[test]
    fn feeds_and_browser_are_read_and_bad_feed_urls_are_located() {
        let c = parse(
            "browser = \"firefox --new-tab\"\n[[feeds]]\nurl = \"https://a.example/rss\"\nname = \"A\"\ntags = [\"x\"]\n[[feeds]]\nurl = \"http://b.example/atom\"\n",
        )
        .unwrap();
        assert_eq!(c.browser, ["firefox", "--new-tab"]);
        assert_eq!(c.feeds.len(), 2);
        assert_eq!(c.feeds[0].label(), "A");
        assert_eq!(c.feeds[0].tags, ["x"]);
        assert_eq!(c.feeds[1].label(), "http://b.example/atom");

        let e = first_error("[[feeds]]\nurl = \"file:///etc/passwd\"\n");
        assert!(
            e.contains(":2:7:") && e.contains("http:// or https://"),
            "{e}"
        );
        let e = first_error(
            "[[feeds]]\nurl = \"https://a.example/rss\"\n[[feeds]]\nurl = \"https://a.example/rss\"\n",
        );
        assert!(e.contains(":4:7:") && e.contains("listed twice"), "{e}");
        let e = first_error("[[feeds]]\nname = \"no url\"\n");
        assert!(e.contains("url"), "{e}");
        let e = first_error("browser = 5\n");
        assert!(
            e.contains(":1:11:") && e.contains("`browser` should be"),
            "{e}"
        );
    }

    #[test]
    fn the_item_cap_is_global_with_a_per_feed_override_and_checked() {
        let c = parse(
            "max_items_per_feed = 50\n[[feeds]]\nurl = \"https://a.example/rss\"\nmax_items = 5\n[[feeds]]\nurl = \"https://b.example/rss\"\n",
        )
        .unwrap();
        assert_eq!((c.feeds[0].max_items, c.feeds[1].max_items), (5, 50));
        let c = parse("[[feeds]]\nurl = \"https://a.example/rss\"\n").unwrap();
        assert_eq!(c.feeds[0].max_items, DEFAULT_MAX_ITEMS_PER_FEED);

        let e = first_error("max_items_per_feed = 0\n");
        assert!(
            e.contains(":1:22:") && e.contains("`max_items_per_feed` should be a number"),
            "{e}"
        );
        let e = first_error("[[feeds]]\nurl = \"https://a.example/rss\"\nmax_items = \"all\"\n");
        assert!(
            e.contains(":3:13:") && e.contains("`max_items` should be a number"),
            "{e}"
        );
    }

    #[test]
    fn library_paths_are_relative_to_the_config_folder() {
        let c = Config::parse(
            "library = [\"news\", \"/abs\"]",
            Path::new("/etc/px/config.toml"),
        )
        .unwrap();
        assert_eq!(
            c.library,
            [PathBuf::from("/etc/px/news"), PathBuf::from("/abs")]
        );
    }
}
