//! `parallax opml import FILE` and `parallax opml export`.

use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use super::say;
use parallax::config::{Config, MAX_CONFIG_BYTES, NewFeed, add_feeds, read_config_text};
use parallax::library::write_atomically;
use parallax::opml::{read_opml, write_opml};

/// The largest OPML file read: a list of ten thousand feeds is about 2 MB.
const MAX_OPML_BYTES: u64 = 16 * 1024 * 1024;

/// Adds the http(s) feeds of an OPML file to the config file at `config_path`, keeping its
/// comments and layout, and says what was added, what was there already and what was refused.
pub fn import(file: &Path, config_path: Option<&Path>) -> ExitCode {
    let Some(config_path) = config_path else {
        say::error(format_args!(
            "parallax: there is no config folder on this system; give one with --config PATH"
        ));
        return ExitCode::from(2);
    };
    let text = match read_limited(file) {
        Ok(text) => text,
        Err(why) => {
            say::error(format_args!("parallax: {}: {why}", file.display()));
            return ExitCode::FAILURE;
        }
    };
    let opml = match read_opml(&text) {
        Ok(opml) => opml,
        Err(e) => {
            say::error(format_args!(
                "parallax: {}:{}:{}: {}",
                file.display(),
                e.line,
                e.column,
                e.message
            ));
            return ExitCode::FAILURE;
        }
    };
    let current = if config_path.exists() {
        match read_config_text(config_path) {
            Ok(text) => text,
            Err(errors) => return config_problems(&errors),
        }
    } else {
        String::new()
    };
    let feeds: Vec<NewFeed> = opml
        .feeds
        .iter()
        .map(|f| NewFeed {
            url: &f.url,
            name: f.name.as_deref(),
            tags: &f.tags,
        })
        .collect();
    let result = match add_feeds(&current, &feeds) {
        Ok(result) => result,
        Err(why) => {
            say::error(format_args!("parallax: {}: {why}", config_path.display()));
            return ExitCode::from(2);
        }
    };
    // What is written must be a config Parallax reads, and not one too big to read.
    if result.text.len() as u64 > MAX_CONFIG_BYTES {
        say::error(format_args!(
            "parallax: {} feeds would make {} larger than {} KiB, more than Parallax reads; \
             nothing was imported",
            result.added.len(),
            config_path.display(),
            MAX_CONFIG_BYTES / 1024
        ));
        return ExitCode::FAILURE;
    }
    if let Err(errors) = Config::parse(&result.text, config_path) {
        return config_problems(&errors);
    }
    if !result.added.is_empty() {
        let written = config_path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| write_atomically(config_path, result.text.as_bytes()));
        if let Err(e) = written {
            say::error(format_args!(
                "parallax: cannot write {}: {e}",
                config_path.display()
            ));
            return ExitCode::FAILURE;
        }
    }
    say::out(format_args!(
        "{} feed{} added to {}",
        result.added.len(),
        if result.added.len() == 1 { "" } else { "s" },
        config_path.display()
    ));
    for f in &result.added {
        say::out(format_args!("  + {}", label(f)));
    }
    for f in &result.already {
        say::out(format_args!("  = {} (already subscribed)", label(f)));
    }
    for r in &opml.refused {
        say::out(format_args!(
            "  ! {}:{}: {} refused: {}",
            file.display(),
            r.line,
            r.what,
            r.why
        ));
    }
    ExitCode::SUCCESS
}

/// Prints the configured feeds as OPML 2.0.
pub fn export(config: &Config) -> ExitCode {
    print!("{}", write_opml(&config.feeds));
    ExitCode::SUCCESS
}

fn label(f: &NewFeed) -> String {
    match f.name {
        Some(name) => format!("{name} <{}>", f.url),
        None => f.url.to_string(),
    }
}

fn config_problems(errors: &[parallax::config::ConfigError]) -> ExitCode {
    say::error(format_args!(
        "parallax: the config file has problems; nothing was imported:"
    ));
    for e in errors {
        say::error(format_args!("  {e}"));
    }
    ExitCode::from(2)
}

fn read_limited(path: &Path) -> Result<String, String> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_OPML_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > MAX_OPML_BYTES {
        return Err(format!(
            "refused: larger than {} MiB; no subscription list is that long",
            MAX_OPML_BYTES >> 20
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not UTF-8 text (at byte {}); save it as UTF-8",
            e.utf8_error().valid_up_to()
        )
    })
}
