//! `ddexlint` subcommands.

mod args;
mod baseline;
mod check;
mod color;
mod extras;
mod fixing;
mod index;
mod progress;
mod rules;
mod settings;
mod walk;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

pub use args::Cli;

/// Exit status: 0 clean, 1 findings at or above `--fail-on`, 2 usage/config/I-O error.
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_ERROR } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        args::Command::Check(a) => check::run(&a),
        args::Command::Rules(a) => rules::list(&a),
        args::Command::Explain { id } => rules::explain(&id),
        args::Command::Completions { shell } => extras::completions(shell),
        args::Command::Man => extras::man(),
        args::Command::Index(args::IndexCommand::Build(a)) => index::build(&a),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(CliError::BrokenPipe) => ExitCode::from(0),
        Err(CliError::Message(m)) => {
            let _ = writeln!(std::io::stderr(), "ddexlint: error: {m}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

#[derive(Debug)]
pub enum CliError {
    /// The reader of our output went away: stop quietly.
    BrokenPipe,
    Message(String),
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            CliError::BrokenPipe
        } else {
            CliError::Message(e.to_string())
        }
    }
}

impl From<String> for CliError {
    fn from(m: String) -> Self {
        CliError::Message(m)
    }
}
