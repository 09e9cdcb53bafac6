use super::release;
use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// The version changed but releasedAt did not move forward.
    ///
    /// ## Why
    /// Every release is dated; readers and snapshot consumers order releases by
    /// that date. A new version with the old date (or an earlier one) makes two
    /// releases look simultaneous or out of order.
    ///
    /// ## Example
    /// ```text
    /// base: 1.4.0 released 2026-11-30   head: 1.5.0 released 2026-11-30
    /// ```
    ///
    /// ## How to fix
    /// Set releasedAt to the release day (`ontolint bump --write --date YYYY-MM-DD`).
    pub ReleaseDateNotAdvanced {
        code: "VER004",
        name: "release-date-not-advanced",
        category: Versioning,
        severity: Error,
        scope: Diff,
        message: "version changed to `{head}` but releasedAt `{date}` is not after the base's `{base_date}`",
        since: "0.1.0",
    }
}

impl Check for ReleaseDateNotAdvanced {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let Some(r) = release(cx) else { return };
        let (Some(base_date), Some(date)) = (r.base_date, r.head_date) else { return };
        // ISO dates order as strings.
        if r.head != r.base && date <= base_date {
            out.report(r.manifest_file, "/releasedAt")
                .arg("head", &r.head)
                .arg("date", date)
                .arg("base_date", base_date)
                .help("set releasedAt to the day of this release");
        }
    }
}
