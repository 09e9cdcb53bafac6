use super::released_in;
use crate::diff::ChangeKind;
use crate::model::DisputeStatus;
use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// A KPI is demoted from published to editorial without an upheld dispute.
    ///
    /// ## Why
    /// Dropping a standard's anchor removes the reason readers trust the
    /// definition, and it is a major change. It is made only as the outcome
    /// of an upheld dispute on that KPI whose `decision.releasedIn` is the
    /// version this change releases, so the history and the changelog say
    /// why (DESIGN §4).
    ///
    /// ## Example
    /// ```text
    /// ontology/sales/arr.json: definitionSource.tier published → editorial, version 1.4.0 → 2.0.0,
    /// no ontology/disputes/*.json upheld on sales.arr with "releasedIn": "2.0.0"
    /// ```
    ///
    /// ## How to fix
    /// Record the dispute (status `upheld`, `decision.releasedIn` = the new
    /// version) in the same change, or keep the KPI published.
    pub DemotionWithoutUpheldDispute {
        code: "DSP009",
        name: "demotion-without-upheld-dispute",
        category: Dispute,
        severity: Error,
        scope: Diff,
        message: "`{kpi}` is demoted from published to editorial without an upheld dispute released in {version}",
        since: "0.1.0",
    }
}

impl Check for DemotionWithoutUpheldDispute {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let Some(diff) = cx.diff else { return };
        let version = cx.catalog.version();
        for c in diff.changes.iter().filter(|c| c.kind == ChangeKind::Demoted) {
            let Some(kpi) = cx.catalog.kpi(&c.kpi) else { continue };
            let justified = cx.catalog.disputes_on(&c.kpi).any(|d| {
                // Build metadata has no precedence (semver §10): `2.0.0+build.1` is release 2.0.0.
                let same_release = match (released_in(d), &version) {
                    (Some(released), Some(version)) => released.cmp_precedence(version).is_eq(),
                    _ => false,
                };
                d.status == Some(DisputeStatus::Upheld) && same_release
            });
            if justified {
                continue;
            }
            let shown = version.as_ref().map_or_else(|| "the new version".to_string(), ToString::to_string);
            out.report_kpi(kpi, "/definitionSource/tier").arg("kpi", &c.kpi).arg("version", &shown).help(format!(
                "record the dispute in ontology/disputes/DSP-<n>.json with `\"status\": \"upheld\"` and `\"releasedIn\": \"{shown}\"`, or keep the KPI published"
            ));
        }
    }
}
