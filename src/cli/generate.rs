//! `parallax completions SHELL` and `parallax manpage`: made from the same clap definition as
//! the parser, so they can never list an option the program does not take.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;

use super::{Cli, say};

/// Prints the completion script for `shell`.
pub fn completions(shell: Shell) -> ExitCode {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "parallax", &mut script);
    print(&script)
}

/// Prints the man page, in roff; with `dir`, writes it and one page per command there.
pub fn manpage(dir: Option<&Path>) -> ExitCode {
    let Some(dir) = dir else {
        let mut page = Vec::new();
        return match clap_mangen::Man::new(Cli::command()).render(&mut page) {
            Ok(()) => print(&page),
            Err(e) => {
                say::error(format_args!("parallax: cannot make the man page: {e}"));
                ExitCode::FAILURE
            }
        };
    };
    match std::fs::create_dir_all(dir).and_then(|()| clap_mangen::generate_to(Cli::command(), dir))
    {
        Ok(()) => {
            say::out(format_args!("man pages written to {}", dir.display()));
            ExitCode::SUCCESS
        }
        Err(e) => {
            say::error(format_args!(
                "parallax: cannot write the man pages to {}: {e}",
                dir.display()
            ));
            ExitCode::FAILURE
        }
    }
}

fn print(bytes: &[u8]) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            say::error(format_args!("parallax: {e}"));
            ExitCode::FAILURE
        }
    }
}
