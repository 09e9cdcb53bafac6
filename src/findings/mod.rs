//! Findings: what rules report, with severity, location and a stable fingerprint.

mod finding;
mod fingerprint;
mod severity;

pub use finding::{Finding, Label, Location, Summary};
pub use fingerprint::fingerprint;
pub use severity::Severity;
