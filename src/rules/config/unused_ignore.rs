use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// An `[[ignore]]` entry of ontolint.toml matches no finding.
    ///
    /// ## Why
    /// An ignore that hides nothing is stale: the problem was fixed, the KPI
    /// was renamed or the rule code is wrong. Left in place, it would silently
    /// hide the problem if it came back.
    ///
    /// ## Example
    /// ```toml
    /// [[ignore]]
    /// rule = "REF001"
    /// kpi = "sales.arr"          # sales.arr has no REF001 finding
    /// reason = "legacy id, fixed in the next release"
    /// ```
    ///
    /// ## How to fix
    /// Delete the entry, or correct its `rule`, `kpi` or `file`.
    pub UnusedIgnore {
        code: "CFG001",
        name: "unused-ignore",
        category: Config,
        severity: Warning,
        scope: Config,
        message: "the ignore of `{rule}` for `{subject}` matches no finding",
        since: "0.1.0",
    }
}

/// Reported where ignores are applied, not by a check of its own.
impl Check for UnusedIgnore {
    fn check(&self, _cx: &Context<'_>, _out: &mut Sink) {}
}
