//! The typed catalog, built with serde from parsed values.
//!
//! Every field is optional here: a file that breaks the schema still yields
//! what can be read from it, so rules see it without cascading errors (the
//! schema rule reports what is missing or mistyped).

mod catalog;
pub mod dispute;
mod file;
pub mod flow;
pub mod kpi;
mod load;
mod manifest;

pub use catalog::Catalog;
pub use dispute::{Decision, Dispute, DisputeKind, DisputeStatus, Evidence};
pub use file::{FileKind, SourceFile, classify};
pub use flow::{Flow, FlowLine, Role, Sign};
pub use kpi::{Benchmark, DefinitionSource, FieldType, Kpi, STAGES, Tier};
pub use load::load;
pub use manifest::{Domain, Manifest, Standard};

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// Reads one field leniently: absent, null or mistyped gives `None`.
pub(crate) fn field<T: DeserializeOwned>(obj: &Map<String, Value>, key: &str) -> Option<T> {
    obj.get(key).and_then(|v| T::deserialize(v).ok())
}

/// A string field, leniently (the common case, without serde's generic path).
pub(crate) fn text(obj: &Map<String, Value>, key: &str) -> Option<String> {
    obj.get(key).and_then(Value::as_str).map(str::to_owned)
}

/// A list of strings, leniently: `None` unless every item is a string.
pub(crate) fn texts(obj: &Map<String, Value>, key: &str) -> Option<Vec<String>> {
    obj.get(key)?.as_array()?.iter().map(|v| v.as_str().map(str::to_owned)).collect()
}
