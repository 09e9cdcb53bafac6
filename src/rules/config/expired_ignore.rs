use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// An `[[ignore]]` entry of ontolint.toml is past its expiry date.
    ///
    /// ## Why
    /// An expiry date makes an exception temporary. Once it has passed, the
    /// ignore no longer applies (the findings it hid are reported again) and
    /// the entry itself is reported, so that someone decides what to do.
    ///
    /// ## Example
    /// ```toml
    /// [[ignore]]
    /// rule = "REF005"
    /// kpi = "sales.arr"
    /// reason = "formula rewrite pending"
    /// expires = "2026-01-31"     # today is later than this
    /// ```
    ///
    /// ## How to fix
    /// Fix the findings and delete the entry, or, if the exception must last,
    /// move `expires` forward with an up-to-date `reason`.
    pub ExpiredIgnore {
        code: "CFG002",
        name: "expired-ignore",
        category: Config,
        severity: Warning,
        scope: Config,
        message: "the ignore of `{rule}` for `{subject}` expired on {expires}",
        since: "0.1.0",
    }
}

/// Reported where ignores are applied, not by a check of its own.
impl Check for ExpiredIgnore {
    fn check(&self, _cx: &Context<'_>, _out: &mut Sink) {}
}
