//! `ontolint completions SHELL` and `ontolint man`: generated from the clap
//! definition, so they never drift from the real command line.

use crate::cli::Cli;
use crate::error::{Error, Result};
use clap::CommandFactory;

pub fn completions(shell: clap_complete::Shell) -> Result<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "ontolint", &mut out);
    crate::cli::print(&String::from_utf8_lossy(&out))?;
    Ok(0)
}

pub fn man() -> Result<u8> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut out)
        .map_err(|source| Error::Write { path: "<stdout>".into(), source })?;
    crate::cli::print(&String::from_utf8_lossy(&out))?;
    Ok(0)
}
