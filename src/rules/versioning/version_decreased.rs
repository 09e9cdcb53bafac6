use super::release;
use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// The catalog version is lower than the base's.
    ///
    /// ## Why
    /// Versions only move forward: snapshots and integrations key on them, and a
    /// lower version would republish an old number with new content.
    ///
    /// ## Example
    /// ```text
    /// base: "version": "1.4.0"   head: "version": "1.3.9"
    /// ```
    ///
    /// ## How to fix
    /// Set a version above the base's (`ontolint bump --write` computes it).
    pub VersionDecreased {
        code: "VER003",
        name: "version-decreased",
        category: Versioning,
        severity: Error,
        scope: Diff,
        message: "version goes down from `{base}` to `{head}`",
        since: "0.1.0",
    }
}

impl Check for VersionDecreased {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let Some(r) = release(cx) else { return };
        if r.declared.is_none() {
            let next = r.diff.required.apply(&r.base);
            out.report(r.manifest_file, "/version")
                .arg("base", &r.base)
                .arg("head", &r.head)
                .help(format!("set \"version\": \"{next}\" or higher"));
        }
    }
}
