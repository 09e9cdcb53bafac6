use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// The released version has no committed snapshot.
    ///
    /// ## Why
    /// When a catalog keeps snapshots, every release is published as an
    /// immutable `snapshots/v/<version>/index.json` that integrations can pin; a
    /// release without one cannot be pinned.
    ///
    /// ## Example
    /// ```text
    /// catalog.json: "version": "1.1.0"   snapshots/v/: only 1.0.0/
    /// ```
    ///
    /// ## How to fix
    /// Write the snapshot of the release and commit it with the version bump.
    pub SnapshotMissing {
        code: "SNP002",
        name: "snapshot-missing",
        category: Snapshot,
        severity: Error,
        scope: Diff,
        message: "version `{version}` has no snapshot at `{path}`",
        since: "0.1.0",
    }
}

impl Check for SnapshotMissing {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let Some(diff) = cx.diff else { return };
        let Some(snaps) = &diff.snapshots else { return };
        let Some(manifest) = &cx.catalog.manifest else { return };
        let Some(version) = &manifest.version else { return };
        // Only a release made by this change needs its snapshot now.
        let base_version = diff.base.manifest.as_ref().and_then(|m| m.version.as_deref());
        if base_version == Some(version.as_str()) {
            return;
        }
        let path = format!("{}/v/{version}/index.json", snaps.dir.trim_end_matches('/'));
        if !snaps.head.contains_key(&path) {
            out.report(manifest.file, "/version")
                .arg("version", version)
                .arg("path", &path)
                .help("commit the release snapshot together with the version bump");
        }
    }
}
