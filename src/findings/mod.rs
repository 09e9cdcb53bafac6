//! Findings: what rules report, with severity, location and a stable fingerprint.

mod finding;
mod fingerprint;
mod rule_meta;
mod severity;

pub use finding::{Finding, Label, Location, Summary};
pub use fingerprint::{disambiguate, fingerprint};
pub use rule_meta::{Category, RuleMeta, Scope};
pub use severity::Severity;
