use super::release;
use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// releasedAt changed but the version did not.
    ///
    /// ## Why
    /// A release date belongs to a version. Changing it alone rewrites the
    /// history of a release that integrations may already have pinned.
    ///
    /// ## Example
    /// ```text
    /// base: 1.4.0 released 2026-11-30   head: 1.4.0 released 2026-12-03
    /// ```
    ///
    /// ## How to fix
    /// Restore the base's releasedAt, or release a new version with the new date.
    pub ReleaseDateWithoutVersion {
        code: "VER005",
        name: "release-date-without-version",
        category: Versioning,
        severity: Error,
        scope: Diff,
        message: "releasedAt changed from `{base_date}` to `{date}` but the version is still `{version}`",
        since: "0.1.0",
    }
}

impl Check for ReleaseDateWithoutVersion {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let Some(r) = release(cx) else { return };
        let (Some(base_date), Some(date)) = (r.base_date, r.head_date) else { return };
        if r.head == r.base && date != base_date {
            out.report(r.manifest_file, "/releasedAt")
                .arg("base_date", base_date)
                .arg("date", date)
                .arg("version", &r.head)
                .help(format!("restore \"releasedAt\": \"{base_date}\", or bump the version"));
        }
    }
}
