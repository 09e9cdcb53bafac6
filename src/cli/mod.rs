//! Command dispatch: parse arguments, run a command, return the exit code.

pub mod args;
pub mod commands;
pub mod paths;
pub mod report;
pub mod write;

pub use args::Cli;

use crate::error::Result;
use args::Command;

/// Runs a parsed command line; `Ok` carries the exit code (0 or 1).
pub fn run(cli: Cli) -> Result<u8> {
    match &cli.command {
        Command::Check(args) => commands::check::run(&cli, args),
        Command::Diff(args) => commands::diff::run(&cli, args),
        Command::Bump(args) => commands::bump::run(&cli, args),
        Command::Changelog(args) => commands::changelog::run(&cli, args),
        Command::History(args) => commands::history::run(&cli, args),
        Command::Report(args) => commands::report::run(&cli, args),
        Command::Rules(args) => commands::rules::run(args, cli.root.as_deref()),
        Command::Explain { rule } => commands::explain::run(rule),
        Command::Schema { name } => commands::schema::run(name),
        Command::Fmt(args) => commands::fmt::run(&cli, args),
        Command::Build(args) => commands::build::run(&cli, args),
        Command::Import(args) => commands::import::run(&cli, args),
        Command::Completions { shell } => commands::completions::completions(*shell),
        Command::Man => commands::completions::man(),
        Command::Config => commands::config::run(&cli),
        Command::Flow(args) => commands::flow::run(&cli, args),
    }
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
pub(crate) fn print(text: &str) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(crate::error::Error::Write { path: "<stdout>".into(), source: e })
        }
        _ => Ok(()),
    }
}
