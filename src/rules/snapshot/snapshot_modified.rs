use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A committed release snapshot was modified or deleted.
    ///
    /// ## Why
    /// A snapshot (`snapshots/v/<version>/index.json`) is what integrations pin
    /// when they pin a version: it must stay byte-for-byte what was released.
    /// Corrections go into a new release and its own snapshot.
    ///
    /// ## Example
    /// ```text
    /// base: snapshots/v/1.0.0/index.json committed   head: the same file edited (or deleted)
    /// ```
    ///
    /// ## How to fix
    /// Restore the file from the base (`git checkout <base> -- <path>`) and
    /// release the correction as a new version.
    pub SnapshotModified {
        code: "SNP001",
        name: "snapshot-modified",
        category: Snapshot,
        severity: Error,
        scope: Diff,
        message: "release snapshot `{path}` was {what}; released snapshots are immutable",
        since: "0.1.0",
    }
}

impl Check for SnapshotModified {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let Some(diff) = cx.diff else { return };
        let Some(snaps) = &diff.snapshots else { return };
        for (path, bytes) in &snaps.base {
            let what = match snaps.head.get(path) {
                None => "deleted",
                Some(now) if now != bytes => "modified",
                Some(_) => continue,
            };
            let r = out.report_path(path).arg("path", path).arg("what", what);
            let r = if what == "deleted" { r.in_base() } else { r };
            r.help(format!("restore it: `git checkout {} -- {path}`", diff.base_rev));
        }
    }
}
