use super::released_in;
use crate::model::{DisputeKind, DisputeStatus, Tier};
use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A KPI whose attribution dispute was upheld is not published.
    ///
    /// ## Why
    /// An upheld attribution dispute decides that the KPI is anchored to a
    /// third-party standard: from `decision.releasedIn` on it is `published`,
    /// citing a standard registered in standards.json (an unregistered name is
    /// TIR003's finding). An editorial KPI with such a dispute means the
    /// decision was recorded but never applied. A later upheld tier or
    /// attribution dispute on the same KPI (a later `releasedIn`) supersedes
    /// it; a KPI removed since is not checked.
    ///
    /// ## Example
    /// ```json,expect=DSP007 path=ontology/disputes/DSP-0001.json
    /// {"id": "DSP-0001", "kpi": "sales.win_rate", "kind": "attribution", "status": "upheld", "openedAt": "2026-01-02", "raisedBy": "Example Metrics Board", "claim": "Win rate follows our published definition.", "evidence": [{"title": "Win rate", "url": "https://metrics.example.org/win-rate"}], "decision": {"decidedAt": "2026-01-10", "summary": "Anchored to the board's definition.", "releasedIn": "1.0.0"}}
    /// ```
    /// Use instead: the KPI with `"tier": "published"` citing the standard, or
    /// `"status": "rejected"`.
    ///
    /// ## How to fix
    /// Apply the decision: make the KPI `published` with the standard's name,
    /// URL, section, date and notice, in the release the decision names.
    pub UpheldAttributionUnpublished {
        code: "DSP007",
        name: "upheld-attribution-unpublished",
        category: Dispute,
        severity: Error,
        scope: Catalog,
        message: "attribution dispute `{dispute}` was upheld, but `{kpi}` is not published",
        since: "0.1.0",
    }
}

/// Upheld disputes that decide a KPI's tier.
fn decides_tier(d: &crate::model::Dispute) -> bool {
    d.status == Some(DisputeStatus::Upheld) && matches!(d.kind, Some(DisputeKind::Attribution | DisputeKind::Tier))
}

impl Check for UpheldAttributionUnpublished {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let version = cx.catalog.version();
        for d in cx.catalog.disputes.iter().filter(|d| decides_tier(d) && d.kind == Some(DisputeKind::Attribution)) {
            let Some(kpi) = d.kpi.as_deref().and_then(|id| cx.catalog.kpi(id)) else { continue };
            let released = released_in(d);
            // A release still to come is DSP006's finding (build metadata has no precedence).
            if released.as_ref().zip(version.as_ref()).is_some_and(|(r, v)| r.cmp_precedence(v).is_gt()) {
                continue;
            }
            let superseded = cx.catalog.disputes_on(&kpi.id()).any(|other| match (released_in(other), &released) {
                (Some(theirs), Some(ours)) => decides_tier(other) && theirs.cmp_precedence(ours).is_gt(),
                _ => false,
            });
            if superseded || kpi.tier() == Some(Tier::Published) || kpi.tier().is_none() {
                continue;
            }
            out.report_kpi(kpi, "/definitionSource/tier")
                .arg("dispute", d.name())
                .arg("kpi", kpi.id())
                .label(d.file, "/status", "upheld here")
                .help("apply the decision: set `tier` to `published` and cite the standard (sourceName, sourceUrl, sectionRef, publicationDate, attributionNotice)");
        }
    }
}
