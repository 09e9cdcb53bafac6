pub mod bump;
pub mod changelog;
pub mod check;
pub mod diff;
pub mod explain;
pub mod rules;
pub mod schema;
