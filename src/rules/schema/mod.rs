//! Schema rules: every file against its embedded JSON Schema.

mod schema_violation;

pub use schema_violation::SchemaViolation;
