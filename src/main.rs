//! The `parallax` binary: parse the command line, check the config, then run a command or the TUI.
#![forbid(unsafe_code)]

mod cli;

use clap::Parser;

fn main() -> std::process::ExitCode {
    cli::run(cli::Cli::parse())
}
