use super::released_in;
use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A dispute's decision is released in a version after the catalog's.
    ///
    /// ## Why
    /// `decision.releasedIn` names the catalog release that carries the
    /// outcome. A version above the one in catalog.json points at a release
    /// that does not exist yet, so the KPI's history would show a change that
    /// readers cannot find.
    ///
    /// ## Example
    /// ```json,expect=DSP006 path=ontology/disputes/DSP-0001.json
    /// {"id": "DSP-0001", "kpi": "sales.win_rate", "kind": "definition", "status": "rejected", "openedAt": "2026-03-02", "raisedBy": "A board member", "claim": "Win rate should exclude deals lost to no decision.", "evidence": [], "decision": {"decidedAt": "2026-04-03", "summary": "Kept: no-decision losses are part of the sales outcome.", "releasedIn": "1.1.0"}}
    /// ```
    /// Use instead: `"releasedIn": "1.0.0"` (the catalog is at 1.0.0), or bump
    /// the catalog in the same change.
    ///
    /// ## How to fix
    /// Set `releasedIn` to the release that carries the decision, and bump the
    /// catalog version (`ontolint bump --write`) when that release is this change.
    pub ReleaseAfterCatalogVersion {
        code: "DSP006",
        name: "release-after-catalog-version",
        category: Dispute,
        severity: Error,
        scope: Catalog,
        message: "dispute `{dispute}` is released in {released}, after the catalog version {version}",
        since: "0.1.0",
    }
}

impl Check for ReleaseAfterCatalogVersion {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let Some(version) = cx.catalog.version() else { return };
        for d in &cx.catalog.disputes {
            // Build metadata has no precedence (semver §10): `1.1.0+b` is release 1.1.0.
            let Some(released) = released_in(d).filter(|r| r.cmp_precedence(&version).is_gt()) else { continue };
            let r = out
                .report(d.file, "/decision/releasedIn")
                .about(d.kpi.as_deref())
                .arg("dispute", d.name())
                .arg("released", &released)
                .arg("version", &version)
                .help(format!(
                    "set `releasedIn` to the release that carries the decision, or bump catalog.json to {released} in this change"
                ));
            if let Some(m) = &cx.catalog.manifest {
                r.label(m.file, "/version", "the catalog's version");
            }
        }
    }
}
