use super::object;
use crate::rules::{Check, Context, Sink, declare_rule};

declare_rule! {
    /// An upheld or rejected dispute has no `decision`.
    ///
    /// ## Why
    /// Upheld and rejected are final: the decision (its date, a summary and,
    /// when the catalog changed, the release) is what readers of the KPI's
    /// history and of review reports rely on. A final status without one
    /// cannot be traced.
    ///
    /// ## Example
    /// ```json,expect=DSP004 path=ontology/disputes/DSP-0001.json
    /// {"id": "DSP-0001", "kpi": "sales.win_rate", "kind": "definition", "status": "rejected", "openedAt": "2026-03-02", "raisedBy": "A board member", "claim": "Win rate should exclude deals lost to no decision.", "evidence": []}
    /// ```
    /// Use instead:
    /// ```json path=ontology/disputes/DSP-0001.json
    /// {"id": "DSP-0001", "kpi": "sales.win_rate", "kind": "definition", "status": "rejected", "openedAt": "2026-03-02", "raisedBy": "A board member", "claim": "Win rate should exclude deals lost to no decision.", "evidence": [], "decision": {"decidedAt": "2026-04-03", "summary": "Kept: no-decision losses are part of the sales outcome."}}
    /// ```
    ///
    /// ## How to fix
    /// Add `"decision": {"decidedAt": …, "summary": …, "releasedIn": …}`
    /// (`releasedIn` when a release carries the outcome).
    pub MissingDecision {
        code: "DSP004",
        name: "missing-decision",
        category: Dispute,
        severity: Error,
        scope: Catalog,
        message: "dispute `{dispute}` is `{status}` but records no decision",
        since: "0.1.0",
    }
}

impl Check for MissingDecision {
    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for d in &cx.catalog.disputes {
            let Some(status) = d.status.filter(|s| s.needs_decision()) else { continue };
            // A decision that is there but mistyped is the schema's finding.
            if object(cx.catalog, d).is_none_or(|o| o.contains_key("decision")) {
                continue;
            }
            out.report(d.file, "/status")
                .about(d.kpi.as_deref())
                .arg("dispute", d.name())
                .arg("status", status.as_str())
                .help("add `\"decision\": {\"decidedAt\": \"YYYY-MM-DD\", \"summary\": \"…\"}` (and `releasedIn` when a release carries it)");
        }
    }
}
