//! ontolint — governs catalogs of board-level KPI definitions kept in git.
//!
//! Data flows one way:
//!
//! ```text
//! source (work tree) → parse (spans, duplicate keys) → model (typed catalog)
//!   → rules / diff → findings → render (human | concise | json)
//! ```
//!
//! Modules are declared in pipeline order and imports only point to modules
//! declared earlier (`tests/architecture.rs` guards it). `findings` — the
//! finding type and the rule metadata it carries — comes before `rules`, so
//! rules produce findings and renderers read them without importing rule logic.

pub mod error;
pub mod source;
pub mod parse;
pub mod model;
pub mod fmt;
pub mod schema;
pub mod diff;
pub mod findings;
pub mod rules;
pub mod suppress;
pub mod check;
pub mod render;
pub mod reconcile;
pub mod config;
pub mod governance;
pub mod history;
pub mod report;
pub mod build;
pub mod import;
pub mod cli;
