use super::release;
use crate::diff::Bump;
use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// The version was bumped but no KPI changed.
    ///
    /// ## Why
    /// An empty release makes integrations re-pin for nothing and dilutes the
    /// meaning of a version. It is often a bump committed ahead of the changes
    /// it was meant for.
    ///
    /// ## Example
    /// ```text
    /// base: 1.4.0   head: 1.5.0, every KPI identical
    /// ```
    ///
    /// ## How to fix
    /// Revert the version, or make the bump in the same change as the KPI edits.
    pub VersionBumpWithoutChange {
        code: "VER006",
        name: "version-bump-without-change",
        category: Versioning,
        severity: Warning,
        scope: Diff,
        message: "version goes from `{base}` to `{head}` but no KPI changed",
        since: "0.1.0",
    }
}

impl Check for VersionBumpWithoutChange {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let Some(r) = release(cx) else { return };
        if r.declared.is_some_and(|d| d > Bump::None) && r.diff.changes.is_empty() {
            out.report(r.manifest_file, "/version")
                .arg("base", &r.base)
                .arg("head", &r.head)
                .help(format!("restore \"version\": \"{}\" until there is something to release", r.base));
        }
    }
}
