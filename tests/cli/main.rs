//! Integration tests of the CLI: one binary, several modules.

#[path = "../common/mod.rs"]
mod common;

mod check;
mod exit_codes;
mod formats;
mod regression;
