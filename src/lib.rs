//! ontolint — governs catalogs of board-level KPI definitions kept in git.
//!
//! Data flows one way:
//!
//! ```text
//! source (work tree) → parse (spans, duplicate keys) → model (typed catalog)
//!   → rules → findings → render (human | concise | json)
//! ```
//!
//! Modules are listed in that order; imports only point left.

pub mod check;
pub mod cli;
pub mod config;
pub mod error;
pub mod findings;
pub mod model;
pub mod parse;
pub mod render;
pub mod rules;
pub mod schema;
pub mod source;
