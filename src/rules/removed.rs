//! Codes that existed once and were removed. Codes are never reused.

/// A removed rule: `(code, name, removed in, reason, replaced by)`.
pub struct RemovedRule {
    pub code: &'static str,
    pub name: &'static str,
    pub since: &'static str,
    pub reason: &'static str,
    pub replaced_by: Option<&'static str>,
}

/// No rule has been removed yet.
pub const REMOVED: &[RemovedRule] = &[];
