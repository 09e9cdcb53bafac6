//! Integration tests of the CLI: one binary, several modules.

#[path = "../common/mod.rs"]
mod common;
#[path = "../common/chromium.rs"]
mod chromium;
#[path = "../common/git.rs"]
mod git;

mod build;
mod check;
mod config;
mod diff;
mod disputes;
mod exit_codes;
mod flows;
mod fmt;
mod history;
mod import;
mod formats;
mod formats_ci;
mod precommit;
mod regression;
mod report;
